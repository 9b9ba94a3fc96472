//! Per-function call counts and, with `--timing exact`, times: every call
//! and return, Python and builtin, in the interpreter and in compiled code.
//!
//! The figures are cProfile's, so the pstats export means what snakeviz and
//! gprof2dot expect: primitive calls are the calls that were not recursive
//! (no activation of the function was running), cumulative time is added
//! only when the outermost activation of a function returns (so recursion is
//! not counted twice), and each caller edge keeps the same four figures for
//! the calls made from that caller.
//!
//! A call is counted on its caller edge: an `Edge` (boxed, so its address
//! never changes) holds the edge's figures and points at the callee's
//! (`Counts`, kept in the callee's `CodeProf` for a Python function, boxed
//! here for a builtin). The activation is that one pointer: a Python frame
//! keeps it in `Frame::rec_edge`, a builtin call on `builtins` below, so a
//! return uncounts the edge and the callee through it, and there is no
//! activation stack to keep. (A builtin call that calls no other builtin
//! has its call counted but not its activation: `CallTimes::lazy`.) Calls
//! made from no function (the main module's frame) have an edge too, with
//! caller `NO_CALLER`; the profile leaves it out.
//!
//! A function's calls are the sum of its edges' (`CallTimes::figures`), so
//! a call counts `calls` on its edge only. Primitive calls are counted as
//! the calls less the recursive ones (`Counts`), which are counted only
//! when a call is recursive: a call of a function not running counts its
//! call and one activation of the callee, and notes its edge as the
//! callee's outermost (`Counts::outer`); only a call of a function running
//! already (rare outside recursion) tests whether its edge is active and
//! counts activations on the edge too. Activations end last in, first out,
//! so the return that ends the callee's last activation is the outermost
//! call's, and it uncounts nothing on the edge (`Edge::end`).
//!
//! Self-recursion through one edge has a cheaper path in compiled code
//! (`jit/gen_rec_calls.rs`): a call of f made by an activation of f that
//! itself was called on the edge f->f is certainly recursive for the edge
//! and for f, and both stay active (the activation holding the counts, at
//! or below the caller, returns after it: activations end last in, first
//! out), so the call only counts `Edge::fast_calls` (recursive for both)
//! and the new frame holds the edge tagged with `FAST_TAG`: its return
//! uncounts nothing.
//!
//! Finding the edge is the rest of a call's cost. A caller is told apart by
//! the address of its `Counts` (its key); a callee's last edge is memoised
//! beside its counts (`CodeProf::edge_memo`, `builtin_memo`), so a function
//! called from one place at a time finds it with one compare; callers
//! taking turns find it in a direct-mapped cache, then in a map.
//!
//! Sampled timing (the default) only counts. Exact timing also reads the
//! clock per call and return and keeps the activations' start and child
//! times on a stack of its own (`times`), pushed and popped with the calls.

use std::cell::Cell;
use std::ptr;

use rustc_hash::FxHashMap;

/// Function index meaning "no caller" (the main module's activation).
pub const NO_CALLER: u32 = u32::MAX;

/// The key of "no caller" (no `Counts` is at address 1).
pub const ROOT_KEY: usize = 1;

/// Entries in the edge cache (a power of two). Each is one pointer, so the
/// cache is 2 KiB and stays in the L1 cache beside the program's data.
const CACHE_BITS: u32 = 8;
const CACHE_SIZE: usize = 1 << CACHE_BITS;

#[inline(always)]
fn cache_index(caller: usize, callee: usize) -> usize {
    let h = (caller as u64 ^ (callee as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - CACHE_BITS)) as usize
}

/// The low bit of a frame's edge (`Frame::rec_edge`) when its call took the
/// self-recursion path (see the module comment): the return uncounts
/// nothing. Edges are boxed, so their addresses have it clear.
pub const FAST_TAG: usize = 1;

/// The edge a frame's call must be uncounted on when it returns: `e`, unless
/// it is null or tagged `FAST_TAG` (nothing to uncount).
#[inline(always)]
pub fn counted(e: *const Edge) -> Option<*const Edge> {
    (!e.is_null() && e as usize & FAST_TAG == 0).then_some(e)
}

/// The counts and times cProfile keeps, for a function and for each of its
/// caller edges alike. Cells: compiled code and the hooks update them in
/// place, through shared references and raw pointers.
///
/// Primitive calls are not counted: the recursive ones are, so the common
/// call (not recursive) writes nothing for it, and compiled code tests with
/// a branch that is rarely taken instead of adding a borrow with `adc` on
/// every call (a read-modify-write, two of them per call). Primitive calls
/// are the calls less the recursive ones (`Edge::figures`,
/// `CallTimes::figures`).
#[derive(Debug)]
#[repr(C)]
pub struct Counts {
    /// An edge's calls, but those of `Edge::fast_calls` and
    /// `Edge::self_calls`. A function's are its edges' sum
    /// (`CallTimes::figures`): left 0 in its own counts.
    pub calls: Cell<u64>,
    /// Activations on the stack now, negated (0 minus the count, wrapping):
    /// a function's all; an edge's only those started while its callee was
    /// active already (the recursive ones; the callee's outermost
    /// activation is `outer`'s). Negated so that compiled code's `sub 1`
    /// borrows exactly when no activation was running, and its `add 1`
    /// gives zero exactly when the last one ends.
    pub minus_active: Cell<u64>,
    /// Calls counted as recursive: made while an activation (of the
    /// function, or of the function called from this caller) was running.
    pub recursive: Cell<u64>,
    /// A function's: the edge of its outermost activation, while it has
    /// one (stale otherwise). An edge is active when it holds recursive
    /// activations or is its callee's `outer`: its outermost activation
    /// costs no read-modify-write of the edge's `minus_active` then, and
    /// the call nothing but this store.
    pub outer: Cell<*const Edge>,
    pub self_ticks: Cell<u64>,
    pub cum_ticks: Cell<u64>,
}

impl Default for Counts {
    fn default() -> Self {
        Counts {
            calls: Cell::new(0),
            minus_active: Cell::new(0),
            recursive: Cell::new(0),
            outer: Cell::new(ptr::null()),
            self_ticks: Cell::new(0),
            cum_ticks: Cell::new(0),
        }
    }
}

/// What `Counts` holds, read out for the profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub calls: u64,
    pub primitive_calls: u64,
    pub self_ticks: u64,
    pub cum_ticks: u64,
}

impl Counts {
    /// Whether an activation runs now (a function's counts).
    #[inline(always)]
    fn running(&self) -> bool {
        self.minus_active.get() != 0
    }
}

/// The calls of one function from one caller, and the activation record of
/// each of them (see the module comment).
///
/// Laid out for the cache: a call counted in Rust (`Recorder::enter_frame`
/// and the sites of `jit/direct.rs`) reads the callee's counts or the
/// caller's key and then counts in `counts`, so those three share the
/// first 64 bytes, and the edge starts a cache line. Unaligned, with the
/// key and the callee's counts at its end, an edge spread over two or
/// three lines: deltablue's constructs missed in the level-1 data cache on
/// `callee_counts` after counting in `counts` (72K misses of 1.3M).
#[derive(Debug)]
#[repr(C, align(64))]
pub struct Edge {
    pub counts: Counts,
    /// The callee's counts (in its `CodeProf`, or boxed in `CallTimes`).
    pub callee_counts: *const Counts,
    /// The caller's key (the address of its counts, or `ROOT_KEY`).
    pub caller_key: usize,
    /// Calls counted inline by compiled code that enter the callee's
    /// direct entry (`jit/gen_rec_calls.rs`): as `Counts::calls`, and
    /// besides they are the entries of the callee's first block that its
    /// code leaves uncounted (`direct_entries`, `jit/codegen/linecount.rs`).
    pub direct_calls: Cell<u64>,
    /// Calls made on the self-recursion path (see the module comment):
    /// recursive for the edge and for the function, so counting them here
    /// counts that too.
    pub fast_calls: Cell<u64>,
    /// Calls a self-call site's base case answered (`jit/gen_rec_calls.rs`;
    /// the caller is an activation of the callee): recursive for the
    /// function, and for the edge but those counted in `self_primitive`
    /// (the edge is active at nearly all of them, so that is the rare case
    /// and the one counted).
    pub self_calls: Cell<u64>,
    pub self_primitive: Cell<u64>,
    pub caller: u32,
    pub callee: u32,
}

// The fields a call counted in Rust reads and writes share a cache line.
const _: () =
    assert!(std::mem::offset_of!(Edge, caller_key) + 8 <= 64 && std::mem::align_of::<Edge>() == 64);

impl Edge {
    fn callee_counts(&self) -> &Counts {
        // SAFETY: an edge's callee counts live as long as the recorder,
        // which owns the edge (see `CallTimes::register`).
        unsafe { &*self.callee_counts }
    }

    /// A call on this edge starts.
    #[inline(always)]
    pub fn start(&self) {
        self.counts.calls.set(self.counts.calls.get() + 1);
        self.start_activation(true);
    }

    /// The activation of a call on this edge starts: one more of the
    /// callee's, and the edge its `outer` when it ran none; otherwise a
    /// recursive call (counted when `count_recursion`: `start`), and one
    /// more of the edge's own. Inlined, so the hooks' common paths stay
    /// free of calls (a call makes them save registers:
    /// `Recorder::enter_frame`).
    #[inline(always)]
    fn start_activation(&self, count_recursion: bool) {
        let callee = self.callee_counts();
        let a = callee.minus_active.get();
        callee.minus_active.set(a.wrapping_sub(1));
        if a == 0 {
            callee.outer.set(self);
        } else {
            if count_recursion {
                self.count_recursive(callee);
            }
            let c = &self.counts;
            c.minus_active.set(c.minus_active.get().wrapping_sub(1));
        }
    }

    /// A call on this edge starts while its callee runs: a recursive call
    /// of the function, and of the edge when it is active (read before
    /// the call's activation, if it has one, is counted).
    #[inline(always)]
    fn count_recursive(&self, callee: &Counts) {
        callee.recursive.set(callee.recursive.get() + 1);
        if self.active(callee) {
            let c = &self.counts;
            c.recursive.set(c.recursive.get() + 1);
        }
    }

    /// A builtin's call on this edge starts, its activation left
    /// uncounted until another builtin call starts in it (see
    /// `CallTimes::lazy`): its call, and whether it is recursive, as
    /// `start` counts them; no store to `minus_active` or `outer`.
    #[inline(always)]
    pub fn start_lazy(&self) {
        self.counts.calls.set(self.counts.calls.get() + 1);
        let callee = self.callee_counts();
        if callee.running() {
            self.count_recursive(callee);
        }
    }

    /// Count the activation of a call `start_lazy` counted, as `start`
    /// would have, its call and recursion left as counted. The counts it
    /// reads are as `start_lazy` found them: no builtin call started or
    /// ended since (`CallTimes::lazy`), and only builtin calls count this
    /// edge and its callee.
    #[inline]
    fn count_activation(&self) {
        self.start_activation(false);
    }

    /// Whether an activation of a call on this edge runs, while its callee
    /// (`callee`, its counts) runs (see `Counts::outer`).
    #[inline(always)]
    fn active(&self, callee: &Counts) -> bool {
        self.counts.running() || ptr::eq(callee.outer.get(), self)
    }

    /// A call on this edge returns (counted only). Every `end` follows a
    /// `start`, last in first out (an activation's edge is uncounted once:
    /// `Frame::rec_edge` is cleared, and `builtins` popped), so the call
    /// that ends the callee's last activation is the one that started it.
    #[inline(always)]
    pub fn end(&self) {
        let callee = self.callee_counts();
        let a = callee.minus_active.get().wrapping_add(1);
        callee.minus_active.set(a);
        if a != 0 {
            let c = &self.counts;
            c.minus_active.set(c.minus_active.get().wrapping_add(1));
        }
    }

    /// A call on this edge ends after `elapsed` ticks, `own` of them its
    /// own: as `end`, and cumulative time is added to the edge and to the
    /// callee when their last activation ends.
    fn finish(&self, elapsed: u64, own: u64) {
        let callee = self.callee_counts();
        let c = &self.counts;
        for k in [c, callee] {
            k.self_ticks.set(k.self_ticks.get() + own);
        }
        self.end();
        let last_of_edge = if callee.running() {
            !self.active(callee)
        } else {
            callee.cum_ticks.set(callee.cum_ticks.get() + elapsed);
            true
        };
        if last_of_edge {
            c.cum_ticks.set(c.cum_ticks.get() + elapsed);
        }
    }

    /// The edge's calls, however counted.
    pub fn total_calls(&self) -> u64 {
        self.counts.calls.get()
            + self.direct_calls.get()
            + self.fast_calls.get()
            + self.self_calls.get()
    }

    /// Its calls that entered the callee's direct entry, which counts no
    /// line of the callee's first block (`jit/codegen/linecount.rs`): the
    /// inline-counted ones and those on the self-recursion path.
    pub fn direct_entries(&self) -> u64 {
        self.direct_calls.get() + self.fast_calls.get()
    }

    /// The call the hook just counted (`start`) goes on to the callee's
    /// direct entry (`jit_rec_enter_site`): count it as the inline
    /// counting would have, in `direct_calls`.
    pub fn count_as_direct(&self) {
        let c = &self.counts.calls;
        if c.get() > 0 {
            c.set(c.get() - 1);
            self.direct_calls.set(self.direct_calls.get() + 1);
        }
    }

    /// Its calls known recursive for the function without being counted
    /// in the function's `recursive`.
    fn callee_recursive(&self) -> u64 {
        self.fast_calls.get() + self.self_calls.get()
    }

    pub fn figures(&self) -> Figures {
        let c = &self.counts;
        Figures {
            calls: self.total_calls(),
            // Calls on the self-recursion path and answered self-calls are
            // recursive for the edge, but `self_primitive`.
            primitive_calls: (c.calls.get() + self.direct_calls.get() + self.self_primitive.get())
                .saturating_sub(c.recursive.get()),
            self_ticks: c.self_ticks.get(),
            cum_ticks: c.cum_ticks.get(),
        }
    }
}

/// Who makes a call: its key (see the module comment) and its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caller {
    pub key: usize,
    pub id: u32,
}

impl Caller {
    pub const ROOT: Caller = Caller {
        key: ROOT_KEY,
        id: NO_CALLER,
    };
}

/// A builtin's call in progress.
#[derive(Clone, Copy, Debug)]
struct BuiltinCall {
    edge: *const Edge,
    /// The number of Python frames when it was made: the frame pushed at
    /// this index is called by the builtin.
    depth: usize,
    /// `CallTimes::builtin_depth` before it, restored when it returns.
    outer_depth: usize,
}

/// An activation's times (exact timing).
#[derive(Clone, Copy, Debug)]
struct Timed {
    start: u64,
    /// Ticks spent in callees, subtracted for self time.
    child: u64,
}

pub struct CallTimes {
    /// By function id: where its counts are.
    counts: Vec<*const Counts>,
    /// Builtins' counts (Python functions' are in their code).
    builtin_counts: Vec<Box<Counts>>,
    /// By function id: the last edge a call of it took (builtins only;
    /// a Python function keeps it in its `CodeProf`).
    builtin_memo: Vec<Cell<*const Edge>>,
    edges: Vec<Box<Edge>>,
    /// By callee id: indices into `edges`.
    edges_of: Vec<Vec<u32>>,
    /// (caller key, callee id) -> index into `edges`.
    edge_of: FxHashMap<(usize, u32), u32>,
    cache: Box<[*const Edge; CACHE_SIZE]>,
    /// Builtin calls in progress, innermost last, but for `lazy`. Their
    /// activations are counted (`Counts::minus_active`).
    builtins: Vec<BuiltinCall>,
    /// The innermost builtin call that started on the common path
    /// (`enter_lazy`) while no other builtin call started after it (null:
    /// none): its call is counted, its activation not. Most builtin calls
    /// (len, isinstance, str methods) call nothing, and then their
    /// activation changes no count: only a later call of the same builtin
    /// reads it (whether that call is recursive, and for its edge). So the
    /// next builtin call to start, in it or in Python code it called, first
    /// counts it and moves it to `builtins` (`count_lazy`, on the full path:
    /// `enter_lazy` refuses); Python frames pushed inside it only take it as
    /// their caller. It saves per call the push and pop on `builtins` and
    /// the activation's start and end on the callee's counts (two
    /// read-modify-writes of `minus_active` and the store of `outer`).
    lazy: *const Edge,
    /// `builtin_depth` before `lazy`, restored when it returns.
    lazy_outer_depth: usize,
    /// `depth` of the innermost builtin call (usize::MAX: none), so a
    /// frame push tells its caller with one compare.
    pub builtin_depth: usize,
    /// Activations' times, innermost last (exact timing only).
    times: Vec<Timed>,
}

impl Default for CallTimes {
    fn default() -> Self {
        CallTimes {
            counts: Vec::new(),
            builtin_counts: Vec::new(),
            builtin_memo: Vec::new(),
            edges: Vec::new(),
            edges_of: Vec::new(),
            edge_of: FxHashMap::default(),
            cache: Box::new([ptr::null(); CACHE_SIZE]),
            builtins: Vec::new(),
            lazy: ptr::null(),
            lazy_outer_depth: usize::MAX,
            builtin_depth: usize::MAX,
            times: Vec::new(),
        }
    }
}

impl CallTimes {
    /// Function `id` has its counts at `counts`, which must stay where they
    /// are while the recorder lives (the recorder keeps the code alive).
    #[cold]
    pub fn register(&mut self, id: u32, counts: *const Counts) {
        let i = id as usize;
        if self.counts.len() <= i {
            self.counts.resize(i + 1, ptr::null());
            self.edges_of.resize_with(i + 1, Vec::new);
            self.builtin_memo
                .resize_with(i + 1, || Cell::new(ptr::null()));
        }
        self.counts[i] = counts;
    }

    /// Register builtin `id`, whose counts this table keeps.
    #[cold]
    pub fn register_builtin(&mut self, id: u32) {
        let b = Box::<Counts>::default();
        let p: *const Counts = &*b;
        self.builtin_counts.push(b);
        self.register(id, p);
    }

    /// Whether function `id` has its counts registered.
    pub fn is_registered(&self, id: u32) -> bool {
        self.counts.get(id as usize).is_some_and(|p| !p.is_null())
    }

    /// The address of `lazy`, which compiled code reads (see
    /// `jit/codegen/inline_counts.rs`).
    pub fn lazy_slot(&self) -> *const *const Edge {
        &self.lazy
    }

    /// Function `id`'s key as a caller.
    pub fn key_of(&self, id: u32) -> usize {
        self.counts
            .get(id as usize)
            .map_or(ROOT_KEY, |&p| p as usize)
    }

    /// Function `id`'s figures (zero for an unknown id). Its calls are its
    /// edges' (see the module comment).
    pub fn figures(&self, id: u32) -> Figures {
        let f = match self.counts.get(id as usize) {
            // SAFETY: registered counts live as long as the recorder.
            Some(&p) if !p.is_null() => unsafe { &*p },
            _ => return Figures::default(),
        };
        let (mut calls, mut recursive) = (0, f.recursive.get());
        for &i in &self.edges_of[id as usize] {
            let e = &self.edges[i as usize];
            calls += e.total_calls();
            recursive += e.callee_recursive();
        }
        Figures {
            calls,
            primitive_calls: calls.saturating_sub(recursive),
            self_ticks: f.self_ticks.get(),
            cum_ticks: f.cum_ticks.get(),
        }
    }

    /// By the address of a callee's counts: its edges' calls that entered
    /// its direct entry (`Edge::direct_entries`), for the line counts of
    /// its first block (`JitRuntime::fold_line_counts`).
    pub fn direct_entries(&self) -> FxHashMap<usize, u64> {
        let mut m = FxHashMap::default();
        for e in &self.edges {
            let n = e.direct_entries();
            if n != 0 {
                *m.entry(e.callee_counts as usize).or_insert(0) += n;
            }
        }
        m
    }

    /// Calls of all functions.
    pub fn total_calls(&self) -> u64 {
        (0..self.counts.len() as u32)
            .map(|i| self.figures(i).calls)
            .sum()
    }

    /// Function `callee`'s caller edges (calls from no function left out):
    /// (caller id, figures). An edge with no call is left out too: compiled
    /// code makes the edges of its call sites when it is compiled
    /// (`Recorder::edge_at_compile`), and a site may never call.
    pub fn callers(&self, callee: u32) -> impl Iterator<Item = (u32, Figures)> + '_ {
        self.edges_of
            .get(callee as usize)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
            .iter()
            .map(|&i| &self.edges[i as usize])
            .filter(|e| e.caller != NO_CALLER && e.total_calls() != 0)
            .map(|e| (e.caller, e.figures()))
    }

    /// The edge of a call of `callee` by `caller`: found or made. Counts
    /// nothing; the caller memoises it.
    #[inline(never)]
    pub fn edge(&mut self, caller: Caller, callee: u32) -> *const Edge {
        let callee_counts = self.counts[callee as usize];
        let slot = cache_index(caller.key, callee_counts as usize);
        let cached = self.cache[slot];
        // SAFETY: cached edges are owned by `edges`, boxed, never freed
        // while the recorder lives.
        let e = if !cached.is_null()
            && unsafe { (*cached).caller_key == caller.key && (*cached).callee == callee }
        {
            cached
        } else {
            let i = match self.edge_of.get(&(caller.key, callee)) {
                Some(&i) => i,
                None => {
                    let i = self.edges.len() as u32;
                    self.edges.push(Box::new(Edge {
                        counts: Counts::default(),
                        fast_calls: Cell::new(0),
                        direct_calls: Cell::new(0),
                        self_calls: Cell::new(0),
                        self_primitive: Cell::new(0),
                        callee_counts,
                        caller_key: caller.key,
                        caller: caller.id,
                        callee,
                    }));
                    self.edge_of.insert((caller.key, callee), i);
                    self.edges_of[callee as usize].push(i);
                    i
                }
            };
            let e: *const Edge = &*self.edges[i as usize];
            self.cache[slot] = e;
            e
        };
        e
    }

    /// The memo of `id` when it is a builtin's (see `edge`).
    #[inline(always)]
    pub fn builtin_memo_of(&self, id: u32) -> Option<&Cell<*const Edge>> {
        self.builtin_memo.get(id as usize)
    }

    /// The memo of builtin `id` (see `edge`).
    #[inline(always)]
    pub fn builtin_memo(&self, id: u32) -> &Cell<*const Edge> {
        &self.builtin_memo[id as usize]
    }

    /// The caller of a call made with `depth` Python frames, the top one
    /// being `top` (None: no frame).
    #[inline(always)]
    pub fn builtin_caller_key(&self, depth: usize, top: Option<usize>) -> usize {
        if self.builtin_depth == depth {
            // SAFETY: builtin_depth is set only while a builtin call is in
            // progress; its edge is one of this table's.
            unsafe { (*self.innermost_builtin()).callee_counts as usize }
        } else {
            top.unwrap_or(ROOT_KEY)
        }
    }

    /// The innermost builtin call's edge (null: none).
    #[inline(always)]
    fn innermost_builtin(&self) -> *const Edge {
        match self.builtins.last() {
            _ if !self.lazy.is_null() => self.lazy,
            Some(b) => b.edge,
            None => ptr::null(),
        }
    }

    /// The innermost builtin call's function, as a caller.
    pub fn builtin_caller(&self) -> Option<Caller> {
        let e = self.innermost_builtin();
        if e.is_null() {
            return None;
        }
        // SAFETY: as in `Edge::callee_counts`.
        let e = unsafe { &*e };
        Some(Caller {
            key: e.callee_counts as usize,
            id: e.callee,
        })
    }

    /// A builtin's call on `edge` starts, with `depth` Python frames, on
    /// the common path (see `lazy`): counts it, not its activation. False
    /// (nothing done) when another call is `lazy`: the full path counts
    /// that one first (`count_lazy`).
    #[inline(always)]
    pub fn enter_lazy(&mut self, edge: &Edge, depth: usize) -> bool {
        if !self.lazy.is_null() {
            return false;
        }
        edge.start_lazy();
        self.lazy = edge;
        self.lazy_outer_depth = self.builtin_depth;
        self.builtin_depth = depth;
        true
    }

    /// A builtin call starts: count the activation of the `lazy` one, if
    /// there is one, and move it to `builtins` (see `lazy`).
    #[inline(always)]
    pub fn count_lazy(&mut self) {
        if !self.lazy.is_null() {
            self.count_lazy_now();
        }
    }

    #[inline(never)]
    fn count_lazy_now(&mut self) {
        let edge = std::mem::replace(&mut self.lazy, ptr::null());
        // SAFETY: as in `Edge::callee_counts`.
        unsafe { (*edge).count_activation() };
        self.builtins.push(BuiltinCall {
            edge,
            depth: self.builtin_depth,
            outer_depth: self.lazy_outer_depth,
        });
    }

    /// A builtin's call on `edge` starts, with `depth` Python frames, its
    /// activation counted already (`Edge::start`).
    #[inline(always)]
    pub fn push_builtin(&mut self, edge: *const Edge, depth: usize) {
        debug_assert!(self.lazy.is_null(), "count_lazy first");
        self.builtins.push(BuiltinCall {
            edge,
            depth,
            outer_depth: self.builtin_depth,
        });
        self.builtin_depth = depth;
    }

    /// The innermost builtin call returns: the edge its activation is to
    /// be uncounted on (null: none; a `lazy` call's is not counted, or the
    /// recorder was stopped in between).
    #[inline(always)]
    pub fn pop_builtin(&mut self) -> *const Edge {
        if !self.lazy.is_null() {
            self.lazy = ptr::null();
            self.builtin_depth = self.lazy_outer_depth;
            return ptr::null();
        }
        let Some(b) = self.builtins.pop() else {
            return ptr::null();
        };
        self.builtin_depth = b.outer_depth;
        b.edge
    }

    /// Builtin calls in progress, outermost first: (edge, depth).
    pub fn builtin_stack(&self) -> impl Iterator<Item = (&Edge, usize)> + '_ {
        let lazy = (!self.lazy.is_null()).then_some((self.lazy, self.builtin_depth));
        // SAFETY: as in `Edge::callee_counts`.
        self.builtins
            .iter()
            .map(|b| (b.edge, b.depth))
            .chain(lazy)
            .map(|(e, d)| (unsafe { &*e }, d))
    }

    /// Exact timing: a call on `edge` started (counted) at tick `now`.
    #[inline]
    pub fn start_timed(&mut self, now: u64) {
        self.times.push(Timed {
            start: now,
            child: 0,
        });
    }

    /// Exact timing: the innermost activation, a call on `edge`, returns
    /// at tick `now`.
    pub fn finish_timed(&mut self, edge: &Edge, now: u64) {
        let Some(a) = self.times.pop() else {
            edge.end();
            return;
        };
        let elapsed = now.saturating_sub(a.start);
        let own = elapsed.saturating_sub(a.child);
        edge.finish(elapsed, own);
        if let Some(p) = self.times.last_mut() {
            p.child += elapsed;
        }
    }

    /// Forget the builtin calls in progress (the run stopped inside them,
    /// and their activations were closed).
    pub fn clear_builtins(&mut self) {
        self.builtins.clear();
        self.lazy = ptr::null();
        self.builtin_depth = usize::MAX;
        self.times.clear();
    }
}

/// The counts' interface to compiled code that counts direct calls inline.
#[path = "calls_inline.rs"]
pub mod inline;

#[cfg(test)]
mod tests {
    use super::*;

    /// Functions 0..n with their counts, and an activation stack of edges,
    /// as the VM keeps them (frames and builtin calls).
    struct Sim {
        c: CallTimes,
        funcs: Vec<Box<(Counts, Cell<*const Edge>)>>,
        stack: Vec<(*const Edge, u32)>,
        exact: bool,
    }

    impl Sim {
        fn new(n: u32, exact: bool) -> Sim {
            let mut c = CallTimes::default();
            let funcs: Vec<_> = (0..n)
                .map(|_| Box::new((Counts::default(), Cell::new(ptr::null()))))
                .collect();
            for (i, f) in funcs.iter().enumerate() {
                c.register(i as u32, &f.0);
            }
            Sim {
                c,
                funcs,
                stack: Vec::new(),
                exact,
            }
        }

        fn enter(&mut self, f: u32, now: u64) {
            let caller = match self.stack.last() {
                Some(&(_, id)) => Caller {
                    key: &self.funcs[id as usize].0 as *const Counts as usize,
                    id,
                },
                None => Caller::ROOT,
            };
            let memo = &self.funcs[f as usize].1;
            let m = memo.get();
            // SAFETY: edges live as long as `c`.
            let e = if !m.is_null() && unsafe { (*m).caller_key } == caller.key {
                m
            } else {
                self.c.edge(caller, f)
            };
            memo.set(e);
            // SAFETY: as above.
            unsafe { (*e).start() };
            if self.exact {
                self.c.start_timed(now);
            }
            self.stack.push((e, f));
        }

        fn leave(&mut self, now: u64) {
            let (e, _) = self.stack.pop().unwrap();
            // SAFETY (both derefs): edges live as long as `c`.
            if self.exact {
                self.c.finish_timed(unsafe { &*e }, now);
            } else {
                unsafe { (*e).end() };
            }
        }

        fn edge(&self, callee: u32, caller: u32) -> Figures {
            self.c
                .callers(callee)
                .find(|e| e.0 == caller)
                .map(|e| e.1)
                .unwrap()
        }
    }

    #[test]
    fn recursion_counts_primitive_calls_and_cumulative_once() {
        // main(0) calls f(1), which recurses into f twice more.
        let mut s = Sim::new(2, true);
        s.enter(0, 0);
        s.enter(1, 10);
        s.enter(1, 20);
        s.enter(1, 30);
        s.leave(40);
        s.leave(50);
        s.leave(60);
        s.leave(100);
        let f = s.c.figures(1);
        assert_eq!((f.calls, f.primitive_calls), (3, 1));
        assert_eq!(f.cum_ticks, 50, "outermost activation only");
        assert_eq!(f.self_ticks, 50, "self times add up to the outermost span");
        assert_eq!(s.c.figures(0).self_ticks, 50);
        assert_eq!(s.c.figures(0).cum_ticks, 100);
        let from_main = s.edge(1, 0);
        let from_self = s.edge(1, 1);
        assert_eq!((from_main.calls, from_main.primitive_calls), (1, 1));
        assert_eq!((from_self.calls, from_self.primitive_calls), (2, 1));
        assert_eq!(from_main.cum_ticks, 50);
        assert_eq!(from_self.cum_ticks, 30);
        assert_eq!(
            s.c.callers(0).count(),
            0,
            "calls from no function are left out"
        );
    }

    #[test]
    fn each_caller_gets_an_edge_of_its_own() {
        let mut s = Sim::new(10, false);
        for caller in [0, 4, 8, 1, 4, 8, 0] {
            s.enter(caller, 0);
            for _ in 0..caller + 1 {
                s.enter(9, 0);
                s.leave(0);
            }
            s.leave(0);
        }
        let f = s.c.figures(9);
        let mut edges: Vec<(u32, u64, u64)> =
            s.c.callers(9)
                .map(|(c, e)| (c, e.calls, e.primitive_calls))
                .collect();
        edges.sort();
        assert_eq!(edges, [(0, 2, 2), (1, 2, 2), (4, 10, 10), (8, 18, 18)]);
        assert_eq!((f.calls, f.primitive_calls), (32, 32));
        assert_eq!((f.self_ticks, f.cum_ticks), (0, 0));
    }

    #[test]
    fn mutual_recursion_is_recursive_for_the_function_not_the_edge() {
        // 0 calls 1 calls 2 calls 1: the second call of 1 is its first
        // from 2, but 1 was running.
        let mut s = Sim::new(3, false);
        s.enter(0, 0);
        s.enter(1, 0);
        s.enter(2, 0);
        s.enter(1, 0);
        for _ in 0..4 {
            s.leave(0);
        }
        let f = s.c.figures(1);
        assert_eq!((f.calls, f.primitive_calls), (2, 1));
        let from_2 = s.edge(1, 2);
        assert_eq!((from_2.calls, from_2.primitive_calls), (1, 1));
    }

    #[test]
    fn pairs_beyond_the_cache_keep_exact_counts() {
        // Four times more (caller, callee) pairs than cache entries, called
        // in turn so entries are taken over again and again.
        let callers = 4 * CACHE_SIZE as u32;
        let callee = callers;
        let mut s = Sim::new(callers + 1, false);
        for round in 0..3 {
            for caller in 0..callers {
                s.enter(caller, 0);
                for _ in 0..=(caller % 3) {
                    s.enter(callee, 0);
                    if round == 2 && caller == 7 {
                        // Recursion through the cached path counts too.
                        s.enter(callee, 0);
                        s.leave(0);
                    }
                    s.leave(0);
                }
                s.leave(0);
            }
        }
        let total: u64 = (0..callers).map(|k| 3 * (k as u64 % 3 + 1)).sum();
        let f = s.c.figures(callee);
        assert_eq!((f.calls, f.primitive_calls), (total + 2, total));
        assert_eq!(s.c.callers(callee).count(), callers as usize + 1);
        for (caller, e) in s.c.callers(callee) {
            let expect = match caller {
                // One level deep each time: primitive per edge, as in cProfile.
                k if k == callee => (2, 2),
                k => (3 * (k as u64 % 3 + 1), 3 * (k as u64 % 3 + 1)),
            };
            assert_eq!((e.calls, e.primitive_calls), expect);
        }
    }

    #[test]
    fn builtin_calls_nest_and_tell_their_caller() {
        let mut c = CallTimes::default();
        c.register_builtin(0);
        c.register_builtin(1);
        let py = Counts::default();
        c.register(2, &py);
        let py_key = &py as *const Counts as usize;
        // A builtin called from Python frame 0 (depth 1).
        assert_eq!(c.builtin_caller_key(1, Some(py_key)), py_key);
        let caller = Caller { key: py_key, id: 2 };
        let e0 = c.edge(caller, 0);
        c.push_builtin(e0, 1);
        // It calls another builtin directly, and a frame at index 1.
        let k0 = c.key_of(0);
        assert_eq!(c.builtin_caller_key(1, Some(py_key)), k0);
        assert_eq!(c.builtin_depth, 1);
        assert_eq!(c.builtin_caller(), Some(Caller { key: k0, id: 0 }));
        let by_0 = c.builtin_caller().unwrap();
        let e1 = c.edge(by_0, 1);
        c.push_builtin(e1, 1);
        let stack: Vec<_> = c.builtin_stack().map(|(e, d)| (e.callee, d)).collect();
        assert_eq!(stack, [(0, 1), (1, 1)]);
        assert_eq!(c.pop_builtin(), e1);
        assert_eq!(c.pop_builtin(), e0);
        assert_eq!(c.builtin_depth, usize::MAX);
        assert!(c.pop_builtin().is_null());
        // An edge lists once it has a call (`callers`).
        assert_eq!(c.callers(1).count(), 0);
        // SAFETY: `e1` is an edge of `c`, which outlives the call.
        unsafe { (*e1).start() };
        assert_eq!(c.callers(1).collect::<Vec<_>>()[0].0, 0);
    }

    /// The edge of the calls of builtin 0 by Python function `id`, whose
    /// counts are `f`.
    fn builtin_0_edge(c: &mut CallTimes, f: &Counts, id: u32) -> *const Edge {
        let key = f as *const Counts as usize;
        c.edge(Caller { key, id }, 0)
    }

    #[test]
    fn a_lazy_builtin_call_is_counted_when_a_builtin_call_starts_inside_it() {
        // Python function 2 calls builtin 0 (sorted, say), which calls
        // Python function 3 (its key), which calls builtin 0 again; then 2
        // calls builtin 0 once more, which calls nothing.
        let mut c = CallTimes::default();
        c.register_builtin(0);
        let (f2, f3) = (Counts::default(), Counts::default());
        c.register(2, &f2);
        c.register(3, &f3);
        let key = |p: &Counts| p as *const Counts as usize;
        let e0 = builtin_0_edge(&mut c, &f2, 2);
        // SAFETY (all derefs below): edges of `c`, which outlives them.
        assert!(c.enter_lazy(unsafe { &*e0 }, 1));
        assert_eq!(c.builtin_depth, 1);
        let stack: Vec<_> = c.builtin_stack().map(|(e, d)| (e.callee, d)).collect();
        assert_eq!(stack, [(0, 1)]);
        let b0 = c.counts[0];
        // Frame 3 is pushed at depth 1: its caller is the builtin, whose
        // activation stays uncounted.
        assert_eq!(c.builtin_caller_key(1, Some(key(&f2))), b0 as usize);
        assert_eq!(
            c.builtin_caller(),
            Some(Caller {
                key: b0 as usize,
                id: 0
            })
        );
        assert_eq!(unsafe { (*b0).minus_active.get() }, 0);
        // Function 3 calls builtin 0: not on the common path (the first
        // call is lazy), so counted in full once the first one is.
        let e3 = builtin_0_edge(&mut c, &f3, 3);
        assert!(!c.enter_lazy(unsafe { &*e3 }, 2));
        c.count_lazy();
        assert_eq!(unsafe { (*b0).minus_active.get() }, u64::MAX);
        assert!(
            ptr::eq(unsafe { (*b0).outer.get() }, e0),
            "counted as `start` counts an outermost activation"
        );
        unsafe { (*e3).start() };
        c.push_builtin(e3, 2);
        let stack: Vec<_> = c.builtin_stack().map(|(e, d)| (e.caller, d)).collect();
        assert_eq!(stack, [(2, 1), (3, 2)]);
        assert_eq!(c.pop_builtin(), e3);
        unsafe { (*e3).end() };
        assert_eq!(c.builtin_depth, 1);
        assert_eq!(c.pop_builtin(), e0);
        unsafe { (*e0).end() };
        assert_eq!(c.builtin_depth, usize::MAX);
        assert!(c.enter_lazy(unsafe { &*e0 }, 1));
        assert!(c.pop_builtin().is_null(), "a lazy call uncounts nothing");
        let f = c.figures(0);
        assert_eq!((f.calls, f.primitive_calls), (3, 2));
        let mut edges: Vec<_> = c
            .callers(0)
            .map(|(k, e)| (k, e.calls, e.primitive_calls))
            .collect();
        edges.sort();
        assert_eq!(edges, [(2, 2, 2), (3, 1, 1)]);
        assert_eq!(unsafe { (*b0).minus_active.get() }, 0);
        assert_eq!(unsafe { (*e0).counts.minus_active.get() }, 0);
    }

    #[test]
    fn a_lazy_builtin_call_counts_its_recursion_but_not_its_activation() {
        // Python function 1 calls builtin 0 (sum, say), which resumes
        // Python function 2 (a generator), which calls builtin 0 twice in
        // turn: recursive for the builtin, not for the edge 2 -> 0 (none of
        // its calls runs).
        let mut c = CallTimes::default();
        c.register_builtin(0);
        let (f1, f2) = (Counts::default(), Counts::default());
        c.register(1, &f1);
        c.register(2, &f2);
        let e1 = builtin_0_edge(&mut c, &f1, 1);
        let e2 = builtin_0_edge(&mut c, &f2, 2);
        let b0 = c.counts[0];
        // SAFETY (all derefs below): edges of `c`, which outlives them.
        unsafe { (*e1).start() };
        c.push_builtin(e1, 1);
        for _ in 0..2 {
            assert!(c.enter_lazy(unsafe { &*e2 }, 2));
            assert_eq!(unsafe { (*b0).minus_active.get() }, u64::MAX);
            assert_eq!(unsafe { (*e2).counts.minus_active.get() }, 0);
            assert!(c.pop_builtin().is_null());
        }
        // Then a call on 2 -> 0 in which 2 calls 0 again, in which 2 calls
        // it a third time: recursive for the edge, once its first call's
        // activation is counted (as a recursive one: `e2` holds it).
        assert!(c.enter_lazy(unsafe { &*e2 }, 2));
        assert!(!c.enter_lazy(unsafe { &*e2 }, 3));
        c.count_lazy();
        assert_eq!(unsafe { (*e2).counts.minus_active.get() }, u64::MAX);
        unsafe { (*e2).start() };
        c.push_builtin(e2, 3);
        assert!(c.enter_lazy(unsafe { &*e2 }, 4));
        assert!(c.pop_builtin().is_null());
        for _ in 0..2 {
            assert_eq!(c.pop_builtin(), e2);
            unsafe { (*e2).end() };
        }
        assert_eq!(unsafe { (*e2).counts.minus_active.get() }, 0);
        assert_eq!(c.pop_builtin(), e1);
        unsafe { (*e1).end() };
        let f = c.figures(0);
        assert_eq!((f.calls, f.primitive_calls), (6, 1));
        let mut edges: Vec<_> = c
            .callers(0)
            .map(|(k, e)| (k, e.calls, e.primitive_calls))
            .collect();
        edges.sort();
        assert_eq!(edges, [(1, 1, 1), (2, 5, 3)]);
        assert_eq!(unsafe { (*b0).minus_active.get() }, 0);
    }
}
