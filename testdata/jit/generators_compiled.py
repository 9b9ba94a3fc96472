# Generators run in compiled code: yields leave for the interpreter, which
# suspends the frame; a generator a builtin drains keeps its items in
# compiled code. Every path must look the same as the interpreter's.


def counter(n):
    i = 0
    while i < n:
        got = yield i * 2
        if got is not None:
            i += got
        else:
            i += 1
    return "done"


g = counter(10)
print(next(g), next(g), g.send(3), next(g))
print(list(counter(6)))
print(sum(x for x in range(1000) if x % 7 == 0))
print(set(x % 5 for x in range(100)))
print(tuple(x * 1.5 for x in range(5)))


def delegate():
    r = yield from counter(3)
    yield r


print(list(delegate()))


# A sink that refuses an item: the generator stops at that yield and the
# builtin raises, once; __hash__ runs once per item offered.
class Loud:
    seen = 0

    def __hash__(self):
        Loud.seen += 1
        if Loud.seen == 3:
            raise ValueError("no hash for the third")
        return 7


def louds():
    for i in range(5):
        print("make", i)
        yield Loud()
    print("never here")


try:
    set(louds())
except ValueError as e:
    print("ValueError:", e, Loud.seen)

try:
    set([] for _ in range(3))
except TypeError as e:
    print("TypeError:", e)


# Closures: cells read and written inside compiled loops, functions made in
# loops, generator expressions over a free variable.
def make_adders(n):
    total = 0
    adders = []
    for k in range(n):
        total += k

        def add(x, k=k):
            return x + k + total

        adders.append(add)
    return [a(1) for a in adders], total


print(make_adders(5))


def queens_like(n):
    cols = range(n)
    for vec in [(0, 2, 1), (1, 0, 2), (2, 1, 0)]:
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            yield vec
        else:
            yield None


print(list(queens_like(3)))


# Exceptions inside a compiled generator's loop, try/finally and close().
def careful(xs):
    try:
        for x in xs:
            try:
                yield 10 // x
            except ZeroDivisionError:
                yield "div0"
    finally:
        print("cleanup")


print(list(careful([1, 2, 5])))
c = careful([1, 2, 3])
print(next(c))
c.close()
c = careful([1, 0, 3])
print(next(c))
print(next(c))
c.close()


def thrower():
    n = 0
    while True:
        try:
            yield n
        except KeyError as e:
            n += 100
            print("caught", e)
        n += 1


t = thrower()
print(next(t), next(t), t.throw(KeyError("k")), next(t))


# Types changing mid-loop in a generator, int overflow into big ints.
def mixed():
    v = 1
    for i in range(70):
        v = v * 3 if i < 60 else v + 0.5
        yield v


print(list(mixed())[-12:])


# Recursive generators (a tree walk) and a generator left suspended deep.
def walk(depth):
    if depth == 0:
        yield "leaf"
        return
    for side in "LR":
        for w in walk(depth - 1):
            yield side + w


print(list(walk(3)))
deep = walk(50)
print(len(next(deep)))


# StopIteration raised inside a generator becomes RuntimeError (PEP 479).
def leaky():
    yield 1
    next(iter([]))


try:
    print(list(leaky()))
except RuntimeError as e:
    print("RuntimeError:", e)
