# Direct calls through a method site that sees several classes in turn, with
# methods replaced on one class mid-run; functions, methods and classes
# called with some arguments left to their defaults; class calls whose
# __init__ returns something, raises, or takes defaults.


class A:
    def fn(self, x):
        return x + 1


class B:
    def fn(self, x):
        return x * 2


class C(A):
    pass


class D:
    def fn(self, x, scale=10):
        return x * scale


def poly(objs, n):
    total = 0
    for i in range(n):
        total += objs[i % len(objs)].fn(i)
    return total


objs = [A(), B(), C(), D(), A(), B()]
print("poly", poly(objs, 1200))
# A method replaced while the site's cache holds it: the new one is called.
A.fn = lambda self, x: -x
print("replaced", poly(objs, 1200))
# An instance attribute hiding the method.
objs[1].fn = lambda x: 1000
print("hidden", poly(objs, 1200))
del objs[1].fn
print("unhidden", poly(objs, 1200))
# Five classes at one site: more than the site remembers.
def make_class(k):
    class K:
        def fn(self, x):
            return x + k * 100

    return K


classes = [make_class(k) for k in range(5)]
print("five", poly([c() for c in classes], 1500))


def dflt(a, b=1, c=[]):
    c.append(a)
    return a + b + len(c)


def use_dflt(n):
    s = 0
    for i in range(n):
        s += dflt(i) + dflt(i, 2) + dflt(i, 2, [])
    return s


print("defaults", use_dflt(400), len(dflt.__defaults__[1]))
try:
    dflt()
except TypeError as e:
    print("TypeError:", e)


class P:
    def __init__(self, x, y=0, z=None):
        self.x = x
        self.y = y
        self.z = z

    def total(self, extra=0, mul=1):
        return (self.x + self.y + (self.z or 0) + extra) * mul


def build(n):
    s = 0
    for i in range(n):
        p = P(i) if i % 3 else P(i, 2, 3)
        s += p.total() + p.total(1) + p.total(1, 2)
    return s


print("class defaults", build(400))
try:
    P()
except TypeError as e:
    print("TypeError:", e)


class R:
    def __init__(self, v, bad=False):
        if bad:
            return v
        self.v = v


def make(n):
    out = 0
    for i in range(n):
        out += R(i).v
    try:
        R(5, True)
    except TypeError as e:
        print("TypeError:", e)
    return out


print("returns", make(400))


class Raises:
    def __init__(self, v):
        if v == 7:
            raise ValueError("seven")
        self.v = v


def make_raise(n):
    got = []
    for i in range(n):
        try:
            got.append(Raises(i % 10).v)
        except ValueError as e:
            got.append(str(e))
    return got[-4:]


print("raises", make_raise(400))


class Empty:
    pass


class WithNew:
    def __new__(cls, v):
        o = object.__new__(cls)
        o.made = v
        return o

    def __init__(self, v):
        self.v = v * 2


def others(n):
    s = 0
    for i in range(n):
        e = Empty()
        w = WithNew(i)
        s += w.made + w.v
    return s, type(e).__name__


print("others", others(400))
