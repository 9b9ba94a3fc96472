//! callgrind's text format (valgrind's `docs/callgrind-format`), for
//! kcachegrind/qcachegrind and `callgrind_annotate`.
//!
//! Costs are CPU samples and their time (samples × interval):
//! - self cost per source line from `lines[]`, in the innermost function
//!   containing the line; samples that landed in a builtin are moved from
//!   the calling line to the builtin (line 0), since callgrind adds call
//!   costs to self costs and would otherwise count them twice;
//! - calls from `functions[].callers` (the measured call counts), with the
//!   inclusive cost of each edge counted from the sample stacks.

use profile::{FunctionKind, Profile};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

/// Where the self cost of a line with no function goes.
const NO_FUNCTION: &str = "(no function)";
/// callgrind's name for an unknown file.
const NO_FILE: &str = "???";

/// Costs per function: self samples per line, and calls out.
#[derive(Default)]
struct Block {
    lines: BTreeMap<u32, u64>,
    /// (callee, call-site line) → (calls, inclusive samples).
    calls: BTreeMap<(u32, u32), (u64, u64)>,
}

pub fn callgrind(p: &Profile) -> String {
    let names = names(p);
    let interval = p.samples.interval_ns;

    // Self samples per (file, line), less those that ran in builtins.
    let mut by_line: BTreeMap<(u32, u32), u64> = BTreeMap::new();
    for l in &p.lines {
        *by_line.entry((l.file, l.line)).or_insert(0) += l.samples;
    }
    let mut blocks: BTreeMap<Option<u32>, Block> = BTreeMap::new();
    // Inclusive samples per call edge, and where in the caller it was seen.
    let mut edge_samples: HashMap<(u32, u32), u64> = HashMap::new();
    let mut call_site: HashMap<(u32, u32), BTreeMap<u32, u64>> = HashMap::new();
    for s in &p.samples.stacks {
        if let [.., caller, leaf] = s.frames.as_slice() {
            if is_builtin(p, leaf.function) {
                if let Some(file) = p
                    .functions
                    .get(caller.function as usize)
                    .and_then(|f| f.file)
                {
                    if let Some(n) = by_line.get_mut(&(file, caller.line)) {
                        *n = n.saturating_sub(s.count);
                    }
                }
            }
        }
        if let Some(leaf) = s.frames.last() {
            if is_builtin(p, leaf.function) {
                *blocks
                    .entry(Some(leaf.function))
                    .or_default()
                    .lines
                    .entry(0)
                    .or_insert(0) += s.count;
            }
        }
        // An edge counts once per stack, even when recursion repeats it.
        let mut seen = Vec::new();
        for pair in s.frames.windows(2) {
            let edge = (pair[0].function, pair[1].function);
            *call_site
                .entry(edge)
                .or_default()
                .entry(pair[0].line)
                .or_insert(0) += s.count;
            if !seen.contains(&edge) {
                seen.push(edge);
                *edge_samples.entry(edge).or_insert(0) += s.count;
            }
        }
    }
    for (&(file, line), &n) in &by_line {
        if n == 0 {
            continue;
        }
        let owner = innermost(p, file, line);
        *blocks
            .entry(owner)
            .or_default()
            .lines
            .entry(line)
            .or_insert(0) += n;
    }
    for f in &p.functions {
        for c in &f.callers {
            let edge = (c.caller, f.id);
            let line = call_site
                .get(&edge)
                .and_then(|m| m.iter().max_by_key(|(_, n)| **n).map(|(l, _)| *l))
                .or_else(|| p.functions.get(c.caller as usize).map(|f| f.first_line))
                .unwrap_or(0);
            let samples = edge_samples.get(&edge).copied().unwrap_or(0);
            let e = blocks
                .entry(Some(c.caller))
                .or_default()
                .calls
                .entry((f.id, line))
                .or_default();
            e.0 += c.calls;
            e.1 += samples;
        }
    }

    let total: u64 = blocks.values().flat_map(|b| b.lines.values()).sum();
    let mut out = String::new();
    let _ = writeln!(out, "# callgrind format");
    let _ = writeln!(out, "version: 1");
    let _ = writeln!(out, "creator: jitprof {}", p.run.jitprof_version);
    let _ = writeln!(out, "cmd: {}", one_line(&p.run.argv.join(" ")));
    let _ = writeln!(out, "positions: line");
    let _ = writeln!(out, "event: Samples : CPU samples");
    let _ = writeln!(out, "event: Ns : Nanoseconds (samples x {interval} ns)");
    let _ = writeln!(out, "events: Samples Ns");
    let _ = writeln!(out, "summary: {total} {}", total.saturating_mul(interval));
    for (id, b) in &blocks {
        let _ = writeln!(out, "\nfl={}", file_of(p, *id));
        let _ = writeln!(out, "fn={}", name_of(&names, *id));
        for (line, n) in &b.lines {
            let _ = writeln!(out, "{line} {n} {}", n.saturating_mul(interval));
        }
        for (&(callee, line), &(calls, n)) in &b.calls {
            let target = p.functions.get(callee as usize).map_or(0, |f| f.first_line);
            let _ = writeln!(out, "cfi={}", file_of(p, Some(callee)));
            let _ = writeln!(out, "cfn={}", name_of(&names, Some(callee)));
            let _ = writeln!(out, "calls={calls} {target}");
            let _ = writeln!(out, "{line} {n} {}", n.saturating_mul(interval));
        }
    }
    out
}

/// The innermost function containing a line. `functions_at` orders by
/// `def` line only, which ties between a module and a `def` on line 1;
/// the shorter span is the inner one.
fn innermost(p: &Profile, file: u32, line: u32) -> Option<u32> {
    let found = p.functions_at(file, line);
    found
        .iter()
        .max_by_key(|f| {
            (
                f.first_line,
                std::cmp::Reverse(f.last_line.saturating_sub(f.first_line)),
            )
        })
        .map(|f| f.id)
}

fn is_builtin(p: &Profile, id: u32) -> bool {
    p.functions
        .get(id as usize)
        .is_some_and(|f| f.kind == FunctionKind::Builtin)
}

fn file_of(p: &Profile, id: Option<u32>) -> String {
    let file = id
        .and_then(|id| p.functions.get(id as usize))
        .and_then(|f| f.file);
    file.and_then(|i| p.files.get(i as usize))
        .map_or_else(|| NO_FILE.to_string(), |f| one_line(&f.path))
}

fn name_of(names: &[String], id: Option<u32>) -> String {
    id.and_then(|id| names.get(id as usize))
        .map_or_else(|| NO_FUNCTION.to_string(), |n| n.clone())
}

/// Function names, made unique per file: callgrind identifies a function
/// by its file and name, so two `<lambda>`s in one file would merge.
fn names(p: &Profile) -> Vec<String> {
    let mut seen: HashMap<(Option<u32>, String), u32> = HashMap::new();
    for f in &p.functions {
        *seen.entry((f.file, f.qualname.clone())).or_insert(0) += 1;
    }
    p.functions
        .iter()
        .map(|f| {
            let name = one_line(&f.qualname);
            if seen
                .get(&(f.file, f.qualname.clone()))
                .copied()
                .unwrap_or(0)
                > 1
            {
                format!("{name}'{}", f.first_line)
            } else {
                name
            }
        })
        .collect()
}

/// Every record is one line.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
