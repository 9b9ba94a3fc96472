//! The `functools` module: reduce, partial, wraps/update_wrapper, lru_cache
//! and cache. Callable objects are natives bound to a state tuple.

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::mod_operator::dict_kwargs;

pub fn make_functools(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("functools", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("reduce", ft_reduce),
        ("partial", ft_partial),
        ("update_wrapper", ft_update_wrapper),
        ("wraps", ft_wraps),
        ("lru_cache", ft_lru_cache),
        ("cache", ft_cache),
        ("total_ordering", super::total_ordering::total_ordering),
    ];
    super::set_functions(vm, m, fns);
    let assigned: Vec<Value> = ASSIGNED.iter().map(|s| Value::Str(vm.intern(s))).collect();
    let t = vm.new_tuple(assigned);
    m.set("WRAPPER_ASSIGNMENTS", t);
    let updated = vec![Value::Str(vm.intern_static("__dict__"))];
    let t = vm.new_tuple(updated);
    m.set("WRAPPER_UPDATES", t);
    // Written in Python (`pysrc/_pyextras.py`).
    if let Ok(f) = vm.embedded_attr("_pyextras", "cmp_to_key") {
        m.set("cmp_to_key", f);
    }
    if let Ok(c) = vm.embedded_attr("_pyextras", "cached_property") {
        m.set("cached_property", c);
    }
    m
}

fn bound(vm: &mut Vm, name: &'static str, f: NativeFn, state: Value) -> Value {
    Value::Builtin(vm.heap.alloc(BuiltinObj {
        prof_id: std::cell::Cell::new(u32::MAX),
        name,
        func: f,
        bound_self: Some(state),
        owner: None,
    }))
}

fn is_callable(v: Value) -> bool {
    matches!(
        v,
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Type(_)
    )
}

// ---------------------------------------------------------------- reduce

fn ft_reduce(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "reduce", kw)?;
    super::check_arity(vm, "reduce", args, 2, 3)?;
    let (func, iterable) = (args[0], args[1]);
    if !vm.is_iterable(iterable) {
        return Err(vm.type_error("reduce() arg 2 must support iteration"));
    }
    let it = vm.get_iter(iterable)?;
    let base = vm.temp_roots.len();
    vm.temp_roots.push(it);
    // Slot base+1 holds the accumulator (Undefined until the first item).
    vm.temp_roots
        .push(args.get(2).copied().unwrap_or(Value::Undefined));
    let r = reduce_loop(vm, func, it, base + 1);
    vm.temp_roots.truncate(base);
    r
}

fn reduce_loop(vm: &mut Vm, func: Value, it: Value, slot: usize) -> PyResult<Value> {
    while let Some(x) = vm.iter_next(it)? {
        let acc = vm.temp_roots[slot];
        let next = if matches!(acc, Value::Undefined) {
            x
        } else {
            vm.temp_roots.push(x);
            let r = vm.call_value(func, &[acc, x], &[]);
            vm.temp_roots.pop();
            r?
        };
        vm.temp_roots[slot] = next;
    }
    match vm.temp_roots[slot] {
        Value::Undefined => Err(vm.type_error("reduce() of empty iterable with no initial value")),
        v => Ok(v),
    }
}

// ---------------------------------------------------------------- partial

fn ft_partial(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = args[0];
    if !is_callable(func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut pos: Vec<Value> = Vec::new();
    let d = vm.new_dict();
    vm.temp_roots.push(d);
    let Value::Dict(dd) = d else { unreachable!() };
    // partial(partial(f, a), b) flattens to partial(f, a, b), as CPython does.
    if let Value::Builtin(b) = func {
        if b.func as *const () == partial_call as *const () {
            if let Some(Value::Tuple(st)) = b.bound_self {
                func = st.items[0];
                if let Value::Tuple(a) = st.items[1] {
                    pos.extend_from_slice(&a.items);
                }
                if let Value::Dict(inner) = st.items[2] {
                    let t = inner.table.borrow().clone();
                    *dd.table.borrow_mut() = t;
                }
            }
        }
    }
    pos.extend_from_slice(&args[1..]);
    for (k, v) in kw {
        if let Err(e) = super::dict_ops::dict_set(vm, dd, Value::Str(*k), *v) {
            vm.temp_roots.pop();
            return Err(e);
        }
    }
    let a = vm.new_tuple(pos);
    vm.temp_roots.push(a);
    let state = vm.new_tuple(vec![func, a, d]);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    Ok(bound(vm, "partial", partial_call, state))
}

fn partial_call(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let Value::Tuple(st) = args[0] else {
        unreachable!("partial state")
    };
    let (func, Value::Tuple(pre), d) = (st.items[0], st.items[1], st.items[2]) else {
        unreachable!()
    };
    let mut pos: Vec<Value> = pre.items.to_vec();
    pos.extend_from_slice(&args[1..]);
    let mut kws = dict_kwargs(d);
    for (k, v) in kw {
        match kws.iter_mut().find(|(n, _)| n.as_str() == k.as_str()) {
            Some(slot) => slot.1 = *v,
            None => kws.push((*k, *v)),
        }
    }
    vm.call_value(func, &pos, &kws)
}

// ---------------------------------------------------------------- wraps

const ASSIGNED: [&str; 5] = [
    "__module__",
    "__name__",
    "__qualname__",
    "__doc__",
    "__annotations__",
];

/// Copy the wrapper attributes of `wrapped` onto `wrapper` (a Python function;
/// other wrappers are left as they are) and set `__wrapped__`.
fn update_wrapper(vm: &mut Vm, wrapper: Value, wrapped: Value) -> PyResult<Value> {
    let Value::Function(wf) = wrapper else {
        return Ok(wrapper);
    };
    for name in ASSIGNED {
        let n = vm.intern(name);
        if let Some(v) = vm.getattr_opt(wrapped, n)? {
            vm.setattr(wrapper, n, v)?;
        }
    }
    // wrapper.__dict__.update(wrapped.__dict__)
    if let Value::Function(src) = wrapped {
        let entries: Vec<(Value, Value)> = match *src.attrs.borrow() {
            Some(d) => d.table.borrow().iter().collect(),
            None => Vec::new(),
        };
        for (k, v) in entries {
            if let Value::Str(ks) = k {
                vm.setattr(wrapper, ks, v)?;
            }
        }
    }
    let _ = wf;
    let n = vm.intern_static("__wrapped__");
    vm.setattr(wrapper, n, wrapped)?;
    Ok(wrapper)
}

fn ft_update_wrapper(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "update_wrapper", kw, &["wrapper", "wrapped"])?;
    let wrapper = args
        .first()
        .copied()
        .or_else(|| super::kwarg(kw, "wrapper"));
    let wrapped = args.get(1).copied().or_else(|| super::kwarg(kw, "wrapped"));
    let (Some(wrapper), Some(wrapped)) = (wrapper, wrapped) else {
        return Err(
            vm.type_error("update_wrapper() missing 1 required positional argument: 'wrapped'")
        );
    };
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "update_wrapper() takes from 2 to 4 positional arguments but {} were given",
            args.len()
        )));
    }
    update_wrapper(vm, wrapper, wrapped)
}

fn ft_wraps(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "wraps", kw, &["wrapped"])?;
    let Some(wrapped) = args
        .first()
        .copied()
        .or_else(|| super::kwarg(kw, "wrapped"))
    else {
        return Err(vm.type_error("wraps() missing 1 required positional argument: 'wrapped'"));
    };
    if args.len() > 1 {
        return Err(vm.type_error(&format!(
            "wraps() takes from 1 to 3 positional arguments but {} were given",
            args.len()
        )));
    }
    Ok(bound(vm, "update_wrapper", wraps_call, wrapped))
}

fn wraps_call(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "update_wrapper", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "update_wrapper() takes 1 positional argument but {} were given",
            args.len() - 1
        )));
    }
    update_wrapper(vm, args[1], args[0])
}

// ---------------------------------------------------------------- lru_cache

// A wrapper is a native bound to its state tuple (the `LRU_*` indices).
const LRU_FUNC: usize = 0;
const LRU_CACHE: usize = 1;
const LRU_MAXSIZE: usize = 2;
const LRU_MARK: usize = 3;
/// A list `[hits, misses]`.
const LRU_STATS: usize = 4;
const LRU_TYPED: usize = 5;

/// `lru_cache(maxsize=128, typed=False)`, or `@lru_cache` applied directly.
fn ft_lru_cache(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "lru_cache", kw, &["maxsize", "typed"])?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "lru_cache() takes from 0 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let first = args
        .first()
        .copied()
        .or_else(|| super::kwarg(kw, "maxsize"))
        .unwrap_or(Value::Int(128));
    let typed = args
        .get(1)
        .copied()
        .or_else(|| super::kwarg(kw, "typed"))
        .unwrap_or(Value::Bool(false));
    let typed = Value::Bool(vm.truthy(typed)?);
    match first {
        Value::Int(_) | Value::Bool(_) | Value::None | Value::BigInt(_) => {
            let maxsize = match first {
                Value::Int(n) if n < 0 => Value::Int(0),
                Value::Bool(b) => Value::Int(b as i64),
                v => v,
            };
            let st = vm.new_tuple(vec![maxsize, typed]);
            Ok(bound(vm, "decorating_function", lru_decorate, st))
        }
        f if is_callable(f) => make_lru_wrapper(vm, f, Value::Int(128), typed),
        _ => Err(vm.type_error("Expected first argument to be an integer, a callable, or None")),
    }
}

fn ft_cache(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "cache", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "cache() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    make_lru_wrapper(vm, args[0], Value::None, Value::Bool(false))
}

fn lru_decorate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "decorating_function", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "decorating_function() takes 1 positional argument but {} were given",
            args.len() - 1
        )));
    }
    let Value::Tuple(st) = args[0] else {
        unreachable!("lru_cache parameters")
    };
    make_lru_wrapper(vm, args[1], st.items[0], st.items[1])
}

/// The cached callable: a native bound to its state (see `LRU_*`).
/// Its `__name__` is the wrapped function's name (leaked: decorating is rare).
fn make_lru_wrapper(vm: &mut Vm, func: Value, maxsize: Value, typed: Value) -> PyResult<Value> {
    if !is_callable(func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let name: &'static str = match func {
        Value::Function(f) => Box::leak(f.name.as_str().to_string().into_boxed_str()),
        Value::Builtin(b) => b.name,
        _ => "lru_cache_wrapper",
    };
    let cache = vm.new_dict();
    vm.temp_roots.push(cache);
    // The separator between positional and keyword parts of a key: an object
    // equal only to itself.
    let mark = Value::Builtin(vm.heap.alloc(BuiltinObj {
        prof_id: std::cell::Cell::new(u32::MAX),
        name: "kwd_mark",
        func: lru_decorate,
        bound_self: None,
        owner: None,
    }));
    vm.temp_roots.push(mark);
    let stats = vm.new_list(vec![Value::Int(0), Value::Int(0)]);
    vm.temp_roots.push(stats);
    let state = vm.new_tuple(vec![func, cache, maxsize, mark, stats, typed]);
    vm.temp_roots.truncate(vm.temp_roots.len() - 3);
    Ok(bound(vm, name, lru_call, state))
}

/// Count a hit (0) or a miss (1).
fn lru_count(st: &TupleObj, which: usize) {
    if let Value::List(l) = st.items[LRU_STATS] {
        let mut s = l.items.borrow_mut();
        if let Value::Int(n) = s[which] {
            s[which] = Value::Int(n + 1);
        }
    }
}

fn lru_call(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let Value::Tuple(st) = args[0] else {
        unreachable!("lru state")
    };
    let (func, Value::Dict(cache), maxsize, mark) = (
        st.items[LRU_FUNC],
        st.items[LRU_CACHE],
        st.items[LRU_MAXSIZE],
        st.items[LRU_MARK],
    ) else {
        unreachable!()
    };
    let typed = matches!(st.items[LRU_TYPED], Value::Bool(true));
    let call_args = &args[1..];
    if let Value::Int(0) = maxsize {
        lru_count(&st, 1);
        return vm.call_value(func, call_args, kw);
    }
    // CPython's lru_cache_make_key: a lone int or str argument is its own key.
    let key = if !typed
        && kw.is_empty()
        && call_args.len() == 1
        && matches!(
            call_args[0],
            Value::Int(_) | Value::BigInt(_) | Value::Str(_)
        ) {
        call_args[0]
    } else {
        let mut items = call_args.to_vec();
        if !kw.is_empty() {
            items.push(mark);
            for (k, v) in kw {
                items.push(Value::Str(*k));
                items.push(*v);
            }
        }
        if typed {
            for a in call_args {
                items.push(Value::Type(vm.type_of(*a)));
            }
            for (_, v) in kw {
                items.push(Value::Type(vm.type_of(*v)));
            }
        }
        vm.new_tuple(items)
    };
    vm.temp_roots.push(key);
    let r = lru_lookup(vm, &st, func, cache, maxsize, key, call_args, kw);
    vm.temp_roots.pop();
    r
}

#[allow(clippy::too_many_arguments)]
fn lru_lookup(
    vm: &mut Vm,
    st: &TupleObj,
    func: Value,
    cache: Gc<DictObj>,
    maxsize: Value,
    key: Value,
    args: &[Value],
    kw: Kwargs,
) -> PyResult<Value> {
    use super::dict_ops::{dict_get, dict_remove, dict_set};
    if let Some(v) = dict_get(vm, cache, key)? {
        lru_count(st, 0);
        if !maxsize.is_none() {
            // Move to the most recently used end.
            dict_remove(vm, cache, key)?;
            dict_set(vm, cache, key, v)?;
        }
        return Ok(v);
    }
    lru_count(st, 1);
    let result = vm.call_value(func, args, kw)?;
    if dict_get(vm, cache, key)?.is_some() {
        // A recursive call cached this key meanwhile.
        return Ok(result);
    }
    vm.temp_roots.push(result);
    let r = dict_set(vm, cache, key, result);
    vm.temp_roots.pop();
    r?;
    if let Value::Int(max) = maxsize {
        while cache.table.borrow().len() as i64 > max {
            let oldest = cache.table.borrow().next_entry(0).map(|(_, k, _)| k);
            match oldest {
                Some(k) => {
                    dict_remove(vm, cache, k)?;
                }
                None => break,
            }
        }
    }
    Ok(result)
}

/// Attributes of functools' natives: an lru_cache wrapper's `cache_info`,
/// `cache_clear`, `cache_parameters` and `__wrapped__`.
/// Whether `b` is a function wrapped by `lru_cache`/`cache`: as CPython's
/// wrapper, it binds like a method when found on a class.
pub fn is_lru_wrapper(b: Gc<BuiltinObj>) -> bool {
    b.func as *const () == lru_call as *const () && b.bound_self.is_some()
}

pub fn builtin_attr(vm: &mut Vm, b: Gc<BuiltinObj>, name: &str) -> Option<Value> {
    if b.func as *const () != lru_call as *const () {
        return None;
    }
    let st = b.bound_self?;
    let f: NativeFn = match name {
        "cache_info" => lru_cache_info,
        "cache_clear" => lru_cache_clear,
        "cache_parameters" => lru_cache_parameters,
        "__wrapped__" => {
            let Value::Tuple(t) = st else { return None };
            return Some(t.items[LRU_FUNC]);
        }
        _ => return None,
    };
    let name: &'static str = match name {
        "cache_info" => "cache_info",
        "cache_clear" => "cache_clear",
        _ => "cache_parameters",
    };
    Some(bound(vm, name, f, st))
}

fn lru_state(vm: &mut Vm, args: &[Value], kw: Kwargs, name: &str) -> PyResult<Gc<TupleObj>> {
    super::no_kwargs(vm, name, kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "{name}() takes 0 positional arguments but {} were given",
            args.len() - 1
        )));
    }
    match args[0] {
        Value::Tuple(t) => Ok(t),
        _ => unreachable!("lru state"),
    }
}

/// `cache_info()`: `CacheInfo(hits, misses, maxsize, currsize)`, a named
/// tuple as in CPython (the class is made once, from `collections`).
fn lru_cache_info(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let st = lru_state(vm, args, kw, "cache_info")?;
    let (hits, misses) = match st.items[LRU_STATS] {
        Value::List(l) => {
            let s = l.items.borrow();
            (s[0], s[1])
        }
        _ => unreachable!("lru stats"),
    };
    let currsize = match st.items[LRU_CACHE] {
        Value::Dict(d) => d.table.borrow().len() as i64,
        _ => 0,
    };
    let cls = cache_info_class(vm)?;
    vm.call_value(
        cls,
        &[hits, misses, st.items[LRU_MAXSIZE], Value::Int(currsize)],
        &[],
    )
}

/// `functools._CacheInfo`, kept in the functools module once made.
fn cache_info_class(vm: &mut Vm) -> PyResult<Value> {
    let ft = vm.modules.get("functools").copied();
    if let Some(Value::Type(t)) = ft.and_then(|m| m.get("_CacheInfo")) {
        return Ok(Value::Type(t));
    }
    let coll = match vm.modules.get("collections").copied() {
        Some(m) => m,
        None => {
            let m = super::modules::builtin_module(vm, "collections").expect("built in");
            vm.register_module("collections".to_string(), m);
            m
        }
    };
    let nt = coll.get("namedtuple").expect("collections.namedtuple");
    let name = vm.new_str("CacheInfo");
    let fields: Vec<Value> = ["hits", "misses", "maxsize", "currsize"]
        .iter()
        .map(|f| Value::Str(vm.intern(f)))
        .collect();
    let fields = vm.new_list(fields);
    vm.temp_roots.push(fields);
    let r = vm.call_value(nt, &[name, fields], &[]);
    vm.temp_roots.pop();
    let cls = r?;
    if let Some(m) = ft {
        m.set("_CacheInfo", cls);
    }
    Ok(cls)
}

fn lru_cache_clear(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let st = lru_state(vm, args, kw, "cache_clear")?;
    if let Value::Dict(d) = st.items[LRU_CACHE] {
        d.table.borrow_mut().clear();
    }
    if let Value::List(l) = st.items[LRU_STATS] {
        let mut s = l.items.borrow_mut();
        s[0] = Value::Int(0);
        s[1] = Value::Int(0);
    }
    Ok(Value::None)
}

fn lru_cache_parameters(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let st = lru_state(vm, args, kw, "cache_parameters")?;
    let d = vm.new_dict();
    let Value::Dict(dd) = d else { unreachable!() };
    vm.temp_roots.push(d);
    let k = Value::Str(vm.intern("maxsize"));
    super::dict_ops::dict_set(vm, dd, k, st.items[LRU_MAXSIZE])?;
    let k = Value::Str(vm.intern("typed"));
    super::dict_ops::dict_set(vm, dd, k, st.items[LRU_TYPED])?;
    vm.temp_roots.pop();
    Ok(d)
}
