//! Python 3.11 `str` and `bytes` semantics as pure functions over `&str` and
//! `&[u8]`.
//!
//! Nothing here touches the VM: the caller converts Python arguments into the
//! plain Rust types below, calls one of these functions and turns a
//! [`TextError`] into the matching Python exception.  Every behaviour (index
//! clamping, the corner cases of empty separators and empty needles, the exact
//! exception messages) follows CPython 3.11, and the tests in `tests/` were
//! produced by running the same expressions through `python3.11`.
//!
//! # Indices
//!
//! Python indexes strings by code point, Rust by byte.  Every `start`/`end`/
//! index argument and result of the `str` functions is a code-point index; the
//! functions translate to byte offsets internally and only ever slice at char
//! boundaries, so no input can make them panic.  ASCII strings (the common
//! case) take fast paths where byte and code-point indices coincide.  The
//! `bytes_*` functions use byte indices, as Python does for `bytes`.
//!
//! Index arguments are `Option<i64>`: `None` is an omitted argument (or
//! `None`).  Python ints that do not fit in an `i64` should be clamped to
//! `i64::MIN`/`i64::MAX` by the caller, which is what CPython's
//! `_PyEval_SliceIndex` does with `Py_ssize_t`.
//!
//! # Unicode data
//!
//! CPython 3.11 ships the Unicode 14.0 database.  General categories come from
//! the `unicode-general-category` 0.5 crate, which is generated from exactly
//! that version.  Case mappings and the `Lowercase`/`Uppercase` properties come
//! from Rust's `char` methods (a newer Unicode version), restricted to code
//! points that were already assigned in 14.0 so that characters added later
//! behave as unassigned ones do in CPython 3.11.  The few properties neither
//! source provides (numeric types, titlecase and case-folding exceptions,
//! `XID_Start`/`XID_Continue` adjustments) are small tables generated from
//! CPython 3.11's `unicodedata`, and all of it was checked against CPython for
//! every code point.
//!
//! # Memory
//!
//! Functions whose output size is chosen by an integer argument (`center`,
//! `zfill`, `replace`, `expandtabs`, ...) reserve their output with
//! `try_reserve`, so an absurd width becomes a `MemoryError` as in CPython
//! instead of aborting the process.
//!
//! # Layout
//!
//! This file holds the error types and the index helpers every `str` function
//! shares; each concern has its own file, re-exported here so callers write
//! `text::NAME`: `unicode` (character properties and case mappings),
//! `search`, `split`, `replace`, `case`, `predicates`, `pad`, `slice`,
//! `repr`, `bytes` (all of the above for `bytes`) and `parse_num` (`int()` and
//! `float()` from text).

use std::fmt;

mod bytes;
mod case;
mod pad;
mod parse_num;
mod predicates;
mod replace;
mod repr;
mod search;
mod slice;
mod split;
#[cfg(test)]
mod tests;
mod unicode;

pub use bytes::*;
pub use case::*;
pub use pad::*;
pub use parse_num::*;
pub use predicates::*;
pub use replace::*;
pub use repr::*;
pub use search::*;
pub use slice::*;
pub use split::*;
pub use unicode::*;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// The Python exception class a [`TextError`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextErrKind {
    ValueError,
    TypeError,
    /// Only for results whose length would overflow `Py_ssize_t`.
    OverflowError,
    /// An integer argument asked for more memory than can be allocated; the
    /// message is empty, as CPython's `MemoryError()` is.
    MemoryError,
}

/// A Python exception to raise: its class and CPython's exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub kind: TextErrKind,
    pub msg: String,
}

impl TextError {
    fn value(msg: impl Into<String>) -> Self {
        TextError {
            kind: TextErrKind::ValueError,
            msg: msg.into(),
        }
    }

    fn type_error(msg: impl Into<String>) -> Self {
        TextError {
            kind: TextErrKind::TypeError,
            msg: msg.into(),
        }
    }

    fn overflow(msg: impl Into<String>) -> Self {
        TextError {
            kind: TextErrKind::OverflowError,
            msg: msg.into(),
        }
    }

    fn memory() -> Self {
        TextError {
            kind: TextErrKind::MemoryError,
            msg: String::new(),
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for TextError {}

/// Shorthand for results of this module.
pub type TextResult<T> = Result<T, TextError>;

const SUBSTRING_NOT_FOUND: &str = "substring not found";
const SUBSECTION_NOT_FOUND: &str = "subsection not found";
const EMPTY_SEPARATOR: &str = "empty separator";
const FILL_CHAR_LEN: &str = "The fill character must be exactly one character long";

/// An empty `String` with room for `bytes` bytes, or `MemoryError`.
///
/// Used where the size comes from a Python integer, so that `'a'.center(2**62)`
/// raises instead of aborting on allocation failure.
fn alloc_string(bytes: usize) -> TextResult<String> {
    let mut s = String::new();
    s.try_reserve_exact(bytes)
        .map_err(|_| TextError::memory())?;
    Ok(s)
}

/// The `Vec<u8>` counterpart of [`alloc_string`].
fn alloc_bytes(bytes: usize) -> TextResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(bytes)
        .map_err(|_| TextError::memory())?;
    Ok(v)
}

// ---------------------------------------------------------------------------
// Index helpers
// ---------------------------------------------------------------------------

/// Length of `s` in code points (Python's `len(s)`).
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point `ci` in `s`, or `s.len()` when `ci >= char_len(s)`.
pub fn char_to_byte(s: &str, ci: usize) -> usize {
    if ci >= s.len() {
        return s.len();
    }
    if s.as_bytes()[..ci].is_ascii() {
        // All chars before `ci` are one byte long, so `ci` is a char boundary.
        return ci;
    }
    s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
}

/// CPython's `ADJUST_INDICES`: clamp `end` to `[0, len]` and `start` to
/// `[0, ∞)`, counting negative values from the end.  `start` may stay above
/// `len`; the callers treat that as "nothing there".
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(i64::MAX);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = end.saturating_add(len).max(0);
    }
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    (start, end)
}

/// Byte range of the code points `start..end` (`start <= end <= char_len`).
fn byte_range(s: &str, ascii: bool, start: usize, end: usize) -> (usize, usize) {
    if ascii {
        return (start.min(s.len()), end.min(s.len()));
    }
    let (mut bs, mut be) = (s.len(), s.len());
    for (ci, (bi, _)) in s.char_indices().enumerate() {
        if ci == start {
            bs = bi;
        }
        if ci == end {
            be = bi;
            break;
        }
    }
    (bs, be)
}

/// Code points in `s`, using the ASCII knowledge when available.
fn count_chars(s: &str, ascii: bool) -> usize {
    if ascii {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The part of `s` that `s[start:end]` denotes for the search methods, with
/// its code-point offset; `None` when it is shorter than `needle_chars`
/// (CPython's `if (end - start < len2) return -1`).
struct Window<'a> {
    hay: &'a str,
    /// Code-point index of `hay` within the original string.
    offset: usize,
    ascii: bool,
}

fn window<'a>(
    s: &'a str,
    needle_chars: usize,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<Window<'a>> {
    let ascii = s.is_ascii();
    let len = count_chars(s, ascii);
    let (start, end) = adjust_indices(start, end, len);
    if end - start < needle_chars as i64 {
        return None;
    }
    // Now 0 <= start <= end <= len.
    let (start, end) = (start as usize, end as usize);
    let (bs, be) = if start == 0 && end == len {
        (0, s.len())
    } else {
        byte_range(s, ascii, start, end)
    };
    Some(Window {
        hay: &s[bs..be],
        offset: start,
        ascii,
    })
}
