# `v[k] op= x` on list items with constant indexes, in hot loops: the load
# and the store are compiled as a pair (the store skips the checks the load
# made) only when nothing between them can run Python code. Other
# containers, out-of-range indexes, borrowed lists, code that mutates the
# list in between, and `:=` rebinding the list or the index must behave as
# in CPython.


class Vec:
    def __init__(self, xs):
        self.xs = list(xs)
        self.gets = 0

    def __getitem__(self, i):
        self.gets += 1
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v


class Shrinker:
    # a float-like operand whose arithmetic empties the list
    def __init__(self, target):
        self.target = target

    def __rsub__(self, other):
        self.target.clear()
        return other - 1.0


def advance(vs, dt, n):
    for _ in range(n):
        for v in vs:
            v[0] -= dt * v[2]
            v[1] += dt * 0.5
            v[2] *= 0.999
    return vs


def mixed(v, n):
    # the item starts as an int and becomes a float
    for i in range(n):
        v[0] += 0.25
        v[1] += 1
    return v


def errors(obj, n):
    out = []
    for i in range(n):
        try:
            obj[1] -= 0.5
            out.append(obj[1])
        except Exception as e:
            out.append(type(e).__name__)
    return out


def rebinding(n):
    v = [1.0, 2.0]
    w = v
    for i in range(n):
        v[0] += (v := [10.0, 20.0])[1] * 0.0 + 1.0
    return w, v


def index_rebinding(n):
    v = [0.0, 0.0, 0.0]
    i = 0
    for _ in range(n):
        v[i] += (i := (i + 1) % 3) * 1.5
    return v, i


def mutating(v, n):
    out = []
    for _ in range(n):
        try:
            v[0] -= Shrinker(v)
        except IndexError as e:
            out.append(str(e))
        v.extend([5.0, 6.0])
    return out, v


bodies = [[float(k), float(k) * 2, 1.0 + k] for k in range(4)]
for rep in range(5):
    advance(bodies, 0.01, 300)
    print([[round(x, 9) for x in b] for b in bodies])
print(mixed([0, 0], 500))
print(mixed([0.5, 2**62], 300))
print(errors([1.0, 2.0], 300)[-3:], errors([1.0], 2), errors((1.0, 2.0), 2))
print(errors({1: 3.0}, 3), errors({}, 2), errors([1.0, 2.0], 250)[-2:])
v = Vec([1.0, 2.0, 3.0])
print(errors(v, 4), v.gets)
for rep in range(3):
    print(errors([1.0, 2.0] if rep != 1 else (1.0, 2.0), 400)[-2:])
print(rebinding(200))
print(index_rebinding(301))
print(mutating([1.0], 300)[0][:3])
acc = [0.0, 0.0]
for k in range(2000):
    acc[0] += k * 0.5
    acc[1] -= acc[0] / (k + 1)
print(acc)
