# The match statement (PEP 634): literal, capture, wildcard, value, sequence
# (with stars), mapping (with **rest), class (positional via __match_args__,
# keywords, built-in classes matching themselves) and or-patterns, guards,
# the errors CPython raises while matching, and a match in a hot loop.
from collections import defaultdict, deque, OrderedDict
from dataclasses import dataclass


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


@dataclass
class Circle:
    center: Point
    r: float


def describe(v):
    match v:
        case 0 | 1:
            return "zero or one"
        case None:
            return "None"
        case True:
            return "True"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float() as num:
            return f"number {num!r}"
        case "":
            return "empty str"
        case str(s):
            return f"str {s}"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x!r}"
        case [x, y] if x == y:
            return f"pair of equal {x!r}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} rest {rest}"
        case {"type": t}:
            return f"typed {t}"
        case {}:
            return "some mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Circle(Point(x=cx, y=cy), r=radius) if radius > 10:
            return f"big circle at {cx},{cy}"
        case Circle(center=c, r=r):
            return f"circle r={r} at {c.x},{c.y}"
        case (1, 2) | (3, 4):
            return "tuple alternatives"
        case _:
            return f"something else: {type(v).__name__}"


values = [
    0, 1, None, True, False, -5, 7, 2.5, "", "hi", [], (), [9], (8,), [3, 3], [1, 2],
    [1, 2, 3, 4], (5, 6, 7), range(3), deque([1, 2, 3]),
    {"type": "user", "name": "ann", "age": 3}, {"type": "box"}, {"other": 1},
    defaultdict(int), OrderedDict(type="od"),
    Point(0, 0), Point(0, 5), Point(4, 0), Point(1, 1),
    Circle(Point(1, 2), 20), Circle(Point(3, 4), 1),
    "x" * 3, b"bytes", {1, 2}, object,
]
for v in values:
    print(describe(v))

dd = defaultdict(list)
match dd:
    case {"missing": _}:
        print("matched missing?")
    case _:
        print("no key", dict(dd))

match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)

match {"a": 1, "b": 2}:
    case {"a": 1, **others}:
        print(others)


class NoArgs:
    pass


def describe2(v):
    match v:
        case NoArgs(1):
            return "?"


def describe3(v):
    match v:
        case int(1, 2):
            return "?"




for bad in [lambda: describe2(NoArgs()), lambda: describe3(5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)



def capture_scope():
    match (1, 2):
        case (a, b):
            pass
    return a, b


print(capture_scope())
total = 0
for i in range(1000):
    match i % 4:
        case 0:
            total += 1
        case 1 | 2:
            total += 10
        case n:
            total += n
print(total)


class Keys:
    @property
    def k(self):
        print("key looked up once")
        return "k"


keys = Keys()
match {"k": 1, "z": 2}:
    case {keys.k: v, **rest}:
        print(v, rest)
