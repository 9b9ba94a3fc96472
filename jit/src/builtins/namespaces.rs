//! Namespaces as dicts: `globals()`, `locals()`, `vars()`, a module's
//! `__dict__` and `sys.modules`.
//!
//! A module keeps its globals in slots the compiler resolves names to, not in
//! a dict, so that a global load is an index. `globals()` (and a module's
//! `__dict__`) returns one dict per module that mirrors the slots from then on:
//! - code's stores and deletes also write the dict once it exists
//!   (`namespace_slot_written`, from `StoreGlobal`/`DeleteGlobal` and module
//!   attribute writes; compiled code hands such stores to the interpreter);
//! - the dict knows its module (`DictObj::module`), and `dict_set`,
//!   `dict_remove`, `clear` and `popitem` write through to the slot of the key
//!   (`namespace_dict_written`); a name no slot has yet becomes a global the
//!   first time code looks it up (`namespace_lookup`, on the global-miss path).
//!
//! Global loads are unchanged: they read the slot, which is always current.
//!
//! A function's `locals()` is a fresh snapshot of its variables, as in
//! CPython (writes to it change nothing); in a class body it is the class
//! namespace itself, at module level it is `globals()`.

use super::functions::expect_args;
use crate::bytecode::code::CodeKind;
use crate::interp::protocol::{str_hash, str_key_eq};
use crate::interp::vm::Vm;
use crate::runtime::dict_table::DictTable;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn install(vm: &mut Vm) {
    let fns: &[(&'static str, NativeFn)] = &[("globals", globals), ("locals", locals)];
    for (name, f) in fns {
        super::add_function(vm, name, *f);
    }
}

impl Vm {
    /// The dict of module `m`'s globals (see the module docs).
    pub fn module_namespace(&mut self, m: Gc<ModuleObj>) -> Gc<DictObj> {
        let d = match m.namespace.get() {
            Some(d) => d,
            None => {
                let d = self.new_dict_obj(DictTable::new());
                d.module.set(Some(m));
                m.namespace.set(Some(d));
                d
            }
        };
        // Normally already current; this also covers slots written by paths
        // that bypass `namespace_slot_written` (module set-up).

        let mut names: Vec<(usize, String)> = m
            .slots
            .borrow()
            .iter()
            .map(|(n, &i)| (i, n.to_string()))
            .collect();
        names.sort();
        for (slot, name) in names {
            let v = m.globals.borrow()[slot];
            let k = self.intern(&name);
            mirror_slot(&d, k, v);
        }
        d
    }

    /// Code wrote global `slot` of `m` (`Undefined` = deleted), whose
    /// `globals()` dict exists: write the dict too.
    pub fn namespace_slot_written(&mut self, m: Gc<ModuleObj>, slot: usize) {
        let Some(d) = m.namespace.get() else { return };
        let name = m.slot_names.borrow()[slot].clone();
        let v = m
            .globals
            .borrow()
            .get(slot)
            .copied()
            .unwrap_or(Value::Undefined);
        let k = self.intern(&name);
        mirror_slot(&d, k, v);
    }

    /// A `globals()` dict was written through the dict API under `key`:
    /// mirror the value (`Undefined` = removed) into the module's slot.
    pub fn namespace_dict_written(m: Gc<ModuleObj>, key: Value, v: Value) {
        let Value::Str(s) = key else { return };
        if let Some(slot) = m.slot_of(s.as_str()) {
            m.globals.borrow_mut()[slot] = v;
        }
    }

    /// The `globals()` dict was emptied (`clear`): every slot is unassigned.
    pub fn namespace_cleared(m: Gc<ModuleObj>) {
        for v in m.globals.borrow_mut().iter_mut() {
            *v = Value::Undefined;
        }
    }

    /// A global `name` of module `m` that is not assigned: the value code
    /// stored under it through `globals()`, which it then becomes.
    pub fn namespace_lookup(&mut self, m: Gc<ModuleObj>, name: Gc<StrObj>) -> Option<Value> {
        let d = m.namespace.get()?;
        let v = d.table.borrow().get_str(str_hash(name), name.as_str())?;
        m.set(name.as_str(), v);
        Some(v)
    }

    /// Record an imported module (in `sys.modules` too, once `sys` exists).
    pub fn register_module(&mut self, name: String, m: Gc<ModuleObj>) {
        let k = self.intern(&name);
        self.modules.insert(name, m);
        if let Some(d) = self.sys_modules_dict() {
            d.table
                .borrow_mut()
                .insert(str_hash(k), Value::Str(k), Value::Module(m), str_key_eq)
                .ok();
        }
    }

    pub fn unregister_module(&mut self, name: &str) {
        if let Some(d) = self.sys_modules_dict() {
            let k = self.intern(name);
            d.table
                .borrow_mut()
                .remove(str_hash(k), &Value::Str(k), str_key_eq)
                .ok();
        }
        self.modules.remove(name);
    }

    fn sys_modules_dict(&self) -> Option<Gc<DictObj>> {
        match self.modules.get("sys")?.get("modules") {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        }
    }

    /// The initial `sys.modules`: `__main__` and the modules imported so far.
    pub fn make_sys_modules(&mut self) -> Value {
        let mut t = DictTable::new();
        let mut mods: Vec<(String, Gc<ModuleObj>)> = self
            .main_module
            .map(|m| ("__main__".to_string(), m))
            .into_iter()
            .collect();
        let mut others: Vec<(String, Gc<ModuleObj>)> =
            self.modules.iter().map(|(k, v)| (k.clone(), *v)).collect();
        others.sort_by(|a, b| a.0.cmp(&b.0));
        mods.extend(others);
        for (name, m) in mods {
            let k = self.intern(&name);
            t.insert(str_hash(k), Value::Str(k), Value::Module(m), str_key_eq)
                .ok();
        }
        Value::Dict(self.new_dict_obj(t))
    }

    /// `locals()` of the running frame.
    pub fn frame_locals(&mut self) -> PyResult<Value> {
        let Some(f) = self.frames.last() else {
            return Ok(self.new_dict());
        };
        let (func, base) = (f.func, f.base);
        let code = func.code.clone();
        match code.kind {
            CodeKind::Module => {
                return Ok(Value::Dict(self.module_namespace(func.module)));
            }
            CodeKind::ClassBody => return Ok(self.stack[base]),
            _ => {}
        }
        // As CPython 3.11 orders them: parameters and plain locals, then the
        // locals that closures capture, then free variables (by name).
        let mut plain = Vec::new();
        let mut cells = Vec::new();
        let mut frees = Vec::new();
        for r in 0..code.nvars as usize {
            let Some(Some(name)) = code.reg_names.get(r) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let is_param = r < code.params.total() as usize;
            let (v, is_cell) = match self.stack[base + r] {
                Value::Cell(c) => (c.value.get(), true),
                v => (v, false),
            };
            if matches!(v, Value::Undefined) {
                continue;
            }
            let entry = (name.clone(), v);
            if r >= code.frees_start as usize {
                frees.push(entry);
            } else if is_cell && !is_param {
                cells.push(entry);
            } else {
                plain.push(entry);
            }
        }
        frees.sort_by(|a, b| a.0.cmp(&b.0));
        // The frame's own dict, updated in place (CPython's
        // PyFrame_FastToLocals): bound variables are (re)set, unbound ones
        // removed, and other keys stay.
        let d = match code.locals_reg.map(|r| base + r as usize) {
            Some(slot) => match self.stack[slot] {
                Value::Dict(d) => d,
                _ => {
                    let d = self.new_dict_obj(DictTable::new());
                    self.stack[slot] = Value::Dict(d);
                    d
                }
            },
            None => self.new_dict_obj(DictTable::new()),
        };
        let bound: std::collections::HashSet<&str> = plain
            .iter()
            .chain(&cells)
            .chain(&frees)
            .map(|(n, _)| &**n)
            .collect();
        for name in code.reg_names.iter().take(code.nvars as usize).flatten() {
            {
                if !name.starts_with('.') && !bound.contains(&**name) {
                    let k = self.intern(name);
                    d.table
                        .borrow_mut()
                        .remove(str_hash(k), &Value::Str(k), str_key_eq)
                        .ok();
                }
            }
        }
        for (name, v) in plain.iter().chain(&cells).chain(&frees) {
            let k = self.intern(name);
            d.table
                .borrow_mut()
                .insert(str_hash(k), Value::Str(k), *v, str_key_eq)
                .ok();
        }
        Ok(Value::Dict(d))
    }
}

fn globals(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "globals", kw)?;
    if !args.is_empty() {
        return Err(vm.type_error(&format!(
            "globals() takes no arguments ({} given)",
            args.len()
        )));
    }
    let m = match vm.frames.last() {
        Some(f) => f.func.module,
        None => return Ok(vm.new_dict()),
    };
    Ok(Value::Dict(vm.module_namespace(m)))
}

fn locals(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "locals", kw)?;
    if !args.is_empty() {
        return Err(vm.type_error(&format!(
            "locals() takes no arguments ({} given)",
            args.len()
        )));
    }
    vm.frame_locals()
}

/// `vars()`: `locals()`; `vars(obj)`: the object's `__dict__`.
pub fn vars(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "vars", kw)?;
    expect_args(vm, "vars", args, 0, 1)?;
    if args.is_empty() {
        return vm.frame_locals();
    }
    let name = vm.intern_static("__dict__");
    match vm.getattr_opt(args[0], name) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        Err(e) if super::functions::exc_is(vm, e, "AttributeError") => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

/// Put a module slot's value under `name` in its `globals()` dict `d`
/// (`Undefined`, a deleted global: remove the key).
fn mirror_slot(d: &DictObj, name: Gc<StrObj>, v: Value) {
    let mut t = d.table.borrow_mut();
    match v {
        Value::Undefined => {
            t.remove(str_hash(name), &Value::Str(name), str_key_eq).ok();
        }
        v => {
            t.insert(str_hash(name), Value::Str(name), v, str_key_eq)
                .ok();
        }
    }
}
