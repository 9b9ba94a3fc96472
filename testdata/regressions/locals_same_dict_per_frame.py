# locals() in a function returns the same dict object on each call in one
# frame, updated each time (CPython 3.11); different frames get different
# dicts.


def f(a):
    first = locals()
    b = 2
    second = locals()
    print(first is second, sorted(second))
    del b
    third = locals()
    print(third is first, sorted(third))
    first["extra"] = 1
    print(sorted(locals()))
    return first


d1 = f(1)
d2 = f(2)
print(d1 is d2, d1["a"], d2["a"])


def g():
    v = vars()
    n = 5
    print(v is vars(), v["n"])


g()


def gen():
    x = 1
    yield locals()
    x = 2
    yield locals()


it = gen()
l1 = next(it)
print(l1["x"])
l2 = next(it)
print(l1 is l2, l2["x"])


def outer():
    c = 1

    def inner():
        return c, locals()

    return inner()


print(outer())
