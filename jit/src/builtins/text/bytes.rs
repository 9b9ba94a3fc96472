//! `bytes`/`bytearray` methods with byte indices and ASCII-only character
//! classes (CPython's Py_ISSPACE etc.).  Results borrow from the input where
//! Python would return slices of it.
//!
//! Separate from the `str` files because nothing here needs code-point
//! indices or the Unicode tables.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::pad::expanded_len;
use super::replace::replaced_len;
use super::split::max_count;
use super::{
    adjust_indices, alloc_bytes, TextError, TextResult, EMPTY_SEPARATOR, SUBSECTION_NOT_FOUND,
};

/// `Py_ISSPACE`: space, `\t`, `\n`, `\v`, `\f`, `\r` (Rust's
/// `u8::is_ascii_whitespace` lacks `\v`).
pub fn byte_is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn bytes_find_raw(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    let last_start = hay.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        // Jump to the next candidate first byte, then compare the rest.
        i += hay[i..=last_start].iter().position(|&b| b == first)?;
        if &hay[i..i + needle.len()] == needle {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn bytes_rfind_raw(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    if needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    let mut end = hay.len() - needle.len() + 1;
    while end > 0 {
        let i = hay[..end].iter().rposition(|&b| b == first)?;
        if &hay[i..i + needle.len()] == needle {
            return Some(i);
        }
        end = i;
    }
    None
}

/// `b[start:end]` for the search methods, with its offset, or `None` when it
/// is shorter than the needle.
fn bytes_window(
    b: &[u8],
    needle_len: usize,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<(&[u8], usize)> {
    let (start, end) = adjust_indices(start, end, b.len());
    if end - start < needle_len as i64 {
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    Some((&b[start..end], start))
}

/// `b.find(sub, start, end)`, byte indices.
pub fn bytes_find(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    bytes_window(b, sub.len(), start, end)
        .and_then(|(hay, off)| bytes_find_raw(hay, sub).map(|p| (off + p) as i64))
        .unwrap_or(-1)
}

/// `b.rfind(sub, start, end)`.
pub fn bytes_rfind(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    bytes_window(b, sub.len(), start, end)
        .and_then(|(hay, off)| bytes_rfind_raw(hay, sub).map(|p| (off + p) as i64))
        .unwrap_or(-1)
}

/// `b.index(sub, start, end)`: `ValueError: subsection not found`.
pub fn bytes_index(
    b: &[u8],
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
) -> TextResult<usize> {
    match bytes_find(b, sub, start, end) {
        -1 => Err(TextError::value(SUBSECTION_NOT_FOUND)),
        i => Ok(i as usize),
    }
}

/// `b.rindex(sub, start, end)`: `ValueError: subsection not found`.
pub fn bytes_rindex(
    b: &[u8],
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
) -> TextResult<usize> {
    match bytes_rfind(b, sub, start, end) {
        -1 => Err(TextError::value(SUBSECTION_NOT_FOUND)),
        i => Ok(i as usize),
    }
}

/// `b.count(sub, start, end)`: non-overlapping occurrences.
pub fn bytes_count(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> usize {
    let Some((mut hay, _)) = bytes_window(b, sub.len(), start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    while let Some(p) = bytes_find_raw(hay, sub) {
        n += 1;
        hay = &hay[p + sub.len()..];
    }
    n
}

/// `b.startswith(prefix, start, end)` for one prefix.
pub fn bytes_startswith(b: &[u8], prefix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    bytes_window(b, prefix.len(), start, end).is_some_and(|(hay, _)| hay.starts_with(prefix))
}

/// `b.endswith(suffix, start, end)` for one suffix.
pub fn bytes_endswith(b: &[u8], suffix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    bytes_window(b, suffix.len(), start, end).is_some_and(|(hay, _)| hay.ends_with(suffix))
}

pub(super) fn trim_start_bytes(b: &[u8], pred: impl Fn(u8) -> bool) -> &[u8] {
    let n = b.iter().take_while(|&&x| pred(x)).count();
    &b[n..]
}

pub(super) fn trim_end_bytes(b: &[u8], pred: impl Fn(u8) -> bool) -> &[u8] {
    let n = b.iter().rev().take_while(|&&x| pred(x)).count();
    &b[..b.len() - n]
}

/// `b.split(sep, maxsplit)`; `None` splits on ASCII whitespace runs.
pub fn bytes_split<'a>(
    b: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: i64,
) -> TextResult<Vec<&'a [u8]>> {
    let mut left = max_count(maxsplit);
    let mut out = Vec::new();
    let Some(sep) = sep else {
        let mut rest = trim_start_bytes(b, byte_is_space);
        while left > 0 && !rest.is_empty() {
            let word = rest
                .iter()
                .position(|&x| byte_is_space(x))
                .unwrap_or(rest.len());
            out.push(&rest[..word]);
            rest = trim_start_bytes(&rest[word..], byte_is_space);
            left -= 1;
        }
        if !rest.is_empty() {
            out.push(rest);
        }
        return Ok(out);
    };
    if sep.is_empty() {
        return Err(TextError::value(EMPTY_SEPARATOR));
    }
    let mut rest = b;
    while left > 0 {
        let Some(p) = bytes_find_raw(rest, sep) else {
            break;
        };
        out.push(&rest[..p]);
        rest = &rest[p + sep.len()..];
        left -= 1;
    }
    out.push(rest);
    Ok(out)
}

/// `b.rsplit(sep, maxsplit)`.
pub fn bytes_rsplit<'a>(
    b: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: i64,
) -> TextResult<Vec<&'a [u8]>> {
    let mut left = max_count(maxsplit);
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = trim_end_bytes(b, byte_is_space);
            while left > 0 && !rest.is_empty() {
                let word = rest
                    .iter()
                    .rposition(|&x| byte_is_space(x))
                    .map_or(0, |p| p + 1);
                out.push(&rest[word..]);
                rest = trim_end_bytes(&rest[..word], byte_is_space);
                left -= 1;
            }
            if !rest.is_empty() {
                out.push(rest);
            }
        }
        Some(sep) => {
            if sep.is_empty() {
                return Err(TextError::value(EMPTY_SEPARATOR));
            }
            let mut rest = b;
            while left > 0 {
                let Some(p) = bytes_rfind_raw(rest, sep) else {
                    break;
                };
                out.push(&rest[p + sep.len()..]);
                rest = &rest[..p];
                left -= 1;
            }
            out.push(rest);
        }
    }
    out.reverse();
    Ok(out)
}

/// `b.splitlines(keepends)`: only `\n`, `\r` and `\r\n` end lines in bytes.
pub fn bytes_splitlines(b: &[u8], keepends: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let (mut i, mut line_start) = (0, 0);
    while i < b.len() {
        let c = b[i];
        if c != b'\n' && c != b'\r' {
            i += 1;
            continue;
        }
        let eol = if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
        out.push(&b[line_start..if keepends { eol } else { i }]);
        line_start = eol;
        i = eol;
    }
    if line_start < b.len() {
        out.push(&b[line_start..]);
    }
    out
}

fn byte_set(chars: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    for &c in chars {
        set[c as usize] = true;
    }
    set
}

/// `b.strip(chars)`; `None` strips ASCII whitespace.
pub fn bytes_strip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    bytes_rstrip(bytes_lstrip(b, chars), chars)
}

/// `b.lstrip(chars)`.
pub fn bytes_lstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    match chars {
        None => trim_start_bytes(b, byte_is_space),
        Some(cs) => {
            let set = byte_set(cs);
            trim_start_bytes(b, |x| set[x as usize])
        }
    }
}

/// `b.rstrip(chars)`.
pub fn bytes_rstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    match chars {
        None => trim_end_bytes(b, byte_is_space),
        Some(cs) => {
            let set = byte_set(cs);
            trim_end_bytes(b, |x| set[x as usize])
        }
    }
}

/// `b.partition(sep)`.
pub fn bytes_partition<'a>(b: &'a [u8], sep: &[u8]) -> TextResult<(&'a [u8], &'a [u8], &'a [u8])> {
    if sep.is_empty() {
        return Err(TextError::value(EMPTY_SEPARATOR));
    }
    Ok(match bytes_find_raw(b, sep) {
        Some(p) => (&b[..p], &b[p..p + sep.len()], &b[p + sep.len()..]),
        None => (b, &b[b.len()..], &b[b.len()..]),
    })
}

/// `b.rpartition(sep)`.
pub fn bytes_rpartition<'a>(b: &'a [u8], sep: &[u8]) -> TextResult<(&'a [u8], &'a [u8], &'a [u8])> {
    if sep.is_empty() {
        return Err(TextError::value(EMPTY_SEPARATOR));
    }
    Ok(match bytes_rfind_raw(b, sep) {
        Some(p) => (&b[..p], &b[p..p + sep.len()], &b[p + sep.len()..]),
        None => (&b[..0], &b[..0], b),
    })
}

/// `b.removeprefix(prefix)`.
pub fn bytes_removeprefix<'a>(b: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    b.strip_prefix(prefix).unwrap_or(b)
}

/// `b.removesuffix(suffix)`.
pub fn bytes_removesuffix<'a>(b: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    b.strip_suffix(suffix).unwrap_or(b)
}

/// `b.replace(old, new, count)`; same rules as [`replace`](super::replace()), byte-wise.
pub fn bytes_replace<'a>(
    b: &'a [u8],
    old: &[u8],
    new: &[u8],
    count: i64,
) -> TextResult<Cow<'a, [u8]>> {
    let maxcount = max_count(count);
    if maxcount == 0 || old == new || b.len() < old.len() {
        return Ok(Cow::Borrowed(b));
    }
    let too_long = |_| TextError::overflow("replace bytes is too long");
    if old.is_empty() {
        let n = b.len().saturating_add(1).min(maxcount);
        let size = replaced_len(b.len(), n, 0, new.len()).map_err(too_long)?;
        let mut out = alloc_bytes(size)?;
        for k in 0..n {
            out.extend_from_slice(new);
            if let Some(&x) = b.get(k) {
                out.push(x);
            }
        }
        out.extend_from_slice(b.get(n..).unwrap_or(&[]));
        return Ok(Cow::Owned(out));
    }
    let mut positions = Vec::new();
    let mut from = 0;
    while positions.len() < maxcount {
        let Some(p) = bytes_find_raw(&b[from..], old) else {
            break;
        };
        positions.push(from + p);
        from += p + old.len();
    }
    if positions.is_empty() {
        return Ok(Cow::Borrowed(b));
    }
    let size = replaced_len(b.len(), positions.len(), old.len(), new.len()).map_err(too_long)?;
    let mut out = alloc_bytes(size)?;
    let mut last = 0;
    for p in positions {
        out.extend_from_slice(&b[last..p]);
        out.extend_from_slice(new);
        last = p + old.len();
    }
    out.extend_from_slice(&b[last..]);
    Ok(Cow::Owned(out))
}

/// `b.upper()` (ASCII letters only).
pub fn bytes_upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}

/// `b.lower()` (ASCII letters only).
pub fn bytes_lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}

/// `b.swapcase()`.
pub fn bytes_swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&x| if x.is_ascii_alphabetic() { x ^ 0x20 } else { x })
        .collect()
}

/// `b.capitalize()`: first byte uppercased, the rest lowercased.
pub fn bytes_capitalize(b: &[u8]) -> Vec<u8> {
    b.iter()
        .enumerate()
        .map(|(i, x)| {
            if i == 0 {
                x.to_ascii_uppercase()
            } else {
                x.to_ascii_lowercase()
            }
        })
        .collect()
}

/// `b.title()`.
pub fn bytes_title(b: &[u8]) -> Vec<u8> {
    let mut previous_is_cased = false;
    b.iter()
        .map(|&x| {
            let y = if previous_is_cased {
                x.to_ascii_lowercase()
            } else {
                x.to_ascii_uppercase()
            };
            previous_is_cased = x.is_ascii_alphabetic();
            y
        })
        .collect()
}

/// `b.isdigit()` (False for `b""`).
pub fn bytes_isdigit(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(u8::is_ascii_digit)
}

/// `b.isalpha()`.
pub fn bytes_isalpha(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)
}

/// `b.isalnum()`.
pub fn bytes_isalnum(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)
}

/// `b.isspace()`.
pub fn bytes_isspace(b: &[u8]) -> bool {
    !b.is_empty() && b.iter().all(|&x| byte_is_space(x))
}

/// `b.isascii()` (True for `b""`).
pub fn bytes_isascii(b: &[u8]) -> bool {
    b.is_ascii()
}

/// `b.isupper()`.
pub fn bytes_isupper(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
}

/// `b.islower()`.
pub fn bytes_islower(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
}

/// `b.istitle()`.
pub fn bytes_istitle(b: &[u8]) -> bool {
    let (mut cased, mut previous_is_cased) = (false, false);
    for &x in b {
        if x.is_ascii_uppercase() {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if x.is_ascii_lowercase() {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

fn bytes_pad(b: &[u8], left: usize, right: usize, fill: u8) -> TextResult<Vec<u8>> {
    let size = left
        .checked_add(right)
        .and_then(|n| n.checked_add(b.len()))
        .ok_or_else(TextError::memory)?;
    let mut out = alloc_bytes(size)?;
    out.resize(left, fill);
    out.extend_from_slice(b);
    out.resize(size, fill);
    Ok(out)
}

fn bytes_margin(b: &[u8], width: i64) -> Option<usize> {
    let len = b.len() as i64;
    if width <= len {
        None
    } else {
        usize::try_from(width - len).ok()
    }
}

/// `b.center(width, fill)`.  (The one-byte check of `fill` is the caller's:
/// `center() argument 2 must be a byte string of length 1, not bytes`.)
pub fn bytes_center(b: &[u8], width: i64, fill: u8) -> TextResult<Cow<'_, [u8]>> {
    let Some(marg) = bytes_margin(b, width) else {
        return Ok(Cow::Borrowed(b));
    };
    let left = marg / 2 + (marg & (width as usize) & 1);
    bytes_pad(b, left, marg - left, fill).map(Cow::Owned)
}

/// `b.ljust(width, fill)`.
pub fn bytes_ljust(b: &[u8], width: i64, fill: u8) -> TextResult<Cow<'_, [u8]>> {
    let Some(marg) = bytes_margin(b, width) else {
        return Ok(Cow::Borrowed(b));
    };
    bytes_pad(b, 0, marg, fill).map(Cow::Owned)
}

/// `b.rjust(width, fill)`.
pub fn bytes_rjust(b: &[u8], width: i64, fill: u8) -> TextResult<Cow<'_, [u8]>> {
    let Some(marg) = bytes_margin(b, width) else {
        return Ok(Cow::Borrowed(b));
    };
    bytes_pad(b, marg, 0, fill).map(Cow::Owned)
}

/// `b.zfill(width)`.
pub fn bytes_zfill(b: &[u8], width: i64) -> TextResult<Cow<'_, [u8]>> {
    let Some(marg) = bytes_margin(b, width) else {
        return Ok(Cow::Borrowed(b));
    };
    let mut out = bytes_pad(b, marg, 0, b'0')?;
    if let Some(&sign @ (b'+' | b'-')) = b.first() {
        out[0] = sign;
        out[marg] = b'0';
    }
    Ok(Cow::Owned(out))
}

/// `b.expandtabs(tabsize)`; see [`expandtabs`](super::expandtabs()).
pub fn bytes_expandtabs(b: &[u8], tabsize: i32) -> TextResult<Cow<'_, [u8]>> {
    let is_newline = |x: u8| x == b'\n' || x == b'\r';
    let Some(size) = expanded_len(b.iter().copied(), tabsize, |x| x == b'\t', is_newline)? else {
        return Ok(Cow::Borrowed(b));
    };
    let mut out = alloc_bytes(size)?;
    let mut line_pos = 0usize;
    for &x in b {
        if x == b'\t' {
            if tabsize > 0 {
                let ts = tabsize as usize;
                let incr = ts - line_pos % ts;
                line_pos += incr;
                out.resize(out.len() + incr, b' ');
            }
        } else {
            out.push(x);
            line_pos += 1;
            if is_newline(x) {
                line_pos = 0;
            }
        }
    }
    Ok(Cow::Owned(out))
}

/// `repr(b)` for bytes: `b'...'`, double quotes only when the data has a `'`
/// and no `"`, `\t \n \r \\` and the quote escaped, other bytes outside
/// 0x20..0x7e as `\xNN`.
pub fn repr_bytes(b: &[u8]) -> String {
    repr_bytes_impl(b, false)
}

/// `repr(bytearray(b))`: `bytearray(b'...')`.  Unlike bytes, CPython's
/// bytearray repr escapes `'` even inside double quotes:
/// `bytearray(b"it\'s")`.
pub fn repr_bytearray(b: &[u8]) -> String {
    format!("bytearray({})", repr_bytes_impl(b, true))
}

fn repr_bytes_impl(b: &[u8], always_escape_single: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if x == quote || (always_escape_single && x == b'\'') => {
                out.push('\\');
                out.push(x as char);
            }
            0x20..=0x7e => out.push(x as char),
            _ => {
                let _ = write!(out, "\\x{x:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}
