# `super().name` from compiled code (jit/lean_super.rs): constructors that
# chain to their bases (deltablue's constraints), methods extended in
# subclasses, a property reached through super() (its getter is Python), a
# missing attribute (AttributeError), classmethods, and super() in a class
# whose base changes what it defines.


class Base:
    count = 0

    def __init__(self, v):
        self.v = v
        Base.count += 1

    def describe(self):
        return "B%d" % self.v

    @property
    def doubled(self):
        if self.v == 299:
            raise KeyError("no double for 299")
        return self.v * 2

    @classmethod
    def make(cls, v):
        return cls(v)


class Mid(Base):
    def __init__(self, v):
        super().__init__(v + 1)

    def describe(self):
        return "M" + super().describe()


class Leaf(Mid):
    def __init__(self, v):
        super().__init__(v * 2)

    def describe(self):
        return "L" + super().describe()

    @property
    def doubled(self):
        return super().doubled + 1

    @classmethod
    def make(cls, v):
        return super().make(v + 1000)


def build(n):
    out = []
    for i in range(n):
        out.append(Leaf(i) if i % 2 else Mid(i))
    return out


objs = build(300)
print("built", Base.count, objs[5].v, objs[6].v)
print("describe", [o.describe() for o in objs[:4]])


def doubled(n):
    t = 0
    caught = 0
    for i in range(n):
        o = Leaf(0)
        o.v = i
        try:
            t += o.doubled
        except KeyError:
            caught += 1
    return t, caught


print("property", doubled(300))
print("classmethod", sum(Leaf.make(i).v for i in range(300)))


class Missing(Base):
    def get(self):
        return super().nothing_here


def missing(n):
    caught = 0
    for i in range(n):
        try:
            Missing(i).get()
        except AttributeError as e:
            caught += 1
            msg = str(e)
    return caught, msg


print("missing", missing(300))


def uncaught(n):
    o = Leaf(0)
    for i in range(n):
        o.v = i
        o.doubled


uncaught(300)
