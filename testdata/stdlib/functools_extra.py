import functools, operator, copy, string
from functools import partial, lru_cache
p = partial(dict, a=1)
print(p(b=2), p(a=3))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    w.extra = 1
    return w
@deco
@deco
def g(x):
    return x
print(g.__name__, g.__wrapped__.__name__, g.__wrapped__.__wrapped__ is not None, g(3))
@lru_cache(maxsize=3)
def h(*args, **kw):
    print("call", args, kw)
    return len(args)
h(1, 2); h(1, 2); h(a=1); h(a=1); h("x"); h("x"); h(1.0, 2)
print(operator.itemgetter(-1)([1, 2, 3]), operator.attrgetter("a", "b") is not None)
m = operator.methodcaller("get", "k", "default")
print(m({}), m({"k": 1}))
x = [[1], [1]]
y = copy.deepcopy(x)
print(y, y[0] is y[1])
print(copy.deepcopy({(1, 2): [3], "s": {4}}))
print(string.capwords("hello\tworld\nfoo"))
print(functools.reduce(lambda a, b: a + b, iter([1, 2, 3])), functools.reduce(max, "hello"))
print(sorted([3, 1, 2], key=partial(operator.sub, 10)))
print(operator.mul(3, [1]), operator.pow(2, -1), operator.truediv(1, 4))
try:
    operator.truediv(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
functools.reduce(operator.add, [])
