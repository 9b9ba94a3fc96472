//! `ForIter` inside a register-allocated loop (`regalloc.rs`): the counted
//! `for i in range(...)` path runs in register state, so the loop counter
//! lives in a machine register and nothing is spilled or reloaded around
//! the loop header.
//!
//! The range iterator's state stays in memory (`next` is read and written
//! back each iteration: one load and one store, and the interpreter, the
//! recorder and the collector always see it up to date). Any other iterator
//! A list iterator is advanced in the cold section, its item put into the
//! item slot's register when it has that type. Any other iterator (what
//! `gen_for_iter` knows, or its helper) spills and runs the frame-state
//! template, `gen_for_iter`, in the cold section; it rejoins through the
//! next instruction's entry stub, which checks and loads the item.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::jit::layout::layout;
use crate::runtime::value::tags;

impl<'a> Gen<'a> {
    /// `ForIter dst, iter, target` in register state.
    pub(super) fn gen_for_iter_reg(&mut self, pc: u32, dst: u16, iter: u16, target: u16) {
        let l = *layout();
        // Leaving the loop spills (a trampoline when the target is outside
        // the region).
        let done = self.label(target as u32);
        let other = self.ops.new_dynamic_label();
        let down = self.ops.new_dynamic_label();
        let take = self.ops.new_dynamic_label();
        let not_range = self.ops.new_dynamic_label();
        let next = self.next(pc);
        self.comment(format_args!(
            "guard: r{iter} a range iterator (others: spill, frame-state template)"
        ));
        // An allocated `iter` (never an iterator's slot in practice) has an
        // int or float tag in the frame: the guard fails and the cold path
        // spills it.
        asm!(self.ops
            ; cmp QWORD [rbx + slot(iter)], tags::ITER as i32
            ; jne =>other
            ; mov rax, QWORD [rbx + pay(iter)]
            // The state is written: it must not be borrowed elsewhere.
            ; cmp QWORD [rax + l.iter_flag], 0
            ; jne =>other
            ; cmp QWORD [rax + l.iter_disc], l.range_disc as i32
            ; jne =>not_range
        );
        self.comment(format_args!(
            "counted loop: next < stop (step > 0), item into {}",
            self.slot_name(dst)
        ));
        asm!(self.ops
            ; mov rcx, QWORD [rax + l.range_next]
            ; mov rdx, QWORD [rax + l.range_step]
            ; test rdx, rdx
            ; js =>down
            ; cmp rcx, QWORD [rax + l.range_stop]
            ; jge =>done
            ; =>take
            ; add rdx, rcx
            ; mov QWORD [rax + l.range_next], rdx
        );
        // Another type than the slot's leaves after the instruction (the
        // iterator has advanced, the item is in the frame).
        self.put_int(dst, 1, false);
        self.cold_range_down(pc, down, done, take);
        self.cold(move |g| {
            asm!(g.ops; =>not_range);
            g.comment(format_args!(
                "pc {pc}: list iterator: index < len(list), else done"
            ));
            asm!(g.ops
                ; cmp QWORD [rax + l.iter_disc], l.seq_disc as i32
                ; jne =>other
                ; cmp QWORD [rax + l.seq_tag], tags::LIST as i32
                ; jne =>other
                ; mov rsi, QWORD [rax + l.seq_pay]
                // The list is only read: shared borrows elsewhere are fine.
                ; cmp QWORD [rsi + l.list_flag], 0
                ; jl =>other
                ; mov rcx, QWORD [rax + l.seq_index]
                // An exhausted list iterator stays as it is (as in
                // `gen_for_iter`).
                ; cmp rcx, QWORD [rsi + l.list_len]
                ; jae =>done
                ; mov rdx, QWORD [rsi + l.list_ptr]
                ; add QWORD [rax + l.seq_index], 1
                ; shl rcx, 4
                ; mov rax, QWORD [rdx + rcx]
                ; mov rcx, QWORD [rdx + rcx + 8]
            );
            g.put_value_rax_rcx(dst);
            asm!(g.ops; jmp =>next);
        });
        self.cold(move |g| {
            asm!(g.ops; =>other);
            g.comment(format_args!(
                "pc {pc}: another iterator: spill, the frame-state template"
            ));
            g.spill();
            g.rs.mode.regs = false;
            g.gen_for_iter(pc, dst, iter, target);
            // Its inline path falls through with the item in the frame.
            let stub = g.next(pc);
            asm!(g.ops; jmp =>stub);
        });
    }
}
