//! The `time` module: clocks and `sleep`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use num_bigint::BigInt;

use crate::interp::vm::Vm;
use crate::runtime::heap::Gc;
use crate::runtime::object::*;
use crate::runtime::value::Value;

pub fn make_time(vm: &mut Vm) -> Gc<ModuleObj> {
    let m = vm.new_module("time", "");
    let fns: &[(&'static str, NativeFn)] = &[
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("perf_counter", time_perf_counter),
        ("perf_counter_ns", time_perf_counter_ns),
        ("monotonic", time_perf_counter),
        ("monotonic_ns", time_perf_counter_ns),
        ("process_time", time_process_time),
        ("process_time_ns", time_process_time_ns),
        ("sleep", time_sleep),
    ];
    super::set_functions(vm, m, fns);
    m
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kw: Kwargs) -> PyResult<()> {
    super::no_kwargs(vm, name, kw)?;
    super::check_arity(vm, &format!("time.{name}"), args, 0, 0)
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// Nanoseconds on a monotonic clock (from a process-wide origin).
fn mono_ns() -> u128 {
    use std::sync::OnceLock;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_nanos()
}

fn int_u128(vm: &mut Vm, n: u128) -> Value {
    match i64::try_from(n) {
        Ok(i) => Value::Int(i),
        Err(_) => vm.int_from_big(BigInt::from(n)),
    }
}

fn time_time(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_args(vm, "time", args, kw)?;
    Ok(Value::Float(since_epoch().as_secs_f64()))
}
fn time_time_ns(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_args(vm, "time_ns", args, kw)?;
    let n = since_epoch().as_nanos();
    Ok(int_u128(vm, n))
}
fn time_perf_counter(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_args(vm, "perf_counter", args, kw)?;
    Ok(Value::Float(mono_ns() as f64 / 1e9))
}
fn time_perf_counter_ns(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_args(vm, "perf_counter_ns", args, kw)?;
    let n = mono_ns();
    Ok(int_u128(vm, n))
}

extern "C" {
    /// C's `clock()`: processor time used, in units of CLOCKS_PER_SEC
    /// (1_000_000 on POSIX systems).
    fn clock() -> std::ffi::c_long;
}

fn cpu_ns() -> u128 {
    // SAFETY: clock() takes no arguments and has no preconditions.
    let c = unsafe { clock() };
    if c < 0 {
        0
    } else {
        c as u128 * 1000
    }
}

fn time_process_time(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_args(vm, "process_time", args, kw)?;
    Ok(Value::Float(cpu_ns() as f64 / 1e9))
}
fn time_process_time_ns(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    no_args(vm, "process_time_ns", args, kw)?;
    let n = cpu_ns();
    Ok(int_u128(vm, n))
}

fn time_sleep(vm: &mut Vm, args: &[Value], kw: Kwargs) -> PyResult<Value> {
    super::no_kwargs(vm, "sleep", kw)?;
    super::check_arity(vm, "sleep", args, 1, 1)?;
    let secs = match args[0] {
        Value::Int(i) => i as f64,
        Value::Bool(b) => b as i64 as f64,
        Value::Float(f) => f,
        Value::BigInt(_) => {
            return Err(vm.new_exception_msg(
                "OverflowError",
                "timestamp too large to convert to C _PyTime_t",
            ))
        }
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )));
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.stdout.flush();
    std::thread::sleep(Duration::from_secs_f64(secs.min(1e9)));
    Ok(Value::None)
}
