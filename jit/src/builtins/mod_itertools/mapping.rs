//! Iterators that compute each item from their input: `accumulate` and
//! `starmap`.

use std::cell::Cell;

use crate::builtins::functions::{bind, Params};
use crate::interp::ops::BinOp;
use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{func_and_iter, mark_opt, new_native, rooted, to_tuple};

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

pub(super) fn it_accumulate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "accumulate() takes at most 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let initial = crate::builtins::kwarg(kw, "initial").filter(|v| !v.is_none());
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

pub(super) fn it_starmap(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (func, it) = func_and_iter(vm, "starmap", args, kw)?;
    Ok(new_native(vm, Starmap { func, it }))
}
