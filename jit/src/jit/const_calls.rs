//! Calls of a function that a module global held when the code was
//! compiled: `fib(n - 1)` inside `fib` is `LoadGlobal fib`, the argument,
//! `Call`. While the module's globals keep the version they had then
//! (`object::Globals`: any write moves it on), the slot still holds that
//! function, so the `LoadGlobal` is one compare and two constant stores;
//! when the version moved on, it looks at the slot itself, and leaves
//! compiled code (`ExitReason::GlobalRebound`, after which the code is
//! recompiled without the pair) when the slot holds anything else. So
//! whatever path the `LoadGlobal` takes, compiled code goes on after it
//! only with the function in the register, and the `Call` is a frame push
//! with the callee's numbers as constants and no check of its own
//! (`gen_calls.rs`).
//!
//! The `Call` may rely on the `LoadGlobal` having run in the same compiled
//! code only if nothing else reaches it: no jump target or handler between
//! them, no instruction between them that may write the register, and no
//! entry from the interpreter between them (`Pairs::no_entry`: the
//! interpreter may have loaded the global before the code was compiled).
//! What runs between them may rebind the global (an operand's `__sub__`):
//! the call still calls the function loaded, as Python does.

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::jit::dataflow::{has, FxTable};
use crate::runtime::heap::Gc;
use crate::runtime::object::FunctionObj;
use crate::runtime::value::Value;

/// How far back from a `Call` its `LoadGlobal` is looked for.
const MAX_GAP: usize = 8;

/// One global function call found in the code.
#[derive(Clone, Copy)]
pub struct ConstCall {
    pub load_pc: u32,
    pub func: Gc<FunctionObj>,
    /// The module globals' version at compile time, and where it is read.
    pub version: u32,
    pub version_ptr: *const u32,
}

#[derive(Default)]
pub struct Pairs {
    /// The `LoadGlobal` and the `Call` of each pair, by pc, ascending.
    /// (Sparse: a table with an entry for every pc was 24 bytes an
    /// instruction, 25 KB of fresh memory for compile_cost.py's 200-line
    /// function, which has a hundred pairs.)
    at: Vec<(u32, ConstCall)>,
    /// By pc: the interpreter must not enter compiled code here.
    pub no_entry: Vec<bool>,
}

impl Pairs {
    /// The pair whose `LoadGlobal` or `Call` is at `pc`.
    pub fn at(&self, pc: u32) -> Option<ConstCall> {
        let i = self.at.binary_search_by_key(&pc, |e| e.0).ok()?;
        Some(self.at[i].1)
    }

    /// The `Call` of the pair whose `LoadGlobal` is at `load_pc`.
    pub fn call_of(&self, load_pc: u32) -> Option<u32> {
        let from = self.at.partition_point(|e| e.0 <= load_pc);
        let last = load_pc.saturating_add(MAX_GAP as u32);
        self.at[from..]
            .iter()
            .take_while(|e| e.0 <= last)
            .find(|e| e.1.load_pc == load_pc)
            .map(|e| e.0)
    }
}

/// The pairs of `code`. `block_start`: jump targets and handlers;
/// `self_direct`: the code being compiled gets a direct entry (a call of
/// itself can then use it, though it is not compiled yet).
/// `fx`: the instructions' effects.
pub fn find(code: &Code, block_start: &[bool], self_direct: bool, fx: &FxTable) -> Pairs {
    let n = code.instrs.len();
    let mut p = Pairs {
        at: Vec::new(),
        no_entry: vec![false; n],
    };
    let calls: Vec<(usize, u16, u16)> = code
        .instrs
        .iter()
        .enumerate()
        .filter_map(|(pc, i)| match *i {
            Instr::Call { func, argc } => Some((pc, func, argc)),
            _ => None,
        })
        .collect();
    if calls.is_empty() {
        return p;
    }
    let module = code.module;
    let Ok(globals) = module.globals.try_borrow() else {
        return p;
    };
    let version = module.globals.version();
    if version == u32::MAX {
        return p;
    }
    for (pc, r, argc) in calls {
        let mut load = None;
        for j in (pc.saturating_sub(MAX_GAP)..pc).rev() {
            if block_start[j + 1] {
                break;
            }
            if let Instr::LoadGlobal { dst, slot, .. } = code.instrs[j] {
                if dst == r {
                    load = Some((j, slot));
                    break;
                }
            }
            if has(fx.may_write.row(j), r) || has(fx.kills.row(j), r) {
                break;
            }
        }
        let Some((j, slot)) = load else { continue };
        let Some(Value::Function(f)) = globals.get(slot as usize).copied() else {
            continue;
        };
        let own = std::ptr::eq(&*f.code, code);
        if f.fast_argc == u16::MAX
            || f.fast_argc != argc
            || !(own && self_direct || f.code.jit.direct.get() != 0)
        {
            continue;
        }
        let c = ConstCall {
            load_pc: j as u32,
            func: f,
            version,
            version_ptr: module.globals.version_ptr(),
        };
        p.at.push((j as u32, c));
        p.at.push((pc as u32, c));
        for e in &mut p.no_entry[j + 1..=pc] {
            *e = true;
        }
    }
    // A later pair's `LoadGlobal` may come before an earlier one's `Call`
    // (`f(g(x))`); a pc is in one pair only (a `Call` writes its register,
    // so no `LoadGlobal` serves two), and the sort is stable besides.
    p.at.sort_by_key(|e| e.0);
    p
}
