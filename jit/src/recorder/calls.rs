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
//! what they cost is mostly the chain of loads that finds the caller's edge
//! (measured: each link is a few nanoseconds on every call). So the chain is
//! short: the innermost activation is kept in fields (`top`), not read back
//! from the stack, and a function keeps its first caller edges in slots
//! inside itself, one per caller id modulo `SLOTS`, so finding the edge is
//! one load that depends on the caller. Recursive calls are counted (usually
//! none) rather than primitive ones, and the common case calls nothing
//! (`try_enter_counted`).

/// Function index meaning "no caller" (the main module's activation); also
/// marks an empty edge slot.
pub const NO_CALLER: u32 = u32::MAX;

/// Edge slots inside each function (callers beyond go to `FuncTimes::more`).
const SLOTS: usize = 4;

#[derive(Clone, Debug)]
pub struct Edge {
    pub caller: u32,
    /// Activations of the callee from this caller on the stack now.
    active: u32,
    pub calls: u64,
    /// Calls made while such an activation was running.
    recursive: u64,
    pub self_ticks: u64,
    pub cum_ticks: u64,
}

impl Default for Edge {
    fn default() -> Edge {
        Edge {
            caller: NO_CALLER,
            active: 0,
            calls: 0,
            recursive: 0,
            self_ticks: 0,
            cum_ticks: 0,
        }
    }
}

impl Edge {
    pub fn primitive_calls(&self) -> u64 {
        self.calls - self.recursive
    }

    /// Count a call over this edge (and the activation it starts).
    #[inline(always)]
    fn start(&mut self) {
        self.calls += 1;
        if self.active != 0 {
            self.recursive += 1;
        }
        self.active += 1;
    }
}

#[derive(Clone, Debug, Default)]
pub struct FuncTimes {
    pub calls: u64,
    /// Activations of this function on the stack now.
    active: u32,
    /// Calls made while an activation was running.
    recursive: u64,
    pub self_ticks: u64,
    pub cum_ticks: u64,
    /// Caller edges: the first caller whose id is `i` modulo `SLOTS` in
    /// slot `i`, the others in `more`. An edge's index is its slot, or
    /// `SLOTS` plus its place in `more`.
    slots: [Edge; SLOTS],
    more: Vec<Edge>,
}

impl FuncTimes {
    pub fn primitive_calls(&self) -> u64 {
        self.calls - self.recursive
    }

    /// Every caller edge (in no particular order).
    pub fn callers(&self) -> impl Iterator<Item = &Edge> {
        self.slots
            .iter()
            .filter(|e| e.caller != NO_CALLER)
            .chain(self.more.iter())
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

    /// The index of the edge from `caller`, made on first sight.
    #[inline]
    fn edge_index(&mut self, caller: u32) -> u32 {
        let slot = caller as usize % SLOTS;
        let e = &mut self.slots[slot];
        if e.caller == caller {
            return slot as u32;
        }
        if e.caller == NO_CALLER {
            e.caller = caller;
            return slot as u32;
        }
        self.find_more(caller)
    }

    #[inline(never)]
    fn find_more(&mut self, caller: u32) -> u32 {
        let i = match self.more.iter().position(|e| e.caller == caller) {
            Some(i) => i,
            None => {
                self.more.push(Edge {
                    caller,
                    ..Edge::default()
                });
                self.more.len() - 1
            }
        };
        (SLOTS + i) as u32
    }

    #[inline(always)]
    fn edge_mut(&mut self, index: u32) -> Option<&mut Edge> {
        match index as usize {
            i if i < SLOTS => Some(&mut self.slots[i]),
            i => self.more.get_mut(i - SLOTS),
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Activation {
    func: u32,
    /// Index of the caller edge in `funcs[func]` (u32::MAX: none).
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
    edge: u32::MAX,
};

pub struct CallTimes {
    pub funcs: Vec<FuncTimes>,
    stack: Vec<Activation>,
    /// The last element of `stack` (`NO_TOP` when empty).
    top: Top,
}

impl Default for CallTimes {
    fn default() -> CallTimes {
        CallTimes {
            funcs: Vec::new(),
            stack: Vec::new(),
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

    /// `enter_counted` for the common case, where nothing needs to grow or
    /// be searched: a caller whose edge is in its slot, and room on the
    /// stack. Returns false, having changed nothing, for the other cases.
    /// Calls nothing, so a hook made of it saves no registers.
    #[inline(always)]
    pub fn try_enter_counted(&mut self, func: u32) -> bool {
        let caller = self.top.func;
        let len = self.stack.len();
        if len == self.stack.capacity() {
            return false;
        }
        let Some(f) = self.funcs.get_mut(func as usize) else {
            return false;
        };
        let slot = caller as usize % SLOTS;
        let e = &mut f.slots[slot];
        // A caller of NO_CALLER never matches: its slot holds a real caller
        // or is empty (marked NO_CALLER, but then `count` fills it).
        if e.caller != caller || caller == NO_CALLER {
            return false;
        }
        e.start();
        f.start();
        // SAFETY: `len < capacity` was checked above, so the slot is
        // allocated; it is written before the length covers it.
        unsafe {
            self.stack.as_mut_ptr().add(len).write(Activation {
                func,
                edge: slot as u32,
                start: 0,
                child: 0,
            });
            self.stack.set_len(len + 1);
        }
        self.top = Top {
            func,
            edge: slot as u32,
        };
        true
    }

    /// The innermost activation returns (sampled timing).
    #[inline]
    pub fn leave_counted(&mut self) {
        let Top { func, edge } = self.top;
        if func == NO_CALLER {
            return;
        }
        if let Some(f) = self.funcs.get_mut(func as usize) {
            f.active = f.active.saturating_sub(1);
            if let Some(e) = f.edge_mut(edge) {
                e.active = e.active.saturating_sub(1);
            }
        }
        self.stack.pop();
        self.retop();
    }

    /// Count a call of `func` from the innermost activation; returns the
    /// index of the caller edge (u32::MAX: called from no function).
    #[inline(always)]
    fn count(&mut self, func: u32) -> u32 {
        let caller = self.top.func;
        if func as usize >= self.funcs.len() {
            self.ensure(func);
        }
        let f = &mut self.funcs[func as usize];
        f.start();
        if caller == NO_CALLER {
            return u32::MAX;
        }
        let i = f.edge_index(caller);
        if let Some(e) = f.edge_mut(i) {
            e.start();
        }
        i
    }

    /// The innermost activation returns at tick `now` (exact timing).
    #[inline]
    pub fn leave(&mut self, now: u64) {
        let Some(a) = self.stack.pop() else { return };
        let elapsed = now.saturating_sub(a.start);
        let own = elapsed.saturating_sub(a.child);
        let f = &mut self.funcs[a.func as usize];
        f.self_ticks += own;
        f.active = f.active.saturating_sub(1);
        if f.active == 0 {
            f.cum_ticks += elapsed;
        }
        if let Some(e) = f.edge_mut(a.edge) {
            e.self_ticks += own;
            e.active = e.active.saturating_sub(1);
            if e.active == 0 {
                e.cum_ticks += elapsed;
            }
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
        let f = &c.funcs[1];
        assert_eq!((f.calls, f.primitive_calls()), (3, 1));
        assert_eq!(f.cum_ticks, 50, "outermost activation only");
        assert_eq!(f.self_ticks, 50, "self times add up to the outermost span");
        assert_eq!(c.funcs[0].self_ticks, 50);
        assert_eq!(c.funcs[0].cum_ticks, 100);
        let from_main = f.callers().find(|e| e.caller == 0).unwrap();
        let from_self = f.callers().find(|e| e.caller == 1).unwrap();
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
        assert_eq!(c.funcs[2].cum_ticks, 4);
        assert_eq!(c.funcs[0].cum_ticks, 9);
        assert_eq!(c.depth(), 0);
    }

    #[test]
    fn callers_sharing_a_slot_get_edges_of_their_own() {
        // Callers 0, 4 and 8 all map to slot 0; 1 has a slot of its own.
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
        let f = &c.funcs[9];
        let mut edges: Vec<(u32, u64, u64)> = f
            .callers()
            .map(|e| (e.caller, e.calls, e.primitive_calls()))
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
        let f = &c.funcs[1];
        assert_eq!((f.calls, f.primitive_calls()), (4, 2));
        assert_eq!((f.self_ticks, f.cum_ticks), (0, 0));
        let from_self = f.callers().find(|e| e.caller == 1).unwrap();
        assert_eq!((from_self.calls, from_self.primitive_calls()), (2, 1));
        let from_main = f.callers().find(|e| e.caller == 0).unwrap();
        assert_eq!((from_main.calls, from_main.primitive_calls()), (2, 2));
    }
}
