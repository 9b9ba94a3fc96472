//! The lean direct call: the common case of `calls.rs` without its generality.
//!
//! A call site in compiled code first tries this path (emitted by
//! `codegen/gen_calls.rs`): a `Call` of a plain Python function, or a
//! `CallMethod` of one through the site's method cache (or of a class
//! method on its class), with exactly its positional arguments and compiled
//! code to run; a class call, whose `__init__` gets a new instance. `jit_call_enter` checks all
//! of that and pushes the callee's frame, the compiled caller calls the
//! callee's code itself, the callee's `Return` hands the value back in
//! registers and the caller's code pops the frame (calling `jit_rec_leave`
//! first when a recorder runs). Nothing else happens on the
//! way: no outcome to decode, no instruction to re-read at the return.
//!
//! Whatever the path does not handle it leaves untouched, and the site falls
//! back to `calls::jit_call`, which does everything the interpreter's call
//! does: a safepoint due, the recursion limit (its RecursionError), a callee not
//! compiled yet (its hotness count), bound methods, classes, builtins.

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use std::cell::Cell;

use crate::interp::attr_cache::{self, AttrCache};
use crate::interp::frame::Frame;
use crate::interp::vm::Vm;
use crate::jit::calls::MAX_NATIVE_DEPTH;
use crate::jit::codegen::gen_rec_calls::rec_learn_edge;
use crate::jit::direct_site::DirectSite;
use crate::jit::exits::Outcome;
use crate::runtime::heap::Gc;
use crate::runtime::object::{FunctionObj, InstanceObj, StrObj, TypeObj};
use crate::runtime::value::{tags, Value};

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
///
/// `site`: the call site's memory (`direct_site.rs`), which a call that
/// has exactly the callee's parameters refreshes; null for a call of a
/// class, or of a class method on its class (`gen_class_call`,
/// `gen_class_method_call`).
pub extern "sysv64" fn jit_call_enter(vm: *mut Vm, pc: u32, site: *const DirectSite) -> Enter {
    // SAFETY: compiled code passes the `Vm` it was entered with; the
    // interpreter that entered it holds no other reference while it runs.
    let vm = unsafe { &mut *vm };
    // The activation is counted by its frame, as the inline push counts
    // its own (`gen_calls.rs`), not in `JitRuntime::native_depth`: both
    // keep under MAX_NATIVE_DEPTH frames, which bounds how deep they nest.
    if vm.poll_due() || vm.frames.len() >= MAX_NATIVE_DEPTH as usize {
        return DECLINE;
    }
    let Some(caller) = vm.frames.last() else {
        return DECLINE;
    };
    let at = caller.base;
    // SAFETY: the frame keeps its function, and so its code, alive.
    let code = unsafe { &*caller.code_ptr() };
    // SAFETY: the site belongs to the running compiled code, which lives as
    // long as the VM.
    let site = unsafe { site.as_ref() };
    let Some(t) = callee(vm, code, pc, at, site.map(|s| &s.methods)) else {
        return DECLINE;
    };
    let f = t.func;
    let callee_code = &*f.code;
    // Not compiled yet (the general path counts the call), or never will be.
    let c = callee_code.jit.compiled.get();
    if c.is_null() {
        return DECLINE;
    }
    // Exactly the positional parameters, the missing ones from the defaults
    // (fast_argc is u16::MAX for anything that needs binding work).
    let params = f.fast_argc as usize;
    let missing = params.wrapping_sub(t.argc);
    if f.fast_argc == u16::MAX || missing > f.ndefaults() {
        return DECLINE;
    }
    let nregs = callee_code.nregs as usize;
    if vm.frames.len() >= vm.recursion_limit || t.base + nregs > vm.stack.len() {
        return DECLINE;
    }
    // From here on the call happens, as `Vm::push_frame` does it (the
    // hotness hook is off: the callee is compiled).
    if let Some(caller) = vm.frames.last_mut() {
        caller.pc = pc as usize + 1;
    }
    let base = t.base;
    if missing > 0 {
        fill_defaults(vm, f, base + t.argc, missing);
    }
    // SAFETY: base + nregs is within the stack (checked above).
    unsafe {
        let regs = vm.stack.as_mut_ptr().add(base);
        for r in params..nregs {
            regs.add(r).write(Value::Undefined);
        }
    }
    let handled = vm.handled.len();
    let mut frame = Frame::new(f, base, t.ret_slot, handled, false);
    if let Some(cls) = t.construct {
        // The class call's recording entry, for its allocation: two
        // instructions here, where finding it again while recording took
        // eight (`AllocRecorder::record_for_jit`).
        // SAFETY: `pcs` has an entry per instruction of `code`
        // (`CodeProf::new`), and `pc` is one: the call `callee` read.
        let site = unsafe { code.prof.pcs.get_unchecked(pc as usize) };
        frame.construct = Some(new_instance(vm, cls, base, site));
    }
    // Recording: the call is counted as the interpreter's push counts it
    // (its pop, `pop_plain_frame`, uncounts it), on the edge its site
    // learned when it has one. Its time needs nothing more: the callee's
    // compiled code runs, as the caller's did, in the JIT tier, and
    // samples find both frames on the VM's stack.
    vm.frames_push(frame);
    debug_assert_eq!(code.prof.call_edges.len(), code.instrs.len());
    // SAFETY: `call_edges` has an entry per instruction of `code`
    // (`CodeProf::new`), and `pc` is one: the call `callee` read.
    let edges = unsafe { code.prof.call_edges.get_unchecked(pc as usize) };
    vm.rec_enter_at(edges, callee_code);
    // SAFETY: compiled code is owned by the VM's JitRuntime and never freed
    // while the VM runs.
    let c = unsafe { &*c };
    let (entry, addr) = (c.entry as usize, c.pc0);
    if let (Some(site), 0, true, true) = (site, missing, t.remember, c.direct != 0) {
        let e = site.fill(f, t.class);
        // Recording with sampled timing: the compiled code counts the
        // entry's calls through its edge without testing that it has one
        // (`gen_rec_calls.rs`), so an entry is filled only with its edge.
        let o = &vm.jit.options;
        if o.profile && !o.exact_timing && !rec_learn_edge(vm, e) {
            e.invalidate();
        }
    }
    Enter { entry, addr }
}

/// Recording: the call whose frame compiled code just pushed inline
/// (`gen_calls.rs`) is counted as `Vm::push_frame` counts its calls; the pop
/// (`jit_rec_leave`, before compiled code pops the frame) uncounts it.
pub extern "sysv64" fn jit_rec_enter(vm: *mut Vm) {
    // SAFETY: as in `jit_call_enter`.
    let vm = unsafe { &mut *vm };
    if let Some(f) = vm.frames.last() {
        let func = f.func;
        vm.rec_enter(&func.code);
    }
}

/// Recording: the call counted by `jit_rec_enter` (or `jit_call_enter`)
/// returns; compiled code pops its frame inline after this.
pub extern "sysv64" fn jit_rec_leave(vm: *mut Vm) {
    // SAFETY: as in `jit_call_enter`.
    let vm = unsafe { &mut *vm };
    vm.rec_leave();
}

/// The last `n` defaults of `f` into the stack from `at`: the parameters
/// the call left out.
#[inline(never)]
fn fill_defaults(vm: &mut Vm, f: Gc<FunctionObj>, at: usize, n: usize) {
    f.copy_defaults(&mut vm.stack[at..at + n]);
}

/// A class call's instance, made as the interpreter's class call makes it,
/// in the class's register (`__init__`'s first).
#[inline(never)]
fn new_instance(vm: &mut Vm, cls: Gc<TypeObj>, at: usize, site: &crate::recorder::PcProf) -> Value {
    // Made for compiled code, by the class call whose recording entry is
    // `site` (the top frame's instruction before its stored pc, set above).
    let inst = Value::Instance(vm.heap.alloc_for_jit(InstanceObj::plain(cls), site));
    vm.stack[at] = inst;
    inst
}

/// A call the lean path takes.
struct Target {
    func: Gc<FunctionObj>,
    /// Absolute stack slot of the callee's first register.
    base: usize,
    /// Arguments in place from `base` (a method's receiver included).
    argc: usize,
    /// The slot that receives the result.
    ret_slot: usize,
    /// A class call: the class to make the instance of (`func` is its
    /// `__init__`, which gets the instance in the class's register).
    construct: Option<Gc<TypeObj>>,
    /// A method call: the receiver's class.
    class: Option<Gc<TypeObj>>,
    /// Worth remembering at the site for its inline path (not a class call,
    /// whose frame the inline path does not make).
    remember: bool,
}

/// The callee of the call at `pc` if the lean path takes it.
#[inline(always)]
fn callee(vm: &Vm, code: &Code, pc: u32, at: usize, site: Option<&MethodSite>) -> Option<Target> {
    match *code.instrs.get(pc as usize)? {
        Instr::Call { func, argc } => {
            let slot = at + func as usize;
            match *vm.stack.get(slot)? {
                Value::Function(f) => Some(Target {
                    func: f,
                    base: slot + 1,
                    argc: argc as usize,
                    ret_slot: slot,
                    construct: None,
                    class: None,
                    remember: true,
                }),
                // A class whose construction the site cached as "make a
                // plain instance, run this `__init__`" (`call_class_fill`).
                Value::Type(t) => {
                    let init = cached_function(code, pc, t, attr_cache::INIT)?;
                    Some(Target {
                        func: init,
                        base: slot,
                        argc: argc as usize + 1,
                        ret_slot: slot,
                        construct: Some(t),
                        class: None,
                        remember: false,
                    })
                }
                _ => None,
            }
        }
        Instr::CallMethod { obj, name, argc } => {
            let slot = at + obj as usize;
            let i = match *vm.stack.get(slot)? {
                Value::Instance(i) => i,
                // `C.m(...)` of a class method the site cached as its
                // function (`CLASS_METHOD`), called with the class, in
                // place, as its first argument, as the interpreter's call
                // does (`Vm::call_attr_cached`).
                Value::Type(t) => {
                    let f = cached_function(code, pc, t, attr_cache::CLASS_METHOD)?;
                    return Some(Target {
                        func: f,
                        base: slot,
                        argc: argc as usize + 1,
                        ret_slot: slot,
                        construct: None,
                        class: None,
                        // The site's entries are by the receiver's class.
                        remember: false,
                    });
                }
                _ => return None,
            };
            let c = code.caches.get(pc as usize)?;
            let f = if c.valid_for(i.class) {
                if c.kind.get() != attr_cache::METHOD {
                    return None;
                }
                let Value::Function(f) = c.value.get() else {
                    return None;
                };
                f
            } else {
                // Another class than the interpreter's cache holds: one seen
                // before, or the general path looks it up (and refills).
                let site = site?;
                match site.find(i.class) {
                    Some(f) => f,
                    None => {
                        site.remember(c);
                        return None;
                    }
                }
            };
            if hidden(i, *code.names.get(name as usize)?)? {
                return None;
            }
            Some(Target {
                func: f,
                base: slot,
                argc: argc as usize + 1,
                ret_slot: slot,
                construct: None,
                class: Some(i.class),
                remember: true,
            })
        }
        _ => None,
    }
}

/// `attr_cache::hidden_by_instance` that declines (None) rather than panics
/// on a table in use.
#[inline(always)]
/// The function the attribute cache at `pc` holds for class `t` as `kind`
/// (`attr_cache::INIT`: its `__init__`; `CLASS_METHOD`: a class method),
/// while the cache is still valid for `t`.
fn cached_function(code: &Code, pc: u32, t: Gc<TypeObj>, kind: u8) -> Option<Gc<FunctionObj>> {
    let c = code.caches.get(pc as usize)?;
    if !c.valid_for(t) || c.kind.get() != kind {
        return None;
    }
    match c.value.get() {
        Value::Function(f) => Some(f),
        _ => None,
    }
}

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

/// The `__init__` pushed by `jit_call_enter` for a class call returned the
/// value `tag`:`payload` from its return at `w`'s pc: pop its frame and give
/// the call its instance (0). Returning anything but None is the
/// interpreter's TypeError: the frame is left on top at its return, for the
/// interpreter to run (`Outcome::Left`).
pub extern "sysv64" fn jit_call_leave_construct(vm: *mut Vm, w: u64, tag: u64, p: u64) -> u64 {
    leave_construct::<false>(vm, w, tag, p)
}

/// `jit_call_leave_construct` for code compiled to record with sampled
/// timing (`Polls::exact_timing` false), which is how the run records for
/// as long as the code runs (`Vm::start_recording`): the pop uncounts the
/// call without asking whether and how the run records
/// (`Vm::rec_leave_sampled`).
pub extern "sysv64" fn jit_call_leave_construct_sampled(
    vm: *mut Vm,
    w: u64,
    tag: u64,
    p: u64,
) -> u64 {
    leave_construct::<true>(vm, w, tag, p)
}

#[inline(always)]
fn leave_construct<const SAMPLED: bool>(vm: *mut Vm, w: u64, tag: u64, _payload: u64) -> u64 {
    // SAFETY: as in `jit_call_enter`.
    let vm = unsafe { &mut *vm };
    let Some(f) = vm.frames.last_mut() else {
        return Outcome::Left.encode();
    };
    let (Some(inst), tags::NONE) = (f.construct, tag) else {
        f.pc = w as u32 as usize;
        return Outcome::Left.encode();
    };
    let ret = f.ret_slot;
    if SAMPLED {
        vm.pop_plain_frame_sampled();
    } else {
        vm.pop_plain_frame();
    }
    vm.stack[ret] = inst;
    0
}

/// The callee pushed by `jit_call_enter` left its compiled code other than by
/// returning (outcome `w`): hand over as `calls::run_pushed` does. A bail
/// resumes the callee in the interpreter, at the instruction it bailed at.
pub extern "sysv64" fn jit_call_unwound(vm: *mut Vm, w: u64) -> u64 {
    // SAFETY: as in `jit_call_enter`.
    let vm = unsafe { &mut *vm };
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

/// The classes a `CallMethod` site has seen and the plain Python method each
/// resolved to: the interpreter's cache (`Code::caches`) holds one class, and
/// a site that sees several in turn (richards' `task.fn(...)`) would miss it
/// on every change of class and take the general path with its full lookup.
///
/// Entries are the interpreter's cache entries as it is about to refill them
/// for another class, so they say what a full lookup said; like those, an
/// entry holds while its class's version does (versions are never reused, so
/// a class allocated where a freed one was never matches), and the instance
/// check (`hidden`) is made on every call.
#[derive(Default)]
pub struct MethodSite {
    entries: [MethodEntry; METHOD_SITE_WAYS],
    /// The entry the next new class replaces (round robin).
    next: Cell<u8>,
}

const METHOD_SITE_WAYS: usize = 4;

#[derive(Default)]
struct MethodEntry {
    class: Cell<usize>,
    version: Cell<u32>,
    /// Not traced: only used while the class version proves the class still
    /// holds it.
    func: Cell<Option<Gc<FunctionObj>>>,
}

impl MethodSite {
    #[inline(always)]
    fn find(&self, cls: Gc<TypeObj>) -> Option<Gc<FunctionObj>> {
        let (addr, version) = (cls.addr(), cls.version.get());
        self.entries
            .iter()
            .find(|e| e.class.get() == addr && e.version.get() == version)
            .and_then(|e| e.func.get())
    }

    /// Keep what the interpreter's cache `c` holds, a plain method, before
    /// the general path replaces it.
    fn remember(&self, c: &AttrCache) {
        let (addr, version) = (c.class.get(), c.version.get());
        let Value::Function(f) = c.value.get() else {
            return;
        };
        if c.kind.get() != attr_cache::METHOD
            || addr == 0
            || self
                .entries
                .iter()
                .any(|e| e.class.get() == addr && e.version.get() == version)
        {
            return;
        }
        let i = self.next.get() as usize % METHOD_SITE_WAYS;
        self.next.set((i + 1) as u8);
        let e = &self.entries[i];
        e.class.set(addr);
        e.version.set(version);
        e.func.set(Some(f));
    }
}
