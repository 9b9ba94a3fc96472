# os and os.path: the working directory and process id, path arithmetic
# (join, split, splitext, basename, dirname, normpath, relpath), files and
# directories (makedirs, stat, listdir, rename, remove, rmdir, removedirs)
# with the errors CPython raises (errno, strerror, both file names), the
# environment (os.environ as a mapping, getenv) and fspath.
# Files go to /tmp under a random name: the engines run this at once.
import os, os.path
from os.path import join, splitext
import random
random.seed()
print(os.name, os.sep, repr(os.linesep), os.curdir, os.pardir, os.devnull, os.path.sep)
print(type(os.getcwd()).__name__, os.getcwd() == os.path.abspath("."), type(os.getpid()).__name__)
print(os.path is os.path, os.path.__name__, join("a", "b", "/c", "d"), join("a/", "b"), join("", "x"))
for p in ["a/b.txt", "/", "//x", "a.b/c", ".bashrc", "x/..hidden", "a/b/", "", "foo.tar.gz", "///a//b/"]:
    print(repr(p), os.path.split(p), splitext(p), os.path.basename(p), repr(os.path.dirname(p)), os.path.normpath(p), os.path.isabs(p))
print(os.path.normpath("a/./b/../../../c"), os.path.normpath("/../a"), os.path.relpath("/a/b/c", "/a/d"), os.path.commonprefix(["abc", "abd"]))
tag = random.getrandbits(40)
d = f"/tmp/jitprof-os-{tag}"
os.makedirs(d + "/x/y")
os.makedirs(d + "/x/y", exist_ok=True)
try:
    os.makedirs(d + "/x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == d + "/x", str(e).replace(d, "D"))
f = join(d, "f.txt")
with open(f, "w") as fh:
    fh.write("hello")
print(os.path.exists(f), os.path.isfile(f), os.path.isdir(f), os.path.isdir(d), os.path.getsize(f), sorted(os.listdir(d)))
st = os.stat(f)
print(type(st).__name__, type(st).__module__, st.st_size, st[6], len(st), isinstance(st.st_mtime, float), isinstance(st[8], int), st.st_mtime_ns // 10**9 == st[8], os.path.getmtime(f) == st.st_mtime)
print(repr(st).startswith("os.stat_result(st_mode="))
os.rename(f, f + ".2")
print(os.path.exists(f), os.path.exists(f + ".2"))
for fn, args in [(os.remove, (f,)), (os.rmdir, (d,)), (os.rename, (f, f + ".3")), (os.listdir, (f,)), (os.stat, (f,)), (os.mkdir, (d,)), (os.remove, (d + "/x",))]:
    try:
        fn(*args)
    except OSError as e:
        print(fn.__name__, type(e).__name__, e.errno, str(e).replace(d, "D"), e.filename2 if e.filename2 is None else e.filename2.replace(d, "D"))
for bad in [1, None, 2.5]:
    try:
        os.remove(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    join("a", 1)
except TypeError as e:
    print("TypeError", e)
try:
    join(1)
except TypeError as e:
    print("TypeError", e)
os.remove(f + ".2")
os.rmdir(d + "/x/y")
os.removedirs(d + "/x")
print(os.path.exists(d))
print(isinstance(os.environ.get("PATH", ""), str), os.environ.get("JITPROF_NOPE"), os.getenv("JITPROF_NOPE", "dflt"))
os.environ["JITPROF_T"] = "v1"
print(os.environ["JITPROF_T"], os.getenv("JITPROF_T"), "JITPROF_T" in os.environ)
del os.environ["JITPROF_T"]
print(os.environ.get("JITPROF_T"), type(os.environ).__name__)
try:
    os.environ["JITPROF_T"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ[1] = "x"
except TypeError as e:
    print("TypeError", e)
print(os.fspath("x"), repr(os.environ)[:9], isinstance(os.environ.copy(), dict))
class P:
    def __fspath__(self):
        return "/tmp"
print(os.fspath(P()), os.path.isdir(P()))
class Missing:
    def __fspath__(self):
        return d + "/missing"
try:
    os.remove(Missing())
except FileNotFoundError as e:
    print(str(e).replace(d, "D"), e.filename.replace(d, "D"))
class Bad:
    def __fspath__(self):
        return 3
for fn, arg in [(os.remove, Bad()), (os.stat, 1.5), (os.path.exists, 2.5)]:
    try:
        print(fn(arg))
    except TypeError as e:
        print("TypeError", e)
print(sorted(os.listdir(None)) == sorted(os.listdir()) == sorted(os.listdir(".")))
for fn in (os.remove, os.stat, os.listdir):
    try:
        fn("a\0b")
    except ValueError as e:
        print(fn.__name__, "ValueError", e)
