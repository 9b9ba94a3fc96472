//! Source view: the file with a heat gutter, markers for types, bails and
//! allocations, and the cursor line's details in a bottom panel.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::{cursor_style, heat_color, paint_row, titled, window};
use crate::app::App;
use crate::model::{fmt_bytes, fmt_ns, fmt_types, LineNotes, Model};

const DETAIL_HEIGHT: u16 = 9;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let detail_h = DETAIL_HEIGHT.min(area.height / 2);
    let [list, detail] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(detail_h)]).areas(area);
    let m = &app.model;
    let file = app.nav.file;
    // The function around the cursor, not the focus: the focus may be a
    // builtin picked in the calls view.
    let func = m
        .function_at(file, app.cursor_line())
        .map(|f| m.fn_name(f))
        .unwrap_or_default();
    let block = titled(format!(" {}  ·  {func} ", m.file_path(file)));
    let inner = block.inner(list);
    frame.render_widget(block, list);

    let lines = app.source_lines();
    let height = inner.height as usize;
    app.scroll.page.set(height);
    let off = window(
        &app.scroll.recenter,
        app.nav.src_cursor,
        lines.len(),
        height,
        &app.scroll.source,
    );
    let text: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(off)
        .take(height)
        .map(|(i, src)| source_line(m, file, i as u32 + 1, src, i == app.nav.src_cursor))
        .collect();
    if text.is_empty() {
        frame.render_widget(Paragraph::new("(this file's source is empty)"), inner);
    } else {
        frame.render_widget(Paragraph::new(text), inner);
        paint_row(
            frame,
            inner,
            app.nav.src_cursor.saturating_sub(off),
            cursor_style(),
        );
    }
    draw_detail(frame, app, detail);
}

/// `   9  30.0% █ BP  │     s = s + x    + int|float  bail×100`
fn source_line<'a>(m: &Model, file: u32, n: u32, src: &'a str, cursor: bool) -> Line<'a> {
    let share = m.line_share(file, n);
    let pct = if share > 0.0 {
        format!("{:5.1}%", share * 100.0)
    } else {
        "      ".into()
    };
    let bar = match share {
        s if s >= 0.2 => "█",
        s if s >= 0.05 => "▆",
        s if s > 0.0 => "▂",
        _ => " ",
    };
    let notes = m.notes(file, n);
    let mut spans = vec![
        Span::styled(format!("{n:>5} "), Style::new().fg(Color::DarkGray)),
        Span::styled(pct, Style::new().fg(heat_color(share))),
        Span::styled(format!(" {bar}"), Style::new().fg(heat_color(share))),
    ];
    spans.extend(markers(m, notes));
    spans.push(Span::styled(" │ ", Style::new().fg(Color::DarkGray)));
    spans.push(Span::raw(src));
    if let Some(n) = notes {
        let hint = inline_hint(m, n);
        if !hint.is_empty() {
            spans.push(Span::styled(
                format!("   {hint}"),
                Style::new()
                    .fg(Color::DarkGray)
                    .add_modifier(Modifier::ITALIC),
            ));
        }
    }
    let line = Line::from(spans);
    if cursor {
        line.style(cursor_style())
    } else {
        line
    }
}

/// Three marker columns: B (bail), M/P (megamorphic / polymorphic types), A (allocation; bold in a hot loop).
fn markers(m: &Model, notes: Option<&LineNotes>) -> Vec<Span<'static>> {
    let Some(n) = notes else {
        return vec![Span::raw(" ".repeat(4))];
    };
    let b = if n.bails.is_empty() { " " } else { "B" };
    let t = if n.megamorphic(&m.p) {
        Span::styled(
            "M",
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        )
    } else if n.polymorphic(&m.p) {
        Span::styled("P", Style::new().fg(Color::Yellow))
    } else if n.types.is_empty() {
        Span::raw(" ")
    } else {
        Span::styled("T", Style::new().fg(Color::DarkGray))
    };
    let a = match (n.allocs.is_empty(), n.hot_alloc) {
        (true, _) => Span::raw(" "),
        (false, true) => Span::styled(
            "A",
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
        (false, false) => Span::styled("a", Style::new().fg(Color::Cyan)),
    };
    vec![
        Span::raw(" "),
        Span::styled(b, Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)),
        t,
        a,
    ]
}

/// The types, bails and allocations of a line, short, after its text.
fn inline_hint(m: &Model, n: &LineNotes) -> String {
    let mut parts = vec![];
    for s in n.types.iter().filter_map(|&i| m.p.type_sites.get(i)) {
        let mut names: Vec<&str> = vec![];
        for t in s.operands.iter().flat_map(|o| o.types.iter()) {
            if !names.contains(&t.type_name.as_str()) {
                names.push(&t.type_name);
            }
        }
        let mega = if s.operands.iter().any(|o| o.megamorphic) {
            "|…"
        } else {
            ""
        };
        parts.push(format!("{} {}{mega}", s.op, names.join("|")));
    }
    for b in n.bails.iter().filter_map(|&i| m.p.bails.get(i)) {
        parts.push(format!("bail×{} {}", b.count, b.reason));
    }
    for a in n.allocs.iter().filter_map(|&i| m.p.allocations.get(i)) {
        parts.push(format!("{}×{}", a.type_name, a.count));
    }
    parts.join("  ")
}

fn draw_detail(frame: &mut Frame, app: &App, area: Rect) {
    let m = &app.model;
    let (file, n) = (app.nav.file, app.cursor_line());
    let mut text: Vec<Line> = vec![];
    let head = match m.line(file, n) {
        Some(l) => {
            let t = &l.samples_by_tier;
            format!(
                "{} samples ({:.1}%): interp {} jit {} runtime {} gc {} compiler {}; entered {} times",
                l.samples,
                m.line_share(file, n) * 100.0,
                t.interpreter,
                t.jit,
                t.runtime,
                t.collector,
                t.compiler,
                l.exec_count
            )
        }
        None => "no samples".into(),
    };
    text.push(Line::from(head));
    let bold = Style::new().add_modifier(Modifier::BOLD);
    if let Some(notes) = m.notes(file, n) {
        for s in notes.types.iter().filter_map(|&i| m.p.type_sites.get(i)) {
            let ops: Vec<String> = s
                .operands
                .iter()
                .map(|o| {
                    format!(
                        "{}: {}{}",
                        o.role,
                        fmt_types(&o.types),
                        if o.megamorphic { " (megamorphic)" } else { "" }
                    )
                })
                .collect();
            text.push(Line::from(vec![
                Span::styled(
                    format!("types  `{}` col {}  ", s.op, s.col),
                    Style::new().fg(Color::Yellow),
                ),
                Span::raw(ops.join("; ")),
            ]));
        }
        for b in notes.bails.iter().filter_map(|&i| m.p.bails.get(i)) {
            text.push(Line::from(vec![
                Span::styled(
                    format!(
                        "bail   {} ×{} cost {}  ",
                        b.reason,
                        b.count,
                        fmt_ns(b.cost_ns)
                    ),
                    bold.fg(Color::Red),
                ),
                Span::raw(format!(
                    "expected {}, observed {}{}",
                    b.expected,
                    fmt_types(&b.observed),
                    if b.recompiled { " (recompiled)" } else { "" }
                )),
            ]));
        }
        for a in notes.allocs.iter().filter_map(|&i| m.p.allocations.get(i)) {
            text.push(Line::from(vec![
                Span::styled(
                    format!(
                        "alloc  {} ×{} {}  ",
                        a.type_name,
                        a.count,
                        fmt_bytes(a.bytes)
                    ),
                    Style::new().fg(Color::Cyan),
                ),
                Span::raw(format!(
                    "{} in compiled code{}",
                    a.jit_count,
                    if notes.hot_alloc {
                        "; inside a hot loop"
                    } else {
                        ""
                    }
                )),
            ]));
        }
    }
    let block = titled(format!(" line {n} "));
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
        area,
    );
}
