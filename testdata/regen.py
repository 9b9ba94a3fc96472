#!/usr/bin/env python3
"""Regenerate (or check) the expected output of the golden corpus.

Every program ``testdata/<feature>/NAME.py`` is run under CPython 3.11, from
the repository root, exactly as tests/corpus.rs runs it under jitprof:

    PYTHONHASHSEED=0 python3 testdata/<feature>/NAME.py ARGS... </dev/null

and its output is stored next to it:

    NAME.stdout   always (possibly empty)
    NAME.stderr   only when stderr is non-empty
    NAME.exit     only when the exit status is non-zero (just the number)

ARGS come from an optional first line ``# args: a b c`` (split on whitespace).

CPython (3.9+) makes the main script's path absolute in tracebacks
(``File "/abs/path/to/repo/testdata/...``) while jitprof reports the path as
given on its command line, so the repository root prefix is stripped from
stderr: expected files always read ``File "testdata/<feature>/NAME.py"``
and do not depend on where the repository is checked out.

Usage:
    python3 testdata/regen.py            rewrite every expected file
    python3 testdata/regen.py --check    report stale/missing/orphan files, write nothing
    python3 testdata/regen.py SUBSTR...  only programs whose path contains one of SUBSTR

Skipped: testdata/bench/ (owned elsewhere) and testdata/jitprof_errors/
(hand-written expected files: jitprof's own diagnostics, not CPython's).
Python files directly in testdata/ (like this script) are not programs.

Exit status: 0 = up to date / written, 1 = stale files found (--check) or a
program misbehaved, 2 = usage error, 3 = no CPython 3.11 available.
"""

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

TESTDATA = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TESTDATA)
SKIP_DIRS = {"bench", "jitprof_errors"}
REQUIRED_VERSION = (3, 11)
TIMEOUT_SECONDS = 60
EXPECTED_SUFFIXES = (".stdout", ".stderr", ".exit", ".stderr_prefix")


def find_python():
    """The interpreter whose output is the reference: CPython 3.11."""
    if sys.implementation.name == "cpython" and sys.version_info[:2] == REQUIRED_VERSION:
        return sys.executable
    name = "python%d.%d" % REQUIRED_VERSION
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def find_programs(filters):
    """Relative paths (testdata/<feature>/.../NAME.py), sorted."""
    programs = []
    for entry in sorted(os.listdir(TESTDATA)):
        top = os.path.join(TESTDATA, entry)
        if entry in SKIP_DIRS or not os.path.isdir(top):
            continue
        for dirpath, dirnames, filenames in os.walk(top):
            # Helper modules for import tests are not programs: NAME_lib/ and NAME_lib.py.
            dirnames[:] = sorted(d for d in dirnames if not d.endswith("_lib"))
            for filename in sorted(filenames):
                if filename.endswith(".py") and not filename.endswith("_lib.py"):
                    rel = os.path.relpath(os.path.join(dirpath, filename), ROOT)
                    rel = rel.replace(os.sep, "/")
                    if not filters or any(f in rel for f in filters):
                        programs.append(rel)
    return programs


def find_orphans(filters):
    """Expected files whose program no longer exists."""
    orphans = []
    for entry in sorted(os.listdir(TESTDATA)):
        top = os.path.join(TESTDATA, entry)
        if entry in SKIP_DIRS or not os.path.isdir(top):
            continue
        for dirpath, _, filenames in os.walk(top):
            for filename in sorted(filenames):
                stem, ext = os.path.splitext(filename)
                if ext in EXPECTED_SUFFIXES and not os.path.exists(os.path.join(dirpath, stem + ".py")):
                    rel = os.path.relpath(os.path.join(dirpath, filename), ROOT).replace(os.sep, "/")
                    if not filters or any(f in rel for f in filters):
                        orphans.append(rel)
    return orphans


def program_args(path):
    """Arguments from a first line '# args: a b c' (whitespace-separated)."""
    with open(os.path.join(ROOT, path), "rb") as f:
        first = f.readline().decode("utf-8").strip()
    if first.startswith("# args:"):
        return first[len("# args:"):].split()
    return []


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    # Expected files are UTF-8 regardless of the caller's locale.
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run(python, path):
    """Run one program; return {suffix: bytes or None} (None = file must not exist)."""
    try:
        proc = subprocess.run(
            [python, path] + program_args(path),
            cwd=ROOT,
            env=child_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return None
    stderr = proc.stderr.replace((ROOT + os.sep).encode(), b"")
    return {
        ".stdout": proc.stdout,
        ".stderr": stderr or None,
        ".exit": ("%d\n" % proc.returncode).encode() if proc.returncode != 0 else None,
        # CPython output is always compared exactly, never by prefix.
        ".stderr_prefix": None,
    }


def read_or_none(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main(argv):
    check = False
    filters = []
    for arg in argv:
        if arg == "--check":
            check = True
        elif arg in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        elif arg.startswith("-"):
            print("regen.py: unknown option %s" % arg, file=sys.stderr)
            return 2
        else:
            filters.append(arg)

    python = find_python()
    if python is None:
        print(
            "regen.py: the expected output is CPython %d.%d's; this is %s and no python%d.%d is on PATH"
            % (REQUIRED_VERSION + (sys.version.split()[0],) + REQUIRED_VERSION),
            file=sys.stderr,
        )
        return 3

    programs = find_programs(filters)
    if not programs:
        print("regen.py: no programs match", file=sys.stderr)
        return 2

    workers = max(1, min(16, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda p: run(python, p), programs))

    problems = []
    changed = []
    for path, result in zip(programs, results):
        if result is None:
            problems.append("%s: timed out after %d s" % (path, TIMEOUT_SECONDS))
            continue
        stem = os.path.join(ROOT, path[: -len(".py")])
        for suffix, wanted in result.items():
            target = stem + suffix
            rel = path[: -len(".py")] + suffix
            have = read_or_none(target)
            if have == wanted:
                continue
            if check:
                if wanted is None:
                    changed.append("%s: should not exist" % rel)
                elif have is None:
                    changed.append("%s: missing" % rel)
                else:
                    changed.append("%s: stale" % rel)
            else:
                if wanted is None:
                    os.remove(target)
                    changed.append("removed %s" % rel)
                else:
                    with open(target, "wb") as f:
                        f.write(wanted)
                    changed.append("wrote %s" % rel)

    for orphan in find_orphans(filters):
        if check:
            changed.append("%s: orphan (no matching .py)" % orphan)
        else:
            os.remove(os.path.join(ROOT, orphan))
            changed.append("removed orphan %s" % orphan)

    for line in changed:
        print(line)
    for line in problems:
        print("regen.py: " + line, file=sys.stderr)

    if check:
        if changed:
            print(
                "regen.py --check: %d expected file(s) out of date; run `python3 testdata/regen.py`"
                % len(changed),
                file=sys.stderr,
            )
            return 1
        print("regen.py --check: %d programs, all expected files up to date" % len(programs))
    else:
        print("regen.py: %d programs, %d file(s) changed" % (len(programs), len(changed)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
