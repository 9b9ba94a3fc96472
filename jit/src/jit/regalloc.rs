//! Register allocation for hot loops: which int and float locals (and
//! temporaries) of a loop live, unboxed, in x86-64 general and XMM registers
//! while compiled code runs the loop. This file is the analysis; the code
//! generator's side (operand access, spills, reloads, entry stubs) is
//! `codegen/regstate.rs`.
//!
//! # The plan
//!
//! A *region* is a maximal loop nest: the union of the intervals
//! `[header, back-edge]` of backward `Jump`s that overlap. Each region gets
//! its own allocation: a few frame slots, each with a type (int or float)
//! and a machine register. Slots whose type the region's instructions do not
//! pin down, or that are used only by instructions with no register-aware
//! template, stay in memory.
//!
//! # The invariant
//!
//! While compiled code runs an instruction of a region "in register state",
//! every allocated slot's value is in its register, its tag word in the
//! frame is already the allocated type's, and its payload word in the frame
//! may be stale. So:
//!
//! - Register-aware templates (moves, constants, int and float arithmetic,
//!   comparisons and branches, bit operations, `not`, `-x`, `is`) read and
//!   write the registers. A result of another type than the slot's (an int
//!   that overflowed, a float landing in an int slot) is written to the
//!   frame after a spill, and compiled code leaves to the interpreter after
//!   the instruction (`ExitReason::RegType`).
//! - Every other instruction spills first (stores the payloads of the slots
//!   the region writes; the others' payloads are never stale), runs its
//!   template on the frame, then reloads: a slot the instruction may have
//!   written is checked for its type again (leaving to the interpreter at
//!   the next instruction if it changed: the frame is consistent there) and
//!   loaded; the caller-saved registers (r8-r11, xmm2-xmm15), which any
//!   helper call clobbers, are loaded again. Templates that are not
//!   register-aware may use rax, rcx, rdx, rsi, rdi, r8-r11 and xmm0-xmm15
//!   freely, but must leave r13-r15 alone (rbx and r12 are pinned anyway).
//! - Every way out of the region (a branch to an instruction outside it,
//!   a return, a bail stub, an exit to the interpreter) spills first, so the
//!   interpreter, the recorder and the collector see exactly the frame they
//!   would have seen without register allocation.
//! - Every way in from memory state (falling or jumping into the loop, the
//!   interpreter entering compiled code at an instruction of the loop, a slow
//!   path rejoining) goes through the instruction's *entry stub*: for each
//!   allocated slot live there, check its tag (else leave to the interpreter
//!   at that instruction) and load it; for each slot dead there, just store
//!   the allocated type's tag (nothing reads the slot before the loop writes
//!   it, so its old value does not matter, but the invariant wants the tag).
//!   Dead here means dead on every path, exception handlers included, per
//!   the liveness computed below over the whole code object.
//!
//! A region whose type checks keep failing (`BAILS_BEFORE_RECOMPILE` exits
//! with `RegType` at one of its instructions) is compiled again without an
//! allocation (`noreg_at`).
//!
//! # Adding templates
//!
//! A new template that is not register-aware needs nothing: `reg_aware`
//! says no, so the generator spills before it and reloads after it, using
//! `effects` to know which slots it may write (an instruction `effects`
//! does not model is taken to read and possibly write every register, which
//! is correct but makes every slot live there). If its inline code calls
//! nothing and keeps off r8-r11 and the XMM registers, `keeps_registers`
//! spares the reload of the caller-saved registers after it (`Unpack`).
//!
//! To make one register-aware: add it to `reg_aware`, make its template
//! read and write its operands through `Gen::load_gpr` / `Gen::put_int` /
//! `Gen::put_value_rax_rcx` (`codegen/regstate.rs`) instead of
//! `[rbx + pay(r)]`, use only rax, rcx, rdx, rsi, rdi, xmm0 and xmm1 as
//! scratch, make every helper call in it go through `call_helper_outcome`
//! (which spills and reloads) or spill and reload around it (`spill`,
//! `reload_after`), and give its destination a type below in `infer` (or
//! none: a template that checks the tag of what it puts into an allocated
//! slot lets the slot's uses decide). Done so far, besides arithmetic:
//! `ForIter` over a range or list (`gen_loops_reg.rs`: the counter of
//! `for i in range(n)` lives in a register, the range's `next` stays in
//! memory), list/tuple `Subscr`, list `StoreSubscr` and `LoadGlobal`
//! (`gen_index.rs`).
//!
//! # Known limits
//!
//! One type per slot per loop nest: a temporary the compiler reuses for an
//! unpacked tuple and for a float (nbody's inner loop) is not allocated;
//! splitting slots into def-use webs would lift that. A float accumulator
//! that starts as the int 0 fails the entry stub's check once per entry into
//! its loop (the interpreter runs the first iteration).

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::{Instr, NO_REG};
use crate::jit::feedback;
use crate::runtime::value::{tags, Value};

/// General registers for int slots, callee-saved first (a helper call does
/// not clobber them, so they need no reload after one).
pub const GPRS: [u8; 7] = [13, 14, 15, 8, 9, 10, 11];
/// XMM registers for float slots (xmm0 and xmm1 are the templates' scratch).
pub const XMMS: [u8; 14] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/// The type a slot is kept in a register as.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RKind {
    Int,
    Float,
}

impl RKind {
    pub fn tag(self) -> u64 {
        match self {
            RKind::Int => tags::INT,
            RKind::Float => tags::FLOAT,
        }
    }
}

/// A machine register holding a slot.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MReg {
    /// rN (8..15).
    Gpr(u8),
    /// xmmN.
    Xmm(u8),
}

impl MReg {
    /// Clobbered by a call into Rust (System V): reloaded after helpers.
    pub fn caller_saved(self) -> bool {
        match self {
            MReg::Gpr(n) => !(12..=15).contains(&n),
            MReg::Xmm(_) => true,
        }
    }
    pub fn name(self) -> String {
        match self {
            MReg::Gpr(n) => format!("r{n}"),
            MReg::Xmm(n) => format!("xmm{n}"),
        }
    }
}

/// One allocated slot.
#[derive(Clone, Copy, Debug)]
pub struct Alloc {
    pub slot: u16,
    pub kind: RKind,
    pub reg: MReg,
    /// A register-aware instruction of the region writes it: its frame
    /// payload can be stale, so spills store it.
    pub dirty: bool,
}

/// One loop nest and its allocation.
#[derive(Clone, Debug)]
pub struct Region {
    /// First and last instruction (inclusive).
    pub start: u32,
    pub end: u32,
    pub allocs: Vec<Alloc>,
    /// Int and float slots the region reads but nothing in it writes, left
    /// in their frame slots (no register for them, or a register would
    /// cost more reloads than it saves): their tags are checked by the
    /// entry stubs, so the templates in the region skip the checks.
    pub invariant: Vec<(u16, RKind)>,
}

impl Region {
    pub fn contains(&self, pc: u32) -> bool {
        self.start <= pc && pc <= self.end
    }
}

/// Register allocation for one code object.
pub struct Plan {
    pub regions: Vec<Region>,
    /// Region index of each instruction (only regions with an allocation).
    pub region_of: Vec<Option<u16>>,
    /// Slots live on entry to each instruction.
    live: Vec<RegSet>,
}

impl Plan {
    pub fn region_at(&self, pc: u32) -> Option<usize> {
        self.region_of
            .get(pc as usize)
            .copied()
            .flatten()
            .map(|r| r as usize)
    }
    /// Whether slot `r` may be read before it is written, from `pc` on.
    pub fn live_at(&self, pc: u32, r: u16) -> bool {
        self.live
            .get(pc as usize)
            .map(|s| s.contains(r))
            .unwrap_or(true)
    }
}

// ------------------------------------------------------------ register sets

/// A set of frame slots.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RegSet(Vec<u64>);

impl RegSet {
    pub fn new(n: usize) -> RegSet {
        RegSet(vec![0; n.div_ceil(64)])
    }
    pub fn full(n: usize) -> RegSet {
        let mut s = RegSet::new(n);
        for r in 0..n {
            s.insert(r as u16);
        }
        s
    }
    pub fn insert(&mut self, r: u16) {
        if let Some(w) = self.0.get_mut(r as usize / 64) {
            *w |= 1 << (r % 64);
        }
    }
    pub fn remove(&mut self, r: u16) {
        if let Some(w) = self.0.get_mut(r as usize / 64) {
            *w &= !(1 << (r % 64));
        }
    }
    pub fn contains(&self, r: u16) -> bool {
        self.0
            .get(r as usize / 64)
            .is_some_and(|w| w & (1 << (r % 64)) != 0)
    }
    pub fn union_with(&mut self, o: &RegSet) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a |= *b;
        }
    }
    pub fn subtract(&mut self, o: &RegSet) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a &= !*b;
        }
    }
}

// ------------------------------------------------------------ effects

/// Which frame slots an instruction reads and writes (conservatively: an
/// instruction not modelled here reads every slot and may write every slot).
pub struct Effects {
    pub reads: RegSet,
    /// Written on every path that continues normally (liveness kills these).
    pub kills: RegSet,
    /// Possibly written (reloads after the instruction check these).
    pub may_write: RegSet,
}

/// The effects of `ins` on a frame of `n` slots.
pub fn effects(ins: &Instr, n: usize) -> Effects {
    let mut e = Effects {
        reads: RegSet::new(n),
        kills: RegSet::new(n),
        may_write: RegSet::new(n),
    };
    fn rd(e: &mut Effects, r: u16) {
        if r != NO_REG {
            e.reads.insert(r);
        }
    }
    fn wr(e: &mut Effects, r: u16) {
        e.kills.insert(r);
        e.may_write.insert(r);
    }
    fn rd_range(e: &mut Effects, from: u16, count: usize) {
        for r in from as usize..from as usize + count {
            e.reads.insert(r as u16);
        }
    }
    // A call's callee frame may overlap the caller's slots from `func` on.
    fn clobber_from(e: &mut Effects, from: u16, n: usize) {
        for r in from as usize..n {
            e.may_write.insert(r as u16);
        }
    }
    use Instr::*;
    match *ins {
        Nop {} | Jump { .. } | ReturnNone {} => {}
        Move { dst, src } => {
            rd(&mut e, src);
            wr(&mut e, dst);
        }
        LoadConst { dst, .. }
        | LoadInt { dst, .. }
        | LoadNone { dst }
        | LoadBool { dst, .. }
        | LoadGlobal { dst, .. }
        | LoadBuiltin { dst, .. } => wr(&mut e, dst),
        StoreGlobal { src, .. } => rd(&mut e, src),
        CheckBound { reg, .. } => rd(&mut e, reg),
        Add { dst, a, b }
        | Sub { dst, a, b }
        | Mul { dst, a, b }
        | TrueDiv { dst, a, b }
        | FloorDiv { dst, a, b }
        | Mod { dst, a, b }
        | Pow { dst, a, b }
        | LShift { dst, a, b }
        | RShift { dst, a, b }
        | BitAnd { dst, a, b }
        | BitOr { dst, a, b }
        | BitXor { dst, a, b }
        | MatMul { dst, a, b }
        | IAdd { dst, a, b }
        | ISub { dst, a, b }
        | IMul { dst, a, b }
        | IOr { dst, a, b }
        | IAnd { dst, a, b }
        | IXor { dst, a, b }
        | Lt { dst, a, b }
        | Le { dst, a, b }
        | Gt { dst, a, b }
        | Ge { dst, a, b }
        | Eq { dst, a, b }
        | Ne { dst, a, b }
        | Is { dst, a, b }
        | IsNot { dst, a, b }
        | In { dst, a, b }
        | NotIn { dst, a, b } => {
            rd(&mut e, a);
            rd(&mut e, b);
            wr(&mut e, dst);
        }
        AddI { dst, a, .. } | SubI { dst, a, .. } => {
            rd(&mut e, a);
            wr(&mut e, dst);
        }
        Neg { dst, src }
        | Pos { dst, src }
        | Invert { dst, src }
        | Not { dst, src }
        | GetIter { dst, src }
        | ListToTuple { dst, src }
        | Convert { dst, src, .. } => {
            rd(&mut e, src);
            wr(&mut e, dst);
        }
        FormatValue { dst, src, spec } => {
            rd(&mut e, src);
            rd(&mut e, spec);
            wr(&mut e, dst);
        }
        JumpIfFalse { cond, .. } | JumpIfTrue { cond, .. } => rd(&mut e, cond),
        JumpIfNotLt { a, b, .. }
        | JumpIfNotLe { a, b, .. }
        | JumpIfNotGt { a, b, .. }
        | JumpIfNotGe { a, b, .. }
        | JumpIfNotEq { a, b, .. }
        | JumpIfNotNe { a, b, .. } => {
            rd(&mut e, a);
            rd(&mut e, b);
        }
        BuildList { dst, start, count }
        | BuildTuple { dst, start, count }
        | BuildSet { dst, start, count }
        | BuildString { dst, start, count } => {
            rd_range(&mut e, start, count as usize);
            wr(&mut e, dst);
        }
        BuildDict { dst, start, count } => {
            rd_range(&mut e, start, 2 * count as usize);
            wr(&mut e, dst);
        }
        BuildSlice { dst, start } => {
            rd_range(&mut e, start, 3);
            wr(&mut e, dst);
        }
        ListAppend { list, item } => {
            rd(&mut e, list);
            rd(&mut e, item);
        }
        Subscr { dst, obj, key } => {
            rd(&mut e, obj);
            rd(&mut e, key);
            wr(&mut e, dst);
        }
        StoreSubscr { obj, key, src } => {
            rd(&mut e, obj);
            rd(&mut e, key);
            rd(&mut e, src);
        }
        LoadAttr { dst, obj, .. } => {
            rd(&mut e, obj);
            wr(&mut e, dst);
        }
        StoreAttr { obj, src, .. } => {
            rd(&mut e, obj);
            rd(&mut e, src);
        }
        Unpack { start, src, count } => {
            rd(&mut e, src);
            for r in start as usize..start as usize + count as usize {
                wr(&mut e, r as u16);
            }
        }
        LoadDeref { dst, cell, .. } => {
            rd(&mut e, cell);
            wr(&mut e, dst);
        }
        StoreDeref { cell, src } => {
            rd(&mut e, cell);
            rd(&mut e, src);
        }
        ForIter { dst, iter, .. } => {
            rd(&mut e, iter);
            // Not written when the iterator is exhausted (control goes to
            // the target): liveness kills it on the fall-through only.
            wr(&mut e, dst);
        }
        Return { src } => rd(&mut e, src),
        Call { func, argc } | CallKw { func, argc, .. } => {
            rd_range(&mut e, func, argc as usize + 1);
            wr(&mut e, func);
            clobber_from(&mut e, func, n);
        }
        CallMethod { obj, argc, .. } => {
            rd_range(&mut e, obj, argc as usize + 2);
            wr(&mut e, obj);
            clobber_from(&mut e, obj, n);
        }
        CallEx { func, args, kwargs } => {
            rd(&mut e, func);
            rd(&mut e, args);
            rd(&mut e, kwargs);
            wr(&mut e, func);
            clobber_from(&mut e, func, n);
        }
        EnterHandler { exc } | Reraise { exc } => rd(&mut e, exc),
        ExitHandler {} => {}
        Raise { exc, cause } => {
            rd(&mut e, exc);
            rd(&mut e, cause);
        }
        ExcMatch { dst, exc, typ } => {
            rd(&mut e, exc);
            rd(&mut e, typ);
            wr(&mut e, dst);
        }
        ClearReg { reg } => wr(&mut e, reg),
        MakeCell { reg } => {
            rd(&mut e, reg);
            wr(&mut e, reg);
        }
        LoadClosure { dst, .. } | ImportName { dst, .. } => wr(&mut e, dst),
        ImportFrom { dst, module, .. } => {
            rd(&mut e, module);
            wr(&mut e, dst);
        }
        MakeFunction { dst, args, .. } => {
            if args != NO_REG {
                rd_range(&mut e, args, 3);
            }
            wr(&mut e, dst);
        }
        DeleteDeref { cell, .. } => rd(&mut e, cell),
        DeleteSubscr { obj, key } => {
            rd(&mut e, obj);
            rd(&mut e, key);
        }
        DeleteAttr { obj, .. } => rd(&mut e, obj),
        SetAdd { set: a, item: b }
        | ListExtend {
            list: a,
            iterable: b,
        }
        | SetUpdate {
            set: a,
            iterable: b,
        }
        | DictUpdate {
            dict: a,
            mapping: b,
        } => {
            rd(&mut e, a);
            rd(&mut e, b);
        }
        DictInsert { dict, key } => {
            rd(&mut e, dict);
            rd_range(&mut e, key, 2);
        }
        WithEnter { dst, mgr } => {
            rd(&mut e, mgr);
            wr(&mut e, dst);
            wr(&mut e, dst + 1);
        }
        LoadSuperAttr { dst, args, .. } => {
            rd_range(&mut e, args, 2);
            wr(&mut e, dst);
        }
        _ => {
            e.reads = RegSet::full(n);
            e.may_write = RegSet::full(n);
        }
    }
    e
}

/// Whether control can go from `ins` to the next instruction.
pub fn falls_through(ins: &Instr) -> bool {
    !matches!(
        ins,
        Instr::Jump { .. }
            | Instr::Return { .. }
            | Instr::ReturnNone {}
            | Instr::Raise { .. }
            | Instr::Reraise { .. }
    )
}

/// Instructions whose templates read and write allocated slots in their
/// registers (see the module comment for what the others get).
pub fn reg_aware(ins: &Instr) -> bool {
    use Instr::*;
    matches!(
        ins,
        Nop {}
            | Move { .. }
            | LoadConst { .. }
            | LoadInt { .. }
            | LoadNone { .. }
            | LoadBool { .. }
            | CheckBound { .. }
            | Add { .. }
            | Sub { .. }
            | Mul { .. }
            | IAdd { .. }
            | ISub { .. }
            | IMul { .. }
            | AddI { .. }
            | SubI { .. }
            | TrueDiv { .. }
            | FloorDiv { .. }
            | Mod { .. }
            | LShift { .. }
            | RShift { .. }
            | BitAnd { .. }
            | BitOr { .. }
            | BitXor { .. }
            | IAnd { .. }
            | IOr { .. }
            | IXor { .. }
            | Neg { .. }
            | Not { .. }
            | Is { .. }
            | IsNot { .. }
            | Lt { .. }
            | Le { .. }
            | Gt { .. }
            | Ge { .. }
            | Eq { .. }
            | Ne { .. }
            | Jump { .. }
            | JumpIfFalse { .. }
            | JumpIfTrue { .. }
            | JumpIfNotLt { .. }
            | JumpIfNotLe { .. }
            | JumpIfNotGt { .. }
            | JumpIfNotGe { .. }
            | JumpIfNotEq { .. }
            | JumpIfNotNe { .. }
            | ForIter { .. }
            | Subscr { .. }
            | StoreSubscr { .. }
            | LoadGlobal { .. }
    )
}

/// Instructions that are not register-aware but whose inline code calls
/// nothing and uses no allocated register (its slow paths spill and come
/// back through the next instruction's entry stub): after them only what
/// they wrote is checked and loaded, the caller-saved registers still hold
/// their slots.
pub fn keeps_registers(ins: &Instr) -> bool {
    use Instr::*;
    matches!(ins, Unpack { count, .. } if (1..=MAX_INLINE_UNPACK).contains(count))
}

/// Longest `Unpack` the code generator does inline (longer ones call a
/// helper).
pub const MAX_INLINE_UNPACK: u16 = 8;

// ------------------------------------------------------------ liveness

/// Slots live on entry to each instruction: read before written on some
/// path, following jumps, fall-through and exception handlers (an exception
/// raised by an instruction reaches its handler with the slots as they were
/// before it).
fn liveness(code: &Code) -> Vec<RegSet> {
    let n = code.nregs as usize;
    let len = code.instrs.len();
    let fx: Vec<Effects> = code.instrs.iter().map(|i| effects(i, n)).collect();
    let mut handlers: Vec<Vec<u32>> = vec![Vec::new(); len];
    for e in &code.exc_table {
        for pc in e.start..e.end.min(len as u32) {
            handlers[pc as usize].push(e.handler);
        }
    }
    let mut live = vec![RegSet::new(n); len];
    let mut changed = true;
    while changed {
        changed = false;
        for pc in (0..len).rev() {
            let ins = &code.instrs[pc];
            let mut out = RegSet::new(n);
            if falls_through(ins) && pc + 1 < len {
                out.union_with(&live[pc + 1]);
            }
            // `ForIter` writes its item only when it continues into the
            // body: at the exit (its target) the slot keeps its old value,
            // so what is live there stays live here.
            let kills_on_jump = !matches!(ins, Instr::ForIter { .. });
            if kills_on_jump {
                if let Some(t) = ins.jump_target() {
                    if let Some(l) = live.get(t as usize) {
                        out.union_with(&l.clone());
                    }
                }
            }
            out.subtract(&fx[pc].kills);
            if !kills_on_jump {
                if let Some(l) = ins.jump_target().and_then(|t| live.get(t as usize)) {
                    out.union_with(&l.clone());
                }
            }
            out.union_with(&fx[pc].reads);
            for &h in &handlers[pc] {
                if let Some(l) = live.get(h as usize) {
                    out.union_with(&l.clone());
                }
            }
            if out != live[pc] {
                live[pc] = out;
                changed = true;
            }
        }
    }
    live
}

// ------------------------------------------------------------ types

/// What the region's instructions say a slot holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    /// Nothing yet.
    None,
    Int,
    Float,
    /// Something else, or both.
    Any,
}

impl Ty {
    fn join(self, o: Ty) -> Ty {
        match (self, o) {
            (Ty::None, t) | (t, Ty::None) => t,
            (a, b) if a == b => a,
            _ => Ty::Any,
        }
    }
}

/// Infer the slot types over the region `[start, end]` from its
/// register-aware instructions (constants, type feedback, and for sites
/// that never ran in the interpreter, their operands). Instructions that are
/// not register-aware say nothing: what they write is checked after them.
fn infer(code: &Code, start: u32, end: u32) -> Vec<Ty> {
    use feedback::{FLOAT, INT, OTHER};
    let n = code.nregs as usize;
    let mut ty = vec![Ty::None; n];
    let set = |ty: &mut Vec<Ty>, r: u16, t: Ty, changed: &mut bool| {
        if let Some(s) = ty.get_mut(r as usize) {
            let j = s.join(t);
            if j != *s {
                *s = j;
                *changed = true;
            }
        }
    };
    let get = |ty: &Vec<Ty>, r: u16| ty.get(r as usize).copied().unwrap_or(Ty::Any);
    // A local variable (not a temporary, which the compiler reuses for
    // unrelated values).
    let named = |r: u16| code.reg_names.get(r as usize).is_some_and(|n| n.is_some());
    // Operand constraints of a comparison or an arithmetic site.
    let operands = |ty: &mut Vec<Ty>, fb: u8, a: u16, b: Option<u16>, changed: &mut bool| {
        if fb == INT {
            set(ty, a, Ty::Int, changed);
            if let Some(b) = b {
                set(ty, b, Ty::Int, changed);
            }
        } else if fb == FLOAT {
            set(ty, a, Ty::Float, changed);
            if let Some(b) = b {
                set(ty, b, Ty::Float, changed);
            }
        } else if fb == 0 {
            // The interpreter's int paths note nothing (a note would cost
            // every int instruction), so "no feedback" means ints or never
            // ran: guess ints unless an operand is known to be something
            // else (the checks after writes and at the loop's entry catch a
            // wrong guess; one that keeps failing recompiles the loop
            // without allocation).
            let tb = b.map(|b| get(ty, b)).unwrap_or(Ty::Int);
            let ta = get(ty, a);
            if matches!(ta, Ty::None | Ty::Int) && matches!(tb, Ty::None | Ty::Int) {
                set(ty, a, Ty::Int, changed);
                if let Some(b) = b {
                    set(ty, b, Ty::Int, changed);
                }
            }
        }
    };
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds < 20 {
        changed = false;
        rounds += 1;
        for pc in start..=end {
            let ins = code.instrs[pc as usize];
            let fb = code.feedback.get(pc as usize);
            let c = &mut changed;
            use Instr::*;
            match ins {
                LoadInt { dst, .. } => set(&mut ty, dst, Ty::Int, c),
                LoadConst { dst, k } => {
                    let t = match code.consts.get(k as usize) {
                        Some(Value::Int(_)) => Ty::Int,
                        Some(Value::Float(_)) => Ty::Float,
                        _ => Ty::Any,
                    };
                    set(&mut ty, dst, t, c)
                }
                LoadNone { dst } | LoadBool { dst, .. } | Not { dst, .. } => {
                    set(&mut ty, dst, Ty::Any, c)
                }
                Is { dst, .. } | IsNot { dst, .. } => set(&mut ty, dst, Ty::Any, c),
                Move { dst, src } => {
                    let t = get(&ty, src);
                    // A named local copied from a temporary that is not a
                    // register's (an unpacked item): its type is what its
                    // uses say; the move checks the tag of what it copies
                    // into a register (`put_value_rax_rcx`).
                    if t != Ty::None && !(t == Ty::Any && named(dst)) {
                        set(&mut ty, dst, t, c);
                    }
                }
                Add { dst, a, b }
                | Sub { dst, a, b }
                | Mul { dst, a, b }
                | IAdd { dst, a, b }
                | ISub { dst, a, b }
                | IMul { dst, a, b } => {
                    operands(&mut ty, fb, a, Some(b), c);
                    let t = arith_result(fb, get(&ty, a), get(&ty, b));
                    if t != Ty::None {
                        set(&mut ty, dst, t, c);
                    }
                }
                AddI { dst, a, .. } | SubI { dst, a, .. } => {
                    let t = if fb & OTHER != 0 || fb & (INT | FLOAT) == INT | FLOAT {
                        Ty::Any
                    } else if fb == INT {
                        set(&mut ty, a, Ty::Int, c);
                        Ty::Int
                    } else if fb & FLOAT != 0 {
                        set(&mut ty, a, Ty::Float, c);
                        Ty::Float
                    } else {
                        // Never ran: `i += 1` counts in ints, unless `i`
                        // is known to be a float.
                        match get(&ty, a) {
                            Ty::Float => Ty::Float,
                            Ty::Any => Ty::Any,
                            _ => {
                                set(&mut ty, a, Ty::Int, c);
                                Ty::Int
                            }
                        }
                    };
                    set(&mut ty, dst, t, c);
                }
                TrueDiv { dst, a, b } => {
                    operands(&mut ty, fb, a, Some(b), c);
                    let t = if fb & OTHER != 0 { Ty::Any } else { Ty::Float };
                    set(&mut ty, dst, t, c);
                }
                FloorDiv { dst, a, b }
                | Mod { dst, a, b }
                | LShift { dst, a, b }
                | RShift { dst, a, b }
                | BitAnd { dst, a, b }
                | BitOr { dst, a, b }
                | BitXor { dst, a, b }
                | IAnd { dst, a, b }
                | IOr { dst, a, b }
                | IXor { dst, a, b } => {
                    // The int template speculates ints unless the site saw
                    // something else.
                    if fb & !INT == 0 {
                        set(&mut ty, a, Ty::Int, c);
                        set(&mut ty, b, Ty::Int, c);
                        set(&mut ty, dst, Ty::Int, c);
                    } else {
                        set(&mut ty, dst, Ty::Any, c);
                    }
                }
                Neg { dst, src } => {
                    let t = if fb == INT {
                        Ty::Int
                    } else if fb == FLOAT {
                        Ty::Float
                    } else if fb == 0 {
                        get(&ty, src)
                    } else {
                        Ty::Any
                    };
                    if fb == INT || fb == FLOAT {
                        set(&mut ty, src, t, c);
                    }
                    if t != Ty::None {
                        set(&mut ty, dst, t, c);
                    }
                }
                Lt { dst, a, b }
                | Le { dst, a, b }
                | Gt { dst, a, b }
                | Ge { dst, a, b }
                | Eq { dst, a, b }
                | Ne { dst, a, b } => {
                    operands(&mut ty, fb, a, Some(b), c);
                    set(&mut ty, dst, Ty::Any, c);
                }
                JumpIfNotLt { a, b, .. }
                | JumpIfNotLe { a, b, .. }
                | JumpIfNotGt { a, b, .. }
                | JumpIfNotGe { a, b, .. }
                | JumpIfNotEq { a, b, .. }
                | JumpIfNotNe { a, b, .. } => operands(&mut ty, fb, a, Some(b), c),
                // Their result is whatever the iterator, sequence or
                // global holds: no constraint (the templates check the tag
                // of what they store into an allocated slot and leave to
                // the interpreter on another type), so that a
                // `for i in range(n)` counter or a float read from a list
                // can live in a register.
                // A temporary, though, is reused for other values (a row
                // of a nested list, a function about to be called): what
                // these write into one is not a register's.
                ForIter { .. } | StoreSubscr { .. } => {}
                Subscr { dst, .. } | LoadGlobal { dst, .. } => {
                    if !named(dst) {
                        set(&mut ty, dst, Ty::Any, c);
                    }
                }
                // What other instructions write is not known here: a slot
                // they write (often a temporary reused for other values)
                // stays in the frame.
                other if !reg_aware(&other) => {
                    let fx = effects(&other, n);
                    for r in 0..n as u16 {
                        if fx.may_write.contains(r) {
                            set(&mut ty, r, Ty::Any, c);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    ty
}

/// The result type of `+ - *` at a site with feedback `fb` and operand
/// types `a`, `b`.
fn arith_result(fb: u8, a: Ty, b: Ty) -> Ty {
    use feedback::{FLOAT, INT, MIXED, OTHER};
    if fb & OTHER != 0 {
        return Ty::Any;
    }
    if fb == INT {
        return Ty::Int;
    }
    if fb != 0 && fb & INT == 0 && fb & (FLOAT | MIXED) != 0 {
        return Ty::Float;
    }
    if fb != 0 {
        return Ty::Any;
    }
    match (a, b) {
        (Ty::Int, Ty::Int) => Ty::Int,
        (Ty::Float, Ty::Int | Ty::Float) | (Ty::Int, Ty::Float) => Ty::Float,
        (Ty::Any, _) | (_, Ty::Any) => Ty::Any,
        _ => Ty::None,
    }
}

// ------------------------------------------------------------ the plan

/// Loop nests of `code`: merged `[header, back-edge]` intervals, with each
/// instruction's loop depth.
fn loop_nests(code: &Code) -> (Vec<(u32, u32)>, Vec<u32>) {
    let len = code.instrs.len();
    let mut loops: Vec<(u32, u32)> = code
        .instrs
        .iter()
        .enumerate()
        .filter_map(|(pc, ins)| match ins {
            Instr::Jump { target } if (*target as usize) <= pc => Some((*target as u32, pc as u32)),
            _ => None,
        })
        .collect();
    let mut depth = vec![0u32; len];
    for &(s, e) in &loops {
        for d in &mut depth[s as usize..=e as usize] {
            *d += 1;
        }
    }
    loops.sort();
    let mut nests: Vec<(u32, u32)> = Vec::new();
    for (s, e) in loops {
        match nests.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => nests.push((s, e)),
        }
    }
    (nests, depth)
}

/// Plan the register allocation of `code`. Regions containing an
/// instruction of `noreg_at` (where type checks kept failing) get none.
pub fn plan(code: &Code, noreg_at: &[u32]) -> Option<Plan> {
    let (nests, depth) = loop_nests(code);
    if nests.is_empty() {
        return None;
    }
    let n = code.nregs as usize;
    let live = liveness(code);
    let mut regions = Vec::new();
    let mut region_of = vec![None; code.instrs.len()];
    for (start, end) in nests {
        if noreg_at.iter().any(|&p| start <= p && p <= end) {
            continue;
        }
        let ty = infer(code, start, end);
        // Uses by register-aware instructions, weighted by loop depth, and
        // whether one reads the slot and one writes it.
        let mut weight = vec![0u64; n];
        let mut read_aware = vec![false; n];
        let mut written_aware = vec![false; n];
        let mut only_consts = vec![true; n];
        // What a caller-saved register costs: a reload after each
        // instruction that calls into the runtime while the slot is live.
        let mut reloads = vec![0u64; n];
        for pc in start..=end {
            let ins = &code.instrs[pc as usize];
            let w = 8u64.saturating_pow(depth[pc as usize].saturating_sub(1).min(6));
            if keeps_registers(ins) {
                continue;
            }
            if !reg_aware(ins) {
                if let Some(l) = live.get(pc as usize + 1) {
                    for r in 0..n as u16 {
                        if l.contains(r) {
                            reloads[r as usize] += w;
                        }
                    }
                }
                continue;
            }
            let fx = effects(ins, n);
            for r in 0..n as u16 {
                if fx.reads.contains(r) {
                    weight[r as usize] += w;
                    read_aware[r as usize] = true;
                }
                if fx.kills.contains(r) {
                    weight[r as usize] += w;
                    written_aware[r as usize] = true;
                    if !matches!(ins, Instr::LoadInt { .. } | Instr::LoadConst { .. }) {
                        only_consts[r as usize] = false;
                    }
                }
            }
        }
        // A `for` target read after its loop may be unbound when the loop
        // is entered (and must stay so if the iterator is empty): a register
        // cannot hold that.
        let mut unbound_ok = vec![true; n];
        for pc in start..=end {
            if let Instr::ForIter { dst, target, .. } = code.instrs[pc as usize] {
                if live.get(target as usize).is_none_or(|l| l.contains(dst)) {
                    if let Some(u) = unbound_ok.get_mut(dst as usize) {
                        *u = false;
                    }
                }
            }
        }
        let mut cands: Vec<(u64, u16, RKind)> = (0..n as u16)
            .filter_map(|r| {
                let kind = match ty[r as usize] {
                    Ty::Int => RKind::Int,
                    Ty::Float => RKind::Float,
                    _ => return None,
                };
                // A temporary holding an int constant is read as an
                // immediate (a float constant is not: in a register it
                // costs one load less than in the frame); a slot no
                // template reads gains nothing in a register.
                if !read_aware[r as usize]
                    || (written_aware[r as usize] && only_consts[r as usize] && kind == RKind::Int)
                    || !unbound_ok[r as usize]
                {
                    return None;
                }
                Some((weight[r as usize], r, kind))
            })
            .collect();
        cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut allocs = Vec::new();
        let (mut gi, mut xi) = (0, 0);
        for (_, r, kind) in cands {
            let w = weight[r as usize];
            let reg = match kind {
                RKind::Int if gi < GPRS.len() => {
                    let reg = MReg::Gpr(GPRS[gi]);
                    // Reloading costs about what a frame slot costs per use.
                    if reg.caller_saved() && reloads[r as usize] >= w {
                        continue;
                    }
                    gi += 1;
                    reg
                }
                RKind::Float if xi < XMMS.len() => {
                    if reloads[r as usize] >= w {
                        continue;
                    }
                    xi += 1;
                    MReg::Xmm(XMMS[xi - 1])
                }
                _ => continue,
            };
            allocs.push(Alloc {
                slot: r,
                kind,
                reg,
                dirty: written_aware[r as usize],
            });
        }
        let mut written_any = RegSet::new(n);
        for pc in start..=end {
            written_any.union_with(&effects(&code.instrs[pc as usize], n).may_write);
        }
        let invariant: Vec<(u16, RKind)> = (0..n as u16)
            .filter(|&r| read_aware[r as usize] && !written_any.contains(r))
            .filter(|&r| !allocs.iter().any(|a| a.slot == r))
            .filter_map(|r| match ty[r as usize] {
                Ty::Int => Some((r, RKind::Int)),
                Ty::Float => Some((r, RKind::Float)),
                _ => None,
            })
            .collect();
        if allocs.is_empty() && invariant.is_empty() {
            continue;
        }
        allocs.sort_by_key(|a| a.slot);
        let id = regions.len() as u16;
        for p in start..=end {
            region_of[p as usize] = Some(id);
        }
        regions.push(Region {
            start,
            end,
            allocs,
            invariant,
        });
    }
    if regions.is_empty() {
        return None;
    }
    Some(Plan {
        regions,
        region_of,
        live,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regsets() {
        let mut s = RegSet::new(70);
        s.insert(3);
        s.insert(69);
        assert!(s.contains(3) && s.contains(69) && !s.contains(4));
        s.remove(3);
        assert!(!s.contains(3));
        let f = RegSet::full(70);
        assert!(f.contains(0) && f.contains(69) && !f.contains(70));
    }

    #[test]
    fn type_join() {
        assert_eq!(Ty::None.join(Ty::Int), Ty::Int);
        assert_eq!(Ty::Int.join(Ty::Int), Ty::Int);
        assert_eq!(Ty::Int.join(Ty::Float), Ty::Any);
    }

    #[test]
    fn arith_results() {
        use feedback::{FLOAT, INT, MIXED, OTHER};
        assert_eq!(arith_result(INT, Ty::None, Ty::None), Ty::Int);
        assert_eq!(arith_result(FLOAT | MIXED, Ty::None, Ty::None), Ty::Float);
        assert_eq!(arith_result(INT | FLOAT, Ty::None, Ty::None), Ty::Any);
        assert_eq!(arith_result(OTHER, Ty::Int, Ty::Int), Ty::Any);
        assert_eq!(arith_result(0, Ty::Int, Ty::Float), Ty::Float);
        assert_eq!(arith_result(0, Ty::Int, Ty::None), Ty::None);
    }
}
