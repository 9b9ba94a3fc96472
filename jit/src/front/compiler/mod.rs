//! Code generation: AST to register bytecode, one function per construct.
//!
//! Register layout of a frame: parameters, then the other locals, then the cells
//! of free variables, then temporaries, allocated like a stack. Expressions are
//! compiled "into" a register: a local variable is used in place (no copy), and an
//! operation writes its destination only after it has read all its operands, so
//! `x = x + 1` can compute straight into `x`'s register. Constructs that write
//! their destination early (`and`/`or`, chained comparisons) use a temporary.
//!
//! `try`/`finally` is compiled by duplicating the `finally` body on each way out
//! (normal exit, `return`, `break`, `continue`) plus once in an exception handler
//! that re-raises, as CPython does; while a duplicate is emitted, the protected
//! ranges that must not cover it are suspended.
//!
//! # Layout
//!
//! This file holds `compile_module`, the per-function state (`FnCompiler`) and
//! its life cycle (`new`, `prologue`, `finish`). The methods are spread over one
//! file per concern, each an `impl FnCompiler` block: `emit` (instructions,
//! locations, registers, constants) and `names` underlie the rest; `stmt`
//! dispatches statements to `assign`, `control`, `exceptions`, `defs` and
//! `annotations`; `expr` dispatches expressions to `fold`, `displays`,
//! `calls`, `fstrings` and `comprehensions`.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use ruff_python_ast::Stmt;

use crate::bytecode::code::{Code, CodeKind, ExcEntry, Loc, Params, SourceFile};
use crate::bytecode::opcodes::Instr;
use crate::front::scope::{self, Scopes};
use crate::front::CompileError;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::ModuleObj;
use crate::runtime::value::Value;

mod annotations;
mod assign;
mod calls;
mod comprehensions;
mod control;
mod defs;
mod displays;
mod emit;
mod exceptions;
mod expr;
mod fold;
mod fstrings;
mod names;
pub(crate) mod patterns;
mod stmt;

use annotations::{check_future_imports, has_annotations};

type CResult<T> = Result<T, CompileError>;

/// Compile a parsed module into its top-level code object.
pub fn compile_module(
    vm: &mut Vm,
    src: Rc<SourceFile>,
    module: Gc<ModuleObj>,
    body: &[Stmt],
) -> CResult<Rc<Code>> {
    let future_annotations = check_future_imports(body)?;
    let scopes = scope::analyze(body).map_err(|e| CompileError {
        unsupported: e.unsupported,
        msg: e.msg,
        offset: e.range.start().to_u32(),
    })?;
    let mut ctx = Ctx {
        vm,
        src,
        scopes,
        module,
        future_annotations,
    };
    let mut fc = FnCompiler::new(
        &mut ctx,
        0,
        CodeKind::Module,
        "<module>".into(),
        "<module>".into(),
        Params::default(),
        1,
    );
    fc.prologue();
    if has_annotations(body) {
        fc.setup_annotations()?;
    }
    fc.stmts(body)?;
    fc.emit(Instr::ReturnNone {});
    Ok(Rc::new(fc.finish()))
}

struct Ctx<'v> {
    vm: &'v mut Vm,
    src: Rc<SourceFile>,
    scopes: Scopes,
    module: Gc<ModuleObj>,
    /// `from __future__ import annotations`: module and class annotations
    /// are stored as their source text, not evaluated.
    future_annotations: bool,
}

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    Int(i64),
    Float(u64),
    Str(String),
    Big(String),
    Bytes(Vec<u8>),
    Names(Vec<String>),
}

/// Something a `break`, `continue` or `return` must undo on its way out.
enum Unwind<'a> {
    /// An `except` handler is running: leave it (pop the handled exception).
    Handler,
    /// A `finally` body must run; `regions` is how many protected regions were
    /// active before its `try` began.
    Finally {
        body: FinallyBody<'a>,
        regions: usize,
    },
    /// A `for` loop over a call's result: a `return` (and the loop's own
    /// `break`) closes the iterator in the register (`OwnedLoop`).
    OwnedIter(u16),
}

/// What runs on the way out of a `try`/`finally` or a `with` block.
#[derive(Clone, Copy)]
enum FinallyBody<'a> {
    Stmts(&'a [Stmt]),
    /// `exit(None, None, None)` for a `with` block whose bound `__exit__` is
    /// in the register.
    WithExit(u16),
}

struct LoopCtx {
    continue_target: usize,
    breaks: Vec<usize>,
    unwind_depth: usize,
    /// A `for` loop over a call's result: its iterator's register, which
    /// `break` closes (`OwnedLoop`).
    close: Option<u16>,
}

struct Region {
    /// Opening order: a region opened later is nested inside the earlier ones
    /// it overlaps, so the unwinder tries higher ids first.
    id: u32,
    segments: Vec<(u32, u32)>,
    open: Option<u32>,
    exc_reg: u16,
    depth: u16,
}

struct FnCompiler<'c, 'v, 'a> {
    ctx: &'c mut Ctx<'v>,
    scope: usize,
    kind: CodeKind,
    name: Rc<str>,
    qualname: Rc<str>,
    params: Params,
    first_line: u32,
    instrs: Vec<Instr>,
    /// Instructions that carry out an augmented assignment (see
    /// `Code::augmented`).
    augmented: Vec<u32>,
    locs: Vec<Loc>,
    method_locs: Vec<(u32, Loc)>,
    cur_loc: Loc,
    consts: Vec<Value>,
    const_map: HashMap<ConstKey, u16>,
    names: Vec<Gc<crate::runtime::object::StrObj>>,
    name_map: HashMap<String, u16>,
    children: Vec<Rc<Code>>,
    vars: HashMap<String, u16>,
    reg_names: Vec<Option<Rc<str>>>,
    /// See `Code::nvars` and `Code::frees_start`.
    nvars: u16,
    reads_frame: bool,
    frees_start: u16,
    next_reg: u16,
    max_reg: u16,
    loops: Vec<LoopCtx>,
    unwind: Vec<Unwind<'a>>,
    regions: Vec<Region>,
    exc_entries: Vec<(u32, ExcEntry)>,
    /// `for` loops over a call's result, in the order they end (innermost
    /// first).
    owned_loops: Vec<crate::bytecode::code::OwnedLoop>,
    regions_opened: u32,
    handler_depth: u16,
    /// Locals certainly assigned at this point (no unbound check needed).
    bound: HashSet<String>,
    nesting: u32,
    doc: Option<Rc<str>>,
    /// The innermost enclosing class's name, for private name mangling
    /// (`front::mangle`); None outside classes.
    private: Option<Rc<str>>,
}

const MAX_REGS: u16 = 60000;

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    fn new(
        ctx: &'c mut Ctx<'v>,
        scope: usize,
        kind: CodeKind,
        name: Rc<str>,
        qualname: Rc<str>,
        params: Params,
        first_line: u32,
    ) -> Self {
        let mut fc = FnCompiler {
            ctx,
            scope,
            kind,
            name,
            qualname,
            params,
            first_line,
            instrs: Vec::new(),
            augmented: Vec::new(),
            locs: Vec::new(),
            method_locs: Vec::new(),
            cur_loc: Loc {
                line: first_line,
                col: 1,
                start: 0,
                end: 0,
            },
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            children: Vec::new(),
            vars: HashMap::new(),
            reg_names: Vec::new(),
            nvars: 0,
            reads_frame: false,
            frees_start: 0,
            next_reg: 0,
            max_reg: 0,
            loops: Vec::new(),
            unwind: Vec::new(),
            regions: Vec::new(),
            exc_entries: Vec::new(),
            owned_loops: Vec::new(),
            regions_opened: 0,
            handler_depth: 0,
            bound: HashSet::new(),
            nesting: 0,
            doc: None,
            private: None,
        };
        if kind == CodeKind::ClassBody {
            // Register 0 holds the namespace dict; then the `__class__` cell
            // and the free variables passed through to methods.
            fc.reg_names.push(Some(".namespace".into()));
            fc.next_reg = 1;
            let sc = &fc.ctx.scopes.scopes[scope];
            let mut cells: Vec<String> = sc.cells.iter().cloned().collect();
            cells.sort();
            let frees = sc.frees.clone();
            for n in cells.iter().chain(frees.iter()) {
                let r = fc.next_reg;
                fc.vars.insert(n.clone(), r);
                fc.reg_names.push(Some(n.as_str().into()));
                fc.next_reg += 1;
            }
            fc.max_reg = fc.next_reg;
        } else if kind != CodeKind::Module {
            let sc = &fc.ctx.scopes.scopes[scope];
            let locals = sc.locals.clone();
            let frees = sc.frees.clone();
            for n in locals.iter().chain(frees.iter()) {
                let r = fc.next_reg;
                fc.vars.insert(n.clone(), r);
                fc.reg_names.push(Some(n.as_str().into()));
                fc.next_reg += 1;
            }
            fc.max_reg = fc.next_reg;
            fc.nvars = fc.next_reg;
            fc.frees_start = locals.len() as u16;
            for p in fc.params.names.clone() {
                fc.bound.insert(p.to_string());
            }
        }
        fc
    }

    fn prologue(&mut self) {
        if self.kind == CodeKind::Module {
            return;
        }
        let sc = &self.ctx.scopes.scopes[self.scope];
        let frees = sc.frees.clone();
        let mut cells: Vec<String> = sc.cells.iter().cloned().collect();
        cells.sort_by_key(|c| self.vars[c]);
        for (i, f) in frees.iter().enumerate() {
            let r = self.vars[f];
            self.emit(Instr::LoadClosure {
                dst: r,
                idx: i as u16,
            });
        }
        for c in cells {
            let r = self.vars[&c];
            self.emit(Instr::MakeCell { reg: r });
        }
    }

    fn finish(mut self) -> Code {
        debug_assert!(self.regions.is_empty());
        // Innermost (most recently opened) regions first: the unwinder takes the
        // first entry that covers the faulting instruction.
        self.exc_entries
            .sort_by_key(|(id, e)| (std::cmp::Reverse(*id), e.start));
        let mut nregs = self.max_reg.max(self.params.total()).max(1);
        let locals_reg = (self.reads_frame
            && !matches!(self.kind, CodeKind::Module | CodeKind::ClassBody))
        .then(|| {
            // One more register: the frame's `locals()` dict.
            nregs += 1;
            nregs - 1
        });
        self.reg_names.resize(nregs as usize, None);
        let is_generator =
            self.ctx.scopes.scopes[self.scope].is_generator && self.kind != CodeKind::Module;
        // A body whose last statement falls through, or a jump to the end,
        // returns None (the compiler emits that return; this is the check).
        let needs_end = self
            .instrs
            .last()
            .is_none_or(crate::bytecode::code::falls_through)
            || self
                .instrs
                .iter()
                .any(|i| i.jump_target() == Some(self.instrs.len() as u32));
        if needs_end {
            self.emit(Instr::ReturnNone {});
        }
        let exc_table: Vec<ExcEntry> = self.exc_entries.drain(..).map(|(_, e)| e).collect();
        crate::bytecode::code::check_flow(
            &self.instrs,
            &exc_table,
            self.consts.len(),
            self.names.len(),
        );
        let n_instrs = self.instrs.len();
        let first_line = self.first_line;
        let locs = &self.locs;
        let prof = crate::recorder::CodeProf::new(
            &self.instrs,
            exc_table.iter().map(|e| e.handler),
            |pc| locs.get(pc).map_or(first_line, |l| l.line),
        );
        Code {
            kind: self.kind,
            name: self.name,
            qualname: self.qualname,
            source: self.ctx.src.clone(),
            first_line: self.first_line,
            instrs: self.instrs,
            augmented: self.augmented,
            locs: self.locs,
            method_locs: self.method_locs,
            consts: self.consts,
            names: self.names,
            nregs,
            params: self.params,
            reg_names: self.reg_names,
            nvars: self.nvars,
            frees_start: self.frees_start,
            reads_frame: self.reads_frame,
            locals_reg,
            children: self.children,
            exc_table,
            owned_loops: self.owned_loops,
            is_generator,
            doc: self.doc,
            caches: (0..n_instrs)
                .map(|_| crate::interp::attr_cache::AttrCache::default())
                .collect(),
            module: self.ctx.module,
            jit: Default::default(),
            feedback: crate::jit::feedback::Feedback::new(n_instrs),
            prof,
            name_objs: std::cell::Cell::new(None),
        }
    }
}
