//! Which bytecode instruction an offset in compiled code belongs to, for
//! the sampler, which looks up several addresses (the interrupted one and
//! the return addresses into compiled code) in every sample: the
//! instructions' offsets sorted once when the code is made, then a binary
//! search, where a pass over every instruction's offset per lookup was
//! most of a sample's cost in code with many instructions.

/// The instructions of one compiled code by code offset.
pub struct PcIndex {
    /// (offset, pc) of each instruction that has code, by offset, then pc.
    by_offset: Box<[(u32, u32)]>,
    /// The greatest instruction start (0: none).
    hot_end: u32,
}

impl PcIndex {
    /// From each instruction's code offset (`u32::MAX`: no code).
    pub fn new(pc_offsets: &[u32]) -> PcIndex {
        let mut by_offset: Vec<(u32, u32)> = pc_offsets
            .iter()
            .enumerate()
            .filter(|&(_, &o)| o != u32::MAX)
            .map(|(pc, &o)| (o, pc as u32))
            .collect();
        by_offset.sort_unstable();
        let hot_end = by_offset.last().map_or(0, |&(o, _)| o);
        PcIndex {
            by_offset: by_offset.into_boxed_slice(),
            hot_end,
        }
    }

    /// The instruction at code offset `off`: None past the hot code (more
    /// than 64 bytes past the last instruction's start: the cold stubs),
    /// else the last instruction starting at or before `off` (the latest pc
    /// of those starting at the same offset; pc 0 when none does).
    pub fn position(&self, off: u32) -> Option<usize> {
        if off > self.hot_end.saturating_add(64) {
            return None;
        }
        let after = self.by_offset.partition_point(|&(o, _)| o <= off);
        Some(
            after
                .checked_sub(1)
                .map_or(0, |i| self.by_offset[i].1 as usize),
        )
    }

    /// Whether code offset `off` lies before the first instruction's code:
    /// in the entry stubs, which every activation entered through (the
    /// interpreter's entry calls into its own body there), and which are
    /// no instruction's.
    pub fn in_entry_stubs(&self, off: u32) -> bool {
        self.by_offset.first().is_some_and(|&(o, _)| off < o)
    }
}

#[cfg(test)]
mod tests {
    use super::PcIndex;

    /// The definition: a pass over the offsets.
    fn reference(offsets: &[u32], off: u32) -> Option<usize> {
        let hot_end = offsets
            .iter()
            .copied()
            .filter(|&o| o != u32::MAX)
            .max()
            .unwrap_or(0);
        if off > hot_end + 64 {
            return None;
        }
        Some(
            offsets
                .iter()
                .enumerate()
                .filter(|(_, &o)| o != u32::MAX && o <= off)
                .max_by_key(|&(pc, &o)| (o, pc))
                .map(|(pc, _)| pc)
                .unwrap_or(0),
        )
    }

    #[test]
    fn binary_search_finds_what_a_pass_finds() {
        // Offsets as the JIT lays them out (increasing, equal for
        // instructions that emit nothing, MAX for unreached ones), and
        // shuffled ones, at every offset around them.
        let mut seed = 12345u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for case in 0..300 {
            let len = next(12) as usize;
            let mut at = next(4) as u32;
            let mut offsets: Vec<u32> = (0..len)
                .map(|_| {
                    at += next(3) as u32 * next(9) as u32;
                    if next(5) == 0 {
                        u32::MAX
                    } else {
                        at
                    }
                })
                .collect();
            if case % 3 == 0 {
                offsets.reverse();
            }
            let index = PcIndex::new(&offsets);
            for off in 0..at + 80 {
                assert_eq!(
                    index.position(off),
                    reference(&offsets, off),
                    "{offsets:?} at {off}"
                );
            }
        }
    }
}
