//! Hot view: functions and loops ranked by self or cumulative time.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table};
use ratatui::Frame;

use super::{cursor_style, heat_color, titled, window};
use crate::app::{App, Sort};
use crate::model::{fmt_ns, HotKind};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let [summary, table] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    draw_summary(frame, app, summary);

    let sort = match app.sort {
        Sort::SelfTime => "self time",
        Sort::Cumulative => "cumulative time",
    };
    let block = titled(format!(" Hot functions and loops, by {sort} "));
    let inner = block.inner(table);
    frame.render_widget(block, table);

    let height = inner.height.saturating_sub(1) as usize; // minus the header row
    app.scroll.page.set(height);
    let off = window(
        &app.scroll.recenter,
        app.nav.hot_cursor,
        app.hot_order.len(),
        height,
        &app.scroll.hot,
    );
    let m = &app.model;
    let rows = app
        .hot_order
        .iter()
        .enumerate()
        .skip(off)
        .take(height)
        .filter_map(|(pos, &i)| {
            let r = m.hot.get(i)?;
            let ns = if app.sort == Sort::SelfTime {
                r.self_ns
            } else {
                r.cum_ns
            };
            let share = ns as f64 / m.total_ns as f64;
            let (name, calls) = match r.kind {
                HotKind::Function => (r.name.clone(), compact(r.calls)),
                HotKind::Loop(_) => (
                    format!("  ↻ {}", r.name),
                    format!("{} it", compact(r.calls)),
                ),
            };
            let place = match r.file {
                // The file name only: the source view's title has the whole path.
                Some(f) => format!("{}:{}", base_name(m.file_path(f)), r.line),
                None => "<built-in>".into(),
            };
            let mut row = Row::new(vec![
                Span::raw(fmt_ns(ns)),
                Span::styled(
                    format!("{:5.1}%", share * 100.0),
                    Style::new().fg(heat_color(share)),
                ),
                Span::styled(r.tier.clone(), tier_style(&r.tier)),
                Span::raw(calls),
                Span::styled(
                    r.bails.to_string(),
                    if r.bails > 0 {
                        Style::new().fg(Color::Red)
                    } else {
                        Style::new()
                    },
                ),
                Span::raw(r.allocs.to_string()),
                Span::raw(name),
                Span::styled(place, Style::new().fg(Color::DarkGray)),
            ]);
            if pos == app.nav.hot_cursor {
                row = row.style(cursor_style());
            }
            Some(row)
        });
    let widths = [
        Constraint::Length(9),
        Constraint::Length(6),
        Constraint::Length(8),
        Constraint::Length(10),
        Constraint::Length(6),
        Constraint::Length(7),
        Constraint::Min(16),
        Constraint::Length(24),
    ];
    let header = Row::new([
        "time",
        "%",
        "tier",
        "calls",
        "bails",
        "allocs",
        "function / loop",
        "where",
    ])
    .style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    frame.render_widget(
        Table::new(rows, widths).header(header).column_spacing(1),
        inner,
    );
}

fn tier_style(tier: &str) -> Style {
    match tier {
        t if t.starts_with("jit") => Style::new().fg(Color::Green),
        "refused" => Style::new().fg(Color::Red),
        "builtin" => Style::new().fg(Color::DarkGray),
        _ => Style::new().fg(Color::Yellow),
    }
}

/// One line: wall time, the tier split, and the JIT's totals.
fn draw_summary(frame: &mut Frame, app: &App, area: Rect) {
    let s = &app.model.p.summary;
    let t = &s.tier_ns;
    let pct = |ns: u64| ns as f64 * 100.0 / s.wall_ns.max(1) as f64;
    let dim = Style::new().fg(Color::DarkGray);
    let line = Line::from(vec![
        Span::styled(
            format!(" {} ", base_name(&app.model.p.run.program)),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(format!("wall {}  ", fmt_ns(s.wall_ns))),
        Span::styled(
            format!(
                "interp {:.0}% jit {:.0}% runtime {:.0}% gc {:.0}% compiler {:.0}%  ",
                pct(t.interpreter),
                pct(t.jit),
                pct(t.runtime),
                pct(t.collector),
                pct(t.compiler)
            ),
            dim,
        ),
        Span::raw(format!(
            "{} compiles, {} bails, {} allocations",
            s.compiles, s.bails, s.allocations
        )),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn base_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A count that fits the calls column: exact below a million, then `3.0M`,
/// `12.5G` (a loop's iteration count otherwise ran into the next column).
fn compact(n: u64) -> String {
    match n {
        0..=999_999 => n.to_string(),
        1_000_000..=999_999_999 => format!("{:.1}M", n as f64 / 1e6),
        _ => format!("{:.1}G", n as f64 / 1e9),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn large_counts_are_compacted_to_fit_the_column() {
        assert_eq!(super::compact(21891), "21891");
        assert_eq!(super::compact(3_000_001), "3.0M");
        assert_eq!(super::compact(12_500_000_000), "12.5G");
    }
}
