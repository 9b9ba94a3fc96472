//! `len(x)`, `ord(c)`, `isinstance(x, C)`, `min(a, b)` and `max(a, b)` at
//! the call site: when the callee register holds the builtin and the
//! arguments are of a common type (`len`: a str, list or tuple; `ord`: a
//! str of one character; `isinstance`: an instance whose class is exactly
//! the class `C`, which CPython answers True before any
//! `__instancecheck__`; `min`/`max`: two ints or floats, an int with a float
//! only when it converts exactly, the first of equals kept and a NaN
//! compared as CPython's `<` compares it), the result is
//! computed here and stored as the call's result, without the general call
//! helper (`calls::jit_call`), which costs some 340 instructions for such a
//! call (the argument buffer, arity and keyword checks, the dispatch).
//! While recording, such a call costs one add instead of the builtin
//! hooks' 65 instructions (richards' `assert isinstance(t, C)`: a third of
//! its recording overhead by instructions).
//!
//! The builtin is recognised by its function (`BuiltinObj::func` is
//! `builtins::functions::len` or `functions_num::ord`), whatever the name it
//! was loaded under; the site is tried only where the callee is loaded as
//! the global of that name. Anything else (another callee, another argument
//! type, a list being mutated by a running method, a str of another length)
//! makes the call as before. These calls have no other effect and cannot
//! raise on those arguments, so nothing is skipped but the call itself.
//! While recording, the call is counted as the builtin hooks count it
//! (`codegen/inline_counts.rs`); not with exact timing.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::interp::vm::Vm;
use crate::jit::layout::layout;
use crate::runtime::heap::Gc;
use crate::runtime::object::{BuiltinObj, NativeFn, StrObj};
use crate::runtime::value::{tags, Value};

/// The builtins computed at the call site.
#[derive(Clone, Copy, PartialEq)]
enum Known {
    Len,
    Ord,
    IsInstance,
    Min,
    Max,
}

/// `ord(s)` of a str of one character (`s` a `Value::Str`'s payload): its
/// code point, or -1 for any other length (the call then raises).
pub extern "sysv64" fn jit_ord_str(s: *const u8) -> i64 {
    // SAFETY: compiled code passes the payload word of a `Value::Str` held
    // in a frame register: a live `GcBox<StrObj>`, its `StrObj` at
    // `PAYLOAD_OFFSET`.
    let s = unsafe { &*(s.add(Gc::<StrObj>::PAYLOAD_OFFSET) as *const StrObj) };
    let mut cs = s.as_str().chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => c as i64,
        _ => -1,
    }
}

/// `len(x)` of an instance of a list or tuple subclass (`*src`, a frame
/// register holding a `Value::Instance`) whose class leaves `__len__` to
/// the built-in type (`Vm::instance_len`): its payload's length; -1 for
/// any other instance, or a list being changed (the call then decides).
/// deltablue's `while len(todo):` over an `OrderedCollection(list)`
/// made 121K calls through the general helper.
pub extern "sysv64" fn jit_len_of_payload(vm: *mut Vm, src: *const Value) -> i64 {
    // SAFETY: compiled code passes the `Vm` it was entered with (nothing
    // else uses it meanwhile) and a register of the running frame.
    let (vm, v) = unsafe { (&mut *vm, *src) };
    let Value::Instance(i) = v else {
        return -1;
    };
    let n = match i.payload() {
        Some(Value::List(l)) => match l.items.try_borrow() {
            Ok(items) => items.len(),
            Err(_) => return -1,
        },
        Some(Value::Tuple(t)) => t.items.len(),
        _ => return -1,
    };
    if vm.special_of(v, "__len__").is_some() {
        return -1;
    }
    n as i64
}

/// The builtin of function `func` that global slot `slot` of `code`'s
/// module holds now (a global of the module, else the builtin it loaded;
/// None when it loaded none yet).
fn builtin_held(code: &Code, slot: u16, func: NativeFn) -> Option<Gc<BuiltinObj>> {
    let m = &code.module;
    let v = match m.globals.try_borrow().ok()?.get(slot as usize).copied() {
        Some(Value::Undefined) | None => m
            .builtin_cache
            .try_borrow()
            .ok()?
            .get(slot as usize)
            .copied(),
        v => v,
    };
    match v {
        Some(Value::Builtin(b)) if b.func as usize == func as usize => Some(b),
        _ => None,
    }
}

impl<'a> Gen<'a> {
    /// The fast path of the `Call` at `pc` (`reg` the callee, one argument)
    /// when its callee is loaded as the global `len` or `ord`: on to `done`
    /// with the result in `reg`, else on to what follows.
    pub(super) fn emit_builtin_call(&mut self, pc: u32, reg: u16, done: DynamicLabel) {
        let code = self.code;
        let Instr::Call { argc, .. } = code.instrs[pc as usize] else {
            return;
        };
        let load = crate::jit::inline::global_loaded_into(code, pc, reg);
        let name = load.and_then(|(_, n)| code.names.get(n as usize));
        let (known, func) = match (name.map(|s| s.as_str()), argc) {
            (Some("len"), 1) => (Known::Len, crate::builtins::functions::len as NativeFn),
            (Some("ord"), 1) => (
                Known::Ord,
                crate::builtins::functions::functions_num::ord as NativeFn,
            ),
            (Some("isinstance"), 2) => (
                Known::IsInstance,
                crate::builtins::functions::isinstance as NativeFn,
            ),
            (Some("min"), 2) => (
                Known::Min,
                crate::builtins::functions::functions_num::min as NativeFn,
            ),
            (Some("max"), 2) => (
                Known::Max,
                crate::builtins::functions::functions_num::max as NativeFn,
            ),
            _ => return,
        };
        // Recording: the call is counted on its edge, which needs the
        // builtin the global holds now (`codegen/inline_counts.rs`).
        let count = match self.polls.sample {
            None if !self.polls.exact_timing => None,
            _ => {
                let Some(b) = load.and_then(|(s, _)| builtin_held(code, s, func)) else {
                    return;
                };
                let Some(count) = self.call_count_to_builtin(b) else {
                    return;
                };
                count
            }
        };
        let arg = reg + 1;
        let func_at =
            (Gc::<BuiltinObj>::PAYLOAD_OFFSET + std::mem::offset_of!(BuiltinObj, func)) as i32;
        let (other, store) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        let named = match known {
            Known::Len => "len",
            Known::Ord => "ord",
            Known::IsInstance => "isinstance",
            Known::Min => "min",
            Known::Max => "max",
        };
        self.comment(format_args!(
            "the builtin {named}? its result without a call"
        ));
        asm!(self.ops
            ; cmp QWORD [rbx + slot(reg)], tags::BUILTIN as i32
            ; jne =>other
            ; mov rax, [rbx + pay(reg)]
            ; mov r11, QWORD func as usize as i64
            ; cmp [rax + func_at], r11
            ; jne =>other
        );
        if let Some(count) = count {
            self.unless_callee_running(count.edge, true, false, other);
        }
        match known {
            Known::Len => self.emit_len_cases(arg, other, store),
            Known::Ord => {
                let helper = jit_ord_str as *const () as i64;
                asm!(self.ops
                    ; cmp QWORD [rbx + slot(arg)], tags::STR as i32
                    ; jne =>other
                    ; mov rdi, [rbx + pay(arg)]
                    ; mov rax, QWORD helper
                    ; call rax
                    ; test rax, rax
                    ; js =>other
                );
            }
            Known::IsInstance => self.emit_exact_instance(arg, other),
            Known::Min | Known::Max => {
                // The result is one of the arguments, tag and all.
                let second = self.ops.new_dynamic_label();
                self.emit_min_max_pick(known == Known::Max, arg, other, second);
                let count = count.map(|c| c.counter);
                for (from, at) in [(arg, None), (arg + 1, Some(second))] {
                    if let Some(l) = at {
                        asm!(self.ops; =>l);
                    }
                    if let Some(counter) = count {
                        self.count_answered_call(counter);
                    }
                    asm!(self.ops
                        ; mov rax, [rbx + slot(from)]
                        ; mov [rbx + slot(reg)], rax
                        ; mov rax, [rbx + pay(from)]
                        ; mov [rbx + pay(reg)], rax
                        ; jmp =>done
                    );
                }
                asm!(self.ops; =>other);
                return;
            }
        }
        asm!(self.ops; =>store);
        if let Some(count) = count {
            self.count_answered_call(count.counter);
        }
        // (min and max stored their pick and returned above.)
        let tag = match known {
            Known::IsInstance => tags::BOOL,
            Known::Len | Known::Ord | Known::Min | Known::Max => tags::INT,
        };
        asm!(self.ops
            ; mov QWORD [rbx + slot(reg)], tag as i32
            ; mov [rbx + pay(reg)], rax
            ; jmp =>done
            ; =>other
        );
    }

    /// `min(a, b)` / `max(a, b)` (`max`) of two ints or floats (an int
    /// compared with a float as a float when it converts exactly, |x| <
    /// 2**53, as Python compares them exactly): falls through when the
    /// result is `a` (`arg`), on to `second` when it is `b`, as CPython's
    /// `min_max` picks: `b` only when `b < a` (`b > a`), so a NaN on either
    /// side keeps `a`. Anything else on to `other`.
    fn emit_min_max_pick(
        &mut self,
        max: bool,
        arg: u16,
        other: DynamicLabel,
        second: DynamicLabel,
    ) {
        let b = arg + 1;
        let [not_ints, first] = [(); 2].map(|_| self.ops.new_dynamic_label());
        asm!(self.ops
            ; cmp QWORD [rbx + slot(arg)], tags::INT as i32
            ; jne =>not_ints
            ; cmp QWORD [rbx + slot(b)], tags::INT as i32
            ; jne =>not_ints
            ; mov rax, [rbx + pay(b)]
            ; cmp rax, [rbx + pay(arg)]
        );
        if max {
            asm!(self.ops; jg =>second);
        } else {
            asm!(self.ops; jl =>second);
        }
        // Floats, or an int with a float: both as floats, xmm0 = a and
        // xmm1 = b.
        asm!(self.ops
            ; jmp =>first
            ; =>not_ints
        );
        self.number_as_float(b, 1, other);
        self.number_as_float(arg, 0, other);
        asm!(self.ops
            // b against a; unordered (a NaN): `a`.
            ; ucomisd xmm1, xmm0
            ; jp =>first
        );
        if max {
            asm!(self.ops; ja =>second);
        } else {
            asm!(self.ops; jb =>second);
        }
        asm!(self.ops; =>first);
    }

    /// XMM `x` = the float in register `r`, or its int when that converts
    /// exactly; else on to `other`. Uses r10 and r11.
    fn number_as_float(&mut self, r: u16, x: u8, other: DynamicLabel) {
        let (float, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        asm!(self.ops
            ; cmp QWORD [rbx + slot(r)], tags::FLOAT as i32
            ; je =>float
            ; cmp QWORD [rbx + slot(r)], tags::INT as i32
            ; jne =>other
            ; mov r11, [rbx + pay(r)]
        );
        self.exact_int_in_r11(other);
        asm!(self.ops
            ; cvtsi2sd Rx(x), QWORD [rbx + pay(r)]
            ; jmp =>done
            ; =>float
            ; movsd Rx(x), QWORD [rbx + pay(r)]
            ; =>done
        );
    }

    /// To `off` unless the int in r11 converts to a float exactly
    /// (|x| < 2**53; uses r10).
    pub(super) fn exact_int_in_r11(&mut self, off: DynamicLabel) {
        asm!(self.ops
            ; mov r10, QWORD 1i64 << 53
            ; add r11, r10
            ; jo =>off
            ; shr r11, 54
            ; jnz =>off
        );
    }

    /// `isinstance`'s case: `arg` an instance whose class is the class in
    /// `arg + 1`, rax 1 (True), falling through; else on to `other`.
    fn emit_exact_instance(&mut self, arg: u16, other: DynamicLabel) {
        let class_at = layout().attr.inst_class;
        let cls = arg + 1;
        asm!(self.ops
            ; cmp QWORD [rbx + slot(arg)], tags::INSTANCE as i32
            ; jne =>other
            ; cmp QWORD [rbx + slot(cls)], tags::TYPE as i32
            ; jne =>other
            ; mov rax, [rbx + pay(arg)]
            ; mov rax, [rax + class_at]
            ; cmp rax, [rbx + pay(cls)]
            ; jne =>other
            ; mov eax, 1
        );
    }

    /// `len`'s cases: rax the length of the str, list or tuple in `arg`,
    /// or of the payload of a list or tuple subclass's instance there
    /// (`jit_len_of_payload`), on to `store` (or falling through to it),
    /// else to `other`.
    fn emit_len_cases(&mut self, arg: u16, other: DynamicLabel, store: DynamicLabel) {
        let l = *layout();
        let char_len_at = (Gc::<StrObj>::PAYLOAD_OFFSET + StrObj::CHAR_LEN_OFFSET) as i32;
        let (not_str, not_list) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        let not_tuple = self.ops.new_dynamic_label();
        let helper = jit_len_of_payload as *const () as i64;
        asm!(self.ops
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
            ; jne =>not_tuple
            ; mov rax, [rax + l.tuple_len]
            ; jmp =>store
            ; =>not_tuple
            ; cmp QWORD [rbx + slot(arg)], tags::INSTANCE as i32
            ; jne =>other
            ; mov rdi, r12
            ; lea rsi, [rbx + slot(arg)]
            ; mov rax, QWORD helper
            ; call rax
            ; test rax, rax
            ; js =>other
        );
    }
}
