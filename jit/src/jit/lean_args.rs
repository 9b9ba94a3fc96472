//! Lean helpers (see `lean.rs`) for the instructions that build a call's
//! `*args`: `f(*xs)`, `f(a, *xs)` compile to a `BuildList`, a `ListExtend`
//! per starred part and a `ListToTuple`. raytrace's `canvas.plot(x, y,
//! *colour)` stepped the last two in the interpreter, once each per pixel.

use crate::bytecode::opcodes::Instr;
use crate::interp::vm::Vm;
use crate::jit::exits::{ExitReason, Outcome};
use crate::jit::fast::iterates_natively;
use crate::jit::helpers::{guarded, step, step_bailed};
use crate::jit::lean::{enter, finish, lean};
use crate::runtime::value::Value;

lean!(
    /// `ListExtend` by a built-in sequence, set or dict, as the interpreter
    /// extends; anything else (generators, instances, a non-iterable's
    /// TypeError) is stepped there.
    jit_list_extend,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let Instr::ListExtend { list, iterable } = ins else {
            return step(vm, pc);
        };
        let it = vm.stack[base + iterable as usize];
        if !iterates_natively(it) {
            return step_bailed(vm, pc, ExitReason::Generic);
        }
        let r = vm.list_extend(vm.stack[base + list as usize], it);
        finish(vm, r, pc + 1)
    }
);

lean!(
    /// `ListToTuple`: the list's items as a new tuple (anything else is
    /// kept, as the interpreter keeps it).
    jit_list_to_tuple,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let Instr::ListToTuple { dst, src } = ins else {
            return step(vm, pc);
        };
        let v = match vm.stack[base + src as usize] {
            Value::List(l) => {
                let items = l.items.borrow().clone();
                vm.new_tuple(items)
            }
            v => v,
        };
        vm.stack[base + dst as usize] = v;
        Outcome::Continue(pc + 1)
    }
);

/// Every helper here, with its name (for the disassembly).
pub fn symbols() -> Vec<(u64, String)> {
    vec![
        (
            jit_list_extend as *const () as u64,
            "jit_list_extend".into(),
        ),
        (
            jit_list_to_tuple as *const () as u64,
            "jit_list_to_tuple".into(),
        ),
    ]
}
