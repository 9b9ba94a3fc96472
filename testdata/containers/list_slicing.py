nums = list(range(10))
print(nums[2:5], nums[:3], nums[-3:], nums[::3], nums[::-1], nums[8:2:-2], nums[-1:-4:-1], nums[5:5])
print(nums[100:], nums[-100:2], nums[::-4], nums[7::-3])

a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100, 101]
print(a)
a[3:3] = ["inserted"]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a[1:4] = []
print(a)
a[:] = "abc"
print(a)

b = list(range(12))
del b[0]
del b[-1]
print(b)
del b[2:4]
print(b)
del b[::3]
print(b)
del b[::-2]
print(b)
del b[:]
print(b)

# Reverse segments in place (like a 2-opt move).
route = ["A", "B", "C", "D", "E", "F", "G"]
route[2:5] = route[2:5][::-1]
print(route)
route[1:6] = reversed(route[1:6])
print(route)

# Rotate a list by k.
def rotate(lst, k):
    if not lst:
        return lst
    k %= len(lst)
    return lst[-k:] + lst[:-k]

for k in [0, 1, 3, -1, 10]:
    print(k, rotate([1, 2, 3, 4, 5], k))

# A slice copy is shallow.
grid = [[1, 2], [3, 4]]
shallow = grid[:]
shallow[0][0] = 99
shallow[1] = ["new"]
print(grid, shallow)
try:
    c = [1, 2, 3, 4]
    c[::2] = [9, 9, 9]
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2, 3][5] = 0
except IndexError as e:
    print("IndexError:", e)
