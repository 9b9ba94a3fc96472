//! The verbs that read a recorded profile: annotate, flamegraph, export, tui.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{
    AnnotateArgs, ColorArg, ExportArgs, ExportFormat, FlamegraphArgs, TuiArgs, WeightArg,
};
use crate::exit;
use annotate::weight::Weight;

/// Whether to colour output going to stdout.
pub fn use_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn load(path: &Path) -> Result<profile::Profile, ExitCode> {
    profile::load(path).map_err(|e| {
        eprintln!("jitprof: {e}");
        ExitCode::from(exit::PROFILE)
    })
}

fn weight(w: WeightArg) -> Weight {
    match w {
        WeightArg::Time => Weight::Time,
        WeightArg::Allocations => Weight::Allocations,
        WeightArg::Bails => Weight::Bails,
        WeightArg::Compile => Weight::Compile,
    }
}

/// Write to stdout, ignoring a closed pipe (`jitprof annotate | head`).
fn print(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(bytes).and_then(|_| out.flush());
}

fn write_output(path: &Path, bytes: &[u8]) -> ExitCode {
    if path.as_os_str() == "-" {
        print(bytes);
        return ExitCode::SUCCESS;
    }
    match profile::write_atomically(path, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jitprof: cannot write {}: {e}", path.display());
            ExitCode::from(exit::OUTPUT)
        }
    }
}

pub fn annotate(a: AnnotateArgs) -> ExitCode {
    let p = match load(&a.input.profile) {
        Ok(p) => p,
        Err(c) => return c,
    };
    let opts = annotate::listing::ListingOptions {
        function: a.function,
        hot: a.hot,
        context: a.context,
        min_percent: a.min_percent,
        color: !a.json && use_color(a.color),
    };
    let out = if a.json {
        annotate::listing::render_json(&p, &opts).map(|v| {
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s
        })
    } else {
        annotate::listing::render(&p, &opts)
    };
    match out {
        Ok(text) => {
            print(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("jitprof: {msg}");
            ExitCode::from(exit::INPUT)
        }
    }
}

pub fn flamegraph(a: FlamegraphArgs) -> ExitCode {
    let p = match load(&a.input.profile) {
        Ok(p) => p,
        Err(c) => return c,
    };
    let opts = annotate::flame::FlameOptions {
        weight: weight(a.kind),
        inverted: a.inverted,
    };
    match annotate::flame::svg(&p, &opts) {
        Ok(svg) => write_output(&a.output, &svg),
        Err(msg) => {
            eprintln!("jitprof: {msg}");
            ExitCode::from(exit::INPUT)
        }
    }
}

pub fn export(a: ExportArgs) -> ExitCode {
    let p = match load(&a.input.profile) {
        Ok(p) => p,
        Err(c) => return c,
    };
    let bytes = match a.format {
        ExportFormat::Pstats => {
            if a.output.as_os_str() == "-" && std::io::stdout().is_terminal() {
                eprintln!(
                    "jitprof: pstats is a binary format; choose a file with -o (e.g. -o prog.prof)"
                );
                return ExitCode::from(exit::INPUT);
            }
            annotate::export::pstats(&p)
        }
        ExportFormat::Folded => annotate::export::folded(&p, weight(a.kind)).into_bytes(),
        ExportFormat::Speedscope => annotate::export::speedscope(&p).into_bytes(),
        ExportFormat::Callgrind => annotate::export::callgrind(&p).into_bytes(),
    };
    write_output(&a.output, &bytes)
}

pub fn tui(a: TuiArgs) -> ExitCode {
    let p = match load(&a.input.profile) {
        Ok(p) => p,
        Err(c) => return c,
    };
    if !std::io::stdout().is_terminal() {
        eprintln!("jitprof: tui needs a terminal (use `jitprof annotate` for text output)");
        return ExitCode::from(exit::INPUT);
    }
    match tui::run(p, &a.input.profile) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jitprof: tui: {e}");
            ExitCode::from(exit::OUTPUT)
        }
    }
}
