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
//! - enter: `direct_calls += 1` on the edge (the call enters the callee's
//!   direct entry, which leaves its first block's lines to these counts:
//!   `Edge::direct_entries`); `active += 1` on
//!   `*callee_counts` (`active` is `minus_active`, the count negated: `sub
//!   1`, which borrows when no activation was running); when it borrowed
//!   (the common case) `outer` on them is the edge; otherwise (a recursive
//!   call, out of line) `recursive += 1` on them, `recursive += 1` on the
//!   edge's counts when the edge is active (`active != 0` on them, or the
//!   callee's `outer` is the edge), and `active += 1` on the edge's; then
//!   the new frame's `rec_edge` is the edge;
//! - leave: when the frame's `rec_edge` is not null: `active -= 1` on
//!   `*callee_counts` (`add 1`; they are the frame's code's,
//!   `code_counts`), and on the edge's counts unless that
//!   ended the callee's last activation (the sum is zero; the frame is
//!   popped with its `rec_edge` left in the slot);
//! - a call the callee's base case answers at the site, with no frame
//!   (`jit/gen_leaf_calls.rs`): `calls += 1` on the edge's counts; when
//!   the callee is running, `recursive += 1` on the callee's counts and on
//!   the edge's when the edge is active, as at enter; at a self-call site
//!   (the caller is an activation of the callee) `self_calls += 1` on the
//!   edge instead, and `self_primitive += 1` when the edge is not active;
//!   `active` is left as it was (the call has returned);
//! - the self-recursion path (`calls` module comment), when the caller
//!   frame's `rec_edge` with `fast_tag` set is the edge with it set: the
//!   edge's `fast_calls += 1`, and the new frame's `rec_edge` is the edge
//!   with `fast_tag` set; its leave does nothing.
//!
//! Sampled timing only: exact timing reads the clock, which the hooks do.
//! The test below replays the emitted steps against `Edge::start`/`end`.

use std::mem::offset_of;
use std::sync::LazyLock;

use super::{Counts, Edge};
use crate::bytecode::code::Code;
use crate::interp::frame::Frame;
use crate::recorder::CodeProf;

/// Byte offsets compiled code uses.
#[derive(Debug, Clone, Copy)]
pub struct InlineLayout {
    /// `Counts` fields, from a `Counts` (an `Edge` starts with its own).
    /// `active`: `Counts::minus_active`, the negated count.
    pub calls: i32,
    pub recursive: i32,
    pub active: i32,
    pub outer: i32,
    /// From an `Edge`: its calls on the self-recursion path, its calls
    /// counted inline, its answered self-calls, its callee's `Counts`
    /// pointer.
    pub fast_calls: i32,
    pub direct_calls: i32,
    pub self_calls: i32,
    pub self_primitive: i32,
    pub callee_counts: i32,
    /// From a `Frame`: its edge.
    pub frame_rec_edge: i32,
    /// From a `Code`: its function's `Counts`, which are the callee counts
    /// of every edge a frame of that code holds (`Recorder::code_id`), so
    /// code that has the callee's code at hand (a site's code word, a
    /// frame's code) reaches them without loading them from the edge.
    pub code_counts: i32,
    /// `calls::FAST_TAG`.
    pub fast_tag: i32,
}

static LAYOUT: LazyLock<InlineLayout> = LazyLock::new(|| {
    assert_eq!(offset_of!(Edge, counts), 0);
    let i = |x: usize| x as i32;
    InlineLayout {
        calls: i(offset_of!(Counts, calls)),
        recursive: i(offset_of!(Counts, recursive)),
        active: i(offset_of!(Counts, minus_active)),
        outer: i(offset_of!(Counts, outer)),
        fast_calls: i(offset_of!(Edge, fast_calls)),
        direct_calls: i(offset_of!(Edge, direct_calls)),
        self_calls: i(offset_of!(Edge, self_calls)),
        self_primitive: i(offset_of!(Edge, self_primitive)),
        callee_counts: i(offset_of!(Edge, callee_counts)),
        frame_rec_edge: i(offset_of!(Frame, rec_edge)),
        code_counts: i(offset_of!(Code, prof) + offset_of!(CodeProf, counts)),
        fast_tag: i(super::FAST_TAG),
    }
});

pub fn layout() -> &'static InlineLayout {
    &LAYOUT
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recorder::calls::{counted, CallTimes, Caller, FAST_TAG};

    /// The callee's counts and direct entry, which compiled code reaches
    /// from the code object's pointer at every call, sit where a one-byte
    /// displacement reaches them (`Code` is `repr(C)` with them first).
    #[test]
    fn a_callees_counts_and_direct_entry_take_one_byte_displacements() {
        let frame = crate::jit::direct_site::frame_layout();
        let l = layout();
        let last = frame.rc_code + l.code_counts + l.outer;
        assert!(last < 128, "{last}");
        assert!(frame.rc_code_direct < 128, "{}", frame.rc_code_direct);
    }

    /// The word at offset `o` of `p`.
    ///
    /// # Safety
    /// `p` points at a live `Counts` or `Edge` holding the field at `o`.
    unsafe fn at(p: *const u8, o: i32) -> *mut u64 {
        p.offset(o as isize) as *mut u64
    }

    /// The callee's counts of edge `e`, through the offsets.
    ///
    /// # Safety
    /// `e` points at a live `Edge`.
    unsafe fn callee(e: *const Edge) -> *const u8 {
        *at(e as *const u8, layout().callee_counts) as *const u8
    }

    /// The out-of-line part of a call on `e` while its callee (counts `c`)
    /// runs, as the emitted code makes it (`activation`: a call that
    /// starts one, not answered at the site).
    ///
    /// # Safety
    /// `e` points at a live `Edge`, `c` at its callee's counts.
    unsafe fn recursive(e: *const u8, c: *const u8, activation: bool) {
        let l = layout();
        *at(c, l.recursive) += 1;
        if *at(e, l.active) != 0 || *at(c, l.outer) == e as u64 {
            *at(e, l.recursive) += 1;
        }
        if activation {
            *at(e, l.active) = (*at(e, l.active)).wrapping_sub(1);
        }
    }

    /// A call on edge `e` by a frame holding `caller` (its `rec_edge`), as
    /// the emitted code makes it (`fast`: at a site calling its own
    /// function, which tries the self-recursion path): the new frame's
    /// `rec_edge`.
    ///
    /// # Safety
    /// `e` points at a live `Edge`.
    unsafe fn enter_inline(e: *const Edge, caller: usize, fast: bool) -> usize {
        let l = layout();
        let tag = l.fast_tag as usize;
        if fast && caller | tag == e as usize | tag {
            let p = ((caller | tag) - tag) as *const u8;
            *at(p, l.fast_calls) += 1;
            return caller | tag;
        }
        let (p, c) = (e as *const u8, callee(e));
        *at(p, l.direct_calls) += 1;
        // `sub 1` borrows from 0: no activation was running.
        let a = *at(c, l.active);
        *at(c, l.active) = a.wrapping_sub(1);
        if a == 0 {
            *at(c, l.outer) = e as u64;
        } else {
            recursive(p, c, true);
        }
        e as usize
    }

    /// A call on edge `e` that its callee's base case answered at the site
    /// (no frame), as the emitted code counts it (`self_call`: the caller
    /// is an activation of the callee, which is then not tested).
    ///
    /// # Safety
    /// `e` points at a live `Edge`.
    unsafe fn answer_inline(e: *const Edge, self_call: bool) {
        let l = layout();
        let (p, c) = (e as *const u8, callee(e));
        if self_call {
            *at(p, l.self_calls) += 1;
            if *at(p, l.active) == 0 && *at(c, l.outer) != e as u64 {
                *at(p, l.self_primitive) += 1;
            }
            return;
        }
        *at(p, l.calls) += 1;
        if *at(c, l.active) != 0 {
            recursive(p, c, false);
        }
    }

    /// The return of a frame holding `rec_edge`, as the emitted code and
    /// `Recorder::leave_frame` make it.
    ///
    /// # Safety
    /// A non-null `rec_edge` is a live `Edge`, tagged or not.
    unsafe fn leave_inline(rec_edge: usize) {
        let l = layout();
        if let Some(e) = counted(rec_edge as *const Edge) {
            let c = callee(e);
            let a = (*at(c, l.active)).wrapping_add(1);
            *at(c, l.active) = a;
            if a != 0 {
                let p = e as *const u8;
                *at(p, l.active) = (*at(p, l.active)).wrapping_add(1);
            }
        }
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
                    enter_inline(e, 0, false);
                } else {
                    (*e).start();
                }
            };
            let leave = |e: *const Edge| unsafe {
                if inline {
                    leave_inline(e as usize);
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
            let edge = unsafe { (*e).figures() };
            (c.figures(1), edge)
        };
        assert_eq!(run(true), run(false));
        let (func, edge) = run(true);
        assert_eq!((func.calls, func.primitive_calls), (4, 2));
        assert_eq!((edge.calls, edge.primitive_calls), (4, 2));
    }

    /// Counts per function: calls, primitive calls, callers.
    type Replayed = Vec<(u64, u64, Vec<(u32, u64, u64)>)>;

    /// A program's calls: `Some(f)` calls function f from the top frame (at
    /// a site calling its own function when the top frame is f's), `None`
    /// returns from it. `answer` (with `inline`): a call returning at once
    /// is answered at the site, as when the callee's base case holds.
    fn replay(script: &[Option<u32>], inline: bool, answer: bool) -> Replayed {
        let mut c = CallTimes::default();
        for id in 0..3 {
            c.register_builtin(id);
        }
        // (function, rec_edge) per frame; the root frame is function 0's.
        let mut frames: Vec<(u32, usize)> = vec![(0, 0)];
        let mut steps = script.iter().peekable();
        while let Some(step) = steps.next() {
            match *step {
                Some(f) => {
                    let &(caller, caller_edge) = frames.last().unwrap();
                    let key = Caller {
                        key: c.key_of(caller),
                        id: caller,
                    };
                    let e = c.edge(key, f);
                    if inline && answer && steps.peek() == Some(&&None) {
                        steps.next();
                        // SAFETY: `e` is an edge of `c`, live until `c` drops.
                        unsafe { answer_inline(e, caller == f) };
                        continue;
                    }
                    // SAFETY: `e` is an edge of `c`, live until `c` drops.
                    let held = unsafe {
                        if inline {
                            enter_inline(e, caller_edge, caller == f)
                        } else {
                            (*e).start();
                            e as usize
                        }
                    };
                    frames.push((f, held));
                }
                None => {
                    let (_, held) = frames.pop().unwrap();
                    // SAFETY: as above.
                    unsafe { leave_inline(held) };
                }
            }
        }
        if inline && !answer {
            // The self-recursion path was taken (and is still open).
            assert!(frames.iter().any(|&(_, e)| e & FAST_TAG != 0));
        }
        (0..3)
            .map(|id| {
                let f = c.figures(id);
                let mut callers: Vec<_> = c
                    .callers(id)
                    .map(|(k, e)| (k, e.calls, e.primitive_calls))
                    .collect();
                callers.sort();
                (f.calls, f.primitive_calls, callers)
            })
            .collect()
    }

    #[test]
    fn self_recursion_path_counts_what_edge_start_and_end_count() {
        // 1 recursing (through the fast path after its first level),
        // through 2 (F -> F -> G -> F -> F), with returns in between and
        // a second descent, and the counts of still-open calls.
        let (c, r) = (Some, None);
        let script = [
            c(1),
            c(1),
            c(1),
            c(2),
            c(1),
            c(1),
            c(1),
            r,
            r,
            c(2),
            c(2),
            r,
            r,
            r,
            r,
            c(1),
            r,
            r,
            r,
            c(1),
            c(1),
        ];
        let inline = replay(&script, true, false);
        assert_eq!(inline, replay(&script, false, false));
        // Every call that returns at once answered at its site, as a
        // callee's base case answers it (`jit/gen_leaf_calls.rs`): the same.
        assert_eq!(replay(&script, true, true), inline);
        // Answered calls of a function not running (primitive for it and
        // the edge), of one running, from itself (primitive for the edge
        // only, whose first call it is) and from another, and from the
        // root frame's function.
        let other = [c(1), c(2), r, c(2), c(2), r, c(1), r, r, r, c(2), r];
        let answered = replay(&other, true, true);
        assert_eq!(answered, replay(&other, false, false));
        assert_eq!(answered[2], (4, 3, vec![(0, 1, 1), (1, 2, 2), (2, 1, 1)]));
        // 1: called 9 times, primitive once (its first activation stays
        // open); from itself 7 times, primitive for the edge once per
        // descent from 1's first frame (whose edge is 0's).
        assert_eq!(inline[1].0, 9);
        assert_eq!(inline[1].1, 1);
        assert_eq!(inline[1].2, [(0, 1, 1), (1, 7, 2), (2, 1, 1)]);
        assert_eq!((inline[2].0, inline[2].1), (3, 1));
    }
}
