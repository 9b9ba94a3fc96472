# After `if n < 2:` the other branch knows n >= 2 (n an int), so `n - 1`
# and `n - 2` cannot overflow and compiled code leaves their overflow checks
# out. The bound must go when n is written, and must not come from the
# wrong edge: near the smallest 64-bit int, `n - 1` overflows into a big
# int, as Python's ints do.

LOW = -(2**63)


def below(n):
    if n < 2:
        return n - 1
    return n - 2


def rebound(n):
    if n < 2:
        return 0
    n = LOW + (n - n)
    return n - 1


def ge(n):
    if n >= 5:
        return n - 3
    return n - 1


def le(n):
    if n <= -3:
        return n - 1
    return n - 2


def after_call(n):
    if n < 2:
        return n
    a = ge(n)
    return a + (n - 2)


for i in range(300):
    below(i % 7)
    rebound(i % 7)
    ge(i % 9)
    le(i % 5 - 4)
    after_call(i % 11)
print(below(LOW), below(LOW + 1), below(10), below(2**70))
print(rebound(3), rebound(1))
print(ge(LOW), ge(5), ge(2**64))
print(le(LOW), le(LOW + 1), le(-2), le(2**63 - 1))
print(after_call(LOW), after_call(40), after_call(2.5), after_call(2**66))
