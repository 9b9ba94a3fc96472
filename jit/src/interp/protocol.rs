//! The object protocols the interpreter needs: types of values, attribute
//! lookup, indexing and slicing, containment, iteration, unpacking, and building
//! containers.

use num_traits::ToPrimitive;

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// Entries in the global type-attribute cache (a power of two).
pub const METHOD_CACHE_SIZE: usize = 4096;

/// How many pinned scratch lists `collect_iterable` keeps (nesting depth of
/// collections served without allocating a list).
const COLLECT_LISTS: usize = 8;

/// One entry of the global type-attribute cache. The value is not traced: it
/// is only returned while the class version proves the class still holds it.
/// Names are interned and pinned, so a name address is never reused.
#[derive(Default)]
pub struct MethodCacheEntry {
    pub version: std::cell::Cell<u32>,
    pub name: std::cell::Cell<usize>,
    pub value: std::cell::Cell<Value>,
}

impl Vm {
    // ------------------------------------------------------------ types

    pub fn type_of(&self, v: Value) -> Gc<TypeObj> {
        let t = &self.types;
        match v {
            Value::Undefined | Value::None => t.none,
            Value::Bool(_) => t.bool_,
            Value::Int(_) | Value::BigInt(_) => t.int,
            Value::Float(_) => t.float,
            Value::Str(_) => t.str_,
            Value::Bytes(_) => t.bytes,
            Value::List(_) => t.list,
            Value::Tuple(_) => t.tuple,
            Value::Dict(_) => t.dict,
            Value::Set(_) => t.set,
            Value::FrozenSet(_) => t.frozenset,
            Value::Function(_) => t.function,
            Value::Builtin(_) => t.builtin_function,
            Value::Type(_) => t.type_,
            Value::Instance(i) => i.class,
            Value::Range(_) => t.range,
            Value::Iter(it) => self
                .iter_types
                .get(iter_type_name(&it.state.borrow()))
                .copied()
                .unwrap_or(t.iterator),
            Value::Cell(_) => t.cell,
            Value::BoundMethod(_) => t.method,
            Value::Module(_) => t.module,
            Value::Slice(_) => t.slice,
            Value::Generator(_) => t.generator,
            Value::Ellipsis => t.ellipsis,
            Value::NotImplemented => t.not_implemented,
            Value::DictView(d) => match d.kind {
                DictViewKind::Keys => t.dict_keys,
                DictViewKind::Values => t.dict_values,
                DictViewKind::Items => t.dict_items,
            },
        }
    }

    /// The name CPython uses for a value's type in messages.
    pub fn type_name(&self, v: Value) -> String {
        if let Value::Iter(it) = v {
            return iter_type_name(&it.state.borrow()).to_string();
        }
        self.type_of(v).name.as_str().to_string()
    }

    /// Look an attribute up along a type's MRO.
    ///
    /// A global cache keyed by (class version, name), as CPython's type
    /// method cache: class versions are unique and change with the class's
    /// attributes, so a hit is what the walk would find.
    pub fn lookup_type_attr(&self, t: Gc<TypeObj>, name: Gc<StrObj>) -> Option<Value> {
        let version = t.version.get();
        let slot = ((version as usize).wrapping_mul(0x9e37_79b9) ^ (name.addr() >> 4))
            & (METHOD_CACHE_SIZE - 1);
        let e = &self.method_cache[slot];
        let cacheable = name.is_pinned();
        if cacheable && e.version.get() == version && e.name.get() == name.addr() {
            return match e.value.get() {
                Value::Undefined => None,
                v => Some(v),
            };
        }
        let h = str_hash(name);
        let mut found = None;
        for c in t.mro.borrow().iter() {
            if let Some(v) = c.dict.borrow().get_str(h, name.as_str()) {
                found = Some(v);
                break;
            }
        }
        if cacheable {
            e.version.set(version);
            e.name.set(name.addr());
            e.value.set(found.unwrap_or(Value::Undefined));
        }
        found
    }

    // ------------------------------------------------------------ attributes

    pub fn getattr(&mut self, obj: Value, name: Gc<StrObj>) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, name)),
        }
    }

    pub fn attribute_error(&mut self, obj: Value, name: Gc<StrObj>) -> PyExc {
        let n = name.as_str();
        let msg = match obj {
            Value::Module(m) => format!("module '{}' has no attribute '{n}'", m.name.as_str()),
            Value::Type(t) => format!("type object '{}' has no attribute '{n}'", t.name.as_str()),
            _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
        };
        let e = self.new_exception_msg("AttributeError", &msg);
        let s = self.attr_suggestion(obj, n);
        if let Some(st) = &e.exc {
            st.borrow_mut().suggestion = s;
        }
        e
    }

    /// Attribute lookup that reports a missing attribute as None.
    /// `f.__dict__`: the function's attribute dict (live), without the
    /// `__name__`/`__qualname__`/`__doc__`/`__module__` it also keeps there
    /// when they were assigned (then a copy).
    fn function_dict(&mut self, f: Gc<FunctionObj>) -> Gc<DictObj> {
        let existing = *f.attrs.borrow();
        let d = match existing {
            Some(d) => d,
            None => {
                let d = self.new_dict_obj(crate::runtime::dict_table::DictTable::new());
                *f.attrs.borrow_mut() = Some(d);
                d
            }
        };
        const OWN: [&str; 4] = ["__name__", "__qualname__", "__doc__", "__module__"];
        let has_own = d
            .table
            .borrow()
            .keys()
            .any(|k| matches!(k, Value::Str(s) if OWN.contains(&s.as_str())));
        if !has_own {
            return d;
        }
        let mut t = crate::runtime::dict_table::DictTable::new();
        for (k, v) in d.table.borrow().iter() {
            if !matches!(k, Value::Str(s) if OWN.contains(&s.as_str())) {
                if let Value::Str(s) = k {
                    t.insert(str_hash(s), k, v, str_key_eq).ok();
                }
            }
        }
        self.new_dict_obj(t)
    }

    pub fn getattr_opt(&mut self, obj: Value, name: Gc<StrObj>) -> PyResult<Option<Value>> {
        let n = name.as_str();
        match obj {
            Value::Module(m) => {
                if let Some(v) = m.get(n) {
                    return Ok(Some(v));
                }
                if n == "__dict__" {
                    return Ok(Some(Value::Dict(self.module_namespace(m))));
                }
                return Ok(None);
            }
            Value::Instance(i) => {
                if let Some(st) = &i.exc {
                    if i.table().borrow().get_str(str_hash(name), n).is_none() {
                        match n {
                            "args" => return Ok(Some(st.borrow().args)),
                            "__cause__" => {
                                return Ok(Some(st.borrow().cause.unwrap_or(Value::None)))
                            }
                            "__context__" => {
                                return Ok(Some(st.borrow().context.unwrap_or(Value::None)))
                            }
                            "__suppress_context__" => {
                                return Ok(Some(Value::Bool(st.borrow().suppress_context)))
                            }
                            "__traceback__" => return Ok(Some(Value::None)),
                            "value" if i.class.is_subtype_of(self.exc_types["StopIteration"]) => {
                                return Ok(Some(first_arg(st.borrow().args)));
                            }
                            "code" if i.class.is_subtype_of(self.exc_types["SystemExit"]) => {
                                return Ok(Some(first_arg(st.borrow().args)));
                            }
                            _ => {}
                        }
                    }
                }
                if let InstExt::Property(p) = &i.ext {
                    match n {
                        "fget" => return Ok(Some(p.fget)),
                        "fset" => return Ok(Some(p.fset)),
                        "fdel" => return Ok(Some(p.fdel)),
                        // Abstract when its getter is (abc.abstractmethod).
                        "__isabstractmethod__" => {
                            let an = self.intern_static("__isabstractmethod__");
                            let a = match p.fget {
                                Value::None => None,
                                f => self.getattr_opt(f, an)?,
                            };
                            return Ok(Some(Value::Bool(match a {
                                Some(v) => self.truthy(v)?,
                                None => false,
                            })));
                        }
                        _ => {}
                    }
                }
                return self.instance_getattr(obj, i, name);
            }
            Value::Type(t) => return self.type_getattr(t, name),
            // Attributes set on the function (a decorator copying __name__ and
            // __doc__) take precedence over the built-in ones.
            Value::Function(f)
                if f.attrs
                    .borrow()
                    .is_some_and(|d| d.table.borrow().get_str(str_hash(name), n).is_some()) =>
            {
                let d = f.attrs.borrow().expect("checked above");
                return Ok(d.table.borrow().get_str(str_hash(name), n));
            }
            Value::Function(f) => match n {
                "__name__" => return Ok(Some(Value::Str(f.name))),
                "__qualname__" => return Ok(Some(Value::Str(f.qualname))),
                "__module__" => return Ok(Some(Value::Str(f.module.name))),
                "__defaults__" => return Ok(Some(f.defaults_obj.get())),
                "__kwdefaults__" => return Ok(Some(f.kwdefaults_obj.get())),
                "__doc__" => {
                    return Ok(Some(match &f.code.doc {
                        Some(d) => self.new_str(&**d),
                        None => Value::None,
                    }))
                }
                "__dict__" => return Ok(Some(Value::Dict(self.function_dict(f)))),
                _ => {
                    if let Some(d) = *f.attrs.borrow() {
                        let h = str_hash(name);
                        if let Some(v) = d.table.borrow().get_str(h, n) {
                            return Ok(Some(v));
                        }
                    }
                }
            },
            Value::Builtin(b) if n == "__name__" => {
                return Ok(Some(Value::Str(self.intern(b.name))))
            }
            // `(5).__add__.__self__`: the receiver of a bound method of a
            // type (other natives keep private state in `bound_self`).
            Value::Builtin(b) if n == "__self__" && b.owner.is_some() => {
                if let Some(v) = b.bound_self {
                    return Ok(Some(v));
                }
            }
            Value::Builtin(b) if b.bound_self.is_some() => {
                if let Some(v) = crate::builtins::mod_functools::builtin_attr(self, b, n) {
                    return Ok(Some(v));
                }
            }
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match n {
                "real" | "numerator" => {
                    return Ok(Some(if let Value::Bool(b) = obj {
                        Value::Int(b as i64)
                    } else {
                        obj
                    }))
                }
                "imag" => return Ok(Some(Value::Int(0))),
                "denominator" => return Ok(Some(Value::Int(1))),
                _ => {}
            },
            Value::Float(f) => match n {
                "real" => return Ok(Some(Value::Float(f))),
                "imag" => return Ok(Some(Value::Float(0.0))),
                _ => {}
            },
            Value::Range(r) => match n {
                "start" | "stop" | "step" => {
                    let (start, stop, step) = r.parts();
                    let v = match n {
                        "start" => start,
                        "stop" => stop,
                        _ => step,
                    };
                    return Ok(Some(self.int_from_big(v)));
                }
                _ => {}
            },
            Value::Slice(s) => match n {
                "start" => return Ok(Some(s.start)),
                "stop" => return Ok(Some(s.stop)),
                "step" => return Ok(Some(s.step)),
                "indices" => {
                    return Ok(Some(Value::Builtin(self.heap.alloc(BuiltinObj {
                        prof_id: std::cell::Cell::new(u32::MAX),
                        name: "indices",
                        func: slice_indices_method,
                        bound_self: Some(obj),
                        owner: Some(self.types.slice),
                    }))))
                }
                _ => {}
            },
            Value::Generator(g) => match n {
                "gi_running" => return Ok(Some(Value::Bool(g.state.get() == GenState::Running))),
                "__name__" => return Ok(Some(Value::Str(g.func.name))),
                "__qualname__" => return Ok(Some(Value::Str(g.func.qualname))),
                _ => {}
            },
            _ => {}
        }
        if n == "__class__" {
            return Ok(Some(Value::Type(self.type_of(obj))));
        }
        let t = self.type_of(obj);
        if let Some(v) = self.num_dunder(t, n, Some(obj)) {
            return Ok(Some(v));
        }
        match self.lookup_type_attr(t, name) {
            Some(Value::Builtin(b)) if b.bound_self.is_none() => {
                let bm = self.heap.alloc(BuiltinObj {
                    // The same function for the profile (its id is by name
                    // and owner): a call need not look it up again.
                    prof_id: std::cell::Cell::new(b.prof_id.get()),
                    name: b.name,
                    func: b.func,
                    bound_self: Some(obj),
                    owner: b.owner,
                });
                Ok(Some(Value::Builtin(bm)))
            }
            Some(Value::Function(f)) => {
                let bm = self.heap.alloc(BoundMethodObj {
                    receiver: obj,
                    func: Value::Function(f),
                });
                Ok(Some(Value::BoundMethod(bm)))
            }
            None => Ok(self.slot_attr(t, n, Some(obj))),
            other => Ok(other),
        }
    }

    pub fn setattr(&mut self, obj: Value, name: Gc<StrObj>, v: Value) -> PyResult<()> {
        let h = str_hash(name);
        match obj {
            Value::Instance(i) => {
                if let Some(st) = &i.exc {
                    match name.as_str() {
                        "args" => {
                            let items = self.collect_iterable(v)?;
                            st.borrow_mut().args = self.new_tuple(items);
                            return Ok(());
                        }
                        "__cause__" => {
                            let mut st = st.borrow_mut();
                            st.cause = if v.is_none() { None } else { Some(v) };
                            st.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            st.borrow_mut().context = if v.is_none() { None } else { Some(v) };
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            let b = self.truthy(v)?;
                            st.borrow_mut().suppress_context = b;
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                let _ = h;
                self.instance_setattr(obj, i, name, v)
            }
            Value::Module(m) => {
                m.set(name.as_str(), v);
                if m.namespace.get().is_some() {
                    let slot = m.intern_slot(name.as_str());
                    self.namespace_slot_written(m, slot);
                }
                Ok(())
            }
            Value::Function(f) if matches!(name.as_str(), "__defaults__" | "__kwdefaults__") => {
                self.set_function_defaults(f, name.as_str(), v)
            }
            Value::Function(f) => {
                let existing = *f.attrs.borrow();
                let d = match existing {
                    Some(d) => d,
                    None => {
                        let d = self.new_dict_obj(crate::runtime::dict_table::DictTable::new());
                        *f.attrs.borrow_mut() = Some(d);
                        d
                    }
                };
                d.table
                    .borrow_mut()
                    .insert(h, Value::Str(name), v, str_key_eq)
                    .ok();
                Ok(())
            }
            Value::Type(t)
                if matches!(t.kind, TypeKind::User | TypeKind::Exception) && t.module.is_some() =>
            {
                self.type_setattr(t, name, v);
                Ok(())
            }
            Value::Type(t) => Err(self.type_error(&format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                t.name.as_str()
            ))),
            _ => {
                let has = self.getattr_opt(obj, name)?.is_some();
                let tn = self.type_name(obj);
                if has {
                    Err(self.new_exception_msg(
                        "AttributeError",
                        &format!("'{tn}' object attribute '{}' is read-only", name.as_str()),
                    ))
                } else {
                    Err(self.new_exception_msg(
                        "AttributeError",
                        &format!("'{tn}' object has no attribute '{}'", name.as_str()),
                    ))
                }
            }
        }
    }

    pub fn delattr(&mut self, obj: Value, name: Gc<StrObj>) -> PyResult<()> {
        let h = str_hash(name);
        // `del f.__defaults__` (or `__kwdefaults__`) sets it to None.
        if let Value::Function(f) = obj {
            if matches!(name.as_str(), "__defaults__" | "__kwdefaults__") {
                return self.set_function_defaults(f, name.as_str(), Value::None);
            }
        }
        // `del module.name`: the global's slot becomes unassigned again.
        if let Value::Module(m) = obj {
            if let Some(slot) = m.slot_of(name.as_str()) {
                let mut g = m.globals.borrow_mut();
                if !matches!(g[slot], Value::Undefined) {
                    g[slot] = Value::Undefined;
                    drop(g);
                    if m.namespace.get().is_some() {
                        self.namespace_slot_written(m, slot);
                    }
                    return Ok(());
                }
            }
        }
        if let Value::Type(t) = obj {
            if matches!(t.kind, TypeKind::User | TypeKind::Exception)
                && t.module.is_some()
                && self.type_delattr(t, name)
            {
                return Ok(());
            }
        }
        if let Value::Instance(i) = obj {
            if let Some(Value::Instance(d)) = self.lookup_type_attr(i.class, name) {
                if let InstExt::Property(p) = &d.ext {
                    let f = p.fdel;
                    if f.is_none() {
                        let tn = self.type_name(obj);
                        return Err(self.new_exception_msg(
                            "AttributeError",
                            &format!(
                                "property '{}' of '{tn}' object has no deleter",
                                name.as_str()
                            ),
                        ));
                    }
                    self.call_value(f, &[obj], &[])?;
                    return Ok(());
                }
                if self.descriptor_delete(d, obj)? {
                    return Ok(());
                }
            }
            if i.table_for(name)
                .borrow_mut()
                .remove(h, &Value::Str(name), str_key_eq)
                .ok()
                .flatten()
                .is_some()
            {
                return Ok(());
            }
        }
        Err(self.attribute_error(obj, name))
    }

    // ------------------------------------------------------------ indexing

    /// An index operand as i64 (ints and bools), or a TypeError naming `what`.
    pub fn index_of(&mut self, k: Value, what: &str) -> PyResult<i64> {
        match k {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            // CPython converts a sequence index to Py_ssize_t first (ranges
            // index exactly, below).
            Value::BigInt(_) if what != "range" => Err(self
                .new_exception_msg("IndexError", "cannot fit 'int' into an index-sized integer")),
            Value::BigInt(b) => Ok(if b.0.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }),
            Value::Instance(_) => match self.call_special(k, "__index__", &[])? {
                Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
                    self.index_of(v, what)
                }
                Some(other) => {
                    let tn = self.type_name(other);
                    Err(self.type_error(&format!("__index__ returned non-int (type {tn})")))
                }
                None => {
                    let tn = self.type_name(k);
                    Err(self.type_error(&format!(
                        "{what} indices must be integers or slices, not {tn}"
                    )))
                }
            },
            _ => {
                let tn = self.type_name(k);
                if what == "string" {
                    return Err(
                        self.type_error(&format!("string indices must be integers, not '{tn}'"))
                    );
                }
                Err(self.type_error(&format!(
                    "{what} indices must be integers or slices, not {tn}"
                )))
            }
        }
    }

    /// Normalise a possibly negative index against a length.
    fn norm_index(&mut self, i: i64, len: usize, what: &str) -> PyResult<usize> {
        let n = len as i64;
        let j = if i < 0 { i.saturating_add(n) } else { i };
        if j < 0 || j >= n {
            let msg = if what == "index" {
                "index out of range".to_string()
            } else {
                format!("{what} index out of range")
            };
            return Err(self.new_exception_msg("IndexError", &msg));
        }
        Ok(j as usize)
    }

    /// slice.indices(len): (start, stop, step) clamped as CPython does.
    pub fn slice_indices(&mut self, s: &SliceObj, len: usize) -> PyResult<(i64, i64, i64)> {
        let step = match s.step {
            Value::None => 1,
            v => self.slice_bound(v)?,
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let n = len as i64;
        let (lo, hi) = if step < 0 { (-1, n - 1) } else { (0, n) };
        let fix = |v: i64| -> i64 {
            if v < 0 {
                (v + n).max(lo)
            } else {
                v.min(hi)
            }
        };
        let start = match s.start {
            Value::None => {
                if step < 0 {
                    hi
                } else {
                    lo
                }
            }
            v => fix(self.slice_bound(v)?),
        };
        let stop = match s.stop {
            Value::None => {
                if step < 0 {
                    lo
                } else {
                    hi
                }
            }
            v => fix(self.slice_bound(v)?),
        };
        Ok((start, stop, step))
    }

    #[inline(always)]
    fn slice_bound(&mut self, v: Value) -> PyResult<i64> {
        // Ints inline (nearly every bound); the rest out of line.
        match v {
            Value::Int(i) => Ok(i),
            _ => self.slice_bound_slow(v),
        }
    }

    fn slice_bound_slow(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::BigInt(b) => {
                Ok(b.0
                    .to_i64()
                    .unwrap_or(if b.0.sign() == num_bigint::Sign::Minus {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    }))
            }
            _ => Err(self
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    pub fn getitem(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        if let Value::Instance(_) = obj {
            if let Some(v) = self.instance_getitem(obj, key)? {
                return Ok(v);
            }
        }
        match (obj, key) {
            (Value::List(l), Value::Slice(s)) => {
                let len = l.items.borrow().len();
                let (start, stop, step) = self.slice_indices(&s, len)?;
                let out = slice_take(&l.items.borrow(), start, stop, step);
                Ok(self.new_list(out))
            }
            (Value::Tuple(t), Value::Slice(s)) => {
                let out = self.slice_vec(&t.items, &s)?;
                Ok(self.new_tuple(out))
            }
            (Value::Str(st), Value::Slice(s)) => {
                let (start, stop, step) = self.slice_indices(&s, st.char_len())?;
                // The str knows whether it is ASCII: asking the text
                // scanned all of it, on every slice.
                let r = crate::builtins::text::slice_chars_hint(
                    st.as_str(),
                    start,
                    stop,
                    step,
                    st.is_ascii(),
                );
                Ok(self.new_str(r))
            }
            (Value::Bytes(b), Value::Slice(s)) => {
                let (start, stop, step) = self.slice_indices(&s, b.b.len())?;
                let out: Vec<u8> = slice_positions(start, stop, step).map(|i| b.b[i]).collect();
                Ok(self.new_bytes(out))
            }
            (Value::Range(r), Value::Slice(s)) => {
                // Exact arithmetic: lengths, bounds and slice indices may leave
                // i64. Step first, as _PySlice_GetLongIndices checks it first.
                let mut b: [Option<num_bigint::BigInt>; 3] = [None, None, None];
                for (slot, v) in b.iter_mut().zip([s.step, s.start, s.stop]) {
                    *slot = match v {
                        Value::None => None,
                        Value::Int(i) => Some(i.into()),
                        Value::Bool(x) => Some((x as i64).into()),
                        Value::BigInt(x) => Some(x.0.clone()),
                        _ => return Err(self.type_error(
                            "slice indices must be integers or None or have an __index__ method",
                        )),
                    };
                }
                let [step, start, stop] = b;
                match r.slice(start, stop, step) {
                    Some(nr) => Ok(Value::Range(self.heap.alloc(nr))),
                    None => Err(self.value_error("slice step cannot be zero")),
                }
            }
            (Value::List(l), k) => {
                let i = self.index_of(k, "list")?;
                let len = l.items.borrow().len();
                let j = self.norm_index(i, len, "list")?;
                Ok(l.items.borrow()[j])
            }
            (Value::Tuple(t), k) => {
                let i = self.index_of(k, "tuple")?;
                let j = self.norm_index(i, t.items.len(), "tuple")?;
                Ok(t.items[j])
            }
            (Value::Str(s), k) => {
                let i = self.index_of(k, "string")?;
                let j = self.norm_index(i, s.char_len(), "string")?;
                if s.is_ascii() {
                    return Ok(self.ascii_chars[s.as_str().as_bytes()[j] as usize & 127]);
                }
                let c = s.as_str().chars().nth(j).unwrap_or('\0');
                let mut buf = [0u8; 4];
                Ok(Value::Str(self.intern(c.encode_utf8(&mut buf))))
            }
            (Value::Bytes(b), k) => {
                let i = self.index_of(k, "byte")?;
                let j = self.norm_index(i, b.b.len(), "index")?;
                Ok(Value::Int(b.b[j] as i64))
            }
            (Value::Range(r), k) => {
                let i = self.index_of(k, "range")?;
                if r.big.is_some() {
                    // index_of clamped a big index; use it exactly.
                    let i = match k {
                        Value::BigInt(b) => b.0.clone(),
                        _ => i.into(),
                    };
                    return match r.item(i) {
                        Some(v) => Ok(self.int_from_big(v)),
                        None => {
                            Err(self
                                .new_exception_msg("IndexError", "range object index out of range"))
                        }
                    };
                }
                let j = self.norm_index(i, r.len().unwrap_or(0) as usize, "range object")?;
                // The element fits in i64 though j * step may not: wrapping gives it exactly.
                Ok(Value::Int(
                    r.start.wrapping_add((j as i64).wrapping_mul(r.step)),
                ))
            }
            (Value::Dict(d), k) => match crate::builtins::dict_ops::dict_get(self, d, k)? {
                Some(v) => Ok(v),
                None => Err(self.new_exception("KeyError", vec![k])),
            },
            (Value::Type(t), key) => self.class_getitem(t, key),
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object is not subscriptable")))
            }
        }
    }

    fn slice_vec(&mut self, items: &[Value], s: &SliceObj) -> PyResult<Vec<Value>> {
        let (start, stop, step) = self.slice_indices(s, items.len())?;
        Ok(slice_take(items, start, stop, step))
    }

    pub fn setitem(&mut self, obj: Value, key: Value, v: Value) -> PyResult<()> {
        if let Value::Instance(_) = obj {
            if self.instance_setitem(obj, key, v)? {
                return Ok(());
            }
        }
        match (obj, key) {
            (Value::Dict(d), k) => crate::builtins::dict_ops::dict_set(self, d, k, v),
            (Value::List(l), Value::Slice(s))
                if matches!(v, Value::List(_) | Value::Tuple(_))
                    && !v.is(&obj)
                    && [s.start, s.stop, s.step]
                        .iter()
                        .all(|b| matches!(b, Value::None | Value::Int(_))) =>
            {
                // Another list or a tuple into a contiguous slice (fannkuch's
                // `perm[:k + 1] = perm[k::-1]`): copied straight from its
                // items, in place when the lengths match. With int bounds
                // and such a value nothing here runs Python code, so taking
                // the indices first is unobservable.
                let len = l.items.borrow().len();
                let (start, stop, step) = self.slice_indices(&s, len)?;
                if step == 1 {
                    let (start, stop) = (start as usize, stop.max(start) as usize);
                    let mut items = l.items.borrow_mut();
                    match v {
                        Value::List(m) => {
                            let src = m.items.borrow();
                            if src.len() == stop - start {
                                items[start..stop].copy_from_slice(&src);
                            } else {
                                items.splice(start..stop, src.iter().copied());
                            }
                        }
                        Value::Tuple(t) => {
                            items.splice(start..stop, t.items.iter().copied());
                        }
                        _ => unreachable!("checked above"),
                    }
                    return Ok(());
                }
                self.list_assign_slice(l, s, v)
            }
            (Value::List(l), Value::Slice(s)) => self.list_assign_slice(l, s, v),
            (Value::List(l), k) => {
                let i = self.index_of(k, "list")?;
                let len = l.items.borrow().len();
                let j = self.norm_index(i, len, "list assignment")?;
                l.items.borrow_mut()[j] = v;
                Ok(())
            }
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object does not support item assignment")))
            }
        }
    }

    /// `l[s] = v` for a list slice, the general case.
    fn list_assign_slice(&mut self, l: Gc<ListObj>, s: Gc<SliceObj>, v: Value) -> PyResult<()> {
        let new_items = self.collect_iterable(v)?;
        let len = l.items.borrow().len();
        let (start, stop, step) = self.slice_indices(&s, len)?;
        let mut items = l.items.borrow_mut();
        if step == 1 {
            let stop = stop.max(start);
            items.splice(start as usize..stop as usize, new_items);
            Ok(())
        } else {
            let idx: Vec<usize> = slice_positions(start, stop, step).collect();
            if idx.len() != new_items.len() {
                drop(items);
                return Err(self.value_error(&format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new_items.len(),
                    idx.len()
                )));
            }
            for (i, x) in idx.into_iter().zip(new_items) {
                items[i] = x;
            }
            Ok(())
        }
    }

    pub fn delitem(&mut self, obj: Value, key: Value) -> PyResult<()> {
        if let Value::Instance(_) = obj {
            if self.instance_delitem(obj, key)? {
                return Ok(());
            }
        }
        match (obj, key) {
            (Value::Dict(d), k) => {
                if crate::builtins::dict_ops::dict_remove(self, d, k)?.is_none() {
                    return Err(self.new_exception("KeyError", vec![k]));
                }
                Ok(())
            }
            (Value::List(l), Value::Slice(s)) => {
                let len = l.items.borrow().len();
                let (start, stop, step) = self.slice_indices(&s, len)?;
                let mut idx: Vec<usize> = slice_positions(start, stop, step).collect();
                idx.sort_unstable();
                let mut items = l.items.borrow_mut();
                for i in idx.into_iter().rev() {
                    items.remove(i);
                }
                Ok(())
            }
            (Value::List(l), k) => {
                let i = self.index_of(k, "list")?;
                let len = l.items.borrow().len();
                let j = self.norm_index(i, len, "list assignment")?;
                l.items.borrow_mut().remove(j);
                Ok(())
            }
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object doesn't support item deletion")))
            }
        }
    }

    // ------------------------------------------------------------ containment

    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if let Value::Instance(_) = container {
            if let Some(b) = self.instance_contains(container, item)? {
                return Ok(b);
            }
        }
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => {
                    let tn = self.type_name(item);
                    Err(self.type_error(&format!(
                        "'in <string>' requires string as left operand, not {tn}"
                    )))
                }
            },
            Value::Bytes(b) => match item {
                Value::Bytes(sub) => {
                    Ok(sub.b.is_empty() || b.b.windows(sub.b.len()).any(|w| w == &*sub.b))
                }
                Value::Int(i) => Ok(b.b.contains(&(i as u8))),
                _ => Err(self.type_error("a bytes-like object is required")),
            },
            Value::Dict(d) => Ok(crate::builtins::dict_ops::dict_get(self, d, item)?.is_some()),
            Value::Set(_) | Value::FrozenSet(_) => {
                crate::builtins::set_ops::set_contains(self, container, item)
            }
            Value::Range(r) => match item {
                Value::Int(i) if r.big.is_none() => Ok(r.position_i64(i).is_some()),
                _ => match r.int_position(item) {
                    Some(p) => Ok(p.is_some()),
                    None => self.contains_by_iteration(container, item),
                },
            },
            Value::List(l) => {
                let mut i = 0;
                loop {
                    let x = match l.items.borrow().get(i) {
                        Some(x) => *x,
                        None => return Ok(false),
                    };
                    if x.is(&item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if x.is(&item) || self.eq(*x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::DictView(dv) if dv.kind == DictViewKind::Keys => {
                Ok(crate::builtins::dict_ops::dict_get(self, dv.dict, item)?.is_some())
            }
            Value::DictView(dv) if dv.kind == DictViewKind::Items => match item {
                Value::Tuple(t) if t.items.len() == 2 => {
                    match crate::builtins::dict_ops::dict_get(self, dv.dict, t.items[0])? {
                        Some(v) => Ok(v.is(&t.items[1]) || self.eq(v, t.items[1])?),
                        None => Ok(false),
                    }
                }
                _ => Ok(false),
            },
            Value::Iter(_) | Value::Generator(_) | Value::DictView(_) => {
                self.contains_by_iteration(container, item)
            }
            Value::Type(t) => match self.class_hook(t, "__jitprof_class_contains__")? {
                Some(f) => {
                    let r = self.call_value(f, &[item], &[])?;
                    self.truthy(r)
                }
                None => Err(self.type_error("argument of type 'type' is not iterable")),
            },
            _ => {
                let tn = self.type_name(container);
                Err(self.type_error(&format!("argument of type '{tn}' is not iterable")))
            }
        }
    }

    fn contains_by_iteration(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let it = self.get_iter(container)?;
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(x) = self.iter_next(it)? {
                if x.is(&item) || self.eq(x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.temp_roots.pop();
        r
    }

    // ------------------------------------------------------------ iteration

    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let st = match v {
            Value::Iter(_) | Value::Generator(_) => return Ok(v),
            Value::Instance(_) => {
                if let Some(it) = self.instance_iter(v)? {
                    return Ok(it);
                }
                let tn = self.type_name(v);
                return Err(self.type_error(&format!("'{tn}' object is not iterable")));
            }
            Value::Range(r) => r.iter_state(),
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) => {
                IterState::Seq { seq: v, index: 0 }
            }
            Value::Str(s) => IterState::Str { s, byte_pos: 0 },
            Value::Dict(d) => {
                let n = d.table.borrow().len();
                IterState::DictKeys {
                    dict: d,
                    pos: 0,
                    expect_len: n,
                }
            }
            Value::Set(s) | Value::FrozenSet(s) => {
                let n = s.table.borrow().len();
                IterState::Set {
                    set: s,
                    pos: 0,
                    expect_len: n,
                }
            }
            Value::DictView(dv) => {
                let (dict, n) = (dv.dict, dv.dict.table.borrow().len());
                match dv.kind {
                    DictViewKind::Keys => IterState::DictKeys {
                        dict,
                        pos: 0,
                        expect_len: n,
                    },
                    DictViewKind::Values => IterState::DictValues {
                        dict,
                        pos: 0,
                        expect_len: n,
                    },
                    DictViewKind::Items => IterState::DictItems {
                        dict,
                        pos: 0,
                        expect_len: n,
                    },
                }
            }
            Value::Type(t) => match self.class_hook(t, "__jitprof_class_iter__")? {
                Some(f) => return self.call_value(f, &[], &[]),
                None => return Err(self.type_error("'type' object is not iterable")),
            },
            _ => {
                let tn = self.type_name(v);
                return Err(self.type_error(&format!("'{tn}' object is not iterable")));
            }
        };
        Ok(self.new_iter(st))
    }

    /// The next item of an iterator, or None when it is exhausted.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(io) => self.builtin_iter_next(io),
            Value::Generator(g) => self.resume_generator(g, Value::None),
            _ => {
                if let Some(r) = self.instance_next(it)? {
                    return Ok(r);
                }
                let tn = self.type_name(it);
                Err(self.type_error(&format!("'{tn}' object is not an iterator")))
            }
        }
    }

    fn builtin_iter_next(&mut self, io: Gc<IterObj>) -> PyResult<Option<Value>> {
        // Iterators that call back into Python (map, filter, zip over generators)
        // must not hold the state borrow while doing so: take what is needed first.
        let step = {
            let mut st = io.state.borrow_mut();
            match &mut *st {
                IterState::Range { next, stop, step } => {
                    let n = *next;
                    if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                        *next = n.wrapping_add(*step);
                        return Ok(Some(Value::Int(n)));
                    }
                    *st = IterState::Exhausted;
                    return Ok(None);
                }
                IterState::BigRange(b) => {
                    let Some(v) = b.advance() else {
                        *st = IterState::Exhausted;
                        return Ok(None);
                    };
                    drop(st);
                    return Ok(Some(self.int_from_big(v)));
                }
                IterState::Seq { seq, index } => {
                    let v = match seq {
                        Value::List(l) => l.items.borrow().get(*index).copied(),
                        Value::Tuple(t) => t.items.get(*index).copied(),
                        Value::Bytes(b) => b.b.get(*index).map(|x| Value::Int(*x as i64)),
                        _ => None,
                    };
                    if v.is_some() {
                        *index += 1;
                    } else {
                        *st = IterState::Exhausted;
                    }
                    return Ok(v);
                }
                IterState::SeqRev { seq, index } => {
                    if *index < 0 {
                        *st = IterState::Exhausted;
                        return Ok(None);
                    }
                    let i = *index as usize;
                    let v = match seq {
                        Value::List(l) => l.items.borrow().get(i).copied(),
                        Value::Tuple(t) => t.items.get(i).copied(),
                        _ => None,
                    };
                    *index -= 1;
                    if v.is_none() {
                        *st = IterState::Exhausted;
                    }
                    return Ok(v);
                }
                IterState::Str { s, byte_pos } => {
                    let text = s.as_str();
                    match text[*byte_pos..].chars().next() {
                        Some(c) => {
                            *byte_pos += c.len_utf8();
                            let mut buf = [0u8; 4];
                            let cs: &str = c.encode_utf8(&mut buf);
                            let cs = cs.to_string();
                            drop(st);
                            return Ok(Some(Value::Str(self.intern(&cs))));
                        }
                        None => {
                            *st = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                IterState::DictKeys {
                    dict,
                    pos,
                    expect_len,
                }
                | IterState::DictValues {
                    dict,
                    pos,
                    expect_len,
                }
                | IterState::DictItems {
                    dict,
                    pos,
                    expect_len,
                } => {
                    let d = *dict;
                    if d.table.borrow().len() != *expect_len {
                        *st = IterState::Exhausted;
                        drop(st);
                        return Err(self.new_exception_msg(
                            "RuntimeError",
                            "dictionary changed size during iteration",
                        ));
                    }
                    let e = d.table.borrow().next_entry(*pos);
                    match e {
                        Some((np, k, v)) => {
                            *pos = np;
                            let kind = match &*st {
                                IterState::DictKeys { .. } => 0,
                                IterState::DictValues { .. } => 1,
                                _ => 2,
                            };
                            drop(st);
                            return Ok(Some(match kind {
                                0 => k,
                                1 => v,
                                _ => self.new_tuple(vec![k, v]),
                            }));
                        }
                        None => {
                            *st = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                IterState::Set {
                    set,
                    pos,
                    expect_len,
                } => {
                    let s = *set;
                    if s.table.borrow().len() != *expect_len {
                        *st = IterState::Exhausted;
                        drop(st);
                        return Err(self.new_exception_msg(
                            "RuntimeError",
                            "Set changed size during iteration",
                        ));
                    }
                    let e = s.table.borrow().next_entry(*pos);
                    match e {
                        Some((np, k)) => {
                            *pos = np;
                            return Ok(Some(k));
                        }
                        None => {
                            *st = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                IterState::Exhausted => return Ok(None),
                IterState::Enumerate { inner, count } => Step::Enumerate(*inner, *count),
                IterState::Zip { iters, strict } => Step::Zip(iters.clone(), *strict),
                IterState::Map { func, iters } => Step::Map(*func, iters.clone()),
                IterState::Filter { func, inner } => Step::Filter(*func, *inner),
                IterState::Callable { func, sentinel } => Step::Callable(*func, *sentinel),
                IterState::Native(n) => {
                    let n = n.clone();
                    drop(st);
                    return n.next(self);
                }
            }
        };
        let it_val = Value::Iter(io);
        match step {
            Step::Enumerate(inner, count) => match self.iter_next(inner)? {
                Some(v) => {
                    let next = match count {
                        Value::Int(c) if c < i64::MAX => Value::Int(c + 1),
                        _ => {
                            self.binary_op(crate::interp::ops::BinOp::Add, count, Value::Int(1))?
                        }
                    };
                    if let IterState::Enumerate { count: c, .. } = &mut *io.state.borrow_mut() {
                        *c = next;
                    }
                    Ok(Some(self.new_tuple(vec![count, v])))
                }
                None => {
                    *io.state.borrow_mut() = IterState::Exhausted;
                    Ok(None)
                }
            },
            Step::Zip(iters, strict) => {
                let mut out = Vec::with_capacity(iters.len());
                self.temp_roots.push(it_val);
                let base = self.temp_roots.len();
                let mut result = Ok(None);
                let mut finished_at = None;
                for (i, sub) in iters.iter().enumerate() {
                    match self.iter_next(*sub) {
                        Ok(Some(v)) => {
                            self.temp_roots.push(v);
                            out.push(v);
                        }
                        Ok(None) => {
                            finished_at = Some(i);
                            break;
                        }
                        Err(e) => {
                            result = Err(e);
                            finished_at = Some(usize::MAX);
                            break;
                        }
                    }
                }
                self.temp_roots.truncate(base - 1);
                match finished_at {
                    None if !iters.is_empty() => return Ok(Some(self.new_tuple(out))),
                    Some(usize::MAX) => return result,
                    Some(i) if strict => {
                        *io.state.borrow_mut() = IterState::Exhausted;
                        if i > 0 {
                            let msg = format!(
                                "zip() argument {} is shorter than argument{} 1{}",
                                i + 1,
                                if i == 1 { "" } else { "s" },
                                if i == 1 {
                                    String::new()
                                } else {
                                    format!("-{i}")
                                }
                            );
                            return Err(self.value_error(&msg));
                        }
                        for (j, sub) in iters.iter().enumerate().skip(1) {
                            if self.iter_next(*sub)?.is_some() {
                                let msg = format!(
                                    "zip() argument {} is longer than argument{} 1{}",
                                    j + 1,
                                    if j == 1 { "" } else { "s" },
                                    if j == 1 {
                                        String::new()
                                    } else {
                                        format!("-{j}")
                                    }
                                );
                                return Err(self.value_error(&msg));
                            }
                        }
                        Ok(None)
                    }
                    _ => {
                        *io.state.borrow_mut() = IterState::Exhausted;
                        Ok(None)
                    }
                }
            }
            Step::Map(func, iters) => {
                let mut args = Vec::with_capacity(iters.len());
                self.temp_roots.push(it_val);
                let base = self.temp_roots.len();
                for sub in &iters {
                    match self.iter_next(*sub) {
                        Ok(Some(v)) => {
                            self.temp_roots.push(v);
                            args.push(v);
                        }
                        Ok(None) => {
                            self.temp_roots.truncate(base - 1);
                            *io.state.borrow_mut() = IterState::Exhausted;
                            return Ok(None);
                        }
                        Err(e) => {
                            self.temp_roots.truncate(base - 1);
                            return Err(e);
                        }
                    }
                }
                let r = self.call_value(func, &args, &[]);
                self.temp_roots.truncate(base - 1);
                r.map(Some)
            }
            Step::Filter(func, inner) => {
                self.temp_roots.push(it_val);
                let r = (|| loop {
                    let Some(v) = self.iter_next(inner)? else {
                        *io.state.borrow_mut() = IterState::Exhausted;
                        return Ok(None);
                    };
                    let keep = if func.is_none() {
                        self.truthy(v)?
                    } else {
                        self.temp_roots.push(v);
                        let t = self.call_value(func, &[v], &[]);
                        self.temp_roots.pop();
                        let t = t?;
                        self.truthy(t)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                })();
                self.temp_roots.pop();
                r
            }
            Step::Callable(func, sentinel) => {
                let v = self.call_value(func, &[], &[])?;
                if self.eq(v, sentinel)? {
                    *io.state.borrow_mut() = IterState::Exhausted;
                    return Ok(None);
                }
                Ok(Some(v))
            }
        }
    }

    /// All items of an iterable, rooted while Python code runs to produce them.
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.items.borrow().clone()),
            Value::Tuple(t) => return Ok(t.items.to_vec()),
            _ => {}
        }
        let it = self.get_iter(v)?;
        // Accumulate into a rooted list: a generator may trigger a collection.
        // The list comes from a small pool of pinned scratch lists, so that
        // neither it nor its grown buffer is allocated per call; the items
        // leave in one allocation of their exact size.
        let l = match self.collect_list_pool.pop() {
            Some(l) => l,
            None if self.collect_lists_made < COLLECT_LISTS => {
                self.collect_lists_made += 1;
                self.heap.alloc_pinned(ListObj {
                    items: std::cell::RefCell::new(Vec::new()),
                })
            }
            None => match self.new_list(Vec::new()) {
                Value::List(l) => l,
                _ => unreachable!("new_list makes a list"),
            },
        };
        let acc = Value::List(l);
        self.temp_roots.push(acc);
        self.temp_roots.push(it);
        let r = (|| {
            if let Value::Generator(g) = it {
                return self.collect_generator(g, crate::interp::frame::Sink::List(l));
            }
            while let Some(x) = self.iter_next(it)? {
                l.items.borrow_mut().push(x);
            }
            Ok(())
        })();
        self.temp_roots.pop();
        self.temp_roots.pop();
        let items = if l.is_pinned() {
            let mut buf = l.items.borrow_mut();
            let items = if r.is_ok() { buf.to_vec() } else { Vec::new() };
            buf.clear();
            if buf.capacity() > 4096 {
                *buf = Vec::new();
            }
            drop(buf);
            self.collect_list_pool.push(l);
            items
        } else {
            std::mem::take(&mut *l.items.borrow_mut())
        };
        r?;
        Ok(items)
    }

    pub fn unpack_exact(&mut self, v: Value, n: usize) -> PyResult<Vec<Value>> {
        if !self.is_iterable(v) {
            let tn = self.type_name(v);
            return Err(self.type_error(&format!("cannot unpack non-iterable {tn} object")));
        }
        let it = self.get_iter(v)?;
        self.temp_roots.push(it);
        let base = self.temp_roots.len();
        let r = (|| {
            let mut out = Vec::with_capacity(n);
            while out.len() < n {
                match self.iter_next(it)? {
                    Some(x) => {
                        self.temp_roots.push(x);
                        out.push(x)
                    }
                    None => {
                        let got = out.len();
                        return Err(self.value_error(&format!(
                            "not enough values to unpack (expected {n}, got {got})"
                        )));
                    }
                }
            }
            if self.iter_next(it)?.is_some() {
                return Err(self.value_error(&format!("too many values to unpack (expected {n})")));
            }
            Ok(out)
        })();
        self.temp_roots.truncate(base - 1);
        r
    }

    pub fn unpack_starred(
        &mut self,
        v: Value,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<Value>> {
        if !self.is_iterable(v) {
            let tn = self.type_name(v);
            return Err(self.type_error(&format!("cannot unpack non-iterable {tn} object")));
        }
        let items = self.collect_iterable(v)?;
        if items.len() < before + after {
            return Err(self.value_error(&format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = items[..before].to_vec();
        let mid = items[before..items.len() - after].to_vec();
        out.push(self.new_list(mid));
        out.extend_from_slice(&items[items.len() - after..]);
        Ok(out)
    }

    // ------------------------------------------------------------ building containers

    pub fn build_set(&mut self, items: &[Value]) -> PyResult<Value> {
        let s = Value::Set(self.new_set_obj(crate::runtime::set_table::SetTable::new()));
        for x in items {
            self.set_add(s, *x)?;
        }
        Ok(s)
    }

    pub fn build_dict(&mut self, kvs: &[Value]) -> PyResult<Value> {
        let d = self.new_dict_obj(crate::runtime::dict_table::DictTable::new());
        for kv in kvs.chunks(2) {
            crate::builtins::dict_ops::dict_set(self, d, kv[0], kv[1])?;
        }
        Ok(Value::Dict(d))
    }

    pub fn list_extend(&mut self, list: Value, iterable: Value) -> PyResult<()> {
        let Value::List(l) = list else { return Ok(()) };
        let items = self.collect_iterable(iterable)?;
        self.heap.add_debt(items.len() * 16);
        l.items.borrow_mut().extend(items);
        Ok(())
    }

    pub fn set_add(&mut self, set: Value, item: Value) -> PyResult<()> {
        crate::builtins::set_ops::set_add(self, set, item)
    }

    pub fn set_update(&mut self, set: Value, iterable: Value) -> PyResult<()> {
        if let (Some(s), Some(o)) = (
            crate::builtins::set_ops::set_obj(set),
            crate::builtins::set_ops::set_obj(iterable),
        ) {
            if s == o {
                return Ok(());
            }
            // set_merge keeps CPython's slot layout, so iteration order matches.
            let other = o.table.borrow().clone();
            let mut t = s.table.borrow().clone();
            t.merge(&other, |a, b| self.eq(*a, *b))?;
            *s.table.borrow_mut() = t;
            return Ok(());
        }
        let items = self.collect_iterable(iterable)?;
        for x in items {
            self.set_add(set, x)?;
        }
        Ok(())
    }

    pub fn dict_update(&mut self, dict: Value, mapping: Value) -> PyResult<()> {
        let Value::Dict(d) = dict else { return Ok(()) };
        match mapping {
            Value::Dict(m) => {
                let entries: Vec<(Value, Value)> = m.table.borrow().iter().collect();
                for (k, v) in entries {
                    crate::builtins::dict_ops::dict_set(self, d, k, v)?;
                }
                Ok(())
            }
            other => {
                let tn = self.type_name(other);
                Err(self.type_error(&format!("'{tn}' object is not a mapping")))
            }
        }
    }

    // ------------------------------------------------------------ imports

    /// Source modules, relative imports, unsupported stdlib: see interp/import.rs.
    pub fn import_module(&mut self, name: Gc<StrObj>) -> PyResult<Value> {
        self.import_name(name)
    }

    pub fn import_from(&mut self, module: Value, name: Gc<StrObj>) -> PyResult<Value> {
        self.import_from_module(module, name)
    }
}

enum Step {
    Enumerate(Value, Value),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    Callable(Value, Value),
}

/// The indices a normalised slice visits.
/// How many positions `slice_positions(start, stop, step)` gives.
pub fn slice_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 && start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else if step < 0 && start > stop {
        ((start - stop - 1) / -step + 1) as usize
    } else {
        0
    }
}

/// The items of `items[start:stop:step]`, for indices `slice_indices` clamped
/// against `items.len()`. One allocation of the exact size (a collect over
/// `slice_positions` cannot know it, and grew the vector step by step), and
/// plain copies for steps 1 and -1 (`perm[k::-1]`).
pub fn slice_take(items: &[Value], start: i64, stop: i64, step: i64) -> Vec<Value> {
    let n = slice_len(start, stop, step);
    if n == 0 {
        return Vec::new();
    }
    let first = start as usize;
    match step {
        1 => items[first..first + n].to_vec(),
        -1 => {
            let mut out = items[first + 1 - n..=first].to_vec();
            out.reverse();
            out
        }
        _ => {
            let mut out = Vec::with_capacity(n);
            let mut i = start;
            for _ in 0..n {
                out.push(items[i as usize]);
                i += step;
            }
            out
        }
    }
}

pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let r = i as usize;
            i += step;
            Some(r)
        } else {
            None
        }
    })
}

fn first_arg(args: Value) -> Value {
    match args {
        Value::Tuple(t) if !t.items.is_empty() => t.items[0],
        _ => Value::None,
    }
}

pub fn str_hash(s: Gc<StrObj>) -> i64 {
    let h = s.hash.get();
    if h != -1 {
        return h;
    }
    let h = crate::runtime::hash::hash_str(s.as_str());
    s.hash.set(h);
    h
}

/// Key equality for tables whose keys are all str.
pub fn str_key_eq(a: &Value, b: &Value) -> Result<bool, ()> {
    Ok(a.as_str() == b.as_str())
}

/// Every name `iter_type_name` can return.
pub const ITER_TYPE_NAMES: &[&str] = &[
    "range_iterator",
    "list_iterator",
    "tuple_iterator",
    "bytes_iterator",
    "list_reverseiterator",
    "str_ascii_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "callable_iterator",
    "iterator",
];

pub fn iter_type_name(st: &IterState) -> &'static str {
    match st {
        IterState::Range { .. } => "range_iterator",
        IterState::BigRange(_) => "longrange_iterator",
        IterState::Seq {
            seq: Value::List(_),
            ..
        } => "list_iterator",
        IterState::Seq {
            seq: Value::Tuple(_),
            ..
        } => "tuple_iterator",
        IterState::Seq { .. } => "bytes_iterator",
        IterState::SeqRev { .. } => "list_reverseiterator",
        IterState::Str { .. } => "str_ascii_iterator",
        IterState::DictKeys { .. } => "dict_keyiterator",
        IterState::DictValues { .. } => "dict_valueiterator",
        IterState::DictItems { .. } => "dict_itemiterator",
        IterState::Set { .. } => "set_iterator",
        IterState::Enumerate { .. } => "enumerate",
        IterState::Zip { .. } => "zip",
        IterState::Map { .. } => "map",
        IterState::Filter { .. } => "filter",
        IterState::Callable { .. } => "callable_iterator",
        IterState::Native(n) => n.type_name(),
        IterState::Exhausted => "iterator",
    }
}

/// `slice.indices(length)`: the (start, stop, step) the slice selects from
/// a sequence of that length.
fn slice_indices_method(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let Some(Value::Slice(s)) = args.first() else {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "slice.indices() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let n = match crate::builtins::functions::index_int(vm, args[1])? {
        Value::Int(n) => n,
        _ => {
            return Err(vm.new_exception_msg(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            ))
        }
    };
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (a, b, c) = vm.slice_indices(s, n as usize)?;
    Ok(vm.new_tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}
