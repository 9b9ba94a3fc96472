# Methods that store constants or their arguments into attributes of
# `self` and return (richards' `TaskState.running`: three stores and
# `return self`), or compare ints into a bool, which compiled code runs at
# the call site (jit/inline.rs): the stores are checked where the body
# makes them and written when it returns. Every way off the plan (another
# layout, a deleted attribute, a `__dict__`, `__setattr__` or a property
# defined later, `__slots__`, a subclass overriding the method) must make
# the real call and leave the instance exactly as it does.


class State:
    def __init__(self):
        self.pending = True
        self.waiting = False
        self.holding = False
        self.value = 0

    def running(self):
        self.pending = False
        self.waiting = False
        self.holding = False
        return self

    def waiting_with_packet(self):
        self.pending = True
        self.waiting = True
        self.holding = False
        return self

    def wait(self):
        self.waiting = True

    def put(self, v):
        self.value = v
        return v

    def swap(self, a, b):
        self.pending = b
        self.waiting = a
        return None

    def positive(self, k):
        return k > 0

    def between(self, k, lo):
        if k >= lo:
            return k < 100
        return False


class Task(State):
    pass


class Loud(Task):
    def running(self):
        self.pending = "loud"
        return self


def snapshot(s):
    return (s.pending, s.waiting, s.holding, s.value)


def drive(objs, rounds):
    tally = 0
    for i in range(rounds):
        s = objs[i % len(objs)]
        r = s.running()
        if r is s:
            tally += 1
        s.wait()
        if s.waiting:
            tally += 2
        r = s.waiting_with_packet()
        tally += s.put(i % 7)
        s.swap(i, [i])
        if s.positive(i - rounds // 2):
            tally += 3
        if s.between(i % 150, 10):
            tally += 5
    return tally


objs = [State(), Task(), Task()]
print("plain", drive(objs, 400), [snapshot(o) for o in objs])

objs = [Loud(), Task()]
print("override", drive(objs, 400), [snapshot(o) for o in objs])

# Values of every kind stored from the arguments.
s = Task()
kinds = [None, 1.5, "str", (1, 2), [3], 2**80, -7, True, s]
same = 0
for i in range(300):
    k = kinds[i % len(kinds)]
    if s.put(k) is k and s.value is k:
        same += 1
print("kinds", same, s.value is s, [type(k).__name__ for k in kinds])


def churn(rounds):
    objs = [Task() for _ in range(4)]
    out = []
    for i in range(rounds):
        o = objs[i % 4]
        try:
            o.running()
            o.put(i)
            out.append(snapshot(o))
        except AttributeError as e:
            out.append(("AttributeError", str(e)))
        if i == 200:
            del objs[1].holding
        if i == 300:
            objs[2].__dict__["extra"] = 1
        if i == 400:
            def setattr_(self, name, v):
                object.__setattr__(self, name, ("set", v))
            Task.__setattr__ = setattr_
        if i == 500:
            del Task.__setattr__
        if i == 600:
            State.value = property(lambda self: "prop", lambda self, v: None)
        if i == 700:
            del State.value
            objs[3] = Task()
    return out, [sorted(vars(o).items(), key=str) for o in objs]


out, final = churn(800)
for i in (0, 199, 201, 205, 301, 302, 401, 402, 501, 502, 601, 602, 701, 799):
    print(i, out[i])
for f in final:
    print("   ", f)


class Slotted:
    __slots__ = ("pending", "waiting", "holding", "value")

    def __init__(self):
        self.pending = True
        self.waiting = False
        self.holding = False
        self.value = 0

    running = State.running
    put = State.put


def slots(rounds):
    s = Slotted()
    t = 0
    for i in range(rounds):
        s.running()
        t += s.put(i)
    return t, s.pending, s.value


print("slots", slots(300))
