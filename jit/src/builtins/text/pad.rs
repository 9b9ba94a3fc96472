//! Padding and tabs: `center`, `ljust`, `rjust`, `zfill` and `expandtabs`, the
//! functions whose output size comes from an integer argument (hence
//! `try_reserve`: an absurd width is a `MemoryError`, not an abort).

use std::borrow::Cow;

use super::{alloc_string, char_len, TextError, TextResult, FILL_CHAR_LEN};

/// The one char of a `fillchar` argument, or CPython's TypeError.
fn fill_char(fill: &str) -> TextResult<char> {
    let mut chars = fill.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(TextError::type_error(FILL_CHAR_LEN)),
    }
}

/// `s` with `left` and `right` copies of `fill` around it.
fn pad(s: &str, left: usize, right: usize, fill: char) -> TextResult<String> {
    let fill_bytes = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fill.len_utf8()))
        .and_then(|n| n.checked_add(s.len()))
        .ok_or_else(TextError::memory)?;
    let mut out = alloc_string(fill_bytes)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// Characters missing to reach `width`, or `None` if `s` is wide enough.
fn margin(s: &str, width: i64) -> Option<usize> {
    let len = char_len(s) as i64;
    if width <= len {
        None
    } else {
        usize::try_from(width - len).ok()
    }
}

/// `s.center(width, fillchar)`; `fill` must be exactly one char (TypeError).
/// With an odd margin the extra char goes left when `width` is odd, as in
/// CPython.
pub fn center<'a>(s: &'a str, width: i64, fill: &str) -> TextResult<Cow<'a, str>> {
    let fill = fill_char(fill)?;
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    let left = marg / 2 + (marg & (width as usize) & 1);
    pad(s, left, marg - left, fill).map(Cow::Owned)
}

/// `s.ljust(width, fillchar)`.
pub fn ljust<'a>(s: &'a str, width: i64, fill: &str) -> TextResult<Cow<'a, str>> {
    let fill = fill_char(fill)?;
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    pad(s, 0, marg, fill).map(Cow::Owned)
}

/// `s.rjust(width, fillchar)`.
pub fn rjust<'a>(s: &'a str, width: i64, fill: &str) -> TextResult<Cow<'a, str>> {
    let fill = fill_char(fill)?;
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    pad(s, marg, 0, fill).map(Cow::Owned)
}

/// `s.zfill(width)`: pad with `0` on the left, after a leading `+`/`-`.
pub fn zfill(s: &str, width: i64) -> TextResult<Cow<'_, str>> {
    let Some(marg) = margin(s, width) else {
        return Ok(Cow::Borrowed(s));
    };
    let mut out = pad(s, marg, 0, '0')?;
    if let Some(sign @ ('+' | '-')) = s.chars().next() {
        // Move the sign in front of the zeros, as CPython swaps it in place.
        out.replace_range(marg..marg + 1, "0");
        out.replace_range(0..1, if sign == '+' { "+" } else { "-" });
    }
    Ok(Cow::Owned(out))
}

/// Size of the `expandtabs` result in units (chars or bytes), or
/// OverflowError.  `is_newline` resets the column.
pub(super) fn expanded_len<T: Copy>(
    items: impl Iterator<Item = T>,
    tabsize: i32,
    is_tab: impl Fn(T) -> bool,
    is_newline: impl Fn(T) -> bool,
) -> TextResult<Option<usize>> {
    let (mut j, mut line_pos, mut found) = (0usize, 0usize, false);
    let too_long = || TextError::overflow("new string is too long");
    for x in items {
        if is_tab(x) {
            found = true;
            if tabsize > 0 {
                let ts = tabsize as usize;
                let incr = ts - line_pos % ts;
                j = j.checked_add(incr).ok_or_else(too_long)?;
                line_pos += incr;
            }
        } else {
            j = j.checked_add(1).ok_or_else(too_long)?;
            line_pos += 1;
            if is_newline(x) {
                line_pos = 0;
            }
        }
    }
    if j > isize::MAX as usize {
        return Err(too_long());
    }
    Ok(found.then_some(j))
}

/// `s.expandtabs(tabsize)`.  CPython takes `tabsize` as a C `int` (the caller
/// raises `OverflowError: Python int too large to convert to C int`); columns
/// count code points and restart after `\n` and `\r`; `tabsize <= 0` deletes
/// tabs.
pub fn expandtabs(s: &str, tabsize: i32) -> TextResult<Cow<'_, str>> {
    let is_newline = |c: char| c == '\n' || c == '\r';
    let Some(chars) = expanded_len(s.chars(), tabsize, |c| c == '\t', is_newline)? else {
        return Ok(Cow::Borrowed(s));
    };
    // `chars` counts code points; the output has the same non-tab chars as
    // `s` plus one byte per inserted space.
    let tabs = s.bytes().filter(|&b| b == b'\t').count();
    let spaces = chars - (char_len(s) - tabs);
    let mut out = alloc_string(
        (s.len() - tabs)
            .checked_add(spaces)
            .ok_or_else(TextError::memory)?,
    )?;
    let mut line_pos = 0usize;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let ts = tabsize as usize;
                let incr = ts - line_pos % ts;
                line_pos += incr;
                out.extend(std::iter::repeat_n(' ', incr));
            }
        } else {
            out.push(c);
            line_pos += 1;
            if is_newline(c) {
                line_pos = 0;
            }
        }
    }
    Ok(Cow::Owned(out))
}
