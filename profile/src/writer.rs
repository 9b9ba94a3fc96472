//! The profile written as JSON text by hand, straight into the file.
//!
//! serde_json writes a struct a token at a time: every field name goes
//! through its string escaper and every token through the writer, some
//! thirty calls for a bytecode instruction's five fields. Here every type
//! of the schema is written with its field names as constants, integers
//! from a table of digit pairs (`itoa` past four digits), strings copied
//! whole when they need no escaping (nearly all),
//! and the machine code's hex, more than half of a profile, encoded from
//! the code's bytes into the output (see `save_with_code`).
//!
//! The text goes straight to the file through `Out`'s buffer of a fixed size.
//!
//! The derived `Serialize` of the schema is the specification: the text is
//! byte for byte what `serde_json::to_vec` gives (same field order,
//! integers in decimal, strings escaped as serde_json escapes them), which
//! the tests check. A field added to the schema and not here fails them.

use std::cell::Cell;
use std::io::{self, Write};

use crate::out::{string, Out};
use crate::schema::*;

/// What the writer makes as it writes, left out of the profile by its
/// builder: made into strings first, it was fresh memory to fault in and
/// to copy again (see `save_deferred`).
#[derive(Clone, Copy, Default)]
pub struct Deferred<'a> {
    /// The machine code of `compiles[i]`, encoded as its `code_hex` where
    /// given (its text otherwise).
    pub code: &'a [&'a [u8]],
    /// Where given, `text(f, pc, out)` appends the text of
    /// `functions[f].bytecode[pc]`, written instead of its `text`.
    pub text: Option<&'a dyn Fn(usize, usize, &mut String)>,
}

/// Write `p` as JSON to `w`, the compiles' `code_hex` from `code[i]` where
/// given (see `save_with_code`).
pub fn write(p: &Profile, code: &[&[u8]], w: &mut dyn Write) -> io::Result<()> {
    let d = Deferred { code, text: None };
    write_deferred(p, &d, w)
}

/// Write `p` as JSON to `w`, what `d` gives made as it is written.
pub fn write_deferred(p: &Profile, d: &Deferred, w: &mut dyn Write) -> io::Result<()> {
    let mut out = Out::to_writer(w);
    profile(&mut out, p, d);
    out.finish().map(drop)
}

/// The JSON text of `p`, in memory (for the tests, which compare it with
/// serde_json's).
#[cfg(test)]
pub fn to_vec(p: &Profile, code: &[&[u8]]) -> Vec<u8> {
    to_vec_deferred(p, &Deferred { code, text: None })
}

/// `to_vec`, what `d` gives made as it is written.
#[cfg(test)]
pub fn to_vec_deferred(p: &Profile, d: &Deferred) -> Vec<u8> {
    let mut out = Out::in_memory();
    profile(&mut out, p, d);
    out.finish().expect("in memory: no writer to fail")
}

/// A value written as JSON text.
pub trait Json {
    fn write(&self, out: &mut Out);
}

/// `{"k1":v1,"k2":v2,...}` with each value's `Json::write`: the field
/// names, with their quotes, colon and comma, are one constant each.
macro_rules! object {
    ($out:expr, $key:expr => $val:expr $(, $keys:expr => $vals:expr)* $(,)?) => {{
        let out: &mut Out = $out;
        out.bytes(concat!("{\"", $key, "\":").as_bytes());
        Json::write(&$val, out);
        $(
            out.bytes(concat!(",\"", $keys, "\":").as_bytes());
            Json::write(&$vals, out);
        )*
        out.push(b'}');
    }};
}

/// The profile, what `d` gives made as it is written.
fn profile(out: &mut Out, p: &Profile, d: &Deferred) {
    object!(out,
        "format" => p.format,
        "version" => p.version,
        "run" => p.run,
        "files" => p.files,
        "functions" => Functions(&p.functions, d.text),
        "lines" => p.lines,
        "type_sites" => p.type_sites,
        "bails" => p.bails,
        "allocations" => p.allocations,
        "compiles" => Compiles(&p.compiles, d.code),
        "samples" => p.samples,
        "summary" => p.summary,
    )
}

/// Makes the text of function `f`'s instruction `pc` (see `Deferred`).
type TextOf<'a> = &'a dyn Fn(usize, usize, &mut String);

/// The functions, their instructions' texts from `TextOf` where given.
struct Functions<'a>(&'a [Function], Option<TextOf<'a>>);

impl Json for Functions<'_> {
    fn write(&self, out: &mut Out) {
        let Some(text_of) = self.1 else {
            return self.0.write(out);
        };
        // One buffer for every text, each written out of it (in a `Cell`:
        // the writing closures are `Fn`).
        let buf = Cell::new(String::with_capacity(256));
        out.push(b'[');
        for (i, f) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let listing = Listing(&f.bytecode, &|pc, out: &mut Out| {
                let mut text = buf.take();
                text.clear();
                text_of(i, pc, &mut text);
                string(out, &text);
                buf.set(text);
            });
            function(out, f, &listing);
        }
        out.push(b']');
    }
}

impl Json for Function {
    fn write(&self, out: &mut Out) {
        function(out, self, &self.bytecode);
    }
}

impl Json for BytecodeInstr {
    fn write(&self, out: &mut Out) {
        instr(out, self, &self.text);
    }
}

/// A function, its `bytecode` written by `bytecode`.
fn function(out: &mut Out, f: &Function, bytecode: &dyn Json) {
    object!(out,
        "id" => f.id,
        "kind" => f.kind,
        "name" => f.name,
        "qualname" => f.qualname,
        "file" => f.file,
        "first_line" => f.first_line,
        "last_line" => f.last_line,
        "calls" => f.calls,
        "primitive_calls" => f.primitive_calls,
        "self_ns" => f.self_ns,
        "cumulative_ns" => f.cumulative_ns,
        "callers" => f.callers,
        "jit" => f.jit,
        "loops" => f.loops,
        "bytecode" => *bytecode,
    )
}

/// A function's instructions, the text of the one at `pc` written by
/// `text(pc, out)`.
struct Listing<'a, F: Fn(usize, &mut Out)>(&'a [BytecodeInstr], &'a F);

impl<F: Fn(usize, &mut Out)> Json for Listing<'_, F> {
    fn write(&self, out: &mut Out) {
        out.push(b'[');
        for (pc, b) in self.0.iter().enumerate() {
            if pc > 0 {
                out.push(b',');
            }
            instr(out, b, &Raw(|out: &mut Out| (self.1)(pc, out)));
        }
        out.push(b']');
    }
}

/// A bytecode instruction, its `text` written by `text`.
fn instr(out: &mut Out, b: &BytecodeInstr, text: &dyn Json) {
    object!(out,
        "pc" => b.pc,
        "line" => b.line,
        "col" => b.col,
        "text" => *text,
        "exec_count" => b.exec_count,
    );
}

/// A value written by a closure.
struct Raw<F: Fn(&mut Out)>(F);

impl<F: Fn(&mut Out)> Json for Raw<F> {
    fn write(&self, out: &mut Out) {
        (self.0)(out);
    }
}

/// The compiles, `code_hex` of the i-th from `code[i]` where given.
struct Compiles<'a>(&'a [Compile], &'a [&'a [u8]]);

impl Json for Compiles<'_> {
    fn write(&self, out: &mut Out) {
        out.push(b'[');
        for (i, c) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            compile(out, c, self.1.get(i).copied());
        }
        out.push(b']');
    }
}

/// A compile, its `code_hex` from `code` if given.
fn compile(out: &mut Out, c: &Compile, code: Option<&[u8]>) {
    object!(out,
        "function" => c.function,
        "version" => c.version,
        "trigger" => c.trigger,
        "reason" => c.reason,
        "at_ns" => c.at_ns,
        "compile_ns" => c.compile_ns,
        "code_bytes" => c.code_bytes,
        "metadata_bytes" => c.metadata_bytes,
        "peak_heap_bytes" => c.peak_heap_bytes,
        "bytecode_instrs" => c.bytecode_instrs,
        "code_address" => c.code_address,
        "code_hex" => CodeHex(&c.code_hex, code),
        "pc_offsets" => c.pc_offsets,
        "notes" => c.notes,
    )
}

/// A compile's `code_hex`: encoded from the code's bytes if given, else
/// the profile's text.
struct CodeHex<'a>(&'a str, Option<&'a [u8]>);

impl Json for CodeHex<'_> {
    fn write(&self, out: &mut Out) {
        match self.1 {
            Some(code) => out.hex_str(code),
            None => self.0.write(out),
        }
    }
}

impl Json for u64 {
    #[inline]
    fn write(&self, out: &mut Out) {
        out.num(*self);
    }
}

impl Json for u32 {
    #[inline]
    fn write(&self, out: &mut Out) {
        out.num(*self as u64);
    }
}

impl Json for i32 {
    fn write(&self, out: &mut Out) {
        out.bytes(itoa::Buffer::new().format(*self).as_bytes());
    }
}

impl Json for bool {
    fn write(&self, out: &mut Out) {
        out.bytes(if *self { b"true" } else { b"false" });
    }
}

impl Json for str {
    #[inline]
    fn write(&self, out: &mut Out) {
        string(out, self);
    }
}

impl Json for String {
    #[inline]
    fn write(&self, out: &mut Out) {
        string(out, self);
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, out: &mut Out) {
        match self {
            Some(v) => v.write(out),
            None => out.bytes(b"null"),
        }
    }
}

impl<T: Json> Json for [T] {
    fn write(&self, out: &mut Out) {
        out.push(b'[');
        for (i, it) in self.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            it.write(out);
        }
        out.push(b']');
    }
}

impl<T: Json> Json for Vec<T> {
    #[inline]
    fn write(&self, out: &mut Out) {
        self[..].write(out);
    }
}

/// Unit enums: their snake_case names, quoted (serde's `rename_all`).
macro_rules! names {
    ($($ty:ty { $($variant:ident => $name:literal),* $(,)? })*) => {$(
        impl Json for $ty {
            fn write(&self, out: &mut Out) {
                out.bytes(match self {
                    $(<$ty>::$variant => concat!("\"", $name, "\"").as_bytes(),)*
                });
            }
        }
    )*};
}

names! {
    Timing { Sampled => "sampled", Exact => "exact" }
    RunEnd {
        Normal => "normal",
        Exception => "exception",
        SysExit => "sys_exit",
        Interrupted => "interrupted",
    }
    FunctionKind { Python => "python", Builtin => "builtin" }
    JitStatus { Compiled => "compiled", Interpreted => "interpreted", Refused => "refused" }
    Tier {
        Interpreter => "interpreter",
        Jit => "jit",
        Runtime => "runtime",
        Collector => "collector",
        Compiler => "compiler",
    }
    CompileTrigger { Hot => "hot", Eager => "eager", Recompile => "recompile" }
}

/// Structs: `Type { field, field as "renamed", ... }`, the fields in the
/// schema's order (serde's, and so the file's).
macro_rules! objects {
    ($($ty:ty { $($field:ident $(as $name:literal)?),* $(,)? })*) => {$(
        impl Json for $ty {
            fn write(&self, out: &mut Out) {
                object!(out, $(key!($field $($name)?) => self.$field),*)
            }
        }
    )*};
}

/// A field's key: its name, or the name serde renames it to.
macro_rules! key {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident $name:literal) => {
        $name
    };
}

objects! {
    Run {
        program, argv, cwd, jitprof_version, jit_mode, jit_threshold, timing, started_unix_ms, end,
        exit_code, exception,
    }
    SourceFile { id, path, source }
    CallerEdge { caller, calls, primitive_calls, self_ns, cumulative_ns }
    FunctionJit { status, reason, hotness, compiles, recompiles }
    Loop { header_line, first_line, last_line, start_pc, end_pc, iterations }
    TierCounts { interpreter, jit, runtime, collector, compiler }
    Line { file, line, samples, samples_by_tier, exec_count }
    TypeSite { function, pc, line, col, op, operands }
    Operand { role, types, megamorphic }
    TypeCount { type_name as "type", count }
    StackFrame { function, line }
    Bail {
        function, pc, line, col, reason, description, expected, observed, count, first_stack,
        recompiled, cost_ns,
    }
    AllocSite { function, pc, line, type_name as "type", count, bytes, jit_count, jit_bytes }
    CodeNote { offset, text }
    Samples { rate_hz, interval_ns, total, stacks }
    SampleStack { frames, tier, count }
    Summary {
        wall_ns, tier_ns, peak_rss_bytes, heap_by_type, allocations, allocated_bytes,
        gc_collections, gc_ns, compiles, recompiles, compile_ns, jit_code_bytes, jit_metadata_bytes,
        exits_by_reason, bails, recorder_overhead_ns,
    }
    HeapType { type_name as "type", count, bytes }
    ReasonCount { reason, count }
}

impl Json for Compile {
    fn write(&self, out: &mut Out) {
        compile(out, self, None);
    }
}

#[cfg(test)]
mod tests;
