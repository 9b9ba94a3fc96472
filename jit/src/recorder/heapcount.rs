//! The compiler's own heap use, measured by the process's global allocator.
//!
//! The `jitprof` binary's allocator (src/alloc.rs) adds every allocation's
//! size to `LIVE` and raises `PEAK` while `COUNTING` is set; the JIT sets it
//! around each compile. Counting only then keeps the atomic updates off the
//! program's own allocations. Builds without that allocator (library tests)
//! report zero.

use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

pub static COUNTING: AtomicBool = AtomicBool::new(false);
pub static LIVE: AtomicIsize = AtomicIsize::new(0);
pub static PEAK: AtomicIsize = AtomicIsize::new(0);

/// Called by the global allocator on every allocation.
#[inline(always)]
pub fn on_alloc(size: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        let now = LIVE.fetch_add(size as isize, Ordering::Relaxed) + size as isize;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }
}

/// Called by the global allocator on every deallocation.
#[inline(always)]
pub fn on_dealloc(size: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        LIVE.fetch_sub(size as isize, Ordering::Relaxed);
    }
}

/// Measure the peak heap growth during `f`.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, u64) {
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let r = f();
    COUNTING.store(false, Ordering::Relaxed);
    (r, PEAK.load(Ordering::Relaxed).max(0) as u64)
}
