//! The `itertools` module: CPython 3.11's `itertoolsmodule.c` iterators, each a
//! `Value::Iter` with a [`NativeIter`] state, following the C code's order of
//! operations (what is consumed when, what is checked first) and its messages.
//!
//! Rules kept throughout: no `RefCell` borrow is held across a call that can
//! run Python code, and a value held only in a Rust local across such a call is
//! pushed on `vm.temp_roots` (values stored in the iterator are traced).
//!
//! # Layout
//!
//! This file holds `make` and the helpers every iterator uses; the iterators
//! live by family in `infinite`, `chaining`, `combinatoric`, `mapping`,
//! `groupby`, `filtering` and `tee`.

use std::cell::Cell;
use std::rc::Rc;

use crate::builtins::functions::{expect_args, index_int};
use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

mod chaining;
mod combinatoric;
mod filtering;
mod groupby;
mod infinite;
mod mapping;
mod tee;

use chaining::*;
use combinatoric::*;
use filtering::*;
use groupby::*;
use infinite::*;
use mapping::*;
use tee::*;

/// The type names of the iterators, registered so `type(x).__name__` works.
const TYPE_NAMES: &[&str] = &[
    "count",
    "cycle",
    "repeat",
    "chain",
    "islice",
    "product",
    "permutations",
    "combinations",
    "combinations_with_replacement",
    "accumulate",
    "groupby",
    "_grouper",
    "zip_longest",
    "starmap",
    "takewhile",
    "dropwhile",
    "compress",
    "filterfalse",
    "_tee",
    "pairwise",
];

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("itertools", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("count", it_count),
        ("cycle", it_cycle),
        ("repeat", it_repeat),
        ("chain", it_chain),
        ("islice", it_islice),
        ("product", it_product),
        ("permutations", it_permutations),
        ("combinations", it_combinations),
        (
            "combinations_with_replacement",
            it_combinations_with_replacement,
        ),
        ("accumulate", it_accumulate),
        ("groupby", it_groupby),
        ("zip_longest", it_zip_longest),
        ("starmap", it_starmap),
        ("takewhile", it_takewhile),
        ("dropwhile", it_dropwhile),
        ("compress", it_compress),
        ("filterfalse", it_filterfalse),
        ("tee", it_tee),
        ("pairwise", it_pairwise),
    ];
    super::set_functions(vm, m, fns);
    let module_name = vm.intern_static("itertools");
    for name in TYPE_NAMES {
        if vm.iter_types.contains_key(name) {
            continue;
        }
        let n = vm.intern(name);
        let object = vm.types.object;
        let t = vm.heap.alloc_pinned(TypeObj::new(
            n,
            TypeKind::Iterator,
            vec![object],
            Some(module_name),
        ));
        let mut mro = vec![t];
        mro.extend(object.mro.borrow().iter().copied());
        *t.mro.borrow_mut() = mro;
        vm.iter_types.insert(name, t);
        crate::builtins::methods_generator::add_iterator_methods(vm, t);
    }
    // `chain.from_iterable`: `chain` is a built-in function here, and attributes
    // of built-in functions are looked up on their type; the method checks that
    // it is bound to `chain` and refuses any other receiver.
    let bf = vm.types.builtin_function;
    let key = vm.intern_static("from_iterable");
    let h = crate::interp::protocol::str_hash(key);
    let missing = bf.dict.borrow().get_str(h, "from_iterable").is_none();
    if missing {
        super::add_method(vm, bf, "from_iterable", chain_from_iterable);
    }
    m
}

// ---------------------------------------------------------------- helpers

fn new_native(vm: &mut Vm, it: impl NativeIter + 'static) -> Value {
    vm.new_iter(IterState::Native(Rc::new(it)))
}

/// Run `f` with `vals` rooted.
fn rooted<T>(vm: &mut Vm, vals: &[Value], f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(vals);
    let r = f(vm);
    vm.temp_roots.truncate(base);
    r
}

/// `PyObject_RichCompareBool(a, b, Py_EQ)`: identity implies equality.
fn rich_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a.is(&b) {
        return Ok(true);
    }
    rooted(vm, &[a, b], |vm| vm.eq(a, b))
}

/// `PyObject_IsTrue(func(item))`, with `item` rooted.
fn call_truthy(vm: &mut Vm, func: Value, item: Value) -> PyResult<bool> {
    rooted(vm, &[item], |vm| {
        let r = vm.call_value(func, &[item], &[])?;
        vm.temp_roots.push(r);
        vm.truthy(r)
    })
}

/// `PySequence_Tuple(v)`.
fn to_tuple(vm: &mut Vm, v: Value) -> PyResult<Gc<TupleObj>> {
    if let Value::Tuple(t) = v {
        return Ok(t);
    }
    let items = rooted(vm, &[v], |vm| vm.collect_iterable(v))?;
    match vm.new_tuple(items) {
        Value::Tuple(t) => Ok(t),
        _ => unreachable!("new_tuple makes a tuple"),
    }
}

/// The `n` format of `PyArg_Parse*`: an index as a C `Py_ssize_t`.
fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match index_int(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(vm.new_exception_msg(
            "OverflowError",
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// `PyNumber_AsSsize_t(v, PyExc_OverflowError)` where every failure is folded
/// into -1 (islice's argument parsing clears the error).
fn ssize_or_minus_one(vm: &mut Vm, v: Value) -> i64 {
    match v {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => match index_int(vm, v) {
            Ok(Value::Int(i)) => i,
            _ => -1,
        },
    }
}

fn tuple_of(vm: &mut Vm, pool: Gc<TupleObj>, indices: &[usize]) -> Value {
    let items: Vec<Value> = indices.iter().map(|&i| pool.items[i]).collect();
    vm.new_tuple(items)
}

fn mark_opt(t: &mut Tracer, v: &Cell<Option<Value>>) {
    if let Some(v) = v.get() {
        t.mark_value(&v);
    }
}

/// `(function, iterable, /)`: the two-argument, positional-only signature.
fn func_and_iter(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs) -> PyResult<(Value, Value)> {
    super::no_kwargs(vm, name, kw)?;
    expect_args(vm, name, args, 2, 2)?;
    let it = vm.get_iter(args[1])?;
    Ok((args[0], it))
}
