//! Slicing without a slice object: `seq[a:b:c]` and `seq[a:b] = v` run
//! straight from the three bound registers when the slice is only the key of
//! the next instruction.
//!
//! Why: the compiler builds `a[i:j]`'s key with `BuildSlice`, then indexes
//! with it. Allocating that slice object (and collecting it later) cost about
//! as much as copying a short list. When the compiler knows the slice is read
//! by the subscript alone it says so by building it in place (`dst == start`,
//! front/compiler.rs `subscript_key`); the interpreter then does the
//! subscript on the bounds and skips it. Nothing can observe the missing
//! object: the cases done here (lists and tuples, int or None bounds) run no
//! Python code and raise nothing. Everything else takes the ordinary path.

use crate::interp::protocol::slice_take;
use crate::interp::vm::Vm;
use crate::runtime::value::Value;

/// `slice(lo, hi, step).indices(len)` for int or None bounds and a non-zero
/// step; None for anything else (the ordinary path raises or converts).
fn int_indices(lo: Value, hi: Value, step: Value, len: usize) -> Option<(i64, i64, i64)> {
    let step = match step {
        Value::None => 1,
        Value::Int(0) => return None,
        Value::Int(s) => s,
        _ => return None,
    };
    let n = len as i64;
    let (min, max) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let fix = |v: i64| {
        if v < 0 {
            v.saturating_add(n).max(min)
        } else {
            v.min(max)
        }
    };
    let start = match lo {
        Value::None => {
            if step < 0 {
                max
            } else {
                min
            }
        }
        Value::Int(i) => fix(i),
        _ => return None,
    };
    let stop = match hi {
        Value::None => {
            if step < 0 {
                min
            } else {
                max
            }
        }
        Value::Int(i) => fix(i),
        _ => return None,
    };
    Some((start, stop, step))
}

impl Vm {
    /// `obj[lo:hi:step]` for a list or tuple and int/None bounds; None when
    /// the ordinary path must run (nothing was done).
    pub(crate) fn slice_load_fast(
        &mut self,
        obj: Value,
        lo: Value,
        hi: Value,
        step: Value,
    ) -> Option<Value> {
        match obj {
            Value::List(l) => {
                let items = slice_take_of(&l.items.borrow(), lo, hi, step)?;
                Some(self.new_list(items))
            }
            Value::Tuple(t) => {
                let items = slice_take_of(&t.items, lo, hi, step)?;
                Some(self.new_tuple(items))
            }
            _ => None,
        }
    }

    /// `obj[lo:hi] = v` for a list, a step of 1 (or None), int/None bounds
    /// and another list or a tuple as the value; false when the ordinary path
    /// must run (nothing was done). As `setitem`'s own fast path.
    pub(crate) fn slice_store_fast(
        &mut self,
        obj: Value,
        lo: Value,
        hi: Value,
        step: Value,
        v: Value,
    ) -> bool {
        let Value::List(l) = obj else { return false };
        if v.is(&obj) {
            return false;
        }
        let len = l.items.borrow().len();
        let Some((start, stop, 1)) = int_indices(lo, hi, step, len) else {
            return false;
        };
        let (start, stop) = (start as usize, stop.max(start) as usize);
        match v {
            Value::List(m) => {
                let mut items = l.items.borrow_mut();
                let src = m.items.borrow();
                if src.len() == stop - start {
                    items[start..stop].copy_from_slice(&src);
                } else {
                    items.splice(start..stop, src.iter().copied());
                }
            }
            Value::Tuple(t) => {
                l.items
                    .borrow_mut()
                    .splice(start..stop, t.items.iter().copied());
            }
            _ => return false,
        }
        true
    }
}

fn slice_take_of(items: &[Value], lo: Value, hi: Value, step: Value) -> Option<Vec<Value>> {
    let (start, stop, step) = int_indices(lo, hi, step, items.len())?;
    Some(slice_take(items, start, stop, step))
}
