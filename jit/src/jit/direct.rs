//! The lean direct call: the common case of `calls.rs` without its generality.
//!
//! A call site in compiled code first tries this path (emitted by
//! `codegen/gen_calls.rs`): a `Call` of a plain Python function, or a
//! `CallMethod` of one through the site's method cache, with exactly its
//! positional arguments and compiled code to run. `jit_call_enter` checks all
//! of that and pushes the callee's frame, the compiled caller calls the
//! callee's code itself, the callee's `Return` hands the value back in
//! registers and `jit_call_leave` pops the frame. Nothing else happens on the
//! way: no outcome to decode, no instruction to re-read at the return.
//!
//! Whatever the path does not handle it leaves untouched, and the site falls
//! back to `calls::jit_call`, which does everything the interpreter's call
//! does: a recorder running (the tier bookkeeping of `rec_as_interpreter`), a
//! safepoint due, the recursion limit (its RecursionError), a callee not
//! compiled yet (its hotness count), bound methods, classes, builtins.

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::interp::attr_cache;
use crate::interp::frame::Frame;
use crate::interp::vm::Vm;
use crate::jit::calls::MAX_NATIVE_DEPTH;
use crate::jit::exits::Outcome;
use crate::runtime::heap::Gc;
use crate::runtime::object::{FunctionObj, StrObj};
use crate::runtime::value::Value;

/// Where to run a pushed callee: its code's `EntryFn` (0: nothing was
/// pushed, take the general path) and the address of its first instruction.
/// Returned in rax:rdx, ready to become the entry's first and third argument.
#[repr(C)]
pub struct Enter {
    pub entry: usize,
    pub addr: usize,
}

const DECLINE: Enter = Enter { entry: 0, addr: 0 };

/// Push the frame of the call at `pc` of the top frame if it is the common
/// case (see the module comment). Never fails and never panics: anything
/// unusual declines, with the VM as it was.
pub extern "sysv64" fn jit_call_enter(vm: *mut Vm, pc: u32) -> Enter {
    // SAFETY: compiled code passes the `Vm` it was entered with; the
    // interpreter that entered it holds no other reference while it runs.
    let vm = unsafe { &mut *vm };
    if vm.rec.is_some() || vm.poll_due() || vm.jit.native_depth >= MAX_NATIVE_DEPTH {
        return DECLINE;
    }
    let Some(caller) = vm.frames.last() else {
        return DECLINE;
    };
    let at = caller.base;
    // SAFETY: the frame keeps its function, and so its code, alive.
    let code = unsafe { &*caller.code_ptr() };
    let Some((f, base, argc, ret_slot)) = callee(vm, code, pc, at) else {
        return DECLINE;
    };
    let callee_code = &*f.code;
    // Not compiled yet (the general path counts the call), or never will be.
    let c = callee_code.jit.compiled.get();
    if c.is_null() {
        return DECLINE;
    }
    let nregs = callee_code.nregs as usize;
    if vm.frames.len() >= vm.recursion_limit || base + nregs > vm.stack.len() {
        return DECLINE;
    }
    // From here on the call happens, as `Vm::push_frame` does it (the
    // recorder and hotness hooks are known to be off).
    if let Some(caller) = vm.frames.last_mut() {
        caller.pc = pc as usize + 1;
    }
    for slot in &mut vm.stack[base + argc..base + nregs] {
        *slot = Value::Undefined;
    }
    let handled = vm.handled.len();
    vm.frames
        .push(Frame::new(f, base, ret_slot, handled, false));
    vm.jit.native_depth += 1;
    // SAFETY: compiled code is owned by the VM's JitRuntime and never freed
    // while the VM runs.
    let c = unsafe { &*c };
    Enter {
        entry: c.entry as usize,
        addr: c.pc0,
    }
}

/// The callee of the call at `pc` if the lean path takes it: the function,
/// the absolute base of its frame, how many arguments are in place there, and
/// the slot that receives the result.
#[inline(always)]
fn callee(
    vm: &Vm,
    code: &Code,
    pc: u32,
    at: usize,
) -> Option<(Gc<FunctionObj>, usize, usize, usize)> {
    match *code.instrs.get(pc as usize)? {
        Instr::Call { func, argc } => match vm.stack.get(at + func as usize)? {
            Value::Function(f) if f.fast_argc == argc => {
                let slot = at + func as usize;
                Some((*f, slot + 1, argc as usize, slot))
            }
            _ => None,
        },
        Instr::CallMethod { obj, name, argc } => {
            let Value::Instance(i) = *vm.stack.get(at + obj as usize)? else {
                return None;
            };
            let c = code.caches.get(pc as usize)?;
            if !c.valid_for(i.class) || c.kind.get() != attr_cache::METHOD {
                return None;
            }
            let Value::Function(f) = c.value.get() else {
                return None;
            };
            if f.fast_argc != argc + 1 || hidden(i, *code.names.get(name as usize)?)? {
                return None;
            }
            let slot = at + obj as usize;
            Some((f, slot, argc as usize + 1, slot))
        }
        _ => None,
    }
}

/// `attr_cache::hidden_by_instance` that declines (None) rather than panics
/// on a table in use.
#[inline(always)]
fn hidden(i: Gc<crate::runtime::object::InstanceObj>, name: Gc<StrObj>) -> Option<bool> {
    if !i.class.shadowed.get() {
        return Some(false);
    }
    let t = i.table().try_borrow().ok()?;
    Some(
        t.get_str(crate::interp::protocol::str_hash(name), name.as_str())
            .is_some(),
    )
}

/// The callee pushed by `jit_call_enter` returned, its value already in the
/// caller's register: pop its frame as `Vm::pop_frame` pops a plain frame.
pub extern "sysv64" fn jit_call_leave(vm: *mut Vm) {
    // SAFETY: as in `jit_call_enter`.
    let vm = unsafe { &mut *vm };
    vm.pop_plain_frame();
    vm.jit.native_depth -= 1;
}

/// The callee pushed by `jit_call_enter` left its compiled code other than by
/// returning (outcome `w`): hand over as `calls::run_pushed` does. A bail
/// resumes the callee in the interpreter, at the instruction it bailed at.
pub extern "sysv64" fn jit_call_unwound(vm: *mut Vm, w: u64) -> u64 {
    // SAFETY: as in `jit_call_enter`.
    let vm = unsafe { &mut *vm };
    vm.jit.native_depth -= 1;
    match Outcome::decode(w) {
        Outcome::Resume(at) | Outcome::Continue(at) => {
            if let Some(f) = vm.frames.last_mut() {
                f.pc = at as usize;
            }
            Outcome::LeftInterpreted.encode()
        }
        _ => w,
    }
}
