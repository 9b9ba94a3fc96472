# Float `**` in hot loops, where compiled code calls pow() inline for a
# base > 0 and a finite result and leaves everything else to the
# interpreter: negative bases, zero, inf, nan, overflow, underflow, int
# operands, and errors raised from compiled code.
import math


def powers(xs, e):
    out = []
    for x in xs:
        out.append(x ** e)
    return out


def norm_pow(vals):
    # nbody's shape: a sum of squares to the -1.5, in a register loop.
    t = 0.0
    for (dx, dy, dz) in vals:
        mag = (dx * dx + dy * dy + dz * dz) ** (-1.5)
        t += mag
    return t


def safe_pow(x, e):
    try:
        return x ** e
    except (ZeroDivisionError, OverflowError, ValueError) as err:
        return type(err).__name__ + ": " + str(err)


def loop_pow(xs, e):
    out = []
    for x in xs:
        out.append(safe_pow(x, e))
    return out


def loop_raise(xs, e):
    # The power raises inside the hot loop itself.
    acc = 0.0
    i = 0
    try:
        for x in xs:
            acc += x ** e
            i += 1
    except ZeroDivisionError as err:
        return ("ZeroDivisionError", str(err), i, acc)
    except OverflowError as err:
        return ("OverflowError", str(err), i, acc)
    return ("done", i, acc)


def mixed(n):
    # Int base with a float exponent, float base with int exponents
    # (constant and variable), and a site that turns into ints.
    s = 0.0
    for i in range(1, n):
        s += i ** 0.5
        s += (i * 0.25) ** 2
        s += (i * 0.5) ** (i % 5)
    return s


def int_then_float(vals, e):
    out = []
    for v in vals:
        out.append(v ** e)
    return out


xs = [0.1 * k + 0.05 for k in range(300)]
for e in (2, 3, -1, 0.5, -1.5, 2.0, 1e-3, 0):
    r = powers(xs, e)
    print(e, repr(sum(r)), repr(r[7]), repr(r[-1]))

vals = [(0.1 * i + 1.0, 0.2 * i - 3.0, 0.05 * i) for i in range(400)]
print(repr(norm_pow(vals)))

edge = [2.0] * 200 + [-2.0, -0.0, 0.0, math.inf, -math.inf, math.nan, 1.0, 1e-320, 1e300, 0.5]
for e in (3, -1, 0.5, -0.5, 2.5, 1000, -1000, math.inf, -math.inf, math.nan, 0, 0.0, -3, 4.0):
    # (A negative base to a fractional power is a complex number, which
    # jitprof does not have.)
    xs2 = edge if e != e or abs(e) == math.inf or e == int(e) else [v for v in edge if not v < 0]
    print(e, [repr(v) for v in loop_pow(xs2, e)[198:]])

print(loop_raise([1.5] * 300 + [0.0, 2.0], -1))
print(loop_raise([1.5] * 300 + [1e300, 2.0], 2))
print(loop_raise([1.5] * 300 + [10.0, 2.0], 400.0))
print(loop_raise([1.5] * 300, 2))
print(repr(mixed(400)))
print(int_then_float([1.5] * 250 + [3, 4, -2], 3)[248:])
print(int_then_float([1.5] * 250 + [8, 0.5, math.nan], 1 / 3)[248:])
print(int_then_float([2.0] * 250 + [2, 3], -2)[248:])
