//! The statement dispatcher: `stmt` matches each statement kind and compiles
//! the simple ones inline; compound statements have their own files.

use ruff_python_ast::{Expr, Stmt};

use crate::bytecode::code::CodeKind;
use crate::bytecode::opcodes::{Instr, NO_REG};
use crate::front::CompileError;

use super::annotations::is_future_import;
use super::{CResult, FnCompiler, Unwind};

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> CResult<T>) -> CResult<T> {
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
            Stmt::Match(m) => self.match_stmt(m)?,
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
                let (depth, close) = (l.unwind_depth, l.close);
                self.unwind_for_exit(depth, false)?;
                if let Some(iter) = close {
                    self.emit(Instr::CloseIter { iter });
                }
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
}
