//! Drives the real `jitprof tui` in a tmux pane: it shows the profile, keys
//! work, and quitting gives the shell its screen back. Skipped (with a note)
//! when tmux is not installed.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), killed when the test ends.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "tui"]).stdout).into_owned()
    }

    /// Poll the pane until `pred` holds (or panic with the last screen).
    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.capture();
            if pred(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; the pane shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

fn has_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

#[test]
fn tui_runs_in_tmux_and_restores_the_terminal() {
    if !has_tmux() {
        eprintln!("skipping tui_tmux: tmux is not installed (apt-get install tmux)");
        return;
    }
    let dir: PathBuf = common::scratch("tui-tmux", "");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("example.json");
    profile::save(&profile::fixture::example(), &file).unwrap();

    let bin = Path::new(env!("CARGO_BIN_EXE_jitprof"));
    let script = format!("{} tui {}; echo EXITED; sleep 5", quote(bin), quote(&file));
    let tmux = Tmux {
        socket: format!("jitprof-test-{}", std::process::id()),
    };
    let out = tmux.cmd(&[
        "new-session",
        "-d",
        "-s",
        "tui",
        "-x",
        "120",
        "-y",
        "40",
        "sh",
        "-c",
        &script,
    ]);
    assert!(
        out.status.success(),
        "tmux new-session: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let hot = tmux.wait_for("the hot view", |s| {
        s.contains("Hot functions and loops") && s.contains("fib")
    });
    assert!(hot.contains("total"), "{hot}");

    tmux.cmd(&["send-keys", "-t", "tui", "Enter"]);
    tmux.wait_for("the source view", |s| {
        s.contains("def fib(n):") && s.contains("return fib(n - 1)")
    });

    tmux.cmd(&["send-keys", "-t", "tui", "q"]);
    let after = tmux.wait_for("the shell", |s| s.contains("EXITED"));
    assert!(
        !after.contains("def fib(n):") && !after.contains("Hot functions"),
        "the tui's screen is left:\n{after}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
