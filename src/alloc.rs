//! The global allocator: mimalloc through its plain entry points.
//!
//! Why not the `mimalloc` crate's allocator: it always calls the aligned
//! variants (`mi_malloc_aligned`, `mi_realloc_aligned`), whose generic path was
//! a visible share of allocation-heavy runs. mimalloc aligns every block to
//! 16 bytes (MI_MAX_ALIGN_SIZE), so for alignments up to 16 the plain calls
//! give the same guarantee on the fast path.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use jit::recorder::heapcount;
use libmimalloc_sys as mi;

/// mimalloc's minimum alignment on 64-bit targets.
const MI_MAX_ALIGN_SIZE: usize = 16;

pub struct Mimalloc;

/// mimalloc's `mi_option_purge_delay` (v3 header: the 16th enumerator, after
/// eager_commit_delay = 14; libmimalloc-sys names the neighbours but not it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep freed pages instead of returning them to the OS.
///
/// Why: the collector frees memory in bursts; mimalloc then purged those pages
/// after 10 ms and the next allocations faulted them back in (transparent huge
/// pages: 2 MiB zeroed per fault). On a dict-heavy benchmark that doubled CPU
/// time. The heap's size is bounded by the collector's threshold anyway.
pub fn configure() {
    // SAFETY: setting an option is thread-safe and valid at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    no_transparent_huge_pages();
}

/// Turn transparent huge pages off for the process.
///
/// Why: mimalloc asks for them on its arenas, and then the first touch of
/// each fresh 2 MiB makes the kernel zero all of it. A short run touches
/// several such regions: the JIT compiling `compile_cost.py`'s 200-line
/// function spent 90% of its 1.3-1.9 ms in the kernel's `clear_page_erms`
/// (perf), and took 0.8-1.0 ms without; deltablue, dict_count and raytrace
/// also ran 13-20% faster without (three runs each). mimalloc's own
/// `allow_thp` option is read when its first arena is made, before `main`,
/// so the process-wide switch is used instead; the kernel checks it at each
/// fault, so it covers arenas made already.
fn no_transparent_huge_pages() {
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and changes
    // only how the kernel backs this process's future page faults.
    unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
}

// SAFETY: every method forwards to mimalloc, which returns blocks of at least the
// requested size aligned to 16 bytes (or to `layout.align()` on the aligned
// path), and frees blocks it allocated; null signals failure as GlobalAlloc
// requires.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // The JIT's compile-time heap measurement (a load and a branch
        // otherwise; see jit::recorder::heapcount).
        heapcount::on_alloc(layout.size());
        if layout.align() <= MI_MAX_ALIGN_SIZE {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        heapcount::on_alloc(layout.size());
        if layout.align() <= MI_MAX_ALIGN_SIZE {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        heapcount::on_dealloc(layout.size());
        mi::mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        heapcount::on_dealloc(layout.size());
        heapcount::on_alloc(new_size);
        if layout.align() <= MI_MAX_ALIGN_SIZE {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}
