//! The short summary `jitprof run` prints to stderr at the end of a run.

use profile::Profile;

/// The summary text; `path` is where the profile was written.
pub fn render(_p: &Profile, _path: &std::path::Path, _color: bool) -> String {
    String::new()
}
