//! `Yield` in compiled generator code.
//!
//! A generator's frame is an ordinary frame while it runs (its registers
//! are copied onto the stack at each resume), so its code compiles like
//! any other; only suspending belongs to the interpreter, which saves the
//! registers and pops the frame. Compiled code leaves at a yield, and the
//! interpreter enters the code again after it at the next resume.
//!
//! A generator a builtin drains (`set(f(x) for x in xs)`, `list(g)`) does
//! not suspend at all: each item goes to the builtin's sink and the loop
//! runs on (`Vm::collect_generator`). That path stays in compiled code,
//! through `lean::jit_yield_collect`; the rest leaves as before.

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{pay, slot, Gen};
use crate::bytecode::opcodes::NO_REG;
use crate::jit::exits::KIND_RESUME;
use crate::jit::lean;
use crate::runtime::value::tags;

impl<'a> Gen<'a> {
    /// `Yield dst, src`: the item's two words go to the sink helper, and a
    /// kept item's `send` value (None) into `dst` here.
    pub(super) fn gen_yield(&mut self, pc: u32, dst: u16, src: u16) {
        self.comment(format_args!(
            "yield: a draining builtin's sink takes the item, or leave for the interpreter"
        ));
        let regs = self.rs.mode.regs;
        self.spill();
        let helper = lean::jit_yield_collect as *const () as i64;
        let w = (KIND_RESUME << 32) | pc as u64;
        asm!(self.ops
            ; mov rdi, r12
            ; mov rsi, QWORD [rbx + slot(src)]
            ; mov rdx, QWORD [rbx + pay(src)]
            ; mov rax, QWORD helper
            ; call rax
            ; test eax, eax
            ; jnz >kept
        );
        // Not drained: the interpreter runs the yield (and counts its line
        // entry again, if it starts one).
        self.uncount_from(pc);
        asm!(self.ops
            ; mov rax, QWORD w as i64
            ; jmp ->exit
            ; kept:
        );
        if dst != NO_REG {
            asm!(self.ops
                ; mov QWORD [rbx + slot(dst)], tags::NONE as i32
                ; mov QWORD [rbx + pay(dst)], 0
            );
        }
        self.rs.mode.regs = false;
        if regs {
            self.reload_after(pc, true);
        }
        self.rs.mode.regs = regs;
    }
}
