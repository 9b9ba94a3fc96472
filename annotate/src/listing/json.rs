//! The listing as JSON, for scripts: one object per shown line, with the
//! same figures as the text (the same `LineTable`, the same selection).

use serde_json::{json, Value};

use super::find;
use super::select::Section;
use crate::lines::LineTable;
use crate::source::Source;
use profile::Profile;

pub fn render(p: &Profile, table: &LineTable, sections: &[Section]) -> Value {
    let mut rows = Vec::new();
    for s in sections {
        let Some(sf) = p.files.get(s.file as usize) else {
            continue;
        };
        let src = Source::new(&sf.source);
        let fns = find::in_file(p, s.file);
        for &line in &s.lines {
            rows.push(row(table, &sf.path, &src, &fns, s.file, line));
        }
    }
    Value::Array(rows)
}

fn row(
    table: &LineTable,
    path: &str,
    src: &Source,
    fns: &[&profile::Function],
    file: u32,
    line: u32,
) -> Value {
    let d = table.get(file, line).cloned().unwrap_or_default();
    let types: Vec<Value> = d
        .types
        .iter()
        .flat_map(|s| {
            s.operands.iter().flat_map(move |o| {
                o.types.iter().map(move |t| {
                    json!({
                        "op": s.op, "col": s.col, "role": o.role,
                        "type": t.type_name, "count": t.count, "megamorphic": o.megamorphic,
                    })
                })
            })
        })
        .collect();
    let bails: Vec<Value> = d
        .bails
        .iter()
        .map(|b| {
            json!({
                "reason": b.reason, "description": b.description, "count": b.count,
                "col": b.col, "expected": b.expected, "observed": b.observed,
                "cost_ns": b.cost_ns, "recompiled": b.recompiled,
            })
        })
        .collect();
    let allocations: Vec<Value> = d
        .allocations
        .iter()
        .map(|a| {
            json!({
                "type": a.type_name, "count": a.count, "bytes": a.bytes,
                "jit_count": a.jit_count, "jit_bytes": a.jit_bytes, "in_hot_loop": a.in_hot_loop,
            })
        })
        .collect();
    json!({
        "file": path,
        "line": line,
        // Verbatim (tabs kept); null past the end of the recorded text.
        "source": src.line(line),
        "function": find::innermost(fns, line).map(|f| f.qualname.as_str()),
        "samples": d.samples,
        "time_percent": table.percent(d.samples),
        "samples_by_tier": d.by_tier,
        "exec_count": d.exec_count,
        "marked": d.marked(),
        "types": types,
        "bails": bails,
        "allocations": allocations,
    })
}
