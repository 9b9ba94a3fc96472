//! `str.find`, `rfind`, `index`, `rindex`, `count`, `startswith` and `endswith`:
//! the methods that look for a substring inside a `start:end` window.

use super::{char_len, count_chars, window, TextError, TextResult, SUBSTRING_NOT_FOUND};

/// `s.find(sub, start, end)`: lowest code-point index of `sub`, or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    // The whole string (the common `s.find(x)`): no window to measure.
    if start.is_none() && end.is_none() {
        return match find_bytes_pos(s, sub) {
            Some(p) => count_chars(&s[..p], s[..p].is_ascii()) as i64,
            None => -1,
        };
    }
    let Some(w) = window(s, char_len(sub), start, end) else {
        return -1;
    };
    match find_bytes_pos(w.hay, sub) {
        Some(p) => (w.offset + count_chars(&w.hay[..p], w.ascii)) as i64,
        None => -1,
    }
}

/// Byte position of `sub` in `hay`. A one-byte needle is ASCII, so a plain byte
/// scan (memchr) finds it at a char boundary; that is much faster than the
/// general two-way searcher for the common `s.find("x")`.
fn find_bytes_pos(hay: &str, sub: &str) -> Option<usize> {
    if sub.len() == 1 {
        let b = sub.as_bytes()[0];
        return hay.as_bytes().iter().position(|&x| x == b);
    }
    hay.find(sub)
}

/// `s.rfind(sub, start, end)`: highest code-point index of `sub`, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some(w) = window(s, char_len(sub), start, end) else {
        return -1;
    };
    match w.hay.rfind(sub) {
        Some(p) => (w.offset + count_chars(&w.hay[..p], w.ascii)) as i64,
        None => -1,
    }
}

/// `s.index(sub, start, end)`: like [`find`] but `ValueError: substring not found`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TextResult<usize> {
    match find(s, sub, start, end) {
        -1 => Err(TextError::value(SUBSTRING_NOT_FOUND)),
        i => Ok(i as usize),
    }
}

/// `s.rindex(sub, start, end)`: like [`rfind`] but `ValueError: substring not found`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TextResult<usize> {
    match rfind(s, sub, start, end) {
        -1 => Err(TextError::value(SUBSTRING_NOT_FOUND)),
        i => Ok(i as usize),
    }
}

/// `s.count(sub, start, end)`: non-overlapping occurrences; an empty `sub`
/// matches between every pair of code points and at both ends.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let Some(w) = window(s, char_len(sub), start, end) else {
        return 0;
    };
    if sub.is_empty() {
        return count_chars(w.hay, w.ascii) + 1;
    }
    w.hay.matches(sub).count()
}

/// `s.startswith(prefix, start, end)` for one prefix (a tuple is the caller's
/// loop).
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    // The whole string: a plain prefix test (an empty prefix matches).
    if start.is_none() && end.is_none() {
        return s.starts_with(prefix);
    }
    // CPython's tailmatch: `end - len(prefix) < start` is False even for an
    // empty prefix, which makes `'abc'.startswith('', 4)` False.
    match window(s, char_len(prefix), start, end) {
        Some(w) => w.hay.starts_with(prefix),
        None => false,
    }
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    if start.is_none() && end.is_none() {
        return s.ends_with(suffix);
    }
    match window(s, char_len(suffix), start, end) {
        Some(w) => w.hay.ends_with(suffix),
        None => false,
    }
}
