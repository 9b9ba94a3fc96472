//! Deterministic per-function timing: every call and return, Python and
//! builtin, in the interpreter and in compiled code (compiled code hands calls
//! and returns to the interpreter, so the same two hooks see both).
//!
//! The figures are cProfile's, so the pstats export means what snakeviz and
//! gprof2dot expect: `primitive_calls` counts calls that were not recursive,
//! cumulative time is added only when the outermost activation of a function
//! returns (so recursion is not counted twice), and each caller edge keeps the
//! same four figures for the calls made from that caller.

/// Function index meaning "no caller" (the main module's activation).
pub const NO_CALLER: u32 = u32::MAX;

#[derive(Clone, Debug, Default)]
pub struct Edge {
    pub caller: u32,
    pub calls: u64,
    pub primitive_calls: u64,
    pub self_ticks: u64,
    pub cum_ticks: u64,
    active: u32,
}

#[derive(Clone, Debug, Default)]
pub struct FuncTimes {
    pub calls: u64,
    pub primitive_calls: u64,
    pub self_ticks: u64,
    pub cum_ticks: u64,
    /// Activations of this function on the stack now.
    active: u32,
    pub callers: Vec<Edge>,
    /// The edge used last (most calls come from the same caller as the last).
    last_edge: u32,
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

    #[inline]
    pub fn enter(&mut self, func: u32, now: u64) {
        let caller = self.current().unwrap_or(NO_CALLER);
        self.ensure(func);
        let f = &mut self.funcs[func as usize];
        f.calls += 1;
        if f.active == 0 {
            f.primitive_calls += 1;
        }
        f.active += 1;
        let edge = if caller == NO_CALLER {
            u32::MAX
        } else {
            let last = f.last_edge as usize;
            let i = if f.callers.get(last).is_some_and(|e| e.caller == caller) {
                last
            } else {
                match f.callers.iter().position(|e| e.caller == caller) {
                    Some(i) => i,
                    None => {
                        f.callers.push(Edge {
                            caller,
                            ..Edge::default()
                        });
                        f.callers.len() - 1
                    }
                }
            };
            f.last_edge = i as u32;
            let e = &mut f.callers[i];
            e.calls += 1;
            if e.active == 0 {
                e.primitive_calls += 1;
            }
            e.active += 1;
            i as u32
        };
        self.stack.push(Activation {
            func,
            edge,
            start: now,
            child: 0,
        });
    }

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

    /// Close every activation still open (the run stopped inside them).
    pub fn leave_all(&mut self, now: u64) {
        while !self.stack.is_empty() {
            self.leave(now);
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
        assert_eq!((f.calls, f.primitive_calls), (3, 1));
        assert_eq!(f.cum_ticks, 50, "outermost activation only");
        assert_eq!(f.self_ticks, 50, "self times add up to the outermost span");
        assert_eq!(c.funcs[0].self_ticks, 50);
        assert_eq!(c.funcs[0].cum_ticks, 100);
        let from_main = f.callers.iter().find(|e| e.caller == 0).unwrap();
        let from_self = f.callers.iter().find(|e| e.caller == 1).unwrap();
        assert_eq!((from_main.calls, from_main.primitive_calls), (1, 1));
        assert_eq!((from_self.calls, from_self.primitive_calls), (2, 1));
        assert_eq!(from_main.cum_ticks, 50);
        assert_eq!(from_self.cum_ticks, 30);
    }

    #[test]
    fn leave_all_closes_open_activations() {
        let mut c = CallTimes::default();
        c.enter(0, 0);
        c.enter(2, 5);
        c.leave_all(9);
        assert_eq!(c.funcs[2].cum_ticks, 4);
        assert_eq!(c.funcs[0].cum_ticks, 9);
        assert_eq!(c.depth(), 0);
    }
}
