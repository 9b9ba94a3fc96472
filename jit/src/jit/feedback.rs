//! Type feedback: which kinds of operands each arithmetic and comparison site
//! saw while the interpreter ran it, so the code generator can put the path
//! those kinds take inline and the others in the cold section.
//!
//! One byte per instruction, always on (independent of the profile recorder,
//! which `--no-profile` turns off): a bitset of operand kinds. It is the
//! cheap half of V8's feedback vectors: no counts, no classes, just "saw int
//! operands", "saw float operands", "saw an int mixed with a float", "saw
//! anything else". Bits only accumulate, so a site that changes type keeps
//! what it saw before as well.
//!
//! The interpreter sets the bits on each path of its templates (the int path
//! of `Add` sets INT, the float path FLOAT, the generic path whatever
//! `kind2` says). Compiled code does not record; the instructions it hands
//! to the interpreter (bails, generic steps) record as any other.

use std::cell::Cell;

use crate::runtime::value::tags;

/// Both operands (the only operand, for unary sites) were small ints.
pub const INT: u8 = 1;
/// Both operands were floats.
pub const FLOAT: u8 = 2;
/// One operand was a small int, the other a float.
pub const MIXED: u8 = 4;
/// Anything else: bools, big ints, strings, instances, ...
pub const OTHER: u8 = 8;
/// `Unpack`: unpacked a list (of the right length); tuples note nothing.
pub const UNPACKED_LIST: u8 = 16;

/// The kind of a pair of operands, from their tags.
#[inline(always)]
pub fn kind2(ta: u64, tb: u64) -> u8 {
    match (ta, tb) {
        (tags::INT, tags::INT) => INT,
        (tags::FLOAT, tags::FLOAT) => FLOAT,
        (tags::INT, tags::FLOAT) | (tags::FLOAT, tags::INT) => MIXED,
        _ => OTHER,
    }
}

/// The kind of a single operand (unary sites, `x + imm`).
#[inline(always)]
pub fn kind1(t: u64) -> u8 {
    match t {
        tags::INT => INT,
        tags::FLOAT => FLOAT,
        _ => OTHER,
    }
}

/// Per-instruction feedback of one code object.
pub struct Feedback(Box<[Cell<u8>]>);

impl Feedback {
    pub fn new(instrs: usize) -> Feedback {
        Feedback((0..instrs).map(|_| Cell::new(0)).collect())
    }

    /// Add `bits` to instruction `pc`'s set.
    #[inline(always)]
    pub fn note(&self, pc: usize, bits: u8) {
        if let Some(c) = self.0.get(pc) {
            c.set(c.get() | bits);
        }
    }

    /// `note` without the bounds check, for the interpreter's float paths
    /// (one `or` to memory).
    ///
    /// # Safety
    /// `pc` must be below the code's instruction count.
    #[inline(always)]
    pub unsafe fn note_unchecked(&self, pc: usize, bits: u8) {
        // SAFETY: the caller guarantees pc is in range.
        let c = unsafe { self.0.get_unchecked(pc) };
        c.set(c.get() | bits);
    }

    /// What instruction `pc` saw (0: never ran in the interpreter).
    pub fn get(&self, pc: usize) -> u8 {
        self.0.get(pc).map(Cell::get).unwrap_or(0)
    }
}

/// The bits as text, for listings ("int+float", "never ran").
pub fn describe(bits: u8) -> String {
    if bits == 0 {
        return "never ran".into();
    }
    let names = [
        (INT, "int"),
        (FLOAT, "float"),
        (MIXED, "int/float mix"),
        (OTHER, "other"),
        (UNPACKED_LIST, "list"),
    ];
    names
        .iter()
        .filter(|(b, _)| bits & b != 0)
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join("+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind2(tags::INT, tags::INT), INT);
        assert_eq!(kind2(tags::FLOAT, tags::FLOAT), FLOAT);
        assert_eq!(kind2(tags::INT, tags::FLOAT), MIXED);
        assert_eq!(kind2(tags::FLOAT, tags::INT), MIXED);
        assert_eq!(kind2(tags::BOOL, tags::INT), OTHER);
        assert_eq!(kind1(tags::STR), OTHER);
    }

    #[test]
    fn bits_accumulate() {
        let f = Feedback::new(3);
        assert_eq!(f.get(1), 0);
        f.note(1, FLOAT);
        f.note(1, INT);
        assert_eq!(f.get(1), FLOAT | INT);
        assert_eq!(describe(f.get(1)), "int+float");
        // Out of range is ignored, not a panic.
        f.note(7, INT);
        assert_eq!(f.get(7), 0);
    }
}
