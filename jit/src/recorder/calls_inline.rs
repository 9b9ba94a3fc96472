//! The interface between the call counts (`calls.rs`) and compiled code that
//! counts its direct calls inline (`jit/gen_rec_calls.rs`), instead of calling
//! the recorder's hooks.
//!
//! Compiled code does, with plain loads and stores, exactly what
//! `try_enter_memo` and `leave_counted` do (sampled timing only; exact timing
//! keeps the hooks), so the two may interleave freely:
//!
//! - enter, when `top.func` is the caller a site remembers (see `top_call`)
//!   and the activation stack has room: `funcs[func].counts.start()`,
//!   `edges[edge].counts.start()` (calls + 1, recursive + 1 if active, then
//!   active + 1), push `Activation { func, edge, start: 0, child: 0 }`, and
//!   `top = { func, edge }`;
//! - leave: `leave_counted`, reading `top` and the stack.
//!
//! A site learns its (caller, func, edge) from `top_call` after the hook
//! counted a call there; `funcs` and `edges` only grow, so an index stays
//! valid, and compiled code reads the vectors' data pointers on each call.
//!
//! What this asks of `CallTimes` (the test below checks it against the real
//! methods): the fields named in `InlineLayout` exist with these meanings,
//! `Counts::{calls, recursive}` are u64 and `active` u32, `Activation` and
//! `Top` hold `func`/`edge` as u32 and `Activation::{start, child}` as u64,
//! and an empty `top` is `NO_CALLER`/`NO_EDGE`. Changing any of that means
//! changing `layout` (and, for meanings, the emitter).

use std::mem::{offset_of, size_of};
use std::sync::LazyLock;

use super::{Activation, CallTimes, Counts, Edge, FuncTimes, Top, NO_CALLER, NO_EDGE};

/// Byte offsets compiled code uses, all from the start of a `CallTimes`
/// except the element fields (from an element) and sizes.
#[derive(Debug, Clone, Copy)]
pub struct InlineLayout {
    pub top_func: i32,
    pub top_edge: i32,
    pub stack_ptr: i32,
    pub stack_len: i32,
    pub stack_cap: i32,
    pub act_size: i32,
    pub act_func: i32,
    pub act_edge: i32,
    pub act_start: i32,
    pub act_child: i32,
    pub funcs_ptr: i32,
    pub func_size: i32,
    /// `FuncTimes::counts` fields, from a `FuncTimes`.
    pub func_calls: i32,
    pub func_active: i32,
    pub func_recursive: i32,
    pub edges_ptr: i32,
    pub edge_size: i32,
    /// `Edge::counts` fields, from an `Edge`.
    pub edge_calls: i32,
    pub edge_active: i32,
    pub edge_recursive: i32,
    /// `top`'s values when no activation runs.
    pub no_caller: u32,
    pub no_edge: u32,
}

static LAYOUT: LazyLock<InlineLayout> = LazyLock::new(measure);

pub fn layout() -> &'static InlineLayout {
    &LAYOUT
}

impl CallTimes {
    /// The innermost call as a site remembers it: (caller, func, edge),
    /// when it has a caller function (None for a call from the module).
    pub fn top_call(&self) -> Option<(u32, u32, u32)> {
        let n = self.stack.len();
        if n < 2 || self.top.edge == NO_EDGE {
            return None;
        }
        Some((self.stack[n - 2].func, self.top.func, self.top.edge))
    }
}

/// A `Vec<T>`'s (ptr, len, cap) word offsets, measured.
fn vec_words<T>() -> (usize, usize, usize) {
    assert_eq!(size_of::<Vec<T>>(), 24);
    let v: Vec<T> = Vec::with_capacity(7);
    // SAFETY: a `Vec` is three initialised words.
    let w: Vec<usize> = (0..3)
        .map(|i| unsafe { *(&v as *const Vec<T> as *const usize).add(i) })
        .collect();
    let find = |x: usize| {
        let hits: Vec<usize> = (0..3).filter(|&i| w[i] == x).collect();
        assert!(hits.len() == 1, "recorder inline layout: {w:x?}");
        hits[0] * 8
    };
    (find(v.as_ptr() as usize), find(0), find(7))
}

fn measure() -> InlineLayout {
    let i = |x: usize| x as i32;
    let (sp, sl, sc) = vec_words::<Activation>();
    let (fp, _, _) = vec_words::<FuncTimes>();
    let (ep, _, _) = vec_words::<Edge>();
    let stack = offset_of!(CallTimes, stack);
    let funcs = offset_of!(CallTimes, funcs);
    let edges = offset_of!(CallTimes, edges);
    let top = offset_of!(CallTimes, top);
    let fc = offset_of!(FuncTimes, counts);
    let ec = offset_of!(Edge, counts);
    InlineLayout {
        top_func: i(top + offset_of!(Top, func)),
        top_edge: i(top + offset_of!(Top, edge)),
        stack_ptr: i(stack + sp),
        stack_len: i(stack + sl),
        stack_cap: i(stack + sc),
        act_size: i(size_of::<Activation>()),
        act_func: i(offset_of!(Activation, func)),
        act_edge: i(offset_of!(Activation, edge)),
        act_start: i(offset_of!(Activation, start)),
        act_child: i(offset_of!(Activation, child)),
        funcs_ptr: i(funcs + fp),
        func_size: i(size_of::<FuncTimes>()),
        func_calls: i(fc + offset_of!(Counts, calls)),
        func_active: i(fc + offset_of!(Counts, active)),
        func_recursive: i(fc + offset_of!(Counts, recursive)),
        edges_ptr: i(edges + ep),
        edge_size: i(size_of::<Edge>()),
        edge_calls: i(ec + offset_of!(Counts, calls)),
        edge_active: i(ec + offset_of!(Counts, active)),
        edge_recursive: i(ec + offset_of!(Counts, recursive)),
        no_caller: NO_CALLER,
        no_edge: NO_EDGE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the emitted enter does, through the layout's offsets.
    ///
    /// # Safety
    /// `c` has room on its stack, and `func`/`edge` are counted indices.
    unsafe fn inline_enter(c: &mut CallTimes, caller: u32, func: u32, edge: u32) -> bool {
        let l = layout();
        let base = c as *mut CallTimes as *mut u8;
        let rd32 = |o: i32| *(base.offset(o as isize) as *const u32);
        let rdw = |o: i32| *(base.offset(o as isize) as *const usize);
        let (len, cap) = (rdw(l.stack_len), rdw(l.stack_cap));
        if rd32(l.top_func) != caller || len >= cap {
            return false;
        }
        let count = |p: *mut u8, calls: i32, active: i32, rec: i32| {
            *(p.offset(calls as isize) as *mut u64) += 1;
            let a = p.offset(active as isize) as *mut u32;
            if *a != 0 {
                *(p.offset(rec as isize) as *mut u64) += 1;
            }
            *a += 1;
        };
        let f = (rdw(l.funcs_ptr) as *mut u8).add(func as usize * l.func_size as usize);
        count(f, l.func_calls, l.func_active, l.func_recursive);
        let e = (rdw(l.edges_ptr) as *mut u8).add(edge as usize * l.edge_size as usize);
        count(e, l.edge_calls, l.edge_active, l.edge_recursive);
        let a = (rdw(l.stack_ptr) as *mut u8).add(len * l.act_size as usize);
        *(a.offset(l.act_func as isize) as *mut u32) = func;
        *(a.offset(l.act_edge as isize) as *mut u32) = edge;
        *(a.offset(l.act_start as isize) as *mut u64) = 0;
        *(a.offset(l.act_child as isize) as *mut u64) = 0;
        *(base.offset(l.stack_len as isize) as *mut usize) = len + 1;
        *(base.offset(l.top_func as isize) as *mut u32) = func;
        *(base.offset(l.top_edge as isize) as *mut u32) = edge;
        true
    }

    fn snapshot(c: &CallTimes) -> String {
        format!(
            "{:?} {:?} {:?}",
            c.funcs.iter().map(|f| &f.counts).collect::<Vec<_>>(),
            c.edges,
            c.stack_funcs().collect::<Vec<_>>()
        )
    }

    #[test]
    fn inline_enter_matches_enter_counted() {
        // main (0) calls f (1), which recurses; the second run replays the
        // recursive calls inline from what `top_call` said.
        let run = |inline: bool| {
            let mut c = CallTimes::default();
            c.ensure(1);
            c.enter_counted(0);
            c.enter_counted(1);
            c.enter_counted(1);
            let (caller, func, edge) = c.top_call().expect("a call from f");
            assert_eq!((caller, func), (1, 1));
            for _ in 0..3 {
                // SAFETY: the stack has room (capacity 64) and the indices
                // came from `top_call`.
                if !(inline && unsafe { inline_enter(&mut c, caller, func, edge) }) {
                    c.enter_counted(1);
                }
            }
            for _ in 0..3 {
                c.leave_counted();
            }
            c.enter_counted(1);
            c.leave_counted();
            snapshot(&c)
        };
        assert_eq!(run(true), run(false));
        let l = layout();
        assert_eq!((l.no_caller, l.no_edge), (u32::MAX, u32::MAX));
    }
}
