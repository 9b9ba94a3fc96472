//! `array.array(typecode[, initializer])`.

use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::convert::convert;
use super::instance::{as_array, new_array};
use super::store::{code_itemsize, Store};
use super::TYPECODES;

pub(super) fn arr_new(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let Some(&Value::Type(cls)) = args.first() else {
        return Err(vm.type_error("array.__new__(X): X is not a type object"));
    };
    let Some(base) = cls.mro.borrow().iter().copied().find(|t| is_array_type(t)) else {
        let n = cls.name.as_str().to_string();
        return Err(vm.type_error(&format!(
            "array.__new__({n}): {n} is not a subtype of array.array"
        )));
    };
    if !kw.is_empty() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let rest = &args[1..];
    if rest.is_empty() {
        return Err(vm.type_error("array() takes at least 1 argument (0 given)"));
    }
    if rest.len() > 2 {
        return Err(vm.type_error(&format!(
            "array() takes at most 2 arguments ({} given)",
            rest.len()
        )));
    }
    let c = match rest[0] {
        Value::Str(s) if s.char_len() == 1 => s.as_str().chars().next().unwrap_or('\0'),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "array() argument 1 must be a unicode character, not {tn}"
            )));
        }
    };
    let init = rest.get(1).copied();
    if let Some(init) = init {
        if c != 'u' {
            if let Value::Str(_) = init {
                return Err(vm.type_error(&format!(
                    "cannot use a str to initialize an array with typecode '{c}'"
                )));
            }
        }
    }
    // Anything but a list, tuple, bytes or array of the same kind is iterated.
    let same_array = init
        .as_ref()
        .and_then(as_array)
        .is_some_and(|a| a.code as u32 == c as u32);
    let iterated = match init {
        None | Some(Value::None) => None,
        Some(Value::List(_) | Value::Tuple(_) | Value::Bytes(_)) => None,
        Some(_) if same_array => None,
        Some(v) => Some(vm.get_iter(v)?),
    };
    let code = if c.is_ascii() && c != 'u' && TYPECODES.contains(c) {
        c as u8
    } else {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    };
    let mut st = Store::new(code);
    match (init, iterated) {
        (_, Some(it)) => {
            vm.temp_roots.push(it);
            let r = (|| -> PyResult<()> {
                while let Some(x) = vm.iter_next(it)? {
                    let n = convert(vm, code, x)?;
                    st.push(n);
                }
                Ok(())
            })();
            vm.temp_roots.pop();
            r?;
        }
        (Some(Value::List(l)), None) => {
            let n = l.items.borrow().len();
            for i in 0..n {
                let Some(x) = l.items.borrow().get(i).copied() else {
                    break;
                };
                let n = convert(vm, code, x)?;
                st.push(n);
            }
        }
        (Some(Value::Tuple(t)), None) => {
            for &x in t.items.iter() {
                let n = convert(vm, code, x)?;
                st.push(n);
            }
        }
        (Some(Value::Bytes(b)), None) => {
            if !b.b.len().is_multiple_of(code_itemsize(code)) {
                return Err(vm.value_error("bytes length not a multiple of item size"));
            }
            st.extend_bytes(&b.b);
        }
        (Some(v), None) => {
            if let Some(a) = as_array(&v) {
                st = a.st.borrow().clone();
            }
        }
        (None, None) => {}
    }
    Ok(new_array(vm, cls, base, code, st))
}

fn is_array_type(t: &TypeObj) -> bool {
    t.kind == TypeKind::User
        && t.name.as_str() == "array"
        && t.module.is_some_and(|m| m.as_str() == "array")
}
