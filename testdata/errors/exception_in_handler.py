def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return table[key.lower()]

table = {"alpha": 1, "beta": 2, "gamma": 3}
aliases = {"a": "alpha", "b": "beta"}

def resolve(name):
    name = aliases.get(name, name)
    return lookup(table, name)

queries = ["alpha", "BETA", "a", "Gamma", "b", "Delta", "alpha"]
found = []
for q in queries:
    value = resolve(q)
    found.append(value)
    print(f"{q!r} -> {value}")
print("found", found)
