//! Tests.  Every expected value in these files was produced by CPython 3.11.7
//! running the same call.  Beyond these, the per-character functions were
//! compared with CPython for all 1.1M code points, and the str/bytes functions
//! on several hundred thousand random inputs.
//!
//! One file per concern of the parent module; the tests that span several
//! concerns (error values, borrowing, Unicode versions, hostile inputs) are here.

use std::borrow::Cow;

use super::*;

mod case;
mod pad;
mod parse_num;
mod predicates;
mod replace;
mod repr;
mod search;
mod slice;
mod split;

fn verr(msg: &str) -> TextError {
    TextError {
        kind: TextErrKind::ValueError,
        msg: msg.into(),
    }
}

#[test]
fn errors_match_cpython() {
    let fill_err = Err(TextError {
        kind: TextErrKind::TypeError,
        msg: FILL_CHAR_LEN.into(),
    });
    assert_eq!(center("a", 5, "ab").map(Cow::into_owned), fill_err.clone());
    assert_eq!(ljust("a", 5, "").map(Cow::into_owned), fill_err.clone());
    // CPython converts the fill char before looking at the width.
    assert_eq!(rjust("abc", 1, "xy").map(Cow::into_owned), fill_err);
    assert_eq!(split("a", Some(""), -1), Err(verr("empty separator")));
    assert_eq!(rsplit("a", Some(""), -1), Err(verr("empty separator")));
    assert_eq!(partition("a", ""), Err(verr("empty separator")));
    assert_eq!(
        bytes_split(b"a", Some(b""), -1),
        Err(verr("empty separator"))
    );
    assert_eq!(
        adjust_slice(3, None, None, Some(0)),
        Err(verr("slice step cannot be zero"))
    );
    // 'a'.center(2**62) is a MemoryError in CPython; it must not abort here.
    let mem = Err(TextError {
        kind: TextErrKind::MemoryError,
        msg: String::new(),
    });
    assert_eq!(center("a", i64::MAX, " ").map(Cow::into_owned), mem.clone());
    assert_eq!(ljust("a", 1 << 62, "€").map(Cow::into_owned), mem.clone());
    assert_eq!(zfill("-1", i64::MAX).map(Cow::into_owned), mem);
    let bytes_err = bytes_center(b"a", i64::MAX, b' ').map(Cow::into_owned);
    assert_eq!(bytes_err.map_err(|e| e.kind), Err(TextErrKind::MemoryError));
    let bad_base = IntParseError::BadBase.to_error_for_str("1", 1);
    assert_eq!(bad_base, verr("int() base must be >= 2 and <= 36, or 0"));
    assert_eq!(parse_int("1", 37, 0), Err(IntParseError::BadBase));
    assert_eq!(parse_int_bytes(b"1", 1, 0), Err(IntParseError::BadBase));
}

#[test]
fn unchanged_results_borrow() {
    // CPython returns the object itself in these cases; Cow::Borrowed lets
    // the caller do the same.
    assert!(matches!(replace("abc", "x", "y", -1), Ok(Cow::Borrowed(_))));
    assert!(matches!(replace("abc", "a", "a", -1), Ok(Cow::Borrowed(_))));
    assert!(matches!(replace("abc", "a", "b", 0), Ok(Cow::Borrowed(_))));
    assert!(matches!(center("abc", 3, " "), Ok(Cow::Borrowed(_))));
    assert!(matches!(zfill("abc", 1), Ok(Cow::Borrowed(_))));
    assert!(matches!(expandtabs("abc", 8), Ok(Cow::Borrowed(_))));
    assert!(matches!(
        bytes_replace(b"abc", b"x", b"y", -1),
        Ok(Cow::Borrowed(_))
    ));
}

#[test]
fn unicode_version_differences_are_hidden() {
    // Assigned after Unicode 14.0: CPython 3.11 treats them as unassigned.
    for c in ['\u{1E030}', '\u{10D50}', '\u{A7CB}', '\u{1F6DC}'] {
        let s = c.to_string();
        assert_eq!(lower(&s), s);
        assert_eq!(upper(&s), s);
        assert!(!isprintable(&s) && !isalpha(&s) && !isupper(&s) && !islower(&s));
        assert_eq!(
            repr_str(&s),
            format!("'\\U{:08x}'", c as u32).replace("\\U0000", "\\u")
        );
    }
    // Existing characters whose case data changed after 14.0.
    assert_eq!(upper("ƛɤꟓꟕ"), "ƛɤꟓꟕ");
    assert!(islower("ʕ") && !islower("ჼ") && !islower("ꟲ") && !islower("ꭩ"));
    // The exception lists above were derived with Rust's Unicode 17.0
    // tables; a toolchain with newer tables needs the per-code-point
    // comparison against CPython rerun.
    assert!(
        char::UNICODE_VERSION <= (17, 0, 0),
        "re-verify case data against CPython 3.11"
    );
}

#[test]
fn hostile_inputs_do_not_panic() {
    let strs = [
        "",
        "a",
        "αβγ",
        "a€𝄞b",
        "\u{10ffff}",
        "ΣΣ\u{301}Σ",
        "\t\r\n\u{2028}",
        "𝄞",
    ];
    let idx = [
        None,
        Some(i64::MIN),
        Some(-5),
        Some(-1),
        Some(0),
        Some(1),
        Some(3),
        Some(7),
        Some(i64::MAX),
    ];
    for s in strs {
        for sub in strs {
            for &a in &idx {
                for &b in &idx {
                    let _ = (find(s, sub, a, b), rfind(s, sub, a, b), count(s, sub, a, b));
                    let _ = (startswith(s, sub, a, b), endswith(s, sub, a, b));
                    let _ = bytes_find(s.as_bytes(), sub.as_bytes(), a, b);
                    let _ = bytes_count(s.as_bytes(), sub.as_bytes(), a, b);
                    let (x, y) = (a.unwrap_or(0), b.unwrap_or(0));
                    for step in [i64::MIN, -3, -1, 0, 1, 2, i64::MAX] {
                        let _ = slice_chars(s, x, y, step);
                        let _ = slice_chars_hint(s, x, y, step, true);
                        let _ = adjust_slice(char_len(s), a, b, Some(step));
                    }
                }
            }
            let _ = (
                split(s, Some(sub), 2),
                rsplit(s, Some(sub), 2),
                partition(s, sub),
                rpartition(s, sub),
            );
            let _ = (
                replace(s, sub, s, -1),
                strip(s, Some(sub)),
                lstrip(s, Some(sub)),
            );
            let _ = (center(s, 9, sub), zfill(s, 5), expandtabs(s, 3));
        }
        for i in [0, 1, 2, 3, 4, 5, 100] {
            let _ = (char_at(s, i), char_at_hint(s, i, true), char_to_byte(s, i));
        }
        let _ = (
            title(s),
            capitalize(s),
            swapcase(s),
            lower(s),
            casefold(s),
            ascii_repr(&repr_str(s)),
        );
        let _ = (parse_int_literal(s, 0), parse_float(s));
    }
}
