//! CPython 3.11's fine-grained error locations in tracebacks: the marker line
//! under a frame's source line (`^^^^^` under the failing call, `~~~^~~~`
//! under a binary operation, `~~~^^^^^` under a subscript).
//!
//! This follows CPython 3.11's `tb_displayline` (Python/traceback.c), which
//! prints uncaught exceptions: the markers span the instruction's source range
//! (see `Loc`); a range that spans lines is marked to the end of its first
//! line; no markers when they would cover the whole stripped line, unless the
//! range is a binary operation or subscript, whose operator / index part is
//! drawn with `^` and the rest with `~` (found by parsing the marked segment
//! on its own, as CPython does).

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use crate::bytecode::code::{Loc, SourceFile};
use crate::interp::wide_chars::char_width;

/// The marker line (without newline) for an instruction at `loc`, or None.
pub fn caret_line(src: &SourceFile, loc: Loc) -> Option<String> {
    if loc.end <= loc.start || loc.line == 0 {
        return None;
    }
    let line_start = *src.line_starts.get(loc.line as usize - 1)? as usize;
    let text = src.line_text(loc.line)?;
    let start_b = (loc.start as usize).checked_sub(line_start)?;
    if start_b > text.len() || !text.is_char_boundary(start_b) {
        return None;
    }
    let start_c = text[..start_b].chars().count();
    let end_abs = loc.end as usize;
    let (end_c, anchors) = if end_abs <= line_start + text.len() {
        let end_b = end_abs - line_start;
        let seg = text.get(start_b..end_b)?;
        (start_c + seg.chars().count(), anchors(seg))
    } else {
        // A range over several lines: mark to the last non-blank character.
        (text.trim_end().chars().count(), None)
    };
    if end_c <= start_c {
        return None;
    }
    let indent = text
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    // Trailing blanks count: the source line is printed with them.
    let stripped_len = text.chars().count() - indent;
    if end_c - start_c == stripped_len && anchors.is_none() {
        return None;
    }
    // Columns count wide (East Asian) characters twice, as CPython's do.
    let width = |from: usize, to: usize| -> usize {
        text.chars()
            .skip(from)
            .take(to.saturating_sub(from))
            .map(char_width)
            .sum()
    };
    let mut out = String::from("    ");
    out.extend(std::iter::repeat(' ').take(width(indent, start_c)));
    let seg_width = width(start_c, end_c);
    match anchors {
        None => out.extend(std::iter::repeat('^').take(seg_width)),
        Some((l, r)) => {
            let dl = width(start_c, start_c + l);
            let dr = width(start_c, start_c + r);
            out.extend(std::iter::repeat('~').take(dl));
            out.extend(std::iter::repeat('^').take(dr.saturating_sub(dl)));
            out.extend(std::iter::repeat('~').take(seg_width.saturating_sub(dr)));
        }
    }
    Some(out)
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

/// Character offset in `s` of byte offset `b` (clamped; invalid UTF-8
/// counts as replacement characters, as CPython's conversion does).
fn char_offset(s: &str, b: usize) -> usize {
    let b = b.min(s.len());
    String::from_utf8_lossy(&s.as_bytes()[..b]).chars().count()
}

/// The secondary (`^`) part of a segment that is a binary operation (its
/// operator) or a subscript (the brackets and index), as character offsets
/// into the segment.
fn anchors(seg: &str) -> Option<(usize, usize)> {
    let parsed = ruff_python_parser::parse_module(seg).ok()?;
    let body = &parsed.syntax().body;
    let [Stmt::Expr(stmt)] = body.as_slice() else {
        return None;
    };
    let bytes = seg.as_bytes();
    let (l, r) = match &*stmt.value {
        Expr::BinOp(b) => {
            let lend = b.left.range().end().to_usize();
            let rstart = b.right.range().start().to_usize().min(bytes.len());
            let mut found = None;
            let mut i = lend;
            while i < rstart {
                if is_ws(bytes[i]) {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                // A two-character operator (`//`, `**`, `<<`).
                if i + 1 < rstart && !is_ws(bytes[i + 1]) {
                    r += 1;
                }
                found = Some((i, r));
                // Skip the closing parentheses of the left operand.
                if i + 1 < rstart && bytes[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            found?
        }
        Expr::Subscript(s) => {
            let n = bytes.len();
            let mut l = s.value.range().end().to_usize();
            let mut r = s.slice.range().end().to_usize() + 1;
            while l < n && bytes[l] != b'[' {
                l += 1;
            }
            while r < n && bytes[r] != b']' {
                r += 1;
            }
            if r < n {
                r += 1;
            }
            (l, r)
        }
        _ => return None,
    };
    Some((char_offset(seg, l), char_offset(seg, r)))
}
