//! Classes: the `class` statement (`__build_class__` and the C3 method
//! resolution order), attribute lookup on instances and classes with
//! descriptors (functions, `property`, `staticmethod`, `classmethod`),
//! `__getattr__`, `__setattr__`, `__slots__`, `super`, and the class version
//! numbers that the interpreter's inline caches (see `attr_cache.rs`) check.
//!
//! Why versions and not a hash lookup through the MRO on every access: a method
//! call `p.move(dx)` would otherwise probe the instance dict and then the dict of
//! every class in the MRO. A class's version changes whenever an attribute of it
//! or of a base is set or deleted, so a cache that saw (class, version) can reuse
//! what it found then.

use crate::interp::protocol::{str_hash, str_key_eq};
use crate::interp::vm::Vm;
use crate::runtime::dict_table::DictTable;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// Special-method answers remembered per class (see `lookup_special`):
/// enough for the dunders a class is asked about in practice.
const MAX_SPECIALS_MEMO: usize = 32;

impl Vm {
    // ------------------------------------------------------------ class creation

    /// `__build_class__(body, name, *bases, **kw)`: run the class body with a
    /// fresh namespace and make the class from it.
    pub fn build_class(&mut self, args: &[Value], kw: Kwargs) -> PyResult<Value> {
        let (Some(Value::Function(body)), Some(Value::Str(name))) = (args.first(), args.get(1))
        else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let (body, name) = (*body, *name);
        let mut class_kw = Vec::new();
        for &(k, v) in kw {
            if k.as_str() != "metaclass" {
                // For `__init_subclass__`.
                class_kw.push((k, v));
            } else if !matches!(v, Value::Type(t) if t == self.types.type_) {
                // Metaclasses: jitprof's limitation, not an exception the
                // program could catch.
                return Err(self.fatal_unsupported_here("metaclasses (class keyword 'metaclass')"));
            }
        }
        // Bases that are not classes but know which classes they stand for
        // (`Generic[T]`, `list[int]`) are replaced by those (PEP 560).
        let resolved = self.resolve_mro_entries(&args[2..])?;
        let base_vals: &[Value] = resolved.as_deref().unwrap_or(&args[2..]);
        let meta = self.non_type_metaclass(base_vals)?;
        let bases = match meta {
            Some(_) => Vec::new(),
            None => self.class_bases(base_vals)?,
        };
        let ns = self.new_dict();
        self.temp_roots.push(ns);
        let r = self.call_function(body, &[ns], &[]);
        let cell = match r {
            Ok(c) => c,
            Err(e) => {
                self.temp_roots.pop();
                return Err(e);
            }
        };
        if resolved.is_some() {
            let orig = self.new_tuple(args[2..].to_vec());
            let key = Value::Str(self.intern_static("__orig_bases__"));
            self.setitem(ns, key, orig)?;
        }
        if let Some(meta) = meta {
            // As CPython: the metaclass (the non-class base's type) is called
            // with (name, bases, namespace); `class A(5)` is `int('A', (5,), ns)`.
            let bases = self.new_tuple(args[2..].to_vec());
            self.temp_roots.push(bases);
            let r = self.call_value(Value::Type(meta), &[Value::Str(name), bases, ns], &[]);
            self.temp_roots.pop();
            self.temp_roots.pop();
            return r;
        }
        let Value::Dict(nsd) = ns else { unreachable!() };
        let table = nsd.table.borrow().clone();
        let r = self.new_class(name, &bases, table, cell, &class_kw);
        self.temp_roots.pop();
        r
    }

    /// `type(name, bases, dict)`: a class made from a namespace dict, as a
    /// `class` statement with that body would make it.
    pub fn type_new(&mut self, args: &[Value]) -> PyResult<Value> {
        let [name, bases, ns] = args else {
            return Err(self.type_error("type() takes 1 or 3 arguments"));
        };
        let Value::Str(name) = *name else {
            let tn = self.type_name(*name);
            return Err(
                self.type_error(&format!("type.__new__() argument 1 must be str, not {tn}"))
            );
        };
        let Value::Tuple(bt) = *bases else {
            let tn = self.type_name(*bases);
            return Err(self.type_error(&format!(
                "type.__new__() argument 2 must be tuple, not {tn}"
            )));
        };
        let Value::Dict(d) = *ns else {
            let tn = self.type_name(*ns);
            return Err(
                self.type_error(&format!("type.__new__() argument 3 must be dict, not {tn}"))
            );
        };
        let items: Vec<Value> = bt.items.to_vec();
        let bases = self.class_bases(&items)?;
        let mut table = d.table.borrow().clone();
        // `__module__` defaults to the calling code's module, as CPython's.
        let mn = self.intern_static("__module__");
        if table.get_str(str_hash(mn), "__module__").is_none() {
            if let Some(f) = self.frames.last() {
                if let Some(m) = f.func.module.get("__name__") {
                    table
                        .insert(str_hash(mn), Value::Str(mn), m, str_key_eq)
                        .ok();
                }
            }
        }
        self.new_class(name, &bases, table, Value::None, &[])
    }

    /// `cls[key]`: a built-in container type gives a generic alias
    /// (`list[int]`, `collections.deque[str]`), as CPython's
    /// `types.GenericAlias`; a class with `__class_getitem__` (an implicit
    /// class method) gets it called; any other class is not subscriptable.
    pub fn class_getitem(&mut self, t: Gc<TypeObj>, key: Value) -> PyResult<Value> {
        let generic_builtin = matches!(
            t.kind,
            TypeKind::List
                | TypeKind::Dict
                | TypeKind::Tuple
                | TypeKind::Set
                | TypeKind::FrozenSet
                | TypeKind::Type
        ) || (t.kind == TypeKind::User
            && t.module.is_some_and(|m| m.as_str() == "collections"));
        if generic_builtin {
            let alias = self.embedded_attr("_generic_alias", "GenericAlias")?;
            return self.call_value(alias, &[Value::Type(t), key], &[]);
        }
        let cg = self.intern_static("__class_getitem__");
        if let Some(f) = self.lookup_type_attr(t, cg) {
            let f = match f {
                Value::Instance(i) => match &i.ext {
                    InstExt::ClassMethod(f) | InstExt::StaticMethod(f) => *f,
                    _ => f,
                },
                f => f,
            };
            return self.call_value(f, &[Value::Type(t), key], &[]);
        }
        Err(self.type_error("'type' object is not subscriptable"))
    }

    /// A class-level operation that CPython gets from a metaclass
    /// (`for m in Color`, `len(Color)`, `x in Color`, `repr(Color)`): jitprof
    /// has no metaclasses, so a class provides it as the class method
    /// `__jitprof_class_<op>__` (enum.py does). Looked up only where the
    /// operation on a class would otherwise fail.
    pub fn class_hook(&mut self, t: Gc<TypeObj>, op: &'static str) -> PyResult<Option<Value>> {
        if t.kind != TypeKind::User {
            return Ok(None);
        }
        let name = self.intern_static(op);
        self.type_getattr(t, name)
    }

    /// An attribute of a module jitprof implements in Python (imported on
    /// first use).
    pub fn embedded_attr(&mut self, module: &str, name: &'static str) -> PyResult<Value> {
        let mn = self.intern(module);
        let m = self.import_name(mn)?;
        let n = self.intern_static(name);
        match self.getattr_opt(m, n)? {
            Some(v) => Ok(v),
            None => Err(self.new_exception_msg(
                "AttributeError",
                &format!("module '{module}' has no attribute '{name}'"),
            )),
        }
    }

    /// PEP 560: each base that is not a class but has `__mro_entries__` is
    /// replaced by what that returns (a tuple of classes, given all the
    /// original bases). None when no base has it.
    fn resolve_mro_entries(&mut self, vals: &[Value]) -> PyResult<Option<Vec<Value>>> {
        if vals.iter().all(|b| matches!(b, Value::Type(_))) {
            return Ok(None);
        }
        let me = self.intern_static("__mro_entries__");
        let orig = self.new_tuple(vals.to_vec());
        self.temp_roots.push(orig);
        let mut out = Vec::with_capacity(vals.len());
        let mut changed = false;
        for &b in vals {
            if matches!(b, Value::Type(_)) {
                out.push(b);
                continue;
            }
            let f = match self.getattr_opt(b, me) {
                Ok(f) => f,
                Err(e) => {
                    self.temp_roots.pop();
                    return Err(e);
                }
            };
            let Some(f) = f else {
                out.push(b);
                continue;
            };
            let r = self.call_value(f, &[orig], &[]);
            match r {
                Ok(Value::Tuple(t)) => {
                    out.extend(t.items.iter().copied());
                    changed = true;
                }
                Ok(_) => {
                    self.temp_roots.pop();
                    return Err(self.type_error("__mro_entries__ must return a tuple"));
                }
                Err(e) => {
                    self.temp_roots.pop();
                    return Err(e);
                }
            }
        }
        self.temp_roots.pop();
        Ok(changed.then_some(out))
    }

    /// When some base is not a class: the metaclass CPython's
    /// `__build_class__` would pick (the most derived of the bases' types),
    /// or its "metaclass conflict" error. None when every base is a class.
    fn non_type_metaclass(&mut self, vals: &[Value]) -> PyResult<Option<Gc<TypeObj>>> {
        if vals.iter().all(|b| matches!(b, Value::Type(_))) {
            return Ok(None);
        }
        let mut winner = self.type_of(vals[0]);
        for b in vals {
            let t = self.type_of(*b);
            if winner.is_subtype_of(t) {
                continue;
            }
            if t.is_subtype_of(winner) {
                winner = t;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                 subclass of the metaclasses of all its bases",
            ));
        }
        Ok(Some(winner))
    }

    /// The bases of a new class, checked; `object` when there are none.
    fn class_bases(&mut self, vals: &[Value]) -> PyResult<Vec<Gc<TypeObj>>> {
        let mut bases = Vec::new();
        for b in vals {
            match b {
                Value::Type(t) => {
                    if bases.contains(t) {
                        return Err(
                            self.type_error(&format!("duplicate base class {}", t.name.as_str()))
                        );
                    }
                    if subclassable_in_cpython_only(t.kind) {
                        let what = match t.kind {
                            TypeKind::Type => "metaclasses (subclassing type)".to_string(),
                            _ => format!("subclassing '{}'", t.name.as_str()),
                        };
                        return Err(self.fatal_unsupported_here(&what));
                    }
                    if !can_subclass(t.kind) {
                        return Err(self.type_error(&format!(
                            "type '{}' is not an acceptable base type",
                            t.name.as_str()
                        )));
                    }
                    bases.push(*t);
                }
                _ => {
                    return Err(self.type_error(
                        "bases must be types (unsupported: class bases that are not classes)",
                    ));
                }
            }
        }
        if bases.is_empty() {
            bases.push(self.types.object);
        }
        Ok(bases)
    }

    /// Make a class from its checked bases and namespace.
    fn new_class(
        &mut self,
        name: Gc<StrObj>,
        bases: &[Gc<TypeObj>],
        mut table: DictTable,
        cell: Value,
        kw: Kwargs,
    ) -> PyResult<Value> {
        // Defining __eq__ without __hash__ makes instances unhashable.
        let (eq, hash) = (self.intern_static("__eq__"), self.intern_static("__hash__"));
        if table.get_str(str_hash(eq), "__eq__").is_some()
            && table.get_str(str_hash(hash), "__hash__").is_none()
        {
            table
                .insert(str_hash(hash), Value::Str(hash), Value::None, str_key_eq)
                .ok();
        }
        let module = match table.get_str(str_hash(self.intern_static("__module__")), "__module__") {
            Some(Value::Str(m)) => Some(m),
            _ => None,
        };
        let is_exc = bases
            .iter()
            .any(|b| b.is_subtype_of(self.types.base_exception));
        let kind = if is_exc {
            TypeKind::Exception
        } else {
            TypeKind::User
        };
        let t = self
            .heap
            .alloc(TypeObj::new(name, kind, bases.to_vec(), module));
        self.temp_roots.push(Value::Type(t));
        let result = self.finish_class(t, bases, table, cell, kw);
        self.temp_roots.pop();
        result?;
        Ok(Value::Type(t))
    }

    fn finish_class(
        &mut self,
        t: Gc<TypeObj>,
        bases: &[Gc<TypeObj>],
        mut table: DictTable,
        cell: Value,
        kw: Kwargs,
    ) -> PyResult<()> {
        let mro = self.c3_mro(t, bases)?;
        *t.mro.borrow_mut() = mro;
        // The built-in type whose values instances extend: at most one.
        let mut builtin = None;
        for c in t.mro.borrow().iter().skip(1) {
            if let Some(b) = c.builtin_base.get() {
                builtin = Some(b);
                break;
            }
            if payload_kind(c.kind) {
                builtin = Some(*c);
                break;
            }
        }
        for b in bases {
            let bb = if payload_kind(b.kind) {
                Some(*b)
            } else {
                b.builtin_base.get()
            };
            if let (Some(x), Some(y)) = (bb, builtin) {
                if x != y && !x.is_subtype_of(y) && !y.is_subtype_of(x) {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
            }
        }
        t.builtin_base.set(builtin);
        let qn = self.intern_static("__qualname__");
        if let Ok(Some((_, Value::Str(q)))) =
            table.remove(str_hash(qn), &Value::Str(qn), str_key_eq)
        {
            if q.as_str() != t.name.as_str() {
                t.qualname.set(Some(q));
            }
        }
        // __slots__: instances of a class whose every class declares slots
        // accept no other attributes.
        let sn = self.intern_static("__slots__");
        if let Some(sl) = table.get_str(str_hash(sn), "__slots__") {
            let names = match sl {
                Value::Str(s) => vec![s],
                other => {
                    let items = self.collect_iterable(other)?;
                    let mut v = Vec::new();
                    for it in items {
                        match it {
                            Value::Str(s) => v.push(self.intern(s.as_str())),
                            o => {
                                let tn = self.type_name(o);
                                return Err(self.type_error(&format!(
                                    "__slots__ items must be strings, not '{tn}'"
                                )));
                            }
                        }
                    }
                    v
                }
            };
            // `__slots__ = ('__x',)` declares `_C__x`, as `self.__x` means.
            let names: Vec<Gc<StrObj>> = names
                .into_iter()
                .map(
                    |n| match crate::front::mangle::mangle(t.name.as_str(), n.as_str()) {
                        Some(m) => self.intern(&m),
                        None => n,
                    },
                )
                .collect();
            let mut all = names;
            let mut every = true;
            for b in bases {
                if b.kind == TypeKind::Object {
                    continue;
                }
                match &*b.slots.borrow() {
                    Some(s) => all.extend(s.iter().copied()),
                    None => every = false,
                }
            }
            if every && !all.iter().any(|s| s.as_str() == "__dict__") {
                *t.slots.borrow_mut() = Some(all);
            }
        }
        *t.dict.borrow_mut() = table;
        // Anything looked up on the class before its dict was in place is stale.
        t.version.set(crate::runtime::object::next_type_version());
        for b in bases {
            b.subclasses.borrow_mut().push(t);
        }
        self.compute_plain_attrs(t);
        if let Value::Cell(c) = cell {
            c.value.set(Value::Type(t));
        }
        self.call_set_names(t)?;
        // __init_subclass__ defined by a base (an implicit classmethod), with
        // the class keywords; object's refuses any.
        let isn = self.intern_static("__init_subclass__");
        let mro: Vec<Gc<TypeObj>> = t.mro.borrow().iter().skip(1).copied().collect();
        for c in mro {
            let found = c.dict.borrow().get_str(str_hash(isn), "__init_subclass__");
            if let Some(f) = found {
                let f = match f {
                    Value::Instance(i) => match &i.ext {
                        InstExt::ClassMethod(f) => *f,
                        _ => f,
                    },
                    f => f,
                };
                if let Value::Function(_) | Value::Builtin(_) = f {
                    self.call_value(f, &[Value::Type(t)], kw)?;
                }
                break;
            }
        }
        Ok(())
    }

    /// C3 linearisation of a new class with these bases.
    fn c3_mro(&mut self, t: Gc<TypeObj>, bases: &[Gc<TypeObj>]) -> PyResult<Vec<Gc<TypeObj>>> {
        let mut seqs: Vec<Vec<Gc<TypeObj>>> =
            bases.iter().map(|b| b.mro.borrow().clone()).collect();
        seqs.push(bases.to_vec());
        let mut out = vec![t];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let cand = seqs
                .iter()
                .map(|s| s[0])
                .find(|c| !seqs.iter().any(|s| s[1..].contains(c)));
            let Some(c) = cand else {
                // CPython names the heads of the lists left to merge.
                let mut heads: Vec<Gc<TypeObj>> = Vec::new();
                for s in &seqs {
                    if !heads.contains(&s[0]) {
                        heads.push(s[0]);
                    }
                }
                let names: Vec<&str> = heads.iter().map(|b| b.name.as_str()).collect();
                return Err(self.type_error(&format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            out.push(c);
            for s in &mut seqs {
                if s[0] == c {
                    s.remove(0);
                }
            }
        }
    }

    /// A class attribute changed: every cache that saw this class or a
    /// subclass must miss.
    pub fn invalidate_class(&mut self, t: Gc<TypeObj>) {
        t.version.set(next_type_version());
        self.compute_plain_attrs(t);
        let subs: Vec<Gc<TypeObj>> = t.subclasses.borrow().clone();
        for s in subs {
            self.invalidate_class(s);
        }
    }

    /// See `TypeObj::plain_attrs`.
    fn compute_plain_attrs(&mut self, t: Gc<TypeObj>) {
        let mut plain = t.kind == TypeKind::User && t.slots.borrow().is_none();
        let ga = self.intern_static("__getattribute__");
        let hooked = self.lookup_special(t, ga).is_some();
        t.getattribute.set(hooked);
        if plain {
            let sa = self.intern_static("__setattr__");
            plain = self.lookup_special(t, sa).is_none() && !hooked;
        }
        if plain {
            'mro: for c in t.mro.borrow().iter() {
                for (_, v) in c.dict.borrow().iter() {
                    if Self::is_data_descriptor(v) {
                        plain = false;
                        break 'mro;
                    }
                }
            }
        }
        t.plain_attrs.set(plain);
    }

    // ------------------------------------------------------------ lookup

    /// A special method (`__add__`, `__len__`, ...) defined by a class, looked
    /// up on the type as Python does; object's defaults do not count.
    ///
    /// Answers are remembered per class and name while the class version
    /// holds: comparing two instances asks for `__eq__`/`__ne__` (and their
    /// reflections) every time, and a class without them walked its whole
    /// MRO for each question.
    pub fn lookup_special(&self, t: Gc<TypeObj>, name: Gc<StrObj>) -> Option<Value> {
        if !(matches!(t.kind, TypeKind::User | TypeKind::Exception)
            || t.builtin_base.get().is_some())
        {
            return None;
        }
        let version = t.version.get();
        let key = name.addr();
        if let Ok(memo) = t.specials.try_borrow() {
            if let Some(&(_, _, v)) = memo.iter().find(|e| e.0 == key && e.1 == version) {
                return v;
            }
        }
        let h = str_hash(name);
        let mut found = None;
        for c in t.mro.borrow().iter() {
            if c.kind == TypeKind::Object {
                break;
            }
            if let Some(v) = c.dict.borrow().get_str(h, name.as_str()) {
                found = Some(v);
                break;
            }
        }
        if let Ok(mut memo) = t.specials.try_borrow_mut() {
            // Entries of older versions are stale for good.
            memo.retain(|e| e.1 == version);
            if memo.len() < MAX_SPECIALS_MEMO {
                memo.push((key, version, found));
            }
        }
        found
    }

    /// Call the special method `name` of `v`'s class if it defines one.
    pub fn call_special(
        &mut self,
        v: Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Value::Instance(i) = v else {
            return Ok(None);
        };
        let n = self.intern(name);
        let Some(f) = self.lookup_special(i.class, n) else {
            return Ok(None);
        };
        let f = self.bind_class_attr(f, v, i.class)?;
        self.temp_roots.push(v);
        self.temp_roots.push(f);
        let r = self.call_value(f, args, &[]);
        self.temp_roots.pop();
        self.temp_roots.pop();
        r.map(Some)
    }

    /// What `obj.name` gives for a class attribute `attr` found on `cls`:
    /// functions bind to the instance, classmethods to the class, properties
    /// call their getter.
    pub fn bind_class_attr(
        &mut self,
        attr: Value,
        obj: Value,
        cls: Gc<TypeObj>,
    ) -> PyResult<Value> {
        Ok(match attr {
            Value::Function(_) => Value::BoundMethod(self.heap.alloc(BoundMethodObj {
                receiver: obj,
                func: attr,
            })),
            Value::Builtin(b) if b.bound_self.is_none() && b.owner.is_some() => {
                // A method of a built-in base acts on the built-in value.
                let recv = match obj {
                    Value::Instance(i) => match i.payload() {
                        Some(p) if b.owner.is_some_and(|o| payload_kind(o.kind)) => p,
                        _ => obj,
                    },
                    _ => obj,
                };
                Value::Builtin(self.heap.alloc(BuiltinObj {
                    // The same function for the profile (see `getattr_opt`).
                    prof_id: std::cell::Cell::new(b.prof_id.get()),
                    name: b.name,
                    func: b.func,
                    bound_self: Some(recv),
                    owner: b.owner,
                }))
            }
            Value::Builtin(b) if crate::builtins::mod_functools::is_lru_wrapper(b) => {
                Value::BoundMethod(self.heap.alloc(BoundMethodObj {
                    receiver: obj,
                    func: attr,
                }))
            }
            Value::Builtin(_) => self.rebind_builtin_classmethod(attr, cls),
            Value::Instance(d) => match &d.ext {
                InstExt::StaticMethod(f) => *f,
                InstExt::ClassMethod(f) => Value::BoundMethod(self.heap.alloc(BoundMethodObj {
                    receiver: Value::Type(cls),
                    func: *f,
                })),
                InstExt::Property(p) => {
                    let g = p.fget;
                    if g.is_none() {
                        return Err(self.property_error(d, obj, "getter"));
                    }
                    self.call_value(g, &[obj], &[])?
                }
                _ => self.descriptor_get(attr, obj, cls)?.unwrap_or(attr),
            },
            other => other,
        })
    }

    fn property_error(&mut self, prop: Gc<InstanceObj>, obj: Value, what: &str) -> PyExc {
        // CPython names the property by the name it was assigned to.
        let tn = self.type_name(obj);
        let name = self.property_name(prop, obj);
        let msg = match name {
            Some(n) => format!("property '{n}' of '{tn}' object has no {what}"),
            None => format!("property of '{tn}' object has no {what}"),
        };
        self.new_exception_msg("AttributeError", &msg)
    }

    fn property_name(&self, prop: Gc<InstanceObj>, obj: Value) -> Option<String> {
        let t = self.type_of(obj);
        for c in t.mro.borrow().iter() {
            for (k, v) in c.dict.borrow().iter() {
                if let (Value::Str(k), Value::Instance(p)) = (k, v) {
                    if p == prop {
                        return Some(k.as_str().to_string());
                    }
                }
            }
        }
        None
    }

    /// Whether a class attribute is a data descriptor (it wins over the
    /// instance dict): a property, or an object whose class defines
    /// `__set__` or `__delete__`.
    pub fn is_data_descriptor(v: Value) -> bool {
        match v {
            Value::Instance(d) => {
                matches!(d.ext, InstExt::Property(_))
                    || crate::interp::descriptors::is_user_data_descriptor(d)
            }
            _ => false,
        }
    }

    /// `obj.name` for an instance of a class (the general path; the
    /// interpreter's caches handle the common cases before coming here):
    /// the class's `__getattribute__` if it has one, else the generic
    /// lookup; then `__getattr__` if the attribute is missing.
    pub fn instance_getattr(
        &mut self,
        obj: Value,
        i: Gc<InstanceObj>,
        name: Gc<StrObj>,
    ) -> PyResult<Option<Value>> {
        let cls = i.class;
        let found = if cls.getattribute.get() {
            let ga = self.intern_static("__getattribute__");
            let hook = self.lookup_special(cls, ga).expect("flagged class has it");
            let f = self.bind_class_attr(hook, obj, cls)?;
            match self.call_value(f, &[Value::Str(name)], &[]) {
                Ok(v) => return Ok(Some(v)),
                // As CPython's slot_tp_getattr_hook: an AttributeError
                // goes on to `__getattr__`.
                Err(e) if e.class.is_subtype_of(self.exc_types["AttributeError"]) => {
                    match self.getattr_hook(obj, cls, name)? {
                        Some(v) => return Ok(Some(v)),
                        None => return Err(e),
                    }
                }
                Err(e) => return Err(e),
            }
        } else {
            self.generic_getattr(obj, i, name)?
        };
        if found.is_some() || i.exc.is_some() {
            return Ok(found);
        }
        self.getattr_hook(obj, cls, name)
    }

    /// The class's `__getattr__(name)`, if it has one.
    fn getattr_hook(
        &mut self,
        obj: Value,
        cls: Gc<TypeObj>,
        name: Gc<StrObj>,
    ) -> PyResult<Option<Value>> {
        let gn = self.intern_static("__getattr__");
        let Some(g) = self.lookup_special(cls, gn) else {
            return Ok(None);
        };
        let f = self.bind_class_attr(g, obj, cls)?;
        self.call_value(f, &[Value::Str(name)], &[]).map(Some)
    }

    /// `object.__getattribute__`: data descriptors, the instance's own
    /// attributes, then the class's (no `__getattr__`).
    pub fn generic_getattr(
        &mut self,
        obj: Value,
        i: Gc<InstanceObj>,
        name: Gc<StrObj>,
    ) -> PyResult<Option<Value>> {
        let cls = i.class;
        let cattr = self.lookup_type_attr(cls, name);
        if let Some(a) = cattr {
            if Self::is_data_descriptor(a) {
                return self.bind_class_attr(a, obj, cls).map(Some);
            }
        }
        let h = str_hash(name);
        if let Some(v) = i.table_for(name).borrow().get_str(h, name.as_str()) {
            return Ok(Some(v));
        }
        if let InstExt::Super { cls: sc, obj: so } = i.ext {
            if let Some(v) = self.super_lookup(sc, so, name)? {
                return Ok(Some(v));
            }
        }
        // `int.__add__` and the like of a subclass of a built-in type, which
        // come before `object.__eq__` (num_dunders.rs).
        if cls.builtin_base.get().is_some() {
            if let Some(v) = self.num_dunder(cls, name.as_str(), Some(obj)) {
                return Ok(Some(v));
            }
        }
        if let Some(a) = cattr {
            return self.bind_class_attr(a, obj, cls).map(Some);
        }
        match name.as_str() {
            "__class__" => return Ok(Some(Value::Type(cls))),
            "__dict__" if cls.slots.borrow().is_none() => {
                return Ok(Some(Value::Dict(self.instance_dict(i))))
            }
            _ => {}
        }
        Ok(self.slot_attr(cls, name.as_str(), Some(obj)))
    }

    /// The instance's attribute dict as a dict object, made on first request;
    /// from then on the instance's attributes live in it.
    pub fn instance_dict(&mut self, i: Gc<InstanceObj>) -> Gc<DictObj> {
        if let Some(d) = i.dict.get() {
            return *d;
        }
        let mut table = std::mem::take(&mut *i.attrs.borrow_mut());
        // An instance of a subclass of a class with `__slots__` keeps its
        // slots outside its `__dict__` (as CPython does): they stay in
        // `attrs`, which `slot_table` reads once the dict exists.
        if i.class.mro.borrow().iter().any(|&c| own_slots(c).is_some()) {
            let (mut slots, mut rest) = (DictTable::new(), DictTable::new());
            for (k, v) in table.iter() {
                let Value::Str(s) = k else { continue };
                let to = if declared_slot(i.class, s.as_str()) {
                    &mut slots
                } else {
                    &mut rest
                };
                to.insert(str_hash(s), k, v, str_key_eq).ok();
            }
            *i.attrs.borrow_mut() = slots;
            table = rest;
        }
        let d = self.new_dict_obj(table);
        let _ = i.dict.set(d);
        // Writes through the dict bypass setattr: caches must check it.
        i.class.shadowed.set(true);
        d
    }

    /// `obj.__dict__ = d`: `d` itself becomes the instance's attribute
    /// dict (the attributes it had are gone), as in CPython.
    fn set_instance_dict(&mut self, i: Gc<InstanceObj>, v: Value) -> PyResult<()> {
        let Value::Dict(d) = v else {
            let tn = self.type_name(v);
            return Err(self.type_error(&format!(
                "__dict__ must be set to a dictionary, not a '{tn}'"
            )));
        };
        let cls = i.class;
        if cls.slots.borrow().is_some() {
            let msg = format!("'{}' object has no attribute '__dict__'", cls.name.as_str());
            return Err(self.new_exception_msg("AttributeError", &msg));
        }
        // An instance keeps its first dict object for good (`instance_dict`),
        // and with slots in the MRO its slots live beside it: neither can be
        // swapped for another dict here.
        let slotted = cls.mro.borrow().iter().any(|&c| own_slots(c).is_some());
        if i.dict.get().is_some() || slotted {
            return Err(self.fatal_unsupported_here(
                "assigning to __dict__ of an object whose __dict__ was already used",
            ));
        }
        i.attrs.borrow_mut().clear();
        let _ = i.dict.set(d);
        // Writes through the dict bypass setattr: caches must check it.
        cls.shadowed.set(true);
        Ok(())
    }

    /// `obj.name = v` for an instance of a class.
    pub fn instance_setattr(
        &mut self,
        obj: Value,
        i: Gc<InstanceObj>,
        name: Gc<StrObj>,
        v: Value,
    ) -> PyResult<()> {
        let cls = i.class;
        let sa = self.intern_static("__setattr__");
        if let Some(f) = self.lookup_special(cls, sa) {
            if let Value::Function(_) = f {
                let f = self.bind_class_attr(f, obj, cls)?;
                self.call_value(f, &[Value::Str(name), v], &[])?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, i, name, v)
    }

    /// object.__setattr__: data descriptors, slots, then the instance dict.
    pub fn generic_setattr(
        &mut self,
        obj: Value,
        i: Gc<InstanceObj>,
        name: Gc<StrObj>,
        v: Value,
    ) -> PyResult<()> {
        let cls = i.class;
        match name.as_str() {
            "__dict__" => return self.set_instance_dict(i, v),
            // The instance's class is fixed at its making here; storing a
            // plain attribute named `__class__` would go on silently wrong.
            "__class__" => return Err(self.fatal_unsupported_here("assigning to __class__")),
            _ => {}
        }
        if let Some(a) = self.lookup_type_attr(cls, name) {
            if let Value::Instance(d) = a {
                if let InstExt::Property(p) = &d.ext {
                    let s = p.fset;
                    if s.is_none() {
                        return Err(self.property_error(d, obj, "setter"));
                    }
                    self.call_value(s, &[obj, v], &[])?;
                    return Ok(());
                }
                if self.descriptor_set(d, obj, v)? {
                    return Ok(());
                }
            }
            // An instance attribute now hides a class attribute.
            cls.shadowed.set(true);
        }
        if let Some(slots) = &*cls.slots.borrow() {
            if !slots.iter().any(|s| s.as_str() == name.as_str()) {
                let tn = cls.name.as_str().to_string();
                return Err(self.new_exception_msg(
                    "AttributeError",
                    &format!("'{tn}' object has no attribute '{}'", name.as_str()),
                ));
            }
        }
        let h = str_hash(name);
        cls.note_instance_attr(h);
        i.table_for(name)
            .borrow_mut()
            .insert(h, Value::Str(name), v, str_key_eq)
            .ok();
        Ok(())
    }

    /// `C.name` for a class.
    pub fn type_getattr(&mut self, t: Gc<TypeObj>, name: Gc<StrObj>) -> PyResult<Option<Value>> {
        match name.as_str() {
            "__name__" => return Ok(Some(Value::Str(t.name))),
            "__qualname__" => return Ok(Some(Value::Str(t.qualname()))),
            "__mro__" => {
                let items: Vec<Value> = t.mro.borrow().iter().map(|c| Value::Type(*c)).collect();
                return Ok(Some(self.new_tuple(items)));
            }
            "__bases__" => {
                let items: Vec<Value> = t.bases.borrow().iter().map(|c| Value::Type(*c)).collect();
                return Ok(Some(self.new_tuple(items)));
            }
            "__base__" => {
                return Ok(Some(
                    t.bases
                        .borrow()
                        .first()
                        .map(|b| Value::Type(*b))
                        .unwrap_or(Value::None),
                ))
            }
            "__dict__" => {
                let table = t.dict.borrow().clone();
                return Ok(Some(Value::Dict(self.new_dict_obj(table))));
            }
            "__subclasses__" => {
                return Ok(Some(Value::Builtin(self.heap.alloc(BuiltinObj {
                    prof_id: std::cell::Cell::new(u32::MAX),
                    name: "__subclasses__",
                    func: type_subclasses,
                    bound_self: Some(Value::Type(t)),
                    owner: Some(self.types.type_),
                }))))
            }
            "__module__" if !matches!(t.kind, TypeKind::User | TypeKind::Exception) => {
                return Ok(Some(Value::Str(self.intern_static("builtins"))));
            }
            "__doc__" => {
                let h = str_hash(name);
                let d = t.dict.borrow().get_str(h, "__doc__");
                return Ok(Some(d.unwrap_or(Value::None)));
            }
            _ => {}
        }
        if let Some(v) = self.num_dunder(t, name.as_str(), None) {
            return Ok(Some(v));
        }
        let Some(v) = self.lookup_type_attr(t, name) else {
            return Ok(self.slot_attr(t, name.as_str(), None));
        };
        Ok(Some(match v {
            Value::Instance(d) => match &d.ext {
                InstExt::StaticMethod(f) => *f,
                InstExt::ClassMethod(f) => Value::BoundMethod(self.heap.alloc(BoundMethodObj {
                    receiver: Value::Type(t),
                    func: *f,
                })),
                _ => match self.descriptor_get(v, Value::None, t)? {
                    Some(got) => got,
                    None => v,
                },
            },
            Value::Builtin(_) => self.rebind_builtin_classmethod(v, t),
            other => other,
        }))
    }

    /// A class method of a built-in type (`dict.fromkeys`, see
    /// `add_classmethod`) is stored bound to that type; found through a
    /// subclass (`OrderedDict.fromkeys`), it binds to the subclass instead,
    /// as CPython's classmethod descriptors do.
    pub fn rebind_builtin_classmethod(&mut self, v: Value, cls: Gc<TypeObj>) -> Value {
        match v {
            Value::Builtin(b)
                if b.owner.is_some_and(|o| {
                    o != cls && matches!(b.bound_self, Some(Value::Type(s)) if s == o)
                }) =>
            {
                Value::Builtin(self.heap.alloc(BuiltinObj {
                    prof_id: std::cell::Cell::new(b.prof_id.get()),
                    name: b.name,
                    func: b.func,
                    bound_self: Some(Value::Type(cls)),
                    owner: b.owner,
                }))
            }
            other => other,
        }
    }

    /// `C.name = v` for a class made by `class`.
    pub fn type_setattr(&mut self, t: Gc<TypeObj>, name: Gc<StrObj>, v: Value) {
        // A name new to the class may be an attribute of instances already,
        // stored while no class attribute could be hidden (so `shadowed` was
        // not set then).
        let new = self.lookup_type_attr(t, name).is_none();
        let h = str_hash(name);
        t.dict
            .borrow_mut()
            .insert(h, Value::Str(name), v, str_key_eq)
            .ok();
        self.invalidate_class(t);
        if new {
            shadow_holders(t, h);
        }
    }

    pub fn type_delattr(&mut self, t: Gc<TypeObj>, name: Gc<StrObj>) -> bool {
        let h = str_hash(name);
        let removed = t
            .dict
            .borrow_mut()
            .remove(h, &Value::Str(name), str_key_eq)
            .ok()
            .flatten()
            .is_some();
        self.invalidate_class(t);
        removed
    }

    // ------------------------------------------------------------ super

    /// `super(cls, obj).name`.
    pub fn super_getattr(&mut self, cls: Value, obj: Value, name: Gc<StrObj>) -> PyResult<Value> {
        let Value::Type(cls) = cls else {
            let tn = self.type_name(cls);
            return Err(self.type_error(&format!("super() argument 1 must be a type, not {tn}")));
        };
        match self.super_lookup(cls, obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.new_exception_msg(
                "AttributeError",
                &format!("'super' object has no attribute '{}'", name.as_str()),
            )),
        }
    }

    fn super_lookup(
        &mut self,
        cls: Gc<TypeObj>,
        obj: Value,
        name: Gc<StrObj>,
    ) -> PyResult<Option<Value>> {
        // super(C, x) for an instance x, or super(C, D) for a class D (in
        // classmethods).
        let (start, is_type) = match obj {
            Value::Type(t) if t.is_subtype_of(cls) => (t, true),
            _ => (self.type_of(obj), false),
        };
        if !start.is_subtype_of(cls) {
            return Err(
                self.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
        let h = str_hash(name);
        // Found under the MRO's borrow (a dict lookup runs no Python code);
        // the binding below may, so the borrow ends first.
        let found = {
            let mro = start.mro.borrow();
            let pos = mro.iter().position(|c| *c == cls).unwrap_or(0);
            mro[pos + 1..]
                .iter()
                .find_map(|c| c.dict.borrow().get_str(h, name.as_str()))
        };
        // `super().__add__(x)` in a subclass of int (num_dunders.rs).
        let numeric = {
            let mro = start.mro.borrow();
            let pos = mro.iter().position(|c| *c == cls).unwrap_or(0);
            let bound = (!is_type).then_some(obj);
            self.num_dunder_in(&mro[pos + 1..], name.as_str(), bound)
        };
        if numeric.is_some() {
            return Ok(numeric);
        }
        if let Some(v) = found {
            if is_type {
                return Ok(Some(match v {
                    Value::Instance(d) => match &d.ext {
                        InstExt::StaticMethod(f) => *f,
                        InstExt::ClassMethod(f) => {
                            Value::BoundMethod(self.heap.alloc(BoundMethodObj {
                                receiver: obj,
                                func: *f,
                            }))
                        }
                        _ => v,
                    },
                    // object.__init_subclass__, an implicit class method:
                    // bound to the class, which its error message names.
                    Value::Builtin(b)
                        if b.bound_self.is_none() && name.as_str() == "__init_subclass__" =>
                    {
                        Value::Builtin(self.heap.alloc(BuiltinObj {
                            prof_id: std::cell::Cell::new(b.prof_id.get()),
                            name: b.name,
                            func: b.func,
                            bound_self: Some(obj),
                            owner: b.owner,
                        }))
                    }
                    other => other,
                }));
            }
            return self.bind_class_attr(v, obj, start).map(Some);
        }
        // `super().__getitem__(k)` in a subclass of a built-in container.
        let mro: Vec<Gc<TypeObj>> = start.mro.borrow().clone();
        let pos = mro.iter().position(|c| *c == cls).unwrap_or(0);
        let bound = (!is_type).then_some(obj);
        Ok(self.slot_attr_in(&mro[pos + 1..], name.as_str(), bound))
    }
}

/// Built-in types CPython lets a class derive from but jitprof does not.
fn subclassable_in_cpython_only(k: TypeKind) -> bool {
    matches!(
        k,
        TypeKind::Type
            | TypeKind::Module
            | TypeKind::Property
            | TypeKind::StaticMethod
            | TypeKind::ClassMethod
            | TypeKind::Super
    )
}

/// Built-in types a class may derive from.
fn can_subclass(k: TypeKind) -> bool {
    !matches!(
        k,
        TypeKind::Bool
            | TypeKind::NoneType
            | TypeKind::Range
            | TypeKind::Slice
            | TypeKind::Function
            | TypeKind::BuiltinFunction
            | TypeKind::Method
            | TypeKind::Cell
            | TypeKind::Generator
            | TypeKind::DictView
            | TypeKind::Ellipsis
            | TypeKind::NotImplemented
            | TypeKind::Iterator
            | TypeKind::Module
            | TypeKind::Property
            | TypeKind::StaticMethod
            | TypeKind::ClassMethod
            | TypeKind::Super
            | TypeKind::Type
    )
}

/// Built-in types whose subclass instances carry a value of the type.
pub fn payload_kind(k: TypeKind) -> bool {
    matches!(
        k,
        TypeKind::Int
            | TypeKind::Float
            | TypeKind::Str
            | TypeKind::Bytes
            | TypeKind::List
            | TypeKind::Tuple
            | TypeKind::Dict
            | TypeKind::Set
            | TypeKind::FrozenSet
    )
}

impl InstanceObj {
    /// The attribute table: inline, or in the dict object once `__dict__` was
    /// asked for.
    #[inline]
    pub fn table(&self) -> &std::cell::RefCell<DictTable> {
        match self.dict.get() {
            Some(d) => &d.table,
            None => &self.attrs,
        }
    }

    /// Where attribute `name` lives: `table()`, except for a slot of a
    /// class in the MRO once the instance has a `__dict__` (see
    /// `Vm::instance_dict`).
    pub fn table_for(&self, name: Gc<StrObj>) -> &std::cell::RefCell<DictTable> {
        match self.dict.get() {
            Some(d) if !declared_slot(self.class, name.as_str()) => &d.table,
            _ => &self.attrs,
        }
    }
}

/// A class attribute named with hash `h` was added to `t`: mark `t` and
/// its subclasses whose instances may hold an attribute of that name
/// (`TypeObj::shadowed`).
fn shadow_holders(t: Gc<TypeObj>, h: i64) {
    if t.may_hold_instance_attr(h) {
        t.shadowed.set(true);
    }
    let subs: Vec<Gc<TypeObj>> = t.subclasses.borrow().clone();
    for s in subs {
        shadow_holders(s, h);
    }
}

/// The `__slots__` a class declared itself (the class dict keeps it, as
/// CPython's does), else None.
fn own_slots(c: Gc<TypeObj>) -> Option<Value> {
    let h = crate::runtime::hash::hash_str("__slots__");
    c.dict.borrow().get_str(h, "__slots__")
}

/// Whether `name` is in the `__slots__` of a class in `cls`'s MRO.
fn declared_slot(cls: Gc<TypeObj>, name: &str) -> bool {
    let is = |v: &Value| matches!(v, Value::Str(s) if s.as_str() == name);
    cls.mro.borrow().iter().any(|&c| match own_slots(c) {
        Some(v @ Value::Str(_)) => is(&v),
        Some(Value::Tuple(t)) => t.items.iter().any(is),
        Some(Value::List(l)) => l.items.borrow().iter().any(is),
        _ => false,
    })
}

/// `C.__subclasses__()`: the classes made with `C` as a direct base, in
/// the order they were made.
fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let Some(Value::Type(t)) = args.first() else {
        return Err(vm.type_error("descriptor '__subclasses__' requires a type"));
    };
    if args.len() > 1 {
        return Err(vm.type_error(&format!(
            "type.__subclasses__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    let items: Vec<Value> = t
        .subclasses
        .borrow()
        .iter()
        .map(|c| Value::Type(*c))
        .collect();
    Ok(vm.new_list(items))
}
