//! `__defaults__` and `__kwdefaults__` of a function: read and assigned.
//!
//! Why: calls take missing arguments from the function's own default arrays
//! (`FunctionObj::defaults`, `kwdefaults`), so an assignment must replace
//! those, not land in the function's attribute dict, or calls would keep the
//! old defaults (CPython uses the new ones). Compiled code never embeds
//! defaults: it reads them at the call, as the interpreter does. The
//! assigned tuple or dict itself is what reading the attribute gives back.

use crate::interp::protocol::str_hash;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::FunctionObj;
use crate::runtime::value::Value;

impl Vm {
    /// `f.__defaults__ = v` or `f.__kwdefaults__ = v` (`del` passes None):
    /// the defaults calls use from now on.
    pub(crate) fn set_function_defaults(
        &mut self,
        f: Gc<FunctionObj>,
        name: &str,
        v: Value,
    ) -> crate::runtime::object::PyResult<()> {
        if name == "__defaults__" {
            let d: Box<[Value]> = match v {
                Value::None => Box::new([]),
                Value::Tuple(t) => t.items.clone(),
                _ => return Err(self.type_error("__defaults__ must be set to a tuple object")),
            };
            *f.defaults.borrow_mut() = d;
            f.defaults_obj.set(v);
            return Ok(());
        }
        let p = &f.code.params;
        let (start, nkw) = (p.positional as usize, p.kwonly as usize);
        let mut kwd = vec![Value::Undefined; nkw];
        match v {
            Value::None => {}
            Value::Dict(d) => {
                for (i, slot) in kwd.iter_mut().enumerate() {
                    let k = self.intern(&p.names[start + i]);
                    let found = d.table.borrow().get_str(str_hash(k), k.as_str());
                    if let Some(x) = found {
                        *slot = x;
                    }
                }
            }
            _ => return Err(self.type_error("__kwdefaults__ must be set to a dict object")),
        }
        *f.kwdefaults.borrow_mut() = kwd.into_boxed_slice();
        f.kwdefaults_obj.set(v);
        Ok(())
    }
}
