//! The `random` module: CPython 3.11's Mersenne Twister (`_random.Random`) and
//! the pure-Python methods of random.py ported step for step, so seeded
//! programs produce the same sequences as CPython.
//!
//! The generator state lives in a hidden list bound as `self` to every module
//! function (CPython's module-level functions are bound methods of one hidden
//! `Random` instance): items 0..624 are the MT words, 624 is the index, 625
//! is `gauss_next` (None or a float).

use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive};

use crate::builtins::functions::index_int;
use crate::builtins::mod_bisect::{item_at, py_len};
use crate::builtins::mod_math::to_f64;
use crate::interp::ops::{as_bigint, BinOp};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

const N: usize = 624;
const M: usize = 397;
const IDX: usize = 624;
const GAUSS: usize = 625;

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("random", "");
    let state = vm.heap.alloc_pinned(ListObj {
        items: std::cell::RefCell::new(vec![Value::Int(0); N + 2]),
    });
    seed_from_time(state);
    add_methods(vm, m, Value::List(state), true);
    let r = super::native(vm, "Random", random_new, None);
    m.set("Random", r);
    m
}

const METHODS: &[(&str, NativeFn)] = &[
    ("seed", seed),
    ("random", random),
    ("getrandbits", getrandbits),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("choices", choices),
    ("shuffle", shuffle),
    ("sample", sample),
    ("uniform", uniform),
    ("triangular", triangular),
    ("gauss", gauss),
    ("normalvariate", normalvariate),
    ("lognormvariate", lognormvariate),
    ("expovariate", expovariate),
    ("paretovariate", paretovariate),
    ("weibullvariate", weibullvariate),
    ("gammavariate", gammavariate),
    ("betavariate", betavariate),
    ("randbytes", randbytes),
    ("getstate", getstate),
    ("setstate", setstate),
];

/// Bind every generator method to the state list `st` and store it in `m`.
fn add_methods(vm: &mut Vm, m: Gc<ModuleObj>, st: Value, pinned: bool) {
    for (name, f) in METHODS {
        let b = BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name,
            func: *f,
            bound_self: Some(st),
            owner: None,
        };
        let v = Value::Builtin(if pinned {
            vm.heap.alloc_pinned(b)
        } else {
            vm.heap.alloc(b)
        });
        m.set(name, v);
    }
}

/// `random.Random(x=None)`: an independent generator. Classes are not
/// available to native code, so the instance is a namespace object whose
/// attributes are the methods bound to its own state.
fn random_new(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "Random", kw, &["x"])?;
    if args.len() > 1 {
        return Err(vm.type_error(&format!(
            "Random() takes at most 1 argument ({} given)",
            args.len()
        )));
    }
    let x = args
        .first()
        .copied()
        .or_else(|| super::kwarg(kw, "x"))
        .unwrap_or(Value::None);
    let state = vm.heap.alloc(ListObj {
        items: std::cell::RefCell::new(vec![Value::Int(0); N + 2]),
    });
    let name = vm.intern_static("Random");
    let m = vm.heap.alloc(ModuleObj {
        name,
        file: "".into(),
        globals: crate::runtime::object::Globals::new(Vec::new()),
        slots: std::cell::RefCell::new(std::collections::HashMap::new()),
        slot_names: std::cell::RefCell::new(Vec::new()),
        builtin_cache: std::cell::RefCell::new(Vec::new()),
        namespace: std::cell::Cell::new(None),
    });
    add_methods(vm, m, Value::List(state), false);
    seed(vm, &[Value::List(state), x], &[])?;
    Ok(Value::Module(m))
}

// ---------------------------------------------------------------- the generator

fn state_of(args: &[Value]) -> Gc<ListObj> {
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

fn seed_from_time(st: Gc<ListObj>) {
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

fn random_f64(st: Gc<ListObj>) -> f64 {
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

fn bits_big(st: Gc<ListObj>, k: u64) -> BigInt {
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
fn below_u64(st: Gc<ListObj>, n: u64) -> u64 {
    let k = 64 - n.leading_zeros() as u64;
    let mut r = bits_u64(st, k);
    while r >= n {
        r = bits_u64(st, k);
    }
    r
}

fn below_big(st: Gc<ListObj>, n: &BigInt) -> BigInt {
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

// ---------------------------------------------------------------- SHA-512 (for seeding with str/bytes)

fn sha512(msg: &[u8]) -> [u8; 64] {
    const K: [u64; 80] = [
        0x428a2f98d728ae22,
        0x7137449123ef65cd,
        0xb5c0fbcfec4d3b2f,
        0xe9b5dba58189dbbc,
        0x3956c25bf348b538,
        0x59f111f1b605d019,
        0x923f82a4af194f9b,
        0xab1c5ed5da6d8118,
        0xd807aa98a3030242,
        0x12835b0145706fbe,
        0x243185be4ee4b28c,
        0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f,
        0x80deb1fe3b1696b1,
        0x9bdc06a725c71235,
        0xc19bf174cf692694,
        0xe49b69c19ef14ad2,
        0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5,
        0x240ca1cc77ac9c65,
        0x2de92c6f592b0275,
        0x4a7484aa6ea6e483,
        0x5cb0a9dcbd41fbd4,
        0x76f988da831153b5,
        0x983e5152ee66dfab,
        0xa831c66d2db43210,
        0xb00327c898fb213f,
        0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2,
        0xd5a79147930aa725,
        0x06ca6351e003826f,
        0x142929670a0e6e70,
        0x27b70a8546d22ffc,
        0x2e1b21385c26c926,
        0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df,
        0x650a73548baf63de,
        0x766a0abb3c77b2a8,
        0x81c2c92e47edaee6,
        0x92722c851482353b,
        0xa2bfe8a14cf10364,
        0xa81a664bbc423001,
        0xc24b8b70d0f89791,
        0xc76c51a30654be30,
        0xd192e819d6ef5218,
        0xd69906245565a910,
        0xf40e35855771202a,
        0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8,
        0x1e376c085141ab53,
        0x2748774cdf8eeb99,
        0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63,
        0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc,
        0x78a5636f43172f60,
        0x84c87814a1f0ab72,
        0x8cc702081a6439ec,
        0x90befffa23631e28,
        0xa4506cebde82bde9,
        0xbef9a3f7b2c67915,
        0xc67178f2e372532b,
        0xca273eceea26619c,
        0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e,
        0xf57d4f7fee6ed178,
        0x06f067aa72176fba,
        0x0a637dc5a2c898a6,
        0x113f9804bef90dae,
        0x1b710b35131c471b,
        0x28db77f523047d84,
        0x32caab7b40c72493,
        0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6,
        0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec,
        0x6c44198c4a475817,
    ];
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut data = msg.to_vec();
    data.push(0x80);
    while data.len() % 128 != 112 {
        data.push(0);
    }
    data.extend_from_slice(&((msg.len() as u128) * 8).to_be_bytes());
    for block in data.chunks(128) {
        let mut w = [0u64; 80];
        for t in 0..16 {
            w[t] = u64::from_be_bytes(block[t * 8..t * 8 + 8].try_into().unwrap());
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for t in 0..80 {
            let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[t])
                .wrapping_add(w[t]);
            let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v[7] = v[6];
            v[6] = v[5];
            v[5] = v[4];
            v[4] = v[3].wrapping_add(t1);
            v[3] = v[2];
            v[2] = v[1];
            v[1] = v[0];
            v[0] = t1.wrapping_add(t2);
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    let mut out = [0u8; 64];
    for i in 0..8 {
        out[i * 8..i * 8 + 8].copy_from_slice(&h[i].to_be_bytes());
    }
    out
}

// ---------------------------------------------------------------- seeding

fn seed_with_int(st: Gc<ListObj>, n: &BigInt) {
    let (_, mut key) = n.abs().to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    init_by_array(st, &key);
}

fn seed(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "seed", kw, &["a", "version"])?;
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
        .or_else(|| super::kwarg(kw, "a"))
        .unwrap_or(Value::None);
    let version = args
        .get(1)
        .copied()
        .or_else(|| super::kwarg(kw, "version"))
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

// ---------------------------------------------------------------- basic draws

fn args_exact(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kwargs,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    super::check_kwargs(vm, name, kw, params)?;
    let args = &args[1..];
    if args.len() > params.len() {
        return Err(vm.type_error(&format!(
            "Random.{name}() takes from {} to {} positional arguments but {} were given",
            required + 1,
            params.len() + 1,
            args.len() + 1
        )));
    }
    let mut out = Vec::with_capacity(params.len());
    for (i, p) in params.iter().enumerate() {
        let v = args.get(i).copied();
        let k = super::kwarg(kw, p);
        if v.is_some() && k.is_some() {
            return Err(vm.type_error(&format!(
                "Random.{name}() got multiple values for argument '{p}'"
            )));
        }
        out.push(v.or(k));
    }
    let missing: Vec<String> = params[..required]
        .iter()
        .zip(out.iter())
        .filter(|(_, v)| v.is_none())
        .map(|(p, _)| format!("'{p}'"))
        .collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            _ => format!(
                "{}, and {}",
                missing[..missing.len() - 1].join(", "),
                missing[missing.len() - 1]
            ),
        };
        return Err(vm.type_error(&format!(
            "Random.{name}() missing {} required positional argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(out)
}

fn random(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "random", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "Random.random() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(Value::Float(random_f64(state_of(args))))
}

fn getrandbits(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "getrandbits", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let k = crate::builtins::functions::index_i64_clamped(vm, args[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let r = bits_big(state_of(args), k as u64);
    Ok(vm.int_from_big(r))
}

fn randbytes(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "randbytes", args, kw, &["n"], 1)?;
    let n = crate::builtins::functions::index_i64_clamped(vm, a[0].unwrap_or(Value::None))?;
    if n < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let r = bits_big(state_of(args), n as u64 * 8);
    let mut b = r.to_bytes_le().1;
    b.resize(n as usize, 0);
    Ok(vm.new_bytes(b))
}

/// randrange's argument conversion (`_index`, then the deprecated int() path).
fn rr_index(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    match v {
        Value::Float(f) => {
            if f.fract() != 0.0 || !f.is_finite() {
                return Err(vm.value_error(&format!("non-integer {what} for randrange()")));
            }
            Ok(crate::interp::ops::float_to_bigint(f))
        }
        _ => {
            let i = index_int(vm, v)?;
            Ok(as_bigint(i).unwrap_or_default())
        }
    }
}

fn randrange_impl(
    vm: &mut Vm,
    st: Gc<ListObj>,
    start: Value,
    stop: Option<Value>,
    step: Option<Value>,
) -> PyResult<Value> {
    let istart = rr_index(vm, start, "arg 1")?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if step.is_some_and(|s| !matches!(s, Value::Int(1))) {
            return Err(vm.type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            let r = below_big(st, &istart);
            return Ok(vm.int_from_big(r));
        }
        return Err(vm.value_error("empty range for randrange()"));
    };
    let istop = rr_index(vm, stop, "stop")?;
    let width = &istop - &istart;
    let istep = match step {
        None => BigInt::one(),
        Some(s) => rr_index(vm, s, "step")?,
    };
    if istep.is_one() {
        if width.is_positive() {
            let r = istart + below_big(st, &width);
            return Ok(vm.int_from_big(r));
        }
        return Err(vm.value_error(&format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    let n = if istep.is_positive() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.is_negative() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(vm.value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(vm.value_error("empty range for randrange()"));
    }
    let r = istart + istep * below_big(st, &n);
    Ok(vm.int_from_big(r))
}

fn randrange(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "randrange", args, kw, &["start", "stop", "step"], 1)?;
    randrange_impl(vm, state_of(args), a[0].unwrap_or(Value::None), a[1], a[2])
}

fn randint(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "randint", args, kw, &["a", "b"], 2)?;
    let (lo, hi) = (a[0].unwrap_or(Value::None), a[1].unwrap_or(Value::None));
    let st = state_of(args);
    if let (Value::Int(x), Value::Int(y)) = (lo, hi) {
        if y >= x && ((y as i128 - x as i128) as u128) < u64::MAX as u128 {
            let w = (y as i128 - x as i128 + 1) as u64;
            return Ok(Value::Int((x as i128 + below_u64(st, w) as i128) as i64));
        }
    }
    let hi1 = vm.binary_op(BinOp::Add, hi, Value::Int(1))?;
    randrange_impl(vm, st, lo, Some(hi1), None)
}

// ---------------------------------------------------------------- sequences

fn choice(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "choice", args, kw, &["seq"], 1)?;
    let seq = a[0].unwrap_or(Value::None);
    let n = py_len(vm, seq)?;
    if n == 0 {
        return Err(vm.new_exception_msg("IndexError", "Cannot choose from an empty sequence"));
    }
    let i = below_u64(state_of(args), n as u64);
    item_at(vm, seq, i as i64)
}

fn shuffle(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "shuffle", args, kw, &["x"], 1)?;
    let x = a[0].unwrap_or(Value::None);
    let st = state_of(args);
    let n = py_len(vm, x)?;
    if let Value::List(l) = x {
        for i in (1..n as usize).rev() {
            let j = below_u64(st, i as u64 + 1) as usize;
            let mut items = l.items.borrow_mut();
            if i < items.len() && j < items.len() {
                items.swap(i, j);
            }
        }
        return Ok(Value::None);
    }
    for i in (1..n).rev() {
        let j = below_u64(st, i as u64 + 1) as i64;
        let xi = vm.getitem(x, Value::Int(i))?;
        vm.temp_roots.push(xi);
        let r = (|| -> PyResult<()> {
            let xj = vm.getitem(x, Value::Int(j))?;
            vm.temp_roots.push(xj);
            vm.setitem(x, Value::Int(i), xj)?;
            vm.setitem(x, Value::Int(j), xi)
        })();
        vm.temp_roots
            .truncate(vm.temp_roots.len().saturating_sub(2).max(0));
        r?;
    }
    Ok(Value::None)
}

fn sample(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "sample", args, kw, &["population", "k", "counts"], 2)?;
    let st = state_of(args);
    let population = a[0].unwrap_or(Value::None);
    let kv = a[1].unwrap_or(Value::None);
    if matches!(
        population,
        Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_) | Value::Iter(_) | Value::Generator(_)
    ) {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let n = py_len(vm, population)?;
    if let Some(counts) = a[2].filter(|c| !c.is_none()) {
        return sample_counts(vm, st, population, n, kv, counts);
    }
    let k = match index_int(vm, kv)? {
        Value::Int(k) => k,
        _ => -1,
    };
    if !(0 <= k && k <= n) {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    let k = k as usize;
    let mut setsize = 21i64;
    if k > 5 {
        setsize += 4i64.pow(((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32);
    }
    crate::builtins::methods::with_roots(vm, |vm| {
        let mut result = Vec::with_capacity(k);
        let holder = vm.new_list(vec![]);
        vm.temp_roots.push(holder);
        let Value::List(hl) = holder else {
            unreachable!()
        };
        if n <= setsize {
            let mut pool = crate::builtins::methods::collect_rooted(vm, population)?;
            let n = n as usize;
            for i in 0..k {
                let j = below_u64(st, (n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::new();
            for _ in 0..k {
                let mut j = below_u64(st, n as u64);
                while selected.contains(&j) {
                    j = below_u64(st, n as u64);
                }
                selected.insert(j);
                let v = item_at(vm, population, j as i64)?;
                hl.items.borrow_mut().push(v);
                result.push(v);
            }
        }
        Ok(vm.new_list(result))
    })
}

/// sample(population, k, counts=...): sample positions of the expanded
/// population, then map each back with bisect over the cumulative counts.
fn sample_counts(
    vm: &mut Vm,
    st: Gc<ListObj>,
    population: Value,
    n: i64,
    kv: Value,
    counts: Value,
) -> PyResult<Value> {
    crate::builtins::methods::with_roots(vm, |vm| {
        let items = crate::builtins::methods::collect_rooted(vm, counts)?;
        let mut cum: Vec<Value> = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            let v = if i == 0 {
                *x
            } else {
                vm.binary_op(BinOp::Add, cum[i - 1], *x)?
            };
            vm.temp_roots.push(v);
            cum.push(v);
        }
        if cum.len() as i64 != n {
            return Err(vm.value_error("The number of counts does not match the population"));
        }
        let Some(total) = cum.pop() else {
            return Err(vm.new_exception_msg("IndexError", "pop from empty list"));
        };
        let total = match total {
            Value::Int(t) => t,
            Value::Bool(b) => b as i64,
            _ => return Err(vm.type_error("Counts must be integers")),
        };
        if total <= 0 {
            return Err(vm.value_error("Total of counts must be greater than zero"));
        }
        let range = Value::Range(vm.heap.alloc(RangeObj::from_i64(0, total, 1)));
        vm.temp_roots.push(range);
        let sel = sample(vm, &[Value::List(st), range, kv], &[])?;
        vm.temp_roots.push(sel);
        let sels: Vec<Value> = match sel {
            Value::List(l) => l.items.borrow().clone(),
            _ => Vec::new(),
        };
        let out = vm.new_list(vec![]);
        vm.temp_roots.push(out);
        for s in sels {
            let (mut lo, mut hi) = (0usize, cum.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if vm.less_than(s, cum[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            let v = item_at(vm, population, lo as i64)?;
            if let Value::List(l) = out {
                l.items.borrow_mut().push(v);
            }
        }
        Ok(out)
    })
}

fn choices(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(
        vm,
        "choices",
        kw,
        &["population", "weights", "cum_weights", "k"],
    )?;
    if args.len() > 3 {
        return Err(vm.type_error(&format!(
            "Random.choices() takes from 2 to 3 positional arguments but {} were given",
            args.len()
        )));
    }
    let st = state_of(args);
    let Some(population) = args
        .get(1)
        .copied()
        .or_else(|| super::kwarg(kw, "population"))
    else {
        return Err(
            vm.type_error("Random.choices() missing 1 required positional argument: 'population'")
        );
    };
    let weights = args
        .get(2)
        .copied()
        .or_else(|| super::kwarg(kw, "weights"))
        .filter(|w| !w.is_none());
    let cum = super::kwarg(kw, "cum_weights").filter(|w| !w.is_none());
    let kv = super::kwarg(kw, "k").unwrap_or(Value::Int(1));
    let k = match kv {
        Value::Int(k) => k.max(0) as usize,
        Value::Bool(b) => b as usize,
        _ => {
            let tn = vm.type_name(kv);
            return Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )));
        }
    };
    let n = py_len(vm, population)?;
    crate::builtins::methods::with_roots(vm, |vm| {
        let out = vm.new_list(vec![]);
        vm.temp_roots.push(out);
        let Value::List(ol) = out else { unreachable!() };
        let cum_weights: Vec<Value> = match (weights, cum) {
            (None, None) => {
                let nf = n as f64;
                for _ in 0..k {
                    let i = (random_f64(st) * nf).floor() as i64;
                    let v = item_at(vm, population, i)?;
                    ol.items.borrow_mut().push(v);
                }
                return Ok(out);
            }
            (Some(_), Some(_)) => {
                return Err(vm.type_error("Cannot specify both weights and cumulative weights"))
            }
            (Some(w), None) => {
                if matches!(w, Value::Int(_)) {
                    let msg = format!(
                        "The number of choices must be a keyword argument: k={}",
                        vm.repr(w)?
                    );
                    return Err(vm.type_error(&msg));
                }
                let items = crate::builtins::methods::collect_rooted(vm, w)?;
                let mut acc: Vec<Value> = Vec::with_capacity(items.len());
                for (i, x) in items.iter().enumerate() {
                    let v = if i == 0 {
                        *x
                    } else {
                        vm.binary_op(BinOp::Add, acc[i - 1], *x)?
                    };
                    acc.push(v);
                    vm.temp_roots.push(v);
                }
                acc
            }
            (None, Some(c)) => crate::builtins::methods::collect_rooted(vm, c)?,
        };
        if cum_weights.len() as i64 != n {
            return Err(vm.value_error("The number of weights does not match the population"));
        }
        let Some(last) = cum_weights.last().copied() else {
            return Err(vm.new_exception_msg("IndexError", "list index out of range"));
        };
        let total = vm.binary_op(BinOp::Add, last, Value::Float(0.0))?;
        let total = to_f64(vm, total)?;
        if total <= 0.0 {
            return Err(vm.value_error("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(vm.value_error("Total of weights must be finite"));
        }
        let hi0 = n - 1;
        for _ in 0..k {
            let x = Value::Float(random_f64(st) * total);
            let (mut lo, mut hi) = (0i64, hi0);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if vm.less_than(x, cum_weights[mid as usize])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            let v = item_at(vm, population, lo)?;
            ol.items.borrow_mut().push(v);
        }
        Ok(out)
    })
}

// ---------------------------------------------------------------- distributions

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

fn uniform(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(vm, "uniform", args, kw, &["a", "b"], &[None, None])?;
    let r = random_f64(state_of(args));
    Ok(Value::Float(p[0] + (p[1] - p[0]) * r))
}

fn triangular(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn gauss(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn normalvariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn lognormvariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn expovariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(vm, "expovariate", args, kw, &["lambd"], &[None])?;
    let r = random_f64(state_of(args));
    if p[0] == 0.0 {
        return Err(vm.new_exception_msg("ZeroDivisionError", "float division by zero"));
    }
    Ok(Value::Float(-(1.0 - r).ln() / p[0]))
}

fn paretovariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = fparams(vm, "paretovariate", args, kw, &["alpha"], &[None])?;
    let u = 1.0 - random_f64(state_of(args));
    if p[0] == 0.0 {
        return Err(vm.new_exception_msg("ZeroDivisionError", "float division by zero"));
    }
    Ok(Value::Float(u.powf(-1.0 / p[0])))
}

fn weibullvariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn gammavariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

fn betavariate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

// ---------------------------------------------------------------- getstate / setstate

/// `(3, (mt[0], ..., mt[623], index), gauss_next)`, as CPython returns it.
fn getstate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    args_exact(vm, "getstate", args, kw, &[], 0)?;
    let st = state_of(args);
    let (inner, gauss) = {
        let items = st.items.borrow();
        (items[..=IDX].to_vec(), items[GAUSS])
    };
    let inner = vm.new_tuple(inner);
    Ok(vm.new_tuple(vec![Value::Int(3), inner, gauss]))
}

fn setstate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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
