# Assigning __defaults__ / __kwdefaults__ changes what calls use, in the
# interpreter and in compiled code (a hot loop before and after the change).


def f(a, b=1, *, c=2):
    return a, b, c


print(f(0))
print(f.__defaults__, f.__kwdefaults__)
f.__defaults__ = (5,)
print(f(0), f.__defaults__)
f.__kwdefaults__ = {'c': 9}
print(f(0), f.__kwdefaults__)
f.__defaults__ = None
try:
    f(0)
except TypeError as e:
    print(e)
print(f.__defaults__, f.__kwdefaults__)
del f.__kwdefaults__
print(f.__kwdefaults__)
try:
    f(0, 1)
except TypeError as e:
    print(e)
print(f(0, 1, c=3))
del f.__defaults__
print(f.__defaults__)

# Not a tuple / not a dict.
for bad in ([1], 3, "ab"):
    try:
        f.__defaults__ = bad
    except TypeError as e:
        print(e)
for bad in ([1], 3, (1,)):
    try:
        f.__kwdefaults__ = bad
    except TypeError as e:
        print(e)
print(f.__defaults__, f.__kwdefaults__)


# More defaults than before: every parameter optional.
def g(a, b, c=3):
    return a, b, c


g.__defaults__ = (10, 20, 30)
print(g(), g(1), g(1, 2), g(1, 2, 3))
# More defaults than parameters: the last ones count.
g.__defaults__ = (7, 8, 9, 10)
print(g(), g(1))
try:
    g(1, 2, 3, 4)
except TypeError as e:
    print(e)
# Fewer.
g.__defaults__ = ()
print(g.__defaults__)
try:
    g(1, 2)
except TypeError as e:
    print(e)
g.__defaults__ = (4,)
print(g(1, 2))
try:
    g(1)
except TypeError as e:
    print(e)
try:
    g(b=2)
except TypeError as e:
    print(e)
print(g(b=2, a=1))


# Keyword calls bound in place (plain positional parameters).
def k(x, y=1, z=2):
    return x + y + z


print(k(1, z=10))
k.__defaults__ = (100, 200)
print(k(1, z=10), k(1, y=5))
k.__defaults__ = (300,)
try:
    k(1, z=10)
except TypeError as e:
    print(e)
print(k(1, 2), k(x=1, y=2))


# A generator function's defaults.
def gen(n, step=1):
    yield from range(0, n, step)


print(list(gen(6)))
gen.__defaults__ = (2,)
print(list(gen(6)))


# Method defaults through the class.
class C:
    def m(self, v=1):
        return v * 2


print(C().m())
C.m.__defaults__ = (21,)
print(C().m())


# Hot loops: the function is compiled and called from compiled code, with
# the missing arguments filled from the defaults, before and after a change.
def add(a, b=1):
    return a + b


def loop(n):
    s = 0
    for i in range(n):
        s += add(i)
    return s


def loop_kw(n):
    s = 0
    for i in range(n):
        s += h(i)
    return s


def h(a, *, d=1):
    return a * d


for rnd in range(3):
    print(loop(3000), loop_kw(3000))
    add.__defaults__ = (add.__defaults__[0] + 10,)
    h.__kwdefaults__ = {'d': h.__kwdefaults__['d'] + 1}
add.__defaults__ = None
try:
    loop(3000)
except TypeError as e:
    print(e)
add.__defaults__ = (0, 0)
print(loop(10))

# The assigned tuple is what reading gives back; a lambda's too.
t = (1,)
f2 = lambda a, b=0: a + b
f2.__defaults__ = t
print(f2.__defaults__ is t, f2(1), f2.__kwdefaults__)
kd = {}
f.__kwdefaults__ = kd
print(f.__kwdefaults__ is kd, f.__kwdefaults__)
