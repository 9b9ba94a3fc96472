# `if n < 2:` compiles to a constant load into a temporary and a compare
# that takes the constant as an immediate: compiled code may leave the
# temporary unwritten when the compare's fast path runs. Every slow path of
# the compare must still find the constant there: an operand whose `__lt__`
# looks at it and collects garbage, a float, an
# exception from the comparison, and a recursion that stops at the limit.
import gc

seen = []


class Lt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        seen.append(("lt", type(other).__name__, other))
        gc.collect()
        return self.v < other


class Bad:
    def __lt__(self, other):
        raise TypeError(f"cannot compare with {other!r}")


def small(n):
    if n < 2:
        return "small"
    return "big"


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


for _ in range(300):
    small(5)
    fib(6)
print(small(1), small(7), small(1.5), small(2.5), small(True))
print(small(Lt(1)), small(Lt(3)), seen)
seen.clear()
try:
    small(Bad())
except TypeError as e:
    print("TypeError:", e)
print(fib(15), fib(7.5), fib(False))


def depth(n):
    if n < 2:
        return depth(n + 1)
    return depth(n + 1)


try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)


# The compare's temporary is the next result's register: its tag must be
# written there even though the constant never was (ackermann's shape).
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


print([ack(m, n) for m in range(3) for n in range(4)], ack(2, 3))
