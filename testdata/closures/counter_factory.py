def make_counter(start=0, step=1):
    count = start
    def counter():
        nonlocal count
        count += step
        return count
    return counter

a = make_counter()
b = make_counter(100, -10)
print(a(), a(), a(), b(), b(), a())

c1 = make_counter()
c2 = make_counter()
print([c1() for _ in range(3)], [c2() for _ in range(2)], c1())

def make_stats():
    values = []
    def add(v):
        values.append(v)
        return len(values)
    def mean():
        return sum(values) / len(values) if values else None
    def spread():
        return max(values) - min(values) if values else 0
    return add, mean, spread

add, mean, spread = make_stats()
print(mean(), spread())
for v in [4, 8, 15, 16, 23, 42]:
    add(v)
print(repr(mean()), spread())
add2, mean2, _ = make_stats()
add2(1)
print(mean2(), repr(mean()))

# Each call to the factory gets its own cell.
def make_toggle():
    on = False
    def toggle():
        nonlocal on
        on = not on
        return "on" if on else "off"
    return toggle

t1, t2 = make_toggle(), make_toggle()
print(t1(), t1(), t1(), t2())

# Id generator with a prefix.
def id_maker(prefix):
    n = 0
    def next_id():
        nonlocal n
        n += 1
        return f"{prefix}-{n:04d}"
    return next_id

order_id = id_maker("ORD")
user_id = id_maker("USR")
print(order_id(), order_id(), user_id(), order_id())
