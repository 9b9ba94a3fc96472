# Calls of pure arithmetic functions, which compiled code computes at the
# call site (jit/inline.rs): every way off the planned path must make the
# real call and behave exactly as it does.
import sys


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mix(a, b):
    c = a * 3 - b
    return c + 0.5


def idiv(a, b):
    return a / b


def passthru(a, b):
    return b


def const():
    return 7


def sub_one(x):
    return x - 1


def loop_sum(n, f):
    s = 0.0
    for i in range(n):
        s += f(i, i % 7)
    return s


def loop_eval(n, j):
    s = 0.0
    for i in range(n):
        s += eval_a(i, j)
    return s


def straight(args):
    out = []
    for a, b in args:
        try:
            out.append(idiv(a, b))
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError: " + str(e))
    return out


# The planned path, many times (compiled), then arguments of other types
# mid-loop: floats, bools, big ints, strings.
print(loop_eval(2000, 3))
print(loop_eval(300, 2.5))
print(loop_eval(300, True))
print(loop_eval(5, 10 ** 20))
print([mix(i, 2) for i in range(300)][-3:])
print([mix(i * 0.5, 2) for i in range(300)][-3:])
print([mix("ab", 0) for _ in range(3)] if False else mix(2, 1.5))
try:
    print(mix("ab", 1))
except TypeError as e:
    print("TypeError:", e)

# Overflow of the int path: the real call makes a big int.
big = 2 ** 62
print([mix(big, -big) for _ in range(300)][-1])
print(loop_sum(300, lambda a, b: a + b))

# Int / int: exact conversion only below 2**53; zero divisors raise in the
# callee (its frame in the traceback).
pairs = [(i, (i % 5) - 2) for i in range(300)]
res = straight(pairs)
print(res[:6], res[-3:])
print(straight([(2 ** 53 + 1, 3), (3, 2 ** 53 + 1), (-(2 ** 60), 7), (10 ** 30, 10 ** 29)]))
print(straight([(1.5, 0.0), (1.5, -0.0), (0, 0), (7, 2), (-7, 2)]))


def returns(n):
    t = 0
    for i in range(n):
        t += passthru(i, i) + const() + sub_one(i)
    return t


print(returns(500))


# Rebinding the global mid-loop: the new function runs.
def rebinding(n):
    global eval_a
    s = 0.0
    for i in range(n):
        if i == n // 2:
            eval_a = lambda i, j: -1.0
        s += eval_a(i, 1)
    return s


print(rebinding(600))


# The same code in two function objects.
def make():
    def add(a, b):
        return a + b
    return add


f1, f2 = make(), make()


def use_both(n):
    t = 0
    for i in range(n):
        t += f1(i, 1) + f2(i, 2)
    return t


print(use_both(400))


# A zero divisor inside the loop: raised in the callee, whose frame the
# traceback at the end shows.
def recip(x):
    return 1.0 / x


def recips(n):
    s = 0.0
    for i in range(n, -1, -1):
        s += recip(i)
    return s


try:
    print(recips(400))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


# Uncaught, for the traceback's frames.
def recips_uncaught():
    return recips(300)


# The recursion limit: a call at the limit raises, inline or not.
def deep(n):
    if n == 0:
        return sub_one(5)
    return deep(n - 1)


sys.setrecursionlimit(200)
for d in (150, 196, 197, 198, 199, 250):
    try:
        print(d, deep(d))
    except RecursionError:
        print(d, "RecursionError")

recips_uncaught()
