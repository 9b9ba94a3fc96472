//! The man pages in man/ must match what the CLI definitions generate.

mod common;

use std::process::Command;

#[test]
fn man_pages_are_up_to_date() {
    let root = env!("CARGO_MANIFEST_DIR");
    let tmp = common::scratch("man", "");
    let status = Command::new(env!("CARGO_BIN_EXE_jitprof"))
        .arg("manpages")
        .arg(&tmp)
        .status()
        .expect("run jitprof manpages");
    assert!(status.success());
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&tmp).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let fresh = std::fs::read(entry.path()).unwrap();
        let committed =
            std::fs::read(std::path::Path::new(root).join("man").join(&name)).unwrap_or_default();
        if fresh != committed {
            stale.push(name.to_string_lossy().to_string());
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(
        stale.is_empty(),
        "man pages out of date: {stale:?}; run `cargo run -- manpages man`"
    );
}
