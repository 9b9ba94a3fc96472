print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 4)
print(repr(2 ** -1), repr(2 ** -2), repr(10 ** -3), repr((-2) ** -3))
print(repr(2.0 ** 10), repr(4 ** 0.5), repr(2 ** 0.5), repr(8 ** (1 / 3)))
print(repr(1.5 ** 2), repr(0.5 ** -2), repr((-1.5) ** 3))
print(2 ** 100)
print(3 ** 50)
print(len(str(7 ** 300)))
print((-3) ** 41)
print(repr(10 ** -20), repr(2 ** -60))
# Right-associative.
print(2 ** 3 ** 2, (2 ** 3) ** 2)
# Three-argument pow is modular exponentiation.
print(pow(3, 200, 1000), pow(2, 1000, 997), pow(7, 0, 13), pow(-5, 3, 7), pow(5, 3, -7))
print(pow(3, -1, 11), pow(10, -1, 17))
print(pow(2, 10), repr(pow(2, -10)), repr(pow(2.5, 2)))

# Squares and cubes table.
for n in range(-3, 4):
    print(n, n ** 2, n ** 3, repr(n ** -1) if n != 0 else "-")

# Fast exponentiation by squaring agrees with **.
def fast_pow(base, exp):
    result = 1
    while exp > 0:
        if exp % 2 == 1:
            result = result * base
        base = base * base
        exp = exp // 2
    return result

for b, e in [(3, 13), (2, 64), (10, 25), (-7, 9), (12345, 7)]:
    print(b, e, fast_pow(b, e), fast_pow(b, e) == b ** e)

print(repr(1 ** 1000000), repr((-1) ** 1000001), repr(0 ** 5))
print(repr(0.0 ** 0), repr(1.0 ** float("inf")), repr(2.0 ** -1074))
print(repr(float("inf") ** 0), repr(float("inf") ** -1))
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(0.0 ** -2)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(2.0 ** 5000)
except OverflowError as e:
    print("overflow:", type(e).__name__)
