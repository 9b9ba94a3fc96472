//! The stats dict `cProfile` dumps, for `pstats.Stats`, `python3 -m pstats`,
//! snakeviz, gprof2dot and tuna (format: profiler_anchors.md §4).
//!
//! `{(file, first line, name): (cc, nc, tt, ct, {caller key: (nc, cc, tt, ct)})}`:
//! note the caller tuples put total calls first, the entry tuples
//! primitive calls first, as cProfile's `snapshot_stats` does.

use super::marshal::{self, Value};
use profile::{Function, FunctionKind, Profile};
use std::collections::BTreeMap;

/// `(filename, first line, function name)`, as cProfile's `label()`.
type Key = (String, u64, String);

#[derive(Default)]
struct Figures {
    primitive: u64,
    calls: u64,
    self_ns: u64,
    cumulative_ns: u64,
}

impl Figures {
    fn add(&mut self, primitive: u64, calls: u64, self_ns: u64, cumulative_ns: u64) {
        self.primitive = self.primitive.saturating_add(primitive);
        self.calls = self.calls.saturating_add(calls);
        self.self_ns = self.self_ns.saturating_add(self_ns);
        self.cumulative_ns = self.cumulative_ns.saturating_add(cumulative_ns);
    }
}

#[derive(Default)]
struct Entry {
    own: Figures,
    callers: BTreeMap<Key, Figures>,
}

/// Type-qualified builtins that are module functions, not methods: CPython
/// names those `<built-in method math.sqrt>`, not `<method ...>`.
const MODULES: &[&str] = &[
    "builtins",
    "math",
    "time",
    "sys",
    "os",
    "random",
    "itertools",
    "functools",
    "operator",
    "json",
    "re",
    "string",
    "collections",
    "heapq",
    "bisect",
    "copy",
    "gc",
    "io",
    "struct",
];

/// The key cProfile would use for this function.
fn key(p: &Profile, f: &Function) -> Key {
    match (f.kind, f.file.and_then(|i| p.files.get(i as usize))) {
        // co_name, not the qualname: cProfile's label() uses code.co_name.
        (FunctionKind::Python, Some(file)) => {
            (file.path.clone(), u64::from(f.first_line), f.name.clone())
        }
        // '~' and line 0 make pstats print the name as `{name}`.
        _ => ("~".to_string(), 0, builtin_name(&f.qualname)),
    }
}

/// `len` → `<built-in method builtins.len>`, `list.append` →
/// `<method 'append' of 'list' objects>`, as cProfile names C functions.
fn builtin_name(qualname: &str) -> String {
    match qualname.rsplit_once('.') {
        Some((owner, name)) if !MODULES.contains(&owner) => {
            format!("<method '{name}' of '{owner}' objects>")
        }
        Some(_) => format!("<built-in method {qualname}>"),
        None => format!("<built-in method builtins.{qualname}>"),
    }
}

fn seconds(ns: u64) -> Value {
    Value::Float(ns as f64 / 1e9)
}

/// The marshal-encoded stats dict.
pub fn pstats(p: &Profile) -> Vec<u8> {
    let mut entries: BTreeMap<Key, Entry> = BTreeMap::new();
    for f in &p.functions {
        // Two functions can share a key (two lambdas on one line): cProfile
        // would have merged them too, so sum their figures.
        let e = entries.entry(key(p, f)).or_default();
        e.own
            .add(f.primitive_calls, f.calls, f.self_ns, f.cumulative_ns);
        for c in &f.callers {
            let Some(caller) = p.functions.get(c.caller as usize) else {
                continue;
            };
            let edge = e.callers.entry(key(p, caller)).or_default();
            edge.add(c.primitive_calls, c.calls, c.self_ns, c.cumulative_ns);
        }
    }
    // Viewers need a root (an entry nobody called, with time in it):
    // snakeviz and tuna start from it. The main `<module>` is one; when the
    // profile has none, add a stand-in holding the wall time.
    let has_root = entries
        .values()
        .any(|e| e.callers.is_empty() && e.own.cumulative_ns > 10_000);
    if !has_root {
        let root = entries
            .entry(("~".into(), 0, "<jitprof root>".into()))
            .or_default();
        root.own.add(1, 1, 0, p.summary.wall_ns);
    }
    let dict = entries
        .into_iter()
        .map(|(k, e)| {
            let callers = e
                .callers
                .into_iter()
                .map(|(ck, c)| {
                    let v = Value::Tuple(vec![
                        Value::Int(c.calls),
                        Value::Int(c.primitive),
                        seconds(c.self_ns),
                        seconds(c.cumulative_ns),
                    ]);
                    (key_value(ck), v)
                })
                .collect();
            let v = Value::Tuple(vec![
                Value::Int(e.own.primitive),
                Value::Int(e.own.calls),
                seconds(e.own.self_ns),
                seconds(e.own.cumulative_ns),
                Value::Dict(callers),
            ]);
            (key_value(k), v)
        })
        .collect();
    marshal::encode(&Value::Dict(dict))
}

fn key_value((file, line, name): Key) -> Value {
    Value::Tuple(vec![Value::Str(file), Value::Int(line), Value::Str(name)])
}

#[cfg(test)]
mod tests {
    use super::builtin_name;

    #[test]
    fn builtins_are_named_as_cprofile_names_them() {
        assert_eq!(builtin_name("len"), "<built-in method builtins.len>");
        assert_eq!(
            builtin_name("list.append"),
            "<method 'append' of 'list' objects>"
        );
        assert_eq!(builtin_name("math.sqrt"), "<built-in method math.sqrt>");
    }
}
