def running_average():
    total = 0.0
    count = 0
    def add(x):
        nonlocal total, count
        total += x
        count += 1
        return total / count
    return add

avg = running_average()
print([round(avg(x), 3) for x in [10, 20, 30, 5, 5, 100]])

def make_histogram(bucket_size):
    buckets = {}
    def record(value):
        key = (value // bucket_size) * bucket_size
        buckets[key] = buckets.get(key, 0) + 1
    def render():
        lines = []
        for key in sorted(buckets):
            lines.append(f"{key:>4}-{key + bucket_size - 1:<4} {'*' * buckets[key]}")
        return "\n".join(lines)
    return record, render

record, render = make_histogram(10)
for v in [3, 14, 15, 92, 65, 35, 89, 79, 32, 38, 46, 26, 43, 38, 32, 79, 50, 28, 84, 19]:
    record(v)
print(render())

def moving_window(size):
    window = []
    def push(x):
        window.append(x)
        if len(window) > size:
            window.pop(0)
        return sum(window) / len(window)
    return push

smooth = moving_window(3)
print([round(smooth(x), 2) for x in [1, 2, 3, 10, 10, 10, 0, 0]])

def min_max_tracker():
    lo = hi = None
    def see(x):
        nonlocal lo, hi
        if lo is None or x < lo:
            lo = x
        if hi is None or x > hi:
            hi = x
        return lo, hi
    return see

see = min_max_tracker()
for x in [5, 3, 9, -2, 9, 4]:
    print(x, see(x))

def make_budget(limit):
    spent = 0
    def spend(amount, what):
        nonlocal spent
        if spent + amount > limit:
            return f"denied {what}: {limit - spent} left"
        spent += amount
        return f"ok {what}: {limit - spent} left"
    return spend

spend = make_budget(100)
for amount, what in [(30, "books"), (50, "shoes"), (40, "dinner"), (20, "taxi"), (0, "nothing")]:
    print(spend(amount, what))
