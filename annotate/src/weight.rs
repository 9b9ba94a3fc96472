//! What a flamegraph or folded export measures.

/// The weight of each stack in a flamegraph or folded export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// CPU time: the profile's samples.
    Time,
    /// Heap allocations (bytes).
    Allocations,
    /// Bails from compiled code (counts).
    Bails,
    /// Time spent compiling (nanoseconds).
    Compile,
}
