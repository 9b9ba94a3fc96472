//! The generator state: the Mersenne Twister over the hidden state list,
//! seeding, and `getstate` / `setstate`.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::interp::ops::as_bigint;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::sha512::sha512;
use super::{args_exact, GAUSS, IDX, M, N};

// ---------------------------------------------------------------- the generator

pub(super) fn state_of(args: &[Value]) -> Gc<ListObj> {
    match args[0] {
        Value::List(l) => l,
        _ => unreachable!("random functions are bound to their state"),
    }
}

fn word(v: Value) -> u32 {
    match v {
        Value::Int(i) => i as u32,
        _ => 0,
    }
}

fn init_genrand(mt: &mut [u32; N], s: u32) {
    mt[0] = s;
    for i in 1..N {
        mt[i] = 1812433253u32
            .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
            .wrapping_add(i as u32);
    }
}

fn init_by_array(st: Gc<ListObj>, key: &[u32]) {
    let mut mt = [0u32; N];
    init_genrand(&mut mt, 19650218);
    let (mut i, mut j) = (1usize, 0usize);
    let mut k = N.max(key.len());
    while k > 0 {
        mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1664525))
            .wrapping_add(key[j])
            .wrapping_add(j as u32);
        i += 1;
        j += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if j >= key.len() {
            j = 0;
        }
        k -= 1;
    }
    k = N - 1;
    while k > 0 {
        mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1566083941))
            .wrapping_sub(i as u32);
        i += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        k -= 1;
    }
    mt[0] = 0x8000_0000;
    let mut items = st.items.borrow_mut();
    for (slot, w) in items.iter_mut().zip(mt.iter()) {
        *slot = Value::Int(*w as i64);
    }
    items[IDX] = Value::Int(N as i64);
    items[GAUSS] = Value::None;
}

pub(super) fn seed_from_time(st: Gc<ListObj>) {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let pid = std::process::id();
    init_by_array(st, &[t as u32, (t >> 32) as u32, (t >> 64) as u32, pid]);
}

fn genrand(st: Gc<ListObj>) -> u32 {
    let mut items = st.items.borrow_mut();
    let mut idx = match items[IDX] {
        Value::Int(i) => i as usize,
        _ => N,
    };
    if idx >= N {
        let mut mt = [0u32; N];
        for (w, v) in mt.iter_mut().zip(items.iter()) {
            *w = word(*v);
        }
        const MAG: [u32; 2] = [0, 0x9908_b0df];
        let (upper, lower) = (0x8000_0000u32, 0x7fff_ffffu32);
        let mut kk = 0;
        while kk < N - M {
            let y = (mt[kk] & upper) | (mt[kk + 1] & lower);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            kk += 1;
        }
        while kk < N - 1 {
            let y = (mt[kk] & upper) | (mt[kk + 1] & lower);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ MAG[(y & 1) as usize];
            kk += 1;
        }
        let y = (mt[N - 1] & upper) | (mt[0] & lower);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ MAG[(y & 1) as usize];
        for (v, w) in items.iter_mut().zip(mt.iter()) {
            *v = Value::Int(*w as i64);
        }
        idx = 0;
    }
    let mut y = word(items[idx]);
    items[IDX] = Value::Int(idx as i64 + 1);
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^= y >> 18;
    y
}

pub(super) fn random_f64(st: Gc<ListObj>) -> f64 {
    let a = genrand(st) >> 5;
    let b = genrand(st) >> 6;
    (a as f64 * 67108864.0 + b as f64) * (1.0 / 9007199254740992.0)
}

/// getrandbits(k) for k <= 64.
fn bits_u64(st: Gc<ListObj>, k: u64) -> u64 {
    if k == 0 {
        0
    } else if k <= 32 {
        (genrand(st) >> (32 - k)) as u64
    } else {
        let lo = genrand(st) as u64;
        let hi = (genrand(st) >> (64 - k)) as u64;
        lo | (hi << 32)
    }
}

pub(super) fn bits_big(st: Gc<ListObj>, k: u64) -> BigInt {
    if k <= 64 {
        return BigInt::from(bits_u64(st, k));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k as i64;
    for _ in 0..words {
        let mut r = genrand(st);
        if left < 32 {
            r >>= 32 - left;
        }
        out.push(r);
        left -= 32;
    }
    BigInt::from_slice(Sign::Plus, &out)
}

/// _randbelow_with_getrandbits(n) for n > 0.
pub(super) fn below_u64(st: Gc<ListObj>, n: u64) -> u64 {
    let k = 64 - n.leading_zeros() as u64;
    let mut r = bits_u64(st, k);
    while r >= n {
        r = bits_u64(st, k);
    }
    r
}

pub(super) fn below_big(st: Gc<ListObj>, n: &BigInt) -> BigInt {
    if let Some(s) = n.to_u64() {
        return BigInt::from(below_u64(st, s));
    }
    let k = n.bits();
    let mut r = bits_big(st, k);
    while &r >= n {
        r = bits_big(st, k);
    }
    r
}

// ---------------------------------------------------------------- seeding

fn seed_with_int(st: Gc<ListObj>, n: &BigInt) {
    let (_, mut key) = n.abs().to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    init_by_array(st, &key);
}

pub(super) fn seed(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::check_kwargs(vm, "seed", kw, &["a", "version"])?;
    let st = state_of(args);
    let args = &args[1..];
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "Random.seed() takes from 1 to 3 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    let a = args
        .first()
        .copied()
        .or_else(|| crate::builtins::kwarg(kw, "a"))
        .unwrap_or(Value::None);
    let version = args
        .get(1)
        .copied()
        .or_else(|| crate::builtins::kwarg(kw, "version"))
        .unwrap_or(Value::Int(2));
    let v2 = matches!(version, Value::Int(2));
    match a {
        Value::None => seed_from_time(st),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            seed_with_int(st, &as_bigint(a).unwrap_or_default())
        }
        Value::Str(_) | Value::Bytes(_) if v2 => {
            let mut bytes: Vec<u8> = match a {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                Value::Bytes(b) => b.b.to_vec(),
                _ => unreachable!(),
            };
            let h = sha512(&bytes);
            bytes.extend_from_slice(&h);
            seed_with_int(st, &BigInt::from_bytes_be(Sign::Plus, &bytes));
        }
        Value::Float(_) | Value::Str(_) | Value::Bytes(_) => {
            // CPython seeds with the hash as an unsigned size_t.
            let h = vm.hash(a)?;
            seed_with_int(st, &BigInt::from(h as u64));
        }
        _ => {
            return Err(vm.type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ));
        }
    }
    st.items.borrow_mut()[GAUSS] = Value::None;
    Ok(Value::None)
}

// ---------------------------------------------------------------- getstate / setstate

/// `(3, (mt[0], ..., mt[623], index), gauss_next)`, as CPython returns it.
pub(super) fn getstate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    args_exact(vm, "getstate", args, kw, &[], 0)?;
    let st = state_of(args);
    let (inner, gauss) = {
        let items = st.items.borrow();
        (items[..=IDX].to_vec(), items[GAUSS])
    };
    let inner = vm.new_tuple(inner);
    Ok(vm.new_tuple(vec![Value::Int(3), inner, gauss]))
}

pub(super) fn setstate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "setstate", args, kw, &["state"], 1)?;
    let st = state_of(args);
    let state = a[0].unwrap_or(Value::None);
    let Value::Tuple(t) = state else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if t.items.len() != 3 || !matches!(t.items[0], Value::Int(3)) {
        if t.items.is_empty() {
            return Err(vm.value_error("state vector is the wrong size"));
        }
        let v = vm.repr(t.items[0])?;
        return Err(vm.value_error(&format!(
            "state with version {v} passed to Random.setstate() of version 3"
        )));
    }
    let Value::Tuple(inner) = t.items[1] else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if inner.items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = Vec::with_capacity(N + 1);
    for v in inner.items.iter() {
        match v {
            Value::Int(i) if (0..=u32::MAX as i64).contains(i) => words.push(*i),
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                return Err(vm.new_exception_msg(
                    "OverflowError",
                    "Python int too large to convert to C unsigned long",
                ))
            }
            _ => return Err(vm.type_error("state vector items must be integers")),
        }
    }
    let index = words[N];
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    let gauss = t.items[2];
    let mut items = st.items.borrow_mut();
    for (slot, w) in items.iter_mut().zip(words.iter()) {
        *slot = Value::Int(*w);
    }
    items[GAUSS] = if let Value::Int(i) = gauss {
        Value::Float(i as f64)
    } else {
        gauss
    };
    Ok(Value::None)
}
