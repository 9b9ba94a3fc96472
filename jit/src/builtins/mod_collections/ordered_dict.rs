//! `collections.OrderedDict`: order-sensitive equality, `move_to_end`
//! and `popitem(last=)`.

use crate::builtins::dict_ops::{dict_get, dict_remove, dict_set};
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::counter::mapping_dict;
use super::dictlike::{dict_items, dict_update, self_dict};
use super::{is_instance_of, rich_eq, rooted};

const OD: &str = "collections.OrderedDict";

pub(super) fn od_init(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "__init__", OD)?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "OrderedDict expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    dict_update(vm, d, &args[1..], kw)?;
    Ok(Value::None)
}

pub(super) fn od_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__repr__", OD)?;
    let tn = vm.type_name(obj);
    let pairs = dict_items(d);
    if pairs.is_empty() {
        return Ok(vm.new_str(format!("{tn}()")));
    }
    let mut roots: Vec<Value> = pairs.iter().flat_map(|(k, v)| [*k, *v]).collect();
    roots.push(obj);
    let mut s = format!("{tn}([");
    rooted(vm, &roots, |vm| {
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push('(');
            s.push_str(&vm.repr(*k)?);
            s.push_str(", ");
            s.push_str(&vm.repr(*v)?);
            s.push(')');
        }
        Ok(())
    })?;
    s.push_str("])");
    Ok(vm.new_str(s))
}

fn od_equal(vm: &mut Vm, args: &[Value]) -> PyResult<Option<bool>> {
    let (obj, a) = self_dict(vm, args, "__eq__", OD)?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    if !is_instance_of(other, "OrderedDict") {
        return Ok(None);
    }
    let b = mapping_dict(other).expect("OrderedDict payload");
    let same = rooted(vm, &[obj, other], |vm| {
        crate::builtins::dict_ops::dict_eq(vm, a, b)
    })?;
    if !same {
        return Ok(Some(false));
    }
    let ka: Vec<Value> = a.table.borrow().keys().collect();
    let kb: Vec<Value> = b.table.borrow().keys().collect();
    let mut roots = ka.clone();
    roots.extend_from_slice(&kb);
    roots.extend_from_slice(&[obj, other]);
    rooted(vm, &roots, |vm| {
        for (x, y) in ka.iter().zip(kb.iter()) {
            if !rich_eq(vm, *x, *y)? {
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    })
}

pub(super) fn od_eq(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match od_equal(vm, args)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}
pub(super) fn od_ne(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match od_equal(vm, args)? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}

fn bool_arg(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    pos: usize,
    name: &str,
    fname: &str,
) -> PyResult<bool> {
    let mut v = args.get(pos).copied();
    for (k, x) in kw {
        if k.as_str() == name && v.is_none() {
            v = Some(*x);
        } else {
            return Err(vm.type_error(&format!(
                "{fname}() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(true),
    }
}

pub(super) fn od_move_to_end(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "move_to_end", OD)?;
    if args.len() < 2 {
        return Err(vm.type_error("move_to_end() missing required argument 'key' (pos 1)"));
    }
    let key = args[1];
    let last = bool_arg(vm, args, kw, 2, "last", "move_to_end")?;
    let Some(v) = rooted(vm, &[obj, key], |vm| dict_get(vm, d, key))? else {
        return Err(vm.new_exception("KeyError", vec![key]));
    };
    rooted(vm, &[obj, key, v], |vm| {
        if last {
            dict_remove(vm, d, key)?;
            dict_set(vm, d, key, v)
        } else {
            let pairs = dict_items(d);
            let roots: Vec<Value> = pairs.iter().flat_map(|(k, v)| [*k, *v]).collect();
            vm.temp_roots.extend_from_slice(&roots);
            dict_remove(vm, d, key)?;
            let rest = dict_items(d);
            d.table.borrow_mut().clear();
            dict_set(vm, d, key, v)?;
            for (k, x) in rest {
                dict_set(vm, d, k, x)?;
            }
            Ok(())
        }
    })?;
    Ok(Value::None)
}

pub(super) fn od_popitem(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "popitem", OD)?;
    let last = bool_arg(vm, args, kw, 1, "last", "popitem")?;
    let entry = if last {
        d.table.borrow().iter().last()
    } else {
        d.table.borrow().iter().next()
    };
    let Some((k, v)) = entry else {
        return Err(vm.new_exception_msg("KeyError", "dictionary is empty"));
    };
    rooted(vm, &[obj, k, v], |vm| dict_remove(vm, d, k))?;
    Ok(vm.new_tuple(vec![k, v]))
}

pub(super) fn od_copy(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "copy", OD)?;
    let cls = Value::Type(vm.type_of(obj));
    rooted(vm, &[obj], |vm| vm.call_value(cls, &[Value::Dict(d)], &[]))
}
