//! `collections.deque` protocols: iteration, `in`, comparisons, `repr`
//! and the `+` / `*` operators.

use std::cell::Cell;
use std::rc::Rc;

use crate::interp::ops::CmpOp;
use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::deque::{as_deque, copy_deque, deque_data, deque_extend, dq_self, mutated, DequeData};
use super::{arity, rich_eq, rooted, ssize};

struct DequeIter {
    deque: Gc<InstanceObj>,
    index: Cell<usize>,
    counter: Cell<usize>,
    state: u64,
    rev: bool,
}

impl NativeIter for DequeIter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(d) = self.deque.native::<DequeData>() else {
            return Ok(None);
        };
        if d.state.get() != self.state {
            self.counter.set(0);
            return Err(mutated(vm));
        }
        if self.counter.get() == 0 {
            return Ok(None);
        }
        let items = d.items.borrow();
        let k = self.index.get();
        let pos = if self.rev {
            items.len().checked_sub(k + 1)
        } else {
            Some(k)
        };
        let v = pos.and_then(|p| items.get(p).copied());
        self.index.set(k + 1);
        self.counter.set(self.counter.get() - 1);
        Ok(v)
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.deque);
    }
    fn type_name(&self) -> &'static str {
        if self.rev {
            "_deque_reverse_iterator"
        } else {
            "_deque_iterator"
        }
    }
}

fn make_deque_iter(vm: &mut Vm, args: &[Value], rev: bool) -> PyResult<Value> {
    let (_, i) = dq_self(vm, args, "__iter__")?;
    let d = deque_data(vm, &i, "__iter__")?;
    let it = DequeIter {
        deque: i,
        index: Cell::new(0),
        counter: Cell::new(d.len()),
        state: d.state.get(),
        rev,
    };
    Ok(vm.new_iter(IterState::Native(Rc::new(it))))
}

pub(super) fn deque_iter(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    make_deque_iter(vm, args, false)
}

pub(super) fn deque_reversed(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    make_deque_iter(vm, args, true)
}

pub(super) fn deque_contains(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "__contains__")?;
    arity(vm, "__contains__", args, 1, 1)?;
    let x = args[1];
    let d = deque_data(vm, &i, "__contains__")?;
    let state = d.state.get();
    let items = d.snapshot();
    let mut roots = items.clone();
    roots.push(obj);
    roots.push(x);
    let r = rooted(vm, &roots, |vm| {
        for v in items {
            let eq = rich_eq(vm, v, x)?;
            if d.state.get() != state {
                return Err(mutated(vm));
            }
            if eq {
                return Ok(true);
            }
        }
        Ok(false)
    })?;
    Ok(Value::Bool(r))
}

fn deque_compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (obj, _) = dq_self(vm, args, "__eq__")?;
    let Some(other) = args.get(1).copied() else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let (Some(a), Some(b)) = (as_deque(obj), as_deque(other)) else {
        return Ok(Value::NotImplemented);
    };
    let xs = a
        .native::<DequeData>()
        .map(|d| d.snapshot())
        .unwrap_or_default();
    let ys = b
        .native::<DequeData>()
        .map(|d| d.snapshot())
        .unwrap_or_default();
    if xs.len() != ys.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    let mut roots = xs.clone();
    roots.extend_from_slice(&ys);
    rooted(vm, &roots, |vm| {
        let n = xs.len().min(ys.len());
        for k in 0..n {
            if !rich_eq(vm, xs[k], ys[k])? {
                return match op {
                    CmpOp::Eq => Ok(Value::Bool(false)),
                    CmpOp::Ne => Ok(Value::Bool(true)),
                    _ => vm.compare_op(op, xs[k], ys[k]),
                };
            }
        }
        let (x, y) = (xs.len(), ys.len());
        Ok(Value::Bool(match op {
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        }))
    })
}

pub(super) fn deque_eq(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Eq)
}
pub(super) fn deque_ne(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Ne)
}
pub(super) fn deque_lt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Lt)
}
pub(super) fn deque_le(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Le)
}
pub(super) fn deque_gt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Gt)
}
pub(super) fn deque_ge(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    deque_compare(vm, args, CmpOp::Ge)
}

pub(super) fn deque_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "__repr__")?;
    let d = deque_data(vm, &i, "__repr__")?;
    let items = d.snapshot();
    let ml = d.maxlen.get();
    let mut roots = items.clone();
    roots.push(obj);
    let mut s = String::new();
    s.push_str(i.class.name.as_str());
    s.push_str("([");
    rooted(vm, &roots, |vm| {
        for (k, v) in items.iter().enumerate() {
            if k > 0 {
                s.push_str(", ");
            }
            if v.is(&obj) {
                s.push_str("[...]");
            } else {
                s.push_str(&vm.repr(*v)?);
            }
        }
        Ok(())
    })?;
    s.push(']');
    if let Some(m) = ml {
        s.push_str(&format!(", maxlen={m}"));
    }
    s.push(')');
    Ok(vm.new_str(s))
}

pub(super) fn deque_add(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "__add__")?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    let Some(o) = as_deque(other) else {
        let tn = vm.type_name(other);
        return Err(vm.type_error(&format!(
            "can only concatenate deque (not \"{tn}\") to deque"
        )));
    };
    let new = copy_deque(vm, obj, i)?;
    let extra = o
        .native::<DequeData>()
        .map(|d| d.snapshot())
        .unwrap_or_default();
    if let Some(nd) = as_deque(new) {
        let d = nd.native::<DequeData>().expect("deque");
        for v in extra {
            d.push_back(v);
        }
    }
    Ok(new)
}

pub(super) fn deque_iadd(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    deque_extend(vm, args, kw)?;
    Ok(args[0])
}

fn repeat_count(vm: &mut Vm, args: &[Value]) -> PyResult<Option<i64>> {
    match args.get(1) {
        Some(v @ (Value::Int(_) | Value::Bool(_))) => Ok(Some(ssize(vm, *v)?)),
        _ => Ok(None),
    }
}

pub(super) fn deque_mul(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, i) = dq_self(vm, args, "__mul__")?;
    let Some(n) = repeat_count(vm, args)? else {
        return Ok(Value::NotImplemented);
    };
    let new = copy_deque(vm, obj, i)?;
    repeat_in_place(vm, new, n)?;
    Ok(new)
}

pub(super) fn deque_imul(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, _) = dq_self(vm, args, "__imul__")?;
    let Some(n) = repeat_count(vm, args)? else {
        return Ok(Value::NotImplemented);
    };
    repeat_in_place(vm, obj, n)?;
    Ok(obj)
}

fn repeat_in_place(_vm: &mut Vm, dv: Value, n: i64) -> PyResult<()> {
    let Some(di) = as_deque(dv) else {
        return Ok(());
    };
    let d = di.native::<DequeData>().expect("deque");
    let items = d.snapshot();
    if n <= 0 {
        d.items.borrow_mut().clear();
        d.bump();
        return Ok(());
    }
    for _ in 1..n {
        for v in &items {
            d.push_back(*v);
        }
    }
    Ok(())
}
