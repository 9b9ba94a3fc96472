#!/usr/bin/env python3
"""What compiling costs: compile time and machine-code bytes per function.

Generates a program whose function `big` is LINES lines long (default 200)
and made of what real code is made of (int and float arithmetic, branches,
loops, calls, attribute and subscript access, a try block), runs it with
`jitprof run --jit=eager --jit-stats` RUNS times and prints, per compiled
function, its bytecode size, machine-code bytes and the median compile
time; then the same for every benchmark in this directory at its quick
size (one run each).  The JIT's own clock measures the compile (from the
bytecode to executable code, listings off), so process start-up and the
program's run are not in the figures.

Examples:
    python3 testdata/bench/compile_cost.py
    python3 testdata/bench/compile_cost.py --lines 400 --runs 9
    python3 testdata/bench/compile_cost.py --json

Standard library only.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import BENCHMARKS, DEFAULT_JITPROF, HERE, STARTUP  # noqa: E402

# One block of generated code: ten lines using the function's locals.
BLOCK = """\
    a = a + i * {k} - (b >> 1)
    if a > 1000000:
        a = a % 9973
    x = x * 0.5 + float(a & 255) / {k}.0
    b = (b ^ a) & 0xFFFF
    for j in range(3):
        acc.append(a + j)
    p.v = p.v + x
    d[b & 7] = d.get(b & 7, 0) + 1
    total += helper(a, b) + len(acc)
"""


def make_program(lines):
    blocks = max(1, (lines - 8) // BLOCK.count("\n"))
    body = "".join(BLOCK.format(k=k + 1) for k in range(blocks))
    return f"""\
class P:
    def __init__(self):
        self.v = 0.0


def helper(a, b):
    return (a + b) & 1


def big(i):
    a, b, x, total = i, 7, 1.5, 0
    acc, d, p = [], {{}}, P()
{body}    try:
        total += acc[len(acc)]
    except IndexError:
        total -= 1
    return total + int(x) + len(d)


for n in range(3):
    print(big(n) % 1000)
""", blocks * BLOCK.count("\n") + 8


def jit_stats(jitprof, prog, args=()):
    """Run `prog` compiled eagerly; the --jit-stats document."""
    with tempfile.TemporaryDirectory() as tmp:
        stats = Path(tmp) / "stats.json"
        cmd = [str(jitprof), "run", "--no-profile", "--jit=eager",
               "--jit-stats", str(stats), str(prog), *args]
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, timeout=600)
        if r.returncode != 0:
            raise SystemExit(f"compile_cost: {' '.join(cmd)} failed:\n{r.stderr}")
        return json.loads(stats.read_text())


def per_function(stats):
    """(function, line) -> (bytecode instrs, code bytes, compile ns) of the
    first compiled version of each function."""
    out = {}
    for c in stats["compiled"]:
        key = (c["function"], c["line"])
        if key not in out:
            out[key] = (c["bytecode_instructions"], c["code_bytes"], c["compile_time_ns"])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=200, help="length of the generated function")
    ap.add_argument("--runs", type=int, default=5, help="runs of the generated program (median)")
    ap.add_argument("--jitprof", default=os.environ.get("JITPROF", DEFAULT_JITPROF),
                    help="the jitprof binary (default: target/release/jitprof)")
    ap.add_argument("--no-benchmarks", action="store_true",
                    help="only the generated program, not the benchmarks")
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    a = ap.parse_args()
    if not Path(a.jitprof).exists():
        raise SystemExit(f"compile_cost: no jitprof at {a.jitprof} (cargo build --release)")

    src, real_lines = make_program(a.lines)
    report = {"generated": {}, "benchmarks": {}}
    with tempfile.TemporaryDirectory() as tmp:
        prog = Path(tmp) / "compile_cost_prog.py"
        prog.write_text(src)
        runs = [per_function(jit_stats(a.jitprof, prog)) for _ in range(a.runs)]
    for key in runs[0]:
        n, code, _ = runs[0][key]
        times = [r[key][2] for r in runs if key in r]
        report["generated"][f"{key[0]}:{key[1]}"] = {
            "bytecode_instructions": n, "code_bytes": code,
            "compile_us_median": statistics.median(times) / 1000,
            "compile_us_runs": [t / 1000 for t in times],
        }
    if not a.no_benchmarks:
        for name, quick in BENCHMARKS.items():
            if name in STARTUP:
                continue
            fs = per_function(jit_stats(a.jitprof, HERE / f"{name}.py", quick))
            report["benchmarks"][name] = {
                "functions": len(fs),
                "bytecode_instructions": sum(v[0] for v in fs.values()),
                "code_bytes": sum(v[1] for v in fs.values()),
                "compile_us": sum(v[2] for v in fs.values()) / 1000,
                "max_compile_us": max((v[2] for v in fs.values()), default=0) / 1000,
            }
    if a.json:
        print(json.dumps(report, indent=2))
        return
    print(f"generated program: `big` has {real_lines} lines; median of {a.runs} runs")
    print(f"{'function':<24} {'bytecode':>9} {'code bytes':>11} {'compile us':>11} {'bytes/instr':>12}")
    for k, v in report["generated"].items():
        per = v["code_bytes"] / max(1, v["bytecode_instructions"])
        print(f"{k:<24} {v['bytecode_instructions']:>9} {v['code_bytes']:>11} "
              f"{v['compile_us_median']:>11.1f} {per:>12.1f}")
    if report["benchmarks"]:
        print()
        print("benchmarks (quick sizes, every function compiled on first use, one run)")
        print(f"{'benchmark':<16} {'functions':>9} {'bytecode':>9} {'code bytes':>11} "
              f"{'compile us':>11} {'max us':>8}")
        for k, v in report["benchmarks"].items():
            print(f"{k:<16} {v['functions']:>9} {v['bytecode_instructions']:>9} "
                  f"{v['code_bytes']:>11} {v['compile_us']:>11.1f} {v['max_compile_us']:>8.1f}")


if __name__ == "__main__":
    main()
