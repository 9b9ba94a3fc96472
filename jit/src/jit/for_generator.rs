//! `for x in gen` in compiled code: the loop resumes the generator's compiled
//! code itself and goes on after the yield, without leaving its own code.
//!
//! The interpreter's `ForIter` runs a generator as a frame of its own loop:
//! it pushes the generator's frame with the loop's item register as the
//! frame's return slot and the loop's exit as its `gen_exit`
//! (`Vm::push_generator_frame`), and the yield suspends the frame into that
//! register. Compiled code used to hand every item of such a loop to the
//! interpreter: leave the loop's code, step the `ForIter`, enter the
//! generator's code, leave it at the yield, suspend, enter the loop's code
//! again; a `for` over a generator ran slower compiled than interpreted.
//!
//! Here the loop's `ForIter` pushes the same frame and calls the
//! generator's code on the native stack, as a direct call runs a callee
//! (`calls::run_pushed`). The generator's code leaves at its yield as
//! before, and the yield itself is stepped in the interpreter: the same
//! suspend, the same recorder hooks, the item in the loop's register; then
//! the loop's code goes on. Its return is stepped likewise, and the loop
//! goes on at its exit. Everything else the generator's code hands over (a
//! bail, an exception, a frame it pushed) leaves the frames exactly as the
//! interpreter's `ForIter` would have them, with the generator's frame on
//! top: the interpreter takes over from there, as it did before.

use crate::bytecode::opcodes::Instr;
use crate::interp::vm::Vm;
use crate::jit::calls::MAX_NATIVE_DEPTH;
use crate::jit::exits::Outcome;
use crate::jit::helpers::step;
use crate::runtime::heap::Gc;
use crate::runtime::object::{GenState, GeneratorObj};

/// The `ForIter` at `pc` of the top frame (its pc synced past it) takes the
/// next item of `g` into `stack[slot]`, or jumps to `target` when `g`
/// returns. None when the interpreter must step the `ForIter` instead: a
/// generator not resumable here (running, finished, a pending `throw`),
/// without compiled code at its resume point, or too deep a native stack.
pub(crate) fn for_iter_generator(
    vm: &mut Vm,
    pc: u32,
    g: Gc<GeneratorObj>,
    slot: usize,
    target: u32,
) -> Option<Outcome> {
    if !matches!(g.state.get(), GenState::Created | GenState::Suspended)
        || vm.pending_throw.is_some()
        || vm.jit.native_depth >= MAX_NATIVE_DEPTH
    {
        return None;
    }
    let (entry, addr) = g.func.code.jit.entry(g.pc.get())?;
    if let Err(e) = vm.push_generator_frame(g, slot, target) {
        vm.jit.pending_exc = Some(e);
        return Some(Outcome::Error);
    }
    let depth = vm.frames.len();
    let base = vm.frames[depth - 1].base;
    // SAFETY: the push checked base + nregs against the register stack,
    // which is never reallocated while the VM runs.
    let regs = unsafe { vm.stack.as_mut_ptr().add(base) };
    vm.jit.native_depth += 1;
    let w = entry(vm as *mut Vm, regs, addr);
    vm.jit.native_depth -= 1;
    Some(match Outcome::decode(w) {
        // The generator's code stopped at its yield, its frame on top.
        Outcome::Resume(at) => match yield_operands(vm, at) {
            // What the interpreter's `Yield` does in a frame a `for`
            // pushed (no sink): suspend it into the loop's register.
            // Recording, the same when the interpreter's hook would only
            // count the yield (compiled code took its own count back when
            // it left): the suspend's hooks are `yield_frame`'s, and it runs
            // as the interpreter's time, as the step would. nqueens' 121K
            // yields to `for vec in permutations(cols)` cost 14M
            // instructions more recording through the step.
            Some((dst, src)) if vm.rec.is_none() || vm.rec_count_plain(at as usize) => {
                let f = vm.frames.last_mut().expect("the generator's frame");
                f.pc = at as usize + 1;
                let v = vm.stack[f.base + src as usize];
                let exit = vm.rec_interpreted(|vm| vm.yield_frame(v, dst));
                debug_assert!(exit.is_none(), "a `for` loop's generator yields to it");
                Outcome::Continue(pc + 1)
            }
            // Recording, with operand types to observe or a sample to take:
            // the interpreter's own instruction, with its hooks. The
            // interpreter counts the yield when it runs it; a step does not.
            Some(_) => {
                vm.rec_count_instr(at as usize);
                finish_step(vm, at, depth, pc + 1)
            }
            // A bail: the generator's frame goes on in the interpreter,
            // from where its code left (not compiled code, whose later
            // instructions may rely on the guard that failed), as after a
            // direct call's.
            None => resume_interpreted(vm, at, depth),
        },
        // Its return: the interpreter's instruction sends the loop to its
        // exit.
        Outcome::Return(at) => finish_step(vm, at, depth, target),
        Outcome::Continue(at) => resume_interpreted(vm, at, depth),
        other => other,
    })
}

/// The generator's frame goes on in the interpreter at `at`.
fn resume_interpreted(vm: &mut Vm, at: u32, depth: usize) -> Outcome {
    vm.frames[depth - 1].pc = at as usize;
    Outcome::LeftInterpreted
}

/// The operands (dst, src) of the top frame's instruction at `at` when it
/// is a plain yield.
fn yield_operands(vm: &Vm, at: u32) -> Option<(u16, u16)> {
    let f = vm.frames.last().expect("the generator's frame");
    match f.code().instrs.get(at as usize) {
        Some(&Instr::Yield { dst, src }) => Some((dst, src)),
        _ => None,
    }
}

/// Step the generator's yield or return at `at` in the interpreter, which
/// pops its frame into the loop's register (a yield) or sends the loop to
/// its exit (a return); the loop's code then goes on at `next`.
fn finish_step(vm: &mut Vm, at: u32, depth: usize, next: u32) -> Outcome {
    match step(vm, at) {
        Outcome::Left if vm.frames.len() == depth - 1 => Outcome::Continue(next),
        other => other,
    }
}
