# A class's own __getattribute__ is called for every attribute read on its
# instances (jitprof once ignored it), and `obj.__dict__ = d` makes d the
# instance's attribute dict (jitprof once stored a plain attribute).


class G:
    cls_attr = "class"

    def __init__(self):
        self.y = 3

    def __getattribute__(self, name):
        if name == "magic":
            return 42
        if name == "boom":
            raise AttributeError("no boom here")
        return object.__getattribute__(self, name)

    def method(self, k):
        return self.y * k

    def __getattr__(self, name):
        return "fallback:" + name


g = G()
print(g.magic, g.y, g.cls_attr, g.method(2), g.missing, g.boom)
print(getattr(g, "magic"), hasattr(g, "zzz"))
total = 0
for i in range(300):
    total += g.method(i) + g.magic
print(total)


class Logged:
    def __init__(self):
        self.v = 1

    def __getattribute__(self, name):
        print("get", name)
        return super().__getattribute__(name)

    def twice(self):
        return self.v * 2


log = Logged()
print(log.twice())
try:
    log.nope
except AttributeError as e:
    print("AttributeError:", e)


class Strict:
    def __getattribute__(self, name):
        if name.startswith("_"):
            return object.__getattribute__(self, name)
        raise AttributeError(name + " is hidden")


try:
    Strict().anything
except AttributeError as e:
    print("AttributeError:", e)


class Plain:
    def __init__(self):
        self.a = 1

    def f(self):
        return self.a


p = Plain()
for i in range(300):
    p.f()
    p.a


def hook(self, name):
    return "hooked " + name


Plain.__getattribute__ = hook
print(p.a, p.f)
for i in range(3):
    print(p.a)
del Plain.__getattribute__
print(p.a, p.f())


class Sub(Plain):
    pass


s = Sub()
Plain.__getattribute__ = hook
print(s.a)
del Plain.__getattribute__
print(s.a)


class D:
    pass


d = D()
d.x = 5
d.__dict__ = {"a": 1}
print(d.a, hasattr(d, "x"), d.__dict__)
nd = {"k": 2}
e = D()
e.__dict__ = nd
nd["m"] = 3
e.n = 4
print(e.k, e.m, e.__dict__ is nd, sorted(nd))
try:
    D().__dict__ = 5
except TypeError as ex:
    print("TypeError:", ex)


class Slotted:
    __slots__ = ("q",)


try:
    Slotted().__dict__ = {}
except AttributeError as ex:
    print("AttributeError:", ex)
