//! Code generation: one pass over the bytecode, one `gen_<op>` per opcode.
//!
//! Compiled code works directly on the frame's registers (16-byte `Value` slots,
//! tag word then payload word; see `runtime/value.rs`). Pinned machine
//! registers while it runs:
//!
//! - `rbx`: the frame's first register slot (`regs`),
//! - `r12`: the `Vm`, passed to every runtime helper.
//!
//! Each template follows LuaJIT's shape: type checks, the fast path inline, and
//! a jump to a slow path that is emitted after all the hot code (`Cold`). A slow
//! path either finishes the operation on another fast path (floats) or asks the
//! interpreter to run this one instruction (`jit_step`) and continues with the
//! next, counting the bail under its reason. Instructions that change frames
//! (calls, returns, yields) hand control back to the interpreter, which calls or
//! returns and re-enters compiled code afterwards (see `interp/exec.rs`).

use dynasmrt::x64::X64Relocation;
use dynasmrt::VecAssembler;

/// Code is assembled into a plain vector and copied once into an executable
/// mapping of exactly its size (see `JitRuntime::compile`): growing mmap'd
/// buffers while assembling cost more than the assembly itself.
type Assembler = VecAssembler<X64Relocation>;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

use crate::bytecode::code::Code;
use crate::bytecode::opcodes::Instr;
use crate::interp::ops::CmpOp;
use crate::jit::disasm::Note;
use crate::jit::exits::{ExitReason, KIND_RESUME, KIND_RETURN};
use crate::jit::{calls, fast, helpers};
use crate::runtime::value::{tags, Value};

macro_rules! asm {
    ($ops:expr; $($t:tt)*) => {
        dynasm!($ops ; .arch x64 ; $($t)*)
    };
}

/// Byte offset of register `r`'s tag word from `rbx`.
fn slot(r: u16) -> i32 {
    r as i32 * 16
}
/// Byte offset of register `r`'s payload word.
fn pay(r: u16) -> i32 {
    r as i32 * 16 + 8
}

/// A slow path, emitted after the hot code.
enum Cold {
    /// `a op b` on two floats, else the generic step. Writes `dst`.
    FloatArith {
        entry: DynamicLabel,
        pc: u32,
        op: FloatOp,
        dst: u16,
        a: u16,
        b: FloatOperand,
    },
    /// Compare two floats into a bool, else the generic step.
    FloatCmp {
        entry: DynamicLabel,
        pc: u32,
        cmp: CmpOp,
        dst: u16,
        a: u16,
        b: u16,
    },
    /// Compare two floats and branch, else the generic step.
    FloatCmpJump {
        entry: DynamicLabel,
        pc: u32,
        cmp: CmpOp,
        a: u16,
        b: u16,
        target: u32,
    },
    /// Ask the interpreter to run this instruction, then continue.
    Step {
        entry: DynamicLabel,
        pc: u32,
        reason: ExitReason,
        target: Option<u32>,
    },
    /// Call a `fast.rs` helper for the whole instruction, then continue.
    Helper {
        entry: DynamicLabel,
        pc: u32,
        helper: *const (),
    },
    /// Leave compiled code and resume the interpreter at `pc`.
    Resume {
        entry: DynamicLabel,
        pc: u32,
        reason: ExitReason,
    },
}

#[derive(Clone, Copy)]
enum FloatOp {
    Add,
    Sub,
    Mul,
}

#[derive(Clone, Copy)]
enum FloatOperand {
    Reg(u16),
    /// A small-int immediate (`x + 1` on a float x).
    Imm(i32),
}

/// What one compile produced, before it is made executable.
pub struct Generated {
    pub ops: Assembler,
    /// Code offset of each instruction (the entry table; `u32::MAX` for none).
    pub pc_offsets: Vec<u32>,
    pub notes: Vec<(u32, Note)>,
    /// Bytecode positions whose guards can bail, with their reason.
    pub bail_sites: Vec<(u32, ExitReason)>,
}

pub struct Gen<'a> {
    code: &'a Code,
    ops: Assembler,
    labels: Vec<DynamicLabel>,
    cold: Vec<Cold>,
    notes: Vec<(u32, Note)>,
    bail_sites: Vec<(u32, ExitReason)>,
    /// Sites the caller wants compiled without a fast path (they kept bailing).
    generic_at: &'a [u32],
    /// Keep notes for `jitprof disasm` (source lines, bytecode, comments).
    listing: bool,
    /// Flags the back-edge poll reads.
    polls: Polls,
    /// Instructions that begin a line (profiling: count their executions).
    line_entries: Option<Vec<bool>>,
}

/// The flags a loop back-edge polls, by address: a pending collection,
/// Ctrl-C, and (when recording) a pending sample.
#[derive(Clone, Copy)]
pub struct Polls {
    pub gc_due: *const bool,
    pub interrupted: *const bool,
    pub sample: Option<*const bool>,
}

impl<'a> Gen<'a> {
    pub fn new(code: &'a Code, generic_at: &'a [u32], listing: bool, polls: Polls) -> Gen<'a> {
        let mut ops = Assembler::new(0);
        let labels = (0..code.instrs.len())
            .map(|_| ops.new_dynamic_label())
            .collect();
        let line_entries = polls
            .sample
            .map(|_| crate::recorder::build::line_entries(code));
        Gen {
            code,
            ops,
            labels,
            cold: Vec::new(),
            notes: Vec::new(),
            bail_sites: Vec::new(),
            generic_at,
            listing,
            polls,
            line_entries,
        }
    }

    fn here(&self) -> u32 {
        self.ops.offset().0 as u32
    }

    /// A comment for the disassembly; formatted only when a listing is kept.
    fn comment(&mut self, text: std::fmt::Arguments) {
        if !self.listing {
            return;
        }
        let at = self.here();
        self.notes.push((at, Note::Comment(text.to_string())));
    }

    /// Compile the whole code object.
    pub fn generate(mut self) -> Generated {
        self.notes.push((
            0,
            Note::Section("entry: save registers, jump to the pc".into()),
        ));
        self.gen_prologue();
        let mut pc_offsets = vec![u32::MAX; self.code.instrs.len()];
        let mut last_line = 0;
        for pc in 0..self.code.instrs.len() {
            let at = self.here();
            pc_offsets[pc] = at;
            let line = self.code.line_at(pc);
            if self.listing && line != last_line {
                let text = self.code.source.line_text(line).unwrap_or("").trim();
                self.notes.push((
                    at,
                    Note::Source {
                        line,
                        text: text.to_string(),
                    },
                ));
                last_line = line;
            }
            if self.listing {
                self.notes.push((
                    at,
                    Note::Bytecode {
                        pc: pc as u32,
                        line,
                        text: crate::bytecode::disasm::instr_text(self.code, pc),
                    },
                ));
            }
            let label = self.labels[pc];
            asm!(self.ops; =>label);
            if self.line_entries.as_ref().is_some_and(|e| e[pc]) {
                // Recording: count entries into this line (the profile's
                // execution counts; the interpreter counts every instruction).
                let counter = self.code.prof.count_addr(pc);
                asm!(self.ops
                    ; mov rax, QWORD counter as i64
                    ; add QWORD [rax], 1
                );
            }
            self.gen_instr(pc as u32);
        }
        // Falling off the end cannot happen (every code object ends in a
        // return), but make it a clean exit rather than running into the cold code.
        let end = self.code.instrs.len().saturating_sub(1) as u32;
        self.exit_resume(end);
        let at = self.here();
        self.notes
            .push((at, Note::Section("slow paths and bail stubs".into())));
        let cold = std::mem::take(&mut self.cold);
        for c in cold {
            self.gen_cold(c);
        }
        Generated {
            ops: self.ops,
            pc_offsets,
            notes: self.notes,
            bail_sites: self.bail_sites,
        }
    }

    /// `extern "sysv64" fn(vm, regs, target) -> u64`: save the callee-saved
    /// registers, pin `vm` and `regs`, jump to the instruction's code. `->exit`
    /// undoes it and returns the outcome in rax.
    fn gen_prologue(&mut self) {
        asm!(self.ops
            ; push rbp
            ; mov rbp, rsp
            ; push rbx
            ; push r12
            ; push r13
            ; push r14
            ; push r15
            ; sub rsp, 8
            ; mov r12, rdi
            ; mov rbx, rsi
            ; jmp rdx
            ; ->exit:
            ; add rsp, 8
            ; pop r15
            ; pop r14
            ; pop r13
            ; pop r12
            ; pop rbx
            ; pop rbp
            ; ret
        );
    }

    fn label(&self, pc: u32) -> DynamicLabel {
        self.labels[pc as usize]
    }

    fn next(&self, pc: u32) -> DynamicLabel {
        // A jump to the instruction after the last one cannot be emitted; the
        // compiler always ends code with a return, so pc + 1 exists for every
        // instruction that falls through.
        self.labels[(pc as usize + 1).min(self.labels.len() - 1)]
    }

    fn gen_instr(&mut self, pc: u32) {
        let ins = self.code.instrs[pc as usize];
        if self.generic_at.contains(&pc) {
            self.comment(format_args!("kept bailing: generic path only"));
            let target = ins.jump_target();
            self.step_inline(pc, ExitReason::Generic, target);
            return;
        }
        match ins {
            Instr::Nop {} => {}
            Instr::Move { dst, src } => self.gen_move(dst, src),
            Instr::LoadInt { dst, imm } => self.store_imm(dst, tags::INT, imm as i16 as i64 as u64),
            Instr::LoadNone { dst } => self.store_imm(dst, tags::NONE, 0),
            Instr::LoadBool { dst, imm } => self.store_imm(dst, tags::BOOL, (imm != 0) as u64),
            Instr::LoadConst { dst, k } => self.gen_load_const(dst, k),
            Instr::Add { dst, a, b } | Instr::IAdd { dst, a, b } => {
                self.gen_arith(pc, dst, a, b, FloatOp::Add)
            }
            Instr::Sub { dst, a, b } | Instr::ISub { dst, a, b } => {
                self.gen_arith(pc, dst, a, b, FloatOp::Sub)
            }
            Instr::Mul { dst, a, b } | Instr::IMul { dst, a, b } => {
                self.gen_arith(pc, dst, a, b, FloatOp::Mul)
            }
            Instr::AddI { dst, a, imm } => self.gen_arith_imm(pc, dst, a, imm as i16 as i32),
            Instr::SubI { dst, a, imm } => self.gen_arith_imm(pc, dst, a, -(imm as i16 as i32)),
            // In-place forms on ints are the plain ones (anything else, like a
            // set's `|=`, takes the slow path).
            Instr::BitAnd { dst, a, b } | Instr::IAnd { dst, a, b } => {
                self.gen_bitop(pc, dst, a, b, 0)
            }
            Instr::BitOr { dst, a, b } | Instr::IOr { dst, a, b } => {
                self.gen_bitop(pc, dst, a, b, 1)
            }
            Instr::BitXor { dst, a, b } | Instr::IXor { dst, a, b } => {
                self.gen_bitop(pc, dst, a, b, 2)
            }
            Instr::Lt { dst, a, b } => self.gen_cmp(pc, dst, a, b, CmpOp::Lt),
            Instr::Le { dst, a, b } => self.gen_cmp(pc, dst, a, b, CmpOp::Le),
            Instr::Gt { dst, a, b } => self.gen_cmp(pc, dst, a, b, CmpOp::Gt),
            Instr::Ge { dst, a, b } => self.gen_cmp(pc, dst, a, b, CmpOp::Ge),
            Instr::Eq { dst, a, b } => self.gen_cmp(pc, dst, a, b, CmpOp::Eq),
            Instr::Ne { dst, a, b } => self.gen_cmp(pc, dst, a, b, CmpOp::Ne),
            Instr::JumpIfNotLt { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Lt),
            Instr::JumpIfNotLe { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Le),
            Instr::JumpIfNotGt { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Gt),
            Instr::JumpIfNotGe { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Ge),
            Instr::JumpIfNotEq { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Eq),
            Instr::JumpIfNotNe { a, b, target } => self.gen_cmp_jump(pc, a, b, target, CmpOp::Ne),
            Instr::JumpIfFalse { cond, target } => self.gen_cond_jump(pc, cond, target, false),
            Instr::JumpIfTrue { cond, target } => self.gen_cond_jump(pc, cond, target, true),
            Instr::Jump { target } => self.gen_jump(pc, target),
            Instr::ForIter { target, .. } => self.gen_for_iter(pc, target),
            Instr::CheckBound { reg, .. } => self.gen_check_bound(pc, reg),
            Instr::Is { dst, a, b } => self.gen_is(dst, a, b, false),
            Instr::IsNot { dst, a, b } => self.gen_is(dst, a, b, true),
            Instr::Not { dst, src } => self.gen_not(pc, dst, src),
            Instr::Neg { dst, src } => self.gen_neg(pc, dst, src),
            Instr::TrueDiv { dst, a, b } => self.gen_true_div(pc, dst, a, b),
            Instr::FloorDiv { dst, a, b } => self.gen_int_divmod(pc, dst, a, b, false),
            Instr::Mod { dst, a, b } => self.gen_int_divmod(pc, dst, a, b, true),
            Instr::RShift { dst, a, b } => self.gen_shift(pc, dst, a, b, false),
            Instr::LShift { dst, a, b } => self.gen_shift(pc, dst, a, b, true),
            Instr::LoadGlobal { .. } => self.call_fast(pc, fast::jit_load_global as *const ()),
            Instr::LoadAttr { dst, obj, name } => self.gen_attr(pc, obj, name, dst, true),
            Instr::StoreAttr { obj, name, src } => self.gen_attr(pc, obj, name, src, false),
            Instr::Subscr { .. } => self.call_fast(pc, fast::jit_subscr as *const ()),
            Instr::StoreSubscr { .. } => self.call_fast(pc, fast::jit_store_subscr as *const ()),
            Instr::Unpack { .. } => self.call_fast(pc, fast::jit_unpack as *const ()),
            Instr::LoadDeref { .. } => self.call_fast(pc, fast::jit_load_deref as *const ()),
            Instr::StoreGlobal { .. } => self.call_fast(pc, fast::jit_store_global as *const ()),
            Instr::ListAppend { .. } => self.call_fast(pc, fast::jit_list_append as *const ()),
            Instr::GetIter { .. } => self.call_fast(pc, fast::jit_get_iter as *const ()),
            Instr::Call { .. }
            | Instr::CallKw { .. }
            | Instr::CallEx { .. }
            | Instr::CallMethod { .. } => self.gen_call(pc),
            Instr::Return { .. } | Instr::ReturnNone {} => self.gen_return(pc),
            // Generators' frame changes belong to the interpreter.
            Instr::Yield { .. } | Instr::YieldFrom { .. } => {
                self.comment(format_args!("hand the call/return to the interpreter"));
                self.exit_resume(pc);
            }
            other => {
                let target = other.jump_target();
                self.step_inline(pc, ExitReason::Generic, target);
            }
        }
    }

    // ------------------------------------------------------------ moves and loads

    fn gen_move(&mut self, dst: u16, src: u16) {
        if dst == src {
            return;
        }
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(src)]
            ; mov rcx, QWORD [rbx + pay(src)]
            ; mov QWORD [rbx + slot(dst)], rax
            ; mov QWORD [rbx + pay(dst)], rcx
        );
    }

    fn store_imm(&mut self, dst: u16, tag: u64, payload: u64) {
        asm!(self.ops; mov QWORD [rbx + slot(dst)], tag as i32);
        if let Ok(p) = i32::try_from(payload as i64) {
            asm!(self.ops; mov QWORD [rbx + pay(dst)], p);
        } else {
            asm!(self.ops
                ; mov rax, QWORD payload as i64
                ; mov QWORD [rbx + pay(dst)], rax
            );
        }
    }

    fn gen_load_const(&mut self, dst: u16, k: u16) {
        let v = self.code.consts[k as usize];
        let (tag, payload) = value_words(&v);
        // Heap constants are kept alive by the code object, which outlives its
        // compiled code, so their addresses may be embedded.
        self.store_imm(dst, tag, payload);
    }

    // ------------------------------------------------------------ arithmetic

    /// Guard that register `r` holds an int; jump to `fail` otherwise.
    fn guard_tag(&mut self, r: u16, tag: u64, fail: DynamicLabel) {
        asm!(self.ops
            ; cmp QWORD [rbx + slot(r)], tag as i32
            ; jne =>fail
        );
    }

    /// Guard that `a` and `b` hold ints; returns the label the guards jump to.
    fn guard_ints(&mut self, a: u16, b: u16) -> DynamicLabel {
        let fail = self.ops.new_dynamic_label();
        self.guard_tag(a, tags::INT, fail);
        self.guard_tag(b, tags::INT, fail);
        fail
    }

    fn gen_arith(&mut self, pc: u32, dst: u16, a: u16, b: u16, op: FloatOp) {
        let not_int = self.ops.new_dynamic_label();
        let overflow = self.ops.new_dynamic_label();
        self.comment(format_args!("guard: r{a}, r{b} are ints (else float path)"));
        self.guard_tag(a, tags::INT, not_int);
        self.guard_tag(b, tags::INT, not_int);
        asm!(self.ops; mov rax, QWORD [rbx + pay(a)]);
        match op {
            FloatOp::Add => asm!(self.ops; add rax, QWORD [rbx + pay(b)]),
            FloatOp::Sub => asm!(self.ops; sub rax, QWORD [rbx + pay(b)]),
            FloatOp::Mul => asm!(self.ops; imul rax, QWORD [rbx + pay(b)]),
        }
        asm!(self.ops
            ; jo =>overflow
            ; mov QWORD [rbx + slot(dst)], tags::INT as i32
            ; mov QWORD [rbx + pay(dst)], rax
        );
        self.bail_sites.push((pc, ExitReason::IntOverflow));
        self.bail_sites.push((pc, ExitReason::NotIntOrFloat));
        self.cold.push(Cold::FloatArith {
            entry: not_int,
            pc,
            op,
            dst,
            a,
            b: FloatOperand::Reg(b),
        });
        self.cold.push(Cold::Step {
            entry: overflow,
            pc,
            reason: ExitReason::IntOverflow,
            target: None,
        });
    }

    fn gen_arith_imm(&mut self, pc: u32, dst: u16, a: u16, imm: i32) {
        let not_int = self.ops.new_dynamic_label();
        let overflow = self.ops.new_dynamic_label();
        self.comment(format_args!("guard: r{a} is an int (else float path)"));
        self.guard_tag(a, tags::INT, not_int);
        asm!(self.ops
            ; mov rax, QWORD [rbx + pay(a)]
            ; add rax, imm
            ; jo =>overflow
            ; mov QWORD [rbx + slot(dst)], tags::INT as i32
            ; mov QWORD [rbx + pay(dst)], rax
        );
        self.bail_sites.push((pc, ExitReason::IntOverflow));
        self.bail_sites.push((pc, ExitReason::NotIntOrFloat));
        self.cold.push(Cold::FloatArith {
            entry: not_int,
            pc,
            op: FloatOp::Add,
            dst,
            a,
            b: FloatOperand::Imm(imm),
        });
        self.cold.push(Cold::Step {
            entry: overflow,
            pc,
            reason: ExitReason::IntOverflow,
            target: None,
        });
    }

    /// `&`, `|`, `^` on two ints: no overflow possible.
    fn gen_bitop(&mut self, pc: u32, dst: u16, a: u16, b: u16, which: u8) {
        let slow = self.ops.new_dynamic_label();
        self.comment(format_args!("guard: r{a}, r{b} are ints"));
        self.guard_tag(a, tags::INT, slow);
        self.guard_tag(b, tags::INT, slow);
        asm!(self.ops; mov rax, QWORD [rbx + pay(a)]);
        match which {
            0 => asm!(self.ops; and rax, QWORD [rbx + pay(b)]),
            1 => asm!(self.ops; or rax, QWORD [rbx + pay(b)]),
            _ => asm!(self.ops; xor rax, QWORD [rbx + pay(b)]),
        }
        asm!(self.ops
            ; mov QWORD [rbx + slot(dst)], tags::INT as i32
            ; mov QWORD [rbx + pay(dst)], rax
        );
        self.bail_to_step(slow, pc, ExitReason::NotIntOrFloat);
    }

    // ------------------------------------------------------------ comparisons

    fn gen_cmp(&mut self, pc: u32, dst: u16, a: u16, b: u16, cmp: CmpOp) {
        let not_int = self.ops.new_dynamic_label();
        self.comment(format_args!("guard: r{a}, r{b} are ints (else float path)"));
        self.guard_tag(a, tags::INT, not_int);
        self.guard_tag(b, tags::INT, not_int);
        asm!(self.ops
            ; mov rax, QWORD [rbx + pay(a)]
            ; cmp rax, QWORD [rbx + pay(b)]
        );
        match cmp {
            CmpOp::Lt => asm!(self.ops; setl al),
            CmpOp::Le => asm!(self.ops; setle al),
            CmpOp::Gt => asm!(self.ops; setg al),
            CmpOp::Ge => asm!(self.ops; setge al),
            CmpOp::Eq => asm!(self.ops; sete al),
            CmpOp::Ne => asm!(self.ops; setne al),
        }
        self.store_bool_al(dst);
        self.bail_sites.push((pc, ExitReason::NotIntOrFloat));
        self.cold.push(Cold::FloatCmp {
            entry: not_int,
            pc,
            cmp,
            dst,
            a,
            b,
        });
    }

    /// Store the bool in `al` into `dst`.
    fn store_bool_al(&mut self, dst: u16) {
        asm!(self.ops
            ; movzx eax, al
            ; mov QWORD [rbx + slot(dst)], tags::BOOL as i32
            ; mov QWORD [rbx + pay(dst)], rax
        );
    }

    /// `JumpIfNot<cmp> a, b, target`: jump when the comparison is false.
    fn gen_cmp_jump(&mut self, pc: u32, a: u16, b: u16, target: u16, cmp: CmpOp) {
        let not_int = self.ops.new_dynamic_label();
        let t = self.label(target as u32);
        self.comment(format_args!("guard: r{a}, r{b} are ints (else float path)"));
        self.guard_tag(a, tags::INT, not_int);
        self.guard_tag(b, tags::INT, not_int);
        asm!(self.ops
            ; mov rax, QWORD [rbx + pay(a)]
            ; cmp rax, QWORD [rbx + pay(b)]
        );
        match cmp {
            CmpOp::Lt => asm!(self.ops; jge =>t),
            CmpOp::Le => asm!(self.ops; jg =>t),
            CmpOp::Gt => asm!(self.ops; jle =>t),
            CmpOp::Ge => asm!(self.ops; jl =>t),
            CmpOp::Eq => asm!(self.ops; jne =>t),
            CmpOp::Ne => asm!(self.ops; je =>t),
        }
        self.bail_sites.push((pc, ExitReason::NotIntOrFloat));
        self.cold.push(Cold::FloatCmpJump {
            entry: not_int,
            pc,
            cmp,
            a,
            b,
            target: target as u32,
        });
    }

    /// `JumpIfFalse` / `JumpIfTrue`: bools and ints inline, None is false,
    /// anything else asks the interpreter (`__bool__`, `__len__`, containers).
    fn gen_cond_jump(&mut self, pc: u32, cond: u16, target: u16, jump_if: bool) {
        let t = self.label(target as u32);
        let next = self.next(pc);
        let not_bool = self.ops.new_dynamic_label();
        let not_int = self.ops.new_dynamic_label();
        let slow = self.ops.new_dynamic_label();
        self.comment(format_args!("r{cond}: bool, int or None inline"));
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(cond)]
            ; cmp rax, tags::BOOL as i32
            ; jne =>not_bool
            ; cmp BYTE [rbx + pay(cond)], 0
        );
        self.branch_on_nonzero(jump_if, t, next);
        asm!(self.ops
            ; =>not_bool
            ; cmp rax, tags::INT as i32
            ; jne =>not_int
            ; cmp QWORD [rbx + pay(cond)], 0
        );
        self.branch_on_nonzero(jump_if, t, next);
        asm!(self.ops
            ; =>not_int
            ; cmp rax, tags::NONE as i32
            ; jne =>slow
        );
        if jump_if {
            asm!(self.ops; jmp =>next);
        } else {
            asm!(self.ops; jmp =>t);
        }
        self.bail_sites.push((pc, ExitReason::CondNotBool));
        self.cold.push(Cold::Step {
            entry: slow,
            pc,
            reason: ExitReason::CondNotBool,
            target: Some(target as u32),
        });
    }

    /// After a compare with zero: go to `t` when the value is true (non-zero)
    /// and `jump_if` is set, or false and it is not; else to `next`.
    fn branch_on_nonzero(&mut self, jump_if: bool, t: DynamicLabel, next: DynamicLabel) {
        if jump_if {
            asm!(self.ops; jne =>t; jmp =>next);
        } else {
            asm!(self.ops; je =>t; jmp =>next);
        }
    }

    fn gen_jump(&mut self, pc: u32, target: u16) {
        let t = self.label(target as u32);
        if (target as u32) > pc {
            asm!(self.ops; jmp =>t);
            return;
        }
        // A back-edge: the loop polls for a pending collection or Ctrl-C, as
        // the interpreter does, by leaving to the interpreter's Jump.
        let poll = self.ops.new_dynamic_label();
        self.comment(format_args!("back-edge: poll GC and Ctrl-C"));
        asm!(self.ops
            ; mov rax, QWORD self.polls.gc_due as i64
            ; cmp BYTE [rax], 0
            ; jne =>poll
            ; mov rax, QWORD self.polls.interrupted as i64
            ; cmp BYTE [rax], 0
            ; jne =>poll
        );
        if let Some(sample) = self.polls.sample {
            asm!(self.ops
                ; mov rax, QWORD sample as i64
                ; cmp BYTE [rax], 0
                ; jne =>poll
            );
        }
        asm!(self.ops; jmp =>t);
        self.cold.push(Cold::Resume {
            entry: poll,
            pc,
            reason: ExitReason::Safepoint,
        });
    }

    /// `for` over a range or a list: a helper advances the iterator and writes
    /// the item; other iterators go through the interpreter.
    fn gen_for_iter(&mut self, pc: u32, target: u16) {
        self.comment(format_args!(
            "advance the iterator (range/list in the helper)"
        ));
        self.call_helper_outcome(
            pc,
            helpers::jit_for_iter as *const () as usize,
            None,
            Some(target as u32),
        );
    }

    // ------------------------------------------------------------ more int/float templates

    /// A local read before assignment: the interpreter raises UnboundLocalError.
    fn gen_check_bound(&mut self, pc: u32, reg: u16) {
        let slow = self.ops.new_dynamic_label();
        asm!(self.ops
            ; cmp QWORD [rbx + slot(reg)], tags::UNDEFINED as i32
            ; je =>slow
        );
        self.cold.push(Cold::Step {
            entry: slow,
            pc,
            reason: ExitReason::Generic,
            target: None,
        });
    }

    /// `a is b` / `a is not b`: same tag, then the payload as `Value::is` reads
    /// it (nothing for the payload-less kinds, one byte for bools).
    fn gen_is(&mut self, dst: u16, a: u16, b: u16, negate: bool) {
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(a)]
            ; cmp rax, QWORD [rbx + slot(b)]
            ; jne >no
            ; cmp rax, tags::BOOL as i32
            ; jb >yes
            ; je >boolean
            ; cmp rax, 24
            ; je >yes
            ; cmp rax, 25
            ; je >yes
            ; mov rcx, QWORD [rbx + pay(a)]
            ; cmp rcx, QWORD [rbx + pay(b)]
            ; jne >no
            ; jmp >yes
            ; boolean:
            ; mov cl, BYTE [rbx + pay(a)]
            ; cmp cl, BYTE [rbx + pay(b)]
            ; jne >no
            ; yes:
            ; mov al, (!negate) as i8
            ; jmp >done
            ; no:
            ; mov al, negate as i8
            ; done:
        );
        self.store_bool_al(dst);
    }

    /// `not x` on a bool, int or None.
    fn gen_not(&mut self, pc: u32, dst: u16, src: u16) {
        let slow = self.ops.new_dynamic_label();
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(src)]
            ; cmp rax, tags::BOOL as i32
            ; jne >not_bool
            ; cmp BYTE [rbx + pay(src)], 0
            ; sete al
            ; jmp >done
            ; not_bool:
            ; cmp rax, tags::INT as i32
            ; jne >not_int
            ; cmp QWORD [rbx + pay(src)], 0
            ; sete al
            ; jmp >done
            ; not_int:
            ; cmp rax, tags::NONE as i32
            ; jne =>slow
            ; mov al, 1
            ; done:
        );
        self.store_bool_al(dst);
        self.bail_to_step(slow, pc, ExitReason::CondNotBool);
    }

    /// `-x` on an int (overflow at i64::MIN) or a float (flip the sign bit).
    fn gen_neg(&mut self, pc: u32, dst: u16, src: u16) {
        let slow = self.ops.new_dynamic_label();
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(src)]
            ; mov rcx, QWORD [rbx + pay(src)]
            ; cmp rax, tags::INT as i32
            ; jne >not_int
            ; neg rcx
            ; jo =>slow
            ; jmp >done
            ; not_int:
            ; cmp rax, tags::FLOAT as i32
            ; jne =>slow
            ; btc rcx, 63
            ; done:
            ; mov QWORD [rbx + slot(dst)], rax
            ; mov QWORD [rbx + pay(dst)], rcx
        );
        self.bail_to_step(slow, pc, ExitReason::NotIntOrFloat);
    }

    /// `a / b` on two floats, or two ints exactly representable as doubles
    /// (|x| <= 2**53, where one IEEE division is the correctly rounded
    /// quotient Python promises). Zero divisors go to the interpreter.
    fn gen_true_div(&mut self, pc: u32, dst: u16, a: u16, b: u16) {
        let slow = self.ops.new_dynamic_label();
        let limit: i64 = 1 << 53;
        asm!(self.ops
            ; mov rax, QWORD [rbx + slot(a)]
            ; cmp rax, QWORD [rbx + slot(b)]
            ; jne =>slow
            ; cmp rax, tags::FLOAT as i32
            ; jne >ints
            ; movsd xmm0, QWORD [rbx + pay(a)]
            ; movsd xmm1, QWORD [rbx + pay(b)]
            ; xorpd xmm2, xmm2
            ; ucomisd xmm1, xmm2
            ; je =>slow
            ; jmp >divide
            ; ints:
            ; cmp rax, tags::INT as i32
            ; jne =>slow
            ; mov rdx, QWORD limit
            ; mov rax, QWORD [rbx + pay(a)]
            ; mov rcx, rax
            ; neg rcx
            ; cmovl rcx, rax
            ; cmp rcx, rdx
            ; ja =>slow
            ; mov rcx, QWORD [rbx + pay(b)]
            ; test rcx, rcx
            ; je =>slow
            ; mov rsi, rcx
            ; neg rsi
            ; cmovl rsi, rcx
            ; cmp rsi, rdx
            ; ja =>slow
            ; cvtsi2sd xmm0, rax
            ; cvtsi2sd xmm1, rcx
            ; divide:
            ; divsd xmm0, xmm1
            ; mov QWORD [rbx + slot(dst)], tags::FLOAT as i32
            ; movsd QWORD [rbx + pay(dst)], xmm0
        );
        self.bail_to_step(slow, pc, ExitReason::NotIntOrFloat);
    }

    /// `a // b` or `a % b` on ints, rounding toward negative infinity as
    /// Python does (idiv truncates; fix up when the remainder's sign differs
    /// from the divisor's). b == 0 and i64::MIN // -1 go to the interpreter.
    fn gen_int_divmod(&mut self, pc: u32, dst: u16, a: u16, b: u16, want_mod: bool) {
        let slow = self.guard_ints(a, b);
        asm!(self.ops
            ; mov rcx, QWORD [rbx + pay(b)]
            ; test rcx, rcx
            ; je =>slow
            ; cmp rcx, -1
            ; je =>slow
            ; mov rax, QWORD [rbx + pay(a)]
            ; cqo
            ; idiv rcx
            ; test rdx, rdx
            ; je >exact
            ; mov rsi, rdx
            ; xor rsi, rcx
            ; jns >exact
            ; dec rax
            ; add rdx, rcx
            ; exact:
            ; mov QWORD [rbx + slot(dst)], tags::INT as i32
        );
        if want_mod {
            asm!(self.ops; mov QWORD [rbx + pay(dst)], rdx);
        } else {
            asm!(self.ops; mov QWORD [rbx + pay(dst)], rax);
        }
        self.bail_to_step(slow, pc, ExitReason::NotIntOrFloat);
    }

    /// `a >> b` / `a << b` on ints with 0 <= b < 64; a left shift that loses
    /// bits (the result is a big int) goes to the interpreter.
    fn gen_shift(&mut self, pc: u32, dst: u16, a: u16, b: u16, left: bool) {
        let slow = self.guard_ints(a, b);
        asm!(self.ops
            ; mov rcx, QWORD [rbx + pay(b)]
            ; cmp rcx, 63
            ; ja =>slow
            ; mov rax, QWORD [rbx + pay(a)]
        );
        if left {
            asm!(self.ops
                ; mov rdx, rax
                ; shl rax, cl
                ; mov rsi, rax
                ; sar rsi, cl
                ; cmp rsi, rdx
                ; jne =>slow
            );
        } else {
            asm!(self.ops; sar rax, cl);
        }
        asm!(self.ops
            ; mov QWORD [rbx + slot(dst)], tags::INT as i32
            ; mov QWORD [rbx + pay(dst)], rax
        );
        self.bail_to_step(slow, pc, ExitReason::NotIntOrFloat);
    }

    /// A guard failing at `entry` runs this instruction in the interpreter and
    /// continues after it; the site counts under `reason`.
    fn bail_to_step(&mut self, entry: DynamicLabel, pc: u32, reason: ExitReason) {
        self.bail_sites.push((pc, reason));
        self.cold.push(Cold::Step {
            entry,
            pc,
            reason,
            target: None,
        });
    }

    /// An instruction done by a `fast.rs` helper (which falls back to the
    /// interpreter itself).
    fn call_fast(&mut self, pc: u32, helper: *const ()) {
        self.call_helper_outcome(pc, helper as usize, None, None);
    }

    // ------------------------------------------------------------ attributes

    /// `obj.name` (`load`) or `obj.name = v` on an instance: the tag check
    /// inline, then the cache-hit helper with the site's cache and name as
    /// constants (no frame lookup or decoding); a miss or a non-instance goes
    /// to the general helper in the cold code.
    fn gen_attr(&mut self, pc: u32, obj: u16, name: u16, val: u16, load: bool) {
        let miss = self.ops.new_dynamic_label();
        let cache = &self.code.caches[pc as usize] as *const _ as i64;
        let nm = self.code.names[name as usize].addr() as i64;
        let (hit, general) = if load {
            (
                fast::jit_load_attr_hit as *const (),
                fast::jit_load_attr as *const (),
            )
        } else {
            (
                fast::jit_store_attr_hit as *const (),
                fast::jit_store_attr as *const (),
            )
        };
        self.comment(format_args!("guard: r{obj} is an instance; cached slot"));
        self.guard_tag(obj, tags::INSTANCE, miss);
        asm!(self.ops
            ; lea rdi, [rbx + slot(obj)]
            ; mov rsi, QWORD cache
            ; mov rdx, QWORD nm
            ; lea rcx, [rbx + slot(val)]
            ; mov rax, QWORD hit as i64
            ; call rax
            ; test eax, eax
            ; jz =>miss
        );
        self.cold.push(Cold::Helper {
            entry: miss,
            pc,
            helper: general,
        });
    }

    // ------------------------------------------------------------ calls

    /// `Call`: a direct call (`calls::jit_call`) that comes back here when the
    /// callee returned, or leaves when the interpreter must take over.
    fn gen_call(&mut self, pc: u32) {
        self.comment(format_args!("direct call: push the frame, run the callee"));
        self.call_helper_outcome(pc, calls::jit_call as *const () as usize, None, None);
    }

    /// `Return`/`ReturnNone`: hand the return to whoever entered this code (a
    /// direct call pops the frame itself; the interpreter runs the return).
    fn gen_return(&mut self, pc: u32) {
        self.comment(format_args!("return to the caller"));
        let w = (KIND_RETURN << 32) | pc as u64;
        asm!(self.ops
            ; mov rax, QWORD w as i64
            ; jmp ->exit
        );
    }

    // ------------------------------------------------------------ leaving

    /// Return to the interpreter at `pc`.
    fn exit_resume(&mut self, pc: u32) {
        let w = (KIND_RESUME << 32) | pc as u64;
        asm!(self.ops
            ; mov rax, QWORD w as i64
            ; jmp ->exit
        );
    }

    /// Run this instruction in the interpreter, inline (for instructions with
    /// no template).
    fn step_inline(&mut self, pc: u32, reason: ExitReason, target: Option<u32>) {
        self.call_helper_outcome(
            pc,
            helpers::jit_step as *const () as usize,
            Some(reason),
            target,
        );
    }

    /// Call `helper(vm, pc, reason)`, which returns an encoded `Outcome`:
    /// continue at pc + 1 or at `target`, or leave with the outcome as it is.
    fn call_helper_outcome(
        &mut self,
        pc: u32,
        helper: usize,
        reason: Option<ExitReason>,
        target: Option<u32>,
    ) {
        let next = self.next(pc);
        asm!(self.ops
            ; mov rdi, r12
            ; mov esi, pc as i32
            ; mov edx, reason.map(|r| r as i32).unwrap_or(-1)
            ; mov rax, QWORD helper as i64
            ; call rax
            ; mov rcx, rax
            ; shr rcx, 32
            ; jnz ->exit
        );
        if let Some(t) = target {
            let tl = self.label(t);
            asm!(self.ops
                ; cmp eax, t as i32
                ; je =>tl
            );
        }
        asm!(self.ops; jmp =>next);
    }

    // ------------------------------------------------------------ cold code

    fn gen_cold(&mut self, c: Cold) {
        match c {
            Cold::FloatArith {
                entry,
                pc,
                op,
                dst,
                a,
                b,
            } => {
                let generic = self.ops.new_dynamic_label();
                asm!(self.ops; =>entry);
                self.comment(format_args!("pc {pc}: float path"));
                self.guard_tag(a, tags::FLOAT, generic);
                match b {
                    FloatOperand::Reg(b) => {
                        self.guard_tag(b, tags::FLOAT, generic);
                        asm!(self.ops; movsd xmm1, QWORD [rbx + pay(b)]);
                    }
                    FloatOperand::Imm(i) => {
                        asm!(self.ops; mov eax, i; cvtsi2sd xmm1, eax);
                    }
                }
                asm!(self.ops; movsd xmm0, QWORD [rbx + pay(a)]);
                match op {
                    FloatOp::Add => asm!(self.ops; addsd xmm0, xmm1),
                    FloatOp::Sub => asm!(self.ops; subsd xmm0, xmm1),
                    FloatOp::Mul => asm!(self.ops; mulsd xmm0, xmm1),
                }
                let next = self.next(pc);
                asm!(self.ops
                    ; mov QWORD [rbx + slot(dst)], tags::FLOAT as i32
                    ; movsd QWORD [rbx + pay(dst)], xmm0
                    ; jmp =>next
                    ; =>generic
                );
                self.comment(format_args!(
                    "pc {pc}: bail: {}",
                    ExitReason::NotIntOrFloat.name()
                ));
                self.step_inline(pc, ExitReason::NotIntOrFloat, None);
            }
            Cold::FloatCmp {
                entry,
                pc,
                cmp,
                dst,
                a,
                b,
            } => {
                let generic = self.ops.new_dynamic_label();
                asm!(self.ops; =>entry);
                self.comment(format_args!("pc {pc}: float compare"));
                self.guard_tag(a, tags::FLOAT, generic);
                self.guard_tag(b, tags::FLOAT, generic);
                self.float_compare_flags(cmp, a, b);
                // NaN compares false for everything but `!=`.
                match cmp {
                    CmpOp::Lt | CmpOp::Gt => asm!(self.ops; seta al),
                    CmpOp::Le | CmpOp::Ge => asm!(self.ops; setae al),
                    CmpOp::Eq => asm!(self.ops; sete al; setnp cl; and al, cl),
                    CmpOp::Ne => asm!(self.ops; setne al; setp cl; or al, cl),
                }
                self.store_bool_al(dst);
                let next = self.next(pc);
                asm!(self.ops; jmp =>next; =>generic);
                self.comment(format_args!(
                    "pc {pc}: bail: {}",
                    ExitReason::NotIntOrFloat.name()
                ));
                self.step_inline(pc, ExitReason::NotIntOrFloat, None);
            }
            Cold::FloatCmpJump {
                entry,
                pc,
                cmp,
                a,
                b,
                target,
            } => {
                let generic = self.ops.new_dynamic_label();
                let t = self.label(target);
                let next = self.next(pc);
                asm!(self.ops; =>entry);
                self.comment(format_args!("pc {pc}: float compare and branch"));
                self.guard_tag(a, tags::FLOAT, generic);
                self.guard_tag(b, tags::FLOAT, generic);
                self.float_compare_flags(cmp, a, b);
                // Jump when the comparison is false (unordered counts as false).
                match cmp {
                    CmpOp::Lt | CmpOp::Gt => asm!(self.ops; jbe =>t; jmp =>next),
                    CmpOp::Le | CmpOp::Ge => asm!(self.ops; jb =>t; jmp =>next),
                    CmpOp::Eq => asm!(self.ops; jne =>t; jp =>t; jmp =>next),
                    CmpOp::Ne => asm!(self.ops; jp =>next; je =>t; jmp =>next),
                }
                asm!(self.ops; =>generic);
                self.comment(format_args!(
                    "pc {pc}: bail: {}",
                    ExitReason::NotIntOrFloat.name()
                ));
                self.step_inline(pc, ExitReason::NotIntOrFloat, Some(target));
            }
            Cold::Step {
                entry,
                pc,
                reason,
                target,
            } => {
                asm!(self.ops; =>entry);
                self.comment(format_args!("pc {pc}: bail: {}", reason.name()));
                self.step_inline(pc, reason, target);
            }
            Cold::Helper { entry, pc, helper } => {
                asm!(self.ops; =>entry);
                self.comment(format_args!("pc {pc}: cache miss: the general helper"));
                self.call_fast(pc, helper);
            }
            Cold::Resume { entry, pc, reason } => {
                asm!(self.ops; =>entry);
                self.comment(format_args!(
                    "pc {pc}: exit to the interpreter: {}",
                    reason.name()
                ));
                self.exit_resume(pc);
            }
        }
    }

    /// Set the flags for `a <cmp> b` on floats so that "above" means true for
    /// `<`/`>` and "above or equal" for `<=`/`>=` (ucomisd sets CF on
    /// unordered, so NaN reads as false).
    fn float_compare_flags(&mut self, cmp: CmpOp, a: u16, b: u16) {
        let (x, y) = match cmp {
            // a < b  <=>  b > a
            CmpOp::Lt | CmpOp::Le => (b, a),
            _ => (a, b),
        };
        asm!(self.ops
            ; movsd xmm0, QWORD [rbx + pay(x)]
            ; ucomisd xmm0, QWORD [rbx + pay(y)]
        );
    }
}

/// A constant's two words as compiled code stores them.
fn value_words(v: &Value) -> (u64, u64) {
    let payload = match v {
        Value::Undefined | Value::None | Value::Ellipsis | Value::NotImplemented => 0,
        Value::Bool(b) => *b as u64,
        Value::Int(i) => *i as u64,
        Value::Float(f) => f.to_bits(),
        // SAFETY: every other variant's payload is a full 8-byte pointer word.
        _ => unsafe { *(v as *const Value as *const u64).add(1) },
    };
    (v.tag(), payload)
}
