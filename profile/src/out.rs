//! JSON text on its way to a file: a buffer of a fixed size written out as
//! it fills, and the JSON of the primitives (integers, strings, hex).
//!
//! Not one buffer of the whole profile: that is a megabyte or more of fresh
//! memory, whose pages each fault in on first touch (2-3 us a page on our
//! VM: for deltablue's 1 MB profile, more than the writing itself).

use std::io::{self, Write};

/// The buffer's size: large enough that a write call per chunk costs
/// nothing next to the copying, small enough to fault in once and stay in
/// the cache.
const CHUNK: usize = 64 << 10;

/// The two decimal digits of 0 to 99 (`00` to `99`): `Out::num`'s numbers
/// below 10,000 are written from it.
const DECIMAL_PAIRS: [[u8; 2]; 100] = {
    let mut t = [[0u8; 2]; 100];
    let mut i = 0;
    while i < 100 {
        t[i] = [b'0' + (i / 10) as u8, b'0' + (i % 10) as u8];
        i += 1;
    }
    t
};

/// JSON text on its way to a writer (or into memory, for the tests).
pub(crate) struct Out<'w> {
    buf: Vec<u8>,
    /// None: the buffer grows and holds the whole text.
    sink: Option<&'w mut dyn Write>,
    /// The first write error; later output is dropped.
    err: Option<io::Error>,
}

impl<'w> Out<'w> {
    /// Buffered output to `w`.
    pub fn to_writer(w: &'w mut dyn Write) -> Out<'w> {
        Out {
            buf: Vec::with_capacity(CHUNK),
            sink: Some(w),
            err: None,
        }
    }

    /// The whole text in memory (see `finish`), for the tests.
    #[cfg(test)]
    pub fn in_memory() -> Out<'static> {
        Out {
            buf: Vec::with_capacity(CHUNK),
            sink: None,
            err: None,
        }
    }

    /// Write out what is buffered; the text, if in memory.
    pub fn finish(mut self) -> io::Result<Vec<u8>> {
        self.drain();
        match self.err {
            Some(e) => Err(e),
            None => Ok(self.buf),
        }
    }

    /// The buffer to the writer (nothing in memory).
    fn drain(&mut self) {
        let Some(w) = self.sink.as_mut() else { return };
        if self.err.is_none() {
            if let Err(e) = w.write_all(&self.buf) {
                self.err = Some(e);
            }
        }
        self.buf.clear();
    }

    /// Room: to a writer, the buffer written out (`CHUNK` bytes free); in
    /// memory, grown by at least `n` bytes.
    #[cold]
    fn make_room(&mut self, n: usize) {
        if self.sink.is_some() {
            self.drain();
        } else {
            self.buf.reserve(n);
        }
    }

    #[inline]
    pub fn push(&mut self, b: u8) {
        if self.buf.len() == self.buf.capacity() {
            self.make_room(1);
        }
        // SAFETY: a byte of capacity is free (checked or made above).
        unsafe {
            let len = self.buf.len();
            *self.buf.as_mut_ptr().add(len) = b;
            self.buf.set_len(len + 1);
        }
    }

    /// Append `b`. Most writes are a few bytes (a key, a number, a
    /// bracket): those are copied inline, as two overlapping words, rather
    /// than by a call of `memcpy` each.
    #[inline]
    pub fn bytes(&mut self, b: &[u8]) {
        let n = b.len();
        if self.buf.capacity() - self.buf.len() < n {
            return self.bytes_slow(b);
        }
        if n > 16 {
            self.buf.extend_from_slice(b);
            return;
        }
        let len = self.buf.len();
        let (src, dst) = (b.as_ptr(), self.buf.as_mut_ptr());
        // SAFETY: `dst + len .. dst + len + n` is within the capacity
        // (checked above), and each copy below reads inside `b` and writes
        // inside that range: the two words of a size cover the bytes from
        // both ends, overlapping in the middle.
        unsafe {
            let d = dst.add(len);
            match n {
                0 => {}
                1..=3 => {
                    *d = *src;
                    *d.add(n / 2) = *src.add(n / 2);
                    *d.add(n - 1) = *src.add(n - 1);
                }
                4..=7 => {
                    let a = (src as *const u32).read_unaligned();
                    let z = (src.add(n - 4) as *const u32).read_unaligned();
                    (d as *mut u32).write_unaligned(a);
                    (d.add(n - 4) as *mut u32).write_unaligned(z);
                }
                _ => {
                    let a = (src as *const u64).read_unaligned();
                    let z = (src.add(n - 8) as *const u64).read_unaligned();
                    (d as *mut u64).write_unaligned(a);
                    (d.add(n - 8) as *mut u64).write_unaligned(z);
                }
            }
            self.buf.set_len(len + n);
        }
    }

    /// `bytes` when they do not fit: a long text (a source file) goes to
    /// the writer as it is rather than through the buffer.
    #[cold]
    fn bytes_slow(&mut self, b: &[u8]) {
        if self.sink.is_some() && b.len() > CHUNK / 2 {
            self.drain();
            if let (Some(w), None) = (self.sink.as_mut(), &self.err) {
                if let Err(e) = w.write_all(b) {
                    self.err = Some(e);
                }
            }
            return;
        }
        self.make_room(b.len());
        self.buf.extend_from_slice(b);
    }

    /// `n` in decimal. Most of a profile's numbers are below 100 (pcs,
    /// columns, counts of zero): those inline from a table, the rest by
    /// `long_num`.
    #[inline]
    pub fn num(&mut self, n: u64) {
        if n < 10 {
            self.push(b'0' + n as u8);
        } else if n < 100 {
            self.two(DECIMAL_PAIRS[n as usize]);
        } else {
            self.long_num(n);
        }
    }

    /// A number of three digits or more: three or four (line numbers,
    /// most counts) from the table, longer ones by `itoa`. Out of line, so
    /// that the short cases inline where numbers are written.
    #[inline(never)]
    fn long_num(&mut self, n: u64) {
        if n < 1000 {
            self.push(b'0' + (n / 100) as u8);
            self.two(DECIMAL_PAIRS[(n % 100) as usize]);
        } else if n < 10_000 {
            self.two(DECIMAL_PAIRS[(n / 100) as usize]);
            self.two(DECIMAL_PAIRS[(n % 100) as usize]);
        } else {
            self.bytes(itoa::Buffer::new().format(n).as_bytes());
        }
    }

    /// Two bytes, as one store.
    #[inline]
    fn two(&mut self, b: [u8; 2]) {
        if self.buf.capacity() - self.buf.len() < 2 {
            self.make_room(2);
        }
        // SAFETY: two bytes of capacity are free (checked or made above:
        // `make_room` leaves at least `CHUNK` or grows by 2).
        unsafe {
            let len = self.buf.len();
            (self.buf.as_mut_ptr().add(len) as *mut [u8; 2]).write_unaligned(b);
            self.buf.set_len(len + 2);
        }
    }

    /// `code` as a JSON string of lowercase hex, encoded into the buffer
    /// a chunk at a time.
    pub fn hex_str(&mut self, code: &[u8]) {
        self.push(b'"');
        let mut rest = code;
        while !rest.is_empty() {
            if self.buf.capacity() - self.buf.len() < 2 {
                self.make_room(rest.len() * 2);
            }
            let room = (self.buf.capacity() - self.buf.len()) / 2;
            let (now, later) = rest.split_at(room.min(rest.len()));
            let len = self.buf.len();
            crate::hex::encode(now, &mut self.buf.spare_capacity_mut()[..now.len() * 2]);
            // SAFETY: `encode_into` initialised those bytes.
            unsafe { self.buf.set_len(len + now.len() * 2) };
            rest = later;
        }
        self.push(b'"');
    }
}

/// `s` as a JSON string, escaped as serde_json escapes it: the common case
/// (nothing to escape) is found a word at a time and copied whole.
pub fn string(out: &mut Out, s: &str) {
    if !needs_escape(s.as_bytes()) {
        out.push(b'"');
        out.bytes(s.as_bytes());
        out.push(b'"');
        return;
    }
    escaped(out, s.as_bytes());
}

/// A string that needs escaping (a source file: quotes, newlines), written
/// straight into `out`: the runs between escapes copied whole, the next
/// escape found a word at a time (the lowest byte `escape_mask` flags).
fn escaped(out: &mut Out, b: &[u8]) {
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let at = match b.get(i..i + 8) {
            Some(w) => match escape_mask(u64::from_le_bytes(w.try_into().expect("8 bytes"))) {
                0 => {
                    i += 8;
                    continue;
                }
                m => i + (m.trailing_zeros() / 8) as usize,
            },
            None if escapes(b[i]) => i,
            None => {
                i += 1;
                continue;
            }
        };
        out.bytes(&b[run..at]);
        escape(out, b[at]);
        run = at + 1;
        i = at + 1;
    }
    out.bytes(&b[run..]);
    out.push(b'"');
}

/// The escape of byte `c` as serde_json writes it: the short forms where
/// JSON has one, else `\u00xx` (lowercase hex).
fn escape(out: &mut Out, c: u8) {
    let short = match c {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            const DIGITS: &[u8; 16] = b"0123456789abcdef";
            out.bytes(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                DIGITS[(c >> 4) as usize],
                DIGITS[(c & 15) as usize],
            ]);
            return;
        }
    };
    out.bytes(&[b'\\', short]);
}

/// Whether JSON escapes byte `c`: a control character, `"` or `\\`.
#[inline]
fn escapes(c: u8) -> bool {
    (c < 0x20) | (c == b'"') | (c == b'\\')
}

/// Whether one of the eight bytes of `w` is one JSON escapes.
#[inline]
fn word_escapes(w: u64) -> bool {
    escape_mask(w) != 0
}

/// The high bit of each byte of `w` (little-endian) that JSON escapes, by
/// the usual has-zero-byte test on the word and on its xors; also, maybe,
/// of bytes above one that does: a borrow only starts at a byte that
/// matched and carries upwards. So the mask is zero exactly when no byte
/// matches, and its lowest bit is always a byte that does.
#[inline]
fn escape_mask(w: u64) -> u64 {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    let ctrl = w.wrapping_sub(ONES * 0x20) & !w;
    let q = w ^ (ONES * b'"' as u64);
    let bs = w ^ (ONES * b'\\' as u64);
    let quote = q.wrapping_sub(ONES) & !q;
    let back = bs.wrapping_sub(ONES) & !bs;
    (ctrl | quote | back) & HIGH
}

/// Whether `b` has a byte JSON escapes. Blocks of 32 bytes with a test
/// without branches, which the compiler turns into vector compares (a
/// source file is kilobytes), then words, then the last bytes as the word
/// that ends `b` (bytes one at a time only in a string shorter than a word).
fn needs_escape(b: &[u8]) -> bool {
    let mut blocks = b.chunks_exact(32);
    for block in &mut blocks {
        if block.iter().fold(false, |acc, &c| acc | escapes(c)) {
            return true;
        }
    }
    let mut words = blocks.remainder().chunks_exact(8);
    for c in &mut words {
        if word_escapes(u64::from_le_bytes(c.try_into().expect("8 bytes"))) {
            return true;
        }
    }
    if words.remainder().is_empty() {
        return false;
    }
    match b.last_chunk::<8>() {
        Some(&last) => word_escapes(u64::from_le_bytes(last)),
        None => b.iter().any(|&c| escapes(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_append_every_size_exactly() {
        let data: Vec<u8> = (0..40u8).collect();
        let mut out = Out::in_memory();
        let mut expect = Vec::new();
        // Past the first buffer's end, so the short copies also run with
        // little room left.
        while expect.len() < 3 * CHUNK {
            for n in 0..=20 {
                let piece = &data[n..n + n];
                out.bytes(piece);
                expect.extend_from_slice(piece);
            }
            out.push(b'!');
            expect.push(b'!');
        }
        assert_eq!(out.finish().unwrap(), expect);
    }

    fn escaped(s: &str) -> String {
        let mut out = Out::in_memory();
        string(&mut out, s);
        String::from_utf8(out.finish().unwrap()).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut cases: Vec<String> = (0u8..128)
            .map(|b| format!("ab{}cdefghij", b as char))
            .collect();
        cases.extend(
            [
                "",
                "plain",
                "exactly8",
                "\"",
                "\\",
                "tab\there",
                "é – ✓ 𝄞",
                "a\u{7f}b",
                "x\u{1}\u{1f}",
            ]
            .map(String::from),
        );
        for s in cases {
            assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn long_strings_escape_at_every_position() {
        // Each escaped character and a non-ASCII one at each position of a
        // string long enough for the word scan, and a run of them (the
        // source files take this path).
        for c in [
            '"', '\\', '\n', '\t', '\u{8}', '\u{c}', '\r', '\u{1}', '\u{1f}', 'é', '✓',
        ] {
            for pos in 0..40 {
                let mut s: String = "abcdefghij".repeat(4);
                s.insert(pos, c);
                assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
        // An escape then bytes the word test may flag above it (a borrow:
        // a space after a control character, `!` after a quote, `]` after
        // a backslash), at every position.
        for pair in ["\u{1} ", "\u{1f} ", "\"!", "\\]", "\n\u{0}", "\"\\ !#"] {
            for pos in 0..40 {
                let mut s: String = "ab cd!ef]g".repeat(4);
                s.insert_str(pos, pair);
                assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
        let s = "def f(x):\n\treturn \"a\\b\" + 'é✓'\n\n\u{0}\u{7f}".repeat(20);
        assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn numbers_are_decimal() {
        let mut out = Out::in_memory();
        let mut expect = String::new();
        let edges = (1..20).flat_map(|e| {
            let p = 10u64.pow(e);
            [p - 1, p, p + 1, p + 99, 3 * p + 7]
        });
        for n in (0..1000).chain(edges).chain([u32::MAX as u64, u64::MAX]) {
            out.num(n);
            out.push(b',');
            expect.push_str(&format!("{n},"));
        }
        assert_eq!(String::from_utf8(out.finish().unwrap()).unwrap(), expect);
    }

    #[test]
    fn a_word_scan_finds_every_byte_to_escape() {
        // Each byte value at each position of strings that take each
        // path (blocks, words, bytes).
        for (len, pos) in [5, 16, 45, 77]
            .into_iter()
            .flat_map(|n| (0..n).map(move |p| (n, p)))
        {
            for b in 0u8..=255 {
                let mut v = vec![b'a'; len];
                v[pos] = b;
                let want = b < 0x20 || b == b'"' || b == b'\\';
                assert_eq!(needs_escape(&v), want, "byte {b} at {pos}");
            }
        }
        // Non-ASCII bytes never need escaping.
        assert!(!needs_escape("ééééééééé✓".as_bytes()));
    }
}
