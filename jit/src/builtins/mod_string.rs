//! The `string` module: the character-class constants and `capwords`;
//! `Template` is Python (`pysrc/_pyextras.py`).

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn make_string(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("string", "");
    let lower = "abcdefghijklmnopqrstuvwxyz";
    let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let digits = "0123456789";
    let punct = r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;
    let ws = " \t\n\r\x0b\x0c";
    let consts: [(&str, String); 9] = [
        ("ascii_letters", format!("{lower}{upper}")),
        ("ascii_lowercase", lower.into()),
        ("ascii_uppercase", upper.into()),
        ("digits", digits.into()),
        ("hexdigits", "0123456789abcdefABCDEF".into()),
        ("octdigits", "01234567".into()),
        ("punctuation", punct.into()),
        ("whitespace", ws.into()),
        ("printable", format!("{digits}{lower}{upper}{punct}{ws}")),
    ];
    for (name, text) in consts {
        let v = vm.new_str(text);
        m.set(name, v);
    }
    let f = super::native(vm, "capwords", string_capwords, None);
    m.set("capwords", f);
    if let Ok(t) = vm.embedded_attr("_pyextras", "Template") {
        m.set("Template", t);
    }
    m
}

/// `capwords(s, sep=None)`: `(sep or ' ').join(w.capitalize() for w in s.split(sep))`,
/// using the str methods themselves so splitting and case mapping match exactly.
fn string_capwords(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::check_kwargs(vm, "capwords", kw, &["sep"])?;
    let n = args.len() + kw.len();
    if args.is_empty() && super::kwarg(kw, "s").is_none() {
        return Err(vm.type_error("capwords() missing 1 required positional argument: 's'"));
    }
    if n > 2 {
        return Err(vm.type_error(&format!(
            "capwords() takes from 1 to 2 positional arguments but {n} were given"
        )));
    }
    let s = args[0];
    let sep = args
        .get(1)
        .copied()
        .or_else(|| super::kwarg(kw, "sep"))
        .unwrap_or(Value::None);
    let split = vm.intern_static("split");
    let splitf = vm.getattr(s, split)?;
    vm.temp_roots.push(splitf);
    let r = vm.call_value(splitf, &[sep], &[]);
    vm.temp_roots.pop();
    let words = r?;
    vm.temp_roots.push(words);
    let r = capwords_join(vm, words, sep);
    vm.temp_roots.pop();
    r
}

fn capwords_join(vm: &mut Vm, words: Value, sep: Value) -> PyResult<Value> {
    let items = match words {
        Value::List(l) => l.items.borrow().clone(),
        _ => vm.collect_iterable(words)?,
    };
    let cap = vm.intern_static("capitalize");
    let base = vm.temp_roots.len();
    let mut r = Ok(());
    for w in items {
        let res = vm.getattr(w, cap).and_then(|f| {
            vm.temp_roots.push(f);
            let r = vm.call_value(f, &[], &[]);
            vm.temp_roots.pop();
            r
        });
        match res {
            Ok(v) => vm.temp_roots.push(v),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    let caps: Vec<Value> = vm.temp_roots.drain(base..).collect();
    r?;
    let list = vm.new_list(caps);
    vm.temp_roots.push(list);
    let joiner = if sep.is_none() { vm.new_str(" ") } else { sep };
    vm.temp_roots.push(joiner);
    let join = vm.intern_static("join");
    let r = vm.getattr(joiner, join).and_then(|f| {
        vm.temp_roots.push(f);
        let r = vm.call_value(f, &[list], &[]);
        vm.temp_roots.pop();
        r
    });
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    r
}
