//! The built-ins that classes need: `__build_class__`, `property`,
//! `staticmethod`, `classmethod`, `super`, and the methods of `object`
//! (`object.__init__`, `object.__new__`, `object.__setattr__`, ... for
//! explicit calls such as `super().__init__()`).

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::functions::{bind, Params};
use super::{add_function, add_method};

pub fn install(vm: &mut Vm) {
    add_function(vm, "__build_class__", build_class);
    let property = vm.new_builtin_type("property", TypeKind::Property, None);
    let staticmethod = vm.new_builtin_type("staticmethod", TypeKind::StaticMethod, None);
    let classmethod = vm.new_builtin_type("classmethod", TypeKind::ClassMethod, None);
    let super_ = vm.new_builtin_type("super", TypeKind::Super, None);
    for t in [property, staticmethod, classmethod, super_] {
        vm.builtins.insert(t.name.as_str().into(), Value::Type(t));
    }
    add_method(vm, property, "getter", property_getter);
    add_method(vm, property, "setter", property_setter);
    add_method(vm, property, "deleter", property_deleter);
    let object = vm.types.object;
    add_method(vm, object, "__init__", object_init);
    add_method(vm, object, "__new__", object_new);
    add_method(vm, object, "__setattr__", object_setattr);
    add_method(vm, object, "__getattribute__", object_getattribute);
    add_method(vm, object, "__delattr__", object_delattr);
    add_method(vm, object, "__repr__", object_repr);
    add_method(vm, object, "__str__", object_str);
    add_method(vm, object, "__eq__", object_eq);
    add_method(vm, object, "__ne__", object_ne);
    add_method(vm, object, "__hash__", object_hash);
    add_method(vm, object, "__format__", object_format);
    add_method(vm, object, "__init_subclass__", object_init_subclass);
}

/// `object.__format__(self, spec)`: `str(self)` for an empty spec; any
/// other spec is an error, as CPython's.
fn object_format(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "__format__", kw)?;
    let [obj, spec] = *args else {
        let got = args.len().saturating_sub(1);
        return Err(vm.type_error(&format!(
            "object.__format__() takes exactly one argument ({got} given)"
        )));
    };
    let Value::Str(s) = spec else {
        let tn = vm.type_name(spec);
        return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
    };
    if !s.as_str().is_empty() {
        let tn = vm.type_name(obj);
        return Err(vm.type_error(&format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    }
    let text = vm.str_of(obj)?;
    Ok(vm.new_str(text))
}

fn build_class(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    vm.build_class(args, kw)
}

/// Construct instances of the descriptor types and `super` (from `call_type`).
pub fn call_helper_type(
    vm: &mut Vm,
    t: Gc<TypeObj>,
    args: &[Value],
    kw: Kwargs,
) -> PyResult<Value> {
    let ext = match t.kind {
        TypeKind::Property => {
            const P: Params = Params {
                fname: "property",
                names: &["fget", "fset", "fdel", "doc"],
                posonly: 0,
                required: 0,
            };
            let a = bind(vm, &P, args, kw)?;
            let g = |i: usize| a[i].unwrap_or(Value::None);
            let mut doc = g(3);
            if doc.is_none() {
                if let Value::Function(f) = g(0) {
                    if let Some(d) = &f.code.doc {
                        doc = vm.new_str(&**d);
                    }
                }
            }
            InstExt::Property(Box::new(PropertyData {
                fget: g(0),
                fset: g(1),
                fdel: g(2),
                doc,
            }))
        }
        TypeKind::StaticMethod | TypeKind::ClassMethod => {
            let name = t.name.as_str();
            if !kw.is_empty() {
                return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
            }
            if args.len() != 1 {
                return Err(
                    vm.type_error(&format!("{name} expected 1 argument, got {}", args.len()))
                );
            }
            if t.kind == TypeKind::StaticMethod {
                InstExt::StaticMethod(args[0])
            } else {
                InstExt::ClassMethod(args[0])
            }
        }
        TypeKind::Super => {
            if !kw.is_empty() {
                return Err(vm.type_error("super() takes no keyword arguments"));
            }
            match *args {
                [] => {
                    return Err(
                        vm.new_exception_msg("RuntimeError", "super(): __class__ cell not found")
                    )
                }
                [Value::Type(cls), obj] => {
                    let ok = match obj {
                        Value::Type(o) => o.is_subtype_of(cls),
                        _ => vm.type_of(obj).is_subtype_of(cls),
                    };
                    if !ok {
                        return Err(vm.type_error(
                            "super(type, obj): obj must be an instance or subtype of type",
                        ));
                    }
                    InstExt::Super { cls, obj }
                }
                [other, _] | [other] => {
                    let tn = vm.type_name(other);
                    return Err(
                        vm.type_error(&format!("super() argument 1 must be a type, not {tn}"))
                    );
                }
                _ => {
                    return Err(vm.type_error(&format!(
                        "super() expected at most 2 arguments, got {}",
                        args.len()
                    )))
                }
            }
        }
        _ => unreachable!("call_helper_type on {:?}", t.kind),
    };
    Ok(Value::Instance(
        vm.heap.alloc(InstanceObj::with_ext(t, ext)),
    ))
}

fn property_copy(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    let (Some(&p), Some(&f)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("property method expected 1 argument"));
    };
    let found = match p {
        Value::Instance(i) => match &i.ext {
            InstExt::Property(d) => Some((i.class, [d.fget, d.fset, d.fdel, d.doc])),
            _ => None,
        },
        _ => None,
    };
    let Some((class, mut parts)) = found else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    parts[which] = f;
    let ext = InstExt::Property(Box::new(PropertyData {
        fget: parts[0],
        fset: parts[1],
        fdel: parts[2],
        doc: parts[3],
    }));
    Ok(Value::Instance(
        vm.heap.alloc(InstanceObj::with_ext(class, ext)),
    ))
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    property_copy(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    property_copy(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    property_copy(vm, args, 2)
}

// ---------------------------------------------------------------- object's methods

fn object_init(_vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::None)
}

/// `object.__new__(cls)`: a bare instance of cls (with an empty value of its
/// built-in base, if it has one).
fn object_new(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    match args.first() {
        // `int.__new__(MyInt, 5)` (reached as object.__new__ here): an
        // immutable built-in's value is made from the arguments, as its own
        // __new__ would (enum members of int and str enums are made so).
        Some(Value::Type(t)) if args.len() > 1 || !kw.is_empty() => match t.builtin_base.get() {
            Some(b)
                if matches!(
                    b.kind,
                    TypeKind::Int
                        | TypeKind::Float
                        | TypeKind::Str
                        | TypeKind::Tuple
                        | TypeKind::Bytes
                        | TypeKind::FrozenSet
                ) =>
            {
                let payload = vm.call_type(b, &args[1..], kw)?;
                let inst = vm.new_instance_of(*t)?;
                if let Value::Instance(i) = inst {
                    let ext = InstExt::Payload(payload);
                    return Ok(Value::Instance(
                        vm.heap.alloc(InstanceObj::with_ext(i.class, ext)),
                    ));
                }
                Ok(inst)
            }
            _ => vm.new_instance_of(*t),
        },
        Some(Value::Type(t)) => vm.new_instance_of(*t),
        Some(other) => {
            let tn = vm.type_name(*other);
            Err(vm.type_error(&format!("object.__new__(X): X is not a type object ({tn})")))
        }
        None => Err(vm.type_error("object.__new__(): not enough arguments")),
    }
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match *args {
        [obj @ Value::Instance(i), Value::Str(name), v] => {
            vm.generic_setattr(obj, i, name, v)?;
            Ok(Value::None)
        }
        [obj, Value::Str(name), v] => {
            vm.setattr(obj, name, v)?;
            Ok(Value::None)
        }
        _ => Err(vm.type_error("expected 2 arguments: name and value")),
    }
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match *args {
        // The generic lookup itself: a class's own `__getattribute__` calls
        // this, so it must not be called again (nor `__getattr__`).
        [obj @ Value::Instance(i), Value::Str(name)] => match vm.generic_getattr(obj, i, name)? {
            Some(v) => Ok(v),
            None => Err(vm.attribute_error(obj, name)),
        },
        [obj, Value::Str(name)] => vm.getattr(obj, name),
        _ => Err(vm.type_error("expected 1 argument: the name")),
    }
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match *args {
        [obj, Value::Str(name)] => {
            vm.delattr(obj, name)?;
            Ok(Value::None)
        }
        _ => Err(vm.type_error("expected 1 argument: the name")),
    }
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let v = args.first().copied().unwrap_or(Value::None);
    let s = vm.default_repr(v);
    Ok(vm.new_str(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let v = args.first().copied().unwrap_or(Value::None);
    let s = vm.repr(v)?;
    Ok(vm.new_str(s))
}

fn object_eq(_vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(match *args {
        [a, b] if a.is(&b) => Value::Bool(true),
        _ => Value::NotImplemented,
    })
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    match *args {
        [a, b] => {
            let r = vm.rich_eq(a, b)?;
            Ok(match r {
                Value::NotImplemented => Value::NotImplemented,
                v => Value::Bool(!vm.truthy(v)?),
            })
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn object_hash(_vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let a = args.first().and_then(|v| v.heap_addr()).unwrap_or(0) as i64;
    Ok(Value::Int((a >> 4) | ((a & 0xf) << 60)))
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        // Class keywords no `__init_subclass__` took (`class A(B, tag=1)`).
        let cls = match args.first() {
            Some(Value::Type(t)) => t.name.as_str().to_string(),
            _ => "object".to_string(),
        };
        return Err(vm.type_error(&format!(
            "{cls}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}
