//! The `+`, `+=`, `*` and `*=` operators.

use crate::builtins::functions::index_int;
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::convert::{has_index, overflow};
use super::instance::{array_like, as_array, this, ArrayData};
use super::store::code_itemsize;

/// Whether the other operand's class defines `name` (it then gets its turn).
fn defines(vm: &mut Vm, v: Value, name: &str) -> bool {
    match v {
        Value::Instance(i) => {
            let n = vm.intern(name);
            vm.lookup_special(i.class, n).is_some()
        }
        _ => false,
    }
}

pub(super) fn arr_add(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__add__")?;
    let b = args.get(1).copied().unwrap_or(Value::None);
    let Some(o) = as_array(&b) else {
        if defines(vm, b, "__radd__") {
            return Ok(Value::NotImplemented);
        }
        let tn = vm.type_name(b);
        return Err(vm.type_error(&format!("can only append array (not \"{tn}\") to array")));
    };
    if o.code != d.code {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut st = d.st.borrow().clone();
    st.extend_from(&o.st.borrow());
    Ok(array_like(vm, d, st))
}

pub(super) fn arr_iadd(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__iadd__")?;
    let b = args.get(1).copied().unwrap_or(Value::None);
    let Some(o) = as_array(&b) else {
        let tn = vm.type_name(b);
        return Err(vm.type_error(&format!("can only extend array with array (not \"{tn}\")")));
    };
    extend_with_array(vm, d, o)?;
    Ok(args[0])
}

pub(super) fn extend_with_array(vm: &mut Vm, d: &ArrayData, o: &ArrayData) -> PyResult<()> {
    if o.code != d.code {
        return Err(vm.type_error("can only extend with array of same kind"));
    }
    let add = o.st.borrow().clone();
    d.st.borrow_mut().extend_from(&add);
    Ok(())
}

/// The repeat count of `a * n`, or Err(NotImplemented-or-TypeError).
fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<usize>> {
    let k = match n {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ if has_index(vm, n) => match index_int(vm, n)? {
            Value::Int(i) => i,
            _ => return Err(overflow(vm, "cannot fit 'int' into an index-sized integer")),
        },
        _ => {
            if defines(vm, n, "__rmul__") {
                return Ok(None);
            }
            let tn = vm.type_name(n);
            return Err(vm.type_error(&format!(
                "can't multiply sequence by non-int of type '{tn}'"
            )));
        }
    };
    Ok(Some(k.max(0) as usize))
}

pub(super) fn arr_mul(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__mul__")?;
    let n = args.get(1).copied().unwrap_or(Value::None);
    let Some(k) = repeat_count(vm, n)? else {
        return Ok(Value::NotImplemented);
    };
    let len = d.st.borrow().len();
    if k > 0 && len.saturating_mul(k).saturating_mul(code_itemsize(d.code)) > (1usize << 40) {
        return Err(vm.new_exception_msg("MemoryError", ""));
    }
    let st = d.st.borrow().repeat(k);
    Ok(array_like(vm, d, st))
}

pub(super) fn arr_imul(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__imul__")?;
    let n = args.get(1).copied().unwrap_or(Value::None);
    let Some(k) = repeat_count(vm, n)? else {
        return Ok(Value::NotImplemented);
    };
    let len = d.st.borrow().len();
    if k > 0 && len.saturating_mul(k).saturating_mul(code_itemsize(d.code)) > (1usize << 40) {
        return Err(vm.new_exception_msg("MemoryError", ""));
    }
    let st = d.st.borrow().repeat(k);
    *d.st.borrow_mut() = st;
    Ok(args[0])
}
