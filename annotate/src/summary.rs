//! The short summary `jitprof run` prints to stderr at the end of a run:
//! where the time went (functions, tiers), what the JIT did, what it cost,
//! and the command that shows more. At most about 15 lines; sections with
//! nothing to say are left out.

use crate::color::{heat, paint, paint_opt, Style};
use crate::units::{bytes, count, percent, share, time};
use profile::{JitStatus, Profile, Tier, TierCounts, Timing};

/// How the run ended, when not by running off its end.
fn ending(p: &Profile) -> String {
    match p.run.end {
        profile::RunEnd::Normal => String::new(),
        profile::RunEnd::SysExit => format!(" (sys.exit({}))", p.run.exit_code),
        profile::RunEnd::Interrupted => " (interrupted)".into(),
        profile::RunEnd::Exception => match &p.run.exception {
            Some(e) => format!(" (raised {e})"),
            None => " (raised)".into(),
        },
    }
}

/// Functions listed by self time.
const TOP_FUNCTIONS: usize = 5;

/// The summary text; `path` is where the profile was written.
pub fn render(p: &Profile, path: &std::path::Path, color: bool) -> String {
    let c = color;
    let program = if p.run.program.is_empty() {
        "the program"
    } else {
        &p.run.program
    };
    let path = path.display().to_string();
    let mut out = vec![paint(
        c,
        Style::Bold,
        &format!(
            "jitprof: {program} ran {}{}, profile written to {path}",
            time(p.summary.wall_ns),
            ending(p)
        ),
    )];
    out.extend(top_functions(p, c));
    out.extend(tiers(p));
    out.extend(jit(p));
    out.extend(bails(p, c));
    out.extend(allocations(p));
    if p.summary.recorder_overhead_ns > 0 {
        out.push(format!(
            "  recorder overhead: {} ({} of the run)",
            time(p.summary.recorder_overhead_ns),
            percent(share(p.summary.recorder_overhead_ns, p.summary.wall_ns))
        ));
    }
    out.push(paint(
        c,
        Style::Dim,
        &format!("  see: jitprof annotate {}", shell_word(&path)),
    ));
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// The functions with the most self time, as a small table. Functions
/// without time (a run too short for a sample) still have exact call
/// counts, so they fill the table by calls rather than leaving it with
/// `<module>` alone.
fn top_functions(p: &Profile, c: bool) -> Vec<String> {
    let mut fns: Vec<&profile::Function> = p
        .functions
        .iter()
        .filter(|f| f.self_ns > 0 || f.calls > 0)
        .collect();
    if fns.is_empty() {
        return vec![];
    }
    fns.sort_by(|a, b| {
        b.self_ns
            .cmp(&a.self_ns)
            .then(b.calls.cmp(&a.calls))
            .then(a.id.cmp(&b.id))
    });
    // Shares of the run, or of all self time when that is more (a profile
    // whose figures disagree), so they never pass 100%.
    let self_total = p
        .functions
        .iter()
        .fold(0u64, |s, f| s.saturating_add(f.self_ns));
    let whole = p.summary.wall_ns.max(self_total);
    let shown = &fns[..fns.len().min(TOP_FUNCTIONS)];
    let self_time = |f: &profile::Function| {
        if f.self_ns > 0 {
            time(f.self_ns)
        } else {
            "-".to_string()
        }
    };
    let tw = shown
        .iter()
        .map(|f| self_time(f).len())
        .max()
        .unwrap_or(0)
        .max("self".len());
    let cw = shown
        .iter()
        .map(|f| f.calls.to_string().len())
        .max()
        .unwrap_or(0)
        .max("calls".len());
    let mut out = vec![format!(
        "  {:>tw$}  {:>6}  {:>cw$}  function",
        "self", "share", "calls"
    )];
    for f in shown {
        let pct = share(f.self_ns, whole);
        out.push(format!(
            "  {:>tw$}  {}  {:>cw$}  {} ({})",
            self_time(f),
            paint_opt(c, heat(pct), &format!("{:>6}", percent(pct))),
            f.calls,
            f.qualname,
            p.location(f.id)
        ));
    }
    if p.run.timing == Timing::Sampled {
        // Estimates, not measurements: say what they rest on.
        out.push(paint(
            c,
            Style::Dim,
            &format!(
                "  (time from {}; calls counted exactly; --timing exact measures time)",
                count(p.samples.total, "sample")
            ),
        ));
    }
    out
}

/// `time: interpreter 54.0%, jit 36.0%, ...` from the measured split, or
/// from the samples when the run recorded no split.
fn tiers(p: &Profile) -> Option<String> {
    let mut by = p.summary.tier_ns;
    if by.total() == 0 {
        by = TierCounts::default();
        for s in &p.samples.stacks {
            by.add(s.tier, s.count);
        }
    }
    let total = by.total();
    if total == 0 {
        return None;
    }
    let parts: Vec<String> = Tier::ALL
        .iter()
        .filter(|t| by.get(**t) > 0)
        .map(|t| format!("{} {}", t.name(), percent(share(by.get(*t), total))))
        .collect();
    Some(format!("  time: {}", parts.join(", ")))
}

fn jit(p: &Profile) -> Option<String> {
    let s = &p.summary;
    let refused = p
        .functions
        .iter()
        .filter(|f| {
            f.jit
                .as_ref()
                .is_some_and(|j| j.status == JitStatus::Refused)
        })
        .count() as u64;
    let refused = if refused > 0 {
        format!(", {} refused", count(refused, "function"))
    } else {
        String::new()
    };
    if s.compiles == 0 {
        return Some(if p.run.jit_mode == "off" {
            "  JIT: off".to_string()
        } else {
            format!("  JIT: nothing compiled{refused}")
        });
    }
    let recompiles = if s.recompiles > 0 {
        format!(" ({})", count(s.recompiles, "recompile"))
    } else {
        String::new()
    };
    Some(format!(
        "  JIT: {}{recompiles}, {} compiling, {} code + {} metadata{refused}",
        count(s.compiles, "compile"),
        time(s.compile_ns),
        bytes(s.jit_code_bytes),
        bytes(s.jit_metadata_bytes)
    ))
}

/// `bails: 100; most at example.py:9 not_int_or_float (100x)`
fn bails(p: &Profile, c: bool) -> Option<String> {
    let from_sites = p.bails.iter().fold(0u64, |s, b| s.saturating_add(b.count));
    let total = p.summary.bails.max(from_sites);
    if total == 0 {
        // Worth saying only when something ran compiled.
        return (p.summary.compiles > 0).then(|| "  bails: none".to_string());
    }
    let mut line = format!("  bails: {total}");
    if let Some(b) = p
        .bails
        .iter()
        .max_by(|a, b| a.count.cmp(&b.count).then(b.cost_ns.cmp(&a.cost_ns)))
    {
        let file = p.functions.get(b.function as usize).and_then(|f| f.file);
        let at = match file.and_then(|f| p.files.get(f as usize)) {
            Some(f) => format!("{}:{}", f.path, b.line),
            None => format!("line {}", b.line),
        };
        line += &format!(
            "; most at {at} {} ({}x, cost {})",
            paint(c, Style::BoldRed, &b.reason),
            b.count,
            time(b.cost_ns)
        );
    }
    Some(line)
}

/// `allocations: 3 objects, 4.84 KiB; most: list (2, 4.80 KiB)`
fn allocations(p: &Profile) -> Option<String> {
    let s = &p.summary;
    let (n, b) = if s.allocations > 0 {
        (s.allocations, s.allocated_bytes)
    } else {
        p.allocations.iter().fold((0u64, 0u64), |(n, b), a| {
            (n.saturating_add(a.count), b.saturating_add(a.bytes))
        })
    };
    if n == 0 {
        return None;
    }
    let mut line = format!("  allocations: {}, {}", count(n, "object"), bytes(b));
    let top = s
        .heap_by_type
        .iter()
        .max_by(|a, b| a.bytes.cmp(&b.bytes).then(b.type_name.cmp(&a.type_name)));
    if let Some(t) = top {
        line += &format!("; most: {} ({}, {})", t.type_name, t.count, bytes(t.bytes));
    }
    Some(line)
}

/// The path as one shell word, so the hint can be pasted.
fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "/._-+,:@%=".contains(ch));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use profile::fixture;
    use std::path::Path;

    #[test]
    fn summarises_the_example() {
        let p = fixture::example();
        let s = render(&p, Path::new("jitprof.json"), false);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(
            lines[0],
            "jitprof: example.py ran 12.0ms, profile written to jitprof.json"
        );
        assert!(lines.len() <= 15, "{s}");
        // fib has the most self time: first in the table, half the run.
        assert!(
            lines[2].contains("6.00ms") && lines[2].contains("50.0%"),
            "{s}"
        );
        assert!(
            lines[2].contains("177") && lines[2].contains("fib (example.py:1)"),
            "{s}"
        );
        assert!(lines[3].contains("total"), "{s}");
        assert!(
            s.contains("time: interpreter 54.0%, jit 36.0%, runtime 9.0%, compiler 0.9%"),
            "{s}"
        );
        assert!(
            s.contains(
                "JIT: 3 compiles (1 recompile), 105us compiling, 20 B code + 224 B metadata"
            ),
            "{s}"
        );
        assert!(
            s.contains("bails: 100; most at example.py:9 not_int_or_float (100x, cost 150us)"),
            "{s}"
        );
        assert!(
            s.contains("allocations: 3 objects, 4.84 KiB; most: list (2, 4.80 KiB)"),
            "{s}"
        );
        assert!(
            s.contains("recorder overhead: 50.0us (0.4% of the run)"),
            "{s}"
        );
        assert!(s.ends_with("see: jitprof annotate jitprof.json\n"), "{s}");
        assert!(!s.contains('\x1b'));
        assert!(!s.contains("time from"), "exact times: {s}");
    }

    #[test]
    fn sampled_times_say_what_they_rest_on() {
        let mut p = fixture::example();
        p.run.timing = profile::Timing::Sampled;
        let s = render(&p, Path::new("jitprof.json"), false);
        let n = p.samples.total;
        assert!(
            s.contains(&format!("(time from {n} samples; calls counted exactly")),
            "{s}"
        );
        assert!(s.lines().count() <= 16, "{s}");
    }

    #[test]
    fn says_how_the_run_ended() {
        let mut p = fixture::example();
        p.run.end = profile::RunEnd::Exception;
        p.run.exception = Some("ValueError: bad".into());
        let s = render(&p, Path::new("p.json"), false);
        assert!(
            s.starts_with("jitprof: example.py ran 12.0ms (raised ValueError: bad), profile"),
            "{s}"
        );
        p.run.end = profile::RunEnd::SysExit;
        p.run.exit_code = 3;
        assert!(render(&p, Path::new("p.json"), false).contains("ran 12.0ms (sys.exit(3))"));
        p.run.end = profile::RunEnd::Interrupted;
        assert!(render(&p, Path::new("p.json"), false).contains("(interrupted)"));
    }

    #[test]
    fn colour_only_when_asked() {
        let p = fixture::example();
        assert!(render(&p, Path::new("p.json"), true).contains("\x1b["));
    }

    #[test]
    fn an_empty_run_still_summarises() {
        let mut p = fixture::example();
        p.functions.clear();
        p.bails.clear();
        p.allocations.clear();
        p.samples = Default::default();
        p.summary = Default::default();
        p.run.jit_mode = "off".into();
        let s = render(&p, Path::new("my profile.json"), false);
        assert!(s.starts_with("jitprof: example.py ran 0ns, profile written to my profile.json\n"));
        assert!(s.contains("JIT: off"), "{s}");
        assert!(!s.contains("bails") && !s.contains("allocations"), "{s}");
        assert!(
            s.ends_with("see: jitprof annotate 'my profile.json'\n"),
            "{s}"
        );
    }

    #[test]
    fn functions_without_samples_are_listed_by_calls() {
        let mut p = fixture::example();
        for f in &mut p.functions {
            f.self_ns = 0;
        }
        let top = p.functions.iter().max_by_key(|f| f.calls).unwrap();
        let want = format!("{} ({})", top.qualname, p.location(top.id));
        let s = render(&p, Path::new("p.json"), false);
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[1].contains("calls"), "{s}");
        assert!(lines[2].trim_start().starts_with('-'), "{s}");
        assert!(lines[2].ends_with(&want), "{s}");
    }

    #[test]
    fn samples_stand_in_for_a_missing_tier_split() {
        let mut p = fixture::example();
        p.summary.tier_ns = TierCounts::default();
        let s = render(&p, Path::new("p.json"), false);
        // 11 samples: 6 interpreter, 4 jit, 1 runtime.
        assert!(
            s.contains("time: interpreter 54.5%, jit 36.4%, runtime 9.1%"),
            "{s}"
        );
    }
}
