//! Calls: binding arguments to parameters, entering Python functions from native
//! code, calling natives and types, making functions and running generators.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::bytecode::code::Code;
use crate::interp::exec::Exit;
use crate::interp::frame::{Frame, Sink};
use crate::interp::vm::{Vm, MAX_NATIVE_DEPTH};
use crate::runtime::dict_table::DictTable;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// Native calls with at most this many arguments pass them in a stack buffer.
pub const ARG_BUF: usize = 8;

impl Vm {
    // ------------------------------------------------------------ entry from native code

    /// Call any callable from Rust code.
    pub fn call_value(&mut self, f: Value, args: &[Value], kw: Kwargs) -> PyResult<Value> {
        match f {
            Value::Function(func) => self.call_function(func, args, kw),
            Value::Builtin(b) => self.call_builtin(b, args, kw),
            Value::BoundMethod(m) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(m.receiver);
                all.extend_from_slice(args);
                self.call_value(m.func, &all, kw)
            }
            Value::Type(t) => self.call_type(t, args, kw),
            other => {
                if let Some(r) = self.instance_call(other, args, kw)? {
                    return Ok(r);
                }
                let tn = self.type_name(other);
                Err(self.new_exception_msg("TypeError", &format!("'{tn}' object is not callable")))
            }
        }
    }

    pub fn call_builtin(
        &mut self,
        b: Gc<BuiltinObj>,
        args: &[Value],
        kw: Kwargs,
    ) -> PyResult<Value> {
        match b.bound_self {
            Some(s) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(s);
                all.extend_from_slice(args);
                self.rec_native(b, |vm| (b.func)(vm, &all, kw))
            }
            None => self.rec_native(b, |vm| (b.func)(vm, args, kw)),
        }
    }

    /// Run a Python function to completion from native code (re-entering the loop).
    pub fn call_function(
        &mut self,
        func: Gc<FunctionObj>,
        args: &[Value],
        kw: Kwargs,
    ) -> PyResult<Value> {
        // Plain positional parameters (`fast_argc`), all given or the rest
        // defaulted, bind by copying: no intermediate vector.
        let n = func.fast_argc as usize;
        let simple = kw.is_empty()
            && (args.len() == n || crate::interp::exec::defaults_fill(&func, args.len()));
        if func.code.is_generator && kw.is_empty() && func.code.params.is_simple() {
            // Plain positional parameters (a generator expression's one
            // iterator, most generator functions): the generator keeps its
            // registers in a vector, so bind straight into one of the final
            // size (no bind_args, no regrowth). `fast_argc` is u16::MAX for
            // generators (compiled calls must not push their frame).
            let npos = func.code.params.positional as usize;
            let nd = func.ndefaults();
            if args.len() <= npos && args.len() + nd >= npos {
                return Ok(self.new_generator_simple(func, args));
            }
        }
        let bound = if simple {
            Vec::new()
        } else {
            let bound = self.bind_args(func, args, kw)?;
            if func.code.is_generator {
                return Ok(self.new_generator(func, bound));
            }
            bound
        };
        let base = self.stack_top() + 1;
        let nregs = func.code.nregs as usize;
        if self.frames.len() >= self.recursion_limit
            || base + nregs > self.stack.len()
            || self.native_depth >= MAX_NATIVE_DEPTH
        {
            return Err(
                self.new_exception_msg("RecursionError", "maximum recursion depth exceeded")
            );
        }
        // The return slot below the frame is traced as part of the stack: clear
        // whatever a finished frame left there.
        self.stack[base - 1] = Value::Undefined;
        let nbound = if simple {
            self.stack[base..base + args.len()].copy_from_slice(args);
            func.copy_defaults(&mut self.stack[base + args.len()..base + n]);
            n
        } else {
            self.stack[base..base + bound.len()].copy_from_slice(&bound);
            bound.len()
        };
        for slot in &mut self.stack[base + nbound..base + nregs] {
            *slot = Value::Undefined;
        }
        self.frames_push(Frame::new(func, base, base - 1, self.handled.len(), true));
        self.rec_enter(&func.code);
        self.native_depth += 1;
        let r = self.run_loop();
        self.native_depth -= 1;
        match r? {
            Exit::Returned(v) => Ok(v),
            Exit::Yielded(_) | Exit::Stepped => {
                unreachable!("a plain function frame cannot yield")
            }
        }
    }

    // ------------------------------------------------------------ calls from the loop

    /// A call instruction's general path. Arguments are in the stack at `args_at`;
    /// the last `kwnames.len()` of them are keyword arguments. Returns None when a
    /// Python frame was pushed (the loop continues in it), Some(result) otherwise.
    pub fn call_from_regs(
        &mut self,
        f: Value,
        args_at: usize,
        argc: usize,
        kwnames: Option<Gc<TupleObj>>,
    ) -> PyResult<Option<Value>> {
        let nkw = kwnames.map(|t| t.items.len()).unwrap_or(0);
        let npos = argc - nkw;
        if let Some(names) = kwnames {
            // Keywords to a plain Python function or method: bound in place
            // (interp/bind_fast.rs); everything else below.
            let target = match f {
                Value::Function(func) => Some((func, None)),
                Value::BoundMethod(m) => match m.func {
                    Value::Function(func) => Some((func, Some(m.receiver))),
                    _ => None,
                },
                _ => None,
            };
            if let Some((func, recv)) = target.filter(|(func, _)| !func.code.is_generator) {
                if self.poll_due() {
                    let top = self.stack_top();
                    self.safepoint(top.max(args_at + argc))?;
                }
                if let Some((base, n)) = self.bind_kw_in_place(func, recv, args_at, npos, names) {
                    self.push_frame(func, base, args_at - 1, n)?;
                    return Ok(None);
                }
            }
        }
        let kw: Vec<(Gc<StrObj>, Value)> = match kwnames {
            Some(names) => names
                .items
                .iter()
                .enumerate()
                .map(|(i, n)| match n {
                    Value::Str(s) => (*s, self.stack[args_at + npos + i]),
                    _ => unreachable!("kwnames holds str"),
                })
                .collect(),
            None => Vec::new(),
        };
        if kwnames.is_none() {
            if let Some(r) = self.call_positional_at(f, args_at, argc)? {
                return Ok(r);
            }
        }
        match f {
            Value::Function(func) if !func.code.is_generator => {
                // Collect before binding: the bound values (a fresh *args tuple,
                // a **kwargs dict) live only in a Rust Vec until copied below.
                if self.poll_due() {
                    let top = self.stack_top();
                    self.safepoint(top.max(args_at + argc))?;
                }
                let args: Vec<Value> = self.stack[args_at..args_at + npos].to_vec();
                let bound = self.bind_args(func, &args, &kw)?;
                if args_at + bound.len() > self.stack.len() {
                    return Err(self
                        .new_exception_msg("RecursionError", "maximum recursion depth exceeded"));
                }
                self.stack[args_at..args_at + bound.len()].copy_from_slice(&bound);
                self.push_frame(func, args_at, args_at - 1, bound.len())?;
                Ok(None)
            }
            Value::Builtin(b) if b.bound_self.is_none() && npos <= ARG_BUF => {
                // The common case (len(x), abs(y)): arguments copied to a stack
                // buffer, no allocation.
                let mut buf = [Value::Undefined; ARG_BUF];
                buf[..npos].copy_from_slice(&self.stack[args_at..args_at + npos]);
                self.rec_native(b, |vm| (b.func)(vm, &buf[..npos], &kw))
                    .map(Some)
            }
            Value::Builtin(b) if npos < ARG_BUF => {
                // A native bound to its receiver (`random.random`): the
                // receiver first, as `call_builtin` passes it.
                let mut buf = [Value::Undefined; ARG_BUF];
                buf[0] = b.bound_self.expect("bound native");
                buf[1..=npos].copy_from_slice(&self.stack[args_at..args_at + npos]);
                self.rec_native(b, |vm| (b.func)(vm, &buf[..=npos], &kw))
                    .map(Some)
            }
            Value::BoundMethod(m) if matches!(m.func, Value::Function(func) if !func.code.is_generator) =>
            {
                // A method called with keywords (`node.find(update=True)`):
                // bound as the function with the receiver first, run as a
                // frame of this loop rather than re-entering it natively.
                let Value::Function(func) = m.func else {
                    unreachable!("matched above")
                };
                if self.poll_due() {
                    let top = self.stack_top();
                    self.safepoint(top.max(args_at + argc))?;
                }
                let mut args = Vec::with_capacity(npos + 1);
                args.push(m.receiver);
                args.extend_from_slice(&self.stack[args_at..args_at + npos]);
                let bound = self.bind_args(func, &args, &kw)?;
                let base = args_at - 1;
                if base + bound.len() > self.stack.len() {
                    return Err(self
                        .new_exception_msg("RecursionError", "maximum recursion depth exceeded"));
                }
                self.stack[base..base + bound.len()].copy_from_slice(&bound);
                self.push_frame(func, base, base, bound.len())?;
                Ok(None)
            }
            _ if npos <= ARG_BUF => {
                // Calling a generator function (a generator expression), a
                // type, ...: the arguments copied to a stack buffer, no
                // allocation (the callee may reuse the stack above).
                let mut buf = [Value::Undefined; ARG_BUF];
                buf[..npos].copy_from_slice(&self.stack[args_at..args_at + npos]);
                self.call_value(f, &buf[..npos], &kw).map(Some)
            }
            _ => {
                let args: Vec<Value> = self.stack[args_at..args_at + npos].to_vec();
                self.call_value(f, &args, &kw).map(Some)
            }
        }
    }

    /// The frame-pushing cases of a call with `argc` positional arguments at
    /// stack[args_at..] (the callee at stack[args_at - 1], which receives the
    /// result): a function whose missing parameters have defaults, a bound
    /// method, an instance with a Python `__call__`. The receiver of the
    /// latter two takes the callee's slot, as the interpreter's bound-method
    /// call does. Some(None) when a frame was pushed; None when the call is
    /// not one of these (the caller binds it generally).
    #[inline(never)]
    fn call_positional_at(
        &mut self,
        f: Value,
        args_at: usize,
        argc: usize,
    ) -> PyResult<Option<Option<Value>>> {
        let (func, recv) = match f {
            Value::Function(func) => (func, None),
            Value::BoundMethod(m) => match m.func {
                Value::Function(func) => (func, Some(m.receiver)),
                _ => return Ok(None),
            },
            Value::Instance(i) if i.exc.is_none() => {
                let name = self.intern_static("__call__");
                match self.lookup_special(i.class, name) {
                    Some(Value::Function(func)) => (func, Some(f)),
                    _ => return Ok(None),
                }
            }
            _ => return Ok(None),
        };
        let (base, n) = match recv {
            Some(_) => (args_at - 1, argc + 1),
            None => (args_at, argc),
        };
        if n != func.fast_argc as usize && !crate::interp::exec::defaults_fill(&func, n) {
            return Ok(None);
        }
        if self.poll_due() {
            let top = self.stack_top();
            self.safepoint(top.max(args_at + argc))?;
        }
        if let Some(r) = recv {
            self.stack[base] = r;
        }
        self.push_frame_defaults(func, base, args_at - 1, n)?;
        Ok(Some(None))
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(&mut self, f: Value, args: Value, kwargs: Option<Value>) -> PyResult<Value> {
        let pos: Vec<Value> = match args {
            Value::Tuple(t) => t.items.to_vec(),
            other => self.collect_iterable(other)?,
        };
        let mut kw = Vec::new();
        if let Some(k) = kwargs {
            match k {
                Value::Dict(d) => {
                    for (key, v) in d.table.borrow().iter() {
                        match key {
                            Value::Str(s) => kw.push((s, v)),
                            _ => {
                                return Err(
                                    self.new_exception_msg("TypeError", "keywords must be strings")
                                )
                            }
                        }
                    }
                }
                other => {
                    let tn = self.type_name(other);
                    return Err(self.new_exception_msg(
                        "TypeError",
                        &format!("argument after ** must be a mapping, not {tn}"),
                    ));
                }
            }
        }
        self.temp_roots.push(f);
        let r = self.call_value(f, &pos, &kw);
        self.temp_roots.pop();
        r
    }

    /// `obj.name(args...)` with the receiver at stack[at] and arguments after it.
    pub fn call_method_from_regs(
        &mut self,
        at: usize,
        name: Gc<StrObj>,
        argc: usize,
    ) -> PyResult<Option<Value>> {
        let recv = self.stack[at];
        // Methods of built-in types: call the native with the receiver as args[0],
        // no bound-method object is made.
        if !matches!(recv, Value::Module(_) | Value::Type(_) | Value::Instance(_)) {
            let t = self.type_of(recv);
            // `(5).__repr__()` is int's (num_dunders.rs), not object's.
            let m = self
                .lookup_type_attr(t, name)
                .filter(|_| !self.has_num_dunder(t, name.as_str()));
            if let Some(m) = m {
                if let Value::Builtin(b) = m {
                    if b.bound_self.is_none() {
                        let n = 1 + argc;
                        if n <= ARG_BUF {
                            let mut buf = [Value::Undefined; ARG_BUF];
                            buf[..n].copy_from_slice(&self.stack[at..at + n]);
                            return self.call_native(b, &buf[..n]).map(Some);
                        }
                        let args: Vec<Value> = self.stack[at..at + n].to_vec();
                        return self.call_native(b, &args).map(Some);
                    }
                }
            }
        }
        let f = self
            .getattr(recv, name)
            .inspect_err(|_| self.method_lookup_failed = true)?;
        self.stack[at] = f;
        self.call_from_regs(f, at + 1, argc, None)
    }

    /// `m.name(args...)` on a module or a class (at stack[at], arguments
    /// after it): the attribute through the site's cache, as `LoadAttr`
    /// finds it (`random.randrange`, `math.sqrt`), then called.
    pub fn call_attr_cached(
        &mut self,
        c: &crate::interp::attr_cache::AttrCache,
        at: usize,
        name: Gc<StrObj>,
        argc: usize,
    ) -> PyResult<Option<Value>> {
        let recv = self.stack[at];
        if let Value::Type(t) = recv {
            // A class method: its function with the class (already at
            // stack[at]) as the first argument.
            if c.kind.get() == crate::interp::attr_cache::CLASS_METHOD && c.valid_for(t) {
                if let Value::Function(f) = c.value.get() {
                    let n = argc + 1;
                    if n == f.fast_argc as usize || crate::interp::exec::defaults_fill(&f, n) {
                        if self.poll_due() {
                            let top = self.stack_top();
                            self.safepoint(top)?;
                        }
                        self.push_frame_defaults(f, at, at, n)?;
                        return Ok(None);
                    }
                }
            }
        }
        let f = match crate::interp::attr_cache::load_attr_other_hit(c, recv) {
            Some(f) => f,
            None => self
                .load_attr_other_fill(c, recv, name)
                .inspect_err(|_| self.method_lookup_failed = true)?,
        };
        self.stack[at] = f;
        self.call_from_regs(f, at + 1, argc, None)
    }

    /// Whether `iter(v)` can succeed (for errors raised before iterating).
    pub fn is_iterable(&self, v: Value) -> bool {
        if let Value::Instance(i) = v {
            if i.payload().is_some() {
                return true;
            }
            let h = |n: &str| {
                i.class.mro.borrow().iter().any(|c| {
                    c.kind != TypeKind::Object
                        && c.dict
                            .borrow()
                            .get_str(crate::runtime::hash::hash_str(n), n)
                            .is_some()
                })
            };
            return h("__iter__") || h("__getitem__");
        }
        matches!(
            v,
            Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Dict(_)
                | Value::Set(_)
                | Value::FrozenSet(_)
                | Value::Range(_)
                | Value::Iter(_)
                | Value::Generator(_)
                | Value::Bytes(_)
                | Value::DictView(_)
        )
    }

    /// How CPython names a callable in call errors: `__main__.f()`, `print()`.
    pub fn function_str(&mut self, f: Value) -> String {
        match f {
            Value::Function(func) => {
                let m = func.module.name.as_str();
                if m == "builtins" {
                    format!("{}()", func.qualname.as_str())
                } else {
                    format!("{m}.{}()", func.qualname.as_str())
                }
            }
            Value::Builtin(b) => format!("{}()", b.name),
            Value::BoundMethod(m) => self.function_str(m.func),
            Value::Type(t) => format!("{}()", t.name.as_str()),
            other => format!("{} object", self.type_name(other)),
        }
    }

    /// A call's `*arg`: extend the positional list.
    pub fn call_args_extend(&mut self, list: Value, iterable: Value, func: Value) -> PyResult<()> {
        if !self.is_iterable(iterable) {
            let fs = self.function_str(func);
            let tn = self.type_name(iterable);
            return Err(self.type_error(&format!(
                "{fs} argument after * must be an iterable, not {tn}"
            )));
        }
        self.list_extend(list, iterable)
    }

    /// A call's `**mapping` or `name=value`: merge into the keyword dict,
    /// rejecting repeated names.
    pub fn call_kw_merge(&mut self, dict: Value, mapping: Value, func: Value) -> PyResult<()> {
        let (Value::Dict(d), Value::Dict(m)) = (dict, mapping) else {
            let fs = self.function_str(func);
            let tn = self.type_name(mapping);
            return Err(self.type_error(&format!(
                "{fs} argument after ** must be a mapping, not {tn}"
            )));
        };
        let entries: Vec<(Value, Value)> = m.table.borrow().iter().collect();
        for (k, v) in entries {
            let Value::Str(ks) = k else {
                return Err(self.type_error("keywords must be strings"));
            };
            if crate::builtins::dict_ops::dict_get(self, d, k)?.is_some() {
                let fs = self.function_str(func);
                return Err(self.type_error(&format!(
                    "{fs} got multiple values for keyword argument '{}'",
                    ks.as_str()
                )));
            }
            crate::builtins::dict_ops::dict_set(self, d, k, v)?;
        }
        Ok(())
    }

    // ------------------------------------------------------------ binding

    /// Bind call arguments to a function's parameter registers (CPython's rules
    /// and error messages).
    pub fn bind_args(
        &mut self,
        func: Gc<FunctionObj>,
        args: &[Value],
        kw: Kwargs,
    ) -> PyResult<Vec<Value>> {
        let code: &Code = &func.code;
        let p = &code.params;
        let npos = p.positional as usize;
        let total = p.total() as usize;
        let mut regs = vec![Value::Undefined; total];
        // Only the error messages use the name: no copy on the way in.
        let qualname = func.shown_qualname();
        let fname = qualname.as_str();
        // Positional arguments.
        let take = args.len().min(npos);
        regs[..take].copy_from_slice(&args[..take]);
        let extra = if args.len() > npos {
            &args[npos..]
        } else {
            &[][..]
        };
        let kwonly_start = npos;
        let varargs_at = npos + p.kwonly as usize;
        let varkw_at = varargs_at + p.varargs as usize;
        if p.varargs {
            regs[varargs_at] = self.new_tuple(extra.to_vec());
        } else if !extra.is_empty() {
            let ndef = func.ndefaults();
            let given = args.len()
                + kw.iter()
                    .filter(|(n, _)| p.names[..npos].iter().any(|pn| &**pn == n.as_str()))
                    .count();
            let _ = given;
            let kw_given = kw
                .iter()
                .filter(|(n, _)| {
                    p.names[npos..npos + p.kwonly as usize]
                        .iter()
                        .any(|pn| &**pn == n.as_str())
                })
                .count();
            let takes = if ndef > 0 {
                // An assigned `__defaults__` may outnumber the parameters
                // (CPython then says "from -1 to 2").
                format!("from {} to {}", npos as i64 - ndef as i64, npos)
            } else {
                format!("{npos}")
            };
            let plural = if npos == 1 && ndef == 0 { "" } else { "s" };
            let was = if args.len() == 1 { "was" } else { "were" };
            let msg = if kw_given > 0 {
                format!(
                    "{fname}() takes {takes} positional argument{plural} but {} positional argument{} (and {kw_given} keyword-only argument{}) were given",
                    args.len(),
                    if args.len() == 1 { "" } else { "s" },
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{fname}() takes {takes} positional argument{plural} but {} {was} given",
                    args.len()
                )
            };
            return Err(self.new_exception_msg("TypeError", &msg));
        }
        // Keyword arguments.
        let mut varkw: Option<DictTable> = if p.varkw {
            Some(DictTable::new())
        } else {
            None
        };
        let mut posonly_as_kw = Vec::new();
        for (name, v) in kw {
            let n = name.as_str();
            let idx = p.names[..npos + p.kwonly as usize]
                .iter()
                .position(|pn| &**pn == n);
            match idx {
                Some(i) if i >= p.posonly as usize => {
                    if !matches!(regs[i], Value::Undefined) {
                        return Err(self.new_exception_msg(
                            "TypeError",
                            &format!("{fname}() got multiple values for argument '{n}'"),
                        ));
                    }
                    regs[i] = *v;
                }
                _ => match &mut varkw {
                    Some(d) => {
                        let h = crate::runtime::hash::hash_str(n);
                        d.insert(h, Value::Str(*name), *v, |a, b| {
                            Ok::<bool, ()>(a.as_str() == b.as_str())
                        })
                        .ok();
                    }
                    None => {
                        if idx.is_some() {
                            posonly_as_kw.push(n.to_string());
                        } else {
                            return Err(self.new_exception_msg(
                                "TypeError",
                                &format!("{fname}() got an unexpected keyword argument '{n}'"),
                            ));
                        }
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.new_exception_msg(
                "TypeError",
                &format!("{fname}() got some positional-only arguments passed as keyword arguments: '{}'", posonly_as_kw.join(", ")),
            ));
        }
        // Defaults for missing positional parameters.
        let mut missing = Vec::new();
        for i in 0..npos {
            if let Value::Undefined = regs[i] {
                match func.default_of(i, npos) {
                    Some(d) => regs[i] = d,
                    None => missing.push(p.names[i].to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args_error(fname, "positional", &missing));
        }
        let mut missing_kw = Vec::new();
        for i in 0..p.kwonly as usize {
            let r = kwonly_start + i;
            if let Value::Undefined = regs[r] {
                match func.kwdefault_of(i) {
                    None => missing_kw.push(p.names[r].to_string()),
                    Some(d) => regs[r] = d,
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(self.missing_args_error(fname, "keyword-only", &missing_kw));
        }
        if let Some(d) = varkw {
            regs[varkw_at] = Value::Dict(self.new_dict_obj(d));
        }
        Ok(regs)
    }

    fn missing_args_error(&mut self, fname: &str, kind: &str, names: &[String]) -> PyExc {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            _ => format!(
                "{}, and {}",
                quoted[..quoted.len() - 1].join(", "),
                quoted[quoted.len() - 1]
            ),
        };
        let s = if names.len() == 1 { "" } else { "s" };
        self.new_exception_msg(
            "TypeError",
            &format!(
                "{fname}() missing {} required {kind} argument{s}: {list}",
                names.len()
            ),
        )
    }

    // ------------------------------------------------------------ making functions

    pub fn make_function(
        &mut self,
        code: Rc<Code>,
        defaults: Value,
        kwdefaults: Value,
        closure: Value,
    ) -> PyResult<Value> {
        let (defaults_obj, kwdefaults_obj) = (defaults, kwdefaults);
        let defaults: Box<[Value]> = match defaults {
            Value::Tuple(t) => t.items.clone(),
            _ => Box::new([]),
        };
        let nkw = code.params.kwonly as usize;
        let mut kwd = vec![Value::Undefined; nkw];
        if let Value::Dict(d) = kwdefaults {
            for (k, v) in d.table.borrow().iter() {
                if let Value::Str(s) = k {
                    let start = code.params.positional as usize;
                    if let Some(i) = code.params.names[start..start + nkw]
                        .iter()
                        .position(|n| &**n == s.as_str())
                    {
                        kwd[i] = v;
                    }
                }
            }
        }
        let closure: Box<[Gc<CellObj>]> = match closure {
            Value::Tuple(t) => {
                // Sized up front: one allocation of the final size (a
                // collected filter_map grows and then shrinks its buffer).
                let mut cells = Vec::with_capacity(t.items.len());
                for c in t.items.iter() {
                    if let Value::Cell(c) = c {
                        cells.push(*c);
                    }
                }
                cells.into_boxed_slice()
            }
            _ => Box::new([]),
        };
        let module = self
            .frames
            .last()
            .map(|f| f.func.module)
            .or(self.main_module)
            .expect("a module");
        let (name, qualname) = match code.name_objs.get() {
            Some(n) => n,
            None => {
                let n = (self.intern(&code.name), self.intern(&code.qualname));
                code.name_objs.set(Some(n));
                n
            }
        };
        let f = self.heap.alloc(FunctionObj {
            fast_argc: code.fast_argc(),
            code,
            name,
            qualname,
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(kwd.into_boxed_slice()),
            defaults_obj: Cell::new(match defaults_obj {
                Value::Tuple(t) if !t.items.is_empty() => defaults_obj,
                _ => Value::None,
            }),
            kwdefaults_obj: Cell::new(match kwdefaults_obj {
                Value::Dict(d) if !d.table.borrow().is_empty() => kwdefaults_obj,
                _ => Value::None,
            }),
            closure,
            module,
            attrs: RefCell::new(None),
        });
        Ok(Value::Function(f))
    }

    // ------------------------------------------------------------ generators

    pub fn new_generator(&mut self, func: Gc<FunctionObj>, bound: Vec<Value>) -> Value {
        let mut regs = bound;
        regs.resize(func.code.nregs as usize, Value::Undefined);
        self.make_generator(func, regs)
    }

    /// A generator of `func` with plain positional arguments `args` (all
    /// parameters given or defaulted), its registers in a pooled vector.
    fn new_generator_simple(&mut self, func: Gc<FunctionObj>, args: &[Value]) -> Value {
        let npos = func.code.params.positional as usize;
        let nregs = (func.code.nregs as usize).max(npos);
        let mut regs = match self.gen_regs_pool.pop() {
            Some(v) => v,
            None => Vec::with_capacity(nregs),
        };
        regs.extend_from_slice(args);
        let at = regs.len();
        regs.resize(npos, Value::Undefined);
        func.copy_defaults(&mut regs[at..]);
        regs.resize(func.code.nregs as usize, Value::Undefined);
        self.make_generator(func, regs)
    }

    /// A finished generator's registers: emptied, the vector back to the
    /// pool (a few at most; the rest freed with the generator).
    pub(crate) fn retire_generator_regs(&mut self, g: Gc<GeneratorObj>) {
        let mut regs = std::mem::take(&mut *g.regs.borrow_mut());
        if self.gen_regs_pool.len() < 32 && regs.capacity() <= 256 {
            regs.clear();
            self.gen_regs_pool.push(regs);
        }
    }

    fn make_generator(&mut self, func: Gc<FunctionObj>, regs: Vec<Value>) -> Value {
        let origin = self
            .frames
            .last()
            .map_or((usize::MAX, 0), |f| (f.base, f.pc as u32));
        let g = self.heap.alloc(GeneratorObj {
            func,
            regs: RefCell::new(regs),
            pc: Cell::new(0),
            state: Cell::new(GenState::Created),
            resume_reg: Cell::new(None),
            origin: Cell::new(origin),
        });
        Value::Generator(g)
    }

    /// Resume a generator with a sent value. Ok(Some(v)) = yielded v; Ok(None) =
    /// finished (its return value is in `last_return`).
    pub fn resume_generator(
        &mut self,
        g: Gc<GeneratorObj>,
        sent: Value,
    ) -> PyResult<Option<Value>> {
        self.run_generator(g, sent, None)
    }

    /// Run `g` to its end, giving every item it yields to `sink`: one resume
    /// for the whole generator instead of one per item (a builtin draining a
    /// generator expression, as `tuple(f(x) for x in xs)`, spent most of its
    /// time suspending and resuming). Same items, errors and order of effects
    /// as resuming it item by item; a sink that raises leaves the generator
    /// suspended at that yield and the builtin raises.
    pub fn collect_generator(&mut self, g: Gc<GeneratorObj>, sink: Sink) -> PyResult<()> {
        while let Some(v) = self.run_generator(g, Value::None, Some(sink))? {
            if let Some(e) = self.collect_error.take() {
                return Err(e);
            }
            // A yield the frame did not keep (cannot happen today: both yield
            // instructions keep items in collect mode); go on item by item.
            match sink {
                Sink::List(l) => l.items.borrow_mut().push(v),
                Sink::Set(s) => crate::builtins::set_ops::set_add(self, s, v)?,
            }
        }
        Ok(())
    }

    /// Resume `g` with `sent`; with `collect`, its yields go to that list and
    /// it runs to the end (see `collect_generator`).
    fn run_generator(
        &mut self,
        g: Gc<GeneratorObj>,
        sent: Value,
        collect: Option<Sink>,
    ) -> PyResult<Option<Value>> {
        match g.state.get() {
            GenState::Finished => {
                self.last_return = Value::None;
                return Ok(None);
            }
            GenState::Running => {
                return Err(self.new_exception_msg("ValueError", "generator already executing"))
            }
            GenState::Created if !matches!(sent, Value::None) => {
                return Err(self.new_exception_msg(
                    "TypeError",
                    "can't send non-None value to a just-started generator",
                ));
            }
            _ => {}
        }
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(
                self.new_exception_msg("RecursionError", "maximum recursion depth exceeded")
            );
        }
        self.push_suspended(g, sent, None, None)?;
        self.frames.last_mut().expect("generator frame").collect = collect;
        self.native_depth += 1;
        let r = self.run_loop();
        self.native_depth -= 1;
        match r {
            Ok(Exit::Yielded(v)) => Ok(Some(v)),
            Ok(Exit::Stepped) => unreachable!("run_loop never steps"),
            Ok(Exit::Returned(v)) => {
                self.last_return = v;
                Ok(None)
            }
            Err(e) => {
                g.state.set(GenState::Finished);
                // A StopIteration escaping a generator becomes a RuntimeError (PEP 479).
                if e.class == self.exc_types["StopIteration"] {
                    let r =
                        self.new_exception_msg("RuntimeError", "generator raised StopIteration");
                    if let Some(st) = &r.exc {
                        st.borrow_mut().cause = Some(Value::Instance(e));
                    }
                    return Err(r);
                }
                Err(e)
            }
        }
    }

    /// Resume `g` as a frame of the running interpreter loop, for the `for`
    /// loop whose item register is stack[slot] and whose exit is `exit`.
    pub fn push_generator_frame(
        &mut self,
        g: Gc<GeneratorObj>,
        slot: usize,
        exit: u32,
    ) -> PyResult<()> {
        self.push_suspended(g, Value::None, Some(slot), Some(exit))
    }

    /// Push the frame of a created or suspended generator, with `sent` as
    /// the value of its suspended yield. Without `slot` the frame is an
    /// entry frame (a native resume runs it to its next yield); with it,
    /// a frame of the running loop whose yields go to stack[slot].
    fn push_suspended(
        &mut self,
        g: Gc<GeneratorObj>,
        sent: Value,
        slot: Option<usize>,
        exit: Option<u32>,
    ) -> PyResult<()> {
        let base = self.stack_top() + 1;
        let n = g.func.code.nregs as usize;
        if self.frames.len() >= self.recursion_limit || base + n > self.stack.len() {
            return Err(
                self.new_exception_msg("RecursionError", "maximum recursion depth exceeded")
            );
        }
        self.stack[base - 1] = Value::Undefined;
        {
            let regs = g.regs.borrow();
            self.stack[base..base + n].copy_from_slice(&regs[..n]);
        }
        if let Some(r) = g.resume_reg.get() {
            self.stack[base + r as usize] = sent;
        } else if !matches!(sent, Value::None)
            && matches!(
                g.func.code.instrs.get(g.pc.get()),
                Some(crate::bytecode::opcodes::Instr::YieldFrom { .. })
            )
        {
            // Suspended in `yield from`: the sub-iterator gets the value.
            self.yield_from_input = Some(crate::interp::vm::YieldFromInput::Send(sent));
        }
        let ret = slot.unwrap_or(base - 1);
        let mut frame = Frame::new(g.func, base, ret, self.handled.len(), slot.is_none());
        frame.pc = g.pc.get();
        frame.generator = Some(g);
        frame.gen_exit = exit;
        self.frames_push(frame);
        self.rec_enter(&g.func.code);
        g.state.set(GenState::Running);
        Ok(())
    }

    /// `generator.throw(exc)`: raise exc at the suspended yield. Ok(Some(v)) if
    /// the generator caught it and yielded v; Ok(None) if it returned.
    pub fn throw_into_generator(
        &mut self,
        g: Gc<GeneratorObj>,
        exc: PyExc,
    ) -> PyResult<Option<Value>> {
        match g.state.get() {
            // Not started or finished: the exception is raised right here.
            GenState::Created | GenState::Finished => {
                g.state.set(GenState::Finished);
                g.regs.borrow_mut().clear();
                Err(exc)
            }
            _ => {
                self.pending_throw = Some(exc);
                let r = self.resume_generator(g, Value::None);
                self.pending_throw = None;
                r
            }
        }
    }

    /// A step of `yield from` that passes what its generator was resumed
    /// with on to the sub-iterator `it` (results as `iter_next_for_yield_from`).
    /// GeneratorExit (close) closes the sub-iterator and is raised here.
    pub fn yield_from_delegate(
        &mut self,
        it: Value,
        input: crate::interp::vm::YieldFromInput,
    ) -> PyResult<Result<Value, Value>> {
        use crate::interp::vm::YieldFromInput;
        let r = match input {
            YieldFromInput::Send(v) => {
                if let Value::Generator(g) = it {
                    return match self.resume_generator(g, v)? {
                        Some(y) => Ok(Ok(y)),
                        None => Ok(Err(self.last_return)),
                    };
                }
                let name = self.intern_static("send");
                let f = self.getattr(it, name)?;
                self.call_value(f, &[v], &[])
            }
            YieldFromInput::Throw(e) => {
                if e.class.is_subtype_of(self.exc_types["GeneratorExit"]) {
                    let name = self.intern_static("close");
                    if let Some(f) = self.getattr_opt(it, name)? {
                        self.call_value(f, &[], &[])?;
                    }
                    return Err(e);
                }
                if let Value::Generator(g) = it {
                    return match self.throw_into_generator(g, e)? {
                        Some(y) => Ok(Ok(y)),
                        None => Ok(Err(self.last_return)),
                    };
                }
                let name = self.intern_static("throw");
                match self.getattr_opt(it, name)? {
                    Some(f) => self.call_value(f, &[Value::Instance(e)], &[]),
                    None => return Err(e),
                }
            }
        };
        self.stop_iteration_value(r)
    }

    /// One step of `yield from`: Ok(Ok(v)) to yield v, Ok(Err(ret)) when the
    /// sub-iterator is exhausted with return value ret.
    pub fn iter_next_for_yield_from(&mut self, it: Value) -> PyResult<Result<Value, Value>> {
        if let Value::Generator(g) = it {
            return match self.resume_generator(g, Value::None)? {
                Some(v) => Ok(Ok(v)),
                None => Ok(Err(self.last_return)),
            };
        }
        if let Value::Instance(_) = it {
            // A user iterator's StopIteration carries the return value.
            let name = self.intern_static("__next__");
            let f = self.getattr(it, name)?;
            let r = self.call_value(f, &[], &[]);
            return self.stop_iteration_value(r);
        }
        match self.iter_next(it)? {
            Some(v) => Ok(Ok(v)),
            None => Ok(Err(Value::None)),
        }
    }

    /// A sub-iterator call's result as a `yield from` step: StopIteration
    /// ends it with its value.
    fn stop_iteration_value(&mut self, r: PyResult<Value>) -> PyResult<Result<Value, Value>> {
        match r {
            Ok(v) => Ok(Ok(v)),
            Err(e) if e.class.is_subtype_of(self.exc_types["StopIteration"]) => {
                let args = e.exc.as_ref().map(|s| s.borrow().args);
                let v = match args {
                    Some(Value::Tuple(t)) if !t.items.is_empty() => t.items[0],
                    _ => Value::None,
                };
                Ok(Err(v))
            }
            Err(e) => Err(e),
        }
    }
}
