//! What `defaultdict`, `Counter` and `OrderedDict` share: they are dict
//! subclasses whose instances carry a dict payload; reaching that dict,
//! `__new__`, `__reversed__` and the `|` operators.

use crate::interp::protocol::str_hash;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::counter::mapping_dict;
use super::defaultdict::dd_factory;
use super::{descr_error, find_base, rooted};

/// The dict a defaultdict / Counter / OrderedDict instance extends.
fn dict_of(vm: &mut Vm, v: Value, meth: &str, tname: &str) -> PyResult<Gc<DictObj>> {
    match v {
        Value::Instance(i) => {
            if let Some(Value::Dict(d)) = i.payload() {
                return Ok(d);
            }
        }
        Value::Dict(d) => return Ok(d),
        _ => {}
    }
    Err(descr_error(vm, meth, tname, Some(v)))
}

pub(super) fn self_dict(
    vm: &mut Vm,
    args: &[Value],
    meth: &str,
    tname: &str,
) -> PyResult<(Value, Gc<DictObj>)> {
    let v = args.first().copied().unwrap_or(Value::None);
    let d = dict_of(vm, v, meth, tname)?;
    Ok((v, d))
}

pub(super) fn dict_items(d: Gc<DictObj>) -> Vec<(Value, Value)> {
    d.table.borrow().iter().collect()
}

/// `dict.update(d, *args, **kw)`.
pub(super) fn dict_update(vm: &mut Vm, d: Gc<DictObj>, args: &[Value], kw: Kwargs) -> PyResult<()> {
    let key = vm.intern_static("update");
    let f = vm.types.dict.dict.borrow().get_str(str_hash(key), "update");
    let Some(f) = f else {
        return Err(vm.type_error("dict.update missing"));
    };
    let mut all = vec![Value::Dict(d)];
    all.extend_from_slice(args);
    rooted(vm, &all.clone(), |vm| vm.call_value(f, &all, kw))?;
    Ok(())
}

/// `__new__` of the dict subclasses: an instance with an empty dict; when the
/// class's `__init__` is this module's, it runs here (the interpreter does not
/// call a native `__init__` of a dict subclass).
pub(super) fn dictlike_new(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first().copied() else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    let d = vm.new_dict();
    let inst = Value::Instance(
        vm.heap
            .alloc(InstanceObj::with_ext(cls, InstExt::Payload(d))),
    );
    let init_name = vm.intern_static("__init__");
    let init = vm.lookup_special(cls, init_name);
    if let Some(Value::Builtin(b)) = init {
        if b.bound_self.is_none()
            && b.owner
                .is_some_and(|o| o.module.is_some_and(|m| m.as_str() == "collections"))
        {
            let mut all = vec![inst];
            all.extend_from_slice(&args[1..]);
            rooted(vm, &[inst], |vm| (b.func)(vm, &all, kw))?;
        }
    }
    Ok(inst)
}

pub(super) fn dict_reversed(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "__reversed__", "dict")?;
    let mut keys: Vec<Value> = d.table.borrow().keys().collect();
    keys.reverse();
    let l = vm.new_list(keys);
    vm.get_iter(l)
}

/// `self | other` for defaultdict and OrderedDict: a copy of self (same
/// class) updated with other.
pub(super) fn dictlike_or(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, _) = self_dict(vm, args, "__or__", "dict")?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    if mapping_dict(other).is_none() {
        return Ok(Value::NotImplemented);
    }
    let copy_name = vm.intern_static("copy");
    let new = rooted(vm, &[obj, other], |vm| {
        let f = vm.getattr(obj, copy_name)?;
        vm.temp_roots.push(f);
        vm.call_value(f, &[], &[])
    })?;
    let nd = mapping_dict(new).expect("copy of a dict subclass");
    rooted(vm, &[new, other], |vm| dict_update(vm, nd, &[other], &[]))?;
    Ok(new)
}

/// `other | self`: a new instance of self's class from other, updated with self.
pub(super) fn dictlike_ror(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__ror__", "dict")?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    let Some(od) = mapping_dict(other) else {
        return Ok(Value::NotImplemented);
    };
    let cls = vm.type_of(obj);
    let new = if find_base(cls, "defaultdict").is_some() {
        let f = dd_factory(vm, obj)?;
        rooted(vm, &[obj, other, f], |vm| {
            vm.call_value(Value::Type(cls), &[f, Value::Dict(od)], &[])
        })?
    } else {
        rooted(vm, &[obj, other], |vm| {
            vm.call_value(Value::Type(cls), &[Value::Dict(od)], &[])
        })?
    };
    let nd = mapping_dict(new).expect("dict subclass");
    rooted(vm, &[new, obj], |vm| {
        dict_update(vm, nd, &[Value::Dict(d)], &[])
    })?;
    Ok(new)
}

pub(super) fn dictlike_ior(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__ior__", "dict")?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    rooted(vm, &[obj, other], |vm| dict_update(vm, d, &[other], &[]))?;
    Ok(obj)
}
