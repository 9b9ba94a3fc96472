//! The template JIT: compiles a code object's bytecode to x86-64 with dynasm,
//! one template per opcode (`codegen.rs`), and runs it on the interpreter's own
//! frames, so leaving compiled code at any instruction is "store the pc and
//! return" (`exits.rs`, `helpers.rs`).
//!
//! How it meets the interpreter (`interp/exec.rs`):
//! - Tiering: every call adds `CALL_WEIGHT` to its code's hotness counter and
//!   every loop back-edge `LOOP_WEIGHT`; at the threshold the code is compiled.
//!   `--jit=eager` compiles on first use, `--jit=off` never.
//! - Entry: when the interpreter pushes a frame, returns into a caller, or takes
//!   a back-edge (on-stack replacement at the loop header) in compiled code, it
//!   calls the code at that instruction's address.
//! - Exit: compiled code returns an `Outcome`: resume the interpreter at an
//!   instruction (calls, returns and yields always do), an exception to unwind,
//!   or "the top frame changed".
//!
//! Compiled code lives as long as the VM (the profile and `jitprof disasm`
//! list it at the end), in executable buffers that are never writable and
//! executable at once: dynasmrt assembles into read-write memory and maps it
//! read-execute when it is finalized.

pub mod calls;
pub mod code_arena;
pub mod codebuf;
pub mod codegen;
pub mod codemem;
pub mod const_calls;
pub mod dataflow;
pub mod direct;
pub mod direct_site;
pub mod disasm;
pub mod exits;
pub mod fast;
pub mod feedback;
pub mod for_generator;
pub mod helpers;
pub mod inline;
pub mod layout;
pub mod lean;
pub mod lean_args;
pub mod lean_branches;
pub mod lean_dunder;
pub mod lean_super;
pub mod listing;
pub mod liveness;
pub mod pc_index;
pub mod perf;
pub mod prefault;
pub mod regalloc;
#[cfg(test)]
mod short_encodings_tests;
pub mod webs;

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;

use codemem::ExecCode;

use crate::bytecode::code::Code;
use crate::jit::disasm::Note;
use crate::jit::exits::ExitReason;
use crate::runtime::object::PyExc;

/// Hotness added per call and per loop back-edge: loops weigh more, as in
/// Pyston and LuaJIT, because one hot loop is worth more than one call.
pub const CALL_WEIGHT: u32 = 1;
pub const LOOP_WEIGHT: u32 = 2;
/// Default hotness at which code compiles.
pub const DEFAULT_THRESHOLD: u32 = 200;
/// Default limit on machine-code bytes, after which code stays interpreted.
pub const DEFAULT_CODE_LIMIT: usize = 64 << 20;
/// Bails at one site after which the function is recompiled with the generic
/// path there, and how many times one function may be recompiled that way.
/// One more recompile follows the last of those when a site still keeps
/// failing: the settled version (`Gen::settled`), which speculates nowhere,
/// so no site is left failing and leaving compiled code for good.
pub const BAILS_BEFORE_RECOMPILE: u64 = 1000;
pub const MAX_RECOMPILES: u32 = 4;

/// When code gets compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum JitMode {
    /// Interpret everything.
    Off,
    /// Compile code once it is hot (`threshold`).
    #[default]
    Auto,
    /// Compile every function and module on first use (how the tests exercise
    /// the JIT).
    Eager,
}

#[derive(Clone, Copy, Debug)]
pub struct JitOptions {
    pub mode: JitMode,
    pub threshold: u32,
    pub code_limit: usize,
    /// Keep int and float locals of hot loops in machine registers
    /// (`regalloc.rs`); off keeps every value in its frame slot.
    pub regalloc: bool,
    /// Keep the notes `jitprof disasm` prints (costs compile time).
    pub listing: bool,
    /// Recording a profile: compiled code counts line entries and polls for
    /// pending samples at loop back-edges.
    pub profile: bool,
    /// The profile times calls exactly (`--timing exact`): compiled calls
    /// return through the recorder's hook, which reads the clock, instead
    /// of uncounting inline (`gen_rec_calls.rs`). Set by
    /// `Vm::start_recording`, before any code is compiled.
    pub exact_timing: bool,
}

impl Default for JitOptions {
    fn default() -> Self {
        JitOptions {
            mode: JitMode::Auto,
            threshold: DEFAULT_THRESHOLD,
            code_limit: DEFAULT_CODE_LIMIT,
            regalloc: true,
            listing: false,
            profile: false,
            exact_timing: false,
        }
    }
}

/// Per-code-object JIT state, kept in `Code` (first, `repr(C)`: see there).
#[derive(Default)]
#[repr(C)]
pub struct CodeJit {
    /// The current compiled code's direct entry (`Compiled::direct`), or 0:
    /// where inline direct calls enter (`codegen/gen_calls.rs`), read
    /// through the callee's code object so a recompile redirects them.
    pub direct: Cell<usize>,
    /// The current compiled code (owned by `JitRuntime::compiled`), or null.
    pub compiled: Cell<*const Compiled>,
    /// Calls and back-edges so far, weighted.
    pub hot: Cell<u32>,
    /// Compiled, or given up on (then `failed` says why): no more counting.
    pub decided: Cell<bool>,
}

impl CodeJit {
    /// The address to enter compiled code at `pc`, if there is compiled code.
    #[inline(always)]
    pub fn entry(&self, pc: usize) -> Option<(EntryFn, usize)> {
        let c = self.compiled.get();
        if c.is_null() {
            return None;
        }
        // SAFETY: compiled code is owned by the VM's JitRuntime and never freed
        // while the VM runs.
        let c = unsafe { &*c };
        let off = *c.entry_offsets.get(pc)?;
        if off == u32::MAX {
            return None;
        }
        Some((
            c.entry,
            c.buf.ptr(dynasmrt::AssemblyOffset(off as usize)) as usize,
        ))
    }

    /// Recording: an entry at `pc` in the middle of a block, and the line
    /// entries the interpreter counts when it takes it (`MidEntry`). For
    /// the interpreter's loop only, which counts them; `entry` has none.
    #[inline]
    pub fn mid_entry(&self, pc: usize) -> Option<(EntryFn, usize, &[u32])> {
        let c = self.compiled.get();
        if c.is_null() {
            return None;
        }
        // SAFETY: as in `entry`.
        let c = unsafe { &*c };
        let mids = &c.line_counters.as_ref()?.mid_entries;
        let i = mids.binary_search_by_key(&(pc as u32), |m| m.pc).ok()?;
        let m = &mids[i];
        Some((
            c.entry,
            c.buf.ptr(dynasmrt::AssemblyOffset(m.at as usize)) as usize,
            &m.lines,
        ))
    }
}

/// Compiled code's calling convention: `(vm, regs, address) -> outcome`.
pub type EntryFn =
    extern "sysv64" fn(*mut crate::interp::vm::Vm, *mut crate::runtime::value::Value, usize) -> u64;

/// One compiled version of one code object.
pub struct Compiled {
    pub code: Rc<Code>,
    pub buf: ExecCode,
    /// Where the machine code starts and ends in memory (its line counters
    /// after it left out): the sampler tests every compiled code's range
    /// for each address it places (`Vm::compiled_containing`), and reading
    /// them through the buffer was a call per code.
    code_start: u64,
    code_end: u64,
    pub entry: EntryFn,
    /// Address of the first instruction's code (where the Rust direct call
    /// path enters, through `entry`).
    pub pc0: usize,
    /// The direct entry (`codegen::Gen::gen_direct_entry`), where an inline
    /// direct call enters; 0: none.
    pub direct: usize,
    /// Code offset of each bytecode instruction.
    pub pc_offsets: Vec<u32>,
    /// The instructions by code offset, for the sampler (`pc_index.rs`):
    /// made on first use, so only when recording.
    pc_index: std::cell::OnceCell<pc_index::PcIndex>,
    /// Where the interpreter enters at each instruction (`u32::MAX`: it
    /// does not; see `codegen::Generated::entry_offsets`).
    pub entry_offsets: Vec<u32>,
    /// Comments for the disassembly, by code offset.
    pub notes: Vec<(u32, Note)>,
    pub bail_sites: Vec<(u32, ExitReason)>,
    /// The type checks behind its `RegType` exits.
    pub reg_checks: Vec<regalloc::RegCheck>,
    pub compile_time_ns: u64,
    /// When it was compiled (`recorder::clock` ticks).
    pub at_ticks: u64,
    /// The compiler's peak heap growth during this compile (0 without the
    /// counting allocator).
    pub peak_heap_bytes: u64,
    /// 0 for the first compile, then 1, 2, ... for recompiles.
    pub version: u32,
    /// Sites compiled without a fast path because they kept bailing.
    pub generic_at: Vec<u32>,
    /// Sites compiled with a speculation from their type feedback, with
    /// what each expects (`int operands`), for the profile's bails.
    pub speculations: Vec<(u32, &'static str)>,
    /// Instructions whose register-allocated loop kept finding a local of
    /// another type: their loops are compiled without register allocation.
    pub noreg_at: Vec<u32>,
    /// Sites whose speculation kept failing in an earlier version: compiled
    /// with the default template, whatever their feedback says.
    pub demoted: Vec<u32>,
    /// Exits by site and reason: index `pc * ExitReason::ALL.len() + reason`.
    pub site_exits: Box<[Cell<u64>]>,
    /// The memories of its call sites (`direct_site::DirectSite`), whose
    /// addresses the code embeds.
    pub method_sites: Vec<Box<direct_site::DirectSite>>,
    /// Recording: the line counters after the code (read-write pages).
    pub line_counters: Option<codegen::LineCounters>,
}

impl Compiled {
    /// The machine code's size (without the line counters after it).
    pub fn code_bytes(&self) -> usize {
        (self.code_end - self.code_start) as usize
    }

    /// Whether address `at` is in the machine code.
    #[inline]
    pub fn contains(&self, at: u64) -> bool {
        (self.code_start..self.code_end).contains(&at)
    }

    /// Add the line counts of this code to its code object's (the
    /// interpreter's) and zero them, so they are added once.
    pub fn fold_line_counts(&self) {
        let Some(lc) = &self.line_counters else {
            return;
        };
        let base = self.buf.ptr(dynasmrt::AssemblyOffset(lc.at as usize)) as *mut u64;
        // SAFETY: the counters are the `slots` u64s of the read-write pages
        // after the code (`CodeMem::into_exec`); no compiled code runs now.
        let counts = unsafe { std::slice::from_raw_parts_mut(base, lc.slots as usize) };
        for &(i, pc) in &lc.adds {
            if let (Some(p), Some(&n)) =
                (self.code.prof.pcs.get(pc as usize), counts.get(i as usize))
            {
                // Wrapping: correction counters count down from 0 (see
                // `codegen/linecount.rs`).
                p.count.set(p.count.get().wrapping_add(n));
            }
        }
        fold_run_calls(&lc.run_calls, counts);
        counts.fill(0);
        codegen::inline_counts::fold_counted_calls(&lc.counted_calls, |at| {
            self.buf.ptr(dynasmrt::AssemblyOffset(at as usize)) as *mut u64
        });
    }
    pub fn base(&self) -> u64 {
        self.code_start
    }

    /// The instructions by code offset (`pc_index.rs`).
    pub fn pc_index(&self) -> &pc_index::PcIndex {
        self.pc_index
            .get_or_init(|| pc_index::PcIndex::new(&self.pc_offsets))
    }

    /// Count an exit at `pc`; returns the site's new count.
    #[inline]
    pub fn count(&self, pc: u32, reason: ExitReason) -> u64 {
        let i = pc as usize * ExitReason::ALL.len() + reason as usize;
        match self.site_exits.get(i) {
            Some(c) => {
                c.set(c.get() + 1);
                c.get()
            }
            None => 0,
        }
    }

    /// Non-zero exit counts as (pc, reason, count).
    pub fn exits(&self) -> Vec<(u32, ExitReason, u64)> {
        let n = ExitReason::ALL.len();
        self.site_exits
            .iter()
            .enumerate()
            .filter(|(_, c)| c.get() > 0)
            .map(|(i, c)| ((i / n) as u32, ExitReason::ALL[i % n], c.get()))
            .collect()
    }
}

/// A code object the JIT declined, and why.
pub struct NotCompiled {
    pub code: Rc<Code>,
    pub reason: String,
}

/// The VM's JIT state: options, everything compiled, counters.
#[derive(Default)]
pub struct JitRuntime {
    pub options: JitOptions,
    pub compiled: Vec<Rc<Compiled>>,
    pub not_compiled: Vec<NotCompiled>,
    pub code_bytes: usize,
    /// Exits by reason, over the whole run.
    pub exit_counts: Vec<u64>,
    /// Recompiles per code object (by address).
    pub recompiles: HashMap<usize, u32>,
    /// An exception raised by a helper, handed to the interpreter.
    pub pending_exc: Option<PyExc>,
    /// A panic caught in a helper, re-raised once compiled code has returned.
    pub pending_panic: Option<Box<dyn std::any::Any + Send>>,
    /// `list.append` and `list.pop`, the builtins of the list type's dict,
    /// for compiled code that answers them at their sites and counts them
    /// while recording (`gen_list_methods.rs`); set before the first
    /// compile (`Vm::jit_hot`).
    pub list_methods: [Option<crate::runtime::heap::Gc<crate::runtime::object::BuiltinObj>>; 2],
    /// Sites waiting for a recompile (code address -> generic sites).
    pub want_recompile: Vec<Rc<Code>>,
    /// Where compiled code is announced to Linux perf (`--perf-map`,
    /// `--perf-jitdump`).
    pub perf: Option<perf::PerfSink>,
    /// Direct calls (`calls.rs`) nested on the native stack right now. The
    /// lean ones (`direct.rs`, `gen_calls.rs`) are counted by their frames
    /// instead, under the call limit (`Heap::call_limit`).
    pub native_depth: u32,
    /// Recording: by code address, the direct entries already added to its
    /// first block's lines (`fold_line_counts` adds only what came since).
    folded_entries: HashMap<usize, u64>,
}

impl JitRuntime {
    pub fn new(options: JitOptions) -> JitRuntime {
        JitRuntime {
            options,
            exit_counts: vec![0; ExitReason::ALL.len()],
            ..Default::default()
        }
    }

    /// Hotness at which code compiles (never, when the JIT is off).
    pub fn threshold(&self) -> u32 {
        match self.options.mode {
            JitMode::Off => u32::MAX,
            JitMode::Eager => 1,
            JitMode::Auto => self.options.threshold.max(1),
        }
    }

    /// Count an exit of the compiled code running `code` at `pc`. A guard that
    /// keeps failing asks for a recompile with the generic path there.
    #[inline]
    pub fn count_exit(&mut self, code: Option<*const Code>, pc: u32, reason: ExitReason) {
        self.exit_counts[reason as usize] += 1;
        let Some(code) = code else { return };
        // SAFETY: the code belongs to the running frame.
        let c = unsafe { (*code).jit.compiled.get() };
        if c.is_null() {
            return;
        }
        // SAFETY: compiled code lives as long as the VM.
        let c = unsafe { &*c };
        if c.count(pc, reason) == BAILS_BEFORE_RECOMPILE && is_guard(reason) {
            self.want_recompile.push(c.code.clone());
        }
    }

    /// Compile `code` (the first time, or again with the sites that kept
    /// bailing made generic). Returns false when it stays interpreted.
    /// `rec`: the VM's recorder, which makes the edges of call sites whose
    /// callee is fixed (`Recorder::edge_at_compile`).
    pub fn compile(
        &mut self,
        code: &Rc<Code>,
        gc_due: *const bool,
        interrupted: *const bool,
        rec: Option<&mut crate::recorder::Recorder>,
    ) -> bool {
        code.jit.decided.set(true);
        if let Some(reason) = self.refuse() {
            self.not_compiled.push(NotCompiled {
                code: code.clone(),
                reason,
            });
            return false;
        }
        // Pure arithmetic callees first: their calls here become direct
        // ones, which run their bodies inline (`inline.rs`). They call
        // nothing, so this goes one level deep. Only warm ones (a quarter
        // of the way to the threshold): code that is called a few times
        // stays interpreted.
        let mut rec = rec;
        let warm = self.threshold() / 4;
        for callee in inline::callees_to_compile(code) {
            if callee.jit.hot.get() >= warm {
                self.compile(&callee, gc_due, interrupted, rec.as_deref_mut());
            }
        }
        let key = Rc::as_ptr(code) as usize;
        let version = self.recompiles.get(&key).copied().unwrap_or(0);
        // Sites whose guards kept failing in the code being replaced: a
        // speculation from type feedback falls back to the default template
        // (the feedback now includes what made it fail), a default template
        // to the generic path.
        let mut generic_at: Vec<u32> = Vec::new();
        let mut demoted: Vec<u32> = Vec::new();
        let mut noreg_at: Vec<u32> = Vec::new();
        let prev = code.jit.compiled.get();
        if !prev.is_null() {
            // SAFETY: compiled code lives as long as the VM.
            let prev = unsafe { &*prev };
            generic_at.extend(prev.generic_at.iter().copied());
            demoted.extend(prev.demoted.iter().copied());
            noreg_at.extend(prev.noreg_at.iter().copied());
            for (pc, r, n) in prev.exits() {
                if r == ExitReason::RegType {
                    if n >= BAILS_BEFORE_RECOMPILE && !noreg_at.contains(&pc) {
                        noreg_at.push(pc);
                    }
                    continue;
                }
                if !is_guard(r) || n < BAILS_BEFORE_RECOMPILE || generic_at.contains(&pc) {
                    continue;
                }
                if prev.speculations.iter().any(|&(p, _)| p == pc) {
                    if !demoted.contains(&pc) {
                        demoted.push(pc);
                    }
                } else {
                    generic_at.push(pc);
                }
            }
        }
        let _tier = crate::recorder::sampler::TierScope::enter(profile::Tier::Compiler);
        let at_ticks = crate::recorder::clock::ticks();
        let start = Instant::now();
        // The VM holding this runtime, if it is in one: where compiled code
        // finds the collector's flag relative to r12.
        let vm_at = (self as *const JitRuntime as usize)
            .wrapping_sub(std::mem::offset_of!(crate::interp::vm::Vm, jit));
        let in_vm = (gc_due as usize).wrapping_sub(vm_at);
        let polls = codegen::Polls {
            gc_due,
            gc_due_in_vm: (in_vm < std::mem::size_of::<crate::interp::vm::Vm>())
                .then_some(in_vm as i32),
            interrupted,
            sample: self
                .options
                .profile
                .then(crate::recorder::sampler::pending_flag),
            exact_timing: self.options.exact_timing,
            list_methods: self.list_methods,
        };
        let listing = self.options.listing;
        // locals() reads variables from the frame: keep them there.
        let regalloc = (self.options.regalloc && !code.reads_frame).then_some(&noreg_at[..]);
        // Past the last ordinary recompile: speculate nowhere. A failed
        // speculation leaves compiled code, so the sites after it ran in the
        // interpreter and had no chance to fail; each of them would cost a
        // recompile of its own (raytrace's `Canvas.plot`: `r * 255`,
        // `g * 255`, `b * 255`, with ints now and then, which the
        // interpreter's int paths do not note in the feedback).
        let settled = version > MAX_RECOMPILES;
        let (built, peak_heap_bytes) = crate::recorder::heapcount::measure(|| {
            let out = codegen::Gen::new(code, &generic_at, &demoted, listing, polls, regalloc)
                .settled(settled)
                .recorder(rec)
                .generate();
            let guards = (out.speculations, out.reg_checks);
            let sites = out.method_sites;
            let direct_offset = out.direct_offset;
            let counters = out.line_counters;
            out.ops.finalize().map(|bytes| {
                let site_info = (
                    out.pc_offsets,
                    out.entry_offsets,
                    out.notes,
                    out.bail_sites,
                    direct_offset,
                );
                (site_info, guards, (sites, counters), bytes)
            })
        });
        let (
            (pc_offsets, entry_offsets, notes, bail_sites, direct_offset),
            (speculations, reg_checks),
            (method_sites, line_counters),
            bytes,
        ) = match built {
            Ok(b) => b,
            Err(e) => return self.give_up(code, format!("assembler error: {e:?}")),
        };
        if self.code_bytes + bytes.len() > self.options.code_limit {
            return self.give_up(
                code,
                format!(
                    "code memory limit reached ({} bytes, --jit-code-limit)",
                    self.options.code_limit
                ),
            );
        }
        // The line counters' pages stay read-write.
        let counters_at = line_counters.as_ref().map(|c| c.rw_from as usize);
        let code_len = line_counters
            .as_ref()
            .map_or(bytes.len(), |c| c.code_end as usize);
        let buf = match bytes.into_exec(code_len, counters_at) {
            Ok(b) => b,
            Err(e) => return self.give_up(code, format!("could not map code memory: {e}")),
        };
        for &(at, entry) in line_counters.iter().flat_map(|c| &c.rec_fast) {
            let slot = buf.ptr(dynasmrt::AssemblyOffset(at as usize)) as *mut usize;
            // SAFETY: `entry` is a site entry in one of `method_sites`'s
            // boxes, which the compiled code keeps (`Compiled::method_sites`)
            // as long as the slot, in its read-write pages, lives.
            let entry = unsafe { &*(entry as *const direct_site::DirectEntry) };
            entry.rec_fast_slot.set(slot);
            // The edge made at compile time (`Recorder::edge_at_compile`).
            entry.set_rec_fast(entry.rec_fast.get());
        }
        let compile_time_ns = start.elapsed().as_nanos() as u64;
        // SAFETY: offset 0 is the prologue emitted by `gen_prologue`, which
        // follows the `EntryFn` convention.
        let entry: EntryFn = unsafe { std::mem::transmute(buf.ptr(dynasmrt::AssemblyOffset(0))) };
        // A direct call enters as the interpreter does at pc 0: through the
        // entry stub when the first instruction is in a register-allocated
        // loop (a function that starts with `while`).
        let pc0 = buf.ptr(dynasmrt::AssemblyOffset(
            entry_offsets
                .first()
                .copied()
                .filter(|&o| o != u32::MAX)
                .or(pc_offsets.first().copied())
                .unwrap_or(0) as usize,
        )) as usize;
        let direct = direct_offset.map_or(0, |o| {
            buf.ptr(dynasmrt::AssemblyOffset(o as usize)) as usize
        });
        let code_start = buf.ptr(dynasmrt::AssemblyOffset(0)) as u64;
        let compiled = Rc::new(Compiled {
            code: code.clone(),
            buf,
            code_start,
            code_end: code_start + code_len as u64,
            entry,
            pc0,
            direct,
            pc_index: std::cell::OnceCell::new(),
            pc_offsets,
            entry_offsets,
            notes,
            bail_sites,
            reg_checks,
            compile_time_ns,
            at_ticks,
            peak_heap_bytes,
            version,
            generic_at,
            speculations,
            demoted,
            noreg_at,
            method_sites,
            line_counters,
            site_exits: zeroed_counters(code.instrs.len() * ExitReason::ALL.len()),
        });
        self.code_bytes += compiled.code_bytes();
        crate::recorder::sampler::note_jit_code(
            compiled.base(),
            compiled.base() + compiled.code_bytes() as u64,
        );
        if let Some(sink) = self.perf.as_mut() {
            announce(sink, &compiled);
        }
        code.jit.compiled.set(Rc::as_ptr(&compiled));
        code.jit.direct.set(compiled.direct);
        self.compiled.push(compiled);
        true
    }

    /// Add every compiled version's line counts to the code objects' (see
    /// `codegen::LineCounters`); called when recording stops. `calls`: the
    /// recorder's, whose calls that entered a code's direct entry are the
    /// counts of its first block's lines when its code counts them so
    /// (`LineCounters::call_entries`): added once per code, for all its
    /// versions (every version's direct entry leaves them to the calls).
    pub fn fold_line_counts(&mut self, calls: &crate::recorder::calls::CallTimes) {
        let direct = calls.direct_entries();
        let mut done: rustc_hash::FxHashSet<*const Code> = Default::default();
        for c in &self.compiled {
            c.fold_line_counts();
            let Some(lc) = &c.line_counters else {
                continue;
            };
            let code = &*c.code;
            if lc.call_entries.is_empty() || !done.insert(code) {
                continue;
            }
            let key = &code.prof.counts as *const _ as usize;
            let total = direct.get(&key).copied().unwrap_or(0);
            let folded = self
                .folded_entries
                .entry(code as *const Code as usize)
                .or_insert(0);
            let n = total.wrapping_sub(*folded);
            *folded = total;
            for &pc in &lc.call_entries {
                if let Some(p) = code.prof.pcs.get(pc as usize) {
                    p.count.set(p.count.get().wrapping_add(n));
                }
            }
        }
    }

    fn give_up(&mut self, code: &Rc<Code>, reason: String) -> bool {
        self.not_compiled.push(NotCompiled {
            code: code.clone(),
            reason,
        });
        false
    }

    /// Why nothing more is compiled, if that is so.
    fn refuse(&self) -> Option<String> {
        if self.code_bytes >= self.options.code_limit {
            return Some(format!(
                "code memory limit reached ({} bytes, --jit-code-limit)",
                self.options.code_limit
            ));
        }
        None
    }

    /// Recompile the code objects whose sites kept bailing (bounded per code).
    ///
    /// A code object is recompiled once per batch, however many of its sites
    /// asked: sites that reach the threshold in the same run of its code
    /// (three stores in one call) each ask, and a second compile from the
    /// same exits would only spend the budget (no new site fails between).
    pub fn run_recompiles(
        &mut self,
        gc_due: *const bool,
        interrupted: *const bool,
        mut rec: Option<&mut crate::recorder::Recorder>,
    ) {
        let mut done: Vec<usize> = Vec::new();
        for code in std::mem::take(&mut self.want_recompile) {
            let key = Rc::as_ptr(&code) as usize;
            if done.contains(&key) {
                continue;
            }
            done.push(key);
            let n = self.recompiles.entry(key).or_insert(0);
            // MAX_RECOMPILES ordinary ones, then the settled one.
            if *n > MAX_RECOMPILES {
                continue;
            }
            *n += 1;
            self.compile(&code, gc_due, interrupted, rec.as_deref_mut());
        }
    }
}

impl JitRuntime {
    /// Statistics for `--jit-stats`: what was compiled (size, compile time,
    /// version), what was refused and why, and exits by reason and by site.
    pub fn stats_json(&self) -> serde_json::Value {
        use serde_json::json;
        let compiled: Vec<_> = self
            .compiled
            .iter()
            .map(|c| {
                json!({
                    "function": &*c.code.qualname,
                    "file": c.code.filename(),
                    "line": c.code.first_line,
                    "version": c.version,
                    "code_bytes": c.code_bytes(),
                    "bytecode_instructions": c.code.instrs.len(),
                    "compile_time_ns": c.compile_time_ns,
                    "generic_sites": &c.generic_at,
                    "speculated_sites": c.speculations.iter().map(|&(pc, _)| pc).collect::<Vec<_>>(),
                    "demoted_sites": &c.demoted,
                    "exits": c.exits().iter().map(|(pc, r, n)| json!({
                        "pc": pc,
                        "line": c.code.line_at(*pc as usize),
                        "reason": r.name(),
                        "instruction": c.code.instrs[*pc as usize].name(),
                        "count": n,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let refused: Vec<_> = self
            .not_compiled
            .iter()
            .map(|n| {
                json!({
                    "function": &*n.code.qualname,
                    "file": n.code.filename(),
                    "line": n.code.first_line,
                    "reason": &n.reason,
                })
            })
            .collect();
        let exits: serde_json::Map<String, serde_json::Value> = ExitReason::ALL
            .iter()
            .map(|r| (r.name().to_string(), json!(self.exit_counts[*r as usize])))
            .collect();
        json!({
            "format": "jitprof-jit-stats",
            "version": 1,
            "mode": format!("{:?}", self.options.mode).to_lowercase(),
            "code_bytes": self.code_bytes,
            "compiled": compiled,
            "not_compiled": refused,
            "exits_by_reason": exits,
        })
    }
}

/// `n` counters at zero, from zeroed memory: a long function has tens of
/// thousands (one per instruction and exit reason), which a loop of
/// `Cell::new(0)` filled one by one, touching every page at compile time;
/// an allocation of zeroed memory leaves fresh pages untouched until an
/// exit counts there.
fn zeroed_counters(n: usize) -> Box<[Cell<u64>]> {
    let zeros: Box<[u64]> = vec![0u64; n].into_boxed_slice();
    // SAFETY: `Cell<u64>` has the layout of `u64` (`Cell` is
    // `repr(transparent)` over `UnsafeCell`, itself over the value), so the
    // slice's allocation is a valid `[Cell<u64>]` of the same length, and
    // the box gives up its ownership to the new one.
    unsafe { Box::from_raw(Box::into_raw(zeros) as *mut [Cell<u64>]) }
}

/// Exits that come from a failed guard (as opposed to hand-overs the code
/// always makes, like calls).
pub fn is_guard(r: ExitReason) -> bool {
    matches!(
        r,
        ExitReason::NotIntOrFloat
            | ExitReason::IntOverflow
            | ExitReason::CondNotBool
            | ExitReason::IterNotFast
            | ExitReason::SubscrNotFast
            | ExitReason::IndexOutOfRange
            | ExitReason::UnpackNotFast
            | ExitReason::GlobalMiss
            | ExitReason::RegType
            | ExitReason::GlobalRebound
    )
}

/// Tell perf where a function's code is, with its source lines.
fn announce(sink: &mut perf::PerfSink, c: &Compiled) {
    let code = &c.code;
    let name = format!(
        "py::{} ({}:{})",
        code.qualname,
        code.filename(),
        code.first_line
    );
    let lines: Vec<(u32, u32)> = c
        .pc_offsets
        .iter()
        .enumerate()
        .filter(|(_, &o)| o != u32::MAX)
        .map(|(pc, &o)| (o, code.line_at(pc)))
        .collect();
    // SAFETY: the buffer is mapped readable (and executable) for the VM's lifetime.
    let bytes = unsafe { std::slice::from_raw_parts(c.base() as *const u8, c.code_bytes()) };
    // A failed write loses perf's names, not the run: perf_files reports it once.
    let _ = sink.code_loaded(&name, c.base(), bytes, code.filename(), &lines);
}

/// Add the calls that line counters counted (`LineCounters::run_calls`) to
/// their edges: each counter's count once, to the edge of the first of its
/// entries that has one (they share it). A counter counts only once its
/// entry knows its edge (`gen_rec_calls.rs`), so a count has an edge.
fn fold_run_calls(run_calls: &[(u32, i64)], counts: &[u64]) {
    let mut done: Vec<u32> = Vec::new();
    for &(i, entry) in run_calls {
        let n = counts.get(i as usize).copied().unwrap_or(0);
        if n == 0 || done.contains(&i) {
            continue;
        }
        // SAFETY: `entry` is a site entry in one of the compiled code's
        // `method_sites` boxes, alive as long as it is.
        let e = unsafe { (*(entry as *const direct_site::DirectEntry)).rec_edge.get() };
        if e.is_null() {
            continue;
        }
        done.push(i);
        // A self-call site's answered calls are recursive for the function
        // (`Edge::self_calls`).
        // SAFETY: an entry's edge is the recorder's, which keeps its edges
        // to the end (`recorder::build` runs after this).
        let calls = unsafe { &(*e).self_calls };
        calls.set(calls.get() + n);
    }
}
