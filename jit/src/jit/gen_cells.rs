//! `LoadDeref` and `StoreDeref` inline: a closure cell's value read or
//! written in place.
//!
//! A generator expression reads the names of its enclosing function from
//! cells at every item (`pool[i] for i in ...`); a helper call per read
//! cost more than the rest of the item's code. A cell is a `Cell<Value>`
//! in a heap object, so its value is two words at a fixed offset. What the
//! templates do not cover (an unbound cell, which raises NameError; a
//! register that is not a cell, which cannot happen in code the compiler
//! made) goes to the helpers, which step the instruction in the
//! interpreter.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::jit::fast;
use crate::runtime::heap::Gc;
use crate::runtime::object::CellObj;
use crate::runtime::value::tags;

/// Byte offset of a cell's value (tag word, then payload) from the cell's
/// address (a `Value::Cell`'s payload word).
fn cell_value() -> i32 {
    (Gc::<CellObj>::PAYLOAD_OFFSET + std::mem::offset_of!(CellObj, value)) as i32
}

impl<'a> Gen<'a> {
    /// `LoadDeref dst, cell`: the cell's value, unless unbound.
    pub(super) fn gen_load_deref(&mut self, pc: u32, dst: u16, cell: u16) {
        let slow = self.ops.new_dynamic_label();
        let v = cell_value();
        self.comment(format_args!(
            "r{cell}'s cell: its value, unless unbound (the helper raises)"
        ));
        asm!(self.ops
            ; cmp QWORD [rbx + slot(cell)], tags::CELL as i32
            ; jne =>slow
            ; mov rdx, QWORD [rbx + pay(cell)]
            ; mov rax, QWORD [rdx + v]
            ; test rax, rax
            ; jz =>slow
            ; mov rcx, QWORD [rdx + v + 8]
        );
        self.put_value_rax_rcx(dst);
        self.cell_helper(slow, pc, fast::jit_load_deref as *const ());
        self.set_known(dst, None);
    }

    /// `StoreDeref cell, src`: set the cell's value.
    pub(super) fn gen_store_deref(&mut self, pc: u32, cell: u16, src: u16) {
        let slow = self.ops.new_dynamic_label();
        let v = cell_value();
        self.comment(format_args!("r{cell}'s cell: set its value"));
        asm!(self.ops
            ; cmp QWORD [rbx + slot(cell)], tags::CELL as i32
            ; jne =>slow
            ; mov rdx, QWORD [rbx + pay(cell)]
            ; mov rax, QWORD [rbx + slot(src)]
            ; mov rcx, QWORD [rbx + pay(src)]
            ; mov QWORD [rdx + v], rax
            ; mov QWORD [rdx + v + 8], rcx
        );
        self.cell_helper(slow, pc, fast::jit_store_deref as *const ());
    }

    /// The cold path at `entry`: the instruction's helper, then on after
    /// it (the helper writes only the destination).
    fn cell_helper(&mut self, entry: dynasmrt::DynamicLabel, pc: u32, helper: *const ()) {
        self.cold(move |g| {
            asm!(g.ops; =>entry);
            g.comment(format_args!("pc {pc}: not a bound cell: helper"));
            g.call_helper_outcome(pc, helper as usize, None, None, false);
        });
    }
}
