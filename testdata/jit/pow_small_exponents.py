# x ** 2, x ** 0.5, x ** -1.5 and friends in compiled loops: ints, floats,
# bools, negatives, NaN, inf, zero (ZeroDivisionError caught), and results
# printed with repr so every bit shows.
import math

vals = [0, 1, 2, 7, 2.5, 0.0, -0.0, 1e-300, 1e300, 1e155,
        float("inf"), float("nan"), True, False, 3.0000001]
negs = [-1, -3, -2.5, float("-inf"), -1e-300]


def powers(x, exps=(2, 3, 0.5, -1.5, 2.0, -2, 1, 0, -1)):
    out = []
    for e in exps:
        try:
            out.append(repr(x ** e))
        except (ZeroDivisionError, OverflowError, ValueError) as ex:
            out.append(type(ex).__name__)
    return out


res = None
for rep in range(250):
    res = [powers(v) for v in vals]
for v, r in zip(vals, res):
    print(repr(v), r)
for rep in range(250):
    res = [powers(v, (2, 3, 2.0, -2, -2.0, 1, 0, -1, 4)) for v in negs]
for v, r in zip(negs, res):
    print(repr(v), r)
acc = 0.0
for i in range(1, 300):
    x = i * 0.37
    acc += x ** 2 - x * x + x ** 0.5 - math.sqrt(x) + x ** -1.5
print(repr(acc))
print(repr((-8.0) ** 2), repr((-8) ** 2), repr(2 ** 62 ** 1), repr(3 ** 2.0))
