# bool as int, comparison chaining, identity of small ints, ranges with
# negative steps and bounds near 2**63.
import sys

print(True + 1, True * 3, False - 1, True / 2, True // 2, -True, ~True, True << 3)
print(True + True, type(True + True).__name__, type(True & True).__name__, True & 2, True | 2)
print(sum([True, True, False, True]), max(True, 0), min(False, -1), abs(True), hash(True) == 1)
print(True == 1, False == 0, True is True, 1.0 == True, {1: "a", True: "b"}, {True, 1, 1.0})
print([10, 20][True], "ab"[False], divmod(True, 2), pow(True, 10), round(True), int(True))
print(repr(True * 1.5), repr(True + 0.0), str(True), repr(not 0), repr(not 5), bool(-0.0))

# A counter that starts as a bool and becomes an int.
c = False
for i in range(10):
    c = c + (i % 3 == 0)
print(c, type(c).__name__)
flags = [i % 2 == 0 for i in range(20)]
print(sum(flags), flags.count(True), flags.index(False), sorted(set(flags)))

# Comparison chaining, including short-circuit and mixed types.
calls = []


def v(x):
    calls.append(x)
    return x


print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 < 2 > 1.5 != 0)
print(v(1) < v(0) < v(5), calls)
calls.clear()
print(v(1) < v(2) < v(0) < v(9), calls)
x = 5
print(0 <= x < 10, 0 < x <= 4, x in range(10) == True, (x in range(10)) == True)
print(1 < 2 ** 64 < 2 ** 65 < float("inf"), -(2 ** 63) <= 0 <= 2 ** 63 - 1)

# is / is not on small ints and None; == on equal values.
a = 256
b = 255 + 1
print(a == b, a is not None, None is None, type(a) is int, type(True) is bool, isinstance(True, int))

# range with negative steps and large bounds.
print(list(range(10, 0, -3)), list(range(0, 10, -1)), list(range(-1, -10, -4)))
big = 2 ** 63
r = range(big - 3, big + 3)
print(len(r), r[0], r[-1], big in r, big + 3 in r, list(r)[2:4])
r2 = range(big + 10, big - 10, -7)
print(len(r2), list(r2), r2.index(big + 3), r2.count(big + 3))
r3 = range(-big, big, big // 2)
print(len(r3), list(r3))
r4 = range(0, 2 ** 100, 2 ** 98)
print(len(r4), r4[-1] == 3 * 2 ** 98, r4[1:3])
total = 0
for i in range(big - 5, big + 5, 3):
    total += i - big
print(total)
for i in range(sys.maxsize - 2, sys.maxsize + 2):
    print(i - sys.maxsize, end=" ")
print()
r5 = range(0, 10, big)
print(list(r5), len(r5), list(range(5, -big, -big)))
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError", e)
print(range(0, 10, 2) == range(0, 9, 2), list(reversed(range(1, 10, 4))), range(3)[::-1])

# Loop bounds that are bools.
print(list(range(True, 5)), list(range(False, True)), [i for i in range(3, False, -True)])
