//! The virtual machine: its state (register stack, frames, heap, types,
//! modules), value constructors, and the entry point that runs a program.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::bytecode::code::{Code, SourceFile};
use crate::interp::frame::Frame;
use crate::runtime::dict_table::DictTable;
use crate::runtime::heap::{Gc, Heap, Tracer};
use crate::runtime::object::*;
use crate::runtime::set_table::SetTable;
use crate::runtime::value::Value;

pub use crate::jit::{JitMode, JitOptions};

#[derive(Clone, Debug)]
pub struct VmOptions {
    pub jit: JitOptions,
    /// `sys.argv`: the script path followed by its arguments.
    pub argv: Vec<String>,
    /// Print the bytecode of every compiled code object to stderr before running.
    pub dump_bytecode: bool,
}

/// Registers in the VM's stack (16 bytes each, reserved up front and committed by
/// the OS only as frames touch them). Never reallocated: compiled code's
/// inline push compares with it as a constant (`jit/gen_calls.rs`).
pub(crate) const STACK_SLOTS: usize = 1 << 23;
/// Native re-entries (builtins calling back into Python) allowed before a
/// RecursionError, independent of the Python recursion limit, to protect the
/// native stack.
pub const MAX_NATIVE_DEPTH: usize = 20_000;

/// Where the VM's printed output goes. Buffered; flushed at exit and when a
/// terminal wants lines.
pub struct Output {
    buf: Vec<u8>,
    line_buffered: bool,
    to_stderr: bool,
}

impl Output {
    fn new(to_stderr: bool, line_buffered: bool) -> Output {
        Output {
            buf: Vec::with_capacity(1 << 16),
            line_buffered,
            to_stderr,
        }
    }
    pub fn write_str(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
        if self.buf.len() >= 1 << 16 || self.to_stderr || (self.line_buffered && s.contains('\n')) {
            self.flush();
        }
    }
    pub fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let r = if self.to_stderr {
            std::io::stderr().write_all(&self.buf)
        } else {
            let mut o = std::io::stdout().lock();
            o.write_all(&self.buf).and_then(|_| o.flush())
        };
        // A closed pipe (`jitprof run x.py | head`) is not an error worth a panic.
        let _ = r;
        self.buf.clear();
    }
}

pub struct Vm {
    pub heap: Heap,
    pub stack: Box<[Value]>,
    pub frames: Vec<Frame>,
    pub types: Types,
    pub exc_types: HashMap<&'static str, Gc<TypeObj>>,
    /// One type per kind of built-in iterator (`list_iterator`, `zip`, ...).
    pub iter_types: HashMap<&'static str, Gc<TypeObj>>,
    pub builtins: HashMap<Rc<str>, Value>,
    pub modules: HashMap<String, Gc<ModuleObj>>,
    pub main_module: Option<Gc<ModuleObj>>,
    interned: rustc_hash::FxHashMap<Box<str>, Gc<StrObj>>,
    /// Interned names by the address of their `'static` literal (see `intern_static`).
    static_names: rustc_hash::FxHashMap<(usize, usize), Gc<StrObj>>,
    /// The one-character ASCII strings, shared (indexing and iterating strs).
    pub ascii_chars: Vec<Value>,
    /// Values Rust code holds across calls that may run Python code.
    pub temp_roots: Vec<Value>,
    /// The first special method of operators on instances, per classes.
    pub binop_cache: crate::interp::dunder_cache::BinopCache,
    /// Exceptions being handled (`except` blocks running), innermost last.
    pub handled: Vec<Value>,
    pub recursion_limit: usize,
    pub native_depth: usize,
    pub options: VmOptions,
    pub stdout: Output,
    pub stderr: Output,
    pub empty_tuple: Value,
    pub sources: Vec<Rc<SourceFile>>,
    pub interrupted: &'static std::sync::atomic::AtomicBool,
    pub id_counter: RefCell<u64>,
    /// The exception being propagated is a re-raise: add no traceback entry.
    pub reraising: bool,
    /// The exception being propagated was raised by a `CallMethod`'s
    /// attribute lookup (not by the call): its traceback entry shows the
    /// attribute's location (`Code::fault_loc`).
    pub method_lookup_failed: bool,
    /// A finished generator's return value (for `yield from` and StopIteration).
    pub last_return: Value,
    /// An exception `generator.throw()` raises when the generator resumes.
    pub pending_throw: Option<PyExc>,
    /// What a generator suspended in `yield from` was resumed with, for its
    /// `YieldFrom` to pass on to the sub-iterator (`send(v)` with v not None,
    /// `throw(e)`, `close()`).
    pub yield_from_input: Option<YieldFromInput>,
    /// An exception the sink of a drained generator raised (an unhashable
    /// item for `set(gen)`): the builtin raises it once the generator is
    /// suspended, as CPython's would (see `Vm::collect_generator`).
    pub collect_error: Option<PyExc>,
    /// Register vectors of finished generators, empty, kept for the next
    /// generators made (a generator expression per call of its function
    /// otherwise allocates and frees one each time).
    pub gen_regs_pool: Vec<Vec<Value>>,
    /// Pinned scratch lists `collect_iterable` accumulates into, idle and
    /// empty; `collect_lists_made` of them exist (at most COLLECT_LISTS).
    pub collect_list_pool: Vec<Gc<ListObj>>,
    pub collect_lists_made: usize,
    /// Parsed `%` formats of constant (pinned) format strings, by address:
    /// `"%s=%d" % (k, v)` in a loop parses its format once.
    pub pct_cache: rustc_hash::FxHashMap<usize, Rc<Vec<crate::format::PctPiece>>>,
    /// The JIT: options, compiled code, exit counters (see `jit/mod.rs`).
    pub jit: crate::jit::JitRuntime,
    /// Hotness at which code compiles (`u32::MAX` with the JIT off).
    pub jit_threshold: u32,
    /// See `lookup_type_attr`.
    pub method_cache: Box<[crate::interp::protocol::MethodCacheEntry]>,
    /// Source-module imports: modules being initialised, and the fatal
    /// (uncatchable) error that stops the run; see interp/import.rs.
    pub imports: crate::interp::import::ImportState,
    /// The recorder, when `jitprof run` records a profile.
    pub rec: Option<Box<crate::recorder::Recorder>>,
    /// A recorder was started (see `start_recording`).
    pub recorded: bool,
    /// While recording: the recorder's entry (`CodeProf::pcs`) of the
    /// instruction the interpreter runs now, written before each
    /// instruction, null after a frame push or pop until the next one (see
    /// `AllocRecorder::at`). One pointer, so the per-instruction hook is one
    /// store of what it has in a register anyway.
    pub rec_at: *const crate::recorder::PcProf,
    /// How the program ended, when not by running off its end: set with the
    /// exception's last traceback line when it is reported.
    pub run_end: Option<(profile::RunEnd, Option<String>)>,
}

/// See `Vm::yield_from_input`.
pub enum YieldFromInput {
    Send(Value),
    Throw(PyExc),
}

/// The type objects of the built-in types.
pub struct Types {
    pub object: Gc<TypeObj>,
    pub type_: Gc<TypeObj>,
    pub none: Gc<TypeObj>,
    pub bool_: Gc<TypeObj>,
    pub int: Gc<TypeObj>,
    pub float: Gc<TypeObj>,
    pub str_: Gc<TypeObj>,
    pub bytes: Gc<TypeObj>,
    pub list: Gc<TypeObj>,
    pub tuple: Gc<TypeObj>,
    pub dict: Gc<TypeObj>,
    pub set: Gc<TypeObj>,
    pub frozenset: Gc<TypeObj>,
    pub range: Gc<TypeObj>,
    pub slice: Gc<TypeObj>,
    pub function: Gc<TypeObj>,
    pub builtin_function: Gc<TypeObj>,
    pub method: Gc<TypeObj>,
    pub cell: Gc<TypeObj>,
    pub module: Gc<TypeObj>,
    pub iterator: Gc<TypeObj>,
    pub generator: Gc<TypeObj>,
    pub dict_keys: Gc<TypeObj>,
    pub dict_values: Gc<TypeObj>,
    pub dict_items: Gc<TypeObj>,
    pub ellipsis: Gc<TypeObj>,
    pub not_implemented: Gc<TypeObj>,
    pub base_exception: Gc<TypeObj>,
}

/// The built-in exception hierarchy: (name, base), bases before subclasses.
pub const EXCEPTION_HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

/// Flags the signal handlers set and compiled code's loop back-edges poll:
/// Ctrl-C (`install_interrupt_handler`) and, when recording, a pending
/// sample (`recorder::sampler`). Side by side, so one 16-bit compare polls
/// both and recording adds no poll to a loop.
#[repr(C, align(2))]
pub struct Polled {
    pub interrupted: std::sync::atomic::AtomicBool,
    pub sample: std::sync::atomic::AtomicBool,
}

pub static POLLED: Polled = Polled {
    interrupted: std::sync::atomic::AtomicBool::new(false),
    sample: std::sync::atomic::AtomicBool::new(false),
};

static INTERRUPTED: &std::sync::atomic::AtomicBool = &POLLED.interrupted;

/// The `Heap::call_limit` the SIGINT handler lowers: the VM that installed
/// it (null: none).
static CALL_LIMIT: std::sync::atomic::AtomicPtr<std::sync::atomic::AtomicUsize> =
    std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

/// The outcome of running a program, for the CLI to turn into an exit code.
pub enum RunOutcome {
    /// Normal end, or `sys.exit` with this code.
    Exit(i32),
    /// A compile error, already rendered (`file:line:col: SyntaxError: ...`).
    CompileError(String),
    /// An uncaught exception; its traceback has been printed.
    Uncaught(i32),
}

impl Vm {
    pub fn new(options: VmOptions) -> Vm {
        let mut heap = Heap::new();
        let types = Types::create(&mut heap);
        let empty_tuple = Value::Tuple(heap.alloc_pinned(TupleObj::new(Vec::new())));
        let stdout_tty = is_tty(1);
        let jit_options = options.jit;
        let mut vm = Vm {
            heap,
            stack: alloc_stack(STACK_SLOTS),
            frames: Vec::with_capacity(256),
            types,
            exc_types: HashMap::new(),
            iter_types: HashMap::new(),
            builtins: HashMap::new(),
            modules: HashMap::new(),
            main_module: None,
            interned: rustc_hash::FxHashMap::default(),
            static_names: rustc_hash::FxHashMap::default(),
            ascii_chars: Vec::new(),
            temp_roots: Vec::new(),
            binop_cache: Default::default(),
            handled: Vec::new(),
            recursion_limit: 1000,
            native_depth: 0,
            options,
            stdout: Output::new(false, stdout_tty),
            stderr: Output::new(true, true),
            empty_tuple,
            sources: Vec::new(),
            interrupted: INTERRUPTED,
            id_counter: RefCell::new(0),
            reraising: false,
            method_lookup_failed: false,
            last_return: Value::None,
            collect_error: None,
            gen_regs_pool: Vec::new(),
            collect_list_pool: Vec::new(),
            collect_lists_made: 0,
            pending_throw: None,
            yield_from_input: None,
            pct_cache: rustc_hash::FxHashMap::default(),
            jit: crate::jit::JitRuntime::new(jit_options),
            jit_threshold: u32::MAX,
            method_cache: (0..crate::interp::protocol::METHOD_CACHE_SIZE)
                .map(|_| Default::default())
                .collect(),
            imports: Default::default(),
            rec: None,
            recorded: false,
            rec_at: std::ptr::null(),
            run_end: None,
        };
        vm.jit_threshold = vm.jit.threshold();
        vm.set_recursion_limit(vm.recursion_limit);
        vm.init_types();
        vm.init_exceptions();
        for name in crate::interp::protocol::ITER_TYPE_NAMES {
            let t = vm.new_builtin_type(name, TypeKind::Iterator, None);
            vm.iter_types.insert(name, t);
        }
        vm.ascii_chars = (0u8..128)
            .map(|b| Value::Str(vm.intern(&(b as char).to_string())))
            .collect();
        crate::builtins::install(&mut vm);
        vm
    }

    fn init_exceptions(&mut self) {
        for (name, base) in EXCEPTION_HIERARCHY {
            let t = if *name == "BaseException" {
                self.types.base_exception
            } else {
                let b = self.exc_types[base];
                self.new_builtin_type(name, TypeKind::Exception, Some(b))
            };
            self.exc_types.insert(name, t);
            self.builtins.insert((*name).into(), Value::Type(t));
        }
        // EnvironmentError and IOError are OSError in Python 3.
        let os = self.exc_types["OSError"];
        self.builtins
            .insert("EnvironmentError".into(), Value::Type(os));
        self.builtins.insert("IOError".into(), Value::Type(os));
    }

    fn init_types(&mut self) {
        let t = &self.types;
        let all = [
            t.object,
            t.type_,
            t.none,
            t.bool_,
            t.int,
            t.float,
            t.str_,
            t.bytes,
            t.list,
            t.tuple,
            t.dict,
            t.set,
            t.frozenset,
            t.range,
            t.slice,
            t.function,
            t.builtin_function,
            t.method,
            t.cell,
            t.module,
            t.iterator,
            t.generator,
            t.ellipsis,
            t.not_implemented,
            t.base_exception,
        ];
        for ty in all {
            let n: Rc<str> = ty.name.as_str().into();
            if matches!(
                &*n,
                "int"
                    | "float"
                    | "str"
                    | "bool"
                    | "list"
                    | "tuple"
                    | "dict"
                    | "set"
                    | "frozenset"
                    | "range"
                    | "slice"
                    | "object"
                    | "type"
                    | "bytes"
            ) {
                self.builtins.insert(n, Value::Type(ty));
            }
        }
    }

    /// Create a built-in type object (pinned: types live as long as the VM).
    pub fn new_builtin_type(
        &mut self,
        name: &str,
        kind: TypeKind,
        base: Option<Gc<TypeObj>>,
    ) -> Gc<TypeObj> {
        let name = self.intern(name);
        let base = base.unwrap_or(self.types.object);
        let t = self
            .heap
            .alloc_pinned(TypeObj::new(name, kind, vec![base], None));
        let mut mro = vec![t];
        mro.extend(base.mro.borrow().iter().copied());
        *t.mro.borrow_mut() = mro;
        t
    }

    // ------------------------------------------------------------ strings

    /// The unique str object for `s` (identifiers, attribute and method names).
    /// `intern` for a name known at compile time (`"__eq__"`): found by the
    /// literal's address, without hashing and comparing its text. The
    /// interpreter asks for special-method names on every dispatch.
    #[inline]
    pub fn intern_static(&mut self, s: &'static str) -> Gc<StrObj> {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&g) = self.static_names.get(&key) {
            return g;
        }
        let g = self.intern(s);
        self.static_names.insert(key, g);
        g
    }

    pub fn intern(&mut self, s: &str) -> Gc<StrObj> {
        if let Some(&g) = self.interned.get(s) {
            return g;
        }
        let g = self.heap.alloc_pinned(StrObj::new(s));
        self.interned.insert(s.into(), g);
        g
    }

    /// A str value from a borrowed str (one allocation when it is short).
    pub fn new_str_from(&mut self, s: &str) -> Value {
        if s.len() <= 1 {
            return self.new_str(s);
        }
        Value::Str(self.heap.alloc(StrObj::from_str(s)))
    }

    /// A str made of the concatenated parts: built in place when short (one
    /// allocation), through a String otherwise.
    pub fn new_str_concat(&mut self, parts: &[&str]) -> Value {
        let total: usize = parts.iter().map(|p| p.len()).sum();
        if total <= 30 {
            let mut buf = [0u8; 30];
            let mut at = 0;
            for p in parts {
                buf[at..at + p.len()].copy_from_slice(p.as_bytes());
                at += p.len();
            }
            // SAFETY: the parts are str, so their concatenation is valid UTF-8.
            let s = unsafe { std::str::from_utf8_unchecked(&buf[..at]) };
            return self.new_str_from(s);
        }
        let mut out = String::with_capacity(total);
        for p in parts {
            out.push_str(p);
        }
        self.new_str(out)
    }

    /// An int's decimal text as a str, without an intermediate String.
    pub fn new_str_int(&mut self, i: i64) -> Value {
        let mut buf = [0u8; 20];
        let digits = crate::format::decimal_digits(i.unsigned_abs(), &mut buf);
        if i < 0 {
            self.new_str_concat(&["-", digits])
        } else {
            self.new_str_from(digits)
        }
    }

    pub fn new_str(&mut self, s: impl Into<Box<str>>) -> Value {
        let s: Box<str> = s.into();
        // Single characters and the empty string are shared, as in CPython.
        if s.len() == 1 {
            if let Some(v) = self.ascii_chars.get(s.as_bytes()[0] as usize) {
                return *v;
            }
        }
        if s.len() <= 1 {
            return Value::Str(self.intern(&s));
        }
        Value::Str(self.heap.alloc(StrObj::new(s)))
    }

    pub fn new_bytes(&mut self, b: impl Into<Box<[u8]>>) -> Value {
        Value::Bytes(self.heap.alloc(BytesObj {
            b: b.into(),
            hash: Cell::new(-1),
        }))
    }

    // ------------------------------------------------------------ numbers

    /// An int value: i64 when it fits, a big integer otherwise.
    pub fn int_from_big(&mut self, b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(self.heap.alloc(BigIntObj(b))),
        }
    }

    /// A big-integer constant for the compiler (pinned).
    pub fn bigint_const(&mut self, b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(self.heap.alloc_pinned(BigIntObj(b))),
        }
    }

    /// A NaN that is a new object. Floats are unboxed, so identity (`is`, and
    /// the identity-first checks of `in` and container `==`) compares bits;
    /// `float('nan')` makes a distinct object in CPython, so each one gets its
    /// own payload in the NaN's mantissa.
    pub fn fresh_nan(&mut self, negative: bool) -> Value {
        let mut c = self.id_counter.borrow_mut();
        *c += 1;
        let payload = (*c & ((1 << 50) - 1)) | 1;
        let bits = 0x7ff8_0000_0000_0000u64 | payload | if negative { 1 << 63 } else { 0 };
        Value::Float(f64::from_bits(bits))
    }

    // ------------------------------------------------------------ containers

    /// A frozenset constant for the compiler (pinned), built by adding the
    /// items in order as CPython's constant folding does.
    pub fn frozenset_const(&mut self, items: &[Value]) -> Value {
        let eq = |a: &Value, b: &Value| {
            Ok::<bool, ()>(crate::builtins::dict_ops::simple_eq(a, b) || a.is(b))
        };
        let mut first = SetTable::new();
        for it in items {
            let h = self.hash(*it).unwrap_or(0);
            let _ = first.insert(h, *it, eq);
        }
        // CPython's constant merging (merge_consts_recursive) then rebuilds the
        // frozenset from its own iteration order; that changes where colliding
        // keys land, so do the same.
        let mut t = SetTable::new();
        for (h, k) in first.entries() {
            let _ = t.insert(h, k, eq);
        }
        Value::FrozenSet(self.heap.alloc_pinned(SetObj {
            table: RefCell::new(t),
            hash: Cell::new(None),
        }))
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::List(self.heap.alloc(ListObj {
            items: RefCell::new(items),
        }))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple;
        }
        Value::Tuple(self.heap.alloc(TupleObj::new(items)))
    }

    pub fn new_dict_obj(&mut self, table: DictTable) -> Gc<DictObj> {
        self.heap.alloc(DictObj {
            table: RefCell::new(table),
            module: std::cell::Cell::new(None),
        })
    }

    pub fn new_dict(&mut self) -> Value {
        Value::Dict(self.new_dict_obj(DictTable::new()))
    }

    pub fn new_set_obj(&mut self, table: SetTable) -> Gc<SetObj> {
        self.heap.alloc(SetObj {
            table: RefCell::new(table),
            hash: Cell::new(None),
        })
    }

    pub fn new_iter(&mut self, state: IterState) -> Value {
        Value::Iter(self.heap.alloc(IterObj {
            state: RefCell::new(state),
            loop_owned: Cell::new(false),
        }))
    }

    // ------------------------------------------------------------ modules

    pub fn new_module(&mut self, name: &str, file: &str) -> Gc<ModuleObj> {
        let n = self.intern(name);
        let m = self.heap.alloc_pinned(ModuleObj {
            name: n,
            file: file.into(),
            globals: crate::runtime::object::Globals::new(Vec::new()),
            slots: RefCell::new(HashMap::new()),
            slot_names: RefCell::new(Vec::new()),
            builtin_cache: RefCell::new(Vec::new()),
            namespace: std::cell::Cell::new(None),
        });
        m.set("__name__", Value::Str(n));
        m
    }

    // ------------------------------------------------------------ garbage collection

    /// Called at safepoints (loop back-edges and calls): collect if due, and turn
    /// a pending Ctrl-C into KeyboardInterrupt.
    #[cold]
    pub fn safepoint(&mut self, live_top: usize) -> PyResult<()> {
        if self
            .interrupted
            .swap(false, std::sync::atomic::Ordering::Relaxed)
        {
            self.heap.refresh_call_limit();
            return Err(self.new_exception("KeyboardInterrupt", Vec::new()));
        }
        if self.heap.wants_collection() {
            self.collect(live_top);
        }
        Ok(())
    }

    /// Collect garbage. `live_top` is one past the highest live stack slot the
    /// caller knows of; the scan covers at least every frame's whole window.
    ///
    /// Why every frame and not just the top one: a callee's window can end below
    /// its caller's (a call from a low register of a large frame). Slots in the
    /// caller's window above the callee hold dead temporaries; if they were left
    /// unscanned their objects would be freed while the slots still point at
    /// them, and a later, wider scan would trace freed memory. Every slot below
    /// the highest window was written or cleared since its frame was pushed, so
    /// scanning it is safe (it may only keep garbage alive a little longer).
    pub fn collect(&mut self, live_top: usize) {
        let live_top = self
            .frames
            .iter()
            .map(|f| f.base + f.code().nregs as usize)
            .fold(live_top, usize::max);
        self.rec_collect(|vm| {
            let mut heap = std::mem::take(&mut vm.heap);
            heap.collect(|t| vm.mark_roots(t, live_top));
            vm.heap = heap;
        });
        // A Ctrl-C during the collection lowered the placeholder's limit.
        self.heap.refresh_call_limit();
    }

    /// Push a frame (every push goes through here or `Vec::push` with room):
    /// when the vector grows, its new spare slots get their optional fields
    /// emptied (`Frame::clear_optional`).
    #[inline(always)]
    pub fn frames_push(&mut self, f: Frame) {
        let grows = self.frames.len() == self.frames.capacity();
        self.frames.push(f);
        if grows {
            self.clean_spare_frames();
        }
    }

    /// Pop the top frame (every pop goes through here), emptying its slot's
    /// optional fields for compiled code's inline push.
    #[inline(always)]
    pub fn frames_pop(&mut self) -> Option<Frame> {
        let f = self.frames.pop()?;
        // SAFETY: the slot just vacated is within the vector's capacity.
        unsafe { Frame::clear_optional(self.frames.as_mut_ptr().add(self.frames.len())) };
        Some(f)
    }

    #[cold]
    fn clean_spare_frames(&mut self) {
        let (len, cap) = (self.frames.len(), self.frames.capacity());
        let p = self.frames.as_mut_ptr();
        for i in len..cap {
            // SAFETY: i is within the vector's capacity.
            unsafe { Frame::clear_optional(p.add(i)) };
        }
    }

    /// `sys.setrecursionlimit`: the frame vector gets room for that many
    /// frames up front, so compiled code's inline push (which checks only
    /// against the limit, `Heap::call_limit`) always has a slot.
    pub fn set_recursion_limit(&mut self, n: usize) {
        self.recursion_limit = n;
        let want = n + 8;
        if self.frames.capacity() < want {
            self.frames.reserve(want - self.frames.len());
            self.clean_spare_frames();
        }
        // Compiled activations (`JitRuntime::native_depth`) each run a
        // frame of their own, so under this many frames they are under
        // their limit too: the inline push checks only the frames.
        self.heap
            .set_call_limit_max(n.min(crate::jit::calls::MAX_NATIVE_DEPTH as usize));
    }

    fn mark_roots(&self, t: &mut Tracer, live_top: usize) {
        t.context("stack slot");
        for (i, v) in self.stack[..live_top.min(self.stack.len())]
            .iter()
            .enumerate()
        {
            t.root_index = i;
            t.mark_value(v);
        }
        t.context("frame");
        for f in &self.frames {
            t.mark(f.func);
            if let Some(g) = f.generator {
                t.mark(g);
            }
            if let Some(v) = &f.construct {
                t.mark_value(v);
            }
            if let Some(r) = &f.binop {
                t.mark_value(&r.a);
                t.mark_value(&r.b);
            }
        }
        if let Some(e) = self.pending_throw {
            t.mark(e);
        }
        t.context("temp root");
        t.mark_values(&self.temp_roots);
        t.context("handled exception");
        t.mark_values(&self.handled);
        t.context("builtin or module");
        for v in self.builtins.values() {
            t.mark_value(v);
        }
        for m in self.modules.values() {
            t.mark(*m);
        }
        if let Some(m) = self.main_module {
            t.mark(m);
        }
        // Most are pinned; classes made at run time for a native module
        // (`io.UnsupportedOperation`) are not.
        for ty in self.iter_types.values() {
            t.mark(*ty);
        }
    }

    /// One past the highest stack slot in use by any frame.
    pub fn stack_top(&self) -> usize {
        match self.frames.last() {
            Some(f) => f.base + f.code().nregs as usize,
            None => 0,
        }
    }

    // ------------------------------------------------------------ running a program

    /// Compile and run a program file. Output is flushed before returning.
    pub fn run_file(&mut self, path: &str, text: String) -> RunOutcome {
        let src = Rc::new(SourceFile::new(path, text));
        self.sources.push(src.clone());
        let module = self.new_module("__main__", path);
        let file = self.new_str(path);
        module.set("__file__", file);
        self.main_module = Some(module);
        let ast = match crate::front::parse(&src) {
            Ok(m) => m,
            Err(e) => return RunOutcome::CompileError(e.render(&src)),
        };
        let code =
            match crate::front::compiler::compile_module(self, src.clone(), module, &ast.body) {
                Ok(c) => c,
                Err(e) => return RunOutcome::CompileError(e.render(&src)),
            };
        drop(ast);
        if self.options.dump_bytecode {
            let text = crate::bytecode::disasm::disassemble(&code);
            self.stderr.write_str(&text);
        }
        let outcome = match self.run_module_code(code, module) {
            Ok(_) => RunOutcome::Exit(0),
            Err(_) if self.imports.fatal.is_some() => {
                RunOutcome::CompileError(self.imports.fatal.take().unwrap_or_default())
            }
            Err(exc) => self.report_uncaught(exc),
        };
        if !matches!(outcome, RunOutcome::CompileError(_)) {
            self.close_generators_at_exit(module);
        }
        crate::builtins::file::flush_all();
        self.stdout.flush();
        self.stderr.flush();
        outcome
    }

    pub fn run_module_code(&mut self, code: Rc<Code>, module: Gc<ModuleObj>) -> PyResult<Value> {
        let name = self.intern(&code.name);
        let func = self.heap.alloc_pinned(FunctionObj {
            fast_argc: code.fast_argc(),
            code,
            name,
            qualname: name,
            defaults: RefCell::new(Box::new([])),
            kwdefaults: RefCell::new(Box::new([])),
            defaults_obj: Cell::new(Value::None),
            kwdefaults_obj: Cell::new(Value::None),
            closure: Box::new([]),
            module,
            attrs: RefCell::new(None),
        });
        self.call_function(func, &[], &[])
    }

    /// Turn an uncaught exception into output and an exit status, as CPython does.
    fn report_uncaught(&mut self, exc: PyExc) -> RunOutcome {
        let cls = exc.class;
        if cls == self.exc_types["SystemExit"] {
            self.run_end = Some((profile::RunEnd::SysExit, None));
            let arg = exc
                .exc
                .as_ref()
                .map(|e| e.borrow().args)
                .unwrap_or(Value::None);
            let code = match arg {
                Value::Tuple(t) if t.items.len() == 1 => t.items[0],
                Value::Tuple(t) if t.items.is_empty() => Value::None,
                other => other,
            };
            return match code {
                Value::None => RunOutcome::Exit(0),
                Value::Int(i) => RunOutcome::Exit(i as i32),
                Value::Bool(b) => RunOutcome::Exit(b as i32),
                other => {
                    self.stdout.flush();
                    let s = self.str_of(other).unwrap_or_default();
                    self.stderr.write_str(&s);
                    self.stderr.write_str("\n");
                    RunOutcome::Exit(1)
                }
            };
        }
        self.stdout.flush();
        let text = self.format_exception_chain(exc);
        self.stderr.write_str(&text);
        let last = text
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .map(str::to_string);
        let end = if cls == self.exc_types["KeyboardInterrupt"] {
            profile::RunEnd::Interrupted
        } else {
            profile::RunEnd::Exception
        };
        self.run_end = Some((end, last));
        if cls == self.exc_types["KeyboardInterrupt"] {
            return RunOutcome::Uncaught(130);
        }
        RunOutcome::Uncaught(1)
    }
}

fn is_tty(fd: i32) -> bool {
    use std::io::IsTerminal;
    match fd {
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    }
}

fn alloc_stack(n: usize) -> Box<[Value]> {
    let layout = std::alloc::Layout::array::<Value>(n).expect("stack layout");
    // SAFETY: the layout is non-zero sized; zeroed memory is a valid
    // `Value::Undefined` (tag 0) in every slot; large zeroed allocations come
    // straight from mmap, so untouched slots cost no memory.
    unsafe {
        let p = std::alloc::alloc_zeroed(layout) as *mut Value;
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n))
    }
}

impl Types {
    fn create(heap: &mut Heap) -> Types {
        let mk = |heap: &mut Heap, name: &str, kind: TypeKind, base: Option<Gc<TypeObj>>| {
            let n = heap.alloc_pinned(StrObj::new(name));
            let t = heap.alloc_pinned(TypeObj::new(n, kind, base.into_iter().collect(), None));
            let mut mro = vec![t];
            if let Some(b) = base {
                mro.extend(b.mro.borrow().iter().copied());
            }
            *t.mro.borrow_mut() = mro;
            t
        };
        let object = mk(heap, "object", TypeKind::Object, None);
        let o = Some(object);
        let int = mk(heap, "int", TypeKind::Int, o);
        Types {
            object,
            type_: mk(heap, "type", TypeKind::Type, o),
            none: mk(heap, "NoneType", TypeKind::NoneType, o),
            bool_: mk(heap, "bool", TypeKind::Bool, Some(int)),
            int,
            float: mk(heap, "float", TypeKind::Float, o),
            str_: mk(heap, "str", TypeKind::Str, o),
            bytes: mk(heap, "bytes", TypeKind::Bytes, o),
            list: mk(heap, "list", TypeKind::List, o),
            tuple: mk(heap, "tuple", TypeKind::Tuple, o),
            dict: mk(heap, "dict", TypeKind::Dict, o),
            set: mk(heap, "set", TypeKind::Set, o),
            frozenset: mk(heap, "frozenset", TypeKind::FrozenSet, o),
            range: mk(heap, "range", TypeKind::Range, o),
            slice: mk(heap, "slice", TypeKind::Slice, o),
            function: mk(heap, "function", TypeKind::Function, o),
            builtin_function: mk(
                heap,
                "builtin_function_or_method",
                TypeKind::BuiltinFunction,
                o,
            ),
            method: mk(heap, "method", TypeKind::Method, o),
            cell: mk(heap, "cell", TypeKind::Cell, o),
            module: mk(heap, "module", TypeKind::Module, o),
            iterator: mk(heap, "iterator", TypeKind::Iterator, o),
            generator: mk(heap, "generator", TypeKind::Generator, o),
            dict_keys: mk(heap, "dict_keys", TypeKind::DictView, o),
            dict_values: mk(heap, "dict_values", TypeKind::DictView, o),
            dict_items: mk(heap, "dict_items", TypeKind::DictView, o),
            ellipsis: mk(heap, "ellipsis", TypeKind::Ellipsis, o),
            not_implemented: mk(heap, "NotImplementedType", TypeKind::NotImplemented, o),
            base_exception: mk(heap, "BaseException", TypeKind::Exception, o),
        }
    }
}

impl Vm {
    /// Turn SIGINT into a flag the interpreter polls at safepoints, so Ctrl-C
    /// raises KeyboardInterrupt in the program instead of killing the process.
    pub fn install_interrupt_handler(&self) {
        extern "C" fn on_sigint(_sig: i32) {
            INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
            // Send compiled code's inline calls to the Rust path, which
            // raises KeyboardInterrupt (`Heap::call_limit`).
            let p = CALL_LIMIT.load(std::sync::atomic::Ordering::Relaxed);
            // SAFETY: the pointer is the VM's heap's atomic, registered
            // below for the VM's lifetime (cleared when it is dropped);
            // an atomic store is async-signal-safe.
            if let Some(l) = unsafe { p.as_ref() } {
                l.store(0, std::sync::atomic::Ordering::Relaxed);
            }
        }
        CALL_LIMIT.store(
            &self.heap.call_limit as *const _ as *mut _,
            std::sync::atomic::Ordering::Relaxed,
        );
        extern "C" {
            fn signal(signum: i32, handler: extern "C" fn(i32)) -> usize;
        }
        const SIGINT: i32 = 2;
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        unsafe {
            signal(SIGINT, on_sigint);
        }
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        // The SIGINT handler must not write into a VM that is gone.
        let me = &self.heap.call_limit as *const _ as *mut _;
        let _ = CALL_LIMIT.compare_exchange(
            me,
            std::ptr::null_mut(),
            std::sync::atomic::Ordering::Relaxed,
            std::sync::atomic::Ordering::Relaxed,
        );
    }
}
