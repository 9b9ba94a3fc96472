//! Which callees a call site may run inline: a function whose body is one
//! straight run of int and float arithmetic on its parameters and
//! constants, ending in a `Return` (spectral_norm's
//! `eval_A(i, j): return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)`).
//!
//! Such a body has no effect but its result: it reads no global, calls
//! nothing, writes nothing but its own registers, and cannot raise on the
//! types it is planned for. So the call site can compute it in machine
//! registers without pushing a frame, and whenever anything is not as
//! planned (an argument of another type, an int overflow, a zero divisor)
//! make the real call instead, from the start: nothing was done that the
//! real call would see (`gen_inline_calls.rs`).
//!
//! This module only reads bytecode: the plan of a body for given parameter
//! types, and the types to plan for.

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::jit::feedback;
use crate::runtime::value::Value;

/// Longest body planned (instructions before the `Return`).
const MAX_STEPS: usize = 24;

/// The type a value has on the planned path.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ty {
    Int,
    Float,
}

/// An operand as the plan knows it at its step.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Val {
    /// Value `v`, of the type given: parameter `v` below the parameter
    /// count, else the result of step `v - argc`.
    Reg(u16, Ty),
    Int(i64),
    /// A float constant, by its bits.
    Float(u64),
}

impl Val {
    pub fn ty(self) -> Ty {
        match self {
            Val::Reg(_, t) => t,
            Val::Int(_) => Ty::Int,
            Val::Float(_) => Ty::Float,
        }
    }
}

/// One operation of a planned body.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Op {
    /// Int `+ - *`, leaving the plan on overflow.
    IAdd,
    ISub,
    IMul,
    /// Int `//` by a positive power of two: an arithmetic shift by this.
    IShr(u8),
    /// Float `+ - * /` (int operands converted; `/` leaves the plan on a
    /// zero divisor).
    FAdd,
    FSub,
    FMul,
    FDiv,
    /// Int `/` int: both converted when exact (|x| < 2**53), else the
    /// plan is left; a zero divisor leaves it too.
    IDiv,
}

#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub op: Op,
    pub a: Val,
    pub b: Val,
}

/// A body planned for parameter types.
#[derive(Clone, Debug)]
pub struct Plan {
    pub steps: Vec<Step>,
    /// What the body returns.
    pub ret: Val,
    /// The parameters the plan reads, so their types need a check.
    pub used: Vec<u16>,
    /// The parameter count (the first step's value).
    pub argc: u16,
    /// The callee's pc of its `Return`.
    pub ret_pc: u32,
}

impl Plan {
    /// Value `v` is read by a step after `i` or returned.
    pub fn read_after(&self, i: usize, v: u16) -> bool {
        let reads = |x: Val| matches!(x, Val::Reg(q, _) if q == v);
        self.steps[i + 1..].iter().any(|s| reads(s.a) || reads(s.b)) || reads(self.ret)
    }
}

/// What a callee register holds while planning.
#[derive(Clone, Copy)]
enum Known {
    Unset,
    Val(Val),
}

/// The body's shape allows a plan: a straight run of the instructions a
/// plan takes, then a `Return` (types aside). For deciding to compile a
/// callee before its caller (`JitRuntime::compile`), cheaply.
pub fn candidate(code: &Code, argc: u16) -> bool {
    if code.is_generator || code.fast_argc() != argc || code.reads_frame {
        return false;
    }
    for i in code.instrs.iter().take(MAX_STEPS + 1) {
        match i {
            Instr::Return { .. } => return true,
            Instr::LoadConst { .. }
            | Instr::LoadInt { .. }
            | Instr::Move { .. }
            | Instr::CheckBound { .. }
            | Instr::Add { .. }
            | Instr::Sub { .. }
            | Instr::Mul { .. }
            | Instr::AddI { .. }
            | Instr::SubI { .. }
            | Instr::TrueDiv { .. }
            | Instr::FloorDiv { .. } => {}
            _ => return false,
        }
    }
    false
}

/// The types to plan `code`'s parameters for: `known(p)` where the call
/// site knows the argument's type, else what the callee's type feedback
/// says its first use saw, else int (as the templates assume of a site
/// that never ran).
pub fn param_types(code: &Code, argc: u16, known: impl Fn(u16) -> Option<Ty>) -> Vec<Ty> {
    let mut tys: Vec<Option<Ty>> = (0..argc).map(&known).collect();
    for p in 0..argc {
        if tys[p as usize].is_some() {
            continue;
        }
        let first_use = code.instrs.iter().enumerate().find_map(|(pc, i)| {
            let (a, b) = operands(i)?;
            (a == p || b == Some(p)).then_some((pc, a, b))
        });
        let guess = first_use.map(|(pc, a, b)| {
            let bits = code.feedback.get(pc);
            let other = if a == p { b } else { Some(a) };
            let other_ty = other.and_then(|o| tys.get(o as usize).copied().flatten());
            if bits & feedback::MIXED != 0 && bits & (feedback::INT | feedback::FLOAT) == 0 {
                // An int with a float: the other one, if it is known.
                match other_ty {
                    Some(Ty::Int) => Ty::Float,
                    Some(Ty::Float) => Ty::Int,
                    None => Ty::Int,
                }
            } else if bits & feedback::FLOAT != 0 && bits & feedback::INT == 0 {
                Ty::Float
            } else {
                Ty::Int
            }
        });
        tys[p as usize] = Some(guess.unwrap_or(Ty::Int));
    }
    tys.into_iter().map(|t| t.unwrap_or(Ty::Int)).collect()
}

/// The register operands of an arithmetic instruction a plan takes.
fn operands(i: &Instr) -> Option<(u16, Option<u16>)> {
    match *i {
        Instr::Add { a, b, .. }
        | Instr::Sub { a, b, .. }
        | Instr::Mul { a, b, .. }
        | Instr::TrueDiv { a, b, .. }
        | Instr::FloorDiv { a, b, .. } => Some((a, Some(b))),
        Instr::AddI { a, .. } | Instr::SubI { a, .. } => Some((a, None)),
        _ => None,
    }
}

/// `code`'s body planned for parameters of types `tys` (one per parameter,
/// all of which the call passes), or None when it is not such a body or
/// one of its operations would not stay on the planned path.
pub fn plan(code: &Code, tys: &[Ty]) -> Option<Plan> {
    let argc = tys.len() as u16;
    if !candidate(code, argc) {
        return None;
    }
    let mut regs: Vec<Known> = vec![Known::Unset; code.nregs as usize];
    for (p, &t) in tys.iter().enumerate() {
        *regs.get_mut(p)? = Known::Val(Val::Reg(p as u16, t));
    }
    let get = |regs: &[Known], r: u16| match regs.get(r as usize) {
        Some(Known::Val(v)) => Some(*v),
        _ => None,
    };
    let mut steps = Vec::new();
    for (pc, ins) in code.instrs.iter().enumerate() {
        let (dst, val) = match *ins {
            Instr::Return { src } => {
                let ret = get(&regs, src)?;
                let mut used: Vec<u16> = steps
                    .iter()
                    .flat_map(|s: &Step| [s.a, s.b])
                    .chain([ret])
                    .filter_map(|v| match v {
                        Val::Reg(r, _) if r < argc => Some(r),
                        _ => None,
                    })
                    .collect();
                used.sort_unstable();
                used.dedup();
                return Some(Plan {
                    steps,
                    ret,
                    used,
                    argc,
                    ret_pc: pc as u32,
                });
            }
            Instr::LoadInt { dst, imm } => (dst, Val::Int(imm as i16 as i64)),
            Instr::LoadConst { dst, k } => match code.consts.get(k as usize)? {
                Value::Int(v) => (dst, Val::Int(*v)),
                Value::Float(f) => (dst, Val::Float(f.to_bits())),
                _ => return None,
            },
            Instr::Move { dst, src } => (dst, get(&regs, src)?),
            // Parameters are bound (all passed, none deleted: no `ClearReg`
            // in such a body); anything else must have been written.
            Instr::CheckBound { reg, .. } => {
                get(&regs, reg)?;
                continue;
            }
            ref i => {
                let (a, b) = operands(i)?;
                let a = get(&regs, a)?;
                let b = match (*i, b) {
                    (_, Some(b)) => get(&regs, b)?,
                    (Instr::AddI { imm, .. }, None) => Val::Int(imm as i16 as i64),
                    (Instr::SubI { imm, .. }, None) => Val::Int(-(imm as i16 as i64)),
                    _ => return None,
                };
                let dst = match *i {
                    Instr::Add { dst, .. }
                    | Instr::Sub { dst, .. }
                    | Instr::Mul { dst, .. }
                    | Instr::TrueDiv { dst, .. }
                    | Instr::FloorDiv { dst, .. }
                    | Instr::AddI { dst, .. }
                    | Instr::SubI { dst, .. } => dst,
                    _ => return None,
                };
                let ints = a.ty() == Ty::Int && b.ty() == Ty::Int;
                let op = match (*i, ints) {
                    (Instr::Add { .. } | Instr::AddI { .. } | Instr::SubI { .. }, true) => Op::IAdd,
                    (Instr::Add { .. } | Instr::AddI { .. } | Instr::SubI { .. }, false) => {
                        Op::FAdd
                    }
                    (Instr::Sub { .. }, true) => Op::ISub,
                    (Instr::Sub { .. }, false) => Op::FSub,
                    (Instr::Mul { .. }, true) => Op::IMul,
                    (Instr::Mul { .. }, false) => Op::FMul,
                    (Instr::TrueDiv { .. }, true) => Op::IDiv,
                    (Instr::TrueDiv { .. }, false) => Op::FDiv,
                    (Instr::FloorDiv { .. }, true) => match b {
                        Val::Int(k) if k > 0 && (k as u64).is_power_of_two() => {
                            Op::IShr(k.trailing_zeros() as u8)
                        }
                        _ => return None,
                    },
                    _ => return None,
                };
                let ty = match op {
                    Op::IAdd | Op::ISub | Op::IMul | Op::IShr(_) => Ty::Int,
                    _ => Ty::Float,
                };
                if steps.len() >= MAX_STEPS {
                    return None;
                }
                steps.push(Step { op, a, b });
                (dst, Val::Reg(argc + steps.len() as u16 - 1, ty))
            }
        };
        *regs.get_mut(dst as usize)? = Known::Val(val);
    }
    None
}

/// The callees worth compiling before `code`: functions that module globals
/// hold now, called by `code` through a `LoadGlobal` of them, whose bodies
/// are candidates (and are not compiled or refused yet). Compiled first,
/// their calls in `code` are direct ones (`const_calls.rs`, which needs the
/// callee's direct entry), which can run the body inline.
pub fn callees_to_compile(code: &Code) -> Vec<std::rc::Rc<Code>> {
    let mut out: Vec<std::rc::Rc<Code>> = Vec::new();
    let Ok(globals) = code.module.globals.try_borrow() else {
        return out;
    };
    for (pc, i) in code.instrs.iter().enumerate() {
        let Instr::Call { func, argc } = *i else {
            continue;
        };
        let load = global_loaded_into(code, pc as u32, func).map(|(slot, _)| slot);
        let Some(Value::Function(f)) = load.and_then(|s| globals.get(s as usize).copied()) else {
            continue;
        };
        let callee = &f.code;
        if f.fast_argc == argc
            && !callee.jit.decided.get()
            && candidate(callee, argc)
            && !out.iter().any(|c| std::rc::Rc::ptr_eq(c, callee))
        {
            out.push(callee.clone());
        }
    }
    out
}

/// The `LoadGlobal` (global slot, name index) that last loaded register
/// `reg` within the few instructions before `pc` (a call's callee), if any:
/// what the call most likely calls. A guess for compiling; compiled code
/// checks what the register holds.
pub fn global_loaded_into(code: &Code, pc: u32, reg: u16) -> Option<(u16, u16)> {
    code.instrs[..pc as usize]
        .iter()
        .rev()
        .take(8)
        .find_map(|i| match *i {
            Instr::LoadGlobal { dst, slot, name } if dst == reg => Some((slot, name)),
            _ => None,
        })
}
