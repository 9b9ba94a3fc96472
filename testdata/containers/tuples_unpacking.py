point = (3, 4)
x, y = point
print(x, y, point, len(point), point[0], point[-1], point + (5,), point * 2)
print((), (1,), (1, 2), tuple(), tuple("ab"), tuple([1, [2]]), ((1, 2),), (None,))
single = 1,
print(single, type(single).__name__, (1) == 1, (1,) == 1)

first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
a, *b, c = 1, 2
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n], [o, *z] = "ab", [1, 2, 3]
print(m, n, o, z)

# Swapping and rotating with tuple assignment.
a, b, c = 1, 2, 3
a, b = b, a
print(a, b, c)
a, b, c = c, a, b
print(a, b, c)

# Functions returning tuples.
def min_max_mean(values):
    return min(values), max(values), sum(values) / len(values)

lo, hi, mean = min_max_mean([4, 8, 15, 16, 23, 42])
print(lo, hi, repr(mean))

# Tuples compare lexicographically; great for sorting records.
people = [("Smith", "Ann", 31), ("Jones", "Bob", 25), ("Smith", "Al", 40), ("Jones", "Bob", 22)]
for last_name, first_name, age in sorted(people):
    print(last_name, first_name, age)
print((1, 2) < (1, 2, 0), (2,) > (1, 9), (1, "b") > (1, "a"), () < (0,))
t = (1, 2, 2, 3, 2)
print(t.count(2), t.index(3), t.index(2, 2), 2 in t, t[1:4], t[::-1])
for line in ["alice,30,paris", "bob,25,rome"]:
    name, age, city = line.split(",")
    print(name.title(), int(age) + 1, city.upper())
for i, (k, v) in enumerate(sorted({"b": 2, "a": 1}.items())):
    print(i, k, v)
for bad in ["abc", [1, 2, 3, 4]]:
    try:
        a, b = bad
    except ValueError as e:
        print("ValueError:", e)
try:
    a, b, c, *d = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
