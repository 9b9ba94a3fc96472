values = [0.1 + 0.2, 1e16, 1e-5, 1 / 3, -0.0, 0.0, 1.0, 100.0, 1e15, 1e17, 123456789.123456789,
          2.5, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 0.1 * 3, 1 - 0.9, 2 / 3, 10 / 4,
          1e-4, 0.0001234, 12345678901234567890.0, 3.141592653589793, 1.1 * 1.1, 9.999999999999999e22]
for v in values:
    print(repr(v), str(v))

inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), repr(-inf))
print(inf + 1, inf * -2, inf - inf, inf * 0, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 10 ** 300, -inf < -(10 ** 300))
print(inf == inf, -0.0 == 0.0, repr(-0.0 * 1), repr(0.0 * -1), repr(-0.0 + 0.0), repr(-0.0 - 0.0))
print(float("1e500"), float("-1e500"), repr(float("1e-400")), repr(float("-1e-400")))
print(repr(float("  3.25  ")), repr(float("-.5")), repr(float("1_000.5")), repr(float("+1E3")))
print(repr(float("nan")), repr(float("-inf")), repr(float("Infinity")), repr(float("-NaN")))
print(repr(float(7)), repr(float(-0)), repr(float(True)), repr(float(2 ** 60)))

# Accumulated rounding error.
total = 0.0
for _ in range(10):
    total += 0.1
print(repr(total), total == 1.0, abs(total - 1.0) < 1e-9)

# Halving toward zero: count the steps until underflow.
x = 1.0
steps = 0
while x > 0:
    x = x / 2
    steps += 1
print("halvings until zero:", steps)

# Doubling until overflow to inf.
y = 1.0
steps = 0
while y != inf:
    y = y * 2
    steps += 1
print("doublings until inf:", steps)

print(int(2.9), int(-2.9), int(1e20), int(-0.0), int(1.7976931348623157e308) > 10 ** 307)
for bad in [inf, -inf, nan]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
