//! The `random` module: CPython 3.11's Mersenne Twister (`_random.Random`) and
//! the pure-Python methods of random.py ported step for step, so seeded
//! programs produce the same sequences as CPython.
//!
//! The generator state lives in a hidden list bound as `self` to every module
//! function (CPython's module-level functions are bound methods of one hidden
//! `Random` instance): items 0..624 are the MT words, 624 is the index, 625
//! is `gauss_next` (None or a float).
//!
//! # Layout
//!
//! This file holds `make`, the method table and `args_exact` (the argument
//! parser every function uses); `generator` and `sha512` hold the generator
//! state, `draws`, `sequences` and `distributions` the functions of random.py.

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

mod distributions;
mod draws;
mod generator;
mod sequences;
mod sha512;

use distributions::*;
use draws::*;
use generator::*;
use sequences::*;

const N: usize = 624;
const M: usize = 397;
const IDX: usize = 624;
const GAUSS: usize = 625;

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("random", "");
    let state = vm.heap.alloc_pinned(ListObj {
        items: std::cell::RefCell::new(vec![Value::Int(0); N + 2]),
    });
    seed_from_time(state);
    add_methods(vm, m, Value::List(state), true);
    let r = super::native(vm, "Random", random_new, None);
    m.set("Random", r);
    m
}

const METHODS: &[(&str, NativeFn)] = &[
    ("seed", seed),
    ("random", random),
    ("getrandbits", getrandbits),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("choices", choices),
    ("shuffle", shuffle),
    ("sample", sample),
    ("uniform", uniform),
    ("triangular", triangular),
    ("gauss", gauss),
    ("normalvariate", normalvariate),
    ("lognormvariate", lognormvariate),
    ("expovariate", expovariate),
    ("paretovariate", paretovariate),
    ("weibullvariate", weibullvariate),
    ("gammavariate", gammavariate),
    ("betavariate", betavariate),
    ("randbytes", randbytes),
    ("getstate", getstate),
    ("setstate", setstate),
];

/// Bind every generator method to the state list `st` and store it in `m`.
fn add_methods(vm: &mut Vm, m: Gc<ModuleObj>, st: Value, pinned: bool) {
    for (name, f) in METHODS {
        let b = BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name,
            func: *f,
            bound_self: Some(st),
            owner: None,
        };
        let v = Value::Builtin(if pinned {
            vm.heap.alloc_pinned(b)
        } else {
            vm.heap.alloc(b)
        });
        m.set(name, v);
    }
}

/// `random.Random(x=None)`: an independent generator. Classes are not
/// available to native code, so the instance is a namespace object whose
/// attributes are the methods bound to its own state.
fn random_new(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "Random", kw, &["x"])?;
    if args.len() > 1 {
        return Err(vm.type_error(&format!(
            "Random() takes at most 1 argument ({} given)",
            args.len()
        )));
    }
    let x = args
        .first()
        .copied()
        .or_else(|| super::kwarg(kw, "x"))
        .unwrap_or(Value::None);
    let state = vm.heap.alloc(ListObj {
        items: std::cell::RefCell::new(vec![Value::Int(0); N + 2]),
    });
    let name = vm.intern_static("Random");
    let m = vm.heap.alloc(ModuleObj {
        name,
        file: "".into(),
        globals: crate::runtime::object::Globals::new(Vec::new()),
        slots: std::cell::RefCell::new(std::collections::HashMap::new()),
        slot_names: std::cell::RefCell::new(Vec::new()),
        builtin_cache: std::cell::RefCell::new(Vec::new()),
        namespace: std::cell::Cell::new(None),
    });
    add_methods(vm, m, Value::List(state), false);
    seed(vm, &[Value::List(state), x], &[])?;
    Ok(Value::Module(m))
}

fn args_exact(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kwargs,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    super::check_kwargs(vm, name, kw, params)?;
    let args = &args[1..];
    if args.len() > params.len() {
        return Err(vm.type_error(&format!(
            "Random.{name}() takes from {} to {} positional arguments but {} were given",
            required + 1,
            params.len() + 1,
            args.len() + 1
        )));
    }
    let mut out = Vec::with_capacity(params.len());
    for (i, p) in params.iter().enumerate() {
        let v = args.get(i).copied();
        let k = super::kwarg(kw, p);
        if v.is_some() && k.is_some() {
            return Err(vm.type_error(&format!(
                "Random.{name}() got multiple values for argument '{p}'"
            )));
        }
        out.push(v.or(k));
    }
    let missing: Vec<String> = params[..required]
        .iter()
        .zip(out.iter())
        .filter(|(_, v)| v.is_none())
        .map(|(p, _)| format!("'{p}'"))
        .collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            _ => format!(
                "{}, and {}",
                missing[..missing.len() - 1].join(", "),
                missing[missing.len() - 1]
            ),
        };
        return Err(vm.type_error(&format!(
            "Random.{name}() missing {} required positional argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(out)
}
