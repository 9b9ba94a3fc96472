def average(values):
    return sum(values) / len(values)

def spread(values):
    return max(values) - min(values)

def report(groups):
    for name, values in groups:
        print(f"{name:<8} n={len(values)} avg={average(values):.2f} spread={spread(values)}")

groups = [("first", [1, 2, 3]), ("second", [10, 20]), ("third", [7]), ("empty", []), ("never", [5])]
print("average of [2, 4, 9]:", average([2, 4, 9]))
print("spread of [2, 4, 9]:", spread([2, 4, 9]))
print("starting report")
print("groups:", [name for name, _ in groups])
sizes = {name: len(values) for name, values in groups}
print("sizes:", sizes)
print("overall average:", average([v for _, values in groups for v in values]))
report(groups)
print("not reached")
