//! Heap allocations per site: which instruction of which function allocated
//! how many objects of which type, and how many of those while compiled code
//! was running.
//!
//! The heap calls `record` from `Heap::alloc` when recording. The site is
//! the top frame's code and pc, read through pointers to the VM's frame
//! stack and to where the interpreter, while recording, notes the
//! instruction it runs (`Vm::rec_at`; see `AllocRecorder::at`).
//!
//! Sites are boxed, each at an address that does not change while the
//! recorder lives; each instruction remembers the two sites it counted last
//! (`PcProf::alloc_hint`, pointers: indices into a vector took a bounds
//! check and a multiply more), so the common case, an instruction
//! allocating one of the types it allocated last, costs a compare or two
//! and no hashing. The hash map finds the others.
//!
//! A site's counts are kept per tier (interpreter, compiled code), indexed
//! by the under-compiled-code bit, so counting is two adds and no branch;
//! the totals are summed when the profile is built (`sites`).

use std::cell::Cell;
use std::ptr::NonNull;

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
/// (0: interpreter, 1: under compiled code), with the type key beside them
/// so the hint's check reads one place. Cells: the instructions' hints
/// point at them (`PcProf::alloc_hint`).
#[derive(Debug)]
pub struct Tally {
    key: usize,
    count: [Cell<u64>; 2],
    bytes: [Cell<u64>; 2],
}

impl Tally {
    #[inline(always)]
    fn add(&self, jit: bool, bytes: usize) {
        let (c, b) = (&self.count[jit as usize], &self.bytes[jit as usize]);
        c.set(c.get() + 1);
        b.set(b.get() + bytes as u64);
    }
}

pub struct AllocRecorder {
    /// The VM's frame stack (the VM does not move while it runs).
    frames: NonNull<Vec<Frame>>,
    /// The VM's `rec_at`: the recorder's entry of the instruction the
    /// interpreter runs. Frames store their pc only at calls and errors, so
    /// for the top frame this is more current, when it is about that frame
    /// and the interpreter, not compiled code, runs it (compiled code
    /// stores the frame's pc before anything that allocates). When it is
    /// not null, outside compiled code, it is about the top frame: the
    /// interpreter sets it only for the frame it runs, and it is cleared
    /// whenever that may stop being the top frame: at every push and pop of
    /// a frame by the runtime (`Vm::rec_enter`, `Vm::rec_leave`), and on
    /// entering compiled code (`Vm::rec_run_compiled`), which pushes and
    /// pops frames of its own. So an allocation the interpreter makes finds
    /// its instruction here without reading the frame stack (which took
    /// five dependent loads and a range test per allocation).
    at: NonNull<*const super::PcProf>,
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
        AllocRecorder {
            frames: NonNull::from(frames),
            at: NonNull::from(at),
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
    /// type's site. The instruction is the interpreter's `at` when it is
    /// about the top frame (then no pc is worked out), else the top
    /// frame's; the rest is `record_slow`.
    #[inline]
    pub fn record(&mut self, key: usize, bytes: usize, name: impl FnOnce() -> String) {
        // Set from entering compiled code until it returns; read once.
        let jit = super::sampler::under_jit();
        match self.entry(jit) {
            Some(h) if Self::count_hinted(h, jit, key, bytes) => {}
            _ => self.record_slow(jit, key, bytes, name),
        }
    }

    /// `record` for an allocation the runtime makes for compiled code
    /// (a class call's instance: `jit/direct.rs`), which is running: no
    /// tier to read, and the interpreter's `at` is not about it.
    #[inline]
    pub fn record_for_jit(&mut self, key: usize, bytes: usize, name: impl FnOnce() -> String) {
        debug_assert!(super::sampler::under_jit());
        match self.entry(true) {
            Some(h) if Self::count_hinted(h, true, key, bytes) => {}
            _ => self.record_slow(true, key, bytes, name),
        }
    }

    /// Count the allocation at the site one of `h`'s hints holds, the
    /// common case; false if neither is of type `key`.
    #[inline(always)]
    fn count_hinted(h: &super::PcProf, jit: bool, key: usize, bytes: usize) -> bool {
        // Only this instruction sets its hints (see `record_slow`).
        for hint in &h.alloc_hint {
            let t = hint.get();
            // SAFETY: a hint is null or one of this recorder's tallies
            // (`record_slow`), boxed, and freed only with the recorder,
            // after which nothing records: a VM records once, and drops
            // its allocation recorder once the profile is built.
            if !t.is_null() && unsafe { (*t).key } == key {
                unsafe { (*t).add(jit, bytes) };
                return true;
            }
        }
        false
    }

    /// The recorder's entry of the instruction running in the top frame
    /// (see `pc_of`), if any. None for a frame's pc 0 (no instruction run
    /// yet), which `record_slow` counts at pc 0.
    #[inline(always)]
    fn entry<'a>(&self, under_jit: bool) -> Option<&'a super::PcProf> {
        if !under_jit {
            // SAFETY: `at` points at the VM's `rec_at` (see `new`), which is
            // null or an entry of the top frame's code (see `at`), alive
            // while the frame is.
            if let Some(at) = unsafe { (*self.at.as_ptr()).as_ref() } {
                debug_assert!(self.top_frame().is_some_and(|f| self
                    .at_entry(&f.code().prof.pcs)
                    .is_some_and(|e| std::ptr::eq(e, at))));
                return Some(at);
            }
        }
        let f = self.top_frame()?;
        f.code().prof.pcs.get(f.pc.wrapping_sub(1))
    }

    /// `record` for an allocation its hints do not find; `jit`: under
    /// compiled code.
    #[inline(never)]
    fn record_slow(&mut self, jit: bool, key: usize, bytes: usize, name: impl FnOnce() -> String) {
        let frame = self.top_frame();
        let (code, pc) = match frame {
            Some(f) => (f.code_ptr() as usize, self.pc_of(f, jit) as u32),
            None => (0, 0),
        };
        let hint = frame.and_then(|f| f.code().prof.pcs.get(pc as usize));
        let i = self.find((code, pc, key), name);
        let t: &Tally = &self.tallies[i];
        if let Some(h) = hint {
            h.alloc_hint[1].set(h.alloc_hint[0].get());
            h.alloc_hint[0].set(t);
        }
        t.add(jit, bytes);
    }

    /// The pc of the instruction running in `f`, the top frame: the
    /// interpreter's `at` when it is about this frame and no compiled code
    /// runs (`under_jit` false), else the frame's stored pc, which is that
    /// of the next instruction.
    fn pc_of(&self, f: &Frame, under_jit: bool) -> usize {
        let pcs = &f.code().prof.pcs;
        match self.at_entry(pcs) {
            // SAFETY: `at` is an entry of `pcs` (`at_entry`).
            Some(at) if !under_jit => unsafe {
                (at as *const super::PcProf).offset_from(pcs.as_ptr()) as usize
            },
            _ => f.pc.saturating_sub(1),
        }
    }

    /// The interpreter's `at` when it is one of `pcs`, the top frame's
    /// code's entries (see `at`): the entry, indexed without a second
    /// bounds check (the range test covers it).
    #[inline(always)]
    fn at_entry<'a>(&self, pcs: &'a [super::PcProf]) -> Option<&'a super::PcProf> {
        // SAFETY: `at` points at the VM's `rec_at` (see `new`). Only
        // compared with the code's entries, never read through.
        let at = unsafe { *self.at.as_ptr() } as usize;
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
        unsafe { &*self.frames.as_ptr() }.last()
    }

    /// The index of `site` in `tallies`, made on first sight.
    #[inline(never)]
    fn find(&mut self, site: SiteKey, name: impl FnOnce() -> String) -> usize {
        if let Some(&i) = self.index.get(&site) {
            return i as usize;
        }
        self.names.entry(site.2).or_insert_with(name);
        let i = self.tallies.len();
        self.tallies.push(Box::new(Tally {
            key: site.2,
            count: Default::default(),
            bytes: Default::default(),
        }));
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

/// The type key of objects of Rust type `T` (see `Trace::alloc_class_key`
/// for instances, whose key is their class's address).
///
/// From the type's `TypeId`, a constant once inlined. Not the address of
/// its `type_name`: that string is a copy per codegen unit, so the
/// iterators the interpreter made and those compiled code made at one
/// instruction were two sites. Odd, so never a class's (aligned) address.
#[inline(always)]
pub fn type_key<T: 'static>() -> usize {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    std::any::TypeId::of::<T>().hash(&mut h);
    h.finish() as usize | 1
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
