# Truth tests of floats in compiled code: `if x:`, `while x:`, `not x`,
# `and`/`or`, for +0.0, -0.0, NaN, infinities and tiny values, with the
# float in a frame slot and in a register-allocated loop, and a condition
# that turns from float to int, str and None mid-loop.
import math

SPECIALS = [0.0, -0.0, 1.0, -1.0, 5e-324, -5e-324, math.inf, -math.inf, math.nan, 1e308]


def truth_if(xs):
    out = []
    for x in xs:
        if x:
            out.append(1)
        else:
            out.append(0)
    return out


def truth_not(xs):
    return [not x for x in xs]


def truth_and_or(xs):
    return [(x and "t") or "f" for x in xs]


def halve_until_zero(x):
    steps = 0
    while x:
        x = x / 2.0
        steps += 1
    return steps


def register_loop(n):
    # `acc` is a float kept in a register; its truth is tested each turn.
    acc = 0.0
    hits = 0
    for i in range(n):
        acc = acc + 0.5 if i % 3 else 0.0
        if acc:
            hits += 1
        if not acc:
            hits += 100
    return hits


def changing_types(values):
    seen = []
    for v in values:
        seen.append("yes" if v else "no")
    return seen


print(truth_if(SPECIALS))
print(truth_not(SPECIALS))
print(truth_and_or(SPECIALS))
print(halve_until_zero(1.0), halve_until_zero(-3.5), halve_until_zero(0.0))
print(register_loop(30), register_loop(1000))
mixed = [1.5, 0.0, -0.0, 2.0] * 50 + [0, 7, "", "s", None, [], [0.0], math.nan, -0.0]
print(changing_types(mixed)[-12:], changing_types(mixed).count("yes"))
