//! Joins over the profile that the views need, computed once at start-up so
//! that drawing is a lookup. Every index into the profile is checked here
//! (a corrupt profile shows less, it does not panic).

use std::collections::{BTreeSet, HashMap};

use profile::{Function, FunctionKind, JitStatus, Profile};

/// What a row of the hot view stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HotKind {
    Function,
    /// Index into the function's `loops`.
    Loop(usize),
}

/// One row of the hot view: a function or a loop of one.
#[derive(Debug, Clone)]
pub struct HotRow {
    pub kind: HotKind,
    pub function: u32,
    pub name: String,
    pub self_ns: u64,
    pub cum_ns: u64,
    pub tier: String,
    /// Calls for a function, iterations for a loop.
    pub calls: u64,
    pub bails: u64,
    pub allocs: u64,
    pub file: Option<u32>,
    /// Where Enter goes: the `def` line or the loop's header.
    pub line: u32,
}

/// What is known about one source line besides its time.
#[derive(Debug, Clone, Default)]
pub struct LineNotes {
    /// Indexes into `type_sites`.
    pub types: Vec<usize>,
    /// Indexes into `bails`.
    pub bails: Vec<usize>,
    /// Indexes into `allocations`.
    pub allocs: Vec<usize>,
    /// An allocation here runs inside a hot loop.
    pub hot_alloc: bool,
}

impl LineNotes {
    pub fn megamorphic(&self, p: &Profile) -> bool {
        self.types
            .iter()
            .filter_map(|&i| p.type_sites.get(i))
            .any(|s| s.operands.iter().any(|o| o.megamorphic))
    }
    /// More than one type seen at an operand (a guard that can fail).
    pub fn polymorphic(&self, p: &Profile) -> bool {
        self.types
            .iter()
            .filter_map(|&i| p.type_sites.get(i))
            .any(|s| s.operands.iter().any(|o| o.types.len() > 1))
    }
    /// Lines the `[` / `]` keys stop at.
    pub fn interesting(&self, p: &Profile) -> bool {
        !self.bails.is_empty() || self.hot_alloc || self.megamorphic(p)
    }
}

pub struct Model {
    pub p: Profile,
    /// Samples of the whole run (the base of every percentage).
    pub total_samples: u64,
    pub interval_ns: u64,
    /// Base of the hot view's percentages.
    pub total_ns: u64,
    pub hot: Vec<HotRow>,
    /// Source text split into lines, per file.
    pub sources: Vec<Vec<String>>,
    /// (file, line) -> index into `lines`.
    line_index: HashMap<(u32, u32), usize>,
    notes: HashMap<(u32, u32), LineNotes>,
    /// Per file, the lines with a bail, a megamorphic site or a hot-loop allocation.
    interesting: Vec<BTreeSet<u32>>,
    /// Indexes into `bails`, costliest first.
    pub bails_by_cost: Vec<usize>,
    /// Per function: (callee, index of the edge in the callee's `callers`).
    callees: Vec<Vec<(u32, usize)>>,
}

impl Model {
    pub fn new(p: Profile) -> Model {
        let interval_ns = p.samples.interval_ns;
        let line_sum: u64 = p.lines.iter().map(|l| l.samples).sum();
        // As `jitprof annotate` does: a line's share never exceeds 100% even
        // when `samples.total` undercounts.
        let total_samples = p.samples.total.max(line_sum);
        let line_index = p
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| ((l.file, l.line), i))
            .collect();
        let sources = p
            .files
            .iter()
            .map(|f| f.source.lines().map(|l| l.replace('\t', "    ")).collect())
            .collect();
        let mut m = Model {
            total_samples,
            interval_ns,
            total_ns: 0,
            hot: vec![],
            sources,
            line_index,
            notes: HashMap::new(),
            interesting: vec![BTreeSet::new(); p.files.len()],
            bails_by_cost: vec![],
            callees: vec![vec![]; p.functions.len()],
            p,
        };
        m.total_ns = m.compute_total_ns();
        m.hot = m.hot_rows();
        m.index_sites();
        m.bails_by_cost = (0..m.p.bails.len()).collect();
        m.bails_by_cost
            .sort_by_key(|&i| std::cmp::Reverse((m.p.bails[i].cost_ns, m.p.bails[i].count)));
        for (callee, f) in m.p.functions.iter().enumerate() {
            for (e, edge) in f.callers.iter().enumerate() {
                if let Some(list) = m.callees.get_mut(edge.caller as usize) {
                    list.push((callee as u32, e));
                }
            }
        }
        m
    }

    fn compute_total_ns(&self) -> u64 {
        let from_fns = self
            .p
            .functions
            .iter()
            .map(|f| f.cumulative_ns)
            .max()
            .unwrap_or(0);
        let from_samples = self.total_samples.saturating_mul(self.interval_ns);
        self.p
            .summary
            .wall_ns
            .max(from_fns)
            .max(from_samples)
            .max(1)
    }

    pub fn function(&self, id: u32) -> Option<&Function> {
        self.p.functions.get(id as usize)
    }

    pub fn fn_name(&self, id: u32) -> String {
        self.function(id)
            .map(|f| f.qualname.clone())
            .unwrap_or_else(|| format!("<function {id}>"))
    }

    pub fn file_path(&self, file: u32) -> &str {
        self.p
            .files
            .get(file as usize)
            .map(|f| f.path.as_str())
            .unwrap_or("<unknown file>")
    }

    /// `example.py:12` or `<built-in>`.
    pub fn location(&self, id: u32) -> String {
        match self.function(id) {
            Some(f) => match f.file {
                Some(file) => format!("{}:{}", self.file_path(file), f.first_line),
                None => "<built-in>".into(),
            },
            None => "?".into(),
        }
    }

    pub fn line(&self, file: u32, line: u32) -> Option<&profile::Line> {
        self.line_index
            .get(&(file, line))
            .and_then(|&i| self.p.lines.get(i))
    }

    pub fn notes(&self, file: u32, line: u32) -> Option<&LineNotes> {
        self.notes.get(&(file, line))
    }

    pub fn interesting(&self, file: u32) -> Option<&BTreeSet<u32>> {
        self.interesting.get(file as usize)
    }

    /// Share of all samples on this line, 0..=1.
    pub fn line_share(&self, file: u32, line: u32) -> f64 {
        match self.line(file, line) {
            Some(l) if self.total_samples > 0 => l.samples as f64 / self.total_samples as f64,
            _ => 0.0,
        }
    }

    /// Callers of `id`: (caller, edge).
    pub fn callers(&self, id: u32) -> Vec<(u32, &profile::CallerEdge)> {
        let mut v: Vec<_> = match self.function(id) {
            Some(f) => f.callers.iter().map(|e| (e.caller, e)).collect(),
            None => vec![],
        };
        v.sort_by_key(|(_, e)| std::cmp::Reverse(e.cumulative_ns));
        v
    }

    /// Callees of `id`: (callee, the callee's edge from `id`).
    pub fn callees(&self, id: u32) -> Vec<(u32, &profile::CallerEdge)> {
        let mut v: Vec<_> = self
            .callees
            .get(id as usize)
            .into_iter()
            .flatten()
            .filter_map(|&(callee, e)| Some((callee, self.function(callee)?.callers.get(e)?)))
            .collect();
        v.sort_by_key(|(_, e)| std::cmp::Reverse(e.cumulative_ns));
        v
    }

    /// Innermost function around a line (the `<module>` body counts).
    pub fn function_at(&self, file: u32, line: u32) -> Option<u32> {
        self.p
            .functions
            .iter()
            .filter(|f| f.file == Some(file) && f.first_line <= line && line <= f.last_line)
            .max_by_key(|f| (f.first_line, std::cmp::Reverse(f.last_line)))
            .map(|f| f.id)
    }

    /// Samples on lines `first..=last` of `file`.
    fn samples_on(&self, file: u32, first: u32, last: u32) -> u64 {
        (first..=last.min(first.saturating_add(100_000)))
            .filter_map(|l| self.line(file, l))
            .map(|l| l.samples)
            .sum()
    }

    /// Samples whose stack passes through `function` on lines `first..=last`
    /// (each stack counted once, so recursion does not double it).
    fn stack_samples_through(&self, function: u32, first: u32, last: u32) -> u64 {
        self.p
            .samples
            .stacks
            .iter()
            .filter(|s| {
                s.frames
                    .iter()
                    .any(|f| f.function == function && first <= f.line && f.line <= last)
            })
            .map(|s| s.count)
            .sum()
    }

    fn hot_rows(&self) -> Vec<HotRow> {
        let mut rows = vec![];
        for f in &self.p.functions {
            let bails = self.p.bails.iter().filter(|b| b.function == f.id);
            let allocs = self
                .p
                .allocations
                .iter()
                .filter(|a| a.function == Some(f.id));
            rows.push(HotRow {
                kind: HotKind::Function,
                function: f.id,
                name: f.qualname.clone(),
                self_ns: f.self_ns,
                cum_ns: f.cumulative_ns,
                tier: tier_label(f),
                calls: f.calls,
                bails: bails.map(|b| b.count).sum(),
                allocs: allocs.map(|a| a.count).sum(),
                file: f.file,
                line: f.first_line,
            });
            let Some(file) = f.file else { continue };
            for (i, lp) in f.loops.iter().enumerate() {
                let in_loop = |pc: u32| lp.start_pc <= pc && pc <= lp.end_pc;
                let samples = self.samples_on(file, lp.first_line, lp.last_line);
                let through = self.stack_samples_through(f.id, lp.first_line, lp.last_line);
                rows.push(HotRow {
                    kind: HotKind::Loop(i),
                    function: f.id,
                    name: format!("loop {}:{}", f.qualname, lp.header_line),
                    self_ns: samples.saturating_mul(self.interval_ns),
                    cum_ns: through.max(samples).saturating_mul(self.interval_ns),
                    tier: tier_label(f),
                    calls: lp.iterations,
                    bails: self
                        .p
                        .bails
                        .iter()
                        .filter(|b| b.function == f.id && in_loop(b.pc))
                        .map(|b| b.count)
                        .sum(),
                    allocs: self
                        .p
                        .allocations
                        .iter()
                        .filter(|a| a.function == Some(f.id) && in_loop(a.pc))
                        .map(|a| a.count)
                        .sum(),
                    file: Some(file),
                    line: lp.header_line,
                });
            }
        }
        rows
    }

    /// Whether loop `lp` of a function is hot enough for its allocations to matter.
    fn loop_is_hot(&self, file: u32, lp: &profile::Loop) -> bool {
        let samples = self.samples_on(file, lp.first_line, lp.last_line);
        let share_hot = self.total_samples > 0 && samples * 100 >= self.total_samples;
        share_hot || lp.iterations >= u64::from(self.p.run.jit_threshold.max(1))
    }

    fn index_sites(&mut self) {
        let file_of = |p: &Profile, f: u32| p.functions.get(f as usize).and_then(|f| f.file);
        let mut notes: HashMap<(u32, u32), LineNotes> = HashMap::new();
        for (i, s) in self.p.type_sites.iter().enumerate() {
            if let Some(file) = file_of(&self.p, s.function) {
                notes.entry((file, s.line)).or_default().types.push(i);
            }
        }
        for (i, b) in self.p.bails.iter().enumerate() {
            if let Some(file) = file_of(&self.p, b.function) {
                notes.entry((file, b.line)).or_default().bails.push(i);
            }
        }
        for (i, a) in self.p.allocations.iter().enumerate() {
            let Some(fid) = a.function else { continue };
            let Some(f) = self.function(fid) else {
                continue;
            };
            let Some(file) = f.file else { continue };
            let hot = f
                .loops
                .iter()
                .any(|lp| lp.start_pc <= a.pc && a.pc <= lp.end_pc && self.loop_is_hot(file, lp));
            let n = notes.entry((file, a.line)).or_default();
            n.allocs.push(i);
            n.hot_alloc |= hot;
        }
        for (&(file, line), n) in &notes {
            if n.interesting(&self.p) {
                if let Some(set) = self.interesting.get_mut(file as usize) {
                    set.insert(line);
                }
            }
        }
        self.notes = notes;
    }
}

/// The JIT status of a function, short: `jit`, `jit x2`, `interp`, `refused`, `builtin`.
pub fn tier_label(f: &Function) -> String {
    if f.kind == FunctionKind::Builtin {
        return "builtin".into();
    }
    match &f.jit {
        None => "interp".into(),
        Some(j) => match j.status {
            JitStatus::Compiled if j.compiles > 1 => format!("jit x{}", j.compiles),
            JitStatus::Compiled => "jit".into(),
            JitStatus::Interpreted => "interp".into(),
            JitStatus::Refused => "refused".into(),
        },
    }
}

/// `6.00ms`, `150µs`, `1.20s`.
pub fn fmt_ns(ns: u64) -> String {
    let f = ns as f64;
    if ns >= 1_000_000_000 {
        format!("{:.2}s", f / 1e9)
    } else if ns >= 1_000_000 {
        format!("{:.2}ms", f / 1e6)
    } else if ns >= 1_000 {
        format!("{:.0}µs", f / 1e3)
    } else {
        format!("{ns}ns")
    }
}

/// `4.8KiB`.
pub fn fmt_bytes(b: u64) -> String {
    let f = b as f64;
    if b >= 1 << 30 {
        format!("{:.1}GiB", f / (1u64 << 30) as f64)
    } else if b >= 1 << 20 {
        format!("{:.1}MiB", f / (1u64 << 20) as f64)
    } else if b >= 1 << 10 {
        format!("{:.1}KiB", f / 1024.0)
    } else {
        format!("{b}B")
    }
}

/// `int 200, float 100`.
pub fn fmt_types(types: &[profile::TypeCount]) -> String {
    types
        .iter()
        .map(|t| format!("{} {}", t.type_name, t.count))
        .collect::<Vec<_>>()
        .join(", ")
}
