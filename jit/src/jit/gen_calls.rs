//! Calls and returns: the lean direct call (`direct.rs`) inline, the general
//! one (`calls::jit_call`) in the cold section.
//!
//! A `Call` whose callee register holds a function, or a `CallMethod` whose
//! receiver is an instance, asks `jit_call_enter` to push the callee's frame.
//! When it does, this code calls the callee's compiled code with the entry
//! convention (`vm`, the callee's registers, its first instruction), so the
//! callee runs on the machine stack below the caller. The callee's `Return`
//! leaves with `KIND_RETURN` in rax's high half and the value's two words in
//! rcx:rdx; the caller stores them into its result register and
//! `jit_call_leave` pops the frame. Any other outcome (a bail, an exception,
//! a frame the interpreter must run) goes through `jit_call_unwound` and
//! leaves the caller's code too, exactly as the general path does.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::bytecode::opcodes::Instr;
use crate::jit::exits::KIND_RETURN;
use crate::jit::{calls, direct};
use crate::runtime::value::tags;

impl<'a> Gen<'a> {
    /// A call instruction: the lean path when the instruction can take it,
    /// else the general helper.
    pub(super) fn gen_call(&mut self, pc: u32) {
        // The register checked before trying the lean path, the tag it must
        // have, the callee's first register and the result's register.
        let lean = match self.code.instrs[pc as usize] {
            Instr::Call { func, .. } => Some((func, tags::FUNCTION, func + 1)),
            Instr::CallMethod { obj, .. } => Some((obj, tags::INSTANCE, obj)),
            _ => None,
        };
        let Some((reg, tag, callee_regs)) = lean else {
            self.comment(format_args!("general call: push the frame, run the callee"));
            self.gen_call_general(pc, true);
            self.forget_all();
            return;
        };
        self.comment(format_args!(
            "direct call: push the frame, call the callee's code"
        ));
        let general = self.ops.new_dynamic_label();
        let unwound = self.ops.new_dynamic_label();
        let enter = direct::jit_call_enter as *const () as i64;
        // A method call's classes beyond the interpreter's one-entry cache.
        let site = match self.code.instrs[pc as usize] {
            Instr::CallMethod { .. } => {
                let s = Box::<direct::MethodSite>::default();
                let p = &*s as *const direct::MethodSite as i64;
                self.method_sites.push(s);
                p
            }
            _ => 0,
        };
        let leave = direct::jit_call_leave as *const () as i64;
        asm!(self.ops
            ; cmp QWORD [rbx + slot(reg)], tag as i32
            ; jne =>general
            ; mov rdi, r12
            ; mov esi, pc as i32
            ; mov rdx, QWORD site
            ; mov rax, QWORD enter
            ; call rax
            ; test rax, rax
            ; jz =>general
            // rax: the callee's entry, rdx: its first instruction.
            ; mov rdi, r12
            ; lea rsi, [rbx + slot(callee_regs)]
            ; call rax
            ; mov r8, rax
            ; shr r8, 32
            ; cmp r8d, KIND_RETURN as i32
            ; jne =>unwound
            ; mov [rbx + slot(reg)], rcx
            ; mov [rbx + pay(reg)], rdx
            ; mov rdi, r12
            ; mov rax, QWORD leave
            ; call rax
        );
        let next = self.next(pc);
        let last = pc as usize + 1 >= self.labels.len();
        if last {
            asm!(self.ops; jmp =>next);
        }
        let class_call = matches!(self.code.instrs[pc as usize], Instr::Call { .. });
        self.cold(move |g| {
            asm!(g.ops; =>general);
            if class_call {
                g.gen_class_call(pc, reg, unwound);
            }
            g.comment(format_args!("pc {pc}: not the lean case: the general call"));
            g.gen_call_general(pc, false);
            let unwound_fn = direct::jit_call_unwound as *const () as i64;
            asm!(g.ops
                ; =>unwound
                ; mov rdi, r12
                ; mov rsi, rax
                ; mov rax, QWORD unwound_fn
                ; call rax
                ; jmp ->exit
            );
        });
        self.forget_all();
    }

    /// The lean path of a class call (`Call` with a class in `reg`, cached
    /// as "a plain instance, then this `__init__`"): the instance takes the
    /// class's register, `__init__`'s frame starts there, and
    /// `jit_call_leave_construct` gives the call the instance. Falls through
    /// when the lean path declines.
    fn gen_class_call(&mut self, pc: u32, reg: u16, unwound: DynamicLabel) {
        self.comment(format_args!(
            "pc {pc}: a class call: push __init__, call its code"
        ));
        let no = self.ops.new_dynamic_label();
        let next = self.next(pc);
        let enter = direct::jit_call_enter as *const () as i64;
        let leave = direct::jit_call_leave_construct as *const () as i64;
        asm!(self.ops
            ; cmp QWORD [rbx + slot(reg)], tags::TYPE as i32
            ; jne =>no
            ; mov rdi, r12
            ; mov esi, pc as i32
            ; xor edx, edx
            ; mov rax, QWORD enter
            ; call rax
            ; test rax, rax
            ; jz =>no
            ; mov rdi, r12
            ; lea rsi, [rbx + slot(reg)]
            ; call rax
            ; mov r8, rax
            ; shr r8, 32
            ; cmp r8d, KIND_RETURN as i32
            ; jne =>unwound
            // leave(vm, outcome, tag, payload)
            ; mov rsi, rax
            ; mov r8, rdx
            ; mov rdx, rcx
            ; mov rcx, r8
            ; mov rdi, r12
            ; mov rax, QWORD leave
            ; call rax
            ; test rax, rax
            ; jnz ->exit
            ; jmp =>next
            ; =>no
        );
    }

    fn gen_call_general(&mut self, pc: u32, hot: bool) {
        self.call_helper_outcome(pc, calls::jit_call as *const () as usize, None, None, hot);
    }

    /// `Return`/`ReturnNone`: hand the return to whoever entered this code,
    /// with the value in rcx:rdx for a direct call (`gen_call`). The
    /// interpreter, and `calls::jit_call`, run the return themselves.
    pub(super) fn gen_return(&mut self, pc: u32) {
        self.comment(format_args!("return to the caller, the value in rcx:rdx"));
        let w = (KIND_RETURN << 32) | pc as u64;
        match self.code.instrs[pc as usize] {
            Instr::Return { src } => asm!(self.ops
                ; mov rcx, [rbx + slot(src)]
                ; mov rdx, [rbx + pay(src)]
            ),
            _ => asm!(self.ops
                ; mov ecx, tags::NONE as i32
                ; xor edx, edx
            ),
        }
        asm!(self.ops
            ; mov rax, QWORD w as i64
            ; jmp ->exit
        );
    }
}
