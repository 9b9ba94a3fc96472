# Slicing straight from the bounds (interp/slices.rs): the compiler builds a
# subscript's slice in place and the interpreter slices lists and tuples
# without the slice object. Every case here must match CPython, including
# the ones that fall back to the ordinary path.

a = list(range(10))
t = tuple(range(10))
for lo in (None, -12, -3, 0, 2, 9, 15):
    for hi in (None, -12, -1, 0, 4, 10, 20):
        for st in (None, 1, 2, 3, -1, -2, -4):
            assert a[lo:hi:st] == list(t[lo:hi:st]), (lo, hi, st)
print(a[::-1], a[7::-1], a[7:2:-2], a[-3:], a[:-3], a[::3])
print(t[::-1], t[7::-1], t[7:2:-2], t[-3:], t[:-3], t[::3])
print(a[True:5], t[False:3:True])
print("abcdef"[1:4], "abcdef"[::-1], b"abcdef"[1::2], range(10)[2:8:3])

# The result is a new list; the source is unchanged.
b = a[:]
b[0] = 99
print(a[0], b[0], a[:] is a, a[:] == a)

# Errors come from the ordinary path.
for bad in (lambda: a[::0], lambda: t[::0], lambda: a["x":], lambda: a[1.5:]):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# Slice stores.
perm = [3, 1, 4, 0, 6, 5, 2]
k = perm[0]
while k:
    perm[:k + 1] = perm[k::-1]
    k = perm[0]
print(perm)
c = list(range(6))
c[1:3] = [7, 7, 7, 7]
print(c)
c[2:] = (8,)
print(c)
c[:] = c
print(c)
c[1:2] = c
print(c)
c[::2] = "abcd"[: len(c[::2])]
print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    c[::0] = []
except ValueError as e:
    print("ValueError", e)
d = [1, 2, 3]
d[1:] = iter([5, 6, 7])
print(d)
d[1:2] += [0, 0]
print(d)
del d[::2]
print(d)


# Instances see a real slice object, for loads, stores and deletes.
class Seq:
    def __getitem__(self, k):
        return ("get", k, (k.start, k.stop, k.step) if isinstance(k, slice) else k)

    def __setitem__(self, k, v):
        print("set", k, v)

    def __delitem__(self, k):
        print("del", k)


s = Seq()
print(s[1:3], s[::-1], s[1:2:3], s[4])
s[1:2] = [1]
del s[:3]


class L(list):
    def __getitem__(self, k):
        return ("L", k)


print(L([1, 2, 3])[0:2])


# A bound that runs code: evaluated once, in order.
def bound(n):
    print("bound", n)
    return n


print(a[bound(1):bound(8):bound(3)])
a[bound(0):bound(2)] = [bound(-1)]
print(a)
