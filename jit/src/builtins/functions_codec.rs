//! The text codecs `str(b, encoding)` and `bytes(s, encoding)` need: UTF-8,
//! ASCII and Latin-1 with the `strict`, `ignore` and `replace` error
//! handlers, raising CPython's exact UnicodeDecodeError / UnicodeEncodeError /
//! LookupError messages.

use crate::interp::vm::Vm;
use crate::runtime::object::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// Look a codec up by any of its common aliases (CPython normalises case,
/// hyphens and spaces the same way).
fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Codec> {
    let norm: String = encoding
        .trim()
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us_ascii" | "646" | "us" => Ok(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" => Ok(Codec::Latin1),
        _ => Err(vm.new_exception_msg("LookupError", &format!("unknown encoding: {encoding}"))),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
}

fn handler(vm: &mut Vm, errors: Option<&str>) -> PyResult<Handler> {
    match errors.unwrap_or("strict") {
        "strict" => Ok(Handler::Strict),
        "ignore" => Ok(Handler::Ignore),
        "replace" => Ok(Handler::Replace),
        other => Err(vm.new_exception_msg(
            "LookupError",
            &format!("unknown error handler name '{other}'"),
        )),
    }
}

/// UnicodeDecodeError's text for bytes [start, end) of `b`.
fn decode_error(
    vm: &mut Vm,
    codec: Codec,
    b: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyExc {
    let msg = if end <= start + 1 {
        let byte = b.get(start).copied().unwrap_or(0);
        format!(
            "'{}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}",
            codec.name()
        )
    } else {
        format!(
            "'{}' codec can't decode bytes in position {start}-{}: {reason}",
            codec.name(),
            end - 1
        )
    };
    vm.new_exception_msg("UnicodeDecodeError", &msg)
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: Option<&str>) -> PyResult<String> {
    let codec = lookup(vm, encoding)?;
    match codec {
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match handler(vm, errors)? {
                    Handler::Strict => {
                        return Err(decode_error(
                            vm,
                            codec,
                            b,
                            i,
                            i + 1,
                            "ordinal not in range(128)",
                        ))
                    }
                    Handler::Ignore => {}
                    Handler::Replace => out.push('\u{FFFD}'),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut rest = b;
            let mut offset = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // The prefix up to `good` was just validated.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let start = offset + good;
                        let bad_len = e.error_len().unwrap_or(rest.len() - good);
                        let h = handler(vm, errors)?;
                        if h == Handler::Strict {
                            let first = rest.get(good).copied().unwrap_or(0);
                            let reason = if e.error_len().is_none() {
                                "unexpected end of data"
                            } else if (0x80..=0xC1).contains(&first) || first >= 0xF5 {
                                "invalid start byte"
                            } else {
                                "invalid continuation byte"
                            };
                            return Err(decode_error(vm, codec, b, start, start + bad_len, reason));
                        }
                        if h == Handler::Replace {
                            out.push('\u{FFFD}');
                        }
                        let skip = (good + bad_len).min(rest.len());
                        rest = &rest[skip..];
                        offset += skip;
                    }
                }
            }
        }
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // CPython reports the whole run of unencodable characters at once.
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match handler(vm, errors)? {
            Handler::Strict => {
                let what = if end == i + 1 {
                    format!("character '{}' in position {i}", escape_char(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                let msg = format!(
                    "'{}' codec can't encode {what}: ordinal not in range({limit})",
                    codec.name()
                );
                return Err(vm.new_exception_msg("UnicodeEncodeError", &msg));
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', end - i)),
        }
        i = end;
    }
    Ok(out)
}

/// A character as CPython's `%R`-style escape in encode errors.
fn escape_char(c: char) -> String {
    let cp = c as u32;
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}
