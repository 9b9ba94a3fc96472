# The operators of list, tuple, set, frozenset, dict and bytes as methods:
# list.__add__, set.__and__, dict.__or__ and friends, in-place ones that
# return self, NotImplemented for operands of another type, the sequences
# raising as CPython does, subclasses calling them through super(); and
# dict |= taking any iterable of pairs, as dict.update does.
class L(list):
    def __add__(self, other):
        return L(list.__add__(self, other))
    def __iadd__(self, other):
        print("iadd", other)
        return super().__iadd__(other)
class S(set):
    pass
def show(f, *a):
    try:
        r = f(*a)
        print(type(r).__name__, r if r is not NotImplemented else "NotImplemented")
    except TypeError as e:
        print("TypeError", e)
show(list.__add__, [1], [2])
show(list.__add__, [1], (2,))
show(list.__add__, [1], 1)
show(list.__mul__, [1], 3)
show(list.__mul__, [1], "a")
show(list.__rmul__, [1, 2], 2)
x = [1]
print(list.__iadd__(x, (2, 3)) is x, x)
print(list.__imul__(x, 2) is x, x)
show(list.__iadd__, [1], 5)
show(list.__lt__, [1], [2])
show(list.__lt__, [1], (2,))
show(list.__eq__, [1], [1])
show(list.__eq__, [1], (1,))
show(list.__ge__, [3], [2, 9])
show(list.__add__, (1,), [2])
show(tuple.__add__, (1,), (2,))
show(tuple.__add__, (1,), [2])
show(tuple.__mul__, (1, 2), 2)
show(tuple.__lt__, (1,), (1, 0))
show(tuple.__le__, (1,), [1])
show(set.__and__, {1, 2}, {2, 3})
show(set.__and__, {1, 2}, [2])
show(set.__or__, {1}, frozenset({2}))
show(frozenset.__or__, frozenset({1}), {2})
show(set.__sub__, {1, 2}, {2})
show(set.__rsub__, {1, 2}, {2, 5})
show(set.__xor__, {1, 2}, {2, 3})
show(set.__le__, {1}, {1, 2})
show(set.__lt__, {1}, [1, 2])
s = {1, 2}
print(set.__iand__(s, {2}) is s, s)
print(set.__ior__(s, {7}) is s, sorted(s))
show(set.__ior__, s, [1])
show(dict.__or__, {1: 2}, {3: 4})
show(dict.__or__, {1: 2}, [(3, 4)])
show(dict.__ror__, {1: 2}, {1: 5, 3: 4})
d = {1: 2}
print(dict.__ior__(d, [(3, 4)]) is d, d)
show(dict.__lt__, {}, {})
show(dict.__eq__, {1: 2}, {1: 2})
show(dict.__eq__, {1: 2}, [])
show(bytes.__add__, b"a", b"b")
show(bytes.__add__, b"a", 1)
show(bytes.__mul__, b"ab", 2)
show(bytes.__lt__, b"a", b"b")
show(str.__rmod__, "x", "%s!")
show(str.__rmod__, "x", 5)
l = L([1, 2])
l2 = l + [3]
print(type(l2).__name__, l2)
l += [4]
print(type(l).__name__, l)
t = S({1}) | S({2})
print(type(t).__name__, sorted(t), sorted(set.__or__(S({1}), {3})))
show(list.__add__, 1, [2])
show(set.__and__, [1], {1})
show(list.__lt__, [1])
print(list.__add__.__name__, set.__and__.__name__, [].__add__([1]), {1}.__and__({1}))
print(repr(list.__add__), repr(dict.__or__))
d = {}
d |= [("k", 1)]
d |= {"j": 2}.items()
print(d)
try:
    d |= 5
except TypeError as e:
    print("TypeError", e)
try:
    d |= [1]
except TypeError as e:
    print("TypeError", e)
