# Loops reading and rebinding globals and builtins: a JIT caching a global or
# builtin lookup must notice when the binding changes.

counter = 0
factor = 2


def bump():
    global counter
    counter += factor
    return counter


values = []
for i in range(30):
    if i == 10:
        factor = 10
    if i == 20:
        factor = 0.5
    values.append(bump())
print(values[::5], counter)

# Shadowing a builtin mid-run, then deleting the shadow.
def measure(items):
    return len(items)


seen = []
for i in range(9):
    if i == 3:
        def len(x):
            return -1
    if i == 6:
        del len
    seen.append(measure([0] * i))
print(seen)

# A global function rebound between calls of a hot loop.
def op(a, b):
    return a + b


def run(n):
    s = 0
    for i in range(n):
        s = op(s, i)
    return s


print(run(100))
op = lambda a, b: a * 2 - b
print(run(10))
op = max
print(run(100))
del op
try:
    run(3)
except NameError as e:
    print("NameError", e)


def op(a, b):
    return a - b


print(run(50))

# A global changing type in a loop read from another function.
state = 0


def read_state():
    return state * 2


reads = []
for i in range(8):
    state = [i, float(i), str(i), [i], (i,), None, True, i ** 30][i]
    try:
        reads.append(read_state())
    except TypeError as e:
        reads.append("TypeError")
print(reads)

# Globals created and deleted by functions.
def define(name_value):
    global created
    created = name_value


def probe():
    try:
        return created
    except NameError:
        return "undefined"


print(probe())
define(42)
print(probe())
del created
print(probe())
define("again")
print(probe())

# Builtins read in a hot loop, then the module global shadows `abs` and `min`.
def spread(xs):
    return sum(abs(x) for x in xs) - min(xs)


data = [3, -4, 5, -6]
print(spread(data))
abs = lambda x: 0
print(spread(data))
min = lambda xs: 1000
print(spread(data))
del abs, min
print(spread(data))

# A module-level loop rebinding a global that a function reads.
def read_dyn():
    return dyn


dyn = 1
hist = []
for i in range(6):
    dyn = dyn + i if i != 3 else str(dyn)
    hist.append(read_dyn())
    if i == 3:
        dyn = len(dyn)
print(hist)

# Iteration count kept in a global during nested loops.
steps = 0


def tick():
    global steps
    steps += 1


for a in range(20):
    for b in range(a):
        tick()
print(steps)
