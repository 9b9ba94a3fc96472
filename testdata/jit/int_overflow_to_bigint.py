# Integer arithmetic crossing the 64-bit machine-word boundary and back.

LIM = 2 ** 63

# Doubling up past 2**63 and halving back down.
x = 1
ups = []
for i in range(70):
    x = x + x
    if i >= 60:
        ups.append(x)
print(ups[-1], ups[2] == LIM, type(x).__name__)
while x > 1:
    x = x // 2
print("back to", x)

# Multiplying across the boundary.
p = 1
for i in range(1, 26):
    p *= i
    if i in (19, 20, 21, 22, 25):
        print(i, p, p > LIM, p - LIM)
while p > 10:
    p //= 13
print("shrunk", p)

# Add/sub exactly at the edges.
big = LIM - 1
small = -LIM
print(big + 1, big + 2, small - 1, small - 2)
print(big - -1, small + -1, -small, -(-2 ** 63), -(-(2 ** 63)))
print(abs(small), abs(-big), abs(small) - 1 == big)
n = small
print(n * -1, n // -1, n % -1, -n, n * n)
acc = big - 10
for i in range(20):
    acc += 1
print(acc, acc - big)
acc = small + 10
for i in range(20):
    acc -= 1
print(acc, acc - small)

# Left shifts that overflow, then right shifts back.
for k in (1, 30, 62, 63, 64, 100):
    v = 3 << k
    print(k, v, v >> k, (-3) << k, ((-3) << k) >> k)

# Floor division and modulo with negative operands around the boundary.
for a in (LIM, -LIM, LIM + 7, -LIM - 7, 7, -7):
    for b in (3, -3, LIM, -LIM - 1):
        print(a // b, a % b, divmod(a, b) == (a // b, a % b), end=" | ")
    print()

# Negation loop: 2**63 and -(2**63) flip back and forth.
v = -LIM
for i in range(5):
    v = -v
    print(v, end=" ")
print()

# Comparisons between bigints and small ints, and equality after shrinking.
bigs = [2 ** 64, -(2 ** 64), LIM, -LIM, LIM - 1, 0, 1, -1]
print(sorted(bigs))
print([b < 1 for b in bigs], [b == LIM for b in bigs])
print(max(bigs), min(bigs), sum(bigs))
y = 2 ** 100
y = y - 2 ** 100 + 5
print(y, y == 5, y is not None, type(y).__name__, hash(y) == hash(5))
z = (2 ** 64 + 12) % (2 ** 64)
print(z, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130][z])

# A hot loop whose sum overflows midway.
s = 0
step_ = 2 ** 60
for i in range(40):
    s += step_
print(s, s // step_, s % 7)
h = 0
for i in range(100):
    h = (h * 31 + i) & 0xFFFFFFFFFFFFFFFF
print(h, h > LIM)
h2 = 0
for i in range(100):
    h2 = h2 * 31 + i
print(h2 % 1000000007, h2.bit_length())
