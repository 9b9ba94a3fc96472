//! The value representation: 16 bytes, a u64 tag and a u64 payload.
//!
//! `int` (i64 range), `float`, `bool` and `None` live in the value itself and never
//! touch the heap; every heap type has its own tag so a JIT guard is one
//! `cmp qword [slot], TAG` and the payload is then a typed pointer. The layout is
//! fixed by `#[repr(C, u64)]` (a u64 discriminant followed by the payload union),
//! which is what lets compiled code read and write frame slots directly. Keep every
//! layout assumption in this module: `tags` below is what the JIT may rely on.

use crate::runtime::heap::{Gc, Trace, Tracer};
use crate::runtime::object::*;

#[repr(C, u64)]
#[derive(Clone, Copy, Debug)]
pub enum Value {
    /// A local that has not been assigned (never visible to Python code).
    Undefined = 0,
    None = 1,
    Bool(bool) = 2,
    Int(i64) = 3,
    Float(f64) = 4,
    BigInt(Gc<BigIntObj>) = 5,
    Str(Gc<StrObj>) = 6,
    Bytes(Gc<BytesObj>) = 7,
    List(Gc<ListObj>) = 8,
    Tuple(Gc<TupleObj>) = 9,
    Dict(Gc<DictObj>) = 10,
    Set(Gc<SetObj>) = 11,
    FrozenSet(Gc<SetObj>) = 12,
    Function(Gc<FunctionObj>) = 13,
    Builtin(Gc<BuiltinObj>) = 14,
    Type(Gc<TypeObj>) = 15,
    Instance(Gc<InstanceObj>) = 16,
    Range(Gc<RangeObj>) = 17,
    Iter(Gc<IterObj>) = 18,
    Cell(Gc<CellObj>) = 19,
    BoundMethod(Gc<BoundMethodObj>) = 20,
    Module(Gc<ModuleObj>) = 21,
    Slice(Gc<SliceObj>) = 22,
    Generator(Gc<GeneratorObj>) = 23,
    Ellipsis = 24,
    NotImplemented = 25,
    /// `dict.keys()`, `dict.values()`, `dict.items()`.
    DictView(Gc<DictViewObj>) = 26,
}

/// Tag numbers, for code that reads a slot's first word (the JIT, the recorder).
pub mod tags {
    pub const UNDEFINED: u64 = 0;
    pub const NONE: u64 = 1;
    pub const BOOL: u64 = 2;
    pub const INT: u64 = 3;
    pub const FLOAT: u64 = 4;
    pub const STR: u64 = 6;
    pub const LIST: u64 = 8;
    pub const TUPLE: u64 = 9;
    pub const FUNCTION: u64 = 13;
    pub const BUILTIN: u64 = 14;
    pub const TYPE: u64 = 15;
    pub const INSTANCE: u64 = 16;
    pub const ITER: u64 = 18;
    pub const CELL: u64 = 19;
    pub const MODULE: u64 = 21;
    pub const SLICE: u64 = 22;
    pub const GENERATOR: u64 = 23;
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(tags::GENERATOR == 23);

impl Value {
    /// The tag word, as compiled code sees it.
    #[inline]
    pub fn tag(&self) -> u64 {
        // SAFETY: repr(C, u64) puts the discriminant in the first 8 bytes.
        unsafe { *(self as *const Value as *const u64) }
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity, as `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (Undefined, Undefined) | (Ellipsis, Ellipsis) => true,
            (NotImplemented, NotImplemented) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are cached in CPython; equal i64s are "the same object" here.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.heap_addr(), other.heap_addr()) {
                (Some(a), Some(b)) => a == b && self.tag() == other.tag(),
                _ => false,
            },
        }
    }

    /// Address of the heap object, if this value is one.
    pub fn heap_addr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(g) => g.addr(),
            Str(g) => g.addr(),
            Bytes(g) => g.addr(),
            List(g) => g.addr(),
            Tuple(g) => g.addr(),
            Dict(g) => g.addr(),
            Set(g) | FrozenSet(g) => g.addr(),
            Function(g) => g.addr(),
            Builtin(g) => g.addr(),
            Type(g) => g.addr(),
            Instance(g) => g.addr(),
            Range(g) => g.addr(),
            Iter(g) => g.addr(),
            Cell(g) => g.addr(),
            BoundMethod(g) => g.addr(),
            Module(g) => g.addr(),
            Slice(g) => g.addr(),
            Generator(g) => g.addr(),
            DictView(g) => g.addr(),
            _ => return Option::None,
        })
    }

    /// Mark the object `self` refers to. Scalars are answered inline: most
    /// of a big list's items are ints, floats or bools, and the match
    /// below, out of line, saves registers before it looks at the tag.
    #[inline]
    pub fn trace_into(&self, t: &mut Tracer) {
        use Value::*;
        if !matches!(
            *self,
            Undefined | None | Bool(_) | Int(_) | Float(_) | Ellipsis | NotImplemented
        ) {
            self.trace_object(t);
        }
    }

    fn trace_object(&self, t: &mut Tracer) {
        use Value::*;
        match *self {
            BigInt(g) => t.mark(g),
            Str(g) => t.mark(g),
            Bytes(g) => t.mark(g),
            List(g) => t.mark(g),
            Tuple(g) => t.mark(g),
            Dict(g) => t.mark(g),
            Set(g) | FrozenSet(g) => t.mark(g),
            Function(g) => t.mark(g),
            Builtin(g) => t.mark(g),
            Type(g) => t.mark(g),
            Instance(g) => t.mark(g),
            Range(g) => t.mark(g),
            Iter(g) => t.mark(g),
            Cell(g) => t.mark(g),
            BoundMethod(g) => t.mark(g),
            Module(g) => t.mark(g),
            Slice(g) => t.mark(g),
            Generator(g) => t.mark(g),
            DictView(g) => t.mark(g),
            Undefined | None | Bool(_) | Int(_) | Float(_) | Ellipsis | NotImplemented => {}
        }
    }

    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => Option::None,
        }
    }
}

impl Trace for Value {
    fn trace(&self, t: &mut Tracer) {
        self.trace_into(t)
    }
}
