matrix = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
print([[row[i] for row in matrix] for i in range(4)])
print([x for row in matrix for x in row if x % 2])
print([[x * 2 for x in row if x > 4] for row in matrix])
print({i: [x for x in row if x % 3 == 0] for i, row in enumerate(matrix)})
print(sum(sum(x for x in row) for row in matrix), max(max(row) for row in matrix))

# Multiplication table as nested lists of strings.
table = [[f"{i}x{j}={i * j}" for j in range(1, 4)] for i in range(1, 4)]
for row in table:
    print("  ".join(cell.ljust(6) for cell in row))

# Cartesian products and filtering.
suits = "SHDC"
ranks = ["A", "K", "Q", "J", "10"]
deck = [r + s for s in suits for r in ranks]
print(len(deck), deck[:6], deck[-3:])
pairs = [(a, b) for i, a in enumerate(deck[:5]) for b in deck[i + 1:5]]
print(len(pairs), pairs[:4])

# Neighbours in a grid.
grid = ["#..#", ".##.", "...#"]
H, W = len(grid), len(grid[0])
counts = [[sum(1 for dr in (-1, 0, 1) for dc in (-1, 0, 1)
               if (dr or dc) and 0 <= r + dr < H and 0 <= c + dc < W and grid[r + dr][c + dc] == "#")
           for c in range(W)] for r in range(H)]
for row in counts:
    print(row)

# Group anagrams with nested comprehension.
words = ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"]
keys = sorted({"".join(sorted(w)) for w in words})
groups = [[w for w in words if "".join(sorted(w)) == k] for k in keys]
print([g for g in groups if len(g) > 1])

# Inner comprehension uses the outer loop variable.
print([[(i, j) for j in range(i)] for i in range(4)])
print([y for x in [[1, [2, 3]], [4, [5]]] for y in x[1]], [[c for c in w] for w in ["ab", "c"]])
