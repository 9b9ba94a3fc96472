//! List, tuple and set displays (`[a, *b]`, `(a, b)`, `{a, b}`), with or
//! without starred items.

use ruff_python_ast::Expr;

use crate::bytecode::opcodes::Instr;

use super::{CResult, FnCompiler};

#[derive(Clone, Copy)]
pub(super) enum SeqKind {
    List,
    Tuple,
    Set,
}

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    pub(super) fn sequence(
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
}
