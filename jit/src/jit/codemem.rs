//! The memory compiled code is assembled in and then runs from: one
//! anonymous mapping, read-write while the code generator writes it
//! (`CodeMem`), then read-execute (`ExecCode`). Never both at once.
//!
//! Code used to be assembled into a heap vector and copied into a fresh
//! executable mapping of exactly its size. For compile_cost.py's 200-line
//! function (172 KB of code) the copy's fresh pages (their faults, or the
//! `madvise` that maps them) and the mapping's own `mmap` were about a
//! seventh of the compile's time (perf samples in the kernel under
//! `make_executable`). Writing the code where it will run makes those
//! pages once.

use crate::jit::prefault::prefault;
use dynasmrt::AssemblyOffset;

const PAGE: usize = 4096;

/// A fresh read-write anonymous mapping of `len` bytes (a multiple of the
/// page), or None.
fn map(len: usize) -> Option<*mut u8> {
    // SAFETY: an anonymous private mapping at an address of the kernel's
    // choosing touches no existing memory.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    (p != libc::MAP_FAILED).then_some(p as *mut u8)
}

/// Unmap `[ptr, ptr + cap)`, a mapping of `map`'s (nothing when `cap` is 0).
fn unmap(ptr: *mut u8, cap: usize) {
    if cap != 0 {
        // SAFETY: the caller owns the mapping and drops its last use here.
        unsafe { libc::munmap(ptr as *mut libc::c_void, cap) };
    }
}

/// Code being assembled: a growable byte buffer in its own read-write
/// mapping (grown by a new mapping and a copy, which the code generator's
/// size estimate makes rare).
pub struct CodeMem {
    ptr: *mut u8,
    len: usize,
    /// The mapping's size (0: none yet).
    cap: usize,
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
            failed: false,
        };
        if bytes > 0 {
            m.grow_to(bytes);
            prefault(m.ptr, m.cap);
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

    /// Room for at least `need` bytes: a mapping of twice the size (whole
    /// pages), the bytes so far copied over. False if it could not be
    /// mapped (noted in `failed`).
    #[cold]
    fn grow_to(&mut self, need: usize) -> bool {
        if self.failed {
            return false;
        }
        let cap = need.max(self.cap * 2).div_ceil(PAGE) * PAGE;
        let Some(p) = map(cap) else {
            self.failed = true;
            return false;
        };
        // SAFETY: both ranges are mappings of at least `len` bytes, distinct.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr, p, self.len) };
        unmap(self.ptr, self.cap);
        self.ptr = p;
        self.cap = cap;
        true
    }

    /// The mapping made read-execute; `rw_from`: a page-aligned offset from
    /// which on the pages stay read-write (data the code writes, like the
    /// line counters), never executed.
    pub fn into_exec(self, rw_from: Option<usize>) -> std::io::Result<ExecCode> {
        if self.failed {
            return Err(std::io::Error::other("could not map code memory"));
        }
        let this = std::mem::ManuallyDrop::new(self);
        let exec = ExecCode {
            ptr: this.ptr,
            len: this.len,
            cap: this.cap,
        };
        if exec.cap == 0 {
            return Ok(exec);
        }
        let code_end = rw_from.unwrap_or(exec.cap);
        if code_end % PAGE != 0 || code_end > exec.cap {
            return Err(std::io::Error::other(
                "line counters not on a page boundary",
            ));
        }
        // SAFETY: `[ptr, ptr + code_end)` is whole pages of the mapping,
        // which `exec` now owns; nothing writes the code from here on.
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
        unmap(self.ptr, self.cap);
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

/// Compiled code in its read-execute mapping (see `CodeMem::into_exec`).
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
