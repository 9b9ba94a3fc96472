# Recording counts a loop header's lines with its predecessors' counters
# (the block before the loop and the back-edge's block), not an add of its
# own: every way into and out of a loop must still count each line as the
# interpreter does. tests/recorder.rs compares every line's count on every
# engine; each function here enters or leaves its loops a different way.


def for_sum(xs):
    total = 0
    for x in xs:
        total += x
    return total


def with_continue(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        total += i
    return total


def while_continue(n):
    i = 0
    total = 0
    while i < n:
        i += 1
        if i & 1:
            continue
        total += i
    return total


def with_break(xs, limit):
    seen = 0
    for x in xs:
        if x > limit:
            break
        seen += 1
    return seen


def while_true_break(n):
    i = 0
    while True:
        i += 1
        if i >= n:
            break
    return i


def next_or_raise(it):
    return next(it)


def while_true_raises(xs):
    # No branch in the loop: its block flows into itself, so it must keep a
    # counter of its own. Left by a callee raising.
    it = iter(xs)
    seen = []
    try:
        while True:
            seen.append(next_or_raise(it))
    except StopIteration:
        seen.append(-1)
    return len(seen)


def nested(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += j
        k = 0
        while k < 3:
            k += 1
            total += k
    return total


def raises_mid_body(xs):
    total = 0
    try:
        for x in xs:
            total += 1
            total += 10 // x
            total += 1
    except ZeroDivisionError:
        total += 1000
    return total


def raises_in_callee(xs):
    def check(x):
        if x < 0:
            raise ValueError(x)
        return x

    total = 0
    try:
        i = 0
        while i < len(xs):
            total += check(xs[i])
            i += 1
    except ValueError:
        total += 1
    return total


def type_changes_in_loop(n):
    # The loop's register locals change type midway: compiled code leaves,
    # and the interpreter's entries at the header find the new type.
    acc = 0
    for i in range(n):
        if i == n // 2:
            acc = acc + 0.5
        acc += i
    return acc


def osr_entry_fails_its_check(n, xs):
    # Under --jit=auto: compiled while `total` is an int; once `xs` holds
    # floats the compiled loop leaves, and the interpreter's entries at the
    # header, which count it, fail the loop stub's type check.
    total = 0
    for i in range(n):
        total += xs[i]
    return total


def float_from_int(xs):
    s = 0
    for x in xs:
        s += x * 0.5
    return s


def long_loop_called_once(n):
    # Under --jit=auto the interpreter enters this loop's compiled code at
    # its header (on-stack replacement), through a stub that counts it.
    total = 0
    i = 0
    while i < n:
        total += i & 15
        i += 1
    j = 0
    for k in range(n):
        j += k % 7
        if j > 1000000:
            j = 0
    return total + j


def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1


def gen_loop(n):
    total = 0
    for v in gen(n):
        total += v
    for v in (x * 2 for x in range(n)):
        total += v
    return total


def allocating_loop(n):
    # Allocates in the loop: collections due at the back-edge leave to the
    # interpreter there.
    out = []
    for i in range(n):
        out.append([i, str(i)])
        if len(out) > 50:
            out = []
    return len(out)


def one_line_loop(n):
    t = 0
    for i in range(n): t += i
    while n > 0: n -= 1
    return t + n


results = []
for rep in range(40):
    results.append(for_sum(range(rep)))
    results.append(with_continue(rep))
    results.append(while_continue(rep))
    results.append(with_break(list(range(rep)), rep // 2))
    results.append(while_true_break(rep + 1))
    results.append(while_true_raises(list(range(rep))))
    results.append(nested(rep % 9))
    results.append(raises_mid_body([3, 2, 1, rep % 4, 5]))
    results.append(raises_in_callee([1, 2, 3, rep % 5 - 2, 4]))
    results.append(float_from_int([rep, rep + 1]))
    results.append(gen_loop(rep))
    results.append(one_line_loop(rep))
results.append(type_changes_in_loop(5000))
results.append(long_loop_called_once(20000))
results.append(osr_entry_fails_its_check(4000, [1] * 2000 + [0.5] * 2000))
results.append(allocating_loop(20000))
print(sum(r for r in results if isinstance(r, int)))
print(sum(r for r in results if isinstance(r, float)))
print(len(results))
