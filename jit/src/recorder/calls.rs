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
//! Sampled timing makes these counts most of a call's recording cost, so the
//! common case is kept to a few loads and stores: `try_enter_counted` finds
//! the caller's edge through a hint, counts recursive calls (usually none)
//! rather than primitive ones, and calls nothing.

/// Function index meaning "no caller" (the main module's activation).
pub const NO_CALLER: u32 = u32::MAX;

#[derive(Clone, Debug, Default)]
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

impl Edge {
    pub fn primitive_calls(&self) -> u64 {
        self.calls - self.recursive
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
    pub callers: Vec<Edge>,
    /// Index in `callers` of the edge last used by a caller, by the caller's
    /// id modulo 4: a function called from a few places alternately still
    /// finds its edge without a search.
    edge_hint: [u32; 4],
}

impl FuncTimes {
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

    /// The index of the edge from `caller`, made on first sight; becomes
    /// the caller's hint.
    #[inline(never)]
    fn find_edge(&mut self, caller: u32) -> usize {
        let i = match self.callers.iter().position(|e| e.caller == caller) {
            Some(i) => i,
            None => {
                self.callers.push(Edge {
                    caller,
                    ..Edge::default()
                });
                self.callers.len() - 1
            }
        };
        self.edge_hint[caller as usize % 4] = i as u32;
        i
    }
}

impl Edge {
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

#[derive(Clone, Copy, Debug)]
struct Activation {
    func: u32,
    /// Index of the caller edge in `funcs[func].callers` (u32::MAX: none).
    edge: u32,
    start: u64,
    /// Ticks spent in callees, subtracted for self time.
    child: u64,
}

#[derive(Default)]
pub struct CallTimes {
    pub funcs: Vec<FuncTimes>,
    stack: Vec<Activation>,
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
        self.stack.last().map(|a| a.func)
    }

    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// A call of `func` starts at tick `now` (exact timing).
    #[inline]
    pub fn enter(&mut self, func: u32, now: u64) {
        let edge = self.count(func);
        self.stack.push(Activation {
            func,
            edge,
            start: now,
            child: 0,
        });
    }

    /// A call of `func` starts (sampled timing: counted, not timed).
    #[inline]
    pub fn enter_counted(&mut self, func: u32) {
        let edge = self.count(func);
        self.stack.push(Activation {
            func,
            edge,
            start: 0,
            child: 0,
        });
    }

    /// `enter_counted` for the common case, where nothing needs to grow or
    /// be searched: a caller whose edge is its hint, and room on the stack.
    /// Returns false, having changed nothing, for the other cases. Calls
    /// nothing, so a hook made of it saves no registers.
    #[inline(always)]
    pub fn try_enter_counted(&mut self, func: u32) -> bool {
        let len = self.stack.len();
        if len == self.stack.capacity() {
            return false;
        }
        let Some(caller) = self.stack.last().map(|a| a.func) else {
            return false;
        };
        let Some(f) = self.funcs.get_mut(func as usize) else {
            return false;
        };
        let hint = f.edge_hint[caller as usize % 4];
        let Some(e) = f.callers.get_mut(hint as usize) else {
            return false;
        };
        if e.caller != caller {
            return false;
        }
        e.start();
        f.start();
        // SAFETY: `len < capacity` was checked above, so the slot is
        // allocated; it is written before the length covers it.
        unsafe {
            self.stack.as_mut_ptr().add(len).write(Activation {
                func,
                edge: hint,
                start: 0,
                child: 0,
            });
            self.stack.set_len(len + 1);
        }
        true
    }

    /// The innermost activation returns (sampled timing).
    #[inline]
    pub fn leave_counted(&mut self) {
        let Some(a) = self.stack.pop() else { return };
        let f = &mut self.funcs[a.func as usize];
        f.active = f.active.saturating_sub(1);
        if let Some(e) = f.callers.get_mut(a.edge as usize) {
            e.active = e.active.saturating_sub(1);
        }
    }

    /// Count a call of `func` from the innermost activation; returns the
    /// index of the caller edge (u32::MAX: called from no function).
    #[inline(always)]
    fn count(&mut self, func: u32) -> u32 {
        let caller = match self.stack.last() {
            Some(a) => a.func,
            None => NO_CALLER,
        };
        if func as usize >= self.funcs.len() {
            self.ensure(func);
        }
        let f = &mut self.funcs[func as usize];
        f.start();
        if caller == NO_CALLER {
            return u32::MAX;
        }
        let hint = f.edge_hint[caller as usize % 4] as usize;
        let i = match f.callers.get(hint) {
            Some(e) if e.caller == caller => hint,
            _ => f.find_edge(caller),
        };
        f.callers[i].start();
        i as u32
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
        if let Some(e) = f.callers.get_mut(a.edge as usize) {
            e.self_ticks += own;
            e.active = e.active.saturating_sub(1);
            if e.active == 0 {
                e.cum_ticks += elapsed;
            }
        }
        if let Some(p) = self.stack.last_mut() {
            p.child += elapsed;
        }
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
        let from_main = f.callers.iter().find(|e| e.caller == 0).unwrap();
        let from_self = f.callers.iter().find(|e| e.caller == 1).unwrap();
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
        let from_self = f.callers.iter().find(|e| e.caller == 1).unwrap();
        assert_eq!((from_self.calls, from_self.primitive_calls()), (2, 1));
        let from_main = f.callers.iter().find(|e| e.caller == 0).unwrap();
        assert_eq!((from_main.calls, from_main.primitive_calls()), (2, 2));
    }
}
