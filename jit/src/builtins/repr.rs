//! `repr()` and `str()` of every built-in value, CPython-exact.

use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

impl Vm {
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        let mut out = String::new();
        let mut active = Vec::new();
        self.repr_into(v, &mut out, &mut active)?;
        Ok(out)
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(i) => {
                if let Some(s) = self.instance_str(v)? {
                    return Ok(s);
                }
                if i.exc.is_some() {
                    return self.exception_str(i);
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// repr of the descriptor and super objects.
    fn repr_helper_instance(&mut self, i: crate::runtime::heap::Gc<InstanceObj>) -> Option<String> {
        match &i.ext {
            InstExt::Super { cls, obj } => {
                let tn = self.type_name(*obj);
                Some(format!(
                    "<super: <class '{}'>, <{} object>>",
                    cls.name.as_str(),
                    tn
                ))
            }
            InstExt::Property(_) | InstExt::StaticMethod(_) | InstExt::ClassMethod(_) => Some(
                format!("<{} object at {:#x}>", i.class.name.as_str(), i.addr()),
            ),
            _ => None,
        }
    }

    /// An int's decimal text (CPython's 4300-digit limit included).
    pub fn int_to_string(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::Int(i) => Ok(i.to_string()),
            Value::Bool(b) => Ok((b as i64).to_string()),
            Value::BigInt(b) => {
                crate::format::spec::int_to_decimal(&b.0).map_err(|e| self.fmt_error(e))
            }
            _ => self.repr(v),
        }
    }

    pub fn fmt_error(&mut self, e: crate::format::FmtError) -> PyExc {
        let name = match e.kind {
            crate::format::ErrKind::ValueError => "ValueError",
            crate::format::ErrKind::TypeError => "TypeError",
            crate::format::ErrKind::OverflowError => "OverflowError",
            crate::format::ErrKind::MemoryError => "MemoryError",
        };
        self.new_exception_msg(name, &e.msg)
    }

    fn repr_into(&mut self, v: Value, out: &mut String, active: &mut Vec<usize>) -> PyResult<()> {
        // Containers that contain themselves print as [...] / {...}.
        if let Some(addr) = v.heap_addr() {
            if matches!(
                v,
                Value::List(_)
                    | Value::Dict(_)
                    | Value::Set(_)
                    | Value::FrozenSet(_)
                    | Value::Tuple(_)
            ) {
                if active.contains(&addr) {
                    out.push_str(match v {
                        Value::List(_) => "[...]",
                        Value::Tuple(_) => "(...)",
                        _ => "{...}",
                    });
                    return Ok(());
                }
                if active.len() > 900 {
                    return Err(self.new_exception_msg(
                        "RecursionError",
                        "maximum recursion depth exceeded while getting the repr of an object",
                    ));
                }
                active.push(addr);
                let r = self.repr_container(v, out, active);
                active.pop();
                return r;
            }
        }
        match v {
            Value::Undefined => out.push_str("<unbound>"),
            Value::None => out.push_str("None"),
            Value::Bool(b) => out.push_str(if b { "True" } else { "False" }),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::BigInt(_) => {
                let s = self.int_to_string(v)?;
                out.push_str(&s);
            }
            Value::Float(f) => out.push_str(&crate::format::float_repr(f)),
            Value::Str(s) => out.push_str(&super::text::repr_str(s.as_str())),
            Value::Bytes(b) => out.push_str(&super::text::repr_bytes(&b.b)),
            Value::Function(f) => out.push_str(&format!(
                "<function {} at {:#x}>",
                f.shown_qualname().as_str(),
                f.addr()
            )),
            Value::Builtin(b) => {
                // A container slot CPython implements as a slot wrapper
                // (`list.__len__`) shows as one, bound or not.
                let wrapper = b
                    .owner
                    .is_some_and(|o| super::slot_methods::is_slot_wrapper(b.name, o.kind));
                match (b.bound_self, b.owner) {
                    (Some(s), _) => {
                        let tn = self.type_name(s);
                        let at = s.heap_addr().unwrap_or(0);
                        let kind = if wrapper {
                            "method-wrapper"
                        } else {
                            "built-in method"
                        };
                        let name = if wrapper {
                            format!("'{}'", b.name)
                        } else {
                            b.name.to_string()
                        };
                        out.push_str(&format!("<{kind} {name} of {tn} object at {at:#x}>"))
                    }
                    (None, Some(o)) => out.push_str(&format!(
                        "<{} '{}' of '{}' objects>",
                        if wrapper { "slot wrapper" } else { "method" },
                        b.name,
                        o.name.as_str()
                    )),
                    (None, None) => out.push_str(&format!("<built-in function {}>", b.name)),
                }
            }
            Value::Type(t) if self.class_hook(t, "__jitprof_class_repr__")?.is_some() => {
                let f = self
                    .class_hook(t, "__jitprof_class_repr__")?
                    .unwrap_or(Value::None);
                let r = self.call_value(f, &[], &[])?;
                match r {
                    Value::Str(s) => out.push_str(s.as_str()),
                    _ => return Err(self.type_error("__repr__ returned non-string")),
                }
            }
            Value::Type(t) => match t.module {
                Some(m) if m.as_str() != "builtins" => out.push_str(&format!(
                    "<class '{}.{}'>",
                    m.as_str(),
                    t.qualname().as_str()
                )),
                _ => out.push_str(&format!("<class '{}'>", t.name.as_str())),
            },
            Value::Instance(i) => {
                if let Some(s) = self.instance_repr(v)? {
                    out.push_str(&s);
                } else if i.exc.is_some() {
                    let s = self.exception_repr(i)?;
                    out.push_str(&s);
                } else {
                    let s = self
                        .repr_helper_instance(i)
                        .unwrap_or_else(|| self.default_repr(v));
                    out.push_str(&s);
                }
            }
            Value::Range(r) => out.push_str(&r.repr()),
            Value::Slice(s) => {
                out.push_str("slice(");
                self.repr_into(s.start, out, active)?;
                out.push_str(", ");
                self.repr_into(s.stop, out, active)?;
                out.push_str(", ");
                self.repr_into(s.step, out, active)?;
                out.push(')');
            }
            Value::Iter(it) => {
                let native = match &*it.state.borrow() {
                    IterState::Native(n) => Some(n.clone()),
                    _ => None,
                };
                if let Some(r) = native.and_then(|n| n.repr(self)) {
                    out.push_str(&r?);
                    return Ok(());
                }
                let n = crate::interp::protocol::iter_type_name(&it.state.borrow());
                out.push_str(&format!("<{} object at {:#x}>", n, it.addr()))
            }
            Value::Generator(g) => out.push_str(&format!(
                "<generator object {} at {:#x}>",
                g.func.qualname.as_str(),
                g.addr()
            )),
            Value::Cell(c) => out.push_str(&format!("<cell at {:#x}>", c.addr())),
            Value::BoundMethod(m) => {
                let fname = match m.func {
                    Value::Function(f) => f.qualname.as_str().to_string(),
                    _ => "?".into(),
                };
                let r = self.repr(m.receiver)?;
                out.push_str(&format!("<bound method {fname} of {r}>"))
            }
            Value::Module(m) => {
                if m.file.is_empty() {
                    out.push_str(&format!("<module '{}' (built-in)>", m.name.as_str()))
                } else {
                    out.push_str(&format!("<module '{}' from '{}'>", m.name.as_str(), m.file))
                }
            }
            Value::DictView(dv) => {
                let name = match dv.kind {
                    DictViewKind::Keys => "dict_keys",
                    DictViewKind::Values => "dict_values",
                    DictViewKind::Items => "dict_items",
                };
                let entries: Vec<(Value, Value)> = dv.dict.table.borrow().iter().collect();
                let items: Vec<Value> = entries
                    .into_iter()
                    .map(|(k, x)| match dv.kind {
                        DictViewKind::Keys => k,
                        DictViewKind::Values => x,
                        DictViewKind::Items => self.new_tuple(vec![k, x]),
                    })
                    .collect();
                let l = self.new_list(items);
                out.push_str(name);
                out.push('(');
                self.repr_into(l, out, active)?;
                out.push(')');
            }
            Value::Ellipsis => out.push_str("Ellipsis"),
            Value::NotImplemented => out.push_str("NotImplemented"),
            Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_) => unreachable!("handled above"),
        }
        Ok(())
    }

    fn repr_container(
        &mut self,
        v: Value,
        out: &mut String,
        active: &mut Vec<usize>,
    ) -> PyResult<()> {
        match v {
            Value::List(l) => {
                out.push('[');
                let mut i = 0;
                loop {
                    let x = match l.items.borrow().get(i) {
                        Some(x) => *x,
                        None => break,
                    };
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(x, out, active)?;
                    i += 1;
                }
                out.push(']');
            }
            Value::Tuple(t) => {
                out.push('(');
                for (i, x) in t.items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(*x, out, active)?;
                }
                if t.items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => {
                out.push('{');
                let entries: Vec<(Value, Value)> = d.table.borrow().iter().collect();
                for (i, (k, x)) in entries.into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(k, out, active)?;
                    out.push_str(": ");
                    self.repr_into(x, out, active)?;
                }
                out.push('}');
            }
            Value::Set(s) | Value::FrozenSet(s) => {
                let frozen = matches!(v, Value::FrozenSet(_));
                let items: Vec<Value> = s.table.borrow().iter().collect();
                if items.is_empty() {
                    out.push_str(if frozen { "frozenset()" } else { "set()" });
                    return Ok(());
                }
                if frozen {
                    out.push_str("frozenset(");
                }
                out.push('{');
                for (i, x) in items.into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.repr_into(x, out, active)?;
                }
                out.push('}');
                if frozen {
                    out.push(')');
                }
            }
            _ => unreachable!("not a container"),
        }
        Ok(())
    }
}
