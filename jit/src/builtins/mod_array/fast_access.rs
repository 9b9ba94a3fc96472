//! `a[i]` and `a[i] = x` on a plain `array.array` with an int index, for
//! compiled code (`jit/lean.rs`): the common case without the special
//! method lookup and native call the interpreter's `getitem` makes, and
//! without stepping the instruction in the interpreter (which steps every
//! instance, since an instance's `__getitem__` may be Python code).
//!
//! Only an instance of `array.array` itself (not a subclass, whose class may
//! define its own `__getitem__`), an index in range, and for a store an int
//! in the typecode's range or a float for 'd'/'f': everything else, errors
//! included, is `None`, and the caller goes the interpreter's way
//! (`Vm::getitem`, `Vm::setitem`), which raises what CPython raises.

use crate::runtime::value::Value;

use super::instance::ArrayData;
use super::store::Num;

/// `f` of the array data of `v` when it is a plain `array.array` (see the
/// module comment).
#[inline]
fn on_plain_array<R>(v: Value, f: impl FnOnce(&ArrayData) -> Option<R>) -> Option<R> {
    let Value::Instance(i) = v else { return None };
    let d = i.native::<ArrayData>()?;
    if i.class != d.base {
        return None;
    }
    f(d)
}

/// True when `v` is a plain `array.array`: its subscripts are native code
/// (`sequence.rs`), which runs no Python code and pushes no frame.
pub fn is_plain_array(v: Value) -> bool {
    on_plain_array(v, |_| Some(())).is_some()
}

/// `j` as a position in `0..len` (a negative index counts from the end).
#[inline]
fn position(len: usize, i: i64) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i.checked_add(n)? } else { i };
    (0..n).contains(&j).then_some(j as usize)
}

/// `a[i]` when `a` is a plain array, `i` in range and the item an int that
/// fits i64 or a float.
pub fn load_item(a: Value, i: i64) -> Option<Value> {
    on_plain_array(a, |d| {
        let s = d.st.try_borrow().ok()?;
        match s.get(position(s.len(), i)?) {
            Num::I(x) => Some(Value::Int(i64::try_from(x).ok()?)),
            Num::F(f) => Some(Value::Float(f)),
        }
    })
}

/// `a[i] = v` when `a` is a plain array, `i` in range and `v` an int the
/// typecode holds or a float for 'd'/'f' (what `arr_setitem` stores without
/// a conversion). False when nothing was stored.
pub fn store_item(a: Value, i: i64, v: Value) -> bool {
    on_plain_array(a, |d| {
        let n = match (v, d.code) {
            (Value::Int(x), b'f' | b'd') => Num::F(x as f64),
            (Value::Int(x), code) if int_fits(code, x) => Num::I(x as i128),
            (Value::Float(f), b'f' | b'd') => Num::F(f),
            _ => return None,
        };
        let mut s = d.st.try_borrow_mut().ok()?;
        let j = position(s.len(), i)?;
        s.set(j, n);
        Some(())
    })
    .is_some()
}

/// Whether an int typecode's item holds `x` (`convert::check_int` raises
/// OverflowError otherwise).
fn int_fits(code: u8, x: i64) -> bool {
    match code {
        b'b' => i8::try_from(x).is_ok(),
        b'B' => u8::try_from(x).is_ok(),
        b'h' => i16::try_from(x).is_ok(),
        b'H' => u16::try_from(x).is_ok(),
        b'i' => i32::try_from(x).is_ok(),
        b'I' => u32::try_from(x).is_ok(),
        b'l' | b'q' => true,
        b'L' | b'Q' => x >= 0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_from_the_end() {
        assert_eq!(position(3, 0), Some(0));
        assert_eq!(position(3, -1), Some(2));
        assert_eq!(position(3, 3), None);
        assert_eq!(position(3, -4), None);
        assert_eq!(position(0, 0), None);
        assert_eq!(position(3, i64::MIN), None);
    }

    #[test]
    fn int_ranges_follow_the_typecode() {
        assert!(int_fits(b'B', 255) && !int_fits(b'B', 256) && !int_fits(b'B', -1));
        assert!(int_fits(b'b', -128) && !int_fits(b'b', 128));
        assert!(int_fits(b'l', i64::MIN) && int_fits(b'q', i64::MAX));
        assert!(int_fits(b'L', 0) && !int_fits(b'Q', -1));
        assert!(!int_fits(b'd', 1) && !int_fits(b'u', 1));
    }
}
