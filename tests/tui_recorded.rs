//! `jitprof tui` on a profile recorded from a testdata program (the tui
//! crate's own tests use a hand-made profile): every view draws what the
//! recording holds, and the keys get from the hot list to a bail and back.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn recorded() -> profile::Profile {
    let dir = common::scratch("tui-recorded", "");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("p.json");
    let root = env!("CARGO_MANIFEST_DIR");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_jitprof"))
        .args(["run", "-q", "--jit=eager", "-o"])
        .arg(&out)
        .arg("testdata/jit/types_change_mid_loop.py")
        .current_dir(root)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let p = profile::load(&out).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    p
}

fn screen(app: &tui::App) -> String {
    let mut t = Terminal::new(TestBackend::new(140, 45)).unwrap();
    t.draw(|f| tui::draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    (0..45)
        .map(|y| (0..140).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn press(app: &mut tui::App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn every_view_shows_the_recorded_program() {
    let p = recorded();
    let worst = p
        .bails
        .iter()
        .max_by_key(|b| b.cost_ns)
        .expect("the program bails")
        .clone();
    let worst_fn = p.functions[worst.function as usize].qualname.clone();
    let mut app = tui::app(p, std::path::Path::new("p.json"));

    // Hot view: the module and the functions that ran.
    let hot = screen(&app);
    for name in ["<module>", "add", "step", "Money.__add__"] {
        assert!(hot.contains(name), "hot view lacks {name}:\n{hot}");
    }

    // Source view: the program's own lines.
    press(&mut app, KeyCode::Char('2'));
    let src = screen(&app);
    assert!(src.contains("types_change_mid_loop.py"), "{src}");

    // Bails view: the costliest bail first, with its reason.
    press(&mut app, KeyCode::Char('3'));
    let bails = screen(&app);
    assert!(bails.contains(&worst.reason), "{bails}");
    assert!(bails.contains(&worst_fn), "{bails}");
    // Enter jumps to its line in the source view.
    press(&mut app, KeyCode::Enter);
    let at = screen(&app);
    assert!(at.contains(&format!("{:>5}", worst.line)), "{at}");

    // Calls view and code view draw for the selected function. (Which
    // function has the costliest bail depends on timing: the view is checked
    // for that function, not for a caller only some of them have.)
    press(&mut app, KeyCode::Char('4'));
    let calls = screen(&app);
    assert!(calls.contains(&worst_fn), "{calls}");
    press(&mut app, KeyCode::Char('5'));
    let code = screen(&app);
    assert!(code.contains("push rbp") || code.contains("mov "), "{code}");

    // Back out and quit.
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}
