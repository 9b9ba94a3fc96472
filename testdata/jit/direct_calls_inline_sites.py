# Call sites that push the callee's frame inline (jit/src/jit/direct_site.rs):
# one site calling different functions made from the same code (closures
# with their own cells), a callee recompiled while sites remember it, returns
# from inside except blocks (the handled-exception stack), and collections
# during deep recursion.


def make_adder(k):
    def add(x):
        return x + k

    return add


def closures(n):
    fs = [make_adder(k) for k in range(4)]
    s = 0
    for i in range(n):
        s += fs[i % 4](i)
    return s


print("closures", closures(1000))


def flaky(x):
    return x * 2 + 1


def drive(n, v):
    s = 0
    for i in range(n):
        s += flaky(v if i % 2 else i)
    return s


# The callee bails on every float call until it is recompiled.
print("recompiled", drive(3000, 1.5), drive(3000, 2), drive(10, 0.25))


def inner_handles(x):
    try:
        raise KeyError(x)
    except KeyError as e:
        return e.args[0] + 1


def outer_handles(n):
    s = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            s += inner_handles(i)
        except ValueError:
            s += inner_handles(-i)
            try:
                raise
            except ValueError as e:
                s += e.args[0]
    return s


print("handled", outer_handles(600))


def tree(n):
    if n == 0:
        return [0]
    return [n, tree(n - 1), tree(n - 1) if n < 8 else None]


def count(t):
    if t is None:
        return 0
    if len(t) == 1:
        return 1
    return 1 + count(t[1]) + count(t[2])


def churn(rounds):
    total = 0
    for _ in range(rounds):
        total += count(tree(10))
    return total


print("gc", churn(30))


class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt

    def total(self):
        return self.v + (self.nxt.total() if self.nxt is not None else 0)


def chain(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head


print("method chain", [chain(300).total() for _ in range(20)][-1])
