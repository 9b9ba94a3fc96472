# Special methods of built-in containers reached as attributes: unbound on
# the type, bound on a value, through super() in subclasses, and as
# functions passed around. Regression: these raised AttributeError.

l = [3, 1, 2]
print(list.__getitem__(l, 0), list.__len__(l), l.__len__(), l.__getitem__(-1))
l.__setitem__(0, 9)
list.__delitem__(l, 1)
print(l, l.__contains__(9), list.__contains__(l, 5))
print(list(l.__iter__()), list(map(list.__len__, [[1], [1, 2], []])))
print(tuple.__getitem__((4, 5, 6), 1), (1, 2).__len__(), 'abc'.__getitem__(1), 'abc'.__len__())
print(str.__contains__('hello', 'ell'), range(10).__getitem__(3), range(5).__len__())
print({1, 2}.__contains__(2), frozenset([1]).__len__(), b'xy'.__getitem__(0))
d = {'a': 1}
d.__setitem__('b', 2)
print(dict.__getitem__(d, 'b'), d.__len__(), d.__contains__('a'), sorted(d.__iter__()))
dict.__delitem__(d, 'a')
print(d)
print(sorted(['ccc', 'a', 'bb'], key=str.__len__))


class Doubling(list):
    def __getitem__(self, i):
        return super().__getitem__(i) * 2

    def __setitem__(self, i, v):
        super().__setitem__(i, v + 100)

    def __len__(self):
        return super().__len__() + 1000


x = Doubling([1, 2, 3])
x[0] = 5
print(x[0], x[2], len(x), list.__getitem__(x, 0), list.__len__(x), x.__getitem__(1))


class Counting(dict):
    def __missing__(self, key):
        return 'missing ' + str(key)

    def __getitem__(self, key):
        return ('got', super().__getitem__(key))

    def __contains__(self, key):
        return super().__contains__(key) or key == 'always'


c = Counting(a=1)
print(c['a'], c['zz'], 'a' in c, 'always' in c, 'b' in c, dict.__getitem__(c, 'q'))


class Plain(dict):
    pass


p = Plain(k=1)
print(p.__getitem__('k'), p.__len__(), hasattr(p, '__len__'), hasattr(3, '__len__'))

for bad in [lambda: list.__getitem__('abc', 0),
            lambda: [].__getitem__(0),
            lambda: [1].__getitem__(),
            lambda: (1,).__setitem__(0, 1),
            lambda: {1}.__getitem__(0),
            lambda: {}.__getitem__('nope'),
            lambda: list.__len__()]:
    try:
        print(bad())
    except (TypeError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)

for bad in [lambda: [].__setitem__(1), lambda: [].__len__(1), lambda: [].__contains__(),
            lambda: [].__iter__(2), lambda: [].__delitem__(), lambda: list.__getitem__(),
            lambda: [].__getitem__(x=1), lambda: [].__len__(x=1), lambda: list.__len__('x'),
            lambda: dict.__contains__([], 1), lambda: tuple.__getitem__([], 0),
            lambda: dict.__getitem__({}), lambda: set.__contains__({1})]:
    try:
        print(bad())
    except TypeError as e:
        print(e)
