//! The `collections` module: `deque` (a class implemented in Rust whose
//! instances carry a [`DequeData`]), `defaultdict`, `Counter` and
//! `OrderedDict` (subclasses of dict whose instances carry a dict payload),
//! and `namedtuple` (a factory making tuple subclasses with a property per
//! field).
//!
//! Rules kept throughout: no `RefCell` borrow is held across a call that can
//! run Python code, and a value held only in a Rust local across such a call
//! is pushed on `vm.temp_roots`.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use crate::builtins::dict_ops::{dict_get, dict_remove, dict_set};
use crate::builtins::functions::index_int;
use crate::interp::ops::{BinOp, CmpOp};
use crate::interp::protocol::str_hash;
use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("collections", "");
    let modname = vm.intern_static("collections");
    let object = vm.types.object;
    let dict = vm.types.dict;

    // deque
    let deque = new_type(vm, "deque", None, modname);
    let deque_methods: &[(&'static str, NativeFn)] = &[
        ("__new__", deque_new),
        ("__init__", deque_init),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("rotate", deque_rotate),
        ("clear", deque_clear),
        ("count", deque_count),
        ("index", deque_index),
        ("remove", deque_remove),
        ("insert", deque_insert),
        ("reverse", deque_reverse),
        ("copy", deque_copy),
        ("__copy__", deque_copy),
        ("__len__", deque_len),
        ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem),
        ("__delitem__", deque_delitem),
        ("__iter__", deque_iter),
        ("__reversed__", deque_reversed),
        ("__contains__", deque_contains),
        ("__eq__", deque_eq),
        ("__ne__", deque_ne),
        ("__lt__", deque_lt),
        ("__le__", deque_le),
        ("__gt__", deque_gt),
        ("__ge__", deque_ge),
        ("__repr__", deque_repr),
        ("__add__", deque_add),
        ("__iadd__", deque_iadd),
        ("__mul__", deque_mul),
        ("__rmul__", deque_mul),
        ("__imul__", deque_imul),
    ];
    for (n, f) in deque_methods {
        super::add_method(vm, deque, n, *f);
    }
    super::add_method(vm, deque, "__hash__", deque_hash);
    let getter = super::native(vm, "maxlen", deque_maxlen, None);
    let prop = make_property(vm, getter);
    super::set_type_attr(vm, deque, "maxlen", prop);
    let _ = object;

    // defaultdict
    let dd = new_type(vm, "defaultdict", Some(dict), modname);
    let dd_methods: &[(&'static str, NativeFn)] = &[
        ("__new__", dictlike_new),
        ("__init__", dd_init),
        ("__missing__", dd_missing),
        ("__repr__", dd_repr),
        ("copy", dd_copy),
        ("__copy__", dd_copy),
        ("__reversed__", dict_reversed),
        ("__or__", dictlike_or),
        ("__ror__", dictlike_ror),
        ("__ior__", dictlike_ior),
    ];
    for (n, f) in dd_methods {
        super::add_method(vm, dd, n, *f);
    }

    // Counter
    let counter = new_type(vm, "Counter", Some(dict), modname);
    let c_methods: &[(&'static str, NativeFn)] = &[
        ("__new__", dictlike_new),
        ("__init__", counter_init),
        ("__missing__", counter_missing),
        ("__repr__", counter_repr),
        ("__delitem__", counter_delitem),
        ("most_common", counter_most_common),
        ("elements", counter_elements),
        ("update", counter_update),
        ("subtract", counter_subtract),
        ("total", counter_total),
        ("copy", counter_copy),
        ("__copy__", counter_copy),
        ("__reversed__", dict_reversed),
        ("__add__", counter_add),
        ("__sub__", counter_sub),
        ("__or__", counter_or),
        ("__and__", counter_and),
        ("__pos__", counter_pos),
        ("__neg__", counter_neg),
        ("__eq__", counter_eq),
        ("__ne__", counter_ne),
        ("__le__", counter_le),
        ("__lt__", counter_lt),
        ("__ge__", counter_ge),
        ("__gt__", counter_gt),
    ];
    for (n, f) in c_methods {
        super::add_method(vm, counter, n, *f);
    }

    // OrderedDict
    let od = new_type(vm, "OrderedDict", Some(dict), modname);
    let od_methods: &[(&'static str, NativeFn)] = &[
        ("__new__", dictlike_new),
        ("__init__", od_init),
        ("__repr__", od_repr),
        ("__eq__", od_eq),
        ("__ne__", od_ne),
        ("move_to_end", od_move_to_end),
        ("popitem", od_popitem),
        ("copy", od_copy),
        ("__copy__", od_copy),
        ("__reversed__", dict_reversed),
        ("__or__", dictlike_or),
        ("__ror__", dictlike_ror),
        ("__ior__", dictlike_ior),
    ];
    for (n, f) in od_methods {
        super::add_method(vm, od, n, *f);
    }

    for t in [deque, dd, counter, od] {
        m.set(t.name.as_str(), Value::Type(t));
    }
    let nt = super::native(vm, "namedtuple", namedtuple, None);
    m.set("namedtuple", nt);
    // Written in Python (`pysrc/_pyextras.py`).
    if let Ok(c) = vm.embedded_attr("_pyextras", "ChainMap") {
        m.set("ChainMap", c);
    }
    m
}

// ---------------------------------------------------------------- helpers

/// A class of this module: `<class 'collections.NAME'>`.
fn new_type(vm: &mut Vm, name: &str, base: Option<Gc<TypeObj>>, module: Gc<StrObj>) -> Gc<TypeObj> {
    let n = vm.intern(name);
    let object = vm.types.object;
    let bases = vec![base.unwrap_or(object)];
    let t = vm
        .heap
        .alloc_pinned(TypeObj::new(n, TypeKind::User, bases.clone(), Some(module)));
    let mut mro = vec![t];
    mro.extend(bases[0].mro.borrow().iter().copied());
    *t.mro.borrow_mut() = mro;
    if let Some(b) = base {
        t.builtin_base.set(Some(b));
    }
    let mv = Value::Str(module);
    super::set_type_attr(vm, t, "__module__", mv);
    t
}

fn make_property(vm: &mut Vm, fget: Value) -> Value {
    let pt = match vm.builtins.get("property") {
        Some(Value::Type(t)) => *t,
        _ => vm.types.object,
    };
    let ext = InstExt::Property(Box::new(PropertyData {
        fget,
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    }));
    Value::Instance(vm.heap.alloc(InstanceObj::with_ext(pt, ext)))
}

fn is_coll_type(t: Gc<TypeObj>, name: &str) -> bool {
    t.name.as_str() == name && t.module.is_some_and(|m| m.as_str() == "collections")
}

/// The class `name` of this module in `t`'s MRO.
fn find_base(t: Gc<TypeObj>, name: &str) -> Option<Gc<TypeObj>> {
    t.mro
        .borrow()
        .iter()
        .copied()
        .find(|c| is_coll_type(*c, name))
}

fn is_instance_of(v: Value, name: &str) -> bool {
    match v {
        Value::Instance(i) => find_base(i.class, name).is_some(),
        _ => false,
    }
}

/// Run `f` with `vals` rooted.
fn rooted<T>(vm: &mut Vm, vals: &[Value], f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(vals);
    let r = f(vm);
    vm.temp_roots.truncate(base);
    r
}

fn rich_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a.is(&b) {
        return Ok(true);
    }
    rooted(vm, &[a, b], |vm| vm.eq(a, b))
}

fn descr_error(vm: &mut Vm, meth: &str, tname: &str, v: Option<Value>) -> PyExc {
    let tn = match v {
        Some(v) => vm.type_name(v),
        None => "NoneType".into(),
    };
    vm.type_error(&format!(
        "descriptor '{meth}' for '{tname}' objects doesn't apply to a '{tn}' object"
    ))
}

fn arity(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    // args[0] is self.
    let n = args.len().saturating_sub(1);
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(vm.type_error(&msg))
}

fn ssize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match index_int(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(vm.new_exception_msg(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
    }
}

// ---------------------------------------------------------------- deque

pub struct DequeData {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every structural change (iterators check it).
    state: Cell<u64>,
}

impl NativeData for DequeData {
    fn trace(&self, t: &mut Tracer) {
        for v in self.items.borrow().iter() {
            t.mark_value(v);
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn extra_bytes(&self) -> usize {
        self.items.borrow().capacity() * 16
    }
}

impl DequeData {
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn push_back(&self, v: Value) {
        let mut it = self.items.borrow_mut();
        it.push_back(v);
        if let Some(m) = self.maxlen.get() {
            while it.len() > m {
                it.pop_front();
            }
        }
        drop(it);
        self.bump();
    }
    fn push_front(&self, v: Value) {
        let mut it = self.items.borrow_mut();
        it.push_front(v);
        if let Some(m) = self.maxlen.get() {
            while it.len() > m {
                it.pop_back();
            }
        }
        drop(it);
        self.bump();
    }
    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().copied().collect()
    }
    fn len(&self) -> usize {
        self.items.borrow().len()
    }
}

fn deque_data<'a>(vm: &mut Vm, i: &'a Gc<InstanceObj>, meth: &str) -> PyResult<&'a DequeData> {
    match i.native::<DequeData>() {
        Some(d) => Ok(d),
        None => Err(descr_error(
            vm,
            meth,
            "collections.deque",
            Some(Value::Instance(*i)),
        )),
    }
}

/// The receiver of a deque method.
fn dq_self(vm: &mut Vm, args: &[Value], meth: &str) -> PyResult<(Value, Gc<InstanceObj>)> {
    match args.first() {
        Some(v @ Value::Instance(i)) if i.native::<DequeData>().is_some() => Ok((*v, *i)),
        other => Err(descr_error(vm, meth, "collections.deque", other.copied())),
    }
}

fn as_deque(v: Value) -> Option<Gc<InstanceObj>> {
    match v {
        Value::Instance(i) if i.native::<DequeData>().is_some() => Some(i),
        _ => None,
    }
}

fn new_deque_of(vm: &mut Vm, cls: Gc<TypeObj>, items: Vec<Value>, maxlen: Option<usize>) -> Value {
    let data = DequeData {
        items: RefCell::new(items.into()),
        maxlen: Cell::new(maxlen),
        state: Cell::new(0),
    };
    Value::Instance(
        vm.heap
            .alloc(InstanceObj::with_ext(cls, InstExt::Native(Box::new(data)))),
    )
}

fn deque_new(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Type(t)) => Ok(new_deque_of(vm, *t, Vec::new(), None)),
        _ => Err(vm.type_error("deque.__new__(X): X is not a type object")),
    }
}

fn deque_init(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "__init__")?;
    let d = deque_data(vm, &i, "__init__")?;
    let mut iterable = args.get(1).copied();
    let mut maxlen = args.get(2).copied();
    if args.len() > 3 {
        return Err(vm.type_error(&format!(
            "deque() takes at most 2 arguments ({} given)",
            args.len() - 1 + kw.len()
        )));
    }
    for (k, v) in kw {
        match k.as_str() {
            "iterable" if iterable.is_none() => iterable = Some(*v),
            "maxlen" if maxlen.is_none() => maxlen = Some(*v),
            "iterable" | "maxlen" => {
                return Err(vm.type_error(&format!(
                    "argument for deque() given by name ('{}') and position ({})",
                    k.as_str(),
                    if k.as_str() == "iterable" { 1 } else { 2 }
                )))
            }
            other => {
                return Err(vm.type_error(&format!(
                    "deque() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let ml = match maxlen {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = ssize(vm, v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    d.maxlen.set(ml);
    if d.len() > 0 {
        d.items.borrow_mut().clear();
        d.bump();
    }
    if let Some(it) = iterable {
        let items = rooted(vm, &[obj, it], |vm| vm.collect_iterable(it))?;
        for v in items {
            d.push_back(v);
        }
    }
    Ok(Value::None)
}

fn deque_maxlen(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "maxlen")?;
    let d = deque_data(vm, &i, "maxlen")?;
    Ok(match d.maxlen.get() {
        Some(n) => Value::Int(n as i64),
        None => Value::None,
    })
}

fn deque_append(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "append")?;
    arity(vm, "deque.append", args, 1, 1)?;
    deque_data(vm, &i, "append")?.push_back(args[1]);
    Ok(Value::None)
}

fn deque_appendleft(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "appendleft")?;
    arity(vm, "deque.appendleft", args, 1, 1)?;
    deque_data(vm, &i, "appendleft")?.push_front(args[1]);
    Ok(Value::None)
}

fn deque_pop(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "pop")?;
    arity(vm, "deque.pop", args, 0, 0)?;
    let d = deque_data(vm, &i, "pop")?;
    let r = d.items.borrow_mut().pop_back();
    match r {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.new_exception_msg("IndexError", "pop from an empty deque")),
    }
}

fn deque_popleft(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "popleft")?;
    arity(vm, "deque.popleft", args, 0, 0)?;
    let d = deque_data(vm, &i, "popleft")?;
    let r = d.items.borrow_mut().pop_front();
    match r {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.new_exception_msg("IndexError", "pop from an empty deque")),
    }
}

fn deque_extend(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "extend")?;
    arity(vm, "deque.extend", args, 1, 1)?;
    let it = args[1];
    let items = rooted(vm, &[obj, it], |vm| vm.collect_iterable(it))?;
    let d = deque_data(vm, &i, "extend")?;
    for v in items {
        d.push_back(v);
    }
    Ok(Value::None)
}

fn deque_extendleft(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "extendleft")?;
    arity(vm, "deque.extendleft", args, 1, 1)?;
    let it = args[1];
    let items = rooted(vm, &[obj, it], |vm| vm.collect_iterable(it))?;
    let d = deque_data(vm, &i, "extendleft")?;
    for v in items {
        d.push_front(v);
    }
    Ok(Value::None)
}

fn deque_rotate(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "rotate")?;
    arity(vm, "deque.rotate", args, 0, 1)?;
    let n = match args.get(1) {
        Some(v) => ssize(vm, *v)?,
        None => 1,
    };
    let d = deque_data(vm, &i, "rotate")?;
    let len = d.len() as i64;
    if len <= 1 {
        return Ok(Value::None);
    }
    let k = n.rem_euclid(len) as usize;
    d.items.borrow_mut().rotate_right(k);
    d.bump();
    Ok(Value::None)
}

fn deque_clear(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "clear")?;
    arity(vm, "deque.clear", args, 0, 0)?;
    let d = deque_data(vm, &i, "clear")?;
    d.items.borrow_mut().clear();
    d.bump();
    Ok(Value::None)
}

fn mutated(vm: &mut Vm) -> PyExc {
    vm.new_exception_msg("RuntimeError", "deque mutated during iteration")
}

fn deque_count(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "count")?;
    arity(vm, "deque.count", args, 1, 1)?;
    let x = args[1];
    let d = deque_data(vm, &i, "count")?;
    let state = d.state.get();
    let items = d.snapshot();
    let mut n = 0;
    let mut roots = items.clone();
    roots.push(obj);
    roots.push(x);
    rooted(vm, &roots, |vm| {
        for v in items {
            if rich_eq(vm, v, x)? {
                n += 1;
            }
            if d.state.get() != state {
                return Err(mutated(vm));
            }
        }
        Ok(())
    })?;
    Ok(Value::Int(n))
}

fn deque_index(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "index")?;
    arity(vm, "index", args, 1, 3)?;
    let x = args[1];
    let d = deque_data(vm, &i, "index")?;
    let n = d.len() as i64;
    let mut start = match args.get(2) {
        Some(v) => ssize(vm, *v)?,
        None => 0,
    };
    let mut stop = match args.get(3) {
        Some(v) => ssize(vm, *v)?,
        None => n,
    };
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    stop = stop.min(n);
    start = start.min(stop);
    let state = d.state.get();
    let items = d.snapshot();
    let mut roots = items.clone();
    roots.push(obj);
    roots.push(x);
    let found = rooted(vm, &roots, |vm| {
        for k in start..stop {
            let v = items[k as usize];
            let eq = rich_eq(vm, v, x)?;
            if d.state.get() != state {
                return Err(mutated(vm));
            }
            if eq {
                return Ok(Some(k));
            }
        }
        Ok(None)
    })?;
    match found {
        Some(k) => Ok(Value::Int(k)),
        None => {
            let r = rooted(vm, &[x], |vm| vm.repr(x))?;
            Err(vm.value_error(&format!("{r} is not in deque")))
        }
    }
}

fn deque_remove(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "remove")?;
    arity(vm, "deque.remove", args, 1, 1)?;
    let x = args[1];
    let d = deque_data(vm, &i, "remove")?;
    let state = d.state.get();
    let items = d.snapshot();
    let mut roots = items.clone();
    roots.push(obj);
    roots.push(x);
    let found = rooted(vm, &roots, |vm| {
        for (k, v) in items.iter().enumerate() {
            let eq = rich_eq(vm, *v, x)?;
            if d.state.get() != state {
                return Err(vm.new_exception_msg("IndexError", "deque mutated during remove()."));
            }
            if eq {
                return Ok(Some(k));
            }
        }
        Ok(None)
    })?;
    match found {
        Some(k) => {
            d.items.borrow_mut().remove(k);
            d.bump();
            Ok(Value::None)
        }
        None => {
            let r = rooted(vm, &[x], |vm| vm.repr(x))?;
            Err(vm.value_error(&format!("{r} is not in deque")))
        }
    }
}

fn deque_insert(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "insert")?;
    arity(vm, "insert", args, 2, 2)?;
    let idx = ssize(vm, args[1])?;
    let d = deque_data(vm, &i, "insert")?;
    let n = d.len() as i64;
    if d.maxlen.get() == Some(n as usize) {
        return Err(vm.new_exception_msg("IndexError", "deque already at its maximum size"));
    }
    let pos = if idx < 0 {
        (idx + n).max(0)
    } else {
        idx.min(n)
    };
    d.items.borrow_mut().insert(pos as usize, args[2]);
    d.bump();
    Ok(Value::None)
}

fn deque_reverse(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "reverse")?;
    arity(vm, "deque.reverse", args, 0, 0)?;
    let d = deque_data(vm, &i, "reverse")?;
    let mut it = d.items.borrow_mut();
    let v: VecDeque<Value> = it.iter().rev().copied().collect();
    *it = v;
    Ok(Value::None)
}

/// A copy of the deque with the same class and maxlen.
fn copy_deque(vm: &mut Vm, obj: Value, i: Gc<InstanceObj>) -> PyResult<Value> {
    let d = deque_data(vm, &i, "copy")?;
    let items = d.snapshot();
    let ml = d.maxlen.get();
    if is_coll_type(i.class, "deque") {
        return Ok(new_deque_of(vm, i.class, items, ml));
    }
    let cls = Value::Type(i.class);
    rooted(vm, &[obj], |vm| match ml {
        None => vm.call_value(cls, &[obj], &[]),
        Some(m) => {
            let k = vm.intern_static("maxlen");
            vm.call_value(cls, &[obj], &[(k, Value::Int(m as i64))])
        }
    })
}

fn deque_copy(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "copy")?;
    arity(vm, "deque.copy", args, 0, 0)?;
    copy_deque(vm, obj, i)
}

fn deque_hash(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__hash__")?;
    let name = if is_coll_type(i.class, "deque") {
        "collections.deque".to_string()
    } else {
        i.class.name.as_str().to_string()
    };
    Err(vm.type_error(&format!("unhashable type: '{name}'")))
}

fn deque_len(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__len__")?;
    Ok(Value::Int(deque_data(vm, &i, "__len__")?.len() as i64))
}

/// A normalized index into the deque, or IndexError.
fn deque_pos(vm: &mut Vm, d: &DequeData, key: Value) -> PyResult<usize> {
    let k = match key {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => {
            match index_int(vm, key) {
                Ok(Value::Int(k)) => k,
                Ok(_) => {
                    return Err(vm.new_exception_msg(
                        "IndexError",
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
                Err(e) => return Err(e),
            }
        }
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("sequence index must be integer, not '{tn}'")));
        }
    };
    let n = d.len() as i64;
    let k = if k < 0 { k + n } else { k };
    if k < 0 || k >= n {
        return Err(vm.new_exception_msg("IndexError", "deque index out of range"));
    }
    Ok(k as usize)
}

fn deque_getitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__getitem__")?;
    arity(vm, "__getitem__", args, 1, 1)?;
    let d = deque_data(vm, &i, "__getitem__")?;
    let k = deque_pos(vm, d, args[1])?;
    let v = d.items.borrow()[k];
    Ok(v)
}

fn deque_setitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__setitem__")?;
    arity(vm, "__setitem__", args, 2, 2)?;
    let d = deque_data(vm, &i, "__setitem__")?;
    let k = deque_pos(vm, d, args[1])?;
    d.items.borrow_mut()[k] = args[2];
    Ok(Value::None)
}

fn deque_delitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__delitem__")?;
    arity(vm, "__delitem__", args, 1, 1)?;
    let d = deque_data(vm, &i, "__delitem__")?;
    let k = deque_pos(vm, d, args[1])?;
    d.items.borrow_mut().remove(k);
    d.bump();
    Ok(Value::None)
}

struct DequeIter {
    deque: Gc<InstanceObj>,
    index: Cell<usize>,
    counter: Cell<usize>,
    state: u64,
    rev: bool,
}

impl NativeIter for DequeIter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(d) = self.deque.native::<DequeData>() else {
            return Ok(None);
        };
        if d.state.get() != self.state {
            self.counter.set(0);
            return Err(mutated(vm));
        }
        if self.counter.get() == 0 {
            return Ok(None);
        }
        let items = d.items.borrow();
        let k = self.index.get();
        let pos = if self.rev {
            items.len().checked_sub(k + 1)
        } else {
            Some(k)
        };
        let v = pos.and_then(|p| items.get(p).copied());
        self.index.set(k + 1);
        self.counter.set(self.counter.get() - 1);
        Ok(v)
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.deque);
    }
    fn type_name(&self) -> &'static str {
        if self.rev {
            "_deque_reverse_iterator"
        } else {
            "_deque_iterator"
        }
    }
}

fn make_deque_iter(vm: &mut Vm, args: &[Value], rev: bool) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__iter__")?;
    let d = deque_data(vm, &i, "__iter__")?;
    let it = DequeIter {
        deque: i,
        index: Cell::new(0),
        counter: Cell::new(d.len()),
        state: d.state.get(),
        rev,
    };
    Ok(vm.new_iter(IterState::Native(Rc::new(it))))
}

fn deque_iter(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    make_deque_iter(vm, args, false)
}

fn deque_reversed(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    make_deque_iter(vm, args, true)
}

fn deque_contains(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "__contains__")?;
    arity(vm, "__contains__", args, 1, 1)?;
    let x = args[1];
    let d = deque_data(vm, &i, "__contains__")?;
    let state = d.state.get();
    let items = d.snapshot();
    let mut roots = items.clone();
    roots.push(obj);
    roots.push(x);
    let r = rooted(vm, &roots, |vm| {
        for v in items {
            let eq = rich_eq(vm, v, x)?;
            if d.state.get() != state {
                return Err(mutated(vm));
            }
            if eq {
                return Ok(true);
            }
        }
        Ok(false)
    })?;
    Ok(Value::Bool(r))
}

fn deque_compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (obj, _) = dq_self(vm, args, "__eq__")?;
    let Some(other) = args.get(1).copied() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let (Some(a), Some(b)) = (as_deque(obj), as_deque(other)) else {
        return Ok(Value::NotImplemented);
    };
    let xs = a
        .native::<DequeData>()
        .map(|d| d.snapshot())
        .unwrap_or_default();
    let ys = b
        .native::<DequeData>()
        .map(|d| d.snapshot())
        .unwrap_or_default();
    if xs.len() != ys.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    let mut roots = xs.clone();
    roots.extend_from_slice(&ys);
    rooted(vm, &roots, |vm| {
        let n = xs.len().min(ys.len());
        for k in 0..n {
            if !rich_eq(vm, xs[k], ys[k])? {
                return match op {
                    CmpOp::Eq => Ok(Value::Bool(false)),
                    CmpOp::Ne => Ok(Value::Bool(true)),
                    _ => vm.compare_op(op, xs[k], ys[k]),
                };
            }
        }
        let (x, y) = (xs.len(), ys.len());
        Ok(Value::Bool(match op {
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        }))
    })
}

fn deque_eq(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Eq)
}
fn deque_ne(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Ne)
}
fn deque_lt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Lt)
}
fn deque_le(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Le)
}
fn deque_gt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Gt)
}
fn deque_ge(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Ge)
}

fn deque_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "__repr__")?;
    let d = deque_data(vm, &i, "__repr__")?;
    let items = d.snapshot();
    let ml = d.maxlen.get();
    let mut roots = items.clone();
    roots.push(obj);
    let mut s = String::new();
    s.push_str(i.class.name.as_str());
    s.push_str("([");
    rooted(vm, &roots, |vm| {
        for (k, v) in items.iter().enumerate() {
            if k > 0 {
                s.push_str(", ");
            }
            if v.is(&obj) {
                s.push_str("[...]");
            } else {
                s.push_str(&vm.repr(*v)?);
            }
        }
        Ok(())
    })?;
    s.push(']');
    if let Some(m) = ml {
        s.push_str(&format!(", maxlen={m}"));
    }
    s.push(')');
    Ok(vm.new_str(s))
}

fn deque_add(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "__add__")?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    let Some(o) = as_deque(other) else {
        let tn = vm.type_name(other);
        return Err(vm.type_error(&format!(
            "can only concatenate deque (not \"{tn}\") to deque"
        )));
    };
    let new = copy_deque(vm, obj, i)?;
    let extra = o
        .native::<DequeData>()
        .map(|d| d.snapshot())
        .unwrap_or_default();
    if let Some(nd) = as_deque(new) {
        let d = nd.native::<DequeData>().expect("deque");
        for v in extra {
            d.push_back(v);
        }
    }
    Ok(new)
}

fn deque_iadd(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    deque_extend(vm, args, kw)?;
    Ok(args[0])
}

fn repeat_count(vm: &mut Vm, args: &[Value]) -> PyResult<Option<i64>> {
    match args.get(1) {
        Some(v @ (Value::Int(_) | Value::Bool(_))) => Ok(Some(ssize(vm, *v)?)),
        _ => Ok(None),
    }
}

fn deque_mul(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "__mul__")?;
    let Some(n) = repeat_count(vm, args)? else {
        return Ok(Value::NotImplemented);
    };
    let new = copy_deque(vm, obj, i)?;
    repeat_in_place(vm, new, n)?;
    Ok(new)
}

fn deque_imul(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, _) = dq_self(vm, args, "__imul__")?;
    let Some(n) = repeat_count(vm, args)? else {
        return Ok(Value::NotImplemented);
    };
    repeat_in_place(vm, obj, n)?;
    Ok(obj)
}

fn repeat_in_place(_vm: &mut Vm, dv: Value, n: i64) -> PyResult<()> {
    let Some(di) = as_deque(dv) else {
        return Ok(());
    };
    let d = di.native::<DequeData>().expect("deque");
    let items = d.snapshot();
    if n <= 0 {
        d.items.borrow_mut().clear();
        d.bump();
        return Ok(());
    }
    for _ in 1..n {
        for v in &items {
            d.push_back(*v);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- dict subclasses

/// The dict a defaultdict / Counter / OrderedDict instance extends.
fn dict_of(vm: &mut Vm, v: Value, meth: &str, tname: &str) -> PyResult<Gc<DictObj>> {
    match v {
        Value::Instance(i) => {
            if let Some(Value::Dict(d)) = i.payload() {
                return Ok(d);
            }
        }
        Value::Dict(d) => return Ok(d),
        _ => {}
    }
    Err(descr_error(vm, meth, tname, Some(v)))
}

fn self_dict(
    vm: &mut Vm,
    args: &[Value],
    meth: &str,
    tname: &str,
) -> PyResult<(Value, Gc<DictObj>)> {
    let v = args.first().copied().unwrap_or(Value::None);
    let d = dict_of(vm, v, meth, tname)?;
    Ok((v, d))
}

fn dict_items(d: Gc<DictObj>) -> Vec<(Value, Value)> {
    d.table.borrow().iter().collect()
}

/// `dict.update(d, *args, **kw)`.
fn dict_update(vm: &mut Vm, d: Gc<DictObj>, args: &[Value], kw: Kwargs) -> PyResult<()> {
    let key = vm.intern_static("update");
    let f = vm.types.dict.dict.borrow().get_str(str_hash(key), "update");
    let Some(f) = f else {
        return Err(vm.type_error("dict.update missing"));
    };
    let mut all = vec![Value::Dict(d)];
    all.extend_from_slice(args);
    rooted(vm, &all.clone(), |vm| vm.call_value(f, &all, kw))?;
    Ok(())
}

/// `__new__` of the dict subclasses: an instance with an empty dict; when the
/// class's `__init__` is this module's, it runs here (the interpreter does not
/// call a native `__init__` of a dict subclass).
fn dictlike_new(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first().copied() else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    let d = vm.new_dict();
    let inst = Value::Instance(
        vm.heap
            .alloc(InstanceObj::with_ext(cls, InstExt::Payload(d))),
    );
    let init_name = vm.intern_static("__init__");
    let init = vm.lookup_special(cls, init_name);
    if let Some(Value::Builtin(b)) = init {
        if b.bound_self.is_none()
            && b.owner
                .is_some_and(|o| o.module.is_some_and(|m| m.as_str() == "collections"))
        {
            let mut all = vec![inst];
            all.extend_from_slice(&args[1..]);
            rooted(vm, &[inst], |vm| (b.func)(vm, &all, kw))?;
        }
    }
    Ok(inst)
}

// ---- defaultdict

fn callable(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Type(_) => true,
        Value::Instance(i) => {
            let n = vm.intern_static("__call__");
            vm.lookup_type_attr(i.class, n).is_some()
        }
        _ => false,
    }
}

fn dd_init(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__init__", "collections.defaultdict")?;
    let factory = args.get(1).copied().unwrap_or(Value::None);
    if !factory.is_none() && !callable(vm, factory) {
        return Err(vm.type_error("first argument must be callable or None"));
    }
    if let Value::Instance(i) = obj {
        let n = vm.intern_static("default_factory");
        vm.generic_setattr(obj, i, n, factory)?;
    }
    let rest = if args.len() > 2 { &args[2..] } else { &[][..] };
    if !rest.is_empty() || !kw.is_empty() {
        dict_update(vm, d, rest, kw)?;
    }
    Ok(Value::None)
}

fn dd_factory(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    let n = vm.intern_static("default_factory");
    match obj {
        Value::Instance(i) => Ok(i
            .table()
            .borrow()
            .get_str(str_hash(n), "default_factory")
            .unwrap_or(Value::None)),
        _ => Ok(Value::None),
    }
}

fn dd_missing(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__missing__", "collections.defaultdict")?;
    arity(vm, "__missing__", args, 1, 1)?;
    let key = args[1];
    let f = dd_factory(vm, obj)?;
    if f.is_none() {
        return Err(vm.new_exception("KeyError", vec![key]));
    }
    let v = rooted(vm, &[obj, key, f], |vm| vm.call_value(f, &[], &[]))?;
    rooted(vm, &[obj, key, v], |vm| dict_set(vm, d, key, v))?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__repr__", "collections.defaultdict")?;
    let f = dd_factory(vm, obj)?;
    let fr = if f.is_none() {
        "None".to_string()
    } else {
        rooted(vm, &[obj, f], |vm| vm.repr(f))?
    };
    let dr = rooted(vm, &[obj], |vm| vm.repr(Value::Dict(d)))?;
    let tn = vm.type_name(obj);
    Ok(vm.new_str(format!("{tn}({fr}, {dr})")))
}

fn dd_copy(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "copy", "collections.defaultdict")?;
    let f = dd_factory(vm, obj)?;
    let cls = Value::Type(vm.type_of(obj));
    rooted(vm, &[obj, f], |vm| {
        vm.call_value(cls, &[f, Value::Dict(d)], &[])
    })
}

// ---- Counter

const CTR: &str = "collections.Counter";

/// The dict behind a mapping argument (a dict or an instance extending one).
fn mapping_dict(v: Value) -> Option<Gc<DictObj>> {
    match v {
        Value::Dict(d) => Some(d),
        Value::Instance(i) => match i.payload() {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

fn get0(vm: &mut Vm, d: Gc<DictObj>, k: Value) -> PyResult<Value> {
    Ok(dict_get(vm, d, k)?.unwrap_or(Value::Int(0)))
}

/// Add (`sign` = Add) or subtract counts from `src` into `d`.
fn counter_merge(
    vm: &mut Vm,
    d: Gc<DictObj>,
    src: Option<Value>,
    kw: Kwargs,
    op: BinOp,
) -> PyResult<()> {
    if let Some(src) = src {
        if let Some(m) = mapping_dict(src) {
            let pairs = dict_items(m);
            let mut roots: Vec<Value> = pairs.iter().flat_map(|(k, v)| [*k, *v]).collect();
            roots.push(src);
            rooted(vm, &roots, |vm| {
                for (k, c) in pairs {
                    let old = get0(vm, d, k)?;
                    let new = if op == BinOp::Add {
                        vm.binary_op(BinOp::Add, c, old)?
                    } else {
                        vm.binary_op(BinOp::Sub, old, c)?
                    };
                    vm.temp_roots.push(new);
                    dict_set(vm, d, k, new)?;
                }
                Ok(())
            })?;
        } else if !src.is_none() {
            let it = rooted(vm, &[src], |vm| vm.get_iter(src))?;
            rooted(vm, &[src, it], |vm| {
                while let Some(e) = vm.iter_next(it)? {
                    vm.temp_roots.push(e);
                    let old = get0(vm, d, e)?;
                    let new = vm.binary_op(op, old, Value::Int(1))?;
                    vm.temp_roots.push(new);
                    dict_set(vm, d, e, new)?;
                    vm.temp_roots.pop();
                    vm.temp_roots.pop();
                }
                Ok(())
            })?;
        }
    }
    for (k, c) in kw {
        let k = Value::Str(*k);
        let old = get0(vm, d, k)?;
        let new = if op == BinOp::Add {
            vm.binary_op(BinOp::Add, *c, old)?
        } else {
            vm.binary_op(BinOp::Sub, old, *c)?
        };
        rooted(vm, &[new], |vm| dict_set(vm, d, k, new))?;
    }
    Ok(())
}

fn counter_init(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "__init__", CTR)?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "Counter.__init__() takes from 1 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    counter_merge(vm, d, args.get(1).copied(), kw, BinOp::Add)?;
    Ok(Value::None)
}

fn counter_update(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "update", CTR)?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "Counter.update() takes from 1 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    counter_merge(vm, d, args.get(1).copied(), kw, BinOp::Add)?;
    Ok(Value::None)
}

fn counter_subtract(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "subtract", CTR)?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "Counter.subtract() takes from 1 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    counter_merge(vm, d, args.get(1).copied(), kw, BinOp::Sub)?;
    Ok(Value::None)
}

fn counter_missing(_vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn counter_delitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "__delitem__", CTR)?;
    arity(vm, "__delitem__", args, 1, 1)?;
    dict_remove(vm, d, args[1])?;
    Ok(Value::None)
}

/// Items sorted by count, largest first, ties in insertion order.
fn sorted_items(vm: &mut Vm, d: Gc<DictObj>) -> PyResult<Vec<(Value, Value)>> {
    let mut pairs = dict_items(d);
    let roots: Vec<Value> = pairs.iter().flat_map(|(k, v)| [*k, *v]).collect();
    rooted(vm, &roots, |vm| {
        let mut err = None;
        pairs.sort_by(|a, b| {
            if err.is_some() {
                return std::cmp::Ordering::Equal;
            }
            match vm.less_than(b.1, a.1) {
                Ok(true) => std::cmp::Ordering::Less,
                Ok(false) => match vm.less_than(a.1, b.1) {
                    Ok(true) => std::cmp::Ordering::Greater,
                    Ok(false) => std::cmp::Ordering::Equal,
                    Err(e) => {
                        err = Some(e);
                        std::cmp::Ordering::Equal
                    }
                },
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            }
        });
        match err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    })?;
    Ok(pairs)
}

fn counter_most_common(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "most_common", CTR)?;
    let mut n = args.get(1).copied();
    for (k, v) in kw {
        if k.as_str() == "n" && n.is_none() {
            n = Some(*v);
        } else {
            return Err(vm.type_error(&format!(
                "Counter.most_common() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    let mut pairs = sorted_items(vm, d)?;
    if let Some(n) = n {
        if !n.is_none() {
            let k = ssize(vm, n)?;
            pairs.truncate(k.max(0) as usize);
        }
    }
    let items: Vec<Value> = pairs
        .into_iter()
        .map(|(k, v)| vm.new_tuple(vec![k, v]))
        .collect();
    Ok(vm.new_list(items))
}

fn counter_elements(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "elements", CTR)?;
    let mut out = Vec::new();
    for (k, c) in dict_items(d) {
        let n = match c {
            Value::Int(n) => n,
            Value::Bool(b) => b as i64,
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
        };
        for _ in 0..n.max(0) {
            out.push(k);
        }
    }
    let l = vm.new_list(out);
    vm.get_iter(l)
}

fn counter_total(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "total", CTR)?;
    let vals: Vec<Value> = d.table.borrow().values().collect();
    rooted(vm, &vals.clone(), |vm| {
        let mut acc = Value::Int(0);
        for v in vals {
            acc = vm.binary_op(BinOp::Add, acc, v)?;
            vm.temp_roots.push(acc);
        }
        Ok(acc)
    })
}

fn counter_copy(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, _) = self_dict(vm, args, "copy", CTR)?;
    let cls = Value::Type(vm.type_of(obj));
    rooted(vm, &[obj], |vm| vm.call_value(cls, &[obj], &[]))
}

fn counter_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__repr__", CTR)?;
    let tn = vm.type_name(obj);
    if d.table.borrow().is_empty() {
        return Ok(vm.new_str(format!("{tn}()")));
    }
    let pairs = sorted_items(vm, d)?;
    let mut roots: Vec<Value> = pairs.iter().flat_map(|(k, v)| [*k, *v]).collect();
    roots.push(obj);
    let mut s = format!("{tn}({{");
    rooted(vm, &roots, |vm| {
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&vm.repr(*k)?);
            s.push_str(": ");
            s.push_str(&vm.repr(*v)?);
        }
        Ok(())
    })?;
    s.push_str("})");
    Ok(vm.new_str(s))
}

/// A new, empty plain Counter (what the operators return).
fn new_counter(vm: &mut Vm, like: Value) -> PyResult<(Value, Gc<DictObj>)> {
    let cls = match like {
        Value::Instance(i) => find_base(i.class, "Counter"),
        _ => None,
    };
    let Some(cls) = cls else {
        return Err(vm.type_error("not a Counter"));
    };
    let d = vm.new_dict();
    let Value::Dict(dd) = d else { unreachable!() };
    let inst = Value::Instance(
        vm.heap
            .alloc(InstanceObj::with_ext(cls, InstExt::Payload(d))),
    );
    Ok((inst, dd))
}

fn positive(vm: &mut Vm, v: Value) -> PyResult<bool> {
    vm.less_than(Value::Int(0), v)
}

fn counter_binop(vm: &mut Vm, args: &[Value], which: u8) -> PyResult<Value> {
    let (obj, a) = self_dict(vm, args, "__add__", CTR)?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    if !is_instance_of(other, "Counter") {
        return Ok(Value::NotImplemented);
    }
    let b = mapping_dict(other).expect("Counter payload");
    let (res, r) = new_counter(vm, obj)?;
    let pa = dict_items(a);
    let pb = dict_items(b);
    let mut roots: Vec<Value> = pa
        .iter()
        .chain(pb.iter())
        .flat_map(|(k, v)| [*k, *v])
        .collect();
    roots.extend_from_slice(&[obj, other, res]);
    rooted(vm, &roots, |vm| {
        for (k, c) in &pa {
            let oc = get0(vm, b, *k)?;
            let new = match which {
                0 => vm.binary_op(BinOp::Add, *c, oc)?,
                1 => vm.binary_op(BinOp::Sub, *c, oc)?,
                2 => {
                    if vm.less_than(*c, oc)? {
                        oc
                    } else {
                        *c
                    }
                }
                _ => {
                    if vm.less_than(*c, oc)? {
                        *c
                    } else {
                        oc
                    }
                }
            };
            vm.temp_roots.push(new);
            if positive(vm, new)? {
                dict_set(vm, r, *k, new)?;
            }
        }
        if which == 3 {
            return Ok(());
        }
        for (k, c) in &pb {
            if dict_get(vm, a, *k)?.is_some() {
                continue;
            }
            if which == 1 {
                if vm.less_than(*c, Value::Int(0))? {
                    let n = vm.binary_op(BinOp::Sub, Value::Int(0), *c)?;
                    vm.temp_roots.push(n);
                    dict_set(vm, r, *k, n)?;
                }
            } else if positive(vm, *c)? {
                dict_set(vm, r, *k, *c)?;
            }
        }
        Ok(())
    })?;
    Ok(res)
}

fn counter_add(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_binop(vm, args, 0)
}
fn counter_sub(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_binop(vm, args, 1)
}
fn counter_or(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_binop(vm, args, 2)
}
fn counter_and(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_binop(vm, args, 3)
}

fn counter_unary(vm: &mut Vm, args: &[Value], neg: bool) -> PyResult<Value> {
    let (obj, a) = self_dict(vm, args, "__pos__", CTR)?;
    let (res, r) = new_counter(vm, obj)?;
    let pa = dict_items(a);
    let mut roots: Vec<Value> = pa.iter().flat_map(|(k, v)| [*k, *v]).collect();
    roots.extend_from_slice(&[obj, res]);
    rooted(vm, &roots, |vm| {
        for (k, c) in pa {
            if neg {
                if vm.less_than(c, Value::Int(0))? {
                    let n = vm.binary_op(BinOp::Sub, Value::Int(0), c)?;
                    vm.temp_roots.push(n);
                    dict_set(vm, r, k, n)?;
                }
            } else if positive(vm, c)? {
                dict_set(vm, r, k, c)?;
            }
        }
        Ok(())
    })?;
    Ok(res)
}

fn counter_pos(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_unary(vm, args, false)
}
fn counter_neg(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_unary(vm, args, true)
}

/// `all(self[e] OP other[e] for c in (self, other) for e in c)`, or None
/// (NotImplemented) when other is no Counter.
fn counter_all(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Option<bool>> {
    let (obj, a) = self_dict(vm, args, "__eq__", CTR)?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    if !is_instance_of(other, "Counter") {
        return Ok(None);
    }
    let b = mapping_dict(other).expect("Counter payload");
    let keys: Vec<Value> = a
        .table
        .borrow()
        .keys()
        .chain(b.table.borrow().keys().collect::<Vec<_>>())
        .collect();
    let mut roots = keys.clone();
    roots.extend_from_slice(&[obj, other]);
    rooted(vm, &roots, |vm| {
        for k in keys {
            let x = get0(vm, a, k)?;
            let y = get0(vm, b, k)?;
            let r = vm.compare_op(op, x, y)?;
            if !vm.truthy(r)? {
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    })
}

fn counter_eq(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Eq)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}
fn counter_ne(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Eq)? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}
fn counter_le(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Le)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}
fn counter_ge(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Ge)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}
fn counter_lt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Le)? {
        Some(true) => Value::Bool(!counter_all(vm, args, CmpOp::Eq)?.unwrap_or(false)),
        Some(false) => Value::Bool(false),
        None => Value::NotImplemented,
    })
}
fn counter_gt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Ge)? {
        Some(true) => Value::Bool(!counter_all(vm, args, CmpOp::Eq)?.unwrap_or(false)),
        Some(false) => Value::Bool(false),
        None => Value::NotImplemented,
    })
}

// ---- shared by the dict subclasses

fn dict_reversed(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "__reversed__", "dict")?;
    let mut keys: Vec<Value> = d.table.borrow().keys().collect();
    keys.reverse();
    let l = vm.new_list(keys);
    vm.get_iter(l)
}

/// `self | other` for defaultdict and OrderedDict: a copy of self (same
/// class) updated with other.
fn dictlike_or(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, _) = self_dict(vm, args, "__or__", "dict")?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    if mapping_dict(other).is_none() {
        return Ok(Value::NotImplemented);
    }
    let copy_name = vm.intern_static("copy");
    let new = rooted(vm, &[obj, other], |vm| {
        let f = vm.getattr(obj, copy_name)?;
        vm.temp_roots.push(f);
        vm.call_value(f, &[], &[])
    })?;
    let nd = mapping_dict(new).expect("copy of a dict subclass");
    rooted(vm, &[new, other], |vm| dict_update(vm, nd, &[other], &[]))?;
    Ok(new)
}

/// `other | self`: a new instance of self's class from other, updated with self.
fn dictlike_ror(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__ror__", "dict")?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    let Some(od) = mapping_dict(other) else {
        return Ok(Value::NotImplemented);
    };
    let cls = vm.type_of(obj);
    let new = if find_base(cls, "defaultdict").is_some() {
        let f = dd_factory(vm, obj)?;
        rooted(vm, &[obj, other, f], |vm| {
            vm.call_value(Value::Type(cls), &[f, Value::Dict(od)], &[])
        })?
    } else {
        rooted(vm, &[obj, other], |vm| {
            vm.call_value(Value::Type(cls), &[Value::Dict(od)], &[])
        })?
    };
    let nd = mapping_dict(new).expect("dict subclass");
    rooted(vm, &[new, obj], |vm| {
        dict_update(vm, nd, &[Value::Dict(d)], &[])
    })?;
    Ok(new)
}

fn dictlike_ior(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__ior__", "dict")?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    rooted(vm, &[obj, other], |vm| dict_update(vm, d, &[other], &[]))?;
    Ok(obj)
}

// ---- OrderedDict

const OD: &str = "collections.OrderedDict";

fn od_init(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "__init__", OD)?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "OrderedDict expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    dict_update(vm, d, &args[1..], kw)?;
    Ok(Value::None)
}

fn od_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__repr__", OD)?;
    let tn = vm.type_name(obj);
    let pairs = dict_items(d);
    if pairs.is_empty() {
        return Ok(vm.new_str(format!("{tn}()")));
    }
    let mut roots: Vec<Value> = pairs.iter().flat_map(|(k, v)| [*k, *v]).collect();
    roots.push(obj);
    let mut s = format!("{tn}([");
    rooted(vm, &roots, |vm| {
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push('(');
            s.push_str(&vm.repr(*k)?);
            s.push_str(", ");
            s.push_str(&vm.repr(*v)?);
            s.push(')');
        }
        Ok(())
    })?;
    s.push_str("])");
    Ok(vm.new_str(s))
}

fn od_equal(vm: &mut Vm, args: &[Value]) -> PyResult<Option<bool>> {
    let (obj, a) = self_dict(vm, args, "__eq__", OD)?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    if !is_instance_of(other, "OrderedDict") {
        return Ok(None);
    }
    let b = mapping_dict(other).expect("OrderedDict payload");
    let same = rooted(vm, &[obj, other], |vm| {
        crate::builtins::dict_ops::dict_eq(vm, a, b)
    })?;
    if !same {
        return Ok(Some(false));
    }
    let ka: Vec<Value> = a.table.borrow().keys().collect();
    let kb: Vec<Value> = b.table.borrow().keys().collect();
    let mut roots = ka.clone();
    roots.extend_from_slice(&kb);
    roots.extend_from_slice(&[obj, other]);
    rooted(vm, &roots, |vm| {
        for (x, y) in ka.iter().zip(kb.iter()) {
            if !rich_eq(vm, *x, *y)? {
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    })
}

fn od_eq(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match od_equal(vm, args)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}
fn od_ne(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match od_equal(vm, args)? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}

fn bool_arg(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    pos: usize,
    name: &str,
    fname: &str,
) -> PyResult<bool> {
    let mut v = args.get(pos).copied();
    for (k, x) in kw {
        if k.as_str() == name && v.is_none() {
            v = Some(*x);
        } else {
            return Err(vm.type_error(&format!(
                "{fname}() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(true),
    }
}

fn od_move_to_end(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "move_to_end", OD)?;
    if args.len() < 2 {
        return Err(vm.type_error("move_to_end() missing required argument 'key' (pos 1)"));
    }
    let key = args[1];
    let last = bool_arg(vm, args, kw, 2, "last", "move_to_end")?;
    let Some(v) = rooted(vm, &[obj, key], |vm| dict_get(vm, d, key))? else {
        return Err(vm.new_exception("KeyError", vec![key]));
    };
    rooted(vm, &[obj, key, v], |vm| {
        if last {
            dict_remove(vm, d, key)?;
            dict_set(vm, d, key, v)
        } else {
            let pairs = dict_items(d);
            let roots: Vec<Value> = pairs.iter().flat_map(|(k, v)| [*k, *v]).collect();
            vm.temp_roots.extend_from_slice(&roots);
            dict_remove(vm, d, key)?;
            let rest = dict_items(d);
            d.table.borrow_mut().clear();
            dict_set(vm, d, key, v)?;
            for (k, x) in rest {
                dict_set(vm, d, k, x)?;
            }
            Ok(())
        }
    })?;
    Ok(Value::None)
}

fn od_popitem(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "popitem", OD)?;
    let last = bool_arg(vm, args, kw, 1, "last", "popitem")?;
    let entry = if last {
        d.table.borrow().iter().last()
    } else {
        d.table.borrow().iter().next()
    };
    let Some((k, v)) = entry else {
        return Err(vm.new_exception_msg("KeyError", "dictionary is empty"));
    };
    rooted(vm, &[obj, k, v], |vm| dict_remove(vm, d, k))?;
    Ok(vm.new_tuple(vec![k, v]))
}

fn od_copy(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "copy", OD)?;
    let cls = Value::Type(vm.type_of(obj));
    rooted(vm, &[obj], |vm| vm.call_value(cls, &[Value::Dict(d)], &[]))
}

// ---------------------------------------------------------------- namedtuple

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || crate::builtins::text::char_is_xid_start(c) => {}
        _ => return false,
    }
    cs.all(crate::builtins::text::char_is_xid_continue)
}

fn py_repr_str(vm: &mut Vm, s: &str) -> String {
    let v = vm.new_str(s);
    vm.repr(v).unwrap_or_default()
}

fn namedtuple(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let mut typename = args.first().copied();
    let mut field_names = args.get(1).copied();
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "namedtuple() takes 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let mut rename = false;
    let mut defaults = Value::None;
    let mut module = None;
    for (k, v) in kw {
        match k.as_str() {
            "typename" if typename.is_none() => typename = Some(*v),
            "field_names" if field_names.is_none() => field_names = Some(*v),
            "rename" => rename = vm.truthy(*v)?,
            "defaults" => defaults = *v,
            "module" => module = Some(*v),
            other => {
                return Err(vm.type_error(&format!(
                    "namedtuple() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let (Some(typename), Some(field_names)) = (typename, field_names) else {
        let missing: Vec<&str> = [("typename", typename), ("field_names", field_names)]
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(n, _)| *n)
            .collect();
        let msg = if missing.len() == 2 {
            "namedtuple() missing 2 required positional arguments: 'typename' and 'field_names'"
                .to_string()
        } else {
            format!(
                "namedtuple() missing 1 required positional argument: '{}'",
                missing[0]
            )
        };
        return Err(vm.type_error(&msg));
    };
    // Field names: a str split on commas and whitespace, or an iterable of str().
    let mut names: Vec<String> = match field_names {
        Value::Str(s) => s
            .as_str()
            .replace(',', " ")
            .split_whitespace()
            .map(|x| x.to_string())
            .collect(),
        other => {
            let items = rooted(vm, &[other], |vm| vm.collect_iterable(other))?;
            let mut v = Vec::new();
            rooted(vm, &items.clone(), |vm| {
                for it in items {
                    v.push(vm.str_of(it)?);
                }
                Ok(())
            })?;
            v
        }
    };
    let typename = vm.str_of(typename)?;
    if rename {
        let mut seen: Vec<String> = Vec::new();
        for (i, n) in names.iter_mut().enumerate() {
            if !is_identifier(n)
                || KEYWORDS.contains(&n.as_str())
                || n.starts_with('_')
                || seen.contains(n)
            {
                *n = format!("_{i}");
            }
            seen.push(n.clone());
        }
    }
    for n in std::iter::once(&typename).chain(names.iter()) {
        if !is_identifier(n) {
            let r = py_repr_str(vm, n);
            return Err(vm.value_error(&format!(
                "Type names and field names must be valid identifiers: {}",
                r
            )));
        }
        if KEYWORDS.contains(&n.as_str()) {
            let r = py_repr_str(vm, n);
            return Err(vm.value_error(&format!(
                "Type names and field names cannot be a keyword: {}",
                r
            )));
        }
    }
    let mut seen: Vec<&String> = Vec::new();
    for n in &names {
        if n.starts_with('_') && !rename {
            let r = py_repr_str(vm, n);
            return Err(vm.value_error(&format!(
                "Field names cannot start with an underscore: {}",
                r
            )));
        }
        if seen.contains(&n) {
            let r = py_repr_str(vm, n);
            return Err(vm.value_error(&format!("Encountered duplicate field name: {}", r)));
        }
        seen.push(n);
    }
    let defaults: Vec<Value> = if defaults.is_none() {
        Vec::new()
    } else {
        rooted(vm, &[defaults], |vm| vm.collect_iterable(defaults))?
    };
    if defaults.len() > names.len() {
        return Err(vm.type_error("Got more default values than field names"));
    }
    let module_name = match module {
        Some(Value::Str(s)) => s,
        _ => match vm.frames.last() {
            Some(f) => f.func.module.name,
            None => vm.intern_static("__main__"),
        },
    };

    // The class.
    let tn = vm.intern(&typename);
    let tuple = vm.types.tuple;
    let t = vm.heap.alloc(TypeObj::new(
        tn,
        TypeKind::User,
        vec![tuple],
        Some(module_name),
    ));
    let mut mro = vec![t];
    mro.extend(tuple.mro.borrow().iter().copied());
    *t.mro.borrow_mut() = mro;
    t.builtin_base.set(Some(tuple));
    *t.slots.borrow_mut() = Some(Vec::new());
    let tv = Value::Type(t);
    let base = vm.temp_roots.len();
    vm.temp_roots.push(tv);
    vm.temp_roots.extend_from_slice(&defaults);

    let field_strs: Vec<Value> = names.iter().map(|n| Value::Str(vm.intern(n))).collect();
    let fields = vm.new_tuple(field_strs.clone());
    super::set_type_attr(vm, t, "_fields", fields);
    let fd = vm.new_dict();
    let Value::Dict(fdd) = fd else { unreachable!() };
    super::set_type_attr(vm, t, "_field_defaults", fd);
    let skip = names.len() - defaults.len();
    for (k, dv) in field_strs[skip..].iter().zip(defaults.iter()) {
        dict_set(vm, fdd, *k, *dv)?;
    }
    let mv = Value::Str(module_name);
    super::set_type_attr(vm, t, "__module__", mv);
    let doc = vm.new_str(format!("{typename}({})", names.join(", ")));
    super::set_type_attr(vm, t, "__doc__", doc);
    let empty = vm.empty_tuple;
    super::set_type_attr(vm, t, "__slots__", empty);
    super::set_type_attr(vm, t, "__match_args__", fields);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", nt_new),
        ("__repr__", nt_repr),
        ("_replace", nt_replace),
        ("_asdict", nt_asdict),
        ("__getnewargs__", nt_getnewargs),
    ];
    for (n, f) in methods {
        let v = Value::Builtin(vm.heap.alloc(BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name: n,
            func: *f,
            bound_self: None,
            owner: Some(t),
        }));
        super::set_type_attr(vm, t, n, v);
    }
    let make = Value::Builtin(vm.heap.alloc(BuiltinObj {
        prof_id: std::cell::Cell::new(u32::MAX),
        name: "_make",
        func: nt_make,
        bound_self: None,
        owner: None,
    }));
    let cm_type = match vm.builtins.get("classmethod") {
        Some(Value::Type(c)) => *c,
        _ => vm.types.object,
    };
    let cm = Value::Instance(
        vm.heap
            .alloc(InstanceObj::with_ext(cm_type, InstExt::ClassMethod(make))),
    );
    super::set_type_attr(vm, t, "_make", cm);
    for (i, n) in names.iter().enumerate() {
        let g = Value::Builtin(vm.heap.alloc(BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name: "_tuplegetter",
            func: nt_getfield,
            bound_self: Some(Value::Int(i as i64)),
            owner: None,
        }));
        let p = make_property(vm, g);
        let p = readonly_field(vm, p);
        super::set_type_attr(vm, t, n, p);
    }
    vm.temp_roots.truncate(base);
    Ok(tv)
}

/// A field property whose setter and deleter fail as `_tuplegetter`'s do.
fn readonly_field(vm: &mut Vm, p: Value) -> Value {
    let Value::Instance(pi) = p else { return p };
    let InstExt::Property(pd) = &pi.ext else {
        return p;
    };
    let mk = |vm: &mut Vm, name: &'static str, func: NativeFn| {
        Value::Builtin(vm.heap.alloc(BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name,
            func,
            bound_self: None,
            owner: None,
        }))
    };
    let fset = mk(vm, "__set__", nt_setfield);
    let fdel = mk(vm, "__delete__", nt_delfield);
    let ext = InstExt::Property(Box::new(PropertyData {
        fget: pd.fget,
        fset,
        fdel,
        doc: Value::None,
    }));
    Value::Instance(vm.heap.alloc(InstanceObj::with_ext(pi.class, ext)))
}

fn nt_setfield(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Err(vm.new_exception_msg("AttributeError", "can't set attribute"))
}

fn nt_delfield(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Err(vm.new_exception_msg("AttributeError", "can't delete attribute"))
}

/// The namedtuple class of `cls` (itself or the base that holds `_fields`).
fn nt_fields(vm: &mut Vm, cls: Gc<TypeObj>) -> PyResult<(Vec<Value>, Option<Gc<DictObj>>)> {
    let f = vm.intern_static("_fields");
    let fd = vm.intern_static("_field_defaults");
    let fields = vm.lookup_type_attr(cls, f);
    let defaults = vm.lookup_type_attr(cls, fd);
    let fields = match fields {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        Some(other) => vm.collect_iterable(other)?,
        None => return Err(vm.type_error("not a namedtuple class")),
    };
    let defaults = match defaults {
        Some(Value::Dict(d)) => Some(d),
        _ => None,
    };
    Ok((fields, defaults))
}

fn nt_instance(vm: &mut Vm, cls: Gc<TypeObj>, items: Vec<Value>) -> Value {
    let t = vm.new_tuple(items);
    Value::Instance(
        vm.heap
            .alloc(InstanceObj::with_ext(cls, InstExt::Payload(t))),
    )
}

fn fmt_names(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

fn nt_new(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first().copied() else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    let (fields, defaults) = nt_fields(vm, cls)?;
    let qual = {
        // The class that defines _fields names the function.
        let f = vm.intern_static("_fields");
        let h = str_hash(f);
        let owner = cls
            .mro
            .borrow()
            .iter()
            .copied()
            .find(|c| c.dict.borrow().get_str(h, "_fields").is_some())
            .unwrap_or(cls);
        format!("{}.__new__", owner.name.as_str())
    };
    let n = fields.len();
    let given = &args[1..];
    let ndef = defaults.map(|d| d.table.borrow().len()).unwrap_or(0);
    if given.len() > n {
        let takes = if ndef > 0 {
            format!("from {} to {}", n + 1 - ndef, n + 1)
        } else {
            format!("{}", n + 1)
        };
        return Err(vm.type_error(&format!(
            "{qual}() takes {takes} positional argument{} but {} were given",
            if n + 1 == 1 && ndef == 0 { "" } else { "s" },
            given.len() + 1
        )));
    }
    let mut slots: Vec<Option<Value>> = vec![None; n];
    for (i, v) in given.iter().enumerate() {
        slots[i] = Some(*v);
    }
    for (k, v) in kw {
        let pos = fields
            .iter()
            .position(|f| matches!(f, Value::Str(s) if s.as_str() == k.as_str()));
        match pos {
            Some(p) if slots[p].is_some() => {
                return Err(vm.type_error(&format!(
                    "{qual}() got multiple values for argument '{}'",
                    k.as_str()
                )))
            }
            Some(p) => slots[p] = Some(*v),
            None => {
                return Err(vm.type_error(&format!(
                    "{qual}() got an unexpected keyword argument '{}'",
                    k.as_str()
                )))
            }
        }
    }
    let mut missing = Vec::new();
    for (i, s) in slots.iter_mut().enumerate() {
        if s.is_none() {
            let d = match defaults {
                Some(d) => dict_get(vm, d, fields[i])?,
                None => None,
            };
            match d {
                Some(v) => *s = Some(v),
                None => {
                    if let Value::Str(f) = fields[i] {
                        missing.push(f.as_str().to_string());
                    }
                }
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(&format!(
            "{qual}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            fmt_names(&missing)
        )));
    }
    let items: Vec<Value> = slots
        .into_iter()
        .map(|s| s.unwrap_or(Value::None))
        .collect();
    Ok(nt_instance(vm, cls, items))
}

fn nt_payload(vm: &mut Vm, v: Value) -> PyResult<Gc<TupleObj>> {
    match v {
        Value::Instance(i) => {
            if let Some(Value::Tuple(t)) = i.payload() {
                return Ok(t);
            }
        }
        Value::Tuple(t) => return Ok(t),
        _ => {}
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!(
        "descriptor requires a 'tuple' object but received a '{tn}'"
    )))
}

fn nt_getfield(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (Some(Value::Int(i)), Some(obj)) = (args.first().copied(), args.get(1).copied()) else {
        return Err(vm.type_error("_tuplegetter expected 1 argument"));
    };
    let t = nt_payload(vm, obj)?;
    match t.items.get(i as usize) {
        Some(v) => Ok(*v),
        None => Err(vm.new_exception_msg("IndexError", "tuple index out of range")),
    }
}

fn nt_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let obj = args.first().copied().unwrap_or(Value::None);
    let t = nt_payload(vm, obj)?;
    let cls = vm.type_of(obj);
    let (fields, _) = nt_fields(vm, cls)?;
    let mut s = format!("{}(", cls.name.as_str());
    rooted(vm, &[obj], |vm| {
        for (i, v) in t.items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if let Some(Value::Str(f)) = fields.get(i) {
                s.push_str(f.as_str());
            }
            s.push('=');
            s.push_str(&vm.repr(*v)?);
        }
        Ok(())
    })?;
    s.push(')');
    Ok(vm.new_str(s))
}

fn nt_asdict(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let obj = args.first().copied().unwrap_or(Value::None);
    let t = nt_payload(vm, obj)?;
    let cls = vm.type_of(obj);
    let (fields, _) = nt_fields(vm, cls)?;
    let d = vm.new_dict();
    let Value::Dict(dd) = d else { unreachable!() };
    for (f, v) in fields.iter().zip(t.items.iter()) {
        dict_set(vm, dd, *f, *v)?;
    }
    Ok(d)
}

fn nt_getnewargs(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let obj = args.first().copied().unwrap_or(Value::None);
    let t = nt_payload(vm, obj)?;
    Ok(vm.new_tuple(t.items.to_vec()))
}

fn nt_make(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (Some(Value::Type(cls)), Some(it)) = (args.first().copied(), args.get(1).copied()) else {
        return Err(vm.type_error("_make() missing 1 required positional argument: 'iterable'"));
    };
    let (fields, _) = nt_fields(vm, cls)?;
    let items = rooted(vm, &[it], |vm| vm.collect_iterable(it))?;
    if items.len() != fields.len() {
        return Err(vm.type_error(&format!(
            "Expected {} arguments, got {}",
            fields.len(),
            items.len()
        )));
    }
    Ok(nt_instance(vm, cls, items))
}

fn nt_replace(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let obj = args.first().copied().unwrap_or(Value::None);
    if args.len() > 1 {
        return Err(vm.type_error(&format!(
            "_replace() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    let t = nt_payload(vm, obj)?;
    let cls = vm.type_of(obj);
    let (fields, _) = nt_fields(vm, cls)?;
    let mut items = t.items.to_vec();
    let mut used = vec![false; kw.len()];
    for (i, f) in fields.iter().enumerate() {
        if let Value::Str(fs) = f {
            if let Some(p) = kw.iter().position(|(k, _)| k.as_str() == fs.as_str()) {
                if i < items.len() {
                    items[i] = kw[p].1;
                }
                used[p] = true;
            }
        }
    }
    let extra: Vec<String> = kw
        .iter()
        .zip(used.iter())
        .filter(|(_, u)| !**u)
        .map(|((k, _), _)| py_repr_str(vm, k.as_str()))
        .collect();
    if !extra.is_empty() {
        return Err(vm.value_error(&format!(
            "Got unexpected field names: [{}]",
            extra.join(", ")
        )));
    }
    if items.len() != fields.len() {
        return Err(vm.type_error(&format!(
            "Expected {} arguments, got {}",
            fields.len(),
            items.len()
        )));
    }
    Ok(nt_instance(vm, cls, items))
}
