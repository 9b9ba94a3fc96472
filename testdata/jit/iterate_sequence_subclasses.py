# `for x in obj` where obj is an instance of a list or tuple subclass: the
# compiled loop iterates the instance's payload as it would a list, while
# the class leaves __iter__ to the built-in type; an __iter__ defined (or
# added, or removed, later) is called instead.


class Bag(list):
    pass


class Pair(tuple):
    pass


class Counted(list):
    def __iter__(self):
        for x in list.__iter__(self):
            yield x * 10


class Late(list):
    pass


def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


def nested(outer):
    n = 0
    for row in outer:
        for x in row:
            n += x
    return n


def grow(xs):
    seen = []
    for x in xs:
        seen.append(x)
        if x < 3:
            xs.append(x + 10)
    return seen


def first_none(xs):
    for x in xs:
        if x is None:
            return "found"
    return "none"


b = Bag([1, 2, 3])
p = Pair((4, 5, 6))
c = Counted([1, 2])
late = Late([7, 8])

for i in range(300):
    if total(b) != 6 or total(p) != 15 or total(c) != 30:
        print("wrong at", i)
        break
    if total([1, 2]) != 3 or total(range(4)) != 6:
        print("plain wrong at", i)

print(total(b), total(p), total(c), total(late))

# An __iter__ added to the class after the loop was compiled.
Late.__iter__ = lambda self: iter([100, 200])
print(total(late))
del Late.__iter__
print(total(late))

# A subclass of a subclass, and one whose __iter__ comes from a mixin.
class Deeper(Bag):
    pass


class Mixin:
    def __iter__(self):
        return iter(["m"])


class Mixed(Mixin, list):
    pass


print(total(Deeper([5, 5])))
print(list(x for x in Mixed([1, 2, 3])))
for m in Mixed([1]):
    print("mixed item", m)

# Nested loops reuse their iterators; the payload grows while iterated.
print(nested(Bag([Bag([1, 2]), Pair((3,)), [4]])))
for i in range(250):
    nested(Bag([Bag([1]), Bag([2, 3])]))
print(nested(Bag([Bag([1]), Bag([2, 3])])))
print(grow(Bag([1, 2, 5])))
print(first_none(Bag([1, None])), first_none(Pair((1, 2))))

# __iter__ set to None: not iterable.
class NoIter(list):
    __iter__ = None


try:
    total(NoIter([1]))
except TypeError as e:
    print("TypeError:", e)

# Empty payloads, and a subclass instance that carries attributes.
e = Bag()
e.label = "empty"
print(total(e), total(Pair()), e.label)
