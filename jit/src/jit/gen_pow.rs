//! `a ** b` on floats: libm's `pow` called directly from compiled code.
//!
//! The interpreter's float power (`interp::ops::float_pow_value`) is
//! `a.powf(b)`, libm's `pow`, after checks for the powers Python raises for
//! (`0 ** -1`, a negative base with a fractional exponent) and before one
//! for overflow (an infinite result from finite operands). With a base
//! `> 0` (not NaN, not zero, not negative) none of the first two applies,
//! and a finite result needs no overflow check: the fast path calls `pow`
//! (through `jit_pow_raw`, a plain `extern "C" fn(f64, f64) -> f64`, so the
//! operands and result stay in XMM registers) and keeps the result when it
//! is finite. Everything else (a base `<= 0` or NaN, an infinite or NaN
//! result, operands of other types) runs the instruction in the interpreter,
//! which computes the same value or raises the same error.
//!
//! `x ** 2` is not turned into `x * x`: glibc's `pow` is not guaranteed to
//! round exactly as a multiplication does, and CPython calls `pow`.
//!
//! Register-aware: the operands are read from their machine registers, the
//! call spills the region's dirty slots first and reloads the caller-saved
//! registers after it (all XMM registers are), and the result goes through
//! the frame into `dst`'s register (a tag compare and a load).

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen, Kind};
use crate::jit::exits::ExitReason;
use crate::jit::feedback;
use crate::runtime::value::tags;

use super::regstate::XOp;

/// libm's `pow`, as compiled code calls it (the System V ABI passes and
/// returns doubles in xmm0 and xmm1).
pub extern "sysv64" fn jit_pow_raw(x: f64, y: f64) -> f64 {
    x.powf(y)
}

/// Bits of +infinity: a double whose bits, sign cleared, are at least these
/// is infinite or NaN.
const INF_BITS: i64 = 0x7ff0_0000_0000_0000;

impl<'a> Gen<'a> {
    /// `a ** b`: a site that saw floats (alone or with ints) calls `pow`
    /// inline; anything else is the interpreter's `binary_op` through a
    /// helper (int powers are exact big ints, other types have `__pow__`).
    pub(super) fn gen_pow(&mut self, pc: u32, dst: u16, a: u16, b: u16) {
        use feedback::{FLOAT, INT, MIXED, OTHER};
        let fb = self.code.feedback.get(pc as usize);
        let floats = fb & (FLOAT | MIXED) != 0 && fb & (INT | OTHER) == 0;
        let known_other = [a, b]
            .iter()
            .any(|&r| !matches!(self.kind_of(r), Kind::Int | Kind::Float | Kind::Unknown));
        if !floats || known_other {
            // Int powers (exact, maybe big), mixed sites, `__pow__`.
            return self.gen_generic(pc);
        }
        self.comment(format_args!(
            "feedback: {}: pow() inline for a base > 0 and a finite result",
            feedback::describe(fb)
        ));
        let slow = self.ops.new_dynamic_label();
        self.pow_base(a, b, slow);
        let b_int_ok = self.kind_of(a) != Kind::Int;
        self.pow_operand(1, b, b_int_ok, slow);
        // A base <= 0 (-0.0 included: its sign bit makes it negative as an
        // integer) is the interpreter's; a positive NaN goes on, and its
        // NaN result (or 1.0 for `** 0`, which Python also gives) is sorted
        // out below.
        asm!(self.ops
            ; movq rax, xmm0
            ; test rax, rax
            ; jle =>slow
        );
        // Registered before the spill: that path has not spilled.
        self.bail_to_step(slow, pc, ExitReason::NotIntOrFloat);
        let regs = self.rs.mode.regs;
        self.spill();
        let after = self.ops.new_dynamic_label();
        let raw = jit_pow_raw as *const () as i64;
        asm!(self.ops
            ; mov rax, QWORD raw
            ; call rax
            ; movq rax, xmm0
            ; btr rax, 63
            ; mov rcx, QWORD INF_BITS
            ; cmp rax, rcx
            ; jae =>after
        );
        // The frame is up to date (spilled), the caller-saved registers
        // are not: the slow path after the call steps from the frame.
        self.bail_to_step(after, pc, ExitReason::NotIntOrFloat);
        // The other registers back, then the result straight into `dst`
        // (its register, or the frame): xmm0 survives the reloads.
        if regs {
            self.reload_after_but(pc, true, Some(dst));
        }
        self.put_xmm0(dst, false);
        // Not known to be a float: the slow paths rejoin after the
        // interpreter's power, an int one for ints.
        self.set_known(dst, None);
    }

    /// Load the base `a` into xmm0 as a double: a float, or an int (the
    /// interpreter's float power converts it) when the exponent `b` is a
    /// float (two ints are an int power). Other types go to `fail`.
    fn pow_base(&mut self, a: u16, b: u16, fail: DynamicLabel) {
        match self.kind_of(a) {
            Kind::Float => self.pow_operand(0, a, false, fail),
            Kind::Int => match self.kind_of(b) {
                Kind::Float | Kind::Unknown => self.pow_operand(0, a, true, fail),
                _ => asm!(self.ops; jmp =>fail),
            },
            Kind::NotNumber => asm!(self.ops; jmp =>fail),
            Kind::Unknown => {
                self.comment(format_args!("guard: r{a} float (an int: cold)"));
                let int_base = self.ops.new_dynamic_label();
                let back = self.ops.new_dynamic_label();
                asm!(self.ops
                    ; mov rax, QWORD [rbx + slot(a)]
                    ; cmp rax, tags::FLOAT as i32
                    ; jne =>int_base
                    ; movsd xmm0, QWORD [rbx + pay(a)]
                    ; =>back
                );
                let kb = self.kind_of(b);
                self.cold(move |g| {
                    asm!(g.ops; =>int_base);
                    asm!(g.ops
                        ; cmp rax, tags::INT as i32
                        ; jne =>fail
                    );
                    match kb {
                        Kind::Float => {}
                        Kind::Unknown => g.guard_tag(b, tags::FLOAT, fail),
                        _ => asm!(g.ops; jmp =>fail),
                    }
                    asm!(g.ops
                        ; cvtsi2sd xmm0, QWORD [rbx + pay(a)]
                        ; jmp =>back
                    );
                });
            }
        }
    }

    /// Load `r` into `xmm{which}` as a double: a float, or with `int_ok` an
    /// int converted as the interpreter converts it (nearest double). Other
    /// types go to `fail`.
    fn pow_operand(&mut self, which: u8, r: u16, int_ok: bool, fail: DynamicLabel) {
        let known = self.known_of(r);
        match known.map(|k| k.tag) {
            Some(tags::FLOAT) => {
                self.note_known(r);
                match known
                    .and_then(|k| k.value)
                    .filter(|_| self.in_reg(r).is_none())
                {
                    Some(bits) => asm!(self.ops
                        ; mov rax, QWORD bits as i64
                        ; movq Rx(which), rax
                    ),
                    None => self.xop(XOp::Mov, which, r),
                }
            }
            Some(tags::INT) if int_ok => {
                self.note_known(r);
                match self.known_int(r) {
                    Some(i) => {
                        let bits = (i as f64).to_bits() as i64;
                        asm!(self.ops
                            ; mov rax, QWORD bits
                            ; movq Rx(which), rax
                        );
                    }
                    None => {
                        self.load_gpr(0, r);
                        asm!(self.ops; cvtsi2sd Rx(which), rax);
                    }
                }
            }
            Some(_) => asm!(self.ops; jmp =>fail),
            None if int_ok => {
                self.comment(format_args!("guard: r{r} float or int"));
                asm!(self.ops
                    ; mov rax, QWORD [rbx + slot(r)]
                    ; cmp rax, tags::FLOAT as i32
                    ; jne >not_float
                    ; movsd Rx(which), QWORD [rbx + pay(r)]
                    ; jmp >done
                    ; not_float:
                    ; cmp rax, tags::INT as i32
                    ; jne =>fail
                    ; cvtsi2sd Rx(which), QWORD [rbx + pay(r)]
                    ; done:
                );
            }
            None => {
                self.comment(format_args!("guard: r{r} float"));
                asm!(self.ops
                    ; cmp QWORD [rbx + slot(r)], tags::FLOAT as i32
                    ; jne =>fail
                    ; movsd Rx(which), QWORD [rbx + pay(r)]
                );
            }
        }
    }
}
