from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
import collections


def show(f):
    try:
        print(f())
    except (KeyError, IndexError, ValueError, TypeError, RuntimeError, AttributeError) as e:
        print(type(e).__name__, e)


# ---------------------------------------------------------------- deque
print(repr(deque), deque.__name__, deque.__module__)
d = deque([1, 2, 3])
print(d, len(d), bool(d), bool(deque()))
d.append(4)
d.appendleft(0)
print(d, d[0], d[-1], d[2], d[-2])
print(d.pop(), d.popleft(), d)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d)
d.rotate()
print(d)
d.rotate(-3)
print(d)
d.rotate(10)
print(d)
print(d.count(5), d.count(99), d.index(5), 3 in d, 42 in d)
print(d.index(1, 2), d.index(1, -6))
d.remove(5)
print(d)
d.insert(1, 'x')
d.insert(-1, 'y')
d.insert(100, 'z')
d.insert(-100, 'a')
print(d)
d.reverse()
print(d)
c = d.copy()
c.append('new')
print(d == c, d != c, d == d.copy(), len(c))
d[0] = 'first'
d[-1] = 'last'
del d[1]
print(d)
print(list(d), list(reversed(d)), [x for x in d])
d.clear()
print(d, len(d), d.maxlen)
show(lambda: d.pop())
show(lambda: d.popleft())
show(lambda: d[0])
show(lambda: deque([1])[5])
show(lambda: deque([1])[-2])
show(lambda: deque([1, 2]).index(7))
show(lambda: deque([1, 2]).remove(7))
show(lambda: deque([1])['a'])
show(lambda: deque(5))
show(lambda: deque([], -1))
show(lambda: hash(deque()))

m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(10)
print(m)
m.appendleft(20)
print(m)
m.extend([7, 8])
print(m)
m.extendleft([1, 2, 3, 4])
print(m)
show(lambda: m.insert(0, 99))
print(deque(maxlen=0), deque([1, 2], maxlen=0), deque('abc', 2))
print(deque([1, 2]) + deque([3]), deque([1, 2], maxlen=2) + deque([3]))
show(lambda: deque([1]) + [2])
print(deque([1, 2]) * 2, deque([1, 2], 3) * 3)
e = deque([1])
e += [2, 3]
print(e)
e *= 2
print(e)
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1, 2]), deque([2]) > deque([1, 9]))
print(deque([1, 2]) == [1, 2], deque() == deque(), deque([1, [2]]) == deque([1, [2]]))
print(deque(['a', 'b']), deque([(1, 2), 'x', None]), deque([deque([1])]))

# mutation during iteration
d = deque([1, 2, 3])
try:
    for x in d:
        print('it', x)
        d.append(x)
except RuntimeError as ex:
    print('RuntimeError', ex)
d = deque([1, 2, 3])
try:
    for x in d:
        d.popleft()
except RuntimeError as ex:
    print('RuntimeError', ex)
d = deque([1, 2, 3])
for x in d:
    d[0] = 9
print(d)
it = iter(deque([1, 2]))
print(next(it), next(it), next(it, 'done'))


class MyDeque(deque):
    def total(self):
        return sum(self)


md = MyDeque([1, 2, 3], maxlen=5)
md.append(4)
print(md, md.total(), isinstance(md, deque), type(md).__name__, md.maxlen)
print(md.copy(), type(md.copy()).__name__)


class LoggingDeque(deque):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag

    def append(self, x):
        print('append', x)
        super().append(x)


ld = LoggingDeque([1], 'T')
ld.append(2)
print(ld, ld.tag, len(ld))

# ---------------------------------------------------------------- defaultdict
dd = defaultdict(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b'].append(3)
print(dd)
print(dd['a'], len(dd), 'c' in dd, dd.get('c'), 'c' in dd)
dd['c']
print(dd, sorted(dd), list(dd.items()))
print(dd.default_factory, isinstance(dd, dict), type(dd).__name__)
cnt = defaultdict(int)
for w in 'the cat and the hat'.split():
    cnt[w] += 1
print(cnt, dict(cnt))
none = defaultdict()
print(none, none.default_factory)
show(lambda: none['missing'])
show(lambda: defaultdict(5))
dd2 = defaultdict(lambda: 'dflt', {'x': 1}, y=2)
print(dd2['x'], dd2['y'], dd2['z'], len(dd2))
print(repr(dd2).startswith("defaultdict(<function <lambda> at"))
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 1
nested['a']['c'] += 2
print(nested['a'], dict(nested['a']))
cp = cnt.copy()
cp['new'] += 5
print(type(cp).__name__, cp.default_factory, len(cp), len(cnt))
dd3 = defaultdict(set)
dd3[1].add('x')
print(dd3, dd3 == {1: {'x'}})
cnt.default_factory = list
cnt['lst'].append(0)
print(cnt['lst'], cnt.default_factory)
print(dd.pop('a'), dd.setdefault('q', 5), dd)
print(defaultdict(list, [('k', [1])]))


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree()
t['a']['b']['c'] = 1
print(type(t['a']).__name__, t['a']['b']['c'], len(t))

# ---------------------------------------------------------------- Counter
c = Counter('abracadabra')
print(c)
print(c['a'], c['z'], 'z' in c, len(c))
print(c.most_common(), c.most_common(2), c.most_common(0))
print(sorted(c.elements()), list(Counter(a=2, b=1).elements()))
c.update('aaz')
print(c)
c.update({'b': 10})
print(c)
c.subtract('aaaaaa')
print(c)
c.subtract({'z': 5})
print(c, c.total())
print(Counter({'x': 3, 'y': 1}), Counter(x=1, y=2), Counter(), Counter([1, 1, 2]))
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b)
print(a - b)
print(a | b)
print(a & b)
print(+Counter(a=2, b=-1), -Counter(a=2, b=-1))
print(a == Counter(a=3, b=1), a == {'a': 3, 'b': 1, 'c': 0}, a != b)
print(Counter(a=1) <= Counter(a=2), Counter(a=3) < Counter(a=3), Counter(a=3, b=1) >= Counter(a=3))
ties = Counter('cbaabc')
print(ties.most_common(), ties)
ties2 = Counter(['z', 'y', 'x', 'y', 'z', 'w'])
print(ties2.most_common(2), ties2)
del c['z']
del c['nonexistent']
print(c)
cc = c.copy()
cc['q'] += 1
print(type(cc).__name__, cc['q'], c['q'], 'q' in c)
print(sum(Counter('hello').values()), sorted(Counter('hello').keys()))
words = 'a b c a b a'.split()
print(Counter(words).most_common(1)[0])
print(isinstance(c, dict), isinstance(c, Counter), repr(Counter))
show(lambda: Counter(5))
c2 = Counter()
c2['x'] += 1
c2['y'] -= 1
print(c2, +c2)
print(Counter({'a': 1.5, 'b': 2}))


class MyCounter(Counter):
    def top(self):
        return self.most_common(1)[0][0]


mc = MyCounter('mississippi')
print(mc, mc.top(), type(mc + mc).__name__)

# ---------------------------------------------------------------- OrderedDict
od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od)
od.move_to_end('b')
print(od)
od.move_to_end('c', last=False)
print(od, list(od), list(od.keys()))
print(od.popitem(), od)
print(od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([('x', 1), ('y', 2)]), OrderedDict(a=1))
show(lambda: od.move_to_end('zz'))
show(lambda: OrderedDict().popitem())
o1 = OrderedDict([('a', 1), ('b', 2)])
o2 = OrderedDict([('b', 2), ('a', 1)])
print(o1 == o2, o1 == dict(o2), dict(o1) == o2, o1 != o2)
o3 = o1.copy()
o3['z'] = 0
print(o3, type(o3).__name__, len(o1))
print(o1['a'], o1.get('q'), 'a' in o1, isinstance(o1, dict))
show(lambda: o1['missing'])
o1.update({'c': 3})
print(o1, dict(o1))

# ---------------------------------------------------------------- namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p))
x, y = p
print(x, y, list(p), tuple(p))
print(p == (1, 2), p == Point(1, 2), p != Point(2, 1), p < Point(1, 3), hash(p) == hash((1, 2)))
print(isinstance(p, tuple), isinstance(p, Point), repr(Point), Point.__name__)
print(Point._fields, p._asdict(), p._replace(x=10), Point._make([5, 6]))
print(Point(y=4, x=3), p + (3,), p * 2, p.count(1), p.index(2))
print({p: 'pt'}[Point(1, 2)], sorted([Point(2, 1), Point(1, 5)]))
P3 = namedtuple('P3', 'a b c', defaults=[2, 3])
print(P3(1), P3(1, 5), P3._field_defaults, P3(a=0, c=9))
P4 = namedtuple('P4', 'a, b')
print(P4(1, 2), P4._fields)
R = namedtuple('R', ['ok', 'def', 'ok', '_x', '1a'], rename=True)
print(R._fields)
show(lambda: Point(1))
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, z=2))
show(lambda: Point(1, x=2))
show(lambda: p._replace(z=1))
show(lambda: Point._make([1]))
show(lambda: namedtuple('Bad', ['a', 'a']))
show(lambda: namedtuple('Bad', ['_a']))
show(lambda: namedtuple('Bad', ['class']))
show(lambda: namedtuple('Bad', ['1x']))
show(lambda: namedtuple('Bad name', ['x']))
show(lambda: namedtuple('Bad', 'a b', defaults=[1, 2, 3]))
show(lambda: p[5])


class Vec(namedtuple('Vec', 'x y')):
    __slots__ = ()

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def norm2(self):
        return self.x * self.x + self.y * self.y

    @property
    def swapped(self):
        return Vec(self.y, self.x)


v = Vec(3, 4)
print(v, v.norm2(), v + Vec(1, 1), v.swapped, isinstance(v, tuple), len(v))
print(v._replace(y=0), Vec._make((7, 8)), type(Vec._make((7, 8))).__name__, v._asdict())
print(Vec.__mro__[1].__name__, Vec.__bases__[0]._fields)
Employee = namedtuple('Employee', 'name dept salary')
staff = [Employee('ann', 'eng', 10), Employee('bob', 'ops', 7), Employee('cy', 'eng', 8)]
by_dept = defaultdict(list)
for s in staff:
    by_dept[s.dept].append(s.name)
print(by_dept)
print(Counter(s.dept for s in staff).most_common())
print(max(staff, key=lambda s: s.salary).name, sorted(staff, key=lambda s: s.salary)[0])
q = deque(staff)
q.rotate(1)
print(q[0].name, [e.name for e in q])
print(collections.Counter('aab') == Counter('aba'))

# ---------------------------------------------------------------- more
pt = Point(1, [2])
try:
    pt.z = 3
except AttributeError as e:
    print('AttributeError', e)
try:
    pt.x = 3
except AttributeError as e:
    print('AttributeError', e)
pt.y.append(3)
print(pt, Point.__doc__, Point.__module__, pt._fields)
od = OrderedDict(a=1, b=2)
print(list(reversed(od)), od | {'c': 3}, {'z': 0} | od, type(od | {}).__name__)
od |= {'d': 4}
print(od)
dd = defaultdict(int, a=1)
print(dd | {'b': 2}, dd.__missing__('zz'), dd, list(reversed(dd)))
print(list(reversed(Counter('abc'))))
q = deque()
q.append((0, 0))
seen = {(0, 0)}
steps = 0
while q:
    x, y = q.popleft()
    steps += 1
    for nx, ny in ((x + 1, y), (x, y + 1)):
        if nx < 30 and ny < 30 and (nx, ny) not in seen:
            seen.add((nx, ny))
            q.append((nx, ny))
print(steps, len(seen))


def make():
    T = namedtuple('T', 'a b c')
    return [T(i, i * 2, i * 3) for i in range(100)]


tot = 0
for _ in range(30):
    for t in make():
        tot += t.a + t.b + t.c
print(tot)
cnt = Counter()
for i in range(2000):
    cnt[i % 7] += 1
print(cnt.most_common(3), cnt.total())


class Node(namedtuple('Node', ['val', 'children'], defaults=[()])):
    def __repr__(self):
        return f'Node<{self.val}>'


n = Node(1)
print(n, n.children, Node(2, (n,)).children, str(n), [n])
window = deque(maxlen=3)
avgs = []
for v in [1, 2, 3, 4, 5, 6]:
    window.append(v)
    avgs.append(sum(window) / len(window))
print(avgs)
