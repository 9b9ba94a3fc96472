# Attribute access compiled inline (jit/codegen/gen_attr.rs): each section
# warms a site in the interpreter so the JIT compiles it with the cache's
# answer inline, then changes what that answer relied on. Every change must
# make the inline path miss to the general one.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    pass


class Rev:
    def __init__(self, x, y):
        self.y = y
        self.x = x


def get_x(o):
    return o.x


def set_y(o, v):
    o.y = v


def warm(o, n=400):
    t = 0
    for i in range(n):
        set_y(o, i)
        t += get_x(o)
    return t


# Attributes added, deleted and re-added while a loop runs.
def added_deleted(n):
    p = P(1, 2)
    total = 0
    errors = 0
    for i in range(n):
        if i == 400:
            p.z = 5
        if i == 500:
            del p.x
        if i == 600:
            p.x = 7
        if i == 700:
            del p.y
        try:
            total += p.x
        except AttributeError:
            errors += 1
        p.y = i
    return total, errors, p.y, sorted(vars(p)), list(vars(p).values())


print("added/deleted", added_deleted(900))

# One site, several classes and layouts (polymorphic), in turns.
objs = [P(1, 2), Q(3, 4), Rev(5, 6), P(7, 8), Rev(9, 10)]
print("warm", warm(objs[0]))
acc = 0
for i in range(1000):
    o = objs[i % 5]
    set_y(o, i)
    acc += get_x(o) + o.y
print("polymorphic", acc, [(o.x, o.y) for o in objs])


# A class attribute read through instances, later hidden by an instance
# attribute, then changed on the class, then uncovered again.
class C:
    k = 1

    def __init__(self):
        self.a = 0


def get_k(o):
    return o.k


c1, c2 = C(), C()
ks = []
for i in range(1200):
    if i == 400:
        c1.k = 2
    if i == 600:
        C.k = 3
    if i == 800:
        del c1.k
    if i == 1000:
        c2.__dict__["k"] = 4
    if i % 100 == 0:
        ks.append((get_k(c1), get_k(c2)))
    else:
        get_k(c1)
print("class attribute", ks)

# A property defined on the class after the sites compiled.
p = P(10, 20)
print("warm", warm(p))
P.x = property(lambda self: 99)
print("property", get_x(p), get_x(objs[1]), warm(p, 3))
try:
    P.y = property(lambda self: -1)
    set_y(p, 5)
except AttributeError:
    # (No message: CPython names only properties made in a class body.)
    print("AttributeError: a property without a setter")
del P.x
del P.y
print("property removed", get_x(p), p.y, warm(p, 5))


# __setattr__ defined after the sites compiled, then removed.
class S:
    def __init__(self):
        self.x = 1
        self.y = 2


s = S()
print("warm", warm(s))
log = []


def setattr_hook(self, name, v):
    log.append(name)
    object.__setattr__(self, name, v * 10)


S.__setattr__ = setattr_hook
set_y(s, 3)
print("__setattr__", s.y, log, warm(s, 2), s.y)
del S.__setattr__
print("plain again", get_x(s), warm(s, 4), s.y)


# __slots__: the same sites on slotted instances, and a store the slots
# reject.
class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


sl = Slotted(4, 5)
print("slots", warm(sl), sl.y)
try:
    for i in range(500):
        if i == 450:
            sl.z = 1
        sl.x = i
except AttributeError as e:
    print("AttributeError", e, sl.x)


# The instance's __dict__ made while a loop runs, and written through.
d_obj = P(1, 1)
seen = []
for i in range(900):
    if i == 500:
        d = d_obj.__dict__
    if i == 600:
        d["x"] = 100
    if i == 700:
        d["w"] = 1
        d_obj.x = 200
    if i % 100 == 0:
        seen.append(get_x(d_obj))
    set_y(d_obj, i)
    get_x(d_obj)
print("__dict__", seen, d_obj.y, sorted(d_obj.__dict__.items()))


# `C.name` on classes: constants changed on the class and on a base while a
# loop reads them, a subclass overriding one, one deleted (AttributeError).
class Dir:
    FORWARD = 1
    BACKWARD = -1


class SubDir(Dir):
    pass


def constants(n):
    t = 0
    classes = [Dir, SubDir]
    for i in range(n):
        if i == 300:
            Dir.FORWARD = 10
        if i == 400:
            SubDir.FORWARD = 100
        if i == 500:
            del SubDir.FORWARD
        if i == 600:
            del Dir.BACKWARD
        t += Dir.FORWARD + SubDir.FORWARD
        try:
            t += classes[i % 2].BACKWARD
        except AttributeError:
            t += 1000
    return t


print("class constants", constants(700), hasattr(SubDir, "BACKWARD"))
