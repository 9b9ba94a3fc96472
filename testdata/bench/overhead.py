#!/usr/bin/env python3
"""The profile recorder's overhead.

Runs each benchmark in this directory under jitprof twice over: recording a
profile (`jitprof run -q -o TMP prog`, the default) and not recording
(`jitprof run --no-profile prog`), runs interleaved, and reports the median
wall-clock time of each, the ratio recording / no-profile (> 1 means the
recorder costs time; 1.10 = 10 % overhead) with its geometric mean, and the
size of the profile written.  Both modes must print the same output.

With --instructions, each run is counted instead of timed: the programs run
under valgrind's callgrind and the figure is the number of instructions
executed (one run is enough; it does not change with the machine's load, so
it is the figure to trust on a busy shared machine, though it misses what
instructions do not show: cache misses, the timer signal's cost).

Why --instructions lowers the sample rate: the sampler's timer runs on
wall-clock time, and under callgrind a program runs tens of times slower,
so at the same rate it takes several times the samples a native run takes
for the same work (string_build --quick: 221 against 56; valgrind delivers
the timer's signal late and merges overruns, so not the full slowdown), and
the count charges the recorder that many times its sampling cost.  So each
benchmark first runs natively with the recorder on (its time and sample
count noted), its --no-profile run under callgrind is timed, and the
recording run under callgrind gets the rate scaled by native time /
callgrind time, which brings its count close to the native run's.
The table shows both sample counts.  --same-sample-rate keeps the
default rate under callgrind (the pessimistic figure).

With --split, a third mode records with sampling all but off
(`--sample-rate 1`): its ratio to --no-profile is what the counting costs
(calls, lines, types, allocations, the profile's writing), and the
recording / counting ratio what sampling at the default rate adds.  Why
the split is worth a column: on a virtual machine each timer interrupt can
cost tens of microseconds (the hypervisor reprograms the timer), so
sampling's share depends on the machine more than on jitprof.

Besides the ratio of the medians, the table shows the ratio of the
fastest run of each mode ("min ratio"), with its own geometric mean: on a
shared machine noise only ever adds time, so the minima are the steadier
figure (on a 2-core VM the medians of 15 runs moved by up to 0.1 between
invocations, the minima mostly by 0.03 or less).

With --cpu-time, each run's figure is the CPU time (user + system) the
jitprof process used instead of the wall-clock time: on a shared machine
the time a run waits for a core is not the recorder's, and the CPU time
leaves it out (cache and frequency effects of the neighbours stay).  It
is what `perf stat -e task-clock` reports.

Profiles go to a temporary directory that is removed afterwards; nothing is
left behind.  Uses the benchmark list, quick sizes and helpers of run.py.

Examples:
    python3 testdata/bench/overhead.py                   # everything, 5 runs
    python3 testdata/bench/overhead.py --quick           # smoke: small sizes, 1 run
    python3 testdata/bench/overhead.py --bench fib --bench nbody=5000 --runs 10
    python3 testdata/bench/overhead.py --jit off         # overhead on the interpreter
    python3 testdata/bench/overhead.py --quick --instructions   # instruction counts
    python3 testdata/bench/overhead.py --cpu-time --runs 11     # CPU time, not wall
    python3 testdata/bench/overhead.py --cpu-time --split       # counting vs sampling

Standard library only.
"""

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import (  # noqa: E402  (run.py lives beside this file)
    BENCHMARKS,
    DEFAULT_JITPROF,
    HERE,
    REPO,
    STARTUP,
    eprint,
    fmt_time,
    geomean,
    parse_selection,
    run_once,
    show_diff,
)

RECORD = "recording"
NO_PROFILE = "no-profile"
# Recording with sampling all but off (--split).
COUNTING = "counting"

# jitprof run's default --sample-rate (see `jitprof run --help`).
DEFAULT_SAMPLE_RATE = 997


def make_engines(jitprof, jit_mode, profile_path, split=False):
    base = [jitprof, "run"] + ([f"--jit={jit_mode}"] if jit_mode else [])
    engines = [
        {"name": RECORD, "argv": base + ["-q", "-o", str(profile_path)]},
        {"name": NO_PROFILE, "argv": base + ["--no-profile"]},
    ]
    if split:
        engines.append({"name": COUNTING, "argv": base + [
            "-q", "-o", str(profile_path), "--sample-rate", "1"]})
    return engines


def count_once(engine, prog, bench_args, timeout):
    """Run one benchmark under callgrind.  Returns (instructions, stdout,
    error_or_None), like run.py's run_once returns seconds."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + \
        engine["argv"] + [str(prog)] + list(bench_args)
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout * 60, cwd=str(HERE))
    except subprocess.TimeoutExpired:
        return None, b"", f"timed out after {timeout * 60:g} s under valgrind"
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != 0:
        return None, p.stdout, f"exit status {p.returncode}; stderr ends with: {err[-400:]}"
    m = re.search(r"Collected\s*:\s*(\d+)", err)
    if not m:
        return None, p.stdout, "valgrind printed no instruction count"
    return int(m.group(1)), p.stdout, None


def profile_samples(profile_path):
    """The number of samples the profile at `profile_path` holds, or None."""
    try:
        with open(profile_path, encoding="utf-8") as f:
            return json.load(f)["samples"]["total"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


class CalibratedCounter:
    """count_once for both modes, with the recording run's sample rate scaled
    to the callgrind slowdown (see the module comment).  The engines must run
    no-profile first; `native_s` is the native recording run's time."""

    def __init__(self, profile_path, native_s, same_rate):
        self.profile_path = profile_path
        self.native_s = native_s
        self.same_rate = same_rate
        self.callgrind_s = None
        self.rate = DEFAULT_SAMPLE_RATE
        self.samples = None

    def __call__(self, engine, prog, bench_args, timeout):
        if engine["name"] == NO_PROFILE:
            t0 = time.perf_counter()
            out = count_once(engine, prog, bench_args, timeout)
            self.callgrind_s = time.perf_counter() - t0
            return out
        if not self.same_rate and self.native_s and self.callgrind_s:
            scaled = DEFAULT_SAMPLE_RATE * self.native_s / self.callgrind_s
            self.rate = max(1, min(DEFAULT_SAMPLE_RATE, round(scaled)))
        engine = dict(engine, argv=engine["argv"] + ["--sample-rate", str(self.rate)])
        out = count_once(engine, prog, bench_args, timeout)
        self.samples = profile_samples(self.profile_path)
        return out


def cpu_time_once(engine, prog, bench_args, timeout):
    """Run one benchmark once, like run.py's run_once, but return the CPU
    time (user + system) of the process instead of the elapsed time.  The
    run is the only child this script has at that moment, so the growth of
    RUSAGE_CHILDREN across it is its own."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    _, out, err = run_once(engine, prog, bench_args, timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, out, err


def native_recording_run(engine, prog, bench_args, timeout, profile_path):
    """One native recording run: (seconds, samples taken), or (None, None)."""
    elapsed, _, err = run_once(engine, prog, bench_args, timeout)
    samples = profile_samples(profile_path) if err is None else None
    if profile_path.exists():
        profile_path.unlink()
    return (None, None) if err is not None else (elapsed, samples)


def run_benchmark(name, bench_args, engines, runs, timeout, profile_path, runner=run_once):
    """Time both engines, interleaved run by run.  Returns the results per
    engine (times, stdout, error) and the sizes of the profiles written."""
    prog = HERE / f"{name}.py"
    res = {e["name"]: {"times": [], "stdout": None, "error": None} for e in engines}
    sizes = []
    for _ in range(runs):
        for e in engines:
            r = res[e["name"]]
            if r["error"] is not None:
                continue
            if profile_path.exists():
                profile_path.unlink()
            elapsed, out, err = runner(e, prog, bench_args, timeout)
            if e["name"] in (RECORD, COUNTING) and err is None:
                if not profile_path.is_file():
                    err = f"wrote no profile at {profile_path}"
                elif e["name"] == RECORD:
                    sizes.append(profile_path.stat().st_size)
            if e["name"] == NO_PROFILE and err is None and profile_path.exists():
                err = "--no-profile wrote a profile"
            if profile_path.exists():
                profile_path.unlink()
            if err is None and r["stdout"] is not None and out != r["stdout"]:
                err = "output differs between runs:\n" + \
                    show_diff(r["stdout"], out, "first run", "later run")
            if r["stdout"] is None:
                r["stdout"] = out
            if err is not None:
                r["error"] = err
                continue
            r["times"].append(elapsed)
    return res, sizes


def analyse(name, bench_args, res, sizes, instructions=False):
    startup = name in STARTUP
    scale = 1000.0 if startup else 1.0
    unit = "ms" if startup else "s"
    if instructions:
        scale, unit = 1e-6, "Minstr"
    problems = []
    for en, r in res.items():
        if r["error"] is not None:
            problems.append(f"{name}: {en} FAILED: {r['error']}")
    rec, nop = res[RECORD], res[NO_PROFILE]
    if rec["error"] is None and nop["error"] is None and rec["stdout"] != nop["stdout"]:
        problems.append(f"{name}: OUTPUT MISMATCH between {RECORD} and {NO_PROFILE}:\n" +
                        show_diff(nop["stdout"], rec["stdout"], NO_PROFILE, RECORD))

    def median(r):
        if r["error"] is not None or not r["times"]:
            return None
        return statistics.median(r["times"]) * scale

    m_rec, m_nop = median(rec), median(nop)
    ratio = m_rec / m_nop if m_rec and m_nop and not problems else None
    # The fastest run of each mode: on a shared machine noise only ever
    # adds time, so the minima move less between invocations than the
    # medians do (on the 2-core VM the medians of 15 runs moved by up to
    # 0.1 from one invocation to the next, the minima mostly by 0.03 or less).
    fastest = [min(r["times"]) if r["error"] is None and r["times"] else None
               for r in (rec, nop)]
    min_ratio = (fastest[0] / fastest[1]
                 if all(fastest) and not problems else None)
    split = {}
    if COUNTING in res:
        m_cnt = median(res[COUNTING])
        ok = m_cnt and m_nop and m_rec and not problems
        split = {"counting": m_cnt,
                 "counting_ratio": m_cnt / m_nop if ok else None,
                 "sampling_ratio": m_rec / m_cnt if ok else None}
    for msg in problems:
        eprint("")
        eprint("!" * 78)
        eprint("!!! " + msg)
        eprint("!" * 78)
    return {
        "name": name, "args": list(bench_args), "unit": unit, "startup": startup,
        "recording": m_rec, "no_profile": m_nop, "ratio": ratio, "min_ratio": min_ratio,
        "times": {en: [t * scale for t in r["times"]] for en, r in res.items()},
        "profile_kb": statistics.median(sizes) / 1024 if sizes else None,
        "problems": problems,
        **split,
    }


def fmt_figure(v, unit):
    if unit == "Minstr":
        return "FAIL" if v is None else f"{v:.1f}M"
    return fmt_time(v, unit)


def render_table(entries, geo, used, pool, split_geo=None, min_geo=None):
    with_samples = any("samples" in ent for ent in entries)
    with_split = any("counting" in ent for ent in entries)
    headers = ["benchmark", RECORD, NO_PROFILE, "ratio", "min ratio", "profile KB"]
    if with_samples:
        headers.append("samples native/callgrind")
    if with_split:
        headers += ["counting ratio", "sampling"]
    rows = []
    for ent in entries:
        rows.append([
            ent["name"] + (" (startup)" if ent["startup"] else ""),
            fmt_figure(ent["recording"], ent["unit"]),
            fmt_figure(ent["no_profile"], ent["unit"]),
            "INVALID" if ent["ratio"] is None else f"{ent['ratio']:.2f}",
            "-" if ent.get("min_ratio") is None else f"{ent['min_ratio']:.2f}",
            "-" if ent["profile_kb"] is None else f"{ent['profile_kb']:.1f}",
        ])
        if with_samples:
            s = ent.get("samples") or {}
            rows[-1].append(f"{s.get('native', '-')}/{s.get('callgrind', '-')}")
        if with_split:
            rows[-1] += ["-" if ent.get(k) is None else f"{ent[k]:.2f}"
                         for k in ("counting_ratio", "sampling_ratio")]
    g = "n/a" if geo is None else f"{geo:.2f}"
    if geo is not None and used < pool:
        g += f" ({used}/{pool})"
    mg = "n/a" if min_geo is None else f"{min_geo:.2f}"
    grow = ["geomean", "", "", g, mg, ""] + ([""] if with_samples else [])
    if with_split:
        grow += ["n/a" if v is None else f"{v:.2f}" for v in (split_geo or (None, None))]
    widths = [max(len(r[i]) for r in [headers] + rows + [grow]) for i in range(len(headers))]

    def line(cells):
        return "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i])
                         for i, c in enumerate(cells))
    sep = line(["-" * w for w in widths])
    return "\n".join([line(headers), sep] + [line(r) for r in rows] + [sep, line(grow)])


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Time the benchmarks in testdata/bench under jitprof with the "
                    "profile recorder on (the default) and off (--no-profile); "
                    "ratio = recording median / no-profile median.",
        epilog="Benchmarks: " + ", ".join(BENCHMARKS) + ".")
    ap.add_argument("--bench", action="append", default=[], metavar="NAME[=SIZE]",
                    help="run only this benchmark (repeatable, or comma-separated "
                         "names); SIZE is the program's argv as in run.py")
    ap.add_argument("--runs", type=int, default=None,
                    help="runs per benchmark and mode (default 5; 1 with --quick)")
    ap.add_argument("--quick", action="store_true",
                    help="smoke mode: small sizes and 1 run unless --runs is given")
    ap.add_argument("--jit", default=None, metavar="MODE",
                    help="jitprof --jit mode for both (default: jitprof's own default)")
    ap.add_argument("--jitprof", metavar="PATH", default=None,
                    help=f"jitprof binary (default: {DEFAULT_JITPROF.relative_to(REPO)} "
                         "under the repository root)")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds before one run is killed (default 300; 60 with --quick)")
    ap.add_argument("--json", action="store_true",
                    help="print the results as JSON on stdout instead of the table")
    ap.add_argument("--instructions", action="store_true",
                    help="count instructions under valgrind (callgrind) instead of "
                         "timing: one run, unaffected by the machine's load")
    ap.add_argument("--cpu-time", action="store_true",
                    help="time each run by the CPU time (user + system) it used instead "
                         "of the wall-clock time: steadier on a shared machine")
    ap.add_argument("--split", action="store_true",
                    help="also record with --sample-rate 1, to show what counting costs "
                         "(counting ratio) and what sampling adds on top (sampling)")
    ap.add_argument("--same-sample-rate", action="store_true",
                    help="with --instructions: keep the default sample rate under "
                         "callgrind instead of scaling it to the native run's samples "
                         "(overstates sampling's cost by the callgrind slowdown)")
    args = ap.parse_args(argv)

    if args.instructions and args.cpu_time:
        ap.error("--instructions and --cpu-time measure different things: pick one")
    if args.instructions and args.split:
        ap.error("--split needs timed runs: under --instructions the sample rate is "
                 "scaled to callgrind's slowdown already")
    if args.instructions and shutil.which("valgrind") is None:
        ap.error("--instructions needs valgrind on PATH")
    runs = args.runs if args.runs is not None else (1 if args.quick or args.instructions else 5)
    if runs < 1:
        ap.error("--runs must be at least 1")
    timeout = args.timeout if args.timeout is not None else (60.0 if args.quick else 300.0)

    names = []
    for item in args.bench:
        name, sep, size = item.partition("=")
        names += [f"{n}{sep}{size}" for n in name.split(",") if n] if not sep else [item]
    selection = parse_selection(names, args.quick)

    jp = Path(args.jitprof) if args.jitprof else DEFAULT_JITPROF
    if not jp.is_file() or not os.access(jp, os.X_OK):
        eprint(f"error: jitprof binary not found at {jp}")
        if args.jitprof is None:
            eprint("Build it from the repository root with:")
            eprint(f"    cd {REPO} && cargo build --release")
        return 2
    jp = str(jp.resolve())

    entries = []
    with tempfile.TemporaryDirectory(prefix="jitprof-overhead-") as tmp:
        profile_path = Path(tmp) / "profile.json"
        engines = make_engines(jp, args.jit, profile_path, args.split)
        eprint("modes:")
        for e in engines:
            eprint(f"  {e['name']:11s} {' '.join(e['argv'])}")
        eprint(f"runs: {runs}{'  (quick sizes)' if args.quick else ''}")
        for i, (name, bench_args) in enumerate(selection, 1):
            shown = name + (f" {' '.join(bench_args)}" if bench_args else "")
            eprint(f"[{i}/{len(selection)}] {shown} ...")
            runner, order = (cpu_time_once if args.cpu_time else run_once), engines
            if args.instructions:
                native_s, native_samples = native_recording_run(
                    engines[0], HERE / f"{name}.py", bench_args, timeout, profile_path)
                runner = CalibratedCounter(profile_path, native_s, args.same_sample_rate)
                order = engines[::-1]
            res, sizes = run_benchmark(name, bench_args, order, runs, timeout,
                                       profile_path, runner)
            ent = analyse(name, bench_args, res, sizes, args.instructions)
            if args.instructions:
                ent["sample_rate_hz"] = runner.rate
                ent["samples"] = {"native": native_samples, "callgrind": runner.samples}
            eprint(f"        {RECORD}={fmt_figure(ent['recording'], ent['unit'])}  "
                   f"{NO_PROFILE}={fmt_figure(ent['no_profile'], ent['unit'])}"
                   + (f"  samples native={native_samples} callgrind={runner.samples}"
                      f" at {runner.rate} Hz" if args.instructions else ""))
            entries.append(ent)

    pool = [ent for ent in entries if not ent["startup"]]
    ratios = [ent["ratio"] for ent in pool if ent["ratio"] is not None]
    geo = geomean(ratios)
    min_geo = geomean([ent["min_ratio"] for ent in pool if ent.get("min_ratio") is not None])
    split_geo = None
    if args.split:
        split_geo = tuple(geomean([ent[k] for ent in pool if ent.get(k) is not None])
                          for k in ("counting_ratio", "sampling_ratio"))
    problems = [p for ent in entries for p in ent["problems"]]

    if args.json:
        print(json.dumps({
            "runs": runs, "quick": args.quick, "jit": args.jit, "jitprof": jp,
            "measure": ("instructions" if args.instructions
                        else "cpu_seconds" if args.cpu_time else "seconds"),
            "benchmarks": [{k: v for k, v in ent.items() if k != "problems"}
                           for ent in entries],
            "geomean": geo, "geomean_min": min_geo, "benchmarks_in_geomean": len(ratios),
            **({"geomean_counting": split_geo[0], "geomean_sampling": split_geo[1]}
               if split_geo else {}),
            "problems": problems, "ok": not problems,
        }, indent=2))
    else:
        print()
        print(render_table(entries, geo, len(ratios), len(pool), split_geo, min_geo))
        print()
        what = ("instructions (callgrind)" if args.instructions
                else "CPU time (user + system)" if args.cpu_time else "wall-clock time")
        print(f"{what}, median of {runs} run(s); ratio = {RECORD} / {NO_PROFILE} "
              "(> 1: the recorder's overhead); min ratio = the fastest run of each "
              "mode, the steadier figure on a shared machine; "
              "geomean excludes startup benchmarks; "
              "profile KB = median size of the profile written."
              + (f" counting ratio = {COUNTING} (--sample-rate 1) / {NO_PROFILE}; "
                 f"sampling = {RECORD} / {COUNTING}." if args.split else ""))
        if problems:
            print(f"\n{len(problems)} PROBLEM(S):")
            for p in problems:
                print("  * " + p.splitlines()[0])
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
