//! The integer functions: `factorial`, `gcd`, `lcm`, `isqrt`, `comb`,
//! `perm` and `prod`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::functions::{expect_args, index_int};
use crate::interp::ops::{as_bigint, BinOp};
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{one_arg, two_args};

fn big_index(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    let i = index_int(vm, v)?;
    Ok(as_bigint(i).unwrap_or_default())
}

/// Product of lo..=hi by binary splitting (fast for big factorials).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::from(lo);
        for k in lo + 1..=hi {
            p *= k;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

pub(super) fn m_factorial(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "factorial", args, kw)?;
    let n = big_index(vm, a)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= i64::MAX as u64) else {
        return Err(vm.new_exception_msg(
            "OverflowError",
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    let r = range_product(1, n.max(1));
    Ok(vm.int_from_big(r))
}

pub(super) fn m_gcd(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("gcd() takes no keyword arguments"));
    }
    let mut g = BigInt::zero();
    for a in args {
        let x = big_index(vm, *a)?;
        g = g.gcd(&x);
    }
    Ok(vm.int_from_big(g))
}

pub(super) fn m_lcm(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("lcm() takes no keyword arguments"));
    }
    let mut l = BigInt::one();
    for a in args {
        let x = big_index(vm, *a)?;
        if l.is_zero() {
            continue;
        }
        l = if x.is_zero() {
            BigInt::zero()
        } else {
            l.lcm(&x)
        };
    }
    Ok(vm.int_from_big(l.abs()))
}

pub(super) fn m_isqrt(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "isqrt", args, kw)?;
    let n = big_index(vm, a)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.int_from_big(n.sqrt()))
}

pub(super) fn m_comb(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (a, b) = two_args(vm, "comb", args, kw)?;
    let n = big_index(vm, a)?;
    let k = big_index(vm, b)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(kk) = k.to_u64() else {
        return Err(vm.new_exception_msg(
            "OverflowError",
            &format!("min(n - k, k) must not exceed {}", i64::MAX),
        ));
    };
    let mut r = BigInt::one();
    for i in 0..kk {
        r = r * (&n - i) / (i + 1);
    }
    Ok(vm.int_from_big(r))
}

pub(super) fn m_perm(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("perm() takes no keyword arguments"));
    }
    expect_args(vm, "perm", args, 1, 2)?;
    let n = big_index(vm, args[0])?;
    let k = match args.get(1) {
        None | Some(Value::None) => return m_factorial(vm, &args[..1], kw),
        Some(v) => big_index(vm, *v)?,
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(kk) = k.to_u64() else {
        return Err(
            vm.new_exception_msg("OverflowError", &format!("k must not exceed {}", i64::MAX))
        );
    };
    let mut r = BigInt::one();
    for i in 0..kk {
        r *= &n - i;
    }
    Ok(vm.int_from_big(r))
}

pub(super) fn m_prod(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::check_kwargs(vm, "prod", kw, &["start"])?;
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let start = crate::builtins::kwarg(kw, "start").unwrap_or(Value::Int(1));
    let it = vm.get_iter(args[0])?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&[it, start, Value::None]);
    let r = (|| -> PyResult<Value> {
        let mut acc = start;
        while let Some(x) = vm.iter_next(it)? {
            vm.temp_roots[base + 2] = x;
            acc = match (acc, x) {
                (Value::Int(a), Value::Int(b)) => match a.checked_mul(b) {
                    Some(p) => Value::Int(p),
                    None => vm.binary_op(BinOp::Mul, acc, x)?,
                },
                (Value::Float(a), Value::Float(b)) => Value::Float(a * b),
                _ => vm.binary_op(BinOp::Mul, acc, x)?,
            };
            vm.temp_roots[base + 1] = acc;
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(base);
    r
}
