//! Whether a register's value can still be read: the question a template
//! asks before it leaves a register unwritten (a `for a, b in enumerate(xs)`
//! loop writes the unpacked targets directly, and the item tuple `ForIter`
//! would have put in a temporary register is never built).
//!
//! A search forward from the instruction, over every way control continues
//! (fall-through, jumps, both exits of `ForIter`, and the handler of every
//! protected range the instruction is in, since any instruction may raise),
//! looking for a read of the register before a write. It errs on the side
//! of "live": a register operand counts as read whatever its role, and an
//! instruction that works on a run of registers (calls, displays, unpacking)
//! counts as reading every register from its lowest one up.
//!
//! Only temporaries are asked about (registers with no name): a named local
//! is visible to `locals()` and tracebacks through any call.

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::{Instr, OperandKind, NO_REG};

/// Whether register `r` is never read after the instruction at `at` before
/// being written again (its value there is dead).
pub fn dead_after(code: &Code, at: u32, r: u16) -> bool {
    let n = code.instrs.len();
    let mut seen = vec![false; n];
    let mut todo: Vec<u32> = Vec::new();
    successors(code, at, &mut todo, true);
    while let Some(pc) = todo.pop() {
        let Some(s) = seen.get_mut(pc as usize) else {
            // Past the end: cannot happen for compiled code; be safe.
            return false;
        };
        if *s {
            continue;
        }
        *s = true;
        let ins = code.instrs[pc as usize];
        if reads(&ins, r) {
            return false;
        }
        // A raise happens before the write: the handlers come either way.
        handlers(code, pc, &mut todo);
        if let Instr::ForIter { dst, target, .. } = ins {
            if dst == r {
                // Written when it continues; not when the loop ends.
                todo.push(target as u32);
                continue;
            }
        }
        if writes(&ins, r) {
            continue;
        }
        successors(code, pc, &mut todo, false);
    }
    true
}

/// Where control goes after `pc` (without exception edges unless `exc`).
fn successors(code: &Code, pc: u32, todo: &mut Vec<u32>, exc: bool) {
    let ins = code.instrs[pc as usize];
    if exc {
        handlers(code, pc, todo);
    }
    if let Some(t) = ins.jump_target() {
        todo.push(t);
    }
    let ends = matches!(
        ins,
        Instr::Jump { .. }
            | Instr::Return { .. }
            | Instr::ReturnNone {}
            | Instr::Raise { .. }
            | Instr::Reraise { .. }
    );
    if !ends {
        todo.push(pc + 1);
    }
}

/// The handlers of the protected ranges `pc` is in.
fn handlers(code: &Code, pc: u32, todo: &mut Vec<u32>) {
    for e in &code.exc_table {
        if e.start <= pc && pc < e.end {
            todo.push(e.handler);
        }
    }
}

/// Instructions whose register operands name the first of a run of
/// registers (calls, displays, unpacking, paired operands).
fn uses_runs(ins: &Instr) -> bool {
    matches!(
        ins,
        Instr::BuildSlice { .. }
            | Instr::WithEnter { .. }
            | Instr::LoadSuperAttr { .. }
            | Instr::DictInsert { .. }
            | Instr::MakeFunction { .. }
            | Instr::CallEx { .. }
            | Instr::UnpackEx { .. }
    ) || ins
        .operands()
        .iter()
        .any(|(_, k, _)| *k == OperandKind::Count)
}

/// Whether `ins` may read `r` (any role; runs from their lowest register).
fn reads(ins: &Instr, r: u16) -> bool {
    // Register 0 of a class body is its namespace; say "read" for all.
    if matches!(
        ins,
        Instr::LoadName { .. } | Instr::StoreName { .. } | Instr::DeleteName { .. }
    ) {
        return true;
    }
    let regs: Vec<u16> = ins
        .operands()
        .iter()
        .filter(|(_, k, v)| *k == OperandKind::Reg && *v != NO_REG)
        .map(|(_, _, v)| *v)
        .collect();
    if uses_runs(ins) {
        return regs.iter().any(|&x| r >= x);
    }
    let dst_only = matches!(ins.operands().first(), Some(("dst", OperandKind::Reg, d)) if *d == r);
    regs.iter()
        .enumerate()
        .any(|(i, &x)| x == r && !(i == 0 && dst_only))
}

/// Whether `ins` overwrites `r` as its one destination (and reads it not).
fn writes(ins: &Instr, r: u16) -> bool {
    if uses_runs(ins) || reads(ins, r) {
        return false;
    }
    matches!(ins.operands().first(), Some(("dst", OperandKind::Reg, d)) if *d == r)
}
