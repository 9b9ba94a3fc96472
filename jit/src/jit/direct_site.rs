//! The inline direct call: what a call site remembers of its last callees,
//! and where compiled code finds the VM's frame stack.
//!
//! `direct::jit_call_enter` pushes a callee's frame in Rust. Once it has done
//! so for a site with exactly the callee's parameters, it records the callee
//! in one of the site's entries (`DirectSite::fill`): the code object (from
//! which compiled code finds the direct entry, which clears the callee's
//! other registers itself). The site's machine code (`codegen/gen_calls.rs`)
//! then looks for the next call's callee among the entries (a `Call`: the
//! function's code object; a `CallMethod`: the receiver's class and its
//! version, not shadowed), checks that nothing needs the Rust path (no
//! safepoint due, under the recursion and native depth limits, room in the
//! frame vector and the register stack), and pushes the frame itself.
//!
//! The push writes only the fields it sets (function, code, base, pc,
//! return slot, handled-exception base): the fields a plain call leaves
//! empty (generator, sink, class-call instance, operator resume, ...) are
//! empty in every spare slot of the frame vector already, since the VM
//! empties them whenever a frame is popped or the vector grows
//! (`Frame::clear_optional`, `Vm::frames_pop`, `Vm::frames_push`), and an
//! inline-pushed frame is popped inline only with them still empty
//! (except a frame's recorder edge, which every push while recording
//! writes before it is read, and which compiled code leaves in the slot:
//! `Frame::rec_edge`). The bytes that say
//! "empty" are measured once (`empty_field_words`) by writing each field's
//! empty value over a buffer of zeros and one of ones: the bytes that agree
//! are the ones the value fixes; the test below checks `clear_optional`
//! against them.
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
use crate::runtime::heap::Gc;
use crate::runtime::object::{FunctionObj, InstanceObj, TypeObj};
use crate::runtime::value::Value;

// Popping a frame is decrementing the vector's length.
const _: () = assert!(!std::mem::needs_drop::<Frame>());
const _: () = assert!(size_of::<Frame>() % 8 == 0);

/// How many callees a site remembers: a site that sees a few in turn (a
/// method call over several classes, as richards' `task.fn(...)`) keeps
/// taking the inline path.
pub const SITE_WAYS: usize = 4;

/// One call site's memory of its last lean callees.
#[derive(Default)]
pub struct DirectSite {
    pub entries: [DirectEntry; SITE_WAYS],
    /// The entry the next new callee replaces (round robin).
    next: Cell<u8>,
    /// The method site's classes beyond the interpreter's one-entry cache.
    pub methods: MethodSite,
    /// The entry a call of a global's function (`const_calls.rs`) counts
    /// its recorded calls through; only its recording fields are used.
    pub konst: DirectEntry,
    /// The method whose body the site runs inline (`gen_inline_calls.rs`),
    /// kept alive so the code word compiled code compares with is never
    /// another code's.
    inlined: std::cell::RefCell<Option<Rc<Code>>>,
}

/// One callee a site remembers (all zero: none).
pub struct DirectEntry {
    /// `Call`: the callee function's `code` word (its `Rc<Code>`), which
    /// every function made from the same code shares.
    pub code_word: Cell<usize>,
    /// `CallMethod`: the receiver's class and version, and the method.
    pub class: Cell<usize>,
    pub version: Cell<u32>,
    pub func: Cell<usize>,
    /// The callee's `code` word, for both kinds of call: compiled code
    /// finds the frame's code pointer and the direct entry
    /// (`CodeJit::direct`) from it.
    pub code_rc: Cell<usize>,
    /// The callee's registers.
    pub nregs: Cell<u64>,
    /// Keeps the code object alive, so `code_word` can never match another
    /// code allocated at the same address.
    code: std::cell::RefCell<Option<Rc<Code>>>,
    /// Recording: the recorder's edge for calls of this callee from this
    /// site (the caller is always the site's own frame), for counting them
    /// inline (`gen_rec_calls.rs`); the VM's one recorder, which it keeps
    /// to the end, owns it. Null until the hook learns it, and again
    /// whenever the entry changes callee; never set with exact timing.
    pub rec_edge: Cell<*const crate::recorder::calls::Edge>,
    /// Recording: `rec_edge` tagged `calls::FAST_TAG` when it is an edge
    /// from a function to itself (0 otherwise): what a frame that took it
    /// holds after the self-recursion path, which compares it with its
    /// frame's edge with the tag set (`gen_rec_calls.rs`).
    pub rec_fast: Cell<usize>,
    /// Recording, a self-call site's entry: the read-write word after its
    /// code that the code compares with instead (one instruction less than
    /// loading the entry's address, `gen_rec_calls.rs`), which holds what
    /// `rec_fast` holds (null: none).
    pub rec_fast_slot: Cell<*mut usize>,
}

impl Default for DirectEntry {
    fn default() -> Self {
        DirectEntry {
            code_word: Cell::new(0),
            class: Cell::new(0),
            version: Cell::new(0),
            func: Cell::new(0),
            code_rc: Cell::new(0),
            nregs: Cell::new(0),
            code: std::cell::RefCell::new(None),
            rec_edge: Cell::new(std::ptr::null()),
            rec_fast: Cell::new(0),
            rec_fast_slot: Cell::new(std::ptr::null_mut()),
        }
    }
}

/// The word an `Rc<Code>` is (its box's address): what a function's `code`
/// field and a site entry's `code_word` and `code_rc` hold.
pub fn rc_word(code: &Rc<Code>) -> usize {
    // SAFETY: an `Rc` is one pointer word (checked by `measure`).
    unsafe { *(code as *const Rc<Code> as *const usize) }
}

impl DirectSite {
    /// Keep `code` alive as long as the site (`inlined`).
    pub fn keep_inlined(&self, code: Rc<Code>) {
        *self.inlined.borrow_mut() = Some(code);
    }

    /// Remember the callee `f` just pushed by the Rust path with exactly its
    /// parameters, whose code is compiled with a direct entry (and so stays:
    /// code is never uncompiled, and every version of it has one).
    /// `class`: the method call's receiver class. It takes the entry that
    /// already has its code (a `Call`) or class (a method), else the oldest,
    /// and returns it.
    pub fn fill(&self, f: Gc<FunctionObj>, class: Option<Gc<TypeObj>>) -> &DirectEntry {
        let code = &f.code;
        // SAFETY: an `Rc` is one pointer word (checked by `measure`).
        let word = unsafe { *(code as *const Rc<Code> as *const usize) };
        let same = |e: &DirectEntry| match class {
            Some(c) => e.class.get() == c.addr(),
            None => e.code_word.get() == word,
        };
        let e = match self.entries.iter().find(|e| same(e)) {
            Some(e) => e,
            None => {
                let i = self.next.get() as usize % SITE_WAYS;
                self.next.set((i + 1) as u8);
                &self.entries[i]
            }
        };
        e.fill(f, word, class);
        e
    }
}

impl DirectEntry {
    /// Make the entry match no callee (until filled again).
    pub fn invalidate(&self) {
        self.code_word.set(0);
        self.class.set(0);
    }

    /// Set `rec_fast` and its copy (`rec_fast_slot`).
    pub fn set_rec_fast(&self, v: usize) {
        self.rec_fast.set(v);
        let slot = self.rec_fast_slot.get();
        if !slot.is_null() {
            // SAFETY: the slot is a word of the read-write pages after the
            // code that holds this entry (`JitRuntime::compile` sets it),
            // which lives as long as the entry; compiled code only reads it.
            unsafe { slot.write(v) };
        }
    }

    fn fill(&self, f: Gc<FunctionObj>, word: usize, class: Option<Gc<TypeObj>>) {
        let code = &f.code;
        let Ok(mut keep) = self.code.try_borrow_mut() else {
            return;
        };
        // Invalidate first: a half-written entry must not match.
        self.code_word.set(0);
        self.class.set(0);
        self.rec_edge.set(std::ptr::null());
        self.set_rec_fast(0);
        debug_assert!(code.jit.direct.get() != 0);
        self.code_rc.set(word);
        self.nregs.set(code.nregs as u64);
        self.func.set(f.addr());
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
    pub call_limit: i32,
    // From a `Frame`.
    pub frame_size: i32,
    pub frame_func: i32,
    pub frame_base: i32,
    pub frame_pc: i32,
    pub frame_ret_slot: i32,
    pub frame_handled_base: i32,
    pub frame_code: i32,
    /// The words fixing the empty fields' values (`empty_field_words`):
    /// (offset, value), the first `frame_empty_n` of them.
    pub frame_empty: [(i32, i64); MAX_EMPTY_WORDS],
    pub frame_empty_n: usize,
    // From a `code` word (an `Rc<Code>`'s pointer): the `Code`, and its
    // direct entry.
    pub rc_code: i32,
    pub rc_code_direct: i32,
    // From heap objects (a value's payload word).
    pub function_code: i32,
    /// `FunctionObj::fast_argc`, a u16 (u16::MAX: never a direct call).
    pub function_fast_argc: i32,
    pub instance_class: i32,
    pub type_version: i32,
    pub type_shadowed: i32,
    // From a `DirectSite`: its entries, and their size.
    pub site_entries: i32,
    pub entry_size: i32,
    // From a `DirectEntry` (the `site_` prefix kept).
    pub site_code_word: i32,
    pub site_class: i32,
    pub site_version: i32,
    pub site_func: i32,
    pub site_code_rc: i32,
    pub site_nregs: i32,
    pub site_rec_edge: i32,
    pub site_rec_fast: i32,
}

const MAX_EMPTY_WORDS: usize = 16;

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
    let rc_code = rc_value_offset();
    let words = empty_field_words();
    assert!(
        words.len() <= MAX_EMPTY_WORDS,
        "jit frame layout: {words:?}"
    );
    let mut frame_empty = [(0, 0); MAX_EMPTY_WORDS];
    frame_empty[..words.len()].copy_from_slice(&words);
    let frame_empty_n = words.len();
    FrameLayout {
        frames_ptr: i(frames + fp),
        frames_len: i(frames + fl),
        frames_cap: i(frames + fc),
        stack_ptr: i(stack + sp),
        stack_len: i(stack + sl),
        handled_len: i(handled) + l.vec_len,
        call_limit: i(offset_of!(Vm, heap) + offset_of!(crate::runtime::heap::Heap, call_limit)),
        frame_size: i(size_of::<Frame>()),
        frame_func: i(offset_of!(Frame, func)),
        frame_base: i(offset_of!(Frame, base)),
        frame_pc: i(offset_of!(Frame, pc)),
        frame_ret_slot: i(offset_of!(Frame, ret_slot)),
        frame_handled_base: i(offset_of!(Frame, handled_base)),
        frame_code: i(Frame::CODE_OFFSET),
        frame_empty,
        frame_empty_n,
        rc_code: i(rc_code),
        rc_code_direct: i(rc_code
            + offset_of!(Code, jit)
            + offset_of!(crate::jit::CodeJit, direct)),
        function_code: i(Gc::<FunctionObj>::PAYLOAD_OFFSET + offset_of!(FunctionObj, code)),
        function_fast_argc: i(
            Gc::<FunctionObj>::PAYLOAD_OFFSET + offset_of!(FunctionObj, fast_argc)
        ),
        instance_class: i(Gc::<InstanceObj>::PAYLOAD_OFFSET + offset_of!(InstanceObj, class)),
        type_version: i(Gc::<TypeObj>::PAYLOAD_OFFSET + offset_of!(TypeObj, version)),
        type_shadowed: i(Gc::<TypeObj>::PAYLOAD_OFFSET + offset_of!(TypeObj, shadowed)),
        site_entries: i(offset_of!(DirectSite, entries)),
        entry_size: i(size_of::<DirectEntry>()),
        site_code_word: i(offset_of!(DirectEntry, code_word)),
        site_class: i(offset_of!(DirectEntry, class)),
        site_version: i(offset_of!(DirectEntry, version)),
        site_func: i(offset_of!(DirectEntry, func)),
        site_code_rc: i(offset_of!(DirectEntry, code_rc)),
        site_nregs: i(offset_of!(DirectEntry, nregs)),
        site_rec_edge: i(offset_of!(DirectEntry, rec_edge)),
        site_rec_fast: i(offset_of!(DirectEntry, rec_fast)),
    }
}

/// Where an `Rc<Code>`'s pointer finds the `Code`: the value's offset in
/// the reference-counted box, measured on a value of the same alignment.
fn rc_value_offset() -> usize {
    assert!(std::mem::align_of::<Code>() <= 8);
    let r: Rc<u64> = Rc::new(0);
    // SAFETY: an `Rc` is one pointer word (checked by `measure`).
    let word = unsafe { *(&r as *const Rc<u64> as *const usize) };
    Rc::as_ptr(&r) as usize - word
}

/// The frame words holding the bytes that `Frame::new`'s empty fields fix
/// (see the module comment), with those bytes' values (the others 0).
/// Every field but the six the push sets must be listed here: a field
/// added to `Frame` and missing here fails the size check below.
fn empty_field_words() -> Vec<(i32, i64)> {
    use crate::interp::frame::{OpResume, Sink};
    let mut words: std::collections::BTreeMap<usize, u64> = Default::default();
    let mut covered = 8 * 6;
    let mut field = |off: usize, size: usize, fixed: Vec<Option<u8>>| {
        covered += size;
        for (i, b) in fixed.into_iter().enumerate() {
            if let Some(b) = b {
                let at = off + i;
                *words.entry(at / 8 * 8).or_insert(0) |= (b as u64) << (8 * (at % 8));
            }
        }
    };
    macro_rules! empty {
        ($f:ident, $t:ty, $v:expr) => {
            field(
                offset_of!(Frame, $f),
                size_of::<$t>(),
                fixed_bytes::<$t>(|| $v),
            )
        };
    }
    empty!(
        generator,
        Option<Gc<crate::runtime::object::GeneratorObj>>,
        None
    );
    empty!(gen_exit, Option<u32>, None);
    empty!(collect, Option<Sink>, None);
    empty!(entry, bool, false);
    empty!(construct, Option<Value>, None);
    empty!(binop, Option<OpResume>, None);
    // Not counted yet: recording counts the call after the push.
    empty!(
        rec_edge,
        *const crate::recorder::calls::Edge,
        std::ptr::null()
    );
    // The fields above and the six word-sized ones, up to padding.
    assert!(
        covered <= size_of::<Frame>() && size_of::<Frame>() - covered < 8,
        "jit frame layout: a Frame field is not accounted for"
    );
    words
        .into_iter()
        .map(|(off, v)| (off as i32, v as i64))
        .collect()
}

/// The bytes every value `make()` returns has, as placed in memory: written
/// over zeros and over ones, the bytes that agree (None: padding or an
/// unused payload, which may hold anything).
fn fixed_bytes<T>(make: impl Fn() -> T) -> Vec<Option<u8>> {
    let n = size_of::<T>();
    let image = |fill: u8| -> Vec<u8> {
        let mut m = MaybeUninit::<T>::uninit();
        let p = m.as_mut_ptr();
        // SAFETY: `p` is a buffer for one T, written as bytes then as a T;
        // the bytes are read by `raw_byte` while `m` is alive, and the T is
        // dropped in place after.
        unsafe {
            std::ptr::write_bytes(p as *mut u8, fill, n);
            p.write(make());
            let bytes = (0..n).map(|i| raw_byte((p as *const u8).add(i))).collect();
            std::ptr::drop_in_place(p);
            bytes
        }
    };
    let (zeros, ones) = (image(0), image(0xff));
    zeros
        .into_iter()
        .zip(ones)
        .map(|(a, b)| (a == b).then_some(a))
        .collect()
}

/// The byte at `p` as the machine holds it. Read with an instruction rather
/// than by Rust, because it may be a padding byte, which Rust code may not
/// read as a `u8`.
fn raw_byte(p: *const u8) -> u8 {
    let b: u8;
    // SAFETY: the caller passes a pointer into a live buffer; the
    // instruction reads that one byte and writes nothing.
    unsafe {
        std::arch::asm!(
            "mov {b}, byte ptr [{p}]",
            p = in(reg) p,
            b = out(reg_byte) b,
            options(nostack, readonly, preserves_flags)
        );
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures() {
        let l = frame_layout();
        assert!(l.frame_size >= 8 * 6);
        // The empty fields' words are none of the six the push writes.
        let set = [
            l.frame_func,
            l.frame_code,
            l.frame_base,
            l.frame_pc,
            l.frame_ret_slot,
            l.frame_handled_base,
        ];
        for &(off, _) in &l.frame_empty[..l.frame_empty_n] {
            assert!(!set.contains(&off) && off % 8 == 0 && off < l.frame_size);
        }
        assert_ne!(l.frames_ptr, l.frames_len);
        assert_ne!(l.stack_ptr, l.stack_len);
    }

    #[test]
    fn clear_optional_empties_what_frame_new_does() {
        let l = frame_layout();
        let mut buf = vec![0u64; l.frame_size as usize / 8];
        // SAFETY: the buffer is a zeroed, 8-aligned Frame-sized slot.
        unsafe { Frame::clear_optional(buf.as_mut_ptr() as *mut Frame) };
        for &(off, v) in &l.frame_empty[..l.frame_empty_n] {
            assert_eq!(buf[off as usize / 8], v as u64, "word at {off}");
        }
    }
}
