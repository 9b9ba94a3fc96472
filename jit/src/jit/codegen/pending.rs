//! Stores compiled code puts off: the registers a direct entry leaves to
//! clear lazily, and a constant load deferred into the instruction that
//! uses it.

use super::*;

impl<'a> Gen<'a> {
    /// Store the deferred constant (`Gen::deferred`) into its slot, with no
    /// register: hot code that does so forgets it, cold code's state is its
    /// own (`cold`).
    pub(super) fn store_deferred(&mut self) {
        let Some(d) = self.deferred.take() else {
            return;
        };
        self.comment(format_args!("store r{} (deferred)", d.reg));
        asm!(self.ops
            ; mov QWORD [rbx + slot(d.reg)], d.tag as i32
            ; mov DWORD [rbx + pay(d.reg)], d.payload as u32 as i32
            ; mov DWORD [rbx + pay(d.reg) + 4], (d.payload >> 32) as u32 as i32
        );
    }

    /// The direct entry may leave its clearing to `pending_zero`: no
    /// register-allocated loop (whose states this does not follow), and few
    /// enough registers for the mask.
    pub(super) fn lazy_clear_ok(&self) -> bool {
        !self.uses_r13_r15() && self.code.nregs <= 64
    }

    /// Store the pending clears (`Gen::pending_zero`): hot code that does
    /// so has none left, cold code's state is its own (`cold`).
    pub(super) fn clear_pending(&mut self) {
        let mut m = std::mem::take(&mut self.pending_zero);
        if m != 0 {
            self.comment(format_args!("clear the registers the entry left"));
        }
        while m != 0 {
            let r = m.trailing_zeros() as u16;
            m &= m - 1;
            asm!(self.ops; mov QWORD [rbx + slot(r)], 0);
        }
    }

    /// Whether instruction `pc` may run with registers still to clear
    /// (`Gen::pending_zero`): it writes one register or returns, reads no
    /// register still to clear, and reaches the frame only through a spill
    /// (or, a compare-and-branch, jumps through `gen_instr_pending_zero`'s
    /// trampoline).
    pub(super) fn keeps_pending_zero(&self, pc: u32) -> bool {
        let z = self.pending_zero;
        let pending = |r: u16| r < 64 && z & (1 << r) != 0;
        if self.generic_at.contains(&pc) {
            return false;
        }
        match self.code.instrs[pc as usize] {
            Instr::LoadInt { .. }
            | Instr::LoadNone { .. }
            | Instr::LoadBool { .. }
            | Instr::ReturnNone {} => true,
            Instr::Return { src } => !pending(src),
            // The function a call uses (`const_calls.rs`): a compare, or a
            // spill and leave.
            Instr::LoadGlobal { .. } => self.const_call(pc).is_some(),
            Instr::AddI { a, .. } | Instr::SubI { a, .. } => !pending(a),
            Instr::Add { a, b, .. } | Instr::Sub { a, b, .. } | Instr::Mul { a, b, .. } => {
                !pending(a) && !pending(b)
            }
            Instr::JumpIfNotLt { a, b, .. }
            | Instr::JumpIfNotLe { a, b, .. }
            | Instr::JumpIfNotGt { a, b, .. }
            | Instr::JumpIfNotGe { a, b, .. }
            | Instr::JumpIfNotEq { a, b, .. }
            | Instr::JumpIfNotNe { a, b, .. } => {
                // A deferred constant operand is written by the clear-then-
                // store order of `spill`; an unwritten one is never read.
                let deferred = |r: u16| self.deferred.is_some_and(|d| d.reg == r);
                !(pending(a) && !deferred(a)) && !(pending(b) && !deferred(b))
            }
            _ => false,
        }
    }

    /// Compile instruction `pc` (`keeps_pending_zero`) with registers still
    /// to clear: a compare-and-branch's jump goes through a trampoline that
    /// clears them; what the instruction writes needs no clearing after.
    pub(super) fn gen_instr_pending_zero(&mut self, pc: u32) {
        let ins = self.code.instrs[pc as usize];
        let Some(t) = compare_branch_target(ins) else {
            self.gen_instr(pc);
            let written = match ins {
                Instr::LoadInt { .. } if self.load_int_deferred(pc) => None,
                Instr::LoadInt { dst, .. }
                | Instr::LoadNone { dst }
                | Instr::LoadBool { dst, .. }
                | Instr::AddI { dst, .. }
                | Instr::SubI { dst, .. }
                | Instr::Add { dst, .. }
                | Instr::Sub { dst, .. }
                | Instr::Mul { dst, .. } => Some(dst),
                // Unless its store is deferred to the call.
                Instr::LoadGlobal { dst, .. } => {
                    (!self.deferred.is_some_and(|d| d.reg == dst)).then_some(dst)
                }
                _ => None,
            };
            if let Some(d) = written.filter(|&d| d < 64) {
                self.pending_zero &= !(1 << d);
            }
            return;
        };
        if self.zero_carry.is_none() && self.only_jump_from(t, pc) {
            // The target's code goes on clearing lazily (one target at a
            // time: another one's jumps clear on their edge).
            self.gen_instr(pc);
            self.zero_carry = Some((t, self.pending_zero));
            return;
        }
        let tramp = self.ops.new_dynamic_label();
        self.zero_redirect = Some((t, tramp));
        self.gen_instr(pc);
        self.zero_redirect = None;
        let to = self.pc_label(t as usize);
        self.cold(move |g| {
            asm!(g.ops; =>tramp);
            g.comment(format_args!(
                "pc {pc}: the jump clears the registers the entry left"
            ));
            g.clear_pending();
            asm!(g.ops; jmp =>to);
        });
    }

    /// Whether the only way to instruction `t` is a jump from `pc` (no other
    /// jump, no fall-through, no handler; the interpreter does not enter
    /// where clearing waits).
    pub(super) fn only_jump_from(&self, t: u32, pc: u32) -> bool {
        let n = self.code.instrs.len() as u32;
        t > pc
            && t < n
            && !falls_through(&self.code.instrs[t as usize - 1])
            && !self.code.exc_table.iter().any(|e| e.handler == t)
            && self
                .code
                .instrs
                .iter()
                .enumerate()
                .all(|(q, i)| q as u32 == pc || i.jump_target() != Some(t))
    }

    /// Whether the `LoadInt` at `pc` leaves its store to the next
    /// instruction's slow paths (`Gen::deferred`): a compare-and-branch
    /// that takes the constant as an immediate (its second operand only),
    /// reached only from here, after which the temporary is dead (`if n <
    /// 2:`'s 2). Not in a register-allocated loop.
    pub(super) fn load_int_deferred(&self, pc: u32) -> bool {
        let Some(Instr::LoadInt { dst, .. }) = self.code.instrs.get(pc as usize).copied() else {
            return false;
        };
        let next = pc + 1;
        let Some(ins) = self.code.instrs.get(next as usize).copied() else {
            return false;
        };
        let in_loop = |p: u32| {
            self.rs
                .plan
                .as_ref()
                .is_some_and(|pl| pl.region_at(p).is_some())
        };
        let b_only = match ins {
            Instr::JumpIfNotLt { a, b, .. }
            | Instr::JumpIfNotLe { a, b, .. }
            | Instr::JumpIfNotGt { a, b, .. }
            | Instr::JumpIfNotGe { a, b, .. }
            | Instr::JumpIfNotEq { a, b, .. }
            | Instr::JumpIfNotNe { a, b, .. } => b == dst && a != dst,
            _ => false,
        };
        let temp = self
            .code
            .reg_names
            .get(dst as usize)
            .is_none_or(|n| n.is_none());
        b_only
            && temp
            && !self.block_start[next as usize]
            && !in_loop(pc)
            && !in_loop(next)
            && !self.generic_at.contains(&pc)
            && !self.generic_at.contains(&next)
            && crate::jit::liveness::dead_after(self.code, next, dst)
    }

    /// Whether the `LoadGlobal` at `pc` may leave its register's store to
    /// the `Call` at `call_pc` (`Gen::deferred`): every instruction between
    /// lets it through.
    pub(super) fn may_defer(&self, pc: u32, call_pc: u32, reg: u16) -> bool {
        ((pc + 1)..call_pc).all(|q| {
            let ins = &self.code.instrs[q as usize];
            defer_through(ins) && !reads(ins, reg)
        })
    }
}
