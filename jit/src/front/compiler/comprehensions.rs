//! List, set and dict comprehensions and generator expressions: each is
//! compiled as a nested code object whose one parameter `.0` is the
//! iterator, as in CPython 3.11.

use ruff_python_ast::{self as ast, Expr};

use crate::bytecode::code::{CodeKind, Params};
use crate::bytecode::opcodes::Instr;
use crate::front::CompileError;

use super::{CResult, Ctx, FnCompiler};

#[derive(Clone, Copy)]
pub(super) enum CompKind<'a> {
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

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    pub(super) fn comprehension<T>(
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
        let private = self.private.clone();
        let child = {
            let ctx: &mut Ctx<'v> = self.ctx;
            let mut c =
                FnCompiler::new(ctx, child_scope, code_kind, name.into(), qual, params, line);
            c.private = private;
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
