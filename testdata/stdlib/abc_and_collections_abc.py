# abc and collections.abc: abstract methods (and abstract properties) stop
# instantiation with CPython's message, register(), isinstance through
# __subclasshook__ and the built-in registrations, and the mixin methods of
# Mapping, MutableMapping, MutableSequence and Set subclasses.
import abc
from collections.abc import *
import collections.abc as m
print(repr(m.Mapping), m.Mapping.__module__, m.Iterable[int])
class My(m.Mapping):
    def __init__(s,d): s.d=d
    def __getitem__(s,k): return s.d[k]
    def __iter__(s): return iter(s.d)
    def __len__(s): return len(s.d)
x=My({'a':1})
print(x.get('a'), 'a' in x, list(x.items()), x == {'a':1}, isinstance(x, m.Mapping), isinstance({}, m.MutableMapping), isinstance(x, m.MutableMapping))
try: m.Mapping()
except TypeError as e: print(e)
class Bad(m.Mapping): pass
try: Bad()
except TypeError as e: print(e)
print(isinstance(iter([]), m.Iterator), isinstance((x for x in []), m.Generator), isinstance(len, m.Callable), isinstance([], m.Hashable), isinstance('', m.Sequence), isinstance(b'', m.ByteString))
print(isinstance([], Iterable), isinstance(3, Iterable), issubclass(dict, Iterable), isinstance({}, Sized), isinstance([], MutableSequence), isinstance((), MutableSequence), isinstance(frozenset(), Set), isinstance(set(), MutableSet), isinstance({}.keys(), KeysView))
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
    @property
    @abc.abstractmethod
    def p(self): ...
class B(A):
    def f(self): return 1
try: B()
except TypeError as e: print(e)
try: A()
except TypeError as e: print(e)
class C(B):
    p = 3
print(C().f(), C.__mro__, repr(abc.ABC))
print(A.register(int), isinstance(3, A), issubclass(bool, A), isinstance("s", A))
class Bag(MutableSequence):
    def __init__(self): self.items = []
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def __len__(self): return len(self.items)
    def insert(self, i, v): self.items.insert(i, v)
b = Bag(); b.append(3); b.extend([1, 2]); b += [9]; b.reverse()
print(list(b), b.index(1), b.count(3), 9 in b, list(reversed(b)), b.pop(), len(b))
class D(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
d = D(); d.update({'x': 1}, y=2); d.setdefault('z', 3)
print(sorted(d.items()), d.pop('x'), d.pop('q', 'dflt'), sorted(d.keys()), list(d.values()), d.popitem(), len(d))
class S(Set):
    def __init__(self, it=()): self.s = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
s1, s2 = S([1, 2, 3]), S([2, 3, 4])
print(sorted(s1 & s2), sorted(s1 | s2), sorted(s1 - s2), sorted(s1 ^ s2), s1 <= S([1,2,3,4]), s1 == S([3,2,1]), s1.isdisjoint([7]))
