# `l.append(x)` and `l.pop()`, which compiled code does at the call site
# for an exact list (jit/gen_list_methods.rs): full buffers, empty lists,
# other receivers with methods of those names, list subclasses, lists
# changed while they are read, and enough appends to make the collector
# run, must all behave exactly as the real calls.
import sys


def build(n):
    out = []
    for i in range(n):
        out.append(i * 2)
        if i % 3 == 0:
            out.append(str(i))
    return out


def drain(stack):
    got = []
    while stack:
        got.append(stack.pop())
    return got


def pops(lists):
    out = []
    for l in lists:
        try:
            out.append(l.pop())
        except (IndexError, KeyError) as e:
            out.append(type(e).__name__ + ": " + str(e))
        except TypeError as e:
            out.append("TypeError: " + str(e))
        except AttributeError as e:
            out.append("AttributeError: " + str(e))
    return out


class Stack:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(("boxed", x))

    def pop(self):
        return self.items.pop() if self.items else "empty"


class MyList(list):
    def append(self, x):
        super().append(-x)


class Plain(list):
    pass


def feed(targets, n):
    for i in range(n):
        for t in targets:
            t.append(i)
    return targets


b = build(3000)
print(len(b), b[:7], b[-4:])
print(drain(list(range(20))))
d = drain(build(500))
print(len(d), d[:5], d[-3:])

# Other receivers: a class of its own, a subclass overriding append, one
# that does not, a dict, a set, a str, None.
s, m, p = Stack(), MyList(), Plain()
feed([[], s, m, p], 300)
print(s.items[-2:], m[-3:], p[-3:], len(m), len(p))
print(pops([[1, 2], [], s, Stack(), m, Plain(), {}, set(), "abc", None, [None]]))

# A list subclass's instances: its class changed mid-loop (a method of its
# own, then removed again), an instance attribute hiding the method, and
# one whose list is borrowed by a running method.
class Bag(list):
    pass


def bag_loop(n):
    b, c = Bag(), Bag()
    seen = []
    for i in range(n):
        if i == n // 4:
            Bag.append = lambda self, x: list.append(self, x * 100)
        if i == n // 2:
            del Bag.append
        if i == 3 * n // 4:
            c.append = lambda x: seen.append(("own", x))
        b.append(i)
        c.append(i)
        if i % 3 == 0:
            seen.append(b.pop())
    return len(b), b[-3:], len(c), c[-2:], seen[-4:]


print(bag_loop(400))


class Key:
    def __init__(self, target):
        self.target = target

    def __lt__(self, other):
        self.target.append(len(self.target))
        return False


def sort_appending(n):
    out = []
    for _ in range(n):
        target = Bag([1, 2])
        try:
            target.sort(key=lambda x: Key(target))
        except ValueError as e:
            out.append("ValueError: " + str(e))
        out.append(len(target))
    return out[-3:]


print(sort_appending(200))

# A list appended to while another reference reads it; nested lists.
shared = []
alias = shared
for i in range(200):
    shared.append(len(alias))
print(shared[-3:], alias is shared)
grid = [[] for _ in range(5)]
for i in range(500):
    grid[i % 5].append(grid[(i + 1) % 5][-1] if grid[(i + 1) % 5] else i)
print([g[-1] for g in grid], [len(g) for g in grid])


# Appending inside a comprehension over the list itself: it stops where
# the list ended when the iteration reached it.
def grow(l):
    for x in l:
        if x < 40:
            l.append(x + 7)
    return l


print(grow([1, 2, 3])[-5:])


# Many appends of new objects: the collector runs between them.
def churn(n):
    keep = []
    for i in range(n):
        t = [i, str(i)]
        if i % 10 == 0:
            keep.append(t)
        junk = []
        junk.append(t)
        junk.append((i, i))
        junk.pop()
    return len(keep), keep[-1]


print(churn(60000))

# Wrong arity: the real call raises, whatever the receiver.
for args in [(), (1, 2)]:
    try:
        [].append(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    [1].pop(0, 1)
except TypeError as e:
    print("TypeError:", e)


def pop_all_then_more(l, extra):
    out = []
    for _ in range(len(l) + extra):
        out.append(l.pop())
    return out


try:
    print(pop_all_then_more([1, 2, 3], 1))
except IndexError as e:
    print("IndexError:", e)

# Uncaught, for the traceback.
pop_all_then_more(list(range(300)), 1)
