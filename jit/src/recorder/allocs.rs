//! Heap allocations per site: which instruction of which function allocated
//! how many objects of which type, and how many of those while compiled code
//! was running.
//!
//! The heap calls `record` from `Heap::alloc` when recording. The site is
//! the top frame's code and pc, read through pointers to the VM's frame
//! stack and to where the interpreter, and compiled code around its
//! allocating runtime calls, note the instruction that runs (`Vm::rec_at`;
//! see `AllocRecorder::at`).
//!
//! Sites are boxed, each at an address that does not change while the
//! recorder lives; each instruction remembers the two sites it counted last
//! (`PcProf::alloc_hint`, pointers: indices into a vector took a bounds
//! check and a multiply more), so the common case, an instruction
//! allocating one of the types it allocated last, costs a compare or two
//! and no hashing. The hash map finds the others. A hint keeps its site's
//! type key beside the pointer, in the instruction's entry (which had the
//! room): the check compares the entry's word, with no null test and no
//! load through the pointer first (key 0, never a type's, is no hint).
//!
//! A site's counts are kept per tier (interpreter, compiled code), indexed
//! by the under-compiled-code bit, so counting is two adds and no branch;
//! the totals are summed when the profile is built (`sites`).

use std::cell::Cell;

use rustc_hash::FxHashMap;

use crate::interp::frame::Frame;

#[derive(Clone, Copy, Debug, Default)]
pub struct AllocStat {
    pub count: u64,
    pub bytes: u64,
    pub jit_count: u64,
    pub jit_bytes: u64,
}

/// (code address or 0, pc, type key).
pub type SiteKey = (usize, u32, usize);

/// One site's counts as they are kept while the program runs: by tier
/// (0: interpreter, 1: under compiled code).
/// Cells: the instructions' hints point at them (`PcProf::alloc_hint`).
#[derive(Debug, Default)]
pub struct Tally {
    count: [Cell<u64>; 2],
    bytes: [Cell<u64>; 2],
}

impl Tally {
    /// `jit`: 0 or 1, the tier's index (`sampler::under_jit`).
    #[inline(always)]
    fn add(&self, jit: usize, bytes: usize) {
        let (c, b) = (&self.count[jit & 1], &self.bytes[jit & 1]);
        c.set(c.get() + 1);
        b.set(b.get() + bytes as u64);
    }
}

/// A site an instruction counted lately (`PcProf::alloc_hint`): its type
/// key (0: none; keys are never 0, see `type_key`) and its counts. Only
/// that instruction's allocations set it (`record_slow`).
#[derive(Debug)]
pub struct Hint {
    key: Cell<usize>,
    tally: Cell<*const Tally>,
}

impl Default for Hint {
    fn default() -> Hint {
        Hint {
            key: Cell::new(0),
            tally: Cell::new(std::ptr::null()),
        }
    }
}

/// The heap's allocation recorder (`Heap::rec`), in the heap itself, not
/// boxed, so that the common case reads the recorder's pointers to the VM
/// one load nearer; when not recording, one that is off (`frames` null),
/// so that the test of recording is the load of `frames` the common case
/// makes anyway (an `Option`'s tag took a load of its own).
pub struct AllocSlot(AllocRecorder);

impl Default for AllocSlot {
    fn default() -> AllocSlot {
        AllocSlot(AllocRecorder {
            frames: std::ptr::null(),
            at: std::ptr::null(),
            tallies: Vec::new(),
            keys: Vec::new(),
            index: FxHashMap::default(),
            names: FxHashMap::default(),
        })
    }
}

impl AllocSlot {
    /// Record from now on with `r`.
    pub fn start(&mut self, r: AllocRecorder) {
        self.0 = r;
    }

    pub fn is_some(&self) -> bool {
        !self.0.frames.is_null()
    }

    /// The recorder, while recording.
    #[inline(always)]
    pub fn get(&mut self) -> Option<&mut AllocRecorder> {
        self.is_some().then_some(&mut self.0)
    }

    /// Stop recording: the recorder, for the profile (boxed: it is large),
    /// or None if none records.
    pub fn take(&mut self) -> Option<Box<AllocRecorder>> {
        let r = std::mem::take(self);
        r.is_some().then(|| Box::new(r.0))
    }
}

pub struct AllocRecorder {
    /// The VM's frame stack (the VM does not move while it runs). Never
    /// null but in the heap's recorder that is off (`AllocSlot`), which
    /// nothing records with (`AllocSlot::get`).
    frames: *const Vec<Frame>,
    /// The VM's `rec_at`: the recorder's entry of the instruction running
    /// in the top frame, or null. Frames store their pc only at calls and
    /// errors (compiled code: before anything that allocates), so for the
    /// top frame this is more current. The interpreter sets it for the
    /// frame it runs, at every instruction; compiled code sets it around
    /// the runtime calls that allocate at their own instruction, and
    /// clears it after them (`jit::codegen::Gen::alloc_site`). It is
    /// cleared whenever the top frame may change: at every push and pop of
    /// a frame by the runtime (`Vm::rec_enter`, `Vm::rec_leave`), and on
    /// entering compiled code (`Vm::rec_run_compiled`), which pushes and
    /// pops frames of its own. So when it is not null, in either tier, it
    /// is about the top frame, and an allocation finds its instruction
    /// here without reading the frame stack (which takes five dependent
    /// loads and two tests per allocation).
    at: *const *const super::PcProf,
    /// Every site's counts, in the order of `keys`. Boxed: the
    /// instructions' hints point at them.
    tallies: Vec<Box<Tally>>,
    /// Every site, in the order of `tallies`.
    keys: Vec<SiteKey>,
    /// Index into `tallies` by key.
    index: FxHashMap<SiteKey, u32>,
    /// Python type names by type key.
    pub names: FxHashMap<usize, String>,
}

impl AllocRecorder {
    /// For the VM whose frame stack and `rec_at` these are: they must stay
    /// where they are, and be used on the VM's thread only, for as long as
    /// the recorder counts allocations (the VM does not move while it runs,
    /// and the recorder lives in its heap).
    pub fn new(frames: &Vec<Frame>, at: &*const super::PcProf) -> AllocRecorder {
        if let Some(k) = bad_type_key(&object_type_keys()) {
            panic!("allocation type key {k:#x} is shared or unusable in this build (see `object_type_keys`)");
        }
        AllocRecorder {
            frames,
            at,
            tallies: Vec::new(),
            keys: Vec::new(),
            index: FxHashMap::default(),
            names: FxHashMap::default(),
        }
    }

    /// Count an allocation of `bytes` of the type `key`; `name` is called
    /// only the first time a key is seen.
    ///
    /// The common case first: one of the instruction's hints holds this
    /// type's site. The instruction is the interpreter's `at` whenever it
    /// is set, in either tier (see `at_now`; then no pc is worked out),
    /// else the top frame's; the rest is `record_slow`. A copy per tier,
    /// with its tally index a constant: one index worked out from the tier
    /// took a shift and a move more.
    ///
    /// Not inlined, and not generic (`name` is a `dyn Fn`): inlined into
    /// `Heap::alloc`, this path was copied into each of its instances, one
    /// per type allocated, and the copies missed in the instruction cache
    /// more than the call costs (deltablue: `Heap::alloc`'s level-1
    /// instruction-cache misses 1.19M without recording, 1.95M with).
    #[inline(never)]
    pub fn record(&mut self, key: usize, bytes: usize, name: &dyn Fn() -> String) {
        // Set from entering compiled code until it returns; read once.
        if super::sampler::under_jit() {
            self.record_in::<1>(key, bytes, name)
        } else {
            self.record_in::<0>(key, bytes, name)
        }
    }

    /// `record` in tier `JIT` (1: under compiled code).
    #[inline(always)]
    fn record_in<const JIT: usize>(&mut self, key: usize, bytes: usize, name: &dyn Fn() -> String) {
        match self.at_now().or_else(|| self.top_entry()) {
            Some(e) => self.record_at(e, JIT, key, bytes, name),
            None => self.record_slow(key, bytes, name),
        }
    }

    /// `record` at the instruction whose entry is `e`, in tier `jit`.
    #[inline(always)]
    fn record_at(
        &mut self,
        e: &super::PcProf,
        jit: usize,
        key: usize,
        bytes: usize,
        name: &dyn Fn() -> String,
    ) {
        let [h0, h1] = &e.alloc_hint;
        // SAFETY (both): a hint with a key (never 0) holds one of this
        // recorder's tallies (`record_slow`), boxed, and freed only with the
        // recorder, after which nothing records: a VM records once, and
        // drops its allocation recorder once the profile is built.
        if h0.key.get() == key {
            unsafe { (*h0.tally.get()).add(jit, bytes) }
        } else if h1.key.get() == key {
            // Out of the first hint's way, which then runs straight on;
            // and through `opaque`, so that the two hints' counting is not
            // merged into one code with the hint's offset in a register (a
            // move and a jump more on the first hint's path).
            std::hint::cold_path();
            unsafe { (*opaque(h1.tally.get())).add(jit, bytes) }
        } else {
            self.record_slow(key, bytes, name)
        }
    }

    /// `record` for an allocation the runtime makes for compiled code
    /// (a class call's instance: `jit/direct.rs`), which is running: no
    /// tier to read, and the interpreter's `at` is not about it. `e`: the
    /// entry of the instruction that allocates, which the caller has at
    /// hand (the class call's; finding it from the top frame cost some eight
    /// instructions of the twenty a construction's recording took).
    #[inline]
    pub fn record_for_jit(
        &mut self,
        e: &super::PcProf,
        key: usize,
        bytes: usize,
        name: &dyn Fn() -> String,
    ) {
        debug_assert!(super::sampler::under_jit());
        debug_assert!(self.top_entry().is_some_and(|t| std::ptr::eq(t, e)));
        self.record_at(e, 1, key, bytes, name)
    }

    /// The interpreter's `at`, when set: the entry of the instruction
    /// running in the top frame.
    ///
    /// Taken in either tier: when set, it is the top frame's (see `at`),
    /// also for an interpreter loop that runs below compiled code (a
    /// Python `__contains__` a compiled `in` calls), whose frame's stored
    /// pc is stale: the frame's pc put such allocations on the instruction
    /// the frame last called from (pc 0 before its first call), until the
    /// frame's own code was compiled.
    #[inline(always)]
    fn at_now<'a>(&self) -> Option<&'a super::PcProf> {
        // SAFETY: `at` points at the VM's `rec_at` (see `new`), which is
        // null or an entry of the top frame's code (see `at`), alive while
        // the frame is.
        let at = unsafe { (*self.at).as_ref() }?;
        debug_assert!(self.top_frame().is_some_and(|f| self
            .at_entry(&f.code().prof.pcs)
            .is_some_and(|e| std::ptr::eq(e, at))));
        Some(at)
    }

    /// The recorder's entry of the instruction before the top frame's
    /// stored pc (see `pc_of`), if any. None for a frame's pc 0 (no
    /// instruction run yet), which `record_slow` counts at pc 0.
    #[inline(always)]
    fn top_entry<'a>(&self) -> Option<&'a super::PcProf> {
        let f = self.top_frame()?;
        let pcs = f.code().prof.pcs.as_ptr();
        // A frame's stored pc is at most its code's length: the
        // interpreter fetches at it unchecked when it resumes the frame
        // (`interp/exec.rs`), and the code ends in a return. So only pc 0
        // needs a test, made on pc - 1 (negative then), which the
        // decrement's flags give: a bounds check took a compare with a
        // load more.
        let i = f.pc.wrapping_sub(1) as isize;
        if i < 0 {
            return None;
        }
        debug_assert!((i as usize) < f.code().prof.pcs.len());
        // SAFETY: 0 <= i < pcs' length (above).
        Some(unsafe { &*pcs.add(i as usize) })
    }

    /// `record` for an allocation the instruction's hints do not take.
    /// Works out the tier again rather than take it: passing it took a
    /// move on the common path.
    #[cold]
    #[inline(never)]
    fn record_slow(&mut self, key: usize, bytes: usize, name: &dyn Fn() -> String) {
        let jit = super::sampler::under_jit() as usize;
        let frame = self.top_frame();
        let (code, pc) = match frame {
            Some(f) => (f.code_ptr() as usize, self.pc_of(f) as u32),
            None => (0, 0),
        };
        let entry = frame.and_then(|f| f.code().prof.pcs.get(pc as usize));
        let i = self.find((code, pc, key), name);
        let t: &Tally = &self.tallies[i];
        if let Some(h) = entry {
            let [h0, h1] = &h.alloc_hint;
            h1.key.set(h0.key.get());
            h1.tally.set(h0.tally.get());
            h0.key.set(key);
            h0.tally.set(t);
        }
        t.add(jit, bytes);
    }

    /// The pc of the instruction running in `f`, the top frame: the
    /// interpreter's `at` when it is about this frame (see `entry`), else
    /// the frame's stored pc, which is that of the next instruction.
    fn pc_of(&self, f: &Frame) -> usize {
        let pcs = &f.code().prof.pcs;
        match self.at_entry(pcs) {
            // SAFETY: `at` is an entry of `pcs` (`at_entry`).
            Some(at) => unsafe { (at as *const super::PcProf).offset_from(pcs.as_ptr()) as usize },
            None => f.pc.saturating_sub(1),
        }
    }

    /// The interpreter's `at` when it is one of `pcs`, the top frame's
    /// code's entries (see `at`): the entry, indexed without a second
    /// bounds check (the range test covers it).
    #[inline(always)]
    fn at_entry<'a>(&self, pcs: &'a [super::PcProf]) -> Option<&'a super::PcProf> {
        // SAFETY: `at` points at the VM's `rec_at` (see `new`). Only
        // compared with the code's entries, never read through.
        let at = unsafe { *self.at } as usize;
        let off = at.wrapping_sub(pcs.as_ptr() as usize);
        let i = off / std::mem::size_of::<super::PcProf>();
        // SAFETY: `off` is below the entries' size, so `i` below their count.
        (off < std::mem::size_of_val(pcs)).then(|| unsafe { pcs.get_unchecked(i) })
    }

    /// The top frame of the VM's frame stack.
    #[inline(always)]
    fn top_frame<'a>(&self) -> Option<&'a Frame> {
        // SAFETY: `frames` points at the VM's frame vector (see `new`);
        // allocation happens on the VM's thread, and the frame is read
        // before the allocation returns to code that could pop it.
        unsafe { &*self.frames }.last()
    }

    /// The index of `site` in `tallies`, made on first sight.
    #[inline(never)]
    fn find(&mut self, site: SiteKey, name: &dyn Fn() -> String) -> usize {
        if let Some(&i) = self.index.get(&site) {
            return i as usize;
        }
        self.names.entry(site.2).or_insert_with(name);
        let i = self.tallies.len();
        self.tallies.push(Box::default());
        self.keys.push(site);
        self.index.insert(site, i as u32);
        i
    }

    /// Every site with its counts, in the order they were first seen.
    pub fn sites(&self) -> impl Iterator<Item = (SiteKey, AllocStat)> + '_ {
        self.keys.iter().zip(&self.tallies).map(|(&k, t)| {
            let [c, b] = [&t.count, &t.bytes].map(|v| [v[0].get(), v[1].get()]);
            let s = AllocStat {
                count: c[0] + c[1],
                bytes: b[0] + b[1],
                jit_count: c[1],
                jit_bytes: b[1],
            };
            (k, s)
        })
    }
}

/// `x`, which the compiler cannot see through (an empty `asm!`): keeps
/// two paths from being merged into one that costs more (`record_at`).
#[inline(always)]
fn opaque<T>(mut x: *const T) -> *const T {
    // SAFETY: the assembly is empty: `x` comes out as it went in.
    unsafe { std::arch::asm!("/* {0} */", inout(reg) x, options(pure, nomem, nostack)) };
    x
}

/// The type key of objects of Rust type `T` (see `Trace::alloc_class_key`
/// for instances, whose key is their class's address).
///
/// From the type's `TypeId`, a constant once inlined. Not the address of
/// its `type_name`: that string is a copy per codegen unit, so the
/// iterators the interpreter made and those compiled code made at one
/// instruction were two sites. Odd, so never a class's (aligned) address,
/// nor 0 (no hint: `Hint`). Below 2^31 (the hash's top bits), so that the
/// hint's compare takes it as an immediate: a 64-bit one took a move
/// first. 31 bits keep the runtime's ~20 object types apart but for a
/// chance in about 10^7 per build (the test checks its own build's).
#[inline(always)]
pub fn type_key<T: 'static>() -> usize {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    std::any::TypeId::of::<T>().hash(&mut h);
    (h.finish() >> 33) as usize | 1
}

/// The Python type name of a runtime object type, from its Rust type name
/// (`jit::runtime::object::ListObj` -> `list`). Instances are named by their
/// class instead (see `Trace::class_name`).
pub fn python_name(rust: &str) -> &'static str {
    match rust.rsplit("::").next().unwrap_or(rust) {
        "BigIntObj" => "int",
        "StrObj" => "str",
        "BytesObj" => "bytes",
        "ListObj" => "list",
        "TupleObj" => "tuple",
        "DictObj" => "dict",
        "SetObj" => "set",
        "RangeObj" => "range",
        "SliceObj" => "slice",
        "DictViewObj" => "dict view",
        "IterObj" => "iterator",
        "FunctionObj" => "function",
        "CellObj" => "cell",
        "BuiltinObj" => "builtin_function_or_method",
        "BoundMethodObj" => "method",
        "TypeObj" => "type",
        "InstanceObj" => "object",
        "ModuleObj" => "module",
        "GeneratorObj" => "generator",
        _ => "object",
    }
}

/// The type keys of the runtime's object types (`type_key`), which must
/// differ: a key is 31 bits of a hash of the type's `TypeId` (so the common
/// case compares it as an immediate), and two types with one key would
/// share their sites' counts. The `TypeId`s, and so the keys, are fixed by
/// the build; `AllocRecorder::new` checks them, so every recording test
/// of a build would fail on such a build, rather than its profiles
/// silently merging two types.
fn object_type_keys() -> [usize; 19] {
    use crate::runtime::object::*;
    [
        type_key::<BigIntObj>(),
        type_key::<StrObj>(),
        type_key::<BytesObj>(),
        type_key::<ListObj>(),
        type_key::<TupleObj>(),
        type_key::<DictObj>(),
        type_key::<SetObj>(),
        type_key::<RangeObj>(),
        type_key::<SliceObj>(),
        type_key::<DictViewObj>(),
        type_key::<IterObj>(),
        type_key::<FunctionObj>(),
        type_key::<CellObj>(),
        type_key::<BuiltinObj>(),
        type_key::<BoundMethodObj>(),
        type_key::<TypeObj>(),
        type_key::<InstanceObj>(),
        type_key::<ModuleObj>(),
        type_key::<GeneratorObj>(),
    ]
}

/// The first key of `keys` that is not odd, not an immediate or not
/// distinct, if any.
fn bad_type_key(keys: &[usize]) -> Option<usize> {
    keys.iter()
        .enumerate()
        .find(|&(i, &k)| k & 1 == 0 || k >= 1 << 31 || keys[..i].contains(&k))
        .map(|(_, &k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_object_types_keys_are_distinct_odd_and_immediates() {
        assert_eq!(bad_type_key(&object_type_keys()), None);
        assert_eq!(bad_type_key(&[1, 3, 1]), Some(1), "a key twice");
        assert_eq!(bad_type_key(&[1, 4]), Some(4), "an even key");
    }
}
