//! The profile's per-line figures joined by (file, line): samples and
//! execution counts from `lines`, plus the type sites, bails and allocations
//! recorded at instructions of that line. The listing (text and JSON) reads
//! only this table, so both show the same numbers.
//!
//! Sites name a function, not a file; a site whose function is out of range
//! or has no file (a builtin) has no line to sit on and is left out.

use std::collections::BTreeMap;

use profile::{AllocSite, Bail, Function, Profile, TierCounts, TypeSite};

/// A loop "ran hot" when its back-edge was taken at least this often: below
/// that, an allocation in it costs little whatever it is.
pub const HOT_LOOP_ITERATIONS: u64 = 100;

/// Allocations of one type on one line (sites at several instructions of
/// the line are merged: the reader cares about the line).
#[derive(Debug, Clone, PartialEq)]
pub struct Allocs<'a> {
    pub type_name: &'a str,
    pub count: u64,
    pub bytes: u64,
    pub jit_count: u64,
    pub jit_bytes: u64,
    /// Some site of these allocates about once per iteration of a hot loop.
    pub in_hot_loop: bool,
}

#[derive(Debug, Default, Clone)]
pub struct LineData<'a> {
    pub samples: u64,
    pub by_tier: TierCounts,
    pub exec_count: u64,
    /// Sorted by column.
    pub types: Vec<&'a TypeSite>,
    /// Most frequent first.
    pub bails: Vec<&'a Bail>,
    /// Most bytes first.
    pub allocations: Vec<Allocs<'a>>,
}

impl LineData<'_> {
    pub fn megamorphic(&self) -> bool {
        self.types
            .iter()
            .any(|s| s.operands.iter().any(|o| o.megamorphic))
    }

    pub fn hot_loop_allocation(&self) -> bool {
        self.allocations.iter().any(|a| a.in_hot_loop)
    }

    /// Worth the `!` marker: something the JIT could not do well here.
    pub fn marked(&self) -> bool {
        !self.bails.is_empty() || self.megamorphic() || self.hot_loop_allocation()
    }
}

pub struct LineTable<'a> {
    lines: BTreeMap<(u32, u32), LineData<'a>>,
    /// The denominator of every share: the run's samples, or the samples
    /// the lines hold when that is more (an inconsistent profile), so that
    /// shares never add up past 100%.
    pub total_samples: u64,
}

/// The file of function `id`, if it is a Python function with one.
pub fn file_of(p: &Profile, id: u32) -> Option<u32> {
    p.functions.get(id as usize).and_then(|f| f.file)
}

/// Whether allocation site `a` of function `f` allocates inside one of its
/// hot loops about once per iteration (at least one allocation per ten
/// iterations): the iterator a `for` creates once before its first
/// iteration sits on the loop's line but is not what the marker is for.
fn in_hot_loop(f: &Function, a: &AllocSite) -> bool {
    f.loops.iter().any(|l| {
        let inside = (l.start_pc <= a.pc && a.pc <= l.end_pc)
            || (l.first_line.min(l.header_line) <= a.line && a.line <= l.last_line);
        inside && l.iterations >= HOT_LOOP_ITERATIONS && a.count.saturating_mul(10) >= l.iterations
    })
}

impl<'a> LineTable<'a> {
    pub fn new(p: &'a Profile) -> LineTable<'a> {
        let mut lines: BTreeMap<(u32, u32), LineData<'a>> = BTreeMap::new();
        for l in &p.lines {
            let d = lines.entry((l.file, l.line)).or_default();
            d.samples = d.samples.saturating_add(l.samples);
            d.exec_count = d.exec_count.saturating_add(l.exec_count);
            for t in profile::Tier::ALL {
                d.by_tier.add(t, l.samples_by_tier.get(t));
            }
        }
        for s in &p.type_sites {
            if let Some(file) = file_of(p, s.function) {
                lines.entry((file, s.line)).or_default().types.push(s);
            }
        }
        for b in &p.bails {
            if let Some(file) = file_of(p, b.function) {
                lines.entry((file, b.line)).or_default().bails.push(b);
            }
        }
        for a in &p.allocations {
            let Some(f) = a.function.and_then(|id| p.functions.get(id as usize)) else {
                continue;
            };
            let Some(file) = f.file else { continue };
            let hot = in_hot_loop(f, a);
            let d = lines.entry((file, a.line)).or_default();
            match d
                .allocations
                .iter_mut()
                .find(|x| x.type_name == a.type_name)
            {
                Some(x) => {
                    x.count = x.count.saturating_add(a.count);
                    x.bytes = x.bytes.saturating_add(a.bytes);
                    x.jit_count = x.jit_count.saturating_add(a.jit_count);
                    x.jit_bytes = x.jit_bytes.saturating_add(a.jit_bytes);
                    x.in_hot_loop |= hot;
                }
                None => d.allocations.push(Allocs {
                    type_name: &a.type_name,
                    count: a.count,
                    bytes: a.bytes,
                    jit_count: a.jit_count,
                    jit_bytes: a.jit_bytes,
                    in_hot_loop: hot,
                }),
            }
        }
        for d in lines.values_mut() {
            d.types.sort_by_key(|s| (s.col, s.pc));
            d.bails
                .sort_by(|a, b| b.count.cmp(&a.count).then(a.col.cmp(&b.col)));
            d.allocations
                .sort_by(|a, b| b.bytes.cmp(&a.bytes).then(b.count.cmp(&a.count)));
        }
        let line_samples = lines
            .values()
            .fold(0u64, |s, d| s.saturating_add(d.samples));
        LineTable {
            lines,
            total_samples: p.samples.total.max(line_samples),
        }
    }

    pub fn get(&self, file: u32, line: u32) -> Option<&LineData<'a>> {
        self.lines.get(&(file, line))
    }

    /// Lines of `file` with any data, in order.
    pub fn in_file(&self, file: u32) -> impl Iterator<Item = (u32, &LineData<'a>)> {
        self.lines
            .range((file, 0)..=(file, u32::MAX))
            .map(|(k, d)| (k.1, d))
    }

    /// `samples` as a percentage of all samples.
    pub fn percent(&self, samples: u64) -> f64 {
        crate::units::share(samples, self.total_samples)
    }

    /// The share of line `line` of `file` (0 for a line without data).
    pub fn line_percent(&self, file: u32, line: u32) -> f64 {
        self.get(file, line)
            .map_or(0.0, |d| self.percent(d.samples))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use profile::fixture;

    #[test]
    fn joins_sites_onto_their_lines() {
        let p = fixture::example();
        let t = LineTable::new(&p);
        // The fixture's stacks hold 11 samples though `samples.total` says 10.
        assert_eq!(t.total_samples, 11);
        let nine = t.get(0, 9).unwrap();
        assert_eq!((nine.samples, nine.exec_count), (3, 300));
        assert_eq!(nine.types.len(), 1);
        assert_eq!(nine.bails[0].reason, "not_int_or_float");
        assert!(nine.marked());
        let eight = t.get(0, 8).unwrap();
        assert_eq!(eight.allocations[0].type_name, "list_iterator");
        // One iterator for 299 iterations: not a per-iteration allocation.
        assert!(!eight.allocations[0].in_hot_loop);
        assert!(!eight.marked());
        assert_eq!(t.get(0, 13).unwrap().allocations[0].bytes, 4_912);
        assert_eq!(t.in_file(0).count(), 6);
    }

    #[test]
    fn per_iteration_allocation_in_a_hot_loop_is_marked() {
        let mut p = fixture::example();
        p.allocations.push(AllocSite {
            function: Some(fixture::TOTAL),
            pc: 3,
            line: 9,
            type_name: "float".into(),
            count: 100,
            bytes: 2_400,
            jit_count: 60,
            jit_bytes: 1_440,
        });
        let t = LineTable::new(&p);
        assert!(t.get(0, 9).unwrap().hot_loop_allocation());
    }

    #[test]
    fn sites_of_builtins_and_bad_ids_are_dropped() {
        let mut p = fixture::example();
        p.bails[0].function = fixture::PRINT;
        p.type_sites[0].function = 99;
        p.allocations[0].function = None;
        let t = LineTable::new(&p);
        assert!(t.get(0, 9).unwrap().bails.is_empty());
        assert!(t.get(0, 2).unwrap().types.is_empty());
        assert!(t.get(0, 13).unwrap().allocations.is_empty());
    }
}
