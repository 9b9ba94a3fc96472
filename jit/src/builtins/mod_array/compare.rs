//! `in`, `==` and the ordering comparisons, native for numeric items;
//! `__hash__` (arrays are unhashable).

use crate::interp::ops::CmpOp;
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::instance::{as_array, num_value, this, ArrayData};
use super::store::Num;

/// `item == v` for an array item, natively for numbers; None when `v` needs
/// Python's comparison.
fn num_eq_value(n: Num, v: Value) -> Option<bool> {
    let w = match v {
        Value::Int(i) => Num::I(i as i128),
        Value::Bool(b) => Num::I(b as i128),
        Value::Float(f) => Num::F(f),
        _ => return None,
    };
    Some(num_cmp(n, w) == Some(std::cmp::Ordering::Equal))
}

/// Exact comparison of two numbers (None when a NaN is involved).
fn num_cmp(a: Num, b: Num) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(&y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(&y),
        (Num::I(x), Num::F(y)) => int_float_cmp(x, y),
        (Num::F(x), Num::I(y)) => int_float_cmp(y, x).map(Ordering::reverse),
    }
}

fn int_float_cmp(i: i128, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f >= 1.7e38 {
        return Some(Ordering::Less);
    }
    if f <= -1.7e38 {
        return Some(Ordering::Greater);
    }
    let fl = f.floor();
    let fi = fl as i128;
    Some(match i.cmp(&fi) {
        Ordering::Equal if f > fl => Ordering::Less,
        o => o,
    })
}

/// Position of the first item equal to `v` in [lo, hi), comparing `item == v`.
pub(super) fn find(
    vm: &mut Vm,
    d: &ArrayData,
    v: Value,
    lo: usize,
    hi: usize,
) -> PyResult<Option<usize>> {
    let mut i = lo;
    loop {
        let n = {
            let s = d.st.borrow();
            if i >= hi.min(s.len()) {
                return Ok(None);
            }
            s.get(i)
        };
        let eq = match num_eq_value(n, v) {
            Some(b) => b,
            None => {
                let x = num_value(vm, n);
                vm.temp_roots.push(x);
                let r = vm.eq(x, v);
                vm.temp_roots.pop();
                r?
            }
        };
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
}

pub(super) fn arr_contains(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__contains__")?;
    let v = args.get(1).copied().unwrap_or(Value::None);
    Ok(Value::Bool(find(vm, d, v, 0, usize::MAX)?.is_some()))
}

fn richcompare(_vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (
        args.first().and_then(as_array),
        args.get(1).and_then(as_array),
    ) else {
        return Ok(Value::NotImplemented);
    };
    let (la, lb) = (a.st.borrow().len(), b.st.borrow().len());
    if la != lb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    // The first index where the items differ.
    let mut i = 0;
    let differing = loop {
        let (x, y) = {
            let (sa, sb) = (a.st.borrow(), b.st.borrow());
            if i >= sa.len() || i >= sb.len() {
                break None;
            }
            (sa.get(i), sb.get(i))
        };
        if num_cmp(x, y) != Some(std::cmp::Ordering::Equal) {
            break Some((x, y));
        }
        i += 1;
    };
    let Some((x, y)) = differing else {
        let (la, lb) = (a.st.borrow().len(), b.st.borrow().len());
        return Ok(Value::Bool(match op {
            CmpOp::Lt => la < lb,
            CmpOp::Le => la <= lb,
            CmpOp::Eq => la == lb,
            CmpOp::Ne => la != lb,
            CmpOp::Gt => la > lb,
            CmpOp::Ge => la >= lb,
        }));
    };
    use std::cmp::Ordering::*;
    let o = num_cmp(x, y);
    Ok(Value::Bool(match op {
        CmpOp::Eq => false,
        CmpOp::Ne => true,
        CmpOp::Lt => o == Some(Less),
        CmpOp::Le => matches!(o, Some(Less | Equal)),
        CmpOp::Gt => o == Some(Greater),
        CmpOp::Ge => matches!(o, Some(Greater | Equal)),
    }))
}

pub(super) fn arr_eq(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Eq)
}
pub(super) fn arr_ne(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Ne)
}
pub(super) fn arr_lt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Lt)
}
pub(super) fn arr_le(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Le)
}
pub(super) fn arr_gt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Gt)
}
pub(super) fn arr_ge(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    richcompare(vm, args, CmpOp::Ge)
}

pub(super) fn arr_hash(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Err(vm.type_error("unhashable type: 'array.array'"))
}
