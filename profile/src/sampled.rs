//! Function time from the sampled stacks, the way vmprof and py-spy report
//! it: a sample counts as self time of the innermost function on its stack
//! and as cumulative time of every function on it, once per sample however
//! often the function recurs; a caller edge gets the samples whose stack has
//! the caller directly below the callee (self when the callee is innermost).
//!
//! The recorder turns these counts into nanoseconds when `run.timing` is
//! `sampled`; the readers use them to say how many samples an estimate
//! rests on.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::{Samples, StackFrame};

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
        let mut out = SampledCounts {
            functions: vec![Counts::default(); n_functions],
            edges: FxHashMap::default(),
            attributed: 0,
        };
        // The functions and edges this stack already counted, so recursion
        // counts once per sample (`seen` is cleared after each stack).
        let mut seen: Vec<bool> = vec![false; n_functions];
        let mut seen_edges: FxHashSet<(u32, u32)> = FxHashSet::default();
        for s in &samples.stacks {
            let frames: Vec<&StackFrame> = s
                .frames
                .iter()
                .filter(|f| (f.function as usize) < n_functions)
                .collect();
            let Some(leaf) = frames.last() else { continue };
            out.attributed += s.count;
            out.functions[leaf.function as usize].self_samples += s.count;
            seen_edges.clear();
            for (i, f) in frames.iter().enumerate() {
                let id = f.function as usize;
                if !seen[id] {
                    seen[id] = true;
                    out.functions[id].cumulative_samples += s.count;
                }
                if i > 0 {
                    let edge = (frames[i - 1].function, f.function);
                    if seen_edges.insert(edge) {
                        out.edges.entry(edge).or_default().cumulative_samples += s.count;
                    }
                }
            }
            if frames.len() >= 2 {
                let edge = (frames[frames.len() - 2].function, leaf.function);
                out.edges.entry(edge).or_default().self_samples += s.count;
            }
            for f in &frames {
                seen[f.function as usize] = false;
            }
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SampleStack, Tier};

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
