//! The `is*` predicates.

use super::*;

#[test]
#[rustfmt::skip]
fn predicates_match_cpython() {
    // digit decimal numeric alpha alnum space upper lower title identifier printable ascii
    fn check(s: &str, want: &str) {
        let got: String = [
            isdigit(s), isdecimal(s), isnumeric(s), isalpha(s), isalnum(s), isspace(s),
            isupper(s), islower(s), istitle(s), isidentifier(s), isprintable(s), isascii(s),
        ]
        .iter()
        .map(|&b| if b { '1' } else { '0' })
        .collect();
        assert_eq!(got, want, "{s:?}");
    }
    // digit alpha alnum space upper lower title ascii
    fn bcheck(s: &[u8], want: &str) {
        let got: String = [
            bytes_isdigit(s), bytes_isalpha(s), bytes_isalnum(s), bytes_isspace(s),
            bytes_isupper(s), bytes_islower(s), bytes_istitle(s), bytes_isascii(s),
        ]
        .iter()
        .map(|&b| if b { '1' } else { '0' })
        .collect();
        assert_eq!(got, want, "{s:?}");
    }
    check("", "000000000011");
    check("123", "111010000011");
    check("١٢٣", "111010000010");
    check("²", "101010000010");
    check("½", "001010000010");
    check("一二三", "001110000110");
    check("Ⅻ", "001010101110");
    check("abc", "000110010111");
    check("ABC", "000110100111");
    check("Abc", "000110001111");
    check("Abc Def", "000000001011");
    check("ABC def", "000000000011");
    check("aBc", "000110000111");
    check("ǅ", "000110001110");
    check("ǅa", "000110001110");
    check("Ǆ", "000110101110");
    check("ǆ", "000110010110");
    check("abc123", "000010010111");
    check("abc 123", "000000010011");
    check(" \t\n", "000001000001");
    check("\u{1c}\u{1f}", "000001000001");
    check("\u{3000}\u{a0}", "000001000000");
    check("\u{200b}", "000000000000");
    check("_abc", "000000010111");
    check("1abc", "000010010011");
    check("abc_1", "000000010111");
    check("αβγ", "000110010110");
    check("ℕ", "000110101110");
    check("℘x", "000000010110");
    check("a·b", "000000010110");
    check("·", "000000000010");
    check("x\u{301}", "000000010110");
    check("ⅰ", "001010010110");
    check("\u{7f}", "000000000001");
    check("a\u{0}", "000000010001");
    check("€", "000000000010");
    check("\u{ad}", "000000000000");
    check("\u{e000}", "000000000000");
    check("\u{e0001}", "000000000000");
    check("\u{378}", "000000000000");
    check("𝟘𝟙", "111010000010");
    check("Hello, World!", "000000001011");
    check("HELLO, WORLD!", "000000100011");
    check("ʰ", "000110010110");
    check("ª", "000110010110");
    check("Ⓐ", "000000101010");
    check("ⓐ", "000000010010");
    check("True", "000110001111");
    check("if", "000110010111");
    check("\u{2028}", "000001000000");
    check("\u{85}", "000001000000");
    check("ꭰ", "000110010110");
    check("ʕ", "000110010110");
    check("ꟲ", "000110000110");
    check("ǅungla Ǉ", "000000001010");
    check("A\u{345}", "000000001110");
    check("ῼ", "000110001110");
    check("a b", "000000010011");
    check("ⅷ", "001010010110");
    check("٣", "111010000010");
    check("𑁒", "101010000010");
    check("＿", "000000000010");
    check("ａ", "000110010110");
    check("😀", "000000000010");
    check("Ⅸa", "000010001110");
    bcheck(b"", "00000001");
    bcheck(b"123", "10100001");
    bcheck(b"abc", "01100101");
    bcheck(b"ABC", "01101001");
    bcheck(b"Abc Def", "00000011");
    bcheck(b"aBc", "01100001");
    bcheck(b"abc123", "00100101");
    bcheck(b" \t\n\x0b\x0c\r", "00010001");
    bcheck(b"\x1c", "00000001");
    bcheck(b"\xe4", "00000000");
    bcheck(b"Hello, World!", "00000011");
    bcheck(b"\x80abc", "00000100");
}
