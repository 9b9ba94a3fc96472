//! The interpreter's side of the recorder: the hooks the VM calls at frame
//! pushes and pops, native calls, each instruction, collections and bails.
//! Each is a no-op behind one `Option` check when not recording.

use std::sync::atomic::Ordering;

use crate::bytecode::code::Code;
use crate::interp::vm::Vm;
use crate::jit::exits::ExitReason;
use crate::recorder::{clock, sampler, sites, Recorder, RecorderOptions};
use crate::runtime::heap::Gc;
use crate::runtime::value::Value;
use profile::Tier;

impl Vm {
    /// Start recording (on the VM thread, before the program runs).
    pub fn start_recording(&mut self, options: RecorderOptions) {
        let hz = options.sample_rate_hz;
        let mut rec = Box::new(Recorder::new(options));
        match sampler::Sampler::start(hz) {
            Ok(s) => rec.sampler = Some(s),
            Err(e) => self.stderr.write_str(&format!(
                "jitprof: sampling is off (cannot start the timer: {e})\n"
            )),
        }
        self.rec = Some(rec);
        let mut allocs = Box::<crate::recorder::allocs::AllocRecorder>::default();
        // The VM stays where it is from here to the end of the run (see
        // AllocRecorder::frames).
        allocs.frames = &self.frames;
        self.heap.rec = Some(allocs);
    }

    /// Stop sampling and close the activations still open; the recorder stays
    /// for `recorder::build`.
    pub fn stop_recording(&mut self) {
        if let Some(r) = self.rec.as_deref_mut() {
            r.sampler = None;
            r.calls.leave_all(clock::ticks());
        }
    }

    /// A Python frame for `code` was pushed.
    #[inline]
    pub fn rec_enter(&mut self, code: &std::rc::Rc<Code>) {
        if let Some(r) = self.rec.as_deref_mut() {
            let id = r.code_id(code);
            r.calls.enter(id, clock::ticks());
        }
    }

    /// The top Python frame was popped (return, yield or unwind).
    #[inline]
    pub fn rec_leave(&mut self) {
        if let Some(r) = self.rec.as_deref_mut() {
            r.calls.leave(clock::ticks());
        }
    }

    /// Run a native function, timed as a call of the builtin `b`.
    #[inline]
    pub fn rec_native<R>(
        &mut self,
        b: Gc<crate::runtime::object::BuiltinObj>,
        f: impl FnOnce(&mut Vm) -> R,
    ) -> R {
        if self.rec.is_none() {
            return f(self);
        }
        self.rec_native_slow(b, f)
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

    #[inline(never)]
    fn rec_native_slow<R>(
        &mut self,
        b: Gc<crate::runtime::object::BuiltinObj>,
        f: impl FnOnce(&mut Vm) -> R,
    ) -> R {
        if let Some(r) = self.rec.as_deref_mut() {
            // The id is cached on the builtin object; bound methods (made per
            // access) miss it and find theirs by name and owner.
            let id = match b.prof_id.get() {
                u32::MAX => {
                    let owner = b.owner;
                    let owner_name = || owner.map(|t| t.name.as_str().to_string());
                    let id = r.builtin_id(b.name, owner.map(|t| t.as_ptr() as usize), owner_name);
                    b.prof_id.set(id);
                    id
                }
                id => id,
            };
            r.calls.enter(id, clock::ticks());
        }
        let prev = sampler::enter_tier(Tier::Runtime);
        let out = f(self);
        sampler::restore_tier(prev);
        self.rec_leave();
        out
    }

    /// The key a value's type is observed under: the class's address for
    /// instances and iterators (whose one tag covers many types), the tag
    /// (plus one, so never 0) for the rest, one Python type per tag.
    pub fn type_key(&self, v: Value) -> u64 {
        match v {
            Value::Instance(i) => i.class.as_ptr() as u64,
            Value::Iter(_) => self.type_of(v).as_ptr() as u64,
            other => other.tag() + 1,
        }
    }

    /// Per-instruction recording in the interpreter: the execution count,
    /// the operand types, and a pending sample. Also keeps the frame's pc
    /// current, so allocations and samples land on the right instruction.
    ///
    /// Out of line: inlined, its code made the interpreter's dispatch loop
    /// slower by a sixth even with recording off (register pressure in a
    /// function that size), for a call that only recording runs pay.
    #[inline(never)]
    pub fn rec_instr(&mut self, code: &Code, pc: usize, regs: *const Value) {
        if let Some(c) = code.prof.counts.get(pc) {
            c.set(c.get() + 1);
        }
        if let Some(f) = self.frames.last_mut() {
            f.pc = pc + 1;
        }
        if let Some(o) = code.prof.obs.get().and_then(|o| o.get(pc)) {
            if o.n != 0 {
                self.rec_observe(code, pc, *o, regs);
            }
        }
        if sampler::PENDING.load(Ordering::Relaxed) {
            self.rec_sample(Some(pc));
        }
    }

    /// Count the operand types of the instruction at `pc`: inline for the
    /// common case (the type already first at its site), out of line for the
    /// rest. The key is read from the value's words without building the
    /// Value (a 16-byte read of a slot written as two words stalls).
    #[inline(always)]
    fn rec_observe(&mut self, code: &Code, pc: usize, o: sites::Obs, regs: *const Value) {
        let Some(site) = code.prof.sites.get().and_then(|s| s.get(pc)) else {
            return;
        };
        for i in 0..o.n as usize {
            // SAFETY: the instruction's registers are below the frame's
            // nregs, and `regs` is the frame's window.
            let p = unsafe { regs.add(o.regs[i] as usize) };
            let key = fast_type_key(p);
            let op = &site.ops[i];
            if key != 0 && op.keys[0].get() == key {
                op.counts[0].set(op.counts[0].get() + 1);
                continue;
            }
            self.rec_observe_slow(op, key, p);
        }
    }

    #[inline(never)]
    fn rec_observe_slow(&mut self, op: &sites::OperandTypes, key: u64, p: *const Value) {
        // SAFETY: as in `rec_observe`; the slot holds a valid Value.
        let v = unsafe { *p };
        let key = if key == 0 { self.type_key(v) } else { key };
        if op.record(key) {
            self.rec_type_name(key, v);
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
    fn rec_stack(&mut self, top_pc: Option<usize>) -> Vec<(u32, u32)> {
        let Some(r) = self.rec.as_deref_mut() else {
            return Vec::new();
        };
        let n = self.frames.len();
        let mut py = Vec::with_capacity(n);
        for (i, f) in self.frames.iter().enumerate() {
            let code = &f.func.code;
            let id = r.code_id(code);
            let pc = match top_pc {
                Some(pc) if i + 1 == n => pc,
                // The stored pc is the next instruction's: the one running
                // (the call, for frames below the top) is the one before.
                _ => f.pc.saturating_sub(1),
            };
            py.push((id, code.line_at(pc)));
        }
        // Interleave builtins from the recorder's activation stack, which
        // holds Python and native activations in call order.
        let mut out = Vec::with_capacity(py.len() + 2);
        let mut next_py = py.iter();
        for f in r.calls.stack_funcs() {
            match r.funcs.get(f as usize) {
                Some(crate::recorder::FuncKey::Builtin { .. }) => out.push((f, 0)),
                _ => match next_py.next() {
                    Some(&fr) => out.push(fr),
                    None => break,
                },
            }
        }
        out.extend(next_py.copied());
        out
    }

    /// Take a pending sample. `top_pc`: the interpreter's current pc (None
    /// when the top frame's stored pc is current).
    #[cold]
    #[inline(never)]
    pub fn rec_sample(&mut self, top_pc: Option<usize>) {
        let t0 = clock::ticks();
        let Some(s) = sampler::take() else { return };
        let mut tier = s.tier;
        let mut stack = self.rec_stack(top_pc);
        if tier == Tier::Jit {
            match self.jit_position(s.rip) {
                Some((frame_index, line)) => {
                    // Frames above the compiled one were pushed after the signal.
                    let keep = self.python_prefix_len(&stack, frame_index + 1);
                    stack.truncate(keep);
                    if let Some(last) = stack.last_mut() {
                        last.1 = line;
                    }
                }
                // In a runtime helper that compiled code called.
                None => tier = Tier::Runtime,
            }
        }
        cap_stack(&mut stack);
        if let Some(r) = self.rec.as_deref_mut() {
            r.add_sample(stack, tier, s.weight);
            r.overhead_ticks += clock::ticks().wrapping_sub(t0);
        }
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

    /// Which frame's compiled code contains `rip`, and the source line there.
    fn jit_position(&self, rip: u64) -> Option<(usize, u32)> {
        for (i, f) in self.frames.iter().enumerate().rev() {
            let code = f.code();
            let c = code.jit.compiled.get();
            if c.is_null() {
                continue;
            }
            // SAFETY: compiled code lives as long as the VM.
            let c = unsafe { &*c };
            let base = c.base();
            if rip < base || rip >= base + c.code_bytes() as u64 {
                continue;
            }
            let off = (rip - base) as u32;
            // The last instruction starting at or before the offset; cold
            // stubs after the hot code map to the last instruction, so use
            // the frame's own pc for them.
            let hot_end = c
                .pc_offsets
                .iter()
                .copied()
                .filter(|&o| o != u32::MAX)
                .max()
                .unwrap_or(0);
            let pc = if off > hot_end + 64 {
                f.pc.saturating_sub(1)
            } else {
                c.pc_offsets
                    .iter()
                    .enumerate()
                    .filter(|(_, &o)| o != u32::MAX && o <= off)
                    .max_by_key(|(_, &o)| o)
                    .map(|(pc, _)| pc)
                    .unwrap_or(0)
            };
            return Some((i, code.line_at(pc)));
        }
        None
    }

    /// A guard failed at `pc` of the top frame: note what the operands were
    /// and where, before the interpreter runs the instruction. Returns the
    /// tick count to pass to `rec_bail_done`.
    #[cold]
    pub fn rec_bail(&mut self, pc: u32, reason: ExitReason) -> u64 {
        let t0 = clock::ticks();
        let Some(f) = self.frames.last() else {
            return t0;
        };
        let code = f.func.code.clone();
        let base = f.base;
        let ins = code.instrs[pc as usize];
        let observed = match sites::observed(&ins) {
            Some((op, ops, n)) => {
                let names: Vec<String> = ops
                    .iter()
                    .take(n)
                    .map(|(_, r)| self.type_name(self.stack[base + *r as usize]).to_string())
                    .collect();
                match (op, names.len()) {
                    (sites::Op::Sym(s), 2) => format!("{} {s} {}", names[0], names[1]),
                    _ => names.join(", "),
                }
            }
            None => match ins {
                crate::bytecode::opcodes::Instr::JumpIfFalse { cond, .. }
                | crate::bytecode::opcodes::Instr::JumpIfTrue { cond, .. } => {
                    self.type_name(self.stack[base + cond as usize]).to_string()
                }
                crate::bytecode::opcodes::Instr::ForIter { iter, .. } => {
                    self.type_name(self.stack[base + iter as usize]).to_string()
                }
                _ => String::new(),
            },
        };
        let key = (std::rc::Rc::as_ptr(&code) as usize, pc, reason as u32);
        // The stack is kept for the first bail at a site only; build it then.
        let first = self
            .rec
            .as_deref()
            .is_some_and(|r| !r.bails.sites.contains_key(&key));
        let stack = if first {
            self.rec_stack(Some(pc as usize))
        } else {
            Vec::new()
        };
        if let Some(r) = self.rec.as_deref_mut() {
            r.bails.observe(key, observed, || stack);
        }
        t0
    }

    /// The bail noted by `rec_bail` was handled; charge its time.
    pub fn rec_bail_done(&mut self, pc: u32, reason: ExitReason, t0: u64, code: usize) {
        if let Some(r) = self.rec.as_deref_mut() {
            if let Some(b) = r.bails.sites.get_mut(&(code, pc, reason as u32)) {
                b.cost_ticks += clock::ticks().wrapping_sub(t0);
            }
        }
    }
}

impl Vm {
    /// Run compiled code with the tier noted for samples and allocations.
    #[inline(never)]
    pub fn rec_run_compiled(
        &mut self,
        entry: crate::jit::EntryFn,
        regs: *mut Value,
        addr: usize,
    ) -> u64 {
        let prev = sampler::enter_tier(Tier::Jit);
        let prev_jit = self.set_alloc_in_jit(true);
        let w = entry(self as *mut Vm, regs, addr);
        self.set_alloc_in_jit(prev_jit);
        sampler::restore_tier(prev);
        w
    }

    /// Run `f` (an interpreter step on behalf of compiled code) as
    /// interpreter time. Its allocations still count as compiled code's: the
    /// function is running compiled, and the JIT chose to delegate the step.
    #[inline]
    pub fn rec_interpreted<R>(&mut self, f: impl FnOnce(&mut Vm) -> R) -> R {
        if self.rec.is_none() {
            return f(self);
        }
        let prev = sampler::enter_tier(Tier::Interpreter);
        let r = f(self);
        sampler::restore_tier(prev);
        r
    }

    fn set_alloc_in_jit(&mut self, on: bool) -> bool {
        match self.heap.rec.as_deref_mut() {
            Some(r) => std::mem::replace(&mut r.in_jit, on),
            None => false,
        }
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

/// `Vm::type_key` from a slot's words, for the cases that need no lookup
/// (0: take the slow path).
#[inline(always)]
fn fast_type_key(p: *const Value) -> u64 {
    use crate::runtime::value::tags;
    // SAFETY: `p` is a register of the running frame; the tag word is always
    // initialized, and for an instance the payload word is its pointer.
    unsafe {
        let tag = *(p as *const u64);
        match tag {
            tags::INSTANCE => {
                let inst =
                    *(p as *const crate::runtime::heap::Gc<crate::runtime::object::InstanceObj>)
                        .add(1);
                inst.class.as_ptr() as u64
            }
            tags::ITER => 0,
            _ => tag + 1,
        }
    }
}

/// Frames a sample keeps from each end of a deep stack.
const SAMPLE_OUTER_FRAMES: usize = 64;
const SAMPLE_INNER_FRAMES: usize = 192;

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
