//! The structural tests of `match` patterns (CPython's MATCH_SEQUENCE,
//! MATCH_MAPPING, MATCH_KEYS and MATCH_CLASS), as natives the compiled
//! patterns call (`front/compiler/patterns.rs`). Their names are not
//! identifiers, so no program can call or shadow them, and `builtins`
//! leaves them out.

use crate::builtins::functions::class_matches;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::{InstanceObj, Kwargs, PyExc, PyResult, TypeObj};
use crate::runtime::value::Value;

pub fn install(vm: &mut Vm) {
    super::add_function(vm, "<match seq>", match_seq);
    super::add_function(vm, "<match star>", match_star);
    super::add_function(vm, "<match map>", match_map);
    super::add_function(vm, "<match keys>", match_keys);
    super::add_function(vm, "<match rest>", match_rest);
    super::add_function(vm, "<match class>", match_class);
}

/// A native of this file's: not a name a program can write.
pub fn is_internal(name: &str) -> bool {
    name.starts_with('<')
}

/// A class in `t`'s MRO named `name`, from `collections.abc` (where
/// `Sequence.register` and subclassing put a class among the sequences).
fn has_abc_base(t: Gc<TypeObj>, names: &[&str]) -> bool {
    t.mro.borrow().iter().any(|c| {
        names.contains(&c.name.as_str())
            && c.module
                .is_some_and(|m| matches!(m.as_str(), "collections.abc" | "_collections_abc"))
    })
}

fn is_native(t: Gc<TypeObj>, module: &str, name: &str) -> bool {
    t.mro
        .borrow()
        .iter()
        .any(|c| c.name.as_str() == name && c.module.is_some_and(|m| m.as_str() == module))
}

/// What a sequence pattern matches: list, tuple, range, deque, array and
/// their subclasses, and `collections.abc.Sequence` classes; not str,
/// bytes or bytearray.
fn is_sequence(v: Value) -> bool {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
        Value::Instance(i) => {
            instance_is(i, &["Sequence", "MutableSequence"], |p| {
                matches!(p, Value::List(_) | Value::Tuple(_))
            }) || is_native(i.class, "collections", "deque")
                || is_native(i.class, "array", "array")
        }
        _ => false,
    }
}

/// What a mapping pattern matches: dict and its subclasses, and
/// `collections.abc.Mapping` classes.
fn is_mapping(v: Value) -> bool {
    match v {
        Value::Dict(_) => true,
        Value::Instance(i) => instance_is(i, &["Mapping", "MutableMapping"], |p| {
            matches!(p, Value::Dict(_))
        }),
        _ => false,
    }
}

fn instance_is(i: Gc<InstanceObj>, abc: &[&str], payload: impl Fn(Value) -> bool) -> bool {
    i.payload().is_some_and(payload) || has_abc_base(i.class, abc)
}

fn int_arg(v: Value) -> usize {
    match v {
        Value::Int(n) if n >= 0 => n as usize,
        _ => 0,
    }
}

/// `<match seq>(subject, n, star)`: a sequence of exactly `n` items, or
/// at least `n` with a star.
fn match_seq(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (subject, n, star) = (
        args[0],
        int_arg(args[1]),
        matches!(args[2], Value::Bool(true)),
    );
    if !is_sequence(subject) {
        return Ok(Value::Bool(false));
    }
    let len = super::functions::len_of(vm, subject)?;
    Ok(Value::Bool(if star { len >= n } else { len == n }))
}

/// `<match star>(subject, before, after)`: the items a starred name
/// captures, as a list.
fn match_star(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (before, after) = (int_arg(args[1]), int_arg(args[2]));
    let items = vm.collect_iterable(args[0])?;
    let end = items.len().saturating_sub(after).max(before);
    Ok(vm.new_list(items[before..end].to_vec()))
}

fn match_map(_vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(is_mapping(args[0])))
}

/// `<match keys>(subject, k1, ...)`: the values of the keys as a tuple,
/// or None when one is missing. Looked up with `get`, as CPython does
/// (a defaultdict makes no entry).
fn match_keys(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (subject, keys) = (args[0], &args[1..]);
    for (i, k) in keys.iter().enumerate() {
        for earlier in &keys[..i] {
            if vm.eq(*earlier, *k)? {
                let r = vm.repr(*k)?;
                return Err(vm.value_error(&format!("mapping pattern checks duplicate key ({r})")));
            }
        }
    }
    let roots = vm.temp_roots.len();
    let r = lookup_keys(vm, subject, keys);
    vm.temp_roots.truncate(roots);
    r
}

fn lookup_keys(vm: &mut Vm, subject: Value, keys: &[Value]) -> PyResult<Value> {
    let start = vm.temp_roots.len();
    for &k in keys {
        let found = match subject {
            Value::Dict(d) => super::dict_ops::dict_get(vm, d, k)?,
            _ => {
                // Anything else answers through its own `get`, with a
                // default no program holds: a fresh object.
                let missing = vm.new_list(Vec::new());
                vm.temp_roots.push(missing);
                let get = vm.intern_static("get");
                let f = vm.getattr(subject, get)?;
                let v = vm.call_value(f, &[k, missing], &[])?;
                vm.temp_roots.pop();
                (!v.is(&missing)).then_some(v)
            }
        };
        match found {
            Some(v) => vm.temp_roots.push(v),
            None => return Ok(Value::None),
        }
    }
    let values = vm.temp_roots[start..].to_vec();
    Ok(vm.new_tuple(values))
}

/// `<match rest>(subject, k1, ...)`: `**rest` of a mapping pattern, a
/// new dict of the items whose keys the pattern did not name.
fn match_rest(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (subject, keys) = (args[0], &args[1..]);
    let dict = vm.builtins["dict"];
    let rest = vm.call_value(dict, &[subject], &[])?;
    if let Value::Dict(d) = rest {
        for &k in keys {
            super::dict_ops::dict_remove(vm, d, k)?;
        }
    }
    Ok(rest)
}

/// Built-in classes whose one positional subpattern matches the subject
/// itself (`case int(n)`).
const MATCH_SELF: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

/// `<match class>(subject, cls, npos, kw1, ...)`: None unless the subject
/// is an instance of `cls`; else the tuple of what the subpatterns match:
/// the attributes `cls.__match_args__` names for the `npos` positional
/// ones, then the keyword ones'. A missing attribute is no match.
fn match_class(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (subject, cls, npos) = (args[0], args[1], int_arg(args[2]));
    let Value::Type(t) = cls else {
        return Err(vm.type_error("called match pattern must be a class"));
    };
    let st = vm.type_of(subject);
    if !class_matches(vm, subject, st, cls, false)? {
        return Ok(Value::None);
    }
    let mut names: Vec<Option<Value>> = Vec::new();
    if npos > 0 {
        let ma = vm.intern_static("__match_args__");
        match vm.getattr_opt(cls, ma)? {
            Some(Value::Tuple(items)) => {
                if npos > items.items.len() {
                    return Err(too_many_positional(vm, t, items.items.len(), npos));
                }
                for &n in &items.items[..npos] {
                    if !matches!(n, Value::Str(_)) {
                        let tn = vm.type_name(n);
                        return Err(vm.type_error(&format!(
                            "__match_args__ elements must be strings (got {tn})"
                        )));
                    }
                    names.push(Some(n));
                }
            }
            Some(other) => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!(
                    "{}.__match_args__ must be a tuple (got {tn})",
                    t.name.as_str()
                )));
            }
            None if t
                .mro
                .borrow()
                .iter()
                .any(|c| c.module.is_none() && MATCH_SELF.contains(&c.name.as_str())) =>
            {
                if npos > 1 {
                    return Err(too_many_positional(vm, t, 1, npos));
                }
                names.push(None);
            }
            None => return Err(too_many_positional(vm, t, 0, npos)),
        }
    }
    names.extend(args[3..].iter().map(|&k| Some(k)));
    let text = |n: &Option<Value>| match n {
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        _ => None,
    };
    for (i, n) in names.iter().enumerate() {
        if let (Some(n), Some(nt)) = (n, text(n)) {
            if names[..i]
                .iter()
                .any(|m| text(m).as_deref() == Some(nt.as_str()))
            {
                let r = vm.repr(*n)?;
                return Err(vm.type_error(&format!(
                    "{}() got multiple sub-patterns for attribute {r}",
                    t.name.as_str()
                )));
            }
        }
    }
    let roots = vm.temp_roots.len();
    let r = class_attrs(vm, subject, &names);
    vm.temp_roots.truncate(roots);
    r
}

fn class_attrs(vm: &mut Vm, subject: Value, names: &[Option<Value>]) -> PyResult<Value> {
    let start = vm.temp_roots.len();
    for n in names {
        let v = match *n {
            None => subject,
            Some(Value::Str(name)) => match vm.getattr(subject, name) {
                Ok(v) => v,
                Err(e) if e.class.is_subtype_of(vm.exc_types["AttributeError"]) => {
                    return Ok(Value::None)
                }
                Err(e) => return Err(e),
            },
            Some(_) => return Ok(Value::None),
        };
        vm.temp_roots.push(v);
    }
    let values = vm.temp_roots[start..].to_vec();
    Ok(vm.new_tuple(values))
}

fn too_many_positional(vm: &mut Vm, t: Gc<TypeObj>, allowed: usize, given: usize) -> PyExc {
    let s = if allowed == 1 { "" } else { "s" };
    vm.type_error(&format!(
        "{}() accepts {allowed} positional sub-pattern{s} ({given} given)",
        t.name.as_str()
    ))
}
