# break, continue and return out of register-allocated loops, nested loops,
# and locals read by calls inside the loop (spilled before each call).


def first_square_over(limit):
    i = 0
    while True:
        sq = i * i
        if sq > limit:
            break
        i += 1
    return i, sq


def sum_skipping(n):
    s = 0
    i = 0
    while i < n:
        i += 1
        if i % 3 == 0:
            continue
        s += i
    return s


def find(n, target):
    k = 7
    for i in range(n):
        k = (k * 31 + i) % 1009
        if k == target:
            return i, k
    return -1, k


def nested(n):
    total = 0
    for i in range(n):
        j = 0
        while j < i:
            total += i ^ j
            if total % 11 == 0:
                j += 2
                continue
            j += 1
        if total > 10 ** 7:
            break
    return total


def nested_float(n):
    acc = 0.0
    for i in range(n):
        x = i * 0.5
        for j in range(3):
            acc += x * j - 0.25
    return acc


seen = []


def record(a, b):
    seen.append(a + b)
    return a - b


def calls_read_locals(n):
    a = 0
    b = 1.5
    c = 0
    i = 0
    while i < n:
        a += 2
        b = b * 1.01
        c += record(a, i)
        i += 1
    return a, round(b, 6), c


def callback_sees(n):
    box = []
    x = 0
    i = 0
    while i < n:
        x = x + i
        box.append(x)
        box.append(str(x))
        i += 1
    return box[-2:], len(box)


def triple_nested(n):
    c = 0
    for a in range(n):
        for b in range(a):
            k = a * b
            while k > 0:
                c += k & 1
                k >>= 1
    return c


print(first_square_over(10))
print(first_square_over(10 ** 6))
print(sum_skipping(10), sum_skipping(5000))
print(find(3000, 5), find(3000, 1010))
print(nested(30), nested(400))
print(nested_float(10), nested_float(2000))
print(calls_read_locals(5), calls_read_locals(500), sum(seen))
print(callback_sees(300))
print(triple_nested(40))
