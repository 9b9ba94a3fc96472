pub mod code;
pub mod opcodes;
pub mod disasm;
