//! jitprof's runtime: the front end (parser to register bytecode), the
//! interpreter, the heap and the built-in library.
pub mod builtins;
pub mod bytecode;
pub mod format;
pub mod front;
pub mod interp;
pub mod jit;
pub mod recorder;
pub mod runtime;
