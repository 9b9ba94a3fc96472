//! speedscope JSON checked against its schema's required fields; callgrind
//! text read by valgrind's callgrind_annotate.

#[path = "../../tests/common/mod.rs"]
mod common;

use annotate::export;
use profile::fixture;
use std::process::Command;

#[test]
fn speedscope_has_the_required_fields_and_right_weights() {
    let p = fixture::example();
    let doc: serde_json::Value = serde_json::from_str(&export::speedscope(&p)).unwrap();
    assert_eq!(
        doc["$schema"],
        "https://www.speedscope.app/file-format-schema.json"
    );
    let frames = doc["shared"]["frames"].as_array().unwrap();
    assert!(frames.iter().all(|f| f["name"].is_string()));
    assert!(frames
        .iter()
        .any(|f| f["name"] == "fib" && f["file"] == "example.py" && f["line"] == 1));
    let profiles = doc["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 1);
    let prof = &profiles[0];
    assert_eq!(prof["type"], "sampled");
    assert!(prof["name"].as_str().unwrap().contains("example.py"));
    assert_eq!(prof["unit"], "nanoseconds");
    let samples = prof["samples"].as_array().unwrap();
    let weights = prof["weights"].as_array().unwrap();
    assert_eq!(samples.len(), weights.len());
    for s in samples {
        for i in s.as_array().unwrap() {
            assert!((i.as_u64().unwrap() as usize) < frames.len());
        }
    }
    let sum: u64 = weights.iter().map(|w| w.as_u64().unwrap()).sum();
    let stacks: u64 = p.samples.stacks.iter().map(|s| s.count).sum();
    assert_eq!(sum, stacks * p.samples.interval_ns);
    assert_eq!(prof["startValue"], 0);
    assert_eq!(prof["endValue"].as_u64(), Some(sum));
}

#[test]
fn callgrind_has_per_line_costs_and_calls() {
    let p = fixture::example();
    let text = export::callgrind(&p);
    assert!(text.starts_with("# callgrind format\nversion: 1\n"));
    assert!(text.contains("\nevents: Samples Ns\n"));
    // fib's lines 2 and 4 carry 3 samples each (lines[]).
    let fib = text.split("\nfn=fib\n").nth(1).expect("a fib block");
    assert!(fib.starts_with("2 3 3000000\n4 3 3000000\n"), "{fib}");
    // The recursive call and the module's calls, with their counts.
    assert!(fib.contains("cfn=fib\ncalls=176 1\n"), "{text}");
    assert!(text.contains("cfn=print\ncalls=2 0\n"), "{text}");
    // Self costs add up to the per-line samples (a builtin's sample moves
    // from its calling line to the builtin, so none is lost or doubled).
    let lines: u64 = p.lines.iter().map(|l| l.samples).sum();
    let summary = text
        .lines()
        .find_map(|l| l.strip_prefix("summary: "))
        .unwrap();
    assert_eq!(summary.split(' ').next(), Some(lines.to_string().as_str()));
    assert!(text.contains("fn=print\n0 1 1000000\n"), "{text}");
    assert!(
        !text.contains("\n12 1 1000000\ncfi"),
        "line 12's sample moved to print"
    );
}

#[test]
fn callgrind_annotate_reads_it() {
    if Command::new("callgrind_annotate")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("note: callgrind_annotate is not installed; skipping");
        return;
    }
    let p = fixture::example();
    let dir = common::scratch("callgrind", "");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("callgrind.out.1"), export::callgrind(&p)).unwrap();
    // callgrind_annotate reads the source from disk.
    std::fs::write(dir.join("example.py"), &p.files[0].source).unwrap();
    let out = Command::new("callgrind_annotate")
        .args(["--auto=yes", "--inclusive=yes", "callgrind.out.1"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("example.py:fib"), "{stdout}");
    // The annotated source shows the line with its samples.
    assert!(
        stdout
            .lines()
            .any(|l| l.contains("s = s + x") && l.trim_start().starts_with('3')),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
