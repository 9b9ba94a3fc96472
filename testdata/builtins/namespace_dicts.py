# globals(), locals(), vars(), module __dict__, sys.modules and three-argument type().
import sys
def f(p, q=1, *args, **kw):
    a = 1
    def g():
        return a + p
    b = 2
    return locals()
r = f(5, 6, 7, k=8)
print(sorted(r), list(r))
def hot(n):
    s = 0
    x = 0.5
    out = None
    for i in range(n):
        s += i
        x *= 1.0001
        if i == n - 1:
            out = locals()
    return out
print(hot(3000))
def outer():
    z = 10
    y = 5
    def inner():
        t = z + y
        return locals()
    return inner()
print(outer())
try:
    type('X', 5, {})
except TypeError as e:
    print(e)
try:
    type(5, (), {})
except TypeError as e:
    print(e)
try:
    type('X', (), 5)
except TypeError as e:
    print(e)
try:
    type('X', (5,), {})
except TypeError as e:
    print(type(e).__name__)
try:
    type('a', 'b')
except TypeError as e:
    print(e)
X = type('X', (), {'__init__': lambda self, v: setattr(self, 'v', v), '__repr__': lambda self: f'X({self.v})'})
print(X(3), X.__module__, X.__qualname__, repr(X))
Y = type('Y', (X,), {'extra': 5})
print(Y(4), Y.extra, Y.__mro__)
E = type('E', (ValueError,), {})
try:
    raise E('boom')
except ValueError as e:
    print('caught', repr(e), type(e).__name__)
print(sorted(k for k in sys.modules if k in ('sys', '__main__')))
import math
print('math' in sys.modules, sys.modules['math'].pi)
g = globals()
g['newname'] = 42
print(newname)
def usesnew():
    return newname2
globals()['newname2'] = 'hi'
print(usesnew())
print('hot' in g, g is globals())
x = 1
print(vars()['x'], locals() is globals())
import math
print(len(vars(math)) > 10, vars(math)['e'] == math.e, math.__dict__ is vars(math))
class K:
    a = 1
    def m(self): pass
    names = sorted(locals())
print(K.names)
try:
    vars(5)
except TypeError as e:
    print(e)
try:
    globals(1)
except TypeError as e:
    print(e)
def gen():
    a = 1
    yield dict(locals())
    b = 2
    yield dict(locals())
print(list(gen()))
print([locals() for x in [1]][0].get('x'))
