# Register-allocated loop locals that overflow into big ints or change
# type mid-loop: compiled code must hand the frame to the interpreter with
# every value exactly where the interpreter expects it.


def grow(n):
    # x lives in a register until it no longer fits 64 bits.
    x = 1
    i = 0
    steps = 0
    while i < n:
        x = x * 3 + 1
        steps += 1
        i += 1
    return x, steps


def shrink_back(x):
    # Starts as a big int, becomes a small one inside the loop.
    k = 0
    while x > 7:
        x = x // 5
        k += 1
    return x, k


def int_float_str(n):
    v = 0
    out = []
    i = 0
    while i < n:
        if i == n // 3:
            v = v + 0.5
        elif i == 2 * n // 3:
            v = str(v)
        if isinstance(v, str):
            v = v + "!"
            if len(v) > 12:
                v = len(v)
        else:
            v = v + 1
        i += 1
    out.append(v)
    return out


def float_then_int(n):
    acc = 0.0
    i = 0
    while i < n:
        acc = acc + i * 0.25
        if i == n - 5:
            acc = int(acc)
        i = i + 1
    return acc


def mixed_accumulate(n):
    s = 0
    for i in range(n):
        if i % 97 == 0:
            s += 1.5
        else:
            s += i
    return s


def neg_overflow(n):
    a = -(2 ** 62)
    for _ in range(n):
        a = a - 2 ** 60
        a = -a
    return a


def shift_overflow(n):
    b = 1
    i = 0
    while i < n:
        b = b << 3
        i += 1
    return b


def unbound_after(n):
    for i in range(n):
        y = i * 2
    return y


def deleted(n):
    t = 0
    for i in range(n):
        t = t + i
        if i == n // 2:
            del t
            t = 1.0
    return t


for n in (10, 50, 300, 3000):
    print("grow", n, grow(n))
    print("int_float_str", n, int_float_str(n))
    print("float_then_int", n, float_then_int(n))
    print("mixed", n, mixed_accumulate(n))
    print("shift", n, shift_overflow(n) % 1000003)
    print("neg", n, neg_overflow(n) % 999983)
    print("deleted", n, deleted(n))
print("shrink", shrink_back(3 ** 200))
print("unbound_after", unbound_after(5))
try:
    unbound_after(0)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

# The same function, hot with ints, then called with floats and strings:
# the loop's entry finds other types (and is compiled again without
# registers once that keeps happening).


def poly(a, n):
    t = a
    i = 0
    while i < n:
        t = t + a
        i += 1
    return t


total = 0
for k in range(400):
    total += poly(k, 20)
print("poly ints", total)
ftotal = 0.0
for k in range(1500):
    ftotal += poly(k + 0.5, 3)
print("poly floats", ftotal)
print("poly strs", poly("ab", 4), poly([1], 2))
print("poly ints again", poly(7, 100))
