import functools
import operator
from functools import reduce, partial, wraps, lru_cache, cache
from operator import itemgetter, attrgetter, methodcaller

# reduce
print(reduce(operator.add, [1, 2, 3, 4]))
print(reduce(operator.add, [1, 2, 3, 4], 100))
print(reduce(lambda a, b: a * b, range(1, 11)))
print(reduce(operator.add, [], 7))
print(reduce(operator.add, ["a"]))
print(reduce(lambda acc, x: acc + [x * 2], (1, 2, 3), []))
for bad in [lambda: reduce(operator.add, []), lambda: reduce(operator.add), lambda: reduce(operator.add, 5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# partial
p = partial(max, 1, key=abs)
print(p(-5, 3), p(2))
q = partial(p, -7)
print(q(), q(key=lambda x: x))
add3 = partial(lambda a, b, c: (a, b, c), 1)
print(add3(2, 3), add3(c=9, b=8))
base2 = partial(int, base=2)
print(base2("1011"), base2("11", base=3))
print(list(map(partial(operator.mul, 10), [1, 2, 3])))
try:
    partial(5)
except TypeError as e:
    print("TypeError:", e)
try:
    partial()
except TypeError as e:
    print("TypeError:", e)

# wraps / update_wrapper
def deco(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return f(*args, **kwargs) + 1
    return wrapper

@deco
def compute(x):
    """Compute things."""
    return x * 2

print(compute(5), compute.__name__, compute.__doc__, compute.__qualname__, compute.__module__)
print(compute.__wrapped__(5))

def inner():
    pass

def outer():
    return 1

functools.update_wrapper(outer, inner)
print(outer.__name__, outer.__doc__, outer.__wrapped__ is inner)

# lru_cache / cache
calls = []

@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), len(calls))
print(fib(30), len(calls))
print(fib.__name__)

@cache
def sq(x):
    calls.append(("sq", x))
    return x * x

print(sq(4), sq(4), sq(5), calls[-2:])

@lru_cache
def kw(a, b=2, *, c=3):
    calls.append(("kw", a, b, c))
    return a + b + c

print(kw(1), kw(1), kw(1, 2), kw(1, b=2), kw(1, c=10), kw(1, c=10))
print([c for c in calls if isinstance(c, tuple) and c[0] == "kw"])

seen = []

@lru_cache(maxsize=2)
def lru(x):
    seen.append(x)
    return x

for x in [1, 2, 1, 3, 2, 1, 1, 3]:
    lru(x)
print(seen)

@lru_cache(0)
def nocache(x):
    seen.append(("n", x))
    return x

nocache(1)
nocache(1)
print(seen[-2:])

try:
    sq([1])
except TypeError as e:
    print("TypeError:", e)
try:
    lru_cache("x")
except TypeError as e:
    print("TypeError:", e)

# operator
print(operator.add(1, 2), operator.sub(5, 3), operator.mul("ab", 3), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(-7, 3), operator.pow(2, 100), operator.neg(5), operator.pos(-2))
print(operator.abs(-3.5), operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2))
print(operator.gt("b", "a"), operator.ge([1], [2]), operator.not_(0), operator.truth([]), operator.truth([0]))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5), operator.lshift(1, 70))
print(operator.rshift(1024, 3), operator.and_({1, 2}, {2, 3}), operator.or_({1}, {2}))
print(operator.getitem([1, 2, 3], 1), operator.getitem("hello", slice(1, 3)), operator.contains([1, 2], 2))
d = {}
operator.setitem(d, "k", 1)
operator.setitem(d, "j", 2)
operator.delitem(d, "k")
print(d, operator.concat([1], [2]), operator.concat("a", "b"), operator.index(7), operator.index(True))
print(operator.is_(None, None), operator.is_not(1, None), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
for bad in [
    lambda: operator.add(1),
    lambda: operator.neg(),
    lambda: operator.add(1, "a"),
    lambda: operator.concat(1, 2),
    lambda: operator.index("x"),
    lambda: operator.lt(1, "a"),
    lambda: operator.getitem([1], 5),
    lambda: operator.itemgetter(),
    lambda: operator.attrgetter(1),
    lambda: operator.methodcaller(),
]:
    try:
        bad()
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)

pairs = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(pairs, key=itemgetter(1)))
print(sorted(pairs, key=itemgetter(0)))
print(itemgetter(0, 2)("abcdef"), itemgetter("x")({"x": 5}), itemgetter(slice(2))([1, 2, 3]))
print(list(map(itemgetter(1, 0), pairs)))
print(attrgetter("real")(3), attrgetter("real", "imag")(4.5), attrgetter("__class__.__name__")(7))
print(attrgetter("__name__")(len))
try:
    attrgetter("nope")(1)
except AttributeError as e:
    print("AttributeError:", e)
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b,c"), methodcaller("split", maxsplit=1)("a b c"))
print(list(map(methodcaller("strip", "x"), ["xax", "bx"])))
print(reduce(operator.mul, range(1, 6)), sum(map(operator.mul, [1, 2, 3], [4, 5, 6])))
