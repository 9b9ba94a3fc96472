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
//! Why a compile's code does not start at its first page's start: the
//! level-1 instruction cache is indexed by the address's bits 6-11 (64
//! sets of 64-byte lines, 8 ways, 32 KiB). Code that starts on a page
//! puts every function's entry, and its first hot lines, in the same few
//! sets; with more than eight hot functions those sets evict each other
//! while the rest of the cache stays unused. So each chunk starts where the
//! previous one's bytes ended within their page (`Arena::color`), rounded
//! up to a line: the functions then cover the sets as code laid end to end
//! would. Under cachegrind's model of that cache, richards' compiled code
//! missed it 24.9M times with page-aligned starts and 7.6M times like this;
//! its `--no-profile` CPU time fell from 64.9 to 59.2 ms (medians of 11).
//! The price is the unused start of each chunk's first page: on average
//! half a page of address space per compile, and a page of memory only
//! when the code then needs one page more.
//!
//! One chunk is open at a time (the compile being assembled); a second
//! assembler alive at once, or code larger than the arena, gets its own
//! mapping (`CodeMem`'s fallback).

use std::sync::{Mutex, PoisonError};

pub const PAGE: usize = 4096;

/// The instruction cache's line: where a chunk may start within its page.
const LINE: usize = 64;

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
    /// Where in its first page (at `top`) the next chunk starts: a multiple
    /// of `LINE` below `PAGE` (see the module's doc).
    color: usize,
}

static ARENA: Mutex<Arena> = Mutex::new(Arena {
    top: 0,
    end: 0,
    touched: 0,
    open: false,
    color: 0,
});

/// The memory of an open chunk: `[ptr, ptr + cap)`, read-write, of which the
/// first `touched` bytes are faulted in already. `ptr` is `color` bytes into
/// a page (a multiple of the cache line), whose start is the chunk's too.
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
        let color = a.color;
        *a = Arena {
            top: base,
            end: base + RESERVE,
            touched: base,
            open: false,
            color,
        };
    }
    a.open = true;
    let start = a.top + a.color;
    Some(Chunk {
        ptr: start as *mut u8,
        cap: a.end - start,
        touched: a.touched.saturating_sub(start),
    })
}

/// Close the open chunk at `ptr`: the pages under its first `kept` bytes
/// (from its first page's start) are the caller's from now on, of which
/// the first `code` bytes are code (the rest data, like line counters), and
/// it wrote its first `touched` bytes. Returns the kept size in whole
/// pages, counted from that page's start (`page_start(ptr)`).
pub fn close(ptr: *mut u8, kept: usize, code: usize, touched: usize) -> usize {
    let mut a = ARENA.lock().unwrap_or_else(PoisonError::into_inner);
    let start = ptr as usize;
    debug_assert!(a.open && a.top + a.color == start);
    a.touched = a.touched.max(start + touched).min(a.end);
    let pages = if kept == 0 {
        // Given up: the next chunk starts here, where this one did.
        0
    } else {
        // Where the code ended, not the data after it: what the next
        // chunk's code should not share sets with is this one's code.
        a.color = (start + code).next_multiple_of(LINE) % PAGE;
        (start - a.top + kept).div_ceil(PAGE) * PAGE
    };
    a.top = (a.top + pages).min(a.end);
    a.touched = a.touched.max(a.top);
    a.open = false;
    pages
}

/// The start of the page `ptr` is in.
pub fn page_start(ptr: *mut u8) -> *mut u8 {
    ptr.wrapping_sub(ptr as usize % PAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_follow_each_other_on_fresh_pages_each_where_the_last_ended() {
        // Tests run on several threads: wait for the arena to be free.
        let first = loop {
            if let Some(c) = open(10) {
                break c;
            }
            std::thread::yield_now();
        };
        assert!(first.cap >= 10);
        let color = first.ptr as usize % PAGE;
        assert_eq!(color % LINE, 0);
        let pages = (color + 5000).div_ceil(PAGE) * PAGE;
        assert_eq!(close(first.ptr, 5000, 5000, 6000), pages);
        let second = loop {
            if let Some(c) = open(10) {
                break c;
            }
            std::thread::yield_now();
        };
        let first_page = page_start(first.ptr) as usize;
        assert!(second.ptr as usize >= first_page + pages);
        if page_start(second.ptr) as usize == first_page + pages {
            // No other test's chunk came between: this one starts on the
            // line where the first one's bytes ended.
            let end = first.ptr as usize + 5000;
            assert_eq!(
                second.ptr as usize % PAGE,
                end.next_multiple_of(LINE) % PAGE
            );
        }
        // Given up: its pages are the next chunk's, from the same line.
        close(second.ptr, 0, 0, 100);
        let third = loop {
            if let Some(c) = open(10) {
                break c;
            }
            std::thread::yield_now();
        };
        if page_start(third.ptr) == page_start(second.ptr) {
            assert_eq!(third.ptr, second.ptr);
        }
        close(third.ptr, 0, 0, 0);
        unmap(first_page as *mut u8, pages);
    }
}
