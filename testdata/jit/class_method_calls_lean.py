# Class methods called on the class from compiled code (`C.m(...)`, the lean
# path of `jit/direct.rs`): inherited through a subclass (cls is the
# subclass), defaults, recursion through cls, a raise caught by the caller,
# the recursion limit, and the class attribute replaced between calls.


class S:
    base = 3

    @classmethod
    def pick(cls, a, b=1):
        return a if a > b else b

    @classmethod
    def deep(cls, n):
        if n <= 0:
            return cls.base
        return cls.deep(n - 1) + 1

    @classmethod
    def check(cls, n):
        if n % 5 == 0:
            raise KeyError(n)
        return n

    @classmethod
    def name(cls):
        return cls.__name__

    @staticmethod
    def twice(x):
        return 2 * x


class T(S):
    base = 7


def run(n):
    t = 0
    for i in range(n):
        t += S.pick(i, 50) + S.pick(i) + T.pick(i, 2)
        t += S.deep(i % 4) + T.deep(2) + S.twice(i)
        try:
            t += S.check(i)
        except KeyError as e:
            t -= e.args[0]
    return t


def names(n):
    out = []
    for i in range(n):
        out.append(S.name() if i % 2 else T.name())
    return "".join(out)


def gen(n):
    for i in range(n):
        yield T.pick(i, 3)


def swap(n):
    t = 0
    for i in range(n):
        if i == n // 2:
            S.pick = classmethod(lambda cls, a, b=1: -a)
        t += S.pick(i)
    return t


def too_deep():
    try:
        return S.deep(100000)
    except RecursionError:
        return "RecursionError"


for k in range(3):
    print(run(300), sum(gen(200)), names(6))
print(swap(400))
print(too_deep())
print(T.deep(5), S.deep(5))
