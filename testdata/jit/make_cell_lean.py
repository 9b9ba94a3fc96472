# `MakeCell` from compiled code (fast.rs's jit_make_cell): a local that a
# nested function captures gets its cell at every call, and a cell per loop
# iteration for closures made in a loop. Cells of every type, cells never
# bound (NameError from the closure), cells rebound after capture, and an
# exception raised while cells are live.


def adder(n):
    # MakeCell at pc 0 of every call (raytrace's rayColour, chaos's Spline).
    def add(x):
        return x + n

    return add(1)


def calls(k):
    t = 0
    for i in range(k):
        t += adder(i)
    return t


print("calls", calls(500))


def closures_in_loop(k):
    fs = []
    for i in range(k):
        j = i * 2

        def get(j=j):
            return j

        fs.append(get)
    return sum(f() for f in fs)


print("defaults", closures_in_loop(300))


def cell_per_iteration(k):
    fs = []
    for i in range(k):
        def make(v):
            def get():
                return v

            def put(w):
                nonlocal v
                v = w

            return get, put

        g, p = make(i)
        if i % 3 == 0:
            p(str(i))
        fs.append(g)
    return [f() for f in fs[:8]], len(fs)


print("per iteration", cell_per_iteration(400))


def unbound(k):
    out = []
    for i in range(k):
        def reader():
            return late  # noqa: F821 -- bound only on some iterations

        if i % 2:
            late = i
        try:
            out.append(reader())
        except NameError as e:
            out.append(str(e))
        if i % 2:
            del late
    return out[:4], len(out)


print("unbound", unbound(300))


def many_types(k):
    total = []
    for i in range(k):
        a, b, c, d = i, float(i), [i], None

        def look():
            return (a, b, c[0], d)

        if i == k - 1:
            total.append(look())
    return total


print("types", many_types(300))


def raising(k):
    caught = 0
    for i in range(k):
        x = i

        def boom():
            if x % 50 == 49:
                raise ValueError("boom at %d" % x)
            return x

        try:
            boom()
        except ValueError as e:
            caught += 1
            last = str(e)
    return caught, last


print("raising", raising(300))


def param_cell(p, k):
    # A parameter captured: its cell is made from the argument's value.
    def f():
        return p * k

    return f()


print("params", sum(param_cell(i, 2) for i in range(300)))


def uncaught(k):
    for i in range(k):
        y = 290 - i

        def div():
            return 100 // y

        div()


uncaught(300)
