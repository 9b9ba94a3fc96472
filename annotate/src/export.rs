//! Exports other tools read: pstats, folded stacks, speedscope, callgrind.
//! One submodule per format; `stacks` is shared with the flamegraphs.

mod callgrind;
mod marshal;
mod pstats;
mod speedscope;
pub(crate) mod stacks;

use crate::weight::Weight;
use profile::Profile;

/// cProfile's marshal-encoded stats dict, for `pstats.Stats`, snakeviz, gprof2dot.
pub fn pstats(p: &Profile) -> Vec<u8> {
    pstats::pstats(p)
}

/// Collapsed stacks: one `frame;frame;frame weight` per line, the same
/// stacks the flamegraph of that weight draws (see `stacks` for the frames).
pub fn folded(p: &Profile, w: Weight) -> String {
    stacks::render(&stacks::folded(p, w))
}

/// speedscope's JSON file format.
pub fn speedscope(p: &Profile) -> String {
    speedscope::speedscope(p)
}

/// callgrind's text format, with per-line costs.
pub fn callgrind(p: &Profile) -> String {
    callgrind::callgrind(p)
}
