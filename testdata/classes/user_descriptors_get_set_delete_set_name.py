# User-defined descriptors (__get__/__set__/__delete__) and __set_name__ were
# ignored: the descriptor object itself was returned and stores went to the
# instance dict.
class Typed:
    """Data descriptor storing the value in the instance dict under its own name."""
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.__dict__[self.name]
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f'{self.name} must be {self.kind.__name__}')
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print('deleting', self.name)
        del obj.__dict__[self.name]


class Lazy:
    """Non-data descriptor: computes once, then the instance attribute hides it."""
    def __init__(self, func):
        self.func = func
        self.calls = 0
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        self.calls += 1
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        return value


class Point:
    x = Typed(int)
    y = Typed(int)

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @Lazy
    def norm2(self):
        return self.x * self.x + self.y * self.y


total = 0
for i in range(300):
    p = Point(i, i + 1)
    p.x = p.x + 1          # goes through __set__ every time
    total += p.x + p.y + p.norm2 + p.norm2
print(total, Point.norm2.calls, type(Point.x).__name__, Point.x.name)
try:
    p.x = 'no'
except TypeError as e:
    print('TypeError:', e)
del p.x
print('x' in vars(p), sorted(vars(p)))


class Counter:
    def __get__(self, obj, owner):
        return owner.__name__ if obj is None else id(obj) == id(obj)
class A:
    c = Counter()
class B(A):
    pass
print(A.c, B.c, A().c, B().c)


class Getter:
    def __get__(self, obj, owner=None):
        return lambda *a: ('called', a)
class M:
    meth = Getter()
m = M()
print(m.meth(1, 2), M.meth(3))
for _ in range(200):
    r = m.meth(5)
print(r)


class Base:
    d = Typed(str)
class Sub(Base):
    def __init__(self):
        super().__init__()
        self.d = 'hello'
    def show(self):
        return self.d
print(Sub().show(), [Sub().d for _ in range(3)])
