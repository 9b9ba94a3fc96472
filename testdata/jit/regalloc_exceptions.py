# Exceptions raised inside loops whose locals live in registers: caught in
# the same function (the handler reads the locals), caught by the caller,
# and raised by calls inside the loop.


def divide_all(xs):
    total = 0
    count = 0
    try:
        for x in xs:
            total += 1000 // x
            count += 1
    except ZeroDivisionError:
        print("caught at", count, "total", total)
    return total, count


def div_float(n, zero_at):
    acc = 0.0
    i = 0
    while i < n:
        d = i - zero_at
        try:
            acc += 1.0 / d
        except ZeroDivisionError:
            acc -= 100.0
        i += 1
    return round(acc, 9)


def raises_out(n):
    s = 0
    i = 0
    while i < n:
        s += i * i
        if s > 5000:
            raise ValueError("too big at %d: %d" % (i, s))
        i += 1
    return s


def checker(v):
    if v == 77:
        raise KeyError(v)
    return v & 3


def calls_that_raise(n):
    s = 0
    i = 0
    err = None
    while i < n:
        try:
            s += checker(i)
        except KeyError as e:
            err = e
            s += 1000
        i += 1
    return s, repr(err)


def finally_in_loop(n):
    s = 0
    log = 0
    for i in range(n):
        try:
            if i % 10 == 9:
                continue
            s += i
        finally:
            log += 1
    return s, log


def bad_index(xs, n):
    i = 0
    t = 0
    while i < n:
        t += xs[i]
        i += 1
    return t


print(divide_all([5, 4, 3, 2, 1, 0, 7]))
print(divide_all(list(range(1, 500)) + [0]))
print(div_float(300, 150))
print(div_float(3000, 2999))
for n in (10, 50, 1000):
    try:
        print(raises_out(n))
    except ValueError as e:
        print("ValueError:", e)
print(calls_that_raise(60))
print(calls_that_raise(500))
print(finally_in_loop(500))
try:
    bad_index(list(range(300)), 400)
except IndexError as e:
    print("IndexError:", e)
try:
    bad_index([1, 2, "x"], 3)
except TypeError as e:
    print("TypeError:", e)
