//! Runtime helpers that compiled code calls.
//!
//! Each takes the `Vm` pointer compiled code keeps in `r12`, works on the top
//! frame (the one the compiled code runs), and returns an encoded `Outcome`
//! (see `exits.rs`). None of them may unwind into compiled code: a panic is
//! caught here, parked in the VM and re-raised once compiled code has returned.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::interp::vm::Vm;
use crate::jit::exits::{ExitReason, Outcome};

/// Run one instruction in the interpreter (a bail, or an instruction with no
/// template) and tell compiled code where to go on.
///
/// `reason` is an `ExitReason` code, or `u32::MAX` (from `-1`) for none.
pub extern "sysv64" fn jit_step(vm: *mut Vm, pc: u32, reason: u32) -> u64 {
    // SAFETY: compiled code passes the `Vm` it was entered with; the
    // interpreter that entered it holds no other reference while it runs.
    let vm = unsafe { &mut *vm };
    guarded(vm, |vm| match ExitReason::from_code(reason) {
        Some(r) => step_bailed(vm, pc, r),
        None => step(vm, pc),
    })
}

/// Count an exit at `pc` of the top frame's code for `reason` and step the
/// instruction; a guard's exit while recording is a bail, logged with what
/// its operands held and the time the step took (`Vm::rec_bail`). For
/// every helper that gives an instruction up to the interpreter on a
/// failed guard, whichever way compiled code reached it.
pub(crate) fn step_bailed(vm: &mut Vm, pc: u32, reason: ExitReason) -> Outcome {
    let code = vm.frames.last().map(|f| f.code_ptr());
    vm.jit.count_exit(code, pc, reason);
    if code.is_none() || vm.rec.is_none() || !crate::jit::is_guard(reason) {
        return step(vm, pc);
    }
    let mark = vm.rec_bail(pc, reason);
    let out = step(vm, pc);
    vm.rec_bail_done(mark);
    out
}

/// Leave compiled code to the interpreter at `pc`, with the frame up to
/// date, counting an exit there: a register-allocated loop found a local of
/// another type than the one it keeps in a register (`regalloc.rs`). Cannot
/// fail.
pub extern "sysv64" fn jit_reg_exit(vm: *mut Vm, pc: u32, reason: u32) -> u64 {
    // SAFETY: as in `jit_step`.
    let vm = unsafe { &mut *vm };
    let code = vm.frames.last().map(|f| f.code_ptr());
    if let Some(r) = ExitReason::from_code(reason) {
        vm.jit.count_exit(code, pc, r);
        if vm.rec.is_some() && code.is_some() {
            vm.rec_reg_exit(pc, r);
        }
    }
    Outcome::Resume(pc).encode()
}

/// Run the instruction at `pc` of the top frame in the interpreter.
pub(crate) fn step(vm: &mut Vm, pc: u32) -> Outcome {
    let depth = vm.frames.len();
    let code = {
        let f = vm.frames.last_mut().expect("a frame runs compiled code");
        f.pc = pc as usize;
        f.code_ptr()
    };
    match vm.rec_interpreted(|vm| vm.run_step()) {
        Ok(()) => {
            if vm.frames.len() != depth {
                return Outcome::Left;
            }
            let f = vm.frames.last().expect("frame");
            let now = f.pc as u32;
            // SAFETY: the frame keeps its function, and so its code, alive.
            let ins = unsafe { (&(*code).instrs)[pc as usize] };
            let target = ins.jump_target();
            if now == pc + 1 || Some(now) == target {
                Outcome::Continue(now)
            } else {
                Outcome::Resume(now)
            }
        }
        Err(e) => {
            vm.jit.pending_exc = Some(e);
            if vm.frames.len() != depth {
                // Cannot happen for the instructions compiled code steps (they
                // raise in their own frame), but the interpreter copes either way.
                return Outcome::Left;
            }
            Outcome::Error
        }
    }
}

/// Catch a panic so it does not unwind through compiled code; the interpreter
/// re-raises it after the compiled code returns.
pub(crate) fn guarded(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> Outcome) -> u64 {
    let vmp = vm as *mut Vm;
    match catch_unwind(AssertUnwindSafe(|| f(vm))) {
        Ok(o) => o.encode(),
        Err(payload) => {
            // SAFETY: the closure that borrowed the VM has ended.
            let vm = unsafe { &mut *vmp };
            vm.jit.pending_panic = Some(payload);
            Outcome::Error.encode()
        }
    }
}
