# Calls with `*args` from compiled code: `f(a, *xs)` builds a list
# (`BuildList`), extends it by each starred part (`ListExtend`, lean_args.rs)
# and makes it a tuple (`ListToTuple`). Starred lists, tuples, ranges, strs,
# dicts, sets, generators, instances with __iter__, non-iterables (TypeError
# "Value after * must be an iterable"), and iterators that raise.


def plot(x, y, *rest):
    return x + y + len(rest)


def three(a, b, c):
    return a * 100 + b * 10 + c


def render(n):
    t = 0
    for i in range(n):
        colour = (i % 3, 1, 2)
        t += plot(i, 1, *colour)
        t += three(*colour)
        t += three(0, *[i % 5, 3])
    return t


print("render", render(400))


class Triple:
    def __init__(self, v):
        self.v = v

    def __iter__(self):
        yield self.v
        yield self.v + 1
        yield self.v + 2


def gen(k):
    for j in range(k):
        yield j


def mixed_parts(n):
    parts = [[1, 2], (3,), range(4, 6), "ab", {"k": 1, "l": 2}, {7}, Triple(9),
             frozenset([8])]
    out = []
    for i in range(n):
        p = parts[i % len(parts)]
        out.append(len((lambda *a: a)(*p, *gen(i % 3))))
    return out[:16], sum(out)


print("mixed", mixed_parts(400))


def not_iterable(n):
    msgs = set()
    for i in range(n):
        v = [1, 2] if i % 7 else i
        try:
            plot(0, 0, *v)
        except TypeError as e:
            msgs.add(str(e))
    return sorted(msgs)


print("not iterable", not_iterable(300))


def raising_gen(k):
    for j in range(k):
        if j == 2:
            raise RuntimeError("stop at 2")
        yield j


def raising_parts(n):
    caught = 0
    for i in range(n):
        try:
            plot(1, 2, *raising_gen(i % 4))
        except RuntimeError:
            caught += 1
    return caught


print("raising", raising_parts(300))


def list_changes(n):
    # The starred list is modified between calls; the tuple is a copy.
    xs = [0]
    lens = 0
    for i in range(n):
        args = (*xs,)
        xs.append(i)
        lens += len(args)
        if len(xs) > 20:
            xs = [i]
    return lens


print("copies", list_changes(300))


def uncaught(n):
    for i in range(n):
        v = None if i == n - 1 else (1, 2)
        plot(1, 2, *v)


uncaught(300)
