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
pub mod stacks;

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::interp::frame::Frame;
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
/// per-instruction hook touches one cache line. Aligned to a line: 64
/// bytes, so that an index is a shift.
#[repr(align(64))]
pub struct PcProf {
    /// Executions, meaningful for line entries only (see `entry`): the
    /// interpreter counts every instruction (an add costs less than the
    /// test of `entry` it would take), compiled code counts line entries
    /// in counters of its own, added here when the profile is built
    /// (`jit::codegen::LineCounters`); `CodeProf::count` reads them.
    pub count: Cell<u64>,
    /// The instruction begins a line: the first one, one whose line differs
    /// from the previous instruction's, a jump target, or an exception
    /// handler's first (a `finally` body's copy on the exception path
    /// follows the normal path's copy, on the same line). Their counts are
    /// the lines' entry counts and the loops' iterations.
    pub entry: bool,
    /// Which registers the instruction's type observation reads (decoded
    /// with the code, so the hook does not decode the instruction). Left
    /// empty (`n` 0) until the code's sites are allocated (`site`), so that
    /// the hook's one test of `n` also says `site` is there: the test of
    /// `site` it made as well was three instructions per observed
    /// instruction.
    pub obs: Cell<sites::Obs>,
    /// The allocation sites this instruction counted last, the latest
    /// first (see `allocs::AllocRecorder`). Two: a call or a constructor
    /// often allocates two types in turn (an instance and its dict, a list
    /// and its iterator), and one hint then missed every time.
    pub alloc_hint: [allocs::Hint; 2],
    /// The instruction's observed types (`CodeProf::sites`; null until they
    /// are allocated, and for instructions that observe nothing), so the
    /// per-instruction hook reaches them without a lookup. Never null when
    /// `obs.n` is not 0.
    pub site: Cell<*const sites::SiteTypes>,
    /// The instruction itself (a copy of the code's, which never changes),
    /// which the recording interpreter reads here rather than from the
    /// code: the hook has this entry's address at hand, and the loop then
    /// keeps one pointer to its code's instructions instead of two.
    pub instr: Instr,
}

/// Per-code-object recording state, kept in the `Code` so the interpreter
/// reaches it without a lookup.
#[derive(Default)]
#[repr(C)]
pub struct CodeProf {
    /// The function's call counts (see `calls`): here, at an address that
    /// does not change, so calls from compiled code can count in place.
    /// First, at a small offset in `Code` (see there).
    pub counts: calls::Counts,
    /// The function's index in the profile (u32::MAX until first run).
    pub id: Cell<u32>,
    /// The caller edge of the function's last counted call (null: none).
    /// Most functions are called from one place at a time, so a call
    /// usually finds its edge here, with one compare of the caller.
    pub edge_memo: Cell<*const calls::Edge>,
    /// Per instruction. Allocated with the code so compiled code can count
    /// line entries at a fixed address.
    pub pcs: Box<[PcProf]>,
    /// Observed types per instruction, allocated on first run when recording.
    pub sites: OnceCell<Box<[sites::SiteTypes]>>,
    /// Per instruction, for a call: the caller edge its last call was
    /// counted on (null: none), for callees called from several places in
    /// turn, whose own memo (`edge_memo`) keeps missing. Not in `PcProf`,
    /// which the interpreter's hook indexes at every instruction and which
    /// is 32 bytes without it (an index is then a shift). Every edge here
    /// has this code's function as its caller (a call a builtin makes is
    /// never noted at the instruction that called the builtin), so a
    /// call found here needs only its callee compared (`enter_frame`).
    pub call_edges: Box<[Cell<*const calls::Edge>]>,
}

const _: () = assert!(std::mem::size_of::<PcProf>() == 64);

impl CodeProf {
    /// For `instrs`, whose source lines `line_at` gives and whose
    /// exception handlers start at `handlers`.
    pub fn new(
        instrs: &[Instr],
        handlers: impl Iterator<Item = u32>,
        line_at: impl Fn(usize) -> u32,
    ) -> CodeProf {
        let mut entry = vec![false; instrs.len()];
        for (pc, ins) in instrs.iter().enumerate() {
            if pc == 0 || line_at(pc) != line_at(pc - 1) {
                entry[pc] = true;
            }
            if let Some(e) = ins.jump_target().and_then(|t| entry.get_mut(t as usize)) {
                *e = true;
            }
        }
        for h in handlers {
            if let Some(e) = entry.get_mut(h as usize) {
                *e = true;
            }
        }
        CodeProf {
            id: Cell::new(u32::MAX),
            counts: calls::Counts::default(),
            edge_memo: Cell::new(std::ptr::null()),
            pcs: instrs
                .iter()
                .zip(entry)
                .map(|(&instr, entry)| PcProf {
                    instr,
                    count: Cell::new(0),
                    entry,
                    obs: Cell::new(sites::Obs::default()),
                    alloc_hint: Default::default(),
                    site: Cell::new(std::ptr::null()),
                })
                .collect(),
            sites: OnceCell::new(),
            call_edges: instrs.iter().map(|_| Cell::new(std::ptr::null())).collect(),
        }
    }

    /// Executions of instruction `pc` when it begins a line (0 for the
    /// others, whose `count` the interpreter keeps without meaning, and out
    /// of range).
    pub fn count(&self, pc: usize) -> u64 {
        self.pcs
            .get(pc)
            .filter(|p| p.entry)
            .map_or(0, |p| p.count.get())
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

/// Buffers a sample is built in, kept from one sample to the next so that
/// taking a sample allocates nothing: it made and freed three or four small
/// vectors per sample (the stack, the Python frames walked, the compiled
/// chain) in the allocator pages the program's objects come from (see
/// `stacks` for what that costs).
#[derive(Default)]
pub struct SampleScratch {
    /// The stack being built (function, line), outermost first.
    pub stack: Vec<(u32, u32)>,
    /// The Python frames walked: (frame index, (function, line)).
    pub python: Vec<(usize, (u32, u32))>,
    /// Compiled activations' code addresses, innermost first.
    pub chain: Vec<u64>,
    /// Compiled activations that returned since the signal.
    pub returned: Vec<(u32, u32)>,
}

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
    pub stacks: stacks::StackTable,
    pub sample_scratch: SampleScratch,
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
            stacks: stacks::StackTable::default(),
            sample_scratch: SampleScratch::default(),
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
        if let Some(sites) = code.prof.sites.get() {
            // Boxed: the sites stay where they are while the code lives.
            let all = code.prof.pcs.iter().zip(sites.iter()).zip(&code.instrs);
            for ((p, site), ins) in all {
                let obs = sites::Obs::of(ins);
                if obs.n != 0 {
                    // The site first: `obs.n` says it is there.
                    p.site.set(site);
                    p.obs.set(obs);
                }
            }
        }
        self.funcs.push(FuncKey::Python(code.clone()));
        // The code lives as long as `funcs`, so its counts stay there.
        self.calls.register(id, &code.prof.counts);
        id
    }

    /// The edge of calls of `callee` from `caller` (both Python functions)
    /// for compiled code to count them at a call site whose callee is fixed
    /// (`jit/gen_rec_calls.rs`), made when the site is compiled so the code
    /// holds it as a constant instead of testing whether its entry learned
    /// it yet. None with exact timing (the hooks count every call), or while
    /// either function has no profile index (a function gets one at its
    /// first call: making it here would list a function never called).
    pub fn edge_at_compile(&mut self, caller: &Code, callee: &Code) -> Option<*const calls::Edge> {
        let (caller_id, callee_id) = (caller.prof.id.get(), callee.prof.id.get());
        if self.exact || caller_id == u32::MAX || callee_id == u32::MAX {
            return None;
        }
        let key = &caller.prof.counts as *const calls::Counts as usize;
        Some(
            self.calls
                .edge(calls::Caller { key, id: caller_id }, callee_id),
        )
    }

    /// The edge of calls of builtin `id` made by compiled code of `caller`,
    /// for a call site that counts them itself
    /// (`jit/codegen/inline_counts.rs`): found or made, as `edge_at_compile`.
    /// None with exact timing, or when either has no profile index yet.
    pub fn builtin_edge_at_compile(
        &mut self,
        caller: &Code,
        id: u32,
    ) -> Option<*const calls::Edge> {
        let caller_id = caller.prof.id.get();
        if self.exact || caller_id == u32::MAX || !self.calls.is_registered(id) {
            return None;
        }
        let key = &caller.prof.counts as *const calls::Counts as usize;
        Some(self.calls.edge(calls::Caller { key, id: caller_id }, id))
    }

    /// Where the builtin call whose activation is not counted yet is noted
    /// (`calls::CallTimes::lazy`), for compiled code to read.
    pub fn lazy_builtin_slot(&self) -> *const *const calls::Edge {
        self.calls.lazy_slot()
    }

    /// Where the depth of the innermost builtin call in progress is noted
    /// (`calls::CallTimes::builtin_depth`; `usize::MAX`: none, counted or
    /// `lazy`), for compiled code to read.
    pub fn builtin_depth_slot(&self) -> *const usize {
        &self.calls.builtin_depth
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
        self.calls.register_builtin(id);
        id
    }

    /// The key of the function running in `frame`, as a caller.
    #[inline(always)]
    fn frame_key(frame: &Frame) -> usize {
        &frame.code().prof.counts as *const calls::Counts as usize
    }

    /// The top frame of `frames` was pushed: count the call. Out of line,
    /// like the pops' `leave_frame` is not: the calls are on every path that
    /// pushes a frame, and inlined they weighed on the interpreter loop. The
    /// common cases call nothing, so save no registers; the rest goes to
    /// `enter_frame_slow`.
    ///
    /// The edge is looked for first where the caller's call site left it
    /// (`CodeProf::call_edges`), then in the callee's memo (`edge_memo`):
    /// a call site nearly always calls one function, while a function is
    /// often called from several in turn (a constructor, `__add__`: in
    /// raytrace half the calls missed the callee's memo, and took a second
    /// function to find the site's).
    #[inline(never)]
    pub fn enter_frame(&mut self, frames: &mut [Frame]) {
        let Some((top, below)) = frames.split_last_mut() else {
            return;
        };
        let callee = &top.code().prof.counts as *const calls::Counts;
        let key = if self.calls.builtin_depth == below.len() {
            self.calls.builtin_caller_key(below.len(), None)
        } else if let Some(caller) = below.last() {
            // The caller's pc is past its call (stored at every push).
            let site = caller.code().prof.call_edges.get(caller.pc.wrapping_sub(1));
            if let Some(e) = site.map(Cell::get) {
                // SAFETY: a site's edge is one of this recorder's (boxed in
                // `calls`, never freed while it lives), whose caller is the
                // site's function (`CodeProf::call_edges`). With exact
                // timing no site or memo is set, so every call takes the
                // slow path, which times it.
                if !e.is_null() && unsafe { (*e).callee_counts == callee } {
                    debug_assert_eq!(unsafe { (*e).caller_key }, Self::frame_key(caller));
                    unsafe { (*e).start() };
                    top.rec_edge = e;
                    return;
                }
            }
            Self::frame_key(caller)
        } else {
            calls::ROOT_KEY
        };
        let memo = top.code().prof.edge_memo.get();
        // SAFETY: as for the site's edge above.
        if !memo.is_null() && unsafe { (*memo).caller_key } == key {
            unsafe { (*memo).start() };
            top.rec_edge = memo;
            return;
        }
        self.enter_frame_slow(frames);
    }

    /// `enter_frame`'s common case, for the top frame `top` (of code
    /// `callee`), called by the frame below it, of `depth` Python frames
    /// in all below `top`, at the call instruction whose site edge
    /// (`CodeProf::call_edges`) is `site`: the call is counted on that
    /// edge when it is the callee's, and true returned; false (nothing
    /// done) otherwise, for `enter_frame` to count it. For callers that
    /// have the site and both codes at hand (compiled code's calls through
    /// Rust, `jit/direct.rs`), which saves `enter_frame` finding the two
    /// frames and their code again: some 20 instructions of its 31 (a
    /// construct in raytrace).
    #[inline(always)]
    pub fn enter_at_site(
        &mut self,
        site: &Cell<*const calls::Edge>,
        callee: &Code,
        depth: usize,
        top: &mut Frame,
    ) -> bool {
        let e = site.get();
        // SAFETY: as in `enter_frame`: a site's edge is one of this
        // recorder's, whose caller is the site's function; with exact timing
        // no site is set. A builtin running at this depth would be the
        // call's caller instead (as `enter_frame` tests first).
        if e.is_null()
            || unsafe { (*e).callee_counts } != &callee.prof.counts as *const calls::Counts
            || self.calls.builtin_depth == depth
        {
            return false;
        }
        // SAFETY: as above.
        unsafe { (*e).start() };
        top.rec_edge = e;
        true
    }

    #[inline(never)]
    fn enter_frame_slow(&mut self, frames: &mut [Frame]) {
        let i = frames.len() - 1;
        let code = frames[i].func.code.clone();
        let id = self.code_id(&code);
        let caller = match i.checked_sub(1) {
            _ if self.calls.builtin_depth == i => self.calls.builtin_caller(),
            Some(j) => {
                let c = frames[j].func.code.clone();
                Some(calls::Caller {
                    key: Self::frame_key(&frames[j]),
                    id: self.code_id(&c),
                })
            }
            None => None,
        }
        .unwrap_or(calls::Caller::ROOT);
        let e = self.calls.edge(caller, id);
        if !self.exact {
            code.prof.edge_memo.set(e);
            // Not when a builtin is the caller: a site's edges are its
            // function's (`CodeProf::call_edges`).
            let by_frame = self.calls.builtin_depth != i;
            if let Some(site) = i.checked_sub(1).filter(|_| by_frame).and_then(|j| {
                frames[j]
                    .code()
                    .prof
                    .call_edges
                    .get(frames[j].pc.wrapping_sub(1))
            }) {
                site.set(e);
            }
        }
        // SAFETY: `edge` returns an edge it owns.
        unsafe { (*e).start() };
        if self.exact {
            self.calls.start_timed(clock::ticks());
        }
        frames[i].rec_edge = e;
    }

    /// `frame`, the top one, returns (or yields, or unwinds) and is popped
    /// next. Inlined into the pops: the sampled case is a few loads and
    /// stores; the exact case is a function of its own.
    #[inline(always)]
    pub fn leave_frame(&mut self, frame: &mut Frame) {
        let e = frame.rec_edge;
        if e.is_null() {
            return;
        }
        frame.rec_edge = std::ptr::null();
        // A call counted on the self-recursion path uncounts nothing (see
        // `recorder::calls`).
        let Some(e) = calls::counted(e) else {
            return;
        };
        if self.exact {
            return self.leave_timed(e);
        }
        // SAFETY: a frame's edge is one of this recorder's (see `enter_frame`).
        unsafe { (*e).end() }
    }

    #[inline(never)]
    fn leave_timed(&mut self, e: *const calls::Edge) {
        // SAFETY: as in `leave_frame`.
        self.calls.finish_timed(unsafe { &*e }, clock::ticks());
    }

    /// A call of builtin `id` (u32::MAX: not known yet) starts, with
    /// `frames` the Python frames, in the common cases: a Python function
    /// calls it, with sampled timing, from a call site that called it last
    /// (the site's memo holds the edge), or from where it was called last
    /// (its memo holds the caller's edge: a call site that calls several
    /// builtins in turn). The site first, as in `enter_frame`: a builtin is
    /// often called from several functions in turn (isinstance in
    /// richards, len). Inlined into the builtin call's hook; false (nothing
    /// done) for the rest, which `enter_builtin` counts. The call's
    /// activation is counted only if another builtin call starts in it
    /// (`calls::CallTimes::lazy`).
    #[inline(always)]
    pub fn enter_builtin_memo(&mut self, id: u32, frames: &[Frame]) -> bool {
        let depth = frames.len();
        let Some(top) = frames.last() else {
            return false;
        };
        // The caller's pc is past its call, as in `builtin_edge`.
        let code = top.code();
        let site = code.prof.call_edges.get(top.pc.wrapping_sub(1));
        self.enter_builtin_at(code, site, id, depth)
    }

    /// `enter_builtin_memo` of a call made by the top frame (`depth` Python
    /// frames), running `code`, at the instruction whose entry of
    /// `CodeProf::call_edges` is `site` (None: an instruction it has none
    /// for): for a caller that has them at hand (compiled code's builtin
    /// calls, `calls::jit_call`), which saves finding the frame and its
    /// code again, and the entry's bounds check. A call found by
    /// the builtin's memo notes its edge at the site, which then finds it
    /// first (a function calling `append` at two sites: the memo holds the
    /// edge the first one made).
    #[inline(always)]
    pub fn enter_builtin_at(
        &mut self,
        code: &Code,
        site: Option<&Cell<*const calls::Edge>>,
        id: u32,
        depth: usize,
    ) -> bool {
        if self.calls.builtin_depth == depth {
            return false;
        }
        let key = &code.prof.counts as *const calls::Counts as usize;
        let mut e = site.map_or(std::ptr::null(), Cell::get);
        // SAFETY: as in `enter_frame`. With exact timing no site or memo is
        // set (see `builtin_edge`). A site's edge has the site's function
        // as its caller (`CodeProf::call_edges`): only its callee is
        // compared, as `enter_frame` does.
        if e.is_null() || unsafe { (*e).callee != id } {
            let Some(memo) = self.calls.builtin_memo_of(id) else {
                return false;
            };
            e = memo.get();
            // SAFETY: as in `enter_frame`.
            if e.is_null() || unsafe { (*e).caller_key } != key {
                return false;
            }
            if let Some(site) = site {
                site.set(e);
            }
        }
        // SAFETY: as in `enter_frame`.
        debug_assert_eq!(unsafe { (*e).caller_key }, key);
        // SAFETY: as in `enter_frame`.
        self.calls.enter_lazy(unsafe { &*e }, depth)
    }

    /// A call of builtin `id` starts, with `frames` the Python frames.
    #[inline]
    pub fn enter_builtin(&mut self, id: u32, frames: &[Frame]) {
        // The builtin call in progress whose activation is not counted yet
        // gets it counted before this call reads the counts
        // (`calls::CallTimes::lazy`).
        self.calls.count_lazy();
        let depth = frames.len();
        let key = self
            .calls
            .builtin_caller_key(depth, frames.last().map(Self::frame_key));
        let memo = self.calls.builtin_memo(id).get();
        // SAFETY: as in `enter_frame`.
        let e = if !memo.is_null() && unsafe { (*memo).caller_key } == key {
            memo
        } else {
            self.builtin_edge(id, frames, key)
        };
        // SAFETY: as in `enter_frame`.
        unsafe { (*e).start() };
        if self.exact {
            self.calls.start_timed(clock::ticks());
        }
        self.calls.push_builtin(e, depth);
    }

    /// The edge of a call of builtin `id` the memo does not hold: the one
    /// its call site (the top frame's, when no builtin calls it) took last,
    /// or found in the tables.
    #[inline(never)]
    fn builtin_edge(&mut self, id: u32, frames: &[Frame], key: usize) -> *const calls::Edge {
        let depth = frames.len();
        let site = frames
            .last()
            .filter(|_| self.calls.builtin_depth != depth)
            .and_then(|f| f.code().prof.call_edges.get(f.pc.wrapping_sub(1)));
        if let Some(site) = site {
            let e = site.get();
            // SAFETY: as in `enter_frame`.
            if !e.is_null() && unsafe { (*e).caller_key == key && (*e).callee == id } {
                self.calls.builtin_memo(id).set(e);
                return e;
            }
        }
        let caller = if self.calls.builtin_depth == depth {
            self.calls.builtin_caller()
        } else {
            frames.last().map(|f| {
                let c = f.func.code.clone();
                calls::Caller {
                    key: Self::frame_key(f),
                    id: self.code_id(&c),
                }
            })
        }
        .unwrap_or(calls::Caller::ROOT);
        let e = self.calls.edge(caller, id);
        if !self.exact {
            self.calls.builtin_memo(id).set(e);
            if let Some(site) = site {
                site.set(e);
            }
        }
        e
    }

    /// The innermost builtin call returns. Always inlined: its common
    /// path (a `lazy` call's) is three stores, and jit_call's builtin
    /// calls (`Vm::call_native_at`) called it out of line.
    #[inline(always)]
    pub fn leave_builtin(&mut self) {
        let e = self.calls.pop_builtin();
        if e.is_null() {
            return;
        }
        if self.exact {
            return self.leave_timed(e);
        }
        // SAFETY: as in `leave_frame`.
        unsafe { (*e).end() }
    }

    /// The run stopped: close the activations still open (innermost first,
    /// so exact times add up) and forget them.
    pub fn leave_all(&mut self, frames: &mut [Frame]) {
        // Every activation counted, so each one below is uncounted once.
        self.calls.count_lazy();
        let mut open: Vec<*const calls::Edge> = Vec::new();
        let mut builtins = self.calls.builtin_stack().peekable();
        for (i, f) in frames.iter().enumerate() {
            while let Some((e, _)) = builtins.next_if(|&(_, d)| d <= i) {
                open.push(e);
            }
            if let Some(e) = calls::counted(f.rec_edge) {
                open.push(e);
            }
        }
        open.extend(builtins.map(|(e, _)| e as *const calls::Edge));
        let now = clock::ticks();
        for &e in open.iter().rev() {
            if self.exact {
                // SAFETY: as in `leave_frame`.
                self.calls.finish_timed(unsafe { &*e }, now);
            } else {
                unsafe { (*e).end() };
            }
        }
        for f in frames.iter_mut() {
            f.rec_edge = std::ptr::null();
        }
        self.calls.clear_builtins();
    }

    /// Every sampled stack with its tier and sample count.
    pub fn sampled_stacks(&self) -> impl Iterator<Item = (&[(u32, u32)], Tier, u64)> + '_ {
        self.stacks.iter()
    }

    /// Count one sample on `stack` (innermost frame last).
    pub fn add_sample(&mut self, stack: &[(u32, u32)], tier: Tier, weight: u64) {
        self.stacks.add(stack, tier, weight);
        self.sample_total += weight;
    }
}
