import sys

def top_three(scores):
    ranked = sorted(scores, reverse=True)
    return ranked[0], ranked[1], ranked[2]

def median(scores):
    ranked = sorted(scores)
    mid = len(ranked) // 2
    return ranked[mid] if len(ranked) % 2 else (ranked[mid - 1] + ranked[mid]) / 2

tables = {"east": [5, 3, 9, 1, 7], "west": [10, 12, 11], "north": [4, 8]}
for name, scores in tables.items():
    print(name, "median", median(scores))
print("sizes:", {name: len(s) for name, s in tables.items()})
print("largest overall:", max(max(s) for s in tables.values()))
print("warning: small input ahead", file=sys.stderr)
for name, scores in tables.items():
    print(name, "top three:", top_three(scores))
print("not reached")
