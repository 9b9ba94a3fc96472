# Augmented assignments use the in-place special methods (__iadd__,
# __itruediv__, ...) and fall back to the plain ones, for every operator and
# for the small-int forms (`p += 1`). Regression: the compiler's immediate
# forms and the operators without in-place opcodes called __add__ etc.


class P:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"P({self.v})"


names = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
         "lshift", "rshift", "and", "or", "xor", "matmul"]


def make(name):
    def plain(self, o):
        print(f"__{name}__", o)
        return P(self.v)

    def inplace(self, o):
        print(f"__i{name}__", o)
        return self
    return plain, inplace


for n in names:
    plain, inplace = make(n)
    setattr(P, f"__{n}__", plain)
    setattr(P, f"__i{n}__", inplace)

p = P(1)
q = p
p += 1; p -= 1; p *= 2; p /= 2; p //= 3; p %= 4; p **= 2
p <<= 1; p >>= 1; p &= 1; p |= 1; p ^= 1; p @= 1
print(p is q)


class OnlyPlain:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return OnlyPlain(self.v + o)

    def __truediv__(self, o):
        return OnlyPlain(self.v / o)


o = OnlyPlain(3)
o0 = o
o += 1
o /= 2
print(o.v, o is o0)

l = [1]
l0 = l
l += [2]
l *= 2
print(l, l is l0)


def bad_list():
    global l
    l += 1


def bad_div():
    x = 1
    x /= 'a'


def bad_sub():
    s = 'a'
    s -= 1


def bad_matmul():
    t = (1,)
    t @= 2


def bad_shift():
    f = 1.5
    f <<= 1


for bad in [bad_list, bad_div, bad_sub, bad_matmul, bad_shift]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)

s = {1}
s0 = s
s |= {2}
s -= {1}
print(s, s is s0)
d = {"a": 1}
d0 = d
d |= {"b": 2}
print(d, d is d0)
x = 5
for i in range(3):
    x += 1
    x /= 2
    x **= 2
print(x)
