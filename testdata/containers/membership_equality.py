print(3 in [1, 2, 3], 3 in (1, 2), "b" in {"a": 1, "b": 2}, 2 in {"a": 1, "b": 2}, 4 in {4, 5})
print("ell" in "hello", "" in "", [1] in [[1], [2]], (1, 2) in [(1, 2)], 1 in [1.0], 1.0 in {1})
print([1, 2] == [1, 2], [1, 2] == (1, 2), (1, 2) == (1, 2), [1, 2] != [2, 1], {1, 2} == {2, 1})
print({1: "a"} == {1: "a"}, {1: "a"} == {1: "b"}, set() == frozenset(), {1} == frozenset([1]), [] == ())
print([1, [2, 3]] == [1, [2, 3]], [1, 2] < [1, 3], "a" == "a", 1 == 1.0 == True, None == 0, None == None)

# Identity vs equality: nan is unequal to itself, but containers check identity first.
nan = float("nan")
items = [nan, 1]
print(nan == nan, nan in items, items == items, [nan] == [nan], items.count(nan), items.index(nan))
print(float("nan") in items, [float("nan")] == [float("nan")])

a = [1, 2, 3]
b = a
c = a[:]
print(a is b, a is c, a == c, b is not c)
b.append(4)
print(a, c)

# Duplicate detection with a set vs a list.
def first_duplicate(values):
    seen = set()
    for v in values:
        if v in seen:
            return v
        seen.add(v)
    return None

print(first_duplicate([3, 1, 4, 1, 5]), first_duplicate("abcdb"), first_duplicate([]), first_duplicate([(1, 2), (2, 1), (1, 2)]))

# Membership in ranges and strings.
vowels = "aeiou"
word = "encyclopedia"
print([ch for ch in word if ch in vowels], sum(1 for ch in word if ch not in vowels))
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2), -3 in range(-5, 0))
allowed = {"read", "write"}
for perm in ["read", "exec", "write", "Read"]:
    print(perm, "allowed" if perm in allowed else "denied")
try:
    print([1] in {1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    print(1 in "abc")
except TypeError as e:
    print("TypeError:", e)
