# Calls the interpreter runs as frames of its loop or through a site cache:
# methods called with keywords (also recursively, deep enough to need
# frames rather than native re-entry), module and class attributes called
# as methods (the binding may change between calls), natives bound to a
# receiver, and the errors of each.
import math
import random
import sys


class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.hits = 0

    def find(self, update=False, *, depth=0):
        self.hits += 1
        if self.parent is None:
            return depth
        return self.parent.find(update=update, depth=depth + 1)

    def gen(self, n=2):
        for i in range(n):
            yield i

    @staticmethod
    def twice(x):
        return 2 * x

    @classmethod
    def make(cls, parent=None):
        return cls(parent)


root = Node()
leaf = root
for _ in range(600):
    leaf = Node(leaf)
print(leaf.find(update=True), root.hits)
print(leaf.find(True), leaf.find(depth=5))
print(list(leaf.gen(n=3)), list(leaf.gen()))
try:
    leaf.find(nope=1)
except TypeError as e:
    print("TypeError:", e)
try:
    leaf.find(True, update=False)
except TypeError as e:
    print("TypeError:", e)
m = leaf.find
print(m(update=False, depth=1))


class Deep:
    def down(self, n, acc=0):
        if n == 0:
            return acc
        return self.down(n=n - 1, acc=acc + 1)


sys.setrecursionlimit(200)
try:
    Deep().down(n=500)
except RecursionError:
    print("RecursionError")
sys.setrecursionlimit(1000)
print(Deep().down(n=150))

# Module attributes called as methods, through the site's cache.
total = 0.0
for i in range(5):
    total += math.sqrt(i)
    if i == 2:
        math.sqrt = lambda x: -1.0
print(total)
del math.sqrt
try:
    math.sqrt(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    math.nosuch(1)
except AttributeError as e:
    print("AttributeError:", e)
random.seed(5)
print([random.randrange(10) for _ in range(5)], round(random.random(), 6))
rnd = random.random
random.seed(5)
print(round(rnd(), 6), random.randint(1, 6), random.choice("abc"))

# Class attributes called as methods.
for i in range(3):
    print(Node.twice(i), type(Node.make()).__name__, Node.make(root).parent is root)
    if i == 1:
        Node.twice = staticmethod(lambda x: -x)
try:
    Node.nosuch()
except AttributeError as e:
    print("AttributeError:", e)
print(int.from_bytes(b"\x01\x00", "big"), str.upper("ab"), dict.fromkeys("ab", 0))


# Class methods called on the class, through the site's cache.
class Base:
    @classmethod
    def cm(cls, x, y=10):
        return (cls.__name__, x + y)

    @classmethod
    def gen(cls, n):
        yield from range(n)


class Sub(Base):
    pass


for i in range(4):
    print(Base.cm(i), Sub.cm(i, 1), list(Sub.gen(2)))
    if i == 1:
        Base.cm = classmethod(lambda cls, x, y=0: ("new", cls.__name__, x))
    if i == 2:
        Sub.cm = classmethod(lambda cls, x, y=0: ("sub", cls.__name__, x))
try:
    Base.cm()
except TypeError as e:
    print("TypeError:", e)
