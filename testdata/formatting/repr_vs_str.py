values = [
    42, -0.5, 1e100, 2.0, "text", "it's", 'say "x"', "multi\nline", "", None, True, False,
    [1, "a", None], (1,), (), {"k": "v", 2: [3]}, {1, 2}, set(), frozenset({5}), b"bytes", [[], [()]],
    range(3), range(1, 10, 2), [0.1, 0.2 + 0.1], {"nested": {"deeper": ("t", 1.5)}}, ["quote's", 'dq"'],
]
for v in values:
    print(str(v), "||", repr(v))

print(str("a\tb"), repr("a\tb"), repr("\\n"), repr("'"), repr('"'), repr("'\""), repr("\x1f\x80\xff"))
print([str(x) for x in [1, "1", 1.0]], [repr(x) for x in [1, "1", 1.0]])
print(repr(repr("x")), str(str("x")), repr(str(5)), str(repr(5)))

# Containers always use repr for their elements.
names = ["Ann", "Bob O'Neil"]
print(names, str(names), ", ".join(names), tuple(names), {n: len(n) for n in names})
print(type(1), type("s"), type([]), type(None), type(print), type(len), type(1.0), type(True), type({}), type(()))
print(repr(type(1)), str(type(type(1))), type(range(1)), type(b""), type(set()), type(frozenset()))
print(print, len, abs, repr(sorted))
def user_function():
    pass
print(str(user_function).startswith("<function user_function at"), repr(lambda: 0).startswith("<function <lambda>"))

# str() of numbers in different bases and round trips.
for n in [0, 7, -7, 2 ** 64]:
    s = str(n)
    print(s, int(s) == n, repr(s), hex(n), int(hex(n), 16) == n)
for x in [0.1, 1 / 3, 2.5e-8, 1e22, 123.0]:
    print(str(x), float(str(x)) == x, float(repr(x)) == x)
