//! The `_json` module: what CPython's `json` does in C (`_json`): scanning
//! JSON text into values, and writing strings as JSON string literals. The
//! classes and options are Python, in `pysrc/json_decoder.py` and
//! `pysrc/json_encoder.py`, as in CPython.
//!
//! Why here and not in that Python: both go through a document a character
//! at a time, which in Python (and without `re`) is an index and a compare
//! per character, and indexing a str that is not ASCII walks it from the
//! start. Here a document is scanned once, as bytes when it is ASCII (nearly
//! always) and as characters otherwise; every position, in results and in
//! errors, is Python's: a count of characters.
//!
//! `encode` is CPython's C encoder, which `JSONEncoder.encode` uses for a
//! document without indent: the Python encoder's loop of `isinstance` tests
//! and appends, per value, took two and a half times CPython's time.
//!
//! The messages and positions are the C scanner's (`Modules/_json.c`), which
//! CPython uses by default; they differ in places from its Python fallback.
//! A `\uXXXX` escape of a lone surrogate decodes to U+FFFD: jitprof's str
//! holds no surrogates (as `chr(0xd800)`).

use crate::builtins::text::{parse_float, parse_int_literal};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("_json", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("scanstring", scanstring),
        ("scan_once", scan_once),
        ("skip_whitespace", skip_whitespace),
        ("encode_basestring_ascii", encode_basestring_ascii),
        ("encode_basestring", encode_basestring),
        ("encode", encode),
    ];
    super::set_functions(vm, m, fns);
    m
}

// ------------------------------------------------------------------ text

/// A document, read by character position.
trait Text {
    fn len(&self) -> usize;
    /// The character at `i` (< `len`).
    fn at(&self, i: usize) -> u32;
    /// Characters `a..b` appended to `out`.
    fn push(&self, a: usize, b: usize, out: &mut String);
}

/// An ASCII document: a character is a byte.
struct Ascii<'a>(&'a [u8]);

impl Text for Ascii<'_> {
    #[inline(always)]
    fn len(&self) -> usize {
        self.0.len()
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self.0[i] as u32
    }
    fn push(&self, a: usize, b: usize, out: &mut String) {
        // SAFETY: the bytes are an ASCII str's (`with_text!`), and any run
        // of ASCII bytes is UTF-8.
        out.push_str(unsafe { std::str::from_utf8_unchecked(&self.0[a..b]) });
    }
}

/// Any other document, as its characters.
struct Chars(Vec<char>);

impl Text for Chars {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn at(&self, i: usize) -> u32 {
        self.0[i] as u32
    }
    fn push(&self, a: usize, b: usize, out: &mut String) {
        out.extend(&self.0[a..b]);
    }
}

/// `$body` with `$t` the text of str `$s`: as bytes when it is ASCII, as
/// characters otherwise. A macro, so that the body is compiled for each
/// (a `dyn Text` made every character read a call).
macro_rules! with_text {
    ($s:expr, |$t:ident| $body:expr) => {{
        let s: &StrObj = $s;
        if s.is_ascii() {
            let $t = &Ascii(s.as_str().as_bytes());
            $body
        } else {
            let $t = &Chars(s.as_str().chars().collect());
            $body
        }
    }};
}

fn is_ws(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0d)
}

fn skip_ws<T: Text>(t: &T, mut i: usize) -> usize {
    while i < t.len() && is_ws(t.at(i)) {
        i += 1;
    }
    i
}

// -------------------------------------------------------------- decoding

/// How a scan fails: no value where one was expected (the caller's
/// `StopIteration` with this position), or an exception.
enum Fail {
    Stop(usize),
    Raise(PyExc),
}

impl From<PyExc> for Fail {
    fn from(e: PyExc) -> Fail {
        Fail::Raise(e)
    }
}

/// The decoder's options (`json.decoder._make_scanner` passes them).
struct Options {
    strict: bool,
    object_hook: Option<Value>,
    object_pairs_hook: Option<Value>,
    /// None: `float`.
    parse_float: Option<Value>,
    /// None: `int`.
    parse_int: Option<Value>,
    parse_constant: Value,
    /// `json.decoder.JSONDecodeError`.
    error: Value,
}

struct Scanner<'t, T: Text> {
    text: &'t T,
    /// The document, for the errors.
    doc: Value,
    opts: Options,
    /// How many more objects and arrays may nest (the recursion limit's
    /// frames left, as CPython's `Py_EnterRecursiveCall`).
    depth_left: usize,
}

type Scanned = Result<(Value, usize), Fail>;

/// `JSONDecodeError(msg, doc, pos)`.
fn decode_error(vm: &mut Vm, error: Value, doc: Value, msg: &str, pos: usize) -> PyExc {
    let m = vm.new_str(msg);
    match vm.call_value(error, &[m, doc, Value::Int(pos as i64)], &[]) {
        Ok(Value::Instance(e)) => e,
        Ok(_) => vm.type_error("JSONDecodeError did not make an exception"),
        Err(e) => e,
    }
}

impl<T: Text> Scanner<'_, T> {
    fn fail(&self, vm: &mut Vm, msg: &str, pos: usize) -> Fail {
        Fail::Raise(decode_error(vm, self.opts.error, self.doc, msg, pos))
    }

    /// The value at `idx`, and where it ends.
    fn value(&mut self, vm: &mut Vm, idx: usize) -> Scanned {
        let t = self.text;
        let n = t.len();
        if idx >= n {
            return Err(Fail::Stop(idx));
        }
        let word = |w: &str| {
            idx + w.len() <= n
                && w.bytes()
                    .enumerate()
                    .all(|(k, b)| t.at(idx + k) == b as u32)
        };
        match t.at(idx) {
            0x22 => {
                let (s, end) =
                    scan_string(vm, t, idx + 1, self.opts.strict, self.opts.error, self.doc)?;
                Ok((s, end))
            }
            0x7b => self.nested(vm, idx, true),
            0x5b => self.nested(vm, idx, false),
            0x6e if word("null") => Ok((Value::None, idx + 4)),
            0x74 if word("true") => Ok((Value::Bool(true), idx + 4)),
            0x66 if word("false") => Ok((Value::Bool(false), idx + 5)),
            0x4e if word("NaN") => self.constant(vm, "NaN", idx),
            0x49 if word("Infinity") => self.constant(vm, "Infinity", idx),
            0x2d if word("-Infinity") => self.constant(vm, "-Infinity", idx),
            _ => self.number(vm, idx),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, idx: usize) -> Scanned {
        let s = vm.new_str(name);
        let v = vm.call_value(self.opts.parse_constant, &[s], &[])?;
        Ok((v, idx + name.len()))
    }

    /// An object or an array starting at `idx`, within the recursion limit.
    fn nested(&mut self, vm: &mut Vm, idx: usize, object: bool) -> Scanned {
        if self.depth_left == 0 {
            let what = if object { "object" } else { "array" };
            let msg = format!(
                "maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"
            );
            return Err(Fail::Raise(vm.new_exception_msg("RecursionError", &msg)));
        }
        self.depth_left -= 1;
        // The containers being filled are rooted while hooks run Python.
        let roots = vm.temp_roots.len();
        let r = if object {
            self.object(vm, idx + 1)
        } else {
            self.array(vm, idx + 1)
        };
        vm.temp_roots.truncate(roots);
        self.depth_left += 1;
        r
    }

    /// After an item of an array or object, which ends at `next`: the
    /// position of the closing bracket `close` and true, or false and the
    /// position of the next item, after a comma.
    fn after_item(&self, vm: &mut Vm, next: usize, close: u32) -> Result<(usize, bool), Fail> {
        let t = self.text;
        let idx = skip_ws(t, next);
        if idx < t.len() && t.at(idx) == close {
            return Ok((idx, true));
        }
        if idx >= t.len() || t.at(idx) != 0x2c {
            return Err(self.fail(vm, "Expecting ',' delimiter", idx));
        }
        Ok((skip_ws(t, idx + 1), false))
    }

    fn array(&mut self, vm: &mut Vm, mut idx: usize) -> Scanned {
        let t = self.text;
        let list = vm.new_list(Vec::new());
        vm.temp_roots.push(list);
        let Value::List(items) = list else {
            unreachable!("new_list makes a list")
        };
        idx = skip_ws(t, idx);
        if idx >= t.len() || t.at(idx) != 0x5d {
            loop {
                let (v, next) = self.value(vm, idx)?;
                items.items.borrow_mut().push(v);
                let closed;
                (idx, closed) = self.after_item(vm, next, 0x5d)?;
                if closed {
                    break;
                }
            }
        }
        Ok((list, idx + 1))
    }

    fn object(&mut self, vm: &mut Vm, mut idx: usize) -> Scanned {
        let t = self.text;
        // Pairs in a list for `object_pairs_hook`, else a dict.
        let pairs = self.opts.object_pairs_hook.is_some();
        let obj = if pairs {
            vm.new_list(Vec::new())
        } else {
            vm.new_dict()
        };
        vm.temp_roots.push(obj);
        idx = skip_ws(t, idx);
        if idx >= t.len() || t.at(idx) != 0x7d {
            loop {
                if idx >= t.len() || t.at(idx) != 0x22 {
                    let msg = "Expecting property name enclosed in double quotes";
                    return Err(self.fail(vm, msg, idx));
                }
                let (key, next) =
                    scan_string(vm, t, idx + 1, self.opts.strict, self.opts.error, self.doc)?;
                vm.temp_roots.push(key);
                idx = skip_ws(t, next);
                if idx >= t.len() || t.at(idx) != 0x3a {
                    return Err(self.fail(vm, "Expecting ':' delimiter", idx));
                }
                idx = skip_ws(t, idx + 1);
                let (v, next) = self.value(vm, idx)?;
                match obj {
                    Value::List(l) => {
                        let pair = vm.new_tuple(vec![key, v]);
                        l.items.borrow_mut().push(pair);
                    }
                    _ => vm.setitem(obj, key, v)?,
                }
                vm.temp_roots.pop();
                let closed;
                (idx, closed) = self.after_item(vm, next, 0x7d)?;
                if closed {
                    break;
                }
            }
        }
        let end = idx + 1;
        if let Some(hook) = self.opts.object_pairs_hook {
            return Ok((vm.call_value(hook, &[obj], &[])?, end));
        }
        if let Some(hook) = self.opts.object_hook {
            return Ok((vm.call_value(hook, &[obj], &[])?, end));
        }
        Ok((obj, end))
    }

    /// A number at `start`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`,
    /// ASCII digits only (as the C scanner; its Python fallback's `\d` also
    /// takes other decimal digits).
    fn number(&mut self, vm: &mut Vm, start: usize) -> Scanned {
        let t = self.text;
        let n = t.len();
        let digit = |i: usize| i < n && (0x30..=0x39).contains(&t.at(i));
        let mut idx = start;
        if t.at(idx) == 0x2d {
            idx += 1;
            if idx >= n {
                return Err(Fail::Stop(start));
            }
        }
        match t.at(idx) {
            0x31..=0x39 => {
                idx += 1;
                while digit(idx) {
                    idx += 1;
                }
            }
            0x30 => idx += 1,
            _ => return Err(Fail::Stop(start)),
        }
        let mut is_float = false;
        if idx < n && t.at(idx) == 0x2e && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if idx < n && matches!(t.at(idx), 0x65 | 0x45) {
            let e_start = idx;
            idx += 1;
            if idx < n && matches!(t.at(idx), 0x2d | 0x2b) {
                idx += 1;
            }
            let digits = idx;
            while digit(idx) {
                idx += 1;
            }
            if idx > digits {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let mut text = String::with_capacity(idx - start);
        t.push(start, idx, &mut text);
        let hook = if is_float {
            self.opts.parse_float
        } else {
            self.opts.parse_int
        };
        let v = match hook {
            Some(f) => {
                let s = vm.new_str(text);
                vm.call_value(f, &[s], &[])?
            }
            None if is_float => Value::Float(parse_float(&text).unwrap_or(f64::NAN)),
            None => match text.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => match parse_int_literal(&text, 10) {
                    Some(b) => vm.int_from_big(b),
                    None => return Err(Fail::Stop(start)),
                },
            },
        };
        Ok((v, idx))
    }
}

/// The string whose text starts at `end` (after its opening quote), and the
/// position after its closing quote.
fn scan_string<T: Text>(
    vm: &mut Vm,
    t: &T,
    end: usize,
    strict: bool,
    error: Value,
    doc: Value,
) -> Result<(Value, usize), Fail> {
    match decode_string(t, end, strict) {
        Ok((s, end)) => Ok((vm.new_str(s), end)),
        Err((msg, pos)) => Err(Fail::Raise(decode_error(vm, error, doc, msg, pos))),
    }
}

/// `scanstring`'s work: the text and the end, or an error's message and
/// position.
fn decode_string<T: Text>(
    t: &T,
    mut end: usize,
    strict: bool,
) -> Result<(String, usize), (&'static str, usize)> {
    let n = t.len();
    let begin = end.wrapping_sub(1);
    let mut out = String::new();
    loop {
        // A run of characters that need no decoding.
        let mut next = end;
        let mut c = 0;
        while next < n {
            c = t.at(next);
            if c == 0x22 || c == 0x5c {
                break;
            }
            if c <= 0x1f && strict {
                return Err(("Invalid control character at", next));
            }
            next += 1;
        }
        if next >= n || (c != 0x22 && c != 0x5c) {
            return Err(("Unterminated string starting at", begin));
        }
        t.push(end, next, &mut out);
        if c == 0x22 {
            return Ok((out, next + 1));
        }
        // A backslash.
        next += 1;
        if next >= n {
            return Err(("Unterminated string starting at", begin));
        }
        let e = t.at(next);
        if e != 0x75 {
            end = next + 1;
            out.push(match e {
                0x22 => '"',
                0x5c => '\\',
                0x2f => '/',
                0x62 => '\u{8}',
                0x66 => '\u{c}',
                0x6e => '\n',
                0x72 => '\r',
                0x74 => '\t',
                _ => return Err(("Invalid \\escape", end - 2)),
            });
            continue;
        }
        // \uXXXX, and a low surrogate's escape after a high one's.
        next += 1;
        end = next + 4;
        if end >= n {
            return Err(("Invalid \\uXXXX escape", next - 1));
        }
        let Some(mut cp) = hex4(t, next) else {
            return Err(("Invalid \\uXXXX escape", end - 5));
        };
        if (0xd800..0xdc00).contains(&cp)
            && end + 6 < n
            && t.at(end) == 0x5c
            && t.at(end + 1) == 0x75
        {
            let Some(low) = hex4(t, end + 2) else {
                return Err(("Invalid \\uXXXX escape", end + 1));
            };
            if (0xdc00..0xe000).contains(&low) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                end += 6;
            }
        }
        out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
    }
}

/// The four hex digits at `i`.
fn hex4<T: Text>(t: &T, i: usize) -> Option<u32> {
    (i..i + 4).try_fold(0u32, |acc, k| {
        char::from_u32(t.at(k))
            .and_then(|c| c.to_digit(16))
            .map(|d| acc << 4 | d)
    })
}

/// An index argument `what` in `0..=len`.
fn index_arg(vm: &mut Vm, v: Value, len: usize, what: &str) -> PyResult<usize> {
    match vm.index_of(v, what)? {
        i if i < 0 => Err(vm.value_error(&format!("{what} cannot be negative"))),
        i if i as usize > len => Err(vm.value_error(&format!("{what} is out of bounds"))),
        i => Ok(i as usize),
    }
}

/// `scanstring(s, end, strict, error_class)`: the string whose text starts
/// at `end` in `s`, and the position after it.
fn scanstring(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::exact_args(vm, "scanstring", args, kw, 4)?;
    let s = super::str_arg(vm, args[0], "first argument must be a string")?;
    let end = match args[1] {
        Value::Int(i) if i < 0 || i as usize > s.char_len() => {
            return Err(vm.value_error("end is out of bounds"));
        }
        v => index_arg(vm, v, s.char_len(), "end")?,
    };
    let strict = vm.truthy(args[2])?;
    let r = with_text!(&s, |t| decode_string(t, end, strict));
    match r {
        Ok((text, end)) => {
            let v = vm.new_str(text);
            Ok(vm.new_tuple(vec![v, Value::Int(end as i64)]))
        }
        Err((msg, pos)) => Err(decode_error(vm, args[3], args[0], msg, pos)),
    }
}

/// `scan_once(s, idx, options)`: the value at `idx` in `s` and where it
/// ends; StopIteration(idx) when there is none. `options`: (strict,
/// object_hook, object_pairs_hook, parse_float, parse_int, parse_constant,
/// error_class), with None for hooks not given and for `float` and `int`.
fn scan_once(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::exact_args(vm, "scan_once", args, kw, 3)?;
    let s = super::str_arg(vm, args[0], "first argument must be a string")?;
    let idx = match args[1] {
        Value::Int(i) if i < 0 => return Err(vm.value_error("idx cannot be negative")),
        Value::Int(i) => i as usize,
        v => index_arg(vm, v, usize::MAX, "idx")?,
    };
    let Value::Tuple(o) = args[2] else {
        return Err(vm.type_error("scan_once() options must be a tuple"));
    };
    let [strict, object_hook, pairs_hook, parse_float, parse_int, parse_constant, error] =
        o.items[..]
    else {
        return Err(vm.type_error("scan_once() options must have 7 items"));
    };
    let given = |v: Value| (!matches!(v, Value::None)).then_some(v);
    let opts = Options {
        strict: vm.truthy(strict)?,
        object_hook: given(object_hook),
        object_pairs_hook: given(pairs_hook),
        parse_float: given(parse_float),
        parse_int: given(parse_int),
        parse_constant,
        error,
    };
    let depth_left = vm.recursion_limit.saturating_sub(vm.frames.len());
    let doc = args[0];
    let r = with_text!(&s, |t| {
        let mut sc = Scanner {
            text: t,
            doc,
            opts,
            depth_left,
        };
        sc.value(vm, idx)
    });
    match r {
        Ok((v, end)) => Ok(vm.new_tuple(vec![v, Value::Int(end as i64)])),
        Err(Fail::Stop(at)) => Err(vm.new_exception("StopIteration", vec![Value::Int(at as i64)])),
        Err(Fail::Raise(e)) => Err(e),
    }
}

/// `skip_whitespace(s, idx)`: the first position at or after `idx` that is
/// not JSON whitespace (space, tab, newline, carriage return).
fn skip_whitespace(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::exact_args(vm, "skip_whitespace", args, kw, 2)?;
    let s = super::str_arg(vm, args[0], "first argument must be a string")?;
    let idx = index_arg(vm, args[1], usize::MAX, "idx")?;
    let end = with_text!(&s, |t| skip_ws(t, idx.min(t.len())));
    Ok(Value::Int(end as i64))
}

// -------------------------------------------------------------- encoding

/// `s` as a JSON string literal, every character outside printable ASCII
/// escaped when `ascii` (`\u00e9`, a pair of escapes past U+FFFF); only
/// quotes, backslashes and control characters otherwise.
pub fn quote(s: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    quote_into(s, ascii, &mut out);
    out
}

/// `quote` onto `out`.
fn quote_into(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let short = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            ' '..='~' => continue,
            c if !ascii && c >= ' ' => continue,
            _ => "",
        };
        out.push_str(&s[run..i]);
        run = i + c.len_utf8();
        if !short.is_empty() {
            out.push_str(short);
            continue;
        }
        let mut units = [0u16; 2];
        for u in c.encode_utf16(&mut units) {
            out.push_str(&format!("\\u{u:04x}"));
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

fn encode_with(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kwargs,
    ascii: bool,
) -> PyResult<Value> {
    super::exact_args(vm, name, args, kw, 1)?;
    let s = super::str_arg(vm, args[0], "first argument must be a string")?;
    let q = quote(s.as_str(), ascii);
    Ok(vm.new_str(q))
}

fn encode_basestring_ascii(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    encode_with(vm, "encode_basestring_ascii", args, kw, true)
}

fn encode_basestring(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    encode_with(vm, "encode_basestring", args, kw, false)
}

/// The options of `encode` (`json.encoder`'s `_c_options`).
struct EncodeOptions {
    /// The ids of the containers being encoded, when checking for circles.
    markers: Option<rustc_hash::FxHashSet<usize>>,
    default: Value,
    ascii: bool,
    allow_nan: bool,
    key_separator: String,
    item_separator: String,
    sort_keys: bool,
    skipkeys: bool,
    /// How many more containers may nest (the recursion limit's frames
    /// left, as CPython's `Py_EnterRecursiveCall`).
    depth_left: usize,
}

/// The heap address of `v`, its id.
fn identity(v: Value) -> usize {
    match v {
        Value::List(x) => x.addr(),
        Value::Tuple(x) => x.addr(),
        Value::Dict(x) => x.addr(),
        Value::Instance(x) => x.addr(),
        _ => 0,
    }
}

impl EncodeOptions {
    fn float(&self, vm: &mut Vm, f: f64, out: &mut String) -> PyResult<()> {
        if f.is_finite() {
            out.push_str(&crate::format::float_repr::float_repr(f));
            return Ok(());
        }
        if !self.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        out.push_str(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    /// Enter container `o`: its marker, when checking, and a level of the
    /// recursion limit.
    fn enter(&mut self, vm: &mut Vm, o: Value) -> PyResult<()> {
        if let Some(m) = &mut self.markers {
            if !m.insert(identity(o)) {
                return Err(vm.value_error("Circular reference detected"));
            }
        }
        if self.depth_left == 0 {
            let msg = "maximum recursion depth exceeded while encoding a JSON object";
            return Err(vm.new_exception_msg("RecursionError", msg));
        }
        self.depth_left -= 1;
        vm.temp_roots.push(o);
        Ok(())
    }

    fn leave(&mut self, vm: &mut Vm, o: Value) {
        if let Some(m) = &mut self.markers {
            m.remove(&identity(o));
        }
        self.depth_left += 1;
        vm.temp_roots.pop();
    }

    /// The JSON text of `o` onto `out`, in the C encoder's order of tests.
    fn value(&mut self, vm: &mut Vm, o: Value, out: &mut String) -> PyResult<()> {
        // An instance of a subclass of str, int or float is encoded as the
        // value it extends; of list or tuple, by iterating it; of dict, by
        // its `items()`.
        let inner = match o {
            Value::Instance(i) => i.payload().unwrap_or(o),
            _ => o,
        };
        match inner {
            Value::None => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Str(s) => quote_into(s.as_str(), self.ascii, out),
            Value::Int(i) => out.push_str(itoa::Buffer::new().format(i)),
            Value::BigInt(b) => out.push_str(&b.0.to_string()),
            Value::Float(f) => self.float(vm, f, out)?,
            Value::List(_) | Value::Tuple(_) if matches!(o, Value::Instance(_)) => {
                // A subclass's items are what iterating it gives
                // (`PySequence_Fast`: its `__iter__`).
                let items = vm.collect_iterable(o)?;
                let list = vm.new_list(items);
                vm.temp_roots.push(list);
                let r = self.array(vm, o, list, out);
                vm.temp_roots.pop();
                r?
            }
            Value::List(_) | Value::Tuple(_) => self.array(vm, o, inner, out)?,
            Value::Dict(_) => self.object(vm, o, inner, out)?,
            _ => {
                self.enter(vm, o)?;
                let r = vm.call_value(self.default, &[o], &[]).and_then(|v| {
                    // Rooted while it is encoded: nothing else holds it.
                    vm.temp_roots.push(v);
                    let r = self.value(vm, v, out);
                    vm.temp_roots.pop();
                    r
                });
                self.leave(vm, o);
                r?;
            }
        }
        Ok(())
    }

    /// A list or tuple (`seq`, which `o` is or extends): its items read by
    /// index as the encoding goes, as the C encoder reads them.
    fn array(&mut self, vm: &mut Vm, o: Value, seq: Value, out: &mut String) -> PyResult<()> {
        let item = |i: usize| match seq {
            Value::List(l) => l.items.borrow().get(i).copied(),
            Value::Tuple(t) => t.items.get(i).copied(),
            _ => None,
        };
        let Some(first) = item(0) else {
            out.push_str("[]");
            return Ok(());
        };
        self.enter(vm, o)?;
        out.push('[');
        let mut r = self.value(vm, first, out);
        let mut i = 1;
        while r.is_ok() {
            let Some(v) = item(i) else { break };
            out.push_str(&self.item_separator);
            r = self.value(vm, v, out);
            i += 1;
        }
        self.leave(vm, o);
        r?;
        out.push(']');
        Ok(())
    }

    /// A dict (`d`, which `o` is or extends), through a list of its items
    /// made first (`PyMapping_Items`: a subclass's `items()`), sorted when
    /// asked.
    fn object(&mut self, vm: &mut Vm, o: Value, d: Value, out: &mut String) -> PyResult<()> {
        let Value::Dict(dict) = d else {
            return Ok(());
        };
        if dict.table.borrow().len() == 0 {
            out.push_str("{}");
            return Ok(());
        }
        self.enter(vm, o)?;
        let r = self.items(vm, o, dict).and_then(|items| {
            // The list holds the items while Python code runs (`default`).
            let list = vm.new_list(items);
            vm.temp_roots.push(list);
            let r = self.object_items(vm, list, out);
            vm.temp_roots.pop();
            r
        });
        self.leave(vm, o);
        r
    }

    /// The (key, value) pairs of dict `o` (`dict` is its table), sorted
    /// when asked.
    fn items(&mut self, vm: &mut Vm, o: Value, dict: Gc<DictObj>) -> PyResult<Vec<Value>> {
        let mut items = match o {
            Value::Dict(_) => {
                // No Python runs before the list holds the new tuples.
                let pairs: Vec<(Value, Value)> = dict.table.borrow().iter().collect();
                pairs
                    .into_iter()
                    .map(|(k, v)| vm.new_tuple(vec![k, v]))
                    .collect()
            }
            _ => {
                let name = vm.intern("items");
                let f = vm.getattr(o, name)?;
                let view = vm.call_value(f, &[], &[])?;
                vm.temp_roots.push(view);
                let r = vm.collect_iterable(view);
                vm.temp_roots.pop();
                r?
            }
        };
        if self.sort_keys {
            crate::builtins::functions::functions_sort::sort_values(vm, &mut items, None, false)?;
        }
        Ok(items)
    }

    fn object_items(&mut self, vm: &mut Vm, list: Value, out: &mut String) -> PyResult<()> {
        let Value::List(l) = list else {
            return Ok(());
        };
        out.push('{');
        let mut first = true;
        let n = l.items.borrow().len();
        for i in 0..n {
            let pair = l.items.borrow()[i];
            let (key, v) = match pair {
                Value::Tuple(t) if t.items.len() == 2 => (t.items[0], t.items[1]),
                _ => {
                    return Err(vm.value_error("items must return tuples of length 2"));
                }
            };
            let key = match key {
                Value::Instance(i) => i.payload().unwrap_or(key),
                _ => key,
            };
            let mut text = String::new();
            match key {
                Value::Str(s) => text.push_str(s.as_str()),
                Value::Float(f) => self.float(vm, f, &mut text)?,
                Value::Bool(b) => text.push_str(if b { "true" } else { "false" }),
                Value::None => text.push_str("null"),
                Value::Int(i) => text.push_str(itoa::Buffer::new().format(i)),
                Value::BigInt(b) => text.push_str(&b.0.to_string()),
                _ if self.skipkeys => continue,
                _ => {
                    let tn = vm.type_name(key);
                    return Err(vm.type_error(&format!(
                        "keys must be str, int, float, bool or None, not {tn}"
                    )));
                }
            }
            if !first {
                out.push_str(&self.item_separator);
            }
            first = false;
            quote_into(&text, self.ascii, out);
            out.push_str(&self.key_separator);
            self.value(vm, v, out)?;
        }
        out.push('}');
        Ok(())
    }
}

/// `encode(o, options)`: the JSON text of `o`, as CPython's C encoder
/// writes it. `options`: (check_circular, default, ensure_ascii, allow_nan,
/// key_separator, item_separator, sort_keys, skipkeys).
fn encode(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::exact_args(vm, "encode", args, kw, 2)?;
    let Value::Tuple(o) = args[1] else {
        return Err(vm.type_error("encode() options must be a tuple"));
    };
    let [circular, default, ascii, allow_nan, key_sep, item_sep, sort_keys, skipkeys] = o.items[..]
    else {
        return Err(vm.type_error("encode() options must have 8 items"));
    };
    let key_separator = super::str_arg(vm, key_sep, "key_separator must be a string")?
        .as_str()
        .to_string();
    let item_separator = super::str_arg(vm, item_sep, "item_separator must be a string")?
        .as_str()
        .to_string();
    let mut enc = EncodeOptions {
        markers: vm.truthy(circular)?.then(Default::default),
        default,
        ascii: vm.truthy(ascii)?,
        allow_nan: vm.truthy(allow_nan)?,
        key_separator,
        item_separator,
        sort_keys: vm.truthy(sort_keys)?,
        skipkeys: vm.truthy(skipkeys)?,
        depth_left: vm.recursion_limit.saturating_sub(vm.frames.len()),
    };
    let mut out = String::new();
    let base = vm.temp_roots.len();
    let r = enc.value(vm, args[0], &mut out);
    vm.temp_roots.truncate(base);
    r?;
    Ok(vm.new_str(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> Result<(String, usize), (&'static str, usize)> {
        let st = StrObj::new(s);
        with_text!(&st, |t| decode_string(t, 1, true))
    }

    #[test]
    fn strings_decode_their_escapes_and_surrogate_pairs() {
        assert_eq!(decode(r#""a\n\"\u00e9""#), Ok(("a\n\"é".into(), 13)));
        assert_eq!(decode(r#""\ud83d\ude00" "#), Ok(("😀".into(), 14)));
        assert_eq!(decode("\"é\\té\""), Ok(("é\té".into(), 6)));
    }

    #[test]
    fn string_errors_are_at_the_c_scanners_positions() {
        assert_eq!(decode("\"abc"), Err(("Unterminated string starting at", 0)));
        assert_eq!(
            decode("\"a\u{1}\""),
            Err(("Invalid control character at", 2))
        );
        assert_eq!(decode(r#""a\q""#), Err(("Invalid \\escape", 2)));
        assert_eq!(decode(r#""\u12""#), Err(("Invalid \\uXXXX escape", 2)));
        assert_eq!(decode(r#""\u12x4""#), Err(("Invalid \\uXXXX escape", 2)));
    }

    #[test]
    fn quoting_escapes_what_json_needs() {
        assert_eq!(
            quote("a\"b\\\n\u{7f}é😀", true),
            r#""a\"b\\\n\u007f\u00e9\ud83d\ude00""#
        );
        assert_eq!(quote("a\u{1f}\u{7f}é", false), "\"a\\u001f\u{7f}é\"");
    }
}
