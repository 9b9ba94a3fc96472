//! Expressions: the main `expr_inner` dispatcher and the helpers that decide
//! which register a value lands in.

use ruff_python_ast::{self as ast, CmpOp, Expr, Operator, UnaryOp};

use crate::bytecode::code::CodeKind;
use crate::bytecode::opcodes::Instr;
use crate::front::scope;
use crate::front::CompileError;
use crate::runtime::object::BytesObj;
use crate::runtime::value::Value;

use super::comprehensions::CompKind;
use super::displays::SeqKind;
use super::fold::{maybe_const, parse_big_literal};
use super::{CResult, ConstKey, Ctx, FnCompiler};

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

pub(super) fn small_int(e: &Expr) -> Option<u16> {
    if let Expr::NumberLiteral(n) = e {
        if let ast::Number::Int(i) = &n.value {
            let v = i.as_i64()?;
            return i16::try_from(v).ok().map(|x| x as u16);
        }
    }
    None
}

pub(super) fn binop_instr(op: Operator, dst: u16, a: u16, b: u16) -> Instr {
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

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    /// Evaluate into some register (a local's own register when `e` is a local).
    pub(super) fn expr(&mut self, e: &'a Expr) -> CResult<u16> {
        self.expr_into(e, None)
    }

    /// Evaluate into a fresh temporary.
    pub(super) fn expr_temp(&mut self, e: &'a Expr) -> CResult<u16> {
        let t = self.alloc()?;
        self.expr_to(e, t)?;
        Ok(t)
    }

    pub(super) fn expr_to(&mut self, e: &'a Expr, dst: u16) -> CResult<()> {
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
    pub(super) fn subscript_key(&mut self, key: &'a Expr) -> CResult<u16> {
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

    pub(super) fn out(&mut self, dst: Option<u16>) -> CResult<u16> {
        match dst {
            Some(d) => Ok(d),
            None => self.alloc(),
        }
    }

    /// Free temporaries above `out` (or back to `mark` when out is not a temp).
    pub(super) fn settle(&mut self, mark: u16, out: u16) {
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
                let private = self.private.clone();
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
                    c.private = private;
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
                let n = self.private_name(a.attr.as_str())?;
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
    pub(super) fn finish_temp(&mut self, t: u16, dst: Option<u16>, mark: u16) -> CResult<u16> {
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
}
