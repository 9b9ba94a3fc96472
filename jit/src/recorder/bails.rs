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

/// Bails by (code address, pc, reason code). Each site's record is boxed,
/// so a bail in progress keeps a pointer to it (`Vm::rec_bail_done`, after
/// the interpreter ran the instruction, which may bail elsewhere and add
/// sites) and a site that keeps bailing is found again without hashing
/// (`last`).
#[derive(Default)]
pub struct BailLog {
    pub sites: FxHashMap<(usize, u32, u32), Box<BailRec>>,
    /// The site of the last bail counted.
    last: Option<((usize, u32, u32), *mut BailRec)>,
    /// A bail that left compiled code for the interpreter (a `RegType`
    /// exit), whose cost runs until compiled code runs its frame again
    /// (`Vm::rec_charge_left`).
    pub left: Option<LeftBail>,
}

/// A bail whose frame the interpreter runs since `t0` (ticks): the frame
/// at `depth` (the VM's frame count with it on top), told by its register
/// base and code, and the site's record to charge.
#[derive(Clone, Copy)]
pub struct LeftBail {
    pub site: *mut BailRec,
    pub t0: u64,
    pub depth: usize,
    pub base: usize,
    pub code: usize,
}

impl BailRec {
    /// Whether the operand type keys `keys` were seen here (so their text
    /// need not be built again).
    pub fn knows(&self, keys: [u64; 2]) -> bool {
        self.observed.iter().any(|(k, _, _)| *k == keys)
    }
}

impl BailLog {
    /// Count a bail at `key` whose operands had the type keys `keys`, when
    /// the site has seen those keys before and lists them (the common case
    /// of a site that keeps bailing: one lookup, no text, no stack); false,
    /// counting nothing, otherwise: then `observe` it.
    /// Returns the site's record (boxed: it stays where it is while the
    /// log lives), None when it counted nothing.
    pub fn count_known(&mut self, key: (usize, u32, u32), keys: [u64; 2]) -> Option<*mut BailRec> {
        let r: *mut BailRec = match self.last {
            Some((k, r)) if k == key => r,
            _ => {
                let r: *mut BailRec = &mut **self.sites.get_mut(&key)?;
                self.last = Some((key, r));
                r
            }
        };
        // SAFETY: `last` points into a box of `sites`, which is never
        // removed from it; no other reference to it is held here.
        let rec = unsafe { &mut *r };
        let (_, _, n) = rec.observed.iter_mut().find(|(k, _, _)| *k == keys)?;
        *n += 1;
        rec.count += 1;
        Some(r)
    }

    /// Count a bail at `key` whose operands had the type keys `keys`;
    /// `text` describes them (only read when the keys are new here).
    pub fn observe(
        &mut self,
        key: (usize, u32, u32),
        keys: [u64; 2],
        text: String,
        stack: impl FnOnce() -> Vec<(u32, u32)>,
    ) -> *mut BailRec {
        let r: &mut BailRec = self.sites.entry(key).or_default();
        self.last = Some((key, r));
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

    /// Charge `ticks` to the site whose record `site` is (from
    /// `count_known` or `observe` of this log).
    pub fn charge(&mut self, site: *mut BailRec, ticks: u64) {
        // SAFETY: as in `count_known`: a record of `sites`, boxed, kept.
        unsafe { (*site).cost_ticks += ticks };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_keys_count_as_observe_counts_them() {
        let (site, a, b) = ((1, 2, 3), [10, 20], [10, 30]);
        let mut quick = BailLog::default();
        let mut slow = BailLog::default();
        // New site, new keys, keys seen, a ninth shape past the list.
        let seq: Vec<[u64; 2]> = [a, a, b, a]
            .into_iter()
            .chain((0..8).map(|i| [i, i]))
            .chain([[99, 99], [99, 99], b])
            .collect();
        for keys in seq {
            if quick.count_known(site, keys).is_none() {
                quick.observe(site, keys, format!("{keys:?}"), || vec![(1, 1)]);
            }
            slow.observe(site, keys, format!("{keys:?}"), || vec![(1, 1)]);
        }
        let (q, s) = (&quick.sites[&site], &slow.sites[&site]);
        assert_eq!(q.count, s.count);
        assert_eq!(q.observed, s.observed);
        assert_eq!(q.first_stack, s.first_stack);
        assert_eq!(q.observed.len(), 8);
        assert_eq!(q.count, 15);
    }

    #[test]
    fn sites_taking_turns_keep_their_own_counts_and_costs() {
        // The last site is remembered; another site's bail, and sites made
        // after a record was handed out (the map grows), change nothing.
        let mut log = BailLog::default();
        let keys = [1, 2];
        let first = log.observe((1, 0, 0), keys, String::new(), Vec::new);
        for i in 0..100u32 {
            let site = (1 + (i % 2) as usize, i % 2, 0);
            let r = match log.count_known(site, keys) {
                Some(r) => r,
                None => log.observe(site, keys, String::new(), Vec::new),
            };
            log.charge(r, 10);
            log.observe((100 + i as usize, 0, 0), keys, String::new(), Vec::new);
        }
        log.charge(first, 1);
        let a = &log.sites[&(1, 0, 0)];
        let b = &log.sites[&(2, 1, 0)];
        assert_eq!((a.count, a.cost_ticks), (51, 501));
        assert_eq!((b.count, b.cost_ticks), (50, 500));
        assert_eq!(log.sites.len(), 102);
    }
}
