//! `int()` and `float()` from text: Python's literal syntax (underscores,
//! bases, Unicode digits and spaces) and CPython's exact error messages.

use std::borrow::Cow;

use num_bigint::{BigInt, BigUint, Sign};

use super::bytes::{byte_is_space, repr_bytes, trim_end_bytes, trim_start_bytes};
use super::repr::repr_str;
use super::unicode::{char_decimal_value, char_is_space};
use super::TextError;

/// Why [`parse_int`] failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntParseError {
    /// Not an integer literal in that base.
    Invalid,
    /// `base` is neither 0 nor in 2..=36.
    BadBase,
    /// More digits than `sys.get_int_max_str_digits()` allows (only for
    /// bases that are not powers of two).
    TooManyDigits { limit: usize, digits: usize },
}

impl IntParseError {
    /// The ValueError CPython raises for `int(s, base)` with a str `s`.
    pub fn to_error_for_str(&self, s: &str, base: u32) -> TextError {
        self.to_error(|| repr_str(s), base)
    }

    /// The ValueError CPython raises for `int(b, base)` with bytes `b` (only
    /// the first 200 bytes are shown).
    pub fn to_error_for_bytes(&self, b: &[u8], base: u32) -> TextError {
        self.to_error(|| repr_bytes(&b[..b.len().min(200)]), base)
    }

    fn to_error(&self, repr: impl FnOnce() -> String, base: u32) -> TextError {
        match self {
            IntParseError::Invalid => {
                // `%.200R`: the repr is cut to 200 code points.
                let r: String = repr().chars().take(200).collect();
                TextError::value(format!("invalid literal for int() with base {base}: {r}"))
            }
            IntParseError::BadBase => TextError::value("int() base must be >= 2 and <= 36, or 0"),
            IntParseError::TooManyDigits { limit, digits } => TextError::value(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has \
                 {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            )),
        }
    }
}

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;

/// `_PY_LONG_MAX_STR_DIGITS_THRESHOLD`: the limit is only checked above this.
const INT_MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII
/// whitespace becomes a space and non-ASCII decimal digits their ASCII digit.
/// Any other non-ASCII char (and DEL) makes the text invalid for `int()` and
/// `float()`, so `None`.
fn decimal_and_space_to_ascii(s: &str) -> Option<Cow<'_, [u8]>> {
    if s.is_ascii() && !s.as_bytes().contains(&0x7f) {
        return Some(Cow::Borrowed(s.as_bytes()));
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if char_is_space(c) {
            out.push(b' ');
        } else {
            out.push(b'0' + char_decimal_value(c)? as u8);
        }
    }
    Some(Cow::Owned(out))
}

/// Value of an ASCII digit or letter in bases up to 36, else 37.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

/// `int(s, base)` for a str, as CPython's `PyLong_FromUnicodeObject`:
/// surrounding whitespace, one sign, `0x`/`0o`/`0b` prefixes (base 0 or the
/// matching base, optionally followed by one `_`), single underscores between
/// digits, Unicode decimal digits, and in base 0 no leading zeros on a
/// non-zero number.  `max_str_digits` is `sys.get_int_max_str_digits()`
/// (0 = unlimited).
pub fn parse_int(s: &str, base: u32, max_str_digits: usize) -> Result<BigInt, IntParseError> {
    if base == 1 || base > 36 {
        return Err(IntParseError::BadBase);
    }
    let ascii = decimal_and_space_to_ascii(s).ok_or(IntParseError::Invalid)?;
    parse_int_ascii(&ascii, base, max_str_digits)
}

/// `int(b, base)` for bytes/bytearray (no Unicode digits or spaces).
pub fn parse_int_bytes(
    b: &[u8],
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, IntParseError> {
    if base == 1 || base > 36 {
        return Err(IntParseError::BadBase);
    }
    parse_int_ascii(b, base, max_str_digits)
}

/// [`parse_int`] without the digit limit: `None` for anything `int()` rejects.
pub fn parse_int_literal(s: &str, base: u32) -> Option<BigInt> {
    parse_int(s, base, 0).ok()
}

/// CPython's `PyLong_FromString` over the whole of `b`.
fn parse_int_ascii(b: &[u8], base: u32, max_str_digits: usize) -> Result<BigInt, IntParseError> {
    use IntParseError::Invalid;
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    let mut i = 0;
    while i < b.len() && byte_is_space(b[i]) {
        i += 1;
    }
    let mut negative = false;
    match at(i) {
        b'+' => i += 1,
        b'-' => {
            negative = true;
            i += 1;
        }
        _ => {}
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1)) {
            (b'0', b'x' | b'X') => 16,
            (b'0', b'o' | b'O') => 8,
            (b'0', b'b' | b'B') => 2,
            (b'0', _) => {
                // A C-style octal literal such as "010" is invalid, but "00"
                // is still zero.
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0'
        && matches!(
            (base, at(i + 1)),
            (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')
        )
    {
        i += 2;
        // One underscore is allowed between the prefix and the digits.
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(Invalid);
    }
    let mut digits = Vec::with_capacity(b.len() - i.min(b.len()));
    let mut prev = 0u8;
    while i < b.len() {
        let c = b[i];
        if c == b'_' {
            if prev == b'_' {
                return Err(Invalid);
            }
        } else if digit_value(c) < base {
            digits.push(c);
        } else {
            break;
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' || digits.is_empty() {
        return Err(Invalid);
    }
    // The digit limit is checked before any trailing garbage, as in CPython,
    // so `int('1' * 5000 + 'x')` reports the limit.
    if !base.is_power_of_two()
        && max_str_digits > 0
        && digits.len() > INT_MAX_STR_DIGITS_THRESHOLD
        && digits.len() > max_str_digits
    {
        return Err(IntParseError::TooManyDigits {
            limit: max_str_digits,
            digits: digits.len(),
        });
    }
    while i < b.len() && byte_is_space(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return Err(Invalid);
    }
    let magnitude = digits_to_biguint(&digits, base).ok_or(Invalid)?;
    if error_if_nonzero && magnitude != BigUint::default() {
        return Err(Invalid);
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, magnitude))
}

fn digits_to_biguint(digits: &[u8], base: u32) -> Option<BigUint> {
    // Fast path: up to 12 digits always fit in a u64 (36^12 < 2^64).
    if digits.len() <= 12 {
        let v = digits
            .iter()
            .fold(0u64, |acc, &d| acc * base as u64 + digit_value(d) as u64);
        return Some(BigUint::from(v));
    }
    BigUint::parse_bytes(digits, base)
}

/// `float(s)` for a str, as CPython's `PyFloat_FromString`: Unicode digits
/// and spaces, surrounding whitespace, single underscores between digits,
/// `inf`/`infinity`/`nan` in any case with an optional sign, decimal literals
/// with optional fraction and exponent.  Overflow gives ±inf, as in CPython.
pub fn parse_float(s: &str) -> Option<f64> {
    parse_float_ascii(&decimal_and_space_to_ascii(s)?)
}

/// `float(b)` for bytes/bytearray.
pub fn parse_float_bytes(b: &[u8]) -> Option<f64> {
    parse_float_ascii(b)
}

/// The ValueError message of a failed `float(s)`.
pub fn float_error_message(s: &str) -> String {
    format!("could not convert string to float: {}", repr_str(s))
}

/// The ValueError message of a failed `float(b)` for bytes.
pub fn float_error_message_bytes(b: &[u8]) -> String {
    format!("could not convert string to float: {}", repr_bytes(b))
}

fn parse_float_ascii(b: &[u8]) -> Option<f64> {
    // `_Py_string_to_number_with_underscores`: an underscore must sit between
    // two digits; it is checked on the raw text, before stripping spaces.
    let cleaned;
    let b = if b.contains(&b'_') {
        let mut out = Vec::with_capacity(b.len());
        let mut prev = 0u8;
        for &c in b {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return None;
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return None;
                }
                out.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return None;
        }
        cleaned = out;
        &cleaned[..]
    } else {
        b
    };
    let b = trim_end_bytes(trim_start_bytes(b, byte_is_space), byte_is_space);
    let (negative, body) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let signed = |x: f64| if negative { -x } else { x };
    if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        return Some(signed(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case(b"nan") {
        return Some(signed(f64::NAN));
    }
    // Validate the decimal grammar ourselves (Rust's parser is more
    // permissive in places), then let Rust do the correctly rounded
    // conversion, which agrees with CPython's dtoa.
    let digits_from = |k: usize| body[k..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    let int_digits = digits_from(i);
    i += int_digits;
    let mut frac_digits = 0;
    if body.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = digits_from(i);
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(body.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(body.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = digits_from(i);
        if exp_digits == 0 {
            return None;
        }
        i += exp_digits;
    }
    if i != body.len() {
        return None;
    }
    let text = std::str::from_utf8(body).ok()?;
    text.parse::<f64>().ok().map(signed)
}
