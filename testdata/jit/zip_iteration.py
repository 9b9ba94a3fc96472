# zip in compiled loops: lists of unequal lengths, tuples, strings, ranges,
# generators, strict=True, and iterators resumed after a break.


def dot(a, b):
    s = 0
    for x, y in zip(a, b):
        s += x * y
    return s


def three(a, b, c):
    out = []
    for x, y, z in zip(a, b, c):
        out.append(x + y + z)
    return out


def gen(n):
    for k in range(n):
        yield k


acc = 0
for rep in range(300):
    acc += dot([1, 2, 3], [4, 5, 6, 7])
    acc += dot((1, 2, 3, 4), range(3))
    acc += dot(gen(4), [rep, 1])
print(acc)
print(dot([1.5, 2.0], [2, 4]))
print(three("abc", "de", "fghi"))
print(three([1], [2], [3]))
a = iter([1, 2, 3, 4])
b = [10, 20]
print(list(zip(a, b)), list(a))
try:
    for x, y in zip([1, 2, 3], [1, 2], strict=True):
        print(x, y)
except ValueError as e:
    print("ValueError", e)
z = zip(range(10), "abcdefghij")
for i, c in z:
    if i == 3:
        break
print(list(z))
