//! The listing as text: a gutter (share, samples, executions, marker, line
//! number), the source line verbatim, and after it `^` notes with the types,
//! bails and allocations seen on it.

use super::find;
use super::select::Section;
use super::{header, ListingOptions};
use crate::color::{heat, paint, paint_opt, Style};
use crate::lines::{LineData, LineTable};
use crate::source::Source;
use crate::units::{bytes, percent, time};
use profile::sampled::SampledCounts;
use profile::{Bail, Function, Profile, Tier, Timing, TypeSite};

/// Column widths of the gutter, wide enough for the largest figure shown.
struct Gutter {
    pct: usize,
    samples: usize,
    execs: usize,
    line: usize,
}

impl Gutter {
    fn new(table: &LineTable, sections: &[Section]) -> Gutter {
        let mut g = Gutter {
            pct: "time%".len(),
            samples: "samples".len(),
            execs: "execs".len(),
            line: "line".len(),
        };
        for s in sections {
            for &l in &s.lines {
                g.line = g.line.max(l.to_string().len());
                if let Some(d) = table.get(s.file, l) {
                    g.pct = g.pct.max(percent(table.percent(d.samples)).len());
                    g.samples = g.samples.max(d.samples.to_string().len());
                    g.execs = g.execs.max(d.exec_count.to_string().len());
                }
            }
        }
        g
    }

    /// Characters before the source column.
    fn width(&self) -> usize {
        self.pct + self.samples + self.execs + self.line + 6
    }

    fn blank(&self) -> String {
        " ".repeat(self.width())
    }

    fn titles(&self) -> String {
        format!(
            "{:>p$} {:>s$} {:>e$}  {:>l$}  source",
            "time%",
            "samples",
            "execs",
            "line",
            p = self.pct,
            s = self.samples,
            e = self.execs,
            l = self.line
        )
    }

    /// The gutter of one line; empty cells for figures that are zero, as
    /// line_profiler leaves lines that never ran blank.
    fn row(&self, table: &LineTable, d: Option<&LineData>, line: u32, color: bool) -> String {
        let samples = d.map_or(0, |d| d.samples);
        let execs = d.map_or(0, |d| d.exec_count);
        let share = table.percent(samples);
        let cell = |n: u64| if n > 0 { n.to_string() } else { String::new() };
        let pct = format!(
            "{:>w$}",
            if samples > 0 {
                percent(share)
            } else {
                String::new()
            },
            w = self.pct
        );
        let mark = if d.is_some_and(|d| d.marked()) {
            paint(color, Style::BoldRed, "!")
        } else {
            " ".into()
        };
        format!(
            "{} {:>s$} {:>e$} {mark}{}  ",
            paint_opt(color, heat(share), &pct),
            cell(samples),
            cell(execs),
            paint(color, Style::Dim, &format!("{line:>w$}", w = self.line)),
            s = self.samples,
            e = self.execs,
        )
    }

    /// `...` in the line column, and which lines are left out.
    fn gap(&self, from: u32, to: u32, color: bool) -> String {
        let which = if from == to {
            format!("line {from}")
        } else {
            format!("lines {from}-{to}")
        };
        let pad = " ".repeat(self.width() - self.line - 2);
        paint(
            color,
            Style::Dim,
            &format!("{pad}{:>l$}  ({which} not shown)", "...", l = self.line),
        )
    }
}

pub fn render(p: &Profile, table: &LineTable, sections: &[Section], o: &ListingOptions) -> String {
    let c = o.color;
    let sampled =
        (p.run.timing == Timing::Sampled).then(|| SampledCounts::of(&p.samples, p.functions.len()));
    let g = Gutter::new(table, sections);
    let mut out = String::new();
    let mut push = |s: String| {
        out.push_str(s.trim_end());
        out.push('\n');
    };
    push(paint(c, Style::Bold, &title(p, table, o)));
    push(format!(
        "legend: time% = share of samples, execs = times the line ran, \
         {} = bail, megamorphic type site or allocation in a hot loop",
        paint(c, Style::BoldRed, "!")
    ));
    push(
        "        ^ = time by tier, types, bails, allocations seen on the line above; \
          [name] = a function's calls, time and JIT status"
            .to_string(),
    );
    if sections.is_empty() {
        push("(no source lines to show)".to_string());
    }
    let mut i = 0;
    while i < sections.len() {
        let file = sections[i].file;
        let same_file = sections[i..].iter().take_while(|s| s.file == file).count();
        file_listing(
            p,
            table,
            &sections[i..i + same_file],
            &g,
            c,
            sampled.as_ref(),
            &mut push,
        );
        i += same_file;
    }
    out
}

/// `jitprof annotate: prog.py ran 12.0ms, 11 samples every 1.00ms, JIT auto`
/// (and `, function times from the samples` when they were not measured).
fn title(p: &Profile, table: &LineTable, o: &ListingOptions) -> String {
    let mut t = format!(
        "jitprof annotate: {} ran {}, {} samples every {}, JIT {}",
        p.run.program,
        time(p.summary.wall_ns),
        table.total_samples,
        time(p.samples.interval_ns),
        p.run.jit_mode
    );
    if p.run.timing == Timing::Sampled {
        t += ", function times from the samples";
    }
    let mut only = Vec::new();
    if let Some(f) = &o.function {
        only.push(format!("function {f}"));
    }
    if o.hot {
        only.push(format!("hot regions with {} lines of context", o.context));
    }
    if o.min_percent.is_finite() && o.min_percent > 0.0 {
        only.push(format!(
            "lines with at least {}% (and marked lines)",
            o.min_percent
        ));
    }
    if !only.is_empty() {
        t += &format!("; showing {}", only.join(", "));
    }
    t
}

fn file_listing(
    p: &Profile,
    table: &LineTable,
    sections: &[Section],
    g: &Gutter,
    c: bool,
    sampled: Option<&SampledCounts>,
    push: &mut impl FnMut(String),
) {
    let Some(file) = sections.first().map(|s| s.file) else {
        return;
    };
    let Some(sf) = p.files.get(file as usize) else {
        return;
    };
    let src = Source::new(&sf.source);
    let fns = find::in_file(p, file);
    let file_samples: u64 = table.in_file(file).map(|(_, d)| d.samples).sum();
    push(String::new());
    push(format!(
        "{} {} samples ({})",
        paint(c, Style::Bold, &format!("== {} ==", sf.path)),
        file_samples,
        percent(table.percent(file_samples))
    ));
    push(paint(c, Style::Dim, &g.titles()));
    let mut printed: Vec<u32> = Vec::new();
    let mut prev: Option<u32> = None;
    for s in sections {
        for &line in &s.lines {
            if let Some(pl) = prev {
                if line > pl + 1 {
                    push(g.gap(pl + 1, line - 1, c));
                }
            }
            prev = Some(line);
            // Each function's header once, before its first shown line: its
            // `def` in a full listing, the first line of a hot region inside
            // it otherwise. With --function, only the functions inside it.
            for f in fns.iter().filter(|f| find::contains(f, line)) {
                let inside = s.whole_file || (s.first <= f.first_line && f.last_line <= s.last);
                if inside && !printed.contains(&f.id) {
                    printed.push(f.id);
                    push(function_header(p, f, &src, g, c, sampled));
                }
            }
            let d = table.get(file, line);
            let code = match src.expanded(line) {
                Some(code) => code,
                None => paint(c, Style::Dim, "<no source for this line>"),
            };
            push(format!("{}{code}", g.row(table, d, line, c)));
            if let Some(d) = d {
                let indent = format!("{}{}", g.blank(), " ".repeat(src.indent(line)));
                for n in notes(table, d, c) {
                    push(format!("{indent}{n}"));
                }
            }
        }
    }
}

fn function_header(
    p: &Profile,
    f: &Function,
    src: &Source,
    g: &Gutter,
    c: bool,
    sampled: Option<&SampledCounts>,
) -> String {
    // Indented as the `def`, so nested functions read as nested.
    let indent = if f.first_line > 0 {
        src.indent(f.first_line)
    } else {
        0
    };
    format!(
        "{}{}{}",
        g.blank(),
        " ".repeat(indent),
        paint(c, Style::BoldBlue, &header::text(p, f, sampled))
    )
}

/// The `^` lines under a source line.
fn notes(table: &LineTable, d: &LineData, c: bool) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = tiers(table, d) {
        out.push(format!("{} {t}", paint(c, Style::Green, "^ time ")));
    }
    for s in &d.types {
        // Two sites of the same operation on a line are told apart by column.
        let twin = d.types.iter().filter(|t| t.op == s.op).count() > 1;
        out.push(format!(
            "{} {}",
            paint(c, Style::Cyan, "^ types"),
            types(s, twin, c)
        ));
    }
    for b in &d.bails {
        out.push(format!(
            "{} {}",
            paint(c, Style::Magenta, "^ bail "),
            bail(b, c)
        ));
    }
    for a in &d.allocations {
        let mut s = format!("{}x {}, {}", a.count, a.type_name, bytes(a.bytes));
        if a.jit_count > 0 {
            s += &format!(" (compiled code: {}x, {})", a.jit_count, bytes(a.jit_bytes));
        }
        if a.in_hot_loop {
            s += &format!(", {}", paint(c, Style::BoldRed, "in a hot loop"));
        }
        out.push(format!("{} {s}", paint(c, Style::Yellow, "^ alloc")));
    }
    out
}

/// Which tiers ran a line, by share of its samples (`jit 67%,
/// interpreter 33%`), for a line with at least 1% of the run's samples: what
/// a compiled line's time went to (its machine code, or the runtime it
/// calls, or the interpreter it left for), the question its share alone
/// does not answer.
fn tiers(table: &LineTable, d: &LineData) -> Option<String> {
    if d.samples == 0 || table.percent(d.samples) < 1.0 {
        return None;
    }
    let mut by: Vec<(Tier, u64)> = Tier::ALL
        .iter()
        .map(|&t| (t, d.by_tier.get(t)))
        .filter(|&(_, n)| n > 0)
        .collect();
    // Most samples first; ties in the tiers' order.
    by.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let total: u64 = by.iter().map(|&(_, n)| n).sum();
    let parts: Vec<String> = by
        .iter()
        .map(|&(t, n)| format!("{} {:.0}%", t.name(), 100.0 * n as f64 / total as f64))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// `+: left int 200, float 100; right int 200, float 100`
fn types(s: &TypeSite, twin: bool, c: bool) -> String {
    let mut t = s.op.clone();
    if twin {
        t += &format!(" (col {})", s.col);
    }
    t += ":";
    let ops: Vec<String> = s
        .operands
        .iter()
        .map(|o| {
            let seen: Vec<String> = o
                .types
                .iter()
                .map(|t| format!("{} {}", t.type_name, t.count))
                .collect();
            let mut x = format!(
                "{} {}",
                o.role,
                if seen.is_empty() {
                    "?".into()
                } else {
                    seen.join(", ")
                }
            );
            if o.megamorphic {
                x += &format!(", ... {}", paint(c, Style::BoldRed, "(megamorphic)"));
            }
            x
        })
        .collect();
    if ops.is_empty() {
        t
    } else {
        format!("{t} {}", ops.join("; "))
    }
}

/// `100x not_int_or_float: expected int + int, observed int + float (100); cost 150us, recompiled`
fn bail(b: &Bail, c: bool) -> String {
    let mut s = format!("{}x {}", b.count, paint(c, Style::BoldRed, &b.reason));
    let mut what = Vec::new();
    if !b.expected.is_empty() {
        what.push(format!("expected {}", b.expected));
    }
    if !b.observed.is_empty() {
        let seen: Vec<String> = b
            .observed
            .iter()
            .map(|t| format!("{} ({})", t.type_name, t.count))
            .collect();
        what.push(format!("observed {}", seen.join(", ")));
    }
    if !what.is_empty() {
        s += &format!(": {}", what.join(", "));
    }
    s += &format!("; cost {}", time(b.cost_ns));
    if b.recompiled {
        s += ", recompiled";
    }
    s
}
