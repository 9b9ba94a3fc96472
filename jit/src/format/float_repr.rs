//! Float to text exactly as CPython's `PyOS_double_to_string` does it.
//!
//! CPython gets digits from David Gay's `dtoa` (shortest round-trip for
//! `repr`, correctly rounded N significant digits for `e`/`g`, correctly
//! rounded N decimals for `f`) and then lays them out in
//! `format_float_short`. Rust's `{:e}`, `{:.*e}` and `{:.*}` produce the same
//! digit strings (shortest round-trip, and exact round-half-even on the
//! binary value), so we take the digits from them and port the layout code:
//! that keeps every corner (`1e+16`, `1e-05`, `-0.0`, `#` forms, exponent
//! padding) identical without reimplementing `dtoa`.

use super::FmtError;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// Digits the way `dtoa` returns them: `0.DIGITS × 10^decpt`, no trailing
/// zeros, and `"0"` with `decpt == 1` for zero.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

impl Digits {
    /// From Rust's scientific output of a non-negative finite value, e.g.
    /// `"1.2345e-5"` or `"0.000e0"`.
    fn from_sci(s: &str) -> Digits {
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
        // d.ddd × 10^exp == 0.dddd × 10^(exp+1)
        Digits::normalized(digits, exp + 1)
    }

    /// From Rust's fixed output of a non-negative finite value, e.g.
    /// `"123.4500"` or `"0.0012"`.
    fn from_fixed(s: &str) -> Digits {
        let int_len = s.find('.').unwrap_or(s.len()) as i64;
        let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
        Digits::normalized(digits, int_len)
    }

    /// Strip leading zeros (moving the point) and trailing zeros, as dtoa's
    /// digit strings never carry either.
    fn normalized(mut digits: Vec<u8>, mut decpt: i64) -> Digits {
        let lead = digits.iter().take_while(|&&d| d == b'0').count();
        if lead == digits.len() {
            return Digits {
                digits: vec![b'0'],
                decpt: 1,
            };
        }
        digits.drain(..lead);
        decpt -= lead as i64;
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        Digits { digits, decpt }
    }
}

/// Which digit string to ask for: `dtoa`'s modes 0, 2 and 3.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Shortest string that round-trips.
    Shortest,
    /// This many significant digits (at least 1).
    Significant(usize),
    /// This many digits after the decimal point.
    Decimals(usize),
}

/// Enough digits to write any finite double exactly: at most 767
/// significant digits and at most 1074 after the decimal point.
const EXACT_DIGITS: usize = 1100;

fn digits_of(x: f64, mode: Mode) -> Digits {
    let a = x.abs();
    match mode {
        Mode::Shortest => {
            let shortest = Digits::from_sci(&format!("{:e}", a));
            // When x lies exactly halfway between two shortest candidates
            // (663022839106459.25 -> "...459.2" or "...459.3"), dtoa takes
            // the even one and Rust the upper one. The correctly rounded
            // (half-even) string of the same length is dtoa's choice
            // whenever it round-trips. Two n-digit candidates can both
            // round-trip only if 10^n > 2^52, i.e. n >= 16.
            let n = shortest.digits.len();
            if n >= 16 {
                let s = format!("{:.*e}", n - 1, a);
                if s.parse::<f64>() == Ok(a) {
                    return Digits::from_sci(&s);
                }
            }
            shortest
        }
        // Past EXACT_DIGITS the expansion is exact and only zeros would
        // follow (which dtoa drops anyway); capping also keeps us within
        // the u16 precision limit of Rust's formatting machinery, which
        // panics beyond it.
        Mode::Significant(n) => {
            Digits::from_sci(&format!("{:.*e}", n.clamp(1, EXACT_DIGITS) - 1, a))
        }
        Mode::Decimals(n) => Digits::from_fixed(&format!("{:.*}", n.min(EXACT_DIGITS), a)),
    }
}

/// The `Py_DTSF_*` flags of `PyOS_double_to_string`.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always write a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral values in fixed notation get `.0`.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` alternate form (keep `.` and trailing zeros).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option, drop the sign of a zero result.
    pub no_neg_0: bool,
}

/// Port of `PyOS_double_to_string` + `format_float_short`. `code` is one
/// of `e E f F g G r`; `precision` follows CPython (ignored for `r`). The
/// caller bounds `precision` (see `MAX_FORMAT_LEN`) so this cannot blow up.
pub(crate) fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let code = code.to_ascii_lowercase();
    let mut precision = precision as i64;
    let mode = match code {
        'e' => {
            // One digit before the point plus `precision` after.
            precision += 1;
            Mode::Significant(precision as usize)
        }
        'f' => Mode::Decimals(precision as usize),
        'g' => {
            // Precision 0 makes no sense for 'g'; CPython reads it as 1.
            if precision == 0 {
                precision = 1;
            }
            Mode::Significant(precision as usize)
        }
        _ => Mode::Shortest,
    };

    let mut out = String::new();
    let negative = x.is_sign_negative();
    if x.is_nan() {
        // CPython never signs a nan here, even if asked to.
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    if x.is_infinite() {
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }

    let Digits { digits, decpt } = digits_of(x, mode);
    let digits_len = digits.len() as i64;
    let mut decpt = decpt;
    let mut sign = negative;
    // `z`: a result whose digits are all zero loses its minus sign.
    if flags.no_neg_0 && sign && digits == b"0" {
        sign = false;
    }

    // The rest follows format_float_short: pick an exponent or not, then
    // output the slice [vdigits_start, vdigits_end) of the digit string
    // padded with zeros on both sides, with the point at `decpt`.
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // repr switches to an exponent at 1e16: a 17th digit would be
            // noise padded in from the shortest repr.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    out.reserve((vdigits_end - vdigits_start + 8).max(0) as usize);
    if sign {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    // Exactly one of the three branches below writes the decimal point.
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    let ascii = |d: &[u8]| d.iter().map(|&b| b as char).collect::<String>();
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&ascii(&digits[..decpt as usize]));
        out.push('.');
        out.push_str(&ascii(&digits[decpt as usize..]));
    } else {
        out.push_str(&ascii(&digits));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        // C's "%+.02d": sign always, at least two digits.
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    out
}

/// `repr(f)` / `str(f)`: the shortest string that reads back as `f`, in
/// fixed notation when the decimal exponent is in [-4, 16) (always with a
/// `.0` if integral), scientific otherwise; `inf`, `-inf`, `nan`, `-0.0`.
pub fn float_repr(f: f64) -> String {
    double_to_string(
        f,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

/// `'%.{prec}f' % v`: fixed notation with exactly `prec` decimals, correctly
/// rounded (half-even on the exact binary value); `inf`/`nan` as such.
/// A `prec` above [`MAX_FORMAT_LEN`](super::MAX_FORMAT_LEN) is a
/// `MemoryError` rather than a giant allocation.
pub fn float_to_string_fixed(v: f64, prec: usize) -> Result<String, FmtError> {
    if prec > super::MAX_FORMAT_LEN {
        return Err(FmtError::memory());
    }
    Ok(double_to_string(v, 'f', prec, DtoaFlags::default()))
}

/// `round(x, ndigits)` for a float, bit-identical to CPython's
/// `float.__round__`: the value is rounded half-even in decimal on its exact
/// binary value, then read back correctly rounded. Non-finite values round
/// to themselves. Fails with CPython's `OverflowError` when the rounded
/// value does not fit in a float (e.g. `round(1.7976931348623157e308, -308)`).
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, FmtError> {
    if !x.is_finite() {
        return Ok(x);
    }
    // CPython's NDIGITS_MAX / NDIGITS_MIN: beyond these, x rounds to itself
    // or to a signed zero whatever its value. 0.30103 is CPython's own
    // upper bound for log10(2); the exact cut-offs depend on it.
    #[allow(clippy::approx_constant)]
    const NDIGITS_MAX: i64 = ((53 - (-1021)) as f64 * 0.30103) as i64;
    #[allow(clippy::approx_constant)]
    const NDIGITS_MIN: i64 = -(((1024 + 1) as f64 * 0.30103) as i64);
    if ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if ndigits >= 0 {
        // At most 323 decimals: the fixed string is small and exact, and
        // Rust's parse is correctly rounded like _Py_dg_strtod.
        let s = format!("{:.*}", ndigits as usize, x);
        return Ok(s.parse::<f64>().unwrap_or(x));
    }
    // Negative ndigits: round |x| to a multiple of 10^k, half-even, in exact
    // integer arithmetic (x = m · 2^e exactly).
    let k = (-ndigits) as u32;
    let (mant, exp) = decompose(x.abs());
    let ten_k = BigInt::from(10u32).pow(k);
    let (num, den) = if exp >= 0 {
        (BigInt::from(mant) << exp as usize, ten_k.clone())
    } else {
        (BigInt::from(mant), ten_k.clone() << (-exp) as usize)
    };
    let mut q = &num / &den;
    let r = &num % &den;
    let twice = r << 1usize;
    let q_odd = (&q % 2u32) != BigInt::zero();
    if twice > den || (twice == den && q_odd) {
        q += 1;
    }
    let rounded = q * ten_k;
    let mag = if rounded.is_zero() {
        0.0
    } else {
        bigint_to_f64_checked(&rounded)
    };
    if mag.is_infinite() {
        return Err(FmtError::overflow("rounded value too large to represent"));
    }
    Ok(if x.is_sign_negative() { -mag } else { mag })
}

/// `x = mant · 2^exp` exactly, for finite non-negative x.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if raw_exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), raw_exp - 1075)
    }
}

/// Correctly rounded BigInt → f64 (infinite if out of range).
fn bigint_to_f64_checked(v: &BigInt) -> f64 {
    // num-bigint rounds correctly (round-to-odd on the dropped bits, then
    // one nearest-even rounding) and yields inf when out of range.
    let f = v.abs().to_f64().unwrap_or(f64::INFINITY);
    if v.is_negative() {
        -f
    } else {
        f
    }
}

#[cfg(test)]
#[allow(clippy::excessive_precision)] // exact binary values, written out in full
mod tests {
    use super::*;

    fn d2s(x: f64, code: char, prec: usize, alt: bool) -> String {
        double_to_string(
            x,
            code,
            prec,
            DtoaFlags {
                alt,
                ..DtoaFlags::default()
            },
        )
    }

    #[test]
    fn repr_matches_cpython() {
        // (value, python3 repr(value))
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e-5, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (0.0001, "0.0001"),
            (0.00012345, "0.00012345"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.8, "1234567890123456.8"),
            (12345678901234568.0, "1.2345678901234568e+16"),
            (1e22, "1e+22"),
            (1e100, "1e+100"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (2e16 + 8.0, "2.000000000000001e+16"),
            (100.0, "100.0"),
            (123.456, "123.456"),
            (-1e-300, "-1e-300"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0f64.powi(60), "1.152921504606847e+18"),
            (0.5e-4, "5e-05"),
            // Exact ties between two shortest candidates go to the even one.
            (663022839106459.25, "663022839106459.2"),
            (-201498070046561.625, "-201498070046561.62"),
            (833079437696482.25, "833079437696482.2"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:?})");
        }
    }

    #[test]
    fn printf_style_matches_cpython() {
        // (value, code, precision, alt, python3 '%#.*<code>' or '%.*<code>')
        let cases: &[(f64, char, usize, bool, &str)] = &[
            (0.125, 'f', 2, false, "0.12"),
            (0.375, 'f', 2, false, "0.38"),
            (2.675, 'f', 2, false, "2.67"),
            (0.5, 'f', 0, false, "0"),
            (1.5, 'f', 0, false, "2"),
            (2.5, 'f', 0, false, "2"),
            (-0.5, 'f', 0, false, "-0"),
            (0.3, 'f', 0, true, "0."),
            (1e300, 'f', 2, false, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.00"),
            (0.1, 'f', 60, false, "0.100000000000000005551115123125782702118158340454101562500000"),
            (5e-324, 'f', 1, false, "0.0"),
            (123.456, 'e', 2, false, "1.23e+02"),
            (0.125, 'e', 1, false, "1.2e-01"),
            (0.0, 'e', 3, false, "0.000e+00"),
            (1.0, 'e', 0, true, "1.e+00"),
            (1.0, 'e', 0, false, "1e+00"),
            (1e-310, 'E', 3, false, "1.000E-310"),
            (1.0, 'g', 6, false, "1"),
            (1.0, 'g', 6, true, "1.00000"),
            (1e-4, 'g', 6, false, "0.0001"),
            (1e-5, 'g', 6, false, "1e-05"),
            (123456.0, 'g', 6, false, "123456"),
            (1234567.0, 'g', 6, false, "1.23457e+06"),
            (1234567.0, 'G', 6, false, "1.23457E+06"),
            (0.0, 'g', 0, false, "0"),
            (0.0, 'g', 3, true, "0.00"),
            (100.0, 'g', 0, true, "1.e+02"),
            (9.9999, 'g', 3, false, "10"),
            (99999.5, 'g', 5, false, "1e+05"),
            (f64::INFINITY, 'F', 2, false, "INF"),
            (f64::NAN, 'E', 2, false, "NAN"),
            (f64::NEG_INFINITY, 'g', 2, false, "-inf"),
        ];
        for &(x, code, prec, alt, want) in cases {
            assert_eq!(d2s(x, code, prec, alt), want, "{x:?} {code} {prec} {alt}");
        }
    }

    #[test]
    fn fixed_helper() {
        let f = |v, p| float_to_string_fixed(v, p).unwrap();
        assert_eq!(f(2.5, 0), "2");
        assert_eq!(f(-1.005, 2), "-1.00");
        assert_eq!(f(1.0, 3), "1.000");
        assert_eq!(f(f64::NAN, 3), "nan");
        assert_eq!(
            float_to_string_fixed(1.0, usize::MAX).unwrap_err().kind,
            super::super::ErrKind::MemoryError
        );
    }

    #[test]
    fn huge_precisions_are_exact_and_do_not_panic() {
        // Rust's own formatter panics past a precision of 65535.
        let s = float_to_string_fixed(0.1, 70000).unwrap();
        assert_eq!(s.len(), 70002);
        assert!(s.starts_with("0.1000000000000000055511151231257827021181583404541015625000"));
        assert!(s[2..].trim_end_matches('0').len() == 55);
        // 5e-324 has 1074 decimals, the longest expansion there is.
        let t = float_to_string_fixed(5e-324, 1100).unwrap();
        assert!(t.ends_with(&("5625".to_string() + &"0".repeat(26))));
        assert_eq!(
            t,
            float_to_string_fixed(5e-324, 1074).unwrap() + &"0".repeat(26)
        );
        let e = double_to_string(1.0 / 3.0, 'e', 70000, DtoaFlags::default());
        assert_eq!(e.len(), 70006);
        assert!(e.starts_with("3.333333333333333148296162562473909929394721984863281250000"));
        assert!(e.ends_with("0e-01"));
        let g = double_to_string(
            0.1,
            'g',
            100000,
            DtoaFlags {
                alt: true,
                ..DtoaFlags::default()
            },
        );
        assert_eq!(g.len(), 100002); // python3: len("%#.100000g" % 0.1)
    }

    #[test]
    fn round_matches_cpython() {
        // python3: round(x, n)
        let cases: &[(f64, i64, f64)] = &[
            (2.675, 2, 2.67),
            (0.125, 2, 0.12),
            (0.375, 2, 0.38),
            (-0.4, 0, -0.0),
            (2.5, 0, 2.0),
            (3.5, 0, 4.0),
            (-4.0, -1, -0.0),
            (15.0, -1, 20.0),
            (25.0, -1, 20.0),
            (1e308, -308, 1e308),
            (5e-324, 323, 0.0),
            (123456.789, -3, 123000.0),
            (0.1, 400, 0.1),
            (12345.0, -400, 0.0),
            (-12345.0, -400, -0.0),
            (1.23456789e-300, 305, 1.23457e-300),
        ];
        for &(x, n, want) in cases {
            let got = round_float(x, n).unwrap();
            assert_eq!(got.to_bits(), want.to_bits(), "round({x:?}, {n})");
        }
        assert_eq!(
            round_float(1.7976931348623157e308, -308).unwrap_err().msg,
            "rounded value too large to represent"
        );
        assert!(round_float(f64::NAN, 2).unwrap().is_nan());
        assert_eq!(round_float(f64::INFINITY, -2).unwrap(), f64::INFINITY);
    }
}
