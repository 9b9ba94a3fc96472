//! `collections.defaultdict`: the default factory and `__missing__`.

use crate::builtins::dict_ops::dict_set;
use crate::interp::protocol::str_hash;
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::dictlike::{dict_update, self_dict};
use super::{arity, rooted};

fn callable(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Type(_) => true,
        Value::Instance(i) => {
            let n = vm.intern_static("__call__");
            vm.lookup_type_attr(i.class, n).is_some()
        }
        _ => false,
    }
}

pub(super) fn dd_init(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__init__", "collections.defaultdict")?;
    let factory = args.get(1).copied().unwrap_or(Value::None);
    if !factory.is_none() && !callable(vm, factory) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    if let Value::Instance(i) = obj {
        let n = vm.intern_static("default_factory");
        vm.generic_setattr(obj, i, n, factory)?;
    }
    let rest = if args.len() > 2 { &args[2..] } else { &[][..] };
    if !rest.is_empty() || !kw.is_empty() {
        dict_update(vm, d, rest, kw)?;
    }
    Ok(Value::None)
}

pub(super) fn dd_factory(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    let n = vm.intern_static("default_factory");
    match obj {
        Value::Instance(i) => Ok(i
            .table()
            .borrow()
            .get_str(str_hash(n), "default_factory")
            .unwrap_or(Value::None)),
        _ => Ok(Value::None),
    }
}

pub(super) fn dd_missing(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__missing__", "collections.defaultdict")?;
    arity(vm, "__missing__", args, 1, 1)?;
    let key = args[1];
    let f = dd_factory(vm, obj)?;
    if f.is_none() {
        return Err(vm.new_exception("KeyError", vec![key]));
    }
    let v = rooted(vm, &[obj, key, f], |vm| vm.call_value(f, &[], &[]))?;
    rooted(vm, &[obj, key, v], |vm| dict_set(vm, d, key, v))?;
    Ok(v)
}

pub(super) fn dd_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__repr__", "collections.defaultdict")?;
    let f = dd_factory(vm, obj)?;
    let fr = if f.is_none() {
        "None".to_string()
    } else {
        rooted(vm, &[obj, f], |vm| vm.repr(f))?
    };
    let dr = rooted(vm, &[obj], |vm| vm.repr(Value::Dict(d)))?;
    let tn = vm.type_name(obj);
    Ok(vm.new_str(format!("{tn}({fr}, {dr})")))
}

pub(super) fn dd_copy(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "copy", "collections.defaultdict")?;
    let f = dd_factory(vm, obj)?;
    let cls = Value::Type(vm.type_of(obj));
    rooted(vm, &[obj, f], |vm| {
        vm.call_value(cls, &[f, Value::Dict(d)], &[])
    })
}
