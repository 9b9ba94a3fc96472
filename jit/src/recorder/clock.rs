//! A cheap clock for per-call timing: the CPU's time-stamp counter.
//!
//! Timing every call and return costs two clock reads per call; `rdtsc` is a
//! few nanoseconds where `clock_gettime` is about twenty, which matters at the
//! millions of calls a recursive benchmark makes (cProfile's per-call clock is
//! a large part of why it slows CPython so much). The counter runs at a constant
//! rate on every x86-64 CPU of the last decade (`constant_tsc`); ticks are
//! turned into nanoseconds once, at the end, by comparing the ticks and the
//! monotonic clock over the whole run.

use std::time::Instant;

/// Read the time-stamp counter.
#[inline(always)]
pub fn ticks() -> u64 {
    // SAFETY: rdtsc has no preconditions on x86-64 (it is not privileged
    // unless CR4.TSD is set, which no Linux configuration jitprof runs on does).
    unsafe { core::arch::x86_64::_rdtsc() }
}

/// The run's start, in both clocks, for converting ticks to nanoseconds.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub start_ticks: u64,
    pub start: Instant,
}

impl Clock {
    pub fn start() -> Clock {
        Clock {
            start_ticks: ticks(),
            start: Instant::now(),
        }
    }

    /// Nanoseconds per tick, measured over the run so far.
    pub fn ns_per_tick(&self) -> f64 {
        let ns = self.start.elapsed().as_nanos() as f64;
        let t = ticks().wrapping_sub(self.start_ticks) as f64;
        if t <= 0.0 || ns <= 0.0 {
            return 1.0;
        }
        ns / t
    }
}

/// Converts tick counts to nanoseconds at one rate.
#[derive(Clone, Copy, Debug)]
pub struct ToNs(pub f64);

impl ToNs {
    pub fn ns(&self, ticks: u64) -> u64 {
        (ticks as f64 * self.0).round() as u64
    }
}
