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

/// Code is assembled into a plain vector and copied once into an executable
/// mapping of exactly its size (see `JitRuntime::compile`): growing mmap'd
/// buffers while assembling cost more than the assembly itself.
type Assembler = crate::jit::codebuf::CodeBuf;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::interp::ops::CmpOp;
use crate::jit::disasm::Note;
use crate::jit::exits::{ExitReason, KIND_RESUME};
use crate::jit::feedback;
use crate::jit::regalloc::{self, falls_through, MReg};
use crate::jit::{fast, helpers, lean, lean_branches};
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
mod cold_mode;
mod cold_queue;
use cold_mode::{ColdExtra, ColdMode};
#[path = "gen_arith.rs"]
mod gen_arith;
#[path = "gen_attr.rs"]
mod gen_attr;
#[path = "gen_branches.rs"]
mod gen_branches;
#[path = "gen_builtin_calls.rs"]
mod gen_builtin_calls;
#[path = "gen_calls.rs"]
mod gen_calls;
#[path = "gen_cells.rs"]
mod gen_cells;
#[path = "gen_float.rs"]
mod gen_float;
#[path = "gen_generic.rs"]
mod gen_generic;
#[path = "gen_index.rs"]
mod gen_index;
#[path = "gen_index_pair.rs"]
mod gen_index_pair;
#[path = "gen_inline_calls.rs"]
mod gen_inline_calls;
#[path = "gen_iter.rs"]
pub(crate) mod gen_iter;
#[path = "gen_leaf_calls.rs"]
mod gen_leaf_calls;
#[path = "gen_list_methods.rs"]
mod gen_list_methods;
#[path = "gen_loops.rs"]
mod gen_loops;
#[path = "gen_loops_reg.rs"]
mod gen_loops_reg;
#[path = "gen_module_calls.rs"]
mod gen_module_calls;
#[path = "gen_pow.rs"]
pub(crate) mod gen_pow;
#[path = "gen_rec_calls.rs"]
pub(crate) mod gen_rec_calls;
#[path = "gen_slices.rs"]
mod gen_slices;
#[path = "gen_yield.rs"]
mod gen_yield;
pub mod inline_counts;
mod known;
mod leave;
mod linecount;
mod peel;
mod pending;

/// Byte offset of register `r`'s tag word from `rbx`.
pub(crate) fn slot(r: u16) -> i32 {
    r as i32 * 16
}
/// Byte offset of register `r`'s payload word.
pub(crate) fn pay(r: u16) -> i32 {
    r as i32 * 16 + 8
}

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
/// u64 counters after the code, in its own pages from offset `at` (a
/// page boundary) on, so each count is one `add qword [rip + d], 1`, 8
/// bytes (`CodeBuf::add_qword_rip_imm8`), with no register (the counters are within 2 GB of the code by
/// construction). The counts are added to the interpreter's
/// (`PcProf::count`) when the profile is built (`JitRuntime::fold_line_counts`).
pub struct LineCounters {
    /// Where the code ends (the padding to `at` is no code).
    pub code_end: u32,
    /// The page boundary the read-write pages start at (`at` is a little
    /// past it: `Gen::counter_skew`).
    pub rw_from: u32,
    pub at: u32,
    /// Counters (u64 each) from `at` on.
    pub slots: u32,
    /// (counter, instruction): the counter counts for the instruction's
    /// line entry (a block's counter for each line entry in the block).
    pub adds: Vec<(u32, u32)>,
    /// After the counters: (offset, site entry) for each self-call site's
    /// copy of its entry's `rec_fast` (`DirectEntry::rec_fast_slot`).
    pub rec_fast: Vec<(u32, i64)>,
    /// (counter, self-call site entry): the counter counts the calls of the
    /// entry's edge too (`gen_leaf_calls.rs`, `run_counter`); a counter may
    /// have several entries, whose edge is the same.
    pub run_calls: Vec<(u32, i64)>,
    /// The line entries of the first block when the calls that enter the
    /// direct entry count it (`linecount.rs`): each gets the code's edges'
    /// `Edge::direct_entries` (empty: none).
    pub call_entries: Vec<u32>,
    /// (offset, what it counts): counters of calls answered at their sites
    /// (`inline_counts.rs`), after the others.
    pub counted_calls: Vec<(u32, inline_counts::CountedCall)>,
    /// Entries in the middle of a block (`MidEntry`), by pc.
    pub mid_entries: Vec<MidEntry>,
}

/// Recording: where the interpreter may enter compiled code in the middle
/// of a block, and the line entries it counts itself when it does.
///
/// Entries are at block starts while recording, since a block counts its
/// lines at its first instruction (`linecount.rs`). But the interpreter
/// resumes a frame in the middle of one after each call it ran for the
/// frame (calls do not end blocks; a callee that bailed, or one the
/// interpreter ran): the frame stayed interpreted to its next block start,
/// where without recording it went back to compiled code at once, so the
/// profile showed another run than the user's (raytrace interpreted 365K
/// instructions recording against 231K not, and a caller took fewer of its
/// own exits). An entry here counts, in the interpreter's counts
/// (`PcProf::count`), the line entries the block's counter would have
/// counted from `pc` on: the rest of the block and the blocks it absorbs
/// (`LineCount::entries_from`).
/// An exit later in the block takes back the lines after it, as after an
/// entry at the block's start; the exits of the entry's own checks (a
/// register-allocated loop's stub, `emit_entry_checks`) take back the
/// lines from `pc` on (`uncount_resuming_at`), which the interpreter then
/// counts as it runs them.
pub struct MidEntry {
    pub pc: u32,
    /// The entry's code offset.
    pub at: u32,
    /// The line entries to count, by pc.
    pub lines: Box<[u32]>,
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
    /// The type checks behind the `RegType` exits among them.
    pub reg_checks: Vec<crate::jit::regalloc::RegCheck>,
    /// Sites compiled with a speculation from their feedback (their failed
    /// guards leave compiled code; a recompile demotes those that kept
    /// failing), with what each expects, for the profile's bails.
    pub speculations: Vec<(u32, &'static str)>,
    /// The memories the code's call sites point to.
    pub method_sites: Vec<Box<crate::jit::direct_site::DirectSite>>,
    /// Recording: the line counters after the code.
    pub line_counters: Option<LineCounters>,
}

pub struct Gen<'a> {
    code: &'a Code,
    ops: Assembler,
    cold: cold_queue::ColdQueue<'a, Gen<'a>>,
    /// The state of cold code queued with any besides the mode (`cold`).
    cold_extras: Vec<ColdExtra>,
    notes: Vec<(u32, Note)>,
    bail_sites: Vec<(u32, ExitReason)>,
    reg_checks: Vec<crate::jit::regalloc::RegCheck>,
    /// Sites the caller wants compiled without a fast path (they kept bailing).
    generic_at: &'a [u32],
    /// Sites whose speculation kept failing: the default template there.
    demoted: &'a [u32],
    /// The last version a code object gets (`jit::MAX_RECOMPILES`): every
    /// site as if demoted, nothing speculated.
    settled: bool,
    speculations: Vec<(u32, &'static str)>,
    /// Keep notes for `jitprof disasm` (source lines, bytecode, comments).
    listing: bool,
    /// Flags the back-edge poll reads.
    polls: Polls,
    /// Recording: where line entries are counted (`linecount.rs`).
    lc: Option<linecount::LineCount>,
    /// Recording: a vector `linecount.rs` lists line entries into, kept
    /// from one use to the next (`LineCount::each_entry_from`).
    entries_scratch: Vec<u32>,
    /// Recording: pc 0's counting entry, made before the direct entry
    /// (`Gen::emit_counted_entry_at_start`).
    counted_start: Option<linecount::CountedEntry>,
    /// Recording: the recorder, when the run records (`Gen::recorder`).
    rec: Option<&'a mut crate::recorder::Recorder>,
    /// Recording: counters of calls answered at their sites
    /// (`inline_counts.rs`).
    counted: Vec<(DynamicLabel, inline_counts::CountedCall)>,
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
    /// (helper, kind, entry with pc and reason packed in esi, entry with
    /// them in esi and edx), emitted once after the cold code.
    shared: Vec<(usize, SharedKind, DynamicLabel, DynamicLabel)>,
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
    /// Every instruction's effects, computed once per compile for the
    /// register allocation, the global-function pairs, the reloads after
    /// instructions and the loops' own iterator registers.
    fx: crate::jit::dataflow::FxTable,
    /// Per register: a loop's own iterator register (`gen_iter.rs`),
    /// computed at the first `GetIter`.
    owned_iters: Option<Vec<bool>>,
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
    /// `JitRuntime::list_methods`.
    pub list_methods: [Option<crate::runtime::heap::Gc<crate::runtime::object::BuiltinObj>>; 2],
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
    /// Instruction `pc`'s label: the first labels made are one per
    /// instruction, in order (`Gen::new`).
    #[inline]
    fn pc_label(&self, pc: usize) -> DynamicLabel {
        debug_assert!(pc < self.code.instrs.len());
        Assembler::label_of(pc)
    }

    pub fn new(
        code: &'a Code,
        generic_at: &'a [u32],
        demoted: &'a [u32],
        listing: bool,
        polls: Polls,
        regalloc: Option<&[u32]>,
    ) -> Gen<'a> {
        // Sized up front from the instruction count (about 190 bytes and
        // 4-5 labels per instruction are typical; 4.08 for compile_cost.py's
        // 200-line function, whose table `4n + 64` fell just short and was
        // copied to twice its size), so neither is copied as it grows: at a
        // few hundred KB those copies were a tenth of the compile time.
        let n = code.instrs.len();
        let mut ops = Assembler::with_capacity(192 * n + 1024, 5 * n + 64);
        // Instruction `pc`'s label is id `pc` (`pc_label`).
        ops.first_labels(n);
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
        let fx = crate::jit::dataflow::fx_table(code);
        let recording = polls.sample.is_some();
        let plan = regalloc.and_then(|noreg_at| regalloc::plan(code, noreg_at, &fx, recording));
        let consts = crate::jit::const_calls::find(
            code,
            &block_start_copy,
            code.fast_argc() != u16::MAX,
            &fx,
        );
        let lc = polls
            .sample
            .map(|_| linecount::LineCount::new(code, &block_start, || ops.new_dynamic_label()));
        Gen {
            code,
            ops,
            cold: cold_queue::ColdQueue::new(),
            cold_extras: Vec::new(),
            notes: Vec::new(),
            bail_sites: Vec::new(),
            reg_checks: Vec::new(),
            generic_at,
            demoted,
            settled: false,
            speculations: Vec::new(),
            listing,
            polls,
            lc,
            entries_scratch: Vec::new(),
            counted_start: None,
            rec: None,
            counted: Vec::new(),
            block_start,
            known: vec![None; code.nregs as usize],
            known_frame: vec![false; code.nregs as usize],
            bound: vec![false; code.nregs as usize],
            shared: Vec::new(),
            fail_used: false,
            rs: RegState {
                plan,
                stubs: vec![u32::MAX; code.instrs.len()],
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
            fx,
            owned_iters: None,
            entry_checks: Vec::new(),
            zero_carry: None,
        }
    }

    /// Compile the settled version: no speculation anywhere (see `settled`).
    pub fn settled(mut self, settled: bool) -> Self {
        self.settled = settled;
        self
    }

    /// Recording: the recorder, which makes the edges of the call sites
    /// whose callee is fixed (`gen_rec_calls.rs`).
    pub fn recorder(mut self, rec: Option<&'a mut crate::recorder::Recorder>) -> Self {
        self.rec = rec;
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
        let c = self.consts.at(pc)?;
        // A `LoadGlobal` that kept leaving (the global rebound) runs the
        // generic path: its `Call` can no longer rely on it.
        let generic = self.generic_at.contains(&c.load_pc);
        (!in_loop(pc) && !in_loop(c.load_pc) && !generic).then_some(c)
    }

    fn here(&self) -> u32 {
        self.ops.offset().0 as u32
    }

    /// A comment for the disassembly; formatted only when a listing is kept.
    /// (Inline: the check is all a compile without a listing does, and the
    /// call cost more, a thousand or two times in a long function.)
    #[inline]
    fn comment(&mut self, text: std::fmt::Arguments) {
        if self.listing {
            self.note_comment(text);
        }
    }

    #[cold]
    fn note_comment(&mut self, text: std::fmt::Arguments) {
        let at = self.here();
        self.notes.push((at, Note::Comment(text.to_string())));
    }

    /// Queue code for the cold section. It is emitted in the register state
    /// of the code queueing it (which jumps there).
    ///
    /// That state is stored with the closure packed in 16 bytes
    /// (`ColdMode`); the rare rest of it, or all of it when it does not
    /// pack, is kept aside (`cold_extras`). Every closure carries it
    /// (compile_cost.py's `big` queues 1,519, whose fresh pages cost page
    /// faults): the mode, the copied region and an index as they were took
    /// 32 bytes, and the extras were most of each closure's 104 before.
    fn cold(&mut self, f: impl FnOnce(&mut Gen<'a>) + 'a) {
        let packed = match ColdMode::pack(self) {
            Some(m) => m,
            None => {
                self.cold_extras.push(ColdExtra {
                    mode: self.rs.mode,
                    copying: self.rs.copying,
                    deferred: self.deferred,
                    pending_zero: self.pending_zero,
                    zero_redirect: self.zero_redirect,
                });
                ColdMode::extra(self.cold_extras.len() - 1)
            }
        };
        self.cold.push(move |g: &mut Gen<'a>| {
            let saved = (
                g.rs.mode,
                g.rs.copying,
                g.deferred,
                g.pending_zero,
                g.zero_redirect,
            );
            packed.restore(g);
            f(g);
            (
                g.rs.mode,
                g.rs.copying,
                g.deferred,
                g.pending_zero,
                g.zero_redirect,
            ) = saved;
        });
    }

    /// Note that the site at `pc` speculates on its type feedback: its
    /// failed guards leave compiled code (a recompile demotes it if they
    /// keep failing), and its bails expected `what` (`Compiled::speculations`).
    pub(super) fn speculate(&mut self, pc: u32, what: &'static str) {
        self.speculations.push((pc, what));
    }

    /// Compile the whole code object.
    pub fn generate(mut self) -> Generated {
        self.notes.push((
            0,
            Note::Section("entry: save registers, jump to the pc".into()),
        ));
        self.gen_prologue();
        self.plan_counter_regs();
        self.make_peel_labels();
        self.eager_stubs();
        self.emit_counted_entry_at_start();
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
            let label = self.pc_label(pc);
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
            std::mem::take(&mut self.cold).run(&mut self);
        }
        self.emit_shared_calls();
        self.emit_leave_chains();
        let counted_entries = self.emit_counted_entries();
        let mut line_counters = self.emit_line_counters();
        self.emit_counted_calls(&mut line_counters);
        if let Some(c) = &line_counters {
            self.counters_end_at(self.here() as usize - c.rw_from as usize);
        }
        let mut mid_entries = Vec::new();
        let mut lines = std::mem::take(&mut self.entries_scratch);
        let mut entry_offsets = pc_offsets
            .iter()
            .enumerate()
            .map(|(pc, &o)| {
                let at = match self.rs.plan.as_ref().and_then(|p| p.region_at(pc as u32)) {
                    _ if self.consts.no_entry[pc] || self.no_entry[pc] => u32::MAX,
                    _ if self.fused_into_prev(pc as u32) => u32::MAX,
                    _ if pc > 0 && zero_pending_at[pc] => u32::MAX,
                    _ if no_entry_at[pc] => u32::MAX,
                    // Recording, a register-allocated loop keeps some
                    // blocks' counts in registers (`plan_counter_regs`),
                    // which only its entry stubs clear: an entry's checks
                    // go straight to the instruction's code, and the
                    // counts would start from what the caller left there.
                    Some(_) if self.lc.is_some() && entry_stubs[pc] != u32::MAX => u32::MAX,
                    _ if entry_stubs[pc] != u32::MAX => entry_stubs[pc],
                    Some(_) => self.rs.stub_offsets[pc],
                    None => o,
                };
                match &self.lc {
                    // Recording, in the middle of a block (see `MidEntry`).
                    Some(lc) if at != u32::MAX && !lc.entry_allowed(pc) => {
                        lines.clear();
                        lc.entries_from_into(pc as u32, pc as u32, &mut lines);
                        mid_entries.push(MidEntry {
                            pc: pc as u32,
                            at,
                            lines: lines.as_slice().into(),
                        });
                        u32::MAX
                    }
                    _ => at,
                }
            })
            .collect::<Vec<u32>>();
        // (Recording only: a table of an entry per instruction otherwise
        // for nothing.)
        let mut counted_at = Vec::new();
        if self.lc.is_some() {
            counted_at = vec![(u32::MAX, u32::MAX); entry_offsets.len()];
        }
        for c in counted_entries {
            // The entry the counting stub replaces: the one it goes on to.
            let to = match c.via_loop_stub {
                true => self.rs.stub_offsets[c.pc],
                false => pc_offsets[c.pc],
            };
            counted_at[c.pc] = (c.at, to);
        }
        for (pc, e) in entry_offsets.iter_mut().enumerate() {
            if !self.lc.as_ref().is_some_and(|lc| lc.uncounted_start(pc)) {
                continue;
            }
            // A block its code counts on the way in only (`linecount.rs`):
            // entered through its counting stub, which at pc 0 every entry
            // but the direct entry's takes (pc 0 starts a frame, no jump
            // reaches it). Elsewhere the stub replaces the entry it goes on
            // to only (the pc's code, or a loop's entry stub, whose exits
            // take the count back): an entry through other checks that may
            // leave (`emit_entry_checks`) or with no counting stub is
            // refused.
            *e = match counted_at[pc] {
                (at, to) if at != u32::MAX && (pc == 0 || *e == to) => at,
                _ => u32::MAX,
            };
        }
        if let Some(c) = &mut line_counters {
            c.mid_entries = mid_entries;
        }
        Generated {
            ops: self.ops,
            direct_offset,
            pc_offsets,
            entry_offsets,
            notes: self.notes,
            bail_sites: self.bail_sites,
            reg_checks: self.reg_checks,
            speculations: self.speculations,
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

    /// Where a jump to instruction `pc` goes from the code being emitted
    /// (its code, its loop's entry stub, or code leaving a loop first).
    fn label(&mut self, pc: u32) -> DynamicLabel {
        self.jump_label(pc)
    }

    fn next(&mut self, pc: u32) -> DynamicLabel {
        // A jump to the instruction after the last one cannot be emitted; the
        // compiler always ends code with a return, so pc + 1 exists for every
        // instruction that falls through.
        let n = (pc as usize + 1).min(self.code.instrs.len() - 1);
        self.jump_label(n as u32)
    }

    /// Entry stubs for where the interpreter enters a register-allocated
    /// loop: its headers (on-stack replacement at a back-edge), after calls
    /// (a callee the interpreter ran returns there), after yields (a
    /// generator resumes there; a `for` loop's compiled code resumes it
    /// only where its code has an entry, `for_generator.rs`) and exception
    /// handlers.
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
                    | Instr::Yield { .. }
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
            return self.gen_generic(pc);
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
            Instr::LoadDeref { dst, cell, .. } => self.gen_load_deref(pc, dst, cell),
            Instr::StoreDeref { cell, src } => self.gen_store_deref(pc, cell, src),
            Instr::LoadClosure { .. } => self.call_fast(pc, fast::jit_load_closure as *const ()),
            Instr::MakeFunction { .. } => self.call_fast(pc, lean::jit_make_function as *const ()),
            Instr::StoreGlobal { .. } => self.call_fast(pc, fast::jit_store_global as *const ()),
            Instr::ListAppend { .. } => self.call_fast(pc, fast::jit_list_append as *const ()),
            Instr::GetIter { dst, src } => self.gen_get_iter(pc, dst, src),
            Instr::CloseIter { iter } => self.gen_close_iter(pc, iter),
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
            Instr::Yield { dst, src } => {
                self.gen_yield(pc, dst, src);
                self.forget_all();
            }
            // Generators' frame changes belong to the interpreter.
            Instr::YieldFrom { .. } => {
                self.comment(format_args!("hand the call/return to the interpreter"));
                self.exit_resume_counted(pc);
                self.forget_all();
            }
            _ => self.gen_generic(pc),
        }
        if numeric && !self.float_inline {
            self.rsi_items = None;
        }
    }

    // ------------------------------------------------------------ known types

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
            let to = self.pc_label(pc as usize);
            let w = (KIND_RESUME << 32) | pc as u64;
            asm!(self.ops
                ; jmp =>to
                ; =>fail
            );
            // Recording: an entry in the middle of a block counted the
            // block's lines from here (`MidEntry`), which the interpreter
            // now counts as it runs them.
            self.uncount_resuming_at(pc);
            asm!(self.ops
                ; mov rax, QWORD w as i64
                ; jmp ->exit
            );
        }
        at
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
    fn gen_generic_by_feedback(&mut self, pc: u32) {
        self.comment(format_args!(
            "feedback: {}: generic path",
            feedback::describe(self.code.feedback.get(pc as usize))
        ));
        self.gen_generic(pc);
    }

    // ------------------------------------------------------------ numeric templates

    /// Guard that register `r` holds `tag`; jump to `fail` otherwise.
    fn guard_tag(&mut self, r: u16, tag: u64, fail: DynamicLabel) {
        asm!(self.ops
            ; cmp QWORD [rbx + slot(r)], tag as i32
            ; jne =>fail
        );
    }

    // ------------------------------------------------------------ branches

    // ------------------------------------------------------------ more int/float templates

    // Attributes: `gen_attr.rs`.

    // Calls and returns: `gen_calls.rs`.

    // ------------------------------------------------------------ leaving
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
