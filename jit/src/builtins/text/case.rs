//! Case conversion of whole strings: `upper`, `lower`, `casefold`, `swapcase`,
//! `capitalize` and `title`, built on the per-character mappings of `unicode`.

use super::unicode::{
    char_is_cased, char_is_lower, char_is_upper, push_fold, push_lower_at, push_title, push_upper,
};

/// `s.upper()` with full mappings (`'ß'.upper() == 'SS'`).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

/// `s.lower()`, including the final-sigma rule (`'ΑΣ'.lower() == 'ας'`).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        push_lower_at(&mut out, s, i, c);
    }
    out
}

/// `s.casefold()` (full case folding, no final-sigma context).
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(&mut out, c);
    }
    out
}

/// `s.swapcase()`: uppercase chars are lowered (final sigma included),
/// lowercase ones uppered, titlecase and uncased ones kept.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if char_is_upper(c) {
            push_lower_at(&mut out, s, i, c);
        } else if char_is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.capitalize()`: titlecase of the first char (3.8+), lowercase of the rest.
pub fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower_at(&mut out, s, i, c);
        }
    }
    out
}

/// `s.title()`: a char following a cased char is lowercased, any other is
/// titlecased (so `"they're".title() == "They'Re"`).
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, c) in s.char_indices() {
        if previous_is_cased {
            push_lower_at(&mut out, s, i, c);
        } else {
            push_title(&mut out, c);
        }
        previous_is_cased = char_is_cased(c);
    }
    out
}
