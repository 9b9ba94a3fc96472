x = 5
print(1 < x < 10, 1 < x > 10, 5 <= x <= 5, 0 < x < 3, x == 5 == 5.0, 1 < 2 < 3 < 4 < 5)
print(3 > 2 > 1 > 0 > -1, 3 > 2 > 2, 1 != 2 != 1, 1 == 1 != 2, 1 < 3 > 2)

calls = []
def val(n):
    calls.append(n)
    return n

# The middle operand is evaluated once; evaluation stops at the first false link.
print(val(1) < val(2) < val(3))
print(calls)
calls.clear()
print(val(3) < val(2) < val(1))
print(calls)
calls.clear()
print(val(1) < val(5) > val(2) == val(2))
print(calls)

def classify(temp):
    if temp < 0:
        return "freezing"
    elif 0 <= temp < 15:
        return "cold"
    elif 15 <= temp < 25:
        return "mild"
    elif 25 <= temp <= 35:
        return "warm"
    return "hot"

for t in [-5, 0, 14.9, 15, 24, 25, 35, 35.5, 50]:
    print(t, classify(t))

# Comparisons of other types.
print("apple" < "banana" < "cherry", "Zebra" < "apple", "abc" < "abd" < "b", "" < "a")
print([1, 2] < [1, 2, 0] < [1, 3], (1, "a") < (1, "b"), (2,) > (1, 99, 99))
print(None is None is not False, [] == [] is not None, 0 == False, 1 == True == 1.0)
print(1 in [1, 2] in [[1, 2], [3]], "a" in "abc" != False)

# Range check with chained comparison over a grid.
grid = [(r, c) for r in range(-1, 4) for c in range(-1, 4)]
inside = [(r, c) for r, c in grid if 0 <= r < 3 and 0 <= c < 3]
print(len(grid), len(inside), inside[:4])
print(sorted(set(abs(r - c) for r, c in inside)))
