//! Iterators that drop items of their input: `takewhile`, `dropwhile`,
//! `compress` and `filterfalse`.

use std::cell::Cell;

use crate::builtins::functions::{bind, Params};
use crate::interp::vm::Vm;
use crate::runtime::heap::Tracer;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{call_truthy, func_and_iter, new_native, rooted};

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

pub(super) fn it_takewhile(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn it_dropwhile(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn it_compress(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn it_filterfalse(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (func, it) = func_and_iter(vm, "filterfalse", args, kw)?;
    Ok(new_native(vm, FilterFalse { func, it }))
}
