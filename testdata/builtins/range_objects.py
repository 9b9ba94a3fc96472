r = range(2, 20, 3)
print(r, len(r), list(r), r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], list(r[::-1]))
print(range(5), range(0, 5), range(-3), len(range(-3)), list(range(10, 0, -3)), len(range(0, 10, 3)))
print(5 in r, 8 in r, 20 in r, -1 in range(-5, 0), 2.0 in range(5), r.index(11), r.count(11), r.count(12))
print(range(0, 6, 2) == range(0, 5, 2), range(0) == range(5, 5), range(3) == range(0, 3, 1), range(1) != range(2))
print(list(range(0)), list(range(1, 0)), list(range(0, -5, -1)), list(range(-5, 5, 4)), bool(range(0)), bool(range(1)))
print(sum(range(1, 101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True), list(reversed(range(1, 4))))
big = range(0, 10 ** 20, 7)
print(big[10 ** 18], 7 * 10 ** 17 in big, 7 * 10 ** 17 + 1 in big, big[-1])

# Iterating with index arithmetic.
word = "abcdefgh"
for i in range(0, len(word), 3):
    print(i, word[i:i + 3])
for i in range(len(word) - 1, -1, -2):
    print(i, word[i], end="; ")
print()

# Multiplication table with ranges.
for i in range(1, 4):
    print([i * j for j in range(1, 6)])

# Counting down with a step and nested ranges.
for n in range(3, 0, -1):
    print(n, list(range(n)))
print(list(range(ord("a"), ord("f"))), [chr(c) for c in range(ord("A"), ord("Z") + 1, 5)])
for bad in [lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(5)[10], lambda: r.index(100)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
