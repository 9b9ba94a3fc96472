# Calls of pure arithmetic functions that branch (if/else on compares of
# their parameters, `&`, `|`, `^`), which compiled code computes at the call
# site (jit/inline.rs): each way through the body, and every way off the
# planned path (another type, an overflow, a NaN, an int too large to
# compare with a float exactly) must make the real call and behave exactly
# as it does.
import sys


def step_down(x):
    if x > 0:
        x = x - 1
    else:
        x = x + 2
    return x


def wrap(x):
    if x > 1000:
        return x - 1000
    return x


def mix(x, k):
    if k & 1:
        return x + 1
    return x


def clamp(x, lo, hi):
    if x < lo:
        return lo
    elif x > hi:
        return hi
    return x


def sign(x):
    if x < 0:
        return -1
    if x == 0:
        return 0
    return 1


def flags(a, b):
    c = (a | b) ^ 5
    if c != 3:
        return c & 6
    return a + b


def fscale(x, y):
    if x >= y:
        return x * 0.5
    return y - x


def pick(a, b):
    if a <= b:
        return b
    return a


def half_or_none(x):
    if x:
        return x // 2
    return 0


def loop(n, f, *extra):
    t = 0
    for i in range(n):
        t = t + f(i, *extra) if extra else t + f(i)
    return t


def small_calls(n):
    t = 0
    for k in range(n):
        t = step_down(t)
        t = mix(t, k)
        t = wrap(t + k % 7)
    return t


print(small_calls(3000))
print(loop(400, sign), loop(400, half_or_none), loop(400, clamp, 50, 300))


def clamps(vals, lo, hi):
    return [clamp(v, lo, hi) for v in vals]


def signs(vals):
    return [sign(v) for v in vals]


# The planned path (ints) many times, then other types mid-loop: floats,
# bools, big ints, strings, None.
print(sum(clamps(range(300), 10, 200)))
print(clamps([3.5, -1.0, 250.25, 7, 2 ** 70, -(2 ** 70), True, False], 0, 100))
print(clamps([1.5, 0.5], 1, 2.5), clamps([1, 5], 1.5, 2.5))
print(signs([-3, 0, 4, -0.0, 0.0, 2.5, -2.5, True, False, 2 ** 80, -(2 ** 80)]))
print(signs([float("nan"), float("inf"), float("-inf")]))
try:
    print(signs(["a"]))
except TypeError as e:
    print("TypeError:", e)
try:
    print(clamps([None], 0, 1))
except TypeError as e:
    print("TypeError:", e)

# Floats on the planned path, then NaN (every compare false), then ints.
fl = [fscale(i * 0.25, 20.0) for i in range(300)]
print(fl[:3], fl[-3:])
nan = float("nan")
print(fscale(nan, 1.0), fscale(1.0, nan), pick(nan, 1.0), pick(1.0, nan))
print([pick(i * 0.5, 60) for i in range(250)][-3:], pick(2 ** 53 + 1, float(2 ** 53)))
print(pick(float(2 ** 53), 2 ** 53 + 1), pick(2 ** 63, 1.0), pick(-(2 ** 63), -1.0))

# Bit operations: ints only; a float or a big int makes the real call.
print(sum(flags(i, i + 1) for i in range(300)), flags(2 ** 65, 1), flags(-7, 3))
try:
    flags(1.5, 2)
except TypeError as e:
    print("TypeError:", e)

# Overflow on one way only.
big = 2 ** 63 - 1
print([step_down(big - i) for i in range(3)], [wrap(-big - 1 + i) for i in range(3)])
print([step_down(-big - 1) for _ in range(300)][-1])
print([mix(big, k) for k in range(300)][-2:])


# The callee running already: a dunder on instances calls back into a
# loop that calls it (the real call then, which counts it as recursive).
class Num:
    def __init__(self, v):
        self.v = v

    def __gt__(self, o):
        return loop(50, wrap) > o * 5

    def __lt__(self, o):
        return loop(40, sign) < o


print(wrap(Num(3)) is not None, sign(Num(1)))


# Rebinding the global mid-loop: the new function runs.
def rebinding(n):
    global sign
    s = 0
    for i in range(n):
        if i == n // 2:
            sign = lambda x: 10
        s += sign(i - 100)
    return s


print(rebinding(600))


# The recursion limit: a call at the limit raises, inline or not.
def deep(n):
    if n == 0:
        return clamp(5, 0, 3)
    return deep(n - 1)


sys.setrecursionlimit(200)
for d in (150, 196, 197, 198, 199, 250):
    try:
        print(d, deep(d))
    except RecursionError:
        print(d, "RecursionError")
