//! Generator methods: `send`, `throw`, `close`, `__next__`, `__iter__`; and
//! `__next__`/`__iter__` of the built-in iterator types (`list_iterator`,
//! `zip`, `itertools.count`, ...).

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.types.generator;
    super::add_method(vm, t, "send", send);
    super::add_method(vm, t, "throw", throw);
    super::add_method(vm, t, "close", close);
    super::add_method(vm, t, "__next__", next);
    super::add_method(vm, t, "__iter__", iter);
    let iter_types: Vec<Gc<TypeObj>> = vm.iter_types.values().copied().collect();
    for t in iter_types {
        add_iterator_methods(vm, t);
    }
}

/// `it.__next__()` and `it.__iter__()` on a built-in iterator type, as
/// `next(it)` and `iter(it)` (code that takes `it.__next__` as a callable,
/// like `heapq.merge`).
pub fn add_iterator_methods(vm: &mut Vm, t: Gc<TypeObj>) {
    super::add_method(vm, t, "__next__", iterator_next);
    super::add_method(vm, t, "__iter__", iterator_iter);
}

fn iterator_receiver(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args.first() {
        Some(&it @ Value::Iter(_)) => Ok(it),
        other => {
            let tn = match other {
                Some(v) => vm.type_name(*v),
                None => "nothing".to_string(),
            };
            Err(vm.type_error(&format!(
                "descriptor '{name}' requires an iterator, not '{tn}'"
            )))
        }
    }
}

fn iterator_next(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "__next__", kw)?;
    let it = iterator_receiver(vm, args, "__next__")?;
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => Err(vm.new_exception("StopIteration", Vec::new())),
    }
}

fn iterator_iter(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "__iter__", kw)?;
    iterator_receiver(vm, args, "__iter__")
}

fn receiver(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Gc<GeneratorObj>> {
    match args.first() {
        Some(Value::Generator(g)) => Ok(*g),
        _ => Err(vm.type_error(&format!(
            "descriptor '{name}' requires a 'generator' object"
        ))),
    }
}

/// Finished with a return value: raise StopIteration(value) as CPython does.
fn stop_iteration(vm: &mut Vm) -> PyExc {
    let v = vm.last_return;
    let args = if v.is_none() { Vec::new() } else { vec![v] };
    vm.new_exception("StopIteration", args)
}

fn send(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "send", kw)?;
    let g = receiver(vm, args, "send")?;
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "generator.send() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    match vm.resume_generator(g, args[1])? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(vm)),
    }
}

fn next(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let g = receiver(vm, args, "__next__")?;
    match vm.resume_generator(g, Value::None)? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(vm)),
    }
}

fn iter(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let g = receiver(vm, args, "__iter__")?;
    Ok(Value::Generator(g))
}

fn throw(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "throw", kw)?;
    let g = receiver(vm, args, "throw")?;
    let Some(&what) = args.get(1) else {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    };
    let exc = match what {
        Value::Instance(i) if i.exc.is_some() => i,
        Value::Type(t) if vm.is_exception_class(t) => {
            let rest: Vec<Value> = args.get(2).copied().into_iter().collect();
            match vm.call_value(what, &rest, &[])? {
                Value::Instance(i) if i.exc.is_some() => i,
                _ => return Err(vm.type_error(
                    "exceptions must be classes or instances deriving from BaseException, not type",
                )),
            }
        }
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "exceptions must be classes or instances deriving from BaseException, not {tn}"
            )));
        }
    };
    match vm.throw_into_generator(g, exc)? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(vm)),
    }
}

fn close(vm: &mut Vm, args: &[Value], _kw: Kwargs) -> PyResult<Value> {
    let g = receiver(vm, args, "close")?;
    close_generator(vm, g).map(|()| Value::None)
}

/// `generator.close()`: raise GeneratorExit at the suspended yield.
pub fn close_generator(vm: &mut Vm, g: Gc<GeneratorObj>) -> PyResult<()> {
    if matches!(g.state.get(), GenState::Created | GenState::Finished) {
        g.state.set(GenState::Finished);
        g.regs.borrow_mut().clear();
        return Ok(());
    }
    let exit = vm.new_exception("GeneratorExit", Vec::new());
    match vm.throw_into_generator(g, exit) {
        // The generator yielded again instead of finishing.
        Ok(Some(_)) => Err(vm.new_exception_msg("RuntimeError", "generator ignored GeneratorExit")),
        Ok(None) => Ok(()),
        Err(e)
            if e.class.is_subtype_of(vm.exc_types["GeneratorExit"])
                || e.class.is_subtype_of(vm.exc_types["StopIteration"]) =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// `BaseException.add_note(note)` (3.11): notes are kept in `__notes__` and
/// printed after the message in a traceback.
pub fn install_exception_methods(vm: &mut Vm) {
    let t = vm.types.base_exception;
    super::add_method(vm, t, "add_note", add_note);
    super::add_method(vm, t, "__init__", exception_init);
}

/// BaseException.__init__(self, *args): sets `args`.
fn exception_init(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let Some(Value::Instance(e)) = args.first().copied() else {
        return Err(vm.type_error("descriptor '__init__' requires a 'BaseException' object"));
    };
    if !kw.is_empty() {
        let tn = e.class.name.as_str().to_string();
        return Err(vm.type_error(&format!("{tn}() takes no keyword arguments")));
    }
    if let Some(st) = &e.exc {
        let t = vm.new_tuple(args[1..].to_vec());
        st.borrow_mut().args = t;
    }
    Ok(Value::None)
}

fn add_note(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "add_note", kw)?;
    let Some(Value::Instance(e)) = args.first().copied() else {
        return Err(vm.type_error("descriptor 'add_note' requires a 'BaseException' object"));
    };
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "BaseException.add_note() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let note = args[1];
    if !matches!(note, Value::Str(_)) {
        let tn = vm.type_name(note);
        return Err(vm.type_error(&format!("note must be a str, not '{tn}'")));
    }
    let name = vm.intern_static("__notes__");
    let notes = match vm.getattr_opt(Value::Instance(e), name)? {
        Some(Value::List(l)) => l,
        Some(_) => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
        None => {
            let l = vm.new_list(Vec::new());
            vm.setattr(Value::Instance(e), name, l)?;
            let Value::List(l) = l else { unreachable!() };
            l
        }
    };
    notes.items.borrow_mut().push(note);
    Ok(Value::None)
}
