x = "global x"

def show_scopes():
    x = "local x"
    def inner():
        return x
    return inner(), x

print(show_scopes(), x)

def read_global():
    return x

def shadow_param(x):
    return x.upper()

print(read_global(), shadow_param("param"), x)

# Closures see the enclosing variable's latest value, even after return.
def timeline():
    events = []
    state = "created"
    def snapshot():
        return state, len(events)
    events.append("a")
    state = "running"
    events.append("b")
    return snapshot

snap = timeline()
print(snap())

# Comprehensions have their own scope but can read enclosing names.
def scaled(values, factor):
    return [v * factor for v in values if v > factor]
print(scaled([1, 5, 10], 3))
i = "outer i"
squares = [i * i for i in range(4)]
print(squares, i)

# A class-free "namespace" via closures sharing one cell.
def make_point(px, py):
    def get():
        return (px, py)
    def move(dx, dy):
        nonlocal px, py
        px += dx
        py += dy
    def dist2():
        return px * px + py * py
    return get, move, dist2

get, move, dist2 = make_point(3, 4)
print(get(), dist2())
move(1, -4)
print(get(), dist2())

# Names resolved at call time: a function can use a global defined later.
def uses_later():
    return defined_later * 2
defined_later = 21
print(uses_later())

def local_before_assign():
    try:
        print(y)
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return y
print(local_before_assign())
try:
    print(undefined_name_here)
except NameError as e:
    print(type(e).__name__, e)
