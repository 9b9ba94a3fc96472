//! `v[k] op= x` on a list item with a constant index: the `Subscr` that
//! reads the item and the `StoreSubscr` that writes it back, compiled as a
//! pair.
//!
//! The compiler emits `Subscr cur, v, k; <x and cur op x>; StoreSubscr v, k,
//! cur`. When nothing between the two can run Python code (constants,
//! moves, and numeric instructions whose templates leave compiled code on
//! anything but numbers rather than rejoining after the interpreter ran
//! them), nothing can change the list between them either: the load
//! speculates on a list (anything else, a borrowed list, an index past the
//! end: the interpreter runs it and compiled code is left, counted as a
//! failed speculation, so a site that keeps failing gets the plain
//! template), and the store then skips the checks the load made: the type,
//! the length, and the item's tag when the item and the stored value are
//! both of the register's type. The load checks that the list is not
//! borrowed at all (a list being read elsewhere, as by `sort`, leaves too),
//! so the store checks nothing.
//!
//! Updates of several items of one list in a row (`v[0] -= a; v[1] -= b`)
//! share the checks: after a paired store, as long as only instructions
//! that run no code and leave the list's register alone follow
//! (`ListRun`), the next paired load of the same list checks only the
//! item's tag, and the length only past what was checked. The interpreter
//! may not enter compiled code between a load and its store or between the
//! instructions sharing checks (`Gen::no_entry`): the code there relies on
//! checks of the list's state the interpreter's run did not make.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen, Kind, Spec};
use crate::bytecode::opcodes::Instr;
use crate::jit::exits::ExitReason;
use crate::jit::layout::layout;
use crate::jit::regalloc::MReg;
use crate::runtime::value::{tags, Value};

/// How far (in instructions) the store may follow the load.
const MAX_GAP: u32 = 16;

/// A paired store the load at `load` has prepared: (store pc, list slot,
/// key slot, item offset, the item's tag when it is known).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct PairedStore {
    pub at: u32,
    pub obj: u16,
    pub key: u16,
    pub off: i32,
    pub item_tag: Option<u64>,
    /// The list has at least this many items.
    pub len: i32,
}

/// What the paired stores so far know of a list (see the module comment):
/// the list in register `obj` is not borrowed and has at least `len`
/// items; `since` is the last instruction that relied on it or made it so.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct ListRun {
    pub obj: u16,
    pub len: i32,
    pub since: u32,
}

impl<'a> Gen<'a> {
    /// Before instruction `ins`: keep `list_run` only across instructions
    /// that run no code, never rejoin after the interpreter ran them, and
    /// leave the list's register alone (paired subscripts decide
    /// themselves).
    pub(super) fn keep_list_run(&mut self, ins: &Instr) {
        let Some(run) = self.list_run else { return };
        let keep = match *ins {
            Instr::Nop {} | Instr::CheckBound { .. } => true,
            Instr::LoadInt { dst, .. } | Instr::LoadConst { dst, .. } | Instr::Move { dst, .. } => {
                dst != run.obj
            }
            Instr::Subscr { .. } | Instr::StoreSubscr { .. } => true,
            _ => false,
        };
        if !keep {
            self.list_run = None;
        }
    }

    /// The largest constant index of the paired updates of list `obj` that
    /// follow the paired store at `at` and will share its checks (the
    /// instructions between them are those `keep_list_run` keeps); -1 if
    /// none.
    fn run_max_index(&self, at: u32, obj: u16) -> i32 {
        let mut max = -1;
        let mut ints: Vec<(u16, i64)> = Vec::new();
        let mut q = at + 1;
        let len = self.code.instrs.len() as u32;
        while q < len && !self.block_start[q as usize] {
            match self.code.instrs[q as usize] {
                Instr::Nop {} | Instr::CheckBound { .. } => {}
                Instr::LoadInt { dst, imm } if dst != obj => {
                    ints.retain(|&(r, _)| r != dst);
                    ints.push((dst, imm as i16 as i64));
                }
                Instr::LoadConst { dst, .. } | Instr::Move { dst, .. } if dst != obj => {
                    ints.retain(|&(r, _)| r != dst);
                }
                Instr::Subscr { dst, obj: o, key } if o == obj => {
                    let Some(&(_, k)) = ints.iter().find(|&&(r, _)| r == key) else {
                        break;
                    };
                    let Some(next) = self.paired_store(q, dst, obj, key) else {
                        break;
                    };
                    if !(0..(i32::MAX as i64 / 16)).contains(&k) {
                        break;
                    }
                    max = max.max(k as i32);
                    ints.clear();
                    q = next;
                }
                _ => break,
            }
            q += 1;
        }
        max
    }

    /// Before instruction `ins`: keep `rsi_items` only across instructions
    /// whose code leaves rsi alone: those `keep_list_run` keeps, and numeric
    /// ones when their hot code turns out to be `float_arith_in_regs`
    /// (true: check `float_inline` after it).
    pub(super) fn keep_rsi_items(&mut self, ins: &Instr) -> bool {
        self.float_inline = false;
        let Some(obj) = self.rsi_items else {
            return false;
        };
        match *ins {
            Instr::Nop {} | Instr::CheckBound { .. } => false,
            Instr::LoadInt { dst, .. } | Instr::LoadConst { dst, .. } | Instr::Move { dst, .. }
                if dst != obj =>
            {
                false
            }
            Instr::Subscr { .. } | Instr::StoreSubscr { .. } => false,
            Instr::Add { dst, .. }
            | Instr::IAdd { dst, .. }
            | Instr::Sub { dst, .. }
            | Instr::ISub { dst, .. }
            | Instr::Mul { dst, .. }
            | Instr::IMul { dst, .. }
            | Instr::TrueDiv { dst, .. }
                if dst != obj =>
            {
                true
            }
            _ => {
                self.rsi_items = None;
                false
            }
        }
    }

    /// The interpreter may not enter at `from..=to`.
    fn refuse_entries(&mut self, from: u32, to: u32) {
        for e in &mut self.no_entry[from as usize..=to as usize] {
            *e = true;
        }
    }

    /// The pc of the `StoreSubscr obj, key, _` the `Subscr dst, obj, key` at
    /// `pc` pairs with, if any.
    pub(super) fn paired_store(&self, pc: u32, dst: u16, obj: u16, key: u16) -> Option<u32> {
        if self.is_demoted(pc) || dst == obj || dst == key || obj == key {
            return None;
        }
        let len = self.code.instrs.len() as u32;
        // Kinds of the slots written between the two, as the numeric
        // templates will see them.
        let mut written: Vec<(u16, Kind)> = vec![(dst, Kind::Unknown)];
        let kind = |w: &Vec<(u16, Kind)>, r: u16| {
            w.iter()
                .rev()
                .find(|(s, _)| *s == r)
                .map(|&(_, k)| k)
                .unwrap_or_else(|| self.kind_of(r))
        };
        for q in pc + 1..len.min(pc + 1 + MAX_GAP) {
            if self.block_start[q as usize] || self.generic_at.contains(&q) {
                return None;
            }
            let ins = self.code.instrs[q as usize];
            if let Instr::StoreSubscr { obj: o, key: k, .. } = ins {
                return (o == obj && k == key).then_some(q);
            }
            let fx = &self.fx.may_write;
            if fx.contains(q as usize, obj) || fx.contains(q as usize, key) {
                return None;
            }
            let (d, k) = match ins {
                Instr::CheckBound { .. } | Instr::Nop {} => continue,
                Instr::LoadInt { dst, .. } => (dst, Kind::Int),
                Instr::LoadConst { dst, k } => (
                    dst,
                    match self.code.consts.get(k as usize) {
                        Some(Value::Int(_)) => Kind::Int,
                        Some(Value::Float(_)) => Kind::Float,
                        _ => Kind::NotNumber,
                    },
                ),
                Instr::Move { dst, src } => (dst, kind(&written, src)),
                Instr::Add { dst, a, b }
                | Instr::IAdd { dst, a, b }
                | Instr::Sub { dst, a, b }
                | Instr::ISub { dst, a, b }
                | Instr::Mul { dst, a, b }
                | Instr::IMul { dst, a, b }
                | Instr::TrueDiv { dst, a, b } => {
                    // The float template that leaves on anything else
                    // (`gen_numeric`: no contradicting known operand).
                    let Spec::Float { mixed } = self.spec_at(q) else {
                        return None;
                    };
                    let ok = |k: Kind| k != Kind::NotNumber && (mixed || k != Kind::Int);
                    if !ok(kind(&written, a)) || !ok(kind(&written, b)) {
                        return None;
                    }
                    (dst, Kind::Unknown)
                }
                _ => return None,
            };
            written.push((d, k));
        }
        None
    }

    /// The load half: `obj` a list (else leave), the item at the constant
    /// offset `off` into `dst`; prepares the store at `at`.
    pub(super) fn gen_subscr_paired(
        &mut self,
        pc: u32,
        dst: u16,
        obj: u16,
        key: u16,
        off: i32,
        at: u32,
    ) {
        let l = *layout();
        let not_list = self.ops.new_dynamic_label();
        let oob = self.ops.new_dynamic_label();
        self.comment(format_args!(
            "item update with pc {at}: r{obj} a list (else leave), not borrowed, long enough"
        ));
        // What an earlier update of the same list checked.
        let run = self
            .list_run
            .take()
            .filter(|r| r.obj == obj && self.known_tag(obj) == Some(tags::LIST));
        let rsi_ok = run.is_some() && self.rsi_items == Some(obj);
        if !rsi_ok {
            asm!(self.ops; mov rax, QWORD [rbx + pay(obj)]);
        }
        let idx = off / 16;
        match run {
            Some(r) => {
                self.comment(format_args!(
                    "the update at pc {} checked: a list, not borrowed, at least {} items",
                    r.since, r.len
                ));
                self.refuse_entries(r.since + 1, pc);
                self.list_run = Some(r);
                if idx >= r.len {
                    if rsi_ok {
                        asm!(self.ops; mov rax, QWORD [rbx + pay(obj)]);
                    }
                    asm!(self.ops
                        ; cmp QWORD [rax + l.list_len], idx
                        ; jle =>oob
                    );
                }
            }
            None => {
                if self.known_tag(obj) == Some(tags::LIST) {
                    self.note_known(obj);
                } else {
                    asm!(self.ops
                        ; cmp QWORD [rbx + slot(obj)], tags::LIST as i32
                        ; jne =>not_list
                    );
                }
                // The length the updates of the run need (a shorter list
                // leaves here, and the interpreter raises where Python does).
                let need = self.run_max_index(at, obj).max(idx);
                asm!(self.ops
                    ; cmp QWORD [rax + l.list_flag], 0
                    ; jne =>oob
                    ; cmp QWORD [rax + l.list_len], need
                    ; jle =>oob
                );
                self.list_run = Some(ListRun {
                    obj,
                    len: need + 1,
                    since: pc,
                });
            }
        }
        if rsi_ok {
            self.comment(format_args!("rsi: still r{obj}'s items"));
        } else {
            asm!(self.ops; mov rsi, QWORD [rax + l.list_ptr]);
        }
        self.rsi_items = Some(obj);
        self.refuse_entries(pc + 1, at);
        let checked_len = self.list_run.take().map_or(idx + 1, |r| r.len.max(idx + 1));
        // The item's tag is checked when `dst` has a register.
        let item_tag = self
            .alloc_of(dst)
            .filter(|_| self.in_reg(dst).is_some())
            .map(|a| a.kind.tag());
        self.put_value_mem(dst, off);
        self.speculate(pc, "a list indexed by an int in range");
        for (entry, reason) in [
            (not_list, ExitReason::SubscrNotFast),
            (oob, ExitReason::IndexOutOfRange),
        ] {
            self.bail_sites.push((pc, reason));
            self.cold(move |g| {
                asm!(g.ops; =>entry);
                g.comment(format_args!("pc {pc}: bail and leave: {}", reason.name()));
                g.step_and_leave(pc, reason);
            });
        }
        self.set_known(dst, None);
        self.set_tag(obj, tags::LIST);
        self.paired = Some(PairedStore {
            at,
            obj,
            key,
            off,
            item_tag,
            len: checked_len,
        });
    }

    /// The store half, when the load at the same list and key prepared it:
    /// only the borrow check, then the value's words (the tag only when it
    /// may differ from the item's).
    pub(super) fn gen_store_paired(&mut self, pc: u32, p: PairedStore, src: u16) {
        let l = *layout();
        let off = p.off;
        self.comment(format_args!(
            "item update: the load checked type, length and no borrow"
        ));
        if self.rsi_items == Some(p.obj) {
            self.comment(format_args!("rsi: still r{}'s items", p.obj));
        } else {
            asm!(self.ops
                ; mov rax, QWORD [rbx + pay(p.obj)]
                ; mov rsi, QWORD [rax + l.list_ptr]
            );
            self.rsi_items = Some(p.obj);
        }
        match self.alloc_of(src).filter(|_| self.in_reg(src).is_some()) {
            Some(a) => {
                if p.item_tag != Some(a.kind.tag()) {
                    asm!(self.ops; mov QWORD [rsi + off], a.kind.tag() as i32);
                }
                match self.in_reg(src) {
                    Some(MReg::Xmm(x)) => asm!(self.ops; movsd QWORD [rsi + off + 8], Rx(x)),
                    _ => {
                        self.load_gpr(2, src);
                        asm!(self.ops; mov QWORD [rsi + off + 8], rdx);
                    }
                }
            }
            None => asm!(self.ops
                ; mov rdx, QWORD [rbx + slot(src)]
                ; mov rdi, QWORD [rbx + pay(src)]
                ; mov QWORD [rsi + off], rdx
                ; mov QWORD [rsi + off + 8], rdi
            ),
        }
        self.list_run = Some(ListRun {
            obj: p.obj,
            len: p.len,
            since: pc,
        });
    }
}
