//! The `math` module: CPython 3.11's mathmodule.c, with the same special
//! cases, error kinds and messages ("math domain error", "math range error").
//!
//! # Layout
//!
//! This file holds `make` and the argument and error helpers every function
//! uses; `libm` binds glibc's libm, and the functions go by kind into
//! `elementary`, `special`, `float_ops`, `integer` and `summation`.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::builtins::functions::{call_dunder, expect_args};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

mod elementary;
mod float_ops;
mod integer;
mod libm;
mod special;
mod summation;

use elementary::*;

/// `math.sqrt`'s native function (compiled code computes `math.sqrt(x)`
/// of a float or an int at the call site: `jit/gen_module_calls.rs`).
pub(crate) const SQRT: NativeFn = m_sqrt;
use float_ops::*;
use integer::*;
use special::*;
use summation::*;

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("math", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("cbrt", m_cbrt),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("pow", m_pow),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("fabs", m_fabs),
        ("fmod", m_fmod),
        ("modf", m_modf),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("copysign", m_copysign),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isclose", m_isclose),
        ("factorial", m_factorial),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("comb", m_comb),
        ("perm", m_perm),
        ("isqrt", m_isqrt),
        ("prod", m_prod),
        ("fsum", m_fsum),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("gamma", m_gamma),
        ("lgamma", m_lgamma),
        ("nextafter", m_nextafter),
        ("ulp", m_ulp),
        ("remainder", m_remainder),
    ];
    super::set_functions(vm, m, fns);
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("tau", Value::Float(std::f64::consts::TAU));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
    m
}

// ---------------------------------------------------------------- helpers

/// PyFloat_AsDouble: floats, ints, and objects with `__float__`/`__index__`.
pub(crate) fn to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(f),
        Value::Int(i) => Ok(i as f64),
        Value::Bool(b) => Ok(b as i64 as f64),
        Value::BigInt(b) => big_to_f64(vm, &b.0),
        Value::Instance(_) => {
            if let Some(r) = call_dunder(vm, v, "__float__", &[])? {
                if let Value::Float(f) = r {
                    return Ok(f);
                }
                let tn = vm.type_name(v);
                let rn = vm.type_name(r);
                return Err(
                    vm.type_error(&format!("{tn}.__float__ returned non-float (type {rn})"))
                );
            }
            if let Some(r) = call_dunder(vm, v, "__index__", &[])? {
                return to_f64(vm, r);
            }
            Err(not_real(vm, v))
        }
        _ => Err(not_real(vm, v)),
    }
}

fn not_real(vm: &mut Vm, v: Value) -> PyExc {
    let tn = vm.type_name(v);
    vm.type_error(&format!("must be real number, not {tn}"))
}

fn big_to_f64(vm: &mut Vm, b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.new_exception_msg("OverflowError", "int too large to convert to float")),
    }
}

fn domain(vm: &mut Vm) -> PyExc {
    vm.value_error("math domain error")
}

fn range_err(vm: &mut Vm) -> PyExc {
    vm.new_exception_msg("OverflowError", "math range error")
}

/// METH_O arity: `math.sqrt() takes exactly one argument (0 given)`.
fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(&format!("math.{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(args[0])
}

fn two_args(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs) -> PyResult<(Value, Value)> {
    if !kw.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    expect_args(vm, name, args, 2, 2)?;
    Ok((args[0], args[1]))
}

/// CPython's math_1: nan from non-nan is a domain error; inf from finite is
/// a range error if the function can overflow, else a domain error.
fn math_1(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kwargs,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let a = one_arg(vm, name, args, kw)?;
    let x = to_f64(vm, a)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_err(vm)
        } else {
            domain(vm)
        });
    }
    Ok(Value::Float(r))
}

/// CPython's math_2.
fn math_2(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kwargs,
    f: fn(f64, f64) -> f64,
) -> PyResult<Value> {
    let (a, b) = two_args(vm, name, args, kw)?;
    let x = to_f64(vm, a)?;
    let y = to_f64(vm, b)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_err(vm));
    }
    Ok(Value::Float(r))
}
