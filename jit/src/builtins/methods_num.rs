//! Methods of `int` (and so `bool`) and `float`.
use num_bigint::{BigInt, Sign};
use num_traits::{One, Zero};

use crate::builtins::add_method;
use crate::interp::ops::as_bigint;
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{add_classmethod, bind, check_recv, noargs, ssize_arg};

pub fn install(vm: &mut Vm) {
    let t = vm.types.int;
    let methods: &[(&'static str, NativeFn)] = &[
        ("bit_length", bit_length),
        ("bit_count", bit_count),
        ("to_bytes", to_bytes),
        ("conjugate", int_conjugate),
        ("as_integer_ratio", int_as_integer_ratio),
    ];
    for (name, f) in methods {
        add_method(vm, t, name, *f);
    }
    add_classmethod(vm, t, "from_bytes", from_bytes);
    let t = vm.types.float;
    let methods: &[(&'static str, NativeFn)] = &[
        ("is_integer", is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("conjugate", float_conjugate),
        ("hex", float_hex),
    ];
    for (name, f) in methods {
        add_method(vm, t, name, *f);
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// The receiver of an int method as a BigInt.
fn recv_int(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<BigInt> {
    check_recv(vm, "int", name, args, is_int)?;
    Ok(as_bigint(args[0]).unwrap_or_default())
}

fn recv_float(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    check_recv(vm, "float", name, args, |v| matches!(v, Value::Float(_)))?;
    match args[0] {
        Value::Float(f) => Ok(f),
        _ => unreachable!("checked by check_recv"),
    }
}

// ------------------------------------------------------------ int

fn bit_length(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    check_recv(vm, "int", "bit_length", args, is_int)?;
    noargs(vm, &"int.bit_length", args, kw)?;
    Ok(Value::Int(match args[0] {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Value::Bool(b) => b as i64,
        Value::BigInt(b) => b.0.bits() as i64,
        _ => 0,
    }))
}

fn bit_count(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let n = recv_int(vm, args, "bit_count")?;
    noargs(vm, &"int.bit_count", args, kw)?;
    let ones: u64 = n
        .magnitude()
        .iter_u64_digits()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(ones as i64))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    check_recv(vm, "int", "conjugate", args, is_int)?;
    noargs(vm, &"int.conjugate", args, kw)?;
    Ok(match args[0] {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    })
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    check_recv(vm, "int", "as_integer_ratio", args, is_int)?;
    noargs(vm, &"int.as_integer_ratio", args, kw)?;
    let n = match args[0] {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    };
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

/// The `byteorder` argument: true for little-endian.
fn byteorder_arg(vm: &mut Vm, fname: &str, v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "{fname}() argument 'byteorder' must be str, not {tn}"
            )))
        }
    }
}

fn to_bytes(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let n = recv_int(vm, args, "to_bytes")?;
    let [length, order, signed] = bind(
        vm,
        "to_bytes",
        &args[1..],
        kw,
        ["length", "byteorder", "signed"],
        2,
        0,
    )?;
    let length = match length {
        None => 1,
        Some(v) => ssize_arg(vm, v)?,
    };
    let little = byteorder_arg(vm, "to_bytes", order)?;
    let signed = match signed {
        None => false,
        Some(v) => vm.truthy(v)?,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    if !signed && n.sign() == Sign::Minus {
        return Err(vm.new_exception_msg("OverflowError", "can't convert negative int to unsigned"));
    }
    // Bytes the value needs: two's complement with a sign bit when signed.
    let needed = if n.is_zero() {
        0
    } else if signed && length == 0 && n == BigInt::from(-1) {
        // CPython's _PyLong_AsByteArray stores no byte for a value that is
        // all sign bits and only demands a sign bit when n > 0: b''.
        0
    } else if !signed {
        n.bits().div_ceil(8)
    } else if n.sign() == Sign::Minus {
        let m: BigInt = -&n - 1;
        m.bits() / 8 + 1
    } else {
        n.bits() / 8 + 1
    };
    if needed > length as u64 {
        return Err(vm.new_exception_msg("OverflowError", "int too big to convert"));
    }
    let len = length as usize;
    let mut out: Vec<u8> = Vec::new();
    if out.try_reserve_exact(len).is_err() {
        return Err(vm.new_exception("MemoryError", Vec::new()));
    }
    let (fill, mag) = if n.sign() == Sign::Minus {
        // n mod 256**len, whose high bytes are all 0xff.
        let m: BigInt = (BigInt::one() << (8 * needed.max(1))) + &n;
        (0xffu8, m.to_bytes_be().1)
    } else {
        (
            0u8,
            if n.is_zero() {
                Vec::new()
            } else {
                n.to_bytes_be().1
            },
        )
    };
    out.resize(len - mag.len().min(len), fill);
    out.extend_from_slice(&mag[mag.len().saturating_sub(len)..]);
    if little {
        out.reverse();
    }
    Ok(vm.new_bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`: a classmethod,
/// args[0] is the type.
fn from_bytes(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let [data, order, signed] = bind(
        vm,
        "from_bytes",
        &args[1..],
        kw,
        ["bytes", "byteorder", "signed"],
        2,
        1,
    )?;
    let data = data.unwrap_or(Value::None);
    let little = byteorder_arg(vm, "from_bytes", order)?;
    let signed = match signed {
        None => false,
        Some(v) => vm.truthy(v)?,
    };
    let mut bytes: Vec<u8> = match data {
        Value::Bytes(b) => b.b.to_vec(),
        Value::List(_)
        | Value::Tuple(_)
        | Value::Iter(_)
        | Value::Generator(_)
        | Value::Range(_) => {
            let items = vm.collect_iterable(data)?;
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                let i = match x {
                    Value::Int(i) => i,
                    Value::Bool(b) => b as i64,
                    Value::BigInt(_) => -1,
                    other => {
                        let tn = vm.type_name(other);
                        return Err(vm.type_error(&format!(
                            "'{tn}' object cannot be interpreted as an integer"
                        )));
                    }
                };
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            out
        }
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("cannot convert '{tn}' object to bytes")));
        }
    };
    if little {
        bytes.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_be(&bytes)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &bytes)
    };
    Ok(vm.int_from_big(n))
}

// ------------------------------------------------------------ float

fn is_integer(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let f = recv_float(vm, args, "is_integer")?;
    noargs(vm, &"float.is_integer", args, kw)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_conjugate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    recv_float(vm, args, "conjugate")?;
    noargs(vm, &"float.conjugate", args, kw)?;
    Ok(args[0])
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let f = recv_float(vm, args, "as_integer_ratio")?;
    noargs(vm, &"float.as_integer_ratio", args, kw)?;
    if f.is_infinite() {
        return Err(
            vm.new_exception_msg("OverflowError", "cannot convert Infinity to integer ratio")
        );
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    // f = mantissa * 2**exp exactly, with an integer mantissa.
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut exp) = if biased == 0 {
        (frac, -1074i64)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    if mant == 0 {
        return Ok(vm.new_tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let tz = mant.trailing_zeros() as i64;
    mant >>= tz;
    exp += tz;
    let mut num = BigInt::from(mant);
    if f < 0.0 {
        num = -num;
    }
    let (num, den) = if exp >= 0 {
        (num << exp as usize, BigInt::one())
    } else {
        (num, BigInt::one() << (-exp) as usize)
    };
    let (n, d) = (vm.int_from_big(num), vm.int_from_big(den));
    Ok(vm.new_tuple(vec![n, d]))
}

fn float_hex(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let f = recv_float(vm, args, "hex")?;
    noargs(vm, &"float.hex", args, kw)?;
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f < 0.0 { "-inf" } else { "inf" }.to_string()
    } else {
        let sign = if f.is_sign_negative() { "-" } else { "" };
        let bits = f.abs().to_bits();
        let biased = (bits >> 52) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        if f == 0.0 {
            format!("{sign}0x0.0p+0")
        } else if biased == 0 {
            format!("{sign}0x0.{frac:013x}p-1022")
        } else {
            let e = biased - 1023;
            format!(
                "{sign}0x1.{frac:013x}p{}{}",
                if e >= 0 { "+" } else { "-" },
                e.abs()
            )
        }
    };
    Ok(vm.new_str(s))
}
