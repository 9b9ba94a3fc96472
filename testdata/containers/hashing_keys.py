# hash() of ints is the value modulo 2**61 - 1 (with -1 mapped to -2).
for n in [0, 1, -1, -2, 42, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30]:
    print(n, hash(n))
print(hash(True), hash(False), hash(1.0) == hash(1), hash(2.5) == hash(2.5), hash(-0.0) == hash(0))
print(hash("") , hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
# With PYTHONHASHSEED=0 string hashes are reproducible.
print(hash("hello"), hash("world"), hash("a"), hash("ab"))
print(hash((1, 2, 3)), hash((-1,)), hash(("x", 1)), hash(((),)), hash((1, (2, "three"))))

# Tuples and frozensets make good composite keys.
distances = {}
cities = ["paris", "rome", "oslo"]
coords = {"paris": (48.9, 2.4), "rome": (41.9, 12.5), "oslo": (59.9, 10.8)}
for i in range(len(cities)):
    for j in range(i + 1, len(cities)):
        a, b = cities[i], cities[j]
        (x1, y1), (x2, y2) = coords[a], coords[b]
        distances[frozenset((a, b))] = round(((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5, 2)
print(distances[frozenset(("rome", "paris"))], distances[frozenset(("oslo", "rome"))])

board = {}
for r, c, piece in [(0, 0, "R"), (0, 4, "K"), (7, 4, "k"), (1, 3, "P")]:
    board[(r, c)] = piece
print(board.get((0, 4)), board.get((4, 4), "."), sorted(board))
print((1, 3) in board, [1, 3] == list((1, 3)))

# Mixed-number keys collide when equal.
d = {1: "one", 2.0: "two"}
print(d[1.0], d[2], d[True], len({1: 0, 1.0: 0, True: 0}))
for bad in [[1], {1: 2}, {3}, ([1], 2)]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    print({([1], 2): 3})
except TypeError as e:
    print("TypeError:", e)
