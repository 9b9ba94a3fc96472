//! The heap object types. Each is allocated in a `GcBox` and reached through a
//! typed `Gc<T>` held in a `Value` with that type's tag.
//!
//! Mutable objects use `RefCell`: a borrow is never held across a call that can
//! run Python code (iteration re-borrows per step), so a borrow error would be a
//! runtime bug, not something a Python program can provoke.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bytecode::code::Code;
use crate::runtime::dict_table::DictTable;
use crate::runtime::heap::{Gc, Trace, Tracer};
use crate::runtime::set_table::SetTable;
use crate::runtime::value::Value;

pub type PyExc = Gc<InstanceObj>;
pub type PyResult<T> = Result<T, PyExc>;

/// Keyword arguments as passed to native functions: (name, value) pairs.
pub type Kwargs<'a> = &'a [(Gc<StrObj>, Value)];

/// A native function: `args[0]` is `self` for methods.
pub type NativeFn = fn(&mut crate::interp::vm::Vm, &[Value], Kwargs) -> PyResult<Value>;

// ---------------------------------------------------------------- numbers and text

pub struct BigIntObj(pub BigInt);
impl Trace for BigIntObj {
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_bytes(&self) -> usize {
        (self.0.bits() / 8) as usize
    }
}

/// An immutable str. `char_len` is cached because Python indexes by code point;
/// when it equals the byte length the string is ASCII and indexing is O(1).
///
/// Strings of up to `INLINE_STR` bytes are stored inside the object, so most
/// strings a program makes (words, numbers, keys) cost one allocation, not two.
pub struct StrObj {
    data: StrData,
    char_len: usize,
    /// CPython-compatible hash, computed on first use; -1 means not yet.
    pub hash: Cell<i64>,
}

const INLINE_STR: usize = 30;

enum StrData {
    Inline { len: u8, buf: [u8; INLINE_STR] },
    Heap(Box<str>),
}

impl StrObj {
    pub fn new(s: impl Into<Box<str>>) -> StrObj {
        let s: Box<str> = s.into();
        Self::from_parts(s)
    }

    /// `a + b`: the char counts add up, so the text is not scanned again.
    pub fn concat(a: &StrObj, b: &StrObj) -> StrObj {
        let (x, y) = (a.as_str(), b.as_str());
        let n = x.len() + y.len();
        let data = if n <= INLINE_STR {
            let mut buf = [0u8; INLINE_STR];
            buf[..x.len()].copy_from_slice(x.as_bytes());
            buf[x.len()..n].copy_from_slice(y.as_bytes());
            StrData::Inline { len: n as u8, buf }
        } else {
            let mut s = String::with_capacity(n);
            s.push_str(x);
            s.push_str(y);
            StrData::Heap(s.into_boxed_str())
        };
        StrObj {
            data,
            char_len: a.char_len + b.char_len,
            hash: Cell::new(-1),
        }
    }

    /// Build from a borrowed str without an intermediate Box when it fits inline.
    pub fn from_str(s: &str) -> StrObj {
        if s.len() <= INLINE_STR {
            let mut buf = [0u8; INLINE_STR];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            let char_len = if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            };
            return StrObj {
                data: StrData::Inline {
                    len: s.len() as u8,
                    buf,
                },
                char_len,
                hash: Cell::new(-1),
            };
        }
        Self::from_parts(s.into())
    }

    fn from_parts(s: Box<str>) -> StrObj {
        if s.len() <= INLINE_STR {
            return Self::from_str(&s);
        }
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        StrObj {
            data: StrData::Heap(s),
            char_len,
            hash: Cell::new(-1),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.data {
            StrData::Inline { len, buf } => {
                // SAFETY: the bytes were copied from a valid &str in `from_str`.
                unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) }
            }
            StrData::Heap(s) => s,
        }
    }
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    /// Where `char_len` is in the object, for compiled code's `len()`.
    pub const CHAR_LEN_OFFSET: usize = std::mem::offset_of!(StrObj, char_len);
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.as_str().len()
    }
}
impl Trace for StrObj {
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_bytes(&self) -> usize {
        match &self.data {
            StrData::Inline { .. } => 0,
            StrData::Heap(s) => s.len(),
        }
    }
}

pub struct BytesObj {
    pub b: Box<[u8]>,
    pub hash: Cell<i64>,
}
impl Trace for BytesObj {
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_bytes(&self) -> usize {
        self.b.len()
    }
}

// ---------------------------------------------------------------- containers

pub struct ListObj {
    pub items: RefCell<Vec<Value>>,
}
impl Trace for ListObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark_values(&self.items.borrow());
    }
    fn extra_bytes(&self) -> usize {
        self.items.borrow().capacity() * 16
    }
}

pub struct TupleObj {
    pub items: Box<[Value]>,
    pub hash: Cell<Option<i64>>,
}
impl TupleObj {
    pub fn new(items: impl Into<Box<[Value]>>) -> TupleObj {
        TupleObj {
            items: items.into(),
            hash: Cell::new(None),
        }
    }
}
impl Trace for TupleObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark_values(&self.items);
    }
    fn extra_bytes(&self) -> usize {
        self.items.len() * 16
    }
}

pub struct DictObj {
    pub table: RefCell<DictTable>,
    /// Set on the dict `globals()` returns: the module whose global slots
    /// mirror this dict, so writes through the dict reach the code
    /// (`dict_ops::dict_set`/`dict_remove`, `builtins/namespaces.rs`).
    pub module: std::cell::Cell<Option<Gc<ModuleObj>>>,
}
impl Trace for DictObj {
    fn trace(&self, t: &mut Tracer) {
        if let Some(m) = self.module.get() {
            t.mark(m);
        }
        for (k, v) in self.table.borrow().iter() {
            t.mark_value(&k);
            t.mark_value(&v);
        }
    }
    fn extra_bytes(&self) -> usize {
        self.table.borrow().capacity() * 48
    }
}

/// Both `set` and `frozenset` (the value's tag says which).
pub struct SetObj {
    pub table: RefCell<SetTable>,
    pub hash: Cell<Option<i64>>,
}
impl Trace for SetObj {
    fn trace(&self, t: &mut Tracer) {
        for k in self.table.borrow().iter() {
            t.mark_value(&k);
        }
    }
    fn extra_bytes(&self) -> usize {
        self.table.borrow().capacity() * 24
    }
}

/// A `range`. Nearly every range has its start, stop, step and length within
/// i64 and uses the i64 fields, which the `for` fast path reads directly.
/// CPython's ranges are unbounded, so any other range keeps its exact bounds in
/// `big`; the i64 fields then hold the empty range(0, 0, 1), so code that
/// forgets to check `big` sees no values rather than wrong ones.
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub big: Option<Box<BigRange>>,
}

/// The exact bounds of a range that does not fit in i64 (step is nonzero).
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    /// Cached: len, indexing, `in`, == and iteration all need it.
    pub len: BigInt,
}

impl RangeObj {
    /// range(start, stop, step) for a nonzero step.
    pub fn from_i64(start: i64, stop: i64, step: i64) -> RangeObj {
        if range_len(start, stop, step) <= i64::MAX as i128 {
            RangeObj {
                start,
                stop,
                step,
                big: None,
            }
        } else {
            // e.g. range(-2**63, 2**63 - 1): len() must raise OverflowError.
            Self::from_big(start.into(), stop.into(), step.into())
        }
    }

    /// range(start, stop, step) for a nonzero step, in the i64 form when it fits.
    pub fn from_big(start: BigInt, stop: BigInt, step: BigInt) -> RangeObj {
        if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
            if range_len(a, b, c) <= i64::MAX as i128 {
                return RangeObj {
                    start: a,
                    stop: b,
                    step: c,
                    big: None,
                };
            }
        }
        // CPython's compute_range_length.
        let (lo, hi, st) = if step.is_positive() {
            (&start, &stop, step.clone())
        } else {
            (&stop, &start, -&step)
        };
        let len = if lo >= hi {
            BigInt::zero()
        } else {
            (hi - lo - 1u32) / st + 1u32
        };
        RangeObj {
            start: 0,
            stop: 0,
            step: 1,
            big: Some(Box::new(BigRange {
                start,
                stop,
                step,
                len,
            })),
        }
    }

    /// The length, or None when it exceeds i64 (len() raises OverflowError).
    pub fn len(&self) -> Option<i64> {
        match &self.big {
            None => Some(range_len(self.start, self.stop, self.step) as i64),
            Some(b) => b.len.to_i64(),
        }
    }
    pub fn is_empty(&self) -> bool {
        match &self.big {
            None => range_len(self.start, self.stop, self.step) == 0,
            Some(b) => b.len.is_zero(),
        }
    }
    pub fn len_big(&self) -> BigInt {
        match &self.big {
            None => range_len(self.start, self.stop, self.step).into(),
            Some(b) => b.len.clone(),
        }
    }
    /// (start, stop, step) exactly.
    pub fn parts(&self) -> (BigInt, BigInt, BigInt) {
        match &self.big {
            None => (self.start.into(), self.stop.into(), self.step.into()),
            Some(b) => (b.start.clone(), b.stop.clone(), b.step.clone()),
        }
    }

    /// The position of int `x` in an i64-form range (None for a big one).
    pub fn position_i64(&self, x: i64) -> Option<i64> {
        if self.big.is_some() {
            return None;
        }
        let (start, step) = (self.start as i128, self.step as i128);
        let off = x as i128 - start;
        let i = off / step;
        (off % step == 0 && i >= 0 && i < range_len(self.start, self.stop, self.step))
            .then_some(i as i64)
    }

    /// Where int `x` (Int, Bool or BigInt) is in the range, in O(1) as CPython's
    /// range_contains_long; None when `x` is no int (callers then search by ==),
    /// Some(None) when it is absent.
    pub fn int_position(&self, x: Value) -> Option<Option<BigInt>> {
        let x = match x {
            Value::Int(i) => BigInt::from(i),
            Value::Bool(b) => BigInt::from(b as i64),
            Value::BigInt(b) => b.0.clone(),
            _ => return None,
        };
        if self.big.is_none() {
            return Some(
                x.to_i64()
                    .and_then(|i| self.position_i64(i))
                    .map(BigInt::from),
            );
        }
        let (start, stop, step) = self.parts();
        let inside = if step.is_positive() {
            start <= x && x < stop
        } else {
            stop < x && x <= start
        };
        let off = x - &start;
        Some((inside && (&off % &step).is_zero()).then(|| off / step))
    }

    /// self[i] with CPython's index rules (negative counts from the end), or
    /// None when out of range.
    pub fn item(&self, mut i: BigInt) -> Option<BigInt> {
        let len = self.len_big();
        if i.is_negative() {
            i += &len;
        }
        if i.is_negative() || i >= len {
            return None;
        }
        let (start, _, step) = self.parts();
        Some(start + i * step)
    }

    /// self[start:stop:step] (CPython's compute_slice with
    /// _PySlice_GetLongIndices), or None for a zero step.
    pub fn slice(
        &self,
        start: Option<BigInt>,
        stop: Option<BigInt>,
        step: Option<BigInt>,
    ) -> Option<RangeObj> {
        let step = step.unwrap_or_else(BigInt::one);
        if step.is_zero() {
            return None;
        }
        let len = self.len_big();
        let (lower, upper) = if step.is_negative() {
            (BigInt::from(-1), &len - 1u32)
        } else {
            (BigInt::zero(), len.clone())
        };
        let clamp = |v: Option<BigInt>, default: &BigInt| match v {
            None => default.clone(),
            Some(v) if v.is_negative() => (v + &len).max(lower.clone()),
            Some(v) => v.min(upper.clone()),
        };
        let (a, b) = if step.is_negative() {
            (clamp(start, &upper), clamp(stop, &lower))
        } else {
            (clamp(start, &lower), clamp(stop, &upper))
        };
        let (s0, _, st) = self.parts();
        Some(RangeObj::from_big(&s0 + a * &st, &s0 + b * &st, st * step))
    }

    /// range == range: the same sequence of values (CPython's range_equals).
    pub fn same_values(&self, other: &RangeObj) -> bool {
        if self.big.is_none() && other.big.is_none() {
            let (lx, ly) = (
                range_len(self.start, self.stop, self.step),
                range_len(other.start, other.stop, other.step),
            );
            return lx == ly
                && (lx == 0
                    || (self.start == other.start && (lx == 1 || self.step == other.step)));
        }
        let (lx, ly) = (self.len_big(), other.len_big());
        let ((ax, _, sx), (ay, _, sy)) = (self.parts(), other.parts());
        lx == ly && (lx.is_zero() || (ax == ay && (lx.is_one() || sx == sy)))
    }

    pub fn repr(&self) -> String {
        let (start, stop, step) = self.parts();
        if step.is_one() {
            format!("range({start}, {stop})")
        } else {
            format!("range({start}, {stop}, {step})")
        }
    }

    /// An iterator state walking the range forwards.
    pub fn iter_state(&self) -> IterState {
        match &self.big {
            None => {
                let n = range_len(self.start, self.stop, self.step);
                // The fast path adds step after each value, so the value after the
                // last must fit in i64 too.
                if i64::try_from(self.start as i128 + n * self.step as i128).is_ok() {
                    IterState::Range {
                        next: self.start,
                        stop: self.stop,
                        step: self.step,
                    }
                } else {
                    IterState::BigRange(Box::new(BigRangeIter {
                        next: self.start.into(),
                        step: self.step.into(),
                        left: n.into(),
                    }))
                }
            }
            Some(b) => IterState::BigRange(Box::new(BigRangeIter {
                next: b.start.clone(),
                step: b.step.clone(),
                left: b.len.clone(),
            })),
        }
    }

    /// An iterator state walking the range backwards (CPython's range_reverse).
    pub fn reversed_iter_state(&self) -> IterState {
        if self.big.is_none() {
            let (start, step, n) = (
                self.start as i128,
                self.step as i128,
                range_len(self.start, self.stop, self.step),
            );
            // Values last, last - step, ..., start; then start - step ends the loop.
            let (last, stop) = (start + (n - 1) * step, start - step);
            if let (Ok(next), Ok(stop), Ok(step)) = (
                i64::try_from(last),
                i64::try_from(stop),
                i64::try_from(-step),
            ) {
                return IterState::Range { next, stop, step };
            }
        }
        let (start, _, step) = self.parts();
        let len = self.len_big();
        let last = start + (&len - 1u32) * &step;
        IterState::BigRange(Box::new(BigRangeIter {
            next: last,
            step: -step,
            left: len,
        }))
    }
}

/// The length of range(start, stop, step), exact for any i64 bounds.
pub fn range_len(start: i64, stop: i64, step: i64) -> i128 {
    let (lo, hi, st) = if step > 0 {
        (start as i128, stop as i128, step as i128)
    } else {
        (stop as i128, start as i128, -(step as i128))
    };
    if lo >= hi {
        0
    } else {
        // hi - lo - 1 < 2**64 and st <= 2**63: a u64 division (an i128 one
        // is a library call).
        ((hi - lo - 1) as u64 / st as u64) as i128 + 1
    }
}
impl Trace for RangeObj {
    fn trace(&self, _t: &mut Tracer) {}
}

/// Iteration over a range whose values (or the one after the last) leave i64:
/// CPython's longrange_iterator.
pub struct BigRangeIter {
    pub next: BigInt,
    pub step: BigInt,
    pub left: BigInt,
}
impl BigRangeIter {
    pub fn advance(&mut self) -> Option<BigInt> {
        if !self.left.is_positive() {
            return None;
        }
        self.left -= 1u32;
        let after = &self.next + &self.step;
        Some(std::mem::replace(&mut self.next, after))
    }
}

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
impl Trace for SliceObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.start);
        t.mark_value(&self.stop);
        t.mark_value(&self.step);
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

/// A live view of a dict's keys, values or items.
pub struct DictViewObj {
    pub dict: Gc<DictObj>,
    pub kind: DictViewKind,
}
impl Trace for DictViewObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.dict);
    }
}

// ---------------------------------------------------------------- iterators

/// Every built-in iterator is one object type with a state enum: one tag for the
/// interpreter's FOR_ITER fast paths to test.
pub struct IterObj {
    pub state: RefCell<IterState>,
    /// Made by a `for` loop's `GetIter` whose register nothing else reads:
    /// that register holds the only reference, so compiled code may reset
    /// the iterator for the loop's next run instead of making another
    /// (`jit/gen_iter.rs`).
    pub loop_owned: Cell<bool>,
}

/// `repr(u64)`: a defined layout (a u64 discriminant, then each variant's
/// fields as a `repr(C)` struct), which compiled code reads to advance range
/// and list iterators inline (`jit/layout.rs`).
#[repr(u64)]
pub enum IterState {
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// A range past i64 (boxed to keep the enum small).
    BigRange(Box<BigRangeIter>),
    Seq {
        seq: Value,
        index: usize,
    },
    /// Reversed list/tuple/str: next index to yield, counting down.
    SeqRev {
        seq: Value,
        index: isize,
    },
    Str {
        s: Gc<StrObj>,
        byte_pos: usize,
    },
    DictKeys {
        dict: Gc<DictObj>,
        pos: usize,
        expect_len: usize,
    },
    DictValues {
        dict: Gc<DictObj>,
        pos: usize,
        expect_len: usize,
    },
    DictItems {
        dict: Gc<DictObj>,
        pos: usize,
        expect_len: usize,
    },
    Set {
        set: Gc<SetObj>,
        pos: usize,
        expect_len: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// An iterator implemented in a module (itertools): see [`NativeIter`].
    Native(Rc<dyn NativeIter>),
    Exhausted,
}

/// An iterator type implemented in Rust outside the interpreter (the itertools
/// objects). Its state uses interior mutability, and, like every object, never
/// holds a borrow across a call that can run Python code: `next` may call back
/// into Python and a collection may trace the iterator meanwhile.
pub trait NativeIter {
    fn next(&self, vm: &mut crate::interp::vm::Vm) -> PyResult<Option<Value>>;
    fn trace(&self, t: &mut Tracer);
    /// The type's name as Python shows it (`product`, `count`).
    fn type_name(&self) -> &'static str;
    /// `repr()` of the iterator, when it has a custom one (`count(5)`).
    fn repr(&self, _vm: &mut crate::interp::vm::Vm) -> Option<PyResult<String>> {
        None
    }
}

/// Data behind an instance of a class implemented in Rust (`collections.deque`,
/// `array.array`): the class's methods are builtins that downcast it. Same
/// borrowing rule as [`NativeIter`].
pub trait NativeData: std::any::Any {
    fn trace(&self, t: &mut Tracer);
    fn as_any(&self) -> &dyn std::any::Any;
    fn extra_bytes(&self) -> usize {
        0
    }
}

impl Trace for IterObj {
    fn trace(&self, t: &mut Tracer) {
        use IterState::*;
        match &*self.state.borrow() {
            Range { .. } | BigRange(_) | Exhausted => {}
            Seq { seq, .. } | SeqRev { seq, .. } => t.mark_value(seq),
            Str { s, .. } => t.mark(*s),
            DictKeys { dict, .. } | DictValues { dict, .. } | DictItems { dict, .. } => {
                t.mark(*dict)
            }
            Set { set, .. } => t.mark(*set),
            Enumerate { inner, count } => {
                t.mark_value(inner);
                t.mark_value(count);
            }
            Zip { iters, .. } => t.mark_values(iters),
            Map { func, iters } => {
                t.mark_value(func);
                t.mark_values(iters);
            }
            Filter { func, inner } => {
                t.mark_value(func);
                t.mark_value(inner);
            }
            Native(n) => n.trace(t),
            Callable { func, sentinel } => {
                t.mark_value(func);
                t.mark_value(sentinel);
            }
        }
    }
}

// ---------------------------------------------------------------- functions

pub struct FunctionObj {
    pub code: Rc<Code>,
    /// The argument count for which a call needs no binding work (plain
    /// positional parameters, not a generator), or u16::MAX: the interpreter's
    /// call fast path tests only this.
    pub fast_argc: u16,
    pub name: Gc<StrObj>,
    pub qualname: Gc<StrObj>,
    /// Defaults for the last positional parameters (`__defaults__`, which
    /// may be assigned: calls read them through `ndefaults` and
    /// `copy_defaults`, never keeping a borrow across running code).
    pub defaults: RefCell<Box<[Value]>>,
    /// Defaults for keyword-only parameters, by kw-only index (Undefined =
    /// required); `__kwdefaults__` may be assigned too.
    pub kwdefaults: RefCell<Box<[Value]>>,
    /// What `__defaults__` and `__kwdefaults__` read back: the tuple and
    /// dict they were made from or assigned (None when there are none), so
    /// an assigned `()` or `{}` and the object's identity survive.
    pub defaults_obj: Cell<Value>,
    pub kwdefaults_obj: Cell<Value>,
    pub closure: Box<[Gc<CellObj>]>,
    pub module: Gc<ModuleObj>,
    /// `__dict__` of the function (attributes set by decorators).
    pub attrs: RefCell<Option<Gc<DictObj>>>,
}
impl FunctionObj {
    /// The qualified name shown in reprs and argument errors: one assigned
    /// to `__qualname__` (dataclasses name their `__init__` so), else the
    /// one from the source.
    pub fn shown_qualname(&self) -> Gc<StrObj> {
        if let Some(d) = *self.attrs.borrow() {
            let t = d.table.borrow();
            let h = crate::runtime::hash::hash_str("__qualname__");
            if let Some(Value::Str(q)) = t.get_str(h, "__qualname__") {
                return q;
            }
        }
        self.qualname
    }

    /// How many positional defaults there are now.
    #[inline(always)]
    pub fn ndefaults(&self) -> usize {
        self.defaults.borrow().len()
    }

    /// The last `dst.len()` defaults into `dst` (the caller checked there
    /// are that many): the trailing parameters a call left out. When there
    /// are more defaults than parameters (an assigned `__defaults__`), the
    /// last ones count, as in CPython.
    #[inline(always)]
    pub fn copy_defaults(&self, dst: &mut [Value]) {
        let d = self.defaults.borrow();
        dst.copy_from_slice(&d[d.len() - dst.len()..]);
    }

    /// The default of positional parameter `i` of `npos`, if it has one.
    pub fn default_of(&self, i: usize, npos: usize) -> Option<Value> {
        let d = self.defaults.borrow();
        (i + d.len() >= npos).then(|| d[i + d.len() - npos])
    }

    /// The default of keyword-only parameter `i` (by kw-only index), if any.
    pub fn kwdefault_of(&self, i: usize) -> Option<Value> {
        match self.kwdefaults.borrow().get(i) {
            Some(Value::Undefined) | None => None,
            Some(v) => Some(*v),
        }
    }
}

impl Trace for FunctionObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.name);
        t.mark(self.qualname);
        t.mark_values(&self.defaults.borrow());
        t.mark_values(&self.kwdefaults.borrow());
        t.mark_value(&self.defaults_obj.get());
        t.mark_value(&self.kwdefaults_obj.get());
        for c in self.closure.iter() {
            t.mark(*c);
        }
        t.mark(self.module);
        if let Some(d) = *self.attrs.borrow() {
            t.mark(d);
        }
        t.mark_values(&self.code.consts);
    }
}

pub struct CellObj {
    pub value: Cell<Value>,
}
impl Trace for CellObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.value.get());
    }
}

pub struct BuiltinObj {
    pub name: &'static str,
    pub func: NativeFn,
    /// Set for a method bound to its receiver (`[].append`): passed as args[0].
    pub bound_self: Option<Value>,
    /// The type a method belongs to, for `repr` ("<method 'append' of 'list' objects>").
    pub owner: Option<Gc<TypeObj>>,
    /// The recorder's index for this builtin (u32::MAX until first timed):
    /// saves a hash lookup per timed call.
    pub prof_id: std::cell::Cell<u32>,
}
impl Trace for BuiltinObj {
    fn trace(&self, t: &mut Tracer) {
        if let Some(v) = &self.bound_self {
            t.mark_value(v);
        }
        if let Some(o) = self.owner {
            t.mark(o);
        }
    }
}

pub struct BoundMethodObj {
    pub receiver: Value,
    pub func: Value,
}
impl Trace for BoundMethodObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.receiver);
        t.mark_value(&self.func);
    }
}

// ---------------------------------------------------------------- types and instances

/// Which built-in type a `TypeObj` stands for (User for classes made by `class`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TypeKind {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Cell,
    Module,
    Iterator,
    Generator,
    DictView,
    Ellipsis,
    NotImplemented,
    /// BaseException and every class derived from it.
    Exception,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    User,
}

pub struct TypeObj {
    pub name: Gc<StrObj>,
    pub kind: TypeKind,
    pub bases: RefCell<Vec<Gc<TypeObj>>>,
    /// Method resolution order, starting with the type itself.
    pub mro: RefCell<Vec<Gc<TypeObj>>>,
    /// Class attributes and methods, keyed by str.
    pub dict: RefCell<DictTable>,
    /// Module name, for repr: `<class '__main__.Foo'>`.
    pub module: Option<Gc<StrObj>>,
    /// `__qualname__` when it differs from the name (nested classes).
    pub qualname: Cell<Option<Gc<StrObj>>>,
    /// Changes whenever this class's or a base's attributes change: inline
    /// caches remember (class, version) and are valid while both match.
    /// Versions come from one global counter, so a class allocated where a
    /// freed one lived never matches a stale cache.
    pub version: Cell<u32>,
    /// Classes that have this one as a direct base (to invalidate their
    /// caches when this one changes).
    pub subclasses: RefCell<Vec<Gc<TypeObj>>>,
    /// Some instance holds an attribute that a class attribute of the same
    /// name may hide: method caches must then check the instance dict.
    pub shadowed: Cell<bool>,
    /// Hashes of the names stored as attributes into instances of this
    /// class (`note_instance_attr`): a class attribute added later under
    /// one of them may be hidden already (`Vm::type_setattr`). Hashes, not
    /// names: a collision only sets `shadowed` needlessly. More than
    /// `MAX_NOTED_ATTRS` stand for every name.
    pub instance_attr_hashes: RefCell<Vec<i64>>,
    /// The built-in type whose value representation instances carry (`list`
    /// for `class Stack(list)`), if any.
    pub builtin_base: Cell<Option<Gc<TypeObj>>>,
    /// `__slots__` names when every class in the MRO declares slots: other
    /// attributes cannot be set.
    pub slots: RefCell<Option<Vec<Gc<StrObj>>>>,
    /// Attribute access on instances is plain: no property in the MRO, no
    /// `__setattr__`/`__getattribute__`, no slots, not an exception. Then an
    /// attribute found in the instance table is the answer and a store goes
    /// straight to the table, whatever the class (see `attr_cache.rs`).
    pub plain_attrs: Cell<bool>,
    /// A class of the MRO below `object` defines `__getattribute__`: every
    /// attribute read on an instance calls it, so no cache is filled for
    /// the class (`AttrCache::fill`).
    pub getattribute: Cell<bool>,
    /// `lookup_special` answers, found or not, by name address, for the
    /// class version they were found under (see `Vm::lookup_special`).
    /// Not traced: a found value is read only while the version proves the
    /// class still holds it.
    pub specials: RefCell<Vec<(usize, u32, Option<Value>)>>,
    /// The class version under which its instances were found to compare
    /// by identity: no rich-comparison method in the MRO below `object`
    /// and no built-in payload (0: not known; see `Vm::plain_compare`).
    pub plain_cmp: Cell<u32>,
}
impl TypeObj {
    /// A type with an empty dict; the caller sets the MRO once it is allocated.
    pub fn new(
        name: Gc<StrObj>,
        kind: TypeKind,
        bases: Vec<Gc<TypeObj>>,
        module: Option<Gc<StrObj>>,
    ) -> TypeObj {
        TypeObj {
            name,
            kind,
            bases: RefCell::new(bases),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(DictTable::new()),
            module,
            qualname: Cell::new(None),
            version: Cell::new(next_type_version()),
            subclasses: RefCell::new(Vec::new()),
            shadowed: Cell::new(false),
            instance_attr_hashes: RefCell::new(Vec::new()),
            builtin_base: Cell::new(None),
            slots: RefCell::new(None),
            plain_attrs: Cell::new(false),
            getattribute: Cell::new(false),
            specials: RefCell::new(Vec::new()),
            plain_cmp: Cell::new(0),
        }
    }
    pub fn is_subtype_of(&self, other: Gc<TypeObj>) -> bool {
        self.mro.borrow().iter().any(|t| *t == other)
    }
    /// `__qualname__`.
    pub fn qualname(&self) -> Gc<StrObj> {
        self.qualname.get().unwrap_or(self.name)
    }
    /// An attribute whose name has hash `h` is stored into an instance of
    /// this class (see `instance_attr_hashes`).
    #[inline]
    pub fn note_instance_attr(&self, h: i64) {
        let mut v = self.instance_attr_hashes.borrow_mut();
        if v.len() <= MAX_NOTED_ATTRS && !v.contains(&h) {
            v.push(h);
        }
    }
    /// Whether an instance of this class may hold an attribute whose name
    /// has hash `h`.
    pub fn may_hold_instance_attr(&self, h: i64) -> bool {
        let v = self.instance_attr_hashes.borrow();
        v.len() > MAX_NOTED_ATTRS || v.contains(&h)
    }
}

/// See `TypeObj::instance_attr_hashes`.
const MAX_NOTED_ATTRS: usize = 64;

static NEXT_TYPE_VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// A fresh, never reused class version (see `TypeObj::version`).
pub fn next_type_version() -> u32 {
    NEXT_TYPE_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}
impl Trace for TypeObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.name);
        for b in self.bases.borrow().iter() {
            t.mark(*b);
        }
        for b in self.mro.borrow().iter() {
            t.mark(*b);
        }
        for (k, v) in self.dict.borrow().iter() {
            t.mark_value(&k);
            t.mark_value(&v);
        }
        if let Some(m) = self.module {
            t.mark(m);
        }
        if let Some(q) = self.qualname.get() {
            t.mark(q);
        }
        for c in self.subclasses.borrow().iter() {
            t.mark(*c);
        }
        if let Some(b) = self.builtin_base.get() {
            t.mark(b);
        }
        if let Some(sl) = &*self.slots.borrow() {
            for s in sl {
                t.mark(*s);
            }
        }
    }
}

/// What an exception instance carries beyond its attributes.
#[derive(Default)]
pub struct ExcState {
    /// `args`, always a tuple value once constructed.
    pub args: Value,
    /// Frames the exception passed through, innermost first: (file, line, function).
    pub traceback: Vec<TraceEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// "Did you mean" text shown after the message in a traceback.
    pub suggestion: Option<String>,
}

impl Default for Value {
    fn default() -> Self {
        Value::None
    }
}

#[derive(Clone)]
pub struct TraceEntry {
    pub code: Rc<Code>,
    pub line: u32,
    /// The faulting instruction, whose source range the markers under the
    /// line show.
    pub pc: u32,
    /// Raised by a `CallMethod`'s attribute lookup (`Code::fault_loc`).
    pub method_lookup: bool,
}

pub struct InstanceObj {
    pub class: Gc<TypeObj>,
    pub attrs: RefCell<DictTable>,
    /// Present for instances of BaseException subclasses.
    pub exc: Option<Box<RefCell<ExcState>>>,
    /// What instances of built-in helper classes carry beyond attributes.
    pub ext: InstExt,
    /// The attributes as a dict object, once `obj.__dict__` was asked for
    /// (`attrs` is then empty and unused).
    pub dict: std::cell::OnceCell<Gc<DictObj>>,
}

/// The extra state of instances of classes that are not plain Python classes.
pub enum InstExt {
    None,
    /// `property(fget, fset, fdel, doc)`.
    Property(Box<PropertyData>),
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super(cls, obj)`: lookups start after `cls` in type(obj)'s MRO.
    Super {
        cls: Gc<TypeObj>,
        obj: Value,
    },
    /// For subclasses of built-in types (`class Stack(list)`, a `defaultdict`):
    /// the built-in value the instance extends. Operations the class does not
    /// override act on it.
    Payload(Value),
    /// Data of a class implemented in Rust.
    Native(Box<dyn NativeData>),
}

pub struct PropertyData {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

impl InstanceObj {
    /// A plain instance of `class` with no attributes.
    pub fn plain(class: Gc<TypeObj>) -> InstanceObj {
        InstanceObj {
            class,
            attrs: RefCell::new(DictTable::new()),
            exc: None,
            ext: InstExt::None,
            dict: std::cell::OnceCell::new(),
        }
    }
    /// An instance carrying extra state.
    pub fn with_ext(class: Gc<TypeObj>, ext: InstExt) -> InstanceObj {
        InstanceObj {
            class,
            attrs: RefCell::new(DictTable::new()),
            exc: None,
            ext,
            dict: std::cell::OnceCell::new(),
        }
    }
    /// The built-in value a subclass instance of a built-in type extends.
    pub fn payload(&self) -> Option<Value> {
        match self.ext {
            InstExt::Payload(v) => Some(v),
            _ => None,
        }
    }
    /// The Rust data of a native class's instance, if it is a `T`.
    pub fn native<T: 'static>(&self) -> Option<&T> {
        match &self.ext {
            InstExt::Native(d) => d.as_any().downcast_ref::<T>(),
            _ => None,
        }
    }
}
impl Trace for InstanceObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.class);
        for (k, v) in self.attrs.borrow().iter() {
            t.mark_value(&k);
            t.mark_value(&v);
        }
        if let Some(e) = &self.exc {
            let e = e.borrow();
            t.mark_value(&e.args);
            if let Some(c) = &e.cause {
                t.mark_value(c);
            }
            if let Some(c) = &e.context {
                t.mark_value(c);
            }
            for tb in &e.traceback {
                t.mark_values(&tb.code.consts);
            }
        }
        if let Some(d) = self.dict.get() {
            t.mark(*d);
        }
        match &self.ext {
            InstExt::None => {}
            InstExt::Property(p) => {
                t.mark_value(&p.fget);
                t.mark_value(&p.fset);
                t.mark_value(&p.fdel);
                t.mark_value(&p.doc);
            }
            InstExt::StaticMethod(v) | InstExt::ClassMethod(v) | InstExt::Payload(v) => {
                t.mark_value(v)
            }
            InstExt::Super { cls, obj } => {
                t.mark(*cls);
                t.mark_value(obj);
            }
            InstExt::Native(d) => d.trace(t),
        }
    }
    fn extra_bytes(&self) -> usize {
        match &self.ext {
            InstExt::Native(d) => d.extra_bytes(),
            _ => 0,
        }
    }
    fn alloc_class_key(&self) -> usize {
        self.class.as_ptr() as usize
    }
    fn alloc_type_name(&self) -> String {
        self.class.name.as_str().to_string()
    }
}

// ---------------------------------------------------------------- modules and generators

pub struct ModuleObj {
    pub name: Gc<StrObj>,
    /// The file the module came from ("" for built-in modules).
    pub file: Rc<str>,
    /// Globals by slot; the compiler resolves names to slots, so a global access is
    /// an index, not a hash lookup. `Undefined` = not (yet) assigned.
    pub globals: Globals,
    pub slots: RefCell<std::collections::HashMap<Rc<str>, usize>>,
    /// The name of each slot (the inverse of `slots`).
    pub slot_names: RefCell<Vec<Rc<str>>>,
    /// Built-ins found for unassigned global slots, by slot: `len` is looked up
    /// by name once per module, not on every call.
    pub builtin_cache: RefCell<Vec<Value>>,
    /// The dict `globals()` / `module.__dict__` return, made on first use and
    /// refreshed from the slots on each (see `builtins/namespaces.rs`).
    pub namespace: std::cell::Cell<Option<Gc<DictObj>>>,
}
/// A module's global slots, and their version: every mutable borrow counts
/// as a write and moves the version on. Compiled code that saw a function
/// in a global slot when it was compiled knows the slot still holds it
/// while the version is the one it saw (`jit/gen_calls.rs`), with one
/// compare instead of loading the slot and checking what it holds.
pub struct Globals {
    cell: RefCell<Vec<Value>>,
    /// Saturates: `u32::MAX` matches nothing compiled code compares with.
    version: Cell<u32>,
}

impl Globals {
    pub fn new(v: Vec<Value>) -> Globals {
        Globals {
            cell: RefCell::new(v),
            version: Cell::new(0),
        }
    }
    pub fn borrow(&self) -> std::cell::Ref<'_, Vec<Value>> {
        self.cell.borrow()
    }
    pub fn try_borrow(&self) -> Result<std::cell::Ref<'_, Vec<Value>>, std::cell::BorrowError> {
        self.cell.try_borrow()
    }
    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, Vec<Value>> {
        self.bump();
        self.cell.borrow_mut()
    }
    pub fn try_borrow_mut(
        &self,
    ) -> Result<std::cell::RefMut<'_, Vec<Value>>, std::cell::BorrowMutError> {
        self.bump();
        self.cell.try_borrow_mut()
    }
    /// The slots' vector, as `RefCell::as_ptr` (compiled code reads it).
    pub fn as_ptr(&self) -> *mut Vec<Value> {
        self.cell.as_ptr()
    }
    #[inline]
    fn bump(&self) {
        let v = self.version.get();
        self.version.set(v.saturating_add(1));
    }
    /// The version now (`u32::MAX`: exhausted, never to be relied on).
    pub fn version(&self) -> u32 {
        self.version.get()
    }
    /// Where compiled code reads the version.
    pub fn version_ptr(&self) -> *const u32 {
        self.version.as_ptr()
    }
}

impl ModuleObj {
    pub fn slot_of(&self, name: &str) -> Option<usize> {
        self.slots.borrow().get(name).copied()
    }
    /// The slot for `name`, creating it (unassigned) if needed.
    pub fn intern_slot(&self, name: &str) -> usize {
        if let Some(i) = self.slot_of(name) {
            return i;
        }
        let mut g = self.globals.borrow_mut();
        let i = g.len();
        g.push(Value::Undefined);
        let name: Rc<str> = name.into();
        self.slots.borrow_mut().insert(name.clone(), i);
        self.slot_names.borrow_mut().push(name);
        i
    }
    pub fn get(&self, name: &str) -> Option<Value> {
        let i = self.slot_of(name)?;
        match self.globals.borrow()[i] {
            Value::Undefined => None,
            v => Some(v),
        }
    }
    pub fn set(&self, name: &str, v: Value) {
        let i = self.intern_slot(name);
        self.globals.borrow_mut()[i] = v;
    }
}
impl Trace for ModuleObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.name);
        t.mark_values(&self.globals.borrow());
        t.mark_values(&self.builtin_cache.borrow());
        if let Some(d) = self.namespace.get() {
            t.mark(d);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// A suspended generator frame: its registers are copied out on `yield` and back
/// in on resume (frames otherwise live on the VM's register stack).
pub struct GeneratorObj {
    pub func: Gc<FunctionObj>,
    pub regs: RefCell<Vec<Value>>,
    pub pc: Cell<usize>,
    pub state: Cell<GenState>,
    /// Register that receives the value sent in by `send` when resumed.
    pub resume_reg: Cell<Option<u16>>,
    /// The base and resume position of the frame that was running when the
    /// generator was made (`interp/owned_loops.rs`).
    pub origin: Cell<(usize, u32)>,
}
impl Trace for GeneratorObj {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.func);
        t.mark_values(&self.regs.borrow());
    }
    fn extra_bytes(&self) -> usize {
        self.regs.borrow().len() * 16
    }
}
