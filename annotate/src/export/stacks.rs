//! The stacks behind `export --format folded` and the flamegraphs, one set
//! per weight, so the two always agree (the flamegraph is drawn from the
//! folded lines).
//!
//! Frame names:
//! - Python functions: `qualname (file:def line)`, so one function is one
//!   frame whatever line it was on; builtins: their qualname (`list.append`).
//! - The tier that ran is a suffix on the leaf frame, ` [jit]`,
//!   ` [interpreter]`, ...: the flamegraph colours frames by it, and it
//!   stays readable in the folded text.
//!
//! Per weight:
//! - Time: `samples.stacks`, counts in samples (total = `samples.total`).
//! - Allocations: bytes per allocation site. Sites have no call stacks, so
//!   the frames are `file;function;line N: type`, the leaf split into the
//!   bytes made while compiled code ran (` [jit]`) and the rest
//!   (` [interpreter]`).
//! - Bails: the first bail's stack at each site, then a leaf naming the
//!   reason (` [jit]`: bails leave compiled code), counted in bails.
//! - Compile: `compiler;function;vN trigger`, in nanoseconds of compiling.

use crate::weight::Weight;
use profile::{CompileTrigger, FunctionKind, Profile, StackFrame, Tier};
use std::collections::BTreeMap;

/// Folded stacks: the `;`-joined frames, outermost first, with their
/// summed weight. Sorted and merged, with no zero weights.
pub type Folded = BTreeMap<String, u64>;

/// The suffix that marks the tier of a leaf frame.
pub fn tier_suffix(t: Tier) -> String {
    format!(" [{}]", t.name())
}

/// The tier a frame name carries, if any.
pub fn frame_tier(frame: &str) -> Option<Tier> {
    Tier::ALL
        .into_iter()
        .find(|t| frame.ends_with(&tier_suffix(*t)))
}

/// The stacks for one weight.
pub fn folded(p: &Profile, w: Weight) -> Folded {
    let mut out = Folded::new();
    let mut add = |frames: Vec<String>, n: u64| {
        if n > 0 {
            *out.entry(frames.join(";")).or_insert(0) += n;
        }
    };
    match w {
        Weight::Time => {
            for s in &p.samples.stacks {
                let mut frames = stack_frames(p, &s.frames);
                if frames.is_empty() {
                    // Keep the sample, so the total still matches.
                    frames.push("<no Python frame>".into());
                }
                tag_leaf(&mut frames, s.tier);
                add(frames, s.count);
            }
        }
        Weight::Allocations => {
            for a in &p.allocations {
                let (file, function) = match a.function {
                    Some(id) => (file_name(p, id), function_frame(p, id)),
                    None => ("<runtime>".to_string(), "<outside Python>".to_string()),
                };
                let site = clean(&format!("line {}: {}", a.line, a.type_name));
                let jit = a.jit_bytes.min(a.bytes);
                let frames = |t: Tier| {
                    vec![
                        file.clone(),
                        function.clone(),
                        site.clone() + &tier_suffix(t),
                    ]
                };
                add(frames(Tier::Jit), jit);
                add(frames(Tier::Interpreter), a.bytes - jit);
            }
        }
        Weight::Bails => {
            for b in &p.bails {
                let mut frames = stack_frames(p, &b.first_stack);
                if b.first_stack.last().map(|f| f.function) != Some(b.function) {
                    frames.push(function_frame(p, b.function));
                }
                let leaf = clean(&format!("bail: {} (line {})", b.reason, b.line));
                frames.push(leaf + &tier_suffix(Tier::Jit));
                add(frames, b.count);
            }
        }
        Weight::Compile => {
            for c in &p.compiles {
                let trigger = match c.trigger {
                    CompileTrigger::Hot => "hot",
                    CompileTrigger::Eager => "eager",
                    CompileTrigger::Recompile => "recompile",
                };
                let leaf = format!("v{} {trigger}", c.version) + &tier_suffix(Tier::Compiler);
                add(
                    vec!["compiler".into(), function_frame(p, c.function), leaf],
                    c.compile_ns,
                );
            }
        }
    }
    out
}

/// The folded text: one `a;b;c count` line per stack.
pub fn render(f: &Folded) -> String {
    let mut s = String::new();
    for (stack, n) in f {
        s.push_str(stack);
        s.push(' ');
        s.push_str(&n.to_string());
        s.push('\n');
    }
    s
}

fn stack_frames(p: &Profile, frames: &[StackFrame]) -> Vec<String> {
    frames
        .iter()
        .map(|f| function_frame(p, f.function))
        .collect()
}

fn tag_leaf(frames: &mut [String], t: Tier) {
    if let Some(leaf) = frames.last_mut() {
        leaf.push_str(&tier_suffix(t));
    }
}

/// `qualname (file:line)` for Python functions, the qualname for builtins.
pub fn function_frame(p: &Profile, id: u32) -> String {
    let Some(f) = p.functions.get(id as usize) else {
        return format!("<function #{id}>");
    };
    match (f.kind, f.file.and_then(|i| p.files.get(i as usize))) {
        (FunctionKind::Python, Some(file)) => {
            clean(&format!("{} ({}:{})", f.qualname, file.path, f.first_line))
        }
        _ => clean(&f.qualname),
    }
}

fn file_name(p: &Profile, id: u32) -> String {
    let file = p.functions.get(id as usize).and_then(|f| f.file);
    match file.and_then(|i| p.files.get(i as usize)) {
        Some(file) => clean(&file.path),
        None => "<built-in>".to_string(),
    }
}

/// `;` separates frames and a line ends a stack, so neither may appear in
/// a name (paths and type names are user data).
fn clean(s: &str) -> String {
    s.replace(';', ",").replace(['\n', '\r'], " ")
}
