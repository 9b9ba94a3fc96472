it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)

chars = iter("hi")
print(next(chars), next(chars), next(chars, "<end>"))
d = {"a": 1, "b": 2}
keys = iter(d)
print(next(keys), list(keys), list(keys))
print(next(iter(range(5, 10))), next(iter({7})), next(iter((None,))))

# An iterator is consumed once; a list is not.
numbers = [1, 2, 3, 4]
squares = map(lambda x: x * x, numbers)
print(list(squares), list(squares))
evens = filter(lambda x: x % 2 == 0, numbers)
print(next(evens), list(evens))
pairs = zip("abc", range(3))
print(next(pairs), list(pairs))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "no more"))
r = reversed([1, 2, 3])
print(next(r), list(r))

# Pulling items manually to process a header and body.
lines = iter(["name,qty", "apple,3", "pear,5", "", "fig,1"])
header = next(lines).split(",")
rows = []
for line in lines:
    if not line:
        break
    rows.append(dict(zip(header, line.split(","))))
print(header, rows, list(lines))

def first(iterable, default=None):
    for item in iterable:
        return item
    return default

print(first([]), first("xyz"), first(x for x in range(10) if x > 6), first({}, "empty"))
print(iter([1]) is not None, list(iter(iter([1, 2]))), list(iter(range(3))), list(iter({"k": 1})))
it = iter([1, 2])
print(iter(it) is it, sum(it), sum(it))
try:
    next(5)
except TypeError as e:
    print("TypeError:", e)
