# Multiple inheritance, C3 MRO, super() in both forms, classmethod/staticmethod
# on subclasses, class attributes shadowed by instances, isinstance/issubclass.
class Base:
    kind = "base"
    def __init__(self):
        self.trail = ["Base"]
    def who(self):
        return "Base"
    @classmethod
    def create(cls):
        return cls()
    @staticmethod
    def helper(x):
        return x * 2

class Left(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Left")
    def who(self):
        return "Left>" + super().who()

class Right(Base):
    kind = "right"
    def __init__(self):
        super(Right, self).__init__()
        self.trail.append("Right")
    def who(self):
        return "Right>" + super().who()

class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail.append("Diamond")
    def who(self):
        return "Diamond>" + super().who()

d = Diamond()
print([c.__name__ for c in Diamond.__mro__])
print(d.trail, d.who(), d.kind, Diamond.kind)
print(type(Diamond.create()).__name__, Diamond.helper(21), d.helper(2))
print(isinstance(d, Left), isinstance(d, Right), isinstance(d, Base), isinstance(d, int))
print(issubclass(Diamond, Base), issubclass(Base, Diamond), issubclass(Diamond, (int, Right)))
d.kind = "mine"
print(d.kind, Diamond.kind, Right.kind)
del d.kind
print(d.kind)
Base.kind = "changed"
print(Left().kind, Right().kind, Diamond.kind)

try:
    class Bad(Left, Base, Right):
        pass
    print([c.__name__ for c in Bad.__mro__])
    class Bad2(Base, Left):
        pass
except TypeError as e:
    print("TypeError:", e)

class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        type(self).instances += 0

for _ in range(5):
    Counter()
print(Counter.instances)

class Shape:
    def area(self):
        raise NotImplementedError
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2

shapes = [Square(2), Circle(1), Square(3), Circle(0.5)]
for s in shapes:
    print(s.describe())
print(sorted(s.area() for s in shapes))
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))

class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

head = None
for i in range(5):
    head = Node(i, head)
out = []
while head:
    out.append(head.value)
    head = head.next
print(out)
try:
    Node(1).other = 2
except AttributeError as e:
    print("AttributeError:", e)
print(Diamond.__qualname__, Diamond.__module__, Diamond.__bases__)

def make_class():
    class Local:
        def method(self):
            return __class__.__name__
    return Local
L = make_class()
print(L.__qualname__, L().method(), repr(L).startswith("<class '__main__.make_class.<locals>.Local'>"))
