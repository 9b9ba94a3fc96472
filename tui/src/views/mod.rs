//! Drawing: `draw` paints the whole screen from an `App`, nothing else.
//! Each view has its own module; this one draws the frame around them
//! (tabs, footer, help, the too-small message).

mod bails;
mod calls;
mod code;
mod hot;
mod source;

use std::cell::Cell;

use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Tabs, Wrap};
use ratatui::Frame;

use crate::app::{App, Mode, View};

/// Below this the layout cannot show a useful listing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_tabs(frame, app, header);
    match app.view() {
        View::Hot => hot::draw(frame, app, body),
        View::Source => source::draw(frame, app, body),
        View::Bails => bails::draw(frame, app, body),
        View::Calls => calls::draw(frame, app, body),
        View::Code => code::draw(frame, app, body),
    }
    draw_footer(frame, app, footer);
    if app.mode == Mode::Help {
        draw_help(frame, area);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let msg = format!(
        "terminal too small\n{}x{}, need {MIN_WIDTH}x{MIN_HEIGHT}\n(q quits)",
        area.width, area.height
    );
    let y = area.height.saturating_sub(3) / 2;
    let rect = Rect {
        x: area.x,
        y: area.y + y,
        width: area.width,
        height: area.height.min(3),
    };
    frame.render_widget(Paragraph::new(msg).alignment(Alignment::Center), rect);
}

fn draw_tabs(frame: &mut Frame, app: &App, area: Rect) {
    let titles: Vec<String> = View::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{} {}", i + 1, v.title()))
        .collect();
    let selected = View::ALL.iter().position(|v| *v == app.view()).unwrap_or(0);
    let title = format!("jitprof tui · {} ", app.path);
    // The title gives way to the tabs on a narrow terminal.
    let tabs_w = titles
        .iter()
        .map(|t| t.chars().count() as u16 + 3)
        .sum::<u16>();
    let w = (title.chars().count() as u16).min(area.width.saturating_sub(tabs_w));
    let [left, right] = Layout::horizontal([Constraint::Min(1), Constraint::Length(w)]).areas(area);
    let tabs = Tabs::new(titles)
        .select(selected)
        .highlight_style(
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
        )
        .divider("│");
    frame.render_widget(tabs, left);
    frame.render_widget(
        Paragraph::new(title)
            .alignment(Alignment::Right)
            .style(Style::new().fg(Color::DarkGray)),
        right,
    );
}

fn view_keys(view: View) -> &'static str {
    match view {
        View::Hot => "↑↓ move  Enter source  s self/cumulative  / find",
        View::Source => "↑↓ move  [ ] interesting  b worst bail  c/Enter code  f file  / find",
        View::Bails => "↑↓ move  Enter source",
        View::Calls => "←→ callers/callees  Enter drill down  Bksp back  o source",
        View::Code => "↑↓ move  v version  o/Enter source",
    }
}

fn draw_footer(frame: &mut Frame, app: &App, area: Rect) {
    let line = match (&app.mode, &app.status) {
        (Mode::Search(q), _) => Line::from(vec![
            Span::styled("/", Style::new().fg(Color::Yellow)),
            Span::raw(q.clone()),
            Span::styled(
                "▏  Enter keep  Esc cancel",
                Style::new().fg(Color::DarkGray),
            ),
        ]),
        (_, Some(s)) => Line::from(Span::styled(s.clone(), Style::new().fg(Color::Yellow))),
        _ => {
            let back = if app.depth() > 0 {
                "Esc back"
            } else {
                "Esc/q quit"
            };
            Line::from(vec![
                Span::styled(view_keys(app.view()), Style::new().fg(Color::Gray)),
                Span::styled(
                    format!("  Tab/1-5 views  ? help  {back}"),
                    Style::new().fg(Color::DarkGray),
                ),
            ])
        }
    };
    frame.render_widget(
        Paragraph::new(line).style(Style::new().bg(Color::Indexed(236))),
        area,
    );
}

const HELP: &[(&str, &str)] = &[
    (
        "Tab / Shift-Tab, 1-5",
        "switch view: hot, source, bails, calls, code",
    ),
    ("↑ ↓ j k, PgUp PgDn, g G", "move; mouse wheel scrolls"),
    (
        "Enter",
        "open: hot/bails → source, source → code, calls → drill down",
    ),
    (
        "Esc / Backspace",
        "back to where the last Enter came from (Esc at top quits)",
    ),
    (
        "/  n  N",
        "find (names in hot, text in source); next; previous",
    ),
    ("s", "hot: rank by self or cumulative time"),
    (
        "[  ]",
        "source: previous / next bail, megamorphic site, hot-loop allocation",
    ),
    ("b", "source: the worst bail of this function"),
    ("c", "source: machine code of the function at the cursor"),
    ("f", "source: next file"),
    ("← →  h l", "calls: callers / callees list"),
    ("o", "calls, code: open the function's source"),
    ("v", "code: previous compile of the function"),
    ("q, Ctrl-C", "quit"),
];

fn draw_help(frame: &mut Frame, area: Rect) {
    let w = area.width.min(84);
    let h = area.height.min(HELP.len() as u16 + 4);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let lines: Vec<Line> = HELP
        .iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!("{k:>24}  "), Style::new().fg(Color::Cyan)),
                Span::raw(*d),
            ])
        })
        .collect();
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" keys (any key closes) ");
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// The first row to show so that `cursor` is visible in `height` rows,
/// moving the window only when the cursor leaves it. After a jump
/// (`recenter`), the cursor goes a third of the way down instead, so the
/// place jumped to shows what comes after it.
pub(crate) fn window(
    recenter: &Cell<bool>,
    cursor: usize,
    len: usize,
    height: usize,
    offset: &Cell<usize>,
) -> usize {
    let h = height.max(1);
    let mut off = offset.get();
    if recenter.take() {
        off = cursor.saturating_sub(h / 3);
    } else if cursor < off {
        off = cursor;
    } else if cursor >= off + h {
        off = cursor + 1 - h;
    }
    off = off.min(len.saturating_sub(h));
    offset.set(off);
    off
}

/// Paint `style` over row `row` of `area` (if visible): a `Line`'s own
/// style covers only its text, and a highlight should span the row.
pub(crate) fn paint_row(frame: &mut Frame, area: Rect, row: usize, style: Style) {
    if row < area.height as usize {
        let rect = Rect {
            x: area.x,
            y: area.y + row as u16,
            width: area.width,
            height: 1,
        };
        frame.buffer_mut().set_style(rect, style);
    }
}

/// The cursor row's style.
pub(crate) fn cursor_style() -> Style {
    Style::new()
        .bg(Color::Indexed(24))
        .add_modifier(Modifier::BOLD)
}

/// Colour for a share of time (0..=1).
pub(crate) fn heat_color(share: f64) -> Color {
    if share >= 0.2 {
        Color::Red
    } else if share >= 0.05 {
        Color::Yellow
    } else if share > 0.0 {
        Color::Green
    } else {
        Color::DarkGray
    }
}

pub(crate) fn titled(title: String) -> Block<'static> {
    Block::default().borders(Borders::ALL).title(title)
}
