# `for i in range(...)` counters kept in machine registers: counters
# modified in the body, negative and large steps, ranges past 2**63 (big-int
# counters), arithmetic on the counter that overflows into big ints, nested
# loops sharing a counter name, break / continue / else.


def modified_counter(n):
    s = 0
    for i in range(n):
        if i % 3 == 0:
            i = i * 5
        s += i
    return s


def steps(n):
    s = 0
    for i in range(n, -n, -3):
        s = s * 3 + i
        s %= 1000003
    for i in range(-n, n, 7):
        s += i * i
    for i in range(0, n * 1000, 999):
        s ^= i
    return s


def huge(n):
    s = 0
    base = 2 ** 63 - n // 2
    for i in range(base, base + n):
        s += i & 0xFFFF
    for i in range(-(2 ** 63) - 2, -(2 ** 63) + n):
        s -= i % 1000
    return s, i


def overflowing(n):
    s = 0
    for i in range(2 ** 62 - n, 2 ** 62):
        s += i * 4
    return s


def shared_names(n):
    out = []
    for i in range(n):
        for i in range(i, i + 2):
            out.append(i)
        out.append(-i)
    return sum(out), len(out)


def controls(n):
    s = 0
    for i in range(n):
        if i == 7:
            continue
        if i * i > 4 * n:
            break
        s += i
    else:
        s = -s
    for j in range(3):
        s += j
    else:
        s += 1000
    return s


def while_inside(n):
    s = 0
    for i in range(n):
        j = i
        while j > 0:
            s += j & 3
            j >>= 1
    return s


def main():
    r = None
    for k in range(300):
        n = 10 + k % 9
        r = (modified_counter(n), steps(n), huge(n), overflowing(n),
             shared_names(n % 5), controls(n), controls(200 + k), while_inside(n))
        if k % 61 == 0:
            print(k, r)
    print(r)


main()
