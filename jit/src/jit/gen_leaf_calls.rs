//! A direct call's base case at the call site: when the function a global
//! held at compile time (`const_calls.rs`) starts by testing a parameter
//! against a constant and returning (`if n < 2: return n`), its call site
//! makes that test on the argument in place, and when the callee would
//! return there it takes the result without pushing a frame or entering
//! the callee. In recursive code half the calls or more end there (fib's
//! leaves), and those were a frame push, a call and a pop for a compare.
//!
//! What the call would have done besides is kept: the call limit is
//! checked first (`Heap::call_limit`: RecursionError at the recursion
//! limit, a collection or Ctrl-C due), so such a call raises and polls
//! exactly where a pushed one would. Only an int argument takes the test
//! (a compare of two ints has no other effect); anything else makes the
//! call. Not while recording: the recorder counts every call.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::interp::ops::CmpOp;
use crate::runtime::value::{tags, Value};

/// A callee's base case: parameter `param` compared with the constant `k`
/// as `cmp` says (true: the callee returns `ret`).
#[derive(Clone, Copy)]
pub(super) struct BaseCase {
    param: u16,
    cmp: CmpOp,
    k: i64,
    ret: Ret,
}

/// What the callee returns in its base case.
#[derive(Clone, Copy)]
enum Ret {
    /// A parameter, as passed.
    Param(u16),
    /// An int constant (32 bits).
    Int(i64),
}

/// `k <cmp> param` as `param <?> k`.
fn swapped(cmp: CmpOp) -> CmpOp {
    match cmp {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        c => c,
    }
}

impl BaseCase {
    /// The base case `code` starts with, if any: int constants loaded into
    /// registers past the parameters, a compare-and-branch of a parameter
    /// with one of them, and where it falls through, a `Return` of a
    /// parameter or of a constant (loaded before it or there). `params`:
    /// its positional parameters, all of which the call passes
    /// (`const_calls.rs`).
    pub(super) fn of(code: &Code, params: u16) -> Option<BaseCase> {
        if code.is_generator || code.fast_argc() != params {
            return None;
        }
        let mut ints: Vec<(u16, i64)> = Vec::new();
        let mut pc = load_ints(code, params, 0, &mut ints)?;
        let (a, b, cmp) = match *code.instrs.get(pc)? {
            Instr::JumpIfNotLt { a, b, .. } => (a, b, CmpOp::Lt),
            Instr::JumpIfNotLe { a, b, .. } => (a, b, CmpOp::Le),
            Instr::JumpIfNotGt { a, b, .. } => (a, b, CmpOp::Gt),
            Instr::JumpIfNotGe { a, b, .. } => (a, b, CmpOp::Ge),
            Instr::JumpIfNotEq { a, b, .. } => (a, b, CmpOp::Eq),
            Instr::JumpIfNotNe { a, b, .. } => (a, b, CmpOp::Ne),
            _ => return None,
        };
        let int =
            |ints: &[(u16, i64)], r: u16| ints.iter().find(|&&(q, _)| q == r).map(|&(_, v)| v);
        let (param, cmp, k) = match (int(&ints, a), int(&ints, b)) {
            (None, Some(k)) if a < params => (a, cmp, k),
            (Some(k), None) if b < params => (b, swapped(cmp), k),
            _ => return None,
        };
        // `return 7`: its constant loaded after the compare.
        pc = load_ints(code, params, pc + 1, &mut ints)?;
        let ret = match *code.instrs.get(pc)? {
            Instr::Return { src } if src < params => Ret::Param(src),
            Instr::Return { src } => Ret::Int(int(&ints, src)?),
            _ => return None,
        };
        Some(BaseCase { param, cmp, k, ret })
    }
}

/// The int constants (`LoadInt`, an int `LoadConst` that fits in 32 bits)
/// loaded from `pc` on into registers past the `params`, noted in `ints`:
/// the pc after them (None: one overwrites a parameter).
fn load_ints(code: &Code, params: u16, mut pc: usize, ints: &mut Vec<(u16, i64)>) -> Option<usize> {
    loop {
        let (dst, v) = match code.instrs.get(pc) {
            Some(&Instr::LoadInt { dst, imm }) => (dst, imm as i16 as i64),
            Some(&Instr::LoadConst { dst, k }) => match code.consts.get(k as usize) {
                Some(&Value::Int(v)) if i32::try_from(v).is_ok() => (dst, v),
                _ => return Some(pc),
            },
            _ => return Some(pc),
        };
        if dst < params {
            return None;
        }
        ints.retain(|&(r, _)| r != dst);
        ints.push((dst, v));
        pc += 1;
    }
}

impl<'a> Gen<'a> {
    /// The call limit check of a direct call to `rust_enter`, then its
    /// callee's base case `case` on the arguments from `callee_regs`: the
    /// result into `reg` and on to `done` when it holds; the push comes
    /// next (without the check) when not.
    pub(super) fn emit_base_case(
        &mut self,
        case: BaseCase,
        reg: u16,
        callee_regs: u16,
        rust_enter: DynamicLabel,
        done: DynamicLabel,
    ) {
        let l = *crate::jit::direct_site::frame_layout();
        let arg = callee_regs + case.param;
        let call = self.ops.new_dynamic_label();
        self.comment(format_args!(
            "the callee's base case on the argument: its result without a call"
        ));
        asm!(self.ops
            ; cmp rbp, [r12 + l.call_limit]
            ; jae =>rust_enter
        );
        if self.known_tag(arg) != Some(tags::INT) {
            asm!(self.ops
                ; cmp QWORD [rbx + slot(arg)], tags::INT as i32
                ; jne =>call
            );
        }
        // `k` fits in 32 bits (`load_ints`).
        asm!(self.ops
            ; mov rax, [rbx + pay(arg)]
            ; cmp rax, case.k as i32
        );
        // The call when the base case does not hold.
        self.jump_unless_int(case.cmp, call);
        match case.ret {
            Ret::Param(p) if p == case.param => asm!(self.ops
                ; mov QWORD [rbx + slot(reg)], tags::INT as i32
                ; mov [rbx + pay(reg)], rax
            ),
            Ret::Param(p) => asm!(self.ops
                ; mov rax, [rbx + slot(callee_regs + p)]
                ; mov [rbx + slot(reg)], rax
                ; mov rax, [rbx + pay(callee_regs + p)]
                ; mov [rbx + pay(reg)], rax
            ),
            Ret::Int(v) => asm!(self.ops
                ; mov QWORD [rbx + slot(reg)], tags::INT as i32
                ; mov QWORD [rbx + pay(reg)], v as i32
            ),
        }
        asm!(self.ops
            ; jmp =>done
            ; =>call
        );
    }
}
