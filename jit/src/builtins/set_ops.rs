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
    let h = match item {
        // The commonest key hashed inline (vm.hash is a call).
        Value::Int(i) => crate::runtime::hash::hash_i64(i),
        _ => vm.hash(item)?,
    };
    if is_simple_key(item) {
        s.table
            .borrow_mut()
            .insert(h, item, |a, b| Ok::<bool, ()>(simple_eq(a, b)))
            .ok();
    } else {
        // Hashable built-ins compare without touching any table (see dict_ops).
        s.table.borrow_mut().insert(h, item, |a, b| vm.eq(*a, *b))?;
    }
    vm.heap.add_debt(24);
    Ok(())
}

pub fn set_contains(vm: &mut Vm, set: Value, item: Value) -> PyResult<bool> {
    let Some(s) = set_obj(set) else {
        return Ok(false);
    };
    let h = match vm.hash(item) {
        Ok(h) => h,
        Err(e) => {
            // `[1] in set()` raises TypeError: unhashable type.
            return Err(e);
        }
    };
    if is_simple_key(item) {
        return Ok(s
            .table
            .borrow()
            .contains(h, &item, |a, b| Ok::<bool, ()>(simple_eq(a, b)))
            .unwrap_or(false));
    }
    let t = s.table.borrow();
    t.contains(h, &item, |a, b| vm.eq(*a, *b))
}

pub fn set_remove(vm: &mut Vm, set: Value, item: Value) -> PyResult<bool> {
    let Some(s) = set_obj(set) else {
        return Ok(false);
    };
    let h = vm.hash(item)?;
    if is_simple_key(item) {
        return Ok(s
            .table
            .borrow_mut()
            .remove(h, &item, |a, b| Ok::<bool, ()>(simple_eq(a, b)))
            .unwrap_or(false));
    }
    let r = s
        .table
        .borrow_mut()
        .remove(h, &item, |a, b| vm.eq(*a, *b))?;
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
pub fn set_ordering(
    vm: &mut Vm,
    a: Value,
    b: Value,
) -> PyResult<Option<Option<std::cmp::Ordering>>> {
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

/// `|`, `&`, `-`, `^` and their in-place forms, through the CPython-faithful
/// table operations so the result iterates in CPython's order.
pub fn set_operator(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
    let (Some(sa), Some(sb)) = (set_obj(a), set_obj(b)) else {
        unreachable!("set_operator on non-sets")
    };
    let frozen = matches!(a, Value::FrozenSet(_));
    let same = sa == sb;
    let ta = sa.table.borrow().clone();
    let tb = sb.table.borrow().clone();
    let inplace = matches!(op, BinOp::IOr | BinOp::IAnd | BinOp::ISub | BinOp::IXor)
        && matches!(a, Value::Set(_));
    if inplace {
        let mut t = ta;
        match op {
            BinOp::IOr => {
                if !same {
                    t.merge(&tb, |x, y| vm.eq(*x, *y))?
                }
            }
            BinOp::IAnd => {
                if !same {
                    t.intersection_update(&tb, |x, y| vm.eq(*x, *y))?
                }
            }
            BinOp::ISub => {
                if same {
                    t.clear()
                } else {
                    t.difference_update(&tb, |x, y| vm.eq(*x, *y))?
                }
            }
            _ => {
                if same {
                    t.clear()
                } else {
                    t.symmetric_difference_update(&tb, |x, y| vm.eq(*x, *y))?
                }
            }
        }
        *sa.table.borrow_mut() = t;
        return Ok(a);
    }
    let t = match op {
        BinOp::BitOr | BinOp::IOr => {
            if same {
                SetTable::copy_of(&ta)
            } else {
                SetTable::union(&ta, &tb, |x, y| vm.eq(*x, *y))?
            }
        }
        BinOp::BitAnd | BinOp::IAnd => {
            if same {
                SetTable::copy_of(&ta)
            } else {
                SetTable::intersection(&ta, &tb, |x, y| vm.eq(*x, *y))?
            }
        }
        BinOp::Sub | BinOp::ISub => {
            if same {
                SetTable::new()
            } else {
                SetTable::difference(&ta, &tb, |x, y| vm.eq(*x, *y))?
            }
        }
        _ => {
            if same {
                SetTable::new()
            } else {
                SetTable::symmetric_difference(&ta, &tb, |x, y| vm.eq(*x, *y))?
            }
        }
    };
    let s = vm.new_set_obj(t);
    Ok(if frozen {
        Value::FrozenSet(s)
    } else {
        Value::Set(s)
    })
}
