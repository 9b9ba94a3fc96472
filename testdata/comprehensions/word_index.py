poem = """Tyger Tyger, burning bright,
In the forests of the night;
What immortal hand or eye,
Could frame thy fearful symmetry?
In what distant deeps or skies.
Burnt the fire of thine eyes?
On what wings dare he aspire?
What the hand, dare seize the fire?"""

lines = poem.splitlines()
tokens = [(n, w.strip(",.;?!").lower()) for n, line in enumerate(lines, 1) for w in line.split()]
print(len(lines), "lines", len(tokens), "tokens")

vocab = sorted({w for _, w in tokens})
index = {w: sorted({n for n, t in tokens if t == w}) for w in vocab}
for w in vocab:
    if len(index[w]) > 1:
        print(f"{w:<8} {index[w]}")

freq = {w: sum(1 for _, t in tokens if t == w) for w in vocab}
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
print([w for w in vocab if len(w) >= 7])
print({n: len(line.split()) for n, line in enumerate(lines, 1)})
first_letters = {w[0] for w in vocab}
print("".join(sorted(first_letters)))
by_letter = {c: [w for w in vocab if w[0] == c] for c in sorted(first_letters)}
print({c: ws for c, ws in by_letter.items() if len(ws) >= 3})
rhymes = [(lines[i].split()[-1].strip(",.;?!"), lines[i + 1].split()[-1].strip(",.;?!")) for i in range(0, len(lines), 2)]
print(rhymes)
print(sum(len(w) for _, w in tokens) / len(tokens), max(vocab, key=len), min(vocab, key=lambda w: (len(w), w)))
