//! The assembler the code generator emits into: dynasm's assembler
//! interface (`DynasmApi`, `DynasmLabelApi`) over a plain byte vector, as
//! dynasmrt's `VecAssembler`, but with flat tables for labels and
//! relocations.
//!
//! A long function's code has a relocation every few machine instructions
//! (each jump to a slow path, a bail stub or the next instruction's label).
//! `VecAssembler` keeps 32 bytes per relocation and resolves them through
//! generic, out-of-line code (about 110 instructions each), and hashes the
//! names of static labels; for compile_cost.py's 200-line function that was
//! an eighth of the compile's instructions, and the tables' fresh pages
//! cost page faults besides. Here a relocation is 16 bytes, a dynamic
//! label's offset 4, and resolving one is a table read and a 4-byte store.
//!
//! Most references are a jump's 4-byte displacement to a label ahead (the
//! next instruction, a slow path, a bail stub, a global label's shared
//! exit). Those are not kept in a table at all: until the label is
//! defined, each one's field holds the location of the label's previous
//! such reference (a chain through the code, as classic one-pass
//! assemblers do), and defining the label walks the chain and patches it. For compile_cost.py's 200-line function that
//! was 7,000 table entries (112 KB of fresh memory, each fresh page a
//! fault of about a microsecond on the VMs measured) and a pass over them
//! in `finalize`. A reference to a label already defined is patched at
//! once; only the few others (other field sizes, offsets) are kept.
//!
//! Dynamic labels are their ids, 0, 1, 2, ... in each compile (`label`).
//!
//! The bytes produced are the same as `VecAssembler`'s with base address 0
//! (how the code generator used it): the encodings come from the `dynasm!`
//! macro; only where relocations are patched is ours.

use crate::jit::codemem::CodeMem;
use dynasmrt::relocations::{Relocation, RelocationKind};
use dynasmrt::x64::X64Relocation;
use dynasmrt::{
    AssemblyOffset, DynamicLabel, DynasmApi, DynasmError, DynasmLabelApi, LabelKind, TargetKind,
};

/// A field to patch once its label's offset is known.
#[derive(Clone, Copy)]
struct Reloc {
    /// The assembly offset just after the instruction (or directive) that
    /// holds the field, as dynasm reports relocations.
    location: u32,
    /// The dynamic label's id (unused for static labels).
    label: u32,
    target_offset: i32,
    /// The field starts this many bytes before `location`.
    field_offset: u8,
    /// A relative field counts from this many bytes before `location`.
    ref_offset: u8,
    /// dynasm's relocation code: kind in the top two bits, size below.
    code: u8,
}

/// dynasm's code for a relative 4-byte field (`encode`): the references
/// chained through the code.
const REL32: u8 = 2;
/// A label's entry in `CodeBuf::at`: not defined, no reference chained.
const NONE: u32 = u32::MAX;
/// Set in an entry of `CodeBuf::at` for a label not defined yet whose
/// latest chained reference ends at the location in the other bits (code
/// offsets stay below 2 GB: `--jit-code-limit` is far smaller).
const CHAINED: u32 = 1 << 31;

/// The dynamic label with id `id`.
///
/// dynasmrt makes `DynamicLabel`s only through its `LabelRegistry`, which
/// keeps 16 bytes per label made (that we never read) and hands out ids
/// from 0 in order. The ids used to come from such a registry, kept per
/// thread with a copy of every id made: for compile_cost.py's 200-line
/// function (8,000 ids, made twice as the list grew) their fresh pages
/// were 60 of the compile's 155 page faults, about a microsecond and a
/// half each on the VMs measured.
#[inline(always)]
fn label(id: usize) -> DynamicLabel {
    const _: () = assert!(std::mem::size_of::<DynamicLabel>() == std::mem::size_of::<usize>());
    // SAFETY: `DynamicLabel` is a struct of one `usize` field, its id, and
    // is that field's size (checked above), so the field is all its bytes.
    // No id is invalid: a label an assembler does not know is an error it
    // reports (`UnknownLabel`).
    unsafe { std::mem::transmute::<usize, DynamicLabel>(id) }
}

pub struct CodeBuf {
    /// The code, written where it will run (`codemem.rs`).
    ops: CodeMem,
    /// Each dynamic label's offset once defined; before: `NONE`, or
    /// `CHAINED` and the location (`Reloc::location`) of its latest
    /// reference chained through the code, whose field holds the location
    /// of the one before (`NONE` for the first).
    at: Vec<u32>,
    /// The other references to dynamic labels not defined when made,
    /// patched by `finalize`.
    relocs: Vec<Reloc>,
    /// Global labels (`->exit:`), a handful per code object, each with
    /// its state as in `at` (their plain references ahead, a few hundred
    /// for a long function, chained through the code likewise).
    globals: Vec<(&'static str, u32)>,
    /// The other references to global labels not defined when made,
    /// patched by `finalize`.
    global_refs: Vec<(&'static str, Reloc)>,
    /// Each local label's latest definition (`clear:`), for `<clear`.
    locals: Vec<(&'static str, u32)>,
    /// References to local labels ahead (`>frame`), patched where the
    /// next definition of the name comes.
    pending: Vec<(&'static str, Reloc)>,
    error: Option<DynasmError>,
}

impl CodeBuf {
    /// With room for `ops` bytes of code and `labels` dynamic labels.
    pub fn with_capacity(ops: usize, labels: usize) -> CodeBuf {
        CodeBuf {
            // Written nearly to its capacity as the code is emitted
            // (`CodeMem` faults its pages in).
            ops: CodeMem::with_capacity(ops),
            at: Vec::with_capacity(labels),
            relocs: Vec::new(),
            globals: Vec::new(),
            global_refs: Vec::new(),
            locals: Vec::new(),
            pending: Vec::new(),
            error: None,
        }
    }

    /// Make labels 0 .. n (the first made): the code generator's label
    /// for instruction `pc` is then `label_of(pc)`, with no table of them.
    pub fn first_labels(&mut self, n: usize) {
        debug_assert!(self.at.is_empty());
        self.at.resize(n, NONE);
    }

    /// The dynamic label with id `id` (made by `first_labels` or
    /// `new_dynamic_label`).
    #[inline]
    pub fn label_of(id: usize) -> DynamicLabel {
        label(id)
    }

    #[inline]
    pub fn new_dynamic_label(&mut self) -> DynamicLabel {
        let id = self.at.len();
        self.at.push(NONE);
        label(id)
    }

    /// The code with every relocation patched, or the first error.
    pub fn finalize(mut self) -> Result<CodeMem, DynasmError> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        if let Some(&(name, _)) = self.pending.first() {
            return Err(DynasmError::UnknownLabel(LabelKind::Local(name)));
        }
        if let Some(&(name, _)) = self.globals.iter().find(|(_, a)| !defined(*a)) {
            return Err(DynasmError::UnknownLabel(LabelKind::Global(name)));
        }
        for (name, r) in std::mem::take(&mut self.global_refs) {
            let target = self
                .globals
                .iter()
                .find(|(n, _)| *n == name)
                .map(|&(_, at)| at)
                .ok_or(DynasmError::UnknownLabel(LabelKind::Global(name)))?;
            if !patch(&mut self.ops, &r, target as i64) {
                return Err(DynasmError::ImpossibleRelocation(TargetKind::Global(name)));
            }
        }
        if let Some(id) = self.at.iter().position(|&a| a != NONE && a & CHAINED != 0) {
            let id = label(id);
            return Err(DynasmError::UnknownLabel(LabelKind::Dynamic(id)));
        }
        for r in std::mem::take(&mut self.relocs) {
            let target = self.at.get(r.label as usize).copied().unwrap_or(NONE);
            let undefined = target == NONE || target & CHAINED != 0;
            if undefined || !patch(&mut self.ops, &r, target as i64) {
                let id = label(r.label as usize);
                return Err(if undefined {
                    DynasmError::UnknownLabel(LabelKind::Dynamic(id))
                } else {
                    DynasmError::ImpossibleRelocation(TargetKind::Dynamic(id))
                });
            }
        }
        Ok(self.ops)
    }

    #[inline]
    fn reloc(
        &self,
        label: u32,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        code: u8,
    ) -> Option<Reloc> {
        Some(Reloc {
            location: self.ops.len() as u32,
            label,
            target_offset: i32::try_from(target_offset).ok()?,
            field_offset,
            ref_offset,
            code,
        })
    }

    /// Patch, chain or keep a reference just emitted to label `label`
    /// (dynamic labels' id) whose state (as `at`) is `state`: patched now
    /// when it is defined (a jump back); chained when it is a plain rel32
    /// (a jump ahead, see the module comment); else kept for `finalize`.
    #[inline]
    fn refer(
        &mut self,
        label: u32,
        state: u32,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: u8,
    ) -> Ref {
        if defined(state) {
            let ok = self
                .reloc(label, target_offset, field_offset, ref_offset, kind)
                .is_some_and(|r| patch(&mut self.ops, &r, state as i64));
            return if ok { Ref::Patched } else { Ref::Impossible };
        }
        let loc = self.ops.len();
        let plain = kind == REL32 && field_offset == 4 && ref_offset == 0 && target_offset == 0;
        if plain && (4..CHAINED as usize).contains(&loc) {
            put(&mut self.ops, loc - 4, state.to_le_bytes());
            return Ref::Chained(CHAINED | loc as u32);
        }
        match self.reloc(label, target_offset, field_offset, ref_offset, kind) {
            Some(r) => Ref::Keep(r),
            None => Ref::Impossible,
        }
    }

    /// The index of global label `name` in `globals`, added (not defined)
    /// if new.
    fn global(&mut self, name: &'static str) -> usize {
        match self.globals.iter().position(|(n, _)| *n == name) {
            Some(i) => i,
            None => {
                self.globals.push((name, NONE));
                self.globals.len() - 1
            }
        }
    }
}

/// What became of a reference (`CodeBuf::refer`).
enum Ref {
    Patched,
    /// Chained: the label's new state.
    Chained(u32),
    Keep(Reloc),
    /// Its value cannot be encoded in its field.
    Impossible,
}

/// Whether a label's state (`CodeBuf::at`) is a definition.
#[inline]
fn defined(state: u32) -> bool {
    state != NONE && state & CHAINED == 0
}

/// Patch the references chained from `chain` (a label's state before its
/// definition at `at`): each a rel32 field ending at its location, holding
/// the previous one's location.
#[inline]
fn patch_chain(ops: &mut [u8], mut chain: u32, at: u32) {
    while chain != NONE {
        let loc = chain & !CHAINED;
        let field = loc as usize - 4;
        let Some(prev) = word_at(ops, field) else {
            // Past the end: the code memory failed (`CodeMem`), which
            // `finalize` reports.
            break;
        };
        let rel = (at as i64 - loc as i64) as i32;
        put(ops, field, rel.to_le_bytes());
        chain = prev;
    }
}

/// The 4-byte little-endian word at `ops[start..]`, if there is one.
#[inline]
fn word_at(ops: &[u8], start: usize) -> Option<u32> {
    let b = ops.get(start..start.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// dynasm's code for a relocation of `kind` and `size` bytes.
fn encode(r: &X64Relocation) -> u8 {
    let kind = match r.kind() {
        RelocationKind::Relative => 0,
        RelocationKind::AbsToRel => 1,
        RelocationKind::RelToAbs => 2,
        RelocationKind::Absolute => 3,
    };
    let size = match r.size() {
        1 => 0,
        2 => 1,
        4 => 2,
        _ => 3,
    };
    (kind << 6) | size
}

/// Write the field of `r` for a label at `target` (base address 0, as
/// `VecAssembler::new(0)`): false if the value does not fit the field.
#[inline]
fn patch(ops: &mut [u8], r: &Reloc, target: i64) -> bool {
    let from = r.location as i64 - r.ref_offset as i64;
    // Kinds: 0 relative, 1 absolute to relative, 2 relative to absolute,
    // 3 absolute; with base address 0 the middle two are the other two.
    let value = match r.code >> 6 {
        0 | 2 => target - from,
        _ => target,
    } + r.target_offset as i64;
    let start = r.location as usize - r.field_offset as usize;
    match r.code & 0x3f {
        0 => i8::try_from(value).is_ok_and(|v| put(ops, start, v.to_le_bytes())),
        1 => i16::try_from(value).is_ok_and(|v| put(ops, start, v.to_le_bytes())),
        2 => i32::try_from(value).is_ok_and(|v| put(ops, start, v.to_le_bytes())),
        _ => put(ops, start, value.to_le_bytes()),
    }
}

/// Store `bytes` at `ops[start..]`, if they fit.
#[inline]
fn put<const N: usize>(ops: &mut [u8], start: usize, bytes: [u8; N]) -> bool {
    if start > ops.len() || ops.len() - start < N {
        return false;
    }
    // SAFETY: `start + N <= ops.len()`, checked above; unaligned store.
    unsafe { (ops.as_mut_ptr().add(start) as *mut [u8; N]).write_unaligned(bytes) };
    true
}

impl CodeBuf {
    /// Append `n` copies of `byte` (padding).
    pub fn push_n(&mut self, byte: u8, n: usize) {
        self.ops.push_n(byte, n);
    }
    /// How far into its page the code's first byte is (`CodeMem`).
    pub fn page_offset(&self) -> usize {
        self.ops.page_offset()
    }
    /// `add qword [rip + l], imm` in its short form, `48 83 05 rel32 ib`
    /// (8 bytes). Why not `dynasm!`: its templates list the imm32 form
    /// (`81 /0`, 11 bytes) first for a memory operand, so it picks that one
    /// whatever the immediate, and a recording's code has such an add (a
    /// line counter's) on nearly every block. Same flags, same micro-ops.
    pub fn add_qword_rip_imm8(&mut self, l: DynamicLabel, imm: i8) {
        self.ops
            .extend_from_slice(&[0x48, 0x83, 0x05, 0, 0, 0, 0, imm as u8]);
        // The rel32 is the 4 bytes before the immediate; RIP is the end.
        self.dynamic_reloc(l, 0, 5, 0, REL32);
    }
    /// An instruction's constant bytes: what `dynasm!`'s `ops.extend(b"..")`
    /// finds before `Extend::extend` (an inherent method), whose generic
    /// iteration went byte by byte through out-of-line iterator code.
    #[inline(always)]
    pub fn extend(&mut self, bytes: &[u8]) {
        self.ops.extend_from_slice(bytes);
    }
}

impl Extend<u8> for CodeBuf {
    fn extend<T: IntoIterator<Item = u8>>(&mut self, iter: T) {
        for b in iter {
            self.ops.push(b);
        }
    }
}

impl<'a> Extend<&'a u8> for CodeBuf {
    fn extend<T: IntoIterator<Item = &'a u8>>(&mut self, iter: T) {
        for &b in iter {
            self.ops.push(b);
        }
    }
}

impl DynasmApi for CodeBuf {
    #[inline]
    fn offset(&self) -> AssemblyOffset {
        AssemblyOffset(self.ops.len())
    }
    #[inline]
    fn push(&mut self, byte: u8) {
        self.ops.push(byte);
    }
    // Immediates: stored whole (the defaults go through `Extend`).
    #[inline(always)]
    fn push_i16(&mut self, v: i16) {
        self.ops.extend_from_slice(&v.to_le_bytes());
    }
    #[inline(always)]
    fn push_i32(&mut self, v: i32) {
        self.ops.extend_from_slice(&v.to_le_bytes());
    }
    #[inline(always)]
    fn push_i64(&mut self, v: i64) {
        self.ops.extend_from_slice(&v.to_le_bytes());
    }
    #[inline(always)]
    fn push_u16(&mut self, v: u16) {
        self.ops.extend_from_slice(&v.to_le_bytes());
    }
    #[inline(always)]
    fn push_u32(&mut self, v: u32) {
        self.ops.extend_from_slice(&v.to_le_bytes());
    }
    #[inline(always)]
    fn push_u64(&mut self, v: u64) {
        self.ops.extend_from_slice(&v.to_le_bytes());
    }
    fn align(&mut self, alignment: usize, with: u8) {
        let offset = self.ops.len() % alignment;
        if offset != 0 {
            self.ops.push_n(with, alignment - offset);
        }
    }
}

impl DynasmLabelApi for CodeBuf {
    type Relocation = X64Relocation;

    fn local_label(&mut self, name: &'static str) {
        let at = self.ops.len() as u32;
        match self.locals.iter_mut().find(|(n, _)| *n == name) {
            Some(l) => l.1 = at,
            None => self.locals.push((name, at)),
        }
        let mut i = 0;
        while i < self.pending.len() {
            if self.pending[i].0 == name {
                let (_, r) = self.pending.swap_remove(i);
                if !patch(&mut self.ops, &r, at as i64) {
                    self.error = Some(DynasmError::ImpossibleRelocation(TargetKind::Local(name)));
                }
            } else {
                i += 1;
            }
        }
    }
    fn global_label(&mut self, name: &'static str) {
        let at = self.ops.len() as u32;
        let i = self.global(name);
        if defined(self.globals[i].1) {
            self.error = Some(DynasmError::DuplicateLabel(LabelKind::Global(name)));
            return;
        }
        let chain = std::mem::replace(&mut self.globals[i].1, at);
        patch_chain(&mut self.ops, chain, at);
    }
    #[inline]
    fn dynamic_label(&mut self, id: DynamicLabel) {
        let at = self.ops.len() as u32;
        let loc = match self.at.get_mut(id.get_id()) {
            Some(a) if *a == NONE || *a & CHAINED != 0 => std::mem::replace(a, at),
            _ => {
                self.error = Some(DynasmError::DuplicateLabel(LabelKind::Dynamic(id)));
                return;
            }
        };
        patch_chain(&mut self.ops, loc, at);
    }

    // The macro's entry points, with the relocation still encoded: kept so.
    fn forward_reloc(
        &mut self,
        name: &'static str,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: u8,
    ) {
        match self.reloc(0, target_offset, field_offset, ref_offset, kind) {
            Some(r) => self.pending.push((name, r)),
            None => self.error = Some(DynasmError::ImpossibleRelocation(TargetKind::Local(name))),
        }
    }
    fn backward_reloc(
        &mut self,
        name: &'static str,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: u8,
    ) {
        let Some(&(_, at)) = self.locals.iter().find(|(n, _)| *n == name) else {
            self.error = Some(DynasmError::UnknownLabel(LabelKind::Local(name)));
            return;
        };
        let ok = self
            .reloc(0, target_offset, field_offset, ref_offset, kind)
            .is_some_and(|r| patch(&mut self.ops, &r, at as i64));
        if !ok {
            self.error = Some(DynasmError::ImpossibleRelocation(TargetKind::Local(name)));
        }
    }
    fn global_reloc(
        &mut self,
        name: &'static str,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: u8,
    ) {
        let i = self.global(name);
        match self.refer(
            0,
            self.globals[i].1,
            target_offset,
            field_offset,
            ref_offset,
            kind,
        ) {
            Ref::Patched => {}
            Ref::Chained(state) => self.globals[i].1 = state,
            Ref::Keep(r) => self.global_refs.push((name, r)),
            Ref::Impossible => {
                self.error = Some(DynasmError::ImpossibleRelocation(TargetKind::Global(name)))
            }
        }
    }
    #[inline]
    fn dynamic_reloc(
        &mut self,
        id: DynamicLabel,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: u8,
    ) {
        let i = id.get_id();
        let Some(&at) = self.at.get(i) else {
            self.error = Some(DynasmError::UnknownLabel(LabelKind::Dynamic(id)));
            return;
        };
        match self.refer(i as u32, at, target_offset, field_offset, ref_offset, kind) {
            Ref::Patched => {}
            Ref::Chained(state) => self.at[i] = state,
            Ref::Keep(r) => self.relocs.push(r),
            Ref::Impossible => {
                self.error = Some(DynasmError::ImpossibleRelocation(TargetKind::Dynamic(id)))
            }
        }
    }
    fn value_reloc(&mut self, value: usize, field_offset: u8, ref_offset: u8, kind: u8) {
        let ok = self
            .reloc(0, 0, field_offset, ref_offset, kind)
            .is_some_and(|r| patch(&mut self.ops, &r, value as i64));
        if !ok {
            self.error = Some(DynasmError::ImpossibleRelocation(TargetKind::Value(value)));
        }
    }

    // The same, given a decoded relocation.
    fn forward_relocation(
        &mut self,
        name: &'static str,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: X64Relocation,
    ) {
        self.forward_reloc(name, target_offset, field_offset, ref_offset, encode(&kind))
    }
    fn backward_relocation(
        &mut self,
        name: &'static str,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: X64Relocation,
    ) {
        self.backward_reloc(name, target_offset, field_offset, ref_offset, encode(&kind))
    }
    fn global_relocation(
        &mut self,
        name: &'static str,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: X64Relocation,
    ) {
        self.global_reloc(name, target_offset, field_offset, ref_offset, encode(&kind))
    }
    fn dynamic_relocation(
        &mut self,
        id: DynamicLabel,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: X64Relocation,
    ) {
        self.dynamic_reloc(id, target_offset, field_offset, ref_offset, encode(&kind))
    }
    fn value_relocation(
        &mut self,
        value: usize,
        field_offset: u8,
        ref_offset: u8,
        kind: X64Relocation,
    ) {
        self.value_reloc(value, field_offset, ref_offset, encode(&kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dynasmrt::{dynasm, VecAssembler};

    /// Code using every kind of label and reference the generator uses,
    /// forward and backward, 4-byte and 1-byte.
    macro_rules! sample {
        ($ops:expr, $a:expr, $b:expr) => {
            dynasm!($ops
                ; .arch x64
                ; ->start:
                ; jmp ->exit
                ; jmp =>$b
                ; jne ->exit
                ; jne =>$b
                ; lea rdx, [=>$b]
                ; cmp DWORD [=>$b], 7
                ; jmp =>$b
                ; back:
                ; mov rax, 1
                ; jne <back
                ; jmp BYTE >fwd
                ; =>$a
                ; call ->start
                ; fwd:
                ; jmp =>$a
                ; back:
                ; jb <back
                ; =>$b
                ; lea rcx, [->exit]
                ; ret
                ; ->exit:
                ; jmp ->start
            )
        };
    }

    #[test]
    fn same_bytes_as_dynasmrts_vec_assembler() {
        let mut ours = CodeBuf::with_capacity(0, 0);
        let (a, b) = (ours.new_dynamic_label(), ours.new_dynamic_label());
        assert_eq!((a.get_id(), b.get_id()), (0, 1));
        sample!(ours, a, b);
        let mut theirs = VecAssembler::<X64Relocation>::new(0);
        let (a, b) = (theirs.new_dynamic_label(), theirs.new_dynamic_label());
        sample!(theirs, a, b);
        assert_eq!(*ours.finalize().unwrap(), *theirs.finalize().unwrap());
    }

    #[test]
    fn labels_are_the_ids_dynasmrt_makes() {
        let mut registry = dynasmrt::components::LabelRegistry::new();
        for id in 0..3 {
            assert_eq!(registry.new_dynamic_label(), label(id));
            assert_eq!(label(id).get_id(), id);
        }
    }

    #[test]
    fn undefined_and_duplicate_labels_are_errors() {
        let mut ops = CodeBuf::with_capacity(0, 0);
        let l = ops.new_dynamic_label();
        dynasm!(ops; .arch x64; jmp =>l; jmp =>l);
        assert!(matches!(
            ops.finalize(),
            Err(DynasmError::UnknownLabel(LabelKind::Dynamic(_)))
        ));
        let mut ops = CodeBuf::with_capacity(0, 0);
        dynasm!(ops; .arch x64; jmp ->y; jmp ->y; ret);
        assert!(matches!(
            ops.finalize(),
            Err(DynasmError::UnknownLabel(LabelKind::Global("y")))
        ));
        let mut ops = CodeBuf::with_capacity(0, 0);
        dynasm!(ops; .arch x64; ->x: ; ret ; ->x:);
        assert!(matches!(
            ops.finalize(),
            Err(DynasmError::DuplicateLabel(LabelKind::Global("x")))
        ));
        let mut ops = CodeBuf::with_capacity(0, 0);
        let l = ops.new_dynamic_label();
        dynasm!(ops; .arch x64; jmp =>l; =>l; ret; =>l);
        assert!(matches!(
            ops.finalize(),
            Err(DynasmError::DuplicateLabel(LabelKind::Dynamic(_)))
        ));
    }
}
