//! Instructions with no inline template, and sites whose template kept
//! failing (`generic_at`), done by one call of a Rust helper that does the
//! instruction's whole work (`fast.rs`, `lean.rs`, `lean_args.rs`) instead
//! of stepping it in the interpreter (`helpers::jit_step`): a step costs
//! about 320 instructions (570 when recording) and counts as an exit; a
//! lean helper skips the interpreter's dispatch, the exit count and the
//! recorder's bail.
//!
//! Each helper goes to the interpreter itself for what it does not cover
//! (instances whose special methods may be Python code, generators),
//! counting the step under the reason the site passes (`Generic`), so the
//! two cannot disagree on an unusual case and `--jit-stats` shows what is
//! still stepped. Binary operators on instances are not stepped: their
//! special methods run as calls (`lean_dunder.rs`).

use super::Gen;
use crate::bytecode::opcodes::Instr;
use crate::jit::exits::ExitReason;
use crate::jit::{fast, lean, lean_args, lean_branches, lean_dunder, lean_super};

/// The helper that does `ins`'s whole work from compiled code, if any (see
/// the module comment). A branch's helper returns the pc to go on at.
fn whole_work_helper(ins: &Instr) -> Option<*const ()> {
    Some(match ins {
        Instr::MakeCell { .. } => fast::jit_make_cell as *const (),
        Instr::ListExtend { .. } => lean_args::jit_list_extend as *const (),
        Instr::ListToTuple { .. } => lean_args::jit_list_to_tuple as *const (),
        Instr::LoadSuperAttr { .. } => lean_super::jit_load_super_attr as *const (),
        Instr::Subscr { .. } => lean::jit_subscr_any as *const (),
        Instr::StoreSubscr { .. } => lean::jit_store_subscr_any as *const (),
        i if lean::binop_of(i).is_some() => lean::jit_binary_any as *const (),
        Instr::AddI { .. } | Instr::SubI { .. } => lean_dunder::jit_binary_imm_any as *const (),
        i if lean_branches::is_branch_or_compare(i) => lean_branches::jit_branch_any as *const (),
        _ => return None,
    })
}

impl<'a> Gen<'a> {
    /// An instruction with no template here, or a site that kept bailing:
    /// its helper when it has one (counting a step it falls back to as
    /// `Generic`), else a step in the interpreter.
    pub(super) fn gen_generic(&mut self, pc: u32) {
        let ins = self.code.instrs[pc as usize];
        let target = ins.jump_target();
        match whole_work_helper(&ins) {
            Some(h) => {
                self.comment(format_args!("the whole instruction in a helper"));
                let reason = Some(ExitReason::Generic);
                self.call_helper_outcome(pc, h as usize, reason, target, true);
            }
            None => self.step_inline(pc, ExitReason::Generic, target, true),
        }
        self.forget_all();
    }
}
