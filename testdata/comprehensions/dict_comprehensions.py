squares = {n: n * n for n in range(6)}
print(squares)
print({k: v for k, v in squares.items() if v % 2 == 0})
print({v: k for k, v in squares.items()})
print({c: ord(c) for c in "hello"})
print({w: len(w) for w in "to be or not to be".split()})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})

# Invert a mapping with duplicate values into lists.
owner = {"car": "ann", "bike": "bob", "boat": "ann", "van": "cy", "kayak": "bob"}
by_person = {person: sorted(thing for thing, p in owner.items() if p == person) for person in set(owner.values())}
print(sorted(by_person.items()))

# Word counts with a dict comprehension over a set.
text = "red blue red green blue red yellow"
words = text.split()
counts = {w: words.count(w) for w in words}
print(counts)
print({w: c for w, c in counts.items() if c > 1})
print(dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))

# Config merging with defaults.
defaults = {"color": "blue", "size": 10, "debug": False}
user = {"size": 14, "debug": True, "extra": "ignored"}
merged = {k: user.get(k, v) for k, v in defaults.items()}
print(merged)
print({k: (defaults.get(k), user.get(k)) for k in sorted(set(defaults) | set(user))})

# Grade book summary.
grades = {"ann": [90, 80, 85], "bob": [70, 65], "cy": [], "dee": [100]}
averages = {name: round(sum(g) / len(g), 1) for name, g in grades.items() if g}
print(averages)
letters = {name: ("A" if a >= 90 else "B" if a >= 80 else "C") for name, a in averages.items()}
print(letters)
print({k: v for k, v in zip("abc", range(10))}, {x % 3: x for x in range(10)})
print({k.upper(): [v] * 2 for k, v in {"x": 1, "y": 2}.items()}, {i: {j: i * j for j in range(2)} for i in range(2)})
