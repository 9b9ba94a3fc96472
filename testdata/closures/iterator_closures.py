# Iterator-like behaviour built from closures (no generators needed).
def counter_from(n):
    def next_value():
        nonlocal n
        n += 1
        return n - 1
    return next_value

nxt = counter_from(5)
print([nxt() for _ in range(4)])

def fib_stream():
    a, b = 0, 1
    def step():
        nonlocal a, b
        value = a
        a, b = b, a + b
        return value
    return step

f = fib_stream()
print([f() for _ in range(15)])

def cycle(items):
    i = -1
    def step():
        nonlocal i
        i = (i + 1) % len(items)
        return items[i]
    return step

colors = cycle(["red", "green", "blue"])
print([colors() for _ in range(7)])

def take_while(step, pred):
    out = []
    while True:
        v = step()
        if not pred(v):
            return out, v
        out.append(v)

print(take_while(fib_stream(), lambda v: v < 100))

# iter(callable, sentinel) stops when the callable returns the sentinel.
def reader(lines):
    pos = 0
    def read_line():
        nonlocal pos
        if pos >= len(lines):
            return ""
        pos += 1
        return lines[pos - 1]
    return read_line

lines = ["first\n", "second\n", "third\n"]
for line in iter(reader(lines), ""):
    print(repr(line))
print(list(iter(counter_from(0), 6)))

# A pseudo-random generator as a closure (linear congruential).
def lcg(seed):
    state = seed
    def rand(n):
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        return (state >> 33) % n
    return rand

rand = lcg(42)
rolls = [rand(6) + 1 for _ in range(20)]
print(rolls, sum(rolls))
counts = {face: rolls.count(face) for face in range(1, 7)}
print(counts)
