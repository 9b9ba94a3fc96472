# Sites that saw one kind of number while interpreted, then get another once
# compiled: a float site that gets ints, bools, big ints and strings, and an
# int site that gets floats. Under --jit=auto the functions below are warmed
# up in the interpreter (their type feedback says "float" or "int"), compiled,
# then called with the other kinds, past the point where the failing guards
# get the site recompiled.


def scale(x, k):
    return x * k + 0.5


def blend(a, b, t):
    return a + (b - a) * t


def neg(x):
    return -x


def halve(x):
    return x / 2


def less(a, b):
    return a < b


def mod7(x):
    return x % 7


def shift(x, n):
    return (x >> n) ^ (x & 255)


def count_down(x):
    n = 0
    while x > 0:
        x = x - 1
        n += 1
    return n


# Warm up with floats (float feedback), then ints, bools, big ints, strings.
total = 0.0
for i in range(400):
    total += scale(i * 0.25, 1.5)
print("floats", total)
itotal = 0
for i in range(1500):
    itotal += scale(i, 3) - 0.5
print("ints", itotal, type(itotal).__name__)
print("bools", scale(True, False), scale(False, 2.5))
print("big", scale(2 ** 70, 3), scale(3, 2 ** 70))
for args in (("ab", 2), ("ab", 2.0), (None, 1.0)):
    try:
        scale(*args)
    except TypeError as e:
        print("TypeError", e)

acc = 0.0
for i in range(300):
    acc += blend(0.0, 10.0, i / 300)
for i in range(1500):
    acc += blend(0, 10, i % 3)
print("blend", acc, blend(1, 2.5, 2), blend(2 ** 60, 2 ** 61, 1))

# Negation: floats, then ints including the one that overflows i64.
s = 0.0
for i in range(300):
    s += neg(i * 0.5)
print("neg floats", s, neg(-0.0), neg(0.0))
t = 0
for i in range(1500):
    t += neg(i)
print("neg ints", t, neg(-(2 ** 63)), neg(-9223372036854775807 - 1), neg(True))

# True division: ints only, then floats, then ints too big for a double.
d = 0.0
for i in range(1, 400):
    d += halve(i)
for i in range(1500):
    d += halve(i * 0.5)
print("halve", d, halve(2 ** 53 + 1), halve(-(2 ** 60) - 1), halve(2 ** 80))

# Comparisons: floats, then ints (one beyond 2**53), then mixed and strings.
c = 0
for i in range(400):
    if less(i * 0.5, 100.25):
        c += 1
for i in range(1500):
    if less(i, 700):
        c += 1
print("less", c, less(2 ** 53 + 1, 2.0 ** 53), less(2.0 ** 53, 2 ** 53 + 1))
print("less mixed", less(1, 1.5), less(1.5, 1), less(-1, -0.5), less("a", "b"))

# Int-only operators: ints first, then floats, negative divisors, big ints.
m = 0
for i in range(400):
    m += mod7(i)
print("mod ints", m)
fm = 0.0
for i in range(1500):
    fm += mod7(i * 0.75)
print("mod floats", fm, mod7(-3), mod7(2 ** 65), mod7(-2.5))
sh = 0
for i in range(400):
    sh += shift(i * 1000, 3)
for i in range(1500):
    sh += shift(i * 7, i % 70)
print("shift", sh, shift(2 ** 70, 5), shift(-12345, 2), shift(True, 0))

# A while loop compiled on ints that gets a float, then a big int.
print("count", count_down(5000), count_down(10.5), count_down(2 ** 64 - 2 ** 64 + 7))
cd = 0
for i in range(300):
    cd += count_down(i % 13 + 0.5)
print("count floats", cd)


# Powers: a site hot with floats (compiled to call the float power), then
# ints (exact big ints), mixes, and the powers Python raises for.
def power(x, y):
    return x ** y


p = 0.0
for i in range(1, 400):
    p += power(i * 0.01, 1.5) + power(2.0, -i * 0.01)
print("pow floats", p)
q = 0
for i in range(1500):
    q += power(i % 7, i % 5)
print("pow ints", q, power(3, 100), power(2, -2), power(-8, 2))
print("pow mixed", power(2, 0.5), power(2.5, 3), power(-2.0, 3), power(float("nan"), 0.0), power(1.0, float("nan")))
print("pow inf", power(float("inf"), -1.0), power(-float("inf"), 3), power(0.5, float("inf")))
for args in ((0.0, -1.0), (-8.0, 2.0), (10.0, 400.0), (0, -2.0), ("a", 2.0)):
    try:
        print(power(*args))
    except (ZeroDivisionError, ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
