//! Converting Python values to array items, with the checks and messages
//! of the C setitem functions, and the index, size and slice arguments.

use num_traits::ToPrimitive;

use crate::builtins::functions::index_int;
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::store::Num;

pub(super) fn overflow(vm: &mut Vm, msg: &str) -> PyExc {
    vm.new_exception_msg("OverflowError", msg)
}

/// Convert a value for storing in an array of typecode `code`, with the
/// checks and messages of the C setitem functions. May run Python code.
pub(super) fn convert(vm: &mut Vm, code: u8, v: Value) -> PyResult<Num> {
    if code == b'f' || code == b'd' {
        return match v {
            Value::Float(f) => Ok(Num::F(f)),
            Value::Int(i) => Ok(Num::F(i as f64)),
            _ => crate::builtins::mod_math::to_f64(vm, v).map(Num::F),
        };
    }
    let x: i128 = match v {
        Value::Int(i) => i as i128,
        Value::Bool(b) => b as i128,
        _ => match index_int(vm, v)? {
            Value::Int(i) => i as i128,
            Value::BigInt(b) => {
                b.0.to_i128()
                    .unwrap_or(if b.0.sign() == num_bigint::Sign::Minus {
                        i128::MIN
                    } else {
                        i128::MAX
                    })
            }
            _ => 0,
        },
    };
    check_int(vm, code, x)
}

#[inline]
pub(super) fn check_int(vm: &mut Vm, code: u8, x: i128) -> PyResult<Num> {
    const LONG: &str = "Python int too large to convert to C long";
    const ULONG: &str = "Python int too large to convert to C unsigned long";
    let fits_long = x >= i64::MIN as i128 && x <= i64::MAX as i128;
    let in_range = |lo: i128, hi: i128| x >= lo && x <= hi;
    let msg: &str = match code {
        b'b' => {
            if !fits_long {
                LONG
            } else if x < i16::MIN as i128 {
                "signed short integer is less than minimum"
            } else if x > i16::MAX as i128 {
                "signed short integer is greater than maximum"
            } else if x < -128 {
                "signed char is less than minimum"
            } else if x > 127 {
                "signed char is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'B' => {
            if !fits_long {
                LONG
            } else if x < 0 {
                "unsigned byte integer is less than minimum"
            } else if x > 255 {
                "unsigned byte integer is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'h' => {
            if !fits_long {
                LONG
            } else if x < i16::MIN as i128 {
                "signed short integer is less than minimum"
            } else if x > i16::MAX as i128 {
                "signed short integer is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'H' => {
            if !fits_long {
                LONG
            } else if x < i32::MIN as i128 {
                "signed integer is less than minimum"
            } else if x > i32::MAX as i128 {
                "signed integer is greater than maximum"
            } else if x < 0 {
                "unsigned short is less than minimum"
            } else if x > u16::MAX as i128 {
                "unsigned short is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'i' => {
            if !fits_long {
                LONG
            } else if x < i32::MIN as i128 {
                "signed integer is less than minimum"
            } else if x > i32::MAX as i128 {
                "signed integer is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'l' => {
            if !fits_long {
                LONG
            } else {
                return Ok(Num::I(x));
            }
        }
        b'q' => {
            if !fits_long {
                "int too big to convert"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'I' => {
            if x < 0 {
                "can't convert negative value to unsigned int"
            } else if x > u64::MAX as i128 {
                ULONG
            } else if x > u32::MAX as i128 {
                "unsigned int is greater than maximum"
            } else {
                return Ok(Num::I(x));
            }
        }
        b'L' => {
            if x < 0 {
                "can't convert negative value to unsigned int"
            } else if x > u64::MAX as i128 {
                ULONG
            } else {
                return Ok(Num::I(x));
            }
        }
        _ => {
            // 'Q'
            if x < 0 {
                "can't convert negative int to unsigned"
            } else if !in_range(0, u64::MAX as i128) {
                "int too big to convert"
            } else {
                return Ok(Num::I(x));
            }
        }
    };
    Err(overflow(vm, msg))
}

/// Whether a value can serve as an index (`PyIndex_Check`).
pub(super) fn has_index(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
        Value::Instance(i) => {
            let n = vm.intern_static("__index__");
            vm.lookup_special(i.class, n).is_some()
        }
        _ => false,
    }
}

/// `PyNumber_AsSsize_t(v, PyExc_IndexError)` for a value with `__index__`.
pub(super) fn index_for_item(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let r = match v {
        Value::Int(i) => return Ok(i),
        Value::Bool(b) => return Ok(b as i64),
        _ => index_int(vm, v)?,
    };
    match r {
        Value::Int(i) => Ok(i),
        _ => {
            Err(vm.new_exception_msg("IndexError", "cannot fit 'int' into an index-sized integer"))
        }
    }
}

/// An `n` argument (PyArg "n"): `__index__`, OverflowError when too big.
pub(super) fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match index_int(vm, v)? {
        Value::Int(i) => Ok(i),
        _ => Err(overflow(vm, "Python int too large to convert to C ssize_t")),
    }
}

/// Slice bounds as CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`:
/// (start, stop, step, slicelength).
pub(super) fn slice_of(vm: &mut Vm, s: &SliceObj, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let (start, stop, step) = vm.slice_indices(s, len)?;
    let n = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if stop < start {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, stop, step, n as usize))
}

pub(super) fn positions(start: i64, step: i64, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |k| (start + k as i64 * step) as usize)
}
