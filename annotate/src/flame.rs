//! Flamegraphs drawn with inferno.

use crate::weight::Weight;
use profile::Profile;

#[derive(Clone, Debug)]
pub struct FlameOptions {
    pub weight: Weight,
    pub inverted: bool,
}

/// The flamegraph as an SVG document.
pub fn svg(_p: &Profile, _o: &FlameOptions) -> Result<Vec<u8>, String> {
    Err("flamegraph: not built yet".into())
}
