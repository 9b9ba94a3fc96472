//! Dictionary operations with Python equality and hashing.

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

// Why the tables are borrowed while `vm.eq` runs: every hashable built-in type
// (numbers, str, bytes, tuples and frozensets of those) compares without
// running Python code or touching any dict, so no re-entrant borrow can happen.
// User-defined `__eq__` (the classes issue) must compare on a snapshot instead.

pub fn dict_get(vm: &mut Vm, d: Gc<DictObj>, k: Value) -> PyResult<Option<Value>> {
    let h = vm.hash(k)?;
    if let Value::Str(s) = k {
        return Ok(d.table.borrow().get_str(h, s.as_str()));
    }
    if is_simple_key(k) {
        return Ok(d
            .table
            .borrow()
            .get(h, &k, |a, b| Ok::<bool, ()>(simple_eq(a, b)))
            .unwrap_or(None));
    }
    let table = d.table.borrow();
    table.get(h, &k, |a, b| vm.eq(*a, *b))
}

pub fn dict_set(vm: &mut Vm, d: Gc<DictObj>, k: Value, v: Value) -> PyResult<()> {
    let h = vm.hash(k)?;
    if let Value::Str(_) = k {
        d.table
            .borrow_mut()
            .insert(h, k, v, crate::interp::protocol::str_key_eq)
            .ok();
        vm.heap.add_debt(48);
        if let Some(m) = d.module.get() {
            Vm::namespace_dict_written(m, k, v);
        }
        return Ok(());
    }
    if is_simple_key(k) {
        d.table
            .borrow_mut()
            .insert(h, k, v, |a, b| Ok::<bool, ()>(simple_eq(a, b)))
            .ok();
    } else {
        d.table.borrow_mut().insert(h, k, v, |a, b| vm.eq(*a, *b))?;
    }
    vm.heap.add_debt(48);
    Ok(())
}

pub fn dict_remove(vm: &mut Vm, d: Gc<DictObj>, k: Value) -> PyResult<Option<Value>> {
    if let Some(m) = d.module.get() {
        // A globals() dict: the removed name's slot becomes unassigned.
        let r = dict_remove_raw(vm, d, k)?;
        if r.is_some() {
            Vm::namespace_dict_written(m, k, Value::Undefined);
        }
        return Ok(r);
    }
    dict_remove_raw(vm, d, k)
}

fn dict_remove_raw(vm: &mut Vm, d: Gc<DictObj>, k: Value) -> PyResult<Option<Value>> {
    let h = vm.hash(k)?;
    if is_simple_key(k) {
        return Ok(d
            .table
            .borrow_mut()
            .remove(h, &k, |a, b| Ok::<bool, ()>(simple_eq(a, b)))
            .ok()
            .flatten()
            .map(|(_, v)| v));
    }
    let r = d.table.borrow_mut().remove(h, &k, |a, b| vm.eq(*a, *b))?;
    Ok(r.map(|(_, v)| v))
}

pub fn dict_eq(vm: &mut Vm, a: Gc<DictObj>, b: Gc<DictObj>) -> PyResult<bool> {
    if a.table.borrow().len() != b.table.borrow().len() {
        return Ok(false);
    }
    let entries: Vec<(Value, Value)> = a.table.borrow().iter().collect();
    for (k, v) in entries {
        match dict_get(vm, b, k)? {
            Some(w) => {
                if !v.is(&w) && !vm.eq(v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// Keys whose equality needs no VM (numbers, str, None, bytes).
pub fn is_simple_key(k: Value) -> bool {
    matches!(
        k,
        Value::Int(_)
            | Value::Bool(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::None
            | Value::Bytes(_)
            | Value::BigInt(_)
    )
}

/// Equality for simple keys against any stored key.
pub fn simple_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => {
            (*x as f64) == *y && (*y as i64) == *x
        }
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => (*x as i64) == *y,
        (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => {
            (*x as i64 as f64) == *y
        }
        (Value::None, Value::None) => true,
        (Value::Bytes(x), Value::Bytes(y)) => x.b == y.b,
        (Value::BigInt(x), Value::BigInt(y)) => x.0 == y.0,
        (Value::BigInt(x), Value::Float(f)) | (Value::Float(f), Value::BigInt(x)) => {
            num_traits::ToPrimitive::to_f64(&x.0) == Some(*f)
                && f.fract() == 0.0
                && crate::interp::ops::float_to_bigint(*f) == x.0
        }
        _ => false,
    }
}
