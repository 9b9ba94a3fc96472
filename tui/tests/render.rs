//! Each view drawn on a 120x40 `TestBackend` from the fixture profile.

mod common;

use common::*;
use crossterm::event::KeyCode;

#[test]
fn hot_view_ranks_by_self_time_then_cumulative() {
    let mut a = app();
    let s = screen(&a, 120, 40);
    let fib = row_of(&s, " fib ").expect("fib listed");
    let total = row_of(&s, " total ").expect("total listed");
    let lp = row_of(&s, "loop total:8").expect("the loop is listed");
    let module = row_of(&s, "<module>").expect("<module> listed");
    assert!(fib < total && total < lp && lp < module, "{s:#?}");
    assert!(
        s[fib].contains("6.00ms") && s[fib].contains("jit") && s[fib].contains("177"),
        "{}",
        s[fib]
    );
    assert!(
        s[total].contains("jit x2") && s[total].contains("100"),
        "bails of total: {}",
        s[total]
    );
    assert!(s[lp].contains("299 it"), "{}", s[lp]);
    assert!(text(&a).contains("by self time"));

    key(&mut a, KeyCode::Char('s'));
    let s = screen(&a, 120, 40);
    assert!(
        row_of(&s, "<module>") < row_of(&s, " fib "),
        "cumulative puts <module> first: {s:#?}"
    );
    assert!(text(&a).contains("by cumulative time"));
}

#[test]
fn source_view_shows_heat_markers_and_details() {
    let mut a = app();
    key(&mut a, KeyCode::Char('j')); // total
    key(&mut a, KeyCode::Enter);
    let s = screen(&a, 120, 40);
    let def = row_of(&s, "def total(xs):").expect("source shown");
    let body = row_of(&s, "s = s + x").expect("loop body shown");
    assert!(body > def);
    assert!(s[body].contains("27.3%"), "heat of line 9: {}", s[body]);
    assert!(s[body].contains("B"), "bail marker on line 9: {}", s[body]);
    assert!(s[body].contains("bail×100"), "{}", s[body]);
    let head = row_of(&s, "for x in xs:").unwrap();
    assert!(
        s[head].contains("9.1%") && s[head].contains("list_iterator×1"),
        "{}",
        s[head]
    );
    assert!(text(&a).contains("example.py"));

    // The detail panel follows the cursor.
    keys(&mut a, "jjj");
    let t = text(&a);
    assert!(t.contains(" line 9 "), "{t}");
    assert!(
        t.contains("types  `+`") && t.contains("left: int 200, float 100"),
        "{t}"
    );
    assert!(t.contains("bail   not_int_or_float ×100 cost 150µs"), "{t}");
}

#[test]
fn bails_view_shows_reason_types_and_first_stack() {
    let mut a = app();
    key(&mut a, KeyCode::Char('3'));
    let t = text(&a);
    assert!(t.contains("not_int_or_float"), "{t}");
    assert!(t.contains("an operand was neither int nor float"), "{t}");
    assert!(t.contains("expected int + int"), "{t}");
    assert!(t.contains("observed int + float 100"), "{t}");
    assert!(t.contains("total:9") && t.contains("150µs"), "{t}");
    let s = screen(&a, 120, 40);
    let first = row_of(&s, "first occurrence").unwrap();
    assert!(
        s[first + 1].contains("<module>") && s[first + 1].contains("example.py:13"),
        "{s:#?}"
    );
    assert!(
        s[first + 2].contains("total") && s[first + 2].contains("example.py:9"),
        "{s:#?}"
    );
}

#[test]
fn calls_view_shows_callers_and_callees() {
    let mut a = app(); // fib has the cursor
    key(&mut a, KeyCode::Char('4'));
    let s = screen(&a, 120, 40);
    let t = s.join("\n");
    assert!(t.contains("← callers") && t.contains("callees →"), "{t}");
    let module = row_of(&s, "<module>").expect("<module> calls fib");
    assert!(s[module].contains("6.00ms"), "{}", s[module]);
    assert!(t.contains("177 calls (1 primitive)"), "{t}");

    // The module calls fib, total and print.
    key(&mut a, KeyCode::Char('h'));
    key(&mut a, KeyCode::Enter);
    let t = text(&a);
    assert!(
        t.contains("print") && t.contains("total") && t.contains("fib"),
        "{t}"
    );
}

#[test]
fn code_view_disassembles_and_interleaves() {
    let mut a = app(); // fib
    key(&mut a, KeyCode::Char('5'));
    let s = screen(&a, 120, 40);
    let t = s.join("\n");
    for want in [
        "push rbx",
        "mov rbx, rsi",
        "xor eax, eax",
        "pop rbx",
        "ret",
        "; guard: int",
        "7f0000000000",
    ] {
        assert!(t.contains(want), "{want} missing:\n{t}");
    }
    let src = row_of(&s, "if n < 2:").expect("source line");
    let bc = row_of(&s, "JumpIfNotLtI").expect("bytecode");
    let push = row_of(&s, "push rbx").unwrap();
    let mov = row_of(&s, "mov rbx, rsi").unwrap();
    let ret = row_of(&s, "return n").unwrap();
    let note = row_of(&s, "; guard: int").unwrap();
    let xor = row_of(&s, "xor eax, eax").unwrap();
    assert!(
        src < bc && bc < push && push < mov && mov < ret && ret < note && note < xor,
        "{t}"
    );
}

#[test]
fn code_view_says_when_there_is_no_code() {
    let mut a = app();
    keys(&mut a, "G"); // the last row: print, a builtin
    key(&mut a, KeyCode::Char('5'));
    let t = text(&a);
    assert!(t.contains("no compiled code"), "{t}");
}

#[test]
fn tiny_terminal_says_so() {
    let a = app();
    let t = screen(&a, 40, 8).join("\n");
    assert!(t.contains("terminal too small"), "{t}");
    assert!(!t.contains("fib"), "{t}");
}

#[test]
fn help_lists_the_keys() {
    let mut a = app();
    keys(&mut a, "?");
    let t = text(&a);
    assert!(
        t.contains("keys (any key closes)") && t.contains("worst bail"),
        "{t}"
    );
    keys(&mut a, "x");
    assert!(!text(&a).contains("keys (any key closes)"));
}

#[test]
fn footer_shows_keys() {
    let a = app();
    let s = screen(&a, 120, 40);
    assert!(
        s[39].contains("? help") && s[39].contains("quit"),
        "{}",
        s[39]
    );
}

#[test]
fn cursor_row_is_highlighted_across_the_width() {
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    keys(&mut a, "jjjjjjjj"); // line 9
    let mut t = ratatui::Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| tui::draw(f, &a)).unwrap();
    let buf = t.backend().buffer();
    let y = (0..40u16)
        .find(|&y| {
            (0..120u16)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("s = s + x")
        })
        .unwrap();
    assert_eq!(
        buf[(110, y)].bg,
        Color::Indexed(24),
        "the highlight reaches the right edge"
    );
    assert_ne!(buf[(110, y - 1)].bg, Color::Indexed(24));
}

#[test]
fn resizing_redraws_and_narrow_title_yields_to_tabs() {
    use ratatui::backend::TestBackend;
    let a = app();
    let mut t = ratatui::Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| tui::draw(f, &a)).unwrap();
    for (w, h, want) in [
        (60, 12, "fib"),
        (40, 8, "terminal too small"),
        (100, 30, "fib"),
    ] {
        t.backend_mut().resize(w, h);
        t.draw(|f| tui::draw(f, &a)).unwrap();
        let buf = t.backend().buffer();
        let s: String = (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect();
        assert!(s.contains(want), "{w}x{h}:\n{s}");
        if w >= 60 {
            assert!(s.lines().next().unwrap().contains("5 Code"), "{s}");
        }
    }
}

#[test]
fn long_files_scroll_with_the_cursor() {
    let mut p = profile::fixture::example();
    p.files[0].source = (1..=500).map(|i| format!("x{i} = {i}\n")).collect();
    let mut a = tui::app(p, std::path::Path::new("long.json"));
    key(&mut a, KeyCode::Char('2'));
    keys(&mut a, "G");
    assert!(text(&a).contains("x500 = 500"));
    key(&mut a, KeyCode::PageUp);
    let t = text(&a);
    assert!(!t.contains("x500 = 500") && a.cursor_line() < 500, "{t}");
    keys(&mut a, "/x250 ");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.cursor_line(), 250);
    assert!(text(&a).contains("x250 = 250"));
}
