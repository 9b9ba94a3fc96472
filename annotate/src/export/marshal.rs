//! Just enough of Python's `marshal` format to write a pstats file: dicts,
//! tuples, str, int and float. Layout per CPython's `Python/marshal.c`.
//!
//! We never set FLAG_REF (0x80) nor write back-references: `marshal.load`
//! accepts objects without them, and skipping them keeps the writer
//! stateless (CPython's own output only uses them to share repeated keys).

/// A value the writer can encode.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(u64),
    Float(f64),
    Str(String),
    Tuple(Vec<Value>),
    /// Key/value pairs, written in the given order.
    Dict(Vec<(Value, Value)>),
}

const TYPE_NULL: u8 = b'0';
const TYPE_INT: u8 = b'i';
const TYPE_LONG: u8 = b'l';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_UNICODE: u8 = b'u';
const TYPE_TUPLE: u8 = b'(';
const TYPE_DICT: u8 = b'{';

/// Encode one object (what `marshal.dumps` would produce, minus refs).
pub fn encode(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write(&mut out, v);
    out
}

fn write(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Int(n) => write_int(out, *n),
        Value::Float(f) => {
            // 'g' (binary float, marshal v2+) is exact; the older 'f' is
            // decimal text and would round.
            out.push(TYPE_BINARY_FLOAT);
            out.extend_from_slice(&f.to_le_bytes());
        }
        Value::Str(s) => {
            // 'u' is UTF-8 of any content; the short 'z'/'a' forms are
            // ASCII-only, so 'u' is the one code that is always right.
            out.push(TYPE_UNICODE);
            write_len(out, s.len());
            out.extend_from_slice(s.as_bytes());
        }
        Value::Tuple(items) => {
            out.push(TYPE_TUPLE);
            write_len(out, items.len());
            for item in items {
                write(out, item);
            }
        }
        Value::Dict(pairs) => {
            // A dict has no length: pairs run until a NULL where a key would be.
            out.push(TYPE_DICT);
            for (k, v) in pairs {
                write(out, k);
                write(out, v);
            }
            out.push(TYPE_NULL);
        }
    }
}

/// Lengths are i32; a pstats file never comes near 2^31 items or bytes,
/// so saturating only guards against nonsense input.
fn write_len(out: &mut Vec<u8>, n: usize) {
    let n = i32::try_from(n).unwrap_or(i32::MAX);
    out.extend_from_slice(&n.to_le_bytes());
}

fn write_int(out: &mut Vec<u8>, n: u64) {
    if let Ok(small) = i32::try_from(n) {
        out.push(TYPE_INT);
        out.extend_from_slice(&small.to_le_bytes());
        return;
    }
    // 'l': a digit count, then base-2^15 digits, least significant first
    // (CPython's PyLong_SHIFT is 30, but marshal always uses 15-bit digits).
    let mut digits = Vec::new();
    let mut rest = n;
    while rest > 0 {
        digits.push((rest & 0x7fff) as u16);
        rest >>= 15;
    }
    out.push(TYPE_LONG);
    write_len(out, digits.len());
    for d in digits {
        out.extend_from_slice(&d.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_large_ints() {
        assert_eq!(encode(&Value::Int(5)), b"i\x05\x00\x00\x00");
        // 2^31 needs three 15-bit digits: 0, 0, 2.
        assert_eq!(
            encode(&Value::Int(1 << 31)),
            b"l\x03\x00\x00\x00\x00\x00\x00\x00\x02\x00"
        );
    }

    #[test]
    fn dict_is_null_terminated() {
        let d = Value::Dict(vec![(Value::Str("a".into()), Value::Tuple(vec![]))]);
        assert_eq!(encode(&d), b"{u\x01\x00\x00\x00a(\x00\x00\x00\x000");
    }
}
