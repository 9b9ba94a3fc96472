//! The pstats export read back by CPython's own pstats module.

#[path = "../../tests/common/mod.rs"]
mod common;

use annotate::export;
use profile::fixture::{self, FIB, MODULE};
use std::path::PathBuf;
use std::process::Command;

fn write_temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = common::scratch("pstats", "");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn python(script: &str, arg: &PathBuf) -> String {
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(arg)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Loads the stats and prints facts about them as JSON, for the asserts.
const CHECK: &str = r#"
import json, pstats, sys
s = pstats.Stats(sys.argv[1])
st = s.stats
fib = ('example.py', 1, 'fib')
cc, nc, tt, ct, callers = st[fib]
out = {
    'fib': [cc, nc, tt, ct],
    'fib_callers': {f'{k[2]}': list(v) for k, v in callers.items()},
    'dangling': [str(k) for v in st.values() for k in v[4] if k not in st],
    'cum_below_self': [str(k) for k, v in st.items() if v[3] + 1e-12 < v[2]],
    'keys': sorted(k[2] for k in st),
    'roots': [k[2] for k, v in st.items() if not v[4] and v[3] > 1e-5],
    'total_calls': s.total_calls,
    'prim_calls': s.prim_calls,
}
print(json.dumps(out))
"#;

#[test]
fn pstats_loads_in_python_with_fib_counts_and_callers() {
    let p = fixture::example();
    let path = write_temp("example.prof", &export::pstats(&p));
    let out: serde_json::Value = serde_json::from_str(&python(CHECK, &path)).unwrap();

    let f = &p.functions[FIB as usize];
    let fib = out["fib"].as_array().unwrap();
    assert_eq!(
        fib[0].as_u64(),
        Some(f.primitive_calls),
        "primitive calls first"
    );
    assert_eq!(fib[1].as_u64(), Some(f.calls));
    assert!((fib[2].as_f64().unwrap() - f.self_ns as f64 / 1e9).abs() < 1e-12);
    assert!((fib[3].as_f64().unwrap() - f.cumulative_ns as f64 / 1e9).abs() < 1e-12);

    // Caller tuples are (calls, primitive calls, tt, ct), as cProfile writes them.
    let callers = out["fib_callers"].as_object().unwrap();
    assert_eq!(callers.len(), 2);
    let from_fib = callers["fib"].as_array().unwrap();
    assert_eq!(from_fib[0].as_u64(), Some(176));
    assert_eq!(from_fib[1].as_u64(), Some(0));
    let from_module = callers["<module>"].as_array().unwrap();
    assert_eq!(from_module[0].as_u64(), Some(1));

    assert_eq!(out["dangling"].as_array().unwrap().len(), 0, "{out}");
    assert_eq!(out["cum_below_self"].as_array().unwrap().len(), 0, "{out}");
    // The builtin is named as cProfile names C functions.
    let keys: Vec<&str> = out["keys"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|k| k.as_str())
        .collect();
    assert!(
        keys.contains(&"<built-in method builtins.print>"),
        "{keys:?}"
    );
    // The main module is the root the viewers start from.
    let roots = out["roots"].as_array().unwrap();
    assert_eq!(roots.len(), 1);
    assert_eq!(roots[0], p.functions[MODULE as usize].name.as_str());
    let calls: u64 = p.functions.iter().map(|f| f.calls).sum();
    assert_eq!(out["total_calls"].as_u64(), Some(calls));
}

#[test]
fn python_m_pstats_prints_the_table() {
    let path = write_temp("cli.prof", &export::pstats(&fixture::example()));
    let out = Command::new("sh")
        .arg("-c")
        .arg("printf 'sort cumulative\\nstats\\ncallers fib\\nquit\\n' | python3 -m pstats \"$0\"")
        .arg(&path)
        .output()
        .expect("sh runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Traceback"));
    // "nc/cc" for the recursive function, and the builtin in braces.
    assert!(text.contains("177/1"), "{text}");
    assert!(text.contains("example.py:1(fib)"), "{text}");
    assert!(text.contains("{built-in method builtins.print}"), "{text}");
}

#[test]
fn a_profile_without_a_root_gets_one_and_large_counts_survive() {
    let mut p = fixture::example();
    // Make the module look called (no entry is a root any more) and give
    // fib a count beyond 32 bits (marshal's 'l' form).
    let edge = p.functions[FIB as usize].callers[0].clone();
    p.functions[MODULE as usize].callers.push(edge);
    p.functions[FIB as usize].calls = 5_000_000_000;
    let path = write_temp("noroot.prof", &export::pstats(&p));
    let out: serde_json::Value = serde_json::from_str(&python(CHECK, &path)).unwrap();
    assert_eq!(out["fib"][1].as_u64(), Some(5_000_000_000));
    assert_eq!(out["roots"], serde_json::json!(["<jitprof root>"]));
}
