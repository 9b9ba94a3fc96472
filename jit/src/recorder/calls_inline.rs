//! The interface between the call counts (`calls.rs`) and compiled code that
//! counts its direct calls inline (`jit/gen_rec_calls.rs`) instead of calling
//! the recorder's hooks.
//!
//! A direct-call site always calls from the compiled frame it is in, so the
//! (caller, callee) edge of each callee it remembers is fixed: the site
//! learns it once from the hook (the edge `enter_frame` put in the new
//! frame's `rec_edge`) and afterwards compiled code does what `Edge::start`
//! and `Edge::end` do, with plain loads and stores at these offsets:
//!
//! - enter: on the edge's counts, then on `*callee_counts`: `calls += 1`;
//!   `primitive += 1` if `active == 0`; `active += 1`; then the new frame's
//!   `rec_edge` is the edge;
//! - leave: when the frame's `rec_edge` is not null: `active -= 1` on both,
//!   and `rec_edge` is cleared.
//!
//! Sampled timing only: exact timing reads the clock, which the hooks do.
//! The test below replays the emitted steps against `Edge::start`/`end`.

use std::mem::offset_of;
use std::sync::LazyLock;

use super::{Counts, Edge};
use crate::interp::frame::Frame;

/// Byte offsets compiled code uses.
#[derive(Debug, Clone, Copy)]
pub struct InlineLayout {
    /// `Counts` fields, from a `Counts` (an `Edge` starts with its own).
    pub calls: i32,
    pub primitive: i32,
    pub active: i32,
    /// From an `Edge`: its callee's `Counts` pointer.
    pub callee_counts: i32,
    /// From a `Frame`: its edge.
    pub frame_rec_edge: i32,
}

static LAYOUT: LazyLock<InlineLayout> = LazyLock::new(|| {
    assert_eq!(offset_of!(Edge, counts), 0);
    let i = |x: usize| x as i32;
    InlineLayout {
        calls: i(offset_of!(Counts, calls)),
        primitive: i(offset_of!(Counts, primitive)),
        active: i(offset_of!(Counts, active)),
        callee_counts: i(offset_of!(Edge, callee_counts)),
        frame_rec_edge: i(offset_of!(Frame, rec_edge)),
    }
});

pub fn layout() -> &'static InlineLayout {
    &LAYOUT
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recorder::calls::{CallTimes, Caller};

    /// What the emitted enter does to one `Counts`, through the offsets.
    ///
    /// # Safety
    /// `p` points at a live `Counts`.
    unsafe fn count(p: *const u8) {
        let l = layout();
        let at = |o: i32| p.offset(o as isize) as *mut u64;
        *at(l.calls) += 1;
        if *at(l.active) == 0 {
            *at(l.primitive) += 1;
        }
        *at(l.active) += 1;
    }

    /// What the emitted leave does to one `Counts`.
    ///
    /// # Safety
    /// As `count`.
    unsafe fn uncount(p: *const u8) {
        *(p.offset(layout().active as isize) as *mut u64) -= 1;
    }

    /// The callee's counts of edge `e`, through the offsets.
    ///
    /// # Safety
    /// `e` points at a live `Edge`.
    unsafe fn callee(e: *const Edge) -> *const u8 {
        *((e as *const u8).offset(layout().callee_counts as isize) as *const *const u8)
    }

    #[test]
    fn inline_steps_match_edge_start_and_end() {
        // f calls itself: three nested calls, then one more after they
        // returned; once through the methods, once through the offsets.
        let run = |inline: bool| {
            let mut c = CallTimes::default();
            c.register_builtin(0);
            c.register_builtin(1);
            let f = Caller {
                key: c.key_of(1),
                id: 1,
            };
            let e = c.edge(f, 1);
            // SAFETY (both closures): `e` is an edge of `c`, which outlives
            // the calls, and its callee counts are `c`'s.
            let enter = |e: *const Edge| unsafe {
                if inline {
                    count(e as *const u8);
                    count(callee(e));
                } else {
                    (*e).start();
                }
            };
            let leave = |e: *const Edge| unsafe {
                if inline {
                    uncount(e as *const u8);
                    uncount(callee(e));
                } else {
                    (*e).end();
                }
            };
            for _ in 0..3 {
                enter(e);
            }
            for _ in 0..3 {
                leave(e);
            }
            enter(e);
            leave(e);
            // SAFETY: as above.
            let edge = unsafe { (*e).counts.figures() };
            (c.figures(1), edge)
        };
        assert_eq!(run(true), run(false));
        let (func, edge) = run(true);
        assert_eq!((func.calls, func.primitive_calls), (4, 2));
        assert_eq!((edge.calls, edge.primitive_calls), (4, 2));
    }
}
