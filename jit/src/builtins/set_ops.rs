//! Set operations with Python equality and hashing.

use crate::interp::ops::BinOp;
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::set_table::SetTable;
use crate::runtime::value::Value;

use super::dict_ops::{is_simple_key, simple_eq};


pub fn set_obj(v: Value) -> Option<crate::runtime::heap::Gc<SetObj>> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Some(s),
        _ => None,
    }
}

pub fn set_add(vm: &mut Vm, set: Value, item: Value) -> PyResult<()> {
    let Some(s) = set_obj(set) else { return Ok(()) };
    let h = vm.hash(item)?;
    if is_simple_key(item) {
        s.table.borrow_mut().insert(h, item, |a, b| Ok::<bool, ()>(simple_eq(a, b))).ok();
    } else {
        let mut t = s.table.borrow().clone();
        t.insert(h, item, |a, b| vm.eq(*a, *b))?;
        *s.table.borrow_mut() = t;
    }
    vm.heap.add_debt(24);
    Ok(())
}

pub fn set_contains(vm: &mut Vm, set: Value, item: Value) -> PyResult<bool> {
    let Some(s) = set_obj(set) else { return Ok(false) };
    let h = match vm.hash(item) {
        Ok(h) => h,
        Err(e) => {
            // `[1] in set()` raises TypeError: unhashable type.
            return Err(e);
        }
    };
    if is_simple_key(item) {
        return Ok(s.table.borrow().contains(h, &item, |a, b| Ok::<bool, ()>(simple_eq(a, b))).unwrap_or(false));
    }
    let t = s.table.borrow().clone();
    t.contains(h, &item, |a, b| vm.eq(*a, *b))
}

pub fn set_remove(vm: &mut Vm, set: Value, item: Value) -> PyResult<bool> {
    let Some(s) = set_obj(set) else { return Ok(false) };
    let h = vm.hash(item)?;
    if is_simple_key(item) {
        return Ok(s.table.borrow_mut().remove(h, &item, |a, b| Ok::<bool, ()>(simple_eq(a, b))).unwrap_or(false));
    }
    let mut t = s.table.borrow().clone();
    let r = t.remove(h, &item, |a, b| vm.eq(*a, *b))?;
    *s.table.borrow_mut() = t;
    Ok(r)
}

/// Items of a set in iteration order.
pub fn items(set: Value) -> Vec<Value> {
    match set_obj(set) {
        Some(s) => s.table.borrow().iter().collect(),
        None => Vec::new(),
    }
}

pub fn set_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let (xa, xb) = (items(a), items(b));
    if xa.len() != xb.len() {
        return Ok(false);
    }
    for x in xa {
        if !set_contains(vm, b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn is_subset(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    for x in items(a) {
        if !set_contains(vm, b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Subset ordering: Some(None) when neither is a subset of the other.
pub fn set_ordering(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<Option<std::cmp::Ordering>>> {
    use std::cmp::Ordering::*;
    let sub = is_subset(vm, a, b)?;
    let sup = is_subset(vm, b, a)?;
    Ok(Some(match (sub, sup) {
        (true, true) => Some(Equal),
        (true, false) => Some(Less),
        (false, true) => Some(Greater),
        (false, false) => None,
    }))
}

/// A new set (or frozenset, when `frozen`) of the given items, added in order.
pub fn new_set_from(vm: &mut Vm, items: &[Value], frozen: bool) -> PyResult<Value> {
    let s = vm.new_set_obj(SetTable::new());
    let v = Value::Set(s);
    vm.temp_roots.push(v);
    let r = (|| {
        for x in items {
            set_add(vm, v, *x)?;
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    r?;
    Ok(if frozen { Value::FrozenSet(s) } else { v })
}

/// `|`, `&`, `-`, `^` and their in-place forms.
pub fn set_operator(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let frozen = matches!(a, Value::FrozenSet(_));
    let (xa, xb) = (items(a), items(b));
    let mut out = Vec::new();
    match op {
        BinOp::BitOr | BinOp::IOr => {
            out.extend_from_slice(&xa);
            out.extend_from_slice(&xb);
        }
        BinOp::BitAnd | BinOp::IAnd => {
            // CPython iterates the smaller set.
            let (small, big) = if xa.len() <= xb.len() { (&xa, b) } else { (&xb, a) };
            for x in small.clone() {
                if set_contains(vm, big, x)? {
                    out.push(x);
                }
            }
        }
        BinOp::Sub | BinOp::ISub => {
            for x in xa {
                if !set_contains(vm, b, x)? {
                    out.push(x);
                }
            }
        }
        BinOp::BitXor | BinOp::IXor => {
            for x in xa {
                if !set_contains(vm, b, x)? {
                    out.push(x);
                }
            }
            for x in xb {
                if !set_contains(vm, a, x)? {
                    out.push(x);
                }
            }
        }
        _ => unreachable!("not a set operator"),
    }
    let inplace = matches!(op, BinOp::IOr | BinOp::IAnd | BinOp::ISub | BinOp::IXor) && matches!(a, Value::Set(_));
    if inplace {
        let s = set_obj(a).unwrap();
        s.table.borrow_mut().clear();
        for x in out {
            set_add(vm, a, x)?;
        }
        return Ok(a);
    }
    new_set_from(vm, &out, frozen)
}

