//! The collector keeps memory bounded: a loop making ten million short-lived
//! lists must not grow the process beyond a small multiple of its live data.

mod common;

use std::process::Command;

#[repr(C)]
struct Rusage {
    utime: [i64; 2],
    stime: [i64; 2],
    maxrss: i64,
    rest: [i64; 13],
}

extern "C" {
    fn getrusage(who: i32, usage: *mut Rusage) -> i32;
}

const RUSAGE_CHILDREN: i32 = -1;

#[test]
fn ten_million_short_lived_lists_run_in_bounded_memory() {
    let dir = common::scratch("gc", "");
    std::fs::create_dir_all(&dir).unwrap();
    let prog = dir.join("churn.py");
    std::fs::write(&prog, "total = 0\nfor i in range(10_000_000):\n    x = [i, i]\n    total += len(x)\nprint(total)\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jitprof"))
        .args(["run", "--no-profile"])
        .arg(&prog)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "20000000\n");
    let mut u = Rusage {
        utime: [0; 2],
        stime: [0; 2],
        maxrss: 0,
        rest: [0; 13],
    };
    // SAFETY: getrusage writes one struct rusage (this layout on x86-64 Linux).
    let rc = unsafe { getrusage(RUSAGE_CHILDREN, &mut u) };
    assert_eq!(rc, 0);
    let peak_mib = u.maxrss / 1024;
    // Ten million lists of two would need well over 1 GiB if never freed.
    assert!(peak_mib < 200, "peak RSS {peak_mib} MiB");
}
