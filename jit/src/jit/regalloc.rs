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
//! spares the reload of the caller-saved registers after it (attribute
//! loads and stores).
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
//! memory), list/tuple `Subscr`, list `StoreSubscr`, `Unpack` and
//! `LoadGlobal` (`gen_index.rs`), float `**` (`gen_pow.rs`, which calls
//! `pow` between a spill and a reload: `calls_out`).
//!
//! # Known limits
//!
//! Only ints and floats live in registers (lists, tuples and the rest stay
//! in the frame). A float accumulator that starts as the int 0 fails the
//! entry stub's check on the way into its loop: such a region (`peel`)
//! gets a frame-state copy of the loop, where failed entry checks and
//! `RegType` exits go on instead of leaving (`codegen/peel.rs`), until a
//! back-edge finds the slot a float. Other regions still leave to the
//! interpreter there, and one that keeps leaving is compiled without
//! registers.

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::{Instr, NO_REG};
use crate::jit::dataflow::{bits, liveness, BitRows, FxTable};
use crate::jit::feedback;
use crate::jit::webs::Webs;
use crate::runtime::value::{tags, Value};

/// General registers for int slots, callee-saved first (a helper call does
/// not clobber them, so they need no reload after one).
pub const GPRS: [u8; 7] = [13, 14, 15, 8, 9, 10, 11];
/// Recording: the callee-saved registers a region with a tight loop keeps
/// from its allocation for line counts (`Region::counter_regs`).
///
/// Why registers: compiled code counts a block's line entries with an
/// `add qword [counter], 1`, a read-modify-write of memory. In a loop of a
/// few instructions per iteration each such add waits for the previous
/// iteration's store to reach the load (store-to-load forwarding, about
/// five cycles), which was longer than the rest of the iteration: the
/// sieve's inner loop ran 7% slower recording, from its two block counters
/// alone. A register add has a one-cycle chain. The count is added to the
/// counter in memory when the region spills (every way out of register
/// state, `Gen::spill_for`), so the counters hold every count whenever
/// anything reads them (the profile is built with no compiled code
/// running). Callee-saved, so that neither helper calls nor templates
/// that are not register-aware touch them (`GPRS`): no reload to get
/// right.
pub const COUNTER_GPRS: [u8; 2] = [15, 14];
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

/// A type check of a register-allocated slot whose failure leaves compiled
/// code for the interpreter at `exit` (a `RegType` exit): the slot and
/// the tag its region keeps there. Kept with the compiled code so that a
/// recorded exit can say which local changed type, and to what
/// (`Vm::rec_reg_exit`); several checks can share one exit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct RegCheck {
    pub exit: u32,
    pub slot: u16,
    pub tag: u64,
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

/// One allocated web (`webs.rs`): a value of a slot, in a register.
#[derive(Clone, Copy, Debug)]
pub struct Alloc {
    pub slot: u16,
    pub kind: RKind,
    pub reg: MReg,
    /// A register-aware instruction of the region writes it: its frame
    /// payload can be stale, so spills store it.
    pub dirty: bool,
    /// Every web of its slot in the region is allocated with this type: the
    /// slot's frame tag is this type's throughout the region (entry stubs
    /// set it), so spills store only the payload. Otherwise the frame tag
    /// is stale too while the register holds the value (the slot held
    /// something else before), and spills store both words.
    pub stable: bool,
}

/// One loop nest and its allocation.
#[derive(Clone, Debug)]
pub struct Region {
    /// First and last instruction (inclusive).
    pub start: u32,
    pub end: u32,
    /// At most 64 (the code generator keeps a bit per allocation).
    pub allocs: Vec<Alloc>,
    /// Int and float slots the region reads but nothing in it writes, left
    /// in their frame slots (no register for them, or a register would
    /// cost more reloads than it saves): their tags are checked by the
    /// entry stubs, so the templates in the region skip the checks.
    pub invariant: Vec<(u16, RKind)>,
    /// Slots whose allocations are all `stable`, with their type.
    pub stable: Vec<(u16, RKind)>,
    /// A float local live into the loop may reach it as an int (`s = 0`
    /// before `for ...: s += x`): the code generator emits the loop a second
    /// time in the frame state (`codegen/peel.rs`), where the entry stubs'
    /// failed checks go instead of leaving to the interpreter.
    pub peel: bool,
    /// Recording: the loops of the region (`[header, back-edge]`) whose
    /// instructions are all register-aware and call nothing, and the
    /// registers (`COUNTER_GPRS`) kept for their blocks' line counts; both
    /// empty when it has none or nothing is recorded.
    pub tight: Vec<(u32, u32)>,
    pub counter_regs: Vec<u8>,
    /// The allocations active at each instruction (the slot's value there,
    /// live on entry or written by it, is that web's): indices into
    /// `allocs`, `act[act_off[pc - start]..act_off[pc - start + 1]]`.
    act_off: Vec<u32>,
    act: Vec<u8>,
}

impl Region {
    pub fn contains(&self, pc: u32) -> bool {
        self.start <= pc && pc <= self.end
    }
    /// Indices of the allocations active at `pc`.
    pub fn active(&self, pc: u32) -> &[u8] {
        if !self.contains(pc) {
            return &[];
        }
        let i = (pc - self.start) as usize;
        &self.act[self.act_off[i] as usize..self.act_off[i + 1] as usize]
    }
    /// The allocation slot `r` is in at `pc`, with its index.
    pub fn alloc_at(&self, pc: u32, r: u16) -> Option<(usize, Alloc)> {
        self.active(pc)
            .iter()
            .map(|&i| (i as usize, self.allocs[i as usize]))
            .find(|(_, a)| a.slot == r)
    }
}

/// Register allocation for one code object.
pub struct Plan {
    pub regions: Vec<Region>,
    /// Region index of each instruction (only regions with an allocation).
    pub region_of: Vec<Option<u16>>,
    /// Slots live on entry to each instruction of `live_known` (the rows of
    /// the others were not computed: `dataflow::liveness`).
    live: BitRows,
    live_known: Vec<bool>,
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
        // (A row not computed: assume live, the safe answer.)
        if !self.live_known.get(pc as usize).copied().unwrap_or(false) {
            return true;
        }
        self.live.contains(pc as usize, r)
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
    effects_into(
        ins,
        n,
        &mut FxRow {
            reads: &mut e.reads.0,
            kills: &mut e.kills.0,
            may_write: &mut e.may_write.0,
        },
    );
    e
}

/// Bit rows an instruction's effects are added to (see `Effects`); the
/// analysis keeps one row per instruction in flat tables
/// (`dataflow::FxTable`) rather than three heap sets each.
pub struct FxRow<'r> {
    pub reads: &'r mut [u64],
    pub kills: &'r mut [u64],
    pub may_write: &'r mut [u64],
}

fn set_bit(w: &mut [u64], r: u16) {
    if let Some(x) = w.get_mut(r as usize / 64) {
        *x |= 1 << (r % 64);
    }
}

/// Add the effects of `ins` on a frame of `n` slots to `e`.
pub fn effects_into(ins: &Instr, n: usize, e: &mut FxRow) {
    fn rd(e: &mut FxRow, r: u16) {
        if r != NO_REG {
            set_bit(e.reads, r);
        }
    }
    fn wr(e: &mut FxRow, r: u16) {
        set_bit(e.kills, r);
        set_bit(e.may_write, r);
    }
    fn rd_range(e: &mut FxRow, from: u16, count: usize) {
        for r in from as usize..from as usize + count {
            set_bit(e.reads, r as u16);
        }
    }
    // A call's callee frame may overlap the caller's slots from `func` on.
    fn clobber_from(e: &mut FxRow, from: u16, n: usize) {
        for r in from as usize..n {
            set_bit(e.may_write, r as u16);
        }
    }
    use Instr::*;
    match *ins {
        Nop {} | Jump { .. } | ReturnNone {} => {}
        Move { dst, src } => {
            rd(e, src);
            wr(e, dst);
        }
        LoadConst { dst, .. }
        | LoadInt { dst, .. }
        | LoadNone { dst }
        | LoadBool { dst, .. }
        | LoadGlobal { dst, .. }
        | LoadBuiltin { dst, .. } => wr(e, dst),
        StoreGlobal { src, .. } => rd(e, src),
        // Runs the generator's cleanup (Python code, which cannot see this
        // frame's registers).
        CloseIter { iter } => rd(e, iter),
        CheckBound { reg, .. } => rd(e, reg),
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
            rd(e, a);
            rd(e, b);
            wr(e, dst);
        }
        AddI { dst, a, .. } | SubI { dst, a, .. } => {
            rd(e, a);
            wr(e, dst);
        }
        Neg { dst, src }
        | Pos { dst, src }
        | Invert { dst, src }
        | Not { dst, src }
        | GetIter { dst, src }
        | ListToTuple { dst, src }
        | Convert { dst, src, .. } => {
            rd(e, src);
            wr(e, dst);
        }
        FormatValue { dst, src, spec } => {
            rd(e, src);
            rd(e, spec);
            wr(e, dst);
        }
        JumpIfFalse { cond, .. } | JumpIfTrue { cond, .. } => rd(e, cond),
        JumpIfNotLt { a, b, .. }
        | JumpIfNotLe { a, b, .. }
        | JumpIfNotGt { a, b, .. }
        | JumpIfNotGe { a, b, .. }
        | JumpIfNotEq { a, b, .. }
        | JumpIfNotNe { a, b, .. } => {
            rd(e, a);
            rd(e, b);
        }
        BuildList { dst, start, count }
        | BuildTuple { dst, start, count }
        | BuildSet { dst, start, count }
        | BuildString { dst, start, count } => {
            rd_range(e, start, count as usize);
            wr(e, dst);
        }
        BuildDict { dst, start, count } => {
            rd_range(e, start, 2 * count as usize);
            wr(e, dst);
        }
        BuildSlice { dst, start } => {
            rd_range(e, start, 3);
            wr(e, dst);
        }
        ListAppend { list, item } => {
            rd(e, list);
            rd(e, item);
        }
        Subscr { dst, obj, key } => {
            rd(e, obj);
            rd(e, key);
            wr(e, dst);
        }
        StoreSubscr { obj, key, src } => {
            rd(e, obj);
            rd(e, key);
            rd(e, src);
        }
        LoadAttr { dst, obj, .. } => {
            rd(e, obj);
            wr(e, dst);
        }
        StoreAttr { obj, src, .. } => {
            rd(e, obj);
            rd(e, src);
        }
        Unpack { start, src, count } => {
            rd(e, src);
            for r in start as usize..start as usize + count as usize {
                wr(e, r as u16);
            }
        }
        LoadDeref { dst, cell, .. } => {
            rd(e, cell);
            wr(e, dst);
        }
        StoreDeref { cell, src } => {
            rd(e, cell);
            rd(e, src);
        }
        ForIter { dst, iter, .. } => {
            rd(e, iter);
            // Not written when the iterator is exhausted (control goes to
            // the target): liveness kills it on the fall-through only.
            wr(e, dst);
        }
        Return { src } => rd(e, src),
        Call { func, argc } | CallKw { func, argc, .. } => {
            rd_range(e, func, argc as usize + 1);
            wr(e, func);
            clobber_from(e, func, n);
        }
        CallMethod { obj, argc, .. } => {
            rd_range(e, obj, argc as usize + 2);
            wr(e, obj);
            clobber_from(e, obj, n);
        }
        CallEx { func, args, kwargs } => {
            rd(e, func);
            rd(e, args);
            rd(e, kwargs);
            wr(e, func);
            clobber_from(e, func, n);
        }
        EnterHandler { exc } | Reraise { exc } => rd(e, exc),
        ExitHandler {} => {}
        Raise { exc, cause } => {
            rd(e, exc);
            rd(e, cause);
        }
        ExcMatch { dst, exc, typ } => {
            rd(e, exc);
            rd(e, typ);
            wr(e, dst);
        }
        ClearReg { reg } => wr(e, reg),
        MakeCell { reg } => {
            rd(e, reg);
            wr(e, reg);
        }
        LoadClosure { dst, .. } | ImportName { dst, .. } => wr(e, dst),
        ImportFrom { dst, module, .. } => {
            rd(e, module);
            wr(e, dst);
        }
        MakeFunction { dst, args, .. } => {
            if args != NO_REG {
                rd_range(e, args, 3);
            }
            wr(e, dst);
        }
        DeleteDeref { cell, .. } => rd(e, cell),
        DeleteSubscr { obj, key } => {
            rd(e, obj);
            rd(e, key);
        }
        DeleteAttr { obj, .. } => rd(e, obj),
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
            rd(e, a);
            rd(e, b);
        }
        DictInsert { dict, key } => {
            rd(e, dict);
            rd_range(e, key, 2);
        }
        WithEnter { dst, mgr } => {
            rd(e, mgr);
            wr(e, dst);
            wr(e, dst + 1);
        }
        LoadSuperAttr { dst, args, .. } => {
            rd_range(e, args, 2);
            wr(e, dst);
        }
        _ => {
            for r in 0..n as u16 {
                set_bit(e.reads, r);
                set_bit(e.may_write, r);
            }
        }
    }
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
            | Pow { .. }
            | Unpack { .. }
    )
}

/// Register-aware instructions whose fast path calls out (spilling first
/// and reloading the caller-saved registers after the call).
pub fn calls_out(ins: &Instr) -> bool {
    matches!(ins, Instr::Pow { .. })
}

/// Instructions that are not register-aware but whose inline code calls
/// nothing and uses no allocated register (its slow paths spill and come
/// back through the next instruction's entry stub): after them only what
/// they wrote is checked and loaded, the caller-saved registers still hold
/// their slots. Attribute loads and stores (`codegen/gen_attr.rs`).
pub fn keeps_registers(ins: &Instr) -> bool {
    matches!(ins, Instr::LoadAttr { .. } | Instr::StoreAttr { .. })
}

/// Longest `Unpack` the code generator does inline (longer ones call a
/// helper).
pub const MAX_INLINE_UNPACK: u16 = 8;

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
fn infer(code: &Code, webs: &Webs, fx: &FxTable) -> Vec<Ty> {
    let (start, end) = (webs.start, webs.end);
    use feedback::{FLOAT, INT, OTHER};
    let mut ty = vec![Ty::None; webs.count()];
    // By web: the web of slot `r` at `pc`.
    let set = |ty: &mut Vec<Ty>, pc: u32, r: u16, t: Ty, changed: &mut bool| {
        if let Some(s) = webs.at(pc, r).and_then(|w| ty.get_mut(w as usize)) {
            let j = s.join(t);
            if j != *s {
                *s = j;
                *changed = true;
            }
        }
    };
    let get = |ty: &Vec<Ty>, pc: u32, r: u16| {
        webs.at(pc, r)
            .and_then(|w| ty.get(w as usize).copied())
            .unwrap_or(Ty::Any)
    };
    // A local variable (not a temporary, which the compiler reuses for
    // unrelated values).
    let named = |r: u16| code.reg_names.get(r as usize).is_some_and(|n| n.is_some());
    // Operand constraints of a comparison or an arithmetic site.
    let operands =
        |ty: &mut Vec<Ty>, pc: u32, fb: u8, a: u16, b: Option<u16>, changed: &mut bool| {
            if fb == INT {
                set(ty, pc, a, Ty::Int, changed);
                if let Some(b) = b {
                    set(ty, pc, b, Ty::Int, changed);
                }
            } else if fb == FLOAT {
                set(ty, pc, a, Ty::Float, changed);
                if let Some(b) = b {
                    set(ty, pc, b, Ty::Float, changed);
                }
            } else if fb == 0 {
                // The interpreter's int paths note nothing (a note would cost
                // every int instruction), so "no feedback" means ints or never
                // ran: guess ints unless an operand is known to be something
                // else (the checks after writes and at the loop's entry catch a
                // wrong guess; one that keeps failing recompiles the loop
                // without allocation).
                let tb = b.map(|b| get(ty, pc, b)).unwrap_or(Ty::Int);
                let ta = get(ty, pc, a);
                if matches!(ta, Ty::None | Ty::Int) && matches!(tb, Ty::None | Ty::Int) {
                    set(ty, pc, a, Ty::Int, changed);
                    if let Some(b) = b {
                        set(ty, pc, b, Ty::Int, changed);
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
                LoadInt { dst, .. } => set(&mut ty, pc, dst, Ty::Int, c),
                LoadConst { dst, k } => {
                    let t = match code.consts.get(k as usize) {
                        Some(Value::Int(_)) => Ty::Int,
                        Some(Value::Float(_)) => Ty::Float,
                        _ => Ty::Any,
                    };
                    set(&mut ty, pc, dst, t, c)
                }
                LoadNone { dst } | LoadBool { dst, .. } | Not { dst, .. } => {
                    set(&mut ty, pc, dst, Ty::Any, c)
                }
                Is { dst, .. } | IsNot { dst, .. } => set(&mut ty, pc, dst, Ty::Any, c),
                Move { dst, src } => {
                    let t = get(&ty, pc, src);
                    // A named local copied from a temporary that is not a
                    // register's (an unpacked item): its type is what its
                    // uses say; the move checks the tag of what it copies
                    // into a register (`put_value_rax_rcx`).
                    if t != Ty::None && !(t == Ty::Any && named(dst)) {
                        set(&mut ty, pc, dst, t, c);
                    }
                    // And back: a temporary nothing constrains (an item
                    // unpacked or loaded, whose template checks the tag
                    // of what it puts into a register) copied into a local
                    // of a type takes that type.
                    let d = get(&ty, pc, dst);
                    if t == Ty::None && !named(src) && matches!(d, Ty::Int | Ty::Float) {
                        set(&mut ty, pc, src, d, c);
                    }
                }
                Add { dst, a, b }
                | Sub { dst, a, b }
                | Mul { dst, a, b }
                | IAdd { dst, a, b }
                | ISub { dst, a, b }
                | IMul { dst, a, b } => {
                    operands(&mut ty, pc, fb, a, Some(b), c);
                    let t = arith_result(fb, get(&ty, pc, a), get(&ty, pc, b));
                    if t != Ty::None {
                        set(&mut ty, pc, dst, t, c);
                    }
                }
                AddI { dst, a, .. } | SubI { dst, a, .. } => {
                    let t = if fb & OTHER != 0 || fb & (INT | FLOAT) == INT | FLOAT {
                        Ty::Any
                    } else if fb == INT {
                        set(&mut ty, pc, a, Ty::Int, c);
                        Ty::Int
                    } else if fb & FLOAT != 0 {
                        set(&mut ty, pc, a, Ty::Float, c);
                        Ty::Float
                    } else {
                        // Never ran: `i += 1` counts in ints, unless `i`
                        // is known to be a float.
                        match get(&ty, pc, a) {
                            Ty::Float => Ty::Float,
                            Ty::Any => Ty::Any,
                            _ => {
                                set(&mut ty, pc, a, Ty::Int, c);
                                Ty::Int
                            }
                        }
                    };
                    set(&mut ty, pc, dst, t, c);
                }
                Pow { dst, .. } => {
                    // The template checks its operands; a float site's
                    // result is a float (else the interpreter's).
                    let t = if fb & (FLOAT | feedback::MIXED) != 0 && fb & (INT | OTHER) == 0 {
                        Ty::Float
                    } else {
                        Ty::Any
                    };
                    set(&mut ty, pc, dst, t, c);
                }
                TrueDiv { dst, a, b } => {
                    operands(&mut ty, pc, fb, a, Some(b), c);
                    let t = if fb & OTHER != 0 { Ty::Any } else { Ty::Float };
                    set(&mut ty, pc, dst, t, c);
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
                        set(&mut ty, pc, a, Ty::Int, c);
                        set(&mut ty, pc, b, Ty::Int, c);
                        set(&mut ty, pc, dst, Ty::Int, c);
                    } else {
                        set(&mut ty, pc, dst, Ty::Any, c);
                    }
                }
                Neg { dst, src } => {
                    let t = if fb == INT {
                        Ty::Int
                    } else if fb == FLOAT {
                        Ty::Float
                    } else if fb == 0 {
                        get(&ty, pc, src)
                    } else {
                        Ty::Any
                    };
                    if fb == INT || fb == FLOAT {
                        set(&mut ty, pc, src, t, c);
                    }
                    if t != Ty::None {
                        set(&mut ty, pc, dst, t, c);
                    }
                }
                Lt { dst, a, b }
                | Le { dst, a, b }
                | Gt { dst, a, b }
                | Ge { dst, a, b }
                | Eq { dst, a, b }
                | Ne { dst, a, b } => {
                    operands(&mut ty, pc, fb, a, Some(b), c);
                    set(&mut ty, pc, dst, Ty::Any, c);
                }
                JumpIfNotLt { a, b, .. }
                | JumpIfNotLe { a, b, .. }
                | JumpIfNotGt { a, b, .. }
                | JumpIfNotGe { a, b, .. }
                | JumpIfNotEq { a, b, .. }
                | JumpIfNotNe { a, b, .. } => operands(&mut ty, pc, fb, a, Some(b), c),
                // Their result is whatever the iterator, sequence or
                // global holds: no constraint (the templates check the tag
                // of what they store into an allocated slot and leave to
                // the interpreter on another type), so that a
                // `for i in range(n)` counter or a float read from a list
                // can live in a register.
                // A temporary, though, is reused for other values (a row
                // of a nested list, a function about to be called): what
                // these write into one is not a register's.
                // (A temporary the compiler reuses for other values, a row
                // of a nested list or a function about to be called, is
                // another web: its uses say nothing of this one.)
                ForIter { .. }
                | StoreSubscr { .. }
                | Subscr { .. }
                | LoadGlobal { .. }
                | Unpack { .. } => {}
                // What other instructions write is not known here: a slot
                // they write (often a temporary reused for other values)
                // stays in the frame.
                other if !reg_aware(&other) => {
                    for r in bits(fx.may_write.row(pc as usize)) {
                        set(&mut ty, pc, r, Ty::Any, c);
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
/// `fx`: every instruction's effects (`dataflow::fx_table`).
/// `counters`: recording, keep registers for line counts in tight loops
/// (`COUNTER_GPRS`).
pub fn plan(code: &Code, noreg_at: &[u32], fx: &FxTable, counters: bool) -> Option<Plan> {
    let (nests, depth) = loop_nests(code);
    if nests.is_empty() {
        return None;
    }
    let nests: Vec<(u32, u32)> = nests
        .into_iter()
        .filter(|&(start, end)| !noreg_at.iter().any(|&p| start <= p && p <= end))
        .collect();
    let mut live_known = rows_read(code, &nests);
    let live = liveness(code, fx, &mut live_known);
    // (Only regions with a float allocation read it.)
    let mut int_writes = None;
    let mut regions = Vec::new();
    let mut region_of = vec![None; code.instrs.len()];
    let mut scratch = Scratch::default();
    for (start, end) in nests {
        let tight = if counters {
            tight_loops(code, start, end)
        } else {
            Vec::new()
        };
        let Some(mut region) =
            plan_region(code, start, end, &depth, fx, &live, &mut scratch, tight)
        else {
            continue;
        };
        region.peel = region.allocs.iter().any(|a| a.kind == RKind::Float)
            && starts_as_int(
                &region,
                &live,
                int_writes.get_or_insert_with(|| int_const_writes(code)),
            );
        let id = regions.len() as u16;
        for p in start..=end {
            region_of[p as usize] = Some(id);
        }
        regions.push(region);
    }
    if regions.is_empty() {
        return None;
    }
    Some(Plan {
        regions,
        region_of,
        live,
        live_known,
    })
}

/// The instructions whose liveness rows planning the loop nests `nests`
/// and generating their code read: the nests' own, the one after each, and
/// every successor of theirs (the exits, `webs.rs`).
fn rows_read(code: &Code, nests: &[(u32, u32)]) -> Vec<bool> {
    let len = code.instrs.len();
    let mut wanted = vec![false; len];
    let mut mark = |pc: u32| {
        if let Some(w) = wanted.get_mut(pc as usize) {
            *w = true;
        }
    };
    for &(start, end) in nests {
        for pc in start..=end {
            mark(pc);
            if let Some(t) = code.instrs[pc as usize].jump_target() {
                mark(t);
            }
        }
        mark(end + 1);
        for e in &code.exc_table {
            if e.start <= end && start < e.end {
                mark(e.handler);
            }
        }
    }
    wanted
}

/// The allocation of one loop nest: its webs, their types, and registers
/// for the heaviest, two webs sharing a register only when they are never
/// active at the same instruction.
#[allow(clippy::too_many_arguments)]
fn plan_region(
    code: &Code,
    start: u32,
    end: u32,
    depth: &[u32],
    fx: &FxTable,
    live: &BitRows,
    sc: &mut Scratch,
    tight: Vec<(u32, u32)>,
) -> Option<Region> {
    // Bit rows may name slots up to their width (a run of registers read
    // from the last one up), so per-slot tables are that wide.
    let n = live.words() * 64;
    let len = code.instrs.len();
    let webs = Webs::build(code, start, end, fx, live);
    let nw = webs.count();
    let ty = infer(code, &webs, fx);
    // Uses by register-aware instructions, weighted by loop depth, and
    // whether one reads the web and one writes it.
    let weight = reset(&mut sc.weight, nw, 0u64);
    let read_aware = reset(&mut sc.read_aware, nw, false);
    let written_aware = reset(&mut sc.written_aware, nw, false);
    // What a caller-saved register costs: a reload after each instruction
    // that calls into the runtime while the web is live.
    let reloads = reset(&mut sc.reloads, nw, 0u64);
    // A `for` target read after its loop may be unbound when the loop is
    // entered (and must stay so if the iterator is empty): a register
    // cannot hold that.
    let unbound = reset(&mut sc.unbound, nw, false);
    for pc in start..=end {
        let ins = &code.instrs[pc as usize];
        let w = 8u64.saturating_pow(depth[pc as usize].saturating_sub(1).min(6));
        if let Instr::ForIter { dst, target, .. } = *ins {
            if (target as usize) >= len || live.contains(target as usize, dst) {
                if let Some(web) = webs.at(pc, dst) {
                    unbound[web as usize] = true;
                }
            }
        }
        if keeps_registers(ins) {
            continue;
        }
        if !reg_aware(ins) || calls_out(ins) {
            if pc < end {
                for r in bits(live.row(pc as usize + 1)) {
                    if let Some(web) = webs.at(pc + 1, r) {
                        reloads[web as usize] += w;
                    }
                }
            }
            if !reg_aware(ins) {
                continue;
            }
        }
        for r in bits(fx.reads.row(pc as usize)) {
            if let Some(web) = webs.at(pc, r) {
                weight[web as usize] += w;
                read_aware[web as usize] = true;
            }
        }
        for r in bits(fx.kills.row(pc as usize)) {
            if let Some(web) = webs.at(pc, r) {
                let web = web as usize;
                weight[web] += w;
                written_aware[web] = true;
            }
        }
    }
    let kind_of = |t: Ty| match t {
        Ty::Int => Some(RKind::Int),
        Ty::Float => Some(RKind::Float),
        _ => None,
    };
    let mut cands: Vec<(u64, u16, usize, RKind)> = (0..nw)
        .filter_map(|w| {
            let kind = kind_of(ty[w])?;
            // A web no template reads gains nothing in a register. (A
            // temporary holding an int constant is read as an immediate
            // anyway, but in a register its constant costs one instruction
            // instead of two stores to the frame.)
            if !read_aware[w] || unbound[w] {
                return None;
            }
            Some((weight[w], webs.slot[w], w, kind))
        })
        .collect();
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    // The instructions each web is active at (by web, in pc order).
    let off = reset(&mut sc.off, nw + 1, 0u32);
    for (_, ws) in webs.per_pc() {
        for &web in ws {
            off[web as usize + 1] += 1;
        }
    }
    for i in 0..nw {
        off[i + 1] += off[i];
    }
    let fill = reset(&mut sc.fill, 0, 0u32);
    fill.extend_from_slice(off);
    let pcs = reset(&mut sc.pcs, off[nw] as usize, 0u32);
    for (pc, ws) in webs.per_pc() {
        for &web in ws {
            pcs[fill[web as usize] as usize] = pc;
            fill[web as usize] += 1;
        }
    }
    let rlen = (end - start + 1) as usize;
    let tables = Tables {
        cands: &cands,
        off,
        pcs,
        reloads,
        written_aware,
        slot: &webs.slot,
        start,
        rlen,
    };
    // Recording, with a tight loop: registers for its line counts
    // (`COUNTER_GPRS`), as many as the values can spare. The counters are
    // kept only when the values' allocation scores as well as with none
    // kept: int_loop's loop has seven int values live and was 11% more
    // instructions recording when two of them lost their registers to
    // counters, for a dependency chain its iteration is longer than anyway.
    let mut assign = |k: usize| {
        tables.assign(
            counter_mask(k),
            &mut sc.gpr_used,
            &mut sc.xmm_used,
            &mut sc.alloc_of_web,
        )
    };
    // (Each try leaves its registers in the tables: the kept one is the
    // last made.)
    let (reserve, (mut allocs, _)) = if tight.is_empty() {
        (0, assign(0))
    } else {
        let none = assign(0);
        [COUNTER_GPRS.len(), 1]
            .into_iter()
            .map(|k| (k, assign(k)))
            .find(|(_, tried)| tried.1 >= none.1)
            .unwrap_or_else(|| (0, assign(0)))
    };
    let counter_regs: Vec<u8> = COUNTER_GPRS[..reserve].to_vec();
    let alloc_of_web = &sc.alloc_of_web;
    // Slots whose webs are all allocated with one type keep that tag in the
    // frame throughout.
    let st = reset(&mut sc.st, n, St::Unseen);
    for web in 0..nw {
        let s = webs.slot[web] as usize;
        let k = match alloc_of_web[web] {
            u8::MAX => None,
            a => Some(allocs[a as usize].kind),
        };
        st[s] = match (st[s], k) {
            (St::Unseen, Some(k)) => St::One(k),
            (St::One(a), Some(k)) if a == k => St::One(a),
            _ => St::Mixed,
        };
    }
    for a in &mut allocs {
        a.stable = matches!(st[a.slot as usize], St::One(_));
    }
    // The slots with a web, ascending: only they have entries in `st` and
    // `inv` (a long function has a thousand slots, a loop a few dozen).
    let mut slots = webs.slot.clone();
    slots.sort_unstable();
    slots.dedup();
    let stable: Vec<(u16, RKind)> = slots
        .iter()
        .filter_map(|&s| match st[s as usize] {
            St::One(k) => Some((s, k)),
            _ => None,
        })
        .collect();
    // Slots read but never written in the region, of one int or float type,
    // without a register: checked once, on entry.
    let written_any = reset(&mut sc.written_any, n.div_ceil(64).max(1), 0u64);
    for pc in start..=end {
        for (a, b) in written_any.iter_mut().zip(fx.may_write.row(pc as usize)) {
            *a |= *b;
        }
    }
    let inv = reset(&mut sc.inv, n, None);
    for web in 0..nw {
        let s = webs.slot[web] as usize;
        let k = kind_of(ty[web]).filter(|_| read_aware[web] && alloc_of_web[web] == u8::MAX);
        inv[s] = match inv[s] {
            None => Some(k),
            Some(prev) if prev == k => Some(k),
            Some(_) => Some(None),
        };
    }
    let invariant: Vec<(u16, RKind)> = slots
        .iter()
        .filter(|&&s| !crate::jit::dataflow::has(&written_any, s))
        .filter_map(|&s| inv[s as usize].flatten().map(|k| (s, k)))
        .collect();
    if allocs.is_empty() && invariant.is_empty() {
        return None;
    }
    // The allocations active at each instruction.
    let mut act_off = Vec::with_capacity(rlen + 1);
    let mut act = Vec::new();
    for (_, ws) in webs.per_pc() {
        act_off.push(act.len() as u32);
        for &web in ws {
            if alloc_of_web[web as usize] != u8::MAX {
                act.push(alloc_of_web[web as usize]);
            }
        }
    }
    act_off.push(act.len() as u32);
    Some(Region {
        start,
        end,
        allocs,
        invariant,
        stable,
        peel: false,
        tight,
        counter_regs,
        act_off,
        act,
    })
}

/// The bits of `GPRS` of the first `k` of `COUNTER_GPRS`.
fn counter_mask(k: usize) -> u8 {
    GPRS.iter()
        .enumerate()
        .filter(|(_, r)| COUNTER_GPRS[..k].contains(r))
        .fold(0u8, |m, (i, _)| m | 1 << i)
}

/// What `plan_region` assigns registers from: the candidate webs (weight,
/// slot, web, kind; heaviest first), the instructions each is active at
/// (`pcs[off[w]..off[w + 1]]`), their reload costs, and whether a
/// register-aware instruction writes them.
struct Tables<'t> {
    cands: &'t [(u64, u16, usize, RKind)],
    off: &'t [u32],
    pcs: &'t [u32],
    reloads: &'t [u64],
    written_aware: &'t [bool],
    slot: &'t [u16],
    start: u32,
    rlen: usize,
}

impl Tables<'_> {
    /// Assign registers greedily, heaviest web first, with the GPRs of
    /// `kept` (bits of `GPRS`) taken throughout: the allocations, and
    /// their score (the uses they serve less the reloads of those in
    /// caller-saved registers). Fills `gpr_used` and `xmm_used` (registers
    /// taken at each instruction: bit i, `GPRS[i]` or `XMMS[i]`) and
    /// `alloc_of_web`.
    fn assign(
        &self,
        kept: u8,
        gpr_used: &mut Vec<u8>,
        xmm_used: &mut Vec<u16>,
        alloc_of_web: &mut Vec<u8>,
    ) -> (Vec<Alloc>, u64) {
        let (start, off, pcs, reloads) = (self.start, self.off, self.pcs, self.reloads);
        let gpr_used = reset(gpr_used, self.rlen, kept);
        let xmm_used = reset(xmm_used, self.rlen, 0u16);
        let alloc_of_web = reset(alloc_of_web, self.slot.len(), u8::MAX);
        let mut allocs: Vec<Alloc> = Vec::new();
        let mut score = 0u64;
        for &(w, _, web, kind) in self.cands {
            if allocs.len() == 64 {
                break;
            }
            let at = &pcs[off[web] as usize..off[web + 1] as usize];
            let reg = match kind {
                RKind::Int => {
                    let taken = at
                        .iter()
                        .fold(0u8, |m, &pc| m | gpr_used[(pc - start) as usize]);
                    let free = |i: &usize| taken & (1 << i) == 0;
                    // Callee-saved first; a caller-saved one only when its
                    // reloads cost less than the uses gain.
                    let i = match (0..GPRS.len()).find(free) {
                        Some(i) if MReg::Gpr(GPRS[i]).caller_saved() && reloads[web] >= w => {
                            continue
                        }
                        Some(i) => i,
                        None => continue,
                    };
                    for &pc in at {
                        gpr_used[(pc - start) as usize] |= 1 << i;
                    }
                    MReg::Gpr(GPRS[i])
                }
                RKind::Float => {
                    if reloads[web] >= w {
                        continue;
                    }
                    let taken = at
                        .iter()
                        .fold(0u16, |m, &pc| m | xmm_used[(pc - start) as usize]);
                    let Some(i) = (0..XMMS.len()).find(|i| taken & (1 << i) == 0) else {
                        continue;
                    };
                    for &pc in at {
                        xmm_used[(pc - start) as usize] |= 1 << i;
                    }
                    MReg::Xmm(XMMS[i])
                }
            };
            score += w - if reg.caller_saved() { reloads[web] } else { 0 };
            alloc_of_web[web] = allocs.len() as u8;
            allocs.push(Alloc {
                slot: self.slot[web],
                kind,
                reg,
                dirty: self.written_aware[web],
                stable: false,
            });
        }
        (allocs, score)
    }
}

/// The loops in `[start, end]` (`(header, back-edge)`) whose instructions
/// are all register-aware and call nothing: where a line count in a
/// register pays (`COUNTER_GPRS`), because nothing in them spills.
fn tight_loops(code: &Code, start: u32, end: u32) -> Vec<(u32, u32)> {
    (start..=end)
        .filter_map(|p| match code.instrs[p as usize] {
            Instr::Jump { target } if (target as u32) <= p && (target as u32) >= start => {
                Some((target as u32, p))
            }
            _ => None,
        })
        .filter(|&(t, p)| {
            code.instrs[t as usize..=p as usize]
                .iter()
                .all(|i| reg_aware(i) && !calls_out(i))
        })
        .collect()
}

/// What `plan_region` knows of a slot's allocations: none yet, all of one
/// type, or of both.
#[derive(Clone, Copy, PartialEq)]
enum St {
    Unseen,
    One(RKind),
    Mixed,
}

/// `plan_region`'s tables, kept from one loop nest to the next: a long
/// function has a few dozen nests, and each made and freed its own dozen
/// tables.
#[derive(Default)]
struct Scratch {
    weight: Vec<u64>,
    read_aware: Vec<bool>,
    written_aware: Vec<bool>,
    reloads: Vec<u64>,
    unbound: Vec<bool>,
    off: Vec<u32>,
    fill: Vec<u32>,
    pcs: Vec<u32>,
    gpr_used: Vec<u8>,
    xmm_used: Vec<u16>,
    alloc_of_web: Vec<u8>,
    st: Vec<St>,
    written_any: Vec<u64>,
    inv: Vec<Option<Option<RKind>>>,
}

/// `v` made `n` copies of `x`, its memory kept.
fn reset<T: Clone>(v: &mut Vec<T>, n: usize, x: T) -> &mut Vec<T> {
    v.clear();
    v.resize(n, x);
    v
}

/// Whether a float-allocated slot live at the loop's header is written an
/// int constant outside the loop (an accumulator started as `0`): the
/// typical way a float register's entry check fails every time the loop is
/// entered. (CPython's `0 + 1.5` is `1.5`, but a loop that runs no
/// iteration must leave the int: the value cannot be converted on entry.)
fn starts_as_int(region: &Region, live: &BitRows, int_writes: &[(u16, u32)]) -> bool {
    region.allocs.iter().any(|a| {
        a.kind == RKind::Float
            && live.contains(region.start as usize, a.slot)
            && int_writes
                .iter()
                .any(|&(r, pc)| r == a.slot && !region.contains(pc))
    })
}

/// The (slot, pc) of every instruction writing an int constant (or a
/// bool) into a slot, found once per code object for `starts_as_int`
/// (which walked the whole code once per loop).
fn int_const_writes(code: &Code) -> Vec<(u16, u32)> {
    code.instrs
        .iter()
        .enumerate()
        .filter_map(|(pc, ins)| match *ins {
            Instr::LoadInt { dst, .. } | Instr::LoadBool { dst, .. } => Some((dst, pc as u32)),
            Instr::LoadConst { dst, k } => {
                matches!(code.consts.get(k as usize), Some(Value::Int(_)))
                    .then_some((dst, pc as u32))
            }
            _ => None,
        })
        .collect()
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
