//! Flat bit tables for the register allocator's analyses (`regalloc.rs`,
//! `webs.rs`): one row of bits per instruction, all rows in one vector, so
//! computing the effects and the liveness of a code object costs a few
//! allocations in all rather than three heap sets per instruction (compile
//! time is part of what the JIT is measured on: `compile_cost.py`).

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::jit::regalloc::{effects_into, falls_through, FxRow};

/// `rows` rows of `bits` bits each.
#[derive(Clone, Debug)]
pub struct BitRows {
    words: usize,
    data: Vec<u64>,
}

impl BitRows {
    pub fn new(rows: usize, bits: usize) -> BitRows {
        let words = bits.div_ceil(64).max(1);
        BitRows {
            words,
            data: vec![0; rows * words],
        }
    }
    /// The number of rows.
    pub fn rows(&self) -> usize {
        self.data.len() / self.words
    }
    /// Words per row.
    pub fn words(&self) -> usize {
        self.words
    }
    // (Inlined: called per instruction and row by every analysis, and the
    // call cost more than the slicing.)
    #[inline]
    pub fn row(&self, i: usize) -> &[u64] {
        &self.data[i * self.words..][..self.words]
    }
    #[inline]
    pub fn row_mut(&mut self, i: usize) -> &mut [u64] {
        &mut self.data[i * self.words..][..self.words]
    }
    #[inline]
    pub fn contains(&self, i: usize, r: u16) -> bool {
        let w = r as usize / 64;
        w < self.words
            && self
                .data
                .get(i * self.words + w)
                .is_some_and(|x| x & (1 << (r % 64)) != 0)
    }
}

/// Whether bit `r` is set in `row`.
#[inline]
pub fn has(row: &[u64], r: u16) -> bool {
    row.get(r as usize / 64)
        .is_some_and(|x| x & (1 << (r % 64)) != 0)
}

/// The set bits of `row`, ascending.
#[inline]
pub fn bits(row: &[u64]) -> Bits<'_> {
    Bits {
        row,
        i: 0,
        w: row.first().copied().unwrap_or(0),
    }
}

/// The iterator of `bits`: a plain word-by-word scan (a `flat_map` over the
/// words cost the register allocator a quarter of its time).
pub struct Bits<'a> {
    row: &'a [u64],
    /// The word being scanned, and what is left of it.
    i: usize,
    w: u64,
}

impl Iterator for Bits<'_> {
    type Item = u16;
    #[inline]
    fn next(&mut self) -> Option<u16> {
        while self.w == 0 {
            self.i += 1;
            self.w = *self.row.get(self.i)?;
        }
        let b = self.w.trailing_zeros();
        self.w &= self.w - 1;
        Some((self.i * 64) as u16 + b as u16)
    }
}

/// `dst |= row`. (Indexed loops over equal-length rows: the nested `zip`s
/// they replace cost a call each in `liveness`, a tenth of its time.)
fn or_into(dst: &mut [u64], row: &[u64]) {
    let row = &row[..dst.len()];
    for i in 0..dst.len() {
        dst[i] |= row[i];
    }
}

/// `dst = (src & !kill) | add`: a row's effect on the live set below it.
fn transfer(dst: &mut [u64], src: &[u64], kill: &[u64], add: &[u64]) {
    let (src, kill, add) = (&src[..dst.len()], &kill[..dst.len()], &add[..dst.len()]);
    for i in 0..dst.len() {
        dst[i] = (src[i] & !kill[i]) | add[i];
    }
}

/// Every instruction's effects (`regalloc::effects`), computed once.
pub struct FxTable {
    pub reads: BitRows,
    pub kills: BitRows,
    pub may_write: BitRows,
}

pub fn fx_table(code: &Code) -> FxTable {
    let n = code.nregs as usize;
    let len = code.instrs.len();
    let mut t = FxTable {
        reads: BitRows::new(len, n),
        kills: BitRows::new(len, n),
        may_write: BitRows::new(len, n),
    };
    // The three tables' rows in step, without an index (and its bounds
    // checks) per row: those were as much as the effects themselves.
    let w = t.reads.words;
    let rows = t
        .reads
        .data
        .chunks_exact_mut(w)
        .zip(t.kills.data.chunks_exact_mut(w))
        .zip(t.may_write.data.chunks_exact_mut(w));
    for (ins, ((reads, kills), may_write)) in code.instrs.iter().zip(rows) {
        effects_into(
            ins,
            n,
            &mut FxRow {
                reads,
                kills,
                may_write,
            },
        );
    }
    t
}

/// Slots live on entry to each instruction: read before written on some
/// path, following jumps, fall-through and exception handlers (an exception
/// raised by an instruction reaches its handler with the slots as they were
/// before it).
///
/// Solved over basic blocks (each block's reads-before-writes and writes
/// summarised once), then spread over the instructions in one backward walk
/// per block: the fixpoint iterates over a few hundred blocks rather than
/// every instruction of a long function.
///
/// Only the blocks holding an instruction of `wanted` are spread (the
/// register allocator reads the rows of its loops and their exits only:
/// spreading all of a 1,000-instruction function was a third of its
/// liveness cost); the rows of the others stay empty. `wanted[pc]` is set
/// in the result for every row spread.
pub fn liveness(code: &Code, fx: &FxTable, wanted: &mut [bool]) -> BitRows {
    let n = code.nregs as usize;
    let len = code.instrs.len();
    let live = BitRows::new(len, n);
    if len == 0 {
        return live;
    }
    let words = live.words();
    // Block boundaries: jump targets and what follows a jump, handlers and
    // the ends of protected ranges (a block's instructions share their
    // handlers), and `ForIter` alone (it writes its item on one edge only).
    let mut starts = vec![false; len + 1];
    starts[0] = true;
    starts[len] = true;
    for (pc, ins) in code.instrs.iter().enumerate() {
        if let Some(t) = ins.jump_target() {
            starts[(t as usize).min(len)] = true;
            starts[pc + 1] = true;
        }
        if !falls_through(ins) {
            starts[pc + 1] = true;
        }
        if matches!(ins, Instr::ForIter { .. }) {
            starts[pc] = true;
        }
    }
    for e in &code.exc_table {
        for p in [e.start, e.end, e.handler] {
            starts[(p as usize).min(len)] = true;
        }
    }
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut block_of = vec![0u32; len];
    let mut s0 = 0;
    for pc in 1..=len {
        if starts[pc] {
            block_of[s0..pc].fill(blocks.len() as u32);
            blocks.push((s0, pc));
            s0 = pc;
        }
    }
    let nb = blocks.len();
    let edges = Edges::new(code, &blocks, &block_of);
    // Per block: slots read before written (gen) and slots written (kill).
    let mut gen = BitRows::new(nb, n);
    let mut kill = BitRows::new(nb, n);
    for (b, &(s, e)) in blocks.iter().enumerate() {
        // (Rows cut to `words` first: the loops then need no bounds checks.)
        let (g, k) = (&mut gen.row_mut(b)[..words], &mut kill.row_mut(b)[..words]);
        for pc in (s..e).rev() {
            let (kp, rp) = (&fx.kills.row(pc)[..words], &fx.reads.row(pc)[..words]);
            for i in 0..words {
                g[i] = (g[i] & !kp[i]) | rp[i];
                k[i] |= kp[i];
            }
        }
    }
    // Block-level fixpoint on the live-in sets, by a worklist: every block
    // once, from the last, then again only the predecessors of a block
    // whose set grew. (Sweeping all the blocks until none changed took
    // three or four sweeps over a long function with a few loops, the last
    // of them all to find nothing changed.)
    let mut bin = BitRows::new(nb, n);
    let mut out = vec![0u64; words];
    let mut new = vec![0u64; words];
    let preds = edges.preds(nb);
    let mut work: Vec<u32> = (0..nb as u32).collect();
    let mut queued = vec![true; nb];
    while let Some(b) = work.pop() {
        let b = b as usize;
        queued[b] = false;
        edges.live_out(b, &bin, &mut out);
        if edges.for_iter[b] {
            // One instruction: its item is written on the fall-through
            // only (`live_out` left the target out).
            let last = blocks[b].1 - 1;
            let (k, r) = (fx.kills.row(last), fx.reads.row(last));
            for i in 0..words {
                new[i] = (out[i] & !k[i]) | r[i];
            }
            if let Some(t) = edges.target[b] {
                or_into(&mut new, bin.row(t as usize));
            }
        } else {
            transfer(&mut new, &out, kill.row(b), gen.row(b));
        }
        edges.or_handlers(b, &bin, &mut new);
        let row = bin.row_mut(b);
        if row != &new[..] {
            row.copy_from_slice(&new);
            for &p in preds.of(b) {
                if !queued[p as usize] {
                    queued[p as usize] = true;
                    work.push(p);
                }
            }
        }
    }
    // Whole blocks are spread: mark every instruction of a wanted block.
    for &(s, e) in &blocks {
        if wanted[s..e].iter().any(|&w| w) {
            wanted[s..e].fill(true);
        }
    }
    let live = spread(fx, &blocks, &edges, &bin, wanted, live);
    // The per-instruction fixpoint gives the same sets (checked on the
    // whole corpus once, in a release build).
    #[cfg(debug_assertions)]
    {
        let all = liveness_simple(code, fx);
        for pc in (0..len).filter(|&pc| wanted[pc]) {
            assert!(live.row(pc) == all.row(pc));
        }
    }
    live
}

/// The control-flow edges between the blocks of `liveness`, found once
/// (finding them again on every round of the fixpoint, from the
/// instructions and the exception table, was most of its cost).
struct Edges {
    /// The block control falls through to, if any.
    fall: Vec<Option<u32>>,
    /// The block the last instruction jumps to, if any.
    target: Vec<Option<u32>>,
    /// Whether the block is a lone `ForIter`.
    for_iter: Vec<bool>,
    /// The handler blocks of each block: `handlers[h_off[b]..h_off[b + 1]]`.
    h_off: Vec<u32>,
    handlers: Vec<u32>,
}

impl Edges {
    fn new(code: &Code, blocks: &[(usize, usize)], block_of: &[u32]) -> Edges {
        let len = code.instrs.len();
        let nb = blocks.len();
        let mut e = Edges {
            fall: Vec::with_capacity(nb),
            target: Vec::with_capacity(nb),
            for_iter: Vec::with_capacity(nb),
            h_off: Vec::with_capacity(nb + 1),
            handlers: Vec::new(),
        };
        for &(s, end) in blocks {
            let ins = &code.instrs[end - 1];
            e.fall
                .push((falls_through(ins) && end < len).then(|| block_of[end]));
            e.target.push(
                ins.jump_target()
                    .filter(|&t| (t as usize) < len)
                    .map(|t| block_of[t as usize]),
            );
            e.for_iter.push(matches!(ins, Instr::ForIter { .. }));
            e.h_off.push(e.handlers.len() as u32);
            for x in &code.exc_table {
                if x.start as usize <= s && s < x.end as usize && (x.handler as usize) < len {
                    e.handlers.push(block_of[x.handler as usize]);
                }
            }
        }
        e.h_off.push(e.handlers.len() as u32);
        e
    }

    /// Each block's predecessors: the blocks that fall through, jump or
    /// raise to it.
    fn preds(&self, nb: usize) -> Preds {
        let mut off = vec![0u32; nb + 1];
        let each = |f: &mut dyn FnMut(usize, u32)| {
            for b in 0..nb {
                for s in self.fall[b].into_iter().chain(self.target[b]) {
                    f(b, s);
                }
                for &h in &self.handlers[self.h_off[b] as usize..self.h_off[b + 1] as usize] {
                    f(b, h);
                }
            }
        };
        each(&mut |_, s| off[s as usize + 1] += 1);
        for i in 0..nb {
            off[i + 1] += off[i];
        }
        let mut fill = off.clone();
        let mut list = vec![0u32; off[nb] as usize];
        each(&mut |b, s| {
            list[fill[s as usize] as usize] = b as u32;
            fill[s as usize] += 1;
        });
        Preds { off, list }
    }

    /// `out` = the union of the live-in sets of `b`'s normal successors
    /// (a `ForIter`'s target left out: its item is not written there).
    #[inline]
    fn live_out(&self, b: usize, bin: &BitRows, out: &mut [u64]) {
        out.fill(0);
        if let Some(f) = self.fall[b] {
            out.copy_from_slice(bin.row(f as usize));
        }
        if let (false, Some(t)) = (self.for_iter[b], self.target[b]) {
            or_into(out, bin.row(t as usize));
        }
    }

    /// `dst |=` the live-in sets of `b`'s handlers.
    #[inline]
    fn or_handlers(&self, b: usize, bin: &BitRows, dst: &mut [u64]) {
        for &h in &self.handlers[self.h_off[b] as usize..self.h_off[b + 1] as usize] {
            or_into(dst, bin.row(h as usize));
        }
    }
}

/// The predecessors of each block (`Edges::preds`):
/// `list[off[b]..off[b + 1]]`.
struct Preds {
    off: Vec<u32>,
    list: Vec<u32>,
}

impl Preds {
    fn of(&self, b: usize) -> &[u32] {
        &self.list[self.off[b] as usize..self.off[b + 1] as usize]
    }
}

/// The block solution `bin` spread over the instructions of each block
/// marked in `wanted`.
fn spread(
    fx: &FxTable,
    blocks: &[(usize, usize)],
    edges: &Edges,
    bin: &BitRows,
    wanted: &[bool],
    mut live: BitRows,
) -> BitRows {
    let words = live.words();
    let mut out = vec![0u64; words];
    let mut hs = vec![0u64; words];
    for (b, &(s, e)) in blocks.iter().enumerate() {
        if !wanted[s] {
            continue;
        }
        if edges.for_iter[b] {
            live.row_mut(e - 1).copy_from_slice(bin.row(b));
            continue;
        }
        edges.live_out(b, bin, &mut out);
        hs.fill(0);
        edges.or_handlers(b, bin, &mut hs);
        for pc in (s..e).rev() {
            let (k, r) = (&fx.kills.row(pc)[..words], &fx.reads.row(pc)[..words]);
            let row = &mut live.row_mut(pc)[..words];
            let (out, hs) = (&mut out[..words], &hs[..words]);
            for i in 0..words {
                out[i] = (out[i] & !k[i]) | r[i] | hs[i];
                row[i] = out[i];
            }
        }
    }
    live
}

/// The per-instruction fixpoint `liveness` solves by blocks (kept to check
/// it in debug builds).
#[cfg(debug_assertions)]
fn liveness_simple(code: &Code, fx: &FxTable) -> BitRows {
    let n = code.nregs as usize;
    let len = code.instrs.len();
    let mut live = BitRows::new(len, n);
    let mut out = vec![0u64; live.words()];
    let mut changed = true;
    while changed {
        changed = false;
        for pc in (0..len).rev() {
            let ins = &code.instrs[pc];
            out.iter_mut().for_each(|w| *w = 0);
            let or = |out: &mut [u64], row: &[u64]| {
                out.iter_mut().zip(row).for_each(|(a, b)| *a |= *b);
            };
            if falls_through(ins) && pc + 1 < len {
                or(&mut out, live.row(pc + 1));
            }
            let for_iter = matches!(ins, Instr::ForIter { .. });
            let target = ins.jump_target().filter(|&t| (t as usize) < len);
            if let (false, Some(t)) = (for_iter, target) {
                or(&mut out, live.row(t as usize));
            }
            out.iter_mut()
                .zip(fx.kills.row(pc))
                .for_each(|(a, b)| *a &= !*b);
            if let (true, Some(t)) = (for_iter, target) {
                or(&mut out, live.row(t as usize));
            }
            or(&mut out, fx.reads.row(pc));
            for e in &code.exc_table {
                if e.start as usize <= pc && pc < e.end as usize && (e.handler as usize) < len {
                    or(&mut out, live.row(e.handler as usize));
                }
            }
            if live.row(pc) != &out[..] {
                live.row_mut(pc).copy_from_slice(&out);
                changed = true;
            }
        }
    }
    live
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_bits() {
        let mut t = BitRows::new(3, 70);
        t.row_mut(1)[0] |= 1 << 3;
        t.row_mut(1)[1] |= 1 << 5;
        assert!(t.contains(1, 3) && t.contains(1, 69) && !t.contains(0, 3));
        assert_eq!(bits(t.row(1)).collect::<Vec<_>>(), vec![3, 69]);
        assert!(has(t.row(1), 69) && !has(t.row(1), 70));
    }
}
