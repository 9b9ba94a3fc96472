# Indexing guards: negative indexes, out-of-range, container types that
# change mid-loop, lists mutated while being indexed.

lst = [10, 20, 30, 40, 50]
tup = (1, 2, 3)
print([lst[i] for i in range(-5, 5)], [tup[-i] for i in range(1, 4)])

for seq in (lst, tup, "abcde", b"xyz", range(100, 105)):
    got = []
    for i in (-7, -3, -1, 0, 2, 4, 6):
        try:
            got.append(seq[i])
        except IndexError as e:
            got.append(type(e).__name__)
    print(type(seq).__name__, got)


def get(c, k):
    return c[k]


# The same site indexing a list, then a tuple, then a dict, then a str.
containers = [list(range(10)), tuple(range(10, 20)), {i: -i for i in range(10)}, "0123456789"]
for c in containers:
    total = []
    for i in range(10):
        total.append(get(c, i))
    print(type(c).__name__, total)

# A variable rebound from list to tuple to dict mid-loop.
box = [0] * 5
out = []
for i in range(30):
    if i == 10:
        box = tuple(box)
    if i == 20:
        box = dict(enumerate(box))
    out.append(box[i % 5])
    if isinstance(box, list):
        box[i % 5] += i
    elif isinstance(box, dict):
        box[i % 5] = box[i % 5] * 2
print(out, type(box).__name__)

# Mutation during a loop with index access.
nums = list(range(10))
i = 0
while i < len(nums):
    if nums[i] % 3 == 0:
        del nums[i]
    else:
        nums[i] *= 10
        i += 1
print(nums)
nums = [1, 2, 3]
i = 0
while i < len(nums) and i < 20:
    if nums[i] % 2:
        nums.append(nums[i] * 3 + 1)
    i += 1
print(nums)

grow = [1]
for x in grow:
    if x < 100:
        grow.append(x * 2)
print(grow)

# Index types: bools, bigints, and non-int indexes.
print(lst[True], lst[False], lst[-True])
for k in (2 ** 63, -(2 ** 63), 2 ** 100, 1.0, "1", None):
    try:
        print(lst[k])
    except IndexError as e:
        # (message not compared: "cannot fit 'int' into an index-sized integer" for huge k)
        print(type(e).__name__)
    except TypeError as e:
        print(type(e).__name__, e)

# Store at negative index, slices, list shrinking under a hot index loop.
arr = list(range(8))
for j in range(1, 9):
    arr[-j] = arr[-j] * j
print(arr)
arr[2:5] = ["a"]
print(arr, arr[-3:], arr[::-2])
errs = 0
for j in range(20):
    try:
        arr[j] = arr[j]
    except IndexError:
        errs += 1
        if len(arr) > 4:
            arr.pop()
print(errs, arr)

# Nested containers with mixed element types.
grid = [[1, 2.5, "x"], (3, [4]), {"k": (5, 6)}]
print(grid[0][1], grid[1][1][0], grid[2]["k"][-1], grid[-1]["k"][0])
try:
    grid[1][0] = 9
except TypeError as e:
    print("TypeError", e)
try:
    print(grid[2]["missing"])
except KeyError as e:
    print("KeyError", e)
