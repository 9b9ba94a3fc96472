# Builtins that drain a generator (list, tuple, set, sorted, str.join, ...)
# run it in one go (Vm::collect_generator); everything a generator can do
# while being drained must behave as when it is resumed item by item.


def squares(n):
    for i in range(n):
        yield i * i


print(list(squares(5)), tuple(squares(3)), sorted(set(x % 3 for x in range(10))))
print("-".join(str(x) for x in squares(4)), frozenset(squares(3)) == {0, 1, 4})


# Partly consumed by next(), then drained.
g = squares(6)
print(next(g), next(g), list(g), list(g))


# The value of a yield expression is None when drained.
def echo():
    got = []
    for i in range(3):
        x = yield i
        got.append(x)
    print("echo got", got)
    return "done"


print(list(echo()))


# yield from: a list, another generator, a generator that returns a value.
def inner():
    yield "a"
    yield "b"
    return "inner-result"


def outer():
    yield from [1, 2]
    r = yield from inner()
    yield r
    yield from (c for c in "xy")


print(list(outer()))


# Nested draining: a drained generator drains another.
def nested(n):
    for i in range(n):
        yield tuple(j for j in range(i))


print(list(nested(4)))


# try/finally and with inside a drained generator.
class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *a):
        print("exit", a[0])
        return False


def guarded():
    try:
        with Ctx():
            yield 1
            yield 2
    finally:
        print("finally")


print(list(guarded()))


# An exception raised midway: items so far are lost, the traceback is the
# generator's, the generator is finished afterwards.
def failing():
    yield 1
    yield 2
    raise KeyError("boom")


f = failing()
try:
    list(f)
except KeyError as e:
    print("KeyError", e)
print(list(f))


# PEP 479: StopIteration inside a generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration


try:
    tuple(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


# A generator that resumes itself while drained.
def selfish():
    yield 1
    yield next(me)


me = selfish()
try:
    list(me)
except ValueError as e:
    print("ValueError:", e)


# Side effects interleave as when iterating item by item.
def noisy(n):
    for i in range(n):
        print("make", i)
        yield i


print(sum(noisy(3)), max(noisy(2)), any(x > 0 for x in noisy(3)))
print(sorted(noisy(3), reverse=True))


# A drained generator that breaks out of a loop and returns early.
def until_negative(xs):
    for x in xs:
        if x < 0:
            return
        yield x


print(list(until_negative([3, 1, -1, 5])))


# set() adds items as they come: an unhashable one stops the generator there,
# and the generator can go on afterwards.
def mixed():
    for i in range(4):
        print("mixed", i)
        yield [i] if i == 1 else i


m = mixed()
try:
    set(m)
except TypeError as e:
    print("TypeError:", e)
print(list(m))
print(sorted(frozenset(x // 2 for x in range(6))), set(iter([3, 3, 4])) == {3, 4})
