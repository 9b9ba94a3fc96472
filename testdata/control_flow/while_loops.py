# Reverse digits, sum digits, count digits.
n = 1234567
rev = 0
while n > 0:
    rev = rev * 10 + n % 10
    n //= 10
print(rev)

# Binary search.
def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid, steps
        elif xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps

data = list(range(0, 200, 3))
for t in [0, 99, 100, 198, 199, -5]:
    print(t, binary_search(data, t))

# Newton's method for square roots.
def sqrt(x):
    guess = x / 2 if x > 1 else 1.0
    iterations = 0
    while abs(guess * guess - x) > 1e-12 * max(x, 1):
        guess = (guess + x / guess) / 2
        iterations += 1
    return guess, iterations

for x in [2, 9, 10, 1e6, 0.25]:
    print(x, sqrt(x))

# Integer square root by bisection on big numbers.
def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo

print(isqrt(10 ** 40 + 12345), isqrt(99), isqrt(2 ** 101))

# Loop with a counter and an early exit.
balance = 1000.0
month = 0
while True:
    month += 1
    balance = balance * 1.01 - 50
    if balance <= 0:
        break
    if month >= 100:
        break
print("months:", month, "balance:", round(balance, 2))

# Euclid with a trace.
a, b = 1071, 462
while b:
    print(a, b)
    a, b = b, a % b
print("gcd", a)
count = 0
while count < 5:
    count += 1
    if count == 3:
        continue
    print("count", count)
