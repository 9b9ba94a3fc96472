//! `jitprof disasm`: every compiled function's machine code, interleaved with
//! the bytecode and source lines it came from (the notes `codegen` left), with
//! the runtime helpers named at their call sites.

use std::fmt::Write;

use crate::jit::disasm::{instruction_count, Listing};
use crate::jit::{helpers, JitRuntime};

/// The addresses compiled code calls, with their names.
fn helper_symbols() -> Vec<(u64, String)> {
    let mut v = vec![
        (helpers::jit_step as *const () as u64, "jit_step".into()),
        (
            crate::jit::calls::jit_call as *const () as u64,
            "jit_call".into(),
        ),
        (
            crate::jit::codegen::gen_pow::jit_pow_raw as *const () as u64,
            "jit_pow_raw".into(),
        ),
        (
            crate::jit::codegen::gen_iter::jit_get_iter_loop as *const () as u64,
            "jit_get_iter_loop".into(),
        ),
        (
            helpers::jit_reg_exit as *const () as u64,
            "jit_reg_exit".into(),
        ),
    ];
    v.extend(crate::jit::fast::symbols());
    v.extend(crate::jit::lean::symbols());
    v.extend(crate::jit::lean_args::symbols());
    v.extend(crate::jit::lean_branches::symbols());
    v.extend(crate::jit::lean_super::symbols());
    v
}

/// Render the listing of every compiled function (or those named in `filter`,
/// by name or qualified name), in compile order.
pub fn render(jit: &JitRuntime, filter: &[String], color: bool) -> String {
    let symbols = helper_symbols();
    let mut out = String::new();
    let wanted =
        |name: &str, qual: &str| filter.is_empty() || filter.iter().any(|f| f == name || f == qual);
    let mut shown = 0;
    for c in &jit.compiled {
        let code = &c.code;
        if !wanted(&code.name, &code.qualname) {
            continue;
        }
        shown += 1;
        // The code only: a recording compile's line counters follow it.
        let bytes = c.buf[..c.code_bytes()].to_vec();
        let _ = writeln!(
            out,
            "== {} ({}:{}){}: {} bytes of code, {} instructions, {} bytecode instructions, compiled in {:.1} us",
            code.qualname,
            code.filename(),
            code.first_line,
            if c.version > 0 {
                format!(", recompile {}", c.version)
            } else {
                String::new()
            },
            bytes.len(),
            instruction_count(&bytes, c.base()),
            code.instrs.len(),
            c.compile_time_ns as f64 / 1000.0
        );
        if !c.generic_at.is_empty() {
            let _ = writeln!(
                out,
                "   generic paths at pc {:?} (their guards kept failing)",
                c.generic_at
            );
        }
        let listing = Listing {
            code: &bytes,
            base: c.base(),
            notes: &c.notes,
            symbols: &symbols,
        };
        out.push_str(&listing.render(color));
        if let Some(lc) = &c.line_counters {
            let _ = writeln!(
                out,
                "; ---- recording: {} line counter{} at +{:#06x} (read-write pages after the code) ----",
                lc.slots,
                if lc.slots == 1 { "" } else { "s" },
                lc.at
            );
        }
        out.push('\n');
    }
    for n in &jit.not_compiled {
        if wanted(&n.code.name, &n.code.qualname) {
            let _ = writeln!(
                out,
                "== {} ({}:{}): not compiled: {}",
                n.code.qualname,
                n.code.filename(),
                n.code.first_line,
                n.reason
            );
            shown += 1;
        }
    }
    if shown == 0 {
        if filter.is_empty() {
            out.push_str("no function was compiled (try --jit=eager)\n");
        } else {
            let _ = writeln!(out, "no compiled function named {}", filter.join(", "));
        }
    }
    out
}
