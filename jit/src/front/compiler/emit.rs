//! Emitting instructions and the bookkeeping around them: source locations,
//! jump patching, register allocation and the constant and name tables.
//!
//! The primitives every other file of the compiler builds on.

use ruff_python_ast as ast;
use ruff_text_size::Ranged;

use crate::bytecode::code::Loc;
use crate::bytecode::opcodes::Instr;
use crate::front::CompileError;
use crate::interp::vm::Vm;
use crate::runtime::value::Value;

use super::{CResult, ConstKey, FnCompiler, MAX_REGS};

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    // ------------------------------------------------------------ emission

    pub(super) fn emit(&mut self, i: Instr) -> usize {
        self.instrs.push(i);
        self.locs.push(self.cur_loc);
        self.instrs.len() - 1
    }

    pub(super) fn here(&self) -> usize {
        self.instrs.len()
    }

    /// The location of the source range `start..end` (byte offsets).
    pub(super) fn loc_of(&self, start: u32, end: u32) -> Loc {
        let (line, col) = self.ctx.src.line_col(start);
        Loc {
            line,
            col,
            start,
            end,
        }
    }

    /// A location at the start of `line` with no range (no traceback markers).
    pub(super) fn line_loc(&self, line: u32) -> Loc {
        let start = self
            .ctx
            .src
            .line_starts
            .get((line as usize).saturating_sub(1))
            .copied()
            .unwrap_or(0);
        Loc {
            line,
            col: 1,
            start,
            end: start,
        }
    }

    /// Make `node` the current location (as CPython's SET_LOC); returns the
    /// previous one for restoring.
    pub(super) fn set_loc(&mut self, node: &impl Ranged) -> Loc {
        let prev = self.cur_loc;
        let r = node.range();
        self.cur_loc = self.loc_of(r.start().to_u32(), r.end().to_u32());
        prev
    }

    /// The location of an attribute access within `cur` (the attribute
    /// node's or its call's): when the attribute name is on a later line than
    /// `cur` starts, the location starts at the name, so a chained call split
    /// over lines reports the line of the failing link (CPython 3.11's
    /// `update_start_location_to_match_attr`).
    pub(super) fn attr_loc(&self, a: &ast::ExprAttribute, cur: Loc) -> Loc {
        let end = a.range.end().to_u32();
        let name_start = end.saturating_sub(a.attr.as_str().len() as u32);
        let (end_line, _) = self.ctx.src.line_col(end);
        if cur.line == end_line {
            return cur;
        }
        let l = self.loc_of(name_start, cur.end.max(name_start));
        l
    }

    /// `loc` extended to the parentheses around it (blanks between allowed),
    /// when there are some.
    pub(super) fn widen_to_parens(&self, loc: Loc) -> Loc {
        let text = self.ctx.src.text.as_bytes();
        let blank = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
        let mut s = loc.start as usize;
        while s > 0 && blank(text[s - 1]) {
            s -= 1;
        }
        let mut e = loc.end as usize;
        while e < text.len() && blank(text[e]) {
            e += 1;
        }
        if s > 0 && text[s - 1] == b'(' && e < text.len() && text[e] == b')' {
            return self.loc_of(s as u32 - 1, e as u32 + 1);
        }
        loc
    }

    /// Set the current location to attribute `a`'s (see `attr_loc`).
    pub(super) fn set_attr_loc(&mut self, a: &ast::ExprAttribute) -> Loc {
        let prev = self.set_loc(a);
        self.cur_loc = self.attr_loc(a, self.cur_loc);
        prev
    }

    pub(super) fn patch(&mut self, at: usize, target: usize) -> CResult<()> {
        let t = self.target16(target)?;
        match &mut self.instrs[at] {
            Instr::Jump { target }
            | Instr::JumpIfFalse { target, .. }
            | Instr::JumpIfTrue { target, .. }
            | Instr::JumpIfNotLt { target, .. }
            | Instr::JumpIfNotLe { target, .. }
            | Instr::JumpIfNotGt { target, .. }
            | Instr::JumpIfNotGe { target, .. }
            | Instr::JumpIfNotEq { target, .. }
            | Instr::JumpIfNotNe { target, .. }
            | Instr::ForIter { target, .. } => *target = t,
            _ => unreachable!("patching a non-jump"),
        }
        Ok(())
    }

    pub(super) fn patch_all(&mut self, ats: Vec<usize>, target: usize) -> CResult<()> {
        for a in ats {
            self.patch(a, target)?;
        }
        Ok(())
    }

    fn target16(&self, t: usize) -> CResult<u16> {
        u16::try_from(t).map_err(|_| self.too_large())
    }

    fn too_large(&self) -> CompileError {
        CompileError::unsupported(
            format!(
                "function '{}' is too large (more than 65535 instructions)",
                self.qualname
            ),
            self.offset_now(),
        )
    }

    pub(super) fn offset_now(&self) -> u32 {
        let l = self.cur_loc.line as usize;
        self.ctx
            .src
            .line_starts
            .get(l.saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }

    pub(super) fn jump(&mut self) -> usize {
        self.emit(Instr::Jump { target: 0 })
    }

    pub(super) fn jump_to(&mut self, target: usize) -> CResult<()> {
        let t = self.target16(target)?;
        self.emit(Instr::Jump { target: t });
        Ok(())
    }

    // ------------------------------------------------------------ registers

    pub(super) fn alloc(&mut self) -> CResult<u16> {
        let r = self.next_reg;
        if r >= MAX_REGS {
            return Err(CompileError::unsupported(
                "too many registers in one function",
                self.offset_now(),
            ));
        }
        self.next_reg += 1;
        self.max_reg = self.max_reg.max(self.next_reg);
        Ok(r)
    }

    pub(super) fn alloc_n(&mut self, n: usize) -> CResult<u16> {
        let start = self.next_reg;
        for _ in 0..n {
            self.alloc()?;
        }
        Ok(start)
    }

    pub(super) fn free_to(&mut self, mark: u16) {
        self.next_reg = mark;
    }

    // ------------------------------------------------------------ constants

    pub(super) fn const_index(
        &mut self,
        key: ConstKey,
        make: impl FnOnce(&mut Vm) -> Value,
    ) -> CResult<u16> {
        if let Some(&i) = self.const_map.get(&key) {
            return Ok(i);
        }
        let v = make(self.ctx.vm);
        let i = u16::try_from(self.consts.len()).map_err(|_| {
            CompileError::unsupported("too many constants in one function", self.offset_now())
        })?;
        self.consts.push(v);
        self.const_map.insert(key, i);
        Ok(i)
    }

    pub(super) fn str_const(&mut self, s: &str) -> CResult<u16> {
        let owned = s.to_string();
        self.const_index(ConstKey::Str(owned.clone()), |vm| {
            Value::Str(vm.intern(&owned))
        })
    }

    /// `name` for an identifier that CPython mangles inside a class: an
    /// attribute or a class-body name (see `front::mangle`).
    pub(super) fn private_name(&mut self, s: &str) -> CResult<u16> {
        match self
            .private
            .as_deref()
            .and_then(|c| crate::front::mangle::mangle(c, s))
        {
            Some(m) => self.name(&m),
            None => self.name(s),
        }
    }

    pub(super) fn name(&mut self, s: &str) -> CResult<u16> {
        if let Some(&i) = self.name_map.get(s) {
            return Ok(i);
        }
        let g = self.ctx.vm.intern(s);
        let i = u16::try_from(self.names.len()).map_err(|_| {
            CompileError::unsupported("too many names in one function", self.offset_now())
        })?;
        self.names.push(g);
        self.name_map.insert(s.to_string(), i);
        Ok(i)
    }

    pub(super) fn load_const(&mut self, dst: u16, k: u16) {
        self.emit(Instr::LoadConst { dst, k });
    }

    pub(super) fn load_int(&mut self, dst: u16, v: i64) -> CResult<()> {
        if let Ok(imm) = i16::try_from(v) {
            self.emit(Instr::LoadInt {
                dst,
                imm: imm as u16,
            });
        } else {
            let k = self.const_index(ConstKey::Int(v), |_| Value::Int(v))?;
            self.load_const(dst, k);
        }
        Ok(())
    }

    pub(super) fn load_none(&mut self, dst: u16) {
        self.emit(Instr::LoadNone { dst });
    }
}
