//! The code view's listing: a compiled function's machine code interleaved
//! with the bytecode and the source lines it came from.

use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};
use profile::Compile;

use crate::model::Model;

#[derive(Debug, Clone, PartialEq)]
pub enum RowKind {
    /// A source line (`line` is its number).
    Source,
    /// A bytecode instruction.
    Bytecode,
    /// A machine instruction.
    Asm,
    /// A code generator note, shown as a comment.
    Note,
    /// Anything else (headers, "no compiled code").
    Info,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub kind: RowKind,
    /// Source line this row belongs to (0: none), for highlighting.
    pub line: u32,
    pub text: String,
}

pub struct Listing {
    pub function: u32,
    /// Index into `compiles` of the version shown.
    pub compile: Option<usize>,
    pub rows: Vec<Row>,
}

fn info(text: String) -> Row {
    Row {
        kind: RowKind::Info,
        line: 0,
        text,
    }
}

/// Compiles of `function`, oldest first (indexes into `compiles`).
pub fn compiles_of(m: &Model, function: u32) -> Vec<usize> {
    let mut v: Vec<usize> = (0..m.p.compiles.len())
        .filter(|&i| m.p.compiles[i].function == function)
        .collect();
    v.sort_by_key(|&i| (m.p.compiles[i].version, m.p.compiles[i].at_ns));
    v
}

/// The listing for `function`, of compile `which` (None: the latest).
pub fn listing(m: &Model, function: u32, which: Option<usize>) -> Listing {
    let name = m.fn_name(function);
    let all = compiles_of(m, function);
    let chosen = which
        .filter(|w| all.contains(w))
        .or_else(|| all.last().copied());
    let Some(ci) = chosen else {
        let why = match m.function(function).and_then(|f| f.jit.as_ref()) {
            None => "a built-in function".to_string(),
            Some(j) => match &j.reason {
                Some(r) => format!("{:?}: {r}", j.status).to_lowercase(),
                None => format!("{:?}", j.status).to_lowercase(),
            },
        };
        return Listing {
            function,
            compile: None,
            rows: vec![info(format!("{name}: no compiled code ({why})"))],
        };
    };
    let c = &m.p.compiles[ci];
    let mut rows = vec![info(format!(
        "{name}  version {} of {}  ({:?}{})  {} bytes at 0x{:x}",
        c.version,
        all.len(),
        c.trigger,
        c.reason
            .as_ref()
            .map(|r| format!(": {r}"))
            .unwrap_or_default(),
        c.code_bytes,
        c.code_address
    ))];
    let Some(code) = decode_hex(&c.code_hex) else {
        rows.push(info(
            "code_hex is not valid hex; nothing to disassemble".into(),
        ));
        return Listing {
            function,
            compile: Some(ci),
            rows,
        };
    };
    rows.extend(interleave(m, function, c, &code));
    Listing {
        function,
        compile: Some(ci),
        rows,
    }
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect()
}

/// One decoded instruction: offset in the code, its text.
fn disassemble(code: &[u8], address: u64) -> Vec<(u32, String)> {
    let mut formatter = IntelFormatter::new();
    formatter
        .options_mut()
        .set_space_after_operand_separator(true);
    let mut decoder = Decoder::with_ip(64, code, address, DecoderOptions::NONE);
    let mut instr = Instruction::default();
    let mut out = vec![];
    while decoder.can_decode() {
        decoder.decode_out(&mut instr);
        let offset = instr.ip().wrapping_sub(address) as u32;
        let start = offset as usize;
        let bytes: String = code
            .get(start..start + instr.len())
            .unwrap_or(&[])
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let mut text = String::new();
        if instr.is_invalid() {
            text.push_str("(bad)");
        } else {
            formatter.format(&instr, &mut text);
        }
        out.push((offset, format!("{:x}  {bytes:<20} {text}", instr.ip())));
    }
    out
}

/// Walk the bytecode in code order: each instruction's source line (when it
/// changes), the instruction, then the machine code from its offset up to
/// the next instruction's offset. Notes go before the instruction at their offset.
fn interleave(m: &Model, function: u32, c: &Compile, code: &[u8]) -> Vec<Row> {
    let f = m.function(function);
    let bytecode = f.map(|f| f.bytecode.as_slice()).unwrap_or(&[]);
    let file = f.and_then(|f| f.file);
    let source_line = |line: u32| -> String {
        file.and_then(|fl| m.sources.get(fl as usize))
            .and_then(|s| s.get((line as usize).wrapping_sub(1)))
            .map(|s| s.trim_end().to_string())
            .unwrap_or_default()
    };
    // (offset, index into bytecode), in code order; ties keep bytecode order,
    // so of two instructions at one offset the first emitted no code.
    let mut starts: Vec<(u32, usize)> = bytecode
        .iter()
        .enumerate()
        .filter_map(|(i, b)| c.pc_offsets.get(b.pc as usize).map(|&off| (off, i)))
        .collect();
    starts.sort();
    let asm = disassemble(code, c.code_address);
    let mut rows = vec![];
    let mut ai = 0; // next machine instruction to emit
    let emit_asm = |rows: &mut Vec<Row>, ai: &mut usize, until: u32, line: u32| {
        while let Some((off, text)) = asm.get(*ai) {
            if *off >= until {
                break;
            }
            for n in c.notes.iter().filter(|n| n.offset == *off) {
                rows.push(Row {
                    kind: RowKind::Note,
                    line,
                    text: format!("; {}", n.text),
                });
            }
            rows.push(Row {
                kind: RowKind::Asm,
                line,
                text: text.clone(),
            });
            *ai += 1;
        }
    };
    let first = starts.first().map(|s| s.0).unwrap_or(u32::MAX);
    if first > 0 && !asm.is_empty() {
        rows.push(info("prologue".into()));
        emit_asm(&mut rows, &mut ai, first, 0);
    }
    let mut last_line = 0;
    for (k, &(_, bi)) in starts.iter().enumerate() {
        let Some(b) = bytecode.get(bi) else { continue };
        if b.line != last_line {
            rows.push(Row {
                kind: RowKind::Source,
                line: b.line,
                text: format!("{:>5} │ {}", b.line, source_line(b.line)),
            });
            last_line = b.line;
        }
        rows.push(Row {
            kind: RowKind::Bytecode,
            line: b.line,
            text: format!("pc {:<4} {:<32} x{}", b.pc, b.text, b.exec_count),
        });
        let until = starts.get(k + 1).map(|s| s.0).unwrap_or(u32::MAX);
        emit_asm(&mut rows, &mut ai, until, b.line);
    }
    if ai < asm.len() {
        rows.push(info("code after the last bytecode instruction".into()));
        emit_asm(&mut rows, &mut ai, u32::MAX, 0);
    }
    rows
}
