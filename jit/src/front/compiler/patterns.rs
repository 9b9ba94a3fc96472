//! The `match` statement (PEP 634): each case's pattern becomes tests of
//! the subject that jump to the next case when one fails.
//!
//! Literal and value patterns compare with `==` (`is` for None, True and
//! False), captures store the subject or the part of it being matched. The
//! structural tests CPython has opcodes for (MATCH_SEQUENCE, MATCH_MAPPING,
//! MATCH_KEYS, MATCH_CLASS) are calls of natives the program cannot name
//! (`<match seq>` and friends, `builtins/match_patterns.rs`), loaded with
//! `LoadBuiltin`: a `match` is rarely hot, and new instructions would each
//! need an interpreter arm and JIT effects for no gain.
//!
//! Names are bound as their subpatterns succeed; a later subpattern that
//! fails leaves them bound (PEP 634 leaves that to the implementation;
//! CPython binds at the end, so only a program reading a name its failed
//! case would have bound could tell).

use ruff_python_ast::{self as ast, Pattern, Singleton};

use crate::bytecode::opcodes::Instr;
use crate::front::CompileError;

use super::{CResult, FnCompiler};

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        let mark = self.next_reg;
        let subject = self.expr_temp(&m.subject)?;
        let mut ends = Vec::new();
        for (i, case) in m.cases.iter().enumerate() {
            if i + 1 < m.cases.len() && case.guard.is_none() {
                if let Some(p) = case.pattern.irrefutable_pattern() {
                    let msg = match p.kind {
                        ast::IrrefutablePatternKind::Name(n) => {
                            format!("name capture '{n}' makes remaining patterns unreachable")
                        }
                        ast::IrrefutablePatternKind::Wildcard => {
                            "wildcard makes remaining patterns unreachable".to_string()
                        }
                    };
                    return Err(CompileError::syntax(msg, p.range.start().to_u32()));
                }
            }
            let case_mark = self.next_reg;
            let mut fail = Vec::new();
            self.pattern(&case.pattern, subject, &mut fail)?;
            if let Some(g) = &case.guard {
                fail.extend(self.cond_jump(g, false)?);
            }
            self.free_to(case_mark);
            self.nested(|c| c.stmts(&case.body))?;
            if i + 1 < m.cases.len() {
                ends.push(self.jump());
            }
            let next = self.here();
            self.patch_all(fail, next)?;
        }
        let end = self.here();
        self.patch_all(ends, end)?;
        self.free_to(mark);
        Ok(())
    }

    /// Test `subject` (a register the pattern must not overwrite) against
    /// `p`, binding its names; jumps that leave when it fails go to `fail`.
    fn pattern(&mut self, p: &'a Pattern, subject: u16, fail: &mut Vec<usize>) -> CResult<()> {
        self.set_loc(p);
        match p {
            Pattern::MatchValue(v) => {
                let r = self.expr(&v.value)?;
                self.set_loc(p);
                fail.push(self.emit(Instr::JumpIfNotEq {
                    a: subject,
                    b: r,
                    target: 0,
                }));
            }
            Pattern::MatchSingleton(s) => {
                let t = self.alloc()?;
                match s.value {
                    Singleton::None => self.load_none(t),
                    Singleton::True => self.load_bool(t, true),
                    Singleton::False => self.load_bool(t, false),
                };
                self.emit(Instr::Is {
                    dst: t,
                    a: subject,
                    b: t,
                });
                fail.push(self.emit(Instr::JumpIfFalse { cond: t, target: 0 }));
            }
            Pattern::MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    self.pattern(inner, subject, fail)?;
                }
                if let Some(n) = &a.name {
                    self.store_name(n.as_str(), subject)?;
                }
            }
            Pattern::MatchOr(o) => {
                let mut matched = Vec::new();
                for (i, alt) in o.patterns.iter().enumerate() {
                    let mut alt_fail = Vec::new();
                    self.pattern(alt, subject, &mut alt_fail)?;
                    if i + 1 < o.patterns.len() {
                        matched.push(self.jump());
                        let next = self.here();
                        self.patch_all(alt_fail, next)?;
                    } else {
                        fail.extend(alt_fail);
                    }
                }
                let h = self.here();
                self.patch_all(matched, h)?;
            }
            Pattern::MatchSequence(s) => self.sequence_pattern(s, subject, fail)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, subject, fail)?,
            Pattern::MatchClass(c) => self.class_pattern(c, subject, fail)?,
            Pattern::MatchStar(s) => {
                return Err(CompileError::syntax(
                    "can't use starred name here",
                    s.range.start().to_u32(),
                ))
            }
        }
        Ok(())
    }

    /// `[a, *rest, b]`: a sequence (not a str, bytes or mapping) of the
    /// right length, then each element against its subpattern.
    fn sequence_pattern(
        &mut self,
        s: &'a ast::PatternMatchSequence,
        subject: u16,
        fail: &mut Vec<usize>,
    ) -> CResult<()> {
        let items = &s.patterns;
        let star = items
            .iter()
            .position(|p| matches!(p, Pattern::MatchStar(_)));
        if items
            .iter()
            .filter(|p| matches!(p, Pattern::MatchStar(_)))
            .count()
            > 1
        {
            return Err(CompileError::syntax(
                "multiple starred names in sequence pattern",
                s.range.start().to_u32(),
            ));
        }
        let fixed = items.len() - star.is_some() as usize;
        let base = self.native_call_base("<match seq>", subject, 2)?;
        self.load_int(base + 2, fixed as i64)?;
        self.load_bool(base + 3, star.is_some());
        self.emit(Instr::Call {
            func: base,
            argc: 3,
        });
        fail.push(self.emit(Instr::JumpIfFalse {
            cond: base,
            target: 0,
        }));
        for (i, sub) in items.iter().enumerate() {
            if let Pattern::MatchStar(star_pat) = sub {
                if let Some(n) = &star_pat.name {
                    let b = self.native_call_base("<match star>", subject, 2)?;
                    self.load_int(b + 2, i as i64)?;
                    self.load_int(b + 3, (items.len() - i - 1) as i64)?;
                    self.emit(Instr::Call { func: b, argc: 3 });
                    self.store_name(n.as_str(), b)?;
                }
                continue;
            }
            if is_underscore(sub) {
                continue;
            }
            // Elements after a star are counted from the end.
            let index = match star {
                Some(k) if i > k => i as i64 - items.len() as i64,
                _ => i as i64,
            };
            let item = self.item(subject, index)?;
            self.pattern(sub, item, fail)?;
        }
        Ok(())
    }

    /// `{"k": v, **rest}`: a mapping holding every key, then each value
    /// against its subpattern.
    fn mapping_pattern(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        subject: u16,
        fail: &mut Vec<usize>,
    ) -> CResult<()> {
        let base = self.call_native("<match map>", subject, 0, 0)?;
        fail.push(self.emit(Instr::JumpIfFalse {
            cond: base,
            target: 0,
        }));
        let mut seen = Vec::new();
        for k in &m.keys {
            if let Some(text) = literal_key(k) {
                if seen.contains(&text) {
                    let shown = text.trim_matches('"');
                    let shown = if matches!(k, ast::Expr::StringLiteral(_)) {
                        format!("'{shown}'")
                    } else {
                        shown.to_string()
                    };
                    return Err(CompileError::syntax(
                        format!("mapping pattern checks duplicate key ({shown})"),
                        m.range.start().to_u32(),
                    ));
                }
                seen.push(text);
            }
        }
        // The keys are evaluated once (a dotted name's lookup could have
        // effects), for both the lookup and `**rest`.
        let n = m.keys.len();
        let key_regs = self.alloc_n(n)?;
        for (i, k) in m.keys.iter().enumerate() {
            self.expr_to(k, key_regs + i as u16)?;
        }
        let mut values = None;
        if n > 0 {
            self.set_loc(m);
            let b = self.call_native("<match keys>", subject, key_regs, n)?;
            self.fail_if_none(b, fail)?;
            values = Some(b);
        }
        for (i, sub) in m.patterns.iter().enumerate() {
            if is_underscore(sub) {
                continue;
            }
            let v = self.item(values.expect("patterns have keys"), i as i64)?;
            self.pattern(sub, v, fail)?;
        }
        if let Some(rest) = &m.rest {
            let b = self.call_native("<match rest>", subject, key_regs, n)?;
            self.store_name(rest.as_str(), b)?;
        }
        Ok(())
    }

    /// `Point(x, y=0)`: an instance of the class, then its attributes
    /// (`__match_args__` names the positional ones) against the
    /// subpatterns.
    fn class_pattern(
        &mut self,
        c: &'a ast::PatternMatchClass,
        subject: u16,
        fail: &mut Vec<usize>,
    ) -> CResult<()> {
        let args = &c.arguments;
        let (npos, nkw) = (args.patterns.len(), args.keywords.len());
        let b = self.native_call_base("<match class>", subject, 2 + nkw)?;
        self.expr_to(&c.cls, b + 2)?;
        self.load_int(b + 3, npos as i64)?;
        for (i, kw) in args.keywords.iter().enumerate() {
            let k = self.str_const(kw.attr.as_str())?;
            self.load_const(b + 4 + i as u16, k);
        }
        self.set_loc(c);
        self.emit(Instr::Call {
            func: b,
            argc: 3 + nkw as u16,
        });
        self.fail_if_none(b, fail)?;
        let subs = args
            .patterns
            .iter()
            .chain(args.keywords.iter().map(|k| &k.pattern));
        for (i, sub) in subs.enumerate() {
            if is_underscore(sub) {
                continue;
            }
            let v = self.item(b, i as i64)?;
            self.pattern(sub, v, fail)?;
        }
        Ok(())
    }

    /// Registers for a call of the native `name` with the subject and
    /// `extra` more arguments: the native loaded at the returned base, the
    /// subject copied after it; the caller fills the rest and calls.
    fn native_call_base(&mut self, name: &str, subject: u16, extra: usize) -> CResult<u16> {
        let base = self.alloc_n(2 + extra)?;
        let n = self.name(name)?;
        self.emit(Instr::LoadBuiltin { dst: base, name: n });
        self.emit(Instr::Move {
            dst: base + 1,
            src: subject,
        });
        Ok(base)
    }

    /// `seq[index]` into a fresh register.
    fn item(&mut self, seq: u16, index: i64) -> CResult<u16> {
        let k = self.alloc()?;
        self.load_int(k, index)?;
        let dst = self.alloc()?;
        self.emit(Instr::Subscr {
            dst,
            obj: seq,
            key: k,
        });
        Ok(dst)
    }

    /// Call the native `name` with the subject and the `n` registers from
    /// `args` on; its result is in the returned register.
    fn call_native(&mut self, name: &str, subject: u16, args: u16, n: usize) -> CResult<u16> {
        let b = self.native_call_base(name, subject, n)?;
        for i in 0..n as u16 {
            self.emit(Instr::Move {
                dst: b + 2 + i,
                src: args + i,
            });
        }
        self.emit(Instr::Call {
            func: b,
            argc: 1 + n as u16,
        });
        Ok(b)
    }

    fn fail_if_none(&mut self, r: u16, fail: &mut Vec<usize>) -> CResult<()> {
        let t = self.alloc()?;
        self.load_none(t);
        self.emit(Instr::Is { dst: t, a: r, b: t });
        fail.push(self.emit(Instr::JumpIfTrue { cond: t, target: 0 }));
        Ok(())
    }

    fn load_bool(&mut self, dst: u16, v: bool) {
        self.emit(Instr::LoadBool { dst, imm: v as u16 });
    }
}

/// `_`: matches anything, binds nothing, needs no value. (ruff's
/// `is_wildcard` also counts captures, which need theirs.)
fn is_underscore(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// A mapping pattern's key that is a literal, as text (duplicates of
/// those are a syntax error).
fn literal_key(e: &ast::Expr) -> Option<String> {
    match e {
        ast::Expr::StringLiteral(s) => Some(format!("{:?}", s.value.to_str())),
        ast::Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => Some(i.to_string()),
            _ => None,
        },
        ast::Expr::BooleanLiteral(b) => Some(if b.value { "True" } else { "False" }.into()),
        ast::Expr::NoneLiteral(_) => Some("None".into()),
        _ => None,
    }
}

/// The names a pattern binds, for the scope analysis.
pub(crate) fn bound_names<'p>(p: &'p Pattern, out: &mut Vec<&'p str>) {
    match p {
        Pattern::MatchAs(a) => {
            if let Some(inner) = &a.pattern {
                bound_names(inner, out);
            }
            if let Some(n) = &a.name {
                out.push(n.as_str());
            }
        }
        Pattern::MatchStar(s) => {
            if let Some(n) = &s.name {
                out.push(n.as_str());
            }
        }
        Pattern::MatchOr(o) => o.patterns.iter().for_each(|q| bound_names(q, out)),
        Pattern::MatchSequence(s) => s.patterns.iter().for_each(|q| bound_names(q, out)),
        Pattern::MatchMapping(m) => {
            m.patterns.iter().for_each(|q| bound_names(q, out));
            if let Some(r) = &m.rest {
                out.push(r.as_str());
            }
        }
        Pattern::MatchClass(c) => {
            c.arguments
                .patterns
                .iter()
                .for_each(|q| bound_names(q, out));
            c.arguments
                .keywords
                .iter()
                .for_each(|k| bound_names(&k.pattern, out));
        }
        Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => {}
    }
}

/// The expressions a pattern evaluates (values, keys, classes), for the
/// scope analysis.
pub(crate) fn pattern_exprs<'p>(p: &'p Pattern, out: &mut Vec<&'p ast::Expr>) {
    match p {
        Pattern::MatchValue(v) => out.push(&v.value),
        Pattern::MatchAs(a) => {
            if let Some(inner) = &a.pattern {
                pattern_exprs(inner, out);
            }
        }
        Pattern::MatchOr(o) => o.patterns.iter().for_each(|q| pattern_exprs(q, out)),
        Pattern::MatchSequence(s) => s.patterns.iter().for_each(|q| pattern_exprs(q, out)),
        Pattern::MatchMapping(m) => {
            out.extend(m.keys.iter());
            m.patterns.iter().for_each(|q| pattern_exprs(q, out));
        }
        Pattern::MatchClass(c) => {
            out.push(&c.cls);
            c.arguments
                .patterns
                .iter()
                .for_each(|q| pattern_exprs(q, out));
            c.arguments
                .keywords
                .iter()
                .for_each(|k| pattern_exprs(&k.pattern, out));
        }
        Pattern::MatchSingleton(_) | Pattern::MatchStar(_) => {}
    }
}
