//! Constant folding as CPython's AST optimizer does it (same size limits), and
//! turning literals into constants.

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Operator, UnaryOp};
use ruff_text_size::Ranged;

use crate::front::CompileError;
use crate::runtime::object::TupleObj;
use crate::runtime::value::Value;

use super::{CResult, FnCompiler};

/// A cheap syntactic pre-check before trying to fold (only constants and
/// operators on them can fold).
pub(super) fn maybe_const(e: &Expr) -> bool {
    match e {
        Expr::NumberLiteral(n) => !matches!(n.value, ast::Number::Complex { .. }),
        Expr::StringLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => true,
        Expr::UnaryOp(u) => maybe_const(&u.operand),
        Expr::BinOp(b) => maybe_const(&b.left) && maybe_const(&b.right),
        Expr::Tuple(t) => t.elts.iter().all(maybe_const),
        _ => false,
    }
}

/// The size limits of CPython's folding (ast_opt.c: MAX_INT_SIZE 128 bits,
/// MAX_COLLECTION_SIZE 256, MAX_STR_SIZE 4096), and no folding of `str % x`.
fn fold_is_safe(op: Operator, x: Value, y: Value) -> bool {
    const MAX_INT_BITS: u64 = 128;
    const MAX_COLLECTION: i64 = 256;
    const MAX_STR: i64 = 4096;
    fn bits(v: Value) -> Option<u64> {
        match v {
            Value::Int(i) => Some(64 - i.unsigned_abs().leading_zeros() as u64),
            Value::Bool(b) => Some(b as u64),
            Value::BigInt(b) => Some(b.0.bits()),
            _ => None,
        }
    }
    fn int_of(v: Value) -> Option<i64> {
        match v {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b as i64),
            Value::BigInt(b) => Some(if b.0.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }),
            _ => None,
        }
    }
    fn seq_len(v: Value) -> Option<(i64, i64)> {
        match v {
            Value::Str(s) => Some((s.char_len() as i64, MAX_STR)),
            Value::Bytes(b) => Some((b.b.len() as i64, MAX_STR)),
            Value::Tuple(t) => Some((t.items.len() as i64, MAX_COLLECTION)),
            _ => None,
        }
    }
    match op {
        Operator::Mult => {
            if let (Some(a), Some(b)) = (bits(x), bits(y)) {
                return a == 0 || b == 0 || a + b <= MAX_INT_BITS;
            }
            let (seq, n) = if seq_len(x).is_some() { (x, y) } else { (y, x) };
            match (seq_len(seq), int_of(n)) {
                (Some((size, max)), Some(n)) => size == 0 || (n >= 0 && n <= max / size),
                _ => true,
            }
        }
        Operator::Pow => match (bits(x), int_of(y)) {
            (Some(vb), Some(w)) if vb > 0 && w > 0 => vb <= MAX_INT_BITS / (w as u64),
            _ => true,
        },
        Operator::LShift => match (bits(x), int_of(y)) {
            (Some(vb), Some(w)) if vb > 0 && w > 0 => {
                (w as u64) <= MAX_INT_BITS && vb <= MAX_INT_BITS - w as u64
            }
            _ => true,
        },
        Operator::Mod => !matches!(x, Value::Str(_) | Value::Bytes(_)),
        _ => true,
    }
}

fn fold_binop(op: Operator) -> crate::interp::ops::BinOp {
    use crate::interp::ops::BinOp;
    match op {
        Operator::Add => BinOp::Add,
        Operator::Sub => BinOp::Sub,
        Operator::Mult => BinOp::Mul,
        Operator::MatMult => BinOp::MatMul,
        Operator::Div => BinOp::TrueDiv,
        Operator::Mod => BinOp::Mod,
        Operator::Pow => BinOp::Pow,
        Operator::LShift => BinOp::LShift,
        Operator::RShift => BinOp::RShift,
        Operator::BitOr => BinOp::BitOr,
        Operator::BitXor => BinOp::BitXor,
        Operator::BitAnd => BinOp::BitAnd,
        Operator::FloorDiv => BinOp::FloorDiv,
    }
}

pub(super) fn parse_big_literal(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

impl<'c, 'v, 'a> FnCompiler<'c, 'v, 'a> {
    /// CPython's compile-time constant folding (Python/ast_opt.c in 3.11):
    /// unary and binary operators on constants, and tuples of constants, become
    /// one constant. The arithmetic is the runtime's own, so folding can never
    /// change a result; an operation that raises is left for run time. The
    /// size limits are CPython's, which also decides which constant set
    /// displays exist, and so their iteration order.
    pub(super) fn fold(&mut self, e: &Expr) -> Option<Value> {
        let v = match e {
            Expr::NumberLiteral(n) if matches!(n.value, ast::Number::Complex { .. }) => {
                return None
            }
            Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_) => self.literal_value(e).ok()?,
            Expr::UnaryOp(u) => {
                let x = self.fold(&u.operand)?;
                let vm = &mut *self.ctx.vm;
                match u.op {
                    UnaryOp::USub => vm.unary_neg(x).ok()?,
                    UnaryOp::UAdd => vm.unary_pos(x).ok()?,
                    UnaryOp::Invert => vm.unary_invert(x).ok()?,
                    UnaryOp::Not => Value::Bool(!vm.truthy(x).ok()?),
                }
            }
            Expr::BinOp(b) => {
                let x = self.fold(&b.left)?;
                let y = self.fold(&b.right)?;
                if !fold_is_safe(b.op, x, y) {
                    return None;
                }
                self.ctx.vm.binary_op(fold_binop(b.op), x, y).ok()?
            }
            Expr::Tuple(t) => {
                let mut items = Vec::with_capacity(t.elts.len());
                for x in &t.elts {
                    items.push(self.fold(x)?);
                }
                Value::Tuple(self.ctx.vm.heap.alloc_pinned(TupleObj::new(items)))
            }
            _ => return None,
        };
        Some(self.pin_const(v))
    }

    /// Constants must be pinned: a nested function's constants are not
    /// reachable by the collector until the function object exists.
    fn pin_const(&mut self, v: Value) -> Value {
        match v {
            Value::BigInt(b) if !b.is_pinned() => self.ctx.vm.bigint_const(b.0.clone()),
            Value::Str(s) if !s.is_pinned() => {
                let text = s.as_str().to_string();
                Value::Str(self.ctx.vm.intern(&text))
            }
            Value::Tuple(t) if !t.is_pinned() => Value::Tuple(
                self.ctx
                    .vm
                    .heap
                    .alloc_pinned(TupleObj::new(t.items.to_vec())),
            ),
            other => other,
        }
    }

    /// Fold every expression, or None if any is not constant.
    pub(super) fn fold_all(&mut self, es: &[Expr]) -> Option<Vec<Value>> {
        let mut out = Vec::with_capacity(es.len());
        for e in es {
            out.push(self.fold(e)?);
        }
        Some(out)
    }

    pub(super) fn push_const(&mut self, v: Value) -> CResult<u16> {
        let i = u16::try_from(self.consts.len()).map_err(|_| {
            CompileError::unsupported("too many constants in one function", self.offset_now())
        })?;
        self.consts.push(v);
        Ok(i)
    }

    fn literal_value(&mut self, e: &Expr) -> CResult<Value> {
        Ok(match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match i.as_i64() {
                    Some(v) => Value::Int(v),
                    None => {
                        let big = parse_big_literal(&i.to_string()).ok_or_else(|| {
                            CompileError::syntax(
                                "invalid integer literal",
                                n.range.start().to_u32(),
                            )
                        })?;
                        self.ctx.vm.bigint_const(big)
                    }
                },
                ast::Number::Float(f) => Value::Float(*f),
                ast::Number::Complex { .. } => {
                    return Err(CompileError::unsupported(
                        "complex numbers",
                        n.range.start().to_u32(),
                    ))
                }
            },
            Expr::StringLiteral(s) => Value::Str(self.ctx.vm.intern(s.value.to_str())),
            Expr::BooleanLiteral(b) => Value::Bool(b.value),
            Expr::NoneLiteral(_) => Value::None,
            other => {
                return Err(CompileError::syntax(
                    "internal: not a literal",
                    other.range().start().to_u32(),
                ))
            }
        })
    }
}
