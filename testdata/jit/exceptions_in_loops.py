# Exceptions raised inside hot loops, caught at different levels.


class Stop(Exception):
    def __init__(self, where, value):
        super().__init__(where, value)
        self.where = where
        self.value = value


def safe_ratios(nums):
    out = []
    for i in range(len(nums)):
        try:
            out.append(100 // nums[i])
        except ZeroDivisionError:
            out.append(None)
    return out


print(safe_ratios([5, 0, 3, 0, -7, 1] * 50)[:12])

# IndexError and KeyError in a hot loop, caught in the same function.
data = list(range(10))
table = {i: i * i for i in range(0, 20, 3)}
misses = hits = 0
for i in range(300):
    try:
        v = data[i % 13] + table[i % 21]
        hits += v
    except IndexError:
        misses += 1
    except KeyError as e:
        misses += 100
        last_key = e.args[0]
print(hits, misses, last_key)


# Raised deep inside, caught in a caller after partial progress.
def walk(limit):
    total = 0
    for i in range(1000):
        total += i
        if total > limit:
            raise Stop(i, total)
    return total


def driver():
    results = []
    for lim in (10, 1000, 10 ** 9, 50000):
        try:
            results.append(("ok", walk(lim)))
        except Stop as s:
            results.append(("stop", s.where, s.value))
    return results


print(driver())

# try/finally with break / continue / return inside loops.
log = []


def finder(items, target):
    for i, x in enumerate(items):
        try:
            if x == target:
                return i
            if x < 0:
                continue
            if x > 100:
                break
        finally:
            log.append(x)
    return -1


print(finder([1, 2, -1, 3, 4], 3), log)
log.clear()
print(finder([1, -5, 200, 3], 3), log)
log.clear()

count = 0
for i in range(50):
    try:
        try:
            if i % 7 == 0:
                raise ValueError(i)
            if i == 45:
                break
        finally:
            count += 1
    except ValueError as e:
        count += 1000
        continue
    count += 10
print("count", count, "i", i)


# return inside finally overrides the exception.
def swallow(n):
    for i in range(n):
        try:
            if i == 3:
                raise KeyError(i)
        finally:
            if i == 3:
                return "swallowed at %d" % i
    return "done"


print(swallow(10), swallow(2))

# Exception escaping a loop: state modified before the raise is visible.
state = []
try:
    for i in range(100):
        state.append(i * i)
        if i == 6:
            state[100]
except IndexError as e:
    print("escaped:", type(e).__name__, e, state, i)

# Re-raise with from, and exception chaining in a loop.
errors = []
for word in ["12", "x", "7", "", "3.5", "-4"]:
    try:
        try:
            n = int(word)
        except ValueError as e:
            raise Stop(word, None) from e
        errors.append(n * 2)
    except Stop as s:
        errors.append((s.where, type(s.__cause__).__name__))
print(errors)

# A hot loop that raises every iteration.
caught = 0
for i in range(2000):
    try:
        raise Stop(i, i)
    except Stop as s:
        caught += s.value
print("caught sum", caught)

# Exceptions in a nested loop with else clauses.
found = []
for a in range(1, 10):
    try:
        for b in range(1, 10):
            if a * b == 24:
                raise Stop(a, b)
        else:
            found.append(("none", a))
    except Stop as s:
        found.append((s.where, s.value))
print(found)
