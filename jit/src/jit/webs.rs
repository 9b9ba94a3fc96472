//! Def-use webs of a loop nest (`regalloc.rs`): the frame slots of a
//! region split into the values they hold in turn, so that a temporary the
//! compiler reuses for a tuple, then a float, then a list gets a type (and a
//! register) per value rather than none at all.
//!
//! A *node* is a slot at an instruction of the region where the slot holds a
//! value that matters: the slot is live on entry to the instruction, or the
//! instruction writes it; slots no instruction of the region reads or
//! writes have none (nothing could allocate them). Nodes are joined (union-find) along every edge of
//! the region (fall-through, jumps, both exits of `ForIter`, exception
//! handlers) for the slots live at the edge's end; a node stands both for
//! the value live on entry and for the value the instruction writes, so an
//! instruction that reads and writes a slot (`x = x + 1`) keeps one web. A
//! web is a class of joined nodes. What follows from this:
//!
//! - at each instruction a slot belongs to at most one web, so the code
//!   generator asks "which web is slot r in at pc" and gets one answer for
//!   every operand of the instruction;
//! - both ends of an edge inside the region agree on the web (and so on the
//!   register) of every slot live across it;
//! - edges leaving the region for the same target are joined too (per
//!   slot live there), so one spill sequence serves every jump out to that
//!   target.

use crate::bytecode::code::Code;
use crate::jit::dataflow::{bits, has, BitRows, FxTable};
use crate::jit::regalloc::falls_through;

pub struct Webs {
    pub start: u32,
    pub end: u32,
    words: usize,
    /// Per instruction of the region: the slots with a node there.
    rows: Vec<u64>,
    /// Per instruction of the region: the index of its first node.
    base: Vec<u32>,
    /// The node of each slot at each instruction of the region (`u32::MAX`:
    /// none), `words * 64` entries per instruction, when that table is
    /// small (a loop of a few dozen instructions); else empty and `node`
    /// counts bits below the slot's in its row. (Counting was a tenth of
    /// the register allocator's time: without the POPCNT instruction, which
    /// the x86-64 baseline lacks, a count is a dozen instructions.)
    node_of: Vec<u32>,
    /// The web of each node.
    web: Vec<u32>,
    /// The slot of each web.
    pub slot: Vec<u16>,
}

/// Largest `node_of` table, in entries (256 KB).
const MAX_NODE_TABLE: usize = 1 << 16;

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let p = parent[x as usize];
        parent[x as usize] = parent[p as usize];
        x = p;
    }
    x
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (a, b) = (find(parent, a), find(parent, b));
    if a != b {
        // The smaller index stays the root: webs are numbered in order.
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        parent[hi as usize] = lo;
    }
}

impl Webs {
    /// The webs of the region `[start, end]` of `code`.
    pub fn build(code: &Code, start: u32, end: u32, fx: &FxTable, live: &BitRows) -> Webs {
        let len = code.instrs.len();
        let words = live.words();
        let rlen = (end - start + 1) as usize;
        // Only the slots an instruction of the region reads or writes: a
        // slot merely live through the loop is never allocated (no template
        // of the region reads it), and its nodes were most of a short
        // loop's (a long function has many such locals).
        let mut touched = vec![0u64; words];
        for pc in start as usize..=end as usize {
            let (r, w) = (fx.reads.row(pc), fx.may_write.row(pc));
            for k in 0..words {
                touched[k] |= r[k] | w[k];
            }
        }
        let mut rows = vec![0u64; rlen * words];
        let mut base = Vec::with_capacity(rlen + 1);
        let mut total = 0u32;
        for i in 0..rlen {
            let pc = start as usize + i;
            let row = &mut rows[i * words..(i + 1) * words];
            for (k, w) in row.iter_mut().enumerate() {
                *w = (live.row(pc)[k] | fx.may_write.row(pc)[k]) & touched[k];
            }
            base.push(total);
            total += row.iter().map(|w| w.count_ones()).sum::<u32>();
        }
        base.push(total);
        let width = words * 64;
        let mut node_of = Vec::new();
        if rlen * width <= MAX_NODE_TABLE {
            node_of = vec![u32::MAX; rlen * width];
            let mut k = 0u32;
            for i in 0..rlen {
                for r in bits(&rows[i * words..(i + 1) * words]) {
                    node_of[i * width + r as usize] = k;
                    k += 1;
                }
            }
        }
        let mut webs = Webs {
            start,
            end,
            words,
            rows,
            base,
            node_of,
            web: Vec::new(),
            slot: Vec::new(),
        };
        let mut parent: Vec<u32> = (0..total).collect();
        // The first source of an edge leaving the region, per target.
        let mut exits: Vec<(u32, u32)> = Vec::new();
        let mut succ: Vec<u32> = Vec::with_capacity(4);
        for pc in start..=end {
            let ins = &code.instrs[pc as usize];
            succ.clear();
            if falls_through(ins) && (pc as usize) + 1 < len {
                succ.push(pc + 1);
            }
            if let Some(t) = ins.jump_target().filter(|&t| (t as usize) < len) {
                succ.push(t);
            }
            for e in &code.exc_table {
                if e.start <= pc && pc < e.end && (e.handler as usize) < len {
                    succ.push(e.handler);
                }
            }
            for &q in &succ {
                let other = if start <= q && q <= end {
                    q
                } else {
                    match exits.iter().find(|(t, _)| *t == q) {
                        Some(&(_, p0)) => p0,
                        None => {
                            exits.push((q, pc));
                            continue;
                        }
                    }
                };
                let (i, j) = ((pc - start) as usize, (other - start) as usize);
                webs.join_live(&mut parent, i, j, live.row(q as usize));
            }
        }
        // Number the webs densely, in node order. A class's root is its
        // smallest node (`union`), so it is numbered before the others, and
        // every node's parent is a smaller node: pointing each node at its
        // root in node order finds any root in one step (no `find`).
        let mut web = Vec::with_capacity(total as usize);
        let mut k = 0usize;
        for i in 0..rlen {
            let row = &webs.rows[i * words..(i + 1) * words];
            for s in bits(row) {
                let root = parent[parent[k] as usize];
                parent[k] = root;
                if root as usize == k {
                    web.push(webs.slot.len() as u32);
                    webs.slot.push(s);
                } else {
                    web.push(web[root as usize]);
                }
                k += 1;
            }
        }
        webs.web = web;
        webs
    }

    /// Join the nodes at the region's instructions `i` and `j` of every
    /// slot of `live` that has a node at both. (The nodes' ranks counted
    /// word by word: two `node` look-ups per live slot and edge were half
    /// of `build`'s time, `compile_cost.py`.)
    fn join_live(&self, parent: &mut [u32], i: usize, j: usize, live: &[u64]) {
        let (ri, rj) = (self.row(i), self.row(j));
        if !self.node_of.is_empty() {
            let width = self.words * 64;
            let (ni, nj) = (&self.node_of[i * width..], &self.node_of[j * width..]);
            for k in 0..self.words {
                let mut m = live[k] & ri[k] & rj[k];
                while m != 0 {
                    let r = k * 64 + m.trailing_zeros() as usize;
                    union(parent, ni[r], nj[r]);
                    m &= m - 1;
                }
            }
            return;
        }
        let (mut below_i, mut below_j) = (self.base[i], self.base[j]);
        for k in 0..self.words {
            let mut m = live[k] & ri[k] & rj[k];
            while m != 0 {
                let low = (1u64 << m.trailing_zeros()) - 1;
                let a = below_i + (ri[k] & low).count_ones();
                let b = below_j + (rj[k] & low).count_ones();
                union(parent, a, b);
                m &= m - 1;
            }
            below_i += ri[k].count_ones();
            below_j += rj[k].count_ones();
        }
    }

    /// The number of webs.
    pub fn count(&self) -> usize {
        self.slot.len()
    }

    fn row(&self, i: usize) -> &[u64] {
        &self.rows[i * self.words..(i + 1) * self.words]
    }

    /// The node of slot `r` at `pc`, if it has one.
    fn node(&self, pc: u32, r: u16) -> Option<u32> {
        if pc < self.start || pc > self.end {
            return None;
        }
        let i = (pc - self.start) as usize;
        if !self.node_of.is_empty() {
            let width = self.words * 64;
            if r as usize >= width {
                return None;
            }
            let k = self
                .node_of
                .get(i * width + r as usize)
                .copied()
                .filter(|&k| k != u32::MAX);
            // (The table and the count agree: the count serves long loops.)
            debug_assert_eq!(k, self.node_by_count(i, r));
            return k;
        }
        self.node_by_count(i, r)
    }

    /// `node`, counting the bits below `r`'s in the row of the region's
    /// instruction `i`.
    fn node_by_count(&self, i: usize, r: u16) -> Option<u32> {
        let row = self.row(i);
        if !has(row, r) {
            return None;
        }
        let w = r as usize / 64;
        let below: u32 = row[..w].iter().map(|x| x.count_ones()).sum::<u32>()
            + (row[w] & ((1u64 << (r % 64)) - 1)).count_ones();
        Some(self.base[i] + below)
    }

    /// The web slot `r` is in at `pc` (live on entry, or written there).
    pub fn at(&self, pc: u32, r: u16) -> Option<u32> {
        let k = self.node(pc, r)?;
        self.web.get(k as usize).copied()
    }

    /// Per instruction of the region, in order: its pc and the webs of its
    /// nodes (by slot). Cheaper than `nodes` where the slots do not matter.
    pub fn per_pc(&self) -> impl Iterator<Item = (u32, &[u32])> + '_ {
        self.base.windows(2).enumerate().map(move |(i, b)| {
            (
                self.start + i as u32,
                &self.web[b[0] as usize..b[1] as usize],
            )
        })
    }
}
