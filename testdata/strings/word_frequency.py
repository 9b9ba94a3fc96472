text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""

words = []
for raw in text.split():
    word = raw.strip(".,;:!?").lower()
    if word:
        words.append(word)
print(len(words), "words,", len(set(words)), "distinct")

counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1

ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:8]:
    print(f"{word:>12} {n:3d} {'#' * n}")

singles = sorted(w for w, n in counts.items() if n == 1)
print("once:", ", ".join(singles))

# Length histogram.
by_length = {}
for w in words:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    group = by_length[length]
    print(length, len(group), sorted(set(group)))

# Longest word and the line it is on.
longest = max(words, key=len)
for number, line in enumerate(text.splitlines(), 1):
    if longest in line.lower():
        print("longest word", repr(longest), "on line", number)
        break

# Letter frequencies (letters only).
letters = {}
for ch in text.lower():
    if "a" <= ch <= "z":
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters, key=lambda c: (-letters[c], c))[:5]
print([(c, letters[c]) for c in top])
print(sum(letters.values()), len(letters))
