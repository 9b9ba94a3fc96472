# json with subclasses and hooks: OrderedDict, namedtuple, defaultdict,
# Counter, IntEnum keys and values, a dict subclass with its own items() and
# a list subclass with its own __iter__ (both honoured, as CPython's C
# encoder does), sort_keys errors, default= returning its argument (a
# circle) and new containers, circles without check_circular
# (RecursionError), separators, shared (not circular) lists, a default=
# that mutates what is being encoded, and hooks that allocate on every call.
import json
from collections import OrderedDict, namedtuple, defaultdict, Counter
from enum import IntEnum
class Color(IntEnum):
    RED = 1
    BLUE = 2
P = namedtuple('P', 'x y')
class D(dict):
    def items(self):
        return [('z', 26), ('a', 1)]
class L(list):
    def __iter__(self):
        return iter([99])
cases = [OrderedDict([('b', 1), ('a', 2)]), P(1, 2), defaultdict(int, a=1), Counter('aab'), [Color.RED, {Color.BLUE: 'x'}],
         D(q=1), L([1, 2]), {'k': L([3])}, {True: 1, False: 0, None: 2, 1.5: 3, -7: 4, 2**80: 5}, ('t',), [[[]], {}, [{}]]]
for c in cases:
    for ind in (None, 2):
        try:
            print(json.dumps(c, indent=ind))
        except Exception as e:
            print(type(e).__name__, e)
    try:
        print(json.dumps(c, sort_keys=True))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [{True: 1, 'a': 2}, {None: 1, 1: 2}, {(1,): 1}]:
    for ind in (None, 2):
        try:
            print(json.dumps(bad, sort_keys=True, indent=ind))
        except Exception as e:
            print(type(e).__name__, e)
class Self:
    pass
def default(o):
    return o
for ind in (None, 2):
    try:
        json.dumps([Self()], default=default, indent=ind)
    except ValueError as e:
        print(ind, e)
    try:
        json.dumps({'a': Self()}, default=lambda o: [1, {'b': o.__class__.__name__}], indent=ind)
        print(json.dumps({'a': Self()}, default=lambda o: [1, {'b': o.__class__.__name__}], indent=ind))
    except ValueError as e:
        print(ind, e)
a = [1]
a.append(a)
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print('RecursionError', e)
d = {}
d['d'] = d
try:
    json.dumps(d, check_circular=False)
except RecursionError as e:
    print('RecursionError', e)
print(json.dumps([1, 2], separators=('|', '=')), json.dumps({'a': [1, 2]}, separators=('|', '=')))
print(json.dumps({'é': 'ü', 'k\n': '\x00'}), json.dumps({'é': 'ü'}, ensure_ascii=False))
print(json.dumps([float('nan'), 1e16, 1e-5, 123.0, -0.0, 2.5e-310]))
shared = [1]
print(json.dumps([shared, shared, {'a': shared}]))
x = {'a': 1}
class Mut:
    pass
def mutate(o):
    x.clear()
    return 'm'
print(json.dumps([x, Mut(), x], default=mutate))
doc = json.dumps([{'a': [i, str(i), {'b': i * 1.5}], 'c': 'x' * (i % 5)} for i in range(300)])
out = json.loads(doc, object_hook=lambda d: {k + '!': [v, [0] * 3] for k, v in d.items()})
print(len(out), out[5])
out2 = json.loads(doc, object_pairs_hook=lambda p: tuple(p))
print(out2[7])
class O:
    def __init__(self, i): self.i = i
print(len(json.dumps([O(i) for i in range(300)], default=lambda o: {'i': o.i, 'l': [o.i] * 4, 's': str(o.i) * 3}, sort_keys=True)))
