//! The `array` module: CPython 3.11's `arraymodule.c` for the typecodes
//! b B h H i I l L q Q f d (not 'u'). `array.array` is a class implemented in
//! Rust (a `TypeKind::User` type of module `array` whose methods and special
//! methods are builtins); each instance carries an [`ArrayData`] with the
//! items stored natively (an 'f' array stores f32 and reads back f64).
//!
//! Conversions follow the C setitem functions and their messages (which
//! differ per typecode: 'b' goes through PyArg "h", 'H' through "i", ...).
//! Items are converted before the storage is borrowed: a conversion may run
//! Python code (`__index__`, `__float__`), and no `RefCell` borrow is held
//! across such a call.
//!
//! # Layout
//!
//! This file holds `make`; `store` holds the native storage, `instance` the
//! instance payload, `convert` the value conversions, and `construct`,
//! `sequence`, `compare`, `operators` and `methods` the Python-visible
//! behaviour.

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

mod compare;
mod construct;
mod convert;
pub mod fast_access;
mod instance;
mod methods;
mod operators;
mod sequence;
mod store;

use compare::*;
use construct::*;
pub use instance::*;
use methods::*;
use operators::*;
use sequence::*;

const TYPECODES: &str = "bBuhHiIlLqQfd";

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("array", "");
    let name = vm.intern_static("array");
    let object = vm.types.object;
    let t = vm
        .heap
        .alloc_pinned(TypeObj::new(name, TypeKind::User, vec![object], Some(name)));
    *t.mro.borrow_mut() = vec![t, object];
    // Instances have no __dict__ (subclasses do, as in CPython).
    *t.slots.borrow_mut() = Some(Vec::new());
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", arr_new),
        ("__len__", arr_len),
        ("__getitem__", arr_getitem),
        ("__setitem__", arr_setitem),
        ("__delitem__", arr_delitem),
        ("__iter__", arr_iter),
        ("__reversed__", arr_reversed),
        ("__contains__", arr_contains),
        ("__eq__", arr_eq),
        ("__ne__", arr_ne),
        ("__lt__", arr_lt),
        ("__le__", arr_le),
        ("__gt__", arr_gt),
        ("__ge__", arr_ge),
        ("__add__", arr_add),
        ("__iadd__", arr_iadd),
        ("__mul__", arr_mul),
        ("__rmul__", arr_mul),
        ("__imul__", arr_imul),
        ("__repr__", arr_repr),
        ("__hash__", arr_hash),
        ("append", arr_append),
        ("extend", arr_extend),
        ("insert", arr_insert),
        ("pop", arr_pop),
        ("remove", arr_remove),
        ("index", arr_index),
        ("count", arr_count),
        ("reverse", arr_reverse),
        ("tolist", arr_tolist),
        ("tobytes", arr_tobytes),
        ("frombytes", arr_frombytes),
        ("fromlist", arr_fromlist),
        ("byteswap", arr_byteswap),
    ];
    for (n, f) in methods {
        super::add_method(vm, t, n, *f);
    }
    // `typecode` and `itemsize` are read-only properties.
    super::add_getters(
        vm,
        t,
        &[("typecode", arr_typecode), ("itemsize", arr_itemsize)],
    );
    super::set_type_attr(vm, t, "__module__", Value::Str(name));
    m.set("array", Value::Type(t));
    m.set("ArrayType", Value::Type(t));
    let tc = vm.new_str(TYPECODES);
    m.set("typecodes", tc);
    if !vm.iter_types.contains_key("arrayiterator") {
        let n = vm.intern_static("arrayiterator");
        let it = vm.heap.alloc_pinned(TypeObj::new(
            n,
            TypeKind::Iterator,
            vec![object],
            Some(name),
        ));
        *it.mro.borrow_mut() = vec![it, object];
        vm.iter_types.insert("arrayiterator", it);
        crate::builtins::methods_generator::add_iterator_methods(vm, it);
    }
    m
}
