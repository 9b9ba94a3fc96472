//! printf-style `str % args` formatting, ported from CPython 3.11's
//! `PyUnicode_Format` (`Objects/unicodeobject.c`).
//!
//! The work is split so the interpreter keeps the object model:
//! [`parse_percent`] turns the format string into literal text and
//! conversions; the caller walks them, fetching arguments and doing the
//! `str()`/`repr()`/`int()`/`float()` conversions; the `pct_*` functions
//! then render one conversion. Error messages are CPython's, with helpers
//! for the ones the caller raises.
//!
//! The caller's loop, mirroring CPython's order of operations (which
//! decides *which* error wins when several apply):
//!
//! ```text
//! args: a tuple -> positional items, next index 0
//!       anything else -> a single argument, usable once
//! mapping = args is a mapping and not a tuple or str
//! pieces = parse_percent_lazy(fmt, mapping)
//! for each piece:
//!   Literal(s) => append s
//!   Conv(c) =>
//!     if let Some(k) = c.key: the arguments become the single value
//!         mapping[k] (KeyError propagates), usable once
//!     if c.width is Star: next argument (else TypeError "not enough
//!         arguments for format string"), which must be an int
//!         (pct_star_type_error: "* wants int"), through pct_star_width();
//!         the same for c.prec with pct_star_prec()
//!     if let Some(e) = c.error: raise e            // syntax error here
//!     v = next argument (else "not enough arguments for format string")
//!     (w, p) = c.resolve(star width, star prec)
//!     match c.kind()? {   // "unsupported format character" comes here
//!       Int   => int(v): ints as is; for d/i/u anything with __int__
//!                (floats truncate), for o/x/X only __index__; otherwise
//!                pct_int_type_error(). Then pct_int.
//!       Float => float(v) (pct_float_type_error otherwise), pct_float
//!       Str | Repr | Ascii => pct_str(str/repr/ascii(v))
//!       Char  => pct_char_from_int / pct_char_from_str (another type:
//!                pct_char_type_error), then pct_str
//!     }
//! at the end, without a mapping: positional items left over, or a single
//! argument never used -> pct_not_all_converted()
//! ```
//!
//! [`parse_percent`] is the simpler variant that reports syntax errors up
//! front; it differs from CPython only when a format *also* fails at an
//! earlier conversion (then CPython reports that earlier failure).

use super::float_repr::{double_to_string, DtoaFlags};
use super::spec::{code_point_to_char, int_to_decimal};
use super::{FmtError, MAX_FORMAT_LEN};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A piece of a `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PctPiece {
    /// Text copied as is (`%%` already turned into `%`).
    Literal(String),
    /// One `%...` conversion.
    Conv(PctConv),
}

/// A width or precision as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PctNum {
    Absent,
    Num(usize),
    /// `*`: taken from the next argument.
    Star,
}

/// One conversion: `%[(key)][flags][width][.precision][h|l|L]conv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PctConv {
    /// `%(key)s`: the mapping key.
    pub key: Option<String>,
    /// `-`: left-justify.
    pub ljust: bool,
    /// `+`: always a sign on numbers.
    pub sign: bool,
    /// ` `: a space for the sign of non-negative numbers.
    pub blank: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding for numbers.
    pub zero: bool,
    pub width: PctNum,
    /// `.` without digits is `Num(0)`, as in C.
    pub prec: PctNum,
    /// The conversion character, not yet validated (see [`PctConv::kind`]).
    pub conv: char,
    /// Position of `conv` in the format string, in characters (for the
    /// "unsupported format character" message).
    pub index: usize,
    /// Only from [`parse_percent_lazy`]: the syntax error that ends the
    /// format here. Look up `key` and fetch the `*` arguments as usual, then
    /// raise it (the remaining fields are not meaningful).
    pub error: Option<FmtError>,
}

/// What a conversion character asks the caller to do with the argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PctKind {
    /// `d i u o x X`: needs an int (see [`pct_int_type_error`]).
    Int,
    /// `e E f F g G`: needs a float.
    Float,
    /// `s`: `str(v)`.
    Str,
    /// `r`: `repr(v)`.
    Repr,
    /// `a`: `ascii(v)`.
    Ascii,
    /// `c`: a one-character str or an int code point.
    Char,
}

impl PctConv {
    /// Classify the conversion character, or CPython's
    /// `ValueError: unsupported format character 'y' (0x79) at index 3`.
    /// CPython raises that only after fetching the argument, so call this
    /// after taking the value (a missing argument wins).
    pub fn kind(&self) -> Result<PctKind, FmtError> {
        Ok(match self.conv {
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => PctKind::Int,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => PctKind::Float,
            's' => PctKind::Str,
            'r' => PctKind::Repr,
            'a' => PctKind::Ascii,
            'c' => PctKind::Char,
            c => {
                let cp = c as u32;
                let shown = if (31..=126).contains(&cp) { c } else { '?' };
                return Err(FmtError::value(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    shown, cp, self.index
                )));
            }
        })
    }

    /// Width and precision to hand to the `pct_*` functions: the numbers
    /// written in the format, or the values fetched for `*` (already passed
    /// through [`pct_star_width`] / [`pct_star_prec`]).
    pub fn resolve(
        &self,
        star_width: Option<i64>,
        star_prec: Option<i64>,
    ) -> (Option<i64>, Option<i64>) {
        let pick = |n: PctNum, star: Option<i64>| match n {
            PctNum::Absent => None,
            PctNum::Num(v) => Some(v.min(i64::MAX as usize) as i64),
            PctNum::Star => star,
        };
        (pick(self.width, star_width), pick(self.prec, star_prec))
    }
}

/// Split a `%` format string into literals and conversions.
///
/// Errors (all `ValueError`): "incomplete format", "incomplete format key",
/// "width too big", "precision too big". They are reported up front; see
/// [`parse_percent_lazy`] for CPython's exact error precedence.
pub fn parse_percent(fmt: &str) -> Result<Vec<PctPiece>, FmtError> {
    let mut pieces = parse_percent_lazy(fmt, true);
    if let Some(PctPiece::Conv(PctConv { error: Some(e), .. })) = pieces.last_mut() {
        return Err(e.clone());
    }
    Ok(pieces)
}

/// Like [`parse_percent`], but a syntax error is left in the last
/// conversion's [`PctConv::error`] so the caller raises it at the moment
/// CPython would: after the pieces before it were formatted, and after this
/// conversion's key lookup and `*` arguments. `has_mapping` says whether
/// the right operand is a mapping (not a tuple or str): without one, a
/// `%(` is CPython's "format requires a mapping", stored the same way.
pub fn parse_percent_lazy(fmt: &str, has_mapping: bool) -> Vec<PctPiece> {
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < n {
        if chars[i] != '%' {
            lit.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i < n && chars[i] == '%' {
            lit.push('%');
            i += 1;
            continue;
        }
        if !lit.is_empty() {
            pieces.push(PctPiece::Literal(std::mem::take(&mut lit)));
        }
        let (conv, next) = parse_conv(&chars, i, has_mapping);
        let failed = conv.error.is_some();
        pieces.push(PctPiece::Conv(conv));
        if failed {
            return pieces;
        }
        i = next;
    }
    if !lit.is_empty() {
        pieces.push(PctPiece::Literal(lit));
    }
    pieces
}

/// Parse one conversion starting just after its `%`; returns it and the
/// index after it. Follows `unicode_format_arg_parse` step by step; on a
/// syntax error the conversion carries it in `error`, with the parts
/// parsed before the error (which CPython acts on before failing).
fn parse_conv(chars: &[char], mut i: usize, has_mapping: bool) -> (PctConv, usize) {
    let n = chars.len();
    let mut conv = PctConv {
        key: None,
        ljust: false,
        sign: false,
        blank: false,
        alt: false,
        zero: false,
        width: PctNum::Absent,
        prec: PctNum::Absent,
        conv: '\0',
        index: 0,
        error: None,
    };
    match parse_conv_inner(chars, &mut i, has_mapping, &mut conv) {
        Ok(()) => (conv, i),
        Err(e) => {
            conv.error = Some(e);
            (conv, n)
        }
    }
}

fn parse_conv_inner(
    chars: &[char],
    i: &mut usize,
    has_mapping: bool,
    conv: &mut PctConv,
) -> Result<(), FmtError> {
    let n = chars.len();
    let incomplete = || FmtError::value("incomplete format");
    if *i < n && chars[*i] == '(' {
        if !has_mapping {
            return Err(pct_requires_mapping());
        }
        // The key runs to the matching ')', allowing nested parentheses.
        *i += 1;
        let start = *i;
        let mut depth = 1;
        while *i < n {
            match chars[*i] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            *i += 1;
            if depth == 0 {
                break;
            }
        }
        if depth > 0 {
            return Err(FmtError::value("incomplete format key"));
        }
        conv.key = Some(chars[start..*i - 1].iter().collect());
    }
    // `c` is the character after the flags; running out anywhere below is
    // "incomplete format".
    let next = |i: &mut usize| -> Option<char> {
        let c = chars.get(*i).copied();
        *i += 1;
        c
    };
    let mut c = loop {
        let Some(c) = next(i) else {
            return Err(incomplete());
        };
        match c {
            '-' => conv.ljust = true,
            '+' => conv.sign = true,
            ' ' => conv.blank = true,
            '#' => conv.alt = true,
            '0' => conv.zero = true,
            _ => break c,
        }
    };
    if c == '*' {
        conv.width = PctNum::Star;
        c = next(i).ok_or_else(incomplete)?;
    } else if c.is_ascii_digit() {
        let mut w = c as u64 - '0' as u64;
        loop {
            c = next(i).ok_or_else(incomplete)?;
            if !c.is_ascii_digit() {
                break;
            }
            let d = c as u64 - '0' as u64;
            if w > (i64::MAX as u64 - d) / 10 {
                return Err(FmtError::value("width too big"));
            }
            w = w * 10 + d;
        }
        conv.width = PctNum::Num(w as usize);
    }
    if c == '.' {
        conv.prec = PctNum::Num(0);
        c = next(i).ok_or_else(incomplete)?;
        if c == '*' {
            conv.prec = PctNum::Star;
            c = next(i).ok_or_else(incomplete)?;
        } else if c.is_ascii_digit() {
            let mut p = c as u64 - '0' as u64;
            loop {
                c = next(i).ok_or_else(incomplete)?;
                if !c.is_ascii_digit() {
                    break;
                }
                let d = c as u64 - '0' as u64;
                if p > (i32::MAX as u64 - d) / 10 {
                    return Err(FmtError::value("precision too big"));
                }
                p = p * 10 + d;
            }
            conv.prec = PctNum::Num(p as usize);
        }
    }
    // C length modifiers are accepted and ignored (one of them).
    if matches!(c, 'h' | 'l' | 'L') {
        c = next(i).ok_or_else(incomplete)?;
    }
    conv.conv = c;
    conv.index = *i - 1;
    Ok(())
}

/// A `*` width argument as CPython reads it (`PyLong_AsSsize_t`). Negative
/// means left-justify; pass the result through [`PctConv::resolve`].
pub fn pct_star_width(v: &BigInt) -> Result<i64, FmtError> {
    v.to_i64()
        .ok_or_else(|| FmtError::overflow("Python int too large to convert to C ssize_t"))
}

/// A `*` precision argument as CPython reads it (`_PyLong_AsInt`).
/// Negative means 0.
pub fn pct_star_prec(v: &BigInt) -> Result<i64, FmtError> {
    v.to_i32()
        .map(i64::from)
        .ok_or_else(|| FmtError::overflow("Python int too large to convert to C int"))
}

/// `TypeError: * wants int`, for a `*` argument that is not an int.
pub fn pct_star_type_error() -> FmtError {
    FmtError::type_error("* wants int")
}

/// `TypeError: not enough arguments for format string`.
pub fn pct_not_enough_args() -> FmtError {
    FmtError::type_error("not enough arguments for format string")
}

/// `TypeError: not all arguments converted during string formatting`.
pub fn pct_not_all_converted() -> FmtError {
    FmtError::type_error("not all arguments converted during string formatting")
}

/// `TypeError: format requires a mapping` (a `%(key)` without a mapping).
pub fn pct_requires_mapping() -> FmtError {
    FmtError::type_error("format requires a mapping")
}

/// The error for an `Int` conversion whose argument is not usable:
/// `%x format: an integer is required, not float` for `o x X` (which take
/// only ints / `__index__`), `%d format: a real number is required, not
/// str` for `d i u` (which also take anything with `__int__`, truncating
/// floats: `'%d' % 3.7 == '3'`).
pub fn pct_int_type_error(c: &PctConv, type_name: &str) -> FmtError {
    let what = if matches!(c.conv, 'o' | 'x' | 'X') {
        "an integer"
    } else {
        "a real number"
    };
    FmtError::type_error(format!(
        "%{} format: {} is required, not {}",
        c.conv, what, type_name
    ))
}

/// `TypeError: must be real number, not str`, for a `Float` conversion of
/// a value without `__float__`.
pub fn pct_float_type_error(type_name: &str) -> FmtError {
    FmtError::type_error(format!("must be real number, not {}", type_name))
}

/// `TypeError: %c requires int or char`.
pub fn pct_char_type_error() -> FmtError {
    FmtError::type_error("%c requires int or char")
}

/// The character for `%c` of an int (`OverflowError: %c arg not in
/// range(0x110000)` otherwise, even for huge values, as in CPython).
pub fn pct_char_from_int(v: &BigInt) -> Result<char, FmtError> {
    code_point_to_char(v.to_i64().unwrap_or(-1))
}

/// The character for `%c` of a str: it must be exactly one character.
pub fn pct_char_from_str(s: &str) -> Result<char, FmtError> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(pct_char_type_error()),
    }
}

/// `%d %i %u %o %x %X` of an int. `width`/`prec` come from
/// [`PctConv::resolve`] (negative width = left-justify, negative prec = 0).
pub fn pct_int(
    v: &BigInt,
    c: &PctConv,
    width: Option<i64>,
    prec: Option<i64>,
) -> Result<String, FmtError> {
    let prec = prec.map(|p| p.max(0));
    if let Some(p) = prec {
        // CPython: "Avoid exceeding SSIZE_T_MAX".
        if p > i32::MAX as i64 - 3 {
            return Err(FmtError::overflow("precision too large"));
        }
        if p as usize > MAX_FORMAT_LEN {
            return Err(FmtError::memory());
        }
    }
    // _PyUnicode_FormatLong: sign, "0x"/"0o" if '#', zeros up to the
    // precision, digits.
    let digits = match c.conv {
        'o' => v.magnitude().to_str_radix(8),
        'x' => v.magnitude().to_str_radix(16),
        'X' => v.magnitude().to_str_radix(16).to_ascii_uppercase(),
        _ => int_to_decimal(v)?.trim_start_matches('-').to_string(),
    };
    pct_int_digits(v.is_negative(), digits, c, width, prec)
}

/// `pct_int` for an int that fits in i64: the same result without a BigInt
/// (`"%d" % i` is common in loops).
pub fn pct_i64(
    v: i64,
    c: &PctConv,
    width: Option<i64>,
    prec: Option<i64>,
) -> Result<String, FmtError> {
    let prec = prec.map(|p| p.max(0));
    if let Some(p) = prec {
        if p > i32::MAX as i64 - 3 {
            return Err(FmtError::overflow("precision too large"));
        }
        if p as usize > MAX_FORMAT_LEN {
            return Err(FmtError::memory());
        }
    }
    let m = v.unsigned_abs();
    let digits = match c.conv {
        'o' => format!("{m:o}"),
        'x' => format!("{m:x}"),
        'X' => format!("{m:X}"),
        _ => m.to_string(),
    };
    pct_int_digits(v < 0, digits, c, width, prec)
}

fn pct_int_digits(
    negative: bool,
    mut digits: String,
    c: &PctConv,
    width: Option<i64>,
    prec: Option<i64>,
) -> Result<String, FmtError> {
    let prefix = match c.conv {
        'o' => "0o",
        'x' => "0x",
        'X' => "0X",
        _ => "",
    };
    let prefix = if c.alt { prefix } else { "" };
    let mut s = String::with_capacity(digits.len() + 3 + prec.unwrap_or(0) as usize);
    if negative {
        s.push('-');
    }
    s.push_str(prefix);
    let zeros = prec.map_or(0, |p| (p as usize).saturating_sub(digits.len()));
    s.extend(std::iter::repeat_n('0', zeros));
    s.push_str(&std::mem::take(&mut digits));
    output(&s, c, width, prec, true)
}

/// `%e %E %f %F %g %G` of a float (precision defaults to 6; `#` keeps the
/// point and trailing zeros).
pub fn pct_float(
    v: f64,
    c: &PctConv,
    width: Option<i64>,
    prec: Option<i64>,
) -> Result<String, FmtError> {
    let prec = prec.map_or(6, |p| p.max(0));
    if prec as usize > MAX_FORMAT_LEN {
        return Err(FmtError::memory());
    }
    let flags = DtoaFlags {
        alt: c.alt,
        ..DtoaFlags::default()
    };
    let code = if matches!(c.conv, 'e' | 'E' | 'f' | 'F' | 'g' | 'G') {
        c.conv
    } else {
        'g'
    };
    let s = double_to_string(v, code, prec as usize, flags);
    output(&s, c, width, Some(prec), true)
}

/// `%s %r %a` (after the caller computed `str()`/`repr()`/`ascii()`) and
/// `%c` (with the one-character string): padding, and for `s r a`
/// truncation to the precision.
pub fn pct_str(
    s: &str,
    c: &PctConv,
    width: Option<i64>,
    prec: Option<i64>,
) -> Result<String, FmtError> {
    output(s, c, width, prec.map(|p| p.max(0)), false)
}

/// `unicode_format_arg_output`: sign, `0x` prefix, padding. `numeric` is
/// CPython's `arg->sign` (set for the int and float conversions).
fn output(
    s: &str,
    c: &PctConv,
    width: Option<i64>,
    prec: Option<i64>,
    numeric: bool,
) -> Result<String, FmtError> {
    let mut ljust = c.ljust;
    let width = width.map(|w| {
        if w < 0 {
            ljust = true;
        }
        w.unsigned_abs()
    });
    let fill = if numeric && c.zero { '0' } else { ' ' };
    // Slices of `s` rather than a vector of chars: most conversions keep the
    // text whole (the common `%s`/`%d` makes just the one String).
    let mut body: &str = s;
    if matches!(c.conv, 's' | 'r' | 'a') {
        if let Some(p) = prec {
            if let Some((i, _)) = body.char_indices().nth(p as usize) {
                body = &body[..i];
            }
        }
    }
    let mut sign = None;
    if numeric {
        match body.as_bytes().first() {
            Some(&ch @ (b'-' | b'+')) => {
                sign = Some(ch as char);
                body = &body[1..];
            }
            _ if c.sign => sign = Some('+'),
            _ if c.blank => sign = Some(' '),
            _ => {}
        }
    }
    let mut prefix: &str = "";
    if c.alt && matches!(c.conv, 'x' | 'X' | 'o') && body.chars().nth(1).is_some() {
        let i = body.char_indices().nth(2).map_or(body.len(), |(i, _)| i);
        prefix = &body[..i];
        body = &body[i..];
    }
    let nchars = |t: &str| {
        if t.is_ascii() {
            t.len()
        } else {
            t.chars().count()
        }
    };
    let content = sign.is_some() as u64 + nchars(prefix) as u64 + nchars(body) as u64;
    let pad = width.map_or(0, |w| w.saturating_sub(content));
    if content + pad > MAX_FORMAT_LEN as u64 {
        return Err(FmtError::memory());
    }
    let pad = pad as usize;
    let mut out = String::with_capacity(content as usize + pad);
    if ljust {
        // Left-justified: never zero-filled (the right side gets spaces).
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if fill == '0' {
        // Zero fill goes between the sign/prefix and the digits.
        out.extend(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::approx_constant)] // 3.14159 is test data, not pi
mod tests {
    use super::*;

    /// A tiny driver playing the interpreter's part, for ints, floats and
    /// strs in a tuple (strs stand for themselves with %s/%r as repr).
    #[derive(Clone)]
    enum A {
        I(i64),
        F(f64),
        S(&'static str),
    }

    fn run(fmt: &str, args: &[A]) -> String {
        match run_inner(fmt, args) {
            Ok(s) => s,
            Err(e) => format!("!{:?}: {}", e.kind, e.msg),
        }
    }

    fn type_name(a: &A) -> &'static str {
        match a {
            A::I(_) => "int",
            A::F(_) => "float",
            A::S(_) => "str",
        }
    }

    fn run_inner(fmt: &str, args: &[A]) -> Result<String, FmtError> {
        let pieces = parse_percent_lazy(fmt, false);
        let mut it = args.iter();
        let mut out = String::new();
        for p in pieces {
            match p {
                PctPiece::Literal(s) => out.push_str(&s),
                PctPiece::Conv(c) => {
                    let star = |it: &mut std::slice::Iter<A>| -> Result<i64, FmtError> {
                        match it.next() {
                            Some(A::I(v)) => Ok(*v),
                            Some(_) => Err(pct_star_type_error()),
                            None => Err(pct_not_enough_args()),
                        }
                    };
                    let sw = if c.width == PctNum::Star {
                        Some(star(&mut it)?)
                    } else {
                        None
                    };
                    let sp = if c.prec == PctNum::Star {
                        Some(star(&mut it)?.max(0))
                    } else {
                        None
                    };
                    if let Some(e) = c.error {
                        return Err(e);
                    }
                    let (w, pr) = c.resolve(sw, sp);
                    let v = it.next().ok_or_else(pct_not_enough_args)?;
                    let s = match (c.kind()?, v) {
                        (PctKind::Int, A::I(i)) => pct_int(&BigInt::from(*i), &c, w, pr)?,
                        (PctKind::Int, A::F(f)) if !matches!(c.conv, 'o' | 'x' | 'X') => {
                            pct_int(&BigInt::from(f.trunc() as i64), &c, w, pr)?
                        }
                        (PctKind::Int, a) => return Err(pct_int_type_error(&c, type_name(a))),
                        (PctKind::Float, A::I(i)) => pct_float(*i as f64, &c, w, pr)?,
                        (PctKind::Float, A::F(f)) => pct_float(*f, &c, w, pr)?,
                        (PctKind::Float, a) => return Err(pct_float_type_error(type_name(a))),
                        (PctKind::Str, A::S(s)) => pct_str(s, &c, w, pr)?,
                        (PctKind::Repr, A::S(s)) => pct_str(&format!("'{s}'"), &c, w, pr)?,
                        (PctKind::Str | PctKind::Repr, A::I(i)) => {
                            pct_str(&i.to_string(), &c, w, pr)?
                        }
                        (PctKind::Char, A::I(i)) => pct_str(
                            &pct_char_from_int(&BigInt::from(*i))?.to_string(),
                            &c,
                            w,
                            pr,
                        )?,
                        (PctKind::Char, A::S(s)) => {
                            pct_str(&pct_char_from_str(s)?.to_string(), &c, w, pr)?
                        }
                        (PctKind::Char, _) => return Err(pct_char_type_error()),
                        _ => unreachable!("not needed by these tests"),
                    };
                    out.push_str(&s);
                }
            }
        }
        if it.next().is_some() {
            return Err(pct_not_all_converted());
        }
        Ok(out)
    }

    use A::{F, I, S};

    // Expected values are python3.11 output of fmt % tuple(args).
    #[test]
    fn ints() {
        let cases: &[(&str, &[A], &str)] = &[
            ("%d", &[I(42)], "42"),
            ("%i|%u", &[I(-3), I(7)], "-3|7"),
            ("%5d|", &[I(42)], "   42|"),
            ("%-5d|", &[I(42)], "42   |"),
            ("%05d", &[I(-42)], "-0042"),
            ("%-05d|", &[I(3)], "3    |"),
            ("%+d % d % d", &[I(1), I(2), I(-2)], "+1  2 -2"),
            ("%+05d", &[I(7)], "+0007"),
            ("% 05d", &[I(7)], " 0007"),
            ("%.5d", &[I(3)], "00003"),
            ("%8.5d|", &[I(-3)], "  -00003|"),
            ("%x %X %o", &[I(255), I(255), I(8)], "ff FF 10"),
            ("%#x %#X %#o", &[I(255), I(255), I(8)], "0xff 0XFF 0o10"),
            ("%#.5x", &[I(255)], "0x000ff"),
            ("%#010x", &[I(255)], "0x000000ff"),
            ("%#10x|", &[I(255)], "      0xff|"),
            ("%-#10x|", &[I(255)], "0xff      |"),
            ("%+#X", &[I(255)], "+0XFF"),
            ("%#x", &[I(-255)], "-0xff"),
            ("%#08x", &[I(-255)], "-0x000ff"),
            ("%#.4o", &[I(-8)], "-0o0010"),
            ("%*d|", &[I(5), I(1)], "    1|"),
            ("%*d|", &[I(-5), I(1)], "1    |"),
            ("%.*d", &[I(-5), I(1)], "1"),
            ("%.*d", &[I(3), I(1)], "001"),
            ("%hd %ld %Ld", &[I(1), I(2), I(3)], "1 2 3"),
            ("%d", &[F(3.7)], "3"),
            ("%d", &[F(-3.7)], "-3"),
            (
                "%d",
                &[S("a")],
                "!TypeError: %d format: a real number is required, not str",
            ),
            (
                "%x",
                &[F(1.5)],
                "!TypeError: %x format: an integer is required, not float",
            ),
            ("%*d", &[S("a"), I(1)], "!TypeError: * wants int"),
            ("%.*d", &[S("a"), I(1)], "!TypeError: * wants int"),
            (
                "%lld",
                &[I(1)],
                "!ValueError: unsupported format character 'l' (0x6c) at index 2",
            ),
            (
                "%d %d",
                &[I(1)],
                "!TypeError: not enough arguments for format string",
            ),
            (
                "%d",
                &[I(1), I(2)],
                "!TypeError: not all arguments converted during string formatting",
            ),
            (
                "%99999999999999999999d",
                &[I(1)],
                "!ValueError: width too big",
            ),
            (
                "%.99999999999999999999d",
                &[I(1)],
                "!ValueError: precision too big",
            ),
            ("%.3000000000d", &[I(1)], "!ValueError: precision too big"),
            (
                "%.*d",
                &[I(2147483647), I(1)],
                "!OverflowError: precision too large",
            ),
            ("%*d", &[I(1 << 40), I(1)], "!MemoryError: "),
        ];
        for &(fmt, args, want) in cases {
            assert_eq!(run(fmt, args), want, "{fmt:?}");
        }
        // Beyond i64: digit limit and plain big values.
        let big = BigInt::from(10u32).pow(30) + 7;
        let c = match &parse_percent("%x").unwrap()[0] {
            PctPiece::Conv(c) => c.clone(),
            _ => unreachable!(),
        };
        assert_eq!(
            pct_int(&big, &c, None, None).unwrap(),
            "c9f2c9cd04674edea40000007"
        );
        let c = match &parse_percent("%d").unwrap()[0] {
            PctPiece::Conv(c) => c.clone(),
            _ => unreachable!(),
        };
        let huge = BigInt::from(10u32).pow(5000);
        assert_eq!(
            pct_int(&huge, &c, None, None).unwrap_err().msg,
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        );
        assert_eq!(
            pct_star_width(&(BigInt::from(1) << 63usize))
                .unwrap_err()
                .msg,
            "Python int too large to convert to C ssize_t"
        );
        assert_eq!(
            pct_star_prec(&(BigInt::from(1) << 31usize))
                .unwrap_err()
                .msg,
            "Python int too large to convert to C int"
        );
    }

    #[test]
    fn floats() {
        let inf = f64::INFINITY;
        let cases: &[(&str, &[A], &str)] = &[
            ("%f", &[F(1.5)], "1.500000"),
            ("%.2f", &[F(0.125)], "0.12"),
            ("%.0f", &[F(2.5)], "2"),
            ("%#.0f", &[F(2.5)], "2."),
            ("%e", &[F(12345.678)], "1.234568e+04"),
            ("%E", &[F(12345.678)], "1.234568E+04"),
            ("%#.0e", &[I(1)], "1.e+00"),
            ("%g", &[F(1.0)], "1"),
            ("%#g", &[F(1.0)], "1.00000"),
            ("%g", &[F(1e-5)], "1e-05"),
            ("%G", &[F(1e-5)], "1E-05"),
            ("%g", &[F(123456789.0)], "1.23457e+08"),
            ("%.3g", &[F(0.0001234)], "0.000123"),
            ("%10.3f|", &[F(-3.14159)], "    -3.142|"),
            ("%-10.3f|", &[F(3.14159)], "3.142     |"),
            ("%010.3f", &[F(-3.14159)], "-00003.142"),
            ("%+.1f % .1f", &[F(1.0), F(1.0)], "+1.0  1.0"),
            ("%05f", &[F(inf)], "00inf"),
            ("%f %F", &[F(inf), F(-inf)], "inf -INF"),
            ("%+f", &[F(f64::NAN)], "+nan"),
            ("%f", &[F(-0.0)], "-0.000000"),
            ("%f", &[I(3)], "3.000000"),
            ("%.1f", &[F(1e300)], "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.0"),
            ("%.*f", &[I(2), F(3.14159)], "3.14"),
            ("%f", &[S("a")], "!TypeError: must be real number, not str"),
            ("%.*f", &[I(200000000), F(1.0)], "!MemoryError: "),
        ];
        for &(fmt, args, want) in cases {
            assert_eq!(run(fmt, args), want, "{fmt:?}");
        }
    }

    #[test]
    fn strs_chars_and_syntax() {
        let cases: &[(&str, &[A], &str)] = &[
            ("", &[], ""),
            ("abc", &[], "abc"),
            ("100%%", &[], "100%"),
            ("%s and %s", &[S("x"), S("y")], "x and y"),
            ("%5s|%-5s|", &[S("ab"), S("ab")], "   ab|ab   |"),
            ("%.2s", &[S("abc")], "ab"),
            ("%5.1s|", &[S("abc")], "    a|"),
            ("% 5s", &[S("a")], "    a"),
            ("%+s", &[S("a")], "a"),
            ("%05s", &[S("a")], "    a"),
            ("%r", &[S("a")], "'a'"),
            ("%.2r", &[S("a")], "'a"),
            ("%s", &[I(5)], "5"),
            ("%c", &[I(65)], "A"),
            ("%c", &[S("é")], "é"),
            ("%3c|%-3c|", &[I(65), I(66)], "  A|B  |"),
            ("%.0c", &[S("a")], "a"),
            ("%05c", &[S("a")], "    a"),
            (
                "%c",
                &[I(-1)],
                "!OverflowError: %c arg not in range(0x110000)",
            ),
            (
                "%c",
                &[I(0x110000)],
                "!OverflowError: %c arg not in range(0x110000)",
            ),
            ("%c", &[S("ab")], "!TypeError: %c requires int or char"),
            ("%c", &[F(1.5)], "!TypeError: %c requires int or char"),
            ("%", &[], "!ValueError: incomplete format"),
            ("abc%", &[I(1)], "!ValueError: incomplete format"),
            ("%5", &[I(1)], "!ValueError: incomplete format"),
            ("%.", &[I(1)], "!ValueError: incomplete format"),
            ("%.5", &[I(1)], "!ValueError: incomplete format"),
            ("%-", &[I(1)], "!ValueError: incomplete format"),
            ("%h", &[I(1)], "!ValueError: incomplete format"),
            (
                "%y",
                &[I(1)],
                "!ValueError: unsupported format character 'y' (0x79) at index 1",
            ),
            (
                "abc %y",
                &[I(1)],
                "!ValueError: unsupported format character 'y' (0x79) at index 5",
            ),
            (
                "é%é",
                &[I(1)],
                "!ValueError: unsupported format character '?' (0xe9) at index 2",
            ),
            (
                "%\n",
                &[I(1)],
                "!ValueError: unsupported format character '?' (0xa) at index 1",
            ),
            (
                "%y",
                &[],
                "!TypeError: not enough arguments for format string",
            ),
            (
                "% %",
                &[],
                "!TypeError: not enough arguments for format string",
            ),
            (
                "%5.1%",
                &[],
                "!TypeError: not enough arguments for format string",
            ),
            (
                "%5.1%",
                &[I(1)],
                "!ValueError: unsupported format character '%' (0x25) at index 4",
            ),
            // Error precedence: CPython meets errors in order.
            (
                "%y %",
                &[I(1)],
                "!ValueError: unsupported format character 'y' (0x79) at index 1",
            ),
            (
                "%d %",
                &[S("a")],
                "!TypeError: %d format: a real number is required, not str",
            ),
            ("%d %", &[I(1)], "!ValueError: incomplete format"),
            ("%(a", &[I(1)], "!TypeError: format requires a mapping"),
            ("%(a)s", &[I(1)], "!TypeError: format requires a mapping"),
            (
                "%*",
                &[],
                "!TypeError: not enough arguments for format string",
            ),
            ("%*", &[I(1)], "!ValueError: incomplete format"),
            ("%.*", &[S("a")], "!TypeError: * wants int"),
            (
                "%*.*",
                &[I(1)],
                "!TypeError: not enough arguments for format string",
            ),
            (
                "%d %99999999999999999999d",
                &[],
                "!TypeError: not enough arguments for format string",
            ),
            (
                "%*99999999999999999999d",
                &[I(1)],
                "!TypeError: not enough arguments for format string",
            ),
            (
                "%*99999999999999999999d",
                &[I(1), I(2)],
                "!ValueError: unsupported format character '9' (0x39) at index 2",
            ),
        ];
        for &(fmt, args, want) in cases {
            assert_eq!(run(fmt, args), want, "{fmt:?}");
        }
    }

    #[test]
    fn keys() {
        let p = parse_percent("%(a(b))s-%(x)5.2f%%").unwrap();
        assert_eq!(p.len(), 4);
        let PctPiece::Conv(c) = &p[0] else { panic!() };
        assert_eq!(c.key.as_deref(), Some("a(b)"));
        assert_eq!(c.conv, 's');
        assert_eq!(p[1], PctPiece::Literal("-".into()));
        let PctPiece::Conv(c) = &p[2] else { panic!() };
        assert_eq!(
            (c.key.as_deref(), c.width, c.prec, c.conv),
            (Some("x"), PctNum::Num(5), PctNum::Num(2), 'f')
        );
        assert_eq!(p[3], PctPiece::Literal("%".into()));
        assert_eq!(
            parse_percent("%(a").unwrap_err().msg,
            "incomplete format key"
        );
        assert_eq!(parse_percent("%(a)").unwrap_err().msg, "incomplete format");
        let PctPiece::Conv(c) = &parse_percent("%(a)%").unwrap()[0] else {
            panic!()
        };
        // python3: "%(a)%" % {"a": 1} -> unsupported format character '%' (0x25) at index 4
        assert_eq!(
            c.kind().unwrap_err().msg,
            "unsupported format character '%' (0x25) at index 4"
        );
    }
}
