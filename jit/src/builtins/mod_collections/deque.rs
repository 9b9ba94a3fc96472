//! `collections.deque`: the [`DequeData`] payload, construction and the
//! list-like methods (append/pop at both ends, rotate, index, insert, ...).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::builtins::functions::index_int;
use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{arity, descr_error, is_coll_type, rich_eq, rooted, ssize};

pub struct DequeData {
    pub(super) items: RefCell<VecDeque<Value>>,
    pub(super) maxlen: Cell<Option<usize>>,
    /// Bumped by every structural change (iterators check it).
    pub(super) state: Cell<u64>,
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
    pub(super) fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    pub(super) fn push_back(&self, v: Value) {
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
    pub(super) fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().copied().collect()
    }
    pub(super) fn len(&self) -> usize {
        self.items.borrow().len()
    }
}

pub(super) fn deque_data<'a>(
    vm: &mut Vm,
    i: &'a Gc<InstanceObj>,
    meth: &str,
) -> PyResult<&'a DequeData> {
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
pub(super) fn dq_self(
    vm: &mut Vm,
    args: &[Value],
    meth: &str,
) -> PyResult<(Value, Gc<InstanceObj>)> {
    match args.first() {
        Some(v @ Value::Instance(i)) if i.native::<DequeData>().is_some() => Ok((*v, *i)),
        other => Err(descr_error(vm, meth, "collections.deque", other.copied())),
    }
}

pub(super) fn as_deque(v: Value) -> Option<Gc<InstanceObj>> {
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

pub(super) fn deque_new(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Type(t)) => Ok(new_deque_of(vm, *t, Vec::new(), None)),
        _ => Err(vm.type_error("deque.__new__(X): X is not a type object")),
    }
}

pub(super) fn deque_init(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_maxlen(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "maxlen")?;
    let d = deque_data(vm, &i, "maxlen")?;
    Ok(match d.maxlen.get() {
        Some(n) => Value::Int(n as i64),
        None => Value::None,
    })
}

pub(super) fn deque_append(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "append")?;
    arity(vm, "deque.append", args, 1, 1)?;
    deque_data(vm, &i, "append")?.push_back(args[1]);
    Ok(Value::None)
}

pub(super) fn deque_appendleft(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "appendleft")?;
    arity(vm, "deque.appendleft", args, 1, 1)?;
    deque_data(vm, &i, "appendleft")?.push_front(args[1]);
    Ok(Value::None)
}

pub(super) fn deque_pop(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_popleft(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_extend(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_extendleft(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_rotate(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_clear(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "clear")?;
    arity(vm, "deque.clear", args, 0, 0)?;
    let d = deque_data(vm, &i, "clear")?;
    d.items.borrow_mut().clear();
    d.bump();
    Ok(Value::None)
}

pub(super) fn mutated(vm: &mut Vm) -> PyExc {
    vm.new_exception_msg("RuntimeError", "deque mutated during iteration")
}

pub(super) fn deque_count(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_index(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_remove(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_insert(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_reverse(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "reverse")?;
    arity(vm, "deque.reverse", args, 0, 0)?;
    let d = deque_data(vm, &i, "reverse")?;
    let mut it = d.items.borrow_mut();
    let v: VecDeque<Value> = it.iter().rev().copied().collect();
    *it = v;
    Ok(Value::None)
}

/// A copy of the deque with the same class and maxlen.
pub(super) fn copy_deque(vm: &mut Vm, obj: Value, i: Gc<InstanceObj>) -> PyResult<Value> {
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

pub(super) fn deque_copy(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "copy")?;
    arity(vm, "deque.copy", args, 0, 0)?;
    copy_deque(vm, obj, i)
}

pub(super) fn deque_hash(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__hash__")?;
    let name = if is_coll_type(i.class, "deque") {
        "collections.deque".to_string()
    } else {
        i.class.name.as_str().to_string()
    };
    Err(vm.type_error(&format!("unhashable type: '{name}'")))
}

pub(super) fn deque_len(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn deque_getitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__getitem__")?;
    arity(vm, "__getitem__", args, 1, 1)?;
    let d = deque_data(vm, &i, "__getitem__")?;
    let k = deque_pos(vm, d, args[1])?;
    let v = d.items.borrow()[k];
    Ok(v)
}

pub(super) fn deque_setitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__setitem__")?;
    arity(vm, "__setitem__", args, 2, 2)?;
    let d = deque_data(vm, &i, "__setitem__")?;
    let k = deque_pos(vm, d, args[1])?;
    d.items.borrow_mut()[k] = args[2];
    Ok(Value::None)
}

pub(super) fn deque_delitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__delitem__")?;
    arity(vm, "__delitem__", args, 1, 1)?;
    let d = deque_data(vm, &i, "__delitem__")?;
    let k = deque_pos(vm, d, args[1])?;
    d.items.borrow_mut().remove(k);
    d.bump();
    Ok(Value::None)
}
