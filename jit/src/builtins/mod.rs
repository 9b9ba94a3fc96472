//! The built-in library: functions, type constructors, methods of the built-in
//! types, `repr`/`str`, string formatting, and built-in modules.
pub mod class_builtins;
pub mod dict_ops;
pub mod file;
pub mod functions;
pub mod match_patterns;
pub mod methods;
pub mod methods_generator;
pub mod mod_array;
pub mod mod_bisect;
pub mod mod_collections;
pub mod mod_copy;
pub mod mod_functools;
pub mod mod_heapq;
pub mod mod_itertools;
pub mod mod_json;
pub mod mod_math;
pub mod mod_operator;
pub mod mod_posix;
pub mod mod_random;
pub mod mod_re;
pub mod mod_string;
pub mod mod_time;
pub mod modules;
pub mod namespaces;
pub mod num_dunders;
pub mod pysrc;
pub mod repr;
pub mod set_ops;
pub mod slot_methods;
pub mod strfmt;
pub mod text;
pub mod total_ordering;
pub mod types;

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// Install every built-in into a fresh VM.
pub fn install(vm: &mut Vm) {
    functions::install(vm);
    match_patterns::install(vm);
    namespaces::install(vm);
    types::install(vm);
    class_builtins::install(vm);
    methods::install(vm);
    methods_generator::install(vm);
    methods_generator::install_exception_methods(vm);
    vm.builtins.insert("None".into(), Value::None);
    vm.builtins.insert("Ellipsis".into(), Value::Ellipsis);
    vm.builtins
        .insert("NotImplemented".into(), Value::NotImplemented);
    let n = Value::Str(vm.intern_static("builtins"));
    vm.builtins.insert("__name__".into(), n);
}

/// Make a native function value (pinned: built-ins live as long as the VM).
pub fn native(vm: &mut Vm, name: &'static str, f: NativeFn, owner: Option<Gc<TypeObj>>) -> Value {
    Value::Builtin(vm.heap.alloc_pinned(BuiltinObj {
        prof_id: std::cell::Cell::new(u32::MAX),
        name,
        func: f,
        bound_self: None,
        owner,
    }))
}

/// The str `v` is, or extends (an instance of a subclass of str).
pub fn str_or_subclass(v: Value) -> Option<Gc<StrObj>> {
    let payload = match v {
        Value::Instance(i) => i.payload(),
        _ => None,
    };
    match payload.unwrap_or(v) {
        Value::Str(s) => Some(s),
        _ => None,
    }
}

/// `str_or_subclass`, or TypeError `"{expected}, not {type}"`.
pub fn str_arg(vm: &mut Vm, v: Value, expected: &str) -> PyResult<Gc<StrObj>> {
    match str_or_subclass(v) {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("{expected}, not {tn}")))
        }
    }
}

/// Exactly `n` positional arguments and no keywords, for a built-in
/// module's internal functions (`_json`, `_re`), which their Python
/// modules call.
pub fn exact_args(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs, n: usize) -> PyResult<()> {
    if !kw.is_empty() || args.len() != n {
        return Err(vm.type_error(&format!(
            "{name}() takes exactly {n} arguments ({} given)",
            args.len() + kw.len()
        )));
    }
    Ok(())
}

/// Set each named native function as an attribute of module `m` (a built-in
/// module's functions).
pub fn set_functions(vm: &mut Vm, m: Gc<ModuleObj>, fns: &[(&'static str, NativeFn)]) {
    for (name, f) in fns {
        let v = native(vm, name, *f, None);
        m.set(name, v);
    }
}

/// Set `name` in the dict of a class implemented in Rust.
pub fn set_type_attr(vm: &mut Vm, t: Gc<TypeObj>, name: &str, v: Value) {
    let key = vm.intern(name);
    let h = crate::interp::protocol::str_hash(key);
    t.dict
        .borrow_mut()
        .insert(h, Value::Str(key), v, crate::interp::protocol::str_key_eq)
        .ok();
}

/// Read-only properties of a class implemented in Rust, one per getter.
pub fn add_getters(vm: &mut Vm, t: Gc<TypeObj>, getters: &[(&'static str, NativeFn)]) {
    let Some(Value::Type(prop)) = vm.builtins.get("property").copied() else {
        return;
    };
    for (n, f) in getters {
        let g = native(vm, n, *f, None);
        let p = vm.heap.alloc_pinned(InstanceObj::with_ext(
            prop,
            InstExt::Property(Box::new(PropertyData {
                fget: g,
                fset: Value::None,
                fdel: Value::None,
                doc: Value::None,
            })),
        ));
        set_type_attr(vm, t, n, Value::Instance(p));
    }
}

/// Register a built-in function.
pub fn add_function(vm: &mut Vm, name: &'static str, f: NativeFn) {
    let v = native(vm, name, f, None);
    vm.builtins.insert(name.into(), v);
}

/// Register a method on a built-in type; it receives the receiver as args[0].
pub fn add_method(vm: &mut Vm, ty: Gc<TypeObj>, name: &'static str, f: NativeFn) {
    let v = native(vm, name, f, Some(ty));
    let key = vm.intern(name);
    let h = crate::interp::protocol::str_hash(key);
    ty.dict
        .borrow_mut()
        .insert(h, Value::Str(key), v, crate::interp::protocol::str_key_eq)
        .ok();
    // Modules add methods to types at import time: caches must not keep
    // lookups made before.
    vm.invalidate_class(ty);
}

/// Check a native's argument count, with CPython's wording:
/// `len() takes exactly one argument (2 given)` and friends.
pub fn check_arity(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
        }
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(vm.type_error(&msg))
}

/// Reject keyword arguments for a native that takes none.
pub fn no_kwargs(vm: &mut Vm, name: &str, kw: Kwargs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(&format!("{name}() takes no keyword arguments")))
    }
}

/// Find a keyword argument by name.
pub fn kwarg(kw: Kwargs, name: &str) -> Option<Value> {
    kw.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| *v)
}

/// Reject keyword arguments not in `allowed`, CPython-style.
pub fn check_kwargs(vm: &mut Vm, fname: &str, kw: Kwargs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&k.as_str()) {
            return Err(vm.type_error(&format!(
                "{fname}() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    Ok(())
}
