//! Where compiled code finds the fields of lists, tuples, range, list and
//! enumerate iterators, module globals, and instances' attributes.
//!
//! These objects are ordinary Rust types (`RefCell<Vec<Value>>`,
//! `Box<[Value]>`), whose field order Rust does not promise. Rather than
//! giving them hand-written layouts, the offsets are measured once, on sample
//! values, the first time the JIT compiles anything: the address of the value
//! inside a `RefCell`, the word of a `Vec` that holds its length, and so on.
//! Every measurement is checked (a borrow must show in the word taken for the
//! borrow flag, the length word must hold the length), and a layout that
//! cannot be measured unambiguously panics at the first compile rather than
//! letting compiled code read the wrong word.
//!
//! What is fixed by declaration is used as such: `GcBox` is `repr(C)` (the
//! payload at `Gc::PAYLOAD_OFFSET`), `IterState` is `repr(u64)` (a u64
//! discriminant, then each variant's fields in order, `repr(C)`), and the
//! struct fields of `ListObj`, `TupleObj` and `IterObj` come from
//! `offset_of!`.

use std::cell::RefCell;
use std::mem::{offset_of, size_of};
use std::sync::LazyLock;

use crate::runtime::heap::Gc;
use crate::runtime::object::{IterObj, IterState, ListObj, TupleObj};
use crate::runtime::value::Value;

/// Byte offsets from a heap object's address (a `Value`'s payload word), and
/// the discriminants compiled code compares with.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// `ListObj.items`: the `RefCell`'s borrow flag (0: free, > 0: shared
    /// borrows, < 0: borrowed mutably), the `Vec`'s buffer and length.
    pub list_flag: i32,
    pub list_ptr: i32,
    pub list_len: i32,
    /// The `Vec`'s capacity (`jit/gen_list_methods.rs` appends in place).
    pub list_cap: i32,
    /// `TupleObj.items`: the boxed slice's pointer and length.
    pub tuple_ptr: i32,
    pub tuple_len: i32,
    /// `IterObj.state`: the `RefCell`'s borrow flag and the state's
    /// discriminant word.
    pub iter_flag: i32,
    pub iter_disc: i32,
    /// `IterState::Range { next, stop, step }`.
    pub range_disc: u64,
    pub range_next: i32,
    pub range_stop: i32,
    pub range_step: i32,
    /// `IterState::Seq { seq, index }`: the sequence's tag and payload words,
    /// and the index.
    pub seq_disc: u64,
    pub seq_tag: i32,
    pub seq_pay: i32,
    pub seq_index: i32,
    /// `IterState::Enumerate { inner, count }`: the inner iterator's and the
    /// count's tag and payload words.
    pub enum_disc: u64,
    pub enum_inner_tag: i32,
    pub enum_inner_pay: i32,
    pub enum_count_tag: i32,
    pub enum_count_pay: i32,
    /// A `RefCell<Vec<Value>>` seen from the `Vec` (module globals, whose
    /// `Vec` address compiled code embeds): the borrow flag (may be
    /// negative), the buffer and the length.
    pub vec_flag: i32,
    pub vec_ptr: i32,
    pub vec_len: i32,
    /// Attribute access on instances (`codegen/gen_attr.rs`).
    pub attr: AttrLayout,
}

/// Byte offsets for attribute access on instances: from an instance's
/// address, its class, its `__dict__` object (0 until made) and its own
/// attribute table (`InstanceObj::attrs`: the `RefCell`'s borrow flag, the
/// entries' buffer and length); in an entry, the key's tag and payload
/// words and the value; from a class's address, the fields inline caches
/// check; in an `AttrCache`, its fields.
#[derive(Debug, Clone, Copy)]
pub struct AttrLayout {
    pub inst_class: i32,
    pub inst_dict: i32,
    pub inst_flag: i32,
    pub inst_entries_ptr: i32,
    pub inst_entries_len: i32,
    pub entry_size: i32,
    pub entry_key_tag: i32,
    pub entry_key_pay: i32,
    pub entry_value: i32,
    /// `TypeObj::plain_attrs` and `TypeObj::shadowed` (bools, one byte
    /// each), `TypeObj::version` (a u32).
    pub type_plain_attrs: i32,
    pub type_shadowed: i32,
    pub type_version: i32,
    /// `AttrCache`: `class` (a word), `version` (u32), `kind` (u8) and
    /// `value` (a `Value`).
    pub cache_class: i32,
    pub cache_version: i32,
    pub cache_kind: i32,
    pub cache_value: i32,
}

static LAYOUT: LazyLock<Layout> = LazyLock::new(measure);

/// The layout, measured on first use.
pub fn layout() -> &'static Layout {
    &LAYOUT
}

/// The 8-byte words of `v`.
fn words<T>(v: &T) -> Vec<u64> {
    words_n(v, size_of::<T>() / 8)
}

/// The first `n` 8-byte words of `v`.
fn words_n<T>(v: &T, n: usize) -> Vec<u64> {
    assert!(n * 8 <= size_of::<T>() && std::mem::align_of::<T>() >= 8);
    // SAFETY: reads `n` aligned words inside `v`, which the callers know to
    // be initialised plain integers or pointers (a whole `Vec`, box or
    // `RefCell`; an enum variant's own fields, not the padding after them).
    (0..n)
        .map(|i| unsafe { *(v as *const T as *const u64).add(i) })
        .collect()
}

/// The one word of `w` equal to `x`, as a byte offset.
fn unique(w: &[u64], x: u64, what: &str) -> i32 {
    let hits: Vec<usize> = (0..w.len()).filter(|&i| w[i] == x).collect();
    assert!(
        hits.len() == 1,
        "jit layout: cannot place {what} ({hits:?} in {w:x?})"
    );
    hits[0] as i32 * 8
}

/// `Vec<Value>`: (ptr, len, capacity) offsets.
fn vec_words() -> (i32, i32, i32) {
    assert_eq!(size_of::<Vec<Value>>(), 24);
    let mut v: Vec<Value> = Vec::with_capacity(7);
    v.extend([Value::None, Value::None, Value::None]);
    assert!(v.capacity() != 3);
    let w = words(&v);
    (
        unique(&w, v.as_ptr() as u64, "Vec ptr"),
        unique(&w, 3, "Vec len"),
        unique(&w, v.capacity() as u64, "Vec capacity"),
    )
}

/// `Box<[Value]>`: (ptr, len) offsets.
fn box_slice_words() -> (i32, i32) {
    assert_eq!(size_of::<Box<[Value]>>(), 16);
    let b: Box<[Value]> = vec![Value::None; 3].into_boxed_slice();
    let w = words(&b);
    (
        unique(&w, b.as_ptr() as u64, "boxed slice ptr"),
        unique(&w, 3, "boxed slice len"),
    )
}

/// `RefCell<T>`: (borrow flag, value) offsets, the flag checked to read 0
/// free, 1 with a shared borrow and -1 borrowed mutably.
fn refcell_words<T>(c: &RefCell<T>) -> (i32, i32) {
    assert_eq!(size_of::<RefCell<T>>(), size_of::<T>() + 8);
    let base = c as *const RefCell<T> as usize;
    let value = c.as_ptr() as usize - base;
    let flag = if value == 0 { size_of::<T>() } else { 0 };
    assert!(
        value == 0 || value == 8,
        "jit layout: RefCell value at {value}"
    );
    // SAFETY: the flag word is a `Cell<isize>` inside `c`, outside the value
    // (which may be mutably borrowed below); reading it aliases nothing.
    let read = || unsafe { *((base + flag) as *const i64) };
    assert_eq!(read(), 0, "jit layout: RefCell flag");
    {
        let _b = c.borrow();
        assert_eq!(read(), 1, "jit layout: RefCell flag (shared)");
    }
    {
        let _m = c.borrow_mut();
        assert!(read() < 0, "jit layout: RefCell flag (mutable)");
    }
    (flag as i32, value as i32)
}

/// Offsets for attribute access. An entry's key is an `Option<Value>`,
/// checked to be a value's two words when present (no separate
/// discriminant) and, when absent (a deleted entry), a tag word that is no
/// str's; the instance's `OnceCell<Gc<DictObj>>` is checked to be one word,
/// 0 while empty.
fn measure_attr(vec_ptr: i32, vec_len: i32) -> AttrLayout {
    use crate::interp::attr_cache::AttrCache;
    use crate::runtime::dict_table::ENTRY_LAYOUT;
    use crate::runtime::object::{DictObj, InstanceObj, TypeObj};
    use crate::runtime::value::tags;
    use std::cell::OnceCell;
    assert_eq!(size_of::<Option<Value>>(), 16);
    let some = Some(Value::Int(0x5a5a_a5a5));
    assert_eq!(words(&some), [tags::INT, 0x5a5a_a5a5]);
    let none: Option<Value> = None;
    assert_ne!(words_n(&none, 1)[0], tags::STR, "jit layout: absent key");
    assert_eq!(size_of::<OnceCell<Gc<DictObj>>>(), 8);
    assert_eq!(words(&OnceCell::<Gc<DictObj>>::new()), [0]);
    let t = RefCell::new(crate::runtime::dict_table::DictTable::new());
    let (refcell_flag, refcell_value) = refcell_words(&t);
    let (entries, entry_size, key, value) = ENTRY_LAYOUT;
    let inst = |off: usize| (Gc::<InstanceObj>::PAYLOAD_OFFSET + off) as i32;
    let ty = |off: usize| (Gc::<TypeObj>::PAYLOAD_OFFSET + off) as i32;
    let attrs = inst(offset_of!(InstanceObj, attrs));
    let table = attrs + refcell_value + entries as i32;
    AttrLayout {
        inst_class: inst(offset_of!(InstanceObj, class)),
        inst_dict: inst(offset_of!(InstanceObj, dict)),
        inst_flag: attrs + refcell_flag,
        inst_entries_ptr: table + vec_ptr,
        inst_entries_len: table + vec_len,
        entry_size: entry_size as i32,
        entry_key_tag: key as i32,
        entry_key_pay: key as i32 + 8,
        entry_value: value as i32,
        type_plain_attrs: ty(offset_of!(TypeObj, plain_attrs)),
        type_shadowed: ty(offset_of!(TypeObj, shadowed)),
        type_version: ty(offset_of!(TypeObj, version)),
        cache_class: offset_of!(AttrCache, class) as i32,
        cache_version: offset_of!(AttrCache, version) as i32,
        cache_kind: offset_of!(AttrCache, kind) as i32,
        cache_value: offset_of!(AttrCache, value) as i32,
    }
}

fn measure() -> Layout {
    let (vp, vl, vc) = vec_words();
    let (bp, bl) = box_slice_words();
    let (lf, lv) = refcell_words(&RefCell::new(Vec::<Value>::new()));
    let iter = RefCell::new(IterState::Range {
        next: 0x1111_2222_3333,
        stop: 0x4444_5555_6666,
        step: 0x7777_8888_9999,
    });
    let (itf, itv) = refcell_words(&iter);
    // repr(u64): the discriminant first, then the fields in order; checked.
    let range = words_n(&*iter.borrow(), 4);
    assert_eq!(
        range[1..4],
        [0x1111_2222_3333, 0x4444_5555_6666, 0x7777_8888_9999]
    );
    let seq = IterState::Seq {
        seq: Value::Int(0x5555),
        index: 0x6666,
    };
    let sw = words_n(&seq, 4);
    assert_eq!(sw[1..4], [crate::runtime::value::tags::INT, 0x5555, 0x6666]);
    assert_ne!(range[0], sw[0]);
    let en = IterState::Enumerate {
        inner: Value::Int(0x7777),
        count: Value::Int(0x8888),
    };
    let ew = words_n(&en, 5);
    let int = crate::runtime::value::tags::INT;
    assert_eq!(ew[1..5], [int, 0x7777, int, 0x8888]);
    assert!(ew[0] != range[0] && ew[0] != sw[0]);

    let list = Gc::<ListObj>::PAYLOAD_OFFSET + offset_of!(ListObj, items);
    let tuple = Gc::<TupleObj>::PAYLOAD_OFFSET + offset_of!(TupleObj, items);
    let it = Gc::<IterObj>::PAYLOAD_OFFSET + offset_of!(IterObj, state);
    let (list, tuple, it) = (list as i32, tuple as i32, it as i32);
    let st = it + itv;
    Layout {
        list_flag: list + lf,
        list_ptr: list + lv + vp,
        list_len: list + lv + vl,
        list_cap: list + lv + vc,
        tuple_ptr: tuple + bp,
        tuple_len: tuple + bl,
        iter_flag: it + itf,
        iter_disc: st,
        range_disc: range[0],
        range_next: st + 8,
        range_stop: st + 16,
        range_step: st + 24,
        seq_disc: sw[0],
        seq_tag: st + 8,
        seq_pay: st + 16,
        seq_index: st + 24,
        enum_disc: ew[0],
        enum_inner_tag: st + 8,
        enum_inner_pay: st + 16,
        enum_count_tag: st + 24,
        enum_count_pay: st + 32,
        vec_flag: lf - lv,
        vec_ptr: vp,
        vec_len: vl,
        attr: measure_attr(vp, vl),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures() {
        let l = layout();
        // The flag sits beside the value, never inside it.
        assert!(l.list_flag != l.list_ptr && l.list_flag != l.list_len);
        assert!(l.range_next > l.iter_disc);
        assert!(l.vec_flag == -8 || l.vec_flag == 24);
    }
}
