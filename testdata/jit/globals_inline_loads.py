# Global and builtin loads in compiled loops read the module's slots every
# time: rebinding a global inside the loop, shadowing a builtin with a global
# after the function was compiled, deleting the shadow (the builtin is seen
# again), deleting a global (NameError) and defining it later.

scale = 3


def weigh(items):
    t = 0
    for x in items:
        t += x * scale + len(items)
    return t


def rebind_inside(n):
    global scale
    out = []
    for i in range(n):
        out.append(i * scale)
        if i % 4 == 3:
            scale = scale + 1
    return out


print(weigh(list(range(300))))
print(rebind_inside(12), scale)
print(weigh(list(range(300))))

# Shadow the builtin `len` after weigh() was compiled, then remove the shadow.
len = lambda seq: 1000
print(weigh(list(range(300))))
del len
print(weigh(list(range(300))))


def use_missing(n):
    out = []
    for i in range(n):
        try:
            out.append(missing + i)
        except NameError as e:
            out.append(str(e))
    return out


print(use_missing(3))
missing = 100
print(use_missing(3))
del missing
print(use_missing(2))
try:
    del missing
except NameError as e:
    print("del:", e)


# A global changing type mid-loop (int, float, str, list) in a hot function.
def combine(n):
    out = []
    for i in range(n):
        out.append(thing * 2)
    return out


for thing in (2, 2.5, "ab", [1], None):
    try:
        print(combine(3))
    except TypeError as e:
        print("TypeError", e)


# Builtins used in a hot loop, one rebound at module level mid-run.
def stats(rows):
    acc = []
    for r in rows:
        acc.append((min(r), max(r), abs(r[0]), sum(r)))
    return acc


rows = [[i, -i, i * 2] for i in range(5)]
print(stats(rows))
abs = lambda v: "abs!"
print(stats(rows))
del abs
print(stats(rows))


# A global assigned for the first time after compilation, by another function.
def define_later(v):
    global later_name
    later_name = v


def late(n):
    out = []
    for i in range(n):
        if i == n - 2:
            define_later(i)
        try:
            out.append(later_name)
        except NameError as e:
            out.append(str(e))
    return out


print(late(4))
