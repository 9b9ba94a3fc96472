//! Function time from the sampled stacks, the way vmprof and py-spy report
//! it: a sample counts as self time of the innermost function on its stack
//! and as cumulative time of every function on it, once per sample however
//! often the function recurs; a caller edge gets the samples whose stack has
//! the caller directly below the callee (self when the callee is innermost).
//!
//! The recorder turns these counts into nanoseconds when `run.timing` is
//! `sampled`; the readers use them to say how many samples an estimate
//! rests on.

use rustc_hash::FxHashMap;

use crate::Samples;

/// Sample counts of one function, or of one caller edge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Samples with it innermost.
    pub self_samples: u64,
    /// Samples with it anywhere on the stack.
    pub cumulative_samples: u64,
}

/// Sample counts per function and per (caller, callee) edge.
#[derive(Clone, Debug, Default)]
pub struct SampledCounts {
    /// Indexed by function id.
    pub functions: Vec<Counts>,
    /// By (caller, callee).
    pub edges: FxHashMap<(u32, u32), Counts>,
    /// Samples with at least one function on the stack.
    pub attributed: u64,
}

impl SampledCounts {
    /// Count `samples` for `n_functions` functions (frames naming a function
    /// out of range are skipped).
    pub fn of(samples: &Samples, n_functions: usize) -> SampledCounts {
        let mut functions = vec![Counts::default(); n_functions];
        let mut edges = EdgeCounts::new(n_functions);
        let mut attributed = 0;
        // The functions this stack already counted (cleared after each).
        let mut seen: Vec<bool> = vec![false; n_functions];
        let mut frames: Vec<u32> = Vec::new();
        for (stack, s) in samples.stacks.iter().enumerate() {
            frames.clear();
            frames.extend(s.frames.iter().map(|f| f.function));
            frames.retain(|&f| (f as usize) < n_functions);
            let Some(&leaf) = frames.last() else { continue };
            attributed += s.count;
            functions[leaf as usize].self_samples += s.count;
            for (i, &id) in frames.iter().enumerate() {
                if !seen[id as usize] {
                    seen[id as usize] = true;
                    functions[id as usize].cumulative_samples += s.count;
                }
                if i > 0 {
                    edges.count_cumulative(frames[i - 1], id, stack, s.count);
                }
            }
            if let [.., caller, _] = frames[..] {
                edges.get(caller, leaf).self_samples += s.count;
            }
            for &f in &frames {
                seen[f as usize] = false;
            }
        }
        SampledCounts {
            functions,
            edges: edges.into_map(),
            attributed,
        }
    }

    /// The counts of function `id` (zero when out of range).
    pub fn function(&self, id: u32) -> Counts {
        self.functions.get(id as usize).copied().unwrap_or_default()
    }

    /// The counts of the edge `caller` -> `callee`.
    pub fn edge(&self, caller: u32, callee: u32) -> Counts {
        self.edges
            .get(&(caller, callee))
            .copied()
            .unwrap_or_default()
    }
}

/// Edge counts while counting: per callee, its first callers (a few each),
/// with their counts and the last stack that counted the edge, so that
/// recursion counts once per sample. A short scan per frame, where a hash
/// map of edges and a set of the stack's edges were two lookups of a
/// hundred instructions or more. A callee's callers past `SHORT_CALLERS`
/// go to a hash map, so that one called from thousands of places (a
/// helper everything uses) costs a bounded scan and a lookup per frame,
/// not a scan of all its callers.
struct EdgeCounts {
    by_callee: Vec<Vec<(u32, Counts, usize)>>,
    more: FxHashMap<(u32, u32), (u32, Counts, usize)>,
}

/// Callers kept in a callee's list before the rest go to the map.
const SHORT_CALLERS: usize = 16;

impl EdgeCounts {
    fn new(n_functions: usize) -> EdgeCounts {
        EdgeCounts {
            by_callee: vec![Vec::new(); n_functions],
            more: FxHashMap::default(),
        }
    }

    /// The counts of `caller` -> `callee`, made zero if new.
    fn entry(&mut self, caller: u32, callee: u32) -> &mut (u32, Counts, usize) {
        let new = (caller, Counts::default(), usize::MAX);
        let callers = &mut self.by_callee[callee as usize];
        if let Some(i) = callers.iter().position(|e| e.0 == caller) {
            return &mut callers[i];
        }
        if callers.len() < SHORT_CALLERS {
            callers.push(new);
            return callers.last_mut().expect("just pushed");
        }
        self.more.entry((caller, callee)).or_insert(new)
    }

    /// Count `n` samples of stack `stack` as cumulative for the edge, once
    /// per stack.
    fn count_cumulative(&mut self, caller: u32, callee: u32, stack: usize, n: u64) {
        let e = self.entry(caller, callee);
        if e.2 != stack {
            e.2 = stack;
            e.1.cumulative_samples += n;
        }
    }

    fn get(&mut self, caller: u32, callee: u32) -> &mut Counts {
        &mut self.entry(caller, callee).1
    }

    /// The counts by (caller, callee).
    fn into_map(self) -> FxHashMap<(u32, u32), Counts> {
        let n = self.by_callee.iter().map(Vec::len).sum::<usize>() + self.more.len();
        let mut map = FxHashMap::with_capacity_and_hasher(n, Default::default());
        for (callee, callers) in self.by_callee.into_iter().enumerate() {
            for (caller, c, _) in callers {
                map.insert((caller, callee as u32), c);
            }
        }
        map.extend(self.more.into_iter().map(|(edge, (_, c, _))| (edge, c)));
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SampleStack, StackFrame, Tier};

    fn stack(fns: &[u32], count: u64) -> SampleStack {
        SampleStack {
            frames: fns
                .iter()
                .map(|&function| StackFrame { function, line: 1 })
                .collect(),
            tier: Tier::Interpreter,
            count,
        }
    }

    #[test]
    fn recursion_counts_once_per_sample_and_edges_by_neighbours() {
        // main(0) -> f(1) -> f -> f -> g(2), and main -> g.
        let s = Samples {
            rate_hz: 1000,
            interval_ns: 1_000_000,
            total: 9,
            stacks: vec![
                stack(&[0, 1, 1, 1, 2], 3),
                stack(&[0, 1, 1], 4),
                stack(&[0, 2], 1),
                stack(&[], 1),
            ],
        };
        let c = SampledCounts::of(&s, 3);
        assert_eq!(c.attributed, 8);
        assert_eq!(c.function(0).self_samples, 0);
        assert_eq!(c.function(0).cumulative_samples, 8);
        assert_eq!(c.function(1).self_samples, 4);
        assert_eq!(c.function(1).cumulative_samples, 7, "once per sample");
        assert_eq!(c.function(2).self_samples, 4);
        assert_eq!(c.function(2).cumulative_samples, 4);
        assert_eq!(c.edge(0, 1).cumulative_samples, 7);
        assert_eq!(c.edge(1, 1).cumulative_samples, 7, "once per sample");
        assert_eq!(c.edge(1, 1).self_samples, 4);
        assert_eq!(c.edge(1, 2).self_samples, 3);
        assert_eq!(c.edge(0, 2).self_samples, 1);
        assert_eq!(c.edge(0, 2).cumulative_samples, 1);
        let total_self: u64 = c.functions.iter().map(|f| f.self_samples).sum();
        assert_eq!(total_self, c.attributed);
    }

    /// The counts by their definition (sets of what each stack has),
    /// against `of`, on stacks with recursion, shared callees and frames
    /// out of range.
    #[test]
    fn counts_are_those_of_the_definition() {
        // 8 functions and one out of range.
        check_against_definition(200, 12, 9, 8);
    }

    /// As above, with callees that have more callers than their list keeps
    /// (`SHORT_CALLERS`): the rest are counted in the map.
    #[test]
    fn callees_with_many_callers_count_as_defined() {
        check_against_definition(2000, 4, 120, 100);
    }

    /// `stacks` random stacks of up to `depth` frames of functions below
    /// `functions`, counted for `n` functions, against the definition.
    fn check_against_definition(stacks: usize, depth: u32, functions: u32, n: usize) {
        use std::collections::{HashMap, HashSet};
        let mut x = 12345u32;
        let mut next = |m: u32| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) % m
        };
        let stacks: Vec<SampleStack> = (0..stacks)
            .map(|_| {
                let d = next(depth);
                let fns: Vec<u32> = (0..d).map(|_| next(functions)).collect();
                stack(&fns, next(5) as u64 + 1)
            })
            .collect();
        let s = Samples {
            stacks,
            ..Samples::default()
        };
        let c = SampledCounts::of(&s, n);
        let mut edges: HashMap<(u32, u32), Counts> = HashMap::new();
        for st in &s.stacks {
            let f: Vec<u32> = st
                .frames
                .iter()
                .map(|f| f.function)
                .filter(|&f| (f as usize) < n)
                .collect();
            let pairs: HashSet<(u32, u32)> = f.windows(2).map(|w| (w[0], w[1])).collect();
            for p in pairs {
                edges.entry(p).or_default().cumulative_samples += st.count;
            }
            if let [.., a, b] = f[..] {
                edges.entry((a, b)).or_default().self_samples += st.count;
            }
        }
        assert_eq!(c.edges.len(), edges.len());
        for (&(a, b), &want) in &edges {
            assert_eq!(c.edge(a, b), want, "edge {a} -> {b}");
        }
    }

    #[test]
    fn frames_out_of_range_are_skipped() {
        let s = Samples {
            stacks: vec![stack(&[0, 7], 2)],
            ..Samples::default()
        };
        let c = SampledCounts::of(&s, 1);
        assert_eq!(c.function(0).self_samples, 2);
        assert_eq!(c.function(7), Counts::default());
    }
}
