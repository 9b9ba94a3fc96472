//! The export verbs (`export`, `flamegraph`, `annotate`) on profiles recorded
//! by a real `jitprof run`, checked with the tools that consume the formats
//! (Python's pstats, valgrind's callgrind_annotate) where they are installed.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A fresh directory for one test, removed when the test ends.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = common::scratch("exports", &format!("-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    /// Runs jitprof in this directory.
    fn jitprof(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_jitprof"))
            .args(args)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .output()
            .expect("run jitprof")
    }

    /// Writes `prog.py`, records it to `p.json` and returns that path.
    fn record(&self, source: &str) -> PathBuf {
        self.record_with(source, &[])
    }

    /// `record`, with extra `jitprof run` flags.
    fn record_with(&self, source: &str, extra: &[&str]) -> PathBuf {
        self.write("prog.py", source);
        let mut args = vec!["run", "-q", "-o", "p.json"];
        args.extend_from_slice(extra);
        args.push("prog.py");
        let o = self.jitprof(&args);
        assert_ok(&o, "jitprof run");
        let p = self.path("p.json");
        assert!(p.is_file(), "jitprof run wrote no profile");
        p
    }

    /// Runs an export verb that must succeed and returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let o = self.jitprof(args);
        assert_ok(&o, &format!("jitprof {}", args.join(" ")));
        String::from_utf8(o.stdout).expect("stdout is UTF-8")
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name))
            .unwrap_or_else(|e| panic!("read {}: {e}", self.path(name).display()))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn assert_ok(o: &Output, what: &str) {
    assert!(
        o.status.success(),
        "{what} failed with {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        stderr(o)
    );
}

fn assert_no_panic(o: &Output, what: &str) {
    let err = stderr(o);
    assert_ne!(o.status.code(), Some(101), "{what} panicked: {err}");
    assert_ne!(o.status.code(), Some(70), "{what}: internal error: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("internal error"),
        "{what} panicked: {err}"
    );
}

/// Whether `prog` can be started (`prog --version` runs at all).
fn have(prog: &str) -> bool {
    Command::new(prog)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

fn load(path: &Path) -> profile::Profile {
    profile::load(path).unwrap_or_else(|e| panic!("load {}: {e}", path.display()))
}

const FIB: &str = "\
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
fib(20)
";

/// A program that runs long enough (a few tenths of a second) to be sampled,
/// its time spent in `spin_inner`, called from `drive_outer`.
const HOT: &str = "\
def spin_inner(n):
    total = 0
    for i in range(n):
        total += (i * 3 + 1) % 7
    return total


def drive_outer():
    return spin_inner(10000000)


print(drive_outer())
";

/// A program whose allocations are lists made in a loop in `make_lists`.
const ALLOC: &str = "\
def make_lists(n):
    out = []
    for i in range(n):
        out.append([i, i + 1, i + 2])
    return out


for _ in range(20):
    make_lists(10000)
";

// --------------------------------------------------------------------------
// pstats

const PSTATS_CHECK: &str = r#"
import pstats, sys
s = pstats.Stats('p.prof')
stats = s.stats
fibs = [k for k in stats if k[2] == 'fib']
assert len(fibs) == 1, ('fib entries', list(stats))
fib = fibs[0]
cc, nc, tt, ct, callers = stats[fib]
assert nc == 21891, ('fib calls', nc)
assert cc == 1, ('fib primitive calls', cc)
assert fib in callers, ('fib does not call itself', callers)
assert any(c[2] == '<module>' for c in callers), ('no <module> caller', callers)
# The calls from each caller add up to the calls (cProfile's caller tuples
# are (calls, primitive calls, tt, ct)).
assert sum(v[0] if isinstance(v, tuple) else v for v in callers.values()) == nc, callers
assert callers[fib][0] == nc - 1, callers
for key, (cc, nc, tt, ct, callers) in stats.items():
    assert cc <= nc, (key, cc, nc)
    assert tt >= 0, (key, tt)
    assert ct + 1e-9 >= tt, ('cumulative < self', key, tt, ct)
    for c in callers:
        assert c in stats, ('caller is not an entry', key, c)
assert s.total_tt > 0, ('total time', s.total_tt)
assert s.total_calls >= 21891, s.total_calls
print('pstats-ok')
"#;

#[test]
fn pstats_export_reads_in_python() {
    if !have("python3") {
        eprintln!("note: python3 not found; skipping the pstats check");
        return;
    }
    let s = Scratch::new("pstats");
    // The check wants non-zero times: fib(20) is over before the default
    // sampled timing may have taken a sample, so measure every call.
    s.record_with(FIB, &["--timing", "exact"]);
    let out = s.ok(&["export", "p.json", "--format", "pstats", "-o", "p.prof"]);
    assert!(out.is_empty(), "export -o also wrote to stdout: {out}");
    assert!(s.path("p.prof").is_file());

    let o = Command::new("python3")
        .args(["-c", PSTATS_CHECK])
        .current_dir(&s.dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_ok(&o, "python3 pstats check");
    assert!(String::from_utf8_lossy(&o.stdout).contains("pstats-ok"));

    // The interactive browser reads it too.
    let mut child = Command::new("python3")
        .args(["-m", "pstats", "p.prof"])
        .current_dir(&s.dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"stats\nquit\n").unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_ok(&o, "python3 -m pstats");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("(fib)"), "{text}");
    assert!(text.contains("21891/1"), "{text}");
}

// --------------------------------------------------------------------------
// folded

/// Parses folded lines into (frames, count), checking their form.
fn parse_folded(text: &str) -> Vec<(Vec<String>, u64)> {
    text.lines()
        .map(|line| {
            let (frames, count) = line
                .rsplit_once(' ')
                .unwrap_or_else(|| panic!("folded line without a count: {line:?}"));
            let count: u64 = count
                .parse()
                .unwrap_or_else(|_| panic!("folded count is not a number: {line:?}"));
            assert!(count > 0, "zero count: {line:?}");
            let frames: Vec<String> = frames.split(';').map(str::to_string).collect();
            assert!(
                frames.iter().all(|f| !f.trim().is_empty()),
                "empty frame in {line:?}"
            );
            (frames, count)
        })
        .collect()
}

#[test]
fn folded_time_counts_add_up_to_the_samples() {
    let s = Scratch::new("folded");
    let p = s.record(HOT);
    let prof = load(&p);
    assert!(
        prof.samples.total > 0,
        "the hot program took no samples; make it longer"
    );

    let text = s.ok(&["export", "p.json", "--format", "folded"]);
    let lines = parse_folded(&text);
    assert!(!lines.is_empty());
    let sum: u64 = lines.iter().map(|(_, n)| n).sum();
    assert_eq!(sum, prof.samples.total, "folded:\n{text}");
    // The default kind is time, and the same as --kind time.
    let explicit = s.ok(&["export", "p.json", "--format", "folded", "--kind", "time"]);
    assert_eq!(text, explicit);
    // Lines are distinct stacks.
    let mut stacks: Vec<&Vec<String>> = lines.iter().map(|(f, _)| f).collect();
    stacks.dedup();
    assert_eq!(stacks.len(), lines.len(), "repeated stacks:\n{text}");
    // The hot function is a leaf, called from its caller.
    assert!(
        lines.iter().any(|(f, _)| {
            f.last().unwrap().starts_with("spin_inner")
                && f.iter().any(|x| x.starts_with("drive_outer"))
        }),
        "no drive_outer;spin_inner stack:\n{text}"
    );

    // -o writes the same text to a file.
    let out = s.ok(&["export", "p.json", "--format", "folded", "-o", "f.txt"]);
    assert!(out.is_empty());
    assert_eq!(s.read("f.txt"), text);
}

#[test]
fn folded_allocations_count_bytes() {
    let s = Scratch::new("folded-alloc");
    let p = s.record(ALLOC);
    let prof = load(&p);
    let text = s.ok(&[
        "export",
        "p.json",
        "--format",
        "folded",
        "--kind",
        "allocations",
    ]);
    let lines = parse_folded(&text);
    let sum: u64 = lines.iter().map(|(_, n)| n).sum();
    let bytes: u64 = prof.allocations.iter().map(|a| a.bytes).sum();
    assert_eq!(sum, bytes, "folded:\n{text}");
    assert!(
        lines
            .iter()
            .any(|(f, _)| f.iter().any(|x| x.starts_with("make_lists"))
                && f.last().unwrap().contains("list")),
        "no list allocation in make_lists:\n{text}"
    );
}

// --------------------------------------------------------------------------
// speedscope

#[test]
fn speedscope_export_is_consistent() {
    let s = Scratch::new("speedscope");
    let p = s.record(HOT);
    let prof = load(&p);
    assert!(prof.samples.total > 0);

    let text = s.ok(&["export", "p.json", "--format", "speedscope"]);
    let doc: Value = serde_json::from_str(&text).expect("speedscope export is JSON");
    assert_eq!(
        doc["$schema"],
        "https://www.speedscope.app/file-format-schema.json"
    );
    let frames = doc["shared"]["frames"].as_array().expect("shared.frames");
    assert!(!frames.is_empty());
    for f in frames {
        assert!(
            f["name"].as_str().is_some_and(|n| !n.is_empty()),
            "frame without a name: {f}"
        );
    }
    let names: Vec<&str> = frames.iter().filter_map(|f| f["name"].as_str()).collect();
    assert!(names.contains(&"spin_inner"), "{names:?}");
    assert!(names.contains(&"drive_outer"), "{names:?}");
    // One frame per function.
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "duplicate frames: {names:?}");

    let profiles = doc["profiles"].as_array().expect("profiles");
    assert_eq!(profiles.len(), 1);
    let active = doc["activeProfileIndex"].as_u64().unwrap_or(0) as usize;
    assert!(active < profiles.len());
    let sp = &profiles[0];
    assert_eq!(sp["type"], "sampled");
    assert_eq!(sp["unit"], "nanoseconds");
    let samples = sp["samples"].as_array().expect("samples");
    let weights = sp["weights"].as_array().expect("weights");
    assert_eq!(samples.len(), weights.len());
    assert!(!samples.is_empty());
    for stack in samples {
        let stack = stack.as_array().expect("a sample is an array");
        assert!(!stack.is_empty(), "empty sample stack");
        for i in stack {
            let i = i.as_u64().expect("frame index") as usize;
            assert!(i < frames.len(), "frame index {i} out of range");
        }
    }
    let sum: u64 = weights
        .iter()
        .map(|w| w.as_u64().expect("integer weight"))
        .sum();
    assert_eq!(sum, prof.samples.total * prof.samples.interval_ns);
    let start = sp["startValue"].as_u64().expect("startValue");
    let end = sp["endValue"].as_u64().expect("endValue");
    assert_eq!(end - start, sum);
}

// --------------------------------------------------------------------------
// callgrind

#[test]
fn callgrind_export_reads_in_callgrind_annotate() {
    let s = Scratch::new("callgrind");
    s.record(HOT);
    let out = s.ok(&["export", "p.json", "--format", "callgrind", "-o", "cg.out"]);
    assert!(out.is_empty());
    let text = s.read("cg.out");
    assert!(text.contains("spin_inner"), "{text}");

    if !have("callgrind_annotate") {
        eprintln!("note: callgrind_annotate (valgrind) not found; skipping its check");
        return;
    }
    let o = Command::new("callgrind_annotate")
        .arg("cg.out")
        .current_dir(&s.dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_ok(&o, "callgrind_annotate");
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(report.contains("spin_inner"), "{report}");
    assert!(report.contains("PROGRAM TOTALS"), "{report}");
    let err = stderr(&o);
    assert!(!err.to_lowercase().contains("warning"), "{err}");
}

// --------------------------------------------------------------------------
// flamegraph

/// The text of the SVG's `<text id="title" ...>` element.
fn svg_title(svg: &str) -> &str {
    let at = svg.find("id=\"title\"").expect("the SVG has a title");
    let rest = &svg[at..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find("</text>").unwrap();
    &rest[open..close]
}

fn assert_svg(svg: &str) {
    assert!(svg.contains("<svg"), "not an SVG");
    assert!(svg.trim_end().ends_with("</svg>"), "SVG is cut short");
}

#[test]
fn flamegraph_names_functions_and_program() {
    let s = Scratch::new("flame");
    s.record(HOT);
    let out = s.ok(&["flamegraph", "p.json", "-o", "f.svg"]);
    assert!(out.is_empty());
    let svg = s.read("f.svg");
    assert_svg(&svg);
    assert!(svg.contains("spin_inner"), "no spin_inner in the SVG");
    assert!(svg.contains("drive_outer"), "no drive_outer in the SVG");
    assert!(
        svg_title(&svg).contains("prog.py"),
        "title: {}",
        svg_title(&svg)
    );

    s.ok(&["flamegraph", "p.json", "-o", "inv.svg", "--inverted"]);
    let inv = s.read("inv.svg");
    assert_svg(&inv);
    assert!(inv.contains("spin_inner"));
    assert_ne!(svg, inv, "--inverted made no difference");
}

#[test]
fn flamegraph_of_allocations() {
    let s = Scratch::new("flame-alloc");
    s.record(ALLOC);
    s.ok(&[
        "flamegraph",
        "p.json",
        "-o",
        "a.svg",
        "--kind",
        "allocations",
    ]);
    let svg = s.read("a.svg");
    assert_svg(&svg);
    assert!(svg.contains("make_lists"), "no make_lists in the SVG");
    assert!(svg.contains("list"));
    assert!(svg.contains("bytes"), "allocations are not in bytes");
    assert!(svg_title(&svg).contains("prog.py"));
}

#[test]
fn flamegraph_of_an_empty_program_is_a_clean_error() {
    let s = Scratch::new("flame-empty");
    // One sample a second: at the default rate a loaded machine (the
    // sampler runs on wall-clock time) could give even `pass` a sample,
    // and the test then failed now and then.
    s.record_with("pass\n", &["--sample-rate", "1"]);
    let o = s.jitprof(&["flamegraph", "p.json", "-o", "e.svg", "--kind", "time"]);
    assert!(!o.status.success(), "flamegraph of no samples succeeded");
    assert_no_panic(&o, "flamegraph");
    assert!(!stderr(&o).trim().is_empty(), "no message on stderr");
    assert!(o.stdout.is_empty());
    assert!(!s.path("e.svg").exists(), "wrote an SVG anyway");
}

// --------------------------------------------------------------------------
// Bad profiles

#[test]
fn bad_profiles_are_exit_3_with_a_message() {
    let s = Scratch::new("bad");
    let p = s.record(FIB);
    let good = std::fs::read(&p).unwrap();

    std::fs::write(s.path("truncated.json"), &good[..good.len() / 2]).unwrap();
    s.write("notjson.json", "this is not a profile\n");
    let mut v: Value = serde_json::from_slice(&good).unwrap();
    v["version"] = Value::from(99);
    s.write("v99.json", &v.to_string());

    let cases = [
        ("truncated.json", "truncated"),
        ("notjson.json", "not JSON"),
        ("v99.json", "version 99"),
    ];
    for (file, problem) in cases {
        let verbs: [&[&str]; 6] = [
            &["annotate", file],
            &["annotate", file, "--json"],
            &["export", file, "--format", "folded"],
            &["export", file, "--format", "pstats", "-o", "out.prof"],
            &["flamegraph", file, "-o", "out.svg"],
            &["flamegraph", file, "-o", "out.svg", "--kind", "allocations"],
        ];
        for args in verbs {
            let what = format!("jitprof {}", args.join(" "));
            let o = s.jitprof(args);
            assert_no_panic(&o, &what);
            assert_eq!(o.status.code(), Some(3), "{what}: {}", stderr(&o));
            let err = stderr(&o);
            assert!(err.contains(problem), "{what}: {err}");
            assert!(err.contains(file), "{what} does not name the file: {err}");
            assert!(
                o.stdout.is_empty(),
                "{what} wrote to stdout: {}",
                String::from_utf8_lossy(&o.stdout)
            );
            assert!(!s.path("out.prof").exists(), "{what} wrote an output file");
            assert!(!s.path("out.svg").exists(), "{what} wrote an output file");
        }
    }
}

// --------------------------------------------------------------------------
// --perf-map

/// Removes /tmp/perf-PID.map however the test ends.
struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn perf_map_names_compiled_code() {
    let s = Scratch::new("perfmap");
    s.write("prog.py", HOT);
    let child = Command::new(env!("CARGO_BIN_EXE_jitprof"))
        .args(["run", "--perf-map", "-q", "-o", "p.json", "prog.py"])
        .current_dir(&s.dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn jitprof");
    let map = RemoveOnDrop(PathBuf::from(format!("/tmp/perf-{}.map", child.id())));
    let o = child.wait_with_output().unwrap();
    assert_ok(&o, "jitprof run --perf-map");
    assert!(s.path("p.json").is_file());

    let text =
        std::fs::read_to_string(&map.0).unwrap_or_else(|e| panic!("{}: {e}", map.0.display()));
    assert!(!text.trim().is_empty(), "empty perf map");
    for line in text.lines() {
        let mut parts = line.splitn(3, ' ');
        let addr = parts.next().unwrap_or("");
        let size = parts.next().unwrap_or("");
        let name = parts.next().unwrap_or("");
        let addr = u64::from_str_radix(addr, 16)
            .unwrap_or_else(|_| panic!("address is not hex: {line:?}"));
        let size =
            u64::from_str_radix(size, 16).unwrap_or_else(|_| panic!("size is not hex: {line:?}"));
        assert!(addr > 0 && size > 0, "{line:?}");
        assert!(
            name.starts_with("py::") && name.contains(" (") && name.ends_with(')'),
            "symbol is not `py::name (...)`: {line:?}"
        );
    }
    assert!(
        text.lines().any(|l| l.contains("py::spin_inner (")),
        "the hot function is not in the map:\n{text}"
    );
    // The profile agrees that it was compiled.
    let prof = load(&s.path("p.json"));
    let f = prof
        .functions
        .iter()
        .find(|f| f.name == "spin_inner")
        .expect("spin_inner in the profile");
    assert!(prof.compiles.iter().any(|c| c.function == f.id));
}
