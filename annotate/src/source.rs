//! A source file's text split into lines, as the listing prints them.

/// The lines of one file; line `n` (1-based) is `lines[n - 1]`.
pub struct Source<'a> {
    lines: Vec<&'a str>,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Source<'a> {
        // `str::lines` drops the `\r` of CRLF endings, which would otherwise
        // move the cursor back over the gutter.
        Source {
            lines: text.lines().collect(),
        }
    }

    /// Lines in the file.
    pub fn len(&self) -> u32 {
        u32::try_from(self.lines.len()).unwrap_or(u32::MAX)
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `n` as written (None past the end, or for line 0).
    pub fn line(&self, n: u32) -> Option<&'a str> {
        let i = (n as usize).checked_sub(1)?;
        self.lines.get(i).copied()
    }

    /// Line `n` with tabs expanded to 8-column stops, so that it lines up
    /// under the gutter whatever the terminal's tab width.
    pub fn expanded(&self, n: u32) -> Option<String> {
        self.line(n).map(expand_tabs)
    }

    /// Columns of leading whitespace of line `n` (after tab expansion), for
    /// indenting the notes and headers that go with it.
    pub fn indent(&self, n: u32) -> usize {
        self.expanded(n)
            .map_or(0, |l| l.len() - l.trim_start().len())
    }
}

pub fn expand_tabs(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut col = 0;
    for c in line.chars() {
        if c == '\t' {
            let n = 8 - col % 8;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            col += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_tabs_and_ends() {
        let s = Source::new("a\r\n\tb = 1\n  c\n");
        assert_eq!(s.len(), 3);
        assert_eq!(s.line(1), Some("a"));
        assert_eq!(s.expanded(2).as_deref(), Some("        b = 1"));
        assert_eq!(s.indent(2), 8);
        assert_eq!(s.indent(3), 2);
        assert_eq!(s.line(0), None);
        assert_eq!(s.line(4), None);
        assert!(Source::new("").is_empty());
        assert_eq!(expand_tabs("ab\tc"), "ab      c");
    }
}
