# dataclasses: generated __init__ (defaults, default_factory, InitVar,
# init=False, __post_init__), repr, eq, order, frozen and hash rules,
# inheritance, fields/asdict/astuple/replace, and CPython's errors.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar
from typing import ClassVar, List

@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

p = Point(1)
q = Point(1, 0, [])
print(p, p == q, p != Point(2), repr(Point.__init__.__qualname__), Point.__match_args__)
print([f.name for f in fields(p)], asdict(p), astuple(Point(3, 4, ["a"])), replace(p, y=9), is_dataclass(p), is_dataclass(3))
try:
    hash(p)
except TypeError as e:
    print(e)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, [], 4)
except TypeError as e:
    print(e)
try:
    Point(1, z=3)
except TypeError as e:
    print(e)

@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    def bump(self):
        return replace(self, minor=self.minor + 1)

v = Version(1, 2)
print(v, hash(v) == hash(Version(1, 2)), sorted([Version(2), Version(1, 5), v]), v < Version(1, 3), v.bump())
try:
    v.major = 3
except FrozenInstanceError as e:
    print("frozen:", e)

@dataclass
class Base:
    a: int
    b: str = "b"

@dataclass
class Derived(Base):
    c: float = 1.5
    def __post_init__(self):
        self.total = self.a + self.c

d = Derived(1, c=2.5)
print(d, d.total, fields(Derived)[2].name)

@dataclass
class WithInit:
    x: int
    scale: InitVar[int] = 2
    y: int = field(init=False)
    secret: str = field(default="s", repr=False, compare=False)
    def __post_init__(self, scale):
        self.y = self.x * scale

w = WithInit(3, 5)
print(w, w.y, w == WithInit(3, 5))
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(e)

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
n = Node(1, [Node(2), Node(3, [Node(4)])])
print(n, asdict(n))
@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), hash(Ident(1)) != 0)
