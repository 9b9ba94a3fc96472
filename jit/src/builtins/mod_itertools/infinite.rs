//! The infinite iterators: `count`, `cycle` and `repeat`.

use std::cell::{Cell, RefCell};

use crate::builtins::functions::{bind, expect_args, Params};
use crate::interp::ops::BinOp;
use crate::interp::vm::Vm;
use crate::runtime::heap::Tracer;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{mark_opt, new_native, ssize_arg};

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

pub(super) fn it_count(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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

pub(super) fn it_cycle(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "cycle", kw)?;
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

pub(super) fn it_repeat(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
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
