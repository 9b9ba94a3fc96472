def depth(n):
    return depth(n + 1) + 1

def bounded(n):
    return 0 if n == 0 else 1 + bounded(n - 1)

def flatten(items):
    out = []
    for x in items:
        if isinstance(x, list):
            out.extend(flatten(x))
        else:
            out.append(x)
    return out

print("bounded recursion:", bounded(100), bounded(900))
print("flatten:", flatten([1, [2, [3, [4]]], 5]))
cyclic = [1, 2]
cyclic.append(cyclic)
print("cyclic list prints fine:", cyclic)
try:
    flatten(cyclic)
except RecursionError as e:
    print("flatten(cyclic):", type(e).__name__)
print("about to recurse forever")
depth(0)
print("not reached")
