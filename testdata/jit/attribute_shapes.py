# Polymorphic attribute access: objects of different classes (different
# "shapes") through the same code, attributes added late, class attributes
# changed mid-loop, __slots__, properties.


class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    kind = "point3"

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Prop:
    def __init__(self, r):
        self._r = r

    @property
    def x(self):
        return self._r * 2

    @property
    def y(self):
        return -self._r


class Reversed:
    def __init__(self, x, y):
        self.y = y
        self.x = x


def norm1(p):
    return abs(p.x) + abs(p.y)


objs = [Point(1, 2), Point3(3, 4, 5), Slotted(6, -7), Prop(4), Reversed(-8, 9)]
total = 0
for i in range(500):
    total += norm1(objs[i % len(objs)])
print("total", total)
print([norm1(o) for o in objs], [type(o).__name__ for o in objs])

# Attributes added after creation, and deleted.
pts = [Point(i, i + 1) for i in range(6)]
for i, p in enumerate(pts):
    if i % 2:
        p.label = "odd%d" % i
labels = []
for p in pts:
    labels.append(getattr(p, "label", None))
    try:
        labels.append(p.label)
    except AttributeError as e:
        labels.append("AttributeError")
print(labels)
del pts[1].label
print(hasattr(pts[1], "label"), hasattr(pts[3], "label"), sorted(pts[3].__dict__))

# Instance attribute shadows class attribute, class attribute changed mid-loop.
seen = []
p = Point(0, 0)
for i in range(12):
    if i == 4:
        Point.kind = "changed"
    if i == 8:
        p.kind = "instance"
    if i == 10:
        del p.kind
    seen.append(p.kind)
print(seen, Point3(0, 0, 0).kind)
Point.kind = "point"

# A method replaced on the class mid-loop, and on one instance.
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


c = Counter()
out = []
for i in range(9):
    if i == 3:
        Counter.bump = lambda self: self.n * 100
    if i == 6:
        c.bump = lambda: "instance"
    out.append(c.bump())
print(out)

# __slots__ rejects new attributes.
s = Slotted(1, 2)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError", e)
s.x += 10
print(s.x, s.y)

# Properties with setters in a hot loop.
class Temp:
    def __init__(self):
        self._c = 0.0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temp()
acc = 0.0
for i in range(100):
    t.celsius = i - 50
    acc += t.fahrenheit
print(acc, t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e, t.celsius)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError on read-only property")

# The same attribute name holding different types over time.
holder = Point(0, 0)
types_seen = []
for i in range(8):
    holder.x = [i, i * 1.5, str(i), None, (i,), [i], {i: i}, i > 3][i]
    types_seen.append(type(holder.x).__name__)
print(types_seen)
