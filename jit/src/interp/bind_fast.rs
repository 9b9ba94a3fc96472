//! Calls with keyword arguments (`node.find(update=True)`) to plain Python
//! functions, bound in place on the value stack.
//!
//! Why: the general binder (`bind_args`) collects the keywords and the
//! arguments into vectors and returns a third, about 480 instructions a call
//! on the go benchmark. A function without `*args`, `**kwargs` or
//! keyword-only parameters needs none of that: each keyword names one of its
//! positional parameters and the rest come from the defaults. Anything else,
//! including every error, is left to `bind_args`, which reports it exactly.

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::{FunctionObj, TupleObj};
use crate::runtime::value::Value;

/// Functions with more parameters take the general path.
const MAX_PARAMS: usize = 12;

impl Vm {
    /// Bind a call of `func` with `npos` positional arguments at
    /// `stack[args_at..]` (after `recv`, a bound method's receiver, when
    /// given) and the keywords `kwnames` after them. On success the
    /// parameters are at `stack[base..base + n]`, with `base` = `args_at`, or
    /// `args_at - 1` with a receiver, and `Some((base, n))` is returned; None
    /// leaves the stack untouched for `bind_args`.
    pub(crate) fn bind_kw_in_place(
        &mut self,
        func: Gc<FunctionObj>,
        recv: Option<Value>,
        args_at: usize,
        npos: usize,
        kwnames: Gc<TupleObj>,
    ) -> Option<(usize, usize)> {
        let p = &func.code.params;
        let n = p.positional as usize;
        let given = npos + recv.is_some() as usize;
        if !p.is_simple() || n > MAX_PARAMS || given > n {
            return None;
        }
        let mut buf = [Value::Undefined; MAX_PARAMS];
        let mut at = 0;
        if let Some(r) = recv {
            buf[0] = r;
            at = 1;
        }
        buf[at..given].copy_from_slice(&self.stack[args_at..args_at + npos]);
        let first_kw = given.max(p.posonly as usize);
        for (i, name) in kwnames.items.iter().enumerate() {
            let Value::Str(name) = name else { return None };
            let idx = (first_kw..n).find(|&j| &*p.names[j] == name.as_str())?;
            if !matches!(buf[idx], Value::Undefined) {
                return None;
            }
            buf[idx] = self.stack[args_at + npos + i];
        }
        for (j, slot) in buf.iter_mut().enumerate().take(n).skip(given) {
            if let Value::Undefined = slot {
                *slot = func.default_of(j, n)?;
            }
        }
        let base = args_at - recv.is_some() as usize;
        if base + n > self.stack.len() {
            return None;
        }
        self.stack[base..base + n].copy_from_slice(&buf[..n]);
        Some((base, n))
    }
}
