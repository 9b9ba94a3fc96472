//! Exceptions: creating them, `raise` semantics (context and cause chaining),
//! `except` matching, and CPython-style traceback text.

use std::cell::RefCell;

use crate::bytecode::code::Code;
use crate::interp::vm::Vm;
use crate::runtime::dict_table::DictTable;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// CPython 3.11 built-in names that jitprof does not provide. A program
/// that reaches one stops with `unsupported: built-in 'NAME'` (exit status
/// 2) rather than a NameError: a NameError could be caught, and the program
/// would go on to print something CPython never prints.
/// An exception's type as a traceback names it: its qualified name, after
/// its module unless that is `__main__` or `builtins` (`mylib.LibError`,
/// `f.<locals>.Local`), as CPython's `print_exception` does.
pub fn display_type_name(t: Gc<TypeObj>) -> String {
    let q = t.qualname();
    match t.module {
        Some(m) if !matches!(m.as_str(), "__main__" | "builtins") => {
            format!("{}.{}", m.as_str(), q.as_str())
        }
        _ => q.as_str().to_string(),
    }
}

pub const UNSUPPORTED_BUILTINS: &[&str] = &[
    "BaseExceptionGroup",
    "ExceptionGroup",
    "aiter",
    "anext",
    "breakpoint",
    "bytearray",
    "compile",
    "complex",
    "copyright",
    "credits",
    "dir",
    "eval",
    "exec",
    "help",
    "license",
    "memoryview",
];

impl Vm {
    /// A new instance of the built-in exception class `name` with these args.
    pub fn new_exception(&mut self, name: &str, args: Vec<Value>) -> PyExc {
        let cls = self.exc_types[name];
        self.instantiate_exception(cls, args)
    }

    /// A new exception with a single message argument.
    pub fn new_exception_msg(&mut self, name: &str, msg: &str) -> PyExc {
        let m = self.new_str(msg);
        self.new_exception(name, vec![m])
    }

    pub fn type_error(&mut self, msg: &str) -> PyExc {
        self.new_exception_msg("TypeError", msg)
    }

    pub fn value_error(&mut self, msg: &str) -> PyExc {
        self.new_exception_msg("ValueError", msg)
    }

    pub fn instantiate_exception(&mut self, cls: Gc<TypeObj>, args: Vec<Value>) -> PyExc {
        let args = self.new_tuple(args);
        self.heap.alloc(InstanceObj {
            class: cls,
            attrs: RefCell::new(DictTable::new()),
            exc: Some(Box::new(RefCell::new(ExcState {
                args,
                ..ExcState::default()
            }))),
            ext: InstExt::None,
            dict: std::cell::OnceCell::new(),
        })
    }

    pub fn is_exception_class(&self, t: Gc<TypeObj>) -> bool {
        t.is_subtype_of(self.types.base_exception)
    }

    /// NameError for an unbound closure cell in register `cell` of `code`:
    /// CPython words it differently for the function's own cell (made by
    /// its `MakeCell`) and for a free variable of an enclosing scope.
    pub fn unbound_deref_error(&mut self, name: &str, code: &Code, cell: u16) -> PyExc {
        let own = code.instrs.iter().any(
            |i| matches!(i, crate::bytecode::opcodes::Instr::MakeCell { reg } if *reg == cell),
        );
        let msg = if own {
            format!("cannot access local variable '{name}' where it is not associated with a value")
        } else {
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope")
        };
        self.new_exception_msg("NameError", &msg)
    }

    pub fn load_builtin(&mut self, name: Gc<StrObj>) -> PyResult<Value> {
        match self.builtins.get(name.as_str()) {
            Some(v) => Ok(*v),
            None if UNSUPPORTED_BUILTINS.contains(&name.as_str()) => {
                Err(self.fatal_unsupported_here(&format!("built-in '{}'", name.as_str())))
            }
            None => {
                let e = self.new_exception_msg(
                    "NameError",
                    &format!("name '{}' is not defined", name.as_str()),
                );
                let s = self.name_suggestion(name.as_str());
                if let Some(st) = &e.exc {
                    st.borrow_mut().suggestion = s;
                }
                Err(e)
            }
        }
    }

    /// CPython looks through the frame's locals, then its globals, then the
    /// builtins, stopping at the first group with a close match.
    fn name_suggestion(&self, name: &str) -> Option<String> {
        use crate::interp::suggestions::suggest;
        let f = self.frames.last()?;
        let code = f.code();
        let mut locals = Vec::new();
        if code.kind != crate::bytecode::code::CodeKind::Module {
            for (i, n) in code.reg_names.iter().enumerate() {
                if let Some(n) = n {
                    if !matches!(self.stack.get(f.base + i), Some(Value::Undefined) | None) {
                        locals.push(n.to_string());
                    }
                }
            }
        }
        if let Some(s) = suggest(name, locals.iter().map(|s| s.as_str())) {
            return Some(s);
        }
        let module = f.func.module;
        let mut globals: Vec<(usize, String)> = module
            .slots
            .borrow()
            .iter()
            .map(|(k, v)| (*v, k.to_string()))
            .collect();
        globals.sort();
        let g = module.globals.borrow();
        let bound: Vec<&str> = globals
            .iter()
            .filter(|(i, _)| !matches!(g.get(*i), Some(Value::Undefined) | None))
            .map(|(_, n)| n.as_str())
            .collect();
        if let Some(s) = suggest(name, bound) {
            return Some(s);
        }
        let mut b: Vec<&str> = self.builtins.keys().map(|k| &**k).collect();
        b.sort();
        suggest(name, b)
    }

    /// The closest attribute name for an AttributeError (dir() is sorted).
    pub fn attr_suggestion(&self, obj: Value, name: &str) -> Option<String> {
        let mut names: Vec<String> = Vec::new();
        let t = self.type_of(obj);
        for c in t.mro.borrow().iter() {
            for k in c.dict.borrow().keys() {
                if let Value::Str(s) = k {
                    names.push(s.as_str().to_string());
                }
            }
        }
        match obj {
            Value::Instance(i) => {
                for k in i.table().borrow().keys() {
                    if let Value::Str(s) = k {
                        names.push(s.as_str().to_string());
                    }
                }
            }
            Value::Module(m) => names.extend(m.slots.borrow().keys().map(|k| k.to_string())),
            _ => {}
        }
        names.sort();
        names.dedup();
        crate::interp::suggestions::suggest(name, names.iter().map(|s| s.as_str()))
    }

    /// Turn the operands of a `raise` statement into the exception to propagate.
    pub fn make_raise(&mut self, exc: Option<Value>, cause: Option<Value>) -> PyExc {
        let e = match exc {
            None => match self.handled.last() {
                Some(Value::Instance(e)) => {
                    self.reraising = true;
                    return *e;
                }
                _ => {
                    return self.new_exception_msg("RuntimeError", "No active exception to reraise")
                }
            },
            Some(v) => match self.to_exception(v) {
                Ok(e) => e,
                Err(e) => return e,
            },
        };
        if let Some(c) = cause {
            let cause_v = match c {
                Value::None => None,
                other => match self.to_exception(other) {
                    Ok(ce) => Some(Value::Instance(ce)),
                    Err(_) => {
                        return self.new_exception_msg(
                            "TypeError",
                            "exception causes must derive from BaseException",
                        )
                    }
                },
            };
            if let Some(st) = &e.exc {
                let mut st = st.borrow_mut();
                st.cause = cause_v;
                st.suppress_context = true;
            }
        }
        self.set_context(e);
        e
    }

    /// Implicit chaining: an exception raised while another is handled records it.
    pub fn set_context(&mut self, e: PyExc) {
        if let Some(Value::Instance(h)) = self.handled.last().copied() {
            if h != e {
                if let Some(st) = &e.exc {
                    let mut st = st.borrow_mut();
                    if st.context.is_none() {
                        st.context = Some(Value::Instance(h));
                    }
                }
            }
        }
    }

    /// An exception class or instance as an instance (classes are called).
    fn to_exception(&mut self, v: Value) -> PyResult<PyExc> {
        match v {
            Value::Instance(i) if i.exc.is_some() => Ok(i),
            Value::Type(t) if self.is_exception_class(t) => match self.call_value(v, &[], &[])? {
                Value::Instance(i) if i.exc.is_some() => Ok(i),
                _ => Err(self.new_exception_msg(
                    "TypeError",
                    "calling exception class did not return an exception",
                )),
            },
            _ => {
                Err(self
                    .new_exception_msg("TypeError", "exceptions must derive from BaseException"))
            }
        }
    }

    pub fn exception_matches(&mut self, exc: Value, typ: Value) -> PyResult<bool> {
        let Value::Instance(e) = exc else {
            return Ok(false);
        };
        match typ {
            Value::Type(t) if self.is_exception_class(t) => Ok(e.class.is_subtype_of(t)),
            Value::Tuple(ts) => {
                for t in ts.items.iter() {
                    if self.exception_matches(exc, *t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.new_exception_msg(
                "TypeError",
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// `str(exc)`: empty, the single argument's str, or the args tuple's.
    pub fn exception_str(&mut self, e: PyExc) -> PyResult<String> {
        let args = e
            .exc
            .as_ref()
            .map(|s| s.borrow().args)
            .unwrap_or(Value::None);
        let Value::Tuple(t) = args else {
            return self.str_of(args);
        };
        // OSError(errno, strerror[, filename]): `[Errno 2] No such file or
        // directory: 'x'` (the filename is an attribute, not an argument).
        if t.items.len() == 2 && e.class.is_subtype_of(self.exc_types["OSError"]) {
            let h = crate::interp::protocol::str_hash(self.intern_static("filename"));
            let filename = e.table().borrow().get_str(h, "filename");
            let h2 = crate::interp::protocol::str_hash(self.intern_static("filename2"));
            let filename2 = e.table().borrow().get_str(h2, "filename2");
            let errno = self.str_of(t.items[0])?;
            let strerror = self.str_of(t.items[1])?;
            return Ok(match (filename, filename2) {
                // `os.rename`'s: `[Errno 2] No such file or directory: 'a' -> 'b'`.
                (Some(f), Some(f2)) if !matches!(f, Value::None) && !matches!(f2, Value::None) => {
                    format!(
                        "[Errno {errno}] {strerror}: {} -> {}",
                        self.repr(f)?,
                        self.repr(f2)?
                    )
                }
                (Some(f), _) if !matches!(f, Value::None) => {
                    format!("[Errno {errno}] {strerror}: {}", self.repr(f)?)
                }
                _ => format!("[Errno {errno}] {strerror}"),
            });
        }
        match t.items.len() {
            0 => Ok(String::new()),
            1 => {
                let a = t.items[0];
                if e.class.is_subtype_of(self.exc_types["KeyError"]) {
                    self.repr(a)
                } else {
                    self.str_of(a)
                }
            }
            _ => self.repr(args),
        }
    }

    /// `repr(exc)`: `ValueError('msg')`, `KeyError(1, 2)`.
    pub fn exception_repr(&mut self, e: PyExc) -> PyResult<String> {
        let args = e
            .exc
            .as_ref()
            .map(|s| s.borrow().args)
            .unwrap_or(Value::None);
        let name = e.class.name.as_str().to_string();
        match args {
            Value::Tuple(t) if t.items.len() == 1 => {
                let r = self.repr(t.items[0])?;
                Ok(format!("{name}({r})"))
            }
            Value::Tuple(_) => {
                let r = self.repr(args)?;
                Ok(format!("{name}{r}"))
            }
            _ => Ok(format!("{name}()")),
        }
    }

    /// The full text CPython prints for an uncaught exception, chained
    /// exceptions first.
    pub fn format_exception_chain(&mut self, exc: PyExc) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain_into(exc, &mut out, &mut seen);
        out
    }

    fn format_chain_into(&mut self, exc: PyExc, out: &mut String, seen: &mut Vec<PyExc>) {
        seen.push(exc);
        let (cause, context, suppress) = match &exc.exc {
            Some(st) => {
                let st = st.borrow();
                (st.cause, st.context, st.suppress_context)
            }
            None => (None, None, false),
        };
        if let Some(Value::Instance(c)) = cause {
            if !seen.contains(&c) {
                self.format_chain_into(c, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let (Some(Value::Instance(c)), false) = (context, suppress) {
            if !seen.contains(&c) {
                self.format_chain_into(c, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        out.push_str(&self.format_one_exception(exc));
    }

    fn format_one_exception(&mut self, exc: PyExc) -> String {
        let mut out = String::new();
        let entries: Vec<TraceEntry> = exc
            .exc
            .as_ref()
            .map(|s| s.borrow().traceback.clone())
            .unwrap_or_default();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // CPython collapses runs of identical lines after three repeats.
            let mut last: Option<(String, u32, String)> = None;
            let mut repeat = 0usize;
            for e in entries.iter().rev() {
                let key = (
                    e.code.filename().to_string(),
                    e.line,
                    e.code.name.to_string(),
                );
                if last.as_ref() == Some(&key) {
                    repeat += 1;
                    if repeat >= 3 {
                        continue;
                    }
                } else {
                    if repeat >= 3 {
                        flush_repeats(&mut out, repeat);
                    }
                    repeat = 0;
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    key.0, key.1, key.2
                ));
                if let Some(src) = e.code.source.line_text(e.line) {
                    // CPython strips the indentation but keeps trailing blanks.
                    let t = src.trim_start_matches([' ', '\t', '\x0c']);
                    if !t.trim().is_empty() {
                        out.push_str(&format!("    {t}\n"));
                        let loc = e.code.fault_loc(e.pc as usize, e.method_lookup);
                        if let Some(m) = crate::interp::carets::caret_line(&e.code.source, loc) {
                            out.push_str(&m);
                            out.push('\n');
                        }
                    }
                }
                last = Some(key);
            }
            if repeat >= 3 {
                flush_repeats(&mut out, repeat);
            }
        }
        let name = display_type_name(exc.class);
        let mut msg = self
            .exception_str(exc)
            .unwrap_or_else(|_| "<exception str() failed>".into());
        if let Some(s) = exc
            .exc
            .as_ref()
            .and_then(|st| st.borrow().suggestion.clone())
        {
            msg.push_str(&format!(". Did you mean: '{s}'?"));
        }
        if msg.is_empty() {
            out.push_str(&format!("{name}\n"));
        } else {
            out.push_str(&format!("{name}: {msg}\n"));
        }
        // 3.11 notes (add_note) follow the message, one per line.
        let h = crate::interp::protocol::str_hash(self.intern_static("__notes__"));
        let notes = exc.table().borrow().get_str(h, "__notes__");
        if let Some(Value::List(l)) = notes {
            let items: Vec<Value> = l.items.borrow().clone();
            for n in items {
                let s = self.str_of(n).unwrap_or_default();
                out.push_str(&s);
                out.push('\n');
            }
        }
        out
    }
}

fn flush_repeats(out: &mut String, repeat: usize) {
    let n = repeat - 2;
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        n,
        if n == 1 { "" } else { "s" }
    ));
}
