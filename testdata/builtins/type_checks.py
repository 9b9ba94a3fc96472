values = [1, 1.0, True, "1", [1], (1,), {1: 1}, {1}, None, range(1), b"1", frozenset([1])]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), type(v) == int, callable(v))

print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool), type(True) is bool, type(1) is int)
print(isinstance(1.0, (int, float)), isinstance("s", str), isinstance(None, type(None)), isinstance([], (dict, list)))
print(issubclass(bool, int), issubclass(int, bool), issubclass(bool, (str, int)), issubclass(str, (int, str)))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, (TypeError, LookupError)), issubclass(list, list))
print(type(1) == type(2), type(1) == type(1.0), type("") is str, type([]) is list, type(type) is type)
print(type(int), type(len), type(lambda: 0).__name__, int.__name__, str.__name__, type(None).__name__)
print(callable(len), callable(print), callable(int), callable(str), callable("str"), callable(lambda: 0), callable(None))

def describe(x):
    if isinstance(x, bool):
        return "bool " + str(x)
    if isinstance(x, int):
        return f"int with {len(str(abs(x)))} digits"
    if isinstance(x, float):
        return "float " + ("integral" if x == int(x) else "fractional")
    if isinstance(x, str):
        return f"str of length {len(x)}"
    if isinstance(x, (list, tuple, set)):
        return f"{type(x).__name__} of {len(x)} items: " + ", ".join(describe(i) for i in x)
    if isinstance(x, dict):
        return "dict with keys " + str(sorted(x))
    if x is None:
        return "nothing"
    return "something else: " + type(x).__name__

for x in [True, 12345, -7, 2.0, 2.5, "hello", [1, "a"], (None, False), {"b": 1, "a": 2}, None, range(3), len]:
    print(describe(x))

# Converting with a dispatch on type.
converters = {int: lambda v: v * 2, str: lambda v: v.upper(), list: lambda v: v[::-1], float: round}
for v in [21, "abc", [1, 2, 3], 2.6, True, (1,)]:
    conv = converters.get(type(v))
    print(repr(v), "->", repr(conv(v)) if conv else "no converter for " + type(v).__name__)
print(type(3)(4.9), type("x")(12), type([])("ab"), type(True)(0), type(0.5)("1e2"))
