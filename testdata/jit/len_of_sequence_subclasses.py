# `len(x)` in compiled code where x is an instance of a list or tuple
# subclass: its payload's length while the class leaves __len__ to the
# built-in type; an __len__ defined, added later or removed is honoured,
# and instances without a payload raise as CPython does.


class Bag(list):
    pass


class Pair(tuple):
    pass


class Sized(list):
    def __len__(self):
        return 42


class Late(list):
    pass


class Plain:
    pass


def size(x):
    return len(x)


def drain(xs):
    n = 0
    while len(xs):
        xs.pop()
        n += 1
    return n


b = Bag([1, 2, 3])
p = Pair((1, 2))
s = Sized([1])
late = Late([1, 2, 3, 4])
total = 0
for i in range(300):
    total += size(b) + size(p) + size(s) + size([0] * (i % 3)) + size("ab")
print(total, size(late))

Late.__len__ = lambda self: 7
print(size(late))
Late.__len__ = lambda self: True
print(size(late))
del Late.__len__
print(size(late))

print(drain(Bag(range(5))), drain([1, 2]), drain(Bag()))


class Deeper(Bag):
    pass


print(size(Deeper([1, 2])), size(Pair()), size(Bag()))

for bad in (Plain(), 3):
    try:
        size(bad)
    except TypeError as e:
        print("TypeError:", e)


class Negative(list):
    def __len__(self):
        return -1


try:
    size(Negative([1]))
except ValueError as e:
    print("ValueError:", e)
