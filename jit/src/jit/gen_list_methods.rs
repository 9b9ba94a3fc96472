//! `l.append(x)`, `l.pop()` and `l.pop(i)` at the call site: when the receiver is a
//! list (the tag says exactly `list`), or an instance of a list subclass
//! whose class the site's cache found the method on (`PAYLOAD_METHOD`:
//! the class at its version, not hidden by an instance attribute; a helper
//! gives the list it extends), whose items no running method borrows, `append` with room in its buffer
//! stores `x` after the last item, `pop` of a non-empty list takes the
//! last item, and `pop(i)` with an int in range the item there
//! (`jit_list_pop_at`, which shifts the rest), without the general call helper (`calls::jit_call`: the
//! method's lookup through the site's cache, the argument buffer, arity
//! and keyword checks, the dispatch; some 300 instructions a call). The
//! built-in type's methods cannot be replaced, so for a list the tag is
//! the whole check. Anything else (another receiver, a full buffer, an empty list,
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

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::builtins::methods::methods_list;
use crate::bytecode::opcodes::Instr;
use crate::interp::attr_cache;
use crate::jit::layout::layout;
use crate::runtime::heap::{Gc, Heap};
use crate::runtime::object::{BuiltinObj, InstanceObj, ListObj, NativeFn};
use crate::runtime::value::{tags, Value};

/// The list methods done at the call site.
#[derive(Clone, Copy, PartialEq)]
enum Method {
    Append,
    Pop,
    /// `pop(i)` with an int `i` (`jit_list_pop_at`).
    PopAt,
}

impl<'a> Gen<'a> {
    /// The fast path of the `CallMethod` at `pc` when it calls `append`
    /// with one argument or `pop` with none: on to `done` with the result
    /// in the receiver's register, else on to what follows.
    pub(super) fn emit_list_method(&mut self, pc: u32, done: DynamicLabel) {
        let code = self.code;
        let Instr::CallMethod { obj, name, argc } = code.instrs[pc as usize] else {
            return;
        };
        let (method, func, builtin) =
            match (code.names.get(name as usize).map(|s| s.as_str()), argc) {
                (Some("append"), 1) => (
                    Method::Append,
                    methods_list::append as NativeFn,
                    self.polls.list_methods[0],
                ),
                (Some("pop"), 0) => (
                    Method::Pop,
                    methods_list::pop as NativeFn,
                    self.polls.list_methods[1],
                ),
                (Some("pop"), 1) => (
                    Method::PopAt,
                    methods_list::pop as NativeFn,
                    self.polls.list_methods[1],
                ),
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
        // The site's cache, which the subclass's path checks when it runs.
        let c = &code.caches[pc as usize];
        // Recording: the call is counted on its edge to the list type's
        // builtin (`codegen/inline_counts.rs`), the one the interpreter
        // calls on a list and on a list subclass's instance; the site's
        // cache need not have found it yet (deltablue's `coll.append(c)`
        // was compiled before it had, and made its 35K calls while
        // recording).
        let count = match self.polls.sample {
            None if !self.polls.exact_timing => None,
            _ => {
                let Some(b) = builtin.filter(|b| b.func as usize == func as usize) else {
                    return;
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
            Method::Pop | Method::PopAt => "pop",
        };
        // Both receivers, whichever the cache saw last: a site that sees
        // lists and instances of a list subclass in turn (deltablue's
        // `coll.append(c)`) kept only the list's path, and its subclass
        // calls (92K) took the general helper. The subclass's path checks
        // the cache when it runs, which its misses (the helper's) keep.
        let (list, have) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        self.comment(format_args!(
            "list.{named} of a list, or of a list subclass's instance whose class's cache found the method: its list"
        ));
        asm!(self.ops
            ; cmp QWORD [rbx + slot(obj)], tags::LIST as i32
            ; je =>list
        );
        self.list_of_subclass_instance(obj, c as *const _ as i64, func, other);
        asm!(self.ops
            ; jmp =>have
            ; =>list
            ; mov rax, [rbx + pay(obj)]
            ; =>have
        );
        self.comment(format_args!("its items free: done here, without a call"));
        asm!(self.ops
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
                    self.unless_callee_running(count.edge, true, false, other);
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
                    self.unless_callee_running(count.edge, true, false, other);
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
            Method::PopAt => {
                let helper = jit_list_pop_at as *const () as i64;
                let arg = obj + 1;
                asm!(self.ops
                    ; cmp QWORD [rbx + slot(arg)], tags::INT as i32
                    ; jne =>other
                );
                if let Some(count) = count {
                    self.unless_callee_running(count.edge, true, false, other);
                }
                asm!(self.ops
                    ; mov rdi, rax
                    ; mov rsi, [rbx + pay(arg)]
                    ; lea rdx, [rbx + slot(obj)]
                    ; mov rax, QWORD helper
                    ; call rax
                    ; test rax, rax
                    ; jz =>other
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

    /// rax = the list of the instance in `obj` of a list subclass, while the
    /// site's cache (at `cache`) holds the instance's class at its version
    /// with the list method of native function `func` (`PAYLOAD_METHOD`)
    /// and no instance of the class may hide it; else on to `other`.
    fn list_of_subclass_instance(
        &mut self,
        obj: u16,
        cache: i64,
        func: NativeFn,
        other: DynamicLabel,
    ) {
        let a = layout().attr;
        let func_at =
            (Gc::<BuiltinObj>::PAYLOAD_OFFSET + std::mem::offset_of!(BuiltinObj, func)) as i32;
        let helper = jit_list_payload as *const () as i64;
        asm!(self.ops
            ; cmp QWORD [rbx + slot(obj)], tags::INSTANCE as i32
            ; jne =>other
            ; mov rax, QWORD [rbx + pay(obj)]
            ; mov rcx, QWORD [rax + a.inst_class]
        );
        self.cache_class_check(cache, attr_cache::PAYLOAD_METHOD, other);
        asm!(self.ops
            ; cmp BYTE [rcx + a.type_shadowed], 0
            ; jne =>other
            ; cmp QWORD [rsi + a.cache_value], tags::BUILTIN as i32
            ; jne =>other
            ; mov rdx, QWORD [rsi + a.cache_value + 8]
            ; mov r11, QWORD func as usize as i64
            ; cmp [rdx + func_at], r11
            ; jne =>other
            ; mov rdi, rax
            ; mov rax, QWORD helper
            ; call rax
            ; test rax, rax
            ; jz =>other
        );
    }
}

/// `list.pop(i)` of the list at `list` (a `Value::List`'s payload word)
/// with an int `i` in range: the item removed from there into `*out` (the
/// receiver's register), 1; 0 (nothing changed) when `i` is out of range,
/// the list is empty or being changed: the call then raises or waits its
/// turn as it always did. deltablue's `todo.pop(0)` made 85K calls through
/// the general helper.
pub extern "sysv64" fn jit_list_pop_at(list: *const u8, i: i64, out: *mut Value) -> u64 {
    // SAFETY: compiled code passes the payload word of a live list (a
    // `GcBox<ListObj>`, its `ListObj` at `PAYLOAD_OFFSET`) and the address
    // of a register of the running frame.
    let l = unsafe { &*(list.add(Gc::<ListObj>::PAYLOAD_OFFSET) as *const ListObj) };
    let Ok(mut items) = l.items.try_borrow_mut() else {
        return 0;
    };
    let n = items.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return 0;
    }
    let x = items.remove(j as usize);
    // SAFETY: as above.
    unsafe { *out = x };
    1
}

/// The list an instance of a list subclass extends (its payload word), or
/// 0 when it has none (`inst` a `Value::Instance`'s payload word).
pub extern "sysv64" fn jit_list_payload(inst: *const u8) -> usize {
    // SAFETY: compiled code passes the payload word of a `Value::Instance`
    // held in a frame register: a live `GcBox<InstanceObj>`, its
    // `InstanceObj` at `PAYLOAD_OFFSET`.
    let i = unsafe { &*(inst.add(Gc::<InstanceObj>::PAYLOAD_OFFSET) as *const InstanceObj) };
    match i.payload() {
        Some(Value::List(l)) => l.addr(),
        _ => 0,
    }
}
