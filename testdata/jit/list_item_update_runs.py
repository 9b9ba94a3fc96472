# Runs of `v[k] op= x` on one list share their checks in compiled code (the
# list's type, borrow state and length are checked once per run). Each case
# here breaks one of those assumptions mid-loop.


def step(v, w, d, n):
    for _ in range(n):
        v[0] -= d * 0.5
        v[1] -= d * 0.25
        v[2] -= d * 0.125
        w[0] += d
        w[1] += d
        w[2] += d


def run(label, v, w, d, n):
    try:
        step(v, w, d, n)
        print(label, v, w)
    except Exception as e:
        print(label, type(e).__name__, e, v, w)


for i in range(3):
    run("plain", [1.0, 2.0, 3.0], [0.0, -0.0, 0.5], 0.1, 300)

# The same list twice: both runs update it.
a = [1.0, 2.0, 3.0]
run("aliased", a, a, 0.3, 300)

# Ints where floats were seen, and a list of mixed items.
run("ints", [1, 2, 3], [4, 5, 6], 2, 300)
run("mixed", [1.0, 2, 3.5], [4, True, 6.0], 0.5, 300)

# Too short: the first update of the run is fine, a later one raises.
run("short v", [1.0, 2.0], [0.0, 0.0, 0.0], 0.1, 5)
run("short w", [1.0, 2.0, 3.0], [0.0], 0.1, 5)

# Special values.
run("special", [float("inf"), float("nan"), -0.0], [float("-inf"), 0.0, 1e308], 1e308, 3)


# An item changes type between updates of one run (a float subclass with
# its own arithmetic, set by the update before).
class F(float):
    def __rsub__(self, other):
        return "rsub"

    def __sub__(self, other):
        return F(float(self) - other)


def retype(v, n):
    for i in range(n):
        v[0] -= 1.0
        v[1] -= 2.0
        if i == n - 3:
            v[1] = F(7.0)
    return v


for _ in range(3):
    print("retype", retype([0.0, 0.0, 0.0], 400))


# The list is being sorted while a key function updates it: CPython shows
# it empty meanwhile.
CUR = [None]
LOG = []


def key(x):
    v = CUR[0]
    try:
        v[0] += 1.0
        v[1] += 1.0
    except IndexError as e:
        LOG.append(str(e))
    return x


for n in (3, 400, 3):
    s = [float(i % 5) for i in range(n)]
    CUR[0] = s
    LOG.clear()
    try:
        s.sort(key=key)
    except ValueError as e:
        print("sort", e)
    print(s[:6], len(LOG), set(LOG))
    CUR[0] = [0.0, 0.0]
    print(key(1.0), CUR[0])


# The list grows and shrinks between runs (not within one).
def grow(v, n):
    for i in range(n):
        v[0] += 1.0
        v[1] += 1.0
        if i % 7 == 0:
            v.append(0.5)
        v[2] += 1.0
        if len(v) > 5:
            del v[3:]
    return v


print("grow", grow([0.0, 0.0, 0.0], 500))


# The list's register is rebound between two updates, and int arithmetic
# (not done in XMM registers) runs between updates of one list.
def rebind(v, w, n):
    k = 0
    for i in range(n):
        v[0] += 0.5
        v = w
        v[1] += 0.25
        k = k + i * 3
        v[2] -= 1.5
        w[0] *= 1.0
    return v, w, k


for _ in range(3):
    print("rebind", rebind([0.0, 0.0, 0.0], [1.0, 2.0, 3.0], 300))
