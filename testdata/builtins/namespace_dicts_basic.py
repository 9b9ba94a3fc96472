# globals()/locals() at module, function and class level; type(name, bases, dict).
x = 1
g = globals()
print(type(g).__name__, g['x'], 'x' in g, '__name__' in g, g['__name__'])
g['y'] = 5
print(y)
def f(a, b=2):
    c = a + b
    l = locals()
    print(sorted(l.items()))
    l['c'] = 100
    print(c)
    return l
f(1)
print(sorted(k for k in locals().keys() if not k.startswith('__')))
import sys
print('sys' in sys.modules, type(sys.modules).__name__, sys.modules['__main__'] is sys.modules[__name__])
import math
print(sys.modules['math'] is math)
T = type('T', (object,), {'a': 1, 'm': lambda self: self.a + 1})
t = T()
print(T.__name__, t.a, t.m(), type(t).__name__, T.__mro__)
class B: 
    def hi(self): return 'hi'
U = type('U', (B,), {})
print(U().hi(), issubclass(U, B), U.__bases__)
class P:
    def __init__(self): self.q = 1; self.r = 2
print(vars(P()))
print(sorted(k for k in vars(P) if not k.startswith('__')))
import math as mm
print(vars(mm)['pi'])
def h():
    z = 3
    return vars()
print(h())
print(type('V', (), {})().__class__.__name__)
print(globals() is globals())
def outer():
    w = 1
    def inner():
        return locals()
    return inner()
print(outer())
def withfree():
    w = 1
    def inner():
        return w, locals()
    return inner()
print(withfree())
class C:
    k = 1
    print(sorted(locals().keys()))
