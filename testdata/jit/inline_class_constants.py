# Methods that compare an attribute of `self` with a class constant a
# global holds (deltablue's `if self.direction == Direction.FORWARD: return
# self.v1`), return a constant, or do nothing, which compiled code runs at
# the call site (jit/inline.rs). The class constant is taken from the
# callee's cache while the global holds the class and the class keeps its
# version; the attribute must be an int to be compared there. Every way off
# the plan (another type, the constant changed, the global rebound or
# deleted) must make the real call and behave exactly as it does.


class Direction:
    NONE = 0
    FORWARD = 1
    BACKWARD = -1


class Constraint:
    def __init__(self, direction, v1, v2):
        self.direction = direction
        self.v1 = v1
        self.v2 = v2

    def input(self):
        if self.direction == Direction.FORWARD:
            return self.v1
        return self.v2

    def output(self):
        if self.direction == Direction.FORWARD:
            return self.v2
        return self.v1

    def backward(self):
        if self.direction < Direction.NONE:
            return "back"
        return "not back"

    def execute(self):
        pass

    def inputs_known(self):
        return True

    def nothing(self):
        return None

    def unset(self):
        if self.direction:
            return False
        return True


def backward(c):
    try:
        return c.backward()
    except TypeError as e:
        return "TypeError: " + str(e)


def run(cs, rounds):
    out = []
    for _ in range(rounds):
        row = []
        for c in cs:
            row.append((c.input(), c.output(), backward(c), c.execute(),
                        c.inputs_known(), c.nothing(), c.unset()))
        out.append(row)
    return out


def show(label, rows):
    print(label, len(rows))
    for r in rows[-1]:
        print("   ", r)


cs = [
    Constraint(Direction.FORWARD, "a1", "a2"),
    Constraint(Direction.BACKWARD, "b1", "b2"),
    Constraint(Direction.NONE, "c1", "c2"),
]
show("ints", run(cs, 300))

# Directions of other types: equal to 1 or not, as Python says.
odd = [
    Constraint(1.0, "f1", "f2"),
    Constraint(True, "t1", "t2"),
    Constraint(None, "n1", "n2"),
    Constraint("1", "s1", "s2"),
    Constraint(2**64 + 1, "g1", "g2"),
    Constraint(-(2**70), "h1", "h2"),
    Constraint(Direction.FORWARD, [1], (2,)),
]
show("others", run(odd, 300))


def churn(rounds):
    global Direction
    seen = []
    c = Constraint(1, "x1", "x2")
    d = Constraint(-1, "y1", "y2")
    for i in range(rounds):
        try:
            seen.append((c.input(), d.input(), c.backward(), d.backward()))
        except NameError as e:
            seen.append(("NameError", str(e)))
        if i == 300:
            Direction.FORWARD = -1
        if i == 400:
            Direction.FORWARD = 1
            Direction.NONE = -5
        if i == 500:

            class Direction:
                NONE = 0
                FORWARD = -1

        if i == 600:
            del Direction
        if i == 700:

            class Direction:
                NONE = 0
                FORWARD = 1

        if i == 800:
            Direction.FORWARD = 1.0
        if i == 900:
            c.direction = 1.0
    return seen


seen = churn(1000)
for i in (0, 300, 301, 400, 401, 500, 501, 600, 601, 700, 701, 800, 801, 900, 901, 999):
    print(i, seen[i])
