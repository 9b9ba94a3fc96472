//! Exports other tools read: pstats, folded stacks, speedscope, callgrind.

use crate::weight::Weight;
use profile::Profile;

/// cProfile's marshal-encoded stats dict, for `pstats.Stats`, snakeviz, gprof2dot.
pub fn pstats(_p: &Profile) -> Vec<u8> {
    Vec::new()
}

/// Collapsed stacks: one `frame;frame;frame weight` per line.
pub fn folded(_p: &Profile, _w: Weight) -> String {
    String::new()
}

/// speedscope's JSON file format.
pub fn speedscope(_p: &Profile) -> String {
    String::new()
}

/// callgrind's text format, with per-line costs.
pub fn callgrind(_p: &Profile) -> String {
    String::new()
}
