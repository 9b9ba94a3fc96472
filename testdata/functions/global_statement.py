counter = 0
log = []

def increment(by=1):
    global counter
    counter += by
    return counter

def record(msg):
    log.append(msg)  # mutation needs no global statement

for i in range(5):
    increment(i)
    record(f"step {i}: counter={counter}")
print(counter)
print(log)

def reset():
    global counter, log
    counter = 0
    log = ["reset"]

reset()
print(counter, log)

def create_global():
    global created_later
    created_later = "made inside a function"

create_global()
print(created_later)

# Reading a global without declaring it is fine; assigning makes a local.
threshold = 10
def above(values):
    return [v for v in values if v > threshold]

def shadow():
    threshold = 99
    return threshold

print(above([5, 10, 15, 20]), shadow(), threshold)

# A module-level cache filled by a function.
cache = {}
misses = 0
def slow_square(n):
    global misses
    if n in cache:
        return cache[n]
    misses += 1
    cache[n] = n * n
    return cache[n]

print([slow_square(n) for n in [1, 2, 3, 2, 1, 4, 4]], misses, sorted(cache.items()))

def bump_then_read():
    global counter
    counter = counter + 100
    def inner():
        return counter * 2
    return inner()

print(bump_then_read(), counter)

def broken():
    total = total_so_far + 1
    total_so_far = total
    return total

total_so_far = 5
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
