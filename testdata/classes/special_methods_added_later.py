# Special methods are remembered per class (Vm::lookup_special); adding,
# replacing or deleting one later, on the class or on a base, must show.


class Base:
    pass


class Point(Base):
    def __init__(self, x):
        self.x = x


a, b, c = Point(1), Point(1), Point(2)


def compare(tag):
    print(tag, a == b, a != b, a == c, a == a, hasattr(a, "__len__") and len(a))


compare("identity")
Base.__eq__ = lambda self, other: self.x == other.x
compare("base __eq__")
Point.__eq__ = lambda self, other: "point-eq"
compare("point __eq__")
del Point.__eq__
compare("back to base")
Point.__ne__ = lambda self, other: "point-ne"
compare("point __ne__")
del Base.__eq__
del Point.__ne__
compare("identity again")
Base.__len__ = lambda self: self.x * 10
compare("len")
try:
    print(a < b)
except TypeError as e:
    print("TypeError:", e)
Base.__lt__ = lambda self, other: self.x < other.x
print(a < c, c < a, c > a)


class Later:
    pass


objs = [Later() for _ in range(3)]
print(sum(1 for o in objs if o == objs[0]))
Later.__eq__ = lambda self, other: True
Later.__hash__ = lambda self: 1
print(sum(1 for o in objs if o == objs[0]), len(set(objs)))
