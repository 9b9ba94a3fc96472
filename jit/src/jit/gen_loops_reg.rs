//! `ForIter` inside a register-allocated loop (`regalloc.rs`): the counted
//! `for i in range(...)` path runs in register state, so the loop counter
//! lives in a machine register and nothing is spilled or reloaded around
//! the loop header.
//!
//! The range iterator's state stays in memory (`next` is read and written
//! back each iteration: one load and one store, and the interpreter, the
//! recorder and the collector always see it up to date). A list iterator
//! is advanced in the cold section, its item put into the item slot's
//! register when it has that type.
//!
//! When the item is unpacked right away into a temporary nothing else reads
//! (`for i, x in enumerate(xs)`, `for a, b in pairs`, `for (r, v, m) in
//! bodies`; `gen_loops.rs`'s `fusible_unpack`), the iteration and the
//! unpack are one: an enumerate over a list or tuple puts its count and
//! item, a list iterator the items of its next tuple, straight into the
//! unpack's targets (their registers when allocated) and goes on after the
//! unpack; the item tuple is never stored. Every check, including the
//! targets' register types, comes before anything is advanced, so a failed
//! one takes the plain path with the iterator untouched.
//!
//! Any other iterator (what `gen_for_iter` knows, or its helper) spills
//! and runs the frame-state template, `gen_for_iter`, in the cold section;
//! it rejoins through the next instruction's entry stub, which checks and
//! loads the item.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::jit::layout::layout;
use crate::jit::regalloc::{MReg, RKind};
use crate::runtime::value::tags;
use dynasmrt::DynamicLabel;

impl<'a> Gen<'a> {
    /// `ForIter dst, iter, target` in register state.
    pub(super) fn gen_for_iter_reg(&mut self, pc: u32, dst: u16, iter: u16, target: u16) {
        let l = *layout();
        let other = self.ops.new_dynamic_label();
        let fused_n = self.fusible_unpack_n(pc, dst);
        let fused = fused_n.filter(|&(_, n)| n == 2).map(|(start, _)| start);
        self.comment(format_args!(
            "guard: r{iter} a {} (others: spill, frame-state template)",
            if fused.is_some() {
                "enumerate over a list or tuple, fused with the unpack"
            } else {
                "range iterator"
            }
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
        );
        match fused {
            Some(start) => {
                let not_enum = self.ops.new_dynamic_label();
                let plain = self.ops.new_dynamic_label();
                self.enumerate_unpacked_reg(pc, start, not_enum, other);
                asm!(self.ops; =>not_enum);
                self.list_unpacked_reg(pc, start, 2, target, plain, other);
                self.cold(move |g| {
                    asm!(g.ops; =>plain);
                    g.comment(format_args!(
                        "pc {pc}: not a list iterator with a pair: the item into r{dst}"
                    ));
                    g.range_or_list_reg(pc, dst, target, other);
                    let next = g.next(pc);
                    asm!(g.ops; jmp =>next);
                });
            }
            None => match fused_n {
                // An unpack of another count: only a list iterator's
                // tuples are fused with it (a range first, inline).
                Some((start, count)) => {
                    let not_range = self.ops.new_dynamic_label();
                    let plain = self.ops.new_dynamic_label();
                    self.range_reg(pc, dst, target, not_range);
                    self.cold(move |g| {
                        asm!(g.ops; =>not_range);
                        g.list_unpacked_reg(pc, start, count, target, plain, other);
                        asm!(g.ops; =>plain);
                        g.comment(format_args!(
                            "pc {pc}: not a list iterator with a tuple of {count}: the item into r{dst}"
                        ));
                        g.range_or_list_reg(pc, dst, target, other);
                        let next = g.next(pc);
                        asm!(g.ops; jmp =>next);
                    });
                }
                None => self.range_or_list_reg(pc, dst, target, other),
            },
        }
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

impl<'a> Gen<'a> {
    /// rax: a free iterator. The range path here (the counter into `dst`,
    /// falling through to the next instruction), a list iterator in the
    /// cold section, anything else to `other`.
    fn range_or_list_reg(&mut self, pc: u32, dst: u16, target: u16, other: DynamicLabel) {
        let l = *layout();
        let done = self.label(target as u32);
        let not_range = self.ops.new_dynamic_label();
        let next = self.next(pc);
        self.range_reg(pc, dst, target, not_range);
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
    }

    /// rax: a free iterator. A range: the counter into `dst`, falling
    /// through to the next instruction (or the loop's exit); anything else
    /// to `not_range`.
    fn range_reg(&mut self, pc: u32, dst: u16, target: u16, not_range: DynamicLabel) {
        let l = *layout();
        // Leaving the loop spills (a trampoline when the target is outside
        // the region).
        let done = self.label(target as u32);
        let down = self.ops.new_dynamic_label();
        let take = self.ops.new_dynamic_label();
        asm!(self.ops
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
    }

    /// rax: a free iterator. `enumerate_unpacked` in register state: an
    /// enumerate over a list or tuple iterator with an item left puts the
    /// count and the item straight into `start` and `start + 1` (their
    /// registers when allocated: they are the webs the unpack at `pc + 1`
    /// writes) and goes on after the unpack; not an enumerate: `not_enum`;
    /// anything else (exhausted, a count past i64, an item of another type
    /// than its register's before anything is written) goes to `other`.
    /// Uses only rax, rcx, rdx, rsi and rdi (the allocated registers are
    /// live).
    fn enumerate_unpacked_reg(
        &mut self,
        pc: u32,
        start: u16,
        not_enum: DynamicLabel,
        other: DynamicLabel,
    ) {
        let l = *layout();
        let after = self.label(pc + 2);
        let tuple = self.ops.new_dynamic_label();
        let item = self.ops.new_dynamic_label();
        // A count register of another type than int (the slot is a float
        // elsewhere in the loop): no fusion for an enumerate.
        let saved = self.rs.mode;
        self.rs.mode.pc = pc + 1;
        let count_other = self.alloc_of(start).is_some_and(|a| a.kind != RKind::Int);
        self.rs.mode = saved;
        if count_other {
            asm!(self.ops
                ; cmp QWORD [rax + l.iter_disc], l.enum_disc as i32
                ; jne =>not_enum
                ; jmp =>other
            );
            return;
        }
        asm!(self.ops
            ; cmp QWORD [rax + l.iter_disc], l.enum_disc as i32
            ; jne =>not_enum
            ; cmp QWORD [rax + l.enum_count_tag], tags::INT as i32
            ; jne =>other
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
            ; shl rcx, 4
            ; add rsi, rcx
        );
        // The targets are the unpack's: their webs are those active there.
        let saved = self.rs.mode;
        self.rs.mode.pc = pc + 1;
        // Check what the registers take before anything is advanced.
        let item_alloc = self.alloc_of(start + 1);
        if let Some(a) = item_alloc {
            asm!(self.ops
                ; cmp QWORD [rsi], a.kind.tag() as i32
                ; jne =>other
            );
        }
        // The count + 1 must fit (else the helper makes a big int): a count
        // that overflowed is put back before the helper sees it.
        let undo = self.ops.new_dynamic_label();
        asm!(self.ops
            ; mov rdi, QWORD [rax + l.enum_count_pay]
            ; add QWORD [rax + l.enum_count_pay], 1
            ; jo =>undo
            ; add QWORD [rdx + l.seq_index], 1
        );
        self.cold(move |g| {
            asm!(g.ops
                ; =>undo
                ; sub QWORD [rax + l.enum_count_pay], 1
                ; jmp =>other
            );
        });
        self.put_int(start, 7, false);
        self.set_known(start, None);
        match (item_alloc, self.in_reg(start + 1)) {
            (Some(_), Some(MReg::Gpr(d))) => asm!(self.ops; mov Rq(d), QWORD [rsi + 8]),
            (Some(_), Some(MReg::Xmm(x))) => asm!(self.ops; movsd Rx(x), QWORD [rsi + 8]),
            (Some(_), None) => asm!(self.ops
                ; mov rdx, QWORD [rsi + 8]
                ; mov QWORD [rbx + pay(start + 1)], rdx
            ),
            (None, _) => asm!(self.ops
                ; mov rcx, QWORD [rsi]
                ; mov rdx, QWORD [rsi + 8]
                ; mov QWORD [rbx + slot(start + 1)], rcx
                ; mov QWORD [rbx + pay(start + 1)], rdx
            ),
        }
        if item_alloc.is_some() {
            self.dirtied(start + 1);
        }
        self.set_known(start + 1, None);
        self.rs.mode = saved;
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

    /// rax: a free iterator, not an enumerate. A list iterator whose next
    /// item is a tuple of `count` (`for a, b in pairs`): the items straight
    /// into `start..start + count` (their registers when allocated: the
    /// webs the unpack at `pc + 1` writes), on after the unpack; an
    /// exhausted list iterator: the loop's exit. Anything else, with nothing
    /// advanced: `plain` (an item of another shape, or another iterator) or
    /// `other` (a borrowed list). Uses only rax, rcx, rdx, rsi and rdi.
    fn list_unpacked_reg(
        &mut self,
        pc: u32,
        start: u16,
        count: u16,
        target: u16,
        plain: DynamicLabel,
        other: DynamicLabel,
    ) {
        let l = *layout();
        let done = self.label(target as u32);
        let after = self.label(pc + 2);
        self.comment(format_args!(
            "a list iterator with a tuple of {count} next: fused with the unpack"
        ));
        asm!(self.ops
            ; cmp QWORD [rax + l.iter_disc], l.seq_disc as i32
            ; jne =>plain
            ; cmp QWORD [rax + l.seq_tag], tags::LIST as i32
            ; jne =>plain
            ; mov rsi, QWORD [rax + l.seq_pay]
            // The list is only read: shared borrows elsewhere are fine.
            ; cmp QWORD [rsi + l.list_flag], 0
            ; jl =>other
            ; mov rcx, QWORD [rax + l.seq_index]
            // An exhausted list iterator stays as it is (as in
            // `gen_for_iter`).
            ; cmp rcx, QWORD [rsi + l.list_len]
            ; jae =>done
            ; mov rsi, QWORD [rsi + l.list_ptr]
            ; shl rcx, 4
            ; cmp QWORD [rsi + rcx], tags::TUPLE as i32
            ; jne =>plain
            ; mov rdx, QWORD [rsi + rcx + 8]
            ; cmp QWORD [rdx + l.tuple_len], count as i32
            ; jne =>plain
            ; mov rsi, QWORD [rdx + l.tuple_ptr]
        );
        // The targets are the unpack's: their webs are those active there.
        let saved = self.rs.mode;
        self.rs.mode.pc = pc + 1;
        // Check what the registers take before anything is advanced.
        let allocs: Vec<_> = (start..start + count).map(|t| self.alloc_of(t)).collect();
        for (i, a) in allocs.iter().enumerate() {
            if let Some(a) = a {
                asm!(self.ops
                    ; cmp QWORD [rsi + (i as i32) * 16], a.kind.tag() as i32
                    ; jne =>plain
                );
            }
        }
        asm!(self.ops; add QWORD [rax + l.seq_index], 1);
        for (i, a) in allocs.iter().enumerate() {
            let (t, at) = (start + i as u16, i as i32 * 16);
            match (a, self.in_reg(t)) {
                (Some(_), Some(MReg::Gpr(d))) => asm!(self.ops; mov Rq(d), QWORD [rsi + at + 8]),
                (Some(_), Some(MReg::Xmm(x))) => {
                    asm!(self.ops; movsd Rx(x), QWORD [rsi + at + 8])
                }
                (Some(_), None) => asm!(self.ops
                    ; mov rdx, QWORD [rsi + at + 8]
                    ; mov QWORD [rbx + pay(t)], rdx
                ),
                (None, _) => asm!(self.ops
                    ; mov rcx, QWORD [rsi + at]
                    ; mov rdx, QWORD [rsi + at + 8]
                    ; mov QWORD [rbx + slot(t)], rcx
                    ; mov QWORD [rbx + pay(t)], rdx
                ),
            }
            if a.is_some() {
                self.dirtied(t);
            }
            self.set_known(t, None);
        }
        self.rs.mode = saved;
        // Recording: the jump passes the unpack's label, where its block
        // is counted (`codegen/linecount.rs`).
        self.count_block(pc as usize + 1);
        asm!(self.ops; jmp =>after);
    }
}
