# vars() and __dict__ of an instance of a subclass of a __slots__ class
# list only the dict part, never the slots.
class A:
    __slots__ = ('x', 'y')
class B(A):
    pass
b = B()
b.x = 1
b.z = 3
print(vars(b), b.__dict__)
b.y = 2
print(b.x, b.y, b.z, vars(b))
b.__dict__['w'] = 4
print(b.w, sorted(vars(b)))
del b.x
print(hasattr(b, 'x'), getattr(b, 'y'))
b.x = 10
print(b.x, vars(b))
class C(B):
    __slots__ = ('q',)
c = C()
c.q = 1; c.x = 2; c.k = 3
print(vars(c), c.q, c.x, c.k)
