//! Case conversion.

use super::*;

#[test]
#[rustfmt::skip]
fn case_conversions_match_cpython() {
    // [upper, lower, casefold, title, capitalize, swapcase]
    fn check(s: &str, want: [&str; 6]) {
        let got = [upper(s), lower(s), casefold(s), title(s), capitalize(s), swapcase(s)];
        assert_eq!(got, want, "{s:?}");
    }
    // [upper, lower, title, capitalize, swapcase]
    fn bcheck(s: &[u8], want: [&[u8]; 5]) {
        let got = [bytes_upper(s), bytes_lower(s), bytes_title(s), bytes_capitalize(s), bytes_swapcase(s)];
        assert_eq!(got, want, "{s:?}");
    }
    check("hello World", ["HELLO WORLD", "hello world", "hello world", "Hello World", "Hello world", "HELLO wORLD"]);
    check("ß", ["SS", "ß", "ss", "Ss", "Ss", "SS"]);
    check("ǆemal ǅ Ǆ", ["ǄEMAL Ǆ Ǆ", "ǆemal ǆ ǆ", "ǆemal ǆ ǆ", "ǅemal ǅ ǅ", "ǅemal ǆ ǆ", "ǄEMAL ǅ ǆ"]);
    check("ΑΣ ΑΣΑ Σ", ["ΑΣ ΑΣΑ Σ", "ας ασα σ", "ασ ασα σ", "Ας Ασα Σ", "Ας ασα σ", "ας ασα σ"]);
    check("ΌΣΟΣ.", ["ΌΣΟΣ.", "όσος.", "όσοσ.", "Όσος.", "Όσος.", "όσος."]);
    check("ﬁnance ﬃ", ["FINANCE FFI", "ﬁnance ﬃ", "finance ffi", "Finance Ffi", "Finance ﬃ", "FINANCE FFI"]);
    check("İstanbul", ["İSTANBUL", "i\u{307}stanbul", "i\u{307}stanbul", "İstanbul", "İstanbul", "i\u{307}STANBUL"]);
    check("they're bill's friends", ["THEY'RE BILL'S FRIENDS", "they're bill's friends", "they're bill's friends", "They'Re Bill'S Friends", "They're bill's friends", "THEY'RE BILL'S FRIENDS"]);
    check("hello_world2you", ["HELLO_WORLD2YOU", "hello_world2you", "hello_world2you", "Hello_World2You", "Hello_world2you", "HELLO_WORLD2YOU"]);
    check("ῼ ᾳ ᾀ ᾈ", ["ΩΙ ΑΙ ἈΙ ἈΙ", "ῳ ᾳ ᾀ ᾀ", "ωι αι ἀι ἀι", "ῼ ᾼ ᾈ ᾈ", "ῼ ᾳ ᾀ ᾀ", "ῼ ΑΙ ἈΙ ᾈ"]);
    check("ŉ", ["ʼN", "ŉ", "ʼn", "ʼN", "ʼN", "ʼN"]);
    check("ΐ", ["Ι\u{308}\u{301}", "ΐ", "ι\u{308}\u{301}", "Ι\u{308}\u{301}", "Ι\u{308}\u{301}", "Ι\u{308}\u{301}"]);
    check("Σ", ["Σ", "σ", "σ", "Σ", "Σ", "σ"]);
    check("aΣ", ["AΣ", "aς", "aσ", "Aς", "Aς", "Aς"]);
    check("aΣ'", ["AΣ'", "aς'", "aσ'", "Aς'", "Aς'", "Aς'"]);
    check("aΣ'b", ["AΣ'B", "aσ'b", "aσ'b", "Aσ'B", "Aσ'b", "Aσ'B"]);
    check("ʰΣ", ["ʰΣ", "ʰσ", "ʰσ", "ʰσ", "ʰσ", "ʰσ"]);
    check("AʰΣ", ["AʰΣ", "aʰς", "aʰσ", "Aʰς", "Aʰς", "aʰς"]);
    check("A\u{301}Σ\u{301}", ["A\u{301}Σ\u{301}", "a\u{301}ς\u{301}", "a\u{301}σ\u{301}", "A\u{301}Σ\u{301}", "A\u{301}ς\u{301}", "a\u{301}ς\u{301}"]);
    check("Σa", ["ΣA", "σa", "σa", "Σa", "Σa", "σA"]);
    check("ꭰ Ꭰ ᏸ", ["Ꭰ Ꭰ Ᏸ", "ꭰ ꭰ ᏸ", "Ꭰ Ꭰ Ᏸ", "Ꭰ Ꭰ Ᏸ", "Ꭰ ꭰ ᏸ", "Ꭰ ꭰ Ᏸ"]);
    check("ẞ", ["ẞ", "ß", "ss", "ẞ", "ẞ", "ß"]);
    check("ƛ ɤ ʕ", ["ƛ ɤ ʕ", "ƛ ɤ ʕ", "ƛ ɤ ʕ", "ƛ ɤ ʕ", "ƛ ɤ ʕ", "ƛ ɤ ʕ"]);
    check("ꟲ ꭩ", ["ꟲ ꭩ", "ꟲ ꭩ", "ꟲ ꭩ", "ꟲ ꭩ", "ꟲ ꭩ", "ꟲ ꭩ"]);
    check("abc", ["ABC", "abc", "abc", "Abc", "Abc", "ABC"]);
    check("", ["", "", "", "", "", ""]);
    check("123abc DEF", ["123ABC DEF", "123abc def", "123abc def", "123Abc Def", "123abc def", "123ABC def"]);
    check("x\u{345}Σ", ["XΙΣ", "x\u{345}ς", "xισ", "X\u{345}ς", "X\u{345}ς", "XΙς"]);
    check("ǅungla", ["ǄUNGLA", "ǆungla", "ǆungla", "ǅungla", "ǅungla", "ǅUNGLA"]);
    check("MiXeD cAsE", ["MIXED CASE", "mixed case", "mixed case", "Mixed Case", "Mixed case", "mIxEd CaSe"]);
    check("µ ſ ς", ["Μ S Σ", "µ ſ ς", "μ s σ", "Μ S Σ", "Μ ſ ς", "Μ S Σ"]);
    check("ﬀ", ["FF", "ﬀ", "ff", "Ff", "Ff", "FF"]);
    check("ǰ", ["J\u{30c}", "ǰ", "j\u{30c}", "J\u{30c}", "J\u{30c}", "J\u{30c}"]);
    check("Ⓐⓐ", ["ⒶⒶ", "ⓐⓐ", "ⓐⓐ", "Ⓐⓐ", "Ⓐⓐ", "ⓐⒶ"]);
    check("𐐀𐐨", ["𐐀𐐀", "𐐨𐐨", "𐐨𐐨", "𐐀𐐨", "𐐀𐐨", "𐐨𐐀"]);
    check("ა", ["Ა", "ა", "ა", "ა", "ა", "Ა"]);
    check("Ა", ["Ა", "ა", "ა", "Ა", "Ა", "ა"]);
    check("ᾀᾈ", ["ἈΙἈΙ", "ᾀᾀ", "ἀιἀι", "ᾈᾀ", "ᾈᾀ", "ἈΙᾈ"]);
    check("a1b2 c3", ["A1B2 C3", "a1b2 c3", "a1b2 c3", "A1B2 C3", "A1b2 c3", "A1B2 C3"]);
    check("ΣΣ", ["ΣΣ", "σς", "σσ", "Σς", "Σς", "σς"]);
    check("ǈ", ["Ǉ", "ǉ", "ǉ", "ǈ", "ǈ", "ǈ"]);
    check("σς", ["ΣΣ", "σς", "σσ", "Σς", "Σς", "ΣΣ"]);
    check("ʼn", ["ʼN", "ʼn", "ʼn", "ʼN", "ʼn", "ʼN"]);
    check("İ", ["İ", "i\u{307}", "i\u{307}", "İ", "İ", "i\u{307}"]);
    check("ı", ["I", "ı", "ı", "I", "I", "I"]);
    check("K", ["K", "k", "k", "K", "K", "k"]);
    bcheck(b"hello World", [b"HELLO WORLD", b"hello world", b"Hello World", b"Hello world", b"HELLO wORLD"]);
    bcheck(b"\xe4bc DEF", [b"\xe4BC DEF", b"\xe4bc def", b"\xe4Bc Def", b"\xe4bc def", b"\xe4BC def"]);
    bcheck(b"they're", [b"THEY'RE", b"they're", b"They'Re", b"They're", b"THEY'RE"]);
    bcheck(b"a1b2 c3", [b"A1B2 C3", b"a1b2 c3", b"A1B2 C3", b"A1b2 c3", b"A1B2 C3"]);
    bcheck(b"", [b"", b"", b"", b"", b""]);
    bcheck(b"mIxEd", [b"MIXED", b"mixed", b"Mixed", b"Mixed", b"MiXeD"]);
}
