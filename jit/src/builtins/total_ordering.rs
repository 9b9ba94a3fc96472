//! `functools.total_ordering`: a class that defines `__eq__` and one of
//! `__lt__`, `__le__`, `__gt__`, `__ge__` gets the other three, derived as
//! CPython's functools.py derives them (NotImplemented passes through).

use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// How a derived comparison is computed from the root one.
#[derive(Clone, Copy)]
enum Derive {
    /// `not root(a, b) and a != b`
    NotAndNe,
    /// `root(a, b) or a == b`
    OrEq,
    /// `not root(a, b)`
    Not,
    /// `not root(a, b) or a == b`
    NotOrEq,
    /// `root(a, b) and a != b`
    AndNe,
}

fn derived(vm: &mut Vm, args: &[Value], root: &str, how: Derive) -> PyResult<Value> {
    let [a, b] = *args else {
        return Err(vm.type_error("comparison expects 2 arguments"));
    };
    let Some(r) = vm.call_special(a, root, &[b])? else {
        return Ok(Value::NotImplemented);
    };
    if let Value::NotImplemented = r {
        return Ok(r);
    }
    let t = vm.truthy(r)?;
    let eq = |vm: &mut Vm| vm.eq(a, b);
    Ok(Value::Bool(match how {
        Derive::NotAndNe => !t && !eq(vm)?,
        Derive::OrEq => t || eq(vm)?,
        Derive::Not => !t,
        Derive::NotOrEq => !t || eq(vm)?,
        Derive::AndNe => t && !eq(vm)?,
    }))
}

macro_rules! derive_fn {
    ($name:ident, $root:expr, $how:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
            derived(vm, args, $root, $how)
        }
    };
}

// From __lt__ (functools._gt_from_lt, _le_from_lt, _ge_from_lt).
derive_fn!(gt_from_lt, "__lt__", Derive::NotAndNe);
derive_fn!(le_from_lt, "__lt__", Derive::OrEq);
derive_fn!(ge_from_lt, "__lt__", Derive::Not);
// From __le__.
derive_fn!(ge_from_le, "__le__", Derive::NotOrEq);
derive_fn!(lt_from_le, "__le__", Derive::AndNe);
derive_fn!(gt_from_le, "__le__", Derive::Not);
// From __gt__.
derive_fn!(lt_from_gt, "__gt__", Derive::NotAndNe);
derive_fn!(ge_from_gt, "__gt__", Derive::OrEq);
derive_fn!(le_from_gt, "__gt__", Derive::Not);
// From __ge__.
derive_fn!(le_from_ge, "__ge__", Derive::NotOrEq);
derive_fn!(gt_from_ge, "__ge__", Derive::AndNe);
derive_fn!(lt_from_ge, "__ge__", Derive::Not);

type Table = [(&'static str, [(&'static str, NativeFn); 3]); 4];

/// CPython's order of preference for the root: __lt__, __le__, __gt__, __ge__.
const CONVERT: Table = [
    (
        "__lt__",
        [
            ("__gt__", gt_from_lt),
            ("__le__", le_from_lt),
            ("__ge__", ge_from_lt),
        ],
    ),
    (
        "__le__",
        [
            ("__ge__", ge_from_le),
            ("__lt__", lt_from_le),
            ("__gt__", gt_from_le),
        ],
    ),
    (
        "__gt__",
        [
            ("__lt__", lt_from_gt),
            ("__ge__", ge_from_gt),
            ("__le__", le_from_gt),
        ],
    ),
    (
        "__ge__",
        [
            ("__le__", le_from_ge),
            ("__gt__", gt_from_ge),
            ("__lt__", lt_from_ge),
        ],
    ),
];

pub fn total_ordering(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "total_ordering", kw)?;
    let [Value::Type(cls)] = *args else {
        return Err(vm.type_error("total_ordering() expects a class"));
    };
    let defined: Vec<&str> = CONVERT
        .iter()
        .map(|(root, _)| *root)
        .filter(|n| {
            let name = vm.intern(n);
            // A subclass of int has int's comparisons (num_dunders.rs).
            vm.lookup_special(cls, name).is_some() || vm.has_num_dunder(cls, n)
        })
        .collect();
    let Some(root) = CONVERT.iter().find(|(r, _)| defined.contains(r)) else {
        return Err(vm.value_error("must define at least one ordering operation: < > <= >="));
    };
    for (name, f) in root.1 {
        if !defined.contains(&name) {
            let v = super::native(vm, name, f, Some(cls));
            let key = vm.intern(name);
            vm.type_setattr(cls, key, v);
        }
    }
    Ok(Value::Type(cls))
}
