//! What the code generator knows about registers at the current point:
//! tags established by guards or constants (not checked again), int
//! constants and lower bounds, and how that knowledge crosses branches
//! and calls.

use super::*;

impl<'a> Gen<'a> {
    /// Forget everything known about registers (a block boundary, or code
    /// that may have written any of them).
    pub(super) fn forget_all(&mut self) {
        self.paired = None;
        self.list_run = None;
        self.rsi_items = None;
        self.known.iter_mut().for_each(|k| *k = None);
        self.mins.iter_mut().for_each(|m| *m = None);
        self.bound.iter_mut().for_each(|b| *b = false);
    }

    /// After compare-and-branch `pc`: when its target is reached only by
    /// its jump, the target starts knowing what holds here (the templates'
    /// notes hold on both edges: the slow paths that rejoin either edge
    /// with less note less). Outside register-allocated loops only.
    pub(super) fn carry_known(&mut self, pc: u32) {
        let ins = self.code.instrs[pc as usize];
        let Some(target) = compare_branch_target(ins) else {
            return;
        };
        // Lower bounds from comparing an int with a constant: the jump is
        // taken when the comparison is false, falls through when true.
        let (jump_min, fall_min) = self.compare_mins(pc, ins);
        if let Some((a, m)) = fall_min {
            self.mins[a as usize] = Some(m);
        }
        let in_loop = |p: u32| {
            self.rs
                .plan
                .as_ref()
                .is_some_and(|plan| plan.region_at(p).is_some())
        };
        if self.generic_at.contains(&pc)
            || in_loop(pc)
            || in_loop(target)
            || !self.only_jump_from(target, pc)
            || self.known.iter().all(|k| k.is_none())
        {
            return;
        }
        let mut mins = self.mins.clone();
        if let Some((a, m)) = jump_min {
            mins[a as usize] = Some(m);
        }
        if fall_min.is_some() {
            // Not on the jump's edge.
            mins[fall_min.unwrap().0 as usize] = None;
        }
        self.known_carry = Some((
            target,
            self.known.clone(),
            self.known_frame.clone(),
            self.bound.clone(),
            mins,
        ));
    }

    /// The lower bound compare-and-branch `pc` establishes for its first
    /// operand on its jump's edge and on its fall-through, when that operand
    /// is known to be an int now (the compare left compiled code for
    /// anything else) and the other is the constant the instruction before
    /// loaded (`if n < 2`'s 2).
    pub(super) fn compare_mins(
        &self,
        pc: u32,
        ins: Instr,
    ) -> (Option<(u16, i64)>, Option<(u16, i64)>) {
        let (a, b) = match ins {
            Instr::JumpIfNotLt { a, b, .. }
            | Instr::JumpIfNotLe { a, b, .. }
            | Instr::JumpIfNotGt { a, b, .. }
            | Instr::JumpIfNotGe { a, b, .. } => (a, b),
            _ => return (None, None),
        };
        let prev = pc.checked_sub(1).map(|p| (p, self.code.instrs[p as usize]));
        let c = match prev {
            Some((p, Instr::LoadInt { dst, imm }))
                if dst == b && !self.block_start[pc as usize] =>
            {
                let _ = p;
                imm as i64
            }
            _ => return (None, None),
        };
        if a == b || self.known_tag(a) != Some(tags::INT) || self.rs.mode.region.is_some() {
            return (None, None);
        }
        match ins {
            // Not a < c: a >= c.
            Instr::JumpIfNotLt { .. } => (Some((a, c)), None),
            // Not a <= c: a > c.
            Instr::JumpIfNotLe { .. } => (Some((a, c + 1)), None),
            // a > c, a >= c on the fall-through.
            Instr::JumpIfNotGt { .. } => (None, Some((a, c + 1))),
            Instr::JumpIfNotGe { .. } => (None, Some((a, c))),
            _ => (None, None),
        }
    }

    /// After a call whose callee's registers start at `first` (its result
    /// register, or above): the call leaves the registers below alone (the
    /// callee and whatever it runs have frames of their own), so what is
    /// known of their tags holds after it. The interpreter, which enters
    /// after a call (a callee it ran returned), enters through a stub that
    /// checks those tags (`emit_entry_checks`).
    pub(super) fn keep_known_below(&mut self, pc: u32, first: u16) {
        self.paired = None;
        let next = pc + 1;
        if self.rs.mode.region.is_some()
            || next as usize >= self.code.instrs.len()
            || self.block_start[next as usize]
        {
            self.forget_all();
            return;
        }
        let mut checks = Vec::new();
        for r in 0..self.known.len() {
            let keep = (r as u16) < first;
            match self.known[r] {
                Some(k) if keep && self.known_frame[r] => {
                    self.known[r] = Some(Known {
                        tag: k.tag,
                        value: None,
                    });
                    self.bound[r] = true;
                    checks.push((r as u16, k.tag));
                    // A bound holds too: the code reached the call by the
                    // same instructions as the interpreter, which wrote no
                    // int there other than the one compared (the entry stub
                    // checks it is an int still).
                }
                _ => {
                    self.known[r] = None;
                    self.bound[r] = false;
                    self.mins[r] = None;
                }
            }
        }
        if !checks.is_empty() {
            let l = self.ops.new_dynamic_label();
            self.entry_checks.push((next, checks, l));
        }
    }

    /// Whether int `r` plus `delta` (<= 0) cannot overflow: its known
    /// lower bound leaves room (`Gen::mins`).
    pub(super) fn min_of(&self, r: u16, delta: i32) -> bool {
        let Some(Some(m)) = self.mins.get(r as usize).copied() else {
            return false;
        };
        self.known_tag(r) == Some(tags::INT)
            && self.rs.mode.region.is_none()
            && m as i128 + delta as i128 >= i64::MIN as i128
    }

    pub(super) fn is_bound(&self, r: u16) -> bool {
        self.bound.get(r as usize).copied().unwrap_or(false)
    }

    pub(super) fn set_bound(&mut self, r: u16, b: bool) {
        if let Some(x) = self.bound.get_mut(r as usize) {
            *x = b;
        }
    }

    pub(super) fn known_of(&self, r: u16) -> Option<Known> {
        let k = self.known.get(r as usize).copied().flatten();
        let frame = self.known_frame.get(r as usize).copied().unwrap_or(false);
        self.known_with_alloc(r, k, frame)
    }

    pub(super) fn known_tag(&self, r: u16) -> Option<u64> {
        self.known_of(r).map(|k| k.tag)
    }

    pub(super) fn set_known(&mut self, r: u16, k: Option<Known>) {
        let frame = self.alloc_of(r).is_none();
        if let Some(slot) = self.known.get_mut(r as usize) {
            *slot = k;
        }
        if let Some(m) = self.mins.get_mut(r as usize) {
            *m = None;
        }
        if let Some(f) = self.known_frame.get_mut(r as usize) {
            *f = frame;
        }
        // Templates note what they wrote: a value, never an unbound slot
        // (`gen_move`, which copies one, corrects this).
        self.set_bound(r, true);
    }

    pub(super) fn set_tag(&mut self, r: u16, tag: u64) {
        self.set_known(r, Some(Known { tag, value: None }));
    }

    /// A register's kind for the numeric templates.
    pub(super) fn kind_of(&self, r: u16) -> Kind {
        match self.known_tag(r) {
            None => Kind::Unknown,
            Some(tags::INT) => Kind::Int,
            Some(tags::FLOAT) => Kind::Float,
            Some(_) => Kind::NotNumber,
        }
    }

    /// The int constant a register is known to hold.
    pub(super) fn known_int(&self, r: u16) -> Option<i64> {
        match self.known_of(r) {
            Some(Known {
                tag: tags::INT,
                value: Some(v),
            }) => Some(v as i64),
            _ => None,
        }
    }

    /// The int constant a register is known to hold, if it fits an imm32.
    pub(super) fn known_imm(&self, r: u16) -> Option<i32> {
        self.known_int(r).and_then(|v| i32::try_from(v).ok())
    }

    /// Note in the listing that a check on `r` was left out.
    pub(super) fn note_known(&mut self, r: u16) {
        if self.listing {
            if let Some(t) = self.known_tag(r) {
                self.comment(format_args!("r{r} known {}: no check", tag_name(t)));
            }
        }
    }
}
