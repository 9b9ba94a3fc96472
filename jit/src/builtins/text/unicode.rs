//! Character properties (CPython's `Py_UNICODE_IS*` family) and case mappings
//! (`_PyUnicode_To{Upper,Lower,Title,Folded}Full`) for Unicode 14.0, with the
//! tables generated from CPython 3.11's `unicodedata`.
//!
//! The one place that knows the Unicode database and its differences from
//! Rust's newer `char` tables; everything else works one character at a time
//! through these functions.

use std::cmp::Ordering;

use unicode_general_category::{get_general_category, GeneralCategory as Gc};

/// Binary search in a sorted table of inclusive, non-overlapping ranges.
fn in_ranges(c: u32, table: &[(u32, u32)]) -> bool {
    range_index(c, table).is_some()
}

fn range_index(c: u32, table: &[(u32, u32)]) -> Option<usize> {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                Ordering::Less
            } else if lo > c {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .ok()
}

fn lookup_special(c: u32, table: &'static [(u32, &'static str)]) -> Option<&'static str> {
    table
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// The Unicode 14.0 general category of `c`.
fn category(c: char) -> Gc {
    get_general_category(c)
}

/// Whether `c` was assigned in Unicode 14.0.  Rust's own case tables are newer;
/// characters assigned since then must behave as unassigned ones (no case,
/// no mapping) to match CPython 3.11.
fn assigned(c: char) -> bool {
    category(c) != Gc::Unassigned
}

/// `str.isspace` for one character: bidi class WS/B/S or category Zs, which
/// includes the ASCII separators `\x1c`..`\x1f` that Rust's
/// `char::is_whitespace` leaves out.
pub fn char_is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x20'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// The line boundaries of `str.splitlines` (`\r\n` is handled by the caller
/// as one boundary).
pub fn char_is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `Py_UNICODE_ISPRINTABLE`: everything except categories Cc, Cf, Cs, Co, Cn,
/// Zl, Zp and Zs, but with the ASCII space counted as printable.
pub fn char_is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !matches!(
        category(c),
        Gc::Control
            | Gc::Format
            | Gc::Surrogate
            | Gc::PrivateUse
            | Gc::Unassigned
            | Gc::LineSeparator
            | Gc::ParagraphSeparator
            | Gc::SpaceSeparator
    )
}

/// The decimal digit value of `c` (`unicodedata.decimal`), for characters of
/// category Nd.  Every Nd run in Unicode is a whole number of 0..9 sequences
/// starting at a zero, so the value is the offset into the run modulo 10.
pub fn char_decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let u = c as u32;
    range_index(u, DECIMAL_RANGES).map(|i| (u - DECIMAL_RANGES[i].0) % 10)
}

/// `str.isdecimal` for one character (Numeric_Type=Decimal, i.e. category Nd).
pub fn char_is_decimal(c: char) -> bool {
    char_decimal_value(c).is_some()
}

/// `str.isdigit` for one character (Numeric_Type=Digit or Decimal): decimals
/// plus superscripts, circled digits and the like.
pub fn char_is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    char_is_decimal(c) || in_ranges(c as u32, DIGIT_EXTRA)
}

/// `str.isnumeric` for one character (any Numeric_Type): every character of
/// categories Nd, Nl and No, plus CJK ideographs with a numeric value.
pub fn char_is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    matches!(
        category(c),
        Gc::DecimalNumber | Gc::LetterNumber | Gc::OtherNumber
    ) || in_ranges(c as u32, NUMERIC_EXTRA)
}

/// `str.isalpha` for one character: categories Lu, Ll, Lt, Lm and Lo.
pub fn char_is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        category(c),
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
    )
}

/// `str.isalnum` for one character: alpha, decimal, digit or numeric (the
/// last three nest, so numeric covers them).
pub fn char_is_alnum(c: char) -> bool {
    char_is_alpha(c) || char_is_numeric(c)
}

// Rust's `char` tables follow a newer Unicode than CPython 3.11's 14.0.  For
// characters assigned since 14.0 `assigned` hides the difference; these are
// the changes to characters that already existed, found by comparing every
// code point against CPython 3.11 with Rust's Unicode 17.0 tables.
//
// Lowercase letters that only gained an uppercase partner after 14.0.
const UPPER_MAPPING_SINCE_14: &[u32] = &[0x019B, 0x0264, 0xA7D3, 0xA7D5];

fn upper_mapping_since_14(c: char) -> bool {
    UPPER_MAPPING_SINCE_14.contains(&(c as u32))
}

/// `Py_UNICODE_ISUPPER`: the derived `Uppercase` property.
pub fn char_is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    c.is_uppercase() && assigned(c)
}

/// `Py_UNICODE_ISLOWER`: the derived `Lowercase` property (which includes
/// modifier letters such as `ʰ` and `ª`).
pub fn char_is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    match c as u32 {
        // `Lowercase` membership changed after 14.0 (see UPPER_MAPPING_SINCE_14).
        0x0295 => true,
        0x10FC | 0xA7F2..=0xA7F4 | 0xAB69 => false,
        _ => c.is_lowercase() && assigned(c),
    }
}

/// `Py_UNICODE_ISTITLE`: category Lt (`ǅ`, `ᾈ`, ...).
pub fn char_is_title(c: char) -> bool {
    !c.is_ascii() && category(c) == Gc::TitlecaseLetter
}

/// The `Cased` property: lowercase, uppercase or titlecase.
pub fn char_is_cased(c: char) -> bool {
    char_is_upper(c) || char_is_lower(c) || char_is_title(c)
}

/// The `Case_Ignorable` property, used for the final-sigma rule: categories
/// Mn, Me, Cf, Lm, Sk plus the Word_Break classes MidLetter, MidNumLet and
/// Single_Quote.
pub fn char_is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '\u{b7}'
            | '\u{387}'
            | '\u{55f}'
            | '\u{5f4}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
            | '\u{fe13}'
            | '\u{fe52}'
            | '\u{fe55}'
            | '\u{ff07}'
            | '\u{ff0e}'
            | '\u{ff1a}'
    ) || matches!(
        category(c),
        Gc::NonspacingMark
            | Gc::EnclosingMark
            | Gc::Format
            | Gc::ModifierLetter
            | Gc::ModifierSymbol
    )
}

// XID_Start is ID_Start (letters and Nl, plus Other_ID_Start, minus
// Pattern_Syntax) adjusted for NFKC closure; these are the code points where
// that differs from "category L* or Nl" in Unicode 14.0.
const XID_START_EXTRA: &[(u32, u32)] = &[(0x1885, 0x1886), (0x2118, 0x2118), (0x212E, 0x212E)];
#[rustfmt::skip]
const XID_START_EXCLUDED: &[(u32, u32)] = &[
    (0x037A, 0x037A), (0x0E33, 0x0E33), (0x0EB3, 0x0EB3), (0x2E2F, 0x2E2F), (0xFC5E, 0xFC63),
    (0xFDFA, 0xFDFB), (0xFE70, 0xFE70), (0xFE72, 0xFE72), (0xFE74, 0xFE74), (0xFE76, 0xFE76),
    (0xFE78, 0xFE78), (0xFE7A, 0xFE7A), (0xFE7C, 0xFE7C), (0xFE7E, 0xFE7E), (0xFF9E, 0xFF9F),
];
// Likewise for XID_Continue against "L*, Nl, Mn, Mc, Nd or Pc".
#[rustfmt::skip]
const XID_CONTINUE_EXTRA: &[(u32, u32)] = &[
    (0x00B7, 0x00B7), (0x0387, 0x0387), (0x1369, 0x1371), (0x19DA, 0x19DA), (0x2118, 0x2118),
    (0x212E, 0x212E),
];
#[rustfmt::skip]
const XID_CONTINUE_EXCLUDED: &[(u32, u32)] = &[
    (0x037A, 0x037A), (0x2E2F, 0x2E2F), (0xFC5E, 0xFC63), (0xFDFA, 0xFDFB), (0xFE70, 0xFE70),
    (0xFE72, 0xFE72), (0xFE74, 0xFE74), (0xFE76, 0xFE76), (0xFE78, 0xFE78), (0xFE7A, 0xFE7A),
    (0xFE7C, 0xFE7C), (0xFE7E, 0xFE7E),
];

/// `XID_Start` (what may begin an identifier, `_` aside).
pub fn char_is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let u = c as u32;
    if in_ranges(u, XID_START_EXTRA) {
        return true;
    }
    if in_ranges(u, XID_START_EXCLUDED) {
        return false;
    }
    matches!(
        category(c),
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
            | Gc::LetterNumber
    )
}

/// `XID_Continue` (what may follow in an identifier).
pub fn char_is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let u = c as u32;
    if in_ranges(u, XID_CONTINUE_EXTRA) {
        return true;
    }
    if in_ranges(u, XID_CONTINUE_EXCLUDED) {
        return false;
    }
    matches!(
        category(c),
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
            | Gc::LetterNumber
            | Gc::NonspacingMark
            | Gc::SpacingMark
            | Gc::DecimalNumber
            | Gc::ConnectorPunctuation
    )
}

// ---------------------------------------------------------------------------
// Case mappings (CPython's _PyUnicode_To{Upper,Lower,Title,Folded}Full)
// ---------------------------------------------------------------------------

pub(super) fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if assigned(c) && !upper_mapping_since_14(c) {
        out.extend(c.to_uppercase());
    } else {
        out.push(c);
    }
}

/// Full lowercase mapping without the final-sigma context.
fn push_lower_char(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if assigned(c) {
        out.extend(c.to_lowercase());
    } else {
        out.push(c);
    }
}

/// CPython's `lower_ucs4`: the lowercase of the char at byte offset `i` of
/// `s`, where a capital sigma becomes final `ς` or `σ` depending on context.
pub(super) fn push_lower_at(out: &mut String, s: &str, i: usize, c: char) {
    if c == 'Σ' {
        out.push(if is_final_sigma(s, i) { 'ς' } else { 'σ' });
    } else {
        push_lower_char(out, c);
    }
}

/// CPython's `handle_capital_sigma`: Σ at byte offset `i` is final when
/// preceded by a cased letter and not followed by one, skipping
/// case-ignorable characters in both directions.
fn is_final_sigma(s: &str, i: usize) -> bool {
    let (Some(before), Some(rest)) = (s.get(..i), s.get(i..)) else {
        return false;
    };
    let prev = before.chars().rev().find(|&c| !char_is_case_ignorable(c));
    if !prev.is_some_and(char_is_cased) {
        return false;
    }
    // `rest` starts with the sigma itself.
    let next = rest.chars().skip(1).find(|&c| !char_is_case_ignorable(c));
    !next.is_some_and(char_is_cased)
}

pub(super) fn push_title(out: &mut String, c: char) {
    let u = c as u32;
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if (0x10D0..=0x10FF).contains(&u) {
        // Georgian Mkhedruli letters gained uppercase (Mtavruli) forms in
        // Unicode 11, but their titlecase stays themselves.
        out.push(c);
    } else if (0x1F80..=0x1FAF).contains(&u) {
        // Greek letters with ypogegrammeni/prosgegrammeni: titlecase is the
        // Lt form in the second half of each 16-char block.
        out.push(char::from_u32(u | 8).unwrap_or(c));
    } else if let Some(t) = lookup_special(u, TITLE_SPECIAL) {
        out.push_str(t);
    } else {
        push_upper(out, c);
    }
}

pub(super) fn push_fold(out: &mut String, c: char) {
    let u = c as u32;
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if (0x13A0..=0x13FD).contains(&u) || (0xAB70..=0xABBF).contains(&u) {
        // Cherokee folds to its uppercase letters (the lowercase ones are the
        // later additions).
        push_upper(out, c);
    } else if (0x1F80..=0x1FAF).contains(&u) {
        // ᾀ..ᾯ fold to the base vowel with breathing/accent, then ι.
        let base = [0x1F00, 0x1F20, 0x1F60][((u - 0x1F80) >> 4) as usize] + (u & 7);
        out.push(char::from_u32(base).unwrap_or(c));
        out.push('\u{3B9}');
    } else if let Some(f) = lookup_special(u, FOLD_SPECIAL) {
        out.push_str(f);
    } else {
        push_lower_char(out, c);
    }
}

// Tables generated from CPython 3.11's unicodedata (Unicode 14.0).
// Nd runs (each a whole number of 0..9 sequences).
#[rustfmt::skip]
const DECIMAL_RANGES: &[(u32, u32)] = &[
    (0x0030, 0x0039), (0x0660, 0x0669), (0x06F0, 0x06F9), (0x07C0, 0x07C9), (0x0966, 0x096F),
    (0x09E6, 0x09EF), (0x0A66, 0x0A6F), (0x0AE6, 0x0AEF), (0x0B66, 0x0B6F), (0x0BE6, 0x0BEF),
    (0x0C66, 0x0C6F), (0x0CE6, 0x0CEF), (0x0D66, 0x0D6F), (0x0DE6, 0x0DEF), (0x0E50, 0x0E59),
    (0x0ED0, 0x0ED9), (0x0F20, 0x0F29), (0x1040, 0x1049), (0x1090, 0x1099), (0x17E0, 0x17E9),
    (0x1810, 0x1819), (0x1946, 0x194F), (0x19D0, 0x19D9), (0x1A80, 0x1A89), (0x1A90, 0x1A99),
    (0x1B50, 0x1B59), (0x1BB0, 0x1BB9), (0x1C40, 0x1C49), (0x1C50, 0x1C59), (0xA620, 0xA629),
    (0xA8D0, 0xA8D9), (0xA900, 0xA909), (0xA9D0, 0xA9D9), (0xA9F0, 0xA9F9), (0xAA50, 0xAA59),
    (0xABF0, 0xABF9), (0xFF10, 0xFF19), (0x104A0, 0x104A9), (0x10D30, 0x10D39), (0x11066, 0x1106F),
    (0x110F0, 0x110F9), (0x11136, 0x1113F), (0x111D0, 0x111D9), (0x112F0, 0x112F9), (0x11450, 0x11459),
    (0x114D0, 0x114D9), (0x11650, 0x11659), (0x116C0, 0x116C9), (0x11730, 0x11739), (0x118E0, 0x118E9),
    (0x11950, 0x11959), (0x11C50, 0x11C59), (0x11D50, 0x11D59), (0x11DA0, 0x11DA9), (0x16A60, 0x16A69),
    (0x16AC0, 0x16AC9), (0x16B50, 0x16B59), (0x1D7CE, 0x1D7FF), (0x1E140, 0x1E149), (0x1E2F0, 0x1E2F9),
    (0x1E950, 0x1E959), (0x1FBF0, 0x1FBF9),
];

// Numeric_Type=Digit but not Decimal: superscripts, circled digits, ...
#[rustfmt::skip]
const DIGIT_EXTRA: &[(u32, u32)] = &[
    (0x00B2, 0x00B3), (0x00B9, 0x00B9), (0x1369, 0x1371), (0x19DA, 0x19DA), (0x2070, 0x2070),
    (0x2074, 0x2079), (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247C), (0x2488, 0x2490),
    (0x24EA, 0x24EA), (0x24F5, 0x24FD), (0x24FF, 0x24FF), (0x2776, 0x277E), (0x2780, 0x2788),
    (0x278A, 0x2792), (0x10A40, 0x10A43), (0x10E60, 0x10E68), (0x11052, 0x1105A), (0x1F100, 0x1F10A),
];

// Numeric_Type=Numeric outside categories Nd/Nl/No: CJK ideographs such as 一.
#[rustfmt::skip]
const NUMERIC_EXTRA: &[(u32, u32)] = &[
    (0x3405, 0x3405), (0x3483, 0x3483), (0x382A, 0x382A), (0x3B4D, 0x3B4D), (0x4E00, 0x4E00),
    (0x4E03, 0x4E03), (0x4E07, 0x4E07), (0x4E09, 0x4E09), (0x4E5D, 0x4E5D), (0x4E8C, 0x4E8C),
    (0x4E94, 0x4E94), (0x4E96, 0x4E96), (0x4EBF, 0x4EC0), (0x4EDF, 0x4EDF), (0x4EE8, 0x4EE8),
    (0x4F0D, 0x4F0D), (0x4F70, 0x4F70), (0x5104, 0x5104), (0x5146, 0x5146), (0x5169, 0x5169),
    (0x516B, 0x516B), (0x516D, 0x516D), (0x5341, 0x5341), (0x5343, 0x5345), (0x534C, 0x534C),
    (0x53C1, 0x53C4), (0x56DB, 0x56DB), (0x58F1, 0x58F1), (0x58F9, 0x58F9), (0x5E7A, 0x5E7A),
    (0x5EFE, 0x5EFF), (0x5F0C, 0x5F0E), (0x5F10, 0x5F10), (0x62FE, 0x62FE), (0x634C, 0x634C),
    (0x67D2, 0x67D2), (0x6F06, 0x6F06), (0x7396, 0x7396), (0x767E, 0x767E), (0x8086, 0x8086),
    (0x842C, 0x842C), (0x8CAE, 0x8CAE), (0x8CB3, 0x8CB3), (0x8D30, 0x8D30), (0x9621, 0x9621),
    (0x9646, 0x9646), (0x964C, 0x964C), (0x9678, 0x9678), (0x96F6, 0x96F6), (0xF96B, 0xF96B),
    (0xF973, 0xF973), (0xF978, 0xF978), (0xF9B2, 0xF9B2), (0xF9D1, 0xF9D1), (0xF9D3, 0xF9D3),
    (0xF9FD, 0xF9FD), (0x20001, 0x20001), (0x20064, 0x20064), (0x200E2, 0x200E2), (0x20121, 0x20121),
    (0x2092A, 0x2092A), (0x20983, 0x20983), (0x2098C, 0x2098C), (0x2099C, 0x2099C), (0x20AEA, 0x20AEA),
    (0x20AFD, 0x20AFD), (0x20B19, 0x20B19), (0x22390, 0x22390), (0x22998, 0x22998), (0x23B1B, 0x23B1B),
    (0x2626D, 0x2626D), (0x2F890, 0x2F890),
];

// Characters whose case folding differs from their lowercase, apart from
// the Cherokee and U+1F80..U+1FAF rules in `push_fold`.
#[rustfmt::skip]
const FOLD_SPECIAL: &[(u32, &str)] = &[
    (0x00B5, "\u{3BC}"), (0x00DF, "ss"), (0x0149, "\u{2BC}n"), (0x017F, "s"),
    (0x01F0, "j\u{30C}"), (0x0345, "\u{3B9}"), (0x0390, "\u{3B9}\u{308}\u{301}"), (0x03B0, "\u{3C5}\u{308}\u{301}"),
    (0x03C2, "\u{3C3}"), (0x03D0, "\u{3B2}"), (0x03D1, "\u{3B8}"), (0x03D5, "\u{3C6}"),
    (0x03D6, "\u{3C0}"), (0x03F0, "\u{3BA}"), (0x03F1, "\u{3C1}"), (0x03F5, "\u{3B5}"),
    (0x0587, "\u{565}\u{582}"), (0x1C80, "\u{432}"), (0x1C81, "\u{434}"), (0x1C82, "\u{43E}"),
    (0x1C83, "\u{441}"), (0x1C84, "\u{442}"), (0x1C85, "\u{442}"), (0x1C86, "\u{44A}"),
    (0x1C87, "\u{463}"), (0x1C88, "\u{A64B}"), (0x1E96, "h\u{331}"), (0x1E97, "t\u{308}"),
    (0x1E98, "w\u{30A}"), (0x1E99, "y\u{30A}"), (0x1E9A, "a\u{2BE}"), (0x1E9B, "\u{1E61}"),
    (0x1E9E, "ss"), (0x1F50, "\u{3C5}\u{313}"), (0x1F52, "\u{3C5}\u{313}\u{300}"), (0x1F54, "\u{3C5}\u{313}\u{301}"),
    (0x1F56, "\u{3C5}\u{313}\u{342}"), (0x1FB2, "\u{1F70}\u{3B9}"), (0x1FB3, "\u{3B1}\u{3B9}"), (0x1FB4, "\u{3AC}\u{3B9}"),
    (0x1FB6, "\u{3B1}\u{342}"), (0x1FB7, "\u{3B1}\u{342}\u{3B9}"), (0x1FBC, "\u{3B1}\u{3B9}"), (0x1FBE, "\u{3B9}"),
    (0x1FC2, "\u{1F74}\u{3B9}"), (0x1FC3, "\u{3B7}\u{3B9}"), (0x1FC4, "\u{3AE}\u{3B9}"), (0x1FC6, "\u{3B7}\u{342}"),
    (0x1FC7, "\u{3B7}\u{342}\u{3B9}"), (0x1FCC, "\u{3B7}\u{3B9}"), (0x1FD2, "\u{3B9}\u{308}\u{300}"), (0x1FD3, "\u{3B9}\u{308}\u{301}"),
    (0x1FD6, "\u{3B9}\u{342}"), (0x1FD7, "\u{3B9}\u{308}\u{342}"), (0x1FE2, "\u{3C5}\u{308}\u{300}"), (0x1FE3, "\u{3C5}\u{308}\u{301}"),
    (0x1FE4, "\u{3C1}\u{313}"), (0x1FE6, "\u{3C5}\u{342}"), (0x1FE7, "\u{3C5}\u{308}\u{342}"), (0x1FF2, "\u{1F7C}\u{3B9}"),
    (0x1FF3, "\u{3C9}\u{3B9}"), (0x1FF4, "\u{3CE}\u{3B9}"), (0x1FF6, "\u{3C9}\u{342}"), (0x1FF7, "\u{3C9}\u{342}\u{3B9}"),
    (0x1FFC, "\u{3C9}\u{3B9}"), (0xFB00, "ff"), (0xFB01, "fi"), (0xFB02, "fl"),
    (0xFB03, "ffi"), (0xFB04, "ffl"), (0xFB05, "st"), (0xFB06, "st"),
    (0xFB13, "\u{574}\u{576}"), (0xFB14, "\u{574}\u{565}"), (0xFB15, "\u{574}\u{56B}"), (0xFB16, "\u{57E}\u{576}"),
    (0xFB17, "\u{574}\u{56D}"),
];

// Characters whose titlecase differs from their uppercase, apart from the
// Georgian and U+1F80..U+1FAF rules in `push_title`.
#[rustfmt::skip]
const TITLE_SPECIAL: &[(u32, &str)] = &[
    (0x00DF, "Ss"), (0x01C4, "\u{1C5}"), (0x01C5, "\u{1C5}"), (0x01C6, "\u{1C5}"),
    (0x01C7, "\u{1C8}"), (0x01C8, "\u{1C8}"), (0x01C9, "\u{1C8}"), (0x01CA, "\u{1CB}"),
    (0x01CB, "\u{1CB}"), (0x01CC, "\u{1CB}"), (0x01F1, "\u{1F2}"), (0x01F2, "\u{1F2}"),
    (0x01F3, "\u{1F2}"), (0x0587, "\u{535}\u{582}"), (0x1FB2, "\u{1FBA}\u{345}"), (0x1FB3, "\u{1FBC}"),
    (0x1FB4, "\u{386}\u{345}"), (0x1FB7, "\u{391}\u{342}\u{345}"), (0x1FBC, "\u{1FBC}"), (0x1FC2, "\u{1FCA}\u{345}"),
    (0x1FC3, "\u{1FCC}"), (0x1FC4, "\u{389}\u{345}"), (0x1FC7, "\u{397}\u{342}\u{345}"), (0x1FCC, "\u{1FCC}"),
    (0x1FF2, "\u{1FFA}\u{345}"), (0x1FF3, "\u{1FFC}"), (0x1FF4, "\u{38F}\u{345}"), (0x1FF7, "\u{3A9}\u{342}\u{345}"),
    (0x1FFC, "\u{1FFC}"), (0xFB00, "Ff"), (0xFB01, "Fi"), (0xFB02, "Fl"),
    (0xFB03, "Ffi"), (0xFB04, "Ffl"), (0xFB05, "St"), (0xFB06, "St"),
    (0xFB13, "\u{544}\u{576}"), (0xFB14, "\u{544}\u{565}"), (0xFB15, "\u{544}\u{56B}"), (0xFB16, "\u{54E}\u{576}"),
    (0xFB17, "\u{544}\u{56D}"),
];
