//! Text formatting that must match CPython 3.11 byte for byte: `repr()` of
//! floats, the format mini-language (`format()`, f-strings, `str.format`),
//! printf-style `%` formatting and `str.format` template parsing.
//!
//! Everything here is a pure function of its inputs (no VM access), so the
//! interpreter can call it from any builtin and the behaviour can be pinned
//! down by unit tests whose expected strings were produced by `python3`.
//! Object-model work (looking up arguments, calling `__format__`, `str()` or
//! `repr()` on arbitrary objects, raising the exception) stays with the
//! caller; this module hands back either the text or an [`FmtError`] carrying
//! the exception class and CPython's exact message.
//!
//! Layout:
//! - `float_repr`: shortest round-trip `repr()`, the
//!   `PyOS_double_to_string` equivalent shared by everything else, and the
//!   `round()` helper.
//! - `spec`: the format mini-language for int, float and str (the exact
//!   types; for other objects, and for `format(x, '')` on subclasses such as
//!   bool, the caller goes through `__format__` / `str()` as CPython does).
//! - `percent`: `%`-formatting, with the caller's loop spelled out there.
//! - `template`: `str.format` template parsing, likewise.
//!
//! Deliberate departures from CPython: a width or precision that would
//! build a string longer than [`MAX_FORMAT_LEN`] is a `MemoryError` instead
//! of a giant allocation, and `%c` / `c` of a lone surrogate (which a Rust
//! `String` cannot hold) is a `ValueError`.

pub mod float_repr;
pub mod percent;
pub mod spec;
pub mod template;

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use float_repr::{float_repr, float_to_string_fixed, round_float};
pub use percent::{
    parse_percent, parse_percent_lazy, pct_char_from_int, pct_char_from_str, pct_char_type_error,
    pct_float, pct_float_type_error, pct_int, pct_int_type_error, pct_not_all_converted,
    pct_not_enough_args, pct_requires_mapping, pct_star_prec, pct_star_type_error, pct_star_width,
    pct_str, PctConv, PctKind, PctNum, PctPiece,
};
pub use spec::{
    bigint_to_f64, format_float, format_i64, format_int, format_str, int_to_decimal,
    int_to_str_radix, parse_spec, FormatSpec,
};
pub use template::{
    parse_template, parse_template_lazy, positional_fields_error, replacement_index_error,
    Accessor, ArgRef, Conversion, TplField, TplPiece,
};

/// The Python exception class a formatting error maps to.
///
/// CPython raises more than the two classes one might expect: `%c` and the
/// `c` presentation type raise `OverflowError` for out-of-range code points,
/// and an int too large for a float raises `OverflowError` too. `MemoryError`
/// is ours: it stands in for the giant allocation CPython would attempt for a
/// width or precision beyond [`MAX_FORMAT_LEN`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrKind {
    ValueError,
    TypeError,
    OverflowError,
    MemoryError,
}

/// A formatting failure: which exception to raise and its message, exactly
/// as CPython 3.11 words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FmtError {
    pub kind: ErrKind,
    pub msg: String,
}

impl FmtError {
    /// A `ValueError` with the given message.
    pub fn value(msg: impl Into<String>) -> FmtError {
        FmtError {
            kind: ErrKind::ValueError,
            msg: msg.into(),
        }
    }

    /// A `TypeError` with the given message.
    pub fn type_error(msg: impl Into<String>) -> FmtError {
        FmtError {
            kind: ErrKind::TypeError,
            msg: msg.into(),
        }
    }

    /// An `OverflowError` with the given message.
    pub fn overflow(msg: impl Into<String>) -> FmtError {
        FmtError {
            kind: ErrKind::OverflowError,
            msg: msg.into(),
        }
    }

    /// The `MemoryError` we raise instead of allocating an absurd result.
    pub fn memory() -> FmtError {
        FmtError {
            kind: ErrKind::MemoryError,
            msg: String::new(),
        }
    }
}

impl fmt::Display for FmtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for FmtError {}

/// `parse_spec` reports its (always `ValueError`) failures as a plain
/// message; this lets `?` lift them into an [`FmtError`].
impl From<String> for FmtError {
    fn from(msg: String) -> FmtError {
        FmtError::value(msg)
    }
}

/// Longest string (in characters) any function here will build. CPython
/// would try to allocate whatever a width or precision asks for; we refuse
/// with `MemoryError` instead so a stray `'%*d' % (10**12, 1)` cannot take
/// the process down. 2^27 characters is far beyond any sane use.
pub const MAX_FORMAT_LEN: usize = 1 << 27;

/// CPython's default for `sys.get_int_max_str_digits()`.
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;

/// Process-wide copy of `sys.set_int_max_str_digits()`: CPython applies the
/// limit inside int-to-decimal conversion, which `format()` and `%d` use, so
/// the limit has to be visible here. 0 means unlimited.
static INT_MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_INT_MAX_STR_DIGITS);

/// Set the limit on decimal digits when converting an int to text (what
/// `sys.set_int_max_str_digits(n)` does; 0 disables it). The caller validates
/// `n` (CPython rejects 0 < n < 640).
pub fn set_int_max_str_digits(n: usize) {
    INT_MAX_STR_DIGITS.store(n, Ordering::Relaxed);
}

/// The current int-to-decimal digit limit (0 = unlimited).
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// First code point of every run of Unicode decimal digits (category Nd,
/// Unicode 14.0 as in Python 3.11); each run is exactly `0`..`9`. CPython
/// reads widths, precisions and `str.format` indexes with
/// `Py_UNICODE_TODECIMAL`, which accepts all of these, so `format(1, '٣')`
/// pads to width 3.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of a Unicode decimal digit (`Py_UNICODE_TODECIMAL`), or None.
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii_digit() {
        return Some(cp - 0x30);
    }
    if cp < 0x660 {
        return None;
    }
    // The runs are sorted, so the candidate run is the last zero <= cp.
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = DECIMAL_ZEROS[i - 1];
    (cp - zero < 10).then_some(cp - zero)
}

/// CPython's `get_integer` for format strings: a run of decimal digits read
/// as a `Py_ssize_t`. Returns the value and how many characters were used;
/// overflow is CPython's "Too many decimal digits in format string".
pub(crate) fn parse_decimal_run(chars: &[char]) -> Result<(usize, usize), FmtError> {
    let mut acc: u64 = 0;
    let mut n = 0;
    for &c in chars {
        let Some(d) = decimal_value(c) else { break };
        // Same bound as CPython: the result must fit in a Py_ssize_t.
        if acc > (i64::MAX as u64 - d as u64) / 10 {
            return Err(FmtError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as u64;
        n += 1;
    }
    Ok((acc as usize, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_decimals() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('\u{1FBF9}'), Some(9));
        assert_eq!(decimal_value('\u{1FBFA}'), None);
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('²'), None); // a digit, but not decimal
        assert_eq!(decimal_value('\u{65F}'), None);
    }

    #[test]
    fn decimal_runs() {
        let c: Vec<char> = "12x".chars().collect();
        assert_eq!(parse_decimal_run(&c), Ok((12, 2)));
        let c: Vec<char> = "9223372036854775807".chars().collect();
        assert_eq!(parse_decimal_run(&c), Ok((i64::MAX as usize, 19)));
        let c: Vec<char> = "9223372036854775808".chars().collect();
        assert_eq!(
            parse_decimal_run(&c).unwrap_err().msg,
            "Too many decimal digits in format string"
        );
    }
}

/// The decimal digits of `n`, written at the end of `buf` (no allocation:
/// `str(i)` and `%d` are hot in string-building code).
pub fn decimal_digits(n: u64, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    let mut n = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // SAFETY: only ASCII digits were written from `at` on.
    unsafe { std::str::from_utf8_unchecked(&buf[at..]) }
}
