//! Everything jitprof makes from a recorded profile: the annotated listing
//! (`jitprof annotate`), the end-of-run summary, flamegraphs and the exports
//! other tools read (pstats, folded stacks, speedscope, callgrind).

pub mod export;
pub mod flame;
pub mod listing;
pub mod summary;
pub mod weight;
