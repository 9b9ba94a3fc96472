# Per-site caches for `C.name`, `module.name` and methods of built-in values:
# every change a program can make must show through the cache.
import collections
import math


class Base:
    LIMIT = 10
    label = "base"

    @staticmethod
    def twice(x):
        return 2 * x

    @classmethod
    def make(cls, v):
        return (cls.__name__, v)

    def plain(self):
        return "plain"


class Child(Base):
    pass


def read(cls):
    return cls.LIMIT, cls.label, cls.twice(4), cls.make(1), cls.plain(None)


for round_ in range(3):
    print(round_, read(Base), read(Child))
    if round_ == 0:
        # Rebinding on the base shows through the subclass's cached site.
        Base.LIMIT = 20
    if round_ == 1:
        # Shadowing on the subclass.
        Child.label = "child"
        Child.twice = staticmethod(lambda x: -x)

# One site, several classes.
for cls in [Base, Child, Base, Child]:
    print(cls.label, cls.twice(3))

del Child.label
print(Child.label)
try:
    print(Base.missing)
except AttributeError as e:
    print("AttributeError:", e)

# Module attributes: rebinding and deleting.
total = 0.0
for i in range(5):
    total += math.sqrt(i) + math.pi
    if i == 2:
        math.pi = 3
print(round(total, 6))
del math.pi
try:
    print(math.pi)
except AttributeError as e:
    print("AttributeError:", e)

# Methods of built-in values at one site, several types.
def pop_all(things):
    out = []
    for t in things:
        out.append(t.pop())
    return out


print(pop_all([[1, 2], {3: 4}.keys() and [5], [6], {7}, {8: 9}.copy().popitem() and [10]]))
print(pop_all([[1], collections.deque([3, 121]), [2], {"k"}]))
for s in ["abc", b"abc"]:
    print(s.upper(), s.count(s[:1]))
