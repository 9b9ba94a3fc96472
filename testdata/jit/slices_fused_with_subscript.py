# Compiled code slices lists and tuples straight from the bounds: the
# BuildSlice and the Subscr/StoreSubscr reading it are one helper call
# (jit/gen_slices.rs). Loops long enough to be compiled by default; locals
# live in registers around the slices (ints and floats), containers that
# change type mid-loop (the ordinary path with a real slice object), errors
# raised from inside the fused pair, and instances that see the slice.


def loads(n):
    a = list(range(12))
    t = tuple(range(12))
    bounds = (None, -20, -5, -1, 0, 1, 3, 11, 12, 40)
    steps = (None, 1, 2, 5, -1, -3)
    total = 0
    acc = 0.5
    count = 0
    for i in range(n):
        lo = bounds[i % 10]
        hi = bounds[(i // 10) % 10]
        st = steps[(i // 100) % 6]
        x = a[lo:hi:st]
        y = t[lo:hi:st]
        total += len(x) + sum(y)
        acc += len(y) * 0.25
        count += 1
    return total, acc, count


def fannkuch_like(n):
    perm1 = list(range(n))
    flips_total = 0
    checks = 0
    for r in range(3000):
        perm = perm1[:]
        k = perm[0]
        while k:
            perm[: k + 1] = perm[k::-1]
            flips_total += 1
            k = perm[0]
        # rotate the prefix, as fannkuch's odometer does
        i = r % n
        perm1[: i + 1] = perm1[1 : i + 1] + perm1[:1]
        checks += perm[-1]
    return flips_total, checks, perm1


def stores(n):
    c = list(range(8))
    sizes = 0
    for i in range(n):
        m = i % 5
        if m == 0:
            c[1:3] = [i, i, i]  # grows
        elif m == 1:
            c[2:] = (i,)  # a tuple, shrinks
        elif m == 2:
            c[-3:-1] = []  # empty
        elif m == 3:
            c[:0] = [m]  # insert at the front
        else:
            c[5:2] = [7, 8]  # stop before start: insert at 5
        if len(c) > 20:
            c[10:] = []
        sizes += len(c)
    c[:] = c  # the same list: ordinary path
    c[1:2] = c
    d = [1, 2, 3]
    d[1:] = iter([5, 6, 7])  # not a list or tuple: ordinary path
    return sizes, c, d


class Seq:
    def __init__(self):
        self.seen = []

    def __getitem__(self, k):
        self.seen.append((k.start, k.stop, k.step))
        return k.stop

    def __setitem__(self, k, v):
        self.seen.append(("set", k.start, k.stop, v))


def mixed(n):
    # The container changes type mid-loop: list, tuple, str, bytes, range,
    # instance, dict (TypeError).
    things = [list(range(6)), tuple(range(6)), "abcdef", b"abcdef", range(6), Seq(), {}]
    out = []
    errors = 0
    f = 0.0
    for i in range(n):
        x = things[(i // 50) % 7]
        try:
            v = x[1 : i % 7 : 1 + i % 2]
            out.append(v if isinstance(v, int) else len(v))
        except TypeError:
            errors += 1
        f += 0.5
    return sum(out), errors, f, things[5].seen[:3], len(things[5].seen)


def stores_mixed(n):
    targets = [list(range(6)), Seq(), (1, 2, 3), list(range(3))]
    errors = 0
    for i in range(n):
        x = targets[(i // 40) % 4]
        try:
            x[1:3] = [i]
        except TypeError:
            errors += 1
    return targets[0], targets[1].seen[-1], errors, targets[3]


def bad_bounds(n):
    a = list(range(5))
    msgs = set()
    ok = 0
    for i in range(n):
        lo = (1, "x", 1.5, None)[i % 4]
        st = (1, 0, -1)[i % 3]
        try:
            a[lo::st]
            ok += 1
        except (TypeError, ValueError) as e:
            msgs.add(type(e).__name__ + ": " + str(e))
        try:
            a[lo:3:st] = [9, 9, 9]
            a[:] = [0, 1, 2, 3, 4]
        except (TypeError, ValueError) as e:
            msgs.add(type(e).__name__ + ": " + str(e))
    return ok, sorted(msgs), a


def big_ints(n):
    a = list(range(10))
    total = 0
    for i in range(n):
        lo = (2**70, -(2**70), 3)[i % 3]
        total += len(a[lo:]) + len(a[:lo]) + len(a[::-1][lo:])
    return total


print(loads(6000))
print(fannkuch_like(7))
print(stores(3000))
print(mixed(1400))
print(stores_mixed(1000))
print(bad_bounds(900))
print(big_ints(900))
