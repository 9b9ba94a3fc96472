values = [0, 1, 5, 12, 255, -1, -6, 2 ** 40 + 3]
for a in values:
    print(a, ~a, a & 0xF, a | 0x10, a ^ 0xFF, a << 3, a >> 1)

print(-1 >> 10, -1024 >> 3, -1025 >> 3, 1 << 64, -(1 << 64) >> 63)
print(6 & -6, 12 & -12, -7 & 0xFF, -7 | 0, -7 ^ -1)
print(bin(-10), hex(-255), oct(-8), bin(0), hex(0))
print(True & False, True | False, True ^ True, ~True, True << 3)

# Population count and parity.
def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count

for n in [0, 1, 7, 128, 255, 1023, 2 ** 64 - 1, 0b1011_0110]:
    print(n, popcount(n), bin(n).count("1"), "odd" if popcount(n) % 2 else "even")

# A permission bitmask.
READ, WRITE, EXEC = 4, 2, 1
perms = {"alice": READ | WRITE | EXEC, "bob": READ | EXEC, "carol": READ, "dave": 0}
for name in sorted(perms):
    p = perms[name]
    flags = ("r" if p & READ else "-") + ("w" if p & WRITE else "-") + ("x" if p & EXEC else "-")
    print(name, p, flags)
perms["bob"] |= WRITE
perms["alice"] &= ~EXEC
perms["carol"] ^= READ | WRITE
print(sorted(perms.items()))

# Subsets of a small set via bitmasks.
items = ["a", "b", "c"]
for mask in range(1 << len(items)):
    subset = [items[i] for i in range(len(items)) if mask >> i & 1]
    print(mask, subset)

# Gray code and back.
gray = [n ^ (n >> 1) for n in range(16)]
print(gray)
def from_gray(g):
    n = 0
    while g:
        n ^= g
        g >>= 1
    return n
print([from_gray(g) for g in gray])
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
