//! `jitprof tui`: a terminal explorer of a profile (ratatui + crossterm).
//!
//! The parts: `model` joins the profile once; `app` holds the state and maps
//! keys to changes of it; `views` draws an `App` (and only reads it); `term`
//! owns the real terminal. Tests drive `App` and draw it on a `TestBackend`.

pub mod app;
pub mod disasm;
pub mod model;
mod term;
pub mod views;

use std::path::Path;

use crossterm::event::{self, Event, KeyEventKind};
use profile::Profile;

pub use app::App;
pub use views::draw;

/// An `App` for `profile` (read from `path`), as `run` starts it.
pub fn app(profile: Profile, path: &Path) -> App {
    App::new(model::Model::new(profile), &path.display().to_string())
}

/// Open the explorer on `profile` (read from `path`) until the user quits.
pub fn run(profile: Profile, path: &Path) -> std::io::Result<()> {
    let mut app = app(profile, path);
    let mut guard = term::setup()?;
    loop {
        // `draw` resizes the buffers to the terminal first, so a resize
        // event needs nothing more than this redraw.
        guard.terminal.draw(|f| draw(f, &app))?;
        match event::read()? {
            // Release and repeat events (kitty protocol, Windows) would double keys.
            Event::Key(k) if k.kind == KeyEventKind::Press => app.handle_key(k),
            Event::Mouse(m) => app.handle_mouse(m),
            _ => {}
        }
        if app.should_quit() {
            return Ok(());
        }
    }
}
