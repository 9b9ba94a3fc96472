//! The command-line interface definition (clap). Kept apart from `main.rs` so
//! the man pages can be generated from exactly these definitions.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// jitprof runs a Python program on its own runtime and tells you, line by line,
/// what the interpreter and the JIT saw and did.
#[derive(Parser, Debug)]
#[command(name = "jitprof", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run a Python program (output identical to CPython 3.11).
    #[command(trailing_var_arg = true)]
    Run(RunArgs),
    /// Run a Python program, then print the machine code the JIT compiled for
    /// each function, interleaved with its bytecode and source lines.
    #[command(trailing_var_arg = true)]
    Disasm(DisasmArgs),
    /// Print the program's source annotated from a profile: time (and the
    /// tiers that ran it), samples and execution counts per line, observed
    /// types, bails and allocations.
    Annotate(AnnotateArgs),
    /// Draw a flamegraph (SVG) of a profile: time, allocations, bails or compile time.
    Flamegraph(FlamegraphArgs),
    /// Write a profile in a format other tools read: pstats (snakeviz,
    /// gprof2dot), folded stacks, speedscope, callgrind (kcachegrind).
    Export(ExportArgs),
    /// Explore a profile in the terminal: hot functions and loops, source,
    /// bails, callers and callees, machine code.
    Tui(TuiArgs),
    /// Write the man pages (generated from these definitions) into a directory.
    #[command(hide = true)]
    Manpages {
        /// Directory to write jitprof.1 and jitprof-<verb>.1 into.
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum JitModeArg {
    /// Interpret everything.
    Off,
    /// Compile functions and loops once they are hot (the default).
    Auto,
    /// Compile every function and loop on first use (how the tests exercise the JIT).
    Eager,
}

/// Options of the JIT, shared by the verbs that run a program.
#[derive(clap::Args, Debug, Clone)]
pub struct JitArgs {
    /// Hotness at which --jit=auto compiles a function: each call counts 1 and
    /// each loop iteration 2.
    #[arg(long, value_name = "N", default_value_t = 200,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub jit_threshold: u32,
    /// Machine code the JIT may emit, in bytes (suffixes K, M, G); past it,
    /// functions stay interpreted and the profile says why.
    #[arg(long, value_name = "BYTES", default_value = "64M", value_parser = parse_size)]
    pub jit_code_limit: usize,
    /// After the run, write the JIT's statistics (compiled and refused code,
    /// exits by reason and by site) as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub jit_stats: Option<PathBuf>,
    /// Keep the int and float locals of hot loops in machine registers (on,
    /// the default), or every value in its frame slot (off), to measure what
    /// register allocation gains.
    #[arg(long, value_enum, value_name = "on|off", default_value = "on")]
    pub jit_regalloc: OnOff,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// When to compile Python code to machine code.
    #[arg(long, value_enum, default_value = "auto")]
    pub jit: JitModeArg,
    #[command(flatten)]
    pub jit_args: JitArgs,
    /// Print the register bytecode of every function, with source lines, to stderr before running.
    #[arg(long)]
    pub dump_bytecode: bool,
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// The Python program to run.
    pub program: PathBuf,
    /// Arguments passed to the program as sys.argv[1:].
    #[arg(allow_hyphen_values = true)]
    pub args: Vec<String>,
}

#[derive(clap::Args, Debug)]
pub struct DisasmArgs {
    /// When to compile; the default compiles every function on first use, so
    /// every function that ran is listed.
    #[arg(long, value_enum, default_value = "eager")]
    pub jit: JitModeArg,
    #[command(flatten)]
    pub jit_args: JitArgs,
    /// List only functions whose name or qualified name is NAME (repeatable).
    #[arg(long, value_name = "NAME")]
    pub function: Vec<String>,
    /// Colour the listing: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,
    /// Compile as a recording `jitprof run` does (its default): with the
    /// recorder's inline line and call counting. The profile is not written.
    #[arg(long)]
    pub recording: bool,
    /// The Python program to run.
    pub program: PathBuf,
    /// Arguments passed to the program as sys.argv[1:].
    #[arg(allow_hyphen_values = true)]
    pub args: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TimingArg {
    /// Estimate self and cumulative time from the samples' stacks: no clock
    /// read per call, which makes recording call-heavy programs much cheaper
    /// (a function the samples never caught shows no time).
    Sampled,
    /// Measure them by reading the CPU's time-stamp counter at every call
    /// and return, as cProfile does (exact, but slows call-heavy programs).
    Exact,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

/// A byte count with an optional K, M or G suffix (powers of 1024).
fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (num, mul) = match t.chars().last() {
        Some('k' | 'K') => (&t[..t.len() - 1], 1usize << 10),
        Some('m' | 'M') => (&t[..t.len() - 1], 1 << 20),
        Some('g' | 'G') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    let n: usize = num.parse().map_err(|_| {
        format!("'{s}' is not a size (a number of bytes, optionally with K, M or G)")
    })?;
    n.checked_mul(mul)
        .ok_or_else(|| format!("'{s}' is too large"))
}

/// Samples per second when `--sample-rate` is not given: prime, so the
/// timer does not beat in step with a program's own periodic work.
pub const DEFAULT_SAMPLE_RATE_HZ: u32 = 997;

/// What `jitprof run` records.
#[derive(clap::Args, Debug, Clone)]
pub struct ProfileArgs {
    /// Do not record a profile (the program runs exactly as with recording,
    /// minus the recorder's bookkeeping).
    #[arg(long)]
    pub no_profile: bool,
    /// Where to write the profile.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "PATH",
        default_value = "jitprof.json"
    )]
    pub output: PathBuf,
    /// Samples per second (of wall-clock time) for the per-line profile.
    #[arg(long, value_name = "HZ", default_value_t = DEFAULT_SAMPLE_RATE_HZ,
          value_parser = clap::value_parser!(u32).range(1..=20_000))]
    pub sample_rate: u32,
    /// How to time functions. Calls, primitive calls and callers are counted
    /// exactly either way.
    #[arg(long, value_enum, value_name = "MODE", default_value = "sampled")]
    pub timing: TimingArg,
    /// Do not print the end-of-run summary to stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Write /tmp/perf-PID.map so `perf report` names compiled code.
    #[arg(long)]
    pub perf_map: bool,
    /// Write a jitdump file (jit-PID.dump in the working directory) with line
    /// information, for `perf inject --jit`.
    #[arg(long)]
    pub perf_jitdump: bool,
}

/// The profile a verb reads.
#[derive(clap::Args, Debug, Clone)]
pub struct ProfileInput {
    /// The profile to read (written by `jitprof run`).
    #[arg(value_name = "PROFILE", default_value = "jitprof.json")]
    pub profile: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct AnnotateArgs {
    #[command(flatten)]
    pub input: ProfileInput,
    /// Only this function (its name or qualified name, e.g. `Node.walk`).
    #[arg(long, value_name = "NAME")]
    pub function: Option<String>,
    /// Only the hottest regions, with a few lines of context around each.
    #[arg(long)]
    pub hot: bool,
    /// Lines of context around each hot region (with --hot).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub context: usize,
    /// Hide lines with less than this share of the time (percent).
    #[arg(long, value_name = "P", default_value_t = 0.0)]
    pub min_percent: f64,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,
    /// Print the listing as JSON (an array of line objects) for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum WeightArg {
    /// CPU time (samples).
    Time,
    /// Bytes allocated.
    Allocations,
    /// Bails from compiled code.
    Bails,
    /// Time spent compiling.
    Compile,
}

#[derive(clap::Args, Debug)]
pub struct FlamegraphArgs {
    #[command(flatten)]
    pub input: ProfileInput,
    /// The SVG file to write.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "PATH",
        default_value = "flamegraph.svg"
    )]
    pub output: PathBuf,
    /// What the widths measure.
    #[arg(long, value_enum, default_value = "time")]
    pub kind: WeightArg,
    /// Icicle graph: roots at the top, the innermost frames merged.
    #[arg(long)]
    pub inverted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// cProfile's format: `python3 -m pstats`, snakeviz, gprof2dot, tuna.
    Pstats,
    /// Collapsed stacks, one `a;b;c count` per line (flamegraph.pl, inferno).
    Folded,
    /// speedscope's JSON file format.
    Speedscope,
    /// callgrind's text format, per-line costs (kcachegrind, callgrind_annotate).
    Callgrind,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: ProfileInput,
    /// The format to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The file to write; `-` for stdout (not for pstats on a terminal).
    #[arg(short = 'o', long = "output", value_name = "PATH", default_value = "-")]
    pub output: PathBuf,
    /// For folded stacks: what the counts measure.
    #[arg(long, value_enum, default_value = "time")]
    pub kind: WeightArg,
}

#[derive(clap::Args, Debug)]
pub struct TuiArgs {
    #[command(flatten)]
    pub input: ProfileInput,
}
