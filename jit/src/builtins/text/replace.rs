//! `str.replace`, kept apart for its output-size check (`OverflowError` and
//! `MemoryError` before anything is built).

use std::borrow::Cow;

use super::split::max_count;
use super::{alloc_string, char_len, TextError, TextResult};

/// Size of a replace result, or CPython's OverflowError.
pub(super) fn replaced_len(
    len: usize,
    n: usize,
    old_len: usize,
    new_len: usize,
) -> TextResult<usize> {
    let too_long = || TextError::overflow("replace string is too long");
    let removed = n.checked_mul(old_len).ok_or_else(too_long)?;
    let added = n.checked_mul(new_len).ok_or_else(too_long)?;
    let total = (len - removed).checked_add(added).ok_or_else(too_long)?;
    if total > isize::MAX as usize {
        return Err(too_long());
    }
    Ok(total)
}

/// `s.replace(old, new, count)`; a negative `count` replaces all.  An empty
/// `old` inserts `new` before every code point and at the end.  Returns
/// `Cow::Borrowed(s)` when CPython would return `s` itself.
pub fn replace<'a>(s: &'a str, old: &str, new: &str, count: i64) -> TextResult<Cow<'a, str>> {
    let maxcount = max_count(count);
    if maxcount == 0 || old == new || s.len() < old.len() {
        return Ok(Cow::Borrowed(s));
    }
    if old.is_empty() {
        let n = char_len(s).saturating_add(1).min(maxcount);
        let mut out = alloc_string(replaced_len(s.len(), n, 0, new.len())?)?;
        let mut chars = s.chars();
        for _ in 0..n {
            out.push_str(new);
            if let Some(c) = chars.next() {
                out.push(c);
            }
        }
        out.push_str(chars.as_str());
        return Ok(Cow::Owned(out));
    }
    // Count first so that the result can be reserved (or refused) up front.
    // A one-byte `old` is an ASCII char: char patterns search with memchr.
    let single = if old.len() == 1 {
        Some(old.as_bytes()[0] as char)
    } else {
        None
    };
    let n = match single {
        Some(c) => s.matches(c).take(maxcount).count(),
        None => s.matches(old).take(maxcount).count(),
    };
    if n == 0 {
        return Ok(Cow::Borrowed(s));
    }
    let mut out = alloc_string(replaced_len(s.len(), n, old.len(), new.len())?)?;
    let mut last = 0;
    let positions: Vec<usize> = match single {
        Some(c) => s.match_indices(c).take(n).map(|(p, _)| p).collect(),
        None => s.match_indices(old).take(n).map(|(p, _)| p).collect(),
    };
    for p in positions {
        out.push_str(&s[last..p]);
        out.push_str(new);
        last = p + old.len();
    }
    out.push_str(&s[last..]);
    Ok(Cow::Owned(out))
}
