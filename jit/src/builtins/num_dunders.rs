//! The numeric special methods of `int`, `bool`, `float` and `str`, and the
//! operators of `list`, `tuple`, `set`, `frozenset`, `dict` and `bytes`, as
//! attributes: `(5).__index__()`, `int.__add__(2, 3)`, `float.__mul__`,
//! `list.__add__`, `set.__and__`, `super().__iadd__(other)` in a list
//! subclass,
//! `super().__add__(other)` in an `int` subclass, `functools.total_ordering`
//! or `operator`-style code that fetches `type(x).__lt__`.
//!
//! Why on demand, as `slot_methods.rs` does for containers: the interpreter
//! dispatches operators on built-in values directly, and an `int` subclass
//! that does not define `__add__` must keep adding its payload directly
//! rather than finding a method in `int`'s dict. So these are only what an
//! attribute lookup returns. Unlike the container slots they are looked up
//! before the class attributes: `object` defines `__eq__`, `__hash__` and
//! `__repr__`, and `int`'s own must come first in the MRO walk.
//!
//! Each method checks its operand as CPython's do: an operand of a type the
//! method does not handle gives `NotImplemented` (`int.__add__(1, 2.0)`),
//! so that Python code can fall back to the reflected method.

use crate::interp::ops::{BinOp, CmpOp};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Bin(BinOp),
    /// The reflected form: `__radd__(self, other)` is `other + self`.
    RBin(BinOp),
    /// The in-place form of a mutable container (`list.__iadd__`): the
    /// operator's augmented assignment, which returns self.
    IBin(BinOp),
    DivMod,
    RDivMod,
    Cmp(CmpOp),
    Neg,
    Pos,
    Abs,
    Invert,
    Bool,
    Int,
    Float,
    Index,
    Trunc,
    Floor,
    Ceil,
    Round,
    Hash,
    Repr,
    Str,
    /// `__format__(spec)`: `format()` of the value itself.
    Format,
}

/// Every method name and what it does (its index is the `O` parameter of
/// `call`, so the order must match `fns!` below).
const OPS: [(&str, Op); NOPS] = [
    ("__add__", Op::Bin(BinOp::Add)),
    ("__sub__", Op::Bin(BinOp::Sub)),
    ("__mul__", Op::Bin(BinOp::Mul)),
    ("__truediv__", Op::Bin(BinOp::TrueDiv)),
    ("__floordiv__", Op::Bin(BinOp::FloorDiv)),
    ("__mod__", Op::Bin(BinOp::Mod)),
    ("__pow__", Op::Bin(BinOp::Pow)),
    ("__lshift__", Op::Bin(BinOp::LShift)),
    ("__rshift__", Op::Bin(BinOp::RShift)),
    ("__and__", Op::Bin(BinOp::BitAnd)),
    ("__or__", Op::Bin(BinOp::BitOr)),
    ("__xor__", Op::Bin(BinOp::BitXor)),
    ("__radd__", Op::RBin(BinOp::Add)),
    ("__rsub__", Op::RBin(BinOp::Sub)),
    ("__rmul__", Op::RBin(BinOp::Mul)),
    ("__rtruediv__", Op::RBin(BinOp::TrueDiv)),
    ("__rfloordiv__", Op::RBin(BinOp::FloorDiv)),
    ("__rmod__", Op::RBin(BinOp::Mod)),
    ("__rpow__", Op::RBin(BinOp::Pow)),
    ("__rlshift__", Op::RBin(BinOp::LShift)),
    ("__rrshift__", Op::RBin(BinOp::RShift)),
    ("__rand__", Op::RBin(BinOp::BitAnd)),
    ("__ror__", Op::RBin(BinOp::BitOr)),
    ("__rxor__", Op::RBin(BinOp::BitXor)),
    ("__divmod__", Op::DivMod),
    ("__rdivmod__", Op::RDivMod),
    ("__lt__", Op::Cmp(CmpOp::Lt)),
    ("__le__", Op::Cmp(CmpOp::Le)),
    ("__gt__", Op::Cmp(CmpOp::Gt)),
    ("__ge__", Op::Cmp(CmpOp::Ge)),
    ("__eq__", Op::Cmp(CmpOp::Eq)),
    ("__ne__", Op::Cmp(CmpOp::Ne)),
    ("__neg__", Op::Neg),
    ("__pos__", Op::Pos),
    ("__abs__", Op::Abs),
    ("__invert__", Op::Invert),
    ("__bool__", Op::Bool),
    ("__int__", Op::Int),
    ("__float__", Op::Float),
    ("__index__", Op::Index),
    ("__trunc__", Op::Trunc),
    ("__floor__", Op::Floor),
    ("__ceil__", Op::Ceil),
    ("__round__", Op::Round),
    ("__hash__", Op::Hash),
    ("__repr__", Op::Repr),
    ("__str__", Op::Str),
    ("__iadd__", Op::IBin(BinOp::Add)),
    ("__isub__", Op::IBin(BinOp::Sub)),
    ("__imul__", Op::IBin(BinOp::Mul)),
    ("__iand__", Op::IBin(BinOp::BitAnd)),
    ("__ior__", Op::IBin(BinOp::BitOr)),
    ("__ixor__", Op::IBin(BinOp::BitXor)),
    ("__format__", Op::Format),
];

const NOPS: usize = 54;

/// Whether type `kind` defines method `op` itself (what `kind.__dict__`
/// holds in CPython; the rest is inherited along the MRO).
fn defines(kind: TypeKind, op: Op) -> bool {
    use BinOp::*;
    match kind {
        TypeKind::Int => !matches!(op, Op::Str | Op::IBin(_)),
        TypeKind::Bool => matches!(
            op,
            Op::Bin(BitAnd | BitOr | BitXor) | Op::RBin(BitAnd | BitOr | BitXor) | Op::Repr
        ),
        TypeKind::Float => match op {
            Op::Bin(b) | Op::RBin(b) => !matches!(b, LShift | RShift | BitAnd | BitOr | BitXor),
            Op::Invert | Op::Index | Op::Str | Op::IBin(_) => false,
            _ => true,
        },
        TypeKind::Str => matches!(
            op,
            Op::Bin(Add | Mul | Mod)
                | Op::RBin(Mul | Mod)
                | Op::Cmp(_)
                | Op::Hash
                | Op::Repr
                | Op::Str
                | Op::Format
        ),
        // The containers' operators (their other special methods are
        // `slot_methods.rs`'s): only what each defines in CPython.
        TypeKind::List => matches!(
            op,
            Op::Bin(Add | Mul) | Op::RBin(Mul) | Op::IBin(Add | Mul) | Op::Cmp(_)
        ),
        TypeKind::Tuple | TypeKind::Bytes => {
            matches!(op, Op::Bin(Add | Mul) | Op::RBin(Mul) | Op::Cmp(_))
        }
        TypeKind::Set | TypeKind::FrozenSet => match op {
            Op::Bin(b) | Op::RBin(b) => matches!(b, BitAnd | BitOr | BitXor | Sub),
            Op::IBin(b) => kind == TypeKind::Set && matches!(b, BitAnd | BitOr | BitXor | Sub),
            Op::Cmp(_) => true,
            _ => false,
        },
        TypeKind::Dict => matches!(
            op,
            Op::Bin(BitOr) | Op::RBin(BitOr) | Op::IBin(BitOr) | Op::Cmp(_)
        ),
        _ => false,
    }
}

/// Kind codes for the `K` parameter of `call`.
const KINDS: [TypeKind; NKINDS] = [
    TypeKind::Int,
    TypeKind::Bool,
    TypeKind::Float,
    TypeKind::Str,
    TypeKind::List,
    TypeKind::Tuple,
    TypeKind::Set,
    TypeKind::FrozenSet,
    TypeKind::Dict,
    TypeKind::Bytes,
];

const NKINDS: usize = 10;

fn type_name(kind: TypeKind) -> &'static str {
    match kind {
        TypeKind::Int => "int",
        TypeKind::Bool => "bool",
        TypeKind::Float => "float",
        TypeKind::List => "list",
        TypeKind::Tuple => "tuple",
        TypeKind::Set => "set",
        TypeKind::FrozenSet => "frozenset",
        TypeKind::Dict => "dict",
        TypeKind::Bytes => "bytes",
        _ => "str",
    }
}

/// The built-in value behind `v` (an instance of a subclass stands for its
/// payload).
fn unwrap(v: Value) -> Value {
    match v {
        Value::Instance(i) => i.payload().unwrap_or(v),
        v => v,
    }
}

fn is_intlike(v: Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

/// `v` as a value of `kind` (bool is an int), or None.
fn as_kind(v: Value, kind: TypeKind) -> Option<Value> {
    let ok = match kind {
        TypeKind::Int => is_intlike(v),
        TypeKind::Bool => matches!(v, Value::Bool(_)),
        TypeKind::Float => matches!(v, Value::Float(_)),
        TypeKind::List => matches!(v, Value::List(_)),
        TypeKind::Tuple => matches!(v, Value::Tuple(_)),
        TypeKind::Set => matches!(v, Value::Set(_)),
        TypeKind::FrozenSet => matches!(v, Value::FrozenSet(_)),
        TypeKind::Dict => matches!(v, Value::Dict(_)),
        TypeKind::Bytes => matches!(v, Value::Bytes(_)),
        _ => matches!(v, Value::Str(_)),
    };
    ok.then_some(v)
}

/// For `int`'s methods a bool is the int it stands for: `int.__and__(True,
/// True)` is 1 and `int.__repr__(True)` is '1'.
fn int_of_bool(v: Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    }
}

/// Whether `kind`'s method takes `other` as its operand (else NotImplemented).
fn accepts(kind: TypeKind, other: Value) -> bool {
    match kind {
        TypeKind::Int | TypeKind::Bool => is_intlike(other),
        TypeKind::Float => is_intlike(other) || matches!(other, Value::Float(_)),
        TypeKind::Set | TypeKind::FrozenSet => {
            matches!(other, Value::Set(_) | Value::FrozenSet(_))
        }
        TypeKind::List | TypeKind::Tuple | TypeKind::Dict | TypeKind::Bytes => {
            as_kind(other, kind).is_some()
        }
        _ => matches!(other, Value::Str(_)),
    }
}

/// The error a sequence's `+` or `*` raises for an operand it does not
/// take (`list.__add__([], 1)` raises rather than give NotImplemented, as
/// CPython's sequence methods do), or None when it takes it.
fn sequence_operand_error(vm: &mut Vm, kind: TypeKind, op: Op, other: Value) -> Option<PyExc> {
    let ty = type_name(kind);
    let seq = matches!(
        kind,
        TypeKind::Str | TypeKind::List | TypeKind::Tuple | TypeKind::Bytes
    );
    match op {
        // The method, unlike the operator (`can't multiply sequence by
        // non-int`), asks for an index.
        Op::Bin(BinOp::Mul) | Op::RBin(BinOp::Mul) | Op::IBin(BinOp::Mul)
            if seq && !is_intlike(other) =>
        {
            let tn = vm.type_name(other);
            Some(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )))
        }
        Op::Bin(BinOp::Add) if seq && !accepts(kind, other) => {
            let tn = vm.type_name(other);
            Some(vm.type_error(&match kind {
                TypeKind::Str => format!("can only concatenate str (not \"{tn}\") to str"),
                TypeKind::Bytes => format!("can't concat {tn} to bytes"),
                _ => format!("can only concatenate {ty} (not \"{tn}\") to {ty}"),
            }))
        }
        _ => None,
    }
}

fn arity_error(vm: &mut Vm, n: usize, got: usize) -> PyExc {
    let s = if n == 1 { "" } else { "s" };
    vm.type_error(&format!("expected {n} argument{s}, got {got}"))
}

fn apply(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
    kind: TypeKind,
    name: &str,
    op: Op,
) -> PyResult<Value> {
    let ty = type_name(kind);
    let Some(&first) = args.first() else {
        return Err(vm.type_error(&format!(
            "descriptor '{name}' of '{ty}' object needs an argument"
        )));
    };
    let Some(mut v) = as_kind(unwrap(first), kind) else {
        let tn = vm.type_name(first);
        return Err(vm.type_error(&format!(
            "descriptor '{name}' requires a '{ty}' object but received a '{tn}'"
        )));
    };
    if !kw.is_empty() {
        return Err(vm.type_error(&format!("wrapper {name}() takes no keyword arguments")));
    }
    // `int.__format__(True, '')` is 'True' (a bool formats as one).
    if kind == TypeKind::Int && op != Op::Format {
        v = int_of_bool(v);
    }
    let rest = &args[1..];
    let (lo, hi) = match op {
        Op::Bin(BinOp::Pow) | Op::RBin(BinOp::Pow) => (1, 2),
        Op::Bin(_)
        | Op::RBin(_)
        | Op::IBin(_)
        | Op::DivMod
        | Op::RDivMod
        | Op::Cmp(_)
        | Op::Format => (1, 1),
        Op::Round => (0, 1),
        _ => (0, 0),
    };
    if rest.len() < lo || rest.len() > hi {
        return Err(arity_error(vm, hi, rest.len()));
    }
    let other = rest.first().map(|&o| {
        let o = unwrap(o);
        if kind == TypeKind::Int {
            int_of_bool(o)
        } else {
            o
        }
    });
    if let Some(o) = other {
        // A sequence's `+` and `*` raise for a wrong operand, as the
        // operator does.
        if let Some(e) = sequence_operand_error(vm, kind, op, o) {
            return Err(e);
        }
        let operand_ok = match op {
            Op::Bin(BinOp::Mul) | Op::RBin(BinOp::Mul) | Op::IBin(BinOp::Mul) => true,
            Op::Bin(BinOp::Mod) if kind == TypeKind::Str => true,
            // Extends (update, for a dict) from any iterable.
            Op::IBin(BinOp::Add) if kind == TypeKind::List => true,
            Op::IBin(BinOp::BitOr) if kind == TypeKind::Dict => true,
            // A dict has no order: `dict.__lt__` is always NotImplemented.
            Op::Cmp(CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge) if kind == TypeKind::Dict => {
                false
            }
            Op::Round => true,
            Op::Format if !matches!(o, Value::Str(_)) => {
                let tn = vm.type_name(o);
                return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
            }
            Op::Format => true,
            _ => accepts(kind, o),
        };
        if !operand_ok {
            return Ok(Value::NotImplemented);
        }
    }
    match op {
        Op::Bin(BinOp::Pow) | Op::RBin(BinOp::Pow) if rest.len() == 2 => {
            let (a, b) = if matches!(op, Op::Bin(_)) {
                (v, other.unwrap())
            } else {
                (other.unwrap(), v)
            };
            crate::builtins::functions::functions_num::pow(vm, &[a, b, rest[1]], &[])
        }
        Op::Bin(b) => vm.binary_op(b, v, other.unwrap()),
        Op::RBin(b) => vm.binary_op(b, other.unwrap(), v),
        // In place on the payload a subclass instance shares; self back.
        Op::IBin(b) => {
            vm.binary_op(b.inplace(), v, other.unwrap())?;
            Ok(first)
        }
        Op::DivMod => vm.divmod(v, other.unwrap()),
        Op::RDivMod => vm.divmod(other.unwrap(), v),
        Op::Cmp(c) => vm.compare_op(c, v, other.unwrap()),
        Op::Neg => vm.unary_neg(v),
        Op::Pos => vm.unary_pos(v),
        Op::Invert => vm.unary_invert(v),
        Op::Abs => crate::builtins::functions::functions_num::abs(vm, &[v], &[]),
        Op::Bool => Ok(Value::Bool(vm.truthy(v)?)),
        Op::Int | Op::Index => {
            let t = vm.types.int;
            vm.call_type(t, &[v], &[])
        }
        Op::Float => {
            let t = vm.types.float;
            vm.call_type(t, &[v], &[])
        }
        Op::Trunc | Op::Floor | Op::Ceil => {
            let v = match v {
                Value::Float(f) => Value::Float(match op {
                    Op::Trunc => f.trunc(),
                    Op::Floor => f.floor(),
                    _ => f.ceil(),
                }),
                v => v,
            };
            let t = vm.types.int;
            vm.call_type(t, &[v], &[])
        }
        Op::Round => {
            let mut a = vec![v];
            a.extend(other);
            crate::builtins::functions::functions_num::round(vm, &a, &[])
        }
        Op::Hash => Ok(Value::Int(vm.hash(v)?)),
        Op::Repr => {
            let s = vm.repr(v)?;
            Ok(vm.new_str(s))
        }
        Op::Str => {
            let s = vm.str_of(v)?;
            Ok(vm.new_str(s))
        }
        // The value itself, not a subclass's own `__format__` again.
        Op::Format => vm.format_value(v, other),
    }
}

/// One native function per (type, method): a `NativeFn` is a plain function
/// pointer, so both are constant parameters of the function.
fn call<const K: usize, const O: usize>(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
) -> PyResult<Value> {
    let (name, op) = OPS[O];
    apply(vm, args, kw, KINDS[K], name, op)
}

macro_rules! fns {
    ($k:literal; $($o:literal)*) => {
        [$(call::<$k, $o> as NativeFn),*]
    };
}

macro_rules! all_ops {
    ($k:literal) => {
        fns!($k; 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26
            27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53)
    };
}

static FNS: [[NativeFn; NOPS]; NKINDS] = [
    all_ops!(0),
    all_ops!(1),
    all_ops!(2),
    all_ops!(3),
    all_ops!(4),
    all_ops!(5),
    all_ops!(6),
    all_ops!(7),
    all_ops!(8),
    all_ops!(9),
];

/// The type that provides method `name` for a class with MRO `mro`, and the
/// method: found when, walking the MRO, a built-in numeric type or `str`
/// that defines it comes before any class whose dict holds the name (and
/// before `object`).
fn find(mro: &[Gc<TypeObj>], name: &str) -> Option<(Gc<TypeObj>, &'static str, NativeFn)> {
    // Cheapest test first: subclasses of list or dict (deltablue's
    // OrderedCollection) come here for their own special methods.
    if !mro.iter().any(|c| KINDS.contains(&c.kind)) {
        return None;
    }
    if !(name.len() > 4 && name.starts_with("__") && name.ends_with("__")) {
        return None;
    }
    let o = OPS.iter().position(|(n, _)| *n == name)?;
    let h = crate::runtime::hash::hash_str(name);
    for c in mro {
        if c.kind == TypeKind::Object {
            return None;
        }
        if let Some(k) = KINDS.iter().position(|k| *k == c.kind) {
            if defines(c.kind, OPS[o].1) {
                return Some((*c, OPS[o].0, FNS[k][o]));
            }
        }
        if c.dict.borrow().get_str(h, name).is_some() {
            return None;
        }
    }
    None
}

impl Vm {
    /// Numeric method `name` of the first built-in type in `mro` that has it,
    /// unbound (`bound` None) or bound to `bound`; None when a class's own
    /// attribute (or `object`'s) comes first, or there is none.
    pub fn num_dunder_in(
        &mut self,
        mro: &[Gc<TypeObj>],
        name: &str,
        bound: Option<Value>,
    ) -> Option<Value> {
        let (owner, name, func) = find(mro, name)?;
        Some(Value::Builtin(self.heap.alloc(BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name,
            func,
            bound_self: bound,
            owner: Some(owner),
        })))
    }

    /// `num_dunder_in` over `t`'s MRO.
    pub fn num_dunder(
        &mut self,
        t: Gc<TypeObj>,
        name: &str,
        bound: Option<Value>,
    ) -> Option<Value> {
        let (owner, name, func) = find(&t.mro.borrow(), name)?;
        Some(Value::Builtin(self.heap.alloc(BuiltinObj {
            prof_id: std::cell::Cell::new(u32::MAX),
            name,
            func,
            bound_self: bound,
            owner: Some(owner),
        })))
    }

    /// Whether `t` has such a method (so a cache must not remember what the
    /// plain class-attribute lookup found for `name`).
    pub fn has_num_dunder(&self, t: Gc<TypeObj>, name: &str) -> bool {
        find(&t.mro.borrow(), name).is_some()
    }
}
