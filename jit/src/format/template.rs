//! `str.format` / `str.format_map` template parsing, ported from CPython
//! 3.11's `Objects/stringlib/unicode_format.h` (`MarkupIterator`,
//! `parse_field`, `field_name_split`, `FieldNameIterator`).
//!
//! CPython never parses a template up front: it renders field after field
//! and only notices a problem when it gets there, so in
//! `"{0.a} }".format(1)` the `AttributeError` wins over the "Single '}'"
//! error. To let the caller reproduce that order exactly, problems that
//! CPython finds late are stored where they occur instead of failing the
//! parse:
//!
//! - a syntax error becomes a trailing [`TplPiece::Error`] (only in
//!   [`parse_template_lazy`]; [`parse_template`] returns it as `Err`);
//! - a bad field index or an auto/manual numbering switch is an `Err` in
//!   [`TplField::arg`];
//! - a malformed `.attr` / `[key]` chain is [`TplField::accessor_error`],
//!   raised after the accessors before it were applied;
//! - an unknown `!x` conversion is reported by [`TplField::conversion_kind`];
//! - a nested spec (`{0:{1}}`) is parsed into [`TplField::nested`] with the
//!   same rules; "Max string recursion exceeded" is an `Error` piece there.
//!
//! Auto-numbering (`{}`) is resolved here, in textual order, which is the
//! order CPython numbers fields in (outer field first, then the fields of its
//! spec), so [`ArgRef::Index`] is final and the "cannot switch ..." errors
//! are already attached to the offending field.
//!
//! The caller's rendering loop:
//!
//! ```text
//! render(pieces):
//!   for piece in pieces:
//!     Literal(s) => out += s
//!     Error(e)   => raise e
//!     Field(f)   =>
//!       obj = match f.arg? {            // raise the stored error
//!         Index(i) => args[i]   (IndexError "Replacement index {i} out of
//!                                range for positional args tuple"; with
//!                                format_map: ValueError "Format string
//!                                contains positional fields")
//!         Name(k)  => kwargs[k] (KeyError k)
//!       }
//!       for a in f.accessors: obj = getattr(obj, a) / obj[i] / obj[key]
//!       if let Some(e) = f.accessor_error: raise e
//!       match f.conversion_kind()? { Some(Repr) => obj = repr(obj), ... }
//!       spec = match f.nested { Some(p) => render(p), None => f.spec }
//!       out += format(obj, spec)
//! ```

use super::{parse_decimal_run, FmtError};

/// A piece of a `str.format` template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TplPiece {
    /// Text copied as is (`{{` / `}}` already unescaped).
    Literal(String),
    /// A replacement field.
    Field(TplField),
    /// A syntax error CPython reports when rendering reaches this point;
    /// nothing follows it.
    Error(FmtError),
}

/// Which argument a field refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgRef {
    /// A positional argument: `{0}`, or `{}` with its auto-assigned number.
    Index(usize),
    /// A keyword argument: `{name}`.
    Name(String),
}

/// One step of a field's `.attr` / `[index]` chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accessor {
    /// `.name`: `getattr(obj, name)`.
    Attr(String),
    /// `[digits]`: `obj[int]`.
    Index(usize),
    /// `[anything else]`: `obj[str]` (no quotes are stripped: `{0[a]}` is
    /// key `"a"`, `{0['a']}` is key `"'a'"`).
    Key(String),
}

/// A `!r` / `!s` / `!a` conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    Repr,
    Str,
    Ascii,
}

/// A replacement field `{name.attr[key]!conv:spec}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TplField {
    /// The field name as written (e.g. `"0.attr[key]"`, `""` for `{}`).
    pub name: String,
    /// The argument, or the error CPython raises when it gets to this
    /// field ("cannot switch from manual field specification to automatic
    /// field numbering" and the reverse, "Too many decimal digits in format
    /// string").
    pub arg: Result<ArgRef, FmtError>,
    /// The accessors to apply, in order.
    pub accessors: Vec<Accessor>,
    /// An error in the accessor chain, to raise after applying
    /// `accessors` ("Empty attribute in format string", "Missing ']' in
    /// format string", "Only '.' or '[' may follow ']' in format field
    /// specifier", "Too many decimal digits in format string").
    pub accessor_error: Option<FmtError>,
    /// The character after `!`, unvalidated (see [`TplField::conversion_kind`]).
    pub conversion: Option<char>,
    /// The format spec as written (after the `:`), `""` if none.
    pub spec: String,
    /// When the spec contains `{...}` fields: the spec as pieces, to be
    /// rendered to get the actual spec. `None` when `spec` is used as is.
    pub nested: Option<Vec<TplPiece>>,
}

impl TplField {
    /// The conversion to apply, or CPython's "Unknown conversion specifier
    /// x" (raised after the field's object has been looked up).
    pub fn conversion_kind(&self) -> Result<Option<Conversion>, FmtError> {
        match self.conversion {
            None => Ok(None),
            Some('r') => Ok(Some(Conversion::Repr)),
            Some('s') => Ok(Some(Conversion::Str)),
            Some('a') => Ok(Some(Conversion::Ascii)),
            Some(c) => {
                let cp = c as u32;
                Err(FmtError::value(if cp > 32 && cp < 127 {
                    format!("Unknown conversion specifier {}", c)
                } else {
                    format!("Unknown conversion specifier \\x{:x}", cp)
                }))
            }
        }
    }
}

/// `IndexError` message for a positional field beyond the arguments.
pub fn replacement_index_error(index: usize) -> String {
    format!(
        "Replacement index {} out of range for positional args tuple",
        index
    )
}

/// `ValueError` message for a positional field in `str.format_map`.
pub fn positional_fields_error() -> FmtError {
    FmtError::value("Format string contains positional fields")
}

/// Parse a template, reporting a syntax error anywhere at the top level as
/// `Err` (errors inside fields stay where they are; see the module docs).
/// Use [`parse_template_lazy`] to get CPython's exact error precedence.
pub fn parse_template(s: &str) -> Result<Vec<TplPiece>, FmtError> {
    let mut pieces = parse_template_lazy(s);
    if let Some(TplPiece::Error(_)) = pieces.last() {
        if let Some(TplPiece::Error(e)) = pieces.pop() {
            return Err(e);
        }
    }
    Ok(pieces)
}

/// Parse a template; a syntax error becomes a trailing [`TplPiece::Error`]
/// so that it is raised only once everything before it has been rendered,
/// as CPython does.
pub fn parse_template_lazy(s: &str) -> Vec<TplPiece> {
    let chars: Vec<char> = s.chars().collect();
    let mut auto = AutoNumber::Init;
    // CPython starts `build_string` with a recursion depth of 2: a spec may
    // contain fields, but their own specs may not.
    parse_level(&chars, 2, &mut auto)
}

/// CPython's `AutoNumberState` plus the next automatic index.
#[derive(Clone, Copy)]
enum AutoNumber {
    Init,
    Auto(usize),
    Manual,
}

fn parse_level(s: &[char], depth: u32, auto: &mut AutoNumber) -> Vec<TplPiece> {
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let n = s.len();
    let mut i = 0;
    // MarkupIterator_next, one literal-or-field at a time.
    while i < n {
        let c = s[i];
        i += 1;
        if c != '{' && c != '}' {
            lit.push(c);
            continue;
        }
        let at_end = i >= n;
        if c == '}' && (at_end || s[i] != '}') {
            return finish(
                pieces,
                lit,
                FmtError::value("Single '}' encountered in format string"),
            );
        }
        if at_end && c == '{' {
            return finish(
                pieces,
                lit,
                FmtError::value("Single '{' encountered in format string"),
            );
        }
        if s[i] == c {
            // `{{` or `}}`.
            lit.push(c);
            i += 1;
            continue;
        }
        if !lit.is_empty() {
            pieces.push(TplPiece::Literal(std::mem::take(&mut lit)));
        }
        match parse_field(s, &mut i, depth, auto) {
            Ok(f) => pieces.push(TplPiece::Field(f)),
            Err(e) => {
                pieces.push(TplPiece::Error(e));
                return pieces;
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(TplPiece::Literal(lit));
    }
    pieces
}

fn finish(mut pieces: Vec<TplPiece>, lit: String, e: FmtError) -> Vec<TplPiece> {
    // CPython raises before emitting the literal text that precedes the
    // bad brace, but the text would be discarded anyway.
    if !lit.is_empty() {
        pieces.push(TplPiece::Literal(lit));
    }
    pieces.push(TplPiece::Error(e));
    pieces
}

/// `parse_field`: `*i` is just after the opening `{`; on success it is left
/// just after the closing `}`.
fn parse_field(
    s: &[char],
    i: &mut usize,
    depth: u32,
    auto: &mut AutoNumber,
) -> Result<TplField, FmtError> {
    let n = s.len();
    let name_start = *i;
    let mut c = '\0';
    // The name ends at ':', '!' or '}', except inside [...].
    while *i < n {
        c = s[*i];
        *i += 1;
        match c {
            '{' => return Err(FmtError::value("unexpected '{' in field name")),
            '[' => {
                while *i < n && s[*i] != ']' {
                    *i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name_end = if c == '}' || c == ':' || c == '!' {
        *i - 1
    } else {
        *i
    };
    let name = &s[name_start..name_end];
    let mut conversion = None;
    let mut spec: &[char] = &[];
    let mut needs_expanding = false;
    if c == '!' || c == ':' {
        let mut closed = false;
        if c == '!' {
            if *i >= n {
                return Err(FmtError::value(
                    "end of string while looking for conversion specifier",
                ));
            }
            conversion = Some(s[*i]);
            *i += 1;
            if *i < n {
                let c2 = s[*i];
                *i += 1;
                if c2 == '}' {
                    closed = true;
                } else if c2 != ':' {
                    return Err(FmtError::value("expected ':' after conversion specifier"));
                }
            }
        }
        if !closed {
            // The spec runs to the matching '}'; nested braces count.
            let spec_start = *i;
            let mut count = 1;
            loop {
                if *i >= n {
                    return Err(FmtError::value("unmatched '{' in format spec"));
                }
                let ch = s[*i];
                *i += 1;
                if ch == '{' {
                    needs_expanding = true;
                    count += 1;
                } else if ch == '}' {
                    count -= 1;
                    if count == 0 {
                        spec = &s[spec_start..*i - 1];
                        break;
                    }
                }
            }
        }
    } else if c != '}' {
        return Err(FmtError::value("expected '}' before end of string"));
    }

    // field_name_split and the accessor iterator. This is done now (not
    // when rendering) only so auto-numbering is assigned in order; errors
    // are stored to be raised at the right moment.
    let (first, rest) = split_first(name);
    let arg = resolve_arg(first, auto);
    let (accessors, accessor_error) = parse_accessors(rest);
    let nested = if needs_expanding {
        Some(if depth <= 1 {
            vec![TplPiece::Error(FmtError::value(
                "Max string recursion exceeded",
            ))]
        } else {
            parse_level(spec, depth - 1, auto)
        })
    } else {
        None
    };
    Ok(TplField {
        name: name.iter().collect(),
        arg,
        accessors,
        accessor_error,
        conversion,
        spec: spec.iter().collect(),
        nested,
    })
}

/// Split a field name at its first '.' or '['.
fn split_first(name: &[char]) -> (&[char], &[char]) {
    let k = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    name.split_at(k)
}

/// CPython's `get_integer` on a whole substring: Some(value) if every
/// character is a decimal digit, None otherwise (or if empty). Like
/// CPython, overflow is detected while reading digits, so
/// `99999999999999999999x` is an overflow error, not a keyword name.
fn all_digits(s: &[char]) -> Result<Option<usize>, FmtError> {
    if s.is_empty() {
        return Ok(None);
    }
    let (value, used) = parse_decimal_run(s)?;
    Ok((used == s.len()).then_some(value))
}

/// The numbering part of `field_name_split`.
fn resolve_arg(first: &[char], auto: &mut AutoNumber) -> Result<ArgRef, FmtError> {
    let index = all_digits(first)?;
    let is_empty = first.is_empty();
    if !is_empty && index.is_none() {
        return Ok(ArgRef::Name(first.iter().collect()));
    }
    if let AutoNumber::Init = auto {
        *auto = if is_empty {
            AutoNumber::Auto(0)
        } else {
            AutoNumber::Manual
        };
    }
    match (*auto, index) {
        (AutoNumber::Manual, None) => Err(FmtError::value(
            "cannot switch from manual field specification to automatic field numbering",
        )),
        (AutoNumber::Auto(_), Some(_)) => Err(FmtError::value(
            "cannot switch from automatic field numbering to manual field specification",
        )),
        (AutoNumber::Auto(next), None) => {
            *auto = AutoNumber::Auto(next + 1);
            Ok(ArgRef::Index(next))
        }
        (_, Some(i)) => Ok(ArgRef::Index(i)),
        (AutoNumber::Init, None) => Ok(ArgRef::Index(0)), // unreachable: set above
    }
}

/// `FieldNameIterator`: the `.attr` / `[key]` chain after the first part.
fn parse_accessors(rest: &[char]) -> (Vec<Accessor>, Option<FmtError>) {
    let mut out = Vec::new();
    let n = rest.len();
    let mut i = 0;
    while i < n {
        let c = rest[i];
        i += 1;
        let (name, is_attr) = match c {
            '.' => {
                let start = i;
                while i < n && rest[i] != '.' && rest[i] != '[' {
                    i += 1;
                }
                (&rest[start..i], true)
            }
            '[' => {
                let start = i;
                while i < n && rest[i] != ']' {
                    i += 1;
                }
                if i >= n {
                    return (out, Some(FmtError::value("Missing ']' in format string")));
                }
                i += 1;
                (&rest[start..i - 1], false)
            }
            _ => {
                return (
                    out,
                    Some(FmtError::value(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    )),
                )
            }
        };
        let index = if is_attr {
            None
        } else {
            match all_digits(name) {
                Ok(v) => v,
                Err(e) => return (out, Some(e)),
            }
        };
        if name.is_empty() {
            return (
                out,
                Some(FmtError::value("Empty attribute in format string")),
            );
        }
        let text: String = name.iter().collect();
        out.push(match (is_attr, index) {
            (true, _) => Accessor::Attr(text),
            (false, Some(k)) => Accessor::Index(k),
            (false, None) => Accessor::Key(text),
        });
    }
    (out, None)
}

#[cfg(test)]
#[allow(clippy::approx_constant, clippy::type_complexity)] // test tables
mod tests {
    use super::*;
    use crate::format::{format_float, format_i64, format_str, parse_spec};

    /// A miniature `str.format` over int / float / str arguments, enough to
    /// compare whole results (and the error that wins) with python3.
    #[derive(Clone, Debug)]
    enum V {
        I(i64),
        F(f64),
        S(&'static str),
        L(Vec<V>),
    }

    fn type_name(v: &V) -> &'static str {
        match v {
            V::I(_) => "int",
            V::F(_) => "float",
            V::S(_) => "str",
            V::L(_) => "list",
        }
    }

    fn py_str(v: &V) -> String {
        match v {
            V::I(i) => i.to_string(),
            V::F(f) => crate::format::float_repr(*f),
            V::S(s) => s.to_string(),
            V::L(items) => format!(
                "[{}]",
                items.iter().map(py_repr).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    fn py_repr(v: &V) -> String {
        match v {
            V::S(s) => format!("'{s}'"),
            _ => py_str(v),
        }
    }

    fn fmt(t: &str, args: &[V], kwargs: &[(&str, V)]) -> String {
        let r = parse_template(t).and_then(|p| render(&p, args, kwargs));
        match r {
            Ok(s) => s,
            Err(e) => format!("!{:?}: {}", e.kind, e.msg),
        }
    }

    fn fmt_lazy(t: &str, args: &[V], kwargs: &[(&str, V)]) -> String {
        match render(&parse_template_lazy(t), args, kwargs) {
            Ok(s) => s,
            Err(e) => format!("!{:?}: {}", e.kind, e.msg),
        }
    }

    fn render(pieces: &[TplPiece], args: &[V], kwargs: &[(&str, V)]) -> Result<String, FmtError> {
        let mut out = String::new();
        for p in pieces {
            match p {
                TplPiece::Literal(s) => out.push_str(s),
                TplPiece::Error(e) => return Err(e.clone()),
                TplPiece::Field(f) => {
                    // IndexError/KeyError/AttributeError are not FmtErrors;
                    // tests encode them as TypeError with a marker.
                    let other = |m: String| FmtError::type_error(m);
                    let mut obj = match f.arg.clone()? {
                        ArgRef::Index(i) => args.get(i).cloned().ok_or_else(|| {
                            other(format!("IndexError {}", replacement_index_error(i)))
                        })?,
                        ArgRef::Name(k) => kwargs
                            .iter()
                            .find(|(n, _)| *n == k)
                            .map(|(_, v)| v.clone())
                            .ok_or_else(|| other(format!("KeyError {k:?}")))?,
                    };
                    for a in &f.accessors {
                        obj = match (a, &obj) {
                            (Accessor::Index(i), V::L(items)) => {
                                items.get(*i).cloned().ok_or_else(|| {
                                    other("IndexError list index out of range".into())
                                })?
                            }
                            (Accessor::Attr(n), o) => {
                                return Err(other(format!(
                                    "AttributeError '{}' object has no attribute '{n}'",
                                    type_name(o)
                                )))
                            }
                            (_, o) => {
                                return Err(other(format!(
                                    "TypeError {} not subscriptable",
                                    type_name(o)
                                )))
                            }
                        };
                    }
                    if let Some(e) = &f.accessor_error {
                        return Err(e.clone());
                    }
                    match f.conversion_kind()? {
                        Some(Conversion::Repr) => {
                            obj = V::S(Box::leak(py_repr(&obj).into_boxed_str()))
                        }
                        Some(_) => obj = V::S(Box::leak(py_str(&obj).into_boxed_str())),
                        None => {}
                    }
                    let spec = match &f.nested {
                        Some(p) => render(p, args, kwargs)?,
                        None => f.spec.clone(),
                    };
                    let ps = parse_spec(&spec, type_name(&obj))?;
                    out.push_str(&match &obj {
                        V::I(i) => format_i64(*i, &ps, "int")?,
                        V::F(x) => format_float(*x, &ps, "float")?,
                        V::S(s) => format_str(s, &ps, "str")?,
                        V::L(_) => py_str(&obj),
                    });
                }
            }
        }
        Ok(out)
    }

    use V::{F, I, L, S};

    // Expected values are python3.11 output of t.format(*args, **kwargs);
    // "!TypeError: IndexError ..." etc. stand for the non-format exceptions.
    #[test]
    fn templates() {
        let cases: &[(&str, Vec<V>, Vec<(&str, V)>, &str)] = &[
            ("", vec![], vec![], ""),
            ("plain", vec![], vec![], "plain"),
            ("{{}}", vec![], vec![], "{}"),
            ("a}}b{{", vec![], vec![], "a}b{"),
            ("{}-{}", vec![I(1), I(2)], vec![], "1-2"),
            ("{1}{0}{1}", vec![I(1), I(2)], vec![], "212"),
            ("{00}", vec![I(1)], vec![], "1"),
            ("{x}/{y:>4}", vec![], vec![("x", I(1)), ("y", S("ab"))], "1/  ab"),
            ("{0:{1}}", vec![I(1), S(">5")], vec![], "    1"),
            ("{:{}}", vec![I(1), I(5)], vec![], "    1"),
            ("{:{}.{}f}", vec![F(3.14159), I(8), I(2)], vec![], "    3.14"),
            ("{0:{1}{2}}", vec![I(1), S(">"), I(5)], vec![], "    1"),
            ("{0!r:>5}", vec![S("a")], vec![], "  'a'"),
            ("{0!s:{1}}", vec![I(1), I(5)], vec![], "1    "),
            ("{!r}", vec![S("x")], vec![], "'x'"),
            ("{0[1]}", vec![L(vec![I(5), I(6)])], vec![], "6"),
            ("{0[1]:03}", vec![L(vec![I(5), I(6)])], vec![], "006"),
            ("{0[}]}", vec![I(1)], vec![], "!TypeError: TypeError int not subscriptable"),
            ("{٠}", vec![I(7)], vec![], "7"),
            ("{0:{{}}}", vec![I(1)], vec![], "!ValueError: Invalid format specifier '{}' for object of type 'int'"),
            // Errors, as python3 reports them.
            ("}", vec![], vec![], "!ValueError: Single '}' encountered in format string"),
            ("{", vec![], vec![], "!ValueError: Single '{' encountered in format string"),
            ("a{", vec![], vec![], "!ValueError: Single '{' encountered in format string"),
            ("{:}}", vec![I(1)], vec![], "!ValueError: Single '}' encountered in format string"),
            ("{0[}", vec![I(1)], vec![], "!ValueError: expected '}' before end of string"),
            ("{[}", vec![I(1)], vec![], "!ValueError: expected '}' before end of string"),
            ("{0", vec![I(1)], vec![], "!ValueError: expected '}' before end of string"),
            ("{0[0]", vec![I(1)], vec![], "!ValueError: expected '}' before end of string"),
            ("{0{}", vec![I(1)], vec![], "!ValueError: unexpected '{' in field name"),
            ("{!}", vec![I(1)], vec![], "!ValueError: unmatched '{' in format spec"),
            ("{!r", vec![I(1)], vec![], "!ValueError: unmatched '{' in format spec"),
            ("{0:", vec![I(1)], vec![], "!ValueError: unmatched '{' in format spec"),
            ("{0!", vec![I(1)], vec![], "!ValueError: end of string while looking for conversion specifier"),
            ("{!rr}", vec![I(1)], vec![], "!ValueError: expected ':' after conversion specifier"),
            ("{!x}", vec![I(1)], vec![], "!ValueError: Unknown conversion specifier x"),
            ("{0!é}", vec![I(1)], vec![], "!ValueError: Unknown conversion specifier \\xe9"),
            ("{0!\u{1}}", vec![I(1)], vec![], "!ValueError: Unknown conversion specifier \\x1"),
            ("{0!}}", vec![I(1)], vec![], "!ValueError: Unknown conversion specifier }"),
            ("{0.}", vec![I(1)], vec![], "!ValueError: Empty attribute in format string"),
            ("{0[]}", vec![I(1)], vec![], "!ValueError: Empty attribute in format string"),
            ("{0..a}", vec![I(1)], vec![], "!ValueError: Empty attribute in format string"),
            ("{0.a.}", vec![I(1)], vec![], "!TypeError: AttributeError 'int' object has no attribute 'a'"),
            ("{0[0]x}", vec![L(vec![I(1)])], vec![], "!ValueError: Only '.' or '[' may follow ']' in format field specifier"),
            ("{a.b[c]d}", vec![], vec![("a", I(1))], "!TypeError: AttributeError 'int' object has no attribute 'b'"),
            ("{0]}", vec![I(1)], vec![], "!TypeError: KeyError \"0]\""),
            ("{-1}", vec![I(1)], vec![], "!TypeError: KeyError \"-1\""),
            ("{ 0}", vec![I(1)], vec![], "!TypeError: KeyError \" 0\""),
            ("{99999999999999999999}", vec![I(1)], vec![], "!ValueError: Too many decimal digits in format string"),
            ("{0[99999999999999999999]}", vec![L(vec![])], vec![], "!ValueError: Too many decimal digits in format string"),
            ("{}", vec![], vec![], "!TypeError: IndexError Replacement index 0 out of range for positional args tuple"),
            ("{} {0}", vec![I(1), I(2)], vec![], "!ValueError: cannot switch from automatic field numbering to manual field specification"),
            ("{0} {}", vec![I(1), I(2)], vec![], "!ValueError: cannot switch from manual field specification to automatic field numbering"),
            ("{0:{}}", vec![I(1), I(5)], vec![], "!ValueError: cannot switch from manual field specification to automatic field numbering"),
            ("{0!r:{}}", vec![I(1), I(2)], vec![], "!ValueError: cannot switch from manual field specification to automatic field numbering"),
            ("{x} {} {y}", vec![I(1)], vec![("x", I(0)), ("y", I(2))], "0 1 2"),
            ("{0:{1:{2}}}", vec![I(1), I(2), I(3)], vec![], "!ValueError: Max string recursion exceeded"),
            ("{0:{1:{2}}}", vec![I(1)], vec![], "!TypeError: IndexError Replacement index 1 out of range for positional args tuple"),
            ("{:{:{}}}", vec![], vec![], "!TypeError: IndexError Replacement index 0 out of range for positional args tuple"),
        ];
        for (t, args, kwargs, want) in cases {
            assert_eq!(fmt_lazy(t, args, kwargs), *want, "{t:?}");
        }
    }

    #[test]
    fn lazy_vs_strict_precedence() {
        // python3: "{0.a} }".format(1) -> AttributeError
        assert_eq!(
            fmt_lazy("{0.a} }", &[I(1)], &[]),
            "!TypeError: AttributeError 'int' object has no attribute 'a'"
        );
        // The strict parse reports the syntax error first.
        assert_eq!(
            fmt("{0.a} }", &[I(1)], &[]),
            "!ValueError: Single '}' encountered in format string"
        );
        assert_eq!(fmt("x{}y", &[I(1)], &[]), "x1y");
        // python3: "{} {0} }".format(1, 2) -> cannot switch ...
        assert_eq!(
            fmt_lazy("{} {0} }", &[I(1), I(2)], &[]),
            "!ValueError: cannot switch from automatic field numbering to manual field specification"
        );
    }

    #[test]
    fn structure() {
        let p = parse_template("a{0.x[1][k]!r:>{w}}b").unwrap();
        assert_eq!(p.len(), 3);
        let TplPiece::Field(f) = &p[1] else { panic!() };
        assert_eq!(f.name, "0.x[1][k]");
        assert_eq!(f.arg, Ok(ArgRef::Index(0)));
        assert_eq!(
            f.accessors,
            vec![
                Accessor::Attr("x".into()),
                Accessor::Index(1),
                Accessor::Key("k".into())
            ]
        );
        assert_eq!(f.accessor_error, None);
        assert_eq!(f.conversion_kind(), Ok(Some(Conversion::Repr)));
        assert_eq!(f.spec, ">{w}");
        let nested = f.nested.as_ref().unwrap();
        assert_eq!(nested[0], TplPiece::Literal(">".into()));
        let TplPiece::Field(w) = &nested[1] else {
            panic!()
        };
        assert_eq!(w.arg, Ok(ArgRef::Name("w".into())));
        assert_eq!(w.nested, None);
    }
}
