//! speedscope's file format (https://www.speedscope.app/file-format-schema.json):
//! one "sampled" profile of CPU time, frames shared by index.

use super::stacks::function_frame;
use profile::{FunctionKind, Profile};
use serde_json::{json, Value};
use std::collections::HashMap;

pub fn speedscope(p: &Profile) -> String {
    let mut frames: Vec<Value> = Vec::new();
    // Function id → frame index: one frame per function, so speedscope's
    // sandwich view totals a function over all its lines and tiers.
    let mut index: HashMap<u32, usize> = HashMap::new();
    let mut frame_of = |id: u32| -> usize {
        *index.entry(id).or_insert_with(|| {
            frames.push(frame(p, id));
            frames.len() - 1
        })
    };
    let interval = p.samples.interval_ns;
    let mut samples = Vec::new();
    let mut weights = Vec::new();
    let mut end: u64 = 0;
    for s in &p.samples.stacks {
        if s.count == 0 {
            continue;
        }
        let stack: Vec<usize> = s.frames.iter().map(|f| frame_of(f.function)).collect();
        let w = s.count.saturating_mul(interval);
        samples.push(stack);
        weights.push(w);
        end = end.saturating_add(w);
    }
    let name = p.run.program.clone();
    let doc = json!({
        "$schema": "https://www.speedscope.app/file-format-schema.json",
        "shared": { "frames": frames },
        "profiles": [{
            "type": "sampled",
            "name": format!("{name} (CPU time)"),
            "unit": "nanoseconds",
            "startValue": 0,
            "endValue": end,
            "samples": samples,
            "weights": weights,
        }],
        "name": name,
        "activeProfileIndex": 0,
        "exporter": format!("jitprof {}", p.run.jitprof_version),
    });
    doc.to_string()
}

fn frame(p: &Profile, id: u32) -> Value {
    let f = p.functions.get(id as usize);
    let file = f.and_then(|f| f.file).and_then(|i| p.files.get(i as usize));
    match (f, file) {
        (Some(f), Some(file)) if f.kind == FunctionKind::Python => {
            json!({ "name": f.qualname, "file": file.path, "line": f.first_line })
        }
        _ => json!({ "name": function_frame(p, id) }),
    }
}
