//! Built-in modules. `sys` for now; the standard-library modules come with the
//! "real programs" issue.

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// Create the built-in module `name`, or None if there is no such module.
pub fn builtin_module(vm: &mut Vm, name: &str) -> Option<Gc<ModuleObj>> {
    match name {
        "sys" => Some(make_sys(vm)),
        "builtins" => Some(make_builtins(vm)),
        "math" => Some(super::mod_math::make(vm)),
        "random" => Some(super::mod_random::make(vm)),
        "bisect" => Some(super::mod_bisect::make(vm)),
        "array" => Some(super::mod_array::make(vm)),
        "heapq" => Some(super::mod_heapq::make(vm)),
        "itertools" => Some(super::mod_itertools::make(vm)),
        "functools" => Some(super::mod_functools::make_functools(vm)),
        "operator" => Some(super::mod_operator::make_operator(vm)),
        "string" => Some(super::mod_string::make_string(vm)),
        "time" => Some(super::mod_time::make_time(vm)),
        "posix" => Some(super::mod_posix::make(vm)),
        "_json" => Some(super::mod_json::make(vm)),
        "_re" => Some(super::mod_re::make(vm)),
        "copy" => Some(super::mod_copy::make_copy(vm)),
        "collections" => Some(super::mod_collections::make(vm)),
        "_jitprof" => Some(make_jitprof(vm)),
        "gc" => Some(make_gc(vm)),
        _ => None,
    }
}

/// `gc`: what programs and benchmark harnesses call. jitprof's collector
/// traces the whole heap (there is no separate cycle collector to turn
/// off), so `disable()` only changes what `isenabled()` says, and
/// `collect()` asks for a collection at the next safepoint and returns 0.
fn make_gc(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("gc", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("collect", gc_collect),
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
    ];
    super::set_functions(vm, m, fns);
    m
}

thread_local! {
    static GC_ENABLED: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

fn gc_collect(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    super::check_arity(vm, "collect", args, 0, 1)?;
    if let Some(&g) = args.first() {
        match g {
            Value::Int(0..=2) => {}
            Value::Int(_) => return Err(vm.value_error("invalid generation")),
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
        }
    }
    vm.heap.request_collection();
    Ok(Value::Int(0))
}

fn gc_enable(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    super::check_arity(vm, "enable", args, 0, 0)?;
    GC_ENABLED.with(|e| e.set(true));
    Ok(Value::None)
}

fn gc_disable(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    super::check_arity(vm, "disable", args, 0, 0)?;
    GC_ENABLED.with(|e| e.set(false));
    Ok(Value::None)
}

fn gc_isenabled(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    super::check_arity(vm, "isenabled", args, 0, 0)?;
    Ok(Value::Bool(GC_ENABLED.with(|e| e.get())))
}

/// `_jitprof`: what the modules jitprof writes in Python (`pysrc`) need
/// from the runtime.
fn make_jitprof(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("_jitprof", "");
    let f = super::native(vm, "unsupported", jitprof_unsupported, None);
    m.set("unsupported", f);
    let f = super::native(vm, "caller_module_name", jitprof_caller_module_name, None);
    m.set("caller_module_name", f);
    let f = super::native(vm, "define", jitprof_define, None);
    m.set("define", f);
    m
}

/// `_jitprof.define(source, namespace, name)`: run `source` (definitions)
/// as a module of its own whose globals start as `namespace`, and return
/// its global `name`. This is how dataclasses makes `__init__`, `__repr__`
/// and the rest from text, as CPython's does with `exec`; the functions are
/// ordinary compiled Python, and tracebacks through them say `<string>`.
fn jitprof_define(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let (Some(Value::Str(src)), Some(Value::Dict(ns)), Some(Value::Str(name))) =
        (args.first(), args.get(1), args.get(2))
    else {
        return Err(vm.type_error("define(source: str, namespace: dict, name: str)"));
    };
    let (src, ns, name) = (*src, *ns, *name);
    let module_name = match ns
        .table
        .borrow()
        .get_str(crate::runtime::hash::hash_str("__name__"), "__name__")
    {
        Some(Value::Str(n)) => n.as_str().to_string(),
        _ => "<string>".to_string(),
    };
    let m = vm.new_module(&module_name, "<string>");
    let entries: Vec<(Value, Value)> = ns.table.borrow().iter().collect();
    for (k, v) in entries {
        if let Value::Str(k) = k {
            m.set(k.as_str(), v);
        }
    }
    let file = std::rc::Rc::new(crate::bytecode::code::SourceFile::new(
        "<string>",
        src.as_str().to_string(),
    ));
    vm.sources.push(file.clone());
    let ast = match crate::front::parse(&file) {
        Ok(a) => a,
        Err(e) => return Err(vm.new_exception_msg("SyntaxError", &e.render(&file))),
    };
    let code = match crate::front::compiler::compile_module(vm, file.clone(), m, &ast.body) {
        Ok(c) => c,
        Err(e) => return Err(vm.new_exception_msg("SyntaxError", &e.render(&file))),
    };
    vm.run_module_code(code, m)?;
    match m.get(name.as_str()) {
        Some(v) => Ok(v),
        None => Err(vm.new_exception_msg(
            "NameError",
            &format!("name '{}' is not defined", name.as_str()),
        )),
    }
}

/// The innermost frame running the program's own code, not a module of
/// `pysrc`'s.
fn user_frame(vm: &Vm) -> Option<usize> {
    let prefix = super::pysrc::path("");
    let prefix = prefix.trim_end_matches(".py");
    vm.frames
        .iter()
        .rposition(|f| !f.code().source.path.starts_with(prefix))
}

/// `_jitprof.unsupported(what)`: stop the run with `unsupported: WHAT`,
/// at the program's line that got there.
fn jitprof_unsupported(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let what = match args.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "a feature".to_string(),
    };
    let (path, line, col) = match user_frame(vm).map(|i| &vm.frames[i]) {
        Some(f) => {
            let code = f.code();
            let loc = code
                .locs
                .get(f.pc.saturating_sub(1))
                .copied()
                .unwrap_or_default();
            (code.source.path.to_string(), loc.line, loc.col)
        }
        None => ("<unknown>".to_string(), 0, 0),
    };
    Err(vm.fatal_error(format!("{path}:{line}:{col}: unsupported: {what}")))
}

/// `_jitprof.caller_module_name()`: `__name__` of the program module that
/// is calling into a `pysrc` module (what CPython reads from the caller's
/// frame to set `__module__` of a NewType or namedtuple).
fn jitprof_caller_module_name(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let name = user_frame(vm).and_then(|i| vm.frames[i].func.module.get("__name__"));
    Ok(name.unwrap_or(Value::None))
}

/// `builtins`: a module holding the built-in names (a copy: assigning to
/// its attributes does not change what unqualified names find).
fn make_builtins(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("builtins", "");
    let mut names: Vec<(std::rc::Rc<str>, Value)> = vm
        .builtins
        .iter()
        .filter(|(k, _)| !super::match_patterns::is_internal(k))
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    names.sort_by(|a, b| a.0.cmp(&b.0));
    for (k, v) in names {
        m.set(&k, v);
    }
    m
}

fn make_sys(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("sys", "");
    let argv: Vec<Value> = vm
        .options
        .argv
        .clone()
        .into_iter()
        .map(|a| vm.new_str(a))
        .collect();
    let argv = vm.new_list(argv);
    m.set("argv", argv);
    m.set("maxsize", Value::Int(i64::MAX));
    let exit = super::native(vm, "exit", sys_exit, None);
    m.set("exit", exit);
    let grl = super::native(vm, "getrecursionlimit", sys_getrecursionlimit, None);
    m.set("getrecursionlimit", grl);
    let srl = super::native(vm, "setrecursionlimit", sys_setrecursionlimit, None);
    m.set("setrecursionlimit", srl);
    let it = super::native(vm, "intern", sys_intern, None);
    m.set("intern", it);
    let ei = super::native(vm, "exc_info", sys_exc_info, None);
    m.set("exc_info", ei);
    let ex = super::native(vm, "exception", sys_exception, None);
    m.set("exception", ex);
    let stdout = make_stream(vm, "stdout");
    m.set("stdout", stdout);
    let stderr = make_stream(vm, "stderr");
    m.set("stderr", stderr);
    let v = vm.new_str("3.11.7 (jitprof)");
    m.set("version", v);
    let vi = vm.new_tuple(vec![Value::Int(3), Value::Int(11), Value::Int(7)]);
    m.set("version_info", vi);
    let p = vm.new_str("linux");
    m.set("platform", p);
    // CPython has `sys` and `builtins` loaded before any program code runs.
    vm.register_module("sys".to_string(), m);
    if !vm.modules.contains_key("builtins") {
        let b = make_builtins(vm);
        vm.register_module("builtins".to_string(), b);
    }
    let mods = vm.make_sys_modules();
    m.set("modules", mods);
    m
}

/// A stream object: a module-like namespace with `write` and `flush`, bound to
/// stdout or stderr by name.
fn make_stream(vm: &mut Vm, which: &'static str) -> Value {
    let s = vm.new_module(which, "");
    let (w, f): (NativeFn, NativeFn) = if which == "stdout" {
        (stdout_write, stdout_flush)
    } else {
        (stderr_write, stderr_flush)
    };
    let wv = super::native(vm, "write", w, None);
    s.set("write", wv);
    let fv = super::native(vm, "flush", f, None);
    s.set("flush", fv);
    Value::Module(s)
}

/// Which stream a `file=` argument names: Some(true) = stderr.
pub fn stream_is_stderr(v: Value) -> Option<bool> {
    match v {
        Value::Module(m) if m.file.is_empty() && m.name.as_str() == "stderr" => Some(true),
        Value::Module(m) if m.file.is_empty() && m.name.as_str() == "stdout" => Some(false),
        _ => None,
    }
}

fn write_to(vm: &mut Vm, args: &[Value], err: bool) -> PyResult<Value> {
    super::check_arity(vm, "write", args, 1, 1)?;
    let Value::Str(s) = args[0] else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
    };
    if err {
        vm.stdout.flush();
        vm.stderr.write_str(s.as_str());
    } else {
        vm.stdout.write_str(s.as_str());
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn stdout_write(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    write_to(vm, args, false)
}
fn stderr_write(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    write_to(vm, args, true)
}
fn stdout_flush(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    vm.stdout.flush();
    Ok(Value::None)
}
fn stderr_flush(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    vm.stderr.flush();
    Ok(Value::None)
}

fn sys_exit(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    super::check_arity(vm, "exit", args, 0, 1)?;
    Err(vm.new_exception("SystemExit", args.to_vec()))
}

/// `sys.intern(s)`: the one str object with that text.
fn sys_intern(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    super::check_arity(vm, "intern", args, 1, 1)?;
    match args[0] {
        Value::Str(s) => Ok(Value::Str(vm.intern(s.as_str()))),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("intern() argument must be str, not {tn}")))
        }
    }
}

/// The exception an `except` block is handling, innermost first, or None.
fn handled_exception(vm: &Vm) -> Value {
    match vm.handled.last() {
        Some(e @ Value::Instance(_)) => *e,
        _ => Value::None,
    }
}

/// `sys.exception()` (new in 3.11): the exception being handled, or None.
fn sys_exception(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    super::check_arity(vm, "sys.exception", args, 0, 0)?;
    Ok(handled_exception(vm))
}

/// `sys.exc_info()`: `(type, value, traceback)` of the exception being
/// handled, or three Nones. There are no traceback objects (tracebacks are
/// printed from the VM's frames), so the third item is the exception's
/// `__traceback__`, which is None.
fn sys_exc_info(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    super::check_arity(vm, "sys.exc_info", args, 0, 0)?;
    let e = handled_exception(vm);
    let items = match e {
        Value::None => vec![Value::None; 3],
        e => vec![Value::Type(vm.type_of(e)), e, Value::None],
    };
    Ok(vm.new_tuple(items))
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    super::check_arity(vm, "setrecursionlimit", args, 1, 1)?;
    match args[0] {
        Value::Int(n) if n >= 1 => {
            vm.set_recursion_limit((n as usize).min(1_000_000));
            Ok(Value::None)
        }
        Value::Int(_) => Err(vm.value_error("recursion limit must be greater or equal than 1")),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )))
        }
    }
}
