# Method calls whose body only reads attributes of `self` and tests their
# truth (`return self.a or (not self.b and self.c)`, richards' TaskState),
# which compiled code runs at the call site once the site's lookup found
# the method (jit/inline.rs, gen_inline_calls.rs). Every way off the plan
# must make the real call and behave exactly as it does: attributes of
# other types than bool, int and None, a deleted or never-set attribute,
# instances whose tables are laid out otherwise, a `__dict__`, `__slots__`,
# a property or `__getattr__`, the method replaced or shadowed, a subclass
# overriding it, and an attribute no run had loaded when the caller was
# compiled.


class State:
    def __init__(self, pending, waiting, holding):
        self.pending = pending
        self.waiting = waiting
        self.holding = holding

    def holding_or_waiting(self):
        return self.holding or (not self.pending and self.waiting)

    def waiting_with_packet(self):
        return self.pending and self.waiting and not self.holding

    def raw(self):
        return self.waiting

    def negated(self):
        return not self.pending


class Task(State):
    pass


class Device(Task):
    pass


class Override(Task):
    def holding_or_waiting(self):
        return "overridden"


class Other:
    # The same method names, its attributes set in another order.
    def __init__(self, pending, waiting, holding):
        self.holding = holding
        self.waiting = waiting
        self.pending = pending

    holding_or_waiting = State.holding_or_waiting
    waiting_with_packet = State.waiting_with_packet
    raw = State.raw
    negated = State.negated


class Slotted:
    __slots__ = ("pending", "waiting", "holding")

    def __init__(self, pending, waiting, holding):
        self.pending = pending
        self.waiting = waiting
        self.holding = holding

    holding_or_waiting = State.holding_or_waiting
    waiting_with_packet = State.waiting_with_packet
    raw = State.raw
    negated = State.negated


class Lazy(State):
    def __getattr__(self, name):
        return "lazy " + name


def survey(tasks, rounds):
    """Call every getter on every task, `rounds` times: a loop hot enough
    to be compiled, with its sites' caches filled."""
    counts = [0, 0, 0, 0]
    seen = []
    for _ in range(rounds):
        for t in tasks:
            a = t.holding_or_waiting()
            b = t.waiting_with_packet()
            c = t.raw()
            d = t.negated()
            if a:
                counts[0] += 1
            if b:
                counts[1] += 1
            if c:
                counts[2] += 1
            if d:
                counts[3] += 1
            seen.append((a, b, c, d))
    return counts, seen[-len(tasks):]


def show(label, result):
    counts, last = result
    print(label, counts)
    for row in last:
        print("   ", row)


plain = [
    Task(True, False, False),
    Task(False, True, False),
    Device(False, False, True),
    Device(True, True, False),
    Task(False, False, False),
]
show("bools", survey(plain, 300))

# Ints and None as truth values; other types (str, list, float) make the
# real call, whose answer is the attribute itself.
mixed = [
    Task(1, 0, None),
    Task(0, 7, 0),
    Device(None, 2, 0),
    Task("", "yes", 0.0),
    Task([1], [], 0),
    Task(0, 1.5, None),
    Task(2**70, 0, 0),
]
show("mixed", survey(mixed, 300))

# Changes after the caller is compiled (the site keeps running compiled).
tasks = [Task(False, True, False) for _ in range(4)]


def churn(rounds):
    out = []
    for i in range(rounds):
        t = tasks[i % len(tasks)]
        try:
            out.append((t.holding_or_waiting(), t.waiting_with_packet(), t.raw(), t.negated()))
        except AttributeError as e:
            out.append(("AttributeError", str(e)))
        if i == 400:
            del tasks[1].holding
        if i == 500:
            tasks[2].__dict__["extra"] = 1
        if i == 600:
            tasks[3].waiting = None
        if i == 700:
            tasks[0].raw = lambda: "shadowed"
        if i == 800:
            State.negated = lambda self: "replaced"
    return out


seen = churn(1000)
for i in (0, 399, 401, 402, 403, 501, 502, 601, 603, 701, 704, 801, 999):
    print(i, seen[i])

show("other layouts", survey([Other(False, True, False), Task(False, True, False)], 300))
show("slots", survey([Slotted(False, True, 0), Slotted(True, True, False)], 300))
show("override", survey([Override(False, True, False), Task(True, True, False)], 300))
show("getattr", survey([Lazy(False, True, False), Lazy(True, 0, False)], 300))


class Partial:
    def __init__(self, first):
        self.first = first

    def check(self):
        # `self.second` is loaded only when `first` is false: set on the
        # late instances only.
        return self.first or self.second


def partial(rounds, late):
    got = []
    objs = [Partial(True) for _ in range(3)]
    for i in range(rounds):
        got.append(objs[i % 3].check())
        if i == late:
            p = Partial(False)
            p.second = "second"
            objs[1] = p
            q = Partial(0)
            objs[2] = q
    return got


try:
    r = partial(600, 450)
except AttributeError as e:
    print("AttributeError:", e)
r = partial(450, 449)
print(r[:3], r[-3:], len(r))


class Cell:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def total(cells, rounds):
    s = 0
    for _ in range(rounds):
        for c in cells:
            s += c.get()
    return s


print(total([Cell(k) for k in range(5)], 400))
cells = [Cell(k) for k in range(5)]
cells[3].v = 2.5
print(total(cells, 400))


def prop_late(rounds):
    out = 0
    c = Cell(1)
    for i in range(rounds):
        out += c.get()
        if i == 300:
            Cell.v = property(lambda self: 100)
    return out


print(prop_late(400))
