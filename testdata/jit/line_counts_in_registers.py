# Tight loops (every instruction register-aware) count their lines in
# registers while recording, and add the counts to memory on every way out.
# Each function leaves its loop a different way; tests/recorder.rs checks
# that every engine counts each line as the interpreter does.


def count_up(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    return total


def nested(n):
    total = 0
    for i in range(n):
        j = 0
        while j < i:
            total += j & 7
            j += 1
    return total


def break_out(xs, limit):
    i = 0
    n = len(xs)
    while i < n:
        if xs[i] > limit:
            break
        i += 1
    return i


def return_inside(xs, want):
    i = 0
    while i < len(xs):
        i += 1
        if xs[i - 1] == want:
            return i
    return -1


def index_error(xs):
    i = 0
    total = 0
    try:
        while True:
            total += xs[i]
            i += 1
    except IndexError:
        return total, i


def overflow(n):
    x = 1
    i = 0
    while i < n:
        x = x * 3
        i += 1
    return x


def becomes_float(n):
    s = 0
    i = 0
    while i < n:
        s = s + 0.5
        i += 1
    return s


def sieve(limit):
    flags = [True] * limit
    i = 2
    while i * i < limit:
        if flags[i]:
            j = i * i
            while j < limit:
                flags[j] = False
                j += i
        i += 1
    return sum(flags) - 2


def main():
    print(count_up(100000))
    print(nested(300))
    xs = list(range(1000))
    print(break_out(xs, 700), break_out(xs, 5000))
    print(return_inside(xs, 421), return_inside(xs, -5))
    print(index_error(list(range(50))))
    print(overflow(100) % 1000007)
    print(becomes_float(1000))
    for k in (10, 1000, 200000):
        print(k, sieve(k))


main()
