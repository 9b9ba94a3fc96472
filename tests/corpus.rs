//! Golden corpus: every program under `testdata/` (except `testdata/bench/`)
//! must produce exactly the expected stdout, stderr and exit status on every
//! engine, and the engines must agree with each other.
//!
//! Layout and conventions are described in `testdata/README.md`. In short, for
//! `testdata/<feature>/NAME.py`:
//!
//! * `NAME.stdout`: expected stdout (required, may be empty);
//! * `NAME.stderr`: expected stderr, compared exactly (including CPython
//!   3.11's `^^^^`/`~~^~~` error-location lines); absent = empty;
//! * `NAME.stderr_prefix`, instead of `NAME.stderr`: the actual stderr must
//!   start with this file's contents minus its final newline;
//! * `NAME.exit`: expected exit status; absent = 0;
//! * a first line `# args: a b c` passes `a b c` as program arguments.
//!
//! Everything except `testdata/jitprof_errors/` is generated from CPython 3.11
//! by `testdata/regen.py`; `regen_check` below fails when those files are stale.
//!
//! Debugging: `JITPROF_CORPUS_FILTER=substring` restricts both tests to the
//! programs whose path (e.g. `testdata/errors/recursion_error.py`) contains it.

mod common;

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// Every program runs once per engine. "off+gcstress" is the interpreter with
/// the collector running at every safepoint and swept objects quarantined
/// (JITPROF_GC_STRESS=1): a missing GC root shows up as a report, not as a
/// rare crash. "eager+gcstress" does the same with every function compiled, so
/// compiled code is checked for values it holds where the collector cannot see.
/// "eager+noreg" compiles everything without register allocation
/// (`--jit-regalloc=off`), the code the register-allocated loops replace.
const ENGINES: [&str; 6] = [
    "off",
    "eager",
    "auto",
    "off+gcstress",
    "eager+gcstress",
    "eager+noreg",
];
/// Engines that record a profile (the rest run with --no-profile).
const RECORDING_ENGINES: [&str; 2] = ["auto", "eager+gcstress"];
/// A run still going after this long is killed and counted as a failure.
const TIMEOUT: Duration = Duration::from_secs(20);
/// Bytes kept per output stream; the rest is drained and dropped so a runaway
/// program cannot exhaust memory (its output is wrong anyway).
const MAX_CAPTURE: usize = 8 << 20;
/// How many failures get a full diff in the report (all are listed in the summary).
const MAX_DETAILED: usize = 40;
/// Lines shown before/after a differing region, and at most per side.
const DIFF_CONTEXT: usize = 2;
const DIFF_MAX_LINES: usize = 12;

const FILTER_VAR: &str = "JITPROF_CORPUS_FILTER";

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `bytes` without the repository's path before the programs' names: the
/// script's path in tracebacks is absolute, as CPython's, and
/// `testdata/regen.py` takes the same prefix out of CPython's stderr.
fn without_root(bytes: Vec<u8>) -> Vec<u8> {
    let root = format!("{}/", repo_root().display());
    let (root, mut out, mut rest) = (root.as_bytes(), Vec::new(), &bytes[..]);
    while let Some(i) = rest.windows(root.len()).position(|w| w == root) {
        out.extend_from_slice(&rest[..i]);
        rest = &rest[i + root.len()..];
    }
    out.extend_from_slice(rest);
    out
}

fn filter() -> Option<String> {
    std::env::var(FILTER_VAR).ok().filter(|f| !f.is_empty())
}

// ---------------------------------------------------------------------------
// Discovery and expectations

enum StderrExpectation {
    /// Compared exactly.
    Exact(Vec<u8>),
    /// The actual stderr must start with these bytes.
    Prefix(Vec<u8>),
}

struct Expected {
    stdout: Vec<u8>,
    stderr: StderrExpectation,
    exit: i32,
}

struct Program {
    /// Path relative to the repository root, with `/` separators; this is also
    /// the path passed to jitprof, so traceback paths match CPython's.
    rel: String,
    args: Vec<String>,
    /// `Err` when the expected files themselves are missing or malformed.
    expected: Result<Expected, String>,
}

/// All programs under testdata/<dir>/... except testdata/bench/, sorted.
/// Files directly inside testdata/ (like regen.py) are not programs.
fn discover() -> Vec<String> {
    let testdata = repo_root().join("testdata");
    let mut found = Vec::new();
    let entries = fs::read_dir(&testdata)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", testdata.display()));
    for entry in entries {
        let path = entry.expect("reading testdata/").path();
        if path.is_dir() && path.file_name().is_some_and(|n| n != "bench") {
            collect_py(&path, &mut found);
        }
    }
    let mut rel: Vec<String> = found
        .iter()
        .map(|p| {
            let r = p
                .strip_prefix(repo_root())
                .expect("program under the repository root");
            r.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    rel.sort();
    rel
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("reading a testdata directory").path();
        // Helper modules for import tests (NAME_lib/ and NAME_lib.py) are not programs.
        if path
            .file_stem()
            .is_some_and(|n| n.to_string_lossy().ends_with("_lib"))
        {
            continue;
        }
        if path.is_dir() {
            collect_py(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// Arguments from a first line `# args: a b c` (whitespace-separated, no
/// quoting), exactly as testdata/regen.py reads them.
fn program_args(source: &[u8]) -> Vec<String> {
    let first = source.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let first = String::from_utf8_lossy(first);
    match first.trim().strip_prefix("# args:") {
        Some(rest) => rest.split_whitespace().map(str::to_owned).collect(),
        None => Vec::new(),
    }
}

fn load_program(rel: &str) -> Program {
    let path = repo_root().join(rel);
    let source = fs::read(&path).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"));
    Program {
        rel: rel.to_owned(),
        args: program_args(&source),
        expected: load_expected(rel),
    }
}

fn load_expected(rel: &str) -> Result<Expected, String> {
    let stem = rel.strip_suffix(".py").expect(".py path");
    let read = |suffix: &str| -> Result<Option<Vec<u8>>, String> {
        match fs::read(repo_root().join(format!("{stem}{suffix}"))) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("cannot read {stem}{suffix}: {e}")),
        }
    };
    let regen_hint =
        "run `python3 testdata/regen.py` (or write it by hand under testdata/jitprof_errors/)";
    let stdout = read(".stdout")?.ok_or_else(|| format!("missing {stem}.stdout; {regen_hint}"))?;
    let stderr = match (read(".stderr")?, read(".stderr_prefix")?) {
        (Some(_), Some(_)) => {
            return Err(format!(
                "both {stem}.stderr and {stem}.stderr_prefix exist; keep one"
            ))
        }
        (Some(exact), None) => StderrExpectation::Exact(exact),
        (None, Some(mut prefix)) => {
            if prefix.last() == Some(&b'\n') {
                prefix.pop();
            }
            StderrExpectation::Prefix(prefix)
        }
        (None, None) => StderrExpectation::Exact(Vec::new()),
    };
    let exit = match read(".exit")? {
        None => 0,
        Some(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            text.trim().parse().map_err(|_| {
                format!(
                    "{stem}.exit should hold one integer, found {:?}",
                    text.trim()
                )
            })?
        }
    };
    Ok(Expected {
        stdout,
        stderr,
        exit,
    })
}

// ---------------------------------------------------------------------------
// Running

#[derive(Clone, PartialEq, Eq)]
enum Status {
    Exited(i32),
    Signaled(i32),
    TimedOut,
    SpawnFailed(String),
}

impl Status {
    fn describe(&self) -> String {
        match self {
            Status::Exited(code) => format!("exit status {code}"),
            Status::Signaled(sig) => format!("killed by signal {sig}"),
            Status::TimedOut => format!("timed out after {} s (killed)", TIMEOUT.as_secs()),
            Status::SpawnFailed(e) => format!("could not start jitprof: {e}"),
        }
    }
}

struct RunOutput {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Status,
    /// `--jit-stats` of an eager run: what the JIT compiled and refused.
    jit_stats: Option<String>,
    /// For recording engines: the profile loaded (the main module's call
    /// count), or why it did not load.
    profile: Option<Result<u64, String>>,
}

fn status_of(status: ExitStatus) -> Status {
    if let Some(code) = status.code() {
        return Status::Exited(code);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return Status::Signaled(sig);
        }
    }
    Status::Exited(-1)
}

/// Reads a pipe to its end on a separate thread, keeping at most MAX_CAPTURE bytes.
fn spawn_reader<R: Read + Send + 'static>(mut pipe: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 64 * 1024];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = MAX_CAPTURE.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        kept
    })
}

fn run(program: &Program, engine: &str) -> RunOutput {
    let (mode, stress) = match engine.split_once('+') {
        Some((m, "noreg")) => (m, "0"),
        // The classic benchmark programs allocate millions of objects: a
        // collection after every allocation would take hours, so they collect
        // after every 100.
        Some((m, _)) if program.rel.starts_with("testdata/classic/") => (m, "100"),
        Some((m, _)) => (m, "1"),
        None => (engine, "0"),
    };
    // The plain eager run also reports what it compiled, so the test can show
    // the JIT really ran the corpus rather than falling back to the interpreter.
    let stats_file = (engine == "eager").then(|| {
        static SEQ: AtomicUsize = AtomicUsize::new(0);
        common::scratch(
            "corpus",
            &format!("-{}.json", SEQ.fetch_add(1, Ordering::Relaxed)),
        )
    });
    // Two engines record a profile (tiered, and eager under GC stress, where
    // the recorder's hooks meet the collector most often); the others run
    // with --no-profile. Recording must not change the program's output, and
    // the profile must load.
    let profile_file = RECORDING_ENGINES.contains(&engine).then(|| {
        static SEQ: AtomicUsize = AtomicUsize::new(0);
        common::scratch(
            "corpus-profile",
            &format!("-{}.json", SEQ.fetch_add(1, Ordering::Relaxed)),
        )
    });
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jitprof"));
    cmd.env("JITPROF_GC_STRESS", stress)
        .arg("run")
        .arg(format!("--jit={mode}"));
    if engine.ends_with("+noreg") {
        cmd.arg("--jit-regalloc=off");
    }
    if let Some(f) = &stats_file {
        cmd.arg("--jit-stats").arg(f);
    }
    match &profile_file {
        Some(f) => cmd.arg("-q").arg("-o").arg(f),
        None => cmd.arg("--no-profile"),
    };
    let spawned = cmd
        .arg(&program.rel)
        .args(&program.args)
        .current_dir(repo_root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            return RunOutput {
                stdout: Vec::new(),
                stderr: Vec::new(),
                status: Status::SpawnFailed(e.to_string()),
                jit_stats: None,
                profile: None,
            }
        }
    };
    let stdout = spawn_reader(child.stdout.take().expect("piped stdout"));
    let stderr = spawn_reader(child.stderr.take().expect("piped stderr"));

    let deadline = Instant::now() + TIMEOUT;
    let mut nap = Duration::from_millis(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status_of(status),
            Ok(None) => {}
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                break Status::SpawnFailed(format!("waiting for jitprof failed: {e}"));
            }
        }
        let now = Instant::now();
        if now >= deadline {
            // A hang is a failure, not a stuck test run.
            let _ = child.kill();
            let _ = child.wait();
            break Status::TimedOut;
        }
        thread::sleep(nap.min(deadline - now));
        nap = (nap * 2).min(Duration::from_millis(25));
    };
    let jit_stats = stats_file.and_then(|f| {
        let text = fs::read_to_string(&f).ok();
        let _ = fs::remove_file(&f);
        text
    });
    let profile = profile_file.map(|f| {
        let loaded = profile::load(&f)
            .map_err(|e| e.to_string())
            .and_then(|p| readers_accept(&f).map(|()| p));
        let _ = fs::remove_file(&f);
        loaded.map(|p| {
            p.functions
                .iter()
                .find(|f| f.name == "<module>")
                .map_or(0, |m| m.calls)
        })
    });
    RunOutput {
        stdout: stdout.join().unwrap_or_default(),
        stderr: without_root(stderr.join().unwrap_or_default()),
        status,
        jit_stats,
        profile,
    }
}

/// Every verb that reads a profile, on this real one: each must succeed,
/// or refuse cleanly (a flamegraph of a run too short to have samples), and
/// never crash (101: Rust panic; 70: jitprof's internal error).
fn readers_accept(profile: &std::path::Path) -> Result<(), String> {
    let p = profile.to_str().unwrap_or_default();
    let runs: [&[&str]; 7] = [
        &["annotate", p],
        &["annotate", "--json", "--hot", p],
        &["export", "--format", "pstats", "-o", "-", p],
        &["export", "--format", "folded", "--kind", "allocations", p],
        &["export", "--format", "speedscope", p],
        &["export", "--format", "callgrind", p],
        &["flamegraph", "--kind", "allocations", "-o", "-", p],
    ];
    for args in runs {
        let out = Command::new(env!("CARGO_BIN_EXE_jitprof"))
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| e.to_string())?;
        let code = out.status.code();
        let clean_refusal = code == Some(2) && !out.stderr.is_empty();
        if !(out.status.success() || clean_refusal) {
            return Err(format!(
                "`jitprof {}` exited {code:?}: {}",
                args[..args.len() - 1].join(" "),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    Ok(())
}

/// What is wrong with a recording run's profile: missing or unreadable, or
/// without the main module's one call.
fn check_profile(out: &RunOutput) -> Option<String> {
    // A program that does not compile (exit 2) never runs: no profile.
    if matches!(out.status, Status::Exited(2)) {
        return None;
    }
    match out.profile.as_ref()? {
        Err(e) => Some(format!("    {e}\n")),
        Ok(0) => Some("    the profile has no call of <module>\n".into()),
        Ok(_) => None,
    }
}

/// What is wrong with an eager run's JIT statistics: nothing compiled, or any
/// code refused (the corpus is far below the code-memory limit, the one
/// reason the JIT refuses code).
fn check_compiled(out: &RunOutput) -> Option<String> {
    // A program stopped by a fatal error (unsupported module) may end before
    // the stats are written; its output is checked elsewhere.
    // A program that does not compile (exit 2) never reaches the JIT.
    if matches!(out.status, Status::Exited(2)) {
        return None;
    }
    let text = out.jit_stats.as_ref()?;
    let stats: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Some(format!("    --jit-stats is not JSON: {e}\n")),
    };
    let compiled = stats["compiled"].as_array().map_or(0, |a| a.len());
    if compiled == 0 || stats["code_bytes"].as_u64().unwrap_or(0) == 0 {
        return Some("    --jit=eager compiled nothing\n".into());
    }
    let mut problems = String::new();
    for n in stats["not_compiled"].as_array().into_iter().flatten() {
        let reason = n["reason"].as_str().unwrap_or("");
        problems += &format!(
            "    {} (line {}) not compiled: {reason}\n",
            n["function"], n["line"]
        );
    }
    (!problems.is_empty()).then_some(problems)
}

// ---------------------------------------------------------------------------
// Comparing

/// A short unified-ish diff: the common head and tail are skipped, the
/// differing middle is shown with a little context, capped in length.
fn short_diff(expected: &[u8], actual: &[u8]) -> String {
    let exp_text = String::from_utf8_lossy(expected);
    let act_text = String::from_utf8_lossy(actual);
    let exp: Vec<&str> = exp_text.split_inclusive('\n').collect();
    let act: Vec<&str> = act_text.split_inclusive('\n').collect();
    let head = exp.iter().zip(&act).take_while(|(a, b)| a == b).count();
    let tail = exp[head..]
        .iter()
        .rev()
        .zip(act[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (exp_mid, act_mid) = (&exp[head..exp.len() - tail], &act[head..act.len() - tail]);

    // Lines are shown as-is except that control characters (tabs, carriage
    // returns, ...) are escaped, and a missing final newline is called out.
    let show = |line: &str| -> String {
        let (body, note) = match line.strip_suffix('\n') {
            Some(body) => (body, ""),
            None => (line, "    <- no newline at end"),
        };
        let mut shown = String::new();
        for c in body.chars() {
            if c.is_control() {
                shown.extend(c.escape_debug());
            } else {
                shown.push(c);
            }
        }
        shown + note
    };
    let mut out = format!(
        "    @@ first difference at line {} (expected {} line(s), got {}) @@\n",
        head + 1,
        exp.len(),
        act.len()
    );
    for line in &exp[head.saturating_sub(DIFF_CONTEXT)..head] {
        out += &format!("      {}\n", show(line));
    }
    for (sign, lines) in [("-", exp_mid), ("+", act_mid)] {
        for line in lines.iter().take(DIFF_MAX_LINES) {
            out += &format!("    {sign} {}\n", show(line));
        }
        if lines.len() > DIFF_MAX_LINES {
            out += &format!(
                "    {sign} ... {} more line(s)\n",
                lines.len() - DIFF_MAX_LINES
            );
        }
    }
    for line in exp[exp.len() - tail..].iter().take(DIFF_CONTEXT) {
        out += &format!("      {}\n", show(line));
    }
    out
}

fn head_lines(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for line in text.lines().take(n) {
        out += &format!("      | {line}\n");
    }
    out
}

fn tail_lines(bytes: &[u8], n: usize) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    for line in &lines[lines.len().saturating_sub(n)..] {
        out += &format!("      | {line}\n");
    }
    out
}

struct Failure {
    program: String,
    /// `--jit=eager`, or `--jit=eager vs --jit=off` for disagreements.
    engine: String,
    /// Which streams differ, e.g. "stdout, exit status".
    what: String,
    details: String,
}

/// Compares one run with the expected files; returns (which differ, details).
fn check_run(expected: &Expected, out: &RunOutput) -> Option<(Vec<&'static str>, String)> {
    if let Status::SpawnFailed(_) | Status::TimedOut | Status::Signaled(_) = out.status {
        let mut details = format!("    {}\n", out.status.describe());
        if !out.stdout.is_empty() {
            details += &format!("    last stdout lines:\n{}", tail_lines(&out.stdout, 5));
        }
        if !out.stderr.is_empty() {
            details += &format!("    last stderr lines:\n{}", tail_lines(&out.stderr, 10));
        }
        let what = match out.status {
            Status::TimedOut => "timeout",
            Status::Signaled(_) => "crash",
            _ => "spawn",
        };
        return Some((vec![what], details));
    }
    let mut what = Vec::new();
    let mut details = String::new();
    if out.stdout != expected.stdout {
        what.push("stdout");
        details += &format!(
            "    stdout differs:\n{}",
            short_diff(&expected.stdout, &out.stdout)
        );
    }
    match &expected.stderr {
        StderrExpectation::Exact(exp) => {
            if *exp != out.stderr {
                what.push("stderr");
                details += &format!("    stderr differs:\n{}", short_diff(exp, &out.stderr));
            }
        }
        StderrExpectation::Prefix(prefix) => {
            if !out.stderr.starts_with(prefix) {
                what.push("stderr");
                details += &format!(
                    "    stderr should start with {:?}\n",
                    String::from_utf8_lossy(prefix)
                );
                if out.stderr.is_empty() {
                    details += "    but stderr is empty\n";
                } else {
                    details += &format!("    but it starts with:\n{}", head_lines(&out.stderr, 5));
                }
            }
        }
    }
    if out.status != Status::Exited(expected.exit) {
        what.push("exit status");
        details += &format!(
            "    exit status: expected {}, got {}\n",
            expected.exit,
            out.status.describe()
        );
        if !what.contains(&"stderr") && !out.stderr.is_empty() {
            details += &format!("    last stderr lines:\n{}", tail_lines(&out.stderr, 10));
        }
    }
    if what.is_empty() {
        None
    } else {
        Some((what, details))
    }
}

/// Engines must agree with each other; compares `other` against the reference run.
fn check_agreement(
    reference: &RunOutput,
    other: &RunOutput,
) -> Option<(Vec<&'static str>, String)> {
    let mut what = Vec::new();
    let mut details = String::new();
    if reference.stdout != other.stdout {
        what.push("stdout");
        details += &format!(
            "    stdout differs:\n{}",
            short_diff(&reference.stdout, &other.stdout)
        );
    }
    if reference.stderr != other.stderr {
        what.push("stderr");
        details += &format!(
            "    stderr differs:\n{}",
            short_diff(&reference.stderr, &other.stderr)
        );
    }
    if reference.status != other.status {
        what.push("exit status");
        details += &format!(
            "    {} vs {}\n",
            reference.status.describe(),
            other.status.describe()
        );
    }
    if what.is_empty() {
        None
    } else {
        Some((what, details))
    }
}

fn engine_flag(engine: &str) -> String {
    match engine.split_once('+') {
        Some((m, "noreg")) => format!("--jit={m} --jit-regalloc=off"),
        Some((m, extra)) => format!("--jit={m} ({extra})"),
        None => format!("--jit={engine}"),
    }
}

#[test]
fn corpus_matches_cpython_on_every_engine() {
    let started = Instant::now();
    let filter = filter();
    let all = discover();
    assert!(
        !all.is_empty(),
        "no programs found under {}/testdata",
        repo_root().display()
    );
    let selected: Vec<String> = match &filter {
        Some(f) => all.into_iter().filter(|p| p.contains(f.as_str())).collect(),
        None => all,
    };
    assert!(
        !selected.is_empty(),
        "{FILTER_VAR}={:?} matches no program under testdata/",
        filter.unwrap_or_default()
    );
    let programs: Vec<Program> = selected.iter().map(|rel| load_program(rel)).collect();

    // One job per (program, engine); programs with broken expectations are not run.
    let jobs: Vec<(usize, usize)> = programs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.expected.is_ok())
        .flat_map(|(pi, _)| (0..ENGINES.len()).map(move |ei| (pi, ei)))
        .collect();
    let results: Vec<Mutex<Option<RunOutput>>> = (0..programs.len() * ENGINES.len())
        .map(|_| Mutex::new(None))
        .collect();
    let next = AtomicUsize::new(0);
    let workers = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().max(1));
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(pi, ei)) = jobs.get(i) else { break };
                let out = run(&programs[pi], ENGINES[ei]);
                *results[pi * ENGINES.len() + ei].lock().unwrap() = Some(out);
            });
        }
    });
    let results: Vec<Option<RunOutput>> = results
        .into_iter()
        .map(|m| m.into_inner().unwrap())
        .collect();

    let mut failures = Vec::new();
    for (pi, program) in programs.iter().enumerate() {
        let expected = match &program.expected {
            Ok(expected) => expected,
            Err(problem) => {
                failures.push(Failure {
                    program: program.rel.clone(),
                    engine: "-".into(),
                    what: "expected files".into(),
                    details: format!("    {problem}\n"),
                });
                continue;
            }
        };
        let runs: Vec<&RunOutput> = (0..ENGINES.len())
            .map(|ei| {
                results[pi * ENGINES.len() + ei]
                    .as_ref()
                    .expect("every job ran")
            })
            .collect();
        let verdicts: Vec<_> = runs.iter().map(|out| check_run(expected, out)).collect();
        for (ei, verdict) in verdicts.iter().enumerate() {
            if let Some((what, details)) = verdict {
                failures.push(Failure {
                    program: program.rel.clone(),
                    engine: engine_flag(ENGINES[ei]),
                    what: what.join(", "),
                    details: details.clone(),
                });
            }
        }
        let eager = ENGINES
            .iter()
            .position(|e| *e == "eager")
            .expect("eager engine");
        if let Some(details) = check_compiled(runs[eager]) {
            failures.push(Failure {
                program: program.rel.clone(),
                engine: engine_flag("eager"),
                what: "JIT did not compile the program".into(),
                details,
            });
        }
        for (ei, out) in runs.iter().enumerate() {
            if let Some(details) = check_profile(out) {
                failures.push(Failure {
                    program: program.rel.clone(),
                    engine: engine_flag(ENGINES[ei]),
                    what: "profile not written or unreadable".into(),
                    details,
                });
            }
        }
        // The engines must also agree with each other (this matters where the
        // expectation is only a prefix, or where several engines are wrong).
        // When exactly one of the pair matches the expected files the
        // disagreement is already reported above, so it is not repeated.
        for ei in 1..ENGINES.len() {
            if verdicts[0].is_some() != verdicts[ei].is_some() {
                continue;
            }
            if let Some((what, details)) = check_agreement(runs[0], runs[ei]) {
                failures.push(Failure {
                    program: program.rel.clone(),
                    engine: format!(
                        "{} vs {}",
                        engine_flag(ENGINES[ei]),
                        engine_flag(ENGINES[0])
                    ),
                    what: format!("engines disagree on {}", what.join(", ")),
                    details,
                });
            }
        }
    }

    let elapsed = started.elapsed().as_secs_f64();
    let runs = jobs.len();
    if failures.is_empty() {
        eprintln!(
            "corpus: {} program(s) x {} engines = {runs} runs, all match ({elapsed:.1} s)",
            programs.len(),
            ENGINES.len()
        );
        return;
    }

    let failing_programs = {
        let mut names: Vec<&str> = failures.iter().map(|f| f.program.as_str()).collect();
        names.dedup();
        names.len()
    };
    let mut report = format!(
        "\ncorpus: {} failure(s) in {failing_programs} of {} program(s) ({runs} runs on engines {}; {elapsed:.1} s)\n",
        failures.len(),
        programs.len(),
        ENGINES.map(engine_flag).join(", "),
    );
    if let Some(f) = &filter {
        report += &format!("(restricted by {FILTER_VAR}={f:?})\n");
    }
    report += "\nsummary:\n";
    let width = failures.iter().map(|f| f.program.len()).max().unwrap_or(0);
    for f in &failures {
        report += &format!("  {:<width$}  [{}] {}\n", f.program, f.engine, f.what);
    }
    report += "\ndetails:\n";
    for f in failures.iter().take(MAX_DETAILED) {
        report += &format!(
            "\n--- {} [{}]: {}\n{}",
            f.program, f.engine, f.what, f.details
        );
    }
    if failures.len() > MAX_DETAILED {
        report += &format!(
            "\n... details of {} more failure(s) omitted; narrow the run with {FILTER_VAR}=<path substring>\n",
            failures.len() - MAX_DETAILED
        );
    }
    report += "\nexpected files: testdata/README.md explains the conventions; \
               `python3 testdata/regen.py` regenerates CPython's output.\n";
    panic!("{report}");
}

#[test]
fn regen_check() {
    let mut cmd = Command::new("python3");
    cmd.arg("testdata/regen.py").arg("--check");
    if let Some(f) = filter() {
        cmd.arg(f);
    }
    let output = match cmd.current_dir(repo_root()).stdin(Stdio::null()).output() {
        Ok(output) => output,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            eprintln!("note: python3 not found; skipping the expected-file freshness check");
            return;
        }
        Err(e) => panic!("cannot run python3 testdata/regen.py --check: {e}"),
    };
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    match output.status.code() {
        Some(0) => {}
        // regen.py's "no CPython 3.11 available": the expected output is 3.11's.
        Some(3) => eprintln!("note: skipping the expected-file freshness check:\n{text}"),
        _ => panic!(
            "expected files are out of date or regen.py failed ({}):\n{text}\n\
             fix: python3 testdata/regen.py (from the repository root)",
            output.status
        ),
    }
}
