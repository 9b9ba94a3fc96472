# An exception raised several directly called compiled frames deep, not
# caught: the traceback lists every frame with its line, as CPython's does.


def a(n):
    return b(n) + 1


def b(n):
    x = c(n)
    return x * 2


def c(n):
    if n == 0:
        return {}["missing"]
    return n


def rec(n):
    if n == 0:
        return a(0)
    return rec(n - 1) + 1


for i in range(1, 400):
    rec(3) if False else a(i)
print("warm")
try:
    rec(2)
except KeyError as e:
    print("caught", repr(e))
rec(3)
