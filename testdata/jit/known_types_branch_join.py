# What compiled code knows about a register's type holds only within a
# basic block: at a branch join the register may hold a different type on
# each incoming path, and after a call or any instruction the interpreter
# runs it may have been overwritten. Each function below is hot (compiled
# under --jit=auto and --jit=eager) and feeds a join different types.


def join_types(n):
    out = []
    for i in range(n):
        x = i * 0.5          # x is a float here
        if i % 3 == 0:
            x = i            # ... an int on this path
        elif i % 3 == 1:
            x = str(i)       # ... a str on this one
        # the join: x is a float, an int or a str
        y = x * 2
        z = y + y
        out.append(z)
    return out


def join_after_loop(n):
    t = 0.5
    for i in range(n):
        t = t * 1.5 if i % 2 else t - 1
    # after the loop: t is known nowhere
    return t + 1, t * t


def overwritten_by_call(n):
    acc = 0.0
    for i in range(n):
        a = i * 0.25
        b = a + 1.0
        a = pick(i, a)        # a call may return anything
        if isinstance(a, str):
            a = len(a)
        c = a + b             # a's type is not the float it was
        acc = acc + c
    return acc


def pick(i, a):
    if i % 5 == 0:
        return i
    if i % 5 == 1:
        return True
    if i % 7 == 0:
        return "s"
    return a


def swap_types(n):
    # The same temporaries hold floats in one iteration, ints in the next.
    s = 0
    a, b = 1.5, 2
    for i in range(n):
        a, b = b, a
        c = a * b
        d = c - a
        e = d / 2
        s += e
    return s, a, b


def flag_join(n):
    # A bool from a comparison on one path, an int on the other, then a branch.
    hits = 0
    for i in range(n):
        if i % 2:
            f = i * 0.5 > 10.0
        else:
            f = i % 4
        if f:
            hits += 1
        g = not f
        if g:
            hits += 100
    return hits


def deopt_mid_block(xs):
    # A float site that gets an int in the middle of a block: what follows in
    # the block must not assume the float result.
    total = 0.0
    for x in xs:
        y = x * 2.0
        z = y * y + y - 0.5
        w = -z
        total += w / 3.0
    return total


r = join_types(300)
print(r[:7], r[-3:], len(r))
print(join_after_loop(7), join_after_loop(8), join_after_loop(301))
print(overwritten_by_call(400))
print(swap_types(301), swap_types(300))
print(flag_join(400))
floats = [i * 0.125 for i in range(500)]
print(deopt_mid_block(floats))
print(deopt_mid_block(floats[:100] + [3, True, 2 ** 40, -7] + floats[:100]))
print(deopt_mid_block([1, 2, 3] * 100))
