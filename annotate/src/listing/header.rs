//! The header line printed before each function's `def`: what it cost and
//! what the JIT did with it.

use crate::units::{bytes, count, time};
use profile::sampled::SampledCounts;
use profile::{Function, JitStatus, Profile};

/// `[fib] 177 calls (1 primitive), self 6.00ms, cumulative 6.00ms; JIT: ...`
///
/// `sampled`: the profile's sample counts when its times were estimated
/// from the samples (`run.timing` `sampled`); the header then says how many
/// samples the function's times rest on, so no one reads them as measured.
pub fn text(p: &Profile, f: &Function, sampled: Option<&SampledCounts>) -> String {
    let mut s = format!("[{}] {}", f.qualname, count(f.calls, "call"));
    if f.primitive_calls != f.calls {
        s += &format!(" ({} primitive)", f.primitive_calls);
    }
    s += &format!(
        ", self {}, cumulative {}",
        time(f.self_ns),
        time(f.cumulative_ns)
    );
    if let Some(c) = sampled {
        s += &format!(
            " (from {})",
            count(c.function(f.id).cumulative_samples, "sample")
        );
    }
    if let Some(j) = jit(p, f) {
        s += "; JIT: ";
        s += &j;
    }
    s
}

/// The JIT part: `compiled at 2.00ms, 12 B code, 40.0us compiling`,
/// `interpreted (hotness 12 of 200)`, `refused: generator: ...`.
fn jit(p: &Profile, f: &Function) -> Option<String> {
    let j = f.jit.as_ref()?;
    Some(match j.status {
        JitStatus::Refused => match &j.reason {
            Some(r) => format!("refused: {r}"),
            None => "refused".to_string(),
        },
        JitStatus::Interpreted if p.run.jit_mode == "off" => "interpreted (JIT off)".to_string(),
        JitStatus::Interpreted if p.run.jit_threshold > 0 => {
            format!(
                "interpreted (hotness {} of {})",
                j.hotness, p.run.jit_threshold
            )
        }
        JitStatus::Interpreted => "interpreted".to_string(),
        JitStatus::Compiled => compiled(p, f, j.recompiles),
    })
}

fn compiled(p: &Profile, f: &Function, recompiles: u32) -> String {
    let mut compiles: Vec<&profile::Compile> =
        p.compiles.iter().filter(|c| c.function == f.id).collect();
    compiles.sort_by_key(|c| (c.version, c.at_ns));
    let Some(first) = compiles.first() else {
        return "compiled".to_string();
    };
    let latest = compiles.last().unwrap_or(first);
    let compile_ns: u64 = compiles.iter().map(|c| c.compile_ns).sum();
    let mut s = format!(
        "compiled at {}, {} code, {} compiling",
        time(first.at_ns),
        bytes(latest.code_bytes),
        time(compile_ns)
    );
    let recompiles = (recompiles as usize).max(compiles.len() - 1);
    if recompiles > 0 {
        s += &format!(", {}", count(recompiles as u64, "recompile"));
        let reasons: Vec<&str> = compiles
            .iter()
            .filter(|c| c.version > 0)
            .filter_map(|c| c.reason.as_deref())
            .filter(|r| !r.is_empty())
            .collect();
        if !reasons.is_empty() {
            // A function that recompiled many times would fill the line.
            let more = if reasons.len() > 2 { ", ..." } else { "" };
            s += &format!(" ({}{more})", reasons[..reasons.len().min(2)].join("; "));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use profile::fixture;

    #[test]
    fn headers_say_calls_times_and_jit() {
        let p = fixture::example();
        let fib = text(&p, p.function(fixture::FIB), None);
        assert_eq!(
            fib,
            "[fib] 177 calls (1 primitive), self 6.00ms, cumulative 6.00ms; \
             JIT: compiled at 2.00ms, 12 B code, 40.0us compiling"
        );
        let counts = SampledCounts::of(&p.samples, p.functions.len());
        let fib = text(&p, p.function(fixture::FIB), Some(&counts));
        let n = counts.function(fixture::FIB).cumulative_samples;
        assert!(n > 1, "{n}");
        assert!(
            fib.contains(&format!("cumulative 6.00ms (from {n} samples); JIT")),
            "{fib}"
        );
        let total = text(&p, p.function(fixture::TOTAL), None);
        assert!(total.starts_with("[total] 1 call, self 4.00ms"), "{total}");
        assert!(total.contains("compiled at 5.00ms"), "{total}");
        assert!(
            total.contains("65.0us compiling, 1 recompile (line 9: not_int_or_float)"),
            "{total}"
        );
        let module = text(&p, p.function(fixture::MODULE), None);
        assert!(
            module.ends_with("JIT: interpreted (hotness 1 of 200)"),
            "{module}"
        );

        let mut p2 = p.clone();
        let j = p2.functions[fixture::TOTAL as usize].jit.as_mut().unwrap();
        j.status = JitStatus::Refused;
        j.reason = Some("code memory limit reached (1048576 bytes, --jit-code-limit)".into());
        let total = text(&p2, p2.function(fixture::TOTAL), None);
        assert!(total.ends_with(
            "JIT: refused: code memory limit reached (1048576 bytes, --jit-code-limit)"
        ));
        // Compiled, but the compiles were not recorded: no panic, no figures.
        p2.compiles.clear();
        assert!(text(&p2, p2.function(fixture::FIB), None).ends_with("JIT: compiled"));
    }
}
