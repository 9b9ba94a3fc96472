# Slots a register-allocated loop reads but never writes have their type
# checked once where compiled code enters the loop: the same function called
# with an int, a float, a bool and a big int bound, a bound deleted or
# unbound before the loop, and a read-only slot first read after a call that
# returned through the interpreter.


def count_below(n, step):
    i = 0
    c = 0
    while i < n:
        c += 1
        i += step
    return c, i


def scaled(xs, k):
    s = 0.0
    for x in xs:
        s += x * k
    return s


def maybe_unbound(flag, n):
    if flag:
        limit = n
    total = 0
    for i in range(n):
        if i > 1000:
            total += limit
        total += i
    return total


def with_call(n, m):
    t = 0
    for i in range(n):
        t += abs(i - m) + m
    return t


def main():
    r = None
    for k in range(150):
        r = (count_below(50, 3), count_below(7.5, 1), count_below(True, 1),
             count_below(2 ** 70, 2 ** 68), scaled([0.5, 1.5, 2.0], 3),
             scaled([1.0, 2.0], 0.25), scaled([1, 2], True),
             maybe_unbound(k % 2 == 0, 20), with_call(10, k % 5), with_call(5, 0.5))
        if k % 49 == 0:
            print(k, r)
    print(r)
    try:
        maybe_unbound(False, 1005)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)


main()
