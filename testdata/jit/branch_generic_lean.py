# Conditions and comparisons compiled code does not test inline, done by the
# interpreter's `truthy` and `compare_op` in a helper (jit/lean_branches.rs):
# `if child:` on instances and None (go's best_child), `c != d` on instances
# with and without __eq__/__ne__ (deltablue's planner), strs, lists, tuples,
# containers' truth, __bool__ and __len__ in Python (one raising), results
# that are not bools (NotImplemented, a __lt__ returning an instance), and a
# condition that changes type mid-loop.


class Node:
    def __init__(self, v):
        self.v = v


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        if self.on is None:
            raise ValueError("undecided")
        return self.on


class Weird:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Weird) and self.v % 10 == other.v % 10

    def __ne__(self, other):
        return Sized(0 if self == other else 1)  # truthy by __len__

    def __lt__(self, other):
        return NotImplemented

    def __gt__(self, other):
        if not isinstance(other, Weird):
            return NotImplemented
        return self.v > other.v


def best(children):
    best_v = -1
    chosen = None
    for c in children:
        if c and c.v > best_v:
            best_v = c.v
            chosen = c
    return chosen.v if chosen else None


kids = [Node(i) if i % 4 else None for i in range(300)]
print("best", best(kids), best([None] * 300))


def planner(items, skip):
    n = 0
    for c in items:
        if c != skip:
            n += 1
        if c == skip:
            n += 100
    return n


nodes = [Node(i) for i in range(300)]
print("identity", planner(nodes, nodes[7]))
weird = [Weird(i) for i in range(300)]
print("dunders", planner(weird, Weird(3)))
print("mixed", planner(nodes + weird + [1, 2.0, "x", None, (1,)], 2))


def truths(values):
    t = 0
    for v in values:
        if v:
            t += 1
        if not v:
            t += 1000
        while v:
            t += 10
            break
    return t


vals = [[], [1], "", "a", {}, {1: 2}, (), (0,), set(), Sized(0), Sized(3), Flag(True),
        Flag(False), 0.0, 2.5, 0, 7, None, True, range(0), range(3), b"", b"x"]
print("truths", truths(vals * 20))


def raising_bool(n):
    caught = 0
    for i in range(n):
        f = Flag(None if i % 50 == 49 else bool(i % 2))
        try:
            if f:
                caught += 0
        except ValueError as e:
            caught += 1
            msg = str(e)
    return caught, msg


print("raising", raising_bool(300))


def str_order(words):
    ordered = 0
    for i in range(len(words) - 1):
        if words[i] < words[i + 1]:
            ordered += 1
        ordered += words[i] >= words[i + 1]
    return ordered


print("strs", str_order(["b%d" % (i * 7 % 13) for i in range(300)]))


def not_comparable(n):
    msgs = set()
    for i in range(n):
        a = Weird(i) if i % 3 else i
        try:
            if a < Weird(5):
                msgs.add("lt")
        except TypeError as e:
            msgs.add(str(e))
        if Weird(i) > Weird(150):
            msgs.add("gt")
    return sorted(msgs)


print("not comparable", not_comparable(300))


def lists_and_tuples(n):
    t = 0
    for i in range(n):
        a = [i % 3, i % 5]
        b = (i % 3, i % 7) if i % 2 else [i % 3, i % 7]
        if a == b:
            t += 1
        if (i, a[0]) < (i, 2):
            t += 2
    return t


print("sequences", lists_and_tuples(300))


def uncaught(n):
    for i in range(n):
        if Flag(None if i == n - 1 else True):
            pass


uncaught(300)
