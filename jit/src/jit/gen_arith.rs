//! Int templates: arithmetic and comparisons on ints with their overflow
//! checks, the dispatch of a numeric site by what it saw (int, float, mix),
//! and negation.

use super::*;

impl<'a> Gen<'a> {
    /// Add, Sub, Mul (and their in-place and immediate forms), TrueDiv, the
    /// comparisons and compare-and-branch: one template, shaped by the
    /// site's feedback and what is known of the operands.
    pub(super) fn gen_numeric(&mut self, pc: u32, op: NumOp, dst: u16, a: u16, b: Opnd) {
        let target = match op {
            NumOp::CmpJump(_, t) => Some(t),
            _ => None,
        };
        // `x + 1`: the interpreter notes a float `x` as FLOAT, not a mix.
        let imm_operand = matches!(b, Opnd::Imm(_));
        // A register operand known to hold a small int constant is used as
        // an immediate.
        let b = match b {
            Opnd::Reg(r) => match self.known_imm(r) {
                Some(i) => Opnd::Imm(i),
                None => Opnd::Reg(r),
            },
            imm => imm,
        };
        let ka = self.kind_of(a);
        let kb = match b {
            Opnd::Reg(r) => self.kind_of(r),
            Opnd::Imm(_) => Kind::Int,
        };
        let spec = self.spec_at(pc);
        if ka == Kind::NotNumber || kb == Kind::NotNumber || spec == Spec::Generic {
            if spec == Spec::Generic {
                self.gen_generic_by_feedback(pc);
            } else {
                self.comment(format_args!("an operand is known not to be a number"));
                self.gen_generic(pc);
            }
            return;
        }
        // Which path goes inline, and where failed guards go.
        let int_possible = ka != Kind::Float && kb != Kind::Float;
        let float_possible = !(ka == Kind::Int && kb == Kind::Int);
        let (mut hot_int, mut on_fail, mut mixed) = match spec {
            Spec::Float { mixed } => (false, OnFail::Deopt, mixed),
            // Only int arithmetic's overflow notes INT (its fast path does not
            // note): a site that overflowed before keeps the rejoining template.
            // (Or a site that ran but noted nothing, so never overflowed.)
            Spec::Int
                if !matches!(op, NumOp::Arith(_)) || self.code.feedback.get(pc as usize) == 0 =>
            {
                (true, OnFail::Deopt, false)
            }
            _ => (true, OnFail::Rejoin, true),
        };
        if hot_int && !int_possible {
            hot_int = false;
        }
        if !hot_int && !float_possible {
            hot_int = true;
        }
        // Known operand kinds the speculation did not expect: take the
        // default template's behaviour rather than a path sure to fail.
        let contradicts = match spec {
            Spec::Int => !int_possible,
            Spec::Float { mixed: false } => ka == Kind::Int || (kb == Kind::Int && !imm_operand),
            _ => false,
        };
        if contradicts {
            on_fail = OnFail::Rejoin;
            mixed = true;
        }
        let speculating = on_fail == OnFail::Deopt;
        if self.listing {
            let fb = self.code.feedback.get(pc as usize);
            let plan = match (hot_int, speculating) {
                (true, true) => "int path inline, anything else leaves",
                (false, true) => "float path inline, anything else leaves",
                (true, false) if float_possible => "int path inline, float path cold",
                (true, false) => "int path inline",
                (false, false) => "float path inline",
            };
            self.comment(format_args!("feedback: {}: {plan}", feedback::describe(fb)));
        }
        let n = Num {
            pc,
            op,
            dst,
            a,
            b,
            ka,
            kb,
            mixed,
            fail: self.ops.new_dynamic_label(),
            dst_tag: self.known_tag(dst),
            b_nonzero: match b {
                Opnd::Imm(i) => i != 0,
                // Not 0.0 or -0.0 (nor the int 0): some bit besides the sign.
                Opnd::Reg(r) => self
                    .known_of(r)
                    .and_then(|k| k.value)
                    .is_some_and(|v| v << 1 != 0),
            },
            fail_leaves: speculating,
            no_overflow: match (op, b) {
                (NumOp::Arith(FloatOp::Add), Opnd::Imm(i)) if i <= 0 => self.min_of(a, i),
                (NumOp::Arith(FloatOp::Sub), Opnd::Imm(i)) if i >= 0 => self.min_of(a, -i),
                _ => false,
            },
        };
        self.fail_used = false;
        // Overflow leaves compiled code when the result's type is relied on.
        let sure_int = hot_int && (speculating || (ka == Kind::Int && kb == Kind::Int));
        let mut float_cold = false;
        if hot_int {
            let not_int = if speculating || !float_possible {
                n.fail
            } else {
                // The cold float path sends other types to the bail stub.
                float_cold = true;
                self.fail_used = true;
                let l = self.ops.new_dynamic_label();
                let next = self.next(pc);
                self.cold(move |g| {
                    asm!(g.ops; =>l);
                    g.comment(format_args!("pc {pc}: float path"));
                    g.num_float_path(n, Join::To(next));
                });
                l
            };
            if self.listing {
                let mut regs = Vec::new();
                if ka == Kind::Unknown {
                    regs.push(format!("r{a}"));
                }
                if let (Opnd::Reg(r), Kind::Unknown) = (b, kb) {
                    regs.push(format!("r{r}"));
                }
                if !regs.is_empty() {
                    self.comment(format_args!(
                        "guard: {} int{}",
                        regs.join(", "),
                        if float_cold { " (else float path)" } else { "" }
                    ));
                }
            }
            let mut guarded = false;
            if ka == Kind::Unknown {
                self.guard_tag(a, tags::INT, not_int);
                guarded = true;
            } else {
                self.note_known(a);
            }
            match b {
                Opnd::Reg(r) if kb == Kind::Unknown => {
                    self.guard_tag(r, tags::INT, not_int);
                    guarded = true;
                }
                Opnd::Reg(r) => self.note_known(r),
                Opnd::Imm(_) => {}
            }
            if guarded && not_int == n.fail {
                self.fail_used = true;
            }
            self.num_int_path(n, sure_int);
        } else {
            self.num_float_path(n, Join::Fall);
        }
        if self.fail_used {
            self.bail_sites.push((pc, ExitReason::NotIntOrFloat));
            let fail = n.fail;
            match on_fail {
                OnFail::Rejoin => self.cold(move |g| {
                    asm!(g.ops; =>fail);
                    g.comment(format_args!(
                        "pc {pc}: bail: {}",
                        ExitReason::NotIntOrFloat.name()
                    ));
                    g.step_inline(pc, ExitReason::NotIntOrFloat, target, false);
                }),
                OnFail::Deopt => self.cold(move |g| {
                    asm!(g.ops; =>fail);
                    g.comment(format_args!(
                        "pc {pc}: bail and leave: {}",
                        ExitReason::NotIntOrFloat.name()
                    ));
                    g.step_and_leave(pc, ExitReason::NotIntOrFloat);
                }),
            }
        }
        if speculating {
            self.speculate(
                pc,
                if hot_int {
                    "int operands"
                } else {
                    "float operands"
                },
            );
        }
        // What holds after the instruction, on every path that continues here.
        let rejoins_unknown = (self.fail_used && on_fail == OnFail::Rejoin)
            || (hot_int && !sure_int && matches!(op, NumOp::Arith(_)));
        if !rejoins_unknown && !(hot_int && float_cold) {
            let (ta, tb) = if hot_int {
                (Some(tags::INT), Some(tags::INT))
            } else {
                let f = |k: Kind| match k {
                    Kind::Float => Some(tags::FLOAT),
                    Kind::Int => Some(tags::INT),
                    _ if !mixed => Some(tags::FLOAT),
                    _ => None,
                };
                (f(ka), f(kb))
            };
            if let Some(t) = ta {
                if self.known_tag(a) != Some(t) {
                    self.set_tag(a, t);
                }
            }
            if let (Opnd::Reg(r), Some(t)) = (b, tb) {
                if self.known_tag(r) != Some(t) {
                    self.set_tag(r, t);
                }
            }
        }
        let dst_tag = match op {
            NumOp::CmpJump(..) => return,
            _ if rejoins_unknown => None,
            NumOp::Arith(_) if hot_int && float_cold => None,
            NumOp::Arith(_) if hot_int => Some(tags::INT),
            NumOp::Arith(_) | NumOp::TrueDiv => Some(tags::FLOAT),
            NumOp::Cmp(_) => Some(tags::BOOL),
        };
        match dst_tag {
            Some(t) => self.set_tag(dst, t),
            None => self.set_known(dst, None),
        }
    }

    /// The int x int path (the operands' tags are checked or known). Falls
    /// through when done.
    pub(super) fn num_int_path(&mut self, n: Num, sure_int: bool) {
        let pc = n.pc;
        // dst's tag is already INT on this path when it is one of the operands.
        let dst_is_int = n.dst_tag == Some(tags::INT) || n.dst == n.a || n.b_reg() == Some(n.dst);
        match n.op {
            NumOp::Arith(op) => {
                let overflow = self.ops.new_dynamic_label();
                self.load_gpr(0, n.a);
                match (op, n.b) {
                    (FloatOp::Add, Opnd::Reg(b)) => self.gop(GOp::Add, 0, b),
                    (FloatOp::Sub, Opnd::Reg(b)) => self.gop(GOp::Sub, 0, b),
                    (FloatOp::Mul, Opnd::Reg(b)) => self.gop(GOp::Imul, 0, b),
                    (FloatOp::Add, Opnd::Imm(i)) => asm!(self.ops; add rax, i),
                    (FloatOp::Sub, Opnd::Imm(i)) => asm!(self.ops; sub rax, i),
                    (FloatOp::Mul, Opnd::Imm(i)) => asm!(self.ops; imul rax, rax, i),
                }
                if n.no_overflow {
                    self.comment(format_args!("cannot overflow: no check"));
                    self.put_int(n.dst, 0, dst_is_int);
                    return;
                }
                asm!(self.ops; jo =>overflow);
                self.put_int(n.dst, 0, dst_is_int);
                self.bail_sites.push((pc, ExitReason::IntOverflow));
                self.cold(move |g| {
                    asm!(g.ops; =>overflow);
                    if sure_int {
                        g.comment(format_args!(
                            "pc {pc}: bail and leave: {}",
                            ExitReason::IntOverflow.name()
                        ));
                        g.step_and_leave(pc, ExitReason::IntOverflow);
                    } else {
                        g.comment(format_args!(
                            "pc {pc}: bail: {}",
                            ExitReason::IntOverflow.name()
                        ));
                        g.step_inline(pc, ExitReason::IntOverflow, None, false);
                    }
                });
            }
            NumOp::TrueDiv => {
                // Both ints exactly representable as doubles (|x| <= 2**53),
                // where one IEEE division is the correctly rounded quotient
                // Python promises. A zero divisor raises in the interpreter.
                let limit: i64 = 1 << 53;
                self.fail_used = true;
                let zero = self.zero_divisor_stub(pc);
                asm!(self.ops; mov rdx, QWORD limit);
                self.load_gpr(0, n.a);
                asm!(self.ops
                    ; mov rcx, rax
                    ; neg rcx
                    ; cmovl rcx, rax
                    ; cmp rcx, rdx
                    ; ja =>n.fail
                );
                match n.b {
                    Opnd::Reg(b) => self.load_gpr(1, b),
                    Opnd::Imm(i) => asm!(self.ops; mov rcx, i),
                }
                asm!(self.ops
                    ; test rcx, rcx
                    ; je =>zero
                    ; mov rsi, rcx
                    ; neg rsi
                    ; cmovl rsi, rcx
                    ; cmp rsi, rdx
                    ; ja =>n.fail
                    ; cvtsi2sd xmm0, rax
                    ; cvtsi2sd xmm1, rcx
                    ; divsd xmm0, xmm1
                );
                self.put_xmm0(n.dst, n.dst_tag == Some(tags::FLOAT));
            }
            NumOp::Cmp(cmp) => {
                self.int_compare(n);
                match cmp {
                    CmpOp::Lt => asm!(self.ops; setl al),
                    CmpOp::Le => asm!(self.ops; setle al),
                    CmpOp::Gt => asm!(self.ops; setg al),
                    CmpOp::Ge => asm!(self.ops; setge al),
                    CmpOp::Eq => asm!(self.ops; sete al),
                    CmpOp::Ne => asm!(self.ops; setne al),
                }
                self.store_bool_al(n.dst, n.dst_tag == Some(tags::BOOL));
            }
            NumOp::CmpJump(cmp, target) => {
                self.int_compare(n);
                let t = self.label(target);
                self.jump_unless_int(cmp, t);
            }
        }
    }

    /// Flags for `a <cmp> b` on two ints.
    pub(super) fn int_compare(&mut self, n: Num) {
        match (self.in_reg(n.a), n.b) {
            // Both in registers, or against an immediate: no copy into rax.
            (Some(regalloc::MReg::Gpr(a)), Opnd::Imm(i)) => asm!(self.ops; cmp Rq(a), i),
            (Some(regalloc::MReg::Gpr(a)), Opnd::Reg(b)) => self.gop(GOp::Cmp, a, b),
            (_, b) => {
                self.load_gpr(0, n.a);
                match b {
                    Opnd::Reg(b) => self.gop(GOp::Cmp, 0, b),
                    Opnd::Imm(i) => asm!(self.ops; cmp rax, i),
                }
            }
        }
    }

    /// The bail stub for a zero divisor: the interpreter raises
    /// ZeroDivisionError, so compiled code is left either way.
    pub(super) fn zero_divisor_stub(&mut self, pc: u32) -> DynamicLabel {
        let zero = self.ops.new_dynamic_label();
        self.bail_sites.push((pc, ExitReason::Exception));
        self.cold(move |g| {
            asm!(g.ops; =>zero);
            g.comment(format_args!(
                "pc {pc}: division by zero: the interpreter raises"
            ));
            g.step_and_leave(pc, ExitReason::Exception);
        });
        zero
    }

    /// A true division by the int `int_to_xmm` just left in rax: its zero
    /// check on the int (cheaper than on the double's bits).
    pub(super) fn int_divisor_checked(&mut self, n: Num) -> Num {
        if n.op != NumOp::TrueDiv || n.b_nonzero {
            return n;
        }
        let zero = self.zero_divisor_stub(n.pc);
        asm!(self.ops
            ; test rax, rax
            ; jz =>zero
        );
        Num {
            b_nonzero: true,
            ..n
        }
    }

    /// `&`, `|`, `^`, `//`, `%`, `>>`, `<<` on ints. A site that saw ints
    /// only (or never ran: these have no other template) leaves compiled
    /// code when a guard fails, so its result is known to be an int.
    pub(super) fn gen_int_op(&mut self, pc: u32, op: IntOp, dst: u16, a: u16, b: u16) {
        use feedback::INT;
        let fb = self.code.feedback.get(pc as usize);
        let ka = self.kind_of(a);
        let kb = self.kind_of(b);
        let demoted = self.is_demoted(pc);
        if fb != 0 && fb & INT == 0 && !demoted {
            // Saw floats or other types only: no int template helps. (A
            // demoted site ran ints in compiled code, which notes nothing.)
            self.gen_generic_by_feedback(pc);
            return;
        }
        if !matches!(ka, Kind::Int | Kind::Unknown) || !matches!(kb, Kind::Int | Kind::Unknown) {
            self.comment(format_args!("an operand is known not to be an int"));
            return self.gen_generic(pc);
        }
        let speculating = fb & !INT == 0 && !demoted;
        if self.listing {
            self.comment(format_args!(
                "feedback: {}: int path inline, {}",
                feedback::describe(fb),
                if speculating {
                    "anything else leaves"
                } else {
                    "anything else in the interpreter"
                }
            ));
        }
        let fail = self.ops.new_dynamic_label();
        let mut fail_used = false;
        match (ka, kb) {
            (Kind::Unknown, Kind::Unknown) => self.comment(format_args!("guard: r{a}, r{b} int")),
            (Kind::Unknown, _) => self.comment(format_args!("guard: r{a} int")),
            (_, Kind::Unknown) => self.comment(format_args!("guard: r{b} int")),
            _ => {}
        }
        if ka == Kind::Unknown {
            self.guard_tag(a, tags::INT, fail);
            fail_used = true;
        } else {
            self.note_known(a);
        }
        if kb == Kind::Unknown {
            self.guard_tag(b, tags::INT, fail);
            fail_used = true;
        } else {
            self.note_known(b);
        }
        let imm = self.known_imm(b);
        let dst_is_int = self.known_tag(dst) == Some(tags::INT) || dst == a || dst == b;
        let mut result_in_rdx = false;
        match op {
            IntOp::And | IntOp::Or | IntOp::Xor => {
                self.load_gpr(0, a);
                match (op, imm) {
                    (IntOp::And, Some(i)) => asm!(self.ops; and rax, i),
                    (IntOp::Or, Some(i)) => asm!(self.ops; or rax, i),
                    (IntOp::Xor, Some(i)) => asm!(self.ops; xor rax, i),
                    (IntOp::And, None) => self.gop(GOp::And, 0, b),
                    (IntOp::Or, None) => self.gop(GOp::Or, 0, b),
                    _ => self.gop(GOp::Xor, 0, b),
                }
            }
            IntOp::FloorDiv | IntOp::Mod
                if self
                    .known_int(b)
                    .is_some_and(|c| c > 1 && c.count_ones() == 1) =>
            {
                // By a constant power of two: Python's floor division is an
                // arithmetic shift, its modulo (the sign of the divisor) a
                // mask, for either sign of `a`.
                let c = self.known_int(b).unwrap_or(2);
                let k = c.trailing_zeros() as i8;
                self.comment(format_args!("by 2**{k}: shift or mask"));
                self.load_gpr(0, a);
                if op == IntOp::FloorDiv {
                    asm!(self.ops; sar rax, k);
                } else if let Ok(mask) = i32::try_from(c - 1) {
                    asm!(self.ops; and rax, mask);
                } else {
                    asm!(self.ops
                        ; mov rcx, QWORD c - 1
                        ; and rax, rcx
                    );
                }
            }
            IntOp::FloorDiv | IntOp::Mod => {
                // Rounding toward negative infinity as Python does (idiv
                // truncates; fix up when the remainder's sign differs from
                // the divisor's). b == 0 raises and i64::MIN // -1 overflows:
                // both in the interpreter.
                match self.known_int(b) {
                    Some(i) if i != 0 && i != -1 => {
                        asm!(self.ops; mov rcx, QWORD i);
                    }
                    _ => {
                        fail_used = true;
                        self.load_gpr(1, b);
                        asm!(self.ops
                            ; test rcx, rcx
                            ; je =>fail
                            ; cmp rcx, -1
                            ; je =>fail
                        );
                    }
                }
                self.load_gpr(0, a);
                asm!(self.ops
                    ; cqo
                    ; idiv rcx
                    ; test rdx, rdx
                    ; je >exact
                    ; mov rsi, rdx
                    ; xor rsi, rcx
                    ; jns >exact
                    ; dec rax
                    ; add rdx, rcx
                    ; exact:
                );
                result_in_rdx = op == IntOp::Mod;
            }
            IntOp::Shr | IntOp::Shl => {
                // 0 <= b < 64; a left shift that loses bits (the result is a
                // big int) goes to the interpreter.
                let amount = imm.filter(|i| (0..64).contains(i));
                match amount {
                    Some(s) => {
                        self.load_gpr(0, a);
                        if op == IntOp::Shr {
                            asm!(self.ops; sar rax, s as i8);
                        } else {
                            fail_used = true;
                            asm!(self.ops
                                ; mov rdx, rax
                                ; shl rax, s as i8
                                ; mov rsi, rax
                                ; sar rsi, s as i8
                                ; cmp rsi, rdx
                                ; jne =>fail
                            );
                        }
                    }
                    None => {
                        fail_used = true;
                        self.load_gpr(1, b);
                        asm!(self.ops
                            ; cmp rcx, 63
                            ; ja =>fail
                        );
                        self.load_gpr(0, a);
                        if op == IntOp::Shr {
                            asm!(self.ops; sar rax, cl);
                        } else {
                            asm!(self.ops
                                ; mov rdx, rax
                                ; shl rax, cl
                                ; mov rsi, rax
                                ; sar rsi, cl
                                ; cmp rsi, rdx
                                ; jne =>fail
                            );
                        }
                    }
                }
            }
        }
        self.put_int(dst, if result_in_rdx { 2 } else { 0 }, dst_is_int);
        if fail_used {
            self.bail_sites.push((pc, ExitReason::NotIntOrFloat));
            if speculating {
                self.speculate(pc, "int operands");
                self.cold(move |g| {
                    asm!(g.ops; =>fail);
                    g.comment(format_args!(
                        "pc {pc}: bail and leave: {}",
                        ExitReason::NotIntOrFloat.name()
                    ));
                    g.step_and_leave(pc, ExitReason::NotIntOrFloat);
                });
            } else {
                self.cold(move |g| {
                    asm!(g.ops; =>fail);
                    g.comment(format_args!(
                        "pc {pc}: bail: {}",
                        ExitReason::NotIntOrFloat.name()
                    ));
                    g.step_inline(pc, ExitReason::NotIntOrFloat, None, false);
                });
            }
        }
        if speculating || !fail_used {
            self.set_tag(a, tags::INT);
            self.set_tag(b, tags::INT);
            self.set_tag(dst, tags::INT);
        } else {
            self.set_known(dst, None);
        }
    }

    /// `-x` on an int (overflow at i64::MIN) or a float (flip the sign bit).
    pub(super) fn gen_neg(&mut self, pc: u32, dst: u16, src: u16) {
        let fb = self.code.feedback.get(pc as usize);
        let spec = self.spec_at(pc);
        let dst_tag = self.known_tag(dst);
        match self.kind_of(src) {
            Kind::Float => {
                self.note_known(src);
                self.load_gpr(1, src);
                asm!(self.ops; btc rcx, 63);
                self.put_float_bits(dst, 1, dst_tag == Some(tags::FLOAT));
                self.set_tag(dst, tags::FLOAT);
                return;
            }
            Kind::Int => {
                self.note_known(src);
                let overflow = self.ops.new_dynamic_label();
                self.load_gpr(1, src);
                asm!(self.ops
                    ; neg rcx
                    ; jo =>overflow
                );
                self.put_int(dst, 1, dst_tag == Some(tags::INT) || dst == src);
                self.bail_sites.push((pc, ExitReason::IntOverflow));
                self.cold(move |g| {
                    asm!(g.ops; =>overflow);
                    g.comment(format_args!(
                        "pc {pc}: bail and leave: {}",
                        ExitReason::IntOverflow.name()
                    ));
                    g.step_and_leave(pc, ExitReason::IntOverflow);
                });
                self.set_tag(dst, tags::INT);
                return;
            }
            Kind::NotNumber => {
                self.comment(format_args!("the operand is known not to be a number"));
                self.step_inline(pc, ExitReason::Generic, None, true);
                self.forget_all();
                return;
            }
            Kind::Unknown => {}
        }
        if spec == Spec::Generic {
            self.gen_generic_by_feedback(pc);
            return;
        }
        let slow = self.ops.new_dynamic_label();
        if matches!(spec, Spec::Float { .. }) {
            // Saw floats only: the float path alone, anything else leaves.
            self.comment(format_args!(
                "feedback: {}: float path inline, anything else leaves",
                feedback::describe(fb)
            ));
            self.guard_tag(src, tags::FLOAT, slow);
            self.load_gpr(1, src);
            asm!(self.ops; btc rcx, 63);
            self.put_float_bits(dst, 1, dst_tag == Some(tags::FLOAT) || dst == src);
            self.bail_sites.push((pc, ExitReason::NotIntOrFloat));
            self.speculate(pc, "a float operand");
            self.cold(move |g| {
                asm!(g.ops; =>slow);
                g.comment(format_args!(
                    "pc {pc}: bail and leave: {}",
                    ExitReason::NotIntOrFloat.name()
                ));
                g.step_and_leave(pc, ExitReason::NotIntOrFloat);
            });
            self.set_tag(src, tags::FLOAT);
            self.set_tag(dst, tags::FLOAT);
            return;
        }
        asm!(self.ops; mov rax, QWORD [rbx + slot(src)]);
        self.load_gpr(1, src);
        asm!(self.ops
            ; cmp rax, tags::INT as i32
            ; jne >not_int
            ; neg rcx
            ; jo =>slow
            ; jmp >done
            ; not_int:
            ; cmp rax, tags::FLOAT as i32
            ; jne =>slow
            ; btc rcx, 63
            ; done:
        );
        self.put_value_rax_rcx(dst);
        self.bail_to_step(slow, pc, ExitReason::NotIntOrFloat);
        self.set_known(dst, None);
    }
}
