# typing.NamedTuple's class form: fields from annotations, defaults from
# their values, the class's own methods kept, the namedtuple parts added;
# CPython's TypeErrors. (jitprof once stopped here as unsupported.)
from typing import NamedTuple, Optional


class Pt(NamedTuple):
    x: int
    y: int = 0
    label: Optional[str] = None

    def norm(self):
        return abs(self.x) + abs(self.y)

    def __str__(self):
        return f"<{self.x},{self.y}>"


p = Pt(3, -4)
print(p, repr(p), p.norm(), p.x, p[1], len(p), p.label)
print(p._replace(y=9), Pt._make([1, 2, "a"]), p._asdict(), Pt._fields, Pt._field_defaults)
print(isinstance(p, tuple), p == (3, -4, None), hash(p) == hash((3, -4, None)), Pt.__match_args__)
a, b, c = p
print(a, b, c, sorted([Pt(2), Pt(1, 5), Pt(1, 2)]))
match p:
    case Pt(x, y):
        print("matched", x, y)


class Employee(NamedTuple):
    name: str
    id: int = 3


print(Employee("guido"), Employee(name="x", id=7))
try:
    Employee()
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)


class Sub(Pt):
    def double(self):
        return Pt(self.x * 2, self.y * 2)


s = Sub(1, 2)
print(s, s.double(), type(s).__name__)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
