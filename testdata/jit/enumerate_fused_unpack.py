# for i, x in enumerate(...): the JIT writes the count and the item straight
# into the loop variables when the item tuple is dead after the unpack.
# Start values, big counts, tuples, strings, generators, a tuple that stays
# live, iterators resumed after break, lists mutated while enumerated.


def total(xs, start=0):
    s = 0
    for i, x in enumerate(xs, start):
        s += i * x
    return s


def pairs_kept(xs):
    out = []
    for t in enumerate(xs):
        out.append(t)
    return out


def live_tuple(xs):
    last = None
    for t in enumerate(xs):
        a, b = t
        last = t
    return last, a, b


def resumed(xs):
    e = enumerate(xs, 10)
    first = []
    for i, x in e:
        first.append((i, x))
        if i == 12:
            break
    rest = []
    for i, x in e:
        rest.append((i, x))
    return first, rest


def grows(xs):
    n = 0
    for i, x in enumerate(xs):
        if len(xs) < 40:
            xs.append(x + 1)
        n += i
    return n, len(xs)


def gen(n):
    for k in range(n):
        yield k * 3


def strs(s):
    out = ""
    for i, c in enumerate(s):
        out += c * (i % 3)
    return out


acc = 0
for rep in range(300):
    acc += total([1, 2, 3, 4, 5])
    acc += total((5, 6, 7), rep)
    acc += total(range(4), -rep)
    acc += total(gen(5))
print(acc)
print(total([1, 2, 3], 2 ** 63 - 2))
print(total([1, 2, 3], 2 ** 64))
print(total([1.5, 2.5], -3))
print(total([], 7))
print(pairs_kept([9, 8, 7]))
print(pairs_kept("ab"))
print(live_tuple([4, 5, 6]))
print(resumed(list(range(20))))
print(grows([1, 2, 3]))
print(strs("abcdefg" * 3))
e = enumerate([1, 2])
print(list(e))
print(list(e))
lst = [1, 2]
e = enumerate(lst)
for i, x in e:
    pass
lst.append(3)
print(list(e))
try:
    for i, x in enumerate(5):
        pass
except TypeError as ex:
    print("TypeError", ex)
try:
    for i, (a, b) in enumerate([(1, 2), (3,)]):
        print(i, a, b)
except ValueError as ex:
    print("ValueError", ex)
