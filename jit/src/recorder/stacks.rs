//! The sampled stacks and their sample counts.
//!
//! Every distinct stack's frames are stored end to end in one vector, and a
//! table of (where, tier, count) entries finds them by content; a sample
//! of a stack seen before only adds to its count.
//!
//! Why not a map keyed by each stack's own vector (as it was): those
//! vectors were the recorder's only small allocations kept while the
//! program runs, one per new stack (274 of 691 samples in raytrace), and
//! each pinned an allocator page among the pages the program's objects
//! come from: pages the collector emptied could no longer be retired and
//! reused whole, so objects were allocated into the gaps of scattered,
//! cold pages. callgrind, go, --sample-rate 50 (~1000 samples):
//! mi_page_free_list_extend 7140 calls without recording, 3147 recording,
//! 7605 with these vectors moved out of the small size classes;
//! _mi_page_retire 473, 204, 468. perf put malloc's first touch of a block
//! at 1.5-2x its time when recording (raytrace, deltablue). One vector
//! growing by doubling leaves no small blocks behind.

use hashbrown::HashTable;
use profile::Tier;
use std::hash::{BuildHasher, Hash, Hasher};

/// A stack's place in `StackTable::frames`, its tier and its samples.
#[derive(Clone, Copy, Debug)]
struct Entry {
    start: usize,
    len: usize,
    tier: Tier,
    count: u64,
}

#[derive(Default)]
pub struct StackTable {
    /// Every distinct stack's (function, line) frames, end to end.
    frames: Vec<(u32, u32)>,
    entries: HashTable<Entry>,
    hasher: rustc_hash::FxBuildHasher,
}

impl StackTable {
    /// Count `weight` samples on `stack` in `tier`.
    pub fn add(&mut self, stack: &[(u32, u32)], tier: Tier, weight: u64) {
        let h = hash_of(&self.hasher, stack, tier);
        let frames = &self.frames;
        let same = |e: &Entry| e.tier == tier && &frames[e.start..e.start + e.len] == stack;
        if let Some(e) = self.entries.find_mut(h, same) {
            e.count += weight;
            return;
        }
        let e = Entry {
            start: self.frames.len(),
            len: stack.len(),
            tier,
            count: weight,
        };
        self.frames.extend_from_slice(stack);
        let (frames, hasher) = (&self.frames, &self.hasher);
        self.entries.insert_unique(h, e, |e| {
            hash_of(hasher, &frames[e.start..e.start + e.len], e.tier)
        });
    }

    /// Every stack with its tier and sample count.
    pub fn iter(&self) -> impl Iterator<Item = (&[(u32, u32)], Tier, u64)> + '_ {
        self.entries
            .iter()
            .map(|e| (&self.frames[e.start..e.start + e.len], e.tier, e.count))
    }
}

fn hash_of(b: &rustc_hash::FxBuildHasher, stack: &[(u32, u32)], tier: Tier) -> u64 {
    let mut h = b.build_hasher();
    stack.hash(&mut h);
    tier.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::StackTable;
    use profile::Tier;

    /// Samples count per (stack, tier): the same frames in two tiers stay
    /// two stacks, a stack given again adds its weight, and a stack that
    /// extends another is a stack of its own.
    #[test]
    fn samples_count_per_stack_and_tier() {
        let mut t = StackTable::default();
        let mut buf = vec![(0, 1), (2, 3)];
        t.add(&buf, Tier::Jit, 2);
        t.add(&buf, Tier::Interpreter, 1);
        t.add(&buf, Tier::Jit, 5);
        buf.push((4, 5));
        t.add(&buf, Tier::Jit, 1);
        t.add(&[], Tier::Runtime, 3);
        let mut got: Vec<(Vec<(u32, u32)>, Tier, u64)> =
            t.iter().map(|(s, tier, n)| (s.to_vec(), tier, n)).collect();
        got.sort();
        assert_eq!(
            got,
            vec![
                (vec![], Tier::Runtime, 3),
                (vec![(0, 1), (2, 3)], Tier::Interpreter, 1),
                (vec![(0, 1), (2, 3)], Tier::Jit, 7),
                (vec![(0, 1), (2, 3), (4, 5)], Tier::Jit, 1),
            ]
        );
    }
}
