# Compiled code pushes frames inline into the frame vector's spare slots,
# writing only the fields a plain call sets: the others (generator, sink,
# class-call instance, operator resume, interpreter entry) must be empty in
# every slot a generator, a drained generator, a constructor, an operator
# method or a builtin callback used before. Each round leaves such frames at
# some depth, then recurses through the same depths with plain calls whose
# callees sometimes bail to the interpreter or raise, so that the
# interpreter pops and inspects the inline-pushed frames.


def gen(n):
    for i in range(n):
        yield i * 2


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __radd__(self, other):
        return Num(other + self.v)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def at_depth(d, what):
    if d > 0:
        return at_depth(d - 1, what)
    if what == 0:
        return sum(gen(5))
    if what == 1:
        return len(list(x for x in gen(7)))
    if what == 2:
        return (Num(3) + Num(4)).v
    if what == 3:
        return Point(d, 5).y
    if what == 4:
        return sorted([3, 1, 2], key=lambda v: -v)[0]
    g = gen(3)
    next(g)
    return next(g)


def walk(n, k):
    # Plain recursion; the callee bails (a float) or raises at some depths.
    if n == 0:
        return 0
    if n == k:
        return walk(n - 1, k) + 0.5
    if n == k + 3:
        try:
            return walk(n - 1, k) + missing_name  # noqa: F821
        except NameError:
            return -1
    return walk(n - 1, k) + 1


total = 0
for rnd in range(60):
    for what in range(6):
        total += at_depth(rnd % 13, what)
        total += walk(20, rnd % 17)
print(total)


def suspended(n):
    # A generator suspended mid-recursion, resumed from deeper frames.
    g = gen(100)
    next(g)

    def deep(d):
        if d == 0:
            return next(g)
        return deep(d - 1) + 1

    return [deep(n) for _ in range(3)]


for n in (1, 5, 9):
    print(suspended(n))
