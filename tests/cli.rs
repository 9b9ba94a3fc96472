//! Command-line behaviour: exit codes and messages for bad input.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

fn jitprof(args: &[&str]) -> Output {
    // These tests are about running programs, not recording them: no profile
    // (and no summary on stderr, no jitprof.json in the repository).
    let mut args = args.to_vec();
    if args.first() == Some(&"run") {
        args.insert(1, "--no-profile");
    }
    Command::new(env!("CARGO_BIN_EXE_jitprof"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run jitprof")
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = common::scratch("cli", "");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn missing_file_is_exit_2_with_message() {
    let o = jitprof(&["run", "/nonexistent/prog.py"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("can't open file '/nonexistent/prog.py'"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn syntax_error_names_file_line_and_column() {
    let p = temp_file("syn.py", b"x = 1\nif x\n    print(x)\n");
    let o = jitprof(&["run", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with(&format!("{}:2:", p.display())), "{err}");
    assert!(err.contains("SyntaxError:"), "{err}");
}

#[test]
fn unsupported_construct_is_named() {
    let p = temp_file("unsup.py", b"print(1)\nasync def f():\n    pass\n");
    let o = jitprof(&["run", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(":2:1: unsupported: async def"),
        "{}",
        stderr(&o)
    );
    // Nothing ran: compile errors are reported before execution.
    assert!(o.stdout.is_empty());
}

#[test]
fn non_utf8_file_is_a_clear_error() {
    let p = temp_file("latin1.py", b"x = 1\ns = '\xff\xfe'\n");
    let o = jitprof(&["run", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(":2:6:") && stderr(&o).contains("not valid UTF-8"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn uncaught_exception_prints_traceback_and_exits_1() {
    let p = temp_file(
        "boom.py",
        b"def f(x):\n    return 1 // x\n\nprint('before')\nf(0)\n",
    );
    let o = jitprof(&["run", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "before\n");
    let err = stderr(&o);
    let expected = format!(
        "Traceback (most recent call last):\n  File \"{0}\", line 5, in <module>\n    f(0)\n  File \"{0}\", line 2, in f\n    return 1 // x\n           ~~^^~~\nZeroDivisionError: integer division or modulo by zero\n",
        p.display()
    );
    assert_eq!(err, expected);
}

#[test]
fn sys_exit_code_is_the_exit_status() {
    let p = temp_file("exit.py", b"import sys\nprint('x')\nsys.exit(7)\n");
    let o = jitprof(&["run", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(7));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "x\n");
}

#[test]
fn argv_is_set_like_cpython() {
    let p = temp_file("argv.py", b"import sys\nprint(sys.argv)\n");
    let o = jitprof(&["run", p.to_str().unwrap(), "a", "--flag", "-x"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("['{}', 'a', '--flag', '-x']\n", p.display())
    );
}

#[test]
fn deep_recursion_is_a_recursion_error_not_a_crash() {
    let p = temp_file("rec.py", b"def f(n):\n    return f(n + 1)\n\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n");
    let o = jitprof(&["run", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "caught maximum recursion depth exceeded\n"
    );
}

#[test]
fn dump_bytecode_shows_source_lines() {
    let p = temp_file(
        "dump.py",
        b"def add(a, b):\n    return a + b\nprint(add(1, 2))\n",
    );
    let o = jitprof(&["run", "--dump-bytecode", p.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("code add"), "{err}");
    assert!(err.contains("return a + b"), "{err}");
    assert!(err.contains("Add"), "{err}");
    assert_eq!(String::from_utf8_lossy(&o.stdout), "3\n");
}

#[test]
fn help_exists_for_every_verb() {
    for verb in [&["--help"][..], &["run", "--help"][..]] {
        let o = jitprof(verb);
        assert!(o.status.success());
        assert!(String::from_utf8_lossy(&o.stdout).contains("Usage"));
    }
}

/// A program run by a relative path has CPython's absolute `__file__` and
/// traceback paths (the working directory joined to the path as typed,
/// `..` kept), and its `sys.argv[0]` as typed: compared with `python3` run
/// the same way. Regression: tracebacks said `File "prog.py"` where
/// CPython 3.11 says `File "/cwd/prog.py"`.
#[test]
fn relative_script_path_shows_as_cpython_shows_it() {
    let p = temp_file(
        "relpath.py",
        b"import sys\nprint(__file__, sys.argv[0])\ndef f():\n    raise ValueError('x')\nf()\n",
    );
    let dir = p.parent().unwrap();
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    for (cwd, arg) in [
        (dir, "relpath.py"),
        (dir, "./relpath.py"),
        (&*sub, "../relpath.py"),
    ] {
        let ours = Command::new(env!("CARGO_BIN_EXE_jitprof"))
            .args(["run", "--no-profile", arg])
            .current_dir(cwd)
            .output()
            .expect("run jitprof");
        let cpython = Command::new("python3")
            .arg(arg)
            .current_dir(cwd)
            .output()
            .expect("run python3");
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&cpython.stdout),
            "{arg}"
        );
        assert_eq!(stderr(&ours), stderr(&cpython), "{arg}");
        assert_eq!(ours.status.code(), Some(1), "{arg}");
    }
}
