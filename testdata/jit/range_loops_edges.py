# Counted `for` loops over range: negative and zero steps, bounds near the
# i64 limits (and beyond, where the runtime switches to big ranges), range
# objects reused and iterated twice, the loop variable rebound in the body,
# iterators advanced by hand inside the loop, and list iterators over a list
# that grows or shrinks while it is iterated.
import sys


def collect(r):
    out = []
    for i in r:
        out.append(i)
    return out


def total(r):
    t = 0
    for i in r:
        t += i
    return t


M = sys.maxsize
for rep in range(3):
    print(collect(range(5)), collect(range(5, 0, -1)), collect(range(-3, 3, 2)))
    print(collect(range(0)), collect(range(5, 5)), collect(range(3, 0)), collect(range(0, 3, -1)))
    print(collect(range(M - 3, M)), collect(range(-M - 1, -M + 2)))
    print(collect(range(M - 2, M + 2)), collect(range(-M + 1, -M - 3, -1)))
    print(collect(range(M - 10, M, 4)), collect(range(-M, -M - 1 - 9, -3)))
    print(collect(range(2**64, 2**64 + 3)), total(range(10**20, 10**20 + 5)))
    print(collect(range(0, M, M // 3)), collect(range(M, -M - 1, -M)))
    print(total(range(1000)), total(range(-1000, 1000, 7)), total(range(1000, -1000, -13)))

for step in (0,):
    try:
        collect(range(0, 10, step))
    except ValueError as e:
        print("ValueError", e)

r = range(3, 30, 4)
print(collect(r), collect(r), total(r), list(reversed(r)), collect(reversed(r)))


def rebind(n):
    out = []
    for i in range(n):
        out.append(i)
        i = i * 100
        out.append(i)
        i = "str"
    return out, i


print(rebind(4))


def skip_by_hand(n):
    it = iter(range(n))
    out = []
    for i in it:
        out.append(i)
        next(it, None)
    return out


print(skip_by_hand(11))


def nested(n):
    t = 0
    for i in range(n):
        for j in range(i, n):
            for k in range(j, -1, -2):
                t += i * j - k
    return t


print(nested(12))


def float_sum(n):
    s = 0.0
    for i in range(n):
        s += i * 0.5
    return s


print(float_sum(1000))


def grow_list(lst):
    out = []
    for x in lst:
        out.append(x)
        if x < 5:
            lst.append(x + 10)
    return out


def shrink_list(lst):
    out = []
    for x in lst:
        out.append(x)
        if lst:
            lst.pop(0)
    return out, lst


print(grow_list([1, 2, 7, 3]))
print(shrink_list(list(range(10))))


def iter_tuple_and_list(items):
    t = 0
    for x in items:
        t += x
    return t


for c in ([1, 2, 3], (4, 5, 6), range(7, 10), {10: 0, 11: 0}, "", [1.5, 2.5], (x for x in [1, 2])):
    print(iter_tuple_and_list(c))

# A list iterator drained by one loop is empty for the next.
lst = [1, 2]
it = iter(lst)
print(collect(it), collect(it))

# The loop variable of an outer loop reused as an inner loop's.
out = []
for i in range(3):
    for i in range(i, i + 2):
        out.append(i)
    out.append(-i)
print(out)
