//! Turning what the recorder, the JIT and the heap measured into a
//! `profile::Profile` at the end of a run.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::bytecode::code::{Code, SourceFile as Src};
use crate::bytecode::opcodes::Instr;
use crate::interp::vm::Vm;
use crate::jit::exits::ExitReason;
use crate::jit::{is_guard, JitMode};
use crate::recorder::clock::{ticks, ToNs};
use crate::recorder::{calls, sites, FuncKey, Recorder};
use profile::*;

/// What the caller knows about the run that the VM does not.
pub struct RunInfo {
    pub program: String,
    pub argv: Vec<String>,
    pub cwd: String,
    pub started_unix_ms: u64,
    pub end: RunEnd,
    pub exit_code: i32,
    pub exception: Option<String>,
}

/// Instructions that begin a line: the first one, any whose line differs
/// from the previous instruction's, and every jump target (see
/// `PcProf::entry`). Their execution counts are the line's entry counts;
/// they are the only instructions counted.
pub fn line_entries(code: &Code) -> Vec<bool> {
    code.prof.pcs.iter().map(|p| p.entry).collect()
}

/// Per instruction: which copy of the code it is in: 0 outside exception
/// handlers, else one more than the index of the innermost handler whose
/// code it is in (from the handler's first instruction to the `Reraise`
/// of the exception it handles).
fn handler_copies(code: &Code) -> Vec<u32> {
    let mut copy = vec![0u32; code.instrs.len()];
    let mut handlers: Vec<(usize, u16)> = code
        .exc_table
        .iter()
        .map(|e| (e.handler as usize, e.exc_reg))
        .collect();
    handlers.sort_unstable();
    handlers.dedup();
    for (i, &(h, exc)) in handlers.iter().enumerate() {
        let end = (h..code.instrs.len())
            .find(|&pc| matches!(code.instrs[pc], Instr::Reraise { exc: e } if e == exc))
            .unwrap_or(code.instrs.len() - 1);
        for c in copy.iter_mut().take(end + 1).skip(h) {
            *c = i as u32 + 1;
        }
    }
    copy
}

/// A code object's executions per line: per line, the most executions of
/// one of its entries within each copy of the code (a line entered again in
/// the middle, a loop's header, counts once per run through it), summed over
/// copies (a `finally` body runs as the normal path's copy or as the
/// exception handler's, and ran as often as both together). Lines that never
/// ran are left out.
///
/// By sorting the entries (`scratch`, reused) rather than with maps: two
/// hash maps a code object were most of the lines' cost.
fn line_counts<'s>(
    code: &Code,
    scratch: &'s mut Vec<(u32, u32, u64)>,
) -> impl Iterator<Item = (u32, u64)> + 's {
    let copies = handler_copies(code);
    scratch.clear();
    for (pc, p) in code.prof.pcs.iter().enumerate() {
        let n = code.prof.count(pc);
        if p.entry && n > 0 {
            scratch.push((code.line_at(pc), copies[pc], n));
        }
    }
    scratch.sort_unstable();
    scratch
        .chunk_by(|a, b| a.0 == b.0)
        .map(|line| (line[0].0, most_per_copy_summed(line)))
}

/// One line's entries, sorted by copy: the most of each copy, summed.
fn most_per_copy_summed(line: &[(u32, u32, u64)]) -> u64 {
    line.chunk_by(|a, b| a.1 == b.1)
        .map(|copy| copy.iter().map(|e| e.2).max().unwrap_or(0))
        .sum()
}

/// `NotIntOrFloat` -> `not_int_or_float`: the reason codes in the profile.
pub fn reason_code(r: ExitReason) -> String {
    let name = format!("{r:?}");
    let mut out = String::with_capacity(name.len() + 4);
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

/// A guard's note in the listing: `pc 12: guard, bails on int overflow`.
/// By pushes: `format!` cost about a thousand instructions a note, and a
/// program has a note per guard of every compile.
fn guard_note(pc: u32, r: ExitReason) -> String {
    let name = r.name();
    let mut text = String::with_capacity(32 + name.len());
    text.push_str("pc ");
    text.push_str(itoa::Buffer::new().format(pc));
    text.push_str(": guard, bails on ");
    text.push_str(name);
    text
}

/// What compiled code expected where a guard of this kind failed.
fn expected(r: ExitReason) -> &'static str {
    match r {
        ExitReason::NotIntOrFloat => "int or float operands",
        ExitReason::IntOverflow => "an int result that fits in 64 bits",
        ExitReason::CondNotBool => "a bool, int or None condition",
        ExitReason::IterNotFast => "an iterator compiled code advances (not a generator)",
        ExitReason::SubscrNotFast => "a list or tuple indexed by an int",
        ExitReason::IndexOutOfRange => "an index in range",
        ExitReason::UnpackNotFast => "a tuple or list of the unpacked length",
        ExitReason::GlobalMiss => "a bound global or cached builtin",
        ExitReason::RegType => "the type its loop keeps in a register",
        ExitReason::GlobalRebound => "the global still holding the function compiled in",
        _ => "",
    }
}

fn peak_rss_bytes() -> u64 {
    // SAFETY: getrusage writes a plain struct we own.
    unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut ru) == 0 {
            return ru.ru_maxrss.max(0) as u64 * 1024;
        }
    }
    0
}

/// A profile as built at the end of a run: complete but for the compiles'
/// `code_hex`, left empty, whose machine code is in `code` instead
/// (`profile.compiles[i]`'s in `code[i]`), to be encoded straight into the
/// file by `profile::save_deferred`. That hex is more than half of a
/// profile: made into strings here, it was fresh memory to fault in and to
/// copy again.
///
/// Likewise the functions' instructions' `text`, left empty: thousands of
/// strings, made as the file is written instead (`instr_text`).
pub struct Built<'vm> {
    pub profile: Profile,
    pub code: Vec<&'vm [u8]>,
    /// The code of `profile.functions[i]`, for a Python function.
    listings: Vec<Option<&'vm Code>>,
}

impl Built<'_> {
    /// Append the text of `profile.functions[f].bytecode[pc]` to `out`
    /// (the `text` of `profile::Deferred`).
    pub fn instr_text(&self, f: usize, pc: usize, out: &mut String) {
        if let Some(code) = self.listings.get(f).copied().flatten() {
            crate::bytecode::disasm::push_instr_text(code, pc, out);
        }
    }
}

/// Build the profile. The recorder stays in the VM: compiled call sites
/// keep pointers to its edges (`DirectEntry::rec_edge`), so it must live as
/// long as the code does.
pub fn build(vm: &mut Vm, run: RunInfo) -> Option<Built<'_>> {
    vm.stop_recording();
    let allocs = vm.heap.rec.take();
    let vm: &Vm = vm;
    let rec = vm.rec.as_deref()?;
    let to_ns = ToNs(rec.clock.ns_per_tick());
    let wall_ns = rec.clock.start.elapsed().as_nanos() as u64;
    let b = Builder::new(vm, rec, to_ns);
    Some(b.finish(run, wall_ns, allocs.as_deref()))
}

struct Builder<'a> {
    vm: &'a Vm,
    rec: &'a Recorder,
    to_ns: ToNs,
    files: Vec<Rc<Src>>,
    file_ids: FxHashMap<usize, u32>,
    /// Function id by code address.
    code_ids: FxHashMap<usize, u32>,
}

impl<'a> Builder<'a> {
    fn new(vm: &'a Vm, rec: &'a Recorder, to_ns: ToNs) -> Builder<'a> {
        let mut b = Builder {
            vm,
            rec,
            to_ns,
            files: Vec::new(),
            file_ids: FxHashMap::default(),
            code_ids: FxHashMap::default(),
        };
        for (i, f) in rec.funcs.iter().enumerate() {
            if let FuncKey::Python(code) = f {
                b.code_ids.insert(Rc::as_ptr(code) as usize, i as u32);
                let key = Rc::as_ptr(&code.source) as usize;
                if !b.file_ids.contains_key(&key) {
                    b.file_ids.insert(key, b.files.len() as u32);
                    b.files.push(code.source.clone());
                }
            }
        }
        b
    }

    fn file_of(&self, code: &Code) -> u32 {
        self.file_ids[&(Rc::as_ptr(&code.source) as usize)]
    }

    fn finish(
        self,
        run: RunInfo,
        wall_ns: u64,
        allocs: Option<&super::allocs::AllocRecorder>,
    ) -> Built<'a> {
        let (compiles, code) = self.compiles();
        let samples = self.samples();
        let functions = self.functions(&samples, wall_ns);
        let lines = self.lines(&samples);
        let type_sites = self.type_sites();
        let bails = self.bails();
        let allocations = self.allocations(allocs);
        let summary = self.summary(wall_ns, &samples, &compiles, &allocations, &bails);
        let mode = match self.vm.jit.options.mode {
            JitMode::Off => "off",
            JitMode::Auto => "auto",
            JitMode::Eager => "eager",
        };
        let profile = Profile {
            format: FORMAT.into(),
            version: VERSION,
            run: Run {
                program: run.program,
                argv: run.argv,
                cwd: run.cwd,
                jitprof_version: env!("CARGO_PKG_VERSION").into(),
                jit_mode: mode.into(),
                jit_threshold: self.vm.jit.options.threshold,
                timing: self.rec.options.timing,
                started_unix_ms: run.started_unix_ms,
                end: run.end,
                exit_code: run.exit_code,
                exception: run.exception,
            },
            files: self
                .files
                .iter()
                .enumerate()
                .map(|(i, f)| SourceFile {
                    id: i as u32,
                    path: f.path.to_string(),
                    source: f.text.clone(),
                })
                .collect(),
            functions,
            lines,
            type_sites,
            bails,
            allocations,
            compiles,
            samples,
            summary,
        };
        let rec: &'a Recorder = self.rec;
        let listings = rec
            .funcs
            .iter()
            .map(|f| match f {
                FuncKey::Python(code) => Some(&**code),
                FuncKey::Builtin { .. } => None,
            })
            .collect();
        Built {
            profile,
            code,
            listings,
        }
    }

    /// The functions with their call counts, and their times as measured
    /// (exact timing) or from the samples (sampled timing).
    #[inline(never)]
    fn functions(&self, samples: &Samples, wall_ns: u64) -> Vec<Function> {
        let ns = |t| self.to_ns.ns(t);
        let sampled = (!self.rec.exact)
            .then(|| profile::sampled::SampledCounts::of(samples, self.rec.funcs.len()));
        // Each sample stands for an equal share of the run's wall time, so
        // the self times add up to the time the samples caught a function.
        let ns_per_sample = wall_ns as f64 / samples.total.max(1) as f64;
        let sample_ns = |n: u64| (n as f64 * ns_per_sample).round() as u64;
        let mut out = Vec::with_capacity(self.rec.funcs.len());
        for (i, key) in self.rec.funcs.iter().enumerate() {
            let callee = i as u32;
            let t = self.rec.calls.figures(callee);
            let callers = self
                .rec
                .calls
                .callers(callee)
                .map(|(caller, e)| {
                    let (self_ns, cumulative_ns) = match &sampled {
                        Some(s) => {
                            let c = s.edge(caller, callee);
                            (sample_ns(c.self_samples), sample_ns(c.cumulative_samples))
                        }
                        None => (ns(e.self_ticks), ns(e.cum_ticks)),
                    };
                    CallerEdge {
                        caller,
                        calls: e.calls,
                        primitive_calls: e.primitive_calls,
                        self_ns,
                        cumulative_ns,
                    }
                })
                .collect();
            let (self_ns, cumulative_ns) = match &sampled {
                Some(s) => {
                    let c = s.function(callee);
                    (sample_ns(c.self_samples), sample_ns(c.cumulative_samples))
                }
                None => (ns(t.self_ticks), ns(t.cum_ticks)),
            };
            let mut f = Function {
                id: i as u32,
                kind: FunctionKind::Python,
                name: String::new(),
                qualname: String::new(),
                file: None,
                first_line: 0,
                last_line: 0,
                calls: t.calls,
                primitive_calls: t.primitive_calls,
                self_ns,
                cumulative_ns,
                callers,
                jit: None,
                loops: Vec::new(),
                bytecode: Vec::new(),
            };
            match key {
                FuncKey::Builtin { name, owner } => {
                    f.kind = FunctionKind::Builtin;
                    f.name = name.to_string();
                    f.qualname = match owner {
                        Some(o) => format!("{o}.{name}"),
                        None => name.to_string(),
                    };
                }
                FuncKey::Python(code) => {
                    f.name = code.name.to_string();
                    f.qualname = code.qualname.to_string();
                    f.file = Some(self.file_of(code));
                    f.first_line = code.first_line;
                    f.last_line = code
                        .locs
                        .iter()
                        .map(|l| l.line)
                        .max()
                        .unwrap_or(code.first_line);
                    f.jit = Some(self.function_jit(code));
                    f.loops = loops(code);
                    f.bytecode = bytecode(code);
                }
            }
            out.push(f);
        }
        out
    }

    fn function_jit(&self, code: &Rc<Code>) -> FunctionJit {
        let versions = self
            .vm
            .jit
            .compiled
            .iter()
            .filter(|c| Rc::ptr_eq(&c.code, code))
            .count() as u32;
        let refused = self
            .vm
            .jit
            .not_compiled
            .iter()
            .find(|n| Rc::ptr_eq(&n.code, code));
        let (status, reason) = if !code.jit.compiled.get().is_null() {
            (JitStatus::Compiled, None)
        } else if let Some(n) = refused {
            (JitStatus::Refused, Some(n.reason.clone()))
        } else {
            (JitStatus::Interpreted, None)
        };
        FunctionJit {
            status,
            reason,
            hotness: code.jit.hot.get() as u64,
            compiles: versions,
            recompiles: versions.saturating_sub(1),
        }
    }

    #[inline(never)]
    fn samples(&self) -> Samples {
        let mut stacks: Vec<SampleStack> = self
            .rec
            .sampled_stacks()
            .map(|(frames, tier, n)| SampleStack {
                frames: frames
                    .iter()
                    .map(|&(function, line)| StackFrame { function, line })
                    .collect(),
                tier,
                count: n,
            })
            .collect();
        stacks.sort_by(|a, b| b.count.cmp(&a.count));
        let rate = self.rec.options.sample_rate_hz;
        Samples {
            rate_hz: rate,
            interval_ns: 1_000_000_000 / rate.max(1) as u64,
            total: self.rec.sample_total,
            stacks,
        }
    }

    fn is_python(&self, f: u32) -> bool {
        matches!(self.rec.funcs.get(f as usize), Some(FuncKey::Python(_)))
    }

    #[inline(never)]
    fn lines(&self, samples: &Samples) -> Vec<Line> {
        let mut by_line: FxHashMap<(u32, u32), Line> = FxHashMap::default();
        fn line(m: &mut FxHashMap<(u32, u32), Line>, file: u32, line: u32) -> &mut Line {
            m.entry((file, line)).or_insert_with(|| Line {
                file,
                line,
                samples: 0,
                samples_by_tier: TierCounts::default(),
                exec_count: 0,
            })
        }
        for s in &samples.stacks {
            // The innermost Python frame: a builtin's time counts on the line
            // that called it.
            let Some(fr) = s.frames.iter().rev().find(|f| self.is_python(f.function)) else {
                continue;
            };
            let Some(FuncKey::Python(code)) = self.rec.funcs.get(fr.function as usize) else {
                continue;
            };
            let l = line(&mut by_line, self.file_of(code), fr.line);
            l.samples += s.count;
            l.samples_by_tier.add(s.tier, s.count);
        }
        let mut entries = Vec::new();
        for f in &self.rec.funcs {
            let FuncKey::Python(code) = f else { continue };
            let file = self.file_of(code);
            // Across code objects (a comprehension or lambda on its
            // parent's line), the most, as before.
            for (ln, n) in line_counts(code, &mut entries) {
                let l = line(&mut by_line, file, ln);
                l.exec_count = l.exec_count.max(n);
            }
        }
        let mut v: Vec<Line> = by_line.into_values().collect();
        // The keys are unique: an unstable sort gives the one order, and
        // moves the large entries less.
        v.sort_unstable_by_key(|l| (l.file, l.line));
        v
    }

    fn type_name(&self, key: u64) -> String {
        self.rec
            .type_names
            .get(&key)
            .cloned()
            .unwrap_or_else(|| "?".into())
    }

    #[inline(never)]
    fn type_sites(&self) -> Vec<TypeSite> {
        let mut out = Vec::new();
        for (id, f) in self.rec.funcs.iter().enumerate() {
            let FuncKey::Python(code) = f else { continue };
            let Some(sites) = code.prof.sites.get() else {
                continue;
            };
            for (pc, site) in sites.iter().enumerate() {
                let Some((op, roles, n)) = sites::observed(&code.instrs[pc]) else {
                    continue;
                };
                if site.ops[0].counts[0].get() == 0 {
                    continue;
                }
                let operands = (0..n)
                    .map(|i| {
                        let o = &site.ops[i];
                        // Merge keys with one name (a big int and a small int are both `int`).
                        let mut types: Vec<TypeCount> = Vec::new();
                        for w in 0..sites::WAYS {
                            let c = o.counts[w].get();
                            if c == 0 {
                                continue;
                            }
                            let name = self.type_name(o.keys[w].get());
                            match types.iter_mut().find(|t| t.type_name == name) {
                                Some(t) => t.count += c,
                                None => types.push(TypeCount {
                                    type_name: name,
                                    count: c,
                                }),
                            }
                        }
                        types.sort_by(|a, b| b.count.cmp(&a.count));
                        Operand {
                            role: roles[i].0.to_string(),
                            types,
                            megamorphic: o.megamorphic.get(),
                        }
                    })
                    .collect();
                let loc = code.locs.get(pc);
                out.push(TypeSite {
                    function: id as u32,
                    pc: pc as u32,
                    line: code.line_at(pc),
                    col: loc.map(|l| l.col).unwrap_or(0),
                    op: op.text(&code.names),
                    operands,
                });
            }
        }
        out
    }

    #[inline(never)]
    fn bails(&self) -> Vec<Bail> {
        // Exit counts per (code, pc, reason), summed over the code's versions.
        let mut counts: FxHashMap<(usize, u32, ExitReason), u64> = FxHashMap::default();
        let mut recompiled: FxHashMap<(usize, u32), u64> = FxHashMap::default();
        // What a site speculating on its feedback expected, in the first
        // version that speculated there (a demoted site speculates no more).
        let mut speculations: FxHashMap<(usize, u32), &str> = FxHashMap::default();
        for c in &self.vm.jit.compiled {
            let key = Rc::as_ptr(&c.code) as usize;
            for (pc, r, n) in c.exits() {
                if is_guard(r) {
                    *counts.entry((key, pc, r)).or_insert(0) += n;
                }
            }
            // The sites a version compiled otherwise for their bails: its
            // compile is their recompile (the first version that has them;
            // the later ones keep them).
            for pc in c.generic_at.iter().chain(&c.demoted).chain(&c.noreg_at) {
                recompiled.entry((key, *pc)).or_insert(c.compile_time_ns);
            }
            for &(pc, what) in &c.speculations {
                speculations.entry((key, pc)).or_insert(what);
            }
        }
        let mut out = Vec::new();
        for ((key, pc, r), count) in counts {
            let Some(&function) = self.code_ids.get(&key) else {
                continue;
            };
            let Some(FuncKey::Python(code)) = self.rec.funcs.get(function as usize) else {
                continue;
            };
            let log = self.rec.bails.sites.get(&(key, pc, r as u32));
            let recompile_ns = recompiled.get(&(key, pc)).copied();
            let cost_ns =
                log.map(|l| self.to_ns.ns(l.cost_ticks)).unwrap_or(0) + recompile_ns.unwrap_or(0);
            out.push(Bail {
                function,
                pc,
                line: code.line_at(pc as usize),
                col: code.locs.get(pc as usize).map(|l| l.col).unwrap_or(0),
                reason: reason_code(r),
                description: r.name().to_string(),
                expected: match (r, speculations.get(&(key, pc))) {
                    // The guard that failed is the speculation's, narrower
                    // than the template's "int or float".
                    (ExitReason::NotIntOrFloat, Some(what)) => {
                        format!("{what} (from its type feedback)")
                    }
                    _ => expected(r).to_string(),
                },
                observed: log.map(|l| merge_observed(&l.observed)).unwrap_or_default(),
                count,
                first_stack: log
                    .map(|l| {
                        l.first_stack
                            .iter()
                            .map(|&(function, line)| StackFrame { function, line })
                            .collect()
                    })
                    .unwrap_or_default(),
                recompiled: recompile_ns.is_some(),
                cost_ns,
            });
        }
        out.sort_by(|a, b| b.cost_ns.cmp(&a.cost_ns).then(b.count.cmp(&a.count)));
        out
    }

    #[inline(never)]
    fn allocations(&self, allocs: Option<&super::allocs::AllocRecorder>) -> Vec<AllocSite> {
        let Some(a) = allocs else { return Vec::new() };
        let mut out: Vec<AllocSite> = a
            .sites()
            .map(|((code, pc, key), s)| {
                let function = self.code_ids.get(&code).copied();
                let line = match function.and_then(|f| self.rec.funcs.get(f as usize)) {
                    Some(FuncKey::Python(c)) => c.line_at(pc as usize),
                    _ => 0,
                };
                AllocSite {
                    function,
                    pc,
                    line,
                    type_name: a
                        .names
                        .get(&key)
                        .cloned()
                        .unwrap_or_else(|| "object".into()),
                    count: s.count,
                    bytes: s.bytes,
                    jit_count: s.jit_count,
                    jit_bytes: s.jit_bytes,
                }
            })
            .collect();
        out.sort_by(|x, y| y.bytes.cmp(&x.bytes));
        out
    }

    /// The compiles, and their machine code (for `code_hex`, left empty).
    #[inline(never)]
    fn compiles(&self) -> (Vec<Compile>, Vec<&'a [u8]>) {
        let mut out = Vec::with_capacity(self.vm.jit.compiled.len());
        let mut code = Vec::with_capacity(self.vm.jit.compiled.len());
        let start = self.rec.clock.start_ticks;
        let vm: &'a Vm = self.vm;
        for c in &vm.jit.compiled {
            let Some(&function) = self.code_ids.get(&(Rc::as_ptr(&c.code) as usize)) else {
                continue;
            };
            let trigger = if c.version > 0 {
                CompileTrigger::Recompile
            } else if self.vm.jit.options.mode == JitMode::Eager {
                CompileTrigger::Eager
            } else {
                CompileTrigger::Hot
            };
            let reason = (c.version > 0).then(|| {
                let prev = vm
                    .jit
                    .compiled
                    .iter()
                    .find(|p| Rc::ptr_eq(&p.code, &c.code) && p.version + 1 == c.version);
                recompile_reason(c, prev.map(|p| &**p))
            });
            // SAFETY: the buffer is mapped readable as long as the VM
            // keeps the compile (`'a`: the VM is borrowed).
            code.push(unsafe { std::slice::from_raw_parts(c.base() as *const u8, c.code_bytes()) });
            let notes = c
                .bail_sites
                .iter()
                .filter_map(|&(pc, r)| {
                    c.pc_offsets.get(pc as usize).map(|&o| CodeNote {
                        offset: o,
                        text: guard_note(pc, r),
                    })
                })
                .collect();
            let metadata_bytes =
                (c.pc_offsets.len() * 4 + c.bail_sites.len() * 8 + c.site_exits.len() * 8) as u64;
            out.push(Compile {
                function,
                version: c.version,
                trigger,
                reason,
                at_ns: self.to_ns.ns(c.at_ticks.saturating_sub(start)),
                compile_ns: c.compile_time_ns,
                code_bytes: c.code_bytes() as u64,
                metadata_bytes,
                peak_heap_bytes: c.peak_heap_bytes,
                bytecode_instrs: c.code.instrs.len() as u32,
                code_address: c.base(),
                code_hex: String::new(),
                pc_offsets: c.pc_offsets.clone(),
                notes,
            });
        }
        (out, code)
    }

    #[inline(never)]
    fn summary(
        &self,
        wall_ns: u64,
        samples: &Samples,
        compiles: &[Compile],
        allocations: &[AllocSite],
        bails: &[Bail],
    ) -> Summary {
        let mut by_tier = TierCounts::default();
        for s in &samples.stacks {
            by_tier.add(s.tier, s.count);
        }
        let gc_ns = self.to_ns.ns(self.rec.gc_ticks);
        let compile_ns: u64 = compiles.iter().map(|c| c.compile_ns).sum();
        // Collector and compiler time are measured; the rest of the wall
        // time is split by the samples of the other tiers.
        let rest = wall_ns.saturating_sub(gc_ns + compile_ns);
        let other = by_tier.interpreter + by_tier.jit + by_tier.runtime;
        let share = |n: u64| {
            if other == 0 {
                0
            } else {
                (rest as u128 * n as u128 / other as u128) as u64
            }
        };
        let tier_ns = TierCounts {
            interpreter: if other == 0 {
                rest
            } else {
                share(by_tier.interpreter)
            },
            jit: share(by_tier.jit),
            runtime: share(by_tier.runtime),
            collector: gc_ns,
            compiler: compile_ns,
        };
        let mut heap: FxHashMap<&str, (u64, u64)> = FxHashMap::default();
        for a in allocations {
            let e = heap.entry(a.type_name.as_str()).or_insert((0, 0));
            e.0 += a.count;
            e.1 += a.bytes;
        }
        let mut heap_by_type: Vec<HeapType> = heap
            .into_iter()
            .map(|(t, (count, bytes))| HeapType {
                type_name: t.to_string(),
                count,
                bytes,
            })
            .collect();
        heap_by_type.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.type_name.cmp(&b.type_name)));
        let exits_by_reason = ExitReason::ALL
            .iter()
            .map(|&r| ReasonCount {
                reason: reason_code(r),
                count: self
                    .vm
                    .jit
                    .exit_counts
                    .get(r as usize)
                    .copied()
                    .unwrap_or(0),
            })
            .collect();
        Summary {
            wall_ns,
            tier_ns,
            peak_rss_bytes: peak_rss_bytes(),
            allocations: heap_by_type.iter().map(|h| h.count).sum(),
            allocated_bytes: heap_by_type.iter().map(|h| h.bytes).sum(),
            heap_by_type,
            gc_collections: self.rec.gc_count,
            gc_ns,
            compiles: compiles.len() as u64,
            recompiles: compiles.iter().filter(|c| c.version > 0).count() as u64,
            compile_ns,
            jit_code_bytes: compiles.iter().map(|c| c.code_bytes).sum(),
            jit_metadata_bytes: compiles.iter().map(|c| c.metadata_bytes).sum(),
            exits_by_reason,
            bails: bails.iter().map(|b| b.count).sum(),
            recorder_overhead_ns: self.overhead_ns(),
        }
    }

    /// The recorder's own time: its slow paths as measured, plus its
    /// per-call bookkeeping and its type observations at costs calibrated
    /// here (a lower bound: the interpreter's per-instruction test and the
    /// allocation counts are not in it).
    fn overhead_ns(&self) -> u64 {
        let calls: u64 = self.rec.calls.total_calls();
        // Type observations: what the per-instruction figure below costs.
        let observed: u64 = self
            .rec
            .funcs
            .iter()
            .filter_map(|f| match f {
                FuncKey::Python(c) => c.prof.sites.get(),
                _ => None,
            })
            .flat_map(|sites| sites.iter())
            .map(|site| site.ops[0].counts.iter().map(|c| c.get()).sum::<u64>())
            .sum();
        // Enough to average out a cache miss; small enough not to show in
        // the run's own time.
        const N: u64 = 2_000;
        // A call and its return on a memoised edge, as `enter_frame` and
        // `leave_frame` make them.
        let mut scratch = calls::CallTimes::default();
        let callee = calls::Counts::default();
        scratch.register(0, &callee);
        let e = scratch.edge(calls::Caller::ROOT, 0);
        let memo = std::cell::Cell::new(e);
        let t0 = ticks();
        for i in 0..N {
            let m = std::hint::black_box(&memo).get();
            // SAFETY: the edge is owned by `scratch`, alive here.
            let m = unsafe { &*m };
            if m.caller_key == calls::ROOT_KEY {
                m.start();
            }
            if self.rec.exact {
                scratch.start_timed(i);
                scratch.finish_timed(m, i + 1);
            } else {
                m.end();
            }
        }
        let mut per_call = ticks().wrapping_sub(t0) as f64 / N as f64;
        if self.rec.exact {
            // Plus the two clock reads a call makes (measured, not assumed).
            let mut sink = 0u64;
            let t1 = ticks();
            for _ in 0..N {
                sink = sink.wrapping_add(ticks());
            }
            std::hint::black_box(sink);
            per_call += 2.0 * ticks().wrapping_sub(t1) as f64 / N as f64;
        }
        let site = sites::SiteTypes::default();
        let t0 = ticks();
        for i in 0..N {
            site.ops[0].record(std::hint::black_box(i & 1) + 1);
        }
        let per_observation = ticks().wrapping_sub(t0) as f64 / N as f64;
        let est = self.rec.overhead_ticks as f64
            + calls as f64 * per_call
            + observed as f64 * per_observation;
        self.to_ns.ns(est as u64)
    }
}

/// Why version `c` of a code object was compiled: the sites it compiles
/// otherwise than the version before it (`prev`), each with the guard
/// that kept failing there, in the previous version's exit counts; the
/// last version (`jit::MAX_RECOMPILES`) speculates nowhere, which it says.
/// Each reason is the new version's own: the sites an earlier version
/// changed already are that version's reasons.
fn recompile_reason(c: &crate::jit::Compiled, prev: Option<&crate::jit::Compiled>) -> String {
    use crate::jit::{BAILS_BEFORE_RECOMPILE as N, MAX_RECOMPILES};
    let line = |pc: u32| c.code.line_at(pc as usize);
    let exits = prev.map(|p| p.exits()).unwrap_or_default();
    // The guards that failed often enough at `pc` to change it.
    let failing = |pc: u32| -> String {
        let rs: Vec<String> = exits
            .iter()
            .filter(|&&(q, r, n)| q == pc && is_guard(r) && n >= N)
            .map(|&(_, r, _)| reason_code(r))
            .collect();
        match rs.is_empty() {
            true => String::new(),
            false => format!(" ({})", rs.join(", ")),
        }
    };
    let new = |now: &[u32], before: Option<&[u32]>| -> Vec<u32> {
        now.iter()
            .copied()
            .filter(|pc| !before.is_some_and(|b| b.contains(pc)))
            .collect()
    };
    let mut parts = Vec::new();
    for pc in new(&c.generic_at, prev.map(|p| &p.generic_at[..])) {
        parts.push(format!(
            "line {}: generic after {N} bails{}",
            line(pc),
            failing(pc)
        ));
    }
    for pc in new(&c.demoted, prev.map(|p| &p.demoted[..])) {
        parts.push(format!(
            "line {}: speculation dropped after {N} bails{}",
            line(pc),
            failing(pc)
        ));
    }
    for pc in new(&c.noreg_at, prev.map(|p| &p.noreg_at[..])) {
        parts.push(format!(
            "line {}: loop without registers after {N} type changes (reg_type)",
            line(pc)
        ));
    }
    if c.version > MAX_RECOMPILES {
        parts.push(format!(
            "last version: no speculation after {MAX_RECOMPILES} recompiles"
        ));
    }
    if parts.is_empty() {
        parts.push("guards kept failing".to_string());
    }
    parts.join("; ")
}

/// A bail site's observed operand types, one entry per text (type keys
/// that share a name, such as a small and a big int, count together).
fn merge_observed(observed: &[([u64; 2], String, u64)]) -> Vec<TypeCount> {
    let mut out: Vec<TypeCount> = Vec::new();
    for (_, text, n) in observed {
        match out.iter_mut().find(|t| t.type_name == *text) {
            Some(t) => t.count += n,
            None => out.push(TypeCount {
                type_name: text.clone(),
                count: *n,
            }),
        }
    }
    out
}

/// A code object's listing, the texts left empty (see `Built`).
fn bytecode(code: &Code) -> Vec<BytecodeInstr> {
    (0..code.instrs.len())
        .map(|pc| BytecodeInstr {
            pc: pc as u32,
            line: code.line_at(pc),
            col: code.locs.get(pc).map(|l| l.col).unwrap_or(0),
            text: String::new(),
            exec_count: code.prof.count(pc),
        })
        .collect()
}

/// Loops of a code object, from its back-edges, outermost first.
fn loops(code: &Code) -> Vec<Loop> {
    let mut v = Vec::new();
    for (pc, ins) in code.instrs.iter().enumerate() {
        let Instr::Jump { target } = *ins else {
            continue;
        };
        let start = target as usize;
        if start > pc {
            continue;
        }
        let lines = (start..=pc).map(|p| code.line_at(p));
        v.push(Loop {
            header_line: code.line_at(start),
            first_line: lines.clone().min().unwrap_or(0),
            last_line: lines.max().unwrap_or(0),
            start_pc: start as u32,
            end_pc: pc as u32,
            iterations: code.prof.count(start),
        });
    }
    v.sort_by_key(|l| (l.start_pc, std::cmp::Reverse(l.end_pc)));
    v
}

#[cfg(test)]
mod tests {
    #[test]
    fn guard_notes_name_the_pc_and_the_reason() {
        let r = super::ExitReason::IntOverflow;
        assert_eq!(
            super::guard_note(1234, r),
            format!("pc 1234: guard, bails on {}", r.name())
        );
    }
}
