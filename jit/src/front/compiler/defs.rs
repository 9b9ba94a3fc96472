//! `def` and `class`: compiling a nested scope into its own code object with
//! a child `FnCompiler`, then emitting what builds the function or class at run
//! time (defaults, closures, decorators, bases). `lambda` and comprehensions
//! reuse `make_function`.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Stmt};

use crate::bytecode::code::{Code, CodeKind, Params};
use crate::bytecode::opcodes::{Instr, NO_REG};
use crate::front::CompileError;
use crate::runtime::object::TupleObj;
use crate::runtime::value::Value;

use super::annotations::has_annotations;
use super::{CResult, ConstKey, Ctx, FnCompiler};

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    pub(super) fn params_of(p: &ast::Parameters) -> Params {
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

    pub(super) fn child_qualname(&self, name: &str) -> Rc<str> {
        match self.kind {
            CodeKind::Module => name.into(),
            CodeKind::ClassBody => format!("{}.{}", self.qualname, name).into(),
            _ => format!("{}.<locals>.{}", self.qualname, name).into(),
        }
    }

    /// Emit MakeFunction for a compiled child; defaults and closure come from the
    /// current scope. Returns the register holding the function.
    pub(super) fn make_function(
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

    pub(super) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
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
            b.private = Some(c.name.as_str().into());
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

    pub(super) fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
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
        let private = self.private.clone();
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
            c.private = private;
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
}
