for n in range(-3, 4):
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    parity = "even" if n % 2 == 0 else "odd"
    print(n, sign, parity, abs(n) if n < 0 else n * 10)

def plural(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")

print(plural(0, "apple"), plural(1, "apple"), plural(2, "box"))

# Nested and chained ternaries.
def classify_triangle(a, b, c):
    if a + b <= c or a + c <= b or b + c <= a:
        return "impossible"
    return "equilateral" if a == b == c else "isosceles" if a == b or b == c or a == c else "scalene"

for sides in [(3, 3, 3), (3, 3, 5), (3, 4, 5), (1, 2, 3), (5, 3, 5)]:
    print(sides, classify_triangle(*sides))

# Ternary inside other expressions.
scores = [45, 67, 89, 92, 30, 75]
print(["pass" if s >= 50 else "fail" for s in scores])
print(sum(s if s >= 50 else 0 for s in scores), max(scores) if scores else None, min([]) if [] else "empty")
print([x if x % 3 else "three" for x in range(1, 10)])
print(("odd" if 7 % 2 else "even").upper(), (lambda x: "big" if x > 100 else "small")(150))

# Only the chosen branch is evaluated.
def loud(tag, value):
    print("evaluating", tag)
    return value
result = loud("then", 1) if loud("cond", False) else loud("else", 2)
print("result", result)

# Clamping and absolute values.
def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x
print([clamp(x, 0, 10) for x in [-5, 0, 5, 10, 15]])
temps = {"mon": 18, "tue": 25, "wed": 31, "thu": 9}
for day, t in temps.items():
    print(day, t, "hot" if t > 28 else "warm" if t > 20 else "cool" if t > 10 else "cold")
x = None
print(x if x is not None else "missing", (x or 0) + 1, [] if x else [x])
