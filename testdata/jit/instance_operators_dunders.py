# Binary operators on instances whose classes define them in Python, run hot
# from compiled code (jit/lean_dunder.rs): every operator, in-place forms and
# their fallbacks, reflected methods with subclass priority, NotImplemented
# chains ending in TypeError, methods that raise, a class changed mid-loop,
# operands changing classes mid-loop, deep recursion through an operator,
# and finally an uncaught error raised inside a special method.

N = 3000


class V:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"V({self.x})"

    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))

    def __radd__(self, o):
        return V(o + self.x)

    def __sub__(self, o):
        return V(self.x - o.x)

    def __mul__(self, o):
        if isinstance(o, V):
            return self.x * o.x
        return V(self.x * o)

    def __rmul__(self, o):
        return V(self.x * o * 10)

    def __truediv__(self, o):
        return V(self.x / o.x)

    def __floordiv__(self, o):
        return V(self.x // o.x)

    def __mod__(self, o):
        return V(self.x % o.x)

    def __pow__(self, o):
        return V(self.x ** (o.x % 3))

    def __matmul__(self, o):
        return self.x * o.x + 1

    def __and__(self, o):
        return V(self.x & o.x)

    def __or__(self, o):
        return V(self.x | o.x)

    def __xor__(self, o):
        return V(self.x ^ o.x)

    def __lshift__(self, o):
        return V(self.x << (o.x % 5))

    def __rshift__(self, o):
        return V(self.x >> (o.x % 5))


def every_operator(n):
    acc = 0
    for i in range(n):
        a, b = V(i + 7), V(i % 5 + 1)
        r = [a + b, a - b, a / b, a // b, a % b, a ** b, a & b, a | b, a ^ b, a << b, a >> b]
        acc += sum(v.x for v in r) + a * b + (a @ b)
        acc += (a + 1).x + (2 + a).x + (a * 3).x + (3 * a).x
    return acc


print("every operator", every_operator(N))


class Acc:
    """__iadd__ in place; -= falls back to __sub__; *= returns NotImplemented
    from __imul__ and goes on to __mul__."""

    def __init__(self):
        self.total = 0

    def __iadd__(self, o):
        self.total += o
        return self

    def __sub__(self, o):
        r = Acc()
        r.total = self.total - o
        return r

    def __imul__(self, o):
        return NotImplemented

    def __mul__(self, o):
        r = Acc()
        r.total = self.total * o % 1000003
        return r


def in_place(n):
    a = Acc()
    first = a
    for i in range(n):
        a += i
        a -= 1
        a *= 3
    return a.total, first.total, a is first


print("in place", in_place(N))


class Base:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        return "Base.__add__"

    def __radd__(self, o):
        return "Base.__radd__"


class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__"


class Declines(Base):
    def __radd__(self, o):
        return NotImplemented


class Other:
    def __radd__(self, o):
        return "Other.__radd__"


def reflected(n):
    counts = {}
    pairs = [(Base(1), Derived(2)), (Derived(1), Base(2)), (Base(1), Declines(2)),
             (Base(1), Other()), (1, Derived(3))]
    for i in range(n):
        a, b = pairs[i % len(pairs)]
        r = a + b
        counts[r] = counts.get(r, 0) + 1
    return sorted(counts.items())


print("reflected", reflected(N))


class A:
    def __add__(self, o):
        return NotImplemented

    def __sub__(self, o):
        return NotImplemented


class B:
    def __radd__(self, o):
        return NotImplemented


def unsupported(n):
    msgs = set()
    a, b = A(), B()
    for i in range(n):
        try:
            if i % 3 == 0:
                a + b
            elif i % 3 == 1:
                a - 1
            else:
                x = a
                x += b
        except TypeError as e:
            msgs.add(str(e))
    return sorted(msgs)


print("unsupported", unsupported(N))


class Raises:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        if self.x % 7 == 0:
            raise ValueError(f"no sum for {self.x}")
        return self.x + o

    def __mul__(self, o):
        return 1 / (self.x % 5)


def raising(n):
    ok = errs = 0
    last = ""
    for i in range(n):
        try:
            ok += Raises(i) + 1
            ok += Raises(i) * 2
        except (ValueError, ZeroDivisionError) as e:
            errs += 1
            last = f"{type(e).__name__}: {e}"
    return ok, errs, last


print("raising", raising(N))


def other_add(self, o):
    return V(self.x * 100 + o.x)


def mutated(n):
    total = 0
    original = V.__add__
    for i in range(n):
        if i == 1000:
            V.__add__ = other_add
        if i == 2000:
            del V.__add__
        try:
            total += (V(i) + V(1)).x
        except TypeError as e:
            total += 1
            msg = str(e)
    V.__add__ = original
    return total, msg


print("mutated", mutated(N))


class W:
    def __init__(self, x):
        self.x = x

    def __sub__(self, o):
        return W(self.x - 2 * o.x)


def changing_classes(n):
    vals = [V(3), W(3), V(5), 7.5, W(1)]
    total = 0.0
    for i in range(n):
        a = vals[i % 5]
        b = vals[(i * 3) % 5]
        try:
            r = a - b
            total += r.x if hasattr(r, "x") else r
        except (TypeError, AttributeError) as e:
            total += 0.25
    return total


print("changing classes", changing_classes(N))


class Depth:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        if self.n == 0:
            return o
        return Depth(self.n - 1) + (o + 1)


def recursion(n):
    total = 0
    for i in range(n // 10):
        total += Depth(i % 50) + 1
    try:
        Depth(100000) + 0
    except RecursionError:
        total += 1
        kind = "RecursionError"
    return total, kind


print("recursion", recursion(N))


class Fails:
    def __init__(self, x):
        self.x = x

    def __truediv__(self, o):
        return self.x / (o.x - 3)


def uncaught(n):
    total = 0.0
    for i in range(n):
        a, b = Fails(i), Fails(i % 4 if i > 2000 else 1)
        total += a / b
    return total


print("uncaught", uncaught(N))
