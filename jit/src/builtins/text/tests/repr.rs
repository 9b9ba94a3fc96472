//! `repr()` and `ascii()`.

use super::*;

#[test]
#[rustfmt::skip]
fn repr_matches_cpython() {
    fn check(s: &str, r: &str, a: &str) {
        assert_eq!(repr_str(s), r);
        assert_eq!(ascii_repr(&repr_str(s)), a);
    }
    fn bcheck(b: &[u8], r: &str, ba: &str) {
        assert_eq!(repr_bytes(b), r);
        assert_eq!(repr_bytearray(b), ba);
    }
    check("", "''", "''");
    check("abc", "'abc'", "'abc'");
    check("it's", "\"it's\"", "\"it's\"");
    check("say \"hi\"", "'say \"hi\"'", "'say \"hi\"'");
    check("it's \"x\"", "'it\\'s \"x\"'", "'it\\'s \"x\"'");
    check("a\\b", "'a\\\\b'", "'a\\\\b'");
    check("\t\n\r", "'\\t\\n\\r'", "'\\t\\n\\r'");
    check("\u{0}\u{1f}\u{7f}", "'\\x00\\x1f\\x7f'", "'\\x00\\x1f\\x7f'");
    check("\u{80}\u{9f}\u{a0}\u{ad}ÿ", "'\\x80\\x9f\\xa0\\xadÿ'", "'\\x80\\x9f\\xa0\\xad\\xff'");
    check("é€𝄞", "'é€𝄞'", "'\\xe9\\u20ac\\U0001d11e'");
    check("\u{2028}\u{2029}", "'\\u2028\\u2029'", "'\\u2028\\u2029'");
    check("\u{200b}\u{feff}", "'\\u200b\\ufeff'", "'\\u200b\\ufeff'");
    check("\u{e000}", "'\\ue000'", "'\\ue000'");
    check("\u{f0000}", "'\\U000f0000'", "'\\U000f0000'");
    check("\u{378}", "'\\u0378'", "'\\u0378'");
    check("\u{10ffff}", "'\\U0010ffff'", "'\\U0010ffff'");
    check("日本語", "'日本語'", "'\\u65e5\\u672c\\u8a9e'");
    check("\u{3000}", "'\\u3000'", "'\\u3000'");
    check("😀", "'😀'", "'\\U0001f600'");
    check("a\u{301}", "'a\u{301}'", "'a\\u0301'");
    check("\u{e0001}", "'\\U000e0001'", "'\\U000e0001'");
    check("'", "\"'\"", "\"'\"");
    check("\"", "'\"'", "'\"'");
    check("\u{1b}[0m", "'\\x1b[0m'", "'\\x1b[0m'");
    check("\u{a0}x", "'\\xa0x'", "'\\xa0x'");
    check("\u{d7ff}", "'\\ud7ff'", "'\\ud7ff'");
    bcheck(b"", "b''", "bytearray(b'')");
    bcheck(b"abc", "b'abc'", "bytearray(b'abc')");
    bcheck(b"it's", "b\"it's\"", "bytearray(b\"it\\'s\")");
    bcheck(b"say \"hi\"", "b'say \"hi\"'", "bytearray(b'say \"hi\"')");
    bcheck(b"it's \"x\"", "b'it\\'s \"x\"'", "bytearray(b'it\\'s \"x\"')");
    bcheck(b"a\\b", "b'a\\\\b'", "bytearray(b'a\\\\b')");
    bcheck(b"\t\n\r", "b'\\t\\n\\r'", "bytearray(b'\\t\\n\\r')");
    bcheck(b"\x00\x1f\x7f\x80\xff", "b'\\x00\\x1f\\x7f\\x80\\xff'", "bytearray(b'\\x00\\x1f\\x7f\\x80\\xff')");
    bcheck(b"'", "b\"'\"", "bytearray(b\"\\'\")");
    bcheck(b"\"", "b'\"'", "bytearray(b'\"')");
}
