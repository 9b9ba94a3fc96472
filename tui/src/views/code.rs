//! Code view: the interleaved listing of `disasm`; rows of the cursor's
//! source line are highlighted.

use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{cursor_style, paint_row, titled, window};
use crate::app::App;
use crate::disasm::RowKind;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(listing) = app.code.as_ref() else {
        frame.render_widget(
            Paragraph::new("No function selected (pick one in the hot view).")
                .block(titled(" Code ".into())),
            area,
        );
        return;
    };
    let block = titled(format!(" Code · {} ", app.model.fn_name(listing.function)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    app.scroll.page.set(height);
    let off = window(
        &app.scroll.recenter,
        app.nav.code_cursor,
        listing.rows.len(),
        height,
        &app.scroll.code,
    );
    let cur_line = listing
        .rows
        .get(app.nav.code_cursor)
        .map(|r| r.line)
        .unwrap_or(0);
    let lines: Vec<Line> = listing
        .rows
        .iter()
        .skip(off)
        .take(height)
        .map(|r| {
            let (indent, style) = match r.kind {
                RowKind::Source => (
                    "",
                    Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
                ),
                RowKind::Bytecode => ("    ", Style::new().fg(Color::Cyan)),
                RowKind::Asm => ("        ", Style::new()),
                RowKind::Note => (
                    "        ",
                    Style::new().fg(Color::Green).add_modifier(Modifier::ITALIC),
                ),
                RowKind::Info => ("", Style::new().fg(Color::Yellow)),
            };
            Line::styled(format!("{indent}{}", r.text), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    // Every row of the cursor's source line (source, bytecode and machine
    // code alike) is shaded; the cursor row itself is highlighted.
    for (k, r) in listing.rows.iter().enumerate().skip(off).take(height) {
        if k == app.nav.code_cursor {
            paint_row(frame, inner, k - off, cursor_style());
        } else if cur_line > 0 && r.line == cur_line {
            paint_row(frame, inner, k - off, Style::new().bg(Color::Indexed(237)));
        }
    }
}
