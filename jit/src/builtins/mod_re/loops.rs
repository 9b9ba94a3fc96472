//! `findall`, `sub` and `split` as one call each: the loop over the
//! matches, which in Python cost a call into the engine, a generator step
//! and slices per match (five to eight times CPython's time on text with
//! many matches).
//!
//! Each search starts where the last match ended; a match may be empty, but
//! not at the end of an empty one (sre's `must_advance`), as `Pattern._spans`
//! in `re.py` does for `finditer`.

use super::exec::{Interrupted, Matcher, Mode, Subject, UNSET};
use super::{compiled_for, interrupted_error, Compiled};
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// A subject's text by character positions.
trait Text: Subject {
    fn slice(&self, a: usize, b: usize) -> String;
}

impl Text for [u8] {
    fn slice(&self, a: usize, b: usize) -> String {
        // ASCII (the caller's test), so every byte is a character.
        self[a..b].iter().map(|&c| c as char).collect()
    }
}

impl Text for [char] {
    fn slice(&self, a: usize, b: usize) -> String {
        self[a..b].iter().collect()
    }
}

/// Every match's slots from `pos` to `endpos`, at most `limit` (0: all).
fn each_match<S: Subject + ?Sized>(
    c: &Compiled,
    s: &S,
    pos: usize,
    endpos: usize,
    limit: usize,
    f: impl FnMut(&[usize], usize),
) -> Result<(), Interrupted> {
    each_match_from(c, s, pos, false, endpos, limit, f)
}

/// `each_match` from a search that goes on at `pos` (`must_advance`: the
/// last match ended there and was empty).
fn each_match_from<S: Subject + ?Sized>(
    c: &Compiled,
    s: &S,
    mut pos: usize,
    mut must_advance: bool,
    endpos: usize,
    limit: usize,
    mut f: impl FnMut(&[usize], usize),
) -> Result<(), Interrupted> {
    let mut m = Matcher::new(&c.prog, s, endpos);
    let mut found = 0;
    while pos <= endpos && (limit == 0 || found < limit) {
        if !m.find(pos, Mode::Search, must_advance)? {
            break;
        }
        f(&m.slots, m.lastindex);
        found += 1;
        let (b, e) = (m.slots[0], m.slots[1]);
        must_advance = b == e;
        pos = e;
    }
    Ok(())
}

/// What the three loops make, before it becomes Python values.
enum Piece {
    Text(String),
    /// A group that matched nothing.
    None,
}

fn group<S: Text + ?Sized>(s: &S, slots: &[usize], g: usize) -> Option<String> {
    let (a, b) = (slots[2 * g], slots[2 * g + 1]);
    (a != UNSET && b != UNSET).then(|| s.slice(a, b))
}

fn findall_in<S: Text + ?Sized>(
    c: &Compiled,
    s: &S,
    pos: usize,
    endpos: usize,
) -> Result<Vec<Vec<String>>, Interrupted> {
    let mut out = Vec::new();
    each_match(c, s, pos, endpos, 0, |slots, _| {
        let item = if c.groups == 0 {
            vec![group(s, slots, 0).unwrap_or_default()]
        } else {
            (1..=c.groups)
                .map(|g| group(s, slots, g).unwrap_or_default())
                .collect()
        };
        out.push(item);
    })?;
    Ok(out)
}

/// The replacement of one match: the template's texts and groups.
fn expand<S: Text + ?Sized>(
    s: &S,
    slots: &[usize],
    template: &[Result<String, usize>],
    out: &mut String,
) {
    for part in template {
        match part {
            Ok(t) => out.push_str(t),
            Err(g) => {
                if let Some(t) = group(s, slots, *g) {
                    out.push_str(&t);
                }
            }
        }
    }
}

fn sub_in<S: Text + ?Sized>(
    c: &Compiled,
    s: &S,
    len: usize,
    template: &[Result<String, usize>],
    count: usize,
) -> Result<(String, usize), Interrupted> {
    let mut out = String::new();
    let (mut last, mut n) = (0, 0);
    each_match(c, s, 0, len, count, |slots, _| {
        out.push_str(&s.slice(last, slots[0]));
        expand(s, slots, template, &mut out);
        last = slots[1];
        n += 1;
    })?;
    out.push_str(&s.slice(last, len));
    Ok((out, n))
}

fn split_in<S: Text + ?Sized>(
    c: &Compiled,
    s: &S,
    len: usize,
    maxsplit: usize,
) -> Result<Vec<Piece>, Interrupted> {
    let mut out = Vec::new();
    let mut last = 0;
    each_match(c, s, 0, len, maxsplit, |slots, _| {
        out.push(Piece::Text(s.slice(last, slots[0])));
        for g in 1..=c.groups {
            out.push(group(s, slots, g).map_or(Piece::None, Piece::Text));
        }
        last = slots[1];
    })?;
    out.push(Piece::Text(s.slice(last, len)));
    Ok(out)
}

/// Run `f` on the subject `s` as bytes (ASCII) or characters.
macro_rules! on_subject {
    ($s:expr, |$t:ident| $body:expr) => {{
        let s: &StrObj = $s;
        if s.is_ascii() {
            let $t: &[u8] = s.as_str().as_bytes();
            $body
        } else {
            let chars = super::chars_of(s);
            let $t: &[char] = &chars[..];
            $body
        }
    }};
}

/// A count or position argument; negative ones count as 0.
fn arg_usize(vm: &mut Vm, v: Value) -> PyResult<usize> {
    Ok(vm.index_of(v, "int")?.max(0) as usize)
}

/// `spans(pattern, flags, string, pos, must_advance, endpos, limit)`: the
/// spans of the next `limit` matches, as `search` gives one match's (with
/// `lastindex` last), for `finditer` and a `sub` by a function: fewer calls
/// than one per match, and each batch goes on where the last stopped.
pub fn spans_fn(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (c, s) = compiled_for(vm, "spans", args, kw, 7)?;
    let pos = arg_usize(vm, args[3])?.min(s.char_len());
    let must_advance = vm.truthy(args[4])?;
    let endpos = arg_usize(vm, args[5])?.min(s.char_len());
    let limit = arg_usize(vm, args[6])?.max(1);
    let mut found: Vec<Vec<i64>> = Vec::new();
    let r = on_subject!(&s, |t| {
        each_match_from(&c, t, pos, must_advance, endpos, limit, |slots, last| {
            let mut spans: Vec<i64> = slots
                .iter()
                .map(|&p| if p == UNSET { -1 } else { p as i64 })
                .collect();
            spans.push(last as i64);
            found.push(spans);
        })
    });
    r.map_err(|_| interrupted_error(vm))?;
    let mut out = Vec::with_capacity(found.len());
    for spans in found {
        let vals = spans.into_iter().map(Value::Int).collect();
        out.push(vm.new_tuple(vals));
    }
    Ok(vm.new_list(out))
}

/// `findall(pattern, flags, string, pos, endpos)`: as `Pattern.findall`,
/// `pos` and `endpos` within the string.
pub fn findall_fn(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (c, s) = compiled_for(vm, "findall", args, kw, 5)?;
    let pos = arg_usize(vm, args[3])?.min(s.char_len());
    let endpos = arg_usize(vm, args[4])?.min(s.char_len());
    let found = on_subject!(&s, |t| findall_in(&c, t, pos, endpos));
    let items = found.map_err(|_| interrupted_error(vm))?;
    let mut out = Vec::with_capacity(items.len());
    for texts in items {
        let mut vals: Vec<Value> = texts.into_iter().map(|t| vm.new_str(t)).collect();
        out.push(if c.groups <= 1 {
            vals.pop().unwrap_or(Value::None)
        } else {
            vm.new_tuple(vals)
        });
    }
    Ok(vm.new_list(out))
}

/// `sub(pattern, flags, string, template, count)`: (the new string, the
/// number of replacements); `template` a list of strs and group numbers
/// (`re._template`).
pub fn sub_fn(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (c, s) = compiled_for(vm, "sub", args, kw, 5)?;
    let Value::List(parts) = args[3] else {
        return Err(vm.type_error("sub() template must be a list"));
    };
    let template: Vec<Result<String, usize>> = parts
        .items
        .borrow()
        .iter()
        .map(|p| match p {
            Value::Int(g) => Err(*g as usize),
            Value::Str(t) => Ok(t.as_str().to_string()),
            _ => Ok(String::new()),
        })
        .collect();
    let count = arg_usize(vm, args[4])?;
    let len = s.char_len();
    let r = on_subject!(&s, |t| sub_in(&c, t, len, &template, count));
    let (text, n) = r.map_err(|_| interrupted_error(vm))?;
    let v = vm.new_str(text);
    Ok(vm.new_tuple(vec![v, Value::Int(n as i64)]))
}

/// `split(pattern, flags, string, maxsplit)`: as `Pattern.split`.
pub fn split_fn(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (c, s) = compiled_for(vm, "split", args, kw, 4)?;
    let maxsplit = arg_usize(vm, args[3])?;
    let len = s.char_len();
    let r = on_subject!(&s, |t| split_in(&c, t, len, maxsplit));
    let pieces = r.map_err(|_| interrupted_error(vm))?;
    let out = pieces
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => vm.new_str(t),
            Piece::None => Value::None,
        })
        .collect();
    Ok(vm.new_list(out))
}
