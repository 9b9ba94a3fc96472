# Keyword calls to plain functions and methods are bound in place on the value
# stack (interp/bind_fast.rs); everything unusual, including every error,
# goes to the general binder. Both must agree with CPython.


def f(a, b=2, c=3):
    return (a, b, c)


print(f(1, c=9), f(a=5), f(1, 2, c=0), f(c=1, b=2, a=3), f(1, b=None))


class Node:
    def __init__(self, name, parent=None, depth=0):
        self.name, self.parent, self.depth = name, parent, depth

    def find(self, update=False, limit=10):
        return (self.name, update, limit)


n = Node("x", depth=4)
print(n.name, n.parent, n.depth, n.find(update=True), n.find(limit=1), n.find(True, limit=2))
m = n.find
print(m(limit=3, update=1))


def posonly(a, b=1, /, c=2):
    return a, b, c


def kwonly(a, *, k=1):
    return a, k


def star(a, *args, k=0, **kw):
    return a, args, k, kw


print(posonly(1, c=5), kwonly(2, k=3), star(1, 2, k=3, z=4))

for bad in (
    lambda: f(1, a=2),
    lambda: f(b=2),
    lambda: f(1, d=4),
    lambda: posonly(a=1),
    lambda: n.find(1, update=2),
    lambda: Node(parent=None),
    lambda: kwonly(1, j=2),
):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


# A default that is a mutable object is the same object on every call.
def acc(x, into=[]):
    into.append(x)
    return into


print(acc(1), acc(2, into=[0]), acc(x=3))


# Many parameters (beyond the in-place binder's limit) and recursion.
def wide(a, b, c, d, e, f, g, h, i, j, k, l, m, n=14, o=15):
    return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o


print(wide(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, m=13, o=0))


def depth(n, acc=0):
    return acc if n == 0 else depth(n - 1, acc=acc + n)


print(depth(200))
