//! `GetIter` of a `for` loop over a list, tuple or range without an
//! allocation per loop: the iterator object of the loop's previous run is
//! reset and used again.
//!
//! A `for` loop's iterator lives in a temporary register that, in most code,
//! only the loop's `ForIter` reads (`owned_iter_reg`: no other instruction
//! of the code object reads it, and no call's frame overlaps it). An iterator such a
//! `GetIter` makes is marked `IterObj::loop_owned`: the register holds the
//! only reference to it (nothing copies it out, and a frame starts with its
//! registers cleared), so when the same register comes to the `GetIter`
//! again holding it, nothing else can see it being reset. A nested loop
//! (`for i in range(n): for x in xs: ...`) then allocates its iterator
//! once, not once per outer iteration, which saves the allocation, the
//! collector's sweeping of it, and the generic helper's work.
//!
//! When recording, a reset counts as the allocation the interpreter makes
//! there, so the profile's allocations stay the interpreter's.
//!
//! Anything else (another type, a busy iterator) takes the generic helper,
//! `fast::jit_get_iter`.

use std::cell::{Cell, RefCell};

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{slot, Gen};
use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::interp::vm::Vm;
use crate::jit::dataflow::FxTable;
use crate::jit::fast;
use crate::runtime::object::{IterObj, IterState};
use crate::runtime::value::{tags, Value};

/// `GetIter` (at `pc`) of a list, tuple or range (or an instance of a
/// subclass of list or tuple that iterates as one) into `*dst`, reusing the
/// loop-owned iterator `*dst` holds: 1 done, 0 when the generic helper must
/// do it (nothing changed then).
pub extern "sysv64" fn jit_get_iter_loop(
    vm: *mut Vm,
    src: *const Value,
    dst: *mut Value,
    pc: u32,
) -> u64 {
    // SAFETY: compiled code passes the `Vm` it was entered with (the
    // interpreter that entered it holds no other reference meanwhile) and
    // two register slots of the running frame.
    let (vm, v, old) = unsafe { (&mut *vm, *src, *dst) };
    let state = match v {
        Value::List(_) | Value::Tuple(_) => IterState::Seq { seq: v, index: 0 },
        Value::Range(r) => r.iter_state(),
        Value::Instance(i) => match i.payload() {
            // A list or tuple subclass's instance that its class lets
            // iterate as its payload (`Vm::instance_iter`): deltablue's
            // `for c in v.constraints` over an `OrderedCollection(list)`,
            // which took the generic helper (the interpreter's step, some
            // 500 instructions) on every loop entry.
            Some(seq @ (Value::List(_) | Value::Tuple(_))) => {
                if vm.special_of(v, "__iter__").is_some() {
                    return 0;
                }
                IterState::Seq { seq, index: 0 }
            }
            _ => return 0,
        },
        _ => return 0,
    };
    if vm.heap.rec.is_some() {
        // The allocation (made or reused) is recorded at this instruction:
        // the frame's pc, which compiled code does not store before
        // calling here, synced; and the site named for the recorder
        // (`Vm::rec_at`, as `Gen::alloc_site` does; cleared on return),
        // which then finds it without a walk to the frame's pc.
        if let Some(f) = vm.frames.last_mut() {
            f.pc = pc as usize + 1;
            let site = f.code().prof.pcs.get(pc as usize);
            vm.rec_at = site.map_or(std::ptr::null(), |e| e);
        }
    }
    if let Value::Iter(it) = old {
        if it.loop_owned.get() {
            if let Ok(mut s) = it.state.try_borrow_mut() {
                if matches!(
                    *s,
                    IterState::Seq { .. } | IterState::Range { .. } | IterState::Exhausted
                ) {
                    // SAFETY: these states own nothing to drop (values and
                    // integers only), so overwriting one without dropping it
                    // leaks nothing; `s` is a unique borrow of the state.
                    unsafe { std::ptr::write(&mut *s, state) };
                } else {
                    *s = state;
                }
                drop(s);
                // The interpreter makes an iterator here.
                vm.heap.record_alloc(&*it);
                vm.rec_at = std::ptr::null();
                return 1;
            }
        }
    }
    let it = vm.heap.alloc(IterObj {
        state: RefCell::new(state),
        loop_owned: Cell::new(true),
    });
    vm.rec_at = std::ptr::null();
    // SAFETY: as above.
    unsafe { *dst = Value::Iter(it) };
    1
}

impl<'a> Gen<'a> {
    /// Whether `r` is a loop's own iterator register (`owned_iter_regs`,
    /// computed for every register at the first `GetIter` that asks).
    fn owned_iter_reg(&mut self, r: u16) -> bool {
        let (code, block_start, fx) = (self.code, &self.block_start, &self.fx);
        self.owned_iters
            .get_or_insert_with(|| owned_iter_regs(code, block_start, fx))
            .get(r as usize)
            .copied()
            .unwrap_or(false)
    }

    /// `GetIter dst, src`.
    pub(super) fn gen_get_iter(&mut self, pc: u32, dst: u16, src: u16) {
        let general = fast::jit_get_iter as *const ();
        if src == dst || !self.owned_iter_reg(dst) {
            self.call_fast(pc, general);
            return;
        }
        let slow = self.ops.new_dynamic_label();
        self.comment(format_args!(
            "r{dst} only this loop's: a list, tuple or range reuses the iterator it holds"
        ));
        asm!(self.ops
            ; mov rdi, r12
            ; lea rsi, [rbx + slot(src)]
            ; lea rdx, [rbx + slot(dst)]
            ; mov ecx, pc as i32
            ; mov rax, QWORD jit_get_iter_loop as *const () as i64
            ; call rax
            ; test eax, eax
            ; jz =>slow
        );
        self.cold(move |g| {
            asm!(g.ops; =>slow);
            g.comment(format_args!("pc {pc}: the general helper"));
            g.call_helper_outcome(pc, general as usize, None, None, false);
        });
        self.forget_all();
    }

    /// `CloseIter iter`: a `break` or `return` leaving `for x in f()`. Only
    /// a generator the loop's call made needs anything (closing it runs its
    /// cleanup), and loops over ranges and lists break far more often.
    pub(super) fn gen_close_iter(&mut self, pc: u32, iter: u16) {
        let close = self.ops.new_dynamic_label();
        self.comment(format_args!(
            "r{iter}: a generator is closed if this loop made it; other iterators need nothing"
        ));
        asm!(self.ops
            ; cmp QWORD [rbx + slot(iter)], tags::GENERATOR as i32
            ; je =>close
        );
        self.cold(move |g| {
            asm!(g.ops; =>close);
            g.comment(format_args!("pc {pc}: close the generator"));
            g.call_helper_outcome(
                pc,
                fast::jit_close_iter as *const () as usize,
                None,
                None,
                false,
            );
        });
        self.forget_all();
    }
}

/// Per register: whether it is a loop's own iterator register: every
/// instruction that may read it is a `ForIter` over it or a `CloseIter` of
/// it (or reads what an earlier instruction of its block put there: a
/// `for _ in range(n)` reuses the register of the call of `range`), and
/// every one that may
/// write it writes it whenever it goes on (no call's frame overlaps it
/// without its result landing there). Then a loop-owned iterator is never
/// copied out of the register it was made in, and whatever else the
/// register holds came from an instruction's result, never such an
/// iterator: by induction over the code objects, loop-owned iterators only
/// ever live in their own registers. (The register may serve other
/// purposes between loops, as a call's function slot before
/// `for _ in range(n)`.)
///
/// One forward pass over the code for all registers (asking per register
/// and per `GetIter` walked the whole code each time: a tenth of the
/// compile time of a long function).
fn owned_iter_regs(code: &Code, block_start: &[bool], fx: &FxTable) -> Vec<bool> {
    // Word by word over the effect rows (a loop over each row's bits cost
    // 70,000 instructions per call on `compile_cost.py`'s `big`).
    let words = fx.reads.words();
    // Only `GetIter` destinations are asked about: instructions that
    // neither read nor write one are skipped.
    let mut asked = vec![0u64; words];
    for ins in &code.instrs {
        if let Instr::GetIter { dst, .. } = *ins {
            if let Some(w) = asked.get_mut(dst as usize / 64) {
                *w |= 1u64 << (dst % 64);
            }
        }
    }
    // Bit set: still possibly a loop's own iterator register.
    let mut owned = asked.clone();
    // Per register, since the start of the current block (jump targets and
    // handlers start one): whether the last instruction that may have
    // written it left another instruction's result there (not a
    // `GetIter`'s, and written whenever it goes on).
    let mut result = vec![0u64; words];
    for (q, ins) in code.instrs.iter().enumerate() {
        if block_start.get(q).copied().unwrap_or(false) {
            result.fill(0);
        }
        let (reads, may, kills) = (fx.reads.row(q), fx.may_write.row(q), fx.kills.row(q));
        if (0..words).all(|k| (reads[k] | may[k]) & asked[k] == 0) {
            continue;
        }
        // `CloseIter` (a `break` out of `for x in f()`) reads the iterator
        // without copying it anywhere; so does a `ForIter` over it.
        let own_for = match *ins {
            Instr::ForIter { iter, dst, .. } if dst != iter => Some(iter),
            Instr::CloseIter { iter } => Some(iter),
            _ => None,
        };
        let get_iter = matches!(ins, Instr::GetIter { .. });
        for k in 0..words {
            let mut rd = reads[k];
            if let Some(r) = own_for.filter(|&r| r as usize / 64 == k) {
                rd &= !(1u64 << (r % 64));
            }
            owned[k] &= !(rd & !result[k]);
            owned[k] &= !(may[k] & !kills[k]);
            let written = if get_iter { 0 } else { may[k] & kills[k] };
            result[k] = (result[k] & !may[k]) | written;
        }
    }
    (0..words * 64)
        .map(|r| owned[r / 64] & (1u64 << (r % 64)) != 0)
        .collect()
}
