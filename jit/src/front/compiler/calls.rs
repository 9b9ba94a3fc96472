//! Calls (positional, keyword, starred and `**` arguments), and the
//! `super().name` / `super(C, x).name` forms that one LoadSuperAttr serves.

use std::collections::HashSet;

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use crate::bytecode::code::CodeKind;
use crate::bytecode::opcodes::{Instr, NO_REG};
use crate::front::scope::NameAccess;
use crate::front::CompileError;
use crate::runtime::object::TupleObj;
use crate::runtime::value::Value;

use super::{CResult, ConstKey, FnCompiler};

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
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
    pub(super) fn super_attr(&mut self, a: &'a ast::ExprAttribute, out: u16) -> CResult<bool> {
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
        let n = self.private_name(a.attr.as_str())?;
        self.set_loc(a);
        self.emit(Instr::LoadSuperAttr {
            dst: out,
            args: r,
            name: n,
        });
        self.free_to(mark.max(out + 1));
        Ok(true)
    }

    pub(super) fn call(
        &mut self,
        c: &'a ast::ExprCall,
        dst: Option<u16>,
        mark: u16,
    ) -> CResult<u16> {
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
                let n = self.private_name(a.attr.as_str())?;
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
}
