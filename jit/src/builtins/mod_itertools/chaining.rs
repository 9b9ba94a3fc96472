//! Iterators that join or cut their inputs: `chain` (and
//! `chain.from_iterable`), `islice`, `zip_longest` and `pairwise`.

use std::cell::{Cell, RefCell};

use crate::builtins::functions::expect_args;
use crate::interp::vm::Vm;
use crate::runtime::heap::Tracer;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{mark_opt, new_native, rooted, ssize_or_minus_one};

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

pub(super) fn it_chain(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "chain", kw)?;
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

pub(super) fn chain_from_iterable(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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
    crate::builtins::no_kwargs(vm, "chain.from_iterable", kw)?;
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

pub(super) fn it_islice(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "islice", kw)?;
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

pub(super) fn it_zip_longest(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn it_pairwise(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "pairwise", kw)?;
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
