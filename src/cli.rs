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

#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// When to compile Python code to machine code. Until the JIT lands every mode interprets.
    #[arg(long, value_enum, default_value = "auto")]
    pub jit: JitModeArg,
    /// Print the register bytecode of every function, with source lines, to stderr before running.
    #[arg(long)]
    pub dump_bytecode: bool,
    /// The Python program to run.
    pub program: PathBuf,
    /// Arguments passed to the program as sys.argv[1:].
    #[arg(allow_hyphen_values = true)]
    pub args: Vec<String>,
}
