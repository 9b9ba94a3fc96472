class Point:
    """A point."""
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return isinstance(o, Point) and self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
    @property
    def norm(self):
        return (self.x**2 + self.y**2) ** 0.5
    @staticmethod
    def origin():
        return Point(0, 0)
    @classmethod
    def make(cls, v):
        return cls(v, v)

class P3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return "P3" + super().__repr__()

p = Point(1, 2)
q = Point(3, 4)
print(p + q, p == Point(1, 2), p != q, q.norm, Point.origin(), Point.make(5))
print(P3(1, 2, 3), P3.__mro__, Point.count, type(p).__name__, p.__class__)
print({p: 1}[Point(1, 2)], isinstance(P3(1,2,3), Point), issubclass(P3, Point))
print(Point.__doc__, Point.__qualname__, p.__dict__)
class Stack(list):
    def peek(self):
        return self[-1]
s = Stack([1, 2, 3]); s.append(4); print(s, s.peek(), len(s), isinstance(s, list))
class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t, v); return True
with Ctx() as c:
    print("body", type(c).__name__)
    raise ValueError("boom")
print("after")
def f():
    for i in range(3):
        with Ctx():
            if i == 1:
                return i
print(f())
class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise E(5)
except E as e:
    print("caught", e, e.code, repr(e))
class It:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(It(4)), sum(It(3)), 2 in It(3))
class A:
    def __getattr__(self, n): return n.upper()
print(A().hello)
class S:
    __slots__ = ('a',)
s = S(); s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print(e)
print(repr(object())[:8], A)
