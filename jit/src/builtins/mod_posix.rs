//! `posix`: the operating system calls `os` is made of, as in CPython,
//! where `os.py` is Python over this built-in module. What the embedded
//! `os` and `posixpath` (`pysrc/`) need: the working directory, the process
//! id, files and directories (remove, rename, mkdir, rmdir, listdir, stat)
//! and the environment. Paths are str or os.PathLike (`__fspath__`; bytes
//! are not taken); failures raise the OSError subclass CPython raises, with
//! errno, strerror and the file names (`builtins::file::os_error`).

use std::os::unix::fs::{DirBuilderExt, MetadataExt};

use crate::builtins::file::{os_error, os_error2};
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn make(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("posix", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("getcwd", getcwd),
        ("getpid", getpid),
        ("remove", remove),
        ("unlink", unlink),
        ("rmdir", rmdir),
        ("mkdir", mkdir),
        ("rename", rename),
        ("replace", replace),
        ("listdir", listdir),
        ("stat", stat),
        ("putenv", putenv),
        ("unsetenv", unsetenv),
        ("strerror", strerror),
        ("_environ_items", environ_items),
    ];
    super::set_functions(vm, m, fns);
    m
}

/// Argument `i` of `func` as a path: a str, or what an object's
/// `__fspath__` gives (os.PathLike); CPython's wording for anything else.
/// `fd_too`: the call also takes a file descriptor in CPython (`stat`),
/// which its message names (jitprof takes none).
fn path_arg(vm: &mut Vm, func: &str, args: &[Value], i: usize, fd_too: bool) -> PyResult<String> {
    let Some(&v) = args.get(i) else {
        return Err(vm.type_error(&format!(
            "{func}() missing required argument 'path' (pos 1)"
        )));
    };
    let s = match v {
        Value::Str(s) => s.as_str().to_string(),
        Value::Instance(_) => match vm.call_special(v, "__fspath__", &[])? {
            Some(Value::Str(s)) => s.as_str().to_string(),
            Some(r) => {
                let (tn, rn) = (vm.type_name(v), vm.type_name(r));
                return Err(vm.type_error(&format!(
                    "expected {tn}.__fspath__() to return str or bytes, not {rn}"
                )));
            }
            None => return Err(not_a_path(vm, func, v, fd_too)),
        },
        _ => return Err(not_a_path(vm, func, v, fd_too)),
    };
    if s.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(s)
}

fn not_a_path(vm: &mut Vm, func: &str, v: Value, fd_too: bool) -> PyExc {
    let tn = vm.type_name(v);
    let kinds = if fd_too {
        "string, bytes, os.PathLike or integer"
    } else {
        "string, bytes or os.PathLike"
    };
    vm.type_error(&format!("{func}: path should be {kinds}, not {tn}"))
}

/// Check arity and no keywords, CPython's way for these positional calls.
fn positional(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kwargs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    super::no_kwargs(vm, name, kw)?;
    super::check_arity(vm, name, args, min, max)
}

fn getcwd(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "getcwd", args, kw, 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_str(p.to_string_lossy().into_owned())),
        Err(e) => Err(os_error(vm, &e, ".")),
    }
}

fn getpid(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "getpid", args, kw, 0, 0)?;
    Ok(Value::Int(std::process::id() as i64))
}

fn remove_named(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, name, args, kw, 1, 1)?;
    let p = path_arg(vm, name, args, 0, false)?;
    match std::fs::remove_file(&p) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(os_error(vm, &e, &p)),
    }
}

fn remove(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    remove_named(vm, "remove", args, kw)
}

fn unlink(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    remove_named(vm, "unlink", args, kw)
}

fn rmdir(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "rmdir", args, kw, 1, 1)?;
    let p = path_arg(vm, "rmdir", args, 0, false)?;
    match std::fs::remove_dir(&p) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(os_error(vm, &e, &p)),
    }
}

/// `mkdir(path, mode=0o777)`: the mode is given positionally (`os.mkdir`
/// passes it on).
fn mkdir(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "mkdir", args, kw, 1, 2)?;
    let p = path_arg(vm, "mkdir", args, 0, false)?;
    let mode = match args.get(1) {
        None => 0o777,
        Some(Value::Int(m)) => *m as u32,
        Some(&v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )));
        }
    };
    match std::fs::DirBuilder::new().mode(mode).create(&p) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(os_error(vm, &e, &p)),
    }
}

fn rename_named(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, name, args, kw, 2, 2)?;
    let src = path_arg(vm, name, args, 0, false)?;
    let dst = path_arg(vm, name, args, 1, false)?;
    match std::fs::rename(&src, &dst) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(os_error2(vm, &e, &src, Some(&dst))),
    }
}

fn rename(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    rename_named(vm, "rename", args, kw)
}

fn replace(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    rename_named(vm, "replace", args, kw)
}

/// `listdir(path='.')` (None: '.'): the names in the directory, in the order the
/// system gives them (as CPython: sort them to compare).
fn listdir(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "listdir", args, kw, 0, 1)?;
    let p = if matches!(args.first(), None | Some(Value::None)) {
        ".".to_string()
    } else {
        path_arg(vm, "listdir", args, 0, true)?
    };
    let rd = match std::fs::read_dir(&p) {
        Ok(rd) => rd,
        Err(e) => return Err(os_error(vm, &e, &p)),
    };
    let mut names = Vec::new();
    for entry in rd {
        match entry {
            Ok(d) => names.push(d.file_name().to_string_lossy().into_owned()),
            Err(e) => return Err(os_error(vm, &e, &p)),
        }
    }
    let items = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(items))
}

/// `stat(path)`: the fields `os.stat_result` is made of (`pysrc/os.py`):
/// mode, ino, dev, nlink, uid, gid, size, then the three times as ints
/// (seconds), as floats and in nanoseconds.
fn stat(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "stat", args, kw, 1, 1)?;
    let p = path_arg(vm, "stat", args, 0, true)?;
    let md = match std::fs::metadata(&p) {
        Ok(md) => md,
        Err(e) => return Err(os_error(vm, &e, &p)),
    };
    let times = [
        (md.atime(), md.atime_nsec()),
        (md.mtime(), md.mtime_nsec()),
        (md.ctime(), md.ctime_nsec()),
    ];
    let mut items = vec![
        Value::Int(md.mode() as i64),
        Value::Int(md.ino() as i64),
        Value::Int(md.dev() as i64),
        Value::Int(md.nlink() as i64),
        Value::Int(md.uid() as i64),
        Value::Int(md.gid() as i64),
        Value::Int(md.size() as i64),
    ];
    items.extend(times.iter().map(|&(s, _)| Value::Int(s)));
    items.extend(
        times
            .iter()
            .map(|&(s, ns)| Value::Float(s as f64 + ns as f64 * 1e-9)),
    );
    for (s, ns) in times {
        let total = s as i128 * 1_000_000_000 + ns as i128;
        items.push(match i64::try_from(total) {
            Ok(v) => Value::Int(v),
            Err(_) => vm.int_from_big(num_bigint::BigInt::from(total)),
        });
    }
    Ok(vm.new_tuple(items))
}

/// The environment as (name, value) pairs, for `os.environ`.
fn environ_items(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "_environ_items", args, kw, 0, 0)?;
    let pairs: Vec<(String, String)> = std::env::vars_os()
        .map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let mut items = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        let (k, v) = (vm.new_str(k), vm.new_str(v));
        items.push(vm.new_tuple(vec![k, v]));
    }
    Ok(vm.new_list(items))
}

/// An environment variable's name or value: str without NUL (and, for a
/// name, without `=`), as CPython checks them.
fn env_arg<'a>(vm: &mut Vm, v: &'a Value, name: bool) -> PyResult<&'a str> {
    let Value::Str(s) = v else {
        let tn = vm.type_name(*v);
        return Err(vm.type_error(&format!("str expected, not {tn}")));
    };
    let s = s.as_str();
    if s.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    if name && (s.is_empty() || s.contains('=')) {
        return Err(vm.value_error("illegal environment variable name"));
    }
    Ok(s)
}

fn putenv(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "putenv", args, kw, 2, 2)?;
    let k = env_arg(vm, &args[0], true)?;
    let v = env_arg(vm, &args[1], false)?;
    std::env::set_var(k, v);
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "unsetenv", args, kw, 1, 1)?;
    let k = env_arg(vm, &args[0], true)?;
    std::env::remove_var(k);
    Ok(Value::None)
}

fn strerror(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    positional(vm, "strerror", args, kw, 1, 1)?;
    let Value::Int(code) = args[0] else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(&format!(
            "'{tn}' object cannot be interpreted as an integer"
        )));
    };
    // SAFETY: strerror returns a pointer to a NUL-terminated static or
    // thread-local message for any errno; it is copied at once.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::strerror(code as i32)) }
        .to_string_lossy()
        .into_owned();
    Ok(vm.new_str(msg))
}
