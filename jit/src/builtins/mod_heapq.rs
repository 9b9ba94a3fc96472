//! The `heapq` module: CPython's `_heapq` sift algorithms (same comparisons,
//! same order, same "list changed size" checks), plus nlargest/nsmallest;
//! `merge` is Python (`pysrc/_pyextras.py`).

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("heapq", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapify", heapify),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("nlargest", nlargest),
        ("nsmallest", nsmallest),
    ];
    super::set_functions(vm, m, fns);
    // Written in Python (`pysrc/_pyextras.py`).
    if let Ok(f) = vm.embedded_attr("_pyextras", "merge") {
        m.set("merge", f);
    }
    m
}

fn heap_list(vm: &mut Vm, fname: &str, v: Value) -> PyResult<Gc<ListObj>> {
    match v {
        Value::List(l) => Ok(l),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "{fname}() argument{} must be list, not {tn}",
                if fname == "heappop" || fname == "heapify" {
                    ""
                } else {
                    " 1"
                }
            )))
        }
    }
}

fn get(l: Gc<ListObj>, i: usize) -> Value {
    l.items.borrow()[i]
}

fn changed(vm: &mut Vm) -> PyExc {
    vm.new_exception_msg("RuntimeError", "list changed size during iteration")
}

fn siftdown(vm: &mut Vm, l: Gc<ListObj>, startpos: usize, mut pos: usize) -> PyResult<()> {
    let size = l.items.borrow().len();
    if pos >= size {
        return Err(vm.new_exception_msg("IndexError", "list index out of range"));
    }
    let mut newitem = get(l, pos);
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let parent = get(l, parentpos);
        vm.temp_roots.push(newitem);
        vm.temp_roots.push(parent);
        let cmp = vm.less_than(newitem, parent);
        vm.temp_roots.truncate(vm.temp_roots.len() - 2);
        let cmp = cmp?;
        if size != l.items.borrow().len() {
            return Err(changed(vm));
        }
        if !cmp {
            break;
        }
        let mut items = l.items.borrow_mut();
        let parent = items[parentpos];
        newitem = items[pos];
        items[parentpos] = newitem;
        items[pos] = parent;
        pos = parentpos;
    }
    Ok(())
}

fn siftup(vm: &mut Vm, l: Gc<ListObj>, mut pos: usize) -> PyResult<()> {
    let endpos = l.items.borrow().len();
    let startpos = pos;
    if pos >= endpos {
        return Err(vm.new_exception_msg("IndexError", "list index out of range"));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = (get(l, childpos), get(l, childpos + 1));
            vm.temp_roots.push(a);
            vm.temp_roots.push(b);
            let cmp = vm.less_than(a, b);
            vm.temp_roots.truncate(vm.temp_roots.len() - 2);
            let cmp = cmp?;
            if endpos != l.items.borrow().len() {
                return Err(changed(vm));
            }
            if !cmp {
                childpos += 1;
            }
        }
        l.items.borrow_mut().swap(childpos, pos);
        pos = childpos;
    }
    siftdown(vm, l, startpos, pos)
}

fn heappush(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "heappush", kw)?;
    crate::builtins::functions::expect_args(vm, "heappush", args, 2, 2)?;
    let l = heap_list(vm, "heappush", args[0])?;
    l.items.borrow_mut().push(args[1]);
    let n = l.items.borrow().len();
    siftdown(vm, l, 0, n - 1)?;
    Ok(Value::None)
}

fn heappop(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "heappop", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "_heapq.heappop() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let l = heap_list(vm, "heappop", args[0])?;
    let last = l.items.borrow_mut().pop();
    let Some(last) = last else {
        return Err(vm.new_exception_msg("IndexError", "index out of range"));
    };
    if l.items.borrow().is_empty() {
        return Ok(last);
    }
    let ret = std::mem::replace(&mut l.items.borrow_mut()[0], last);
    vm.temp_roots.push(ret);
    let r = siftup(vm, l, 0);
    vm.temp_roots.pop();
    r?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "heapreplace", kw)?;
    crate::builtins::functions::expect_args(vm, "heapreplace", args, 2, 2)?;
    let l = heap_list(vm, "heapreplace", args[0])?;
    if l.items.borrow().is_empty() {
        return Err(vm.new_exception_msg("IndexError", "index out of range"));
    }
    let ret = std::mem::replace(&mut l.items.borrow_mut()[0], args[1]);
    vm.temp_roots.push(ret);
    let r = siftup(vm, l, 0);
    vm.temp_roots.pop();
    r?;
    Ok(ret)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "heappushpop", kw)?;
    crate::builtins::functions::expect_args(vm, "heappushpop", args, 2, 2)?;
    let l = heap_list(vm, "heappushpop", args[0])?;
    let item = args[1];
    if l.items.borrow().is_empty() {
        return Ok(item);
    }
    let top = get(l, 0);
    vm.temp_roots.push(top);
    let cmp = vm.less_than(top, item);
    vm.temp_roots.pop();
    if !cmp? {
        return Ok(item);
    }
    if l.items.borrow().is_empty() {
        return Err(vm.new_exception_msg("IndexError", "index out of range"));
    }
    let ret = std::mem::replace(&mut l.items.borrow_mut()[0], item);
    vm.temp_roots.push(ret);
    let r = siftup(vm, l, 0);
    vm.temp_roots.pop();
    r?;
    Ok(ret)
}

/// The largest power of two <= n (n > 0).
fn keep_top_bit(n: usize) -> usize {
    1usize << (usize::BITS - 1 - n.leading_zeros())
}

fn heapify(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "heapify", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "_heapq.heapify() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let l = heap_list(vm, "heapify", args[0])?;
    let n = l.items.borrow().len();
    if n > 2500 {
        // CPython's cache_friendly_heapify.
        let m = n >> 1;
        let leftmost = keep_top_bit(m + 1) - 1;
        let mhalf = m >> 1;
        let sift_chain = |vm: &mut Vm, i: usize| -> PyResult<()> {
            let mut j = i;
            loop {
                siftup(vm, l, j)?;
                if j & 1 == 0 {
                    return Ok(());
                }
                j >>= 1;
            }
        };
        for i in (mhalf..leftmost).rev() {
            sift_chain(vm, i)?;
        }
        for i in (leftmost..m).rev() {
            sift_chain(vm, i)?;
        }
        return Ok(Value::None);
    }
    for i in (0..n / 2).rev() {
        siftup(vm, l, i)?;
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------- max-heap helpers (nsmallest)

fn siftdown_max(vm: &mut Vm, l: Gc<ListObj>, startpos: usize, mut pos: usize) -> PyResult<()> {
    let size = l.items.borrow().len();
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let (parent, newitem) = (get(l, parentpos), get(l, pos));
        let cmp = vm.less_than(parent, newitem)?;
        if size != l.items.borrow().len() {
            return Err(changed(vm));
        }
        if !cmp {
            break;
        }
        l.items.borrow_mut().swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

fn siftup_max(vm: &mut Vm, l: Gc<ListObj>, mut pos: usize) -> PyResult<()> {
    let endpos = l.items.borrow().len();
    let startpos = pos;
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (a, b) = (get(l, childpos + 1), get(l, childpos));
            let cmp = vm.less_than(a, b)?;
            if endpos != l.items.borrow().len() {
                return Err(changed(vm));
            }
            if !cmp {
                childpos += 1;
            }
        }
        l.items.borrow_mut().swap(childpos, pos);
        pos = childpos;
    }
    siftdown_max(vm, l, startpos, pos)
}

/// The length of the common sized containers (heapq tries `len(iterable)`).
fn known_len(v: Value) -> Option<usize> {
    match v {
        Value::List(l) => Some(l.items.borrow().len()),
        Value::Tuple(t) => Some(t.items.len()),
        Value::Str(s) => Some(s.char_len()),
        Value::Range(r) => r.len().map(|n| n as usize),
        Value::Dict(d) => Some(d.table.borrow().len()),
        Value::Set(s) | Value::FrozenSet(s) => Some(s.table.borrow().len()),
        _ => None,
    }
}

/// heapq.py's nlargest/nsmallest, step for step: the same decorated tuples,
/// heap operations and final sort, so comparisons (and errors) match.
fn n_extreme(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kwargs,
    largest: bool,
) -> PyResult<Value> {
    super::check_kwargs(vm, name, kw, &["n", "iterable", "key"])?;
    if args.len() > 3 {
        return Err(vm.type_error(&format!(
            "{name}() takes from 2 to 3 positional arguments but {} were given",
            args.len()
        )));
    }
    let n = args.first().copied().or_else(|| super::kwarg(kw, "n"));
    let it = args
        .get(1)
        .copied()
        .or_else(|| super::kwarg(kw, "iterable"));
    let key = args
        .get(2)
        .copied()
        .or_else(|| super::kwarg(kw, "key"))
        .filter(|k| !k.is_none());
    let (Some(n), Some(iterable)) = (n, it) else {
        let which = if n.is_none() {
            "'n' and 'iterable'"
        } else {
            "'iterable'"
        };
        let cnt = if n.is_none() {
            "2 required positional arguments"
        } else {
            "1 required positional argument"
        };
        return Err(vm.type_error(&format!("{name}() missing {cnt}: {which}")));
    };
    let n = crate::builtins::functions::index_i64_clamped(vm, n)?;
    crate::builtins::methods::with_roots(vm, |vm| {
        if n == 1 {
            let f = vm
                .builtins
                .get(if largest { "max" } else { "min" })
                .copied()
                .unwrap_or(Value::None);
            let sentinel = vm.new_list(vec![]);
            vm.temp_roots.push(sentinel);
            let it = vm.get_iter(iterable)?;
            vm.temp_roots.push(it);
            let dk = vm.intern_static("default");
            let mut kws = vec![(dk, sentinel)];
            if let Some(k) = key {
                let kk = vm.intern_static("key");
                kws.push((kk, k));
            }
            let r = vm.call_value(f, &[it], &kws)?;
            return Ok(if r.is(&sentinel) {
                vm.new_list(vec![])
            } else {
                vm.new_list(vec![r])
            });
        }
        if let Some(size) = known_len(iterable) {
            if n >= size as i64 {
                let mut items = crate::builtins::methods::collect_rooted(vm, iterable)?;
                crate::builtins::functions::functions_sort::sort_values(
                    vm, &mut items, key, largest,
                )?;
                items.truncate(n.max(0) as usize);
                return Ok(vm.new_list(items));
            }
        }
        let it = vm.get_iter(iterable)?;
        vm.temp_roots.push(it);
        let result = vm.new_list(vec![]);
        vm.temp_roots.push(result);
        let Value::List(rl) = result else {
            unreachable!()
        };
        let decorate = |vm: &mut Vm, elem: Value, order: i64| -> PyResult<Value> {
            Ok(match key {
                None => vm.new_tuple(vec![elem, Value::Int(order)]),
                Some(k) => {
                    vm.temp_roots.push(elem);
                    let kv = vm.call_value(k, &[elem], &[])?;
                    vm.new_tuple(vec![kv, Value::Int(order), elem])
                }
            })
        };
        let mut i = 0i64;
        while i < n {
            let Some(elem) = vm.iter_next(it)? else { break };
            let order = if largest { -i } else { i };
            let t = decorate(vm, elem, order)?;
            rl.items.borrow_mut().push(t);
            i += 1;
        }
        if rl.items.borrow().is_empty() {
            return Ok(result);
        }
        let len = rl.items.borrow().len();
        for j in (0..len / 2).rev() {
            if largest {
                siftup(vm, rl, j)?;
            } else {
                siftup_max(vm, rl, j)?;
            }
        }
        let top_of = |l: Gc<ListObj>| match get(l, 0) {
            Value::Tuple(t) => t.items[0],
            _ => Value::None,
        };
        let mut top = top_of(rl);
        let mut order = if largest { -n } else { n };
        while let Some(elem) = vm.iter_next(it)? {
            vm.temp_roots.push(elem);
            let k = match key {
                None => elem,
                Some(f) => vm.call_value(f, &[elem], &[])?,
            };
            vm.temp_roots.push(k);
            let better = if largest {
                vm.less_than(top, k)?
            } else {
                vm.less_than(k, top)?
            };
            if better {
                let t = if key.is_some() {
                    vm.new_tuple(vec![k, Value::Int(order), elem])
                } else {
                    vm.new_tuple(vec![elem, Value::Int(order)])
                };
                if rl.items.borrow().is_empty() {
                    return Err(vm.new_exception_msg("IndexError", "index out of range"));
                }
                rl.items.borrow_mut()[0] = t;
                if largest {
                    siftup(vm, rl, 0)?;
                } else {
                    siftup_max(vm, rl, 0)?;
                }
                top = top_of(rl);
                order += if largest { -1 } else { 1 };
            }
            vm.temp_roots.truncate(vm.temp_roots.len() - 2);
        }
        let mut items = rl.items.borrow().clone();
        crate::builtins::functions::functions_sort::sort_values(vm, &mut items, None, largest)?;
        let idx = if key.is_some() { 2 } else { 0 };
        let out: Vec<Value> = items
            .iter()
            .map(|t| match t {
                Value::Tuple(t) => t.items[idx],
                _ => Value::None,
            })
            .collect();
        Ok(vm.new_list(out))
    })
}

fn nlargest(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    n_extreme(vm, "nlargest", args, kw, true)
}

fn nsmallest(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    n_extreme(vm, "nsmallest", args, kw, false)
}
