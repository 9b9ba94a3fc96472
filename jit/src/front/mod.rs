//! The front end: parse with ruff_python_parser, analyse scopes, and generate
//! register bytecode.
pub mod compiler;
pub mod mangle;
pub mod scope;

use ruff_python_ast::PythonVersion;
use ruff_python_parser::{Mode, ParseOptions};

use crate::bytecode::code::SourceFile;

/// A compile-time error: a syntax error, or a construct outside the supported
/// subset. `offset` is a byte offset into the source.
#[derive(Debug)]
pub struct CompileError {
    pub unsupported: bool,
    pub msg: String,
    pub offset: u32,
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, offset: u32) -> Self {
        CompileError {
            unsupported: false,
            msg: msg.into(),
            offset,
        }
    }
    pub fn unsupported(msg: impl Into<String>, offset: u32) -> Self {
        CompileError {
            unsupported: true,
            msg: msg.into(),
            offset,
        }
    }
    /// `file:line:col: SyntaxError: msg` / `file:line:col: unsupported: what`.
    pub fn render(&self, src: &SourceFile) -> String {
        let (line, col) = src.line_col(self.offset);
        let kind = if self.unsupported {
            "unsupported"
        } else {
            "SyntaxError"
        };
        format!("{}:{}:{}: {}: {}", src.path, line, col, kind, self.msg)
    }
}

/// Parse a module as Python 3.11 (later syntax is reported as a syntax error).
pub fn parse(src: &SourceFile) -> Result<ruff_python_ast::ModModule, CompileError> {
    let opts = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse(&src.text, opts)
        .map_err(|e| CompileError::syntax(e.error.to_string(), e.location.start().to_u32()))?;
    if let Some(e) = parsed.unsupported_syntax_errors().first() {
        return Err(CompileError::syntax(
            e.to_string(),
            e.range.start().to_u32(),
        ));
    }
    match parsed.into_syntax() {
        ruff_python_ast::Mod::Module(m) => Ok(m),
        ruff_python_ast::Mod::Expression(e) => Err(CompileError::syntax(
            "expected a module",
            e.range.start().to_u32(),
        )),
    }
}
