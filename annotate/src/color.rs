//! ANSI colour for the listing and the summary. Every call takes the `on`
//! flag the caller got from the CLI (--color, NO_COLOR, a terminal), so
//! uncoloured output never contains an escape.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Bold,
    Dim,
    Red,
    BoldRed,
    Yellow,
    Green,
    Cyan,
    Magenta,
    BoldBlue,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Bold => "1",
            Style::Dim => "2",
            Style::Red => "31",
            Style::BoldRed => "1;31",
            Style::Yellow => "33",
            Style::Green => "32",
            Style::Cyan => "36",
            Style::Magenta => "35",
            Style::BoldBlue => "1;34",
        }
    }
}

/// `text` in `style` when `on`, else `text` unchanged.
pub fn paint(on: bool, style: Style, text: &str) -> String {
    if on && !text.is_empty() {
        format!("\x1b[{}m{text}\x1b[0m", style.code())
    } else {
        text.to_string()
    }
}

/// Like `paint`, for an optional style.
pub fn paint_opt(on: bool, style: Option<Style>, text: &str) -> String {
    match style {
        Some(s) => paint(on, s, text),
        None => text.to_string(),
    }
}

/// The heat colour of a line or function holding `percent` of the samples:
/// red for the few places that matter, yellow for warm ones, none below 1%
/// so the hot spots stand out instead of a rainbow.
pub fn heat(percent: f64) -> Option<Style> {
    if percent >= 10.0 {
        Some(Style::BoldRed)
    } else if percent >= 3.0 {
        Some(Style::Red)
    } else if percent >= 1.0 {
        Some(Style::Yellow)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_means_no_escapes() {
        assert_eq!(paint(false, Style::Red, "x"), "x");
        assert_eq!(paint(true, Style::Red, "x"), "\x1b[31mx\x1b[0m");
        assert_eq!(paint(true, Style::Red, ""), "");
        assert_eq!(heat(50.0), Some(Style::BoldRed));
        assert_eq!(heat(0.5), None);
    }
}
