//! The jitprof profile file: what `jitprof run` writes and every other verb
//! (`annotate`, `flamegraph`, `export`, `tui`) reads.
//!
//! One crate owns the schema so that the producer (the runtime's recorder)
//! and the consumers cannot drift apart: they share these types, and a
//! profile that does not parse as them is rejected with a message that says
//! what is wrong with the file (missing, truncated, not JSON, another format
//! or version) rather than a serde error about some field.

pub mod fixture;
mod hex;
mod out;
pub mod sampled;
mod schema;
mod writer;

pub use schema::*;
pub use writer::Deferred;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The default profile path (in the working directory).
pub const DEFAULT_PATH: &str = "jitprof.json";

/// Why a profile could not be read.
#[derive(Debug)]
pub enum LoadError {
    Missing(PathBuf),
    Io(PathBuf, std::io::Error),
    /// The file ends in the middle of the JSON (a run killed while writing
    /// cannot produce this, since profiles are written atomically, but a
    /// copy can).
    Truncated(PathBuf),
    NotJson(PathBuf, String),
    /// JSON, but not a jitprof profile.
    WrongFormat(PathBuf),
    /// A jitprof profile of a version this build does not read.
    WrongVersion(PathBuf, u64),
    /// The right format and version, but a field is missing or of the wrong type.
    Corrupt(PathBuf, String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Missing(p) => write!(
                f,
                "no profile at {} (record one with `jitprof run PROGRAM.py`)",
                p.display()
            ),
            LoadError::Io(p, e) => write!(f, "cannot read profile {}: {e}", p.display()),
            LoadError::Truncated(p) => {
                write!(
                    f,
                    "profile {} is truncated (the JSON ends early)",
                    p.display()
                )
            }
            LoadError::NotJson(p, e) => {
                write!(
                    f,
                    "{} is not a jitprof profile (not JSON: {e})",
                    p.display()
                )
            }
            LoadError::WrongFormat(p) => write!(
                f,
                "{} is not a jitprof profile (no \"format\": \"{FORMAT}\" field)",
                p.display()
            ),
            LoadError::WrongVersion(p, v) => write!(
                f,
                "profile {} has version {v}; this jitprof reads version {VERSION}",
                p.display()
            ),
            LoadError::Corrupt(p, e) => write!(f, "profile {} is corrupt: {e}", p.display()),
        }
    }
}

impl std::error::Error for LoadError {}

/// Read and check a profile file.
pub fn load(path: &Path) -> Result<Profile, LoadError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(LoadError::Missing(path.to_path_buf()))
        }
        Err(e) => return Err(LoadError::Io(path.to_path_buf(), e)),
    };
    from_slice(&bytes).map_err(|e| e.at(path))
}

/// Parse a profile from bytes (errors carry an empty path; `load` fills it in).
pub fn from_slice(bytes: &[u8]) -> Result<Profile, LoadError> {
    let p = PathBuf::new();
    // Parse loosely first, so the format and version are checked before the
    // schema: a version-2 file should say "version 2", not "missing field".
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_eof() {
            LoadError::Truncated(p.clone())
        } else {
            LoadError::NotJson(p.clone(), e.to_string())
        }
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(LoadError::WrongFormat(p));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == VERSION as u64 => {}
        Some(v) => return Err(LoadError::WrongVersion(p, v)),
        None => return Err(LoadError::Corrupt(p, "no \"version\" field".into())),
    }
    let profile: Profile =
        serde_json::from_value(value).map_err(|e| LoadError::Corrupt(p.clone(), e.to_string()))?;
    profile.check().map_err(|e| LoadError::Corrupt(p, e))?;
    Ok(profile)
}

impl LoadError {
    fn at(self, path: &Path) -> LoadError {
        let p = path.to_path_buf();
        match self {
            LoadError::Missing(_) => LoadError::Missing(p),
            LoadError::Io(_, e) => LoadError::Io(p, e),
            LoadError::Truncated(_) => LoadError::Truncated(p),
            LoadError::NotJson(_, e) => LoadError::NotJson(p, e),
            LoadError::WrongFormat(_) => LoadError::WrongFormat(p),
            LoadError::WrongVersion(_, v) => LoadError::WrongVersion(p, v),
            LoadError::Corrupt(_, e) => LoadError::Corrupt(p, e),
        }
    }
}

/// Write a profile atomically: to a temporary file beside `path`, then
/// renamed over it, so a reader never sees half a profile.
pub fn save(profile: &Profile, path: &Path) -> std::io::Result<()> {
    save_with_code(profile, &[], path)
}

/// `save`, with `code_hex` of `profile.compiles[i]` encoded from `code[i]`,
/// its machine code, where given (its text otherwise). The recorder leaves
/// `code_hex` empty and passes the code: more than half of a profile is
/// that hex, which is then encoded straight into the file rather than made
/// into strings first (fresh memory whose pages fault in one by one).
pub fn save_with_code(profile: &Profile, code: &[&[u8]], path: &Path) -> std::io::Result<()> {
    write_atomically_with(path, |f| writer::write(profile, code, f))
}

/// `save`, with what `deferred` gives made as the file is written: the
/// compiles' `code_hex` as in `save_with_code`, and the instructions'
/// texts, which the recorder leaves empty (thousands of strings otherwise
/// made only to be copied into the file).
pub fn save_deferred(profile: &Profile, deferred: &Deferred, path: &Path) -> std::io::Result<()> {
    write_atomically_with(path, |f| writer::write_deferred(profile, deferred, f))
}

/// Write `bytes` to `path` through a temporary file and a rename.
///
/// Not synced to disk before the rename: the rename is atomic for every
/// reader whatever the disk holds, and what a sync adds (the file surviving
/// a power loss or kernel crash right after the run) is not worth a wait
/// for the disk at the end of every run (milliseconds to tens of them on a
/// busy disk, on the wall clock the recorder's overhead is measured by): a
/// profile is made again by running the program again.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |f| f.write_all(bytes))
}

/// `write_atomically`, the file's contents written by `write`.
fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        write(&mut f)?;
        drop(f);
        replace(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Move the file `tmp` to `path`, replacing the file there if any.
///
/// Why an exchange and an unlink rather than `rename` over the old profile:
/// ext4 (by default, `auto_da_alloc`) starts writing the new file's data
/// to disk when a rename replaces a file, so that a crash cannot leave it
/// empty; that took 1.1 ms of deltablue's recording run for its 1 MB
/// profile, 0.4 ms for int_loop's 26 KB (strace -T), against 0.05 ms for
/// the exchange. The exchange is as atomic for readers (the path holds the
/// old profile or the new one, never neither); like the rest of this
/// writing it does not wait for the disk (see `write_atomically`). Only
/// over a regular file: anything else there goes to `rename`, which
/// refuses what it must (a directory).
fn replace(tmp: &Path, path: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file()) {
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).ok();
        if let (Some(from), Some(to)) = (c(tmp), c(path)) {
            // SAFETY: two NUL-terminated paths that live across the call;
            // renameat2 only reads them.
            let r = unsafe {
                libc::syscall(
                    libc::SYS_renameat2,
                    libc::AT_FDCWD,
                    from.as_ptr(),
                    libc::AT_FDCWD,
                    to.as_ptr(),
                    libc::RENAME_EXCHANGE,
                )
            };
            if r == 0 {
                // `tmp` now names the old profile. The new one is in place
                // whatever happens to it: an old profile left behind under
                // the temporary name is no reason to report a failure.
                let _ = std::fs::remove_file(tmp);
                return Ok(());
            }
            // Not supported here (an old kernel, another file system), or
            // the file went away: the plain rename decides.
        }
    }
    std::fs::rename(tmp, path)
}

impl Profile {
    /// Cross-references that serde cannot check: every id in range.
    pub fn check(&self) -> Result<(), String> {
        let nf = self.files.len() as u32;
        let nfun = self.functions.len() as u32;
        for (i, f) in self.files.iter().enumerate() {
            if f.id != i as u32 {
                return Err(format!("files[{i}] has id {}", f.id));
            }
        }
        for (i, f) in self.functions.iter().enumerate() {
            if f.id != i as u32 {
                return Err(format!("functions[{i}] has id {}", f.id));
            }
            if f.file.is_some_and(|x| x >= nf) {
                return Err(format!("function {} names file {:?}", f.qualname, f.file));
            }
            if f.callers.iter().any(|c| c.caller >= nfun) {
                return Err(format!("function {} has a caller out of range", f.qualname));
            }
        }
        let fun_ok = |id: u32| id < nfun;
        if self.lines.iter().any(|l| l.file >= nf) {
            return Err("a line names a file out of range".into());
        }
        if !self.type_sites.iter().all(|s| fun_ok(s.function))
            || !self.bails.iter().all(|b| fun_ok(b.function))
            || !self.compiles.iter().all(|c| fun_ok(c.function))
            || !self
                .allocations
                .iter()
                .all(|a| a.function.is_none_or(fun_ok))
        {
            return Err("a site names a function out of range".into());
        }
        let frames_ok = |fs: &[StackFrame]| fs.iter().all(|f| fun_ok(f.function));
        if !self.samples.stacks.iter().all(|s| frames_ok(&s.frames))
            || !self.bails.iter().all(|b| frames_ok(&b.first_stack))
        {
            return Err("a stack names a function out of range".into());
        }
        Ok(())
    }

    pub fn file(&self, id: u32) -> &SourceFile {
        &self.files[id as usize]
    }

    pub fn function(&self, id: u32) -> &Function {
        &self.functions[id as usize]
    }

    /// Where a function is, for display: `prog.py:12` or `<built-in>`.
    pub fn location(&self, id: u32) -> String {
        let f = self.function(id);
        match f.file {
            Some(file) => format!("{}:{}", self.file(file).path, f.first_line),
            None => "<built-in>".to_string(),
        }
    }

    /// Functions that contain `line` of `file`, innermost first: the latest
    /// `first_line`, and among those the shortest span (a module body and a
    /// `def` on its first line both start at line 1).
    pub fn functions_at(&self, file: u32, line: u32) -> Vec<&Function> {
        let mut v: Vec<&Function> = self
            .functions
            .iter()
            .filter(|f| f.file == Some(file) && f.first_line <= line && line <= f.last_line)
            .collect();
        v.sort_by_key(|f| (std::cmp::Reverse(f.first_line), f.last_line - f.first_line));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_round_trips_and_checks() {
        let p = fixture::example();
        p.check().unwrap();
        let bytes = serde_json::to_vec(&p).unwrap();
        assert_eq!(from_slice(&bytes).unwrap(), p);
    }

    #[test]
    fn a_file_from_before_run_timing_loads_as_exact() {
        let mut v = serde_json::to_value(fixture::example()).unwrap();
        let mut p = fixture::example();
        p.run.timing = Timing::Sampled;
        assert_eq!(
            serde_json::to_value(&p).unwrap()["run"]["timing"],
            "sampled"
        );
        v["run"].as_object_mut().unwrap().remove("timing");
        let old = from_slice(&serde_json::to_vec(&v).unwrap()).unwrap();
        assert_eq!(old.run.timing, Timing::Exact);
    }

    #[test]
    fn functions_at_prefers_the_def_over_the_module_starting_on_its_line() {
        let p = fixture::example();
        let at = p.functions_at(0, 2);
        assert_eq!(at[0].name, "fib");
        assert_eq!(at.last().unwrap().name, "<module>");
    }

    #[test]
    fn example_samples_add_up() {
        let p = fixture::example();
        let stacks: u64 = p.samples.stacks.iter().map(|s| s.count).sum();
        let lines: u64 = p.lines.iter().map(|l| l.samples).sum();
        assert_eq!((stacks, lines), (p.samples.total, p.samples.total));
    }

    #[test]
    fn truncated_file_is_reported_as_truncated() {
        let bytes = serde_json::to_vec(&fixture::example()).unwrap();
        let e = from_slice(&bytes[..bytes.len() / 2]).unwrap_err();
        assert!(matches!(e, LoadError::Truncated(_)), "{e}");
    }

    #[test]
    fn other_json_and_other_versions_are_named() {
        assert!(matches!(
            from_slice(b"[1, 2]").unwrap_err(),
            LoadError::WrongFormat(_)
        ));
        assert!(matches!(
            from_slice(b"hello").unwrap_err(),
            LoadError::NotJson(..)
        ));
        let e = from_slice(br#"{"format": "jitprof-profile", "version": 7}"#).unwrap_err();
        assert!(matches!(e, LoadError::WrongVersion(_, 7)), "{e}");
        let e = from_slice(br#"{"format": "jitprof-profile", "version": 1}"#).unwrap_err();
        assert!(matches!(e, LoadError::Corrupt(..)), "{e}");
    }

    #[test]
    fn dangling_ids_are_corrupt() {
        let mut p = fixture::example();
        p.bails[0].function = 99;
        let bytes = serde_json::to_vec(&p).unwrap();
        assert!(matches!(
            from_slice(&bytes).unwrap_err(),
            LoadError::Corrupt(..)
        ));
    }

    #[test]
    fn save_is_atomic_and_loads_back() {
        let dir = std::env::temp_dir().join(format!("jitprof-profile-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("p.json");
        save(&fixture::example(), &path).unwrap();
        assert_eq!(load(&path).unwrap(), fixture::example());
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
        assert!(matches!(
            load(&dir.join("none.json")).unwrap_err(),
            LoadError::Missing(_)
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The second save takes the exchange (`replace`): the new profile in
    /// place, the old one gone, no temporary file left; a directory at the
    /// path is refused and left as it was.
    #[test]
    fn save_replaces_an_old_profile_and_refuses_a_directory() {
        let dir = std::env::temp_dir().join(format!("jitprof-profile-repl-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("p.json");
        std::fs::write(&path, "old profile").unwrap();
        save(&fixture::example(), &path).unwrap();
        assert_eq!(load(&path).unwrap(), fixture::example());
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["p.json"]);
        let sub = dir.join("sub.json");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("keep"), "x").unwrap();
        assert!(save(&fixture::example(), &sub).is_err());
        assert_eq!(std::fs::read_to_string(sub.join("keep")).unwrap(), "x");
        let mut left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["p.json", "sub.json"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
