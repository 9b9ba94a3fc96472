//! split/rsplit/splitlines/strip/partition/removeprefix, for `str` and `bytes`.

use super::*;

#[test]
#[rustfmt::skip]
fn split_matches_cpython() {
    fn check(s: &str, sep: Option<&str>, max: i64, sp: TextResult<&[&str]>, rsp: TextResult<&[&str]>) {
        assert_eq!(split(s, sep, max), sp.map(<[&str]>::to_vec), "split {s:?} {sep:?} {max}");
        assert_eq!(rsplit(s, sep, max), rsp.map(<[&str]>::to_vec), "rsplit {s:?} {sep:?} {max}");
    }
    check("a,b,,c", Some(","), -1, Ok(&["a", "b", "", "c"]), Ok(&["a", "b", "", "c"]));
    check("a,b,,c", Some(","), 0, Ok(&["a,b,,c"]), Ok(&["a,b,,c"]));
    check("a,b,,c", Some(","), 1, Ok(&["a", "b,,c"]), Ok(&["a,b,", "c"]));
    check("a,b,,c", Some(","), 2, Ok(&["a", "b", ",c"]), Ok(&["a,b", "", "c"]));
    check("a,b,,c", Some(","), 10, Ok(&["a", "b", "", "c"]), Ok(&["a", "b", "", "c"]));
    check("a,b,,c,", Some(","), -1, Ok(&["a", "b", "", "c", ""]), Ok(&["a", "b", "", "c", ""]));
    check("a,b,,c,", Some(","), 0, Ok(&["a,b,,c,"]), Ok(&["a,b,,c,"]));
    check("a,b,,c,", Some(","), 1, Ok(&["a", "b,,c,"]), Ok(&["a,b,,c", ""]));
    check("a,b,,c,", Some(","), 2, Ok(&["a", "b", ",c,"]), Ok(&["a,b,", "c", ""]));
    check("a,b,,c,", Some(","), 10, Ok(&["a", "b", "", "c", ""]), Ok(&["a", "b", "", "c", ""]));
    check("", Some(","), -1, Ok(&[""]), Ok(&[""]));
    check("", Some(","), 0, Ok(&[""]), Ok(&[""]));
    check("", Some(","), 1, Ok(&[""]), Ok(&[""]));
    check("", Some(","), 2, Ok(&[""]), Ok(&[""]));
    check("", Some(","), 10, Ok(&[""]), Ok(&[""]));
    check(",", Some(","), -1, Ok(&["", ""]), Ok(&["", ""]));
    check(",", Some(","), 0, Ok(&[","]), Ok(&[","]));
    check(",", Some(","), 1, Ok(&["", ""]), Ok(&["", ""]));
    check(",", Some(","), 2, Ok(&["", ""]), Ok(&["", ""]));
    check(",", Some(","), 10, Ok(&["", ""]), Ok(&["", ""]));
    check("a,,", Some(",,"), -1, Ok(&["a", ""]), Ok(&["a", ""]));
    check("a,,", Some(",,"), 0, Ok(&["a,,"]), Ok(&["a,,"]));
    check("a,,", Some(",,"), 1, Ok(&["a", ""]), Ok(&["a", ""]));
    check("a,,", Some(",,"), 2, Ok(&["a", ""]), Ok(&["a", ""]));
    check("a,,", Some(",,"), 10, Ok(&["a", ""]), Ok(&["a", ""]));
    check("aaa", Some("aa"), -1, Ok(&["", "a"]), Ok(&["a", ""]));
    check("aaa", Some("aa"), 0, Ok(&["aaa"]), Ok(&["aaa"]));
    check("aaa", Some("aa"), 1, Ok(&["", "a"]), Ok(&["a", ""]));
    check("aaa", Some("aa"), 2, Ok(&["", "a"]), Ok(&["a", ""]));
    check("aaa", Some("aa"), 10, Ok(&["", "a"]), Ok(&["a", ""]));
    check("aaaa", Some("aa"), -1, Ok(&["", "", ""]), Ok(&["", "", ""]));
    check("aaaa", Some("aa"), 0, Ok(&["aaaa"]), Ok(&["aaaa"]));
    check("aaaa", Some("aa"), 1, Ok(&["", "aa"]), Ok(&["aa", ""]));
    check("aaaa", Some("aa"), 2, Ok(&["", "", ""]), Ok(&["", "", ""]));
    check("aaaa", Some("aa"), 10, Ok(&["", "", ""]), Ok(&["", "", ""]));
    check("α,β,,γ", Some(","), -1, Ok(&["α", "β", "", "γ"]), Ok(&["α", "β", "", "γ"]));
    check("α,β,,γ", Some(","), 0, Ok(&["α,β,,γ"]), Ok(&["α,β,,γ"]));
    check("α,β,,γ", Some(","), 1, Ok(&["α", "β,,γ"]), Ok(&["α,β,", "γ"]));
    check("α,β,,γ", Some(","), 2, Ok(&["α", "β", ",γ"]), Ok(&["α,β", "", "γ"]));
    check("α,β,,γ", Some(","), 10, Ok(&["α", "β", "", "γ"]), Ok(&["α", "β", "", "γ"]));
    check("αβγβ", Some("β"), -1, Ok(&["α", "γ", ""]), Ok(&["α", "γ", ""]));
    check("αβγβ", Some("β"), 0, Ok(&["αβγβ"]), Ok(&["αβγβ"]));
    check("αβγβ", Some("β"), 1, Ok(&["α", "γβ"]), Ok(&["αβγ", ""]));
    check("αβγβ", Some("β"), 2, Ok(&["α", "γ", ""]), Ok(&["α", "γ", ""]));
    check("αβγβ", Some("β"), 10, Ok(&["α", "γ", ""]), Ok(&["α", "γ", ""]));
    check("a b", Some(""), -1, Err(verr("empty separator")), Err(verr("empty separator")));
    check("a b", Some(""), 0, Err(verr("empty separator")), Err(verr("empty separator")));
    check("a b", Some(""), 1, Err(verr("empty separator")), Err(verr("empty separator")));
    check("a b", Some(""), 2, Err(verr("empty separator")), Err(verr("empty separator")));
    check("a b", Some(""), 10, Err(verr("empty separator")), Err(verr("empty separator")));
    check("abc", Some("abcd"), -1, Ok(&["abc"]), Ok(&["abc"]));
    check("abc", Some("abcd"), 0, Ok(&["abc"]), Ok(&["abc"]));
    check("abc", Some("abcd"), 1, Ok(&["abc"]), Ok(&["abc"]));
    check("abc", Some("abcd"), 2, Ok(&["abc"]), Ok(&["abc"]));
    check("abc", Some("abcd"), 10, Ok(&["abc"]), Ok(&["abc"]));
    check("a::b::c", Some("::"), -1, Ok(&["a", "b", "c"]), Ok(&["a", "b", "c"]));
    check("a::b::c", Some("::"), 0, Ok(&["a::b::c"]), Ok(&["a::b::c"]));
    check("a::b::c", Some("::"), 1, Ok(&["a", "b::c"]), Ok(&["a::b", "c"]));
    check("a::b::c", Some("::"), 2, Ok(&["a", "b", "c"]), Ok(&["a", "b", "c"]));
    check("a::b::c", Some("::"), 10, Ok(&["a", "b", "c"]), Ok(&["a", "b", "c"]));
    check("  a  b c  ", None, -1, Ok(&["a", "b", "c"]), Ok(&["a", "b", "c"]));
    check("  a  b c  ", None, 0, Ok(&["a  b c  "]), Ok(&["  a  b c"]));
    check("  a  b c  ", None, 1, Ok(&["a", "b c  "]), Ok(&["  a  b", "c"]));
    check("  a  b c  ", None, 2, Ok(&["a", "b", "c  "]), Ok(&["  a", "b", "c"]));
    check("  a  b c  ", None, 10, Ok(&["a", "b", "c"]), Ok(&["a", "b", "c"]));
    check("", None, -1, Ok(&[]), Ok(&[]));
    check("", None, 0, Ok(&[]), Ok(&[]));
    check("", None, 1, Ok(&[]), Ok(&[]));
    check("", None, 2, Ok(&[]), Ok(&[]));
    check("", None, 10, Ok(&[]), Ok(&[]));
    check("   ", None, -1, Ok(&[]), Ok(&[]));
    check("   ", None, 0, Ok(&[]), Ok(&[]));
    check("   ", None, 1, Ok(&[]), Ok(&[]));
    check("   ", None, 2, Ok(&[]), Ok(&[]));
    check("   ", None, 10, Ok(&[]), Ok(&[]));
    check("a", None, -1, Ok(&["a"]), Ok(&["a"]));
    check("a", None, 0, Ok(&["a"]), Ok(&["a"]));
    check("a", None, 1, Ok(&["a"]), Ok(&["a"]));
    check("a", None, 2, Ok(&["a"]), Ok(&["a"]));
    check("a", None, 10, Ok(&["a"]), Ok(&["a"]));
    check("a\u{1c}b\u{1f}c\u{3000}d\u{85}e\u{a0}f\u{2028}g", None, -1, Ok(&["a", "b", "c", "d", "e", "f", "g"]), Ok(&["a", "b", "c", "d", "e", "f", "g"]));
    check("a\u{1c}b\u{1f}c\u{3000}d\u{85}e\u{a0}f\u{2028}g", None, 0, Ok(&["a\u{1c}b\u{1f}c\u{3000}d\u{85}e\u{a0}f\u{2028}g"]), Ok(&["a\u{1c}b\u{1f}c\u{3000}d\u{85}e\u{a0}f\u{2028}g"]));
    check("a\u{1c}b\u{1f}c\u{3000}d\u{85}e\u{a0}f\u{2028}g", None, 1, Ok(&["a", "b\u{1f}c\u{3000}d\u{85}e\u{a0}f\u{2028}g"]), Ok(&["a\u{1c}b\u{1f}c\u{3000}d\u{85}e\u{a0}f", "g"]));
    check("a\u{1c}b\u{1f}c\u{3000}d\u{85}e\u{a0}f\u{2028}g", None, 2, Ok(&["a", "b", "c\u{3000}d\u{85}e\u{a0}f\u{2028}g"]), Ok(&["a\u{1c}b\u{1f}c\u{3000}d\u{85}e", "f", "g"]));
    check("a\u{1c}b\u{1f}c\u{3000}d\u{85}e\u{a0}f\u{2028}g", None, 10, Ok(&["a", "b", "c", "d", "e", "f", "g"]), Ok(&["a", "b", "c", "d", "e", "f", "g"]));
    check("a\u{200b}b c", None, -1, Ok(&["a\u{200b}b", "c"]), Ok(&["a\u{200b}b", "c"]));
    check("a\u{200b}b c", None, 0, Ok(&["a\u{200b}b c"]), Ok(&["a\u{200b}b c"]));
    check("a\u{200b}b c", None, 1, Ok(&["a\u{200b}b", "c"]), Ok(&["a\u{200b}b", "c"]));
    check("a\u{200b}b c", None, 2, Ok(&["a\u{200b}b", "c"]), Ok(&["a\u{200b}b", "c"]));
    check("a\u{200b}b c", None, 10, Ok(&["a\u{200b}b", "c"]), Ok(&["a\u{200b}b", "c"]));
    check("\t\na\u{b}b\u{c}c\rd ", None, -1, Ok(&["a", "b", "c", "d"]), Ok(&["a", "b", "c", "d"]));
    check("\t\na\u{b}b\u{c}c\rd ", None, 0, Ok(&["a\u{b}b\u{c}c\rd "]), Ok(&["\t\na\u{b}b\u{c}c\rd"]));
    check("\t\na\u{b}b\u{c}c\rd ", None, 1, Ok(&["a", "b\u{c}c\rd "]), Ok(&["\t\na\u{b}b\u{c}c", "d"]));
    check("\t\na\u{b}b\u{c}c\rd ", None, 2, Ok(&["a", "b", "c\rd "]), Ok(&["\t\na\u{b}b", "c", "d"]));
    check("\t\na\u{b}b\u{c}c\rd ", None, 10, Ok(&["a", "b", "c", "d"]), Ok(&["a", "b", "c", "d"]));
    check("  α  β  ", None, -1, Ok(&["α", "β"]), Ok(&["α", "β"]));
    check("  α  β  ", None, 0, Ok(&["α  β  "]), Ok(&["  α  β"]));
    check("  α  β  ", None, 1, Ok(&["α", "β  "]), Ok(&["  α", "β"]));
    check("  α  β  ", None, 2, Ok(&["α", "β"]), Ok(&["α", "β"]));
    check("  α  β  ", None, 10, Ok(&["α", "β"]), Ok(&["α", "β"]));
    check("x y z", None, -1, Ok(&["x", "y", "z"]), Ok(&["x", "y", "z"]));
    check("x y z", None, 0, Ok(&["x y z"]), Ok(&["x y z"]));
    check("x y z", None, 1, Ok(&["x", "y z"]), Ok(&["x y", "z"]));
    check("x y z", None, 2, Ok(&["x", "y", "z"]), Ok(&["x", "y", "z"]));
    check("x y z", None, 10, Ok(&["x", "y", "z"]), Ok(&["x", "y", "z"]));
}

#[test]
#[rustfmt::skip]
fn bytes_split_matches_cpython() {
    fn check(s: &[u8], sep: Option<&[u8]>, max: i64, sp: TextResult<&[&[u8]]>, rsp: TextResult<&[&[u8]]>) {
        assert_eq!(bytes_split(s, sep, max), sp.map(<[&[u8]]>::to_vec), "split {s:?} {sep:?} {max}");
        assert_eq!(bytes_rsplit(s, sep, max), rsp.map(<[&[u8]]>::to_vec), "rsplit {s:?} {sep:?} {max}");
    }
    check(b"a,b,,c", Some(b","), -1, Ok(&[b"a", b"b", b"", b"c"]), Ok(&[b"a", b"b", b"", b"c"]));
    check(b"a,b,,c", Some(b","), 0, Ok(&[b"a,b,,c"]), Ok(&[b"a,b,,c"]));
    check(b"a,b,,c", Some(b","), 1, Ok(&[b"a", b"b,,c"]), Ok(&[b"a,b,", b"c"]));
    check(b"a,b,,c", Some(b","), 2, Ok(&[b"a", b"b", b",c"]), Ok(&[b"a,b", b"", b"c"]));
    check(b"aaa", Some(b"aa"), -1, Ok(&[b"", b"a"]), Ok(&[b"a", b""]));
    check(b"aaa", Some(b"aa"), 0, Ok(&[b"aaa"]), Ok(&[b"aaa"]));
    check(b"aaa", Some(b"aa"), 1, Ok(&[b"", b"a"]), Ok(&[b"a", b""]));
    check(b"aaa", Some(b"aa"), 2, Ok(&[b"", b"a"]), Ok(&[b"a", b""]));
    check(b"", Some(b","), -1, Ok(&[b""]), Ok(&[b""]));
    check(b"", Some(b","), 0, Ok(&[b""]), Ok(&[b""]));
    check(b"", Some(b","), 1, Ok(&[b""]), Ok(&[b""]));
    check(b"", Some(b","), 2, Ok(&[b""]), Ok(&[b""]));
    check(b"a b", Some(b""), -1, Err(verr("empty separator")), Err(verr("empty separator")));
    check(b"a b", Some(b""), 0, Err(verr("empty separator")), Err(verr("empty separator")));
    check(b"a b", Some(b""), 1, Err(verr("empty separator")), Err(verr("empty separator")));
    check(b"a b", Some(b""), 2, Err(verr("empty separator")), Err(verr("empty separator")));
    check(b"  a  b c  ", None, -1, Ok(&[b"a", b"b", b"c"]), Ok(&[b"a", b"b", b"c"]));
    check(b"  a  b c  ", None, 0, Ok(&[b"a  b c  "]), Ok(&[b"  a  b c"]));
    check(b"  a  b c  ", None, 1, Ok(&[b"a", b"b c  "]), Ok(&[b"  a  b", b"c"]));
    check(b"  a  b c  ", None, 2, Ok(&[b"a", b"b", b"c  "]), Ok(&[b"  a", b"b", b"c"]));
    check(b"", None, -1, Ok(&[]), Ok(&[]));
    check(b"", None, 0, Ok(&[]), Ok(&[]));
    check(b"", None, 1, Ok(&[]), Ok(&[]));
    check(b"", None, 2, Ok(&[]), Ok(&[]));
    check(b"\x1ca\x0bb\x0cc\x85", None, -1, Ok(&[b"\x1ca", b"b", b"c\x85"]), Ok(&[b"\x1ca", b"b", b"c\x85"]));
    check(b"\x1ca\x0bb\x0cc\x85", None, 0, Ok(&[b"\x1ca\x0bb\x0cc\x85"]), Ok(&[b"\x1ca\x0bb\x0cc\x85"]));
    check(b"\x1ca\x0bb\x0cc\x85", None, 1, Ok(&[b"\x1ca", b"b\x0cc\x85"]), Ok(&[b"\x1ca\x0bb", b"c\x85"]));
    check(b"\x1ca\x0bb\x0cc\x85", None, 2, Ok(&[b"\x1ca", b"b", b"c\x85"]), Ok(&[b"\x1ca", b"b", b"c\x85"]));
    check(b"\xff \xfe", None, -1, Ok(&[b"\xff", b"\xfe"]), Ok(&[b"\xff", b"\xfe"]));
    check(b"\xff \xfe", None, 0, Ok(&[b"\xff \xfe"]), Ok(&[b"\xff \xfe"]));
    check(b"\xff \xfe", None, 1, Ok(&[b"\xff", b"\xfe"]), Ok(&[b"\xff", b"\xfe"]));
    check(b"\xff \xfe", None, 2, Ok(&[b"\xff", b"\xfe"]), Ok(&[b"\xff", b"\xfe"]));
    check(b"a::b::c", Some(b"::"), -1, Ok(&[b"a", b"b", b"c"]), Ok(&[b"a", b"b", b"c"]));
    check(b"a::b::c", Some(b"::"), 0, Ok(&[b"a::b::c"]), Ok(&[b"a::b::c"]));
    check(b"a::b::c", Some(b"::"), 1, Ok(&[b"a", b"b::c"]), Ok(&[b"a::b", b"c"]));
    check(b"a::b::c", Some(b"::"), 2, Ok(&[b"a", b"b", b"c"]), Ok(&[b"a", b"b", b"c"]));
}

#[test]
#[rustfmt::skip]
fn splitlines_matches_cpython() {
    fn check(s: &str, plain: &[&str], keep: &[&str]) {
        assert_eq!(splitlines(s, false), plain, "{s:?}");
        assert_eq!(splitlines(s, true), keep, "{s:?}");
    }
    fn bcheck(s: &[u8], plain: &[&[u8]], keep: &[&[u8]]) {
        assert_eq!(bytes_splitlines(s, false), plain, "{s:?}");
        assert_eq!(bytes_splitlines(s, true), keep, "{s:?}");
    }
    check("a\nb\r\nc\rd\u{b}e\u{c}f\u{1c}g\u{1d}h\u{1e}i\u{85}j\u{2028}k\u{2029}l", &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"], &["a\n", "b\r\n", "c\r", "d\u{b}", "e\u{c}", "f\u{1c}", "g\u{1d}", "h\u{1e}", "i\u{85}", "j\u{2028}", "k\u{2029}", "l"]);
    check("a\n\n", &["a", ""], &["a\n", "\n"]);
    check("\r\n", &[""], &["\r\n"]);
    check("", &[], &[]);
    check("abc", &["abc"], &["abc"]);
    check("a\u{1f}b", &["a\u{1f}b"], &["a\u{1f}b"]);
    check("\n\r", &["", ""], &["\n", "\r"]);
    check("a\r\n\r\nb", &["a", "", "b"], &["a\r\n", "\r\n", "b"]);
    check("\r", &[""], &["\r"]);
    check("α\nβ\r", &["α", "β"], &["α\n", "β\r"]);
    check("x\u{2029}", &["x"], &["x\u{2029}"]);
    bcheck(b"a\nb\r\nc\rd\x0be\x0cf\x1cg", &[b"a", b"b", b"c", b"d\x0be\x0cf\x1cg"], &[b"a\n", b"b\r\n", b"c\r", b"d\x0be\x0cf\x1cg"]);
    bcheck(b"a\n\n", &[b"a", b""], &[b"a\n", b"\n"]);
    bcheck(b"\r\n", &[b""], &[b"\r\n"]);
    bcheck(b"", &[], &[]);
    bcheck(b"\n\r", &[b"", b""], &[b"\n", b"\r"]);
    bcheck(b"a\r\n\r\nb", &[b"a", b"", b"b"], &[b"a\r\n", b"\r\n", b"b"]);
    bcheck(b"x\x85y", &[b"x\x85y"], &[b"x\x85y"]);
}

#[test]
#[rustfmt::skip]
fn strip_and_partition_match_cpython() {
    fn check(s: &str, chars: Option<&str>, both: &str, left: &str, right: &str) {
        assert_eq!(strip(s, chars), both, "{s:?} {chars:?}");
        assert_eq!(lstrip(s, chars), left, "{s:?} {chars:?}");
        assert_eq!(rstrip(s, chars), right, "{s:?} {chars:?}");
    }
    fn bcheck(s: &[u8], chars: Option<&[u8]>, both: &[u8], left: &[u8], right: &[u8]) {
        assert_eq!(bytes_strip(s, chars), both, "{s:?} {chars:?}");
        assert_eq!(bytes_lstrip(s, chars), left, "{s:?} {chars:?}");
        assert_eq!(bytes_rstrip(s, chars), right, "{s:?} {chars:?}");
    }
    type Parts<'a> = (&'a str, &'a str, &'a str);
    fn pcheck(s: &str, sep: &str, p: TextResult<Parts>, rp: TextResult<Parts>) {
        assert_eq!(partition(s, sep), p, "{s:?} {sep:?}");
        assert_eq!(rpartition(s, sep), rp, "{s:?} {sep:?}");
    }
    type BParts<'a> = (&'a [u8], &'a [u8], &'a [u8]);
    fn bpcheck(s: &[u8], sep: &[u8], p: TextResult<BParts>, rp: TextResult<BParts>) {
        assert_eq!(bytes_partition(s, sep), p, "{s:?} {sep:?}");
        assert_eq!(bytes_rpartition(s, sep), rp, "{s:?} {sep:?}");
    }
    check("  \t a b \n ", None, "a b", "a b \n ", "  \t a b");
    check("\u{1c}\u{1f}ab\u{1e}", None, "ab", "ab\u{1e}", "\u{1c}\u{1f}ab");
    check("\u{3000}ab\u{a0}\u{2029}", None, "ab", "ab\u{a0}\u{2029}", "\u{3000}ab");
    check("xxaxbxx", Some("x"), "axb", "axbxx", "xxaxb");
    check("abcba", Some("ab"), "c", "cba", "abc");
    check("αβγα", Some("α"), "βγ", "βγα", "αβγ");
    check("αβγα", Some("γα"), "β", "βγα", "αβ");
    check("abc", Some(""), "abc", "abc", "abc");
    check("", None, "", "", "");
    check("aaa", Some("a"), "", "", "");
    check("\u{200b}ab\u{200b}", None, "\u{200b}ab\u{200b}", "\u{200b}ab\u{200b}", "\u{200b}ab\u{200b}");
    check("€a€", Some("€x"), "a", "a€", "€a");
    check("   ", None, "", "", "");
    check("a", None, "a", "a", "a");
    bcheck(b"  \t a b \n\x0b", None, b"a b", b"a b \n\x0b", b"  \t a b");
    bcheck(b"\x1cab\x1c", None, b"\x1cab\x1c", b"\x1cab\x1c", b"\x1cab\x1c");
    bcheck(b"xxaxbxx", Some(b"x"), b"axb", b"axbxx", b"xxaxb");
    bcheck(b"abc", Some(b""), b"abc", b"abc", b"abc");
    bcheck(b"\xffa\xff", Some(b"\xff"), b"a", b"a\xff", b"\xffa");
    pcheck("a,b,c", ",", Ok(("a", ",", "b,c")), Ok(("a,b", ",", "c")));
    pcheck("abc", ",", Ok(("abc", "", "")), Ok(("", "", "abc")));
    pcheck("a,b", "", Err(verr("empty separator")), Err(verr("empty separator")));
    pcheck("αβγβδ", "β", Ok(("α", "β", "γβδ")), Ok(("αβγ", "β", "δ")));
    pcheck("", "x", Ok(("", "", "")), Ok(("", "", "")));
    pcheck("abab", "ab", Ok(("", "ab", "ab")), Ok(("ab", "ab", "")));
    pcheck("a::b", "::", Ok(("a", "::", "b")), Ok(("a", "::", "b")));
    bpcheck(b"a,b,c", b",", Ok((b"a", b",", b"b,c")), Ok((b"a,b", b",", b"c")));
    bpcheck(b"abc", b",", Ok((b"abc", b"", b"")), Ok((b"", b"", b"abc")));
    bpcheck(b"a,b", b"", Err(verr("empty separator")), Err(verr("empty separator")));
}

#[test]
#[rustfmt::skip]
fn removeprefix_matches_cpython() {
    fn check(s: &str, p: &str, pre: &str, suf: &str) {
        assert_eq!((removeprefix(s, p), removesuffix(s, p)), (pre, suf), "{s:?} {p:?}");
    }
    fn bcheck(s: &[u8], p: &[u8], pre: &[u8], suf: &[u8]) {
        assert_eq!((bytes_removeprefix(s, p), bytes_removesuffix(s, p)), (pre, suf), "{s:?} {p:?}");
    }
    check("abcabc", "ab", "cabc", "abcabc");
    check("abcabc", "bc", "abcabc", "abca");
    check("abc", "", "abc", "abc");
    check("", "a", "", "");
    check("αβγ", "α", "βγ", "αβγ");
    check("αβγ", "βγ", "αβγ", "α");
    check("abc", "abcd", "abc", "abc");
    check("aaa", "a", "aa", "aa");
    bcheck(b"abcabc", b"ab", b"cabc", b"abcabc");
    bcheck(b"abcabc", b"bc", b"abcabc", b"abca");
    bcheck(b"abc", b"", b"abc", b"abc");
    bcheck(b"", b"a", b"", b"");
    bcheck(b"abc", b"abcd", b"abc", b"abc");
    bcheck(b"aaa", b"a", b"aa", b"aa");
}
