//! Methods of `str`. The algorithms are `text.rs`'s (CPython-verified); this
//! file converts arguments with CPython's checks and messages, and returns the
//! receiver itself where CPython returns the same object (an unchanged strip,
//! replace or pad), which keeps `is` and memory use faithful.
use std::borrow::Cow;

use crate::builtins::add_method;
use crate::builtins::text;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{
    add_classmethod, bind, c_int_arg, check_recv, int_bool_arg, noargs, old_style, one_arg,
    positional, slice_index_arg, ssize_arg, text_err, SLICE_MSG,
};

/// (receiver, needle, start, end) of the search methods.
type SearchArgs = (Gc<StrObj>, Gc<StrObj>, Option<i64>, Option<i64>);

pub fn install(vm: &mut Vm) {
    let t = vm.types.str_;
    let methods: &[(&'static str, NativeFn)] = &[
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
        ("casefold", casefold),
        ("capitalize", capitalize),
        ("title", title),
        ("swapcase", swapcase),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("expandtabs", expandtabs),
        ("format", format),
        ("format_map", format_map),
        ("encode", encode),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("translate", translate),
    ];
    for (name, f) in methods {
        add_method(vm, t, name, *f);
    }
    add_classmethod(vm, t, "maketrans", maketrans);
}

/// The receiver as a str, or CPython's descriptor error.
fn recv(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<StrObj>> {
    check_recv(vm, "str", name, args, |v| matches!(v, Value::Str(_)))?;
    match args[0] {
        Value::Str(s) => Ok(s),
        _ => unreachable!("checked by check_recv"),
    }
}

/// A result that may be the receiver unchanged: reuse the receiver then.
fn str_result(vm: &mut Vm, orig: Value, r: Cow<'_, str>) -> Value {
    match r {
        Cow::Borrowed(b) if Some(b.len()) == orig.as_str().map(str::len) => orig,
        other => vm.new_str(other.into_owned()),
    }
}

fn str_list(vm: &mut Vm, parts: Vec<&str>) -> Value {
    let items: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    vm.new_list(items)
}

// ------------------------------------------------------------ join

fn join(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let sep = recv(vm, args, "join")?;
    let iterable = one_arg(vm, &"str.join", args, kw)?;
    let items: Vec<Value> = match iterable {
        Value::List(l) => l.items.borrow().clone(),
        Value::Tuple(t) => t.items.to_vec(),
        other => {
            // PySequence_Fast: only a failure to *get* an iterator becomes
            // "can only join an iterable"; errors while iterating propagate.
            let it = match vm.get_iter(other) {
                Ok(it) => it,
                Err(e) if e.class.is_subtype_of(vm.exc_types["TypeError"]) => {
                    return Err(vm.type_error("can only join an iterable"));
                }
                Err(e) => return Err(e),
            };
            vm.collect_iterable(it)?
        }
    };
    // Nothing below runs Python code, so the collected items need no rooting.
    let mut total = 0usize;
    for (i, x) in items.iter().enumerate() {
        match x {
            Value::Str(s) => total += s.as_str().len(),
            other => {
                let tn = vm.type_name(*other);
                return Err(vm.type_error(&format!(
                    "sequence item {i}: expected str instance, {tn} found"
                )));
            }
        }
    }
    if items.len() == 1 {
        return Ok(items[0]);
    }
    let sep_s = sep.as_str();
    let mut out = String::with_capacity(total + sep_s.len() * items.len().saturating_sub(1));
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep_s);
        }
        out.push_str(x.as_str().unwrap_or(""));
    }
    Ok(vm.new_str(out))
}

// ------------------------------------------------------------ split family

fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    name: &str,
) -> PyResult<(Gc<StrObj>, Option<Gc<StrObj>>, i64)> {
    let s = recv(vm, args, name)?;
    let [sep, maxsplit] = bind(vm, name, &args[1..], kw, ["sep", "maxsplit"], 2, 0)?;
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(p)) => Some(p),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("must be str or None, not {tn}")));
        }
    };
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => ssize_arg(vm, v)?,
    };
    Ok((s, sep, maxsplit))
}

fn split(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (s, sep, maxsplit) = split_args(vm, args, kw, "split")?;
    let parts = text::split(s.as_str(), sep.as_ref().map(|p| p.as_str()), maxsplit)
        .map_err(|e| text_err(vm, e))?;
    Ok(str_list(vm, parts))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (s, sep, maxsplit) = split_args(vm, args, kw, "rsplit")?;
    let parts = text::rsplit(s.as_str(), sep.as_ref().map(|p| p.as_str()), maxsplit)
        .map_err(|e| text_err(vm, e))?;
    Ok(str_list(vm, parts))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv(vm, args, "splitlines")?;
    let [keepends] = bind(vm, "splitlines", &args[1..], kw, ["keepends"], 1, 0)?;
    let keep = match keepends {
        None => false,
        Some(v) => int_bool_arg(vm, v)?,
    };
    let parts = text::splitlines(s.as_str(), keep);
    Ok(str_list(vm, parts))
}

fn partition_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    right: bool,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let sep = one_arg(vm, &format_args!("str.{name}"), args, kw)?;
    let Value::Str(sep) = sep else {
        let tn = vm.type_name(sep);
        return Err(vm.type_error(&format!("must be str, not {tn}")));
    };
    let r = if right {
        text::rpartition(s.as_str(), sep.as_str())
    } else {
        text::partition(s.as_str(), sep.as_str())
    };
    let (a, b, c) = r.map_err(|e| text_err(vm, e))?;
    let whole = Value::Str(s);
    let items = vec![
        if a.len() == s.as_str().len() {
            whole
        } else {
            vm.new_str(a)
        },
        if b.is_empty() {
            vm.new_str("")
        } else {
            Value::Str(sep)
        },
        if c.len() == s.as_str().len() {
            whole
        } else {
            vm.new_str(c)
        },
    ];
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    partition_impl(vm, args, kw, "partition", false)
}

fn rpartition(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    partition_impl(vm, args, kw, "rpartition", true)
}

// ------------------------------------------------------------ strip

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    f: for<'a> fn(&'a str, Option<&str>) -> &'a str,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    positional(vm, name, &format_args!("str.{name}"), args, kw, 0, 1)?;
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(*c),
        Some(_) => return Err(vm.type_error(&format!("{name} arg must be None or str"))),
    };
    let r = f(s.as_str(), chars.as_ref().map(|c| c.as_str()));
    Ok(str_result(vm, args[0], Cow::Borrowed(r)))
}

fn strip(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", text::strip)
}

fn lstrip(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", text::lstrip)
}

fn rstrip(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", text::rstrip)
}

fn removeprefix(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv(vm, args, "removeprefix")?;
    let p = one_arg(vm, &"str.removeprefix", args, kw)?;
    let Value::Str(p) = p else {
        let tn = vm.type_name(p);
        return Err(vm.type_error(&format!("removeprefix() argument must be str, not {tn}")));
    };
    let r = s.as_str().strip_prefix(p.as_str()).unwrap_or(s.as_str());
    Ok(str_result(vm, args[0], Cow::Borrowed(r)))
}

fn removesuffix(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv(vm, args, "removesuffix")?;
    let p = one_arg(vm, &"str.removesuffix", args, kw)?;
    let Value::Str(p) = p else {
        let tn = vm.type_name(p);
        return Err(vm.type_error(&format!("removesuffix() argument must be str, not {tn}")));
    };
    let r = s.as_str().strip_suffix(p.as_str()).unwrap_or(s.as_str());
    Ok(str_result(vm, args[0], Cow::Borrowed(r)))
}

// ------------------------------------------------------------ searching

/// (receiver, sub, start, end) of find/index/count and friends.
fn search_args(vm: &mut Vm, args: &[Value], kw: Kwargs, name: &str) -> PyResult<SearchArgs> {
    let s = recv(vm, args, name)?;
    old_style(vm, name, &format_args!("str.{name}"), args, kw, 1, 3)?;
    let Value::Str(sub) = args[1] else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(&format!("must be str, not {tn}")));
    };
    let start = slice_index_arg(vm, args.get(2).copied(), SLICE_MSG)?;
    let end = slice_index_arg(vm, args.get(3).copied(), SLICE_MSG)?;
    Ok((s, sub, start, end))
}

fn find(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, kw, "find")?;
    Ok(Value::Int(text::find(s.as_str(), sub.as_str(), a, b)))
}

fn rfind(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, kw, "rfind")?;
    Ok(Value::Int(text::rfind(s.as_str(), sub.as_str(), a, b)))
}

fn index(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, kw, "index")?;
    let i = text::index(s.as_str(), sub.as_str(), a, b).map_err(|e| text_err(vm, e))?;
    Ok(Value::Int(i as i64))
}

fn rindex(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, kw, "rindex")?;
    let i = text::rindex(s.as_str(), sub.as_str(), a, b).map_err(|e| text_err(vm, e))?;
    Ok(Value::Int(i as i64))
}

fn count(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, args, kw, "count")?;
    Ok(Value::Int(
        text::count(s.as_str(), sub.as_str(), a, b) as i64
    ))
}

fn affix_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    f: fn(&str, &str, Option<i64>, Option<i64>) -> bool,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    old_style(vm, name, &format_args!("str.{name}"), args, kw, 1, 3)?;
    let start = slice_index_arg(vm, args.get(2).copied(), SLICE_MSG)?;
    let end = slice_index_arg(vm, args.get(3).copied(), SLICE_MSG)?;
    match args[1] {
        Value::Str(p) => Ok(Value::Bool(f(s.as_str(), p.as_str(), start, end))),
        Value::Tuple(t) => {
            // Like CPython: stop at the first match, type-checking only the
            // elements tried so far.
            for x in t.items.iter() {
                let Value::Str(p) = x else {
                    let tn = vm.type_name(*x);
                    return Err(
                        vm.type_error(&format!("tuple for {name} must only contain str, not {tn}"))
                    );
                };
                if f(s.as_str(), p.as_str(), start, end) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "{name} first arg must be str or a tuple of str, not {tn}"
            )))
        }
    }
}

fn startswith(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    affix_impl(vm, args, kw, "startswith", text::startswith)
}

fn endswith(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    affix_impl(vm, args, kw, "endswith", text::endswith)
}

fn replace(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv(vm, args, "replace")?;
    positional(vm, "replace", &"str.replace", args, kw, 2, 3)?;
    let mut strs = [s; 2];
    for i in 0..2 {
        match args[1 + i] {
            Value::Str(x) => strs[i] = x,
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!(
                    "replace() argument {} must be str, not {tn}",
                    i + 1
                )));
            }
        }
    }
    let count = match args.get(3) {
        Some(v) => ssize_arg(vm, *v)?,
        None => -1,
    };
    let r = text::replace(s.as_str(), strs[0].as_str(), strs[1].as_str(), count)
        .map_err(|e| text_err(vm, e))?;
    Ok(str_result(vm, args[0], r))
}

// ------------------------------------------------------------ case mapping and predicates

macro_rules! case_map {
    ($fname:ident, $name:literal) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
            let s = recv(vm, args, $name)?;
            noargs(vm, &concat!("str.", $name), args, kw)?;
            let r = text::$fname(s.as_str());
            Ok(vm.new_str(r))
        }
    };
}

case_map!(upper, "upper");
case_map!(lower, "lower");
case_map!(casefold, "casefold");
case_map!(capitalize, "capitalize");
case_map!(title, "title");
case_map!(swapcase, "swapcase");

macro_rules! predicate {
    ($fname:ident, $name:literal) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
            let s = recv(vm, args, $name)?;
            noargs(vm, &concat!("str.", $name), args, kw)?;
            Ok(Value::Bool(text::$fname(s.as_str())))
        }
    };
}

predicate!(isdigit, "isdigit");
predicate!(isdecimal, "isdecimal");
predicate!(isnumeric, "isnumeric");
predicate!(isalpha, "isalpha");
predicate!(isalnum, "isalnum");
predicate!(isspace, "isspace");
predicate!(isprintable, "isprintable");
predicate!(isascii, "isascii");
predicate!(isupper, "isupper");
predicate!(islower, "islower");
predicate!(istitle, "istitle");
predicate!(isidentifier, "isidentifier");

// ------------------------------------------------------------ padding

fn pad_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    name: &str,
    f: for<'a> fn(&'a str, i64, &str) -> text::TextResult<Cow<'a, str>>,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    positional(vm, name, &format_args!("str.{name}"), args, kw, 1, 2)?;
    let width = ssize_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => " ",
        Some(Value::Str(f)) => f.as_str(),
        Some(other) => {
            let tn = vm.type_name(*other);
            return Err(vm.type_error(&format!(
                "The fill character must be a unicode character, not {tn}"
            )));
        }
    };
    let r = f(s.as_str(), width, fill).map_err(|e| text_err(vm, e))?;
    Ok(str_result(vm, args[0], r))
}

fn center(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    pad_impl(vm, args, kw, "center", text::center)
}

fn ljust(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    pad_impl(vm, args, kw, "ljust", text::ljust)
}

fn rjust(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    pad_impl(vm, args, kw, "rjust", text::rjust)
}

fn zfill(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv(vm, args, "zfill")?;
    let w = one_arg(vm, &"str.zfill", args, kw)?;
    let width = ssize_arg(vm, w)?;
    let r = text::zfill(s.as_str(), width).map_err(|e| text_err(vm, e))?;
    Ok(str_result(vm, args[0], r))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv(vm, args, "expandtabs")?;
    let [tabsize] = bind(vm, "expandtabs", &args[1..], kw, ["tabsize"], 1, 0)?;
    let ts = match tabsize {
        None => 8,
        Some(v) => c_int_arg(vm, v)?,
    };
    let r = text::expandtabs(s.as_str(), ts).map_err(|e| text_err(vm, e))?;
    Ok(str_result(vm, args[0], r))
}

// ------------------------------------------------------------ format, encode, translate

fn format(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv(vm, args, "format")?;
    let r = vm.str_format(s.as_str(), &args[1..], kw)?;
    Ok(vm.new_str(r))
}

/// `s.format_map(mapping)` for a dict (its str keys become the named
/// fields). Other mappings are not supported yet.
fn format_map(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv(vm, args, "format_map")?;
    let m = one_arg(vm, &"str.format_map", args, kw)?;
    let Value::Dict(d) = m else {
        let tn = vm.type_name(m);
        return Err(vm.type_error(&format!("'{tn}' object is not subscriptable")));
    };
    let named: Vec<(Gc<StrObj>, Value)> = d
        .table
        .borrow()
        .iter()
        .filter_map(|(k, v)| match k {
            Value::Str(ks) => Some((ks, v)),
            _ => None,
        })
        .collect();
    match vm.str_format(s.as_str(), &[], &named) {
        Ok(r) => Ok(vm.new_str(r)),
        // With no positional arguments, a positional field is the only source
        // of this IndexError; format_map reports it differently.
        Err(e)
            if e.class == vm.exc_types["IndexError"]
                && vm
                    .exception_str(e)
                    .is_ok_and(|m| m.starts_with("Replacement index")) =>
        {
            Err(vm.value_error("Format string contains positional fields"))
        }
        Err(e) => Err(e),
    }
}

/// The codecs implemented natively, as CPython names them in messages.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// Look an encoding name up the way `codecs.lookup` normalises it, or
/// `LookupError: unknown encoding: x`.
pub fn lookup_codec(vm: &mut Vm, name: &str) -> PyResult<Codec> {
    let norm: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Ok(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "cp367" | "iso646_us" => {
            Codec::Ascii
        }
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" => Codec::Latin1,
        _ => return Err(vm.new_exception_msg("LookupError", &format!("unknown encoding: {name}"))),
    })
}

/// A str-typed argument of encode/decode: "encode() argument 'errors' must
/// be str, not int".
pub(crate) fn codec_str_arg(
    vm: &mut Vm,
    fname: &str,
    pname: &str,
    v: Option<Value>,
    default: &'static str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "{fname}() argument '{pname}' must be str, not {tn}"
            )))
        }
    }
}

/// How a codec error text names a character: `'\xe9'`, `'\u20ac'`, `'\U0001f600'`.
fn escaped_char(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

fn encode(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv(vm, args, "encode")?;
    let [enc, errors] = bind(vm, "encode", &args[1..], kw, ["encoding", "errors"], 2, 0)?;
    let enc = codec_str_arg(vm, "encode", "encoding", enc, "utf-8")?;
    let errors = codec_str_arg(vm, "encode", "errors", errors, "strict")?;
    let codec = lookup_codec(vm, &enc)?;
    let b = encode_str(vm, s.as_str(), codec, &errors)?;
    Ok(vm.new_bytes(b))
}

/// Encode `s` as CPython's codecs do (also used by `bytes(s, encoding)`).
pub fn encode_str(vm: &mut Vm, s: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let limit: u32 = match codec {
        // A Rust str holds no lone surrogates, so UTF-8 always succeeds.
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
        // CPython hands the error handler the whole run of unencodable chars.
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors {
            "strict" => {
                let what = if j - i == 1 {
                    format!("character '{}' in position {i}", escaped_char(c))
                } else {
                    format!("characters in position {i}-{}", j - 1)
                };
                let msg = format!(
                    "'{}' codec can't encode {what}: ordinal not in range({limit})",
                    codec.name()
                );
                return Err(vm.new_exception_msg("UnicodeEncodeError", &msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "xmlcharrefreplace" => {
                for c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", *c as u32).as_bytes());
                }
            }
            "backslashreplace" => {
                for c in &chars[i..j] {
                    out.extend_from_slice(escaped_char(*c).as_bytes());
                }
            }
            other => {
                return Err(vm.new_exception_msg(
                    "LookupError",
                    &format!("unknown error handler name '{other}'"),
                ))
            }
        }
        i = j;
    }
    Ok(out)
}

fn translate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv(vm, args, "translate")?;
    let table = one_arg(vm, &"str.translate", args, kw)?;
    let lookup_error = vm.exc_types["LookupError"];
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let mapped = match vm.getitem(table, Value::Int(c as i64)) {
            Ok(v) => v,
            // A missing entry (KeyError / IndexError) keeps the character.
            Err(e) if e.class.is_subtype_of(lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match mapped {
            Value::None => {}
            Value::Str(r) => out.push_str(r.as_str()),
            Value::Int(n) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None if (0..0x110000).contains(&n) => {
                    // A lone surrogate cannot live in a Rust string.
                    return Err(vm.value_error("character mapping must be in range(0x110000)"));
                }
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            },
            _ => return Err(vm.type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(vm.new_str(out))
}

/// `str.maketrans(x[, y[, z]])`: a static method, so args[0] is the str type
/// (see `add_classmethod`).
fn maketrans(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "maketrans", &"str.maketrans", args, kw, 1, 3)?;
    let d = vm.new_dict_obj(crate::runtime::dict_table::DictTable::new());
    let dv = Value::Dict(d);
    if args.len() == 2 {
        let Value::Dict(src) = args[1] else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let entries: Vec<(Value, Value)> = src.table.borrow().iter().collect();
        for (k, v) in entries {
            let key = match k {
                Value::Int(_) | Value::BigInt(_) => k,
                Value::Bool(b) => Value::Int(b as i64),
                Value::Str(ks) => {
                    let mut cs = ks.as_str().chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                    }
                }
                _ => {
                    return Err(vm.type_error("keys in translate table must be strings or integers"))
                }
            };
            crate::builtins::dict_ops::dict_set(vm, d, key, v)?;
        }
        return Ok(dv);
    }
    let mut strs = Vec::new();
    for (i, a) in args[1..].iter().enumerate() {
        match a {
            Value::Str(s) => strs.push(*s),
            other => {
                let tn = vm.type_name(*other);
                let msg = if i == 0 {
                    "first maketrans argument must be a string if there is a second argument"
                        .to_string()
                } else {
                    format!("maketrans() argument {} must be str, not {tn}", i + 1)
                };
                return Err(vm.type_error(&msg));
            }
        }
    }
    let (x, y) = (strs[0].as_str(), strs[1].as_str());
    if strs[0].char_len() != strs[1].char_len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        crate::builtins::dict_ops::dict_set(vm, d, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(z) = strs.get(2) {
        for c in z.as_str().chars() {
            crate::builtins::dict_ops::dict_set(vm, d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(dv)
}
