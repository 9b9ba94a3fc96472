//! `for` loops: `ForIter` over a range or a list iterator, advanced inline.
//!
//! A `for i in range(...)` loop is a counted loop: compiled code reads the
//! range iterator's `next`, `stop` and `step` words (`layout.rs`), compares,
//! stores `next + step` back and writes the int to the loop variable, with no
//! call and no allocation. A list iterator reads the list's length and item
//! the same way. Anything else (other iterators, an iterator whose state is
//! in use) goes to the general helper, which counts the exit.
//!
//! The range iterator's state never overflows on `next + step`: the runtime
//! only builds a `Range` state when the value after the last one fits in an
//! i64 (`RangeObj::iter_state`); bigger ranges are `BigRange` and take the
//! helper.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::jit::exits::ExitReason;
use crate::jit::helpers;
use crate::jit::layout::layout;
use crate::runtime::value::tags;

impl<'a> Gen<'a> {
    /// `ForIter dst, iter, target`: the range path inline, the list path in
    /// the cold section, other iterators through `helpers::jit_for_iter`.
    pub(super) fn gen_for_iter(&mut self, pc: u32, dst: u16, iter: u16, target: u16) {
        let l = *layout();
        let done = self.label(target as u32);
        let next = self.next(pc);
        let other = self.ops.new_dynamic_label();
        let not_range = self.ops.new_dynamic_label();
        let down = self.ops.new_dynamic_label();
        let take = self.ops.new_dynamic_label();
        self.comment(format_args!(
            "guard: r{iter} a range iterator (list iterator cold, others in a helper)"
        ));
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
        self.comment(format_args!("counted loop: next < stop (step > 0)"));
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
            ; mov QWORD [rbx + slot(dst)], tags::INT as i32
            ; mov QWORD [rbx + pay(dst)], rcx
        );
        self.cold(move |g| {
            asm!(g.ops; =>down);
            g.comment(format_args!("pc {pc}: range with step < 0: next > stop"));
            asm!(g.ops
                ; cmp rcx, QWORD [rax + l.range_stop]
                ; jle =>done
                ; jmp =>take
            );
        });
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
                // An exhausted list iterator stays as it is (the interpreter's
                // `for_iter_fast` does not advance past the end either).
                ; cmp rcx, QWORD [rsi + l.list_len]
                ; jae =>done
                ; mov rdx, QWORD [rsi + l.list_ptr]
                ; add QWORD [rax + l.seq_index], 1
                ; shl rcx, 4
                ; mov r8, QWORD [rdx + rcx]
                ; mov r9, QWORD [rdx + rcx + 8]
                ; mov QWORD [rbx + slot(dst)], r8
                ; mov QWORD [rbx + pay(dst)], r9
                ; jmp =>next
            );
        });
        self.bail_sites.push((pc, ExitReason::IterNotFast));
        self.cold(move |g| {
            asm!(g.ops; =>other);
            g.comment(format_args!(
                "pc {pc}: another iterator: {} (general helper)",
                ExitReason::IterNotFast.name()
            ));
            g.call_helper_outcome(
                pc,
                helpers::jit_for_iter as *const () as usize,
                None,
                Some(target as u32),
                false,
            );
        });
    }
}
