//! Inline caches for attribute access, method calls and class calls.
//!
//! Every instruction has a cache slot (`Code::caches`, indexed by pc). A slot
//! remembers the class it saw, that class's version (see `TypeObj::version`),
//! and what the lookup found:
//!
//! * `INSTANCE_ATTR`: the attribute lives in the instance's attribute table,
//!   at entry `index` for the instances seen so far. The hint is checked by
//!   comparing that entry's key with the (interned) name: one compare, no
//!   probe. Instances built by the same `__init__` share their entry order,
//!   so the hint holds for all of them.
//! * `CLASS_VALUE` / `METHOD` / `PAYLOAD_METHOD`: a class attribute (a
//!   constant, a Python function, a native method of the class, a method of
//!   the built-in base). Valid while the class version holds and no instance
//!   attribute can hide it (`TypeObj::shadowed`).
//! * `STORE`: `obj.name = v` needs no descriptor or `__setattr__`: write at
//!   the hinted entry, else insert.
//! * `INIT`: calling the class makes a plain instance and runs `value`
//!   (its `__init__` function, or nothing when `value` is None).
//! * `TYPE_ATTR`: `C.name` on a class itself (a constant, a function, a
//!   static method's function): `value`, while the class version holds.
//! * `CLASS_METHOD`: `C.name` is a class method whose function is `value`:
//!   calling `C.name(args)` calls it with the class first, while the class
//!   version holds (reading `C.name` still makes the bound method).
//! * `MODULE_SLOT`: `m.name` on a module (`math.sqrt`): the module's global
//!   slot `index`, read afresh on every hit (the binding may change; its
//!   slot does not). `class` holds the module's address; modules live as
//!   long as the VM (`Vm::modules`), so the address cannot be reused.
//!
//! Method calls on built-in values (`lst.append(x)`) use `METHOD` with the
//! built-in type as the class: built-in types never change, so their version
//! always holds.
//!
//! The cache is filled on the slow path, after the full lookup has decided
//! what the access means; the fast path in the interpreter loop only checks
//! (class, version) and the kind. A slot is monomorphic: a site that sees
//! another class refills it.

use std::cell::Cell;

use crate::interp::classes::payload_kind;
use crate::interp::protocol::str_hash;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub const EMPTY: u8 = 0;
pub const INSTANCE_ATTR: u8 = 1;
pub const CLASS_VALUE: u8 = 2;
pub const METHOD: u8 = 3;
pub const PAYLOAD_METHOD: u8 = 4;
pub const STORE: u8 = 5;
pub const INIT: u8 = 6;
pub const TYPE_ATTR: u8 = 7;
pub const MODULE_SLOT: u8 = 8;
pub const CLASS_METHOD: u8 = 9;

#[derive(Default)]
pub struct AttrCache {
    pub class: Cell<usize>,
    pub version: Cell<u32>,
    pub kind: Cell<u8>,
    pub index: Cell<u32>,
    /// The class attribute found (not traced: it is only read while the
    /// class version proves the class still holds it).
    pub value: Cell<Value>,
}

impl AttrCache {
    #[inline(always)]
    pub fn valid_for(&self, cls: Gc<TypeObj>) -> bool {
        self.class.get() == cls.addr() && self.version.get() == cls.version.get()
    }

    pub(crate) fn fill(&self, cls: Gc<TypeObj>, kind: u8, index: usize, value: Value) {
        if cls.getattribute.get() {
            // Its instances' attributes are whatever `__getattribute__` says.
            return;
        }
        self.class.set(cls.addr());
        self.version.set(cls.version.get());
        self.kind.set(kind);
        self.index.set(index as u32);
        self.value.set(value);
    }
}

/// The cached fast path of `LoadAttr` on a class or a module: Some(value) on
/// a hit. Shared by the interpreter and compiled code.
#[inline(always)]
pub fn load_attr_other_hit(c: &AttrCache, obj: Value) -> Option<Value> {
    match obj {
        Value::Type(t) if c.kind.get() == TYPE_ATTR && c.valid_for(t) => Some(c.value.get()),
        Value::Module(m) if c.kind.get() == MODULE_SLOT && c.class.get() == m.addr() => {
            match m.globals.try_borrow().ok()?.get(c.index.get() as usize) {
                Some(Value::Undefined) | None => None,
                Some(v) => Some(*v),
            }
        }
        _ => None,
    }
}

/// Whether instance `i` may hold an attribute that hides class attribute
/// `name` (so a cached class attribute must not be used).
#[inline(always)]
pub fn hidden_by_instance(i: Gc<InstanceObj>, name: Gc<StrObj>) -> bool {
    i.class.shadowed.get()
        && i.table()
            .borrow()
            .get_str(str_hash(name), name.as_str())
            .is_some()
}

/// The cached fast path of `StoreAttr` on an instance: true when the store was
/// done. Shared by the interpreter and compiled code.
#[inline(always)]
pub fn store_attr_hit(c: &AttrCache, i: Gc<InstanceObj>, nm: Gc<StrObj>, v: Value) -> bool {
    let store = c.kind.get() == STORE;
    if store && i.class.plain_attrs.get() {
        // Replacing an existing attribute: any plain class.
        if i.table()
            .borrow_mut()
            .set_at_if_key(c.index.get() as usize, nm.addr(), v)
        {
            return true;
        }
    }
    if store && c.valid_for(i.class) {
        let mut t = i.table().borrow_mut();
        if !t.set_at_if_key(c.index.get() as usize, nm.addr(), v) {
            // The name need not be noted on the class
            // (`TypeObj::note_instance_attr`): the store that filled this
            // cache for this class went through `generic_setattr`, which did.
            let h = str_hash(nm);
            t.insert(h, Value::Str(nm), v, crate::interp::protocol::str_key_eq)
                .ok();
        }
        return true;
    }
    false
}

impl Vm {
    /// The cached fast paths of `LoadAttr` on an instance `obj` (= `i`):
    /// Some(value) on a hit. Shared by the interpreter and compiled code.
    #[inline(always)]
    pub fn load_attr_hit(
        &mut self,
        c: &AttrCache,
        i: Gc<InstanceObj>,
        nm: Gc<StrObj>,
        obj: Value,
    ) -> Option<Value> {
        let cls = i.class;
        if c.kind.get() == INSTANCE_ATTR && cls.plain_attrs.get() {
            let hit = i
                .table()
                .borrow()
                .value_at_if_key(c.index.get() as usize, nm.addr());
            if hit.is_some() {
                return hit;
            }
        }
        if c.valid_for(cls) {
            match c.kind.get() {
                INSTANCE_ATTR => {
                    return i
                        .table()
                        .borrow()
                        .value_at_if_key(c.index.get() as usize, nm.addr());
                }
                CLASS_VALUE if !hidden_by_instance(i, nm) => return Some(c.value.get()),
                METHOD if !hidden_by_instance(i, nm) => {
                    let m = self.heap.alloc(BoundMethodObj {
                        receiver: obj,
                        func: c.value.get(),
                    });
                    return Some(Value::BoundMethod(m));
                }
                _ => {}
            }
        }
        None
    }

    /// `obj.name` on an instance, the slow path: look up, then fill the cache.
    pub fn load_attr_fill(
        &mut self,
        c: &AttrCache,
        obj: Value,
        i: Gc<InstanceObj>,
        name: Gc<StrObj>,
    ) -> PyResult<Value> {
        let cls = i.class;
        if i.exc.is_none() && !matches!(i.ext, InstExt::Super { .. }) && !cls.getattribute.get() {
            let cattr = self.lookup_type_attr(cls, name);
            if !cattr.is_some_and(Self::is_data_descriptor) {
                let ix = {
                    let t = i.table().borrow();
                    t.str_entry_index(str_hash(name), name.as_str())
                        .filter(|&ix| t.value_at_if_key(ix, name.addr()).is_some())
                };
                match (ix, cattr) {
                    (Some(ix), _) => c.fill(cls, INSTANCE_ATTR, ix, Value::None),
                    (None, Some(v @ Value::Function(_))) => c.fill(cls, METHOD, 0, v),
                    (None, Some(Value::Instance(_) | Value::Builtin(_))) => {}
                    (None, Some(v)) => c.fill(cls, CLASS_VALUE, 0, v),
                    (None, None) => {}
                }
            }
        }
        self.getattr(obj, name)
    }

    /// `obj.name` on a class or a module (or anything else that is not an
    /// instance), the slow path: look up, then fill the cache when the answer
    /// can be reused.
    pub fn load_attr_other_fill(
        &mut self,
        c: &AttrCache,
        obj: Value,
        name: Gc<StrObj>,
    ) -> PyResult<Value> {
        let v = self.getattr(obj, name)?;
        match obj {
            // Dunder names are computed (`__mro__`, `__dict__`, ...) or rare.
            Value::Type(t) if !name.as_str().starts_with("__") => {
                // What `type_getattr` makes of the class attribute: itself,
                // or a static method's function; a class method is a new
                // bound method each time, so only its function is kept, for
                // calls (`CLASS_METHOD`), when that is what the lookup bound.
                let plain = match self.lookup_type_attr(t, name) {
                    Some(Value::Instance(d)) => match &d.ext {
                        InstExt::StaticMethod(f) => Some(*f),
                        InstExt::ClassMethod(f) => {
                            if let (Value::Function(_), Value::BoundMethod(b)) = (f, v) {
                                if b.func.is(f) && b.receiver.is(&obj) {
                                    c.fill(t, CLASS_METHOD, 0, *f);
                                }
                            }
                            None
                        }
                        // A descriptor's `__get__` runs on every read.
                        _ if crate::interp::descriptors::descriptor_method(d, "__get__")
                            .is_some() =>
                        {
                            None
                        }
                        _ => Some(Value::Instance(d)),
                    },
                    other => other,
                };
                if plain.is_some_and(|p| p.is(&v)) {
                    c.fill(t, TYPE_ATTR, 0, v);
                }
            }
            Value::Module(m) => {
                if let Some(slot) = m.slot_of(name.as_str()) {
                    c.class.set(m.addr());
                    c.version.set(0);
                    c.kind.set(MODULE_SLOT);
                    c.index.set(slot as u32);
                    c.value.set(Value::None);
                }
            }
            _ => {}
        }
        Ok(v)
    }

    /// The method `name` of a built-in value's type (`lst.append`), through
    /// the site's cache: Some(native) when it is a plain native method.
    #[inline(always)]
    pub fn builtin_method(
        &mut self,
        c: &AttrCache,
        recv: Value,
        name: Gc<StrObj>,
    ) -> Option<Gc<BuiltinObj>> {
        let t = self.type_of(recv);
        if c.kind.get() == METHOD && c.valid_for(t) {
            if let Value::Builtin(b) = c.value.get() {
                return Some(b);
            }
        }
        self.builtin_method_fill(c, t, name)
    }

    /// `builtin_method`'s lookup on a cache miss (out of line: the hit is
    /// inlined into every call site of the interpreter loop).
    #[inline(never)]
    fn builtin_method_fill(
        &mut self,
        c: &AttrCache,
        t: Gc<TypeObj>,
        name: Gc<StrObj>,
    ) -> Option<Gc<BuiltinObj>> {
        match self.lookup_type_attr(t, name) {
            Some(v @ Value::Builtin(b))
                if b.bound_self.is_none() && !self.has_num_dunder(t, name.as_str()) =>
            {
                c.fill(t, METHOD, 0, v);
                Some(b)
            }
            _ => None,
        }
    }

    /// `obj.name = v` on an instance, the slow path.
    pub fn store_attr_fill(
        &mut self,
        c: &AttrCache,
        obj: Value,
        i: Gc<InstanceObj>,
        name: Gc<StrObj>,
        v: Value,
    ) -> PyResult<()> {
        self.setattr(obj, name, v)?;
        let cls = i.class;
        if i.exc.is_some() {
            return Ok(());
        }
        let sa = self.intern_static("__setattr__");
        if self.lookup_special(cls, sa).is_some() {
            return Ok(());
        }
        if self
            .lookup_type_attr(cls, name)
            .is_some_and(Self::is_data_descriptor)
        {
            return Ok(());
        }
        let ix = {
            let t = i.table().borrow();
            t.str_entry_index(str_hash(name), name.as_str())
                .filter(|&ix| t.value_at_if_key(ix, name.addr()).is_some())
        };
        if let Some(ix) = ix {
            c.fill(cls, STORE, ix, Value::None);
        }
        Ok(())
    }

    /// `obj.name(args)` on an instance (receiver at stack[at]), the slow path.
    pub fn call_method_fill(
        &mut self,
        c: &AttrCache,
        at: usize,
        i: Gc<InstanceObj>,
        name: Gc<StrObj>,
        argc: usize,
    ) -> PyResult<Option<Value>> {
        let cls = i.class;
        if i.exc.is_none() && !matches!(i.ext, InstExt::Super { .. }) && !cls.getattribute.get() {
            let in_dict = i
                .table()
                .borrow()
                .get_str(str_hash(name), name.as_str())
                .is_some();
            if !in_dict {
                match self.lookup_type_attr(cls, name) {
                    Some(v @ Value::Function(f)) => {
                        c.fill(cls, METHOD, 0, v);
                        // Call it as the cached path does. A call site that
                        // sees several classes (richards' `t.fn(...)`) comes
                        // here on every class change; going on to the generic
                        // path made a bound method and re-entered the
                        // interpreter natively for each such call.
                        return self.call_plain_method(f, at, argc);
                    }
                    Some(v @ Value::Builtin(b))
                        if b.bound_self.is_none() && !self.has_num_dunder(cls, name.as_str()) =>
                    {
                        let on_payload = b.owner.is_some_and(|o| payload_kind(o.kind));
                        match (on_payload, i.payload()) {
                            (true, Some(_)) => c.fill(cls, PAYLOAD_METHOD, 0, v),
                            (false, _) if b.owner.is_some() => c.fill(cls, METHOD, 0, v),
                            (false, _) => {}
                            (true, None) => {}
                        }
                    }
                    _ => {}
                }
            }
        }
        self.call_method_from_regs(at, name, argc)
    }

    /// A Python method `f` called on the receiver at stack[at] with `argc`
    /// arguments after it: a frame in this interpreter loop (None), or the
    /// call's result (a generator).
    fn call_plain_method(
        &mut self,
        f: Gc<FunctionObj>,
        at: usize,
        argc: usize,
    ) -> PyResult<Option<Value>> {
        if f.fast_argc as usize == argc + 1 {
            if self.poll_due() {
                let top = self.stack_top();
                self.safepoint(top)?;
            }
            self.push_frame(f, at, at, argc + 1)?;
            return Ok(None);
        }
        self.call_function_at(f, at, argc + 1, at)
    }

    /// `C(args)` for a class (the class at stack[at - 1], arguments after it),
    /// the slow path: construct, and remember how when it is the plain case.
    pub fn call_class_fill(
        &mut self,
        c: &AttrCache,
        t: Gc<TypeObj>,
        at: usize,
        argc: usize,
    ) -> PyResult<Option<Value>> {
        if t.kind != TypeKind::User && argc <= crate::interp::call::ARG_BUF {
            // A built-in type (`range(n)`, `str(x)`): its constructor, with
            // the arguments in a stack buffer, as the generic path would
            // call it.
            let mut buf = [Value::Undefined; crate::interp::call::ARG_BUF];
            buf[..argc].copy_from_slice(&self.stack[at..at + argc]);
            return self.call_type(t, &buf[..argc], &[]).map(Some);
        }
        if t.kind == TypeKind::User && t.builtin_base.get().is_none() {
            let new_name = self.intern_static("__new__");
            let init_name = self.intern_static("__init__");
            if self.lookup_special(t, new_name).is_none() {
                match self.lookup_special(t, init_name) {
                    Some(f @ Value::Function(_)) => c.fill(t, INIT, 0, f),
                    None => c.fill(t, INIT, 0, Value::None),
                    _ => {}
                }
            }
        }
        self.call_from_regs(Value::Type(t), at, argc, None)
    }

    /// A Python function called with `argc` positional arguments at
    /// stack[at..], its result going to stack[ret]: pushes a frame (None), or
    /// returns a generator (Some).
    pub fn call_function_at(
        &mut self,
        func: Gc<FunctionObj>,
        at: usize,
        argc: usize,
        ret: usize,
    ) -> PyResult<Option<Value>> {
        if crate::interp::exec::defaults_fill(&func, argc) {
            if self.poll_due() {
                let top = self.stack_top();
                self.safepoint(top.max(at + argc))?;
            }
            self.push_frame_defaults(func, at, ret, argc)?;
            return Ok(None);
        }
        let args: Vec<Value> = self.stack[at..at + argc].to_vec();
        if func.code.is_generator {
            return self.call_function(func, &args, &[]).map(Some);
        }
        if self.poll_due() {
            let top = self.stack_top();
            self.safepoint(top.max(at + argc))?;
        }
        let bound = self.bind_args(func, &args, &[])?;
        if at + bound.len() > self.stack.len() {
            return Err(
                self.new_exception_msg("RecursionError", "maximum recursion depth exceeded")
            );
        }
        self.stack[at..at + bound.len()].copy_from_slice(&bound);
        self.push_frame(func, at, ret, bound.len())?;
        Ok(None)
    }
}
