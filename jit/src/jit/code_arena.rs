//! Where compiled code's memory comes from: one large read-write mapping,
//! reserved once, that each compile takes its pages from in turn.
//!
//! Each compile used to map its own memory (`mmap`), then make it
//! executable (`mprotect`) and unmap it at exit: about 2.5 µs per system
//! call on the VMs measured, where a small function compiles in 13 µs.
//! Now a compile writes its code at the arena's top, and `into_exec`
//! makes only the pages it used read-execute (the one system call left)
//! and moves the top past them: the next compile starts on a fresh page,
//! so no page ever holds both code that can run and code being written
//! (W^X: a page is read-write or read-execute, never both, and never
//! mapped twice). Pages written but not kept (a compile given up, a
//! prefault past the code's end) stay read-write for the next compile,
//! which then writes them without a fault.
//!
//! The pages above the top are read-write and never executed. The
//! mapping is `MAP_NORESERVE`: untouched pages cost nothing.
//!
//! One chunk is open at a time (the compile being assembled); a second
//! assembler alive at once, or code larger than the arena, gets its own
//! mapping (`CodeMem`'s fallback).

use std::sync::{Mutex, PoisonError};

pub const PAGE: usize = 4096;

/// The size of one reservation: the default `--jit-code-limit`.
const RESERVE: usize = 64 << 20;

struct Arena {
    /// `[top, end)`: not handed out yet, read-write (0, 0: no reservation).
    top: usize,
    end: usize,
    /// `[top, touched)` has been written already: no page fault left there.
    touched: usize,
    /// A chunk starting at `top` is being written.
    open: bool,
}

static ARENA: Mutex<Arena> = Mutex::new(Arena {
    top: 0,
    end: 0,
    touched: 0,
    open: false,
});

/// The memory of an open chunk: `[ptr, ptr + cap)`, read-write, of which the
/// first `touched` bytes are faulted in already.
pub struct Chunk {
    pub ptr: *mut u8,
    pub cap: usize,
    pub touched: usize,
}

/// A fresh read-write anonymous mapping of `len` bytes (whole pages), or None.
pub fn map(len: usize, flags: libc::c_int) -> Option<*mut u8> {
    // SAFETY: an anonymous private mapping at an address of the kernel's
    // choosing touches no existing memory.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | flags,
            -1,
            0,
        )
    };
    (p != libc::MAP_FAILED).then_some(p as *mut u8)
}

/// Unmap `[ptr, ptr + len)`, whole pages the caller owns (nothing when `len`
/// is 0).
pub fn unmap(ptr: *mut u8, len: usize) {
    if len != 0 {
        // SAFETY: the caller owns the pages and drops their last use here.
        unsafe { libc::munmap(ptr as *mut libc::c_void, len) };
    }
}

/// The rest of the arena, at least `need` bytes, as the open chunk; None if a
/// chunk is open already, or `need` is more than a reservation, or no
/// memory could be mapped.
pub fn open(need: usize) -> Option<Chunk> {
    let mut a = ARENA.lock().unwrap_or_else(PoisonError::into_inner);
    if a.open || need > RESERVE {
        return None;
    }
    if a.end - a.top < need {
        let base = map(RESERVE, libc::MAP_NORESERVE)? as usize;
        // The old reservation's rest: no chunk is open, nobody uses it.
        unmap(a.top as *mut u8, a.end - a.top);
        *a = Arena {
            top: base,
            end: base + RESERVE,
            touched: base,
            open: false,
        };
    }
    a.open = true;
    Some(Chunk {
        ptr: a.top as *mut u8,
        cap: a.end - a.top,
        touched: a.touched - a.top,
    })
}

/// Close the open chunk at `ptr`: its first `kept` bytes (rounded up to
/// the page) are the caller's from now on, and it wrote its first
/// `touched` bytes. Returns the kept size in whole pages.
pub fn close(ptr: *mut u8, kept: usize, touched: usize) -> usize {
    let mut a = ARENA.lock().unwrap_or_else(PoisonError::into_inner);
    debug_assert!(a.open && a.top == ptr as usize);
    let kept = kept.div_ceil(PAGE) * PAGE;
    a.touched = a.touched.max(ptr as usize + touched).min(a.end);
    a.top = (ptr as usize + kept).min(a.end);
    a.touched = a.touched.max(a.top);
    a.open = false;
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_follow_each_other_on_fresh_pages() {
        // Tests run on several threads: wait for the arena to be free.
        let first = loop {
            if let Some(c) = open(10) {
                break c;
            }
            std::thread::yield_now();
        };
        assert!(first.cap >= 10);
        assert_eq!(close(first.ptr, 5000, 6000), 2 * PAGE);
        let second = loop {
            if let Some(c) = open(10) {
                break c;
            }
            std::thread::yield_now();
        };
        // Another test's chunk may have come between.
        assert!(second.ptr as usize >= first.ptr as usize + 2 * PAGE);
        assert!(second.ptr as usize % PAGE == 0);
        // Given up: its pages are the next chunk's.
        close(second.ptr, 0, 100);
        unmap(first.ptr, 2 * PAGE);
    }
}
