def mean(values):
    return sum(values) / len(values)

def compute(values):
    result = 0
    for v in values:
        result += v
    if result > 100:
        return result_total_xyz
    return result

def describe(values):
    return f"{len(values)} values from {min(values)} to {max(values)}"

print(describe([3, 1, 2]), compute([]), mean([2, 4]))
datasets = [[1, 2, 3], [10, 20, 30], [40, 50, 60], [5]]
summaries = []
for data in datasets:
    total = compute(data)
    summaries.append((total, mean(data)))
    print("total", total, "mean", mean(data))
print(summaries)
