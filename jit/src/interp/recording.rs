//! The interpreter's side of the recorder: the hooks the VM calls at frame
//! pushes and pops, native calls, each instruction, collections and bails.
//! Each is a no-op behind one `Option` check when not recording.

use std::sync::atomic::Ordering;

use std::cell::Cell;
use std::rc::Rc;

use crate::bytecode::code::Code;
use crate::interp::vm::Vm;
use crate::jit::exits::ExitReason;
use crate::recorder::bails::LeftBail;
use crate::recorder::calls::{Edge, FAST_TAG};
use crate::recorder::{clock, sampler, sites, FuncKey, Recorder, RecorderOptions};
use crate::runtime::heap::Gc;
use crate::runtime::value::Value;
use profile::Tier;

impl Vm {
    /// Start recording (on the VM thread, before the program runs). Once per
    /// VM: compiled call sites keep pointers to the recorder's edges
    /// (`DirectEntry::rec_edge`), valid because this VM never has another
    /// recorder and keeps this one to the end (`recorder::build`).
    pub fn start_recording(&mut self, options: RecorderOptions) {
        assert!(!self.recorded, "a VM records one run");
        self.recorded = true;
        let hz = options.sample_rate_hz;
        let mut rec = Box::new(Recorder::new(options));
        match sampler::Sampler::start(hz) {
            Ok(s) => {
                rec.sampler = Some(s);
                // SAFETY: the VM stays where it is to the end of the run (as
                // for `allocs.frames` below), and its sampler, which stops
                // the handler reading the word, goes before it.
                unsafe { sampler::watch_position(&self.rec_at) };
            }
            Err(e) => self.stderr.write_str(&format!(
                "jitprof: sampling is off (cannot start the timer: {e})\n"
            )),
        }
        self.jit.options.exact_timing = rec.exact;
        self.rec = Some(rec);
        // The VM stays where it is from here to the end of the run (see
        // AllocRecorder::new).
        let allocs = crate::recorder::allocs::AllocRecorder::new(&self.frames, &self.rec_at);
        self.heap.rec.start(allocs);
    }

    /// Stop sampling and close the activations still open; the recorder stays
    /// for `recorder::build`.
    pub fn stop_recording(&mut self) {
        if let Some(r) = self.rec.as_deref_mut() {
            r.sampler = None;
            r.leave_all(&mut self.frames);
            self.jit.fold_line_counts(&r.calls);
        }
    }

    /// A Python frame for `code` was pushed (the top frame).
    #[inline]
    pub fn rec_enter(&mut self, code: &std::rc::Rc<Code>) {
        debug_assert!(self
            .frames
            .last()
            .is_some_and(|f| std::ptr::eq(f.code_ptr(), &**code)));
        if let Some(r) = self.rec.as_deref_mut() {
            r.enter_frame(&mut self.frames);
            // What `rec_at` says is about the frame that ran before (see
            // `AllocRecorder::at`): until the new frame's first
            // instruction, its allocations take the frame's own pc.
            self.rec_at = std::ptr::null();
            // A poll: a sample pending now is of the frames below the new
            // one (which has not run yet).
            if sample_pending() {
                self.rec_sample_at_call();
            }
        }
    }

    /// `rec_enter` of the frame just pushed (of code `callee`) by the call
    /// instruction of the frame below whose entry of `CodeProf::call_edges`
    /// is `site`: the call is counted first on the site's edge
    /// (`Recorder::enter_at_site`), without finding the two frames and
    /// their code again. For compiled code's calls through Rust
    /// (`jit/direct.rs`), which have the site and the callee at hand.
    #[inline(always)]
    pub fn rec_enter_at(&mut self, site: &Cell<*const Edge>, callee: &Code) {
        let Some(r) = self.rec.as_deref_mut() else {
            return;
        };
        let depth = self.frames.len().wrapping_sub(1);
        let counted = match self.frames.last_mut() {
            Some(top) => r.enter_at_site(site, callee, depth, top),
            None => false,
        };
        if !counted {
            r.enter_frame(&mut self.frames);
        }
        // As `rec_enter`.
        self.rec_at = std::ptr::null();
        if sample_pending() {
            self.rec_sample_at_call();
        }
    }

    /// The top Python frame returns, yields or unwinds: called before it
    /// is popped.
    #[inline(always)]
    pub fn rec_leave(&mut self) {
        if let (Some(r), Some(f)) = (self.rec.as_deref_mut(), self.frames.last_mut()) {
            r.leave_frame(f);
            if r.bails.left.is_some() {
                // The interpreted stretch after a bail that left compiled
                // code may end with its frame's return.
                self.rec_charge_left();
            }
            // About the frame popped (of the same code as the one below it,
            // in a recursion): see `AllocRecorder::at`. Cleared before the
            // poll, so that a signal after the poll cannot keep it.
            self.rec_at = std::ptr::null();
            // A poll: a sample pending now is of this frame.
            if sample_pending() {
                self.rec_sample(None);
            }
        }
    }

    /// `rec_leave` of a frame that code compiled to record with sampled
    /// timing pushed through Rust (`jit/direct.rs`), popped right after: as
    /// `Recorder::leave_frame` uncounts a sampled call, without asking
    /// whether a recorder runs and times calls (the code was compiled for
    /// one that does not, kept to the end: `start_recording`), nor clearing
    /// the edge (the pop empties the slot, `Vm::frames_pop`). A frame pushed
    /// while recording has its edge (`Recorder::enter_frame`), untagged:
    /// only compiled code's own pushes tag one (`recorder::calls`);
    /// `counted` is tested all the same, so that a frame without one
    /// uncounts nothing.
    #[inline(always)]
    pub fn rec_leave_sampled(&mut self) {
        let e = self.frames.last().map_or(std::ptr::null(), |f| f.rec_edge);
        // `calls::counted` as one test, rather than the seven instructions
        // its two made: rotated, the tag (bit 0) is the sign bit, and an
        // untagged edge is positive (a user-space address has bit 63 clear)
        // while null stays 0.
        const _: () = assert!(FAST_TAG == 1);
        if ((e as usize).rotate_right(1) as isize) > 0 {
            // SAFETY: a frame's edge is one of the recorder's, boxed and
            // kept while it lives (see `Recorder::leave_frame`).
            unsafe { (*e).end() }
        }
        // As `rec_leave`.
        self.rec_at = std::ptr::null();
        if sample_pending() {
            self.rec_sample(None);
        }
    }

    /// Pop the top frame, a plain function's (no generator, not an entry
    /// frame), recorded or not: `pop_plain_frame`, with a recorder that
    /// times calls by samples uncounting it as `rec_leave_sampled` does
    /// (some 10 instructions fewer than `rec_leave`, which asks again
    /// whether and how the run records). For the pops of frames compiled
    /// code had pushed through Rust (`calls::finish_return`), which never
    /// carry a tagged edge (only compiled code's inline pushes tag one).
    #[inline(always)]
    pub fn pop_plain_frame_recorded(&mut self) {
        if self.rec.as_deref().is_some_and(|r| !r.exact) {
            self.pop_plain_frame_sampled();
        } else {
            self.pop_plain_frame();
        }
    }

    /// `pop_plain_frame` uncounting as `rec_leave_sampled` does: for a
    /// frame whose pusher knows the run records with sampled timing.
    #[inline(always)]
    pub fn pop_plain_frame_sampled(&mut self) {
        self.rec_leave_sampled();
        // `pop_plain_frame` without its `rec_leave`, done above.
        if let Some(f) = self.frames_pop() {
            debug_assert!(f.generator.is_none() && f.gen_exit.is_none() && !f.entry);
            self.handled.truncate(f.handled_base);
        }
    }

    /// A poll for a pending sample where the interpreter knows the top
    /// frame's pc (`top_pc`, used when the signal did not catch the
    /// interpreter at an instruction of that frame): loop back-edges and
    /// compiled code's entries and exits. The other polls: frame pushes and
    /// pops (`rec_enter`, `rec_leave`), builtin calls (`rec_builtin_enter`,
    /// `rec_builtin_leave`), and the hook of a step (`rec_instr_inline`).
    #[inline(always)]
    pub fn rec_poll(&mut self, top_pc: usize) {
        if sample_pending() {
            self.rec_sample(Some(top_pc));
        }
    }

    /// Run a native function, timed as a call of the builtin `b`.
    ///
    /// The recorder's work is in two calls around `f`, run here in the
    /// caller's frame: a hook of its own around the call (as it was) saved
    /// and restored six registers and reloaded the closure's captures, a
    /// third of the hook's hundred instructions per call; the two hooks
    /// call nothing on their common path, so save nothing.
    #[inline]
    pub fn rec_native<R>(
        &mut self,
        b: Gc<crate::runtime::object::BuiltinObj>,
        f: impl FnOnce(&mut Vm) -> R,
    ) -> R {
        if self.rec.is_none() {
            return f(self);
        }
        let prev = self.rec_builtin_enter(b);
        let out = f(self);
        self.rec_builtin_leave(prev);
        out
    }

    /// Call a builtin with positional arguments only, timed when recording.
    #[inline]
    pub fn call_native(
        &mut self,
        b: Gc<crate::runtime::object::BuiltinObj>,
        args: &[Value],
    ) -> crate::runtime::object::PyResult<Value> {
        self.rec_native(b, |vm| (b.func)(vm, args, &[]))
    }

    /// `call_native` of a call compiled code makes at instruction `pc` of
    /// `code` (the top frame's): the common case counted and timed here,
    /// inline, without the out-of-line hooks (`rec_builtin_enter` and
    /// `rec_builtin_leave`, some 65 instructions per call, found the frame
    /// and its code again, and called and returned twice). What is counted
    /// is the same: the call on the edge its site or the builtin's memo
    /// holds (`Recorder::enter_builtin_at`), its activation left to a
    /// builtin call starting in it (`calls::CallTimes::lazy`), the tier
    /// `Runtime` while it runs. A sample pending before the call, a call
    /// with no edge found yet, exact timing: the hooks.
    ///
    /// Only `calls::jit_call` calls this, in the runtime's tier it set
    /// (`rec_as_runtime`), which is the builtin's too: no switch.
    #[inline(always)]
    pub fn call_native_at(
        &mut self,
        b: Gc<crate::runtime::object::BuiltinObj>,
        code: &Code,
        pc: u32,
        args: &[Value],
    ) -> crate::runtime::object::PyResult<Value> {
        let depth = self.frames.len();
        let Some(r) = self.rec.as_deref_mut() else {
            return (b.func)(self, args, &[]);
        };
        debug_assert_eq!(code.prof.call_edges.len(), code.instrs.len());
        // SAFETY: `call_edges` has an entry per instruction of `code`
        // (`CodeProf::new`, made from the instructions `code` keeps), and
        // `pc` is one: the call `calls::call_instr` read.
        let site = unsafe { code.prof.call_edges.get_unchecked(pc as usize) };
        if sample_pending() || !r.enter_builtin_at(code, Some(site), b.prof_id.get(), depth) {
            return self.call_native(b, args);
        }
        debug_assert!(sampler::tier_is(Tier::Runtime));
        let out = (b.func)(self, args, &[]);
        // As `rec_builtin_leave` (the edges of the site and the memo are
        // never made with exact timing, so the call is not timed): the
        // poll first, while the call is still in progress.
        if sample_pending() {
            self.rec_sample(None);
        }
        if let Some(r) = self.rec.as_deref_mut() {
            r.leave_builtin();
        }
        out
    }

    /// A call of builtin `b` starts (recording): count it (its activation
    /// only once another builtin call starts in it: `calls::CallTimes::lazy`)
    /// and switch the sampler's tier. Returns the
    /// tier for `rec_builtin_leave` to restore. The cases the memo leaves
    /// go to `rec_enter_builtin`, a tail call.
    ///
    /// This and `rec_builtin_leave` poll for a pending sample: a long
    /// builtin call is a tier of its own (`Tier::Runtime`), whose samples
    /// are not to be merged with those of the instructions around it. A
    /// sample that came while it ran is taken when it returns, before its
    /// call ends, so the builtin is the stack's leaf: its self time (as
    /// cProfile gives `sorted` its own), its caller's line for the line's
    /// time (`build::lines` takes the innermost Python frame). Taken after
    /// the call had ended, as it was, the builtin's time went to its caller
    /// and every builtin showed no time without `--timing exact`.
    ///
    /// The sample is taken out of line (`rec_builtin_enter_sampling`), so
    /// this calls nothing on its common path but tail calls, and saves no
    /// registers (seven instructions per call).
    #[inline(never)]
    fn rec_builtin_enter(&mut self, b: Gc<crate::runtime::object::BuiltinObj>) -> u8 {
        if sample_pending() {
            return self.rec_builtin_enter_sampling(b);
        }
        self.rec_builtin_enter_counted(b)
    }

    /// `rec_builtin_enter` with a sample pending: take it (the caller's,
    /// before the call is counted), then count the call.
    #[cold]
    #[inline(never)]
    fn rec_builtin_enter_sampling(&mut self, b: Gc<crate::runtime::object::BuiltinObj>) -> u8 {
        self.rec_sample(None);
        self.rec_builtin_enter_counted(b)
    }

    /// `rec_builtin_enter` past its poll.
    #[inline(always)]
    fn rec_builtin_enter_counted(&mut self, b: Gc<crate::runtime::object::BuiltinObj>) -> u8 {
        if let Some(r) = self.rec.as_deref_mut() {
            if !r.enter_builtin_memo(b.prof_id.get(), &self.frames) {
                return rec_enter_builtin(r, b, &self.frames);
            }
        }
        sampler::enter_tier(Tier::Runtime)
    }

    /// The builtin call `rec_builtin_enter` started returns: restore the
    /// tier it returned (`prev`) and uncount the call.
    /// Exact timing's leave (which reads the clock) is out of line, so this
    /// too saves no registers on its common path.
    #[inline(never)]
    fn rec_builtin_leave(&mut self, prev: u8) {
        sampler::restore_tier(prev);
        // The poll first, while the call is in progress (see
        // `rec_builtin_enter`).
        if sample_pending() {
            self.rec_sample(None);
        }
        if let Some(r) = self.rec.as_deref_mut() {
            if r.exact {
                return self.rec_builtin_leave_exact();
            }
            r.leave_builtin();
        }
    }

    /// `rec_builtin_leave` past its tier's restore, with exact timing.
    #[cold]
    #[inline(never)]
    fn rec_builtin_leave_exact(&mut self) {
        if let Some(r) = self.rec.as_deref_mut() {
            r.leave_builtin();
        }
    }

    /// The key a value's type is observed under: the class's address for
    /// instances, the name for iterators (`iter_key`; one tag covers many
    /// types for both), the tag (plus one, so never 0) for the rest, one
    /// Python type per tag.
    pub fn type_key(&self, v: Value) -> u64 {
        match v {
            Value::Instance(i) => i.class.as_ptr() as u64,
            Value::Iter(it) => {
                iter_key(crate::interp::protocol::iter_type_name(&it.state.borrow()))
            }
            other => other.tag() + 1,
        }
    }

    /// Per-instruction recording in the interpreter, inlined in the loop:
    /// the execution count of a line entry (not in a step: see
    /// `rec_uncount`), the current pc kept where allocations find it, and
    /// the operand types of an instruction that has some when its site
    /// kept them already (`observe_kept`). Out of line: a new type
    /// (`rec_observe_new`). Called before the instruction at `pc` is read
    /// (see the loop).
    ///
    /// No test for a pending sample: the interpreter polls for one at
    /// calls, returns and loop back-edges (`rec_poll`), and the position
    /// stored here tells the sample which instruction the signal caught
    /// (`sampler::watch_position`). A step (`STEP`) still tests: compiled
    /// code runs it, and polls only at its back-edges.
    ///
    /// The instruction's entry goes to `rec_at`, one plain store, rather
    /// than its pc into the frame (`AllocRecorder::at` says when it may be
    /// used); a step run for compiled code (`STEP`) stores the pc in the
    /// frame, where compiled code's allocations are looked up. `pcs` is
    /// the running code's `CodeProf::pcs`, which the loop keeps beside its
    /// instructions.
    #[inline(always)]
    pub fn rec_instr_inline<const STEP: bool>(
        &mut self,
        pcs: *const crate::recorder::PcProf,
        pc: usize,
        frame_idx: usize,
        regs: *const Value,
    ) {
        // SAFETY: `pcs` has one entry per instruction (`CodeProf::new`), and
        // the interpreter calls this after reading instruction `pc`.
        let p = unsafe { &*pcs.add(pc) };
        // A step runs an instruction for compiled code, which counted its
        // line entry already. Every instruction counts, not only line
        // entries (`PcProf::count`): no test.
        if !STEP {
            p.count.set(p.count.get().wrapping_add(1));
        }
        if STEP {
            if let Some(f) = self.frames.get_mut(frame_idx) {
                f.pc = pc + 1;
            }
            // One test for both: operands to observe, or a sample to take.
            let pending = sample_pending_byte();
            if (p.obs.get().n | pending) != 0 {
                if pending != 0 {
                    return self.rec_instr(p, pc, regs);
                }
                let kept = observe_kept(p, regs);
                if kept != u8::MAX {
                    self.rec_observe_new(p, kept, pc, regs);
                }
            }
        } else {
            // SAFETY: a store to a field of `self`. Volatile because the
            // signal handler reads it (`sampler::watch_position`): the store
            // must happen here, before the instruction runs, not be merged
            // with the next one.
            unsafe { std::ptr::write_volatile(&mut self.rec_at, p) };
            if p.obs.get().n != 0 {
                let kept = observe_kept(p, regs);
                if kept != u8::MAX {
                    self.rec_observe_new(p, kept, pc, regs);
                }
            }
        }
    }

    /// Compiled code counted the line entry at `pc` and hands the
    /// instruction itself to the interpreter, which counts it again when it
    /// runs it (a `Return` of a frame the interpreter entered): take the
    /// first count back, so every engine counts a line entry once.
    ///
    /// The other hand-overs keep to one count without this: a step
    /// (`helpers::step`) does not count, and compiled code's exits that
    /// resume at the instruction they left take their count back themselves
    /// (`Gen::exit_resume_counted`).
    #[inline]
    pub fn rec_uncount(&self, code: &Code, pc: usize) {
        if let Some(p) = code.prof.pcs.get(pc) {
            p.count.set(p.count.get().wrapping_sub(1));
        }
    }

    /// The count the interpreter's hook gives the top frame's instruction
    /// at `pc` when it runs it, for an instruction compiled code left to
    /// the interpreter (taking its own count back) and then steps itself,
    /// which does not count (`jit/for_generator.rs`: a generator's yield).
    #[inline]
    pub fn rec_count_instr(&self, pc: usize) {
        if self.rec.is_none() {
            return;
        }
        if let Some(p) = self.top_pc_prof(pc) {
            p.count.set(p.count.get().wrapping_add(1));
        }
    }

    /// The recorder's entry of the top frame's instruction at `pc`.
    #[inline]
    fn top_pc_prof(&self, pc: usize) -> Option<&crate::recorder::PcProf> {
        self.frames.last().and_then(|f| f.code().prof.pcs.get(pc))
    }

    /// Count one entry of each of `lines` (pcs of line entries of `code`):
    /// what a block's counter counts for them, for an entry into compiled
    /// code in the middle of the block (`jit::codegen::MidEntry`).
    #[inline(never)]
    pub fn rec_count_lines(&self, code: &Code, lines: &[u32]) {
        for &q in lines {
            if let Some(p) = code.prof.pcs.get(q as usize) {
                p.count.set(p.count.get().wrapping_add(1));
            }
        }
    }

    /// Recording: whether the top frame's instruction at `pc`, which
    /// compiled code left to the interpreter (its own count taken back),
    /// may run without the interpreter's step: counted here as the step's
    /// caller would count it (`rec_count_instr`), it has no operand types
    /// to observe and no sample is pending, so the step's hook would do
    /// nothing more (`rec_instr_inline`). False: nothing done, step it.
    /// For a generator's yield to a compiled `for` (`jit/for_generator.rs`),
    /// whose step cost more than the yield itself.
    #[inline]
    pub fn rec_count_plain(&self, pc: usize) -> bool {
        let Some(p) = self.top_pc_prof(pc) else {
            return false;
        };
        if p.obs.get().n != 0 || sample_pending() {
            return false;
        }
        p.count.set(p.count.get().wrapping_add(1));
        true
    }

    /// A step's hook when a sample is pending: count the operand types of
    /// the instruction at `pc` as the inline path does, then take the
    /// sample. Out of line, as the rare case.
    #[inline(never)]
    fn rec_instr(&mut self, p: &crate::recorder::PcProf, pc: usize, regs: *const Value) {
        let kept = match p.obs.get().n {
            0 => u8::MAX,
            _ => observe_kept(p, regs),
        };
        if kept != u8::MAX {
            // Takes the sample too.
            return self.rec_observe_new(p, kept, pc, regs);
        }
        if sample_pending() {
            self.rec_sample(Some(pc));
        }
    }

    /// `observe_kept` found operand `from` of the instruction at `pc` of a
    /// type its site does not keep (or an iterator, whose key it cannot
    /// tell): count it and the operands after it, then take a pending
    /// sample.
    #[inline(never)]
    fn rec_observe_new(
        &mut self,
        p: &crate::recorder::PcProf,
        from: u8,
        pc: usize,
        regs: *const Value,
    ) {
        // SAFETY: `observe_kept` returns a position only for a site it read.
        let site = unsafe { &*p.site.get() };
        self.rec_observe_slow(site, p.obs.get(), from as usize, pc, regs);
    }

    /// `rec_instr` from operand `from` on, for an operand whose type is not
    /// among those kept at its site: count it (recording a new type's name),
    /// then take a pending sample.
    #[inline(never)]
    fn rec_observe_slow(
        &mut self,
        site: &sites::SiteTypes,
        o: sites::Obs,
        from: usize,
        pc: usize,
        regs: *const Value,
    ) {
        for i in from..(o.n as usize).min(2) {
            // SAFETY: as in `rec_instr`; the slot holds a valid Value.
            let v = unsafe { *regs.add(o.regs[i] as usize) };
            let key = self.type_key(v);
            if site.ops[i].record(key) {
                self.rec_type_name(key, v);
            }
        }
        if sample_pending() {
            self.rec_sample(Some(pc));
        }
    }

    /// The subscript at `pc` ran fused into the `BuildSlice` before it
    /// (interp/slices.rs), so the per-instruction hook did not see it:
    /// record what the hook would have, its execution and its operand
    /// types, the key observed as the slice it stands for (the slice object
    /// was never made; its register holds the lower bound).
    #[inline(never)]
    pub fn rec_fused_slice(&mut self, code: &Code, pc: usize, regs: *const Value) {
        use crate::runtime::value::tags;
        let Some(p) = code.prof.pcs.get(pc) else {
            return;
        };
        p.count.set(p.count.get().wrapping_add(1));
        let obs = p.obs.get();
        if obs.n < 2 {
            return;
        }
        // SAFETY: `obs.n` is set only once `site` is (`PcProf::obs`), to
        // sites that live as long as the code.
        let site = unsafe { &*p.site.get() };
        // SAFETY: as in `rec_instr`: the container is a register of the
        // running frame.
        let at = unsafe { regs.add(obs.regs[0] as usize) };
        if !site.ops[0].count_seen(fast_type_key(at)) {
            // SAFETY: as above.
            let obj = unsafe { *at };
            let k0 = self.type_key(obj);
            if site.ops[0].record(k0) {
                self.rec_type_name(k0, obj);
            }
        }
        // `type_key` of a slice (see there): its tag plus one.
        let k1 = tags::SLICE + 1;
        if !site.ops[1].count_seen(k1) && site.ops[1].record(k1) {
            if let Some(r) = self.rec.as_deref_mut() {
                r.type_names
                    .entry(k1)
                    .or_insert_with(|| "slice".to_string());
            }
        }
    }

    #[cold]
    fn rec_type_name(&mut self, key: u64, v: Value) {
        let name = self.type_name(v).to_string();
        if let Some(r) = self.rec.as_deref_mut() {
            r.type_names.entry(key).or_insert(name);
        }
    }

    /// The (function, line) frames of the running program, outermost first,
    /// builtins included. `top_pc` is the pc of the top frame's current
    /// instruction when known.
    ///
    /// A deep stack is walked only where `cap_stack` keeps frames: the
    /// outermost ones and a window at the top, a little deeper than the
    /// cap keeps, because a compiled chain may still cut frames off the
    /// top (`rec_stack_of` returns the number of Python frames left out of
    /// the middle, with the builtin calls made between them). Walking all
    /// of `down(200000)` for every sample cost milliseconds a sample, so a
    /// deep recursion spent most of its run being sampled.
    fn rec_stack(&mut self, top_pc: Option<usize>) -> Vec<(u32, u32)> {
        let mut stack = Vec::new();
        let mut python = Vec::new();
        self.rec_stack_of(self.frames.len(), top_pc, &mut stack, &mut python);
        stack
    }

    /// `rec_stack` of the `n` outermost Python frames (and the builtin
    /// calls in progress), `top_pc` being that of the `n`th, appended to
    /// `out`; `python` is a buffer for the Python frames walked. Returns
    /// the number of frames left out.
    fn rec_stack_of(
        &mut self,
        n: usize,
        top_pc: Option<usize>,
        out: &mut Vec<(u32, u32)>,
        python: &mut Vec<(usize, (u32, u32))>,
    ) -> usize {
        let Some(r) = self.rec.as_deref_mut() else {
            return 0;
        };
        let window = SAMPLE_OUTER_FRAMES + SAMPLE_INNER_FRAMES + SAMPLE_TOP_SLACK;
        let skip = n.saturating_sub(window);
        let outer = SAMPLE_OUTER_FRAMES.min(n);
        let walked = (0..outer).chain(outer + skip..n);
        python.clear();
        for i in walked {
            let f = &self.frames[i];
            let code = &f.func.code;
            let id = r.code_id(code);
            let pc = match top_pc {
                Some(pc) if i + 1 == n => pc,
                // The stored pc is the next instruction's: the one running
                // (the call, for frames below the top) is the one before.
                _ => f.pc.saturating_sub(1),
            };
            python.push((i, (id, code.line_at(pc))));
        }
        // Interleave the builtin calls in progress: one made with `d`
        // Python frames comes before frame `d`. Those made inside the left
        // out middle are left out with it.
        let mut builtins = r
            .calls
            .builtin_stack()
            .filter(|&(_, d)| skip == 0 || d < outer || d >= outer + skip)
            .peekable();
        for &(i, fr) in python.iter() {
            while let Some((e, _)) = builtins.next_if(|&(_, d)| d <= i) {
                out.push((e.callee, 0));
            }
            out.push(fr);
        }
        out.extend(builtins.map(|(e, _)| (e.callee, 0)));
        skip
    }

    /// Take a pending sample. `top_pc`: the interpreter's current pc, for
    /// when the signal did not catch it at an instruction of the top frame
    /// (None: the frame's stored pc is current).
    ///
    /// Compiled code takes its samples at loop back-edges, so by then the
    /// function the signal interrupted may have returned: a compiled callee
    /// without a loop (a method called from a compiled loop) returns to its
    /// caller's loop before the poll. The signal handler kept the
    /// interrupted instruction pointer and the return addresses into
    /// compiled code it found on the stack; together they are the chain of
    /// compiled activations at the signal, innermost first. The chain is
    /// followed until it reaches a frame that is still live; the stack is
    /// cut there, and the activations that have returned since go on top.
    /// So self time and lines go to the functions that ran, not to the loop
    /// that polled.
    ///
    /// The top frame's line is that of the instruction the signal caught
    /// the interpreter at (`Taken::position`), when it is one of that
    /// frame's: the polls come at every push and pop, so the frame is the
    /// one that ran it.
    #[cold]
    #[inline(never)]
    pub fn rec_sample(&mut self, top_pc: Option<usize>) {
        self.rec_sample_of(self.frames.len(), top_pc);
    }

    /// The poll of a frame push (`rec_enter`): the signal came before the
    /// new frame ran, so the sample is of the frames below it (its caller
    /// at its call, or the instruction the signal caught). The first frame
    /// has none below: it is sampled at its first instruction.
    #[cold]
    #[inline(never)]
    fn rec_sample_at_call(&mut self) {
        match self.frames.len() {
            0 => {}
            1 => self.rec_sample_of(1, Some(self.frames[0].pc)),
            n => self.rec_sample_of(n - 1, None),
        }
    }

    /// `rec_sample` of the `n` outermost Python frames (see `rec_stack_of`).
    fn rec_sample_of(&mut self, n: usize, top_pc: Option<usize>) {
        let t0 = clock::ticks();
        let Some(s) = sampler::take() else { return };
        let mut tier = s.tier;
        // Compiled code leaves no position (`rec_run_compiled`); its
        // samples place themselves by the instruction pointer, below.
        let caught = match (tier, n.checked_sub(1).and_then(|i| self.frames.get(i))) {
            (Tier::Jit, _) | (_, None) => None,
            (_, Some(f)) => position_pc(f.code(), s.position),
        };
        // The buffers are the recorder's (see `SampleScratch`), taken out
        // for the walk, which borrows the VM, and put back.
        let Some(r) = self.rec.as_deref_mut() else {
            return;
        };
        let mut scratch = std::mem::take(&mut r.sample_scratch);
        let stack = &mut scratch.stack;
        stack.clear();
        let skipped = self.rec_stack_of(n, caught.or(top_pc), stack, &mut scratch.python);
        if tier == Tier::Jit {
            let in_code = self.compiled_containing(s.rip).is_some();
            if !in_code {
                // In a runtime helper that compiled code called: the time
                // is the caller's, at its call.
                tier = Tier::Runtime;
            }
            let chain = &mut scratch.chain;
            chain.clear();
            if in_code {
                chain.push(s.rip);
            }
            for &ret in s.callers.iter().take_while(|&&r| r != 0) {
                let Some(c) = self.compiled_containing(ret - 1) else {
                    continue;
                };
                // The return address of the interpreter's entry into the
                // activation's body (in its entry stubs) says no
                // instruction. Kept, it took the place of the cold code's
                // address below (which the frame's stored pc places),
                // putting the time on the function's first line: a
                // compiled loop over a generator showed its resumes there.
                if !call_ends_at(c, ret) || c.pc_index().in_entry_stubs((ret - 1 - c.base()) as u32)
                {
                    continue;
                }
                // A slow path calls its shared tail, which calls the
                // runtime: two return addresses in one activation, the
                // inner one in the cold code after the hot code. Keep the
                // outer one, which says which instruction it is.
                if let Some(&prev) = chain.last() {
                    if code_position(c, prev) == Some(None) {
                        chain.pop();
                    }
                }
                // The call instruction ends where the return address
                // points: it is the one at `ret - 1`.
                chain.push(ret - 1);
            }
            self.place_compiled_chain(stack, skipped, chain, &mut scratch.returned);
        }
        cap_stack(stack);
        if let Some(r) = self.rec.as_deref_mut() {
            // A builtin on top in the interpreter's tier: the signal came
            // after a Python function the builtin called (a sort's key) had
            // returned, before its interpreter loop gave the tier back (the
            // pop's poll comes before the pop); the sample was taken at the
            // builtin's next call or return. No bytecode of the builtin's
            // runs: the time is the runtime's. Such samples were 8-17% of
            // those of a sort with a key function.
            if tier == Tier::Interpreter
                && stack.last().is_some_and(|&(f, _)| {
                    matches!(r.funcs.get(f as usize), Some(FuncKey::Builtin { .. }))
                })
            {
                tier = Tier::Runtime;
            }
            r.add_sample(stack, tier, s.weight);
            r.sample_scratch = scratch;
            r.overhead_ticks += clock::ticks().wrapping_sub(t0);
        }
    }

    /// Fit `chain` (code addresses of compiled activations, innermost
    /// first) onto `stack`: cut the stack at the first activation that is a
    /// live frame, at the line it is at, and put the ones that have
    /// returned since on top of it. `skipped`: Python frames `rec_stack`
    /// left out of the middle; `returned` a buffer.
    fn place_compiled_chain(
        &mut self,
        stack: &mut Vec<(u32, u32)>,
        skipped: usize,
        chain: &[u64],
        returned: &mut Vec<(u32, u32)>,
    ) {
        returned.clear();
        for &at in chain {
            if let Some((frame_index, line)) = self.jit_position(at) {
                // Frames above it were pushed after the signal.
                let keep = self.python_prefix_len(stack, walked_frames(frame_index + 1, skipped));
                stack.truncate(keep);
                if let Some(last) = stack.last_mut() {
                    last.1 = line;
                }
                break;
            }
            if let Some((code, line)) = self.returned_jit_position(at) {
                if let Some(r) = self.rec.as_deref_mut() {
                    returned.push((r.code_id(&code), line));
                }
            }
        }
        stack.extend(returned.iter().rev());
    }

    /// Length of the prefix of `stack` that holds the first `n` Python frames.
    fn python_prefix_len(&self, stack: &[(u32, u32)], n: usize) -> usize {
        let Some(r) = self.rec.as_deref() else {
            return stack.len();
        };
        let mut seen = 0;
        for (i, (f, _)) in stack.iter().enumerate() {
            if matches!(
                r.funcs.get(*f as usize),
                Some(crate::recorder::FuncKey::Python(_))
            ) {
                seen += 1;
                if seen == n {
                    return i + 1;
                }
            }
        }
        stack.len()
    }

    /// Which live frame runs the compiled code containing `rip`, and the
    /// source line there. The code may be an older version than the one
    /// its code object now points to (a frame entered before a recompile
    /// keeps running the code it entered), so the frame is matched by code
    /// object, not by its current compiled version.
    fn jit_position(&self, rip: u64) -> Option<(usize, u32)> {
        let c = self.compiled_containing(rip)?;
        let code = Rc::as_ptr(&c.code);
        let i = self
            .frames
            .iter()
            .rposition(|f| std::ptr::eq(f.code_ptr(), code))?;
        let f = &self.frames[i];
        // Cold stubs: the frame's own pc says which instruction left.
        let pc = code_position(c, rip)?.unwrap_or(f.pc.saturating_sub(1));
        Some((i, c.code.line_at(pc)))
    }

    /// The compiled code (of any version, live frame or not) containing
    /// `rip`.
    fn compiled_containing(&self, rip: u64) -> Option<&crate::jit::Compiled> {
        self.jit
            .compiled
            .iter()
            .find(|c| c.contains(rip))
            .map(|c| &**c)
    }

    /// The compiled code containing `rip`, and the source line there (a
    /// cold stub's: the function's first line).
    fn returned_jit_position(&self, rip: u64) -> Option<(Rc<Code>, u32)> {
        let c = self.compiled_containing(rip)?;
        let pc = code_position(c, rip)?.unwrap_or(0);
        Some((c.code.clone(), c.code.line_at(pc)))
    }

    /// A guard failed at `pc` of the top frame: note what the operands were
    /// and where, before the interpreter runs the instruction. Returns the
    /// tick count to pass to `rec_bail_done`.
    ///
    /// Operands are told apart by their type keys; their names are written
    /// out only the first time a site sees a combination (a site that keeps
    /// bailing would otherwise format strings on every bail).
    #[cold]
    pub fn rec_bail(&mut self, pc: u32, reason: ExitReason) -> BailMark {
        use crate::bytecode::opcodes::Instr;
        let mut mark = BailMark {
            t0: clock::ticks(),
            site: std::ptr::null_mut(),
        };
        let Some(f) = self.frames.last() else {
            return mark;
        };
        let code = f.code_ptr();
        let base = f.base;
        // SAFETY: the frame keeps its function, and so its code, alive.
        let ins = unsafe { (&(*code).instrs)[pc as usize] };
        let (regs, n, sym) = match sites::observed(&ins) {
            Some((op, ops, n)) => {
                let sym = match op {
                    sites::Op::Sym(s) if n == 2 => Some(s),
                    _ => None,
                };
                ([ops[0].1, ops[1].1], n, sym)
            }
            None => match ins {
                Instr::JumpIfFalse { cond, .. } | Instr::JumpIfTrue { cond, .. } => {
                    ([cond, 0], 1, None)
                }
                // `not x` bails on the condition's type, as a branch does.
                Instr::Not { src, .. } => ([src, 0], 1, None),
                Instr::ForIter { iter, .. } => ([iter, 0], 1, None),
                _ => ([0, 0], 0, None),
            },
        };
        let mut values = [Value::None; 2];
        let mut keys = [0u64; 2];
        for i in 0..n {
            values[i] = self.stack[base + regs[i] as usize];
            keys[i] = self.type_key(values[i]);
        }
        let values = &values[..n];
        let key = (code as usize, pc, reason as u32);
        if let Some(r) = self.rec.as_deref_mut() {
            if let Some(site) = r.bails.count_known(key, keys) {
                mark.site = site;
                return mark;
            }
        }
        // The stack is kept for the first bail at a site only, and the text
        // for the first of each combination of operand types.
        let (first, known) = match self.rec.as_deref().map(|r| r.bails.sites.get(&key)) {
            Some(Some(b)) => (false, b.knows(keys)),
            _ => (true, false),
        };
        let stack = self.bail_stack(first, pc);
        let text = if known {
            String::new()
        } else {
            let names: Vec<String> = values
                .iter()
                .map(|v| self.type_name(*v).to_string())
                .collect();
            match (sym, names.as_slice(), ins) {
                (Some(s), [a, b], _) => format!("{a} {s} {b}"),
                // No operand: what the instruction looked for.
                (_, [], Instr::LoadGlobal { name, .. }) => {
                    // SAFETY: as for `ins` above.
                    let name = unsafe { (&(*code).names)[name as usize] };
                    format!(
                        "'{}' not bound in the module nor in the builtin cache",
                        name.as_str()
                    )
                }
                _ => names.join(", "),
            }
        };
        if let Some(r) = self.rec.as_deref_mut() {
            mark.site = r.bails.observe(key, keys, text, || stack);
        }
        mark
    }

    /// A `RegType` exit at `pc` of the top frame (`helpers::jit_reg_exit`):
    /// compiled code left for the interpreter because a local its loop
    /// keeps in a machine register was found holding another type. Logged
    /// as a bail whose observed type names the local, what it held and
    /// what its register keeps (`t is NoneType, not float`), found from
    /// the checks that lead to that exit (`RegCheck`) in every compiled
    /// version of the code (the frame may run an older one than its code's
    /// latest). Its cost is the interpreter's time until compiled code runs
    /// the frame again (`rec_charge_left`).
    #[cold]
    #[inline(never)]
    pub fn rec_reg_exit(&mut self, pc: u32, reason: ExitReason) {
        let Some(f) = self.frames.last() else {
            return;
        };
        let (code_ptr, base, depth) = (f.code_ptr(), f.base, self.frames.len());
        let t0 = clock::ticks();
        let changed = self
            .jit
            .compiled
            .iter()
            .filter(|c| std::ptr::eq(Rc::as_ptr(&c.code), code_ptr))
            .flat_map(|c| c.reg_checks.iter())
            .find(|k| k.exit == pc && self.stack[base + k.slot as usize].tag() != k.tag)
            .copied();
        let held = changed.map(|k| self.stack[base + k.slot as usize]);
        // The local and the tag its register keeps tell the shapes apart,
        // with the type it held.
        let keys = match (changed, held) {
            (Some(k), Some(v)) => [self.type_key(v), (k.slot as u64) << 8 | k.tag],
            _ => [0, 0],
        };
        let key = (code_ptr as usize, pc, reason as u32);
        let Some(r) = self.rec.as_deref_mut() else {
            return;
        };
        let site = match r.bails.count_known(key, keys) {
            Some(site) => site,
            None => {
                let first = !r.bails.sites.contains_key(&key);
                let text = match (changed, held) {
                    (Some(k), Some(v)) => {
                        // SAFETY: the frame keeps its function, and so its code, alive.
                        let code = unsafe { &*code_ptr };
                        let name = match code.reg_names.get(k.slot as usize) {
                            Some(Some(n)) => n.to_string(),
                            _ => format!("r{}", k.slot),
                        };
                        let kept = if k.tag == crate::runtime::value::tags::FLOAT {
                            "float"
                        } else {
                            "int"
                        };
                        format!("{name} is {}, not {kept}", self.type_name(v))
                    }
                    _ => "a register local of another type".to_string(),
                };
                let stack = self.bail_stack(first, pc);
                let Some(r) = self.rec.as_deref_mut() else {
                    return;
                };
                r.bails.observe(key, keys, text, || stack)
            }
        };
        if let Some(r) = self.rec.as_deref_mut() {
            r.bails.left = Some(LeftBail {
                site,
                t0,
                depth,
                base,
                code: code_ptr as usize,
            });
        }
    }

    /// Compiled code is about to run the top frame again, or the top frame
    /// returns: the bail that left that frame for the interpreter
    /// (`rec_reg_exit`) is charged the time since. A callee's code or
    /// return leaves it pending (its time is part of the bailed frame's
    /// interpreted stretch); a frame that went some other way (unwound by
    /// an exception) is not charged.
    #[cold]
    #[inline(never)]
    pub fn rec_charge_left(&mut self) {
        let top = self.frames.last().map(|f| (f.base, f.code_ptr() as usize));
        let n = self.frames.len();
        let Some(r) = self.rec.as_deref_mut() else {
            return;
        };
        let Some(l) = r.bails.left else {
            return;
        };
        if n > l.depth {
            return;
        }
        r.bails.left = None;
        if n == l.depth && top == Some((l.base, l.code)) {
            r.bails.charge(l.site, clock::ticks().wrapping_sub(l.t0));
        }
    }

    /// The stack a site's first bail keeps (`first`), at `pc` of the top
    /// frame; empty for the later ones.
    fn bail_stack(&mut self, first: bool, pc: u32) -> Vec<(u32, u32)> {
        if !first {
            return Vec::new();
        }
        let mut stack = self.rec_stack(Some(pc as usize));
        cap_stack(&mut stack);
        stack
    }

    /// The bail noted by `rec_bail` was handled; charge its time.
    pub fn rec_bail_done(&mut self, mark: BailMark) {
        if let (Some(r), false) = (self.rec.as_deref_mut(), mark.site.is_null()) {
            r.bails
                .charge(mark.site, clock::ticks().wrapping_sub(mark.t0));
        }
    }
}

/// A bail `Vm::rec_bail` noted: when, and its site's record in the bail
/// log (null: none), which `rec_bail_done` charges.
pub struct BailMark {
    t0: u64,
    site: *mut crate::recorder::bails::BailRec,
}

impl Vm {
    /// Run compiled code with the tier noted for samples and allocations.
    #[inline(always)]
    pub fn rec_run_compiled(
        &mut self,
        entry: crate::jit::EntryFn,
        regs: *mut Value,
        addr: usize,
    ) -> u64 {
        // Compiled code keeps the frame's pc, not `rec_at`: what the
        // interpreter left there is about an instruction it ran before, which
        // allocations made outside compiled code (the calls it hands to the
        // runtime, `rec_as_runtime`) would take.
        // Compiled code's inline calls rely on it being clear
        // (`gen_rec_calls.rs`).
        self.rec_at = std::ptr::null();
        if self.rec.as_deref().is_some_and(|r| r.bails.left.is_some()) {
            self.rec_charge_left();
        }
        let prev = sampler::enter_jit();
        let w = entry(self as *mut Vm, regs, addr);
        sampler::restore_tier(prev);
        w
    }

    /// Run `f` (an interpreter step on behalf of compiled code) as
    /// interpreter time. Its allocations still count as compiled code's: the
    /// function is running compiled, and the JIT chose to delegate the step.
    #[inline]
    pub fn rec_interpreted<R>(&mut self, f: impl FnOnce(&mut Vm) -> R) -> R {
        // `f` written once, for both cases, as in `rec_as_runtime`.
        let prev = self
            .rec
            .is_some()
            .then(|| sampler::enter_tier(Tier::Interpreter));
        let r = f(self);
        if let Some(p) = prev {
            sampler::restore_tier(p);
        }
        r
    }

    /// Run `f` (the dispatch of a call compiled code makes: a class call, a
    /// bound method, a call with keywords) as runtime time under compiled
    /// code, as any runtime helper compiled code calls. Python code it runs
    /// in a nested interpreter loop (an `__init__` not compiled yet) is the
    /// interpreter's again (`run_loop`). Regression: this ran as the
    /// interpreter's time, so a compiled loop that made instances of a list
    /// subclass showed most of its samples in the interpreter.
    ///
    /// A sample that came while it ran is taken here, at the call, as a
    /// builtin's is when it returns (`rec_builtin_leave`): compiled code's
    /// next poll is at its loop's back-edge, and a sample in the runtime's
    /// tier takes the line of the frame's pc there, not the interrupted
    /// address's, so the dispatch's time went to the loop's header line.
    /// Not when `f` pushed a frame: the push polled (`rec_enter`), and the
    /// callee's frame is on top now.
    ///
    /// `f` is written once, for both cases: with a call of `f` per case,
    /// the recording one's result went to a place of its own and was
    /// copied to the other's, right after the callee had written it field
    /// by field (a store-forwarding stall on the 16-byte reload).
    /// `jit_call`, whose `call_instr` returns 24 bytes that way, took 2.6
    /// times its time when recording (perf, go: 181 -> 470 samples).
    #[inline]
    pub fn rec_as_runtime<R>(&mut self, f: impl FnOnce(&mut Vm) -> R) -> R {
        let prev = self
            .rec
            .is_some()
            .then(|| (sampler::enter_tier(Tier::Runtime), self.frames.len()));
        let r = f(self);
        if let Some((p, depth)) = prev {
            if sample_pending() && self.frames.len() == depth {
                self.rec_sample(None);
            }
            sampler::restore_tier(p);
        }
        r
    }

    /// Run a collection, timed and noted as collector time when recording.
    pub fn rec_collect(&mut self, f: impl FnOnce(&mut Vm)) {
        if self.rec.is_none() {
            return f(self);
        }
        let t0 = clock::ticks();
        let prev = sampler::enter_tier(Tier::Collector);
        f(self);
        sampler::restore_tier(prev);
        if let Some(r) = self.rec.as_deref_mut() {
            r.gc_ticks += clock::ticks().wrapping_sub(t0);
            r.gc_count += 1;
        }
    }
}

/// A call of builtin `b` starts, in the cases `enter_builtin_memo` leaves;
/// returns the tier to restore when it returns (see `rec_builtin_enter`).
#[inline(never)]
fn rec_enter_builtin(
    r: &mut Recorder,
    b: Gc<crate::runtime::object::BuiltinObj>,
    frames: &[crate::interp::frame::Frame],
) -> u8 {
    // The id is cached on the builtin object; bound methods (made per
    // access) take their function's (`getattr_opt`), and find theirs by
    // name and owner when it had none yet.
    let id = match b.prof_id.get() {
        u32::MAX => builtin_id_of(r, b),
        id => id,
    };
    r.enter_builtin(id, frames);
    sampler::enter_tier(Tier::Runtime)
}

/// The profile index of builtin `b`, found by name and owner and cached on it.
#[cold]
#[inline(never)]
fn builtin_id_of(r: &mut Recorder, b: Gc<crate::runtime::object::BuiltinObj>) -> u32 {
    let owner = b.owner;
    let owner_name = || owner.map(|t| t.name.as_str().to_string());
    let id = r.builtin_id(b.name, owner.map(|t| t.as_ptr() as usize), owner_name);
    b.prof_id.set(id);
    if b.bound_self.is_some() {
        share_id_with_unbound(b, id);
    }
    id
}

/// A bound copy of a method (`[].append`, `object.__init__` bound by
/// `super().__init__`) is made per access with the id of the unbound method
/// in its owner's dict, which is never called itself, so never got one:
/// every call of a fresh copy looked its id up by name and owner again.
/// Give the unbound method the id (same name and owner: the same profile
/// function), so later copies start with it. Adds no function to the
/// profile: `id` is already the called one's.
fn share_id_with_unbound(b: Gc<crate::runtime::object::BuiltinObj>, id: u32) {
    let Some(owner) = b.owner else {
        return;
    };
    let h = crate::runtime::hash::hash_str(b.name);
    // A dict being changed (never the case at a call, but this must not
    // panic if it were) just leaves the id unshared.
    let Ok(dict) = owner.dict.try_borrow() else {
        return;
    };
    let found = dict.get_str(h, b.name);
    drop(dict);
    if let Some(Value::Builtin(u)) = found {
        let same_owner = u.owner.is_some_and(|o| o.as_ptr() == owner.as_ptr());
        if u.bound_self.is_none() && u.name == b.name && same_owner {
            u.prof_id.set(id);
        }
    }
}

/// A sample is waiting to be taken. Read from the flag itself rather than
/// through `sampler::PENDING` (a reference to it: one more load per
/// instruction where the compiler does not see through it).
#[inline(always)]
fn sample_pending() -> bool {
    crate::interp::vm::POLLED.sample.load(Ordering::Relaxed)
}

/// `sample_pending` as the flag's byte (0 or 1), to be or-ed with another
/// byte without turning the bool into one first.
#[inline(always)]
fn sample_pending_byte() -> u8 {
    let flag = &crate::interp::vm::POLLED.sample;
    // SAFETY: an AtomicBool is one byte holding 0 or 1; a relaxed atomic
    // load of it is a plain byte load on x86-64, which this volatile read
    // is (the signal handler writes it; the read must not be cached).
    unsafe { std::ptr::read_volatile(flag.as_ptr() as *const u8) }
}

/// `rec_instr`'s common case, inline in the loop (when no sample is
/// pending), for an instruction that observes operands (`obs.n` not 0,
/// so its site is there: see `PcProf::obs`): each operand's type is one
/// its site kept already. Counts them and returns u8::MAX; else
/// returns the first operand whose type is not kept, having counted those
/// before it, for `rec_observe_new` to go on from.
/// It was a call (`rec_instr`) per observed instruction: 2.2 million
/// calls of 33 instructions in richards with the JIT off, of which the
/// argument moves, call, decoding `obs` again, sample test and return were
/// a third. The key is read from the value's words without building the
/// Value (a 16-byte read of a slot written as two words stalls).
#[inline(always)]
fn observe_kept(p: &crate::recorder::PcProf, regs: *const Value) -> u8 {
    let o = p.obs.get();
    debug_assert!(o.n != 0 && !p.site.get().is_null());
    // SAFETY: the caller saw `obs.n` not 0, which is set only once `site`
    // is (`PcProf::obs`), to sites that live as long as the code.
    let site = unsafe { &*p.site.get() };
    // SAFETY: as in `rec_instr`: the registers are the frame's.
    let r0 = unsafe { regs.add(o.regs[0] as usize) };
    if !site.ops[0].count_seen(fast_type_key(r0)) && !count_seen_iter(&site.ops[0], r0) {
        return 0;
    }
    if o.n > 1 {
        // SAFETY: as above.
        let r1 = unsafe { regs.add(o.regs[1] as usize) };
        if !site.ops[1].count_seen(fast_type_key(r1)) && !count_seen_iter(&site.ops[1], r1) {
            return 1;
        }
    }
    u8::MAX
}

/// An iterator's observation key (`Vm::type_key`): the name `type_name`
/// gives its type, as the address and length of that static string, so
/// that finding it is a match on the iterator's state. It was the type's
/// address, which `type_of` finds by name in a hash map: with a memo of
/// the last name, still some 90 instructions on the slow path for every
/// observation of an iterator (nqueens: 121,000, 11.6 million
/// instructions). Two strings of one name would be two keys of one name:
/// the profile merges keys by name (`recorder::build`). Bit 63 set: no
/// address (below 2^47) or tag key is one, and never 0.
#[inline(always)]
fn iter_key(name: &'static str) -> u64 {
    const HIGH: u64 = 1 << 63;
    name.as_ptr() as u64 | ((name.len() as u64 & 0x7fff) << 48) | HIGH
}

/// `observe_kept` for an operand whose fast key (`fast_type_key`) its site
/// did not keep: an iterator's kept key counted (true), else false (the
/// slow path counts it). Out of line: for the other values it is the rare
/// path, a new type.
#[inline(never)]
fn count_seen_iter(o: &sites::OperandTypes, p: *const Value) -> bool {
    // SAFETY: as in `fast_type_key`: a register of the running frame.
    let Value::Iter(it) = (unsafe { *p }) else {
        return false;
    };
    // No iterator's state is borrowed between instructions; if one were,
    // the slow path (`Vm::type_key`) would meet it.
    let Ok(st) = it.state.try_borrow() else {
        return false;
    };
    o.count_seen(iter_key(crate::interp::protocol::iter_type_name(&st)))
}

/// `Vm::type_key` from a slot's words, for the values whose key is in
/// them; for an iterator, whose key is its state's name (`iter_key`), its
/// tag plus one, which is no key (`type_key` gives no iterator that key),
/// so that a site counts it on `count_seen_iter`'s path. Never 0
/// (`count_seen`).
#[inline(always)]
fn fast_type_key(p: *const Value) -> u64 {
    use crate::runtime::value::tags;
    // SAFETY: `p` is a register of the running frame; the tag word is always
    // initialized, and for an instance the payload word is its pointer.
    unsafe {
        let tag = *(p as *const u64);
        if tag == tags::INSTANCE {
            let inst =
                *(p as *const crate::runtime::heap::Gc<crate::runtime::object::InstanceObj>).add(1);
            return inst.class.as_ptr() as u64;
        }
        tag + 1
    }
}

/// Which instruction of `code` the recorder entry at address `position` is
/// (`Taken::position`): None when it is not one of `code`'s.
fn position_pc(code: &Code, position: u64) -> Option<usize> {
    let pcs = &code.prof.pcs;
    let size = std::mem::size_of::<crate::recorder::PcProf>();
    let off = (position as usize).wrapping_sub(pcs.as_ptr() as usize);
    (off < pcs.len() * size && off % size == 0).then_some(off / size)
}

/// Frames a sample keeps from each end of a deep stack.
const SAMPLE_OUTER_FRAMES: usize = 64;
const SAMPLE_INNER_FRAMES: usize = 192;
/// Frames `rec_stack` walks at the top beyond what the cap keeps: a
/// compiled chain may cut up to this many (pushed after the signal) and
/// the sample still has its full inner part.
const SAMPLE_TOP_SLACK: usize = 64;

/// How many of the first `n` Python frames are in a stack that left out
/// `skipped` frames after the outermost `SAMPLE_OUTER_FRAMES`.
fn walked_frames(n: usize, skipped: usize) -> usize {
    if n <= SAMPLE_OUTER_FRAMES {
        n
    } else {
        SAMPLE_OUTER_FRAMES.max(n.saturating_sub(skipped))
    }
}

/// A sample of deep recursion (200000 frames of `down(n - 1)`) would store
/// every frame in every sample and make a profile of hundreds of megabytes.
/// Keep the outermost frames (where the program's structure is: `<module>`,
/// `main`, so their cumulative time stays right) and the innermost ones
/// (where the time is spent), and drop the middle, as perf's `--max-stack`
/// drops the outer end.
fn cap_stack(stack: &mut Vec<(u32, u32)>) {
    let n = stack.len();
    if n > SAMPLE_OUTER_FRAMES + SAMPLE_INNER_FRAMES {
        stack.drain(SAMPLE_OUTER_FRAMES..n - SAMPLE_INNER_FRAMES);
    }
}

/// Where `rip` is in `c`'s machine code: None when outside it; Some(None) in
/// the cold stubs after the hot code, which do not map to one instruction;
/// else the bytecode instruction whose code contains it.
fn code_position(c: &crate::jit::Compiled, rip: u64) -> Option<Option<usize>> {
    if !c.contains(rip) {
        return None;
    }
    let base = c.base();
    Some(c.pc_index().position((rip - base) as u32))
}

/// Whether a call instruction ends at `ret` in `c`'s code, so that `ret` is
/// a return address and not some other word that happens to point into
/// compiled code. The encodings the JIT emits: `call rel32` (E8), and
/// `call r/m64` (FF /2) through a register, `[reg+disp8]` or
/// `[reg+disp32]`, with or without a REX prefix.
fn call_ends_at(c: &crate::jit::Compiled, ret: u64) -> bool {
    let base = c.base();
    let code: &[u8] = &c.buf;
    let Some(end) = ret.checked_sub(base).map(|o| o as usize) else {
        return false;
    };
    if end > code.len() {
        return false;
    }
    let byte = |back: usize| end.checked_sub(back).map(|i| code[i]);
    let call_rm = |modrm_back: usize, mode: u8| {
        byte(modrm_back + 1) == Some(0xFF)
            && byte(modrm_back).is_some_and(|m| m >> 6 == mode && (m >> 3) & 7 == 2)
    };
    byte(5) == Some(0xE8) || call_rm(1, 0b11) || call_rm(2, 0b01) || call_rm(5, 0b10)
}
