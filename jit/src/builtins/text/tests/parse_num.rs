//! `int()` and `float()` parsing.

use super::*;

#[test]
#[rustfmt::skip]
fn int_parsing_matches_cpython() {
    fn check(s: &str, base: u32, want: TextResult<&str>) {
        let got = parse_int(s, base, DEFAULT_INT_MAX_STR_DIGITS)
            .map(|v| v.to_string())
            .map_err(|e| e.to_error_for_str(s, base));
        assert_eq!(got.as_deref().map_err(Clone::clone), want, "int({s:?}, {base})");
        if !want.as_ref().is_err_and(|e| e.msg.starts_with("Exceeds")) {
            assert_eq!(parse_int_literal(s, base).is_some(), want.is_ok(), "int({s:?}, {base})");
        }
    }
    fn check_len(s: &str, base: u32, digits: usize) {
        let got = parse_int(s, base, DEFAULT_INT_MAX_STR_DIGITS).expect("valid");
        assert_eq!(got.to_str_radix(10).len(), digits, "int({s:?}, {base})");
    }
    fn bcheck(b: &[u8], base: u32, want: TextResult<&str>) {
        let got = parse_int_bytes(b, base, DEFAULT_INT_MAX_STR_DIGITS)
            .map(|v| v.to_string())
            .map_err(|e| e.to_error_for_bytes(b, base));
        assert_eq!(got.as_deref().map_err(Clone::clone), want, "int({b:?}, {base})");
    }
    check("0", 10, Ok("0"));
    check("  -1_000 ", 10, Ok("-1000"));
    check("0x1f", 16, Ok("31"));
    check("0x1f", 0, Ok("31"));
    check("0X1F", 0, Ok("31"));
    check("0b101", 0, Ok("5"));
    check("0o17", 0, Ok("15"));
    check("0O17", 8, Ok("15"));
    check("010", 0, Err(verr("invalid literal for int() with base 0: '010'")));
    check("00", 0, Ok("0"));
    check("0_0", 0, Ok("0"));
    check("0_1", 0, Err(verr("invalid literal for int() with base 0: '0_1'")));
    check("000_000", 0, Ok("0"));
    check("1__0", 10, Err(verr("invalid literal for int() with base 10: '1__0'")));
    check("_1", 10, Err(verr("invalid literal for int() with base 10: '_1'")));
    check("1_", 10, Err(verr("invalid literal for int() with base 10: '1_'")));
    check("0x_1f", 0, Ok("31"));
    check("0x__1f", 0, Err(verr("invalid literal for int() with base 0: '0x__1f'")));
    check("0x_", 16, Err(verr("invalid literal for int() with base 16: '0x_'")));
    check("0x", 16, Err(verr("invalid literal for int() with base 16: '0x'")));
    check("0x", 0, Err(verr("invalid literal for int() with base 0: '0x'")));
    check("z", 36, Ok("35"));
    check("Z", 36, Ok("35"));
    check("10", 2, Ok("2"));
    check("12", 2, Err(verr("invalid literal for int() with base 2: '12'")));
    check("+5", 10, Ok("5"));
    check("-0", 10, Ok("0"));
    check("- 5", 10, Err(verr("invalid literal for int() with base 10: '- 5'")));
    check("+-5", 10, Err(verr("invalid literal for int() with base 10: '+-5'")));
    check("", 10, Err(verr("invalid literal for int() with base 10: ''")));
    check(" ", 10, Err(verr("invalid literal for int() with base 10: ' '")));
    check("١٢٣", 10, Ok("123"));
    check("١٠", 16, Ok("16"));
    check("\u{85}1", 10, Ok("1"));
    check("\u{1c}1", 10, Err(verr("invalid literal for int() with base 10: '\\x1c1'")));
    check("1\u{0}", 10, Err(verr("invalid literal for int() with base 10: '1\\x00'")));
    check("１２", 10, Ok("12"));
    check("1e5", 10, Err(verr("invalid literal for int() with base 10: '1e5'")));
    check("999999999999999999999999999999", 10, Ok("999999999999999999999999999999"));
    check("-7777777777777777777777777777777777777777", 8, Ok("-1329227995784915872903807060280344575"));
    check("0b1", 16, Ok("177"));
    check("0b1", 2, Ok("1"));
    check("0x10", 36, Ok("42804"));
    check("  0x1f  ", 0, Ok("31"));
    check("0o", 8, Err(verr("invalid literal for int() with base 8: '0o'")));
    check("1 2", 10, Err(verr("invalid literal for int() with base 10: '1 2'")));
    check("๑", 10, Ok("1"));
    check("\u{3000} 42 \u{2028}", 10, Ok("42"));
    check("12", 1, Err(verr("int() base must be >= 2 and <= 36, or 0")));
    check("12", 37, Err(verr("int() base must be >= 2 and <= 36, or 0")));
    check(&"x".repeat(300), 10, Err(verr(&format!("invalid literal for int() with base 10: '{}", "x".repeat(199)))));
    check(&"1".repeat(5000), 10, Err(verr("Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit")));
    check(&("1".repeat(5000) + "x"), 10, Err(verr("Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit")));
    check_len(&("1_".repeat(2200) + "1"), 10, 2201);
    check(&"0".repeat(5000), 0, Err(verr("Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit")));
    check_len(&"1".repeat(5000), 16, 6020);
    check_len(&"1".repeat(4300), 10, 4300);
    check("18446744073709551616", 10, Ok("18446744073709551616"));
    check("-9223372036854775808", 10, Ok("-9223372036854775808"));
    check("zzzzzzzzzzzzz", 36, Ok("170581728179578208255"));
    check("²", 10, Err(verr("invalid literal for int() with base 10: '²'")));
    check("Ⅻ", 10, Err(verr("invalid literal for int() with base 10: 'Ⅻ'")));
    check("\u{7f}1", 10, Err(verr("invalid literal for int() with base 10: '\\x7f1'")));
    check("1.0", 10, Err(verr("invalid literal for int() with base 10: '1.0'")));
    check("0b", 2, Err(verr("invalid literal for int() with base 2: '0b'")));
    check("0b_1_0", 2, Ok("2"));
    check("0b_1__0", 2, Err(verr("invalid literal for int() with base 2: '0b_1__0'")));
    check("٣_٤", 10, Ok("34"));
    bcheck(b" 12 ", 10, Ok("12"));
    bcheck(b"x", 10, Err(verr("invalid literal for int() with base 10: b'x'")));
    bcheck(b"\xff", 10, Err(verr("invalid literal for int() with base 10: b'\\xff'")));
    bcheck(b"0x1f", 0, Ok("31"));
    bcheck(b"\x851", 10, Err(verr("invalid literal for int() with base 10: b'\\x851'")));
    bcheck(b"1_0", 10, Ok("10"));
}

#[test]
#[rustfmt::skip]
fn float_parsing_matches_cpython() {
    // Expected values are the IEEE bits of CPython's result.
    fn check(s: &str, want: Option<u64>) {
        assert_eq!(parse_float(s).map(f64::to_bits), want, "float({s:?})");
    }
    fn bcheck(b: &[u8], want: Option<u64>) {
        assert_eq!(parse_float_bytes(b).map(f64::to_bits), want, "float({b:?})");
    }
    check(" 1e5 ", Some(0x40f86a0000000000));
    check("inf", Some(0x7ff0000000000000));
    check("-Infinity", Some(0xfff0000000000000));
    check("nan", Some(0x7ff8000000000000));
    check("-nan", Some(0xfff8000000000000));
    check("+inF", Some(0x7ff0000000000000));
    check("1_000.5", Some(0x408f440000000000));
    check("1__0", None);
    check("_1", None);
    check("1_", None);
    check("1_.5", None);
    check("1._5", None);
    check("1e_5", None);
    check("1e5_0", Some(0x4a511b0ec57e649a));
    check(".5", Some(0x3fe0000000000000));
    check("5.", Some(0x4014000000000000));
    check(".", None);
    check("e5", None);
    check("1e", None);
    check("1e+", None);
    check("1e+5", Some(0x40f86a0000000000));
    check("0x10", None);
    check("1.5e-3", Some(0x3f589374bc6a7efa));
    check("١.٥", Some(0x3ff8000000000000));
    check("\u{3000} 2.5 \u{85}", Some(0x4004000000000000));
    check("\u{1c}1.0", None);
    check("", None);
    check("   ", None);
    check("1 2", None);
    check("infinity", Some(0x7ff0000000000000));
    check("infinit", None);
    check("nan(123)", None);
    check("1e400", Some(0x7ff0000000000000));
    check("-1e400", Some(0xfff0000000000000));
    check("1e-400", Some(0x0000000000000000));
    check("0.1", Some(0x3fb999999999999a));
    check("123456789012345678901234567890", Some(0x45f8ee90ff6c373e));
    check("1.7976931348623157e308", Some(0x7fefffffffffffff));
    check("1.7976931348623159e308", Some(0x7ff0000000000000));
    check("2.2250738585072014e-308", Some(0x0010000000000000));
    check("4.9e-324", Some(0x0000000000000001));
    check("2e-324", Some(0x0000000000000000));
    check("-0", Some(0x8000000000000000));
    check("-0.0", Some(0x8000000000000000));
    check("+.5e+3", Some(0x407f400000000000));
    check("1\u{0}", None);
    check("+", None);
    check("-", None);
    check("in", None);
    check("infinityy", None);
    check("NaN", Some(0x7ff8000000000000));
    check("nAn", Some(0x7ff8000000000000));
    check("-iNfInItY", Some(0xfff0000000000000));
    check("0.30000000000000004", Some(0x3fd3333333333334));
    check("9007199254740993", Some(0x4340000000000000));
    check("1E5", Some(0x40f86a0000000000));
    check("1e-5", Some(0x3ee4f8b588e368f1));
    check("00012.50", Some(0x4029000000000000));
    check("１.５", Some(0x3ff8000000000000));
    check("1,5", None);
    check("0_1.5", Some(0x3ff8000000000000));
    check("1_2e1_0", Some(0x423bf08eb0000000));
    check(" _1", None);
    check("1 _", None);
    check("++1", None);
    check("1e1.5", None);
    check("١_٢", Some(0x4028000000000000));
    bcheck(b" 1.5 ", Some(0x3ff8000000000000));
    bcheck(b"\xff", None);
    bcheck(b"1_0", Some(0x4024000000000000));
    bcheck(b"inf", Some(0x7ff0000000000000));
    assert_eq!(float_error_message("x"), "could not convert string to float: 'x'");
    assert_eq!(float_error_message("it's"), "could not convert string to float: \"it's\"");
    assert_eq!(float_error_message(""), "could not convert string to float: ''");
    assert_eq!(float_error_message_bytes(b"x"), "could not convert string to float: b'x'");
    assert_eq!(float_error_message_bytes(b"\xff"), "could not convert string to float: b'\\xff'");
}
