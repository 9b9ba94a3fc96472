//! `open()` and the file objects it returns: `_io.TextIOWrapper` for text,
//! `_io.BufferedReader` / `_io.BufferedWriter` for binary files, with the
//! methods programs use (`read`, `readline`, `readlines`, iteration,
//! `write`, `writelines`, `flush`, `close`, `with`), CPython's messages for
//! closed files, wrong modes and wrong argument types, and OSError
//! subclasses chosen by errno (`[Errno 2] No such file or directory: 'x'`).
//!
//! What is left out says so rather than doing something else: update modes
//! (`'r+'`, `'w+'`), opening a file descriptor, and `seek`/`tell` stop the
//! run with `unsupported:` (see `Vm::fatal_unsupported_here`).
//!
//! Why a file is read whole at its first read: programs read input files
//! front to back, and one read of the file into memory makes `readline`
//! and iteration a scan of a buffer, with newline translation done once.
//! Writes are buffered and reach the file when the buffer passes 64 KiB, at
//! `flush()`, `close()`, the end of a `with` block, and at the end of the
//! run (`flush_all`), whichever comes first, as CPython's buffered files do
//! at interpreter exit.

use std::cell::RefCell;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::rc::{Rc, Weak};

use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// Write buffer size before it goes to the file.
const FLUSH_AT: usize = 64 * 1024;

thread_local! {
    /// Files with a write buffer, flushed at the end of the run.
    static WRITERS: RefCell<Vec<Weak<RefCell<FileState>>>> = const { RefCell::new(Vec::new()) };
}

#[derive(Clone, Copy, PartialEq)]
enum Encoding {
    Utf8,
    Latin1,
    Ascii,
}

/// How line endings are read and written (`newline=` of `open`).
#[derive(Clone, Copy, PartialEq)]
enum Newline {
    /// None: `\r\n` and `\r` read as `\n`; `\n` written as is (Linux).
    Universal,
    /// `''`: lines end at `\n`, `\r` or `\r\n`, kept as they are.
    Untranslated,
    /// `'\n'`: lines end at `\n` only.
    Lf,
    /// `'\r'` or `'\r\n'`: lines end there; `\n` is written as it.
    Other(&'static str),
}

struct FileState {
    /// None once closed.
    file: Option<File>,
    binary: bool,
    readable: bool,
    writable: bool,
    encoding: Encoding,
    newline: Newline,
    /// The whole content once read (text already translated to UTF-8 with
    /// `\n` line ends under universal newlines), and how far reading got.
    content: Option<Vec<u8>>,
    pos: usize,
    wbuf: Vec<u8>,
}

impl FileState {
    fn flush(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let r = match self.file.as_mut() {
            Some(f) => f.write_all(&self.wbuf),
            None => Ok(()),
        };
        self.wbuf.clear();
        r
    }
}

impl Drop for FileState {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

pub struct FileData {
    st: Rc<RefCell<FileState>>,
    name: Value,
    mode: Value,
    encoding_name: Value,
}

impl NativeData for FileData {
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.name);
        t.mark_value(&self.mode);
        t.mark_value(&self.encoding_name);
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn extra_bytes(&self) -> usize {
        self.st.try_borrow().map_or(0, |s| {
            s.wbuf.capacity() + s.content.as_ref().map_or(0, |c| c.capacity())
        })
    }
}

/// Write out every file's buffered writes (the end of the run).
pub fn flush_all() {
    WRITERS.with(|w| {
        for f in w.borrow_mut().drain(..) {
            if let Some(f) = f.upgrade() {
                let _ = f.borrow_mut().flush();
            }
        }
    });
}

/// The three file types, made on first use.
fn file_type(vm: &mut Vm, which: &'static str) -> Gc<TypeObj> {
    if let Some(t) = vm.iter_types.get(which) {
        return *t;
    }
    let name = vm.intern_static(which);
    let module = vm.intern_static("_io");
    let object = vm.types.object;
    let t = vm.heap.alloc_pinned(TypeObj::new(
        name,
        TypeKind::User,
        vec![object],
        Some(module),
    ));
    *t.mro.borrow_mut() = vec![t, object];
    *t.slots.borrow_mut() = Some(Vec::new());
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", f_read),
        ("readline", f_readline),
        ("readlines", f_readlines),
        ("write", f_write),
        ("writelines", f_writelines),
        ("flush", f_flush),
        ("close", f_close),
        ("readable", f_readable),
        ("writable", f_writable),
        ("seek", f_seek),
        ("tell", f_seek),
        ("__enter__", f_enter),
        ("__exit__", f_exit),
        ("__iter__", f_iter),
        ("__next__", f_next),
        ("__repr__", f_repr),
    ];
    for (n, f) in methods {
        super::add_method(vm, t, n, *f);
    }
    let mut getters: Vec<(&'static str, NativeFn)> =
        vec![("closed", f_closed), ("name", f_name), ("mode", f_mode)];
    if which == "TextIOWrapper" {
        getters.push(("encoding", f_encoding));
    }
    super::add_getters(vm, t, &getters);
    super::set_type_attr(vm, t, "__module__", Value::Str(module));
    vm.iter_types.insert(which, t);
    t
}

fn kwarg(kw: Kwargs, name: &str) -> Option<Value> {
    kw.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| *v)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None)`.
pub fn open(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    const PARAMS: [&str; 8] = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    if args.len() > PARAMS.len() {
        return Err(vm.type_error(&format!(
            "open() takes at most 8 arguments ({} given)",
            args.len()
        )));
    }
    for (k, _) in kw {
        let Some(i) = PARAMS.iter().position(|p| *p == k.as_str()) else {
            return Err(vm.type_error(&format!(
                "'{}' is an invalid keyword argument for open()",
                k.as_str()
            )));
        };
        if i < args.len() {
            return Err(vm.type_error(&format!(
                "argument for open() given by name ('{}') and position ({})",
                k.as_str(),
                i + 1
            )));
        }
    }
    let arg = |i: usize| args.get(i).copied().or_else(|| kwarg(kw, PARAMS[i]));
    let Some(file) = arg(0) else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let path = match file {
        Value::Str(s) => s.as_str().to_string(),
        Value::Int(_) | Value::Bool(_) => {
            return Err(vm.fatal_unsupported_here("open() of a file descriptor"))
        }
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "expected str, bytes or os.PathLike object, not {tn}"
            )));
        }
    };
    let mode_v = arg(1).unwrap_or(Value::None);
    let mode = match mode_v {
        Value::None => "r".to_string(),
        Value::Str(s) => s.as_str().to_string(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("open() argument 'mode' must be str, not {tn}")));
        }
    };
    let m = parse_mode(vm, &mode)?;
    let str_arg = |vm: &mut Vm, i: usize| -> PyResult<Option<String>> {
        match arg(i) {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
            Some(other) => {
                let tn = vm.type_name(other);
                Err(vm.type_error(&format!(
                    "open() argument '{}' must be str or None, not {tn}",
                    PARAMS[i]
                )))
            }
        }
    };
    let enc = str_arg(vm, 3)?;
    let newline = str_arg(vm, 5)?;
    if m.binary {
        for (i, what) in [(3, "an encoding"), (4, "an errors"), (5, "a newline")] {
            if !matches!(arg(i), None | Some(Value::None)) {
                return Err(vm.value_error(&format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    let encoding = match enc.as_deref() {
        None => Encoding::Utf8,
        Some(e) => match e.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" | "u8" | "utf" => Encoding::Utf8,
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Encoding::Latin1,
            "ascii" | "us-ascii" => Encoding::Ascii,
            _ => return Err(vm.new_exception_msg("LookupError", &format!("unknown encoding: {e}"))),
        },
    };
    let newline = match newline.as_deref() {
        None => Newline::Universal,
        Some("") => Newline::Untranslated,
        Some("\n") => Newline::Lf,
        Some("\r") => Newline::Other("\r"),
        Some("\r\n") => Newline::Other("\r\n"),
        Some(other) => {
            let v = vm.new_str(other);
            let r = vm.repr(v)?;
            return Err(vm.value_error(&format!("illegal newline value: {r}")));
        }
    };
    let mut oo = OpenOptions::new();
    match m.kind {
        'r' => oo.read(true),
        'w' => oo.write(true).create(true).truncate(true),
        'a' => oo.append(true).create(true),
        _ => oo.write(true).create_new(true),
    };
    let f = match oo.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(os_error(vm, &e, &path)),
    };
    // Opening a directory for reading succeeds on Linux; CPython refuses.
    if f.metadata().is_ok_and(|md| md.is_dir()) {
        let e = std::io::Error::from_raw_os_error(libc::EISDIR);
        return Err(os_error(vm, &e, &path));
    }
    let st = Rc::new(RefCell::new(FileState {
        file: Some(f),
        binary: m.binary,
        readable: m.kind == 'r',
        writable: m.kind != 'r',
        encoding,
        newline,
        content: None,
        pos: 0,
        wbuf: Vec::new(),
    }));
    if m.kind != 'r' {
        WRITERS.with(|w| w.borrow_mut().push(Rc::downgrade(&st)));
    }
    let which = match (m.binary, m.kind) {
        (false, _) => "TextIOWrapper",
        (true, 'r') => "BufferedReader",
        (true, _) => "BufferedWriter",
    };
    let cls = file_type(vm, which);
    let shown_mode = if m.binary {
        vm.new_str(format!("{}b", m.kind))
    } else {
        match mode_v {
            Value::None => vm.new_str("r"),
            v => v,
        }
    };
    let encoding_name = match enc {
        Some(e) => vm.new_str(e),
        None => vm.new_str("UTF-8"),
    };
    let data = FileData {
        st,
        name: file,
        mode: shown_mode,
        encoding_name,
    };
    Ok(Value::Instance(vm.heap.alloc(InstanceObj::with_ext(
        cls,
        InstExt::Native(Box::new(data)),
    ))))
}

struct Mode {
    /// 'r', 'w', 'a' or 'x'.
    kind: char,
    binary: bool,
}

/// `_io.open`'s mode check, in its order and with its messages.
fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let chars: Vec<char> = mode.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if !"xrwa+tb".contains(*c) || chars[i + 1..].contains(c) {
            return Err(vm.value_error(&format!("invalid mode: '{mode}'")));
        }
    }
    let has = |c: char| chars.contains(&c);
    if has('t') && has('b') {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let kinds: Vec<char> = chars
        .iter()
        .copied()
        .filter(|c| "xrwa".contains(*c))
        .collect();
    if kinds.len() > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    let Some(&kind) = kinds.first() else {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    };
    if has('+') {
        return Err(vm.fatal_unsupported_here(&format!("open() mode '{mode}' (read and write)")));
    }
    Ok(Mode {
        kind,
        binary: has('b'),
    })
}

/// The OSError subclass CPython raises for `e`, with `errno`, `strerror`
/// and `filename` set: `[Errno 2] No such file or directory: 'x'`.
pub(crate) fn os_error(vm: &mut Vm, e: &std::io::Error, path: &str) -> PyExc {
    os_error2(vm, e, path, None)
}

/// `os_error` for a call on two paths (`os.rename`): `filename2` too.
pub(crate) fn os_error2(vm: &mut Vm, e: &std::io::Error, path: &str, path2: Option<&str>) -> PyExc {
    let errno = e.raw_os_error().unwrap_or(0);
    let class = match errno {
        libc::ENOENT => "FileNotFoundError",
        libc::EEXIST => "FileExistsError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        _ => "OSError",
    };
    // SAFETY: strerror returns a pointer to a NUL-terminated static or
    // thread-local message for any errno; it is copied at once.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::strerror(errno)) }
        .to_string_lossy()
        .into_owned();
    let m = vm.new_str(msg);
    let exc = vm.new_exception(class, vec![Value::Int(errno as i64), m]);
    let name = vm.new_str(path);
    let name2 = match path2 {
        Some(p) => vm.new_str(p),
        None => Value::None,
    };
    for (k, v) in [
        ("errno", Value::Int(errno as i64)),
        ("strerror", m),
        ("filename", name),
        ("filename2", name2),
    ] {
        let key = vm.intern(k);
        let h = crate::interp::protocol::str_hash(key);
        exc.class.note_instance_attr(h);
        exc.table()
            .borrow_mut()
            .insert(h, Value::Str(key), v, crate::interp::protocol::str_key_eq)
            .ok();
    }
    exc
}

// ---------------------------------------------------------------- methods

fn this<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<&'a FileData> {
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(d) = i.native::<FileData>() {
            return Ok(d);
        }
    }
    Err(vm.type_error(&format!("descriptor '{name}' requires a file object")))
}

fn closed_error(vm: &mut Vm) -> PyExc {
    vm.value_error("I/O operation on closed file.")
}

/// `io.UnsupportedOperation(what)`: the class (a subclass of OSError and
/// ValueError, as in CPython) is made on first use with `type()`.
fn unsupported_op(vm: &mut Vm, what: &str) -> PyExc {
    let cls = match vm.iter_types.get("UnsupportedOperation") {
        Some(t) => Some(*t),
        None => make_unsupported_operation(vm),
    };
    match cls {
        Some(cls) => {
            let m = vm.new_str(what);
            vm.instantiate_exception(cls, vec![m])
        }
        None => vm.new_exception_msg("OSError", what),
    }
}

fn make_unsupported_operation(vm: &mut Vm) -> Option<Gc<TypeObj>> {
    let name = vm.new_str("UnsupportedOperation");
    let bases = vm.new_tuple(vec![
        Value::Type(vm.exc_types["OSError"]),
        Value::Type(vm.exc_types["ValueError"]),
    ]);
    let ns = vm.new_dict();
    let key = vm.new_str("__module__");
    let io = vm.new_str("io");
    vm.setitem(ns, key, io).ok()?;
    let meta = Value::Type(vm.types.type_);
    match vm.call_value(meta, &[name, bases, ns], &[]) {
        Ok(Value::Type(t)) => {
            vm.iter_types.insert("UnsupportedOperation", t);
            Some(t)
        }
        _ => None,
    }
}

/// The file's content from the current position, reading the file at the
/// first call.
fn ensure_content(vm: &mut Vm, d: &FileData) -> PyResult<()> {
    let mut st = d.st.borrow_mut();
    if st.file.is_none() {
        drop(st);
        return Err(closed_error(vm));
    }
    if !st.readable {
        drop(st);
        return Err(unsupported_op(vm, "not readable"));
    }
    if st.content.is_some() {
        return Ok(());
    }
    let mut raw = Vec::new();
    if let Err(e) = st.file.as_mut().map_or(Ok(0), |f| f.read_to_end(&mut raw)) {
        drop(st);
        let name = d.name.as_str().unwrap_or("").to_string();
        return Err(os_error(vm, &e, &name));
    }
    if st.binary {
        st.content = Some(raw);
        return Ok(());
    }
    let text = match st.encoding {
        Encoding::Utf8 => match String::from_utf8(raw) {
            Ok(s) => s,
            Err(e) => {
                let u = e.utf8_error();
                let at = u.valid_up_to();
                let byte = e.as_bytes()[at];
                let why = match u.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0x80..0xC0).contains(&byte) || byte >= 0xF8 => "invalid start byte",
                    Some(_) => "invalid continuation byte",
                };
                drop(st);
                return Err(vm.new_exception_msg(
                    "UnicodeDecodeError",
                    &format!(
                        "'utf-8' codec can't decode byte 0x{byte:02x} in position {at}: {why}"
                    ),
                ));
            }
        },
        Encoding::Latin1 => raw.iter().map(|&b| b as char).collect(),
        Encoding::Ascii => match raw.iter().position(|&b| b >= 0x80) {
            None => raw.iter().map(|&b| b as char).collect(),
            Some(at) => {
                let byte = raw[at];
                drop(st);
                return Err(vm.new_exception_msg(
                    "UnicodeDecodeError",
                    &format!(
                        "'ascii' codec can't decode byte 0x{byte:02x} in position {at}: ordinal not in range(128)"
                    ),
                ));
            }
        },
    };
    let text = if st.newline == Newline::Universal {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    st.content = Some(text.into_bytes());
    Ok(())
}

/// The value of `bytes` read from a file of this kind: str or bytes.
fn piece(vm: &mut Vm, binary: bool, bytes: &[u8]) -> Value {
    if binary {
        vm.new_bytes(bytes.to_vec())
    } else {
        // SAFETY-free: text content is UTF-8 and cut at char boundaries.
        vm.new_str(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// An optional size argument: None or negative = all.
fn size_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Option<usize>> {
    super::check_arity(vm, name, &args[1..], 0, 1)?;
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) => Ok((*n >= 0).then_some(*n as usize)),
        Some(Value::Bool(b)) => Ok(Some(*b as usize)),
        Some(other) => {
            let tn = vm.type_name(*other);
            Err(vm.type_error(&format!("argument should be integer or None, not '{tn}'")))
        }
    }
}

/// Where `n` characters (text) or bytes (binary) from `pos` end.
fn advance(content: &[u8], pos: usize, n: usize, binary: bool) -> usize {
    if binary {
        return (pos + n).min(content.len());
    }
    let mut end = pos;
    let mut left = n;
    while end < content.len() && left > 0 {
        end += utf8_len(content[end]);
        left -= 1;
    }
    end.min(content.len())
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// The end of the line starting at `pos` (after its line end).
fn line_end(st: &FileState, content: &[u8], pos: usize) -> usize {
    let rest = &content[pos..];
    let cut = match (st.binary, st.newline) {
        (true, _) | (false, Newline::Universal | Newline::Lf) => {
            rest.iter().position(|&b| b == b'\n').map(|i| i + 1)
        }
        (false, Newline::Untranslated) => {
            rest.iter()
                .position(|&b| b == b'\n' || b == b'\r')
                .map(|i| {
                    if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') {
                        i + 2
                    } else {
                        i + 1
                    }
                })
        }
        (false, Newline::Other(sep)) => {
            let sep = sep.as_bytes();
            rest.windows(sep.len())
                .position(|w| w == sep)
                .map(|i| i + sep.len())
        }
    };
    pos + cut.unwrap_or(rest.len())
}

fn read_line(vm: &mut Vm, d: &FileData, limit: Option<usize>) -> PyResult<Value> {
    ensure_content(vm, d)?;
    let mut st = d.st.borrow_mut();
    let content = st.content.take().unwrap_or_default();
    let pos = st.pos;
    let mut end = line_end(&st, &content, pos);
    if let Some(n) = limit {
        end = end.min(advance(&content, pos, n, st.binary));
    }
    st.pos = end;
    let binary = st.binary;
    let v = piece(vm, binary, &content[pos..end]);
    st.content = Some(content);
    Ok(v)
}

fn f_read(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "read")?;
    let n = size_arg(vm, args, "read")?;
    ensure_content(vm, d)?;
    let mut st = d.st.borrow_mut();
    let content = st.content.take().unwrap_or_default();
    let pos = st.pos;
    let end = match n {
        None => content.len(),
        Some(n) => advance(&content, pos, n, st.binary),
    };
    st.pos = end;
    let binary = st.binary;
    let v = piece(vm, binary, &content[pos..end]);
    st.content = Some(content);
    Ok(v)
}

fn f_readline(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "readline")?;
    let n = size_arg(vm, args, "readline")?;
    read_line(vm, d, n)
}

fn f_readlines(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "readlines")?;
    size_arg(vm, args, "readlines")?;
    let mut lines = Vec::new();
    loop {
        let l = read_line(vm, d, None)?;
        if is_empty(l) {
            break;
        }
        vm.temp_roots.push(l);
        lines.push(l);
    }
    let n = lines.len();
    let list = vm.new_list(lines);
    let keep = vm.temp_roots.len() - n;
    vm.temp_roots.truncate(keep);
    Ok(list)
}

fn is_empty(v: Value) -> bool {
    match v {
        Value::Str(s) => s.as_str().is_empty(),
        Value::Bytes(b) => b.b.is_empty(),
        _ => false,
    }
}

fn f_iter(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__iter__")?;
    if d.st.borrow().file.is_none() {
        return Err(closed_error(vm));
    }
    Ok(args[0])
}

fn f_next(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__next__")?;
    let l = read_line(vm, d, None)?;
    if is_empty(l) {
        return Err(vm.new_exception("StopIteration", vec![]));
    }
    Ok(l)
}

/// Encode `s` for a text file, translating `\n` when `newline=` asks.
fn encode(vm: &mut Vm, st: &FileState, s: &str) -> PyResult<Vec<u8>> {
    let s = match st.newline {
        Newline::Other(sep) => std::borrow::Cow::Owned(s.replace('\n', sep)),
        _ => std::borrow::Cow::Borrowed(s),
    };
    let limit = match st.encoding {
        Encoding::Utf8 => return Ok(s.as_bytes().to_vec()),
        Encoding::Latin1 => 0x100,
        Encoding::Ascii => 0x80,
    };
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if (c as u32) < limit {
            out.push(c as u8);
        } else {
            let codec = if limit == 0x80 { "ascii" } else { "latin-1" };
            let range = if limit == 0x80 { 128 } else { 256 };
            return Err(vm.new_exception_msg(
                "UnicodeEncodeError",
                &format!(
                    "'{codec}' codec can't encode character '\\u{:04x}' in position {i}: ordinal not in range({range})",
                    c as u32
                ),
            ));
        }
    }
    Ok(out)
}

fn write_value(vm: &mut Vm, d: &FileData, v: Value) -> PyResult<usize> {
    let (closed, writable, binary) = {
        let st = d.st.borrow();
        (st.file.is_none(), st.writable, st.binary)
    };
    if closed {
        return Err(closed_error(vm));
    }
    if !writable {
        return Err(unsupported_op(vm, "not writable"));
    }
    let (bytes, n) = match (binary, v) {
        (false, Value::Str(s)) => {
            let b = encode(vm, &d.st.borrow(), s.as_str())?;
            (b, s.char_len())
        }
        (false, other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
        }
        (true, Value::Bytes(b)) => (b.b.to_vec(), b.b.len()),
        (true, other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
        }
    };
    let mut st = d.st.borrow_mut();
    st.wbuf.extend_from_slice(&bytes);
    if st.wbuf.len() >= FLUSH_AT {
        if let Err(e) = st.flush() {
            drop(st);
            let name = d.name.as_str().unwrap_or("").to_string();
            return Err(os_error(vm, &e, &name));
        }
    }
    Ok(n)
}

fn f_write(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "write")?;
    super::check_arity(vm, "write", &args[1..], 1, 1)?;
    let n = write_value(vm, d, args[1])?;
    Ok(Value::Int(n as i64))
}

fn f_writelines(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "writelines")?;
    super::check_arity(vm, "writelines", &args[1..], 1, 1)?;
    let items = vm.collect_iterable(args[1])?;
    for it in items {
        write_value(vm, d, it)?;
    }
    Ok(Value::None)
}

fn f_flush(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "flush")?;
    let r = {
        let mut st = d.st.borrow_mut();
        if st.file.is_none() {
            drop(st);
            return Err(closed_error(vm));
        }
        st.flush()
    };
    if let Err(e) = r {
        let name = d.name.as_str().unwrap_or("").to_string();
        return Err(os_error(vm, &e, &name));
    }
    Ok(Value::None)
}

fn close(vm: &mut Vm, d: &FileData) -> PyResult<()> {
    let r = {
        let mut st = d.st.borrow_mut();
        let r = st.flush();
        st.file = None;
        st.content = None;
        r
    };
    if let Err(e) = r {
        let name = d.name.as_str().unwrap_or("").to_string();
        return Err(os_error(vm, &e, &name));
    }
    Ok(())
}

fn f_close(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "close")?;
    close(vm, d)?;
    Ok(Value::None)
}

fn f_readable(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "readable")?;
    let st = d.st.borrow();
    if st.file.is_none() {
        drop(st);
        return Err(closed_error(vm));
    }
    Ok(Value::Bool(st.readable))
}

fn f_writable(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "writable")?;
    let st = d.st.borrow();
    if st.file.is_none() {
        drop(st);
        return Err(closed_error(vm));
    }
    Ok(Value::Bool(st.writable))
}

fn f_seek(vm: &mut Vm, _args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Err(vm.fatal_unsupported_here("seek() and tell() on files"))
}

fn f_enter(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__enter__")?;
    if d.st.borrow().file.is_none() {
        return Err(closed_error(vm));
    }
    Ok(args[0])
}

fn f_exit(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__exit__")?;
    close(vm, d)?;
    Ok(Value::None)
}

fn f_repr(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "__repr__")?;
    let Value::Instance(i) = args[0] else {
        unreachable!("this() checked")
    };
    let cls = i.class.name.as_str().to_string();
    let name = vm.repr(d.name)?;
    let s = if cls == "TextIOWrapper" {
        let mode = vm.repr(d.mode)?;
        let enc = vm.repr(d.encoding_name)?;
        format!("<_io.TextIOWrapper name={name} mode={mode} encoding={enc}>")
    } else {
        format!("<_io.{cls} name={name}>")
    };
    Ok(vm.new_str(s))
}

fn f_closed(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let d = this(vm, args, "closed")?;
    Ok(Value::Bool(d.st.borrow().file.is_none()))
}

fn f_name(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(this(vm, args, "name")?.name)
}

fn f_mode(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(this(vm, args, "mode")?.mode)
}

fn f_encoding(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    Ok(this(vm, args, "encoding")?.encoding_name)
}
