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
    let _ = write!(out, "{:<14} ", ins.name());
    for (i, (name, kind, v)) in ins.operands().into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(name);
        out.push('=');
        let _ = match kind {
            OperandKind::Reg if v == NO_REG => write!(out, "-"),
            OperandKind::Reg => match code.reg_names.get(v as usize).and_then(|n| n.as_ref()) {
                Some(n) => write!(out, "r{v}({n})"),
                None => write!(out, "r{v}"),
            },
            OperandKind::Const => {
                write!(out, "k{v}({})", const_text(code.consts.get(v as usize)))
            }
            OperandKind::Name => {
                if let Some(n) = code.names.get(v as usize) {
                    out.push_str(n.as_str());
                }
                Ok(())
            }
            OperandKind::Global => write!(out, "g{v}"),
            OperandKind::Target => write!(out, "@{v}"),
            OperandKind::Imm => write!(out, "{}", v as i16),
            OperandKind::Count => write!(out, "{v}"),
        };
    }
    out
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
