//! Tests of the listing on the fixture profile and on broken copies of it.

use super::*;
use profile::{fixture, AllocSite, Function, SourceFile};
use serde_json::Value;

fn opts() -> ListingOptions {
    ListingOptions {
        context: 2,
        ..Default::default()
    }
}

fn text(p: &Profile, o: &ListingOptions) -> String {
    render(p, o).unwrap()
}

/// The row of the source line ending with `src` (not a `^` note under it).
fn row<'a>(out: &'a str, src: &str) -> &'a str {
    out.lines()
        .find(|l| l.ends_with(src) && !l.contains('^'))
        .unwrap_or_else(|| panic!("no row for {src:?} in\n{out}"))
}

/// The `^` notes printed under the row of `src`.
fn notes<'a>(out: &'a str, src: &str) -> Vec<&'a str> {
    let r = row(out, src);
    out.lines()
        .skip_while(|l| *l != r)
        .skip(1)
        .take_while(|l| l.trim_start().starts_with('^'))
        .map(|l| l.trim())
        .collect()
}

fn json_line(v: &Value, line: u64) -> &Value {
    v.as_array()
        .unwrap()
        .iter()
        .find(|o| o["line"] == line)
        .unwrap()
}

/// The fixture with line 2 far hotter than the rest.
fn one_hot_line() -> Profile {
    let mut p = fixture::example();
    p.lines[0].samples = 100;
    p.lines[0].samples_by_tier.interpreter = 99;
    p
}

#[test]
fn gutter_shows_share_samples_and_executions() {
    let out = text(&fixture::example(), &opts());
    // 3 of the 11 samples the lines hold.
    let r = row(&out, "        s = s + x");
    assert!(r.starts_with("27.3%       3   300 !   9  "), "{r}");
    assert!(
        row(&out, "    for x in xs:").starts_with(" 9.1%       1   301     8"),
        "{out}"
    );
    // Never ran, never sampled: blank cells.
    assert_eq!(row(&out, "    s = 0").trim_start(), "7      s = 0");
    assert!(
        row(&out, "print(total([1, 2, 3.5] * 100))")
            .trim_start()
            .starts_with("1    13"),
        "{out}"
    );
    assert!(
        out.lines()
            .next()
            .unwrap()
            .contains("example.py ran 12.0ms, 11 samples"),
        "{out}"
    );
}

#[test]
fn sampled_function_times_say_so_in_the_title_and_headers() {
    let exact = text(&fixture::example(), &opts());
    assert!(!exact.contains("from the samples"), "{exact}");
    let mut p = fixture::example();
    p.run.timing = profile::Timing::Sampled;
    let out = text(&p, &opts());
    let title = out.lines().next().unwrap();
    assert!(
        title.ends_with("JIT auto, function times from the samples"),
        "{title}"
    );
    let fib = out
        .lines()
        .find(|l| l.contains("[fib]"))
        .unwrap_or_else(|| panic!("no header for fib in\n{out}"));
    assert!(fib.contains("cumulative 6.00ms (from "), "{fib}");
    assert!(fib.contains(" samples); JIT"), "{fib}");
}

#[test]
fn types_bails_and_allocations_go_under_their_line() {
    let out = text(&fixture::example(), &opts());
    assert_eq!(
        notes(&out, "    if n < 2:"),
        [
            "^ time  interpreter 67%, jit 33%",
            "^ types <: left int 177; right int 177"
        ]
    );
    assert_eq!(
        notes(&out, "        s = s + x"),
        [
            "^ time  jit 67%, interpreter 33%",
            "^ types +: left int 200, float 100; right int 200, float 100",
            "^ bail  100x not_int_or_float: expected int + int, observed int + float (100); \
             cost 150us, recompiled",
        ]
    );
    assert_eq!(
        notes(&out, "print(total([1, 2, 3.5] * 100))"),
        ["^ alloc 2x list, 4.80 KiB"]
    );
    assert_eq!(
        notes(&out, "    for x in xs:"),
        ["^ time  jit 100%", "^ alloc 1x list_iterator, 48 B"]
    );
    assert_eq!(
        notes(&out, "    return fib(n - 1) + fib(n - 2)"),
        ["^ time  interpreter 100%"]
    );
    // Only the bail's line is marked.
    let marked: Vec<&str> = out.lines().skip(3).filter(|l| l.contains('!')).collect();
    assert_eq!(marked, [row(&out, "        s = s + x")]);
}

/// A line with 1% or more of the samples says which tiers ran it, most
/// first; one with less says nothing (a note under every line a sample
/// touched once would bury the others).
#[test]
fn a_lines_time_is_split_by_tier_under_it() {
    let mut p = fixture::example();
    let l9 = p.lines.iter_mut().find(|l| l.line == 9).unwrap();
    l9.samples = 1_000;
    l9.samples_by_tier = profile::TierCounts {
        interpreter: 0,
        jit: 250,
        runtime: 700,
        collector: 50,
        compiler: 0,
    };
    let out = text(&p, &opts());
    assert_eq!(
        notes(&out, "        s = s + x")[0],
        "^ time  runtime 70%, jit 25%, collector 5%"
    );
    // Line 12 now holds 1 of 1008 samples: under 1%. (Without line 9's
    // thousand, its 1 of 11 says `runtime 100%`.)
    assert!(notes(&out, "print(fib(10))").is_empty(), "{out}");
    assert_eq!(
        notes(&text(&fixture::example(), &opts()), "print(fib(10))"),
        ["^ time  runtime 100%"]
    );
}

#[test]
fn allocation_in_a_hot_loop_is_marked_with_its_jit_part() {
    let mut p = fixture::example();
    p.bails.clear();
    p.allocations.push(AllocSite {
        function: Some(fixture::TOTAL),
        pc: 3,
        line: 9,
        type_name: "float".into(),
        count: 100,
        bytes: 2_400,
        jit_count: 60,
        jit_bytes: 1_440,
    });
    let out = text(&p, &opts());
    assert!(row(&out, "        s = s + x").contains(" !   9"), "{out}");
    assert!(notes(&out, "        s = s + x")
        .contains(&"^ alloc 100x float, 2.34 KiB (compiled code: 60x, 1.41 KiB), in a hot loop"));
}

#[test]
fn megamorphic_sites_are_marked() {
    let mut p = fixture::example();
    p.type_sites[0].operands[0].megamorphic = true;
    let out = text(&p, &opts());
    assert!(row(&out, "    if n < 2:").contains(" !   2"), "{out}");
    assert!(
        notes(&out, "    if n < 2:")[1].contains("left int 177, ... (megamorphic)"),
        "{out}"
    );
    let v = render_json(&p, &opts()).unwrap();
    assert_eq!(json_line(&v, 2)["types"][0]["megamorphic"], true);
    assert_eq!(json_line(&v, 2)["marked"], true);
}

#[test]
fn function_headers_precede_their_def() {
    let out = text(&fixture::example(), &opts());
    let lines: Vec<&str> = out.lines().collect();
    let def_total = lines
        .iter()
        .position(|l| l.ends_with("def total(xs):"))
        .unwrap();
    assert!(
        lines[def_total - 1]
            .trim_start()
            .starts_with("[total] 1 call, self 4.00ms"),
        "{out}"
    );
    let def_fib = lines
        .iter()
        .position(|l| l.ends_with("def fib(n):"))
        .unwrap();
    // The module and fib both start on line 1: the module's header first.
    assert!(
        lines[def_fib - 2]
            .trim_start()
            .starts_with("[<module>] 1 call"),
        "{out}"
    );
    assert!(
        lines[def_fib - 1]
            .trim_start()
            .starts_with("[fib] 177 calls (1 primitive)"),
        "{out}"
    );
    assert!(lines[def_fib - 1].contains("JIT: compiled at 2.00ms, 12 B code, 40.0us compiling"));
}

#[test]
fn nested_functions_get_indented_headers() {
    let mut p = fixture::example();
    p.files[0].source =
        "def outer(n):\n    def inner(x):\n        return x + 1\n    return inner(n)\n\nprint(outer(1))\n".into();
    p.functions[0].last_line = 6;
    let f = &mut p.functions[1];
    (f.name, f.qualname, f.first_line, f.last_line) = ("outer".into(), "outer".into(), 1, 4);
    let f = &mut p.functions[2];
    (f.name, f.qualname, f.first_line, f.last_line) =
        ("inner".into(), "outer.<locals>.inner".into(), 2, 3);
    f.loops.clear();
    p.lines.retain(|l| l.line <= 6);
    let out = text(&p, &opts());
    let lines: Vec<&str> = out.lines().collect();
    let def_inner = lines
        .iter()
        .position(|l| l.ends_with("    def inner(x):"))
        .unwrap();
    let h = lines[def_inner - 1];
    assert!(
        h.trim_start().starts_with("[outer.<locals>.inner]"),
        "{out}"
    );
    let outer_h = lines
        .iter()
        .find(|l| l.trim_start().starts_with("[outer]"))
        .unwrap();
    let indent = |s: &str| s.len() - s.trim_start().len();
    assert_eq!(indent(h), indent(outer_h) + 4, "{out}");
    // --function inner: its own header, not outer's or the module's.
    let o = ListingOptions {
        function: Some("outer.<locals>.inner".into()),
        ..opts()
    };
    let out = text(&p, &o);
    assert!(
        out.contains("[outer.<locals>.inner]") && !out.contains("[outer]"),
        "{out}"
    );
    assert!(
        !out.contains("[<module>]") && !out.contains("return inner(n)"),
        "{out}"
    );
}

#[test]
fn function_option_shows_one_function() {
    let p = fixture::example();
    let o = ListingOptions {
        function: Some("total".into()),
        ..opts()
    };
    let out = text(&p, &o);
    assert!(
        out.contains("        s = s + x") && out.contains("[total]"),
        "{out}"
    );
    assert!(
        !out.contains("if n < 2") && !out.contains("[fib]") && !out.contains("[<module>]"),
        "{out}"
    );
    assert!(!out.contains("print(fib(10))"), "{out}");
    let v = render_json(&p, &o).unwrap();
    let lines: Vec<u64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [6, 7, 8, 9, 10]);

    let e = render(
        &p,
        &ListingOptions {
            function: Some("totl".into()),
            ..opts()
        },
    )
    .unwrap_err();
    assert!(
        e.contains("no function named `totl`") && e.contains("total"),
        "{e}"
    );
    let e = render_json(
        &p,
        &ListingOptions {
            function: Some("nope".into()),
            ..opts()
        },
    )
    .unwrap_err();
    assert!(e.contains("fib") && e.contains("total"), "{e}");
}

#[test]
fn hot_keeps_hot_regions_and_marked_lines() {
    let p = one_hot_line();
    let o = ListingOptions {
        hot: true,
        context: 1,
        ..opts()
    };
    let out = text(&p, &o);
    // Line 2 with one line around it; line 9 (a bail) with one line around it.
    for src in [
        "def fib(n):",
        "    if n < 2:",
        "        return n",
        "    for x in xs:",
        "        s = s + x",
        "    return s",
    ] {
        row(&out, src);
    }
    for cold in [
        "print(fib(10))",
        "print(total([1, 2, 3.5] * 100))",
        "    s = 0",
        "return fib(n - 1)",
    ] {
        assert!(!out.contains(cold), "{cold} in\n{out}");
    }
    assert!(out.contains("...  (lines 4-7 not shown)"), "{out}");
    // The function header still says where the region is.
    assert!(out.contains("[total] 1 call"), "{out}");
    let v = render_json(&p, &o).unwrap();
    let lines: Vec<u64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1, 2, 3, 8, 9, 10]);
}

#[test]
fn hot_without_samples_uses_execution_counts() {
    let mut p = fixture::example();
    p.bails.clear();
    for l in &mut p.lines {
        l.samples = 0;
        l.samples_by_tier = Default::default();
    }
    p.samples = Default::default();
    let v = render_json(
        &p,
        &ListingOptions {
            hot: true,
            context: 0,
            ..opts()
        },
    )
    .unwrap();
    let lines: Vec<u64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["line"].as_u64().unwrap())
        .collect();
    // 301 + 300 + 177 executions cover 80% of the 868; line 4 holds 10%.
    assert_eq!(lines, [2, 4, 8, 9]);
}

#[test]
fn min_percent_hides_cold_lines_but_not_marked_ones() {
    let p = fixture::example();
    let out = text(
        &p,
        &ListingOptions {
            min_percent: 20.0,
            ..opts()
        },
    );
    row(&out, "    if n < 2:");
    row(&out, "        s = s + x");
    assert!(
        !out.contains("for x in xs") && !out.contains("print(fib(10))") && !out.contains("s = 0"),
        "{out}"
    );
    let out = text(
        &p,
        &ListingOptions {
            min_percent: 50.0,
            ..opts()
        },
    );
    assert!(!out.contains("if n < 2"), "{out}");
    // 27% is below 50%, but the line has a bail.
    row(&out, "        s = s + x");
}

#[test]
fn json_lines_carry_every_field() {
    let p = fixture::example();
    let v = render_json(&p, &opts()).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 13);
    let nine = json_line(&v, 9);
    assert_eq!(nine["file"], "example.py");
    assert_eq!(nine["source"], "        s = s + x");
    assert_eq!(nine["function"], "total");
    assert_eq!(nine["samples"], 3);
    assert!((nine["time_percent"].as_f64().unwrap() - 300.0 / 11.0).abs() < 1e-9);
    assert_eq!(nine["exec_count"], 300);
    assert_eq!(nine["samples_by_tier"]["jit"], 2);
    let t = &nine["types"][1];
    assert_eq!(
        (&t["op"], &t["role"], &t["type"], &t["count"]),
        (&"+".into(), &"left".into(), &"float".into(), &100.into())
    );
    assert_eq!(t["megamorphic"], false);
    let b = &nine["bails"][0];
    assert_eq!(b["reason"], "not_int_or_float");
    assert_eq!(b["count"], 100);
    assert_eq!(b["expected"], "int + int");
    assert_eq!(b["observed"][0]["type"], "int + float");
    assert_eq!(b["cost_ns"], 150_000);
    assert_eq!(b["recompiled"], true);
    let thirteen = json_line(&v, 13);
    assert_eq!(thirteen["function"], "<module>");
    let a = &thirteen["allocations"][0];
    assert_eq!(
        (&a["type"], &a["count"], &a["bytes"], &a["jit_count"]),
        (&"list".into(), &2.into(), &4912.into(), &0.into())
    );
    assert_eq!(json_line(&v, 2)["function"], "fib");
    assert_eq!(json_line(&v, 5)["samples"], 0);
    assert_eq!(json_line(&v, 5)["bails"], Value::Array(vec![]));
}

#[test]
fn colour_only_when_asked() {
    let p = fixture::example();
    let plain = text(&p, &opts());
    assert!(!plain.contains('\x1b'), "{plain}");
    let hot = text(
        &p,
        &ListingOptions {
            hot: true,
            min_percent: 1.0,
            ..opts()
        },
    );
    assert!(!hot.contains('\x1b'));
    let coloured = text(
        &p,
        &ListingOptions {
            color: true,
            ..opts()
        },
    );
    // The hottest share in bold red, the marker in bold red.
    assert!(coloured.contains("\x1b[1;31m27.3%\x1b[0m"), "{coloured}");
    assert!(coloured.contains("\x1b[1;31m!\x1b[0m"), "{coloured}");
    // Stripped of its escapes, the coloured listing is the plain one.
    let mut stripped = String::new();
    let mut it = coloured.chars();
    while let Some(ch) = it.next() {
        if ch == '\x1b' {
            it.by_ref().find(|c| *c == 'm');
        } else {
            stripped.push(ch);
        }
    }
    assert_eq!(stripped, plain);
}

#[test]
fn tabs_are_expanded_in_text_and_kept_in_json() {
    let mut p = fixture::example();
    p.files[0].source = p.files[0].source.replace("    if n < 2:", "\tif n < 2:");
    let out = text(&p, &opts());
    row(&out, "  2          if n < 2:");
    assert!(!out.contains('\t'));
    let v = render_json(&p, &opts()).unwrap();
    assert_eq!(json_line(&v, 2)["source"], "\tif n < 2:");
}

#[test]
fn missing_source_and_lines_past_the_end_do_not_panic() {
    let mut p = fixture::example();
    p.files[0].source = String::new();
    let out = text(&p, &opts());
    // Only the lines with data, without their text.
    assert!(
        row(&out, "<no source for this line>").contains("  2  "),
        "{out}"
    );
    assert!(out.contains("...  (line 3 not shown)"), "{out}");
    let v = render_json(
        &p,
        &ListingOptions {
            hot: true,
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(json_line(&v, 9)["source"], Value::Null);

    let mut p = fixture::example();
    p.lines.push(profile::Line {
        file: 0,
        line: 40,
        samples: 5,
        samples_by_tier: Default::default(),
        exec_count: 1,
    });
    p.bails[0].line = 0;
    p.functions[fixture::TOTAL as usize].last_line = u32::MAX;
    p.functions[fixture::FIB as usize].first_line = 90;
    p.type_sites[0].function = 99;
    for o in [
        opts(),
        ListingOptions {
            hot: true,
            context: usize::MAX,
            ..opts()
        },
        ListingOptions {
            min_percent: f64::NAN,
            ..opts()
        },
        ListingOptions {
            function: Some("total".into()),
            hot: true,
            ..opts()
        },
        ListingOptions {
            function: Some("fib".into()),
            ..opts()
        },
    ] {
        let out = text(&p, &o);
        render_json(&p, &o).unwrap();
        if o.function.is_none() {
            assert!(
                out.lines()
                    .any(|l| l.ends_with("    40  <no source for this line>")),
                "{out}"
            );
        }
    }
}

#[test]
fn profiles_without_python_files_render_empty() {
    let mut p = fixture::example();
    p.files.clear();
    p.lines.clear();
    for f in &mut p.functions {
        f.file = None;
    }
    let out = text(&p, &opts());
    assert!(out.contains("(no source lines to show)"), "{out}");
    assert_eq!(render_json(&p, &opts()).unwrap(), Value::Array(vec![]));
    let e = render(
        &p,
        &ListingOptions {
            function: Some("fib".into()),
            ..opts()
        },
    )
    .unwrap_err();
    assert!(e.contains("built-in"), "{e}");

    // A file that did not run is left out; one that ran is listed.
    let mut p = fixture::example();
    p.files.push(SourceFile {
        id: 1,
        path: "unused.py".into(),
        source: "x = 1\n".into(),
    });
    let out = text(&p, &opts());
    assert!(!out.contains("unused.py"), "{out}");
    let mut f: Function = p.functions[fixture::FIB as usize].clone();
    (f.id, f.file, f.first_line, f.last_line) = (4, Some(1), 1, 1);
    p.functions.push(f);
    assert!(text(&p, &opts()).contains("== unused.py =="));
}
