# List and tuple indexing by a counter kept in a machine register: lists
# mutated while indexed, out-of-range indices caught inside the loop, float
# items read from lists that sometimes hold ints or None, register values
# stored into lists, negative indices, nested lists.


def dot(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


def mutated(n):
    xs = list(range(n))
    out = 0
    i = 0
    while i < len(xs):
        v = xs[i]
        if v % 4 == 1:
            xs.append(v * 3)
        if v % 5 == 2:
            xs.pop()
        out += v
        i += 1
    return out, len(xs)


def out_of_range(xs, n):
    caught = 0
    s = 0
    for i in range(n):
        try:
            s += xs[i * 2 - 3]
        except IndexError:
            caught += 1
    return s, caught


def mixed_items(xs):
    total = 0.0
    nones = 0
    for i in range(len(xs)):
        x = xs[i]
        if x is None:
            nones += 1
            continue
        total += x * 0.5
    return total, nones


def stores(n):
    fs = [0.0] * n
    ks = [0] * n
    acc = 1.5
    k = 3
    for i in range(n):
        acc = acc * 1.25 - i
        k = (k * 7 + i) % 101
        fs[i] = acc
        ks[-1 - i] = k
        fs[i - n] += 0.25
    return sum(fs), ks[:5], fs[-1]


def tuples(t, n):
    s = 0
    for i in range(n):
        s += t[i % len(t)] * t[-(i % len(t)) - 1]
    return s


def grid(m):
    rows = [[float(r * 10 + c) for c in range(m)] for r in range(m)]
    s = 0.0
    for r in range(m):
        row = rows[r]
        for c in range(m):
            s += row[c] * rows[c][r]
            rows[r][c] = s % 7.0
    return s


def main():
    a = [0.5 * i for i in range(20)]
    b = [1.0 + i for i in range(20)]
    r = None
    for k in range(300):
        items = [1.5, 2, None, 3.25, -4, 0.5] if k % 50 == 49 else [1.5, 2.5, 3.5, k * 0.5]
        r = (dot(a, b), mutated(12 + k % 5), out_of_range([1, 2, 3, 4, 5], 6),
             mixed_items(items), stores(8), tuples((1, 2, 3, 4), 9), grid(4))
        if k % 53 == 0:
            print(k, r)
    print(r)


main()
