//! Descriptors defined in Python: a class attribute whose class defines
//! `__get__` (and, for a data descriptor, `__set__` or `__delete__`), and
//! `__set_name__`, called when the class holding it is made.
//!
//! Properties, static and class methods are built in (`InstExt`); this is
//! the protocol for instances of user classes.

use crate::interp::vm::Vm;
use crate::runtime::hash::hash_str;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// The method `name` of a user-class instance `d` used as a class attribute,
/// found along its class's MRO (without `object`, which defines none of
/// the descriptor methods). Reads only dicts: no Python code runs.
pub fn descriptor_method(d: Gc<InstanceObj>, name: &str) -> Option<Value> {
    if d.class.kind != TypeKind::User || !matches!(d.ext, InstExt::None | InstExt::Payload(_)) {
        return None;
    }
    let h = hash_str(name);
    d.class
        .mro
        .borrow()
        .iter()
        .find_map(|c| c.dict.borrow().get_str(h, name))
}

/// A user data descriptor: it defines `__set__` or `__delete__`, so it wins
/// over the instance's own attribute of the same name.
pub fn is_user_data_descriptor(d: Gc<InstanceObj>) -> bool {
    descriptor_method(d, "__set__").is_some() || descriptor_method(d, "__delete__").is_some()
}

impl Vm {
    /// `d.__get__(obj, owner)` when `attr` is a user descriptor (obj is None
    /// for a lookup on the class itself); None when it is not one.
    pub fn descriptor_get(
        &mut self,
        attr: Value,
        obj: Value,
        owner: Gc<TypeObj>,
    ) -> PyResult<Option<Value>> {
        let Value::Instance(d) = attr else {
            return Ok(None);
        };
        let Some(get) = descriptor_method(d, "__get__") else {
            return Ok(None);
        };
        self.temp_roots.push(attr);
        let r = self.call_value(get, &[attr, obj, Value::Type(owner)], &[]);
        self.temp_roots.pop();
        r.map(Some)
    }

    /// `obj.name = v` through a user data descriptor `d`: Ok(true) when it
    /// took the store.
    pub fn descriptor_set(&mut self, d: Gc<InstanceObj>, obj: Value, v: Value) -> PyResult<bool> {
        match descriptor_method(d, "__set__") {
            Some(set) => {
                self.call_value(set, &[Value::Instance(d), obj, v], &[])?;
                Ok(true)
            }
            None if descriptor_method(d, "__delete__").is_some() => {
                Err(self.new_exception_msg("AttributeError", "__set__"))
            }
            None => Ok(false),
        }
    }

    /// `del obj.name` through a user data descriptor `d`: Ok(true) when it
    /// took the deletion.
    pub fn descriptor_delete(&mut self, d: Gc<InstanceObj>, obj: Value) -> PyResult<bool> {
        match descriptor_method(d, "__delete__") {
            Some(del) => {
                self.call_value(del, &[Value::Instance(d), obj], &[])?;
                Ok(true)
            }
            None if descriptor_method(d, "__set__").is_some() => {
                Err(self.new_exception_msg("AttributeError", "__delete__"))
            }
            None => Ok(false),
        }
    }

    /// `__set_name__(owner, name)` of each attribute of a new class that
    /// defines it, in definition order (as `type.__new__` does).
    pub fn call_set_names(&mut self, t: Gc<TypeObj>) -> PyResult<()> {
        let pending: Vec<(Value, Value, Value)> = {
            let dict = t.dict.borrow();
            dict.iter()
                .filter_map(|(k, v)| match v {
                    Value::Instance(d) => descriptor_method(d, "__set_name__").map(|f| (f, v, k)),
                    _ => None,
                })
                .collect()
        };
        for (f, v, k) in pending {
            self.temp_roots.push(v);
            let r = self.call_value(f, &[v, Value::Type(t), k], &[]);
            self.temp_roots.pop();
            r?;
        }
        Ok(())
    }
}
