//! `jitprof run`'s recording session: start the recorder before the program,
//! and afterwards write the profile (atomically, whatever way the program
//! ended) and the short summary on stderr.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{ProfileArgs, TimingArg};
use jit::interp::vm::{RunOutcome, Vm};
use jit::recorder::build::{Built, RunInfo};
use jit::recorder::RecorderOptions;

/// What to record and where to write it.
#[derive(Clone, Debug)]
pub struct Settings {
    /// None: record, but write neither profile nor summary (`disasm --recording`).
    pub output: Option<PathBuf>,
    pub sample_rate_hz: u32,
    pub timing: profile::Timing,
    pub quiet: bool,
}

impl From<&ProfileArgs> for Settings {
    fn from(a: &ProfileArgs) -> Settings {
        Settings {
            output: Some(a.output.clone()),
            sample_rate_hz: a.sample_rate,
            timing: match a.timing {
                TimingArg::Sampled => profile::Timing::Sampled,
                TimingArg::Exact => profile::Timing::Exact,
            },
            quiet: a.quiet,
        }
    }
}

impl Settings {
    /// Record at the default rate and write nothing.
    pub fn discarded() -> Settings {
        Settings {
            output: None,
            sample_rate_hz: crate::cli::DEFAULT_SAMPLE_RATE_HZ,
            timing: profile::Timing::Sampled,
            quiet: true,
        }
    }
}

/// Announcing compiled code to Linux perf.
#[derive(Clone, Copy, Debug, Default)]
pub struct PerfSettings {
    pub map: bool,
    pub jitdump: bool,
}

impl From<&ProfileArgs> for PerfSettings {
    fn from(a: &ProfileArgs) -> PerfSettings {
        PerfSettings {
            map: a.perf_map,
            jitdump: a.perf_jitdump,
        }
    }
}

pub struct Session {
    settings: Option<Settings>,
    argv: Vec<String>,
    started_unix_ms: u64,
}

impl Session {
    pub fn start(
        vm: &mut Vm,
        settings: Option<Settings>,
        perf: PerfSettings,
        argv: &[String],
    ) -> Session {
        if perf.map || perf.jitdump {
            match jit::jit::perf::PerfSink::new(perf.map, perf.jitdump) {
                Ok(sink) => vm.jit.perf = Some(sink),
                Err(e) => eprintln!("jitprof: cannot write perf files: {e}"),
            }
        }
        if let Some(s) = &settings {
            vm.start_recording(RecorderOptions {
                sample_rate_hz: s.sample_rate_hz,
                timing: s.timing,
            });
        }
        let started_unix_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0);
        Session {
            settings,
            argv: argv.to_vec(),
            started_unix_ms,
        }
    }

    /// After the run: write the profile and the summary. The program's exit
    /// status is not changed by a failure here (it is reported on stderr).
    pub fn finish(self, vm: &mut Vm, outcome: &RunOutcome) {
        if let Some(sink) = vm.jit.perf.as_mut() {
            if let Err(e) = sink.finish() {
                eprintln!("jitprof: cannot finish perf files: {e}");
            }
        }
        let Some(s) = self.settings else { return };
        let Some(output) = &s.output else { return };
        let exit_code = match outcome {
            RunOutcome::Exit(c) => *c,
            RunOutcome::Uncaught(c) => *c as i32,
            // The program never ran: nothing to profile.
            RunOutcome::CompileError(_) => return,
        };
        let (end, exception) = vm
            .run_end
            .clone()
            .unwrap_or((profile::RunEnd::Normal, None));
        let info = RunInfo {
            program: self.argv.first().cloned().unwrap_or_default(),
            argv: self.argv.clone(),
            cwd: std::env::current_dir()
                .map(|d| d.display().to_string())
                .unwrap_or_default(),
            started_unix_ms: self.started_unix_ms,
            end,
            exit_code,
            exception,
        };
        let Some(built) = jit::recorder::build::build(vm, info) else {
            return;
        };
        Self::write(output, s.quiet, &built);
        // The process ends with the VM's thread: the profile's thousands of
        // strings are left to the OS like the VM's objects (freeing them
        // cost raytrace's quick run 0.2M instructions, callgrind).
        std::mem::forget(built.profile);
    }

    /// Write the profile and the summary.
    fn write(output: &Path, quiet: bool, built: &Built) {
        let profile = &built.profile;
        let text = |f, pc, out: &mut String| built.instr_text(f, pc, out);
        let deferred = profile::Deferred {
            code: &built.code,
            text: Some(&text),
        };
        if let Err(e) = profile::save_deferred(profile, &deferred, output) {
            eprintln!(
                "jitprof: cannot write the profile to {}: {e}",
                output.display()
            );
            return;
        }
        if !quiet {
            let color = std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            eprint!("{}", annotate::summary::render(profile, output, color));
        }
    }
}
