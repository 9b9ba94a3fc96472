print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([c.upper() for c in "hello" if c != "l"])
print([(x, y) for x in range(3) for y in range(x)])
print([x + y for x in "ab" for y in "12"])
print([len(w) for w in "the quick brown fox".split()])
print([n if n % 2 else -n for n in range(8)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([i for i in []], [None for _ in range(3)], [w for w in ("a", "b") if w > "a"])

# Data cleaning with comprehensions.
raw = ["  42 ", "x", "17", "", " -3", "4.5", "1000"]
cleaned = [s.strip() for s in raw]
numbers = [int(s) for s in cleaned if s.lstrip("-").isdigit()]
print(cleaned, numbers, [n for n in numbers if n > 0])

# FizzBuzz as a one-liner.
print(["FizzBuzz" if n % 15 == 0 else "Fizz" if n % 3 == 0 else "Buzz" if n % 5 == 0 else n for n in range(1, 16)])

# Prime numbers via nested comprehension.
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)

# Pythagorean triples.
triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)

# Flatten and unique-in-order.
nested = [[1, 2], [3], [], [4, 5, 6], [2, 3]]
flat = [x for sub in nested for x in sub]
seen = []
[seen.append(x) for x in flat if x not in seen]
print(flat, seen)

# Comprehension over dict items and enumerate.
prices = {"apple": 1.2, "melon": 3.5, "grape": 2.25, "lime": 0.4}
print([f"{name}: {p:.2f}" for name, p in sorted(prices.items()) if p > 1])
print([i for i, (k, v) in enumerate(prices.items()) if v < 2])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i, row in enumerate(matrix)], [matrix[i][len(matrix) - 1 - i] for i in range(len(matrix))])
print([[row[c] for row in matrix] for c in range(3)], [sum(row) for row in matrix if sum(row) > 6])
