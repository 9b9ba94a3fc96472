//! What the recorder adds to the JIT's per-site exit counters: for each bail
//! site and reason, the operand types found, the stack of the first bail, and
//! the time the bails cost.

use rustc_hash::FxHashMap;

#[derive(Default)]
pub struct BailRec {
    /// Observed operand types (joined, e.g. `int + float`) with counts, by
    /// the operands' type keys (see `Vm::type_key`; two keys can share a
    /// name, such as a small and a big int).
    pub observed: Vec<([u64; 2], String, u64)>,
    /// (function, line) frames of the first bail, outermost first.
    pub first_stack: Vec<(u32, u32)>,
    /// Ticks spent handling these bails in the interpreter.
    pub cost_ticks: u64,
    pub count: u64,
}

/// Bails by (code address, pc, reason code).
#[derive(Default)]
pub struct BailLog {
    pub sites: FxHashMap<(usize, u32, u32), BailRec>,
}

impl BailRec {
    /// Whether the operand type keys `keys` were seen here (so their text
    /// need not be built again).
    pub fn knows(&self, keys: [u64; 2]) -> bool {
        self.observed.iter().any(|(k, _, _)| *k == keys)
    }
}

impl BailLog {
    /// Count a bail at `key` whose operands had the type keys `keys`;
    /// `text` describes them (only read when the keys are new here).
    pub fn observe(
        &mut self,
        key: (usize, u32, u32),
        keys: [u64; 2],
        text: String,
        stack: impl FnOnce() -> Vec<(u32, u32)>,
    ) -> &mut BailRec {
        let r = self.sites.entry(key).or_default();
        if r.count == 0 {
            r.first_stack = stack();
        }
        r.count += 1;
        if let Some((_, _, n)) = r.observed.iter_mut().find(|(k, _, _)| *k == keys) {
            *n += 1;
        } else if r.observed.len() < 8 {
            // Bounded, like the type profile: past eight shapes, the rest
            // still count in `count` but are not listed.
            r.observed.push((keys, text, 1));
        }
        r
    }
}
