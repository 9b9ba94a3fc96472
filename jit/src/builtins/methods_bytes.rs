//! Methods of `bytes`: decoding (UTF-8, ASCII, Latin-1 with CPython's error
//! handlers and messages), `hex`/`fromhex`, and the str-like methods via the
//! byte-wise algorithms in `text.rs`.
use std::borrow::Cow;

use crate::builtins::add_method;
use crate::builtins::text;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::methods_str::{codec_str_arg, lookup_codec, Codec};
use super::{
    add_classmethod, bind, c_int_arg, check_recv, int_bool_arg, noargs, old_style, one_arg,
    positional, slice_index_arg, ssize_arg, text_err, SLICE_MSG,
};

/// (receiver, needle, start, end) of the search methods.
type SearchArgs = (Gc<BytesObj>, Vec<u8>, Option<i64>, Option<i64>);
type AffixFn = fn(&[u8], &[u8], Option<i64>, Option<i64>) -> bool;
type PadFn = fn(&[u8], i64, u8) -> text::TextResult<Cow<'_, [u8]>>;

pub fn install(vm: &mut Vm) {
    let t = vm.types.bytes;
    let methods: &[(&'static str, NativeFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("replace", replace),
        ("startswith", startswith),
        ("endswith", endswith),
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("title", title),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isascii", isascii),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("expandtabs", expandtabs),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
    ];
    for (name, f) in methods {
        add_method(vm, t, name, *f);
    }
    add_classmethod(vm, t, "fromhex", fromhex);
}

fn recv(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<BytesObj>> {
    check_recv(vm, "bytes", name, args, |v| matches!(v, Value::Bytes(_)))?;
    match args[0] {
        Value::Bytes(b) => Ok(b),
        _ => unreachable!("checked by check_recv"),
    }
}

/// A bytes-like argument: "a bytes-like object is required, not 'str'".
fn buffer_arg(vm: &mut Vm, v: Value) -> PyResult<Gc<BytesObj>> {
    match v {
        Value::Bytes(b) => Ok(b),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn bytes_result(vm: &mut Vm, orig: Value, r: Cow<'_, [u8]>) -> Value {
    match (r, orig) {
        (Cow::Borrowed(b), Value::Bytes(o)) if b.len() == o.b.len() => orig,
        (r, _) => vm.new_bytes(r.into_owned()),
    }
}

fn bytes_list(vm: &mut Vm, parts: Vec<&[u8]>) -> Value {
    let items: Vec<Value> = parts
        .into_iter()
        .map(|p| vm.new_bytes(p.to_vec()))
        .collect();
    vm.new_list(items)
}

// ------------------------------------------------------------ decoding

/// What is being decoded: for error messages and UnicodeDecodeError's attributes.
#[derive(Clone, Copy)]
struct Decoding<'a> {
    codec: Codec,
    obj: Value,
    data: &'a [u8],
}

/// The UnicodeDecodeError CPython raises, with its attributes set.
fn decode_error(vm: &mut Vm, d: Decoding, start: usize, end: usize, reason: &str) -> PyExc {
    let (codec, obj, data) = (d.codec, d.obj, d.data);
    let what = if end - start == 1 {
        format!(
            "byte 0x{:02x} in position {start}",
            data.get(start).copied().unwrap_or(0)
        )
    } else {
        format!("bytes in position {start}-{}", end - 1)
    };
    let msg = format!("'{}' codec can't decode {what}: {reason}", codec.name());
    let e = vm.new_exception_msg("UnicodeDecodeError", &msg);
    let enc = vm.new_str(codec.name());
    let reason_v = vm.new_str(reason);
    let attrs = [
        ("encoding", enc),
        ("object", obj),
        ("start", Value::Int(start as i64)),
        ("end", Value::Int(end as i64)),
        ("reason", reason_v),
    ];
    for (k, v) in attrs {
        let key = vm.intern(k);
        let h = crate::interp::protocol::str_hash(key);
        e.class.note_instance_attr(h);
        e.table()
            .borrow_mut()
            .insert(h, Value::Str(key), v, crate::interp::protocol::str_key_eq)
            .ok();
    }
    e
}

/// Apply an error handler to the undecodable bytes `data[start..end]`.
fn handle_decode_error(
    vm: &mut Vm,
    errors: &str,
    d: Decoding,
    (start, end): (usize, usize),
    reason: &str,
    out: &mut String,
) -> PyResult<()> {
    let data = d.data;
    match errors {
        "strict" => Err(decode_error(vm, d, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        other => Err(vm.new_exception_msg(
            "LookupError",
            &format!("unknown error handler name '{other}'"),
        )),
    }
}

/// Decode `data` (the bytes object `obj`) as CPython's codecs do.
pub fn decode_bytes(
    vm: &mut Vm,
    obj: Value,
    data: &[u8],
    codec: Codec,
    errors: &str,
) -> PyResult<String> {
    let d = Decoding { codec, obj, data };
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    handle_decode_error(
                        vm,
                        errors,
                        d,
                        (i, i + 1),
                        "ordinal not in range(128)",
                        &mut out,
                    )?;
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut pos = 0;
            while pos < data.len() {
                let rest = &data[pos..];
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        // Rust reports the same maximal invalid subparts as
                        // CPython's decoder; only the reason needs classifying.
                        let (len, reason) = match e.error_len() {
                            None => (rest.len() - good, "unexpected end of data"),
                            Some(n) => {
                                let b = rest[good];
                                let bad_start = (0x80..=0xc1).contains(&b) || b >= 0xf5;
                                (
                                    n,
                                    if bad_start {
                                        "invalid start byte"
                                    } else {
                                        "invalid continuation byte"
                                    },
                                )
                            }
                        };
                        let start = pos + good;
                        handle_decode_error(vm, errors, d, (start, start + len), reason, &mut out)?;
                        pos = start + len;
                    }
                }
            }
            Ok(out)
        }
    }
}

fn decode(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = recv(vm, args, "decode")?;
    let [enc, errors] = bind(vm, "decode", &args[1..], kw, ["encoding", "errors"], 2, 0)?;
    let enc = codec_str_arg(vm, "decode", "encoding", enc, "utf-8")?;
    let errors = codec_str_arg(vm, "decode", "errors", errors, "strict")?;
    let codec = lookup_codec(vm, &enc)?;
    let s = decode_bytes(vm, args[0], &b.b, codec, &errors)?;
    Ok(vm.new_str(s))
}

// ------------------------------------------------------------ hex

fn hex(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = recv(vm, args, "hex")?;
    let [sep, per] = bind(vm, "hex", &args[1..], kw, ["sep", "bytes_per_sep"], 2, 0)?;
    let sep: Option<char> = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            let mut cs = s.as_str().chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii() => Some(c),
                (Some(_), None) => return Err(vm.value_error("sep must be ASCII.")),
                _ => return Err(vm.value_error("sep must be length 1.")),
            }
        }
        Some(Value::Bytes(s)) => match &s.b[..] {
            [c] if c.is_ascii() => Some(*c as char),
            [_] => return Err(vm.value_error("sep must be ASCII.")),
            _ => return Err(vm.value_error("sep must be length 1.")),
        },
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("object of type '{tn}' has no len()")));
        }
    };
    let per = match per {
        None => 1,
        Some(v) => c_int_arg(vm, v)?,
    };
    let data = &b.b;
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, byte) in data.iter().enumerate() {
        if let (Some(c), true) = (sep, i > 0 && group > 0) {
            // Positive: groups counted from the right; negative: from the left.
            let boundary = if per > 0 {
                (data.len() - i) % group == 0
            } else {
                i % group == 0
            };
            if boundary {
                out.push(c);
            }
        }
        out.push_str(&format!("{byte:02x}"));
    }
    Ok(vm.new_str(out))
}

/// `bytes.fromhex(s)` (a classmethod: args[0] is the type).
fn fromhex(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = one_arg(vm, &"bytes.fromhex", args, kw)?;
    let Value::Str(s) = s else {
        let tn = vm.type_name(s);
        return Err(vm.type_error(&format!("fromhex() argument must be str, not {tn}")));
    };
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |vm: &mut Vm, pos: usize| {
        vm.value_error(&format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii() && text::byte_is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let Some(hi) = chars[i].to_digit(16) else {
            return Err(bad(vm, i));
        };
        let Some(lo) = chars.get(i + 1).and_then(|c| c.to_digit(16)) else {
            return Err(bad(vm, i + 1));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(vm.new_bytes(out))
}

// ------------------------------------------------------------ join, split, strip

fn join(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let sep = recv(vm, args, "join")?;
    let iterable = one_arg(vm, &"bytes.join", args, kw)?;
    let items: Vec<Value> = match iterable {
        Value::List(l) => l.items.borrow().clone(),
        Value::Tuple(t) => t.items.to_vec(),
        other => {
            let it = match vm.get_iter(other) {
                Ok(it) => it,
                Err(e) if e.class.is_subtype_of(vm.exc_types["TypeError"]) => {
                    return Err(vm.type_error("can only join an iterable"))
                }
                Err(e) => return Err(e),
            };
            vm.collect_iterable(it)?
        }
    };
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Value::Bytes(b) = x else {
            let tn = vm.type_name(*x);
            return Err(vm.type_error(&format!(
                "sequence item {i}: expected a bytes-like object, {tn} found"
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep.b);
        }
        out.extend_from_slice(&b.b);
    }
    Ok(vm.new_bytes(out))
}

fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    name: &str,
) -> PyResult<(Gc<BytesObj>, Option<Gc<BytesObj>>, i64)> {
    let b = recv(vm, args, name)?;
    let [sep, maxsplit] = bind(vm, name, &args[1..], kw, ["sep", "maxsplit"], 2, 0)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer_arg(vm, v)?),
    };
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => ssize_arg(vm, v)?,
    };
    Ok((b, sep, maxsplit))
}

fn split(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (b, sep, n) = split_args(vm, args, kw, "split")?;
    let parts =
        text::bytes_split(&b.b, sep.as_ref().map(|s| &s.b[..]), n).map_err(|e| text_err(vm, e))?;
    Ok(bytes_list(vm, parts))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (b, sep, n) = split_args(vm, args, kw, "rsplit")?;
    let parts =
        text::bytes_rsplit(&b.b, sep.as_ref().map(|s| &s.b[..]), n).map_err(|e| text_err(vm, e))?;
    Ok(bytes_list(vm, parts))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = recv(vm, args, "splitlines")?;
    let [keepends] = bind(vm, "splitlines", &args[1..], kw, ["keepends"], 1, 0)?;
    let keep = match keepends {
        None => false,
        Some(v) => int_bool_arg(vm, v)?,
    };
    let parts = text::bytes_splitlines(&b.b, keep);
    Ok(bytes_list(vm, parts))
}

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    f: for<'a> fn(&'a [u8], Option<&[u8]>) -> &'a [u8],
) -> PyResult<Value> {
    let b = recv(vm, args, name)?;
    positional(vm, name, &format_args!("bytes.{name}"), args, kw, 0, 1)?;
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer_arg(vm, *v)?),
    };
    let r = f(&b.b, chars.as_ref().map(|c| &c.b[..]));
    Ok(bytes_result(vm, args[0], Cow::Borrowed(r)))
}

fn strip(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", text::bytes_strip)
}

fn lstrip(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", text::bytes_lstrip)
}

fn rstrip(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", text::bytes_rstrip)
}

fn affix_remove(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    prefix: bool,
) -> PyResult<Value> {
    let b = recv(vm, args, name)?;
    let p = one_arg(vm, &format_args!("bytes.{name}"), args, kw)?;
    let p = buffer_arg(vm, p)?;
    let r = if prefix {
        b.b.strip_prefix(&p.b[..])
    } else {
        b.b.strip_suffix(&p.b[..])
    };
    Ok(bytes_result(vm, args[0], Cow::Borrowed(r.unwrap_or(&b.b))))
}

fn removeprefix(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    affix_remove(vm, args, kw, "removeprefix", true)
}

fn removesuffix(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    affix_remove(vm, args, kw, "removesuffix", false)
}

fn partition_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    right: bool,
) -> PyResult<Value> {
    let b = recv(vm, args, name)?;
    let sep = one_arg(vm, &format_args!("bytes.{name}"), args, kw)?;
    let sep = buffer_arg(vm, sep)?;
    let r = if right {
        text::bytes_rpartition(&b.b, &sep.b)
    } else {
        text::bytes_partition(&b.b, &sep.b)
    };
    let (x, y, z) = r.map_err(|e| text_err(vm, e))?;
    let items = vec![
        vm.new_bytes(x.to_vec()),
        vm.new_bytes(y.to_vec()),
        vm.new_bytes(z.to_vec()),
    ];
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    partition_impl(vm, args, kw, "partition", false)
}

fn rpartition(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    partition_impl(vm, args, kw, "rpartition", true)
}

// ------------------------------------------------------------ searching

/// The needle of find/count/index: bytes, or an int naming one byte.
fn search_args(vm: &mut Vm, args: &[Value], kw: Kwargs, name: &str) -> PyResult<SearchArgs> {
    let b = recv(vm, args, name)?;
    old_style(vm, name, &format_args!("bytes.{name}"), args, kw, 1, 3)?;
    let sub = match args[1] {
        Value::Bytes(s) => s.b.to_vec(),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = match args[1] {
                Value::Int(i) => i,
                Value::Bool(x) => x as i64,
                _ => -1,
            };
            if !(0..256).contains(&n) {
                return Err(vm.value_error("byte must be in range(0, 256)"));
            }
            vec![n as u8]
        }
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "argument should be integer or bytes-like object, not '{tn}'"
            )));
        }
    };
    let start = slice_index_arg(vm, args.get(2).copied(), SLICE_MSG)?;
    let end = slice_index_arg(vm, args.get(3).copied(), SLICE_MSG)?;
    Ok((b, sub, start, end))
}

fn find(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (b, sub, s, e) = search_args(vm, args, kw, "find")?;
    Ok(Value::Int(text::bytes_find(&b.b, &sub, s, e)))
}

fn rfind(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (b, sub, s, e) = search_args(vm, args, kw, "rfind")?;
    Ok(Value::Int(text::bytes_rfind(&b.b, &sub, s, e)))
}

fn index(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (b, sub, s, e) = search_args(vm, args, kw, "index")?;
    let i = text::bytes_index(&b.b, &sub, s, e).map_err(|e| text_err(vm, e))?;
    Ok(Value::Int(i as i64))
}

fn rindex(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (b, sub, s, e) = search_args(vm, args, kw, "rindex")?;
    let i = text::bytes_rindex(&b.b, &sub, s, e).map_err(|e| text_err(vm, e))?;
    Ok(Value::Int(i as i64))
}

fn count(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (b, sub, s, e) = search_args(vm, args, kw, "count")?;
    Ok(Value::Int(text::bytes_count(&b.b, &sub, s, e) as i64))
}

fn affix_impl(vm: &mut Vm, args: &[Value], kw: Kwargs, name: &str, f: AffixFn) -> PyResult<Value> {
    let b = recv(vm, args, name)?;
    old_style(vm, name, &format_args!("bytes.{name}"), args, kw, 1, 3)?;
    let start = slice_index_arg(vm, args.get(2).copied(), SLICE_MSG)?;
    let end = slice_index_arg(vm, args.get(3).copied(), SLICE_MSG)?;
    match args[1] {
        Value::Bytes(p) => Ok(Value::Bool(f(&b.b, &p.b, start, end))),
        Value::Tuple(t) => {
            for x in t.items.iter() {
                let p = buffer_arg(vm, *x)?;
                if f(&b.b, &p.b, start, end) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "{name} first arg must be bytes or a tuple of bytes, not {tn}"
            )))
        }
    }
}

fn startswith(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    affix_impl(vm, args, kw, "startswith", text::bytes_startswith)
}

fn endswith(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    affix_impl(vm, args, kw, "endswith", text::bytes_endswith)
}

fn replace(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = recv(vm, args, "replace")?;
    positional(vm, "replace", &"bytes.replace", args, kw, 2, 3)?;
    let old = buffer_arg(vm, args[1])?;
    let new = buffer_arg(vm, args[2])?;
    let count = match args.get(3) {
        Some(v) => ssize_arg(vm, *v)?,
        None => -1,
    };
    let r = text::bytes_replace(&b.b, &old.b, &new.b, count).map_err(|e| text_err(vm, e))?;
    Ok(bytes_result(vm, args[0], r))
}

// ------------------------------------------------------------ case, predicates, padding

macro_rules! bytes_map {
    ($fname:ident, $name:literal, $f:path) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
            let b = recv(vm, args, $name)?;
            noargs(vm, &concat!("bytes.", $name), args, kw)?;
            let r = $f(&b.b);
            Ok(vm.new_bytes(r))
        }
    };
}

bytes_map!(upper, "upper", text::bytes_upper);
bytes_map!(lower, "lower", text::bytes_lower);
bytes_map!(swapcase, "swapcase", text::bytes_swapcase);
bytes_map!(capitalize, "capitalize", text::bytes_capitalize);
bytes_map!(title, "title", text::bytes_title);

macro_rules! bytes_pred {
    ($fname:ident, $name:literal, $f:path) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
            let b = recv(vm, args, $name)?;
            noargs(vm, &concat!("bytes.", $name), args, kw)?;
            Ok(Value::Bool($f(&b.b)))
        }
    };
}

bytes_pred!(isdigit, "isdigit", text::bytes_isdigit);
bytes_pred!(isalpha, "isalpha", text::bytes_isalpha);
bytes_pred!(isalnum, "isalnum", text::bytes_isalnum);
bytes_pred!(isspace, "isspace", text::bytes_isspace);
bytes_pred!(isascii, "isascii", text::bytes_isascii);
bytes_pred!(isupper, "isupper", text::bytes_isupper);
bytes_pred!(islower, "islower", text::bytes_islower);
bytes_pred!(istitle, "istitle", text::bytes_istitle);

fn pad_impl(vm: &mut Vm, args: &[Value], kw: Kwargs, name: &str, f: PadFn) -> PyResult<Value> {
    let b = recv(vm, args, name)?;
    positional(vm, name, &format_args!("bytes.{name}"), args, kw, 1, 2)?;
    let width = ssize_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(Value::Bytes(f)) if f.b.len() == 1 => f.b[0],
        Some(other) => {
            let tn = vm.type_name(*other);
            return Err(vm.type_error(&format!(
                "{name}() argument 2 must be a byte string of length 1, not {tn}"
            )));
        }
    };
    let r = f(&b.b, width, fill).map_err(|e| text_err(vm, e))?;
    Ok(bytes_result(vm, args[0], r))
}

fn center(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    pad_impl(vm, args, kw, "center", text::bytes_center)
}

fn ljust(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    pad_impl(vm, args, kw, "ljust", text::bytes_ljust)
}

fn rjust(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    pad_impl(vm, args, kw, "rjust", text::bytes_rjust)
}

fn zfill(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = recv(vm, args, "zfill")?;
    let w = one_arg(vm, &"bytes.zfill", args, kw)?;
    let width = ssize_arg(vm, w)?;
    let r = text::bytes_zfill(&b.b, width).map_err(|e| text_err(vm, e))?;
    Ok(bytes_result(vm, args[0], r))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let b = recv(vm, args, "expandtabs")?;
    let [tabsize] = bind(vm, "expandtabs", &args[1..], kw, ["tabsize"], 1, 0)?;
    let ts = match tabsize {
        None => 8,
        Some(v) => c_int_arg(vm, v)?,
    };
    let r = text::bytes_expandtabs(&b.b, ts).map_err(|e| text_err(vm, e))?;
    Ok(bytes_result(vm, args[0], r))
}
