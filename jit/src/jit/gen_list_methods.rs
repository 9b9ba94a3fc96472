//! `l.append(x)` and `l.pop()` at the call site: when the receiver is a
//! list (the tag says exactly `list`: a subclass's instance has another)
//! whose items no running method borrows, `append` with room in its buffer
//! stores `x` after the last item, and `pop` of a non-empty list takes the
//! last item, without the general call helper (`calls::jit_call`: the
//! method's lookup through the site's cache, the argument buffer, arity
//! and keyword checks, the dispatch; some 300 instructions a call). The
//! built-in type's methods cannot be replaced, so the tag is the whole
//! check. Anything else (another receiver, a full buffer, an empty list,
//! the collector's debt crossing its threshold, GC stress) makes the call
//! as before, which then does what it always did (grows the buffer,
//! raises, accounts the debt and asks for a collection).
//!
//! `append` accounts its 16 bytes of debt as `Heap::add_debt` does, and
//! only while the debt stays under the threshold: the call that crosses it
//! is the real one, so collections come where they came. `pop` leaves the
//! buffer as `Vec::remove` of the last item leaves it.
//!
//! Recording: the call is counted on its edge as the builtin hooks count
//! it (`codegen/inline_counts.rs`), which needs the builtin at compile
//! time: the site's cache holds it once the interpreter ran the site
//! (`--jit=auto`); a site compiled before that makes the call while
//! recording. Not with exact timing.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::builtins::methods::methods_list;
use crate::bytecode::opcodes::Instr;
use crate::interp::attr_cache;
use crate::jit::layout::layout;
use crate::runtime::heap::Heap;
use crate::runtime::object::NativeFn;
use crate::runtime::value::{tags, Value};

/// The list methods done at the call site.
#[derive(Clone, Copy, PartialEq)]
enum Method {
    Append,
    Pop,
}

impl<'a> Gen<'a> {
    /// The fast path of the `CallMethod` at `pc` when it calls `append`
    /// with one argument or `pop` with none: on to `done` with the result
    /// in the receiver's register, else on to what follows.
    pub(super) fn emit_list_method(&mut self, pc: u32, done: dynasmrt::DynamicLabel) {
        let code = self.code;
        let Instr::CallMethod { obj, name, argc } = code.instrs[pc as usize] else {
            return;
        };
        let (method, func) = match (code.names.get(name as usize).map(|s| s.as_str()), argc) {
            (Some("append"), 1) => (Method::Append, methods_list::append as NativeFn),
            (Some("pop"), 0) => (Method::Pop, methods_list::pop as NativeFn),
            _ => return,
        };
        // SAFETY: `gc_due` is the `due` flag of the VM's heap, which lives
        // as long as the VM, and nothing else runs while compiling.
        let stress = unsafe {
            *(self.polls.gc_due as *const u8).offset(Heap::STRESS_FROM_DUE as isize) != 0
        };
        if stress {
            return;
        }
        // Recording: the call is counted on its edge, which needs the
        // builtin the site's cache found (`codegen/inline_counts.rs`).
        let count = match self.polls.sample {
            None if !self.polls.exact_timing => None,
            _ => {
                let c = &code.caches[pc as usize];
                let b = match (c.kind.get(), c.value.get()) {
                    (attr_cache::METHOD, Value::Builtin(b)) if b.func as usize == func as usize => {
                        b
                    }
                    _ => return,
                };
                let Some(count) = self.call_count_to_builtin(b) else {
                    return;
                };
                count
            }
        };
        let l = *layout();
        let other = self.ops.new_dynamic_label();
        let named = match method {
            Method::Append => "append",
            Method::Pop => "pop",
        };
        self.comment(format_args!(
            "list.{named} of a list whose items are free: done here, without a call"
        ));
        asm!(self.ops
            ; cmp QWORD [rbx + slot(obj)], tags::LIST as i32
            ; jne =>other
            ; mov rax, [rbx + pay(obj)]
            // Borrowed (a running method reads or changes it): the call.
            ; cmp QWORD [rax + l.list_flag], 0
            ; jne =>other
            ; mov rcx, [rax + l.list_len]
        );
        match method {
            Method::Append => {
                let due = self.polls.gc_due as i64;
                asm!(self.ops
                    ; cmp rcx, [rax + l.list_cap]
                    ; jae =>other
                );
                // (r10 and r11, before the debt is in r11.)
                if let Some(count) = count {
                    self.unless_callee_running(count.edge, true, other);
                }
                let arg = obj + 1;
                asm!(self.ops
                    // The debt after these 16 bytes, under the threshold.
                    ; mov rdx, QWORD due
                    ; mov r11, [rdx + Heap::DEBT_FROM_DUE]
                    ; add r11, 16
                    ; cmp r11, [rdx + Heap::THRESHOLD_FROM_DUE]
                    ; jae =>other
                    ; mov [rdx + Heap::DEBT_FROM_DUE], r11
                    ; mov rdx, rcx
                    ; shl rdx, 4
                    ; add rdx, [rax + l.list_ptr]
                    ; mov r11, [rbx + slot(arg)]
                    ; mov [rdx], r11
                    ; mov r11, [rbx + pay(arg)]
                    ; mov [rdx + 8], r11
                    ; add rcx, 1
                    ; mov [rax + l.list_len], rcx
                    ; mov QWORD [rbx + slot(obj)], tags::NONE as i32
                    ; mov QWORD [rbx + pay(obj)], 0
                );
            }
            Method::Pop => {
                asm!(self.ops
                    ; test rcx, rcx
                    ; jz =>other
                );
                if let Some(count) = count {
                    self.unless_callee_running(count.edge, true, other);
                }
                asm!(self.ops
                    ; sub rcx, 1
                    ; mov [rax + l.list_len], rcx
                    ; shl rcx, 4
                    ; add rcx, [rax + l.list_ptr]
                    ; mov r11, [rcx]
                    ; mov [rbx + slot(obj)], r11
                    ; mov r11, [rcx + 8]
                    ; mov [rbx + pay(obj)], r11
                );
            }
        }
        if let Some(count) = count {
            self.count_answered_call(count.counter);
        }
        asm!(self.ops
            ; jmp =>done
            ; =>other
        );
    }
}
