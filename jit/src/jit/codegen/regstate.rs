//! The code generator's side of register allocation (`jit/regalloc.rs` has
//! the plan and the invariant): where an operand is, the operand accessors
//! the register-aware templates use instead of `[rbx + pay(r)]`, spills,
//! reloads, entry stubs, and the jumps out of a region.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen, Known};
use crate::jit::exits::ExitReason;
use crate::jit::helpers;
use crate::jit::regalloc::{Alloc, MReg, RKind, RegCheck, Region};
use crate::runtime::value::tags;

macro_rules! asm {
    ($ops:expr; $($t:tt)*) => {
        dynasm!($ops ; .arch x64 ; $($t)*)
    };
}

/// Where the code being emitted stands (captured by cold code, which runs in
/// the state of the hot code that jumps to it).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Mode {
    /// The region of the instruction being compiled (with an allocation).
    pub region: Option<u16>,
    /// Allocated slots are in their registers (else: the frame is up to
    /// date, after a spill, and registers are not trusted).
    pub regs: bool,
    /// The instruction being compiled.
    pub pc: u32,
    /// Allocations (bits by index in the region's allocation) whose frame
    /// payload (and tag) is known to equal their register here (spilled or
    /// loaded since the last write), so a spill can skip them.
    pub clean: u64,
}

/// A two-operand general-register instruction with a payload operand.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum GOp {
    Mov,
    Add,
    Sub,
    Imul,
    Cmp,
    And,
    Or,
    Xor,
}

/// The same for SSE2 doubles.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum XOp {
    Mov,
    Add,
    Sub,
    Mul,
    Div,
    Ucomi,
}

/// Registers-state per-code data for `Gen`.
#[derive(Default)]
pub(super) struct RegState {
    pub plan: Option<crate::jit::regalloc::Plan>,
    pub mode: Mode,
    /// Entry stub (memory state -> register state) of each instruction in a
    /// region: its label's id, `u32::MAX` for none. (An `Option` of the
    /// label was 16 bytes an instruction.)
    pub stubs: Vec<u32>,
    /// Code offset of each emitted stub (the interpreter's entry there).
    pub stub_offsets: Vec<u32>,
    /// Per region: the labels of its frame-state copy's instructions, when
    /// it has one (`codegen/peel.rs`).
    pub copies: Vec<Option<Vec<DynamicLabel>>>,
    /// The region whose copy is being emitted.
    pub copying: Option<u16>,
    /// Spill-and-jump code for jumps out of a region: (region, target).
    pub trampolines: Vec<(u16, u32, DynamicLabel)>,
    /// Recording: the blocks whose line counts a region keeps in a
    /// register (`regalloc::COUNTER_GPRS`): (region, the block's first
    /// instruction, the register, the block's counter).
    pub counters: Vec<(u16, u32, u8, DynamicLabel)>,
}

impl<'a> Gen<'a> {
    /// The current region's allocation.
    fn region(&self) -> Option<&Region> {
        let plan = self.rs.plan.as_ref()?;
        let reg = self.rs.mode.region?;
        plan.regions.get(reg as usize)
    }

    /// The allocation slot `r` is in at the instruction being compiled, with
    /// its index. In the frame state, a slot whose frame tag is not kept
    /// (`Alloc::stable`) is a plain frame slot.
    fn alloc_idx(&self, r: u16) -> Option<(usize, Alloc)> {
        let pc = self.rs.mode.pc;
        self.region()?
            .alloc_at(pc, r)
            .filter(|(_, a)| a.stable || self.rs.mode.regs)
    }

    /// The allocation of slot `r` at the instruction being compiled.
    pub(super) fn alloc_of(&self, r: u16) -> Option<Alloc> {
        self.alloc_idx(r).map(|(_, a)| a)
    }

    /// The machine register holding `r` right now, if it is in one.
    pub(super) fn in_reg(&self, r: u16) -> Option<MReg> {
        if !self.rs.mode.regs {
            return None;
        }
        self.alloc_of(r).map(|a| a.reg)
    }

    /// What is known of `r`, with the allocated type of a slot of the region
    /// (or the checked type of a slot the region never writes). `frame`:
    /// `k` was noted while the slot was in the frame.
    pub(super) fn known_with_alloc(&self, r: u16, k: Option<Known>, frame: bool) -> Option<Known> {
        let kind = match self.alloc_of(r) {
            Some(a) => Some(a.kind),
            None => {
                // Another web of this slot may have been written in a
                // register only: the frame's tag is not what the template
                // that wrote it noted (unless it noted it in the frame).
                if !frame
                    && self
                        .region()
                        .is_some_and(|g| g.allocs.iter().any(|a| a.slot == r && !a.stable))
                {
                    return None;
                }
                self.invariant_kind(r)
            }
        };
        match kind {
            Some(kind) => {
                let tag = kind.tag();
                Some(Known {
                    tag,
                    value: k.filter(|k| k.tag == tag).and_then(|k| k.value),
                })
            }
            None => k,
        }
    }

    /// The type of `r` when the current region reads it and never writes it.
    fn invariant_kind(&self, r: u16) -> Option<RKind> {
        self.region()?
            .invariant
            .iter()
            .find(|(s, _)| *s == r)
            .map(|&(_, k)| k)
    }

    /// The bit of slot `r`'s allocation in `Mode::clean`, if it has one.
    fn clean_bit(&self, r: u16) -> u64 {
        self.alloc_idx(r).map(|(i, _)| 1 << i).unwrap_or(0)
    }

    /// The XMM register of `dst` when it is a float slot in a register now.
    pub(super) fn float_dst_xmm(&self, dst: u16) -> Option<u8> {
        match (self.alloc_of(dst), self.in_reg(dst)) {
            (Some(a), Some(MReg::Xmm(x))) if a.kind == RKind::Float => Some(x),
            _ => None,
        }
    }

    /// `r`'s register was written: its frame payload is stale.
    pub(super) fn dirtied(&mut self, r: u16) {
        self.rs.mode.clean &= !self.clean_bit(r);
    }

    /// The allocations active at `pc` in the current region, with indices.
    fn active_at(&self, pc: u32) -> Vec<(usize, Alloc)> {
        match self.region() {
            Some(g) => g
                .active(pc)
                .iter()
                .map(|&i| (i as usize, g.allocs[i as usize]))
                .collect(),
            None => Vec::new(),
        }
    }

    pub(super) fn slot_name(&self, r: u16) -> String {
        match self.code.reg_names.get(r as usize).and_then(|n| n.clone()) {
            Some(n) => format!("r{r}({n})"),
            None => format!("r{r}"),
        }
    }

    // ------------------------------------------------------------ operands

    /// `op Rq(d), payload of r`.
    pub(super) fn gop(&mut self, op: GOp, d: u8, r: u16) {
        match self.in_reg(r) {
            Some(MReg::Gpr(s)) => match op {
                GOp::Mov => asm!(self.ops; mov Rq(d), Rq(s)),
                GOp::Add => asm!(self.ops; add Rq(d), Rq(s)),
                GOp::Sub => asm!(self.ops; sub Rq(d), Rq(s)),
                GOp::Imul => asm!(self.ops; imul Rq(d), Rq(s)),
                GOp::Cmp => asm!(self.ops; cmp Rq(d), Rq(s)),
                GOp::And => asm!(self.ops; and Rq(d), Rq(s)),
                GOp::Or => asm!(self.ops; or Rq(d), Rq(s)),
                GOp::Xor => asm!(self.ops; xor Rq(d), Rq(s)),
            },
            Some(MReg::Xmm(x)) => {
                // A float's bits (`is`, `-x`): through rdi, which no
                // template keeps anything in.
                if op == GOp::Mov {
                    asm!(self.ops; movq Rq(d), Rx(x));
                } else {
                    asm!(self.ops; movq rdi, Rx(x));
                    self.gop_reg(op, d, 7);
                }
            }
            None => {
                let p = pay(r);
                match op {
                    GOp::Mov => asm!(self.ops; mov Rq(d), QWORD [rbx + p]),
                    GOp::Add => asm!(self.ops; add Rq(d), QWORD [rbx + p]),
                    GOp::Sub => asm!(self.ops; sub Rq(d), QWORD [rbx + p]),
                    GOp::Imul => asm!(self.ops; imul Rq(d), QWORD [rbx + p]),
                    GOp::Cmp => asm!(self.ops; cmp Rq(d), QWORD [rbx + p]),
                    GOp::And => asm!(self.ops; and Rq(d), QWORD [rbx + p]),
                    GOp::Or => asm!(self.ops; or Rq(d), QWORD [rbx + p]),
                    GOp::Xor => asm!(self.ops; xor Rq(d), QWORD [rbx + p]),
                }
            }
        }
    }

    fn gop_reg(&mut self, op: GOp, d: u8, s: u8) {
        match op {
            GOp::Mov => asm!(self.ops; mov Rq(d), Rq(s)),
            GOp::Add => asm!(self.ops; add Rq(d), Rq(s)),
            GOp::Sub => asm!(self.ops; sub Rq(d), Rq(s)),
            GOp::Imul => asm!(self.ops; imul Rq(d), Rq(s)),
            GOp::Cmp => asm!(self.ops; cmp Rq(d), Rq(s)),
            GOp::And => asm!(self.ops; and Rq(d), Rq(s)),
            GOp::Or => asm!(self.ops; or Rq(d), Rq(s)),
            GOp::Xor => asm!(self.ops; xor Rq(d), Rq(s)),
        }
    }

    /// Load `r`'s payload word into `Rq(d)`.
    pub(super) fn load_gpr(&mut self, d: u8, r: u16) {
        self.gop(GOp::Mov, d, r);
    }

    /// `op xmm(d), r as a double`.
    pub(super) fn xop(&mut self, op: XOp, d: u8, r: u16) {
        match self.in_reg(r) {
            Some(MReg::Xmm(s)) => match op {
                XOp::Mov => asm!(self.ops; movapd Rx(d), Rx(s)),
                XOp::Add => asm!(self.ops; addsd Rx(d), Rx(s)),
                XOp::Sub => asm!(self.ops; subsd Rx(d), Rx(s)),
                XOp::Mul => asm!(self.ops; mulsd Rx(d), Rx(s)),
                XOp::Div => asm!(self.ops; divsd Rx(d), Rx(s)),
                XOp::Ucomi => asm!(self.ops; ucomisd Rx(d), Rx(s)),
            },
            // An int slot read as a double only on paths whose tag check
            // fails (its tag is INT): never run, but keep it well-formed.
            Some(MReg::Gpr(_)) | None => {
                let p = pay(r);
                match op {
                    XOp::Mov => asm!(self.ops; movsd Rx(d), QWORD [rbx + p]),
                    XOp::Add => asm!(self.ops; addsd Rx(d), QWORD [rbx + p]),
                    XOp::Sub => asm!(self.ops; subsd Rx(d), QWORD [rbx + p]),
                    XOp::Mul => asm!(self.ops; mulsd Rx(d), QWORD [rbx + p]),
                    XOp::Div => asm!(self.ops; divsd Rx(d), QWORD [rbx + p]),
                    XOp::Ucomi => asm!(self.ops; ucomisd Rx(d), QWORD [rbx + p]),
                }
            }
        }
    }

    /// Compare `r`'s payload word with zero (flags as `cmp r, 0`).
    pub(super) fn cmp_zero(&mut self, r: u16) {
        match self.in_reg(r) {
            Some(MReg::Gpr(s)) => asm!(self.ops; test Rq(s), Rq(s)),
            Some(MReg::Xmm(x)) => asm!(self.ops; movq rdi, Rx(x); test rdi, rdi),
            None => asm!(self.ops; cmp QWORD [rbx + pay(r)], 0),
        }
    }

    // ------------------------------------------------------------ results

    /// Store the int in `Rq(s)` into `dst` (its tag only when not already INT).
    pub(super) fn put_int(&mut self, dst: u16, s: u8, tag_known: bool) {
        self.put_word(dst, s, tags::INT, tag_known);
    }

    /// Store the float bits in `Rq(s)` into `dst`.
    pub(super) fn put_float_bits(&mut self, dst: u16, s: u8, tag_known: bool) {
        self.put_word(dst, s, tags::FLOAT, tag_known);
    }

    /// Store the payload `Rq(s)` of a value tagged `tag` into `dst`.
    pub(super) fn put_word(&mut self, dst: u16, s: u8, tag: u64, tag_known: bool) {
        match self.alloc_of(dst) {
            Some(a) if a.kind.tag() == tag => match self.in_reg(dst) {
                Some(MReg::Gpr(d)) => {
                    self.dirtied(dst);
                    if d != s {
                        asm!(self.ops; mov Rq(d), Rq(s));
                    }
                }
                Some(MReg::Xmm(x)) => {
                    self.dirtied(dst);
                    asm!(self.ops; movq Rx(x), Rq(s));
                }
                None => asm!(self.ops; mov QWORD [rbx + pay(dst)], Rq(s)),
            },
            Some(_) => self.leave_type_changed(dst, move |g| {
                asm!(g.ops
                    ; mov QWORD [rbx + slot(dst)], tag as i32
                    ; mov QWORD [rbx + pay(dst)], Rq(s)
                );
            }),
            None => {
                if !tag_known {
                    asm!(self.ops; mov QWORD [rbx + slot(dst)], tag as i32);
                }
                asm!(self.ops; mov QWORD [rbx + pay(dst)], Rq(s));
            }
        }
    }

    /// Store the double in xmm0 into `dst`.
    pub(super) fn put_xmm0(&mut self, dst: u16, tag_known: bool) {
        match self.alloc_of(dst) {
            Some(a) if a.kind == RKind::Float => match self.in_reg(dst) {
                Some(MReg::Xmm(x)) => {
                    self.dirtied(dst);
                    asm!(self.ops; movapd Rx(x), xmm0);
                }
                Some(MReg::Gpr(d)) => {
                    self.dirtied(dst);
                    asm!(self.ops; movq Rq(d), xmm0);
                }
                None => asm!(self.ops; movsd QWORD [rbx + pay(dst)], xmm0),
            },
            Some(_) => self.leave_type_changed(dst, move |g| {
                asm!(g.ops
                    ; mov QWORD [rbx + slot(dst)], tags::FLOAT as i32
                    ; movsd QWORD [rbx + pay(dst)], xmm0
                );
            }),
            None => {
                if !tag_known {
                    asm!(self.ops; mov QWORD [rbx + slot(dst)], tags::FLOAT as i32);
                }
                asm!(self.ops; movsd QWORD [rbx + pay(dst)], xmm0);
            }
        }
    }

    /// Store the bool in `al` (zero-extended into rax) into `dst`.
    pub(super) fn put_bool_rax(&mut self, dst: u16, tag_known: bool) {
        if self.alloc_of(dst).is_some() {
            self.leave_type_changed(dst, move |g| {
                asm!(g.ops
                    ; mov QWORD [rbx + slot(dst)], tags::BOOL as i32
                    ; mov QWORD [rbx + pay(dst)], rax
                );
            });
            return;
        }
        if !tag_known {
            asm!(self.ops; mov QWORD [rbx + slot(dst)], tags::BOOL as i32);
        }
        asm!(self.ops; mov QWORD [rbx + pay(dst)], rax);
    }

    /// Store a constant; the tag only when not known to be there.
    pub(super) fn put_const(&mut self, dst: u16, tag: u64, payload: u64, tag_known: bool) {
        match self.alloc_of(dst) {
            Some(a) if a.kind.tag() == tag => match self.in_reg(dst) {
                Some(MReg::Gpr(d)) => {
                    self.dirtied(dst);
                    if payload == 0 {
                        asm!(self.ops; xor Rd(d), Rd(d));
                    } else {
                        asm!(self.ops; mov Rq(d), QWORD payload as i64);
                    }
                }
                Some(MReg::Xmm(x)) => {
                    self.dirtied(dst);
                    if payload == 0 {
                        asm!(self.ops; xorps Rx(x), Rx(x));
                    } else {
                        asm!(self.ops
                            ; mov rax, QWORD payload as i64
                            ; movq Rx(x), rax
                        );
                    }
                }
                None => self.store_payload_const(dst, payload),
            },
            Some(_) => self.leave_type_changed(dst, move |g| {
                asm!(g.ops; mov QWORD [rbx + slot(dst)], tag as i32);
                g.store_payload_const(dst, payload);
            }),
            None => {
                if !tag_known {
                    asm!(self.ops; mov QWORD [rbx + slot(dst)], tag as i32);
                }
                self.store_payload_const(dst, payload);
            }
        }
    }

    fn store_payload_const(&mut self, dst: u16, payload: u64) {
        if let Ok(p) = i32::try_from(payload as i64) {
            asm!(self.ops; mov QWORD [rbx + pay(dst)], p);
        } else {
            asm!(self.ops
                ; mov rax, QWORD payload as i64
                ; mov QWORD [rbx + pay(dst)], rax
            );
        }
    }

    /// Store a value whose tag is in rax and payload in rcx into `dst`. An
    /// allocated `dst` takes it when the tag is its type's; another tag
    /// goes to the frame and compiled code leaves.
    pub(super) fn put_value_rax_rcx(&mut self, dst: u16) {
        match self.alloc_of(dst) {
            Some(a) if self.rs.mode.regs => {
                self.dirtied(dst);
                let other = self.ops.new_dynamic_label();
                asm!(self.ops
                    ; cmp rax, a.kind.tag() as i32
                    ; jne =>other
                );
                match a.reg {
                    MReg::Gpr(d) => asm!(self.ops; mov Rq(d), rcx),
                    MReg::Xmm(x) => asm!(self.ops; movq Rx(x), rcx),
                }
                self.cold(move |g| {
                    asm!(g.ops; =>other);
                    g.leave_type_changed(dst, move |g| {
                        asm!(g.ops
                            ; mov QWORD [rbx + slot(dst)], rax
                            ; mov QWORD [rbx + pay(dst)], rcx
                        );
                    });
                });
            }
            Some(a) => {
                // Frame state inside a region: the tag must stay the type's.
                let other = self.ops.new_dynamic_label();
                asm!(self.ops
                    ; cmp rax, a.kind.tag() as i32
                    ; jne =>other
                    ; mov QWORD [rbx + pay(dst)], rcx
                );
                self.cold(move |g| {
                    asm!(g.ops; =>other);
                    g.leave_type_changed(dst, move |g| {
                        asm!(g.ops
                            ; mov QWORD [rbx + slot(dst)], rax
                            ; mov QWORD [rbx + pay(dst)], rcx
                        );
                    });
                });
            }
            None => asm!(self.ops
                ; mov QWORD [rbx + slot(dst)], rax
                ; mov QWORD [rbx + pay(dst)], rcx
            ),
        }
    }

    /// Store the value whose two words are at `[rsi + off]` (an item of a
    /// list or tuple) into `dst`: as `put_value_rax_rcx`, but an allocated
    /// `dst` in register state compares the tag in memory and loads the
    /// payload straight into its register.
    pub(super) fn put_value_mem(&mut self, dst: u16, off: i32) {
        match self.alloc_of(dst) {
            Some(a) if self.rs.mode.regs => {
                self.dirtied(dst);
                let other = self.ops.new_dynamic_label();
                asm!(self.ops
                    ; cmp QWORD [rsi + off], a.kind.tag() as i32
                    ; jne =>other
                );
                match a.reg {
                    MReg::Gpr(d) => asm!(self.ops; mov Rq(d), QWORD [rsi + off + 8]),
                    MReg::Xmm(x) => asm!(self.ops; movsd Rx(x), QWORD [rsi + off + 8]),
                }
                self.cold(move |g| {
                    asm!(g.ops; =>other);
                    g.leave_type_changed(dst, move |g| {
                        asm!(g.ops
                            ; mov rax, QWORD [rsi + off]
                            ; mov rcx, QWORD [rsi + off + 8]
                            ; mov QWORD [rbx + slot(dst)], rax
                            ; mov QWORD [rbx + pay(dst)], rcx
                        );
                    });
                });
            }
            _ => {
                asm!(self.ops
                    ; mov rax, QWORD [rsi + off]
                    ; mov rcx, QWORD [rsi + off + 8]
                );
                self.put_value_rax_rcx(dst);
            }
        }
    }

    /// Copy the frame slot `src` into `dst`'s register (register state,
    /// `dst` allocated, `src` not in a register): a tag compare on the frame
    /// and a load, no round trip through rax/rcx. Another type leaves after
    /// the instruction, as `put_value_rax_rcx` does. False if this does not
    /// apply.
    pub(super) fn move_frame_to_reg(&mut self, dst: u16, src: u16) -> bool {
        let (Some(a), Some(reg), None) = (self.alloc_of(dst), self.in_reg(dst), self.in_reg(src))
        else {
            return false;
        };
        let other = self.ops.new_dynamic_label();
        asm!(self.ops
            ; cmp QWORD [rbx + slot(src)], a.kind.tag() as i32
            ; jne =>other
        );
        match reg {
            MReg::Gpr(d) => asm!(self.ops; mov Rq(d), QWORD [rbx + pay(src)]),
            MReg::Xmm(x) => asm!(self.ops; movsd Rx(x), QWORD [rbx + pay(src)]),
        }
        self.cold(move |g| {
            asm!(g.ops; =>other);
            g.leave_type_changed(dst, move |g| {
                asm!(g.ops
                    ; mov rax, QWORD [rbx + slot(src)]
                    ; mov rcx, QWORD [rbx + pay(src)]
                    ; mov QWORD [rbx + slot(dst)], rax
                    ; mov QWORD [rbx + pay(dst)], rcx
                );
            });
        });
        self.dirtied(dst);
        true
    }

    /// A result of another type than its allocated slot's: spill, write it
    /// to the frame (`write`), and leave to the interpreter after the
    /// instruction. Ends the path (no fall-through).
    fn leave_type_changed(&mut self, dst: u16, write: impl FnOnce(&mut Gen<'a>)) {
        let pc = self.rs.mode.pc;
        if let Some(a) = self.alloc_of(dst) {
            self.note_reg_check(pc + 1, dst, a.kind);
        }
        self.comment(format_args!(
            "result changes a register local's type: leave"
        ));
        // What this path spills is up to date on this path only: the code
        // emitted after it (reached by other paths, such as a cold path
        // rejoining) must not take those slots as spilled.
        let mode = self.rs.mode;
        self.spill();
        write(self);
        self.reg_exit(pc + 1);
        self.rs.mode = mode;
    }

    /// Note that the slot `slot`, kept as `kind` by its region, is checked
    /// on a way to a `RegType` exit at `exit` (see `RegCheck`).
    pub(super) fn note_reg_check(&mut self, exit: u32, slot: u16, kind: RKind) {
        let c = RegCheck {
            exit,
            slot,
            tag: kind.tag(),
        };
        if !self.reg_checks.contains(&c) {
            self.reg_checks.push(c);
        }
    }

    /// Leave to the interpreter at `pc` (the frame is up to date), counting
    /// a `RegType` exit there.
    pub(super) fn reg_exit(&mut self, pc: u32) {
        // A loop with a frame-state copy goes on there instead.
        if let Some(copy) = self.copy_label(pc) {
            self.comment(format_args!("on in the frame-state copy of the loop"));
            asm!(self.ops; jmp =>copy);
            return;
        }
        self.uncount_resuming_at(pc);
        let helper = helpers::jit_reg_exit as *const () as usize;
        self.to_shared(
            helper,
            super::SharedKind::Exit,
            pc,
            ExitReason::RegType as i32,
        );
    }

    // ------------------------------------------------------------ spills and reloads

    /// Store the payloads of the region's written slots that the frame
    /// may read from the current instruction on (register state).
    pub(super) fn spill(&mut self) {
        // The frame is brought up to date: the entry's clearing, then the
        // deferred constant (which may be one of those registers).
        self.clear_pending();
        self.store_deferred();
        let pc = self.rs.mode.pc;
        self.spill_for(pc);
    }

    /// The same, for going on at `pc`: slots dead there are not stored, nor
    /// those whose frame payload is known to be up to date.
    pub(super) fn spill_for(&mut self, pc: u32) {
        if !self.rs.mode.regs {
            return;
        }
        self.flush_counters();
        let clean = self.rs.mode.clean;
        let plan = self.rs.plan.as_ref();
        let at = self.rs.mode.pc;
        let dirty: Vec<(usize, Alloc)> = self
            .active_at(at)
            .into_iter()
            .filter(|(i, a)| {
                a.dirty && clean & (1 << i) == 0 && plan.is_none_or(|p| p.live_at(pc, a.slot))
            })
            .collect();
        for (i, _) in &dirty {
            self.rs.mode.clean |= 1 << i;
        }
        if dirty.is_empty() {
            return;
        }
        if self.listing {
            let names: Vec<String> = dirty.iter().map(|(_, a)| self.slot_name(a.slot)).collect();
            self.comment(format_args!("spill {}", names.join(", ")));
        }
        for (_, a) in dirty {
            let p = pay(a.slot);
            if !a.stable {
                asm!(self.ops; mov QWORD [rbx + slot(a.slot)], a.kind.tag() as i32);
            }
            match a.reg {
                MReg::Gpr(n) => asm!(self.ops; mov QWORD [rbx + p], Rq(n)),
                MReg::Xmm(n) => asm!(self.ops; movsd QWORD [rbx + p], Rx(n)),
            }
        }
    }

    /// Recording: the blocks whose line counts the current region keeps in
    /// registers (`plan_counter_regs`): (first instruction, register,
    /// counter).
    fn region_counters(&self) -> Vec<(u32, u8, DynamicLabel)> {
        let region = self.rs.mode.region;
        self.rs
            .counters
            .iter()
            .filter(|c| Some(c.0) == region)
            .map(|c| (c.1, c.2, c.3))
            .collect()
    }

    /// Recording: add the line counts the region keeps in registers to
    /// their counters, and start the registers from nothing again
    /// (`regalloc::COUNTER_GPRS`). At every spill, so at every way out of
    /// register state; one that goes on in it counts on from nothing.
    fn flush_counters(&mut self) {
        let flush = self.region_counters();
        if flush.is_empty() {
            return;
        }
        self.comment(format_args!("line counts in registers to their counters"));
        for (_, r, l) in flush {
            asm!(self.ops
                ; add QWORD [=>l], Rq(r)
                ; xor Rd(r), Rd(r)
            );
        }
    }

    /// Back to register state after the instruction at `pc` ran on the
    /// frame (a helper call or a template that is not register-aware),
    /// going on at `pc + 1`: check and load what it may have written,
    /// load the caller-saved registers again (when `called`: code that may
    /// have clobbered them ran).
    pub(super) fn reload_after(&mut self, pc: u32, called: bool) {
        self.reload_after_but(pc, called, None);
    }

    /// `reload_after`, leaving out `skip` (a result the template puts into
    /// its register itself).
    pub(super) fn reload_after_but(&mut self, pc: u32, called: bool, skip: Option<u16>) {
        self.reload_span_but(pc, pc, called, skip);
    }

    /// `reload_after` for the instructions `first..=pc`, run together on
    /// the frame (one helper did them all), going on at `pc + 1`.
    pub(super) fn reload_after_span(&mut self, first: u32, pc: u32, called: bool) {
        self.reload_span_but(first, pc, called, None);
    }

    fn reload_span_but(&mut self, first: u32, pc: u32, called: bool, skip: Option<u16>) {
        let Some(plan) = self.rs.plan.as_ref() else {
            return;
        };
        let next = pc + 1;
        // The webs written here, and those live on after it (the same web
        // when both: `webs.rs`).
        let here: Vec<Vec<(usize, Alloc)>> = (first..=pc).map(|q| self.active_at(q)).collect();
        let after = self.active_at(next);
        let mut checks = Vec::new();
        for &(i, a) in here.iter().flatten().chain(after.iter()) {
            if checks.iter().any(|&(j, _, _, _)| j == i) || skip == Some(a.slot) {
                continue;
            }
            let written = (first..=pc).zip(&here).any(|(q, active)| {
                may_write(&self.fx, q, a.slot) && active.iter().any(|&(j, _)| j == i)
            });
            let live = plan.live_at(next, a.slot) && after.iter().any(|&(j, _)| j == i);
            if written || (called && a.reg.caller_saved() && live) {
                checks.push((i, a, written, live));
            }
        }
        if checks.is_empty() {
            return;
        }
        if self.listing {
            let names: Vec<String> = checks
                .iter()
                .map(|(_, a, w, _)| {
                    format!(
                        "{}{}",
                        self.slot_name(a.slot),
                        if *w { " (check)" } else { "" }
                    )
                })
                .collect();
            self.comment(format_args!("reload {}", names.join(", ")));
        }
        let fail = self.ops.new_dynamic_label();
        let mut fail_used = false;
        for (i, a, written, live) in checks {
            let tag = a.kind.tag() as i32;
            if written && !live {
                // Dead here: whatever was written is never read (a slot
                // whose tag the region keeps gets it back).
                if a.stable {
                    asm!(self.ops; mov QWORD [rbx + slot(a.slot)], tag);
                }
                self.rs.mode.clean &= !(1 << i);
                continue;
            }
            self.rs.mode.clean |= 1 << i;
            if written {
                fail_used = true;
                self.note_reg_check(next, a.slot, a.kind);
                asm!(self.ops
                    ; cmp QWORD [rbx + slot(a.slot)], tag
                    ; jne =>fail
                );
            }
            self.load_alloc(a);
        }
        if fail_used {
            self.bail_sites.push((next, ExitReason::RegType));
            self.cold(move |g| {
                asm!(g.ops; =>fail);
                g.comment(format_args!(
                    "pc {pc}: wrote a register local with another type: leave"
                ));
                g.reg_exit(next);
            });
        }
    }

    fn load_alloc(&mut self, a: Alloc) {
        let p = pay(a.slot);
        match a.reg {
            MReg::Gpr(n) => asm!(self.ops; mov Rq(n), QWORD [rbx + p]),
            MReg::Xmm(n) => asm!(self.ops; movsd Rx(n), QWORD [rbx + p]),
        }
    }

    // ------------------------------------------------------------ labels

    /// Where code in the frame state goes to run instruction `pc`: its
    /// entry stub inside a region, its code elsewhere.
    pub(super) fn mem_label(&mut self, pc: u32) -> DynamicLabel {
        if let Some(l) = self.copy_jump(pc) {
            return l;
        }
        match self.rs.plan.as_ref().and_then(|p| p.region_at(pc)) {
            Some(_) => self.stub(pc),
            None => self.pc_label(pc as usize),
        }
    }

    /// Where a jump to `pc` goes from the code being emitted.
    pub(super) fn jump_label(&mut self, pc: u32) -> DynamicLabel {
        if let Some((t, l)) = self.zero_redirect {
            if t == pc {
                return l;
            }
        }
        let m = self.rs.mode;
        let Some(region) = m.region.filter(|_| m.regs) else {
            return self.mem_label(pc);
        };
        let plan = self.rs.plan.as_ref().expect("a region has a plan");
        if plan.regions[region as usize].contains(pc) {
            return self.pc_label(pc as usize);
        }
        if let Some(&(_, _, l)) = self
            .rs
            .trampolines
            .iter()
            .find(|(r, p, _)| *r == region && *p == pc)
        {
            return l;
        }
        let l = self.ops.new_dynamic_label();
        self.rs.trampolines.push((region, pc, l));
        self.cold(move |g| {
            asm!(g.ops; =>l);
            g.comment(format_args!("leave the loop for pc {pc}"));
            // Shared by every jump there: spill what any of them may leave
            // stale.
            g.rs.mode.clean = 0;
            g.spill_for(pc);
            g.rs.mode.regs = false;
            let t = g.mem_label(pc);
            asm!(g.ops; jmp =>t);
        });
        l
    }

    /// The entry stub of `pc` (in a region), emitted with the cold code.
    pub(super) fn stub(&mut self, pc: u32) -> DynamicLabel {
        match self.rs.stubs[pc as usize] {
            u32::MAX => {}
            id => return super::Assembler::label_of(id as usize),
        }
        let l = self.ops.new_dynamic_label();
        self.rs.stubs[pc as usize] = l.get_id() as u32;
        let region = self
            .rs
            .plan
            .as_ref()
            .and_then(|p| p.region_at(pc))
            .expect("a stub is in a region") as u16;
        self.cold(move |g| {
            g.rs.mode = Mode {
                region: Some(region),
                regs: false,
                pc,
                clean: 0,
            };
            asm!(g.ops; =>l);
            g.rs.stub_offsets[pc as usize] = g.here();
            g.emit_stub(pc);
        });
        l
    }

    fn emit_stub(&mut self, pc: u32) {
        let active = self.active_at(pc);
        let Some(plan) = self.rs.plan.as_ref() else {
            return;
        };
        let live: Vec<Alloc> = active
            .iter()
            .map(|&(_, a)| a)
            .filter(|a| plan.live_at(pc, a.slot))
            .collect();
        let region = self.region().expect("a stub is in a region");
        // Slots whose tag the region keeps, with no value to load here:
        // nothing reads them before the loop writes them, but the tag must
        // be the type's.
        let tag_only: Vec<(u16, RKind)> = region
            .stable
            .iter()
            .copied()
            .filter(|&(s, _)| !live.iter().any(|a| a.slot == s))
            .collect();
        // Slots the loop only reads: their tags hold for the whole loop.
        let invariant: Vec<(u16, RKind)> = region
            .invariant
            .iter()
            .copied()
            .filter(|&(r, _)| plan.live_at(pc, r))
            .collect();
        if self.listing {
            let names: Vec<String> = live
                .iter()
                .map(|a| format!("{} in {}", self.slot_name(a.slot), a.reg.name()))
                .collect();
            self.comment(format_args!(
                "pc {pc}: enter the loop: check and load {}",
                names.join(", ")
            ));
        }
        let fail = self.ops.new_dynamic_label();
        let fail_used = !live.is_empty() || !invariant.is_empty();
        for (r, kind) in tag_only {
            asm!(self.ops; mov QWORD [rbx + slot(r)], kind.tag() as i32);
        }
        let checked: Vec<(u16, RKind)> = live
            .iter()
            .map(|a| (a.slot, a.kind))
            .chain(invariant.iter().copied())
            .collect();
        for a in live {
            asm!(self.ops
                ; cmp QWORD [rbx + slot(a.slot)], a.kind.tag() as i32
                ; jne =>fail
            );
            self.load_alloc(a);
        }
        for (r, kind) in invariant {
            asm!(self.ops
                ; cmp QWORD [rbx + slot(r)], kind.tag() as i32
                ; jne =>fail
            );
        }
        // The line counts kept in registers start from nothing: the counters
        // in memory hold every count so far.
        for (_, r, _) in self.region_counters() {
            asm!(self.ops; xor Rd(r), Rd(r));
        }
        let body = self.pc_label(pc as usize);
        asm!(self.ops; jmp =>body);
        if fail_used {
            if self.copy_label(pc).is_none() {
                self.bail_sites.push((pc, ExitReason::RegType));
                for &(r, kind) in &checked {
                    self.note_reg_check(pc, r, kind);
                }
            }
            asm!(self.ops; =>fail);
            self.reg_exit(pc);
        }
    }

    /// The allocation of the region at `pc`, for the listing.
    pub(super) fn note_region(&mut self, pc: u32) {
        if !self.listing {
            return;
        }
        let Some(plan) = self.rs.plan.as_ref() else {
            return;
        };
        let Some(r) = plan.region_at(pc) else { return };
        let region = &plan.regions[r];
        if region.start != pc {
            return;
        }
        // Each web with the instructions it spans (first..last active).
        let text: Vec<String> = region
            .allocs
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let at: Vec<u32> = (region.start..=region.end)
                    .filter(|&p| region.active(p).contains(&(i as u8)))
                    .collect();
                let span = match (at.first(), at.last()) {
                    (Some(f), Some(l)) if !a.stable || (*f, *l) != (region.start, region.end) => {
                        format!(" @{f}..{l}")
                    }
                    _ => String::new(),
                };
                format!(
                    "{} {} in {}{}",
                    self.slot_name(a.slot),
                    match a.kind {
                        RKind::Int => "int",
                        RKind::Float => "float",
                    },
                    a.reg.name(),
                    span
                )
            })
            .collect();
        let inv: Vec<String> = region
            .invariant
            .iter()
            .map(|&(r, k)| {
                format!(
                    "{} {}",
                    self.slot_name(r),
                    match k {
                        RKind::Int => "int",
                        RKind::Float => "float",
                    }
                )
            })
            .collect();
        let end = region.end;
        self.comment(format_args!(
            "loop pc {pc}..={end} in registers: {}",
            text.join(", ")
        ));
        if !inv.is_empty() {
            self.comment(format_args!(
                "read-only in the loop, checked on entry: {}",
                inv.join(", ")
            ));
        }
        let counters: Vec<String> = self
            .region_counters()
            .iter()
            .map(|(pc, r, _)| format!("pc {pc} in r{r}"))
            .collect();
        if !counters.is_empty() {
            self.comment(format_args!(
                "line counts of tight blocks in registers: {}",
                counters.join(", ")
            ));
        }
    }
}

/// Whether the instruction at `pc` may write slot `r` (any slot, past the
/// code's end).
fn may_write(fx: &crate::jit::dataflow::FxTable, pc: u32, r: u16) -> bool {
    if pc as usize >= fx.may_write.rows() {
        return true;
    }
    fx.may_write.contains(pc as usize, r)
}
