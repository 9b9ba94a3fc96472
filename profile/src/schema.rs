//! The profile's schema, version 1. Every field is documented in
//! `profile/SCHEMA.md`; units are in the field names (`_ns`, `_bytes`, `_hz`).
//!
//! Ids: `files[i].id == i` and `functions[i].id == i`, so an id is also an
//! index. Lines and columns are 1-based. Times are nanoseconds of wall-clock
//! time. Lists are in no guaranteed order unless a field says so.

use serde::{Deserialize, Serialize};

/// The `format` field of every profile.
pub const FORMAT: &str = "jitprof-profile";
/// The schema version this crate reads and writes.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Profile {
    /// Always `"jitprof-profile"`.
    pub format: String,
    /// Always 1 for this schema.
    pub version: u32,
    pub run: Run,
    /// Every source file that ran, with its text (the profile is self-contained).
    pub files: Vec<SourceFile>,
    /// Every function that ran: Python functions (including each module's
    /// `<module>` code) and built-in functions and methods.
    pub functions: Vec<Function>,
    /// Per-line figures, for lines with at least one sample or execution.
    pub lines: Vec<Line>,
    /// Observed operand types per instruction site.
    pub type_sites: Vec<TypeSite>,
    /// Exits from compiled code that resumed in the interpreter, per site and reason.
    pub bails: Vec<Bail>,
    /// Heap allocations per site and object type.
    pub allocations: Vec<AllocSite>,
    /// Every compile the JIT did, in the order they happened.
    pub compiles: Vec<Compile>,
    pub samples: Samples,
    pub summary: Summary,
}

/// How the run went.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Run {
    /// The program's path as given on the command line.
    pub program: String,
    /// `sys.argv` of the program.
    pub argv: Vec<String>,
    /// Working directory of the run.
    pub cwd: String,
    /// jitprof's version (`CARGO_PKG_VERSION`).
    pub jitprof_version: String,
    /// `off`, `auto` or `eager`.
    pub jit_mode: String,
    pub jit_threshold: u32,
    /// How the functions' times were obtained (`jitprof run --timing`).
    /// Profiles written before the field existed measured them: `exact`.
    #[serde(default)]
    pub timing: Timing,
    /// Start of the run, milliseconds since the Unix epoch.
    pub started_unix_ms: u64,
    /// How the program ended.
    pub end: RunEnd,
    /// The exit status jitprof returned for the program.
    pub exit_code: i32,
    /// For an uncaught exception: its last traceback line (`ValueError: bad`).
    pub exception: Option<String>,
}

/// Where the functions' times (`self_ns`, `cumulative_ns`, and the same
/// figures of caller edges) come from. Call counts are exact either way.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    /// Estimated from the sampled stacks: each sample stands for an equal
    /// share of the run's wall time, counted as self time of its innermost
    /// function and as cumulative time of every function (and caller edge)
    /// on its stack, once per sample.
    Sampled,
    /// Measured with a clock read at every call and return.
    #[default]
    Exact,
}

impl Timing {
    pub fn name(self) -> &'static str {
        match self {
            Timing::Sampled => "sampled",
            Timing::Exact => "exact",
        }
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum RunEnd {
    /// Ran to the end of the main module.
    #[default]
    Normal,
    /// Stopped by an uncaught exception.
    Exception,
    /// `sys.exit()` (or `raise SystemExit`).
    SysExit,
    /// Ctrl-C (SIGINT): `KeyboardInterrupt`.
    Interrupted,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SourceFile {
    pub id: u32,
    /// The path as the runtime saw it (relative to `run.cwd` when relative).
    pub path: String,
    /// The whole text of the file.
    pub source: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FunctionKind {
    /// A Python function, method, lambda, comprehension or module body.
    Python,
    /// A function or method implemented by the runtime (`len`, `list.append`).
    Builtin,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Function {
    pub id: u32,
    pub kind: FunctionKind,
    /// `fib`, `<module>`, `<lambda>`, `<listcomp>`; for builtins the Python
    /// name (`len`, `append`).
    pub name: String,
    /// `Node.walk`, `outer.<locals>.inner`; for builtin methods `list.append`.
    pub qualname: String,
    /// Index into `files` (None for builtins).
    pub file: Option<u32>,
    /// Line of the `def` (1 for a module; 0 for builtins).
    pub first_line: u32,
    /// Last line of the body (0 for builtins).
    pub last_line: u32,
    /// Times called.
    pub calls: u64,
    /// Calls that were not recursive (no activation of this function was
    /// already running), as cProfile counts them.
    pub primitive_calls: u64,
    /// Time in this function itself, excluding functions it called.
    pub self_ns: u64,
    /// Time from entry to return, including callees; recursive activations
    /// are counted once (the outermost), as cProfile does.
    pub cumulative_ns: u64,
    /// Who called this function, with the figures of those calls.
    pub callers: Vec<CallerEdge>,
    /// What the JIT did with this function (None for builtins).
    pub jit: Option<FunctionJit>,
    /// Loops in this function (from the bytecode's back-edges), outermost first.
    pub loops: Vec<Loop>,
    /// The function's register bytecode, one entry per instruction (empty for builtins).
    pub bytecode: Vec<BytecodeInstr>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct CallerEdge {
    /// Index into `functions`.
    pub caller: u32,
    pub calls: u64,
    pub primitive_calls: u64,
    /// The callee's self time during calls from this caller.
    pub self_ns: u64,
    /// The callee's cumulative time during calls from this caller.
    pub cumulative_ns: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum JitStatus {
    /// Has compiled code (see `compiles`).
    Compiled,
    /// Never got hot enough (or the JIT was off).
    Interpreted,
    /// The JIT could not or would not compile it; `reason` says why.
    Refused,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct FunctionJit {
    pub status: JitStatus,
    /// Why it was refused (`code memory limit reached (...)`,
    /// `code limit reached`).
    pub reason: Option<String>,
    /// Hotness counter at the end of the run (calls count 1, loop iterations 2).
    pub hotness: u64,
    /// Compiles of this function, the first included.
    pub compiles: u32,
    /// Compiles after the first (a site kept bailing).
    pub recompiles: u32,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Loop {
    /// Line of the loop's header (`for` / `while`).
    pub header_line: u32,
    /// Lines the loop's body spans (inclusive).
    pub first_line: u32,
    pub last_line: u32,
    /// Bytecode range `[start_pc, end_pc]` (the back-edge jump is at `end_pc`).
    pub start_pc: u32,
    pub end_pc: u32,
    /// Times the loop's header ran (its test: once per iteration plus once
    /// per exit; counted in the interpreter and in compiled code alike).
    pub iterations: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct BytecodeInstr {
    pub pc: u32,
    pub line: u32,
    pub col: u32,
    /// Disassembled instruction (`AddInt r3, r1, r2`).
    pub text: String,
    /// Times executed (in the interpreter and in compiled code), counted
    /// only for instructions that begin a line (the first of each line, and
    /// jump targets); 0 for the others.
    pub exec_count: u64,
}

/// Which part of the runtime was running.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// The bytecode interpreter.
    Interpreter,
    /// Machine code the JIT emitted.
    Jit,
    /// Built-in functions and runtime helpers (including helpers compiled code calls).
    Runtime,
    /// The garbage collector.
    Collector,
    /// The JIT compiler itself.
    Compiler,
}

impl Tier {
    pub const ALL: [Tier; 5] = [
        Tier::Interpreter,
        Tier::Jit,
        Tier::Runtime,
        Tier::Collector,
        Tier::Compiler,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Tier::Interpreter => "interpreter",
            Tier::Jit => "jit",
            Tier::Runtime => "runtime",
            Tier::Collector => "collector",
            Tier::Compiler => "compiler",
        }
    }
}

/// A count per tier.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TierCounts {
    pub interpreter: u64,
    pub jit: u64,
    pub runtime: u64,
    pub collector: u64,
    pub compiler: u64,
}

impl TierCounts {
    pub fn get(&self, t: Tier) -> u64 {
        match t {
            Tier::Interpreter => self.interpreter,
            Tier::Jit => self.jit,
            Tier::Runtime => self.runtime,
            Tier::Collector => self.collector,
            Tier::Compiler => self.compiler,
        }
    }
    pub fn add(&mut self, t: Tier, n: u64) {
        match t {
            Tier::Interpreter => self.interpreter += n,
            Tier::Jit => self.jit += n,
            Tier::Runtime => self.runtime += n,
            Tier::Collector => self.collector += n,
            Tier::Compiler => self.compiler += n,
        }
    }
    pub fn total(&self) -> u64 {
        Tier::ALL.iter().map(|t| self.get(*t)).sum()
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Line {
    pub file: u32,
    pub line: u32,
    /// Samples whose innermost Python frame was on this line (whatever ran:
    /// a builtin called from this line counts here, as `runtime`).
    pub samples: u64,
    pub samples_by_tier: TierCounts,
    /// Times control entered this line (the count of its first instruction).
    pub exec_count: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct TypeSite {
    pub function: u32,
    pub pc: u32,
    pub line: u32,
    pub col: u32,
    /// What the instruction does: `add`, `<`, `attribute .x`, `subscript`,
    /// `call`, `iterate`, ...
    pub op: String,
    /// One entry per operand, in source order.
    pub operands: Vec<Operand>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Operand {
    /// `left`, `right`, `operand`, `receiver`, `container`, `index`, `value`,
    /// `callee`, `iterable`.
    pub role: String,
    /// Types seen, most frequent first (counts are executions in the
    /// interpreter; compiled code guards for these types instead of counting).
    pub types: Vec<TypeCount>,
    /// More distinct types were seen than the site keeps (the list is partial).
    pub megamorphic: bool,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct TypeCount {
    /// Python type name (`int`, `float`, `Vector`).
    #[serde(rename = "type")]
    pub type_name: String,
    pub count: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StackFrame {
    /// Index into `functions`.
    pub function: u32,
    /// Current line in that function (0 for builtins).
    pub line: u32,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Bail {
    pub function: u32,
    pub pc: u32,
    pub line: u32,
    pub col: u32,
    /// Reason code, from the JIT's one list of exit reasons (`int_overflow`,
    /// `not_int_or_float`, ...).
    pub reason: String,
    /// The reason in words.
    pub description: String,
    /// What the compiled code expected (`int or float operands`).
    pub expected: String,
    /// What it found: the operand types (or value) seen at the bails.
    pub observed: Vec<TypeCount>,
    pub count: u64,
    /// The call stack of the first bail here, outermost first.
    pub first_stack: Vec<StackFrame>,
    /// Whether this site's bails led to a recompile with the generic path.
    pub recompiled: bool,
    /// Estimated time the bails cost: leaving compiled code, running the
    /// instruction in the interpreter, re-entering, plus any recompile they caused.
    pub cost_ns: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct AllocSite {
    /// Index into `functions`; None for allocations outside any Python frame
    /// (start-up, the module system).
    pub function: Option<u32>,
    pub pc: u32,
    pub line: u32,
    /// Python type name of the objects allocated (`list`, `str`, `Vector`).
    #[serde(rename = "type")]
    pub type_name: String,
    /// All allocations here (interpreter and compiled code).
    pub count: u64,
    pub bytes: u64,
    /// The part of `count` / `bytes` made while compiled code ran.
    pub jit_count: u64,
    pub jit_bytes: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CompileTrigger {
    /// Calls and loop iterations reached the threshold.
    Hot,
    /// `--jit=eager`: compiled on first use.
    Eager,
    /// A site kept bailing; compiled again with the generic path there.
    Recompile,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Compile {
    pub function: u32,
    /// 0 for the first compile of the function, then 1, 2, ...
    pub version: u32,
    pub trigger: CompileTrigger,
    /// For a recompile: which sites went generic and why (`line 7: int_overflow`).
    pub reason: Option<String>,
    /// When it happened, nanoseconds after the run started.
    pub at_ns: u64,
    pub compile_ns: u64,
    /// Machine code emitted.
    pub code_bytes: u64,
    /// Side tables kept with the code (position map, bail sites, exit counters).
    pub metadata_bytes: u64,
    /// The compiler's peak heap use during this compile, above what was live
    /// before it started.
    pub peak_heap_bytes: u64,
    /// Bytecode instructions compiled.
    pub bytecode_instrs: u32,
    /// Address of the code in the process (for matching `perf` output).
    pub code_address: u64,
    /// The machine code, lowercase hex.
    pub code_hex: String,
    /// Code offset of each bytecode instruction: `pc_offsets[pc]`.
    pub pc_offsets: Vec<u32>,
    /// Comments from the code generator, by code offset (guards, bail stubs).
    pub notes: Vec<CodeNote>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct CodeNote {
    pub offset: u32,
    pub text: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Samples {
    /// Requested sampling rate.
    pub rate_hz: u32,
    /// Nanoseconds of wall-clock time each sample stands for.
    pub interval_ns: u64,
    pub total: u64,
    /// Distinct (stack, tier) pairs with their counts.
    pub stacks: Vec<SampleStack>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SampleStack {
    /// Outermost first; the last frame is where the sample landed (a
    /// builtin's frame when one was running). A stack deeper than 256 frames
    /// keeps its outermost 64 and innermost 192.
    pub frames: Vec<StackFrame>,
    pub tier: Tier,
    pub count: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Summary {
    pub wall_ns: u64,
    /// Wall time split by tier, estimated from the samples (collector and
    /// compiler time are measured; see `gc_ns`, `compile_ns`).
    pub tier_ns: TierCounts,
    pub peak_rss_bytes: u64,
    /// Objects allocated over the run, by type, largest first.
    pub heap_by_type: Vec<HeapType>,
    pub allocations: u64,
    pub allocated_bytes: u64,
    pub gc_collections: u64,
    pub gc_ns: u64,
    pub compiles: u64,
    pub recompiles: u64,
    pub compile_ns: u64,
    pub jit_code_bytes: u64,
    pub jit_metadata_bytes: u64,
    /// Exits from compiled code by reason (every reason, zeros included).
    pub exits_by_reason: Vec<ReasonCount>,
    pub bails: u64,
    /// Time the recorder itself spent, estimated (slow paths measured,
    /// per-call bookkeeping and type observations at calibrated costs; a
    /// lower bound).
    pub recorder_overhead_ns: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct HeapType {
    #[serde(rename = "type")]
    pub type_name: String,
    pub count: u64,
    pub bytes: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct ReasonCount {
    pub reason: String,
    pub count: u64,
}
