# `f(x - 1)` loads the global `f`, then computes the argument, then calls:
# an argument whose `__sub__` rebinds `f` must not change which function
# this call calls (the one loaded), only the next load. Compiled code
# checks the global at the load only, so this is its edge.
log = []


def other(n):
    log.append(("other", n))
    return 1000


class Sneaky:
    def __init__(self, v):
        self.v = v

    def __sub__(self, k):
        global f
        f = other
        return self.v - k


def f(n):
    if isinstance(n, Sneaky):
        log.append(("sneaky", n.v))
        return f(n - 1) + f(0)
    if n < 2:
        return n
    return f(n - 1) + f(n - 2)


original = f
for _ in range(300):
    f = original
    original(10)
f = original
print(original(12))
print(original(Sneaky(5)), log)
log.clear()
f = original
print(original(Sneaky(1)), log)
log.clear()


# Other globals written all the time (the globals' version moves on) while
# the name still holds the function: results unchanged.
ticks = 0


def g(n):
    global ticks
    ticks += 1
    if n < 2:
        return n
    return g(n - 1) + g(n - 2)


print(g(18), ticks)


# The name rebound back and forth more often than compiled code's bail
# limit: after the recompile, calls still go where the name points.
def h(n):
    if n < 2:
        return n
    return h(n - 1) + h(n - 2)


def h2(n):
    return -n


real_h = h
total = 0
for i in range(2500):
    h = h2 if i % 2 else real_h
    total += real_h(6)
h = real_h
print(total, real_h(15))


# An argument that is not an int, and one that turns into a float, through
# the same compiled calls.
def k(n):
    if n < 2:
        return n
    return k(n - 1) + k(n - 2)


for _ in range(200):
    k(8)
print(k(10.5), k(True), k(12))
