def forever(n):
    return forever(n + 1)

def count_nested(obj):
    if isinstance(obj, list):
        return 1 + sum(count_nested(x) for x in obj)
    return 0

try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
    print(isinstance(e, RuntimeError))

# Recursion that stays well inside the limit still works afterwards.
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(500))

def mutual_a(n):
    return mutual_b(n + 1)

def mutual_b(n):
    return mutual_a(n + 1)

try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", type(e).__name__, e)

nested = []
for _ in range(50):
    nested = [nested, []]
print(count_nested(nested))
print("still running")
