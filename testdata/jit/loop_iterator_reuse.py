# Compiled code reuses a `for` loop's iterator object for the loop's next
# run when nothing else can hold it. Each case here is a way it could be
# held elsewhere, or a loop run cut short.


def nested(rows):
    total = 0.0
    for _ in range(3):
        for row in rows:
            for x in row:
                total += x
            for i in range(len(row)):
                if row[i] < 0:
                    break
                total += i
    return total


rows = [[1.0, 2.0], [3.5, -1.0, 4.0], [], [0.5]]
for _ in range(300):
    t = nested(rows)
print("nested", t)


# A generator's loop is suspended (its frame saved) while its caller's
# loops, running in the same registers before, go on.
def gen(xs):
    for x in xs:
        for y in xs:
            yield x * 10 + y


def drive(n):
    out = []
    for k in range(n):
        g = gen([1, 2, 3])
        first = next(g)
        for z in [7, 8, 9]:
            out.append(z)
        for w in g:
            if w > 20:
                break
            out.append(w)
        out.append(first + k)
    return out


for _ in range(100):
    r = drive(5)
print("gen", r)


# A loop left by an exception, then run again.
def raiser(seqs):
    seen = []
    for s in seqs:
        try:
            for x in s:
                if x == "stop":
                    raise KeyError(x)
                seen.append(x)
        except KeyError:
            seen.append("caught")
    return seen


for _ in range(200):
    r = raiser([["a", "stop", "b"], ("c", "d"), range(3), "ef"])
print("raise", r)


# An iterator the program holds itself: `for` reuses that object, as in
# CPython (it is not the loop's to reset).
def held(n):
    it = iter([1, 2, 3, 4])
    out = []
    for _ in range(n):
        for x in it:
            out.append(x)
            if x % 2 == 0:
                break
    return out


for _ in range(200):
    r = held(4)
print("held", r)


# Recursion from inside a loop: each frame has its own iterator.
def walk(tree, depth):
    out = []
    for node in tree:
        if isinstance(node, list):
            out.append(walk(node, depth + 1))
        else:
            out.append((node, depth))
    return out


for _ in range(100):
    r = walk([1, [2, [3, 4], 5], [], [[6]]], 0)
print("walk", r)


# The list changes under its loop; a comprehension's iterator; zip/enumerate.
def changing(n):
    xs = [1, 2, 3]
    out = []
    for i in range(n):
        for x in xs:
            out.append(x)
            if len(xs) < 6:
                xs.append(x + i)
        xs = xs[:3]
        out.append([y * 2 for y in xs])
        for j, (a, b) in enumerate(zip(xs, "abc")):
            out.append((j, a, b))
    return out


for _ in range(100):
    r = changing(3)
print("changing", r)
