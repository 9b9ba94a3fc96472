# A generator that only a `for` loop holds is closed when the loop is left
# by break, return or an exception (CPython frees it there, which closes
# it), and generators the globals hold are closed when the program ends.
# jitprof once never ran those `finally` blocks and `with` exits at all.


def gen(name, n=3):
    try:
        for i in range(n):
            yield i
    finally:
        print("  cleanup", name)


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  open", self.name)
        return self

    def __exit__(self, *exc):
        print("  close", self.name, exc[0].__name__ if exc[0] else None)
        return False


def with_gen(name):
    with Resource(name):
        yield 1
        yield 2


print("break:")
for x in gen("break"):
    if x == 1:
        break
print("after break")

print("break skips else:")
for x in gen("else"):
    break
else:
    print("  else ran")
print("after else")

print("continue keeps the generator running:")
for x in gen("continue"):
    if x == 0:
        continue
    print("  item", x)
print("after continue")


def show(v):
    print("  computing return value", v)
    return v


def first(name):
    for x in gen(name):
        return show(x)


print("return:")
print("returned", first("return"))


def nested(name):
    try:
        for a in gen(name + "-outer"):
            for b in gen(name + "-inner"):
                if b == 1:
                    return a, b
    finally:
        print("  outer finally")


print("nested return:")
print("returned", nested("nested"))


def raises(name):
    for x in gen(name):
        if x == 1:
            raise ValueError("boom at %d" % x)


print("exception leaves the loop:")
try:
    raises("raise")
except ValueError as e:
    print("caught", e)


def caught_inside(name):
    out = []
    for x in gen(name):
        try:
            if x == 1:
                raise KeyError(x)
            out.append(x)
        except KeyError:
            out.append("k")
    return out


print("exception caught inside the loop:")
print(caught_inside("inside"))


def caught_in_same_function(name):
    try:
        for x in gen(name):
            if x == 2:
                1 / 0
    except ZeroDivisionError:
        print("  handler runs after the cleanup")


print("exception caught around the loop:")
caught_in_same_function("around")

print("with inside the generator:")
for v in with_gen("res"):
    break
print("after with break")


class Tree:
    def __init__(self, items):
        self.items = items

    def walk(self):
        try:
            yield from self.items
        finally:
            print("  walk done")


print("method call:")
for v in Tree([1, 2, 3]).walk():
    if v == 2:
        break
print("after method break")

print("a generator held elsewhere stays open:")
held = gen("held", 5)
for x in held:
    if x == 1:
        break
print("  next item", next(held))


def same(g):
    return g


for x in same(held):
    break
print("  next item", next(held))

print("compiled loops close too:")


def count_breaks(k):
    total = 0
    for x in gen_quiet(k):
        total += x
        if x == 2:
            break
    return total


closed = []


def gen_quiet(k):
    try:
        for i in range(10):
            yield i
    finally:
        closed.append(k)


print(sum(count_breaks(k) for k in range(500)), len(closed), closed[-1])

print("at exit:")
pending = gen("global")
next(pending)
holder = [gen("in a list")]
next(holder[0])
print("end of program")
