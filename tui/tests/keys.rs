//! Key sequences through `App::handle_key`, checked on the state.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyModifiers, MouseEvent, MouseEventKind};
use tui::app::View;

#[test]
fn open_hot_function_jump_to_worst_bail_back_out_and_quit() {
    let mut a = app();
    assert_eq!(a.view(), View::Hot);
    key(&mut a, KeyCode::Down); // total, second by self time
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.view(), View::Source);
    assert_eq!(a.cursor_line(), 6);
    keys(&mut a, "b");
    assert_eq!(a.cursor_line(), 9, "the bail is on line 9");
    key(&mut a, KeyCode::Esc);
    assert_eq!((a.view(), a.cursor_line()), (View::Source, 6));
    key(&mut a, KeyCode::Backspace);
    assert_eq!(a.view(), View::Hot);
    assert!(!a.should_quit());
    keys(&mut a, "q");
    assert!(a.should_quit());
}

#[test]
fn esc_at_top_level_quits() {
    let mut a = app();
    key(&mut a, KeyCode::Esc);
    assert!(a.should_quit());
}

#[test]
fn bails_view_enter_opens_the_line() {
    let mut a = app();
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.view(), View::Bails);
    key(&mut a, KeyCode::Enter);
    assert_eq!((a.view(), a.cursor_line()), (View::Source, 9));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.view(), View::Bails);
}

#[test]
fn interesting_lines_and_search_in_source() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    keys(&mut a, "g]");
    assert_eq!(a.cursor_line(), 8, "allocation in the hot loop");
    keys(&mut a, "]");
    assert_eq!(a.cursor_line(), 9, "bail");
    keys(&mut a, "]");
    assert_eq!(a.cursor_line(), 9, "nothing later");
    assert!(a.status.is_some());
    keys(&mut a, "[");
    assert_eq!(a.cursor_line(), 8);

    keys(&mut a, "g/print");
    assert_eq!(a.cursor_line(), 12, "live search");
    key(&mut a, KeyCode::Enter);
    keys(&mut a, "n");
    assert_eq!(a.cursor_line(), 13);
    keys(&mut a, "N");
    assert_eq!(a.cursor_line(), 12);
}

#[test]
fn search_function_names_in_hot_view() {
    let mut a = app();
    keys(&mut a, "/TOT");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.hot_row().map(|r| r.name.as_str()), Some("total"));
    keys(&mut a, "n");
    assert_eq!(a.hot_row().map(|r| r.name.as_str()), Some("loop total:8"));
    // Esc leaves the search without quitting.
    keys(&mut a, "/x");
    key(&mut a, KeyCode::Esc);
    assert!(!a.should_quit());
}

#[test]
fn calls_drill_down_and_back_up() {
    let mut a = app(); // focus: fib
    key(&mut a, KeyCode::Char('4'));
    key(&mut a, KeyCode::Left); // callers of fib: <module>, fib
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.nav.focus, Some(profile::fixture::MODULE));
    key(&mut a, KeyCode::Right);
    keys(&mut a, "jj"); // callees of <module> by time: fib, total, print
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.nav.focus, Some(profile::fixture::PRINT));
    key(&mut a, KeyCode::Backspace);
    assert_eq!(a.nav.focus, Some(profile::fixture::MODULE));
    key(&mut a, KeyCode::Backspace);
    assert_eq!(a.nav.focus, Some(profile::fixture::FIB));
    assert_eq!(a.depth(), 0);
}

#[test]
fn source_to_code_and_back() {
    let mut a = app();
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter); // total's source
    keys(&mut a, "jjj"); // line 9
    keys(&mut a, "c");
    assert_eq!(a.view(), View::Code);
    let row = a
        .code
        .as_ref()
        .and_then(|c| c.rows.get(a.nav.code_cursor))
        .cloned()
        .unwrap();
    assert_eq!(row.line, 9, "the cursor starts on the source line");
    keys(&mut a, "v"); // the older compile
    assert_eq!(a.code.as_ref().and_then(|c| c.compile), Some(1));
    key(&mut a, KeyCode::Esc);
    assert_eq!((a.view(), a.cursor_line()), (View::Source, 9));
}

#[test]
fn mouse_wheel_moves_and_ctrl_c_quits() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    let wheel = |kind| MouseEvent {
        kind,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    };
    a.handle_mouse(wheel(MouseEventKind::ScrollDown));
    assert_eq!(a.cursor_line(), 4);
    a.handle_mouse(wheel(MouseEventKind::ScrollUp));
    assert_eq!(a.cursor_line(), 1);
    a.handle_key(crossterm::event::KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    ));
    assert!(a.should_quit());
}

#[test]
fn a_profile_with_dangling_data_does_not_panic() {
    let mut p = profile::fixture::example();
    p.compiles[0].code_hex = "zz1".into();
    p.compiles[0].pc_offsets = vec![99, 0];
    p.functions[1].first_line = 400;
    p.functions[1].last_line = 900;
    p.files[0].source.clear();
    let mut a = tui::app(p, std::path::Path::new("bad.json"));
    for k in [
        "1", "j", "\n", "]", "[", "b", "c", "3", "\n", "4", "\n", "5", "v", "o", "G", "g",
    ] {
        match k {
            "\n" => key(&mut a, KeyCode::Enter),
            _ => keys(&mut a, k),
        }
        let _ = text(&a);
    }
}
