nums = [4, 8, 15, 16, 23, 42]
print(sum(x * x for x in nums))
print(any(x > 40 for x in nums), all(x > 0 for x in nums), all(x % 2 == 0 for x in nums))
print(min(x % 7 for x in nums), max(abs(x - 20) for x in nums))
print(sorted((x % 10 for x in nums), reverse=True))
print(list(x // 2 for x in nums), tuple(str(x) for x in nums[:3]), set(x % 3 for x in nums))
print(dict((x, x % 5) for x in nums[:4]))
print("".join(c for c in "h-e-l-l-o" if c != "-"), ", ".join(str(x) for x in nums if x > 10))
print(sum(1 for _ in range(1000) if _ % 7 == 0), max((len(w), w) for w in "which word is longest here".split()))
print(min((x for x in nums if x > 100), default=None), max((x for x in []), default="none"))

# Generator expressions are lazy and single use.
g = (x * 10 for x in range(4))
print(next(g), next(g), list(g), list(g))
calls = []
def noisy(x):
    calls.append(x)
    return x
print(any(noisy(x) > 2 for x in [1, 2, 3, 4, 5]), calls)

# Summaries of a list of orders.
orders = [
    {"id": 1, "customer": "ann", "items": [("pen", 2, 1.5), ("pad", 1, 3.0)]},
    {"id": 2, "customer": "bob", "items": [("ink", 5, 0.8)]},
    {"id": 3, "customer": "ann", "items": []},
    {"id": 4, "customer": "cy", "items": [("pen", 10, 1.4), ("bag", 1, 25.0)]},
]
total = sum(q * p for o in orders for _, q, p in o["items"])
print(round(total, 2))
print(max(orders, key=lambda o: sum(q * p for _, q, p in o["items"]))["id"])
print(sorted(set(name for o in orders for name, _, _ in o["items"])))
print(dict((o["id"], len(o["items"])) for o in orders))
print(all(o["items"] for o in orders), any(not o["items"] for o in orders))
print(sum(q for o in orders if o["customer"] == "ann" for _, q, _ in o["items"]))
print(" | ".join(f"{o['customer']}#{o['id']}" for o in sorted(orders, key=lambda o: o["customer"])))
print(tuple(sorted((sum(q for _, q, _ in o["items"]), o["id"]) for o in orders)))
