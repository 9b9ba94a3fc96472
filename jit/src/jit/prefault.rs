//! Fresh memory faulted in with one system call instead of one page fault
//! per page.
//!
//! A long function's compile writes a few hundred KB of memory it has just
//! allocated: the code buffer, the relocation table, then the executable
//! mapping the code is copied into. Each first write to a page is a page
//! fault, and on the virtual machines the JIT is measured on a fault costs
//! microseconds: for compile_cost.py's 200-line function, faults were about
//! a third of the compile's time (perf samples in the kernel under the
//! compile's functions). `MADV_POPULATE_WRITE` (Linux 5.14) maps the pages
//! in one call; where it is not supported nothing changes.

/// Buffers smaller than this are left alone: a few faults cost less than
/// the system call.
const MIN_BYTES: usize = 64 * 1024;
const PAGE: usize = 4096;

/// Fault in the whole pages of `[ptr, ptr + len)`, memory the caller owns
/// and is about to write.
pub fn prefault(ptr: *const u8, len: usize) {
    if len < MIN_BYTES {
        return;
    }
    let start = (ptr as usize).div_ceil(PAGE) * PAGE;
    let end = (ptr as usize + len) / PAGE * PAGE;
    if end <= start {
        return;
    }
    // SAFETY: the range lies within memory the caller owns (whole pages of
    // it), and MADV_POPULATE_WRITE only maps its pages as if written,
    // changing no byte the caller could read; an error (an older kernel) is
    // ignored, leaving the pages to fault as before.
    unsafe {
        libc::madvise(
            start as *mut libc::c_void,
            end - start,
            libc::MADV_POPULATE_WRITE,
        )
    };
}
