#!/usr/bin/env python3
"""Benchmark runner for jitprof.

Runs each benchmark program in this directory under python3 (the reference),
pypy3 (when it is on PATH) and jitprof in one or more JIT modes, checks that
every engine printed exactly what python3 printed, and reports the median
wall-clock time per engine plus the ratio python3 / jitprof (> 1 means jitprof
is faster).  See README.md in this directory.

Examples:
    python3 testdata/bench/run.py                      # everything, --jit=off, 5 runs
    python3 testdata/bench/run.py --modes off,auto fib nbody
    python3 testdata/bench/run.py --modes auto,auto-noreg    # what register allocation gains
    python3 testdata/bench/run.py --quick              # CI smoke: 1 run, small sizes
    python3 testdata/bench/run.py fib=25 --runs 3      # override a benchmark's size
    python3 testdata/bench/run.py --json > bench.json

Standard library only.
"""

import argparse
import difflib
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_JITPROF = REPO / "target" / "release" / "jitprof"

# name -> arguments used by --quick (the default size is built into each
# program and used when no arguments are passed).  Order = report order.
BENCHMARKS = {
    "fib": ["25"],
    "small_calls": ["400000"],
    "int_loop": ["100000"],
    "float_loop": ["150000"],
    "nbody": ["10000"],
    "spectral_norm": ["60"],
    "fannkuch": ["7"],
    "sieve": ["300000"],
    "string_build": ["35000"],
    "dict_count": ["30000"],
    "richards": ["1"],
    "deltablue": ["5"],
    "raytrace": ["20"],
    "chaos": ["2000"],
    "nqueens": ["6"],
    "go": ["1"],
    "empty": [],
}

# Benchmarks that measure process startup: reported in milliseconds and left
# out of the geometric mean (they would otherwise dominate it).
STARTUP = {"empty"}

REFERENCE = "python3"


def eprint(*args):
    print(*args, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Engines


def probe_python(cmd):
    """Resolve a python-like command to (executable, version) or None.

    The executable is taken from sys.executable, so that version-manager
    shims (pyenv, asdf) are bypassed: a shim is a shell script that adds tens
    of milliseconds to every start-up and would distort the timings.
    """
    path = shutil.which(cmd)
    if path is None:
        return None
    try:
        p = subprocess.run(
            [path, "-c",
             "import sys, platform; print(sys.executable); "
             "print(platform.python_implementation(), platform.python_version())"],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if p.returncode != 0:
        return None
    lines = p.stdout.splitlines()
    exe = lines[0].strip() if lines else ""
    version = lines[1].strip() if len(lines) > 1 else "?"
    if not exe or not os.access(exe, os.X_OK):
        exe = path
    return exe, version


def make_engines(args):
    engines = []

    py = probe_python(args.python)
    if py is None:
        eprint(f"error: cannot run the reference interpreter {args.python!r}")
        sys.exit(2)
    engines.append({"name": REFERENCE, "argv": [py[0]], "version": py[1]})

    if not args.no_pypy:
        pypy = probe_python(args.pypy)
        if pypy is not None:
            engines.append({"name": "pypy3", "argv": [pypy[0]], "version": pypy[1]})
        elif args.pypy != "pypy3":
            eprint(f"error: cannot run {args.pypy!r} given with --pypy")
            sys.exit(2)
        else:
            eprint("note: pypy3 not found on PATH; skipping it")

    if not args.no_jitprof:
        jp = Path(args.jitprof) if args.jitprof else DEFAULT_JITPROF
        if not jp.is_file() or not os.access(jp, os.X_OK):
            eprint(f"error: jitprof binary not found at {jp}")
            if args.jitprof is None:
                eprint("Build it from the repository root with:")
                eprint(f"    cd {REPO} && cargo build --release")
            eprint("Alternatively point --jitprof at a binary, or pass --no-jitprof "
                   "to time only python3/pypy3.")
            sys.exit(2)
        jp = str(jp.resolve())
        for mode in args.modes:
            # MODE-noreg: the same --jit mode without register allocation
            # (--jit-regalloc=off), to show what it gains.
            jit_mode, noreg = (mode[:-len("-noreg")], True) if mode.endswith("-noreg") \
                else (mode, False)
            engines.append({
                "name": f"jitprof:{mode}",
                # The engine's speed, without the recorder (overhead.py
                # measures what recording costs).
                "argv": [jp, "run", "--no-profile", f"--jit={jit_mode}"]
                        + (["--jit-regalloc=off"] if noreg else []),
                "version": None,
                "jitprof_mode": mode,
            })
    return engines


# --------------------------------------------------------------------------
# Running


def run_once(engine, prog, bench_args, timeout):
    """Run one benchmark once.  Returns (seconds, stdout_bytes, error_or_None)."""
    cmd = engine["argv"] + [str(prog)] + list(bench_args)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout, cwd=str(HERE))
    except subprocess.TimeoutExpired:
        return None, b"", f"timed out after {timeout:g} s"
    except OSError as exc:
        return None, b"", f"could not start: {exc}"
    elapsed = time.perf_counter() - t0
    if p.returncode != 0:
        tail = p.stderr.decode("utf-8", "replace").strip().splitlines()[-8:]
        msg = f"exit status {p.returncode}"
        if tail:
            msg += "; stderr ends with:\n        " + "\n        ".join(tail)
        return elapsed, p.stdout, msg
    return elapsed, p.stdout, None


def show_diff(expected, got, name_a, name_b, limit=20):
    a = expected.decode("utf-8", "replace").splitlines()
    b = got.decode("utf-8", "replace").splitlines()
    diff = list(difflib.unified_diff(a, b, name_a, name_b, lineterm="", n=1))
    if not diff:  # differs only in bytes splitlines() hides (e.g. final newline)
        diff = [f"--- {name_a}: {expected[-60:]!r}", f"+++ {name_b}: {got[-60:]!r}"]
    if len(diff) > limit:
        diff = diff[:limit] + [f"... ({len(diff) - limit} more diff lines)"]
    return "\n".join("    " + line for line in diff)


def run_benchmark(name, bench_args, engines, runs, timeout):
    prog = HERE / f"{name}.py"
    res = {e["name"]: {"times": [], "stdout": None, "error": None} for e in engines}

    # Interleave engines run by run, so slow drift in machine load on this
    # shared host affects every engine alike.
    for _ in range(runs):
        for e in engines:
            r = res[e["name"]]
            if r["error"] is not None:
                continue  # already failed: don't waste time on more runs
            elapsed, out, err = run_once(e, prog, bench_args, timeout)
            if err is None and r["stdout"] is not None and out != r["stdout"]:
                err = "output differs between runs of the same engine:\n" + \
                    show_diff(r["stdout"], out, "first run", "later run")
            if r["stdout"] is None:
                r["stdout"] = out
            if err is not None:
                r["error"] = err
                continue
            r["times"].append(elapsed)
    return res


# --------------------------------------------------------------------------
# Analysis and reporting


def analyse(name, bench_args, engines, res):
    """Compute medians, validity and ratios.  Prints problems loudly."""
    startup = name in STARTUP
    scale = 1000.0 if startup else 1.0
    unit = "ms" if startup else "s"
    ref = res[REFERENCE]
    entry = {"name": name, "args": list(bench_args), "unit": unit,
             "startup": startup, "results": {}, "ratios": {}, "invalid": {}}
    problems = []

    if ref["error"] is not None:
        problems.append(f"{name}: the reference {REFERENCE} FAILED: {ref['error']}")

    for e in engines:
        en = e["name"]
        r = res[en]
        out = r["stdout"] or b""
        matches = None
        if en != REFERENCE and ref["error"] is None and r["error"] is None:
            matches = out == ref["stdout"]
            if not matches:
                problems.append(
                    f"{name}: OUTPUT MISMATCH: {en} printed something different "
                    f"from {REFERENCE}:\n" +
                    show_diff(ref["stdout"], out, REFERENCE, en))
        if r["error"] is not None and en != REFERENCE:
            problems.append(f"{name}: {en} FAILED: {r['error']}")
        median = statistics.median(r["times"]) * scale if r["times"] and r["error"] is None else None
        entry["results"][en] = {
            "median": median,
            "times": [t * scale for t in r["times"]],
            "ok": r["error"] is None and matches is not False,
            "matches_python3": True if en == REFERENCE and r["error"] is None else matches,
            "error": r["error"],
            "stdout": out.decode("utf-8", "replace"),
        }

    ref_median = entry["results"][REFERENCE]["median"]
    for e in engines:
        en = e["name"]
        if en == REFERENCE:
            continue
        er = entry["results"][en]
        reason = None
        if ref["error"] is not None:
            reason = f"{REFERENCE} failed"
        elif er["error"] is not None:
            reason = "failed"
        elif er["matches_python3"] is False:
            reason = "output mismatch"
        elif not er["median"] or not ref_median:
            reason = "no timing"
        if reason is None:
            entry["ratios"][en] = ref_median / er["median"]
        else:
            entry["ratios"][en] = None
            entry["invalid"][en] = reason

    for msg in problems:
        eprint("")
        eprint("!" * 78)
        eprint("!!! " + msg)
        eprint("!" * 78)
    entry["problems"] = problems
    return entry


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_time(v, unit):
    if v is None:
        return "FAIL"
    if unit == "ms":
        return f"{v:.1f}ms"
    return f"{v:.3f}s"


def render_table(entries, engines, geo, geo_counts):
    others = [e["name"] for e in engines if e["name"] != REFERENCE]
    headers = ["benchmark"] + [e["name"] for e in engines] + \
        [f"py3/{n.split(':', 1)[-1] if n.startswith('jitprof:') else n}" for n in others]
    rows = []
    for ent in entries:
        row = [ent["name"] + (" (startup)" if ent["startup"] else "")]
        for e in engines:
            r = ent["results"][e["name"]]
            cell = fmt_time(r["median"], ent["unit"])
            if r["median"] is not None and r["matches_python3"] is False:
                cell += "!"
            row.append(cell)
        for n in others:
            ratio = ent["ratios"].get(n)
            row.append("INVALID" if ratio is None else f"{ratio:.2f}")
        rows.append(row)
    grow = ["geomean"] + [""] * len(engines)
    for n in others:
        g = geo.get(n)
        used, total = geo_counts.get(n, (0, 0))
        cell = "n/a" if g is None else f"{g:.2f}"
        if g is not None and used < total:
            cell += f" ({used}/{total})"
        grow.append(cell)
    rows.append(grow)

    widths = [max(len(str(r[i])) for r in [headers] + rows) for i in range(len(headers))]

    def line(cells):
        return "  ".join(str(c).ljust(widths[i]) if i == 0 else str(c).rjust(widths[i])
                         for i, c in enumerate(cells))
    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows[:-1]]
    if others:
        out.append(line(["-" * w for w in widths]))
        out.append(line(rows[-1]))
    return "\n".join(out)


# --------------------------------------------------------------------------
# Command line


def parse_selection(names, quick):
    """Turn ['fib', 'nbody=5000', 'fannkuch=8,3'] into [(name, args)]."""
    if not names:
        names = list(BENCHMARKS)
    selected = []
    for item in names:
        name, sep, size = item.partition("=")
        name = name[:-3] if name.endswith(".py") else name
        name = os.path.basename(name)
        if name not in BENCHMARKS:
            eprint(f"error: unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
            sys.exit(2)
        if sep:
            bench_args = [s for s in size.split(",") if s]
        elif quick:
            bench_args = BENCHMARKS[name]
        else:
            bench_args = []
        selected.append((name, bench_args))
    return selected


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Time the benchmarks in testdata/bench under python3, pypy3 "
                    "and jitprof; ratio = python3 median / engine median "
                    "(> 1 means faster than python3).",
        epilog="Benchmarks: " + ", ".join(BENCHMARKS) +
               ".  NAME=SIZE runs a benchmark at another size (the program's "
               "argv; commas separate several arguments, e.g. fannkuch=8,3).")
    ap.add_argument("benchmarks", nargs="*", metavar="NAME[=SIZE]",
                    help="benchmarks to run (default: all)")
    ap.add_argument("--runs", type=int, default=None,
                    help="runs per benchmark and engine (default 5; 1 with --quick)")
    ap.add_argument("--modes", default="off",
                    help="comma-separated jitprof --jit modes to time, e.g. off,auto,eager; "
                         "MODE-noreg (auto-noreg) is MODE with --jit-regalloc=off "
                         "(default: off)")
    ap.add_argument("--jitprof", metavar="PATH", default=None,
                    help=f"jitprof binary (default: {DEFAULT_JITPROF.relative_to(REPO)} "
                         "under the repository root)")
    ap.add_argument("--no-jitprof", action="store_true",
                    help="do not run jitprof (baseline timings only)")
    ap.add_argument("--python", default="python3", metavar="CMD",
                    help="reference interpreter (default: python3)")
    ap.add_argument("--pypy", default="pypy3", metavar="CMD",
                    help="PyPy interpreter, used when found (default: pypy3)")
    ap.add_argument("--no-pypy", action="store_true", help="do not run pypy3")
    ap.add_argument("--quick", action="store_true",
                    help="CI smoke mode: small sizes and 1 run unless --runs is given")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds before one run is killed (default 300; 60 with --quick)")
    ap.add_argument("--json", action="store_true",
                    help="print the results as JSON on stdout instead of the table")
    ap.add_argument("--list", action="store_true",
                    help="list the benchmarks and their quick sizes, then exit")
    args = ap.parse_args(argv)

    if args.list:
        for name, quick_args in BENCHMARKS.items():
            note = " (startup, reported in ms)" if name in STARTUP else ""
            print(f"{name:15s} quick args: {' '.join(quick_args) or '-'}{note}")
        return 0

    runs = args.runs if args.runs is not None else (1 if args.quick else 5)
    if runs < 1:
        ap.error("--runs must be at least 1")
    timeout = args.timeout if args.timeout is not None else (60.0 if args.quick else 300.0)
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if not args.modes and not args.no_jitprof:
        ap.error("--modes is empty (use --no-jitprof to skip jitprof)")

    selection = parse_selection(args.benchmarks, args.quick)
    engines = make_engines(args)

    eprint("engines:")
    for e in engines:
        eprint(f"  {e['name']:14s} {' '.join(e['argv'])}"
               + (f"  ({e['version']})" if e["version"] else ""))
    eprint(f"runs: {runs}{'  (quick sizes)' if args.quick else ''}")

    entries = []
    for i, (name, bench_args) in enumerate(selection, 1):
        shown = name + (f" {' '.join(bench_args)}" if bench_args else "")
        eprint(f"[{i}/{len(selection)}] {shown} ...")
        res = run_benchmark(name, bench_args, engines, runs, timeout)
        ent = analyse(name, bench_args, engines, res)
        summary = "  ".join(f"{en}={fmt_time(r['median'], ent['unit'])}"
                            for en, r in ent["results"].items())
        eprint(f"        {summary}")
        entries.append(ent)

    others = [e["name"] for e in engines if e["name"] != REFERENCE]
    geo, geo_counts = {}, {}
    for n in others:
        pool = [ent for ent in entries if not ent["startup"]]
        vals = [ent["ratios"][n] for ent in pool if ent["ratios"][n] is not None]
        geo[n] = geomean(vals)
        geo_counts[n] = (len(vals), len(pool))

    problems = [p for ent in entries for p in ent["problems"]]
    ok = not problems

    if args.json:
        doc = {
            "runs": runs,
            "quick": args.quick,
            "repo": str(REPO),
            "engines": [{"name": e["name"], "command": e["argv"], "version": e["version"]}
                        for e in engines],
            "benchmarks": [{k: v for k, v in ent.items() if k != "problems"}
                           for ent in entries],
            "geomean": {"ratios": geo,
                        "benchmarks_used": {n: c[0] for n, c in geo_counts.items()},
                        "note": "geometric mean of valid ratios, startup benchmarks excluded"},
            "problems": problems,
            "ok": ok,
        }
        print(json.dumps(doc, indent=2))
    else:
        print()
        print(render_table(entries, engines, geo, geo_counts))
        print()
        print(f"median of {runs} run(s); ratio = {REFERENCE} median / engine median "
              "(> 1: faster than python3); geomean excludes startup benchmarks.")
        if not ok:
            print(f"\n{len(problems)} PROBLEM(S) -- ratios marked INVALID "
                  "(and times marked !) are not to be trusted:")
            for p in problems:
                print("  * " + p.splitlines()[0])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
