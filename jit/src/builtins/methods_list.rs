//! Methods of the sequences `list`, `tuple` and `range`, including `list.sort`.
//!
//! Comparisons (`==` for index/count/remove, `<` for sort) may run Python
//! code, so no `RefCell` borrow of a list is held across one: loops re-borrow
//! per element and re-check the length, as CPython's loops re-read `Py_SIZE`.
use crate::builtins::add_method;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{bind, check_recv, int_bool_arg, noargs, one_arg, positional, ssize_arg};

pub fn install(vm: &mut Vm) {
    let t = vm.types.list;
    let methods: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", list_index),
        ("count", list_count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
    ];
    for (name, f) in methods {
        add_method(vm, t, name, *f);
    }
    let t = vm.types.tuple;
    add_method(vm, t, "index", tuple_index);
    add_method(vm, t, "count", tuple_count);
    let t = vm.types.range;
    add_method(vm, t, "index", range_index);
    add_method(vm, t, "count", range_count);
}

/// The list a method works on: a list, or the list an instance of a list
/// subclass extends (`list.append(bag, x)` called unbound on a
/// `class Bag(list)`'s instance, as a subclass's own method does).
fn recv(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<ListObj>> {
    let list_of = |v: &Value| match *v {
        Value::List(l) => Some(l),
        Value::Instance(i) => match i.payload() {
            Some(Value::List(l)) => Some(l),
            _ => None,
        },
        _ => None,
    };
    check_recv(vm, "list", name, args, |v| list_of(v).is_some())?;
    Ok(list_of(&args[0]).expect("checked by check_recv"))
}

fn recv_tuple(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<TupleObj>> {
    check_recv(vm, "tuple", name, args, |v| matches!(v, Value::Tuple(_)))?;
    match args[0] {
        Value::Tuple(t) => Ok(t),
        _ => unreachable!("checked by check_recv"),
    }
}

fn item_at(l: Gc<ListObj>, i: usize) -> Option<Value> {
    l.items.borrow().get(i).copied()
}

/// `x is y or x == y`, CPython's PyObject_RichCompareBool(.., Py_EQ).
fn same(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    Ok(a.is(&b) || vm.eq(a, b)?)
}

// ------------------------------------------------------------ mutation

/// `list.append` (compiled code does it at the call site for an exact list
/// with room: `jit/gen_list_methods.rs`).
pub(crate) fn append(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "append")?;
    let x = one_arg(vm, &"list.append", args, kw)?;
    l.items.borrow_mut().push(x);
    vm.heap.add_debt(16);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "extend")?;
    let it = one_arg(vm, &"list.extend", args, kw)?;
    // collect_iterable copies a list first, so `a.extend(a)` doubles `a` once.
    let items = vm.collect_iterable(it)?;
    vm.heap.add_debt(items.len() * 16);
    l.items.borrow_mut().extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "insert")?;
    positional(vm, "insert", &"list.insert", args, kw, 2, 2)?;
    let i = ssize_arg(vm, args[1])?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, args[2]);
    drop(items);
    vm.heap.add_debt(16);
    Ok(Value::None)
}

/// `list.pop` (compiled code does `l.pop()` at the call site for an exact
/// non-empty list: `jit/gen_list_methods.rs`).
pub(crate) fn pop(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "pop")?;
    positional(vm, "pop", &"list.pop", args, kw, 0, 1)?;
    let i = match args.get(1) {
        Some(v) => ssize_arg(vm, *v)?,
        None => -1,
    };
    let n = l.items.borrow().len() as i64;
    if n == 0 {
        return Err(vm.new_exception_msg("IndexError", "pop from empty list"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_exception_msg("IndexError", "pop index out of range"));
    }
    let x = l.items.borrow_mut().remove(j as usize);
    Ok(x)
}

fn remove(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "remove")?;
    let x = one_arg(vm, &"list.remove", args, kw)?;
    let mut i = 0;
    while let Some(y) = item_at(l, i) {
        if same(vm, y, x)? {
            // The comparison may have mutated the list; CPython deletes
            // whatever is at index i now, if anything.
            let mut items = l.items.borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn reverse(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "reverse")?;
    noargs(vm, &"list.reverse", args, kw)?;
    l.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "copy")?;
    noargs(vm, &"list.copy", args, kw)?;
    let items = l.items.borrow().clone();
    Ok(vm.new_list(items))
}

fn clear(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "clear")?;
    noargs(vm, &"list.clear", args, kw)?;
    let old = std::mem::take(&mut *l.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

// ------------------------------------------------------------ searching

/// start/stop of list.index and tuple.index, normalised against `len` as
/// CPython does (negative counts from the end, then clamps at 0).
fn index_bounds(vm: &mut Vm, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    const MSG: &str = "slice indices must be integers or have an __index__ method";
    let mut bound = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        let i = match v {
            None => return Ok(default),
            Some(Value::Int(i)) => *i,
            Some(Value::Bool(b)) => *b as i64,
            Some(Value::BigInt(b)) => {
                if b.0.sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                }
            }
            Some(_) => return Err(vm.type_error(MSG)),
        };
        Ok(if i < 0 {
            (i.saturating_add(len as i64)).max(0)
        } else {
            i
        })
    };
    let start = bound(args.get(2), 0)?;
    let stop = bound(args.get(3), i64::MAX)?;
    Ok((start as usize, stop as usize))
}

fn list_index(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "index")?;
    positional(vm, "index", &"list.index", args, kw, 1, 3)?;
    let len = l.items.borrow().len();
    let (start, stop) = index_bounds(vm, args, len)?;
    let x = args[1];
    let mut i = start;
    while i < stop {
        let Some(y) = item_at(l, i) else { break };
        if same(vm, y, x)? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr(x)?;
    Err(vm.value_error(&format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "count")?;
    let x = one_arg(vm, &"list.count", args, kw)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(y) = item_at(l, i) {
        if same(vm, y, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let t = recv_tuple(vm, args, "index")?;
    positional(vm, "index", &"tuple.index", args, kw, 1, 3)?;
    let (start, stop) = index_bounds(vm, args, t.items.len())?;
    let x = args[1];
    for i in start..stop.min(t.items.len()) {
        if same(vm, t.items[i], x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let t = recv_tuple(vm, args, "count")?;
    let x = one_arg(vm, &"tuple.count", args, kw)?;
    let mut n = 0;
    for y in t.items.iter() {
        if same(vm, *y, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn recv_range(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<RangeObj>> {
    check_recv(vm, "range", name, args, |v| matches!(v, Value::Range(_)))?;
    match args[0] {
        Value::Range(r) => Ok(r),
        _ => unreachable!("checked by check_recv"),
    }
}

/// _PySequence_IterSearch for a non-int `x`: the first position of an element
/// equal to `x` or, with `count`, how many there are. Elements may leave i64,
/// so this walks an iterator rather than computing them.
fn range_search(vm: &mut Vm, r: Value, x: Value, count: bool) -> PyResult<Option<i64>> {
    let it = vm.get_iter(r)?;
    vm.temp_roots.push(it);
    let res = (|| {
        let (mut pos, mut n) = (0i64, 0i64);
        while let Some(v) = vm.iter_next(it)? {
            if vm.eq(v, x)? {
                if !count {
                    return Ok(Some(pos));
                }
                n += 1;
            }
            pos += 1;
        }
        Ok(count.then_some(n))
    })();
    vm.temp_roots.pop();
    res
}

fn range_index(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let r = recv_range(vm, args, "index")?;
    let x = one_arg(vm, &"range.index", args, kw)?;
    match r.int_position(x) {
        Some(Some(p)) => Ok(vm.int_from_big(p)),
        Some(None) => {
            let s = vm.repr(x)?;
            Err(vm.value_error(&format!("{s} is not in range")))
        }
        None => match range_search(vm, args[0], x, false)? {
            Some(p) => Ok(Value::Int(p)),
            None => Err(vm.value_error("sequence.index(x): x not in sequence")),
        },
    }
}

fn range_count(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let r = recv_range(vm, args, "count")?;
    let x = one_arg(vm, &"range.count", args, kw)?;
    match r.int_position(x) {
        Some(p) => Ok(Value::Int(p.is_some() as i64)),
        None => Ok(Value::Int(range_search(vm, args[0], x, true)?.unwrap_or(0))),
    }
}

// ------------------------------------------------------------ sort

/// `list.sort(*, key=None, reverse=False)`, following listobject.c's
/// list_sort_impl around the shared CPython-faithful sort in
/// `functions_sort` (which computes keys first, so a failing key function
/// leaves the order as it was, and reverses before and after sorting). While
/// sorting, the list is empty; if Python code (a key or a comparison)
/// modified it meanwhile, the sorted items still win and ValueError is raised.
fn sort(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let l = recv(vm, args, "sort")?;
    let [key, reverse] = bind(vm, "sort", &args[1..], kw, ["key", "reverse"], 0, 0)?;
    let key = key.filter(|k| !k.is_none());
    let reverse = match reverse {
        None => false,
        Some(v) => int_bool_arg(vm, v)?,
    };
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    // sort_values roots the items while it runs Python code.
    let r = crate::builtins::functions::functions_sort::sort_values(vm, &mut items, key, reverse);
    let modified = !std::mem::replace(&mut *l.items.borrow_mut(), items).is_empty();
    match r {
        Err(e) => Err(e),
        Ok(()) if modified => Err(vm.value_error("list modified during sort")),
        Ok(()) => Ok(Value::None),
    }
}
