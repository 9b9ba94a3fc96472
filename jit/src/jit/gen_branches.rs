//! Branches and boolean results: compare-and-branch, conditional and plain
//! jumps (back-edges poll for signals and the collector), `is`, `not` and
//! the bound check of an unbound local.

use super::*;

impl<'a> Gen<'a> {
    /// Store the bool in `al` into `dst` (its tag only when not already BOOL).
    pub(super) fn store_bool_al(&mut self, dst: u16, tag_known: bool) {
        asm!(self.ops; movzx eax, al);
        self.put_bool_rax(dst, tag_known);
    }

    /// `JumpIfNot<cmp> a, b, target`: jump when the comparison is false.
    pub(super) fn gen_cmp_jump(&mut self, pc: u32, a: u16, b: u16, target: u16, cmp: CmpOp) {
        self.gen_numeric(pc, NumOp::CmpJump(cmp, target as u32), 0, a, Opnd::Reg(b));
    }

    /// `JumpIfFalse` / `JumpIfTrue`: bools, ints and floats inline, None is
    /// false, anything else asks the interpreter's `truthy` in a helper
    /// (`__bool__`, `__len__`, containers).
    pub(super) fn gen_cond_jump(&mut self, pc: u32, cond: u16, target: u16, jump_if: bool) {
        let t = self.label(target as u32);
        let next = self.next(pc);
        match self.known_of(cond) {
            Some(Known {
                tag: tags::BOOL,
                value,
            }) => {
                self.note_known(cond);
                match value {
                    Some(v) => {
                        if (v != 0) == jump_if {
                            asm!(self.ops; jmp =>t);
                        }
                    }
                    None => {
                        asm!(self.ops; cmp BYTE [rbx + pay(cond)], 0);
                        self.branch_on_nonzero_fall(jump_if, t);
                    }
                }
                return;
            }
            Some(Known { tag: tags::INT, .. }) => {
                self.note_known(cond);
                self.cmp_zero(cond);
                self.branch_on_nonzero_fall(jump_if, t);
                return;
            }
            Some(Known {
                tag: tags::NONE, ..
            }) => {
                self.note_known(cond);
                if !jump_if {
                    asm!(self.ops; jmp =>t);
                }
                return;
            }
            Some(Known {
                tag: tags::FLOAT, ..
            }) => {
                self.note_known(cond);
                self.float_nonzero(cond);
                self.branch_on_nonzero_fall(jump_if, t);
                return;
            }
            _ => {}
        }
        let not_bool = self.ops.new_dynamic_label();
        let not_int = self.ops.new_dynamic_label();
        let not_none = self.ops.new_dynamic_label();
        let slow = self.ops.new_dynamic_label();
        self.comment(format_args!("r{cond}: bool, int, None or float inline"));
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(cond)]
            ; cmp rax, tags::BOOL as i32
            ; jne =>not_bool
            ; cmp BYTE [rbx + pay(cond)], 0
        );
        self.branch_on_nonzero(jump_if, t, next);
        asm!(self.ops
            ; =>not_bool
            ; cmp rax, tags::INT as i32
            ; jne =>not_int
        );
        self.cmp_zero(cond);
        self.branch_on_nonzero(jump_if, t, next);
        asm!(self.ops
            ; =>not_int
            ; cmp rax, tags::NONE as i32
            ; jne =>not_none
        );
        if jump_if {
            asm!(self.ops; jmp =>next);
        } else {
            asm!(self.ops; jmp =>t);
        }
        asm!(self.ops
            ; =>not_none
            ; cmp rax, tags::FLOAT as i32
            ; jne =>slow
        );
        self.float_nonzero(cond);
        self.branch_on_nonzero_fall(jump_if, t);
        // Anything else (an instance, a container, a str) is tested by the
        // interpreter's `truthy` in a helper, without leaving compiled code.
        let target = target as u32;
        let helper = lean_branches::jit_branch_any as *const () as usize;
        self.cold(move |g| {
            asm!(g.ops; =>slow);
            g.comment(format_args!(
                "pc {pc}: any other condition: its truth in a helper"
            ));
            g.call_helper_outcome(pc, helper, None, Some(target), false);
        });
    }

    /// Set ZF when the float in `r` is zero (+0.0 or -0.0): the payload's
    /// bits doubled drop the sign, so only the zeros give 0. A NaN is true,
    /// as in CPython. The payload may be in a register; rdi is scratch.
    fn float_nonzero(&mut self, r: u16) {
        match self.in_reg(r) {
            Some(MReg::Gpr(s)) => asm!(self.ops; mov rdi, Rq(s)),
            Some(MReg::Xmm(x)) => asm!(self.ops; movq rdi, Rx(x)),
            None => asm!(self.ops; mov rdi, QWORD [rbx + pay(r)]),
        }
        asm!(self.ops; add rdi, rdi);
    }

    /// After a compare with zero: go to `t` when the value is true (non-zero)
    /// and `jump_if` is set, or false and it is not; else to `next`.
    pub(super) fn branch_on_nonzero(&mut self, jump_if: bool, t: DynamicLabel, next: DynamicLabel) {
        if jump_if {
            asm!(self.ops; jne =>t; jmp =>next);
        } else {
            asm!(self.ops; je =>t; jmp =>next);
        }
    }

    /// The same, falling through to the next instruction.
    pub(super) fn branch_on_nonzero_fall(&mut self, jump_if: bool, t: DynamicLabel) {
        if jump_if {
            asm!(self.ops; jne =>t);
        } else {
            asm!(self.ops; je =>t);
        }
    }

    pub(super) fn gen_jump(&mut self, pc: u32, target: u16) {
        let t = self.label(target as u32);
        if (target as u32) > pc {
            asm!(self.ops; jmp =>t);
            return;
        }
        // A back-edge: the loop polls for a pending collection or Ctrl-C, as
        // the interpreter does, by leaving to the interpreter's Jump.
        let poll = self.ops.new_dynamic_label();
        self.comment(format_args!("back-edge: poll GC and Ctrl-C"));
        // The collector's flag is in the `Vm` (r12) when it can be.
        match self.polls.gc_due_in_vm {
            Some(off) => asm!(self.ops
                ; cmp BYTE [r12 + off], 0
                ; jne =>poll
            ),
            None => asm!(self.ops
                ; mov rax, QWORD self.polls.gc_due as i64
                ; cmp BYTE [rax], 0
                ; jne =>poll
            ),
        }
        asm!(self.ops; mov rax, QWORD self.polls.interrupted as i64);
        match self.polls.sample {
            // Recording: the pending sample's flag is the byte after Ctrl-C's
            // (`interp::vm::Polled`): one compare for both.
            Some(sample) if sample as usize == self.polls.interrupted as usize + 1 => {
                asm!(self.ops
                    ; cmp WORD [rax], 0
                    ; jne =>poll
                );
            }
            Some(sample) => {
                asm!(self.ops
                    ; cmp BYTE [rax], 0
                    ; jne =>poll
                    ; mov rax, QWORD sample as i64
                    ; cmp BYTE [rax], 0
                    ; jne =>poll
                );
            }
            None => {
                asm!(self.ops
                    ; cmp BYTE [rax], 0
                    ; jne =>poll
                );
            }
        }
        asm!(self.ops; jmp =>t);
        self.cold(move |g| {
            asm!(g.ops; =>poll);
            g.comment(format_args!(
                "pc {pc}: exit to the interpreter: {}",
                ExitReason::Safepoint.name()
            ));
            g.exit_resume_counted(pc);
        });
    }

    /// A local read before assignment: the interpreter raises UnboundLocalError.
    pub(super) fn gen_check_bound(&mut self, pc: u32, reg: u16) {
        if self.known_tag(reg).is_some_and(|t| t != tags::UNDEFINED) {
            self.note_known(reg);
            return;
        }
        if self.is_bound(reg) {
            self.comment(format_args!("r{reg} written or checked since: bound"));
            return;
        }
        self.set_bound(reg, true);
        let slow = self.ops.new_dynamic_label();
        asm!(self.ops
            ; cmp QWORD [rbx + slot(reg)], tags::UNDEFINED as i32
            ; je =>slow
        );
        self.cold(move |g| {
            asm!(g.ops; =>slow);
            g.comment(format_args!(
                "pc {pc}: bail: {}",
                ExitReason::Generic.name()
            ));
            g.step_inline(pc, ExitReason::Generic, None, false);
        });
    }

    /// `a is b` / `a is not b`: same tag, then the payload as `Value::is` reads
    /// it (nothing for the payload-less kinds, one byte for bools).
    pub(super) fn gen_is(&mut self, dst: u16, a: u16, b: u16, negate: bool) {
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(a)]
            ; cmp rax, QWORD [rbx + slot(b)]
            ; jne >no
            ; cmp rax, tags::BOOL as i32
            ; jb >yes
            ; je >boolean
            ; cmp rax, 24
            ; je >yes
            ; cmp rax, 25
            ; je >yes
        );
        // Register locals are never bools: only the word compare reads them.
        self.load_gpr(1, a);
        self.load_gpr(2, b);
        asm!(self.ops
            ; cmp rcx, rdx
            ; jne >no
            ; jmp >yes
            ; boolean:
            ; mov cl, BYTE [rbx + pay(a)]
            ; cmp cl, BYTE [rbx + pay(b)]
            ; jne >no
            ; yes:
            ; mov al, (!negate) as i8
            ; jmp >done
            ; no:
            ; mov al, negate as i8
            ; done:
        );
        let known = self.known_tag(dst) == Some(tags::BOOL);
        self.store_bool_al(dst, known);
        self.set_tag(dst, tags::BOOL);
    }

    /// `not x` on a bool, int, None or float (the interpreter's answer is a bool
    /// too, so the result is known to be one on every path).
    pub(super) fn gen_not(&mut self, pc: u32, dst: u16, src: u16) {
        let dst_known = self.known_tag(dst) == Some(tags::BOOL);
        match self.known_tag(src) {
            Some(tags::BOOL) => {
                self.note_known(src);
                asm!(self.ops
                    ; cmp BYTE [rbx + pay(src)], 0
                    ; sete al
                );
                self.store_bool_al(dst, dst_known);
                self.set_tag(dst, tags::BOOL);
                return;
            }
            Some(tag @ (tags::INT | tags::FLOAT)) => {
                self.note_known(src);
                if tag == tags::INT {
                    self.cmp_zero(src);
                } else {
                    self.float_nonzero(src);
                }
                asm!(self.ops; sete al);
                self.store_bool_al(dst, dst_known);
                self.set_tag(dst, tags::BOOL);
                return;
            }
            _ => {}
        }
        let slow = self.ops.new_dynamic_label();
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(src)]
            ; cmp rax, tags::BOOL as i32
            ; jne >not_bool
            ; cmp BYTE [rbx + pay(src)], 0
            ; sete al
            ; jmp >done
            ; not_bool:
            ; cmp rax, tags::INT as i32
            ; jne >not_int
        );
        self.cmp_zero(src);
        asm!(self.ops
            ; sete al
            ; jmp >done
            ; not_int:
            ; cmp rax, tags::NONE as i32
            ; jne >not_none
            ; mov al, 1
            ; jmp >done
            ; not_none:
            ; cmp rax, tags::FLOAT as i32
            ; jne =>slow
        );
        self.float_nonzero(src);
        asm!(self.ops
            ; sete al
            ; done:
        );
        self.store_bool_al(dst, dst_known);
        self.bail_to_step(slow, pc, ExitReason::CondNotBool);
        self.set_tag(dst, tags::BOOL);
    }
}
