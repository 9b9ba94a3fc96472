def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

print(2 ** 200)
print(factorial(30))
print(factorial(52))
f100 = factorial(100)
print(f100)
print(len(str(f100)), sum(int(c) for c in str(f100)))
# Trailing zeros of 100!
zeros = 0
n = f100
while n % 10 == 0:
    zeros += 1
    n //= 10
print("trailing zeros:", zeros)

# Fibonacci numbers grow past 64 bits quickly.
a, b = 0, 1
for i in range(150):
    a, b = b, a + b
print("fib(150) =", a)
print(a > 2 ** 63, a > 2 ** 64, a < 2 ** 104)

# Arithmetic across the machine-word boundary.
m = 2 ** 63 - 1
print(m + 1, m * 2, -m - 2, (m + 1) // 2, (m + 1) % 1000)
print(-(2 ** 64) // 3, -(2 ** 64) % 3, (2 ** 64) * -(2 ** 64))
print(abs(-(10 ** 40)), -(10 ** 40) < -(10 ** 39))
print(int("123456789012345678901234567890") + 1)
print(int("-98765432109876543210") * 3)
print(hex(2 ** 100), bin(2 ** 70 + 5), oct(3 ** 40))
print(2 ** 200 >> 190, 1 << 100, (2 ** 100 - 1) & (2 ** 64 + 3), -(2 ** 70) | 1)

# Binomial coefficients via Pascal's triangle row.
row = [1]
for _ in range(60):
    row = [x + y for x, y in zip([0] + row, row + [0])]
print(row[30], sum(row) == 2 ** 60)

# Big int to float and comparison.
print(repr(float(2 ** 80)), 2 ** 80 == float(2 ** 80), 2 ** 53 + 1 == float(2 ** 53 + 1))
print(repr(10 ** 30 / 10 ** 10), repr(factorial(25) / factorial(23)))
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 // 3 % 1000)
# CPython 3.11 limits int->str conversion to 4300 digits.
try:
    print(len(str(10 ** 5000)))
except ValueError as e:
    print("ValueError:", e)
