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
//! call.
//!
//! While recording, such a call still shows in the profile as if made:
//! its counts (calls, primitive calls, its caller edge) as the call and
//! its return would leave them (`gen_rec_calls.rs`), and the line entries
//! of the callee's instructions the base case runs: added to the callee's
//! own counters (`CodeProf::pcs`, where the interpreter counts them, at an
//! address that never changes; compiled versions' counters are added to
//! them at the end), so they are exact whatever runs the callee, and the
//! function's own lines at a self-call site in one counter of the calling
//! code's, added to the same at the end (`LineCount::runs`: one add for
//! all, rip-relative). It allocates nothing and observes no types
//! (compiled code does not). Its time is sampled: a sample landing here
//! goes to the caller's line, as the calling instruction's, where a called
//! callee would have had it; the base case is a few instructions, so that
//! is a few samples in very many. Not with exact timing, which reads the
//! clock at every call and return (the hooks do it).

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::interp::ops::CmpOp;
use crate::recorder::PcProf;
use crate::runtime::value::{tags, Value};

/// A callee's base case: parameter `param` compared with the constant `k`
/// as `cmp` says (true: the callee returns `ret`).
#[derive(Clone, Copy)]
pub(super) struct BaseCase {
    param: u16,
    cmp: CmpOp,
    k: i64,
    ret: Ret,
    /// The pc of the `Return`: the base case runs the callee's
    /// instructions 0 to it, whose line entries a recorded call counts.
    ret_pc: u32,
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
        Some(BaseCase {
            param,
            cmp,
            k,
            ret,
            ret_pc: pc as u32,
        })
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

/// Recording: the site whose call a base case answers.
pub(super) struct Recorded<'c> {
    /// Its entry (`DirectSite::konst`).
    pub entry: i64,
    /// The callee is the function the site is in.
    pub self_call: bool,
    /// The callee's code.
    pub callee: &'c Code,
}

impl<'a> Gen<'a> {
    /// The call limit check of a direct call to `rust_enter`, then its
    /// callee's base case `case` on the arguments from `callee_regs`: the
    /// result into `reg` and on to `done` when it holds (counted as a call
    /// when `rec`); the push comes next (without the check) when not.
    pub(super) fn emit_base_case(
        &mut self,
        case: BaseCase,
        reg: u16,
        callee_regs: u16,
        rust_enter: DynamicLabel,
        done: DynamicLabel,
        rec: Option<Recorded<'_>>,
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
        if let Some(r) = rec {
            // At a self-call site, the one add of the lines the base case
            // ran counts the edge's calls too (`run_counter`).
            let run = if r.self_call {
                self.run_counter(case.ret_pc, Some(r.entry))
            } else {
                None
            };
            // Before the result's store: the call, while the site's entry
            // does not know its edge, needs the callee in `reg`.
            self.rec_answered_call(r.entry, r.self_call, call, run.is_some());
            self.count_base_case_lines(&r, case, run);
        }
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

    /// Recording: count the line entries among the callee's instructions
    /// 0 to `case.ret_pc`, which its base case runs: in a counter of this
    /// code's for its own lines (one add, folded in with the others), in
    /// the callee's own counters for another's (see the module comment).
    /// Uses rdi; rax is kept.
    /// `run`: a self-call site's counter for them (`run_counter`).
    fn count_base_case_lines(
        &mut self,
        r: &Recorded<'_>,
        case: BaseCase,
        run: Option<DynamicLabel>,
    ) {
        self.comment(format_args!(
            "recording: the callee's lines the base case ran"
        ));
        if r.self_call {
            if let Some(l) = run {
                self.ops.add_qword_rip_imm8(l, 1);
            }
            return;
        }
        let pcs = &r.callee.prof.pcs;
        let base = pcs.as_ptr() as i64;
        let count = std::mem::offset_of!(PcProf, count);
        let size = std::mem::size_of::<PcProf>();
        let entries: Vec<i32> = pcs
            .iter()
            .take(case.ret_pc as usize + 1)
            .enumerate()
            .filter(|(_, p)| p.entry)
            .map(|(pc, _)| (pc * size + count) as i32)
            .collect();
        if entries.is_empty() {
            return;
        }
        asm!(self.ops; mov rdi, QWORD base);
        for at in entries {
            asm!(self.ops; add QWORD [rdi + at], 1);
        }
    }
}
