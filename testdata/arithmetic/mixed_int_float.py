# int/float mixes as the interpreter's fast paths see them: + - * / between
# an int and a float in both orders, int / int, comparisons between ints and
# floats (exact, also past 2**53, with NaN and infinities), shifts and the
# in-place bit operators on ints, and the cases that must still raise.
import math

big = 2**53
vals = [0, 1, -1, 3, -7, 2**31, -(2**40), big, big + 1, -(big + 1), 2**62, -(2**63), 2**63 - 1]
fl = [0.0, -0.0, 0.5, -2.5, 1e16, -1e300, 3.0, float("inf"), float("-inf")]


def show(x):
    if isinstance(x, float) and x == 0.0:
        return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
    return repr(x)


for i in vals:
    for f in fl:
        row = []
        for a, b in ((i, f), (f, i)):
            row.append(show(a + b))
            row.append(show(a - b))
            row.append(show(a * b))
            try:
                row.append(show(a / b))
            except ZeroDivisionError as e:
                row.append("ZeroDivisionError: " + str(e))
            try:
                row.append(show(a // b))
                row.append(show(a % b))
            except ZeroDivisionError as e:
                row.append("ZeroDivisionError: " + str(e))
            row.append(str((a < b, a <= b, a == b, a != b, a > b, a >= b)))
        print(i, show(f), " ".join(row))

nan = float("nan")
for i in (0, 1, -5, big + 1, 2**200):
    print(i < nan, i > nan, i == nan, i != nan, nan <= i, nan >= i)
# Past 2**53 a comparison must not round the int.
print(big + 1 > float(big), big + 1 == float(big + 1), float(big) < big + 1)
print(2**63 - 1 < 9.223372036854775807e18, 2**63 - 1 == 9.223372036854775807e18)
print(-(2**63) == -9.223372036854775808e18, -(2**63) <= -9.223372036854775808e18)
# True division of ints.
for a, b in ((7, 2), (-7, 2), (1, 3), (big + 1, 3), (10**20, 7), (-(2**63), -1), (0, -5)):
    print(show(a / b))
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1.5 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(3 / 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
# Huge ints with floats.
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
       ("/", lambda a, b: a / b), ("<", lambda a, b: a < b)]
for name, op in ops:
    for a, b in ((10**400, 1.5), (1.5, 10**400)):
        try:
            print(name, op(a, b))
        except OverflowError as e:
            print(name, "OverflowError:", e)
print(10**400 > 1e308, -(10**400) < -1e308, 10**400 == float("inf"), 10**400 < float("inf"))
# Signs of floor division and modulo, mixed.
for a, b in ((7, -2.0), (-7, 2.0), (7.0, -2), (-7.5, 2), (0, -3.0), (-0.0, 5)):
    print(show(a // b), show(a % b), [show(x) for x in divmod(a, b)])
# Bools mixed with floats.
print(True + 0.5, False * 2.5, 1.5 - True, True / 2.0, 2.0 < True)
# Shifts and in-place bit operators on ints.
x = 1
for s in (0, 1, 31, 62, 63, 64, 100):
    print(s, 1 << s, -1 << s, (2**40) << s, -(2**40) << s)
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
h = 0x5DEECE66D
for k in (0x123456789ABCDEF, -1, 2**62, 12345):
    h ^= k
    h |= 1 << 3
    h &= ~(1 << 7)
    print(h)
a = True
a ^= True
b = True
b |= False
print(a, b)
try:
    h ^= 1.5
except TypeError as e:
    print("TypeError:", e)
# Float powers.
for a, b in ((2.0, 0.5), (2, 0.5), (2.5, 2), (-2.0, 3), (-2.0, 3.0), (nan, 0), (1.0, nan),
             (float("inf"), -1), (-0.0, 3), (10.0, -2), (0.0, 0), (4, -0.5), (-(2**62), 2.0)):
    print(show(a ** b))
for a, b in ((0.0, -1), (-0.0, -1.5), (1e300, 2), (10, 400.0), (0, -2.0)):
    try:
        print(a ** b)
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
