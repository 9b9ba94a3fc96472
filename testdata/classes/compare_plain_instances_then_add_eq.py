# Instances of classes without comparison methods compare by identity; a
# comparison method added later (to the class or a base) takes effect at once.
class Base:
    pass


class Node(Base):
    pass


a, b = Node(), Node()
print(a == a, a == b, a != b, a != a, a == None, None != a, a == 1, [1] == a)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)

Base.__eq__ = lambda self, other: "base-eq"
print(a == b, a != b)
Node.__ne__ = lambda self, other: "node-ne"
print(a == b, a != b)
del Base.__eq__
print(a == b, a != b)
Node.__lt__ = lambda self, other: True
print(a < b, b > a)


class WithPayload(list):
    pass


print(WithPayload([1]) == [1], WithPayload() != WithPayload())
