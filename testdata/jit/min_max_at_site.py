# `min(a, b)` and `max(a, b)` of two numbers, which compiled code computes
# at the call site (jit/gen_builtin_calls.rs): ints, floats, an int with a
# float (compared exactly, also past 2**53), NaN on either side, -0.0 and
# 0.0 (the first of equals wins), bools, big ints, other types, keywords,
# and `min` rebound must all behave exactly as the real call.
import builtins


def clamp(xs, lo, hi):
    return [max(lo, min(hi, x)) for x in xs]


def loop(n):
    t = 0
    f = 0.0
    for i in range(n):
        t += min(i, 50) + max(i % 7, 3)
        f += min(1, i * 0.01) + max(i * 0.5, 2)
    return t, f


print(loop(3000))
print(clamp([-5, 0, 3, 255, 300, 1.5, -0.5, 254.9], 0, 255))
nan = float("nan")
print(min(nan, 1), min(1, nan), max(nan, 1.0), max(1.0, nan), min(nan, nan))
print([min(a, b) for a, b in [(nan, 1), (1, nan), (2.0, nan), (nan, 2)] * 2])
print([max(a, b) for a, b in [(nan, 1), (1, nan), (2.0, nan), (nan, 2)] * 2])
print([repr(min(a, b)) for a, b in [(0.0, -0.0), (-0.0, 0.0), (0, 0.0), (0.0, 0)] * 2])
print([repr(max(a, b)) for a, b in [(0.0, -0.0), (-0.0, 0.0), (0, 0.0), (0.0, 0)] * 2])
big = 2 ** 53
print([min(a, b) for a, b in [(big + 1, float(big)), (float(big), big + 1), (-big - 1, -float(big))] * 2])
print([max(a, b) for a, b in [(big + 1, float(big)), (float(big), big + 1), (2 ** 70, 1.5)] * 2])
print([min(a, b) for a, b in [(True, 2), (0, False), (2 ** 64, 3), ("a", "b"), ((1, 2), (1, 3))] * 2])
try:
    print([min(a, b) for a, b in [(1, 2), (1, "x")]])
except TypeError as e:
    print("TypeError:", e)
print(min(3, 1, 2), max([4, 9, 2]), min(5, 7, key=lambda x: -x), max((), default=0))


def rebinding(n):
    global min
    t = 0
    for i in range(n):
        if i == n // 2:
            min = lambda a, b: -1
        t += min(i, 10)
    min = builtins.min
    return t


print(rebinding(400), min(4, 2))
