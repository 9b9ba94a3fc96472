# Numeric special methods as attributes of int, bool, float and str:
# explicit calls, NotImplemented for foreign operands, super() in an int
# subclass, total_ordering on an int subclass.
print((5).__index__(), int.__add__(2, 3), float.__mul__(2.0, 3), (2.5).__round__(), int.__eq__(1, 1))
print((3).__neg__(), str.__add__("a", "b"), bool.__and__(True, False), int.__add__(1, 2.0))
print((5).__hash__(), (5).__repr__(), True.__repr__(), int.__repr__(True), int.__and__(True, True))
print('a'.__eq__('a'), 'a'.__lt__('b'), 'ab'.__str__(), 'a'.__mul__(3), '%d'.__mod__(3), 'a'.__eq__(1))
print(int.__eq__(1, 1.0), float.__eq__(1.0, 1), (1.5).__lt__(2), (2.5).__int__(), (5).__float__())
print((2.7).__floor__(), (2.2).__ceil__(), (-2.7).__trunc__(), (7).__divmod__(2), (7).__rsub__(10))
print(int.__pow__(2, 10, 1000), (2).__pow__(0.5), (2.0).__rpow__(3), (-5).__abs__(), (5).__invert__())
print((0).__bool__(), (1.25).__round__(1), (1234).__round__(-2), (3).__rtruediv__(1))
class MyInt(int):
    def __add__(self, o):
        return MyInt(super().__add__(o) * 10)
    def __repr__(self):
        return 'MyInt(' + super().__repr__() + ')'
m = MyInt(4)
print(m + 1, repr(m), m.__sub__(1), m.__hash__(), m.__eq__(4), super(MyInt, m).__eq__(4))
print(hasattr(int, '__add__'), hasattr(float, '__and__'), hasattr(1.0, '__index__'), hasattr(str, '__sub__'))
print(int.__add__(1, 'x'), float.__add__(1.0, 'x'), str.__eq__('a', 2), int.__lt__(1, 2.0))
import functools
@functools.total_ordering
class V(int):
    pass
print(V(3) < V(4), sorted([V(3), V(1)]))
for f in (int.__add__, int.__mul__, int.__floordiv__):
    print(f(6, 3))
try:
    int.__add__('a', 1)
except TypeError as e:
    print(e)
try:
    str.__add__('a', 1)
except TypeError as e:
    print(e)
try:
    (1).__add__()
except TypeError as e:
    print(e)
print(list(map(int.__neg__, [1, 2])), sum(map(float.__float__, [1.5])))
print(type(True.__and__(True)), type(True.__add__(True)), True.__or__(0))
class Money(float):
    def __add__(self, o):
        r = super().__add__(o)
        return r if r is NotImplemented else Money(r)
    def __radd__(self, o):
        return self.__add__(o)
print(Money(1.5) + 2, 2 + Money(1.5), sum([Money(1.0), Money(2.5)]), Money(1.0).__add__('x'))
print(float.__repr__(Money(2.0)), int.__str__(7), type(int.__index__(True)))
