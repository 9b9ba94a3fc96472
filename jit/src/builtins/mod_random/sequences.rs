//! The functions over sequences: `choice`, `shuffle`, `sample` and
//! `choices`.

use crate::builtins::functions::index_int;
use crate::builtins::mod_bisect::{item_at, py_len};
use crate::builtins::mod_math::to_f64;
use crate::interp::ops::BinOp;
use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

use super::args_exact;
use super::generator::{below_u64, random_f64, state_of};

pub(super) fn choice(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "choice", args, kw, &["seq"], 1)?;
    let seq = a[0].unwrap_or(Value::None);
    let n = py_len(vm, seq)?;
    if n == 0 {
        return Err(vm.new_exception_msg("IndexError", "Cannot choose from an empty sequence"));
    }
    let i = below_u64(state_of(args), n as u64);
    item_at(vm, seq, i as i64)
}

pub(super) fn shuffle(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "shuffle", args, kw, &["x"], 1)?;
    let x = a[0].unwrap_or(Value::None);
    let st = state_of(args);
    let n = py_len(vm, x)?;
    if let Value::List(l) = x {
        for i in (1..n as usize).rev() {
            let j = below_u64(st, i as u64 + 1) as usize;
            let mut items = l.items.borrow_mut();
            if i < items.len() && j < items.len() {
                items.swap(i, j);
            }
        }
        return Ok(Value::None);
    }
    for i in (1..n).rev() {
        let j = below_u64(st, i as u64 + 1) as i64;
        let xi = vm.getitem(x, Value::Int(i))?;
        vm.temp_roots.push(xi);
        let r = (|| -> PyResult<()> {
            let xj = vm.getitem(x, Value::Int(j))?;
            vm.temp_roots.push(xj);
            vm.setitem(x, Value::Int(i), xj)?;
            vm.setitem(x, Value::Int(j), xi)
        })();
        vm.temp_roots
            .truncate(vm.temp_roots.len().saturating_sub(2).max(0));
        r?;
    }
    Ok(Value::None)
}

pub(super) fn sample(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    let a = args_exact(vm, "sample", args, kw, &["population", "k", "counts"], 2)?;
    let st = state_of(args);
    let population = a[0].unwrap_or(Value::None);
    let kv = a[1].unwrap_or(Value::None);
    if matches!(
        population,
        Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_) | Value::Iter(_) | Value::Generator(_)
    ) {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let n = py_len(vm, population)?;
    if let Some(counts) = a[2].filter(|c| !c.is_none()) {
        return sample_counts(vm, st, population, n, kv, counts);
    }
    let k = match index_int(vm, kv)? {
        Value::Int(k) => k,
        _ => -1,
    };
    if !(0 <= k && k <= n) {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    let k = k as usize;
    let mut setsize = 21i64;
    if k > 5 {
        setsize += 4i64.pow(((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32);
    }
    crate::builtins::methods::with_roots(vm, |vm| {
        let mut result = Vec::with_capacity(k);
        let holder = vm.new_list(vec![]);
        vm.temp_roots.push(holder);
        let Value::List(hl) = holder else {
            unreachable!()
        };
        if n <= setsize {
            let mut pool = crate::builtins::methods::collect_rooted(vm, population)?;
            let n = n as usize;
            for i in 0..k {
                let j = below_u64(st, (n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::new();
            for _ in 0..k {
                let mut j = below_u64(st, n as u64);
                while selected.contains(&j) {
                    j = below_u64(st, n as u64);
                }
                selected.insert(j);
                let v = item_at(vm, population, j as i64)?;
                hl.items.borrow_mut().push(v);
                result.push(v);
            }
        }
        Ok(vm.new_list(result))
    })
}

/// sample(population, k, counts=...): sample positions of the expanded
/// population, then map each back with bisect over the cumulative counts.
fn sample_counts(
    vm: &mut Vm,
    st: Gc<ListObj>,
    population: Value,
    n: i64,
    kv: Value,
    counts: Value,
) -> PyResult<Value> {
    crate::builtins::methods::with_roots(vm, |vm| {
        let items = crate::builtins::methods::collect_rooted(vm, counts)?;
        let mut cum: Vec<Value> = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            let v = if i == 0 {
                *x
            } else {
                vm.binary_op(BinOp::Add, cum[i - 1], *x)?
            };
            vm.temp_roots.push(v);
            cum.push(v);
        }
        if cum.len() as i64 != n {
            return Err(vm.value_error("The number of counts does not match the population"));
        }
        let Some(total) = cum.pop() else {
            return Err(vm.new_exception_msg("IndexError", "pop from empty list"));
        };
        let total = match total {
            Value::Int(t) => t,
            Value::Bool(b) => b as i64,
            _ => return Err(vm.type_error("Counts must be integers")),
        };
        if total <= 0 {
            return Err(vm.value_error("Total of counts must be greater than zero"));
        }
        let range = Value::Range(vm.heap.alloc(RangeObj::from_i64(0, total, 1)));
        vm.temp_roots.push(range);
        let sel = sample(vm, &[Value::List(st), range, kv], &[])?;
        vm.temp_roots.push(sel);
        let sels: Vec<Value> = match sel {
            Value::List(l) => l.items.borrow().clone(),
            _ => Vec::new(),
        };
        let out = vm.new_list(vec![]);
        vm.temp_roots.push(out);
        for s in sels {
            let (mut lo, mut hi) = (0usize, cum.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if vm.less_than(s, cum[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            let v = item_at(vm, population, lo as i64)?;
            if let Value::List(l) = out {
                l.items.borrow_mut().push(v);
            }
        }
        Ok(out)
    })
}

pub(super) fn choices(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    crate::builtins::check_kwargs(
        vm,
        "choices",
        kw,
        &["population", "weights", "cum_weights", "k"],
    )?;
    if args.len() > 3 {
        return Err(vm.type_error(&format!(
            "Random.choices() takes from 2 to 3 positional arguments but {} were given",
            args.len()
        )));
    }
    let st = state_of(args);
    let Some(population) = args
        .get(1)
        .copied()
        .or_else(|| crate::builtins::kwarg(kw, "population"))
    else {
        return Err(
            vm.type_error("Random.choices() missing 1 required positional argument: 'population'")
        );
    };
    let weights = args
        .get(2)
        .copied()
        .or_else(|| crate::builtins::kwarg(kw, "weights"))
        .filter(|w| !w.is_none());
    let cum = crate::builtins::kwarg(kw, "cum_weights").filter(|w| !w.is_none());
    let kv = crate::builtins::kwarg(kw, "k").unwrap_or(Value::Int(1));
    let k = match kv {
        Value::Int(k) => k.max(0) as usize,
        Value::Bool(b) => b as usize,
        _ => {
            let tn = vm.type_name(kv);
            return Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )));
        }
    };
    let n = py_len(vm, population)?;
    crate::builtins::methods::with_roots(vm, |vm| {
        let out = vm.new_list(vec![]);
        vm.temp_roots.push(out);
        let Value::List(ol) = out else { unreachable!() };
        let cum_weights: Vec<Value> = match (weights, cum) {
            (None, None) => {
                let nf = n as f64;
                for _ in 0..k {
                    let i = (random_f64(st) * nf).floor() as i64;
                    let v = item_at(vm, population, i)?;
                    ol.items.borrow_mut().push(v);
                }
                return Ok(out);
            }
            (Some(_), Some(_)) => {
                return Err(vm.type_error("Cannot specify both weights and cumulative weights"))
            }
            (Some(w), None) => {
                if matches!(w, Value::Int(_)) {
                    let msg = format!(
                        "The number of choices must be a keyword argument: k={}",
                        vm.repr(w)?
                    );
                    return Err(vm.type_error(&msg));
                }
                let items = crate::builtins::methods::collect_rooted(vm, w)?;
                let mut acc: Vec<Value> = Vec::with_capacity(items.len());
                for (i, x) in items.iter().enumerate() {
                    let v = if i == 0 {
                        *x
                    } else {
                        vm.binary_op(BinOp::Add, acc[i - 1], *x)?
                    };
                    acc.push(v);
                    vm.temp_roots.push(v);
                }
                acc
            }
            (None, Some(c)) => crate::builtins::methods::collect_rooted(vm, c)?,
        };
        if cum_weights.len() as i64 != n {
            return Err(vm.value_error("The number of weights does not match the population"));
        }
        let Some(last) = cum_weights.last().copied() else {
            return Err(vm.new_exception_msg("IndexError", "list index out of range"));
        };
        let total = vm.binary_op(BinOp::Add, last, Value::Float(0.0))?;
        let total = to_f64(vm, total)?;
        if total <= 0.0 {
            return Err(vm.value_error("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(vm.value_error("Total of weights must be finite"));
        }
        let hi0 = n - 1;
        for _ in 0..k {
            let x = Value::Float(random_f64(st) * total);
            let (mut lo, mut hi) = (0i64, hi0);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if vm.less_than(x, cum_weights[mid as usize])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            let v = item_at(vm, population, lo)?;
            ol.items.borrow_mut().push(v);
        }
        Ok(out)
    })
}
