//! The opcode table: the one source of truth for instruction names, operand
//! kinds, the `Instr` enum and the disassembler.
//!
//! The bytecode is a register machine in the Lua 5 style: every operand is a frame
//! slot (`Reg`), a constant index, a global slot, an immediate or a jump target;
//! there is no operand stack. A call's callee and arguments sit in consecutive
//! registers and the result lands in the callee's register. Every operand is a u16,
//! so an instruction is 8 bytes.
//!
//! Jumps are absolute instruction indices. Conditional compare-and-branch
//! instructions (`JumpIfNotLt` ...) fuse the comparison of a loop or `if` test with
//! its branch: they jump when the comparison is false and fall through when true.

/// Operand kinds, as the disassembler and the JIT see them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OperandKind {
    /// A frame slot.
    Reg,
    /// Index into the code object's constants.
    Const,
    /// A module global slot.
    Global,
    /// Index into the code object's names (str constants).
    Name,
    /// A jump target (instruction index).
    Target,
    /// A small immediate (signed 16-bit where it is a number).
    Imm,
    /// An element count.
    Count,
}

macro_rules! define_opcodes {
    ($( $(#[doc = $doc:expr])* $name:ident { $($field:ident : $kind:ident),* } ),* $(,)?) => {
        /// One bytecode instruction.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Instr {
            $( $(#[doc = $doc])* $name { $($field: u16),* } ),*
        }

        impl Instr {
            /// The instruction's mnemonic.
            pub fn name(&self) -> &'static str {
                match self { $( Instr::$name { .. } => stringify!($name) ),* }
            }
            /// (field name, kind, value) for every operand, in declaration order.
            pub fn operands(&self) -> Vec<(&'static str, OperandKind, u16)> {
                match *self {
                    $( Instr::$name { $($field),* } => vec![ $( (stringify!($field), OperandKind::$kind, $field) ),* ] ),*
                }
            }
            /// `operands` without the vector: `f(field name, kind, value)`
            /// for every operand, in declaration order (the profile's
            /// listings visit thousands of instructions; a vector each was
            /// an allocation each).
            #[inline]
            pub fn for_each_operand(&self, mut f: impl FnMut(&'static str, OperandKind, u16)) {
                match *self {
                    $( Instr::$name { $($field),* } => { $( f(stringify!($field), OperandKind::$kind, $field); )* } ),*
                }
            }
            /// The jump target, for an instruction that has one.
            pub fn jump_target(&self) -> Option<u32> {
                match *self {
                    $( Instr::$name { $($field),* } => {
                        $( if OperandKind::$kind == OperandKind::Target { return Some($field as u32); } )*
                        let _ = ($($field,)*);
                        None
                    } ),*
                }
            }
            /// Documentation of the instruction, from the table.
            pub fn doc(&self) -> &'static str {
                match self { $( Instr::$name { .. } => concat!($($doc),*) ),* }
            }
        }

        /// Every opcode's mnemonic, in table order.
        pub const OPCODE_NAMES: &[&str] = &[ $( stringify!($name) ),* ];
    };
}

/// "No register": the marker used by optional register operands.
pub const NO_REG: u16 = u16::MAX;

define_opcodes! {
    /// No operation (a patched-out instruction).
    Nop {},
    /// dst = src
    Move { dst: Reg, src: Reg },
    /// dst = consts[k]
    LoadConst { dst: Reg, k: Const },
    /// dst = imm as a small int (i16)
    LoadInt { dst: Reg, imm: Imm },
    /// dst = None
    LoadNone { dst: Reg },
    /// dst = True if imm != 0 else False
    LoadBool { dst: Reg, imm: Imm },
    /// dst = the global in slot, else the builtin named names[name]; NameError if neither
    LoadGlobal { dst: Reg, slot: Global, name: Name },
    /// global slot = src
    StoreGlobal { slot: Global, src: Reg },
    /// delete the global in slot (NameError if unbound)
    DeleteGlobal { slot: Global, name: Name },
    /// dst = names[name] from the class namespace in register 0, else the global, else the builtin
    LoadName { dst: Reg, name: Name },
    /// class namespace (register 0)[names[name]] = src
    StoreName { name: Name, src: Reg },
    /// del class namespace (register 0)[names[name]]
    DeleteName { name: Name },
    /// dst = super(args, args+1).names[name] (args = the class, args+1 = the instance or class)
    LoadSuperAttr { dst: Reg, args: Reg, name: Name },
    /// dst = the result of mgr.__enter__(); dst+1 = the bound mgr.__exit__
    WithEnter { dst: Reg, mgr: Reg },
    /// dst = the builtin named names[name], ignoring globals (assert's AssertionError)
    LoadBuiltin { dst: Reg, name: Name },
    /// raise UnboundLocalError for names[name] if reg is unassigned
    CheckBound { reg: Reg, name: Name },
    /// reg = unassigned (del of a local)
    ClearReg { reg: Reg },
    /// reg = a new cell holding reg's current value (captured locals, at entry)
    MakeCell { reg: Reg },
    /// dst = closure cell idx of the running function
    LoadClosure { dst: Reg, idx: Imm },
    /// dst = contents of the cell in reg (NameError/UnboundLocalError if empty)
    LoadDeref { dst: Reg, cell: Reg, name: Name },
    /// contents of the cell in reg = src
    StoreDeref { cell: Reg, src: Reg },
    /// empty the cell in reg (del of a captured variable)
    DeleteDeref { cell: Reg, name: Name },

    /// dst = a + b
    Add { dst: Reg, a: Reg, b: Reg },
    /// dst = a - b
    Sub { dst: Reg, a: Reg, b: Reg },
    /// dst = a * b
    Mul { dst: Reg, a: Reg, b: Reg },
    /// dst = a / b
    TrueDiv { dst: Reg, a: Reg, b: Reg },
    /// dst = a // b
    FloorDiv { dst: Reg, a: Reg, b: Reg },
    /// dst = a % b
    Mod { dst: Reg, a: Reg, b: Reg },
    /// dst = a ** b
    Pow { dst: Reg, a: Reg, b: Reg },
    /// dst = a << b
    LShift { dst: Reg, a: Reg, b: Reg },
    /// dst = a >> b
    RShift { dst: Reg, a: Reg, b: Reg },
    /// dst = a & b
    BitAnd { dst: Reg, a: Reg, b: Reg },
    /// dst = a | b
    BitOr { dst: Reg, a: Reg, b: Reg },
    /// dst = a ^ b
    BitXor { dst: Reg, a: Reg, b: Reg },
    /// dst = a @ b
    MatMul { dst: Reg, a: Reg, b: Reg },
    /// dst = a + imm (imm is an i16)
    AddI { dst: Reg, a: Reg, imm: Imm },
    /// dst = a - imm (imm is an i16)
    SubI { dst: Reg, a: Reg, imm: Imm },
    /// dst = a += b (in place for mutable a: list extend)
    IAdd { dst: Reg, a: Reg, b: Reg },
    /// dst = a -= b (in place for sets)
    ISub { dst: Reg, a: Reg, b: Reg },
    /// dst = a *= b (in place for lists)
    IMul { dst: Reg, a: Reg, b: Reg },
    /// dst = a |= b (in place for sets and dicts)
    IOr { dst: Reg, a: Reg, b: Reg },
    /// dst = a &= b (in place for sets)
    IAnd { dst: Reg, a: Reg, b: Reg },
    /// dst = a ^= b (in place for sets)
    IXor { dst: Reg, a: Reg, b: Reg },
    /// dst = -src
    Neg { dst: Reg, src: Reg },
    /// dst = +src
    Pos { dst: Reg, src: Reg },
    /// dst = ~src
    Invert { dst: Reg, src: Reg },
    /// dst = not src
    Not { dst: Reg, src: Reg },

    /// dst = a < b
    Lt { dst: Reg, a: Reg, b: Reg },
    /// dst = a <= b
    Le { dst: Reg, a: Reg, b: Reg },
    /// dst = a > b
    Gt { dst: Reg, a: Reg, b: Reg },
    /// dst = a >= b
    Ge { dst: Reg, a: Reg, b: Reg },
    /// dst = a == b
    Eq { dst: Reg, a: Reg, b: Reg },
    /// dst = a != b
    Ne { dst: Reg, a: Reg, b: Reg },
    /// dst = a is b
    Is { dst: Reg, a: Reg, b: Reg },
    /// dst = a is not b
    IsNot { dst: Reg, a: Reg, b: Reg },
    /// dst = a in b
    In { dst: Reg, a: Reg, b: Reg },
    /// dst = a not in b
    NotIn { dst: Reg, a: Reg, b: Reg },

    /// goto target
    Jump { target: Target },
    /// goto target if not truthy(cond)
    JumpIfFalse { cond: Reg, target: Target },
    /// goto target if truthy(cond)
    JumpIfTrue { cond: Reg, target: Target },
    /// goto target unless a < b
    JumpIfNotLt { a: Reg, b: Reg, target: Target },
    /// goto target unless a <= b
    JumpIfNotLe { a: Reg, b: Reg, target: Target },
    /// goto target unless a > b
    JumpIfNotGt { a: Reg, b: Reg, target: Target },
    /// goto target unless a >= b
    JumpIfNotGe { a: Reg, b: Reg, target: Target },
    /// goto target unless a == b
    JumpIfNotEq { a: Reg, b: Reg, target: Target },
    /// goto target unless a != b
    JumpIfNotNe { a: Reg, b: Reg, target: Target },

    /// dst = [start .. start+count]
    BuildList { dst: Reg, start: Reg, count: Count },
    /// dst = (start .. start+count)
    BuildTuple { dst: Reg, start: Reg, count: Count },
    /// dst = {start .. start+count}
    BuildSet { dst: Reg, start: Reg, count: Count },
    /// dst = {k0: v0, ...} from count (key, value) register pairs at start
    BuildDict { dst: Reg, start: Reg, count: Count },
    /// dst = slice(start, start+1, start+2)
    BuildSlice { dst: Reg, start: Reg },
    /// dst = "".join(start .. start+count), all already str
    BuildString { dst: Reg, start: Reg, count: Count },
    /// list.append(item)
    ListAppend { list: Reg, item: Reg },
    /// list.extend(iterable) (a starred element of a display)
    ListExtend { list: Reg, iterable: Reg },
    /// set.add(item)
    SetAdd { set: Reg, item: Reg },
    /// set.update(iterable)
    SetUpdate { set: Reg, iterable: Reg },
    /// dict[key] = value, key and value in key, key+1
    DictInsert { dict: Reg, key: Reg },
    /// dict.update(mapping) (a ** element of a display)
    DictUpdate { dict: Reg, mapping: Reg },
    /// list.extend(iterable) for a call's `*arg` (the error names the callee in func)
    CallArgsExtend { list: Reg, iterable: Reg, func: Reg },
    /// merge mapping into a call's keyword dict; a repeated key is an error naming func
    CallKwMerge { dict: Reg, mapping: Reg, func: Reg },
    /// dst = tuple(src) for a list src
    ListToTuple { dst: Reg, src: Reg },

    /// dst = obj[key]
    Subscr { dst: Reg, obj: Reg, key: Reg },
    /// obj[key] = src
    StoreSubscr { obj: Reg, key: Reg, src: Reg },
    /// del obj[key]
    DeleteSubscr { obj: Reg, key: Reg },
    /// dst = obj.names[name]
    LoadAttr { dst: Reg, obj: Reg, name: Name },
    /// obj.names[name] = src
    StoreAttr { obj: Reg, name: Name, src: Reg },
    /// del obj.names[name]
    DeleteAttr { obj: Reg, name: Name },
    /// unpack exactly count items of src into start .. start+count
    Unpack { start: Reg, src: Reg, count: Count },
    /// starred unpack of src into start ..: count = before | after << 8; the list of the rest goes between
    UnpackEx { start: Reg, src: Reg, count: Count },

    /// dst = str(src), repr(src) or ascii(src) for imm = 's', 'r', 'a'
    Convert { dst: Reg, src: Reg, imm: Imm },
    /// dst = format(src, spec) (spec = NO_REG: format(src))
    FormatValue { dst: Reg, src: Reg, spec: Reg },

    /// func(func+1 .. func+1+argc) -> func
    Call { func: Reg, argc: Count },
    /// func(...) -> func where the last len(consts[kwnames]) arguments are keywords
    CallKw { func: Reg, argc: Count, kwnames: Const },
    /// func(*args, **kwargs) -> func; args is a tuple, kwargs a dict or NO_REG
    CallEx { func: Reg, args: Reg, kwargs: Reg },
    /// obj.names[name](obj+1 .. obj+1+argc) -> obj, without making a bound method
    CallMethod { obj: Reg, name: Name, argc: Count },
    /// return src
    Return { src: Reg },
    /// return None
    ReturnNone {},
    /// dst = a function made from child code proto; defaults/kwdefaults/closure in args, args+1, args+2 (NO_REG: none)
    MakeFunction { dst: Reg, proto: Imm, args: Reg },

    /// dst = iter(src)
    GetIter { dst: Reg, src: Reg },
    /// dst = next(iter) or goto target when exhausted
    ForIter { dst: Reg, iter: Reg, target: Target },
    /// a `break` or `return` leaves a `for` loop: close iter if it is a
    /// generator only this loop holds (see `Code::owned_loops`)
    CloseIter { iter: Reg },
    /// yield src; dst = the value sent in
    Yield { dst: Reg, src: Reg },
    /// dst = yield from src (src holds the sub-iterator)
    YieldFrom { dst: Reg, src: Reg },

    /// raise exc (from cause unless NO_REG); exc = NO_REG: bare raise of the handled exception
    Raise { exc: Reg, cause: Reg },
    /// re-raise the exception in exc, keeping its traceback
    Reraise { exc: Reg },
    /// start handling the exception in exc (for context chaining and bare raise)
    EnterHandler { exc: Reg },
    /// stop handling the innermost exception
    ExitHandler {},
    /// dst = isinstance-style match of exception exc against the class or tuple in typ
    ExcMatch { dst: Reg, exc: Reg, typ: Reg },

    /// dst = import of the module names[name]
    ImportName { dst: Reg, name: Name },
    /// dst = module.names[name] (ImportError if missing)
    ImportFrom { dst: Reg, module: Reg, name: Name },
    /// from module import *: bind its public names (or __all__) as globals of the running module
    ImportStar { module: Reg },
}

const _: () = assert!(std::mem::size_of::<Instr>() == 8);
