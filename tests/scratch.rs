//! The integration tests' scratch directories (`common/mod.rs`): what runs
//! that have ended left in the temporary directory goes, what a running
//! process writes stays. Regression: every test run left some 120
//! directories (15 MB of profiles) in /tmp for good.

mod common;

use std::path::PathBuf;

/// A process id above Linux's largest (`pid_max` is at most 2^22), so no
/// process has it.
const ENDED: u32 = 3_999_999_999;

fn make(name: &str) -> PathBuf {
    let p = std::env::temp_dir().join(name);
    std::fs::create_dir_all(p.join("sub")).unwrap();
    std::fs::write(p.join("sub").join("jitprof.json"), "{}").unwrap();
    p
}

#[test]
fn stale_scratch_directories_of_ended_runs_are_removed() {
    let stale = [
        make(&format!("jitprof-recorder-{ENDED}-fib")),
        make(&format!("jitprof-cli-{ENDED}")),
    ];
    let stale_file = std::env::temp_dir().join(format!("jitprof-corpus-{ENDED}-7.json"));
    std::fs::write(&stale_file, "{}").unwrap();
    // pid 1 runs as long as the system does; a name that only starts like
    // a scratch directory is not one.
    let kept = [
        make("jitprof-recorder-1-scratch-test"),
        make(&format!("jitprof-recorder-{ENDED}x")),
    ];
    let mine = common::scratch("recorder", "-mine");
    for p in &stale {
        assert!(!p.exists(), "{} left behind", p.display());
    }
    assert!(!stale_file.exists());
    for p in &kept {
        assert!(p.exists(), "{} removed", p.display());
        std::fs::remove_dir_all(p).unwrap();
    }
    assert!(mine.ends_with(format!("jitprof-recorder-{}-mine", std::process::id())));
}
