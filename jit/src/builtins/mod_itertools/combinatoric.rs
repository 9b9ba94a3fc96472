//! The combinatoric iterators: `product`, `permutations`, `combinations`
//! and `combinations_with_replacement`.

use std::cell::{Cell, RefCell};

use crate::builtins::functions::{bind, Params};
use crate::interp::vm::Vm;
use crate::runtime::heap::{Gc, Tracer};
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::{new_native, rooted, ssize_arg, to_tuple, tuple_of};

// ---------------------------------------------------------------- product

/// Where a combinatoric iterator is: before its first result, running, done.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    First,
    Running,
    Done,
}

struct Product {
    pools: Vec<Gc<TupleObj>>,
    indices: RefCell<Vec<usize>>,
    phase: Cell<Phase>,
}

impl Product {
    fn result(&self, vm: &mut Vm) -> Value {
        let items: Vec<Value> = {
            let idx = self.indices.borrow();
            self.pools
                .iter()
                .zip(idx.iter())
                .map(|(p, &i)| p.items[i])
                .collect()
        };
        vm.new_tuple(items)
    }
}

impl NativeIter for Product {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        match self.phase.get() {
            Phase::Done => return Ok(None),
            Phase::First => {
                if self.pools.iter().any(|p| p.items.is_empty()) {
                    self.phase.set(Phase::Done);
                    return Ok(None);
                }
                self.phase.set(Phase::Running);
            }
            Phase::Running => {
                let mut advanced = false;
                {
                    let mut idx = self.indices.borrow_mut();
                    for i in (0..self.pools.len()).rev() {
                        idx[i] += 1;
                        if idx[i] == self.pools[i].items.len() {
                            idx[i] = 0;
                        } else {
                            advanced = true;
                            break;
                        }
                    }
                }
                if !advanced {
                    self.phase.set(Phase::Done);
                    return Ok(None);
                }
            }
        }
        Ok(Some(self.result(vm)))
    }
    fn trace(&self, t: &mut Tracer) {
        for p in &self.pools {
            t.mark(*p);
        }
    }
    fn type_name(&self) -> &'static str {
        "product"
    }
}

pub(super) fn it_product(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let mut repeat = 1i64;
    if !kw.is_empty() {
        crate::builtins::functions::check_kw_names(vm, "product", kw, &["repeat"])?;
        if let Some(r) = crate::builtins::kwarg(kw, "repeat") {
            repeat = ssize_arg(vm, r)?;
        }
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
    }
    let nargs = if repeat == 0 { 0 } else { args.len() };
    if nargs > 0 && (nargs as u128) * (repeat as u128) > (i64::MAX as u128) / 16 {
        return Err(vm.new_exception_msg("OverflowError", "repeat argument too large"));
    }
    let base = vm.temp_roots.len();
    let mut pools = Vec::with_capacity(nargs);
    for a in &args[..nargs] {
        match to_tuple(vm, *a) {
            Ok(t) => {
                vm.temp_roots.push(Value::Tuple(t));
                pools.push(t);
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    let mut all = Vec::with_capacity(nargs * repeat.max(0) as usize);
    for _ in 0..(if nargs == 0 { 0 } else { repeat }) {
        all.extend_from_slice(&pools);
    }
    let n = all.len();
    Ok(new_native(
        vm,
        Product {
            pools: all,
            indices: RefCell::new(vec![0; n]),
            phase: Cell::new(Phase::First),
        },
    ))
}

// ---------------------------------------------------------------- permutations

struct Permutations {
    pool: Gc<TupleObj>,
    r: usize,
    indices: RefCell<Vec<usize>>,
    cycles: RefCell<Vec<usize>>,
    phase: Cell<Phase>,
}

impl NativeIter for Permutations {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let n = self.pool.items.len();
        let r = self.r;
        match self.phase.get() {
            Phase::Done => return Ok(None),
            Phase::First => self.phase.set(Phase::Running),
            Phase::Running => {
                if n == 0 {
                    self.phase.set(Phase::Done);
                    return Ok(None);
                }
                let mut found = false;
                {
                    let mut idx = self.indices.borrow_mut();
                    let mut cyc = self.cycles.borrow_mut();
                    for i in (0..r).rev() {
                        cyc[i] -= 1;
                        if cyc[i] == 0 {
                            idx[i..].rotate_left(1);
                            cyc[i] = n - i;
                        } else {
                            let j = cyc[i];
                            idx.swap(i, n - j);
                            found = true;
                            break;
                        }
                    }
                }
                if !found {
                    self.phase.set(Phase::Done);
                    return Ok(None);
                }
            }
        }
        let idx: Vec<usize> = self.indices.borrow()[..r].to_vec();
        Ok(Some(tuple_of(vm, self.pool, &idx)))
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pool);
    }
    fn type_name(&self) -> &'static str {
        "permutations"
    }
}

const PERMUTATIONS_PARAMS: Params = Params {
    fname: "permutations",
    names: &["iterable", "r"],
    posonly: 0,
    required: 1,
};

pub(super) fn it_permutations(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let p = bind(vm, &PERMUTATIONS_PARAMS, args, kw)?;
    let pool = to_tuple(vm, p[0].unwrap_or(Value::None))?;
    let n = pool.items.len() as i64;
    let mut r = n;
    match p[1] {
        None | Some(Value::None) => {}
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
            r = rooted(vm, &[Value::Tuple(pool)], |vm| ssize_arg(vm, v))?;
        }
        Some(_) => return Err(vm.type_error("Expected int as r")),
    }
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let (n, r) = (n as usize, r as usize);
    Ok(new_native(
        vm,
        Permutations {
            pool,
            r,
            indices: RefCell::new((0..n).collect()),
            cycles: RefCell::new((0..r.min(n)).map(|i| n - i).collect()),
            phase: Cell::new(if r > n { Phase::Done } else { Phase::First }),
        },
    ))
}

// ---------------------------------------------------------------- combinations

struct Combinations {
    pool: Gc<TupleObj>,
    r: usize,
    indices: RefCell<Vec<usize>>,
    phase: Cell<Phase>,
    replacement: bool,
}

impl NativeIter for Combinations {
    fn next(&self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let n = self.pool.items.len();
        let r = self.r;
        match self.phase.get() {
            Phase::Done => return Ok(None),
            Phase::First => self.phase.set(Phase::Running),
            Phase::Running => {
                let mut idx = self.indices.borrow_mut();
                let found = if self.replacement {
                    match (0..r).rev().find(|&i| idx[i] != n - 1) {
                        Some(i) => {
                            let v = idx[i] + 1;
                            for x in idx[i..].iter_mut() {
                                *x = v;
                            }
                            true
                        }
                        None => false,
                    }
                } else {
                    match (0..r).rev().find(|&i| idx[i] != i + n - r) {
                        Some(i) => {
                            idx[i] += 1;
                            for j in i + 1..r {
                                idx[j] = idx[j - 1] + 1;
                            }
                            true
                        }
                        None => false,
                    }
                };
                if !found {
                    drop(idx);
                    self.phase.set(Phase::Done);
                    return Ok(None);
                }
            }
        }
        let idx = self.indices.borrow().clone();
        Ok(Some(tuple_of(vm, self.pool, &idx)))
    }
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.pool);
    }
    fn type_name(&self) -> &'static str {
        if self.replacement {
            "combinations_with_replacement"
        } else {
            "combinations"
        }
    }
}

fn combinations_common(
    vm: &mut Vm,
    params: &Params,
    args: &[Value],
    kw: Kwargs,
    replacement: bool,
) -> PyResult<Value> {
    let p = bind(vm, params, args, kw)?;
    let iterable = p[0].unwrap_or(Value::None);
    let r = ssize_arg(vm, p[1].unwrap_or(Value::None))?;
    let pool = to_tuple(vm, iterable)?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let n = pool.items.len();
    let r = r as usize;
    let done = if replacement { n == 0 && r > 0 } else { r > n };
    let indices = if done {
        Vec::new()
    } else if replacement {
        vec![0; r]
    } else {
        (0..r).collect()
    };
    Ok(new_native(
        vm,
        Combinations {
            pool,
            r,
            indices: RefCell::new(indices),
            phase: Cell::new(if done { Phase::Done } else { Phase::First }),
            replacement,
        },
    ))
}

const COMBINATIONS_PARAMS: Params = Params {
    fname: "combinations",
    names: &["iterable", "r"],
    posonly: 0,
    required: 2,
};

const CWR_PARAMS: Params = Params {
    fname: "combinations_with_replacement",
    names: &["iterable", "r"],
    posonly: 0,
    required: 2,
};

pub(super) fn it_combinations(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    combinations_common(vm, &COMBINATIONS_PARAMS, args, kw, false)
}

pub(super) fn it_combinations_with_replacement(
    vm: &mut Vm,
    args: &[Value],
    kw: Kwargs,
) -> PyResult<Value> {
    combinations_common(vm, &CWR_PARAMS, args, kw, true)
}
