//! `try`/`except`/`finally` and `with`: protected regions, handlers, and the
//! unwinding that `break`, `continue` and `return` do through them (running
//! `finally` bodies and `__exit__` on the way out).

use ruff_python_ast as ast;

use crate::bytecode::code::ExcEntry;
use crate::bytecode::opcodes::Instr;
use crate::front::CompileError;

use super::{CResult, FinallyBody, FnCompiler, Region, Unwind};

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    /// Run what a jump out of the enclosing `try` blocks and handlers must run:
    /// leave handlers, run `finally` bodies (innermost first), down to `depth`.
    pub(super) fn unwind_for_exit(&mut self, depth: usize, is_return: bool) -> CResult<()> {
        let mut i = self.unwind.len();
        while i > depth {
            i -= 1;
            match self.unwind[i] {
                Unwind::Handler => {
                    if !is_return {
                        self.emit(Instr::ExitHandler {});
                    }
                }
                Unwind::OwnedIter(iter) => {
                    self.emit(Instr::CloseIter { iter });
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

    pub(super) fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if t.is_star {
            return Err(CompileError::unsupported(
                "except*",
                t.range.start().to_u32(),
            ));
        }
        // The `try:` line runs, as CPython's NOP there has it run (the
        // recorder counts it; compiled code emits nothing for it).
        self.set_loc(t);
        self.emit(Instr::Nop {});
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
            // The handler's copy of the body begins its first line (the
            // recorder counts a line's runs from there).
            if let Some(first) = t.finalbody.first() {
                self.set_loc(first);
            }
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
    pub(super) fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> CResult<()> {
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
        // Catching begins on the first `except` line, as CPython's line
        // events have it (not the try body's last line).
        if let Some(ast::ExceptHandler::ExceptHandler(h)) = t.handlers.first() {
            self.set_loc(h);
        }
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
}
