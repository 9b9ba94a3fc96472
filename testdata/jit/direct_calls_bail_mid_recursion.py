# A recursive callee whose argument types change: it bails in the middle of a
# recursion of directly called compiled frames, the interpreter finishes
# those frames, and the callers go on.


def tree_sum(n, leaf):
    if n <= 0:
        return leaf
    return tree_sum(n - 1, leaf) + tree_sum(n - 2, leaf) + n


for _ in range(200):
    tree_sum(8, 1)
print("ints", tree_sum(12, 1))
print("floats", tree_sum(12, 0.5))
print("strs", len(str(tree_sum(3, 7) if True else 0)))
print("mixed bigint", tree_sum(10, 2**70))
print("ints again", tree_sum(12, 1))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


for _ in range(300):
    fact(10)
# Overflows into big ints deep in the recursion.
print("fact", fact(30))
print("fact small", fact(12))


def concat(n, s):
    if n == 0:
        return s
    return concat(n - 1, s + n) if not isinstance(s, str) else concat(n - 1, s + str(n))


for _ in range(300):
    concat(20, 0)
print("concat", concat(20, 0), concat(10, ""), concat(10, 0.5))


def ping(n, x):
    return x if n == 0 else pong(n - 1, x + 1)


def pong(n, x):
    return x if n == 0 else ping(n - 1, x * 2)


for _ in range(300):
    ping(20, 1)
print("mutual", ping(20, 1), ping(21, 1.5), ping(90, 1), ping(11, "a" * 0 + "b" if False else 3))
