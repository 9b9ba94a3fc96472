//! Code generation: one pass over the bytecode, one `gen_<op>` per opcode.
//!
//! Compiled code works directly on the frame's registers (16-byte `Value` slots,
//! tag word then payload word; see `runtime/value.rs`). Pinned machine
//! registers while it runs:
//!
//! - `rbx`: the frame's first register slot (`regs`),
//! - `r12`: the `Vm`, passed to every runtime helper.
//!
//! Each template follows LuaJIT's shape: type checks, the fast path inline, and
//! a jump to a slow path that is emitted after all the hot code (the cold
//! section). A slow path either finishes the operation on another fast path
//! (floats) or asks the interpreter to run this one instruction (`jit_step`)
//! and continues with the next, counting the bail under its reason.
//! Calls and returns of Python functions stay in compiled code (direct calls:
//! `gen_calls.rs`); yields and the unusual calls hand control back to the
//! interpreter, which re-enters compiled code afterwards (see
//! `interp/exec.rs`).
//!
//! Two things shape the arithmetic and comparison templates:
//!
//! - Type feedback (`feedback.rs`): a site that saw only floats in the
//!   interpreter gets the float path inline; one that saw only other types
//!   gets the generic path directly; one that never ran keeps the int-first
//!   template. A specialised site's guards do not rejoin when they fail: the
//!   interpreter runs the instruction and compiled code is left (a "deopt"),
//!   so everything after it may rely on what the guards established.
//! - Known types (`Known`): within a basic block, the tag of a register
//!   written by a constant load or established by a guard that cannot be
//!   bypassed is remembered, and later instructions skip re-checking it (and
//!   re-storing it). Knowledge is dropped at every place compiled code can be
//!   entered or that may write registers behind the template's back: jump
//!   targets, after helper calls, generic steps, calls and returns.

use dynasmrt::x64::X64Relocation;
use dynasmrt::VecAssembler;

/// Code is assembled into a plain vector and copied once into an executable
/// mapping of exactly its size (see `JitRuntime::compile`): growing mmap'd
/// buffers while assembling cost more than the assembly itself.
type Assembler = VecAssembler<X64Relocation>;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::interp::ops::CmpOp;
use crate::jit::disasm::Note;
use crate::jit::exits::{ExitReason, KIND_RESUME};
use crate::jit::feedback;
use crate::jit::regalloc::{self, falls_through, MReg};
use crate::jit::{fast, helpers, lean};
use crate::runtime::value::{tags, Value};

mod regstate;
use regstate::{GOp, Mode, RegState, XOp};

macro_rules! asm {
    ($ops:expr; $($t:tt)*) => {
        dynasm!($ops ; .arch x64 ; $($t)*)
    };
}

// Templates kept in their own files, as further `impl Gen` blocks (child
// modules, so they see the generator's private state and `asm!`).
#[path = "gen_calls.rs"]
mod gen_calls;
#[path = "gen_index.rs"]
mod gen_index;
#[path = "gen_index_pair.rs"]
mod gen_index_pair;
#[path = "gen_iter.rs"]
pub(crate) mod gen_iter;
#[path = "gen_leaf_calls.rs"]
mod gen_leaf_calls;
#[path = "gen_loops.rs"]
mod gen_loops;
#[path = "gen_loops_reg.rs"]
mod gen_loops_reg;
#[path = "gen_pow.rs"]
pub(crate) mod gen_pow;
#[path = "gen_rec_calls.rs"]
mod gen_rec_calls;
#[path = "gen_slices.rs"]
mod gen_slices;
#[path = "gen_yield.rs"]
mod gen_yield;
mod linecount;
mod peel;

/// Byte offset of register `r`'s tag word from `rbx`.
pub(crate) fn slot(r: u16) -> i32 {
    r as i32 * 16
}
/// Byte offset of register `r`'s payload word.
pub(crate) fn pay(r: u16) -> i32 {
    r as i32 * 16 + 8
}

/// Code emitted into the cold section once the hot code is done.
type ColdFn<'a> = Box<dyn FnOnce(&mut Gen<'a>) + 'a>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FloatOp {
    Add,
    Sub,
    Mul,
}

/// What compiled code knows about a register at a point of the hot code.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Known {
    tag: u64,
    /// The payload word, when it is a constant.
    value: Option<u64>,
}

/// A numeric operand as the templates see it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Opnd {
    Reg(u16),
    /// A small-int immediate (`x + 1`), or a register known to hold that int.
    Imm(i32),
}

/// How a shared runtime call (`Gen::shared_call`) ends.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum SharedKind {
    /// Returns to the site unless the outcome leaves compiled code.
    Continue,
    /// Always leaves; a Continue outcome becomes a Resume.
    Leave,
    /// Always leaves with the helper's outcome.
    Exit,
}

/// What is known of an operand's kind.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Int,
    Float,
    Unknown,
    /// Known to be neither: no numeric template applies.
    NotNumber,
}

/// The numeric instructions that share one template.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum NumOp {
    Arith(FloatOp),
    TrueDiv,
    Cmp(CmpOp),
    /// Compare and jump to the target when the comparison is false.
    CmpJump(CmpOp, u32),
}

/// Which template a site gets from its type feedback.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Spec {
    /// Never ran in the interpreter, saw several kinds, or its speculation
    /// already failed: int path inline, float path cold, every path
    /// rejoining (the template before feedback existed).
    Default,
    /// Saw ints only: int path inline; anything else leaves compiled code.
    Int,
    /// Saw floats (and, with `mixed`, int/float pairs) only: float path
    /// inline; anything else leaves compiled code.
    Float { mixed: bool },
    /// Saw only other types: the interpreter's path directly.
    Generic,
}

/// Where a failed guard goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum OnFail {
    /// Step the instruction in the interpreter, continue after it: what the
    /// template's result is afterwards is not known.
    Rejoin,
    /// Step it and leave compiled code: the code after the instruction only
    /// runs when the guards held.
    Deopt,
}

/// How a path continues once its operation is done.
#[derive(Clone, Copy)]
enum Join {
    /// Into the code that follows (the next instruction, in the hot code).
    Fall,
    /// Jump there (a path in the cold section).
    To(DynamicLabel),
}

/// One numeric site being compiled.
#[derive(Clone, Copy)]
struct Num {
    pc: u32,
    op: NumOp,
    /// Unused for `CmpJump`.
    dst: u16,
    a: u16,
    b: Opnd,
    ka: Kind,
    kb: Kind,
    /// The float path may convert an int operand (the interpreter's mixed
    /// arithmetic).
    mixed: bool,
    /// Where failed guards go (the bail stub).
    fail: DynamicLabel,
    /// `dst`'s tag before the instruction, if known (to skip storing it).
    dst_tag: Option<u64>,
    /// `b` is a known non-zero constant (a division needs no zero check).
    b_nonzero: bool,
    /// A failed guard leaves compiled code (a speculating site).
    fail_leaves: bool,
    /// Int arithmetic whose result cannot overflow (`Gen::mins`).
    no_overflow: bool,
}

impl Num {
    fn b_reg(&self) -> Option<u16> {
        match self.b {
            Opnd::Reg(r) => Some(r),
            Opnd::Imm(_) => None,
        }
    }
    /// The comparison must be exact (an int converted to a double must be
    /// that int: Python compares int and float mathematically).
    fn exact(&self) -> bool {
        matches!(self.op, NumOp::Cmp(_) | NumOp::CmpJump(..))
    }
}

/// The int-only binary operators.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum IntOp {
    And,
    Or,
    Xor,
    FloorDiv,
    Mod,
    Shr,
    Shl,
}

/// What one compile produced, before it is made executable.
/// Alignment of the line counters in the code's buffer: a page, so the
/// counters' pages can be read-write while the code's are read-execute.
pub const COUNTER_PAGE: usize = 4096;

/// Where compiled code counts line entries when recording (`linecount.rs`):
/// u64 counters at the end of the code's own mapping from offset `at` (a
/// page boundary) on, so each count is one `add qword [rip + d], 1`, 8
/// bytes, with no register (the counters are within 2 GB of the code by
/// construction). The counts are added to the interpreter's
/// (`PcProf::count`) when the profile is built (`JitRuntime::fold_line_counts`).
pub struct LineCounters {
    /// Where the code ends (the padding to `at` is no code).
    pub code_end: u32,
    pub at: u32,
    /// Counters (u64 each) from `at` on.
    pub slots: u32,
    /// (counter, instruction): the counter counts for the instruction's
    /// line entry (a block's counter for each line entry in the block).
    pub adds: Vec<(u32, u32)>,
    /// After the counters: (offset, site entry) for each self-call site's
    /// copy of its entry's `rec_fast` (`DirectEntry::rec_fast_slot`).
    pub rec_fast: Vec<(u32, i64)>,
}

pub struct Generated {
    pub ops: Assembler,
    /// Code offset of each instruction.
    pub pc_offsets: Vec<u32>,
    /// Where the interpreter enters compiled code at each instruction
    /// (`u32::MAX`: it cannot, and interprets on): the instruction's code,
    /// or inside a register-allocated loop its entry stub.
    pub entry_offsets: Vec<u32>,
    pub notes: Vec<(u32, Note)>,
    /// Where a direct call from compiled code enters (`gen_direct_entry`);
    /// None when calls of this code always take the Rust path.
    pub direct_offset: Option<u32>,
    /// Bytecode positions whose guards can bail, with their reason.
    pub bail_sites: Vec<(u32, ExitReason)>,
    /// Sites compiled with a speculation from their feedback (their failed
    /// guards leave compiled code); a recompile demotes those that kept failing.
    pub speculated: Vec<u32>,
    /// The memories the code's call sites point to.
    pub method_sites: Vec<Box<crate::jit::direct_site::DirectSite>>,
    /// Recording: the line counters after the code.
    pub line_counters: Option<LineCounters>,
}

pub struct Gen<'a> {
    code: &'a Code,
    ops: Assembler,
    labels: Vec<DynamicLabel>,
    cold: Vec<ColdFn<'a>>,
    notes: Vec<(u32, Note)>,
    bail_sites: Vec<(u32, ExitReason)>,
    /// Sites the caller wants compiled without a fast path (they kept bailing).
    generic_at: &'a [u32],
    /// Sites whose speculation kept failing: the default template there.
    demoted: &'a [u32],
    /// The last version a code object gets (`jit::MAX_RECOMPILES`): every
    /// site as if demoted, nothing speculated.
    settled: bool,
    speculated: Vec<u32>,
    /// Keep notes for `jitprof disasm` (source lines, bytecode, comments).
    listing: bool,
    /// Flags the back-edge poll reads.
    polls: Polls,
    /// Recording: where line entries are counted (`linecount.rs`).
    lc: Option<linecount::LineCount>,
    /// Instructions control can reach other than by falling through (jump
    /// targets, exception handlers): knowledge is dropped there.
    block_start: Vec<bool>,
    /// What is known about each register here (see the module comment).
    known: Vec<Option<Known>>,
    /// Per slot: its `known` entry was noted where the slot was in the frame
    /// (not in a register web), so it holds for the frame's words.
    known_frame: Vec<bool>,
    /// Per slot: known to be bound (written since the last `forget_all` by a
    /// template whose result is never unbound, or checked by `CheckBound`),
    /// so `CheckBound` needs no check.
    bound: Vec<bool>,
    /// Shared tails of the cold calls into the runtime (`shared_call`):
    /// (helper, kind, label), emitted once after the cold code.
    shared: Vec<(usize, SharedKind, DynamicLabel)>,
    /// The current numeric site's bail stub is reachable.
    fail_used: bool,
    /// Register allocation of loops (`regalloc.rs`, `codegen/regstate.rs`).
    rs: RegState,
    /// See `Generated::method_sites`.
    method_sites: Vec<Box<crate::jit::direct_site::DirectSite>>,
    /// The first instruction past the code's entry block (the straight
    /// line from pc 0 every call runs up to its first branch or target).
    entry_end: u32,
    /// The store of a list item update whose load has checked the list
    /// (`gen_index_pair.rs`); dropped with everything known.
    paired: Option<gen_index_pair::PairedStore>,
    /// A list the last paired store wrote, still unborrowed and at least
    /// that long (`gen_index_pair.rs`); dropped by anything but the few
    /// instructions that cannot run code or write it.
    list_run: Option<gen_index_pair::ListRun>,
    /// The list register whose item buffer rsi still holds, from a paired
    /// item load or store (`gen_index_pair.rs`); dropped by any instruction
    /// whose code may use rsi.
    rsi_items: Option<u16>,
    /// The last numeric site's hot code was `float_arith_in_regs` (XMM
    /// registers only, rax at most).
    float_inline: bool,
    /// Instructions the interpreter may not enter compiled code at: their
    /// code relies on checks an earlier instruction made of the heap (not
    /// only of registers), which the interpreter's run of it did not make.
    no_entry: Vec<bool>,
    /// Calls of the function a global held at compile time (`const_calls.rs`).
    consts: crate::jit::const_calls::Pairs,
    /// A constant the hot code has not stored into its frame slot yet
    /// (`const_calls.rs`: the function a paired `LoadGlobal` loads, which
    /// only its `Call`'s slow paths read): stored by `spill`, that is before
    /// anything leaves or calls out, and by the `Call`'s slow paths.
    deferred: Option<Deferred>,
    /// Registers (bit r) the direct entry has not cleared yet: the entry
    /// block's first instructions write some of them or return before
    /// anything looks at the frame (`if n < 2: return n`), so the clearing
    /// waits for what may look: a spill (before anything leaves or calls
    /// out), a jump (on its edge), any other instruction (before it).
    pending_zero: u64,
    /// While a compare-and-branch with registers still to clear is
    /// compiled: its target, and the trampoline that clears them first.
    zero_redirect: Option<(u32, DynamicLabel)>,
    /// A compare-and-branch whose target only it reaches left the
    /// registers to clear for the target's code: (target, registers).
    zero_carry: Option<(u32, u64)>,
    /// This code's direct entry (`gen_direct_entry`), which a call of the
    /// global's function that is this code calls directly (`gen_calls.rs`).
    direct_label: Option<DynamicLabel>,
    /// What a compare-and-branch knows, for the target only its jump
    /// reaches (`carry_known`): (target, known, known_frame, bound).
    known_carry: Option<KnownCarry>,
    /// Per slot: a lower bound of the int it is known to hold (its `known`
    /// tag INT), from a compare-and-branch against a constant (`if n < 2`
    /// leaves n >= 2 on its jump's edge): `n - 1` then needs no overflow
    /// check. Dropped with the tag, and by every note of a write.
    mins: Vec<Option<i64>>,
    /// Instructions after a call that compiled code reaches knowing what it
    /// knew before the call (`keep_known_below`), where the interpreter
    /// enters through a stub that checks it: (pc, (register, tag), stub).
    entry_checks: Vec<(u32, Vec<(u16, u64)>, DynamicLabel)>,
}

type KnownCarry = (
    u32,
    Vec<Option<Known>>,
    Vec<bool>,
    Vec<bool>,
    Vec<Option<i64>>,
);

/// See `Gen::deferred`.
#[derive(Clone, Copy, Debug)]
struct Deferred {
    reg: u16,
    tag: u64,
    payload: u64,
    /// The instruction that reads it (a `Call`, or a compare taking a
    /// `LoadInt` as an immediate).
    call_pc: u32,
    /// Dead after that instruction: dropped, not stored.
    dead_after: bool,
}

/// The flags a loop back-edge polls, by address: a pending collection,
/// Ctrl-C, and (when recording) a pending sample.
#[derive(Clone, Copy)]
pub struct Polls {
    pub gc_due: *const bool,
    /// `gc_due` as an offset from the `Vm` (r12), when the flag is in it
    /// (the heap lives in the VM): one instruction shorter to test.
    pub gc_due_in_vm: Option<i32>,
    pub interrupted: *const bool,
    pub sample: Option<*const bool>,
    /// `JitOptions::exact_timing`.
    pub exact_timing: bool,
}

fn tag_name(tag: u64) -> &'static str {
    match tag {
        tags::UNDEFINED => "unbound",
        tags::NONE => "None",
        tags::BOOL => "bool",
        tags::INT => "int",
        tags::FLOAT => "float",
        tags::STR => "str",
        tags::LIST => "list",
        tags::TUPLE => "tuple",
        _ => "object",
    }
}

impl<'a> Gen<'a> {
    pub fn new(
        code: &'a Code,
        generic_at: &'a [u32],
        demoted: &'a [u32],
        listing: bool,
        polls: Polls,
        regalloc: Option<&[u32]>,
    ) -> Gen<'a> {
        // Sized up front from the instruction count (about 190 bytes, 7
        // label references and 2 labels per instruction are typical), so the
        // code buffer is not copied as it grows: at a few hundred KB those
        // copies were a tenth of the compile time (`compile_cost.py`).
        let n = code.instrs.len();
        let mut ops =
            Assembler::new_with_capacity(0, 192 * n + 1024, 0, 16, 2 * n + 64, 16, 8 * n + 64);
        let labels = (0..code.instrs.len())
            .map(|_| ops.new_dynamic_label())
            .collect();
        let mut block_start = vec![false; code.instrs.len()];
        for ins in &code.instrs {
            if let Some(t) = ins.jump_target() {
                if let Some(b) = block_start.get_mut(t as usize) {
                    *b = true;
                }
            }
        }
        for e in &code.exc_table {
            if let Some(b) = block_start.get_mut(e.handler as usize) {
                *b = true;
            }
        }
        let block_start_copy = block_start.clone();
        let plan = regalloc.and_then(|noreg_at| regalloc::plan(code, noreg_at));
        let consts = crate::jit::const_calls::find(
            code,
            &block_start_copy,
            code.fast_argc() != u16::MAX,
            plan.as_ref().map(|p| p.fx()),
        );
        let lc = polls
            .sample
            .map(|_| linecount::LineCount::new(code, &block_start, || ops.new_dynamic_label()));
        Gen {
            code,
            ops,
            labels,
            cold: Vec::new(),
            notes: Vec::new(),
            bail_sites: Vec::new(),
            generic_at,
            demoted,
            settled: false,
            speculated: Vec::new(),
            listing,
            polls,
            lc,
            block_start,
            known: vec![None; code.nregs as usize],
            known_frame: vec![false; code.nregs as usize],
            bound: vec![false; code.nregs as usize],
            shared: Vec::new(),
            fail_used: false,
            rs: RegState {
                plan,
                stubs: vec![None; code.instrs.len()],
                stub_offsets: vec![u32::MAX; code.instrs.len()],
                ..Default::default()
            },
            method_sites: Vec::new(),
            entry_end: entry_end(code, &block_start_copy),
            paired: None,
            list_run: None,
            rsi_items: None,
            float_inline: false,
            no_entry: vec![false; code.instrs.len()],
            consts,
            deferred: None,
            pending_zero: 0,
            zero_redirect: None,
            direct_label: None,
            known_carry: None,
            mins: vec![None; code.nregs as usize],
            entry_checks: Vec::new(),
            zero_carry: None,
        }
    }

    /// Compile the settled version: no speculation anywhere (see `settled`).
    pub fn settled(mut self, settled: bool) -> Self {
        self.settled = settled;
        self
    }

    /// Whether the site at `pc` gets no speculation: its own kept failing,
    /// or this is the settled version.
    pub(super) fn is_demoted(&self, pc: u32) -> bool {
        self.settled || self.demoted.contains(&pc)
    }

    /// The global-function pair (`const_calls.rs`) instruction `pc` is in,
    /// unless it is in a register-allocated loop (which keeps the usual code).
    pub(super) fn const_call(&self, pc: u32) -> Option<crate::jit::const_calls::ConstCall> {
        let in_loop = |p: u32| {
            self.rs
                .plan
                .as_ref()
                .is_some_and(|pl| pl.region_at(p).is_some())
        };
        let c = (*self.consts.at.get(pc as usize)?)?;
        // A `LoadGlobal` that kept leaving (the global rebound) runs the
        // generic path: its `Call` can no longer rely on it.
        let generic = self.generic_at.contains(&c.load_pc);
        (!in_loop(pc) && !in_loop(c.load_pc) && !generic).then_some(c)
    }

    fn here(&self) -> u32 {
        self.ops.offset().0 as u32
    }

    /// A comment for the disassembly; formatted only when a listing is kept.
    fn comment(&mut self, text: std::fmt::Arguments) {
        if !self.listing {
            return;
        }
        let at = self.here();
        self.notes.push((at, Note::Comment(text.to_string())));
    }

    /// Queue code for the cold section. It is emitted in the register state
    /// of the code queueing it (which jumps there).
    fn cold(&mut self, f: impl FnOnce(&mut Gen<'a>) + 'a) {
        let mode = self.rs.mode;
        let copying = self.rs.copying;
        let deferred = self.deferred;
        let (pending_zero, zero_redirect) = (self.pending_zero, self.zero_redirect);
        self.cold.push(Box::new(move |g| {
            let saved = (
                g.rs.mode,
                g.rs.copying,
                g.deferred,
                g.pending_zero,
                g.zero_redirect,
            );
            g.rs.mode = mode;
            g.rs.copying = copying;
            g.deferred = deferred;
            g.pending_zero = pending_zero;
            g.zero_redirect = zero_redirect;
            f(g);
            (
                g.rs.mode,
                g.rs.copying,
                g.deferred,
                g.pending_zero,
                g.zero_redirect,
            ) = saved;
        }));
    }

    /// Compile the whole code object.
    pub fn generate(mut self) -> Generated {
        self.notes.push((
            0,
            Note::Section("entry: save registers, jump to the pc".into()),
        ));
        self.gen_prologue();
        self.make_peel_labels();
        self.eager_stubs();
        // Last before pc 0's code, which it falls into.
        let direct_offset = self.gen_direct_entry();
        let mut pc_offsets = vec![u32::MAX; self.code.instrs.len()];
        // Where the direct entry's clearing still waits (no entry from the
        // interpreter there: it would find registers cleared later).
        let mut zero_pending_at = vec![false; self.code.instrs.len()];
        // Where code relies on what a jump carried (`known_carry`): no entry
        // from the interpreter there.
        let mut no_entry_at = vec![false; self.code.instrs.len()];
        let mut last_line = 0;
        // The region whose register state the previous instruction falls
        // through in (None: the frame state).
        let mut fall: Option<u16> = None;
        for pc in 0..self.code.instrs.len() {
            let region = self
                .rs
                .plan
                .as_ref()
                .and_then(|p| p.region_at(pc as u32))
                .map(|r| r as u16);
            if pc > 0 && falls_through(&self.code.instrs[pc - 1]) && fall != region {
                // Falling out of a loop's register state spills; falling
                // into a loop goes through its entry stub.
                if let Some(r) = fall {
                    self.rs.mode.region = Some(r);
                    self.rs.mode.regs = true;
                    self.spill_for(pc as u32);
                }
                if region.is_some() {
                    self.rs.mode = Mode::default();
                    let stub = self.stub(pc as u32);
                    asm!(self.ops; jmp =>stub);
                }
            }
            // What is known to be spilled carries over a fall-through only.
            let reached_only_by_fallthrough = pc > 0
                && !self.block_start[pc]
                && falls_through(&self.code.instrs[pc - 1])
                && fall == region;
            self.rs.mode = Mode {
                region,
                regs: region.is_some(),
                pc: pc as u32,
                clean: if reached_only_by_fallthrough {
                    self.rs.mode.clean
                } else {
                    0
                },
            };
            let mut carried = false;
            if self.block_start[pc] && pc > 0 && !falls_through(&self.code.instrs[pc - 1]) {
                // Only jumps come here: they cleared the registers on their
                // edge, or left them to this code (`zero_carry`).
                self.pending_zero = 0;
                if let Some((_, z)) = self.zero_carry.filter(|&(t, _)| t == pc as u32) {
                    self.pending_zero = z;
                    self.zero_carry = None;
                    carried = true;
                }
            }
            if self.pending_zero != 0 && self.block_start[pc] && !carried {
                // Falling into a join: before its label, on the way in from
                // the previous instruction only (jumps here cleared them on
                // their edge, and may have written some since).
                self.clear_pending();
            }
            zero_pending_at[pc] = self.pending_zero != 0;
            let at = self.here();
            pc_offsets[pc] = at;
            let line = self.code.line_at(pc);
            if self.listing && line != last_line {
                let text = self.code.source.line_text(line).unwrap_or("").trim();
                self.notes.push((
                    at,
                    Note::Source {
                        line,
                        text: text.to_string(),
                    },
                ));
                last_line = line;
            }
            if self.listing {
                self.notes.push((
                    at,
                    Note::Bytecode {
                        pc: pc as u32,
                        line,
                        text: crate::bytecode::disasm::instr_text(self.code, pc),
                    },
                ));
                self.note_region(pc as u32);
            }
            let label = self.labels[pc];
            asm!(self.ops; =>label);
            // Control arrives here from elsewhere: nothing is known.
            let reached_only_by_fallthrough =
                pc > 0 && !self.block_start[pc] && falls_through(&self.code.instrs[pc - 1]);
            if !reached_only_by_fallthrough {
                self.forget_all();
            }
            if let Some((_, k, kf, b, m)) = self
                .known_carry
                .take_if(|c| c.0 == pc as u32 && region.is_none())
            {
                // Only the compare-and-branch that noted it comes here.
                self.known = k;
                self.known_frame = kf;
                self.bound = b;
                self.mins = m;
                no_entry_at[pc] = true;
            }
            if let Some(d) = self.deferred {
                let ins = &self.code.instrs[pc];
                if pc as u32 != d.call_pc && !(defer_through(ins) && reached_only_by_fallthrough) {
                    self.store_deferred();
                }
            }
            // Recording: count the lines of the block this starts.
            self.count_block(pc);
            if self.pending_zero != 0 && !self.keeps_pending_zero(pc as u32) {
                // After the label: the previous instruction's slow paths
                // rejoin here with the same registers still to clear (or
                // cleared by their spill, which is harmless to repeat).
                self.clear_pending();
            }
            if self.pending_zero != 0 {
                self.gen_instr_pending_zero(pc as u32);
            } else {
                self.gen_instr(pc as u32);
            }
            if let Some(d) = self
                .deferred
                .filter(|d| d.call_pc == pc as u32 && d.dead_after)
            {
                // Dropped unstored: nothing is known of the frame slot (a
                // later write must store its tag).
                self.deferred = None;
                self.known[d.reg as usize] = None;
                self.bound[d.reg as usize] = false;
                self.mins[d.reg as usize] = None;
            }
            self.carry_known(pc as u32);
            fall = self.rs.mode.region.filter(|_| self.rs.mode.regs);
        }
        // Falling off the end cannot happen (every code object ends in a
        // return), but make it a clean exit rather than running into the cold code.
        if let Some(r) = fall {
            self.rs.mode.region = Some(r);
            self.rs.mode.regs = true;
            self.spill();
        }
        self.rs.mode = Mode::default();
        let end = self.code.instrs.len().saturating_sub(1) as u32;
        self.exit_resume(end);
        self.emit_peeled();
        let entry_stubs = self.emit_entry_checks();
        let at = self.here();
        self.notes
            .push((at, Note::Section("slow paths and bail stubs".into())));
        // Cold code may queue more cold code (a slow path's own bail stub).
        while !self.cold.is_empty() {
            let cold = std::mem::take(&mut self.cold);
            for c in cold {
                c(&mut self);
            }
        }
        self.emit_shared_calls();
        self.emit_leave_chains();
        let line_counters = self.emit_line_counters();
        let entry_offsets = pc_offsets
            .iter()
            .enumerate()
            .map(
                |(pc, &o)| match self.rs.plan.as_ref().and_then(|p| p.region_at(pc as u32)) {
                    _ if !self.entry_allowed(pc) => u32::MAX,
                    _ if self.consts.no_entry[pc] || self.no_entry[pc] => u32::MAX,
                    _ if self.fused_into_prev(pc as u32) => u32::MAX,
                    _ if pc > 0 && zero_pending_at[pc] => u32::MAX,
                    _ if no_entry_at[pc] => u32::MAX,
                    _ if entry_stubs[pc] != u32::MAX => entry_stubs[pc],
                    Some(_) => self.rs.stub_offsets[pc],
                    None => o,
                },
            )
            .collect();
        Generated {
            ops: self.ops,
            direct_offset,
            pc_offsets,
            entry_offsets,
            notes: self.notes,
            bail_sites: self.bail_sites,
            speculated: self.speculated,
            method_sites: self.method_sites,
            line_counters,
        }
    }

    /// `extern "sysv64" fn(vm, regs, target) -> u64`: save r12 and pin `vm`
    /// there, then call the code's frame, which saves rbx, pins `regs` and
    /// jumps to the instruction's code. `->exit` undoes the frame and returns
    /// the outcome in rax to the `pop r12; ret` here.
    ///
    /// The code's frame is the direct entry's (`gen_direct_entry`): a direct
    /// call from compiled code arrives with `vm` in r12 already, so its frame
    /// saves rbx only (no frame pointer: nothing walks these frames), which
    /// with the return address keeps the stack 16-byte aligned. Both entries
    /// leave by the same `->exit` and `Return` code.
    ///
    /// r13-r15 are saved only when a register-allocated loop may use them
    /// (`regalloc::GPRS`): nothing else in compiled code touches them, and a
    /// direct call pays for every push and pop.
    /// The entry from Rust (`EntryFn`): r12 the VM and rbp the VM's frame
    /// count for all the compiled code it runs (the direct calls' pushes
    /// and pops keep it, `gen_calls.rs`), restored on the way out.
    fn gen_prologue(&mut self) {
        let frames_len = crate::jit::direct_site::frame_layout().frames_len;
        asm!(self.ops
            ; push r12
            ; push rbp
            ; mov r12, rdi
            ; mov rbp, [rdi + frames_len]
            // Keeps the stack 16-byte aligned at the code's helper calls.
            ; sub rsp, 8
            ; call >frame
            ; add rsp, 8
            ; pop rbp
            ; pop r12
            ; ret
            ; frame:
        );
        self.gen_save_regs();
        asm!(self.ops
            ; mov rbx, rsi
            ; jmp rdx
            ; ->exit:
        );
        self.gen_epilogue();
    }

    /// The code's frame: rbx, and r13-r15 when a loop may use them.
    fn gen_save_regs(&mut self) {
        asm!(self.ops; push rbx);
        if self.uses_r13_r15() {
            asm!(self.ops
                ; push r13
                ; push r14
                ; push r15
                ; sub rsp, 8
            );
        }
    }

    /// Undo `gen_save_regs` and return rax (to a compiled caller, or to
    /// `gen_prologue`'s trampoline).
    pub(super) fn gen_epilogue(&mut self) {
        if self.uses_r13_r15() {
            asm!(self.ops
                ; add rsp, 8
                ; pop r15
                ; pop r14
                ; pop r13
            );
        }
        asm!(self.ops
            ; pop rbx
            ; ret
        );
    }

    fn uses_r13_r15(&self) -> bool {
        self.rs.plan.as_ref().is_some_and(|p| !p.regions.is_empty())
    }

    /// The direct entry (`Generated::direct_offset`), for a direct call from
    /// compiled code (`gen_calls.rs`) that pushed this code's frame with
    /// exactly its positional parameters in place: the same frame of saved
    /// registers as `gen_prologue`'s (so `->exit` leaves both), but `vm`
    /// already in r12, the registers in rsi, and the registers after the
    /// parameters cleared here (unrolled: their number is this code's), as
    /// `Vm::push_frame` clears them. Then on to pc 0 (its entry stub when it
    /// starts a register-allocated loop). Emitted just before pc 0's code.
    fn gen_direct_entry(&mut self) -> Option<u32> {
        let params = self.code.fast_argc();
        if params == u16::MAX {
            return None;
        }
        self.notes.push((
            self.here(),
            Note::Section("direct entry: a compiled caller pushed the frame".into()),
        ));
        let at = self.here();
        let label = self.ops.new_dynamic_label();
        asm!(self.ops; =>label);
        self.direct_label = Some(label);
        self.gen_save_regs();
        asm!(self.ops; mov rbx, rsi);
        let nregs = self.code.nregs;
        if nregs - params.min(nregs) > 16 {
            asm!(self.ops
                ; mov eax, (params as i32) * 16
                ; clear:
                ; mov QWORD [rbx + rax], 0
                ; add eax, 16
                ; cmp eax, (nregs as i32) * 16
                ; jb <clear
            );
        } else {
            let written = self.entry_prefix_writes();
            let lazy = self.lazy_clear_ok();
            for r in params..nregs {
                if written.contains(&r) {
                    continue;
                }
                if lazy {
                    self.pending_zero |= 1 << r;
                } else {
                    asm!(self.ops; mov QWORD [rbx + slot(r)], 0);
                }
            }
        }
        // pc 0's code comes next, unless pc 0 is in a register-allocated
        // loop: then its entry stub.
        let in_loop = self
            .rs
            .plan
            .as_ref()
            .is_some_and(|p| p.region_at(0).is_some());
        if in_loop {
            let pc0 = self.label(0);
            asm!(self.ops; jmp =>pc0);
        }
        Some(at)
    }

    /// The registers the code's first instructions store constants into
    /// (`x = 0`, `if n < 2`'s 2), in their frame slots, before anything
    /// could look at the frame: the direct entry need not clear them. Not
    /// when pc 0 starts a register-allocated loop (its registers may be
    /// machine registers) or is generic (the interpreter runs it).
    fn entry_prefix_writes(&self) -> Vec<u16> {
        let mut out = Vec::new();
        let plan = self.rs.plan.as_ref();
        for (pc, ins) in self.code.instrs.iter().enumerate() {
            let pc32 = pc as u32;
            if plan.is_some_and(|p| p.region_at(pc32).is_some()) || self.generic_at.contains(&pc32)
            {
                break;
            }
            match *ins {
                // A deferred store may never happen: cleared then.
                Instr::LoadInt { .. } if self.load_int_deferred(pc32) => {}
                Instr::LoadInt { dst, .. }
                | Instr::LoadNone { dst }
                | Instr::LoadBool { dst, .. } => out.push(dst),
                _ => break,
            }
        }
        out
    }

    /// Store the deferred constant (`Gen::deferred`) into its slot, with no
    /// register: hot code that does so forgets it, cold code's state is its
    /// own (`cold`).
    pub(super) fn store_deferred(&mut self) {
        let Some(d) = self.deferred.take() else {
            return;
        };
        self.comment(format_args!("store r{} (deferred)", d.reg));
        asm!(self.ops
            ; mov QWORD [rbx + slot(d.reg)], d.tag as i32
            ; mov DWORD [rbx + pay(d.reg)], d.payload as u32 as i32
            ; mov DWORD [rbx + pay(d.reg) + 4], (d.payload >> 32) as u32 as i32
        );
    }

    /// The direct entry may leave its clearing to `pending_zero`: no
    /// register-allocated loop (whose states this does not follow), and few
    /// enough registers for the mask.
    fn lazy_clear_ok(&self) -> bool {
        !self.uses_r13_r15() && self.code.nregs <= 64
    }

    /// Store the pending clears (`Gen::pending_zero`): hot code that does
    /// so has none left, cold code's state is its own (`cold`).
    pub(super) fn clear_pending(&mut self) {
        let mut m = std::mem::take(&mut self.pending_zero);
        if m != 0 {
            self.comment(format_args!("clear the registers the entry left"));
        }
        while m != 0 {
            let r = m.trailing_zeros() as u16;
            m &= m - 1;
            asm!(self.ops; mov QWORD [rbx + slot(r)], 0);
        }
    }

    /// Whether instruction `pc` may run with registers still to clear
    /// (`Gen::pending_zero`): it writes one register or returns, reads no
    /// register still to clear, and reaches the frame only through a spill
    /// (or, a compare-and-branch, jumps through `gen_instr_pending_zero`'s
    /// trampoline).
    fn keeps_pending_zero(&self, pc: u32) -> bool {
        let z = self.pending_zero;
        let pending = |r: u16| r < 64 && z & (1 << r) != 0;
        if self.generic_at.contains(&pc) {
            return false;
        }
        match self.code.instrs[pc as usize] {
            Instr::LoadInt { .. }
            | Instr::LoadNone { .. }
            | Instr::LoadBool { .. }
            | Instr::ReturnNone {} => true,
            Instr::Return { src } => !pending(src),
            // The function a call uses (`const_calls.rs`): a compare, or a
            // spill and leave.
            Instr::LoadGlobal { .. } => self.const_call(pc).is_some(),
            Instr::AddI { a, .. } | Instr::SubI { a, .. } => !pending(a),
            Instr::Add { a, b, .. } | Instr::Sub { a, b, .. } | Instr::Mul { a, b, .. } => {
                !pending(a) && !pending(b)
            }
            Instr::JumpIfNotLt { a, b, .. }
            | Instr::JumpIfNotLe { a, b, .. }
            | Instr::JumpIfNotGt { a, b, .. }
            | Instr::JumpIfNotGe { a, b, .. }
            | Instr::JumpIfNotEq { a, b, .. }
            | Instr::JumpIfNotNe { a, b, .. } => {
                // A deferred constant operand is written by the clear-then-
                // store order of `spill`; an unwritten one is never read.
                let deferred = |r: u16| self.deferred.is_some_and(|d| d.reg == r);
                !(pending(a) && !deferred(a)) && !(pending(b) && !deferred(b))
            }
            _ => false,
        }
    }

    /// Compile instruction `pc` (`keeps_pending_zero`) with registers still
    /// to clear: a compare-and-branch's jump goes through a trampoline that
    /// clears them; what the instruction writes needs no clearing after.
    fn gen_instr_pending_zero(&mut self, pc: u32) {
        let ins = self.code.instrs[pc as usize];
        let Some(t) = compare_branch_target(ins) else {
            self.gen_instr(pc);
            let written = match ins {
                Instr::LoadInt { .. } if self.load_int_deferred(pc) => None,
                Instr::LoadInt { dst, .. }
                | Instr::LoadNone { dst }
                | Instr::LoadBool { dst, .. }
                | Instr::AddI { dst, .. }
                | Instr::SubI { dst, .. }
                | Instr::Add { dst, .. }
                | Instr::Sub { dst, .. }
                | Instr::Mul { dst, .. } => Some(dst),
                // Unless its store is deferred to the call.
                Instr::LoadGlobal { dst, .. } => {
                    (!self.deferred.is_some_and(|d| d.reg == dst)).then_some(dst)
                }
                _ => None,
            };
            if let Some(d) = written.filter(|&d| d < 64) {
                self.pending_zero &= !(1 << d);
            }
            return;
        };
        if self.zero_carry.is_none() && self.only_jump_from(t, pc) {
            // The target's code goes on clearing lazily (one target at a
            // time: another one's jumps clear on their edge).
            self.gen_instr(pc);
            self.zero_carry = Some((t, self.pending_zero));
            return;
        }
        let tramp = self.ops.new_dynamic_label();
        self.zero_redirect = Some((t, tramp));
        self.gen_instr(pc);
        self.zero_redirect = None;
        let to = self.labels[t as usize];
        self.cold(move |g| {
            asm!(g.ops; =>tramp);
            g.comment(format_args!(
                "pc {pc}: the jump clears the registers the entry left"
            ));
            g.clear_pending();
            asm!(g.ops; jmp =>to);
        });
    }

    /// Whether the only way to instruction `t` is a jump from `pc` (no other
    /// jump, no fall-through, no handler; the interpreter does not enter
    /// where clearing waits).
    fn only_jump_from(&self, t: u32, pc: u32) -> bool {
        let n = self.code.instrs.len() as u32;
        t > pc
            && t < n
            && !falls_through(&self.code.instrs[t as usize - 1])
            && !self.code.exc_table.iter().any(|e| e.handler == t)
            && self
                .code
                .instrs
                .iter()
                .enumerate()
                .all(|(q, i)| q as u32 == pc || i.jump_target() != Some(t))
    }

    /// Whether the `LoadInt` at `pc` leaves its store to the next
    /// instruction's slow paths (`Gen::deferred`): a compare-and-branch
    /// that takes the constant as an immediate (its second operand only),
    /// reached only from here, after which the temporary is dead (`if n <
    /// 2:`'s 2). Not in a register-allocated loop.
    fn load_int_deferred(&self, pc: u32) -> bool {
        let Some(Instr::LoadInt { dst, .. }) = self.code.instrs.get(pc as usize).copied() else {
            return false;
        };
        let next = pc + 1;
        let Some(ins) = self.code.instrs.get(next as usize).copied() else {
            return false;
        };
        let in_loop = |p: u32| {
            self.rs
                .plan
                .as_ref()
                .is_some_and(|pl| pl.region_at(p).is_some())
        };
        let b_only = match ins {
            Instr::JumpIfNotLt { a, b, .. }
            | Instr::JumpIfNotLe { a, b, .. }
            | Instr::JumpIfNotGt { a, b, .. }
            | Instr::JumpIfNotGe { a, b, .. }
            | Instr::JumpIfNotEq { a, b, .. }
            | Instr::JumpIfNotNe { a, b, .. } => b == dst && a != dst,
            _ => false,
        };
        let temp = self
            .code
            .reg_names
            .get(dst as usize)
            .is_none_or(|n| n.is_none());
        b_only
            && temp
            && !self.block_start[next as usize]
            && !in_loop(pc)
            && !in_loop(next)
            && !self.generic_at.contains(&pc)
            && !self.generic_at.contains(&next)
            && crate::jit::liveness::dead_after(self.code, next, dst)
    }

    /// Whether the `LoadGlobal` at `pc` may leave its register's store to
    /// the `Call` at `call_pc` (`Gen::deferred`): every instruction between
    /// lets it through.
    pub(super) fn may_defer(&self, pc: u32, call_pc: u32, reg: u16) -> bool {
        ((pc + 1)..call_pc).all(|q| {
            let ins = &self.code.instrs[q as usize];
            defer_through(ins) && !reads(ins, reg)
        })
    }

    /// Where a jump to instruction `pc` goes from the code being emitted
    /// (its code, its loop's entry stub, or code leaving a loop first).
    fn label(&mut self, pc: u32) -> DynamicLabel {
        self.jump_label(pc)
    }

    fn next(&mut self, pc: u32) -> DynamicLabel {
        // A jump to the instruction after the last one cannot be emitted; the
        // compiler always ends code with a return, so pc + 1 exists for every
        // instruction that falls through.
        let n = (pc as usize + 1).min(self.labels.len() - 1);
        self.jump_label(n as u32)
    }

    /// Entry stubs for where the interpreter enters a register-allocated
    /// loop: its headers (on-stack replacement at a back-edge), after calls
    /// (a callee the interpreter ran returns there) and exception handlers.
    fn eager_stubs(&mut self) {
        let Some(plan) = self.rs.plan.as_ref() else {
            return;
        };
        let mut at = Vec::new();
        for (pc, ins) in self.code.instrs.iter().enumerate() {
            if let Instr::Jump { target } = ins {
                if (*target as usize) <= pc {
                    at.push(*target as u32);
                }
            }
            if matches!(
                ins,
                Instr::Call { .. }
                    | Instr::CallKw { .. }
                    | Instr::CallEx { .. }
                    | Instr::CallMethod { .. }
            ) {
                at.push(pc as u32 + 1);
            }
        }
        at.extend(self.code.exc_table.iter().map(|e| e.handler));
        at.retain(|&pc| plan.region_at(pc).is_some());
        at.sort();
        at.dedup();
        for pc in at {
            self.stub(pc);
        }
    }

    /// Compile one instruction. Inside a register-allocated loop, one that
    /// is not register-aware runs on the frame: spill before it, reload
    /// after it (see `regalloc.rs`).
    fn gen_instr(&mut self, pc: u32) {
        if self.fused_slice(pc) {
            return self.gen_slice_fused(pc);
        }
        if self.fused_into_prev(pc) {
            self.comment(format_args!("done with the slice at pc {}", pc - 1));
            return;
        }
        let ins = self.code.instrs[pc as usize];
        let Some(region) = self.rs.mode.region else {
            return self.gen_instr_inner(pc);
        };
        if regalloc::reg_aware(&ins) && !self.generic_at.contains(&pc) {
            return self.gen_instr_inner(pc);
        }
        self.spill();
        self.rs.mode.regs = false;
        self.gen_instr_inner(pc);
        let next_inside = self
            .rs
            .plan
            .as_ref()
            .is_some_and(|p| p.regions[region as usize].contains(pc + 1));
        if falls_through(&ins) && next_inside {
            // An inline template that calls nothing leaves the caller-saved
            // registers alone.
            let called = !regalloc::keeps_registers(&ins) || self.generic_at.contains(&pc);
            self.reload_after(pc, called);
            self.rs.mode.regs = true;
        }
    }

    fn gen_instr_inner(&mut self, pc: u32) {
        let ins = self.code.instrs[pc as usize];
        if self.generic_at.contains(&pc) {
            self.comment(format_args!("kept bailing: generic path only"));
            let target = ins.jump_target();
            self.step_inline(pc, ExitReason::Generic, target, true);
            self.forget_all();
            return;
        }
        self.keep_list_run(&ins);
        let numeric = self.keep_rsi_items(&ins);
        match ins {
            Instr::Nop {} => {}
            Instr::Move { dst, src } => self.gen_move(dst, src),
            Instr::LoadInt { dst, imm } if self.load_int_deferred(pc) => {
                // Only the next instruction's slow paths read it. Known for
                // that instruction (its immediate), forgotten after it.
                let payload = imm as i16 as i64 as u64;
                self.comment(format_args!(
                    "r{dst}: stored only if the next instruction's slow path needs it"
                ));
                self.set_known(
                    dst,
                    Some(Known {
                        tag: tags::INT,
                        value: Some(payload),
                    }),
                );
                self.deferred = Some(Deferred {
                    reg: dst,
                    tag: tags::INT,
                    payload,
                    call_pc: pc + 1,
                    dead_after: true,
                });
            }
            Instr::LoadInt { dst, imm } => {
                self.store_const(dst, tags::INT, imm as i16 as i64 as u64)
            }
            Instr::LoadNone { dst } => self.store_const(dst, tags::NONE, 0),
            Instr::LoadBool { dst, imm } => self.store_const(dst, tags::BOOL, (imm != 0) as u64),
            Instr::LoadConst { dst, k } => self.gen_load_const(dst, k),
            Instr::Add { dst, a, b } | Instr::IAdd { dst, a, b } => {
                self.gen_numeric(pc, NumOp::Arith(FloatOp::Add), dst, a, Opnd::Reg(b))
            }
            Instr::Sub { dst, a, b } | Instr::ISub { dst, a, b } => {
                self.gen_numeric(pc, NumOp::Arith(FloatOp::Sub), dst, a, Opnd::Reg(b))
            }
            Instr::Mul { dst, a, b } | Instr::IMul { dst, a, b } => {
                self.gen_numeric(pc, NumOp::Arith(FloatOp::Mul), dst, a, Opnd::Reg(b))
            }
            // x - imm is x + (-imm) for ints and (IEEE 754) for floats.
            Instr::AddI { dst, a, imm } => self.gen_numeric(
                pc,
                NumOp::Arith(FloatOp::Add),
                dst,
                a,
                Opnd::Imm(imm as i16 as i32),
            ),
            Instr::SubI { dst, a, imm } => self.gen_numeric(
                pc,
                NumOp::Arith(FloatOp::Add),
                dst,
                a,
                Opnd::Imm(-(imm as i16 as i32)),
            ),
            Instr::TrueDiv { dst, a, b } => {
                self.gen_numeric(pc, NumOp::TrueDiv, dst, a, Opnd::Reg(b))
            }
            // In-place forms on ints are the plain ones (anything else, like a
            // set's `|=`, takes the slow path).
            Instr::BitAnd { dst, a, b } | Instr::IAnd { dst, a, b } => {
                self.gen_int_op(pc, IntOp::And, dst, a, b)
            }
            Instr::BitOr { dst, a, b } | Instr::IOr { dst, a, b } => {
                self.gen_int_op(pc, IntOp::Or, dst, a, b)
            }
            Instr::BitXor { dst, a, b } | Instr::IXor { dst, a, b } => {
                self.gen_int_op(pc, IntOp::Xor, dst, a, b)
            }
            Instr::FloorDiv { dst, a, b } => self.gen_int_op(pc, IntOp::FloorDiv, dst, a, b),
            Instr::Mod { dst, a, b } => self.gen_int_op(pc, IntOp::Mod, dst, a, b),
            Instr::RShift { dst, a, b } => self.gen_int_op(pc, IntOp::Shr, dst, a, b),
            Instr::LShift { dst, a, b } => self.gen_int_op(pc, IntOp::Shl, dst, a, b),
            Instr::Lt { dst, a, b } => {
                self.gen_numeric(pc, NumOp::Cmp(CmpOp::Lt), dst, a, Opnd::Reg(b))
            }
            Instr::Le { dst, a, b } => {
                self.gen_numeric(pc, NumOp::Cmp(CmpOp::Le), dst, a, Opnd::Reg(b))
            }
            Instr::Gt { dst, a, b } => {
                self.gen_numeric(pc, NumOp::Cmp(CmpOp::Gt), dst, a, Opnd::Reg(b))
            }
            Instr::Ge { dst, a, b } => {
                self.gen_numeric(pc, NumOp::Cmp(CmpOp::Ge), dst, a, Opnd::Reg(b))
            }
            Instr::Eq { dst, a, b } => {
                self.gen_numeric(pc, NumOp::Cmp(CmpOp::Eq), dst, a, Opnd::Reg(b))
            }
            Instr::Ne { dst, a, b } => {
                self.gen_numeric(pc, NumOp::Cmp(CmpOp::Ne), dst, a, Opnd::Reg(b))
            }
            Instr::JumpIfNotLt { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Lt),
            Instr::JumpIfNotLe { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Le),
            Instr::JumpIfNotGt { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Gt),
            Instr::JumpIfNotGe { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Ge),
            Instr::JumpIfNotEq { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Eq),
            Instr::JumpIfNotNe { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Ne),
            Instr::JumpIfFalse { cond, target } => self.gen_cond_jump(pc, cond, target, false),
            Instr::JumpIfTrue { cond, target } => self.gen_cond_jump(pc, cond, target, true),
            Instr::Jump { target } => self.gen_jump(pc, target),
            Instr::ForIter { dst, iter, target } => {
                if self.rs.mode.regs {
                    self.gen_for_iter_reg(pc, dst, iter, target);
                } else {
                    self.gen_for_iter(pc, dst, iter, target);
                }
                self.forget_all();
            }
            Instr::CheckBound { reg, .. } => self.gen_check_bound(pc, reg),
            Instr::Is { dst, a, b } => self.gen_is(dst, a, b, false),
            Instr::IsNot { dst, a, b } => self.gen_is(dst, a, b, true),
            Instr::Not { dst, src } => self.gen_not(pc, dst, src),
            Instr::Neg { dst, src } => self.gen_neg(pc, dst, src),
            Instr::Pow { dst, a, b } => self.gen_pow(pc, dst, a, b),
            Instr::LoadGlobal { dst, slot, .. } => self.gen_load_global(pc, dst, slot),
            Instr::LoadAttr { dst, obj, name } => self.gen_attr(pc, obj, name, dst, true),
            Instr::StoreAttr { obj, name, src } => self.gen_attr(pc, obj, name, src, false),
            Instr::Subscr { dst, obj, key } => self.gen_subscr(pc, dst, obj, key),
            Instr::StoreSubscr { obj, key, src } => self.gen_store_subscr(pc, obj, key, src),
            Instr::Unpack { start, src, count } => self.gen_unpack(pc, start, src, count),
            Instr::LoadDeref { .. } => self.call_fast(pc, fast::jit_load_deref as *const ()),
            Instr::StoreDeref { .. } => self.call_fast(pc, fast::jit_store_deref as *const ()),
            Instr::LoadClosure { .. } => self.call_fast(pc, fast::jit_load_closure as *const ()),
            Instr::MakeFunction { .. } => self.call_fast(pc, lean::jit_make_function as *const ()),
            Instr::StoreGlobal { .. } => self.call_fast(pc, fast::jit_store_global as *const ()),
            Instr::ListAppend { .. } => self.call_fast(pc, fast::jit_list_append as *const ()),
            Instr::GetIter { dst, src } => self.gen_get_iter(pc, dst, src),
            Instr::BuildSlice { .. } => self.call_fast(pc, lean::jit_build_slice as *const ()),
            Instr::BuildList { .. }
            | Instr::BuildTuple { .. }
            | Instr::BuildString { .. }
            | Instr::FormatValue { .. } => self.call_fast(pc, lean::jit_build_any as *const ()),
            Instr::In { .. } | Instr::NotIn { .. } => {
                self.call_fast(pc, lean::jit_contains as *const ())
            }
            Instr::Call { .. }
            | Instr::CallKw { .. }
            | Instr::CallEx { .. }
            | Instr::CallMethod { .. } => self.gen_call(pc),
            Instr::Return { .. } | Instr::ReturnNone {} => self.gen_return(pc),
            Instr::Yield { .. } => {
                self.gen_yield(pc);
                self.forget_all();
            }
            // Generators' frame changes belong to the interpreter.
            Instr::YieldFrom { .. } => {
                self.comment(format_args!("hand the call/return to the interpreter"));
                self.exit_resume_counted(pc);
                self.forget_all();
            }
            other => {
                let target = other.jump_target();
                self.step_inline(pc, ExitReason::Generic, target, true);
                self.forget_all();
            }
        }
        if numeric && !self.float_inline {
            self.rsi_items = None;
        }
    }

    // ------------------------------------------------------------ known types

    /// Forget everything known about registers (a block boundary, or code
    /// that may have written any of them).
    fn forget_all(&mut self) {
        self.paired = None;
        self.list_run = None;
        self.rsi_items = None;
        self.known.iter_mut().for_each(|k| *k = None);
        self.mins.iter_mut().for_each(|m| *m = None);
        self.bound.iter_mut().for_each(|b| *b = false);
    }

    /// After compare-and-branch `pc`: when its target is reached only by
    /// its jump, the target starts knowing what holds here (the templates'
    /// notes hold on both edges: the slow paths that rejoin either edge
    /// with less note less). Outside register-allocated loops only.
    fn carry_known(&mut self, pc: u32) {
        let ins = self.code.instrs[pc as usize];
        let Some(target) = compare_branch_target(ins) else {
            return;
        };
        // Lower bounds from comparing an int with a constant: the jump is
        // taken when the comparison is false, falls through when true.
        let (jump_min, fall_min) = self.compare_mins(pc, ins);
        if let Some((a, m)) = fall_min {
            self.mins[a as usize] = Some(m);
        }
        let in_loop = |p: u32| {
            self.rs
                .plan
                .as_ref()
                .is_some_and(|plan| plan.region_at(p).is_some())
        };
        if self.generic_at.contains(&pc)
            || in_loop(pc)
            || in_loop(target)
            || !self.only_jump_from(target, pc)
            || self.known.iter().all(|k| k.is_none())
        {
            return;
        }
        let mut mins = self.mins.clone();
        if let Some((a, m)) = jump_min {
            mins[a as usize] = Some(m);
        }
        if fall_min.is_some() {
            // Not on the jump's edge.
            mins[fall_min.unwrap().0 as usize] = None;
        }
        self.known_carry = Some((
            target,
            self.known.clone(),
            self.known_frame.clone(),
            self.bound.clone(),
            mins,
        ));
    }

    /// The lower bound compare-and-branch `pc` establishes for its first
    /// operand on its jump's edge and on its fall-through, when that operand
    /// is known to be an int now (the compare left compiled code for
    /// anything else) and the other is the constant the instruction before
    /// loaded (`if n < 2`'s 2).
    fn compare_mins(&self, pc: u32, ins: Instr) -> (Option<(u16, i64)>, Option<(u16, i64)>) {
        let (a, b) = match ins {
            Instr::JumpIfNotLt { a, b, .. }
            | Instr::JumpIfNotLe { a, b, .. }
            | Instr::JumpIfNotGt { a, b, .. }
            | Instr::JumpIfNotGe { a, b, .. } => (a, b),
            _ => return (None, None),
        };
        let prev = pc.checked_sub(1).map(|p| (p, self.code.instrs[p as usize]));
        let c = match prev {
            Some((p, Instr::LoadInt { dst, imm }))
                if dst == b && !self.block_start[pc as usize] =>
            {
                let _ = p;
                imm as i64
            }
            _ => return (None, None),
        };
        if a == b || self.known_tag(a) != Some(tags::INT) || self.rs.mode.region.is_some() {
            return (None, None);
        }
        match ins {
            // Not a < c: a >= c.
            Instr::JumpIfNotLt { .. } => (Some((a, c)), None),
            // Not a <= c: a > c.
            Instr::JumpIfNotLe { .. } => (Some((a, c + 1)), None),
            // a > c, a >= c on the fall-through.
            Instr::JumpIfNotGt { .. } => (None, Some((a, c + 1))),
            Instr::JumpIfNotGe { .. } => (None, Some((a, c))),
            _ => (None, None),
        }
    }

    /// After a call whose callee's registers start at `first` (its result
    /// register, or above): the call leaves the registers below alone (the
    /// callee and whatever it runs have frames of their own), so what is
    /// known of their tags holds after it. The interpreter, which enters
    /// after a call (a callee it ran returned), enters through a stub that
    /// checks those tags (`emit_entry_checks`).
    fn keep_known_below(&mut self, pc: u32, first: u16) {
        self.paired = None;
        let next = pc + 1;
        if self.rs.mode.region.is_some()
            || next as usize >= self.code.instrs.len()
            || self.block_start[next as usize]
        {
            self.forget_all();
            return;
        }
        let mut checks = Vec::new();
        for r in 0..self.known.len() {
            let keep = (r as u16) < first;
            match self.known[r] {
                Some(k) if keep && self.known_frame[r] => {
                    self.known[r] = Some(Known {
                        tag: k.tag,
                        value: None,
                    });
                    self.bound[r] = true;
                    checks.push((r as u16, k.tag));
                    // A bound holds too: the code reached the call by the
                    // same instructions as the interpreter, which wrote no
                    // int there other than the one compared (the entry stub
                    // checks it is an int still).
                }
                _ => {
                    self.known[r] = None;
                    self.bound[r] = false;
                    self.mins[r] = None;
                }
            }
        }
        if !checks.is_empty() {
            let l = self.ops.new_dynamic_label();
            self.entry_checks.push((next, checks, l));
        }
    }

    /// The interpreter's entries after calls that kept knowledge
    /// (`keep_known_below`): check the tags, else leave for the interpreter
    /// to run the instruction. Their offsets by pc (u32::MAX: none).
    fn emit_entry_checks(&mut self) -> Vec<u32> {
        let mut at = vec![u32::MAX; self.code.instrs.len()];
        for (pc, checks, l) in std::mem::take(&mut self.entry_checks) {
            at[pc as usize] = self.here();
            self.comment(format_args!(
                "pc {pc}: the interpreter's entry: the registers as the code after the call knows them?"
            ));
            let fail = self.ops.new_dynamic_label();
            asm!(self.ops; =>l);
            for (r, tag) in checks {
                asm!(self.ops
                    ; cmp QWORD [rbx + slot(r)], tag as i32
                    ; jne =>fail
                );
            }
            let to = self.labels[pc as usize];
            let w = (KIND_RESUME << 32) | pc as u64;
            asm!(self.ops
                ; jmp =>to
                ; =>fail
                ; mov rax, QWORD w as i64
                ; jmp ->exit
            );
        }
        at
    }

    /// Whether int `r` plus `delta` (<= 0) cannot overflow: its known
    /// lower bound leaves room (`Gen::mins`).
    fn min_of(&self, r: u16, delta: i32) -> bool {
        let Some(Some(m)) = self.mins.get(r as usize).copied() else {
            return false;
        };
        self.known_tag(r) == Some(tags::INT)
            && self.rs.mode.region.is_none()
            && m as i128 + delta as i128 >= i64::MIN as i128
    }

    fn is_bound(&self, r: u16) -> bool {
        self.bound.get(r as usize).copied().unwrap_or(false)
    }

    fn set_bound(&mut self, r: u16, b: bool) {
        if let Some(x) = self.bound.get_mut(r as usize) {
            *x = b;
        }
    }

    fn known_of(&self, r: u16) -> Option<Known> {
        let k = self.known.get(r as usize).copied().flatten();
        let frame = self.known_frame.get(r as usize).copied().unwrap_or(false);
        self.known_with_alloc(r, k, frame)
    }

    fn known_tag(&self, r: u16) -> Option<u64> {
        self.known_of(r).map(|k| k.tag)
    }

    /// After a signed compare of two ints (`cmp a, b`): to `t` unless
    /// `a <cmp> b`.
    pub(super) fn jump_unless_int(&mut self, cmp: CmpOp, t: DynamicLabel) {
        match cmp {
            CmpOp::Lt => asm!(self.ops; jge =>t),
            CmpOp::Le => asm!(self.ops; jg =>t),
            CmpOp::Gt => asm!(self.ops; jle =>t),
            CmpOp::Ge => asm!(self.ops; jl =>t),
            CmpOp::Eq => asm!(self.ops; jne =>t),
            CmpOp::Ne => asm!(self.ops; je =>t),
        }
    }

    fn set_known(&mut self, r: u16, k: Option<Known>) {
        let frame = self.alloc_of(r).is_none();
        if let Some(slot) = self.known.get_mut(r as usize) {
            *slot = k;
        }
        if let Some(m) = self.mins.get_mut(r as usize) {
            *m = None;
        }
        if let Some(f) = self.known_frame.get_mut(r as usize) {
            *f = frame;
        }
        // Templates note what they wrote: a value, never an unbound slot
        // (`gen_move`, which copies one, corrects this).
        self.set_bound(r, true);
    }

    fn set_tag(&mut self, r: u16, tag: u64) {
        self.set_known(r, Some(Known { tag, value: None }));
    }

    /// A register's kind for the numeric templates.
    fn kind_of(&self, r: u16) -> Kind {
        match self.known_tag(r) {
            None => Kind::Unknown,
            Some(tags::INT) => Kind::Int,
            Some(tags::FLOAT) => Kind::Float,
            Some(_) => Kind::NotNumber,
        }
    }

    /// The int constant a register is known to hold.
    fn known_int(&self, r: u16) -> Option<i64> {
        match self.known_of(r) {
            Some(Known {
                tag: tags::INT,
                value: Some(v),
            }) => Some(v as i64),
            _ => None,
        }
    }

    /// The int constant a register is known to hold, if it fits an imm32.
    fn known_imm(&self, r: u16) -> Option<i32> {
        self.known_int(r).and_then(|v| i32::try_from(v).ok())
    }

    /// Note in the listing that a check on `r` was left out.
    fn note_known(&mut self, r: u16) {
        if self.listing {
            if let Some(t) = self.known_tag(r) {
                self.comment(format_args!("r{r} known {}: no check", tag_name(t)));
            }
        }
    }

    // ------------------------------------------------------------ moves and loads

    fn gen_move(&mut self, dst: u16, src: u16) {
        if dst == src {
            return;
        }
        let k = self.known_of(src);
        if let (Some(MReg::Xmm(s)), Some(MReg::Xmm(d))) = (self.in_reg(src), self.in_reg(dst)) {
            // Two float registers (the allocation gives XMM registers to
            // floats only).
            self.dirtied(dst);
            asm!(self.ops; movapd Rx(d), Rx(s));
        } else if k.is_some() && k.map(|k| k.tag) == self.known_tag(dst) {
            // Same tag already there: copy the payload only.
            self.load_gpr(1, src);
            self.put_word(dst, 1, k.map(|k| k.tag).unwrap_or(0), true);
        } else if let (Some(k), None) = (k, self.alloc_of(dst)) {
            // A known tag (a register local's, say) into a frame slot.
            self.load_gpr(1, src);
            asm!(self.ops
                ; mov QWORD [rbx + slot(dst)], k.tag as i32
                ; mov QWORD [rbx + pay(dst)], rcx
            );
        } else if !self.move_frame_to_reg(dst, src) {
            asm!(self.ops; mov rax, QWORD [rbx + slot(src)]);
            self.load_gpr(1, src);
            self.put_value_rax_rcx(dst);
        }
        let bound = k.is_some_and(|k| k.tag != tags::UNDEFINED) || self.is_bound(src);
        self.set_known(dst, k);
        self.set_bound(dst, bound);
    }

    /// Store a constant value; its tag is not stored again when known.
    fn store_const(&mut self, dst: u16, tag: u64, payload: u64) {
        let tag_known = self.known_tag(dst) == Some(tag);
        self.put_const(dst, tag, payload, tag_known);
        self.set_known(
            dst,
            Some(Known {
                tag,
                value: Some(payload),
            }),
        );
    }

    fn gen_load_const(&mut self, dst: u16, k: u16) {
        let v = self.code.consts[k as usize];
        let (tag, payload) = value_words(&v);
        // Heap constants are kept alive by the code object, which outlives its
        // compiled code, so their addresses may be embedded.
        self.store_const(dst, tag, payload);
    }

    // ------------------------------------------------------------ feedback

    /// The template a numeric site gets from what it saw in the interpreter.
    fn spec_at(&self, pc: u32) -> Spec {
        use feedback::{FLOAT, INT, MIXED, OTHER};
        let fb = self.code.feedback.get(pc as usize);
        if fb == 0 {
            // The int paths note nothing: a site every earlier call ran (in
            // the entry block of code the interpreter ran before it became
            // hot) saw only ints. Speculating on that is safe either way: a
            // wrong guess leaves compiled code and, repeated, demotes the site.
            // Once any speculation of this code failed that often (a function
            // first called with ints, then with floats), no more guesses: the
            // others would fail the same way, each costing a recompile.
            let ran = pc < self.entry_end && self.code.jit.hot.get() >= 2;
            if ran && self.demoted.is_empty() && !self.settled {
                return Spec::Int;
            }
            return Spec::Default;
        }
        if fb & (INT | FLOAT | MIXED) == 0 {
            return Spec::Generic;
        }
        if self.is_demoted(pc) || fb & OTHER != 0 {
            return Spec::Default;
        }
        if fb & INT == 0 {
            return Spec::Float {
                mixed: fb & MIXED != 0,
            };
        }
        if fb == INT {
            return Spec::Int;
        }
        Spec::Default
    }

    /// The interpreter's path for a site that saw only other types.
    fn gen_generic_by_feedback(&mut self, pc: u32, target: Option<u32>) {
        self.comment(format_args!(
            "feedback: {}: generic path",
            feedback::describe(self.code.feedback.get(pc as usize))
        ));
        if target.is_none() && lean::binop_of(&self.code.instrs[pc as usize]).is_some() {
            self.call_fast(pc, lean::jit_binary_any as *const ());
            return;
        }
        self.step_inline(pc, ExitReason::Generic, target, true);
        self.forget_all();
    }

    // ------------------------------------------------------------ numeric templates

    /// Guard that register `r` holds `tag`; jump to `fail` otherwise.
    fn guard_tag(&mut self, r: u16, tag: u64, fail: DynamicLabel) {
        asm!(self.ops
            ; cmp QWORD [rbx + slot(r)], tag as i32
            ; jne =>fail
        );
    }

    /// Add, Sub, Mul (and their in-place and immediate forms), TrueDiv, the
    /// comparisons and compare-and-branch: one template, shaped by the
    /// site's feedback and what is known of the operands.
    fn gen_numeric(&mut self, pc: u32, op: NumOp, dst: u16, a: u16, b: Opnd) {
        let target = match op {
            NumOp::CmpJump(_, t) => Some(t),
            _ => None,
        };
        // `x + 1`: the interpreter notes a float `x` as FLOAT, not a mix.
        let imm_operand = matches!(b, Opnd::Imm(_));
        // A register operand known to hold a small int constant is used as
        // an immediate.
        let b = match b {
            Opnd::Reg(r) => match self.known_imm(r) {
                Some(i) => Opnd::Imm(i),
                None => Opnd::Reg(r),
            },
            imm => imm,
        };
        let ka = self.kind_of(a);
        let kb = match b {
            Opnd::Reg(r) => self.kind_of(r),
            Opnd::Imm(_) => Kind::Int,
        };
        let spec = self.spec_at(pc);
        if ka == Kind::NotNumber || kb == Kind::NotNumber || spec == Spec::Generic {
            if spec == Spec::Generic {
                self.gen_generic_by_feedback(pc, target);
            } else {
                self.comment(format_args!("an operand is known not to be a number"));
                self.step_inline(pc, ExitReason::Generic, target, true);
                self.forget_all();
            }
            return;
        }
        // Which path goes inline, and where failed guards go.
        let int_possible = ka != Kind::Float && kb != Kind::Float;
        let float_possible = !(ka == Kind::Int && kb == Kind::Int);
        let (mut hot_int, mut on_fail, mut mixed) = match spec {
            Spec::Float { mixed } => (false, OnFail::Deopt, mixed),
            // Only int arithmetic's overflow notes INT (its fast path does not
            // note): a site that overflowed before keeps the rejoining template.
            // (Or a site that ran but noted nothing, so never overflowed.)
            Spec::Int
                if !matches!(op, NumOp::Arith(_)) || self.code.feedback.get(pc as usize) == 0 =>
            {
                (true, OnFail::Deopt, false)
            }
            _ => (true, OnFail::Rejoin, true),
        };
        if hot_int && !int_possible {
            hot_int = false;
        }
        if !hot_int && !float_possible {
            hot_int = true;
        }
        // Known operand kinds the speculation did not expect: take the
        // default template's behaviour rather than a path sure to fail.
        let contradicts = match spec {
            Spec::Int => !int_possible,
            Spec::Float { mixed: false } => ka == Kind::Int || (kb == Kind::Int && !imm_operand),
            _ => false,
        };
        if contradicts {
            on_fail = OnFail::Rejoin;
            mixed = true;
        }
        let speculating = on_fail == OnFail::Deopt;
        if self.listing {
            let fb = self.code.feedback.get(pc as usize);
            let plan = match (hot_int, speculating) {
                (true, true) => "int path inline, anything else leaves",
                (false, true) => "float path inline, anything else leaves",
                (true, false) if float_possible => "int path inline, float path cold",
                (true, false) => "int path inline",
                (false, false) => "float path inline",
            };
            self.comment(format_args!("feedback: {}: {plan}", feedback::describe(fb)));
        }
        let n = Num {
            pc,
            op,
            dst,
            a,
            b,
            ka,
            kb,
            mixed,
            fail: self.ops.new_dynamic_label(),
            dst_tag: self.known_tag(dst),
            b_nonzero: match b {
                Opnd::Imm(i) => i != 0,
                // Not 0.0 or -0.0 (nor the int 0): some bit besides the sign.
                Opnd::Reg(r) => self
                    .known_of(r)
                    .and_then(|k| k.value)
                    .is_some_and(|v| v << 1 != 0),
            },
            fail_leaves: speculating,
            no_overflow: match (op, b) {
                (NumOp::Arith(FloatOp::Add), Opnd::Imm(i)) if i <= 0 => self.min_of(a, i),
                (NumOp::Arith(FloatOp::Sub), Opnd::Imm(i)) if i >= 0 => self.min_of(a, -i),
                _ => false,
            },
        };
        self.fail_used = false;
        // Overflow leaves compiled code when the result's type is relied on.
        let sure_int = hot_int && (speculating || (ka == Kind::Int && kb == Kind::Int));
        let mut float_cold = false;
        if hot_int {
            let not_int = if speculating || !float_possible {
                n.fail
            } else {
                // The cold float path sends other types to the bail stub.
                float_cold = true;
                self.fail_used = true;
                let l = self.ops.new_dynamic_label();
                let next = self.next(pc);
                self.cold(move |g| {
                    asm!(g.ops; =>l);
                    g.comment(format_args!("pc {pc}: float path"));
                    g.num_float_path(n, Join::To(next));
                });
                l
            };
            if self.listing {
                let mut regs = Vec::new();
                if ka == Kind::Unknown {
                    regs.push(format!("r{a}"));
                }
                if let (Opnd::Reg(r), Kind::Unknown) = (b, kb) {
                    regs.push(format!("r{r}"));
                }
                if !regs.is_empty() {
                    self.comment(format_args!(
                        "guard: {} int{}",
                        regs.join(", "),
                        if float_cold { " (else float path)" } else { "" }
                    ));
                }
            }
            let mut guarded = false;
            if ka == Kind::Unknown {
                self.guard_tag(a, tags::INT, not_int);
                guarded = true;
            } else {
                self.note_known(a);
            }
            match b {
                Opnd::Reg(r) if kb == Kind::Unknown => {
                    self.guard_tag(r, tags::INT, not_int);
                    guarded = true;
                }
                Opnd::Reg(r) => self.note_known(r),
                Opnd::Imm(_) => {}
            }
            if guarded && not_int == n.fail {
                self.fail_used = true;
            }
            self.num_int_path(n, sure_int);
        } else {
            self.num_float_path(n, Join::Fall);
        }
        if self.fail_used {
            self.bail_sites.push((pc, ExitReason::NotIntOrFloat));
            let fail = n.fail;
            match on_fail {
                OnFail::Rejoin => self.cold(move |g| {
                    asm!(g.ops; =>fail);
                    g.comment(format_args!(
                        "pc {pc}: bail: {}",
                        ExitReason::NotIntOrFloat.name()
                    ));
                    g.step_inline(pc, ExitReason::NotIntOrFloat, target, false);
                }),
                OnFail::Deopt => self.cold(move |g| {
                    asm!(g.ops; =>fail);
                    g.comment(format_args!(
                        "pc {pc}: bail and leave: {}",
                        ExitReason::NotIntOrFloat.name()
                    ));
                    g.step_and_leave(pc, ExitReason::NotIntOrFloat);
                }),
            }
        }
        if speculating {
            self.speculated.push(pc);
        }
        // What holds after the instruction, on every path that continues here.
        let rejoins_unknown = (self.fail_used && on_fail == OnFail::Rejoin)
            || (hot_int && !sure_int && matches!(op, NumOp::Arith(_)));
        if !rejoins_unknown && !(hot_int && float_cold) {
            let (ta, tb) = if hot_int {
                (Some(tags::INT), Some(tags::INT))
            } else {
                let f = |k: Kind| match k {
                    Kind::Float => Some(tags::FLOAT),
                    Kind::Int => Some(tags::INT),
                    _ if !mixed => Some(tags::FLOAT),
                    _ => None,
                };
                (f(ka), f(kb))
            };
            if let Some(t) = ta {
                if self.known_tag(a) != Some(t) {
                    self.set_tag(a, t);
                }
            }
            if let (Opnd::Reg(r), Some(t)) = (b, tb) {
                if self.known_tag(r) != Some(t) {
                    self.set_tag(r, t);
                }
            }
        }
        let dst_tag = match op {
            NumOp::CmpJump(..) => return,
            _ if rejoins_unknown => None,
            NumOp::Arith(_) if hot_int && float_cold => None,
            NumOp::Arith(_) if hot_int => Some(tags::INT),
            NumOp::Arith(_) | NumOp::TrueDiv => Some(tags::FLOAT),
            NumOp::Cmp(_) => Some(tags::BOOL),
        };
        match dst_tag {
            Some(t) => self.set_tag(dst, t),
            None => self.set_known(dst, None),
        }
    }

    /// The int x int path (the operands' tags are checked or known). Falls
    /// through when done.
    fn num_int_path(&mut self, n: Num, sure_int: bool) {
        let pc = n.pc;
        // dst's tag is already INT on this path when it is one of the operands.
        let dst_is_int = n.dst_tag == Some(tags::INT) || n.dst == n.a || n.b_reg() == Some(n.dst);
        match n.op {
            NumOp::Arith(op) => {
                let overflow = self.ops.new_dynamic_label();
                self.load_gpr(0, n.a);
                match (op, n.b) {
                    (FloatOp::Add, Opnd::Reg(b)) => self.gop(GOp::Add, 0, b),
                    (FloatOp::Sub, Opnd::Reg(b)) => self.gop(GOp::Sub, 0, b),
                    (FloatOp::Mul, Opnd::Reg(b)) => self.gop(GOp::Imul, 0, b),
                    (FloatOp::Add, Opnd::Imm(i)) => asm!(self.ops; add rax, i),
                    (FloatOp::Sub, Opnd::Imm(i)) => asm!(self.ops; sub rax, i),
                    (FloatOp::Mul, Opnd::Imm(i)) => asm!(self.ops; imul rax, rax, i),
                }
                if n.no_overflow {
                    self.comment(format_args!("cannot overflow: no check"));
                    self.put_int(n.dst, 0, dst_is_int);
                    return;
                }
                asm!(self.ops; jo =>overflow);
                self.put_int(n.dst, 0, dst_is_int);
                self.bail_sites.push((pc, ExitReason::IntOverflow));
                self.cold(move |g| {
                    asm!(g.ops; =>overflow);
                    if sure_int {
                        g.comment(format_args!(
                            "pc {pc}: bail and leave: {}",
                            ExitReason::IntOverflow.name()
                        ));
                        g.step_and_leave(pc, ExitReason::IntOverflow);
                    } else {
                        g.comment(format_args!(
                            "pc {pc}: bail: {}",
                            ExitReason::IntOverflow.name()
                        ));
                        g.step_inline(pc, ExitReason::IntOverflow, None, false);
                    }
                });
            }
            NumOp::TrueDiv => {
                // Both ints exactly representable as doubles (|x| <= 2**53),
                // where one IEEE division is the correctly rounded quotient
                // Python promises. A zero divisor raises in the interpreter.
                let limit: i64 = 1 << 53;
                self.fail_used = true;
                let zero = self.zero_divisor_stub(pc);
                asm!(self.ops; mov rdx, QWORD limit);
                self.load_gpr(0, n.a);
                asm!(self.ops
                    ; mov rcx, rax
                    ; neg rcx
                    ; cmovl rcx, rax
                    ; cmp rcx, rdx
                    ; ja =>n.fail
                );
                match n.b {
                    Opnd::Reg(b) => self.load_gpr(1, b),
                    Opnd::Imm(i) => asm!(self.ops; mov rcx, i),
                }
                asm!(self.ops
                    ; test rcx, rcx
                    ; je =>zero
                    ; mov rsi, rcx
                    ; neg rsi
                    ; cmovl rsi, rcx
                    ; cmp rsi, rdx
                    ; ja =>n.fail
                    ; cvtsi2sd xmm0, rax
                    ; cvtsi2sd xmm1, rcx
                    ; divsd xmm0, xmm1
                );
                self.put_xmm0(n.dst, n.dst_tag == Some(tags::FLOAT));
            }
            NumOp::Cmp(cmp) => {
                self.int_compare(n);
                match cmp {
                    CmpOp::Lt => asm!(self.ops; setl al),
                    CmpOp::Le => asm!(self.ops; setle al),
                    CmpOp::Gt => asm!(self.ops; setg al),
                    CmpOp::Ge => asm!(self.ops; setge al),
                    CmpOp::Eq => asm!(self.ops; sete al),
                    CmpOp::Ne => asm!(self.ops; setne al),
                }
                self.store_bool_al(n.dst, n.dst_tag == Some(tags::BOOL));
            }
            NumOp::CmpJump(cmp, target) => {
                self.int_compare(n);
                let t = self.label(target);
                self.jump_unless_int(cmp, t);
            }
        }
    }

    /// Flags for `a <cmp> b` on two ints.
    fn int_compare(&mut self, n: Num) {
        match (self.in_reg(n.a), n.b) {
            // Both in registers, or against an immediate: no copy into rax.
            (Some(regalloc::MReg::Gpr(a)), Opnd::Imm(i)) => asm!(self.ops; cmp Rq(a), i),
            (Some(regalloc::MReg::Gpr(a)), Opnd::Reg(b)) => self.gop(GOp::Cmp, a, b),
            (_, b) => {
                self.load_gpr(0, n.a);
                match b {
                    Opnd::Reg(b) => self.gop(GOp::Cmp, 0, b),
                    Opnd::Imm(i) => asm!(self.ops; cmp rax, i),
                }
            }
        }
    }

    /// The bail stub for a zero divisor: the interpreter raises
    /// ZeroDivisionError, so compiled code is left either way.
    fn zero_divisor_stub(&mut self, pc: u32) -> DynamicLabel {
        let zero = self.ops.new_dynamic_label();
        self.bail_sites.push((pc, ExitReason::Exception));
        self.cold(move |g| {
            asm!(g.ops; =>zero);
            g.comment(format_args!(
                "pc {pc}: division by zero: the interpreter raises"
            ));
            g.step_and_leave(pc, ExitReason::Exception);
        });
        zero
    }

    /// A true division by the int `int_to_xmm` just left in rax: its zero
    /// check on the int (cheaper than on the double's bits).
    fn int_divisor_checked(&mut self, n: Num) -> Num {
        if n.op != NumOp::TrueDiv || n.b_nonzero {
            return n;
        }
        let zero = self.zero_divisor_stub(n.pc);
        asm!(self.ops
            ; test rax, rax
            ; jz =>zero
        );
        Num {
            b_nonzero: true,
            ..n
        }
    }

    /// Load an int operand into `xmm0` (which = 0) or `xmm1` as a double.
    /// With `exact`, an int the double cannot represent exactly fails.
    fn int_to_xmm(&mut self, which: u8, o: Opnd, exact: bool, fail: DynamicLabel) {
        match o {
            Opnd::Reg(r) => self.load_gpr(0, r),
            Opnd::Imm(i) => asm!(self.ops; mov rax, i),
        }
        if which == 0 {
            asm!(self.ops; cvtsi2sd xmm0, rax);
        } else {
            asm!(self.ops; cvtsi2sd xmm1, rax);
        }
        if exact && matches!(o, Opnd::Reg(_)) {
            self.fail_used = true;
            if which == 0 {
                asm!(self.ops; cvttsd2si rcx, xmm0);
            } else {
                asm!(self.ops; cvttsd2si rcx, xmm1);
            }
            asm!(self.ops
                ; cmp rcx, rax
                ; jne =>fail
            );
        }
    }

    /// The float path: `a` into xmm0 as a double (a float loaded, an int
    /// converted when mixing is allowed and `b` is a float), `b` read as a
    /// float from its register or converted from an int into xmm1, then the
    /// operation (`float_tail`), then `join`. Operands of other types go to
    /// the site's bail stub. The int/float mixes are in the cold section
    /// with their own tails.
    fn num_float_path(&mut self, n: Num, join: Join) {
        if self.float_arith_in_regs(n) {
            match join {
                Join::To(l) => asm!(self.ops; jmp =>l),
                Join::Fall => self.float_inline = true,
            }
            return;
        }
        let exact = n.exact();
        let fail = n.fail;
        let a = n.a;
        // Where the cold tails continue.
        let cont = match join {
            Join::To(l) => l,
            Join::Fall => self.next(n.pc),
        };
        match n.ka {
            Kind::Float => {
                self.note_known(a);
                self.xop(XOp::Mov, 0, a);
            }
            Kind::Int => {
                self.note_known(a);
                self.int_to_xmm(0, Opnd::Reg(a), exact, fail);
            }
            _ => {
                self.fail_used = true;
                self.comment(format_args!("guard: r{a} float"));
                if n.mixed && n.kb != Kind::Int {
                    // `a` an int: only with a float `b` (two ints are not
                    // this path's).
                    let a_other = self.ops.new_dynamic_label();
                    asm!(self.ops
                        ; cmp QWORD [rbx + slot(a)], tags::FLOAT as i32
                        ; jne =>a_other
                    );
                    self.xop(XOp::Mov, 0, a);
                    self.cold(move |g| {
                        asm!(g.ops; =>a_other);
                        g.comment(format_args!("pc {}: int r{a} with a float", n.pc));
                        g.guard_tag(a, tags::INT, fail);
                        let Opnd::Reg(b) = n.b else {
                            unreachable!("an immediate is an int")
                        };
                        if n.kb != Kind::Float {
                            g.guard_tag(b, tags::FLOAT, fail);
                        }
                        g.int_to_xmm(0, Opnd::Reg(a), exact, fail);
                        g.float_tail(n, false, Some(b), Join::To(cont));
                    });
                } else {
                    asm!(self.ops
                        ; cmp QWORD [rbx + slot(a)], tags::FLOAT as i32
                        ; jne =>fail
                    );
                    self.xop(XOp::Mov, 0, a);
                }
            }
        }
        // On the inline path `a` is a float unless it is a known int.
        let a_float = n.ka != Kind::Int;
        match (n.b, n.kb) {
            (Opnd::Reg(b), Kind::Float) => {
                self.note_known(b);
                self.float_tail(n, a_float, Some(b), join);
            }
            (b, Kind::Int) => {
                if let Opnd::Reg(r) = b {
                    self.note_known(r);
                }
                self.int_to_xmm(1, b, exact, fail);
                let n = self.int_divisor_checked(n);
                self.float_tail(n, a_float, None, join);
            }
            (Opnd::Reg(b), _) => {
                self.fail_used = true;
                self.comment(format_args!("guard: r{b} float"));
                if n.mixed && n.ka != Kind::Int {
                    // `b` an int with the float `a`.
                    let b_other = self.ops.new_dynamic_label();
                    self.guard_tag(b, tags::FLOAT, b_other);
                    self.cold(move |g| {
                        asm!(g.ops; =>b_other);
                        g.comment(format_args!("pc {}: float with int r{b}", n.pc));
                        g.guard_tag(b, tags::INT, fail);
                        g.int_to_xmm(1, Opnd::Reg(b), exact, fail);
                        let n = g.int_divisor_checked(n);
                        g.float_tail(n, true, None, Join::To(cont));
                    });
                } else {
                    self.guard_tag(b, tags::FLOAT, fail);
                }
                self.float_tail(n, a_float, Some(b), join);
            }
            (Opnd::Imm(_), _) => unreachable!("an immediate is an int"),
        }
    }

    /// `dst = a op b` with both operands known floats and `dst` a float in
    /// an XMM register (a register-allocated loop): computed in `dst`'s
    /// register, without going through xmm0. False when this does not apply
    /// (or `b` is in `dst`'s register and would be overwritten first).
    fn float_arith_in_regs(&mut self, n: Num) -> bool {
        let op = match n.op {
            NumOp::Arith(FloatOp::Add) => XOp::Add,
            NumOp::Arith(FloatOp::Sub) => XOp::Sub,
            NumOp::Arith(FloatOp::Mul) => XOp::Mul,
            NumOp::TrueDiv => XOp::Div,
            _ => return false,
        };
        let Opnd::Reg(b) = n.b else { return false };
        // `a` in the frame with its type unknown (a call's result): its
        // guard here, on a site that speculates on floats (a failed guard
        // leaves), and its payload straight into `dst`'s register.
        let a_guard = n.ka == Kind::Unknown
            && !n.mixed
            && n.fail_leaves
            && n.a != b
            && self.in_reg(n.a).is_none();
        if (n.ka != Kind::Float && !a_guard) || n.kb != Kind::Float {
            return false;
        }
        let Some(d) = self.float_dst_xmm(n.dst) else {
            return false;
        };
        let d_reg = Some(regalloc::MReg::Xmm(d));
        // With AVX, both operands in registers: one three-operand
        // instruction (the same IEEE 754 operation, bit for bit), whatever
        // registers they are in.
        let three = match (self.in_reg(n.a), self.in_reg(b)) {
            (Some(regalloc::MReg::Xmm(x)), Some(regalloc::MReg::Xmm(y))) if has_avx() => {
                Some((x, y))
            }
            _ => None,
        };
        if three.is_none() && self.in_reg(b) == d_reg && n.a != b {
            return false;
        }
        if a_guard {
            self.fail_used = true;
            self.comment(format_args!("guard: r{} float", n.a));
            self.guard_tag(n.a, tags::FLOAT, n.fail);
        } else {
            self.note_known(n.a);
        }
        self.note_known(b);
        if op == XOp::Div && !n.b_nonzero {
            // Before `dst` changes: the zero divisor's bail runs the
            // instruction in the interpreter on the frame as it was.
            let zero = self.zero_divisor_stub(n.pc);
            self.load_gpr(0, b);
            asm!(self.ops
                ; add rax, rax
                ; jz =>zero
            );
        }
        match three {
            Some((x, y)) if self.in_reg(n.a) != d_reg => match op {
                XOp::Add => asm!(self.ops; vaddsd Rx(d), Rx(x), Rx(y)),
                XOp::Sub => asm!(self.ops; vsubsd Rx(d), Rx(x), Rx(y)),
                XOp::Mul => asm!(self.ops; vmulsd Rx(d), Rx(x), Rx(y)),
                _ => asm!(self.ops; vdivsd Rx(d), Rx(x), Rx(y)),
            },
            _ => {
                if self.in_reg(n.a) != d_reg {
                    self.xop(XOp::Mov, d, n.a);
                }
                self.xop(op, d, b);
            }
        }
        self.dirtied(n.dst);
        true
    }

    /// The operation on the float path: `a` is in xmm0, `b` in its register
    /// (`b_mem`, a float there) or in xmm1. `a_float`: `a`'s register holds a
    /// float on this path (not a converted int), for skipping the tag store.
    fn float_tail(&mut self, n: Num, a_float: bool, b_mem: Option<u16>, join: Join) {
        let dst_is_float =
            n.dst_tag == Some(tags::FLOAT) || (n.dst == n.a && a_float) || b_mem == Some(n.dst);
        match n.op {
            NumOp::Arith(op) => {
                match (op, b_mem) {
                    (FloatOp::Add, Some(b)) => self.xop(XOp::Add, 0, b),
                    (FloatOp::Sub, Some(b)) => self.xop(XOp::Sub, 0, b),
                    (FloatOp::Mul, Some(b)) => self.xop(XOp::Mul, 0, b),
                    (FloatOp::Add, None) => asm!(self.ops; addsd xmm0, xmm1),
                    (FloatOp::Sub, None) => asm!(self.ops; subsd xmm0, xmm1),
                    (FloatOp::Mul, None) => asm!(self.ops; mulsd xmm0, xmm1),
                }
                self.put_xmm0(n.dst, dst_is_float);
            }
            NumOp::TrueDiv => {
                // A zero divisor (0.0 or -0.0: all bits but the sign clear)
                // raises in the interpreter.
                if n.b_nonzero {
                    match b_mem {
                        Some(b) => self.xop(XOp::Div, 0, b),
                        None => asm!(self.ops; divsd xmm0, xmm1),
                    }
                    self.put_xmm0(n.dst, dst_is_float);
                    if let Join::To(l) = join {
                        asm!(self.ops; jmp =>l);
                    }
                    return;
                }
                let zero = self.zero_divisor_stub(n.pc);
                match b_mem {
                    Some(b) => {
                        self.load_gpr(0, b);
                        asm!(self.ops
                            ; add rax, rax
                            ; jz =>zero
                        );
                        self.xop(XOp::Div, 0, b);
                    }
                    None => asm!(self.ops
                        ; movq rax, xmm1
                        ; add rax, rax
                        ; jz =>zero
                        ; divsd xmm0, xmm1
                    ),
                }
                self.put_xmm0(n.dst, dst_is_float);
            }
            NumOp::Cmp(cmp) => {
                self.float_compare_flags(cmp, b_mem);
                // NaN compares false for everything but `!=`.
                match cmp {
                    CmpOp::Lt | CmpOp::Gt => asm!(self.ops; seta al),
                    CmpOp::Le | CmpOp::Ge => asm!(self.ops; setae al),
                    CmpOp::Eq => asm!(self.ops; sete al; setnp cl; and al, cl),
                    CmpOp::Ne => asm!(self.ops; setne al; setp cl; or al, cl),
                }
                self.store_bool_al(n.dst, n.dst_tag == Some(tags::BOOL));
            }
            NumOp::CmpJump(cmp, target) => {
                self.float_compare_flags(cmp, b_mem);
                let t = self.label(target);
                // Jump when the comparison is false (unordered counts as false).
                match cmp {
                    CmpOp::Lt | CmpOp::Gt => asm!(self.ops; jbe =>t),
                    CmpOp::Le | CmpOp::Ge => asm!(self.ops; jb =>t),
                    CmpOp::Eq => asm!(self.ops; jne =>t; jp =>t),
                    CmpOp::Ne => asm!(self.ops; jp >ne_true; je =>t; ne_true:),
                }
            }
        }
        if let Join::To(l) = join {
            asm!(self.ops; jmp =>l);
        }
    }

    /// Set the flags for `a <cmp> b` (a in xmm0, b in its register or in
    /// xmm1) so that "above" means true for `<`/`>` and "above or equal"
    /// for `<=`/`>=` (ucomisd sets CF on unordered, so NaN reads as false).
    fn float_compare_flags(&mut self, cmp: CmpOp, b_mem: Option<u16>) {
        match (cmp, b_mem) {
            // a < b  <=>  b > a: b must be in a register.
            (CmpOp::Lt | CmpOp::Le, Some(b)) => match self.in_reg(b) {
                Some(regalloc::MReg::Xmm(x)) => asm!(self.ops; ucomisd Rx(x), xmm0),
                _ => {
                    self.xop(XOp::Mov, 1, b);
                    asm!(self.ops; ucomisd xmm1, xmm0);
                }
            },
            (CmpOp::Lt | CmpOp::Le, None) => asm!(self.ops; ucomisd xmm1, xmm0),
            (_, Some(b)) => self.xop(XOp::Ucomi, 0, b),
            (_, None) => asm!(self.ops; ucomisd xmm0, xmm1),
        }
    }

    /// Store the bool in `al` into `dst` (its tag only when not already BOOL).
    fn store_bool_al(&mut self, dst: u16, tag_known: bool) {
        asm!(self.ops; movzx eax, al);
        self.put_bool_rax(dst, tag_known);
    }

    /// `JumpIfNot<cmp> a, b, target`: jump when the comparison is false.
    fn gen_cmp_jump(&mut self, pc: u32, a: u16, b: u16, target: u16, cmp: CmpOp) {
        self.gen_numeric(pc, NumOp::CmpJump(cmp, target as u32), 0, a, Opnd::Reg(b));
    }

    /// `&`, `|`, `^`, `//`, `%`, `>>`, `<<` on ints. A site that saw ints
    /// only (or never ran: these have no other template) leaves compiled
    /// code when a guard fails, so its result is known to be an int.
    fn gen_int_op(&mut self, pc: u32, op: IntOp, dst: u16, a: u16, b: u16) {
        use feedback::INT;
        let fb = self.code.feedback.get(pc as usize);
        let ka = self.kind_of(a);
        let kb = self.kind_of(b);
        let demoted = self.is_demoted(pc);
        if fb != 0 && fb & INT == 0 && !demoted {
            // Saw floats or other types only: no int template helps. (A
            // demoted site ran ints in compiled code, which notes nothing.)
            self.gen_generic_by_feedback(pc, None);
            return;
        }
        if !matches!(ka, Kind::Int | Kind::Unknown) || !matches!(kb, Kind::Int | Kind::Unknown) {
            self.comment(format_args!("an operand is known not to be an int"));
            self.step_inline(pc, ExitReason::Generic, None, true);
            self.forget_all();
            return;
        }
        let speculating = fb & !INT == 0 && !demoted;
        if self.listing {
            self.comment(format_args!(
                "feedback: {}: int path inline, {}",
                feedback::describe(fb),
                if speculating {
                    "anything else leaves"
                } else {
                    "anything else in the interpreter"
                }
            ));
        }
        let fail = self.ops.new_dynamic_label();
        let mut fail_used = false;
        match (ka, kb) {
            (Kind::Unknown, Kind::Unknown) => self.comment(format_args!("guard: r{a}, r{b} int")),
            (Kind::Unknown, _) => self.comment(format_args!("guard: r{a} int")),
            (_, Kind::Unknown) => self.comment(format_args!("guard: r{b} int")),
            _ => {}
        }
        if ka == Kind::Unknown {
            self.guard_tag(a, tags::INT, fail);
            fail_used = true;
        } else {
            self.note_known(a);
        }
        if kb == Kind::Unknown {
            self.guard_tag(b, tags::INT, fail);
            fail_used = true;
        } else {
            self.note_known(b);
        }
        let imm = self.known_imm(b);
        let dst_is_int = self.known_tag(dst) == Some(tags::INT) || dst == a || dst == b;
        let mut result_in_rdx = false;
        match op {
            IntOp::And | IntOp::Or | IntOp::Xor => {
                self.load_gpr(0, a);
                match (op, imm) {
                    (IntOp::And, Some(i)) => asm!(self.ops; and rax, i),
                    (IntOp::Or, Some(i)) => asm!(self.ops; or rax, i),
                    (IntOp::Xor, Some(i)) => asm!(self.ops; xor rax, i),
                    (IntOp::And, None) => self.gop(GOp::And, 0, b),
                    (IntOp::Or, None) => self.gop(GOp::Or, 0, b),
                    _ => self.gop(GOp::Xor, 0, b),
                }
            }
            IntOp::FloorDiv | IntOp::Mod
                if self
                    .known_int(b)
                    .is_some_and(|c| c > 1 && c.count_ones() == 1) =>
            {
                // By a constant power of two: Python's floor division is an
                // arithmetic shift, its modulo (the sign of the divisor) a
                // mask, for either sign of `a`.
                let c = self.known_int(b).unwrap_or(2);
                let k = c.trailing_zeros() as i8;
                self.comment(format_args!("by 2**{k}: shift or mask"));
                self.load_gpr(0, a);
                if op == IntOp::FloorDiv {
                    asm!(self.ops; sar rax, k);
                } else if let Ok(mask) = i32::try_from(c - 1) {
                    asm!(self.ops; and rax, mask);
                } else {
                    asm!(self.ops
                        ; mov rcx, QWORD c - 1
                        ; and rax, rcx
                    );
                }
            }
            IntOp::FloorDiv | IntOp::Mod => {
                // Rounding toward negative infinity as Python does (idiv
                // truncates; fix up when the remainder's sign differs from
                // the divisor's). b == 0 raises and i64::MIN // -1 overflows:
                // both in the interpreter.
                match self.known_int(b) {
                    Some(i) if i != 0 && i != -1 => {
                        asm!(self.ops; mov rcx, QWORD i);
                    }
                    _ => {
                        fail_used = true;
                        self.load_gpr(1, b);
                        asm!(self.ops
                            ; test rcx, rcx
                            ; je =>fail
                            ; cmp rcx, -1
                            ; je =>fail
                        );
                    }
                }
                self.load_gpr(0, a);
                asm!(self.ops
                    ; cqo
                    ; idiv rcx
                    ; test rdx, rdx
                    ; je >exact
                    ; mov rsi, rdx
                    ; xor rsi, rcx
                    ; jns >exact
                    ; dec rax
                    ; add rdx, rcx
                    ; exact:
                );
                result_in_rdx = op == IntOp::Mod;
            }
            IntOp::Shr | IntOp::Shl => {
                // 0 <= b < 64; a left shift that loses bits (the result is a
                // big int) goes to the interpreter.
                let amount = imm.filter(|i| (0..64).contains(i));
                match amount {
                    Some(s) => {
                        self.load_gpr(0, a);
                        if op == IntOp::Shr {
                            asm!(self.ops; sar rax, s as i8);
                        } else {
                            fail_used = true;
                            asm!(self.ops
                                ; mov rdx, rax
                                ; shl rax, s as i8
                                ; mov rsi, rax
                                ; sar rsi, s as i8
                                ; cmp rsi, rdx
                                ; jne =>fail
                            );
                        }
                    }
                    None => {
                        fail_used = true;
                        self.load_gpr(1, b);
                        asm!(self.ops
                            ; cmp rcx, 63
                            ; ja =>fail
                        );
                        self.load_gpr(0, a);
                        if op == IntOp::Shr {
                            asm!(self.ops; sar rax, cl);
                        } else {
                            asm!(self.ops
                                ; mov rdx, rax
                                ; shl rax, cl
                                ; mov rsi, rax
                                ; sar rsi, cl
                                ; cmp rsi, rdx
                                ; jne =>fail
                            );
                        }
                    }
                }
            }
        }
        self.put_int(dst, if result_in_rdx { 2 } else { 0 }, dst_is_int);
        if fail_used {
            self.bail_sites.push((pc, ExitReason::NotIntOrFloat));
            if speculating {
                self.speculated.push(pc);
                self.cold(move |g| {
                    asm!(g.ops; =>fail);
                    g.comment(format_args!(
                        "pc {pc}: bail and leave: {}",
                        ExitReason::NotIntOrFloat.name()
                    ));
                    g.step_and_leave(pc, ExitReason::NotIntOrFloat);
                });
            } else {
                self.cold(move |g| {
                    asm!(g.ops; =>fail);
                    g.comment(format_args!(
                        "pc {pc}: bail: {}",
                        ExitReason::NotIntOrFloat.name()
                    ));
                    g.step_inline(pc, ExitReason::NotIntOrFloat, None, false);
                });
            }
        }
        if speculating || !fail_used {
            self.set_tag(a, tags::INT);
            self.set_tag(b, tags::INT);
            self.set_tag(dst, tags::INT);
        } else {
            self.set_known(dst, None);
        }
    }

    // ------------------------------------------------------------ branches

    /// `JumpIfFalse` / `JumpIfTrue`: bools and ints inline, None is false,
    /// anything else asks the interpreter (`__bool__`, `__len__`, containers).
    fn gen_cond_jump(&mut self, pc: u32, cond: u16, target: u16, jump_if: bool) {
        let t = self.label(target as u32);
        let next = self.next(pc);
        match self.known_of(cond) {
            Some(Known {
                tag: tags::BOOL,
                value,
            }) => {
                self.note_known(cond);
                match value {
                    Some(v) => {
                        if (v != 0) == jump_if {
                            asm!(self.ops; jmp =>t);
                        }
                    }
                    None => {
                        asm!(self.ops; cmp BYTE [rbx + pay(cond)], 0);
                        self.branch_on_nonzero_fall(jump_if, t);
                    }
                }
                return;
            }
            Some(Known { tag: tags::INT, .. }) => {
                self.note_known(cond);
                self.cmp_zero(cond);
                self.branch_on_nonzero_fall(jump_if, t);
                return;
            }
            Some(Known {
                tag: tags::NONE, ..
            }) => {
                self.note_known(cond);
                if !jump_if {
                    asm!(self.ops; jmp =>t);
                }
                return;
            }
            _ => {}
        }
        let not_bool = self.ops.new_dynamic_label();
        let not_int = self.ops.new_dynamic_label();
        let slow = self.ops.new_dynamic_label();
        self.comment(format_args!("r{cond}: bool, int or None inline"));
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(cond)]
            ; cmp rax, tags::BOOL as i32
            ; jne =>not_bool
            ; cmp BYTE [rbx + pay(cond)], 0
        );
        self.branch_on_nonzero(jump_if, t, next);
        asm!(self.ops
            ; =>not_bool
            ; cmp rax, tags::INT as i32
            ; jne =>not_int
        );
        self.cmp_zero(cond);
        self.branch_on_nonzero(jump_if, t, next);
        asm!(self.ops
            ; =>not_int
            ; cmp rax, tags::NONE as i32
            ; jne =>slow
        );
        if !jump_if {
            asm!(self.ops; jmp =>t);
        }
        self.bail_sites.push((pc, ExitReason::CondNotBool));
        let target = target as u32;
        self.cold(move |g| {
            asm!(g.ops; =>slow);
            g.comment(format_args!(
                "pc {pc}: bail: {}",
                ExitReason::CondNotBool.name()
            ));
            g.step_inline(pc, ExitReason::CondNotBool, Some(target), false);
        });
    }

    /// After a compare with zero: go to `t` when the value is true (non-zero)
    /// and `jump_if` is set, or false and it is not; else to `next`.
    fn branch_on_nonzero(&mut self, jump_if: bool, t: DynamicLabel, next: DynamicLabel) {
        if jump_if {
            asm!(self.ops; jne =>t; jmp =>next);
        } else {
            asm!(self.ops; je =>t; jmp =>next);
        }
    }

    /// The same, falling through to the next instruction.
    fn branch_on_nonzero_fall(&mut self, jump_if: bool, t: DynamicLabel) {
        if jump_if {
            asm!(self.ops; jne =>t);
        } else {
            asm!(self.ops; je =>t);
        }
    }

    fn gen_jump(&mut self, pc: u32, target: u16) {
        let t = self.label(target as u32);
        if (target as u32) > pc {
            asm!(self.ops; jmp =>t);
            return;
        }
        // A back-edge: the loop polls for a pending collection or Ctrl-C, as
        // the interpreter does, by leaving to the interpreter's Jump.
        let poll = self.ops.new_dynamic_label();
        self.comment(format_args!("back-edge: poll GC and Ctrl-C"));
        // The collector's flag is in the `Vm` (r12) when it can be.
        match self.polls.gc_due_in_vm {
            Some(off) => asm!(self.ops
                ; cmp BYTE [r12 + off], 0
                ; jne =>poll
            ),
            None => asm!(self.ops
                ; mov rax, QWORD self.polls.gc_due as i64
                ; cmp BYTE [rax], 0
                ; jne =>poll
            ),
        }
        asm!(self.ops; mov rax, QWORD self.polls.interrupted as i64);
        match self.polls.sample {
            // Recording: the pending sample's flag is the byte after Ctrl-C's
            // (`interp::vm::Polled`): one compare for both.
            Some(sample) if sample as usize == self.polls.interrupted as usize + 1 => {
                asm!(self.ops
                    ; cmp WORD [rax], 0
                    ; jne =>poll
                );
            }
            Some(sample) => {
                asm!(self.ops
                    ; cmp BYTE [rax], 0
                    ; jne =>poll
                    ; mov rax, QWORD sample as i64
                    ; cmp BYTE [rax], 0
                    ; jne =>poll
                );
            }
            None => {
                asm!(self.ops
                    ; cmp BYTE [rax], 0
                    ; jne =>poll
                );
            }
        }
        asm!(self.ops; jmp =>t);
        self.cold(move |g| {
            asm!(g.ops; =>poll);
            g.comment(format_args!(
                "pc {pc}: exit to the interpreter: {}",
                ExitReason::Safepoint.name()
            ));
            g.exit_resume_counted(pc);
        });
    }

    // ------------------------------------------------------------ more int/float templates

    /// A local read before assignment: the interpreter raises UnboundLocalError.
    fn gen_check_bound(&mut self, pc: u32, reg: u16) {
        if self.known_tag(reg).is_some_and(|t| t != tags::UNDEFINED) {
            self.note_known(reg);
            return;
        }
        if self.is_bound(reg) {
            self.comment(format_args!("r{reg} written or checked since: bound"));
            return;
        }
        self.set_bound(reg, true);
        let slow = self.ops.new_dynamic_label();
        asm!(self.ops
            ; cmp QWORD [rbx + slot(reg)], tags::UNDEFINED as i32
            ; je =>slow
        );
        self.cold(move |g| {
            asm!(g.ops; =>slow);
            g.comment(format_args!(
                "pc {pc}: bail: {}",
                ExitReason::Generic.name()
            ));
            g.step_inline(pc, ExitReason::Generic, None, false);
        });
    }

    /// `a is b` / `a is not b`: same tag, then the payload as `Value::is` reads
    /// it (nothing for the payload-less kinds, one byte for bools).
    fn gen_is(&mut self, dst: u16, a: u16, b: u16, negate: bool) {
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(a)]
            ; cmp rax, QWORD [rbx + slot(b)]
            ; jne >no
            ; cmp rax, tags::BOOL as i32
            ; jb >yes
            ; je >boolean
            ; cmp rax, 24
            ; je >yes
            ; cmp rax, 25
            ; je >yes
        );
        // Register locals are never bools: only the word compare reads them.
        self.load_gpr(1, a);
        self.load_gpr(2, b);
        asm!(self.ops
            ; cmp rcx, rdx
            ; jne >no
            ; jmp >yes
            ; boolean:
            ; mov cl, BYTE [rbx + pay(a)]
            ; cmp cl, BYTE [rbx + pay(b)]
            ; jne >no
            ; yes:
            ; mov al, (!negate) as i8
            ; jmp >done
            ; no:
            ; mov al, negate as i8
            ; done:
        );
        let known = self.known_tag(dst) == Some(tags::BOOL);
        self.store_bool_al(dst, known);
        self.set_tag(dst, tags::BOOL);
    }

    /// `not x` on a bool, int or None (the interpreter's answer is a bool
    /// too, so the result is known to be one on every path).
    fn gen_not(&mut self, pc: u32, dst: u16, src: u16) {
        let dst_known = self.known_tag(dst) == Some(tags::BOOL);
        match self.known_tag(src) {
            Some(tags::BOOL) => {
                self.note_known(src);
                asm!(self.ops
                    ; cmp BYTE [rbx + pay(src)], 0
                    ; sete al
                );
                self.store_bool_al(dst, dst_known);
                self.set_tag(dst, tags::BOOL);
                return;
            }
            Some(tags::INT) => {
                self.note_known(src);
                self.cmp_zero(src);
                asm!(self.ops; sete al);
                self.store_bool_al(dst, dst_known);
                self.set_tag(dst, tags::BOOL);
                return;
            }
            _ => {}
        }
        let slow = self.ops.new_dynamic_label();
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(src)]
            ; cmp rax, tags::BOOL as i32
            ; jne >not_bool
            ; cmp BYTE [rbx + pay(src)], 0
            ; sete al
            ; jmp >done
            ; not_bool:
            ; cmp rax, tags::INT as i32
            ; jne >not_int
        );
        self.cmp_zero(src);
        asm!(self.ops
            ; sete al
            ; jmp >done
            ; not_int:
            ; cmp rax, tags::NONE as i32
            ; jne =>slow
            ; mov al, 1
            ; done:
        );
        self.store_bool_al(dst, dst_known);
        self.bail_to_step(slow, pc, ExitReason::CondNotBool);
        self.set_tag(dst, tags::BOOL);
    }

    /// `-x` on an int (overflow at i64::MIN) or a float (flip the sign bit).
    fn gen_neg(&mut self, pc: u32, dst: u16, src: u16) {
        let fb = self.code.feedback.get(pc as usize);
        let spec = self.spec_at(pc);
        let dst_tag = self.known_tag(dst);
        match self.kind_of(src) {
            Kind::Float => {
                self.note_known(src);
                self.load_gpr(1, src);
                asm!(self.ops; btc rcx, 63);
                self.put_float_bits(dst, 1, dst_tag == Some(tags::FLOAT));
                self.set_tag(dst, tags::FLOAT);
                return;
            }
            Kind::Int => {
                self.note_known(src);
                let overflow = self.ops.new_dynamic_label();
                self.load_gpr(1, src);
                asm!(self.ops
                    ; neg rcx
                    ; jo =>overflow
                );
                self.put_int(dst, 1, dst_tag == Some(tags::INT) || dst == src);
                self.bail_sites.push((pc, ExitReason::IntOverflow));
                self.cold(move |g| {
                    asm!(g.ops; =>overflow);
                    g.comment(format_args!(
                        "pc {pc}: bail and leave: {}",
                        ExitReason::IntOverflow.name()
                    ));
                    g.step_and_leave(pc, ExitReason::IntOverflow);
                });
                self.set_tag(dst, tags::INT);
                return;
            }
            Kind::NotNumber => {
                self.comment(format_args!("the operand is known not to be a number"));
                self.step_inline(pc, ExitReason::Generic, None, true);
                self.forget_all();
                return;
            }
            Kind::Unknown => {}
        }
        if spec == Spec::Generic {
            self.gen_generic_by_feedback(pc, None);
            return;
        }
        let slow = self.ops.new_dynamic_label();
        if matches!(spec, Spec::Float { .. }) {
            // Saw floats only: the float path alone, anything else leaves.
            self.comment(format_args!(
                "feedback: {}: float path inline, anything else leaves",
                feedback::describe(fb)
            ));
            self.guard_tag(src, tags::FLOAT, slow);
            self.load_gpr(1, src);
            asm!(self.ops; btc rcx, 63);
            self.put_float_bits(dst, 1, dst_tag == Some(tags::FLOAT) || dst == src);
            self.bail_sites.push((pc, ExitReason::NotIntOrFloat));
            self.speculated.push(pc);
            self.cold(move |g| {
                asm!(g.ops; =>slow);
                g.comment(format_args!(
                    "pc {pc}: bail and leave: {}",
                    ExitReason::NotIntOrFloat.name()
                ));
                g.step_and_leave(pc, ExitReason::NotIntOrFloat);
            });
            self.set_tag(src, tags::FLOAT);
            self.set_tag(dst, tags::FLOAT);
            return;
        }
        asm!(self.ops; mov rax, QWORD [rbx + slot(src)]);
        self.load_gpr(1, src);
        asm!(self.ops
            ; cmp rax, tags::INT as i32
            ; jne >not_int
            ; neg rcx
            ; jo =>slow
            ; jmp >done
            ; not_int:
            ; cmp rax, tags::FLOAT as i32
            ; jne =>slow
            ; btc rcx, 63
            ; done:
        );
        self.put_value_rax_rcx(dst);
        self.bail_to_step(slow, pc, ExitReason::NotIntOrFloat);
        self.set_known(dst, None);
    }

    /// A guard failing at `entry` runs this instruction in the interpreter and
    /// continues after it; the site counts under `reason`.
    fn bail_to_step(&mut self, entry: DynamicLabel, pc: u32, reason: ExitReason) {
        self.bail_sites.push((pc, reason));
        self.cold(move |g| {
            asm!(g.ops; =>entry);
            g.comment(format_args!("pc {pc}: bail: {}", reason.name()));
            g.step_inline(pc, reason, None, false);
        });
    }

    /// An instruction done by a `fast.rs` helper (which falls back to the
    /// interpreter itself).
    fn call_fast(&mut self, pc: u32, helper: *const ()) {
        self.call_helper_outcome(pc, helper as usize, None, None, true);
        self.forget_all();
    }

    // ------------------------------------------------------------ attributes

    /// `obj.name` (`load`) or `obj.name = v` on an instance: the tag check
    /// inline, then the cache-hit helper with the site's cache and name as
    /// constants (no frame lookup or decoding); a miss or a non-instance goes
    /// to the general helper in the cold code.
    fn gen_attr(&mut self, pc: u32, obj: u16, name: u16, val: u16, load: bool) {
        let miss = self.ops.new_dynamic_label();
        let cache = &self.code.caches[pc as usize] as *const _ as i64;
        let nm = self.code.names[name as usize].addr() as i64;
        let (hit, general) = if load {
            (
                fast::jit_load_attr_hit as *const (),
                fast::jit_load_attr as *const (),
            )
        } else {
            (
                fast::jit_store_attr_hit as *const (),
                fast::jit_store_attr as *const (),
            )
        };
        self.comment(format_args!("guard: r{obj} is an instance; cached slot"));
        self.guard_tag(obj, tags::INSTANCE, miss);
        asm!(self.ops
            ; lea rdi, [rbx + slot(obj)]
            ; mov rsi, QWORD cache
            ; mov rdx, QWORD nm
            ; lea rcx, [rbx + slot(val)]
            ; mov rax, QWORD hit as i64
            ; call rax
            ; test eax, eax
            ; jz =>miss
        );
        self.cold(move |g| {
            asm!(g.ops; =>miss);
            g.comment(format_args!("pc {pc}: cache miss: the general helper"));
            g.call_helper_outcome(pc, general as usize, None, None, false);
        });
        // The helpers write the loaded register, and a miss may run Python
        // code (a property, `__getattr__`).
        self.forget_all();
    }

    // Calls and returns: `gen_calls.rs`.

    // ------------------------------------------------------------ leaving

    /// Return to the interpreter at `pc`.
    fn exit_resume(&mut self, pc: u32) {
        // The spill holds on this path only (it ends here).
        let clean = self.rs.mode.clean;
        self.spill();
        self.rs.mode.clean = clean;
        let w = (KIND_RESUME << 32) | pc as u64;
        asm!(self.ops
            ; mov rax, QWORD w as i64
            ; jmp ->exit
        );
    }

    /// Return to the interpreter at `pc`, the instruction whose code this
    /// is: it runs the instruction again and counts its line entry, so take
    /// back what its block counted from it on (recording).
    fn exit_resume_counted(&mut self, pc: u32) {
        self.uncount_from(pc);
        self.exit_resume(pc);
    }

    /// Run this instruction in the interpreter, inline (for instructions with
    /// no template). `hot`: emitted in the hot code, where the next
    /// instruction follows.
    fn step_inline(&mut self, pc: u32, reason: ExitReason, target: Option<u32>, hot: bool) {
        self.call_helper_outcome(
            pc,
            helpers::jit_step as *const () as usize,
            Some(reason),
            target,
            hot,
        );
    }

    /// A failed speculation: run this instruction in the interpreter, then
    /// leave compiled code where the interpreter goes on (the code after the
    /// instruction relies on what the failed guard would have established).
    fn step_and_leave(&mut self, pc: u32, reason: ExitReason) {
        // The spill holds on this path only (it ends here).
        let clean = self.rs.mode.clean;
        self.spill();
        self.rs.mode.clean = clean;
        // Whatever the step does, this code leaves after the instruction.
        self.uncount_after(pc);
        let helper = helpers::jit_step as *const () as usize;
        let shared = self.shared_call(helper, SharedKind::Leave);
        asm!(self.ops
            ; mov esi, pc as i32
            ; mov edx, reason as i32
            ; jmp =>shared
        );
    }

    /// The shared tail of a cold call of `helper(vm, pc, reason)` (esi and
    /// edx set by the site): one copy per code object instead of the call
    /// sequence at every slow path.
    fn shared_call(&mut self, helper: usize, kind: SharedKind) -> DynamicLabel {
        if let Some(&(_, _, l)) = self
            .shared
            .iter()
            .find(|&&(h, k, _)| h == helper && k == kind)
        {
            return l;
        }
        let l = self.ops.new_dynamic_label();
        self.shared.push((helper, kind, l));
        l
    }

    fn emit_shared_calls(&mut self) {
        if self.shared.is_empty() {
            return;
        }
        let at = self.here();
        self.notes.push((
            at,
            Note::Section("shared runtime calls of the slow paths".into()),
        ));
        let resume = (KIND_RESUME << 32) as i64;
        for (helper, kind, l) in std::mem::take(&mut self.shared) {
            match kind {
                // Called: the return address misaligns the stack by 8, and
                // an exit drops it. Otherwise back to the site with the
                // outcome in rax (Continue: eax is the pc to go on at).
                SharedKind::Continue => asm!(self.ops
                    ; =>l
                    ; sub rsp, 8
                    ; mov rdi, r12
                    ; mov rax, QWORD helper as i64
                    ; call rax
                    ; add rsp, 8
                    ; mov rcx, rax
                    ; shr rcx, 32
                    ; jnz >leave
                    ; ret
                    ; leave:
                    ; add rsp, 8
                    ; jmp ->exit
                ),
                // Jumped to: leave with the outcome, Continue(p) made
                // Resume(p) (the interpreter runs on from p).
                SharedKind::Leave => asm!(self.ops
                    ; =>l
                    ; mov rdi, r12
                    ; mov rax, QWORD helper as i64
                    ; call rax
                    ; mov rcx, rax
                    ; shr rcx, 32
                    ; jnz ->exit
                    ; mov rcx, QWORD resume
                    ; or rax, rcx
                    ; jmp ->exit
                ),
                // Jumped to: the helper's outcome is the exit's.
                SharedKind::Exit => asm!(self.ops
                    ; =>l
                    ; mov rdi, r12
                    ; mov rax, QWORD helper as i64
                    ; call rax
                    ; jmp ->exit
                ),
            }
        }
    }

    /// Call `helper(vm, pc, reason)`, which returns an encoded `Outcome`:
    /// continue at pc + 1 or at `target`, or leave with the outcome as it is.
    /// `hot`: the next instruction's code follows, no jump needed.
    fn call_helper_outcome(
        &mut self,
        pc: u32,
        helper: usize,
        reason: Option<ExitReason>,
        target: Option<u32>,
        hot: bool,
    ) {
        // The helper works on the frame: spill first; afterwards the frame
        // is up to date, so other code is reached through entry stubs, and
        // the next instruction's register state after a reload.
        let regs = self.rs.mode.regs;
        let clean = self.rs.mode.clean;
        self.spill();
        // Recording: leaving here may skip lines its block counted, taken
        // back on the site's own way out (a shared tail cannot).
        let leave = self.leave_after(pc);
        if hot || leave.is_some() {
            asm!(self.ops
                ; mov rdi, r12
                ; mov esi, pc as i32
                ; mov edx, reason.map(|r| r as i32).unwrap_or(-1)
                ; mov rax, QWORD helper as i64
                ; call rax
                ; mov rcx, rax
                ; shr rcx, 32
            );
            match leave {
                Some(leave) => asm!(self.ops; jnz =>leave),
                None => asm!(self.ops; jnz ->exit),
            }
        } else {
            // A slow path: the call and the exit check are shared.
            let shared = self.shared_call(helper, SharedKind::Continue);
            asm!(self.ops
                ; mov esi, pc as i32
                ; mov edx, reason.map(|r| r as i32).unwrap_or(-1)
                ; call =>shared
            );
        }
        self.rs.mode.regs = false;
        if let Some(t) = target {
            let tl = self.label(t);
            asm!(self.ops
                ; cmp eax, t as i32
                ; je =>tl
            );
        }
        let last = pc as usize + 1 >= self.labels.len();
        if !hot || last {
            let next = self.next(pc);
            asm!(self.ops; jmp =>next);
            // This path ends here: its spill says nothing of code after it.
            self.rs.mode.clean = clean;
        } else if regs {
            self.reload_after(pc, true);
        }
        self.rs.mode.regs = regs;
    }
}

/// An instruction the hot code may run with a constant still to be stored
/// (`Gen::deferred`): its templates read and write other registers only,
/// and call out (a generic path, a bail) only after a `spill`.
fn defer_through(ins: &Instr) -> bool {
    matches!(
        ins,
        Instr::LoadInt { .. }
            | Instr::LoadNone { .. }
            | Instr::LoadBool { .. }
            | Instr::LoadConst { .. }
            | Instr::Move { .. }
            | Instr::AddI { .. }
            | Instr::SubI { .. }
            | Instr::Add { .. }
            | Instr::Sub { .. }
            | Instr::Mul { .. }
            | Instr::IAdd { .. }
            | Instr::ISub { .. }
            | Instr::IMul { .. }
    )
}

/// Whether one of `defer_through`'s instructions reads register `r`.
fn reads(ins: &Instr, r: u16) -> bool {
    match *ins {
        Instr::Move { src, .. } => src == r,
        Instr::AddI { a, .. } | Instr::SubI { a, .. } => a == r,
        Instr::Add { a, b, .. }
        | Instr::Sub { a, b, .. }
        | Instr::Mul { a, b, .. }
        | Instr::IAdd { a, b, .. }
        | Instr::ISub { a, b, .. }
        | Instr::IMul { a, b, .. } => a == r || b == r,
        _ => false,
    }
}

/// A constant's two words as compiled code stores them.
/// The end of `code`'s entry block: the first instruction that is a jump
/// target or handler, or follows a branch, jump or return.
fn entry_end(code: &Code, block_start: &[bool]) -> u32 {
    let n = code.instrs.len();
    (1..n)
        .find(|&p| {
            let prev = &code.instrs[p - 1];
            block_start[p] || prev.jump_target().is_some() || !falls_through(prev)
        })
        .unwrap_or(n) as u32
}

fn value_words(v: &Value) -> (u64, u64) {
    let payload = match v {
        Value::Undefined | Value::None | Value::Ellipsis | Value::NotImplemented => 0,
        Value::Bool(b) => *b as u64,
        Value::Int(i) => *i as u64,
        Value::Float(f) => f.to_bits(),
        // SAFETY: every other variant's payload is a full 8-byte pointer word.
        _ => unsafe { *(v as *const Value as *const u64).add(1) },
    };
    (v.tag(), payload)
}

/// Whether the CPU (and OS) support AVX: float arithmetic in registers then
/// uses the three-operand forms (`float_arith_in_regs`). Checked once.
fn has_avx() -> bool {
    use std::sync::OnceLock;
    static AVX: OnceLock<bool> = OnceLock::new();
    *AVX.get_or_init(|| std::arch::is_x86_feature_detected!("avx"))
}

/// The jump target of a compare-and-branch instruction.
fn compare_branch_target(ins: Instr) -> Option<u32> {
    match ins {
        Instr::JumpIfNotLt { target, .. }
        | Instr::JumpIfNotLe { target, .. }
        | Instr::JumpIfNotGt { target, .. }
        | Instr::JumpIfNotGe { target, .. }
        | Instr::JumpIfNotEq { target, .. }
        | Instr::JumpIfNotNe { target, .. } => Some(target as u32),
        _ => None,
    }
}
