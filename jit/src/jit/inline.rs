//! Which callees a call site may run inline: a function whose body has no
//! effect but its result, each way through it ending in a `Return`:
//!
//! - int and float arithmetic on its parameters and constants, straight or
//!   branching on compares of them (spectral_norm's `eval_A(i, j): return
//!   1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)`, or `if x > 0: x = x - 1
//!   else: x = x + 2; return x`);
//! - for a method, reads of its receiver's attributes, their truth and
//!   `not` (richards' `return self.task_holding or (not self.packet_pending
//!   and self.task_waiting)`), an attribute compared as an int with a class
//!   constant a global holds (deltablue's `if self.direction ==
//!   Direction.FORWARD: return self.v1`), and `None`, `True`, `False`
//!   returned (`pass`).
//!
//! Such a body reads no global but a class's constant, calls nothing,
//! writes nothing but its own registers, and cannot raise on the types it
//! is planned for. So the call site can compute it in machine registers
//! without pushing a frame, and whenever anything is not as planned (an
//! argument or attribute of another type, an int overflow, a zero divisor,
//! a float compare with a NaN, an instance laid out otherwise, the global
//! rebound) make the real call instead, from the start: nothing was done
//! that the real call would see (`gen_inline_calls.rs`).
//!
//! A branching body is planned as a tree: its forward jumps only (no
//! loop), each way through it a path of its own from the first fork on,
//! with the instructions it runs, so that a recorded call counts the lines
//! of the way it took (`codegen/inline_counts.rs`). A way through an
//! attribute load no run made yet (its cache is empty) is left to the real
//! call.
//!
//! Attributes are planned from the callee's inline caches (where the
//! instances seen so far keep them, what a class constant was): the plan
//! checks at run time that they still say so.
//!
//! This module only reads bytecode and caches: the plan of a body for
//! given parameter types, and the types to plan for.

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::interp::attr_cache;
use crate::interp::ops::CmpOp;
use crate::jit::feedback;
use crate::runtime::value::Value;

/// Most arithmetic steps planned, over all the body's ways.
const MAX_STEPS: usize = 24;
/// Most ways through a branching body (returns reached).
const MAX_PATHS: usize = 8;
/// Longest body looked at (instructions, dead ones included).
const MAX_INSTRS: usize = 64;
/// Largest attribute table entry a plan reads (its displacement must fit
/// an i32, as `gen_attr.rs`'s).
const MAX_ATTR_INDEX: u32 = 1 << 16;

/// The type a value has on the planned path.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ty {
    Int,
    Float,
    /// A method's receiver: an instance (the call site's lookup checked).
    Inst,
    /// A bool the body computed (`not x`).
    Bool,
    /// Any value: an attribute's, of a type checked where it is used (a
    /// truth test takes a bool, an int or None), or copied as it is.
    Obj,
}

impl Ty {
    /// An int or a float: a value arithmetic and compares take.
    pub fn number(self) -> bool {
        matches!(self, Ty::Int | Ty::Float)
    }
}

/// An operand as the plan knows it at its step.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Val {
    /// Value `v`, of the type given: parameter `v` below the parameter
    /// count, else the result of the step whose `out` it is.
    Reg(u16, Ty),
    Int(i64),
    /// A float constant, by its bits.
    Float(u64),
    /// `True` or `False`.
    Bool(bool),
    None,
}

impl Val {
    pub fn ty(self) -> Ty {
        match self {
            Val::Reg(_, t) => t,
            Val::Int(_) => Ty::Int,
            Val::Float(_) => Ty::Float,
            Val::Bool(_) => Ty::Bool,
            Val::None => Ty::Obj,
        }
    }

    /// Whether this is value `v`.
    fn is(self, v: u16) -> bool {
        matches!(self, Val::Reg(q, _) if q == v)
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
    /// Int `& | ^` (never overflow).
    IAnd,
    IOr,
    IXor,
    /// Float `+ - * /` (int operands converted; `/` leaves the plan on a
    /// zero divisor).
    FAdd,
    FSub,
    FMul,
    FDiv,
    /// Int `/` int: both converted when exact (|x| < 2**53), else the
    /// plan is left; a zero divisor leaves it too.
    IDiv,
    /// The receiver's attribute `name` (a name index of the callee) at
    /// entry `ix` of its own table, where the callee's cache found it: the
    /// plan is left unless the instance's class is plain, its table is
    /// free, it has no `__dict__` and the entry's key is the name
    /// (`gen_attr.rs` checks the same). Gives a value of any type.
    Attr {
        ix: u32,
        name: u16,
    },
    /// `not a`, of a bool, an int or None (anything else leaves the plan:
    /// its `__bool__` or `__len__` is Python code).
    Not,
    /// A value of any type as an int: the plan is left unless it is one.
    AsInt,
    /// `C.name` on a class a global holds (deltablue's
    /// `Direction.FORWARD`), a constant the callee's cache found: the plan
    /// is left unless global `slot` of the callee's module still holds
    /// class `class` and the class is at `version`. Gives no value: the
    /// constant is the plan's.
    ClassConst {
        slot: u16,
        class: usize,
        version: u32,
    },
    /// `self.name = b` at entry `ix` of the receiver's table, where the
    /// callee's cache found it (an existing attribute of a plain class: the
    /// store is a write of the entry's value). Checked where the body
    /// stores (as `Attr` checks, and the table not borrowed at all);
    /// written when the way returns, once nothing can leave the plan. `b`
    /// is a constant or a parameter, which nothing changes before then.
    /// Gives no value.
    SetAttr {
        ix: u32,
        name: u16,
    },
    /// Int `a <cmp> b` as a bool.
    ICmp(CmpOp),
}

#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub op: Op,
    pub a: Val,
    pub b: Val,
    /// The value it gives (`Val::Reg`'s number).
    pub out: u16,
}

/// What a branch tests.
#[derive(Clone, Copy, Debug)]
pub enum Test {
    /// `a <cmp> b`, ints or floats (an int with a float compared as
    /// floats when it converts exactly; a NaN leaves the plan).
    Cmp(CmpOp, Val, Val),
    /// An int's truth: not zero.
    NonZero(Val),
    /// The truth of a bool, or of a value of any type that is a bool, an
    /// int or None (anything else leaves the plan).
    Truth(Val),
}

impl Test {
    fn reads(&self, v: u16) -> bool {
        match *self {
            Test::Cmp(_, a, b) => a.is(v) || b.is(v),
            Test::NonZero(a) | Test::Truth(a) => a.is(v),
        }
    }
}

/// A run of steps and how it ends.
#[derive(Clone, Debug)]
pub struct Path {
    pub steps: Vec<Step>,
    pub end: End,
}

#[derive(Clone, Debug)]
pub enum End {
    /// The body returns `val`; `pcs`: the callee's instructions this way
    /// through the body ran, from its first on (for its line counts).
    Return { val: Val, pcs: Vec<u32> },
    /// The way forks on `test`.
    Branch {
        test: Test,
        if_true: Box<Path>,
        if_false: Box<Path>,
    },
    /// A way the plan leaves for the real call: it loads an attribute no
    /// run of the callee loaded yet (its cache is empty, so where it is
    /// is unknown).
    Off,
}

impl Path {
    /// Value `v` is read after step `i` of this path (`None`: before its
    /// first), by a later step, its end, or a path it forks into.
    pub fn reads_after(&self, i: Option<usize>, v: u16) -> bool {
        let from = i.map_or(0, |i| i + 1);
        self.steps[from..].iter().any(|s| s.a.is(v) || s.b.is(v))
            || match &self.end {
                End::Return { val, .. } => val.is(v),
                End::Off => false,
                End::Branch {
                    test,
                    if_true,
                    if_false,
                } => test.reads(v) || if_true.reads_after(None, v) || if_false.reads_after(None, v),
            }
    }

    /// The returns of this path and those it forks into, in the order
    /// `gen_inline_calls.rs` emits them (true before false).
    pub fn returns(&self) -> Vec<&Vec<u32>> {
        match &self.end {
            End::Return { pcs, .. } => vec![pcs],
            End::Off => Vec::new(),
            End::Branch {
                if_true, if_false, ..
            } => {
                let mut out = if_true.returns();
                out.extend(if_false.returns());
                out
            }
        }
    }
}

/// A body planned for parameter types.
#[derive(Clone, Debug)]
pub struct Plan {
    pub body: Path,
    /// The parameter count (values below it are the parameters).
    pub argc: u16,
    /// The number of values: the parameters and every step's result.
    pub values: u16,
    /// The largest table entry an `Op::Attr` or `Op::SetAttr` step reads
    /// (its instance must have more entries), if any does.
    pub max_attr: Option<u32>,
    /// Some way stores an attribute (`Op::SetAttr`).
    pub stores: bool,
}

/// What a callee register holds while planning.
#[derive(Clone, Copy)]
enum Known {
    Unset,
    Val(Val),
    /// The class (its address) that global `slot` held at compile time,
    /// read only for a class attribute (`Op::ClassConst`).
    Class {
        slot: u16,
        class: usize,
    },
}

/// The value register `r` holds, when it was written.
fn known(regs: &[Known], r: u16) -> Option<Val> {
    match regs.get(r as usize) {
        Some(Known::Val(v)) => Some(*v),
        _ => None,
    }
}

/// The body's shape allows a plan (types aside): every instruction a way
/// through it runs from the first is one a plan takes, its jumps go
/// forward, and each way ends in a `Return`. For deciding to compile a
/// callee before its caller (`JitRuntime::compile`), cheaply.
pub fn candidate(code: &Code, argc: u16) -> bool {
    if code.is_generator
        || code.fast_argc() != argc
        || code.reads_frame
        || code.instrs.len() > MAX_INSTRS
    {
        return false;
    }
    // The instructions are in order and the jumps forward, so one pass in
    // order visits each reachable one after all that reach it.
    let mut reached = vec![false; code.instrs.len() + 1];
    reached[0] = true;
    for (pc, i) in code.instrs.iter().enumerate() {
        if !reached[pc] {
            continue;
        }
        match i {
            Instr::Return { .. } | Instr::ReturnNone {} => continue,
            Instr::Jump { .. }
            | Instr::JumpIfFalse { .. }
            | Instr::JumpIfTrue { .. }
            | Instr::JumpIfNotLt { .. }
            | Instr::JumpIfNotLe { .. }
            | Instr::JumpIfNotGt { .. }
            | Instr::JumpIfNotGe { .. }
            | Instr::JumpIfNotEq { .. }
            | Instr::JumpIfNotNe { .. } => {
                let Some(t) = i.jump_target() else {
                    return false;
                };
                if t as usize <= pc || t as usize >= code.instrs.len() {
                    return false;
                }
                reached[t as usize] = true;
                if matches!(i, Instr::Jump { .. }) {
                    continue;
                }
            }
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
            | Instr::FloorDiv { .. }
            | Instr::BitAnd { .. }
            | Instr::BitOr { .. }
            | Instr::BitXor { .. }
            | Instr::LoadAttr { .. }
            | Instr::StoreAttr { .. }
            | Instr::Lt { .. }
            | Instr::Le { .. }
            | Instr::Gt { .. }
            | Instr::Ge { .. }
            | Instr::Eq { .. }
            | Instr::Ne { .. }
            | Instr::Not { .. }
            | Instr::LoadNone { .. }
            | Instr::LoadBool { .. }
            | Instr::LoadGlobal { .. } => {}
            _ => return false,
        }
        // Falls through: off the end is no `Return`.
        reached[pc + 1] = true;
    }
    !reached[code.instrs.len()]
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
                    _ => Ty::Int,
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

/// The register operands of an instruction a plan computes or branches on.
fn operands(i: &Instr) -> Option<(u16, Option<u16>)> {
    match *i {
        Instr::Add { a, b, .. }
        | Instr::Sub { a, b, .. }
        | Instr::Mul { a, b, .. }
        | Instr::TrueDiv { a, b, .. }
        | Instr::FloorDiv { a, b, .. }
        | Instr::BitAnd { a, b, .. }
        | Instr::BitOr { a, b, .. }
        | Instr::BitXor { a, b, .. } => Some((a, Some(b))),
        Instr::AddI { a, .. } | Instr::SubI { a, .. } => Some((a, None)),
        _ => branch(i).map(|(t, _)| match t {
            Branch::Cmp(_, a, b) => (a, Some(b)),
            Branch::Truth(c, _) => (c, None),
        }),
    }
}

/// A conditional jump's test, in registers.
#[derive(Clone, Copy)]
enum Branch {
    /// Jumps unless `a <cmp> b`.
    Cmp(CmpOp, u16, u16),
    /// Jumps when the register's truth is the bool.
    Truth(u16, bool),
}

/// A conditional jump: its test and target.
fn branch(i: &Instr) -> Option<(Branch, u32)> {
    let t = i.jump_target()?;
    let b = match *i {
        Instr::JumpIfNotLt { a, b, .. } => Branch::Cmp(CmpOp::Lt, a, b),
        Instr::JumpIfNotLe { a, b, .. } => Branch::Cmp(CmpOp::Le, a, b),
        Instr::JumpIfNotGt { a, b, .. } => Branch::Cmp(CmpOp::Gt, a, b),
        Instr::JumpIfNotGe { a, b, .. } => Branch::Cmp(CmpOp::Ge, a, b),
        Instr::JumpIfNotEq { a, b, .. } => Branch::Cmp(CmpOp::Eq, a, b),
        Instr::JumpIfNotNe { a, b, .. } => Branch::Cmp(CmpOp::Ne, a, b),
        Instr::JumpIfFalse { cond, .. } => Branch::Truth(cond, false),
        Instr::JumpIfTrue { cond, .. } => Branch::Truth(cond, true),
        _ => return None,
    };
    Some((b, t))
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
    let mut planner = Planner {
        code,
        argc,
        values: argc,
        steps: 0,
        paths: 0,
        max_attr: None,
        stores: false,
    };
    let body = planner.path(0, regs, Vec::new(), 0)?;
    if planner.paths == 0 {
        // Every way is off the plan.
        return None;
    }
    Some(Plan {
        body,
        argc,
        values: planner.values,
        max_attr: planner.max_attr,
        stores: planner.stores,
    })
}

/// A way read an attribute of the receiver (`Planner::path`).
const LOADED: u8 = 1;
/// A way stored an attribute of the receiver.
const STORED: u8 = 2;

/// Planning's running totals.
struct Planner<'c> {
    code: &'c Code,
    /// The parameter count.
    argc: u16,
    /// Values numbered so far.
    values: u16,
    /// Steps planned so far, over all paths.
    steps: usize,
    /// Returns reached so far.
    paths: usize,
    /// `Plan::max_attr` so far.
    max_attr: Option<u32>,
    /// `Plan::stores` so far.
    stores: bool,
}

impl Planner<'_> {
    /// The path from `pc` on, with the registers as `regs` and the
    /// instructions `ran` run before it; `attrs`: what was done to the
    /// receiver's attributes before it (`LOADED`, `STORED`). A way either
    /// reads attributes or stores them: a store's write waits for the
    /// return, and a value read would be read from the table then.
    fn path(
        &mut self,
        mut pc: u32,
        mut regs: Vec<Known>,
        mut ran: Vec<u32>,
        mut attrs: u8,
    ) -> Option<Path> {
        let code = self.code;
        let get = known;
        let mut steps = Vec::new();
        loop {
            let ins = code.instrs.get(pc as usize)?;
            ran.push(pc);
            let (dst, val) = match *ins {
                Instr::Return { .. } | Instr::ReturnNone {} => {
                    self.paths += 1;
                    if self.paths > MAX_PATHS {
                        return None;
                    }
                    let val = match *ins {
                        Instr::Return { src } => get(&regs, src)?,
                        _ => Val::None,
                    };
                    return Some(Path {
                        steps,
                        end: End::Return { val, pcs: ran },
                    });
                }
                Instr::Jump { .. } => {
                    pc = ins.jump_target()?;
                    continue;
                }
                Instr::LoadInt { dst, imm } => (dst, Val::Int(imm as i16 as i64)),
                Instr::LoadConst { dst, k } => (dst, constant(code.consts.get(k as usize)?)?),
                Instr::LoadNone { dst } => (dst, Val::None),
                Instr::LoadBool { dst, imm } => (dst, Val::Bool(imm != 0)),
                Instr::LoadGlobal { dst, slot, .. } => {
                    let globals = code.module.globals.try_borrow().ok()?;
                    let Some(Value::Type(c)) = globals.get(slot as usize) else {
                        return None;
                    };
                    let class = c.addr();
                    *regs.get_mut(dst as usize)? = Known::Class { slot, class };
                    pc += 1;
                    continue;
                }
                Instr::LoadAttr { dst, obj, .. }
                    if matches!(regs.get(obj as usize), Some(Known::Class { .. })) =>
                {
                    let Some(&Known::Class { slot, class }) = regs.get(obj as usize) else {
                        return None;
                    };
                    let c = code.caches.get(pc as usize)?;
                    if c.kind.get() != attr_cache::TYPE_ATTR || c.class.get() != class {
                        return None;
                    }
                    let val = constant(&c.value.get())?;
                    let version = c.version.get();
                    let out = self.number_step()?;
                    steps.push(Step {
                        op: Op::ClassConst {
                            slot,
                            class,
                            version,
                        },
                        a: Val::Int(0),
                        b: Val::Int(0),
                        out,
                    });
                    (dst, val)
                }
                Instr::Move { dst, src } => (dst, get(&regs, src)?),
                Instr::StoreAttr { obj, name, src } => {
                    let recv = get(&regs, obj)?;
                    // A parameter is stored as it is, of any type.
                    let (val, fixed) = match get(&regs, src)? {
                        Val::Reg(v, _) => (Val::Reg(v, Ty::Obj), v < self.argc),
                        c => (c, true),
                    };
                    if recv.ty() != Ty::Inst || !fixed || attrs & LOADED != 0 {
                        return None;
                    }
                    let Some(ix) = self.table_entry(pc, attr_cache::STORE)? else {
                        return Some(Path {
                            steps,
                            end: End::Off,
                        });
                    };
                    self.stores = true;
                    attrs |= STORED;
                    let out = self.number_step()?;
                    steps.push(Step {
                        op: Op::SetAttr { ix, name },
                        a: recv,
                        b: val,
                        out,
                    });
                    pc += 1;
                    continue;
                }
                Instr::Lt { dst, a, b }
                | Instr::Le { dst, a, b }
                | Instr::Gt { dst, a, b }
                | Instr::Ge { dst, a, b }
                | Instr::Eq { dst, a, b }
                | Instr::Ne { dst, a, b } => {
                    let cmp = match *ins {
                        Instr::Lt { .. } => CmpOp::Lt,
                        Instr::Le { .. } => CmpOp::Le,
                        Instr::Gt { .. } => CmpOp::Gt,
                        Instr::Ge { .. } => CmpOp::Ge,
                        Instr::Eq { .. } => CmpOp::Eq,
                        _ => CmpOp::Ne,
                    };
                    let (a, b) = (get(&regs, a)?, get(&regs, b)?);
                    let a = self.as_number(a, pc, &mut steps)?;
                    let b = self.as_number(b, pc, &mut steps)?;
                    if a.ty() != Ty::Int || b.ty() != Ty::Int {
                        return None;
                    }
                    let out = self.number_step()?;
                    steps.push(Step {
                        op: Op::ICmp(cmp),
                        a,
                        b,
                        out,
                    });
                    (dst, Val::Reg(out, Ty::Bool))
                }
                Instr::LoadAttr { dst, obj, name } => {
                    let recv = get(&regs, obj)?;
                    if recv.ty() != Ty::Inst || attrs & STORED != 0 {
                        return None;
                    }
                    attrs |= LOADED;
                    let Some(ix) = self.table_entry(pc, attr_cache::INSTANCE_ATTR)? else {
                        return Some(Path {
                            steps,
                            end: End::Off,
                        });
                    };
                    let op = Op::Attr { ix, name };
                    let out = self.number_step()?;
                    steps.push(Step {
                        op,
                        a: recv,
                        b: Val::Int(0),
                        out,
                    });
                    (dst, Val::Reg(out, Ty::Obj))
                }
                Instr::Not { dst, src } => {
                    let a = get(&regs, src)?;
                    if !matches!(a.ty(), Ty::Obj | Ty::Bool) {
                        return None;
                    }
                    let out = self.number_step()?;
                    steps.push(Step {
                        op: Op::Not,
                        a,
                        b: Val::Int(0),
                        out,
                    });
                    (dst, Val::Reg(out, Ty::Bool))
                }
                // Parameters are bound (all passed); anything else must
                // have been written on this way through the body.
                Instr::CheckBound { reg, .. } => {
                    get(&regs, reg)?;
                    pc += 1;
                    continue;
                }
                ref i if branch(i).is_some() => {
                    let (b, target) = branch(i)?;
                    let (test, jump_when) = match b {
                        Branch::Cmp(cmp, a, b) => {
                            let (a, b) = (get(&regs, a)?, get(&regs, b)?);
                            let a = self.as_number(a, pc, &mut steps)?;
                            let b = self.as_number(b, pc, &mut steps)?;
                            (Test::Cmp(cmp, a, b), false)
                        }
                        Branch::Truth(c, when) => {
                            let c = get(&regs, c)?;
                            match c.ty() {
                                Ty::Int => (Test::NonZero(c), when),
                                Ty::Obj | Ty::Bool => (Test::Truth(c), when),
                                Ty::Float | Ty::Inst => return None,
                            }
                        }
                    };
                    let jumped = self.path(target, regs.clone(), ran.clone(), attrs)?;
                    let fell = self.path(pc + 1, regs, ran, attrs)?;
                    let (if_true, if_false) = if jump_when {
                        (jumped, fell)
                    } else {
                        (fell, jumped)
                    };
                    return Some(Path {
                        steps,
                        end: End::Branch {
                            test,
                            if_true: Box::new(if_true),
                            if_false: Box::new(if_false),
                        },
                    });
                }
                ref i => {
                    let (dst, step) = self.step(i, &regs)?;
                    let ty = match step.op {
                        Op::IAdd
                        | Op::ISub
                        | Op::IMul
                        | Op::IShr(_)
                        | Op::IAnd
                        | Op::IOr
                        | Op::IXor => Ty::Int,
                        _ => Ty::Float,
                    };
                    steps.push(step);
                    (dst, Val::Reg(step.out, ty))
                }
            };
            *regs.get_mut(dst as usize)? = Known::Val(val);
            pc += 1;
        }
    }

    /// Arithmetic instruction `i` as a step (numbering its value), and the
    /// register it writes.
    fn step(&mut self, i: &Instr, regs: &[Known]) -> Option<(u16, Step)> {
        let get = |r: u16| known(regs, r);
        let (a, b) = operands(i)?;
        let a = get(a)?;
        let b = match (*i, b) {
            (_, Some(b)) => get(b)?,
            (Instr::AddI { imm, .. }, None) => Val::Int(imm as i16 as i64),
            (Instr::SubI { imm, .. }, None) => Val::Int(-(imm as i16 as i64)),
            _ => return None,
        };
        if !a.ty().number() || !b.ty().number() {
            return None;
        }
        let dst = match *i {
            Instr::Add { dst, .. }
            | Instr::Sub { dst, .. }
            | Instr::Mul { dst, .. }
            | Instr::TrueDiv { dst, .. }
            | Instr::FloorDiv { dst, .. }
            | Instr::BitAnd { dst, .. }
            | Instr::BitOr { dst, .. }
            | Instr::BitXor { dst, .. }
            | Instr::AddI { dst, .. }
            | Instr::SubI { dst, .. } => dst,
            _ => return None,
        };
        let ints = a.ty() == Ty::Int && b.ty() == Ty::Int;
        let op = match (*i, ints) {
            (Instr::Add { .. } | Instr::AddI { .. } | Instr::SubI { .. }, true) => Op::IAdd,
            (Instr::Add { .. } | Instr::AddI { .. } | Instr::SubI { .. }, false) => Op::FAdd,
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
            (Instr::BitAnd { .. }, true) => Op::IAnd,
            (Instr::BitOr { .. }, true) => Op::IOr,
            (Instr::BitXor { .. }, true) => Op::IXor,
            _ => return None,
        };
        let out = self.number_step()?;
        Some((dst, Step { op, a, b, out }))
    }

    /// The receiver's table entry that the callee's cache at `pc` found
    /// with `kind` (`INSTANCE_ATTR` for a load, `STORE` for a store),
    /// counted in `max_attr`: Some(None) when the cache is empty (no run
    /// made the access yet: the way is left to the real call), None when
    /// it holds anything else.
    fn table_entry(&mut self, pc: u32, kind: u8) -> Option<Option<u32>> {
        let c = self.code.caches.get(pc as usize)?;
        if c.kind.get() == attr_cache::EMPTY {
            return Some(None);
        }
        let ix = c.index.get();
        if c.kind.get() != kind || ix >= MAX_ATTR_INDEX {
            return None;
        }
        self.max_attr = self.max_attr.max(Some(ix));
        Some(Some(ix))
    }

    /// `v` as an operand of arithmetic or a compare at `pc`: a number as
    /// it is; a value of any type as an int (`Op::AsInt`, a step added to
    /// `steps`) unless the callee's feedback at `pc` saw floats only; None
    /// for anything else.
    fn as_number(&mut self, v: Val, pc: u32, steps: &mut Vec<Step>) -> Option<Val> {
        match v.ty() {
            Ty::Int | Ty::Float => Some(v),
            Ty::Obj if !matches!(v, Val::None) => {
                let bits = self.code.feedback.get(pc as usize);
                if bits & feedback::FLOAT != 0 && bits & feedback::INT == 0 {
                    return None;
                }
                let out = self.number_step()?;
                steps.push(Step {
                    op: Op::AsInt,
                    a: v,
                    b: Val::Int(0),
                    out,
                });
                Some(Val::Reg(out, Ty::Int))
            }
            _ => None,
        }
    }

    /// Count one more step and number its value; None past `MAX_STEPS`.
    fn number_step(&mut self) -> Option<u16> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return None;
        }
        let out = self.values;
        self.values += 1;
        Some(out)
    }
}

/// A constant of the kinds a plan holds.
fn constant(v: &Value) -> Option<Val> {
    match *v {
        Value::Int(k) => Some(Val::Int(k)),
        Value::Float(f) => Some(Val::Float(f.to_bits())),
        Value::Bool(b) => Some(Val::Bool(b)),
        Value::None => Some(Val::None),
        _ => None,
    }
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
