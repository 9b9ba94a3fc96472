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

use crate::jit::code_arena::{self, map, unmap, PAGE};
use crate::jit::prefault::prefault;
use dynasmrt::AssemblyOffset;

/// Code being assembled: a growable byte buffer, read-write, normally the
/// code arena's open chunk (`code_arena.rs`), else a mapping of its own
/// (grown by a new mapping and a copy).
pub struct CodeMem {
    ptr: *mut u8,
    len: usize,
    /// The memory's size (0: none yet).
    cap: usize,
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
                self.touched = c.touched;
                self.in_arena = true;
                return true;
            }
        }
        let cap = need.max(self.cap * 2).div_ceil(PAGE) * PAGE;
        let Some(p) = map(cap, 0) else {
            self.failed = true;
            return false;
        };
        // SAFETY: both ranges are memory of at least `len` bytes, distinct.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr, p, self.len) };
        self.release();
        self.ptr = p;
        self.cap = cap;
        self.in_arena = false;
        true
    }

    /// Give the memory up: the arena's chunk back to the arena (its pages
    /// for the next compile), a mapping unmapped.
    fn release(&mut self) {
        if self.in_arena {
            code_arena::close(self.ptr, 0, self.touched.max(self.len));
            self.in_arena = false;
        } else {
            unmap(self.ptr, self.cap);
        }
        self.cap = 0;
    }

    /// The mapping made read-execute; `rw_from`: a page-aligned offset from
    /// which on the pages stay read-write (data the code writes, like the
    /// line counters), never executed.
    pub fn into_exec(self, rw_from: Option<usize>) -> std::io::Result<ExecCode> {
        if self.failed {
            return Err(std::io::Error::other("could not map code memory"));
        }
        let this = std::mem::ManuallyDrop::new(self);
        // An arena chunk: the pages the code is on are kept; the arena's
        // next chunk starts after them.
        let cap = if this.in_arena {
            code_arena::close(this.ptr, this.len, this.touched.max(this.len))
        } else {
            this.cap
        };
        let exec = ExecCode {
            ptr: this.ptr,
            len: this.len,
            cap,
        };
        let code_end = rw_from.unwrap_or(exec.cap);
        if code_end % PAGE != 0 || code_end > exec.cap {
            return Err(std::io::Error::other(
                "line counters not on a page boundary",
            ));
        }
        if code_end == 0 {
            return Ok(exec);
        }
        // SAFETY: `[ptr, ptr + code_end)` is whole pages of the memory,
        // which `exec` now owns (the arena hands them out no more); nothing writes the code from here on.
        let r = unsafe {
            libc::mprotect(
                exec.ptr as *mut libc::c_void,
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
/// mapping, or whole pages of the code arena's, its own either way.
pub struct ExecCode {
    ptr: *mut u8,
    len: usize,
    cap: usize,
}

impl ExecCode {
    /// The address of the code at `offset`.
    pub fn ptr(&self, offset: AssemblyOffset) -> *const u8 {
        self.ptr.wrapping_add(offset.0)
    }
}

impl Drop for ExecCode {
    fn drop(&mut self) {
        unmap(self.ptr, self.cap);
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
            let e = m.into_exec(None).unwrap();
            assert_eq!(e.len(), 15_000);
            assert_eq!(e[9_999], 9_999u32 as u8);
        }
        assert_eq!(*outer.into_exec(None).unwrap(), [0xc3]);
    }

    #[test]
    fn code_after_code_starts_on_a_new_page() {
        let mut kept = Vec::new();
        for n in [1, 5000, 3] {
            let mut m = CodeMem::with_capacity(n);
            m.push_n(0x90, n);
            let e = m.into_exec(None).unwrap();
            assert_eq!(e.len(), n);
            assert_eq!(e.ptr(AssemblyOffset(0)) as usize % PAGE, 0);
            kept.push(e);
        }
        for (a, b) in kept.iter().zip(&kept[1..]) {
            let (a0, b0) = (a.ptr(AssemblyOffset(0)), b.ptr(AssemblyOffset(0)));
            let a_end = a0 as usize + a.len().div_ceil(PAGE) * PAGE;
            assert!(b0 as usize >= a_end || (b0 as usize) + b.len() <= a0 as usize);
        }
    }

    #[test]
    fn read_write_pages_must_start_on_a_page() {
        let mut m = CodeMem::with_capacity(3 * PAGE);
        m.push_n(0, 2 * PAGE + 8);
        assert!(CodeMem::with_capacity(PAGE).into_exec(Some(100)).is_err());
        let e = m.into_exec(Some(2 * PAGE)).unwrap();
        assert_eq!(e.len(), 2 * PAGE + 8);
    }
}
