//! The sequence protocol (`len`, indexing and slicing, item and slice
//! assignment, deletion) and iteration.

use std::cell::Cell;
use std::rc::Rc;

use crate::interp::vm::Vm;
use crate::runtime::heap::Tracer;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::convert::{check_int, convert, has_index, index_for_item, positions, slice_of};
use super::instance::{array_like, as_array, num_value, this, ArrayData};
use super::store::{Num, Store};

// ---------------------------------------------------------------- sequence protocol

pub(super) fn arr_len(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__len__")?;
    Ok(Value::Int(d.st.borrow().len() as i64))
}

pub(super) fn arr_getitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__getitem__")?;
    let Some(&key) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    if let Value::Int(i) = key {
        let n = {
            let s = d.st.borrow();
            let len = s.len() as i64;
            let j = if i < 0 { i + len } else { i };
            if j < 0 || j >= len {
                None
            } else {
                Some(s.get(j as usize))
            }
        };
        return match n {
            Some(Num::I(x)) if x as i64 as i128 == x => Ok(Value::Int(x as i64)),
            Some(n) => Ok(num_value(vm, n)),
            None => Err(vm.new_exception_msg("IndexError", "array index out of range")),
        };
    }
    if let Value::Slice(s) = key {
        let len = d.st.borrow().len();
        let (start, _, step, n) = slice_of(vm, &s, len)?;
        let st = d.st.borrow().pick(positions(start, step, n));
        return Ok(array_like(vm, d, st));
    }
    if !has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = index_for_item(vm, key)?;
    let item = Value::Int(i);
    let a = [args[0], item];
    arr_getitem(vm, &a, &[])
}

pub(super) fn arr_setitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__setitem__")?;
    let (Some(&key), Some(&v)) = (args.get(1), args.get(2)) else {
        return Err(vm.type_error("expected 2 arguments"));
    };
    if let Value::Int(i) = key {
        let len = d.st.borrow().len() as i64;
        let j = if i < 0 { i + len } else { i };
        if j >= 0 && j < len {
            let n = match v {
                Value::Int(x) => check_int_or_float(vm, d.code, x)?,
                Value::Float(f) if d.code == b'd' || d.code == b'f' => Num::F(f),
                _ => convert(vm, d.code, v)?,
            };
            let mut s = d.st.borrow_mut();
            if (j as usize) < s.len() {
                s.set(j as usize, n);
                return Ok(Value::None);
            }
        }
        return Err(vm.new_exception_msg("IndexError", "array assignment index out of range"));
    }
    if let Value::Slice(s) = key {
        return assign_slice(vm, args[0], d, &s, Some(v));
    }
    if !has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = index_for_item(vm, key)?;
    let a = [args[0], Value::Int(i), v];
    arr_setitem(vm, &a, &[])
}

#[inline]
fn check_int_or_float(vm: &mut Vm, code: u8, x: i64) -> PyResult<Num> {
    match code {
        b'f' | b'd' => Ok(Num::F(x as f64)),
        b'l' | b'q' => Ok(Num::I(x as i128)),
        _ => check_int(vm, code, x as i128),
    }
}

pub(super) fn arr_delitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__delitem__")?;
    let Some(&key) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    if let Value::Slice(s) = key {
        return assign_slice(vm, args[0], d, &s, None);
    }
    if !has_index(vm, key) {
        return Err(vm.type_error("array indices must be integers"));
    }
    let i = index_for_item(vm, key)?;
    let mut s = d.st.borrow_mut();
    let len = s.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        drop(s);
        return Err(vm.new_exception_msg("IndexError", "array assignment index out of range"));
    }
    s.remove(j as usize);
    Ok(Value::None)
}

/// `self[slice] = value` (`value` None: `del self[slice]`), as array_ass_subscr.
fn assign_slice(
    vm: &mut Vm,
    me: Value,
    d: &ArrayData,
    s: &SliceObj,
    value: Option<Value>,
) -> PyResult<Value> {
    let other: Option<Store> = match value {
        None => None,
        Some(v) => match as_array(&v) {
            Some(o) => {
                if o.code != d.code {
                    return Err(vm.type_error("bad argument type for built-in operation"));
                }
                // A copy: the source may be the array itself.
                Some(o.st.borrow().clone())
            }
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!(
                    "can only assign array (not \"{tn}\") to array slice"
                )));
            }
        },
    };
    let _ = me;
    let len = d.st.borrow().len();
    let (start, mut stop, step, n) = slice_of(vm, s, len)?;
    let needed = other.as_ref().map_or(0, |o| o.len());
    let mut st = d.st.borrow_mut();
    if step == 1 {
        if stop < start {
            stop = start;
        }
        let (lo, hi) = (start as usize, stop as usize);
        match &other {
            Some(o) => st.splice(lo, hi, o),
            None => st.retain_positions(|i| i < lo || i >= hi),
        }
        return Ok(Value::None);
    }
    if needed == 0 {
        // Delete the extended slice.
        let mut gone = vec![false; len];
        for p in positions(start, step, n) {
            gone[p] = true;
        }
        st.retain_positions(|i| !gone[i]);
        return Ok(Value::None);
    }
    if needed != n {
        drop(st);
        return Err(vm.value_error(&format!(
            "attempt to assign array of size {needed} to extended slice of size {n}"
        )));
    }
    let o = other.expect("needed > 0");
    for (k, p) in positions(start, step, n).enumerate() {
        let x = o.get(k);
        st.set(p, x);
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------- iteration

struct ArrayIter {
    arr: Cell<Value>,
    index: Cell<usize>,
    reverse: bool,
}

impl NativeIter for ArrayIter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let a = self.arr.get();
        let Some(d) = as_array(&a) else {
            return Ok(None);
        };
        let i = self.index.get();
        let n = {
            let s = d.st.borrow();
            if self.reverse {
                // `index` counts down from len; items past a shrunk end stop it.
                if i == 0 || i > s.len() {
                    None
                } else {
                    Some(s.get(i - 1))
                }
            } else if i < s.len() {
                Some(s.get(i))
            } else {
                None
            }
        };
        match n {
            Some(n) => {
                self.index.set(if self.reverse { i - 1 } else { i + 1 });
                Ok(Some(num_value(vm, n)))
            }
            None => {
                self.arr.set(Value::None);
                Ok(None)
            }
        }
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.arr.get());
    }
    fn type_name(&self) -> &'static str {
        if self.reverse {
            "reversed"
        } else {
            "arrayiterator"
        }
    }
}

pub(super) fn arr_iter(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    let it = ArrayIter {
        arr: Cell::new(args[0]),
        index: Cell::new(0),
        reverse: false,
    };
    Ok(vm.new_iter(IterState::Native(Rc::new(it))))
}

/// `reversed(a)` (CPython reaches it through the sequence protocol).
pub(super) fn arr_reversed(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__reversed__")?;
    let n = d.st.borrow().len();
    let it = ArrayIter {
        arr: Cell::new(args[0]),
        index: Cell::new(n),
        reverse: true,
    };
    Ok(vm.new_iter(IterState::Native(Rc::new(it))))
}
