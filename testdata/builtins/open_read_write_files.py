# open(): text and binary files, read/readline/readlines/iteration, write,
# writelines, print(file=), append, newline= and encoding=, and the errors
# (missing file, directory, bad mode, wrong types, closed file, decoding).
# Files go to /tmp under a random name: the engines run this at once; the
# file is removed at the end.
import os, random, sys
random.seed()
tag = random.getrandbits(48)
print(__file__.endswith("f1.py"), __name__)
path = f"/tmp/jitprof-file-{tag}.txt"
with open(path, "w") as f:
    print(repr(f).startswith("<_io.TextIOWrapper name="), f.mode, f.encoding, f.closed, type(f).__name__)
    n = f.write("first line\nsecond line\r\nthird é line\n")
    print("wrote", n)
    f.writelines(["a\n", "b\n"])
    print("last", "line", sep="-", file=f)
print(f.closed)
with open(path) as f:
    print(f.readline(), end="")
    for i, line in enumerate(f):
        print(i, repr(line))
with open(path, newline="") as f:
    print(f.readlines())
with open(path, "rb") as f:
    data = f.read()
    print(type(f).__name__, repr(f).replace(str(tag), "TAG"), f.mode, len(data), data[:12])
with open(path, "a") as f:
    f.write("appended\n")
f = open(path)
print(len(f.read()), repr(f.read()), f.read(3) == "")
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
f = open(path)
print(repr(f.read(5)), repr(f.readline()), repr(f.readline(3)))
f.close()
for bad in ["/nonexistent/dir/x.txt", "/tmp"]:
    try:
        open(bad)
    except OSError as e:
        print(type(e).__name__, e, e.errno, e.filename, e.strerror, isinstance(e, OSError))
try:
    open(path, "rw")
except ValueError as e:
    print(e)
try:
    with open(path, "w") as f:
        f.write(5)
except TypeError as e:
    print(e)
try:
    with open(path, "wb") as f:
        f.write("text")
except TypeError as e:
    print(e)
with open(path, "wb") as f:
    f.write(b"\x00\x01binary\n")
with open(path, "rb") as f:
    print(list(f))
try:
    open(path, "x")
except FileExistsError as e:
    print(str(e).replace(str(tag), "TAG"))
with open(path, "w", encoding="latin-1") as f:
    f.write("caf\xe9\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="latin-1") as f:
    print(f.read(), end="")
try:
    with open(path) as f:
        f.read()
except UnicodeDecodeError as e:
    print("decode:", e)
w = open(path, "w")
w.write("never closed\n")
try:
    w.read()
except OSError as e:
    print("read on writer:", type(e).__name__ in ("UnsupportedOperation", "OSError"), e)
w.close()
os.remove(path)
print(os.path.exists(path))
