//! `groupby`: the grouping iterator and the `_grouper` iterators it hands
//! out, which share one underlying iterator.

use std::cell::Cell;
use std::rc::Rc;

use crate::builtins::functions::{bind, Params};
use crate::interp::vm::Vm;
use crate::runtime::heap::Tracer;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{mark_opt, new_native, rich_eq, rooted};

struct GroupByState {
    it: Value,
    keyfunc: Option<Value>,
    tgtkey: Cell<Option<Value>>,
    currkey: Cell<Option<Value>>,
    currvalue: Cell<Option<Value>>,
    /// The id of the group iterator currently allowed to advance (0 = none).
    currgrouper: Cell<u64>,
    next_id: Cell<u64>,
}

impl GroupByState {
    /// `groupby_step`: false when the underlying iterator is exhausted.
    fn step(&self, vm: &mut Vm) -> PyResult<bool> {
        let Some(newvalue) = vm.iter_next(self.it)? else {
            return Ok(false);
        };
        let newkey = match self.keyfunc {
            None => newvalue,
            Some(f) => rooted(vm, &[newvalue], |vm| vm.call_value(f, &[newvalue], &[]))?,
        };
        self.currvalue.set(Some(newvalue));
        self.currkey.set(Some(newkey));
        Ok(true)
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.it);
        if let Some(f) = &self.keyfunc {
            t.mark_value(f);
        }
        mark_opt(t, &self.tgtkey);
        mark_opt(t, &self.currkey);
        mark_opt(t, &self.currvalue);
    }
}

struct GroupBy(Rc<GroupByState>);

impl NativeIter for GroupBy {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let g = &self.0;
        g.currgrouper.set(0);
        loop {
            if let Some(ck) = g.currkey.get() {
                match g.tgtkey.get() {
                    None => break,
                    Some(tk) => {
                        if !rich_eq(vm, tk, ck)? {
                            break;
                        }
                    }
                }
            }
            if !g.step(vm)? {
                return Ok(None);
            }
        }
        let key = g.currkey.get().expect("groupby has a current key");
        g.tgtkey.set(Some(key));
        let id = g.next_id.get() + 1;
        g.next_id.set(id);
        g.currgrouper.set(id);
        let grouper = new_native(
            vm,
            Grouper {
                parent: g.clone(),
                tgtkey: key,
                id,
            },
        );
        Ok(Some(vm.new_tuple(vec![key, grouper])))
    }
    fn trace(&self, t: &mut Tracer) {
        self.0.trace(t);
    }
    fn type_name(&self) -> &'static str {
        "groupby"
    }
}

struct Grouper {
    parent: Rc<GroupByState>,
    tgtkey: Value,
    id: u64,
}

impl NativeIter for Grouper {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let g = &self.parent;
        if g.currgrouper.get() != self.id {
            return Ok(None);
        }
        if g.currvalue.get().is_none() && !g.step(vm)? {
            return Ok(None);
        }
        let ck = g.currkey.get().expect("groupby has a current key");
        if !rich_eq(vm, self.tgtkey, ck)? {
            return Ok(None);
        }
        let r = g.currvalue.take();
        g.currkey.set(None);
        Ok(r)
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark_value(&self.tgtkey);
        self.parent.trace(t);
    }
    fn type_name(&self) -> &'static str {
        "_grouper"
    }
}

const GROUPBY_PARAMS: Params = Params {
    fname: "groupby",
    names: &["iterable", "key"],
    posonly: 0,
    required: 1,
};

pub(super) fn it_groupby(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = bind(vm, &GROUPBY_PARAMS, args, kw)?;
    let it = vm.get_iter(p[0].unwrap_or(Value::None))?;
    Ok(new_native(
        vm,
        GroupBy(Rc::new(GroupByState {
            it,
            keyfunc: p[1].filter(|f| !f.is_none()),
            tgtkey: Cell::new(None),
            currkey: Cell::new(None),
            currvalue: Cell::new(None),
            currgrouper: Cell::new(0),
            next_id: Cell::new(0),
        })),
    ))
}
