# Register allocation by def-use webs: a slot (local or temporary) holding
# values of different types in turn inside one loop gets a register per
# value (web), not one type for the whole loop. Each function is run long
# enough for the tiered JIT to compile its loop with type feedback.


def int_float_list(n):
    # `x` is an int, then a float, then a list within each iteration.
    out = 0.0
    last = None
    for i in range(n):
        x = i * 3 + 1
        k = x % 7
        x = x * 0.5
        out += x - k
        x = [x, k]
        last = x
    return out, last


def temps_reused(rows):
    # Unpacking and float arithmetic share the compiler's temporaries
    # (nbody's inner loop): tuples, lists and floats in the same slots.
    acc = 0.0
    for ([a, b, c], v, m) in rows:
        d = a - b
        acc += (d * d + c * c) ** 0.5 * m
        v[0] += d * m
        v[1] -= c * m
    return round(acc, 6), [round(v[0], 6) for (_, v, _) in rows]


def live_across_bail(vals):
    # `t` (a float in a register) is live across an instruction whose type
    # check fails when `vals` turns from floats to ints to a string.
    total = 0.0
    seen = []
    for i in range(len(vals)):
        t = i * 1.25
        v = vals[i]
        w = v + 1
        total += t * 2.0
        seen.append(w)
        total -= t
    return total, seen[-3:]


def merge(n):
    # A value defined in one branch (or each) and used after the merge.
    acc = 0.0
    cnt = 0
    z = 0.0
    for i in range(n):
        if i % 3 == 0:
            z = i * 1.5
        elif i % 3 == 1:
            z = i + 0.25
        acc += z
        if i % 5 == 0:
            y = i * 2
            cnt += 1
        else:
            y = 1
        cnt += y
    return acc, cnt, z


def merge_mixed(n):
    # One branch writes a float, the other a string: the web has no single
    # type, so it stays in the frame; the other webs of the loop do not.
    out = []
    f = 0.0
    for i in range(n):
        if i % 4:
            z = i * 0.5
        else:
            z = "s" + str(i)
        f += i * 0.125
        if i % 97 == 0:
            out.append(z)
    return out, f


def loop_carried(n):
    # Values carried around the loop: an accumulator, a running product
    # that starts as an int, and a pair swapped each iteration.
    a = 0.0
    p = 1
    x, y = 1.0, 2.0
    for i in range(n):
        a = a * 0.5 + i
        p = p * 1.0001
        x, y = y, x + y * 1e-9
    return round(a, 6), round(p, 6), x, y


def nested_carried(n):
    s = 0
    f = 0.0
    for i in range(n):
        t = i * i
        for j in range(4):
            t = t + j
            f = f + t * 0.5
        s += t
    return s, f


def int_then_float_accumulator(n):
    # `partial = 0` then `+= float`: the first add makes it a float.
    res = []
    for k in range(n):
        partial = 0
        for j in range(8):
            partial += 1.0 / (k + j + 1)
        res.append(partial)
    return round(sum(res), 9)


def target_read_after(n):
    # A for-loop target written in the body and read after the loop.
    for i in range(n):
        i = i * 2.5
    return i


rows = [([float(i), i * 0.5, 1.0 + i], [0.0, 0.0], 0.1 * i) for i in range(6)]
for _ in range(60):
    r = temps_reused(rows)
print(r)
print(int_float_list(500))
print(live_across_bail([float(i) for i in range(300)] + list(range(300))))
print(live_across_bail([i * 0.5 for i in range(400)] + [7, 8, 9]))
try:
    live_across_bail([1.5] * 300 + ["a"])
except TypeError as e:
    print("TypeError", e)
print(merge(600))
print(merge_mixed(600))
print(loop_carried(700))
print(nested_carried(500))
print(int_then_float_accumulator(300))
print(target_read_after(300), target_read_after(1))
