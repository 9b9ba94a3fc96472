print(len("hello"), len(""), len([1, 2, 3]), len(()), len({"a": 1}), len({1, 2, 2}), len(range(10)), len("日本"), len(b"ab"))
print(sum([1, 2, 3]), sum(range(10), 100), sum([0.1] * 10), sum([[1], [2, 3]], []), sum(()), sum([-1, -2]))
print(sorted([3, 1, 2]), sorted("hello"), sorted({3: 0, 1: 0}), sorted([(2, "b"), (1, "z"), (2, "a")]), sorted([], reverse=True))
print(sorted([-3, 2, -1], key=abs), sorted(["b", "A", "c"]), sorted(["b", "A", "c"], key=str.lower), sorted([1.5, 1, True, 0]))

# Precise totals: summing floats in different orders.
values = [1e16, 1.0, -1e16, 1.0]
print(sum(values), sum(sorted(values)), sum(sorted(values, key=abs)))
cents = [1999, 2999, 5, 995]
print(sum(cents) / 100, sum(c / 100 for c in cents))

# Word statistics.
text = "It is a truth universally acknowledged that a single man in possession of a good fortune must be in want of a wife"
words = text.lower().split()
print(len(words), len(set(words)), sum(len(w) for w in words), round(sum(len(w) for w in words) / len(words), 3))
print(sorted(set(words), key=lambda w: (-words.count(w), w))[:5])
print(sorted(words, key=len)[-3:], sorted(words)[:3], min(words, key=len), max(words, key=len))

# Ranking with sorted and enumerate.
team = {"ann": [3, 5, 4], "bob": [5, 5, 2], "cy": [1, 2, 9], "dee": [4, 4, 4]}
totals = sorted(((sum(s), name) for name, s in team.items()), reverse=True)
for place, (total, name) in enumerate(totals, 1):
    print(place, name, total, team[name], len(team[name]))
print(sum(len(s) for s in team.values()), sum(sum(s) for s in team.values()))
print(sorted(team, key=lambda n: max(team[n])), sorted(team.items(), key=lambda kv: kv[1][-1]))
