# Special methods dispatched by the interpreter.
import functools

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"
    def __add__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, b / 2, -a, abs(b))
print(a == Vec(1, 2), a != b, a == 5, bool(Vec(0, 0)), bool(a))
print(list(a), a[1], {a: "a"}[Vec(1, 2)], len({a, Vec(1, 2), b}))
x, y = b
print(x, y, max(b), sum(a))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
c = a
c += b
print(c, a)

@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return "Version(%r)" % ".".join(map(str, self.parts))

vs = [Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9")]
print(sorted(vs), max(vs), Version("1.2") <= Version("1.2"), Version("2.0") > Version("1.9"))
print(Version("1.0") >= Version("1.1"))

class Rev:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        return self.n > o.n
    def __repr__(self):
        return f"R{self.n}"
print(sorted([Rev(1), Rev(3), Rev(2)]), Rev(1) > Rev(2))
try:
    Rev(1) <= Rev(2)
except TypeError as e:
    print("TypeError:", e)

class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        return x in self.items
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __call__(self, *args, **kw):
        return ("called", args, sorted(kw.items()))
    def __str__(self):
        return "Bag of %d" % len(self)

bag = Bag(1, 2, 3)
print(len(bag), 2 in bag, 5 in bag, 5 not in bag, bag[0], bag[-1], bag[0:2])
bag[0] = 10
del bag[1]
print(bag.items, str(bag), bool(bag), bool(Bag()), list(bag), bag(1, k=2))
print(f"{bag}", "%s" % bag, repr(bag)[:12])

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i
print(list(Seq()), 4 in Seq(), [v for v in Seq()])

class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name * 2
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.xy, getattr(d, "xz"), hasattr(d, "q"), getattr(d, "q", "dflt"))

class Guard:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
g = Guard()
g.v = 21
print(g.v)

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius, type(Temp.celsius).__name__)

class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
print(NoHash() == 3, NoHash() != 3)

class Num:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
    def __int__(self):
        return self.v
    def __float__(self):
        return float(self.v)
print([10, 20, 30][Num(1)], int(Num(7)), float(Num(2)), hex(Num(255)), range(Num(3)))
