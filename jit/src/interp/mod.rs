//! interp
pub mod call;
pub mod exceptions;
pub mod exec;
pub mod frame;
pub mod ops;
pub mod protocol;
pub mod suggestions;
pub mod vm;
