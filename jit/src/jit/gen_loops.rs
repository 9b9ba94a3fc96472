//! `for` loops: `ForIter` over a range, list, tuple or enumerate iterator,
//! advanced inline.
//!
//! A `for i in range(...)` loop is a counted loop: compiled code reads the
//! range iterator's `next`, `stop` and `step` words (`layout.rs`), compares,
//! stores `next + step` back and writes the int to the loop variable, with no
//! call and no allocation. A list or tuple iterator reads the sequence's
//! length and item the same way.
//!
//! `for i, x in enumerate(xs)` compiles to a `ForIter` into a temporary and
//! an `Unpack` of it. When the temporary is dead after the unpack
//! (`liveness.rs`), the enumerate over a list or tuple is fused with it: the
//! count and the item go straight into the unpacked registers and the item
//! tuple is never built. Everything else (other iterators, exhausted or
//! busy ones, a count past i64) goes to `lean::jit_for_iter_any`, the
//! interpreter's `iter_next` without the step machinery; a generator's
//! compiled code is resumed from there (`for_generator.rs`), and only a
//! generator without compiled code at its resume point is stepped and
//! counted as an exit.
//!
//! The range iterator's state never overflows on `next + step`: the runtime
//! only builds a `Range` state when the value after the last one fits in an
//! i64 (`RangeObj::iter_state`); bigger ranges are `BigRange` and take the
//! helper.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::bytecode::opcodes::Instr;
use crate::jit::exits::ExitReason;
use crate::jit::layout::{layout, Layout};
use crate::jit::{lean, liveness};
use crate::runtime::value::tags;

impl<'a> Gen<'a> {
    /// The cold half of a range `ForIter` (rax: the iterator, rcx: its
    /// next value): with a negative step the range is done once next <=
    /// stop, else the item is taken.
    pub(super) fn cold_range_down(
        &mut self,
        pc: u32,
        down: DynamicLabel,
        done: DynamicLabel,
        take: DynamicLabel,
    ) {
        let l = *layout();
        self.cold(move |g| {
            asm!(g.ops; =>down);
            g.comment(format_args!("pc {pc}: range with step < 0: next > stop"));
            asm!(g.ops
                ; cmp rcx, QWORD [rax + l.range_stop]
                ; jle =>done
                ; jmp =>take
            );
        });
    }

    /// `ForIter dst, iter, target`: a fused enumerate + unpack (when the
    /// next instruction unpacks a dead item) or the range path inline, the
    /// other fast paths in the cold section, anything else in a helper.
    pub(super) fn gen_for_iter(&mut self, pc: u32, dst: u16, iter: u16, target: u16) {
        let l = *layout();
        let other = self.ops.new_dynamic_label();
        let fused = self.fusible_unpack(pc, dst);
        self.comment(format_args!(
            "guard: r{iter} a free iterator{}",
            if fused.is_some() {
                "; enumerate fused with the unpack"
            } else {
                ""
            }
        ));
        asm!(self.ops
            ; cmp QWORD [rbx + slot(iter)], tags::ITER as i32
            ; jne =>other
            ; mov rax, QWORD [rbx + pay(iter)]
            // The state is written: it must not be borrowed elsewhere.
            ; cmp QWORD [rax + l.iter_flag], 0
            ; jne =>other
        );
        match fused {
            Some(start) => {
                let not_enum = self.ops.new_dynamic_label();
                self.enumerate_unpacked(pc, start, not_enum, other);
                self.cold(move |g| {
                    asm!(g.ops; =>not_enum);
                    g.comment(format_args!("pc {pc}: not an enumerate"));
                    g.range_and_seq(pc, dst, target, other, false);
                });
            }
            None => self.range_and_seq(pc, dst, target, other, true),
        }
        self.bail_sites.push((pc, ExitReason::IterNotFast));
        self.cold(move |g| {
            asm!(g.ops; =>other);
            g.comment(format_args!("pc {pc}: another iterator: lean helper"));
            g.call_helper_outcome(
                pc,
                lean::jit_for_iter_any as *const () as usize,
                None,
                Some(target as u32),
                false,
            );
        });
    }

    /// The first register of the `Unpack` of two that follows the `ForIter`
    /// at `pc`, when it unpacks `dst` and nothing else can see `dst`: a
    /// temporary, dead after the unpack, the unpack reached only from here.
    pub(super) fn fusible_unpack(&self, pc: u32, dst: u16) -> Option<u16> {
        self.fusible_unpack_n(pc, dst)
            .filter(|&(_, count)| count == 2)
            .map(|(start, _)| start)
    }

    /// The same for an unpack of any small count: its first register and
    /// its count.
    pub(super) fn fusible_unpack_n(&self, pc: u32, dst: u16) -> Option<(u16, u16)> {
        let at = pc as usize + 1;
        let Some(&Instr::Unpack { start, src, count }) = self.code.instrs.get(at) else {
            return None;
        };
        if count == 0 || count > crate::jit::regalloc::MAX_INLINE_UNPACK {
            return None;
        }
        let temp = self
            .code
            .reg_names
            .get(dst as usize)
            .is_none_or(|n| n.is_none());
        let ok = src == dst
            && temp
            && !self.block_start[at]
            && at + 1 < self.code.instrs.len()
            && !self.generic_at.contains(&(at as u32))
            && ((start..start + 2).contains(&dst)
                || liveness::dead_after(self.code, at as u32, dst));
        ok.then_some((start, count))
    }

    /// rax: a free iterator. An enumerate over a list or tuple iterator with
    /// an item left: count and item into `start`, `start + 1`, both advanced,
    /// on to the instruction after the unpack. Not an enumerate: `not_enum`;
    /// anything else (exhausted, big count, other inner): `other`.
    fn enumerate_unpacked(
        &mut self,
        pc: u32,
        start: u16,
        not_enum: DynamicLabel,
        other: DynamicLabel,
    ) {
        let l: Layout = *layout();
        let after = self.label(pc + 2);
        let tuple = self.ops.new_dynamic_label();
        let item = self.ops.new_dynamic_label();
        asm!(self.ops
            ; cmp QWORD [rax + l.iter_disc], l.enum_disc as i32
            ; jne =>not_enum
            ; cmp QWORD [rax + l.enum_count_tag], tags::INT as i32
            ; jne =>other
            ; mov r10, QWORD [rax + l.enum_count_pay]
            ; mov r11, r10
            ; add r11, 1
            ; jo =>other
            ; cmp QWORD [rax + l.enum_inner_tag], tags::ITER as i32
            ; jne =>other
            ; mov rdx, QWORD [rax + l.enum_inner_pay]
            ; cmp QWORD [rdx + l.iter_flag], 0
            ; jne =>other
            ; cmp QWORD [rdx + l.iter_disc], l.seq_disc as i32
            ; jne =>other
            ; mov rsi, QWORD [rdx + l.seq_pay]
            ; mov rcx, QWORD [rdx + l.seq_index]
            ; cmp QWORD [rdx + l.seq_tag], tags::LIST as i32
            ; jne =>tuple
            ; cmp QWORD [rsi + l.list_flag], 0
            ; jl =>other
            // Exhausted: the helper ends the enumerate as the interpreter does.
            ; cmp rcx, QWORD [rsi + l.list_len]
            ; jae =>other
            ; mov rsi, QWORD [rsi + l.list_ptr]
            ; =>item
            ; add QWORD [rdx + l.seq_index], 1
            ; mov QWORD [rax + l.enum_count_pay], r11
            ; shl rcx, 4
            ; mov r8, QWORD [rsi + rcx]
            ; mov r9, QWORD [rsi + rcx + 8]
            ; mov QWORD [rbx + slot(start)], tags::INT as i32
            ; mov QWORD [rbx + pay(start)], r10
            ; mov QWORD [rbx + slot(start + 1)], r8
            ; mov QWORD [rbx + pay(start + 1)], r9
        );
        // Recording: the jump passes the unpack's label, where its block
        // is counted (`codegen/linecount.rs`).
        self.count_block(pc as usize + 1);
        asm!(self.ops; jmp =>after);
        self.cold(move |g| {
            asm!(g.ops; =>tuple);
            g.comment(format_args!("pc {pc}: enumerate over a tuple"));
            asm!(g.ops
                ; cmp QWORD [rdx + l.seq_tag], tags::TUPLE as i32
                ; jne =>other
                ; cmp rcx, QWORD [rsi + l.tuple_len]
                ; jae =>other
                ; mov rsi, QWORD [rsi + l.tuple_ptr]
                ; jmp =>item
            );
        });
    }

    /// rax: a free iterator. The range path here, list and tuple iterators
    /// in the cold section; the item in `dst`, on to the next instruction or
    /// to `target` when done, anything else to `other`. `hot`: the next
    /// instruction's code follows.
    fn range_and_seq(&mut self, pc: u32, dst: u16, target: u16, other: DynamicLabel, hot: bool) {
        let l = *layout();
        let done = self.label(target as u32);
        let next = self.next(pc);
        let not_range = self.ops.new_dynamic_label();
        let down = self.ops.new_dynamic_label();
        let take = self.ops.new_dynamic_label();
        self.comment(format_args!("counted loop: next < stop (step > 0)"));
        asm!(self.ops
            ; cmp QWORD [rax + l.iter_disc], l.range_disc as i32
            ; jne =>not_range
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
        if !hot {
            asm!(self.ops; jmp =>next);
        }
        self.cold_range_down(pc, down, done, take);
        self.cold(move |g| {
            asm!(g.ops; =>not_range);
            g.comment(format_args!(
                "pc {pc}: list or tuple iterator: index < len, else done"
            ));
            let tuple = g.ops.new_dynamic_label();
            let item = g.ops.new_dynamic_label();
            asm!(g.ops
                ; cmp QWORD [rax + l.iter_disc], l.seq_disc as i32
                ; jne =>other
                ; mov rsi, QWORD [rax + l.seq_pay]
                ; mov rcx, QWORD [rax + l.seq_index]
                ; cmp QWORD [rax + l.seq_tag], tags::LIST as i32
                ; jne =>tuple
                // The list is only read: shared borrows elsewhere are fine.
                ; cmp QWORD [rsi + l.list_flag], 0
                ; jl =>other
                // An exhausted list iterator stays as it is (the interpreter's
                // `for_iter_fast` does not advance past the end either).
                ; cmp rcx, QWORD [rsi + l.list_len]
                ; jae =>done
                ; mov rdx, QWORD [rsi + l.list_ptr]
                ; =>item
                ; add QWORD [rax + l.seq_index], 1
                ; shl rcx, 4
                ; mov r8, QWORD [rdx + rcx]
                ; mov r9, QWORD [rdx + rcx + 8]
                ; mov QWORD [rbx + slot(dst)], r8
                ; mov QWORD [rbx + pay(dst)], r9
                ; jmp =>next
                // An exhausted tuple iterator goes to the helper, which ends
                // it as the interpreter does.
                ; =>tuple
                ; cmp QWORD [rax + l.seq_tag], tags::TUPLE as i32
                ; jne =>other
                ; cmp rcx, QWORD [rsi + l.tuple_len]
                ; jae =>other
                ; mov rdx, QWORD [rsi + l.tuple_ptr]
                ; jmp =>item
            );
        });
    }
}
