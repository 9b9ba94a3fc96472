//! Float templates: operands converted or loaded into XMM registers, the
//! arithmetic (AVX three-operand forms when the CPU has them), boxing the
//! result or keeping it in a register, and float comparisons.

use super::*;

impl<'a> Gen<'a> {
    /// Load an int operand into `xmm0` (which = 0) or `xmm1` as a double.
    /// With `exact`, an int the double cannot represent exactly fails.
    pub(super) fn int_to_xmm(&mut self, which: u8, o: Opnd, exact: bool, fail: DynamicLabel) {
        match o {
            Opnd::Reg(r) => self.load_gpr(0, r),
            Opnd::Imm(i) => asm!(self.ops; mov rax, i),
        }
        if which == 0 {
            asm!(self.ops; cvtsi2sd xmm0, rax);
        } else {
            asm!(self.ops; cvtsi2sd xmm1, rax);
        }
        if exact && matches!(o, Opnd::Reg(_)) {
            self.fail_used = true;
            if which == 0 {
                asm!(self.ops; cvttsd2si rcx, xmm0);
            } else {
                asm!(self.ops; cvttsd2si rcx, xmm1);
            }
            asm!(self.ops
                ; cmp rcx, rax
                ; jne =>fail
            );
        }
    }

    /// The float path: `a` into xmm0 as a double (a float loaded, an int
    /// converted when mixing is allowed and `b` is a float), `b` read as a
    /// float from its register or converted from an int into xmm1, then the
    /// operation (`float_tail`), then `join`. Operands of other types go to
    /// the site's bail stub. The int/float mixes are in the cold section
    /// with their own tails.
    pub(super) fn num_float_path(&mut self, n: Num, join: Join) {
        if self.float_arith_in_regs(n) {
            match join {
                Join::To(l) => asm!(self.ops; jmp =>l),
                Join::Fall => self.float_inline = true,
            }
            return;
        }
        let exact = n.exact();
        let fail = n.fail;
        let a = n.a;
        // Where the cold tails continue.
        let cont = match join {
            Join::To(l) => l,
            Join::Fall => self.next(n.pc),
        };
        match n.ka {
            Kind::Float => {
                self.note_known(a);
                self.xop(XOp::Mov, 0, a);
            }
            Kind::Int => {
                self.note_known(a);
                self.int_to_xmm(0, Opnd::Reg(a), exact, fail);
            }
            _ => {
                self.fail_used = true;
                self.comment(format_args!("guard: r{a} float"));
                if n.mixed && n.kb != Kind::Int {
                    // `a` an int: only with a float `b` (two ints are not
                    // this path's).
                    let a_other = self.ops.new_dynamic_label();
                    asm!(self.ops
                        ; cmp QWORD [rbx + slot(a)], tags::FLOAT as i32
                        ; jne =>a_other
                    );
                    self.xop(XOp::Mov, 0, a);
                    self.cold(move |g| {
                        asm!(g.ops; =>a_other);
                        g.comment(format_args!("pc {}: int r{a} with a float", n.pc));
                        g.guard_tag(a, tags::INT, fail);
                        let Opnd::Reg(b) = n.b else {
                            unreachable!("an immediate is an int")
                        };
                        if n.kb != Kind::Float {
                            g.guard_tag(b, tags::FLOAT, fail);
                        }
                        g.int_to_xmm(0, Opnd::Reg(a), exact, fail);
                        g.float_tail(n, false, Some(b), Join::To(cont));
                    });
                } else {
                    asm!(self.ops
                        ; cmp QWORD [rbx + slot(a)], tags::FLOAT as i32
                        ; jne =>fail
                    );
                    self.xop(XOp::Mov, 0, a);
                }
            }
        }
        // On the inline path `a` is a float unless it is a known int.
        let a_float = n.ka != Kind::Int;
        match (n.b, n.kb) {
            (Opnd::Reg(b), Kind::Float) => {
                self.note_known(b);
                self.float_tail(n, a_float, Some(b), join);
            }
            (b, Kind::Int) => {
                if let Opnd::Reg(r) = b {
                    self.note_known(r);
                }
                self.int_to_xmm(1, b, exact, fail);
                let n = self.int_divisor_checked(n);
                self.float_tail(n, a_float, None, join);
            }
            (Opnd::Reg(b), _) => {
                self.fail_used = true;
                self.comment(format_args!("guard: r{b} float"));
                if n.mixed && n.ka != Kind::Int {
                    // `b` an int with the float `a`.
                    let b_other = self.ops.new_dynamic_label();
                    self.guard_tag(b, tags::FLOAT, b_other);
                    self.cold(move |g| {
                        asm!(g.ops; =>b_other);
                        g.comment(format_args!("pc {}: float with int r{b}", n.pc));
                        g.guard_tag(b, tags::INT, fail);
                        g.int_to_xmm(1, Opnd::Reg(b), exact, fail);
                        let n = g.int_divisor_checked(n);
                        g.float_tail(n, true, None, Join::To(cont));
                    });
                } else {
                    self.guard_tag(b, tags::FLOAT, fail);
                }
                self.float_tail(n, a_float, Some(b), join);
            }
            (Opnd::Imm(_), _) => unreachable!("an immediate is an int"),
        }
    }

    /// `dst = a op b` with both operands known floats and `dst` a float in
    /// an XMM register (a register-allocated loop): computed in `dst`'s
    /// register, without going through xmm0. False when this does not apply
    /// (or `b` is in `dst`'s register and would be overwritten first).
    pub(super) fn float_arith_in_regs(&mut self, n: Num) -> bool {
        let op = match n.op {
            NumOp::Arith(FloatOp::Add) => XOp::Add,
            NumOp::Arith(FloatOp::Sub) => XOp::Sub,
            NumOp::Arith(FloatOp::Mul) => XOp::Mul,
            NumOp::TrueDiv => XOp::Div,
            _ => return false,
        };
        let Opnd::Reg(b) = n.b else { return false };
        // `a` in the frame with its type unknown (a call's result): its
        // guard here, on a site that speculates on floats (a failed guard
        // leaves), and its payload straight into `dst`'s register.
        let a_guard = n.ka == Kind::Unknown
            && !n.mixed
            && n.fail_leaves
            && n.a != b
            && self.in_reg(n.a).is_none();
        if (n.ka != Kind::Float && !a_guard) || n.kb != Kind::Float {
            return false;
        }
        let Some(d) = self.float_dst_xmm(n.dst) else {
            return false;
        };
        let d_reg = Some(regalloc::MReg::Xmm(d));
        // With AVX, both operands in registers: one three-operand
        // instruction (the same IEEE 754 operation, bit for bit), whatever
        // registers they are in.
        let three = match (self.in_reg(n.a), self.in_reg(b)) {
            (Some(regalloc::MReg::Xmm(x)), Some(regalloc::MReg::Xmm(y))) if has_avx() => {
                Some((x, y))
            }
            _ => None,
        };
        if three.is_none() && self.in_reg(b) == d_reg && n.a != b {
            return false;
        }
        if a_guard {
            self.fail_used = true;
            self.comment(format_args!("guard: r{} float", n.a));
            self.guard_tag(n.a, tags::FLOAT, n.fail);
        } else {
            self.note_known(n.a);
        }
        self.note_known(b);
        if op == XOp::Div && !n.b_nonzero {
            // Before `dst` changes: the zero divisor's bail runs the
            // instruction in the interpreter on the frame as it was.
            let zero = self.zero_divisor_stub(n.pc);
            self.load_gpr(0, b);
            asm!(self.ops
                ; add rax, rax
                ; jz =>zero
            );
        }
        match three {
            Some((x, y)) if self.in_reg(n.a) != d_reg => match op {
                XOp::Add => asm!(self.ops; vaddsd Rx(d), Rx(x), Rx(y)),
                XOp::Sub => asm!(self.ops; vsubsd Rx(d), Rx(x), Rx(y)),
                XOp::Mul => asm!(self.ops; vmulsd Rx(d), Rx(x), Rx(y)),
                _ => asm!(self.ops; vdivsd Rx(d), Rx(x), Rx(y)),
            },
            _ => {
                if self.in_reg(n.a) != d_reg {
                    self.xop(XOp::Mov, d, n.a);
                }
                self.xop(op, d, b);
            }
        }
        self.dirtied(n.dst);
        true
    }

    /// The operation on the float path: `a` is in xmm0, `b` in its register
    /// (`b_mem`, a float there) or in xmm1. `a_float`: `a`'s register holds a
    /// float on this path (not a converted int), for skipping the tag store.
    pub(super) fn float_tail(&mut self, n: Num, a_float: bool, b_mem: Option<u16>, join: Join) {
        let dst_is_float =
            n.dst_tag == Some(tags::FLOAT) || (n.dst == n.a && a_float) || b_mem == Some(n.dst);
        match n.op {
            NumOp::Arith(op) => {
                match (op, b_mem) {
                    (FloatOp::Add, Some(b)) => self.xop(XOp::Add, 0, b),
                    (FloatOp::Sub, Some(b)) => self.xop(XOp::Sub, 0, b),
                    (FloatOp::Mul, Some(b)) => self.xop(XOp::Mul, 0, b),
                    (FloatOp::Add, None) => asm!(self.ops; addsd xmm0, xmm1),
                    (FloatOp::Sub, None) => asm!(self.ops; subsd xmm0, xmm1),
                    (FloatOp::Mul, None) => asm!(self.ops; mulsd xmm0, xmm1),
                }
                self.put_xmm0(n.dst, dst_is_float);
            }
            NumOp::TrueDiv => {
                // A zero divisor (0.0 or -0.0: all bits but the sign clear)
                // raises in the interpreter.
                if n.b_nonzero {
                    match b_mem {
                        Some(b) => self.xop(XOp::Div, 0, b),
                        None => asm!(self.ops; divsd xmm0, xmm1),
                    }
                    self.put_xmm0(n.dst, dst_is_float);
                    if let Join::To(l) = join {
                        asm!(self.ops; jmp =>l);
                    }
                    return;
                }
                let zero = self.zero_divisor_stub(n.pc);
                match b_mem {
                    Some(b) => {
                        self.load_gpr(0, b);
                        asm!(self.ops
                            ; add rax, rax
                            ; jz =>zero
                        );
                        self.xop(XOp::Div, 0, b);
                    }
                    None => asm!(self.ops
                        ; movq rax, xmm1
                        ; add rax, rax
                        ; jz =>zero
                        ; divsd xmm0, xmm1
                    ),
                }
                self.put_xmm0(n.dst, dst_is_float);
            }
            NumOp::Cmp(cmp) => {
                self.float_compare_flags(cmp, b_mem);
                // NaN compares false for everything but `!=`.
                match cmp {
                    CmpOp::Lt | CmpOp::Gt => asm!(self.ops; seta al),
                    CmpOp::Le | CmpOp::Ge => asm!(self.ops; setae al),
                    CmpOp::Eq => asm!(self.ops; sete al; setnp cl; and al, cl),
                    CmpOp::Ne => asm!(self.ops; setne al; setp cl; or al, cl),
                }
                self.store_bool_al(n.dst, n.dst_tag == Some(tags::BOOL));
            }
            NumOp::CmpJump(cmp, target) => {
                self.float_compare_flags(cmp, b_mem);
                let t = self.label(target);
                // Jump when the comparison is false (unordered counts as false).
                match cmp {
                    CmpOp::Lt | CmpOp::Gt => asm!(self.ops; jbe =>t),
                    CmpOp::Le | CmpOp::Ge => asm!(self.ops; jb =>t),
                    CmpOp::Eq => asm!(self.ops; jne =>t; jp =>t),
                    CmpOp::Ne => asm!(self.ops; jp >ne_true; je =>t; ne_true:),
                }
            }
        }
        if let Join::To(l) = join {
            asm!(self.ops; jmp =>l);
        }
    }

    /// Set the flags for `a <cmp> b` (a in xmm0, b in its register or in
    /// xmm1) so that "above" means true for `<`/`>` and "above or equal"
    /// for `<=`/`>=` (ucomisd sets CF on unordered, so NaN reads as false).
    pub(super) fn float_compare_flags(&mut self, cmp: CmpOp, b_mem: Option<u16>) {
        match (cmp, b_mem) {
            // a < b  <=>  b > a: b must be in a register.
            (CmpOp::Lt | CmpOp::Le, Some(b)) => match self.in_reg(b) {
                Some(regalloc::MReg::Xmm(x)) => asm!(self.ops; ucomisd Rx(x), xmm0),
                _ => {
                    self.xop(XOp::Mov, 1, b);
                    asm!(self.ops; ucomisd xmm1, xmm0);
                }
            },
            (CmpOp::Lt | CmpOp::Le, None) => asm!(self.ops; ucomisd xmm1, xmm0),
            (_, Some(b)) => self.xop(XOp::Ucomi, 0, b),
            (_, None) => asm!(self.ops; ucomisd xmm0, xmm1),
        }
    }
}
