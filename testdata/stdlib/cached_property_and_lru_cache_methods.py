# functools.cached_property was missing, and lru_cache/cache on a method did not
# bind self (TypeError: missing 1 required positional argument).
import functools
class C:
    def __init__(self): self.n = 0
    @functools.cached_property
    def val(self):
        self.n += 1
        return self.n * 10
c = C(); print(c.val, c.val, c.n, 'val' in vars(c))
class M:
    @functools.lru_cache(maxsize=None)
    def sq(self, x): return x * x
m = M(); print(m.sq(3), m.sq(3), M.sq.cache_info().hits)
class W:
    @functools.wraps(len)
    def f(self): return 1
print(W().f())
class Circle:
    def __init__(self, r): self.r = r
    @functools.cached_property
    def area(self):
        """The area."""
        print('computing', self.r)
        return 3.14159 * self.r ** 2
cs = [Circle(i) for i in range(3)]
print([round(c.area, 2) for c in cs], [round(c.area, 2) for c in cs])
cs[0].r = 10; print(cs[0].area); del cs[0].area; print(cs[0].area)
print(type(Circle.area).__name__, Circle.area.__doc__, Circle.area.attrname, repr(Circle.area)[:37])
class Slot:
    __slots__ = ('x',)
    @functools.cached_property
    def y(self): return 1
try: Slot().y
except TypeError as e: print(e)
tot = 0
for i in range(300):
    c = Circle(1) if i % 100 == 0 else cs[1]
    tot += c.area
print(round(tot, 3))


class Grid:
    def __init__(self, w): self.w = w
    @functools.lru_cache(maxsize=None)
    def paths(self, x, y):
        if x == 0 or y == 0: return 1
        return self.paths(x - 1, y) + self.paths(x, y - 1)
    @functools.cache
    def cell(self, i): return (i % self.w, i // self.w)
    @staticmethod
    @functools.lru_cache(maxsize=2)
    def stat(n): return n * 3
    @classmethod
    @functools.lru_cache(maxsize=None)
    def cls_m(cls, n): return cls.__name__ * n
    def __hash__(self): return hash(self.w)
    def __eq__(self, o): return self.w == o.w
g = Grid(4)
print(g.paths(10, 10), Grid.paths.cache_info(), g.cell(5), Grid.cell(g, 6), g.stat(2), Grid.stat(2), Grid.cls_m(2), g.cls_m(1))
print(Grid(4).paths(3, 3), Grid.paths.cache_info().hits > 0, callable(g.paths))
s = 0
for i in range(300): s += g.cell(i % 7)[0]
print(s, Grid.cell.cache_info().currsize)
