# A caller whose loop keeps ints in registers calls, directly, functions that
# start with a loop of their own (their loops use the same registers): the
# caller's values survive every call.


def count_down(n):
    while n > 0:
        n -= 3
    return n


def sum_to(n):
    s = 0
    for i in range(n):
        s += i
    return s


def caller(n):
    a = 0
    b = 1
    c = 7
    for i in range(n):
        a += count_down(i) + i
        b = (b * 3 + sum_to(i % 17)) % 1000003
        c ^= i
    return a, b, c


for _ in range(3):
    print(caller(3000))


def rec(n, acc):
    k = 0
    while k < 3:
        acc += sum_to(k + n % 5)
        k += 1
    if n == 0:
        return acc
    return rec(n - 1, acc)


print(rec(200, 0))
