//! The `str.is*` predicates (`isdigit`, `isupper`, `istitle`, `isidentifier`, ...)
//! over whole strings, built on the per-character properties of `unicode`.

use super::unicode::{
    char_is_alnum, char_is_alpha, char_is_decimal, char_is_digit, char_is_lower, char_is_numeric,
    char_is_printable, char_is_space, char_is_title, char_is_upper, char_is_xid_continue,
    char_is_xid_start,
};

/// `s.isdigit()` (False for `""`).
pub fn isdigit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_is_digit)
}

/// `s.isdecimal()` (False for `""`).
pub fn isdecimal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_is_decimal)
}

/// `s.isnumeric()` (False for `""`).
pub fn isnumeric(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_is_numeric)
}

/// `s.isalpha()` (False for `""`).
pub fn isalpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_is_alpha)
}

/// `s.isalnum()` (False for `""`).
pub fn isalnum(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_is_alnum)
}

/// `s.isspace()` (False for `""`).
pub fn isspace(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char_is_space)
}

/// `s.isprintable()` (True for `""`).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(char_is_printable)
}

/// `s.isascii()`.
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isupper()`: at least one cased char and no lowercase or titlecase one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if char_is_lower(c) || char_is_title(c) {
            return false;
        }
        cased = cased || char_is_upper(c);
    }
    cased
}

/// `s.islower()`: at least one cased char and no uppercase or titlecase one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if char_is_upper(c) || char_is_title(c) {
            return false;
        }
        cased = cased || char_is_lower(c);
    }
    cased
}

/// `s.istitle()`: uppercase/titlecase chars only after uncased ones,
/// lowercase only after cased ones, and at least one cased char.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if char_is_upper(c) || char_is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if char_is_lower(c) {
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

/// `s.isidentifier()`: XID_Start or `_`, then XID_Continue.  (Keywords count
/// as identifiers, as in Python.)
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || char_is_xid_start(c) => chars.all(char_is_xid_continue),
        _ => false,
    }
}
