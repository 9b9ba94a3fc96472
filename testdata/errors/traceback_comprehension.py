def invert(x):
    return 1 / x

def percentages(values):
    total = sum(values)
    return [round(100 * v / total, 1) for v in values]

values = [4, 2, 1, 0, 5]
print([invert(v) for v in values[:3]])
print(percentages(values))
print(sorted(values, key=lambda v: -v))
print(list(map(lambda v: v * 2, values)))
print({v: v * v for v in values})
print(sum(invert(v) for v in values if v))
scale = lambda v: invert(v) * 100
print([scale(v) for v in values if v > 1])
print([v for v in values if v % 2 == 0], {v % 3 for v in values})
print(max(values, key=lambda v: (v % 3, v)))
print([scale(v) for v in values])
print("not reached")
