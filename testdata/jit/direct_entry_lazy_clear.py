# A compiled callee entered directly clears its registers only when
# something may look at its frame: its entry block (`if n < 2: return n`)
# runs first. The register stack slots it reuses held a deeper call's
# objects, dead since. Whatever looks at the frame before the registers are
# written (a collection in an operand's `__lt__`, in the first call, in an
# exception raised from the entry block) must find them cleared or written.
import gc


class Key:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        gc.collect()
        junk = [[i] * 3 for i in range(50)]
        return self.v < other and len(junk) > 0


class Boom:
    def __lt__(self, other):
        gc.collect()
        raise ValueError("boom")


def litter(n):
    # Leaves lists, dicts and strings in its registers and its callees'.
    a = [n, n + 1]
    b = {"k": a, "s": str(n) * 3}
    c = (a, b, [b])
    if n > 0:
        return litter(n - 1) + len(c)
    return len(c)


def f(n, extra):
    if n < 2:
        return n
    return f(n - 1, extra) + f(n - 2, extra) + len(extra)


for _ in range(200):
    litter(6)
    f(7, "x")

total = 0
for i in range(30):
    litter(8)
    r = f(Key(1) if i % 3 == 0 else 6, [i])
    total += r.v if isinstance(r, Key) else r
    total += f(6, "ab")
print(total)
try:
    litter(8)
    f(Boom(), "x")
except ValueError as e:
    print("ValueError:", e)
print(f(12, ""), f(12.5, "ab"), f(True, ()))


# The entry block's arithmetic takes its float path (a slow path that
# rejoins the next instruction), then the code calls out: the registers
# must be cleared on that path too.
def g2(m, s):
    if m < 1:
        return [m, s]
    return g2(m - 1, s)


def h(n, s):
    m = n - 1
    return g2(m, s)


for _ in range(200):
    h(3, "x")
out = []
for i in range(40):
    litter(9)
    out.append(h(2.5 if i % 2 else 4, [i] * 2))
print(out[-2:], len(out))


# A branch's target reached only by its jump, in a function that also
# makes a generator there.
def gen3(n):
    for i in range(n):
        yield i * 2


def pick(d, what):
    if d > 0:
        return pick(d - 1, what)
    if what == 0:
        return 1
    g = gen3(3)
    next(g)
    return next(g)


acc = 0
for r in range(60):
    acc += litter(r % 13)
    acc += pick(r % 13, r % 2)
print(acc)
