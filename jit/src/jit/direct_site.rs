//! The inline direct call: what a call site remembers of its last callee, and
//! where compiled code finds the VM's frame stack.
//!
//! `direct::jit_call_enter` pushes a callee's frame in Rust. Once it has done
//! so for a site with exactly the callee's parameters, it records the callee
//! here (`DirectSite::fill`): the code object, the compiled code to enter,
//! how many registers to clear, and a frame record to copy. The site's
//! machine code (`codegen/gen_calls.rs`) then checks that the next call is to
//! the same code (a `Call`: the function's code object; a `CallMethod`: the
//! receiver's class and its version, not shadowed) and that nothing needs the
//! Rust path (no recorder, no safepoint due, under the recursion and native
//! depth limits, room in the frame vector and the register stack), and
//! pushes the frame itself: about a third of the instructions of the helper.
//!
//! The offsets compiled code uses come from `offset_of!` for struct fields
//! and are measured for the standard library's `Vec` and boxed slice, as
//! `layout.rs` does for lists and tuples.

use std::cell::Cell;
use std::mem::{offset_of, size_of, MaybeUninit};
use std::rc::Rc;
use std::sync::LazyLock;

use crate::bytecode::code::Code;
use crate::interp::frame::Frame;
use crate::interp::vm::Vm;
use crate::jit::direct::MethodSite;
use crate::jit::JitRuntime;
use crate::runtime::heap::Gc;
use crate::runtime::object::{FunctionObj, InstanceObj, TypeObj};
use crate::runtime::value::Value;

// Popping a frame is decrementing the vector's length.
const _: () = assert!(!std::mem::needs_drop::<Frame>());
const _: () = assert!(size_of::<Frame>() % 8 == 0);

/// One call site's memory of its last lean callee (all zero: none yet).
pub struct DirectSite {
    /// `Call`: the callee function's `code` word (its `Rc<Code>`), which
    /// every function made from the same code shares.
    pub code_word: Cell<usize>,
    /// `CallMethod`: the receiver's class and version, and the method.
    pub class: Cell<usize>,
    pub version: Cell<u32>,
    pub func: Cell<usize>,
    /// `&code.jit.compiled`, and the compiled code it held: the site is
    /// stale once the callee is recompiled.
    pub compiled_cell: Cell<usize>,
    pub compiled: Cell<usize>,
    /// The callee's entry function and the address of its first instruction.
    pub entry: Cell<usize>,
    pub addr: Cell<usize>,
    /// The callee's registers, and the byte offsets of the first one after
    /// the arguments and of the end: the registers compiled code clears.
    pub nregs: Cell<u64>,
    pub clear_from: Cell<u64>,
    pub clear_to: Cell<u64>,
    /// The frame to copy (`func`, `base`, `ret_slot` and `handled_base` are
    /// patched), as `Frame::new` makes it.
    pub template: Cell<MaybeUninit<Frame>>,
    /// Keeps the code object alive, so `code_word` can never match another
    /// code allocated at the same address.
    code: std::cell::RefCell<Option<Rc<Code>>>,
    /// The method site's classes beyond the interpreter's one-entry cache.
    pub methods: MethodSite,
}

impl Default for DirectSite {
    fn default() -> Self {
        DirectSite {
            code_word: Cell::new(0),
            class: Cell::new(0),
            version: Cell::new(0),
            func: Cell::new(0),
            compiled_cell: Cell::new(0),
            compiled: Cell::new(0),
            entry: Cell::new(0),
            addr: Cell::new(0),
            nregs: Cell::new(0),
            clear_from: Cell::new(0),
            clear_to: Cell::new(0),
            template: Cell::new(MaybeUninit::zeroed()),
            code: std::cell::RefCell::new(None),
            methods: MethodSite::default(),
        }
    }
}

impl DirectSite {
    /// Remember the callee `f` just pushed by the Rust path with exactly its
    /// `argc` parameters, entered at `entry`/`addr`. `class`: the method
    /// call's receiver class.
    pub fn fill(
        &self,
        f: Gc<FunctionObj>,
        argc: usize,
        entry: usize,
        addr: usize,
        class: Option<Gc<TypeObj>>,
    ) {
        let code = &f.code;
        let Ok(mut keep) = self.code.try_borrow_mut() else {
            return;
        };
        // Invalidate first: a half-written site must not match.
        self.code_word.set(0);
        self.class.set(0);
        // SAFETY: an `Rc` is one pointer word (checked by `measure`).
        let word = unsafe { *(code as *const Rc<Code> as *const usize) };
        self.compiled_cell
            .set(&code.jit.compiled as *const _ as usize);
        self.compiled.set(code.jit.compiled.get() as usize);
        self.entry.set(entry);
        self.addr.set(addr);
        self.nregs.set(code.nregs as u64);
        self.clear_from.set(argc as u64 * 16);
        self.clear_to.set(code.nregs as u64 * 16);
        self.func.set(f.addr());
        self.template
            .set(MaybeUninit::new(Frame::new(f, 0, 0, 0, false)));
        if !keep.as_ref().is_some_and(|k| Rc::ptr_eq(k, code)) {
            *keep = Some(code.clone());
        }
        match class {
            Some(c) => {
                self.version.set(c.version.get());
                self.class.set(c.addr());
            }
            None => self.code_word.set(word),
        }
    }
}

/// Byte offsets compiled code uses to push and pop frames.
#[derive(Debug, Clone, Copy)]
pub struct FrameLayout {
    // From the `Vm`.
    pub frames_ptr: i32,
    pub frames_len: i32,
    pub frames_cap: i32,
    pub stack_ptr: i32,
    pub stack_len: i32,
    pub handled_len: i32,
    pub recursion_limit: i32,
    pub rec: i32,
    pub native_depth: i32,
    // From a `Frame`.
    pub frame_size: i32,
    pub frame_func: i32,
    pub frame_base: i32,
    pub frame_pc: i32,
    pub frame_ret_slot: i32,
    pub frame_handled_base: i32,
    // From heap objects (a value's payload word).
    pub function_code: i32,
    pub instance_class: i32,
    pub type_version: i32,
    pub type_shadowed: i32,
    // From a `DirectSite`.
    pub site_code_word: i32,
    pub site_class: i32,
    pub site_version: i32,
    pub site_func: i32,
    pub site_compiled_cell: i32,
    pub site_compiled: i32,
    pub site_entry: i32,
    pub site_addr: i32,
    pub site_nregs: i32,
    pub site_clear_from: i32,
    pub site_clear_to: i32,
    pub site_template: i32,
}

static FRAME_LAYOUT: LazyLock<FrameLayout> = LazyLock::new(measure);

pub fn frame_layout() -> &'static FrameLayout {
    &FRAME_LAYOUT
}

/// The byte offset of the one word among `w` equal to `x`.
fn unique(w: &[usize], x: usize, what: &str) -> usize {
    let hits: Vec<usize> = (0..w.len()).filter(|&i| w[i] == x).collect();
    assert!(
        hits.len() == 1,
        "jit frame layout: cannot place {what} ({hits:?} in {w:x?})"
    );
    hits[0] * 8
}

/// A `Vec<Frame>`'s (ptr, len, cap) offsets.
fn frame_vec_words() -> (usize, usize, usize) {
    assert_eq!(size_of::<Vec<Frame>>(), 24);
    let v: Vec<Frame> = Vec::with_capacity(7);
    // SAFETY: a `Vec` is three initialised words.
    let w: Vec<usize> = (0..3)
        .map(|i| unsafe { *(&v as *const Vec<Frame> as *const usize).add(i) })
        .collect();
    (
        unique(&w, v.as_ptr() as usize, "Vec<Frame> ptr"),
        unique(&w, 0, "Vec<Frame> len"),
        unique(&w, 7, "Vec<Frame> cap"),
    )
}

/// A `Box<[Value]>`'s (ptr, len) offsets.
fn box_slice_words() -> (usize, usize) {
    assert_eq!(size_of::<Box<[Value]>>(), 16);
    let b: Box<[Value]> = vec![Value::None; 3].into_boxed_slice();
    // SAFETY: a boxed slice is two initialised words.
    let w: Vec<usize> = (0..2)
        .map(|i| unsafe { *(&b as *const Box<[Value]> as *const usize).add(i) })
        .collect();
    (
        unique(&w, b.as_ptr() as usize, "boxed slice ptr"),
        unique(&w, 3, "boxed slice len"),
    )
}

fn measure() -> FrameLayout {
    assert_eq!(size_of::<Rc<Code>>(), 8);
    assert_eq!(size_of::<Option<Box<crate::recorder::Recorder>>>(), 8);
    let (fp, fl, fc) = frame_vec_words();
    let (sp, sl) = box_slice_words();
    let l = crate::jit::layout::layout();
    let i = |x: usize| x as i32;
    let frames = offset_of!(Vm, frames);
    let stack = offset_of!(Vm, stack);
    let handled = offset_of!(Vm, handled);
    FrameLayout {
        frames_ptr: i(frames + fp),
        frames_len: i(frames + fl),
        frames_cap: i(frames + fc),
        stack_ptr: i(stack + sp),
        stack_len: i(stack + sl),
        handled_len: i(handled) + l.vec_len,
        recursion_limit: i(offset_of!(Vm, recursion_limit)),
        rec: i(offset_of!(Vm, rec)),
        native_depth: i(offset_of!(Vm, jit) + offset_of!(JitRuntime, native_depth)),
        frame_size: i(size_of::<Frame>()),
        frame_func: i(offset_of!(Frame, func)),
        frame_base: i(offset_of!(Frame, base)),
        frame_pc: i(offset_of!(Frame, pc)),
        frame_ret_slot: i(offset_of!(Frame, ret_slot)),
        frame_handled_base: i(offset_of!(Frame, handled_base)),
        function_code: i(Gc::<FunctionObj>::PAYLOAD_OFFSET + offset_of!(FunctionObj, code)),
        instance_class: i(Gc::<InstanceObj>::PAYLOAD_OFFSET + offset_of!(InstanceObj, class)),
        type_version: i(Gc::<TypeObj>::PAYLOAD_OFFSET + offset_of!(TypeObj, version)),
        type_shadowed: i(Gc::<TypeObj>::PAYLOAD_OFFSET + offset_of!(TypeObj, shadowed)),
        site_code_word: i(offset_of!(DirectSite, code_word)),
        site_class: i(offset_of!(DirectSite, class)),
        site_version: i(offset_of!(DirectSite, version)),
        site_func: i(offset_of!(DirectSite, func)),
        site_compiled_cell: i(offset_of!(DirectSite, compiled_cell)),
        site_compiled: i(offset_of!(DirectSite, compiled)),
        site_entry: i(offset_of!(DirectSite, entry)),
        site_addr: i(offset_of!(DirectSite, addr)),
        site_nregs: i(offset_of!(DirectSite, nregs)),
        site_clear_from: i(offset_of!(DirectSite, clear_from)),
        site_clear_to: i(offset_of!(DirectSite, clear_to)),
        site_template: i(offset_of!(DirectSite, template)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures() {
        let l = frame_layout();
        assert!(l.frame_size >= 8 * 6);
        assert_ne!(l.frames_ptr, l.frames_len);
        assert_ne!(l.stack_ptr, l.stack_len);
    }
}
