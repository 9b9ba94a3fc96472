//! Leaving compiled code and calling out: helpers that return an outcome,
//! stepping one instruction in the interpreter, bails, and the shared
//! call tails placed after the hot code.

use super::*;

impl<'a> Gen<'a> {
    /// A guard failing at `entry` runs this instruction in the interpreter and
    /// continues after it; the site counts under `reason`.
    pub(super) fn bail_to_step(&mut self, entry: DynamicLabel, pc: u32, reason: ExitReason) {
        self.bail_sites.push((pc, reason));
        self.cold(move |g| {
            asm!(g.ops; =>entry);
            g.comment(format_args!("pc {pc}: bail: {}", reason.name()));
            g.step_inline(pc, reason, None, false);
        });
    }

    /// An instruction done by a `fast.rs` helper (which falls back to the
    /// interpreter itself).
    pub(super) fn call_fast(&mut self, pc: u32, helper: *const ()) {
        self.call_helper_outcome(pc, helper as usize, None, None, true);
        self.forget_all();
    }

    /// Return to the interpreter at `pc`.
    pub(super) fn exit_resume(&mut self, pc: u32) {
        // The spill holds on this path only (it ends here).
        let clean = self.rs.mode.clean;
        self.spill();
        self.rs.mode.clean = clean;
        let w = (KIND_RESUME << 32) | pc as u64;
        asm!(self.ops
            ; mov rax, QWORD w as i64
            ; jmp ->exit
        );
    }

    /// Return to the interpreter at `pc`, the instruction whose code this
    /// is: it runs the instruction again and counts its line entry, so take
    /// back what its block counted from it on (recording).
    pub(super) fn exit_resume_counted(&mut self, pc: u32) {
        self.uncount_from(pc);
        self.exit_resume(pc);
    }

    /// Run this instruction in the interpreter, inline (for instructions with
    /// no template). `hot`: emitted in the hot code, where the next
    /// instruction follows.
    pub(super) fn step_inline(
        &mut self,
        pc: u32,
        reason: ExitReason,
        target: Option<u32>,
        hot: bool,
    ) {
        self.call_helper_outcome(
            pc,
            helpers::jit_step as *const () as usize,
            Some(reason),
            target,
            hot,
        );
    }

    /// A failed speculation: run this instruction in the interpreter, then
    /// leave compiled code where the interpreter goes on (the code after the
    /// instruction relies on what the failed guard would have established).
    pub(super) fn step_and_leave(&mut self, pc: u32, reason: ExitReason) {
        // The spill holds on this path only (it ends here).
        let clean = self.rs.mode.clean;
        self.spill();
        self.rs.mode.clean = clean;
        // Whatever the step does, this code leaves after the instruction.
        self.uncount_after(pc);
        let helper = helpers::jit_step as *const () as usize;
        self.to_shared(helper, SharedKind::Leave, pc, reason as i32);
    }

    /// Go to the shared tail of a cold call of `helper(vm, pc, reason)`
    /// (`reason` -1: none): called for `SharedKind::Continue`, jumped to
    /// otherwise. One copy of the call sequence per code object instead of
    /// one at every slow path; the site passes pc and reason packed into
    /// one immediate (`pack_pc_reason`), 5 bytes fewer per bail stub.
    pub(super) fn to_shared(&mut self, helper: usize, kind: SharedKind, pc: u32, reason: i32) {
        let (packed, raw) = self.shared_call(helper, kind);
        match pack_pc_reason(pc, reason) {
            Some(w) => match kind {
                SharedKind::Continue => asm!(self.ops; mov esi, w as i32; call =>packed),
                _ => asm!(self.ops; mov esi, w as i32; jmp =>packed),
            },
            None => {
                asm!(self.ops; mov esi, pc as i32; mov edx, reason);
                match kind {
                    SharedKind::Continue => asm!(self.ops; call =>raw),
                    _ => asm!(self.ops; jmp =>raw),
                }
            }
        }
    }

    /// The entries of the shared tail of `helper` ending as `kind`: pc and
    /// reason packed in esi, or in esi and edx.
    fn shared_call(&mut self, helper: usize, kind: SharedKind) -> (DynamicLabel, DynamicLabel) {
        if let Some(&(_, _, p, r)) = self
            .shared
            .iter()
            .find(|&&(h, k, _, _)| h == helper && k == kind)
        {
            return (p, r);
        }
        let (p, r) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        self.shared.push((helper, kind, p, r));
        (p, r)
    }

    pub(super) fn emit_shared_calls(&mut self) {
        if self.shared.is_empty() {
            return;
        }
        let at = self.here();
        self.notes.push((
            at,
            Note::Section("shared runtime calls of the slow paths".into()),
        ));
        let resume = (KIND_RESUME << 32) as i64;
        for (helper, kind, packed, l) in std::mem::take(&mut self.shared) {
            // Unpack `pack_pc_reason`'s word: the reason, signed, in the
            // top byte (an arithmetic shift brings it down with its sign),
            // the pc below. Three instructions on every cold runtime call.
            asm!(self.ops
                ; =>packed
                ; mov edx, esi
                ; sar edx, PC_BITS as i8
                ; and esi, PC_MASK as i32
            );
            match kind {
                // Called: the return address misaligns the stack by 8, and
                // an exit drops it. Otherwise back to the site with the
                // outcome in rax (Continue: eax is the pc to go on at).
                SharedKind::Continue => asm!(self.ops
                    ; =>l
                    ; sub rsp, 8
                    ; mov rdi, r12
                    ; mov rax, QWORD helper as i64
                    ; call rax
                    ; add rsp, 8
                    ; mov rcx, rax
                    ; shr rcx, 32
                    ; jnz >leave
                    ; ret
                    ; leave:
                    ; add rsp, 8
                    ; jmp ->exit
                ),
                // Jumped to: leave with the outcome, Continue(p) made
                // Resume(p) (the interpreter runs on from p).
                SharedKind::Leave => asm!(self.ops
                    ; =>l
                    ; mov rdi, r12
                    ; mov rax, QWORD helper as i64
                    ; call rax
                    ; mov rcx, rax
                    ; shr rcx, 32
                    ; jnz ->exit
                    ; mov rcx, QWORD resume
                    ; or rax, rcx
                    ; jmp ->exit
                ),
                // Jumped to: the helper's outcome is the exit's.
                SharedKind::Exit => asm!(self.ops
                    ; =>l
                    ; mov rdi, r12
                    ; mov rax, QWORD helper as i64
                    ; call rax
                    ; jmp ->exit
                ),
            }
        }
    }

    /// Call `helper(vm, pc, reason)`, which returns an encoded `Outcome`:
    /// continue at pc + 1 or at `target`, or leave with the outcome as it is.
    /// `hot`: the next instruction's code follows, no jump needed.
    pub(super) fn call_helper_outcome(
        &mut self,
        pc: u32,
        helper: usize,
        reason: Option<ExitReason>,
        target: Option<u32>,
        hot: bool,
    ) {
        // The helper works on the frame: spill first; afterwards the frame
        // is up to date, so other code is reached through entry stubs, and
        // the next instruction's register state after a reload.
        let regs = self.rs.mode.regs;
        let clean = self.rs.mode.clean;
        self.spill();
        // Recording: leaving here may skip lines its block counted, taken
        // back on the site's own way out (a shared tail cannot).
        let leave = self.leave_after(pc);
        if hot || leave.is_some() {
            let site = self.alloc_site(pc, helper);
            let rec_at = std::mem::offset_of!(crate::interp::vm::Vm, rec_at) as i32;
            if let Some(entry) = site {
                asm!(self.ops
                    ; mov rcx, QWORD entry
                    ; mov [r12 + rec_at], rcx
                );
            }
            asm!(self.ops
                ; mov rdi, r12
                ; mov esi, pc as i32
                ; mov edx, reason.map(|r| r as i32).unwrap_or(-1)
                ; mov rax, QWORD helper as i64
                ; call rax
            );
            if site.is_some() {
                asm!(self.ops; mov QWORD [r12 + rec_at], 0);
            }
            asm!(self.ops
                ; mov rcx, rax
                ; shr rcx, 32
            );
            match leave {
                Some(leave) => asm!(self.ops; jnz =>leave),
                None => asm!(self.ops; jnz ->exit),
            }
        } else {
            // A slow path: the call and the exit check are shared.
            let reason = reason.map(|r| r as i32).unwrap_or(-1);
            self.to_shared(helper, SharedKind::Continue, pc, reason);
        }
        self.rs.mode.regs = false;
        if let Some(t) = target {
            let tl = self.label(t);
            asm!(self.ops
                ; cmp eax, t as i32
                ; je =>tl
            );
        }
        let last = pc as usize + 1 >= self.code.instrs.len();
        if !hot || last {
            let next = self.next(pc);
            asm!(self.ops; jmp =>next);
            // This path ends here: its spill says nothing of code after it.
            self.rs.mode.clean = clean;
        } else if regs {
            self.reload_after(pc, true);
        }
        self.rs.mode.regs = regs;
    }

    /// Recording: the recorder's entry of the instruction at `pc`, when
    /// `helper` allocates only at that instruction of the frame that calls
    /// it (every object it makes, or the step it falls back to makes, is
    /// the instruction's), so that the call can name its site where the
    /// allocation recorder reads the interpreter's (`Vm::rec_at`; see
    /// `recorder::allocs`): an allocation then finds its instruction with
    /// one load rather than a walk to the top frame's pc (about ten
    /// instructions). Set before the call and cleared after it, and by any
    /// frame pushed or popped meanwhile (`Vm::rec_enter`, `rec_leave`), so
    /// it is never stale. Only helpers that allocate on most calls: the
    /// stores cost every call (three instructions). Not `calls::jit_call`:
    /// most calls push a frame, which clears the site before anything is
    /// allocated (go: 739K calls, 10K allocations at them; nqueens' calls
    /// of builtins and generators alone gained).
    fn alloc_site(&self, pc: u32, helper: usize) -> Option<i64> {
        let at_pc = [
            lean::jit_make_function as *const (),
            lean::jit_build_any as *const (),
            lean::jit_build_slice as *const (),
            fast::jit_get_iter as *const (),
            fast::jit_load_attr as *const (),
        ];
        // A fused slice's subscript allocates at the next instruction
        // (`lean::jit_slice_subscr`, which clears the site when it makes
        // the slice object at this one after all).
        let at = if at_pc.iter().any(|&h| h as usize == helper) {
            pc
        } else if helper == lean::jit_slice_subscr as *const () as usize {
            pc + 1
        } else {
            return None;
        };
        self.polls.sample?;
        let e = self.code.prof.pcs.get(at as usize)?;
        Some(e as *const crate::recorder::PcProf as i64)
    }
}

/// Bits of the pc in a packed pc and reason (`pack_pc_reason`).
const PC_BITS: u32 = 24;
const PC_MASK: u32 = (1 << PC_BITS) - 1;

/// `pc` and `reason` (-1: none) in one 32-bit immediate, the reason as a
/// signed byte in the top byte, if they fit (a code object of 16 million
/// instructions passes them in two registers).
fn pack_pc_reason(pc: u32, reason: i32) -> Option<u32> {
    let r = i8::try_from(reason).ok()?;
    (pc <= PC_MASK).then_some(((r as u8 as u32) << PC_BITS) | pc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_pc_and_reason() {
        // What the shared tail's `sar edx, 24; and esi, mask` computes
        // from the word.
        let unpack = |w: u32| (w & PC_MASK, (w as i32) >> PC_BITS);
        for (pc, reason) in [(0, -1), (5, 0), (PC_MASK, 13), (1234, 127), (7, -128)] {
            let w = pack_pc_reason(pc, reason).expect("fits");
            assert_eq!(unpack(w), (pc, reason));
        }
        // Every exit reason takes the one-register form.
        for r in crate::jit::exits::ExitReason::ALL {
            assert!(pack_pc_reason(PC_MASK, *r as i32).is_some());
        }
        assert_eq!(pack_pc_reason(PC_MASK + 1, 0), None);
        assert_eq!(pack_pc_reason(0, 128), None);
        assert_eq!(pack_pc_reason(0, -129), None);
    }
}
