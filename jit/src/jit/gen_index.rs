//! Indexing, unpacking and global loads, inline.
//!
//! - `Subscr` / `StoreSubscr` on a list (a load also on a tuple) with an int
//!   index: tag guards, Python's negative-index normalisation, an unsigned
//!   bounds check, then the element's two words. The collector is
//!   non-moving stop-the-world mark-sweep with no write barrier
//!   (`runtime/heap.rs`), so a store is two plain moves. A list's `RefCell`
//!   flag is checked as a borrow would: a load needs no mutable borrow in
//!   progress, a store no borrow at all.
//! - `Unpack` of a tuple or list of exactly the expected length: a length
//!   check and the element copies, unrolled. The type the interpreter saw
//!   there (`feedback::UNPACKED_LIST`) is checked first, the other in the
//!   cold section.
//! - `v[k] op= x` with a constant `k`: see `gen_index_pair.rs`.
//! - `LoadGlobal`: the module's global slot (its `Vec` address embedded; the
//!   code's module is fixed, `Code::module`), then the module's builtin
//!   cache, read as the interpreter reads them; nothing is cached in the
//!   machine code, so rebinding, shadowing a builtin or deleting a global
//!   needs no invalidation.
//!
//! A subscript of anything else (dicts, strs, slices) calls a `lean.rs`
//! helper, the interpreter's `getitem`/`setitem` without its dispatch. Every
//! other failure runs the instruction in the interpreter (IndexError,
//! `__getitem__`, NameError stay the interpreter's) and continues after it,
//! counted under its exit reason. These instructions
//! write only their destination registers, and what the interpreter runs
//! for them (a `__getitem__`, an iterator while unpacking) is a native call,
//! not a frame of this code, so what is known of other registers still holds.

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::jit::exits::ExitReason;
use crate::jit::layout::layout;
use crate::jit::regalloc::{MReg, MAX_INLINE_UNPACK};
use crate::jit::{fast, feedback, lean};
use crate::runtime::value::tags;

// An unbound slot is a zero tag word (`test`, no compare with an immediate).
const _: () = assert!(tags::UNDEFINED == 0);

impl<'a> Gen<'a> {
    /// A cold stub at `entry` that steps the instruction in the interpreter
    /// under `reason` and rejoins after it.
    pub(super) fn index_bail(&mut self, entry: DynamicLabel, pc: u32, reason: ExitReason) {
        self.bail_sites.push((pc, reason));
        self.cold(move |g| {
            asm!(g.ops; =>entry);
            g.comment(format_args!("pc {pc}: bail: {}", reason.name()));
            g.step_inline(pc, reason, None, false);
        });
    }

    /// A cold stub at `entry` that does the instruction in a `lean.rs`
    /// helper (dicts, strs, slices; an instance is stepped there, counted as
    /// `SubscrNotFast`) and rejoins after it. The helper writes only the
    /// destination and runs Python code only by native calls, so what is
    /// known of other registers still holds.
    fn lean_call(&mut self, entry: DynamicLabel, pc: u32, helper: *const ()) {
        self.bail_sites.push((pc, ExitReason::SubscrNotFast));
        self.cold(move |g| {
            asm!(g.ops; =>entry);
            g.comment(format_args!("pc {pc}: not list/tuple[int]: lean helper"));
            g.call_helper_outcome(pc, helper as usize, None, None, false);
        });
    }

    /// Load the index into rcx (an int slot, in its machine register inside
    /// a register-allocated loop, or a known constant); `None` when the
    /// index is known not to be an int.
    fn index_into_rcx(&mut self, key: u16, not_int: DynamicLabel) -> Option<Option<i64>> {
        match self.known_tag(key) {
            Some(tags::INT) => {
                self.note_known(key);
                let k = self.known_int(key);
                match k {
                    // Addressed by displacement (`index_check`).
                    Some(i) if const_offset(i).is_some() => {}
                    Some(i) => asm!(self.ops; mov rcx, QWORD i),
                    None => self.load_gpr(1, key),
                }
                Some(k)
            }
            Some(_) => None,
            None => {
                self.comment(format_args!("guard: r{key} int"));
                asm!(self.ops
                    ; cmp QWORD [rbx + slot(key)], tags::INT as i32
                    ; jne =>not_int
                    ; mov rcx, QWORD [rbx + pay(key)]
                );
                Some(None)
            }
        }
    }

    /// rcx: the index, rdx: the length. Normalise a negative index as Python
    /// does (`i + len`) and jump to `oob` unless 0 <= index < len (one
    /// unsigned compare: a still-negative index is huge unsigned).
    /// A known small non-negative index needs neither: the check compares
    /// the length with it, and the item is at a constant offset from rsi
    /// (returned); otherwise rcx is the item's offset.
    fn index_check(&mut self, known: Option<i64>, oob: DynamicLabel) -> Option<i32> {
        if let Some(off) = known.and_then(const_offset) {
            asm!(self.ops
                ; cmp rdx, (off / 16)
                ; jle =>oob
            );
            return Some(off);
        }
        if known.is_none_or(|i| i < 0) {
            asm!(self.ops
                ; test rcx, rcx
                ; jns >positive
                ; add rcx, rdx
                ; positive:
            );
        }
        asm!(self.ops
            ; cmp rcx, rdx
            ; jae =>oob
            ; shl rcx, 4
        );
        None
    }

    /// `Subscr dst, obj, key`: a list or tuple indexed by an int, inline.
    /// Register-aware: the index may be in a machine register, the item goes
    /// into `dst`'s register when it is allocated and the item has its type
    /// (else compiled code leaves), and only rax, rcx, rdx, rsi and rdi are
    /// scratch.
    pub(super) fn gen_subscr(&mut self, pc: u32, dst: u16, obj: u16, key: u16) {
        let l = *layout();
        // Only a paired load goes on with what earlier updates checked.
        let run = self.list_run.take();
        let rsi = self.rsi_items.take();
        let obj_tag = self.known_tag(obj);
        if obj_tag.is_some_and(|t| t != tags::LIST && t != tags::TUPLE) {
            self.comment(format_args!("r{obj} known not a list/tuple"));
            self.call_fast(pc, lean::jit_subscr_any as *const ());
            return;
        }
        if obj_tag.is_none_or(|t| t == tags::LIST) && self.known_tag(key) == Some(tags::INT) {
            let off = self.known_int(key).and_then(const_offset);
            if let (Some(off), Some(at)) = (off, self.paired_store(pc, dst, obj, key)) {
                self.note_known(key);
                self.list_run = run;
                self.rsi_items = rsi;
                return self.gen_subscr_paired(pc, dst, obj, key, off, at);
            }
        }
        let slow = self.ops.new_dynamic_label();
        let oob = self.ops.new_dynamic_label();
        let Some(known) = self.index_into_rcx(key, slow) else {
            self.comment(format_args!("r{key} known not an int"));
            self.call_fast(pc, lean::jit_subscr_any as *const ());
            return;
        };
        asm!(self.ops; mov rax, QWORD [rbx + pay(obj)]);
        match obj_tag {
            Some(tags::LIST) => {
                self.note_known(obj);
                self.list_words_for_read(oob);
            }
            Some(_) => {
                self.note_known(obj);
                asm!(self.ops
                    ; mov rdx, QWORD [rax + l.tuple_len]
                    ; mov rsi, QWORD [rax + l.tuple_ptr]
                );
            }
            None => {
                // A list inline; a tuple in the cold section, rejoining at
                // the bounds check with the same registers.
                self.comment(format_args!("guard: r{obj} list (a tuple: cold)"));
                let not_list = self.ops.new_dynamic_label();
                let index = self.ops.new_dynamic_label();
                asm!(self.ops
                    ; cmp QWORD [rbx + slot(obj)], tags::LIST as i32
                    ; jne =>not_list
                );
                self.list_words_for_read(oob);
                asm!(self.ops; =>index);
                self.cold(move |g| {
                    asm!(g.ops
                        ; =>not_list
                        ; cmp QWORD [rbx + slot(obj)], tags::TUPLE as i32
                        ; jne =>slow
                        ; mov rdx, QWORD [rax + l.tuple_len]
                        ; mov rsi, QWORD [rax + l.tuple_ptr]
                        ; jmp =>index
                    );
                });
            }
        }
        self.comment(format_args!("bounds check, negative index from the end"));
        match self.index_check(known, oob) {
            Some(off) => self.put_value_mem(dst, off),
            None => {
                asm!(self.ops; add rsi, rcx);
                self.put_value_mem(dst, 0);
            }
        }
        self.lean_call(slow, pc, lean::jit_subscr_any as *const ());
        self.index_bail(oob, pc, ExitReason::IndexOutOfRange);
        self.set_known(dst, None);
    }

    /// rax: a list. rdx: its length, rsi: its buffer; a list borrowed
    /// mutably elsewhere goes to `busy`.
    fn list_words_for_read(&mut self, busy: DynamicLabel) {
        let l = *layout();
        asm!(self.ops
            ; cmp QWORD [rax + l.list_flag], 0
            ; jl =>busy
            ; mov rdx, QWORD [rax + l.list_len]
            ; mov rsi, QWORD [rax + l.list_ptr]
        );
    }

    /// `StoreSubscr obj, key, src`: a list item assigned by an int index.
    /// Register-aware like `gen_subscr` (the index and the stored value may
    /// be in machine registers).
    pub(super) fn gen_store_subscr(&mut self, pc: u32, obj: u16, key: u16, src: u16) {
        let l = *layout();
        self.list_run = None;
        let rsi = self.rsi_items.take();
        if let Some(p) = self
            .paired
            .take()
            .filter(|p| p.at == pc && p.obj == obj && p.key == key)
        {
            self.rsi_items = rsi;
            return self.gen_store_paired(pc, p, src);
        }
        let obj_tag = self.known_tag(obj);
        if obj_tag.is_some_and(|t| t != tags::LIST) {
            self.comment(format_args!("r{obj} known not a list"));
            self.call_fast(pc, lean::jit_store_subscr_any as *const ());
            return;
        }
        let slow = self.ops.new_dynamic_label();
        let oob = self.ops.new_dynamic_label();
        let Some(known) = self.index_into_rcx(key, slow) else {
            self.comment(format_args!("r{key} known not an int"));
            self.call_fast(pc, lean::jit_store_subscr_any as *const ());
            return;
        };
        if obj_tag.is_some() {
            self.note_known(obj);
        } else {
            self.comment(format_args!("guard: r{obj} list"));
            asm!(self.ops
                ; cmp QWORD [rbx + slot(obj)], tags::LIST as i32
                ; jne =>slow
            );
        }
        self.comment(format_args!(
            "list not borrowed; bounds check, negative index from the end"
        ));
        asm!(self.ops
            ; mov rax, QWORD [rbx + pay(obj)]
            ; cmp QWORD [rax + l.list_flag], 0
            ; jne =>oob
        );
        let off = match known.and_then(const_offset) {
            Some(off) => {
                // A small constant index: one compare with the length, the
                // item at a constant offset.
                asm!(self.ops
                    ; cmp QWORD [rax + l.list_len], (off / 16)
                    ; jle =>oob
                    ; mov rsi, QWORD [rax + l.list_ptr]
                );
                off
            }
            None => {
                asm!(self.ops; mov rdx, QWORD [rax + l.list_len]);
                self.index_check(known, oob);
                asm!(self.ops
                    ; mov rsi, QWORD [rax + l.list_ptr]
                    ; add rsi, rcx
                );
                0
            }
        };
        match self.alloc_of(src).filter(|_| self.in_reg(src).is_some()) {
            Some(a) => {
                let tag = a.kind.tag() as i32;
                asm!(self.ops; mov QWORD [rsi + off], tag);
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
        self.lean_call(slow, pc, lean::jit_store_subscr_any as *const ());
        self.index_bail(oob, pc, ExitReason::IndexOutOfRange);
    }

    /// `Unpack start, src, count`: a tuple or list of exactly `count` items
    /// copied into `start..start + count`. Register-aware: an item whose
    /// target is allocated is checked for the allocated type and loaded
    /// into its register; another type (any item) puts every item into the
    /// frame, spills, and leaves to the interpreter after the instruction.
    /// Only rax, rcx, rdx, rsi and rdi are scratch, and the slow paths
    /// spill (the cold code runs in the captured register state).
    pub(super) fn gen_unpack(&mut self, pc: u32, start: u16, src: u16, count: u16) {
        let l = *layout();
        if count == 0 || count > MAX_INLINE_UNPACK {
            self.call_fast(pc, fast::jit_unpack as *const ());
            return;
        }
        let slow = self.ops.new_dynamic_label();
        let n = count as i32;
        let lists = self.code.feedback.get(pc as usize) & feedback::UNPACKED_LIST != 0;
        if lists {
            // The interpreter unpacked lists here: a list inline, a tuple
            // in the cold section.
            self.comment(format_args!(
                "guard: r{src} a list (a tuple: cold) of {count}"
            ));
            let tuple = self.ops.new_dynamic_label();
            let copy = self.ops.new_dynamic_label();
            asm!(self.ops
                ; mov rax, QWORD [rbx + pay(src)]
                ; cmp QWORD [rbx + slot(src)], tags::LIST as i32
                ; jne =>tuple
                ; cmp QWORD [rax + l.list_flag], 0
                ; jl =>slow
                ; cmp QWORD [rax + l.list_len], n
                ; jne =>slow
                ; mov rsi, QWORD [rax + l.list_ptr]
                ; =>copy
            );
            self.cold(move |g| {
                asm!(g.ops
                    ; =>tuple
                    ; cmp QWORD [rbx + slot(src)], tags::TUPLE as i32
                    ; jne =>slow
                    ; cmp QWORD [rax + l.tuple_len], n
                    ; jne =>slow
                    ; mov rsi, QWORD [rax + l.tuple_ptr]
                    ; jmp =>copy
                );
            });
        } else {
            // A tuple inline, a list (which would have noted itself had the
            // interpreter run this) in the cold section.
            self.comment(format_args!(
                "guard: r{src} a tuple (a list: cold) of {count}"
            ));
            let list = self.ops.new_dynamic_label();
            let copy = self.ops.new_dynamic_label();
            asm!(self.ops
                ; mov rax, QWORD [rbx + pay(src)]
                ; cmp QWORD [rbx + slot(src)], tags::TUPLE as i32
                ; jne =>list
                ; cmp QWORD [rax + l.tuple_len], n
                ; jne =>slow
                ; mov rsi, QWORD [rax + l.tuple_ptr]
                ; =>copy
            );
            self.cold(move |g| {
                asm!(g.ops
                    ; =>list
                    ; cmp QWORD [rbx + slot(src)], tags::LIST as i32
                    ; jne =>slow
                    ; cmp QWORD [rax + l.list_flag], 0
                    ; jl =>slow
                    ; cmp QWORD [rax + l.list_len], n
                    ; jne =>slow
                    ; mov rsi, QWORD [rax + l.list_ptr]
                    ; jmp =>copy
                );
            });
        }
        self.index_bail(slow, pc, ExitReason::UnpackNotFast);
        // The items are read through rsi, so `src` may be among the targets.
        let other = self.ops.new_dynamic_label();
        let mut other_used = false;
        let before = self.rs.mode;
        for i in 0..count {
            let (t, at) = (start + i, i as i32 * 16);
            match self.alloc_of(t) {
                Some(a) => {
                    other_used = true;
                    self.note_reg_check(pc + 1, t, a.kind);
                    asm!(self.ops
                        ; cmp QWORD [rsi + at], a.kind.tag() as i32
                        ; jne =>other
                    );
                    match self.in_reg(t) {
                        Some(MReg::Gpr(d)) => asm!(self.ops; mov Rq(d), QWORD [rsi + at + 8]),
                        Some(MReg::Xmm(x)) => {
                            asm!(self.ops; movsd Rx(x), QWORD [rsi + at + 8])
                        }
                        // A slot whose frame tag the region keeps, in the
                        // frame state: the payload only.
                        None => asm!(self.ops
                            ; mov rdx, QWORD [rsi + at + 8]
                            ; mov QWORD [rbx + pay(t)], rdx
                        ),
                    }
                    self.dirtied(t);
                }
                None => asm!(self.ops
                    ; mov rcx, QWORD [rsi + at]
                    ; mov rdx, QWORD [rsi + at + 8]
                    ; mov QWORD [rbx + slot(t)], rcx
                    ; mov QWORD [rbx + pay(t)], rdx
                ),
            }
            self.set_known(t, None);
        }
        if other_used {
            self.bail_sites.push((pc + 1, ExitReason::RegType));
            self.cold(move |g| {
                asm!(g.ops; =>other);
                g.comment(format_args!(
                    "pc {pc}: an item of another type than its register's: leave"
                ));
                // The state before the copies: spill, then every item into
                // the frame (over anything the spill stored for a target).
                g.rs.mode = before;
                g.spill();
                for i in 0..count {
                    let (t, at) = (start + i, i as i32 * 16);
                    asm!(g.ops
                        ; mov rcx, QWORD [rsi + at]
                        ; mov rdx, QWORD [rsi + at + 8]
                        ; mov QWORD [rbx + slot(t)], rcx
                        ; mov QWORD [rbx + pay(t)], rdx
                    );
                }
                g.reg_exit(pc + 1);
            });
        }
    }

    /// `LoadGlobal dst, slot`: the module's slot, else its builtin cache,
    /// else the interpreter (which fills the cache or raises NameError).
    /// Register-aware: the value goes into `dst`'s register when it is
    /// allocated and the value has its type.
    pub(super) fn gen_load_global(&mut self, pc: u32, dst: u16, gslot: u16) {
        let Some(k) = self.const_call(pc) else {
            return self.gen_load_global_slot(pc, dst, gslot);
        };
        // A global function a call uses (`const_calls.rs`): while the
        // module's globals keep their version, the slot holds it.
        self.comment(format_args!(
            "global slot {gslot}: the function it held at compile time, while the globals' version is {}",
            k.version
        ));
        // On every path that goes on from here the register holds the
        // function, whatever the version: the `Call` relies on it without a
        // check of its own (`const_calls.rs`). A changed version (any global
        // written) looks at the slot; a slot no longer holding the function
        // leaves compiled code after this instruction.
        let globals = self.code.module.globals.as_ptr() as i64;
        let at = gslot as i32 * 16;
        let func = k.func.addr() as i64;
        let (changed, holds, rebound) = (
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
            self.ops.new_dynamic_label(),
        );
        asm!(self.ops
            ; mov rax, QWORD k.version_ptr as i64
            ; cmp DWORD [rax], k.version as i32
            ; jne =>changed
            ; =>holds
        );
        // The `Call` needs the register only on its slow paths: when what
        // runs between leaves it alone, the store waits for them (or for
        // anything that leaves or calls out, `Gen::deferred`).
        let call_pc = self.consts.call_of(pc);
        let deferred = call_pc
            .filter(|&c| self.may_defer(pc, c, dst))
            .map(|call_pc| super::Deferred {
                reg: dst,
                tag: tags::FUNCTION,
                payload: func as u64,
                call_pc,
                dead_after: false,
            });
        match deferred {
            Some(_) => self.comment(format_args!("r{dst}: stored only if the call needs it")),
            None => asm!(self.ops
                ; mov QWORD [rbx + slot(dst)], tags::FUNCTION as i32
                ; mov rax, QWORD func
                ; mov [rbx + pay(dst)], rax
            ),
        }
        self.bail_sites.push((pc, ExitReason::GlobalRebound));
        self.cold(move |g| {
            asm!(g.ops; =>changed);
            g.comment(format_args!(
                "pc {pc}: the globals changed: global slot {gslot} still the function?"
            ));
            g.slots_base(globals, gslot, rebound);
            asm!(g.ops
                ; cmp QWORD [rdx + at], tags::FUNCTION as i32
                ; jne =>rebound
                ; mov rax, QWORD func
                ; cmp [rdx + at + 8], rax
                ; je =>holds
                ; =>rebound
            );
            g.comment(format_args!(
                "pc {pc}: bail and leave: {}",
                ExitReason::GlobalRebound.name()
            ));
            g.step_and_leave(pc, ExitReason::GlobalRebound);
        });
        self.set_known(dst, None);
        // After the cold path above, which leaves with the interpreter
        // loading the register itself.
        self.deferred = deferred;
    }

    /// rdx = the items of the slot vector at `vec` (a module's globals or
    /// builtin cache, a `RefCell<Vec<Value>>`), or a jump to `miss` when it
    /// is borrowed for writing (negative flag) or ends before slot `gslot`.
    pub(super) fn slots_base(&mut self, vec: i64, gslot: u16, miss: DynamicLabel) {
        let l = *layout();
        asm!(self.ops
            ; mov rdx, QWORD vec
            ; cmp QWORD [rdx + l.vec_flag], 0
            ; jl =>miss
            ; cmp QWORD [rdx + l.vec_len], gslot as i32
            ; jbe =>miss
            ; mov rdx, QWORD [rdx + l.vec_ptr]
        );
    }

    fn gen_load_global_slot(&mut self, pc: u32, dst: u16, gslot: u16) {
        let module = self.code.module;
        let globals = module.globals.as_ptr() as i64;
        let builtins = module.builtin_cache.as_ptr() as i64;
        let miss = self.ops.new_dynamic_label();
        let builtin = self.ops.new_dynamic_label();
        let store = self.ops.new_dynamic_label();
        let at = gslot as i32 * 16;
        self.comment(format_args!(
            "global slot {gslot} of module {}: bound, else the builtin cache",
            module.name.as_str()
        ));
        // The value straight into rax (tag) and rcx (payload).
        self.slots_base(globals, gslot, miss);
        asm!(self.ops
            ; mov rax, QWORD [rdx + at]
            ; test rax, rax
            ; jz =>builtin
            ; mov rcx, QWORD [rdx + at + 8]
            ; =>store
        );
        self.put_value_rax_rcx(dst);
        self.cold(move |g| {
            asm!(g.ops; =>builtin);
            g.comment(format_args!("pc {pc}: unbound global: the builtin cache"));
            g.slots_base(builtins, gslot, miss);
            asm!(g.ops
                ; mov rax, QWORD [rdx + at]
                ; test rax, rax
                ; jz =>miss
                ; mov rcx, QWORD [rdx + at + 8]
                ; jmp =>store
            );
        });
        self.index_bail(miss, pc, ExitReason::GlobalMiss);
        self.set_known(dst, None);
    }
}

/// The byte offset of item `i` when it is a small non-negative constant.
fn const_offset(i: i64) -> Option<i32> {
    (0..1 << 26).contains(&i).then(|| i as i32 * 16)
}
