square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, 2, z=3))

pairs = [(1, "one"), (3, "three"), (2, "two"), (4, "four")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: len(p[1])))
print(list(map(lambda p: p[0] * 10, pairs)))
print(list(filter(lambda p: p[0] % 2 == 0, pairs)))
print(max(pairs, key=lambda p: p[1][-1]))

# A dispatch table of lambdas.
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b if b else float("inf"),
    "max": lambda a, b: a if a > b else b,
}
for sym in ["+", "-", "*", "/", "max"]:
    print(sym, ops[sym](7, 2), ops[sym](3, 0))

# Lambdas returning lambdas.
make_multiplier = lambda n: lambda x: x * n
double, triple = make_multiplier(2), make_multiplier(3)
print(double(21), triple("ab"), make_multiplier(-1)(5))

compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(square, inc)(3), compose(inc, square)(3), compose(str, abs)(-42))

# Sorting people by multiple criteria.
people = [
    {"name": "ann", "age": 31, "city": "oslo"},
    {"name": "bob", "age": 25, "city": "rome"},
    {"name": "cy", "age": 31, "city": "lima"},
    {"name": "dee", "age": 25, "city": "oslo"},
]
for p in sorted(people, key=lambda p: (-p["age"], p["city"])):
    print(p["name"], p["age"], p["city"])
print([p["name"] for p in filter(lambda p: p["city"] == "oslo", people)])
by_len = lambda s: (len(s), s)
print(sorted(["pear", "fig", "apple", "kiwi", "date"], key=by_len))
print((lambda x, y=2, *rest, z=0, **kw: (x, y, rest, z, kw))(1, 3, 5, 7, z=9, w=11))
print((lambda n: n if n < 2 else n * 2)(5), type(square).__name__, callable(square))
