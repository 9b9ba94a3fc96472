# int/float mixing in every arithmetic operator and comparison.

pairs = [(7, 2), (7, 2.0), (7.0, 2), (-7, 2.0), (7.5, -2), (0, 3.0), (3, 0.5), (-2.5, -2)]
for a, b in pairs:
    print(repr(a), repr(b), a + b, a - b, a * b, a / b, a // b, a % b, repr(a ** b))

# Powers mixing ints and floats, negative exponents.
print(2 ** -1, 2 ** 0.5, 4 ** 0.5, (-8) ** 2, 2.0 ** 10, 10 ** -2, (-2) ** 3.0)

# Comparisons int vs float, including beyond float precision.
N = 2 ** 53
print(N == float(N), N + 1 == float(N + 1), float(N + 1) == float(N))
print(N + 1 > float(N), N + 1 >= float(N + 1), N + 1 < float(N) + 2)
print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64)
print(10 ** 400 > 1e308, -10 ** 400 < -1e308, 10 ** 400 < float("inf"))
print(1 == 1.0, 1 < 1.5, 2 > 1.5, 0 == -0.0, -1 < -0.5, 3 != 3.0000000001)

# nan and inf.
nan = float("nan")
inf = float("inf")
print(nan == nan, nan != nan, nan < 1, nan > 1, 1 < nan, nan == 1)
print(inf > 10 ** 300, -inf < -(10 ** 300), inf == inf, inf - inf != inf - inf)
print(inf + 1, -inf * 2, inf * 0 != inf * 0, 1 / inf, -1 / inf)
vals = [3, 1.5, -2, inf, -inf, 0, 2.5]
print(sorted(vals), max(vals), min(vals))

# Division by zero in all operators, caught.
for a in (1, 1.0, 0, -3):
    for b in (0, 0.0):
        for name, f in (("/", lambda x, y: x / y), ("//", lambda x, y: x // y), ("%", lambda x, y: x % y)):
            try:
                r = f(a, b)
                print("no error", r)
            except ZeroDivisionError as e:
                print(repr(a), name, repr(b), "->", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("pow:", e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print("divmod:", e)

# Hot loop accumulating ints then switching to float mid-way.
acc = 0
for i in range(1, 201):
    if i == 100:
        acc = acc + 0.5
    acc += i
    acc -= i // 3
print(repr(acc))
acc2 = 0
for i in range(1, 101):
    acc2 = acc2 * 1.0 + i if i % 2 else acc2 + i
print(repr(acc2), type(acc2).__name__)

# Mixed floor division and modulo signs.
for a in (7, -7, 7.0, -7.0):
    for b in (3, -3, 3.0, -3.0):
        print(a // b, a % b, end="; ")
    print()
print(int(7.9), int(-7.9), round(2.5), round(3.5), round(-2.5), float(10 ** 20), int(1e20))
print(1e16 + 1, 10 ** 16 + 1, float(10 ** 16 + 1), 0.1 + 0.2, 0.1 + 0.2 == 0.3)
