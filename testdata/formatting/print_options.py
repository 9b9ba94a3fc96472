import sys

print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("a", "b", sep="\n")
print("no newline", end="")
print(" <- continued", end="!\n")
print()
print("", end="")
print("x", end="\n\n")
print(1, 2.5, None, True, [1, "two"], (3,), {"k": None}, sep=" | ")
print(*[1, 2, 3])
print(*"abc", sep="-")
print(*[], sep="never")
print("sep None", "uses space", sep=None)
print("end None", end=None)
print("tab\tseparated", "values", sep="\t")
print("to stderr", 42, file=sys.stderr)
print("warning:", "disk", "almost", "full", sep=" ", end=".\n", file=sys.stderr)
print("still on stdout")
print("progress: ", end="")
for i in range(5):
    print(i, end=" " if i < 4 else "\n")
print("done", file=sys.stderr)

# A simple progress table written to both streams.
rows = [("load", 0.25), ("parse", 1.5), ("render", 0.05)]
for name, secs in rows:
    print(f"{name:<8}{secs:>6.2f}s")
    if secs > 1:
        print(f"slow step: {name} took {secs}s", file=sys.stderr)
print("total", sum(s for _, s in rows), sep=": ")
print(repr(print("returns None")))
print("unicode ✓ → λ", "emoji 🎉")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
