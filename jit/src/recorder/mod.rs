//! The recorder: what `jitprof run` measures while the program runs, turned
//! into a `profile::Profile` at the end (see `build.rs`).
//!
//! One module per measurement: `calls` (deterministic per-function timing),
//! `sampler` (per-line time by signal), `sites` (observed operand types),
//! `allocs` (allocations per site), `bails` (exits from compiled code with
//! what they found). The VM owns a `Recorder` when recording is on; every
//! hook in the interpreter is behind one `Option` check, so `--no-profile`
//! runs pay a predictable branch and nothing else.

pub mod allocs;
pub mod bails;
pub mod build;
pub mod calls;
pub mod clock;
pub mod heapcount;
pub mod sampler;
pub mod sites;

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::bytecode::code::Code;
use profile::Tier;

/// What to record.
#[derive(Clone, Debug)]
pub struct RecorderOptions {
    pub sample_rate_hz: u32,
}

/// Per-code-object recording state, kept in the `Code` so the interpreter
/// reaches it without a lookup.
#[derive(Default)]
pub struct CodeProf {
    /// The function's index in the profile (u32::MAX until first run).
    pub id: Cell<u32>,
    /// Executions per instruction. Allocated with the code so compiled code
    /// can count line entries at a fixed address.
    pub counts: Box<[Cell<u64>]>,
    /// Observed types per instruction, allocated on first run when recording.
    pub sites: OnceCell<Box<[sites::SiteTypes]>>,
    /// Which registers each instruction's observation reads (decoded once,
    /// so the per-instruction hook does not decode the instruction again).
    pub obs: OnceCell<Box<[sites::Obs]>>,
}

impl CodeProf {
    pub fn new(instrs: usize) -> CodeProf {
        CodeProf {
            id: Cell::new(u32::MAX),
            counts: (0..instrs).map(|_| Cell::new(0)).collect(),
            sites: OnceCell::new(),
            obs: OnceCell::new(),
        }
    }

    /// Address of the execution counter of instruction `pc`.
    pub fn count_addr(&self, pc: usize) -> *const u64 {
        self.counts[pc].as_ptr()
    }
}

/// A function the profile knows.
pub enum FuncKey {
    Python(Rc<Code>),
    Builtin {
        name: &'static str,
        owner: Option<String>,
    },
}

/// A distinct sampled stack: (function, line) frames, outermost first.
pub type StackKey = (Vec<(u32, u32)>, Tier);

pub struct Recorder {
    pub options: RecorderOptions,
    pub clock: clock::Clock,
    pub calls: calls::CallTimes,
    pub funcs: Vec<FuncKey>,
    builtin_ids: FxHashMap<(usize, usize), u32>,
    /// Python type names by observation key (see `Vm::type_key`).
    pub type_names: FxHashMap<u64, String>,
    pub stacks: FxHashMap<StackKey, u64>,
    pub sample_total: u64,
    pub sampler: Option<sampler::Sampler>,
    pub bails: bails::BailLog,
    pub gc_ticks: u64,
    pub gc_count: u64,
    /// Ticks the recorder spent in its own slow paths (samples, first sight
    /// of a function or type), measured.
    pub overhead_ticks: u64,
}

impl Recorder {
    pub fn new(options: RecorderOptions) -> Recorder {
        Recorder {
            options,
            clock: clock::Clock::start(),
            calls: calls::CallTimes::default(),
            funcs: Vec::new(),
            builtin_ids: FxHashMap::default(),
            type_names: FxHashMap::default(),
            stacks: FxHashMap::default(),
            sample_total: 0,
            sampler: None,
            bails: bails::BailLog::default(),
            gc_ticks: 0,
            gc_count: 0,
            overhead_ticks: 0,
        }
    }

    /// The profile index of a code object, assigned on first sight.
    #[inline]
    pub fn code_id(&mut self, code: &Rc<Code>) -> u32 {
        let id = code.prof.id.get();
        if id != u32::MAX {
            return id;
        }
        self.new_code_id(code)
    }

    #[cold]
    fn new_code_id(&mut self, code: &Rc<Code>) -> u32 {
        let id = self.funcs.len() as u32;
        code.prof.id.set(id);
        let _ = code.prof.sites.set(
            (0..code.instrs.len())
                .map(|_| sites::SiteTypes::default())
                .collect(),
        );
        let _ = code
            .prof
            .obs
            .set(code.instrs.iter().map(sites::Obs::of).collect());
        self.funcs.push(FuncKey::Python(code.clone()));
        self.calls.ensure(id);
        id
    }

    /// The profile index of a builtin, by its name and owner type (address
    /// and name; the name is built only on first sight by the caller).
    #[inline]
    pub fn builtin_id(
        &mut self,
        name: &'static str,
        owner: Option<usize>,
        owner_name: impl FnOnce() -> Option<String>,
    ) -> u32 {
        let key = (name.as_ptr() as usize, owner.unwrap_or(0));
        if let Some(&id) = self.builtin_ids.get(&key) {
            return id;
        }
        let id = self.funcs.len() as u32;
        self.funcs.push(FuncKey::Builtin {
            name,
            owner: owner_name(),
        });
        self.builtin_ids.insert(key, id);
        self.calls.ensure(id);
        id
    }

    /// Count one sample on `stack` (innermost frame last).
    pub fn add_sample(&mut self, stack: Vec<(u32, u32)>, tier: Tier, weight: u64) {
        *self.stacks.entry((stack, tier)).or_insert(0) += weight;
        self.sample_total += weight;
    }
}
