//! The profile's bulkiest lists written as JSON text by hand, then handed to
//! serde_json to copy out as they are.
//!
//! serde_json writes a struct a token at a time: every field name goes
//! through its string escaper and every token through the writer, some
//! thirty calls for a bytecode instruction's five fields. Writing a profile
//! with a few thousand instructions, type sites and lines cost more than
//! many a quick run's recording did. Here the lists whose entries are
//! numerous (`functions[].bytecode`, `lines`, `type_sites`, `allocations`,
//! compiled code's notes and offsets) are written into one buffer with
//! field names as constants, and the text goes to the serializer as a raw
//! value (serde_json's `RawValue` mechanism), which copies it verbatim.
//!
//! The text is byte for byte what the derived `Serialize` would produce
//! (same field order, integers in decimal, strings escaped as serde_json
//! escapes them); the tests compare the two.

use std::cell::RefCell;

use serde::ser::{SerializeStruct, Serializer};

use crate::schema::*;

/// The struct name serde_json's serializers take as "the field's value is
/// JSON text, copy it" (`serde_json::value::RawValue`'s own `Serialize`
/// passes the same). With another serializer it would be serialized as a
/// one-field struct; the profile is only ever written as JSON. A change of
/// the name in serde_json fails `raw_lists_match_the_derived_serialization`.
const RAW_TOKEN: &str = "$serde_json::private::RawValue";

thread_local! {
    /// The text being built, reused from list to list (lists are not
    /// nested in one another's writing: each is written out before the
    /// next begins).
    static BUF: RefCell<String> = RefCell::new(String::with_capacity(1 << 16));
}

/// Serialize `items` as a JSON array written by `Json::write`.
pub fn list<T: Json, S: Serializer>(items: &[T], s: S) -> Result<S::Ok, S::Error> {
    with_buf(|out| items.write(out), s)
}

/// Serialize a string that needs no escaping as it is (the machine code's
/// hex, which is long); anything else as serde_json would.
pub fn verbatim_str<S: Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    if needs_escape(text.as_bytes()) {
        return s.serialize_str(text);
    }
    with_buf(
        |out| {
            out.push('"');
            out.push_str(text);
            out.push('"');
        },
        s,
    )
}

/// Build the text with `f` in the reused buffer (a new one if it is in use,
/// which does not happen) and hand it to `s` as raw JSON.
fn with_buf<S: Serializer>(f: impl FnOnce(&mut String), s: S) -> Result<S::Ok, S::Error> {
    BUF.with(|b| match b.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            f(&mut buf);
            emit(&buf, s)
        }
        Err(_) => {
            let mut buf = String::new();
            f(&mut buf);
            emit(&buf, s)
        }
    })
}

fn emit<S: Serializer>(json: &str, s: S) -> Result<S::Ok, S::Error> {
    let mut st = s.serialize_struct(RAW_TOKEN, 1)?;
    st.serialize_field(RAW_TOKEN, json)?;
    st.end()
}

/// A value written as JSON text.
pub trait Json {
    fn write(&self, out: &mut String);
}

/// `{"k1":v1,"k2":v2,...}` with each value's `Json::write`: the field
/// names, with their quotes, colon and comma, are one constant each.
macro_rules! object {
    ($out:expr, $key:literal => $val:expr $(, $keys:literal => $vals:expr)* $(,)?) => {{
        let out: &mut String = $out;
        out.push_str(concat!("{\"", $key, "\":"));
        $val.write(out);
        $(
            out.push_str(concat!(",\"", $keys, "\":"));
            $vals.write(out);
        )*
        out.push('}');
    }};
}

impl Json for u64 {
    fn write(&self, out: &mut String) {
        num(out, *self);
    }
}

impl Json for u32 {
    fn write(&self, out: &mut String) {
        num(out, *self as u64);
    }
}

impl Json for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl Json for str {
    fn write(&self, out: &mut String) {
        string(out, self);
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Json> Json for [T] {
    fn write(&self, out: &mut String) {
        out.push('[');
        for (i, it) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            it.write(out);
        }
        out.push(']');
    }
}

impl Json for BytecodeInstr {
    fn write(&self, out: &mut String) {
        object!(out,
            "pc" => self.pc,
            "line" => self.line,
            "col" => self.col,
            "text" => self.text[..],
            "exec_count" => self.exec_count,
        )
    }
}

impl Json for Line {
    fn write(&self, out: &mut String) {
        object!(out,
            "file" => self.file,
            "line" => self.line,
            "samples" => self.samples,
            "samples_by_tier" => self.samples_by_tier,
            "exec_count" => self.exec_count,
        )
    }
}

impl Json for TierCounts {
    fn write(&self, out: &mut String) {
        object!(out,
            "interpreter" => self.interpreter,
            "jit" => self.jit,
            "runtime" => self.runtime,
            "collector" => self.collector,
            "compiler" => self.compiler,
        )
    }
}

impl Json for TypeSite {
    fn write(&self, out: &mut String) {
        object!(out,
            "function" => self.function,
            "pc" => self.pc,
            "line" => self.line,
            "col" => self.col,
            "op" => self.op[..],
            "operands" => self.operands[..],
        )
    }
}

impl Json for Operand {
    fn write(&self, out: &mut String) {
        object!(out,
            "role" => self.role[..],
            "types" => self.types[..],
            "megamorphic" => self.megamorphic,
        )
    }
}

impl Json for TypeCount {
    fn write(&self, out: &mut String) {
        object!(out, "type" => self.type_name[..], "count" => self.count)
    }
}

impl Json for AllocSite {
    fn write(&self, out: &mut String) {
        object!(out,
            "function" => self.function,
            "pc" => self.pc,
            "line" => self.line,
            "type" => self.type_name[..],
            "count" => self.count,
            "bytes" => self.bytes,
            "jit_count" => self.jit_count,
            "jit_bytes" => self.jit_bytes,
        )
    }
}

impl Json for CodeNote {
    fn write(&self, out: &mut String) {
        object!(out, "offset" => self.offset, "text" => self.text[..])
    }
}

/// `n` in decimal, as serde_json writes integers.
#[inline]
fn num(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// `s` as a JSON string, escaped as serde_json escapes it: the common case
/// (nothing to escape) is found a word at a time and copied whole.
fn string(out: &mut String, s: &str) {
    if !needs_escape(s.as_bytes()) {
        out.push('"');
        out.push_str(s);
        out.push('"');
        return;
    }
    // serde_json's own escaping, for the rare string that needs it.
    // SAFETY: serde_json writes valid UTF-8 (the string's text with ASCII
    // escapes), appended to valid UTF-8.
    let v = unsafe { out.as_mut_vec() };
    serde_json::to_writer(v, s).expect("writing to a Vec cannot fail");
}

/// Whether `b` has a byte JSON escapes: a control character, `"` or `\\`.
/// Blocks of 32 bytes with a test without branches, which the compiler
/// turns into vector compares (machine code's hex is hundreds of
/// kilobytes), then words, then bytes.
fn needs_escape(b: &[u8]) -> bool {
    let escapes = |c: u8| (c < 0x20) | (c == b'"') | (c == b'\\');
    let mut blocks = b.chunks_exact(32);
    for block in &mut blocks {
        if block.iter().fold(false, |acc, &c| acc | escapes(c)) {
            return true;
        }
    }
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    let mut words = blocks.remainder().chunks_exact(8);
    for c in &mut words {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        // A byte below 0x20, or equal to `"` or `\\` (the usual
        // has-zero-byte test on the word and on its xors).
        let ctrl = w.wrapping_sub(ONES * 0x20) & !w;
        let q = w ^ (ONES * b'"' as u64);
        let bs = w ^ (ONES * b'\\' as u64);
        let quote = q.wrapping_sub(ONES) & !q;
        let back = bs.wrapping_sub(ONES) & !bs;
        if (ctrl | quote | back) & HIGH != 0 {
            return true;
        }
    }
    words.remainder().iter().any(|&c| escapes(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        string(&mut out, s);
        out
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut cases: Vec<String> = (0u8..128)
            .map(|b| format!("ab{}cdefghij", b as char))
            .collect();
        cases.extend(
            [
                "",
                "plain",
                "exactly8",
                "\"",
                "\\",
                "tab\there",
                "é – ✓ 𝄞",
                "a\u{7f}b",
                "x\u{1}\u{1f}",
            ]
            .map(String::from),
        );
        for s in cases {
            assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn a_word_scan_finds_every_byte_to_escape() {
        // Each byte value at each position of strings that take each
        // path (blocks, words, bytes).
        for (len, pos) in [5, 16, 45, 77]
            .into_iter()
            .flat_map(|n| (0..n).map(move |p| (n, p)))
        {
            for b in 0u8..=255 {
                let mut v = vec![b'a'; len];
                v[pos] = b;
                let want = b < 0x20 || b == b'"' || b == b'\\';
                assert_eq!(needs_escape(&v), want, "byte {b} at {pos}");
            }
        }
        // Non-ASCII bytes never need escaping.
        assert!(!needs_escape("ééééééééé✓".as_bytes()));
    }
}

#[cfg(test)]
mod match_derived {
    use super::*;

    /// Serializes through `list` (what the profile's fields use).
    struct Raw<'a, T>(&'a [T]);

    impl<T: Json> serde::Serialize for Raw<'_, T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            list(self.0, s)
        }
    }

    fn same<T: Json + serde::Serialize>(items: &[T]) {
        assert_eq!(
            serde_json::to_string(&Raw(items)).unwrap(),
            serde_json::to_string(items).unwrap()
        );
    }

    #[test]
    fn raw_lists_match_the_derived_serialization() {
        let p = crate::fixture::example();
        assert!(!p.type_sites.is_empty() && !p.lines.is_empty() && !p.allocations.is_empty());
        same(&p.lines);
        same(&p.type_sites);
        same(&p.allocations);
        for f in &p.functions {
            same(&f.bytecode);
        }
        for c in &p.compiles {
            same(&c.notes);
            same(&c.pc_offsets);
        }
        // Edge cases the fixture may not have.
        same(&[AllocSite {
            function: None,
            pc: 0,
            line: u32::MAX,
            type_name: "a \"quoted\"\ttype\\".into(),
            count: u64::MAX,
            bytes: 0,
            jit_count: 12345678901234,
            jit_bytes: 1,
        }]);
        same(&[TypeSite {
            function: 1,
            pc: 2,
            line: 3,
            col: 4,
            op: "attribute .é".into(),
            operands: vec![
                Operand {
                    role: "left".into(),
                    types: vec![],
                    megamorphic: true,
                },
                Operand {
                    role: "right".into(),
                    types: vec![
                        TypeCount {
                            type_name: "int".into(),
                            count: 7,
                        },
                        TypeCount {
                            type_name: "\u{1}".into(),
                            count: 0,
                        },
                    ],
                    megamorphic: false,
                },
            ],
        }]);
        same::<u32>(&[]);
        same(&[0u32, 9, 10, u32::MAX]);
    }

    #[test]
    fn the_whole_profile_matches_the_derived_serialization() {
        // Compared as values: the raw lists parse back to what the derived
        // serialization of the same lists gives.
        let p = crate::fixture::example();
        let text = serde_json::to_string(&p).unwrap();
        let back: Profile = serde_json::from_str(&text).unwrap();
        assert_eq!(back, p);
        let hex = &p.compiles[0].code_hex;
        struct Hex<'a>(&'a str);
        impl serde::Serialize for Hex<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                verbatim_str(self.0, s)
            }
        }
        for h in [hex.as_str(), "", "a\"b", "x\\y"] {
            assert_eq!(
                serde_json::to_string(&Hex(h)).unwrap(),
                serde_json::to_string(h).unwrap()
            );
        }
        // serde_json::Value too (its serializer knows raw values).
        assert_eq!(
            serde_json::to_value(&p).unwrap()["lines"],
            serde_json::to_value(&p.lines).unwrap()
        );
    }
}
