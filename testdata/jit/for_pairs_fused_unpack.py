# `for a, b in seq` over a list of pairs, and `for i, x in enumerate(seq)`,
# in register-allocated loops: the iteration and the unpack are fused (the
# pair's items go straight to the loop variables' registers). Items that are
# not 2-tuples, lists of two, a list changing under the loop, int/float
# changes and other iterators must behave as in CPython.


def dot_pairs(pairs):
    s = 0.0
    n = 0
    for a, b in pairs:
        s += a * b
        n += 1
    return s, n


def mixed_pairs(pairs):
    out = []
    for a, b in pairs:
        out.append(a + b)
    return out


def growing(pairs):
    k = 0
    for a, b in pairs:
        if k < 5:
            pairs.append((b, a + 1))
        k += 1
    return k, pairs[-1]


def enumerate_count(xs):
    t = 0.0
    last = -1
    for i, x in enumerate(xs):
        t += x * i
        last = i
    return t, last


def triples(bodies, n):
    # `for (r, [vx, vy, vz], m) in bodies`: a tuple of three per item
    for _ in range(n):
        for (r, [vx, vy, vz], m) in bodies:
            r[0] += vx * m
            r[1] += vy * m
            r[2] += vz * m
    return [[round(x, 6) for x in b[0]] for b in bodies]


def bad_shapes(items):
    out = []
    for it in items:
        try:
            for a, b in [it]:
                out.append((a, b))
        except (TypeError, ValueError) as e:
            out.append(type(e).__name__)
    return out


fl = [(0.5 * k, 1.0 + k) for k in range(50)]
for rep in range(40):
    r1 = dot_pairs(fl)
    r2 = dot_pairs([(1, 2), (3, 4)] if rep % 3 == 0 else fl[:rep])
    r3 = mixed_pairs([(1, 2.5), [3, 4], (5.0, 6), ("a", "b")])
    r4 = enumerate_count(fl[rep % 7][:1] + tuple(float(k) for k in range(rep)))
    if rep % 13 == 0:
        print(r1, r2, r3, r4)
bodies = [([0.0, 0.0, 0.0], [0.5 * k, 1.0, -0.25 * k], 1.0 + k) for k in range(4)]
print(triples(bodies, 200))
print(triples(bodies + [([1.0, 2.0, 3.0], (1, 2, 3), 2)], 3))
try:
    triples(bodies + [([1.0], [1.0, 2.0, 3.0], 2.0, 9)], 2)
except ValueError as e:
    print("ValueError", e)
print(dot_pairs(iter(fl[:3])), dot_pairs((x for x in fl[:3])), dot_pairs(tuple(fl[:3])))
print(dot_pairs([]), dot_pairs(fl[:1] + [(2**62, 2)]))
print(growing([(1, 2), (3, 4)]))
print(bad_shapes([(1, 2), (1, 2, 3), [5, 6], 7, "ab", (1,)]))
try:
    dot_pairs(fl[:5] + [(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
