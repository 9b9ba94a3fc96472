//! `from __future__ import` checks and variable annotations: CPython's
//! compile-time rules for future imports, and the `__annotations__` dict that
//! module and class bodies fill (functions never evaluate local annotations).

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use crate::bytecode::opcodes::Instr;
use crate::front::CompileError;

use super::{CResult, FnCompiler};

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

pub(super) fn is_future_import(s: &Stmt) -> Option<&ruff_python_ast::StmtImportFrom> {
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
pub(super) fn check_future_imports(body: &[Stmt]) -> CResult<bool> {
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
pub(super) fn has_annotations(body: &[Stmt]) -> bool {
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

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    /// `__annotations__ = {}` at the start of a module or class body.
    pub(super) fn setup_annotations(&mut self) -> CResult<()> {
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
    pub(super) fn annotate(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
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
}
