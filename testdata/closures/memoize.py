def memoize(fn):
    cache = {}
    calls = [0, 0]
    def wrapper(*args):
        if args in cache:
            calls[0] += 1
            return cache[args]
        calls[1] += 1
        result = fn(*args)
        cache[args] = result
        return result
    def info():
        return {"hits": calls[0], "misses": calls[1], "size": len(cache)}
    return wrapper, info

def slow_fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

fib, fib_info = memoize(slow_fib)
print(fib(30), fib_info())
print(fib(90), fib_info())

def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)

paths, paths_info = memoize(grid_paths)
print(paths(16, 16), paths_info())

def edit_distance(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return dist(a[1:], b[1:])
    return 1 + min(dist(a[1:], b), dist(a, b[1:]), dist(a[1:], b[1:]))

dist, dist_info = memoize(edit_distance)
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"), ("intention", "execution")]:
    print(a, b, dist(a, b))
print(dist_info()["size"] > 0)

# A call counter wrapper around any function.
def counted(fn):
    n = 0
    def wrapper(*args, **kwargs):
        nonlocal n
        n += 1
        return fn(*args, **kwargs)
    def count():
        return n
    return wrapper, count

square, square_count = counted(lambda x: x * x)
print([square(i) for i in range(5)], square_count())
counted_sorted, sort_count = counted(sorted)
print(counted_sorted([3, 1, 2]), counted_sorted("cba", reverse=True), sort_count())
