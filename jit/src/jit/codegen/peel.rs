//! A register-allocated loop emitted a second time in the frame state, for
//! the iterations its registers cannot hold yet (`Region::peel`).
//!
//! `s = 0` then `for ...: s += x * y` gives `s` an XMM register, but the
//! loop is entered with the int 0 in it: the entry stub's check fails. The
//! value cannot be converted on entry (a loop that runs no iteration leaves
//! the int 0, and `0 + 1` is an int), so the failed check goes to this copy
//! of the loop instead of leaving to the interpreter: plain frame-state code
//! (the templates as with `--jit-regalloc=off`) that runs until the next
//! back-edge, which enters the register code through the header's entry
//! stub again. By then `s` holds a float and the register code takes over;
//! if not, the stub sends control here once more, one iteration at a time.
//!
//! Every way the register code has of going back to the frame state at an
//! instruction of the loop (an entry stub's failed check, a `RegType` exit:
//! a result or a reloaded slot of another type) comes here too, at that
//! instruction. Both have the frame exactly as the interpreter would see
//! it there, which is all the copy needs.
//!
//! Inside the copy, forward jumps and fall-throughs stay in the copy; a
//! backward jump (a back-edge) goes through the target's entry stub.
//! Jumps out of the loop go to the code there as from any frame-state code.
//!
//! Line counting (`linecount.rs`): the copy counts at the same block starts
//! as the register code. Control enters it mid-block only where the register
//! code left mid-block, after that block's count, so nothing is counted
//! twice or skipped.

use dynasmrt::{dynasm, DynamicLabel, DynasmLabelApi};

use super::{Gen, Mode};
use crate::jit::disasm::Note;
use crate::jit::regalloc::falls_through;

macro_rules! asm {
    ($ops:expr; $($t:tt)*) => {
        dynasm!($ops ; .arch x64 ; $($t)*)
    };
}

impl<'a> Gen<'a> {
    /// Labels for the copies of the regions that get one.
    pub(super) fn make_peel_labels(&mut self) {
        let Some(plan) = self.rs.plan.as_ref() else {
            return;
        };
        let spans: Vec<Option<(u32, u32)>> = plan
            .regions
            .iter()
            .map(|r| r.peel.then_some((r.start, r.end)))
            .collect();
        self.rs.copies = spans
            .into_iter()
            .map(|s| {
                s.map(|(start, end)| {
                    (start..=end)
                        .map(|_| self.ops.new_dynamic_label())
                        .collect()
                })
            })
            .collect();
    }

    /// The frame-state copy of instruction `pc`, when its region has one.
    pub(super) fn copy_label(&self, pc: u32) -> Option<DynamicLabel> {
        let plan = self.rs.plan.as_ref()?;
        let r = plan.region_at(pc)?;
        let start = plan.regions[r].start;
        let labels = self.rs.copies.get(r)?.as_ref()?;
        Some(labels[(pc - start) as usize])
    }

    /// Where frame-state code in the copy being emitted goes for `pc`, if
    /// it stays in the copy: a later instruction of the same loop.
    pub(super) fn copy_jump(&self, pc: u32) -> Option<DynamicLabel> {
        let r = self.rs.copying?;
        let plan = self.rs.plan.as_ref()?;
        if plan.region_at(pc) != Some(r as usize) || pc <= self.rs.mode.pc {
            return None;
        }
        self.copy_label(pc)
    }

    /// Emit the copies (after the hot code, before the cold section).
    pub(super) fn emit_peeled(&mut self) {
        let spans: Vec<(u16, u32, u32)> = match self.rs.plan.as_ref() {
            Some(plan) => plan
                .regions
                .iter()
                .enumerate()
                .filter(|(_, r)| r.peel)
                .map(|(i, r)| (i as u16, r.start, r.end))
                .collect(),
            None => return,
        };
        for (region, start, end) in spans {
            let at = self.here();
            self.notes.push((
                at,
                Note::Section(format!(
                    "loop pc {start}..={end} in the frame state, until its registers can take over"
                )),
            ));
            self.rs.copying = Some(region);
            for pc in start..=end {
                self.rs.mode = Mode {
                    region: None,
                    regs: false,
                    pc,
                    clean: 0,
                };
                let at = self.here();
                if self.listing {
                    self.notes.push((
                        at,
                        Note::Bytecode {
                            pc,
                            line: self.code.line_at(pc as usize),
                            text: crate::bytecode::disasm::instr_text(self.code, pc as usize),
                        },
                    ));
                }
                let label = self
                    .copy_label(pc)
                    .expect("a peeled region has copy labels");
                asm!(self.ops; =>label);
                let p = pc as usize;
                let reached_only_by_fallthrough =
                    pc > start && !self.block_start[p] && falls_through(&self.code.instrs[p - 1]);
                if !reached_only_by_fallthrough {
                    self.forget_all();
                }
                self.count_block(p);
                self.gen_instr(pc);
            }
            if falls_through(&self.code.instrs[end as usize]) {
                self.rs.mode.pc = end;
                let next = self.next(end);
                asm!(self.ops; jmp =>next);
            }
            self.rs.copying = None;
        }
        self.rs.mode = Mode::default();
    }
}
