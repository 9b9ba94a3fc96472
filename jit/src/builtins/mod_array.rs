//! The `array` module: CPython 3.11's `arraymodule.c` for the typecodes
//! b B h H i I l L q Q f d (not 'u'). `array.array` is a class implemented in
//! Rust (a `TypeKind::User` type of module `array` whose methods and special
//! methods are builtins); each instance carries an [`ArrayData`] with the
//! items stored natively (an 'f' array stores f32 and reads back f64).
//!
//! Conversions follow the C setitem functions and their messages (which
//! differ per typecode: 'b' goes through PyArg "h", 'H' through "i", ...).
//! Items are converted before the storage is borrowed: a conversion may run
//! Python code (`__index__`, `__float__`), and no `RefCell` borrow is held
//! across such a call.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::builtins::functions::index_int;
use crate::interp::ops::CmpOp;
use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

const TYPECODES: &str = "bBuhHiIlLqQfd";

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("array", "");
    let name = vm.intern_static("array");
    let object = vm.types.object;
    let t = vm
        .heap
        .alloc_pinned(TypeObj::new(name, TypeKind::User, vec![object], Some(name)));
    *t.mro.borrow_mut() = vec![t, object];
    // Instances have no __dict__ (subclasses do, as in CPython).
    *t.slots.borrow_mut() = Some(Vec::new());
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", arr_new),
        ("__len__", arr_len),
        ("__getitem__", arr_getitem),
        ("__setitem__", arr_setitem),
        ("__delitem__", arr_delitem),
        ("__iter__", arr_iter),
        ("__reversed__", arr_reversed),
        ("__contains__", arr_contains),
        ("__eq__", arr_eq),
        ("__ne__", arr_ne),
        ("__lt__", arr_lt),
        ("__le__", arr_le),
        ("__gt__", arr_gt),
        ("__ge__", arr_ge),
        ("__add__", arr_add),
        ("__iadd__", arr_iadd),
        ("__mul__", arr_mul),
        ("__rmul__", arr_mul),
        ("__imul__", arr_imul),
        ("__repr__", arr_repr),
        ("__hash__", arr_hash),
        ("append", arr_append),
        ("extend", arr_extend),
        ("insert", arr_insert),
        ("pop", arr_pop),
        ("remove", arr_remove),
        ("index", arr_index),
        ("count", arr_count),
        ("reverse", arr_reverse),
        ("tolist", arr_tolist),
        ("tobytes", arr_tobytes),
        ("frombytes", arr_frombytes),
        ("fromlist", arr_fromlist),
        ("byteswap", arr_byteswap),
    ];
    for (n, f) in methods {
        super::add_method(vm, t, n, *f);
    }
    // `typecode` and `itemsize` are read-only properties.
    super::add_getters(
        vm,
        t,
        &[("typecode", arr_typecode), ("itemsize", arr_itemsize)],
    );
    super::set_type_attr(vm, t, "__module__", Value::Str(name));
    m.set("array", Value::Type(t));
    m.set("ArrayType", Value::Type(t));
    let tc = vm.new_str(TYPECODES);
    m.set("typecodes", tc);
    if !vm.iter_types.contains_key("arrayiterator") {
        let n = vm.intern_static("arrayiterator");
        let it = vm.heap.alloc_pinned(TypeObj::new(
            n,
            TypeKind::Iterator,
            vec![object],
            Some(name),
        ));
        *it.mro.borrow_mut() = vec![it, object];
        vm.iter_types.insert("arrayiterator", it);
    }
    m
}

// ---------------------------------------------------------------- storage

/// The items, natively. 'l' and 'q' share I64, 'L' and 'Q' share U64: the
/// typecode (kept beside) decides conversions and messages.
#[derive(Clone)]
enum Store {
    I8(Vec<i8>),
    U8(Vec<u8>),
    I16(Vec<i16>),
    U16(Vec<u16>),
    I32(Vec<i32>),
    U32(Vec<u32>),
    I64(Vec<i64>),
    U64(Vec<u64>),
    F32(Vec<f32>),
    F64(Vec<f64>),
}

macro_rules! each {
    ($s:expr, $v:ident => $e:expr) => {
        match $s {
            Store::I8($v) => $e,
            Store::U8($v) => $e,
            Store::I16($v) => $e,
            Store::U16($v) => $e,
            Store::I32($v) => $e,
            Store::U32($v) => $e,
            Store::I64($v) => $e,
            Store::U64($v) => $e,
            Store::F32($v) => $e,
            Store::F64($v) => $e,
        }
    };
}

/// Two stores of the same variant (callers check the typecodes match).
macro_rules! pair {
    ($a:expr, $b:expr, $x:ident, $y:ident => $e:expr) => {
        match ($a, $b) {
            (Store::I8($x), Store::I8($y)) => $e,
            (Store::U8($x), Store::U8($y)) => $e,
            (Store::I16($x), Store::I16($y)) => $e,
            (Store::U16($x), Store::U16($y)) => $e,
            (Store::I32($x), Store::I32($y)) => $e,
            (Store::U32($x), Store::U32($y)) => $e,
            (Store::I64($x), Store::I64($y)) => $e,
            (Store::U64($x), Store::U64($y)) => $e,
            (Store::F32($x), Store::F32($y)) => $e,
            (Store::F64($x), Store::F64($y)) => $e,
            _ => unreachable!("array stores of different kinds"),
        }
    };
}

/// An item as a Python number: exact for every integer typecode.
#[derive(Clone, Copy, Debug)]
enum Num {
    I(i128),
    F(f64),
}

trait Elem: Copy + 'static {
    const SIZE: usize;
    fn num(self) -> Num;
    /// From a number already checked to fit.
    fn from_num(n: Num) -> Self;
    fn write_le(self, out: &mut Vec<u8>);
    fn read_le(b: &[u8]) -> Self;
    fn swap(self) -> Self;
}

macro_rules! int_elem {
    ($t:ty) => {
        impl Elem for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            #[inline]
            fn num(self) -> Num {
                Num::I(self as i128)
            }
            #[inline]
            fn from_num(n: Num) -> Self {
                match n {
                    Num::I(i) => i as $t,
                    Num::F(f) => f as $t,
                }
            }
            fn write_le(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn read_le(b: &[u8]) -> Self {
                <$t>::from_le_bytes(b.try_into().expect("item size"))
            }
            fn swap(self) -> Self {
                self.swap_bytes()
            }
        }
    };
}
int_elem!(i8);
int_elem!(u8);
int_elem!(i16);
int_elem!(u16);
int_elem!(i32);
int_elem!(u32);
int_elem!(i64);
int_elem!(u64);

macro_rules! float_elem {
    ($t:ty) => {
        impl Elem for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            #[inline]
            fn num(self) -> Num {
                Num::F(self as f64)
            }
            #[inline]
            fn from_num(n: Num) -> Self {
                match n {
                    Num::I(i) => i as $t,
                    Num::F(f) => f as $t,
                }
            }
            fn write_le(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn read_le(b: &[u8]) -> Self {
                <$t>::from_le_bytes(b.try_into().expect("item size"))
            }
            fn swap(self) -> Self {
                <$t>::from_bits(self.to_bits().swap_bytes())
            }
        }
    };
}
float_elem!(f32);
float_elem!(f64);

impl Store {
    fn new(code: u8) -> Store {
        match code {
            b'b' => Store::I8(Vec::new()),
            b'B' => Store::U8(Vec::new()),
            b'h' => Store::I16(Vec::new()),
            b'H' => Store::U16(Vec::new()),
            b'i' => Store::I32(Vec::new()),
            b'I' => Store::U32(Vec::new()),
            b'l' | b'q' => Store::I64(Vec::new()),
            b'L' | b'Q' => Store::U64(Vec::new()),
            b'f' => Store::F32(Vec::new()),
            _ => Store::F64(Vec::new()),
        }
    }
    #[inline]
    fn len(&self) -> usize {
        each!(self, v => v.len())
    }
    fn itemsize(&self) -> usize {
        each!(self, v => item_size(v))
    }
    #[inline]
    fn get(&self, i: usize) -> Num {
        each!(self, v => v[i].num())
    }
    #[inline]
    fn set(&mut self, i: usize, n: Num) {
        each!(self, v => v[i] = Elem::from_num(n))
    }
    fn push(&mut self, n: Num) {
        each!(self, v => v.push(Elem::from_num(n)))
    }
    fn insert(&mut self, i: usize, n: Num) {
        each!(self, v => v.insert(i, Elem::from_num(n)))
    }
    fn remove(&mut self, i: usize) {
        each!(self, v => {
            v.remove(i);
        })
    }
    fn reverse(&mut self) {
        each!(self, v => v.reverse())
    }
    fn byteswap(&mut self) {
        each!(self, v => {
            for x in v.iter_mut() {
                *x = x.swap();
            }
        })
    }
    fn empty_like(&self) -> Store {
        Store::empty_of(self)
    }
    fn empty_of(s: &Store) -> Store {
        match s {
            Store::I8(_) => Store::I8(Vec::new()),
            Store::U8(_) => Store::U8(Vec::new()),
            Store::I16(_) => Store::I16(Vec::new()),
            Store::U16(_) => Store::U16(Vec::new()),
            Store::I32(_) => Store::I32(Vec::new()),
            Store::U32(_) => Store::U32(Vec::new()),
            Store::I64(_) => Store::I64(Vec::new()),
            Store::U64(_) => Store::U64(Vec::new()),
            Store::F32(_) => Store::F32(Vec::new()),
            Store::F64(_) => Store::F64(Vec::new()),
        }
    }
    /// The items at these positions, as a new store.
    fn pick(&self, pos: impl Iterator<Item = usize>) -> Store {
        let mut out = self.empty_like();
        pair!(&mut out, self, o, s => o.extend(pos.map(|i| s[i])));
        out
    }
    fn extend_from(&mut self, other: &Store) {
        pair!(self, other, a, b => a.extend_from_slice(b))
    }
    /// self[lo:hi] = other (same kind).
    fn splice(&mut self, lo: usize, hi: usize, other: &Store) {
        pair!(self, other, a, b => {
            a.splice(lo..hi, b.iter().copied());
        })
    }
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len() * self.itemsize());
        each!(self, v => {
            for x in v.iter() {
                x.write_le(&mut out);
            }
        });
        out
    }
    /// Append items read from `b` (its length is a multiple of the item size).
    fn extend_bytes(&mut self, b: &[u8]) {
        each!(self, v => extend_le(v, b))
    }
    fn repeat(&self, n: usize) -> Store {
        let mut out = self.empty_like();
        pair!(&mut out, self, o, s => {
            o.reserve(s.len() * n);
            for _ in 0..n {
                o.extend_from_slice(s);
            }
        });
        out
    }
    /// Keep the items whose position `keep` accepts.
    fn retain_positions(&mut self, mut keep: impl FnMut(usize) -> bool) {
        each!(self, v => {
            let mut i = 0;
            v.retain(|_| {
                let k = keep(i);
                i += 1;
                k
            });
        })
    }
}

fn item_size<T: Elem>(_: &[T]) -> usize {
    T::SIZE
}

fn extend_le<T: Elem>(v: &mut Vec<T>, b: &[u8]) {
    v.extend(b.chunks_exact(T::SIZE).map(T::read_le));
}

fn code_itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

/// What an `array.array` instance carries.
pub struct ArrayData {
    code: u8,
    /// `array.array` itself (slices and sums of subclass instances are plain arrays).
    base: Gc<TypeObj>,
    st: RefCell<Store>,
}

impl NativeData for ArrayData {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.base);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn extra_bytes(&self) -> usize {
        self.st
            .try_borrow()
            .map(|s| s.len() * s.itemsize())
            .unwrap_or(0)
    }
}

fn new_array(vm: &mut Vm, class: Gc<TypeObj>, base: Gc<TypeObj>, code: u8, st: Store) -> Value {
    let data = ArrayData {
        code,
        base,
        st: RefCell::new(st),
    };
    Value::Instance(vm.heap.alloc(InstanceObj::with_ext(
        class,
        InstExt::Native(Box::new(data)),
    )))
}

/// A plain `array.array` like `d` holding `st`.
fn array_like(vm: &mut Vm, d: &ArrayData, st: Store) -> Value {
    new_array(vm, d.base, d.base, d.code, st)
}

#[inline]
fn as_array(v: &Value) -> Option<&ArrayData> {
    match v {
        Value::Instance(i) => i.native::<ArrayData>(),
        _ => None,
    }
}

/// `self` of a method: args[0], which must be an array.
fn this<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<&'a ArrayData> {
    if let Some(d) = args.first().and_then(as_array) {
        return Ok(d);
    }
    Err(match args.first() {
        None => vm.type_error(&format!(
            "descriptor '{name}' of 'array.array' object needs an argument"
        )),
        Some(v) => {
            let tn = vm.type_name(*v);
            vm.type_error(&format!(
                "descriptor '{name}' for 'array.array' objects doesn't apply to a '{tn}' object"
            ))
        }
    })
}

fn num_value(vm: &mut Vm, n: Num) -> Value {
    match n {
        Num::I(i) => match i64::try_from(i) {
            Ok(x) => Value::Int(x),
            Err(_) => vm.int_from_big(BigInt::from(i)),
        },
        Num::F(f) => Value::Float(f),
    }
}

/// Every item as a value; big ints made on the way are pushed on
/// `vm.temp_roots` (the caller truncates it to its previous length).
fn values_of(vm: &mut Vm, d: &ArrayData) -> Vec<Value> {
    let nums: Vec<Num> = {
        let s = d.st.borrow();
        (0..s.len()).map(|i| s.get(i)).collect()
    };
    let mut out = Vec::with_capacity(nums.len());
    for n in nums {
        let v = num_value(vm, n);
        if let Value::BigInt(_) = v {
            vm.temp_roots.push(v);
        }
        out.push(v);
    }
    out
}

fn overflow(vm: &mut Vm, msg: &str) -> PyExc {
    vm.new_exception_msg("OverflowError", msg)
}

/// Convert a value for storing in an array of typecode `code`, with the
/// checks and messages of the C setitem functions. May run Python code.
fn convert(vm: &mut Vm, code: u8, v: Value) -> PyResult<Num> {
    if code == b'f' || code == b'd' {
        return match v {
            Value::Float(f) => Ok(Num::F(f)),
            Value::Int(i) => Ok(Num::F(i as f64)),
            _ => crate::builtins::mod_math::to_f64(vm, v).map(Num::F),
        };
    }
    let x: i128 = match v {
        Value::Int(i) => i as i128,
        Value::Bool(b) => b as i128,
        _ => match index_int(vm, v)? {
            Value::Int(i) => i as i128,
            Value::BigInt(b) => {
                b.0.to_i128()
                    .unwrap_or(if b.0.sign() == num_bigint::Sign::Minus {
                        i128::MIN
                    } else {
                        i128::MAX
                    })
            }
            _ => 0,
        },
    };
    check_int(vm, code, x)
}

#[inline]
fn check_int(vm: &mut Vm, code: u8, x: i128) -> PyResult<Num> {
    const LONG: &str = "Python int too large to convert to C long";
    const ULONG: &str = "Python int too large to convert to C unsigned long";
    let fits_long = x >= i64::MIN as i128 && x <= i64::MAX as i128;
    let in_range = |lo: i128, hi: i128| x >= lo && x <= hi;
    let msg: &str = match code {
        b'b' => {
            if !fits_long {
                LONG
            } else if x < i16::MIN as i128 {
                "signed short integer is less than minimum"
            } else if x > i16::MAX as i128 {
                "signed short integer is greater than maximum"
            } else if x < -128 {
                "signed char is less than minimum"
            } else if x > 127 {
                "signed char is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'B' => {
            if !fits_long {
                LONG
            } else if x < 0 {
                "unsigned byte integer is less than minimum"
            } else if x > 255 {
                "unsigned byte integer is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'h' => {
            if !fits_long {
                LONG
            } else if x < i16::MIN as i128 {
                "signed short integer is less than minimum"
            } else if x > i16::MAX as i128 {
                "signed short integer is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'H' => {
            if !fits_long {
                LONG
            } else if x < i32::MIN as i128 {
                "signed integer is less than minimum"
            } else if x > i32::MAX as i128 {
                "signed integer is greater than maximum"
            } else if x < 0 {
                "unsigned short is less than minimum"
            } else if x > u16::MAX as i128 {
                "unsigned short is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'i' => {
            if !fits_long {
                LONG
            } else if x < i32::MIN as i128 {
                "signed integer is less than minimum"
            } else if x > i32::MAX as i128 {
                "signed integer is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'l' => {
            if !fits_long {
                LONG
            } else {
                return Ok(Num::I(x));
            }
        }
        b'q' => {
            if !fits_long {
                "int too big to convert"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'I' => {
            if x < 0 {
                "can't convert negative value to unsigned int"
            } else if x > u64::MAX as i128 {
                ULONG
            } else if x > u32::MAX as i128 {
                "unsigned int is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'L' => {
            if x < 0 {
                "can't convert negative value to unsigned int"
            } else if x > u64::MAX as i128 {
                ULONG
            } else {
                return Ok(Num::I(x));
            }
        }
        _ => {
            // 'Q'
            if x < 0 {
                "can't convert negative int to unsigned"
            } else if !in_range(0, u64::MAX as i128) {
                "int too big to convert"
            } else {
                return Ok(Num::I(x));
            }
        }
    };
    Err(overflow(vm, msg))
}

/// Whether a value can serve as an index (`PyIndex_Check`).
fn has_index(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
        Value::Instance(i) => {
            let n = vm.intern_static("__index__");
            vm.lookup_special(i.class, n).is_some()
        }
        _ => false,
    }
}

/// `PyNumber_AsSsize_t(v, PyExc_IndexError)` for a value with `__index__`.
fn index_for_item(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let r = match v {
        Value::Int(i) => return Ok(i),
        Value::Bool(b) => return Ok(b as i64),
        _ => index_int(vm, v)?,
    };
    match r {
        Value::Int(i) => Ok(i),
        _ => {
            Err(vm.new_exception_msg("IndexError", "cannot fit 'int' into an index-sized integer"))
        }
    }
}

/// An `n` argument (PyArg "n"): `__index__`, OverflowError when too big.
fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match index_int(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(overflow(vm, "Python int too large to convert to C ssize_t")),
    }
}

/// Slice bounds as CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`:
/// (start, stop, step, slicelength).
fn slice_of(vm: &mut Vm, s: &SliceObj, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let (start, stop, step) = vm.slice_indices(s, len)?;
    let n = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if stop < start {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, stop, step, n as usize))
}

fn positions(start: i64, step: i64, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |k| (start + k as i64 * step) as usize)
}

// ---------------------------------------------------------------- construction

fn arr_new(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let Some(&Value::Type(cls)) = args.first() else {
        return Err(vm.type_error("array.__new__(X): X is not a type object"));
    };
    let Some(base) = cls.mro.borrow().iter().copied().find(|t| is_array_type(t)) else {
        let n = cls.name.as_str().to_string();
        return Err(vm.type_error(&format!(
            "array.__new__({n}): {n} is not a subtype of array.array"
        )));
    };
    if !kw.is_empty() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let rest = &args[1..];
    if rest.is_empty() {
        return Err(vm.type_error("array() takes at least 1 argument (0 given)"));
    }
    if rest.len() > 2 {
        return Err(vm.type_error(&format!(
            "array() takes at most 2 arguments ({} given)",
            rest.len()
        )));
    }
    let c = match rest[0] {
        Value::Str(s) if s.char_len() == 1 => s.as_str().chars().next().unwrap_or('\0'),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "array() argument 1 must be a unicode character, not {tn}"
            )));
        }
    };
    let init = rest.get(1).copied();
    if let Some(init) = init {
        if c != 'u' {
            if let Value::Str(_) = init {
                return Err(vm.type_error(&format!(
                    "cannot use a str to initialize an array with typecode '{c}'"
                )));
            }
        }
    }
    // Anything but a list, tuple, bytes or array of the same kind is iterated.
    let same_array = init
        .as_ref()
        .and_then(as_array)
        .is_some_and(|a| a.code as u32 == c as u32);
    let iterated = match init {
        None | Some(Value::None) => None,
        Some(Value::List(_) | Value::Tuple(_) | Value::Bytes(_)) => None,
        Some(_) if same_array => None,
        Some(v) => Some(vm.get_iter(v)?),
    };
    let code = if c.is_ascii() && c != 'u' && TYPECODES.contains(c) {
        c as u8
    } else {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    };
    let mut st = Store::new(code);
    match (init, iterated) {
        (_, Some(it)) => {
            vm.temp_roots.push(it);
            let r = (|| -> PyResult<()> {
                while let Some(x) = vm.iter_next(it)? {
                    let n = convert(vm, code, x)?;
                    st.push(n);
                }
                Ok(())
            })();
            vm.temp_roots.pop();
            r?;
        }
        (Some(Value::List(l)), None) => {
            let n = l.items.borrow().len();
            for i in 0..n {
                let Some(x) = l.items.borrow().get(i).copied() else {
                    break;
                };
                let n = convert(vm, code, x)?;
                st.push(n);
            }
        }
        (Some(Value::Tuple(t)), None) => {
            for &x in t.items.iter() {
                let n = convert(vm, code, x)?;
                st.push(n);
            }
        }
        (Some(Value::Bytes(b)), None) => {
            if !b.b.len().is_multiple_of(code_itemsize(code)) {
                return Err(vm.value_error("bytes length not a multiple of item size"));
            }
            st.extend_bytes(&b.b);
        }
        (Some(v), None) => {
            if let Some(a) = as_array(&v) {
                st = a.st.borrow().clone();
            }
        }
        (None, None) => {}
    }
    Ok(new_array(vm, cls, base, code, st))
}

fn is_array_type(t: &TypeObj) -> bool {
    t.kind == TypeKind::User
        && t.name.as_str() == "array"
        && t.module.is_some_and(|m| m.as_str() == "array")
}

// ---------------------------------------------------------------- sequence protocol

fn arr_len(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__len__")?;
    Ok(Value::Int(d.st.borrow().len() as i64))
}

fn arr_getitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__getitem__")?;
    let Some(&key) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    if let Value::Int(i) = key {
        let n = {
            let s = d.st.borrow();
            let len = s.len() as i64;
            let j = if i < 0 { i + len } else { i };
            if j < 0 || j >= len {
                None
            } else {
                Some(s.get(j as usize))
            }
        };
        return match n {
            Some(Num::I(x)) if x as i64 as i128 == x => Ok(Value::Int(x as i64)),
            Some(n) => Ok(num_value(vm, n)),
            None => Err(vm.new_exception_msg("IndexError", "array index out of range")),
        };
    }
    if let Value::Slice(s) = key {
        let len = d.st.borrow().len();
        let (start, _, step, n) = slice_of(vm, &s, len)?;
        let st = d.st.borrow().pick(positions(start, step, n));
        return Ok(array_like(vm, d, st));
    }
    if !has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = index_for_item(vm, key)?;
    let item = Value::Int(i);
    let a = [args[0], item];
    arr_getitem(vm, &a, &[])
}

fn arr_setitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__setitem__")?;
    let (Some(&key), Some(&v)) = (args.get(1), args.get(2)) else {
        return Err(vm.type_error("expected 2 arguments"));
    };
    if let Value::Int(i) = key {
        let len = d.st.borrow().len() as i64;
        let j = if i < 0 { i + len } else { i };
        if j >= 0 && j < len {
            let n = match v {
                Value::Int(x) => check_int_or_float(vm, d.code, x)?,
                Value::Float(f) if d.code == b'd' || d.code == b'f' => Num::F(f),
                _ => convert(vm, d.code, v)?,
            };
            let mut s = d.st.borrow_mut();
            if (j as usize) < s.len() {
                s.set(j as usize, n);
                return Ok(Value::None);
            }
        }
        return Err(vm.new_exception_msg("IndexError", "array assignment index out of range"));
    }
    if let Value::Slice(s) = key {
        return assign_slice(vm, args[0], d, &s, Some(v));
    }
    if !has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = index_for_item(vm, key)?;
    let a = [args[0], Value::Int(i), v];
    arr_setitem(vm, &a, &[])
}

#[inline]
fn check_int_or_float(vm: &mut Vm, code: u8, x: i64) -> PyResult<Num> {
    match code {
        b'f' | b'd' => Ok(Num::F(x as f64)),
        b'l' | b'q' => Ok(Num::I(x as i128)),
        _ => check_int(vm, code, x as i128),
    }
}

fn arr_delitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__delitem__")?;
    let Some(&key) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    if let Value::Slice(s) = key {
        return assign_slice(vm, args[0], d, &s, None);
    }
    if !has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = index_for_item(vm, key)?;
    let mut s = d.st.borrow_mut();
    let len = s.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        drop(s);
        return Err(vm.new_exception_msg("IndexError", "array assignment index out of range"));
    }
    s.remove(j as usize);
    Ok(Value::None)
}

/// `self[slice] = value` (`value` None: `del self[slice]`), as array_ass_subscr.
fn assign_slice(
    vm: &mut Vm,
    me: Value,
    d: &ArrayData,
    s: &SliceObj,
    value: Option<Value>,
) -> PyResult<Value> {
    let other: Option<Store> = match value {
        None => None,
        Some(v) => match as_array(&v) {
            Some(o) => {
                if o.code != d.code {
                    return Err(vm.type_error("bad argument type for built-in operation"));
                }
                // A copy: the source may be the array itself.
                Some(o.st.borrow().clone())
            }
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "can only assign array (not \"{tn}\") to array slice"
                )));
            }
        },
    };
    let _ = me;
    let len = d.st.borrow().len();
    let (start, mut stop, step, n) = slice_of(vm, s, len)?;
    let needed = other.as_ref().map_or(0, |o| o.len());
    let mut st = d.st.borrow_mut();
    if step == 1 {
        if stop < start {
            stop = start;
        }
        let (lo, hi) = (start as usize, stop as usize);
        match &other {
            Some(o) => st.splice(lo, hi, o),
            None => st.retain_positions(|i| i < lo || i >= hi),
        }
        return Ok(Value::None);
    }
    if needed == 0 {
        // Delete the extended slice.
        let mut gone = vec![false; len];
        for p in positions(start, step, n) {
            gone[p] = true;
        }
        st.retain_positions(|i| !gone[i]);
        return Ok(Value::None);
    }
    if needed != n {
        drop(st);
        return Err(vm.value_error(&format!(
            "attempt to assign array of size {needed} to extended slice of size {n}"
        )));
    }
    let o = other.expect("needed > 0");
    for (k, p) in positions(start, step, n).enumerate() {
        let x = o.get(k);
        st.set(p, x);
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------- iteration

struct ArrayIter {
    arr: Cell<Value>,
    index: Cell<usize>,
    reverse: bool,
}

impl NativeIter for ArrayIter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let a = self.arr.get();
        let Some(d) = as_array(&a) else {
            return Ok(None);
        };
        let i = self.index.get();
        let n = {
            let s = d.st.borrow();
            if self.reverse {
                // `index` counts down from len; items past a shrunk end stop it.
                if i == 0 || i > s.len() {
                    None
                } else {
                    Some(s.get(i - 1))
                }
            } else if i < s.len() {
                Some(s.get(i))
            } else {
                None
            }
        };
        match n {
            Some(n) => {
                self.index.set(if self.reverse { i - 1 } else { i + 1 });
                Ok(Some(num_value(vm, n)))
            }
            None => {
                self.arr.set(Value::None);
                Ok(None)
            }
        }
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.arr.get());
    }
    fn type_name(&self) -> &'static str {
        if self.reverse {
            "reversed"
        } else {
            "arrayiterator"
        }
    }
}

fn arr_iter(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    let it = ArrayIter {
        arr: Cell::new(args[0]),
        index: Cell::new(0),
        reverse: false,
    };
    Ok(vm.new_iter(IterState::Native(Rc::new(it))))
}

/// `reversed(a)` (CPython reaches it through the sequence protocol).
fn arr_reversed(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__reversed__")?;
    let n = d.st.borrow().len();
    let it = ArrayIter {
        arr: Cell::new(args[0]),
        index: Cell::new(n),
        reverse: true,
    };
    Ok(vm.new_iter(IterState::Native(Rc::new(it))))
}

// ---------------------------------------------------------------- comparisons

/// `item == v` for an array item, natively for numbers; None when `v` needs
/// Python's comparison.
fn num_eq_value(n: Num, v: Value) -> Option<bool> {
    let w = match v {
        Value::Int(i) => Num::I(i as i128),
        Value::Bool(b) => Num::I(b as i128),
        Value::Float(f) => Num::F(f),
        _ => return None,
    };
    Some(num_cmp(n, w) == Some(std::cmp::Ordering::Equal))
}

/// Exact comparison of two numbers (None when a NaN is involved).
fn num_cmp(a: Num, b: Num) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(&y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(&y),
        (Num::I(x), Num::F(y)) => int_float_cmp(x, y),
        (Num::F(x), Num::I(y)) => int_float_cmp(y, x).map(Ordering::reverse),
    }
}

fn int_float_cmp(i: i128, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f >= 1.7e38 {
        return Some(Ordering::Less);
    }
    if f <= -1.7e38 {
        return Some(Ordering::Greater);
    }
    let fl = f.floor();
    let fi = fl as i128;
    Some(match i.cmp(&fi) {
        Ordering::Equal if f > fl => Ordering::Less,
        o => o,
    })
}

/// Position of the first item equal to `v` in [lo, hi), comparing `item == v`.
fn find(vm: &mut Vm, d: &ArrayData, v: Value, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let mut i = lo;
    loop {
        let n = {
            let s = d.st.borrow();
            if i >= hi.min(s.len()) {
                return Ok(None);
            }
            s.get(i)
        };
        let eq = match num_eq_value(n, v) {
            Some(b) => b,
            None => {
                let x = num_value(vm, n);
                vm.temp_roots.push(x);
                let r = vm.eq(x, v);
                vm.temp_roots.pop();
                r?
            }
        };
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn arr_contains(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__contains__")?;
    let v = args.get(1).copied().unwrap_or(Value::None);
    Ok(Value::Bool(find(vm, d, v, 0, usize::MAX)?.is_some()))
}

fn richcompare(_vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (
        args.first().and_then(as_array),
        args.get(1).and_then(as_array),
    ) else {
        return Ok(Value::NotImplemented);
    };
    let (la, lb) = (a.st.borrow().len(), b.st.borrow().len());
    if la != lb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    // The first index where the items differ.
    let mut i = 0;
    let differing = loop {
        let (x, y) = {
            let (sa, sb) = (a.st.borrow(), b.st.borrow());
            if i >= sa.len() || i >= sb.len() {
                break None;
            }
            (sa.get(i), sb.get(i))
        };
        if num_cmp(x, y) != Some(std::cmp::Ordering::Equal) {
            break Some((x, y));
        }
        i += 1;
    };
    let Some((x, y)) = differing else {
        let (la, lb) = (a.st.borrow().len(), b.st.borrow().len());
        return Ok(Value::Bool(match op {
            CmpOp::Lt => la < lb,
            CmpOp::Le => la <= lb,
            CmpOp::Eq => la == lb,
            CmpOp::Ne => la != lb,
            CmpOp::Gt => la > lb,
            CmpOp::Ge => la >= lb,
        }));
    };
    use std::cmp::Ordering::*;
    let o = num_cmp(x, y);
    Ok(Value::Bool(match op {
        CmpOp::Eq => false,
        CmpOp::Ne => true,
        CmpOp::Lt => o == Some(Less),
        CmpOp::Le => matches!(o, Some(Less | Equal)),
        CmpOp::Gt => o == Some(Greater),
        CmpOp::Ge => matches!(o, Some(Greater | Equal)),
    }))
}

fn arr_eq(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Eq)
}
fn arr_ne(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Ne)
}
fn arr_lt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Lt)
}
fn arr_le(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Le)
}
fn arr_gt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Gt)
}
fn arr_ge(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Ge)
}

fn arr_hash(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Err(vm.type_error("unhashable type: 'array.array'"))
}

// ---------------------------------------------------------------- operators

/// Whether the other operand's class defines `name` (it then gets its turn).
fn defines(vm: &mut Vm, v: Value, name: &str) -> bool {
    match v {
        Value::Instance(i) => {
            let n = vm.intern(name);
            vm.lookup_special(i.class, n).is_some()
        }
        _ => false,
    }
}

fn arr_add(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__add__")?;
    let b = args.get(1).copied().unwrap_or(Value::None);
    let Some(o) = as_array(&b) else {
        if defines(vm, b, "__radd__") {
            return Ok(Value::NotImplemented);
        }
        let tn = vm.type_name(b);
        return Err(vm.type_error(&format!("can only append array (not \"{tn}\") to array")));
    };
    if o.code != d.code {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut st = d.st.borrow().clone();
    st.extend_from(&o.st.borrow());
    Ok(array_like(vm, d, st))
}

fn arr_iadd(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__iadd__")?;
    let b = args.get(1).copied().unwrap_or(Value::None);
    let Some(o) = as_array(&b) else {
        let tn = vm.type_name(b);
        return Err(vm.type_error(&format!("can only extend array with array (not \"{tn}\")")));
    };
    extend_with_array(vm, d, o)?;
    Ok(args[0])
}

fn extend_with_array(vm: &mut Vm, d: &ArrayData, o: &ArrayData) -> PyResult<()> {
    if o.code != d.code {
        return Err(vm.type_error("can only extend with array of same kind"));
    }
    let add = o.st.borrow().clone();
    d.st.borrow_mut().extend_from(&add);
    Ok(())
}

/// The repeat count of `a * n`, or Err(NotImplemented-or-TypeError).
fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<usize>> {
    let k = match n {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ if has_index(vm, n) => match index_int(vm, n)? {
            Value::Int(i) => i,
            _ => return Err(overflow(vm, "cannot fit 'int' into an index-sized integer")),
        },
        _ => {
            if defines(vm, n, "__rmul__") {
                return Ok(None);
            }
            let tn = vm.type_name(n);
            return Err(vm.type_error(&format!(
                "can't multiply sequence by non-int of type '{tn}'"
            )));
        }
    };
    Ok(Some(k.max(0) as usize))
}

fn arr_mul(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__mul__")?;
    let n = args.get(1).copied().unwrap_or(Value::None);
    let Some(k) = repeat_count(vm, n)? else {
        return Ok(Value::NotImplemented);
    };
    let len = d.st.borrow().len();
    if k > 0 && len.saturating_mul(k).saturating_mul(code_itemsize(d.code)) > (1usize << 40) {
        return Err(vm.new_exception_msg("MemoryError", ""));
    }
    let st = d.st.borrow().repeat(k);
    Ok(array_like(vm, d, st))
}

fn arr_imul(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__imul__")?;
    let n = args.get(1).copied().unwrap_or(Value::None);
    let Some(k) = repeat_count(vm, n)? else {
        return Ok(Value::NotImplemented);
    };
    let len = d.st.borrow().len();
    if k > 0 && len.saturating_mul(k).saturating_mul(code_itemsize(d.code)) > (1usize << 40) {
        return Err(vm.new_exception_msg("MemoryError", ""));
    }
    let st = d.st.borrow().repeat(k);
    *d.st.borrow_mut() = st;
    Ok(args[0])
}

// ---------------------------------------------------------------- repr and attributes

fn arr_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__repr__")?;
    let Value::Instance(inst) = args[0] else {
        unreachable!()
    };
    let name = inst.class.name.as_str().to_string();
    let code = d.code as char;
    let s = d.st.borrow();
    if s.len() == 0 {
        drop(s);
        return Ok(vm.new_str(format!("{name}('{code}')")));
    }
    let mut out = format!("{name}('{code}', [");
    for i in 0..s.len() {
        if i > 0 {
            out.push_str(", ");
        }
        match s.get(i) {
            Num::I(x) => out.push_str(&x.to_string()),
            Num::F(f) => out.push_str(&crate::format::float_repr(f)),
        }
    }
    out.push_str("])");
    drop(s);
    Ok(vm.new_str(out))
}

fn arr_typecode(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "typecode")?;
    let c = (d.code as char).to_string();
    Ok(vm.new_str(c))
}

fn arr_itemsize(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "itemsize")?;
    Ok(Value::Int(code_itemsize(d.code) as i64))
}

// ---------------------------------------------------------------- methods

/// The arguments after `self`, checked: `array.NAME() takes exactly one
/// argument (N given)` and friends (METH_O / METH_NOARGS wording).
fn method_args<'a>(
    vm: &mut Vm,
    args: &'a [Value],
    kw: Kwargs,
    name: &str,
    n: usize,
) -> PyResult<(&'a ArrayData, &'a [Value])> {
    let d = this(vm, args, name)?;
    let full = format!("array.{name}");
    super::no_kwargs(vm, &full, kw)?;
    let rest = &args[1..];
    super::check_arity(vm, &full, rest, n, n)?;
    Ok((d, rest))
}

fn arr_append(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, rest) = method_args(vm, args, kw, "append", 1)?;
    let n = convert(vm, d.code, rest[0])?;
    d.st.borrow_mut().push(n);
    Ok(Value::None)
}

fn arr_extend(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "extend")?;
    super::no_kwargs(vm, "extend", kw)?;
    let rest = &args[1..];
    if rest.len() != 1 {
        return Err(vm.type_error(&format!(
            "extend() takes exactly 1 positional argument ({} given)",
            rest.len()
        )));
    }
    let b = rest[0];
    if let Some(o) = as_array(&b) {
        extend_with_array(vm, d, o)?;
        return Ok(Value::None);
    }
    let it = vm.get_iter(b)?;
    vm.temp_roots.push(it);
    let r = (|| -> PyResult<()> {
        while let Some(x) = vm.iter_next(it)? {
            let n = convert(vm, d.code, x)?;
            d.st.borrow_mut().push(n);
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    r?;
    Ok(Value::None)
}

fn arr_insert(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "insert")?;
    super::no_kwargs(vm, "insert", kw)?;
    let rest = &args[1..];
    if rest.len() != 2 {
        return Err(vm.type_error(&format!("insert expected 2 arguments, got {}", rest.len())));
    }
    let i = ssize_arg(vm, rest[0])?;
    let n = convert(vm, d.code, rest[1])?;
    let mut s = d.st.borrow_mut();
    let len = s.len() as i64;
    let mut w = i;
    if w < 0 {
        w += len;
        if w < 0 {
            w = 0;
        }
    }
    if w > len {
        w = len;
    }
    s.insert(w as usize, n);
    Ok(Value::None)
}

fn arr_pop(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "pop")?;
    super::no_kwargs(vm, "pop", kw)?;
    let rest = &args[1..];
    super::check_arity(vm, "pop", rest, 0, 1)?;
    let mut i = match rest.first() {
        Some(&v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let n = {
        let mut s = d.st.borrow_mut();
        let len = s.len() as i64;
        if len == 0 {
            None
        } else {
            if i < 0 {
                i += len;
            }
            if i < 0 || i >= len {
                Some(None)
            } else {
                let x = s.get(i as usize);
                s.remove(i as usize);
                Some(Some(x))
            }
        }
    };
    match n {
        None => Err(vm.new_exception_msg("IndexError", "pop from empty array")),
        Some(None) => Err(vm.new_exception_msg("IndexError", "pop index out of range")),
        Some(Some(x)) => Ok(num_value(vm, x)),
    }
}

fn arr_remove(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, rest) = method_args(vm, args, kw, "remove", 1)?;
    match find(vm, d, rest[0], 0, usize::MAX)? {
        Some(i) => {
            let mut s = d.st.borrow_mut();
            if i < s.len() {
                s.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

/// A start/stop argument of `index` (`_PyEval_SliceIndexNotNone`).
fn slice_index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if !has_index(vm, v) {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    Ok(match index_int(vm, v)? {
        Value::Int(i) => i,
        Value::BigInt(b) if b.0.sign() == num_bigint::Sign::Minus => i64::MIN,
        _ => i64::MAX,
    })
}

fn arr_index(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "index")?;
    super::no_kwargs(vm, "index", kw)?;
    let rest = &args[1..];
    super::check_arity(vm, "index", rest, 1, 3)?;
    let mut start = match rest.get(1) {
        Some(&v) => slice_index_arg(vm, v)?,
        None => 0,
    };
    let mut stop = match rest.get(2) {
        Some(&v) => slice_index_arg(vm, v)?,
        None => i64::MAX,
    };
    let len = d.st.borrow().len() as i64;
    if start < 0 {
        start = (start.saturating_add(len)).max(0);
    }
    if stop < 0 {
        stop = (stop.saturating_add(len)).max(0);
    }
    let hi = stop.min(len).max(0) as usize;
    match find(vm, d, rest[0], start.min(len) as usize, hi)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn arr_count(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, rest) = method_args(vm, args, kw, "count", 1)?;
    let v = rest[0];
    let mut count = 0i64;
    let mut i = 0;
    while let Some(j) = find(vm, d, v, i, usize::MAX)? {
        count += 1;
        i = j + 1;
    }
    Ok(Value::Int(count))
}

fn arr_reverse(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, _) = method_args(vm, args, kw, "reverse", 0)?;
    d.st.borrow_mut().reverse();
    Ok(Value::None)
}

fn arr_byteswap(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, _) = method_args(vm, args, kw, "byteswap", 0)?;
    d.st.borrow_mut().byteswap();
    Ok(Value::None)
}

fn arr_tolist(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, _) = method_args(vm, args, kw, "tolist", 0)?;
    let base = vm.temp_roots.len();
    let vals = values_of(vm, d);
    let l = vm.new_list(vals);
    vm.temp_roots.truncate(base);
    Ok(l)
}

fn arr_tobytes(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, _) = method_args(vm, args, kw, "tobytes", 0)?;
    let b = d.st.borrow().to_bytes();
    Ok(vm.new_bytes(b))
}

fn arr_frombytes(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, rest) = method_args(vm, args, kw, "frombytes", 1)?;
    let b: Vec<u8> = match rest[0] {
        Value::Bytes(b) => b.b.to_vec(),
        v => match as_array(&v) {
            Some(o) if code_itemsize(o.code) == 1 => o.st.borrow().to_bytes(),
            Some(_) => return Err(vm.type_error("a bytes-like object is required")),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
            }
        },
    };
    if !b.len().is_multiple_of(code_itemsize(d.code)) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    d.st.borrow_mut().extend_bytes(&b);
    vm.heap.add_debt(b.len());
    Ok(Value::None)
}

fn arr_fromlist(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, rest) = method_args(vm, args, kw, "fromlist", 1)?;
    let Value::List(l) = rest[0] else {
        return Err(vm.type_error("arg must be list"));
    };
    // All or nothing: convert every item first.
    let n = l.items.borrow().len();
    let mut nums = Vec::with_capacity(n);
    for i in 0..n {
        let Some(x) = l.items.borrow().get(i).copied() else {
            return Err(vm.new_exception_msg("RuntimeError", "list changed size during iteration"));
        };
        nums.push(convert(vm, d.code, x)?);
    }
    let mut s = d.st.borrow_mut();
    for x in nums {
        s.push(x);
    }
    Ok(Value::None)
}
