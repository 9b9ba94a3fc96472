a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [10]), a.intersection(b, {5}), a.difference([1, 2]), a.symmetric_difference(range(3, 9)))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {5}, a.issubset(range(10)), a.issuperset([1, 5]))
print(a.isdisjoint({9, 10}), a.isdisjoint(b), len(a), 3 in a, 30 in a)

s = set()
for n in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    s.add(n)
print(s, len(s))
s.discard(4)
s.discard(100)
s.remove(9)
print(s)
s.update([10, 20], {30})
print(s)
s.intersection_update(range(0, 25))
print(s)
s.difference_update({1, 2})
print(s)
s.symmetric_difference_update({3, 99})
print(s)
print(sorted(s), s.copy() == s, s.pop() in range(100))

# Order of small int sets, negative ints, and tuples.
print({10, 5, 1, 100, 33, 64, 7})
print({-1, -2, 0, 8, 16, 32})
print(set(range(20, 0, -3)), {(1, 2), (0, 0), (2, 1)})
print(set("mississippi") == {"m", "i", "s", "p"}, sorted(set("mississippi")))
print(set(), frozenset(), frozenset([3, 1, 2]), {frozenset([1]), frozenset()} == {frozenset(), frozenset([1])})

# Frozensets are hashable; use them as keys.
f = frozenset([1, 2, 3])
print(f | {4}, f & {2, 3, 9}, type(f | {4}).__name__, type({4} | f).__name__, f == {1, 2, 3})
groups = {frozenset(["ann", "bob"]): "team A", frozenset(["cy"]): "team B"}
print(groups[frozenset(["bob", "ann"])])

# Who attended both meetings, either, only one.
monday = {"ann", "bob", "cy", "dee"}
friday = {"bob", "dee", "eve"}
print("both:", sorted(monday & friday))
print("either:", sorted(monday | friday))
print("only one:", sorted(monday ^ friday))
print("monday only:", sorted(monday - friday))
try:
    s.remove(12345)
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
