//! SCHEMA.md must describe exactly what the code writes: every object key
//! path of a serialized profile is listed in the table of the object it
//! belongs to, no table lists a field the code does not write, and every enum
//! value is listed under its enum.

use std::collections::{BTreeMap, BTreeSet};

use profile::{CompileTrigger, FunctionKind, JitStatus, RunEnd, Tier, Timing};
use serde_json::Value;

const DOC: &str = include_str!("../SCHEMA.md");
/// The parent path of top-level fields.
const ROOT: &str = "";

/// Text between backticks, in order.
fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

/// The doc's sections: heading text -> field/value names from the first cell
/// of each table row (`| \`name\` | ...`).
fn sections() -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_code = false;
    for line in DOC.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if line.starts_with('#') {
            out.push((line.trim_start_matches('#').trim().to_string(), Vec::new()));
        } else if let Some(row) = line.strip_prefix("| `") {
            let name = row.split('`').next().unwrap().to_string();
            if let Some((_, rows)) = out.last_mut() {
                rows.push(name);
            }
        }
    }
    out
}

/// Documented fields: (parent path, field name). Object sections name their
/// paths in backticks in the heading; the top-level object's parent is ROOT.
fn documented_fields() -> BTreeSet<(String, String)> {
    let mut set = BTreeSet::new();
    for (heading, rows) in sections() {
        let parents: Vec<String> = if heading == "The top-level object" {
            vec![ROOT.to_string()]
        } else {
            backticked(&heading).into_iter().map(String::from).collect()
        };
        for p in &parents {
            for r in &rows {
                set.insert((p.clone(), r.clone()));
            }
        }
    }
    set
}

/// Every (parent path, key) in `v`: `functions[].callers[]` / `cumulative_ns`.
fn key_paths(v: &Value, path: &str, out: &mut BTreeSet<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                out.insert((path.to_string(), k.clone()));
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                key_paths(child, &p, out);
            }
        }
        Value::Array(items) => {
            let p = format!("{path}[]");
            for item in items {
                key_paths(item, &p, out);
            }
        }
        _ => {}
    }
}

fn show(set: &BTreeSet<&(String, String)>) -> String {
    set.iter()
        .map(|(p, k)| {
            if p.is_empty() {
                k.clone()
            } else {
                format!("{p}.{k}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n  ")
}

#[test]
fn every_field_written_is_documented_and_nothing_else() {
    let json = serde_json::to_value(profile::fixture::example()).unwrap();
    let mut written = BTreeSet::new();
    key_paths(&json, ROOT, &mut written);
    let documented = documented_fields();
    assert!(
        written.len() > 100,
        "the walk found only {} fields",
        written.len()
    );

    let missing: BTreeSet<_> = written.difference(&documented).collect();
    assert!(
        missing.is_empty(),
        "fields the profile has but SCHEMA.md does not list (under a heading naming the path):\n  {}",
        show(&missing)
    );
    let invented: BTreeSet<_> = documented.difference(&written).collect();
    assert!(
        invented.is_empty(),
        "fields SCHEMA.md lists that fixture::example() does not write \
         (remove them from the doc, or extend the fixture so it writes them):\n  {}",
        show(&invented)
    );
}

/// Every value of every enum, as serialized. The matches are exhaustive, so
/// a new variant fails to compile here until it is added to the list.
fn enum_values() -> BTreeMap<&'static str, Vec<Value>> {
    fn check_run_end(e: RunEnd) {
        match e {
            RunEnd::Normal | RunEnd::Exception | RunEnd::SysExit | RunEnd::Interrupted => {}
        }
    }
    fn check_kind(e: FunctionKind) {
        match e {
            FunctionKind::Python | FunctionKind::Builtin => {}
        }
    }
    fn check_status(e: JitStatus) {
        match e {
            JitStatus::Compiled | JitStatus::Interpreted | JitStatus::Refused => {}
        }
    }
    fn check_tier(e: Tier) {
        match e {
            Tier::Interpreter | Tier::Jit | Tier::Runtime | Tier::Collector | Tier::Compiler => {}
        }
    }
    fn check_timing(e: Timing) {
        match e {
            Timing::Sampled | Timing::Exact => {}
        }
    }
    fn check_trigger(e: CompileTrigger) {
        match e {
            CompileTrigger::Hot | CompileTrigger::Eager | CompileTrigger::Recompile => {}
        }
    }
    let run_end = [
        RunEnd::Normal,
        RunEnd::Exception,
        RunEnd::SysExit,
        RunEnd::Interrupted,
    ];
    let kinds = [FunctionKind::Python, FunctionKind::Builtin];
    let timings = [Timing::Sampled, Timing::Exact];
    let statuses = [
        JitStatus::Compiled,
        JitStatus::Interpreted,
        JitStatus::Refused,
    ];
    let triggers = [
        CompileTrigger::Hot,
        CompileTrigger::Eager,
        CompileTrigger::Recompile,
    ];
    run_end.iter().for_each(|&e| check_run_end(e));
    kinds.iter().for_each(|&e| check_kind(e));
    timings.iter().for_each(|&e| check_timing(e));
    statuses.iter().for_each(|&e| check_status(e));
    Tier::ALL.iter().for_each(|&e| check_tier(e));
    triggers.iter().for_each(|&e| check_trigger(e));

    BTreeMap::from([
        ("RunEnd", run_end.iter().map(ser).collect()),
        ("FunctionKind", kinds.iter().map(ser).collect()),
        ("Timing", timings.iter().map(ser).collect()),
        ("JitStatus", statuses.iter().map(ser).collect()),
        ("Tier", Tier::ALL.iter().map(ser).collect()),
        ("CompileTrigger", triggers.iter().map(ser).collect()),
    ])
}

fn ser<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

#[test]
fn every_enum_value_is_documented() {
    let sections = sections();
    for (name, values) in enum_values() {
        let (_, rows) = sections
            .iter()
            .find(|(h, _)| h == name)
            .unwrap_or_else(|| panic!("SCHEMA.md has no `### {name}` section"));
        let want: BTreeSet<String> = values
            .iter()
            .map(|v| v.as_str().expect("enums are strings").to_string())
            .collect();
        let have: BTreeSet<String> = rows.iter().cloned().collect();
        assert_eq!(have, want, "values of {name} in SCHEMA.md");
    }
}

#[test]
fn the_doc_states_the_format_and_version() {
    assert!(DOC.contains(&format!("`\"{}\"`", profile::FORMAT)));
    assert!(DOC.contains(&format!(
        "# The jitprof profile file, version {}",
        profile::VERSION
    )));
}
