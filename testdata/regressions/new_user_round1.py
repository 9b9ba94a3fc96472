# Regressions found by writing programs as a new user would (first round).
import sys

d = {"a": 1, "b": 2}
# dict views compare and combine like sets
print(d.keys() == {"a", "b"}, d.items() == {("a", 1), ("b", 2)}, d.values() == d.values())
print(sorted(d.keys() & {"a", "z"}), sorted(d.keys() | {"c"}), sorted(d.items() - {("a", 1)}))
print(("a", 1) in d.items(), ("a", 2) in d.items(), len(d.keys()), len(d.items()))
# reversed over dicts, views and bytes
print(list(reversed(d)), list(reversed(d.items())), list(reversed(b"abc")))
# %x/%o need integers; %d truncates floats
for fmt, arg in [("%x", 3.5), ("%o", 2.0), ("%d", 2.5), ("%X", 255)]:
    try:
        print(fmt % arg)
    except TypeError as e:
        print("TypeError:", e)
# docstrings and attributes a decorator copies
def greet():
    """Say hi."""
def wrapper():
    pass
wrapper.__name__ = greet.__name__
wrapper.__doc__ = greet.__doc__
print(greet.__doc__, wrapper.__name__, wrapper.__doc__)
# exception args can be replaced
e = ValueError("a")
e.args = ("b", 2)
print(e, repr(e), e.args)
# iterator type names
print(type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__, type(enumerate([])).__name__)
# a new NaN is a different object; the same one is found by identity
nan = float("nan")
items = [nan, 1.0]
print(nan in items, float("nan") in items, items.count(nan), [nan] == [nan])
# shifts and powers at the edges
print(0 << 10 ** 20, 0.0 ** float("-inf"), float("-inf") ** 0.5)
for expr in ("1.5 & True", "[*5]", "f(1, *5)", "f(**{1: 2})"):
    def f(*a, **k):
        return a
    try:
        if expr == "1.5 & True":
            1.5 & True
        elif expr == "[*5]":
            [*5]
        elif expr == "f(1, *5)":
            f(1, *5)
        else:
            f(**{1: 2})
    except TypeError as err:
        print(expr, "->", err)
print(sys.maxsize)
