# and/or return one of their operands, not necessarily a bool.
values = [0, 1, "", "x", [], [0], None, 0.0, -1]
for a in values[:5]:
    print(repr(a), "|", repr(a and "yes"), repr(a or "default"), repr(not a))
print(repr(1 and 2 and 3), repr(1 and 0 and 3), repr(0 or "" or None), repr(0 or "" or [] or "last"))
print(repr(None or 0), repr("a" or "b"), repr("" and "b"), repr([] or {}), repr(not not "x"), repr(not []))
print(repr(1 or 1 / 0), repr(0 and 1 / 0), repr(True and False or "fallback"), repr(False or True and "t"))

calls = []
def check(name, result):
    calls.append(name)
    return result

if check("a", False) and check("b", True):
    print("both")
print(calls)
calls.clear()
if check("a", True) or check("b", True):
    print("at least one")
print(calls)
calls.clear()
r = check("a", 0) or check("b", "") or check("c", "found") or check("d", "unused")
print(repr(r), calls)

# Default values with `or`.
def greet(name=None):
    return "Hello, " + (name or "stranger") + "!"
print(greet(), greet(""), greet("Ann"))

# Truthiness of many objects.
for v in [0, 0.0, -0.0, 1, -1, 0.1, "", " ", "0", [], [[]], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(1)]:
    print(repr(v), bool(v))

# Validating input with combined conditions.
def valid_username(u):
    return bool(u) and 3 <= len(u) <= 12 and u[0].isalpha() and all(c.isalnum() or c == "_" for c in u)

for u in ["", "ab", "abc", "9lives", "good_name", "bad-name", "waytoolongusername", "X_1"]:
    print(repr(u), valid_username(u))
print(True + True, True * 10, False == 0, True is True, (not 0) is True, 3 > 2 == True)
