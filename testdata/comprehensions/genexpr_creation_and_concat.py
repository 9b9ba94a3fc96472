# Generator objects made by the simple-binding path (a generator expression's
# iterator, generator functions with defaults), drained by set/tuple/list/
# any/all/sum with exceptions raised mid-way; reversed() of lists, ranges and
# tuples; list/tuple/bytes concatenation (one allocation of the final size).


def gen(a, b=10, c=20):
    yield a
    yield b
    yield c


print(list(gen(1)), list(gen(1, 2)), tuple(gen(1, 2, 3)))
try:
    gen()
except TypeError as e:
    print("TypeError", e)
try:
    gen(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)
print(list(gen(1, c=5)), list(gen(b=7, a=0)))

g = gen(4)
print(next(g), g.send(None), list(g), list(g))


def boom(x):
    if x == 3:
        raise ValueError("boom at %d" % x)
    return x * 2


for drain in (set, tuple, list, sorted, sum, any, all, frozenset, max):
    it = iter(range(6))
    try:
        print(drain.__name__, drain(boom(i) for i in it))
    except ValueError as e:
        print(drain.__name__, "ValueError", e, "rest", list(it))

print(any(x > 2 for x in [1, 2, 3, 4]), all(x < 3 for x in [1, 2, 3, 4]))
print(set(x % 3 for x in range(10)), tuple(x for x in ()))

# Closures with several cells, made many times.
def maker(vec, cols):
    scale = 3
    return (
        set(vec[i] + i for i in cols),
        tuple(vec[i] * scale for i in cols),
        list(vec[i] - i for i in reversed(cols)),
    )


for k in range(3):
    print(maker((k, k + 1, k + 2), range(3)))

gexp = (x * x for x in range(4))
print(type(gexp).__name__, next(gexp), list(gexp), list(gexp))

print(list(reversed([1, 2, 3])), list(reversed(range(5))), list(reversed((7, 8, 9))))
print(list(reversed(range(10, 0, -3))), list(reversed(range(0))), list(reversed([])))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
try:
    reversed(x for x in [])
except TypeError as e:
    print("TypeError", e)

a = [1, 2]
b = [3]
c = a + b
c.append(4)
print(a, b, c, a + [], [] + b, [] + [], (1,) + (2, 3), () + (), b"ab" + b"c", b"" + b"")
indices = list(range(6))
for i in range(5, -1, -1):
    indices[i:] = indices[i + 1:] + indices[i:i + 1]
print(indices)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError", e)
for drain in (any, all):
    it = iter(range(6))
    try:
        print(drain(boom(i) >= 0 for i in it))
    except ValueError as e:
        print(drain.__name__, "ValueError", e, "rest", list(it))

# range() from plain ints and otherwise; lengths near the i64 edges.
big = 2**63
for args in [(5,), (2, 9), (9, 2, -2), (True, 4), (-3, 3, 2), (0, 10, 3), (10, 0, -3),
             (-big, big - 1), (-big, big - 1, big - 1), (big - 1, -big, -1), (0, big, 2)]:
    r = range(*args)
    try:
        n = len(r)
    except OverflowError as e:
        n = "OverflowError %s" % e
    print(args == (r.start, r.stop, r.step), n, r[0] if r else None, list(reversed(r))[:3] if n != 0 and isinstance(n, int) and n < 100 else r[-1] if r else None)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(1.0)
except TypeError as e:
    print("TypeError", e)

# Collections nested deeper than any scratch pool, and a failed one followed
# by a fresh one (no stale items carried over).
def nest(d):
    if d == 0:
        return tuple(x for x in range(3))
    return tuple(nest(d - 1) if i == 1 else i for i in range(3))


print(nest(12))
print(list(list(tuple(j for j in range(i)) for i in range(k)) for k in range(4)))
try:
    tuple(boom(i) for i in range(6))
except ValueError as e:
    print("ValueError", e)
print(tuple(i for i in range(3)), list(i for i in "ab"), tuple(iter([7, 8])), list(range(2)))


def deep_fail(d):
    if d == 0:
        raise KeyError(d)
    return list(deep_fail(d - 1) for _ in range(2))


try:
    deep_fail(11)
except KeyError as e:
    print("KeyError", e)
print(list(tuple(range(i)) for i in range(4)))
