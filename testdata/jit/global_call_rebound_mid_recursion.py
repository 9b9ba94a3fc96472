# A recursive function's global name is rebound while the recursion runs:
# every call after the rebinding (including the second call of the same
# expression `fib(n - 1) + fib(n - 2)`) goes to the new function, in
# compiled code as in the interpreter. Each function is warmed up first
# with no global written, so that compiled code's check of the globals is
# what notices the rebinding; then it is rebound back, and rebound to a
# class and to something that is not callable.
state = [0, -1]


def plain(n):
    return 1000 + n


def fib_a(n):
    state[0] += 1
    if state[0] == state[1]:
        rebind("fib_a", plain)
    if n < 2:
        return n
    return fib_a(n - 1) + fib_a(n - 2)


def fib_b(n):
    state[0] += 1
    if state[0] == state[1]:
        rebind("fib_b", plain)
    if n < 2:
        return n
    return fib_b(n - 1) + fib_b(n - 2)


def fib_c(n):
    state[0] += 1
    if state[0] == state[1]:
        rebind("fib_c", plain)
    if n < 2:
        return n
    return fib_c(n - 1) + fib_c(n - 2)


def rebind(name, to):
    globals()[name] = to


def run(f, n, at):
    state[0] = 0
    state[1] = at
    return f(n)


for f, at in [(fib_a, 3), (fib_b, 100), (fib_c, 1500)]:
    for _ in range(30):
        run(f, 15, -1)
    print(f.__name__, "plain", run(f, 16, -1))
    print(f.__name__, "rebound at call", at, run(f, 16, at))
    print(f.__name__, "still rebound", run(f, 16, -1))
    rebind(f.__name__, f)
    print(f.__name__, "rebound back", run(f, 16, -1))
    print(f.__name__, "rebound again at call", at + 7, run(f, 16, at + 7))


# A helper calling another global function, which is rebound in a loop.
def h(x):
    return x * 2


def g(x):
    return h(x) + 1


total = 0
for i in range(3000):
    if i == 1500:
        h = lambda x: x * 3
    if i == 2500:

        def h(x):
            return -x

    total += g(i)
print("total", total)


class Box:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Box({self.n})"


def fib_d(n):
    state[0] += 1
    if state[0] == state[1]:
        rebind("fib_d", state[2])
    if n < 2:
        return n
    return fib_d(n - 1) + fib_d(n - 2)


orig_d = fib_d
for _ in range(30):
    run(fib_d, 12, -1)
state.append(Box)
try:
    print(run(fib_d, 6, 4))
except TypeError as e:
    print("TypeError:", e)
rebind("fib_d", orig_d)
state[2] = 42
try:
    print(run(orig_d, 6, 4))
except TypeError as e:
    print("TypeError:", e)
