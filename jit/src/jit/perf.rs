//! Announcing compiled code to Linux `perf`, in the two formats it reads
//! (`tools/perf/Documentation/jit-interface.txt` and
//! `jitdump-specification.txt`):
//!
//! - the perf map, `/tmp/perf-<pid>.map`: one text line `START SIZE name`
//!   per function (hex without `0x`), read by `perf report` / `perf script`
//!   to name samples in anonymous executable memory. Cheap, but no line
//!   numbers and no code bytes.
//! - jitdump, `./jit-<pid>.dump`: a binary file with a 40-byte header and
//!   one `JIT_CODE_LOAD` record per function (its code bytes included, so
//!   `perf annotate` works), each preceded by a `JIT_CODE_DEBUG_INFO` record
//!   mapping code addresses to source lines, and a `JIT_CODE_CLOSE` at the
//!   end. The file's first page is mapped read-execute while the sink is
//!   open: `perf record` logs that mapping, and `perf inject --jit` finds the
//!   file through it. Record timestamps are `CLOCK_MONOTONIC`, which is what
//!   `perf record -k 1` (`-k mono`) stamps samples with.
//!
//! Workflow: `perf record -k 1 -g jitprof run --perf-jitdump prog.py`, then
//! `perf inject --jit -i perf.data -o perf.jit.data`, then
//! `perf report -i perf.jit.data`.
//!
//! Every record is written with one `write` as soon as the function is
//! announced, so the files are usable even if the process dies later.
//! Values are in host byte order (perf detects the order from the magic).

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

/// `"JiTD"`: the first field of a jitdump file.
pub const JITDUMP_MAGIC: u32 = 0x4A69_5444;
/// The jitdump header's `version` field (specification v2 still writes 1).
pub const JITDUMP_VERSION: u32 = 1;
/// Size of the jitdump file header.
pub const JITDUMP_HEADER_SIZE: u32 = 40;
/// Size of every record's header (`id`, `total_size`, `timestamp`).
pub const JITDUMP_RECORD_HEADER_SIZE: u32 = 16;
/// ELF `e_machine` for x86-64.
pub const EM_X86_64: u32 = 62;
/// Record ids.
pub const JIT_CODE_LOAD: u32 = 0;
pub const JIT_CODE_DEBUG_INFO: u32 = 2;
pub const JIT_CODE_CLOSE: u32 = 3;

/// Where compiled code is announced for Linux perf.
pub struct PerfSink {
    map: Option<File>,
    dump: Option<JitDump>,
    paths: Vec<PathBuf>,
    finished: bool,
}

/// An open jitdump file and its marker mapping.
struct JitDump {
    file: File,
    pid: u32,
    /// The next `code_index` (one per `JIT_CODE_LOAD`, never reused).
    code_index: u64,
    /// The marker mapping of the file's first page: its address (kept as an
    /// integer: it is never dereferenced, only unmapped) and length.
    marker_addr: usize,
    marker_len: usize,
}

impl PerfSink {
    /// `map`: append lines to /tmp/perf-<pid>.map; `jitdump`: write ./jit-<pid>.dump (jitdump v1 header,
    /// mmap'd PROT_READ|PROT_EXEC once as perf requires, so `perf record -k 1` notices it).
    pub fn new(map: bool, jitdump: bool) -> io::Result<PerfSink> {
        let pid = std::process::id();
        let map_path = map.then(|| PathBuf::from(format!("/tmp/perf-{pid}.map")));
        let dump_path = jitdump.then(|| {
            let name = format!("jit-{pid}.dump");
            // Absolute, so that messages say where it is; perf only needs
            // the basename to be `jit-<pid>.dump`.
            std::env::current_dir()
                .map(|d| d.join(&name))
                .unwrap_or_else(|_| PathBuf::from(name))
        });
        PerfSink::with_paths(map_path.as_deref(), dump_path.as_deref())
    }

    /// Like `new`, with the files at other paths (for tests, or to inspect
    /// the output). perf itself only looks for `/tmp/perf-<pid>.map`, and
    /// `perf inject --jit` only accepts jitdump files named `jit-<pid>.dump`.
    /// The perf map is appended to; the jitdump file is truncated.
    pub fn with_paths(map: Option<&Path>, jitdump: Option<&Path>) -> io::Result<PerfSink> {
        let mut paths = Vec::new();
        let dump = match jitdump {
            Some(path) => {
                let d = JitDump::create(path)?;
                paths.push(path.to_path_buf());
                Some(d)
            }
            None => None,
        };
        let map = match map {
            Some(path) => {
                let f = OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .map_err(|e| {
                        io::Error::new(
                            e.kind(),
                            format!("cannot open perf map {}: {e}", path.display()),
                        )
                    })?;
                paths.insert(0, path.to_path_buf());
                Some(f)
            }
            None => None,
        };
        Ok(PerfSink {
            map,
            dump,
            paths,
            finished: false,
        })
    }

    /// A function was compiled: its code lives at `addr` for `code.len()` bytes.
    /// `lines`: (code offset, source line) pairs in offset order, for JIT_CODE_DEBUG_INFO records;
    /// `file`: the source file path. `name`: e.g. "py::fib (prog.py:3)".
    ///
    /// Calling this after `finish` is an error.
    pub fn code_loaded(
        &mut self,
        name: &str,
        addr: u64,
        code: &[u8],
        file: &str,
        lines: &[(u32, u32)],
    ) -> io::Result<()> {
        if self.finished {
            return Err(io::Error::other("perf sink already finished"));
        }
        debug_assert!(
            lines.windows(2).all(|w| w[0].0 <= w[1].0),
            "perf: line table of {name} is not in offset order"
        );
        debug_assert!(
            lines.iter().all(|&(off, _)| off as usize <= code.len()),
            "perf: line table of {name} points past its code"
        );
        if let Some(map) = &mut self.map {
            // The name is the rest of the line: it may hold spaces but not a
            // line break.
            let line = format!("{:x} {:x} {}\n", addr, code.len(), one_line(name));
            map.write_all(line.as_bytes())?;
        }
        if let Some(dump) = &mut self.dump {
            dump.code_loaded(name, addr, code, file, lines)?;
        }
        Ok(())
    }

    /// Flush and close (writes JIT_CODE_CLOSE for jitdump).
    pub fn finish(&mut self) -> io::Result<()> {
        if self.finished {
            return Ok(());
        }
        self.finished = true;
        let mut result = Ok(());
        if let Some(mut map) = self.map.take() {
            result = map.flush();
        }
        if let Some(dump) = self.dump.take() {
            let r = dump.close();
            if result.is_ok() {
                result = r;
            }
        }
        result
    }

    /// Paths written, for messages.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.paths.clone()
    }
}

impl Drop for PerfSink {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

impl JitDump {
    fn create(path: &Path) -> io::Result<JitDump> {
        let ctx = |e: io::Error, what: &str| {
            io::Error::new(
                e.kind(),
                format!("cannot {what} jitdump file {}: {e}", path.display()),
            )
        };
        // Read access too: the marker mapping needs a readable descriptor.
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)
            .map_err(|e| ctx(e, "create"))?;
        let pid = std::process::id();
        let mut header = Vec::with_capacity(JITDUMP_HEADER_SIZE as usize);
        put_u32(&mut header, JITDUMP_MAGIC);
        put_u32(&mut header, JITDUMP_VERSION);
        put_u32(&mut header, JITDUMP_HEADER_SIZE);
        put_u32(&mut header, EM_X86_64);
        put_u32(&mut header, 0); // pad1
        put_u32(&mut header, pid);
        put_u64(&mut header, monotonic_ns());
        put_u64(&mut header, 0); // flags: timestamps are CLOCK_MONOTONIC, not the TSC
        debug_assert_eq!(header.len(), JITDUMP_HEADER_SIZE as usize);
        file.write_all(&header).map_err(|e| ctx(e, "write"))?;

        // The marker: perf records this mapping as an MMAP event naming the
        // file, which is how `perf inject --jit` finds it.
        // SAFETY: sysconf has no preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        let marker_len = if page > 0 { page as usize } else { 4096 };
        // SAFETY: a new private mapping at an address the kernel chooses (so
        // no existing memory is replaced), of a descriptor that is open for
        // reading for the duration of the call. The mapping is never read
        // or written through; `close` unmaps it.
        let addr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                marker_len,
                libc::PROT_READ | libc::PROT_EXEC,
                libc::MAP_PRIVATE,
                file.as_raw_fd(),
                0,
            )
        };
        if addr == libc::MAP_FAILED {
            let e = io::Error::last_os_error();
            let _ = std::fs::remove_file(path);
            return Err(io::Error::new(
                e.kind(),
                format!(
                    "cannot map jitdump file {} executable, as perf requires: {e} \
                     (is its filesystem mounted noexec?)",
                    path.display()
                ),
            ));
        }
        Ok(JitDump {
            file,
            pid,
            code_index: 0,
            marker_addr: addr as usize,
            marker_len,
        })
    }

    fn code_loaded(
        &mut self,
        name: &str,
        addr: u64,
        code: &[u8],
        file: &str,
        lines: &[(u32, u32)],
    ) -> io::Result<()> {
        let timestamp = monotonic_ns();
        let mut buf = Vec::new();

        // JIT_CODE_DEBUG_INFO first: perf attaches it to the next LOAD.
        // Entry addresses are absolute (perf subtracts the code address).
        if !lines.is_empty() {
            let file_c = c_string(file);
            let start = begin_record(&mut buf, JIT_CODE_DEBUG_INFO, timestamp);
            put_u64(&mut buf, addr);
            put_u64(&mut buf, lines.len() as u64);
            for &(offset, line) in lines {
                put_u64(&mut buf, addr + offset as u64);
                put_u32(&mut buf, line);
                put_u32(&mut buf, 0); // discrim
                buf.extend_from_slice(&file_c);
            }
            end_record(&mut buf, start)?;
        }

        // SAFETY: gettid has no preconditions.
        let tid = unsafe { libc::gettid() } as u32;
        let start = begin_record(&mut buf, JIT_CODE_LOAD, timestamp);
        put_u32(&mut buf, self.pid);
        put_u32(&mut buf, tid);
        put_u64(&mut buf, addr); // vma
        put_u64(&mut buf, addr); // code_addr
        put_u64(&mut buf, code.len() as u64);
        put_u64(&mut buf, self.code_index);
        buf.extend_from_slice(&c_string(name));
        buf.extend_from_slice(code);
        end_record(&mut buf, start)?;

        self.file.write_all(&buf)?;
        self.code_index += 1;
        Ok(())
    }

    /// Write `JIT_CODE_CLOSE`, unmap the marker and close the file.
    fn close(mut self) -> io::Result<()> {
        let mut buf = Vec::with_capacity(JITDUMP_RECORD_HEADER_SIZE as usize);
        let start = begin_record(&mut buf, JIT_CODE_CLOSE, monotonic_ns());
        end_record(&mut buf, start)?;
        // `self` drops at the end: unmaps the marker, closes the file.
        self.file.write_all(&buf).and_then(|_| self.file.flush())
    }
}

impl Drop for JitDump {
    fn drop(&mut self) {
        // SAFETY: `marker_addr`/`marker_len` describe the mapping `create`
        // made, which nothing else refers to; it is unmapped exactly once,
        // here.
        unsafe {
            libc::munmap(self.marker_addr as *mut libc::c_void, self.marker_len);
        }
    }
}

/// Nanoseconds of `CLOCK_MONOTONIC`, the clock `perf record -k 1` uses.
fn monotonic_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, exclusively borrowed timespec for the call to
    // fill in.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    if rc != 0 {
        return 0;
    }
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

fn put_u32(buf: &mut Vec<u8>, v: u32) {
    buf.extend_from_slice(&v.to_ne_bytes());
}

fn put_u64(buf: &mut Vec<u8>, v: u64) {
    buf.extend_from_slice(&v.to_ne_bytes());
}

/// Start a record: its header with `total_size` left to `end_record`.
fn begin_record(buf: &mut Vec<u8>, id: u32, timestamp: u64) -> usize {
    let start = buf.len();
    put_u32(buf, id);
    put_u32(buf, 0);
    put_u64(buf, timestamp);
    start
}

/// Fill in the `total_size` of the record that began at `start`.
fn end_record(buf: &mut [u8], start: usize) -> io::Result<()> {
    let size = u32::try_from(buf.len() - start).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "jitdump record larger than 4 GiB",
        )
    })?;
    buf[start + 4..start + 8].copy_from_slice(&size.to_ne_bytes());
    Ok(())
}

/// `s` NUL-terminated, with any NUL inside replaced (it would end the name early).
fn c_string(s: &str) -> Vec<u8> {
    let mut v: Vec<u8> = s.bytes().map(|b| if b == 0 { b'?' } else { b }).collect();
    v.push(0);
    v
}

/// `s` on one line (a perf map entry ends at the line break).
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Removes the files it names when dropped, so a failing test cleans up too.
    struct Cleanup(Vec<PathBuf>);
    impl Drop for Cleanup {
        fn drop(&mut self) {
            for p in &self.0 {
                let _ = std::fs::remove_file(p);
            }
        }
    }

    fn scratch(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("jitprof-perf-test-{}-{name}", std::process::id()))
    }

    /// Lines of /proc/self/maps naming `path`.
    fn mappings_of(path: &Path) -> Vec<String> {
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
        let p = path.to_string_lossy().to_string();
        maps.lines()
            .filter(|l| l.ends_with(&p))
            .map(String::from)
            .collect()
    }

    struct MapLine {
        start: u64,
        size: u64,
        name: String,
    }

    fn parse_map(text: &str) -> Vec<MapLine> {
        assert!(
            text.ends_with('\n'),
            "perf map does not end with a newline: {text:?}"
        );
        text.lines()
            .map(|l| {
                let (start, rest) = l.split_once(' ').expect("START SIZE name");
                let (size, name) = rest.split_once(' ').expect("START SIZE name");
                assert!(!start.starts_with("0x") && !size.starts_with("0x"), "{l}");
                MapLine {
                    start: u64::from_str_radix(start, 16).expect("hex START"),
                    size: u64::from_str_radix(size, 16).expect("hex SIZE"),
                    name: name.to_string(),
                }
            })
            .collect()
    }

    struct Header {
        magic: u32,
        version: u32,
        total_size: u32,
        elf_mach: u32,
        pad1: u32,
        pid: u32,
        timestamp: u64,
        flags: u64,
    }

    #[derive(Debug, PartialEq)]
    struct DebugEntry {
        addr: u64,
        line: u32,
        discrim: u32,
        file: String,
    }

    #[derive(Debug)]
    enum Record {
        Load {
            pid: u32,
            tid: u32,
            vma: u64,
            code_addr: u64,
            code_index: u64,
            name: String,
            code: Vec<u8>,
        },
        DebugInfo {
            code_addr: u64,
            entries: Vec<DebugEntry>,
        },
        Close,
    }

    /// A cursor over the file's bytes.
    struct Reader<'a> {
        b: &'a [u8],
        pos: usize,
    }

    impl<'a> Reader<'a> {
        fn take(&mut self, n: usize) -> &'a [u8] {
            assert!(
                self.pos + n <= self.b.len(),
                "read past the end at {}",
                self.pos
            );
            let s = &self.b[self.pos..self.pos + n];
            self.pos += n;
            s
        }
        fn u32(&mut self) -> u32 {
            u32::from_ne_bytes(self.take(4).try_into().unwrap())
        }
        fn u64(&mut self) -> u64 {
            u64::from_ne_bytes(self.take(8).try_into().unwrap())
        }
        fn cstr(&mut self) -> String {
            let rest = &self.b[self.pos..];
            let n = rest
                .iter()
                .position(|&c| c == 0)
                .expect("NUL-terminated string");
            let s = String::from_utf8(rest[..n].to_vec()).unwrap();
            self.pos += n + 1;
            s
        }
    }

    /// Parse a whole jitdump file: header, then records with their
    /// timestamps. Panics on anything malformed, including a record whose
    /// `total_size` disagrees with its contents.
    fn parse_jitdump(bytes: &[u8]) -> (Header, Vec<(u64, Record)>) {
        let mut r = Reader { b: bytes, pos: 0 };
        let h = Header {
            magic: r.u32(),
            version: r.u32(),
            total_size: r.u32(),
            elf_mach: r.u32(),
            pad1: r.u32(),
            pid: r.u32(),
            timestamp: r.u64(),
            flags: r.u64(),
        };
        assert_eq!(r.pos, h.total_size as usize);
        let mut records = Vec::new();
        while r.pos < bytes.len() {
            let start = r.pos;
            let id = r.u32();
            let total = r.u32() as usize;
            let ts = r.u64();
            let rec = match id {
                JIT_CODE_LOAD => {
                    let pid = r.u32();
                    let tid = r.u32();
                    let vma = r.u64();
                    let code_addr = r.u64();
                    let code_size = r.u64() as usize;
                    let code_index = r.u64();
                    let name = r.cstr();
                    let code = r.take(code_size).to_vec();
                    Record::Load {
                        pid,
                        tid,
                        vma,
                        code_addr,
                        code_index,
                        name,
                        code,
                    }
                }
                JIT_CODE_DEBUG_INFO => {
                    let code_addr = r.u64();
                    let n = r.u64();
                    let entries = (0..n)
                        .map(|_| DebugEntry {
                            addr: r.u64(),
                            line: r.u32(),
                            discrim: r.u32(),
                            file: r.cstr(),
                        })
                        .collect();
                    Record::DebugInfo { code_addr, entries }
                }
                JIT_CODE_CLOSE => Record::Close,
                other => panic!("unexpected record id {other} at {start}"),
            };
            assert_eq!(r.pos - start, total, "total_size of record {id} at {start}");
            records.push((ts, rec));
        }
        (h, records)
    }

    #[test]
    fn perf_map_and_jitdump_describe_two_functions() {
        let map_path = scratch("two.map");
        let dump_path = scratch("two.dump");
        let _cleanup = Cleanup(vec![map_path.clone(), dump_path.clone()]);
        let _ = std::fs::remove_file(&map_path);

        // push rbp; mov rbp, rsp; pop rbp; ret
        let fib: Vec<u8> = vec![0x55, 0x48, 0x89, 0xe5, 0x5d, 0xc3];
        // xor eax, eax; ret; nop
        let total: Vec<u8> = vec![0x31, 0xc0, 0xc3, 0x90];
        let fib_addr = fib.as_ptr() as u64;
        let total_addr = total.as_ptr() as u64;
        let fib_lines = [(0u32, 1u32), (1, 2), (4, 4)];
        let total_lines = [(0u32, 7u32), (2, 10)];

        let before = monotonic_ns();
        let mut sink = PerfSink::with_paths(Some(&map_path), Some(&dump_path)).unwrap();
        assert_eq!(sink.paths(), vec![map_path.clone(), dump_path.clone()]);
        // The marker mapping is there, read-execute, while the sink is open.
        let maps = mappings_of(&dump_path);
        assert_eq!(maps.len(), 1, "{maps:?}");
        assert!(
            maps[0]
                .split_whitespace()
                .nth(1)
                .unwrap()
                .starts_with("r-x"),
            "{maps:?}"
        );

        sink.code_loaded("py::fib (prog.py:1)", fib_addr, &fib, "prog.py", &fib_lines)
            .unwrap();
        sink.code_loaded(
            "py::total (prog.py:6)",
            total_addr,
            &total,
            "prog.py",
            &total_lines,
        )
        .unwrap();
        sink.finish().unwrap();
        let after = monotonic_ns();
        assert!(
            mappings_of(&dump_path).is_empty(),
            "marker still mapped after finish"
        );
        assert!(sink.code_loaded("late", 0, &[], "x.py", &[]).is_err());
        sink.finish().unwrap(); // a second finish does nothing

        // The perf map.
        let map = parse_map(&std::fs::read_to_string(&map_path).unwrap());
        assert_eq!(map.len(), 2);
        assert_eq!((map[0].start, map[0].size), (fib_addr, 6));
        assert_eq!(map[0].name, "py::fib (prog.py:1)");
        assert_eq!((map[1].start, map[1].size), (total_addr, 4));
        assert_eq!(map[1].name, "py::total (prog.py:6)");

        // The jitdump.
        let bytes = std::fs::read(&dump_path).unwrap();
        let (h, records) = parse_jitdump(&bytes);
        assert_eq!(h.magic, 0x4A69_5444);
        assert_eq!(&bytes[..4], &0x4A69_5444u32.to_ne_bytes());
        assert_eq!(h.version, 1);
        assert_eq!(h.total_size, 40);
        assert_eq!(h.elf_mach, 62);
        assert_eq!(h.pad1, 0);
        assert_eq!(h.pid, std::process::id());
        assert_eq!(h.flags, 0);
        assert!(before <= h.timestamp && h.timestamp <= after);

        let ids: Vec<u32> = records
            .iter()
            .map(|(_, r)| match r {
                Record::Load { .. } => 0,
                Record::DebugInfo { .. } => 2,
                Record::Close => 3,
            })
            .collect();
        assert_eq!(ids, vec![2, 0, 2, 0, 3]);
        let mut last = h.timestamp;
        for (ts, _) in &records {
            assert!(last <= *ts && *ts <= after, "timestamps out of order");
            last = *ts;
        }

        // SAFETY: gettid has no preconditions.
        let tid = unsafe { libc::gettid() } as u32;
        let expect = [
            ("py::fib (prog.py:1)", fib_addr, &fib, &fib_lines[..]),
            (
                "py::total (prog.py:6)",
                total_addr,
                &total,
                &total_lines[..],
            ),
        ];
        for (i, (name, addr, code, lines)) in expect.iter().enumerate() {
            match &records[2 * i].1 {
                Record::DebugInfo { code_addr, entries } => {
                    assert_eq!(code_addr, addr);
                    let want: Vec<DebugEntry> = lines
                        .iter()
                        .map(|&(off, line)| DebugEntry {
                            addr: addr + off as u64,
                            line,
                            discrim: 0,
                            file: "prog.py".into(),
                        })
                        .collect();
                    assert_eq!(entries, &want);
                }
                r => panic!("expected debug info, got {r:?}"),
            }
            match &records[2 * i + 1].1 {
                Record::Load {
                    pid,
                    tid: t,
                    vma,
                    code_addr,
                    code_index,
                    name: n,
                    code: c,
                } => {
                    assert_eq!(*pid, std::process::id());
                    assert_eq!(*t, tid);
                    assert_eq!((vma, code_addr), (addr, addr));
                    assert_eq!(*code_index, i as u64);
                    assert_eq!(n, name);
                    assert_eq!(&c, code);
                }
                r => panic!("expected code load, got {r:?}"),
            }
        }
    }

    #[test]
    fn perf_function_without_lines_gets_no_debug_info() {
        let dump_path = scratch("nolines.dump");
        let _cleanup = Cleanup(vec![dump_path.clone()]);
        let code = vec![0xc3u8];
        let mut sink = PerfSink::with_paths(None, Some(&dump_path)).unwrap();
        assert_eq!(sink.paths(), vec![dump_path.clone()]);
        sink.code_loaded("py::f\nx", code.as_ptr() as u64, &code, "f.py", &[])
            .unwrap();
        drop(sink); // dropping finishes too
        let (_, records) = parse_jitdump(&std::fs::read(&dump_path).unwrap());
        assert_eq!(records.len(), 2);
        assert!(
            matches!(&records[0].1, Record::Load { code_index: 0, code, .. } if code == &[0xc3])
        );
        assert!(matches!(records[1].1, Record::Close));
    }

    #[test]
    fn perf_map_names_stay_on_one_line() {
        let map_path = scratch("oneline.map");
        let _cleanup = Cleanup(vec![map_path.clone()]);
        let _ = std::fs::remove_file(&map_path);
        let mut sink = PerfSink::with_paths(Some(&map_path), None).unwrap();
        sink.code_loaded(
            "py::<lambda>\n(odd.py:2)",
            0x1000,
            &[0x90; 0x20],
            "odd.py",
            &[(0, 2)],
        )
        .unwrap();
        sink.finish().unwrap();
        let map = parse_map(&std::fs::read_to_string(&map_path).unwrap());
        assert_eq!(map.len(), 1);
        assert_eq!((map[0].start, map[0].size), (0x1000, 0x20));
        assert_eq!(map[0].name, "py::<lambda> (odd.py:2)");
    }

    #[test]
    fn perf_default_paths_are_the_ones_perf_reads() {
        let pid = std::process::id();
        let map_path = PathBuf::from(format!("/tmp/perf-{pid}.map"));
        let dump_path = std::env::current_dir()
            .unwrap()
            .join(format!("jit-{pid}.dump"));
        let _cleanup = Cleanup(vec![map_path.clone(), dump_path.clone()]);
        let mut sink = PerfSink::new(true, true).unwrap();
        assert_eq!(sink.paths(), vec![map_path.clone(), dump_path.clone()]);
        assert_eq!(mappings_of(&dump_path).len(), 1);
        let code = vec![0xc3u8];
        sink.code_loaded(
            "py::g (g.py:1)",
            code.as_ptr() as u64,
            &code,
            "g.py",
            &[(0, 1)],
        )
        .unwrap();
        sink.finish().unwrap();
        let map = std::fs::read_to_string(&map_path).unwrap();
        assert!(map.ends_with(&format!("{:x} 1 py::g (g.py:1)\n", code.as_ptr() as u64)));
        let (h, records) = parse_jitdump(&std::fs::read(&dump_path).unwrap());
        assert_eq!(h.pid, pid);
        assert_eq!(records.len(), 3);
    }
}
