//! The interpreter loop.
//!
//! One `match` over the instruction enum. Python-to-Python calls and returns do
//! not recurse on the native stack: they push and pop `Frame`s and the loop goes
//! on, so deep Python recursion is bounded by the recursion limit, not by Rust's
//! stack. Only native code calling back into Python (a key function, a
//! generator's `__next__` driven by a builtin) enters the loop again.
//!
//! Fast paths for int and float operands are inline; everything else goes
//! through `ops`. Registers are accessed through a raw pointer to the frame's
//! window: the compiler guarantees every register operand is below the code's
//! `nregs`, and a frame is only pushed when `base + nregs` fits the stack.

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::{Instr, NO_REG};
use crate::interp::attr_cache;
use crate::interp::call::ARG_BUF;
use crate::interp::frame::{Frame, Sink};
use crate::interp::ops::{BinOp, CmpOp};
use crate::interp::vm::Vm;
use crate::jit::exits::Outcome;
use crate::jit::feedback;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// How a run of the loop ended.
pub enum Exit {
    Returned(Value),
    Yielded(Value),
    /// One instruction ran (`run_step`, for compiled code).
    Stepped,
}

impl Vm {
    /// Run from the top frame (which must be an entry frame) until it returns or,
    /// for a generator frame, yields.
    pub fn run_loop(&mut self) -> PyResult<Exit> {
        if self.rec.is_none() {
            return self.run_loop_in::<false>();
        }
        // The interpreter's tier, also when the runtime or a builtin runs
        // this loop (a `sorted` key function, an `__init__` a class call
        // runs, a generator `sum` resumes). Regression: such code showed in
        // the tier of the builtin that started it, so a program run with
        // `--jit=off` showed its time in the runtime.
        let prev = crate::recorder::sampler::enter_tier_outside_jit(profile::Tier::Interpreter);
        let r = self.run_loop_in::<true>();
        crate::recorder::sampler::restore_tier(prev);
        r
    }

    /// `run_loop`, recording or not (`PROF`): two instances of the loop, so
    /// recording's per-instruction hook costs nothing when it is compiled
    /// out.
    fn run_loop_in<const PROF: bool>(&mut self) -> PyResult<Exit> {
        loop {
            let r = self.run_inner::<false, PROF>();
            match r {
                Ok(exit) => return Ok(exit),
                Err(exc) => {
                    // Find a handler in this run's frames or leave with the error.
                    if !self.unwind(exc)? {
                        continue;
                    }
                }
            }
        }
    }

    /// Unwind to a handler. Returns Ok(false) when one was found (the loop goes
    /// on), Err(exc) when the entry frame was popped.
    fn unwind(&mut self, mut exc: PyExc) -> PyResult<bool> {
        let mut reraise = self.reraising;
        self.reraising = false;
        let mut method_lookup = std::mem::take(&mut self.method_lookup_failed);
        if !reraise {
            // Every exception raised while another is handled records it as its
            // context, whether `raise` or a failing operation raised it.
            self.set_context(exc);
        }
        loop {
            let frame = self.frames.last_mut().expect("frame while unwinding");
            let fault = frame.pc.saturating_sub(1);
            let code = frame.code();
            if !reraise {
                if let Some(e) = &exc.exc {
                    e.borrow_mut().traceback.push(TraceEntry {
                        code: frame.func.code.clone(),
                        line: code.fault_loc(fault, method_lookup).line,
                        pc: fault as u32,
                        method_lookup,
                    });
                }
            }
            reraise = false;
            method_lookup = false;
            let found = code
                .exc_table
                .iter()
                .find(|e| (e.start as usize) <= fault && fault < e.end as usize)
                .copied();
            // A fatal import error (interp/import.rs) is not catchable: no handler runs.
            let found = found.filter(|_| self.imports.fatal.is_none());
            if !code.owned_loops.is_empty() {
                let base = frame.base;
                // SAFETY: the frame keeps its function, and so its code, alive
                // (`code` above borrows the frame, which the cleanup may move).
                let code = unsafe { &*frame.code_ptr() };
                self.close_iters_left(code, base, fault as u32, found.map(|e| e.handler));
            }
            let frame = self.frames.last_mut().expect("frame while unwinding");
            if let Some(entry) = found {
                let base = frame.base;
                frame.pc = entry.handler as usize;
                let hb = frame.handled_base + entry.depth as usize;
                self.handled.truncate(hb);
                self.stack[base + entry.exc_reg as usize] = Value::Instance(exc);
                return Ok(false);
            }
            self.rec_leave();
            let frame = self.frames_pop().expect("frame");
            self.handled.truncate(frame.handled_base);
            if let Some(g) = frame.generator {
                g.state.set(GenState::Finished);
                self.retire_generator_regs(g);
                // PEP 479, for a generator a `for` in this loop was running
                // (resume_generator does the same for native resumes).
                if frame.gen_exit.is_some() && exc.class == self.exc_types["StopIteration"] {
                    let r =
                        self.new_exception_msg("RuntimeError", "generator raised StopIteration");
                    if let Some(st) = &r.exc {
                        st.borrow_mut().cause = Some(Value::Instance(exc));
                    }
                    self.set_context(r);
                    exc = r;
                }
            }
            if frame.entry {
                return Err(exc);
            }
        }
    }

    /// The loop proper. Returns on the entry frame's return/yield or on the first
    /// exception (which `run_loop` then unwinds).
    ///
    /// With `STEP`, runs exactly one instruction of the top frame (or stops as
    /// soon as the instruction pushed or popped a frame): compiled code uses this
    /// for instructions it has no template for and for its bails. The step
    /// variant never enters compiled code itself.
    fn run_inner<const STEP: bool, const PROF: bool>(&mut self) -> PyResult<Exit> {
        // generator.throw(): raise at the suspended yield (the frame's pc is just
        // past it, so the unwinder finds the handlers around the yield).
        if let Some(e) = self.pending_throw.take() {
            // Suspended in `yield from`: the sub-iterator gets it first.
            let f = self.frames.last().expect("frame");
            if matches!(f.code().instrs.get(f.pc), Some(Instr::YieldFrom { .. })) {
                self.yield_from_input = Some(crate::interp::vm::YieldFromInput::Throw(e));
            } else {
                return Err(e);
            }
        }
        let mut frame_idx = self.frames.len() - 1;
        // SAFETY: a frame's code is kept alive by its function object, which
        // the frame roots for as long as it is on the stack; `reload_frame!`
        // re-reads it whenever the top frame changes.
        let mut code: &Code = unsafe { &*self.frames[frame_idx].code_ptr() };
        let mut pc = self.frames[frame_idx].pc;
        let stack_ptr = self.stack.as_mut_ptr();
        // SAFETY (for every use of `r!`/`w!`): base + nregs <= stack length was
        // checked when the frame was pushed, and operands are < nregs.
        let mut regs: *mut Value = unsafe { stack_ptr.add(self.frames[frame_idx].base) };
        // `code.instrs`' first instruction, kept beside `code` so the fetch is
        // one load from it.
        let mut ip: *const Instr = code.instrs.as_ptr();
        // Its recording entries (`CodeProf::pcs`), for the per-instruction
        // hook, kept like `ip`.
        let mut pcs = code.prof.pcs.as_ptr();

        // Read as two words (see `tag!` below for why); volatile so the two loads
        // are not merged back into one 16-byte load.
        macro_rules! r {
            ($i:expr) => {
                // SAFETY: the slot holds a valid Value; MaybeUninit words may carry
                // the padding of a Bool's payload, and reassembled they are the
                // same valid Value.
                unsafe {
                    let p = regs.add($i as usize) as *const std::mem::MaybeUninit<u64>;
                    let words = [
                        std::ptr::read_volatile(p),
                        std::ptr::read_volatile(p.add(1)),
                    ];
                    std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Value>(words)
                }
            };
        }
        macro_rules! w {
            ($i:expr, $v:expr) => {{
                let v = $v;
                unsafe { *regs.add($i as usize) = v }
            }};
        }
        // Word-level access for the fast paths. Every write stores a value as two
        // 8-byte words (tag, then payload); reading a slot back with one 16-byte
        // load cannot be store-forwarded from those and stalls the pipeline
        // (it dominated int loops), so hot paths read the words separately.
        // SAFETY (tag/ival/fval/bval/gcval): the tag word is always initialized;
        // the payload readers are used only after the tag was checked, so the
        // payload has the type read.
        macro_rules! tag {
            ($i:expr) => {
                unsafe { *(regs.add($i as usize) as *const u64) }
            };
        }
        macro_rules! ival {
            ($i:expr) => {
                unsafe { *(regs.add($i as usize) as *const i64).add(1) }
            };
        }
        macro_rules! fval {
            ($i:expr) => {
                unsafe { *(regs.add($i as usize) as *const f64).add(1) }
            };
        }
        // A bool's payload is its first byte; the rest of the word is padding.
        macro_rules! bval {
            ($i:expr) => {
                unsafe { *(regs.add($i as usize) as *const u8).add(8) != 0 }
            };
        }
        // The payload of a heap value whose tag was checked: the typed pointer.
        macro_rules! gcval {
            ($i:expr, $t:ty) => {
                unsafe { *(regs.add($i as usize) as *const crate::runtime::heap::Gc<$t>).add(1) }
            };
        }
        macro_rules! mv {
            ($dst:expr, $src:expr) => {{
                // SAFETY: copies a valid Value word by word (MaybeUninit: a Bool's
                // payload word is partly padding).
                unsafe {
                    let s = regs.add($src as usize) as *const std::mem::MaybeUninit<u64>;
                    let (t, p) = (
                        std::ptr::read_volatile(s),
                        std::ptr::read_volatile(s.add(1)),
                    );
                    let d = regs.add($dst as usize) as *mut std::mem::MaybeUninit<u64>;
                    *d = t;
                    *d.add(1) = p;
                }
            }};
        }
        // Constant and name operands, checked against their tables when the
        // code was compiled (`check_flow`, bytecode/code.rs).
        macro_rules! konst {
            ($k:expr) => {{
                debug_assert!(($k as usize) < code.consts.len());
                // SAFETY: `check_flow` verified every constant operand < consts.len().
                unsafe { *code.consts.get_unchecked($k as usize) }
            }};
        }
        macro_rules! name {
            ($n:expr) => {{
                debug_assert!(($n as usize) < code.names.len());
                // SAFETY: `check_flow` verified every name operand < names.len().
                unsafe { *code.names.get_unchecked($n as usize) }
            }};
        }
        // The running instruction's inline cache.
        macro_rules! cache {
            () => {{
                debug_assert!(pc - 1 < code.caches.len());
                // SAFETY: `caches` has one entry per instruction (compiler.rs,
                // `finish`) and pc - 1 is the running instruction's index, in
                // range as the fetch explains.
                unsafe { code.caches.get_unchecked(pc - 1) }
            }};
        }
        const T_INT: u64 = crate::runtime::value::tags::INT;
        const T_FLOAT: u64 = crate::runtime::value::tags::FLOAT;
        const T_BOOL: u64 = crate::runtime::value::tags::BOOL;
        const T_INSTANCE: u64 = crate::runtime::value::tags::INSTANCE;
        const T_LIST: u64 = crate::runtime::value::tags::LIST;
        const FB_FLOAT: u8 = feedback::FLOAT;
        // Save the pc before anything that can raise or push a frame.
        macro_rules! sync {
            () => {
                self.frames[frame_idx].pc = pc
            };
        }
        macro_rules! tryv {
            ($e:expr) => {{
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        sync!();
                        return Err(e);
                    }
                }
            }};
        }
        // Re-read the top frame after a call pushed or a return popped one.
        macro_rules! reload_frame {
            () => {{
                frame_idx = self.frames.len() - 1;
                let f = &self.frames[frame_idx];
                // SAFETY: as for `code` and `regs` where the loop starts.
                code = unsafe { &*f.code_ptr() };
                ip = code.instrs.as_ptr();
                pcs = code.prof.pcs.as_ptr();
                pc = f.pc;
                regs = unsafe { stack_ptr.add(f.base) };
            }};
        }
        // Continue the current frame in compiled code at `pc`, when it has some;
        // back here when compiled code hands over (see jit/mod.rs).
        macro_rules! jit_enter {
            () => {{
                if !STEP {
                    loop {
                        let (entry, addr) = match code.jit.entry(pc) {
                            Some(e) => e,
                            // Recording: in the middle of a block (after a
                            // call), counting the block's lines from here.
                            None if PROF => match code.jit.mid_entry(pc) {
                                Some((entry, addr, lines)) => {
                                    self.rec_count_lines(code, lines);
                                    (entry, addr)
                                }
                                None => break,
                            },
                            None => break,
                        };
                        self.frames[frame_idx].pc = pc;
                        let w = if PROF {
                            // A poll before the tier changes, as after.
                            self.rec_poll(pc);
                            self.rec_run_compiled(entry, regs, addr)
                        } else {
                            entry(self as *mut Vm, regs, addr)
                        };
                        match self.jit_outcome(w) {
                            // A return the interpreter entered the frame for:
                            // it runs the return itself.
                            Outcome::Resume(p) | Outcome::Continue(p) => {
                                pc = p as usize;
                                break;
                            }
                            Outcome::Return(p) => {
                                if PROF {
                                    self.rec_uncount(code, p as usize);
                                }
                                pc = p as usize;
                                break;
                            }
                            Outcome::Left => reload_frame!(),
                            Outcome::LeftInterpreted => {
                                reload_frame!();
                                break;
                            }
                            Outcome::Error => {
                                let e = self.jit.pending_exc.take().expect("compiled code raised");
                                return Err(e);
                            }
                        }
                    }
                    if PROF {
                        // Back from compiled code (or not entered): poll for
                        // a pending sample (the recording hook does not test
                        // for one). This is the back-edges' poll too.
                        self.rec_poll(pc);
                    }
                }
            }};
        }
        // Re-read the top frame after an operator's special method returned,
        // and go on here, with the poll for a sample compiled code's return
        // makes (see `ReturnNone`).
        macro_rules! reload_interpreted {
            () => {{
                reload_frame!();
                if PROF {
                    self.rec_poll(pc);
                }
            }};
        }
        // Re-read the top frame after a call pushed or a return popped one, and
        // run it in compiled code if it has some.
        macro_rules! reload {
            () => {{
                reload_frame!();
                jit_enter!();
            }};
        }
        // Store a call's `PyResult<Value>` into a register word by word, read
        // straight from the Result: moving the Value out first is a 16-byte load
        // of what the callee just wrote as 8-byte words, which stalls (the same
        // store-forwarding problem as `tag!`, at every call boundary).
        macro_rules! tryw {
            ($dst:expr, $e:expr) => {{
                let res: PyResult<Value> = $e;
                match &res {
                    // SAFETY: copies a valid Value word by word into a register
                    // below nregs (MaybeUninit: a Bool's payload is partly padding).
                    Ok(v) => unsafe {
                        let s = v as *const Value as *const std::mem::MaybeUninit<u64>;
                        let d = regs.add($dst as usize) as *mut std::mem::MaybeUninit<u64>;
                        *d = std::ptr::read_volatile(s);
                        *d.add(1) = std::ptr::read_volatile(s.add(1));
                    },
                    Err(e) => {
                        let e = *e;
                        sync!();
                        return Err(e);
                    }
                }
            }};
        }
        // A call's result: Some(value) into the register (word by word, as in
        // `tryw!`), None when a Python frame was pushed (the loop continues there).
        macro_rules! trycall {
            ($dst:expr, $e:expr) => {{
                let res: PyResult<Option<Value>> = $e;
                match &res {
                    // SAFETY: as in `tryw!`.
                    Ok(Some(v)) => unsafe {
                        let s = v as *const Value as *const std::mem::MaybeUninit<u64>;
                        let d = regs.add($dst as usize) as *mut std::mem::MaybeUninit<u64>;
                        *d = std::ptr::read_volatile(s);
                        *d.add(1) = std::ptr::read_volatile(s.add(1));
                    },
                    Ok(None) => reload!(),
                    Err(e) => {
                        let e = *e;
                        sync!();
                        return Err(e);
                    }
                }
            }};
        }
        // The generic operator. Outside a step, a special method that is a
        // Python function runs as a frame of this loop (`binary_op_frame`);
        // compiled code's steps keep to native calls.
        macro_rules! binop {
            ($dst:expr, $a:expr, $b:expr, $op:expr) => {{
                sync!();
                if STEP {
                    tryw!($dst, self.binary_op_noted($op, r!($a), r!($b)));
                } else {
                    trycall!($dst, self.binary_op_noted_at($op, r!($a), r!($b), $dst));
                }
            }};
        }
        // Type feedback for the JIT (jit/feedback.rs): the kinds of operands
        // the instruction at `pc - 1` (the one running) saw. The float paths
        // note FLOAT here (one `or` to memory); the int paths note nothing (a
        // note there costs every int instruction, and the int-first template
        // is what a site that saw nothing gets anyway); the slow paths note in
        // `binary_op_noted` and friends, outside the loop.
        macro_rules! note {
            ($bits:expr) => {
                // SAFETY: pc - 1 is the instruction just read from `code`.
                unsafe { code.feedback.note_unchecked(pc - 1, $bits) }
            };
        }
        // One template per operand kind (LuaJIT's ins_arith): int x int with an
        // overflow check, float x float, anything else through `binary_op`.
        macro_rules! arith {
            ($dst:expr, $a:expr, $b:expr, $checked:ident, $fop:tt, $op:expr) => {{
                let (ta, tb) = (tag!($a), tag!($b));
                if ta == T_INT && tb == T_INT {
                    match ival!($a).$checked(ival!($b)) {
                        Some(v) => w!($dst, Value::Int(v)),
                        None => binop!($dst, $a, $b, $op),
                    }
                } else if ta == T_FLOAT && tb == T_FLOAT {
                    note!(FB_FLOAT);
                    w!($dst, Value::Float(fval!($a) $fop fval!($b)));
                } else {
                    binop!($dst, $a, $b, $op);
                }
            }};
        }
        // `x + 1`, `x - 1`: the same with a small-int immediate operand.
        macro_rules! arith_imm {
            ($dst:expr, $a:expr, $imm:expr, $checked:ident, $fop:tt, $op:expr) => {{
                let i = $imm as i16 as i64;
                let t = tag!($a);
                let fast = if t == T_INT { ival!($a).$checked(i) } else { None };
                if let Some(v) = fast {
                    w!($dst, Value::Int(v));
                } else if t == T_FLOAT {
                    note!(FB_FLOAT);
                    w!($dst, Value::Float(fval!($a) $fop i as f64));
                } else {
                    sync!();
                    tryw!($dst, self.binary_op_noted($op, r!($a), Value::Int(i)));
                }
            }};
        }
        // Int-only operators: `$f(x, y)` gives Some(result) on the fast path.
        macro_rules! int_op {
            ($dst:expr, $a:expr, $b:expr, $f:expr, $op:expr) => {{
                let fast = if tag!($a) == T_INT && tag!($b) == T_INT {
                    $f(ival!($a), ival!($b))
                } else {
                    None
                };
                match fast {
                    Some(v) => w!($dst, Value::Int(v)),
                    None => binop!($dst, $a, $b, $op),
                }
            }};
        }
        macro_rules! cmp_jump {
            ($a:expr, $b:expr, $target:expr, $op:tt, $cop:expr) => {{
                let (ta, tb) = (tag!($a), tag!($b));
                let t = if ta == T_INT && tb == T_INT {
                    ival!($a) $op ival!($b)
                } else if ta == T_FLOAT && tb == T_FLOAT {
                    note!(FB_FLOAT);
                    fval!($a) $op fval!($b)
                } else {
                    sync!();
                    let v = tryv!(self.compare_op_noted($cop, r!($a), r!($b)));
                    tryv!(self.truthy(v))
                };
                if !t {
                    pc = $target as usize;
                }
            }};
        }
        macro_rules! cmp {
            ($dst:expr, $a:expr, $b:expr, $op:tt, $cop:expr) => {{
                let (ta, tb) = (tag!($a), tag!($b));
                let v = if ta == T_INT && tb == T_INT {
                    Value::Bool(ival!($a) $op ival!($b))
                } else if ta == T_FLOAT && tb == T_FLOAT {
                    note!(FB_FLOAT);
                    Value::Bool(fval!($a) $op fval!($b))
                } else {
                    sync!();
                    tryv!(self.compare_op_noted($cop, r!($a), r!($b)))
                };
                w!($dst, v);
            }};
        }

        if !STEP && pc == 0 {
            // A frame entered from native code (or the module): count the call.
            let c = self.frames[frame_idx].func.code.clone();
            self.jit_tick(&c, crate::jit::CALL_WEIGHT);
            jit_enter!();
        }
        let mut stepped = false;
        let start_depth = self.frames.len();

        loop {
            if STEP {
                if stepped || self.frames.len() != start_depth {
                    if let Some(f) = self.frames.get_mut(frame_idx) {
                        f.pc = pc;
                    }
                    return Ok(Exit::Stepped);
                }
                stepped = true;
            }
            // SAFETY: `pc` indexes `code.instrs`: `check_flow` (bytecode/code.rs)
            // verified when the code was compiled that no instruction falls off
            // the end and every target and handler is in range, and every pc
            // this loop sets is 0, a successor, a target, a handler or one saved
            // from those. `code` is immutable (shared through Rc).
            debug_assert!(pc < code.instrs.len());
            // The recording hook first: the instruction read after its
            // (rare) call need not be kept across it, which took a spill
            // and a reload per instruction. It does not poll for a pending
            // sample (see `rec_instr_inline`).
            if PROF {
                self.rec_instr_inline::<STEP>(pcs, pc, frame_idx, regs);
            }
            // Recording, from the hook's entry (`PcProf::instr`).
            // SAFETY: `pc < code.instrs.len()` (asserted above: jumps and
            // falls through stay inside the code, which ends in a return),
            // and `pcs` has one entry per instruction (`CodeProf::pcs`).
            let instr = if PROF {
                unsafe { (*pcs.add(pc)).instr }
            } else {
                unsafe { *ip.add(pc) }
            };
            pc += 1;
            #[cfg(feature = "trace_execution")]
            eprintln!("{:>5} {:?}", pc - 1, instr);
            match instr {
                Instr::Nop {} => {}
                Instr::Move { dst, src } => mv!(dst, src),
                Instr::LoadConst { dst, k } => w!(dst, konst!(k)),
                Instr::LoadInt { dst, imm } => w!(dst, Value::Int(imm as i16 as i64)),
                Instr::LoadNone { dst } => w!(dst, Value::None),
                Instr::LoadBool { dst, imm } => w!(dst, Value::Bool(imm != 0)),
                Instr::LoadGlobal { dst, slot, name } => {
                    let module = self.frames[frame_idx].func.module;
                    let v = module
                        .globals
                        .borrow()
                        .get(slot as usize)
                        .copied()
                        .unwrap_or(Value::Undefined);
                    let v = match v {
                        Value::Undefined => {
                            let cached = module.builtin_cache.borrow().get(slot as usize).copied();
                            match cached {
                                Some(b) if !matches!(b, Value::Undefined) => b,
                                _ => 'miss: {
                                    sync!();
                                    let nm = name!(name);
                                    // Stored through globals() (builtins/namespaces.rs).
                                    if module.namespace.get().is_some() {
                                        if let Some(v) = self.namespace_lookup(module, nm) {
                                            break 'miss v;
                                        }
                                    }
                                    let b = tryv!(self.load_builtin(nm));
                                    let mut cache = module.builtin_cache.borrow_mut();
                                    if cache.len() <= slot as usize {
                                        cache.resize(slot as usize + 1, Value::Undefined);
                                    }
                                    cache[slot as usize] = b;
                                    b
                                }
                            }
                        }
                        v => v,
                    };
                    w!(dst, v);
                }
                Instr::StoreGlobal { slot, src } => {
                    let module = self.frames[frame_idx].func.module;
                    let mut g = module.globals.borrow_mut();
                    if g.len() <= slot as usize {
                        g.resize(slot as usize + 1, Value::Undefined);
                    }
                    g[slot as usize] = r!(src);
                    drop(g);
                    if module.namespace.get().is_some() {
                        // globals() was called: its dict mirrors the slots.
                        sync!();
                        self.namespace_slot_written(module, slot as usize);
                    }
                }
                Instr::DeleteGlobal { slot, name } => {
                    let module = self.frames[frame_idx].func.module;
                    let old = module
                        .globals
                        .borrow()
                        .get(slot as usize)
                        .copied()
                        .unwrap_or(Value::Undefined);
                    if let Value::Undefined = old {
                        sync!();
                        let n = name!(name);
                        return Err(self.new_exception_msg(
                            "NameError",
                            &format!("name '{}' is not defined", n.as_str()),
                        ));
                    }
                    module.globals.borrow_mut()[slot as usize] = Value::Undefined;
                    if module.namespace.get().is_some() {
                        sync!();
                        self.namespace_slot_written(module, slot as usize);
                    }
                }
                Instr::LoadBuiltin { dst, name } => {
                    sync!();
                    tryw!(dst, self.load_builtin(name!(name)));
                }
                Instr::CheckBound { reg, name } => {
                    if let Value::Undefined = r!(reg) {
                        sync!();
                        let n = name!(name);
                        return Err(self.new_exception_msg(
                            "UnboundLocalError",
                            &format!("cannot access local variable '{}' where it is not associated with a value", n.as_str()),
                        ));
                    }
                }
                Instr::ClearReg { reg } => w!(reg, Value::Undefined),
                Instr::MakeCell { reg } => {
                    let c = self.heap.alloc(CellObj {
                        value: std::cell::Cell::new(r!(reg)),
                    });
                    w!(reg, Value::Cell(c));
                }
                Instr::LoadClosure { dst, idx } => {
                    let c = self.frames[frame_idx].func.closure[idx as usize];
                    w!(dst, Value::Cell(c));
                }
                Instr::LoadDeref { dst, cell, name } => {
                    let Value::Cell(c) = r!(cell) else {
                        unreachable!("LoadDeref of a non-cell")
                    };
                    match c.value.get() {
                        Value::Undefined => {
                            sync!();
                            let n = name!(name);
                            return Err(self.unbound_deref_error(n.as_str(), code, cell));
                        }
                        v => w!(dst, v),
                    }
                }
                Instr::StoreDeref { cell, src } => {
                    let Value::Cell(c) = r!(cell) else {
                        unreachable!("StoreDeref of a non-cell")
                    };
                    c.value.set(r!(src));
                }
                Instr::DeleteDeref { cell, name } => {
                    let Value::Cell(c) = r!(cell) else {
                        unreachable!("DeleteDeref of a non-cell")
                    };
                    if let Value::Undefined = c.value.get() {
                        sync!();
                        let n = name!(name);
                        return Err(self.unbound_deref_error(n.as_str(), code, cell));
                    }
                    c.value.set(Value::Undefined);
                }

                Instr::Add { dst, a, b } => {
                    // arith! plus list + list (never an augmented `+=`, which
                    // compiles to IAdd and extends in place).
                    let (ta, tb) = (tag!(a), tag!(b));
                    if ta == T_INT && tb == T_INT {
                        match ival!(a).checked_add(ival!(b)) {
                            Some(v) => w!(dst, Value::Int(v)),
                            None => binop!(dst, a, b, BinOp::Add),
                        }
                    } else if ta == T_FLOAT && tb == T_FLOAT {
                        note!(FB_FLOAT);
                        w!(dst, Value::Float(fval!(a) + fval!(b)));
                    } else if ta == T_LIST && tb == T_LIST {
                        note!(feedback::OTHER);
                        let v = self.list_concat(gcval!(a, ListObj), gcval!(b, ListObj));
                        w!(dst, v);
                    } else {
                        binop!(dst, a, b, BinOp::Add);
                    }
                }
                Instr::Sub { dst, a, b } => arith!(dst, a, b, checked_sub, -, BinOp::Sub),
                Instr::Mul { dst, a, b } => arith!(dst, a, b, checked_mul, *, BinOp::Mul),
                Instr::TrueDiv { dst, a, b } => {
                    if tag!(a) == T_FLOAT && tag!(b) == T_FLOAT && fval!(b) != 0.0 {
                        note!(FB_FLOAT);
                        w!(dst, Value::Float(fval!(a) / fval!(b)));
                    } else {
                        binop!(dst, a, b, BinOp::TrueDiv);
                    }
                }
                Instr::FloorDiv { dst, a, b } => int_op!(
                    dst,
                    a,
                    b,
                    |x: i64, y: i64| if y > 0 { Some(x.div_euclid(y)) } else { None },
                    BinOp::FloorDiv
                ),
                Instr::Mod { dst, a, b } => int_op!(
                    dst,
                    a,
                    b,
                    |x: i64, y: i64| if y > 0 { Some(x.rem_euclid(y)) } else { None },
                    BinOp::Mod
                ),
                Instr::Pow { dst, a, b } => binop!(dst, a, b, BinOp::Pow),
                Instr::LShift { dst, a, b } => int_op!(
                    dst,
                    a,
                    b,
                    |x: i64, y: i64| if (0..64).contains(&y) && (x << y) >> y == x {
                        Some(x << y)
                    } else {
                        None
                    },
                    BinOp::LShift
                ),
                Instr::RShift { dst, a, b } => int_op!(
                    dst,
                    a,
                    b,
                    |x: i64, y: i64| if (0..64).contains(&y) {
                        Some(x >> y)
                    } else {
                        None
                    },
                    BinOp::RShift
                ),
                Instr::BitAnd { dst, a, b } => {
                    int_op!(dst, a, b, |x: i64, y: i64| Some(x & y), BinOp::BitAnd)
                }
                Instr::BitOr { dst, a, b } => {
                    int_op!(dst, a, b, |x: i64, y: i64| Some(x | y), BinOp::BitOr)
                }
                Instr::BitXor { dst, a, b } => {
                    int_op!(dst, a, b, |x: i64, y: i64| Some(x ^ y), BinOp::BitXor)
                }
                Instr::MatMul { dst, a, b } => binop!(dst, a, b, BinOp::MatMul),
                Instr::AddI { dst, a, imm } => arith_imm!(dst, a, imm, checked_add, +, BinOp::Add),
                Instr::SubI { dst, a, imm } => arith_imm!(dst, a, imm, checked_sub, -, BinOp::Sub),
                Instr::IAdd { dst, a, b } => arith!(dst, a, b, checked_add, +, BinOp::IAdd),
                Instr::ISub { dst, a, b } => arith!(dst, a, b, checked_sub, -, BinOp::ISub),
                Instr::IMul { dst, a, b } => arith!(dst, a, b, checked_mul, *, BinOp::IMul),
                // On ints the in-place forms are the plain operators.
                Instr::IOr { dst, a, b } => {
                    int_op!(dst, a, b, |x: i64, y: i64| Some(x | y), BinOp::IOr)
                }
                Instr::IAnd { dst, a, b } => {
                    int_op!(dst, a, b, |x: i64, y: i64| Some(x & y), BinOp::IAnd)
                }
                Instr::IXor { dst, a, b } => {
                    int_op!(dst, a, b, |x: i64, y: i64| Some(x ^ y), BinOp::IXor)
                }
                Instr::Neg { dst, src } => match r!(src) {
                    Value::Int(x) if x != i64::MIN => w!(dst, Value::Int(-x)),
                    Value::Float(x) => {
                        note!(FB_FLOAT);
                        w!(dst, Value::Float(-x))
                    }
                    v => {
                        sync!();
                        tryw!(dst, self.unary_neg_noted(v));
                    }
                },
                Instr::Pos { dst, src } => {
                    sync!();
                    tryw!(dst, self.unary_pos(r!(src)));
                }
                Instr::Invert { dst, src } => {
                    sync!();
                    tryw!(dst, self.unary_invert(r!(src)));
                }
                Instr::Not { dst, src } => {
                    let v = match r!(src) {
                        Value::Bool(b) => !b,
                        v => {
                            sync!();
                            !tryv!(self.truthy(v))
                        }
                    };
                    w!(dst, Value::Bool(v));
                }

                Instr::Lt { dst, a, b } => cmp!(dst, a, b, <, CmpOp::Lt),
                Instr::Le { dst, a, b } => cmp!(dst, a, b, <=, CmpOp::Le),
                Instr::Gt { dst, a, b } => cmp!(dst, a, b, >, CmpOp::Gt),
                Instr::Ge { dst, a, b } => cmp!(dst, a, b, >=, CmpOp::Ge),
                Instr::Eq { dst, a, b } => cmp!(dst, a, b, ==, CmpOp::Eq),
                Instr::Ne { dst, a, b } => cmp!(dst, a, b, !=, CmpOp::Ne),
                Instr::Is { dst, a, b } => w!(dst, Value::Bool(r!(a).is(&r!(b)))),
                Instr::IsNot { dst, a, b } => w!(dst, Value::Bool(!r!(a).is(&r!(b)))),
                Instr::In { dst, a, b } => {
                    sync!();
                    let v = tryv!(self.contains(r!(b), r!(a)));
                    w!(dst, Value::Bool(v));
                }
                Instr::NotIn { dst, a, b } => {
                    sync!();
                    let v = tryv!(self.contains(r!(b), r!(a)));
                    w!(dst, Value::Bool(!v));
                }

                Instr::Jump { target } => {
                    let t = target as usize;
                    let back = t < pc;
                    if back && self.poll_due() {
                        sync!();
                        let top = self.stack_top();
                        tryv!(self.safepoint(top));
                    }
                    pc = t;
                    if !STEP && back {
                        // A loop back-edge: count it, and enter compiled code at
                        // the loop header (on-stack replacement) when there is
                        // some; `jit_enter!` polls for a pending sample.
                        // `jit_tick`, with the code's Rc cloned only when it
                        // is hot (with the JIT off, never).
                        if !code.jit.decided.get() {
                            let h = code.jit.hot.get().saturating_add(crate::jit::LOOP_WEIGHT);
                            code.jit.hot.set(h);
                            if h >= self.jit_threshold {
                                let c = self.frames[frame_idx].func.code.clone();
                                self.jit_hot(&c);
                            }
                        }
                        jit_enter!();
                    }
                }
                Instr::JumpIfFalse { cond, target } => {
                    let tg = tag!(cond);
                    let t = if tg == T_BOOL {
                        bval!(cond)
                    } else if tg == T_INT {
                        ival!(cond) != 0
                    } else {
                        match r!(cond) {
                            Value::None => false,
                            v => {
                                sync!();
                                tryv!(self.truthy(v))
                            }
                        }
                    };
                    if !t {
                        pc = target as usize;
                    }
                }
                Instr::JumpIfTrue { cond, target } => {
                    let tg = tag!(cond);
                    let t = if tg == T_BOOL {
                        bval!(cond)
                    } else if tg == T_INT {
                        ival!(cond) != 0
                    } else {
                        match r!(cond) {
                            Value::None => false,
                            v => {
                                sync!();
                                tryv!(self.truthy(v))
                            }
                        }
                    };
                    if t {
                        pc = target as usize;
                    }
                }
                Instr::JumpIfNotLt { a, b, target } => cmp_jump!(a, b, target, <, CmpOp::Lt),
                Instr::JumpIfNotLe { a, b, target } => cmp_jump!(a, b, target, <=, CmpOp::Le),
                Instr::JumpIfNotGt { a, b, target } => cmp_jump!(a, b, target, >, CmpOp::Gt),
                Instr::JumpIfNotGe { a, b, target } => cmp_jump!(a, b, target, >=, CmpOp::Ge),
                Instr::JumpIfNotEq { a, b, target } => cmp_jump!(a, b, target, ==, CmpOp::Eq),
                Instr::JumpIfNotNe { a, b, target } => cmp_jump!(a, b, target, !=, CmpOp::Ne),

                Instr::BuildList { dst, start, count } => {
                    let items: Vec<Value> = (0..count).map(|i| r!(start + i)).collect();
                    let v = self.new_list(items);
                    w!(dst, v);
                }
                Instr::BuildTuple { dst, start, count } => {
                    let items: Vec<Value> = (0..count).map(|i| r!(start + i)).collect();
                    let v = self.new_tuple(items);
                    w!(dst, v);
                }
                Instr::BuildSet { dst, start, count } => {
                    sync!();
                    let items: Vec<Value> = (0..count).map(|i| r!(start + i)).collect();
                    tryw!(dst, self.build_set(&items));
                }
                Instr::BuildDict { dst, start, count } => {
                    sync!();
                    let items: Vec<Value> = (0..count * 2).map(|i| r!(start + i)).collect();
                    tryw!(dst, self.build_dict(&items));
                }
                Instr::BuildSlice { dst, start } => {
                    // Built in place: the next instruction's key alone reads
                    // it, so that subscript can run on the bounds and be
                    // skipped (interp/slices.rs). Not when stepping (one
                    // instruction is asked for). When recording, the skipped
                    // subscript is recorded as if it ran (`rec_fused_slice`).
                    if !STEP && dst == start {
                        // SAFETY: BuildSlice falls through, so pc (the next
                        // instruction) is in range (see the fetch).
                        let next = unsafe { *code.instrs.get_unchecked(pc) };
                        let (lo, hi, st) = (r!(start), r!(start + 1), r!(start + 2));
                        if PROF {
                            // The list a load makes is the subscript's.
                            self.rec_at = pcs.wrapping_add(pc);
                        }
                        match next {
                            Instr::Subscr { dst: out, obj, key } if key == dst => {
                                if let Some(v) = self.slice_load_fast(r!(obj), lo, hi, st) {
                                    if PROF {
                                        self.rec_fused_slice(code, pc, regs);
                                    }
                                    w!(out, v);
                                    pc += 1;
                                    continue;
                                }
                            }
                            Instr::StoreSubscr { obj, key, src } if key == dst => {
                                if self.slice_store_fast(r!(obj), lo, hi, st, r!(src)) {
                                    if PROF {
                                        self.rec_fused_slice(code, pc, regs);
                                    }
                                    pc += 1;
                                    continue;
                                }
                            }
                            _ => {}
                        }
                        if PROF {
                            self.rec_at = pcs.wrapping_add(pc - 1);
                        }
                    }
                    let s = self.heap.alloc(SliceObj {
                        start: r!(start),
                        stop: r!(start + 1),
                        step: r!(start + 2),
                    });
                    w!(dst, Value::Slice(s));
                }
                Instr::BuildString { dst, start, count } => {
                    let mut parts: Vec<&str> = Vec::with_capacity(count as usize);
                    for i in 0..count {
                        if let Value::Str(p) = r!(start + i) {
                            // SAFETY: the str object is held in a register for the
                            // whole instruction and allocation never collects, so
                            // the text outlives this borrow.
                            parts.push(unsafe { &*(p.as_str() as *const str) });
                        }
                    }
                    let v = self.new_str_concat(&parts);
                    w!(dst, v);
                }
                Instr::ListAppend { list, item } => {
                    if let Value::List(l) = r!(list) {
                        l.items.borrow_mut().push(r!(item));
                        self.heap.add_debt(16);
                    }
                }
                Instr::ListExtend { list, iterable } => {
                    sync!();
                    let it = r!(iterable);
                    if !self.is_iterable(it) {
                        let tn = self.type_name(it);
                        return Err(self
                            .type_error(&format!("Value after * must be an iterable, not {tn}")));
                    }
                    tryv!(self.list_extend(r!(list), it));
                }
                Instr::SetAdd { set, item } => {
                    sync!();
                    tryv!(self.set_add(r!(set), r!(item)));
                }
                Instr::SetUpdate { set, iterable } => {
                    sync!();
                    tryv!(self.set_update(r!(set), r!(iterable)));
                }
                Instr::DictInsert { dict, key } => {
                    sync!();
                    tryv!(self.setitem(r!(dict), r!(key), r!(key + 1)));
                }
                Instr::DictUpdate { dict, mapping } => {
                    sync!();
                    tryv!(self.dict_update(r!(dict), r!(mapping)));
                }
                Instr::CallArgsExtend {
                    list,
                    iterable,
                    func,
                } => {
                    sync!();
                    tryv!(self.call_args_extend(r!(list), r!(iterable), r!(func)));
                }
                Instr::CallKwMerge {
                    dict,
                    mapping,
                    func,
                } => {
                    sync!();
                    tryv!(self.call_kw_merge(r!(dict), r!(mapping), r!(func)));
                }
                Instr::ListToTuple { dst, src } => {
                    let v = match r!(src) {
                        Value::List(l) => {
                            let items = l.items.borrow().clone();
                            self.new_tuple(items)
                        }
                        v => v,
                    };
                    w!(dst, v);
                }

                Instr::Subscr { dst, obj, key } => {
                    if tag!(obj) == crate::runtime::value::tags::LIST && tag!(key) == T_INT {
                        let l = gcval!(obj, ListObj);
                        let i = ival!(key);
                        let items = l.items.borrow();
                        let n = items.len() as i64;
                        let j = if i < 0 { i + n } else { i };
                        if (0..n).contains(&j) {
                            let v = items[j as usize];
                            drop(items);
                            w!(dst, v);
                            continue;
                        }
                    }
                    let (o, k) = (r!(obj), r!(key));
                    let fast = match (o, k) {
                        (Value::List(l), Value::Int(i)) => {
                            let items = l.items.borrow();
                            let n = items.len() as i64;
                            let j = if i < 0 { i + n } else { i };
                            if (0..n).contains(&j) {
                                Some(items[j as usize])
                            } else {
                                None
                            }
                        }
                        (Value::Tuple(t), Value::Int(i)) => {
                            let n = t.items.len() as i64;
                            let j = if i < 0 { i + n } else { i };
                            if (0..n).contains(&j) {
                                Some(t.items[j as usize])
                            } else {
                                None
                            }
                        }
                        _ => None,
                    };
                    let v = match fast {
                        Some(v) => v,
                        None => {
                            sync!();
                            tryv!(self.getitem(o, k))
                        }
                    };
                    w!(dst, v);
                }
                Instr::StoreSubscr { obj, key, src } => {
                    if tag!(obj) == crate::runtime::value::tags::LIST && tag!(key) == T_INT {
                        let l = gcval!(obj, ListObj);
                        let i = ival!(key);
                        let mut items = l.items.borrow_mut();
                        let n = items.len() as i64;
                        let j = if i < 0 { i + n } else { i };
                        if (0..n).contains(&j) {
                            items[j as usize] = r!(src);
                            continue;
                        }
                    }
                    let (o, k, v) = (r!(obj), r!(key), r!(src));
                    let done = match (o, k) {
                        (Value::List(l), Value::Int(i)) => {
                            let mut items = l.items.borrow_mut();
                            let n = items.len() as i64;
                            let j = if i < 0 { i + n } else { i };
                            if (0..n).contains(&j) {
                                items[j as usize] = v;
                                true
                            } else {
                                false
                            }
                        }
                        _ => false,
                    };
                    if !done {
                        sync!();
                        tryv!(self.setitem(o, k, v));
                    }
                }
                Instr::DeleteSubscr { obj, key } => {
                    sync!();
                    tryv!(self.delitem(r!(obj), r!(key)));
                }
                Instr::LoadAttr { dst, obj, name } => {
                    if tag!(obj) == T_INSTANCE {
                        let i = gcval!(obj, InstanceObj);
                        let c = cache!();
                        let nm = name!(name);
                        if let Some(v) = self.load_attr_hit(c, i, nm, r!(obj)) {
                            w!(dst, v);
                            continue;
                        }
                        sync!();
                        tryw!(dst, self.load_attr_fill(c, r!(obj), i, nm));
                        continue;
                    }
                    let c = cache!();
                    if let Some(v) = attr_cache::load_attr_other_hit(c, r!(obj)) {
                        w!(dst, v);
                        continue;
                    }
                    sync!();
                    tryw!(dst, self.load_attr_other_fill(c, r!(obj), name!(name)));
                }
                Instr::StoreAttr { obj, name, src } => {
                    if tag!(obj) == T_INSTANCE {
                        let i = gcval!(obj, InstanceObj);
                        let c = cache!();
                        let nm = name!(name);
                        if attr_cache::store_attr_hit(c, i, nm, r!(src)) {
                            continue;
                        }
                        sync!();
                        tryv!(self.store_attr_fill(c, r!(obj), i, nm, r!(src)));
                        continue;
                    }
                    sync!();
                    tryv!(self.setattr(r!(obj), name!(name), r!(src)));
                }
                Instr::DeleteAttr { obj, name } => {
                    sync!();
                    tryv!(self.delattr(r!(obj), name!(name)));
                }
                Instr::Unpack { start, src, count } => {
                    let v = r!(src);
                    let done = match v {
                        Value::Tuple(t) if t.items.len() == count as usize => {
                            for i in 0..count {
                                w!(start + i, t.items[i as usize]);
                            }
                            true
                        }
                        Value::List(l) if l.items.borrow().len() == count as usize => {
                            // Compiled code checks for a list first.
                            note!(feedback::UNPACKED_LIST);
                            let items = l.items.borrow();
                            for i in 0..count {
                                w!(start + i, items[i as usize]);
                            }
                            true
                        }
                        _ => false,
                    };
                    if !done {
                        sync!();
                        let items = tryv!(self.unpack_exact(v, count as usize));
                        for (i, it) in items.into_iter().enumerate() {
                            w!(start as usize + i, it);
                        }
                    }
                }
                Instr::UnpackEx { start, src, count } => {
                    sync!();
                    let before = (count & 0xff) as usize;
                    let after = (count >> 8) as usize;
                    let items = tryv!(self.unpack_starred(r!(src), before, after));
                    for (i, it) in items.into_iter().enumerate() {
                        w!(start as usize + i, it);
                    }
                }

                Instr::Convert { dst, src, imm } => {
                    sync!();
                    let v = r!(src);
                    let s = match imm as u8 {
                        b'r' => tryv!(self.repr(v)),
                        b'a' => {
                            let r = tryv!(self.repr(v));
                            crate::builtins::text::ascii_repr(&r)
                        }
                        _ => {
                            if let Value::Str(_) = v {
                                w!(dst, v);
                                continue;
                            }
                            tryv!(self.str_of(v))
                        }
                    };
                    let v = self.new_str(s);
                    w!(dst, v);
                }
                Instr::FormatValue { dst, src, spec } => {
                    let v = r!(src);
                    let out = match (v, spec) {
                        (Value::Str(_), NO_REG) => v,
                        (Value::Int(i), NO_REG) => self.new_str_int(i),
                        _ => {
                            sync!();
                            let spec_s = if spec == NO_REG { None } else { Some(r!(spec)) };
                            tryv!(self.format_value(v, spec_s))
                        }
                    };
                    w!(dst, out);
                }

                Instr::Call { func, argc } => {
                    let f = r!(func);
                    if let Value::Function(fobj) = f {
                        if argc == fobj.fast_argc {
                            sync!();
                            if self.poll_due() {
                                let top = self.stack_top();
                                tryv!(self.safepoint(top));
                            }
                            let base = self.frames[frame_idx].base + func as usize + 1;
                            tryv!(self.push_frame(fobj, base, base - 1, argc as usize));
                            reload!();
                            continue;
                        }
                        if defaults_fill(&fobj, argc as usize) {
                            sync!();
                            if self.poll_due() {
                                let top = self.stack_top();
                                tryv!(self.safepoint(top));
                            }
                            let base = self.frames[frame_idx].base + func as usize + 1;
                            tryv!(self.push_frame_defaults(fobj, base, base - 1, argc as usize));
                            reload!();
                            continue;
                        }
                    }
                    // A class: cached plain construction runs __init__ as a frame.
                    if let Value::Type(t) = f {
                        let c = cache!();
                        sync!();
                        let base = self.frames[frame_idx].base + func as usize;
                        if c.valid_for(t) && c.kind.get() == attr_cache::INIT {
                            match c.value.get() {
                                Value::Function(init)
                                    if init.fast_argc == argc + 1
                                        || defaults_fill(&init, argc as usize + 1) =>
                                {
                                    if self.poll_due() {
                                        let top = self.stack_top();
                                        tryv!(self.safepoint(top));
                                    }
                                    let inst =
                                        Value::Instance(self.heap.alloc(InstanceObj::plain(t)));
                                    w!(func, inst);
                                    if init.fast_argc == argc + 1 {
                                        tryv!(self.push_frame(init, base, base, argc as usize + 1));
                                    } else {
                                        tryv!(self.push_frame_defaults(
                                            init,
                                            base,
                                            base,
                                            argc as usize + 1
                                        ));
                                    }
                                    self.frames.last_mut().expect("frame").construct = Some(inst);
                                    reload!();
                                    continue;
                                }
                                Value::None if argc == 0 => {
                                    let inst =
                                        Value::Instance(self.heap.alloc(InstanceObj::plain(t)));
                                    w!(func, inst);
                                    continue;
                                }
                                _ => {}
                            }
                        }
                        trycall!(func, self.call_class_fill(c, t, base + 1, argc as usize));
                        continue;
                    }
                    // A bound method: the receiver takes the callee's register.
                    if let Value::BoundMethod(m) = f {
                        if let Value::Function(fobj) = m.func {
                            if fobj.fast_argc == argc + 1 {
                                sync!();
                                if self.poll_due() {
                                    let top = self.stack_top();
                                    tryv!(self.safepoint(top));
                                }
                                let base = self.frames[frame_idx].base + func as usize;
                                w!(func, m.receiver);
                                tryv!(self.push_frame(fobj, base, base, argc as usize + 1));
                                reload!();
                                continue;
                            }
                        }
                    }
                    // A built-in function (len, abs, ...): call the native with the
                    // arguments copied to a stack buffer.
                    if let Value::Builtin(b) = f {
                        if b.bound_self.is_none() && (argc as usize) <= ARG_BUF {
                            sync!();
                            let mut buf = [Value::Undefined; ARG_BUF];
                            for i in 0..argc {
                                buf[i as usize] = r!(func + 1 + i);
                            }
                            tryw!(func, self.call_native(b, &buf[..argc as usize]));
                            continue;
                        }
                    }
                    sync!();
                    let base = self.frames[frame_idx].base + func as usize;
                    trycall!(func, self.call_from_regs(f, base + 1, argc as usize, None));
                }
                Instr::CallKw {
                    func,
                    argc,
                    kwnames,
                } => {
                    sync!();
                    let f = r!(func);
                    let base = self.frames[frame_idx].base + func as usize;
                    let Value::Tuple(names) = code.consts[kwnames as usize] else {
                        unreachable!("kwnames is a tuple")
                    };
                    trycall!(
                        func,
                        self.call_from_regs(f, base + 1, argc as usize, Some(names))
                    );
                }
                Instr::CallEx { func, args, kwargs } => {
                    sync!();
                    let f = r!(func);
                    let a = r!(args);
                    let k = if kwargs == NO_REG {
                        None
                    } else {
                        Some(r!(kwargs))
                    };
                    tryw!(func, self.call_ex(f, a, k));
                }
                Instr::CallMethod { obj, name, argc } => {
                    if tag!(obj) == T_INSTANCE {
                        let i = gcval!(obj, InstanceObj);
                        let c = cache!();
                        let cls = i.class;
                        let nm = name!(name);
                        sync!();
                        let base = self.frames[frame_idx].base + obj as usize;
                        if c.valid_for(cls) && !attr_cache::hidden_by_instance(i, nm) {
                            match (c.kind.get(), c.value.get()) {
                                (attr_cache::METHOD, Value::Function(f)) => {
                                    if f.fast_argc == argc + 1 {
                                        if self.poll_due() {
                                            let top = self.stack_top();
                                            tryv!(self.safepoint(top));
                                        }
                                        tryv!(self.push_frame(f, base, base, argc as usize + 1));
                                        reload!();
                                    } else {
                                        trycall!(
                                            obj,
                                            self.call_function_at(f, base, argc as usize + 1, base)
                                        );
                                    }
                                    continue;
                                }
                                (attr_cache::METHOD, Value::Builtin(b))
                                    if (argc as usize) < ARG_BUF =>
                                {
                                    let mut buf = [Value::Undefined; ARG_BUF];
                                    for k in 0..=argc {
                                        buf[k as usize] = r!(obj + k);
                                    }
                                    tryw!(obj, self.call_native(b, &buf[..1 + argc as usize]));
                                    continue;
                                }
                                (attr_cache::PAYLOAD_METHOD, Value::Builtin(b))
                                    if (argc as usize) < ARG_BUF =>
                                {
                                    if let Some(p) = i.payload() {
                                        let mut buf = [Value::Undefined; ARG_BUF];
                                        buf[0] = p;
                                        for k in 1..=argc {
                                            buf[k as usize] = r!(obj + k);
                                        }
                                        tryw!(obj, self.call_native(b, &buf[..1 + argc as usize]));
                                        continue;
                                    }
                                }
                                _ => {}
                            }
                        }
                        trycall!(obj, self.call_method_fill(c, base, i, nm, argc as usize));
                        continue;
                    }
                    sync!();
                    // Methods of built-in types (s.upper(), l.append(x)): the native
                    // gets the receiver as args[0]; no bound-method object is made.
                    let recv = r!(obj);
                    if !matches!(recv, Value::Module(_) | Value::Type(_) | Value::Instance(_))
                        && (argc as usize) < ARG_BUF
                    {
                        let c = cache!();
                        if let Some(b) = self.builtin_method(c, recv, name!(name)) {
                            let mut buf = [Value::Undefined; ARG_BUF];
                            buf[0] = recv;
                            for i in 0..argc {
                                buf[1 + i as usize] = r!(obj + 1 + i);
                            }
                            tryw!(obj, self.call_native(b, &buf[..1 + argc as usize]));
                            continue;
                        }
                    }
                    let base = self.frames[frame_idx].base + obj as usize;
                    if let Value::Module(_) | Value::Type(_) = recv {
                        let c = cache!();
                        let nm = name!(name);
                        trycall!(obj, self.call_attr_cached(c, base, nm, argc as usize));
                        continue;
                    }
                    trycall!(
                        obj,
                        self.call_method_from_regs(base, name!(name), argc as usize)
                    );
                }
                Instr::Return { src } => {
                    let v = r!(src);
                    let f = &self.frames[frame_idx];
                    if f.construct.is_none()
                        && f.generator.is_none()
                        && !f.entry
                        && !matches!(v, Value::NotImplemented)
                    {
                        // The plain return, `pop_frame`'s work for a frame
                        // that is no generator, class call, operator or
                        // entry frame; recording, the frame's call edge
                        // is uncounted inline.
                        let (ret, hb) = (f.ret_slot, f.handled_base);
                        let op_frame = f.binop.is_some();
                        if PROF {
                            self.rec_leave();
                        }
                        self.frames_pop();
                        self.handled.truncate(hb);
                        self.stack[ret] = v;
                        if op_frame {
                            // See `ReturnNone`.
                            reload_interpreted!();
                        } else {
                            reload!();
                        }
                        continue;
                    }
                    if self.frames[frame_idx].construct.is_some() && !v.is_none() {
                        sync!();
                        let tn = self.type_name(v);
                        let msg = format!("__init__() should return None, not '{tn}'");
                        tryv!(Err(self.type_error(&msg)));
                    }
                    if matches!(v, Value::NotImplemented) && self.frames[frame_idx].binop.is_some()
                    {
                        // An operator's special method declined: the operator
                        // goes on (the frame is popped first, so an error is
                        // the caller's, at the operator).
                        sync!();
                        self.binop_not_implemented()?;
                        reload_interpreted!();
                        continue;
                    }
                    match self.pop_frame(v) {
                        Some(exit) => return Ok(exit),
                        None => reload!(),
                    }
                }
                Instr::ReturnNone {} => {
                    let f = &self.frames[frame_idx];
                    if f.construct.is_none() && f.generator.is_none() && !f.entry {
                        // As in `Return`.
                        let (ret, hb) = (f.ret_slot, f.handled_base);
                        let op_frame = f.binop.is_some();
                        if PROF {
                            self.rec_leave();
                        }
                        self.frames_pop();
                        self.handled.truncate(hb);
                        self.stack[ret] = Value::None;
                        if op_frame {
                            // An operator's special method returned: its
                            // caller goes on here, not in compiled code at
                            // the next instruction, which may count on a
                            // guard of the operator's template that failed
                            // (the operands were ints there) with no entry
                            // check for it; the caller enters its code
                            // again at a block start.
                            reload_interpreted!();
                        } else {
                            reload!();
                        }
                        continue;
                    }
                    match self.pop_frame(Value::None) {
                        Some(exit) => return Ok(exit),
                        None => reload!(),
                    }
                }
                Instr::MakeFunction { dst, proto, args } => {
                    sync!();
                    let (d, k, c) = if args == NO_REG {
                        (Value::None, Value::None, Value::None)
                    } else {
                        (r!(args), r!(args + 1), r!(args + 2))
                    };
                    tryw!(
                        dst,
                        self.make_function(code.children[proto as usize].clone(), d, k, c)
                    );
                }

                Instr::GetIter { dst, src } => {
                    sync!();
                    tryw!(dst, self.get_iter(r!(src)));
                }
                Instr::CloseIter { iter } => {
                    sync!();
                    let f = &self.frames[frame_idx];
                    let base = f.base;
                    // SAFETY: the frame keeps its function, and so its code, alive.
                    let code = unsafe { &*f.code_ptr() };
                    self.close_owned_iter(code, base, pc as u32 - 1, iter);
                }
                Instr::ForIter { dst, iter, target } => {
                    let it = r!(iter);
                    // A generator runs as a frame of this loop (as in CPython
                    // 3.11): no native re-entry per item.
                    if let Value::Generator(g) = it {
                        if matches!(g.state.get(), GenState::Created | GenState::Suspended)
                            && self.pending_throw.is_none()
                        {
                            sync!();
                            let slot = self.frames[frame_idx].base + dst as usize;
                            tryv!(self.push_generator_frame(g, slot, target as u32));
                            reload!();
                            continue;
                        }
                    }
                    let next = for_iter_fast(it);
                    let next = match next {
                        Some(n) => n,
                        None => {
                            sync!();
                            tryv!(self.iter_next(it))
                        }
                    };
                    match next {
                        Some(v) => w!(dst, v),
                        None => pc = target as usize,
                    }
                }
                Instr::Yield { dst, src } => {
                    let v = r!(src);
                    if let Some(sink) = self.frames[frame_idx].collect {
                        // Drained by a builtin: keep the item, run on. A sink
                        // that refuses it suspends the generator here, as a
                        // plain yield would, for the builtin to raise.
                        if self.sink_item(sink, v) {
                            if dst != NO_REG {
                                w!(dst, Value::None);
                            }
                            continue;
                        }
                    }
                    self.frames[frame_idx].pc = pc;
                    match self.yield_frame(v, dst) {
                        Some(exit) => return Ok(exit),
                        None => reload!(),
                    }
                }
                Instr::YieldFrom { dst, src } => {
                    sync!();
                    // Delegate: take the next value of the sub-iterator; yield it
                    // and come back to this instruction until it is exhausted.
                    let it = r!(src);
                    let step = match self.yield_from_input.take() {
                        None => self.iter_next_for_yield_from(it),
                        Some(input) => self.yield_from_delegate(it, input),
                    };
                    match tryv!(step) {
                        Ok(v) => {
                            if let Some(sink) = self.frames[frame_idx].collect {
                                // Drained by a builtin: keep the item and
                                // delegate again.
                                if self.sink_item(sink, v) {
                                    pc -= 1;
                                    continue;
                                }
                            }
                            // Resume at this same instruction.
                            self.frames[frame_idx].pc = pc - 1;
                            match self.yield_frame(v, NO_REG) {
                                Some(exit) => return Ok(exit),
                                None => reload!(),
                            }
                        }
                        Err(ret) => w!(dst, ret),
                    }
                }

                Instr::Raise { exc, cause } => {
                    sync!();
                    let e = if exc == NO_REG { None } else { Some(r!(exc)) };
                    let c = if cause == NO_REG {
                        None
                    } else {
                        Some(r!(cause))
                    };
                    return Err(self.make_raise(e, c));
                }
                Instr::Reraise { exc } => {
                    sync!();
                    let Value::Instance(e) = r!(exc) else {
                        unreachable!("Reraise of a non-exception")
                    };
                    self.reraising = true;
                    return Err(e);
                }
                Instr::EnterHandler { exc } => self.handled.push(r!(exc)),
                Instr::ExitHandler {} => {
                    self.handled.pop();
                }
                Instr::ExcMatch { dst, exc, typ } => {
                    sync!();
                    let m = tryv!(self.exception_matches(r!(exc), r!(typ)));
                    w!(dst, Value::Bool(m));
                }
                Instr::LoadName { dst, name } => {
                    sync!();
                    let ns = r!(0);
                    tryw!(dst, self.load_class_name(ns, name!(name)));
                }
                Instr::StoreName { name, src } => {
                    sync!();
                    let ns = r!(0);
                    tryv!(self.setitem(ns, Value::Str(name!(name)), r!(src)));
                }
                Instr::DeleteName { name } => {
                    sync!();
                    let ns = r!(0);
                    let n = name!(name);
                    if self.delitem(ns, Value::Str(n)).is_err() {
                        let msg = format!("name '{}' is not defined", n.as_str());
                        tryv!(Err(self.new_exception_msg("NameError", &msg)));
                    }
                }
                Instr::LoadSuperAttr { dst, args, name } => {
                    sync!();
                    tryw!(dst, self.super_getattr(r!(args), r!(args + 1), name!(name)));
                }
                Instr::WithEnter { dst, mgr } => {
                    sync!();
                    let (enter, exit) = tryv!(self.with_enter(r!(mgr)));
                    w!(dst + 1, exit);
                    w!(dst, enter);
                }
                Instr::ImportName { dst, name } => {
                    sync!();
                    tryw!(dst, self.import_module(name!(name)));
                }
                Instr::ImportFrom { dst, module, name } => {
                    sync!();
                    tryw!(dst, self.import_from(r!(module), name!(name)));
                }
                Instr::ImportStar { module } => {
                    sync!();
                    tryv!(self.import_star(r!(module)));
                }
            }
        }
    }

    #[inline(always)]
    pub fn poll_due(&self) -> bool {
        self.heap.wants_collection() || self.interrupted.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Push a frame for a Python function whose `argc` positional arguments are
    /// already in place at `base`; the remaining registers are cleared.
    #[inline(always)]
    pub fn push_frame(
        &mut self,
        func: crate::runtime::heap::Gc<FunctionObj>,
        base: usize,
        ret_slot: usize,
        argc: usize,
    ) -> PyResult<()> {
        let nregs = func.code.nregs as usize;
        if self.frames.len() >= self.recursion_limit || base + nregs > self.stack.len() {
            return Err(
                self.new_exception_msg("RecursionError", "maximum recursion depth exceeded")
            );
        }
        for slot in &mut self.stack[base + argc..base + nregs] {
            *slot = Value::Undefined;
        }
        self.frames_push(Frame::new(func, base, ret_slot, self.handled.len(), false));
        let code = &func.code;
        self.rec_enter(code);
        if !code.jit.decided.get() {
            self.jit_tick(code, crate::jit::CALL_WEIGHT);
        }
        Ok(())
    }

    /// `push_frame` for a call with `argc` positional arguments in place at
    /// `base`, where `argc == fast_argc` or `defaults_fill(func, argc)`: the
    /// missing trailing parameters get their defaults first.
    #[inline(never)]
    pub fn push_frame_defaults(
        &mut self,
        func: crate::runtime::heap::Gc<FunctionObj>,
        base: usize,
        ret_slot: usize,
        argc: usize,
    ) -> PyResult<()> {
        let n = func.fast_argc as usize;
        if base + n > self.stack.len() {
            return Err(
                self.new_exception_msg("RecursionError", "maximum recursion depth exceeded")
            );
        }
        func.copy_defaults(&mut self.stack[base + argc..base + n]);
        self.push_frame(func, base, ret_slot, n)
    }

    /// Count a call or back-edge of `code` (the top frame's) and compile it when
    /// it is hot.
    #[inline(always)]
    pub fn jit_tick(&mut self, code: &std::rc::Rc<Code>, weight: u32) {
        let h = code.jit.hot.get().saturating_add(weight);
        code.jit.hot.set(h);
        if h >= self.jit_threshold && !code.jit.decided.get() {
            self.jit_hot(code);
        }
    }

    #[cold]
    #[inline(never)]
    fn jit_hot(&mut self, code: &std::rc::Rc<Code>) {
        let due = self.heap.due_flag();
        let intr = self.interrupted.as_ptr() as *const bool;
        if self.jit.list_methods[0].is_none() {
            self.jit.list_methods = ["append", "pop"].map(|m| {
                let name = self.intern_static(m);
                match self.lookup_type_attr(self.types.list, name) {
                    Some(Value::Builtin(b)) => Some(b),
                    _ => None,
                }
            });
        }
        self.jit.compile(code, due, intr, self.rec.as_deref_mut());
    }

    /// Decode what compiled code returned; re-raise a panic a helper caught and
    /// run recompiles that bails asked for (now that no compiled code runs).
    #[inline(always)]
    fn jit_outcome(&mut self, w: u64) -> Outcome {
        if let Some(p) = self.jit.pending_panic.take() {
            std::panic::resume_unwind(p);
        }
        if !self.jit.want_recompile.is_empty() {
            let due = self.heap.due_flag();
            let intr = self.interrupted.as_ptr() as *const bool;
            self.jit.run_recompiles(due, intr, self.rec.as_deref_mut());
        }
        Outcome::decode(w)
    }

    /// Add `bits` to the type feedback of the instruction the top frame is
    /// running (its pc is synced, one past the instruction).
    #[inline(always)]
    fn note_feedback(&self, bits: u8) {
        if let Some(f) = self.frames.last() {
            f.code().feedback.note(f.pc.wrapping_sub(1), bits);
        }
    }

    // The interpreter's slow paths for the instructions that keep type
    // feedback: note what the operands were, then do the operation. The
    // noting lives here rather than in the loop so that the loop's code (and
    // its register allocation, which is sensitive to any extra call or live
    // value) stays as it was: measured, notes in the loop's slow paths cost
    // int_loop 4-5% more instructions although none of them ran.

    #[inline(never)]
    fn binary_op_noted(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        self.note_feedback(feedback::kind2(a.tag(), b.tag()));
        if let Some(v) = crate::interp::ops::mixed_arith(op, a, b) {
            return Ok(v);
        }
        let op = self.augmented_op(op);
        self.binary_op(op, a, b)
    }

    /// `op`, or its in-place form when the running instruction carries out
    /// an augmented assignment (`Code::augmented`). Called on generic paths
    /// only, after the frame's pc was synced past the instruction.
    pub fn augmented_op(&self, op: BinOp) -> BinOp {
        match self.frames.last() {
            Some(f) if f.code().is_augmented(f.pc.wrapping_sub(1)) => op.inplace(),
            _ => op,
        }
    }

    #[inline(never)]
    fn binary_op_noted_at(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        dst: u16,
    ) -> PyResult<Option<Value>> {
        self.note_feedback(feedback::kind2(a.tag(), b.tag()));
        if let Some(v) = crate::interp::ops::mixed_arith(op, a, b) {
            return Ok(Some(v));
        }
        if let (Value::Str(x), Value::Str(y), BinOp::Add | BinOp::IAdd) = (a, b, op) {
            return Ok(Some(self.str_add(a, x, b, y)));
        }
        let op = self.augmented_op(op);
        if let (Value::List(x), Value::List(y), BinOp::Add) = (a, b, op) {
            // Plain list + list (not +=, which extends in place): no
            // subclasses or dunders to consult, straight to the copy.
            return Ok(Some(self.list_concat(x, y)));
        }
        self.binary_op_frame(op, a, b, dst)
    }

    #[inline(never)]
    fn compare_op_noted(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        self.note_feedback(feedback::kind2(a.tag(), b.tag()));
        if let Some(t) = crate::interp::ops::mixed_compare(op, a, b) {
            return Ok(Value::Bool(t));
        }
        self.compare_op(op, a, b)
    }

    #[inline(never)]
    fn unary_neg_noted(&mut self, v: Value) -> PyResult<Value> {
        self.note_feedback(feedback::kind1(v.tag()));
        self.unary_neg(v)
    }

    /// Run one instruction of the top frame at its pc (for compiled code).
    pub fn run_step(&mut self) -> PyResult<()> {
        let r = if self.rec.is_some() {
            self.run_inner::<true, true>()?
        } else {
            self.run_inner::<true, false>()?
        };
        match r {
            Exit::Stepped => Ok(()),
            // A stepped instruction never returns from or yields its frame:
            // compiled code hands those to the interpreter.
            Exit::Returned(_) | Exit::Yielded(_) => {
                unreachable!("compiled code stepped a return or yield")
            }
        }
    }

    /// Give a drained generator's item to its sink: false when the sink
    /// raised (the exception is parked in `collect_error`).
    pub(crate) fn sink_item(&mut self, sink: Sink, v: Value) -> bool {
        match sink {
            Sink::List(l) => {
                l.items.borrow_mut().push(v);
                self.heap.add_debt(16);
                true
            }
            Sink::Set(s) => match crate::builtins::set_ops::set_add(self, s, v) {
                Ok(()) => true,
                Err(e) => {
                    self.collect_error = Some(e);
                    false
                }
            },
        }
    }

    /// Pop the top frame after a return. Returns Some when the loop must exit.
    pub(crate) fn pop_frame(&mut self, v: Value) -> Option<Exit> {
        // Before the pop: nothing of the frame is live across the call.
        self.rec_leave();
        let f = self.frames_pop().expect("frame");
        self.handled.truncate(f.handled_base);
        if let Some(g) = f.generator {
            g.state.set(GenState::Finished);
            self.retire_generator_regs(g);
        }
        if let Some(exit) = f.gen_exit {
            // A generator run by a `for` in this loop returned: the loop
            // ends (its variable keeps the last item).
            self.last_return = v;
            if let Some(c) = self.frames.last_mut() {
                c.pc = exit as usize;
            }
            return None;
        }
        let v = f.construct.unwrap_or(v);
        self.stack[f.ret_slot] = v;
        if f.entry {
            return Some(Exit::Returned(v));
        }
        None
    }

    /// Pop the top frame, known to be a plain function's (no generator, not
    /// an entry frame): `pop_frame` without those cases, for direct calls
    /// from compiled code (`jit/direct.rs`), which store the result
    /// themselves.
    #[inline(always)]
    pub(crate) fn pop_plain_frame(&mut self) {
        self.rec_leave();
        if let Some(f) = self.frames_pop() {
            debug_assert!(f.generator.is_none() && f.gen_exit.is_none() && !f.entry);
            self.handled.truncate(f.handled_base);
        }
    }

    /// Suspend the top (generator) frame: copy its registers out and pop it.
    /// Returns the loop's exit for a natively resumed generator; None when a
    /// `for` in this loop resumed it (the item is then in its variable and
    /// the consumer goes on), as `pop_frame` does for returns.
    pub(crate) fn yield_frame(&mut self, v: Value, resume_reg: u16) -> Option<Exit> {
        self.rec_leave();
        let f = self.frames_pop().expect("frame");
        self.handled.truncate(f.handled_base);
        let g = f.generator.expect("yield outside a generator frame");
        let n = f.code().nregs as usize;
        {
            let mut regs = g.regs.borrow_mut();
            regs.clear();
            regs.extend_from_slice(&self.stack[f.base..f.base + n]);
        }
        g.pc.set(f.pc);
        g.resume_reg.set(if resume_reg == NO_REG {
            None
        } else {
            Some(resume_reg)
        });
        g.state.set(GenState::Suspended);
        if f.gen_exit.is_some() {
            self.stack[f.ret_slot] = v;
            return None;
        }
        Some(Exit::Yielded(v))
    }
}

/// Whether a call of `f` with `argc` positional arguments (and no keywords)
/// binds by filling the missing trailing parameters from the defaults: plain
/// positional parameters (`fast_argc` is u16::MAX otherwise) and enough
/// defaults.
#[inline(always)]
pub fn defaults_fill(f: &FunctionObj, argc: usize) -> bool {
    argc < f.fast_argc as usize && argc + f.ndefaults() >= f.fast_argc as usize
}

/// The next item of a range or list iterator without a call: Some(Some(item)),
/// Some(None) when exhausted, None for any other iterator. Shared by the
/// interpreter's `ForIter` and compiled code's.
#[inline(always)]
pub fn for_iter_fast(it: Value) -> Option<Option<Value>> {
    let Value::Iter(io) = it else { return None };
    let mut st = io.state.borrow_mut();
    match &mut *st {
        IterState::Range { next, stop, step } => {
            let n = *next;
            if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                *next = n.wrapping_add(*step);
                Some(Some(Value::Int(n)))
            } else {
                Some(None)
            }
        }
        IterState::Seq {
            seq: Value::List(l),
            index,
        } => {
            let items = l.items.borrow();
            match items.get(*index) {
                Some(v) => {
                    *index += 1;
                    Some(Some(*v))
                }
                None => Some(None),
            }
        }
        _ => None,
    }
}
