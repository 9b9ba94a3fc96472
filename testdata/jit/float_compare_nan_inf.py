# Float comparisons in compiled code, as values and as branches, with the
# values IEEE 754 makes special: NaN (unordered: every comparison is False
# except !=), infinities, and -0.0 (equal to 0.0). The comparison functions
# are warmed up with ordinary floats first, so under --jit=auto they are
# compiled with the float comparison inline, then given the special values,
# ints and int/float mixes.

nan = float("nan")
inf = float("inf")


def as_values(a, b):
    return (a < b, a <= b, a > b, a >= b, a == b, a != b)


def as_branches(a, b):
    r = 0
    if a < b:
        r |= 1
    if a <= b:
        r |= 2
    if a > b:
        r |= 4
    if a >= b:
        r |= 8
    if a == b:
        r |= 16
    if a != b:
        r |= 32
    return r


def negated_branches(a, b):
    r = 0
    if not a < b:
        r |= 1
    if not a == b:
        r |= 2
    while a != b:
        r |= 4
        break
    return r


warm = 0
for i in range(300):
    x = i * 0.5
    y = 75.25 - i * 0.25
    warm += as_branches(x, y) + negated_branches(x, y) + sum(as_values(x, y))
print("warm", warm)

specials = [nan, inf, -inf, 0.0, -0.0, 1.0, -1.5, 1, 0, -2, 2 ** 53 + 1, float(2 ** 53)]
for a in specials:
    row = []
    for b in specials:
        v = as_values(a, b)
        br = as_branches(a, b)
        row.append("%d/%d/%d" % (sum(bit << k for k, bit in enumerate(v)), br, negated_branches(a, b)))
    print(repr(a), " ".join(row))

# The cases spelled out, in a hot loop so the loop itself is compiled.
counts = [0] * 8
for i in range(500):
    f = i * 0.001
    if nan < 1:
        counts[0] += 1
    if nan != nan:
        counts[1] += 1
    if -0.0 == 0.0:
        counts[2] += 1
    if f - f == -0.0:
        counts[3] += 1
    if nan == nan:
        counts[4] += 1
    if not (nan >= f):
        counts[5] += 1
    if inf > f * 1e308:
        counts[6] += 1
    if -inf < -f:
        counts[7] += 1
print("counts", counts)

# A loop whose bound is a float compared with an int counter, and the reverse.
n = 0
i = 0
limit = 10.5
while i < limit:
    i += 1
    n += i
print("float limit", n, i)
x = 0.0
steps = 0
while x <= 100:
    x += 0.75
    steps += 1
print("int limit", steps, x)
# NaN as a loop bound: the loop never runs; inf: it stops on the counter.
k = 0
while k < nan:
    k += 1
print("nan bound", k)
k = 0
while k < inf and k < 1000:
    k += 1
print("inf bound", k)
# min/max-style selection with NaN in the data.
data = [3.5, nan, -1.0, inf, 2.0, -inf, nan, 0.0]
lo = hi = data[0]
for v in data * 50:
    if v < lo:
        lo = v
    if v > hi:
        hi = v
print("lo/hi", lo, hi)
