# The with statement: __enter__/__exit__, exceptions, suppression, return,
# break and continue inside the block, nesting and multiple items.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Tracker("a") as t:
    print("inside", t.name)

with Tracker("b", suppress=True):
    raise KeyError("swallowed")
print("after b")

try:
    with Tracker("c"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)

with Tracker("outer") as o, Tracker("inner") as i:
    print("both", o.name, i.name)

def early():
    with Tracker("ret"):
        return "returned"
print(early())

for n in range(4):
    with Tracker(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("body", n)

def nested():
    try:
        with Tracker("x"):
            with Tracker("y", suppress=True):
                1 / 0
            print("after y")
            raise RuntimeError("from x")
    finally:
        print("finally")
try:
    nested()
except RuntimeError as e:
    print("caught", e)

class Lock:
    depth = 0
    def __enter__(self):
        Lock.depth += 1
        return Lock.depth
    def __exit__(self, *args):
        Lock.depth -= 1
with Lock() as d1:
    with Lock() as d2:
        print(d1, d2, Lock.depth)
print(Lock.depth)

try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)

class Resource:
    def __init__(self):
        self.log = []
    def __enter__(self):
        self.log.append("open")
        return self.log
    def __exit__(self, t, v, tb):
        self.log.append("close:" + (t.__name__ if t else "ok"))
        return t is ZeroDivisionError
r = Resource()
with r as log:
    log.append("work")
    x = 1 // 0
    log.append("unreached")
print(r.log)
