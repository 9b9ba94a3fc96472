# functools.lru_cache wrappers have cache_info(), cache_clear(),
# cache_parameters() and __wrapped__; maxsize=None, typed= and the bare
# @lru_cache form all work (they were missing).
import functools


@functools.lru_cache
def double(x):
    return x * 2


print(double(1), double(1), double(2))
print(double.cache_info())
info = double.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], type(info).__name__)
double.cache_clear()
print(double.cache_info())
print(double.cache_parameters())
print(double.__wrapped__(21))


@functools.lru_cache(maxsize=None)
def ident(x):
    return x


ident(1)
ident(1)
ident("a")
print(ident.cache_info(), ident.cache_parameters())


@functools.lru_cache(maxsize=2, typed=True)
def typed(x):
    return repr(x)


for v in [1, 1.0, 1, 2, 3, 1, True]:
    print(typed(v), end=" ")
print()
print(typed.cache_info(), typed.cache_parameters())


@functools.lru_cache(0)
def never(x):
    return x


never(1)
never(1)
print(never.cache_info())


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.cache_info())


@functools.lru_cache(3)
def kw(a, b=0, *, c=0):
    return a + b + c


print(kw(1), kw(1, 2), kw(1, b=2), kw(a=1, b=2), kw(1, c=5), kw(1))
print(kw.cache_info())
