//! Lean helpers (see `lean.rs`) for conditions and comparisons on values
//! compiled code does not test inline: `if child:` on an instance or None
//! (go's `best_child`), `if c != determining:` on instances (deltablue's
//! planner), `x < y` on strs. Each was stepped in the interpreter at every
//! run once its site had failed the inline guard.
//!
//! They do what the interpreter's instruction does for these operands: the
//! same feedback note, `compare_op` and `truthy`, which call an instance's
//! `__eq__`, `__lt__`, `__bool__` or `__len__` natively (the interpreter's
//! instruction does too: it pushes no frame for them). Branches return the
//! pc to go on at: the target or the next instruction.

use crate::bytecode::opcodes::Instr;
use crate::interp::ops::{mixed_compare, CmpOp};
use crate::interp::vm::Vm;
use crate::jit::exits::Outcome;
use crate::jit::feedback;
use crate::jit::helpers::{guarded, step};
use crate::jit::lean::{enter, finish, lean};
use crate::runtime::object::PyResult;
use crate::runtime::value::Value;

/// The comparison an instruction makes, its operands, and where it goes:
/// `Some(target)` for a compare-and-jump, `None` for one with a destination.
fn comparison(ins: &Instr) -> Option<(CmpOp, u16, u16, Result<u16, u16>)> {
    use Instr as I;
    Some(match *ins {
        I::Lt { dst, a, b } => (CmpOp::Lt, a, b, Err(dst)),
        I::Le { dst, a, b } => (CmpOp::Le, a, b, Err(dst)),
        I::Gt { dst, a, b } => (CmpOp::Gt, a, b, Err(dst)),
        I::Ge { dst, a, b } => (CmpOp::Ge, a, b, Err(dst)),
        I::Eq { dst, a, b } => (CmpOp::Eq, a, b, Err(dst)),
        I::Ne { dst, a, b } => (CmpOp::Ne, a, b, Err(dst)),
        I::JumpIfNotLt { a, b, target } => (CmpOp::Lt, a, b, Ok(target)),
        I::JumpIfNotLe { a, b, target } => (CmpOp::Le, a, b, Ok(target)),
        I::JumpIfNotGt { a, b, target } => (CmpOp::Gt, a, b, Ok(target)),
        I::JumpIfNotGe { a, b, target } => (CmpOp::Ge, a, b, Ok(target)),
        I::JumpIfNotEq { a, b, target } => (CmpOp::Eq, a, b, Ok(target)),
        I::JumpIfNotNe { a, b, target } => (CmpOp::Ne, a, b, Ok(target)),
        _ => return None,
    })
}

/// Whether `ins` is one `jit_branch_any` does.
pub fn is_branch_or_compare(ins: &Instr) -> bool {
    matches!(ins, Instr::JumpIfFalse { .. } | Instr::JumpIfTrue { .. }) || comparison(ins).is_some()
}

/// `a op b` as the interpreter's generic path computes it, with its
/// feedback note.
fn compare_noted(vm: &mut Vm, pc: u32, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
    if let Some(f) = vm.frames.last() {
        f.code()
            .feedback
            .note(pc as usize, feedback::kind2(a.tag(), b.tag()));
    }
    match mixed_compare(op, a, b) {
        Some(t) => Ok(Value::Bool(t)),
        None => vm.compare_op(op, a, b),
    }
}

lean!(
    /// `JumpIfFalse`/`JumpIfTrue` on any condition, a comparison with a
    /// destination, or a compare-and-jump, on any operands.
    jit_branch_any,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let at = |r: u16| base + r as usize;
        let (cond, jump_if, target) = match ins {
            Instr::JumpIfFalse { cond, target } => (vm.stack[at(cond)], false, target),
            Instr::JumpIfTrue { cond, target } => (vm.stack[at(cond)], true, target),
            _ => {
                let Some((op, a, b, to)) = comparison(&ins) else {
                    return step(vm, pc);
                };
                let r = compare_noted(vm, pc, op, vm.stack[at(a)], vm.stack[at(b)]);
                match (r, to) {
                    (Ok(v), Err(dst)) => vm.stack[at(dst)] = v,
                    (Ok(v), Ok(target)) => {
                        let r = vm.truthy(v);
                        return jump(vm, r, false, target, pc);
                    }
                    (Err(e), _) => return finish(vm, Err::<(), _>(e), pc + 1),
                }
                return Outcome::Continue(pc + 1);
            }
        };
        let r = vm.truthy(cond);
        jump(vm, r, jump_if, target, pc)
    }
);

/// Go on at `target` when the truth `t` is `jump_if`, else after `pc`.
fn jump(vm: &mut Vm, t: PyResult<bool>, jump_if: bool, target: u16, pc: u32) -> Outcome {
    match t {
        Ok(t) if t == jump_if => Outcome::Continue(target as u32),
        r => finish(vm, r, pc + 1),
    }
}

/// Every helper here, with its name (for the disassembly).
pub fn symbols() -> Vec<(u64, String)> {
    vec![(jit_branch_any as *const () as u64, "jit_branch_any".into())]
}
