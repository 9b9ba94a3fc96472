//! Annotated listings, flamegraphs and exports (grows with the recorder issue).
