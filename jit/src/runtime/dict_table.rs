//! The insertion-ordered hash table behind `dict`, class dicts and instance
//! attributes (CPython's compact-dict layout: an entries array in insertion order
//! plus a sparse index table).
//!
//! CONTRACT (the rest of the runtime relies on exactly this API):
//! - hashes are CPython-compatible i64s computed by the caller (runtime::hash);
//! - `eq(stored_key, probe_key)` is only called for entries whose hash equals the
//!   probe's and whose key is not identical (`Value::is`) to the probe;
//! - an error from `eq` aborts the operation and is returned unchanged;
//! - insert of an existing key replaces the value but keeps the stored key;
//! - positions (`next_entry`) are stable until the table is resized/compacted, and
//!   iteration order is insertion order.
//!
//! Why this layout: iteration order must be insertion order (a language
//! guarantee), and the dense entries array gives that for free while keeping
//! iteration cache-friendly. The index table is a power of two of u32 slots
//! (4 bytes each instead of a 40-byte entry), probed with CPython's perturbation
//! recurrence, which spreads clustered hashes such as consecutive ints; at most
//! two thirds of it is ever in use, so probes stay short. Lookups allocate
//! nothing and compare keys by identity before calling `eq`.
//!
//! Deleting an entry leaves a tombstone in the entries array (so positions held
//! by iterators stay valid) and a DUMMY in the index table (so probe chains
//! through it stay intact). Both are dropped when the table is rebuilt, which
//! happens only on insertion when the index table is two thirds full.
use crate::runtime::value::Value;

/// Index slot never used: ends a probe sequence.
const EMPTY: u32 = u32::MAX;
/// Index slot whose entry was deleted: probing continues past it.
const DUMMY: u32 = u32::MAX - 1;
/// Smallest index table (CPython's PyDict_MINSIZE).
const MINSIZE: usize = 8;
/// dictobject.c's PERTURB_SHIFT.
const PERTURB_SHIFT: u32 = 5;
/// Largest index table: entry numbers must stay below DUMMY. A table this big
/// holds 2**32 * 2/3 entries of 40 bytes (over 100 GiB), so reaching it is an
/// out-of-memory condition, handled like any failed allocation.
const MAX_SIZE: usize = 1 << 32;

/// Entries usable in an index table of `size` slots (CPython's USABLE_FRACTION).
#[inline]
fn usable(size: usize) -> usize {
    (size << 1) / 3
}

/// Index table size for `n` entries: a power of two >= 8 with `usable >= n`.
fn size_for(n: usize) -> usize {
    // CPython's estimate_log2_keysize: (n*3 + 1) / 2 rounded up to a power of 2.
    (n.saturating_mul(3).saturating_add(1) / 2)
        .max(MINSIZE)
        .next_power_of_two()
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    hash: i64,
    /// None for a deleted entry (a tombstone).
    key: Option<Value>,
    value: Value,
}

/// Where compiled code finds an entry of a table (`jit/layout.rs`, for
/// inline attribute access): the offset of the entries `Vec` in the table,
/// an entry's size, and the offsets of its key (an `Option<Value>`) and its
/// value in the entry.
pub const ENTRY_LAYOUT: (usize, usize, usize, usize) = (
    std::mem::offset_of!(DictTable, entries),
    std::mem::size_of::<Entry>(),
    std::mem::offset_of!(Entry, key),
    std::mem::offset_of!(Entry, value),
);

/// Dict storage (see the module comment).
#[derive(Default, Clone)]
pub struct DictTable {
    /// Entry numbers (or EMPTY/DUMMY); empty (no allocation) until the first
    /// insert, then a power of two >= 8.
    indices: Box<[u32]>,
    /// Live entries and tombstones, in insertion order.
    entries: Vec<Entry>,
    /// Live entries.
    used: usize,
    /// Index slots that are not EMPTY (live + DUMMY): what limits probe lengths.
    filled: usize,
}

/// Where a probe for a key ended.
enum Probe {
    /// The key is present at this entry number.
    Found(usize),
    /// The key is absent; the slot a new entry should take (the first DUMMY on
    /// the probe path, else the EMPTY slot that ended it) and whether it is EMPTY.
    Absent { slot: usize, was_empty: bool },
}

impl DictTable {
    /// An empty table (allocates nothing until the first insert).
    pub fn new() -> Self {
        DictTable::default()
    }

    /// An empty table with room for `n` entries before it must grow.
    pub fn with_capacity(n: usize) -> Self {
        if n == 0 {
            return DictTable::default();
        }
        let size = size_for(n);
        let mut t = DictTable::default();
        t.allocate(size);
        t
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry slots allocated (for memory accounting).
    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }

    /// Replace the storage with empty index and entry arrays for `size` slots.
    fn allocate(&mut self, size: usize) {
        if size > MAX_SIZE {
            // Cannot be reached with real memory (see MAX_SIZE); treat it as the
            // allocation failure it stands for rather than corrupting indices.
            std::alloc::handle_alloc_error(std::alloc::Layout::new::<[u32; 16]>());
        }
        self.indices = vec![EMPTY; size].into_boxed_slice();
        self.entries = Vec::with_capacity(usable(size));
        self.filled = 0;
    }

    /// The entry number of the live entry whose key equals `key`, and its slot.
    #[inline]
    fn find<E>(
        &self,
        hash: i64,
        key: &Value,
        eq: &mut impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Option<(usize, usize)>, E> {
        // Also covers the unallocated table (no index slots to probe).
        if self.used == 0 {
            return Ok(None);
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(None);
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    if let Some(k) = &e.key {
                        if k.is(key) || eq(k, key)? {
                            return Ok(Some((i, ix as usize)));
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// Like `find`, but when the key is absent also says where it would go.
    /// Requires an allocated index table.
    #[inline]
    fn probe<E>(
        &self,
        hash: i64,
        key: &Value,
        eq: &mut impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Probe, E> {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free: Option<usize> = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(match free {
                    Some(slot) => Probe::Absent {
                        slot,
                        was_empty: false,
                    },
                    None => Probe::Absent {
                        slot: i,
                        was_empty: true,
                    },
                });
            }
            if ix == DUMMY {
                if free.is_none() {
                    free = Some(i);
                }
            } else {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    if let Some(k) = &e.key {
                        if k.is(key) || eq(k, key)? {
                            return Ok(Probe::Found(ix as usize));
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// The first EMPTY slot on `hash`'s probe path (for tables without DUMMYs
    /// on it, or where reusing a DUMMY does not matter).
    #[inline]
    fn empty_slot(indices: &[u32], hash: i64) -> usize {
        let mask = indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while indices[i] != EMPTY {
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        i
    }

    /// The value stored under `key`, if any.
    #[inline]
    pub fn get<E>(
        &self,
        hash: i64,
        key: &Value,
        mut eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Option<Value>, E> {
        Ok(self
            .find(hash, key, &mut eq)?
            .map(|(_, ix)| self.entries[ix].value))
    }

    /// Fast path for str keys (attribute names): compares by content, no callback.
    ///
    /// `hash` must be `hash_str(key)`. Only `Value::Str` keys can match: a str is
    /// never equal to a key of another type, and attribute dicts hold only strs.
    #[inline]
    pub fn get_str(&self, hash: i64, key: &str) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    if let Some(Value::Str(s)) = &e.key {
                        let stored = s.as_str();
                        // Interned names usually share their text: skip the memcmp.
                        if stored.len() == key.len()
                            && (std::ptr::eq(stored.as_ptr(), key.as_ptr()) || stored == key)
                        {
                            return Some(e.value);
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// The entry number of the str key `key` (for inline caches' hints).
    pub fn str_entry_index(&self, hash: i64, key: &str) -> Option<usize> {
        if self.used == 0 {
            return None;
        }
        self.entries.iter().position(|e| {
            e.hash == hash && matches!(&e.key, Some(Value::Str(s)) if s.as_str() == key)
        })
    }

    /// The value of entry `ix` if its key is the str object at `key_addr`
    /// (an inline cache's hint: one compare instead of a probe).
    #[inline(always)]
    pub fn value_at_if_key(&self, ix: usize, key_addr: usize) -> Option<Value> {
        match self.entries.get(ix) {
            Some(Entry {
                key: Some(Value::Str(s)),
                value,
                ..
            }) if s.addr() == key_addr => Some(*value),
            _ => None,
        }
    }

    /// Replace the value of entry `ix` if its key is the str object at
    /// `key_addr`; false if the hint does not hold.
    #[inline(always)]
    pub fn set_at_if_key(&mut self, ix: usize, key_addr: usize, v: Value) -> bool {
        match self.entries.get_mut(ix) {
            Some(Entry {
                key: Some(Value::Str(s)),
                value,
                ..
            }) if s.addr() == key_addr => {
                *value = v;
                true
            }
            _ => false,
        }
    }

    /// Returns the previous value when the key was present.
    pub fn insert<E>(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        mut eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Option<Value>, E> {
        if self.indices.is_empty() {
            self.allocate(MINSIZE);
        }
        let (slot, was_empty) = match self.probe(hash, &key, &mut eq)? {
            Probe::Found(ix) => {
                let e = &mut self.entries[ix];
                return Ok(Some(std::mem::replace(&mut e.value, value)));
            }
            Probe::Absent { slot, was_empty } => (slot, was_empty),
        };
        let limit = usable(self.indices.len());
        let slot = if self.entries.len() >= limit || (was_empty && self.filled >= limit) {
            // Full: rebuild (dropping tombstones) at three times the live count,
            // CPython's GROWTH_RATE, then take a fresh slot.
            self.resize(size_for_growth(self.used));
            self.filled += 1;
            Self::empty_slot(&self.indices, hash)
        } else {
            if was_empty {
                self.filled += 1;
            }
            slot
        };
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Entry {
            hash,
            key: Some(key),
            value,
        });
        self.used += 1;
        Ok(None)
    }

    /// Rebuild with an index table of `size` slots, compacting the entries.
    fn resize(&mut self, size: usize) {
        let old = std::mem::take(&mut self.entries);
        self.allocate(size);
        for e in old.into_iter().filter(|e| e.key.is_some()) {
            let slot = Self::empty_slot(&self.indices, e.hash);
            self.indices[slot] = self.entries.len() as u32;
            self.entries.push(e);
        }
        self.filled = self.entries.len();
    }

    /// Removes the key; returns the stored key and its value.
    pub fn remove<E>(
        &mut self,
        hash: i64,
        key: &Value,
        mut eq: impl FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Option<(Value, Value)>, E> {
        let Some((slot, ix)) = self.find(hash, key, &mut eq)? else {
            return Ok(None);
        };
        self.indices[slot] = DUMMY;
        Ok(self.kill(ix))
    }

    /// Turn live entry `ix` into a tombstone (its index slot is already DUMMY).
    fn kill(&mut self, ix: usize) -> Option<(Value, Value)> {
        let e = self.entries.get_mut(ix)?;
        let k = e.key.take()?;
        let v = std::mem::replace(&mut e.value, Value::None);
        self.used -= 1;
        Some((k, v))
    }

    /// The first live entry at position >= pos: (position after it, key, value).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let rest = self.entries.get(pos..)?;
        rest.iter()
            .enumerate()
            .find_map(|(j, e)| e.key.map(|k| (pos + j + 1, k, e.value)))
    }

    /// Replace the value of the live entry at a position returned by next_entry.
    ///
    /// `pos` is the first element of the tuple `next_entry` returned for that
    /// entry (the position just after it). A position that does not name a
    /// live entry (0, out of range, deleted since) is ignored.
    pub fn set_value_at(&mut self, pos: usize, value: Value) {
        if let Some(e) = pos.checked_sub(1).and_then(|ix| self.entries.get_mut(ix)) {
            if e.key.is_some() {
                e.value = value;
            }
        }
    }

    /// Remove and return the most recently inserted entry (dict.popitem).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        // Like CPython's dict_popitem_impl: drop trailing tombstones, then the
        // last live entry, so the entries array shrinks. Its index slot becomes
        // a DUMMY (still counted in `filled`).
        while matches!(self.entries.last(), Some(e) if e.key.is_none()) {
            self.entries.pop();
        }
        let ix = self.entries.len().checked_sub(1)?;
        let hash = self.entries[ix].hash;
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        // The live entry is reachable from its hash's probe path; stop at EMPTY
        // anyway so a broken invariant cannot loop forever.
        loop {
            let slot = self.indices[i];
            if slot as usize == ix {
                self.indices[i] = DUMMY;
                break;
            }
            if slot == EMPTY {
                debug_assert!(false, "dict entry missing from its probe path");
                break;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        let kv = self.kill(ix);
        self.entries.pop();
        kv
    }

    /// Remove everything and release the storage (dict.clear()).
    pub fn clear(&mut self) {
        *self = DictTable::default();
    }

    /// Live (key, value) pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries
            .iter()
            .filter_map(|e| e.key.map(|k| (k, e.value)))
    }

    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = Value> + '_ {
        self.iter().map(|(_, v)| v)
    }
}

/// Index table size when growing a table holding `used` live entries: CPython's
/// GROWTH_RATE (used*3) rounded up to a power of two >= 8.
#[inline]
fn size_for_growth(used: usize) -> usize {
    used.saturating_mul(3).max(MINSIZE).next_power_of_two()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::hash::{hash_i64, hash_str};
    use crate::runtime::heap::Heap;
    use crate::runtime::object::StrObj;

    fn eq(a: &Value, b: &Value) -> Result<bool, ()> {
        Ok(matches!((a, b), (Value::Int(x), Value::Int(y)) if x == y))
    }

    fn int(v: &Value) -> i64 {
        match v {
            Value::Int(n) => *n,
            _ => panic!("not an int"),
        }
    }

    fn put(d: &mut DictTable, k: i64, v: i64) -> Option<i64> {
        d.insert(hash_i64(k), Value::Int(k), Value::Int(v), eq)
            .unwrap()
            .map(|v| int(&v))
    }

    fn get(d: &DictTable, k: i64) -> Option<i64> {
        d.get(hash_i64(k), &Value::Int(k), eq)
            .unwrap()
            .map(|v| int(&v))
    }

    fn del(d: &mut DictTable, k: i64) -> Option<(i64, i64)> {
        d.remove(hash_i64(k), &Value::Int(k), eq)
            .unwrap()
            .map(|(k, v)| (int(&k), int(&v)))
    }

    fn items(d: &DictTable) -> Vec<(i64, i64)> {
        d.iter().map(|(k, v)| (int(&k), int(&v))).collect()
    }

    #[test]
    fn insert_get_replace() {
        let mut d = DictTable::new();
        assert_eq!(d.capacity(), 0);
        assert_eq!(get(&d, 1), None);
        assert_eq!(put(&mut d, 1, 10), None);
        assert_eq!(put(&mut d, -1, 20), None);
        assert_eq!(put(&mut d, -2, 30), None); // same hash as -1
        assert_eq!(put(&mut d, 1, 11), Some(10));
        assert_eq!(get(&d, 1), Some(11));
        assert_eq!(get(&d, -1), Some(20));
        assert_eq!(get(&d, -2), Some(30));
        assert_eq!(get(&d, 2), None);
        assert_eq!(items(&d), [(1, 11), (-1, 20), (-2, 30)]);
        assert_eq!(d.len(), 3);
    }

    #[test]
    fn order_survives_growth_and_deletes() {
        let mut d = DictTable::new();
        // Keys that collide in small tables (multiples of 8 and 1024).
        let keys: Vec<i64> = (0..2000).map(|i| (i * 1024) ^ (i % 7)).collect();
        for (n, &k) in keys.iter().enumerate() {
            put(&mut d, k, n as i64);
        }
        assert_eq!(d.len(), 2000);
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(get(&d, k), Some(n as i64));
        }
        for &k in keys.iter().step_by(2) {
            assert!(del(&mut d, k).is_some());
        }
        assert_eq!(del(&mut d, keys[0]), None);
        // Re-inserting a deleted key appends it at the end.
        put(&mut d, keys[0], -1);
        let got = items(&d);
        assert_eq!(got.len(), 1001);
        assert_eq!(got[0], (keys[1], 1));
        assert_eq!(got[999], (keys[1999], 1999));
        assert_eq!(got[1000], (keys[0], -1));
        for &k in keys.iter().skip(1).step_by(2) {
            assert!(get(&d, k).is_some());
        }
    }

    #[test]
    fn churn_stays_bounded() {
        // A dict used as a queue: tombstones are compacted away on growth.
        let mut d = DictTable::new();
        for i in 0..100_000i64 {
            put(&mut d, i, i);
            if i >= 10 {
                assert_eq!(del(&mut d, i - 10), Some((i - 10, i - 10)));
            }
        }
        assert_eq!(d.len(), 10);
        assert!(d.capacity() <= 64, "capacity {}", d.capacity());
        assert_eq!(items(&d).first(), Some(&(99_990, 99_990)));
    }

    #[test]
    fn popitem_cycles() {
        let mut d = DictTable::new();
        for i in 0..5 {
            put(&mut d, i, i);
        }
        del(&mut d, 4);
        assert_eq!(d.pop_last().map(|(k, v)| (int(&k), int(&v))), Some((3, 3)));
        // Insert/popitem forever must not fill the index table with DUMMYs.
        for i in 100..10_000 {
            put(&mut d, i, i);
            assert_eq!(d.pop_last().map(|(k, _)| int(&k)), Some(i));
            assert_eq!(get(&d, 12345), None);
        }
        assert_eq!(items(&d), [(0, 0), (1, 1), (2, 2)]);
        while d.pop_last().is_some() {}
        assert!(d.is_empty());
        assert!(d.pop_last().is_none());
        put(&mut d, 7, 7);
        assert_eq!(items(&d), [(7, 7)]);
    }

    #[test]
    fn positions() {
        let mut d = DictTable::with_capacity(100);
        let cap = d.capacity();
        assert!(cap >= 100);
        for i in 0..6 {
            put(&mut d, i, i);
        }
        del(&mut d, 2);
        let mut pos = 0;
        let mut seen = Vec::new();
        while let Some((next, k, v)) = d.next_entry(pos) {
            seen.push((int(&k), int(&v)));
            d.set_value_at(next, Value::Int(int(&v) * 10));
            pos = next;
        }
        assert_eq!(seen, [(0, 0), (1, 1), (3, 3), (4, 4), (5, 5)]);
        assert_eq!(items(&d), [(0, 0), (1, 10), (3, 30), (4, 40), (5, 50)]);
        // Bad positions are ignored.
        d.set_value_at(0, Value::Int(-1));
        d.set_value_at(3, Value::Int(-1)); // the deleted entry
        d.set_value_at(1000, Value::Int(-1));
        assert_eq!(items(&d), [(0, 0), (1, 10), (3, 30), (4, 40), (5, 50)]);
        assert!(d.next_entry(1000).is_none());
        assert_eq!(d.capacity(), cap);
        assert_eq!(d.keys().count(), 5);
        assert_eq!(d.values().map(|v| int(&v)).sum::<i64>(), 130);
        d.clear();
        assert!(d.is_empty());
        assert!(d.next_entry(0).is_none());
    }

    #[test]
    fn eq_contract() {
        let mut d = DictTable::new();
        put(&mut d, 5, 1);
        // An identical key never reaches eq; a differing hash never reaches eq.
        let never = |_: &Value, _: &Value| -> Result<bool, &str> { Err("called") };
        assert_eq!(
            d.get(hash_i64(5), &Value::Int(5), never)
                .unwrap()
                .map(|v| int(&v)),
            Some(1)
        );
        assert_eq!(
            d.get(hash_i64(6), &Value::Int(6), never)
                .unwrap()
                .map(|v| int(&v)),
            None
        );
        // An error from eq is returned unchanged and changes nothing.
        let fail = |_: &Value, _: &Value| -> Result<bool, &str> { Err("boom") };
        let probe = Value::Bool(true); // not identical to Int(5)
        assert_eq!(d.get(5, &probe, fail).err(), Some("boom"));
        assert_eq!(d.insert(5, probe, Value::Int(9), fail).err(), Some("boom"));
        assert_eq!(d.remove(5, &probe, fail).err(), Some("boom"));
        assert_eq!(items(&d), [(5, 1)]);
        // A key equal by eq keeps the stored key and replaces the value.
        let yes = |_: &Value, _: &Value| -> Result<bool, ()> { Ok(true) };
        let old = d.insert(5, Value::Bool(true), Value::Int(2), yes).unwrap();
        assert_eq!(old.map(|v| int(&v)), Some(1));
        assert_eq!(items(&d), [(5, 2)]);
    }

    #[test]
    fn str_keys() {
        let mut heap = Heap::new();
        let names = ["x", "y", "__init__", "some_longer_attribute_name", "é"];
        let mut d = DictTable::new();
        let mut keys = Vec::new();
        for (i, n) in names.iter().enumerate() {
            let k = Value::Str(heap.alloc(StrObj::new(*n)));
            keys.push(k);
            // The callback compares strs by content, as the runtime's eq would.
            let str_eq =
                |a: &Value, b: &Value| -> Result<bool, ()> { Ok(a.as_str() == b.as_str()) };
            d.insert(hash_str(n), k, Value::Int(i as i64), str_eq)
                .unwrap();
        }
        for (i, n) in names.iter().enumerate() {
            // A different string object with the same text.
            let text = n.to_string();
            assert_eq!(
                d.get_str(hash_str(&text), &text).map(|v| int(&v)),
                Some(i as i64)
            );
            // The stored key's own text (pointer-equal fast path).
            let own = keys[i].as_str().unwrap();
            assert_eq!(
                d.get_str(hash_str(own), own).map(|v| int(&v)),
                Some(i as i64)
            );
        }
        assert!(d.get_str(hash_str("z"), "z").is_none());
        // Same hash, different text: no match.
        assert!(d.get_str(hash_str("x"), "y").is_none());
        // Non-str keys never match get_str, even with the same hash and first
        // on the probe path.
        let mut e = DictTable::new();
        e.insert(hash_str("x"), Value::Int(7), Value::Int(99), eq)
            .unwrap();
        assert!(e.get_str(hash_str("x"), "x").is_none());
        e.insert(hash_str("x"), keys[0], Value::Int(1), eq).unwrap();
        assert_eq!(e.get_str(hash_str("x"), "x").map(|v| int(&v)), Some(1));
        assert!(DictTable::new().get_str(hash_str("x"), "x").is_none());
    }
}
