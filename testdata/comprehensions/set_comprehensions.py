print({x % 5 for x in range(20)})
print({len(w) for w in "a bb ccc dd e ffff".split()})
print({c.lower() for c in "Hello World" if c.isalpha()} == set("helowrd"))
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print({(x, y) for x in range(3) for y in range(3) if x + y == 2})
print({n * n % 7 for n in range(50)}, {-n for n in range(5)}, {n // 2 for n in range(-4, 5)})

# Find numbers that are sums of two squares below 50.
squares = {i * i for i in range(8)}
sums = sorted({a + b for a in squares for b in squares if a + b < 50})
print(sums)

# Unique domains from emails, case-insensitively.
emails = ["Ann@Example.com", "bob@example.COM", "cy@test.org", "dee@Test.org", "eve@mail.net"]
domains = {e.split("@")[1].lower() for e in emails}
print(sorted(domains), len(domains))

# Set algebra on comprehension results.
evens = {n for n in range(20) if n % 2 == 0}
threes = {n for n in range(20) if n % 3 == 0}
print(evens & threes, evens - threes, threes - evens, sorted(evens ^ threes))
print({n for n in evens if n in threes} == evens & threes)

# Letters used in every word / in any word.
words = ["stone", "notes", "onset", "tones"]
common = set(words[0])
for w in words[1:]:
    common &= {c for c in w}
print(sorted(common), sorted({c for w in words for c in w}), {w for w in words if sorted(w) == sorted("stone")} == set(words))
print({frozenset(w) for w in words}, {(len(w), w[0]) for w in words})
