//! Operator semantics: arithmetic (int with big-integer overflow, float, mixed),
//! sequence operators, comparisons, truth, equality and hashing, with CPython's
//! results and error messages. The interpreter's inline fast paths handle the
//! common int and float cases and call in here for everything else.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::interp::vm::Vm;
use crate::runtime::hash;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
    MatMul,
    IAdd,
    ISub,
    IMul,
    IOr,
    IAnd,
    IXor,
    ITrueDiv,
    IFloorDiv,
    IMod,
    IPow,
    ILShift,
    IRShift,
    IMatMul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            TrueDiv => "/",
            FloorDiv => "//",
            Mod => "%",
            Pow => "** or pow()",
            LShift => "<<",
            RShift => ">>",
            BitAnd => "&",
            BitOr => "|",
            BitXor => "^",
            MatMul => "@",
            IAdd => "+=",
            ISub => "-=",
            IMul => "*=",
            IOr => "|=",
            IAnd => "&=",
            IXor => "^=",
            ITrueDiv => "/=",
            IFloorDiv => "//=",
            IMod => "%=",
            IPow => "**=",
            ILShift => "<<=",
            IRShift => ">>=",
            IMatMul => "@=",
        }
    }
    /// The plain operator an in-place one falls back to.
    pub fn plain(self) -> BinOp {
        use BinOp::*;
        match self {
            IAdd => Add,
            ISub => Sub,
            IMul => Mul,
            IOr => BitOr,
            IAnd => BitAnd,
            IXor => BitXor,
            ITrueDiv => TrueDiv,
            IFloorDiv => FloorDiv,
            IMod => Mod,
            IPow => Pow,
            ILShift => LShift,
            IRShift => RShift,
            IMatMul => MatMul,
            o => o,
        }
    }

    /// The in-place operator of an augmented assignment with this operator.
    pub fn inplace(self) -> BinOp {
        use BinOp::*;
        match self {
            Add => IAdd,
            Sub => ISub,
            Mul => IMul,
            BitOr => IOr,
            BitAnd => IAnd,
            BitXor => IXor,
            TrueDiv => ITrueDiv,
            FloorDiv => IFloorDiv,
            Mod => IMod,
            Pow => IPow,
            LShift => ILShift,
            RShift => IRShift,
            MatMul => IMatMul,
            o => o,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
        }
    }
    fn from_ordering(self, o: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Lt => o == Less,
            CmpOp::Le => o != Greater,
            CmpOp::Gt => o == Greater,
            CmpOp::Ge => o != Less,
            CmpOp::Eq => o == Equal,
            CmpOp::Ne => o != Equal,
        }
    }
}

/// Why a float power has no float result (the caller raises accordingly).
pub enum FloatPowError {
    ZeroToNegative,
    NegativeToFraction,
    Overflow,
}

/// `a ** b` on two doubles, as Python's float power. Compiled code
/// (`jit/gen_pow.rs`) calls `pow` itself for a base > 0 and keeps a finite
/// result, which is what this computes then.
pub fn float_pow_value(a: f64, b: f64) -> Result<f64, FloatPowError> {
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(FloatPowError::ZeroToNegative);
    }
    if a < 0.0 && a.is_finite() && b.fract() != 0.0 && b.is_finite() {
        return Err(FloatPowError::NegativeToFraction);
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(FloatPowError::Overflow);
    }
    Ok(r)
}

/// `a op b` for an int (in i64 range) and a float, in either order, with
/// `+ - * /` (or `int / int` with both ints exact as floats), and `**` with
/// a float operand: the int converted to the nearest float, as CPython's float
/// operators convert it (rounding half to even, never overflowing from an
/// i64). None for anything else, division by zero included (the generic
/// path raises). The interpreter tries this before the generic path.
#[inline(always)]
pub fn mixed_arith(op: BinOp, a: Value, b: Value) -> Option<Value> {
    use BinOp::*;
    if op == Pow {
        // A float power (`d ** -1.5`, `x ** 2` on a float): the one float
        // definition; its errors are raised by the generic path.
        let (x, y) = match (a, b) {
            (Value::Float(x), Value::Float(y)) => (x, y),
            (Value::Float(x), Value::Int(y)) => (x, y as f64),
            (Value::Int(x), Value::Float(y)) => (x as f64, y),
            _ => return None,
        };
        return float_pow_value(x, y).ok().map(Value::Float);
    }
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Float(y)) => (x as f64, y),
        (Value::Float(x), Value::Int(y)) => (x, y as f64),
        // int / int, both exact as floats (as `numeric_op`).
        (Value::Int(x), Value::Int(y))
            if op == TrueDiv && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) =>
        {
            (x as f64, y as f64)
        }
        _ => return None,
    };
    Some(Value::Float(match op {
        Add | IAdd => x + y,
        Sub | ISub => x - y,
        Mul | IMul => x * y,
        TrueDiv if y != 0.0 => x / y,
        _ => return None,
    }))
}

/// `a op b` for an int and a float, in either order, when the int converts
/// to a float exactly (|i| <= 2**53), so that comparing the floats is
/// CPython's exact int/float comparison (NaN compares unordered, as there).
/// None otherwise.
#[inline(always)]
pub fn mixed_compare(op: CmpOp, a: Value, b: Value) -> Option<bool> {
    const EXACT: u64 = 1 << 53;
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() <= EXACT => (x as f64, y),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() <= EXACT => (x, y as f64),
        _ => return None,
    };
    Some(match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
    })
}

/// A numeric operand, widened for mixed arithmetic.
enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

fn to_num(v: Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(i)),
        Value::Bool(b) => Some(Num::I(b as i64)),
        Value::BigInt(b) => Some(Num::B(b.0.clone())),
        Value::Float(f) => Some(Num::F(f)),
        _ => None,
    }
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from(*i),
        Num::B(b) => b.clone(),
        Num::F(_) => unreachable!("big() of a float"),
    }
}

/// An int operand as a BigInt, if it is one.
pub fn as_bigint(v: Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(i)),
        Value::Bool(b) => Some(BigInt::from(b as i64)),
        Value::BigInt(b) => Some(b.0.clone()),
        _ => None,
    }
}

/// Exact int-to-float conversion as CPython does it (correctly rounded).
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    let f = b.to_f64()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

impl Vm {
    fn num_to_f64(&mut self, n: &Num) -> PyResult<f64> {
        match n {
            Num::I(i) => Ok(*i as f64),
            Num::F(f) => Ok(*f),
            Num::B(b) => bigint_to_f64(b).ok_or_else(|| {
                self.new_exception_msg("OverflowError", "int too large to convert to float")
            }),
        }
    }

    pub fn binary_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op.plain() {
                BinOp::BitAnd => return Ok(Value::Bool(x & y)),
                BinOp::BitOr => return Ok(Value::Bool(x | y)),
                BinOp::BitXor => return Ok(Value::Bool(x ^ y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (to_num(a), to_num(b)) {
            let float_involved = matches!(a, Value::Float(_)) || matches!(b, Value::Float(_));
            if float_involved
                && matches!(
                    op.plain(),
                    BinOp::LShift
                        | BinOp::RShift
                        | BinOp::BitAnd
                        | BinOp::BitOr
                        | BinOp::BitXor
                        | BinOp::MatMul
                )
            {
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                return Err(self.type_error(&format!(
                    "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
                    op.symbol()
                )));
            }
            return self.numeric_op(op.plain(), x, y);
        }
        if let Some(v) = self.binary_dunder(op, a, b)? {
            return Ok(v);
        }
        self.binary_op_builtin(op, a, b)
    }

    /// `a op b` where neither operand's special methods gave a result: the
    /// sequence operators, else the TypeError.
    /// `x + y` for two lists: a new list allocated once at its final size.
    pub fn list_concat(&mut self, x: Gc<ListObj>, y: Gc<ListObj>) -> Value {
        let v = {
            let (xs, ys) = (x.items.borrow(), y.items.borrow());
            let mut v = Vec::with_capacity(xs.len() + ys.len());
            v.extend_from_slice(&xs);
            v.extend_from_slice(&ys);
            v
        };
        self.new_list(v)
    }

    pub fn binary_op_builtin(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Value> {
        if let Some(v) = self.sequence_op(op, a, b)? {
            return Ok(v);
        }
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if matches!(op.plain(), BinOp::Add)
            && matches!(
                a,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
            )
        {
            if matches!(a, Value::Bytes(_)) {
                return Err(self.type_error(&format!("can't concat {tb} to {ta}")));
            }
            return Err(
                self.type_error(&format!("can only concatenate {ta} (not \"{tb}\") to {ta}"))
            );
        }
        Err(self.type_error(&format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            op.symbol()
        )))
    }

    fn numeric_op(&mut self, op: BinOp, x: Num, y: Num) -> PyResult<Value> {
        use BinOp::*;
        let is_float = matches!(x, Num::F(_)) || matches!(y, Num::F(_));
        if is_float {
            if matches!(op, LShift | RShift | BitAnd | BitOr | BitXor | MatMul) {
                let tn = |n: &Num| {
                    if matches!(n, Num::F(_)) {
                        "float"
                    } else {
                        "int"
                    }
                };
                return Err(self.type_error(&format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    op.symbol(),
                    tn(&x),
                    tn(&y)
                )));
            }
            if op == TrueDiv {
                if let (Num::B(_), _) | (_, Num::B(_)) = (&x, &y) {
                    // fall through to float conversion below
                }
            }
            let a = self.num_to_f64(&x)?;
            let b = self.num_to_f64(&y)?;
            return self.float_op(op, a, b);
        }
        // Both ints.
        if let (Num::I(a), Num::I(b)) = (&x, &y) {
            let (a, b) = (*a, *b);
            let r = match op {
                Add => a.checked_add(b),
                Sub => a.checked_sub(b),
                Mul => a.checked_mul(b),
                FloorDiv => {
                    if b == 0 {
                        return Err(self.new_exception_msg(
                            "ZeroDivisionError",
                            "integer division or modulo by zero",
                        ));
                    }
                    a.checked_div_euclid(b)
                        .map(|q| {
                            if b < 0 && a.rem_euclid(b) != 0 {
                                q + 1
                            } else {
                                q
                            }
                        })
                        .map(|_| floor_div_i64(a, b))
                }
                Mod => {
                    if b == 0 {
                        return Err(
                            self.new_exception_msg("ZeroDivisionError", "integer modulo by zero")
                        );
                    }
                    a.checked_rem(b).map(|_| mod_i64(a, b))
                }
                BitAnd => Some(a & b),
                BitOr => Some(a | b),
                BitXor => Some(a ^ b),
                RShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    Some(if b >= 64 {
                        if a < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        a >> b
                    })
                }
                LShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    if b < 63 && (a.abs() as u64).leading_zeros() as i64 > b + 1 {
                        Some(a << b)
                    } else {
                        None
                    }
                }
                TrueDiv => {
                    if b == 0 {
                        return Err(self.new_exception_msg("ZeroDivisionError", "division by zero"));
                    }
                    if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
                        return Ok(Value::Float(a as f64 / b as f64));
                    }
                    None
                }
                Pow => {
                    if b < 0 {
                        if a == 0 {
                            return Err(self.new_exception_msg(
                                "ZeroDivisionError",
                                "0.0 cannot be raised to a negative power",
                            ));
                        }
                        return self.float_op(Pow, a as f64, b as f64);
                    }
                    u32::try_from(b).ok().and_then(|e| a.checked_pow(e))
                }
                _ => None,
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
        }
        let (a, b) = (big(&x), big(&y));
        let r = match op {
            Add => a + b,
            Sub => a - b,
            Mul => a * b,
            FloorDiv => {
                if b.is_zero() {
                    return Err(self.new_exception_msg(
                        "ZeroDivisionError",
                        "integer division or modulo by zero",
                    ));
                }
                a.div_floor(&b)
            }
            Mod => {
                if b.is_zero() {
                    return Err(
                        self.new_exception_msg("ZeroDivisionError", "integer modulo by zero")
                    );
                }
                a.mod_floor(&b)
            }
            BitAnd => a & b,
            BitOr => a | b,
            BitXor => a ^ b,
            LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                if a.is_zero() {
                    return Ok(Value::Int(0));
                }
                let Some(s) = b.to_usize().filter(|s| *s < (1 << 32)) else {
                    return Err(
                        self.new_exception_msg("OverflowError", "too many digits in integer")
                    );
                };
                a << s
            }
            RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                match b.to_usize() {
                    Some(s) => floor_shr(&a, s),
                    None => {
                        if a.is_negative() {
                            BigInt::from(-1)
                        } else {
                            BigInt::zero()
                        }
                    }
                }
            }
            TrueDiv => {
                if b.is_zero() {
                    return Err(self.new_exception_msg("ZeroDivisionError", "division by zero"));
                }
                return match big_true_div(&a, &b) {
                    Some(f) => Ok(Value::Float(f)),
                    None => Err(self.new_exception_msg(
                        "OverflowError",
                        "integer division result too large for a float",
                    )),
                };
            }
            Pow => {
                if b.is_negative() {
                    if a.is_zero() {
                        return Err(self.new_exception_msg(
                            "ZeroDivisionError",
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    let af = self.num_to_f64(&Num::B(a))?;
                    let bf = self.num_to_f64(&Num::B(b))?;
                    return self.float_op(Pow, af, bf);
                }
                if a.is_one() || a.is_zero() {
                    if b.is_zero() {
                        BigInt::one()
                    } else {
                        a
                    }
                } else if a == BigInt::from(-1) {
                    if b.is_even() {
                        BigInt::one()
                    } else {
                        a
                    }
                } else {
                    let Some(e) = b.to_u32() else {
                        return Err(self.new_exception_msg("MemoryError", ""));
                    };
                    if (a.bits() as u128) * (e as u128) > (1u128 << 34) {
                        return Err(self.new_exception_msg("MemoryError", ""));
                    }
                    num_traits::pow::Pow::pow(&a, e)
                }
            }
            MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
            _ => unreachable!("in-place operators were mapped to plain ones"),
        };
        Ok(self.int_from_big(r))
    }

    pub fn float_op(&mut self, op: BinOp, a: f64, b: f64) -> PyResult<Value> {
        use BinOp::*;
        let r = match op {
            Add => a + b,
            Sub => a - b,
            Mul => a * b,
            TrueDiv => {
                if b == 0.0 {
                    return Err(
                        self.new_exception_msg("ZeroDivisionError", "float division by zero")
                    );
                }
                a / b
            }
            FloorDiv => {
                if b == 0.0 {
                    return Err(
                        self.new_exception_msg("ZeroDivisionError", "float floor division by zero")
                    );
                }
                float_divmod(a, b).0
            }
            Mod => {
                if b == 0.0 {
                    return Err(self.new_exception_msg("ZeroDivisionError", "float modulo"));
                }
                float_divmod(a, b).1
            }
            Pow => return self.float_pow(a, b),
            _ => unreachable!("float_op on a non-float operator"),
        };
        Ok(Value::Float(r))
    }

    fn float_pow(&mut self, a: f64, b: f64) -> PyResult<Value> {
        match float_pow_value(a, b) {
            Ok(r) => Ok(Value::Float(r)),
            Err(FloatPowError::ZeroToNegative) => Err(self.new_exception_msg(
                "ZeroDivisionError",
                "0.0 cannot be raised to a negative power",
            )),
            Err(FloatPowError::NegativeToFraction) => Err(self.new_exception_msg(
                "ValueError",
                "unsupported: a negative number raised to a fractional power is a complex number",
            )),
            Err(FloatPowError::Overflow) => {
                Err(self
                    .new_exception_msg("OverflowError", "(34, 'Numerical result out of range')"))
            }
        }
    }

    /// `divmod(a, b)` for numbers.
    pub fn divmod(&mut self, a: Value, b: Value) -> PyResult<Value> {
        match (to_num(a), to_num(b)) {
            (Some(x), Some(y)) => {
                if matches!(x, Num::F(_)) || matches!(y, Num::F(_)) {
                    let (fa, fb) = (self.num_to_f64(&x)?, self.num_to_f64(&y)?);
                    if fb == 0.0 {
                        return Err(self.new_exception_msg("ZeroDivisionError", "float divmod()"));
                    }
                    let (q, r) = float_divmod(fa, fb);
                    Ok(self.new_tuple(vec![Value::Float(q), Value::Float(r)]))
                } else {
                    let (ba, bb) = (big(&x), big(&y));
                    if bb.is_zero() {
                        return Err(self.new_exception_msg(
                            "ZeroDivisionError",
                            "integer division or modulo by zero",
                        ));
                    }
                    let (q, r) = ba.div_mod_floor(&bb);
                    let (q, r) = (self.int_from_big(q), self.int_from_big(r));
                    Ok(self.new_tuple(vec![q, r]))
                }
            }
            _ => {
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(&format!(
                    "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
                )))
            }
        }
    }

    /// `+`, `*` and in-place forms on sequences, and set/dict operators.
    /// `a + b` on two strs (`x`, `y` are their objects).
    #[inline]
    pub fn str_add(&mut self, a: Value, x: Gc<StrObj>, b: Value, y: Gc<StrObj>) -> Value {
        if y.as_str().is_empty() {
            return a;
        }
        if x.as_str().is_empty() {
            return b;
        }
        // Both non-empty: at least two characters, never a shared one.
        Value::Str(self.heap.alloc(StrObj::concat(&x, &y)))
    }

    fn sequence_op(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        use BinOp::*;
        // Built-in values have in-place forms of +, *, |, &, ^ and - only
        // (list +=, set |=, ...); the others act as the plain operator.
        let op = match op {
            ITrueDiv | IFloorDiv | IMod | IPow | ILShift | IRShift | IMatMul => op.plain(),
            o => o,
        };
        Ok(Some(match (op, a, b) {
            (Add | IAdd, Value::Str(x), Value::Str(y)) => self.str_add(a, x, b, y),
            // Concatenations allocate the result once, at its final size
            // (clone-then-extend reallocated it).
            (Add | IAdd, Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = Vec::with_capacity(x.b.len() + y.b.len());
                v.extend_from_slice(&x.b);
                v.extend_from_slice(&y.b);
                self.new_bytes(v)
            }
            (Add, Value::List(x), Value::List(y)) => self.list_concat(x, y),
            (IAdd, Value::List(x), other) => {
                self.list_extend(Value::List(x), other)?;
                a
            }
            (Add | IAdd, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = Vec::with_capacity(x.items.len() + y.items.len());
                v.extend_from_slice(&x.items);
                v.extend_from_slice(&y.items);
                self.new_tuple(v)
            }
            (Mul | IMul, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), n)
                if is_int(n) =>
            {
                return self.repeat(op, a, n).map(Some)
            }
            (Mul | IMul, n, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
                if is_int(n) =>
            {
                return self.repeat(Mul, b, n).map(Some)
            }
            (
                Mul | IMul,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
                other,
            )
            | (
                Mul | IMul,
                other,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
            ) => {
                let tn = self.type_name(other);
                if matches!(
                    other,
                    Value::Float(_)
                        | Value::Str(_)
                        | Value::List(_)
                        | Value::Tuple(_)
                        | Value::None
                        | Value::Dict(_)
                ) {
                    return Err(self.type_error(&format!(
                        "can't multiply sequence by non-int of type '{tn}'"
                    )));
                }
                return Ok(None);
            }
            (Mod, Value::Str(s), args) => {
                let r = crate::builtins::strfmt::percent_format_obj(self, s, args)?;
                self.new_str(r)
            }
            (
                BitOr | BitAnd | Sub | BitXor | IOr | IAnd | ISub | IXor,
                Value::Set(_) | Value::FrozenSet(_),
                Value::Set(_) | Value::FrozenSet(_),
            ) => {
                return crate::builtins::set_ops::set_operator(self, op, a, b).map(Some);
            }
            // keys() and items() views are set-like: the result is a set.
            (BitOr | BitAnd | Sub | BitXor, x, y)
                if (is_setlike_view(x)
                    && (is_setlike_view(y)
                        || matches!(y, Value::Set(_) | Value::FrozenSet(_))))
                    || (is_setlike_view(y) && matches!(x, Value::Set(_) | Value::FrozenSet(_))) =>
            {
                let to_set = |vm: &mut Vm, v: Value| -> PyResult<Value> {
                    if is_setlike_view(v) {
                        let items = vm.collect_iterable(v)?;
                        crate::builtins::set_ops::new_set_from(vm, &items, false)
                    } else {
                        Ok(v)
                    }
                };
                let sa = to_set(self, x)?;
                self.temp_roots.push(sa);
                let sb = to_set(self, y);
                let r = sb.and_then(|sb| {
                    // The result is a set even when the other operand is a frozenset.
                    let sa = match sa {
                        Value::FrozenSet(s) => Value::Set(s),
                        v => v,
                    };
                    crate::builtins::set_ops::set_operator(self, op, sa, sb)
                });
                self.temp_roots.pop();
                return r.map(Some);
            }
            (BitOr, Value::Dict(x), Value::Dict(y)) => {
                let t = x.table.borrow().clone();
                let d = Value::Dict(self.new_dict_obj(t));
                self.dict_update(d, Value::Dict(y))?;
                d
            }
            (IOr, Value::Dict(_), Value::Dict(_)) => {
                self.dict_update(a, b)?;
                a
            }
            // `d |= pairs` takes what `d.update(pairs)` takes (and raises
            // as it does, with no reflected method tried).
            (IOr, Value::Dict(d), _) => {
                crate::builtins::methods::methods_dict::merge_from(self, d, b)?;
                a
            }
            _ => return Ok(None),
        }))
    }

    fn repeat(&mut self, op: BinOp, seq: Value, n: Value) -> PyResult<Value> {
        let n = match n {
            Value::Int(i) => i,
            Value::Bool(b) => b as i64,
            _ => {
                return Err(self.new_exception_msg(
                    "OverflowError",
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
        };
        let n = n.max(0) as usize;
        let len = match seq {
            Value::Str(s) => s.as_str().len(),
            Value::Bytes(b) => b.b.len(),
            Value::List(l) => l.items.borrow().len() * 16,
            Value::Tuple(t) => t.items.len() * 16,
            _ => 0,
        };
        if len.saturating_mul(n) > (1 << 34) {
            return Err(self.new_exception_msg("MemoryError", ""));
        }
        Ok(match seq {
            Value::Str(s) => self.new_str(s.as_str().repeat(n)),
            Value::Bytes(b) => self.new_bytes(b.b.repeat(n)),
            Value::List(l) => {
                let items = l.items.borrow().repeat(n);
                if op == BinOp::IMul {
                    *l.items.borrow_mut() = items;
                    seq
                } else {
                    self.new_list(items)
                }
            }
            Value::Tuple(t) => {
                let items = t.items.repeat(n);
                self.new_tuple(items)
            }
            _ => unreachable!("repeat of a non-sequence"),
        })
    }

    pub fn unary_neg(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => self.int_from_big(-BigInt::from(i)),
            }),
            Value::Bool(b) => Ok(Value::Int(-(b as i64))),
            Value::Float(f) => Ok(Value::Float(-f)),
            Value::BigInt(b) => {
                let n = -b.0.clone();
                Ok(self.int_from_big(n))
            }
            _ => {
                if let Some(r) = self.unary_dunder("__neg__", v)? {
                    return Ok(r);
                }
                let tn = self.type_name(v);
                Err(self.type_error(&format!("bad operand type for unary -: '{tn}'")))
            }
        }
    }

    pub fn unary_pos(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::Float(_) | Value::BigInt(_) => Ok(v),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            _ => {
                if let Some(r) = self.unary_dunder("__pos__", v)? {
                    return Ok(r);
                }
                let tn = self.type_name(v);
                Err(self.type_error(&format!("bad operand type for unary +: '{tn}'")))
            }
        }
    }

    pub fn unary_invert(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(b as i64))),
            Value::BigInt(b) => {
                let n = -b.0.clone() - 1;
                Ok(self.int_from_big(n))
            }
            _ => {
                if let Some(r) = self.unary_dunder("__invert__", v)? {
                    return Ok(r);
                }
                let tn = self.type_name(v);
                Err(self.type_error(&format!("bad operand type for unary ~: '{tn}'")))
            }
        }
    }

    // ------------------------------------------------------------ comparison

    pub fn compare_op(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Value> {
        if let Some(r) = self.compare_dunder(op, a, b)? {
            return Ok(r);
        }
        match op {
            CmpOp::Eq => return Ok(Value::Bool(self.eq(a, b)?)),
            CmpOp::Ne => return Ok(Value::Bool(!self.eq(a, b)?)),
            _ => {}
        }
        // Sequences compare their first differing items with the same
        // operator, so errors name the items' types, as in CPython.
        let seqs = match (a, b) {
            (Value::List(x), Value::List(y)) => {
                Some((x.items.borrow().clone(), y.items.borrow().clone()))
            }
            (Value::Tuple(x), Value::Tuple(y)) => Some((x.items.to_vec(), y.items.to_vec())),
            _ => None,
        };
        if let Some((xs, ys)) = seqs {
            for (x, y) in xs.iter().zip(ys.iter()) {
                if !x.is(y) && !self.eq(*x, *y)? {
                    return self.compare_op(op, *x, *y);
                }
            }
            return Ok(Value::Bool(op.from_ordering(xs.len().cmp(&ys.len()))));
        }
        match self.ordering(a, b)? {
            Some(Some(o)) => Ok(Value::Bool(op.from_ordering(o))),
            // Unordered (a NaN is involved): every ordering comparison is False.
            Some(None) => Ok(Value::Bool(false)),
            None => {
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(&format!(
                    "'{}' not supported between instances of '{ta}' and '{tb}'",
                    op.symbol()
                )))
            }
        }
    }

    /// `a < b` as a bool (for sorting and min/max).
    pub fn less_than(&mut self, a: Value, b: Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            _ => {
                let v = self.compare_op(CmpOp::Lt, a, b)?;
                self.truthy(v)
            }
        }
    }

    /// The ordering of two values: None = not orderable (TypeError for the
    /// caller), Some(None) = unordered (NaN).
    fn ordering(&mut self, a: Value, b: Value) -> PyResult<Option<Option<std::cmp::Ordering>>> {
        if let (Some(x), Some(y)) = (to_num(a), to_num(b)) {
            return Ok(Some(num_cmp(&x, &y)));
        }
        Ok(Some(Some(match (a, b) {
            (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
            (Value::Bytes(x), Value::Bytes(y)) => x.b.cmp(&y.b),
            (Value::List(x), Value::List(y)) => {
                let (xs, ys) = (x.items.borrow().clone(), y.items.borrow().clone());
                return self.seq_ordering(&xs, &ys);
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                return self.seq_ordering(&x.items.clone(), &y.items.clone())
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                return crate::builtins::set_ops::set_ordering(self, a, b);
            }
            _ => return Ok(None),
        })))
    }

    fn seq_ordering(
        &mut self,
        xs: &[Value],
        ys: &[Value],
    ) -> PyResult<Option<Option<std::cmp::Ordering>>> {
        for (x, y) in xs.iter().zip(ys.iter()) {
            if !self.eq(*x, *y)? {
                return self.ordering(*x, *y);
            }
        }
        Ok(Some(Some(xs.len().cmp(&ys.len()))))
    }

    /// `a == b`.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (to_num(a), to_num(b)) {
            return Ok(num_cmp(&x, &y) == Some(std::cmp::Ordering::Equal));
        }
        Ok(match (a, b) {
            (Value::Str(x), Value::Str(y)) => x == y || x.as_str() == y.as_str(),
            (Value::None, Value::None) => true,
            (Value::Bytes(x), Value::Bytes(y)) => x.b == y.b,
            (Value::List(x), Value::List(y)) => {
                if x == y {
                    return Ok(true);
                }
                let (xs, ys) = (x.items.borrow().clone(), y.items.borrow().clone());
                self.seq_eq(&xs, &ys)?
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                x == y || self.seq_eq(&x.items.clone(), &y.items.clone())?
            }
            (Value::Dict(x), Value::Dict(y)) => {
                x == y || crate::builtins::dict_ops::dict_eq(self, x, y)?
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                crate::builtins::set_ops::set_eq(self, a, b)?
            }
            (Value::DictView(v), other) | (other, Value::DictView(v))
                if v.kind != DictViewKind::Values =>
            {
                self.view_eq(Value::DictView(v), other)?
            }
            (Value::Range(x), Value::Range(y)) => x == y || x.same_values(&y),
            (Value::Slice(x), Value::Slice(y)) => {
                self.seq_eq(&[x.start, x.stop, x.step], &[y.start, y.stop, y.step])?
            }
            (Value::Instance(_), _) | (_, Value::Instance(_)) => {
                match self.compare_dunder(CmpOp::Eq, a, b)? {
                    Some(r) => self.truthy(r)?,
                    None => a.is(&b),
                }
            }
            _ => a.is(&b),
        })
    }

    /// keys()/items() views compare like sets with sets and other such views.
    fn view_eq(&mut self, view: Value, other: Value) -> PyResult<bool> {
        let setlike = matches!(other, Value::Set(_) | Value::FrozenSet(_))
            || matches!(other, Value::DictView(o) if o.kind != DictViewKind::Values);
        if !setlike {
            return Ok(false);
        }
        let mine = self.collect_iterable(view)?;
        let theirs_len = match other {
            Value::DictView(o) => o.dict.table.borrow().len(),
            Value::Set(s) | Value::FrozenSet(s) => s.table.borrow().len(),
            _ => 0,
        };
        if mine.len() != theirs_len {
            return Ok(false);
        }
        for x in mine {
            if !self.contains(other, x)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn seq_eq(&mut self, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        if xs.len() != ys.len() {
            return Ok(false);
        }
        for (x, y) in xs.iter().zip(ys.iter()) {
            // Identity implies equality for containers (as in CPython).
            if !x.is(y) && !self.eq(*x, *y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Truth value testing.
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        Ok(match v {
            Value::Bool(b) => b,
            Value::None | Value::Undefined => false,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.b.is_empty(),
            Value::List(l) => !l.items.borrow().is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => !d.table.borrow().is_empty(),
            Value::Set(s) | Value::FrozenSet(s) => !s.table.borrow().is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::DictView(d) => !d.dict.table.borrow().is_empty(),
            Value::Instance(_) => self.instance_truthy(v)?.unwrap_or(true),
            _ => true,
        })
    }

    /// `hash(v)`, CPython-compatible for the built-in types.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        Ok(match v {
            Value::Int(i) => hash::hash_i64(i),
            Value::Bool(b) => b as i64,
            Value::Float(f) => hash::hash_f64(f),
            Value::BigInt(b) => hash::hash_bigint(&b.0),
            Value::Str(s) => {
                let h = s.hash.get();
                if h != -1 {
                    h
                } else {
                    let h = hash::hash_str(s.as_str());
                    s.hash.set(h);
                    h
                }
            }
            Value::Bytes(b) => {
                let h = b.hash.get();
                if h != -1 {
                    h
                } else {
                    let h = hash::hash_bytes(&b.b);
                    b.hash.set(h);
                    h
                }
            }
            Value::Tuple(t) => {
                if let Some(h) = t.hash.get() {
                    return Ok(h);
                }
                let mut hs = Vec::with_capacity(t.items.len());
                for x in t.items.iter() {
                    hs.push(self.hash(*x)?);
                }
                let h = hash::hash_tuple(&hs);
                t.hash.set(Some(h));
                h
            }
            Value::FrozenSet(s) => {
                if let Some(h) = s.hash.get() {
                    return Ok(h);
                }
                let hs: Vec<i64> = s.table.borrow().entries().map(|(h, _)| h).collect();
                let h = hash::hash_frozenset(&hs);
                s.hash.set(Some(h));
                h
            }
            Value::None => 0x5f5e_1000,
            Value::Range(r) => {
                // CPython's range_hash: hash((len, start, step)), with None for
                // what cannot matter, so equal ranges hash equal.
                let (start, _, step) = r.parts();
                let len = r.len_big();
                let h = |b: &BigInt| {
                    b.to_i64()
                        .map_or_else(|| hash::hash_bigint(b), hash::hash_i64)
                };
                let none = self.hash(Value::None)?;
                let hs = if len.is_zero() {
                    [h(&len), none, none]
                } else if len.is_one() {
                    [h(&len), h(&start), none]
                } else {
                    [h(&len), h(&start), h(&step)]
                };
                hash::hash_tuple(&hs)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                let tn = self.type_name(v);
                return Err(self.type_error(&format!("unhashable type: '{tn}'")));
            }
            other => {
                if let Some(h) = self.instance_hash(other)? {
                    return Ok(h);
                }
                // Identity hash, as CPython's object.__hash__ (address >> 4).
                let a = other.heap_addr().unwrap_or(0) as i64;
                (a >> 4) | ((a & 0xf) << 60)
            }
        })
    }
}

fn is_setlike_view(v: Value) -> bool {
    matches!(v, Value::DictView(d) if d.kind != DictViewKind::Values)
}

fn is_int(v: Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

pub fn floor_div_i64(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

pub fn mod_i64(a: i64, b: i64) -> i64 {
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

fn floor_shr(a: &BigInt, s: usize) -> BigInt {
    // Python's >> floors for negative numbers; BigInt's >> already rounds toward
    // negative infinity for negative values.
    a >> s
}

/// CPython's float divmod (floatobject.c float_divmod).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// Correctly rounded int / int for big operands.
fn big_true_div(a: &BigInt, b: &BigInt) -> Option<f64> {
    if let (Some(x), Some(y)) = (a.to_f64(), b.to_f64()) {
        if x.is_finite()
            && y.is_finite()
            && x.abs() < 9.007_199_254_740_992e15
            && y.abs() < 9.007_199_254_740_992e15
        {
            return Some(x / y);
        }
    }
    // Scale so the quotient has 64+ significant bits, then round once.
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    let shift = (b.bits() as i64) - (a.bits() as i64) + 66;
    let (n, d) = if shift >= 0 {
        (a << shift as usize, b)
    } else {
        (a, b << (-shift) as usize)
    };
    let (q, r) = n.div_rem(&d);
    let mut q = q;
    if !r.is_zero() {
        q = (q << 1usize) | BigInt::one();
    } else {
        q <<= 1usize;
    }
    let f = q.to_f64()?;
    let exp = -(shift as i32) - 1;
    let v = f
        * 2f64.powi(exp.clamp(-1074, 1023))
        * if exp < -1074 {
            2f64.powi(exp + 1074)
        } else if exp > 1023 {
            2f64.powi(exp - 1023)
        } else {
            1.0
        };
    if v.is_infinite() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// Compare two numbers exactly (ints against floats without rounding).
fn num_cmp(x: &Num, y: &Num) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (x, y) {
        (Num::I(a), Num::I(b)) => Some(a.cmp(b)),
        (Num::F(a), Num::F(b)) => a.partial_cmp(b),
        (Num::F(a), other) => num_cmp(other, &Num::F(*a)).map(Ordering::reverse),
        (i, Num::F(f)) => {
            if f.is_nan() {
                return None;
            }
            if f.is_infinite() {
                return Some(if *f > 0.0 {
                    Ordering::Less
                } else {
                    Ordering::Greater
                });
            }
            if let Num::I(a) = i {
                if a.unsigned_abs() < (1 << 53) {
                    return (*a as f64).partial_cmp(f);
                }
            }
            let ib = big(i);
            let fl = f.floor();
            let fb = BigInt::from(fl as i128).max(BigInt::from(i128::MIN));
            let fb = if fl.abs() < 1.7e38 {
                fb
            } else {
                float_to_bigint(fl)
            };
            match ib.cmp(&fb) {
                Ordering::Equal => {
                    if fl == *f {
                        Some(Ordering::Equal)
                    } else {
                        Some(Ordering::Less)
                    }
                }
                o => Some(o),
            }
        }
        (a, b) => Some(big(a).cmp(&big(b))),
    }
}

/// An integral finite float as an exact BigInt.
pub fn float_to_bigint(f: f64) -> BigInt {
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = if exp == 0 {
        (bits & 0xf_ffff_ffff_ffff) << 1
    } else {
        (bits & 0xf_ffff_ffff_ffff) | (1 << 52)
    };
    let e = exp - 1075;
    let m = BigInt::from(mant);
    let v = if e >= 0 {
        m << e as usize
    } else {
        m >> (-e) as usize
    };
    if sign < 0 {
        -v
    } else {
        v
    }
}
