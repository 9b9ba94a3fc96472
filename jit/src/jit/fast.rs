//! Helpers for instructions whose fast path needs Rust data structures
//! (`RefCell`s, hash tables, inline caches) that compiled code cannot read
//! directly: attributes, subscripts and unpacking the templates do not
//! inline, closure cells, global stores.
//!
//! Each does the common case at the cost of one call and falls back to the
//! interpreter (`helpers::step`) for everything else, so the two can never
//! disagree on an unusual case. Same calling convention as `helpers.rs`.

use crate::bytecode::opcodes::Instr;
use crate::interp::attr_cache::{self, AttrCache};
use crate::interp::vm::Vm;
use crate::jit::exits::Outcome;
use crate::jit::helpers::{guarded, step};
use crate::runtime::heap::Gc;
use crate::runtime::object::{CellObj, StrObj};
use crate::runtime::value::Value;

/// The top frame's register base and instruction at `pc`, with the frame's
/// pc synced past it: compiled code does not store it before calling here,
/// and what the helper allocates (`GetIter`'s iterator, a bound method) is
/// recorded at the frame's pc (`recorder::allocs`). A stale pc put nbody's
/// iterators on another loop's line, as many as happened to run there.
#[inline(always)]
fn top(vm: &mut Vm, pc: u32) -> (usize, Instr) {
    let f = vm.frames.last_mut().expect("a frame runs compiled code");
    f.pc = pc as usize + 1;
    (f.base, f.code().instrs[pc as usize])
}

macro_rules! helper {
    ($(#[doc = $doc:expr])* $name:ident, |$vm:ident, $pc:ident| $body:block) => {
        $(#[doc = $doc])*
        pub extern "sysv64" fn $name(vm: *mut Vm, $pc: u32, _reason: u32) -> u64 {
            // SAFETY: compiled code passes the `Vm` it was entered with; the
            // interpreter that entered it holds no other reference meanwhile.
            let vm = unsafe { &mut *vm };
            guarded(vm, |$vm| {
                let done: Option<()> = (|| $body)();
                match done {
                    Some(()) => Outcome::Continue($pc + 1),
                    None => step($vm, $pc),
                }
            })
        }
    };
}

helper!(
    /// `LoadAttr` through the instruction's inline cache (instances, classes,
    /// modules).
    jit_load_attr,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::LoadAttr { dst, obj, name } = ins else { return None };
        let o = vm.stack[base + obj as usize];
        let code = vm.frames.last()?.code_ptr();
        // SAFETY: the frame keeps its function, and so its code, alive.
        let code = unsafe { &*code };
        let c = &code.caches[pc as usize];
        let v = match o {
            Value::Instance(i) => vm.load_attr_hit(c, i, code.names[name as usize], o)?,
            _ => attr_cache::load_attr_other_hit(c, o)?,
        };
        vm.stack[base + dst as usize] = v;
        Some(())
    }
);

helper!(
    /// `StoreAttr` on an instance through the instruction's inline cache.
    jit_store_attr,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::StoreAttr { obj, name, src } = ins else { return None };
        let Value::Instance(i) = vm.stack[base + obj as usize] else { return None };
        let code = vm.frames.last()?.code();
        let v = vm.stack[base + src as usize];
        attr_cache::store_attr_hit(&code.caches[pc as usize], i, code.names[name as usize], v)
            .then_some(())
    }
);

/// The hit path of `LoadAttr` on an instance, called by compiled code with
/// everything it knows at compile time (the site's cache and name) and the
/// slots' addresses: no frame lookup, no instruction decoding, no catching of
/// panics (nothing here can panic; a busy `RefCell` is a miss). Returns 1 when
/// the value is in `*dst`, 0 for a miss (compiled code then calls
/// `jit_load_attr`, which does everything else).
pub extern "sysv64" fn jit_load_attr_hit(
    obj: *const Value,
    cache: *const AttrCache,
    name: Gc<StrObj>,
    dst: *mut Value,
) -> u64 {
    // SAFETY: compiled code passes two slots of the running frame and the
    // cache of its own code object, which outlives the compiled code.
    let (o, c) = unsafe { (*obj, &*cache) };
    let Value::Instance(i) = o else { return 0 };
    let Ok(table) = i.table().try_borrow() else {
        return 0;
    };
    let cls = i.class;
    let kind = c.kind.get();
    let hit = if kind == attr_cache::INSTANCE_ATTR && (cls.plain_attrs.get() || c.valid_for(cls)) {
        table.value_at_if_key(c.index.get() as usize, name.addr())
    } else if kind == attr_cache::CLASS_VALUE && c.valid_for(cls) && !cls.shadowed.get() {
        Some(c.value.get())
    } else {
        None
    };
    match hit {
        Some(v) => {
            // SAFETY: `dst` is a register slot of the running frame.
            unsafe { *dst = v };
            1
        }
        None => 0,
    }
}

/// The hit path of `StoreAttr` on an instance (see `jit_load_attr_hit`):
/// 1 when stored, 0 for a miss (then `jit_store_attr`).
pub extern "sysv64" fn jit_store_attr_hit(
    obj: *const Value,
    cache: *const AttrCache,
    name: Gc<StrObj>,
    src: *const Value,
) -> u64 {
    // SAFETY: as in `jit_load_attr_hit`.
    let (o, c, v) = unsafe { (*obj, &*cache, *src) };
    let Value::Instance(i) = o else { return 0 };
    if i.table().try_borrow_mut().is_err() {
        return 0;
    }
    attr_cache::store_attr_hit(c, i, name, v) as u64
}

/// `seq[i]` for a list or tuple and an int index in range.
fn index_of(len: usize, i: i64) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then_some(j as usize)
}

helper!(
    /// `Subscr` on a list or tuple with an int index in range.
    jit_subscr,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::Subscr { dst, obj, key } = ins else { return None };
        let Value::Int(i) = vm.stack[base + key as usize] else { return None };
        let v = match vm.stack[base + obj as usize] {
            Value::List(l) => {
                let items = l.items.borrow();
                items[index_of(items.len(), i)?]
            }
            Value::Tuple(t) => t.items[index_of(t.items.len(), i)?],
            _ => return None,
        };
        vm.stack[base + dst as usize] = v;
        Some(())
    }
);

helper!(
    /// `StoreSubscr` into a list with an int index in range.
    jit_store_subscr,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::StoreSubscr { obj, key, src } = ins else { return None };
        let Value::Int(i) = vm.stack[base + key as usize] else { return None };
        let Value::List(l) = vm.stack[base + obj as usize] else { return None };
        let v = vm.stack[base + src as usize];
        let mut items = l.items.borrow_mut();
        let j = index_of(items.len(), i)?;
        items[j] = v;
        Some(())
    }
);

helper!(
    /// `Unpack` of a tuple or list of exactly the right length.
    jit_unpack,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::Unpack { start, src, count } = ins else { return None };
        let at = base + start as usize;
        let n = count as usize;
        match vm.stack[base + src as usize] {
            Value::Tuple(t) if t.items.len() == n => {
                vm.stack[at..at + n].copy_from_slice(&t.items);
            }
            Value::List(l) if l.items.borrow().len() == n => {
                let items = l.items.borrow();
                vm.stack[at..at + n].copy_from_slice(&items);
            }
            _ => return None,
        }
        Some(())
    }
);

helper!(
    /// `LoadDeref`: a bound closure cell.
    jit_load_deref,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::LoadDeref { dst, cell, .. } = ins else { return None };
        let Value::Cell(c) = vm.stack[base + cell as usize] else { return None };
        match c.value.get() {
            Value::Undefined => None,
            v => {
                vm.stack[base + dst as usize] = v;
                Some(())
            }
        }
    }
);

helper!(
    /// `StoreDeref`: set a closure cell.
    jit_store_deref,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::StoreDeref { cell, src } = ins else { return None };
        let Value::Cell(c) = vm.stack[base + cell as usize] else { return None };
        c.value.set(vm.stack[base + src as usize]);
        Some(())
    }
);

helper!(
    /// `MakeCell`: the register's value moved into a new cell (a local a
    /// nested function captures), as the interpreter makes it; the frame's
    /// pc, synced by `top`, is the cell's allocation site.
    jit_make_cell,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::MakeCell { reg } = ins else { return None };
        let at = base + reg as usize;
        let c = vm.heap.alloc(CellObj {
            value: std::cell::Cell::new(vm.stack[at]),
        });
        vm.stack[at] = Value::Cell(c);
        Some(())
    }
);

helper!(
    /// `LoadClosure`: one of the running function's closure cells.
    jit_load_closure,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::LoadClosure { dst, idx } = ins else { return None };
        let c = *vm.frames.last()?.func.closure.get(idx as usize)?;
        vm.stack[base + dst as usize] = Value::Cell(c);
        Some(())
    }
);

helper!(
    /// `StoreGlobal`: the module's global slot.
    jit_store_global,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::StoreGlobal { slot, src } = ins else { return None };
        let f = vm.frames.last()?.func;
        if f.module.namespace.get().is_some() {
            // The interpreter also writes the globals() dict.
            return None;
        }
        let mut g = f.module.globals.try_borrow_mut().ok()?;
        if g.len() <= slot as usize {
            g.resize(slot as usize + 1, Value::Undefined);
        }
        g[slot as usize] = vm.stack[base + src as usize];
        Some(())
    }
);

helper!(
    /// `ListAppend` (comprehensions): push onto the list.
    jit_list_append,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::ListAppend { list, item } = ins else { return None };
        let Value::List(l) = vm.stack[base + list as usize] else { return None };
        l.items.try_borrow_mut().ok()?.push(vm.stack[base + item as usize]);
        vm.heap.add_debt(16);
        Some(())
    }
);

/// Whether iterating `v` runs no Python code, pushes no frame and cannot
/// raise: a built-in sequence, range, dict or set (a generator's frame or
/// an instance's `__iter__` is the interpreter's).
pub(crate) fn iterates_natively(v: Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Range(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Str(_)
    )
}

helper!(
    /// `GetIter` of a built-in sequence, range, dict or set, or of an
    /// iterator or a generator (its own iterator): no Python code runs and
    /// nothing can raise, so anything else is the interpreter's. Iterators
    /// were the interpreter's too, and `for i in reversed(range(r))` (a
    /// range iterator) stepped its `GetIter` there at every loop entry:
    /// 121K steps in nqueens' `permutations`.
    jit_get_iter,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::GetIter { dst, src } = ins else { return None };
        let v = vm.stack[base + src as usize];
        if matches!(v, Value::Iter(_) | Value::Generator(_)) {
            vm.stack[base + dst as usize] = v;
            return Some(());
        }
        if !iterates_natively(v) {
            return None;
        }
        let it = vm.get_iter(v).ok()?;
        vm.stack[base + dst as usize] = it;
        Some(())
    }
);

helper!(
    /// `CloseIter` of a generator: closed if its loop made it
    /// (`interp/gen_finalize.rs`), which runs its cleanup's Python code.
    jit_close_iter,
    |vm, pc| {
        let (base, ins) = top(vm, pc);
        let Instr::CloseIter { iter } = ins else { return None };
        let code = vm.frames.last()?.code_ptr();
        // SAFETY: the frame keeps its function, and so its code, alive.
        vm.close_owned_iter(unsafe { &*code }, base, pc, iter);
        Some(())
    }
);

/// Every helper compiled code may call, with its name (for the disassembly).
pub fn symbols() -> Vec<(u64, String)> {
    vec![
        (jit_load_attr as *const () as u64, "jit_load_attr".into()),
        (
            jit_load_attr_hit as *const () as u64,
            "jit_load_attr_hit".into(),
        ),
        (
            jit_store_attr_hit as *const () as u64,
            "jit_store_attr_hit".into(),
        ),
        (jit_store_attr as *const () as u64, "jit_store_attr".into()),
        (jit_subscr as *const () as u64, "jit_subscr".into()),
        (
            jit_store_subscr as *const () as u64,
            "jit_store_subscr".into(),
        ),
        (jit_unpack as *const () as u64, "jit_unpack".into()),
        (jit_load_deref as *const () as u64, "jit_load_deref".into()),
        (jit_make_cell as *const () as u64, "jit_make_cell".into()),
        (
            jit_store_global as *const () as u64,
            "jit_store_global".into(),
        ),
        (
            jit_list_append as *const () as u64,
            "jit_list_append".into(),
        ),
        (jit_get_iter as *const () as u64, "jit_get_iter".into()),
        (jit_close_iter as *const () as u64, "jit_close_iter".into()),
    ]
}
