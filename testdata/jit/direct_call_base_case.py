# A direct call of a global's function whose code starts with its base
# case (`if n < 2: return n`) takes the result at the call site, without a
# frame, when the argument is an int the base case holds for; everything
# else is the call as usual.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


# Warm: compiled, with the base case inline at both call sites.
for _ in range(3):
    print(fib(20))

# Not ints: the call is made (float compare, bool, big int).
print(fib(7.0), fib(True), fib(False))
print(fib(2**70 - 2**70 + 9))


def pick(n, d):
    if n <= 0:
        return d
    return pick(n - 1, d)


# The base case returns another parameter, of any type.
for _ in range(200):
    pick(30, None)
print(pick(30, "s"), pick(5, [1, 2]), pick(0, 3.5), pick(4, None))


def seven(n):
    if 0 == n:
        return 7
    return seven(n - 1) + 1


def gt(n):
    if 3 > n:
        return -1
    return gt(n - 1) + gt(n - 3)


def ne(n):
    if n != 5:
        return n
    return ne(n - 1) * 10


for _ in range(300):
    seven(20)
    gt(12)
    ne(5)
print(seven(20), gt(12), gt(-4), ne(5), ne(7))


def down(n):
    if n < 1:
        return 0
    return down(n - 1) + 1


# The deepest call of a recursion is its base case: at the recursion limit
# it raises RecursionError exactly where a pushed frame would.
for _ in range(50):
    down(40)
for lim in (60, 150, 400):
    sys.setrecursionlimit(lim)
    ok = 0
    for n in range(lim + 10):
        try:
            down(n)
            ok = n
        except RecursionError as e:
            print("limit", lim, "deepest", ok, "then", type(e).__name__)
            break
sys.setrecursionlimit(1000)


# The global rebound: the call site calls the new function.
def one(n):
    if n < 100:
        return n
    return 0


for _ in range(300):
    fib(5)
fib_saved = fib


def fib(n):
    return "rebound"


print(fib_saved(5))
