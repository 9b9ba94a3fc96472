# The loop variable of a comprehension does not leak.
x = "outer"
squares = [x * x for x in range(5)]
print(squares, x)
total = sum(x for x in range(10))
print(total, x)

# Comprehensions can read names from the enclosing function.
def scale_all(values, factor):
    offset = 1
    return [v * factor + offset for v in values]
print(scale_all([1, 2, 3], 10))

# Nested functions capture comprehension results, not variables.
def make_checks(limits):
    return [lambda v, lim=lim: v <= lim for lim in limits]
checks = make_checks([3, 6, 9])
print([[c(v) for c in checks] for v in [2, 5, 10]])

# Closures created inside a comprehension share the last loop value.
late = [lambda: i for i in range(3)]
print([f() for f in late])

# The first iterable is evaluated in the enclosing scope.
n = 3
pairs = [(n, m) for m in range(n)]
print(pairs)

# Reusing a name in an inner comprehension is fine.
words = ["ab", "cde", "f"]
print([[ch for ch in w] for w in words], [w for w in words for w in w])

# Comprehensions in a function see globals and parameters.
THRESHOLD = 50
def big_ones(values, extra):
    return [v for v in values if v > THRESHOLD or v in extra]
print(big_ones([10, 60, 45, 90, 5], {5}))

# Assignment inside a comprehension body is not allowed, but functions can accumulate.
log = []
def record(v):
    log.append(v)
    return v * 2
doubled = [record(v) for v in range(4) if v != 2]
print(doubled, log)

# Comprehensions capture names at run time.
factor = 2
make = lambda: [i * factor for i in range(3)]
print(make())
factor = 10
print(make())
print({k: [k * i for i in range(k)] for k in range(4)}, [[k for k in range(j)] for j in range(3)])
