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

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, CmpOp, Expr, Operator, Stmt, UnaryOp};
use ruff_text_size::Ranged;

use crate::bytecode::code::{Code, CodeKind, ExcEntry, Loc, Params, SourceFile};
use crate::bytecode::opcodes::{Instr, NO_REG};
use crate::front::scope::{self, NameAccess, Scopes};
use crate::front::CompileError;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::{BytesObj, ModuleObj, TupleObj};
use crate::runtime::value::Value;

type CResult<T> = Result<T, CompileError>;

/// Compile a parsed module into its top-level code object.
/// The features `from __future__ import` accepts (all already standard
/// behaviour here: annotations, the one that is not in 3.11, are never
/// evaluated by jitprof, which is what the import asks for).
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

fn is_future_import(s: &Stmt) -> Option<&ruff_python_ast::StmtImportFrom> {
    match s {
        Stmt::ImportFrom(i)
            if i.level == 0
                && i.module
                    .as_ref()
                    .is_some_and(|m| m.as_str() == "__future__") =>
        {
            Some(i)
        }
        _ => None,
    }
}

/// CPython's compile-time rules for `from __future__ import`: only at the
/// start of a module (after its docstring and other future imports), and
/// only of known features.
fn check_future_imports(body: &[Stmt]) -> CResult<bool> {
    let mut at_start = true;
    let mut annotations = false;
    for (i, st) in body.iter().enumerate() {
        let Some(imp) = is_future_import(st) else {
            let docstring = i == 0
                && matches!(st, Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_)));
            if !docstring {
                at_start = false;
            }
            continue;
        };
        let at = imp.range.start().to_u32();
        if !at_start {
            return Err(CompileError::syntax(
                "from __future__ imports must occur at the beginning of the file",
                at,
            ));
        }
        for a in &imp.names {
            match a.name.as_str() {
                "braces" => return Err(CompileError::syntax("not a chance", at)),
                "annotations" => annotations = true,
                n if !FUTURE_FEATURES.contains(&n) => {
                    return Err(CompileError::syntax(
                        format!("future feature {n} is not defined"),
                        at,
                    ))
                }
                _ => {}
            }
        }
    }
    Ok(annotations)
}

/// Whether a module or class body annotates a name anywhere outside nested
/// functions and classes: CPython then gives it an `__annotations__` dict
/// before the body runs.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                })
        }
        _ => false,
    })
}

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
    regions_opened: u32,
    handler_depth: u16,
    /// Locals certainly assigned at this point (no unbound check needed).
    bound: HashSet<String>,
    nesting: u32,
    doc: Option<Rc<str>>,
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
            regions_opened: 0,
            handler_depth: 0,
            bound: HashSet::new(),
            nesting: 0,
            doc: None,
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

    // ------------------------------------------------------------ emission

    fn emit(&mut self, i: Instr) -> usize {
        self.instrs.push(i);
        self.locs.push(self.cur_loc);
        self.instrs.len() - 1
    }

    fn here(&self) -> usize {
        self.instrs.len()
    }

    /// The location of the source range `start..end` (byte offsets).
    fn loc_of(&self, start: u32, end: u32) -> Loc {
        let (line, col) = self.ctx.src.line_col(start);
        Loc {
            line,
            col,
            start,
            end,
        }
    }

    /// A location at the start of `line` with no range (no traceback markers).
    fn line_loc(&self, line: u32) -> Loc {
        let start = self
            .ctx
            .src
            .line_starts
            .get((line as usize).saturating_sub(1))
            .copied()
            .unwrap_or(0);
        Loc {
            line,
            col: 1,
            start,
            end: start,
        }
    }

    /// Make `node` the current location (as CPython's SET_LOC); returns the
    /// previous one for restoring.
    fn set_loc(&mut self, node: &impl Ranged) -> Loc {
        let prev = self.cur_loc;
        let r = node.range();
        self.cur_loc = self.loc_of(r.start().to_u32(), r.end().to_u32());
        prev
    }

    /// The location of an attribute access within `cur` (the attribute
    /// node's or its call's): when the attribute name is on a later line than
    /// `cur` starts, the location starts at the name, so a chained call split
    /// over lines reports the line of the failing link (CPython 3.11's
    /// `update_start_location_to_match_attr`).
    fn attr_loc(&self, a: &ast::ExprAttribute, cur: Loc) -> Loc {
        let end = a.range.end().to_u32();
        let name_start = end.saturating_sub(a.attr.as_str().len() as u32);
        let (end_line, _) = self.ctx.src.line_col(end);
        if cur.line == end_line {
            return cur;
        }
        let l = self.loc_of(name_start, cur.end.max(name_start));
        l
    }

    /// `loc` extended to the parentheses around it (blanks between allowed),
    /// when there are some.
    fn widen_to_parens(&self, loc: Loc) -> Loc {
        let text = self.ctx.src.text.as_bytes();
        let blank = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
        let mut s = loc.start as usize;
        while s > 0 && blank(text[s - 1]) {
            s -= 1;
        }
        let mut e = loc.end as usize;
        while e < text.len() && blank(text[e]) {
            e += 1;
        }
        if s > 0 && text[s - 1] == b'(' && e < text.len() && text[e] == b')' {
            return self.loc_of(s as u32 - 1, e as u32 + 1);
        }
        loc
    }

    /// Set the current location to attribute `a`'s (see `attr_loc`).
    fn set_attr_loc(&mut self, a: &ast::ExprAttribute) -> Loc {
        let prev = self.set_loc(a);
        self.cur_loc = self.attr_loc(a, self.cur_loc);
        prev
    }

    fn patch(&mut self, at: usize, target: usize) -> CResult<()> {
        let t = self.target16(target)?;
        match &mut self.instrs[at] {
            Instr::Jump { target }
            | Instr::JumpIfFalse { target, .. }
            | Instr::JumpIfTrue { target, .. }
            | Instr::JumpIfNotLt { target, .. }
            | Instr::JumpIfNotLe { target, .. }
            | Instr::JumpIfNotGt { target, .. }
            | Instr::JumpIfNotGe { target, .. }
            | Instr::JumpIfNotEq { target, .. }
            | Instr::JumpIfNotNe { target, .. }
            | Instr::ForIter { target, .. } => *target = t,
            _ => unreachable!("patching a non-jump"),
        }
        Ok(())
    }

    fn patch_all(&mut self, ats: Vec<usize>, target: usize) -> CResult<()> {
        for a in ats {
            self.patch(a, target)?;
        }
        Ok(())
    }

    fn target16(&self, t: usize) -> CResult<u16> {
        u16::try_from(t).map_err(|_| self.too_large())
    }

    fn too_large(&self) -> CompileError {
        CompileError::unsupported(
            format!(
                "function '{}' is too large (more than 65535 instructions)",
                self.qualname
            ),
            self.offset_now(),
        )
    }

    fn offset_now(&self) -> u32 {
        let l = self.cur_loc.line as usize;
        self.ctx
            .src
            .line_starts
            .get(l.saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }

    fn jump(&mut self) -> usize {
        self.emit(Instr::Jump { target: 0 })
    }

    fn jump_to(&mut self, target: usize) -> CResult<()> {
        let t = self.target16(target)?;
        self.emit(Instr::Jump { target: t });
        Ok(())
    }

    // ------------------------------------------------------------ registers

    fn alloc(&mut self) -> CResult<u16> {
        let r = self.next_reg;
        if r >= MAX_REGS {
            return Err(CompileError::unsupported(
                "too many registers in one function",
                self.offset_now(),
            ));
        }
        self.next_reg += 1;
        self.max_reg = self.max_reg.max(self.next_reg);
        Ok(r)
    }

    fn alloc_n(&mut self, n: usize) -> CResult<u16> {
        let start = self.next_reg;
        for _ in 0..n {
            self.alloc()?;
        }
        Ok(start)
    }

    fn free_to(&mut self, mark: u16) {
        self.next_reg = mark;
    }

    // ------------------------------------------------------------ constants

    fn const_index(&mut self, key: ConstKey, make: impl FnOnce(&mut Vm) -> Value) -> CResult<u16> {
        if let Some(&i) = self.const_map.get(&key) {
            return Ok(i);
        }
        let v = make(self.ctx.vm);
        let i = u16::try_from(self.consts.len()).map_err(|_| {
            CompileError::unsupported("too many constants in one function", self.offset_now())
        })?;
        self.consts.push(v);
        self.const_map.insert(key, i);
        Ok(i)
    }

    fn str_const(&mut self, s: &str) -> CResult<u16> {
        let owned = s.to_string();
        self.const_index(ConstKey::Str(owned.clone()), |vm| {
            Value::Str(vm.intern(&owned))
        })
    }

    fn name(&mut self, s: &str) -> CResult<u16> {
        if let Some(&i) = self.name_map.get(s) {
            return Ok(i);
        }
        let g = self.ctx.vm.intern(s);
        let i = u16::try_from(self.names.len()).map_err(|_| {
            CompileError::unsupported("too many names in one function", self.offset_now())
        })?;
        self.names.push(g);
        self.name_map.insert(s.to_string(), i);
        Ok(i)
    }

    fn load_const(&mut self, dst: u16, k: u16) {
        self.emit(Instr::LoadConst { dst, k });
    }

    fn load_int(&mut self, dst: u16, v: i64) -> CResult<()> {
        if let Ok(imm) = i16::try_from(v) {
            self.emit(Instr::LoadInt {
                dst,
                imm: imm as u16,
            });
        } else {
            let k = self.const_index(ConstKey::Int(v), |_| Value::Int(v))?;
            self.load_const(dst, k);
        }
        Ok(())
    }

    fn load_none(&mut self, dst: u16) {
        self.emit(Instr::LoadNone { dst });
    }

    // ------------------------------------------------------------ names

    fn access(&self, name: &str) -> NameAccess {
        self.ctx.scopes.access(self.scope, name)
    }

    fn global_slot(&mut self, name: &str) -> CResult<u16> {
        let s = self.ctx.module.intern_slot(name);
        u16::try_from(s)
            .map_err(|_| CompileError::unsupported("too many global names", self.offset_now()))
    }

    fn load_name(&mut self, name: &str, dst: Option<u16>) -> CResult<u16> {
        if matches!(name, "locals" | "vars") {
            // locals() reads the frame's registers (see `Code::reads_frame`).
            self.reads_frame = true;
        }
        match self.access(name) {
            NameAccess::Local => {
                let r = self.vars[name];
                if !self.bound.contains(name) {
                    let n = self.name(name)?;
                    self.emit(Instr::CheckBound { reg: r, name: n });
                }
                match dst {
                    Some(d) if d != r => {
                        self.emit(Instr::Move { dst: d, src: r });
                        Ok(d)
                    }
                    _ => Ok(r),
                }
            }
            NameAccess::Cell | NameAccess::Free => {
                let cell = self.vars[name];
                let out = match dst {
                    Some(d) => d,
                    None => self.alloc()?,
                };
                let n = self.name(name)?;
                self.emit(Instr::LoadDeref {
                    dst: out,
                    cell,
                    name: n,
                });
                Ok(out)
            }
            NameAccess::Global => {
                let out = match dst {
                    Some(d) => d,
                    None => self.alloc()?,
                };
                let slot = self.global_slot(name)?;
                let n = self.name(name)?;
                self.emit(Instr::LoadGlobal {
                    dst: out,
                    slot,
                    name: n,
                });
                Ok(out)
            }
            NameAccess::ClassName => {
                let out = match dst {
                    Some(d) => d,
                    None => self.alloc()?,
                };
                // The global slot is interned so the runtime's fallback finds it.
                self.global_slot(name)?;
                let n = self.name(name)?;
                self.emit(Instr::LoadName { dst: out, name: n });
                Ok(out)
            }
        }
    }

    fn store_name(&mut self, name: &str, src: u16) -> CResult<()> {
        match self.access(name) {
            NameAccess::Local => {
                let r = self.vars[name];
                if r != src {
                    self.emit(Instr::Move { dst: r, src });
                }
                if self.nesting == 0 {
                    self.bound.insert(name.to_string());
                }
            }
            NameAccess::Cell | NameAccess::Free => {
                let cell = self.vars[name];
                self.emit(Instr::StoreDeref { cell, src });
            }
            NameAccess::Global => {
                let slot = self.global_slot(name)?;
                self.emit(Instr::StoreGlobal { slot, src });
            }
            NameAccess::ClassName => {
                let n = self.name(name)?;
                self.emit(Instr::StoreName { name: n, src });
            }
        }
        Ok(())
    }

    /// The register a plain local lives in, if `name` is one (for computing
    /// straight into it).
    fn local_reg(&self, name: &str) -> Option<u16> {
        match self.access(name) {
            NameAccess::Local => self.vars.get(name).copied(),
            _ => None,
        }
    }

    // ------------------------------------------------------------ functions

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
        let prof = crate::recorder::CodeProf::new(&self.instrs, |pc| {
            locs.get(pc).map_or(first_line, |l| l.line)
        });
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

    fn params_of(p: &ast::Parameters) -> Params {
        let mut names: Vec<Rc<str>> = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            names.push(a.parameter.name.as_str().into());
        }
        for a in p.kwonlyargs.iter() {
            names.push(a.parameter.name.as_str().into());
        }
        if let Some(v) = &p.vararg {
            names.push(v.name.as_str().into());
        }
        if let Some(v) = &p.kwarg {
            names.push(v.name.as_str().into());
        }
        Params {
            names,
            posonly: p.posonlyargs.len() as u16,
            positional: (p.posonlyargs.len() + p.args.len()) as u16,
            kwonly: p.kwonlyargs.len() as u16,
            varargs: p.vararg.is_some(),
            varkw: p.kwarg.is_some(),
        }
    }

    fn child_qualname(&self, name: &str) -> Rc<str> {
        match self.kind {
            CodeKind::Module => name.into(),
            CodeKind::ClassBody => format!("{}.{}", self.qualname, name).into(),
            _ => format!("{}.<locals>.{}", self.qualname, name).into(),
        }
    }

    /// Emit MakeFunction for a compiled child; defaults and closure come from the
    /// current scope. Returns the register holding the function.
    fn make_function(
        &mut self,
        child: Code,
        child_scope: usize,
        p: Option<&'a ast::Parameters>,
        dst: Option<u16>,
    ) -> CResult<u16> {
        let out = match dst {
            Some(d) => d,
            None => self.alloc()?,
        };
        let mark = self.next_reg;
        let args = self.alloc_n(3)?;
        // Positional defaults.
        let mut has_any = false;
        if let Some(p) = p {
            let defaults: Vec<&Expr> = p
                .posonlyargs
                .iter()
                .chain(p.args.iter())
                .filter_map(|a| a.default.as_deref())
                .collect();
            if defaults.is_empty() {
                self.load_none(args);
            } else {
                has_any = true;
                let start = self.alloc_n(defaults.len())?;
                for (i, d) in defaults.iter().enumerate() {
                    self.expr_to(d, start + i as u16)?;
                }
                self.emit(Instr::BuildTuple {
                    dst: args,
                    start,
                    count: defaults.len() as u16,
                });
                self.free_to(args + 3);
            }
            let kw: Vec<(&str, &Expr)> = p
                .kwonlyargs
                .iter()
                .filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d)))
                .collect();
            if kw.is_empty() {
                self.load_none(args + 1);
            } else {
                has_any = true;
                let start = self.alloc_n(kw.len() * 2)?;
                for (i, (n, d)) in kw.iter().enumerate() {
                    let k = self.str_const(n)?;
                    self.load_const(start + 2 * i as u16, k);
                    self.expr_to(d, start + 2 * i as u16 + 1)?;
                }
                self.emit(Instr::BuildDict {
                    dst: args + 1,
                    start,
                    count: kw.len() as u16,
                });
                self.free_to(args + 3);
            }
        } else {
            self.load_none(args);
            self.load_none(args + 1);
        }
        let frees = self.ctx.scopes.scopes[child_scope].frees.clone();
        if frees.is_empty() {
            self.load_none(args + 2);
        } else {
            has_any = true;
            let start = self.alloc_n(frees.len())?;
            for (i, f) in frees.iter().enumerate() {
                let r = *self.vars.get(f).ok_or_else(|| {
                    CompileError::syntax(
                        format!("internal: free variable '{f}' not found"),
                        self.offset_now(),
                    )
                })?;
                self.emit(Instr::Move {
                    dst: start + i as u16,
                    src: r,
                });
            }
            self.emit(Instr::BuildTuple {
                dst: args + 2,
                start,
                count: frees.len() as u16,
            });
            self.free_to(args + 3);
        }
        let proto = u16::try_from(self.children.len()).map_err(|_| {
            CompileError::unsupported("too many nested functions", self.offset_now())
        })?;
        self.children.push(Rc::new(child));
        self.emit(Instr::MakeFunction {
            dst: out,
            proto,
            args: if has_any { args } else { NO_REG },
        });
        self.free_to(mark);
        Ok(out)
    }

    /// `super().name` or `super(C, x).name`: the arguments of the super call
    /// when `e` is one that LoadSuperAttr can serve (None: compile a plain call).
    fn super_call_args(&self, e: &'a Expr) -> Option<&'a [Expr]> {
        let Expr::Call(c) = e else { return None };
        let Expr::Name(n) = &*c.func else { return None };
        if n.id.as_str() != "super"
            || self.access("super") != NameAccess::Global
            || !c.arguments.keywords.is_empty()
        {
            return None;
        }
        match c.arguments.args.len() {
            0 => {
                // Zero-argument form: needs the `__class__` cell and a first
                // parameter; without them the plain call raises RuntimeError.
                let has_cell = matches!(
                    self.access("__class__"),
                    NameAccess::Free | NameAccess::Cell
                );
                (has_cell && self.params.positional > 0 && self.kind == CodeKind::Function)
                    .then_some(&c.arguments.args[..])
            }
            2 if !c
                .arguments
                .args
                .iter()
                .any(|a| matches!(a, Expr::Starred(_))) =>
            {
                Some(&c.arguments.args[..])
            }
            _ => None,
        }
    }

    /// Compile `super(...).attr` into `out` if `a` has that form.
    fn super_attr(&mut self, a: &'a ast::ExprAttribute, out: u16) -> CResult<bool> {
        let Some(args) = self.super_call_args(&a.value) else {
            return Ok(false);
        };
        let mark = self.next_reg;
        let r = self.alloc_n(2)?;
        if args.is_empty() {
            self.load_name("__class__", Some(r))?;
            let first = self.params.names[0].clone();
            self.load_name(&first, Some(r + 1))?;
        } else {
            self.expr_to(&args[0], r)?;
            self.expr_to(&args[1], r + 1)?;
        }
        let n = self.name(a.attr.as_str())?;
        self.set_loc(a);
        self.emit(Instr::LoadSuperAttr {
            dst: out,
            args: r,
            name: n,
        });
        self.free_to(mark.max(out + 1));
        Ok(true)
    }

    /// `__annotations__ = {}` at the start of a module or class body.
    fn setup_annotations(&mut self) -> CResult<()> {
        let mark = self.next_reg;
        let d = self.alloc()?;
        self.emit(Instr::BuildDict {
            dst: d,
            start: d,
            count: 0,
        });
        self.store_name("__annotations__", d)?;
        self.free_to(mark);
        Ok(())
    }

    /// A module or class body's `name: annotation`: the annotation goes
    /// into `__annotations__` (evaluated, or its source text under `from
    /// __future__ import annotations`); other targets' annotations are
    /// evaluated and dropped, as in CPython.
    fn annotate(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        let future = self.ctx.future_annotations;
        let mark = self.next_reg;
        match (&*a.target, a.simple) {
            (Expr::Name(n), true) => {
                let v = self.alloc()?;
                if future {
                    let r = a.annotation.range();
                    let text =
                        self.ctx.src.text[r.start().to_usize()..r.end().to_usize()].to_string();
                    let k = self.str_const(&text)?;
                    self.load_const(v, k);
                } else {
                    self.expr_to(&a.annotation, v)?;
                }
                let d = self.load_name("__annotations__", None)?;
                let key = self.alloc()?;
                let k = self.str_const(n.id.as_str())?;
                self.load_const(key, k);
                self.emit(Instr::StoreSubscr {
                    obj: d,
                    key,
                    src: v,
                });
            }
            _ if !future => {
                self.expr(&a.annotation)?;
            }
            _ => {}
        }
        self.free_to(mark);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        if c.type_params.is_some() {
            return Err(CompileError::unsupported(
                "type parameters",
                c.range.start().to_u32(),
            ));
        }
        let mark = self.next_reg;
        let mut decos = Vec::new();
        for d in &c.decorator_list {
            let r = self.alloc()?;
            self.expr_to(&d.expression, r)?;
            decos.push((r, &d.expression));
        }
        let child_scope = self.ctx.scopes.of_node(c);
        let line = self.ctx.src.line_col(c.range.start().to_u32()).0;
        let qual = self.child_qualname(c.name.as_str());
        let params = Params {
            names: vec![".namespace".into()],
            positional: 1,
            ..Params::default()
        };
        let child = {
            let ctx: &mut Ctx<'v> = self.ctx;
            let mut b = FnCompiler::new(
                ctx,
                child_scope,
                CodeKind::ClassBody,
                c.name.as_str().into(),
                qual.clone(),
                params,
                line,
            );
            b.cur_loc = b.line_loc(line);
            b.prologue();
            // __module__ and __qualname__ first, as CPython's class bodies do.
            let t = b.alloc()?;
            let slot = b.global_slot("__name__")?;
            let nn = b.name("__name__")?;
            b.emit(Instr::LoadGlobal {
                dst: t,
                slot,
                name: nn,
            });
            let mn = b.name("__module__")?;
            b.emit(Instr::StoreName { name: mn, src: t });
            let qk = b.str_const(&qual)?;
            b.load_const(t, qk);
            let qn = b.name("__qualname__")?;
            b.emit(Instr::StoreName { name: qn, src: t });
            if let Some(Stmt::Expr(e)) = c.body.first() {
                if let Expr::StringLiteral(d) = &*e.value {
                    let dk = b.str_const(d.value.to_str())?;
                    b.load_const(t, dk);
                    let dn = b.name("__doc__")?;
                    b.emit(Instr::StoreName { name: dn, src: t });
                }
            }
            b.free_to(t);
            if has_annotations(&c.body) {
                b.setup_annotations()?;
            }
            b.stmts(&c.body)?;
            // The `__class__` cell goes back to __build_class__, which fills it.
            match b.vars.get("__class__") {
                Some(&cell) => b.emit(Instr::Return { src: cell }),
                None => b.emit(Instr::ReturnNone {}),
            };
            b.finish()
        };
        self.set_loc(c);
        let base = self.alloc()?;
        let bn = self.name("__build_class__")?;
        self.emit(Instr::LoadBuiltin {
            dst: base,
            name: bn,
        });
        let f = self.alloc()?;
        self.make_function(child, child_scope, None, Some(f))?;
        let nr = self.alloc()?;
        let nk = self.str_const(c.name.as_str())?;
        self.load_const(nr, nk);
        let mut argc = 2u16;
        let mut kwnames = Vec::new();
        if let Some(args) = &c.arguments {
            for a in args.args.iter() {
                if let Expr::Starred(st) = a {
                    return Err(CompileError::unsupported(
                        "starred base classes",
                        st.range.start().to_u32(),
                    ));
                }
                let r = self.alloc()?;
                self.expr_to(a, r)?;
                argc += 1;
            }
            for k in args.keywords.iter() {
                let Some(name) = &k.arg else {
                    return Err(CompileError::unsupported(
                        "** in class arguments",
                        k.range.start().to_u32(),
                    ));
                };
                let r = self.alloc()?;
                self.expr_to(&k.value, r)?;
                kwnames.push(name.as_str().to_string());
                argc += 1;
            }
        }
        self.set_loc(c);
        if kwnames.is_empty() {
            self.emit(Instr::Call { func: base, argc });
        } else {
            let names = kwnames.clone();
            let k = self.const_index(ConstKey::Names(names.clone()), |vm| {
                let items: Vec<Value> = names.iter().map(|n| Value::Str(vm.intern(n))).collect();
                Value::Tuple(vm.heap.alloc_pinned(TupleObj::new(items)))
            })?;
            self.emit(Instr::CallKw {
                func: base,
                argc,
                kwnames: k,
            });
        }
        let mut v = base;
        for &(d, dexpr) in decos.iter().rev() {
            let b2 = self.alloc()?;
            self.emit(Instr::Move { dst: b2, src: d });
            let a = self.alloc()?;
            self.emit(Instr::Move { dst: a, src: v });
            // The call reports the decorator's location, as CPython's.
            let prev = self.set_loc(dexpr);
            self.emit(Instr::Call { func: b2, argc: 1 });
            self.cur_loc = prev;
            v = b2;
        }
        self.store_name(c.name.as_str(), v)?;
        self.free_to(mark);
        Ok(())
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        if f.is_async {
            return Err(CompileError::unsupported(
                "async def",
                f.range.start().to_u32(),
            ));
        }
        if f.type_params.is_some() {
            return Err(CompileError::unsupported(
                "type parameters",
                f.range.start().to_u32(),
            ));
        }
        let mark = self.next_reg;
        // Decorators are evaluated before the function is made.
        let mut decos = Vec::new();
        for d in &f.decorator_list {
            let r = self.alloc()?;
            self.expr_to(&d.expression, r)?;
            decos.push((r, &d.expression));
        }
        let child_scope = self.ctx.scopes.of_node(f);
        let params = Self::params_of(&f.parameters);
        let line = self.ctx.src.line_col(f.range.start().to_u32()).0;
        let qual = self.child_qualname(f.name.as_str());
        let child = {
            let ctx: &mut Ctx<'v> = self.ctx;
            let mut c = FnCompiler::new(
                ctx,
                child_scope,
                CodeKind::Function,
                f.name.as_str().into(),
                qual,
                params,
                line,
            );
            c.cur_loc = c.line_loc(line);
            if let Some(Stmt::Expr(e)) = f.body.first() {
                if let Expr::StringLiteral(d) = &*e.value {
                    c.doc = Some(d.value.to_str().into());
                }
            }
            c.prologue();
            c.stmts(&f.body)?;
            c.emit(Instr::ReturnNone {});
            c.finish()
        };
        let r = self.make_function(child, child_scope, Some(&f.parameters), None)?;
        let mut v = r;
        for &(d, dexpr) in decos.iter().rev() {
            // d(v): callee in a fresh register followed by the argument.
            let base = self.alloc()?;
            self.emit(Instr::Move { dst: base, src: d });
            let a = self.alloc()?;
            self.emit(Instr::Move { dst: a, src: v });
            // The call reports the decorator's location, as CPython's.
            let prev = self.set_loc(dexpr);
            self.emit(Instr::Call {
                func: base,
                argc: 1,
            });
            self.cur_loc = prev;
            v = base;
        }
        self.store_name(f.name.as_str(), v)?;
        self.free_to(mark);
        Ok(())
    }

    // ------------------------------------------------------------ statements

    fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> CResult<T>) -> CResult<T> {
        self.nesting += 1;
        let r = f(self);
        self.nesting -= 1;
        r
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.set_loc(s);
        let mark = self.next_reg;
        match s {
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Return(r) => {
                if matches!(self.kind, CodeKind::Module | CodeKind::ClassBody) {
                    return Err(CompileError::syntax(
                        "'return' outside function",
                        r.range.start().to_u32(),
                    ));
                }
                // With a finally body to run first, the value must be kept in a
                // temporary the body cannot overwrite; otherwise return straight
                // from wherever it is (a local's own register).
                let has_finally = self
                    .unwind
                    .iter()
                    .any(|u| matches!(u, Unwind::Finally { .. }));
                let val = match &r.value {
                    Some(v) if has_finally => {
                        let t = self.alloc()?;
                        self.expr_to(v, t)?;
                        Some(t)
                    }
                    Some(v) => Some(self.expr(v)?),
                    None => None,
                };
                self.unwind_for_exit(0, true)?;
                match val {
                    Some(t) => self.emit(Instr::Return { src: t }),
                    None => self.emit(Instr::ReturnNone {}),
                };
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Stmt::Assign(a) => self.assign_stmt(a)?,
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    let r = self.expr(v)?;
                    self.assign(&a.target, r)?;
                }
                if matches!(self.kind, CodeKind::Module | CodeKind::ClassBody) {
                    self.annotate(a)?;
                }
            }
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::With(w) => self.with_stmt(w, 0)?,
            Stmt::Match(m) => {
                return Err(CompileError::unsupported(
                    "the match statement",
                    m.range.start().to_u32(),
                ))
            }
            Stmt::TypeAlias(t) => {
                return Err(CompileError::unsupported(
                    "type aliases",
                    t.range.start().to_u32(),
                ))
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    let ex = self.expr_temp(e)?;
                    let cause = match &r.cause {
                        Some(c) => self.expr_temp(c)?,
                        None => NO_REG,
                    };
                    self.emit(Instr::Raise { exc: ex, cause });
                } else {
                    self.emit(Instr::Raise {
                        exc: NO_REG,
                        cause: NO_REG,
                    });
                }
            }
            Stmt::Try(t) => self.try_stmt(t)?,
            Stmt::Assert(a) => {
                let skip = self.cond_jump(&a.test, true)?;
                let base = self.alloc()?;
                let n = self.name("AssertionError")?;
                self.emit(Instr::LoadBuiltin { dst: base, name: n });
                if let Some(m) = &a.msg {
                    let arg = self.alloc()?;
                    self.expr_to(m, arg)?;
                    self.emit(Instr::Call {
                        func: base,
                        argc: 1,
                    });
                }
                self.emit(Instr::Raise {
                    exc: base,
                    cause: NO_REG,
                });
                let h = self.here();
                self.patch_all(skip, h)?;
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let full = a.name.as_str();
                    let r = self.alloc()?;
                    let n = self.name(full)?;
                    self.emit(Instr::ImportName { dst: r, name: n });
                    match &a.asname {
                        Some(asn) => {
                            // `import a.b as c` binds the submodule itself,
                            // which is what ImportName leaves in r.
                            self.store_name(asn.as_str(), r)?;
                        }
                        None => {
                            let top = full.split('.').next().unwrap_or(full);
                            if top != full {
                                let tn = self.name(top)?;
                                self.emit(Instr::ImportName { dst: r, name: tn });
                            }
                            self.store_name(top, r)?;
                        }
                    }
                    self.free_to(mark);
                }
            }
            Stmt::ImportFrom(i) => {
                // At module level, `check_future_imports` placed them.
                if is_future_import(s).is_some() && self.kind != CodeKind::Module {
                    return Err(CompileError::syntax(
                        "from __future__ imports must occur at the beginning of the file",
                        i.range.start().to_u32(),
                    ));
                }
                // Relative imports: one leading dot per level, as in CPython.
                let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                let module = format!("{}{module}", ".".repeat(i.level as usize));
                let m = self.alloc()?;
                let n = self.name(&module)?;
                self.emit(Instr::ImportName { dst: m, name: n });
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.kind != CodeKind::Module {
                            return Err(CompileError::syntax(
                                "import * only allowed at module level",
                                a.range.start().to_u32(),
                            ));
                        }
                        self.emit(Instr::ImportStar { module: m });
                        continue;
                    }
                    let r = self.alloc()?;
                    let an = self.name(a.name.as_str())?;
                    self.emit(Instr::ImportFrom {
                        dst: r,
                        module: m,
                        name: an,
                    });
                    let bind = a.asname.as_ref().unwrap_or(&a.name);
                    self.store_name(bind.as_str(), r)?;
                    self.free_to(m + 1);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => {}
            Stmt::Expr(e) => {
                if let Expr::Yield(_) | Expr::YieldFrom(_) = &*e.value {
                    if matches!(self.kind, CodeKind::Module | CodeKind::ClassBody) {
                        return Err(CompileError::syntax(
                            "'yield' outside function",
                            e.range.start().to_u32(),
                        ));
                    }
                }
                self.expr(&e.value)?;
            }
            Stmt::Break(b) => {
                let Some(l) = self.loops.last() else {
                    return Err(CompileError::syntax(
                        "'break' outside loop",
                        b.range.start().to_u32(),
                    ));
                };
                let depth = l.unwind_depth;
                self.unwind_for_exit(depth, false)?;
                let j = self.jump();
                self.loops.last_mut().unwrap().breaks.push(j);
            }
            Stmt::Continue(c) => {
                let Some(l) = self.loops.last() else {
                    return Err(CompileError::syntax(
                        "'continue' not properly in loop",
                        c.range.start().to_u32(),
                    ));
                };
                let (depth, target) = (l.unwind_depth, l.continue_target);
                self.unwind_for_exit(depth, false)?;
                self.jump_to(target)?;
            }
            Stmt::IpyEscapeCommand(c) => {
                return Err(CompileError::syntax(
                    "invalid syntax",
                    c.range.start().to_u32(),
                ))
            }
        }
        self.free_to(mark);
        Ok(())
    }

    /// Run what a jump out of the enclosing `try` blocks and handlers must run:
    /// leave handlers, run `finally` bodies (innermost first), down to `depth`.
    fn unwind_for_exit(&mut self, depth: usize, is_return: bool) -> CResult<()> {
        let mut i = self.unwind.len();
        while i > depth {
            i -= 1;
            match self.unwind[i] {
                Unwind::Handler => {
                    if !is_return {
                        self.emit(Instr::ExitHandler {});
                    }
                }
                Unwind::Finally { body, regions } => {
                    // The finally body runs outside its try: suspend the regions
                    // that protect the try, and compile the body as if at that level.
                    let saved_unwind: Vec<Unwind<'a>> = self.unwind.drain(i..).collect();
                    let pc = self.here() as u32;
                    for r in &mut self.regions[regions..] {
                        if let Some(s) = r.open.take() {
                            if s < pc {
                                r.segments.push((s, pc));
                            }
                        }
                    }
                    let saved_depth = self.handler_depth;
                    self.handler_depth = self
                        .regions
                        .get(regions)
                        .map(|r| r.depth)
                        .unwrap_or(saved_depth);
                    let saved_regions: Vec<Region> = self.regions.drain(regions..).collect();
                    self.nested(|c| c.finally_body(body))?;
                    self.regions.extend(saved_regions);
                    self.handler_depth = saved_depth;
                    self.unwind.extend(saved_unwind);
                    // Re-open after the jump that follows (set by the caller's emit):
                    // the next instruction index is where protection resumes.
                    let resume = self.here() as u32 + 1;
                    for r in &mut self.regions[regions..] {
                        r.open = Some(resume);
                    }
                }
            }
        }
        Ok(())
    }

    fn open_region(&mut self, exc_reg: u16) -> usize {
        let pc = self.here() as u32;
        self.regions_opened += 1;
        self.regions.push(Region {
            id: self.regions_opened,
            segments: Vec::new(),
            open: Some(pc),
            exc_reg,
            depth: self.handler_depth,
        });
        self.regions.len() - 1
    }

    /// Close the innermost region; its handler is set later with `set_handler`.
    fn close_region(&mut self) -> Region {
        let mut r = self.regions.pop().expect("region stack");
        let pc = self.here() as u32;
        if let Some(s) = r.open.take() {
            if s < pc {
                r.segments.push((s, pc));
            }
        }
        r
    }

    fn commit_region(&mut self, r: Region, handler: usize) {
        for (s, e) in r.segments {
            self.exc_entries.push((
                r.id,
                ExcEntry {
                    start: s,
                    end: e,
                    handler: handler as u32,
                    exc_reg: r.exc_reg,
                    depth: r.depth,
                },
            ));
        }
    }

    fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if t.is_star {
            return Err(CompileError::unsupported(
                "except*",
                t.range.start().to_u32(),
            ));
        }
        let has_finally = !t.finalbody.is_empty();
        let fin_exc = self.alloc()?;
        let regions_before = self.regions.len();
        if has_finally {
            self.open_region(fin_exc);
            self.unwind.push(Unwind::Finally {
                body: FinallyBody::Stmts(&t.finalbody),
                regions: regions_before,
            });
        }
        self.nested(|c| c.try_except(t))?;
        if has_finally {
            self.unwind.pop();
            let region = self.close_region();
            // Normal path: run the finally body, skip the handler.
            self.nested(|c| c.stmts(&t.finalbody))?;
            let j = self.jump();
            let handler = self.here();
            self.commit_region(region, handler);
            self.emit(Instr::EnterHandler { exc: fin_exc });
            self.handler_depth += 1;
            self.unwind.push(Unwind::Handler);
            self.nested(|c| c.stmts(&t.finalbody))?;
            self.unwind.pop();
            self.handler_depth -= 1;
            self.emit(Instr::Reraise { exc: fin_exc });
            let h = self.here();
            self.patch(j, h)?;
        }
        Ok(())
    }

    fn finally_body(&mut self, body: FinallyBody<'a>) -> CResult<()> {
        match body {
            FinallyBody::Stmts(b) => self.stmts(b),
            FinallyBody::WithExit(exit) => {
                let mark = self.next_reg;
                let base = self.alloc_n(4)?;
                self.emit(Instr::Move {
                    dst: base,
                    src: exit,
                });
                for i in 1..4 {
                    self.load_none(base + i);
                }
                self.emit(Instr::Call {
                    func: base,
                    argc: 3,
                });
                self.free_to(mark);
                Ok(())
            }
        }
    }

    /// `with a as x, b as y: body` is `with a as x: with b as y: body`.
    fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> CResult<()> {
        if w.is_async {
            return Err(CompileError::unsupported(
                "async with",
                w.range.start().to_u32(),
            ));
        }
        let Some(it) = w.items.get(item) else {
            return self.stmts(&w.body);
        };
        let mark = self.next_reg;
        let mgr = self.expr_temp(&it.context_expr)?;
        // enter result in `val`, bound __exit__ in val+1.
        let val = self.alloc_n(2)?;
        let exit = val + 1;
        self.set_loc(w);
        self.emit(Instr::WithEnter { dst: val, mgr });
        let exc = self.alloc()?;
        let regions_before = self.regions.len();
        self.open_region(exc);
        self.unwind.push(Unwind::Finally {
            body: FinallyBody::WithExit(exit),
            regions: regions_before,
        });
        let inner = self.nested(|c| {
            if let Some(v) = &it.optional_vars {
                c.assign(v, val)?;
            }
            c.with_stmt(w, item + 1)
        });
        inner?;
        self.unwind.pop();
        let region = self.close_region();
        self.set_loc(w);
        self.nested(|c| c.finally_body(FinallyBody::WithExit(exit)))?;
        let j = self.jump();
        // Exceptional exit: exit(type(e), e, None); a true result swallows e.
        let handler = self.here();
        self.commit_region(region, handler);
        self.emit(Instr::EnterHandler { exc });
        self.handler_depth += 1;
        let base = self.alloc_n(4)?;
        self.emit(Instr::Move {
            dst: base,
            src: exit,
        });
        let tn = self.name("type")?;
        self.emit(Instr::LoadBuiltin {
            dst: base + 1,
            name: tn,
        });
        self.emit(Instr::Move {
            dst: base + 2,
            src: exc,
        });
        self.emit(Instr::Call {
            func: base + 1,
            argc: 1,
        });
        self.emit(Instr::Move {
            dst: base + 2,
            src: exc,
        });
        self.load_none(base + 3);
        self.emit(Instr::Call {
            func: base,
            argc: 3,
        });
        let swallow = self.emit(Instr::JumpIfTrue {
            cond: base,
            target: 0,
        });
        self.handler_depth -= 1;
        self.emit(Instr::Reraise { exc });
        let h = self.here();
        self.patch(swallow, h)?;
        self.emit(Instr::ExitHandler {});
        let end = self.here();
        self.patch(j, end)?;
        self.free_to(mark);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
            return self.stmts(&t.orelse);
        }
        let exc = self.alloc()?;
        self.open_region(exc);
        self.stmts(&t.body)?;
        let region = self.close_region();
        self.stmts(&t.orelse)?;
        let mut to_end = vec![self.jump()];
        let handler = self.here();
        self.commit_region(region, handler);
        self.emit(Instr::EnterHandler { exc });
        self.handler_depth += 1;
        self.unwind.push(Unwind::Handler);
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h);
            let mut next = None;
            match &h.type_ {
                Some(ty) => {
                    let mark = self.next_reg;
                    let tr = self.expr(ty)?;
                    let m = self.alloc()?;
                    self.emit(Instr::ExcMatch {
                        dst: m,
                        exc,
                        typ: tr,
                    });
                    next = Some(self.emit(Instr::JumpIfFalse { cond: m, target: 0 }));
                    self.free_to(mark);
                }
                None => {
                    if i + 1 != t.handlers.len() {
                        return Err(CompileError::syntax(
                            "default 'except:' must be last",
                            h.range.start().to_u32(),
                        ));
                    }
                }
            }
            if let Some(n) = &h.name {
                self.store_name(n.as_str(), exc)?;
            }
            self.stmts(&h.body)?;
            if let Some(n) = &h.name {
                // `except E as e` deletes e when the handler ends.
                self.delete_name(n.as_str(), false)?;
            }
            self.emit(Instr::ExitHandler {});
            to_end.push(self.jump());
            if let Some(nx) = next {
                let h = self.here();
                self.patch(nx, h)?;
            }
        }
        self.unwind.pop();
        self.handler_depth -= 1;
        // No handler matched: re-raise (the unwinder pops the handled entry).
        self.emit(Instr::Reraise { exc });
        let end = self.here();
        self.patch_all(to_end, end)
    }

    fn assign_stmt(&mut self, a: &'a ast::StmtAssign) -> CResult<()> {
        if a.targets.len() == 1 {
            let t = &a.targets[0];
            // x = expr: compute straight into x's register.
            if let Expr::Name(n) = t {
                if let Some(r) = self.local_reg(n.id.as_str()) {
                    self.expr_to(&a.value, r)?;
                    return self.store_name(n.id.as_str(), r);
                }
            }
            // a, b = b, a: no tuple is built.
            if let (Expr::Tuple(tt), Expr::Tuple(vt)) = (t, &*a.value) {
                if tt.elts.len() == vt.elts.len()
                    && !tt
                        .elts
                        .iter()
                        .chain(vt.elts.iter())
                        .any(|e| matches!(e, Expr::Starred(_)))
                {
                    let start = self.alloc_n(vt.elts.len())?;
                    for (i, e) in vt.elts.iter().enumerate() {
                        self.expr_to(e, start + i as u16)?;
                    }
                    for (i, e) in tt.elts.iter().enumerate() {
                        self.assign(e, start + i as u16)?;
                    }
                    return Ok(());
                }
            }
        }
        let r = self.expr(&a.value)?;
        let r = if a.targets.len() > 1 && self.is_var_reg(r) {
            let t = self.alloc()?;
            self.emit(Instr::Move { dst: t, src: r });
            t
        } else {
            r
        };
        for t in &a.targets {
            self.assign(t, r)?;
        }
        Ok(())
    }

    fn is_var_reg(&self, r: u16) -> bool {
        (r as usize) < self.vars.len()
    }

    fn assign(&mut self, target: &'a Expr, src: u16) -> CResult<()> {
        let prev = self.set_loc(target);
        match target {
            Expr::Name(n) => self.store_name(n.id.as_str(), src)?,
            Expr::Attribute(a) => {
                let mark = self.next_reg;
                let o = self.expr(&a.value)?;
                let n = self.name(a.attr.as_str())?;
                self.set_attr_loc(a);
                self.emit(Instr::StoreAttr {
                    obj: o,
                    name: n,
                    src,
                });
                self.free_to(mark);
            }
            Expr::Subscript(s) => {
                let mark = self.next_reg;
                let o = self.expr(&s.value)?;
                let k = self.subscript_key(&s.slice)?;
                self.emit(Instr::StoreSubscr {
                    obj: o,
                    key: k,
                    src,
                });
                self.free_to(mark);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let mark = self.next_reg;
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                if elts
                    .iter()
                    .filter(|e| matches!(e, Expr::Starred(_)))
                    .count()
                    > 1
                {
                    return Err(CompileError::syntax(
                        "multiple starred expressions in assignment",
                        target.range().start().to_u32(),
                    ));
                }
                let start = self.alloc_n(elts.len())?;
                match star {
                    None => {
                        self.emit(Instr::Unpack {
                            start,
                            src,
                            count: elts.len() as u16,
                        });
                    }
                    Some(i) => {
                        let before = i;
                        let after = elts.len() - i - 1;
                        if before > 255 || after > 255 {
                            return Err(CompileError::syntax(
                                "too many expressions in star-unpacking assignment",
                                target.range().start().to_u32(),
                            ));
                        }
                        self.emit(Instr::UnpackEx {
                            start,
                            src,
                            count: (before | (after << 8)) as u16,
                        });
                    }
                }
                for (i, e) in elts.iter().enumerate() {
                    let e = match e {
                        Expr::Starred(s) => &*s.value,
                        e => e,
                    };
                    self.assign(e, start + i as u16)?;
                }
                self.free_to(mark);
            }
            Expr::Starred(s) => {
                return Err(CompileError::syntax(
                    "starred assignment target must be in a list or tuple",
                    s.range.start().to_u32(),
                ));
            }
            other => {
                return Err(CompileError::syntax(
                    format!("cannot assign to {}", describe(other)),
                    other.range().start().to_u32(),
                ));
            }
        }
        self.cur_loc = prev;
        Ok(())
    }

    fn delete_name(&mut self, name: &str, check: bool) -> CResult<()> {
        match self.access(name) {
            NameAccess::Local => {
                let r = self.vars[name];
                if check {
                    let n = self.name(name)?;
                    self.emit(Instr::CheckBound { reg: r, name: n });
                }
                self.emit(Instr::ClearReg { reg: r });
                self.bound.remove(name);
            }
            NameAccess::Cell | NameAccess::Free => {
                let cell = self.vars[name];
                let n = self.name(name)?;
                self.emit(Instr::DeleteDeref { cell, name: n });
            }
            NameAccess::Global => {
                let slot = self.global_slot(name)?;
                let n = self.name(name)?;
                self.emit(Instr::DeleteGlobal { slot, name: n });
            }
            NameAccess::ClassName => {
                let n = self.name(name)?;
                self.emit(Instr::DeleteName { name: n });
            }
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> CResult<()> {
        let mark = self.next_reg;
        let prev = self.set_loc(t);
        match t {
            Expr::Name(n) => self.delete_name(n.id.as_str(), true)?,
            Expr::Attribute(a) => {
                let o = self.expr(&a.value)?;
                let n = self.name(a.attr.as_str())?;
                self.set_attr_loc(a);
                self.emit(Instr::DeleteAttr { obj: o, name: n });
            }
            Expr::Subscript(s) => {
                let o = self.expr(&s.value)?;
                let k = self.expr(&s.slice)?;
                self.set_loc(t);
                self.emit(Instr::DeleteSubscr { obj: o, key: k });
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            other => {
                return Err(CompileError::syntax(
                    format!("cannot delete {}", describe(other)),
                    other.range().start().to_u32(),
                ))
            }
        }
        self.cur_loc = prev;
        self.free_to(mark);
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        // As CPython: loading and storing the target report the target's
        // location, the operation the statement's.
        let stmt_loc = self.cur_loc;
        match &*a.target {
            Expr::Name(n) => {
                let name = n.id.as_str();
                let target_loc = self.loc_of(n.range.start().to_u32(), n.range.end().to_u32());
                self.cur_loc = target_loc;
                if let Some(r) = self.local_reg(name) {
                    let cur = self.load_name(name, None)?;
                    self.cur_loc = stmt_loc;
                    self.aug_op(a.op, r, cur, &a.value)?;
                    return Ok(());
                }
                let cur = self.load_name(name, None)?;
                let out = self.alloc()?;
                self.cur_loc = stmt_loc;
                self.aug_op(a.op, out, cur, &a.value)?;
                self.cur_loc = target_loc;
                self.store_name(name, out)?;
                self.cur_loc = stmt_loc;
                Ok(())
            }
            Expr::Attribute(at) => {
                let o = self.expr_temp(&at.value)?;
                let n = self.name(at.attr.as_str())?;
                let cur = self.alloc()?;
                self.set_attr_loc(at);
                let target_loc = self.cur_loc;
                self.emit(Instr::LoadAttr {
                    dst: cur,
                    obj: o,
                    name: n,
                });
                self.cur_loc = stmt_loc;
                self.aug_op(a.op, cur, cur, &a.value)?;
                self.cur_loc = target_loc;
                self.emit(Instr::StoreAttr {
                    obj: o,
                    name: n,
                    src: cur,
                });
                self.cur_loc = stmt_loc;
                Ok(())
            }
            Expr::Subscript(s) => {
                let o = self.aug_operand(&s.value, &[&s.slice, &a.value])?;
                let k = self.aug_operand(&s.slice, &[&a.value])?;
                let cur = self.alloc()?;
                self.set_loc(s);
                let target_loc = self.cur_loc;
                self.emit(Instr::Subscr {
                    dst: cur,
                    obj: o,
                    key: k,
                });
                self.cur_loc = stmt_loc;
                self.aug_op(a.op, cur, cur, &a.value)?;
                self.cur_loc = target_loc;
                self.emit(Instr::StoreSubscr {
                    obj: o,
                    key: k,
                    src: cur,
                });
                self.cur_loc = stmt_loc;
                Ok(())
            }
            other => Err(CompileError::syntax(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe(other)
                ),
                other.range().start().to_u32(),
            )),
        }
    }

    /// The object or key of an augmented subscript assignment, evaluated
    /// once for both the load and the store: a plain local is used in its
    /// register (no copy into a temporary, so compiled code sees the local
    /// itself and what it knows of it) unless an expression evaluated after
    /// it (`later`) may rebind it, which only a `:=` can.
    fn aug_operand(&mut self, e: &'a Expr, later: &[&'a Expr]) -> CResult<u16> {
        if let Expr::Name(n) = e {
            let name = n.id.as_str();
            let rebound = |x: &Expr| {
                ast::helpers::any_over_expr(
                    x,
                    |y| matches!(y, Expr::Named(w) if matches!(&*w.target, Expr::Name(t) if t.id.as_str() == name)),
                )
            };
            if self.local_reg(name).is_some() && !later.iter().any(|x| rebound(x)) {
                return self.expr(e);
            }
        }
        self.expr_temp(e)
    }

    fn aug_op(&mut self, op: Operator, dst: u16, cur: u16, value: &'a Expr) -> CResult<()> {
        if let Some(imm) = small_int(value) {
            let i = match op {
                Operator::Add => Some(Instr::AddI { dst, a: cur, imm }),
                Operator::Sub => Some(Instr::SubI { dst, a: cur, imm }),
                _ => None,
            };
            if let Some(i) = i {
                let pc = self.emit(i);
                self.augmented.push(pc as u32);
                return Ok(());
            }
        }
        let mark = self.next_reg;
        let b = self.expr(value)?;
        let i = match op {
            Operator::Add => Instr::IAdd { dst, a: cur, b },
            Operator::Sub => Instr::ISub { dst, a: cur, b },
            Operator::Mult => Instr::IMul { dst, a: cur, b },
            Operator::BitOr => Instr::IOr { dst, a: cur, b },
            Operator::BitAnd => Instr::IAnd { dst, a: cur, b },
            Operator::BitXor => Instr::IXor { dst, a: cur, b },
            other => binop_instr(other, dst, cur, b),
        };
        let pc = self.emit(i);
        self.augmented.push(pc as u32);
        self.free_to(mark);
        Ok(())
    }

    fn loop_body(&mut self, body: &'a [Stmt], continue_target: usize) -> CResult<Vec<usize>> {
        self.loops.push(LoopCtx {
            continue_target,
            breaks: Vec::new(),
            unwind_depth: self.unwind.len(),
        });
        let r = self.nested(|c| c.stmts(body));
        let l = self.loops.pop().unwrap();
        r?;
        Ok(l.breaks)
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let top = self.here();
        let exits = if is_const_true(&w.test) {
            Vec::new()
        } else {
            self.cond_jump(&w.test, false)?
        };
        let breaks = self.loop_body(&w.body, top)?;
        self.jump_to(top)?;
        let else_start = self.here();
        self.patch_all(exits, else_start)?;
        self.nested(|c| c.stmts(&w.orelse))?;
        let end = self.here();
        self.patch_all(breaks, end)
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if f.is_async {
            return Err(CompileError::unsupported(
                "async for",
                f.range.start().to_u32(),
            ));
        }
        let it = self.alloc()?;
        let src = self.expr(&f.iter)?;
        self.emit(Instr::GetIter { dst: it, src });
        self.free_to(it + 1);
        let top = self.here();
        // The loop variable is assigned on every iteration before the body runs.
        let (dst, direct) = match &*f.target {
            Expr::Name(n) => match self.local_reg(n.id.as_str()) {
                Some(r) => (r, Some(n.id.as_str())),
                None => (self.alloc()?, None),
            },
            _ => (self.alloc()?, None),
        };
        // GetIter and ForIter report the `for` statement's location, as
        // CPython's GET_ITER and FOR_ITER.
        let fi = self.emit(Instr::ForIter {
            dst,
            iter: it,
            target: 0,
        });
        let newly_bound = match direct {
            Some(n) => self.bound.insert(n.to_string()),
            None => {
                self.nested(|c| c.assign(&f.target, dst))?;
                false
            }
        };
        let breaks = self.loop_body(&f.body, top)?;
        if newly_bound {
            if let Some(n) = direct {
                self.bound.remove(n);
            }
        }
        self.jump_to(top)?;
        let else_start = self.here();
        self.patch(fi, else_start)?;
        self.nested(|c| c.stmts(&f.orelse))?;
        let end = self.here();
        self.patch_all(breaks, end)?;
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
        let mut ends = Vec::new();
        let mut next = self.cond_jump(&i.test, false)?;
        self.nested(|c| c.stmts(&i.body))?;
        for clause in &i.elif_else_clauses {
            ends.push(self.jump());
            let h = self.here();
            self.patch_all(std::mem::take(&mut next), h)?;
            self.set_loc(clause);
            if let Some(t) = &clause.test {
                next = self.cond_jump(t, false)?;
            }
            self.nested(|c| c.stmts(&clause.body))?;
        }
        let end = self.here();
        self.patch_all(next, end)?;
        self.patch_all(ends, end)
    }

    // ------------------------------------------------------------ conditions

    /// Emit jumps taken when `e`'s truth equals `when`; returns them for patching.
    fn cond_jump(&mut self, e: &'a Expr, when: bool) -> CResult<Vec<usize>> {
        // Locations as CPython's compiler_jump_if: a comparison becomes the
        // current location and stays it after the test (an `assert`'s raise
        // reports the comparison), other tests leave it as it was.
        let mark = self.next_reg;
        let out = match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => self.cond_jump(&u.operand, !when)?,
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let (last, init) = b.values.split_last().expect("boolop has values");
                let mut out = Vec::new();
                if is_and == !when {
                    // and/false or or/true: any operand decides.
                    for v in b.values.iter() {
                        out.extend(self.cond_jump(v, when)?);
                    }
                } else {
                    let mut skip = Vec::new();
                    for v in init {
                        skip.extend(self.cond_jump(v, !when)?);
                    }
                    out.extend(self.cond_jump(last, when)?);
                    let h = self.here();
                    self.patch_all(skip, h)?;
                }
                out
            }
            Expr::Compare(c) if c.ops.len() == 1 && !when && fused_compare(c.ops[0]).is_some() => {
                self.set_loc(e);
                let a = self.expr(&c.left)?;
                let b = self.expr(&c.comparators[0])?;
                let j = self.emit(fused_compare(c.ops[0]).unwrap()(a, b));
                vec![j]
            }
            _ => {
                if let Expr::Compare(_) = e {
                    self.set_loc(e);
                }
                let r = self.expr(e)?;
                let j = if when {
                    Instr::JumpIfTrue { cond: r, target: 0 }
                } else {
                    Instr::JumpIfFalse { cond: r, target: 0 }
                };
                vec![self.emit(j)]
            }
        };
        self.free_to(mark);
        Ok(out)
    }

    // ------------------------------------------------------------ expressions

    /// Evaluate into some register (a local's own register when `e` is a local).
    fn expr(&mut self, e: &'a Expr) -> CResult<u16> {
        self.expr_into(e, None)
    }

    /// Evaluate into a fresh temporary.
    fn expr_temp(&mut self, e: &'a Expr) -> CResult<u16> {
        let t = self.alloc()?;
        self.expr_to(e, t)?;
        Ok(t)
    }

    fn expr_to(&mut self, e: &'a Expr, dst: u16) -> CResult<()> {
        let r = self.expr_into(e, Some(dst))?;
        if r != dst {
            self.emit(Instr::Move { dst, src: r });
        }
        Ok(())
    }

    /// The key of a subscript that reads it once, right after: a slice is
    /// built in place over its bounds (`dst == start`), which tells the
    /// interpreter that only the next instruction reads it, so it may slice
    /// straight from the bounds (interp/slices.rs). Not for `a[i:j] += x`,
    /// whose key is read twice.
    fn subscript_key(&mut self, key: &'a Expr) -> CResult<u16> {
        let Expr::Slice(s) = key else {
            return self.expr(key);
        };
        let prev = self.set_loc(key);
        let start = self.alloc_n(3)?;
        for (i, part) in [&s.lower, &s.upper, &s.step].into_iter().enumerate() {
            match part {
                Some(p) => self.expr_to(p, start + i as u16)?,
                None => self.load_none(start + i as u16),
            }
        }
        self.emit(Instr::BuildSlice { dst: start, start });
        self.cur_loc = prev;
        Ok(start)
    }

    fn out(&mut self, dst: Option<u16>) -> CResult<u16> {
        match dst {
            Some(d) => Ok(d),
            None => self.alloc(),
        }
    }

    /// Free temporaries above `out` (or back to `mark` when out is not a temp).
    fn settle(&mut self, mark: u16, out: u16) {
        if out >= mark {
            self.free_to(out + 1);
        } else {
            self.free_to(mark);
        }
    }

    fn expr_into(&mut self, e: &'a Expr, dst: Option<u16>) -> CResult<u16> {
        let prev = self.set_loc(e);
        let mark = self.next_reg;
        let r = self.expr_inner(e, dst, mark)?;
        self.cur_loc = prev;
        Ok(r)
    }

    fn expr_inner(&mut self, e: &'a Expr, dst: Option<u16>, mark: u16) -> CResult<u16> {
        match e {
            Expr::Name(n) => self.load_name(n.id.as_str(), dst),
            Expr::NumberLiteral(n) => {
                let out = self.out(dst)?;
                match &n.value {
                    ast::Number::Int(i) => match i.as_i64() {
                        Some(v) => self.load_int(out, v)?,
                        None => {
                            let text = i.to_string();
                            let big = parse_big_literal(&text).ok_or_else(|| {
                                CompileError::syntax(
                                    "invalid integer literal",
                                    n.range.start().to_u32(),
                                )
                            })?;
                            let k =
                                self.const_index(ConstKey::Big(text), |vm| vm.bigint_const(big))?;
                            self.load_const(out, k);
                        }
                    },
                    ast::Number::Float(f) => {
                        let f = *f;
                        let k =
                            self.const_index(ConstKey::Float(f.to_bits()), |_| Value::Float(f))?;
                        self.load_const(out, k);
                    }
                    ast::Number::Complex { .. } => {
                        return Err(CompileError::unsupported(
                            "complex numbers",
                            n.range.start().to_u32(),
                        ))
                    }
                }
                Ok(out)
            }
            Expr::StringLiteral(s) => {
                let out = self.out(dst)?;
                let k = self.str_const(s.value.to_str())?;
                self.load_const(out, k);
                Ok(out)
            }
            Expr::BytesLiteral(b) => {
                let out = self.out(dst)?;
                let bytes: Vec<u8> = b.value.bytes().collect();
                let k = self.const_index(ConstKey::Bytes(bytes.clone()), |vm| {
                    Value::Bytes(vm.heap.alloc_pinned(BytesObj {
                        b: bytes.into(),
                        hash: std::cell::Cell::new(-1),
                    }))
                })?;
                self.load_const(out, k);
                Ok(out)
            }
            Expr::BooleanLiteral(b) => {
                let out = self.out(dst)?;
                self.emit(Instr::LoadBool {
                    dst: out,
                    imm: b.value as u16,
                });
                Ok(out)
            }
            Expr::NoneLiteral(_) => {
                let out = self.out(dst)?;
                self.load_none(out);
                Ok(out)
            }
            Expr::EllipsisLiteral(_) => {
                let out = self.out(dst)?;
                let n = self.name("Ellipsis")?;
                self.emit(Instr::LoadBuiltin { dst: out, name: n });
                Ok(out)
            }
            Expr::FString(f) => self.fstring(f, dst, mark),
            Expr::BinOp(_) | Expr::UnaryOp(_) if maybe_const(e) && self.fold(e).is_some() => {
                let v = self.fold(e).unwrap_or(Value::None);
                let out = self.out(dst)?;
                let k = self.push_const(v)?;
                self.load_const(out, k);
                Ok(out)
            }
            Expr::BinOp(b) => {
                let out = self.out(dst)?;
                if let (Some(imm), Operator::Add | Operator::Sub) = (small_int(&b.right), b.op) {
                    let a = self.expr(&b.left)?;
                    self.set_loc(e);
                    let i = if b.op == Operator::Add {
                        Instr::AddI { dst: out, a, imm }
                    } else {
                        Instr::SubI { dst: out, a, imm }
                    };
                    self.emit(i);
                } else {
                    let a = self.expr(&b.left)?;
                    // `x + (x := 1)`: the right side may rebind the left's register.
                    let a = if contains_walrus(&b.right) && self.is_var_reg(a) {
                        let t = self.alloc()?;
                        self.emit(Instr::Move { dst: t, src: a });
                        t
                    } else {
                        a
                    };
                    let c = self.expr(&b.right)?;
                    self.set_loc(e);
                    self.emit(binop_instr(b.op, out, a, c));
                }
                self.settle(mark, out);
                Ok(out)
            }
            Expr::UnaryOp(u) => {
                let out = self.out(dst)?;
                if let (UnaryOp::USub, Expr::NumberLiteral(n)) = (u.op, &*u.operand) {
                    if let ast::Number::Int(i) = &n.value {
                        if let Some(v) = i.as_i64() {
                            self.load_int(out, -v)?;
                            return Ok(out);
                        }
                    }
                    if let ast::Number::Float(f) = n.value {
                        let f = -f;
                        let k =
                            self.const_index(ConstKey::Float(f.to_bits()), |_| Value::Float(f))?;
                        self.load_const(out, k);
                        return Ok(out);
                    }
                }
                let s = self.expr(&u.operand)?;
                self.set_loc(e);
                self.emit(match u.op {
                    UnaryOp::USub => Instr::Neg { dst: out, src: s },
                    UnaryOp::UAdd => Instr::Pos { dst: out, src: s },
                    UnaryOp::Invert => Instr::Invert { dst: out, src: s },
                    UnaryOp::Not => Instr::Not { dst: out, src: s },
                });
                self.settle(mark, out);
                Ok(out)
            }
            Expr::BoolOp(b) => {
                // The result is written before later operands are evaluated, so
                // use a temporary (x = y and x must read the old x).
                let t = self.alloc()?;
                let mut ends = Vec::new();
                let (last, init) = b.values.split_last().expect("boolop values");
                for v in init {
                    self.expr_to(v, t)?;
                    ends.push(self.emit(if b.op == ast::BoolOp::And {
                        Instr::JumpIfFalse { cond: t, target: 0 }
                    } else {
                        Instr::JumpIfTrue { cond: t, target: 0 }
                    }));
                }
                self.expr_to(last, t)?;
                let h = self.here();
                self.patch_all(ends, h)?;
                self.finish_temp(t, dst, mark)
            }
            Expr::Compare(c) => {
                if c.ops.len() == 1 {
                    let out = self.out(dst)?;
                    let a = self.expr(&c.left)?;
                    let b = self.expr(&c.comparators[0])?;
                    self.set_loc(e);
                    self.emit(cmp_instr(c.ops[0], out, a, b));
                    self.settle(mark, out);
                    return Ok(out);
                }
                let t = self.alloc()?;
                let mut ends = Vec::new();
                let mut left = self.expr_temp(&c.left)?;
                for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
                    let r = self.expr_temp(right)?;
                    self.emit(cmp_instr(*op, t, left, r));
                    if i + 1 < c.ops.len() {
                        ends.push(self.emit(Instr::JumpIfFalse { cond: t, target: 0 }));
                    }
                    left = r;
                }
                let h = self.here();
                self.patch_all(ends, h)?;
                self.finish_temp(t, dst, mark)
            }
            Expr::If(i) => {
                let t = match dst {
                    Some(d) => d,
                    None => self.alloc()?,
                };
                let else_j = self.cond_jump(&i.test, false)?;
                self.expr_to(&i.body, t)?;
                let end_j = self.jump();
                let h = self.here();
                self.patch_all(else_j, h)?;
                self.expr_to(&i.orelse, t)?;
                let h = self.here();
                self.patch(end_j, h)?;
                self.settle(mark, t);
                Ok(t)
            }
            Expr::Named(n) => {
                let Expr::Name(target) = &*n.target else {
                    return Err(CompileError::syntax(
                        "cannot use assignment expressions with this target",
                        n.range.start().to_u32(),
                    ));
                };
                let name = target.id.as_str();
                match self.local_reg(name) {
                    Some(r) => {
                        self.expr_to(&n.value, r)?;
                        if let Some(d) = dst {
                            if d != r {
                                self.emit(Instr::Move { dst: d, src: r });
                                return Ok(d);
                            }
                        }
                        if self.nesting == 0 {
                            self.bound.insert(name.to_string());
                        }
                        Ok(r)
                    }
                    None => {
                        let out = self.out(dst)?;
                        self.expr_to(&n.value, out)?;
                        self.store_name(name, out)?;
                        self.settle(mark, out);
                        Ok(out)
                    }
                }
            }
            Expr::Lambda(l) => {
                let child_scope = self.ctx.scopes.of_node(l);
                let params = l
                    .parameters
                    .as_deref()
                    .map(Self::params_of)
                    .unwrap_or_default();
                let line = self.cur_loc.line;
                let qual = self.child_qualname("<lambda>");
                let child = {
                    let ctx: &mut Ctx<'v> = self.ctx;
                    let mut c = FnCompiler::new(
                        ctx,
                        child_scope,
                        CodeKind::Lambda,
                        "<lambda>".into(),
                        qual,
                        params,
                        line,
                    );
                    c.cur_loc = c.line_loc(line);
                    c.prologue();
                    let t = c.alloc()?;
                    c.expr_to(&l.body, t)?;
                    c.emit(Instr::Return { src: t });
                    c.finish()
                };
                let r = self.make_function(child, child_scope, l.parameters.as_deref(), dst)?;
                self.settle(mark, r);
                Ok(r)
            }
            Expr::Dict(d) => {
                let out = self.out(dst)?;
                let has_splat = d.items.iter().any(|i| i.key.is_none());
                if !has_splat {
                    let start = self.alloc_n(d.items.len() * 2)?;
                    for (i, it) in d.items.iter().enumerate() {
                        self.expr_to(it.key.as_ref().unwrap(), start + 2 * i as u16)?;
                        self.expr_to(&it.value, start + 2 * i as u16 + 1)?;
                    }
                    self.set_loc(e);
                    self.emit(Instr::BuildDict {
                        dst: out,
                        start,
                        count: d.items.len() as u16,
                    });
                } else {
                    let acc = self.alloc()?;
                    self.emit(Instr::BuildDict {
                        dst: acc,
                        start: acc,
                        count: 0,
                    });
                    for it in &d.items {
                        let m = self.next_reg;
                        match &it.key {
                            Some(k) => {
                                let kv = self.alloc_n(2)?;
                                self.expr_to(k, kv)?;
                                self.expr_to(&it.value, kv + 1)?;
                                self.emit(Instr::DictInsert { dict: acc, key: kv });
                            }
                            None => {
                                let v = self.expr(&it.value)?;
                                self.emit(Instr::DictUpdate {
                                    dict: acc,
                                    mapping: v,
                                });
                            }
                        }
                        self.free_to(m);
                    }
                    self.emit(Instr::Move { dst: out, src: acc });
                }
                self.settle(mark, out);
                Ok(out)
            }
            Expr::Set(s)
                if s.elts.len() >= 3
                    && s.elts.iter().all(maybe_const)
                    && self.fold_all(&s.elts).is_some() =>
            {
                // CPython 3.11 compiles a constant set display of three or more
                // items to a frozenset constant merged into an empty set, which
                // lays the table out differently from adding items one by one.
                let out = self.out(dst)?;
                let items = self.fold_all(&s.elts).unwrap_or_default();
                let fs = self.ctx.vm.frozenset_const(&items);
                let k = u16::try_from(self.consts.len()).map_err(|_| {
                    CompileError::unsupported(
                        "too many constants in one function",
                        self.offset_now(),
                    )
                })?;
                self.consts.push(fs);
                let t = self.alloc()?;
                self.load_const(t, k);
                self.emit(Instr::BuildSet {
                    dst: out,
                    start: out,
                    count: 0,
                });
                self.emit(Instr::SetUpdate {
                    set: out,
                    iterable: t,
                });
                self.settle(mark, out);
                Ok(out)
            }
            Expr::Set(s) => self.sequence(&s.elts, SeqKind::Set, dst, mark),
            Expr::List(l) => self.sequence(&l.elts, SeqKind::List, dst, mark),
            Expr::Tuple(t) => {
                // A tuple of constants is one constant.
                if !t.elts.is_empty() && t.elts.iter().all(maybe_const) {
                    if let Some(v) = self.fold(e) {
                        let out = self.out(dst)?;
                        let k = self.push_const(v)?;
                        self.load_const(out, k);
                        return Ok(out);
                    }
                }
                self.sequence(&t.elts, SeqKind::Tuple, dst, mark)
            }
            Expr::ListComp(c) => {
                self.comprehension(c, &c.generators, CompKind::List(&c.elt), dst, mark)
            }
            Expr::SetComp(c) => {
                self.comprehension(c, &c.generators, CompKind::Set(&c.elt), dst, mark)
            }
            Expr::DictComp(c) => match &c.key {
                Some(k) => {
                    self.comprehension(c, &c.generators, CompKind::Dict(k, &c.value), dst, mark)
                }
                None => Err(CompileError::syntax(
                    "dict unpacking cannot be used in dict comprehension",
                    c.range.start().to_u32(),
                )),
            },
            Expr::Generator(c) => {
                if !c.parenthesized {
                    // The sole argument of a call: CPython's node includes the
                    // call's parentheses.
                    self.cur_loc = self.widen_to_parens(self.cur_loc);
                }
                self.comprehension(c, &c.generators, CompKind::Gen(&c.elt), dst, mark)
            }
            Expr::Call(c) => self.call(c, dst, mark),
            Expr::Attribute(a) => {
                let out = self.out(dst)?;
                if self.super_attr(a, out)? {
                    self.settle(mark, out);
                    return Ok(out);
                }
                let o = self.expr(&a.value)?;
                let n = self.name(a.attr.as_str())?;
                self.set_attr_loc(a);
                self.emit(Instr::LoadAttr {
                    dst: out,
                    obj: o,
                    name: n,
                });
                self.settle(mark, out);
                Ok(out)
            }
            Expr::Subscript(s) => {
                let out = self.out(dst)?;
                let o = self.expr(&s.value)?;
                let k = self.subscript_key(&s.slice)?;
                self.set_loc(e);
                self.emit(Instr::Subscr {
                    dst: out,
                    obj: o,
                    key: k,
                });
                self.settle(mark, out);
                Ok(out)
            }
            Expr::Slice(s) => {
                let out = self.out(dst)?;
                let start = self.alloc_n(3)?;
                for (i, part) in [&s.lower, &s.upper, &s.step].into_iter().enumerate() {
                    match part {
                        Some(p) => self.expr_to(p, start + i as u16)?,
                        None => self.load_none(start + i as u16),
                    }
                }
                self.emit(Instr::BuildSlice { dst: out, start });
                self.settle(mark, out);
                Ok(out)
            }
            Expr::Yield(y) => {
                if self.kind == CodeKind::Module {
                    return Err(CompileError::syntax(
                        "'yield' outside function",
                        y.range.start().to_u32(),
                    ));
                }
                let out = self.out(dst)?;
                let v = match &y.value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let t = self.alloc()?;
                        self.load_none(t);
                        t
                    }
                };
                self.emit(Instr::Yield { dst: out, src: v });
                self.settle(mark, out);
                Ok(out)
            }
            Expr::YieldFrom(y) => {
                if self.kind == CodeKind::Module {
                    return Err(CompileError::syntax(
                        "'yield from' outside function",
                        y.range.start().to_u32(),
                    ));
                }
                let out = self.out(dst)?;
                let it = self.alloc()?;
                let v = self.expr(&y.value)?;
                self.emit(Instr::GetIter { dst: it, src: v });
                self.emit(Instr::YieldFrom { dst: out, src: it });
                self.settle(mark, out);
                Ok(out)
            }
            Expr::Starred(s) => Err(CompileError::syntax(
                "can't use starred expression here",
                s.range.start().to_u32(),
            )),
            Expr::Await(a) => Err(CompileError::unsupported("await", a.range.start().to_u32())),
            Expr::TString(t) => Err(CompileError::syntax(
                "t-strings require Python 3.14",
                t.range.start().to_u32(),
            )),
            Expr::IpyEscapeCommand(c) => Err(CompileError::syntax(
                "invalid syntax",
                c.range.start().to_u32(),
            )),
        }
    }

    /// Move a temporary result to `dst` if one was requested.
    fn finish_temp(&mut self, t: u16, dst: Option<u16>, mark: u16) -> CResult<u16> {
        match dst {
            Some(d) => {
                self.emit(Instr::Move { dst: d, src: t });
                self.free_to(mark);
                Ok(d)
            }
            None => {
                self.free_to(t + 1);
                Ok(t)
            }
        }
    }

    /// CPython's compile-time constant folding (Python/ast_opt.c in 3.11):
    /// unary and binary operators on constants, and tuples of constants, become
    /// one constant. The arithmetic is the runtime's own, so folding can never
    /// change a result; an operation that raises is left for run time. The
    /// size limits are CPython's, which also decides which constant set
    /// displays exist, and so their iteration order.
    fn fold(&mut self, e: &Expr) -> Option<Value> {
        let v = match e {
            Expr::NumberLiteral(n) if matches!(n.value, ast::Number::Complex { .. }) => {
                return None
            }
            Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_) => self.literal_value(e).ok()?,
            Expr::UnaryOp(u) => {
                let x = self.fold(&u.operand)?;
                let vm = &mut *self.ctx.vm;
                match u.op {
                    UnaryOp::USub => vm.unary_neg(x).ok()?,
                    UnaryOp::UAdd => vm.unary_pos(x).ok()?,
                    UnaryOp::Invert => vm.unary_invert(x).ok()?,
                    UnaryOp::Not => Value::Bool(!vm.truthy(x).ok()?),
                }
            }
            Expr::BinOp(b) => {
                let x = self.fold(&b.left)?;
                let y = self.fold(&b.right)?;
                if !fold_is_safe(b.op, x, y) {
                    return None;
                }
                self.ctx.vm.binary_op(fold_binop(b.op), x, y).ok()?
            }
            Expr::Tuple(t) => {
                let mut items = Vec::with_capacity(t.elts.len());
                for x in &t.elts {
                    items.push(self.fold(x)?);
                }
                Value::Tuple(self.ctx.vm.heap.alloc_pinned(TupleObj::new(items)))
            }
            _ => return None,
        };
        Some(self.pin_const(v))
    }

    /// Constants must be pinned: a nested function's constants are not
    /// reachable by the collector until the function object exists.
    fn pin_const(&mut self, v: Value) -> Value {
        match v {
            Value::BigInt(b) if !b.is_pinned() => self.ctx.vm.bigint_const(b.0.clone()),
            Value::Str(s) if !s.is_pinned() => {
                let text = s.as_str().to_string();
                Value::Str(self.ctx.vm.intern(&text))
            }
            Value::Tuple(t) if !t.is_pinned() => Value::Tuple(
                self.ctx
                    .vm
                    .heap
                    .alloc_pinned(TupleObj::new(t.items.to_vec())),
            ),
            other => other,
        }
    }

    /// Fold every expression, or None if any is not constant.
    fn fold_all(&mut self, es: &[Expr]) -> Option<Vec<Value>> {
        let mut out = Vec::with_capacity(es.len());
        for e in es {
            out.push(self.fold(e)?);
        }
        Some(out)
    }

    fn push_const(&mut self, v: Value) -> CResult<u16> {
        let i = u16::try_from(self.consts.len()).map_err(|_| {
            CompileError::unsupported("too many constants in one function", self.offset_now())
        })?;
        self.consts.push(v);
        Ok(i)
    }

    fn literal_value(&mut self, e: &Expr) -> CResult<Value> {
        Ok(match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(v) => Value::Int(v),
                    None => {
                        let big = parse_big_literal(&i.to_string()).ok_or_else(|| {
                            CompileError::syntax(
                                "invalid integer literal",
                                n.range.start().to_u32(),
                            )
                        })?;
                        self.ctx.vm.bigint_const(big)
                    }
                },
                ast::Number::Float(f) => Value::Float(*f),
                ast::Number::Complex { .. } => {
                    return Err(CompileError::unsupported(
                        "complex numbers",
                        n.range.start().to_u32(),
                    ))
                }
            },
            Expr::StringLiteral(s) => Value::Str(self.ctx.vm.intern(s.value.to_str())),
            Expr::BooleanLiteral(b) => Value::Bool(b.value),
            Expr::NoneLiteral(_) => Value::None,
            other => {
                return Err(CompileError::syntax(
                    "internal: not a literal",
                    other.range().start().to_u32(),
                ))
            }
        })
    }

    fn sequence(
        &mut self,
        elts: &'a [Expr],
        kind: SeqKind,
        dst: Option<u16>,
        mark: u16,
    ) -> CResult<u16> {
        let out = self.out(dst)?;
        if !elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            let start = self.alloc_n(elts.len())?;
            for (i, el) in elts.iter().enumerate() {
                self.expr_to(el, start + i as u16)?;
            }
            let count = elts.len() as u16;
            self.emit(match kind {
                SeqKind::List => Instr::BuildList {
                    dst: out,
                    start,
                    count,
                },
                SeqKind::Tuple => Instr::BuildTuple {
                    dst: out,
                    start,
                    count,
                },
                SeqKind::Set => Instr::BuildSet {
                    dst: out,
                    start,
                    count,
                },
            });
        } else {
            let acc = self.alloc()?;
            match kind {
                SeqKind::Set => self.emit(Instr::BuildSet {
                    dst: acc,
                    start: acc,
                    count: 0,
                }),
                _ => self.emit(Instr::BuildList {
                    dst: acc,
                    start: acc,
                    count: 0,
                }),
            };
            for el in elts {
                let m = self.next_reg;
                match el {
                    Expr::Starred(s) => {
                        let v = self.expr(&s.value)?;
                        self.emit(match kind {
                            SeqKind::Set => Instr::SetUpdate {
                                set: acc,
                                iterable: v,
                            },
                            _ => Instr::ListExtend {
                                list: acc,
                                iterable: v,
                            },
                        });
                    }
                    other => {
                        let v = self.expr(other)?;
                        self.emit(match kind {
                            SeqKind::Set => Instr::SetAdd { set: acc, item: v },
                            _ => Instr::ListAppend { list: acc, item: v },
                        });
                    }
                }
                self.free_to(m);
            }
            match kind {
                SeqKind::Tuple => self.emit(Instr::ListToTuple { dst: out, src: acc }),
                _ => self.emit(Instr::Move { dst: out, src: acc }),
            };
        }
        self.settle(mark, out);
        Ok(out)
    }

    fn fstring(&mut self, f: &'a ast::ExprFString, dst: Option<u16>, mark: u16) -> CResult<u16> {
        let out = self.out(dst)?;
        let mut parts: Vec<FPart<'a>> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => parts.push(FPart::Lit(l.value.to_string())),
                ast::FStringPart::FString(fs) => collect_fparts(&fs.elements, &mut parts),
            }
        }
        let start = self.next_reg;
        let mut n = 0u16;
        let mut pending = String::new();
        for p in parts {
            match p {
                FPart::Lit(s) => pending.push_str(&s),
                FPart::Interp(i) => {
                    if let Some(d) = &i.debug_text {
                        pending.push_str(d.leading());
                        pending.push_str(d.expression());
                        pending.push_str(d.trailing());
                    }
                    if !pending.is_empty() {
                        let r = self.alloc()?;
                        let k = self.str_const(&std::mem::take(&mut pending))?;
                        self.load_const(r, k);
                        n += 1;
                    }
                    let r = self.alloc()?;
                    self.interpolation(i, r)?;
                    n += 1;
                }
            }
        }
        if !pending.is_empty() || n == 0 {
            let r = self.alloc()?;
            let k = self.str_const(&pending)?;
            self.load_const(r, k);
            n += 1;
        }
        if n == 1 {
            self.emit(Instr::Move {
                dst: out,
                src: start,
            });
        } else {
            self.emit(Instr::BuildString {
                dst: out,
                start,
                count: n,
            });
        }
        self.settle(mark, out);
        Ok(out)
    }

    /// One `{expr!conv:spec}` into register r (a str).
    fn interpolation(&mut self, i: &'a ast::InterpolatedElement, r: u16) -> CResult<()> {
        self.expr_to(&i.expression, r)?;
        let conv = match i.conversion {
            ast::ConversionFlag::None => {
                // f"{x=}" uses repr unless a format spec is given.
                if i.debug_text.is_some() && i.format_spec.is_none() {
                    Some(b'r')
                } else {
                    None
                }
            }
            ast::ConversionFlag::Str => Some(b's'),
            ast::ConversionFlag::Repr => Some(b'r'),
            ast::ConversionFlag::Ascii => Some(b'a'),
        };
        if let Some(c) = conv {
            self.emit(Instr::Convert {
                dst: r,
                src: r,
                imm: c as u16,
            });
        }
        match &i.format_spec {
            Some(spec) => {
                let mut parts = Vec::new();
                collect_fparts(&spec.elements, &mut parts);
                let s = self.alloc()?;
                let start = self.next_reg;
                let mut n = 0u16;
                for p in parts {
                    let t = self.alloc()?;
                    match p {
                        FPart::Lit(l) => {
                            let k = self.str_const(&l)?;
                            self.load_const(t, k);
                        }
                        FPart::Interp(inner) => self.interpolation(inner, t)?,
                    }
                    n += 1;
                }
                match n {
                    0 => {
                        let k = self.str_const("")?;
                        self.load_const(s, k);
                    }
                    1 => {
                        self.emit(Instr::Move { dst: s, src: start });
                    }
                    _ => {
                        self.emit(Instr::BuildString {
                            dst: s,
                            start,
                            count: n,
                        });
                    }
                }
                self.emit(Instr::FormatValue {
                    dst: r,
                    src: r,
                    spec: s,
                });
                self.free_to(s);
            }
            None => {
                self.emit(Instr::FormatValue {
                    dst: r,
                    src: r,
                    spec: NO_REG,
                });
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall, dst: Option<u16>, mark: u16) -> CResult<u16> {
        let args = &c.arguments;
        let has_star = args.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || args.keywords.iter().any(|k| k.arg.is_none());
        let base = self.alloc()?;
        if has_star {
            self.expr_to(&c.func, base)?;
            // Positional arguments into a list, then a tuple.
            let pl = self.alloc()?;
            self.emit(Instr::BuildList {
                dst: pl,
                start: pl,
                count: 0,
            });
            // CPython names the callee only for a lone `f(*x)`; `f(1, *x)`
            // builds a list first and reports "Value after * ...".
            let lone_star = args.args.len() == 1;
            for a in args.args.iter() {
                let m = self.next_reg;
                match a {
                    Expr::Starred(s) if lone_star => {
                        let v = self.expr(&s.value)?;
                        self.emit(Instr::CallArgsExtend {
                            list: pl,
                            iterable: v,
                            func: base,
                        });
                    }
                    Expr::Starred(s) => {
                        let v = self.expr(&s.value)?;
                        self.emit(Instr::ListExtend {
                            list: pl,
                            iterable: v,
                        });
                    }
                    other => {
                        let v = self.expr(other)?;
                        self.emit(Instr::ListAppend { list: pl, item: v });
                    }
                }
                self.free_to(m);
            }
            self.emit(Instr::ListToTuple { dst: pl, src: pl });
            let kw = if args.keywords.is_empty() {
                NO_REG
            } else {
                let d = self.alloc()?;
                self.emit(Instr::BuildDict {
                    dst: d,
                    start: d,
                    count: 0,
                });
                for k in args.keywords.iter() {
                    let m = self.next_reg;
                    match &k.arg {
                        Some(name) => {
                            let one = self.alloc()?;
                            let kv = self.alloc_n(2)?;
                            let kc = self.str_const(name.as_str())?;
                            self.load_const(kv, kc);
                            self.expr_to(&k.value, kv + 1)?;
                            self.emit(Instr::BuildDict {
                                dst: one,
                                start: kv,
                                count: 1,
                            });
                            self.emit(Instr::CallKwMerge {
                                dict: d,
                                mapping: one,
                                func: base,
                            });
                        }
                        None => {
                            let v = self.expr(&k.value)?;
                            self.emit(Instr::CallKwMerge {
                                dict: d,
                                mapping: v,
                                func: base,
                            });
                        }
                    }
                    self.free_to(m);
                }
                d
            };
            self.set_loc(c);
            self.emit(Instr::CallEx {
                func: base,
                args: pl,
                kwargs: kw,
            });
        } else {
            let nargs = args.args.len() + args.keywords.len();
            if nargs > 255 * 255 {
                return Err(CompileError::unsupported(
                    "too many arguments",
                    c.range().start().to_u32(),
                ));
            }
            let method = match (&*c.func, args.keywords.is_empty()) {
                (Expr::Attribute(a), true) if self.super_call_args(&a.value).is_none() => Some(a),
                _ => None,
            };
            match method {
                Some(a) => self.expr_to(&a.value, base)?,
                None => self.expr_to(&c.func, base)?,
            }
            for a in args.args.iter() {
                let r = self.alloc()?;
                self.expr_to(a, r)?;
            }
            let mut seen = HashSet::new();
            for k in args.keywords.iter() {
                let name = k.arg.as_ref().unwrap().as_str();
                if !seen.insert(name) {
                    return Err(CompileError::syntax(
                        format!("keyword argument repeated: {name}"),
                        k.range.start().to_u32(),
                    ));
                }
                let r = self.alloc()?;
                self.expr_to(&k.value, r)?;
            }
            self.set_loc(c);
            if let Some(a) = method {
                let n = self.name(a.attr.as_str())?;
                let lookup = self.attr_loc(
                    a,
                    self.loc_of(a.range.start().to_u32(), a.range.end().to_u32()),
                );
                self.cur_loc = self.attr_loc(a, self.cur_loc);
                let pc = self.emit(Instr::CallMethod {
                    obj: base,
                    name: n,
                    argc: nargs as u16,
                });
                self.method_locs.push((pc as u32, lookup));
            } else if args.keywords.is_empty() {
                self.emit(Instr::Call {
                    func: base,
                    argc: nargs as u16,
                });
            } else {
                let names: Vec<String> = args
                    .keywords
                    .iter()
                    .map(|k| k.arg.as_ref().unwrap().as_str().to_string())
                    .collect();
                let k = self.const_index(ConstKey::Names(names.clone()), |vm| {
                    let items: Vec<Value> =
                        names.iter().map(|n| Value::Str(vm.intern(n))).collect();
                    Value::Tuple(vm.heap.alloc_pinned(TupleObj::new(items)))
                })?;
                self.emit(Instr::CallKw {
                    func: base,
                    argc: nargs as u16,
                    kwnames: k,
                });
            }
        }
        self.finish_temp(base, dst, mark)
    }

    fn comprehension<T>(
        &mut self,
        node: &'a T,
        gens: &'a [ast::Comprehension],
        kind: CompKind<'a>,
        dst: Option<u16>,
        mark: u16,
    ) -> CResult<u16> {
        if gens.iter().any(|g| g.is_async) {
            return Err(CompileError::unsupported(
                "async comprehensions",
                self.offset_now(),
            ));
        }
        let child_scope = self.ctx.scopes.of_node(node);
        let (name, code_kind) = match kind {
            CompKind::List(_) => ("<listcomp>", CodeKind::Comprehension),
            CompKind::Set(_) => ("<setcomp>", CodeKind::Comprehension),
            CompKind::Dict(..) => ("<dictcomp>", CodeKind::Comprehension),
            CompKind::Gen(_) => ("<genexpr>", CodeKind::GeneratorExpr),
        };
        let params = Params {
            names: vec![".0".into()],
            posonly: 1,
            positional: 1,
            ..Params::default()
        };
        let line = self.cur_loc.line;
        // The loop instructions report the comprehension's location.
        let node_loc = self.cur_loc;
        let qual = self.child_qualname(name);
        let child = {
            let ctx: &mut Ctx<'v> = self.ctx;
            let mut c =
                FnCompiler::new(ctx, child_scope, code_kind, name.into(), qual, params, line);
            // The ".0" parameter is register 0: scope analysis never sees it, so
            // shift the named locals up by one.
            for r in c.vars.values_mut() {
                *r += 1;
            }
            c.reg_names.insert(0, Some(".0".into()));
            c.next_reg += 1;
            c.max_reg = c.next_reg;
            c.nvars += 1;
            c.frees_start += 1;
            c.cur_loc = node_loc;
            c.prologue();
            let acc = c.alloc()?;
            match kind {
                CompKind::List(_) => {
                    c.emit(Instr::BuildList {
                        dst: acc,
                        start: acc,
                        count: 0,
                    });
                }
                CompKind::Set(_) => {
                    c.emit(Instr::BuildSet {
                        dst: acc,
                        start: acc,
                        count: 0,
                    });
                }
                CompKind::Dict(..) => {
                    c.emit(Instr::BuildDict {
                        dst: acc,
                        start: acc,
                        count: 0,
                    });
                }
                CompKind::Gen(_) => {}
            }
            c.comp_loop(gens, 0, kind, acc)?;
            match kind {
                CompKind::Gen(_) => c.emit(Instr::ReturnNone {}),
                _ => c.emit(Instr::Return { src: acc }),
            };
            c.finish()
        };
        let base = self.alloc()?;
        self.make_function(child, child_scope, None, Some(base))?;
        let it = self.alloc()?;
        let src = self.expr(&gens[0].iter)?;
        self.emit(Instr::GetIter { dst: it, src });
        self.free_to(it + 1);
        self.emit(Instr::Call {
            func: base,
            argc: 1,
        });
        self.finish_temp(base, dst, mark)
    }

    fn comp_loop(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        kind: CompKind<'a>,
        acc: u16,
    ) -> CResult<()> {
        let g = &gens[i];
        let mark = self.next_reg;
        let it = if i == 0 {
            0
        } else {
            let it = self.alloc()?;
            let src = self.expr(&g.iter)?;
            self.emit(Instr::GetIter { dst: it, src });
            self.free_to(it + 1);
            it
        };
        let top = self.here();
        let tmp = self.alloc()?;
        let fi = self.emit(Instr::ForIter {
            dst: tmp,
            iter: it,
            target: 0,
        });
        self.nesting += 1;
        self.assign(&g.target, tmp)?;
        // Inside its own loop the target is bound.
        let mut newly = Vec::new();
        collect_names(&g.target, &mut |n| {
            if self.bound.insert(n.to_string()) {
                newly.push(n.to_string());
            }
        });
        let mut skips = Vec::new();
        for cond in &g.ifs {
            skips.extend(self.cond_jump(cond, false)?);
        }
        if i + 1 < gens.len() {
            self.comp_loop(gens, i + 1, kind, acc)?;
        } else {
            let m = self.next_reg;
            match kind {
                CompKind::List(e) => {
                    let v = self.expr(e)?;
                    self.emit(Instr::ListAppend { list: acc, item: v });
                }
                CompKind::Set(e) => {
                    let v = self.expr(e)?;
                    self.emit(Instr::SetAdd { set: acc, item: v });
                }
                CompKind::Dict(k, v) => {
                    let kv = self.alloc_n(2)?;
                    self.expr_to(k, kv)?;
                    self.expr_to(v, kv + 1)?;
                    self.emit(Instr::DictInsert { dict: acc, key: kv });
                }
                CompKind::Gen(e) => {
                    let v = self.expr(e)?;
                    let sink = self.alloc()?;
                    self.emit(Instr::Yield { dst: sink, src: v });
                }
            }
            self.free_to(m);
        }
        self.patch_all(skips, top)?;
        for n in newly {
            self.bound.remove(&n);
        }
        self.nesting -= 1;
        self.jump_to(top)?;
        let end = self.here();
        self.patch(fi, end)?;
        self.free_to(mark);
        Ok(())
    }
}

enum FPart<'a> {
    Lit(String),
    Interp(&'a ast::InterpolatedElement),
}

fn collect_fparts<'a>(els: &'a ast::InterpolatedStringElements, out: &mut Vec<FPart<'a>>) {
    for el in els.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(l) => out.push(FPart::Lit(l.value.to_string())),
            ast::InterpolatedStringElement::Interpolation(i) => out.push(FPart::Interp(i)),
        }
    }
}

#[derive(Clone, Copy)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

#[derive(Clone, Copy)]
enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

fn collect_names(e: &Expr, f: &mut dyn FnMut(&str)) {
    match e {
        Expr::Name(n) => f(n.id.as_str()),
        Expr::Tuple(t) => t.elts.iter().for_each(|x| collect_names(x, f)),
        Expr::List(t) => t.elts.iter().for_each(|x| collect_names(x, f)),
        Expr::Starred(s) => collect_names(&s.value, f),
        _ => {}
    }
}

fn contains_walrus(e: &Expr) -> bool {
    if matches!(e, Expr::Named(_)) {
        return true;
    }
    let mut found = false;
    if !matches!(
        e,
        Expr::Lambda(_)
            | Expr::ListComp(_)
            | Expr::SetComp(_)
            | Expr::DictComp(_)
            | Expr::Generator(_)
    ) {
        scope::walk_children(e, &mut |c| found |= contains_walrus(c));
    }
    found
}

/// A cheap syntactic pre-check before trying to fold (only constants and
/// operators on them can fold).
fn maybe_const(e: &Expr) -> bool {
    match e {
        Expr::NumberLiteral(n) => !matches!(n.value, ast::Number::Complex { .. }),
        Expr::StringLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => true,
        Expr::UnaryOp(u) => maybe_const(&u.operand),
        Expr::BinOp(b) => maybe_const(&b.left) && maybe_const(&b.right),
        Expr::Tuple(t) => t.elts.iter().all(maybe_const),
        _ => false,
    }
}

/// The size limits of CPython's folding (ast_opt.c: MAX_INT_SIZE 128 bits,
/// MAX_COLLECTION_SIZE 256, MAX_STR_SIZE 4096), and no folding of `str % x`.
fn fold_is_safe(op: Operator, x: Value, y: Value) -> bool {
    const MAX_INT_BITS: u64 = 128;
    const MAX_COLLECTION: i64 = 256;
    const MAX_STR: i64 = 4096;
    fn bits(v: Value) -> Option<u64> {
        match v {
            Value::Int(i) => Some(64 - i.unsigned_abs().leading_zeros() as u64),
            Value::Bool(b) => Some(b as u64),
            Value::BigInt(b) => Some(b.0.bits()),
            _ => None,
        }
    }
    fn int_of(v: Value) -> Option<i64> {
        match v {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b as i64),
            Value::BigInt(b) => Some(if b.0.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }),
            _ => None,
        }
    }
    fn seq_len(v: Value) -> Option<(i64, i64)> {
        match v {
            Value::Str(s) => Some((s.char_len() as i64, MAX_STR)),
            Value::Bytes(b) => Some((b.b.len() as i64, MAX_STR)),
            Value::Tuple(t) => Some((t.items.len() as i64, MAX_COLLECTION)),
            _ => None,
        }
    }
    match op {
        Operator::Mult => {
            if let (Some(a), Some(b)) = (bits(x), bits(y)) {
                return a == 0 || b == 0 || a + b <= MAX_INT_BITS;
            }
            let (seq, n) = if seq_len(x).is_some() { (x, y) } else { (y, x) };
            match (seq_len(seq), int_of(n)) {
                (Some((size, max)), Some(n)) => size == 0 || (n >= 0 && n <= max / size),
                _ => true,
            }
        }
        Operator::Pow => match (bits(x), int_of(y)) {
            (Some(vb), Some(w)) if vb > 0 && w > 0 => vb <= MAX_INT_BITS / (w as u64),
            _ => true,
        },
        Operator::LShift => match (bits(x), int_of(y)) {
            (Some(vb), Some(w)) if vb > 0 && w > 0 => {
                (w as u64) <= MAX_INT_BITS && vb <= MAX_INT_BITS - w as u64
            }
            _ => true,
        },
        Operator::Mod => !matches!(x, Value::Str(_) | Value::Bytes(_)),
        _ => true,
    }
}

fn fold_binop(op: Operator) -> crate::interp::ops::BinOp {
    use crate::interp::ops::BinOp;
    match op {
        Operator::Add => BinOp::Add,
        Operator::Sub => BinOp::Sub,
        Operator::Mult => BinOp::Mul,
        Operator::MatMult => BinOp::MatMul,
        Operator::Div => BinOp::TrueDiv,
        Operator::Mod => BinOp::Mod,
        Operator::Pow => BinOp::Pow,
        Operator::LShift => BinOp::LShift,
        Operator::RShift => BinOp::RShift,
        Operator::BitOr => BinOp::BitOr,
        Operator::BitXor => BinOp::BitXor,
        Operator::BitAnd => BinOp::BitAnd,
        Operator::FloorDiv => BinOp::FloorDiv,
    }
}

fn is_const_true(e: &Expr) -> bool {
    match e {
        Expr::BooleanLiteral(b) => b.value,
        Expr::NumberLiteral(n) => {
            matches!(&n.value, ast::Number::Int(i) if i.as_i64().is_some_and(|v| v != 0))
        }
        _ => false,
    }
}

fn small_int(e: &Expr) -> Option<u16> {
    if let Expr::NumberLiteral(n) = e {
        if let ast::Number::Int(i) = &n.value {
            let v = i.as_i64()?;
            return i16::try_from(v).ok().map(|x| x as u16);
        }
    }
    None
}

fn parse_big_literal(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

fn binop_instr(op: Operator, dst: u16, a: u16, b: u16) -> Instr {
    match op {
        Operator::Add => Instr::Add { dst, a, b },
        Operator::Sub => Instr::Sub { dst, a, b },
        Operator::Mult => Instr::Mul { dst, a, b },
        Operator::MatMult => Instr::MatMul { dst, a, b },
        Operator::Div => Instr::TrueDiv { dst, a, b },
        Operator::Mod => Instr::Mod { dst, a, b },
        Operator::Pow => Instr::Pow { dst, a, b },
        Operator::LShift => Instr::LShift { dst, a, b },
        Operator::RShift => Instr::RShift { dst, a, b },
        Operator::BitOr => Instr::BitOr { dst, a, b },
        Operator::BitXor => Instr::BitXor { dst, a, b },
        Operator::BitAnd => Instr::BitAnd { dst, a, b },
        Operator::FloorDiv => Instr::FloorDiv { dst, a, b },
    }
}

fn cmp_instr(op: CmpOp, dst: u16, a: u16, b: u16) -> Instr {
    match op {
        CmpOp::Eq => Instr::Eq { dst, a, b },
        CmpOp::NotEq => Instr::Ne { dst, a, b },
        CmpOp::Lt => Instr::Lt { dst, a, b },
        CmpOp::LtE => Instr::Le { dst, a, b },
        CmpOp::Gt => Instr::Gt { dst, a, b },
        CmpOp::GtE => Instr::Ge { dst, a, b },
        CmpOp::Is => Instr::Is { dst, a, b },
        CmpOp::IsNot => Instr::IsNot { dst, a, b },
        CmpOp::In => Instr::In { dst, a, b },
        CmpOp::NotIn => Instr::NotIn { dst, a, b },
    }
}

fn fused_compare(op: CmpOp) -> Option<fn(u16, u16) -> Instr> {
    Some(match op {
        CmpOp::Lt => |a, b| Instr::JumpIfNotLt { a, b, target: 0 },
        CmpOp::LtE => |a, b| Instr::JumpIfNotLe { a, b, target: 0 },
        CmpOp::Gt => |a, b| Instr::JumpIfNotGt { a, b, target: 0 },
        CmpOp::GtE => |a, b| Instr::JumpIfNotGe { a, b, target: 0 },
        CmpOp::Eq => |a, b| Instr::JumpIfNotEq { a, b, target: 0 },
        CmpOp::NotEq => |a, b| Instr::JumpIfNotNe { a, b, target: 0 },
        _ => return None,
    })
}

fn describe(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_) => "literal",
        Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        Expr::FString(_) => "f-string expression",
        _ => "expression",
    }
}
