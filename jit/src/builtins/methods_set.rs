//! Methods of `set` and `frozenset`.
//!
//! Element order is observable (printing a set shows its slot order), so every
//! method mirrors the setobject.c function it names, built on the
//! CPython-faithful operations of `SetTable` (`merge`, `intersection`,
//! `difference`, ...), including CPython's special cases for an operand that
//! is the receiver itself, a dict, or a plain iterable.
//!
//! The other operand is first turned into an [`Incoming`]: a snapshot of a
//! set's table, or (hash, element) pairs of a dict or iterable, hashed up
//! front so that the table operations below never need the VM except for
//! equality. Equality of two simple keys (numbers, str, bytes, None) cannot
//! run Python code; only then is a receiver's table mutated in place. Otherwise
//! the work is done on a copy that is written back, so no `RefCell` borrow is
//! held while Python code may run.
use crate::builtins::add_method;
use crate::builtins::dict_ops::{is_simple_key, simple_eq};
use crate::builtins::set_ops;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::set_table::SetTable;
use crate::runtime::value::Value;

use super::{check_recv, collect_rooted, no_kw, noargs, one_arg, with_roots};

type Eq<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

pub fn install(vm: &mut Vm) {
    let shared: &[(&'static str, NativeFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    let mutating: &[(&'static str, NativeFn)] = &[
        ("add", add),
        ("remove", remove),
        ("discard", discard),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
    ];
    let (set, frozen) = (vm.types.set, vm.types.frozenset);
    for (name, f) in shared {
        add_method(vm, set, name, *f);
        add_method(vm, frozen, name, *f);
    }
    for (name, f) in mutating {
        add_method(vm, set, name, *f);
    }
}

/// The receiver of a method shared by set and frozenset.
fn recv_any(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<SetObj>> {
    check_recv(vm, "set", name, args, |v| {
        matches!(v, Value::Set(_) | Value::FrozenSet(_))
    })?;
    set_ops::set_obj(args[0]).ok_or_else(|| vm.type_error("set expected"))
}

/// The receiver of a mutating method (set only).
fn recv_set(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<SetObj>> {
    check_recv(vm, "set", name, args, |v| matches!(v, Value::Set(_)))?;
    set_ops::set_obj(args[0]).ok_or_else(|| vm.type_error("set expected"))
}

/// A result of the receiver's type (`frozenset.union` gives a frozenset).
fn wrap(vm: &mut Vm, like: Value, t: SetTable) -> Value {
    let s = vm.new_set_obj(t);
    if matches!(like, Value::FrozenSet(_)) {
        Value::FrozenSet(s)
    } else {
        Value::Set(s)
    }
}

fn mixed_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if is_simple_key(*a) && is_simple_key(*b) {
        Ok(simple_eq(a, b))
    } else {
        vm.eq(*a, *b)
    }
}

/// Run `f` on a local table with the VM's equality.
fn on_table<R>(
    vm: &mut Vm,
    t: &mut SetTable,
    f: impl FnOnce(&mut SetTable, Eq) -> PyResult<R>,
) -> PyResult<R> {
    let mut eq = |a: &Value, b: &Value| mixed_eq(vm, a, b);
    f(t, &mut eq)
}

/// Run `f` on the receiver's own table: in place when `simple` (every
/// comparison is between simple keys), else on a copy written back after
/// (also after an error: CPython's partial updates persist).
fn mutate<R>(
    vm: &mut Vm,
    s: Gc<SetObj>,
    simple: bool,
    f: impl FnOnce(&mut SetTable, Eq) -> PyResult<R>,
) -> PyResult<R> {
    if simple {
        let mut eq = |a: &Value, b: &Value| Ok(simple_eq(a, b));
        let mut t = s.table.borrow_mut();
        return f(&mut t, &mut eq);
    }
    let mut t = s.table.borrow().clone();
    let r = on_table(vm, &mut t, f);
    *s.table.borrow_mut() = t;
    r
}

fn simple_table(t: &SetTable) -> bool {
    t.iter().all(is_simple_key)
}

/// The other operand of a set method, ready for the table operations.
enum Incoming {
    /// A set or frozenset: a snapshot of its table.
    Set(SetTable),
    /// An exact dict: its keys with their hashes, in dict order.
    Dict(Vec<(i64, Value)>),
    /// Any other iterable: its elements with their hashes, in order, up to the
    /// first unhashable one, whose error is kept so the caller can apply the
    /// prefix first as CPython (which hashes as it iterates) would.
    Items(Vec<(i64, Value)>, Option<PyExc>),
}

impl Incoming {
    fn is_simple(&self) -> bool {
        match self {
            Incoming::Set(t) => simple_table(t),
            Incoming::Dict(ks) | Incoming::Items(ks, _) => {
                ks.iter().all(|(_, k)| is_simple_key(*k))
            }
        }
    }
    fn len(&self) -> usize {
        match self {
            Incoming::Set(t) => t.len(),
            Incoming::Dict(ks) | Incoming::Items(ks, _) => ks.len(),
        }
    }
    /// The error held back by `Items`, to raise once the prefix is applied.
    fn take_error(&mut self) -> PyResult<()> {
        match self {
            Incoming::Items(_, e) => e.take().map_or(Ok(()), Err),
            _ => Ok(()),
        }
    }
}

/// Snapshot `other`. Call inside `with_roots`: the elements of an iterable are
/// rooted there.
fn incoming(vm: &mut Vm, other: Value) -> PyResult<Incoming> {
    match other {
        Value::Set(o) | Value::FrozenSet(o) => Ok(Incoming::Set(o.table.borrow().clone())),
        Value::Dict(d) => {
            let keys: Vec<Value> = d.table.borrow().keys().collect();
            let holder = vm.new_list(keys.clone());
            vm.temp_roots.push(holder);
            let mut out = Vec::with_capacity(keys.len());
            for k in keys {
                out.push((vm.hash(k)?, k));
            }
            Ok(Incoming::Dict(out))
        }
        _ => {
            let items = collect_rooted(vm, other)?;
            let mut out = Vec::with_capacity(items.len());
            for k in items {
                match vm.hash(k) {
                    Ok(h) => out.push((h, k)),
                    Err(e) => return Ok(Incoming::Items(out, Some(e))),
                }
            }
            Ok(Incoming::Items(out, None))
        }
    }
}

/// A table holding `inc`'s elements, built as CPython builds `set(other)`.
fn table_of(inc: &Incoming, eq: Eq) -> PyResult<SetTable> {
    let mut t = SetTable::new();
    update_with(&mut t, inc, eq)?;
    Ok(t)
}

/// set_update_internal: merge a set, presize for a dict, else add one by one.
fn update_with(t: &mut SetTable, inc: &Incoming, eq: Eq) -> PyResult<()> {
    match inc {
        Incoming::Set(o) => t.merge(o, &mut *eq),
        Incoming::Dict(ks) => {
            t.presize_for_dict(ks.len());
            for (h, k) in ks {
                t.insert(*h, *k, &mut *eq)?;
            }
            Ok(())
        }
        Incoming::Items(ks, _) => {
            for (h, k) in ks {
                t.insert(*h, *k, &mut *eq)?;
            }
            Ok(())
        }
    }
}

/// set_intersection(a, other) as a new table.
fn intersect(a: &SetTable, inc: &Incoming, eq: Eq) -> PyResult<SetTable> {
    match inc {
        Incoming::Set(o) => SetTable::intersection(a, o, &mut *eq),
        Incoming::Dict(ks) | Incoming::Items(ks, _) => {
            let mut r = SetTable::new();
            for (h, k) in ks {
                if a.contains(*h, k, &mut *eq)? {
                    r.insert(*h, *k, &mut *eq)?;
                    if r.len() >= a.len() {
                        break;
                    }
                }
            }
            Ok(r)
        }
    }
}

/// set_difference_update_internal for an operand other than the set itself.
fn difference_update_with(t: &mut SetTable, inc: &Incoming, eq: Eq) -> PyResult<()> {
    match inc {
        Incoming::Set(o) => t.difference_update(o, &mut *eq),
        Incoming::Dict(ks) | Incoming::Items(ks, _) => {
            for (h, k) in ks {
                t.remove(*h, k, &mut *eq)?;
            }
            t.finish_difference_update();
            Ok(())
        }
    }
}

/// set_difference(a, other) as a new table.
fn difference_of(a: &SetTable, inc: &Incoming, eq: Eq) -> PyResult<SetTable> {
    match inc {
        Incoming::Set(o) => SetTable::difference(a, o, &mut *eq),
        Incoming::Dict(ks) if (a.len() >> 2) <= ks.len() => {
            // Dict membership, with the dict's keys as a probe table.
            let mut keys = SetTable::new();
            for (h, k) in ks {
                keys.insert(*h, *k, &mut *eq)?;
            }
            let mut r = SetTable::new();
            for (h, k) in a.entries() {
                if !keys.contains(h, &k, &mut *eq)? {
                    r.insert(h, k, &mut *eq)?;
                }
            }
            Ok(r)
        }
        // set_copy_and_difference.
        _ => {
            let mut r = SetTable::copy_of(a);
            difference_update_with(&mut r, inc, eq)?;
            Ok(r)
        }
    }
}

/// set_symmetric_difference_update for an operand other than the set itself.
fn symmetric_update_with(t: &mut SetTable, inc: &Incoming, eq: Eq) -> PyResult<()> {
    match inc {
        Incoming::Set(o) => t.symmetric_difference_update(o, &mut *eq),
        Incoming::Dict(ks) => {
            for (h, k) in ks {
                if !t.remove(*h, k, &mut *eq)? {
                    t.insert(*h, *k, &mut *eq)?;
                }
            }
            Ok(())
        }
        Incoming::Items(..) => {
            let o = table_of(inc, &mut *eq)?;
            t.symmetric_difference_update(&o, &mut *eq)
        }
    }
}

// ------------------------------------------------------------ single elements

fn add(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    recv_set(vm, args, "add")?;
    let x = one_arg(vm, &"set.add", args, kw)?;
    set_ops::set_add(vm, args[0], x)?;
    Ok(Value::None)
}

/// A set argument of remove/discard is looked up as a frozenset, as CPython
/// does so that `s.remove({1})` can find `frozenset({1})`.
fn as_key(vm: &mut Vm, x: Value) -> Value {
    match x {
        Value::Set(s) => {
            let t = SetTable::copy_of(&s.table.borrow());
            Value::FrozenSet(vm.new_set_obj(t))
        }
        other => other,
    }
}

fn remove(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    recv_set(vm, args, "remove")?;
    let x = one_arg(vm, &"set.remove", args, kw)?;
    let key = as_key(vm, x);
    if set_ops::set_remove(vm, args[0], key)? {
        Ok(Value::None)
    } else {
        Err(vm.new_exception("KeyError", vec![x]))
    }
}

fn discard(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    recv_set(vm, args, "discard")?;
    let x = one_arg(vm, &"set.discard", args, kw)?;
    let key = as_key(vm, x);
    set_ops::set_remove(vm, args[0], key)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_set(vm, args, "pop")?;
    noargs(vm, &"set.pop", args, kw)?;
    let x = s.table.borrow_mut().pop();
    x.ok_or_else(|| vm.new_exception_msg("KeyError", "pop from an empty set"))
}

fn clear(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_set(vm, args, "clear")?;
    noargs(vm, &"set.clear", args, kw)?;
    s.table.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_any(vm, args, "copy")?;
    noargs(vm, &"set.copy", args, kw)?;
    if matches!(args[0], Value::FrozenSet(_)) {
        return Ok(args[0]);
    }
    let t = SetTable::copy_of(&s.table.borrow());
    Ok(Value::Set(vm.new_set_obj(t)))
}

// ------------------------------------------------------------ algebra

fn update(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_set(vm, args, "update")?;
    no_kw(vm, &"set.update", kw)?;
    with_roots(vm, |vm| {
        for other in &args[1..] {
            if other.is(&args[0]) {
                continue;
            }
            let mut inc = incoming(vm, *other)?;
            let simple = inc.is_simple();
            mutate(vm, s, simple, |t, eq| update_with(t, &inc, eq))?;
            inc.take_error()?;
        }
        Ok(Value::None)
    })
}

fn union(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_any(vm, args, "union")?;
    no_kw(vm, &"set.union", kw)?;
    let mut t = SetTable::copy_of(&s.table.borrow());
    with_roots(vm, |vm| {
        for other in &args[1..] {
            if other.is(&args[0]) {
                continue;
            }
            let mut inc = incoming(vm, *other)?;
            on_table(vm, &mut t, |t, eq| update_with(t, &inc, eq))?;
            inc.take_error()?;
        }
        Ok(())
    })?;
    Ok(wrap(vm, args[0], t))
}

/// set_intersection_multi: the receiver's elements common to all `others`.
fn intersection_multi(
    vm: &mut Vm,
    recv: Value,
    s: Gc<SetObj>,
    others: &[Value],
) -> PyResult<SetTable> {
    let mut cur = s.table.borrow().clone();
    if others.is_empty() {
        return Ok(SetTable::copy_of(&cur));
    }
    with_roots(vm, |vm| {
        for (i, other) in others.iter().enumerate() {
            if i == 0 && other.is(&recv) {
                cur = SetTable::copy_of(&cur);
                continue;
            }
            let mut inc = incoming(vm, *other)?;
            inc.take_error()?;
            let mut next = SetTable::new();
            on_table(vm, &mut next, |next, eq| {
                *next = intersect(&cur, &inc, eq)?;
                Ok(())
            })?;
            cur = next;
        }
        Ok(cur)
    })
}

fn intersection(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_any(vm, args, "intersection")?;
    no_kw(vm, &"set.intersection", kw)?;
    let t = intersection_multi(vm, args[0], s, &args[1..])?;
    Ok(wrap(vm, args[0], t))
}

fn intersection_update(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_set(vm, args, "intersection_update")?;
    no_kw(vm, &"set.intersection_update", kw)?;
    if let [_, other @ (Value::Set(_) | Value::FrozenSet(_))] = args {
        // set_intersection_update with one set: keeps the receiver's pop finger.
        if !other.is(&args[0]) {
            let o = set_ops::set_obj(*other)
                .map(|o| o.table.borrow().clone())
                .unwrap_or_default();
            mutate(vm, s, false, |t, eq| t.intersection_update(&o, eq))?;
        }
        return Ok(Value::None);
    }
    let t = intersection_multi(vm, args[0], s, &args[1..])?;
    *s.table.borrow_mut() = t;
    Ok(Value::None)
}

fn difference(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_any(vm, args, "difference")?;
    no_kw(vm, &"set.difference", kw)?;
    let a = s.table.borrow().clone();
    if args.len() == 1 {
        let t = SetTable::copy_of(&a);
        return Ok(wrap(vm, args[0], t));
    }
    let t = with_roots(vm, |vm| {
        let mut inc = incoming(vm, args[1])?;
        inc.take_error()?;
        let mut cur = SetTable::new();
        on_table(vm, &mut cur, |cur, eq| {
            *cur = difference_of(&a, &inc, eq)?;
            Ok(())
        })?;
        for other in &args[2..] {
            let mut inc = incoming(vm, *other)?;
            inc.take_error()?;
            on_table(vm, &mut cur, |cur, eq| {
                difference_update_with(cur, &inc, eq)
            })?;
        }
        Ok(cur)
    })?;
    Ok(wrap(vm, args[0], t))
}

fn difference_update(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_set(vm, args, "difference_update")?;
    no_kw(vm, &"set.difference_update", kw)?;
    with_roots(vm, |vm| {
        for other in &args[1..] {
            if other.is(&args[0]) {
                s.table.borrow_mut().clear();
                continue;
            }
            let mut inc = incoming(vm, *other)?;
            // With a much larger set operand CPython probes it with the
            // receiver's elements instead, so both sides must be simple.
            let own_len = s.table.borrow().len();
            let simple =
                inc.is_simple() && ((inc.len() >> 3) <= own_len || simple_table(&s.table.borrow()));
            let prefix_error = inc.take_error();
            if let Err(e) = prefix_error {
                // CPython discards the elements before the unhashable one.
                if let Incoming::Items(ks, _) = &inc {
                    let ks = ks.clone();
                    mutate(vm, s, simple, |t, eq| {
                        for (h, k) in &ks {
                            t.remove(*h, k, &mut *eq)?;
                        }
                        Ok(())
                    })?;
                }
                return Err(e);
            }
            mutate(vm, s, simple, |t, eq| difference_update_with(t, &inc, eq))?;
        }
        Ok(Value::None)
    })
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_any(vm, args, "symmetric_difference")?;
    let other = one_arg(vm, &"set.symmetric_difference", args, kw)?;
    let a = s.table.borrow().clone();
    let t = with_roots(vm, |vm| {
        let mut inc = incoming(vm, other)?;
        inc.take_error()?;
        let mut r = SetTable::new();
        on_table(vm, &mut r, |r, eq| {
            // CPython builds a set from `other`, then applies the receiver's
            // elements to it.
            *r = match &inc {
                Incoming::Set(o) => SetTable::symmetric_difference(&a, o, &mut *eq)?,
                _ => {
                    let mut o = table_of(&inc, &mut *eq)?;
                    o.symmetric_difference_update(&a, &mut *eq)?;
                    o
                }
            };
            Ok(())
        })?;
        Ok(r)
    })?;
    Ok(wrap(vm, args[0], t))
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_set(vm, args, "symmetric_difference_update")?;
    let other = one_arg(vm, &"set.symmetric_difference_update", args, kw)?;
    if other.is(&args[0]) {
        s.table.borrow_mut().clear();
        return Ok(Value::None);
    }
    with_roots(vm, |vm| {
        let mut inc = incoming(vm, other)?;
        inc.take_error()?;
        let simple = inc.is_simple();
        mutate(vm, s, simple, |t, eq| symmetric_update_with(t, &inc, eq))?;
        Ok(Value::None)
    })
}

// ------------------------------------------------------------ comparisons

fn issubset(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_any(vm, args, "issubset")?;
    let other = one_arg(vm, &"set.issubset", args, kw)?;
    let a = s.table.borrow().clone();
    with_roots(vm, |vm| {
        let mut inc = incoming(vm, other)?;
        inc.take_error()?;
        let mut o = SetTable::new();
        on_table(vm, &mut o, |o, eq| {
            *o = match &inc {
                Incoming::Set(t) => t.clone(),
                _ => table_of(&inc, &mut *eq)?,
            };
            if a.len() > o.len() {
                return Ok(Value::Bool(false));
            }
            for (h, k) in a.entries() {
                if !o.contains(h, &k, &mut *eq)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        })
    })
}

fn issuperset(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_any(vm, args, "issuperset")?;
    let other = one_arg(vm, &"set.issuperset", args, kw)?;
    let mut a = s.table.borrow().clone();
    with_roots(vm, |vm| {
        let mut inc = incoming(vm, other)?;
        let r = on_table(vm, &mut a, |a, eq| {
            let items: Vec<(i64, Value)> = match &inc {
                Incoming::Set(o) => {
                    if o.len() > a.len() {
                        return Ok(false);
                    }
                    o.entries().collect()
                }
                Incoming::Dict(ks) | Incoming::Items(ks, _) => ks.clone(),
            };
            for (h, k) in items {
                if !a.contains(h, &k, &mut *eq)? {
                    return Ok(false);
                }
            }
            Ok(true)
        })?;
        if r {
            inc.take_error()?;
        }
        Ok(Value::Bool(r))
    })
}

fn isdisjoint(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let s = recv_any(vm, args, "isdisjoint")?;
    let other = one_arg(vm, &"set.isdisjoint", args, kw)?;
    let mut a = s.table.borrow().clone();
    if other.is(&args[0]) {
        return Ok(Value::Bool(a.is_empty()));
    }
    with_roots(vm, |vm| {
        let mut inc = incoming(vm, other)?;
        let r = on_table(vm, &mut a, |a, eq| {
            let (probe, items): (&SetTable, Vec<(i64, Value)>) = match &inc {
                // Iterate the smaller set, probe the larger.
                Incoming::Set(o) if o.len() > a.len() => (o, a.entries().collect()),
                Incoming::Set(o) => (&*a, o.entries().collect()),
                Incoming::Dict(ks) | Incoming::Items(ks, _) => (&*a, ks.clone()),
            };
            for (h, k) in items {
                if probe.contains(h, &k, &mut *eq)? {
                    return Ok(false);
                }
            }
            Ok(true)
        })?;
        if r {
            inc.take_error()?;
        }
        Ok(Value::Bool(r))
    })
}
