# Subscripts of list and tuple subclasses' instances in compiled code: the
# payload's item when the class leaves __getitem__/__setitem__ to the
# built-in type (indices, negative, slices, errors), the class's own method
# when it has one (defined, added after the code was compiled, removed),
# and the instances that are not sequences (a dict subclass).


class Coll(list):
    pass


class Pair(tuple):
    pass


class Deeper(Coll):
    pass


def get(c, i):
    return c[i]


def put(c, i, v):
    c[i] = v


def total(c):
    s = 0
    for i in range(len(c)):
        s += c[i] * 2
        c[i] = c[i] + 1
    return s


c = Coll([1, 2, 3, 4])
p = Pair((10, 20, 30))
d = Deeper([7, 8])
for k in range(400):
    total(c)
    get(p, k % 3)
    get(d, -1)
print(c, get(c, 0), get(c, -1), get(c, slice(1, 3)), type(get(c, slice(0, 2))).__name__)
print(get(p, 1), get(p, -3), get(p, slice(None, None, -1)))
put(c, 1, "x")
put(c, slice(0, 2), [9, 9, 9])
print(c, len(c))
for bad in [10, -10, "k", 2.0]:
    for obj in (c, p):
        try:
            print(get(obj, bad))
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
try:
    put(c, 99, 0)
except IndexError as e:
    print("IndexError", e)
try:
    put(p, 0, 1)
except TypeError as e:
    print("TypeError", e)
try:
    put(c, "a", 1)
except TypeError as e:
    print("TypeError", e)

# A __getitem__ of the class's own, then added, then removed.
class Shifted(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) + 100


s = Shifted([1, 2, 3])
print([get(s, i) for i in range(3)])
Coll.__getitem__ = lambda self, i: ("own", i)
print(get(c, 0), get(d, 1))
del Coll.__getitem__
print(get(c, 0), get(d, 1))
Coll.__setitem__ = lambda self, i, v: print("set", i, v)
put(c, 0, "z")
del Coll.__setitem__
put(c, 0, "z")
print(c[0])


class Table(dict):
    def __missing__(self, k):
        return k * 2


t = Table(a=1)
print(get(t, "a"), get(t, 21))
