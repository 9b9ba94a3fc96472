def nothing():
    pass

def bare_return():
    return

def early(x):
    if x < 0:
        return "negative"
    if x == 0:
        return
    return x * 2

def several():
    return 1, "two", [3]

print(nothing(), bare_return(), early(-1), early(0), early(4), several())
a, b, c = several()
print(a, b, c, type(several()).__name__)

def divide(a, b):
    """Return quotient and remainder, or None when b is zero."""
    if b == 0:
        return None
    return a // b, a % b

for pair in [(17, 5), (-17, 5), (3, 0)]:
    result = divide(*pair)
    if result is None:
        print(pair, "undefined")
    else:
        q, r = result
        print(pair, q, r)

def first_match(words, prefix):
    for w in words:
        if w.startswith(prefix):
            return w
    return None

words = ["apple", "banana", "apricot", "cherry"]
print(first_match(words, "ap"), first_match(words, "ch"), first_match(words, "z"))

def classify(n):
    if n % 2 == 0:
        kind = "even"
    else:
        return "odd"  # return in the middle
    if n % 4 == 0:
        return kind + ", divisible by 4"
    return kind

print([classify(n) for n in range(1, 9)])

def validate(record):
    errors = []
    if not record.get("name"):
        errors.append("missing name")
    if not isinstance(record.get("age"), int):
        errors.append("age must be int")
    elif record["age"] < 0:
        errors.append("age must be non-negative")
    return (not errors), errors

for rec in [{"name": "ann", "age": 3}, {"age": -1}, {"name": "", "age": "x"}]:
    ok, errs = validate(rec)
    print(ok, errs)
f = nothing
print(f() is None, early(3) + early(5), nothing.__name__, divide.__name__)
