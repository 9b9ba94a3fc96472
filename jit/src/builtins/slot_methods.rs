//! The container special methods of built-in types as attributes:
//! `list.__getitem__(l, 0)`, `d.__contains__(k)`, `super().__setitem__(k, v)`
//! in a `dict` subclass, `map(str.__len__, words)`.
//!
//! Why they are made on demand instead of living in the types' dicts beside
//! `append`: the interpreter finds a class's special methods by looking them
//! up (`special_of`), and a `list` subclass that does not define
//! `__getitem__` would then find list's and call it for every `x[i]`,
//! instead of indexing its payload directly. So these are only what an
//! attribute lookup that found nothing else returns (`Vm::slot_attr`), and
//! dispatch stays as it was.

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// A container protocol operation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    GetItem,
    SetItem,
    DelItem,
    Len,
    Contains,
    Iter,
}

impl Slot {
    fn of(name: &str) -> Option<Slot> {
        Some(match name {
            "__getitem__" => Slot::GetItem,
            "__setitem__" => Slot::SetItem,
            "__delitem__" => Slot::DelItem,
            "__len__" => Slot::Len,
            "__contains__" => Slot::Contains,
            "__iter__" => Slot::Iter,
            _ => return None,
        })
    }

    /// Whether built-in values of `kind` have this slot (as in CPython:
    /// tuples, strings, bytes and ranges are read-only, sets unindexed).
    fn on(self, kind: TypeKind) -> bool {
        use TypeKind::*;
        let container = matches!(
            kind,
            List | Tuple | Dict | Str | Bytes | Set | FrozenSet | Range
        );
        match self {
            Slot::Len | Slot::Contains | Slot::Iter => container,
            Slot::GetItem => matches!(kind, List | Tuple | Dict | Str | Bytes | Range),
            Slot::SetItem | Slot::DelItem => matches!(kind, List | Dict),
        }
    }
}

/// Whether `v` is a built-in value of `kind`.
fn is_kind(v: &Value, kind: TypeKind) -> bool {
    matches!(
        (v, kind),
        (Value::List(_), TypeKind::List)
            | (Value::Tuple(_), TypeKind::Tuple)
            | (Value::Dict(_), TypeKind::Dict)
            | (Value::Str(_), TypeKind::Str)
            | (Value::Bytes(_), TypeKind::Bytes)
            | (Value::Set(_), TypeKind::Set)
            | (Value::FrozenSet(_), TypeKind::FrozenSet)
            | (Value::Range(_), TypeKind::Range)
    )
}

impl Vm {
    /// The special method `name` of the first built-in container type in
    /// `t`'s MRO that has it, unbound (`bound` None) or bound to `bound`;
    /// None when there is none (the lookup then fails as before).
    pub fn slot_attr(&mut self, t: Gc<TypeObj>, name: &str, bound: Option<Value>) -> Option<Value> {
        let mro = t.mro.borrow().clone();
        self.slot_attr_in(&mro, name, bound)
    }

    /// `slot_attr` over the types `mro` (for `super()`: the MRO after the
    /// class it names).
    pub fn slot_attr_in(
        &mut self,
        mro: &[Gc<TypeObj>],
        name: &str,
        bound: Option<Value>,
    ) -> Option<Value> {
        let slot = Slot::of(name)?;
        let owner = mro.iter().copied().find(|c| slot.on(c.kind))?;
        let (name, func) = native_of(slot, owner.kind)?;
        Some(Value::Builtin(self.heap.alloc(BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name,
            func,
            bound_self: bound,
            owner: Some(owner),
        })))
    }
}

/// Whether the builtin `name` of type `kind` is one of these slots (or
/// an operator's, `OPERATOR_SLOTS`) that CPython implements as a slot
/// wrapper, which it shows as such:
/// `<slot wrapper '__len__' of 'list' objects>`, and bound
/// `<method-wrapper '__len__' of list object at 0x...>`.
pub fn is_slot_wrapper(name: &str, kind: TypeKind) -> bool {
    match Slot::of(name) {
        Some(slot) if slot.on(kind) => !is_method(slot, kind),
        _ => OPERATOR_SLOTS.contains(&name),
    }
}

/// The other special methods CPython fills type slots with (its
/// `slotdefs`: operators, comparisons, `repr`, `hash`, calls, attribute
/// access, iteration), which a built-in type shows as slot wrappers:
/// `<slot wrapper '__add__' of 'int' objects>`. The ones a type defines as
/// plain methods (`__format__`, `__round__`, `__sizeof__`) are not slots.
const OPERATOR_SLOTS: &[&str] = &[
    "__repr__",
    "__str__",
    "__hash__",
    "__call__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__lt__",
    "__le__",
    "__eq__",
    "__ne__",
    "__gt__",
    "__ge__",
    "__iter__",
    "__next__",
    "__get__",
    "__set__",
    "__delete__",
    "__await__",
    "__aiter__",
    "__anext__",
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__mod__",
    "__rmod__",
    "__divmod__",
    "__rdivmod__",
    "__pow__",
    "__rpow__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__bool__",
    "__invert__",
    "__lshift__",
    "__rlshift__",
    "__rshift__",
    "__rrshift__",
    "__and__",
    "__rand__",
    "__xor__",
    "__rxor__",
    "__or__",
    "__ror__",
    "__int__",
    "__float__",
    "__iadd__",
    "__isub__",
    "__imul__",
    "__imod__",
    "__ipow__",
    "__ilshift__",
    "__irshift__",
    "__iand__",
    "__ixor__",
    "__ior__",
    "__floordiv__",
    "__rfloordiv__",
    "__truediv__",
    "__rtruediv__",
    "__ifloordiv__",
    "__itruediv__",
    "__index__",
    "__matmul__",
    "__rmatmul__",
    "__imatmul__",
];

/// Whether CPython implements the slot of `kind` as a method (a
/// `method_descriptor`, like `list.__getitem__`) rather than a slot wrapper
/// (`list.__len__`): the two word their errors differently.
fn is_method(slot: Slot, kind: TypeKind) -> bool {
    use TypeKind::*;
    matches!(
        (slot, kind),
        (Slot::GetItem, List | Dict) | (Slot::Contains, Dict | Set | FrozenSet)
    )
}

/// The receiver's built-in value (an instance of a subclass stands for its
/// payload) and the operands, checked as CPython's descriptors check them.
fn unpack<'a>(
    vm: &mut Vm,
    args: &'a [Value],
    kw: Kwargs,
    slot: Slot,
    kind: TypeKind,
    ty: &str,
) -> PyResult<(Value, &'a [Value])> {
    let name = slot_name(slot);
    let method = is_method(slot, kind);
    let Some(&first) = args.first() else {
        return Err(vm.type_error(&if method {
            format!("unbound method {ty}.{name}() needs an argument")
        } else {
            format!("descriptor '{name}' of '{ty}' object needs an argument")
        }));
    };
    let v = match first {
        Value::Instance(i) => i.payload().unwrap_or(first),
        v => v,
    };
    if !is_kind(&v, kind) {
        let tn = vm.type_name(first);
        return Err(vm.type_error(&if method {
            format!("descriptor '{name}' for '{ty}' objects doesn't apply to a '{tn}' object")
        } else {
            format!("descriptor '{name}' requires a '{ty}' object but received a '{tn}'")
        }));
    }
    if !kw.is_empty() {
        return Err(vm.type_error(&if method {
            format!("{ty}.{name}() takes no keyword arguments")
        } else {
            format!("wrapper {name}() takes no keyword arguments")
        }));
    }
    let n = match slot {
        Slot::Len | Slot::Iter => 0,
        Slot::SetItem => 2,
        _ => 1,
    };
    let got = args.len() - 1;
    if got != n {
        return Err(vm.type_error(&if method {
            format!("{ty}.{name}() takes exactly one argument ({got} given)")
        } else {
            let s = if n == 1 { "" } else { "s" };
            // CPython unpacks __setitem__'s arguments with an empty function
            // name, which leaves the message a leading space.
            let lead = if slot == Slot::SetItem { " " } else { "" };
            format!("{lead}expected {n} argument{s}, got {got}")
        }));
    }
    Ok((v, &args[1..]))
}

/// `dict.__getitem__` on an instance of a subclass: a missing key goes to the
/// class's `__missing__`, as CPython's dict does.
fn dict_getitem(vm: &mut Vm, obj: Value, d: Value, key: Value) -> PyResult<Value> {
    if let (Value::Dict(dd), Value::Instance(i)) = (d, obj) {
        if let Some(v) = crate::builtins::dict_ops::dict_get(vm, dd, key)? {
            return Ok(v);
        }
        let m = vm.intern_static("__missing__");
        if let Some(f) = vm.lookup_type_attr(i.class, m) {
            return vm.call_value(f, &[obj, key], &[]);
        }
    }
    vm.getitem(d, key)
}

fn apply(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    slot: Slot,
    kind: TypeKind,
    ty: &str,
) -> PyResult<Value> {
    let (v, a) = unpack(vm, args, kw, slot, kind, ty)?;
    match slot {
        Slot::GetItem => dict_getitem(vm, args[0], v, a[0]),
        Slot::SetItem => {
            vm.setitem(v, a[0], a[1])?;
            Ok(Value::None)
        }
        Slot::DelItem => {
            vm.delitem(v, a[0])?;
            Ok(Value::None)
        }
        Slot::Len => {
            let n = crate::builtins::functions::len_of(vm, v)?;
            Ok(Value::Int(n as i64))
        }
        Slot::Contains => Ok(Value::Bool(vm.contains(v, a[0])?)),
        Slot::Iter => vm.get_iter(v),
    }
}

fn slot_name(slot: Slot) -> &'static str {
    match slot {
        Slot::GetItem => "__getitem__",
        Slot::SetItem => "__setitem__",
        Slot::DelItem => "__delitem__",
        Slot::Len => "__len__",
        Slot::Contains => "__contains__",
        Slot::Iter => "__iter__",
    }
}

/// One native function per (slot, type): a `NativeFn` is a plain function
/// pointer, so the type it checks for is part of the function.
macro_rules! slot_fns {
    ($( $kind:ident => $tyname:literal ),* $(,)?) => {
        $(
            #[allow(non_snake_case)]
            mod $kind {
                use super::*;
                const K: TypeKind = TypeKind::$kind;
                pub fn getitem(vm: &mut Vm, a: &[Value], kw: Kwargs) -> PyResult<Value> {
                    apply(vm, a, kw, Slot::GetItem, K, $tyname)
                }
                pub fn setitem(vm: &mut Vm, a: &[Value], kw: Kwargs) -> PyResult<Value> {
                    apply(vm, a, kw, Slot::SetItem, K, $tyname)
                }
                pub fn delitem(vm: &mut Vm, a: &[Value], kw: Kwargs) -> PyResult<Value> {
                    apply(vm, a, kw, Slot::DelItem, K, $tyname)
                }
                pub fn len(vm: &mut Vm, a: &[Value], kw: Kwargs) -> PyResult<Value> {
                    apply(vm, a, kw, Slot::Len, K, $tyname)
                }
                pub fn contains(vm: &mut Vm, a: &[Value], kw: Kwargs) -> PyResult<Value> {
                    apply(vm, a, kw, Slot::Contains, K, $tyname)
                }
                pub fn iter(vm: &mut Vm, a: &[Value], kw: Kwargs) -> PyResult<Value> {
                    apply(vm, a, kw, Slot::Iter, K, $tyname)
                }
            }
        )*

        fn native_of(slot: Slot, kind: TypeKind) -> Option<(&'static str, NativeFn)> {
            let f: NativeFn = match kind {
                $(
                    TypeKind::$kind => match slot {
                        Slot::GetItem => $kind::getitem,
                        Slot::SetItem => $kind::setitem,
                        Slot::DelItem => $kind::delitem,
                        Slot::Len => $kind::len,
                        Slot::Contains => $kind::contains,
                        Slot::Iter => $kind::iter,
                    },
                )*
                _ => return None,
            };
            Some((slot_name(slot), f))
        }
    };
}

slot_fns! {
    List => "list",
    Tuple => "tuple",
    Dict => "dict",
    Str => "str",
    Bytes => "bytes",
    Set => "set",
    FrozenSet => "frozenset",
    Range => "range",
}
