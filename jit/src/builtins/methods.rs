//! Methods of the built-in types, one submodule per type family
//! (`methods_str`, `methods_bytes`, `methods_list` for list/tuple/range,
//! `methods_dict`, `methods_set` for set/frozenset, `methods_num` for
//! int/float), plus the argument-checking helpers they share.
//!
//! Every method is a `NativeFn` registered on its type with `add_method`; the
//! receiver arrives as `args[0]`. CPython's methods come from three generations
//! of argument parsing (METH_O / METH_NOARGS, Argument Clinic, and the old
//! `PyArg_ParseTuple`), and each words its arity errors differently, so there is
//! one helper per style below: a method uses the helper matching how CPython
//! 3.11 declares it, which is what makes the messages come out identical.
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::text::{TextErrKind, TextError};

#[path = "methods_bytes.rs"]
mod methods_bytes;
#[path = "methods_dict.rs"]
pub(crate) mod methods_dict;
#[path = "methods_list.rs"]
pub(crate) mod methods_list;
#[path = "methods_num.rs"]
mod methods_num;
#[path = "methods_set.rs"]
mod methods_set;
#[path = "methods_str.rs"]
mod methods_str;

// Shared with the constructors: `dict(x)` merges like `dict.update(x)`, and
// `str(b, encoding, errors)` decodes like `bytes.decode`.
/// The TypeError text for a non-integer start/end of the search methods.
pub(crate) const SLICE_MSG: &str =
    "slice indices must be integers or None or have an __index__ method";

pub use methods_bytes::decode_bytes;
pub use methods_dict::merge_from as dict_merge_from;
pub use methods_str::{encode_str, lookup_codec, Codec};

pub fn install(vm: &mut Vm) {
    methods_str::install(vm);
    methods_bytes::install(vm);
    methods_list::install(vm);
    methods_dict::install(vm);
    methods_set::install(vm);
    methods_num::install(vm);
}

/// Register a classmethod (or staticmethod) of a built-in type: the stored
/// builtin is pre-bound to the type object, so `dict.fromkeys(x)` and
/// `d.fromkeys(x)` both arrive with `args[0]` = the type. (A plain method looked
/// up on the type would arrive without a receiver, making the two forms
/// indistinguishable.)
pub(crate) fn add_classmethod(vm: &mut Vm, ty: Gc<TypeObj>, name: &'static str, f: NativeFn) {
    let v = Value::Builtin(vm.heap.alloc_pinned(BuiltinObj {
        prof_id: std::cell::Cell::new(u32::MAX),
        name,
        func: f,
        bound_self: Some(Value::Type(ty)),
        owner: Some(ty),
    }));
    let key = vm.intern(name);
    let h = crate::interp::protocol::str_hash(key);
    ty.dict
        .borrow_mut()
        .insert(h, Value::Str(key), v, crate::interp::protocol::str_key_eq)
        .ok();
}

/// A [`TextError`] from `text.rs` as the Python exception it stands for.
pub(crate) fn text_err(vm: &mut Vm, e: TextError) -> PyExc {
    let name = match e.kind {
        TextErrKind::ValueError => "ValueError",
        TextErrKind::TypeError => "TypeError",
        TextErrKind::OverflowError => "OverflowError",
        TextErrKind::MemoryError => "MemoryError",
    };
    vm.new_exception_msg(name, &e.msg)
}

/// The receiver check of a method called through its type
/// (`str.upper(5)`, `list.append()`): CPython's descriptor errors.
/// `ok` says whether args[0] is an acceptable receiver.
pub(crate) fn check_recv(
    vm: &mut Vm,
    tyname: &str,
    name: &str,
    args: &[Value],
    ok: impl Fn(&Value) -> bool,
) -> PyResult<()> {
    match args.first() {
        None => Err(vm.type_error(&format!(
            "unbound method {tyname}.{name}() needs an argument"
        ))),
        Some(v) if ok(v) => Ok(()),
        Some(v) => {
            let tn = vm.type_name(*v);
            Err(vm.type_error(&format!(
                "descriptor '{name}' for '{tyname}' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

/// "str.find() takes no keyword arguments": for methods without keywords.
pub(crate) fn no_kw(vm: &mut Vm, qual: &dyn std::fmt::Display, kw: Kwargs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(&format!("{qual}() takes no keyword arguments")))
    }
}

/// METH_NOARGS: `args` includes the receiver.
pub(crate) fn noargs(
    vm: &mut Vm,
    qual: &dyn std::fmt::Display,
    args: &[Value],
    kw: Kwargs,
) -> PyResult<()> {
    no_kw(vm, qual, kw)?;
    let n = args.len().saturating_sub(1);
    if n == 0 {
        Ok(())
    } else {
        Err(vm.type_error(&format!("{qual}() takes no arguments ({n} given)")))
    }
}

/// METH_O: the single argument after the receiver.
pub(crate) fn one_arg(
    vm: &mut Vm,
    qual: &dyn std::fmt::Display,
    args: &[Value],
    kw: Kwargs,
) -> PyResult<Value> {
    no_kw(vm, qual, kw)?;
    if args.len() == 2 {
        Ok(args[1])
    } else {
        let n = args.len().saturating_sub(1);
        Err(vm.type_error(&format!("{qual}() takes exactly one argument ({n} given)")))
    }
}

/// Argument Clinic's positional-only check (`_PyArg_CheckPositional`):
/// "strip expected at most 1 argument, got 2". `args` includes the receiver.
pub(crate) fn positional(
    vm: &mut Vm,
    name: &str,
    qual: &dyn std::fmt::Display,
    args: &[Value],
    kw: Kwargs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_kw(vm, qual, kw)?;
    let n = args.len().saturating_sub(1);
    if n >= min && n <= max {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    };
    Err(vm.type_error(&msg))
}

/// The old `PyArg_ParseTuple` arity check: "find() takes at least 1 argument
/// (0 given)". `args` includes the receiver.
pub(crate) fn old_style(
    vm: &mut Vm,
    name: &str,
    qual: &dyn std::fmt::Display,
    args: &[Value],
    kw: Kwargs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_kw(vm, qual, kw)?;
    let n = args.len().saturating_sub(1);
    if n >= min && n <= max {
        return Ok(());
    }
    let (how, k) = if min == max {
        ("exactly", min)
    } else if n < min {
        ("at least", min)
    } else {
        ("at most", max)
    };
    Err(vm.type_error(&format!(
        "{name}() takes {how} {k} argument{} ({n} given)",
        if k == 1 { "" } else { "s" }
    )))
}

/// Argument Clinic's keyword binding (`_PyArg_UnpackKeywords`), with its
/// messages and its order of checks. `args` excludes the receiver; `names` are
/// the parameters in order, the first `maxpos` may be passed by position, the
/// first `required` are required.
pub(crate) fn bind<const N: usize>(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: Kwargs,
    names: [&str; N],
    maxpos: usize,
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let (nargs, nkw) = (args.len(), kw.len());
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if nargs + nkw > N {
        let kwd = if nargs == 0 { "keyword " } else { "" };
        return Err(vm.type_error(&format!(
            "{fname}() takes at most {N} {kwd}argument{} ({} given)",
            plural(N),
            nargs + nkw
        )));
    }
    if nargs > maxpos {
        let msg = if maxpos == 0 {
            format!("{fname}() takes no positional arguments")
        } else {
            let how = if required >= maxpos {
                "exactly"
            } else {
                "at most"
            };
            format!(
                "{fname}() takes {how} {maxpos} positional argument{} ({nargs} given)",
                plural(maxpos)
            )
        };
        return Err(vm.type_error(&msg));
    }
    let mut out = [None; N];
    for (i, a) in args.iter().enumerate() {
        out[i] = Some(*a);
    }
    let find = |name: &str| kw.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| *v);
    let mut left = nkw;
    for i in nargs..N {
        if left == 0 && i >= required {
            break;
        }
        let cur = if left > 0 { find(names[i]) } else { None };
        match cur {
            Some(v) => {
                out[i] = Some(v);
                left -= 1;
            }
            None if i < required => {
                return Err(vm.type_error(&format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )));
            }
            None => {}
        }
    }
    if left > 0 {
        for (i, name) in names.iter().enumerate().take(nargs) {
            if find(name).is_some() {
                return Err(vm.type_error(&format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
        }
        if let Some((k, _)) = kw.iter().find(|(k, _)| !names.contains(&k.as_str())) {
            return Err(vm.type_error(&format!(
                "'{}' is an invalid keyword argument for {fname}()",
                k.as_str()
            )));
        }
    }
    Ok(out)
}

/// A `Py_ssize_t` argument: ints and bools; a too-big int is OverflowError.
pub(crate) fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::BigInt(_) => Err(vm.new_exception_msg(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )))
        }
    }
}

/// A C `int` argument (`expandtabs`' tabsize), via `_PyLong_AsInt`.
pub(crate) fn c_int_arg(vm: &mut Vm, v: Value) -> PyResult<i32> {
    match v {
        Value::Int(i) => i32::try_from(i).map_err(|_| {
            vm.new_exception_msg("OverflowError", "Python int too large to convert to C int")
        }),
        Value::Bool(b) => Ok(b as i32),
        Value::BigInt(_) => {
            Err(vm.new_exception_msg("OverflowError", "Python int too large to convert to C int"))
        }
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )))
        }
    }
}

/// A `bool(accept={int})` argument (`sort(reverse=)`, `splitlines(keepends)`):
/// converted as a C int, then tested for non-zero.
pub(crate) fn int_bool_arg(vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(c_int_arg(vm, v)? != 0)
}

/// A start/end argument of the search methods: None is omitted, ints beyond
/// i64 clamp (as `_PyEval_SliceIndex` clamps to Py_ssize_t).
pub(crate) fn slice_index_arg(vm: &mut Vm, v: Option<Value>, msg: &str) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(i)),
        Some(Value::Bool(b)) => Ok(Some(b as i64)),
        Some(Value::BigInt(b)) => Ok(Some(if b.0.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        })),
        Some(_) => Err(vm.type_error(msg)),
    }
}

/// Run `f` and drop whatever it pushed on `vm.temp_roots`, even on error.
pub(crate) fn with_roots<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    let base = vm.temp_roots.len();
    let r = f(vm);
    vm.temp_roots.truncate(base);
    r
}

/// All items of an iterable, kept alive on `vm.temp_roots` (inside a
/// `with_roots` scope) so later calls that may run Python code cannot free them.
pub(crate) fn collect_rooted(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    let items = vm.collect_iterable(v)?;
    let holder = vm.new_list(items.clone());
    vm.temp_roots.push(holder);
    Ok(items)
}
