//! Calling a type: the constructors of the built-in types and exceptions.
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn install(_vm: &mut Vm) {}

impl Vm {
    pub fn call_type(&mut self, t: Gc<TypeObj>, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
        if t.kind == TypeKind::Exception {
            return Ok(Value::Instance(self.instantiate_exception(t, args.to_vec())));
        }
        Err(self.type_error(&format!("cannot create '{}' instances", t.name.as_str())))
    }
}
