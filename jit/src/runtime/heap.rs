//! The garbage-collected heap: a non-moving, stop-the-world mark-sweep collector.
//!
//! Why mark-sweep and not reference counting: a template JIT that must emit an
//! increment and a decrement (with a branch to a destructor) around every register
//! move pays for it on every instruction (Pyston and CPython's JIT both list
//! refcount traffic as a main cost). Non-moving means raw object addresses can be
//! embedded in machine code and held in registers between safepoints.
//!
//! Why collection happens only at safepoints: the collector runs only when the
//! interpreter asks for it (`Vm::safepoint`, at loop back-edges and calls), where
//! every live value is in a frame slot, a global, a constant or the temp-root stack.
//! Rust code that holds a heap value in a local across a call that can run Python
//! code (a callback, an iterator's `__next__`) must push it on `Vm::temp_roots`
//! first. Allocation itself never collects, so pure runtime code needs no rooting.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::atomic::Ordering::Relaxed;

/// Every heap object starts with this header.
#[repr(C)]
pub struct Header {
    marked: Cell<bool>,
    /// stress_gc only: the object was swept (kept in quarantine so a dangling
    /// reference is reported instead of reading freed memory).
    dead: Cell<bool>,
    /// Pinned objects (constants, interned names, types) are never freed and are
    /// traced as roots.
    pinned: Cell<bool>,
}

#[repr(C)]
pub struct GcBox<T: ?Sized> {
    header: Header,
    value: T,
}

/// Objects on the heap report what they point to.
pub trait Trace {
    fn trace(&self, t: &mut Tracer);
    /// Approximate heap bytes owned outside the box (vectors, strings), for the
    /// allocation budget.
    fn extra_bytes(&self) -> usize {
        0
    }
    /// The Rust type's name, for the GC-stress dangling-reference report (kept
    /// in the vtable rather than in every object's header).
    fn type_name(&self) -> &'static str {
        std::any::type_name::<Self>()
    }
    /// For the allocation profile: a key for this object's Python type when
    /// the Rust type does not determine it (an instance's class), else 0.
    fn alloc_class_key(&self) -> usize {
        0
    }
    /// The Python type name for the allocation profile.
    fn alloc_type_name(&self) -> String {
        crate::recorder::allocs::python_name(std::any::type_name::<Self>()).to_string()
    }
}

/// A pointer to a live heap object. Copy, 8 bytes, never null. Transparent, so
/// a value's payload word can be read as a `Gc` once its tag has been checked.
#[repr(transparent)]
pub struct Gc<T: ?Sized> {
    ptr: NonNull<GcBox<T>>,
    _marker: PhantomData<T>,
}

impl<T: ?Sized> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: ?Sized> Copy for Gc<T> {}

impl<T: ?Sized> Deref for Gc<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: a Gc is only created by `Heap::alloc` and the object stays alive
        // while it is reachable from a root; collection only happens at safepoints
        // where every live Gc is reachable (see the module comment).
        unsafe { &self.ptr.as_ref().value }
    }
}

impl<T: ?Sized> PartialEq for Gc<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::addr_eq(self.ptr.as_ptr(), other.ptr.as_ptr())
    }
}
impl<T: ?Sized> Eq for Gc<T> {}

impl<T: ?Sized> fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Gc({:p})", self.ptr.as_ptr() as *const u8)
    }
}

impl<T: ?Sized> Gc<T> {
    /// The object's address, for `id()` and identity tests.
    pub fn addr(self) -> usize {
        self.ptr.as_ptr() as *const u8 as usize
    }
    fn header(&self) -> &Header {
        // SAFETY: see Deref; the header is at offset 0 of a repr(C) GcBox.
        unsafe { &self.ptr.as_ref().header }
    }
    pub fn ptr_eq(a: Self, b: Self) -> bool {
        a == b
    }
    /// Pinned objects (constants, interned names) live as long as the VM, so
    /// their address can key a cache.
    pub fn is_pinned(self) -> bool {
        self.header().pinned.get()
    }
}

impl<T> Gc<T> {
    /// Raw pointer to the payload, for JIT code that reads fields directly.
    pub fn as_ptr(self) -> *const T {
        // SAFETY: the pointer is valid (see Deref); taking a field address.
        unsafe { &raw const (*self.ptr.as_ptr()).value }
    }

    /// Bytes from the object's address (a `Value`'s payload word) to its
    /// payload, for JIT code that reads fields directly.
    pub const PAYLOAD_OFFSET: usize = std::mem::offset_of!(GcBox<T>, value);
}

/// Marks reachable objects; a worklist, so deep structures never recurse.
pub struct Tracer {
    gray: Vec<NonNull<GcBox<dyn Trace>>>,
    /// The object being traced (for the stress_gc dangling-reference report).
    current: &'static str,
    /// stress_gc: which root slot is being marked.
    pub root_index: usize,
    check_dead: bool,
}

impl Tracer {
    /// Name the kind of root being marked (shown by the stress_gc check).
    pub fn context(&mut self, what: &'static str) {
        self.current = what;
    }
    pub fn mark<T: Trace + 'static>(&mut self, g: Gc<T>) {
        let h = g.header();
        if self.check_dead && h.dead.get() {
            panic!(
                "GC: a {} (index {}) refers to a freed {} at {:p}",
                self.current,
                self.root_index,
                std::any::type_name::<T>(),
                g.ptr.as_ptr() as *const u8
            );
        }
        if !h.marked.get() {
            h.marked.set(true);
            let p: NonNull<GcBox<dyn Trace>> = g.ptr;
            self.gray.push(p);
        }
    }
    pub fn mark_value(&mut self, v: &crate::runtime::value::Value) {
        v.trace_into(self);
    }
    pub fn mark_values(&mut self, vs: &[crate::runtime::value::Value]) {
        for v in vs {
            v.trace_into(self);
        }
    }
}

/// Counters the recorder and `--stats` read.
#[derive(Default, Clone, Debug)]
pub struct HeapStats {
    pub collections: u64,
    pub objects_freed: u64,
    pub live_objects: u64,
    pub peak_live_bytes: u64,
}

pub struct Heap {
    objects: Vec<NonNull<GcBox<dyn Trace>>>,
    /// Bytes allocated since the last collection (box sizes plus extra_bytes at
    /// allocation time).
    debt: usize,
    /// Estimated live bytes after the last collection.
    live_bytes: usize,
    threshold: usize,
    due: bool,
    /// How many frames compiled code may have on the VM's frame stack and
    /// still push one inline (`jit/gen_calls.rs`): the recursion limit,
    /// capped by compiled code's native depth limit (`call_limit_max`,
    /// `Vm::set_recursion_limit`), or 0 while a collection or a Ctrl-C is due, so
    /// that one compare sends a direct call to the Rust path, which handles
    /// all three. Atomic: the SIGINT handler lowers it (`vm.rs`).
    pub(crate) call_limit: std::sync::atomic::AtomicUsize,
    call_limit_max: usize,
    pub stats: HeapStats,
    pub stress: bool,
    /// Under GC stress: collect once this many objects were allocated since
    /// the last collection (1 = at the first safepoint after any allocation).
    stress_every: u64,
    allocs_since: u64,
    /// Allocation sites, when recording a profile.
    pub rec: crate::recorder::allocs::AllocSlot,
}

impl Heap {
    /// Where compiled code finds `debt` and `threshold`, from `due` (whose
    /// address it has: `Polls::gc_due`), to account a list's growth at the
    /// call site as `add_debt` does (`jit/gen_list_methods.rs`).
    pub(crate) const DEBT_FROM_DUE: i32 =
        std::mem::offset_of!(Heap, debt) as i32 - std::mem::offset_of!(Heap, due) as i32;
    pub(crate) const THRESHOLD_FROM_DUE: i32 =
        std::mem::offset_of!(Heap, threshold) as i32 - std::mem::offset_of!(Heap, due) as i32;
    pub(crate) const STRESS_FROM_DUE: i32 =
        std::mem::offset_of!(Heap, stress) as i32 - std::mem::offset_of!(Heap, due) as i32;
}

const MIN_THRESHOLD: usize = 2 << 20;

/// `JITPROF_GC_STRESS=N`: collect after every N allocations (any other
/// non-empty value but 0 means 1). Unset or 0: no stress.
fn stress_interval() -> Option<u64> {
    let v = std::env::var("JITPROF_GC_STRESS").ok()?;
    match v.trim().parse::<u64>() {
        Ok(0) => None,
        Ok(n) => Some(n),
        Err(_) if v.is_empty() => None,
        Err(_) => Some(1),
    }
}

/// An empty placeholder (no allocation): the VM swaps its heap out while the
/// collector runs.
impl Default for Heap {
    fn default() -> Self {
        Heap {
            objects: Vec::new(),
            debt: 0,
            live_bytes: 0,
            threshold: MIN_THRESHOLD,
            due: false,
            call_limit: std::sync::atomic::AtomicUsize::new(0),
            call_limit_max: 0,
            stats: HeapStats::default(),
            stress: false,
            stress_every: 1,
            allocs_since: 0,
            rec: Default::default(),
        }
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            objects: Vec::with_capacity(1 << 14),
            debt: 0,
            live_bytes: 0,
            threshold: MIN_THRESHOLD,
            due: false,
            call_limit: std::sync::atomic::AtomicUsize::new(0),
            call_limit_max: 0,
            stats: HeapStats::default(),
            // GC stress: collect at every safepoint and quarantine what is
            // swept, so a missing root shows up as a clear report at once.
            stress: cfg!(feature = "stress_gc") || stress_interval().is_some(),
            stress_every: stress_interval().unwrap_or(1),
            allocs_since: 0,
            rec: Default::default(),
        }
    }

    pub fn alloc<T: Trace + 'static>(&mut self, value: T) -> Gc<T> {
        let size = self.record_alloc(&value);
        self.place(value, size)
    }

    /// `alloc` for the runtime's work for compiled code, at the instruction
    /// whose recording entry is `at` (see `AllocRecorder::record_for_jit`):
    /// recorded without asking which tier runs or finding the instruction.
    pub fn alloc_for_jit<T: Trace + 'static>(
        &mut self,
        value: T,
        at: &crate::recorder::PcProf,
    ) -> Gc<T> {
        let size = Self::alloc_size(&value);
        if let Some(r) = self.rec.get() {
            r.record_for_jit(at, Self::alloc_key(&value), size, &|| {
                value.alloc_type_name()
            });
        }
        self.place(value, size)
    }

    /// The heap's part of `alloc`: `value`, which takes `size` bytes,
    /// boxed and owned by the heap.
    #[inline(always)]
    fn place<T: Trace + 'static>(&mut self, value: T, size: usize) -> Gc<T> {
        let b = Box::new(GcBox {
            header: Header {
                marked: Cell::new(false),
                dead: Cell::new(false),
                pinned: Cell::new(false),
            },
            value,
        });
        // SAFETY: Box::into_raw never returns null.
        let ptr = unsafe { NonNull::new_unchecked(Box::into_raw(b)) };
        let dynp: NonNull<GcBox<dyn Trace>> = ptr;
        self.objects.push(dynp);
        self.debt += size;
        self.due = self.debt >= self.threshold;
        if self.stress {
            self.allocs_since += 1;
            self.due |= self.stress_due();
        }
        if self.due {
            // Compiled calls' one limit compare then takes the slow path,
            // which collects.
            self.call_limit.store(0, Relaxed);
        }
        Gc {
            ptr,
            _marker: PhantomData,
        }
    }

    /// When recording, count an allocation of `value` at the running
    /// instruction; returns the bytes it takes. Also for compiled code that
    /// reuses an object where the interpreter makes one (`jit/gen_iter.rs`),
    /// so the profile shows the interpreter's allocations.
    #[inline(always)]
    pub fn record_alloc<T: Trace + 'static>(&mut self, value: &T) -> usize {
        let size = Self::alloc_size(value);
        if let Some(r) = self.rec.get() {
            r.record(Self::alloc_key(value), size, &|| value.alloc_type_name());
        }
        size
    }

    /// The bytes `value` takes on the heap.
    #[inline(always)]
    fn alloc_size<T: Trace + 'static>(value: &T) -> usize {
        std::mem::size_of::<GcBox<T>>() + value.extra_bytes()
    }

    /// The allocation recorder's type key of `value`.
    #[inline(always)]
    fn alloc_key<T: Trace + 'static>(value: &T) -> usize {
        match value.alloc_class_key() {
            0 => crate::recorder::allocs::type_key::<T>(),
            k => k,
        }
    }

    /// Allocate an object that is never freed (constants, interned names, types).
    pub fn alloc_pinned<T: Trace + 'static>(&mut self, value: T) -> Gc<T> {
        let g = self.alloc(value);
        g.header().pinned.set(true);
        g
    }

    /// Account for memory an object grew by after allocation (list appends).
    #[inline]
    pub fn add_debt(&mut self, bytes: usize) {
        self.debt += bytes;
        self.due = self.debt >= self.threshold || self.stress_due();
        if self.due {
            self.call_limit.store(0, Relaxed);
        }
    }

    /// Collect at the next safepoint (`gc.collect()`).
    pub fn request_collection(&mut self) {
        self.due = true;
        self.call_limit.store(0, Relaxed);
    }

    /// Set the recursion limit inline calls keep under (`call_limit`).
    pub fn set_call_limit_max(&mut self, n: usize) {
        self.call_limit_max = n;
        self.refresh_call_limit();
    }

    /// `call_limit` from the state now: 0 while a collection or a Ctrl-C is
    /// due. The Ctrl-C flag is read after the store, so a signal between
    /// the two still leaves 0 (the handler stores it too).
    pub fn refresh_call_limit(&self) {
        let v = if self.due { 0 } else { self.call_limit_max };
        self.call_limit.store(v, Relaxed);
        if crate::interp::vm::POLLED.interrupted.load(Relaxed) {
            self.call_limit.store(0, Relaxed);
        }
    }

    #[inline]
    fn stress_due(&self) -> bool {
        self.stress && self.allocs_since >= self.stress_every
    }

    /// One load: `due` is set by `alloc` when the debt crosses the threshold
    /// (or always, under GC stress).
    #[inline(always)]
    pub fn wants_collection(&self) -> bool {
        self.due
    }

    /// Where `wants_collection` reads, for compiled code's back-edge poll. Valid
    /// as long as the heap does not move (it lives in the VM for the whole run).
    pub fn due_flag(&self) -> *const bool {
        &self.due
    }

    pub fn live_objects(&self) -> usize {
        self.objects.len()
    }

    /// Stop owning every object without freeing it, for the end of the
    /// process: the OS takes the memory back at once, where freeing objects
    /// one by one cost up to a few percent of a short run. Objects own only
    /// memory (no files or other resources a drop would release), so nothing
    /// observable is skipped. The heap is empty afterwards.
    pub fn leak_at_exit(&mut self) {
        self.objects.clear();
    }

    /// Mark from the given roots (plus every pinned object) and free the rest.
    pub fn collect(&mut self, mark_roots: impl FnOnce(&mut Tracer)) {
        let mut t = Tracer {
            gray: Vec::with_capacity(256),
            current: "root",
            root_index: 0,
            check_dead: self.stress,
        };
        for &p in &self.objects {
            // SAFETY: every pointer in `objects` is a live allocation owned by the heap.
            let b = unsafe { p.as_ref() };
            if b.header.pinned.get() && !b.header.marked.get() {
                b.header.marked.set(true);
                t.gray.push(p);
            }
        }
        mark_roots(&mut t);
        while let Some(p) = t.gray.pop() {
            // SAFETY: only live heap pointers are pushed on the gray list.
            let b = unsafe { p.as_ref() };
            t.current = b.value.type_name();
            b.value.trace(&mut t);
        }
        let before = self.objects.len();
        let mut live = 0usize;
        self.objects.retain(|&p| {
            // SAFETY: live allocation owned by the heap (see above).
            let b = unsafe { p.as_ref() };
            if b.header.marked.get() {
                b.header.marked.set(false);
                live += std::mem::size_of_val(b) + b.value.extra_bytes();
                true
            } else if self.stress {
                // Quarantine: keep the memory, remember it is dead.
                b.header.dead.set(true);
                false
            } else {
                // SAFETY: unreachable from every root, so nothing can use it again;
                // it was created by Box::into_raw in `alloc`.
                drop(unsafe { Box::from_raw(p.as_ptr()) });
                false
            }
        });
        self.stats.collections += 1;
        self.stats.objects_freed += (before - self.objects.len()) as u64;
        self.stats.live_objects = self.objects.len() as u64;
        self.live_bytes = live;
        self.stats.peak_live_bytes = self.stats.peak_live_bytes.max(live as u64);
        self.debt = 0;
        self.threshold = (live * 2).max(MIN_THRESHOLD);
        self.allocs_since = 0;
        self.due = false;
        self.refresh_call_limit();
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &p in &self.objects {
            // SAFETY: the heap owns every object; nothing outlives the heap.
            drop(unsafe { Box::from_raw(p.as_ptr()) });
        }
    }
}
