//! Scope analysis: which names are locals, cells, free variables or globals in
//! every function, lambda and comprehension (Python's symtable pass).
//!
//! Scopes are keyed by the address of their AST node, which is stable because the
//! AST is not moved between this pass and code generation.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Function,
    Lambda,
    Comprehension,
    /// A class body: its names live in the class namespace (a dict), and are
    /// invisible to the functions defined inside it.
    Class,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<usize>,
    /// Parameters in order, then other locals in first-binding order.
    pub locals: Vec<String>,
    local_set: HashSet<String>,
    pub cells: HashSet<String>,
    pub frees: Vec<String>,
    pub explicit_globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    used: Vec<(String, TextRange)>,
    pub is_generator: bool,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            parent,
            locals: Vec::new(),
            local_set: HashSet::new(),
            cells: HashSet::new(),
            frees: Vec::new(),
            explicit_globals: HashSet::new(),
            nonlocals: HashSet::new(),
            used: Vec::new(),
            is_generator: false,
        }
    }
    fn bind(&mut self, name: &str) {
        if self.kind == ScopeKind::Module
            || self.explicit_globals.contains(name)
            || self.nonlocals.contains(name)
        {
            return;
        }
        if self.local_set.insert(name.to_string()) {
            self.locals.push(name.to_string());
        }
    }
    pub fn is_local(&self, name: &str) -> bool {
        self.local_set.contains(name)
    }
}

/// How the code generator must access a name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NameAccess {
    Local,
    /// A local captured by an inner scope: its register holds a cell.
    Cell,
    /// A variable of an enclosing function: a cell from the closure.
    Free,
    Global,
    /// A class body's name: the namespace dict, then globals, then builtins.
    ClassName,
}

pub struct ScopeError {
    pub msg: String,
    pub range: TextRange,
    pub unsupported: bool,
}

pub struct Scopes {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl Scopes {
    pub fn of_node<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }
    pub fn access(&self, scope: usize, name: &str) -> NameAccess {
        let s = &self.scopes[scope];
        if s.kind == ScopeKind::Module || s.explicit_globals.contains(name) {
            return NameAccess::Global;
        }
        if s.cells.contains(name) {
            return NameAccess::Cell;
        }
        if s.kind == ScopeKind::Class {
            if !s.is_local(name) && s.frees.iter().any(|f| f == name) {
                return NameAccess::Free;
            }
            return NameAccess::ClassName;
        }
        if s.is_local(name) {
            return NameAccess::Local;
        }
        if s.frees.iter().any(|f| f == name) {
            return NameAccess::Free;
        }
        NameAccess::Global
    }
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    cur: usize,
    errors: Vec<ScopeError>,
}

pub fn analyze(module: &[Stmt]) -> Result<Scopes, ScopeError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, None)],
        by_node: HashMap::new(),
        cur: 0,
        errors: Vec::new(),
    };
    b.stmts(module);
    if let Some(e) = b.errors.into_iter().next() {
        return Err(e);
    }
    let mut scopes = Scopes {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    resolve(&mut scopes)?;
    Ok(scopes)
}

fn resolve(s: &mut Scopes) -> Result<(), ScopeError> {
    for i in 0..s.scopes.len() {
        if s.scopes[i].kind == ScopeKind::Module {
            continue;
        }
        let mut wanted: Vec<(String, TextRange, bool)> = s.scopes[i]
            .used
            .iter()
            .map(|(n, r)| (n.clone(), *r, false))
            .collect();
        let mut nl: Vec<String> = s.scopes[i].nonlocals.iter().cloned().collect();
        nl.sort();
        for n in nl {
            wanted.push((n, TextRange::default(), true));
        }
        for (name, range, is_nonlocal) in wanted {
            let sc = &s.scopes[i];
            if !is_nonlocal
                && (sc.is_local(&name)
                    || sc.explicit_globals.contains(&name)
                    || sc.nonlocals.contains(&name))
            {
                continue;
            }
            // Walk outwards to the nearest function scope that binds the name.
            let mut path = vec![i];
            let mut p = s.scopes[i].parent;
            let mut found = None;
            while let Some(pi) = p {
                let ps = &s.scopes[pi];
                if ps.kind == ScopeKind::Module {
                    break;
                }
                if ps.explicit_globals.contains(&name) {
                    break;
                }
                if ps.kind == ScopeKind::Class {
                    // A class body binds `__class__` for the methods that use
                    // super(); its other names are not visible inside them.
                    if name == "__class__" {
                        found = Some(pi);
                        break;
                    }
                    path.push(pi);
                    p = ps.parent;
                    continue;
                }
                if ps.is_local(&name) {
                    found = Some(pi);
                    break;
                }
                path.push(pi);
                p = ps.parent;
            }
            match found {
                Some(owner) => {
                    s.scopes[owner].cells.insert(name.clone());
                    for &q in &path {
                        if !s.scopes[q].frees.contains(&name) {
                            s.scopes[q].frees.push(name.clone());
                        }
                    }
                }
                None if is_nonlocal => {
                    return Err(ScopeError {
                        msg: format!("no binding for nonlocal '{name}' found"),
                        range,
                        unsupported: false,
                    });
                }
                None => {}
            }
        }
    }
    Ok(())
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn push<T>(&mut self, node: &T, kind: ScopeKind) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, Some(self.cur)));
        self.by_node.insert(node as *const T as usize, id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn use_name(&mut self, name: &str, range: TextRange) {
        self.scope().used.push((name.to_string(), range));
    }

    fn params(&mut self, p: &ast::Parameters) {
        let mut names: Vec<&ast::Identifier> = Vec::new();
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            names.push(&a.parameter.name);
        }
        if let Some(v) = &p.vararg {
            names.push(&v.name);
        }
        if let Some(v) = &p.kwarg {
            names.push(&v.name);
        }
        let mut seen = HashSet::new();
        for n in names {
            if !seen.insert(n.as_str()) {
                self.errors.push(ScopeError {
                    msg: format!("duplicate argument '{}' in function definition", n.as_str()),
                    range: n.range,
                    unsupported: false,
                });
            }
            self.scope().bind(n.as_str());
        }
    }

    fn param_defaults(&mut self, p: &ast::Parameters) {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn target(&mut self, e: &Expr) {
        match e {
            Expr::Name(n) => self.scope().bind(n.id.as_str()),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(e)),
            Expr::List(t) => t.elts.iter().for_each(|e| self.target(e)),
            Expr::Starred(s) => self.target(&s.value),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            other => self.expr(other),
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression);
                }
                self.param_defaults(&f.parameters);
                self.scope().bind(f.name.as_str());
                let prev = self.push(f, ScopeKind::Function);
                self.params(&f.parameters);
                self.stmts(&f.body);
                self.cur = prev;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a);
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value);
                    }
                }
                self.scope().bind(c.name.as_str());
                let prev = self.push(c, ScopeKind::Class);
                self.stmts(&c.body);
                self.cur = prev;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)
                }
            }
            Stmt::Delete(d) => d.targets.iter().for_each(|t| self.target(t)),
            Stmt::Assign(a) => {
                self.expr(&a.value);
                a.targets.iter().for_each(|t| self.target(t));
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value);
                if let Expr::Name(n) = &*a.target {
                    self.use_name(n.id.as_str(), n.range);
                }
                self.target(&a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v);
                    self.target(&a.target);
                } else if !matches!(&*a.target, Expr::Name(_)) {
                    self.target(&a.target);
                } else if let Expr::Name(n) = &*a.target {
                    // A bare annotation still makes the name local in a function.
                    self.scope().bind(n.id.as_str());
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter);
                self.target(&f.target);
                self.stmts(&f.body);
                self.stmts(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.stmts(&w.body);
                self.stmts(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.stmts(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.target(v);
                    }
                }
                self.stmts(&w.body);
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(e) = &r.cause {
                    self.expr(e);
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.scope().bind(n.as_str());
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&t.orelse);
                self.stmts(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str().to_string(),
                        None => a.name.as_str().split('.').next().unwrap_or("").to_string(),
                    };
                    self.scope().bind(&bound);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        continue;
                    }
                    let n = a.asname.as_ref().unwrap_or(&a.name);
                    self.scope().bind(n.as_str());
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let sc = self.scope();
                    if sc.kind != ScopeKind::Module {
                        let name = n.as_str();
                        let msg = if sc.nonlocals.contains(name) {
                            Some(format!("name '{name}' is nonlocal and global"))
                        } else if sc.is_local(name) {
                            Some(format!(
                                "name '{name}' is assigned to before global declaration"
                            ))
                        } else if sc.used.iter().any(|(u, _)| u == name) {
                            Some(format!("name '{name}' is used prior to global declaration"))
                        } else {
                            None
                        };
                        if let Some(msg) = msg {
                            self.errors.push(ScopeError {
                                msg,
                                range: n.range,
                                unsupported: false,
                            });
                        }
                        self.scope().explicit_globals.insert(n.as_str().to_string());
                    }
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    if self.scope().kind == ScopeKind::Module {
                        self.errors.push(ScopeError {
                            msg: "nonlocal declaration not allowed at module level".into(),
                            range: g.range,
                            unsupported: false,
                        });
                        continue;
                    }
                    let name = n.as_str();
                    let sc = self.scope();
                    let msg = if sc.explicit_globals.contains(name) {
                        Some(format!("name '{name}' is nonlocal and global"))
                    } else if sc.is_local(name) {
                        Some(format!(
                            "name '{name}' is assigned to before nonlocal declaration"
                        ))
                    } else if sc.used.iter().any(|(u, _)| u == name) {
                        Some(format!(
                            "name '{name}' is used prior to nonlocal declaration"
                        ))
                    } else {
                        None
                    };
                    if let Some(msg) = msg {
                        self.errors.push(ScopeError {
                            msg,
                            range: n.range,
                            unsupported: false,
                        });
                    }
                    self.scope().nonlocals.insert(n.as_str().to_string());
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for case in &m.cases {
                    let mut exprs = Vec::new();
                    crate::front::compiler::patterns::pattern_exprs(&case.pattern, &mut exprs);
                    exprs.into_iter().for_each(|e| self.expr(e));
                    let mut names = Vec::new();
                    crate::front::compiler::patterns::bound_names(&case.pattern, &mut names);
                    names.into_iter().for_each(|n| self.scope().bind(n));
                    if let Some(g) = &case.guard {
                        self.expr(g);
                    }
                    self.stmts(&case.body);
                }
            }
            Stmt::Pass(_)
            | Stmt::Break(_)
            | Stmt::Continue(_)
            | Stmt::TypeAlias(_)
            | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    fn comprehension<T>(&mut self, node: &T, gens: &[ast::Comprehension], elts: &[&Expr]) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(g) = gens.first() {
            self.expr(&g.iter);
        }
        let prev = self.push(node, ScopeKind::Comprehension);
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            self.target(&g.target);
            for c in &g.ifs {
                self.expr(c);
            }
        }
        for e in elts {
            self.expr(e);
        }
        self.cur = prev;
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Name(n) => {
                self.use_name(n.id.as_str(), n.range);
                // Zero-argument super() needs the class being defined: the
                // function closes over the class body's `__class__` cell.
                if n.id.as_str() == "super" && self.scope().kind != ScopeKind::Class {
                    self.use_name("__class__", n.range);
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value);
                if let Expr::Name(t) = &*n.target {
                    // In a comprehension, := binds in the enclosing function scope.
                    let mut owner = self.cur;
                    while self.scopes[owner].kind == ScopeKind::Comprehension {
                        owner = self.scopes[owner].parent.unwrap_or(0);
                    }
                    self.scopes[owner].bind(t.id.as_str());
                    if owner != self.cur {
                        self.use_name(t.id.as_str(), t.range);
                        if self.scopes[owner].kind == ScopeKind::Module {
                            self.scope()
                                .explicit_globals
                                .insert(t.id.as_str().to_string());
                        }
                    }
                }
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p);
                }
                let prev = self.push(l, ScopeKind::Lambda);
                if let Some(p) = &l.parameters {
                    self.params(p);
                }
                self.expr(&l.body);
                self.cur = prev;
            }
            Expr::ListComp(c) => self.comprehension(c, &c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(c, &c.generators, &[&c.elt]),
            Expr::Generator(c) => {
                self.comprehension(c, &c.generators, &[&c.elt]);
                let id = self.by_node[&(c as *const _ as usize)];
                self.scopes[id].is_generator = true;
            }
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(c, &c.generators, &[k, &c.value]),
                None => self.comprehension(c, &c.generators, &[&c.value]),
            },
            Expr::Yield(y) => {
                self.scope().is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v);
                }
            }
            Expr::YieldFrom(y) => {
                self.scope().is_generator = true;
                self.expr(&y.value);
            }
            _ => walk_children(e, &mut |c| self.expr(c)),
        }
    }
}

/// Visit the direct sub-expressions of an expression (for the cases that need no
/// special scope handling).
pub fn walk_children(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    match e {
        Expr::BoolOp(b) => b.values.iter().for_each(|v| f(v)),
        Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right)
        }
        Expr::UnaryOp(u) => f(&u.operand),
        Expr::If(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse)
        }
        Expr::Dict(d) => {
            for it in &d.items {
                if let Some(k) = &it.key {
                    f(k);
                }
                f(&it.value);
            }
        }
        Expr::Set(s) => s.elts.iter().for_each(|v| f(v)),
        Expr::Await(a) => f(&a.value),
        Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(|v| f(v))
        }
        Expr::Call(c) => {
            f(&c.func);
            c.arguments.args.iter().for_each(|v| f(v));
            c.arguments.keywords.iter().for_each(|k| f(&k.value));
        }
        Expr::FString(fs) => {
            for part in fs.value.iter() {
                if let ast::FStringPart::FString(fstr) = part {
                    walk_fstring_elements(&fstr.elements, f);
                }
            }
        }
        Expr::Attribute(a) => f(&a.value),
        Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice)
        }
        Expr::Starred(s) => f(&s.value),
        Expr::List(l) => l.elts.iter().for_each(|v| f(v)),
        Expr::Tuple(t) => t.elts.iter().for_each(|v| f(v)),
        Expr::Slice(s) => {
            for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(x);
            }
        }
        _ => {}
    }
}

fn walk_fstring_elements(els: &ast::InterpolatedStringElements, f: &mut dyn FnMut(&Expr)) {
    for el in els.iter() {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            f(&i.expression);
            if let Some(spec) = &i.format_spec {
                walk_fstring_elements(&spec.elements, f);
            }
        }
    }
}

/// Range helper used by the code generator's error messages.
pub fn range_of(e: &impl Ranged) -> TextRange {
    e.range()
}
