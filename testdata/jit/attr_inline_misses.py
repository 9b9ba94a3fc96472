# Attribute sites compiled inline (jit/codegen/gen_attr.rs) that miss:
# AttributeError raised and caught inside compiled loops, __getattr__,
# classes whose attribute access is not plain (a property of another name,
# exceptions), and sites that see classes and modules besides instances.
import math


class Box:
    def __init__(self, v):
        self.v = v


class Lazy:
    def __init__(self):
        self.v = 1

    def __getattr__(self, name):
        return "missing " + name


def read_v(o):
    return o.v


def count_missing(objs, n):
    found = missing = 0
    for i in range(n):
        try:
            found += read_v(objs[i % len(objs)])
        except AttributeError as e:
            missing += 1
            last = str(e)
    return found, missing, last


boxes = [Box(1), Box(2), Box(3)]
print("warm", sum(read_v(b) for b in boxes * 200))
gone = Box(4)
del gone.v
print("missing", count_missing(boxes + [gone], 1000))


# A loop whose attribute raises out of the compiled function.
def total_v(objs):
    t = 0
    for o in objs:
        t += o.v
    return t


for k in range(3):
    try:
        print("total", total_v(boxes * 150 + [gone] + boxes))
    except AttributeError as e:
        print("AttributeError", k, e)

# __getattr__ answers what the table lacks; the table answers first.
lz = Lazy()
outs = []
for i in range(600):
    if i == 300:
        del lz.v
    if i == 450:
        lz.v = 5
    if i % 150 == 0:
        outs.append(read_v(lz))
    read_v(lz)
print("__getattr__", outs)


# Not plain: a property of another name (the cache's class check, in the
# cold section, lets the table hit), and a store through the property.
class WithProp:
    def __init__(self, v):
        self.v = v
        self._w = 0

    @property
    def w(self):
        return self._w * 2

    @w.setter
    def w(self, x):
        self._w = x + 1


def bump(o, n):
    for i in range(n):
        o.v = o.v + 1
        o.w = i
    return o.v, o.w, o._w


wp = WithProp(0)
print("property class", bump(wp, 700), read_v(wp))


# Exceptions carry attributes too; their class is not plain.
class Failure(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def codes(n):
    s = 0
    for i in range(n):
        try:
            raise Failure(i)
        except Failure as f:
            s += f.code
            f.code = -1
            s += f.code
    return s


print("exceptions", codes(600))


# One site, instances, classes and a module.
class Holder:
    v = "class v"


mod_like = [Box(1), Holder, Box("b"), math]


def describe(objs, n):
    out = []
    for i in range(n):
        o = objs[i % len(objs)]
        try:
            out.append(str(o.v)[:7])
        except AttributeError:
            out.append("no v")
    return out[-4:], len(out)


print("mixed", describe(mod_like, 800))
