# dict.fromkeys called through a subclass made a plain dict (OrderedDict,
# defaultdict, user subclasses of dict lost their type).
from collections import OrderedDict, defaultdict, Counter


class Registry(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value if value is not None else key.upper())


od = OrderedDict.fromkeys('abcde')
od.move_to_end('a')
od.move_to_end('e', last=False)
print(type(od).__name__, list(od), od)
print(OrderedDict().fromkeys([1, 2], 0))
dd = defaultdict.fromkeys(['x', 'y'], 1)
print(type(dd).__name__, dd.default_factory, dict(dd))
r = Registry.fromkeys(['a', 'b'])
print(type(r).__name__, r, Registry.fromkeys('q', 5), Registry().fromkeys('z'))
print(dict.fromkeys('ab'), {}.fromkeys([1], [2]), type(dict.fromkeys('')).__name__)
try:
    Counter.fromkeys('abc')
except NotImplementedError as e:
    print('NotImplementedError:', e)
print(int.from_bytes(b'\x01\x00', 'big'), str.maketrans('a', 'b'), bytes.fromhex('4142'))
for _ in range(200):
    od2 = OrderedDict.fromkeys(range(3))
print(type(od2).__name__, list(od2))
