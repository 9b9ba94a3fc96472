# args: The Rain in SPAIN stays mainly in the plain
import sys

script = sys.argv[0]
words = sys.argv[1:]
print("script:", script)
print("argc:", len(sys.argv), "words:", len(words))
print(" ".join(words))
print(" ".join(w.lower() for w in words))
print(" ".join(reversed(words)))
print(sorted(words), sorted(words, key=str.lower))
print(sorted(set(w.lower() for w in words)))

longest = ""
for w in words:
    if len(w) > len(longest):
        longest = w
print("longest:", longest)

ain = [w for w in words if "ain" in w.lower()]
print("contain 'ain':", ain, len(ain))

acronym = "".join(w[0].upper() for w in words)
print("acronym:", acronym)

counts = {}
for w in words:
    key = w.lower()
    counts[key] = counts.get(key, 0) + 1
for w, c in sorted(counts.items()):
    if c > 1:
        print("repeated:", w, c)

print("total letters:", sum(len(w) for w in words))
print("average length:", round(sum(len(w) for w in words) / len(words), 3))
caps = [w for w in words if w.isupper()]
print("shouting:", caps)
