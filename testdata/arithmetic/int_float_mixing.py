print(repr(1 + 2.0), repr(3 * 1.5), repr(10 - 0.5), repr(7 / 2), repr(8 / 2), repr(-9 / 3))
print(repr(True + True), repr(True * 3.5), repr(False - 1), repr(True / 2))
print(1 == 1.0, 2 < 2.5, -1 > -1.5, 0 == -0.0, 0.5 == 1 / 2)
print(repr(2 ** 53 + 1.0), 2 ** 53 + 1 == 2 ** 53 + 1.0, 2 ** 53 == 2.0 ** 53)
print(10 ** 20 < 1e20 + 1, 10 ** 20 == 1e20, 10 ** 23 == 1e23, 10 ** 16 + 1 > 1e16)
print(repr(int(7.99)), repr(int(-7.99)), repr(float(3) / 2), repr(3 // 2.0), repr(-3 // 2.0))

# Average of ints is a float even when exact.
scores = [80, 90, 100]
avg = sum(scores) / len(scores)
print(repr(avg), type(avg).__name__)
print(repr(sum([1, 2.5, 3])), repr(sum([0.5, 0.25], 1)), repr(max(1, 1.0)), repr(max(1.0, 1)))
print(repr(min(3, 2.0, 2)), repr(sorted([3, 1.5, 2, -0.5, True, 0])))
print(repr(abs(-3)), repr(abs(-3.0)), repr(abs(True)), repr(-True))

# Mixed arithmetic in a unit converter.
def celsius_to_fahrenheit(c):
    return c * 9 / 5 + 32

for c in [-40, 0, 37, 100, 36.6]:
    print(c, "C =", repr(celsius_to_fahrenheit(c)), "F")

# Integer-valued floats vs ints as dict keys: they collide.
d = {}
d[1] = "int one"
d[1.0] = "float one"
d[True] = "true"
d[2.5] = "two and a half"
print(d)
print(len({0, 0.0, False, -0.0}), {1, 1.0, 2})

# Type of results.
for expr in [1 + 1, 1 + 1.0, 2 * True, 4 / 2, 4 // 2, 4.0 // 2, 7 % 2.0, 2 ** -1, 2 ** 2]:
    print(type(expr).__name__, repr(expr))

print(repr(0.1 * 3 == 0.3), repr(round(0.1 * 3, 10) == 0.3))
print(repr(1e308 * 10), repr(-1e308 * 10), repr(1e-308 / 1e10))
try:
    print(1 / 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5 // 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5.5 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
