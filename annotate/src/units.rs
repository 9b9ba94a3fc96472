//! Human-readable times, sizes, shares and counts, shared by the listing and
//! the summary so both print a figure the same way.

/// Three significant digits (`6.00`, `40.0`, `150`): a column of figures
/// then reads at a glance without long tails of digits.
fn sig3(v: f64) -> String {
    if v < 9.995 {
        format!("{v:.2}")
    } else if v < 99.95 {
        format!("{v:.1}")
    } else {
        format!("{v:.0}")
    }
}

/// Scale `v` through `units` (each `step` times the previous) until it
/// prints in at most three digits before the point.
fn scaled(v: f64, step: f64, units: &[&str]) -> String {
    let mut v = v;
    let mut i = 0;
    // 999.7 would print as "1000"; move to the next unit before that.
    while v >= 999.5 && i + 1 < units.len() {
        v /= step;
        i += 1;
    }
    format!("{}{}", sig3(v), units[i])
}

/// A duration: `850ns`, `40.0us`, `6.00ms`, `1.25s`.
pub fn time(ns: u64) -> String {
    if ns < 1_000 {
        return format!("{ns}ns");
    }
    scaled(ns as f64 / 1e3, 1e3, &["us", "ms", "s"])
}

/// A size: `12 B`, `4.80 KiB`, `8.00 MiB`.
pub fn bytes(n: u64) -> String {
    if n < 1_000 {
        return format!("{n} B");
    }
    scaled(n as f64 / 1024.0, 1024.0, &[" KiB", " MiB", " GiB", " TiB"])
}

/// A share in percent: `27.3%`; a share too small for one decimal is
/// `<0.1%` rather than a misleading `0.0%`.
pub fn percent(p: f64) -> String {
    if !p.is_finite() || p <= 0.0 {
        "0.0%".to_string()
    } else if p < 0.05 {
        "<0.1%".to_string()
    } else {
        format!("{p:.1}%")
    }
}

/// `part` as a percentage of `whole` (0 when `whole` is 0).
pub fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// `1 call`, `177 calls`.
pub fn count(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_pick_a_unit_with_three_digits() {
        assert_eq!(time(850), "850ns");
        assert_eq!(time(40_000), "40.0us");
        assert_eq!(time(150_000), "150us");
        assert_eq!(time(6_000_000), "6.00ms");
        assert_eq!(time(12_000_000), "12.0ms");
        assert_eq!(time(999_999), "1.00ms");
        assert_eq!(time(1_250_000_000), "1.25s");
        assert_eq!(time(5_000_000_000_000), "5000s");
    }

    #[test]
    fn sizes_and_shares() {
        assert_eq!(bytes(12), "12 B");
        assert_eq!(bytes(4_912), "4.80 KiB");
        assert_eq!(bytes(8 << 20), "8.00 MiB");
        assert_eq!(percent(27.27), "27.3%");
        assert_eq!(percent(0.01), "<0.1%");
        assert_eq!(percent(0.0), "0.0%");
        assert_eq!(percent(f64::NAN), "0.0%");
        assert_eq!(share(1, 0), 0.0);
        assert_eq!(count(1, "call"), "1 call");
        assert_eq!(count(2, "call"), "2 calls");
    }
}
