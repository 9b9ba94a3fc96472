//! The real-valued distributions: `uniform`, `triangular`, `gauss`,
//! `normalvariate`, `lognormvariate`, `expovariate`, `paretovariate`,
//! `weibullvariate`, `gammavariate` and `betavariate`.

use crate::builtins::mod_math::to_f64;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::generator::{random_f64, state_of};
use super::{args_exact, GAUSS};

fn fparams(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kwargs,
    params: &[&str],
    defaults: &[Option<f64>],
) -> PyResult<Vec<f64>> {
    let required = defaults.iter().take_while(|d| d.is_none()).count();
    let a = args_exact(vm, name, args, kw, params, required)?;
    let mut out = Vec::with_capacity(params.len());
    for (v, d) in a.iter().zip(defaults.iter()) {
        out.push(match v {
            Some(v) => to_f64(vm, *v)?,
            None => d.unwrap_or(0.0),
        });
    }
    Ok(out)
}

pub(super) fn uniform(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(vm, "uniform", args, kw, &["a", "b"], &[None, None])?;
    let r = random_f64(state_of(args));
    Ok(Value::Float(p[0] + (p[1] - p[0]) * r))
}

pub(super) fn triangular(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "triangular", args, kw, &["low", "high", "mode"], 0)?;
    let mut low = match a[0] {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    let mut high = match a[1] {
        Some(v) => to_f64(vm, v)?,
        None => 1.0,
    };
    let u0 = random_f64(state_of(args));
    let mut c = match a[2].filter(|m| !m.is_none()) {
        None => 0.5,
        Some(m) => {
            let m = to_f64(vm, m)?;
            if high - low == 0.0 {
                return Ok(Value::Float(low));
            }
            (m - low) / (high - low)
        }
    };
    let mut u = u0;
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
}

pub(super) fn gauss(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(
        vm,
        "gauss",
        args,
        kw,
        &["mu", "sigma"],
        &[Some(0.0), Some(1.0)],
    )?;
    let st = state_of(args);
    let cached = std::mem::replace(&mut st.items.borrow_mut()[GAUSS], Value::None);
    let z = match cached {
        Value::Float(z) => z,
        _ => {
            let x2pi = random_f64(st) * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - random_f64(st)).ln()).sqrt();
            st.items.borrow_mut()[GAUSS] = Value::Float(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    };
    Ok(Value::Float(p[0] + z * p[1]))
}

fn normal(st: Gc<ListObj>, mu: f64, sigma: f64) -> f64 {
    let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    loop {
        let u1 = random_f64(st);
        let u2 = 1.0 - random_f64(st);
        let z = magic * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            return mu + z * sigma;
        }
    }
}

pub(super) fn normalvariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(
        vm,
        "normalvariate",
        args,
        kw,
        &["mu", "sigma"],
        &[Some(0.0), Some(1.0)],
    )?;
    Ok(Value::Float(normal(state_of(args), p[0], p[1])))
}

pub(super) fn lognormvariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(
        vm,
        "lognormvariate",
        args,
        kw,
        &["mu", "sigma"],
        &[None, None],
    )?;
    let r = normal(state_of(args), p[0], p[1]).exp();
    if r.is_infinite() {
        return Err(vm.new_exception_msg("OverflowError", "math range error"));
    }
    Ok(Value::Float(r))
}

pub(super) fn expovariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(vm, "expovariate", args, kw, &["lambd"], &[None])?;
    let r = random_f64(state_of(args));
    if p[0] == 0.0 {
        return Err(vm.new_exception_msg("ZeroDivisionError", "float division by zero"));
    }
    Ok(Value::Float(-(1.0 - r).ln() / p[0]))
}

pub(super) fn paretovariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(vm, "paretovariate", args, kw, &["alpha"], &[None])?;
    let u = 1.0 - random_f64(state_of(args));
    if p[0] == 0.0 {
        return Err(vm.new_exception_msg("ZeroDivisionError", "float division by zero"));
    }
    Ok(Value::Float(u.powf(-1.0 / p[0])))
}

pub(super) fn weibullvariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(
        vm,
        "weibullvariate",
        args,
        kw,
        &["alpha", "beta"],
        &[None, None],
    )?;
    let u = 1.0 - random_f64(state_of(args));
    if p[1] == 0.0 {
        return Err(vm.new_exception_msg("ZeroDivisionError", "float division by zero"));
    }
    Ok(Value::Float(p[0] * (-u.ln()).powf(1.0 / p[1])))
}

fn gamma_draw(vm: &mut Vm, st: Gc<ListObj>, alpha: f64, beta: f64) -> PyResult<f64> {
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(vm.value_error("gammavariate: alpha and beta must be > 0.0"));
    }
    const LOG4: f64 = 1.3862943611198906;
    let sg_magicconst = 1.0 + 4.5f64.ln();
    if alpha > 1.0 {
        let ainv = (2.0 * alpha - 1.0).sqrt();
        let bbb = alpha - LOG4;
        let ccc = alpha + ainv;
        loop {
            let u1 = random_f64(st);
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - random_f64(st);
            let v = (u1 / (1.0 - u1)).ln() / ainv;
            let x = alpha * v.exp();
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + sg_magicconst - 4.5 * z >= 0.0 || r >= z.ln() {
                return Ok(x * beta);
            }
        }
    } else if alpha == 1.0 {
        Ok(-(1.0 - random_f64(st)).ln() * beta)
    } else {
        loop {
            let u = random_f64(st);
            let b = (std::f64::consts::E + alpha) / std::f64::consts::E;
            let p = b * u;
            let x = if p <= 1.0 {
                p.powf(1.0 / alpha)
            } else {
                -((b - p) / alpha).ln()
            };
            let u1 = random_f64(st);
            if p > 1.0 {
                if u1 <= x.powf(alpha - 1.0) {
                    return Ok(x * beta);
                }
            } else if u1 <= (-x).exp() {
                return Ok(x * beta);
            }
        }
    }
}

pub(super) fn gammavariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(
        vm,
        "gammavariate",
        args,
        kw,
        &["alpha", "beta"],
        &[None, None],
    )?;
    gamma_draw(vm, state_of(args), p[0], p[1]).map(Value::Float)
}

pub(super) fn betavariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(
        vm,
        "betavariate",
        args,
        kw,
        &["alpha", "beta"],
        &[None, None],
    )?;
    let st = state_of(args);
    let y = gamma_draw(vm, st, p[0], 1.0)?;
    if y != 0.0 {
        let z = gamma_draw(vm, st, p[1], 1.0)?;
        return Ok(Value::Float(y / (y + z)));
    }
    Ok(Value::Float(0.0))
}
