//! interp
pub mod attr_cache;
pub mod bind_fast;
pub mod call;
pub mod carets;
pub mod classes;
pub mod dunder;
pub mod exceptions;
pub mod exec;
pub mod frame;
pub mod import;
pub mod ops;
pub mod protocol;
pub mod recording;
pub mod slices;
pub mod suggestions;
pub mod vm;
pub mod wide_chars;
