//! `if`, `while` and `for`, and `cond_jump`, the conditional jumps they (and
//! `assert`, `x if c else y` and comprehension filters) are built from.

use ruff_python_ast::{self as ast, CmpOp, Expr, Stmt, UnaryOp};

use crate::bytecode::opcodes::Instr;
use crate::front::CompileError;

use super::{CResult, FnCompiler, LoopCtx};

fn is_const_true(e: &Expr) -> bool {
    match e {
        Expr::BooleanLiteral(b) => b.value,
        Expr::NumberLiteral(n) => {
            matches!(&n.value, ast::Number::Int(i) if i.as_i64().is_some_and(|v| v != 0))
        }
        _ => false,
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

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    fn loop_body(
        &mut self,
        body: &'a [Stmt],
        continue_target: usize,
        close: Option<u16>,
    ) -> CResult<Vec<usize>> {
        self.loops.push(LoopCtx {
            continue_target,
            breaks: Vec::new(),
            unwind_depth: self.unwind.len(),
            close,
        });
        let r = self.nested(|c| c.stmts(body));
        let l = self.loops.pop().unwrap();
        r?;
        Ok(l.breaks)
    }

    pub(super) fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let top = self.here();
        let exits = if is_const_true(&w.test) {
            Vec::new()
        } else {
            self.cond_jump(&w.test, false)?
        };
        let breaks = self.loop_body(&w.body, top, None)?;
        // The jump back is the loop's, not its body's last line's (an
        // `except` line when the body ends with a try): the recorder would
        // count that line once per iteration.
        self.set_loc(w);
        self.jump_to(top)?;
        let else_start = self.here();
        self.patch_all(exits, else_start)?;
        self.nested(|c| c.stmts(&w.orelse))?;
        let end = self.here();
        self.patch_all(breaks, end)
    }

    pub(super) fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if f.is_async {
            return Err(CompileError::unsupported(
                "async for",
                f.range.start().to_u32(),
            ));
        }
        let it = self.alloc()?;
        let src = self.expr(&f.iter)?;
        // `for x in gen(...)`: the loop may be the generator's only holder.
        let owned = matches!(&*f.iter, Expr::Call(_));
        let get_iter = self.emit(Instr::GetIter { dst: it, src });
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
        if owned {
            self.unwind.push(super::Unwind::OwnedIter(it));
        }
        let breaks = self.loop_body(&f.body, top, owned.then_some(it))?;
        if owned {
            self.unwind.pop();
        }
        if newly_bound {
            if let Some(n) = direct {
                self.bound.remove(n);
            }
        }
        self.set_loc(f);
        self.jump_to(top)?;
        let else_start = self.here();
        self.patch(fi, else_start)?;
        if owned {
            self.owned_loops.push(crate::bytecode::code::OwnedLoop {
                get_iter: get_iter as u32,
                end: else_start as u32,
                iter: it,
            });
        }
        self.nested(|c| c.stmts(&f.orelse))?;
        let end = self.here();
        self.patch_all(breaks, end)?;
        Ok(())
    }

    pub(super) fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult<()> {
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

    /// Emit jumps taken when `e`'s truth equals `when`; returns them for patching.
    pub(super) fn cond_jump(&mut self, e: &'a Expr, when: bool) -> CResult<Vec<usize>> {
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
}
