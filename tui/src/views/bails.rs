//! Bails view: bail sites ranked by estimated cost, with the selected
//! site's reason, types and the stack of its first occurrence.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Wrap};
use ratatui::Frame;

use super::{cursor_style, titled, window};
use crate::app::App;
use crate::model::{fmt_ns, fmt_types};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let m = &app.model;
    if m.bails_by_cost.is_empty() {
        let msg = "No bails: compiled code never had to leave for the interpreter.";
        frame.render_widget(Paragraph::new(msg).block(titled(" Bails ".into())), area);
        return;
    }
    let detail_h = 12.min(area.height / 2);
    let [list, detail] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(detail_h)]).areas(area);
    let block = titled(format!(
        " Bail sites by estimated cost ({}) ",
        m.bails_by_cost.len()
    ));
    let inner = block.inner(list);
    frame.render_widget(block, list);

    let height = inner.height.saturating_sub(1) as usize;
    app.scroll.page.set(height);
    let off = window(
        &app.scroll.recenter,
        app.nav.bail_cursor,
        m.bails_by_cost.len(),
        height,
        &app.scroll.bails,
    );
    let rows = m
        .bails_by_cost
        .iter()
        .enumerate()
        .skip(off)
        .take(height)
        .filter_map(|(pos, &i)| {
            let b = m.p.bails.get(i)?;
            let mut row = Row::new(vec![
                Span::raw(fmt_ns(b.cost_ns)),
                Span::raw(b.count.to_string()),
                Span::styled(b.reason.clone(), Style::new().fg(Color::Red)),
                Span::raw(format!("{}:{}", m.fn_name(b.function), b.line)),
                Span::raw(if b.recompiled { "yes" } else { "" }),
                Span::styled(
                    format!("{} / {}", b.expected, fmt_types(&b.observed)),
                    Style::new().fg(Color::DarkGray),
                ),
            ]);
            if pos == app.nav.bail_cursor {
                row = row.style(cursor_style());
            }
            Some(row)
        });
    let widths = [
        Constraint::Length(9),
        Constraint::Length(8),
        Constraint::Length(18),
        Constraint::Length(32),
        Constraint::Length(6),
        Constraint::Min(10),
    ];
    let header = Row::new([
        "cost",
        "count",
        "reason",
        "where",
        "recomp",
        "expected / observed",
    ])
    .style(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    frame.render_widget(
        Table::new(rows, widths).header(header).column_spacing(1),
        inner,
    );
    draw_detail(frame, app, detail);
}

fn draw_detail(frame: &mut Frame, app: &App, area: Rect) {
    let m = &app.model;
    let Some(b) = app.selected_bail().and_then(|i| m.p.bails.get(i)) else {
        return;
    };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut text = vec![
        Line::from(vec![
            Span::styled(format!("{}: ", b.reason), bold.fg(Color::Red)),
            Span::raw(b.description.clone()),
        ]),
        Line::from(format!(
            "at {} line {} col {} (pc {}), {} times, est. cost {}{}",
            m.fn_name(b.function),
            b.line,
            b.col,
            b.pc,
            b.count,
            fmt_ns(b.cost_ns),
            if b.recompiled {
                "; led to a recompile with the generic path"
            } else {
                ""
            }
        )),
        Line::from(vec![
            Span::styled("expected ", bold),
            Span::raw(b.expected.clone()),
        ]),
        Line::from(vec![
            Span::styled("observed ", bold),
            Span::raw(fmt_types(&b.observed)),
        ]),
        Line::from(Span::styled("first occurrence (outermost first):", bold)),
    ];
    for fr in &b.first_stack {
        let place = match m.function(fr.function).and_then(|f| f.file) {
            Some(file) => format!("{}:{}", m.file_path(file), fr.line),
            None => "<built-in>".into(),
        };
        text.push(Line::from(format!(
            "  {:<30} {place}",
            m.fn_name(fr.function)
        )));
    }
    frame.render_widget(
        Paragraph::new(text)
            .block(titled(" bail ".into()))
            .wrap(Wrap { trim: false }),
        area,
    );
}
