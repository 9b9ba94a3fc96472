//! `repr()` and `ascii()` of strings, with CPython's quoting and escapes.

use std::fmt::Write as _;

use super::unicode::char_is_printable;

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, lowercase hex, as CPython writes them.
fn push_hex_escape(out: &mut String, u: u32) {
    let _ = if u <= 0xff {
        write!(out, "\\x{u:02x}")
    } else if u <= 0xffff {
        write!(out, "\\u{u:04x}")
    } else {
        write!(out, "\\U{u:08x}")
    };
}

/// `repr(s)` exactly as CPython writes it: quote choice, `\\ \n \r \t`,
/// `\xNN` for other control chars and DEL, non-printable non-ASCII as
/// `\xNN`/`\uNNNN`/`\UNNNNNNNN`, printable non-ASCII kept.
pub fn repr_str(s: &str) -> String {
    // Single quotes unless the text has a ' and no ".
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ if !c.is_ascii() && char_is_printable(c) => out.push(c),
            _ => push_hex_escape(&mut out, c as u32),
        }
    }
    out.push(quote);
    out
}

/// `ascii(obj)` given `repr(obj)`: every non-ASCII char of the repr escaped
/// as `\xNN`/`\uNNNN`/`\UNNNNNNNN` (CPython encodes the repr with
/// `backslashreplace`).  For a str, `ascii_repr(&repr_str(s))` is `ascii(s)`.
pub fn ascii_repr(repr: &str) -> String {
    if repr.is_ascii() {
        return repr.to_owned();
    }
    let mut out = String::with_capacity(repr.len() + 8);
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_hex_escape(&mut out, c as u32);
        }
    }
    out
}
