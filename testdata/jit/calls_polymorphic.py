# One call site whose callee is a Python function, a builtin, a bound method,
# a class, a lambda, a closure; keyword and default arguments.


def py_func(a, b=10, *, scale=1):
    return (a + b) * scale


class Acc:
    def __init__(self, start=0):
        self.total = start

    def add(self, a, b=10, scale=1):
        self.total += (a + b) * scale
        return self.total

    def __call__(self, a, b=0):
        return ("called", a, b)


def make_adder(k):
    def adder(a, b=0):
        return a + b + k
    return adder


acc = Acc(5)
callees = [py_func, max, acc.add, Acc, lambda a, b=3: a * b, make_adder(100), acc, str, abs]
results = []
for rnd in range(3):
    for f in callees:
        try:
            r = f(rnd + 1, 2) if f is not abs else f(-rnd)
        except TypeError as e:
            r = "TypeError"
        if isinstance(r, Acc):
            r = ("Acc", r.total)
        results.append(r)
for i in range(0, len(results), len(callees)):
    print(results[i:i + len(callees)])

# Keyword and default arguments through the same site.
def call(f, *args, **kwargs):
    return f(*args, **kwargs)


print(call(py_func, 1), call(py_func, 1, 2), call(py_func, 1, b=5, scale=3), call(py_func, a=4))
print(call(acc.add, 1, scale=2), call(Acc, start=7).total, call(sorted, [3, 1, 2], reverse=True))
print(call(make_adder(1), 5, b=6), call(lambda *a, **k: (a, sorted(k.items())), 1, 2, x=3))
print(call(dict, a=1, b=2), call(int, "ff", base=16), call(print, "printed", "via", "call", sep="-"))
for bad in ({"c": 1}, {"scale": 1, "a": 1}):
    try:
        call(py_func, 1, **bad)
    except TypeError as e:
        print("TypeError", e)
try:
    py_func(1, 2, 3)
except TypeError as e:
    print("TypeError", e)

# Hot loop where the callee changes every so often.
fs = [py_func, make_adder(-1), lambda a, b=0: a - b, acc.add]
s = 0
for i in range(400):
    f = fs[(i // 100) % len(fs)]
    s += f(i, 1)
print(s, acc.total)


# Recursion through methods, including through a bound method stored in a variable.
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def total(self):
        return self.value + sum(c.total() for c in self.children)

    def depth(self):
        best = 0
        for c in self.children:
            d = c.depth()
            if d > best:
                best = d
        return best + 1


def build(n):
    if n == 0:
        return Tree(1)
    return Tree(n, [build(n - 1), build(n // 2)])


t = build(10)
m = t.total
print(m(), t.depth(), Tree.total(t), Tree.depth(build(3)))


class Fib:
    def __init__(self):
        self.memo = {}

    def fib(self, n):
        if n < 2:
            return n
        if n in self.memo:
            return self.memo[n]
        r = self.fib(n - 1) + self.fib(n - 2)
        self.memo[n] = r
        return r


print(Fib().fib(90), [Fib().fib(i) for i in range(15)])

# Closures capturing loop variables, called after the loop.
fns = [lambda x, i=i: x + i for i in range(5)]
late = [lambda x: x + i for i in range(5)]
print([f(10) for f in fns], [f(10) for f in late])

# Builtins with keyword arguments through the same site as Python functions.
key_fns = [len, abs, lambda v: -v, str]
for kf in key_fns:
    try:
        print(sorted([3, -10, 2, -1], key=kf))
    except TypeError as e:
        print("TypeError", e)
