# A directly called function whose argument type changes while compiled
# callers keep calling it: ints, then floats, then strs and lists (its guards
# fail, it bails and is compiled again), then ints again; each call's result
# is the one CPython gives.


def scale(x):
    return x + x * 2


def poly(n, kind):
    total = None
    for i in range(n):
        if kind == 0:
            v = scale(i)
        elif kind == 1:
            v = scale(i + 0.5)
        elif kind == 2:
            v = scale(str(i))
        else:
            v = scale([i])
        total = v if total is None else (total + v if kind < 2 else v)
    return total


for kind in (0, 0, 1, 1, 2, 3, 0, 1):
    print(kind, poly(500, kind))


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(18))
print(fib(18.0))
print(fib(True))
print(fib(15))
