//! Iteration built-ins: `sorted`, `reversed`, `enumerate`, `zip`, `map`,
//! `filter`, `any`, `all`. The lazy ones build an `IterState` that the
//! runtime's `iter_next` steps.

use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{check_kw_names, expect_args, index_int};

pub fn install(vm: &mut Vm) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("sorted", sorted),
        ("reversed", reversed),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("any", any),
        ("all", all),
    ];
    for (name, f) in fns {
        crate::builtins::add_function(vm, name, *f);
    }
}

fn sorted(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    expect_args(vm, "sorted", args, 1, 1)?;
    let mut items = vm.collect_iterable(args[0])?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let r = (|| {
        // The rest is list.sort's argument handling, with its name in messages.
        check_kw_names(vm, "sort", kw, &["key", "reverse"])?;
        let key = crate::builtins::kwarg(kw, "key").filter(|k| !k.is_none());
        let reverse = match crate::builtins::kwarg(kw, "reverse") {
            Some(r) => match index_int(vm, r)? {
                Value::Int(i) => i != 0,
                _ => {
                    return Err(vm.new_exception_msg(
                        "OverflowError",
                        "Python int too large to convert to C int",
                    ))
                }
            },
            None => false,
        };
        super::functions_sort::sort_values(vm, &mut items, key, reverse)
    })();
    vm.temp_roots.truncate(base);
    r?;
    Ok(vm.new_list(items))
}

fn reversed(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "reversed", kw)?;
    expect_args(vm, "reversed", args, 1, 1)?;
    let v = args[0];
    let st = match v {
        Value::List(l) => {
            let n = l.items.borrow().len();
            IterState::SeqRev {
                seq: v,
                index: n as isize - 1,
            }
        }
        Value::Tuple(t) => IterState::SeqRev {
            seq: v,
            index: t.items.len() as isize - 1,
        },
        Value::Range(r) => r.reversed_iter_state(),
        // str and dict have no reverse-iterator state of their own: iterate
        // a snapshot tuple backwards.
        Value::Str(s) => {
            let mut chars = Vec::with_capacity(s.char_len());
            let mut buf = [0u8; 4];
            for c in s.as_str().chars() {
                chars.push(Value::Str(vm.intern(c.encode_utf8(&mut buf))));
            }
            let n = chars.len();
            let t = vm.new_tuple(chars);
            IterState::SeqRev {
                seq: t,
                index: n as isize - 1,
            }
        }
        Value::Dict(d) => {
            let keys: Vec<Value> = d.table.borrow().keys().collect();
            let n = keys.len();
            let t = vm.new_tuple(keys);
            IterState::SeqRev {
                seq: t,
                index: n as isize - 1,
            }
        }
        Value::DictView(dv) => {
            let entries: Vec<(Value, Value)> = dv.dict.table.borrow().iter().collect();
            let mut items = Vec::with_capacity(entries.len());
            for (k, x) in entries {
                items.push(match dv.kind {
                    DictViewKind::Keys => k,
                    DictViewKind::Values => x,
                    DictViewKind::Items => vm.new_tuple(vec![k, x]),
                });
            }
            let n = items.len();
            let t = vm.new_tuple(items);
            IterState::SeqRev {
                seq: t,
                index: n as isize - 1,
            }
        }
        Value::Bytes(b) => {
            let items: Vec<Value> = b.b.iter().map(|x| Value::Int(*x as i64)).collect();
            let n = items.len();
            let t = vm.new_tuple(items);
            IterState::SeqRev {
                seq: t,
                index: n as isize - 1,
            }
        }
        Value::Instance(_) => {
            if let Some(r) = super::call_dunder(vm, v, "__reversed__", &[])? {
                return Ok(r);
            }
            return Err(not_reversible(vm, v));
        }
        _ => return Err(not_reversible(vm, v)),
    };
    Ok(vm.new_iter(st))
}

fn not_reversible(vm: &mut Vm, v: Value) -> PyExc {
    let tn = vm.type_name(v);
    vm.type_error(&format!("'{tn}' object is not reversible"))
}

/// `enumerate(iterable, start=0)`, with the hand-written argument checks of
/// CPython 3.11's `enum_vectorcall` (its messages differ from Argument Clinic's).
fn enumerate(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let (nargs, nkw) = (args.len(), kw.len());
    let all: Vec<Value> = args
        .iter()
        .copied()
        .chain(kw.iter().map(|(_, v)| *v))
        .collect();
    let name = |i: usize| kw.get(i).map(|(k, _)| k.as_str()).unwrap_or("");
    let invalid = |vm: &mut Vm, i: usize| {
        let msg = format!(
            "'{}' is an invalid keyword argument for enumerate()",
            name(i)
        );
        Err(vm.type_error(&msg))
    };
    match nargs + nkw {
        2 => {
            if nkw == 1 && name(0) != "start" {
                return invalid(vm, 0);
            }
            if nkw == 2 {
                if name(0) == "start" {
                    if name(1) != "iterable" {
                        return invalid(vm, 1);
                    }
                    return make_enumerate(vm, all[1], Some(all[0]));
                }
                if name(0) != "iterable" {
                    return invalid(vm, 0);
                }
                if name(1) != "start" {
                    return invalid(vm, 1);
                }
            }
            make_enumerate(vm, all[0], Some(all[1]))
        }
        1 => {
            if nkw == 1 && name(0) != "iterable" {
                return invalid(vm, 0);
            }
            make_enumerate(vm, all[0], None)
        }
        _ if nargs == 0 => Err(vm.type_error("enumerate() missing required argument 'iterable'")),
        n => Err(vm.type_error(&format!(
            "enumerate() takes at most 2 arguments ({n} given)"
        ))),
    }
}

fn make_enumerate(vm: &mut Vm, iterable: Value, start: Option<Value>) -> PyResult<Value> {
    // CPython converts `start` before it asks for the iterator.
    let count = match start {
        Some(s) => index_int(vm, s)?,
        None => Value::Int(0),
    };
    vm.temp_roots.push(count);
    let inner = vm.get_iter(iterable);
    vm.temp_roots.pop();
    let inner = inner?;
    Ok(vm.new_iter(IterState::Enumerate { inner, count }))
}

fn zip(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    check_kw_names(vm, "zip", kw, &["strict"])?;
    let strict = match crate::builtins::kwarg(kw, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let iters = get_iters(vm, args)?;
    Ok(vm.new_iter(IterState::Zip { iters, strict }))
}

/// An iterator for each argument, in order (rooted while the rest are made).
fn get_iters(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<Value>> {
    let base = vm.temp_roots.len();
    let mut iters = Vec::with_capacity(args.len());
    for a in args {
        match vm.get_iter(*a) {
            Ok(it) => {
                vm.temp_roots.push(it);
                iters.push(it);
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    Ok(iters)
}

fn map(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "map", kw)?;
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let iters = get_iters(vm, &args[1..])?;
    Ok(vm.new_iter(IterState::Map {
        func: args[0],
        iters,
    }))
}

fn filter(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "filter", kw)?;
    expect_args(vm, "filter", args, 2, 2)?;
    let inner = vm.get_iter(args[1])?;
    Ok(vm.new_iter(IterState::Filter {
        func: args[0],
        inner,
    }))
}

fn any(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    any_all(vm, "any", args, kw, true)
}

fn all(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    any_all(vm, "all", args, kw, false)
}

/// `any` stops at the first true item, `all` at the first false one.
fn any_all(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs, stop_on: bool) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, name, kw)?;
    crate::builtins::check_arity(vm, name, args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    let r = (|| {
        while let Some(x) = vm.iter_next(it)? {
            if vm.truthy(x)? == stop_on {
                return Ok(stop_on);
            }
        }
        Ok(!stop_on)
    })();
    vm.temp_roots.pop();
    r.map(Value::Bool)
}
