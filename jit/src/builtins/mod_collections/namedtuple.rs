//! `collections.namedtuple`: the class factory (field name checks,
//! defaults, rename) and the methods of the tuple subclasses it makes.

use crate::builtins::dict_ops::{dict_get, dict_set};
use crate::interp::protocol::str_hash;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{make_property, rooted};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || crate::builtins::text::char_is_xid_start(c) => {}
        _ => return false,
    }
    cs.all(crate::builtins::text::char_is_xid_continue)
}

fn py_repr_str(vm: &mut Vm, s: &str) -> String {
    let v = vm.new_str(s);
    vm.repr(v).unwrap_or_default()
}

pub(super) fn namedtuple(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let mut typename = args.first().copied();
    let mut field_names = args.get(1).copied();
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "namedtuple() takes 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let mut rename = false;
    let mut defaults = Value::None;
    let mut module = None;
    for (k, v) in kw {
        match k.as_str() {
            "typename" if typename.is_none() => typename = Some(*v),
            "field_names" if field_names.is_none() => field_names = Some(*v),
            "rename" => rename = vm.truthy(*v)?,
            "defaults" => defaults = *v,
            "module" => module = Some(*v),
            other => {
                return Err(vm.type_error(&format!(
                    "namedtuple() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let (Some(typename), Some(field_names)) = (typename, field_names) else {
        let missing: Vec<&str> = [("typename", typename), ("field_names", field_names)]
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(n, _)| *n)
            .collect();
        let msg = if missing.len() == 2 {
            "namedtuple() missing 2 required positional arguments: 'typename' and 'field_names'"
                .to_string()
        } else {
            format!(
                "namedtuple() missing 1 required positional argument: '{}'",
                missing[0]
            )
        };
        return Err(vm.type_error(&msg));
    };
    // Field names: a str split on commas and whitespace, or an iterable of str().
    let mut names: Vec<String> = match field_names {
        Value::Str(s) => s
            .as_str()
            .replace(',', " ")
            .split_whitespace()
            .map(|x| x.to_string())
            .collect(),
        other => {
            let items = rooted(vm, &[other], |vm| vm.collect_iterable(other))?;
            let mut v = Vec::new();
            rooted(vm, &items.clone(), |vm| {
                for it in items {
                    v.push(vm.str_of(it)?);
                }
                Ok(())
            })?;
            v
        }
    };
    let typename = vm.str_of(typename)?;
    if rename {
        let mut seen: Vec<String> = Vec::new();
        for (i, n) in names.iter_mut().enumerate() {
            if !is_identifier(n)
                || KEYWORDS.contains(&n.as_str())
                || n.starts_with('_')
                || seen.contains(n)
            {
                *n = format!("_{i}");
            }
            seen.push(n.clone());
        }
    }
    for n in std::iter::once(&typename).chain(names.iter()) {
        if !is_identifier(n) {
            let r = py_repr_str(vm, n);
            return Err(vm.value_error(&format!(
                "Type names and field names must be valid identifiers: {}",
                r
            )));
        }
        if KEYWORDS.contains(&n.as_str()) {
            let r = py_repr_str(vm, n);
            return Err(vm.value_error(&format!(
                "Type names and field names cannot be a keyword: {}",
                r
            )));
        }
    }
    let mut seen: Vec<&String> = Vec::new();
    for n in &names {
        if n.starts_with('_') && !rename {
            let r = py_repr_str(vm, n);
            return Err(vm.value_error(&format!(
                "Field names cannot start with an underscore: {}",
                r
            )));
        }
        if seen.contains(&n) {
            let r = py_repr_str(vm, n);
            return Err(vm.value_error(&format!("Encountered duplicate field name: {}", r)));
        }
        seen.push(n);
    }
    let defaults: Vec<Value> = if defaults.is_none() {
        Vec::new()
    } else {
        rooted(vm, &[defaults], |vm| vm.collect_iterable(defaults))?
    };
    if defaults.len() > names.len() {
        return Err(vm.type_error("Got more default values than field names"));
    }
    let module_name = match module {
        Some(Value::Str(s)) => s,
        _ => match vm.frames.last() {
            Some(f) => f.func.module.name,
            None => vm.intern_static("__main__"),
        },
    };

    // The class.
    let tn = vm.intern(&typename);
    let tuple = vm.types.tuple;
    let t = vm.heap.alloc(TypeObj::new(
        tn,
        TypeKind::User,
        vec![tuple],
        Some(module_name),
    ));
    let mut mro = vec![t];
    mro.extend(tuple.mro.borrow().iter().copied());
    *t.mro.borrow_mut() = mro;
    t.builtin_base.set(Some(tuple));
    *t.slots.borrow_mut() = Some(Vec::new());
    let tv = Value::Type(t);
    let base = vm.temp_roots.len();
    vm.temp_roots.push(tv);
    vm.temp_roots.extend_from_slice(&defaults);

    let field_strs: Vec<Value> = names.iter().map(|n| Value::Str(vm.intern(n))).collect();
    let fields = vm.new_tuple(field_strs.clone());
    crate::builtins::set_type_attr(vm, t, "_fields", fields);
    let fd = vm.new_dict();
    let Value::Dict(fdd) = fd else { unreachable!() };
    crate::builtins::set_type_attr(vm, t, "_field_defaults", fd);
    let skip = names.len() - defaults.len();
    for (k, dv) in field_strs[skip..].iter().zip(defaults.iter()) {
        dict_set(vm, fdd, *k, *dv)?;
    }
    let mv = Value::Str(module_name);
    crate::builtins::set_type_attr(vm, t, "__module__", mv);
    let doc = vm.new_str(format!("{typename}({})", names.join(", ")));
    crate::builtins::set_type_attr(vm, t, "__doc__", doc);
    let empty = vm.empty_tuple;
    crate::builtins::set_type_attr(vm, t, "__slots__", empty);
    crate::builtins::set_type_attr(vm, t, "__match_args__", fields);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", nt_new),
        ("__repr__", nt_repr),
        ("_replace", nt_replace),
        ("_asdict", nt_asdict),
        ("__getnewargs__", nt_getnewargs),
    ];
    for (n, f) in methods {
        let v = Value::Builtin(vm.heap.alloc(BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name: n,
            func: *f,
            bound_self: None,
            owner: Some(t),
        }));
        crate::builtins::set_type_attr(vm, t, n, v);
    }
    let make = Value::Builtin(vm.heap.alloc(BuiltinObj {
        prof_id: std::cell::Cell::new(u32::MAX),
        name: "_make",
        func: nt_make,
        bound_self: None,
        owner: None,
    }));
    let cm_type = match vm.builtins.get("classmethod") {
        Some(Value::Type(c)) => *c,
        _ => vm.types.object,
    };
    let cm = Value::Instance(
        vm.heap
            .alloc(InstanceObj::with_ext(cm_type, InstExt::ClassMethod(make))),
    );
    crate::builtins::set_type_attr(vm, t, "_make", cm);
    for (i, n) in names.iter().enumerate() {
        let g = Value::Builtin(vm.heap.alloc(BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name: "_tuplegetter",
            func: nt_getfield,
            bound_self: Some(Value::Int(i as i64)),
            owner: None,
        }));
        let p = make_property(vm, g);
        let p = readonly_field(vm, p);
        crate::builtins::set_type_attr(vm, t, n, p);
    }
    vm.temp_roots.truncate(base);
    Ok(tv)
}

/// A field property whose setter and deleter fail as `_tuplegetter`'s do.
fn readonly_field(vm: &mut Vm, p: Value) -> Value {
    let Value::Instance(pi) = p else { return p };
    let InstExt::Property(pd) = &pi.ext else {
        return p;
    };
    let mk = |vm: &mut Vm, name: &'static str, func: NativeFn| {
        Value::Builtin(vm.heap.alloc(BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name,
            func,
            bound_self: None,
            owner: None,
        }))
    };
    let fset = mk(vm, "__set__", nt_setfield);
    let fdel = mk(vm, "__delete__", nt_delfield);
    let ext = InstExt::Property(Box::new(PropertyData {
        fget: pd.fget,
        fset,
        fdel,
        doc: Value::None,
    }));
    Value::Instance(vm.heap.alloc(InstanceObj::with_ext(pi.class, ext)))
}

fn nt_setfield(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Err(vm.new_exception_msg("AttributeError", "can't set attribute"))
}

fn nt_delfield(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Err(vm.new_exception_msg("AttributeError", "can't delete attribute"))
}

/// The namedtuple class of `cls` (itself or the base that holds `_fields`).
fn nt_fields(vm: &mut Vm, cls: Gc<TypeObj>) -> PyResult<(Vec<Value>, Option<Gc<DictObj>>)> {
    let f = vm.intern_static("_fields");
    let fd = vm.intern_static("_field_defaults");
    let fields = vm.lookup_type_attr(cls, f);
    let defaults = vm.lookup_type_attr(cls, fd);
    let fields = match fields {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        Some(other) => vm.collect_iterable(other)?,
        None => return Err(vm.type_error("not a namedtuple class")),
    };
    let defaults = match defaults {
        Some(Value::Dict(d)) => Some(d),
        _ => None,
    };
    Ok((fields, defaults))
}

fn nt_instance(vm: &mut Vm, cls: Gc<TypeObj>, items: Vec<Value>) -> Value {
    let t = vm.new_tuple(items);
    Value::Instance(
        vm.heap
            .alloc(InstanceObj::with_ext(cls, InstExt::Payload(t))),
    )
}

fn fmt_names(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

fn nt_new(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first().copied() else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    let (fields, defaults) = nt_fields(vm, cls)?;
    let qual = {
        // The class that defines _fields names the function.
        let f = vm.intern_static("_fields");
        let h = str_hash(f);
        let owner = cls
            .mro
            .borrow()
            .iter()
            .copied()
            .find(|c| c.dict.borrow().get_str(h, "_fields").is_some())
            .unwrap_or(cls);
        format!("{}.__new__", owner.name.as_str())
    };
    let n = fields.len();
    let given = &args[1..];
    let ndef = defaults.map(|d| d.table.borrow().len()).unwrap_or(0);
    if given.len() > n {
        let takes = if ndef > 0 {
            format!("from {} to {}", n + 1 - ndef, n + 1)
        } else {
            format!("{}", n + 1)
        };
        return Err(vm.type_error(&format!(
            "{qual}() takes {takes} positional argument{} but {} were given",
            if n + 1 == 1 && ndef == 0 { "" } else { "s" },
            given.len() + 1
        )));
    }
    let mut slots: Vec<Option<Value>> = vec![None; n];
    for (i, v) in given.iter().enumerate() {
        slots[i] = Some(*v);
    }
    for (k, v) in kw {
        let pos = fields
            .iter()
            .position(|f| matches!(f, Value::Str(s) if s.as_str() == k.as_str()));
        match pos {
            Some(p) if slots[p].is_some() => {
                return Err(vm.type_error(&format!(
                    "{qual}() got multiple values for argument '{}'",
                    k.as_str()
                )))
            }
            Some(p) => slots[p] = Some(*v),
            None => {
                return Err(vm.type_error(&format!(
                    "{qual}() got an unexpected keyword argument '{}'",
                    k.as_str()
                )))
            }
        }
    }
    let mut missing = Vec::new();
    for (i, s) in slots.iter_mut().enumerate() {
        if s.is_none() {
            let d = match defaults {
                Some(d) => dict_get(vm, d, fields[i])?,
                None => None,
            };
            match d {
                Some(v) => *s = Some(v),
                None => {
                    if let Value::Str(f) = fields[i] {
                        missing.push(f.as_str().to_string());
                    }
                }
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(&format!(
            "{qual}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            fmt_names(&missing)
        )));
    }
    let items: Vec<Value> = slots
        .into_iter()
        .map(|s| s.unwrap_or(Value::None))
        .collect();
    Ok(nt_instance(vm, cls, items))
}

fn nt_payload(vm: &mut Vm, v: Value) -> PyResult<Gc<TupleObj>> {
    match v {
        Value::Instance(i) => {
            if let Some(Value::Tuple(t)) = i.payload() {
                return Ok(t);
            }
        }
        Value::Tuple(t) => return Ok(t),
        _ => {}
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!(
        "descriptor requires a 'tuple' object but received a '{tn}'"
    )))
}

fn nt_getfield(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (Some(Value::Int(i)), Some(obj)) = (args.first().copied(), args.get(1).copied()) else {
        return Err(vm.type_error("_tuplegetter expected 1 argument"));
    };
    let t = nt_payload(vm, obj)?;
    match t.items.get(i as usize) {
        Some(v) => Ok(*v),
        None => Err(vm.new_exception_msg("IndexError", "tuple index out of range")),
    }
}

fn nt_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let obj = args.first().copied().unwrap_or(Value::None);
    let t = nt_payload(vm, obj)?;
    let cls = vm.type_of(obj);
    let (fields, _) = nt_fields(vm, cls)?;
    let mut s = format!("{}(", cls.name.as_str());
    rooted(vm, &[obj], |vm| {
        for (i, v) in t.items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if let Some(Value::Str(f)) = fields.get(i) {
                s.push_str(f.as_str());
            }
            s.push('=');
            s.push_str(&vm.repr(*v)?);
        }
        Ok(())
    })?;
    s.push(')');
    Ok(vm.new_str(s))
}

fn nt_asdict(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let obj = args.first().copied().unwrap_or(Value::None);
    let t = nt_payload(vm, obj)?;
    let cls = vm.type_of(obj);
    let (fields, _) = nt_fields(vm, cls)?;
    let d = vm.new_dict();
    let Value::Dict(dd) = d else { unreachable!() };
    for (f, v) in fields.iter().zip(t.items.iter()) {
        dict_set(vm, dd, *f, *v)?;
    }
    Ok(d)
}

fn nt_getnewargs(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let obj = args.first().copied().unwrap_or(Value::None);
    let t = nt_payload(vm, obj)?;
    Ok(vm.new_tuple(t.items.to_vec()))
}

fn nt_make(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (Some(Value::Type(cls)), Some(it)) = (args.first().copied(), args.get(1).copied()) else {
        return Err(vm.type_error("_make() missing 1 required positional argument: 'iterable'"));
    };
    let (fields, _) = nt_fields(vm, cls)?;
    let items = rooted(vm, &[it], |vm| vm.collect_iterable(it))?;
    if items.len() != fields.len() {
        return Err(vm.type_error(&format!(
            "Expected {} arguments, got {}",
            fields.len(),
            items.len()
        )));
    }
    Ok(nt_instance(vm, cls, items))
}

fn nt_replace(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let obj = args.first().copied().unwrap_or(Value::None);
    if args.len() > 1 {
        return Err(vm.type_error(&format!(
            "_replace() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    let t = nt_payload(vm, obj)?;
    let cls = vm.type_of(obj);
    let (fields, _) = nt_fields(vm, cls)?;
    let mut items = t.items.to_vec();
    let mut used = vec![false; kw.len()];
    for (i, f) in fields.iter().enumerate() {
        if let Value::Str(fs) = f {
            if let Some(p) = kw.iter().position(|(k, _)| k.as_str() == fs.as_str()) {
                if i < items.len() {
                    items[i] = kw[p].1;
                }
                used[p] = true;
            }
        }
    }
    let extra: Vec<String> = kw
        .iter()
        .zip(used.iter())
        .filter(|(_, u)| !**u)
        .map(|((k, _), _)| py_repr_str(vm, k.as_str()))
        .collect();
    if !extra.is_empty() {
        return Err(vm.value_error(&format!(
            "Got unexpected field names: [{}]",
            extra.join(", ")
        )));
    }
    if items.len() != fields.len() {
        return Err(vm.type_error(&format!(
            "Expected {} arguments, got {}",
            fields.len(),
            items.len()
        )));
    }
    Ok(nt_instance(vm, cls, items))
}
