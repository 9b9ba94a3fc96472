# A `for` over a generator runs the generator as a frame of the same
# interpreter loop. Everything a native resume did must still hold.
import sys


def count(n):
    for i in range(n):
        yield i
    return "done"


# The loop variable keeps the last item after the generator returns.
for x in count(3):
    pass
print("last", x)

# break, then resume the same generator elsewhere.
g = count(5)
for x in g:
    if x == 1:
        break
print("after break", x, next(g), list(g))


# An exception raised in the generator reaches the consumer's handler, with
# the generator's line in the traceback chain.
def fails():
    yield 1
    raise ValueError("inside")


try:
    for x in fails():
        print("got", x)
except ValueError as e:
    print("caught", e)


# PEP 479: StopIteration inside a generator becomes RuntimeError.
def leaks():
    yield 1
    raise StopIteration("leaked")


try:
    for x in leaks():
        print("got", x)
except RuntimeError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))


# Nested and recursive generators, deep.
def walk(n):
    if n:
        yield n
        for v in walk(n - 1):
            yield v


sys.setrecursionlimit(5000)
print(sum(1 for _ in walk(10)), max(walk(1500)))


# yield from inside a generator driven by a for loop.
def chain(*its):
    for it in its:
        r = yield from it
        print("sub returned", r)


for v in chain(count(2), count(1)):
    print("v", v)


# A running generator cannot be re-entered.
def reenter():
    yield next(me)


me = reenter()
try:
    for v in me:
        pass
except ValueError as e:
    print("ValueError", e)


# The generator state as seen from outside.
def states():
    yield 1


s = states()
for v in s:
    print("inside:", v)
print(list(s), next(s, "exhausted"))

# Finally an uncaught StopIteration-turned-RuntimeError traceback.
for x in leaks():
    pass
