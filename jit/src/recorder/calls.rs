//! Per-function call counts and, with `--timing exact`, times: every call
//! and return, Python and builtin, in the interpreter and in compiled code
//! (compiled code hands calls and returns to the interpreter, so the same
//! two hooks see both).
//!
//! The figures are cProfile's, so the pstats export means what snakeviz and
//! gprof2dot expect: primitive calls are the calls that were not recursive
//! (no activation of the function was running), cumulative time is added
//! only when the outermost activation of a function returns (so recursion is
//! not counted twice), and each caller edge keeps the same four figures for
//! the calls made from that caller.
//!
//! Two entry points per event: `enter`/`leave` take a clock reading and time
//! the activation (exact timing); `enter_counted`/`leave_counted` only count
//! (sampled timing, where the times come from the samples' stacks when the
//! profile is built, and a call costs no clock read). Both keep the
//! activation stack, which samples use to place builtins.
//!
//! Sampled timing makes these counts most of a call's recording cost, and
//! what they cost is mostly finding the caller's edge. So the common case is
//! short and calls nothing (`try_enter_counted`): the innermost activation
//! is kept in fields (`top`), not read back from the stack, and the edge of
//! a (caller, callee) pair is found in a direct-mapped cache, one load and
//! compare. Edges live in one table for all functions; the cache is filled
//! from a hash map on a miss (a pair's first call, or a collision).

use rustc_hash::FxHashMap;

/// Function index meaning "no caller" (the main module's activation).
pub const NO_CALLER: u32 = u32::MAX;

/// Edge index meaning "no edge" (an activation called from no function).
const NO_EDGE: u32 = u32::MAX;

/// Entries in the edge cache (a power of two). Programs with more hot
/// (caller, callee) pairs than this share entries and take the map more
/// often. Each entry is one word, so the cache is 2 KiB and stays in the
/// L1 cache beside the program's data: a 16-byte entry in a 16 KiB table
/// missed the L1 on a fifth of deltablue's calls (cachegrind).
const CACHE_BITS: u32 = 8;
const CACHE_SIZE: usize = 1 << CACHE_BITS;

/// Function ids below this (and edge ids below `EDGE_LIMIT`) fit a cache
/// entry; pairs beyond are always looked up in the map.
const ID_BITS: u32 = 20;
const ID_LIMIT: u32 = (1 << ID_BITS) - 1;
const EDGE_BITS: u32 = 64 - 2 * ID_BITS;
const EDGE_LIMIT: u32 = 1 << EDGE_BITS;

/// An empty cache entry: its pair part is all ones, which no pair with
/// ids below `ID_LIMIT` has.
const EMPTY_ENTRY: u64 = u64::MAX;

/// The pair part of a cache entry, for ids below `ID_LIMIT`.
#[inline(always)]
fn pair_key(caller: u32, callee: u32) -> u64 {
    ((caller as u64) << ID_BITS) | callee as u64
}

#[inline(always)]
fn cache_index(pair: u64) -> usize {
    (pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - CACHE_BITS)) as usize
}

/// The counts and times cProfile keeps, for a function and for each of its
/// caller edges alike.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    pub calls: u64,
    /// Activations on the stack now (of the function, or of the function
    /// called from this caller).
    active: u32,
    /// Calls made while such an activation was running.
    recursive: u64,
    pub self_ticks: u64,
    pub cum_ticks: u64,
}

impl Counts {
    pub fn primitive_calls(&self) -> u64 {
        self.calls - self.recursive
    }

    /// Count a call (and the activation it starts).
    #[inline(always)]
    fn start(&mut self) {
        self.calls += 1;
        if self.active != 0 {
            self.recursive += 1;
        }
        self.active += 1;
    }

    /// An activation ends after `elapsed` ticks, `own` of them its own.
    #[inline(always)]
    fn finish(&mut self, elapsed: u64, own: u64) {
        self.self_ticks += own;
        self.active = self.active.saturating_sub(1);
        if self.active == 0 {
            self.cum_ticks += elapsed;
        }
    }
}

/// The calls of one function from one caller.
#[derive(Clone, Debug)]
pub struct Edge {
    pub caller: u32,
    pub counts: Counts,
}

#[derive(Clone, Debug, Default)]
pub struct FuncTimes {
    pub counts: Counts,
    /// Indices of this function's caller edges in `CallTimes::edges`.
    edges: Vec<u32>,
}

#[derive(Clone, Copy, Debug)]
struct Activation {
    func: u32,
    /// Index of the caller edge in `CallTimes::edges` (NO_EDGE: none).
    edge: u32,
    start: u64,
    /// Ticks spent in callees, subtracted for self time.
    child: u64,
}

/// The innermost activation's function and edge, kept in fields: the next
/// call's caller, and what the next return uncounts, without reading the
/// stack.
#[derive(Clone, Copy, Debug)]
struct Top {
    func: u32,
    edge: u32,
}

const NO_TOP: Top = Top {
    func: NO_CALLER,
    edge: NO_EDGE,
};

pub struct CallTimes {
    pub funcs: Vec<FuncTimes>,
    pub edges: Vec<Edge>,
    edge_of: FxHashMap<(u32, u32), u32>,
    /// Direct-mapped: `pair_key << EDGE_BITS | edge`.
    cache: Box<[u64; CACHE_SIZE]>,
    stack: Vec<Activation>,
    /// The last element of `stack` (`NO_TOP` when empty).
    top: Top,
}

impl Default for CallTimes {
    fn default() -> CallTimes {
        CallTimes {
            funcs: Vec::new(),
            edges: Vec::new(),
            edge_of: FxHashMap::default(),
            cache: Box::new([EMPTY_ENTRY; CACHE_SIZE]),
            stack: Vec::with_capacity(64),
            top: NO_TOP,
        }
    }
}

impl CallTimes {
    /// Make room for function `id` (ids are handed out densely).
    #[cold]
    pub fn ensure(&mut self, id: u32) {
        if self.funcs.len() <= id as usize {
            self.funcs.resize_with(id as usize + 1, FuncTimes::default);
        }
    }

    /// The function whose activation is innermost.
    #[inline]
    pub fn current(&self) -> Option<u32> {
        (self.top.func != NO_CALLER).then_some(self.top.func)
    }

    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// Function `callee`'s caller edges.
    pub fn callers(&self, callee: u32) -> impl Iterator<Item = &Edge> {
        self.funcs
            .get(callee as usize)
            .map(|f| f.edges.as_slice())
            .unwrap_or(&[])
            .iter()
            .filter_map(|&i| self.edges.get(i as usize))
    }

    /// A call of `func` starts at tick `now` (exact timing).
    #[inline]
    pub fn enter(&mut self, func: u32, now: u64) {
        let edge = self.count(func);
        self.push(func, edge, now);
    }

    /// A call of `func` starts (sampled timing: counted, not timed).
    #[inline]
    pub fn enter_counted(&mut self, func: u32) {
        let edge = self.count(func);
        self.push(func, edge, 0);
    }

    #[inline(always)]
    fn push(&mut self, func: u32, edge: u32, start: u64) {
        self.stack.push(Activation {
            func,
            edge,
            start,
            child: 0,
        });
        self.top = Top { func, edge };
    }

    /// The activation below the one just popped becomes the top.
    #[inline(always)]
    fn retop(&mut self) {
        self.top = match self.stack.last() {
            Some(a) => Top {
                func: a.func,
                edge: a.edge,
            },
            None => NO_TOP,
        };
    }

    /// `enter_counted` for the common case: a (caller, callee) pair found
    /// in the cache, and room on the stack. Returns false, having changed
    /// nothing, for the other cases. Calls nothing, so a hook made of it
    /// saves no registers.
    #[inline(always)]
    pub fn try_enter_counted(&mut self, func: u32) -> bool {
        let caller = self.top.func;
        let pair = pair_key(caller, func);
        let entry = self.cache[cache_index(pair)];
        let len = self.stack.len();
        // NO_CALLER and ids too large for an entry fail the first test.
        if (caller | func) >= ID_LIMIT || entry >> EDGE_BITS != pair || len == self.stack.capacity()
        {
            return false;
        }
        let edge = (entry & (EDGE_LIMIT as u64 - 1)) as u32;
        // SAFETY: an entry is cached only by `edge` for an edge it made,
        // after `ensure(func)`, so both indices are in range; `len <
        // capacity` was checked above, so the stack slot is allocated, and it
        // is written before the length covers it.
        unsafe {
            self.funcs.get_unchecked_mut(func as usize).counts.start();
            self.edges.get_unchecked_mut(edge as usize).counts.start();
            self.stack.as_mut_ptr().add(len).write(Activation {
                func,
                edge,
                start: 0,
                child: 0,
            });
            self.stack.set_len(len + 1);
        }
        self.top = Top { func, edge };
        true
    }

    /// `try_enter_counted` with the edge from the callee's memo (see
    /// `CodeProf::edge_memo`), when the memo's caller is the caller now.
    #[inline(always)]
    pub fn try_enter_memo(&mut self, func: u32, memo: u64) -> bool {
        let caller = self.top.func;
        let len = self.stack.len();
        if (memo >> 32) as u32 != caller || caller == NO_CALLER || len == self.stack.capacity() {
            return false;
        }
        let edge = memo as u32;
        debug_assert!((func as usize) < self.funcs.len() && (edge as usize) < self.edges.len());
        // SAFETY: a memo is set only after `count` made or found the edge
        // for this function (`Recorder::enter_code_slow`), so both indices
        // are in range; the stack has room (checked above), and the slot is
        // written before the length covers it.
        unsafe {
            self.funcs.get_unchecked_mut(func as usize).counts.start();
            self.edges.get_unchecked_mut(edge as usize).counts.start();
            let a = self.stack.as_mut_ptr().add(len);
            std::ptr::addr_of_mut!((*a).func).write(func);
            std::ptr::addr_of_mut!((*a).edge).write(edge);
            std::ptr::addr_of_mut!((*a).start).write(0);
            std::ptr::addr_of_mut!((*a).child).write(0);
            self.stack.set_len(len + 1);
        }
        self.top = Top { func, edge };
        true
    }

    /// The function that called the innermost activation (the one below
    /// it), if any.
    pub fn caller_of_top(&self) -> Option<u32> {
        let n = self.stack.len();
        (n >= 2).then(|| self.stack[n - 2].func)
    }

    /// The innermost activation's caller edge, if it has one.
    pub fn top_edge(&self) -> Option<u32> {
        (self.top.edge != NO_EDGE).then_some(self.top.edge)
    }

    /// The innermost activation returns (sampled timing). Inlined into
    /// every frame pop, so it is kept to the loads and stores it needs.
    #[inline(always)]
    pub fn leave_counted(&mut self) {
        let len = self.stack.len();
        if len == 0 {
            return;
        }
        let Top { func, edge } = self.top;
        debug_assert!((func as usize) < self.funcs.len());
        debug_assert!(edge == NO_EDGE || (edge as usize) < self.edges.len());
        // SAFETY: `top` describes the activation at `len - 1`, pushed with
        // the index of a counted function and of an edge `count` made (or
        // NO_EDGE), so both are in range; `len - 2` is a live activation.
        unsafe {
            let f = &mut self.funcs.get_unchecked_mut(func as usize).counts;
            f.active = f.active.wrapping_sub(1);
            if edge != NO_EDGE {
                let e = &mut self.edges.get_unchecked_mut(edge as usize).counts;
                e.active = e.active.wrapping_sub(1);
            }
            self.stack.set_len(len - 1);
            self.top = if len >= 2 {
                let a = self.stack.as_ptr().add(len - 2);
                Top {
                    func: (*a).func,
                    edge: (*a).edge,
                }
            } else {
                NO_TOP
            };
        }
    }

    /// Count a call of `func` from the innermost activation; returns the
    /// index of the caller edge (NO_EDGE: called from no function).
    #[inline]
    fn count(&mut self, func: u32) -> u32 {
        let caller = self.top.func;
        if func as usize >= self.funcs.len() {
            self.ensure(func);
        }
        self.funcs[func as usize].counts.start();
        if caller == NO_CALLER {
            return NO_EDGE;
        }
        let edge = self.edge(caller, func);
        self.edges[edge as usize].counts.start();
        edge
    }

    /// The edge of (caller, callee), made on first sight, and cached.
    #[inline(never)]
    fn edge(&mut self, caller: u32, callee: u32) -> u32 {
        let edge = match self.edge_of.get(&(caller, callee)) {
            Some(&e) => e,
            None => {
                let e = self.edges.len() as u32;
                self.edges.push(Edge {
                    caller,
                    counts: Counts::default(),
                });
                self.edge_of.insert((caller, callee), e);
                self.funcs[callee as usize].edges.push(e);
                e
            }
        };
        if (caller | callee) < ID_LIMIT && edge < EDGE_LIMIT {
            let pair = pair_key(caller, callee);
            self.cache[cache_index(pair)] = (pair << EDGE_BITS) | edge as u64;
        }
        edge
    }

    /// The innermost activation returns at tick `now` (exact timing).
    #[inline]
    pub fn leave(&mut self, now: u64) {
        let Some(a) = self.stack.pop() else { return };
        let elapsed = now.saturating_sub(a.start);
        let own = elapsed.saturating_sub(a.child);
        self.funcs[a.func as usize].counts.finish(elapsed, own);
        if let Some(e) = self.edges.get_mut(a.edge as usize) {
            e.counts.finish(elapsed, own);
        }
        if let Some(p) = self.stack.last_mut() {
            p.child += elapsed;
        }
        self.retop();
    }

    /// Close every activation still open (the run stopped inside them);
    /// `now` is None with sampled timing.
    pub fn leave_all(&mut self, now: Option<u64>) {
        while !self.stack.is_empty() {
            match now {
                Some(t) => self.leave(t),
                None => self.leave_counted(),
            }
        }
    }

    /// The functions on the stack, outermost first (builtins included).
    pub fn stack_funcs(&self) -> impl Iterator<Item = u32> + '_ {
        self.stack.iter().map(|a| a.func)
    }
}

/// The counts' interface to compiled code that counts direct calls inline.
#[path = "calls_inline.rs"]
pub mod inline;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recursion_counts_primitive_calls_and_cumulative_once() {
        // main(0) calls f(1), which recurses into f twice more.
        let mut c = CallTimes::default();
        c.enter(0, 0);
        c.enter(1, 10);
        c.enter(1, 20);
        c.enter(1, 30);
        c.leave(40);
        c.leave(50);
        c.leave(60);
        c.leave(100);
        let f = &c.funcs[1].counts;
        assert_eq!((f.calls, f.primitive_calls()), (3, 1));
        assert_eq!(f.cum_ticks, 50, "outermost activation only");
        assert_eq!(f.self_ticks, 50, "self times add up to the outermost span");
        assert_eq!(c.funcs[0].counts.self_ticks, 50);
        assert_eq!(c.funcs[0].counts.cum_ticks, 100);
        let from_main = &c.callers(1).find(|e| e.caller == 0).unwrap().counts;
        let from_self = &c.callers(1).find(|e| e.caller == 1).unwrap().counts;
        assert_eq!((from_main.calls, from_main.primitive_calls()), (1, 1));
        assert_eq!((from_self.calls, from_self.primitive_calls()), (2, 1));
        assert_eq!(from_main.cum_ticks, 50);
        assert_eq!(from_self.cum_ticks, 30);
    }

    #[test]
    fn leave_all_closes_open_activations() {
        let mut c = CallTimes::default();
        c.enter(0, 0);
        c.enter(2, 5);
        c.leave_all(Some(9));
        assert_eq!(c.funcs[2].counts.cum_ticks, 4);
        assert_eq!(c.funcs[0].counts.cum_ticks, 9);
        assert_eq!(c.depth(), 0);
    }

    #[test]
    fn each_caller_gets_an_edge_of_its_own() {
        let mut c = CallTimes::default();
        for caller in [0, 4, 8, 1, 4, 8, 0] {
            c.enter_counted(caller);
            for _ in 0..caller + 1 {
                if !c.try_enter_counted(9) {
                    c.enter_counted(9);
                }
                c.leave_counted();
            }
            c.leave_counted();
        }
        let f = &c.funcs[9].counts;
        let mut edges: Vec<(u32, u64, u64)> = c
            .callers(9)
            .map(|e| (e.caller, e.counts.calls, e.counts.primitive_calls()))
            .collect();
        edges.sort();
        assert_eq!(edges, [(0, 2, 2), (1, 2, 2), (4, 10, 10), (8, 18, 18)]);
        assert_eq!((f.calls, f.primitive_calls()), (32, 32));
        assert_eq!(c.depth(), 0);
        assert_eq!(c.current(), None);
    }

    #[test]
    fn counted_calls_keep_cprofile_counts_without_times() {
        let mut c = CallTimes::default();
        c.enter_counted(0);
        for _ in 0..3 {
            c.enter_counted(1);
        }
        c.enter_counted(2);
        assert_eq!(c.stack_funcs().collect::<Vec<_>>(), [0, 1, 1, 1, 2]);
        c.leave_all(None);
        c.enter_counted(0);
        c.enter_counted(1);
        c.leave_counted();
        c.leave_counted();
        let f = &c.funcs[1].counts;
        assert_eq!((f.calls, f.primitive_calls()), (4, 2));
        assert_eq!((f.self_ticks, f.cum_ticks), (0, 0));
        let from_self = &c.callers(1).find(|e| e.caller == 1).unwrap().counts;
        assert_eq!((from_self.calls, from_self.primitive_calls()), (2, 1));
        let from_main = &c.callers(1).find(|e| e.caller == 0).unwrap().counts;
        assert_eq!((from_main.calls, from_main.primitive_calls()), (2, 2));
    }

    #[test]
    fn pairs_beyond_the_cache_keep_exact_counts() {
        // Four times more (caller, callee) pairs than cache entries, called
        // in turn so entries are taken over again and again.
        let mut c = CallTimes::default();
        let callers = 4 * CACHE_SIZE as u32;
        let callee = callers;
        for round in 0..3 {
            for caller in 0..callers {
                c.enter_counted(caller);
                for _ in 0..=(caller % 3) {
                    if !c.try_enter_counted(callee) {
                        c.enter_counted(callee);
                    }
                    if round == 2 && caller == 7 {
                        // Recursion through the cached path counts too.
                        if !c.try_enter_counted(callee) {
                            c.enter_counted(callee);
                        }
                        c.leave_counted();
                    }
                    c.leave_counted();
                }
                c.leave_counted();
            }
        }
        assert_eq!(c.depth(), 0);
        let total: u64 = (0..callers).map(|k| 3 * (k as u64 % 3 + 1)).sum();
        let f = &c.funcs[callee as usize].counts;
        assert_eq!((f.calls, f.primitive_calls()), (total + 2, total));
        assert_eq!(c.callers(callee).count(), callers as usize + 1);
        for e in c.callers(callee) {
            let expect = match e.caller {
                // One level deep each time: primitive per edge, as in cProfile.
                k if k == callee => (2, 2),
                k => (3 * (k as u64 % 3 + 1), 3 * (k as u64 % 3 + 1)),
            };
            assert_eq!((e.counts.calls, e.counts.primitive_calls()), expect);
        }
    }

    #[test]
    fn ids_too_large_for_the_cache_are_counted_through_the_map() {
        let mut c = CallTimes::default();
        let big = ID_LIMIT + 5;
        c.enter_counted(1);
        for _ in 0..3 {
            assert!(!c.try_enter_counted(big), "never cached");
            c.enter_counted(big);
            // `big` calls 1: a cacheable callee under an uncacheable caller.
            if !c.try_enter_counted(1) {
                c.enter_counted(1);
            }
            c.leave_counted();
            c.leave_counted();
        }
        c.leave_counted();
        assert_eq!(c.funcs[big as usize].counts.calls, 3);
        let from_big = &c.callers(1).find(|e| e.caller == big).unwrap().counts;
        // Primitive from this caller each time (cProfile's per-edge view),
        // recursive for the function, whose outer activation runs.
        assert_eq!((from_big.calls, from_big.primitive_calls()), (3, 3));
        let f1 = &c.funcs[1].counts;
        assert_eq!((f1.calls, f1.primitive_calls()), (4, 1));
        assert_eq!(c.depth(), 0);
    }
}
