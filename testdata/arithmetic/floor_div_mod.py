# Floor division and modulo follow the sign of the divisor in Python.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    q = a // b
    r = a % b
    print(a, b, "->", q, r, "check:", q * b + r == a)

print("divmod:")
for a, b in pairs:
    print(repr(divmod(a, b)))

print("floats:")
float_pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (5.0, 0.5), (-0.0, 1.0), (1e300, 1e-5)]
for a, b in float_pairs:
    print(repr(a // b), repr(a % b), repr(divmod(a, b)))

print("small remainders:")
print(repr(-1e-20 % 1.0))
print(repr(1e-20 % -1.0))
print(repr(-3 % 5.0))
print(repr(10 % 3.5))

print("big:")
big = 10 ** 30 + 7
print(big // 13, big % 13)
print(-big // 13, -big % 13)
print(big // -(10 ** 15), big % -(10 ** 15))
print(divmod(-(2 ** 100), 7))

# A clock: hours wrap around with modulo, even going backwards.
hour = 3
for delta in [5, -10, 24, -27, 100]:
    hour = (hour + delta) % 12
    print("delta", delta, "-> hour", hour)

# Digits of a number from the right, using divmod repeatedly.
n = 9071523
digits = []
while n:
    n, d = divmod(n, 10)
    digits.append(d)
print(digits)
