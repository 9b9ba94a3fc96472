# A `for` loop target modified in the body and read after the loop: when the
# iterator is exhausted the target keeps the value the body gave it (not the
# last item), and an empty first loop leaves it unbound. A register-allocated
# loop used to drop the body's write at the loop exit.


def modified(n):
    for i in range(n):
        i += 100
        i *= 2
    return i


def accumulated(n):
    t = 0
    for i in range(n):
        t += i
        i = t * 3
    return i, t


def maybe_unbound(n):
    try:
        for i in range(n):
            i = i * i + 1
        return i
    except UnboundLocalError:
        return "unbound"


def over_list(xs):
    for x in xs:
        x = x * 2 + 1
    return x


def nested(n):
    total = 0
    for i in range(n):
        for j in range(i):
            j = j + 1000
            total += j
        total += j if i > 0 else 0
    return total, i


def main():
    r = None
    for k in range(400):
        r = (modified(10 + k % 3), accumulated(k % 7 + 1), maybe_unbound(k % 4),
             over_list([k, k + 1, k + 2]), nested(k % 6 + 2))
        if k % 97 == 0:
            print(k, r)
    print(r)
    print(maybe_unbound(0), maybe_unbound(3))


main()
