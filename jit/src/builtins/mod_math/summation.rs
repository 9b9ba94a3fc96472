//! `fsum`, `hypot` and `dist`: sums of many floats computed without the
//! rounding error of a naive loop, as CPython does.

use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::libm::{frexp, ldexp};
use super::{one_arg, to_f64, two_args};

pub(super) fn m_fsum(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "fsum", args, kw)?;
    let it = vm.get_iter(a)?;
    vm.temp_roots.push(it);
    let r = fsum_iter(vm, it);
    vm.temp_roots.pop();
    r.map(Value::Float)
}

/// CPython's msum: exact partial sums (Shewchuk), then a correctly rounded total.
fn fsum_iter(vm: &mut Vm, it: Value) -> PyResult<f64> {
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(v) = vm.iter_next(it)? {
        let mut x = to_f64(vm, v)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(
                        vm.new_exception_msg("OverflowError", "intermediate overflow in fsum")
                    );
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = p.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

fn dl_split(x: f64) -> (f64, f64) {
    let t = x * 134217729.0;
    let hi = t - (t - x);
    (hi, x - hi)
}
fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let (xh, xl) = dl_split(x);
    let (yh, yl) = dl_split(y);
    let p = xh * yh;
    let q = xh * yl + xl * yh;
    let (h, l) = dl_fast_sum(p, q);
    (h, l + xl * yl)
}

/// CPython 3.11's vector_norm: an accurately rounded Euclidean norm.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let mut max_e = 0i32;
    // SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
    // a local that outlives the call.
    unsafe { frexp(max, &mut max_e) };
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    // SAFETY: a C libm function on plain f64/i32 values; any out-pointer is
    // a local that outlives the call.
    let scale = unsafe { ldexp(1.0, -max_e) };
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let (ph, pl) = dl_mul(x, x);
        let (sh, sl) = dl_fast_sum(csum, ph);
        csum = sh;
        frac1 += pl;
        frac2 += sl;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (ph, pl) = dl_mul(-h, h);
    let (sh, sl) = dl_fast_sum(csum, ph);
    csum = sh;
    frac1 += pl;
    frac2 += sl;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

pub(super) fn m_hypot(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
    let mut v = Vec::with_capacity(args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for a in args {
        let x = to_f64(vm, *a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&mut v, max, found_nan)))
}

pub(super) fn m_dist(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (p, q) = two_args(vm, "dist", args, kw)?;
    let mut pts = Vec::new();
    crate::builtins::methods::with_roots(vm, |vm| {
        for v in [p, q] {
            match v {
                Value::Tuple(t) => pts.push(t.items.to_vec()),
                _ => pts.push(crate::builtins::methods::collect_rooted(vm, v)?),
            }
        }
        dist_of(vm, &pts)
    })
}

fn dist_of(vm: &mut Vm, pts: &[Vec<Value>]) -> PyResult<Value> {
    if pts[0].len() != pts[1].len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(pts[0].len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in pts[0].iter().zip(pts[1].iter()) {
        let px = to_f64(vm, *a)?;
        let qx = to_f64(vm, *b)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&mut v, max, found_nan)))
}
