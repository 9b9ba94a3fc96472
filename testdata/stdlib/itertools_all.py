import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement,
                       compress, count, cycle, dropwhile, filterfalse, groupby, islice,
                       pairwise, permutations, product, repeat, starmap, takewhile, tee,
                       zip_longest)
import operator


def err(f):
    try:
        r = f()
        print("ok", r)
    except (TypeError, ValueError, OverflowError, AttributeError) as e:
        print(type(e).__name__, e)


log = []


def noisy(n):
    # A lazy source that records how far it was consumed.
    return map(lambda x: log.append(x) or x, range(n))


# count / cycle / repeat
c = count(5)
print(repr(c), next(c), next(c), repr(c))
print(list(islice(count(), 4)), list(islice(count(10, -3), 4)))
print(list(islice(count(0.5, 0.25), 4)), list(islice(count(start=2, step=3), 3)))
print(repr(count(1.0)), repr(count(1, 1.0)), repr(count(0, 2)), repr(count(True)))
print(next(count(True)), next(count(True, 2)), next(count(2**70)), repr(count(-2**64, 2**64)))
print(type(count()).__name__, type(count()).__name__ == "count")
err(lambda: count("a"))
err(lambda: count(1, 2, 3))
print(list(islice(cycle("abc"), 8)), list(cycle([])), list(islice(cycle(range(2)), 5)))
err(lambda: cycle())
err(lambda: cycle([1], [2]))
err(lambda: cycle(x=1))
err(lambda: cycle(5))
r = repeat("x", 3)
print(repr(r), next(r), repr(r), list(r), repr(r))
print(list(repeat(1, -2)), repr(repeat(None, -5)), list(islice(repeat(7), 3)), repr(repeat([1])))
print(list(repeat(object=2, times=2)))
err(lambda: repeat())
err(lambda: repeat(1, "a"))
err(lambda: repeat(1, 2, 3))
err(lambda: repeat(1, 2.0))

# chain
print(list(chain("ab", [1, 2], (), range(3))), list(chain()), list(chain.from_iterable(["ab", "cd"])))
ch = chain([1], 5, [2])
print(next(ch))
err(lambda: next(ch))
print(list(ch))
g = chain.from_iterable(noisy(3) for _ in range(2))
print(next(g), log)
print(list(g), log)
log.clear()
err(lambda: chain(x=1))
err(lambda: chain.from_iterable())
err(lambda: chain.from_iterable(5))
print(type(chain()).__name__, type(chain.from_iterable([])).__name__)

# islice
print(list(islice("abcdefg", 3)), list(islice("abcdefg", 2, None)), list(islice("abcdefg", 1, 6, 2)))
print(list(islice("abcdefg", None)), list(islice("abcdefg", 0, None, 3)), list(islice("ab", 5, 10)))
print(list(islice(range(10), 3, 3)), list(islice([], 2)))
it = iter(range(10))
print(list(islice(it, 2, 4)), next(it))
s = islice(noisy(100), 2, 9, 3)
print(list(s), log)
log.clear()
for args in [(-1,), (1.5,), (-1, 3), (0, 3, 0), (0, 3, -1), (1, -2), ("a", 2), (2**70,), (0, 2, "x")]:
    err(lambda: islice([1, 2, 3], *args))
err(lambda: islice([1]))
err(lambda: islice([1], 1, 2, 3, 4))
err(lambda: islice([1], stop=1))
err(lambda: islice(5, 1))

# product / permutations / combinations
print(list(product("ab", range(2))), list(product()), list(product([1, 2], repeat=2)))
print(list(product("ab", [], "cd")), list(product(5, repeat=0)), list(product("ab", "x", repeat=2)))
p = product(noisy(2), noisy(2))
print(log, next(p), log)
log.clear()
err(lambda: product([1], repeat=-1))
err(lambda: product([1], foo=1))
err(lambda: product([1], repeat="a"))
err(lambda: product(1, 2))
print(list(permutations("abc")), list(permutations(range(3), 2)))
print(list(permutations("ab", 3)), list(permutations("", 0)), list(permutations("ab", 0)), list(permutations([])))
print(len(list(permutations(range(5)))), list(permutations(r=1, iterable="xy")))
err(lambda: permutations("ab", "a"))
err(lambda: permutations("ab", -1))
err(lambda: permutations("ab", 1.0))
err(lambda: permutations())
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 3)))
print(list(combinations("", 0)), list(combinations("abc", 0)), len(list(combinations(range(10), 5))))
err(lambda: combinations("abc"))
err(lambda: combinations("abc", -1))
err(lambda: combinations("abc", "2"))
err(lambda: combinations(5, 2))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement("", 2)))
print(list(combinations_with_replacement("", 0)), list(combinations_with_replacement("ab", 3)))
err(lambda: combinations_with_replacement("ab", -2))
err(lambda: combinations_with_replacement("ab", 1.5))

# accumulate
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([], initial=10)), list(accumulate([1, 2], initial=100)))
print(list(accumulate("abc")), list(accumulate([1, 2, 3], lambda a, b: a * 10 + b, initial=None)))
print(list(accumulate(iterable=[1, 2], func=lambda a, b: b - a)), list(accumulate([5], initial=0)))
err(lambda: accumulate([1], None, None))
err(lambda: accumulate())
err(lambda: accumulate([1], foo=2))
err(lambda: list(accumulate([1, "a"])))

# groupby
data = "aaabccdaa"
print([(k, list(grp)) for k, grp in groupby(data)])
print([k for k, _ in groupby(data)], [len(list(gr)) for _, gr in groupby([])])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for k, grp in groupby(words, key=lambda w: w[0]):
    print(k, list(grp))
gs = list(groupby("aabbbc"))
print([(k, list(gr)) for k, gr in gs])
gb = groupby([1, 1, 2, 2, 2, 3, 1], lambda x: x % 2)
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))
print(type(gb).__name__, type(g2).__name__)
print(sorted((k, len(list(v))) for k, v in groupby(sorted("mississippi"))))
err(lambda: groupby())
err(lambda: list(groupby([1, 2], 5)))

# zip_longest
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()))
print(list(zip_longest([], [])), list(zip_longest("a")))
z = zip_longest(noisy(2), "abc")
print(list(z), log)
log.clear()
err(lambda: zip_longest([1], x=1))
err(lambda: zip_longest([1], fillvalue=0, other=1))
err(lambda: zip_longest([1], 5))

# starmap, takewhile, dropwhile, compress, filterfalse
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(max, ["ab", [1, 9, 2]])), list(starmap(lambda: 0, [()])))
err(lambda: list(starmap(pow, [5])))
err(lambda: starmap(len))
err(lambda: starmap(len, [], x=1))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(bool, [])))
tw = takewhile(lambda x: x < 3, iter(range(10)))
print(list(tw), list(tw))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: True, "abc")))
err(lambda: takewhile(len))
err(lambda: list(dropwhile(len, [1])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("ABC", [0, 1])), list(compress(data="AB", selectors=[1, 1, 1])))
print(list(compress(range(10), cycle([True, False]))))
err(lambda: compress([1]))
err(lambda: compress([1], 5))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])), list(filterfalse(bool, [0, 2])))
err(lambda: filterfalse(None, 5))
err(lambda: filterfalse(None))

# tee
a, b = tee(noisy(4))
print(next(a), next(a), log, next(b), list(b), list(a), log)
log.clear()
print(len(tee([1])), tee("ab", 0), len(tee("ab", 3)), [list(t) for t in tee("xyz", 3)])
t1, t2 = tee(iter("abcdef"))
print(next(t1), next(t1))
t3, t4 = tee(t1)
print(t3 is t1, next(t3), next(t4), next(t1), list(t2), list(t4))
err(lambda: tee())
err(lambda: tee([1], -1))
err(lambda: tee([1], "a"))
err(lambda: tee(5))
print(type(tee([])[0]).__name__ if tee([]) else None)
x, y = tee(count())
print(sum(1 for _ in zip(islice(x, 1000), islice(y, 1000))))

# pairwise
print(list(pairwise("abcd")), list(pairwise("a")), list(pairwise([])), list(pairwise(range(3))))
pw = pairwise(noisy(3))
print(next(pw), log)
log.clear()
err(lambda: pairwise())
err(lambda: pairwise(5))
err(lambda: pairwise([1], x=2))

# a little realistic code
def sliding_sums(nums, n):
    its = tee(nums, n)
    for i, t in enumerate(its):
        for _ in islice(t, i):
            pass
    return [sum(w) for w in zip(*its)]


print(sliding_sums([1, 2, 3, 4, 5, 6], 3))
runs = [(k, sum(1 for _ in g)) for k, g in groupby("WWWWBBWWWBB")]
print("".join(f"{n}{k}" for k, n in runs))
primes = []
for n in count(2):
    if all(n % p for p in takewhile(lambda p: p * p <= n, primes)):
        primes.append(n)
    if len(primes) == 15:
        break
print(primes)
print(list(accumulate(chain([0], repeat(2, 5)), operator.add)))
print(dict(zip_longest("abc", range(2))))
print(sorted(set(map(frozenset, combinations(range(4), 2))), key=sorted)[:3])
