//! The first special method an operator's protocol tries, remembered per
//! (operator, left class version, right class version): raytrace's
//! `Vector - Vector` looked up `__isub__`, `__rsub__` and `__sub__` by name
//! on every operator (`Vm::binary_dunder_step`, some 90 instructions, 28.7M
//! of a run).
//!
//! Class versions come from one global counter and change whenever a class
//! or a base changes (`Vm::invalidate_class`), so a version names one class
//! in one state: an entry whose versions match was found on these very
//! classes as they are now, and a class changed or freed never matches
//! again. For the same reason the method an entry holds is not traced: the
//! class still holds it while its version is the one noted (as the classes'
//! own `specials` memo).

use crate::interp::ops::BinOp;
use crate::runtime::value::Value;

/// Entries, a power of two: the operator sites of a program on instances
/// are few, the class pairs at each fewer.
const SLOTS: usize = 64;

/// The answer of stage 0 of the protocol (`Vm::binary_dunder_step`): the
/// method, whether the right operand is its receiver, the stage after it.
pub type FirstMethod = Option<(Value, bool, u8)>;

#[derive(Clone, Copy)]
struct Entry {
    /// The operator's index, the left and right classes' versions; 0
    /// versions: empty (versions start at 1).
    op: u8,
    left: u32,
    right: u32,
    found: FirstMethod,
}

const EMPTY: Entry = Entry {
    op: 0,
    left: 0,
    right: 0,
    found: None,
};

/// A direct-mapped table of stage-0 answers.
pub struct BinopCache {
    entries: Box<[Entry; SLOTS]>,
}

impl Default for BinopCache {
    fn default() -> Self {
        BinopCache {
            entries: Box::new([EMPTY; SLOTS]),
        }
    }
}

fn slot(op: BinOp, left: u32, right: u32) -> usize {
    let h = left
        .wrapping_mul(0x9E37_79B1)
        .wrapping_add(right.wrapping_mul(0x85EB_CA77))
        .wrapping_add(op as u32);
    (h >> 26) as usize % SLOTS
}

impl BinopCache {
    /// The remembered answer for `op` on classes of these versions.
    #[inline]
    pub fn get(&self, op: BinOp, left: u32, right: u32) -> Option<FirstMethod> {
        let e = &self.entries[slot(op, left, right)];
        (e.left == left && e.right == right && e.op == op as u8 && left != 0).then_some(e.found)
    }

    pub fn put(&mut self, op: BinOp, left: u32, right: u32, found: FirstMethod) {
        self.entries[slot(op, left, right)] = Entry {
            op: op as u8,
            left,
            right,
            found,
        };
    }
}
