# A directly called function returns from inside its `except` block: the
# exception it was handling is given back on return, so the caller's own
# handled exception (what a bare `raise` re-raises) is the caller's again,
# and outside any handler there is none.


def inner(n):
    try:
        if n % 3 == 0:
            raise ValueError("inner %d" % n)
        return n
    except ValueError as e:
        return len(str(e))


def inner_nested(n):
    try:
        raise KeyError(n)
    except KeyError:
        try:
            raise IndexError(n)
        except IndexError:
            return n * 2


def outer(n):
    total = 0
    for i in range(n):
        total += inner(i) + inner_nested(i)
    try:
        raise
    except RuntimeError as e:
        return total, str(e)


for _ in range(5):
    print(outer(300))


def in_handler(n):
    try:
        raise TypeError("outer %d" % n)
    except TypeError:
        x = inner(0) + inner_nested(1)
        # The handled exception is still this one after the calls.
        try:
            raise
        except TypeError as e:
            return x, str(e)


for i in range(400):
    r = in_handler(i)
print(r)
try:
    raise
except RuntimeError as e:
    print("after:", e)
