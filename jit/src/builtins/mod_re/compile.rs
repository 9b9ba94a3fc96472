//! A parsed pattern into the instructions of the backtracking matcher
//! (`exec.rs`): alternatives and repeats become splits that try one way
//! first and come back for the other, counted repeats are unrolled, and a
//! loop whose body can match nothing stops after an iteration that did (as
//! CPython's `MAX_UNTIL`), keeping that iteration's groups.

use super::parse::{Anchor, Class, Greed, Node};

#[derive(Clone, Debug)]
pub enum Inst {
    Char(char),
    /// A character compared case-insensitively (stored lowercased).
    CharIcase(char),
    Any,
    AnyButNewline,
    Class(usize),
    /// Try the first, come back for the second.
    Split(usize, usize),
    Jmp(usize),
    /// Record the position in group slot n (2g: start, 2g+1: end).
    Save(usize),
    Anchor(Anchor),
    Backref {
        group: usize,
        icase: bool,
    },
    /// Record the position in loop register r.
    Mark(usize),
    /// After a loop's body: to `exit` when it matched nothing (the
    /// position is register r's), else on to the next instruction.
    ExitIfEmpty(usize, usize),
    /// Match the sub-program from the next instruction up to its `Succeed`,
    /// then go on at `next`. Lookarounds test it at (or, behind, `width`
    /// before) the position and keep the position; an atomic group keeps
    /// its first match and moves past it.
    Look {
        ahead: bool,
        negated: bool,
        width: usize,
        next: usize,
    },
    Atomic {
        next: usize,
    },
    /// The end of a sub-program (`Look`, `Atomic`).
    Succeed,
    Match,
}

pub struct Prog {
    pub insts: Vec<Inst>,
    pub classes: Vec<Class>,
    /// Each class's ASCII characters, as bits (the matcher's fast test).
    pub class_bits: Vec<[u64; 2]>,
    /// Loop registers (`Mark`).
    pub registers: usize,
    /// Group slots: two per group, the whole match's included.
    pub slots: usize,
}

/// Programs past this many instructions are refused (counted repeats are
/// unrolled: `(a{1000}){1000}`).
pub const MAX_INSTS: usize = 1 << 20;

pub fn compile(node: &Node, groups: usize) -> Result<Prog, String> {
    let mut c = Compiler {
        insts: Vec::new(),
        classes: Vec::new(),
        registers: 0,
    };
    c.push(Inst::Save(0));
    c.node(node)?;
    c.push(Inst::Save(1));
    c.push(Inst::Match);
    let class_bits = c
        .classes
        .iter()
        .map(|cl| {
            let mut bits = [0u64; 2];
            for n in 0..128u32 {
                if super::exec::class_matches(cl, char::from_u32(n).unwrap_or('\0')) {
                    bits[(n >> 6) as usize] |= 1 << (n & 63);
                }
            }
            bits
        })
        .collect();
    Ok(Prog {
        insts: c.insts,
        class_bits,
        classes: c.classes,
        registers: c.registers,
        slots: 2 * (groups + 1),
    })
}

/// The number of characters every match of `node` takes, when fixed.
pub fn width(node: &Node) -> Option<usize> {
    match node {
        Node::Empty | Node::Anchor(_) | Node::Look { .. } => Some(0),
        Node::Char { .. } | Node::Any { .. } | Node::Class(_) => Some(1),
        Node::Group(_, n) | Node::Atomic(n) => width(n),
        Node::Concat(ns) => ns.iter().map(width).sum(),
        Node::Alt(ns) => {
            let w = width(&ns[0])?;
            ns.iter().all(|n| width(n) == Some(w)).then_some(w)
        }
        Node::Repeat { node, min, max, .. } => {
            let w = width(node)?;
            (Some(*min) == *max || w == 0).then_some(w * *min as usize)
        }
        Node::Backref { .. } => None,
    }
}

/// Whether `node` can match the empty string.
fn nullable(node: &Node) -> bool {
    match node {
        Node::Empty | Node::Anchor(_) | Node::Look { .. } | Node::Backref { .. } => true,
        Node::Char { .. } | Node::Any { .. } | Node::Class(_) => false,
        Node::Group(_, n) | Node::Atomic(n) => nullable(n),
        Node::Concat(ns) => ns.iter().all(nullable),
        Node::Alt(ns) => ns.iter().any(nullable),
        Node::Repeat { node, min, .. } => *min == 0 || nullable(node),
    }
}

struct Compiler {
    insts: Vec<Inst>,
    classes: Vec<Class>,
    registers: usize,
}

impl Compiler {
    fn push(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    fn pc(&self) -> usize {
        self.insts.len()
    }

    fn check_size(&self) -> Result<(), String> {
        if self.insts.len() > MAX_INSTS {
            return Err("the pattern's repeats are too large to unroll".into());
        }
        Ok(())
    }

    fn node(&mut self, node: &Node) -> Result<(), String> {
        self.check_size()?;
        match node {
            Node::Empty => {}
            Node::Char { c, icase } => {
                let i = match *icase {
                    true => Inst::CharIcase(super::exec::fold(*c)),
                    false => Inst::Char(*c),
                };
                self.push(i);
            }
            Node::Any { dotall } => {
                self.push(if *dotall {
                    Inst::Any
                } else {
                    Inst::AnyButNewline
                });
            }
            Node::Class(cl) => {
                self.classes.push(cl.clone());
                self.push(Inst::Class(self.classes.len() - 1));
            }
            Node::Anchor(a) => {
                self.push(Inst::Anchor(*a));
            }
            Node::Group(index, body) => {
                if let Some(g) = index {
                    self.push(Inst::Save(2 * g));
                }
                self.node(body)?;
                if let Some(g) = index {
                    self.push(Inst::Save(2 * g + 1));
                }
            }
            Node::Concat(ns) => {
                for n in ns {
                    self.node(n)?;
                }
            }
            Node::Alt(ns) => {
                // split L1, next; L1: a; jmp end; next: split L2, ...
                let mut jumps = Vec::new();
                for (k, n) in ns.iter().enumerate() {
                    if k + 1 < ns.len() {
                        let split = self.push(Inst::Split(0, 0));
                        self.node(n)?;
                        jumps.push(self.push(Inst::Jmp(0)));
                        let next = self.pc();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.node(n)?;
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Backref { group, icase } => {
                self.push(Inst::Backref {
                    group: *group,
                    icase: *icase,
                });
            }
            Node::Look {
                ahead,
                negated,
                node,
            } => {
                let at = self.push(Inst::Succeed);
                self.node(node)?;
                self.push(Inst::Succeed);
                self.insts[at] = Inst::Look {
                    ahead: *ahead,
                    negated: *negated,
                    width: width(node).unwrap_or(0),
                    next: self.pc(),
                };
            }
            Node::Atomic(body) => self.atomic(body)?,
            Node::Repeat {
                node,
                min,
                max,
                greed,
            } => {
                if *greed == Greed::Possessive {
                    let plain = Node::Repeat {
                        node: node.clone(),
                        min: *min,
                        max: *max,
                        greed: Greed::Greedy,
                    };
                    return self.atomic(&plain);
                }
                let lazy = *greed == Greed::Lazy;
                for _ in 0..*min {
                    self.node(node)?;
                    self.check_size()?;
                }
                match max {
                    None => self.star(node, lazy)?,
                    Some(m) => {
                        // Optional copies, nested: (x(x(x)?)?)?
                        let mut splits = Vec::new();
                        for _ in *min..*m {
                            splits.push(self.push(Inst::Split(0, 0)));
                            self.node(node)?;
                            self.check_size()?;
                        }
                        let end = self.pc();
                        for s in splits {
                            self.insts[s] = if lazy {
                                Inst::Split(end, s + 1)
                            } else {
                                Inst::Split(s + 1, end)
                            };
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn atomic(&mut self, body: &Node) -> Result<(), String> {
        let at = self.push(Inst::Succeed);
        self.node(body)?;
        self.push(Inst::Succeed);
        self.insts[at] = Inst::Atomic { next: self.pc() };
        Ok(())
    }

    /// `x*` (lazy: `x*?`): a loop that stops after an iteration that
    /// matched nothing, when `x` can.
    fn star(&mut self, node: &Node, lazy: bool) -> Result<(), String> {
        let head = self.push(Inst::Split(0, 0));
        let guard = nullable(node).then(|| {
            self.registers += 1;
            self.registers - 1
        });
        if let Some(r) = guard {
            self.push(Inst::Mark(r));
        }
        self.node(node)?;
        let exit_check = guard.map(|r| self.push(Inst::ExitIfEmpty(r, 0)));
        self.push(Inst::Jmp(head));
        let end = self.pc();
        self.insts[head] = if lazy {
            Inst::Split(end, head + 1)
        } else {
            Inst::Split(head + 1, end)
        };
        if let (Some(at), Some(r)) = (exit_check, guard) {
            self.insts[at] = Inst::ExitIfEmpty(r, end);
        }
        Ok(())
    }
}
