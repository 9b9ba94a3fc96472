//! The memory compiled code is assembled in and then runs from: whole
//! pages (of the code arena, `code_arena.rs`), read-write while the code
//! generator writes them (`CodeMem`), then read-execute (`ExecCode`).
//! Never both at once.
//!
//! Code used to be assembled into a heap vector and copied into a fresh
//! executable mapping of exactly its size. For compile_cost.py's 200-line
//! function (172 KB of code) the copy's fresh pages (their faults, or the
//! `madvise` that maps them) and the mapping's own `mmap` were about a
//! seventh of the compile's time (perf samples in the kernel under
//! `make_executable`). Writing the code where it will run makes those
//! pages once.

use crate::jit::code_arena::{self, map, page_start, unmap, PAGE};
use crate::jit::prefault::prefault;
use dynasmrt::AssemblyOffset;

/// Code being assembled: a growable byte buffer, read-write, normally the
/// code arena's open chunk (`code_arena.rs`), else a mapping of its own
/// (grown by a new mapping and a copy).
///
/// The code starts `page_offset` bytes into its first page (where the
/// arena's chunk did, `code_arena.rs` says why), and keeps that offset when
/// it moves to a mapping of its own: code generation lays out page-aligned
/// data (the line counters' read-write pages) by it.
pub struct CodeMem {
    ptr: *mut u8,
    len: usize,
    /// The memory's size from `ptr` on (0: none yet).
    cap: usize,
    /// How far `ptr` is into its page; the memory is the whole pages from
    /// `ptr - page_offset` on.
    page_offset: usize,
    /// The memory is the code arena's open chunk.
    in_arena: bool,
    /// The first `touched` bytes are faulted in (an arena chunk's).
    touched: usize,
    /// A mapping failed: the bytes pushed since are dropped and
    /// `into_exec` fails.
    failed: bool,
}

impl CodeMem {
    /// With room for `bytes` bytes, faulted in at once when they are many
    /// (`prefault`): the code generator writes nearly all of them.
    pub fn with_capacity(bytes: usize) -> CodeMem {
        let mut m = CodeMem {
            ptr: std::ptr::NonNull::dangling().as_ptr(),
            len: 0,
            cap: 0,
            page_offset: 0,
            in_arena: false,
            touched: 0,
            failed: false,
        };
        if bytes > 0 && m.grow_to(bytes) && bytes > m.touched {
            // SAFETY of the range: `touched < bytes <= cap`, all ours.
            prefault(m.ptr.wrapping_add(m.touched), bytes - m.touched);
            m.touched = bytes;
        }
        m
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How far into its page the code starts (fixed once memory is there:
    /// the first byte pushed opens it).
    pub fn page_offset(&self) -> usize {
        self.page_offset
    }

    #[inline(always)]
    pub fn push(&mut self, byte: u8) {
        if self.len == self.cap && !self.grow_to(self.len + 1) {
            return;
        }
        // SAFETY: `len < cap`: within the mapping.
        unsafe { self.ptr.add(self.len).write(byte) };
        self.len += 1;
    }

    /// Append `bytes`.
    #[inline(always)]
    pub fn extend_from_slice(&mut self, bytes: &[u8]) {
        if self.cap - self.len < bytes.len() && !self.grow_to(self.len + bytes.len()) {
            return;
        }
        // SAFETY: `len + bytes.len() <= cap`: within the mapping, which
        // `bytes` (borrowed elsewhere) is not part of.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.ptr.add(self.len), bytes.len())
        };
        self.len += bytes.len();
    }

    /// Append `n` copies of `byte`.
    pub fn push_n(&mut self, byte: u8, n: usize) {
        if self.cap - self.len < n && !self.grow_to(self.len + n) {
            return;
        }
        // SAFETY: `len + n <= cap`: within the mapping.
        unsafe { self.ptr.add(self.len).write_bytes(byte, n) };
        self.len += n;
    }

    /// Room for at least `need` bytes: the code arena's open chunk at
    /// first, else a mapping of twice the size (whole pages), the bytes so
    /// far copied over. False if it could not be mapped (noted in
    /// `failed`).
    #[cold]
    fn grow_to(&mut self, need: usize) -> bool {
        if self.failed {
            return false;
        }
        if self.cap == 0 {
            if let Some(c) = code_arena::open(need) {
                self.ptr = c.ptr;
                self.cap = c.cap;
                self.page_offset = c.ptr as usize % PAGE;
                self.touched = c.touched;
                self.in_arena = true;
                return true;
            }
        }
        self.move_to_mapping(need.max(self.cap * 2))
    }

    /// Move the bytes to a mapping of their own with room for `need`, at the
    /// same offset into the page. False if it could not be mapped.
    fn move_to_mapping(&mut self, need: usize) -> bool {
        let off = self.page_offset;
        let pages = (off + need).div_ceil(PAGE) * PAGE;
        let Some(p) = map(pages, 0) else {
            self.failed = true;
            return false;
        };
        let p = p.wrapping_add(off);
        // SAFETY: both ranges are memory of at least `len` bytes, distinct.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr, p, self.len) };
        self.release();
        self.ptr = p;
        self.cap = pages - off;
        self.in_arena = false;
        true
    }

    /// Give the memory up: the arena's chunk back to the arena (its pages
    /// for the next compile), a mapping unmapped.
    fn release(&mut self) {
        if self.in_arena {
            code_arena::close(self.ptr, 0, 0, self.touched.max(self.len));
            self.in_arena = false;
        } else if self.cap != 0 {
            unmap(page_start(self.ptr), self.page_offset + self.cap);
        }
        self.cap = 0;
    }

    /// The mapping made read-execute; `rw_from`: an offset at a page's start
    /// from which on the pages stay read-write (data the code writes, like
    /// the line counters), never executed. The code itself is the first
    /// `code_len` bytes (the next compile's start follows it,
    /// `code_arena.rs`).
    pub fn into_exec(self, code_len: usize, rw_from: Option<usize>) -> std::io::Result<ExecCode> {
        if self.failed {
            return Err(std::io::Error::other("could not map code memory"));
        }
        let this = std::mem::ManuallyDrop::new(self);
        let off = this.page_offset;
        // An arena chunk: the pages the code is on are kept; the arena's
        // next chunk starts after them.
        let pages = if this.in_arena {
            let code = code_len.min(this.len);
            code_arena::close(this.ptr, this.len, code, this.touched.max(this.len))
        } else if this.cap != 0 {
            off + this.cap
        } else {
            0
        };
        let exec = ExecCode {
            ptr: this.ptr,
            len: this.len,
            pages,
        };
        // From the first page's start.
        let code_end = rw_from.map_or(pages, |r| off + r);
        if code_end % PAGE != 0 || code_end > pages {
            return Err(std::io::Error::other(
                "line counters not on a page boundary",
            ));
        }
        if code_end == 0 {
            return Ok(exec);
        }
        // SAFETY: `[page_start(ptr), +code_end)` is whole pages of the
        // memory, which `exec` now owns (the arena hands them out no more);
        // nothing writes the code from here on.
        let r = unsafe {
            libc::mprotect(
                page_start(exec.ptr) as *mut libc::c_void,
                code_end,
                libc::PROT_READ | libc::PROT_EXEC,
            )
        };
        if r != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(exec)
    }
}

impl Drop for CodeMem {
    fn drop(&mut self) {
        self.release();
    }
}

impl std::ops::Deref for CodeMem {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        // SAFETY: the first `len` bytes of the mapping are written (or the
        // pointer is dangling and `len` 0).
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl std::ops::DerefMut for CodeMem {
    #[inline]
    fn deref_mut(&mut self) -> &mut [u8] {
        // SAFETY: as for `deref`; the mapping is read-write and ours.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

/// Compiled code in its read-execute pages (see `CodeMem::into_exec`): a
/// mapping, or whole pages of the code arena's, its own either way. The
/// code starts at `ptr`, in the first of `pages` bytes of whole pages.
pub struct ExecCode {
    ptr: *mut u8,
    len: usize,
    pages: usize,
}

impl ExecCode {
    /// The address of the code at `offset`.
    pub fn ptr(&self, offset: AssemblyOffset) -> *const u8 {
        self.ptr.wrapping_add(offset.0)
    }
}

impl Drop for ExecCode {
    fn drop(&mut self) {
        unmap(page_start(self.ptr), self.pages);
    }
}

impl std::ops::Deref for ExecCode {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        // SAFETY: the first `len` bytes of the mapping are the code, readable.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_past_its_capacity_keeping_the_bytes() {
        // Holding the arena's chunk (unless another test does): the others
        // get mappings of their own, which grow.
        let mut outer = CodeMem::with_capacity(1);
        outer.push(0xc3);
        for start in [0, 1, 4096] {
            let mut m = CodeMem::with_capacity(start);
            for i in 0..10_000u32 {
                m.push(i as u8);
            }
            m.push_n(7, 5000);
            assert_eq!(m.len(), 15_000);
            assert!(m[..10_000].iter().enumerate().all(|(i, &b)| b == i as u8));
            assert!(m[10_000..].iter().all(|&b| b == 7));
            let len = m.len();
            let e = m.into_exec(len, None).unwrap();
            assert_eq!(e.len(), 15_000);
            assert_eq!(e[9_999], 9_999u32 as u8);
        }
        assert_eq!(*outer.into_exec(1, None).unwrap(), [0xc3]);
    }

    #[test]
    fn code_after_code_starts_on_a_new_page_on_a_cache_line() {
        let mut kept = Vec::new();
        for n in [1, 5000, 3] {
            let mut m = CodeMem::with_capacity(n);
            m.push_n(0x90, n);
            let off = m.page_offset();
            let len = m.len();
            let e = m.into_exec(len, None).unwrap();
            assert_eq!(e.len(), n);
            assert_eq!(e.ptr(AssemblyOffset(0)) as usize % PAGE, off);
            assert_eq!(off % 64, 0);
            kept.push(e);
        }
        for (a, b) in kept.iter().zip(&kept[1..]) {
            let (a0, b0) = (a.ptr(AssemblyOffset(0)), b.ptr(AssemblyOffset(0)));
            let (a_page, b_page) = (page_start(a0 as *mut u8), page_start(b0 as *mut u8));
            let a_end = a_page as usize + a.pages;
            assert!(b_page as usize >= a_end || b_page as usize + b.pages <= a_page as usize);
        }
    }

    #[test]
    fn read_write_pages_must_start_on_a_page() {
        let mut m = CodeMem::with_capacity(3 * PAGE);
        m.push_n(0, 2 * PAGE + 8);
        let off = m.page_offset();
        assert!(CodeMem::with_capacity(PAGE)
            .into_exec(0, Some(100))
            .is_err());
        let e = m.into_exec(8, Some(2 * PAGE - off)).unwrap();
        assert_eq!(e.len(), 2 * PAGE + 8);
    }

    #[test]
    fn moving_to_a_mapping_of_its_own_keeps_the_page_offset() {
        // What growing past the arena's chunk does: the code keeps its place
        // in the page, by which code generation has padded to page starts.
        for start in [0, 64, 4032] {
            let mut m = CodeMem::with_capacity(0);
            m.page_offset = start;
            assert!(m.move_to_mapping(100));
            m.push_n(1, 100);
            let off = m.page_offset();
            assert_eq!(off, start);
            assert!(m.move_to_mapping(3 * PAGE));
            assert!(!m.in_arena);
            assert_eq!(m.page_offset(), off);
            assert_eq!(m.ptr as usize % PAGE, off);
            assert!(m.iter().all(|&b| b == 1));
            m.push_n(2, 2 * PAGE);
            let rw = (off + 100 + PAGE).next_multiple_of(PAGE) - off;
            let e = m.into_exec(100, Some(rw)).unwrap();
            assert_eq!(e.ptr(AssemblyOffset(0)) as usize % PAGE, off);
            assert_eq!(e.len(), 100 + 2 * PAGE);
        }
    }
}
