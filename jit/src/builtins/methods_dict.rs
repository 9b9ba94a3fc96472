//! Methods of `dict`. Lookups and stores go through `dict_ops` (Python hashing
//! and equality); entries are snapshotted before any loop that may run Python
//! code, so no table borrow is held across it.
use crate::builtins::add_method;
use crate::builtins::dict_ops::{dict_get, dict_remove, dict_set};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{add_classmethod, check_recv, collect_rooted, no_kw, noargs, positional, with_roots};

pub fn install(vm: &mut Vm) {
    let t = vm.types.dict;
    let methods: &[(&'static str, NativeFn)] = &[
        ("get", get),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("update", update),
        ("copy", copy),
        ("clear", clear),
    ];
    for (name, f) in methods {
        add_method(vm, t, name, *f);
    }
    add_classmethod(vm, t, "fromkeys", fromkeys);
}

fn recv(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<DictObj>> {
    check_recv(vm, "dict", name, args, |v| matches!(v, Value::Dict(_)))?;
    match args[0] {
        Value::Dict(d) => Ok(d),
        _ => unreachable!("checked by check_recv"),
    }
}

fn get(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = recv(vm, args, "get")?;
    positional(vm, "get", &"dict.get", args, kw, 1, 2)?;
    Ok(dict_get(vm, d, args[1])?.unwrap_or(args.get(2).copied().unwrap_or(Value::None)))
}

fn view(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    kind: DictViewKind,
) -> PyResult<Value> {
    let d = recv(vm, args, name)?;
    noargs(vm, &format_args!("dict.{name}"), args, kw)?;
    Ok(Value::DictView(
        vm.heap.alloc(DictViewObj { dict: d, kind }),
    ))
}

fn keys(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    view(vm, args, kw, "keys", DictViewKind::Keys)
}

fn values(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    view(vm, args, kw, "values", DictViewKind::Values)
}

fn items(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    view(vm, args, kw, "items", DictViewKind::Items)
}

fn setdefault(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = recv(vm, args, "setdefault")?;
    positional(vm, "setdefault", &"dict.setdefault", args, kw, 1, 2)?;
    if let Some(v) = dict_get(vm, d, args[1])? {
        return Ok(v);
    }
    let default = args.get(2).copied().unwrap_or(Value::None);
    dict_set(vm, d, args[1], default)?;
    Ok(default)
}

fn pop(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = recv(vm, args, "pop")?;
    positional(vm, "pop", &"dict.pop", args, kw, 1, 2)?;
    match dict_remove(vm, d, args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(default) => Ok(*default),
            None => Err(vm.new_exception("KeyError", vec![args[1]])),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = recv(vm, args, "popitem")?;
    noargs(vm, &"dict.popitem", args, kw)?;
    let last = d.table.borrow_mut().pop_last();
    if let (Some(m), Some((k, _))) = (d.module.get(), last) {
        Vm::namespace_dict_written(m, k, Value::Undefined);
    }
    match last {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => Err(vm.new_exception_msg("KeyError", "popitem(): dictionary is empty")),
    }
}

/// `dict.update` and `dict(...)`'s merge of one positional argument: a dict,
/// a mapping (anything with `keys`), or an iterable of key/value pairs.
pub fn merge_from(vm: &mut Vm, d: Gc<DictObj>, other: Value) -> PyResult<()> {
    if let Value::Dict(src) = other {
        let entries: Vec<(Value, Value)> = src.table.borrow().iter().collect();
        if src == d {
            return Ok(());
        }
        return with_roots(vm, |vm| {
            // dict_set may compare keys with Python code: keep the snapshot alive.
            let flat: Vec<Value> = entries.iter().flat_map(|(k, v)| [*k, *v]).collect();
            let holder = vm.new_list(flat);
            vm.temp_roots.push(holder);
            for (k, v) in entries {
                dict_set(vm, d, k, v)?;
            }
            Ok(())
        });
    }
    with_roots(vm, |vm| {
        let keys_name = vm.intern_static("keys");
        if !matches!(other, Value::DictView(_)) {
            if let Some(keys_fn) = vm.getattr_opt(other, keys_name)? {
                vm.temp_roots.push(keys_fn);
                let ks = vm.call_value(keys_fn, &[], &[])?;
                vm.temp_roots.push(ks);
                let ks = collect_rooted(vm, ks)?;
                for k in ks {
                    let v = vm.getitem(other, k)?;
                    vm.temp_roots.push(v);
                    dict_set(vm, d, k, v)?;
                }
                return Ok(());
            }
        }
        let elems = collect_rooted(vm, other)?;
        for (i, e) in elems.into_iter().enumerate() {
            let pair = match e {
                Value::List(_) | Value::Tuple(_) => vm.collect_iterable(e)?,
                _ => {
                    match vm.get_iter(e) {
                        Ok(it) => {
                            vm.temp_roots.push(it);
                            let p = vm.collect_iterable(it)?;
                            let holder = vm.new_list(p.clone());
                            vm.temp_roots.push(holder);
                            p
                        }
                        Err(_) => {
                            return Err(vm.type_error(&format!("cannot convert dictionary update sequence element #{i} to a sequence")));
                        }
                    }
                }
            };
            if pair.len() != 2 {
                return Err(vm.value_error(&format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                )));
            }
            dict_set(vm, d, pair[0], pair[1])?;
        }
        Ok(())
    })
}

fn update(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = recv(vm, args, "update")?;
    // Keywords are the extra items, so only the positional count is checked.
    positional(vm, "update", &"dict.update", args, &[], 0, 1)?;
    if let Some(other) = args.get(1) {
        merge_from(vm, d, *other)?;
    }
    for (k, v) in kw {
        dict_set(vm, d, Value::Str(*k), *v)?;
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = recv(vm, args, "copy")?;
    noargs(vm, &"dict.copy", args, kw)?;
    let t = d.table.borrow().clone();
    Ok(Value::Dict(vm.new_dict_obj(t)))
}

fn clear(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = recv(vm, args, "clear")?;
    noargs(vm, &"dict.clear", args, kw)?;
    d.table.borrow_mut().clear();
    if let Some(m) = d.module.get() {
        Vm::namespace_cleared(m);
    }
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`: a classmethod, args[0] is the type.
fn fromkeys(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_kw(vm, &"dict.fromkeys", kw)?;
    positional(vm, "fromkeys", &"dict.fromkeys", args, kw, 1, 2)?;
    let value = args.get(2).copied().unwrap_or(Value::None);
    if let Value::Type(t) = args[0] {
        if t != vm.types.dict {
            // A subclass (`OrderedDict.fromkeys`): `cls()`, then item
            // assignment, as CPython does for anything but an exact dict.
            return with_roots(vm, |vm| {
                let obj = vm.call_value(args[0], &[], &[])?;
                vm.temp_roots.push(obj);
                let keys = collect_rooted(vm, args[1])?;
                for k in keys {
                    vm.setitem(obj, k, value)?;
                }
                Ok(obj)
            });
        }
    }
    let d = vm.new_dict_obj(crate::runtime::dict_table::DictTable::new());
    with_roots(vm, |vm| {
        vm.temp_roots.push(Value::Dict(d));
        let keys = collect_rooted(vm, args[1])?;
        for k in keys {
            dict_set(vm, d, k, value)?;
        }
        Ok(Value::Dict(d))
    })
}
