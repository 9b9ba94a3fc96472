# Dict subscripts in compiled loops: str, int, float, tuple, bool and None
# keys, missing keys (KeyError caught), unhashable keys (TypeError caught),
# a dict mutated while iterated (RuntimeError), `in` on dicts, sets, strs.


def count(words):
    d = {}
    for w in words:
        if w in d:
            d[w] += 1
        else:
            d[w] = 1
    return d


def lookups(d, keys):
    found = 0
    missing = 0
    for k in keys:
        try:
            found += d[k]
        except KeyError as e:
            missing += 1
            last = e
        except TypeError as e:
            missing += 100
            last = e
    return found, missing, repr(last)


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v


d = {}
for rep in range(300):
    d = count(["a", "b", "a", rep % 7, 1.0, (1, 2), True, None])
print(sorted((repr(k), v) for k, v in d.items()))
keys = ["a", "zz", 1, 2, 1.0, (1, 2), [1], None, False, Key(3)]
dk = {"a": 1, 1: 2, (1, 2): 3, None: 4, Key(3): 5}
for rep in range(200):
    r = lookups(dk, keys)
print(r)
m = {i: i for i in range(10)}
try:
    for k in m:
        m[k + 100] = 1
except RuntimeError as e:
    print("RuntimeError", e)
try:
    for k, v in m.items():
        del m[k]
except RuntimeError as e:
    print("RuntimeError", e)
s = {"x", "y"}
n = 0
for rep in range(300):
    for c in "xyz":
        if c in s:
            n += 1
        if c not in "xy":
            n += 10
        if rep in m:
            n += 100
print(n)
try:
    print([1] in s)
except TypeError as e:
    print("TypeError", e)
total = 0
for rep in range(300):
    dd = {"k": rep}
    dd["k"] = dd["k"] * 2
    dd[rep] = dd.get(rep, 0) + 1
    total += dd["k"] + dd[rep]
print(total)
