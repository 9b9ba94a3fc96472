# List, tuple and str slices in compiled loops: negative, None and huge
# bounds, negative steps, step 0 (ValueError), slice assignment of another
# length, extended-slice assignment of the wrong size, del of slices.

data = list(range(12))
specs = [(None, None, None), (2, 8, None), (-3, None, None), (None, -2, 2),
         (10, 1, -2), (None, None, -1), (-100, 100, 3), (2 ** 70, None, None),
         (None, -(2 ** 70), -1), (5, 5, None), (0, 12, 5), (True, False, None)]

out = []
for rep in range(120):
    out = []
    for a, b, c in specs:
        out.append((data[a:b:c], tuple(data)[a:b:c], "abcdefghijkl"[a:b:c]))
for o in out:
    print(o)
try:
    print(data[::0])
except ValueError as e:
    print("ValueError", e)
try:
    print(data["a":])
except TypeError as e:
    print("TypeError", e)


def flips(perm):
    k = perm[0]
    n = 0
    while k:
        perm[:k + 1] = perm[k::-1]
        n += 1
        k = perm[0]
    return n


acc = 0
for rep in range(200):
    acc += flips([3, 1, 4, 0, 2, 5][rep % 3:] + [0, 1, 2][:rep % 3])
print(acc)
lst = list(range(10))
for rep in range(200):
    x = list(range(10))
    x[2:5] = [rep] * (rep % 4)
    x[-1:] = ()
    x[::3] = x[::3][::-1]
    lst = x
print(lst)
try:
    lst[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
for rep in range(200):
    y = list(range(20))
    del y[::4]
    del y[-3:]
    del y[100:]
    del y[::-5]
print(y)
z = list(range(5))
z[1:1] = "ab"
z[10:] = [9]
z[:-10] = [8]
print(z)
