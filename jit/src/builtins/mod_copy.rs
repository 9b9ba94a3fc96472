//! The `copy` module: `copy` and `deepcopy` for the built-in types.

use std::collections::HashMap;

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::set_table::SetTable;
use crate::runtime::value::Value;

pub fn make_copy(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("copy", "");
    let f = super::native(vm, "copy", copy_copy, None);
    m.set("copy", f);
    let f = super::native(vm, "deepcopy", copy_deepcopy, None);
    m.set("deepcopy", f);
    m
}

fn unsupported(vm: &mut Vm, v: Value) -> PyExc {
    let tn = vm.type_name(v);
    vm.type_error(&format!("cannot pickle '{tn}' object"))
}

fn new_set(vm: &mut Vm, table: SetTable, frozen: bool) -> Value {
    let s = vm.new_set_obj(table);
    if frozen {
        Value::FrozenSet(s)
    } else {
        Value::Set(s)
    }
}

/// `copy.copy(x)`: a shallow copy of a mutable built-in container, `x` itself
/// for everything immutable.
fn copy_copy(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "copy", kw, &["x"])?;
    let x = match (args.first(), super::kwarg(kw, "x")) {
        (Some(x), None) if args.len() == 1 => *x,
        (None, Some(x)) => x,
        _ if args.len() > 1 => {
            return Err(vm.type_error(&format!(
                "copy() takes 1 positional argument but {} were given",
                args.len()
            )))
        }
        _ => return Err(vm.type_error("copy() missing 1 required positional argument: 'x'")),
    };
    shallow(vm, x)
}

fn shallow(vm: &mut Vm, x: Value) -> PyResult<Value> {
    Ok(match x {
        Value::List(l) => {
            let items = l.items.borrow().clone();
            vm.new_list(items)
        }
        Value::Dict(d) => {
            let t = d.table.borrow().clone();
            Value::Dict(vm.new_dict_obj(t))
        }
        Value::Set(s) => {
            let t = SetTable::copy_of(&s.table.borrow());
            new_set(vm, t, false)
        }
        Value::Iter(_) | Value::Generator(_) | Value::DictView(_) => {
            return Err(unsupported(vm, x))
        }
        Value::Instance(i) if i.exc.is_none() => {
            if let Some(r) = vm.call_special(x, "__copy__", &[])? {
                return Ok(r);
            }
            let ext = match &i.ext {
                InstExt::None => InstExt::None,
                InstExt::Payload(p) => InstExt::Payload(shallow(vm, *p)?),
                _ => return Err(unsupported(vm, x)),
            };
            let new = InstanceObj::with_ext(i.class, ext);
            *new.attrs.borrow_mut() = i.table().borrow().clone();
            Value::Instance(vm.heap.alloc(new))
        }
        _ => x,
    })
}

/// `copy.deepcopy(x, memo=None)`.
fn copy_deepcopy(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "deepcopy", kw, &["x", "memo"])?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "deepcopy() takes from 1 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let Some(x) = args.first().copied().or_else(|| super::kwarg(kw, "x")) else {
        return Err(vm.type_error("deepcopy() missing 1 required positional argument: 'x'"));
    };
    let mut memo = HashMap::new();
    let base = vm.temp_roots.len();
    let r = deep(vm, x, &mut memo);
    vm.temp_roots.truncate(base);
    r
}

/// Copies made so far, by the original's address: shared references stay
/// shared and cycles end. Every copy is also pushed on `vm.temp_roots` (the
/// caller truncates) so the collector sees it while it is only in this map.
type Memo = HashMap<usize, Value>;

fn deep(vm: &mut Vm, x: Value, memo: &mut Memo) -> PyResult<Value> {
    let Some(addr) = x.heap_addr() else {
        return Ok(x);
    };
    if let Some(v) = memo.get(&addr) {
        return Ok(*v);
    }
    match x {
        Value::List(l) => {
            let new = vm.new_list(Vec::new());
            vm.temp_roots.push(new);
            memo.insert(addr, new);
            let Value::List(nl) = new else { unreachable!() };
            // Re-read each step: a copy of an item never touches the original.
            let mut i = 0;
            loop {
                let item = match l.items.borrow().get(i) {
                    Some(v) => *v,
                    None => break,
                };
                let c = deep(vm, item, memo)?;
                nl.items.borrow_mut().push(c);
                i += 1;
            }
            Ok(new)
        }
        Value::Dict(d) => {
            let new = vm.new_dict();
            vm.temp_roots.push(new);
            memo.insert(addr, new);
            let Value::Dict(nd) = new else { unreachable!() };
            let entries: Vec<(Value, Value)> = d.table.borrow().iter().collect();
            for (k, v) in entries {
                let kc = deep(vm, k, memo)?;
                let vc = deep(vm, v, memo)?;
                super::dict_ops::dict_set(vm, nd, kc, vc)?;
            }
            Ok(new)
        }
        Value::Set(s) => {
            let new = new_set(vm, SetTable::new(), false);
            vm.temp_roots.push(new);
            memo.insert(addr, new);
            let items: Vec<Value> = s.table.borrow().iter().collect();
            for it in items {
                let c = deep(vm, it, memo)?;
                vm.set_add(new, c)?;
            }
            Ok(new)
        }
        Value::FrozenSet(s) => {
            // CPython deep-copies a frozenset through __reduce_ex__: always a
            // new frozenset, registered in the memo only once built.
            let items: Vec<Value> = s.table.borrow().iter().collect();
            let new = vm.new_set_obj(SetTable::new());
            vm.temp_roots.push(Value::Set(new));
            for it in items {
                let c = deep(vm, it, memo)?;
                vm.set_add(Value::Set(new), c)?;
            }
            if let Some(v) = memo.get(&addr) {
                return Ok(*v);
            }
            let r = Value::FrozenSet(new);
            memo.insert(addr, r);
            Ok(r)
        }
        Value::Tuple(t) => {
            let mut copies = Vec::with_capacity(t.items.len());
            let mut same = true;
            for it in t.items.iter() {
                let c = deep(vm, *it, memo)?;
                vm.temp_roots.push(c);
                same &= c.is(it);
                copies.push(c);
            }
            // A cycle through a mutable item may have copied this tuple already.
            if let Some(v) = memo.get(&addr) {
                return Ok(*v);
            }
            let r = if same { x } else { vm.new_tuple(copies) };
            memo.insert(addr, r);
            vm.temp_roots.push(r);
            Ok(r)
        }
        Value::Iter(_) | Value::Generator(_) | Value::DictView(_) => Err(unsupported(vm, x)),
        Value::Instance(i) if i.exc.is_none() => {
            let hook = vm.intern_static("__deepcopy__");
            if vm.lookup_special(i.class, hook).is_some() {
                let m = vm.new_dict();
                vm.temp_roots.push(m);
                let r = vm
                    .call_special(x, "__deepcopy__", &[m])?
                    .unwrap_or(Value::None);
                vm.temp_roots.push(r);
                memo.insert(addr, r);
                return Ok(r);
            }
            let payload = match &i.ext {
                InstExt::None => None,
                InstExt::Payload(p) => Some(*p),
                _ => return Err(unsupported(vm, x)),
            };
            // Registered before its contents are copied, so cycles end here.
            let new = vm.heap.alloc(InstanceObj::plain(i.class));
            let nv = Value::Instance(new);
            vm.temp_roots.push(nv);
            memo.insert(addr, nv);
            let new = match payload {
                Some(p) => {
                    let c = deep(vm, p, memo)?;
                    vm.temp_roots.push(c);
                    let full = vm
                        .heap
                        .alloc(InstanceObj::with_ext(i.class, InstExt::Payload(c)));
                    let fv = Value::Instance(full);
                    vm.temp_roots.push(fv);
                    memo.insert(addr, fv);
                    full
                }
                None => new,
            };
            let entries: Vec<(Value, Value)> = i.table().borrow().iter().collect();
            for (k, v) in entries {
                let c = deep(vm, v, memo)?;
                if let Value::Str(name) = k {
                    let h = crate::interp::protocol::str_hash(name);
                    new.class.note_instance_attr(h);
                    new.attrs
                        .borrow_mut()
                        .insert(h, k, c, crate::interp::protocol::str_key_eq)
                        .ok();
                }
            }
            Ok(Value::Instance(new))
        }
        // Immutable atoms, functions, types, modules: CPython returns them as is.
        _ => Ok(x),
    }
}
