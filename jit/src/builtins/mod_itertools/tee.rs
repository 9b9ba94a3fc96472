//! `tee`: several iterators reading one underlying iterator through a
//! shared buffer.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use crate::builtins::functions::expect_args;
use crate::interp::vm::Vm;
use crate::runtime::heap::Tracer;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{new_native, ssize_arg};

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

pub(super) fn it_tee(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "tee", kw)?;
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
