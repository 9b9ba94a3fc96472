//! The `jitprof` binary: parses the command line and dispatches to a verb.

mod alloc;
mod cli;
mod record;
mod report;

#[global_allocator]
static GLOBAL: alloc::Mimalloc = alloc::Mimalloc;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use cli::{Cli, ColorArg, Command, DisasmArgs, JitArgs, JitModeArg, RunArgs};
use jit::interp::vm::{JitMode, JitOptions, RunOutcome, Vm, VmOptions};

/// Exit codes. 0, 1 and sys.exit(n) are the program's own; jitprof's are these.
mod exit {
    /// Syntax error, unsupported construct, unreadable or non-UTF-8 file, usage error.
    pub const INPUT: u8 = 2;
    /// A profile that is missing, truncated, not JSON, or of another version.
    pub const PROFILE: u8 = 3;
    /// An output file (profile, SVG, export) could not be written.
    pub const OUTPUT: u8 = 74;
    /// A bug in jitprof (a Rust panic caught at the top).
    pub const INTERNAL: u8 = 70;
}

/// The VM runs on its own thread with a large stack: native code re-enters the
/// interpreter for callbacks (sort keys, generators driven by builtins), and deep
/// Python recursion through such callbacks must hit RecursionError, never the
/// guard page.
const VM_STACK_BYTES: usize = 1 << 30;

fn main() -> ExitCode {
    alloc::configure();
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => run(args),
        Command::Disasm(args) => disasm(args),
        Command::Annotate(args) => report::annotate(args),
        Command::Flamegraph(args) => report::flamegraph(args),
        Command::Export(args) => report::export(args),
        Command::Tui(args) => report::tui(args),
        Command::Manpages { dir } => match write_manpages(&dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("jitprof: cannot write man pages to {}: {e}", dir.display());
                ExitCode::from(exit::INPUT)
            }
        },
    }
}

fn run(args: RunArgs) -> ExitCode {
    let mut jit = jit_options(args.jit, &args.jit_args);
    let record = (!args.profile.no_profile).then(|| record::Settings::from(&args.profile));
    jit.profile = record.is_some();
    let program = Program {
        path: args.program,
        args: args.args,
        jit,
        dump_bytecode: args.dump_bytecode,
        record,
        perf: record::PerfSettings::from(&args.profile),
    };
    run_program(program, args.jit_args.jit_stats, |_| {})
}

fn disasm(args: DisasmArgs) -> ExitCode {
    let mut program = Program {
        path: args.program,
        args: args.args,
        jit: jit_options(args.jit, &args.jit_args),
        dump_bytecode: false,
        // Recording for the code's sake only: nothing is written.
        record: args.recording.then(record::Settings::discarded),
        perf: record::PerfSettings::default(),
    };
    program.jit.profile = args.recording;
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::io::IsTerminal::is_terminal(&std::io::stdout())
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let filter = args.function;
    program.jit.listing = true;
    run_program(program, args.jit_args.jit_stats, move |vm| {
        let text = jit::jit::listing::render(&vm.jit, &filter, color);
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    })
}

fn jit_options(mode: JitModeArg, a: &JitArgs) -> JitOptions {
    JitOptions {
        mode: match mode {
            JitModeArg::Off => JitMode::Off,
            JitModeArg::Auto => JitMode::Auto,
            JitModeArg::Eager => JitMode::Eager,
        },
        threshold: a.jit_threshold,
        code_limit: a.jit_code_limit,
        regalloc: a.jit_regalloc == cli::OnOff::On,
        listing: false,
        profile: false,
        exact_timing: false,
    }
}

/// What to run, from a verb's arguments.
struct Program {
    path: std::path::PathBuf,
    args: Vec<String>,
    jit: JitOptions,
    dump_bytecode: bool,
    /// Record a profile (None: `--no-profile`, or a verb that does not record).
    record: Option<record::Settings>,
    perf: record::PerfSettings,
}

/// The main script's file name as CPython 3.11 gives it to the code
/// (tracebacks, `__file__`): a relative path joined to the working
/// directory, as given otherwise (`python3 ../x.py` shows `/cwd/../x.py`;
/// nothing is normalised or resolved). `sys.argv[0]` keeps the path as
/// typed. Without this, every traceback of a program run as `prog.py`
/// differed from CPython's.
fn script_path(p: &std::path::Path) -> String {
    if p.is_relative() {
        if let Ok(cwd) = std::env::current_dir() {
            let mut s = cwd.to_string_lossy().to_string();
            if !s.ends_with('/') {
                s.push('/');
            }
            s.push_str(&p.to_string_lossy());
            return s;
        }
    }
    p.to_string_lossy().to_string()
}

/// Run a program on the VM thread; `after` sees the VM once the program has
/// finished (also when it raised).
fn run_program(
    p: Program,
    stats: Option<std::path::PathBuf>,
    after: impl FnOnce(&Vm) + Send + 'static,
) -> ExitCode {
    // argv[0] as given, the code's file name as CPython 3.11 makes it.
    let given = p.path.to_string_lossy().to_string();
    let path = script_path(&p.path);
    let bytes = match std::fs::read(&p.path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("jitprof: can't open file '{path}': {e}");
            return ExitCode::from(exit::INPUT);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, col) = line_col_of_byte(e.as_bytes(), e.utf8_error().valid_up_to());
            eprintln!(
                "{path}:{line}:{col}: SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0x{:02x}: the file is not valid UTF-8",
                e.as_bytes()[e.utf8_error().valid_up_to()]
            );
            return ExitCode::from(exit::INPUT);
        }
    };
    let mut argv = vec![given];
    argv.extend(p.args.iter().cloned());
    let argv_for_profile = argv.clone();
    let (record, perf) = (p.record.clone(), p.perf);
    let options = VmOptions {
        jit: p.jit,
        argv,
        dump_bytecode: p.dump_bytecode,
    };
    install_panic_hook();
    let worker = std::thread::Builder::new()
        .name("jitprof-vm".into())
        .stack_size(VM_STACK_BYTES)
        .spawn(move || {
            let mut vm = Vm::new(options);
            vm.install_interrupt_handler();
            let session = record::Session::start(&mut vm, record, perf, &argv_for_profile);
            let outcome = vm.run_file(&path, text);
            session.finish(&mut vm, &outcome);
            if let Some(file) = stats {
                let json = vm.jit.stats_json();
                if let Err(e) = profile::write_atomically(&file, json.to_string().as_bytes()) {
                    eprintln!("jitprof: cannot write {}: {e}", file.display());
                }
            }
            after(&vm);
            // The process ends with this thread: leave the objects to the OS.
            vm.heap.leak_at_exit();
            outcome
        });
    let outcome = match worker {
        Ok(h) => h.join(),
        Err(e) => {
            eprintln!("jitprof: cannot start the interpreter thread: {e}");
            return ExitCode::from(exit::INTERNAL);
        }
    };
    match outcome {
        Ok(RunOutcome::Exit(code)) => ExitCode::from((code & 0xff) as u8),
        Ok(RunOutcome::Uncaught(code)) => ExitCode::from(code as u8),
        Ok(RunOutcome::CompileError(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(exit::INPUT)
        }
        Err(_) => ExitCode::from(exit::INTERNAL),
    }
}

/// Write a file through a temporary beside it and a rename, so a reader never
/// sees half of it.
/// A panic is a jitprof bug: say so plainly, with where it happened, and exit 70.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let loc = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        eprintln!("jitprof: internal error: {msg}{loc}\nPlease report this with the program that triggered it.");
    }));
}

fn line_col_of_byte(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let col = offset
        - before
            .iter()
            .rposition(|b| *b == b'\n')
            .map(|p| p + 1)
            .unwrap_or(0)
        + 1;
    (line, col)
}

fn write_manpages(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let cmd = Cli::command();
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    std::fs::write(dir.join("jitprof.1"), &buf)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("jitprof-{}", sub.get_name());
        let sub = sub
            .clone()
            .name(Box::leak(name.clone().into_boxed_str()) as &str);
        let mut buf = Vec::new();
        clap_mangen::Man::new(sub).render(&mut buf)?;
        std::fs::write(dir.join(format!("{name}.1")), &buf)?;
    }
    Ok(())
}
