//! Numeric built-in functions: `abs`, `min`, `max`, `sum`, `divmod`, `pow`,
//! `round`, `hex`, `oct`, `bin`, `ord`, `chr`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use crate::interp::ops::{as_bigint, float_to_bigint, BinOp, CmpOp};
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{bind, call_dunder, check_kw_names, expect_args, index_i64_clamped, index_int, Params};

pub fn install(vm: &mut Vm) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("ord", ord),
        ("chr", chr),
    ];
    for (name, f) in fns {
        crate::builtins::add_function(vm, name, *f);
    }
}

pub(crate) fn abs(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "abs", kw)?;
    crate::builtins::check_arity(vm, "abs", args, 1, 1)?;
    let v = args[0];
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => vm.int_from_big(BigInt::from(i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::BigInt(b) => {
            let a = b.0.abs();
            Ok(vm.int_from_big(a))
        }
        _ => match call_dunder(vm, v, "__abs__", &[])? {
            Some(r) => Ok(r),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("bad operand type for abs(): '{tn}'")))
            }
        },
    }
}

// ---------------------------------------------------------------- min and max

/// `min` (compiled code computes `min(a, b)` of two numbers at the call
/// site: `jit/gen_builtin_calls.rs`).
pub(crate) fn min(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    min_max(vm, args, kw, false)
}

/// `max` (likewise).
pub(crate) fn max(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    min_max(vm, args, kw, true)
}

/// CPython's `min_max`: the first of the extreme items wins; each candidate
/// is compared as `item > best` (max) or `item < best` (min).
fn min_max(vm: &mut Vm, args: &[Value], kw: Kwargs, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    if args.is_empty() {
        return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0")));
    }
    check_kw_names(vm, name, kw, &["key", "default"])?;
    let key = crate::builtins::kwarg(kw, "key").filter(|k| !k.is_none());
    let default = crate::builtins::kwarg(kw, "default");
    if args.len() > 1 && default.is_some() {
        return Err(vm.type_error(&format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let op = if is_max { CmpOp::Gt } else { CmpOp::Lt };
    let it = if args.len() == 1 {
        vm.get_iter(args[0])?
    } else {
        Value::None
    };
    // Roots: the iterator, the best item and its key, the current item and key.
    let base = vm.temp_roots.len();
    vm.temp_roots
        .extend_from_slice(&[it, Value::None, Value::None, Value::None, Value::None]);
    let r = (|| -> PyResult<Option<Value>> {
        let mut best: Option<(Value, Value)> = None;
        let mut idx = 0;
        loop {
            let item = if args.len() == 1 {
                match vm.iter_next(it)? {
                    Some(v) => v,
                    None => break,
                }
            } else {
                match args.get(idx) {
                    Some(v) => *v,
                    None => break,
                }
            };
            idx += 1;
            set_root(vm, base + 3, item);
            let k = match key {
                Some(f) => vm.call_value(f, &[item], &[])?,
                None => item,
            };
            set_root(vm, base + 4, k);
            let better = match best {
                None => true,
                Some((_, bk)) => match (k, bk) {
                    (Value::Int(a), Value::Int(b)) => {
                        if is_max {
                            a > b
                        } else {
                            a < b
                        }
                    }
                    (Value::Float(a), Value::Float(b)) => {
                        if is_max {
                            a > b
                        } else {
                            a < b
                        }
                    }
                    _ => {
                        let c = vm.compare_op(op, k, bk)?;
                        vm.truthy(c)?
                    }
                },
            };
            if better {
                best = Some((item, k));
                set_root(vm, base + 1, item);
                set_root(vm, base + 2, k);
            }
        }
        Ok(best.map(|(v, _)| v))
    })();
    vm.temp_roots.truncate(base);
    match r? {
        Some(v) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(&format!("{name}() arg is an empty sequence"))),
        },
    }
}

/// Overwrite a slot this function reserved on `temp_roots`.
fn set_root(vm: &mut Vm, slot: usize, v: Value) {
    if let Some(r) = vm.temp_roots.get_mut(slot) {
        *r = v;
    }
}

// ---------------------------------------------------------------- sum

const SUM_PARAMS: Params = Params {
    fname: "sum",
    names: &["iterable", "start"],
    posonly: 1,
    required: 1,
};

/// `sum(iterable, start=0)`: plain left-to-right `+` (3.11 has no compensated
/// float summation), with the same fast paths for exact ints and floats.
fn sum(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = bind(vm, &SUM_PARAMS, args, kw)?;
    let iterable = a[0].unwrap_or(Value::None);
    let start = a[1].unwrap_or(Value::Int(0));
    match start {
        Value::Str(_) => {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"))
        }
        Value::Bytes(_) => {
            return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"))
        }
        _ => {}
    }
    let it = vm.get_iter(iterable)?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&[it, start]);
    let r = (|| -> PyResult<Value> {
        let mut acc = start;
        while let Some(x) = vm.iter_next(it)? {
            acc = match (acc, x) {
                (Value::Int(a), Value::Int(b)) => match a.checked_add(b) {
                    Some(s) => Value::Int(s),
                    None => vm.binary_op(BinOp::Add, acc, x)?,
                },
                (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
                (Value::Float(a), Value::Int(b)) => Value::Float(a + b as f64),
                _ => {
                    vm.temp_roots.push(x);
                    let s = vm.binary_op(BinOp::Add, acc, x);
                    vm.temp_roots.pop();
                    s?
                }
            };
            set_root(vm, base + 1, acc);
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(base);
    r
}

// ---------------------------------------------------------------- divmod and pow

fn divmod(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "divmod", kw)?;
    expect_args(vm, "divmod", args, 2, 2)?;
    vm.divmod(args[0], args[1])
}

const POW_PARAMS: Params = Params {
    fname: "pow",
    names: &["base", "exp", "mod"],
    posonly: 0,
    required: 2,
};

pub(crate) fn pow(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = bind(vm, &POW_PARAMS, args, kw)?;
    let (b, e) = (a[0].unwrap_or(Value::None), a[1].unwrap_or(Value::None));
    let m = a[2].unwrap_or(Value::None);
    if m.is_none() {
        return vm.binary_op(BinOp::Pow, b, e);
    }
    let is_num = |v: Value| {
        matches!(
            v,
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_)
        )
    };
    let (Some(bb), Some(eb), Some(mb)) = (as_bigint(b), as_bigint(e), as_bigint(m)) else {
        if is_num(b) && is_num(e) && is_num(m) {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        }
        let (tb, te, tm) = (vm.type_name(b), vm.type_name(e), vm.type_name(m));
        return Err(vm.type_error(&format!(
            "unsupported operand type(s) for ** or pow(): '{tb}', '{te}', '{tm}'"
        )));
    };
    let r = modular_pow(bb, eb, mb).map_err(|msg| vm.value_error(msg))?;
    Ok(vm.int_from_big(r))
}

/// Three-argument pow as CPython's `long_pow`: the result takes the sign of
/// the modulus, and a negative exponent uses the modular inverse.
fn modular_pow(base: BigInt, exp: BigInt, m: BigInt) -> Result<BigInt, &'static str> {
    if m.is_zero() {
        return Err("pow() 3rd argument cannot be 0");
    }
    let negative_mod = m.is_negative();
    let m = m.abs();
    let mut base = base.mod_floor(&m);
    let mut exp = exp;
    if exp.is_negative() {
        base = mod_inverse(&base, &m).ok_or("base is not invertible for the given modulus")?;
        exp = -exp;
    }
    let mut r = if m.is_one() {
        BigInt::zero()
    } else {
        base.modpow(&exp, &m)
    };
    if negative_mod && !r.is_zero() {
        r -= &m;
    }
    Ok(r)
}

/// The inverse of `a` modulo `m` (m > 0, 0 <= a < m), if gcd(a, m) == 1.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if !old_r.is_one() {
        return None;
    }
    Some(old_s.mod_floor(m))
}

// ---------------------------------------------------------------- round

const ROUND_PARAMS: Params = Params {
    fname: "round",
    names: &["number", "ndigits"],
    posonly: 0,
    required: 1,
};

pub(crate) fn round(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = bind(vm, &ROUND_PARAMS, args, kw)?;
    let x = a[0].unwrap_or(Value::None);
    let nd = a[1].filter(|v| !v.is_none());
    match x {
        Value::Float(f) => match nd {
            None => {
                let r = f.round_ties_even();
                float_to_int(vm, r)
            }
            Some(n) => {
                let n = index_i64_clamped(vm, n)?;
                let r = crate::format::round_float(f, n).map_err(|e| vm.fmt_error(e))?;
                Ok(Value::Float(r))
            }
        },
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let x = index_int(vm, x)?;
            let Some(n) = nd else { return Ok(x) };
            let n = index_i64_clamped(vm, n)?;
            if n >= 0 {
                return Ok(x);
            }
            let v = as_bigint(x).unwrap_or_default();
            let r = round_int(&v, n.unsigned_abs());
            Ok(vm.int_from_big(r))
        }
        _ => {
            let extra: Vec<Value> = nd.into_iter().collect();
            match call_dunder(vm, x, "__round__", &extra)? {
                Some(r) => Ok(r),
                None => {
                    let tn = vm.type_name(x);
                    Err(vm.type_error(&format!("type {tn} doesn't define __round__ method")))
                }
            }
        }
    }
}

/// An int rounded to a multiple of 10**k, ties to even.
fn round_int(v: &BigInt, k: u64) -> BigInt {
    // 10**k exceeds |v| once k passes its digit count: the result is 0.
    let digits = (v.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 1;
    if k > digits {
        return BigInt::zero();
    }
    let p = num_traits::pow(BigInt::from(10), k as usize);
    let (q, r) = v.div_mod_floor(&p);
    let twice = &r * 2;
    let up = twice > p || (twice == p && q.is_odd());
    let q = if up { q + 1 } else { q };
    q * p
}

/// A float that is already integral, as an int (OverflowError for inf, ValueError for NaN).
pub(crate) fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(
            vm.new_exception_msg("OverflowError", "cannot convert float infinity to integer")
        );
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(vm.int_from_big(float_to_bigint(t)))
}

// ---------------------------------------------------------------- hex, oct, bin

fn radix(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kwargs,
    r: u32,
    prefix: &str,
) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, name, kw)?;
    crate::builtins::check_arity(vm, name, args, 1, 1)?;
    let v = index_int(vm, args[0])?;
    let b = as_bigint(v).unwrap_or_default();
    Ok(vm.new_str(crate::format::int_to_str_radix(&b, r, prefix)))
}

fn hex(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    radix(vm, "hex", args, kw, 16, "0x")
}

fn oct(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    radix(vm, "oct", args, kw, 8, "0o")
}

fn bin(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    radix(vm, "bin", args, kw, 2, "0b")
}

// ---------------------------------------------------------------- ord and chr

pub(crate) fn ord(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "ord", kw)?;
    crate::builtins::check_arity(vm, "ord", args, 1, 1)?;
    let (n, c) = match args[0] {
        Value::Str(s) => (s.char_len(), s.as_str().chars().next().map(|c| c as i64)),
        Value::Bytes(b) => (b.b.len(), b.b.first().map(|c| *c as i64)),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "ord() expected string of length 1, but {tn} found"
            )));
        }
    };
    match (n, c) {
        (1, Some(c)) => Ok(Value::Int(c)),
        _ => Err(vm.type_error(&format!(
            "ord() expected a character, but string of length {n} found"
        ))),
    }
}

fn chr(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "chr", kw)?;
    crate::builtins::check_arity(vm, "chr", args, 1, 1)?;
    let v = index_int(vm, args[0])?;
    let i = match v {
        Value::Int(i) if i32::try_from(i).is_ok() => i,
        _ => {
            return Err(
                vm.new_exception_msg("OverflowError", "Python int too large to convert to C int")
            )
        }
    };
    if !(0..0x110000).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    // Lone surrogates cannot live in a Rust string: they become U+FFFD.
    let c = u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    Ok(Value::Str(vm.intern(c.encode_utf8(&mut buf))))
}
