pub mod code;
pub mod disasm;
pub mod opcodes;
