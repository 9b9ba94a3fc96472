//! `str.replace`.

use super::*;

#[test]
#[rustfmt::skip]
fn replace_matches_cpython() {
    fn check(s: &str, old: &str, new: &str, count: i64, want: &str) {
        assert_eq!(replace(s, old, new, count).as_deref(), Ok(want), "{s:?} {old:?} {new:?} {count}");
    }
    fn bcheck(s: &[u8], old: &[u8], new: &[u8], count: i64, want: &[u8]) {
        assert_eq!(bytes_replace(s, old, new, count).as_deref(), Ok(want), "{s:?} {old:?} {new:?} {count}");
    }
    check("abcabc", "b", "XY", -1, "aXYcaXYc");
    check("abcabc", "b", "XY", 0, "abcabc");
    check("abcabc", "b", "XY", 1, "aXYcabc");
    check("abcabc", "b", "XY", 2, "aXYcaXYc");
    check("abcabc", "b", "XY", 100, "aXYcaXYc");
    check("abc", "", "-", -1, "-a-b-c-");
    check("abc", "", "-", 0, "abc");
    check("abc", "", "-", 1, "-abc");
    check("abc", "", "-", 2, "-a-bc");
    check("abc", "", "-", 100, "-a-b-c-");
    check("", "", "x", -1, "x");
    check("", "", "x", 0, "");
    check("", "", "x", 1, "x");
    check("", "", "x", 2, "x");
    check("", "", "x", 100, "x");
    check("", "a", "x", -1, "");
    check("", "a", "x", 0, "");
    check("", "a", "x", 1, "");
    check("", "a", "x", 2, "");
    check("", "a", "x", 100, "");
    check("aaaa", "aa", "b", -1, "bb");
    check("aaaa", "aa", "b", 0, "aaaa");
    check("aaaa", "aa", "b", 1, "baa");
    check("aaaa", "aa", "b", 2, "bb");
    check("aaaa", "aa", "b", 100, "bb");
    check("αβγβ", "β", "ß", -1, "αßγß");
    check("αβγβ", "β", "ß", 0, "αβγβ");
    check("αβγβ", "β", "ß", 1, "αßγβ");
    check("αβγβ", "β", "ß", 2, "αßγß");
    check("αβγβ", "β", "ß", 100, "αßγß");
    check("αβ", "", "€", -1, "€α€β€");
    check("αβ", "", "€", 0, "αβ");
    check("αβ", "", "€", 1, "€αβ");
    check("αβ", "", "€", 2, "€α€β");
    check("αβ", "", "€", 100, "€α€β€");
    check("abc", "abc", "abc", -1, "abc");
    check("abc", "abc", "abc", 0, "abc");
    check("abc", "abc", "abc", 1, "abc");
    check("abc", "abc", "abc", 2, "abc");
    check("abc", "abc", "abc", 100, "abc");
    check("a", "abc", "x", -1, "a");
    check("a", "abc", "x", 0, "a");
    check("a", "abc", "x", 1, "a");
    check("a", "abc", "x", 2, "a");
    check("a", "abc", "x", 100, "a");
    check("abcabc", "c", "", -1, "abab");
    check("abcabc", "c", "", 0, "abcabc");
    check("abcabc", "c", "", 1, "ababc");
    check("abcabc", "c", "", 2, "abab");
    check("abcabc", "c", "", 100, "abab");
    check("xyz", "q", "r", -1, "xyz");
    check("xyz", "q", "r", 0, "xyz");
    check("xyz", "q", "r", 1, "xyz");
    check("xyz", "q", "r", 2, "xyz");
    check("xyz", "q", "r", 100, "xyz");
    check("ab€", "€", "e", -1, "abe");
    check("ab€", "€", "e", 0, "ab€");
    check("ab€", "€", "e", 1, "abe");
    check("ab€", "€", "e", 2, "abe");
    check("ab€", "€", "e", 100, "abe");
    bcheck(b"abcabc", b"b", b"XY", -1, b"aXYcaXYc");
    bcheck(b"abcabc", b"b", b"XY", 0, b"abcabc");
    bcheck(b"abcabc", b"b", b"XY", 2, b"aXYcaXYc");
    bcheck(b"abc", b"", b"-", -1, b"-a-b-c-");
    bcheck(b"abc", b"", b"-", 0, b"abc");
    bcheck(b"abc", b"", b"-", 2, b"-a-bc");
    bcheck(b"", b"", b"x", -1, b"x");
    bcheck(b"", b"", b"x", 0, b"");
    bcheck(b"", b"", b"x", 2, b"x");
    bcheck(b"aaaa", b"aa", b"b", -1, b"bb");
    bcheck(b"aaaa", b"aa", b"b", 0, b"aaaa");
    bcheck(b"aaaa", b"aa", b"b", 2, b"bb");
    bcheck(b"\xff\x00", b"", b"\x01", -1, b"\x01\xff\x01\x00\x01");
    bcheck(b"\xff\x00", b"", b"\x01", 0, b"\xff\x00");
    bcheck(b"\xff\x00", b"", b"\x01", 2, b"\x01\xff\x01\x00");
}
