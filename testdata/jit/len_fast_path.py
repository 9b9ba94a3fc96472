# len() and ord() at the call site in compiled code (jit/gen_builtin_calls.rs): str,
# list and tuple lengths read from the object, the code point of a
# one-character str; everything else, and a len
# that is no longer the builtin, makes the call.
import builtins


def total(xs):
    t = 0
    for x in xs:
        t += len(x)
    return t


class Sized:
    def __len__(self):
        return 42


values = ["", "a", "héllo wörld", "日本語", [1, 2, 3], (4, 5), [], (),
          {"a": 1}, {1, 2}, b"bytes", range(10), Sized()]
for _ in range(50):
    print(total(values), end=" ")
print()

# Errors raised by the real call.
for bad in (3, None, 2.5):
    try:
        total([bad])
    except TypeError as e:
        print("TypeError:", e)

# A list growing while its length is taken.
def grow(n):
    xs = []
    out = []
    for i in range(n):
        xs.append(i)
        out.append(len(xs))
    return out[-3:], len(xs)


print(grow(500))


# len rebound: as a global, then back to the builtin.
def calls(n):
    t = 0
    for i in range(n):
        t += len("abc")
    return t


print(calls(300))
len = lambda x: 100
print(calls(300))
del len
print(calls(300))

# The builtin under another name, and len shadowed by a local.
mylen = builtins.len


def other_name(n):
    t = 0
    for i in range(n):
        t += mylen([i, i])
    return t


def shadowed(n, len=lambda x: -1):
    t = 0
    for i in range(n):
        t += len("abcd")
    return t


print(other_name(300), shadowed(300))
try:
    print(len("ab", "cd"))
except TypeError as e:
    print("TypeError:", e)


# ord() likewise: a str of one character; other lengths and types raise
# from the real call.
def ords(xs):
    t = 0
    for x in xs:
        t += ord(x)
    return t


chars = ["a", "Z", "\n", "é", "日", "😀", "\x00", "\x7f", "\x80"]
print([ords(chars) for _ in range(40)][-1])
for bad in ("", "ab", "日本", 5, None, b"ab"):
    try:
        print(ords([bad]))
    except TypeError as e:
        print("TypeError:", e)
print(ords([b"a", b"b"]))
ord = len
print(ords(["abc", [1, 2]]))
del ord
print(ords(["q"]))
