//! The `itertools` module: CPython 3.11's `itertoolsmodule.c` iterators, each a
//! `Value::Iter` with a [`NativeIter`] state, following the C code's order of
//! operations (what is consumed when, what is checked first) and its messages.
//!
//! Rules kept throughout: no `RefCell` borrow is held across a call that can
//! run Python code, and a value held only in a Rust local across such a call is
//! pushed on `vm.temp_roots` (values stored in the iterator are traced).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use crate::builtins::functions::{bind, expect_args, index_int, Params};
use crate::interp::ops::BinOp;
use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

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
    for (name, f) in fns {
        let v = super::native(vm, name, *f, None);
        m.set(name, v);
    }
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

// ---------------------------------------------------------------- count

struct Count {
    cnt: Cell<Value>,
    step: Value,
}

impl NativeIter for Count {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let c = self.cnt.get();
        let n = match (c, self.step) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(b).is_some() => Value::Int(a + b),
            _ => vm.binary_op(BinOp::Add, c, self.step)?,
        };
        self.cnt.set(n);
        Ok(Some(c))
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.cnt.get());
        t.mark_value(&self.step);
    }
    fn type_name(&self) -> &'static str {
        "count"
    }
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        let r = (|| {
            let c = vm.repr(self.cnt.get())?;
            if is_int_one(self.step) {
                return Ok(format!("count({c})"));
            }
            let s = vm.repr(self.step)?;
            Ok(format!("count({c}, {s})"))
        })();
        Some(r)
    }
}

fn is_int_one(v: Value) -> bool {
    matches!(v, Value::Int(1) | Value::Bool(true))
}

/// `PyNumber_Check`.
fn is_number(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => true,
        Value::Instance(i) => ["__index__", "__int__", "__float__", "__complex__"]
            .iter()
            .any(|n| {
                let n = vm.intern(n);
                vm.lookup_type_attr(i.class, n).is_some()
            }),
        _ => false,
    }
}

const COUNT_PARAMS: Params = Params {
    fname: "count",
    names: &["start", "step"],
    posonly: 0,
    required: 0,
};

fn it_count(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = bind(vm, &COUNT_PARAMS, args, kw)?;
    if p[0].is_some_and(|v| !is_number(vm, v)) || p[1].is_some_and(|v| !is_number(vm, v)) {
        return Err(vm.type_error("a number is required"));
    }
    let step = p[1].unwrap_or(Value::Int(1));
    let mut start = p[0].unwrap_or(Value::Int(0));
    // Fast mode (an int start, an int step of 1) counts in C integers.
    if let (Value::Bool(b), true) = (start, is_int_one(step)) {
        start = Value::Int(b as i64);
    }
    Ok(new_native(
        vm,
        Count {
            cnt: Cell::new(start),
            step,
        },
    ))
}

// ---------------------------------------------------------------- cycle

struct Cycle {
    it: Cell<Option<Value>>,
    saved: RefCell<Vec<Value>>,
    index: Cell<usize>,
}

impl NativeIter for Cycle {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if let Some(it) = self.it.get() {
            match vm.iter_next(it)? {
                Some(v) => {
                    self.saved.borrow_mut().push(v);
                    return Ok(Some(v));
                }
                None => self.it.set(None),
            }
        }
        let saved = self.saved.borrow();
        if saved.is_empty() {
            return Ok(None);
        }
        let i = self.index.get();
        let v = saved[i];
        self.index.set(if i + 1 >= saved.len() { 0 } else { i + 1 });
        Ok(Some(v))
    }
    fn trace(&self, t: &mut Tracer) {
        mark_opt(t, &self.it);
        t.mark_values(&self.saved.borrow());
    }
    fn type_name(&self) -> &'static str {
        "cycle"
    }
}

fn it_cycle(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "cycle", kw)?;
    expect_args(vm, "cycle", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    Ok(new_native(
        vm,
        Cycle {
            it: Cell::new(Some(it)),
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
        },
    ))
}

// ---------------------------------------------------------------- repeat

struct Repeat {
    obj: Value,
    /// Items left; -1 = forever.
    cnt: Cell<i64>,
}

impl NativeIter for Repeat {
    fn next(&self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        match self.cnt.get() {
            0 => Ok(None),
            n => {
                if n > 0 {
                    self.cnt.set(n - 1);
                }
                Ok(Some(self.obj))
            }
        }
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.obj);
    }
    fn type_name(&self) -> &'static str {
        "repeat"
    }
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        Some(vm.repr(self.obj).map(|r| match self.cnt.get() {
            -1 => format!("repeat({r})"),
            n => format!("repeat({r}, {n})"),
        }))
    }
}

const REPEAT_PARAMS: Params = Params {
    fname: "repeat",
    names: &["object", "times"],
    posonly: 0,
    required: 1,
};

fn it_repeat(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = bind(vm, &REPEAT_PARAMS, args, kw)?;
    let obj = p[0].unwrap_or(Value::None);
    let cnt = match p[1] {
        None => -1,
        Some(t) => ssize_arg(vm, t)?.max(0),
    };
    Ok(new_native(
        vm,
        Repeat {
            obj,
            cnt: Cell::new(cnt),
        },
    ))
}

// ---------------------------------------------------------------- chain

struct Chain {
    source: Cell<Option<Value>>,
    active: Cell<Option<Value>>,
}

impl NativeIter for Chain {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let Some(src) = self.source.get() else {
                return Ok(None);
            };
            let active = match self.active.get() {
                Some(a) => a,
                None => {
                    let iterable = match vm.iter_next(src) {
                        Ok(Some(v)) => v,
                        Ok(None) => {
                            self.source.set(None);
                            return Ok(None);
                        }
                        Err(e) => {
                            self.source.set(None);
                            return Err(e);
                        }
                    };
                    match rooted(vm, &[iterable], |vm| vm.get_iter(iterable)) {
                        Ok(a) => {
                            self.active.set(Some(a));
                            a
                        }
                        Err(e) => {
                            self.source.set(None);
                            return Err(e);
                        }
                    }
                }
            };
            match vm.iter_next(active)? {
                Some(v) => return Ok(Some(v)),
                None => self.active.set(None),
            }
        }
    }
    fn trace(&self, t: &mut Tracer) {
        mark_opt(t, &self.source);
        mark_opt(t, &self.active);
    }
    fn type_name(&self) -> &'static str {
        "chain"
    }
}

fn it_chain(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "chain", kw)?;
    let t = vm.new_tuple(args.to_vec());
    let source = vm.get_iter(t)?;
    Ok(new_native(
        vm,
        Chain {
            source: Cell::new(Some(source)),
            active: Cell::new(None),
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let is_chain = matches!(args.first(), Some(Value::Builtin(b))
        if b.func as usize == it_chain as NativeFn as usize);
    if !is_chain {
        let tn = match args.first() {
            Some(v) => vm.type_name(*v),
            None => "builtin_function_or_method".into(),
        };
        return Err(vm.new_exception_msg(
            "AttributeError",
            &format!("'{tn}' object has no attribute 'from_iterable'"),
        ));
    }
    super::no_kwargs(vm, "chain.from_iterable", kw)?;
    let args = &args[1..];
    if args.len() != 1 {
        return Err(vm.type_error(&format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let source = vm.get_iter(args[0])?;
    Ok(new_native(
        vm,
        Chain {
            source: Cell::new(Some(source)),
            active: Cell::new(None),
        },
    ))
}

// ---------------------------------------------------------------- islice

struct ISlice {
    it: Cell<Option<Value>>,
    next: Cell<i64>,
    /// -1 = no stop.
    stop: i64,
    step: i64,
    cnt: Cell<i64>,
}

impl ISlice {
    fn pull(&self, vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
        match vm.iter_next(it) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => {
                self.it.set(None);
                Ok(None)
            }
            Err(e) => {
                self.it.set(None);
                Err(e)
            }
        }
    }
}

impl NativeIter for ISlice {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(it) = self.it.get() else {
            return Ok(None);
        };
        let stop = self.stop;
        while self.cnt.get() < self.next.get() {
            if self.pull(vm, it)?.is_none() {
                return Ok(None);
            }
            self.cnt.set(self.cnt.get() + 1);
        }
        if stop != -1 && self.cnt.get() >= stop {
            self.it.set(None);
            return Ok(None);
        }
        let Some(item) = self.pull(vm, it)? else {
            return Ok(None);
        };
        self.cnt.set(self.cnt.get() + 1);
        let old = self.next.get();
        let n = match old.checked_add(self.step) {
            Some(n) if !(stop != -1 && n > stop) => n,
            _ => stop,
        };
        self.next.set(n);
        Ok(Some(item))
    }
    fn trace(&self, t: &mut Tracer) {
        mark_opt(t, &self.it);
    }
    fn type_name(&self) -> &'static str {
        "islice"
    }
}

fn it_islice(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "islice", kw)?;
    expect_args(vm, "islice", args, 2, 4)?;
    const STOP_MSG: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    if args.len() == 2 {
        if !args[1].is_none() {
            stop = ssize_or_minus_one(vm, args[1]);
            if stop == -1 {
                return Err(vm.value_error(STOP_MSG));
            }
        }
    } else {
        if !args[1].is_none() {
            start = ssize_or_minus_one(vm, args[1]);
        }
        if !args[2].is_none() {
            stop = ssize_or_minus_one(vm, args[2]);
            if stop == -1 {
                return Err(vm.value_error(STOP_MSG));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if args.len() == 4 && !args[3].is_none() {
        step = ssize_or_minus_one(vm, args[3]);
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.get_iter(args[0])?;
    Ok(new_native(
        vm,
        ISlice {
            it: Cell::new(Some(it)),
            next: Cell::new(start),
            stop,
            step,
            cnt: Cell::new(0),
        },
    ))
}

// ---------------------------------------------------------------- product

/// Where a combinatoric iterator is: before its first result, running, done.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    First,
    Running,
    Done,
}

struct Product {
    pools: Vec<Gc<TupleObj>>,
    indices: RefCell<Vec<usize>>,
    phase: Cell<Phase>,
}

impl Product {
    fn result(&self, vm: &mut Vm) -> Value {
        let items: Vec<Value> = {
            let idx = self.indices.borrow();
            self.pools
                .iter()
                .zip(idx.iter())
                .map(|(p, &i)| p.items[i])
                .collect()
        };
        vm.new_tuple(items)
    }
}

impl NativeIter for Product {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        match self.phase.get() {
            Phase::Done => return Ok(None),
            Phase::First => {
                if self.pools.iter().any(|p| p.items.is_empty()) {
                    self.phase.set(Phase::Done);
                    return Ok(None);
                }
                self.phase.set(Phase::Running);
            }
            Phase::Running => {
                let mut advanced = false;
                {
                    let mut idx = self.indices.borrow_mut();
                    for i in (0..self.pools.len()).rev() {
                        idx[i] += 1;
                        if idx[i] == self.pools[i].items.len() {
                            idx[i] = 0;
                        } else {
                            advanced = true;
                            break;
                        }
                    }
                }
                if !advanced {
                    self.phase.set(Phase::Done);
                    return Ok(None);
                }
            }
        }
        Ok(Some(self.result(vm)))
    }
    fn trace(&self, t: &mut Tracer) {
        for p in &self.pools {
            t.mark(*p);
        }
    }
    fn type_name(&self) -> &'static str {
        "product"
    }
}

fn it_product(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let mut repeat = 1i64;
    if !kw.is_empty() {
        crate::builtins::functions::check_kw_names(vm, "product", kw, &["repeat"])?;
        if let Some(r) = super::kwarg(kw, "repeat") {
            repeat = ssize_arg(vm, r)?;
        }
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
    }
    let nargs = if repeat == 0 { 0 } else { args.len() };
    if nargs > 0 && (nargs as u128) * (repeat as u128) > (i64::MAX as u128) / 16 {
        return Err(vm.new_exception_msg("OverflowError", "repeat argument too large"));
    }
    let base = vm.temp_roots.len();
    let mut pools = Vec::with_capacity(nargs);
    for a in &args[..nargs] {
        match to_tuple(vm, *a) {
            Ok(t) => {
                vm.temp_roots.push(Value::Tuple(t));
                pools.push(t);
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    let mut all = Vec::with_capacity(nargs * repeat.max(0) as usize);
    for _ in 0..(if nargs == 0 { 0 } else { repeat }) {
        all.extend_from_slice(&pools);
    }
    let n = all.len();
    Ok(new_native(
        vm,
        Product {
            pools: all,
            indices: RefCell::new(vec![0; n]),
            phase: Cell::new(Phase::First),
        },
    ))
}

// ---------------------------------------------------------------- permutations

struct Permutations {
    pool: Gc<TupleObj>,
    r: usize,
    indices: RefCell<Vec<usize>>,
    cycles: RefCell<Vec<usize>>,
    phase: Cell<Phase>,
}

impl NativeIter for Permutations {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let n = self.pool.items.len();
        let r = self.r;
        match self.phase.get() {
            Phase::Done => return Ok(None),
            Phase::First => self.phase.set(Phase::Running),
            Phase::Running => {
                if n == 0 {
                    self.phase.set(Phase::Done);
                    return Ok(None);
                }
                let mut found = false;
                {
                    let mut idx = self.indices.borrow_mut();
                    let mut cyc = self.cycles.borrow_mut();
                    for i in (0..r).rev() {
                        cyc[i] -= 1;
                        if cyc[i] == 0 {
                            idx[i..].rotate_left(1);
                            cyc[i] = n - i;
                        } else {
                            let j = cyc[i];
                            idx.swap(i, n - j);
                            found = true;
                            break;
                        }
                    }
                }
                if !found {
                    self.phase.set(Phase::Done);
                    return Ok(None);
                }
            }
        }
        let idx: Vec<usize> = self.indices.borrow()[..r].to_vec();
        Ok(Some(tuple_of(vm, self.pool, &idx)))
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pool);
    }
    fn type_name(&self) -> &'static str {
        "permutations"
    }
}

const PERMUTATIONS_PARAMS: Params = Params {
    fname: "permutations",
    names: &["iterable", "r"],
    posonly: 0,
    required: 1,
};

fn it_permutations(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = bind(vm, &PERMUTATIONS_PARAMS, args, kw)?;
    let pool = to_tuple(vm, p[0].unwrap_or(Value::None))?;
    let n = pool.items.len() as i64;
    let mut r = n;
    match p[1] {
        None | Some(Value::None) => {}
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
            r = rooted(vm, &[Value::Tuple(pool)], |vm| ssize_arg(vm, v))?;
        }
        Some(_) => return Err(vm.type_error("Expected int as r")),
    }
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let (n, r) = (n as usize, r as usize);
    Ok(new_native(
        vm,
        Permutations {
            pool,
            r,
            indices: RefCell::new((0..n).collect()),
            cycles: RefCell::new((0..r.min(n)).map(|i| n - i).collect()),
            phase: Cell::new(if r > n { Phase::Done } else { Phase::First }),
        },
    ))
}

// ---------------------------------------------------------------- combinations

struct Combinations {
    pool: Gc<TupleObj>,
    r: usize,
    indices: RefCell<Vec<usize>>,
    phase: Cell<Phase>,
    replacement: bool,
}

impl NativeIter for Combinations {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let n = self.pool.items.len();
        let r = self.r;
        match self.phase.get() {
            Phase::Done => return Ok(None),
            Phase::First => self.phase.set(Phase::Running),
            Phase::Running => {
                let mut idx = self.indices.borrow_mut();
                let found = if self.replacement {
                    match (0..r).rev().find(|&i| idx[i] != n - 1) {
                        Some(i) => {
                            let v = idx[i] + 1;
                            for x in idx[i..].iter_mut() {
                                *x = v;
                            }
                            true
                        }
                        None => false,
                    }
                } else {
                    match (0..r).rev().find(|&i| idx[i] != i + n - r) {
                        Some(i) => {
                            idx[i] += 1;
                            for j in i + 1..r {
                                idx[j] = idx[j - 1] + 1;
                            }
                            true
                        }
                        None => false,
                    }
                };
                if !found {
                    drop(idx);
                    self.phase.set(Phase::Done);
                    return Ok(None);
                }
            }
        }
        let idx = self.indices.borrow().clone();
        Ok(Some(tuple_of(vm, self.pool, &idx)))
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pool);
    }
    fn type_name(&self) -> &'static str {
        if self.replacement {
            "combinations_with_replacement"
        } else {
            "combinations"
        }
    }
}

fn combinations_common(
    vm: &mut Vm,
    params: &Params,
    args: &[Value],
    kw: Kwargs,
    replacement: bool,
) -> PyResult<Value> {
    let p = bind(vm, params, args, kw)?;
    let iterable = p[0].unwrap_or(Value::None);
    let r = ssize_arg(vm, p[1].unwrap_or(Value::None))?;
    let pool = to_tuple(vm, iterable)?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let n = pool.items.len();
    let r = r as usize;
    let done = if replacement { n == 0 && r > 0 } else { r > n };
    let indices = if done {
        Vec::new()
    } else if replacement {
        vec![0; r]
    } else {
        (0..r).collect()
    };
    Ok(new_native(
        vm,
        Combinations {
            pool,
            r,
            indices: RefCell::new(indices),
            phase: Cell::new(if done { Phase::Done } else { Phase::First }),
            replacement,
        },
    ))
}

const COMBINATIONS_PARAMS: Params = Params {
    fname: "combinations",
    names: &["iterable", "r"],
    posonly: 0,
    required: 2,
};

const CWR_PARAMS: Params = Params {
    fname: "combinations_with_replacement",
    names: &["iterable", "r"],
    posonly: 0,
    required: 2,
};

fn it_combinations(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    combinations_common(vm, &COMBINATIONS_PARAMS, args, kw, false)
}

fn it_combinations_with_replacement(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    combinations_common(vm, &CWR_PARAMS, args, kw, true)
}

// ---------------------------------------------------------------- accumulate

struct Accumulate {
    it: Value,
    func: Option<Value>,
    total: Cell<Option<Value>>,
    initial: Cell<Option<Value>>,
}

impl NativeIter for Accumulate {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if let Some(i) = self.initial.take() {
            self.total.set(Some(i));
            return Ok(Some(i));
        }
        let Some(val) = vm.iter_next(self.it)? else {
            return Ok(None);
        };
        let Some(total) = self.total.get() else {
            self.total.set(Some(val));
            return Ok(Some(val));
        };
        let new = rooted(vm, &[val, total], |vm| match self.func {
            Some(f) => vm.call_value(f, &[total, val], &[]),
            None => vm.binary_op(BinOp::Add, total, val),
        })?;
        self.total.set(Some(new));
        Ok(Some(new))
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.it);
        if let Some(f) = &self.func {
            t.mark_value(f);
        }
        mark_opt(t, &self.total);
        mark_opt(t, &self.initial);
    }
    fn type_name(&self) -> &'static str {
        "accumulate"
    }
}

const ACCUMULATE_PARAMS: Params = Params {
    fname: "accumulate",
    names: &["iterable", "func"],
    posonly: 0,
    required: 1,
};

fn it_accumulate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "accumulate() takes at most 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let initial = super::kwarg(kw, "initial").filter(|v| !v.is_none());
    let rest: Vec<(Gc<StrObj>, Value)> = kw
        .iter()
        .filter(|(k, _)| k.as_str() != "initial")
        .copied()
        .collect();
    let p = bind(vm, &ACCUMULATE_PARAMS, args, &rest)?;
    let it = vm.get_iter(p[0].unwrap_or(Value::None))?;
    Ok(new_native(
        vm,
        Accumulate {
            it,
            func: p[1].filter(|f| !f.is_none()),
            total: Cell::new(None),
            initial: Cell::new(initial),
        },
    ))
}

// ---------------------------------------------------------------- groupby

struct GroupByState {
    it: Value,
    keyfunc: Option<Value>,
    tgtkey: Cell<Option<Value>>,
    currkey: Cell<Option<Value>>,
    currvalue: Cell<Option<Value>>,
    /// The id of the group iterator currently allowed to advance (0 = none).
    currgrouper: Cell<u64>,
    next_id: Cell<u64>,
}

impl GroupByState {
    /// `groupby_step`: false when the underlying iterator is exhausted.
    fn step(&self, vm: &mut Vm) -> PyResult<bool> {
        let Some(newvalue) = vm.iter_next(self.it)? else {
            return Ok(false);
        };
        let newkey = match self.keyfunc {
            None => newvalue,
            Some(f) => rooted(vm, &[newvalue], |vm| vm.call_value(f, &[newvalue], &[]))?,
        };
        self.currvalue.set(Some(newvalue));
        self.currkey.set(Some(newkey));
        Ok(true)
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.it);
        if let Some(f) = &self.keyfunc {
            t.mark_value(f);
        }
        mark_opt(t, &self.tgtkey);
        mark_opt(t, &self.currkey);
        mark_opt(t, &self.currvalue);
    }
}

struct GroupBy(Rc<GroupByState>);

impl NativeIter for GroupBy {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let g = &self.0;
        g.currgrouper.set(0);
        loop {
            if let Some(ck) = g.currkey.get() {
                match g.tgtkey.get() {
                    None => break,
                    Some(tk) => {
                        if !rich_eq(vm, tk, ck)? {
                            break;
                        }
                    }
                }
            }
            if !g.step(vm)? {
                return Ok(None);
            }
        }
        let key = g.currkey.get().expect("groupby has a current key");
        g.tgtkey.set(Some(key));
        let id = g.next_id.get() + 1;
        g.next_id.set(id);
        g.currgrouper.set(id);
        let grouper = new_native(
            vm,
            Grouper {
                parent: g.clone(),
                tgtkey: key,
                id,
            },
        );
        Ok(Some(vm.new_tuple(vec![key, grouper])))
    }
    fn trace(&self, t: &mut Tracer) {
        self.0.trace(t);
    }
    fn type_name(&self) -> &'static str {
        "groupby"
    }
}

struct Grouper {
    parent: Rc<GroupByState>,
    tgtkey: Value,
    id: u64,
}

impl NativeIter for Grouper {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let g = &self.parent;
        if g.currgrouper.get() != self.id {
            return Ok(None);
        }
        if g.currvalue.get().is_none() && !g.step(vm)? {
            return Ok(None);
        }
        let ck = g.currkey.get().expect("groupby has a current key");
        if !rich_eq(vm, self.tgtkey, ck)? {
            return Ok(None);
        }
        let r = g.currvalue.take();
        g.currkey.set(None);
        Ok(r)
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.tgtkey);
        self.parent.trace(t);
    }
    fn type_name(&self) -> &'static str {
        "_grouper"
    }
}

const GROUPBY_PARAMS: Params = Params {
    fname: "groupby",
    names: &["iterable", "key"],
    posonly: 0,
    required: 1,
};

fn it_groupby(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = bind(vm, &GROUPBY_PARAMS, args, kw)?;
    let it = vm.get_iter(p[0].unwrap_or(Value::None))?;
    Ok(new_native(
        vm,
        GroupBy(Rc::new(GroupByState {
            it,
            keyfunc: p[1].filter(|f| !f.is_none()),
            tgtkey: Cell::new(None),
            currkey: Cell::new(None),
            currvalue: Cell::new(None),
            currgrouper: Cell::new(0),
            next_id: Cell::new(0),
        })),
    ))
}

// ---------------------------------------------------------------- zip_longest

struct ZipLongest {
    iters: RefCell<Vec<Option<Value>>>,
    fill: Value,
    numactive: Cell<usize>,
}

impl NativeIter for ZipLongest {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let n = self.iters.borrow().len();
        if n == 0 || self.numactive.get() == 0 {
            return Ok(None);
        }
        let base = vm.temp_roots.len();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let it = self.iters.borrow()[i];
            let item = match it {
                None => self.fill,
                Some(it) => match vm.iter_next(it) {
                    Ok(Some(v)) => {
                        vm.temp_roots.push(v);
                        v
                    }
                    Ok(None) => {
                        let left = self.numactive.get() - 1;
                        self.numactive.set(left);
                        if left == 0 {
                            vm.temp_roots.truncate(base);
                            return Ok(None);
                        }
                        self.iters.borrow_mut()[i] = None;
                        self.fill
                    }
                    Err(e) => {
                        self.numactive.set(0);
                        vm.temp_roots.truncate(base);
                        return Err(e);
                    }
                },
            };
            out.push(item);
        }
        vm.temp_roots.truncate(base);
        Ok(Some(vm.new_tuple(out)))
    }
    fn trace(&self, t: &mut Tracer) {
        for v in self.iters.borrow().iter().flatten() {
            t.mark_value(v);
        }
        t.mark_value(&self.fill);
    }
    fn type_name(&self) -> &'static str {
        "zip_longest"
    }
}

fn it_zip_longest(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let mut fill = Value::None;
    if !kw.is_empty() {
        match kw {
            [(k, v)] if k.as_str() == "fillvalue" => fill = *v,
            _ => {
                return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
            }
        }
    }
    let base = vm.temp_roots.len();
    let mut iters = Vec::with_capacity(args.len());
    for a in args {
        match vm.get_iter(*a) {
            Ok(it) => {
                vm.temp_roots.push(it);
                iters.push(Some(it));
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    let n = iters.len();
    Ok(new_native(
        vm,
        ZipLongest {
            iters: RefCell::new(iters),
            fill,
            numactive: Cell::new(n),
        },
    ))
}

// ---------------------------------------------------------------- starmap

struct Starmap {
    func: Value,
    it: Value,
}

impl NativeIter for Starmap {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(args) = vm.iter_next(self.it)? else {
            return Ok(None);
        };
        let func = self.func;
        rooted(vm, &[args], |vm| {
            let t = to_tuple(vm, args)?;
            vm.temp_roots.push(Value::Tuple(t));
            vm.call_value(func, &t.items, &[]).map(Some)
        })
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.func);
        t.mark_value(&self.it);
    }
    fn type_name(&self) -> &'static str {
        "starmap"
    }
}

/// `(function, iterable, /)`: the two-argument, positional-only signature.
fn func_and_iter(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs) -> PyResult<(Value, Value)> {
    super::no_kwargs(vm, name, kw)?;
    expect_args(vm, name, args, 2, 2)?;
    let it = vm.get_iter(args[1])?;
    Ok((args[0], it))
}

fn it_starmap(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (func, it) = func_and_iter(vm, "starmap", args, kw)?;
    Ok(new_native(vm, Starmap { func, it }))
}

// ---------------------------------------------------------------- takewhile / dropwhile

struct TakeWhile {
    func: Value,
    it: Value,
    stop: Cell<bool>,
}

impl NativeIter for TakeWhile {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.stop.get() {
            return Ok(None);
        }
        let Some(item) = vm.iter_next(self.it)? else {
            return Ok(None);
        };
        if call_truthy(vm, self.func, item)? {
            return Ok(Some(item));
        }
        self.stop.set(true);
        Ok(None)
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.func);
        t.mark_value(&self.it);
    }
    fn type_name(&self) -> &'static str {
        "takewhile"
    }
}

fn it_takewhile(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (func, it) = func_and_iter(vm, "takewhile", args, kw)?;
    Ok(new_native(
        vm,
        TakeWhile {
            func,
            it,
            stop: Cell::new(false),
        },
    ))
}

struct DropWhile {
    func: Value,
    it: Value,
    start: Cell<bool>,
}

impl NativeIter for DropWhile {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let Some(item) = vm.iter_next(self.it)? else {
                return Ok(None);
            };
            if self.start.get() {
                return Ok(Some(item));
            }
            if !call_truthy(vm, self.func, item)? {
                self.start.set(true);
                return Ok(Some(item));
            }
        }
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.func);
        t.mark_value(&self.it);
    }
    fn type_name(&self) -> &'static str {
        "dropwhile"
    }
}

fn it_dropwhile(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (func, it) = func_and_iter(vm, "dropwhile", args, kw)?;
    Ok(new_native(
        vm,
        DropWhile {
            func,
            it,
            start: Cell::new(false),
        },
    ))
}

// ---------------------------------------------------------------- compress / filterfalse

struct Compress {
    data: Value,
    selectors: Value,
}

impl NativeIter for Compress {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let Some(datum) = vm.iter_next(self.data)? else {
                return Ok(None);
            };
            let selectors = self.selectors;
            let ok = rooted(vm, &[datum], |vm| {
                let Some(sel) = vm.iter_next(selectors)? else {
                    return Ok(None);
                };
                vm.temp_roots.push(sel);
                vm.truthy(sel).map(Some)
            })?;
            match ok {
                None => return Ok(None),
                Some(true) => return Ok(Some(datum)),
                Some(false) => {}
            }
        }
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.data);
        t.mark_value(&self.selectors);
    }
    fn type_name(&self) -> &'static str {
        "compress"
    }
}

const COMPRESS_PARAMS: Params = Params {
    fname: "compress",
    names: &["data", "selectors"],
    posonly: 0,
    required: 2,
};

fn it_compress(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = bind(vm, &COMPRESS_PARAMS, args, kw)?;
    let data = vm.get_iter(p[0].unwrap_or(Value::None))?;
    let selectors = rooted(vm, &[data], |vm| vm.get_iter(p[1].unwrap_or(Value::None)))?;
    Ok(new_native(vm, Compress { data, selectors }))
}

struct FilterFalse {
    func: Value,
    it: Value,
}

impl NativeIter for FilterFalse {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let Some(item) = vm.iter_next(self.it)? else {
                return Ok(None);
            };
            let bool_type = Value::Type(vm.types.bool_);
            let ok = if self.func.is_none() || self.func.is(&bool_type) {
                rooted(vm, &[item], |vm| vm.truthy(item))?
            } else {
                call_truthy(vm, self.func, item)?
            };
            if !ok {
                return Ok(Some(item));
            }
        }
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.func);
        t.mark_value(&self.it);
    }
    fn type_name(&self) -> &'static str {
        "filterfalse"
    }
}

fn it_filterfalse(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (func, it) = func_and_iter(vm, "filterfalse", args, kw)?;
    Ok(new_native(vm, FilterFalse { func, it }))
}

// ---------------------------------------------------------------- tee

/// What the iterators made by one `tee` share: the underlying iterator and the
/// items some of them have not consumed yet.
struct TeeShared {
    it: Value,
    buf: RefCell<VecDeque<Value>>,
    /// Absolute index of `buf[0]`.
    base: Cell<usize>,
    /// Absolute position of every tee iterator (usize::MAX once freed).
    positions: RefCell<Vec<usize>>,
    running: Cell<bool>,
}

impl TeeShared {
    fn new_slot(&self, pos: usize) -> usize {
        let mut ps = self.positions.borrow_mut();
        ps.push(pos);
        ps.len() - 1
    }
    /// Drop the buffered items every live iterator has consumed.
    fn trim(&self) {
        let min = self
            .positions
            .borrow()
            .iter()
            .copied()
            .min()
            .unwrap_or(usize::MAX);
        let mut buf = self.buf.borrow_mut();
        while self.base.get() < min && !buf.is_empty() {
            buf.pop_front();
            self.base.set(self.base.get() + 1);
        }
    }
}

struct Tee {
    shared: Rc<TeeShared>,
    slot: usize,
}

impl Drop for Tee {
    fn drop(&mut self) {
        if let Ok(mut ps) = self.shared.positions.try_borrow_mut() {
            ps[self.slot] = usize::MAX;
        }
    }
}

impl NativeIter for Tee {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let s = &self.shared;
        let pos = s.positions.borrow()[self.slot];
        let buffered = s.buf.borrow().get(pos - s.base.get()).copied();
        let v = match buffered {
            Some(v) => v,
            None => {
                if s.running.get() {
                    return Err(
                        vm.new_exception_msg("RuntimeError", "cannot re-enter the tee iterator")
                    );
                }
                s.running.set(true);
                let r = vm.iter_next(s.it);
                s.running.set(false);
                let Some(v) = r? else {
                    return Ok(None);
                };
                s.buf.borrow_mut().push_back(v);
                v
            }
        };
        s.positions.borrow_mut()[self.slot] = pos + 1;
        s.trim();
        Ok(Some(v))
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.shared.it);
        for v in self.shared.buf.borrow().iter() {
            t.mark_value(v);
        }
    }
    fn type_name(&self) -> &'static str {
        "_tee"
    }
}

/// The `Tee` behind a `_tee` iterator value, if `v` is one.
fn as_tee(v: Value) -> Option<Rc<Tee>> {
    let Value::Iter(io) = v else { return None };
    let st = io.state.borrow();
    let IterState::Native(n) = &*st else {
        return None;
    };
    if n.type_name() != "_tee" {
        return None;
    }
    let raw = Rc::into_raw(n.clone()) as *const Tee;
    // SAFETY: only `Tee` reports the type name `_tee`, so the trait object's
    // data pointer points at a `Tee` allocated by `Rc::new`.
    Some(unsafe { Rc::from_raw(raw) })
}

fn tee_copy(vm: &mut Vm, shared: &Rc<TeeShared>, pos: usize) -> Value {
    let slot = shared.new_slot(pos);
    new_native(
        vm,
        Tee {
            shared: shared.clone(),
            slot,
        },
    )
}

fn it_tee(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "tee", kw)?;
    expect_args(vm, "tee", args, 1, 2)?;
    let n = match args.get(1) {
        Some(v) => ssize_arg(vm, *v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.empty_tuple);
    }
    let it = vm.get_iter(args[0])?;
    let mut out = Vec::with_capacity(n as usize);
    let (shared, pos) = match as_tee(it) {
        Some(t) => {
            // Tee iterators are copyable: the first result is the argument itself.
            out.push(it);
            let pos = t.shared.positions.borrow()[t.slot];
            (t.shared.clone(), pos)
        }
        None => {
            let shared = Rc::new(TeeShared {
                it,
                buf: RefCell::new(VecDeque::new()),
                base: Cell::new(0),
                positions: RefCell::new(Vec::new()),
                running: Cell::new(false),
            });
            (shared, 0)
        }
    };
    while out.len() < n as usize {
        let v = tee_copy(vm, &shared, pos);
        out.push(v);
    }
    Ok(vm.new_tuple(out))
}

// ---------------------------------------------------------------- pairwise

struct Pairwise {
    it: Cell<Option<Value>>,
    old: Cell<Option<Value>>,
}

impl NativeIter for Pairwise {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(it) = self.it.get() else {
            return Ok(None);
        };
        let old = match self.old.get() {
            Some(o) => o,
            None => match vm.iter_next(it) {
                Ok(Some(o)) => {
                    self.old.set(Some(o));
                    o
                }
                r => {
                    self.it.set(None);
                    return r.map(|_| None);
                }
            },
        };
        let new = match vm.iter_next(it) {
            Ok(Some(v)) => v,
            r => {
                self.it.set(None);
                self.old.set(None);
                return r.map(|_| None);
            }
        };
        self.old.set(Some(new));
        Ok(Some(vm.new_tuple(vec![old, new])))
    }
    fn trace(&self, t: &mut Tracer) {
        mark_opt(t, &self.it);
        mark_opt(t, &self.old);
    }
    fn type_name(&self) -> &'static str {
        "pairwise"
    }
}

fn it_pairwise(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "pairwise", kw)?;
    expect_args(vm, "pairwise", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    Ok(new_native(
        vm,
        Pairwise {
            it: Cell::new(Some(it)),
            old: Cell::new(None),
        },
    ))
}
