//! Scratch directories for the integration tests.
//!
//! Each test binary writes under `<tmp>/jitprof-<what>-<pid>...`: the
//! process id keeps test runs that overlap (a CI clone beside a developer's
//! run) apart. A test cannot clean up after the harness's last test, so the
//! first scratch directory a binary asks for removes what earlier runs left:
//! entries with a known prefix whose process is gone. (Before this, every
//! run left some 120 directories and 15 MB of profiles in /tmp.)

use std::path::PathBuf;
use std::sync::Once;

/// The prefixes the integration tests write under, each followed by the
/// writing process's id.
const PREFIXES: &[&str] = &[
    "jitprof-recorder-",
    "jitprof-cli-",
    "jitprof-jit-cli-",
    "jitprof-gc-",
    "jitprof-corpus-",
    "jitprof-corpus-profile-",
    "jitprof-exports-",
    "jitprof-man-",
    "jitprof-tui-recorded-",
    "jitprof-tui-tmux-",
    // annotate/tests, which include this module by its path.
    "jitprof-pstats-",
    "jitprof-callgrind-",
];

/// `<tmp>/jitprof-<what>-<pid><rest>`, after removing the stale entries of
/// earlier runs (once per test binary). `rest` may be empty; the caller
/// creates what it needs.
#[allow(dead_code)]
pub fn scratch(what: &str, rest: &str) -> PathBuf {
    static SWEEP: Once = Once::new();
    SWEEP.call_once(remove_stale);
    std::env::temp_dir().join(format!("jitprof-{what}-{}{rest}", std::process::id()))
}

/// Remove what runs that have ended left in the temporary directory.
fn remove_stale() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    let me = std::process::id();
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = PREFIXES.iter().find_map(|p| writer_pid(name, p)) else {
            continue;
        };
        if pid == me || std::path::Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        let path = e.path();
        let _ = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
    }
}

/// The process id in `name` after `prefix`: digits ending the name or
/// followed by `-` or `.`.
fn writer_pid(name: &str, prefix: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if end == 0 || !matches!(rest[end..].chars().next(), None | Some('-') | Some('.')) {
        return None;
    }
    rest[..end].parse().ok()
}
