# Compiled code calls generator functions (and generator expressions)
# without the interpreter's general call path (jit/calls.rs): the
# generator is made as that path makes it, with defaults, *args and
# keyword-only parameters bound, and bad arguments raising the same
# TypeError. Nothing of the body runs before the first resume.


def plain(a, b):
    print("started", a, b)
    yield a + b


def defaults(a, b=10, *, c=100):
    yield a + b + c


def star(*args):
    yield len(args)


def kw_only(*, k):
    yield k


def make(n):
    out = []
    for i in range(n):
        g = plain(i, 1)
        if i == n - 1:
            out.append(next(g))
        out.append(next(defaults(i)))
        out.append(next(defaults(i, 2)))
        out.append(next(star(i, i, i)))
        out.append(sum(x * i for x in range(3)))
    return out[-6:]


print(make(400))


def bad_calls(n):
    msgs = []
    for i in range(n):
        for f, args in ((plain, (1,)), (plain, (1, 2, 3)), (kw_only, (1,)), (defaults, ())):
            try:
                f(*args) if i % 2 else f(*args)
            except TypeError as e:
                if i == n - 1:
                    msgs.append(str(e))
        for k in range(4):
            try:
                if k == 0:
                    plain(i)
                elif k == 1:
                    plain(i, i, i)
                elif k == 2:
                    kw_only(i)
                else:
                    defaults()
            except TypeError as e:
                if i == n - 1:
                    msgs.append(str(e))
    return msgs


for m in bad_calls(300):
    print("TypeError:", m)
