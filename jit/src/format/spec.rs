//! The format mini-language (`format(x, spec)`, f-string `{x:spec}`,
//! `str.format`) for int, float and str, ported from CPython 3.11's
//! `Python/formatter_unicode.c`.
//!
//! The port keeps CPython's structure on purpose: the spec is parsed once
//! (`parse_internal_render_format_spec`), each type checks what it does not
//! allow in the same order CPython does (so the *first* error reported is
//! the same), and every number goes through one layout routine
//! (`calc_number_widths` + `fill_number`) so padding, signs, prefixes and
//! digit grouping interact exactly as in CPython, including oddities such as
//! `format(1234, '08,') == '0,001,234'` and `format(inf, '010') ==
//! '0000000inf'`.
//!
//! Locale: the `n` type is rendered as in the C locale (no grouping, `.`
//! decimal point), which is what CPython does unless the program called
//! `locale.setlocale`.

use super::float_repr::{double_to_string, DtoaFlags};
use super::{int_max_str_digits, parse_decimal_run, FmtError, MAX_FORMAT_LEN};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// `align`, `sign`, `width`, `grouping`, `precision` and `ty` are `None`
/// when absent. `zero_pad` records the `0` flag; when it is set `fill` is
/// already `'0'`, and numbers default to `=` alignment (strings keep `<`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alternate: bool,
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    /// The empty spec.
    fn default() -> FormatSpec {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            z: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

/// CPython prints type names with `%.200s`.
fn tp_name(name: &str) -> &str {
    if name.len() <= 200 {
        return name;
    }
    let mut end = 200;
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// Parse a format spec. `type_name` is the Python type of the value being
/// formatted; CPython names it in the "Invalid format specifier" message.
///
/// Every failure is a `ValueError` (hence the plain message; `FmtError`
/// implements `From<String>`). Checks that depend on the presentation type
/// (e.g. "Cannot specify ',' with 's'.") are made by the `format_*`
/// functions, which know the default type; CPython makes them at the very
/// end of parsing, so the order of errors is unchanged.
pub fn parse_spec(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let n = chars.len();
    let mut out = FormatSpec::default();
    let mut pos = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');

    // A fill character is only recognised when an alignment follows it.
    let mut fill_specified = false;
    if n >= 2 && is_align(chars[1]) {
        out.align = Some(chars[1]);
        out.fill = chars[0];
        fill_specified = true;
        pos = 2;
    } else if n >= 1 && is_align(chars[0]) {
        out.align = Some(chars[0]);
        pos = 1;
    }
    if pos < n && matches!(chars[pos], ' ' | '+' | '-') {
        out.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < n && chars[pos] == 'z' {
        out.z = true;
        pos += 1;
    }
    if pos < n && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    // The backwards-compatible `0` flag; with an explicit fill it is just
    // the first digit of the width.
    if !fill_specified && pos < n && chars[pos] == '0' {
        out.fill = '0';
        out.zero_pad = true;
        pos += 1;
    }
    let (width, used) = parse_decimal_run(&chars[pos..]).map_err(|e| e.msg)?;
    if used > 0 {
        out.width = Some(width);
    }
    pos += used;
    if pos < n && chars[pos] == ',' {
        out.grouping = Some(',');
        pos += 1;
    }
    if pos < n && chars[pos] == '_' {
        if out.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if pos < n && chars[pos] == ',' && out.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if pos < n && chars[pos] == '.' {
        pos += 1;
        let (prec, used) = parse_decimal_run(&chars[pos..]).map_err(|e| e.msg)?;
        if used == 0 {
            return Err("Format specifier missing precision".to_string());
        }
        out.precision = Some(prec);
        pos += used;
    }
    if n - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec,
            tp_name(type_name)
        ));
    }
    if n - pos == 1 {
        out.ty = Some(chars[pos]);
    }
    Ok(out)
}

/// CPython's `unknown_presentation_type`.
fn unknown_type(ty: char, type_name: &str) -> FmtError {
    let c = ty as u32;
    if c > 32 && c < 128 {
        FmtError::value(format!(
            "Unknown format code '{}' for object of type '{}'",
            ty,
            tp_name(type_name)
        ))
    } else {
        FmtError::value(format!(
            "Unknown format code '\\x{:x}' for object of type '{}'",
            c,
            tp_name(type_name)
        ))
    }
}

/// Which digit grouping applies: `(separator, group size)`, or CPython's
/// "Cannot specify ',' with 'x'." when the type does not allow it.
fn grouping_for(grouping: Option<char>, ty: char) -> Result<Option<(char, usize)>, FmtError> {
    let Some(sep) = grouping else { return Ok(None) };
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(Some((sep, 3))),
        // PEP 515: underscores every four digits in bin/oct/hex.
        'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(Some((sep, 4))),
        _ => {
            let c = ty as u32;
            Err(FmtError::value(if c > 32 && c < 128 {
                format!("Cannot specify '{}' with '{}'.", sep, ty)
            } else {
                format!("Cannot specify '{}' with '\\x{:x}'.", sep, c)
            }))
        }
    }
}

/// The resolved layout parameters of a number.
struct NumLayout {
    fill: char,
    align: char,
    sign: Option<char>,
    width: Option<usize>,
    grouping: Option<(char, usize)>,
}

impl NumLayout {
    fn new(spec: &FormatSpec, grouping: Option<(char, usize)>) -> NumLayout {
        NumLayout {
            fill: spec.fill,
            // The `0` flag means "pad after the sign" unless an alignment
            // was given explicitly.
            align: spec.align.unwrap_or(if spec.zero_pad { '=' } else { '>' }),
            sign: spec.sign,
            width: spec.width,
            grouping,
        }
    }
}

/// `_PyUnicode_InsertThousandsGrouping`: the digits with separators, left
/// padded with zeros (which get grouped too) to at least `min_width`.
fn group_digits(digits: &[u8], min_width: i64, grouping: Option<(char, usize)>) -> String {
    // Built right to left, like CPython, then reversed.
    let mut rev: Vec<char> = Vec::with_capacity(digits.len() + digits.len() / 3 + 1);
    let mut pos = digits.len();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width.max(0);
    let mut emit = |rev: &mut Vec<char>, n_chars: i64, n_zeros: i64, sep: Option<char>| {
        if let Some(s) = sep {
            rev.push(s);
        }
        for _ in 0..n_chars {
            pos -= 1;
            rev.push(digits[pos] as char);
        }
        for _ in 0..n_zeros {
            rev.push('0');
        }
    };
    match grouping {
        Some((sep, size)) => {
            let mut first = true;
            loop {
                let len = (size as i64).min(remaining.max(min_width).max(1));
                let n_zeros = (len - remaining).max(0);
                let n_chars = remaining.min(len).max(0);
                emit(
                    &mut rev,
                    n_chars,
                    n_zeros,
                    if first { None } else { Some(sep) },
                );
                first = false;
                remaining -= n_chars;
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1; // the separator counts towards the width
            }
        }
        None => {
            let len = remaining.max(min_width).max(1);
            emit(&mut rev, remaining, (len - remaining).max(0), None);
        }
    }
    rev.into_iter().rev().collect()
}

/// `calc_number_widths` + `fill_number`: lay out
/// `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>`.
/// `digits` must be ASCII; `remainder` is whatever follows the decimal
/// point (fraction, exponent, `%`, `inf`, or the character for `c`).
fn layout_number(
    negative: bool,
    prefix: &str,
    digits: &str,
    has_decimal: bool,
    remainder: &str,
    l: &NumLayout,
) -> Result<String, FmtError> {
    let sign = if negative {
        Some('-')
    } else {
        match l.sign {
            Some('+') => Some('+'),
            Some(' ') => Some(' '),
            _ => None,
        }
    };
    let n_remainder = remainder.chars().count() as i64;
    let non_digit = sign.is_some() as i64 + prefix.len() as i64 + has_decimal as i64 + n_remainder;
    let width = l.width.map_or(-1, |w| w.min(i64::MAX as usize) as i64);
    let nd = digits.len() as i64;
    if width > MAX_FORMAT_LEN as i64 {
        // Only an error if we would really have to pad that far.
        let natural = non_digit + nd + l.grouping.map_or(0, |(_, g)| nd / g as i64);
        if width > natural {
            return Err(FmtError::memory());
        }
    }
    let min_width = if l.fill == '0' && l.align == '=' {
        width - non_digit
    } else {
        0
    };
    // Only `c` has no digits; grouping code always wants one character.
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        group_digits(digits.as_bytes(), min_width, l.grouping)
    };
    let padding = width - (non_digit + grouped.len() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if padding > 0 {
        match l.align {
            '<' => rpad = padding,
            '^' => {
                lpad = padding / 2;
                rpad = padding - lpad;
            }
            '=' => spad = padding,
            _ => lpad = padding,
        }
    }
    let mut out =
        String::with_capacity((non_digit + grouped.len() as i64 + padding.max(0)) as usize);
    let pad = |out: &mut String, n: i64| out.extend(std::iter::repeat_n(l.fill, n as usize));
    pad(&mut out, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    pad(&mut out, spad);
    out.push_str(&grouped);
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    pad(&mut out, rpad);
    Ok(out)
}

/// An int argument, so small values need no BigInt.
#[derive(Clone, Copy)]
enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    fn is_negative(self) -> bool {
        match self {
            IntRef::Small(v) => v < 0,
            IntRef::Big(v) => v.is_negative(),
        }
    }

    /// |v| in the given base (lowercase), with CPython's digit limit for
    /// base 10.
    fn magnitude(self, base: u32) -> Result<String, FmtError> {
        match self {
            IntRef::Small(v) => {
                let m = v.unsigned_abs();
                Ok(match base {
                    2 => format!("{:b}", m),
                    8 => format!("{:o}", m),
                    16 => format!("{:x}", m),
                    _ => m.to_string(),
                })
            }
            IntRef::Big(v) => {
                if base == 10 {
                    let s = int_to_decimal(v)?;
                    Ok(s.trim_start_matches('-').to_string())
                } else {
                    Ok(v.magnitude().to_str_radix(base))
                }
            }
        }
    }

    fn to_f64(self) -> Result<f64, FmtError> {
        match self {
            // `as` rounds to nearest, ties to even, like PyLong_AsDouble.
            IntRef::Small(v) => Ok(v as f64),
            IntRef::Big(v) => bigint_to_f64(v),
        }
    }

    fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(v) => Some(v),
            IntRef::Big(v) => v.to_i64(),
        }
    }
}

/// `float(v)` for an int: correctly rounded, or CPython's
/// `OverflowError: int too large to convert to float`.
pub fn bigint_to_f64(v: &BigInt) -> Result<f64, FmtError> {
    // num-bigint rounds correctly: round-to-odd on the dropped bits, then
    // a single round-to-nearest-even.
    let f = v.magnitude().to_f64().unwrap_or(f64::INFINITY);
    if f.is_infinite() {
        return Err(FmtError::overflow("int too large to convert to float"));
    }
    Ok(if v.is_negative() { -f } else { f })
}

/// `str(v)` for an int, enforcing `sys.get_int_max_str_digits()` the way
/// CPython 3.11 does (the sign does not count towards the limit).
pub fn int_to_decimal(v: &BigInt) -> Result<String, FmtError> {
    let limit = int_max_str_digits();
    if limit > 0 {
        // Reject hopeless cases before the (superlinear) conversion: a
        // number of `bits` bits has more than (bits-1)·log10(2) digits.
        let bits = v.bits();
        if bits > 1 && (bits - 1) as f64 * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
            return Err(int_digits_error(limit));
        }
    }
    let s = v.to_str_radix(10);
    let ndigits = s.len() - v.is_negative() as usize;
    if limit > 0 && ndigits > limit {
        return Err(int_digits_error(limit));
    }
    Ok(s)
}

fn int_digits_error(limit: usize) -> FmtError {
    FmtError::value(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        limit
    ))
}

/// `hex()`/`oct()`/`bin()`-style text: sign, then `prefix`, then the digits
/// in `radix` (lowercase), e.g. `int_to_str_radix(-31, 16, "0x") ==
/// "-0x1f"`. `radix` must be in 2..=36; anything else is treated as 10
/// rather than panicking. No digit limit applies (CPython only limits
/// base 10).
pub fn int_to_str_radix(v: &BigInt, radix: u32, prefix: &str) -> String {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    let digits = v.magnitude().to_str_radix(radix);
    let mut out = String::with_capacity(digits.len() + prefix.len() + 1);
    if v.is_negative() {
        out.push('-');
    }
    out.push_str(prefix);
    out.push_str(&digits);
    out
}

/// `format(v, spec)` for an int (`int.__format__`), where `type_name` is
/// the value's Python type name (for error messages).
///
/// Handles `b c d o x X n` and none (= `d`); `e E f F g G %` convert the
/// int to float first, like CPython. An empty spec gives `str(v)` of a
/// plain int; for int subclasses such as bool CPython uses `str(obj)`
/// instead (`format(True, '') == 'True'`), which is the caller's job.
pub fn format_int(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    format_integer(IntRef::Big(v), spec, type_name)
}

/// [`format_int`] for a value that fits in an i64, without a BigInt.
pub fn format_i64(v: i64, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    if *spec == FormatSpec::default() {
        return Ok(v.to_string());
    }
    format_integer(IntRef::Small(v), spec, type_name)
}

fn format_integer(v: IntRef<'_>, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('d');
    let grouping = grouping_for(spec.grouping, ty)?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long(v, spec, ty, grouping),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            format_float_internal(v.to_f64()?, spec, ty, grouping)
        }
        _ => Err(unknown_type(ty, type_name)),
    }
}

/// `format_long_internal`.
fn format_long(
    v: IntRef<'_>,
    spec: &FormatSpec,
    ty: char,
    grouping: Option<(char, usize)>,
) -> Result<String, FmtError> {
    if spec.precision.is_some() {
        return Err(FmtError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.z {
        return Err(FmtError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let layout = NumLayout::new(spec, if ty == 'n' { None } else { grouping });
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FmtError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(FmtError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = v
            .to_i64()
            .ok_or_else(|| FmtError::overflow("Python int too large to convert to C long"))?;
        let ch = code_point_to_char(x)?;
        // CPython passes the character as a "remainder": copied, not grouped.
        return layout_number(false, "", "", false, ch.encode_utf8(&mut [0; 4]), &layout);
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude(base)?;
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate { prefix } else { "" };
    layout_number(v.is_negative(), prefix, &digits, false, "", &layout)
}

/// `chr(x)` for `%c` and the `c` type: CPython's range error, and an error
/// for the lone surrogates CPython allows but a Rust `String` cannot hold.
pub(crate) fn code_point_to_char(x: i64) -> Result<char, FmtError> {
    if !(0..=0x10ffff).contains(&x) {
        return Err(FmtError::overflow("%c arg not in range(0x110000)"));
    }
    char::from_u32(x as u32).ok_or_else(|| {
        FmtError::value(format!(
            "%c arg U+{:04X} is a lone surrogate, which is not supported",
            x
        ))
    })
}

/// `format(v, spec)` for a float (`float.__format__`); `type_name` is the
/// value's Python type name (for error messages).
///
/// Handles `e E f F g G n %` and none: without a precision, none is
/// `repr(v)`; with one it is `g` that keeps at least one digit after the
/// point. Rounding is correct (half-even on the exact binary value).
pub fn format_float(v: f64, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('\0');
    let grouping = grouping_for(spec.grouping, ty)?;
    match ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => {
            format_float_internal(v, spec, ty, grouping)
        }
        _ => Err(unknown_type(ty, type_name)),
    }
}

/// `format_float_internal`; `ty` is `'\0'` for "no type".
fn format_float_internal(
    v: f64,
    spec: &FormatSpec,
    ty: char,
    grouping: Option<(char, usize)>,
) -> Result<String, FmtError> {
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err(FmtError::value("precision too big"));
        }
        if p > MAX_FORMAT_LEN {
            return Err(FmtError::memory());
        }
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.z,
        ..DtoaFlags::default()
    };
    let mut code = ty;
    let mut default_precision = 6;
    if code == '\0' {
        // Like repr() without a precision, like 'g' (but keeping a '.0')
        // with one.
        flags.add_dot_0 = true;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut val = v;
    let add_pct = code == '%';
    if add_pct {
        code = 'f';
        val *= 100.0;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(val, code, precision, flags);
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    // parse_number: leading digits are grouped, a '.' is the decimal
    // point, and the rest (fraction, exponent, '%', "inf") is copied.
    let ndigits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(ndigits);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let layout = NumLayout::new(spec, if ty == 'n' { None } else { grouping });
    layout_number(negative, "", digits, has_decimal, remainder, &layout)
}

/// `format(s, spec)` for a str (`str.__format__`); `type_name` is the
/// value's Python type name (for error messages). Only `s` and none are
/// valid; precision truncates and width pads, both in characters; strings
/// are left-aligned by default.
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('s');
    grouping_for(spec.grouping, ty)?;
    if ty != 's' {
        return Err(unknown_type(ty, type_name));
    }
    match spec.sign {
        Some(' ') => {
            return Err(FmtError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(FmtError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.z {
        return Err(FmtError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FmtError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let align = spec.align.unwrap_or('<');
    if align == '=' {
        return Err(FmtError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let len = s.chars().count();
    let (text, len) = match spec.precision {
        Some(p) if p < len => {
            let end = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            (&s[..end], p)
        }
        _ => (s, len),
    };
    pad_text(text, len, spec.width, align, spec.fill)
}

/// `calc_padding` + fill for text of `len` characters.
pub(crate) fn pad_text(
    text: &str,
    len: usize,
    width: Option<usize>,
    align: char,
    fill: char,
) -> Result<String, FmtError> {
    let total = width.map_or(len, |w| w.max(len));
    if total == len {
        return Ok(text.to_string());
    }
    if total > MAX_FORMAT_LEN {
        return Err(FmtError::memory());
    }
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(text.len() + (lpad + rpad) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, rpad));
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::approx_constant)] // 3.14159 is test data, not pi
mod tests {
    use super::*;

    /// `format(v, spec)` for an int, as python3 would print it (errors as
    /// "!Kind: message").
    fn fi(v: &str, spec: &str) -> String {
        let v: BigInt = v.parse().unwrap();
        let r = parse_spec(spec, "int")
            .map_err(FmtError::from)
            .and_then(|s| format_int(&v, &s, "int"));
        show(r)
    }

    fn ff(v: f64, spec: &str) -> String {
        let r = parse_spec(spec, "float")
            .map_err(FmtError::from)
            .and_then(|s| format_float(v, &s, "float"));
        show(r)
    }

    fn fs(v: &str, spec: &str) -> String {
        let r = parse_spec(spec, "str")
            .map_err(FmtError::from)
            .and_then(|s| format_str(v, &s, "str"));
        show(r)
    }

    fn show(r: Result<String, FmtError>) -> String {
        match r {
            Ok(s) => s,
            Err(e) => format!("!{:?}: {}", e.kind, e.msg),
        }
    }

    #[test]
    fn parse_fields() {
        let s = parse_spec("*^+z#012,.3f", "float").unwrap();
        assert_eq!(s.fill, '*');
        assert_eq!(s.align, Some('^'));
        assert_eq!(s.sign, Some('+'));
        assert!(s.z && s.alternate && !s.zero_pad);
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some(','));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        let s = parse_spec("010", "int").unwrap();
        assert!(s.zero_pad);
        assert_eq!((s.fill, s.align, s.width), ('0', None, Some(10)));
        assert_eq!(parse_spec("", "int").unwrap(), FormatSpec::default());
        assert_eq!(parse_spec("٣", "int").unwrap().width, Some(3));
    }

    // Expected values below are python3.11 output of format(value, spec).
    #[test]
    fn ints() {
        let cases: &[(&str, &str, &str)] = &[
            ("0", "", "0"),
            ("-17", "", "-17"),
            ("42", "d", "42"),
            ("42", "5", "   42"),
            ("42", "<5", "42   "),
            ("42", "^5", " 42  "),
            ("42", "^6", "  42  "),
            ("-42", "=6", "-   42"),
            ("-42", "06", "-00042"),
            ("42", "+", "+42"),
            ("42", " ", " 42"),
            ("-42", " ", "-42"),
            ("42", "-", "42"),
            ("5", "<05", "50000"),
            ("1", "x<05", "1xxxx"),
            ("255", "x", "ff"),
            ("255", "X", "FF"),
            ("255", "#x", "0xff"),
            ("255", "#X", "0XFF"),
            ("-255", "#010X", "-0X00000FF"),
            ("-255", "^#10X", "  -0XFF   "),
            ("255", "#o", "0o377"),
            ("5", "#b", "0b101"),
            ("-5", "b", "-101"),
            ("0", "#x", "0x0"),
            ("1234567", ",", "1,234,567"),
            ("1234567", "_", "1_234_567"),
            ("-1234567", ",d", "-1,234,567"),
            ("123", ",", "123"),
            ("1234", "08,", "0,001,234"),
            ("1234", "06,", "01,234"),
            ("1234", "07,", "001,234"),
            ("1234", "05,", "1,234"),
            ("1234", "0=10_", "00_001_234"),
            ("1234", "x=10_", "xxxxx1_234"),
            ("1234", "*>10,", "*****1,234"),
            ("74565", "_x", "1_2345"),
            ("74565", "#012_x", "0x0_0001_2345"),
            ("74565", "#_b", "0b1_0010_0011_0100_0101"),
            ("74565", "_o", "22_1505"),
            ("-74565", "_X", "-1_2345"),
            ("1234567", "n", "1234567"),
            ("-5", "05n", "-0005"),
            ("65", "c", "A"),
            ("65", "05c", "0000A"),
            ("65", "*^5c", "**A**"),
            ("128512", "c", "😀"),
            ("1", "e", "1.000000e+00"),
            ("12345", ".2e", "1.23e+04"),
            ("1", "f", "1.000000"),
            ("1", "%", "100.000000%"),
            ("123456789", "g", "1.23457e+08"),
            (
                "123456789012345678901234567890",
                ",.2f",
                "123,456,789,012,345,677,877,719,597,056.00",
            ),
            ("-3", "+.1F", "-3.0"),
            ("12345678901234567890", "", "12345678901234567890"),
            ("-12345678901234567890", "_", "-12_345_678_901_234_567_890"),
            ("12345678901234567890", "#x", "0xab54a98ceb1f0ad2"),
            // Errors.
            (
                "1",
                "abc",
                "!ValueError: Invalid format specifier 'abc' for object of type 'int'",
            ),
            (
                "1",
                "z",
                "!ValueError: Negative zero coercion (z) not allowed in integer format specifier",
            ),
            ("1", "zf", "1.000000"),
            (
                "1",
                ".2",
                "!ValueError: Precision not allowed in integer format specifier",
            ),
            (
                "1",
                ".2d",
                "!ValueError: Precision not allowed in integer format specifier",
            ),
            (
                "65",
                "+c",
                "!ValueError: Sign not allowed with integer format specifier 'c'",
            ),
            (
                "65",
                "-c",
                "!ValueError: Sign not allowed with integer format specifier 'c'",
            ),
            (
                "65",
                "#c",
                "!ValueError: Alternate form (#) not allowed with integer format specifier 'c'",
            ),
            ("-1", "c", "!OverflowError: %c arg not in range(0x110000)"),
            (
                "1114112",
                "c",
                "!OverflowError: %c arg not in range(0x110000)",
            ),
            (
                "18446744073709551616",
                "c",
                "!OverflowError: Python int too large to convert to C long",
            ),
            ("1", ",_", "!ValueError: Cannot specify both ',' and '_'."),
            ("1", "_,", "!ValueError: Cannot specify both ',' and '_'."),
            ("1", ",x", "!ValueError: Cannot specify ',' with 'x'."),
            ("1", ",b", "!ValueError: Cannot specify ',' with 'b'."),
            ("1", "_n", "!ValueError: Cannot specify '_' with 'n'."),
            ("1", ",c", "!ValueError: Cannot specify ',' with 'c'."),
            ("1", ",,", "!ValueError: Cannot specify ',' with ','."),
            ("1", ", ", "!ValueError: Cannot specify ',' with '\\x20'."),
            (
                "1",
                ",\u{1}",
                "!ValueError: Cannot specify ',' with '\\x1'.",
            ),
            (
                "1",
                "\u{1}",
                "!ValueError: Unknown format code '\\x1' for object of type 'int'",
            ),
            (
                "1",
                "é",
                "!ValueError: Unknown format code '\\xe9' for object of type 'int'",
            ),
            (
                "1",
                "\u{1F600}",
                "!ValueError: Unknown format code '\\x1f600' for object of type 'int'",
            ),
            (
                "1",
                "\0",
                "!ValueError: Unknown format code '\\x0' for object of type 'int'",
            ),
            (
                "1",
                "s",
                "!ValueError: Unknown format code 's' for object of type 'int'",
            ),
            ("1", ".", "!ValueError: Format specifier missing precision"),
            (
                "1",
                "99999999999999999999",
                "!ValueError: Too many decimal digits in format string",
            ),
            (
                "1",
                ".99999999999999999999",
                "!ValueError: Too many decimal digits in format string",
            ),
            ("1", "9223372036854775807", "!MemoryError: "),
            (
                &"9".repeat(400),
                "e",
                "!OverflowError: int too large to convert to float",
            ),
        ];
        for &(v, spec, want) in cases {
            assert_eq!(fi(v, spec), want, "format({v}, {spec:?})");
            if let Ok(small) = v.parse::<i64>() {
                let r = parse_spec(spec, "int")
                    .map_err(FmtError::from)
                    .and_then(|s| format_i64(small, &s, "int"));
                assert_eq!(show(r), want, "format_i64({v}, {spec:?})");
            }
        }
    }

    #[test]
    fn int_digit_limit() {
        let big = BigInt::from(10u32).pow(5000);
        let msg = "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
        assert_eq!(show(format_int(&big, &FormatSpec::default(), "int")), msg);
        let spec = parse_spec(",", "int").unwrap();
        assert_eq!(show(format_int(&big, &spec, "int")), msg);
        let neg = -BigInt::from(10u32).pow(4300); // 4301 digits
        assert_eq!(show(format_int(&neg, &FormatSpec::default(), "int")), msg);
        let ok = -BigInt::from(10u32).pow(4299); // 4300 digits plus sign
        assert_eq!(int_to_decimal(&ok).unwrap().len(), 4301);
        let spec = parse_spec("x", "int").unwrap();
        assert_eq!(format_int(&big, &spec, "int").unwrap().len(), 4153);
    }

    #[test]
    fn floats() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let cases: &[(f64, &str, &str)] = &[
            (1.5, "", "1.5"),
            (1e16, "", "1e+16"),
            (-0.0, "", "-0.0"),
            (1.0, "f", "1.000000"),
            (1.0, ".2f", "1.00"),
            (0.125, ".2f", "0.12"),
            (2.675, ".2f", "2.67"),
            (1.5, ".0f", "2"),
            (2.5, ".0f", "2"),
            (1.5, "#.0f", "2."),
            (1234.5678, "e", "1.234568e+03"),
            (1234.5678, "E", "1.234568E+03"),
            (1234.5678, ".2e", "1.23e+03"),
            (1234.5678, "g", "1234.57"),
            (1234567.0, "g", "1.23457e+06"),
            (1234567.0, "G", "1.23457E+06"),
            (0.00001, "g", "1e-05"),
            (1.0, "#g", "1.00000"),
            (1.0, "#", "1.0"),
            (1e16, ".17", "1e+16"),
            (123.0, ".3", "1.23e+02"),
            (12.0, ".3", "12.0"),
            (0.0001, ".3", "0.0001"),
            (0.00001, ".3", "1e-05"),
            (1.0, ".0", "1e+00"),
            (10.0, ".1", "1e+01"),
            (1234567.0, "n", "1.23457e+06"),
            (1234.5, "n", "1234.5"),
            (12345.678, "%", "1234567.800000%"),
            (0.5, ".0%", "50%"),
            (1.5, "#.0%", "150.%"),
            (-0.25, ".1%", "-25.0%"),
            (1e20, ",", "1e+20"),
            (1234567.125, "_.2f", "1_234_567.12"),
            (1234567.0, ",", "1,234,567.0"),
            (1234567.0, ",g", "1.23457e+06"),
            (1234.5, "012,.1f", "00,001,234.5"),
            (-1234.5, "=+12,.1f", "-    1,234.5"),
            (-1234.5, "+012,.1f", "-0,001,234.5"),
            (12345.0, ",e", "1.234500e+04"),
            (1e300, ",.0f", "1,000,000,000,000,000,052,504,760,255,204,420,248,704,468,581,108,159,154,915,854,115,511,802,457,988,908,195,786,371,375,080,447,864,043,704,443,832,883,878,176,942,523,235,360,430,575,644,792,184,786,706,982,848,387,200,926,575,803,737,830,233,794,788,090,059,368,953,234,970,799,945,081,119,038,967,640,880,074,652,742,780,142,494,579,258,788,820,056,842,838,115,669,472,196,386,865,459,400,540,160"),
            (3.14159, "10.3f", "     3.142"),
            (3.14159, "<10.3f", "3.142     "),
            (3.14159, "^10.3f", "  3.142   "),
            (-3.14159, "010.3f", "-00003.142"),
            (3.14159, "+.2f", "+3.14"),
            (3.14159, " .2f", " 3.14"),
            (3.14159, "*=+10.2f", "+*****3.14"),
            (inf, "", "inf"),
            (-inf, "", "-inf"),
            (inf, "010", "0000000inf"),
            (inf, "F", "INF"),
            (-inf, "+E", "-INF"),
            (nan, "+", "+nan"),
            (-nan, "", "nan"),
            (-nan, "f", "nan"),
            (nan, "012,", "000000000nan"),
            (nan, "G", "NAN"),
            (inf, "^7", "  inf  "),
            (inf, "%", "inf%"),
            (1.5, "z", "1.5"),
            (-1.5, "z", "-1.5"),
            (-0.0, "z", "0.0"),
            (-0.0, "z.0f", "0"),
            (-0.4, "z.0f", "0"),
            (-0.0001, "z.2f", "0.00"),
            (-0.0, "ze", "0.000000e+00"),
            (-0.0, "+z", "+0.0"),
            (-1e-10, "z.3g", "-1e-10"),
            (-1e-10, "z%", "0.000000%"),
            (-0.0, ".0f", "-0"),
            (1.5, "\0", "1.5"),
            (1.5, "10\0", "       1.5"),
            (5e-324, ".3g", "4.94e-324"),
            (1.7976931348623157e308, ".20e", "1.79769313486231570815e+308"),
            (0.1, ".25f", "0.1000000000000000055511151"),
            // Errors.
            (1.5, "d", "!ValueError: Unknown format code 'd' for object of type 'float'"),
            (1.5, "x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
            (1.5, "c", "!ValueError: Unknown format code 'c' for object of type 'float'"),
            (-0.0, "zd", "!ValueError: Unknown format code 'd' for object of type 'float'"),
            (1.5, ",n", "!ValueError: Cannot specify ',' with 'n'."),
            (1.5, "_x", "!ValueError: Unknown format code 'x' for object of type 'float'"),
            (1.5, ",x", "!ValueError: Cannot specify ',' with 'x'."),
            (1.5, ".", "!ValueError: Format specifier missing precision"),
            (1.5, "abc", "!ValueError: Invalid format specifier 'abc' for object of type 'float'"),
            (1.5, ".3000000000f", "!ValueError: precision too big"),
            (1.5, ".2000000000f", "!MemoryError: "),
        ];
        for &(v, spec, want) in cases {
            assert_eq!(ff(v, spec), want, "format({v:?}, {spec:?})");
        }
    }

    #[test]
    fn strs() {
        let cases: &[(&str, &str, &str)] = &[
            ("ab", "", "ab"),
            ("ab", "5", "ab   "),
            ("ab", ">5", "   ab"),
            ("ab", "^5", " ab  "),
            ("ab", "*^6", "**ab**"),
            ("ab", "05", "ab000"),
            ("ab", ">05", "000ab"),
            ("abc", ".1", "a"),
            ("abc", "^7.2", "  ab   "),
            ("abc", "1", "abc"),
            ("é", "*^4", "*é**"),
            ("a", "\u{1F600}^5", "😀😀a😀😀"),
            ("日本語", ".2s", "日本"),
            ("日本語", ">5", "  日本語"),
            ("abc", ".0", ""),
            ("", "3", "   "),
            (
                "a",
                "+",
                "!ValueError: Sign not allowed in string format specifier",
            ),
            (
                "a",
                "-",
                "!ValueError: Sign not allowed in string format specifier",
            ),
            (
                "a",
                " ",
                "!ValueError: Space not allowed in string format specifier",
            ),
            (
                "a",
                "z",
                "!ValueError: Negative zero coercion (z) not allowed in string format specifier",
            ),
            (
                "a",
                "#",
                "!ValueError: Alternate form (#) not allowed in string format specifier",
            ),
            (
                "a",
                "=5",
                "!ValueError: '=' alignment not allowed in string format specifier",
            ),
            ("a", ",", "!ValueError: Cannot specify ',' with 's'."),
            ("a", "_s", "!ValueError: Cannot specify '_' with 's'."),
            (
                "a",
                "d",
                "!ValueError: Unknown format code 'd' for object of type 'str'",
            ),
            (
                "a",
                "+d",
                "!ValueError: Unknown format code 'd' for object of type 'str'",
            ),
            (
                "a",
                "abc",
                "!ValueError: Invalid format specifier 'abc' for object of type 'str'",
            ),
            ("a", "9999999999", "!MemoryError: "),
            ("a", ".9999999999", "a"),
        ];
        for &(v, spec, want) in cases {
            assert_eq!(fs(v, spec), want, "format({v:?}, {spec:?})");
        }
    }

    #[test]
    fn radix_and_conversions() {
        let v = |s: &str| s.parse::<BigInt>().unwrap();
        assert_eq!(int_to_str_radix(&v("-31"), 16, "0x"), "-0x1f");
        assert_eq!(int_to_str_radix(&v("8"), 8, "0o"), "0o10");
        assert_eq!(int_to_str_radix(&v("0"), 2, "0b"), "0b0");
        assert_eq!(int_to_str_radix(&v("-5"), 2, "0b"), "-0b101");
        assert_eq!(int_to_str_radix(&v("35"), 99, ""), "35");
        assert_eq!(
            bigint_to_f64(&v("9007199254740993")).unwrap(),
            9007199254740992.0
        );
        assert_eq!(
            bigint_to_f64(&v("9007199254740995")).unwrap(),
            9007199254740996.0
        );
        assert_eq!(
            bigint_to_f64(&v("-9007199254740993")).unwrap(),
            -9007199254740992.0
        );
        // 2**1024 - 2**970 rounds up to 2**1024: overflow, as in CPython.
        let edge = (BigInt::from(1) << 1024usize) - (BigInt::from(1) << 970usize);
        assert_eq!(
            bigint_to_f64(&edge).unwrap_err().msg,
            "int too large to convert to float"
        );
        let below = (BigInt::from(1) << 1024usize) - (BigInt::from(1) << 971usize);
        assert_eq!(bigint_to_f64(&below).unwrap(), f64::MAX);
    }
}
