# Compiled code calling compiled code directly (jit/src/jit/calls.rs): every
# way a direct call can end must look exactly like an interpreted call.
import sys


def add(a, b):
    return a + b


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


# A plain call chain, results used by the caller.
total = 0
for i in range(300):
    total = add(total, fib(i % 12))
print("chain", total)


# The callee raises; the caller's handler (in compiled code) catches it.
def risky(x):
    if x % 7 == 3:
        raise ValueError("bad %d" % x)
    return x * 2


def careful(n):
    caught = 0
    acc = 0
    for i in range(n):
        try:
            acc += risky(i)
        except ValueError as e:
            caught += 1
            last = str(e)
    return acc, caught, last


print("caught", careful(500))


# The exception passes through several compiled frames before it is handled.
def level3(x):
    return 10 // x


def level2(x):
    return level3(x) + 1


def level1(x):
    return level2(x) + 1


for x in (5, 2, 0, 1):
    try:
        print("levels", x, level1(x))
    except ZeroDivisionError as e:
        print("levels", x, "ZeroDivisionError:", e)


# The callee's types change after it was compiled: it bails mid-call and the
# interpreter finishes it, then the caller goes on in compiled code.
def scale(v, k):
    return v * k + 1


def drive(n):
    out = []
    for i in range(n):
        v = i if i < n - 3 else float(i)
        out.append(scale(v, 3))
    return out[-5:]


print("bail", drive(400))


# The callee overflows into a big int.
def square(x):
    return x * x


def grow(n):
    v = 3
    for _ in range(n):
        v = square(v) % (10**40) + 7
    return v


print("bigint", grow(300))


# Keyword arguments, defaults, *args and methods go through the interpreter's
# call paths, then run compiled.
def kw(a, b=2, *rest, c=5, **extra):
    return a + b + sum(rest) + c + len(extra)


class Acc:
    def __init__(self, start):
        self.v = start

    def push(self, x, times=1):
        self.v += x * times
        return self


def methods(n):
    a = Acc(0)
    for i in range(n):
        a.push(i).push(1, times=2)
        a.v += kw(i, c=1) + kw(1, 2, 3, 4, z=9)
    return a.v


print("methods", methods(300))


# __init__ returning something is a TypeError, also from compiled code.
class Bad:
    def __init__(self, flag):
        if flag:
            return 5


def make(n):
    made = 0
    for i in range(n):
        try:
            Bad(i == n - 1)
            made += 1
        except TypeError as e:
            print("init", e)
    return made


print("made", make(300))


# Calling a generator function from compiled code makes a generator.
def gen(n):
    for i in range(n):
        yield i * i


def consume(n):
    s = 0
    for _ in range(n):
        s += sum(gen(5))
    return s


print("gen", consume(300))


# Deep recursion: RecursionError at the limit, caught and survived.
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


print("deep", down(900))
try:
    down(5000)
except RecursionError as e:
    print("recursion", type(e).__name__)
print("after", down(10))

# Deeper than direct calls nest on the native stack: the interpreter takes over.
sys.setrecursionlimit(250000)
print("very deep", down(200000))
