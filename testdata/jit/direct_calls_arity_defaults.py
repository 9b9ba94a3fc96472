# Calls the lean direct path declines or handles: wrong argument counts (the
# TypeError must read as CPython's), defaults, closures, methods, mutual
# recursion.


def two(a, b):
    return a + b


def call_two(n, args):
    out = 0
    for i in range(n):
        out += two(i, 1)
    try:
        two(*args)
    except TypeError as e:
        print("TypeError:", e)
    return out


for args in ((1,), (1, 2, 3), ()):
    print(call_two(300, args))


def wrong_direct(n):
    s = 0
    for i in range(n):
        s += two(i, i)
    return two(s)


try:
    wrong_direct(300)
except TypeError as e:
    print("TypeError:", e)


class K:
    def m(self, x):
        return x

    def run(self, n, extra):
        s = 0
        for i in range(n):
            s += self.m(i)
        if extra:
            s += self.m(1, 2)
        return s


print(K().run(300, False))
try:
    K().run(300, True)
except TypeError as e:
    print("TypeError:", e)


def defaults(a, b=10, c=100):
    return a + b + c


def use_defaults(n):
    s = 0
    for i in range(n):
        s += defaults(i) + defaults(i, 1) + defaults(i, 1, 2)
    return s


print("defaults", use_defaults(300))


def make_adder(k):
    def add(x):
        return x + k

    return add


def use_closure(n):
    add5 = make_adder(5)
    s = 0
    for i in range(n):
        s += add5(i)
        k = make_adder(i)
        s += k(1)
    return s


print("closure", use_closure(300))


def outer(n):
    total = 0

    def inner(i):
        nonlocal total
        total += i
        return i

    for i in range(n):
        inner(i)
    return total


print("nonlocal", outer(300))


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def norm2(self):
        return self.dot(self)


class Vec3(Vec):
    def norm2(self):
        return super().norm2() + 1


def vectors(n):
    v = Vec(0, 0)
    w = Vec3(1, 1)
    s = 0
    for i in range(n):
        v = v.add(Vec(1, 2))
        s += v.norm2() + w.norm2()
    return s, v.x, v.y


print("methods", vectors(300))


class Shadow:
    def f(self):
        return "class"


def shadowed(n):
    o = Shadow()
    out = []
    for i in range(n):
        if i == n - 2:
            o.f = lambda: "instance"
        out.append(o.f())
    return out[-3:]


print("shadowed", shadowed(300))


def even(n):
    return True if n == 0 else odd(n - 1)


def odd(n):
    return False if n == 0 else even(n - 1)


print("mutual", [even(i) for i in range(300)][-4:], odd(501), even(800))


def static_and_class():
    class S:
        @staticmethod
        def s(x):
            return x * 2

        @classmethod
        def c(cls, x):
            return cls.__name__ + str(x)

    out = 0
    for i in range(300):
        out += S.s(i) + len(S().c(i)) + S().s(1)
    return out


print("static/class", static_and_class())
