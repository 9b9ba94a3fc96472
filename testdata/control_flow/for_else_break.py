# for/else: the else runs only if the loop was not broken.
def find_divisor(n):
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return d
    else:
        return None
    return None

for n in [2, 15, 17, 49, 97, 100]:
    d = find_divisor(n)
    print(n, "prime" if d is None else f"divisible by {d}")

for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()

# while/else.
def search(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            print("found", target, "at", i)
            break
        i += 1
    else:
        print(target, "not found after", i, "checks")

search(["a", "b", "c"], "b")
search(["a", "b", "c"], "z")
search([], "a")

# continue skips, else still runs when no break happens.
total = 0
for x in [1, -2, 3, -4, 5]:
    if x < 0:
        continue
    total += x
else:
    print("sum of positives:", total)

# Nested loops with break only leaving the inner loop.
for i in range(1, 4):
    for j in range(1, 4):
        if j > i:
            break
        print((i, j), end=" ")
    else:
        print("inner finished", end=" ")
    print("| row", i)

# Empty loop: else runs immediately; loop variable is left unbound/unchanged.
marker = "unchanged"
for marker in []:
    print("never")
else:
    print("else on empty loop", marker)
for k in range(3):
    pass
print("k after loop:", k)
i = 0
while i < 10:
    i += 3
    if i == 6:
        continue
    print("i =", i)
else:
    print("while ended normally with i =", i)
