//! Recording: counting the calls compiled code answers at the call site
//! without making them, so the profile shows them as if made.
//!
//! Fast paths that skip a call: a callee's body with no effect but its
//! result computed at the site, a function's or a method's
//! (`gen_inline_calls.rs`), and builtins answered there: `len(x)`, `ord(c)`,
//! `min`/`max` of two numbers (`gen_builtin_calls.rs`), `l.append(x)`,
//! `l.pop()` (`gen_list_methods.rs`), `math.sqrt(x)`
//! (`gen_module_calls.rs`). Such a call enters and returns at once, so what
//! the interpreter would leave counted is: one call on the caller->callee
//! edge (cProfile's calls of the edge, and of the callee, which are its
//! edges' sum), primitive unless the callee was running (then recursive for
//! it), and for a Python callee one entry of each line its body runs.
//!
//! The fast path counts all that with one `add qword [rip + d], 1` on a
//! counter of this code's, after all its code, in the read-write pages of
//! the line counters (`linecount.rs`): one counter per edge and way
//! through the callee's body (a branching body has several, each running
//! lines of its own), whose count is added to the edge's `calls` and to
//! the lines of the way (`CodeProf::pcs`) when the profile is built
//! (`fold_counted_calls`).
//! The calls counted so are never recursive: before anything, the fast
//! path tests that the callee runs no activation, and makes the real call
//! (whose hooks count it as recursive) when it does. A builtin's activation
//! may be left uncounted while it runs (`calls::CallTimes::lazy`): when
//! such a call is in progress and is of this builtin, the real call too.
//!
//! The edge is made when the site is compiled (`Recorder::edge_at_compile`,
//! `builtin_edge_at_compile`); the caller of a call compiled code makes is
//! the compiled frame's function, so the edge is the one the hooks would
//! find. A callee without a profile index (never called yet: a loop
//! compiled before its first `len` call, with `--jit=eager` a function
//! compiled at its first call) leaves the site without the fast path while
//! recording: the profile lists every function with an index, and the
//! interpreter gives one at the first call.
//!
//! Time: these calls are sampled like the code around them. A sample taken
//! in an inlined body or a `len` computed at the site is attributed, by the
//! code address, to the calling instruction (`pc_index.rs`), so to the
//! caller's line and function, as self time: the callee's own time is not
//! there (a made call would have had it, a few instructions per call).
//! With `--timing exact`, which reads the clock at every call and return,
//! these fast paths stay off.

use std::rc::Rc;

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{Gen, LineCounters};
use crate::bytecode::code::Code;
use crate::recorder::calls::{inline, Counts, Edge};
use crate::runtime::heap::Gc;
use crate::runtime::object::BuiltinObj;

/// A counter of calls answered at their sites: each counts one call on
/// `edge` and, for a Python callee, one entry of each of `lines`.
pub struct CountedCall {
    pub edge: *const Edge,
    /// The callee's code and the line entries (pcs) its answered body runs.
    pub lines: Option<(Rc<Code>, Vec<u32>)>,
}

/// Recording: how a builtin's call answered at its site is counted: on
/// `edge`, by `counter` (`Gen::counted_call_counter`).
#[derive(Clone, Copy)]
pub(super) struct CallCount {
    pub edge: *const Edge,
    pub counter: DynamicLabel,
}

/// Recording: how a call of a Python function whose body its site runs
/// (`gen_inline_calls.rs`) is counted: on `edge`, by one counter per way
/// through the body (`inline::Path::returns`' order), each counting the
/// lines that way runs.
#[derive(Clone)]
pub(super) struct PathCounts {
    pub edge: *const Edge,
    pub counters: Vec<DynamicLabel>,
}

impl<'a> Gen<'a> {
    /// How a call of Python function code `callee` that its site answers
    /// is counted, each way through its body running the callee's
    /// instructions of `ways` (one list each): Some(None) when not
    /// recording, None when it cannot be (recording without the edge, or
    /// with exact timing): no fast path then.
    pub(super) fn call_counts_to(
        &mut self,
        callee: &Rc<Code>,
        ways: &[&Vec<u32>],
    ) -> Option<Option<PathCounts>> {
        if self.polls.exact_timing {
            return None;
        }
        if self.polls.sample.is_none() {
            return Some(None);
        }
        let edge = self.rec_edge_to(callee)?;
        let counters = ways
            .iter()
            .map(|ran| self.counted_call_counter(edge, Some((callee, ran.as_slice()))))
            .collect();
        Some(Some(PathCounts { edge, counters }))
    }

    /// `call_count_to` for a call of builtin `b`.
    pub(super) fn call_count_to_builtin(&mut self, b: Gc<BuiltinObj>) -> Option<Option<CallCount>> {
        if self.polls.exact_timing {
            return None;
        }
        if self.polls.sample.is_none() {
            return Some(None);
        }
        let edge = self.rec_edge_to_builtin(b)?;
        let counter = self.counted_call_counter(edge, None);
        Some(Some(CallCount { edge, counter }))
    }

    /// Recording: the edge of this code's calls of Python function code
    /// `callee`, when the recorder can make it now.
    fn rec_edge_to(&mut self, callee: &Code) -> Option<*const Edge> {
        let caller = self.code;
        self.rec.as_deref_mut()?.edge_at_compile(caller, callee)
    }

    /// Recording: the edge of this code's calls of builtin `b`, when it has
    /// a profile index (it was called before). Not made for a builtin not
    /// called yet: the profile lists every function it has an index for, and
    /// the interpreter gives one at the first call.
    fn rec_edge_to_builtin(&mut self, b: Gc<BuiltinObj>) -> Option<*const Edge> {
        let caller = self.code;
        let id = b.prof_id.get();
        self.rec.as_deref_mut()?.builtin_edge_at_compile(caller, id)
    }

    /// The counter of the calls answered on `edge` that run the lines
    /// `callee` says (one per edge and lines; `callee`: the callee's code
    /// and the instructions the answered body runs, for a Python callee;
    /// their line entries are counted).
    fn counted_call_counter(
        &mut self,
        edge: *const Edge,
        callee: Option<(&Rc<Code>, &[u32])>,
    ) -> DynamicLabel {
        let lines = callee.map(|(code, ran)| {
            let mut pcs: Vec<u32> = ran
                .iter()
                .copied()
                .filter(|&pc| code.prof.pcs.get(pc as usize).is_some_and(|p| p.entry))
                .collect();
            pcs.sort_unstable();
            (code.clone(), pcs)
        });
        let same = |c: &CountedCall| {
            c.edge == edge
                && match (&c.lines, &lines) {
                    (None, None) => true,
                    (Some((_, a)), Some((_, b))) => a == b,
                    _ => false,
                }
        };
        if let Some((l, _)) = self.counted.iter().find(|(_, c)| same(c)) {
            return *l;
        }
        let l = self.ops.new_dynamic_label();
        self.counted.push((l, CountedCall { edge, lines }));
        l
    }

    /// To `call` when the callee of `edge` runs an activation (the call
    /// would be recursive: the real call counts it), or, for a builtin
    /// (`builtin`), when a call of it is in progress uncounted
    /// (`CallTimes::lazy`); a builtin's two tests are made only while some
    /// builtin call is in progress (`CallTimes::builtin_depth`). Uses r10
    /// and r11. `code_in_r11`: r11 holds the
    /// callee's code word (an inline site's guard compared the function's
    /// or the method's code with it), whose code holds the counts
    /// (`InlineLayout::code_counts`): one load from it instead of a 10-byte
    /// move of their address and a load.
    pub(super) fn unless_callee_running(
        &mut self,
        edge: *const Edge,
        builtin: bool,
        code_in_r11: bool,
        call: DynamicLabel,
    ) {
        let c = *inline::layout();
        // SAFETY: an edge made at compile time is the recorder's, which the
        // VM keeps to the end, boxed (`recorder::calls`).
        let counts = unsafe { (*edge).callee_counts } as i64;
        if builtin {
            let Some((lazy, depth)) = self
                .rec
                .as_deref()
                .map(|r| (r.lazy_builtin_slot() as i64, r.builtin_depth_slot() as i64))
            else {
                asm!(self.ops; jmp =>call);
                return;
            };
            // No builtin call in progress, counted or lazy (the common case:
            // a loop's `append` or `len` outside any builtin's callback):
            // then this builtin runs no activation either. One compare where
            // the two tests below took seven instructions a call.
            let (check, back) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
            asm!(self.ops
                ; mov r11, QWORD depth
                ; cmp QWORD [r11], -1
                ; jne =>check
                ; =>back
            );
            self.cold(move |g| {
                g.comment(format_args!(
                    "recording: a builtin call in progress: an uncounted one of this builtin's, or this builtin running?"
                ));
                let no_lazy = g.ops.new_dynamic_label();
                asm!(g.ops
                    ; =>check
                    ; mov r11, QWORD lazy
                    ; mov r11, [r11]
                    ; test r11, r11
                    ; jz =>no_lazy
                    ; mov r11, [r11 + c.callee_counts]
                    ; mov r10, QWORD counts
                    ; cmp r11, r10
                    ; je =>call
                    ; =>no_lazy
                    ; mov r11, QWORD counts
                    ; cmp QWORD [r11 + c.active], 0
                    ; jne =>call
                    ; jmp =>back
                );
            });
            return;
        }
        if code_in_r11 {
            let l = *crate::jit::direct_site::frame_layout();
            asm!(self.ops
                ; cmp QWORD [r11 + l.rc_code + c.code_counts + c.active], 0
                ; jne =>call
            );
            return;
        }
        asm!(self.ops
            ; mov r11, QWORD counts
            ; cmp QWORD [r11 + c.active], 0
            ; jne =>call
        );
    }

    /// The call is answered (nothing can send it to the real call any
    /// more): count it.
    pub(super) fn count_answered_call(&mut self, counter: DynamicLabel) {
        self.ops.add_qword_rip_imm8(counter, 1);
    }

    /// The counters of `counted_call_counter`, after the line counters'
    /// words in their read-write pages (from a page boundary on when there
    /// are none): their offsets, in `counters`.
    pub(super) fn emit_counted_calls(&mut self, counters: &mut Option<LineCounters>) {
        if self.counted.is_empty() {
            return;
        }
        if counters.is_none() {
            let code_end = self.here();
            self.pad_to_counter_page();
            let rw_from = self.here();
            self.ops.push_n(0, self.counter_skew());
            *counters = Some(LineCounters {
                code_end,
                rw_from,
                at: self.here(),
                slots: 0,
                adds: Vec::new(),
                rec_fast: Vec::new(),
                run_calls: Vec::new(),
                call_entries: Vec::new(),
                counted_calls: Vec::new(),
                mid_entries: Vec::new(),
            });
        }
        let counted = std::mem::take(&mut self.counted);
        let mut out = Vec::with_capacity(counted.len());
        for (l, call) in counted {
            out.push((self.here(), call));
            asm!(self.ops; =>l; .u64 0);
        }
        if let Some(c) = counters.as_mut() {
            c.counted_calls = out;
        }
    }
}

/// Add the counts of counters `counted` (`LineCounters::counted_calls`,
/// read by `count_at`) to their edges' calls and their callees' line
/// counts, and zero them, so they are added once.
pub fn fold_counted_calls(counted: &[(u32, CountedCall)], count_at: impl Fn(u32) -> *mut u64) {
    for (at, call) in counted {
        let word = count_at(*at);
        // SAFETY: `word` is the counter's u64 in the code's read-write
        // pages (`emit_counted_calls`); no compiled code runs now.
        let n = unsafe { std::mem::replace(&mut *word, 0) };
        if n == 0 {
            continue;
        }
        // SAFETY: the edge is the recorder's, which keeps its edges to the
        // end (`recorder::build` runs after this).
        let counts: &Counts = unsafe { &(*call.edge).counts };
        counts.calls.set(counts.calls.get() + n);
        if let Some((code, pcs)) = &call.lines {
            for &pc in pcs {
                if let Some(p) = code.prof.pcs.get(pc as usize) {
                    p.count.set(p.count.get() + n);
                }
            }
        }
    }
}
