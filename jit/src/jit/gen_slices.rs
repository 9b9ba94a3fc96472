//! `seq[a:b:c]` and `seq[a:b] = v` without a slice object: the `BuildSlice`
//! the compiler builds in place for the next instruction's key alone
//! (front/compiler.rs `subscript_key`) and that `Subscr` or `StoreSubscr`,
//! compiled as one call of `lean::jit_slice_subscr`. It takes lists and
//! tuples with int or None bounds straight from the three bound registers,
//! as the interpreter does (interp/slices.rs), and anything else by the
//! slice object and the subscript's own lean helper. Allocating the slice
//! (and collecting it) cost about as much as copying a short list, and the
//! subscript template's int-key guard always failed on it.
//!
//! The subscript emits no code of its own, so nothing may reach it but the
//! fall-through from the `BuildSlice`: it is not a jump target, the
//! interpreter may not enter there, and both are in the same register
//! region. When recording, the subscript must not begin a line: compiled
//! code counts line entries per block (linecount.rs), and the helper's
//! exits take back the counts after the `BuildSlice`, which is then the
//! same as after the subscript. The list a load makes is the subscript's
//! allocation, as in the interpreter (the helper moves the frame's pc on).

use super::Gen;
use crate::bytecode::opcodes::Instr;
use crate::jit::lean;

impl<'a> Gen<'a> {
    /// Whether the instruction at `pc` is a `BuildSlice` compiled together
    /// with the subscript after it.
    pub(super) fn fused_slice(&self, pc: u32) -> bool {
        let p = pc as usize;
        let Some(Instr::BuildSlice { dst, start }) = self.code.instrs.get(p).copied() else {
            return false;
        };
        let key_is_dst = match self.code.instrs.get(p + 1) {
            Some(Instr::Subscr { key, .. }) | Some(Instr::StoreSubscr { key, .. }) => *key == dst,
            _ => false,
        };
        let region = |q: u32| self.rs.plan.as_ref().and_then(|pl| pl.region_at(q));
        dst == start
            && key_is_dst
            && !self.block_start[p + 1]
            && !self.lc.as_ref().is_some_and(|lc| lc.is_entry(pc + 1))
            && !self.generic_at.contains(&pc)
            && !self.generic_at.contains(&(pc + 1))
            && region(pc) == region(pc + 1)
    }

    /// Whether the instruction at `pc` is a subscript its `BuildSlice` did.
    pub(super) fn fused_into_prev(&self, pc: u32) -> bool {
        pc > 0 && self.fused_slice(pc - 1)
    }

    /// The `BuildSlice` at `pc` and the subscript after it: one helper call
    /// on the frame, going on at `pc + 2` (in a register-allocated loop,
    /// reloading what either may have written).
    pub(super) fn gen_slice_fused(&mut self, pc: u32) {
        self.comment(format_args!(
            "slice and subscript at pc {} together, without a slice object",
            pc + 1
        ));
        let region = self.rs.mode.region;
        if region.is_some() {
            self.spill();
            self.rs.mode.regs = false;
        }
        self.call_helper_outcome(
            pc,
            lean::jit_slice_subscr as *const () as usize,
            None,
            None,
            true,
        );
        self.forget_all();
        let next_inside = region.is_some_and(|r| {
            self.rs
                .plan
                .as_ref()
                .is_some_and(|p| p.regions[r as usize].contains(pc + 2))
        });
        if next_inside {
            self.reload_after_span(pc, pc + 1, true);
            self.rs.mode.regs = true;
        }
    }
}
