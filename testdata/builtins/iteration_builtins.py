names = ["ann", "bob", "cy", "dee"]
scores = [88, 92, 75]
print(list(enumerate(names)), list(enumerate(names, 1)), list(enumerate("", 5)))
print(list(zip(names, scores)), list(zip(names)), list(zip()), list(zip("ab", [1, 2], (True, False))))
print(list(map(str.upper, names)), list(map(len, names)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda n: n > 80, scores)))
print(list(reversed(names)), list(reversed(range(5))), list(reversed("abc")), list(reversed((1, 2))))
print(sorted(names, key=len), sorted(zip(scores, names)), max(zip(scores, names)))

# zip to transpose and to pair neighbours.
rows = [(1, 2, 3), (4, 5, 6)]
print(list(zip(*rows)), [b - a for a, b in zip(scores, scores[1:])])

# Unzipping with zip(*...).
pairs = [("x", 1), ("y", 2), ("z", 3)]
letters, numbers = zip(*pairs)
print(letters, numbers)

# enumerate for finding positions.
text = "the cat sat on the mat"
print([i for i, ch in enumerate(text) if ch == "t"], [i for i, w in enumerate(text.split()) if w == "the"])

# map/filter are lazy and can be consumed once.
m = map(lambda x: x * 10, range(4))
print(next(m), list(m), list(m))
f = filter(str.isdigit, "a1b2c3")
print("".join(f), "".join(f))

# iter with a sentinel.
values = [3, 1, 4, 0, 5, 9]
pos = [0]
def next_value():
    v = values[pos[0]]
    pos[0] += 1
    return v
print(list(iter(next_value, 0)), values[pos[0]:])

# Combining them: rank students.
students = ["ann", "bob", "cy", "dee", "eve"]
marks = [72, 95, 88, 95, 60]
ranked = sorted(zip(marks, students), key=lambda p: (-p[0], p[1]))
for rank, (mark, name) in enumerate(ranked, 1):
    print(f"{rank}. {name:<4}{mark:>4}")
passed = list(filter(lambda p: p[0] >= 70, zip(marks, students)))
print(len(passed), list(map(lambda p: p[1], passed)))
print(dict(zip(students, map(lambda m: "pass" if m >= 70 else "fail", marks))))
print(list(zip(range(3), reversed(range(3)), map(str, range(3)))))
