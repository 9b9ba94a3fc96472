//! Lean helpers: an instruction's whole work through the VM's own functions
//! (`getitem`, `setitem`, `contains`, `iter_next`), called from compiled code
//! without the step machinery (`helpers::step`: frame sync, the
//! interpreter's dispatch, exit counting), for the instructions whose inline
//! paths do not cover a common case: dict and str subscripts, slices, `in`,
//! iterators other than range/list.
//!
//! They do exactly what the interpreter's instruction does: the interpreter
//! calls the same function for anything its own fast path does not take.
//! Instances go to the interpreter (`step`), since their dunder methods are
//! where the interpreter may push frames or record; binary operators on
//! instances run their special methods as calls instead (`lean_dunder.rs`). An exception is raised
//! as `calls.rs` raises one: the frame's pc synced past the instruction (the
//! interpreter's `sync!`), the exception parked for the code's exit.
//!
//! Nothing here writes a register other than the instruction's destination,
//! and Python code they run (an `__eq__` of a dict key, a `map` function) runs
//! by a native call, never as a frame of the compiled code (but for an
//! operator's special method, whose frame `lean_dunder.rs` pushes above the
//! caller's registers, as `jit_call` pushes a callee's).

use crate::builtins::mod_array::fast_access as array_access;
use crate::bytecode::opcodes::{Instr, NO_REG};
use crate::interp::ops::BinOp;
use crate::interp::vm::Vm;
use crate::jit::exits::{ExitReason, Outcome};
use crate::jit::feedback;
use crate::jit::helpers::{guarded, step, step_bailed};
use crate::runtime::object::{PyResult, SliceObj};
use crate::runtime::value::Value;

/// The top frame's register base and instruction at `pc`, with the frame's pc
/// synced past it (an exception raised now is this instruction's).
#[inline(always)]
pub(crate) fn enter(vm: &mut Vm, pc: u32) -> (usize, Instr) {
    let f = vm.frames.last_mut().expect("a frame runs compiled code");
    f.pc = pc as usize + 1;
    (f.base, f.code().instrs[pc as usize])
}

/// Finish with `r`: continue at `next`, or raise.
pub(crate) fn finish<T>(vm: &mut Vm, r: PyResult<T>, next: u32) -> Outcome {
    match r {
        Ok(_) => Outcome::Continue(next),
        Err(e) => {
            vm.jit.pending_exc = Some(e);
            Outcome::Error
        }
    }
}

macro_rules! lean {
    ($(#[doc = $doc:expr])* $name:ident, |$vm:ident, $pc:ident| $body:block) => {
        lean!($(#[doc = $doc])* $name, |$vm, $pc, _reason| $body);
    };
    ($(#[doc = $doc:expr])* $name:ident, |$vm:ident, $pc:ident, $reason:ident| $body:block) => {
        $(#[doc = $doc])*
        pub extern "sysv64" fn $name(vm: *mut Vm, $pc: u32, $reason: u32) -> u64 {
            // SAFETY: compiled code passes the `Vm` it was entered with; the
            // interpreter that entered it holds no other reference meanwhile.
            let vm = unsafe { &mut *vm };
            guarded(vm, |$vm| $body)
        }
    };
}
pub(crate) use lean;

lean!(
    /// `Subscr` on anything but an instance other than a plain array: dicts,
    /// strs, slices, ...
    jit_subscr_any,
    |vm, pc, reason| { subscr_any(vm, pc, reason) }
);

/// The reason a lean helper counts when it steps an instance's instruction:
/// the one the call site passed (a generic site's `Generic`, not a guard,
/// so it asks for no recompile), else `SubscrNotFast`.
fn step_reason(reason: u32) -> ExitReason {
    ExitReason::from_code(reason).unwrap_or(ExitReason::SubscrNotFast)
}

/// The list (or, when `tuples`, tuple) an instance of a subclass of list
/// (or tuple) holds, when its class leaves the special method `method`
/// to the built-in type: a subscript of the instance is then one of its
/// payload, as `Vm::instance_getitem` and `instance_setitem` make it.
/// deltablue's `OrderedCollection(list)` subscripts bailed here 3,000
/// times and recompiled twice. A tuple's assignment is not taken: its
/// TypeError names the subclass.
fn sequence_payload(vm: &mut Vm, o: Value, method: &'static str, tuples: bool) -> Option<Value> {
    let Value::Instance(i) = o else {
        return None;
    };
    let p = i.payload()?;
    let seq = matches!(p, Value::List(_)) || (tuples && matches!(p, Value::Tuple(_)));
    (seq && vm.special_of(o, method).is_none()).then_some(p)
}

/// `jit_subscr_any`'s work (also the ordinary path of a fused slice).
fn subscr_any(vm: &mut Vm, pc: u32, reason: u32) -> Outcome {
    let (base, ins) = enter(vm, pc);
    let Instr::Subscr { dst, obj, key } = ins else {
        return step(vm, pc);
    };
    let (o, k) = (vm.stack[base + obj as usize], vm.stack[base + key as usize]);
    if matches!(o, Value::Instance(_)) {
        let item = match k {
            Value::Int(i) => array_access::load_item(o, i),
            _ => None,
        };
        if let Some(v) = item {
            vm.stack[base + dst as usize] = v;
            return Outcome::Continue(pc + 1);
        }
        if !array_access::is_plain_array(o) {
            if let Some(p) = sequence_payload(vm, o, "__getitem__", true) {
                let r = vm.getitem(p, k).map(|v| vm.stack[base + dst as usize] = v);
                return finish(vm, r, pc + 1);
            }
            return step_bailed(vm, pc, step_reason(reason));
        }
    }
    if let (Value::Str(s), Value::Int(i)) = (o, k) {
        // One character of an ASCII str: the interpreter's interned one.
        let bytes = s.as_str().as_bytes();
        let n = bytes.len() as i64;
        let j = if i < 0 { i.wrapping_add(n) } else { i };
        if s.is_ascii() && (0..n).contains(&j) {
            vm.stack[base + dst as usize] = vm.ascii_chars[bytes[j as usize] as usize & 127];
            return Outcome::Continue(pc + 1);
        }
    }
    let r = vm.getitem(o, k).map(|v| vm.stack[base + dst as usize] = v);
    finish(vm, r, pc + 1)
}

lean!(
    /// `StoreSubscr` on anything but an instance other than a plain array:
    /// dict items, list slices, ...
    jit_store_subscr_any,
    |vm, pc, reason| { store_subscr_any(vm, pc, reason) }
);

/// `jit_store_subscr_any`'s work (also the ordinary path of a fused slice).
fn store_subscr_any(vm: &mut Vm, pc: u32, reason: u32) -> Outcome {
    let (base, ins) = enter(vm, pc);
    let Instr::StoreSubscr { obj, key, src } = ins else {
        return step(vm, pc);
    };
    let o = vm.stack[base + obj as usize];
    let (k, v) = (vm.stack[base + key as usize], vm.stack[base + src as usize]);
    if matches!(o, Value::Instance(_)) {
        if matches!(k, Value::Int(i) if array_access::store_item(o, i, v)) {
            return Outcome::Continue(pc + 1);
        }
        if !array_access::is_plain_array(o) {
            if let Some(p) = sequence_payload(vm, o, "__setitem__", false) {
                let r = vm.setitem(p, k, v);
                return finish(vm, r, pc + 1);
            }
            return step_bailed(vm, pc, step_reason(reason));
        }
    }
    let r = vm.setitem(o, k, v);
    finish(vm, r, pc + 1)
}

/// The binary operator an arithmetic instruction runs, with its operands.
pub fn binop_of(ins: &Instr) -> Option<(u16, u16, u16, BinOp)> {
    use Instr as I;
    Some(match *ins {
        I::Add { dst, a, b } => (dst, a, b, BinOp::Add),
        I::Sub { dst, a, b } => (dst, a, b, BinOp::Sub),
        I::Mul { dst, a, b } => (dst, a, b, BinOp::Mul),
        I::TrueDiv { dst, a, b } => (dst, a, b, BinOp::TrueDiv),
        I::FloorDiv { dst, a, b } => (dst, a, b, BinOp::FloorDiv),
        I::Mod { dst, a, b } => (dst, a, b, BinOp::Mod),
        I::Pow { dst, a, b } => (dst, a, b, BinOp::Pow),
        I::LShift { dst, a, b } => (dst, a, b, BinOp::LShift),
        I::RShift { dst, a, b } => (dst, a, b, BinOp::RShift),
        I::BitAnd { dst, a, b } => (dst, a, b, BinOp::BitAnd),
        I::BitOr { dst, a, b } => (dst, a, b, BinOp::BitOr),
        I::BitXor { dst, a, b } => (dst, a, b, BinOp::BitXor),
        I::MatMul { dst, a, b } => (dst, a, b, BinOp::MatMul),
        I::IAdd { dst, a, b } => (dst, a, b, BinOp::IAdd),
        I::ISub { dst, a, b } => (dst, a, b, BinOp::ISub),
        I::IMul { dst, a, b } => (dst, a, b, BinOp::IMul),
        I::IOr { dst, a, b } => (dst, a, b, BinOp::IOr),
        I::IAnd { dst, a, b } => (dst, a, b, BinOp::IAnd),
        I::IXor { dst, a, b } => (dst, a, b, BinOp::IXor),
        _ => return None,
    })
}

lean!(
    /// A binary operator on a site that saw other types than numbers (str
    /// concatenation, `%` formatting, list `+=`, ...): the interpreter's
    /// `binary_op`, which its own instruction calls on these operands, with
    /// the feedback note it makes. Instances go through their special
    /// methods without a step (`lean_dunder.rs`).
    jit_binary_any,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let Some((dst, a, b, op)) = binop_of(&ins) else {
            return step(vm, pc);
        };
        let (x, y) = (vm.stack[base + a as usize], vm.stack[base + b as usize]);
        if matches!(x, Value::Instance(_)) || matches!(y, Value::Instance(_)) {
            // Their special methods, Python functions run as calls are.
            return crate::jit::lean_dunder::binary_instance(vm, pc, dst, op, x, y);
        }
        let code = vm.frames.last().expect("frame").code_ptr();
        // SAFETY: the frame keeps its function, and so its code, alive.
        let code = unsafe { &*code };
        code.feedback
            .note(pc as usize, feedback::kind2(x.tag(), y.tag()));
        // str + str first, as the interpreter's instruction does: the
        // generic operator tries the numeric conversions before it.
        if let (Value::Str(sx), Value::Str(sy), BinOp::Add | BinOp::IAdd) = (x, y, op) {
            vm.stack[base + dst as usize] = vm.str_add(x, sx, y, sy);
            return finish(vm, Ok(()), pc + 1);
        }
        // Mixed int and float operands, float powers: the interpreter's
        // shortcut before its generic path (`binary_op_noted`).
        if let Some(v) = crate::interp::ops::mixed_arith(op, x, y) {
            vm.stack[base + dst as usize] = v;
            return Outcome::Continue(pc + 1);
        }
        // `l += [x]` extends the list in place (`Code::augmented`).
        let op = if code.is_augmented(pc as usize) {
            op.inplace()
        } else {
            op
        };
        let r = vm
            .binary_op(op, x, y)
            .map(|v| vm.stack[base + dst as usize] = v);
        finish(vm, r, pc + 1)
    }
);

lean!(
    /// `BuildList`, `BuildTuple`, `BuildString` and `FormatValue` (f-strings
    /// and display literals), built as the interpreter builds them. A value
    /// to format that is an instance is stepped (its `__format__` may be a
    /// Python function).
    jit_build_any,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let at = |r: u16| base + r as usize;
        match ins {
            Instr::BuildList { dst, start, count } => {
                let items = vm.stack[at(start)..at(start) + count as usize].to_vec();
                let v = vm.new_list(items);
                vm.stack[at(dst)] = v;
            }
            Instr::BuildTuple { dst, start, count } => {
                let items = vm.stack[at(start)..at(start) + count as usize].to_vec();
                let v = vm.new_tuple(items);
                vm.stack[at(dst)] = v;
            }
            Instr::BuildString { dst, start, count } => {
                let strs: Vec<_> = vm.stack[at(start)..at(start) + count as usize]
                    .iter()
                    .filter_map(|v| match v {
                        Value::Str(s) => Some(*s),
                        _ => None,
                    })
                    .collect();
                // SAFETY: the str objects stay in the frame's registers for
                // the whole instruction and allocating never collects, so
                // their text outlives these borrows (as in the interpreter).
                let parts: Vec<&str> = strs
                    .iter()
                    .map(|s| unsafe { &*(s.as_str() as *const str) })
                    .collect();
                let v = vm.new_str_concat(&parts);
                vm.stack[at(dst)] = v;
            }
            Instr::FormatValue { dst, src, spec } => {
                let v = vm.stack[at(src)];
                let out = match (v, spec) {
                    (Value::Str(_), NO_REG) => Ok(v),
                    (Value::Int(i), NO_REG) => Ok(vm.new_str_int(i)),
                    (Value::Instance(_), _) => return step(vm, pc),
                    _ => {
                        let spec = (spec != NO_REG).then(|| vm.stack[at(spec)]);
                        vm.format_value(v, spec)
                    }
                };
                let r = out.map(|o| vm.stack[at(dst)] = o);
                return finish(vm, r, pc + 1);
            }
            _ => return step(vm, pc),
        }
        Outcome::Continue(pc + 1)
    }
);

lean!(
    /// `BuildSlice`: a slice object from three registers.
    jit_build_slice,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let Instr::BuildSlice { dst, start } = ins else {
            // Not this instruction's site (see `slice_at`).
            vm.rec_at = std::ptr::null();
            return step(vm, pc);
        };
        build_slice(vm, base, dst, start);
        Outcome::Continue(pc + 1)
    }
);

/// The slice object of `BuildSlice { dst, start }`, into `dst`.
fn build_slice(vm: &mut Vm, base: usize, dst: u16, start: u16) {
    let at = base + start as usize;
    let s = SliceObj {
        start: vm.stack[at],
        stop: vm.stack[at + 1],
        step: vm.stack[at + 2],
    };
    let s = vm.heap.alloc(s);
    vm.stack[base + dst as usize] = Value::Slice(s);
}

lean!(
    /// A `BuildSlice` built in place whose only reader is the next
    /// instruction's key (`Subscr` or `StoreSubscr`, codegen/gen_slices.rs):
    /// both instructions, on the bounds without a slice object when the
    /// interpreter's own shortcut takes them (interp/slices.rs), going on
    /// after the subscript. Otherwise the slice object, then the subscript as
    /// its own lean helper does it (which may step it in the interpreter).
    jit_slice_subscr,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let Instr::BuildSlice { dst, start } = ins else {
            // Not this instruction's site (see `slice_at`).
            vm.rec_at = std::ptr::null();
            return step(vm, pc);
        };
        let code = vm.frames.last().expect("frame").code_ptr();
        // SAFETY: the frame keeps its function, and so its code, alive; the
        // code generator fuses only a `BuildSlice` that is not the last
        // instruction.
        let next = unsafe { (&(*code).instrs)[pc as usize + 1] };
        let at = |r: u16| base + r as usize;
        let (lo, hi, st) = (
            vm.stack[at(start)],
            vm.stack[at(start) + 1],
            vm.stack[at(start) + 2],
        );
        // The subscript runs: what it allocates is its own (the recorder
        // takes compiled code's allocation site from the frame's pc), as
        // when the interpreter takes this shortcut.
        vm.frames.last_mut().expect("frame").pc = pc as usize + 2;
        match next {
            Instr::Subscr { dst: out, obj, key } if key == dst => {
                if let Some(v) = vm.slice_load_fast(vm.stack[at(obj)], lo, hi, st) {
                    vm.stack[at(out)] = v;
                    return done(vm, pc + 2);
                }
                slice_at(vm, pc, base, dst, start);
                subscr_any(vm, pc + 1, u32::MAX)
            }
            Instr::StoreSubscr { obj, key, src } if key == dst => {
                if vm.slice_store_fast(vm.stack[at(obj)], lo, hi, st, vm.stack[at(src)]) {
                    return done(vm, pc + 2);
                }
                slice_at(vm, pc, base, dst, start);
                store_subscr_any(vm, pc + 1, u32::MAX)
            }
            _ => {
                // Not fused after all (the code generator's check makes this
                // unreachable): the interpreter runs the next instruction.
                slice_at(vm, pc, base, dst, start);
                Outcome::Resume(pc + 1)
            }
        }
    }
);

/// A fused slice's object after all, made as its `BuildSlice` at `pc` (the
/// frame's pc back on it, for the recorder's allocation site).
fn slice_at(vm: &mut Vm, pc: u32, base: usize, dst: u16, start: u16) {
    vm.frames.last_mut().expect("frame").pc = pc as usize + 1;
    // Recording: the call named the subscript's site (`Gen::alloc_site`);
    // from here on the frame's pc says where allocations are.
    vm.rec_at = std::ptr::null();
    build_slice(vm, base, dst, start);
}

/// Continue at `next`, the frame's pc synced to it.
fn done(vm: &mut Vm, next: u32) -> Outcome {
    vm.frames.last_mut().expect("frame").pc = next as usize;
    Outcome::Continue(next)
}

lean!(
    /// `In` / `NotIn` on anything but an instance container.
    jit_contains,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let (dst, a, b, negate) = match ins {
            Instr::In { dst, a, b } => (dst, a, b, false),
            Instr::NotIn { dst, a, b } => (dst, a, b, true),
            _ => return step(vm, pc),
        };
        let c = vm.stack[base + b as usize];
        if matches!(c, Value::Instance(_)) {
            return step(vm, pc);
        }
        let item = vm.stack[base + a as usize];
        let r = vm
            .contains(c, item)
            .map(|x| vm.stack[base + dst as usize] = Value::Bool(x != negate));
        finish(vm, r, pc + 1)
    }
);

lean!(
    /// `ForIter` over anything compiled code does not advance inline
    /// (enumerate, zip, dict views, map, a class with `__next__`, ...): the
    /// interpreter's `iter_next`; a generator's compiled code is resumed
    /// from here (`for_generator.rs`).
    jit_for_iter_any,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let Instr::ForIter { dst, iter, target } = ins else {
            return step(vm, pc);
        };
        let it = vm.stack[base + iter as usize];
        if let Value::Generator(g) = it {
            let slot = base + dst as usize;
            // Else the interpreter runs the generator's frame, as a frame
            // change (not a failed guard: a generator compiled later is
            // resumed from here again, so the site must not go generic).
            return crate::jit::for_generator::for_iter_generator(vm, pc, g, slot, target as u32)
                .unwrap_or_else(|| step_bailed(vm, pc, ExitReason::FrameChange));
        }
        match vm.iter_next(it) {
            Ok(Some(v)) => {
                vm.stack[base + dst as usize] = v;
                Outcome::Continue(pc + 1)
            }
            Ok(None) => Outcome::Continue(target as u32),
            Err(e) => {
                vm.jit.pending_exc = Some(e);
                Outcome::Error
            }
        }
    }
);

/// Every helper here, with its name (for the disassembly).
pub fn symbols() -> Vec<(u64, String)> {
    vec![
        (jit_subscr_any as *const () as u64, "jit_subscr_any".into()),
        (
            jit_store_subscr_any as *const () as u64,
            "jit_store_subscr_any".into(),
        ),
        (
            jit_build_slice as *const () as u64,
            "jit_build_slice".into(),
        ),
        (
            jit_slice_subscr as *const () as u64,
            "jit_slice_subscr".into(),
        ),
        (jit_contains as *const () as u64, "jit_contains".into()),
        (
            jit_for_iter_any as *const () as u64,
            "jit_for_iter_any".into(),
        ),
    ]
}

lean!(
    /// `MakeFunction`: a nested function, lambda or generator expression
    /// (its defaults and closure cells are the frame's registers).
    jit_make_function,
    |vm, pc| {
        let (base, ins) = enter(vm, pc);
        let Instr::MakeFunction { dst, proto, args } = ins else {
            return step(vm, pc);
        };
        let (d, k, c) = if args == NO_REG {
            (Value::None, Value::None, Value::None)
        } else {
            let a = base + args as usize;
            (vm.stack[a], vm.stack[a + 1], vm.stack[a + 2])
        };
        let code = vm.frames.last().expect("a frame runs compiled code").code();
        let proto = code.children[proto as usize].clone();
        let r = vm.make_function(proto, d, k, c);
        if let Ok(f) = r {
            vm.stack[base + dst as usize] = f;
        }
        finish(vm, r, pc + 1)
    }
);

/// `Yield` in a generator a builtin drains (`set(x for x in xs)`): hand the
/// item (its tag and payload words, from the yield's register) to the
/// builtin's sink and go on, as the interpreter does, without leaving
/// compiled code, which then stores the yield's None. Returns 1 when the
/// item was kept; 0 when compiled code must leave for the interpreter to
/// run the yield: the generator is not being drained, or the sink refused
/// the item (an unhashable one for a set). In that case the frame stops
/// collecting, so the interpreter's yield suspends it without offering the
/// item again, and the builtin raises the parked exception
/// (`Vm::collect_generator`).
pub extern "sysv64" fn jit_yield_collect(vm: *mut Vm, tag: u64, payload: u64) -> u64 {
    // SAFETY: compiled code passes the `Vm` it was entered with; the
    // interpreter that entered it holds no other reference meanwhile.
    let vm = unsafe { &mut *vm };
    let Some(sink) = vm.frames.last().and_then(|f| f.collect) else {
        return 0;
    };
    // SAFETY: the two words of the yield's register, which holds a valid
    // Value (a bool's payload word is partly padding, as anywhere).
    let v = unsafe {
        std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Value>([
            std::mem::MaybeUninit::new(tag),
            std::mem::MaybeUninit::new(payload),
        ])
    };
    if !vm.sink_item(sink, v) {
        vm.frames.last_mut().expect("the generator's frame").collect = None;
        return 0;
    }
    1
}
