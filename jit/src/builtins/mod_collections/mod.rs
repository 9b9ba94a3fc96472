//! The `collections` module: `deque` (a class implemented in Rust whose
//! instances carry a [`DequeData`]), `defaultdict`, `Counter` and
//! `OrderedDict` (subclasses of dict whose instances carry a dict payload),
//! and `namedtuple` (a factory making tuple subclasses with a property per
//! field).
//!
//! Rules kept throughout: no `RefCell` borrow is held across a call that can
//! run Python code, and a value held only in a Rust local across such a call
//! is pushed on `vm.temp_roots`.
//!
//! # Layout
//!
//! This file holds `make` (the module's classes and their method tables) and
//! the helpers every class uses; each class has its own file: `deque` and
//! `deque_ops`, `dictlike` (shared by the dict subclasses), `defaultdict`,
//! `counter`, `ordered_dict` and `namedtuple`.

use crate::builtins::functions::index_int;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

mod counter;
mod defaultdict;
mod deque;
mod deque_ops;
mod dictlike;
mod namedtuple;
mod ordered_dict;

use counter::*;
use defaultdict::*;
pub use deque::*;
use deque_ops::*;
use dictlike::*;
use namedtuple::*;
use ordered_dict::*;

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
    crate::builtins::methods::add_classmethod(vm, counter, "fromkeys", counter_fromkeys);

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
