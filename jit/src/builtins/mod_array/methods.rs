//! `repr`, the `typecode` and `itemsize` attributes and the methods
//! (append, extend, insert, pop, remove, index, count, reverse,
//! byteswap, tolist, tobytes, frombytes, fromlist).

use crate::builtins::functions::index_int;
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::compare::find;
use super::convert::{convert, has_index, ssize_arg};
use super::instance::{as_array, num_value, this, values_of, ArrayData};
use super::operators::extend_with_array;
use super::store::{code_itemsize, Num};

// ---------------------------------------------------------------- repr and attributes

pub(super) fn arr_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__repr__")?;
    let Value::Instance(inst) = args[0] else {
        unreachable!()
    };
    let name = inst.class.name.as_str().to_string();
    let code = d.code as char;
    let s = d.st.borrow();
    if s.len() == 0 {
        drop(s);
        return Ok(vm.new_str(format!("{name}('{code}')")));
    }
    let mut out = format!("{name}('{code}', [");
    for i in 0..s.len() {
        if i > 0 {
            out.push_str(", ");
        }
        match s.get(i) {
            Num::I(x) => out.push_str(&x.to_string()),
            Num::F(f) => out.push_str(&crate::format::float_repr(f)),
        }
    }
    out.push_str("])");
    drop(s);
    Ok(vm.new_str(out))
}

pub(super) fn arr_typecode(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "typecode")?;
    let c = (d.code as char).to_string();
    Ok(vm.new_str(c))
}

pub(super) fn arr_itemsize(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "itemsize")?;
    Ok(Value::Int(code_itemsize(d.code) as i64))
}

// ---------------------------------------------------------------- methods

/// The arguments after `self`, checked: `array.NAME() takes exactly one
/// argument (N given)` and friends (METH_O / METH_NOARGS wording).
fn method_args<'a>(
    vm: &mut Vm,
    args: &'a [Value],
    kw: Kwargs,
    name: &str,
    n: usize,
) -> PyResult<(&'a ArrayData, &'a [Value])> {
    let d = this(vm, args, name)?;
    let full = format!("array.{name}");
    crate::builtins::no_kwargs(vm, &full, kw)?;
    let rest = &args[1..];
    crate::builtins::check_arity(vm, &full, rest, n, n)?;
    Ok((d, rest))
}

pub(super) fn arr_append(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, rest) = method_args(vm, args, kw, "append", 1)?;
    let n = convert(vm, d.code, rest[0])?;
    d.st.borrow_mut().push(n);
    Ok(Value::None)
}

pub(super) fn arr_extend(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "extend")?;
    crate::builtins::no_kwargs(vm, "extend", kw)?;
    let rest = &args[1..];
    if rest.len() != 1 {
        return Err(vm.type_error(&format!(
            "extend() takes exactly 1 positional argument ({} given)",
            rest.len()
        )));
    }
    let b = rest[0];
    if let Some(o) = as_array(&b) {
        extend_with_array(vm, d, o)?;
        return Ok(Value::None);
    }
    let it = vm.get_iter(b)?;
    vm.temp_roots.push(it);
    let r = (|| -> PyResult<()> {
        while let Some(x) = vm.iter_next(it)? {
            let n = convert(vm, d.code, x)?;
            d.st.borrow_mut().push(n);
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    r?;
    Ok(Value::None)
}

pub(super) fn arr_insert(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "insert")?;
    crate::builtins::no_kwargs(vm, "insert", kw)?;
    let rest = &args[1..];
    if rest.len() != 2 {
        return Err(vm.type_error(&format!("insert expected 2 arguments, got {}", rest.len())));
    }
    let i = ssize_arg(vm, rest[0])?;
    let n = convert(vm, d.code, rest[1])?;
    let mut s = d.st.borrow_mut();
    let len = s.len() as i64;
    let mut w = i;
    if w < 0 {
        w += len;
        if w < 0 {
            w = 0;
        }
    }
    if w > len {
        w = len;
    }
    s.insert(w as usize, n);
    Ok(Value::None)
}

pub(super) fn arr_pop(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "pop")?;
    crate::builtins::no_kwargs(vm, "pop", kw)?;
    let rest = &args[1..];
    crate::builtins::check_arity(vm, "pop", rest, 0, 1)?;
    let mut i = match rest.first() {
        Some(&v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let n = {
        let mut s = d.st.borrow_mut();
        let len = s.len() as i64;
        if len == 0 {
            None
        } else {
            if i < 0 {
                i += len;
            }
            if i < 0 || i >= len {
                Some(None)
            } else {
                let x = s.get(i as usize);
                s.remove(i as usize);
                Some(Some(x))
            }
        }
    };
    match n {
        None => Err(vm.new_exception_msg("IndexError", "pop from empty array")),
        Some(None) => Err(vm.new_exception_msg("IndexError", "pop index out of range")),
        Some(Some(x)) => Ok(num_value(vm, x)),
    }
}

pub(super) fn arr_remove(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, rest) = method_args(vm, args, kw, "remove", 1)?;
    match find(vm, d, rest[0], 0, usize::MAX)? {
        Some(i) => {
            let mut s = d.st.borrow_mut();
            if i < s.len() {
                s.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

/// A start/stop argument of `index` (`_PyEval_SliceIndexNotNone`).
fn slice_index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if !has_index(vm, v) {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    Ok(match index_int(vm, v)? {
        Value::Int(i) => i,
        Value::BigInt(b) if b.0.sign() == num_bigint::Sign::Minus => i64::MIN,
        _ => i64::MAX,
    })
}

pub(super) fn arr_index(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "index")?;
    crate::builtins::no_kwargs(vm, "index", kw)?;
    let rest = &args[1..];
    crate::builtins::check_arity(vm, "index", rest, 1, 3)?;
    let mut start = match rest.get(1) {
        Some(&v) => slice_index_arg(vm, v)?,
        None => 0,
    };
    let mut stop = match rest.get(2) {
        Some(&v) => slice_index_arg(vm, v)?,
        None => i64::MAX,
    };
    let len = d.st.borrow().len() as i64;
    if start < 0 {
        start = (start.saturating_add(len)).max(0);
    }
    if stop < 0 {
        stop = (stop.saturating_add(len)).max(0);
    }
    let hi = stop.min(len).max(0) as usize;
    match find(vm, d, rest[0], start.min(len) as usize, hi)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

pub(super) fn arr_count(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, rest) = method_args(vm, args, kw, "count", 1)?;
    let v = rest[0];
    let mut count = 0i64;
    let mut i = 0;
    while let Some(j) = find(vm, d, v, i, usize::MAX)? {
        count += 1;
        i = j + 1;
    }
    Ok(Value::Int(count))
}

pub(super) fn arr_reverse(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, _) = method_args(vm, args, kw, "reverse", 0)?;
    d.st.borrow_mut().reverse();
    Ok(Value::None)
}

pub(super) fn arr_byteswap(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, _) = method_args(vm, args, kw, "byteswap", 0)?;
    d.st.borrow_mut().byteswap();
    Ok(Value::None)
}

pub(super) fn arr_tolist(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, _) = method_args(vm, args, kw, "tolist", 0)?;
    let base = vm.temp_roots.len();
    let vals = values_of(vm, d);
    let l = vm.new_list(vals);
    vm.temp_roots.truncate(base);
    Ok(l)
}

pub(super) fn arr_tobytes(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, _) = method_args(vm, args, kw, "tobytes", 0)?;
    let b = d.st.borrow().to_bytes();
    Ok(vm.new_bytes(b))
}

pub(super) fn arr_frombytes(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, rest) = method_args(vm, args, kw, "frombytes", 1)?;
    let b: Vec<u8> = match rest[0] {
        Value::Bytes(b) => b.b.to_vec(),
        v => match as_array(&v) {
            Some(o) if code_itemsize(o.code) == 1 => o.st.borrow().to_bytes(),
            Some(_) => return Err(vm.type_error("a bytes-like object is required")),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
            }
        },
    };
    if !b.len().is_multiple_of(code_itemsize(d.code)) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    d.st.borrow_mut().extend_bytes(&b);
    vm.heap.add_debt(b.len());
    Ok(Value::None)
}

pub(super) fn arr_fromlist(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (d, rest) = method_args(vm, args, kw, "fromlist", 1)?;
    let Value::List(l) = rest[0] else {
        return Err(vm.type_error("arg must be list"));
    };
    // All or nothing: convert every item first.
    let n = l.items.borrow().len();
    let mut nums = Vec::with_capacity(n);
    for i in 0..n {
        let Some(x) = l.items.borrow().get(i).copied() else {
            return Err(vm.new_exception_msg("RuntimeError", "list changed size during iteration"));
        };
        nums.push(convert(vm, d.code, x)?);
    }
    let mut s = d.st.borrow_mut();
    for x in nums {
        s.push(x);
    }
    Ok(Value::None)
}
