print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -2)), list(range(-3, 3)), list(range(5, 5)))
for i, ch in enumerate("abc"):
    print(i, ch)
for i, ch in enumerate("xyz", start=10):
    print(i, ch)
names = ["ann", "bob", "cy"]
ages = [31, 25, 40, 99]
for name, age in zip(names, ages):
    print(name, age)
for i, (name, age) in enumerate(zip(names, ages)):
    print(i, name, age)
for x in reversed(names):
    print(x, end=" ")
print()
for k, v in sorted({"b": 2, "a": 1, "c": 3}.items(), key=lambda kv: -kv[1]):
    print(k, v)

# The loop variable keeps its last value.
for last in range(3):
    pass
print("last =", last)

# Iterating over a copy while modifying the original.
nums = [1, 2, 3, 4, 5, 6]
for n in nums[:]:
    if n % 2 == 0:
        nums.remove(n)
print(nums)

# Building a running total and tracking maxima.
readings = [3, 7, 2, 9, 4, 9, 1]
running = []
best_index = 0
total = 0
for i, r in enumerate(readings):
    total += r
    running.append(total)
    if r > readings[best_index]:
        best_index = i
print(running, best_index)

# Pairwise differences with zip of shifted sequences.
print([b - a for a, b in zip(readings, readings[1:])])
# Iterating a dict while building another one.
inventory = {"apples": 0, "pears": 4, "plums": 0, "kiwis": 2}
in_stock = {}
for fruit, count in inventory.items():
    if not count:
        continue
    in_stock[fruit] = count
print(in_stock)
# Looping over a string builds output char by char.
out = ""
for ch in "Hello World":
    out += ch.lower() if ch.isupper() else ch.upper()
print(out)
try:
    d = {"a": 1}
    for key in d:
        d["b"] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
