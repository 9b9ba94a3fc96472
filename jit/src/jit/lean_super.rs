//! Lean helper (see `lean.rs`) for `super().name`: deltablue's
//! `super().__init__(...)` in every constructor stepped its
//! `LoadSuperAttr` in the interpreter, about 90K times a run. The
//! interpreter's instruction is one call of `Vm::super_getattr` (which runs
//! a descriptor's `__get__` natively, as it does there); so is this.

use crate::bytecode::opcodes::Instr;
use crate::interp::vm::Vm;
use crate::jit::helpers::{guarded, step};
use crate::jit::lean::{enter, finish, lean};

lean!(
    /// `LoadSuperAttr`: the attribute found past the class in the
    /// instance's MRO, bound to the instance.
    jit_load_super_attr,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let Instr::LoadSuperAttr { dst, args, name } = ins else {
            return step(vm, pc);
        };
        let at = base + args as usize;
        let (cls, obj) = (vm.stack[at], vm.stack[at + 1]);
        let name = vm.frames.last().expect("frame").code().names[name as usize];
        let r = vm
            .super_getattr(cls, obj, name)
            .map(|v| vm.stack[base + dst as usize] = v);
        finish(vm, r, pc + 1)
    }
);

/// Every helper here, with its name (for the disassembly).
pub fn symbols() -> Vec<(u64, String)> {
    vec![(
        jit_load_super_attr as *const () as u64,
        "jit_load_super_attr".into(),
    )]
}
