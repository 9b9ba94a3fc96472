//! Code objects: the compiled form of a module, function, lambda or comprehension.

use std::rc::Rc;

use crate::bytecode::opcodes::Instr;
use crate::runtime::heap::Gc;
use crate::runtime::object::StrObj;
use crate::runtime::value::Value;

/// A source file as loaded, kept for tracebacks and (later) annotated listings.
pub struct SourceFile {
    /// The path as given on the command line (CPython prints it as given).
    pub path: Rc<str>,
    pub text: String,
    /// Byte offset of the start of every line.
    pub line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(path: &str, text: String) -> SourceFile {
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self
            .text
            .get(start..end)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (line as u32 + 1, col as u32 + 1)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(i)? as usize;
        let end = self
            .line_starts
            .get(i + 1)
            .map(|&e| e as usize)
            .unwrap_or(self.text.len());
        let s = self.text.get(start..end)?;
        Some(s.trim_end_matches(['\n', '\r']))
    }
}

/// Source position of an instruction (1-based line, 1-based column of its
/// start) and the source range of the AST node it came from, as byte offsets
/// into the file (`start == end`: no range). Tracebacks draw CPython 3.11's
/// `^^^^`/`~~~^~~~` markers from the range (`interp/carets.rs`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
    pub start: u32,
    pub end: u32,
}

/// A protected range of instructions and where control goes when an exception is
/// raised inside it.
#[derive(Clone, Copy, Debug)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    /// Register that receives the exception.
    pub exc_reg: u16,
    /// How many exceptions this frame is handling (lexically) at this range: the
    /// unwinder trims the handled-exception stack back to it.
    pub depth: u16,
}

/// A `for` loop whose iterable is a call's result, `for x in gen(...)`: when
/// that call made a generator, the loop holds the only reference to it, and
/// CPython's reference counting closes it (running its `finally` blocks and
/// `with` exits) as soon as a `break`, `return` or exception leaves the loop.
/// jitprof's collector frees nothing at that moment, so the loop closes it
/// itself: `CloseIter` on `break` and `return`, the unwinder on exceptions.
/// Which generators count as the call's is `GeneratorObj::origin`'s to say.
#[derive(Clone, Copy, Debug)]
pub struct OwnedLoop {
    /// The loop's `GetIter`; the call that made the iterable is just before.
    pub get_iter: u32,
    /// The loop's body and its `ForIter`, `[get_iter + 1, end)`, where an
    /// exception leaves the loop unless a handler inside it catches it.
    pub end: u32,
    /// The register holding the loop's iterator.
    pub iter: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    Lambda,
    Comprehension,
    GeneratorExpr,
    /// A class body, run once by `__build_class__` with the namespace dict in
    /// register 0.
    ClassBody,
}

/// Parameter layout: positional (incl. positional-only), then keyword-only, then
/// `*args`, then `**kwargs`, in registers 0.. in that order.
#[derive(Clone, Debug, Default)]
pub struct Params {
    pub names: Vec<Rc<str>>,
    pub posonly: u16,
    pub positional: u16,
    pub kwonly: u16,
    pub varargs: bool,
    pub varkw: bool,
}

impl Params {
    pub fn total(&self) -> u16 {
        self.positional + self.kwonly + self.varargs as u16 + self.varkw as u16
    }
    /// True when a call with exactly `positional` arguments needs no binding work.
    pub fn is_simple(&self) -> bool {
        self.kwonly == 0 && !self.varargs && !self.varkw
    }
}

/// `repr(C)`, with the JIT's and the recorder's state first: compiled code
/// reaches a callee's direct entry and its call counts through the code
/// object's pointer at every call (`jit::direct_site::FrameLayout::rc_code_direct`,
/// `recorder::calls_inline`), and offsets below 128 take a one-byte
/// displacement: 4 bytes less per call site, and 8 more while recording
/// (a `sub`, a `mov` and the compare of an answered call). Rust's own
/// ordering put them at 0x198 and 0x1f8.
#[repr(C)]
pub struct Code {
    /// Hotness and compiled code (see `jit/mod.rs`).
    pub jit: crate::jit::CodeJit,
    /// Execution counts and observed types (see `recorder/mod.rs`).
    pub prof: crate::recorder::CodeProf,
    pub kind: CodeKind,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub source: Rc<SourceFile>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// The instructions (in order) that carry out an augmented assignment
    /// (`x += y`, `x /= y`): their operator is the in-place one, which tries
    /// `__iadd__` and friends first. The instruction itself is the plain
    /// operator's (`Add`, `AddI`, `TrueDiv`), so int and float fast paths
    /// stay as they are; only the generic path asks (`is_augmented`).
    pub augmented: Vec<u32>,
    pub locs: Vec<Loc>,
    /// The location of the attribute lookup of each `CallMethod` (by pc),
    /// reported instead of the call's when the lookup fails, as CPython's
    /// separate LOAD_METHOD instruction would be.
    pub method_locs: Vec<(u32, Loc)>,
    pub consts: Vec<Value>,
    /// Name operands (attribute, global and method names), interned.
    pub names: Vec<Gc<StrObj>>,
    pub nregs: u16,
    pub params: Params,
    /// Names of registers, for the disassembler and error messages.
    pub reg_names: Vec<Option<Rc<str>>>,
    /// Registers `0..nvars` hold the named variables (for `locals()`):
    /// parameters and locals, then from `frees_start` the free variables.
    pub nvars: u16,
    pub frees_start: u16,
    /// The code names `locals` or `vars`, which read its variables from the
    /// frame's registers: the JIT keeps no variable only in a machine
    /// register.
    pub reads_frame: bool,
    /// For a function that reads its frame: the hidden register (the last)
    /// holding the dict `locals()` returns, the same one on every call in a
    /// frame as in CPython 3.11 (Undefined until the first call).
    pub locals_reg: Option<u16>,
    pub children: Vec<Rc<Code>>,
    /// Protected ranges, innermost first.
    pub exc_table: Vec<ExcEntry>,
    /// `for` loops over a call's result, innermost first (`OwnedLoop`).
    pub owned_loops: Vec<OwnedLoop>,
    pub is_generator: bool,
    /// The docstring, when the body starts with a string literal.
    pub doc: Option<Rc<str>>,
    /// One inline cache per instruction (used by attribute, method-call and
    /// class-call instructions; see `interp/attr_cache.rs`).
    pub caches: Box<[crate::interp::attr_cache::AttrCache]>,
    /// The module whose global slots `LoadGlobal`/`StoreGlobal` index: the
    /// compiler resolves names to slots of this module, so every function
    /// made from this code runs with it. Modules compiled from source are
    /// pinned, so compiled code may embed its address.
    pub module: crate::runtime::heap::Gc<crate::runtime::object::ModuleObj>,
    /// Operand kinds each arithmetic/comparison site saw in the interpreter
    /// (see `jit/feedback.rs`).
    pub feedback: crate::jit::feedback::Feedback,
    /// `name` and `qualname` as interned (pinned) str objects, once a
    /// function was made from this code: a nested function or generator
    /// expression is made again on every run of its parent.
    pub name_objs: std::cell::Cell<Option<(Gc<StrObj>, Gc<StrObj>)>>,
}

/// Whether control can go on from `ins` to the next instruction.
pub fn falls_through(ins: &Instr) -> bool {
    !matches!(
        ins,
        Instr::Jump { .. }
            | Instr::Return { .. }
            | Instr::ReturnNone {}
            | Instr::Raise { .. }
            | Instr::Reraise { .. }
    )
}

/// Check the invariants the interpreter's unchecked instruction
/// fetch relies on (`interp/exec.rs`): the last instruction does not fall
/// through, and every jump target and handler is an instruction. Then every
/// pc the loop can reach (0, a successor, a target, a handler, or a pc saved
/// in a frame from one of those) indexes `instrs`. `Code` is immutable once
/// built, so checking once when the compiler finishes it is enough.
///
/// Also that every constant and name operand indexes `consts` and `names`
/// (`nconsts`, `nnames`), which the interpreter reads unchecked as well.
pub fn check_flow(instrs: &[Instr], exc_table: &[ExcEntry], nconsts: usize, nnames: usize) {
    use crate::bytecode::opcodes::OperandKind;
    let n = instrs.len();
    assert!(
        instrs.last().is_some_and(|i| !falls_through(i)),
        "bytecode falls off its end"
    );
    for (pc, ins) in instrs.iter().enumerate() {
        if let Some(t) = ins.jump_target() {
            assert!((t as usize) < n, "pc {pc}: jump target {t} out of range");
        }
        for (_, kind, v) in ins.operands() {
            match kind {
                OperandKind::Const => assert!((v as usize) < nconsts, "pc {pc}: constant {v}"),
                OperandKind::Name => assert!((v as usize) < nnames, "pc {pc}: name {v}"),
                _ => {}
            }
        }
    }
    for e in exc_table {
        assert!(
            (e.handler as usize) < n,
            "handler {} out of range",
            e.handler
        );
    }
}

impl Code {
    /// Whether the instruction at `pc` carries out an augmented assignment.
    pub fn is_augmented(&self, pc: usize) -> bool {
        self.augmented.binary_search(&(pc as u32)).is_ok()
    }

    /// See `FunctionObj::fast_argc`.
    pub fn fast_argc(&self) -> u16 {
        if self.params.is_simple() && !self.is_generator {
            self.params.positional
        } else {
            u16::MAX
        }
    }

    pub fn loc_at(&self, pc: usize) -> Loc {
        self.locs.get(pc).copied().unwrap_or(Loc {
            line: self.first_line,
            col: 1,
            start: 0,
            end: 0,
        })
    }
    /// The location an exception raised at `pc` is reported at;
    /// `method_lookup`: by the attribute lookup of a `CallMethod`.
    pub fn fault_loc(&self, pc: usize, method_lookup: bool) -> Loc {
        if method_lookup {
            if let Ok(i) = self.method_locs.binary_search_by_key(&(pc as u32), |e| e.0) {
                return self.method_locs[i].1;
            }
        }
        self.loc_at(pc)
    }
    pub fn line_at(&self, pc: usize) -> u32 {
        self.locs.get(pc).map(|l| l.line).unwrap_or(self.first_line)
    }
    pub fn filename(&self) -> &str {
        &self.source.path
    }
}
