//! Indexing and slicing by code point: `s[i]`, `slice.indices` and `s[a:b:c]`.

use super::{byte_range, count_chars, TextError, TextResult};

/// `s[i]` for `0 <= i`: the code point at index `i`, or `None` when out of
/// range.  (Negative indices are the caller's: add `char_len(s)` first.)
/// O(i) unless the prefix is ASCII, which is checked quickly.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    let b = s.as_bytes();
    if i < b.len() && b[..=i].is_ascii() {
        return Some(b[i] as char);
    }
    s.chars().nth(i)
}

/// [`char_at`] when the caller already knows whether `s` is ASCII, making
/// ASCII indexing O(1).  A wrong `is_ascii` gives a wrong char, never a panic.
pub fn char_at_hint(s: &str, i: usize, is_ascii: bool) -> Option<char> {
    if is_ascii {
        s.as_bytes().get(i).map(|&b| b as char)
    } else {
        s.chars().nth(i)
    }
}

/// Normalised slice bounds: what CPython's `PySlice_Unpack` +
/// `PySlice_AdjustIndices` produce for a sequence of length `len`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// Number of items the slice selects.
    pub len: usize,
}

/// Normalise `seq[start:stop:step]` for a sequence of length `len`.
/// `step == 0` is `ValueError: slice step cannot be zero`.
pub fn adjust_slice(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> TextResult<SliceIndices> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(TextError::value("slice step cannot be zero"));
    }
    // PySlice_Unpack keeps -step representable.
    let step = step.max(-i64::MAX);
    let len = len as i64;
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let adjust = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => {
                let v = v.saturating_add(len);
                if v < 0 {
                    lo
                } else {
                    v
                }
            }
            Some(v) if v >= len => hi,
            Some(v) => v,
        }
    };
    let (start, stop) = if step < 0 {
        (adjust(start, hi), adjust(stop, lo))
    } else {
        (adjust(start, lo), adjust(stop, hi))
    };
    Ok(SliceIndices {
        start,
        stop,
        step,
        len: slice_len(start, stop, step),
    })
}

fn slice_len(start: i64, stop: i64, step: i64) -> usize {
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    n as usize
}

/// `s[start:stop:step]` for indices already normalised by [`adjust_slice`]
/// (i.e. `PySlice_AdjustIndices` over `char_len(s)`): `step != 0`; for
/// `step > 0`, `0 <= start, stop <= len`; for `step < 0`,
/// `-1 <= start, stop <= len - 1`.  Out-of-contract values are clamped into
/// that domain rather than trusted, and `step == 0` yields `""`.
///
/// Tests only: it scans `s` to learn whether it is ASCII, which a str
/// object knows (`slice_chars_hint`).
#[cfg(test)]
pub fn slice_chars(s: &str, start: i64, stop: i64, step: i64) -> String {
    slice_chars_hint(s, start, stop, step, s.is_ascii())
}

/// [`slice_chars`] when the caller already knows whether `s` is ASCII.  A
/// wrong `is_ascii` gives wrong chars, never a panic.
pub fn slice_chars_hint(s: &str, start: i64, stop: i64, step: i64, is_ascii: bool) -> String {
    if step == 0 {
        return String::new();
    }
    let step = step.max(-i64::MAX);
    let len = count_chars(s, is_ascii) as i64;
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let (start, stop) = (start.clamp(lo, hi), stop.clamp(lo, hi));
    let n = slice_len(start, stop, step);
    if n == 0 {
        return String::new();
    }
    if step == 1 {
        let (bs, be) = byte_range(s, is_ascii, start as usize, stop as usize);
        if let Some(part) = s.get(bs..be) {
            return part.to_owned();
        }
        return s.chars().skip(start as usize).take(n).collect();
    }
    if is_ascii {
        let b = s.as_bytes();
        return (0..n as i64)
            .filter_map(|k| b.get((start + k * step) as usize).map(|&x| x as char))
            .collect();
    }
    if step > 0 {
        s.chars()
            .skip(start as usize)
            .step_by(step as usize)
            .take(n)
            .collect()
    } else {
        s.chars()
            .rev()
            .skip((len - 1 - start) as usize)
            .step_by(step.unsigned_abs() as usize)
            .take(n)
            .collect()
    }
}
