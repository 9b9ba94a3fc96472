//! Calls view: the focused function, who calls it and what it calls.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};
use ratatui::Frame;

use super::{cursor_style, titled, window};
use crate::app::{App, Side};
use crate::model::{fmt_ns, tier_label};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let m = &app.model;
    let Some(f) = app.nav.focus.and_then(|id| m.function(id)) else {
        frame.render_widget(
            Paragraph::new("No function selected (pick one in the hot view).")
                .block(titled(" Calls ".into())),
            area,
        );
        return;
    };
    let [head, lists] = Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(area);
    let info = vec![
        Line::from(vec![
            Span::styled(
                f.qualname.clone(),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Span::styled(
                format!("  {}  {}", m.location(f.id), tier_label(f)),
                Style::new().fg(Color::DarkGray),
            ),
        ]),
        Line::from(format!(
            "{} calls ({} primitive)  self {}  cumulative {}{}",
            f.calls,
            f.primitive_calls,
            fmt_ns(f.self_ns),
            fmt_ns(f.cumulative_ns),
            // Estimates from the samples, not measurements: say so.
            if m.p.run.timing == profile::Timing::Sampled {
                "  (times from samples)"
            } else {
                ""
            }
        )),
    ];
    let crumb = if app.depth() > 0 {
        format!(" Calls · {} back ", app.depth())
    } else {
        " Calls ".into()
    };
    frame.render_widget(Paragraph::new(info).block(titled(crumb)), head);

    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(lists);
    let callers: Vec<_> = m
        .callers(f.id)
        .into_iter()
        .map(|(id, e)| (id, e.calls, e.cumulative_ns))
        .collect();
    let callees: Vec<_> = m
        .callees(f.id)
        .into_iter()
        .map(|(id, e)| (id, e.calls, e.cumulative_ns))
        .collect();
    draw_list(
        frame,
        app,
        left,
        " ← callers ",
        &callers,
        app.nav.side == Side::Callers,
    );
    draw_list(
        frame,
        app,
        right,
        " callees → ",
        &callees,
        app.nav.side == Side::Callees,
    );
}

/// One list of (function, calls on the edge, cumulative time on the edge).
fn draw_list(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    title: &str,
    items: &[(u32, u64, u64)],
    active: bool,
) {
    let border = if active {
        Style::new().fg(Color::Cyan)
    } else {
        Style::new().fg(Color::DarkGray)
    };
    let block = Block::bordered()
        .title(title.to_string())
        .border_style(border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new("(none)").style(Style::new().fg(Color::DarkGray)),
            inner,
        );
        return;
    }
    let height = inner.height.saturating_sub(1) as usize;
    let off = if active {
        app.scroll.page.set(height);
        window(
            &app.scroll.recenter,
            app.nav.calls_cursor,
            items.len(),
            height,
            &app.scroll.calls,
        )
    } else {
        0
    };
    let m = &app.model;
    let rows = items
        .iter()
        .enumerate()
        .skip(off)
        .take(height)
        .map(|(pos, &(id, calls, ns))| {
            let row = Row::new(vec![fmt_ns(ns), calls.to_string(), m.fn_name(id)]);
            if active && pos == app.nav.calls_cursor {
                row.style(cursor_style())
            } else {
                row
            }
        });
    let widths = [
        Constraint::Length(9),
        Constraint::Length(8),
        Constraint::Min(8),
    ];
    let header = Row::new(["cum", "calls", "function"])
        .style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    frame.render_widget(Table::new(rows, widths).header(header), inner);
}
