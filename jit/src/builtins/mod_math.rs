//! The `math` module: CPython 3.11's mathmodule.c, with the same special
//! cases, error kinds and messages ("math domain error", "math range error").

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::functions::functions_num::float_to_int;
use crate::builtins::functions::{call_dunder, expect_args, index_int};
use crate::interp::ops::{as_bigint, BinOp};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

// glibc's libm (linked by std on Linux), which CPython calls too.
extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
    fn frexp(x: f64, e: *mut i32) -> f64;
    fn ldexp(x: f64, e: i32) -> f64;
    fn modf(x: f64, ip: *mut f64) -> f64;
    fn expm1(x: f64) -> f64;
    fn log1p(x: f64) -> f64;
    fn exp2(x: f64) -> f64;
    fn dlopen(file: *const std::ffi::c_char, mode: i32) -> *mut std::ffi::c_void;
    fn dlsym(handle: *mut std::ffi::c_void, name: *const std::ffi::c_char)
        -> *mut std::ffi::c_void;
}

type CFn = extern "C" fn(f64) -> f64;

/// glibc's own `name` from libm.so.6, as CPython calls it: Rust links its own
/// (differently rounded) cbrt and computes asinh/acosh/atanh itself, so these
/// are looked up at run time; `fallback` if that fails.
fn call_libm(
    cache: &'static std::sync::OnceLock<Option<CFn>>,
    name: &std::ffi::CStr,
    fallback: fn(f64) -> f64,
    x: f64,
) -> f64 {
    let f = cache.get_or_init(|| unsafe {
        let h = dlopen(c"libm.so.6".as_ptr(), 1);
        let p = if h.is_null() {
            std::ptr::null_mut()
        } else {
            dlsym(h, name.as_ptr())
        };
        if p.is_null() {
            None
        } else {
            Some(std::mem::transmute::<*mut std::ffi::c_void, CFn>(p))
        }
    });
    match f {
        Some(f) => f(x),
        None => fallback(x),
    }
}

static CBRT: std::sync::OnceLock<Option<CFn>> = std::sync::OnceLock::new();
static ASINH: std::sync::OnceLock<Option<CFn>> = std::sync::OnceLock::new();
static ACOSH: std::sync::OnceLock<Option<CFn>> = std::sync::OnceLock::new();
static ATANH: std::sync::OnceLock<Option<CFn>> = std::sync::OnceLock::new();

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
    for (name, f) in fns {
        let v = super::native(vm, name, *f, None);
        m.set(name, v);
    }
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

macro_rules! func1 {
    ($name:ident, $py:expr, $f:expr, $ov:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
            math_1(vm, $py, args, kw, $f, $ov)
        }
    };
}

func1!(m_sqrt, "sqrt", f64::sqrt, false);
func1!(m_exp, "exp", f64::exp, true);
func1!(m_exp2, "exp2", |x| unsafe { exp2(x) }, true);
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
func1!(m_erf, "erf", |x| unsafe { erf(x) }, false);
func1!(m_erfc, "erfc", |x| unsafe { erfc(x) }, false);
func1!(
    m_log1p,
    "log1p",
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

fn m_atan2(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    math_2(vm, "atan2", args, kw, f64::atan2)
}
fn m_copysign(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    math_2(vm, "copysign", args, kw, f64::copysign)
}
fn m_remainder(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    math_2(vm, "remainder", args, kw, remainder)
}
fn m_nextafter(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (a, b) = two_args(vm, "nextafter", args, kw)?;
    let x = to_f64(vm, a)?;
    let y = to_f64(vm, b)?;
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

fn m_gamma(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "gamma", args, kw)?;
    let x = to_f64(vm, a)?;
    match tgamma(x) {
        Ok(r) => Ok(Value::Float(r)),
        Err(true) => Err(range_err(vm)),
        Err(false) => Err(domain(vm)),
    }
}

fn m_lgamma(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "lgamma", args, kw)?;
    let x = to_f64(vm, a)?;
    match lgamma(x) {
        Ok(r) => Ok(Value::Float(r)),
        Err(true) => Err(range_err(vm)),
        Err(false) => Err(domain(vm)),
    }
}

// ---------------------------------------------------------------- gamma (CPython's Lanczos port)

const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

fn sinpi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// Err(true) = range error, Err(false) = domain error.
fn tgamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(false)
        };
    }
    if x == 0.0 {
        return Err(false);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(false);
        }
        if x <= 23.0 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(true) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sinpi(x))
        } else {
            Err(true)
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sp = y.powf(absx / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sp = y.powf(absx / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
    }
    if r.is_infinite() {
        return Err(true);
    }
    Ok(r)
}

fn lgamma(x: f64) -> Result<f64, bool> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(false) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(true);
    }
    Ok(r)
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

fn m_log(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn m_log2(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "log2", args, kw)?;
    Ok(Value::Float(loghelper(vm, a, f64::log2, 1.0)?))
}

fn m_log10(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "log10", args, kw)?;
    Ok(Value::Float(loghelper(
        vm,
        a,
        f64::log10,
        std::f64::consts::LOG10_2,
    )?))
}

// ---------------------------------------------------------------- pow, fmod, modf, frexp, ldexp

fn m_pow(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn m_fmod(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn m_modf(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "modf", args, kw)?;
    let x = to_f64(vm, a)?;
    if x.is_infinite() {
        return Ok(vm.new_tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
    }
    let mut ip = 0.0;
    let fp = unsafe { modf(x, &mut ip) };
    Ok(vm.new_tuple(vec![Value::Float(fp), Value::Float(ip)]))
}

fn m_frexp(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "frexp", args, kw)?;
    let x = to_f64(vm, a)?;
    let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 {
        (x, 0)
    } else {
        let mut e = 0i32;
        let m = unsafe { frexp(x, &mut e) };
        (m, e)
    };
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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
        let r = unsafe { ldexp(x, e as i32) };
        if r.is_infinite() {
            return Err(range_err(vm));
        }
        r
    };
    Ok(Value::Float(r))
}

fn m_ulp(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "ulp", args, kw)?;
    let x = to_f64(vm, a)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = unsafe { nextafter(x, f64::INFINITY) };
    if x2.is_infinite() {
        let x2 = unsafe { nextafter(x, 0.0) };
        return Ok(Value::Float(x - x2));
    }
    Ok(Value::Float(x2 - x))
}

// ---------------------------------------------------------------- predicates

fn m_isfinite(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "isfinite", args, kw)?;
    let x = to_f64(vm, a)?;
    Ok(Value::Bool(x.is_finite()))
}
fn m_isinf(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "isinf", args, kw)?;
    let x = to_f64(vm, a)?;
    Ok(Value::Bool(x.is_infinite()))
}
fn m_isnan(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "isnan", args, kw)?;
    let x = to_f64(vm, a)?;
    Ok(Value::Bool(x.is_nan()))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "isclose", kw, &["a", "b", "rel_tol", "abs_tol"])?;
    let mut a = args.first().copied().or_else(|| super::kwarg(kw, "a"));
    let mut b = args.get(1).copied().or_else(|| super::kwarg(kw, "b"));
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let (Some(av), Some(bv)) = (a.take(), b.take()) else {
        let missing = if args.is_empty() && super::kwarg(kw, "a").is_none() {
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
    let rel = match super::kwarg(kw, "rel_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs = match super::kwarg(kw, "abs_tol") {
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

fn m_floor(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    round_to_int(vm, "floor", "__floor__", args, kw, f64::floor)
}
fn m_ceil(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    round_to_int(vm, "ceil", "__ceil__", args, kw, f64::ceil)
}
fn m_trunc(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    round_to_int(vm, "trunc", "__trunc__", args, kw, f64::trunc)
}

// ---------------------------------------------------------------- integer functions

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

fn m_factorial(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn m_gcd(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn m_lcm(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn m_isqrt(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = one_arg(vm, "isqrt", args, kw)?;
    let n = big_index(vm, a)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.int_from_big(n.sqrt()))
}

fn m_comb(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn m_perm(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn m_prod(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "prod", kw, &["start"])?;
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let start = super::kwarg(kw, "start").unwrap_or(Value::Int(1));
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

// ---------------------------------------------------------------- fsum, hypot, dist

fn m_fsum(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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
    unsafe { frexp(max, &mut max_e) };
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
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

fn m_hypot(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn m_dist(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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
