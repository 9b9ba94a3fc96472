//! Binary operators on instances from compiled code (`Vector - Vector` with
//! `Vector.__sub__` in Python), without stepping the interpreter.
//!
//! A step (`helpers::step`) ran the interpreter's instruction, whose
//! step mode calls the special method natively (`Vm::call_found`, a nested
//! interpreter loop entered for the method's frame): about 1,100
//! instructions per operator beyond the method's own body, 360 here
//! (callgrind, raytrace's 307,000 operators). Here the operator goes as
//! the interpreter's does outside
//! a step (`Vm::binary_op_frame`): the method's frame is pushed (same
//! checks, recursion limit and recorder hooks as a call), and then run as
//! `jit_call` runs a pushed callee (`calls::run_pushed`): its compiled code on
//! the native stack, its return popped here; a callee not compiled yet, or
//! one that bails, is left to the interpreter with the frames as the
//! interpreter's own operator would have them. A NotImplemented return goes
//! on with the protocol as the interpreter's `Return` does
//! (`Vm::binop_not_implemented`, from `calls::finish_return`).
//!
//! `x + 1` (`AddI`, `SubI`) on an instance calls the method natively, as
//! the interpreter's instruction does, also without a step.

use crate::bytecode::opcodes::Instr;
use crate::interp::ops::BinOp;
use crate::interp::vm::Vm;
use crate::jit::calls::run_pushed;
use crate::jit::exits::Outcome;
use crate::jit::feedback;
use crate::jit::helpers::{guarded, step};
use crate::jit::lean::{enter, finish, lean};
use crate::runtime::value::Value;

/// `x op y` at `pc` of the top frame (its pc synced past the instruction),
/// where `x` or `y` is an instance: the result in register `dst`.
pub(crate) fn binary_instance(
    vm: &mut Vm,
    pc: u32,
    dst: u16,
    op: BinOp,
    x: Value,
    y: Value,
) -> Outcome {
    let f = vm.frames.last().expect("a frame runs compiled code");
    let base = f.base;
    // SAFETY: the frame keeps its function, and so its code, alive.
    let code = unsafe { &*f.code_ptr() };
    // The interpreter's instruction notes the operand kinds on its generic
    // path (`binary_op_noted_at`): the site's feedback stays the same.
    code.feedback
        .note(pc as usize, feedback::kind2(x.tag(), y.tag()));
    // `v -= w` is `__isub__` first (`Code::augmented`).
    let op = if code.is_augmented(pc as usize) {
        op.inplace()
    } else {
        op
    };
    // The method's frame is pushed as the interpreter's own operator
    // pushes it, in the runtime's tier for the recorder (see
    // `Vm::rec_as_runtime`).
    match vm.rec_as_runtime(|vm| vm.binary_op_frame(op, x, y, dst)) {
        Ok(Some(v)) => {
            vm.stack[base + dst as usize] = v;
            Outcome::Continue(pc + 1)
        }
        Ok(None) => {
            let out = run_pushed(vm, pc);
            run_recompiles(vm);
            out
        }
        Err(e) => {
            vm.jit.pending_exc = Some(e);
            Outcome::Error
        }
    }
}

/// Recompile the code whose guards kept failing (`JitRuntime::count_exit`),
/// as the interpreter does when compiled code returns to it: a stepped
/// operator's nested interpreter loop did so, and without it a loop that
/// never leaves its compiled code kept bailing in the callees it calls
/// (chaos's `GVector.Mag`: 4,750 more exits). The code running below keeps
/// its old compiled version, which stays allocated.
fn run_recompiles(vm: &mut Vm) {
    if vm.jit.want_recompile.is_empty() {
        return;
    }
    let due = vm.heap.due_flag();
    let intr = vm.interrupted.as_ptr() as *const bool;
    vm.jit.run_recompiles(due, intr, vm.rec.as_deref_mut());
}

lean!(
    /// `AddI`/`SubI` (`x + 1`, `x - 1`) on anything its template does not
    /// take (instances, big ints): the interpreter's own slow path
    /// (`binary_op_noted`: the special method called natively, as the
    /// interpreter's instruction calls it), without a step.
    jit_binary_imm_any,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let (dst, a, imm, op) = match ins {
            Instr::AddI { dst, a, imm } => (dst, a, imm, BinOp::Add),
            Instr::SubI { dst, a, imm } => (dst, a, imm, BinOp::Sub),
            _ => return step(vm, pc),
        };
        let x = vm.stack[base + a as usize];
        let y = Value::Int(imm as i16 as i64);
        // SAFETY: the frame keeps its function, and so its code, alive.
        let code = unsafe { &*vm.frames.last().expect("frame").code_ptr() };
        if !matches!(x, Value::Int(_) | Value::Float(_)) {
            code.feedback
                .note(pc as usize, feedback::kind2(x.tag(), y.tag()));
        } else if matches!(x, Value::Float(_)) {
            code.feedback.note(pc as usize, feedback::FLOAT);
        }
        let op = if code.is_augmented(pc as usize) {
            op.inplace()
        } else {
            op
        };
        // Interpreter work, as a step records it (`helpers::step`).
        let r = vm.rec_interpreted(|vm| match crate::interp::ops::mixed_arith(op, x, y) {
            Some(v) => Ok(v),
            None => vm.binary_op(op, x, y),
        });
        let r = r.map(|v| vm.stack[base + dst as usize] = v);
        finish(vm, r, pc + 1)
    }
);
