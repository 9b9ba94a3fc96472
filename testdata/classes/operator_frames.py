# Operators whose special methods are Python functions run them as frames of
# the interpreter loop; NotImplemented goes on with the rest of the protocol
# (reflected operand, subclass priority, in-place fallback, built-in
# payloads, TypeError), and errors and tracebacks are the operator's.


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        if isinstance(o, int):
            return V(self.x + o)
        return NotImplemented

    def __radd__(self, o):
        if isinstance(o, str):
            return NotImplemented
        return V(o + self.x)

    def __sub__(self, o, scale=1):
        # A default filled by the call.
        return V(self.x - o.x * scale)

    def __mul__(self, k):
        return V(self.x * k)

    __rmul__ = __mul__

    def __repr__(self):
        return f"V({self.x})"


class W(V):
    def __radd__(self, o):
        return "W.__radd__ first"


class Only:
    def __radd__(self, o):
        return ("Only.__radd__", o)


class Declines:
    def __add__(self, o):
        return NotImplemented

    def __radd__(self, o):
        return NotImplemented


class InPlace:
    def __init__(self):
        self.items = []

    def __iadd__(self, o):
        if o == "no":
            return NotImplemented
        self.items.append(o)
        return self

    def __add__(self, o):
        return ("plain add", o)


class Raises:
    def __mul__(self, o):
        raise ValueError("from __mul__")


class IntSub(int):
    def __add__(self, o):
        return NotImplemented


class Recur:
    def __add__(self, o):
        return self + o


def main():
    a, b = V(1), V(2)
    print(a + b, a + 5, 5 + a, a - b, a * 3, 3 * a, a * 2.5)
    print(V(1) + W(2), W(2) + V(1), 1 + W(3))
    print(V(7) + Only())
    try:
        V(1) + "s"
    except TypeError as e:
        print("TypeError:", e)
    try:
        "s" + V(1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        Declines() + Declines()
    except TypeError as e:
        print("TypeError:", e)
    try:
        [1] + Declines()
    except TypeError as e:
        print("TypeError:", e)
    p = InPlace()
    p += "a"
    p += "b"
    print(p.items)
    p += "no"
    print(p)
    try:
        Raises() * 2
    except ValueError as e:
        print("ValueError:", e)
    print(IntSub(3) + 4, 4 + IntSub(3))
    # An operator inside a loop, with the result in one of the operands.
    acc = V(0)
    for i in range(1000):
        acc = acc + V(i)
        acc = acc - V(1)
    print(acc)
    try:
        Recur() + 1
    except RecursionError:
        print("RecursionError")
    total = V(0)
    for i in range(3):
        total += V(i)
    print(total)


main()


class Callable:
    def __init__(self, k=10):
        self.k = k

    def __call__(self, a, b=2, c=3):
        return a * self.k + b + c


def defaults(a, b=1, *, c=2):
    return a + b + c


def plain_defaults(a, b=10, c=100):
    return a + b + c


c = Callable()
print(c(1), c(1, 1), c(1, 1, 1), Callable(3)(5))
try:
    c()
except TypeError as e:
    print("TypeError:", e)
try:
    c(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
print(plain_defaults(1), plain_defaults(1, 2), plain_defaults(1, 2, 3))
print(defaults(1), defaults(1, 2, c=3))
m = Callable(2).__call__
print(m(4), m(4, 0))
try:
    plain_defaults()
except TypeError as e:
    print("TypeError:", e)
print(sorted([3, 1, 2], key=Callable(1)))
print(V(4) + V(5) + V(6))
print(V(1) + Declines())
