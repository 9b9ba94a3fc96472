//! The backtracking matcher: CPython's `sre` is one too, so what a pattern
//! matches, which alternative wins and what each group holds are the same
//! (the leftmost match, alternatives in order, repeats greedy or lazy as
//! written). Choices are kept on a stack with the undoing of what changed
//! since (group slots, loop registers), so backing up restores them.
//!
//! A long match polls for Ctrl-C, as sre does: a pattern that backtracks
//! without end can be interrupted.

use super::compile::{Inst, Prog};
use super::parse::{Anchor, Class, ClassItem};
use crate::builtins::text::{char_is_alnum, char_is_decimal, char_is_space};

/// A subject string, read by character position.
pub trait Subject {
    fn at(&self, i: usize) -> char;
}

impl Subject for [u8] {
    #[inline(always)]
    fn at(&self, i: usize) -> char {
        self[i] as char
    }
}

impl Subject for [char] {
    #[inline(always)]
    fn at(&self, i: usize) -> char {
        self[i]
    }
}

/// Lowercase letters that IGNORECASE takes as the same letter though
/// their cases differ (the long s and s, the Greek symbol forms), as sre's
/// `_equivalences`; each group's first is its canonical form.
const EQUIVALENT: &[&[char]] = &[
    &['\u{69}', '\u{131}'],
    &['\u{73}', '\u{17f}'],
    &['\u{b5}', '\u{3bc}'],
    &['\u{345}', '\u{3b9}', '\u{1fbe}'],
    &['\u{390}', '\u{1fd3}'],
    &['\u{3b0}', '\u{1fe3}'],
    &['\u{3b2}', '\u{3d0}'],
    &['\u{3b5}', '\u{3f5}'],
    &['\u{3b8}', '\u{3d1}'],
    &['\u{3ba}', '\u{3f0}'],
    &['\u{3c0}', '\u{3d6}'],
    &['\u{3c1}', '\u{3f1}'],
    &['\u{3c2}', '\u{3c3}'],
    &['\u{3c6}', '\u{3d5}'],
    &['\u{1e61}', '\u{1e9b}'],
    &['\u{fb05}', '\u{fb06}'],
];

/// The group of equivalent lowercase letters `l` is in.
fn equivalents(l: char) -> Option<&'static [char]> {
    EQUIVALENT.iter().copied().find(|g| g.contains(&l))
}

/// The simple lowercase of `c` (CPython's `_PyUnicode_ToLowercase`):
/// Rust gives the full mapping, which differs for one letter, U+0130,
/// whose simple lowercase is the first of its two.
fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// A character's case-insensitive form: its lowercase, when that is one
/// character, or its group's canonical form (`EQUIVALENT`).
pub fn fold(c: char) -> char {
    if c.is_ascii() && c != 'i' && c != 's' && c != 'I' && c != 'S' {
        return c.to_ascii_lowercase();
    }
    let l = lower(c);
    equivalents(l).map_or(l, |g| g[0])
}

fn is_word(c: char, ascii: bool) -> bool {
    c == '_'
        || if ascii {
            c.is_ascii_alphanumeric()
        } else {
            char_is_alnum(c)
        }
}

fn item_matches(item: &ClassItem, c: char, ascii: bool) -> bool {
    match *item {
        ClassItem::Range(a, b) => a <= c && c <= b,
        ClassItem::Digit(neg) => {
            neg != if ascii {
                c.is_ascii_digit()
            } else {
                char_is_decimal(c)
            }
        }
        ClassItem::Word(neg) => neg != is_word(c, ascii),
        ClassItem::Space(neg) => {
            neg != if ascii {
                matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
            } else {
                char_is_space(c)
            }
        }
    }
}

pub fn class_matches(cl: &Class, c: char) -> bool {
    let hit = |c: char| cl.items.iter().any(|it| item_matches(it, c, cl.ascii));
    let mut m = hit(c);
    if !m && cl.icase {
        // Any case of the character, or of a letter equivalent to it.
        let upper = |x: char| {
            let mut u = x.to_uppercase();
            match (u.next(), u.next()) {
                (Some(y), None) => y,
                _ => x,
            }
        };
        let l = lower(c);
        m = hit(l) || hit(upper(c));
        if !m {
            if let Some(g) = equivalents(l) {
                m = g.iter().any(|&e| hit(e) || hit(upper(e)));
            }
        }
    }
    m != cl.negated
}

/// What is undone on backing up to a choice.
enum Back {
    /// A choice: resume at pc, pos.
    Alt(usize, usize),
    Slot(usize, usize),
    Register(usize, usize),
    LastIndex(usize),
}

/// A slot never set.
pub const UNSET: usize = usize::MAX;

/// How a search ended early: Ctrl-C.
pub struct Interrupted;

pub struct Matcher<'a, S: Subject + ?Sized> {
    prog: &'a Prog,
    s: &'a S,
    /// Where the subject ends for this search (`endpos`).
    end: usize,
    pub slots: Vec<usize>,
    /// The choices and undoings of the runs under way, the innermost's on
    /// top (a sub-program's run starts above its caller's).
    stack: Vec<Back>,
    /// The group whose end was recorded last (`Match.lastindex`; 0: none),
    /// as sre's `lastindex`.
    pub lastindex: usize,
    registers: Vec<usize>,
    steps: u32,
    /// The search's start (`pos`): with `must_advance`, a match may not end
    /// there (an empty match where the previous one ended).
    start: usize,
    must_advance: bool,
    full: bool,
}

/// What a search asks for: a match anywhere from `pos`, one at `pos`, or
/// one at `pos` that ends at `endpos`.
#[derive(Clone, Copy, PartialEq)]
pub enum Mode {
    Search,
    Match,
    Full,
}

impl<'a, S: Subject + ?Sized> Matcher<'a, S> {
    pub fn new(prog: &'a Prog, s: &'a S, end: usize) -> Self {
        Matcher {
            prog,
            s,
            end,
            slots: vec![UNSET; prog.slots],
            stack: Vec::new(),
            lastindex: 0,
            registers: vec![UNSET; prog.registers],
            steps: 0,
            start: 0,
            must_advance: false,
            full: false,
        }
    }

    /// The first match from `pos` in `mode`; its groups are in `slots`.
    pub fn find(
        &mut self,
        pos: usize,
        mode: Mode,
        must_advance: bool,
    ) -> Result<bool, Interrupted> {
        self.start = pos;
        self.must_advance = must_advance;
        self.full = mode == Mode::Full;
        // Every match starts with the program's first instruction after
        // `Save(0)` when that reads a character: skip to where it can.
        let first = match self.prog.insts.get(1) {
            Some(&Inst::Char(c)) => Some(c),
            _ => None,
        };
        let first_class = match self.prog.insts.get(1) {
            Some(&Inst::Class(k)) => Some(k),
            _ => None,
        };
        let mut at = pos;
        loop {
            if at > self.end {
                return Ok(false);
            }
            if mode == Mode::Search {
                if let Some(c) = first {
                    while at < self.end && self.s.at(at) != c {
                        at += 1;
                    }
                    if at >= self.end {
                        return Ok(false);
                    }
                } else if let Some(k) = first_class {
                    while at < self.end && !self.class_at(k, self.s.at(at)) {
                        at += 1;
                    }
                    if at >= self.end {
                        return Ok(false);
                    }
                }
            }
            self.slots.fill(UNSET);
            self.lastindex = 0;
            if self.run(0, at, None)?.is_some() {
                return Ok(true);
            }
            if mode != Mode::Search {
                return Ok(false);
            }
            at += 1;
        }
    }

    /// Whether class `k` has `c`: by its bits for ASCII.
    #[inline(always)]
    fn class_at(&self, k: usize, c: char) -> bool {
        let n = c as u32;
        if n < 128 {
            return self.prog.class_bits[k][(n >> 6) as usize] >> (n & 63) & 1 != 0;
        }
        class_matches(&self.prog.classes[k], c)
    }

    fn anchor(&self, a: Anchor, pos: usize) -> bool {
        let (s, end) = (self.s, self.end);
        match a {
            Anchor::Start { multiline: false } | Anchor::TextStart => pos == 0,
            Anchor::Start { multiline: true } => pos == 0 || s.at(pos - 1) == '\n',
            Anchor::End { multiline: false } => pos == end || (pos + 1 == end && s.at(pos) == '\n'),
            Anchor::End { multiline: true } => pos == end || s.at(pos) == '\n',
            Anchor::TextEnd => pos == end,
            Anchor::WordBoundary { negated, ascii } => {
                // Neither matches in an empty subject (sre's AT_BOUNDARY).
                if end == 0 {
                    return false;
                }
                let before = pos > 0 && is_word(s.at(pos - 1), ascii);
                let after = pos < end && is_word(s.at(pos), ascii);
                (before != after) != negated
            }
        }
    }

    /// Run from `pc` at `pos` to `Match` (or, in a sub-program, `Succeed`,
    /// at `behind_end` when given): the end position, or None.
    fn run(
        &mut self,
        mut pc: usize,
        mut pos: usize,
        behind_end: Option<usize>,
    ) -> Result<Option<usize>, Interrupted> {
        let prog = self.prog;
        // This run's part of the stack: what is above `base`.
        let base = self.stack.len();
        loop {
            self.steps = self.steps.wrapping_add(1);
            if self.steps & 0xf_ffff == 0 && interrupted() {
                return Err(Interrupted);
            }
            let ok = match prog.insts[pc] {
                Inst::Char(c) => pos < self.end && self.s.at(pos) == c,
                Inst::CharIcase(c) => pos < self.end && fold(self.s.at(pos)) == c,
                Inst::Any => pos < self.end,
                Inst::AnyButNewline => pos < self.end && self.s.at(pos) != '\n',
                Inst::Class(k) => pos < self.end && self.class_at(k, self.s.at(pos)),
                Inst::Split(a, b) => {
                    self.stack.push(Back::Alt(b, pos));
                    pc = a;
                    continue;
                }
                Inst::Jmp(a) => {
                    pc = a;
                    continue;
                }
                Inst::Save(n) => {
                    self.stack.push(Back::Slot(n, self.slots[n]));
                    self.slots[n] = pos;
                    if n > 1 && n % 2 == 1 {
                        self.stack.push(Back::LastIndex(self.lastindex));
                        self.lastindex = n / 2;
                    }
                    pc += 1;
                    continue;
                }
                Inst::Mark(r) => {
                    self.stack.push(Back::Register(r, self.registers[r]));
                    self.registers[r] = pos;
                    pc += 1;
                    continue;
                }
                Inst::ExitIfEmpty(r, exit) => {
                    pc = if pos == self.registers[r] {
                        exit
                    } else {
                        pc + 1
                    };
                    continue;
                }
                Inst::Anchor(a) => {
                    if self.anchor(a, pos) {
                        pc += 1;
                        continue;
                    }
                    false
                }
                Inst::Backref { group, icase } => match self.backref(group, icase, pos) {
                    Some(next) => {
                        pos = next;
                        pc += 1;
                        continue;
                    }
                    None => false,
                },
                Inst::Look {
                    ahead,
                    negated,
                    width,
                    next,
                } => {
                    let from = if ahead {
                        Some(pos)
                    } else {
                        pos.checked_sub(width)
                    };
                    let (before, last) = (self.slots.clone(), self.lastindex);
                    let found = match from {
                        Some(f) => self.run(pc + 1, f, (!ahead).then_some(pos))?.is_some(),
                        None => false,
                    };
                    if found == negated {
                        self.slots.copy_from_slice(&before);
                        self.lastindex = last;
                        false
                    } else {
                        if found {
                            self.keep_slots(&before, last);
                        }
                        pc = next;
                        continue;
                    }
                }
                Inst::Atomic { next } => {
                    let (before, last) = (self.slots.clone(), self.lastindex);
                    match self.run(pc + 1, pos, None)? {
                        Some(e) => {
                            self.keep_slots(&before, last);
                            pos = e;
                            pc = next;
                            continue;
                        }
                        None => false,
                    }
                }
                Inst::Succeed => {
                    if behind_end.is_none_or(|want| pos == want) {
                        // Its choices are dropped: a sub-program keeps
                        // its first match (`keep_slots` keeps its groups).
                        self.stack.truncate(base);
                        return Ok(Some(pos));
                    }
                    false
                }
                Inst::Match => {
                    let empty_at_start = self.must_advance && pos == self.start;
                    if !empty_at_start && (!self.full || pos == self.end) {
                        self.stack.truncate(base);
                        return Ok(Some(pos));
                    }
                    false
                }
            };
            if ok {
                // A character matched.
                pos += 1;
                pc += 1;
                continue;
            }
            // Back up to the last choice, undoing what changed since.
            loop {
                if self.stack.len() == base {
                    return Ok(None);
                }
                match self.stack.pop() {
                    None => return Ok(None),
                    Some(Back::Alt(p, q)) => {
                        pc = p;
                        pos = q;
                        break;
                    }
                    Some(Back::Slot(n, old)) => self.slots[n] = old,
                    Some(Back::Register(r, old)) => self.registers[r] = old,
                    Some(Back::LastIndex(old)) => self.lastindex = old,
                }
            }
        }
    }

    /// Slots a sub-program set, kept: undone when the caller backs up past
    /// it.
    fn keep_slots(&mut self, before: &[usize], last: usize) {
        if self.lastindex != last {
            self.stack.push(Back::LastIndex(last));
        }
        for (n, &old) in before.iter().enumerate() {
            if self.slots[n] != old {
                self.stack.push(Back::Slot(n, old));
            }
        }
    }

    /// Where the text of group `g` ends when it follows at `pos` again;
    /// None when it does not, or the group has matched nothing.
    fn backref(&self, g: usize, icase: bool, pos: usize) -> Option<usize> {
        let (a, b) = (self.slots[2 * g], self.slots[2 * g + 1]);
        if a == UNSET || b == UNSET || b < a {
            return None;
        }
        let n = b - a;
        if pos + n > self.end {
            return None;
        }
        // By lowercase only, as sre's GROUPREF_IGNORE (not by the
        // equivalent letters a literal matches).
        let same = (0..n).all(|k| {
            let (x, y) = (self.s.at(a + k), self.s.at(pos + k));
            x == y || (icase && lower(x) == lower(y))
        });
        same.then_some(pos + n)
    }
}

fn interrupted() -> bool {
    crate::interp::vm::POLLED
        .interrupted
        .load(std::sync::atomic::Ordering::Relaxed)
}
