//! Closing generators where CPython's freeing them would: the generator a
//! `for` loop made, when the loop is left early, and the generators the
//! program's globals hold, when it ends.
//!
//! CPython frees an object when its last reference goes, and freeing a
//! suspended generator closes it: `for x in gen(): break` runs `gen`'s
//! `finally` blocks and `with` exits at the `break`, before the code after
//! the loop. jitprof's collector frees nothing at a moment a program could
//! see, so without help those cleanups never ran. The compiler marks the
//! loops whose iterable is a call's result (`Code::owned_loops`); when such
//! a loop is left by `break`, `return` (`CloseIter`) or an exception (the
//! unwinder), the generator is closed if that call made it: then nothing
//! but the loop ever held it, as CPython's reference count would show.
//!
//! Which call made a generator is its `origin`: the frame and resume
//! position of the frame that was running when it was made. A call
//! instruction sets its frame's position past itself before it calls
//! (interpreter and compiled code alike), so a generator made by the loop's
//! own call has the loop's `GetIter` as its origin, and one made anywhere
//! else (stored in a variable, made inside a helper function and returned)
//! has not. Those, and generators wrapped in another iterator
//! (`enumerate(gen())`), stay open, as before.
//!
//! When the program ends, CPython's finalization frees the main module's
//! globals, closing the suspended generators they hold (after a traceback
//! or `sys.exit` too). Its order, observed on 3.11: generators held by a
//! global directly or as an instance's attribute, in the order the globals
//! were first assigned, then those inside lists, tuples, dicts and sets.
//! Generators held only more deeply, or only by frames of the traceback,
//! stay open, as before.

use crate::bytecode::code::Code;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::{GenState, GeneratorObj, ModuleObj};
use crate::runtime::value::Value;

impl Vm {
    /// `CloseIter` at `pc` of the frame at `base` running `code`: close the
    /// iterator if the innermost owned loop around `pc` made it.
    pub(crate) fn close_owned_iter(&mut self, code: &Code, base: usize, pc: u32, iter: u16) {
        let owner = code
            .owned_loops
            .iter()
            .find(|l| l.iter == iter && l.get_iter < pc && pc < l.end);
        if let Some(l) = owner {
            let it = self.stack[base + iter as usize];
            self.close_if_made_by(it, base, l.get_iter);
        }
    }

    /// An exception raised at `fault` leaves the frame at `base` (no
    /// handler: `handler` None) or goes to `handler`: close, innermost
    /// first, the iterators of the owned loops it leaves.
    pub(crate) fn close_iters_left(
        &mut self,
        code: &Code,
        base: usize,
        fault: u32,
        handler: Option<u32>,
    ) {
        let inside = |pc: u32, get_iter: u32, end: u32| get_iter < pc && pc < end;
        let left: Vec<(Value, u32)> = code
            .owned_loops
            .iter()
            .filter(|l| {
                inside(fault, l.get_iter, l.end)
                    && !handler.is_some_and(|h| inside(h, l.get_iter, l.end))
            })
            .map(|l| (self.stack[base + l.iter as usize], l.get_iter))
            .collect();
        for (it, get_iter) in left {
            self.close_if_made_by(it, base, get_iter);
        }
    }

    fn close_if_made_by(&mut self, it: Value, base: usize, get_iter: u32) {
        if let Value::Generator(g) = it {
            if g.state.get() == GenState::Suspended && g.origin.get() == (base, get_iter) {
                self.close_unraisable(g);
            }
        }
    }

    /// Close `g` as freeing it would: an exception from its cleanup is
    /// printed as CPython prints an "unraisable" one, and not raised.
    fn close_unraisable(&mut self, g: Gc<GeneratorObj>) {
        if let Err(e) = crate::builtins::methods_generator::close_generator(self, g) {
            let text = format!(
                "Exception ignored in: <generator object {} at {:#x}>\n{}",
                g.func.qualname.as_str(),
                g.addr(),
                self.format_exception_chain(e)
            );
            self.stderr.write_str(&text);
        }
    }

    /// At the program's end: close the suspended generators `module`'s
    /// globals hold, in CPython's order (see the module comment).
    pub(crate) fn close_generators_at_exit(&mut self, module: Gc<ModuleObj>) {
        let globals: Vec<Value> = module.globals.borrow().clone();
        let mut gens = Vec::new();
        let mut push = |v: Value| {
            if let Value::Generator(g) = v {
                if g.state.get() == GenState::Suspended && !gens.contains(&g) {
                    gens.push(g);
                }
            }
        };
        for &v in &globals {
            match v {
                Value::Instance(i) => match i.dict.get() {
                    Some(d) => d.table.borrow().values().for_each(&mut push),
                    None => i.attrs.borrow().values().for_each(&mut push),
                },
                v => push(v),
            }
        }
        for &v in &globals {
            match v {
                Value::List(l) => l.items.borrow().iter().copied().for_each(&mut push),
                Value::Tuple(t) => t.items.iter().copied().for_each(&mut push),
                Value::Dict(d) => d.table.borrow().values().for_each(&mut push),
                Value::Set(s) | Value::FrozenSet(s) => {
                    s.table.borrow().entries().for_each(|(_, v)| push(v))
                }
                _ => {}
            }
        }
        for g in gens {
            self.close_unraisable(g);
        }
    }
}
