//! Heap allocations per site: which instruction of which function allocated
//! how many objects of which type, and how many of those while compiled code
//! was running.
//!
//! The heap calls `record` from `Heap::alloc` when recording. The site is
//! the top frame's code and pc, read through a pointer to the VM's frame
//! stack: the interpreter stores the pc before every instruction that can
//! allocate, as it does before anything that can raise.

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
    pub sites: FxHashMap<SiteKey, AllocStat>,
    /// Python type names by type key.
    pub names: FxHashMap<usize, String>,
    /// Set while compiled code runs (allocations there count as `jit_*`).
    pub in_jit: bool,
}

impl Default for AllocRecorder {
    fn default() -> Self {
        AllocRecorder {
            frames: std::ptr::null(),
            sites: FxHashMap::default(),
            names: FxHashMap::default(),
            in_jit: false,
        }
    }
}

impl AllocRecorder {
    /// Count an allocation of `bytes` of the type `key`; `name` is called
    /// only the first time a key is seen.
    #[inline]
    pub fn record(&mut self, key: usize, bytes: usize, name: impl FnOnce() -> String) {
        let (code, pc) = self.site();
        let s = self.sites.entry((code, pc, key)).or_default();
        s.count += 1;
        s.bytes += bytes as u64;
        if self.in_jit {
            s.jit_count += 1;
            s.jit_bytes += bytes as u64;
        }
        if !self.names.contains_key(&key) {
            self.names.insert(key, name());
        }
    }

    fn site(&self) -> (usize, u32) {
        if self.frames.is_null() {
            return (0, 0);
        }
        // SAFETY: `frames` points at the VM's frame vector, set by the VM on
        // the thread that runs it; allocation happens on that thread while the
        // VM is alive and not moved (see the module comment).
        let frames = unsafe { &*self.frames };
        match frames.last() {
            // The stored pc is that of the next instruction.
            Some(f) => (f.code_ptr() as usize, f.pc.saturating_sub(1) as u32),
            None => (0, 0),
        }
    }
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
