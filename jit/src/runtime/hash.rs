//! CPython 3.11-compatible hash functions (pure, no VM access).
//!
//! Matching CPython's hashes exactly is what makes set iteration order, and so
//! printed sets, identical. `str`/`bytes` hashes are SipHash-1-3 with the key
//! CPython uses under PYTHONHASHSEED=0 (the test oracle runs with that seed; under
//! a random seed CPython's own order is not reproducible anyway).
//!
//! Every function here returns what `hash()` returns in CPython 3.11 on a 64-bit
//! build: never -1 (CPython reserves it as the error marker and maps it to -2, or
//! to a per-type constant for tuples and frozensets). Each algorithm names the C
//! function it mirrors; the unit tests hold values printed by a real CPython 3.11.
use num_bigint::BigInt;

/// The modulus of CPython's numeric hash: the Mersenne prime 2**61 - 1
/// (`_PyHASH_MODULUS`). Numeric hashes are reductions modulo it, which is what
/// makes `hash(1) == hash(1.0) == hash(True)`.
pub const MODULUS: i64 = (1 << 61) - 1;

/// `_PyHASH_BITS`: the exponent of the Mersenne prime.
const HASH_BITS: u32 = 61;
const MODULUS_U: u64 = MODULUS as u64;
/// `_PyHASH_INF`: hash(float('inf')); hash(-inf) is its negation.
const HASH_INF: i64 = 314159;

/// CPython never returns -1 from a hash function (it signals an error).
#[inline]
fn fix_minus_one(x: i64) -> i64 {
    if x == -1 {
        -2
    } else {
        x
    }
}

/// Applies the sign of a number to the reduced magnitude (`long_hash`,
/// `_Py_HashDouble`): the reduction is on the absolute value, then negated.
#[inline]
fn signed(magnitude_mod_p: u64, negative: bool) -> i64 {
    // magnitude_mod_p < 2**61, so the cast and the negation cannot overflow.
    let x = magnitude_mod_p as i64;
    fix_minus_one(if negative { -x } else { x })
}

/// hash(int) for an int in i64 range (CPython's `long_hash`: |v| mod 2**61-1,
/// with the sign of v; hash(-1) is -2).
#[inline]
pub fn hash_i64(v: i64) -> i64 {
    // Fast path: small magnitudes are their own residue.
    if (0..MODULUS).contains(&v) {
        return v;
    }
    signed(v.unsigned_abs() % MODULUS_U, v < 0)
}

/// hash(int) for an arbitrary-precision int (CPython's `long_hash`). The result
/// equals `hash_i64` whenever the value fits in an i64.
pub fn hash_bigint(v: &BigInt) -> i64 {
    // long_hash folds 30-bit digits with a rotate within 61 bits, which computes
    // |v| mod 2**61-1; folding 64-bit digits with exact arithmetic gives the same
    // residue.
    let mut x: u64 = 0;
    for d in v.iter_u64_digits().rev() {
        x = ((((x as u128) << 64) | d as u128) % MODULUS_U as u128) as u64;
    }
    signed(x, v.sign() == num_bigint::Sign::Minus)
}

/// C's `frexp` for finite non-zero `v`: `v == m * 2**e` with 0.5 <= |m| < 1.
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    if exp_bits == 0 {
        // Subnormal: scale into the normal range first (2**54 is exact).
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000));
        return (m, e - 54);
    }
    // Replace the exponent with the one of [0.5, 1), keep sign and mantissa.
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp_bits - 1022)
}

/// hash(float) (CPython's `_Py_HashDouble`): an integral float hashes like the
/// int, other finite values like the fraction m/2**k reduced mod 2**61-1;
/// inf -> 314159, -inf -> -314159. NaN hashes to 0 (CPython 3.10+ uses the
/// object's address, which is not reproducible anyway).
pub fn hash_f64(v: f64) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let negative = m < 0.0;
    if negative {
        m = -m;
    }
    // Process 28 bits at a time, exactly as the C code does: x is the hash of
    // the integer formed by the bits consumed so far.
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS_U) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64; // the integer part (m < 2**28 here)
        m -= y as f64;
        x += y;
        if x >= MODULUS_U {
            x -= MODULUS_U;
        }
    }
    // Multiply by 2**e mod 2**61-1, i.e. rotate within 61 bits; first reduce e
    // modulo 61 into [0, 61) the way the C code does for negative e.
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    // e < 61, so both shifts are in range (a shift by 61 of x < 2**61 gives 0).
    x = ((x << e) & MODULUS_U) | (x >> (HASH_BITS - e));
    signed(x, negative)
}

// ------------------------------------------------------------------ SipHash-1-3

/// SipHash-1-3 state, as in CPython's Python/pyhash.c (`siphash13`). The key is
/// (0, 0): CPython zeroes `_Py_HashSecret` when PYTHONHASHSEED=0.
struct Sip13 {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
    /// Bytes not yet compressed (little-endian), `ntail` of them.
    tail: u64,
    ntail: u32,
    /// Total message length in bytes (only its low byte is used).
    len: u64,
}

impl Sip13 {
    #[inline]
    fn new() -> Sip13 {
        let (k0, k1) = (0u64, 0u64);
        Sip13 {
            v0: k0 ^ 0x736f_6d65_7073_6575,
            v1: k1 ^ 0x646f_7261_6e64_6f6d,
            v2: k0 ^ 0x6c79_6765_6e65_7261,
            v3: k1 ^ 0x7465_6462_7974_6573,
            tail: 0,
            ntail: 0,
            len: 0,
        }
    }

    #[inline(always)]
    fn round(&mut self) {
        // HALF_ROUND(v0,v1,v2,v3,13,16); HALF_ROUND(v2,v1,v0,v3,17,21)
        self.v0 = self.v0.wrapping_add(self.v1);
        self.v2 = self.v2.wrapping_add(self.v3);
        self.v1 = self.v1.rotate_left(13) ^ self.v0;
        self.v3 = self.v3.rotate_left(16) ^ self.v2;
        self.v0 = self.v0.rotate_left(32);
        self.v2 = self.v2.wrapping_add(self.v1);
        self.v0 = self.v0.wrapping_add(self.v3);
        self.v1 = self.v1.rotate_left(17) ^ self.v2;
        self.v3 = self.v3.rotate_left(21) ^ self.v0;
        self.v2 = self.v2.rotate_left(32);
    }

    #[inline(always)]
    fn compress(&mut self, m: u64) {
        self.v3 ^= m;
        self.round();
        self.v0 ^= m;
    }

    /// Feed whole 8-byte words from a byte slice, then the remainder as tail.
    /// Only valid while no partial tail is pending (true for one-shot use).
    #[inline]
    fn write_bytes(&mut self, b: &[u8]) {
        debug_assert_eq!(self.ntail, 0);
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.compress(u64::from_le_bytes(w));
        }
        for (i, &byte) in chunks.remainder().iter().enumerate() {
            self.tail |= (byte as u64) << (8 * i);
        }
        self.ntail = chunks.remainder().len() as u32;
        self.len = self.len.wrapping_add(b.len() as u64);
    }

    /// Feed one code unit of `width` bytes (1, 2 or 4), little-endian. All units
    /// of one message have the same width and 8 is a multiple of it, so a unit
    /// never straddles two words.
    #[inline(always)]
    fn write_unit(&mut self, x: u64, width: u32) {
        self.tail |= x << (8 * self.ntail);
        self.ntail += width;
        self.len = self.len.wrapping_add(width as u64);
        if self.ntail == 8 {
            let m = self.tail;
            self.compress(m);
            self.tail = 0;
            self.ntail = 0;
        }
    }

    #[inline]
    fn finish(mut self) -> i64 {
        let b = (self.len << 56) | self.tail;
        self.compress(b);
        self.v2 ^= 0xff;
        self.round();
        self.round();
        self.round();
        ((self.v0 ^ self.v1) ^ (self.v2 ^ self.v3)) as i64
    }
}

/// `_Py_HashBytes` on a byte string: 0 for empty input, SipHash-1-3 otherwise.
fn hash_raw_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let mut h = Sip13::new();
    h.write_bytes(b);
    fix_minus_one(h.finish())
}

/// hash(str) under PYTHONHASHSEED=0 (CPython's `unicode_hash`): SipHash-1-3 over
/// the PEP 393 representation, i.e. 1 byte per code point when all are < 256,
/// 2 (UCS-2, little-endian) when all are < 65536, else 4 (UCS-4).
pub fn hash_str(s: &str) -> i64 {
    if s.is_ascii() {
        // ASCII is its own latin-1 representation: hash the UTF-8 bytes as is.
        return hash_raw_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let width = if max < 0x100 {
        1
    } else if max < 0x1_0000 {
        2
    } else {
        4
    };
    // Non-empty here (an empty string is ASCII).
    let mut h = Sip13::new();
    for c in s.chars() {
        h.write_unit(c as u64, width);
    }
    fix_minus_one(h.finish())
}

/// hash(bytes) under PYTHONHASHSEED=0 (CPython's `bytes_hash`): SipHash-1-3 over
/// the raw bytes; b"" hashes to 0.
pub fn hash_bytes(b: &[u8]) -> i64 {
    hash_raw_bytes(b)
}

// ------------------------------------------------------------------ containers

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython's tuplehash (xxHash-based) over the element hashes.
///
/// Mirrors `tuplehash` in Objects/tupleobject.c (3.8+): each lane is multiplied
/// by XXPRIME_2, accumulated, rotated left by 31 and multiplied by XXPRIME_1;
/// the length is mixed in so that hash(()) keeps its historical value.
pub fn hash_tuple(items: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &h in items {
        let lane = h as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// `_shuffle_bits` in Objects/setobject.c: spreads nearby hashes apart before
/// they are xor-ed together.
#[inline]
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// CPython's frozenset hash over the element hashes (order-independent).
///
/// Mirrors `frozenset_hash` in Objects/setobject.c (3.11). CPython xors the
/// shuffled hash of every table slot and then cancels the empty and dummy slots
/// out again; xor-ing only the live elements' hashes gives the same value.
/// `items` must hold each element's hash once (the elements are distinct).
pub fn hash_frozenset(items: &[i64]) -> i64 {
    let mut hash: u64 = 0;
    for &h in items {
        hash ^= shuffle_bits(h as u64);
    }
    // Factor in the number of active entries.
    hash ^= (items.len() as u64)
        .wrapping_add(1)
        .wrapping_mul(1927868237);
    // Disperse patterns arising in nested frozensets.
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        return 590923713;
    }
    hash as i64
}

/// CPython's `_Py_HashPointer`: the default hash of an object without `__hash__`
/// (its address rotated right by 4, since the low bits of aligned addresses are
/// always zero). Not reproducible across runs, like CPython's.
pub fn hash_pointer(addr: usize) -> i64 {
    fix_minus_one((addr as u64).rotate_right(4) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigInt;

    // Every expected value below was printed by CPython 3.11.7 (64-bit Linux),
    // run as `PYTHONHASHSEED=0 python3 -c 'print(hash(...))'`.

    #[test]
    fn ints() {
        let cases: &[(i64, i64)] = &[
            (0, 0),
            (1, 1),
            (-1, -2),
            (-2, -2),
            (42, 42),
            (-42, -42),
            (2305843009213693950, 2305843009213693950), // 2**61 - 2
            (2305843009213693951, 0),                   // 2**61 - 1
            (2305843009213693952, 1),                   // 2**61
            (-2305843009213693951, 0),
            (-2305843009213693952, -2), // -(2**61) reduces to -1, which becomes -2
            (-2305843009213693953, -2),
            (i64::MAX, 3),
            (i64::MIN, -4),
            (i64::MIN + 1, -3),
            (4611686018427387904, 2), // 2**62
        ];
        for &(v, h) in cases {
            assert_eq!(hash_i64(v), h, "hash({v})");
            assert_eq!(hash_bigint(&BigInt::from(v)), h, "hash(BigInt {v})");
        }
    }

    #[test]
    fn bigints() {
        let p = |s: &str| s.parse::<BigInt>().unwrap();
        let cases: &[(&str, i64)] = &[
            ("1267650600228229401496703205376", 549755813888), // 2**100
            ("-1267650600228229401496703205376", -549755813888),
            ("9223372036854775808", 4), // 2**63
            ("-9223372036854775808", -4),
            ("18446744073709551615", 7), // 2**64 - 1
            ("18446744073709551616", 8), // 2**64
            ("-18446744073709551617", -9),
            ("5316911983139663487003542222693990401", 0), // (2**61-1)**2
            ("5316911983139663487003542222693990403", 2), // (2**61-1)**2 + 2
            ("340282366920938463463374607431768211455", 63), // 2**128 - 1
            ("123456789012345678901234567890123456789", 1289982585495713625),
            ("-123456789012345678901234567890123456789", -1289982585495713625),
            ("2305843009213693952", 1),
            // 2**1000 + 12345
            ("10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668081721", 16789561),
            // -(3**500)
            ("-36360291795869936842385267079543319118023385026001623040346035832580600191583895484198508262979388783308179702534403855752855931517013066142992430916562025780021771247847643450125342836565813209972590371590152578728008385990139795377610001", -726568384993072390),
        ];
        for &(s, h) in cases {
            assert_eq!(hash_bigint(&p(s)), h, "hash({s})");
        }
    }

    #[test]
    fn floats() {
        let cases: &[(f64, i64)] = &[
            (0.0, 0),
            (-0.0, 0),
            (1.0, 1),
            (-1.0, -2),
            (0.5, 1152921504606846976),
            (1.5, 1152921504606846977),
            (-1.5, -1152921504606846977),
            (2.5, 1152921504606846978),
            (0.1, 230584300921369408),
            (3.3, 691752902764107779),
            (1e100, 1822893315824342674),
            (-1e100, -1822893315824342674),
            (1e-300, 482449582752280463),
            (-7.25e-05, -1873664618604294328),
            (123456.789, 1819310134279660096),
            (4294967296.0, 4294967296),
            (9007199254740992.0, 9007199254740992),
            (1.7976931348623157e308, 2234066890152476671), // max finite
            (2.2250738585072014e-308, 32768),              // min normal
            (1e-310, 615709907932414099),                  // subnormal
            (5e-324, 16777216),                            // min subnormal
            (1.2676506002282294e30, 549755813888),         // 2.0**100, like 2**100
            (-2.305843009213694e18, -2),                   // -2.0**61, like -(2**61)
            (f64::INFINITY, 314159),
            (f64::NEG_INFINITY, -314159),
            (f64::NAN, 0),
        ];
        for &(v, h) in cases {
            assert_eq!(hash_f64(v), h, "hash({v:e})");
        }
    }

    #[test]
    fn strs() {
        let cases: &[(&str, i64)] = &[
            ("", 0),
            ("a", 4644417185603328019),
            ("b", -8420940591063670578),
            ("abc", -4594863902769663758),
            ("abcdefg", 7904145750247929094),
            ("abcdefgh", 4574395652268504554),
            ("abcdefghi", -532774252720507163),
            ("hello world, this is a longer string!", 2736673927254547960),
            ("\u{0}", 7541581120933061747),
            // latin-1 (1 byte per char)
            ("héllo", 6395329678795984700),
            ("ÿ", 3476900567878811119),
            ("ÿÿÿÿÿÿÿÿÿ", -2129700217430894956),
            ("éééééééé", 3411457635218457572),
            // UCS-2
            ("Ā", 75343234424780393),
            ("ĀĀĀĀ", 1881997579306727170),
            ("ab\u{100}", 2281199826692479958),
            ("€", -5529981157763016009),
            ("日本", 6243316497235261705),
            ("日本語のテキスト", -4003649288987862553),
            // UCS-4
            ("😀", -3536540696076613844),
            ("a😀b", -7541021549821082252),
            ("\u{10ffff}", 4658154726633327932),
        ];
        for &(s, h) in cases {
            assert_eq!(hash_str(s), h, "hash({s:?})");
        }
    }

    #[test]
    fn bytes() {
        let cases: &[(&[u8], i64)] = &[
            (b"", 0),
            (b"abc", -4594863902769663758),
            (b"\xff\x00\x80", -7117415229577028358),
            (b"0123456789abcdef", 2108444454683020324),
            (b"h\xe9llo", 6395329678795984700),
        ];
        for &(b, h) in cases {
            assert_eq!(hash_bytes(b), h, "hash({b:?})");
        }
    }

    #[test]
    fn tuples() {
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        assert_eq!(
            hash_tuple(&[hash_i64(1), hash_i64(2)]),
            -3550055125485641917
        );
        assert_eq!(hash_tuple(&[hash_i64(1)]), -6644214454873602895);
        assert_eq!(hash_tuple(&[hash_i64(-1)]), 8078679518589016365);
        // ("a", 1.5, 0)
        assert_eq!(
            hash_tuple(&[hash_str("a"), hash_f64(1.5), hash_i64(0)]),
            5160229123792430705
        );
        // ((1, 2), ())
        let inner = hash_tuple(&[hash_i64(1), hash_i64(2)]);
        assert_eq!(hash_tuple(&[inner, hash_tuple(&[])]), -790606635019059835);
    }

    #[test]
    fn frozensets() {
        assert_eq!(hash_frozenset(&[]), 133146708735736);
        assert_eq!(hash_frozenset(&[1, 2, 3]), -272375401224217160);
        assert_eq!(hash_frozenset(&[3, 1, 2]), -272375401224217160);
        assert_eq!(hash_frozenset(&[hash_i64(-1)]), 6776983852052281967);
        assert_eq!(
            hash_frozenset(&[hash_str("a"), hash_str("b")]),
            1679668661828516449
        );
        // frozenset({frozenset({1, 2}), 3})
        let inner = hash_frozenset(&[1, 2]);
        assert_eq!(hash_frozenset(&[inner, 3]), 7688596162017575578);
    }

    #[test]
    fn pointers() {
        assert_eq!(hash_pointer(0x1000), 0x100);
        assert_eq!(hash_pointer(0xf), -1152921504606846976); // 0xf rotated right by 4
    }
}
