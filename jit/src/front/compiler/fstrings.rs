//! f-strings: literal parts and `{expr!r:spec}` interpolations (whose format
//! specs may hold interpolations themselves), joined into one string.

use ruff_python_ast as ast;

use crate::bytecode::opcodes::{Instr, NO_REG};

use super::{CResult, FnCompiler};

enum FPart<'a> {
    Lit(String),
    Interp(&'a ast::InterpolatedElement),
}

fn collect_fparts<'a>(els: &'a ast::InterpolatedStringElements, out: &mut Vec<FPart<'a>>) {
    for el in els.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(l) => out.push(FPart::Lit(l.value.to_string())),
            ast::InterpolatedStringElement::Interpolation(i) => out.push(FPart::Interp(i)),
        }
    }
}

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    pub(super) fn fstring(
        &mut self,
        f: &'a ast::ExprFString,
        dst: Option<u16>,
        mark: u16,
    ) -> CResult<u16> {
        let out = self.out(dst)?;
        let mut parts: Vec<FPart<'a>> = Vec::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => parts.push(FPart::Lit(l.value.to_string())),
                ast::FStringPart::FString(fs) => collect_fparts(&fs.elements, &mut parts),
            }
        }
        let start = self.next_reg;
        let mut n = 0u16;
        let mut pending = String::new();
        for p in parts {
            match p {
                FPart::Lit(s) => pending.push_str(&s),
                FPart::Interp(i) => {
                    if let Some(d) = &i.debug_text {
                        pending.push_str(d.leading());
                        pending.push_str(d.expression());
                        pending.push_str(d.trailing());
                    }
                    if !pending.is_empty() {
                        let r = self.alloc()?;
                        let k = self.str_const(&std::mem::take(&mut pending))?;
                        self.load_const(r, k);
                        n += 1;
                    }
                    let r = self.alloc()?;
                    self.interpolation(i, r)?;
                    n += 1;
                }
            }
        }
        if !pending.is_empty() || n == 0 {
            let r = self.alloc()?;
            let k = self.str_const(&pending)?;
            self.load_const(r, k);
            n += 1;
        }
        if n == 1 {
            self.emit(Instr::Move {
                dst: out,
                src: start,
            });
        } else {
            self.emit(Instr::BuildString {
                dst: out,
                start,
                count: n,
            });
        }
        self.settle(mark, out);
        Ok(out)
    }

    /// One `{expr!conv:spec}` into register r (a str).
    fn interpolation(&mut self, i: &'a ast::InterpolatedElement, r: u16) -> CResult<()> {
        self.expr_to(&i.expression, r)?;
        let conv = match i.conversion {
            ast::ConversionFlag::None => {
                // f"{x=}" uses repr unless a format spec is given.
                if i.debug_text.is_some() && i.format_spec.is_none() {
                    Some(b'r')
                } else {
                    None
                }
            }
            ast::ConversionFlag::Str => Some(b's'),
            ast::ConversionFlag::Repr => Some(b'r'),
            ast::ConversionFlag::Ascii => Some(b'a'),
        };
        if let Some(c) = conv {
            self.emit(Instr::Convert {
                dst: r,
                src: r,
                imm: c as u16,
            });
        }
        match &i.format_spec {
            Some(spec) => {
                let mut parts = Vec::new();
                collect_fparts(&spec.elements, &mut parts);
                let s = self.alloc()?;
                let start = self.next_reg;
                let mut n = 0u16;
                for p in parts {
                    let t = self.alloc()?;
                    match p {
                        FPart::Lit(l) => {
                            let k = self.str_const(&l)?;
                            self.load_const(t, k);
                        }
                        FPart::Interp(inner) => self.interpolation(inner, t)?,
                    }
                    n += 1;
                }
                match n {
                    0 => {
                        let k = self.str_const("")?;
                        self.load_const(s, k);
                    }
                    1 => {
                        self.emit(Instr::Move { dst: s, src: start });
                    }
                    _ => {
                        self.emit(Instr::BuildString {
                            dst: s,
                            start,
                            count: n,
                        });
                    }
                }
                self.emit(Instr::FormatValue {
                    dst: r,
                    src: r,
                    spec: s,
                });
                self.free_to(s);
            }
            None => {
                self.emit(Instr::FormatValue {
                    dst: r,
                    src: r,
                    spec: NO_REG,
                });
            }
        }
        Ok(())
    }
}
