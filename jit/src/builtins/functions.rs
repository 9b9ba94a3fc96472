//! Built-in functions: `print`, `len`, attribute and type queries, `iter` and
//! `next`, `input`, `format`, and the argument-parsing helpers the other
//! `functions_*` modules share. Numeric built-ins live in `functions_num`,
//! iteration built-ins in `functions_iter`, sorting in `functions_sort`.
//!
//! CPython declares its built-ins with three generations of argument parsing
//! (METH_O, `_PyArg_CheckPositional`, Argument Clinic), and each words its
//! arity errors differently; each built-in here uses the helper matching how
//! CPython 3.11 declares it so the messages come out identical.

use num_bigint::BigInt;

use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

// Submodules live beside this file (functions_*.rs) so that builtins/mod.rs
// needs no entry per file.
#[path = "functions_iter.rs"]
mod functions_iter;
#[path = "functions_num.rs"]
pub(crate) mod functions_num;
#[path = "functions_sort.rs"]
pub mod functions_sort;

pub fn install(vm: &mut Vm) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("hash", hash),
        ("id", id),
        ("callable", callable),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("vars", super::namespaces::vars),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter),
        ("next", next),
        ("input", input),
        ("open", super::file::open),
        ("format", format),
        ("exit", exit),
        ("quit", exit),
    ];
    for (name, f) in fns {
        super::add_function(vm, name, *f);
    }
    functions_num::install(vm);
    functions_iter::install(vm);
}

// ---------------------------------------------------------------- argument helpers

/// `_PyArg_CheckPositional` wording: `divmod expected 2 arguments, got 1`,
/// `iter expected at least 1 argument, got 0`.
pub(crate) fn expect_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
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

/// Reject keywords outside `allowed`: `'foo' is an invalid keyword argument for print()`.
pub(crate) fn check_kw_names(
    vm: &mut Vm,
    fname: &str,
    kw: Kwargs,
    allowed: &[&str],
) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&k.as_str()) {
            return Err(vm.type_error(&format!(
                "'{}' is an invalid keyword argument for {fname}()",
                k.as_str()
            )));
        }
    }
    Ok(())
}

/// An Argument Clinic signature without keyword-only parameters.
pub(crate) struct Params {
    pub fname: &'static str,
    pub names: &'static [&'static str],
    /// Leading parameters that cannot be passed by keyword.
    pub posonly: usize,
    /// The first `required` parameters must be given.
    pub required: usize,
}

/// Bind arguments the way `_PyArg_UnpackKeywords` does, with its messages and
/// in its order of checks.
pub(crate) fn bind(
    vm: &mut Vm,
    p: &Params,
    args: &[Value],
    kw: Kwargs,
) -> PyResult<Vec<Option<Value>>> {
    let maxargs = p.names.len();
    let (nargs, nkw) = (args.len(), kw.len());
    let fname = p.fname;
    if nargs + nkw > maxargs {
        let msg = format!(
            "{fname}() takes at most {maxargs} {}argument{} ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            if maxargs == 1 { "" } else { "s" },
            nargs + nkw
        );
        return Err(vm.type_error(&msg));
    }
    let minpos = p.posonly.min(p.required);
    if nargs < minpos {
        let msg = format!(
            "{fname}() takes {} {minpos} positional argument{} ({nargs} given)",
            if minpos < maxargs {
                "at least"
            } else {
                "exactly"
            },
            if minpos == 1 { "" } else { "s" }
        );
        return Err(vm.type_error(&msg));
    }
    let mut out: Vec<Option<Value>> = vec![None; maxargs];
    for (slot, a) in out.iter_mut().zip(args.iter()) {
        *slot = Some(*a);
    }
    let mut used = 0;
    for (i, name) in p.names.iter().enumerate().skip(p.posonly) {
        match kw.iter().find(|(k, _)| k.as_str() == *name) {
            Some((_, v)) => {
                if i < nargs {
                    return Err(vm.type_error(&format!(
                        "argument for {fname}() given by name ('{name}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(*v);
                used += 1;
            }
            None => {
                if i >= nargs && i < p.required {
                    return Err(vm.type_error(&format!(
                        "{fname}() missing required argument '{name}' (pos {})",
                        i + 1
                    )));
                }
            }
        }
    }
    if used < nkw {
        let allowed = &p.names[p.posonly.min(maxargs)..];
        check_kw_names(vm, fname, kw, allowed)?;
    }
    Ok(out)
}

/// `operator.index(v)` for the built-in ints: an Int or BigInt value, or
/// `'float' object cannot be interpreted as an integer`.
pub(crate) fn index_int(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Instance(_) => match call_dunder(vm, v, "__index__", &[])? {
            Some(r @ (Value::Int(_) | Value::BigInt(_))) => Ok(r),
            Some(Value::Bool(b)) => Ok(Value::Int(b as i64)),
            Some(r) => {
                let tn = vm.type_name(r);
                Err(vm.type_error(&format!("__index__ returned non-int (type {tn})")))
            }
            None => Err(not_an_integer(vm, v)),
        },
        _ => Err(not_an_integer(vm, v)),
    }
}

fn not_an_integer(vm: &mut Vm, v: Value) -> PyExc {
    let tn = vm.type_name(v);
    vm.type_error(&format!(
        "'{tn}' object cannot be interpreted as an integer"
    ))
}

/// `PyNumber_AsSsize_t(v, NULL)`: an index clamped to the i64 range.
pub(crate) fn index_i64_clamped(vm: &mut Vm, v: Value) -> PyResult<i64> {
    Ok(match index_int(vm, v)? {
        Value::Int(i) => i,
        Value::BigInt(b) if b.0.sign() == num_bigint::Sign::Minus => i64::MIN,
        _ => i64::MAX,
    })
}

/// Call the special method `name` of an instance of a user class, if its class
/// defines one. Other values have no user-defined special methods.
pub(crate) fn call_dunder(
    vm: &mut Vm,
    v: Value,
    name: &str,
    args: &[Value],
) -> PyResult<Option<Value>> {
    vm.call_special(v, name, args)
}

/// Whether `e` is an instance of the built-in exception class `name`.
pub(crate) fn exc_is(vm: &Vm, e: PyExc, name: &str) -> bool {
    match vm.exc_types.get(name) {
        Some(t) => e.class.is_subtype_of(*t),
        None => false,
    }
}

fn attr_name(vm: &mut Vm, v: Value) -> PyResult<crate::runtime::heap::Gc<StrObj>> {
    match v {
        Value::Str(s) => Ok(s),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")))
        }
    }
}

// ---------------------------------------------------------------- print and input

fn print(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (mut sep, mut end, mut file, mut flush) =
        (Value::None, Value::None, Value::None, Value::Bool(false));
    for (k, v) in kw {
        match k.as_str() {
            "sep" => sep = *v,
            "end" => end = *v,
            "file" => file = *v,
            "flush" => flush = *v,
            other => {
                return Err(vm.type_error(&format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    for (what, v) in [("sep", sep), ("end", end)] {
        if !matches!(v, Value::None | Value::Str(_)) {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("{what} must be None or a string, not {tn}")));
        }
    }
    let sep_s = sep.as_str().unwrap_or(" ").to_string();
    let end_s = end.as_str().unwrap_or("\n").to_string();
    // sys.stdout / sys.stderr (or no file) go straight to the VM's buffers; any
    // other object gets its `write` called once per piece, as CPython does.
    let target = match file {
        Value::None => Some(false),
        f => super::modules::stream_is_stderr(f),
    };
    match target {
        Some(to_stderr) => {
            // Each piece is written as soon as it is ready, so output before a
            // failing str() is kept, as with CPython's buffered stream.
            let put = |vm: &mut Vm, s: &str| {
                if to_stderr {
                    vm.stdout.flush();
                    vm.stderr.write_str(s);
                } else {
                    vm.stdout.write_str(s);
                }
            };
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    put(vm, &sep_s);
                }
                match a {
                    Value::Str(s) => put(vm, s.as_str()),
                    _ => {
                        let s = vm.str_of(*a)?;
                        put(vm, &s);
                    }
                }
            }
            put(vm, &end_s);
            if vm.truthy(flush)? {
                if to_stderr {
                    vm.stderr.flush();
                } else {
                    vm.stdout.flush();
                }
            }
        }
        None => {
            let wname = vm.intern_static("write");
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    let s = vm.new_str(sep_s.as_str());
                    write_piece(vm, file, wname, s)?;
                }
                let s = match a {
                    Value::Str(_) => *a,
                    _ => {
                        let t = vm.str_of(*a)?;
                        vm.new_str(t)
                    }
                };
                write_piece(vm, file, wname, s)?;
            }
            let s = vm.new_str(end_s.as_str());
            write_piece(vm, file, wname, s)?;
            if vm.truthy(flush)? {
                let fname = vm.intern_static("flush");
                let f = vm.getattr(file, fname)?;
                vm.call_value(f, &[], &[])?;
            }
        }
    }
    Ok(Value::None)
}

fn write_piece(
    vm: &mut Vm,
    file: Value,
    wname: crate::runtime::heap::Gc<StrObj>,
    s: Value,
) -> PyResult<()> {
    let w = vm.getattr(file, wname)?;
    vm.temp_roots.push(w);
    vm.temp_roots.push(s);
    let r = vm.call_value(w, &[s], &[]);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    r.map(|_| ())
}

fn input(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "input", kw)?;
    expect_args(vm, "input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let s = vm.str_of(*p)?;
        vm.stdout.write_str(&s);
    }
    vm.stdout.flush();
    vm.stderr.flush();
    let mut buf = Vec::new();
    let n = {
        use std::io::BufRead;
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        lock.read_until(b'\n', &mut buf)
    };
    match n {
        Ok(0) => Err(vm.new_exception_msg("EOFError", "EOF when reading a line")),
        Ok(_) => {
            // Only "\n" is stripped: on POSIX sys.stdin does no newline
            // translation, so "\r\n" leaves a "\r".
            if buf.last() == Some(&b'\n') {
                buf.pop();
            }
            let s = String::from_utf8_lossy(&buf).into_owned();
            Ok(vm.new_str(s))
        }
        Err(e) => Err(vm.new_exception_msg("OSError", &e.to_string())),
    }
}

fn exit(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    check_kw_names(vm, "Quitter.__call__", kw, &["code"])?;
    if args.len() + kw.len() > 1 {
        let n = args.len() + 1;
        return Err(vm.type_error(&format!(
            "Quitter.__call__() takes from 1 to 2 positional arguments but {n} were given"
        )));
    }
    let code = args
        .first()
        .copied()
        .or_else(|| kw.first().map(|(_, v)| *v));
    Err(vm.new_exception("SystemExit", code.into_iter().collect()))
}

// ---------------------------------------------------------------- len, repr, hash, id

pub(crate) fn len(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "len", kw)?;
    super::check_arity(vm, "len", args, 1, 1)?;
    Ok(Value::Int(len_of(vm, args[0])? as i64))
}

/// `len(v)`.
pub fn len_of(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let n: i64 = match v {
        Value::Str(s) => s.char_len() as i64,
        Value::List(l) => l.items.borrow().len() as i64,
        Value::Tuple(t) => t.items.len() as i64,
        Value::Dict(d) => d.table.borrow().len() as i64,
        Value::Set(s) | Value::FrozenSet(s) => s.table.borrow().len() as i64,
        Value::Bytes(b) => b.b.len() as i64,
        Value::DictView(dv) => dv.dict.table.borrow().len() as i64,
        Value::Range(r) => r.len().ok_or_else(|| {
            vm.new_exception_msg(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            )
        })?,
        Value::Instance(_) => match vm.instance_len(v)? {
            Some(n) => n as i64,
            None => return Err(no_len(vm, v)),
        },
        Value::Type(t) => match vm.class_hook(t, "__jitprof_class_len__")? {
            Some(f) => match vm.call_value(f, &[], &[])? {
                Value::Int(n) if n >= 0 => n,
                _ => return Err(vm.type_error("'__len__' returned a bad value")),
            },
            None => return Err(no_len(vm, v)),
        },
        _ => return Err(no_len(vm, v)),
    };
    Ok(n as usize)
}

fn no_len(vm: &mut Vm, v: Value) -> PyExc {
    let tn = vm.type_name(v);
    vm.type_error(&format!("object of type '{tn}' has no len()"))
}

fn repr(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "repr", kw)?;
    super::check_arity(vm, "repr", args, 1, 1)?;
    let s = vm.repr(args[0])?;
    Ok(vm.new_str(s))
}

fn ascii(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "ascii", kw)?;
    super::check_arity(vm, "ascii", args, 1, 1)?;
    let r = vm.repr(args[0])?;
    Ok(vm.new_str(super::text::ascii_repr(&r)))
}

fn hash(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "hash", kw)?;
    super::check_arity(vm, "hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash(args[0])?))
}

/// `id(v)`: the heap address for heap objects. Values stored inline (ints,
/// floats, bools, None) get an id above 2**64 built from their tag and bits, so
/// `id(a) == id(b)` exactly when `a is b` and no heap address can collide.
fn id(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "id", kw)?;
    super::check_arity(vm, "id", args, 1, 1)?;
    let v = args[0];
    if let Some(a) = v.heap_addr() {
        return Ok(Value::Int(a as i64));
    }
    let payload: u64 = match v {
        Value::Bool(b) => b as u64,
        Value::Int(i) => i as u64,
        Value::Float(f) => f.to_bits(),
        _ => 0,
    };
    let id = (BigInt::from(v.tag()) << 64u32) | BigInt::from(payload);
    Ok(vm.int_from_big(id))
}

fn callable(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "callable", kw)?;
    super::check_arity(vm, "callable", args, 1, 1)?;
    let r = match args[0] {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Type(_) => true,
        Value::Instance(i) => {
            let n = vm.intern_static("__call__");
            vm.lookup_type_attr(i.class, n).is_some()
        }
        _ => false,
    };
    Ok(Value::Bool(r))
}

// ---------------------------------------------------------------- attributes

fn getattr(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "getattr", kw)?;
    expect_args(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, args[1])?;
    match vm.getattr(args[0], name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && exc_is(vm, e, "AttributeError") => Ok(args[2]),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "setattr", kw)?;
    expect_args(vm, "setattr", args, 3, 3)?;
    let name = attr_name(vm, args[1])?;
    vm.setattr(args[0], name, args[2])?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "hasattr", kw)?;
    expect_args(vm, "hasattr", args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    match vm.getattr_opt(args[0], name) {
        Ok(v) => Ok(Value::Bool(v.is_some())),
        Err(e) if exc_is(vm, e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "delattr", kw)?;
    expect_args(vm, "delattr", args, 2, 2)?;
    let name = attr_name(vm, args[1])?;
    vm.delattr(args[0], name)?;
    Ok(Value::None)
}

// ---------------------------------------------------------------- isinstance, issubclass

pub fn isinstance(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "isinstance", kw)?;
    expect_args(vm, "isinstance", args, 2, 2)?;
    let t = vm.type_of(args[0]);
    Ok(Value::Bool(class_matches(vm, args[0], t, args[1], false)?))
}

fn issubclass(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "issubclass", kw)?;
    expect_args(vm, "issubclass", args, 2, 2)?;
    match (args[0], args[1]) {
        (Value::Type(t), cls) => Ok(Value::Bool(class_matches(vm, args[0], t, cls, true)?)),
        (_, Value::Tuple(ts)) if ts.items.is_empty() => Ok(Value::Bool(false)),
        _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}

/// Whether type `t` (of `obj`, or `obj` itself for issubclass) is `cls` or
/// a subclass of it (`cls` may be a nested tuple, checked left to right and
/// stopping at the first match, as CPython does). An object that is not a
/// class decides through its class's `__instancecheck__` /
/// `__subclasscheck__` (`typing.List` does).
pub(crate) fn class_matches(
    vm: &mut Vm,
    obj: Value,
    t: crate::runtime::heap::Gc<TypeObj>,
    cls: Value,
    sub: bool,
) -> PyResult<bool> {
    match cls {
        Value::Type(c) if t.is_subtype_of(c) => Ok(true),
        Value::Type(c) if is_abc(c) => {
            // What ABCMeta.__subclasscheck__ does, written in abc.py.
            let hook = vm.intern_static("_jitprof_subclasscheck");
            match vm.getattr_opt(cls, hook)? {
                Some(f) => {
                    let r = vm.call_value(f, &[Value::Type(t)], &[])?;
                    vm.truthy(r)
                }
                None => Ok(false),
            }
        }
        Value::Type(_) => Ok(false),
        Value::Tuple(ts) => {
            for c in ts.items.iter() {
                if class_matches(vm, obj, t, *c, sub)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Instance(i) => {
            let hook = vm.intern_static(if sub {
                "__subclasscheck__"
            } else {
                "__instancecheck__"
            });
            match vm.lookup_special(i.class, hook) {
                Some(f) => {
                    let f = vm.bind_class_attr(f, cls, i.class)?;
                    let r = vm.call_value(f, &[obj], &[])?;
                    vm.truthy(r)
                }
                None => Err(not_a_class(vm, sub)),
            }
        }
        _ => Err(not_a_class(vm, sub)),
    }
}

/// Whether `c` derives from `abc.ABC` (jitprof's, written in Python):
/// its isinstance answers also come from `register()` and
/// `__subclasshook__`.
fn is_abc(c: crate::runtime::heap::Gc<TypeObj>) -> bool {
    c.kind == TypeKind::User
        && c.mro
            .borrow()
            .iter()
            .any(|b| b.module.is_some_and(|m| m.as_str() == "abc") && b.name.as_str() == "ABC")
}

fn not_a_class(vm: &mut Vm, sub: bool) -> PyExc {
    if sub {
        vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
    } else {
        vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")
    }
}

// ---------------------------------------------------------------- iter, next, format

fn iter(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "iter", kw)?;
    expect_args(vm, "iter", args, 1, 2)?;
    if args.len() == 1 {
        return vm.get_iter(args[0]);
    }
    let f = args[0];
    let is_callable = match callable(vm, &[f], &[])? {
        Value::Bool(b) => b,
        _ => false,
    };
    if !is_callable {
        return Err(vm.type_error("iter(v, w): v must be callable"));
    }
    Ok(vm.new_iter(IterState::Callable {
        func: f,
        sentinel: args[1],
    }))
}

fn next(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "next", kw)?;
    expect_args(vm, "next", args, 1, 2)?;
    let it = args[0];
    let r = match it {
        Value::Iter(_) | Value::Generator(_) => vm.iter_next(it)?,
        Value::Instance(_) => match call_dunder(vm, it, "__next__", &[]) {
            Ok(Some(v)) => Some(v),
            Ok(None) => return Err(not_an_iterator(vm, it)),
            Err(e) if args.len() == 2 && exc_is(vm, e, "StopIteration") => None,
            Err(e) => return Err(e),
        },
        _ => return Err(not_an_iterator(vm, it)),
    };
    match r {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(*d),
            None => {
                // A generator's return value travels in StopIteration.value.
                let ret = if let Value::Generator(_) = it {
                    std::mem::replace(&mut vm.last_return, Value::None)
                } else {
                    Value::None
                };
                let a = if ret.is_none() { Vec::new() } else { vec![ret] };
                Err(vm.new_exception("StopIteration", a))
            }
        },
    }
}

fn not_an_iterator(vm: &mut Vm, v: Value) -> PyExc {
    let tn = vm.type_name(v);
    vm.type_error(&format!("'{tn}' object is not an iterator"))
}

fn format(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "format", kw)?;
    expect_args(vm, "format", args, 1, 2)?;
    vm.format_value(args[0], args.get(1).copied())
}
