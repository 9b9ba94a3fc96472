//! Special methods of classes, dispatched by the object protocols: operators
//! (with reflected operands and in-place forms), rich comparisons with their
//! fallbacks, `__bool__`/`__len__`, `__hash__`, `__repr__`/`__str__`,
//! containers (`__getitem__`, `__setitem__`, `__delitem__`, `__contains__`),
//! iteration (`__iter__`, `__next__`, and the old `__getitem__` protocol),
//! `__call__`, and instance creation (`__new__`, `__init__`).
//!
//! Each `instance_*` entry returns `Ok(None)` when the class defines nothing
//! that applies, so the caller falls through to its built-in behaviour and
//! error message. Subclasses of built-in types fall back to the built-in
//! value they carry (`InstExt::Payload`).

use std::cell::Cell;
use std::rc::Rc;

use crate::interp::frame::OpResume;
use crate::interp::ops::{BinOp, CmpOp};
use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// (method, reflected method, in-place method) for an operator.
fn op_names(op: BinOp) -> (&'static str, &'static str, Option<&'static str>) {
    use BinOp::*;
    match op {
        Add => ("__add__", "__radd__", None),
        Sub => ("__sub__", "__rsub__", None),
        Mul => ("__mul__", "__rmul__", None),
        TrueDiv => ("__truediv__", "__rtruediv__", None),
        FloorDiv => ("__floordiv__", "__rfloordiv__", None),
        Mod => ("__mod__", "__rmod__", None),
        Pow => ("__pow__", "__rpow__", None),
        LShift => ("__lshift__", "__rlshift__", None),
        RShift => ("__rshift__", "__rrshift__", None),
        BitAnd => ("__and__", "__rand__", None),
        BitOr => ("__or__", "__ror__", None),
        BitXor => ("__xor__", "__rxor__", None),
        MatMul => ("__matmul__", "__rmatmul__", None),
        IAdd => ("__add__", "__radd__", Some("__iadd__")),
        ISub => ("__sub__", "__rsub__", Some("__isub__")),
        IMul => ("__mul__", "__rmul__", Some("__imul__")),
        IOr => ("__or__", "__ror__", Some("__ior__")),
        IAnd => ("__and__", "__rand__", Some("__iand__")),
        IXor => ("__xor__", "__rxor__", Some("__ixor__")),
        ITrueDiv => ("__truediv__", "__rtruediv__", Some("__itruediv__")),
        IFloorDiv => ("__floordiv__", "__rfloordiv__", Some("__ifloordiv__")),
        IMod => ("__mod__", "__rmod__", Some("__imod__")),
        IPow => ("__pow__", "__rpow__", Some("__ipow__")),
        ILShift => ("__lshift__", "__rlshift__", Some("__ilshift__")),
        IRShift => ("__rshift__", "__rrshift__", Some("__irshift__")),
        IMatMul => ("__matmul__", "__rmatmul__", Some("__imatmul__")),
    }
}

fn cmp_names(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::Le => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::Ge => ("__ge__", "__le__"),
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::Ne => ("__ne__", "__ne__"),
    }
}

fn is_instance(v: Value) -> bool {
    matches!(v, Value::Instance(_))
}

fn payload_of(v: Value) -> Value {
    match v {
        Value::Instance(i) => i.payload().unwrap_or(v),
        _ => v,
    }
}

impl Vm {
    /// The special method `name` of v's class (None for values that are not
    /// instances of classes, or when the class does not define it).
    pub(crate) fn special_of(&mut self, v: Value, name: &'static str) -> Option<Value> {
        let Value::Instance(i) = v else { return None };
        let n = self.intern_static(name);
        self.lookup_special(i.class, n)
    }

    /// Call a special method found with `special_of` on `v`.
    fn call_found(&mut self, f: Value, v: Value, args: &[Value]) -> PyResult<Value> {
        // A native method of the class (not of a built-in base): call it with
        // the receiver first, without making a bound method.
        if let Value::Builtin(b) = f {
            let native_method = b.bound_self.is_none()
                && b.owner
                    .is_some_and(|o| !crate::interp::classes::payload_kind(o.kind));
            if native_method && args.len() < crate::interp::call::ARG_BUF {
                let mut buf = [Value::Undefined; crate::interp::call::ARG_BUF];
                buf[0] = v;
                buf[1..=args.len()].copy_from_slice(args);
                return (b.func)(self, &buf[..=args.len()], &[]);
            }
        }
        // A Python function of the class: called with the receiver first,
        // as its bound method would call it, without making one. Compiled
        // code's operators on instances come here (the interpreter's push
        // the method's frame and allocate nothing, `OpResume`): a bound
        // method per operator was chaos's only allocation that
        // `--jit=off` does not make.
        if let Value::Function(func) = f {
            if args.len() < crate::interp::call::ARG_BUF {
                let mut buf = [Value::Undefined; crate::interp::call::ARG_BUF];
                buf[0] = v;
                buf[1..=args.len()].copy_from_slice(args);
                return self.call_function(func, &buf[..=args.len()], &[]);
            }
        }
        let cls = self.type_of(v);
        let bound = self.bind_class_attr(f, v, cls)?;
        self.temp_roots.push(v);
        self.temp_roots.push(bound);
        let r = self.call_value(bound, args, &[]);
        self.temp_roots.pop();
        self.temp_roots.pop();
        r
    }

    // ------------------------------------------------------------ operators

    /// `a op b` when either operand is an instance of a class.
    pub fn binary_dunder(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        if !is_instance(a) && !is_instance(b) {
            return Ok(None);
        }
        self.binary_dunder_from(op, a, b, 0)
    }

    /// The operator protocol from `stage` on (see `binary_dunder_step`):
    /// each special method in turn until one returns something other than
    /// NotImplemented, then the built-in values of subclasses of built-in
    /// types.
    pub fn binary_dunder_from(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        mut stage: u8,
    ) -> PyResult<Option<Value>> {
        while let Some((f, recv, other, next)) = self.binary_dunder_step(op, a, b, stage) {
            let r = self.call_found(f, recv, &[other])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
            stage = next;
        }
        self.binary_payload(op, a, b)
    }

    /// The next special method the protocol of `a op b` tries after `stage`
    /// (0 at the start): (method, receiver, other operand, the stage after
    /// it), or None when only the built-in fallback is left. The order is
    /// CPython's: the in-place method; then a subclass's reflected method
    /// before the left operand's method when it overrides it (stages 2, 3);
    /// else the left operand's method, then the right operand's reflected
    /// one (stages 4, 5).
    pub fn binary_dunder_step(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        stage: u8,
    ) -> Option<(Value, Value, Value, u8)> {
        if stage != 0 {
            return self.binary_dunder_lookup(op, a, b, stage);
        }
        // The first method depends on the classes alone: remembered per
        // class versions (`dunder_cache.rs`).
        let version = |vm: &Vm, v: Value| match v {
            Value::Instance(i) => i.class.version.get(),
            _ => vm.type_of(v).version.get(),
        };
        let (va, vb) = (version(self, a), version(self, b));
        let found = match self.binop_cache.get(op, va, vb) {
            Some(found) => found,
            None => {
                let found = self
                    .binary_dunder_lookup(op, a, b, 0)
                    .map(|(f, _, _, next)| (f, matches!(next, 2 | 5), next));
                self.binop_cache.put(op, va, vb, found);
                found
            }
        };
        // Stages 2 and 5 call the right operand's reflected method.
        found.map(|(f, swapped, next)| match swapped {
            true => (f, b, a, next),
            false => (f, a, b, next),
        })
    }

    /// `binary_dunder_step` by looking the methods up on the classes.
    fn binary_dunder_lookup(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        stage: u8,
    ) -> Option<(Value, Value, Value, u8)> {
        let (name, rname, iname) = op_names(op);
        let reflected = |vm: &mut Vm| {
            let (ta, tb) = (vm.type_of(a), vm.type_of(b));
            if ta != tb {
                vm.special_of(b, rname).map(|f| (f, tb.is_subtype_of(ta)))
            } else {
                None
            }
        };
        match stage {
            0 | 1 => {
                if stage == 0 {
                    if let Some(iname) = iname {
                        if let Some(f) = self.special_of(a, iname) {
                            return Some((f, a, b, 1));
                        }
                    }
                }
                let fb = reflected(self);
                if let Some((f, true)) = fb {
                    return Some((f, b, a, 2));
                }
                if let Some(f) = self.special_of(a, name) {
                    return Some((f, a, b, 4));
                }
                fb.map(|(f, _)| (f, b, a, 5))
            }
            2 => self.special_of(a, name).map(|f| (f, a, b, 3)),
            4 => reflected(self).map(|(f, _)| (f, b, a, 5)),
            _ => None,
        }
    }

    /// `a op b` run by the interpreter loop, the result going to register
    /// `dst` of the top frame. When the first special method the protocol
    /// tries is a plain Python function, its frame is pushed above the top
    /// frame (Ok(None)) and the loop runs it, as it runs calls: no native
    /// re-entry. A NotImplemented return goes on in `binop_not_implemented`.
    pub fn binary_op_frame(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        dst: u16,
    ) -> PyResult<Option<Value>> {
        if is_instance(a) || is_instance(b) {
            if let Some((Value::Function(f), recv, other, next)) =
                self.binary_dunder_step(op, a, b, 0)
            {
                if f.fast_argc == 2 || crate::interp::exec::defaults_fill(&f, 2) {
                    let base = self.stack_top();
                    let ret = self.frames.last().expect("frame").base + dst as usize;
                    if self.poll_due() {
                        self.safepoint(base)?;
                    }
                    if base + 2 > self.stack.len() {
                        return Err(self.new_exception_msg(
                            "RecursionError",
                            "maximum recursion depth exceeded",
                        ));
                    }
                    self.stack[base] = recv;
                    self.stack[base + 1] = other;
                    self.push_frame_defaults(f, base, ret, 2)?;
                    self.frames.last_mut().expect("frame").binop = Some(OpResume {
                        op,
                        stage: next,
                        a,
                        b,
                    });
                    return Ok(None);
                }
            }
        }
        self.binary_op(op, a, b).map(Some)
    }

    /// The top frame, pushed by `binary_op_frame`, returned NotImplemented:
    /// pop it and go on with the operator protocol, the result going where
    /// the frame's would have.
    #[inline(never)]
    pub fn binop_not_implemented(&mut self) -> PyResult<()> {
        let f = self.frames.last().expect("frame");
        let r = f.binop.expect("an operator's frame");
        let ret = f.ret_slot;
        let exit = self.pop_frame(Value::NotImplemented);
        debug_assert!(exit.is_none());
        // The operands may now be held nowhere else.
        self.temp_roots.push(r.a);
        self.temp_roots.push(r.b);
        let v = match self.binary_dunder_from(r.op, r.a, r.b, r.stage) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => self.binary_op_builtin(r.op, r.a, r.b),
            Err(e) => Err(e),
        };
        self.temp_roots.pop();
        self.temp_roots.pop();
        self.stack[ret] = v?;
        Ok(())
    }

    /// Subclasses of built-in types use the built-in operator on their values.
    fn binary_payload(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let (pa, pb) = (payload_of(a), payload_of(b));
        if (!pa.is(&a) || !pb.is(&b)) && !is_instance(pa) && !is_instance(pb) {
            return self.binary_op(op, pa, pb).map(Some);
        }
        Ok(None)
    }

    /// `-v`, `+v`, `~v` on an instance: `__neg__`, `__pos__`, `__invert__`.
    pub fn unary_dunder(&mut self, name: &'static str, v: Value) -> PyResult<Option<Value>> {
        match self.special_of(v, name) {
            Some(f) => self.call_found(f, v, &[]).map(Some),
            None => Ok(None),
        }
    }

    // ------------------------------------------------------------ comparisons

    /// `a op b` through `__lt__` & co. and their reflections; None when
    /// neither side is an instance of a class.
    pub fn compare_dunder(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        if !is_instance(a) && !is_instance(b) {
            return Ok(None);
        }
        if self.plain_compare(a) && self.plain_compare(b) {
            // Neither side has a comparison method: what the lookups below
            // would conclude, without them (`c != self` in OO code).
            return Ok(match op {
                CmpOp::Eq => Some(Value::Bool(a.is(&b))),
                CmpOp::Ne => Some(Value::Bool(!a.is(&b))),
                _ => None,
            });
        }
        let (name, rname) = cmp_names(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let reflected_first = ta != tb && tb.is_subtype_of(ta);
        let order: [(Value, &str, Value); 2] = if reflected_first {
            [(b, rname, a), (a, name, b)]
        } else {
            [(a, name, b), (b, rname, a)]
        };
        for (x, n, y) in order {
            if let Some(f) = self.special_of(x, n) {
                let r = self.call_found(f, x, &[y])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            } else if op == CmpOp::Ne && self.special_of(x, "__eq__").is_some() {
                // Default __ne__ inverts __eq__.
                let f = self.special_of(x, "__eq__").expect("checked");
                let r = self.call_found(f, x, &[y])?;
                if !matches!(r, Value::NotImplemented) {
                    let t = self.truthy(r)?;
                    return Ok(Some(Value::Bool(!t)));
                }
            }
        }
        let (pa, pb) = (payload_of(a), payload_of(b));
        if (!pa.is(&a) || !pb.is(&b)) && !is_instance(pa) && !is_instance(pb) {
            return self.compare_op(op, pa, pb).map(Some);
        }
        match op {
            CmpOp::Eq => Ok(Some(Value::Bool(a.is(&b)))),
            CmpOp::Ne => Ok(Some(Value::Bool(!a.is(&b)))),
            _ => Ok(None),
        }
    }

    /// Whether `v` compares as `object` does, as far as `compare_dunder` is
    /// concerned: not an instance (its built-in comparison never knows an
    /// instance), or an instance of a class without rich-comparison methods
    /// or payload. Remembered per class version.
    fn plain_compare(&mut self, v: Value) -> bool {
        let Value::Instance(i) = v else { return true };
        let t = i.class;
        let version = t.version.get();
        if t.plain_cmp.get() == version {
            return true;
        }
        if t.builtin_base.get().is_some() || i.payload().is_some() {
            return false;
        }
        const NAMES: [&str; 6] = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
        for n in NAMES {
            let name = self.intern_static(n);
            if self.lookup_special(t, name).is_some() {
                return false;
            }
        }
        t.plain_cmp.set(version);
        true
    }

    /// `a == b` as the special method would answer, NotImplemented included
    /// (for object.__ne__).
    pub fn rich_eq(&mut self, a: Value, b: Value) -> PyResult<Value> {
        if let Some(f) = self.special_of(a, "__eq__") {
            return self.call_found(f, a, &[b]);
        }
        Ok(if a.is(&b) {
            Value::Bool(true)
        } else {
            Value::NotImplemented
        })
    }

    // ------------------------------------------------------------ truth, hash, text

    pub fn instance_truthy(&mut self, v: Value) -> PyResult<Option<bool>> {
        if let Some(f) = self.special_of(v, "__bool__") {
            let r = self.call_found(f, v, &[])?;
            return match r {
                Value::Bool(b) => Ok(Some(b)),
                other => {
                    let tn = self.type_name(other);
                    Err(self.type_error(&format!("__bool__ should return bool, returned {tn}")))
                }
            };
        }
        if let Some(n) = self.instance_len(v)? {
            return Ok(Some(n != 0));
        }
        Ok(None)
    }

    /// `len(v)` through `__len__` or the built-in value.
    pub fn instance_len(&mut self, v: Value) -> PyResult<Option<usize>> {
        if let Some(f) = self.special_of(v, "__len__") {
            let r = self.call_found(f, v, &[])?;
            return match r {
                Value::Int(n) if n >= 0 => Ok(Some(n as usize)),
                Value::Bool(b) => Ok(Some(b as usize)),
                Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
                other => {
                    let tn = self.type_name(other);
                    Err(self.type_error(&format!(
                        "'{tn}' object cannot be interpreted as an integer"
                    )))
                }
            };
        }
        let p = payload_of(v);
        if !p.is(&v) {
            let n = crate::builtins::functions::len_of(self, p)?;
            return Ok(Some(n));
        }
        Ok(None)
    }

    pub fn instance_hash(&mut self, v: Value) -> PyResult<Option<i64>> {
        let Value::Instance(i) = v else {
            return Ok(None);
        };
        let n = self.intern_static("__hash__");
        match self.lookup_special(i.class, n) {
            Some(Value::None) => {
                let tn = self.type_name(v);
                Err(self.type_error(&format!("unhashable type: '{tn}'")))
            }
            Some(f) => {
                let r = self.call_found(f, v, &[])?;
                match r {
                    Value::Int(h) => Ok(Some(if h == -1 { -2 } else { h })),
                    Value::Bool(b) => Ok(Some(b as i64)),
                    Value::BigInt(_) => {
                        let h = self.hash(r)?;
                        Ok(Some(h))
                    }
                    _ => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
            None => {
                let p = payload_of(v);
                if !p.is(&v) {
                    return self.hash(p).map(Some);
                }
                Ok(None)
            }
        }
    }

    /// `repr(v)` through `__repr__`.
    pub fn instance_repr(&mut self, v: Value) -> PyResult<Option<String>> {
        if let Some(f) = self.special_of(v, "__repr__") {
            return self.text_result(f, v, "__repr__").map(Some);
        }
        let p = payload_of(v);
        if !p.is(&v) {
            // A subclass of a built-in type prints as its value.
            return self.repr(p).map(Some);
        }
        Ok(None)
    }

    /// `str(v)` through `__str__`, else `__repr__`.
    pub fn instance_str(&mut self, v: Value) -> PyResult<Option<String>> {
        if let Some(f) = self.special_of(v, "__str__") {
            return self.text_result(f, v, "__str__").map(Some);
        }
        if let Some(f) = self.special_of(v, "__repr__") {
            return self.text_result(f, v, "__repr__").map(Some);
        }
        let p = payload_of(v);
        if !p.is(&v) {
            return self.str_of(p).map(Some);
        }
        Ok(None)
    }

    fn text_result(&mut self, f: Value, v: Value, what: &str) -> PyResult<String> {
        match self.call_found(f, v, &[])? {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(i) if matches!(i.payload(), Some(Value::Str(_))) => {
                let Some(Value::Str(s)) = i.payload() else {
                    unreachable!()
                };
                Ok(s.as_str().to_string())
            }
            other => {
                let tn = self.type_name(other);
                Err(self.type_error(&format!("{what} returned non-string (type {tn})")))
            }
        }
    }

    /// `<__main__.C object at 0x...>`.
    pub fn default_repr(&mut self, v: Value) -> String {
        let t = self.type_of(v);
        let module = t
            .module
            .map(|m| m.as_str().to_string())
            .unwrap_or_else(|| "builtins".into());
        let addr = v.heap_addr().unwrap_or(0);
        if module == "builtins" {
            format!("<{} object at {:#x}>", t.qualname().as_str(), addr)
        } else {
            format!(
                "<{}.{} object at {:#x}>",
                module,
                t.qualname().as_str(),
                addr
            )
        }
    }

    // ------------------------------------------------------------ containers

    pub fn instance_getitem(&mut self, obj: Value, key: Value) -> PyResult<Option<Value>> {
        if let Some(f) = self.special_of(obj, "__getitem__") {
            return self.call_found(f, obj, &[key]).map(Some);
        }
        let p = payload_of(obj);
        if !p.is(&obj) {
            if let (Value::Dict(d), Value::Instance(_)) = (p, obj) {
                // dict subclasses: a missing key goes to __missing__.
                if let Some(v) = crate::builtins::dict_ops::dict_get(self, d, key)? {
                    return Ok(Some(v));
                }
                if let Some(m) = self.special_of(obj, "__missing__") {
                    return self.call_found(m, obj, &[key]).map(Some);
                }
            }
            return self.getitem(p, key).map(Some);
        }
        Ok(None)
    }

    pub fn instance_setitem(&mut self, obj: Value, key: Value, v: Value) -> PyResult<bool> {
        if let Some(f) = self.special_of(obj, "__setitem__") {
            self.call_found(f, obj, &[key, v])?;
            return Ok(true);
        }
        // Only a mutable payload takes the item: an immutable one's
        // TypeError names the subclass (`'Pair' object does not support
        // item assignment`), which `setitem` raises for the instance.
        let p = payload_of(obj);
        if !p.is(&obj) && matches!(p, Value::List(_) | Value::Dict(_)) {
            self.setitem(p, key, v)?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn instance_delitem(&mut self, obj: Value, key: Value) -> PyResult<bool> {
        if let Some(f) = self.special_of(obj, "__delitem__") {
            self.call_found(f, obj, &[key])?;
            return Ok(true);
        }
        let p = payload_of(obj);
        if !p.is(&obj) {
            self.delitem(p, key)?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn instance_contains(&mut self, obj: Value, item: Value) -> PyResult<Option<bool>> {
        if let Some(f) = self.special_of(obj, "__contains__") {
            let r = self.call_found(f, obj, &[item])?;
            return self.truthy(r).map(Some);
        }
        let p = payload_of(obj);
        if !p.is(&obj) {
            return self.contains(p, item).map(Some);
        }
        if self.special_of(obj, "__iter__").is_some()
            || self.special_of(obj, "__getitem__").is_some()
        {
            let it = self.get_iter(obj)?;
            self.temp_roots.push(it);
            let r = loop {
                match self.iter_next(it) {
                    Ok(Some(x)) => match self.eq(x, item) {
                        Ok(true) => break Ok(Some(true)),
                        Ok(false) => {}
                        Err(e) => break Err(e),
                    },
                    Ok(None) => break Ok(Some(false)),
                    Err(e) => break Err(e),
                }
            };
            self.temp_roots.pop();
            return r;
        }
        Ok(None)
    }

    // ------------------------------------------------------------ iteration and calls

    /// `iter(obj)`: `__iter__`, else the `__getitem__` sequence protocol.
    pub fn instance_iter(&mut self, obj: Value) -> PyResult<Option<Value>> {
        if let Some(f) = self.special_of(obj, "__iter__") {
            if f.is_none() {
                let tn = self.type_name(obj);
                return Err(self.type_error(&format!("'{tn}' object is not iterable")));
            }
            let it = self.call_found(f, obj, &[])?;
            let ok = matches!(it, Value::Iter(_) | Value::Generator(_))
                || self.special_of(it, "__next__").is_some();
            if !ok {
                let tn = self.type_name(it);
                return Err(
                    self.type_error(&format!("iter() returned non-iterator of type '{tn}'"))
                );
            }
            return Ok(Some(it));
        }
        let p = payload_of(obj);
        if !p.is(&obj) {
            return self.get_iter(p).map(Some);
        }
        if self.special_of(obj, "__getitem__").is_some() {
            let st = IterState::Native(Rc::new(GetItemIter {
                seq: Cell::new(obj),
                index: Cell::new(0),
            }));
            return Ok(Some(self.new_iter(st)));
        }
        Ok(None)
    }

    /// `next(it)` through `__next__`: Ok(None) when it raised StopIteration.
    pub fn instance_next(&mut self, it: Value) -> PyResult<Option<Option<Value>>> {
        let Some(f) = self.special_of(it, "__next__") else {
            return Ok(None);
        };
        match self.call_found(f, it, &[]) {
            Ok(v) => Ok(Some(Some(v))),
            Err(e) if e.class.is_subtype_of(self.exc_types["StopIteration"]) => Ok(Some(None)),
            Err(e) => Err(e),
        }
    }

    /// `obj(args)` through `__call__`.
    pub fn instance_call(
        &mut self,
        obj: Value,
        args: &[Value],
        kw: Kwargs,
    ) -> PyResult<Option<Value>> {
        let Some(f) = self.special_of(obj, "__call__") else {
            return Ok(None);
        };
        let cls = self.type_of(obj);
        let bound = self.bind_class_attr(f, obj, cls)?;
        self.temp_roots.push(bound);
        let r = self.call_value(bound, args, kw);
        self.temp_roots.pop();
        r.map(Some)
    }

    // ------------------------------------------------------------ class bodies and `with`

    /// A name read in a class body: the namespace, then globals, then builtins.
    pub fn load_class_name(&mut self, ns: Value, name: Gc<StrObj>) -> PyResult<Value> {
        if let Value::Dict(d) = ns {
            let h = crate::interp::protocol::str_hash(name);
            if let Some(v) = d.table.borrow().get_str(h, name.as_str()) {
                return Ok(v);
            }
        }
        let module = self.frames.last().expect("frame").func.module;
        if let Some(v) = module.get(name.as_str()) {
            return Ok(v);
        }
        self.load_builtin(name)
    }

    /// `with mgr:` entry: (result of `__enter__()`, bound `__exit__`).
    pub fn with_enter(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let t = self.type_of(mgr);
        let en = self.intern_static("__enter__");
        let ex = self.intern_static("__exit__");
        let enter = self.lookup_special(t, en);
        let exit = self.lookup_special(t, ex);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let tn = t.name.as_str().to_string();
            return Err(self.type_error(&format!(
                "'{tn}' object does not support the context manager protocol"
            )));
        };
        let exit = self.bind_class_attr(exit, mgr, t)?;
        self.temp_roots.push(exit);
        let r = self.call_found(enter, mgr, &[]);
        self.temp_roots.pop();
        Ok((r?, exit))
    }

    // ------------------------------------------------------------ instance creation

    /// A new, uninitialised instance of class `t` (what `object.__new__(t)`
    /// makes): subclasses of built-in types get an empty built-in value.
    pub fn new_instance_of(&mut self, t: Gc<TypeObj>) -> PyResult<Value> {
        if self.is_exception_class(t) {
            return Ok(Value::Instance(self.instantiate_exception(t, Vec::new())));
        }
        let payload = match t.builtin_base.get() {
            Some(b) => Some(self.call_type(b, &[], &[])?),
            None => None,
        };
        Ok(self.instance_with_payload(t, payload))
    }

    fn instance_with_payload(&mut self, t: Gc<TypeObj>, payload: Option<Value>) -> Value {
        let ext = match payload {
            Some(p) => InstExt::Payload(p),
            None => InstExt::None,
        };
        Value::Instance(self.heap.alloc(InstanceObj::with_ext(t, ext)))
    }

    /// `C(args)` for a class made by `class`: `__new__`, then `__init__`.
    pub fn construct_instance(
        &mut self,
        t: Gc<TypeObj>,
        args: &[Value],
        kw: Kwargs,
    ) -> PyResult<Value> {
        let new_name = self.intern_static("__new__");
        let init_name = self.intern_static("__init__");
        let new = self.lookup_special(t, new_name);
        let init = self.lookup_special(t, init_name);
        let builtin = t.builtin_base.get();
        let inst = match new {
            Some(f) => {
                let f = match f {
                    Value::Instance(d) => match &d.ext {
                        InstExt::StaticMethod(g) => *g,
                        _ => f,
                    },
                    f => f,
                };
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(Value::Type(t));
                all.extend_from_slice(args);
                let r = self.call_value(f, &all, kw)?;
                if !self.type_of(r).is_subtype_of(t) {
                    return Ok(r);
                }
                r
            }
            None => match builtin {
                // The built-in constructor takes the arguments unless a
                // user __init__ will.
                Some(b) if !matches!(init, Some(Value::Function(_))) || immutable(b.kind) => {
                    let p = self.call_type(b, args, kw)?;
                    self.instance_with_payload(t, Some(p))
                }
                _ => self.new_instance_of(t)?,
            },
        };
        match init {
            Some(f @ Value::Function(_)) => {
                self.temp_roots.push(inst);
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(inst);
                all.extend_from_slice(args);
                let r = self.call_value(f, &all, kw);
                self.temp_roots.pop();
                match r? {
                    Value::None => {}
                    other => {
                        let tn = self.type_name(other);
                        return Err(
                            self.type_error(&format!("__init__() should return None, not '{tn}'"))
                        );
                    }
                }
            }
            Some(f) if builtin.is_none() => {
                let bound = self.bind_class_attr(f, inst, t)?;
                self.temp_roots.push(inst);
                let r = self.call_value(bound, args, kw);
                self.temp_roots.pop();
                r?;
            }
            _ if new.is_none() && builtin.is_none() && (!args.is_empty() || !kw.is_empty()) => {
                return Err(
                    self.type_error(&format!("{}() takes no arguments", t.qualname().as_str()))
                );
            }
            _ => {}
        }
        Ok(inst)
    }
}

fn immutable(k: TypeKind) -> bool {
    matches!(
        k,
        TypeKind::Int
            | TypeKind::Float
            | TypeKind::Str
            | TypeKind::Bytes
            | TypeKind::Tuple
            | TypeKind::FrozenSet
    )
}

/// Iteration over an object that has only `__getitem__`: indices 0, 1, ...
/// until IndexError.
struct GetItemIter {
    seq: Cell<Value>,
    index: Cell<i64>,
}

impl NativeIter for GetItemIter {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let seq = self.seq.get();
        if seq.is_none() {
            return Ok(None);
        }
        let i = self.index.get();
        match vm.getitem(seq, Value::Int(i)) {
            Ok(v) => {
                self.index.set(i + 1);
                Ok(Some(v))
            }
            Err(e)
                if e.class.is_subtype_of(vm.exc_types["IndexError"])
                    || e.class.is_subtype_of(vm.exc_types["StopIteration"]) =>
            {
                self.seq.set(Value::None);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.seq.get());
    }
    fn type_name(&self) -> &'static str {
        "iterator"
    }
}
