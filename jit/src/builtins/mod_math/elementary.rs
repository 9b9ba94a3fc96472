//! The elementary float functions, each CPython's `math_1` or `math_2`
//! around a libm function: roots, exponentials, trigonometric and
//! hyperbolic functions, `erf`/`erfc`, `atan2`, `copysign`, `remainder`,
//! `nextafter`, and the logarithms.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::functions::expect_args;
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::libm::{call_libm, erf, erfc, exp2, expm1, log1p, nextafter, ACOSH, ASINH, ATANH, CBRT};
use super::{domain, math_1, math_2, one_arg, to_f64, two_args};

macro_rules! func1 {
    ($name:ident, $py:expr, $f:expr, $ov:expr) => {
        pub(super) fn $name(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
            math_1(vm, $py, args, kw, $f, $ov)
        }
    };
}

func1!(m_sqrt, "sqrt", f64::sqrt, false);
func1!(m_exp, "exp", f64::exp, true);
// SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
// a local that outlives the call.
func1!(m_exp2, "exp2", |x| unsafe { exp2(x) }, true);
// SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
// a local that outlives the call.
func1!(m_expm1, "expm1", |x| unsafe { expm1(x) }, true);
func1!(
    m_cbrt,
    "cbrt",
    |x| call_libm(&CBRT, c"cbrt", f64::cbrt, x),
    false
);
func1!(m_sin, "sin", f64::sin, false);
func1!(m_cos, "cos", f64::cos, false);
func1!(m_tan, "tan", f64::tan, false);
func1!(m_asin, "asin", f64::asin, false);
func1!(m_acos, "acos", f64::acos, false);
func1!(m_atan, "atan", f64::atan, false);
func1!(m_sinh, "sinh", f64::sinh, true);
func1!(m_cosh, "cosh", f64::cosh, true);
func1!(m_tanh, "tanh", f64::tanh, false);
func1!(
    m_asinh,
    "asinh",
    |x| call_libm(&ASINH, c"asinh", f64::asinh, x),
    false
);
func1!(
    m_acosh,
    "acosh",
    |x| call_libm(&ACOSH, c"acosh", f64::acosh, x),
    false
);
func1!(
    m_atanh,
    "atanh",
    |x| call_libm(&ATANH, c"atanh", f64::atanh, x),
    false
);
func1!(m_fabs, "fabs", f64::abs, false);
// SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
// a local that outlives the call.
func1!(m_erf, "erf", |x| unsafe { erf(x) }, false);
// SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
// a local that outlives the call.
func1!(m_erfc, "erfc", |x| unsafe { erfc(x) }, false);
func1!(
    m_log1p,
    "log1p",
    // SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
    // a local that outlives the call.
    |x| if x == 0.0 { x } else { unsafe { log1p(x) } },
    false
);
func1!(
    m_degrees,
    "degrees",
    |x| x * (180.0 / std::f64::consts::PI),
    true
);
func1!(
    m_radians,
    "radians",
    |x| x * (std::f64::consts::PI / 180.0),
    false
);

pub(super) fn m_atan2(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    math_2(vm, "atan2", args, kw, f64::atan2)
}
pub(super) fn m_copysign(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    math_2(vm, "copysign", args, kw, f64::copysign)
}
pub(super) fn m_remainder(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    math_2(vm, "remainder", args, kw, remainder)
}
pub(super) fn m_nextafter(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (a, b) = two_args(vm, "nextafter", args, kw)?;
    let x = to_f64(vm, a)?;
    let y = to_f64(vm, b)?;
    // SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
    // a local that outlives the call.
    Ok(Value::Float(unsafe { nextafter(x, y) }))
}

fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}
// ---------------------------------------------------------------- logarithms

/// loghelper: ints too big for a float are split as x * 2**e first.
fn loghelper(vm: &mut Vm, v: Value, f: fn(f64) -> f64, log_of_2: f64) -> PyResult<f64> {
    if let Value::BigInt(b) = v {
        if !b.0.is_positive() {
            return Err(domain(vm));
        }
        if b.0.to_f64().map_or(true, |f| f.is_infinite()) {
            let bits = b.0.bits();
            let shift = bits - 55;
            let mut m = (&b.0 >> shift).to_u64().unwrap_or(0);
            if !(&b.0 & ((BigInt::one() << shift) - 1u32)).is_zero() {
                m |= 1;
            }
            let x = m as f64 / (1u64 << 55) as f64;
            return Ok(f(x) + bits as f64 * log_of_2);
        }
    }
    if let Value::Int(i) = v {
        if i <= 0 {
            return Err(domain(vm));
        }
    }
    let x = to_f64(vm, v)?;
    if x.is_finite() {
        if x > 0.0 {
            return Ok(f(x));
        }
        return Err(domain(vm));
    }
    if x.is_nan() || x > 0.0 {
        return Ok(x);
    }
    Err(domain(vm))
}

pub(super) fn m_log(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    expect_args(vm, "log", args, 1, 2)?;
    let num = loghelper(vm, args[0], f64::ln, std::f64::consts::LN_2)?;
    if args.len() == 1 {
        return Ok(Value::Float(num));
    }
    let den = loghelper(vm, args[1], f64::ln, std::f64::consts::LN_2)?;
    if den == 0.0 {
        return Err(vm.new_exception_msg("ZeroDivisionError", "float division by zero"));
    }
    Ok(Value::Float(num / den))
}

pub(super) fn m_log2(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "log2", args, kw)?;
    Ok(Value::Float(loghelper(vm, a, f64::log2, 1.0)?))
}

pub(super) fn m_log10(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "log10", args, kw)?;
    Ok(Value::Float(loghelper(
        vm,
        a,
        f64::log10,
        std::f64::consts::LOG10_2,
    )?))
}
