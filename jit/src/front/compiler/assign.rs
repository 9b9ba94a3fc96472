//! Assignment targets (names, attributes, subscripts, unpacking), `del`, and
//! augmented assignment (`x += 1`) with its read-modify-write of the target.

use ruff_python_ast::{self as ast, Expr, Operator};
use ruff_text_size::Ranged;

use crate::bytecode::opcodes::Instr;
use crate::front::scope::NameAccess;
use crate::front::CompileError;

use super::expr::{binop_instr, small_int};
use super::{CResult, FnCompiler};

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

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    pub(super) fn assign_stmt(&mut self, a: &'a ast::StmtAssign) -> CResult<()> {
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

    pub(super) fn is_var_reg(&self, r: u16) -> bool {
        (r as usize) < self.vars.len()
    }

    pub(super) fn assign(&mut self, target: &'a Expr, src: u16) -> CResult<()> {
        let prev = self.set_loc(target);
        match target {
            Expr::Name(n) => self.store_name(n.id.as_str(), src)?,
            Expr::Attribute(a) => {
                let mark = self.next_reg;
                let o = self.expr(&a.value)?;
                let n = self.private_name(a.attr.as_str())?;
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

    pub(super) fn delete_name(&mut self, name: &str, check: bool) -> CResult<()> {
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

    pub(super) fn delete(&mut self, t: &'a Expr) -> CResult<()> {
        let mark = self.next_reg;
        let prev = self.set_loc(t);
        match t {
            Expr::Name(n) => self.delete_name(n.id.as_str(), true)?,
            Expr::Attribute(a) => {
                let o = self.expr(&a.value)?;
                let n = self.private_name(a.attr.as_str())?;
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

    pub(super) fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
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
                let n = self.private_name(at.attr.as_str())?;
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
}
