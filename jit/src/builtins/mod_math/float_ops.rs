//! Functions on a float's value and representation: `pow`, `fmod`,
//! `modf`, `frexp`, `ldexp`, `ulp`, the predicates (`isfinite`, `isinf`,
//! `isnan`, `isclose`) and `floor`, `ceil`, `trunc`.

use num_traits::Signed;

use crate::builtins::functions::call_dunder;
use crate::builtins::functions::functions_num::float_to_int;
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::libm::{frexp, ldexp, modf, nextafter};
use super::{domain, not_real, one_arg, range_err, to_f64, two_args};

// ---------------------------------------------------------------- pow, fmod, modf, frexp, ldexp

pub(super) fn m_pow(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (a, b) = two_args(vm, "pow", args, kw)?;
    let x = to_f64(vm, a)?;
    let y = to_f64(vm, b)?;
    let r;
    if !x.is_finite() || !y.is_finite() {
        r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
    } else {
        r = x.powf(y);
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain(vm) } else { range_err(vm) });
        }
    }
    Ok(Value::Float(r))
}

pub(super) fn m_fmod(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (a, b) = two_args(vm, "fmod", args, kw)?;
    let x = to_f64(vm, a)?;
    let y = to_f64(vm, b)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

pub(super) fn m_modf(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "modf", args, kw)?;
    let x = to_f64(vm, a)?;
    if x.is_infinite() {
        return Ok(vm.new_tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
    }
    let mut ip = 0.0;
    // SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
    // a local that outlives the call.
    let fp = unsafe { modf(x, &mut ip) };
    Ok(vm.new_tuple(vec![Value::Float(fp), Value::Float(ip)]))
}

pub(super) fn m_frexp(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "frexp", args, kw)?;
    let x = to_f64(vm, a)?;
    let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 {
        (x, 0)
    } else {
        let mut e = 0i32;
        // SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
        // a local that outlives the call.
        let m = unsafe { frexp(x, &mut e) };
        (m, e)
    };
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

pub(super) fn m_ldexp(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (a, b) = two_args(vm, "ldexp", args, kw)?;
    let x = to_f64(vm, a)?;
    let e = match b {
        Value::Int(i) => i,
        Value::Bool(v) => v as i64,
        Value::BigInt(g) => {
            if g.0.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if e > i32::MAX as i64 {
        return Err(range_err(vm));
    } else if e < i32::MIN as i64 {
        0.0f64.copysign(x)
    } else {
        // SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
        // a local that outlives the call.
        let r = unsafe { ldexp(x, e as i32) };
        if r.is_infinite() {
            return Err(range_err(vm));
        }
        r
    };
    Ok(Value::Float(r))
}

pub(super) fn m_ulp(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "ulp", args, kw)?;
    let x = to_f64(vm, a)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    // SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
    // a local that outlives the call.
    let x2 = unsafe { nextafter(x, f64::INFINITY) };
    if x2.is_infinite() {
        // SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
        // a local that outlives the call.
        let x2 = unsafe { nextafter(x, 0.0) };
        return Ok(Value::Float(x - x2));
    }
    Ok(Value::Float(x2 - x))
}

// ---------------------------------------------------------------- predicates

pub(super) fn m_isfinite(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "isfinite", args, kw)?;
    let x = to_f64(vm, a)?;
    Ok(Value::Bool(x.is_finite()))
}
pub(super) fn m_isinf(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "isinf", args, kw)?;
    let x = to_f64(vm, a)?;
    Ok(Value::Bool(x.is_infinite()))
}
pub(super) fn m_isnan(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "isnan", args, kw)?;
    let x = to_f64(vm, a)?;
    Ok(Value::Bool(x.is_nan()))
}

pub(super) fn m_isclose(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::check_kwargs(vm, "isclose", kw, &["a", "b", "rel_tol", "abs_tol"])?;
    let mut a = args
        .first()
        .copied()
        .or_else(|| crate::builtins::kwarg(kw, "a"));
    let mut b = args
        .get(1)
        .copied()
        .or_else(|| crate::builtins::kwarg(kw, "b"));
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let (Some(av), Some(bv)) = (a.take(), b.take()) else {
        let missing = if args.is_empty() && crate::builtins::kwarg(kw, "a").is_none() {
            ("a", 1)
        } else {
            ("b", 2)
        };
        return Err(vm.type_error(&format!(
            "isclose() missing required argument '{}' (pos {})",
            missing.0, missing.1
        )));
    };
    let x = to_f64(vm, av)?;
    let y = to_f64(vm, bv)?;
    let rel = match crate::builtins::kwarg(kw, "rel_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs = match crate::builtins::kwarg(kw, "abs_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

// ---------------------------------------------------------------- floor, ceil, trunc

fn round_to_int(
    vm: &mut Vm,
    name: &str,
    dunder: &str,
    args: &[Value],
    kw: Kwargs,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let a = one_arg(vm, name, args, kw)?;
    match a {
        Value::Float(x) => float_to_int(vm, f(x)),
        Value::Int(_) | Value::BigInt(_) => Ok(a),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Instance(_) => {
            if let Some(r) = call_dunder(vm, a, dunder, &[])? {
                return Ok(r);
            }
            if dunder == "__trunc__" {
                let tn = vm.type_name(a);
                return Err(vm.type_error(&format!("type {tn} doesn't define __trunc__ method")));
            }
            let x = to_f64(vm, a)?;
            float_to_int(vm, f(x))
        }
        _ => {
            if dunder == "__trunc__" {
                let tn = vm.type_name(a);
                return Err(vm.type_error(&format!("type {tn} doesn't define __trunc__ method")));
            }
            Err(not_real(vm, a))
        }
    }
}

pub(super) fn m_floor(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    round_to_int(vm, "floor", "__floor__", args, kw, f64::floor)
}
pub(super) fn m_ceil(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    round_to_int(vm, "ceil", "__ceil__", args, kw, f64::ceil)
}
pub(super) fn m_trunc(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    round_to_int(vm, "trunc", "__trunc__", args, kw, f64::trunc)
}
