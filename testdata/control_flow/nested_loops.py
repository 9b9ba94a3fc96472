# Multiplication table.
size = 6
print("   |" + "".join(str(c).rjust(4) for c in range(1, size + 1)))
print("---+" + "-" * (4 * size))
for r in range(1, size + 1):
    row = ""
    for c in range(1, size + 1):
        row += str(r * c).rjust(4)
    print(str(r).rjust(2), "|" + row)

# Triangle patterns.
for i in range(1, 5):
    print(" " * (4 - i) + "*" * (2 * i - 1))
for i in range(4, 0, -1):
    print("".join(str(j) for j in range(1, i + 1)))

# Find a pair summing to a target, leaving both loops with a flag.
numbers = [8, 3, 11, 5, 14, 2, 7]
target = 16
found = None
for i in range(len(numbers)):
    for j in range(i + 1, len(numbers)):
        if numbers[i] + numbers[j] == target:
            found = (numbers[i], numbers[j])
            break
    if found:
        break
print("pair:", found)

# All pairs, counted.
pairs = 0
for i in range(len(numbers)):
    for j in range(i + 1, len(numbers)):
        if (numbers[i] + numbers[j]) % 2 == 0:
            pairs += 1
print("even-sum pairs:", pairs)

# Bubble sort with swap counting.
data = [5, 1, 4, 2, 8, 0]
swaps = 0
passes = 0
for end in range(len(data) - 1, 0, -1):
    passes += 1
    swapped = False
    for k in range(end):
        if data[k] > data[k + 1]:
            data[k], data[k + 1] = data[k + 1], data[k]
            swaps += 1
            swapped = True
    if not swapped:
        break
print(data, "swaps", swaps, "passes", passes)

# Pascal's triangle.
row = [1]
for n in range(8):
    print(" ".join(str(x) for x in row).center(30).rstrip())
    row = [1] + [row[k] + row[k + 1] for k in range(len(row) - 1)] + [1]
