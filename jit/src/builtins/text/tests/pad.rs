//! Padding and tabs.

use super::*;

#[test]
#[rustfmt::skip]
fn padding_matches_cpython() {
    fn check(s: &str, w: i64, fill: &str, c: TextResult<&str>, l: TextResult<&str>, r: TextResult<&str>) {
        assert_eq!(center(s, w, fill).as_deref().map_err(Clone::clone), c, "center {s:?} {w} {fill:?}");
        assert_eq!(ljust(s, w, fill).as_deref().map_err(Clone::clone), l, "ljust {s:?} {w} {fill:?}");
        assert_eq!(rjust(s, w, fill).as_deref().map_err(Clone::clone), r, "rjust {s:?} {w} {fill:?}");
    }
    fn zcheck(s: &str, w: i64, want: &str) {
        assert_eq!(zfill(s, w).as_deref(), Ok(want), "zfill {s:?} {w}");
    }
    fn bcheck(s: &[u8], w: i64, fill: &[u8], c: &[u8], l: &[u8], r: &[u8]) {
        assert_eq!(bytes_center(s, w, fill[0]).as_deref(), Ok(c), "center {s:?} {w}");
        assert_eq!(bytes_ljust(s, w, fill[0]).as_deref(), Ok(l), "ljust {s:?} {w}");
        assert_eq!(bytes_rjust(s, w, fill[0]).as_deref(), Ok(r), "rjust {s:?} {w}");
    }
    fn bzcheck(s: &[u8], w: i64, want: &[u8]) {
        assert_eq!(bytes_zfill(s, w).as_deref(), Ok(want), "zfill {s:?} {w}");
    }
    fn echeck(s: &str, tabsize: i32, want: &str) {
        assert_eq!(expandtabs(s, tabsize).as_deref(), Ok(want), "expandtabs {s:?} {tabsize}");
    }
    fn becheck(s: &[u8], tabsize: i32, want: &[u8]) {
        assert_eq!(bytes_expandtabs(s, tabsize).as_deref(), Ok(want), "expandtabs {s:?} {tabsize}");
    }
    check("abc", 7, " ", Ok("  abc  "), Ok("abc    "), Ok("    abc"));
    check("abc", 8, "*", Ok("**abc***"), Ok("abc*****"), Ok("*****abc"));
    check("ab", 7, "-", Ok("---ab--"), Ok("ab-----"), Ok("-----ab"));
    check("ab", 8, "-", Ok("---ab---"), Ok("ab------"), Ok("------ab"));
    check("abc", 2, " ", Ok("abc"), Ok("abc"), Ok("abc"));
    check("abc", -5, " ", Ok("abc"), Ok("abc"), Ok("abc"));
    check("αβ", 5, "€", Ok("€€αβ€"), Ok("αβ€€€"), Ok("€€€αβ"));
    check("", 3, "x", Ok("xxx"), Ok("xxx"), Ok("xxx"));
    check("a", 4, "ß", Ok("ßaßß"), Ok("aßßß"), Ok("ßßßa"));
    check("abc", 6, "ab", Err(TextError { kind: TextErrKind::TypeError, msg: "The fill character must be exactly one character long".into() }), Err(TextError { kind: TextErrKind::TypeError, msg: "The fill character must be exactly one character long".into() }), Err(TextError { kind: TextErrKind::TypeError, msg: "The fill character must be exactly one character long".into() }));
    check("abc", 1, "", Err(TextError { kind: TextErrKind::TypeError, msg: "The fill character must be exactly one character long".into() }), Err(TextError { kind: TextErrKind::TypeError, msg: "The fill character must be exactly one character long".into() }), Err(TextError { kind: TextErrKind::TypeError, msg: "The fill character must be exactly one character long".into() }));
    check("abcd", 9, ".", Ok("...abcd.."), Ok("abcd....."), Ok(".....abcd"));
    check("abcd", 10, ".", Ok("...abcd..."), Ok("abcd......"), Ok("......abcd"));
    zcheck("42", 5, "00042");
    zcheck("-42", 5, "-0042");
    zcheck("+42", 5, "+0042");
    zcheck("--4", 5, "-00-4");
    zcheck("abc", 2, "abc");
    zcheck("", 3, "000");
    zcheck("-", 3, "-00");
    zcheck("+", 1, "+");
    zcheck("α", 3, "00α");
    zcheck("-α", 4, "-00α");
    zcheck("4-2", 6, "0004-2");
    bcheck(b"abc", 7, b" ", b"  abc  ", b"abc    ", b"    abc");
    bcheck(b"ab", 8, b"-", b"---ab---", b"ab------", b"------ab");
    bcheck(b"abc", 2, b" ", b"abc", b"abc", b"abc");
    bcheck(b"a", 4, b"\xff", b"\xffa\xff\xff", b"a\xff\xff\xff", b"\xff\xff\xffa");
    bzcheck(b"42", 5, b"00042");
    bzcheck(b"-42", 5, b"-0042");
    bzcheck(b"+", 3, b"+00");
    bzcheck(b"abc", 1, b"abc");
    echeck("a\tb", 8, "a       b");
    echeck("a\tb", 4, "a   b");
    echeck("a\tb", 0, "ab");
    echeck("a\tb", -1, "ab");
    echeck("ab\tc\nd\te", 4, "ab  c\nd   e");
    echeck("\t\t", 3, "      ");
    echeck("αβ\tγ", 4, "αβ  γ");
    echeck("a\rb\tc", 4, "a\rb   c");
    echeck("a\u{b}b\tc", 4, "a\u{b}b c");
    echeck("abc", 4, "abc");
    echeck("abcd\te", 4, "abcd    e");
    echeck("", 8, "");
    echeck("a\u{2028}\tb", 4, "a\u{2028}  b");
    becheck(b"a\tb", 8, b"a       b");
    becheck(b"a\tb", 4, b"a   b");
    becheck(b"a\tb", 0, b"ab");
    becheck(b"a\tb", -1, b"ab");
    becheck(b"ab\tc\nd\te", 4, b"ab  c\nd   e");
    becheck(b"\t\t", 3, b"      ");
    becheck(b"a\rb\tc", 4, b"a\rb   c");
    becheck(b"a\x0bb\tc", 4, b"a\x0bb c");
    becheck(b"abc", 4, b"abc");
    becheck(b"abcd\te", 4, b"abcd    e");
    becheck(b"", 8, b"");
}
