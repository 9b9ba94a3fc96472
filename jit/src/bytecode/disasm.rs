//! The bytecode disassembler (`jitprof run --dump-bytecode`): every code object
//! with its instructions, operands decoded from the opcode table, and the source
//! line each run of instructions came from.

use std::fmt::Write;

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::{OperandKind, NO_REG};
use crate::runtime::value::Value;

pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

/// One instruction as text: its mnemonic padded to a column, then its operands
/// decoded (register names, constants, names, targets).
pub fn instr_text(code: &Code, pc: usize) -> String {
    let mut out = String::with_capacity(48);
    push_instr_text(code, pc, &mut out);
    out
}

/// `instr_text`, appended to `out`: the profile has the text of every
/// instruction of every function that ran, so its builder reuses one buffer
/// and copies each text out at its exact length.
///
/// By pushes rather than `write!`: the formatting machinery (padding,
/// integers) cost more than a thousand instructions per instruction.
pub fn push_instr_text(code: &Code, pc: usize, out: &mut String) {
    let ins = &code.instrs[pc];
    let name = ins.name();
    put(out, name);
    put(out, &"               "[name.len().min(14)..]);
    let mut first = true;
    ins.for_each_operand(|name, kind, v| {
        if !first {
            out.push(' ');
        }
        first = false;
        put(out, name);
        out.push('=');
        push_operand(code, kind, v, out);
    });
}

/// An operand's value as text: register names, constants, names, targets.
fn push_operand(code: &Code, kind: OperandKind, v: u16, out: &mut String) {
    match kind {
        OperandKind::Reg if v == NO_REG => out.push('-'),
        OperandKind::Reg => {
            out.push('r');
            push_int(out, v as i64);
            if let Some(n) = code.reg_names.get(v as usize).and_then(|n| n.as_ref()) {
                out.push('(');
                put(out, n);
                out.push(')');
            }
        }
        OperandKind::Const => {
            out.push('k');
            push_int(out, v as i64);
            out.push('(');
            push_const(code.consts.get(v as usize), out);
            out.push(')');
        }
        OperandKind::Name => {
            if let Some(n) = code.names.get(v as usize) {
                put(out, n.as_str());
            }
        }
        OperandKind::Global => {
            out.push('g');
            push_int(out, v as i64);
        }
        OperandKind::Target => {
            out.push('@');
            push_int(out, v as i64);
        }
        OperandKind::Imm => push_int(out, v as i16 as i64),
        OperandKind::Count => push_int(out, v as i64),
    }
}

/// `const_text`, appended; an int (the common constant) without a string
/// of its own.
fn push_const(v: Option<&Value>, out: &mut String) {
    match v {
        Some(Value::Int(i)) => push_int(out, *i),
        _ => put(out, &const_text(v)),
    }
}

/// `v` in decimal, appended: a digit (most registers) as it is, the rest by
/// `itoa` (a division per digit and a UTF-8 check of the digits cost a
/// tenth of the profile's bytecode listings).
fn push_int(out: &mut String, v: i64) {
    if (0..10).contains(&v) {
        out.push((b'0' + v as u8) as char);
    } else {
        put(out, itoa::Buffer::new().format(v));
    }
}

/// `out.push_str(s)`, with the copy inline: `push_str` called
/// `Vec::reserve` out of line for each of an instruction's dozen pieces, a
/// fifth of the listing's cost. The builder's buffer has room already.
#[inline(always)]
fn put(out: &mut String, s: &str) {
    if out.capacity() - out.len() < s.len() {
        out.reserve(s.len());
    }
    // SAFETY: `s` is UTF-8, so the string stays UTF-8; there is room for
    // `s.len()` more bytes (made above), which are initialised before the
    // length covers them; `s` cannot overlap `out`'s spare capacity.
    unsafe {
        let v = out.as_mut_vec();
        let len = v.len();
        std::ptr::copy_nonoverlapping(s.as_ptr(), v.as_mut_ptr().add(len), s.len());
        v.set_len(len + s.len());
    }
}

fn disassemble_into(code: &Code, out: &mut String) {
    let p = &code.params;
    let _ = writeln!(
        out,
        "code {} ({}:{}) regs={} params={} consts={} instrs={}",
        code.qualname,
        code.filename(),
        code.first_line,
        code.nregs,
        p.names
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(","),
        code.consts.len(),
        code.instrs.len()
    );
    let mut last_line = 0;
    for pc in 0..code.instrs.len() {
        let line = code.line_at(pc);
        if line != last_line {
            let text = code.source.line_text(line).unwrap_or("").trim();
            let _ = writeln!(out, "  {:>4}  | {}", line, text);
            last_line = line;
        }
        let _ = writeln!(out, "  {:>6}  {}", pc, instr_text(code, pc));
    }
    for e in &code.exc_table {
        let _ = writeln!(
            out,
            "  handler [{}, {}) -> @{} exc=r{} depth={}",
            e.start, e.end, e.handler, e.exc_reg, e.depth
        );
    }
    out.push('\n');
    for c in &code.children {
        disassemble_into(c, out);
    }
}

fn const_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::Int(i)) => i.to_string(),
        Some(Value::Float(f)) => crate::format::float_repr(*f),
        Some(Value::Str(s)) => crate::builtins::text::repr_str(s.as_str()),
        Some(Value::Tuple(t)) => format!("tuple/{}", t.items.len()),
        Some(Value::BigInt(b)) => b.0.to_string(),
        Some(other) => format!("{:?}", other.tag()),
        None => "?".into(),
    }
}
