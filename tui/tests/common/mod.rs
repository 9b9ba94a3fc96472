//! Shared by the tui tests: an App on the fixture, keys, and the screen as text.

#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tui::App;

pub fn app() -> App {
    tui::app(
        profile::fixture::example(),
        std::path::Path::new("example.json"),
    )
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Draw `app` on a `w`x`h` test terminal; the screen, one string per row.
pub fn screen(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| tui::draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

pub fn text(app: &App) -> String {
    screen(app, 120, 40).join("\n")
}

/// The first row containing `needle`.
pub fn row_of(screen: &[String], needle: &str) -> Option<usize> {
    screen.iter().position(|l| l.contains(needle))
}
