//! Direct calls: compiled code calling compiled code without the interpreter.
//!
//! Before this, every call and every return in compiled code went back to the
//! interpreter: leave the caller's code, dispatch `Call`, push the frame, look
//! up the callee's code and enter it; on return leave it, dispatch `Return`,
//! pop, and enter the caller's code again. Two entries and two exits per call
//! made a compiled `fib` slower than an interpreted one.
//!
//! `jit_call` pushes the callee's frame exactly as the interpreter's `Call`
//! does (same checks, same recorder hooks, same hotness count) and, when the
//! callee has compiled code, runs it on the native stack. The callee's
//! `Return` hands back `Outcome::Return` and this helper pops the frame, so the
//! caller goes on at its next instruction without leaving compiled code.
//!
//! Call sites try the lean path first (`direct.rs`, `direct_site.rs`,
//! `gen_calls.rs`: plain Python functions, methods and class calls pushed and
//! popped without this helper) and come here for everything it declines.
//!
//! Everything else hands over with the frames exactly as the interpreter would
//! have them: a callee not compiled (yet) is left pushed for the interpreter to
//! run; a bail or an exception in the callee leaves the callee on top with its
//! pc synced. The interpreter cannot tell who pushed the frame.

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::{Instr, NO_REG};
use crate::interp::attr_cache;
use crate::interp::call::ARG_BUF;
use crate::interp::vm::Vm;
use crate::jit::exits::Outcome;
use crate::jit::helpers::guarded;
use crate::runtime::heap::Gc;
use crate::runtime::object::{BuiltinObj, FunctionObj, InstanceObj, PyResult, StrObj, TypeObj};
use crate::runtime::value::Value;

/// Direct calls nested on the native stack; deeper recursion is handed to the
/// interpreter, whose frames live on the heap. A level costs a few hundred
/// bytes of the VM thread's 1 GiB stack, so this leaves room for native
/// callbacks (sort keys, builtins driving generators) nested in between.
pub const MAX_NATIVE_DEPTH: u32 = 100_000;

/// A call instruction from compiled code. Same convention as the helpers in
/// `helpers.rs`: `(vm, pc, reason)` to an encoded `Outcome`.
pub extern "sysv64" fn jit_call(vm: *mut Vm, pc: u32, _reason: u32) -> u64 {
    // SAFETY: compiled code passes the `Vm` it was entered with; the
    // interpreter that entered it holds no other reference while it runs.
    let vm = unsafe { &mut *vm };
    guarded(vm, |vm| call(vm, pc))
}

/// Do the call at `pc` the way the interpreter's call instructions do (the
/// same fast paths, then the same general functions), but run a pushed
/// callee's compiled code here instead of returning to the interpreter.
fn call(vm: &mut Vm, pc: u32) -> Outcome {
    let caller = vm.frames.last_mut().expect("a frame runs compiled code");
    // As the interpreter's `sync!`: the caller continues after the call, and an
    // exception raised from here on is the call's.
    caller.pc = pc as usize + 1;
    let at = caller.base;
    // SAFETY: the frame keeps its function, and so its code, alive.
    let code = unsafe { &*caller.code_ptr() };
    // The call itself runs as the interpreter's would, in the runtime's
    // tier for the recorder (see `Vm::rec_as_runtime`).
    let (dst, done) = vm.rec_as_runtime(|vm| call_instr(vm, code, pc, at));
    match done {
        Ok(Some(v)) => {
            vm.stack[at + dst as usize] = v;
            Outcome::Continue(pc + 1)
        }
        Ok(None) => run_pushed(vm, pc),
        Err(e) => {
            vm.jit.pending_exc = Some(e);
            Outcome::Error
        }
    }
}

/// Dispatch on the call instruction at `pc`: the register receiving the
/// result, and Some(result) or None when a Python frame was pushed.
fn call_instr(vm: &mut Vm, code: &Code, pc: u32, at: usize) -> (u16, PyResult<Option<Value>>) {
    match code.instrs[pc as usize] {
        Instr::Call { func, argc } => (func, call_value(vm, code, pc, at + func as usize, argc)),
        Instr::CallMethod { obj, name, argc } => {
            let nm = code.names[name as usize];
            (obj, call_method(vm, code, pc, at + obj as usize, nm, argc))
        }
        Instr::CallKw {
            func,
            argc,
            kwnames,
        } => {
            let Value::Tuple(names) = code.consts[kwnames as usize] else {
                unreachable!("kwnames is a tuple")
            };
            let base = at + func as usize;
            let f = vm.stack[base];
            (
                func,
                vm.call_from_regs(f, base + 1, argc as usize, Some(names)),
            )
        }
        Instr::CallEx { func, args, kwargs } => {
            let f = vm.stack[at + func as usize];
            let a = vm.stack[at + args as usize];
            let k = (kwargs != NO_REG).then(|| vm.stack[at + kwargs as usize]);
            (func, vm.call_ex(f, a, k).map(Some))
        }
        other => unreachable!("jit_call on {other:?}"),
    }
}

/// `Call`: the callee at `stack[base]`, its arguments after it. Some(result),
/// or None when a Python frame was pushed.
fn call_value(
    vm: &mut Vm,
    code: &Code,
    pc: u32,
    base: usize,
    argc: u16,
) -> PyResult<Option<Value>> {
    let n = argc as usize;
    match vm.stack[base] {
        // A plain Python function with exactly its positional arguments.
        Value::Function(f) if f.fast_argc == argc => push(vm, f, base + 1, base, n, None),
        // A bound method of one: the receiver takes the callee's register.
        Value::BoundMethod(m) => match m.func {
            Value::Function(f) if f.fast_argc == argc + 1 => {
                vm.stack[base] = m.receiver;
                push(vm, f, base, base, n + 1, None)
            }
            _ => vm.call_from_regs(Value::BoundMethod(m), base + 1, n, None),
        },
        // A class whose construction the site cached as "make a plain
        // instance, run this `__init__`".
        Value::Type(t) => {
            let c = &code.caches[pc as usize];
            match c.value.get() {
                Value::Function(init)
                    if c.valid_for(t)
                        && c.kind.get() == attr_cache::INIT
                        && init.fast_argc == argc + 1 =>
                {
                    push(vm, init, base, base, n + 1, Some(t))
                }
                _ => vm.call_class_fill(c, t, base + 1, n),
            }
        }
        // A generator function (a generator expression's, given its
        // iterator): the generator the interpreter's general path makes in
        // the end (`call_from_regs` to `Vm::call_function`), without that
        // path's dispatch. Nothing runs yet; bad arguments raise there.
        Value::Function(f) if f.code.is_generator && n <= ARG_BUF => {
            let mut buf = [Value::Undefined; ARG_BUF];
            buf[..n].copy_from_slice(&vm.stack[base + 1..base + 1 + n]);
            vm.call_function(f, &buf[..n], &[]).map(Some)
        }
        // A built-in function, or one bound to its receiver (the
        // `super().__init__` of a class whose base is `object`): as
        // `call_from_regs` calls it, without its dispatch, and counted as
        // compiled code's builtin calls are (`Vm::call_native_at`, some 30
        // instructions fewer when recording than `call_from_regs`'s
        // hooks; deltablue makes 43,000 such calls).
        Value::Builtin(b) => match call_builtin_at(vm, b, code, pc, base, n) {
            Some(r) => r,
            None => vm.call_from_regs(Value::Builtin(b), base + 1, n, None),
        },
        f => vm.call_from_regs(f, base + 1, n, None),
    }
}

/// `CallMethod`: the receiver at `stack[base]`, the arguments after it.
fn call_method(
    vm: &mut Vm,
    code: &Code,
    pc: u32,
    base: usize,
    nm: Gc<StrObj>,
    argc: u16,
) -> PyResult<Option<Value>> {
    let n = argc as usize;
    let recv = vm.stack[base];
    let Value::Instance(i) = recv else {
        // Methods of built-in types (through the site's cache), and
        // everything else.
        if !matches!(recv, Value::Module(_) | Value::Type(_)) && n < ARG_BUF {
            if let Some(b) = vm.builtin_method(&code.caches[pc as usize], recv, nm) {
                let mut buf = [Value::Undefined; ARG_BUF];
                buf[..=n].copy_from_slice(&vm.stack[base..=base + n]);
                return vm.call_native_at(b, code, pc, &buf[..=n]).map(Some);
            }
        }
        if let Value::Module(_) | Value::Type(_) = recv {
            return call_attr(vm, code, pc, base, nm, n);
        }
        return vm.call_method_from_regs(base, nm, n);
    };
    let c = &code.caches[pc as usize];
    if c.valid_for(i.class) && !attr_cache::hidden_by_instance(i, nm) {
        match (c.kind.get(), c.value.get()) {
            (attr_cache::METHOD, Value::Function(f)) if f.fast_argc == argc + 1 => {
                return push(vm, f, base, base, n + 1, None);
            }
            (attr_cache::METHOD, Value::Builtin(b)) if n < ARG_BUF => {
                let mut buf = [Value::Undefined; ARG_BUF];
                buf[..=n].copy_from_slice(&vm.stack[base..=base + n]);
                return vm.call_native_at(b, code, pc, &buf[..=n]).map(Some);
            }
            // A method of the built-in base (a list subclass's append).
            (attr_cache::PAYLOAD_METHOD, Value::Builtin(b)) if n < ARG_BUF => {
                if let Some(p) = i.payload() {
                    let mut buf = [Value::Undefined; ARG_BUF];
                    buf[0] = p;
                    buf[1..=n].copy_from_slice(&vm.stack[base + 1..=base + n]);
                    return vm.call_native_at(b, code, pc, &buf[..=n]).map(Some);
                }
            }
            _ => {}
        }
    }
    vm.call_method_fill(c, base, i, nm, n)
}

/// `m.name(args...)` on a module or a class (at `stack[base]`, the `n`
/// arguments after it), as the interpreter's `CallMethod` makes it
/// (`Vm::call_attr_cached`), through the site's attribute cache: a
/// builtin it holds (`math.sqrt`, `random.random`, bound to its
/// generator) called from here, and counted as compiled code's builtin
/// calls are (`Vm::call_native_at`). (The general `call_method_from_regs`
/// did a getattr per call: a hash of the name and a module dict lookup,
/// some 200 instructions; go makes 210,000 such calls.)
fn call_attr(
    vm: &mut Vm,
    code: &Code,
    pc: u32,
    base: usize,
    nm: Gc<StrObj>,
    n: usize,
) -> PyResult<Option<Value>> {
    let c = &code.caches[pc as usize];
    if let Some(Value::Builtin(b)) = attr_cache::load_attr_other_hit(c, vm.stack[base]) {
        let recv = vm.stack[base];
        // As `call_from_regs` leaves it: the callee in its register.
        vm.stack[base] = Value::Builtin(b);
        if let Some(r) = call_builtin_at(vm, b, code, pc, base, n) {
            return r;
        }
        vm.stack[base] = recv;
    }
    vm.call_attr_cached(c, base, nm, n)
}

/// Call builtin `b`, bound to its receiver or not, with the `n` arguments
/// at `stack[base + 1..]`, for the call instruction at `pc` of `code`: the
/// receiver first, as `Vm::call_from_regs` passes it. None when the
/// arguments do not fit the buffer (nothing done).
#[inline(always)]
fn call_builtin_at(
    vm: &mut Vm,
    b: Gc<BuiltinObj>,
    code: &Code,
    pc: u32,
    base: usize,
    n: usize,
) -> Option<PyResult<Option<Value>>> {
    let k = b.bound_self.is_some() as usize;
    if k + n > ARG_BUF {
        return None;
    }
    let mut buf = [Value::Undefined; ARG_BUF];
    if let Some(s) = b.bound_self {
        buf[0] = s;
    }
    buf[k..k + n].copy_from_slice(&vm.stack[base + 1..base + 1 + n]);
    Some(vm.call_native_at(b, code, pc, &buf[..k + n]).map(Some))
}

/// Push `f`'s frame (as `Vm::push_frame`, after the safepoint the interpreter
/// polls at every call); for a class call, first make the instance `__init__`
/// gets and the call returns.
fn push(
    vm: &mut Vm,
    f: Gc<FunctionObj>,
    base: usize,
    ret_slot: usize,
    argc: usize,
    construct: Option<Gc<TypeObj>>,
) -> PyResult<Option<Value>> {
    if vm.poll_due() {
        let top = vm.stack_top();
        vm.safepoint(top)?;
    }
    let instance = construct.map(|t| {
        let inst = Value::Instance(vm.heap.alloc(InstanceObj::plain(t)));
        vm.stack[base] = inst;
        inst
    });
    vm.push_frame(f, base, ret_slot, argc)?;
    vm.frames.last_mut().expect("callee").construct = instance;
    Ok(None)
}

/// The call at `pc` pushed its callee's frame: run the callee's compiled code,
/// when it has some, and finish its return.
pub(crate) fn run_pushed(vm: &mut Vm, pc: u32) -> Outcome {
    let callee = vm.frames.last().expect("callee frame");
    // `push_frame` counted the call and may just have compiled the callee.
    let Some((entry, addr)) = callee.code().jit.entry(callee.pc) else {
        return Outcome::Left;
    };
    if vm.jit.native_depth >= MAX_NATIVE_DEPTH {
        return Outcome::Left;
    }
    // SAFETY: the push checked base + nregs against the register stack, which
    // is never reallocated while the VM runs.
    let regs = unsafe { vm.stack.as_mut_ptr().add(callee.base) };
    vm.jit.native_depth += 1;
    let w = entry(vm as *mut Vm, regs, addr);
    vm.jit.native_depth -= 1;
    match Outcome::decode(w) {
        Outcome::Return(at) => finish_return(vm, at, pc),
        Outcome::Resume(at) | Outcome::Continue(at) => {
            // The callee bailed to the interpreter: it resumes there, in the
            // interpreter (re-entering its compiled code at `at` would skip
            // the guard that failed).
            vm.frames.last_mut().expect("callee frame").pc = at as usize;
            Outcome::LeftInterpreted
        }
        other => other,
    }
}

/// The callee's compiled code reached its return at `at`: pop its frame into
/// the caller's register, as the interpreter's `Return` does, and let the
/// caller's code go on after the call at `pc`.
fn finish_return(vm: &mut Vm, at: u32, pc: u32) -> Outcome {
    let callee = vm.frames.last_mut().expect("callee frame");
    let v = match callee.code().instrs[at as usize] {
        Instr::Return { src } => vm.stack[callee.base + src as usize],
        Instr::ReturnNone {} => Value::None,
        _ => Value::Undefined,
    };
    if matches!(v, Value::NotImplemented) && callee.binop.is_some() {
        // An operator's special method declined (`lean_dunder.rs`): the
        // protocol goes on as the interpreter's `Return` has it go on, the
        // frame popped first, so an error is the caller's, at the operator.
        return match vm.binop_not_implemented() {
            Ok(()) => Outcome::Continue(pc + 1),
            Err(e) => {
                vm.jit.pending_exc = Some(e);
                Outcome::Error
            }
        };
    }
    // The unusual returns are the interpreter's: an `__init__` returning
    // something (a TypeError), a generator or entry frame (never pushed by a
    // call instruction, but cheap to rule out).
    let plain = !matches!(v, Value::Undefined)
        && (callee.construct.is_none() || v.is_none())
        && callee.generator.is_none()
        && callee.gen_exit.is_none()
        && !callee.entry;
    if !plain {
        callee.pc = at as usize;
        return Outcome::Left;
    }
    // `pop_frame` of this plain frame, popped with the recorder's lean
    // uncounting when it times calls by samples.
    let ret = callee.ret_slot;
    let v = callee.construct.unwrap_or(v);
    vm.pop_plain_frame_recorded();
    vm.stack[ret] = v;
    Outcome::Continue(pc + 1)
}
