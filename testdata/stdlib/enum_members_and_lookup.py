# enum: members and aliases, lookup by value and name, iteration, len, in,
# reprs, auto(), IntEnum, str mixins, Flag combinations, unique, members with
# __init__ taking tuple values.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return self.name.lower()
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], list(Color), len(Color), Color.CRIMSON is Color.RED, Color.RED in Color, Color, list(Color.__members__))
print(f'{Color.RED}', format(Color.RED), str(Color.RED), Color.RED.describe(), hash(Color.RED)==hash(Color.RED), Color.RED == 1, Color.RED.value, type(Color.RED))
try: Color(7)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print(repr(e))
class N(enum.IntEnum):
    A = 1
    B = 2
print(N.A, repr(N.A), N.A + 1, N.B > N.A, N(2), N.A == 1, f'{N.B}', sorted([N.B, N.A]), isinstance(N.A, int))
class A(enum.Enum):
    X = enum.auto()
    Y = enum.auto()
print(list(A), A.Y.value)
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
print(Planet.MARS.mass, Planet.EARTH.value, Planet((6.42e23, 3.39e6)) is Planet.MARS)
class P(enum.Flag):
    R = 4
    W = 2
    X = 1
print(P.R | P.W, repr(P.R|P.W), P.R in (P.R|P.X), bool(P.R & P.W), list(P))
@enum.unique
class U(enum.Enum):
    a = 1
try:
    @enum.unique
    class U2(enum.Enum):
        a = 1
        b = 1
except ValueError as e: print(e)
class S(str, enum.Enum):
    A = 'a'
print(S.A, S.A == 'a', S('a'), repr(S.A))
class WidgetKind(enum.Enum):
    BIG = 1
    SMALL = 2
for kind in WidgetKind:
    print(kind, kind.name, kind.value, kind == WidgetKind.BIG, {kind: 1})
