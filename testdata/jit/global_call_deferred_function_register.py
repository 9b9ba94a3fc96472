# `h(x - 1)` in compiled code loads the global `h`, computes the argument,
# then calls the function loaded. Compiled code may leave the function out
# of its register until the call needs it; everything that can look at the
# frame in between must still find it there: an argument whose `__sub__`
# rebinds `h` (so the frame's register is the only reference left to the
# old function) and collects garbage, a call that exceeds the recursion
# limit, and an exception raised by the argument.
import gc

calls = []


def make_h(tag):
    def h(n):
        calls.append(tag)
        if isinstance(n, int) and n <= 0:
            return tag
        return h(n - 1)

    return h


class Rebinder:
    def __init__(self, v):
        self.v = v

    def __sub__(self, k):
        global h
        h = make_h("new")
        gc.collect()
        return self.v - k


def g(x):
    return h(x - 1)


h = make_h("old")
# h is compiled before g, so that g's compiled code knows it.
for _ in range(300):
    h(3)
for _ in range(300):
    g(3)
calls.clear()
h = make_h("old")
print(g(Rebinder(3)), calls)
calls.clear()
print(g(2), calls)
calls.clear()


class Boom:
    def __sub__(self, k):
        raise ValueError("no subtraction")


try:
    g(Boom())
except ValueError as e:
    print("ValueError:", e)


def down(n):
    return down(n - 1)


for _ in range(200):
    try:
        down(30)
    except RecursionError:
        pass
try:
    down(10)
except RecursionError as e:
    print("RecursionError:", e)
print(g(4), len(calls))
