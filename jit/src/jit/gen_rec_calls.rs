//! Recording: counting an inline direct call (`gen_calls.rs`) as the
//! interpreter's frame push and pop count theirs, in the call sequence.
//!
//! With sampled timing (the default) the counts are cProfile's calls,
//! primitive calls and per-caller edges, kept by `recorder::calls` on the
//! call's caller edge, which the callee's frame holds (`Frame::rec_edge`).
//! A site's caller is the compiled frame it is in, so each callee the site
//! remembers has one edge; the site entry keeps it (`DirectEntry::rec_edge`)
//! and the emitted code does what `Edge::start` and `Edge::end` do, at the
//! offsets `recorder::calls::inline` publishes (that module says what
//! compiled code relies on):
//!
//! - enter: when the entry knows its edge: count the call on the edge and
//!   an activation of the callee, which when none was running (the common
//!   case, tested by the borrow of `sub`) notes the edge as the callee's
//!   outermost (`Counts::outer`), and otherwise, out of line, counts a
//!   recursive call (`rec_count_recursive`); give the new frame the edge;
//!   otherwise call
//!   `jit_rec_enter_site`, which counts the call as the interpreter does and
//!   gives the entry its edge for the next time. A VM has one recorder,
//!   kept to the end (`Vm::start_recording`, `recorder::build`), so an edge
//!   the entry learned is always this recorder's. Where the edge is sure to
//!   be there, the code does not test for it: a site whose callee is fixed
//!   (a global's function, `DirectSite::konst`) gets its edge when it is
//!   compiled, if both functions have a profile index by then
//!   (`Recorder::edge_at_compile`), and holds it as a constant; a site that
//!   remembers its callees (`DirectSite::fill`) is filled by the Rust path
//!   right after it counted the call, and its entry is filled only with the
//!   call's edge (`direct::jit_call_enter`, `rec_learn_edge`). An edge made
//!   at compile time may never be called: the profile leaves out edges
//!   with no call (`CallTimes::callers`);
//! - leave: uncount the callee's activation (its counts are in rsi: the
//!   callee's `Return` loads them, `rec_return_counts`, so the return need
//!   not find the callee's frame), and when it was not its last
//!   (out of line) the edge's, and pop the frame leaving the edge in its
//!   slot (every push while recording writes a frame's edge before
//!   anything reads it, `Frame::rec_edge`). With sampled timing every call
//!   this leave sees was counted with an untagged edge: inline, by the
//!   hook or by the Rust path (`jit_call_enter`, `Vm::rec_enter`, which
//!   always sets one while a recorder is on); the self-recursion path's
//!   tagged edges take the hot copy, which uncounts nothing. A frame loses
//!   its edge only in `Recorder::leave_all`, when the run is over and no
//!   compiled code returns any more (`recorder::build`), so the leave
//!   tests nothing. A call of a global's function that its site counted
//!   inline uncounts the site's edge instead (`rec_const_call_leave`).
//!
//! Such a site first tries the self-recursion path (`recorder::calls`):
//! when its frame's own call came through the site's edge (f called by f:
//! the frame's edge, tagged or not, is the site's), the call is recursive
//! for the edge and the function, and both stay active while it runs, so
//! it counts only the edge's `fast_calls` and gives the new frame the edge tagged
//! `FAST_TAG`. Its return then has nothing to uncount: `gen_calls.rs` emits
//! the call sequence twice, the hot copy for this path without the
//! uncounting, and a cold one for the counted path (and the Rust path's
//! pushes) with it. The compare is against the entry's edge already tagged
//! (`DirectEntry::rec_fast`), 0 while unknown, which a frame's edge with
//! the tag set never is. A method site calling by the function's own name
//! (`reference.find(update)` in go's `Square.find`) tries the same path
//! through the entry its lookup found, whose `rec_fast` is set only when
//! its callee is this function (`rec_self_method_enter`); go's 1.35M calls
//! of `find`, 816K of them recursive, took 3.5M instructions less.
//!
//! A call its callee's base case answers at the site (`gen_leaf_calls.rs`)
//! enters and returns at once, so it counts what that call and its return
//! together leave counted (`rec_answered_call`): `calls` on the edge, and
//! when the callee is running (out of line) a recursive call, by the same
//! tests on the same counts as a call's, which are what they would be at
//! that call (its own activations are gone by its return, so the
//! activations are left as they were). A site that calls the function it
//! is in (`fib(n - 1)` in `fib`, known at compile time for a global's
//! function, `const_calls.rs`) is in an activation of its callee, so the
//! call is recursive for the function, and nearly always for the edge: it
//! counts `Edge::self_calls` (the one add that counts the lines the base
//! case ran counts them: every self-call site has the function's edge to
//! itself, and the count is added when the profile is built,
//! `LineCounters::run_calls`) and, out of line, `self_primitive` when the
//! edge is not active. The edge's activity is tested even where the
//! self-recursion path would know the edge active: the test costs less
//! than finding the caller's frame to know it. While the entry does not
//! know its edge the call is made (the hook counts it and teaches the
//! entry).
//!
//! Exact timing reads the clock at each call and return: the hooks do it
//! (at the call the site never learns an edge; the return is compiled to
//! call its hook, `JitOptions::exact_timing`), and no base case is answered
//! at the site.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::Gen;
use crate::bytecode::code::Code;
use crate::interp::vm::Vm;
use crate::jit::direct;
use crate::jit::direct_site::{frame_layout, DirectEntry};
use crate::recorder::calls::{self, inline};

impl<'a> Gen<'a> {
    /// After the inline push, before the callee runs: count the call. r8
    /// holds the site's entry for the callee, rdx the new frame; r8-r10 are
    /// kept. `konst`: the entry's address, when the site's callee is fixed
    /// (`DirectSite::konst`).
    pub(super) fn rec_call_enter(&mut self, pc: u32, konst: Option<i64>) {
        let edge = match konst {
            Some(entry) => known_edge(entry).map(Edge::Known),
            // The Rust path fills a site's entries with their edges
            // (`direct::jit_call_enter`, `rec_learn_edge`).
            None if !self.polls.exact_timing => Some(Edge::InEntry),
            None => None,
        };
        let (hook, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        let f = jit_rec_enter_site as *const () as i64;
        self.rec_count_inline(hook, edge);
        asm!(self.ops; =>done);
        if edge.is_some() {
            return;
        }
        self.cold(move |g| {
            g.comment(format_args!(
                "pc {pc}: recording: count the call in the recorder"
            ));
            asm!(g.ops
                ; =>hook
                // Four pushes keep the stack 16-byte aligned for the call.
                ; push r8
                ; push r9
                ; push r10
                ; push r10
                ; mov rdi, r12
                ; mov rsi, r8
                ; mov rax, QWORD f
                ; call rax
                ; pop r10
                ; pop r10
                ; pop r9
                ; pop r8
                ; jmp =>done
            );
        });
    }

    /// `rec_call_enter`'s inline counting, with the same registers: to
    /// `unknown` (r8 and rdx kept) when the entry does not know its edge;
    /// `edge`: the edge, when made at compile time (see the module comment).
    fn rec_count_inline(&mut self, unknown: DynamicLabel, edge: Option<Edge>) {
        let c = *inline::layout();
        self.comment(format_args!("recording: count the call inline"));
        let (base, at) = self.rec_load_edge(edge, unknown);
        let (recursive, counted) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        asm!(self.ops
            // A call on the edge, which enters the callee's direct entry
            // (its first block's lines are counted from these calls:
            // `Edge::direct_entries`); one activation more of the callee,
            // which borrows from 0 (`Counts::minus_active`) when none was
            // running, the common case: the call is primitive, and the edge
            // the callee's outermost. Its calls are its edges'
            // (`CallTimes::figures`).
            ; add QWORD [rcx + c.direct_calls], 1
            ; sub QWORD [Rq(base) + at + c.active], 1
            ; jnc =>recursive
            ; mov [Rq(base) + at + c.outer], rcx
            ; =>counted
            ; mov [rdx + c.frame_rec_edge], rcx
            // `Vm::rec_enter` also clears `Vm::rec_at`; here it is clear
            // already: entering compiled code clears it, the interpreter's
            // frames that run below compiled code clear it when they are
            // popped (`Vm::rec_run_compiled`, `rec_leave`), and compiled
            // code's runtime calls that set it clear it after them
            // (`Gen::alloc_site`).
        );
        self.cold(move |g| {
            g.comment(format_args!(
                "recording: the callee runs already: a recursive call"
            ));
            asm!(g.ops; =>recursive);
            if base != RDI {
                asm!(g.ops; lea rdi, [Rq(base) + at]);
            }
            g.rec_count_recursive(true);
            asm!(g.ops; jmp =>counted);
        });
    }

    /// From `recursive`, out of line, back to `back`: `rec_count_recursive`
    /// for a callee that runs already (`activation`: the call starts one).
    fn rec_recursive_out_of_line(
        &mut self,
        recursive: DynamicLabel,
        back: DynamicLabel,
        activation: bool,
    ) {
        self.cold(move |g| {
            g.comment(format_args!(
                "recording: the callee runs already: a recursive call"
            ));
            asm!(g.ops; =>recursive);
            g.rec_count_recursive(activation);
            asm!(g.ops; jmp =>back);
        });
    }

    /// rcx: the edge; returns where its callee's counts are: at register
    /// `base` (RDI or R10) plus `at`. To `unknown` when the edge is to be
    /// read from the entry in r8 (`edge` None) and it has none.
    fn rec_load_edge(&mut self, edge: Option<Edge>, unknown: DynamicLabel) -> (u8, i32) {
        let l = *frame_layout();
        let c = *inline::layout();
        match edge {
            Some(Edge::Known(e)) => asm!(self.ops
                ; mov rcx, QWORD e
                ; mov rdi, QWORD callee_counts(e)
            ),
            // r10: the callee's code word (`DirectSite::fill`'s path), whose
            // code holds the callee's counts (`InlineLayout::code_counts`):
            // addressed through it, which saves computing their address.
            Some(Edge::InEntry) => {
                asm!(self.ops; mov rcx, [r8 + l.site_rec_edge]);
                return (R10, l.rc_code + c.code_counts);
            }
            None => asm!(self.ops
                ; mov rcx, [r8 + l.site_rec_edge]
                ; test rcx, rcx
                ; jz =>unknown
                ; mov rdi, [rcx + c.callee_counts]
            ),
        }
        (RDI, 0)
    }

    /// A call on the edge in rcx while its callee (counts in rdi) runs:
    /// count it recursive for the callee, and for the edge when an
    /// activation of the edge runs (one counted on it, or the callee's
    /// outermost, `Counts::outer`); `activation`: the call starts one (not
    /// answered at its site), counted on the edge. rcx and rdi are kept.
    fn rec_count_recursive(&mut self, activation: bool) {
        let c = *inline::layout();
        let (active, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        asm!(self.ops
            ; add QWORD [rdi + c.recursive], 1
            ; cmp QWORD [rcx + c.active], 0
            ; jne =>active
            ; cmp [rdi + c.outer], rcx
            ; jne =>done
            ; =>active
            ; add QWORD [rcx + c.recursive], 1
            ; =>done
        );
        if activation {
            asm!(self.ops; sub QWORD [rcx + c.active], 1);
        }
    }

    /// At a site calling a global's function (not the one it is in), with
    /// r8 its entry (`DirectSite::konst`) and rdx the new frame: count the
    /// call inline when the entry knows its edge. Returns the label it goes
    /// to otherwise (`rec_call_enter`, in the cold copy of the call), with
    /// the same registers. The hot copy's return then uncounts the entry's
    /// edge (`rec_const_call_leave`).
    pub(super) fn rec_const_call_enter(&mut self, entry: i64) -> DynamicLabel {
        let unknown = self.ops.new_dynamic_label();
        self.rec_count_inline(unknown, known_edge(entry).map(Edge::Known));
        unknown
    }

    /// The hot copy of a call `rec_const_call_enter` counted returned:
    /// uncount the edge of the site's entry at `entry`, which is the one the
    /// call counted and gave its frame. A `konst` entry is never refilled
    /// (its callee is fixed) and the hook sets its edge only while it is
    /// null, so once known the edge never changes: reading it here saves
    /// finding the callee's frame.
    pub(super) fn rec_const_call_leave(&mut self, entry: i64) {
        let l = *frame_layout();
        let c = *inline::layout();
        self.comment(format_args!(
            "recording: uncount the call inline (the site's edge)"
        ));
        let load_edge = move |g: &mut Gen| match known_edge(entry) {
            Some(e) => asm!(g.ops; mov rax, QWORD e),
            None => asm!(g.ops
                ; mov rax, QWORD entry
                ; mov rax, [rax + l.site_rec_edge]
            ),
        };
        let (nested, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        asm!(self.ops
            // One activation less of the callee (its counts in rsi, from
            // its `Return`: `rec_return_counts`); when it was not its last,
            // the call was recursive: one less of the edge (see `Edge::end`).
            ; add QWORD [rsi + c.active], 1
            ; jnz =>nested
            ; =>done
        );
        self.cold(move |g| {
            g.comment(format_args!("recording: a recursive call returned"));
            asm!(g.ops; =>nested);
            load_edge(g);
            asm!(g.ops
                ; add QWORD [rax + c.active], 1
                ; jmp =>done
            );
        });
    }

    /// At a site calling the function it is in, whose entry is at `entry`,
    /// with rdx the new frame: the self-recursion path (see the module
    /// comment). Returns the label it goes to when the call must be counted
    /// (`rec_call_enter`, after loading r8 with the entry), rdx kept. The
    /// entry's `rec_fast` is compared in its copy after the code, relative
    /// to rip (`DirectEntry::rec_fast_slot`), so the path needs no r8.
    pub(super) fn rec_self_call_enter(&mut self, entry: i64) -> DynamicLabel {
        let fast = self.rec_fast_slot(entry);
        self.rec_self_enter(Some(entry), fast)
    }

    /// At a method site likely to call the function it is in
    /// (`Gen::self_method_site`: `reference.find(...)` in `find`), with r8
    /// the site's entry for the callee found and rdx the new frame: the
    /// self-recursion path, as `rec_self_call_enter`'s. The entry's
    /// `rec_fast` is set only when its edge is the function's own
    /// (`rec_learn_edge`), so another callee is never taken for this one:
    /// it goes to the label returned, to be counted (`rec_call_enter`, with
    /// r8 to r10 and rdx kept).
    pub(super) fn rec_self_method_enter(&mut self) -> DynamicLabel {
        self.rec_self_enter(None, None)
    }

    /// The self-recursion test and count (see the module comment): the
    /// entry's `rec_fast` compared in its copy `fast` when there is one,
    /// else at r8, loaded with `entry` when that is given (r8 holds the
    /// entry otherwise).
    fn rec_self_enter(&mut self, entry: Option<i64>, fast: Option<DynamicLabel>) -> DynamicLabel {
        let l = *frame_layout();
        let c = *inline::layout();
        let counted = self.ops.new_dynamic_label();
        self.comment(format_args!(
            "recording: the caller came through this edge? then a recursive call"
        ));
        asm!(self.ops
            ; mov rax, [rdx + c.frame_rec_edge - l.frame_size]
            ; or rax, c.fast_tag
        );
        match (fast, entry) {
            (Some(slot), _) => asm!(self.ops; cmp rax, [=>slot]),
            (None, Some(entry)) => asm!(self.ops
                ; mov r8, QWORD entry
                ; cmp rax, [r8 + l.site_rec_fast]
            ),
            (None, None) => asm!(self.ops; cmp rax, [r8 + l.site_rec_fast]),
        }
        asm!(self.ops
            ; jne =>counted
            ; add QWORD [rax + c.fast_calls - c.fast_tag], 1
            ; mov [rdx + c.frame_rec_edge], rax
        );
        counted
    }

    /// A call of the site's callee that its base case answered at the site
    /// (`gen_leaf_calls.rs`), with no frame pushed: count the call and its
    /// return as one (see the module comment), or go to `call` while the
    /// site's entry at `entry` does not know its edge. `self_call`: the
    /// callee is this code's function. `calls_counted`: the counter of the
    /// lines the base case ran counts the edge's calls too (`run_counter`),
    /// so they are not counted here. Uses rcx and rdi; rax is kept.
    pub(super) fn rec_answered_call(
        &mut self,
        entry: i64,
        self_call: bool,
        call: DynamicLabel,
        calls_counted: bool,
    ) {
        let l = *frame_layout();
        let c = *inline::layout();
        self.comment(format_args!(
            "recording: count the call the base case answered, and its return"
        ));
        // rcx: the edge, plus `tag`.
        let mut tag = 0;
        if let Some(e) = known_edge(entry) {
            asm!(self.ops; mov rcx, QWORD e);
        } else if self_call {
            // The entry's edge is the function's own, so `rec_fast` holds
            // it tagged (`jit_rec_enter_site`), and its copy is at hand.
            tag = c.fast_tag;
            match self.rec_fast_slot(entry) {
                Some(slot) => asm!(self.ops; mov rcx, [=>slot]),
                None => asm!(self.ops
                    ; mov rcx, QWORD entry
                    ; mov rcx, [rcx + l.site_rec_fast]
                ),
            }
        } else {
            asm!(self.ops
                ; mov rcx, QWORD entry
                ; mov rcx, [rcx + l.site_rec_edge]
            );
        }
        if known_edge(entry).is_none() {
            asm!(self.ops
                ; test rcx, rcx
                ; jz =>call
            );
        }
        if tag != 0 {
            asm!(self.ops; sub rcx, tag);
        }
        if self_call {
            // Recursive for the function (its caller is an activation of
            // it) and nearly always for the edge: `self_calls` says so, and
            // the rare call the edge was not active at counts in
            // `self_primitive` (see `rec_count_recursive`).
            if !calls_counted {
                asm!(self.ops; add QWORD [rcx + c.self_calls], 1);
            }
            let own = &self.code.prof.counts as *const calls::Counts as i64;
            let (inactive, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
            asm!(self.ops
                ; cmp QWORD [rcx + c.active], 0
                ; je =>inactive
                ; =>done
            );
            self.cold(move |g| {
                g.comment(format_args!(
                    "recording: no activation counted on the edge: its callee's outermost?"
                ));
                asm!(g.ops
                    ; =>inactive
                    ; mov rdi, QWORD own
                    ; cmp [rdi + c.outer], rcx
                    ; je =>done
                    ; add QWORD [rcx + c.self_primitive], 1
                    ; jmp =>done
                );
            });
            return;
        }
        if !calls_counted {
            asm!(self.ops; add QWORD [rcx + c.calls], 1);
        }
        match known_edge(entry) {
            Some(e) => asm!(self.ops; mov rdi, QWORD callee_counts(e)),
            None => asm!(self.ops; mov rdi, [rcx + c.callee_counts]),
        }
        // A callee running already: a recursive call (rare outside
        // recursion), out of line.
        let (recursive, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        asm!(self.ops
            ; cmp QWORD [rdi + c.active], 0
            ; jne =>recursive
            ; =>done
        );
        self.rec_recursive_out_of_line(recursive, done, false);
    }

    /// The inline call returned, before its frame is popped: uncount it,
    /// as `Recorder::leave_frame` does.
    pub(super) fn rec_call_leave(&mut self) {
        let l = *frame_layout();
        let c = *inline::layout();
        let f = direct::jit_rec_leave as *const () as i64;
        if self.polls.exact_timing {
            self.comment(format_args!("recording: the call returns (timed)"));
            asm!(self.ops
                ; mov rdi, r12
                ; mov rax, QWORD f
                ; call rax
            );
            return;
        }
        self.comment(format_args!("recording: uncount the call inline"));
        let (nested, done) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        asm!(self.ops
            // rsi: the callee's counts, from its `Return`
            // (`rec_return_counts`), which are its frame's edge's callee
            // counts. One activation less of the callee; when it was not its
            // last, the call was recursive: one less of the edge
            // (`Edge::end`).
            ; add QWORD [rsi + c.active], 1
            ; jnz =>nested
            ; =>done
        );
        self.cold(move |g| {
            g.comment(format_args!("recording: a recursive call returned"));
            asm!(g.ops
                ; =>nested
                // The top frame, the callee's, at index rbp (the count after
                // the pop, `emit_direct_call`). Its edge is set (see the
                // module comment) and untagged, and left in the slot
                // (`Frame::rec_edge`).
                ; imul rsi, rbp, l.frame_size
                ; add rsi, [r12 + l.frames_ptr]
                ; mov rcx, [rsi + c.frame_rec_edge]
                ; add QWORD [rcx + c.active], 1
                ; jmp =>done
            );
        });
    }

    /// Recording, at a `Return` (`gen_return`): rsi = this code's counts,
    /// which a direct caller uncounts (`rec_call_leave`): every return it
    /// sees (a direct call's, or the Rust path's that joins it) is from a
    /// `Return` of compiled code, the only outcome with `KIND_RETURN`, and
    /// the code is its frame's (so its counts are the callee counts of the
    /// frame's edge, `InlineLayout::code_counts`). It saves the caller
    /// finding the callee's frame (a multiply and two dependent loads) on
    /// every call: this is one move of a constant, off the caller's path.
    pub(super) fn rec_return_counts(&mut self) {
        if self.polls.sample.is_none() || self.polls.exact_timing {
            return;
        }
        let counts = &self.code.prof.counts as *const calls::Counts as i64;
        asm!(self.ops; mov rsi, QWORD counts);
    }
}

/// Register numbers for `Rq`.
const RDI: u8 = 7;
const R10: u8 = 10;

/// Where the inline counting of a call finds its edge, when it need not test
/// that the site's entry has one.
#[derive(Clone, Copy)]
enum Edge {
    /// Made at compile time (`known_edge`).
    Known(i64),
    /// In the entry, which always has one (`rec_learn_edge`).
    InEntry,
}

/// The edge of the site entry at `entry`, when it has one already: made
/// when the site was compiled (`Gen::rec_konst_edge`). A fixed callee's
/// entry is never refilled and the hook only sets an edge it lacks, so the
/// edge is the entry's for good and the code can hold it as a constant.
fn known_edge(entry: i64) -> Option<i64> {
    // SAFETY: `entry` is a site entry in one of the code's `method_sites`
    // boxes, which live as long as the code.
    let e = unsafe { (*(entry as *const DirectEntry)).rec_edge.get() };
    (!e.is_null()).then_some(e as i64)
}

/// The callee's counts of edge `e` (from `known_edge`), which an edge keeps
/// for good.
fn callee_counts(e: i64) -> i64 {
    // SAFETY: an entry's edge is the recorder's, which the VM keeps to the
    // end (see the module comment), with the edge boxed in it.
    unsafe { (*(e as *const calls::Edge)).callee_counts as i64 }
}

impl<'a> Gen<'a> {
    /// Recording: give the entry at `entry` of a site whose callee is fixed
    /// (`callee`, `DirectSite::konst`) its edge now, when the recorder can
    /// make it (`Recorder::edge_at_compile`): the code then counts the
    /// site's calls through a constant (see the module comment).
    pub(super) fn rec_konst_edge(&mut self, entry: i64, callee: &Code) {
        if self.polls.sample.is_none() || self.polls.exact_timing {
            return;
        }
        let caller = self.code;
        let Some(e) = self
            .rec
            .as_deref_mut()
            .and_then(|r| r.edge_at_compile(caller, callee))
        else {
            return;
        };
        // SAFETY: as in `known_edge`.
        let entry = unsafe { &*(entry as *const DirectEntry) };
        entry.rec_edge.set(e);
        if std::ptr::eq(caller, callee) {
            entry.set_rec_fast(e as usize | calls::FAST_TAG);
        }
    }
}

/// Recording: count the call whose frame compiled code just pushed inline
/// through a site's entry `site` as `Vm::push_frame` counts its calls, and
/// give the entry the call's edge, so the next call through it is counted
/// inline (sampled timing only). The call enters the callee's direct entry,
/// so it is counted in the edge's `direct_calls`, as inline.
pub extern "sysv64" fn jit_rec_enter_site(vm: *mut Vm, site: *const DirectEntry) {
    direct::jit_rec_enter(vm);
    // SAFETY: compiled code passes the `Vm` it was entered with, which no
    // one else references while the hook runs, and its own site entry.
    let (vm, site) = unsafe { (&*vm, &*site) };
    if let Some(e) = vm.frames.last().and_then(|f| calls::counted(f.rec_edge)) {
        // SAFETY: a frame's edge is one of the recorder's, boxed and kept
        // while it lives; `jit_rec_enter` just counted the call on it.
        unsafe { (*e).count_as_direct() };
    }
    rec_learn_edge(vm, site);
}

/// Give site entry `site` the edge of the call through it just counted (the
/// top frame's), so the next calls through it are counted inline; false
/// (nothing done) when the call has none for the site (not recording, exact
/// timing, or not called by the site's frame).
pub fn rec_learn_edge(vm: &Vm, site: &DirectEntry) -> bool {
    let Some(r) = vm.rec.as_deref() else {
        return false;
    };
    let [.., caller, top] = vm.frames.as_slice() else {
        return false;
    };
    let e = top.rec_edge;
    let caller_key = &caller.code().prof.counts as *const _ as usize;
    // SAFETY: a frame's edge is one of the recorder's, boxed and kept while
    // it lives. The edge is the site's only when its caller is the site's
    // frame (not a builtin the frame is inside of), and untagged (counted).
    if r.exact || calls::counted(e).is_none() || unsafe { (*e).caller_key } != caller_key {
        return false;
    }
    site.rec_edge.set(e);
    // SAFETY: as above.
    if unsafe { (*e).callee_counts } as usize == caller_key {
        site.set_rec_fast(e as usize | calls::FAST_TAG);
    }
    true
}
