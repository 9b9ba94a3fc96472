# A float accumulator started as the int 0 (`s = 0` then `s += <float>`):
# its register's entry check fails on the way into the loop, so the loop's
# first iterations run in a frame-state copy of it. The int must survive a
# loop that runs no iteration, int + int must stay int, and int + float is
# the float CPython computes.


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def part_sum(i_u):
    i, u = i_u
    partial_sum = 0
    for j, u_j in enumerate(u):
        partial_sum += eval_a(i, j) * u_j
    return partial_sum


def scaled_sum(xs):
    s = 0
    for x in xs:
        s += x * 0.5
    return s


def ints_then_floats(n):
    # int additions first, floats from the middle on
    s = 0
    for i in range(n):
        if i < n // 2:
            s += i
        else:
            s += i * 0.25
    return s


def sometimes(xs):
    # only some iterations add a float: the copy runs until one does
    s = 0
    for k, x in enumerate(xs):
        if k % 5 == 4:
            s += x
    return s


def nested(rows):
    total = 0
    for row in rows:
        for x in row:
            total += x / 3
    return total


def from_bool(xs):
    s = True
    for x in xs:
        s += x
    return s


def big_start(xs):
    s = 2 ** 60 + 1
    for x in xs:
        s += x
    return s


def early_break(xs):
    s = 0
    for x in xs:
        if x > 100.0:
            break
        s += x
    return s


def while_loop(n):
    acc = 0
    i = 0
    while i < n:
        acc = acc + i * 1.5
        i += 1
    return acc


u = [1.0 + (k % 7) * 0.125 for k in range(40)]
for rep in range(60):
    r1 = part_sum((rep % 5, u))
    r2 = part_sum((rep % 5, []))
    r3 = scaled_sum(u[: rep % 9])
    r4 = ints_then_floats(rep % 13)
    r5 = sometimes(u[: rep % 23])
    r6 = nested([u[:3], [], u[5 : 5 + rep % 4]] if rep % 2 else [])
    r7 = from_bool(u[: rep % 3])
    r8 = big_start(u[: rep % 4])
    r9 = early_break(u[: rep % 6] + [1000.0] + u)
    r10 = while_loop(rep % 7)
    if rep % 6 == 0 or rep > 54:
        for r in (r1, r2, r3, r4, r5, r6, r7, r8, r9, r10):
            print(repr(r), type(r).__name__)
    if rep % 10 == 0:
        print("--", rep)
# the register code after many floats, then an int list again
print(repr(scaled_sum([1, 2, 3])), repr(scaled_sum([])), repr(part_sum((2, (1, 2, 3)))))
print(repr(sometimes([1, 2, 3, 4, 5, 6])), repr(nested([[1, 2], [3]])))
