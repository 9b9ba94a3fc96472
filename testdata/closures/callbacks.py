handlers = {}

def on(event, fn):
    handlers.setdefault(event, []).append(fn)

def emit(event, *args):
    results = []
    for fn in handlers.get(event, []):
        results.append(fn(*args))
    return results

log = []
def make_logger(prefix):
    def logger(*args):
        line = prefix + " " + " ".join(str(a) for a in args)
        log.append(line)
        return len(line)
    return logger

on("login", make_logger("[auth]"))
on("login", lambda user: f"welcome {user}")
on("purchase", make_logger("[shop]"))

totals = {}
def track(user, amount):
    totals[user] = totals.get(user, 0) + amount
    return totals[user]
on("purchase", track)

print(emit("login", "ann"))
print(emit("purchase", "ann", 30))
print(emit("purchase", "bob", 12))
print(emit("purchase", "ann", 5))
print(emit("logout", "ann"))
print(log)
print(totals)

# Retry with a callback that decides whether to keep going.
def retry(action, should_retry, limit):
    attempts = []
    for attempt in range(1, limit + 1):
        ok, value = action(attempt)
        attempts.append(value)
        if ok or not should_retry(attempt, value):
            return ok, attempts
    return False, attempts

flaky = lambda n: (n >= 3, f"try{n}")
print(retry(flaky, lambda n, v: True, 5))
print(retry(flaky, lambda n, v: n < 2, 5))
print(retry(lambda n: (False, n * n), lambda n, v: v < 10, 10))

# Sorting with a comparison built from a closure over a priority table.
def by_priority(order):
    rank = {name: i for i, name in enumerate(order)}
    return lambda item: (rank.get(item[0], len(rank)), item[1])

tasks = [("low", "water plants"), ("high", "fix leak"), ("mid", "pay bills"), ("high", "call mom"), ("none", "nap")]
for level, task in sorted(tasks, key=by_priority(["high", "mid", "low"])):
    print(level, task)
