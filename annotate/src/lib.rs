//! Everything jitprof makes from a recorded profile: the annotated listing
//! (`jitprof annotate`), the end-of-run summary, flamegraphs and the exports
//! other tools read (pstats, folded stacks, speedscope, callgrind).

pub mod color;
pub mod export;
pub mod flame;
pub mod lines;
pub mod listing;
pub mod source;
pub mod summary;
pub mod units;
pub mod weight;
