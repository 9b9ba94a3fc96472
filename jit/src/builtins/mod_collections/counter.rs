//! `collections.Counter`: counting updates, `most_common`, `elements`,
//! the multiset operators and comparisons.

use crate::builtins::dict_ops::{dict_get, dict_remove, dict_set};
use crate::interp::ops::{BinOp, CmpOp};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::dictlike::{dict_items, self_dict};
use super::{arity, find_base, is_instance_of, rooted, ssize};

const CTR: &str = "collections.Counter";

/// The dict behind a mapping argument (a dict or an instance extending one).
pub(super) fn mapping_dict(v: Value) -> Option<Gc<DictObj>> {
    match v {
        Value::Dict(d) => Some(d),
        Value::Instance(i) => match i.payload() {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

fn get0(vm: &mut Vm, d: Gc<DictObj>, k: Value) -> PyResult<Value> {
    Ok(dict_get(vm, d, k)?.unwrap_or(Value::Int(0)))
}

/// Add (`sign` = Add) or subtract counts from `src` into `d`.
fn counter_merge(
    vm: &mut Vm,
    d: Gc<DictObj>,
    src: Option<Value>,
    kw: Kwargs,
    op: BinOp,
) -> PyResult<()> {
    if let Some(src) = src {
        if let Some(m) = mapping_dict(src) {
            let pairs = dict_items(m);
            let mut roots: Vec<Value> = pairs.iter().flat_map(|(k, v)| [*k, *v]).collect();
            roots.push(src);
            rooted(vm, &roots, |vm| {
                for (k, c) in pairs {
                    let old = get0(vm, d, k)?;
                    let new = if op == BinOp::Add {
                        vm.binary_op(BinOp::Add, c, old)?
                    } else {
                        vm.binary_op(BinOp::Sub, old, c)?
                    };
                    vm.temp_roots.push(new);
                    dict_set(vm, d, k, new)?;
                }
                Ok(())
            })?;
        } else if !src.is_none() {
            let it = rooted(vm, &[src], |vm| vm.get_iter(src))?;
            rooted(vm, &[src, it], |vm| {
                while let Some(e) = vm.iter_next(it)? {
                    vm.temp_roots.push(e);
                    let old = get0(vm, d, e)?;
                    let new = vm.binary_op(op, old, Value::Int(1))?;
                    vm.temp_roots.push(new);
                    dict_set(vm, d, e, new)?;
                    vm.temp_roots.pop();
                    vm.temp_roots.pop();
                }
                Ok(())
            })?;
        }
    }
    for (k, c) in kw {
        let k = Value::Str(*k);
        let old = get0(vm, d, k)?;
        let new = if op == BinOp::Add {
            vm.binary_op(BinOp::Add, *c, old)?
        } else {
            vm.binary_op(BinOp::Sub, old, *c)?
        };
        rooted(vm, &[new], |vm| dict_set(vm, d, k, new))?;
    }
    Ok(())
}

pub(super) fn counter_init(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "__init__", CTR)?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "Counter.__init__() takes from 1 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    counter_merge(vm, d, args.get(1).copied(), kw, BinOp::Add)?;
    Ok(Value::None)
}

pub(super) fn counter_update(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "update", CTR)?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "Counter.update() takes from 1 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    counter_merge(vm, d, args.get(1).copied(), kw, BinOp::Add)?;
    Ok(Value::None)
}

pub(super) fn counter_subtract(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "subtract", CTR)?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "Counter.subtract() takes from 1 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    counter_merge(vm, d, args.get(1).copied(), kw, BinOp::Sub)?;
    Ok(Value::None)
}

pub(super) fn counter_missing(_vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(0))
}

pub(super) fn counter_delitem(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "__delitem__", CTR)?;
    arity(vm, "__delitem__", args, 1, 1)?;
    dict_remove(vm, d, args[1])?;
    Ok(Value::None)
}

/// Items sorted by count, largest first, ties in insertion order.
fn sorted_items(vm: &mut Vm, d: Gc<DictObj>) -> PyResult<Vec<(Value, Value)>> {
    let mut pairs = dict_items(d);
    let roots: Vec<Value> = pairs.iter().flat_map(|(k, v)| [*k, *v]).collect();
    rooted(vm, &roots, |vm| {
        let mut err = None;
        pairs.sort_by(|a, b| {
            if err.is_some() {
                return std::cmp::Ordering::Equal;
            }
            match vm.less_than(b.1, a.1) {
                Ok(true) => std::cmp::Ordering::Less,
                Ok(false) => match vm.less_than(a.1, b.1) {
                    Ok(true) => std::cmp::Ordering::Greater,
                    Ok(false) => std::cmp::Ordering::Equal,
                    Err(e) => {
                        err = Some(e);
                        std::cmp::Ordering::Equal
                    }
                },
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            }
        });
        match err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    })?;
    Ok(pairs)
}

pub(super) fn counter_most_common(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "most_common", CTR)?;
    let mut n = args.get(1).copied();
    for (k, v) in kw {
        if k.as_str() == "n" && n.is_none() {
            n = Some(*v);
        } else {
            return Err(vm.type_error(&format!(
                "Counter.most_common() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    let mut pairs = sorted_items(vm, d)?;
    if let Some(n) = n {
        if !n.is_none() {
            let k = ssize(vm, n)?;
            pairs.truncate(k.max(0) as usize);
        }
    }
    let items: Vec<Value> = pairs
        .into_iter()
        .map(|(k, v)| vm.new_tuple(vec![k, v]))
        .collect();
    Ok(vm.new_list(items))
}

pub(super) fn counter_elements(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "elements", CTR)?;
    let mut out = Vec::new();
    for (k, c) in dict_items(d) {
        let n = match c {
            Value::Int(n) => n,
            Value::Bool(b) => b as i64,
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
        };
        for _ in 0..n.max(0) {
            out.push(k);
        }
    }
    let l = vm.new_list(out);
    vm.get_iter(l)
}

/// `Counter.fromkeys`: refused, as CPython's Counter overrides it (the
/// inherited dict.fromkeys would make every count the same value).
pub(super) fn counter_fromkeys(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Err(vm.new_exception_msg(
        "NotImplementedError",
        "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.",
    ))
}

pub(super) fn counter_total(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (_, d) = self_dict(vm, args, "total", CTR)?;
    let vals: Vec<Value> = d.table.borrow().values().collect();
    rooted(vm, &vals.clone(), |vm| {
        let mut acc = Value::Int(0);
        for v in vals {
            acc = vm.binary_op(BinOp::Add, acc, v)?;
            vm.temp_roots.push(acc);
        }
        Ok(acc)
    })
}

pub(super) fn counter_copy(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, _) = self_dict(vm, args, "copy", CTR)?;
    let cls = Value::Type(vm.type_of(obj));
    rooted(vm, &[obj], |vm| vm.call_value(cls, &[obj], &[]))
}

pub(super) fn counter_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (obj, d) = self_dict(vm, args, "__repr__", CTR)?;
    let tn = vm.type_name(obj);
    if d.table.borrow().is_empty() {
        return Ok(vm.new_str(format!("{tn}()")));
    }
    let pairs = sorted_items(vm, d)?;
    let mut roots: Vec<Value> = pairs.iter().flat_map(|(k, v)| [*k, *v]).collect();
    roots.push(obj);
    let mut s = format!("{tn}({{");
    rooted(vm, &roots, |vm| {
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&vm.repr(*k)?);
            s.push_str(": ");
            s.push_str(&vm.repr(*v)?);
        }
        Ok(())
    })?;
    s.push_str("})");
    Ok(vm.new_str(s))
}

/// A new, empty plain Counter (what the operators return).
fn new_counter(vm: &mut Vm, like: Value) -> PyResult<(Value, Gc<DictObj>)> {
    let cls = match like {
        Value::Instance(i) => find_base(i.class, "Counter"),
        _ => None,
    };
    let Some(cls) = cls else {
        return Err(vm.type_error("not a Counter"));
    };
    let d = vm.new_dict();
    let Value::Dict(dd) = d else { unreachable!() };
    let inst = Value::Instance(
        vm.heap
            .alloc(InstanceObj::with_ext(cls, InstExt::Payload(d))),
    );
    Ok((inst, dd))
}

fn positive(vm: &mut Vm, v: Value) -> PyResult<bool> {
    vm.less_than(Value::Int(0), v)
}

fn counter_binop(vm: &mut Vm, args: &[Value], which: u8) -> PyResult<Value> {
    let (obj, a) = self_dict(vm, args, "__add__", CTR)?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    if !is_instance_of(other, "Counter") {
        return Ok(Value::NotImplemented);
    }
    let b = mapping_dict(other).expect("Counter payload");
    let (res, r) = new_counter(vm, obj)?;
    let pa = dict_items(a);
    let pb = dict_items(b);
    let mut roots: Vec<Value> = pa
        .iter()
        .chain(pb.iter())
        .flat_map(|(k, v)| [*k, *v])
        .collect();
    roots.extend_from_slice(&[obj, other, res]);
    rooted(vm, &roots, |vm| {
        for (k, c) in &pa {
            let oc = get0(vm, b, *k)?;
            let new = match which {
                0 => vm.binary_op(BinOp::Add, *c, oc)?,
                1 => vm.binary_op(BinOp::Sub, *c, oc)?,
                2 => {
                    if vm.less_than(*c, oc)? {
                        oc
                    } else {
                        *c
                    }
                }
                _ => {
                    if vm.less_than(*c, oc)? {
                        *c
                    } else {
                        oc
                    }
                }
            };
            vm.temp_roots.push(new);
            if positive(vm, new)? {
                dict_set(vm, r, *k, new)?;
            }
        }
        if which == 3 {
            return Ok(());
        }
        for (k, c) in &pb {
            if dict_get(vm, a, *k)?.is_some() {
                continue;
            }
            if which == 1 {
                if vm.less_than(*c, Value::Int(0))? {
                    let n = vm.binary_op(BinOp::Sub, Value::Int(0), *c)?;
                    vm.temp_roots.push(n);
                    dict_set(vm, r, *k, n)?;
                }
            } else if positive(vm, *c)? {
                dict_set(vm, r, *k, *c)?;
            }
        }
        Ok(())
    })?;
    Ok(res)
}

pub(super) fn counter_add(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_binop(vm, args, 0)
}
pub(super) fn counter_sub(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_binop(vm, args, 1)
}
pub(super) fn counter_or(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_binop(vm, args, 2)
}
pub(super) fn counter_and(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_binop(vm, args, 3)
}

fn counter_unary(vm: &mut Vm, args: &[Value], neg: bool) -> PyResult<Value> {
    let (obj, a) = self_dict(vm, args, "__pos__", CTR)?;
    let (res, r) = new_counter(vm, obj)?;
    let pa = dict_items(a);
    let mut roots: Vec<Value> = pa.iter().flat_map(|(k, v)| [*k, *v]).collect();
    roots.extend_from_slice(&[obj, res]);
    rooted(vm, &roots, |vm| {
        for (k, c) in pa {
            if neg {
                if vm.less_than(c, Value::Int(0))? {
                    let n = vm.binary_op(BinOp::Sub, Value::Int(0), c)?;
                    vm.temp_roots.push(n);
                    dict_set(vm, r, k, n)?;
                }
            } else if positive(vm, c)? {
                dict_set(vm, r, k, c)?;
            }
        }
        Ok(())
    })?;
    Ok(res)
}

pub(super) fn counter_pos(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_unary(vm, args, false)
}
pub(super) fn counter_neg(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    counter_unary(vm, args, true)
}

/// `all(self[e] OP other[e] for c in (self, other) for e in c)`, or None
/// (NotImplemented) when other is no Counter.
fn counter_all(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Option<bool>> {
    let (obj, a) = self_dict(vm, args, "__eq__", CTR)?;
    let other = args.get(1).copied().unwrap_or(Value::None);
    if !is_instance_of(other, "Counter") {
        return Ok(None);
    }
    let b = mapping_dict(other).expect("Counter payload");
    let keys: Vec<Value> = a
        .table
        .borrow()
        .keys()
        .chain(b.table.borrow().keys().collect::<Vec<_>>())
        .collect();
    let mut roots = keys.clone();
    roots.extend_from_slice(&[obj, other]);
    rooted(vm, &roots, |vm| {
        for k in keys {
            let x = get0(vm, a, k)?;
            let y = get0(vm, b, k)?;
            let r = vm.compare_op(op, x, y)?;
            if !vm.truthy(r)? {
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    })
}

pub(super) fn counter_eq(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Eq)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}
pub(super) fn counter_ne(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Eq)? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}
pub(super) fn counter_le(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Le)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}
pub(super) fn counter_ge(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Ge)? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}
pub(super) fn counter_lt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Le)? {
        Some(true) => Value::Bool(!counter_all(vm, args, CmpOp::Eq)?.unwrap_or(false)),
        Some(false) => Value::Bool(false),
        None => Value::NotImplemented,
    })
}
pub(super) fn counter_gt(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match counter_all(vm, args, CmpOp::Ge)? {
        Some(true) => Value::Bool(!counter_all(vm, args, CmpOp::Eq)?.unwrap_or(false)),
        Some(false) => Value::Bool(false),
        None => Value::NotImplemented,
    })
}
