# Directly called functions with many registers beyond their parameters
# (cleared by the callee on entry): a local read before any assignment on
# some paths still raises UnboundLocalError, every call, at every depth.


def wide(a, b, flag):
    if flag:
        c0 = a + 1
        c1 = c0 + b
        c2 = c1 * 2
        c3 = c2 - a
        c4 = c3 + c0
        c5 = c4 * c1
        c6 = c5 - c2
        c7 = c6 + c3
        c8 = c7 + c4
        c9 = c8 - c5
        c10 = c9 + c6
        c11 = c10 + c7
        c12 = c11 - c8
        c13 = c12 + c9
        c14 = c13 * 1
        c15 = c14 + c10
        c16 = c15 + c11
        c17 = c16 - c12
        c18 = c17 + c13
        c19 = c18 + c14
    try:
        return c19 + c0
    except UnboundLocalError as e:
        return str(e)


def few(a, flag):
    if flag:
        x = a
    try:
        return x
    except UnboundLocalError:
        return "unbound"


def driver(n):
    out = []
    for i in range(n):
        out.append(wide(i, 2, i % 2 == 0))
        out.append(few(i, i % 3 == 0))
    return out


for _ in range(4):
    r = driver(200)
print(r[:6], r[-4:])


def deep(n, flag):
    if n == 0:
        return wide(1, 1, flag)
    return deep(n - 1, flag)


print([deep(k, k % 2 == 1) for k in range(30)][-3:])
