# A `for` loop in compiled code resumes a compiled generator itself and
# goes on after its yield (jit/for_generator.rs). Every way a generator's
# run can end must look as it does in the interpreter: a yield, a return
# (with or without a value, for-else), a bail inside the generator, an
# exception caught or escaping, StopIteration turned into RuntimeError
# (PEP 479), a generator already running, a generator left half-consumed
# and resumed by send/throw/close or another loop, recursion limits.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def total(n):
    t = 0
    for x in count(n):
        t += x
    return t


print("total", total(1000), total(3), total(0))


# A generator returning a value; for-else runs after it.
def with_return(n):
    for i in range(n):
        yield i * i
    return "ignored"


def squares(n):
    out = 0
    for v in with_return(n):
        out += v
    else:
        out = -out
    return out


print("squares", squares(600))


# Types change inside the generator: its code bails (int overflow, a float),
# and the rest of its run is the interpreter's.
def growing(n):
    v = 1
    for _ in range(n):
        yield v
        v = v * 3 if v < 10**30 else v + 0.5


def last_of(n):
    last = None
    k = 0
    for v in growing(n):
        last = v
        k += 1
    return k, last


print("growing", last_of(300))


# An exception raised in the generator, caught around the loop; the
# generator is finished afterwards.
def raises_at(n, at):
    for i in range(n):
        if i == at:
            raise KeyError(i)
        yield i


def catch(n, at):
    got = 0
    g = raises_at(n, at)
    try:
        for x in g:
            got += x
    except KeyError as e:
        print("caught", repr(e), got)
    print("after", list(g))


catch(500, 321)


# Caught inside the generator: it goes on yielding.
def resilient(n):
    for i in range(n):
        try:
            if i % 100 == 99:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield -1


def sum_resilient(n):
    s = 0
    for x in resilient(n):
        s += x
    return s


print("resilient", sum_resilient(500))


# PEP 479: StopIteration escaping a generator is a RuntimeError.
def stops(n):
    for i in range(n):
        if i == n - 1:
            raise StopIteration("inner")
        yield i


def pep479(n):
    s = 0
    try:
        for x in stops(n):
            s += x
    except RuntimeError as e:
        print("RuntimeError:", e, "cause:", repr(e.__cause__), s)


pep479(400)


# A loop left by break keeps the generator suspended; send, throw, another
# loop and close take it up where the loop left it.
def echo(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return "end"


def half(g, stop):
    for x in g:
        if x >= stop:
            break
    return x


g = echo(1000)
print("half", half(g, 250))
print("send", g.send(600))
print("again", half(g, 700))
try:
    g.throw(IndexError("thrown"))
except IndexError as e:
    print("throw", e)
print("after throw", list(g))
g = echo(1000)
half(g, 10)
g.close()
print("closed", list(g))


# Nested: generators consuming generators (recursive tree walk).
def walk(depth, base):
    if depth == 0:
        yield base
        return
    for x in walk(depth - 1, base * 2):
        yield x
    for x in walk(depth - 1, base * 2 + 1):
        yield x


def walk_sum(depth):
    s = 0
    n = 0
    for x in walk(depth, 1):
        s += x
        n += 1
    return n, s


print("walk", walk_sum(9))


# A generator that iterates itself: already executing.
def selfish():
    yield 1
    for x in me:
        yield x


me = selfish()


def drain_self():
    out = []
    try:
        for x in me:
            out.append(x)
    except ValueError as e:
        print("ValueError:", e, out)


drain_self()


# A chain of nested generator loops deeper than the recursion limit.
def chain(n):
    if n == 0:
        yield "bottom"
        return
    for x in chain(n - 1):
        yield x


def deep(n):
    try:
        for x in chain(n):
            return x
    except RecursionError as e:
        return "RecursionError"


print("chain", deep(50), deep(5000))


# The generator calls functions (compiled, and a builtin that runs Python
# code) between its yields.
def double(x):
    return 2 * x


def mapped(xs):
    for x in xs:
        yield double(x) + sum(y for y in range(x % 3))


def use_mapped(n):
    s = 0
    for v in mapped(range(n)):
        s += v
    return s


print("mapped", use_mapped(700))


# The item register holds each item; the loop variable keeps the last.
def pairs(n):
    for i in range(n):
        yield i, -i


def unpack_loop(n):
    a = b = None
    acc = 0
    for a, b in pairs(n):
        acc += a - b
    return acc, a, b


print("pairs", unpack_loop(500))
print("recursion limit", sys.getrecursionlimit())
