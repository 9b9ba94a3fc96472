//! Folded stacks per weight, and the flamegraphs drawn from them.

use annotate::export;
use annotate::flame::{self, FlameOptions};
use annotate::weight::Weight;
use profile::fixture;
use profile::Profile;

/// (stack, count) per line, checking each line's shape on the way.
fn parse(text: &str) -> Vec<(Vec<String>, u64)> {
    text.lines()
        .map(|l| {
            let (stack, n) = l.rsplit_once(' ').expect("`stack count`");
            let frames: Vec<String> = stack.split(';').map(String::from).collect();
            assert!(frames.iter().all(|f| !f.is_empty()), "{l}");
            (frames, n.parse().expect("a count"))
        })
        .collect()
}

fn stack_total(p: &Profile) -> u64 {
    p.samples.stacks.iter().map(|s| s.count).sum()
}

fn total(text: &str) -> u64 {
    parse(text).iter().map(|(_, n)| n).sum()
}

#[test]
fn time_reproduces_the_sample_counts() {
    let p = fixture::example();
    let text = export::folded(&p, Weight::Time);
    // Every sample stack's count, exactly (the fixture's `samples.total`
    // is 10 while its stacks hold 11 samples, so sum the stacks).
    assert_eq!(total(&text), stack_total(&p));
    let lines = parse(&text);
    // Per tier, too: the leaf's suffix carries it.
    let jit: u64 = lines
        .iter()
        .filter(|(f, _)| f.last().unwrap().ends_with(" [jit]"))
        .map(|(_, n)| n)
        .sum();
    let want: u64 = p
        .samples
        .stacks
        .iter()
        .filter(|s| s.tier == profile::Tier::Jit)
        .map(|s| s.count)
        .sum();
    assert_eq!(jit, want);
    // Python frames name the function and where it is.
    assert!(
        lines.iter().all(|(f, _)| f[0] == "<module> (example.py:1)"),
        "{text}"
    );
    assert!(text.contains("fib (example.py:1) [interpreter]"), "{text}");
    assert!(text.contains(";print [runtime] 1\n"), "{text}");
}

#[test]
fn other_weights_sum_their_sources() {
    let p = fixture::example();
    let bytes: u64 = p.allocations.iter().map(|a| a.bytes).sum();
    let alloc = export::folded(&p, Weight::Allocations);
    assert_eq!(total(&alloc), bytes);
    assert!(
        alloc.contains("example.py;total (example.py:6);line 8: list_iterator [interpreter] 48"),
        "{alloc}"
    );

    let bails = export::folded(&p, Weight::Bails);
    assert_eq!(total(&bails), p.bails.iter().map(|b| b.count).sum::<u64>());
    assert!(bails.contains("bail: not_int_or_float (line 9)"), "{bails}");

    let compile = export::folded(&p, Weight::Compile);
    assert_eq!(
        total(&compile),
        p.compiles.iter().map(|c| c.compile_ns).sum::<u64>()
    );
    assert_eq!(parse(&compile).len(), p.compiles.len());
    assert!(parse(&compile)
        .iter()
        .all(|(f, _)| f[0] == "compiler" && f.len() == 3));
}

#[test]
fn stacks_with_the_same_frames_merge() {
    let mut p = fixture::example();
    // Same stack, other lines: frames use the def line, so they fold together.
    let mut s = p.samples.stacks[0].clone();
    s.frames[1].line = 3;
    s.count = 5;
    p.samples.stacks.push(s);
    let text = export::folded(&p, Weight::Time);
    assert_eq!(total(&text), stack_total(&p));
    assert!(
        text.contains("fib (example.py:1) [interpreter] 10\n"),
        "{text}"
    );
}

fn svg(p: &Profile, weight: Weight, inverted: bool) -> Result<String, String> {
    flame::svg(p, &FlameOptions { weight, inverted }).map(|b| String::from_utf8(b).expect("UTF-8"))
}

/// The fill colour of the frame whose tooltip starts with `name`.
fn fill(svg: &str, name: &str) -> (u8, u8, u8) {
    let at = svg.find(&format!("<title>{name} (")).expect("frame drawn");
    let rest = &svg[at..];
    let rgb = &rest[rest.find("fill=\"rgb(").expect("a fill") + 10..];
    let rgb = &rgb[..rgb.find(')').expect("rgb(...)")];
    let v: Vec<u8> = rgb
        .split(',')
        .map(|c| c.trim().parse().expect("a byte"))
        .collect();
    (v[0], v[1], v[2])
}

#[test]
fn flamegraph_names_the_program_functions_and_weight() {
    let p = fixture::example();
    let s = svg(&p, Weight::Time, false).unwrap();
    assert!(s.starts_with("<?xml") && s.trim_end().ends_with("</svg>"));
    assert!(s.contains("example.py: CPU time"));
    for name in [
        "fib (example.py:1)",
        "total (example.py:6)",
        "&lt;module&gt; (example.py:1)",
    ] {
        assert!(s.contains(name), "{name} missing");
    }
    assert!(s.contains("samples of 1 ms"));
    // Tier colours: JIT leaves green, interpreter leaves orange, the
    // builtin (runtime) blue.
    let (r, g, _) = fill(&s, "fib (example.py:1) [jit]");
    assert!(g > r + 50, "jit frame not green");
    let (r, g, b) = fill(&s, "fib (example.py:1) [interpreter]");
    assert!(r > g + 50 && r > b + 50, "interpreter frame not orange");
    let (r, _, b) = fill(&s, "print [runtime]");
    assert!(b > r + 50, "runtime frame not blue");

    let inverted = svg(&p, Weight::Time, true).unwrap();
    assert_ne!(s, inverted);
    assert!(inverted.contains("example.py: CPU time"));

    let a = svg(&p, Weight::Allocations, false).unwrap();
    assert!(a.contains("Allocated bytes") && a.contains("line 13: list"));
    assert!(svg(&p, Weight::Compile, false)
        .unwrap()
        .contains("Compile time"));
    assert!(svg(&p, Weight::Bails, false)
        .unwrap()
        .contains("not_int_or_float"));
}

#[test]
fn flamegraph_of_nothing_is_an_error() {
    let mut p = fixture::example();
    p.samples.stacks.clear();
    p.samples.total = 0;
    let e = svg(&p, Weight::Time, false).unwrap_err();
    assert!(
        e.contains("no samples") && e.contains("--sample-rate"),
        "{e}"
    );
    p.compiles.clear();
    assert!(svg(&p, Weight::Compile, false).is_err());
    assert_eq!(export::folded(&p, Weight::Time), "");
}
