//! `str.split`, `rsplit`, `splitlines`, `strip` and friends, `partition`,
//! `rpartition`, `removeprefix` and `removesuffix`: the methods that cut a
//! string into borrowed pieces.

use super::unicode::{char_is_linebreak, char_is_space};
use super::{TextError, TextResult, EMPTY_SEPARATOR};

/// Python's `maxsplit`: negative means unlimited.
pub(super) fn max_count(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        usize::try_from(maxsplit).unwrap_or(usize::MAX)
    }
}

/// `s.split(sep, maxsplit)`.  `sep = None` splits on runs of whitespace and
/// drops empty strings; an empty `sep` is `ValueError: empty separator`.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> TextResult<Vec<&'a str>> {
    let mut left = max_count(maxsplit);
    let Some(sep) = sep else {
        return Ok(split_whitespace(s, left, char_is_space));
    };
    if sep.is_empty() {
        return Err(TextError::value(EMPTY_SEPARATOR));
    }
    let mut out = Vec::new();
    let mut rest = s;
    while left > 0 {
        let Some(p) = rest.find(sep) else { break };
        out.push(&rest[..p]);
        rest = &rest[p + sep.len()..];
        left -= 1;
    }
    out.push(rest);
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)`: splits from the right, so with a limit the
/// unsplit remainder is the first item.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> TextResult<Vec<&'a str>> {
    let mut left = max_count(maxsplit);
    let Some(sep) = sep else {
        return Ok(rsplit_whitespace(s, left, char_is_space));
    };
    if sep.is_empty() {
        return Err(TextError::value(EMPTY_SEPARATOR));
    }
    let mut out = Vec::new();
    let mut rest = s;
    while left > 0 {
        let Some(p) = rest.rfind(sep) else { break };
        out.push(&rest[p + sep.len()..]);
        rest = &rest[..p];
        left -= 1;
    }
    out.push(rest);
    out.reverse();
    Ok(out)
}

/// CPython's `split_whitespace`: after `maxcount` splits the remainder keeps
/// its trailing whitespace but loses the leading run.
fn split_whitespace(s: &str, mut left: usize, is_space: fn(char) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    while left > 0 && !rest.is_empty() {
        match rest.find(is_space) {
            Some(p) => {
                out.push(&rest[..p]);
                rest = rest[p..].trim_start_matches(is_space);
            }
            None => {
                out.push(rest);
                rest = "";
            }
        }
        left -= 1;
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

fn rsplit_whitespace(s: &str, mut left: usize, is_space: fn(char) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    while left > 0 && !rest.is_empty() {
        match rest.rfind(is_space) {
            Some(p) => {
                // `p` is the start of a whitespace char; skip that char.
                let after = p + rest[p..].chars().next().map_or(1, char::len_utf8);
                out.push(&rest[after..]);
                rest = rest[..p].trim_end_matches(is_space);
            }
            None => {
                out.push(rest);
                rest = "";
            }
        }
        left -= 1;
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out.reverse();
    out
}

/// `s.splitlines(keepends)`, with all of Python's line boundaries:
/// `\n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !char_is_linebreak(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                eol += 1;
            }
        }
        out.push(&s[line_start..if keepends { eol } else { i }]);
        line_start = eol;
    }
    if line_start < s.len() {
        out.push(&s[line_start..]);
    }
    out
}

/// Membership test for a `chars` argument of the strip family, with a table
/// for the usual all-ASCII set.
struct CharSet<'a> {
    ascii: [bool; 128],
    chars: &'a str,
    all_ascii: bool,
}

impl<'a> CharSet<'a> {
    fn new(chars: &'a str) -> Self {
        let mut ascii = [false; 128];
        for b in chars.bytes().filter(u8::is_ascii) {
            ascii[b as usize] = true;
        }
        CharSet {
            ascii,
            chars,
            all_ascii: chars.is_ascii(),
        }
    }

    fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii[c as usize]
        } else {
            !self.all_ascii && self.chars.contains(c)
        }
    }
}

/// `s.strip(chars)`; `None` strips whitespace ([`char_is_space`]).
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(char_is_space),
        Some(cs) => {
            let set = CharSet::new(cs);
            s.trim_start_matches(|c| set.contains(c))
        }
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(char_is_space),
        Some(cs) => {
            let set = CharSet::new(cs);
            s.trim_end_matches(|c| set.contains(c))
        }
    }
}

/// `s.partition(sep)`: `(before, sep, after)`, or `(s, "", "")` when absent.
pub fn partition<'a>(s: &'a str, sep: &str) -> TextResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(TextError::value(EMPTY_SEPARATOR));
    }
    Ok(match s.find(sep) {
        Some(p) => (&s[..p], &s[p..p + sep.len()], &s[p + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`: split at the last `sep`, or `("", "", s)` when absent.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> TextResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(TextError::value(EMPTY_SEPARATOR));
    }
    Ok(match s.rfind(sep) {
        Some(p) => (&s[..p], &s[p..p + sep.len()], &s[p + sep.len()..]),
        None => ("", "", s),
    })
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}
