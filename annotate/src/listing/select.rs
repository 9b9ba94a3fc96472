//! Which lines the listing shows: whole files, or the functions --function
//! names; then, with --hot, only the hot regions with context around them,
//! and with --min-percent, only the lines holding at least that share.
//!
//! Marked lines (bails, megamorphic type sites, allocations in hot loops)
//! survive both filters: they are what a reader of a JIT profile hunts for,
//! they are few, and a bail's cost often does not show in the samples of
//! its line. Other allocations and type sites do not keep a cold line.

use std::collections::BTreeSet;

use super::{find, ListingOptions};
use crate::lines::LineTable;
use crate::source::Source;
use profile::Profile;

/// A line is hot when it holds at least this share of the samples...
pub const HOT_PERCENT: f64 = 5.0;
/// ...or is among the hottest lines that together hold this share of the
/// samples in the listing.
pub const HOT_COVER: f64 = 0.8;

/// A range of one file to print, and the lines of it that are shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub file: u32,
    /// The range considered (a whole file, or a function).
    pub first: u32,
    pub last: u32,
    /// A whole file (every function in it gets a header), rather than one
    /// function (only it and the functions nested in it do).
    pub whole_file: bool,
    /// Shown lines, ascending.
    pub lines: Vec<u32>,
}

pub fn sections(
    p: &Profile,
    table: &LineTable,
    o: &ListingOptions,
) -> Result<Vec<Section>, String> {
    let mut out = scopes(p, table, o)?;
    for s in &mut out {
        s.lines = candidates(p, table, s);
    }
    if o.hot {
        let seeds = hot_seeds(table, &out);
        let ctx = u32::try_from(o.context).unwrap_or(u32::MAX);
        for s in &mut out {
            let file = s.file;
            s.lines.retain(|&l| {
                seeds
                    .range((file, l.saturating_sub(ctx))..=(file, l.saturating_add(ctx)))
                    .next()
                    .is_some()
            });
        }
    }
    if o.min_percent.is_finite() && o.min_percent > 0.0 {
        for s in &mut out {
            let file = s.file;
            s.lines.retain(|&l| {
                table
                    .get(file, l)
                    .is_some_and(|d| d.marked() || table.percent(d.samples) >= o.min_percent)
            });
        }
    }
    out.retain(|s| !s.lines.is_empty());
    Ok(out)
}

/// The ranges to consider, before filtering: one per matched function (or
/// per nest of them), else one per executed file.
fn scopes(p: &Profile, table: &LineTable, o: &ListingOptions) -> Result<Vec<Section>, String> {
    let section = |file, first, last, whole_file| Section {
        file,
        first,
        last,
        whole_file,
        lines: vec![],
    };
    let Some(name) = &o.function else {
        let mut out = Vec::new();
        for f in &p.files {
            let ran = table.in_file(f.id).next().is_some()
                || p.functions
                    .iter()
                    .any(|g| g.file == Some(f.id) && g.calls > 0);
            if !ran {
                continue;
            }
            let data_first = table.in_file(f.id).next().map_or(1, |(l, _)| l);
            let data_last = table.in_file(f.id).last().map_or(0, |(l, _)| l);
            let last = Source::new(&f.source).len().max(data_last);
            out.push(section(f.id, data_first.min(1), last, true));
        }
        return Ok(out);
    };
    let mut ranges: Vec<(u32, u32, u32)> = find::by_name(p, name)?
        .into_iter()
        .filter_map(|f| Some((f.file?, f.first_line, f.last_line.max(f.first_line))))
        .collect();
    ranges.sort();
    // A match nested in another match is shown once, inside the outer one.
    let mut out: Vec<Section> = Vec::new();
    for (file, first, last) in ranges {
        match out.last_mut() {
            Some(s) if s.file == file && first <= s.last => s.last = s.last.max(last),
            _ => out.push(section(file, first, last, false)),
        }
    }
    Ok(out)
}

/// The lines of a section worth a row: those with source text or data.
/// Walks the source and the data, never the range itself, which a bad
/// profile can make four billion lines long.
fn candidates(p: &Profile, table: &LineTable, s: &Section) -> Vec<u32> {
    let src_len = p
        .files
        .get(s.file as usize)
        .map_or(0, |f| Source::new(&f.source).len());
    let mut v: Vec<u32> = (s.first.max(1)..=s.last.min(src_len)).collect();
    v.extend(
        table
            .in_file(s.file)
            .map(|(l, _)| l)
            .filter(|l| (s.first..=s.last).contains(l)),
    );
    v.sort_unstable();
    v.dedup();
    v
}

/// The lines hot regions grow around: hot lines and marked lines. The
/// weight is the samples; a profile without samples (a very short run) is
/// weighed by execution counts instead, so --hot still finds the loops.
fn hot_seeds(table: &LineTable, sections: &[Section]) -> BTreeSet<(u32, u32)> {
    let mut rows: Vec<(u64, u32, u32)> = Vec::new();
    let mut seeds = BTreeSet::new();
    for s in sections {
        for &l in &s.lines {
            if let Some(d) = table.get(s.file, l) {
                rows.push((d.samples, s.file, l));
                if d.marked() {
                    seeds.insert((s.file, l));
                }
            }
        }
    }
    let mut sum: u64 = rows.iter().map(|r| r.0).sum();
    let by_samples = sum > 0;
    if !by_samples {
        for r in &mut rows {
            r.0 = table.get(r.1, r.2).map_or(0, |d| d.exec_count);
        }
        sum = rows.iter().map(|r| r.0).sum();
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut covered = 0u64;
    for &(w, file, line) in &rows {
        if w == 0 {
            break;
        }
        let share = if by_samples {
            table.percent(w)
        } else {
            crate::units::share(w, sum)
        };
        if (covered as f64) < HOT_COVER * sum as f64 || share >= HOT_PERCENT {
            seeds.insert((file, line));
        }
        covered = covered.saturating_add(w);
    }
    seeds
}
