//! Imports of Python source modules, as CPython 3.11 does them.
//!
//! `ImportName` resolves a (possibly dotted, possibly relative) module name and
//! imports every prefix in turn (`a`, `a.b`, `a.b.c`); the instruction's value is
//! the last one (the compiler binds the top-level package itself for a plain
//! `import a.b.c`). Relative imports reach the runtime as the name with leading
//! dots, one per level (`from ..x import y` imports `..x`), as in CPython, and are
//! resolved against the importing module's `__package__`.
//!
//! Where a top-level name is found:
//!
//! 1. modules CPython compiles into the interpreter (`sys`, `time`, ...:
//!    `sys.builtin_module_names`) win over everything, as in CPython;
//! 2. then sys.path[0], the main program's directory: a package `NAME/__init__.py`,
//!    then a module `NAME.py`, then a namespace package (a directory without
//!    `__init__.py`);
//! 3. then jitprof's other built-in modules (`math`, `random`, ...: pure-Python or
//!    extension modules in CPython, so a local file shadows them there too);
//! 4. then, for a name of CPython 3.11's standard library that jitprof does not
//!    implement, the run stops (see "Fatal errors" below);
//! 5. otherwise `ModuleNotFoundError: No module named 'NAME'`.
//!
//! A submodule is looked up in its parent package's `__path__[0]` only.
//!
//! A source module gets its own `ModuleObj` with `__name__`, `__file__`,
//! `__package__` (and `__path__` for a package), is registered in `vm.modules`
//! before its code runs (a circular import sees the partial module) and removed
//! again if its code raises; a submodule becomes an attribute of its parent
//! once loaded. Paths are built from the main program's path as given on the
//! command line (`testdata/x/prog.py` imports `testdata/x/m.py`), the way
//! jitprof reports the main program's own path: CPython shows both made
//! absolute, and the golden corpus strips the repository root from CPython's
//! output, so tracebacks through imported files match.
//!
//! Fatal errors. An unsupported standard-library module, and a syntax error
//! (or an unsupported construct) in an imported file, are jitprof's
//! limitations, not exceptions of the program: they must not be caught by
//! `try/except` (`try: import json` / `except ImportError: json = None` would
//! silently run a different program) nor run `finally` blocks. The importer
//! records the rendered message (`FILE:LINE:COL: unsupported: module 'json'`)
//! in `vm.imports.fatal` and raises a plain BaseException to unwind; while
//! `fatal` is set the unwinder (`Vm::unwind` in exec.rs) skips every handler,
//! so the exception leaves every frame, and `Vm::run_file` turns it into
//! `RunOutcome::CompileError` (message on stderr, exit status 2), like the
//! compile-time `unsupported:` errors of the main program. Native code that
//! catches exceptions only catches specific classes, never BaseException.

use std::collections::HashSet;
use std::rc::Rc;

use crate::bytecode::code::SourceFile;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

/// Per-VM import state.
#[derive(Default)]
pub struct ImportState {
    /// Full names of the source modules whose code is running (for the
    /// "partially initialized module" wording of ImportError).
    pub initializing: HashSet<String>,
    /// Set when the run must stop with this message (exit status 2); the
    /// unwinder honours it by skipping all handlers. See the module docs.
    pub fatal: Option<String>,
}

/// CPython 3.11's `sys.builtin_module_names` (modules compiled into the
/// interpreter: found before sys.path[0]).
#[rustfmt::skip]
const BUILTIN_FIRST: &[&str] = &[
    "_abc", "_ast", "_codecs", "_collections", "_functools", "_imp", "_io", "_locale",
    "_operator", "_signal", "_sre", "_stat", "_string", "_symtable", "_thread", "_tokenize",
    "_tracemalloc", "_warnings", "_weakref", "atexit", "builtins", "errno", "faulthandler", "gc",
    "itertools", "marshal", "posix", "pwd", "sys", "time", "xxsubtype",
];

/// CPython 3.11's `sys.stdlib_module_names`.
#[rustfmt::skip]
pub const STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__", "_abc", "_aix_support", "_ast", "_asyncio", "_bisect", "_blake2",
    "_bootsubprocess", "_bz2", "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022",
    "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections", "_collections_abc",
    "_compat_pickle", "_compression", "_contextvars", "_crypt", "_csv", "_ctypes", "_curses",
    "_curses_panel", "_datetime", "_dbm", "_decimal", "_elementtree", "_frozen_importlib",
    "_frozen_importlib_external", "_functools", "_gdbm", "_hashlib", "_heapq", "_imp", "_io",
    "_json", "_locale", "_lsprof", "_lzma", "_markupbase", "_md5", "_msi", "_multibytecodec",
    "_multiprocessing", "_opcode", "_operator", "_osx_support", "_overlapped", "_pickle",
    "_posixshmem", "_posixsubprocess", "_py_abc", "_pydecimal", "_pyio", "_queue", "_random",
    "_scproxy", "_sha1", "_sha256", "_sha3", "_sha512", "_signal", "_sitebuiltins", "_socket",
    "_sqlite3", "_sre", "_ssl", "_stat", "_statistics", "_string", "_strptime", "_struct",
    "_symtable", "_thread", "_threading_local", "_tkinter", "_tokenize", "_tracemalloc",
    "_typing", "_uuid", "_warnings", "_weakref", "_weakrefset", "_winapi", "_zoneinfo", "abc",
    "aifc", "antigravity", "argparse", "array", "ast", "asynchat", "asyncio", "asyncore",
    "atexit", "audioop", "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile",
    "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop",
    "collections", "colorsys", "compileall", "concurrent", "configparser", "contextlib",
    "contextvars", "copy", "copyreg", "crypt", "csv", "ctypes", "curses", "dataclasses",
    "datetime", "dbm", "decimal", "difflib", "dis", "distutils", "doctest", "email",
    "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp",
    "fileinput", "fnmatch", "fractions", "ftplib", "functools", "gc", "genericpath", "getopt",
    "getpass", "gettext", "glob", "graphlib", "grp", "gzip", "hashlib", "heapq", "hmac",
    "html", "http", "idlelib", "imaplib", "imghdr", "imp", "importlib", "inspect", "io",
    "ipaddress", "itertools", "json", "keyword", "lib2to3", "linecache", "locale", "logging",
    "lzma", "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap", "modulefinder",
    "msilib", "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath",
    "nturl2path", "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev", "pathlib",
    "pdb", "pickle", "pickletools", "pipes", "pkgutil", "platform", "plistlib", "poplib",
    "posix", "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr",
    "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline",
    "reprlib", "resource", "rlcompleter", "runpy", "sched", "secrets", "select", "selectors",
    "shelve", "shlex", "shutil", "signal", "site", "smtpd", "smtplib", "sndhdr", "socket",
    "socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl",
    "stat", "statistics", "string", "stringprep", "struct", "subprocess", "sunau", "symtable",
    "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios",
    "textwrap", "this", "threading", "time", "timeit", "tkinter", "token", "tokenize",
    "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types",
    "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv", "warnings", "wave",
    "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc",
    "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo",
];

/// Where a module's source was found.
struct Found {
    /// The file to run (`__init__.py` for a package); None for a namespace package.
    file: Option<String>,
    /// The package directory (`__path__[0]`), for packages.
    pkg_dir: Option<String>,
}

impl Found {
    fn is_namespace(&self) -> bool {
        self.file.is_none()
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

/// Look for `part` in directory `dir`: a package, a module file, or a
/// directory without `__init__.py` (a namespace package, lowest priority).
fn find_source(dir: &str, part: &str) -> Option<Found> {
    let pkg = join(dir, part);
    let is_dir = std::path::Path::new(&pkg).is_dir();
    if is_dir {
        let init = join(&pkg, "__init__.py");
        if std::path::Path::new(&init).is_file() {
            return Some(Found {
                file: Some(init),
                pkg_dir: Some(pkg),
            });
        }
    }
    let file = join(dir, &format!("{part}.py"));
    if std::path::Path::new(&file).is_file() {
        return Some(Found {
            file: Some(file),
            pkg_dir: None,
        });
    }
    if is_dir {
        return Some(Found {
            file: None,
            pkg_dir: Some(pkg),
        });
    }
    None
}

/// A package's directory: the first entry of its `__path__`.
fn package_dir(m: Gc<ModuleObj>) -> Option<String> {
    match m.get("__path__")? {
        Value::List(l) => match l.items.borrow().first() {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// The package relative imports in module `m` are resolved against: its
/// `__package__`, else (no `__package__`) its name for a package and its
/// parent's name otherwise (`""` for the main program: no known parent).
fn package_of(m: Gc<ModuleObj>) -> String {
    match m.get("__package__") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => {
            let name = m.name.as_str();
            if m.get("__path__").is_some() {
                name.to_string()
            } else {
                name.rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            }
        }
    }
}

impl Vm {
    /// `ImportName`: import the module `name` (leading dots: a relative import
    /// of that many levels) and every package above it; the value is the module
    /// `name` itself.
    pub fn import_name(&mut self, name: Gc<StrObj>) -> PyResult<Value> {
        let raw = name.as_str();
        if let Some(m) = self.modules.get(raw) {
            return Ok(Value::Module(*m));
        }
        let level = raw.len() - raw.trim_start_matches('.').len();
        let full = if level > 0 {
            self.resolve_relative(&raw[level..], level)?
        } else {
            raw.to_string()
        };
        let m = self.import_dotted(&full)?;
        Ok(Value::Module(m))
    }

    /// CPython's `importlib._bootstrap._resolve_name`.
    fn resolve_relative(&mut self, rest: &str, level: usize) -> PyResult<String> {
        let package = match self.frames.last() {
            Some(f) => package_of(f.func.module),
            None => String::new(),
        };
        if package.is_empty() {
            return Err(self.new_exception_msg(
                "ImportError",
                "attempted relative import with no known parent package",
            ));
        }
        let bits: Vec<&str> = package.rsplitn(level, '.').collect();
        if bits.len() < level {
            return Err(self.new_exception_msg(
                "ImportError",
                "attempted relative import beyond top-level package",
            ));
        }
        let base = bits[bits.len() - 1];
        Ok(if rest.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{rest}")
        })
    }

    /// Import `full` (absolute, dotted) and its parents, in order.
    fn import_dotted(&mut self, full: &str) -> PyResult<Gc<ModuleObj>> {
        if let Some(m) = self.modules.get(full) {
            return Ok(*m);
        }
        let mut parent: Option<Gc<ModuleObj>> = None;
        let mut prefix = String::new();
        for part in full.split('.') {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            let m = match self.modules.get(&prefix) {
                Some(m) => *m,
                None => self.load_one(&prefix, part, parent)?,
            };
            parent = Some(m);
        }
        match parent {
            Some(m) => Ok(m),
            None => Err(self.new_exception_msg("ValueError", "Empty module name")),
        }
    }

    /// Find and load the module `full`, whose last component is `part`.
    fn load_one(
        &mut self,
        full: &str,
        part: &str,
        parent: Option<Gc<ModuleObj>>,
    ) -> PyResult<Gc<ModuleObj>> {
        let Some(parent) = parent else {
            return self.load_top(full);
        };
        // A submodule jitprof writes in Python of a built-in module
        // (`collections.abc`).
        if parent.file.is_empty() {
            if let Some(text) = crate::builtins::pysrc::source(full) {
                let m = self.load_embedded(full, text)?;
                parent.set(part, Value::Module(m));
                return Ok(m);
            }
        }
        // A module jitprof writes in Python that keeps another as an
        // attribute, as CPython's `os` puts `posixpath` in `sys.modules`
        // as `os.path`: `import os.path` finds it. Or a submodule of such a
        // package (`json.decoder`).
        if crate::builtins::pysrc::is_embedded(&parent.file) {
            if let Some(Value::Module(m)) = parent.get(part) {
                self.register_module(full.to_string(), m);
                return Ok(m);
            }
            if let Some(text) = crate::builtins::pysrc::source(full) {
                let m = self.load_embedded(full, text)?;
                parent.set(part, Value::Module(m));
                return Ok(m);
            }
        }
        let Some(dir) = package_dir(parent) else {
            let msg = format!(
                "No module named '{full}'; '{}' is not a package",
                parent.name.as_str()
            );
            return Err(self.new_exception_msg("ModuleNotFoundError", &msg));
        };
        match find_source(&dir, part) {
            Some(found) => {
                let m = self.load_source(full, found)?;
                parent.set(part, Value::Module(m));
                Ok(m)
            }
            None => {
                Err(self
                    .new_exception_msg("ModuleNotFoundError", &format!("No module named '{full}'")))
            }
        }
    }

    /// A top-level module, in the order described in the module docs.
    fn load_top(&mut self, name: &str) -> PyResult<Gc<ModuleObj>> {
        if name == "__main__" {
            if let Some(m) = self.main_module {
                return Ok(m);
            }
        }
        if BUILTIN_FIRST.contains(&name) {
            if let Some(m) = crate::builtins::modules::builtin_module(self, name) {
                self.register_module(name.to_string(), m);
                return Ok(m);
            }
        }
        let dir = self.path0();
        let found = find_source(&dir, name);
        if let Some(f) = found {
            if !f.is_namespace() {
                return self.load_source(name, f);
            }
            if let Some(m) = crate::builtins::modules::builtin_module(self, name) {
                self.register_module(name.to_string(), m);
                return Ok(m);
            }
            if STDLIB_MODULE_NAMES.contains(&name) {
                return Err(self.fatal_unsupported(name));
            }
            return self.load_source(name, f);
        }
        if let Some(m) = crate::builtins::modules::builtin_module(self, name) {
            self.register_module(name.to_string(), m);
            return Ok(m);
        }
        if let Some(text) = crate::builtins::pysrc::source(name) {
            return self.load_embedded(name, text);
        }
        if STDLIB_MODULE_NAMES.contains(&name) {
            return Err(self.fatal_unsupported(name));
        }
        Err(self.new_exception_msg("ModuleNotFoundError", &format!("No module named '{name}'")))
    }

    /// sys.path[0]: the main program's directory, as given on the command line.
    fn path0(&self) -> String {
        let main = self
            .main_module
            .map(|m| m.file.to_string())
            .unwrap_or_default();
        std::path::Path::new(&main)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Create, register and run the source module `full`.
    fn load_source(&mut self, full: &str, found: Found) -> PyResult<Gc<ModuleObj>> {
        let file = found.file.clone().unwrap_or_default();
        let module = self.new_module(full, &file);
        let package = match &found.pkg_dir {
            Some(_) => full.to_string(),
            None => full
                .rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default(),
        };
        if let Some(f) = &found.file {
            let v = self.new_str(f.as_str());
            module.set("__file__", v);
        }
        let p = self.new_str(package);
        module.set("__package__", p);
        if let Some(d) = &found.pkg_dir {
            let s = self.new_str(d.as_str());
            let l = self.new_list(vec![s]);
            module.set("__path__", l);
        }
        let Some(path) = found.file else {
            // A namespace package: nothing to run.
            self.register_module(full.to_string(), module);
            return Ok(module);
        };
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                return Err(
                    self.new_exception_msg("ImportError", &format!("cannot read '{path}': {e}"))
                )
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let b = e.as_bytes();
                let before = &b[..at];
                let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
                let line_start = before
                    .iter()
                    .rposition(|&c| c == b'\n')
                    .map(|i| i + 1)
                    .unwrap_or(0);
                let col = String::from_utf8_lossy(&before[line_start..])
                    .chars()
                    .count()
                    + 1;
                let msg = format!(
                    "{path}:{line}:{col}: SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0x{:02x}: the file is not valid UTF-8",
                    b[at]
                );
                return Err(self.fatal_error(msg));
            }
        };
        self.exec_source(full, module, &path, text)
    }

    /// Load a module jitprof implements in Python (`builtins::pysrc`).
    fn load_embedded(&mut self, name: &str, text: &str) -> PyResult<Gc<ModuleObj>> {
        let path = crate::builtins::pysrc::path(name);
        let module = self.new_module(name, &path);
        let v = self.new_str(path.as_str());
        module.set("__file__", v);
        let package = name.rsplit_once('.').map_or("", |(p, _)| p);
        let p = self.new_str(package);
        module.set("__package__", p);
        self.exec_source(name, module, &path, text.to_string())
    }

    /// Compile `text` (the source of `full`, from `path`), register the
    /// module and run its code.
    fn exec_source(
        &mut self,
        full: &str,
        module: Gc<ModuleObj>,
        path: &str,
        text: String,
    ) -> PyResult<Gc<ModuleObj>> {
        let src = Rc::new(SourceFile::new(path, text));
        self.sources.push(src.clone());
        let ast = match crate::front::parse(&src) {
            Ok(m) => m,
            Err(e) => {
                let msg = e.render(&src);
                return Err(self.fatal_error(msg));
            }
        };
        let code =
            match crate::front::compiler::compile_module(self, src.clone(), module, &ast.body) {
                Ok(c) => c,
                Err(e) => {
                    let msg = e.render(&src);
                    return Err(self.fatal_error(msg));
                }
            };
        let doc = match ast.body.first() {
            Some(ruff_python_ast::Stmt::Expr(e)) => match &*e.value {
                ruff_python_ast::Expr::StringLiteral(d) => self.new_str(d.value.to_str()),
                _ => Value::None,
            },
            _ => Value::None,
        };
        drop(ast);
        module.set("__doc__", doc);
        if self.options.dump_bytecode {
            let text = crate::bytecode::disasm::disassemble(&code);
            self.stderr.write_str(&text);
        }
        self.register_module(full.to_string(), module);
        self.imports.initializing.insert(full.to_string());
        let r = self.run_module_code(code, module);
        self.imports.initializing.remove(full);
        match r {
            Ok(_) => Ok(module),
            Err(e) => {
                // As CPython: a module whose code raised is not left in sys.modules.
                self.unregister_module(full);
                Err(e)
            }
        }
    }

    /// Stop the run with `msg` (exit status 2): see "Fatal errors" in the
    /// module docs. The returned exception only carries the unwinding.
    pub fn fatal_error(&mut self, msg: String) -> PyExc {
        let e = self.new_exception_msg("BaseException", &msg);
        self.imports.fatal = Some(msg);
        e
    }

    /// `FILE:LINE:COL: unsupported: module 'NAME'`, at the running import.
    fn fatal_unsupported(&mut self, name: &str) -> PyExc {
        self.fatal_unsupported_here(&format!("module '{name}'"))
    }

    /// `FILE:LINE:COL: unsupported: WHAT`, at the running instruction: a
    /// feature of Python that jitprof lacks, reported as jitprof's
    /// limitation (exit status 2), never as an exception the program could
    /// catch and go on with. Reached inside a module jitprof writes in
    /// Python (`re` finding a bytes pattern), it names the program's line
    /// that called into it.
    pub fn fatal_unsupported_here(&mut self, what: &str) -> PyExc {
        let program_frame = self
            .frames
            .iter()
            .rev()
            .find(|f| !crate::builtins::pysrc::is_embedded(&f.code().source.path));
        let (path, line, col) = match program_frame.or(self.frames.last()) {
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
        self.fatal_error(format!("{path}:{line}:{col}: unsupported: {what}"))
    }

    /// `ImportFrom`: `module.name`, else the submodule `module.name` of a
    /// package (CPython's `_handle_fromlist` and IMPORT_FROM's fallback to
    /// sys.modules), else ImportError.
    pub fn import_from_module(&mut self, module: Value, name: Gc<StrObj>) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(module, name)? {
            return Ok(v);
        }
        let Value::Module(m) = module else {
            let msg = format!("cannot import name '{}' (unknown location)", name.as_str());
            return Err(self.new_exception_msg("ImportError", &msg));
        };
        if let Some(v) = self.submodule_of(m, name)? {
            return Ok(v);
        }
        let mn = m.name.as_str();
        let n = name.as_str();
        let loc = if m.file.is_empty() {
            "unknown location".to_string()
        } else {
            m.file.to_string()
        };
        let msg = if self.imports.initializing.contains(mn) {
            format!(
                "cannot import name '{n}' from partially initialized module '{mn}' \
                 (most likely due to a circular import) ({loc})"
            )
        } else {
            format!("cannot import name '{n}' from '{mn}' ({loc})")
        };
        Err(self.new_exception_msg("ImportError", &msg))
    }

    /// The submodule `name` of package `m`, imported if it exists; None when
    /// there is no such submodule.
    fn submodule_of(&mut self, m: Gc<ModuleObj>, name: Gc<StrObj>) -> PyResult<Option<Value>> {
        let sub = format!("{}.{}", m.name.as_str(), name.as_str());
        if let Some(s) = self.modules.get(&sub) {
            return Ok(Some(Value::Module(*s)));
        }
        if let Some(dir) = package_dir(m) {
            if find_source(&dir, name.as_str()).is_some() {
                return Ok(Some(Value::Module(self.import_dotted(&sub)?)));
            }
        }
        Ok(None)
    }

    /// `ImportStar`: bind, in the running module, the names of `from` listed in
    /// its `__all__`, else all its names not starting with `_`.
    pub fn import_star(&mut self, from: Value) -> PyResult<()> {
        let Some(target) = self.frames.last().map(|f| f.func.module) else {
            return Ok(());
        };
        let Value::Module(m) = from else {
            return Ok(());
        };
        let names: Vec<Gc<StrObj>> = match m.get("__all__") {
            Some(all) => {
                let items = self.collect_iterable(all)?;
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    match it {
                        // Interned (pinned): importing a submodule below may collect.
                        Value::Str(s) => out.push(self.intern(s.as_str())),
                        other => {
                            let tn = self.type_name(other);
                            let msg = format!(
                                "Item in {}.__all__ must be str, not {tn}",
                                m.name.as_str()
                            );
                            return Err(self.type_error(&msg));
                        }
                    }
                }
                out
            }
            None => {
                let mut public: Vec<(usize, String)> = m
                    .slots
                    .borrow()
                    .iter()
                    .filter(|(k, _)| !k.starts_with('_'))
                    .map(|(k, &i)| (i, k.to_string()))
                    .collect();
                public.sort();
                let globals = m.globals.borrow().clone();
                public
                    .into_iter()
                    .filter(|(i, _)| !matches!(globals.get(*i), None | Some(Value::Undefined)))
                    .map(|(_, k)| self.intern(&k))
                    .collect()
            }
        };
        for n in names {
            let v = match self.getattr_opt(from, n)? {
                Some(v) => v,
                None => match self.submodule_of(m, n)? {
                    Some(v) => v,
                    None => return Err(self.attribute_error(from, n)),
                },
            };
            target.set(n.as_str(), v);
        }
        Ok(())
    }
}
