//! Observed operand types per instruction site (a bounded set per operand,
//! as V8's feedback vectors and YJIT's type profiles keep), and which
//! operands of which instructions are worth observing.

use std::cell::Cell;

use crate::bytecode::opcodes::Instr;

/// Distinct types kept per operand; past this the operand is megamorphic.
pub const WAYS: usize = 4;

/// One operand's types: keys (see `Vm::type_key`) with counts.
#[derive(Default)]
pub struct OperandTypes {
    pub keys: [Cell<u64>; WAYS],
    pub counts: [Cell<u64>; WAYS],
    pub megamorphic: Cell<bool>,
}

impl OperandTypes {
    /// Count one observation of a type already kept here; false (counting
    /// nothing) when `key` is not kept: then `record` it. `key` is never 0,
    /// the key of an empty way.
    #[inline(always)]
    pub fn count_seen(&self, key: u64) -> bool {
        debug_assert!(key != 0);
        for i in 0..WAYS {
            if self.keys[i].get() == key {
                self.counts[i].set(self.counts[i].get() + 1);
                return true;
            }
        }
        false
    }

    /// Count one observation; true when `key` is new here (the caller then
    /// records the type's name).
    #[inline]
    pub fn record(&self, key: u64) -> bool {
        for i in 0..WAYS {
            let k = self.keys[i].get();
            if k == key {
                self.counts[i].set(self.counts[i].get() + 1);
                return false;
            }
            if k == 0 {
                self.keys[i].set(key);
                self.counts[i].set(1);
                return true;
            }
        }
        self.megamorphic.set(true);
        false
    }
}

/// The observed operands of one instruction.
#[derive(Default)]
pub struct SiteTypes {
    pub ops: [OperandTypes; 2],
}

/// The registers an instruction's observation reads (`n` of `regs`).
#[derive(Clone, Copy, Default)]
pub struct Obs {
    pub n: u8,
    pub regs: [u16; 2],
}

impl Obs {
    pub fn of(ins: &Instr) -> Obs {
        match observed(ins) {
            Some((_, ops, n)) => Obs {
                n: n as u8,
                regs: [ops[0].1, ops[1].1],
            },
            None => Obs::default(),
        }
    }
}

/// What an instruction does and which registers it reads, for the type
/// profile: `(op, [(role, register)])`. None for instructions whose operand
/// types say nothing useful (moves, jumps, constants).
pub fn observed(ins: &Instr) -> Option<(Op, [(&'static str, u16); 2], usize)> {
    use Instr::*;
    let two = |op, a: u16, b: u16| Some((op, [("left", a), ("right", b)], 2));
    match *ins {
        Add { a, b, .. } | IAdd { a, b, .. } => two(Op::Sym("+"), a, b),
        Sub { a, b, .. } | ISub { a, b, .. } => two(Op::Sym("-"), a, b),
        Mul { a, b, .. } | IMul { a, b, .. } => two(Op::Sym("*"), a, b),
        TrueDiv { a, b, .. } => two(Op::Sym("/"), a, b),
        FloorDiv { a, b, .. } => two(Op::Sym("//"), a, b),
        Mod { a, b, .. } => two(Op::Sym("%"), a, b),
        Pow { a, b, .. } => two(Op::Sym("**"), a, b),
        LShift { a, b, .. } => two(Op::Sym("<<"), a, b),
        RShift { a, b, .. } => two(Op::Sym(">>"), a, b),
        BitAnd { a, b, .. } | IAnd { a, b, .. } => two(Op::Sym("&"), a, b),
        BitOr { a, b, .. } | IOr { a, b, .. } => two(Op::Sym("|"), a, b),
        BitXor { a, b, .. } | IXor { a, b, .. } => two(Op::Sym("^"), a, b),
        MatMul { a, b, .. } => two(Op::Sym("@"), a, b),
        Lt { a, b, .. } | JumpIfNotLt { a, b, .. } => two(Op::Sym("<"), a, b),
        Le { a, b, .. } | JumpIfNotLe { a, b, .. } => two(Op::Sym("<="), a, b),
        Gt { a, b, .. } | JumpIfNotGt { a, b, .. } => two(Op::Sym(">"), a, b),
        Ge { a, b, .. } | JumpIfNotGe { a, b, .. } => two(Op::Sym(">="), a, b),
        Eq { a, b, .. } | JumpIfNotEq { a, b, .. } => two(Op::Sym("=="), a, b),
        Ne { a, b, .. } | JumpIfNotNe { a, b, .. } => two(Op::Sym("!="), a, b),
        In { a, b, .. } => two(Op::Sym("in"), a, b),
        NotIn { a, b, .. } => two(Op::Sym("not in"), a, b),
        AddI { a, .. } => Some((Op::Sym("+"), [("left", a), ("", 0)], 1)),
        SubI { a, .. } => Some((Op::Sym("-"), [("left", a), ("", 0)], 1)),
        Neg { src, .. } => Some((Op::Sym("-x"), [("operand", src), ("", 0)], 1)),
        Invert { src, .. } => Some((Op::Sym("~x"), [("operand", src), ("", 0)], 1)),
        Subscr { obj, key, .. } => Some((Op::Subscript, [("container", obj), ("index", key)], 2)),
        StoreSubscr { obj, key, .. } => {
            Some((Op::StoreSubscript, [("container", obj), ("index", key)], 2))
        }
        LoadAttr { obj, name, .. } => Some((Op::Attr(name), [("receiver", obj), ("", 0)], 1)),
        StoreAttr { obj, name, src } => {
            Some((Op::StoreAttr(name), [("receiver", obj), ("value", src)], 2))
        }
        CallMethod { obj, name, .. } => Some((Op::Method(name), [("receiver", obj), ("", 0)], 1)),
        Call { func, .. } | CallKw { func, .. } | CallEx { func, .. } => {
            Some((Op::Call, [("callee", func), ("", 0)], 1))
        }
        GetIter { src, .. } => Some((Op::Iter, [("iterable", src), ("", 0)], 1)),
        _ => None,
    }
}

/// The kind of operation at a site; names are resolved against the code's
/// name table when the profile is written.
#[derive(Clone, Copy, Debug)]
pub enum Op {
    Sym(&'static str),
    Subscript,
    StoreSubscript,
    Attr(u16),
    StoreAttr(u16),
    Method(u16),
    Call,
    Iter,
}

impl Op {
    pub fn text(
        self,
        names: &[crate::runtime::heap::Gc<crate::runtime::object::StrObj>],
    ) -> String {
        // By concatenation: `format!` cost about a thousand instructions a
        // site, and the profile has the text of every site that ran.
        let named = |before: &str, i: u16, after: &str| {
            let name = names.get(i as usize).map(|s| s.as_str()).unwrap_or("");
            [before, name, after].concat()
        };
        match self {
            Op::Sym(s) => s.to_string(),
            Op::Subscript => "subscript".into(),
            Op::StoreSubscript => "store subscript".into(),
            Op::Attr(n) => named("attribute .", n, ""),
            Op::StoreAttr(n) => named("store attribute .", n, ""),
            Op::Method(n) => named("method .", n, "()"),
            Op::Call => "call".into(),
            Op::Iter => "iterate".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifth_type_makes_the_operand_megamorphic() {
        let o = OperandTypes::default();
        assert!(o.record(7));
        assert!(!o.record(7));
        for k in 1..=3 {
            assert!(o.record(100 + k));
        }
        assert!(!o.megamorphic.get());
        assert!(!o.record(999));
        assert!(o.megamorphic.get());
        assert_eq!(o.counts[0].get(), 2);
    }

    #[test]
    fn count_seen_counts_kept_types_only() {
        let o = OperandTypes::default();
        // Empty ways hold key 0, which no value has: nothing matches them.
        assert!(!o.count_seen(5));
        assert!(o.record(5));
        assert!(o.record(9));
        assert!(o.count_seen(9));
        assert!(o.count_seen(5));
        assert!(!o.count_seen(6));
        assert_eq!([o.counts[0].get(), o.counts[1].get()], [2, 2]);
        assert_eq!(o.counts[2].get(), 0);
    }
}
