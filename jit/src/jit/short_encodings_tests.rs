//! The patched dynasm (`vendor/dynasm/JITPROF.md`) encodes displacements and
//! ALU immediates given by runtime expressions in their short forms when
//! the value fits a signed byte. These tests assemble instructions with
//! values on both sides of each boundary and decode them with iced-x86:
//! every operand must be what was written, and the length the short or the
//! long form's, as the value asks.

use dynasmrt::{dynasm, x64::X64Relocation, DynasmApi, DynasmLabelApi, VecAssembler};
use iced_x86::{Decoder, DecoderOptions, Instruction, Mnemonic, OpKind, Register};

/// Values either side of the signed-byte and the 32-bit limits.
const VALUES: [i32; 10] = [0, 1, 8, 127, 128, -1, -128, -129, i32::MAX, i32::MIN];

fn fits8(v: i32) -> bool {
    v as i8 as i32 == v
}

/// The one instruction `emit` assembles, decoded, with its bytes.
fn one(emit: impl FnOnce(&mut VecAssembler<X64Relocation>)) -> (Instruction, Vec<u8>) {
    let mut ops = VecAssembler::<X64Relocation>::new(0);
    emit(&mut ops);
    let code = ops.finalize().expect("no labels");
    let mut d = Decoder::with_ip(64, &code, 0, DecoderOptions::NONE);
    let i = d.decode();
    assert!(!i.is_invalid(), "{code:02x?} does not decode");
    assert_eq!(i.len(), code.len(), "{code:02x?} is one instruction");
    (i, code)
}

#[test]
fn runtime_displacements_take_disp8_when_they_fit() {
    for d in VALUES {
        // Base only; a base that needs a SIB byte (rsp, r12); RBP and R13,
        // which have no no-displacement form; base and index.
        let (i, _) = one(|o| dynasm!(o; .arch x64; mov rax, [rbx + d]));
        assert_eq!(
            (i.memory_base(), i.memory_displacement64() as i64),
            (Register::RBX, d as i64)
        );
        assert_eq!(
            i.len(),
            if fits8(d) { 4 } else { 7 },
            "mov rax, [rbx + {d}]"
        );
        let (i, _) = one(|o| dynasm!(o; .arch x64; mov [r12 + d], rcx));
        assert_eq!(
            (i.memory_base(), i.op1_register()),
            (Register::R12, Register::RCX)
        );
        assert_eq!(i.memory_displacement64() as i64, d as i64);
        assert_eq!(
            i.len(),
            if fits8(d) { 5 } else { 8 },
            "mov [r12 + {d}], rcx"
        );
        let (i, _) = one(|o| dynasm!(o; .arch x64; lea rdx, [rbp + d]));
        assert_eq!(
            (i.memory_base(), i.memory_displacement64() as i64),
            (Register::RBP, d as i64)
        );
        let (i, _) = one(|o| dynasm!(o; .arch x64; mov rax, [r13 + rcx * 8 + d]));
        assert_eq!(
            (i.memory_base(), i.memory_index(), i.memory_index_scale()),
            (Register::R13, Register::RCX, 8)
        );
        assert_eq!(i.memory_displacement64() as i64, d as i64);
        // A register chosen at run time (the register allocator's).
        let r = 14u8;
        let (i, _) = one(|o| dynasm!(o; .arch x64; mov Rq(r), [rbx + d]));
        assert_eq!(
            (i.op0_register(), i.memory_displacement64() as i64),
            (Register::R14, d as i64)
        );
        assert_eq!(i.len(), if fits8(d) { 4 } else { 7 });
        // A float load, with its own prefixes.
        let (i, _) = one(|o| dynasm!(o; .arch x64; movsd xmm1, QWORD [rbx + d]));
        assert_eq!(
            (i.mnemonic(), i.memory_displacement64() as i64),
            (Mnemonic::Movsd, d as i64)
        );
    }
}

/// `i` is `op reg, v` (the immediate sign-extended to the operand's size)
/// in `len` bytes.
fn reg_imm(i: &Instruction, (op, reg, v): (Mnemonic, Register, i32), len: usize) {
    assert_eq!(
        (i.mnemonic(), i.op0_register()),
        (op, reg),
        "{op:?} {reg:?}, {v}"
    );
    let imm = i.immediate(1);
    let imm = match i.op1_kind() {
        OpKind::Immediate8to32 | OpKind::Immediate32 => imm as u32 as i32 as i64,
        _ => imm as i64,
    };
    assert_eq!((imm, i.len()), (v as i64, len), "{op:?} {reg:?}, {v}");
}

#[test]
fn runtime_alu_immediates_take_imm8_when_they_fit() {
    for v in VALUES {
        let (i, _) = one(|o| dynasm!(o; .arch x64; cmp QWORD [rbx + 16], v));
        assert_eq!(i.mnemonic(), Mnemonic::Cmp);
        assert_eq!(
            (i.memory_displacement64(), i.immediate(1) as i64),
            (16, v as i64)
        );
        assert_eq!(
            i.len(),
            if fits8(v) { 5 } else { 8 },
            "cmp qword [rbx + 16], {v}"
        );
        let (i, _) = one(|o| dynasm!(o; .arch x64; add DWORD [rcx + rdx * 4 + 200], v));
        assert_eq!(i.mnemonic(), Mnemonic::Add);
        assert_eq!((i.memory_displacement64(), i.immediate(1) as i32), (200, v));
        let (i, _) = one(|o| dynasm!(o; .arch x64; and rsi, v));
        reg_imm(
            &i,
            (Mnemonic::And, Register::RSI, v),
            if fits8(v) { 4 } else { 7 },
        );
        // The accumulator's short forms (`3d id`) turn into `83 /7 ib`.
        let (i, _) = one(|o| dynasm!(o; .arch x64; cmp rax, v));
        reg_imm(
            &i,
            (Mnemonic::Cmp, Register::RAX, v),
            if fits8(v) { 4 } else { 6 },
        );
        let (i, _) = one(|o| dynasm!(o; .arch x64; sub eax, v));
        reg_imm(
            &i,
            (Mnemonic::Sub, Register::EAX, v),
            if fits8(v) { 3 } else { 5 },
        );
        // Immediate and displacement both chosen at run time.
        let (i, _) = one(|o| dynasm!(o; .arch x64; cmp QWORD [rbx + v], v));
        assert_eq!(
            (i.memory_displacement64() as i64, i.immediate(1) as i64),
            (v as i64, v as i64)
        );
        // Not in the group: `test` has no imm8 form and keeps imm32.
        let (i, _) = one(|o| dynasm!(o; .arch x64; test rcx, v));
        assert_eq!(
            (i.mnemonic(), i.op1_kind()),
            (Mnemonic::Test, OpKind::Immediate32to64)
        );
    }
}

#[test]
fn runtime_values_encode_as_the_same_literals_do() {
    // A literal is sized when the macro expands (upstream's rule for
    // displacements; the patch's for an ALU immediate written without a
    // size); a runtime value of the same size must give the same bytes.
    let (d, v) = (0x30, 0x0d);
    let (_, lit) = one(|o| dynasm!(o; .arch x64; mov rax, [rbx + 0x30]));
    let (_, run) = one(|o| dynasm!(o; .arch x64; mov rax, [rbx + d]));
    assert_eq!(lit, run);
    let (_, lit) = one(|o| dynasm!(o; .arch x64; cmp QWORD [rbx + 0x30], 0x0d));
    let (_, run) = one(|o| dynasm!(o; .arch x64; cmp QWORD [rbx + d], v));
    assert_eq!(lit, run);
}

#[test]
fn rip_relative_operands_keep_imm32_for_their_relocation() {
    // The relocation of `[=>label]` counts the immediate's bytes after its
    // field: the patch leaves such instructions alone, and the label must
    // still resolve to the right address.
    let mut ops = VecAssembler::<X64Relocation>::new(0);
    let l = ops.new_dynamic_label();
    let v = 3;
    dynasm!(ops; .arch x64; cmp QWORD [=>l], v; =>l; ret);
    let code = ops.finalize().expect("label defined");
    let mut d = Decoder::with_ip(64, &code, 0, DecoderOptions::NONE);
    let i = d.decode();
    assert_eq!(i.len(), 11, "cmp qword [rip+d32], imm32");
    assert_eq!((i.ip_rel_memory_address(), i.immediate(1)), (11, 3));
}
