//! [`ArrayData`], what an `array.array` instance carries, and the
//! helpers that make instances, find them behind `self` and read their
//! items as values.

use std::cell::RefCell;

use num_bigint::BigInt;

use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::store::{Num, Store};

/// What an `array.array` instance carries.
pub struct ArrayData {
    pub(super) code: u8,
    /// `array.array` itself (slices and sums of subclass instances are plain arrays).
    pub(super) base: Gc<TypeObj>,
    pub(super) st: RefCell<Store>,
}

impl NativeData for ArrayData {
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.base);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn extra_bytes(&self) -> usize {
        self.st
            .try_borrow()
            .map(|s| s.len() * s.itemsize())
            .unwrap_or(0)
    }
}

pub(super) fn new_array(
    vm: &mut Vm,
    class: Gc<TypeObj>,
    base: Gc<TypeObj>,
    code: u8,
    st: Store,
) -> Value {
    let data = ArrayData {
        code,
        base,
        st: RefCell::new(st),
    };
    Value::Instance(vm.heap.alloc(InstanceObj::with_ext(
        class,
        InstExt::Native(Box::new(data)),
    )))
}

/// A plain `array.array` like `d` holding `st`.
pub(super) fn array_like(vm: &mut Vm, d: &ArrayData, st: Store) -> Value {
    new_array(vm, d.base, d.base, d.code, st)
}

#[inline]
pub(super) fn as_array(v: &Value) -> Option<&ArrayData> {
    match v {
        Value::Instance(i) => i.native::<ArrayData>(),
        _ => None,
    }
}

/// `self` of a method: args[0], which must be an array.
pub(super) fn this<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<&'a ArrayData> {
    if let Some(d) = args.first().and_then(as_array) {
        return Ok(d);
    }
    Err(match args.first() {
        None => vm.type_error(&format!(
            "descriptor '{name}' of 'array.array' object needs an argument"
        )),
        Some(v) => {
            let tn = vm.type_name(*v);
            vm.type_error(&format!(
                "descriptor '{name}' for 'array.array' objects doesn't apply to a '{tn}' object"
            ))
        }
    })
}

pub(super) fn num_value(vm: &mut Vm, n: Num) -> Value {
    match n {
        Num::I(i) => match i64::try_from(i) {
            Ok(x) => Value::Int(x),
            Err(_) => vm.int_from_big(BigInt::from(i)),
        },
        Num::F(f) => Value::Float(f),
    }
}

/// Every item as a value; big ints made on the way are pushed on
/// `vm.temp_roots` (the caller truncates it to its previous length).
pub(super) fn values_of(vm: &mut Vm, d: &ArrayData) -> Vec<Value> {
    let nums: Vec<Num> = {
        let s = d.st.borrow();
        (0..s.len()).map(|i| s.get(i)).collect()
    };
    let mut out = Vec::with_capacity(nums.len());
    for n in nums {
        let v = num_value(vm, n);
        if let Value::BigInt(_) = v {
            vm.temp_roots.push(v);
        }
        out.push(v);
    }
    out
}
