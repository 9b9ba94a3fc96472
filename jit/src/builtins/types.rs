//! Calling a type: the constructors of the built-in types (`int(x)`,
//! `list(it)`, `range(...)`, ...), exception classes, and instances of
//! classes defined with `class`.

use crate::interp::vm::Vm;
use crate::runtime::dict_table::DictTable;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::set_table::SetTable;
use crate::runtime::value::Value;

use super::functions::functions_num;
use super::functions::{bind, call_dunder, expect_args, index_int, Params};
use super::text::{TextErrKind, TextError};

pub fn install(_vm: &mut Vm) {}

impl Vm {
    pub fn call_type(&mut self, t: Gc<TypeObj>, args: &[Value], kw: Kwargs) -> PyResult<Value> {
        match t.kind {
            TypeKind::Exception => new_exception_instance(self, t, args, kw),
            TypeKind::Int => new_int(self, args, kw),
            TypeKind::Bool => {
                super::no_kwargs(self, "bool", kw)?;
                expect_args(self, "bool", args, 0, 1)?;
                match args.first() {
                    Some(v) => Ok(Value::Bool(self.truthy(*v)?)),
                    None => Ok(Value::Bool(false)),
                }
            }
            TypeKind::Float => new_float(self, args, kw),
            TypeKind::Str => new_str(self, args, kw),
            TypeKind::Bytes => new_bytes(self, args, kw),
            TypeKind::List => {
                super::no_kwargs(self, "list", kw)?;
                expect_args(self, "list", args, 0, 1)?;
                let items = match args.first() {
                    Some(v) => self.collect_iterable(*v)?,
                    None => Vec::new(),
                };
                Ok(self.new_list(items))
            }
            TypeKind::Tuple => {
                super::no_kwargs(self, "tuple", kw)?;
                expect_args(self, "tuple", args, 0, 1)?;
                match args.first() {
                    // Tuples are immutable: tuple(t) is t itself, as in CPython.
                    Some(v @ Value::Tuple(_)) => Ok(*v),
                    Some(v) => {
                        let items = self.collect_iterable(*v)?;
                        Ok(self.new_tuple(items))
                    }
                    None => Ok(self.empty_tuple),
                }
            }
            TypeKind::Dict => new_dict(self, args, kw),
            TypeKind::Set => new_set(self, args, kw, false),
            TypeKind::FrozenSet => new_set(self, args, kw, true),
            TypeKind::Range => new_range(self, args, kw),
            TypeKind::Slice => {
                super::no_kwargs(self, "slice", kw)?;
                expect_args(self, "slice", args, 1, 3)?;
                let (start, stop, step) = match *args {
                    [stop] => (Value::None, stop, Value::None),
                    [start, stop] => (start, stop, Value::None),
                    [start, stop, step, ..] => (start, stop, step),
                    [] => (Value::None, Value::None, Value::None),
                };
                Ok(Value::Slice(self.heap.alloc(SliceObj {
                    start,
                    stop,
                    step,
                })))
            }
            TypeKind::Type => {
                if args.len() == 1 && !kw.is_empty() {
                    return Err(self.type_error("type() takes no keyword arguments"));
                }
                match args.len() {
                    1 => Ok(Value::Type(self.type_of(args[0]))),
                    3 => self.type_new(args),
                    _ => Err(self.type_error("type() takes 1 or 3 arguments")),
                }
            }
            TypeKind::Object => {
                if !args.is_empty() || !kw.is_empty() {
                    return Err(self.type_error("object() takes no arguments"));
                }
                let o = self.heap.alloc(InstanceObj::plain(t));
                Ok(Value::Instance(o))
            }
            TypeKind::NoneType | TypeKind::Ellipsis | TypeKind::NotImplemented => {
                let (name, v) = match t.kind {
                    TypeKind::NoneType => ("NoneType", Value::None),
                    TypeKind::Ellipsis => ("EllipsisType", Value::Ellipsis),
                    _ => ("NotImplementedType", Value::NotImplemented),
                };
                if !args.is_empty() || !kw.is_empty() {
                    return Err(self.type_error(&format!("{name} takes no arguments")));
                }
                Ok(v)
            }
            TypeKind::User => new_user_instance(self, t, args, kw),
            TypeKind::Property
            | TypeKind::StaticMethod
            | TypeKind::ClassMethod
            | TypeKind::Super => super::class_builtins::call_helper_type(self, t, args, kw),
            _ => Err(self.type_error(&format!("cannot create '{}' instances", t.name.as_str()))),
        }
    }
}

/// A [`TextError`] from `text.rs` as the exception it stands for.
fn text_error(vm: &mut Vm, e: TextError) -> PyExc {
    let name = match e.kind {
        TextErrKind::ValueError => "ValueError",
        TextErrKind::TypeError => "TypeError",
        TextErrKind::OverflowError => "OverflowError",
        TextErrKind::MemoryError => "MemoryError",
    };
    vm.new_exception_msg(name, &e.msg)
}

// ---------------------------------------------------------------- exceptions and instances

fn new_exception_instance(
    vm: &mut Vm,
    t: Gc<TypeObj>,
    args: &[Value],
    kw: Kwargs,
) -> PyResult<Value> {
    let init_name = vm.intern_static("__init__");
    let init = vm.lookup_special(t, init_name);
    if init.is_none() && !kw.is_empty() {
        return Err(vm.type_error(&format!("{}() takes no keyword arguments", t.name.as_str())));
    }
    let e = Value::Instance(vm.instantiate_exception(t, args.to_vec()));
    if let Some(f) = init {
        run_init(vm, e, f, args, kw)?;
    }
    Ok(e)
}

/// An instance of a class made by `class`.
fn new_user_instance(vm: &mut Vm, t: Gc<TypeObj>, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if vm.is_exception_class(t) {
        return new_exception_instance(vm, t, args, kw);
    }
    vm.construct_instance(t, args, kw)
}

fn run_init(vm: &mut Vm, inst: Value, init: Value, args: &[Value], kw: Kwargs) -> PyResult<()> {
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(inst);
    all.extend_from_slice(args);
    vm.temp_roots.push(inst);
    let r = vm.call_value(init, &all, kw);
    vm.temp_roots.pop();
    match r? {
        Value::None => Ok(()),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("__init__() should return None, not '{tn}'")))
        }
    }
}

// ---------------------------------------------------------------- numbers

const INT_PARAMS: Params = Params {
    fname: "int",
    names: &["x", "base"],
    posonly: 1,
    required: 0,
};

fn new_int(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    // `int(x)`, the common call: nothing to bind (binding allocates).
    if let ([x], []) = (args, kw) {
        return int_of(vm, *x);
    }
    let a = bind(vm, &INT_PARAMS, args, kw)?;
    let (x, base) = (a[0], a[1]);
    let Some(x) = x else {
        if base.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    let Some(base) = base else {
        return int_of(vm, x);
    };
    // PyNumber_AsSsize_t(base, NULL): huge bases clamp and then fail the range check.
    let b = match index_int(vm, base)? {
        Value::Int(i) => i,
        _ => -1,
    };
    if !(b == 0 || (2..=36).contains(&b)) {
        return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let b = b as u32;
    let limit = crate::format::int_max_str_digits();
    match x {
        Value::Str(s) => match super::text::parse_int(s.as_str(), b, limit) {
            Ok(n) => Ok(vm.int_from_big(n)),
            Err(e) => {
                let te = e.to_error_for_str(s.as_str(), b);
                Err(text_error(vm, te))
            }
        },
        Value::Bytes(by) => match super::text::parse_int_bytes(&by.b, b, limit) {
            Ok(n) => Ok(vm.int_from_big(n)),
            Err(e) => {
                let te = e.to_error_for_bytes(&by.b, b);
                Err(text_error(vm, te))
            }
        },
        _ => Err(vm.type_error("int() can't convert non-string with explicit base")),
    }
}

/// `int(x)` with one argument (`PyNumber_Long`).
fn int_of(vm: &mut Vm, x: Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => functions_num::float_to_int(vm, f),
        Value::Str(_) | Value::Bytes(_) => new_int(vm, &[x, Value::Int(10)], &[]),
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = call_dunder(vm, x, name, &[])? {
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        other => {
                            let tn = vm.type_name(other);
                            Err(vm.type_error(&format!("{name} returned non-int (type {tn})")))
                        }
                    };
                }
            }
            // An instance of a subclass of int, float or str: its value.
            if let Value::Instance(i) = x {
                if let Some(p) = i.payload() {
                    if matches!(
                        p,
                        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_)
                    ) {
                        return int_of(vm, p);
                    }
                }
            }
            let tn = vm.type_name(x);
            Err(vm.type_error(&format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
            )))
        }
    }
}

fn new_float(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "float", kw)?;
    expect_args(vm, "float", args, 0, 1)?;
    let Some(&x) = args.first() else {
        return Ok(Value::Float(0.0));
    };
    let f = match x {
        Value::Float(f) => f,
        Value::Int(i) => i as f64,
        Value::Bool(b) => b as i64 as f64,
        Value::BigInt(b) => crate::format::bigint_to_f64(&b.0).map_err(|e| vm.fmt_error(e))?,
        Value::Str(s) => match super::text::parse_float(s.as_str()) {
            Some(f) if f.is_nan() => return Ok(vm.fresh_nan(f.is_sign_negative())),
            Some(f) => f,
            None => return Err(vm.value_error(&super::text::float_error_message(s.as_str()))),
        },
        Value::Bytes(b) => match super::text::parse_float_bytes(&b.b) {
            Some(f) => f,
            None => return Err(vm.value_error(&super::text::float_error_message_bytes(&b.b))),
        },
        _ => {
            if let Some(r) = call_dunder(vm, x, "__float__", &[])? {
                return match r {
                    Value::Float(_) => Ok(r),
                    other => {
                        let tn = vm.type_name(other);
                        Err(vm.type_error(&format!("__float__ returned non-float (type {tn})")))
                    }
                };
            }
            if let Some(r) = call_dunder(vm, x, "__index__", &[])? {
                return new_float(vm, &[r], &[]);
            }
            // An instance of a subclass of int, float or str: its value.
            if let Value::Instance(i) = x {
                if let Some(
                    p @ (Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_)),
                ) = i.payload()
                {
                    return new_float(vm, &[p], &[]);
                }
            }
            let tn = vm.type_name(x);
            return Err(vm.type_error(&format!(
                "float() argument must be a string or a real number, not '{tn}'"
            )));
        }
    };
    Ok(Value::Float(f))
}

// ---------------------------------------------------------------- str and bytes

const STR_PARAMS: Params = Params {
    fname: "str",
    names: &["object", "encoding", "errors"],
    posonly: 0,
    required: 0,
};

fn new_str(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    // `str(x)` of a str or an int, the common calls: no binding, and the
    // int's digits straight into the new str (as an f-string's `{i}`).
    if let ([x], []) = (args, kw) {
        match *x {
            Value::Str(_) => return Ok(*x),
            Value::Int(i) => return Ok(vm.new_str_int(i)),
            _ => {}
        }
    }
    let a = bind(vm, &STR_PARAMS, args, kw)?;
    let encoding = str_arg(vm, "str", "encoding", a[1])?;
    let errors = str_arg(vm, "str", "errors", a[2])?;
    let Some(x) = a[0] else {
        return Ok(vm.new_str(""));
    };
    if encoding.is_none() && errors.is_none() {
        if let Value::Str(_) = x {
            return Ok(x);
        }
        let s = vm.str_of(x)?;
        return Ok(vm.new_str(s));
    }
    match x {
        Value::Bytes(b) => {
            let codec = super::methods::lookup_codec(vm, encoding.as_deref().unwrap_or("utf-8"))?;
            let s = super::methods::decode_bytes(
                vm,
                x,
                &b.b,
                codec,
                errors.as_deref().unwrap_or("strict"),
            )?;
            Ok(vm.new_str(s))
        }
        Value::Str(_) => Err(vm.type_error("decoding str is not supported")),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "decoding to str: need a bytes-like object, {tn} found"
            )))
        }
    }
}

/// An optional str argument (`encoding`, `errors`) as a Rust string.
fn str_arg(vm: &mut Vm, fname: &str, pname: &str, v: Option<Value>) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "{fname}() argument '{pname}' must be str, not {tn}"
            )))
        }
    }
}

const BYTES_PARAMS: Params = Params {
    fname: "bytes",
    names: &["source", "encoding", "errors"],
    posonly: 0,
    required: 0,
};

fn new_bytes(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = bind(vm, &BYTES_PARAMS, args, kw)?;
    let encoding = str_arg(vm, "bytes", "encoding", a[1])?;
    let errors = str_arg(vm, "bytes", "errors", a[2])?;
    let Some(x) = a[0] else {
        if encoding.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(vm.new_bytes(Vec::new()));
    };
    if let Some(enc) = encoding {
        let Value::Str(s) = x else {
            return Err(vm.type_error("encoding without a string argument"));
        };
        let codec = super::methods::lookup_codec(vm, &enc)?;
        let b = super::methods::encode_str(
            vm,
            s.as_str(),
            codec,
            errors.as_deref().unwrap_or("strict"),
        )?;
        return Ok(vm.new_bytes(b));
    }
    if errors.is_some() {
        let msg = if matches!(x, Value::Str(_)) {
            "string argument without an encoding"
        } else {
            "errors without a string argument"
        };
        return Err(vm.type_error(msg));
    }
    match x {
        Value::Str(_) => Err(vm.type_error("string argument without an encoding")),
        Value::Bytes(_) => Ok(x),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = match index_int(vm, x)? {
                Value::Int(n) => n,
                _ => {
                    return Err(vm.new_exception_msg(
                        "OverflowError",
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
            };
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            if n > 1 << 34 {
                return Err(vm.new_exception_msg("MemoryError", ""));
            }
            Ok(vm.new_bytes(vec![0u8; n as usize]))
        }
        Value::List(_)
        | Value::Tuple(_)
        | Value::Range(_)
        | Value::Set(_)
        | Value::FrozenSet(_)
        | Value::Dict(_)
        | Value::Iter(_)
        | Value::Generator(_) => {
            let items = vm.collect_iterable(x)?;
            let base = vm.temp_roots.len();
            vm.temp_roots.extend_from_slice(&items);
            let r = bytes_from_ints(vm, &items);
            vm.temp_roots.truncate(base);
            let out = r?;
            Ok(vm.new_bytes(out))
        }
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("cannot convert '{tn}' object to bytes")))
        }
    }
}

fn bytes_from_ints(vm: &mut Vm, items: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(items.len());
    for &v in items {
        let n = match index_int(vm, v)? {
            Value::Int(n) => n,
            _ => -1,
        };
        match u8::try_from(n) {
            Ok(b) => out.push(b),
            Err(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- dict and set

fn new_dict(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    expect_args(vm, "dict", args, 0, 1)?;
    let d = vm.new_dict_obj(DictTable::new());
    let dv = Value::Dict(d);
    vm.temp_roots.push(dv);
    let r = fill_dict(vm, d, args.first().copied(), kw);
    vm.temp_roots.pop();
    r.map(|_| dv)
}

fn fill_dict(vm: &mut Vm, d: Gc<DictObj>, src: Option<Value>, kw: Kwargs) -> PyResult<()> {
    match src {
        None => {}
        Some(Value::Dict(m)) => {
            let entries: Vec<(Value, Value)> = m.table.borrow().iter().collect();
            for (k, v) in entries {
                super::dict_ops::dict_set(vm, d, k, v)?;
            }
        }
        Some(src @ Value::Instance(_)) => super::methods::dict_merge_from(vm, d, src)?,
        Some(src) => {
            let it = vm.get_iter(src)?;
            vm.temp_roots.push(it);
            let r = fill_from_pairs(vm, d, it);
            vm.temp_roots.pop();
            r?;
        }
    }
    for (k, v) in kw {
        super::dict_ops::dict_set(vm, d, Value::Str(*k), *v)?;
    }
    Ok(())
}

/// `dict(iterable)`: every element must itself be an iterable of length 2.
fn fill_from_pairs(vm: &mut Vm, d: Gc<DictObj>, it: Value) -> PyResult<()> {
    let mut idx = 0usize;
    while let Some(item) = vm.iter_next(it)? {
        vm.temp_roots.push(item);
        let r = (|| {
            let pair = match item {
                Value::Tuple(t) => t.items.to_vec(),
                Value::List(l) => l.items.borrow().clone(),
                other => {
                    let Ok(sub) = vm.get_iter(other) else {
                        return Err(vm.type_error(&format!("cannot convert dictionary update sequence element #{idx} to a sequence")));
                    };
                    vm.collect_iterable(sub)?
                }
            };
            if pair.len() != 2 {
                return Err(vm.value_error(&format!(
                    "dictionary update sequence element #{idx} has length {}; 2 is required",
                    pair.len()
                )));
            }
            let base = vm.temp_roots.len();
            vm.temp_roots.extend_from_slice(&pair);
            let r = super::dict_ops::dict_set(vm, d, pair[0], pair[1]);
            vm.temp_roots.truncate(base);
            r
        })();
        vm.temp_roots.pop();
        r?;
        idx += 1;
    }
    Ok(())
}

fn new_set(vm: &mut Vm, args: &[Value], kw: Kwargs, frozen: bool) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    super::no_kwargs(vm, name, kw)?;
    expect_args(vm, name, args, 0, 1)?;
    let wrap = |s: Gc<SetObj>| {
        if frozen {
            Value::FrozenSet(s)
        } else {
            Value::Set(s)
        }
    };
    match args.first().copied() {
        None => Ok(wrap(vm.new_set_obj(SetTable::new()))),
        // frozenset(f) is f itself, as in CPython.
        Some(f @ Value::FrozenSet(_)) if frozen => Ok(f),
        Some(Value::Set(s) | Value::FrozenSet(s)) => {
            let t = SetTable::copy_of(&s.table.borrow());
            Ok(wrap(vm.new_set_obj(t)))
        }
        Some(Value::Dict(d)) => {
            // CPython presizes the table for a dict's keys, which decides the
            // iteration order of the result.
            let keys: Vec<Value> = d.table.borrow().keys().collect();
            let mut t = SetTable::new();
            t.presize_for_dict(keys.len());
            let s = vm.new_set_obj(t);
            let sv = Value::Set(s);
            vm.temp_roots.push(sv);
            let r = (|| {
                for k in keys {
                    super::set_ops::set_add(vm, sv, k)?;
                }
                Ok(())
            })();
            vm.temp_roots.pop();
            r.map(|_| wrap(s))
        }
        Some(src @ (Value::List(_) | Value::Tuple(_))) => {
            let items = vm.collect_iterable(src)?;
            let base = vm.temp_roots.len();
            vm.temp_roots.extend_from_slice(&items);
            let r = super::set_ops::new_set_from(vm, &items, frozen);
            vm.temp_roots.truncate(base);
            r
        }
        // Anything else is added item by item as it is produced, so an
        // unhashable item stops the iteration where CPython's set() does.
        Some(src) => {
            let it = vm.get_iter(src)?;
            let s = vm.new_set_obj(SetTable::new());
            let sv = Value::Set(s);
            vm.temp_roots.push(it);
            vm.temp_roots.push(sv);
            let r = (|| {
                if let Value::Generator(g) = it {
                    return vm.collect_generator(g, crate::interp::frame::Sink::Set(sv));
                }
                while let Some(x) = vm.iter_next(it)? {
                    super::set_ops::set_add(vm, sv, x)?;
                }
                Ok(())
            })();
            vm.temp_roots.pop();
            vm.temp_roots.pop();
            r.map(|_| wrap(s))
        }
    }
}

// ---------------------------------------------------------------- range

fn new_range(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "range", kw)?;
    expect_args(vm, "range", args, 1, 3)?;
    // Plain int arguments (nearly every call): no __index__, no big ints.
    let small = match *args {
        [Value::Int(stop)] => Some((0, stop, 1)),
        [Value::Int(start), Value::Int(stop)] => Some((start, stop, 1)),
        [Value::Int(start), Value::Int(stop), Value::Int(step)] if step != 0 => {
            Some((start, stop, step))
        }
        _ => None,
    };
    if let Some((start, stop, step)) = small {
        let r = RangeObj::from_i64(start, stop, step);
        return Ok(Value::Range(vm.heap.alloc(r)));
    }
    let mut vals = [0i64; 3];
    // Ints past i64 (CPython's ranges are unbounded), copied out at once: a
    // later argument's __index__ may run the GC.
    let mut bigs: [Option<num_bigint::BigInt>; 3] = [None, None, None];
    for ((slot, big), a) in vals.iter_mut().zip(bigs.iter_mut()).zip(args.iter()) {
        match index_int(vm, *a)? {
            Value::Int(i) => *slot = i,
            Value::BigInt(b) => *big = Some(b.0.clone()),
            _ => {} // index_int yields only ints
        }
    }
    let r = if bigs.iter().all(Option::is_none) {
        let (start, stop, step) = match args.len() {
            1 => (0, vals[0], 1),
            2 => (vals[0], vals[1], 1),
            _ => (vals[0], vals[1], vals[2]),
        };
        if step == 0 {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        RangeObj::from_i64(start, stop, step)
    } else {
        let [a, b, c] = bigs;
        let [x, y, z] = vals;
        let (a, b, c) = (
            a.unwrap_or_else(|| x.into()),
            b.unwrap_or_else(|| y.into()),
            c.unwrap_or_else(|| z.into()),
        );
        let (start, stop, step) = match args.len() {
            1 => (0.into(), a, 1.into()),
            2 => (a, b, 1.into()),
            _ => (a, b, c),
        };
        if step == num_bigint::BigInt::from(0) {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        RangeObj::from_big(start, stop, step)
    };
    Ok(Value::Range(vm.heap.alloc(r)))
}
