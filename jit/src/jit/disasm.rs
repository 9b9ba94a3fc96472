//! Disassembly listing for JIT-compiled code.
//!
//! A pure formatter: it takes the bytes the JIT emitted, the address they ran
//! at, and annotations recorded during compilation (which bytecode instruction
//! each stretch of code implements, source lines, guard and bail-stub comments,
//! section headers), and renders a listing a person can read next to the
//! bytecode. It never executes or patches code and has no JIT state of its own,
//! so it can be used on a live code buffer or on bytes saved in a profile.
//!
//! Decoding uses iced-x86 (64-bit mode, Intel syntax). Branch targets inside
//! the listed code print as offsets (`+0x1c`) so they match the offset column;
//! calls to known runtime helpers are named in a trailing `; -> name` comment.

use iced_x86::{
    Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter, OpKind, SymbolResolver,
    SymbolResult,
};
use std::fmt::Write;

/// An annotation attached to a byte offset of the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Start of the code for one bytecode instruction: its index, source line, and the instruction's text (e.g. "Add r3, r1, r2").
    Bytecode { pc: u32, line: u32, text: String },
    /// A source line's text, printed once when the line changes (the caller passes it).
    Source { line: u32, text: String },
    /// A free comment at this offset (e.g. "guard: r1 is int", "bail stub: int overflow at pc 12").
    Comment(String),
    /// A section header (e.g. "slow paths and bail stubs").
    Section(String),
}

/// Machine code plus everything needed to print it.
pub struct Listing<'a> {
    pub code: &'a [u8],
    /// Address of code[0] when it ran (used for absolute branch targets in the text).
    pub base: u64,
    /// (byte offset, note), sorted by offset; several notes may share an offset and print in order.
    pub notes: &'a [(u32, Note)],
    /// Known call targets: (absolute address, name), e.g. runtime helpers. A call/jmp to one prints "; -> name".
    pub symbols: &'a [(u64, String)],
}

const DIM: &str = "\x1b[2m";
const NOTE: &str = "\x1b[36m";
const SECTION: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";
/// Raw bytes shown per instruction; longer ones are cut with "..". Ten keeps
/// the mnemonic column fixed while covering almost every instruction the JIT
/// emits (`mov r64, imm64` is the usual long one, at ten bytes).
const MAX_BYTES: usize = 10;

/// Decodes one instruction at `off`. Returns `None` for bytes that do not
/// decode (invalid or truncated); the caller then treats one byte as `(bad)`
/// and resynchronises at the next byte, so one bad byte (e.g. data or a
/// half-patched site) does not hide the rest of the listing.
fn decode_at(code: &[u8], base: u64, off: usize) -> Option<Instruction> {
    let ip = base.wrapping_add(off as u64);
    let mut decoder = Decoder::with_ip(64, &code[off..], ip, DecoderOptions::NONE);
    let mut ins = Instruction::default();
    decoder.decode_out(&mut ins);
    (!ins.is_invalid()).then_some(ins)
}

/// Number of machine instructions in `code`, counting each undecodable byte
/// as one `(bad)` instruction, exactly as `Listing::render` prints them.
pub fn instruction_count(code: &[u8], base: u64) -> usize {
    let (mut off, mut n) = (0, 0);
    while off < code.len() {
        off += decode_at(code, base, off).map_or(1, |i| i.len());
        n += 1;
    }
    n
}

/// Direct call/jmp/jcc/loop target operand (the only kinds with a code address).
fn is_near_branch(kind: OpKind) -> bool {
    matches!(
        kind,
        OpKind::NearBranch16 | OpKind::NearBranch32 | OpKind::NearBranch64
    )
}

/// Names branch targets that fall inside the listed code as `+0x..` offsets.
/// Only near-branch operands are resolved: an immediate or displacement that
/// happens to equal an in-range address is data, not a label.
struct OffsetResolver {
    base: u64,
    len: u64,
}

impl SymbolResolver for OffsetResolver {
    fn symbol(
        &mut self,
        instruction: &Instruction,
        _operand: u32,
        instruction_operand: Option<u32>,
        address: u64,
        _address_size: u32,
    ) -> Option<SymbolResult<'_>> {
        let kind = instruction.op_kind(instruction_operand?);
        let branch = is_near_branch(kind);
        let off = address.wrapping_sub(self.base);
        (branch && off < self.len)
            .then(|| SymbolResult::with_string(address, format!("+0x{off:04x}")))
    }
}

fn formatter(base: u64, len: usize) -> IntelFormatter {
    let resolver = OffsetResolver {
        base,
        len: len as u64,
    };
    let mut f = IntelFormatter::with_options(Some(Box::new(resolver)), None);
    let o = f.options_mut();
    // One hex style throughout, matching the "+0x.." offsets.
    o.set_hex_prefix("0x");
    o.set_hex_suffix("");
    o.set_uppercase_hex(false);
    o.set_show_branch_size(false);
    o.set_branch_leading_zeros(false);
    f
}

impl Listing<'_> {
    /// Name of a known symbol this instruction calls or jumps to. Also matches
    /// a 64-bit immediate, because the JIT reaches far helpers with
    /// `mov rax, imm64; call rax` and the name belongs on the `mov`.
    fn symbol_for(&self, ins: &Instruction) -> Option<&str> {
        let kinds = || (0..ins.op_count()).map(|i| ins.op_kind(i));
        let target = if kinds().any(is_near_branch) {
            ins.near_branch_target()
        } else if kinds().any(|k| k == OpKind::Immediate64) {
            ins.immediate64()
        } else {
            return None;
        };
        self.symbols
            .iter()
            .find(|(a, _)| *a == target)
            .map(|(_, n)| n.as_str())
    }

    fn note(&self, out: &mut String, note: &Note, color: bool) {
        let (c, r) = if color { (NOTE, RESET) } else { ("", "") };
        let _ = match note {
            Note::Bytecode { pc, line, text } => {
                writeln!(out, "{c}  ; pc {pc}  line {line}  {text}{r}")
            }
            Note::Source { line, text } => writeln!(out, "{c}; {line} | {text}{r}"),
            Note::Comment(text) => writeln!(out, "{c}      ; {text}{r}"),
            Note::Section(text) => {
                let (c, r) = if color { (SECTION, RESET) } else { ("", "") };
                writeln!(out, "{c}; ---- {text} ----{r}")
            }
        };
    }

    /// Render: one line per machine instruction as "  +0x001c  48 8b 43 08           mov rax,[rbx+8]" (offset relative to base, up to 10 raw bytes hex, Intel syntax), with notes printed on their own lines before the instruction at their offset (Bytecode as "  ; pc 12  line 7  Add r3, r1, r2", Source as "; 7 | <text>", Comment as "      ; <text>", Section as "; ---- <text> ----"). Branch targets inside the code print as "+0x...". Undecodable bytes print as "(bad)" and decoding continues.
    ///
    /// A note whose offset falls inside an instruction prints before the next
    /// instruction; notes at or past the end of the code print last.
    pub fn render(&self, color: bool) -> String {
        let (code, base) = (self.code, self.base);
        let mut fmt = formatter(base, code.len());
        let mut out = String::new();
        let mut notes = self.notes.iter().peekable();
        let mut off = 0usize;
        while off < code.len() {
            while let Some((_, n)) = notes.next_if(|(at, _)| *at as usize <= off) {
                self.note(&mut out, n, color);
            }
            let ins = decode_at(code, base, off);
            let len = ins.map_or(1, |i| i.len());
            let bytes = &code[off..off + len];
            let mut hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
            if hex.len() > MAX_BYTES {
                hex.truncate(MAX_BYTES - 1);
                hex.push("..".into());
            }
            let mut text = String::new();
            match &ins {
                Some(i) => {
                    fmt.format(i, &mut text);
                    if let Some(name) = self.symbol_for(i) {
                        let _ = write!(text, "  ; -> {name}");
                    }
                }
                None => text.push_str("(bad)"),
            }
            let (d, r) = if color { (DIM, RESET) } else { ("", "") };
            let width = MAX_BYTES * 3 - 1;
            let _ = writeln!(
                out,
                "  +0x{off:04x}  {d}{:<width$}{r}  {text}",
                hex.join(" ")
            );
            off += len;
        }
        for (_, n) in notes {
            self.note(&mut out, n, color);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: u64 = 0x7f00_0000_1000;

    fn render(code: &[u8], notes: &[(u32, Note)], syms: &[(u64, String)], color: bool) -> String {
        let l = Listing {
            code,
            base: BASE,
            notes,
            symbols: syms,
        };
        l.render(color)
    }

    /// Instruction text of each listing line (after the byte column).
    fn texts(listing: &str) -> Vec<String> {
        let col = "  +0x0000  ".len() + MAX_BYTES * 3 - 1 + 2;
        let ins = listing.lines().filter(|l| l.starts_with("  +0x"));
        ins.map(|l| l[col..].to_string()).collect()
    }

    #[test]
    fn instruction_text_and_columns() {
        // add rax,rbx; mov rax,[rbx+8]; mov qword [rax+0x12345678],0x7fffffff (11 bytes); ret
        let code = [
            0x48, 0x01, 0xd8, 0x48, 0x8b, 0x43, 0x08, //
            0x48, 0xc7, 0x80, 0x78, 0x56, 0x34, 0x12, 0xff, 0xff, 0xff, 0x7f, 0xc3,
        ];
        let out = render(&code, &[], &[], false);
        let t = texts(&out);
        assert_eq!(t[0], "add rax,rbx");
        assert_eq!(t[1], "mov rax,[rbx+8]");
        assert_eq!(t[3], "ret");
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("  +0x0000  48 01 d8   "));
        assert!(lines[1].starts_with("  +0x0003  48 8b 43 08 "));
        // Longer than MAX_BYTES: cut with "..", the text column stays put.
        assert!(lines[2].starts_with("  +0x0007  48 c7 80 78 56 34 12 ff ff ..  mov"));
        assert_eq!(instruction_count(&code, BASE), 4);
    }

    #[test]
    fn notes_placed_in_order_before_their_instruction() {
        let code = [0x48, 0x01, 0xd8, 0xc3];
        let notes = [
            (0, Note::Section("body".into())),
            (
                0,
                Note::Source {
                    line: 7,
                    text: "x = a + b".into(),
                },
            ),
            (
                0,
                Note::Bytecode {
                    pc: 12,
                    line: 7,
                    text: "Add r3, r1, r2".into(),
                },
            ),
            (1, Note::Comment("mid-instruction".into())),
            (3, Note::Comment("return".into())),
            (4, Note::Comment("end".into())),
        ];
        let out = render(&code, &notes, &[], false);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "; ---- body ----");
        assert_eq!(lines[1], "; 7 | x = a + b");
        assert_eq!(lines[2], "  ; pc 12  line 7  Add r3, r1, r2");
        assert!(lines[3].starts_with("  +0x0000"));
        assert_eq!(lines[4..6], ["      ; mid-instruction", "      ; return"]);
        assert!(lines[6].starts_with("  +0x0003") && lines[6].ends_with("ret"));
        assert_eq!(lines[7..], ["      ; end"]);
    }

    #[test]
    fn branch_targets_inside_code_are_offsets() {
        // +0: jo +0x0c (rel32 = 6); +6: jmp +0 (rel8 = -8); +8: 4 nops; +0xc: ret
        let code = [
            0x0f, 0x80, 6, 0, 0, 0, 0xeb, 0xf8, 0x90, 0x90, 0x90, 0x90, 0xc3,
        ];
        let t = texts(&render(&code, &[], &[], false));
        assert_eq!(t[0..2], ["jo +0x000c", "jmp +0x0000"]);
    }

    #[test]
    fn outside_targets_are_absolute_and_symbols_named() {
        // call rel32 -> BASE+0x1000 (helper); jmp rel32 -> BASE+0x2000 (unknown);
        // mov rax,imm64 (helper address); call rax
        let helper = 0x5555_1234_5678u64;
        let mut code = vec![0xe8, 0xfb, 0x0f, 0, 0, 0xe9, 0xf6, 0x1f, 0, 0, 0x48, 0xb8];
        code.extend_from_slice(&helper.to_le_bytes());
        code.extend_from_slice(&[0xff, 0xd0]);
        let syms = [
            (BASE + 0x1000, "rt_bail".to_string()),
            (helper, "rt_print".to_string()),
        ];
        let t = texts(&render(&code, &[], &syms, false));
        assert_eq!(t[0], format!("call 0x{:x}  ; -> rt_bail", BASE + 0x1000));
        assert_eq!(t[1], format!("jmp 0x{:x}", BASE + 0x2000));
        assert_eq!(t[2], format!("mov rax,0x{helper:x}  ; -> rt_print"));
        assert_eq!(t[3], "call rax");
    }

    #[test]
    fn bad_bytes_print_and_decoding_continues() {
        // 0x06 (push es) is invalid in 64-bit mode; a trailing 0x48 is a truncated prefix.
        let code = [0x06, 0x48, 0x01, 0xd8, 0x06, 0xc3, 0x48];
        let out = render(&code, &[], &[], false);
        assert_eq!(
            texts(&out),
            ["(bad)", "add rax,rbx", "(bad)", "ret", "(bad)"]
        );
        assert!(out.lines().nth(2).unwrap().starts_with("  +0x0004  06 "));
        assert_eq!(instruction_count(&code, BASE), 5);
    }

    #[test]
    fn color_only_when_asked() {
        let code = [0x48, 0x01, 0xd8, 0xc3];
        let notes = [
            (0, Note::Section("s".into())),
            (0, Note::Comment("c".into())),
        ];
        assert!(!render(&code, &notes, &[], false).contains('\x1b'));
        let colored = render(&code, &notes, &[], true);
        assert!(colored.contains(&format!("{SECTION}; ---- s ----{RESET}")));
        assert!(colored.contains(&format!("{NOTE}      ; c{RESET}")));
        assert!(colored.contains(&format!("{DIM}48 01 d8")));
    }
}
