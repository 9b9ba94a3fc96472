//! `math.sqrt(x)` at the call site: when the receiver is the module whose
//! global the site's cache found (`attr_cache::MODULE_SLOT`), that global
//! still holds the builtin `sqrt`, and `x` is a float or an int that is
//! not negative (a NaN neither), the root is computed here (`sqrtsd`, as
//! CPython's `sqrt` of the float; an int converts rounding to nearest, as
//! `float(x)` does) and stored as the call's result, without the general
//! call helper (`calls::jit_call`: the module's attribute, the argument
//! buffer, the arity check, the dispatch; some 340 instructions a call).
//! Anything else (another receiver, `math.sqrt` rebound, a negative
//! number, which raises, a bool, a big int) makes the call as before.
//!
//! Recording: the call is counted on the edge to the builtin the global
//! held at compile time (`codegen/inline_counts.rs`), as `len`'s is
//! (`gen_builtin_calls.rs`); not with exact timing.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::builtins::mod_math;
use crate::bytecode::opcodes::Instr;
use crate::interp::attr_cache;
use crate::runtime::heap::Gc;
use crate::runtime::object::BuiltinObj;
use crate::runtime::value::{tags, Value};

impl<'a> Gen<'a> {
    /// The fast path of the `CallMethod` at `pc` when it is `m.sqrt(x)` on
    /// the module `m` its cache names: on to `done` with the result in the
    /// receiver's register, else on to what follows.
    pub(super) fn emit_module_call(&mut self, pc: u32, done: DynamicLabel) {
        let code = self.code;
        let Instr::CallMethod { obj, name, argc: 1 } = code.instrs[pc as usize] else {
            return;
        };
        if code.names.get(name as usize).map(|s| s.as_str()) != Some("sqrt") {
            return;
        }
        let c = &code.caches[pc as usize];
        if c.kind.get() != attr_cache::MODULE_SLOT {
            return;
        }
        let module = c.class.get();
        let gslot = c.index.get() as u16;
        // SAFETY: a `MODULE_SLOT` cache's `class` is a module's address, and
        // modules live as long as the VM (`attr_cache`'s module comment).
        let m = unsafe {
            &*((module + Gc::<crate::runtime::object::ModuleObj>::PAYLOAD_OFFSET)
                as *const crate::runtime::object::ModuleObj)
        };
        let Some(Value::Builtin(b)) = m
            .globals
            .try_borrow()
            .ok()
            .and_then(|g| g.get(gslot as usize).copied())
        else {
            return;
        };
        let func = mod_math::SQRT;
        if b.func as usize != func as usize {
            return;
        }
        let count = match self.polls.sample {
            None if !self.polls.exact_timing => None,
            _ => match self.call_count_to_builtin(b) {
                Some(count) => count,
                None => return,
            },
        };
        let func_at =
            (Gc::<BuiltinObj>::PAYLOAD_OFFSET + std::mem::offset_of!(BuiltinObj, func)) as i32;
        let globals = m.globals.as_ptr() as i64;
        let at = gslot as i32 * 16;
        let arg = obj + 1;
        let (other, is_float) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        self.comment(format_args!("the module's sqrt? its root without a call"));
        asm!(self.ops
            ; cmp QWORD [rbx + slot(obj)], tags::MODULE as i32
            ; jne =>other
            ; mov rax, QWORD module as i64
            ; cmp [rbx + pay(obj)], rax
            ; jne =>other
        );
        self.slots_base(globals, gslot, other);
        asm!(self.ops
            ; cmp QWORD [rdx + at], tags::BUILTIN as i32
            ; jne =>other
            ; mov rax, [rdx + at + 8]
            ; mov r11, QWORD func as usize as i64
            ; cmp [rax + func_at], r11
            ; jne =>other
            ; movsd xmm0, [rbx + pay(arg)]
            ; cmp QWORD [rbx + slot(arg)], tags::FLOAT as i32
            ; je =>is_float
            ; cmp QWORD [rbx + slot(arg)], tags::INT as i32
            ; jne =>other
            ; cvtsi2sd xmm0, QWORD [rbx + pay(arg)]
            ; =>is_float
            // Negative or a NaN (unordered sets CF too): the call, which
            // raises or returns the NaN.
            ; xorpd xmm1, xmm1
            ; ucomisd xmm0, xmm1
            ; jb =>other
        );
        if let Some(count) = count {
            self.unless_callee_running(count.edge, true, false, other);
            self.count_answered_call(count.counter);
        }
        asm!(self.ops
            ; sqrtsd xmm0, xmm0
            ; mov QWORD [rbx + slot(obj)], tags::FLOAT as i32
            ; movsd QWORD [rbx + pay(obj)], xmm0
            ; jmp =>done
            ; =>other
        );
    }
}
