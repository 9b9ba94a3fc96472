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
///
/// Written into one string (the profile has the text of every instruction
/// of every function that ran, so this runs thousands of times per profile).
pub fn instr_text(code: &Code, pc: usize) -> String {
    let ins = &code.instrs[pc];
    let mut out = String::with_capacity(48);
    // By pushes rather than `write!`: the formatting machinery (padding,
    // integers) cost more than a thousand instructions per instruction.
    let name = ins.name();
    out.push_str(name);
    out.push_str(&"               "[name.len().min(14)..]);
    for (i, (name, kind, v)) in ins.operands().into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(name);
        out.push('=');
        match kind {
            OperandKind::Reg if v == NO_REG => out.push('-'),
            OperandKind::Reg => {
                out.push('r');
                push_int(&mut out, v as i64);
                if let Some(n) = code.reg_names.get(v as usize).and_then(|n| n.as_ref()) {
                    out.push('(');
                    out.push_str(n);
                    out.push(')');
                }
            }
            OperandKind::Const => {
                out.push('k');
                push_int(&mut out, v as i64);
                out.push('(');
                out.push_str(&const_text(code.consts.get(v as usize)));
                out.push(')');
            }
            OperandKind::Name => {
                if let Some(n) = code.names.get(v as usize) {
                    out.push_str(n.as_str());
                }
            }
            OperandKind::Global => {
                out.push('g');
                push_int(&mut out, v as i64);
            }
            OperandKind::Target => {
                out.push('@');
                push_int(&mut out, v as i64);
            }
            OperandKind::Imm => push_int(&mut out, v as i16 as i64),
            OperandKind::Count => push_int(&mut out, v as i64),
        }
    }
    out
}

/// `v` in decimal, appended (by `itoa`: a division per digit and a UTF-8
/// check of the digits cost a tenth of the profile's bytecode listings).
fn push_int(out: &mut String, v: i64) {
    out.push_str(itoa::Buffer::new().format(v));
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
