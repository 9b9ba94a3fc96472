//! Flamegraphs drawn with inferno, from the same folded stacks
//! `export --format folded` writes (see `export::stacks` for the frames).
//!
//! Colours say which tier ran: the leaf frames carry a ` [tier]` suffix and
//! every distinct frame name gets its colour up front through inferno's
//! palette map (callers, which have no tier, get a neutral sand colour).

use crate::export::stacks::{self, frame_tier};
use crate::weight::Weight;
use inferno::flamegraph::color::{BackgroundColor, Color, PaletteMap};
use inferno::flamegraph::{self, Direction, Options};
use profile::{Profile, Tier};

#[derive(Clone, Debug)]
pub struct FlameOptions {
    pub weight: Weight,
    /// An icicle graph: drawn top-down, and with the stacks reversed, so
    /// the innermost frames are merged at the top (where time ends up).
    pub inverted: bool,
}

/// The flamegraph as an SVG document.
pub fn svg(p: &Profile, o: &FlameOptions) -> Result<Vec<u8>, String> {
    let folded = stacks::folded(p, o.weight);
    if folded.is_empty() {
        return Err(empty_message(o.weight).to_string());
    }
    let text = stacks::render(&folded);

    let mut palette = PaletteMap::default();
    // inferno names the root frame ("all") with the empty string.
    palette.insert("", colour(""));
    for stack in folded.keys() {
        for frame in stack.split(';') {
            palette.insert(frame, colour(frame));
        }
    }
    let mut opts = Options::default();
    opts.title = format!("{}: {}", p.run.program, title(o.weight));
    opts.subtitle = Some(subtitle(p, o.weight, folded.values().sum()));
    opts.count_name = count_name(p, o.weight);
    opts.name_type = "Frame:".into();
    opts.bgcolors = Some(BackgroundColor::Grey);
    opts.palette_map = Some(&mut palette);
    if o.inverted {
        opts.direction = Direction::Inverted;
        opts.reverse_stack_order = true;
    }
    let mut out = Vec::new();
    flamegraph::from_lines(&mut opts, text.lines(), &mut out)
        .map_err(|e| format!("cannot draw the flamegraph: {e}"))?;
    Ok(out)
}

fn empty_message(w: Weight) -> &'static str {
    match w {
        Weight::Time => "the profile has no samples; was the run too short? raise --sample-rate",
        Weight::Allocations => "the profile has no allocations to draw",
        Weight::Bails => {
            "the profile has no bails: compiled code never fell back to the interpreter"
        }
        Weight::Compile => {
            "the profile has no compiles: the JIT compiled nothing (off, or the run too short?)"
        }
    }
}

fn title(w: Weight) -> &'static str {
    match w {
        Weight::Time => "CPU time",
        Weight::Allocations => "Allocated bytes",
        Weight::Bails => "Bails from compiled code",
        Weight::Compile => "Compile time",
    }
}

/// What one unit of width is, shown in every frame's tooltip.
fn count_name(p: &Profile, w: Weight) -> String {
    match w {
        Weight::Time => format!("samples of {}", duration(p.samples.interval_ns)),
        Weight::Allocations => "bytes".into(),
        Weight::Bails => "bails".into(),
        Weight::Compile => "ns compiling".into(),
    }
}

fn subtitle(p: &Profile, w: Weight, total: u64) -> String {
    let legend = "orange: interpreter, green: JIT code, blue: runtime, purple: collector, \
                  yellow: compiler";
    match w {
        Weight::Time => format!("{total} samples at {} Hz; {legend}", p.samples.rate_hz),
        Weight::Allocations => {
            format!("allocation sites (no call stacks): file, function, line; {legend}")
        }
        _ => legend.to_string(),
    }
}

fn duration(ns: u64) -> String {
    if ns >= 1_000_000 && ns.is_multiple_of(1_000_000) {
        format!("{} ms", ns / 1_000_000)
    } else if ns >= 1_000 && ns.is_multiple_of(1_000) {
        format!("{} µs", ns / 1_000)
    } else {
        format!("{ns} ns")
    }
}

/// The tier's colour, varied a little per name so neighbouring frames of
/// one tier stay distinguishable.
fn colour(frame: &str) -> Color {
    let (r, g, b) = match frame_tier(frame) {
        Some(Tier::Interpreter) => (235, 125, 55),
        Some(Tier::Jit) => (85, 185, 85),
        Some(Tier::Runtime) => (85, 150, 225),
        Some(Tier::Collector) => (170, 110, 205),
        Some(Tier::Compiler) => (225, 195, 50),
        None => (215, 200, 165),
    };
    // FNV-1a: stable across runs, unlike std's RandomState.
    let h = frame.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, c| {
        (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
    });
    let jitter = |c: u8, shift: u32| -> u8 {
        let d = ((h >> shift) & 0x1f) as i16 - 16;
        (i16::from(c) + d).clamp(0, 255) as u8
    };
    Color {
        r: jitter(r, 0),
        g: jitter(g, 8),
        b: jitter(b, 16),
    }
}
