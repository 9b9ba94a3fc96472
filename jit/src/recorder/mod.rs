//! The recorder: what `jitprof run` measures while the program runs, turned
//! into a `profile::Profile` at the end (see `build.rs`).
//!
//! One module per measurement: `calls` (per-function call counts, and times
//! with `--timing exact`), `sampler` (per-line time by signal, and with
//! `--timing sampled` the functions' times too), `sites` (observed operand types),
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
use crate::bytecode::opcodes::Instr;
use profile::{Tier, Timing};

/// What to record.
#[derive(Clone, Debug)]
pub struct RecorderOptions {
    pub sample_rate_hz: u32,
    /// Where functions' times come from: a clock read per call and return
    /// (exact) or the samples' stacks (sampled).
    pub timing: Timing,
}

/// What the recorder keeps per instruction, together in one place so the
/// per-instruction hook touches one cache line.
pub struct PcProf {
    /// Executions, counted for line entries only (see `entry`), by the
    /// interpreter and by compiled code (at this address).
    pub count: Cell<u64>,
    /// The instruction begins a line: the first one, one whose line differs
    /// from the previous instruction's, or a jump target. Their counts are
    /// the lines' entry counts and the loops' iterations; counting only
    /// them keeps the interpreter's per-instruction hook to a test.
    pub entry: bool,
    /// Which registers the instruction's type observation reads (decoded
    /// with the code, so the hook does not decode the instruction).
    pub obs: sites::Obs,
    /// Index of the allocation site this instruction used last (see
    /// `allocs::AllocRecorder`; u32::MAX: none yet).
    pub alloc_hint: Cell<u32>,
}

/// Per-code-object recording state, kept in the `Code` so the interpreter
/// reaches it without a lookup.
#[derive(Default)]
pub struct CodeProf {
    /// The function's index in the profile (u32::MAX until first run).
    pub id: Cell<u32>,
    /// The caller edge of the function's last counted call: the caller's
    /// id in the high half, the edge's index in the low half (u64::MAX:
    /// none). Most functions are called from one place at a time, so a
    /// call usually finds its edge here, beside the id it reads anyway,
    /// instead of in the recorder's tables (see `calls::CallTimes`).
    pub edge_memo: Cell<u64>,
    /// Per instruction. Allocated with the code so compiled code can count
    /// line entries at a fixed address.
    pub pcs: Box<[PcProf]>,
    /// Observed types per instruction, allocated on first run when recording.
    pub sites: OnceCell<Box<[sites::SiteTypes]>>,
}

impl CodeProf {
    /// For `instrs`, whose source lines `line_at` gives.
    pub fn new(instrs: &[Instr], line_at: impl Fn(usize) -> u32) -> CodeProf {
        let mut entry = vec![false; instrs.len()];
        for (pc, ins) in instrs.iter().enumerate() {
            if pc == 0 || line_at(pc) != line_at(pc - 1) {
                entry[pc] = true;
            }
            if let Some(e) = ins.jump_target().and_then(|t| entry.get_mut(t as usize)) {
                *e = true;
            }
        }
        CodeProf {
            id: Cell::new(u32::MAX),
            edge_memo: Cell::new(u64::MAX),
            pcs: instrs
                .iter()
                .zip(entry)
                .map(|(ins, entry)| PcProf {
                    count: Cell::new(0),
                    entry,
                    obs: sites::Obs::of(ins),
                    alloc_hint: Cell::new(u32::MAX),
                })
                .collect(),
            sites: OnceCell::new(),
        }
    }

    /// Address of the execution counter of instruction `pc`.
    pub fn count_addr(&self, pc: usize) -> *const u64 {
        self.pcs[pc].count.as_ptr()
    }

    /// Executions of instruction `pc` (0 when out of range).
    pub fn count(&self, pc: usize) -> u64 {
        self.pcs.get(pc).map_or(0, |p| p.count.get())
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
    /// `options.timing == Timing::Exact`, for the per-call hooks.
    pub exact: bool,
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
            exact: options.timing == Timing::Exact,
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

    /// A frame of `code` was pushed. Out of line, like `leave`: the calls
    /// are on every path that pushes a frame, and inlined they weighed on
    /// the interpreter loop. The common case calls nothing (so saves no
    /// registers); the rest goes to `enter_code_slow`.
    #[inline(never)]
    pub fn enter_code(&mut self, code: &Rc<Code>) {
        let id = code.prof.id.get();
        let memo = code.prof.edge_memo.get();
        if self.exact || id == u32::MAX || !self.calls.try_enter_memo(id, memo) {
            self.enter_code_other(code);
        }
    }

    /// `enter_code` for a call the memo does not cover: from the edge cache
    /// (callers taking turns, as in richards), or the slow path; either way
    /// the memo keeps this call's edge for the next.
    #[inline(never)]
    fn enter_code_other(&mut self, code: &Rc<Code>) {
        let id = code.prof.id.get();
        if self.exact || id == u32::MAX || !self.calls.try_enter_counted(id) {
            return self.enter_code_slow(code);
        }
        if let (Some(caller), Some(edge)) = (self.calls.caller_of_top(), self.calls.top_edge()) {
            code.prof
                .edge_memo
                .set(((caller as u64) << 32) | edge as u64);
        }
    }

    #[inline(never)]
    fn enter_code_slow(&mut self, code: &Rc<Code>) {
        let id = self.code_id(code);
        let caller = self.calls.current();
        self.enter(id);
        if let (Some(caller), Some(edge)) = (caller, self.calls.top_edge()) {
            code.prof
                .edge_memo
                .set(((caller as u64) << 32) | edge as u64);
        }
    }

    /// A call of function `id` starts: counted, and timed with exact timing.
    #[inline(never)]
    pub fn enter(&mut self, id: u32) {
        if self.exact {
            self.calls.enter(id, clock::ticks());
        } else {
            self.calls.enter_counted(id);
        }
    }

    /// The innermost call returns. Inlined into the frame pops: the sampled
    /// case is a few loads and stores; the exact case is a function of its
    /// own.
    #[inline(always)]
    pub fn leave(&mut self) {
        if self.exact {
            return self.leave_timed();
        }
        self.calls.leave_counted();
    }

    #[inline(never)]
    fn leave_timed(&mut self) {
        self.calls.leave(clock::ticks());
    }

    /// Count one sample on `stack` (innermost frame last).
    pub fn add_sample(&mut self, stack: Vec<(u32, u32)>, tier: Tier, weight: u64) {
        *self.stacks.entry((stack, tier)).or_insert(0) += weight;
        self.sample_total += weight;
    }
}
