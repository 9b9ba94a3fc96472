//! `len(x)` at the call site: when the callee register holds the builtin
//! `len` and the argument is a str, list or tuple, its length is read from
//! the object and stored as the call's result, without the general call
//! helper (`calls::jit_call`), which costs some 340 instructions for a
//! `len` (the argument buffer, arity and keyword checks, the dispatch).
//!
//! The builtin is recognised by its function (`BuiltinObj::func` is
//! `builtins::functions::len`), whatever the name it was loaded under; the
//! site is tried only where the callee is loaded as the global `len`.
//! Anything else (another callee, another argument type, a list being
//! mutated by a running method) makes the call as before. `len` of those
//! types has no other effect and cannot raise, so nothing is skipped but
//! the call itself; not while recording, which counts builtin calls.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::bytecode::opcodes::Instr;
use crate::jit::layout::layout;
use crate::runtime::heap::Gc;
use crate::runtime::object::{BuiltinObj, NativeFn, StrObj};
use crate::runtime::value::tags;

/// `Value::Builtin`'s tag.
const BUILTIN: u64 = 14;

impl<'a> Gen<'a> {
    /// The `len` fast path of the `Call` at `pc` (`reg` the callee, one
    /// argument), if its callee is loaded as the global `len`: on to
    /// `done` with the result in `reg`, else on to what follows.
    pub(super) fn emit_len_call(&mut self, pc: u32, reg: u16, done: DynamicLabel) {
        let code = self.code;
        let Instr::Call { argc: 1, .. } = code.instrs[pc as usize] else {
            return;
        };
        let named_len =
            crate::jit::inline::global_loaded_into(code, pc, reg).is_some_and(|(_, n)| {
                code.names
                    .get(n as usize)
                    .is_some_and(|s| s.as_str() == "len")
            });
        if !named_len {
            return;
        }
        let l = *layout();
        let arg = reg + 1;
        let func_at =
            (Gc::<BuiltinObj>::PAYLOAD_OFFSET + std::mem::offset_of!(BuiltinObj, func)) as i32;
        let char_len_at = (Gc::<StrObj>::PAYLOAD_OFFSET + StrObj::CHAR_LEN_OFFSET) as i32;
        let len_fn = crate::builtins::functions::len as NativeFn as usize as i64;
        let (other, not_str, not_list, store) = (
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
        );
        self.comment(format_args!(
            "the builtin len? a str's, list's or tuple's length without a call"
        ));
        asm!(self.ops
            ; cmp QWORD [rbx + slot(reg)], BUILTIN as i32
            ; jne =>other
            ; mov rax, [rbx + pay(reg)]
            ; mov r11, QWORD len_fn
            ; cmp [rax + func_at], r11
            ; jne =>other
            ; mov rax, [rbx + pay(arg)]
            ; cmp QWORD [rbx + slot(arg)], tags::STR as i32
            ; jne =>not_str
            ; mov rax, [rax + char_len_at]
            ; jmp =>store
            ; =>not_str
            ; cmp QWORD [rbx + slot(arg)], tags::LIST as i32
            ; jne =>not_list
            // Mutably borrowed (a running method changes it): the call.
            ; cmp QWORD [rax + l.list_flag], 0
            ; jl =>other
            ; mov rax, [rax + l.list_len]
            ; jmp =>store
            ; =>not_list
            ; cmp QWORD [rbx + slot(arg)], tags::TUPLE as i32
            ; jne =>other
            ; mov rax, [rax + l.tuple_len]
            ; =>store
            ; mov QWORD [rbx + slot(reg)], tags::INT as i32
            ; mov [rbx + pay(reg)], rax
            ; jmp =>done
            ; =>other
        );
    }
}
