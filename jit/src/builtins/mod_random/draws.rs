//! The basic draws: `random`, `getrandbits`, `randbytes`, `randrange` and
//! `randint`.

use num_bigint::BigInt;
use num_traits::{One, Signed};

use crate::builtins::functions::index_int;
use crate::interp::ops::{as_bigint, BinOp};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::args_exact;
use super::generator::{below_big, below_u64, bits_big, random_f64, state_of};

pub(super) fn random(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "random", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "Random.random() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(Value::Float(random_f64(state_of(args))))
}

pub(super) fn getrandbits(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "getrandbits", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let k = crate::builtins::functions::index_i64_clamped(vm, args[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let r = bits_big(state_of(args), k as u64);
    Ok(vm.int_from_big(r))
}

pub(super) fn randbytes(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "randbytes", args, kw, &["n"], 1)?;
    let n = crate::builtins::functions::index_i64_clamped(vm, a[0].unwrap_or(Value::None))?;
    if n < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let r = bits_big(state_of(args), n as u64 * 8);
    let mut b = r.to_bytes_le().1;
    b.resize(n as usize, 0);
    Ok(vm.new_bytes(b))
}

/// randrange's argument conversion (`_index`, then the deprecated int() path).
fn rr_index(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    match v {
        Value::Float(f) => {
            if f.fract() != 0.0 || !f.is_finite() {
                return Err(vm.value_error(&format!("non-integer {what} for randrange()")));
            }
            Ok(crate::interp::ops::float_to_bigint(f))
        }
        _ => {
            let i = index_int(vm, v)?;
            Ok(as_bigint(i).unwrap_or_default())
        }
    }
}

fn randrange_impl(
    vm: &mut Vm,
    st: Gc<ListObj>,
    start: Value,
    stop: Option<Value>,
    step: Option<Value>,
) -> PyResult<Value> {
    let istart = rr_index(vm, start, "arg 1")?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if step.is_some_and(|s| !matches!(s, Value::Int(1))) {
            return Err(vm.type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            let r = below_big(st, &istart);
            return Ok(vm.int_from_big(r));
        }
        return Err(vm.value_error("empty range for randrange()"));
    };
    let istop = rr_index(vm, stop, "stop")?;
    let width = &istop - &istart;
    let istep = match step {
        None => BigInt::one(),
        Some(s) => rr_index(vm, s, "step")?,
    };
    if istep.is_one() {
        if width.is_positive() {
            let r = istart + below_big(st, &width);
            return Ok(vm.int_from_big(r));
        }
        return Err(vm.value_error(&format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    let n = if istep.is_positive() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.is_negative() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(vm.value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(vm.value_error("empty range for randrange()"));
    }
    let r = istart + istep * below_big(st, &n);
    Ok(vm.int_from_big(r))
}

pub(super) fn randrange(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "randrange", args, kw, &["start", "stop", "step"], 1)?;
    randrange_impl(vm, state_of(args), a[0].unwrap_or(Value::None), a[1], a[2])
}

pub(super) fn randint(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "randint", args, kw, &["a", "b"], 2)?;
    let (lo, hi) = (a[0].unwrap_or(Value::None), a[1].unwrap_or(Value::None));
    let st = state_of(args);
    if let (Value::Int(x), Value::Int(y)) = (lo, hi) {
        if y >= x && ((y as i128 - x as i128) as u128) < u64::MAX as u128 {
            let w = (y as i128 - x as i128 + 1) as u64;
            return Ok(Value::Int((x as i128 + below_u64(st, w) as i128) as i64));
        }
    }
    let hi1 = vm.binary_op(BinOp::Add, hi, Value::Int(1))?;
    randrange_impl(vm, st, lo, Some(hi1), None)
}
