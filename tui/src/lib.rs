//! `jitprof tui`: a terminal explorer of a profile (ratatui + crossterm).

use profile::Profile;

/// Open the explorer on `profile` (read from `path`) until the user quits.
pub fn run(_profile: Profile, _path: &std::path::Path) -> std::io::Result<()> {
    Err(std::io::Error::other("tui: not built yet"))
}
