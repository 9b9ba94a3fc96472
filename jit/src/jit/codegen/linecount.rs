//! Recording: how compiled code counts line entries (the profile's
//! execution counts), one counter per basic block rather than per line.
//!
//! Straight-line code runs all its lines once it starts, so a block (here:
//! a run of instructions entered only at its first, ending at a branch, a
//! jump target, a call or a return) counts once, at its first instruction,
//! for every line entry in it: one `add qword [rip + d], 1` where a loop
//! body of six lines took six. A line's count is then its block's count,
//! plus a correction counter of its own, plus the interpreter's count
//! (`JitRuntime::fold_line_counts` adds them up when the profile is built).
//!
//! Exactness: compiled code can leave a block in the middle (a guard fails
//! and the step raises, a helper pushes a frame, a callee raises or is left
//! to the interpreter, a loop local changes type). Every such exit either
//! comes after the block's last instruction (returns, yields and branches
//! end their block, so the branches need nothing), or is emitted here: the
//! exit paths of `call_helper_outcome`, the calls' (`gen_calls.rs`),
//! `step_and_leave`, `reg_exit` and `exit_resume_counted` take back, in
//! their correction counters, the counts of the block's lines they skip
//! (`uncount_*`, `leave_after`). The
//! interpreter enters compiled code at a block's start (`entry_allowed`),
//! or in its middle after counting the block's lines from there itself
//! (`MidEntry`: after a call the frame made), so no line is entered past
//! its counter uncounted, and a
//! template that jumps past a block's start (the fused enumerate and
//! unpack, `gen_loops.rs`) counts that block itself (`count_block`).
//!
//! So a new template that leaves compiled code (`->exit`) in the middle of
//! a block must leave through `leave_after`, or its instruction must end
//! its block (`ends_block`); tests/recorder.rs compares every line's count
//! with the interpreter's on every engine.
//!
//! The first block of a function that only calls enter (pc 0 is no jump
//! target or handler) is counted by the calls instead: a compiled caller
//! that enters the direct entry counts the call on its edge
//! (`Edge::direct_calls`, `fast_calls`) anyway, so the direct entry adds
//! nothing and the block's lines get those calls when the profile is built
//! (`LineCounters::call_entries`, `JitRuntime::fold_line_counts`); the
//! other entries at pc 0 (the Rust path's calls, the interpreter's) go
//! through a stub that counts the block (`emit_counted_entry`). One
//! read-modify-write less per compiled call.
//!
//! A block entered only from blocks that go nowhere else (by falling
//! through, or by a `Jump`) has no add of its own: theirs count its lines
//! too (`absorbed_blocks`). Flow conservation makes that exact: it runs as
//! often as they finish. The join after an if/else is one; a loop header
//! is the other that matters, entered by the block before the loop (once
//! per loop entry) and by the back-edge's block (once per iteration): one
//! add per iteration less. Three things keep it exact. An exit in the
//! middle of a predecessor takes back the absorbed block's lines with the
//! rest of its own (the chains follow the flow, a back-edge included). A
//! block whose flow comes back to it through absorbed blocks only (a
//! `while True:` with no branch) keeps its add, or nothing would count it.
//! And the interpreter, which enters at loop headers (on-stack
//! replacement), enters an absorbed block through a stub that counts it
//! (`emit_counted_entries`); where that stub goes on to a
//! register-allocated loop's entry stub, whose type checks may leave, the
//! way out takes the count back (`reg_exit`), as it does for the
//! predecessors' counts.
//!
//! The counters live after the code in the same mapping, from a page
//! boundary on (made read-write, the code read-execute; see
//! `LineCounters`), so each is addressed relative to rip, with no register.

use std::sync::atomic::{AtomicUsize, Ordering};

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{Gen, LineCounters, COUNTER_PAGE};
use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::jit::regalloc::falls_through;

/// An interpreter's entry that counts the block it enters
/// (`Gen::emit_counted_entries`).
pub(super) struct CountedEntry {
    pub pc: usize,
    /// The stub's offset.
    pub at: u32,
    /// It goes on at the register-allocated loop's entry stub of `pc`, not
    /// at `pc`'s code.
    pub via_loop_stub: bool,
}

pub(super) struct LineCount {
    /// The instruction begins a line (`PcProf::entry`).
    entry: Vec<bool>,
    /// The instruction begins a counting block.
    start: Vec<bool>,
    /// The first instruction of the instruction's block.
    block: Vec<u32>,
    /// At a block start whose block holds a line entry: its counter.
    block_counter: Vec<Option<DynamicLabel>>,
    /// Per line entry: its correction counter, made when an exit needs it.
    line_counter: Vec<Option<DynamicLabel>>,
    /// Per line entry: where leaving compiled code takes back the counts of
    /// this line and the block's later ones (`leave_after`).
    leave_chain: Vec<Option<DynamicLabel>>,
    /// The self-call sites' copies of their entry's `rec_fast`, in the same
    /// read-write pages after the counters (`gen_rec_calls.rs`): (slot,
    /// the site entry's address).
    rec_fast: Vec<(DynamicLabel, i64)>,
    /// Counters that count one entry of each of several lines at once:
    /// (counter, its line entries' instructions). A base case of this
    /// code answered at one of its self-call sites (`gen_leaf_calls.rs`)
    /// runs its first instructions, whose lines one add counts.
    runs: Vec<(DynamicLabel, Vec<u32>)>,
    /// Runs that count calls too: (run counter, a self-call site's entry),
    /// whose edge's calls the counter's count is added to
    /// (`LineCounters::run_calls`).
    run_calls: Vec<(DynamicLabel, i64)>,
    /// The first block is counted by the calls that enter the direct entry
    /// (see the module comment): its counter counts only the other entries.
    first_by_calls: bool,
    /// At a block start: the block is counted by its predecessors' counters
    /// (see `absorbed_blocks`); its own counts only the interpreter's
    /// entries (`emit_counted_entries`).
    absorbed: Vec<bool>,
    /// Per instruction: where control goes after it on its one way on (a
    /// `Jump`'s target, the next instruction after a plain one), if it has
    /// one: the block it ends continues into that one when absorbed.
    flows_to: Vec<Option<u32>>,
}

/// Instruction `ins` at `pc`: where it goes on when that is its only way
/// (see `LineCount::flows_to`).
fn flows_to(ins: &Instr, pc: usize) -> Option<u32> {
    match *ins {
        Instr::Jump { target } => Some(target as u32),
        _ if ins.jump_target().is_none() && falls_through(ins) && !ends_block(ins) => {
            Some(pc as u32 + 1)
        }
        _ => None,
    }
}

/// The blocks (by start) whose lines their predecessors' counters count
/// too: a block reached only by falling through from, or by a `Jump` of,
/// blocks that go nowhere else is entered exactly as often as they are,
/// less the exits between, which take its lines back with theirs
/// (`entries_from` goes on into it). The join after an if/else, and a loop
/// header: entered once per iteration by the back-edge's block and once per
/// loop entry by the block before the loop, it needs no add of its own,
/// one per iteration less. Not a handler, pc 0 or a block after a yield;
/// every predecessor has a counter; and not a block that following the
/// flow from it reaches again through absorbed blocks only (`while True:`
/// with no branch: nothing would count it). The interpreter enters one
/// through a stub that counts it (`Gen::emit_counted_entries`).
fn absorbed_blocks(
    code: &Code,
    start: &[bool],
    block: &[u32],
    block_counter: &[Option<DynamicLabel>],
) -> Vec<bool> {
    let n = code.instrs.len();
    let mut ok: Vec<bool> = (0..n)
        .map(|pc| pc > 0 && start[pc] && block_counter[pc].is_some())
        .collect();
    for e in &code.exc_table {
        if let Some(b) = ok.get_mut(e.handler as usize) {
            *b = false;
        }
    }
    let counted = |p: usize| block_counter[block[p] as usize].is_some();
    for (p, ins) in code.instrs.iter().enumerate() {
        if let Some(t) = ins.jump_target() {
            let t = t as usize;
            let jump = matches!(ins, Instr::Jump { .. });
            if t < n && !(jump && counted(p)) {
                ok[t] = false;
            }
        }
        if p + 1 < n && falls_through(ins) {
            let plain = ins.jump_target().is_none() && !ends_block(ins);
            if !(plain && counted(p)) {
                ok[p + 1] = false;
            }
        }
    }
    break_absorbed_cycles(code, block, &mut ok);
    ok
}

/// Keeps one block of every cycle of absorbed blocks counted: the flow
/// from a block goes one way (`flows_to`), so absorbed blocks chain, and
/// a chain that closes on itself has no counted block to count it. In pc
/// order, so a loop keeps its header (its lowest block) counted.
fn break_absorbed_cycles(code: &Code, block: &[u32], ok: &mut [bool]) {
    let n = code.instrs.len();
    // The instruction that ends each block, by its start.
    let mut last = vec![0usize; n];
    for pc in 0..n {
        last[block[pc] as usize] = pc;
    }
    let next = |b: usize, ok: &[bool]| {
        flows_to(&code.instrs[last[b]], last[b])
            .map(|s| s as usize)
            .filter(|&s| s < n && ok[s])
    };
    for s in 0..n {
        if !ok[s] {
            continue;
        }
        // A chain into a cycle that does not hold `s` goes round it: `n`
        // steps at most, its lowest block breaks it when its turn comes.
        let mut b = s;
        for _ in 0..n {
            match next(b, ok) {
                Some(t) if t == s => {
                    ok[s] = false;
                    break;
                }
                Some(t) => b = t,
                None => break,
            }
        }
    }
}

/// Yields leave to the interpreter, which resumes after them: they end
/// their block, so their exits skip none of its lines. Calls do not: the
/// block goes on after them (one counter for straight-line code with
/// calls), and every way a call leaves compiled code takes back the
/// block's later lines (`leave_after`: `call_helper_outcome`, and
/// `gen_calls.rs` where a callee unwound); the interpreter, which goes on
/// after a call that left, does not enter compiled code in the middle of
/// the block (`entry_allowed`).
fn ends_block(ins: &Instr) -> bool {
    ins.jump_target().is_some()
        || !falls_through(ins)
        || matches!(ins, Instr::Yield { .. } | Instr::YieldFrom { .. })
}

impl LineCount {
    /// For `code`, whose jump targets and handlers `block_start` marks.
    pub(super) fn new(
        code: &Code,
        block_start: &[bool],
        mut label: impl FnMut() -> DynamicLabel,
    ) -> LineCount {
        // Only entries reach pc 0, and compiled callers enter the direct
        // entry (which a code has when `fast_argc` says so,
        // `gen_direct_entry`): a property of the code, so every compiled
        // version of it agrees (the fold adds the calls once per code).
        let only_entered =
            !block_start.first().copied().unwrap_or(true) && code.fast_argc() != u16::MAX;
        let n = code.instrs.len();
        let entry = crate::recorder::build::line_entries(code);
        let mut start = block_start.to_vec();
        if let Some(s) = start.first_mut() {
            *s = true;
        }
        for pc in 1..n {
            if ends_block(&code.instrs[pc - 1]) {
                start[pc] = true;
            }
        }
        let mut block = vec![0u32; n];
        let mut block_counter = vec![None; n];
        let mut b = 0;
        for pc in 0..n {
            if start[pc] {
                b = pc;
            }
            block[pc] = b as u32;
            if entry[pc] && block_counter[b].is_none() {
                block_counter[b] = Some(label());
            }
        }
        let first_by_calls = only_entered && block_counter.first().is_some_and(|c| c.is_some());
        let absorbed = absorbed_blocks(code, &start, &block, &block_counter);
        LineCount {
            entry,
            start,
            block,
            block_counter,
            line_counter: vec![None; n],
            leave_chain: vec![None; n],
            rec_fast: Vec::new(),
            runs: Vec::new(),
            run_calls: Vec::new(),
            first_by_calls,
            absorbed,
            flows_to: (0..n).map(|pc| flows_to(&code.instrs[pc], pc)).collect(),
        }
    }

    /// The counter `Gen::count_block` adds to at `pc`'s start, if it
    /// counts there: a block start with a counter that neither the calls
    /// (see the module comment) nor the blocks before it
    /// (`absorbed_blocks`) count.
    pub(super) fn counted_at_start(&self, pc: usize) -> Option<DynamicLabel> {
        let l = (*self.block_counter.get(pc)?)?;
        if pc == 0 && self.first_by_calls || self.absorbed[pc] {
            return None;
        }
        Some(l)
    }

    /// Whether the interpreter may enter compiled code at `pc`.
    pub(super) fn entry_allowed(&self, pc: usize) -> bool {
        self.start.get(pc).copied().unwrap_or(false)
    }

    /// Whether `pc` starts a block that its code does not count on the way
    /// in (an entry must: `Gen::emit_counted_entries`).
    pub(super) fn uncounted_start(&self, pc: usize) -> bool {
        pc == 0 && self.first_by_calls || self.absorbed.get(pc) == Some(&true)
    }

    /// Whether instruction `pc` begins a line (its entry is counted).
    pub(super) fn is_entry(&self, pc: u32) -> bool {
        self.entry.get(pc as usize).copied().unwrap_or(false)
    }

    /// The line entries of `pc`'s block from `from` on, and of the blocks
    /// it goes on into that its counter counts (`absorbed_blocks`, which
    /// leaves no cycle of absorbed blocks, so this ends: at most once
    /// round the blocks all the same), in order, each given to `f` until it
    /// returns false.
    ///
    /// A visitor, not a vector: a compile asks this for every exit and
    /// every entry after a call, most of which want one entry or none, and
    /// a fresh vector each cost a fifth of what recording adds to a
    /// compile's instructions (deltablue's compiles: 5.94M with them, 5.62M
    /// without, 4.34M not recording; callgrind).
    pub(super) fn each_entry_from(&self, pc: u32, from: u32, mut f: impl FnMut(usize) -> bool) {
        let n = self.entry.len();
        let (mut b, mut q) = (self.block[pc as usize], from as usize);
        for _ in 0..=n {
            while q < n && self.block[q] == b {
                if self.entry[q] && !f(q) {
                    return;
                }
                q += 1;
            }
            // `q - 1` ends block `b`; on into its successor when absorbed.
            let next = q
                .checked_sub(1)
                .and_then(|e| self.flows_to[e])
                .map(|s| s as usize)
                .filter(|&s| s < n && self.absorbed[s]);
            match next {
                Some(s) => {
                    b = s as u32;
                    q = s;
                }
                None => return,
            }
        }
    }

    /// `each_entry_from`'s entries, appended to `out`.
    pub(super) fn entries_from_into(&self, pc: u32, from: u32, out: &mut Vec<u32>) {
        self.each_entry_from(pc, from, |q| {
            out.push(q as u32);
            true
        });
    }

    /// `each_entry_from`'s first entry.
    fn first_entry_from(&self, pc: u32, from: u32) -> Option<usize> {
        let mut first = None;
        self.each_entry_from(pc, from, |q| {
            first = Some(q);
            false
        });
        first
    }
}

/// Where in its first page the next compile's counters start: the level-1
/// data cache is indexed by an address's bits 6-11 as the instruction
/// cache is (`code_arena.rs`), and counters are hot data. With one of eight
/// fixed offsets per function (as before), richards' 19 compiles put up to
/// four functions' counters on the same sets. Laid end to end, compile
/// after compile, they share no set until they fill the window.
static COUNTER_COLOR: AtomicUsize = AtomicUsize::new(COUNTER_WINDOW.start);

/// Where counters start within a page: clear of its first KiB (4K aliasing
/// with the hot data at page starts, `Gen::counter_skew`), of the sets the
/// VM's own hot data crowds (below), and of its last lines, so that a
/// block of a few counters stays on its page.
///
/// Why not from 0x400: a simulation of richards' level-1 data cache (32
/// KiB, 8 ways, LRU, fed valgrind's trace of every access) found the
/// misses of the recording run piled on sets 17-21, page offsets 0x440 to
/// 0x57f: the runtime's own hot heap data (frames of the frame array,
/// instances, an edge that was the first block of an allocator page, 0x540
/// into it). Counters starting at 0x400 or at 0x540 (one of the eight
/// offsets before) joined that pile. From 0x600, cachegrind counts
/// richards' recording run at 690K misses of that cache, against 1,008K
/// with the eight offsets and 947K with the window from 0x400 (207K
/// without recording).
const COUNTER_WINDOW: std::ops::Range<usize> = 0x600..0xF00;

const COUNTER_LINE: usize = 64;

/// Where the counters after some that end `end` bytes into their first
/// page start: on the next line, or back at the window's start when that
/// is outside it.
fn next_counter_color(end: usize) -> usize {
    let next = end.next_multiple_of(COUNTER_LINE) % COUNTER_PAGE;
    if COUNTER_WINDOW.contains(&next) {
        next
    } else {
        COUNTER_WINDOW.start
    }
}

impl<'a> Gen<'a> {
    /// How far into their first read-write page a compile's counters
    /// start: where the previous compile's counters ended within theirs,
    /// rounded up to a cache line, inside `COUNTER_WINDOW` (see
    /// `COUNTER_COLOR`).
    ///
    /// Why not at the page's start: compiled code stores to its counters on
    /// nearly every block, and a load whose address has the same low 12
    /// bits as a store in flight waits for it (4K aliasing). The starts of
    /// pages are where other hot data starts too (the first frames' registers
    /// in the VM's register stack, page-aligned allocations): a loop calling
    /// four two-line functions ran 1.9 times as long recording as not in
    /// about half the runs (layouts vary run to run), 1.1 times in the
    /// others; with the counters 512, 2048 or 3000 bytes in, never slower
    /// than 1.2 times in 16 runs each.
    pub(super) fn counter_skew(&self) -> usize {
        COUNTER_COLOR.load(Ordering::Relaxed)
    }

    /// After a compile's counters, `end` bytes into their first page: the
    /// next compile's start there (`counter_skew`).
    pub(super) fn counters_end_at(&self, end: usize) {
        COUNTER_COLOR.store(next_counter_color(end), Ordering::Relaxed);
    }

    /// Zeros up to the next page's start where the code will run (it starts
    /// `page_offset` bytes into its first page, `code_arena.rs`), in one
    /// write (`.align` pushes byte by byte): the line counters' pages start
    /// there, read-write while the code's are read-execute.
    pub(super) fn pad_to_counter_page(&mut self) {
        let at = self.ops.page_offset() + self.here() as usize;
        self.ops
            .push_n(0, (COUNTER_PAGE - at % COUNTER_PAGE) % COUNTER_PAGE);
    }

    /// At instruction `pc`'s label: count its block, when it starts one.
    pub(super) fn count_block(&mut self, pc: usize) {
        let Some(l) = self.lc.as_ref().and_then(|lc| lc.counted_at_start(pc)) else {
            return;
        };
        if let Some(r) = self.counter_reg(pc as u32) {
            self.comment(format_args!("count the block's line entries in r{r}"));
            asm!(self.ops; add Rq(r), 1);
            return;
        }
        self.ops.add_qword_rip_imm8(l, 1);
    }

    /// Recording, with register allocation: which blocks of each region's
    /// tight loops count their line entries in the registers the region
    /// kept for it (`regalloc::COUNTER_GPRS`): the most deeply nested
    /// first, then in order.
    pub(super) fn plan_counter_regs(&mut self) {
        let (Some(lc), Some(plan)) = (self.lc.as_ref(), self.rs.plan.as_ref()) else {
            return;
        };
        let mut counters = Vec::new();
        for (id, region) in plan.regions.iter().enumerate() {
            if region.counter_regs.is_empty() {
                continue;
            }
            let depth = |pc: u32| {
                region
                    .tight
                    .iter()
                    .filter(|&&(t, b)| t <= pc && pc <= b)
                    .count()
            };
            let mut blocks: Vec<(usize, u32, DynamicLabel)> = (region.start..=region.end)
                .filter(|&pc| depth(pc) > 0)
                .filter_map(|pc| Some((depth(pc), pc, lc.counted_at_start(pc as usize)?)))
                .collect();
            blocks.sort_by_key(|&(d, pc, _)| (std::cmp::Reverse(d), pc));
            for (&r, (_, pc, l)) in region.counter_regs.iter().zip(blocks) {
                counters.push((id as u16, pc, r, l));
            }
        }
        self.rs.counters = counters;
    }

    /// The register that counts the block starting at `pc` here: in register
    /// state in its region (`plan_counter_regs`).
    fn counter_reg(&self, pc: u32) -> Option<u8> {
        let m = self.rs.mode;
        let region = m.region.filter(|_| m.regs)?;
        self.rs
            .counters
            .iter()
            .find(|c| c.0 == region && c.1 == pc)
            .map(|c| c.2)
    }

    /// Where the interpreter's entries (and at pc 0 every entry but the
    /// direct entry's) go at the starts of blocks their code does not count
    /// on the way in (pc 0 when the calls count the first block, see the
    /// module comment; absorbed blocks): (pc, a stub that counts the block,
    /// then goes on at the pc's code, or at its register-allocated loop's
    /// entry stub when `via_loop_stub`).
    ///
    /// A loop's entry stub checks the frame's types and may leave, after
    /// this count: its way out (`Gen::reg_exit`) takes back the counts of
    /// an absorbed block it leaves at, as it must for the predecessors that
    /// counted it (or goes on in the loop's frame-state copy, which does
    /// not count the block either). So on-stack replacement at an absorbed
    /// loop header counts it once, whichever way the stub goes.
    pub(super) fn emit_counted_entries(&mut self) -> Vec<CountedEntry> {
        let Some(lc) = self.lc.as_ref() else {
            return Vec::new();
        };
        let pcs: Vec<(usize, DynamicLabel)> = (1..lc.entry.len())
            .filter(|&pc| lc.absorbed[pc])
            .filter_map(|pc| Some((pc, lc.block_counter[pc]?)))
            .collect();
        let mut out: Vec<CountedEntry> = self.counted_start.take().into_iter().collect();
        for (pc, counter) in pcs {
            let in_loop = self
                .rs
                .plan
                .as_ref()
                .is_some_and(|p| p.region_at(pc as u32).is_some());
            // The instruction's own code (not `label`, which may make a stub
            // when no more cold code is emitted), or the loop's stub if it
            // has one: no more is made now.
            let to = match self.rs.stubs[pc] {
                _ if !in_loop => self.pc_label(pc),
                u32::MAX => continue,
                id => super::Assembler::label_of(id as usize),
            };
            out.push(CountedEntry {
                pc,
                at: self.here(),
                via_loop_stub: in_loop,
            });
            self.comment(format_args!(
                "recording: an entry at pc {pc} its code does not count: count the block"
            ));
            self.ops.add_qword_rip_imm8(counter, 1);
            asm!(self.ops; jmp =>to);
        }
        out
    }

    /// pc 0's counting entry (see `emit_counted_entries`), when its block
    /// is counted by the calls: every call that does not enter the direct
    /// entry takes it, the class calls and operator methods of the Rust
    /// path among them (a constructor's `__init__`), so it goes before the
    /// direct entry, beside the code it jumps to. With the cold code, its
    /// cache line was one more per such call, and an unlucky one: in
    /// raytrace `Vector.__init__`'s (452K calls) missed the level-1
    /// instruction cache on nearly every call (cachegrind).
    pub(super) fn emit_counted_entry_at_start(&mut self) {
        let Some(lc) = self.lc.as_ref() else {
            return;
        };
        let Some(counter) = lc.block_counter.first().copied().flatten() else {
            return;
        };
        if !lc.first_by_calls {
            return;
        }
        // pc 0 is no jump target when its block is counted by the calls,
        // so no loop starts there (see `LineCount::new`).
        debug_assert!(!self
            .rs
            .plan
            .as_ref()
            .is_some_and(|p| p.region_at(0).is_some()));
        self.counted_start = Some(CountedEntry {
            pc: 0,
            at: self.here(),
            via_loop_stub: false,
        });
        self.comment(format_args!(
            "recording: an entry at pc 0 its code does not count: count the block"
        ));
        self.ops.add_qword_rip_imm8(counter, 1);
        let to = self.pc_label(0);
        asm!(self.ops; jmp =>to);
    }

    /// Where to jump to leave compiled code (to `->exit`) after instruction
    /// `pc`, taking back the counts of the block's later lines (None: it
    /// has none, leave directly). The leaves of one block share one chain
    /// of corrections (`emit_leave_chains`): each enters it at its first
    /// skipped line, so a block with many exits does not repeat them.
    pub(super) fn leave_after(&mut self, pc: u32) -> Option<DynamicLabel> {
        let q = self.lc.as_ref()?.first_entry_from(pc, pc + 1)?;
        if let Some(l) = self.lc.as_ref()?.leave_chain[q] {
            return Some(l);
        }
        let l = self.ops.new_dynamic_label();
        self.lc.as_mut()?.leave_chain[q] = Some(l);
        Some(l)
    }

    /// The chains `leave_after` jumps into: per block, from its first
    /// line entry a leave skips, each line's correction, then the exit.
    pub(super) fn emit_leave_chains(&mut self) {
        let Some(lc) = self.lc.as_ref() else {
            return;
        };
        let n = lc.entry.len();
        // A chain goes on into absorbed blocks, where another may start:
        // each label is bound once, and a chain reaching one bound already
        // jumps there.
        let mut bound = vec![false; n];
        for first in 0..n {
            let chain = |g: &Gen, q: usize| g.lc.as_ref().and_then(|lc| lc.leave_chain[q]);
            if bound[first] || chain(self, first).is_none() {
                continue;
            }
            let qs = self.take_entries_from(first as u32, first as u32, false);
            let mut joined = false;
            for &q in &qs {
                let q = q as usize;
                if let Some(l) = chain(self, q) {
                    if bound[q] {
                        asm!(self.ops; jmp =>l);
                        joined = true;
                        break;
                    }
                    bound[q] = true;
                    asm!(self.ops; =>l);
                }
                self.uncount(q as u32, q as u32, true);
            }
            if !joined {
                asm!(self.ops; jmp ->exit);
            }
            self.entries_scratch = qs;
        }
    }

    /// Compiled code leaves after instruction `pc` (which ran, or which the
    /// interpreter runs on its own count): take back the counts of the
    /// block's lines after it.
    pub(super) fn uncount_after(&mut self, pc: u32) {
        self.uncount(pc, pc + 1, false);
    }

    /// Compiled code leaves at instruction `pc`, whose label it passed, and
    /// the interpreter runs `pc` again: take back the counts of the block's
    /// lines from `pc` on.
    pub(super) fn uncount_from(&mut self, pc: u32) {
        self.uncount(pc, pc, false);
    }

    /// Compiled code leaves for the interpreter to go on at `pc`, having
    /// run the instructions before it (or, at a block start, none of its
    /// block): take back the counts of `pc`'s block from `pc` on, unless
    /// `pc` starts a block, which then was not counted.
    pub(super) fn uncount_resuming_at(&mut self, pc: u32) {
        if self.lc.as_ref().is_some_and(|lc| {
            !lc.entry_allowed(pc as usize) || lc.absorbed.get(pc as usize) == Some(&true)
        }) {
            self.uncount(pc, pc, false);
        }
    }

    /// `LineCount::each_entry_from`'s entries (`only_first`: the first
    /// only; none when not recording), in the vector the compile keeps for
    /// them (`entries_scratch`), to be put back there after use.
    fn take_entries_from(&mut self, pc: u32, from: u32, only_first: bool) -> Vec<u32> {
        let mut qs = std::mem::take(&mut self.entries_scratch);
        qs.clear();
        if let Some(lc) = self.lc.as_ref() {
            lc.each_entry_from(pc, from, |q| {
                qs.push(q as u32);
                !only_first
            });
        }
        qs
    }

    /// Take back the counts of `pc`'s block's line entries from `from` on
    /// (`only_first`: of the first of them only).
    fn uncount(&mut self, pc: u32, from: u32, only_first: bool) {
        let qs = self.take_entries_from(pc, from, only_first);
        for &q in &qs {
            let q = q as usize;
            let l = match self.lc.as_ref().and_then(|lc| lc.line_counter[q]) {
                Some(l) => l,
                None => {
                    let l = self.ops.new_dynamic_label();
                    if let Some(lc) = self.lc.as_mut() {
                        lc.line_counter[q] = Some(l);
                    }
                    l
                }
            };
            asm!(self.ops; sub QWORD [=>l], 1);
        }
        self.entries_scratch = qs;
    }

    /// Recording: a read-write word after the code, addressed relative to
    /// rip, that holds the `rec_fast` of the site entry at `entry` (see
    /// `DirectEntry::rec_fast_slot`). None when not recording. One per
    /// entry, which keeps the address of one copy only: a site's call and
    /// its base case (`gen_rec_calls.rs`) share it.
    pub(super) fn rec_fast_slot(&mut self, entry: i64) -> Option<DynamicLabel> {
        let lc = self.lc.as_ref()?;
        if let Some(&(l, _)) = lc.rec_fast.iter().find(|&&(_, e)| e == entry) {
            return Some(l);
        }
        let l = self.ops.new_dynamic_label();
        self.lc.as_mut()?.rec_fast.push((l, entry));
        Some(l)
    }

    /// Recording: the counter that counts one entry of each line entry
    /// among instructions 0 to `last` of this code (see `LineCount::runs`):
    /// one per run, shared by the sites that use it. None when not
    /// recording, or when the run has no line entry. `calls`: the entry of
    /// a self-call site whose calls the counter counts too (the calls its
    /// base case answered: each runs those lines once), added to its
    /// edge's when the profile is built (every self-call site of the code
    /// has the same edge, the function's to itself).
    pub(super) fn run_counter(&mut self, last: u32, calls: Option<i64>) -> Option<DynamicLabel> {
        let lc = self.lc.as_ref()?;
        let pcs: Vec<u32> = (0..=last).filter(|&q| lc.is_entry(q)).collect();
        if pcs.is_empty() {
            return None;
        }
        let l = match lc.runs.iter().find(|(_, r)| *r == pcs) {
            Some((l, _)) => *l,
            None => {
                let l = self.ops.new_dynamic_label();
                self.lc.as_mut()?.runs.push((l, pcs));
                l
            }
        };
        if let Some(entry) = calls {
            self.lc.as_mut()?.run_calls.push((l, entry));
        }
        Some(l)
    }

    /// The counters, after all the code, from a page boundary on.
    pub(super) fn emit_line_counters(&mut self) -> Option<LineCounters> {
        let lc = self.lc.as_ref()?;
        // (label, first instruction it counts for, whether for the block)
        let mut slots: Vec<(DynamicLabel, u32, bool)> = Vec::new();
        for pc in 0..lc.entry.len() {
            if let Some(l) = lc.block_counter[pc] {
                slots.push((l, pc as u32, true));
            }
            if let Some(l) = lc.line_counter[pc] {
                slots.push((l, pc as u32, false));
            }
        }
        if slots.is_empty() && lc.rec_fast.is_empty() && lc.runs.is_empty() {
            return None;
        }
        let mut adds = Vec::new();
        for (i, &(_, pc, whole)) in slots.iter().enumerate() {
            if whole {
                lc.each_entry_from(pc, pc, |q| {
                    adds.push((i as u32, q as u32));
                    true
                });
            } else {
                adds.push((i as u32, pc));
            }
        }
        let runs = lc.runs.clone();
        let mut run_calls = Vec::new();
        for (l, pcs) in &runs {
            let i = slots.len() as u32;
            slots.push((*l, 0, false));
            adds.extend(pcs.iter().map(|&q| (i, q)));
            let entries = lc.run_calls.iter().filter(|(r, _)| r == l);
            run_calls.extend(entries.map(|&(_, entry)| (i, entry)));
        }
        let code_end = self.here();
        self.pad_to_counter_page();
        let rw_from = self.here();
        self.ops.push_n(0, self.counter_skew());
        let at = self.here();
        for &(l, _, _) in &slots {
            asm!(self.ops; =>l; .u64 0);
        }
        let mut rec_fast = Vec::new();
        for (l, entry) in self
            .lc
            .as_ref()
            .map(|lc| lc.rec_fast.clone())
            .unwrap_or_default()
        {
            rec_fast.push((self.here() as u32, entry));
            asm!(self.ops; =>l; .u64 0);
        }
        let mut call_entries = Vec::new();
        if let Some(lc) = self.lc.as_ref().filter(|lc| lc.first_by_calls) {
            lc.entries_from_into(0, 0, &mut call_entries);
        }
        Some(LineCounters {
            code_end,
            rw_from,
            at,
            slots: slots.len() as u32,
            adds,
            rec_fast,
            run_calls,
            call_entries,
            counted_calls: Vec::new(),
            mid_entries: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_continue_on_the_next_line_and_wrap_inside_the_window() {
        let w = COUNTER_WINDOW;
        // Counters that end mid-line: the next compile's start on the next line.
        assert_eq!(next_counter_color(w.start + 8), w.start + COUNTER_LINE);
        assert_eq!(
            next_counter_color(w.start + COUNTER_LINE),
            w.start + COUNTER_LINE
        );
        // Past the window, or on the next page (a large block): back to its start.
        assert_eq!(next_counter_color(w.end + 8), w.start);
        assert_eq!(next_counter_color(COUNTER_PAGE + 0x100), w.start);
        // A block that spilled onto later pages continues where it ended there.
        assert_eq!(
            next_counter_color(2 * COUNTER_PAGE + w.start + 1),
            w.start + COUNTER_LINE
        );
        for end in 0..3 * COUNTER_PAGE {
            let c = next_counter_color(end);
            assert!(w.contains(&c) && c % COUNTER_LINE == 0, "{end}: {c}");
        }
    }
}
