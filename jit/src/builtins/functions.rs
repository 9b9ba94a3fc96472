//! Built-in functions (`print`, `len`, `range`, ...).
use crate::interp::vm::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn install(vm: &mut Vm) {
    super::add_function(vm, "print", print);
}

fn print(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let sep = match super::kwarg(kw, "sep") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => " ".into(),
    };
    let end = match super::kwarg(kw, "end") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => "\n".into(),
    };
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of(*a)?);
    }
    out.push_str(&end);
    vm.stdout.write_str(&out);
    Ok(Value::None)
}
