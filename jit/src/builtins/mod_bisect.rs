//! The `bisect` module: CPython's `_bisect` (bisect_left/right, insort_left/right
//! with lo, hi and key), comparing with `<` exactly as the C code does.

use crate::builtins::functions::{bind, Params};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("bisect", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("bisect_left", bisect_left),
        ("bisect_right", bisect_right),
        ("bisect", bisect_right),
        ("insort_left", insort_left),
        ("insort_right", insort_right),
        ("insort", insort_right),
    ];
    super::set_functions(vm, m, fns);
    m
}

/// `len(v)`, through the built-in `len` for anything but the common types.
pub(crate) fn py_len(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::List(l) => Ok(l.items.borrow().len() as i64),
        Value::Tuple(t) => Ok(t.items.len() as i64),
        _ => {
            let f = vm.builtins.get("len").copied().unwrap_or(Value::None);
            match vm.call_value(f, &[v], &[])? {
                Value::Int(n) => Ok(n),
                _ => Ok(i64::MAX),
            }
        }
    }
}

/// `a[i]` (a list is read directly).
pub(crate) fn item_at(vm: &mut Vm, a: Value, i: i64) -> PyResult<Value> {
    if let Value::List(l) = a {
        if let Some(v) = l.items.borrow().get(i as usize) {
            return Ok(*v);
        }
    }
    vm.getitem(a, Value::Int(i))
}

struct Args {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Option<Value>,
}

fn parse(vm: &mut Vm, fname: &'static str, args: &[Value], kw: Kwargs) -> PyResult<Args> {
    let params: &'static Params = match fname {
        "bisect_left" => &Params {
            fname: "bisect_left",
            names: &["a", "x", "lo", "hi", "key"],
            posonly: 0,
            required: 2,
        },
        "bisect_right" => &Params {
            fname: "bisect_right",
            names: &["a", "x", "lo", "hi", "key"],
            posonly: 0,
            required: 2,
        },
        "insort_left" => &Params {
            fname: "insort_left",
            names: &["a", "x", "lo", "hi", "key"],
            posonly: 0,
            required: 2,
        },
        _ => &Params {
            fname: "insort_right",
            names: &["a", "x", "lo", "hi", "key"],
            posonly: 0,
            required: 2,
        },
    };
    if args.len() > 4 {
        return Err(vm.type_error(&format!(
            "{fname}() takes at most 4 positional arguments ({} given)",
            args.len()
        )));
    }
    let p = bind(vm, params, args, kw)?;
    let lo = match p[2] {
        None => 0,
        Some(v) => crate::builtins::functions::index_i64_clamped(vm, v)?,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let hi = match p[3] {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::builtins::functions::index_i64_clamped(vm, v)?),
    };
    Ok(Args {
        a: p[0].unwrap_or(Value::None),
        x: p[1].unwrap_or(Value::None),
        lo,
        hi,
        key: p[4].filter(|k| !k.is_none()),
    })
}

/// The C `internal_bisect_right`/`internal_bisect_left`.
fn search(
    vm: &mut Vm,
    a: Value,
    x: Value,
    mut lo: i64,
    hi: Option<i64>,
    key: Option<Value>,
    right: bool,
) -> PyResult<i64> {
    let mut hi = match hi {
        Some(h) => h,
        None => py_len(vm, a)?,
    };
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&[a, x, Value::None]);
    let r = (|| -> PyResult<i64> {
        while lo < hi {
            let mid = ((lo as u64 + hi as u64) / 2) as i64;
            let mut item = item_at(vm, a, mid)?;
            if let Some(k) = key {
                vm.temp_roots[base + 2] = item;
                item = vm.call_value(k, &[item], &[])?;
            }
            vm.temp_roots[base + 2] = item;
            if right {
                if vm.less_than(x, item)? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            } else if vm.less_than(item, x)? {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Ok(lo)
    })();
    vm.temp_roots.truncate(base);
    r
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = parse(vm, "bisect_left", args, kw)?;
    search(vm, p.a, p.x, p.lo, p.hi, p.key, false).map(Value::Int)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = parse(vm, "bisect_right", args, kw)?;
    search(vm, p.a, p.x, p.lo, p.hi, p.key, true).map(Value::Int)
}

fn insort(vm: &mut Vm, args: &[Value], kw: Kwargs, right: bool) -> PyResult<Value> {
    let p = parse(
        vm,
        if right { "insort_right" } else { "insort_left" },
        args,
        kw,
    )?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&[p.a, p.x]);
    let r = (|| -> PyResult<Value> {
        let kx = match p.key {
            Some(k) => vm.call_value(k, &[p.x], &[])?,
            None => p.x,
        };
        vm.temp_roots.push(kx);
        let i = search(vm, p.a, kx, p.lo, p.hi, p.key, right)?;
        if let Value::List(l) = p.a {
            let mut items = l.items.borrow_mut();
            let i = (i.max(0) as usize).min(items.len());
            items.insert(i, p.x);
            return Ok(Value::None);
        }
        let name = vm.intern_static("insert");
        let f = vm.getattr(p.a, name)?;
        vm.temp_roots.push(f);
        vm.call_value(f, &[Value::Int(i), p.x], &[])?;
        Ok(Value::None)
    })();
    vm.temp_roots.truncate(base);
    r
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    insort(vm, args, kw, false)
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    insort(vm, args, kw, true)
}
