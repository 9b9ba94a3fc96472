//! The `_re` module: the regular expression engine under `re`
//! (`pysrc/re.py`), as `_sre` is CPython's. `re` keeps the Python objects
//! (patterns, matches, the loops of `sub`, `split` and `findall`); here a
//! pattern is parsed (`parse.rs`, with `re.error`'s messages and positions),
//! compiled to a program (`compile.rs`) and run by a backtracking matcher
//! (`exec.rs`) that matches what sre matches.
//!
//! Compiled programs are cached by pattern and flags, so `re` passes the
//! pattern's text rather than an object of its own; and a subject that is
//! not ASCII is kept as characters between calls, so that `finditer` over a
//! long text does not convert it once per match.

mod compile;
mod exec;
mod loops;
mod parse;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use exec::{Matcher, Mode, Subject, UNSET};

/// `re`'s flag bits (`re.RegexFlag`).
pub mod flags {
    pub const IGNORECASE: u32 = 2;
    pub const LOCALE: u32 = 4;
    pub const MULTILINE: u32 = 8;
    pub const DOTALL: u32 = 16;
    pub const UNICODE: u32 = 32;
    pub const VERBOSE: u32 = 64;
    pub const ASCII: u32 = 256;
}

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("_re", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("compile", compile_fn),
        ("search", search_fn),
        ("findall", loops::findall_fn),
        ("sub", loops::sub_fn),
        ("split", loops::split_fn),
        ("spans", loops::spans_fn),
    ];
    super::set_functions(vm, m, fns);
    m
}

struct Compiled {
    prog: compile::Prog,
    groups: usize,
    names: Vec<(String, usize)>,
    flags: u32,
    unsupported: Option<&'static str>,
}

/// As CPython's `re._MAXCACHE`: the cache is emptied past this.
const MAX_CACHE: usize = 512;

thread_local! {
    static CACHE: RefCell<HashMap<(String, u32), Rc<Compiled>>> = RefCell::new(HashMap::new());
    static LAST: RefCell<Option<(String, u32, Rc<Compiled>)>> = const { RefCell::new(None) };
    /// The last subject that was not ASCII, and its characters.
    static CHARS: RefCell<(String, Rc<[char]>)> = RefCell::new((String::new(), Rc::from(Vec::new())));
}

/// The program of `pattern` with `flags`, from the cache or made now.
fn compiled(pattern: &str, flags: u32) -> Result<Rc<Compiled>, parse::Error> {
    // The pattern of the last call, first: a loop of searches asks for
    // one pattern again and again.
    let last = LAST.with(|l| {
        let l = l.borrow();
        l.as_ref()
            .filter(|(p, f, _)| *f == flags && p == pattern)
            .map(|(_, _, c)| c.clone())
    });
    if let Some(c) = last {
        return Ok(c);
    }
    let c = compiled_in_cache(pattern, flags)?;
    LAST.with(|l| *l.borrow_mut() = Some((pattern.to_string(), flags, c.clone())));
    Ok(c)
}

fn compiled_in_cache(pattern: &str, flags: u32) -> Result<Rc<Compiled>, parse::Error> {
    let key = (pattern.to_string(), flags);
    if let Some(c) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(c);
    }
    let parsed = parse::parse(pattern, flags)?;
    let prog = compile::compile(&parsed.node, parsed.groups).map_err(|msg| parse::Error {
        msg,
        pos: None,
        overflow: true,
    })?;
    let c = Rc::new(Compiled {
        prog,
        groups: parsed.groups,
        names: parsed.names,
        flags: parsed.flags,
        unsupported: parsed.unsupported,
    });
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_CACHE {
            cache.clear();
        }
        cache.insert(key, c.clone());
    });
    Ok(c)
}

fn pattern_of(vm: &mut Vm, args: &[Value], error: Value) -> PyResult<(Gc<StrObj>, Rc<Compiled>)> {
    let p = super::str_arg(vm, args[0], "pattern must be str")?;
    let flags = vm.index_of(args[1], "int")? as u32;
    match compiled(p.as_str(), flags) {
        Ok(c) => Ok((p, c)),
        Err(e) if e.overflow => Err(vm.new_exception_msg("OverflowError", &e.msg)),
        Err(e) => {
            let m = vm.new_str(e.msg.as_str());
            let pos = e.pos.map_or(Value::None, |p| Value::Int(p as i64));
            match vm.call_value(error, &[m, args[0], pos], &[]) {
                Ok(Value::Instance(x)) => Err(x),
                Ok(_) => Err(vm.type_error("re.error did not make an exception")),
                Err(x) => Err(x),
            }
        }
    }
}

/// `compile(pattern, flags, error)`: (groups, [(name, index)...], flags
/// with those the pattern sets), or `error(msg, pattern, pos)` raised.
fn compile_fn(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::exact_args(vm, "compile", args, kw, 3)?;
    if let Value::Bytes(_) = args[0] {
        return Err(vm.fatal_unsupported_here("re: bytes patterns"));
    }
    let (_, c) = pattern_of(vm, args, args[2])?;
    if let Some(what) = c.unsupported {
        return Err(vm.fatal_unsupported_here(&format!("re: {what}")));
    }
    let mut names = Vec::with_capacity(c.names.len());
    for (n, g) in &c.names {
        let s = vm.new_str(n.as_str());
        names.push(vm.new_tuple(vec![s, Value::Int(*g as i64)]));
    }
    let names = vm.new_list(names);
    Ok(vm.new_tuple(vec![
        Value::Int(c.groups as i64),
        names,
        Value::Int(c.flags as i64),
    ]))
}

/// The program and the subject of a call `name(pattern, flags, string,
/// ...)` of `n` arguments.
fn compiled_for(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kwargs,
    n: usize,
) -> PyResult<(Rc<Compiled>, Gc<StrObj>)> {
    super::exact_args(vm, name, args, kw, n)?;
    let (_, c) = pattern_of(vm, args, Value::None)?;
    let s = super::str_arg(vm, args[2], "string must be str")?;
    Ok((c, s))
}

/// Ctrl-C during a match: taken here, as a safepoint takes it
/// (`Vm::safepoint`).
fn interrupted_error(vm: &mut Vm) -> PyExc {
    vm.interrupted
        .store(false, std::sync::atomic::Ordering::Relaxed);
    vm.heap.refresh_call_limit();
    vm.new_exception("KeyboardInterrupt", vec![])
}

/// The characters of `s`, which is not ASCII: the last subject's again
/// when it is the same text.
fn chars_of(s: &StrObj) -> Rc<[char]> {
    CHARS.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.0 != s.as_str() {
            *cell = (s.as_str().to_string(), s.as_str().chars().collect());
        }
        cell.1.clone()
    })
}

/// `search(pattern, flags, string, pos, endpos, mode, must_advance)`: the
/// match's group spans as a tuple (start, end of the whole match, then of
/// each group; -1 for a group that matched nothing) and last its
/// `lastindex` (0: none), or None. `mode`: 0 search, 1 match, 2 fullmatch;
/// `pos` and `endpos` are within the string.
fn search_fn(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (c, s) = compiled_for(vm, "search", args, kw, 7)?;
    let pos = vm.index_of(args[3], "int")?.clamp(0, s.char_len() as i64) as usize;
    let endpos = vm.index_of(args[4], "int")?.clamp(0, s.char_len() as i64) as usize;
    let mode = match vm.index_of(args[5], "int")? {
        0 => Mode::Search,
        1 => Mode::Match,
        _ => Mode::Full,
    };
    let must_advance = vm.truthy(args[6])?;
    let found = if s.is_ascii() {
        run(&c, s.as_str().as_bytes(), pos, endpos, mode, must_advance)
    } else {
        run(&c, &chars_of(&s)[..], pos, endpos, mode, must_advance)
    };
    match found {
        Err(exec::Interrupted) => Err(interrupted_error(vm)),
        Ok(None) => Ok(Value::None),
        Ok(Some(slots)) => {
            // The last item is `lastindex`, never UNSET.
            let spans = slots
                .iter()
                .map(|&p| Value::Int(if p == UNSET { -1 } else { p as i64 }))
                .collect();
            Ok(vm.new_tuple(spans))
        }
    }
}

fn run<S: Subject + ?Sized>(
    c: &Compiled,
    s: &S,
    pos: usize,
    endpos: usize,
    mode: Mode,
    must_advance: bool,
) -> Result<Option<Vec<usize>>, exec::Interrupted> {
    let mut m = Matcher::new(&c.prog, s, endpos);
    if !m.find(pos, mode, must_advance)? {
        return Ok(None);
    }
    let mut slots = m.slots;
    slots.push(m.lastindex);
    Ok(Some(slots))
}
