# collections.ChainMap and functools.cmp_to_key (both written in Python).
import collections, functools
c = collections.ChainMap({'a': 1}, {'b': 2, 'a': 3})
print(c, repr(c.new_child()), c.parents, list(c), len(c), c['a'], c.get('z', 0), dict(c), c.maps)
c['z'] = 9; print(c.maps[0]); del c['z']
try: del c['b']
except KeyError as e: print(repr(e))
K = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3,1,2], key=K), K(1) < K(2), K(2) == K(2), repr(K(1))[:30], collections.ChainMap)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words, key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()) or (a > b) - (a < b))))
