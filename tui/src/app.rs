//! The explorer's state and its key handling. Nothing here draws or touches
//! the terminal, so tests drive an `App` with key events and look at it (or
//! draw it on a `TestBackend`).

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};

use crate::disasm::{self, Listing};
use crate::model::{HotKind, Model};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Hot,
    Source,
    Bails,
    Calls,
    Code,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Hot,
        View::Source,
        View::Bails,
        View::Calls,
        View::Code,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Hot => "Hot",
            View::Source => "Source",
            View::Bails => "Bails",
            View::Calls => "Calls",
            View::Code => "Code",
        }
    }

    fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// What the hot view ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    SelfTime,
    Cumulative,
}

/// Which list of the calls view has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Callers,
    Callees,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing a search; the cursor moves to matches as the query grows.
    Search(String),
    Help,
}

/// Where the user is: pushed before every jump so Esc/Backspace can return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nav {
    pub view: View,
    /// The function the calls and code views show.
    pub focus: Option<u32>,
    pub file: u32,
    /// 0-based index of the source line under the cursor.
    pub src_cursor: usize,
    /// Index into `App::hot_order`.
    pub hot_cursor: usize,
    /// Index into `Model::bails_by_cost`.
    pub bail_cursor: usize,
    pub side: Side,
    pub calls_cursor: usize,
    pub code_cursor: usize,
}

/// Scroll offsets, kept by the drawing code (which alone knows the heights)
/// so that the list scrolls only when the cursor leaves the window.
#[derive(Debug, Default)]
pub struct Scroll {
    pub hot: Cell<usize>,
    pub source: Cell<usize>,
    pub bails: Cell<usize>,
    pub calls: Cell<usize>,
    pub code: Cell<usize>,
    /// Rows of the last list drawn, for PageUp/PageDown.
    pub page: Cell<usize>,
    /// Set by jumps: the next list drawn puts its cursor near the top.
    pub recenter: Cell<bool>,
}

pub struct App {
    pub model: Model,
    /// The profile's path, for the title.
    pub path: String,
    pub nav: Nav,
    back: Vec<Nav>,
    pub sort: Sort,
    /// Indexes into `model.hot`, in the current ranking.
    pub hot_order: Vec<usize>,
    pub mode: Mode,
    /// The last confirmed search, for `n` / `N`.
    pub query: String,
    /// A one-line message for the footer (cleared by the next key).
    pub status: Option<String>,
    /// The code view's listing, for `nav.focus` (rebuilt when it changes).
    pub code: Option<Listing>,
    pub scroll: Scroll,
    quit: bool,
}

impl App {
    pub fn new(model: Model, path: &str) -> App {
        let file = model
            .p
            .functions
            .iter()
            .find(|f| f.name == "<module>")
            .and_then(|f| f.file)
            .unwrap_or(0);
        let mut app = App {
            model,
            path: path.to_string(),
            nav: Nav {
                view: View::Hot,
                focus: None,
                file,
                src_cursor: 0,
                hot_cursor: 0,
                bail_cursor: 0,
                side: Side::Callees,
                calls_cursor: 0,
                code_cursor: 0,
            },
            back: vec![],
            sort: Sort::SelfTime,
            hot_order: vec![],
            mode: Mode::Normal,
            query: String::new(),
            status: None,
            code: None,
            scroll: Scroll::default(),
            quit: false,
        };
        app.rank_hot();
        app.nav.focus = app.hot_row().map(|r| r.function);
        app
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn view(&self) -> View {
        self.nav.view
    }

    /// Depth of the back stack (0: top level, where Esc quits).
    pub fn depth(&self) -> usize {
        self.back.len()
    }

    fn rank_hot(&mut self) {
        let keep = self.hot_order.get(self.nav.hot_cursor).copied();
        let hot = &self.model.hot;
        let mut order: Vec<usize> = (0..hot.len()).collect();
        let sort = self.sort;
        order.sort_by(|&a, &b| {
            let (ra, rb) = (&hot[a], &hot[b]);
            let t = |r: &crate::model::HotRow| {
                if sort == Sort::SelfTime {
                    r.self_ns
                } else {
                    r.cum_ns
                }
            };
            // Ties: functions before their loops, then by name, for a stable listing.
            let loop_a = ra.kind != HotKind::Function;
            let loop_b = rb.kind != HotKind::Function;
            t(rb)
                .cmp(&t(ra))
                .then(loop_a.cmp(&loop_b))
                .then(ra.name.cmp(&rb.name))
        });
        self.hot_order = order;
        self.nav.hot_cursor = keep
            .and_then(|k| self.hot_order.iter().position(|&i| i == k))
            .unwrap_or(0);
    }

    pub fn hot_row(&self) -> Option<&crate::model::HotRow> {
        self.hot_order
            .get(self.nav.hot_cursor)
            .and_then(|&i| self.model.hot.get(i))
    }

    pub fn source_lines(&self) -> &[String] {
        self.model
            .sources
            .get(self.nav.file as usize)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    /// The 1-based line under the source cursor.
    pub fn cursor_line(&self) -> u32 {
        self.nav.src_cursor as u32 + 1
    }

    pub fn selected_bail(&self) -> Option<usize> {
        self.model.bails_by_cost.get(self.nav.bail_cursor).copied()
    }

    fn calls_list(&self) -> Vec<u32> {
        let Some(f) = self.nav.focus else {
            return vec![];
        };
        match self.nav.side {
            Side::Callers => self
                .model
                .callers(f)
                .into_iter()
                .map(|(id, _)| id)
                .collect(),
            Side::Callees => self
                .model
                .callees(f)
                .into_iter()
                .map(|(id, _)| id)
                .collect(),
        }
    }

    /// Rows in the current view's list.
    fn list_len(&self) -> usize {
        match self.nav.view {
            View::Hot => self.hot_order.len(),
            View::Source => self.source_lines().len(),
            View::Bails => self.model.bails_by_cost.len(),
            View::Calls => self.calls_list().len(),
            View::Code => self.code.as_ref().map(|c| c.rows.len()).unwrap_or(0),
        }
    }

    fn cursor_mut(&mut self) -> &mut usize {
        match self.nav.view {
            View::Hot => &mut self.nav.hot_cursor,
            View::Source => &mut self.nav.src_cursor,
            View::Bails => &mut self.nav.bail_cursor,
            View::Calls => &mut self.nav.calls_cursor,
            View::Code => &mut self.nav.code_cursor,
        }
    }

    /// Move the cursor of the current view to `to` (clamped), then let the
    /// views that follow it update the focused function.
    fn move_to(&mut self, to: isize) {
        let len = self.list_len();
        let c = self.cursor_mut();
        *c = if len == 0 {
            0
        } else {
            to.clamp(0, len as isize - 1) as usize
        };
        match self.nav.view {
            View::Hot => self.nav.focus = self.hot_row().map(|r| r.function).or(self.nav.focus),
            View::Source => {
                if let Some(f) = self.model.function_at(self.nav.file, self.cursor_line()) {
                    self.nav.focus = Some(f);
                }
            }
            View::Bails => {
                if let Some(b) = self.selected_bail().and_then(|i| self.model.p.bails.get(i)) {
                    self.nav.focus = Some(b.function);
                }
            }
            View::Calls | View::Code => {}
        }
    }

    fn move_by(&mut self, delta: isize) {
        let c = *self.cursor_mut() as isize;
        self.move_to(c.saturating_add(delta));
    }

    /// Show `view`, rebuilding the code listing if the focus moved.
    fn show(&mut self, view: View) {
        self.nav.view = view;
        if view == View::Code {
            self.sync_code();
        }
        if view == View::Calls {
            let len = self.list_len();
            self.nav.calls_cursor = self.nav.calls_cursor.min(len.saturating_sub(1));
        }
    }

    fn sync_code(&mut self) {
        let Some(f) = self.nav.focus else {
            self.code = None;
            return;
        };
        if self.code.as_ref().is_some_and(|c| c.function == f) {
            return;
        }
        let listing = disasm::listing(&self.model, f, None);
        // Start at the source cursor's line when it is in this function.
        let line = self.cursor_line();
        let same_file = self.model.function(f).and_then(|f| f.file) == Some(self.nav.file);
        self.nav.code_cursor = if same_file {
            listing
                .rows
                .iter()
                .position(|r| r.line == line)
                .unwrap_or(0)
        } else {
            0
        };
        self.code = Some(listing);
    }

    /// Jump somewhere, remembering where we were.
    fn jump(&mut self, to: Nav) {
        if to != self.nav {
            self.back.push(self.nav.clone());
        }
        self.scroll.recenter.set(true);
        self.nav = to;
        let v = self.nav.view;
        self.show(v);
    }

    /// Open the source view at `file:line` (1-based).
    fn open_source(&mut self, file: u32, line: u32, focus: Option<u32>) {
        let mut to = self.nav.clone();
        to.view = View::Source;
        to.file = file;
        to.src_cursor = (line.max(1) - 1) as usize;
        to.focus = focus.or(to.focus);
        self.jump(to);
        let len = self.list_len();
        self.nav.src_cursor = self.nav.src_cursor.min(len.saturating_sub(1));
    }

    fn go_back(&mut self) -> bool {
        match self.back.pop() {
            Some(nav) => {
                self.nav = nav;
                let v = self.nav.view;
                self.show(v);
                true
            }
            None => false,
        }
    }

    pub fn handle_mouse(&mut self, m: MouseEvent) {
        if self.mode != Mode::Normal {
            return;
        }
        match m.kind {
            MouseEventKind::ScrollDown => self.move_by(3),
            MouseEventKind::ScrollUp => self.move_by(-3),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        match std::mem::replace(&mut self.mode, Mode::Normal) {
            Mode::Help => {} // any key closes help
            Mode::Search(q) => self.search_key(q, key),
            Mode::Normal => {
                self.status = None;
                self.normal_key(key);
            }
        }
    }

    fn search_key(&mut self, mut q: String, key: KeyEvent) {
        match key.code {
            KeyCode::Esc => return,
            KeyCode::Enter => {
                self.query = q;
                return;
            }
            KeyCode::Backspace => {
                q.pop();
            }
            KeyCode::Char(c) => {
                q.push(c);
                self.find(&q, 0, true);
            }
            _ => {}
        }
        self.mode = Mode::Search(q);
    }

    /// Move to the next row matching `q` (case-insensitive), starting `skip`
    /// rows past the cursor and wrapping. Returns whether one matched.
    fn find(&mut self, q: &str, skip: usize, forward: bool) -> bool {
        if q.is_empty() {
            return false;
        }
        let q = q.to_lowercase();
        let texts: Vec<String> = match self.nav.view {
            View::Hot => self
                .hot_order
                .iter()
                .filter_map(|&i| self.model.hot.get(i))
                .map(|r| r.name.clone())
                .collect(),
            View::Source => self.source_lines().to_vec(),
            View::Bails => self
                .model
                .bails_by_cost
                .iter()
                .filter_map(|&i| self.model.p.bails.get(i))
                .map(|b| format!("{} {}", b.reason, self.model.fn_name(b.function)))
                .collect(),
            View::Calls => self
                .calls_list()
                .iter()
                .map(|&f| self.model.fn_name(f))
                .collect(),
            View::Code => self
                .code
                .iter()
                .flat_map(|c| c.rows.iter().map(|r| r.text.clone()))
                .collect(),
        };
        let n = texts.len();
        if n == 0 {
            return false;
        }
        let start = *self.cursor_mut();
        for k in 0..n {
            let step = skip + k;
            let i = if forward {
                (start + step) % n
            } else {
                (start + n * 2 - step % n) % n
            };
            if texts.get(i).is_some_and(|t| t.to_lowercase().contains(&q)) {
                self.move_to(i as isize);
                return true;
            }
        }
        self.status = Some(format!("no match for \"{q}\""));
        false
    }

    fn normal_key(&mut self, key: KeyEvent) {
        let page = self.scroll.page.get().max(1) as isize;
        match key.code {
            KeyCode::Char('q') => self.quit = true,
            KeyCode::Esc => {
                if !self.go_back() {
                    self.quit = true;
                }
            }
            KeyCode::Backspace => {
                if !self.go_back() {
                    self.status = Some("nothing to go back to".into());
                }
            }
            KeyCode::Char('?') => self.mode = Mode::Help,
            KeyCode::Char('/') => self.mode = Mode::Search(String::new()),
            KeyCode::Char('n') => {
                let q = self.query.clone();
                self.find(&q, 1, true);
            }
            KeyCode::Char('N') => {
                let q = self.query.clone();
                self.find(&q, 1, false);
            }
            KeyCode::Tab => self.show(View::ALL[(self.nav.view.index() + 1) % View::ALL.len()]),
            KeyCode::BackTab => self
                .show(View::ALL[(self.nav.view.index() + View::ALL.len() - 1) % View::ALL.len()]),
            KeyCode::Char(c @ '1'..='5') => self.show(View::ALL[(c as u8 - b'1') as usize]),
            KeyCode::Up | KeyCode::Char('k') => self.move_by(-1),
            KeyCode::Down | KeyCode::Char('j') => self.move_by(1),
            KeyCode::PageUp => self.move_by(-page),
            KeyCode::PageDown | KeyCode::Char(' ') => self.move_by(page),
            KeyCode::Home | KeyCode::Char('g') => self.move_to(0),
            KeyCode::End | KeyCode::Char('G') => self.move_to(isize::MAX),
            KeyCode::Enter => self.enter(),
            _ => self.view_key(key),
        }
    }

    /// Keys that mean something in one view only.
    fn view_key(&mut self, key: KeyEvent) {
        match (self.nav.view, key.code) {
            (View::Hot, KeyCode::Char('s')) => {
                self.sort = if self.sort == Sort::SelfTime {
                    Sort::Cumulative
                } else {
                    Sort::SelfTime
                };
                self.rank_hot();
            }
            (View::Source, KeyCode::Char(']')) => self.next_interesting(true),
            (View::Source, KeyCode::Char('[')) => self.next_interesting(false),
            (View::Source, KeyCode::Char('b')) => self.worst_bail(),
            (View::Source, KeyCode::Char('f')) => self.next_file(),
            (View::Source, KeyCode::Char('c')) => self.open_code_at_cursor(),
            (View::Calls, KeyCode::Left | KeyCode::Char('h')) => self.set_side(Side::Callers),
            (View::Calls, KeyCode::Right | KeyCode::Char('l')) => self.set_side(Side::Callees),
            (View::Calls | View::Code, KeyCode::Char('o')) => self.open_focus_source(),
            (View::Code, KeyCode::Char('v')) => self.next_version(),
            _ => {}
        }
    }

    fn set_side(&mut self, side: Side) {
        if self.nav.side != side {
            self.nav.side = side;
            self.nav.calls_cursor = 0;
        }
    }

    fn enter(&mut self) {
        match self.nav.view {
            View::Hot => {
                let Some(r) = self.hot_row().cloned() else {
                    return;
                };
                match r.file {
                    Some(file) => self.open_source(file, r.line, Some(r.function)),
                    None => {
                        // A builtin has no source: show who calls it instead.
                        let mut to = self.nav.clone();
                        to.view = View::Calls;
                        to.focus = Some(r.function);
                        to.side = Side::Callers;
                        to.calls_cursor = 0;
                        self.jump(to);
                    }
                }
            }
            View::Bails => {
                let Some(b) = self
                    .selected_bail()
                    .and_then(|i| self.model.p.bails.get(i))
                    .cloned()
                else {
                    return;
                };
                match self.model.function(b.function).and_then(|f| f.file) {
                    Some(file) => self.open_source(file, b.line, Some(b.function)),
                    None => self.status = Some("this bail's function has no source".into()),
                }
            }
            View::Calls => {
                let Some(&f) = self.calls_list().get(self.nav.calls_cursor) else {
                    return;
                };
                let mut to = self.nav.clone();
                to.focus = Some(f);
                to.calls_cursor = 0;
                self.jump(to);
            }
            // Enter on a line shows the code of the function around it.
            View::Source => self.open_code_at_cursor(),
            View::Code => {
                let line = self
                    .code
                    .as_ref()
                    .and_then(|c| c.rows.get(self.nav.code_cursor))
                    .map(|r| r.line);
                let file = self
                    .nav
                    .focus
                    .and_then(|f| self.model.function(f))
                    .and_then(|f| f.file);
                if let (Some(line @ 1..), Some(file)) = (line, file) {
                    self.open_source(file, line, None);
                }
            }
        }
    }

    /// The code view of the function at the source cursor, at the cursor's line.
    fn open_code_at_cursor(&mut self) {
        let mut to = self.nav.clone();
        to.view = View::Code;
        to.focus = self
            .model
            .function_at(self.nav.file, self.cursor_line())
            .or(to.focus);
        self.jump(to);
        let line = self.cursor_line();
        if let Some(i) = self
            .code
            .as_ref()
            .and_then(|c| c.rows.iter().position(|r| r.line == line))
        {
            self.nav.code_cursor = i;
        }
    }

    fn open_focus_source(&mut self) {
        let Some(f) = self.nav.focus.and_then(|f| self.model.function(f)) else {
            return;
        };
        match f.file {
            Some(file) => {
                let line = self
                    .code
                    .as_ref()
                    .filter(|_| self.nav.view == View::Code)
                    .and_then(|c| c.rows.get(self.nav.code_cursor))
                    .map(|r| r.line)
                    .filter(|&l| l > 0)
                    .unwrap_or(f.first_line);
                let id = f.id;
                self.open_source(file, line, Some(id));
            }
            None => self.status = Some(format!("{} is built in: no source", f.qualname)),
        }
    }

    fn next_interesting(&mut self, forward: bool) {
        let line = self.cursor_line();
        let Some(set) = self.model.interesting(self.nav.file) else {
            return;
        };
        let to = if forward {
            set.range(line + 1..).next()
        } else {
            set.range(..line).next_back()
        };
        match to.copied() {
            Some(l) => self.move_to(l as isize - 1),
            None => {
                self.status = Some(format!(
                    "no {} interesting line",
                    if forward { "later" } else { "earlier" }
                ))
            }
        }
    }

    /// Jump to the costliest bail of the function at the cursor (or of the file).
    fn worst_bail(&mut self) {
        let file = self.nav.file;
        let here = self.model.function_at(file, self.cursor_line());
        let p = &self.model.p;
        let in_file = |b: &&profile::Bail| {
            p.functions.get(b.function as usize).and_then(|f| f.file) == Some(file)
        };
        let best = |only: Option<u32>| {
            self.model
                .bails_by_cost
                .iter()
                .filter_map(|&i| p.bails.get(i))
                .filter(in_file)
                .find(|b| only.is_none_or(|f| b.function == f))
                .map(|b| (b.line, b.function))
        };
        match best(here).or_else(|| best(None)) {
            Some((line, function)) => {
                let mut to = self.nav.clone();
                to.src_cursor = (line.max(1) - 1) as usize;
                to.focus = Some(function);
                self.jump(to);
            }
            None => self.status = Some("no bails in this file".into()),
        }
    }

    fn next_file(&mut self) {
        let n = self.model.p.files.len() as u32;
        if n > 1 {
            self.nav.file = (self.nav.file + 1) % n;
            self.nav.src_cursor = 0;
        }
    }

    /// Cycle the code view through the function's compiles, newest first.
    fn next_version(&mut self) {
        let Some(f) = self.nav.focus else { return };
        let all = disasm::compiles_of(&self.model, f);
        let cur = self.code.as_ref().and_then(|c| c.compile);
        let pos = cur
            .and_then(|c| all.iter().position(|&x| x == c))
            .unwrap_or(0);
        if all.len() > 1 {
            let next = all[(pos + all.len() - 1) % all.len()];
            self.code = Some(disasm::listing(&self.model, f, Some(next)));
            self.nav.code_cursor = 0;
        }
    }
}
