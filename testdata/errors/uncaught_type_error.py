def describe(count):
    return "count: " + str(count)

def plural(count, word):
    return f"{count} {word}" + ("" if count == 1 else "s")

def broken_describe(count):
    label = "items"
    return count + " " + label

for n in [0, 1, 2]:
    print(describe(n), "|", plural(n, "item"))
print(describe(3.5), str(3) + " " + "items", "%d items" % 3)
parts = []
for n in range(3):
    parts.append(str(n))
print("+".join(parts))
print(describe(None), plural(1, "box"), repr(str(2) * 3))
print(broken_describe(3))
print("not reached")
