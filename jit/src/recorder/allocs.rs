//! Heap allocations per site: which instruction of which function allocated
//! how many objects of which type, and how many of those while compiled code
//! was running.
//!
//! The heap calls `record` from `Heap::alloc` when recording. The site is
//! the top frame's code and pc, read through pointers to the VM's frame
//! stack and to where the interpreter, while recording, notes the
//! instruction it runs (`Vm::rec_at`; see `AllocRecorder::at`).
//!
//! Sites live in a vector; each instruction remembers the indices of the
//! two sites it counted last (`PcProf::alloc_hint`), so the common case, an
//! instruction allocating one of the types it allocated last, costs a
//! compare or two and no hashing. The hash map finds the others.

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

pub struct AllocRecorder {
    /// The VM's frame stack (set when a run starts; the VM does not move
    /// while it runs).
    pub frames: *const Vec<Frame>,
    /// The VM's `rec_at`: the recorder's entry of the instruction the
    /// interpreter runs (set with `frames`). Frames store their pc only at
    /// calls and errors, so for the top frame this is more current, when it
    /// is about that frame and the interpreter, not compiled code, runs it
    /// (compiled code stores the frame's pc before anything that
    /// allocates). It is about the top frame when it is an entry of its
    /// code: the hooks clear it when frames are pushed and popped, so it
    /// cannot be left over from another frame of the same code.
    pub at: *const *const super::PcProf,
    /// Every site with its counts.
    pub sites: Vec<(SiteKey, AllocStat)>,
    /// Index into `sites` by key.
    index: FxHashMap<SiteKey, u32>,
    /// Python type names by type key.
    pub names: FxHashMap<usize, String>,
}

impl Default for AllocRecorder {
    fn default() -> Self {
        AllocRecorder {
            frames: std::ptr::null(),
            at: std::ptr::null(),
            sites: Vec::new(),
            index: FxHashMap::default(),
            names: FxHashMap::default(),
        }
    }
}

impl AllocRecorder {
    /// Count an allocation of `bytes` of the type `key`; `name` is called
    /// only the first time a key is seen.
    ///
    /// The common case first: the instruction's hint holds this type's
    /// site. The interpreter's `at` is the instruction's entry itself, so
    /// then no pc is worked out; the rest is `record_slow`.
    #[inline]
    pub fn record(&mut self, key: usize, bytes: usize, name: impl FnOnce() -> String) {
        // Set from entering compiled code until it returns; read once.
        let jit = super::sampler::under_jit();
        if let Some(f) = top_frame(self.frames) {
            let pcs = &f.code().prof.pcs;
            let mut hint = None;
            if !self.at.is_null() && !jit {
                // SAFETY: as in `pc_of`; dereferenced only when it is an
                // entry of the frame's code, which the frame keeps alive.
                let at = unsafe { *self.at };
                let off = (at as usize).wrapping_sub(pcs.as_ptr() as usize);
                if off < std::mem::size_of_val::<[super::PcProf]>(pcs) {
                    hint = Some(unsafe { &*at });
                }
            }
            let hint = hint.or_else(|| pcs.get(f.pc.saturating_sub(1)));
            if let Some(h) = hint {
                // Only this instruction sets its hints (see `record_slow`).
                for hint in &h.alloc_hint {
                    if let Some((site, s)) = self.sites.get_mut(hint.get() as usize) {
                        if site.2 == key {
                            s.count += 1;
                            s.bytes += bytes as u64;
                            if jit {
                                s.jit_count += 1;
                                s.jit_bytes += bytes as u64;
                            }
                            return;
                        }
                    }
                }
            }
        }
        self.record_slow(jit, key, bytes, name)
    }

    /// `record` for an allocation its hint does not find; `jit`: under
    /// compiled code.
    #[inline(never)]
    fn record_slow(&mut self, jit: bool, key: usize, bytes: usize, name: impl FnOnce() -> String) {
        let frame = top_frame(self.frames);
        let (code, pc) = match frame {
            Some(f) => (f.code_ptr() as usize, self.pc_of(f, jit) as u32),
            None => (0, 0),
        };
        let hint = frame.and_then(|f| f.code().prof.pcs.get(pc as usize));
        // Only this instruction sets its hints, so a hinted site is at this
        // code and pc: the type is what can differ.
        let hinted = hint.and_then(|h| {
            h.alloc_hint
                .iter()
                .map(|c| c.get() as usize)
                .find(|&i| self.sites.get(i).is_some_and(|s| s.0 .2 == key))
        });
        let i = match hinted {
            Some(i) => i,
            None => {
                let i = self.find((code, pc, key), name);
                if let Some(h) = hint {
                    h.alloc_hint[1].set(h.alloc_hint[0].get());
                    h.alloc_hint[0].set(i as u32);
                }
                i
            }
        };
        let s = &mut self.sites[i].1;
        s.count += 1;
        s.bytes += bytes as u64;
        if jit {
            s.jit_count += 1;
            s.jit_bytes += bytes as u64;
        }
    }

    /// The pc of the instruction running in `f`, the top frame: the
    /// interpreter's `at` when it is about this frame and no compiled code
    /// runs (`under_jit` false), else the frame's stored pc, which is that
    /// of the next instruction.
    #[inline(always)]
    fn pc_of(&self, f: &Frame, under_jit: bool) -> usize {
        if !self.at.is_null() && !under_jit {
            // SAFETY: `at` points at the VM's `rec_at`, set by the VM with
            // `frames` (see there); read on the VM's thread. Only compared
            // with the code's entries, never read through.
            let at = unsafe { *self.at } as usize;
            let pcs = &f.code().prof.pcs;
            let size = std::mem::size_of::<super::PcProf>();
            let off = at.wrapping_sub(pcs.as_ptr() as usize);
            if off < pcs.len() * size {
                return off / size;
            }
        }
        f.pc.saturating_sub(1)
    }

    /// The index of `site` in `sites`, made on first sight.
    #[inline(never)]
    fn find(&mut self, site: SiteKey, name: impl FnOnce() -> String) -> usize {
        if let Some(&i) = self.index.get(&site) {
            return i as usize;
        }
        self.names.entry(site.2).or_insert_with(name);
        let i = self.sites.len();
        self.sites.push((site, AllocStat::default()));
        self.index.insert(site, i as u32);
        i
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

/// The top frame of the VM's frame stack (null: none).
fn top_frame<'a>(frames: *const Vec<Frame>) -> Option<&'a Frame> {
    if frames.is_null() {
        return None;
    }
    // SAFETY: `frames` points at the VM's frame vector, set by the VM on the
    // thread that runs it; allocation happens on that thread while the VM is
    // alive and not moved (see the module comment), and the frame is read
    // before the allocation returns to code that could pop it.
    let frames = unsafe { &*frames };
    frames.last()
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
