//! The `operator` module: the operators as functions, plus itemgetter,
//! attrgetter and methodcaller (natives bound to their parameters).

use crate::interp::ops::{BinOp, CmpOp};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn make_operator(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("operator", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("add", op_add),
        ("sub", op_sub),
        ("mul", op_mul),
        ("truediv", op_truediv),
        ("floordiv", op_floordiv),
        ("mod", op_mod),
        ("pow", op_pow),
        ("and_", op_and),
        ("or_", op_or),
        ("xor", op_xor),
        ("lshift", op_lshift),
        ("rshift", op_rshift),
        ("matmul", op_matmul),
        ("neg", op_neg),
        ("pos", op_pos),
        ("abs", op_abs),
        ("invert", op_invert),
        ("inv", op_invert),
        ("eq", op_eq),
        ("ne", op_ne),
        ("lt", op_lt),
        ("le", op_le),
        ("gt", op_gt),
        ("ge", op_ge),
        ("not_", op_not),
        ("truth", op_truth),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("getitem", op_getitem),
        ("setitem", op_setitem),
        ("delitem", op_delitem),
        ("contains", op_contains),
        ("concat", op_concat),
        ("index", op_index),
        ("countOf", op_count_of),
        ("indexOf", op_index_of),
        ("itemgetter", op_itemgetter),
        ("attrgetter", op_attrgetter),
        ("methodcaller", op_methodcaller),
    ];
    super::set_functions(vm, m, fns);
    m
}

/// `add expected 2 arguments, got 1`, as CPython's operator functions word it.
fn arity2(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs) -> PyResult<()> {
    super::no_kwargs(vm, name, kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!("{name} expected 2 arguments, got {}", args.len())));
    }
    Ok(())
}

fn arity1(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs) -> PyResult<()> {
    super::no_kwargs(vm, name, kw)?;
    super::check_arity(vm, &format!("_operator.{name}"), args, 1, 1)
}

macro_rules! binop {
    ($fname:ident, $name:literal, $op:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
            arity2(vm, $name, args, kw)?;
            vm.binary_op($op, args[0], args[1])
        }
    };
}
binop!(op_add, "add", BinOp::Add);
binop!(op_sub, "sub", BinOp::Sub);
binop!(op_mul, "mul", BinOp::Mul);
binop!(op_truediv, "truediv", BinOp::TrueDiv);
binop!(op_floordiv, "floordiv", BinOp::FloorDiv);
binop!(op_mod, "mod", BinOp::Mod);
binop!(op_pow, "pow", BinOp::Pow);
binop!(op_and, "and_", BinOp::BitAnd);
binop!(op_or, "or_", BinOp::BitOr);
binop!(op_xor, "xor", BinOp::BitXor);
binop!(op_lshift, "lshift", BinOp::LShift);
binop!(op_rshift, "rshift", BinOp::RShift);
binop!(op_matmul, "matmul", BinOp::MatMul);

macro_rules! cmpop {
    ($fname:ident, $name:literal, $op:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
            arity2(vm, $name, args, kw)?;
            vm.compare_op($op, args[0], args[1])
        }
    };
}
cmpop!(op_eq, "eq", CmpOp::Eq);
cmpop!(op_ne, "ne", CmpOp::Ne);
cmpop!(op_lt, "lt", CmpOp::Lt);
cmpop!(op_le, "le", CmpOp::Le);
cmpop!(op_gt, "gt", CmpOp::Gt);
cmpop!(op_ge, "ge", CmpOp::Ge);

fn op_neg(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity1(vm, "neg", args, kw)?;
    vm.unary_neg(args[0])
}
fn op_pos(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity1(vm, "pos", args, kw)?;
    vm.unary_pos(args[0])
}
fn op_invert(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity1(vm, "invert", args, kw)?;
    vm.unary_invert(args[0])
}
fn op_abs(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity1(vm, "abs", args, kw)?;
    let f = vm.builtins.get("abs").copied();
    match f {
        Some(f) => vm.call_value(f, &[args[0]], &[]),
        None => Err(vm.type_error("abs unavailable")),
    }
}
fn op_not(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity1(vm, "not_", args, kw)?;
    Ok(Value::Bool(!vm.truthy(args[0])?))
}
fn op_truth(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity1(vm, "truth", args, kw)?;
    Ok(Value::Bool(vm.truthy(args[0])?))
}
fn op_is(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity2(vm, "is_", args, kw)?;
    Ok(Value::Bool(args[0].is(&args[1])))
}
fn op_is_not(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity2(vm, "is_not", args, kw)?;
    Ok(Value::Bool(!args[0].is(&args[1])))
}
fn op_getitem(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity2(vm, "getitem", args, kw)?;
    vm.getitem(args[0], args[1])
}
fn op_setitem(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "setitem", kw)?;
    if args.len() != 3 {
        return Err(vm.type_error(&format!("setitem expected 3 arguments, got {}", args.len())));
    }
    vm.setitem(args[0], args[1], args[2])?;
    Ok(Value::None)
}
fn op_delitem(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity2(vm, "delitem", args, kw)?;
    vm.delitem(args[0], args[1])?;
    Ok(Value::None)
}
fn op_contains(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity2(vm, "contains", args, kw)?;
    Ok(Value::Bool(vm.contains(args[0], args[1])?))
}
fn is_sequence(v: Value) -> bool {
    matches!(
        v,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_)
    )
}
fn op_concat(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity2(vm, "concat", args, kw)?;
    if !is_sequence(args[0]) {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(&format!("'{tn}' object can't be concatenated")));
    }
    vm.binary_op(BinOp::Add, args[0], args[1])
}
fn op_index(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity1(vm, "index", args, kw)?;
    match args[0] {
        Value::Int(_) | Value::BigInt(_) => Ok(args[0]),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )))
        }
    }
}
fn op_count_of(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity2(vm, "countOf", args, kw)?;
    let items = vm.collect_iterable(args[0])?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let mut n = 0;
    let mut r = Ok(());
    for x in items {
        match vm.eq(x, args[1]) {
            Ok(true) => n += 1,
            Ok(false) => {}
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.temp_roots.truncate(base);
    r.map(|_| Value::Int(n))
}
fn op_index_of(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    arity2(vm, "indexOf", args, kw)?;
    let items = vm.collect_iterable(args[0])?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let mut r = Err(None);
    for (i, x) in items.into_iter().enumerate() {
        match vm.eq(x, args[1]) {
            Ok(true) => {
                r = Ok(Value::Int(i as i64));
                break;
            }
            Ok(false) => {}
            Err(e) => {
                r = Err(Some(e));
                break;
            }
        }
    }
    vm.temp_roots.truncate(base);
    match r {
        Ok(v) => Ok(v),
        Err(Some(e)) => Err(e),
        Err(None) => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn bound(vm: &mut Vm, name: &'static str, f: NativeFn, state: Value) -> Value {
    Value::Builtin(vm.heap.alloc(BuiltinObj {
        prof_id: std::cell::Cell::new(u32::MAX),
        name,
        func: f,
        bound_self: Some(state),
        owner: None,
    }))
}

// ---------------------------------------------------------------- itemgetter

fn op_itemgetter(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "itemgetter", kw)?;
    if args.is_empty() {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    let t = vm.new_tuple(args.to_vec());
    Ok(bound(vm, "itemgetter", itemgetter_call, t))
}

fn itemgetter_call(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "itemgetter", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "itemgetter expected 1 argument, got {}",
            args.len() - 1
        )));
    }
    let Value::Tuple(items) = args[0] else {
        unreachable!("itemgetter state")
    };
    let obj = args[1];
    if items.items.len() == 1 {
        return vm.getitem(obj, items.items[0]);
    }
    let base = vm.temp_roots.len();
    let mut r = Ok(());
    for k in items.items.iter() {
        match vm.getitem(obj, *k) {
            Ok(v) => vm.temp_roots.push(v),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    let out: Vec<Value> = vm.temp_roots.drain(base..).collect();
    r?;
    Ok(vm.new_tuple(out))
}

// ---------------------------------------------------------------- attrgetter

fn op_attrgetter(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "attrgetter", kw)?;
    if args.is_empty() {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    // Each name becomes a tuple of its dotted parts.
    let mut names = Vec::new();
    for a in args {
        let Value::Str(s) = a else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        let parts: Vec<Value> = s
            .as_str()
            .split('.')
            .map(|p| Value::Str(vm.intern(p)))
            .collect();
        names.push(vm.new_tuple(parts));
    }
    let t = vm.new_tuple(names);
    Ok(bound(vm, "attrgetter", attrgetter_call, t))
}

fn get_dotted(vm: &mut Vm, obj: Value, parts: Value) -> PyResult<Value> {
    let Value::Tuple(parts) = parts else {
        unreachable!("attrgetter state")
    };
    let mut cur = obj;
    let slot = vm.temp_roots.len();
    vm.temp_roots.push(cur);
    let mut r = Ok(());
    for p in parts.items.iter() {
        let Value::Str(name) = p else { unreachable!() };
        match vm.getattr(cur, *name) {
            Ok(v) => {
                cur = v;
                vm.temp_roots[slot] = v;
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.temp_roots.truncate(slot);
    r.map(|_| cur)
}

fn attrgetter_call(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "attrgetter", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "attrgetter expected 1 argument, got {}",
            args.len() - 1
        )));
    }
    let Value::Tuple(names) = args[0] else {
        unreachable!("attrgetter state")
    };
    let obj = args[1];
    if names.items.len() == 1 {
        return get_dotted(vm, obj, names.items[0]);
    }
    let base = vm.temp_roots.len();
    let mut r = Ok(());
    for n in names.items.iter() {
        match get_dotted(vm, obj, *n) {
            Ok(v) => vm.temp_roots.push(v),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    let out: Vec<Value> = vm.temp_roots.drain(base..).collect();
    r?;
    Ok(vm.new_tuple(out))
}

// ---------------------------------------------------------------- methodcaller

fn op_methodcaller(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    let Value::Str(name) = args[0] else {
        return Err(vm.type_error("method name must be a string"));
    };
    let name = vm.intern(name.as_str());
    let rest = vm.new_tuple(args[1..].to_vec());
    vm.temp_roots.push(rest);
    let d = vm.new_dict();
    vm.temp_roots.pop();
    if let Value::Dict(dd) = d {
        for (k, v) in kw {
            super::dict_ops::dict_set(vm, dd, Value::Str(*k), *v)?;
        }
    }
    let state = vm.new_tuple(vec![Value::Str(name), rest, d]);
    Ok(bound(vm, "methodcaller", methodcaller_call, state))
}

/// Keyword arguments held in a dict, as native call keywords.
pub fn dict_kwargs(d: Value) -> Vec<(Gc<StrObj>, Value)> {
    let mut kw = Vec::new();
    if let Value::Dict(d) = d {
        for (k, v) in d.table.borrow().iter() {
            if let Value::Str(s) = k {
                kw.push((s, v));
            }
        }
    }
    kw
}

fn methodcaller_call(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "methodcaller", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "methodcaller expected 1 argument, got {}",
            args.len() - 1
        )));
    }
    let Value::Tuple(st) = args[0] else {
        unreachable!("methodcaller state")
    };
    let (Value::Str(name), Value::Tuple(rest), d) = (st.items[0], st.items[1], st.items[2]) else {
        unreachable!()
    };
    let f = vm.getattr(args[1], name)?;
    vm.temp_roots.push(f);
    let kw = dict_kwargs(d);
    let r = vm.call_value(f, &rest.items, &kw);
    vm.temp_roots.pop();
    r
}
