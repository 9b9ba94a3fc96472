//! Regular expression syntax, as CPython 3.11's `re._parser` reads it, into
//! a tree: the flags that apply to a part (scoped `(?i:...)`, global
//! `(?i)`) are resolved here, into the nodes they change, and the errors are
//! `re.error`'s messages at the positions CPython gives.

use super::flags::*;

/// Something a pattern can match one character against (a character class
/// or one of its items).
#[derive(Clone, Debug, PartialEq)]
pub enum ClassItem {
    Range(char, char),
    /// `\d` (`true`: `\D`), Unicode digits unless ASCII.
    Digit(bool),
    /// `\w`, `\W`.
    Word(bool),
    /// `\s`, `\S`.
    Space(bool),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    pub negated: bool,
    pub items: Vec<ClassItem>,
    pub icase: bool,
    pub ascii: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Anchor {
    /// `^` (MULTILINE: after any newline too).
    Start {
        multiline: bool,
    },
    /// `$`: the end, or before a newline at the end (MULTILINE: before any).
    End {
        multiline: bool,
    },
    /// `\A`, `\Z`.
    TextStart,
    TextEnd,
    /// `\b` (`true`: `\B`).
    WordBoundary {
        negated: bool,
        ascii: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Greed {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Empty,
    Char {
        c: char,
        icase: bool,
    },
    /// `.` (DOTALL: any character; else any but a newline).
    Any {
        dotall: bool,
    },
    Class(Class),
    Anchor(Anchor),
    /// A group, capturing when it has an index (1-based).
    Group(Option<usize>, Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greed: Greed,
    },
    Backref {
        group: usize,
        icase: bool,
    },
    Look {
        ahead: bool,
        negated: bool,
        node: Box<Node>,
    },
    Atomic(Box<Node>),
}

/// A pattern that does not parse: `re.error`'s message and position.
#[derive(Debug, PartialEq)]
pub struct Error {
    pub msg: String,
    pub pos: Option<usize>,
    /// CPython raises OverflowError, not re.error (a repeat count too large).
    pub overflow: bool,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, Error> {
    Err(Error {
        msg: msg.into(),
        pos: Some(pos),
        overflow: false,
    })
}

/// The parsed pattern.
pub struct Parsed {
    pub node: Node,
    /// Capturing groups.
    pub groups: usize,
    /// Named groups, with their indices.
    pub names: Vec<(String, usize)>,
    /// The flags given and those set by `(?...)` at the start.
    pub flags: u32,
    /// A construct jitprof does not match yet, when there is one.
    pub unsupported: Option<&'static str>,
}

const MAXREPEAT: u64 = u32::MAX as u64;

struct Parser {
    p: Vec<char>,
    i: usize,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    /// Groups whose `)` has not been read yet.
    open: Vec<usize>,
    /// Whether anything but global flags (and comments) has been read:
    /// global flags may only come before it.
    seen_item: bool,
    unsupported: Option<&'static str>,
}

pub fn parse(pattern: &str, flags: u32) -> Result<Parsed, Error> {
    let mut ps = Parser {
        p: pattern.chars().collect(),
        i: 0,
        flags,
        groups: 0,
        names: Vec::new(),
        open: Vec::new(),
        seen_item: false,
        unsupported: None,
    };
    // Global flags at the start apply to all of the pattern, so they are
    // read before the rest (as CPython, which parses again when the
    // VERBOSE flag turns up).
    let node = ps.alternation(0)?;
    if ps.i < ps.p.len() {
        // Only a `)` stops the top level early.
        return err("unbalanced parenthesis", ps.i);
    }
    Ok(Parsed {
        node,
        groups: ps.groups,
        names: ps.names,
        flags: ps.flags,
        unsupported: ps.unsupported,
    })
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    /// In VERBOSE mode, whitespace and comments between items.
    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.i += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    /// `a|b|...` up to a `)` or the end.
    fn alternation(&mut self, depth: usize) -> Result<Node, Error> {
        let mut alts = vec![self.sequence(depth)?];
        while self.eat('|') {
            self.seen_item = true;
            alts.push(self.sequence(depth)?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn sequence(&mut self, depth: usize) -> Result<Node, Error> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.skip_verbose();
            let start = self.i;
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                break;
            }
            if matches!(c, '*' | '+' | '?') || (c == '{' && self.repeat_ahead().is_some()) {
                // A repeat of the item before it.
                let Some(last) = items.pop() else {
                    return err("nothing to repeat", start);
                };
                if matches!(last, Node::Anchor(_) | Node::Empty) {
                    return err("nothing to repeat", start);
                }
                if matches!(last, Node::Repeat { .. }) {
                    return err("multiple repeat", start);
                }
                let (min, max) = self.repeat_bounds(start)?;
                let greed = if self.eat('?') {
                    Greed::Lazy
                } else if self.eat('+') {
                    Greed::Possessive
                } else {
                    Greed::Greedy
                };
                items.push(Node::Repeat {
                    node: Box::new(last),
                    min,
                    max,
                    greed,
                });
                continue;
            }
            if let Some(n) = self.atom(depth)? {
                self.seen_item = true;
                items.push(n);
            }
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// At `{`: the bounds of a repeat, when one follows (`{m}`, `{m,}`,
    /// `{,n}`, `{m,n}`); otherwise the `{` is a literal.
    fn repeat_ahead(&self) -> Option<(usize, Option<String>, Option<String>)> {
        let mut j = self.i + 1;
        let digits = |j: &mut usize| {
            let s = *j;
            while self.p.get(*j).is_some_and(|c| c.is_ascii_digit()) {
                *j += 1;
            }
            (*j > s).then(|| self.p[s..*j].iter().collect::<String>())
        };
        let lo = digits(&mut j);
        let hi;
        if self.p.get(j) == Some(&',') {
            j += 1;
            hi = digits(&mut j);
        } else {
            hi = lo.clone();
            lo.as_ref()?;
        }
        (self.p.get(j) == Some(&'}')).then_some((j + 1, lo, hi))
    }

    fn repeat_bounds(&mut self, start: usize) -> Result<(u32, Option<u32>), Error> {
        let c = self.p[self.i];
        self.i += 1;
        match c {
            '*' => Ok((0, None)),
            '+' => Ok((1, None)),
            '?' => Ok((0, Some(1))),
            _ => {
                self.i -= 1;
                let Some((end, lo, hi)) = self.repeat_ahead() else {
                    return err("nothing to repeat", start);
                };
                self.i = end;
                let num = |s: &Option<String>| -> Result<Option<u32>, Error> {
                    match s {
                        None => Ok(None),
                        Some(s) => match s.parse::<u64>() {
                            Ok(v) if v < MAXREPEAT => Ok(Some(v as u32)),
                            _ => Err(Error {
                                msg: "the repetition number is too large".into(),
                                pos: None,
                                overflow: true,
                            }),
                        },
                    }
                };
                let min = num(&lo)?.unwrap_or(0);
                let max = num(&hi)?;
                if max.is_some_and(|m| m < min) {
                    return err("min repeat greater than max repeat", start + 1);
                }
                Ok((min, max))
            }
        }
    }

    fn icase(&self) -> bool {
        self.flags & IGNORECASE != 0
    }

    fn ascii(&self) -> bool {
        self.flags & ASCII != 0
    }

    fn literal(&self, c: char) -> Node {
        Node::Char {
            c,
            icase: self.icase(),
        }
    }

    /// One item: None for what matches nothing and takes no place (a
    /// comment, global flags).
    fn atom(&mut self, depth: usize) -> Result<Option<Node>, Error> {
        let start = self.i;
        let c = self.p[self.i];
        self.i += 1;
        Ok(Some(match c {
            '.' => Node::Any {
                dotall: self.flags & DOTALL != 0,
            },
            '^' => Node::Anchor(Anchor::Start {
                multiline: self.flags & MULTILINE != 0,
            }),
            '$' => Node::Anchor(Anchor::End {
                multiline: self.flags & MULTILINE != 0,
            }),
            '[' => Node::Class(self.class(start)?),
            '(' => return self.group(start, depth),
            '\\' => self.escape(start)?,
            c => self.literal(c),
        }))
    }

    fn group(&mut self, start: usize, depth: usize) -> Result<Option<Node>, Error> {
        let mut capture = true;
        let mut name = None;
        enum Kind {
            Plain,
            Look { ahead: bool, negated: bool },
            Atomic,
        }
        let mut kind = Kind::Plain;
        let saved_flags = self.flags;
        if self.eat('?') {
            let Some(c) = self.peek() else {
                return err("unexpected end of pattern", self.i);
            };
            self.i += 1;
            match c {
                ':' => capture = false,
                '>' => {
                    capture = false;
                    kind = Kind::Atomic;
                }
                '=' | '!' => {
                    capture = false;
                    kind = Kind::Look {
                        ahead: true,
                        negated: c == '!',
                    };
                }
                '<' => {
                    let Some(d) = self.peek() else {
                        return err("unexpected end of pattern", self.i);
                    };
                    if d != '=' && d != '!' {
                        return err(format!("unknown extension ?<{d}"), start + 1);
                    }
                    self.i += 1;
                    capture = false;
                    kind = Kind::Look {
                        ahead: false,
                        negated: d == '!',
                    };
                }
                '#' => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == ')' {
                            return Ok(None);
                        }
                    }
                    return err("missing ), unterminated comment", start);
                }
                'P' => {
                    let Some(d) = self.peek() else {
                        return err("unexpected end of pattern", self.i);
                    };
                    self.i += 1;
                    match d {
                        '<' => name = Some(self.group_name('>')?),
                        '=' => {
                            let at = self.i;
                            let n = self.group_name(')')?;
                            let Some(&(_, g)) = self.names.iter().find(|(k, _)| *k == n) else {
                                return err(format!("unknown group name '{n}'"), at);
                            };
                            if self.open.contains(&g) {
                                return err("cannot refer to an open group", start);
                            }
                            return Ok(Some(Node::Backref {
                                group: g,
                                icase: self.icase(),
                            }));
                        }
                        d => return err(format!("unknown extension ?P{d}"), start + 1),
                    }
                }
                '(' => {
                    // `(?(1)yes|no)`: parsed so the pattern's groups are
                    // right, but not matched (the VM says unsupported).
                    self.unsupported = Some("conditional groups (?(id)yes|no)");
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == ')' {
                            break;
                        }
                    }
                    capture = false;
                }
                c if c == '-' || "aiLmsux".contains(c) => {
                    return self.flag_group(c, start, depth, saved_flags);
                }
                c => return err(format!("unknown extension ?{c}"), start + 1),
            }
        }
        let index = if capture {
            self.groups += 1;
            let g = self.groups;
            if let Some(n) = name {
                if let Some(&(_, was)) = self.names.iter().find(|(k, _)| *k == n) {
                    return err(
                        format!("redefinition of group name '{n}' as group {g}; was group {was}"),
                        self.i - n.chars().count() - 1,
                    );
                }
                self.names.push((n, g));
            }
            self.open.push(g);
            Some(g)
        } else {
            None
        };
        let body = self.alternation(depth + 1)?;
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        if capture {
            self.open.pop();
        }
        self.flags = saved_flags;
        Ok(Some(match kind {
            Kind::Plain => Node::Group(index, Box::new(body)),
            Kind::Atomic => Node::Atomic(Box::new(body)),
            Kind::Look { ahead, negated } => {
                if !ahead && super::compile::width(&body).is_none() {
                    return Err(Error {
                        msg: "look-behind requires fixed-width pattern".into(),
                        pos: None,
                        overflow: false,
                    });
                }
                Node::Look {
                    ahead,
                    negated,
                    node: Box::new(body),
                }
            }
        }))
    }

    /// `(?flags)` or `(?flags-flags:...)`, the first flag letter `first`
    /// read.
    fn flag_group(
        &mut self,
        first: char,
        start: usize,
        depth: usize,
        saved: u32,
    ) -> Result<Option<Node>, Error> {
        let letter = |c: char| match c {
            'a' => Some(ASCII),
            'i' => Some(IGNORECASE),
            'L' => Some(LOCALE),
            'm' => Some(MULTILINE),
            's' => Some(DOTALL),
            'u' => Some(UNICODE),
            'x' => Some(VERBOSE),
            _ => None,
        };
        let (mut on, mut off) = (0u32, 0u32);
        let mut c = first;
        let mut minus = false;
        loop {
            if c == '-' {
                if minus {
                    return err("bad inline flags: flag turned on and off", self.i - 1);
                }
                minus = true;
            } else if let Some(f) = letter(c) {
                if minus {
                    off |= f;
                } else {
                    on |= f;
                }
            } else if c == ')' {
                if minus {
                    return err("missing :", self.i - 1);
                }
                // Global flags: only at the start of the pattern (after
                // other global flags, as `(?i)(?x)`).
                if depth > 0 || self.seen_item {
                    return err("global flags not at the start of the expression", start);
                }
                self.flags |= on;
                return Ok(None);
            } else if c == ':' {
                let scoped = (saved | on) & !off;
                self.flags = scoped;
                let body = self.alternation(depth + 1)?;
                if !self.eat(')') {
                    return err("missing ), unterminated subpattern", start);
                }
                self.flags = saved;
                return Ok(Some(Node::Group(None, Box::new(body))));
            } else {
                let msg = if c.is_alphabetic() {
                    "unknown flag"
                } else {
                    "missing -, : or )"
                };
                return err(msg, self.i - 1);
            }
            let Some(n) = self.peek() else {
                return err("missing -, : or )", self.i);
            };
            self.i += 1;
            c = n;
        }
    }

    /// A group name up to `end`.
    fn group_name(&mut self, end: char) -> Result<String, Error> {
        let at = self.i;
        let mut name = String::new();
        loop {
            let Some(c) = self.peek() else {
                if name.is_empty() {
                    return err("missing group name", at);
                }
                let what = if end == '>' { ">" } else { ")" };
                return err(format!("missing {what}, unterminated name"), at);
            };
            self.i += 1;
            if c == end {
                break;
            }
            name.push(c);
        }
        if name.is_empty() {
            return err("missing group name", at);
        }
        let mut cs = name.chars();
        let ident = cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && cs.all(|c| c == '_' || c.is_alphanumeric());
        if !ident {
            return err(format!("bad character in group name '{name}'"), at);
        }
        Ok(name)
    }

    /// A class `[...]`, `start` at its `[`.
    fn class(&mut self, start: usize) -> Result<Class, Error> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            let at = self.i;
            let lo = self.class_atom()?;
            // A range?
            if self.peek() == Some('-') && self.p.get(self.i + 1).is_some_and(|&c| c != ']') {
                self.i += 1;
                let hi_at = self.i;
                let hi = self.class_atom()?;
                let (ClassItem::Range(a, _), ClassItem::Range(b, _)) = (&lo, &hi) else {
                    let text: String = self.p[at..self.i].iter().collect();
                    let _ = hi_at;
                    return err(format!("bad character range {text}"), at);
                };
                if b < a {
                    let text: String = self.p[at..self.i].iter().collect();
                    return err(format!("bad character range {text}"), at);
                }
                items.push(ClassItem::Range(*a, *b));
            } else {
                items.push(lo);
            }
        }
        Ok(Class {
            negated,
            items,
            icase: self.icase(),
            ascii: self.ascii(),
        })
    }

    /// One character (as a one-character range) or class escape in a class.
    fn class_atom(&mut self) -> Result<ClassItem, Error> {
        let at = self.i;
        let c = self.p[self.i];
        self.i += 1;
        if c != '\\' {
            return Ok(ClassItem::Range(c, c));
        }
        let Some(e) = self.peek() else {
            return err("bad escape (end of pattern)", at);
        };
        self.i += 1;
        Ok(match e {
            'd' => ClassItem::Digit(false),
            'D' => ClassItem::Digit(true),
            'w' => ClassItem::Word(false),
            'W' => ClassItem::Word(true),
            's' => ClassItem::Space(false),
            'S' => ClassItem::Space(true),
            'b' => ClassItem::Range('\u{8}', '\u{8}'),
            _ => {
                let c = self.char_escape(e, at, true)?;
                ClassItem::Range(c, c)
            }
        })
    }

    /// An escape outside a class, `start` at its backslash.
    fn escape(&mut self, start: usize) -> Result<Node, Error> {
        let Some(e) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.i += 1;
        let class = |item: ClassItem, p: &Parser| {
            Node::Class(Class {
                negated: false,
                items: vec![item],
                icase: p.icase(),
                ascii: p.ascii(),
            })
        };
        Ok(match e {
            'd' => class(ClassItem::Digit(false), self),
            'D' => class(ClassItem::Digit(true), self),
            'w' => class(ClassItem::Word(false), self),
            'W' => class(ClassItem::Word(true), self),
            's' => class(ClassItem::Space(false), self),
            'S' => class(ClassItem::Space(true), self),
            'A' => Node::Anchor(Anchor::TextStart),
            'Z' => Node::Anchor(Anchor::TextEnd),
            'b' | 'B' => Node::Anchor(Anchor::WordBoundary {
                negated: e == 'B',
                ascii: self.ascii(),
            }),
            '1'..='9' => {
                // A group reference, or an octal escape of three digits.
                let d2 = self.peek().filter(|c| c.is_ascii_digit());
                let d3 = self.p.get(self.i + 1).filter(|c| ('0'..='7').contains(c));
                if let (Some(b), Some(&c)) = (d2, d3) {
                    if ('0'..='7').contains(&e) && ('0'..='7').contains(&b) {
                        self.i += 2;
                        let v = (e as u32 - 48) * 64 + (b as u32 - 48) * 8 + (c as u32 - 48);
                        if v > 0o377 {
                            let text: String = self.p[start..self.i].iter().collect();
                            return err(
                                format!("octal escape value {text} outside of range 0-0o377"),
                                start,
                            );
                        }
                        return Ok(self.literal(char::from_u32(v).unwrap_or('\0')));
                    }
                }
                let mut g = e as usize - 48;
                if let Some(b) = d2 {
                    self.i += 1;
                    g = g * 10 + (b as usize - 48);
                }
                if g > self.groups || self.open.contains(&g) {
                    if self.open.contains(&g) {
                        return err("cannot refer to an open group", start);
                    }
                    return err(format!("invalid group reference {g}"), start + 1);
                }
                Node::Backref {
                    group: g,
                    icase: self.icase(),
                }
            }
            e => {
                let c = self.char_escape(e, start, false)?;
                self.literal(c)
            }
        })
    }

    /// The character an escape `\e` stands for (`e` read), `start` at the
    /// backslash.
    fn char_escape(&mut self, e: char, start: usize, in_class: bool) -> Result<char, Error> {
        Ok(match e {
            'a' => '\u{7}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\u{b}',
            '\\' => '\\',
            'x' => self.hex_escape(2, start)?,
            'u' => self.hex_escape(4, start)?,
            'U' => self.hex_escape(8, start)?,
            'N' => {
                // Read past the name; the pattern stops the run when
                // compiled (`Parsed::unsupported`).
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '}' {
                        break;
                    }
                }
                self.unsupported = Some("named Unicode escapes \\N{...}");
                '\u{fffd}'
            }
            '0'..='7' if e == '0' || in_class => {
                // Up to two more octal digits.
                let mut v = e as u32 - 48;
                for _ in 0..2 {
                    match self.peek() {
                        Some(c @ '0'..='7') => {
                            self.i += 1;
                            v = v * 8 + (c as u32 - 48);
                        }
                        _ => break,
                    }
                }
                if v > 0o377 {
                    let text: String = self.p[start..self.i].iter().collect();
                    return err(
                        format!("octal escape value {text} outside of range 0-0o377"),
                        start,
                    );
                }
                char::from_u32(v).unwrap_or('\0')
            }
            c if c.is_ascii_alphanumeric() => {
                return err(format!("bad escape \\{c}"), start);
            }
            c => c,
        })
    }

    fn hex_escape(&mut self, n: usize, start: usize) -> Result<char, Error> {
        let digits: String = self.p[self.i..]
            .iter()
            .take(n)
            .take_while(|c| c.is_ascii_hexdigit())
            .collect();
        self.i += digits.len();
        if digits.len() < n {
            let text: String = self.p[start..self.i].iter().collect();
            return err(format!("incomplete escape {text}"), start);
        }
        let v = u32::from_str_radix(&digits, 16).unwrap_or(0);
        match char::from_u32(v) {
            Some(c) => Ok(c),
            None if v > 0x10ffff => {
                let text: String = self.p[start..self.i].iter().collect();
                err(format!("bad escape {text}"), start)
            }
            // A surrogate: jitprof's str holds none (as chr()).
            None => Ok('\u{fffd}'),
        }
    }
}
