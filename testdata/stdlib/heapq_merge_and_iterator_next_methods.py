# heapq.merge was missing, and built-in iterators (list_iterator, zip, map,
# range_iterator, itertools.count, ...) had no __next__/__iter__ methods.
import heapq
import itertools

it = iter([1, 2, 3])
print(it.__next__(), next(it), it.__iter__() is it, list(it))
try:
    it.__next__()
except StopIteration as e:
    print('StopIteration', e.args)
print(iter(range(3)).__next__(), zip('ab', 'cd').__next__(), map(abs, [-4]).__next__())
print(enumerate('z').__next__(), iter({'k': 1}).__next__(), itertools.count(7).__next__())
step = iter('xyz').__next__
print(step(), step(), step())


class Evens:
    def __init__(self, limit):
        self.i = 0
        self.limit = limit

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 2
        if self.i > self.limit:
            raise StopIteration
        return self.i


def squares():
    yield from (1, 4, 9)


print(list(heapq.merge([1, 3, 5], [2, 4, 6], [0, 7])))
print(list(heapq.merge([1, 3], squares(), Evens(8), iter((2.5,)))))
print(list(heapq.merge(['a', 'bbb'], ['cc', 'dddd'], key=len)))
print(list(heapq.merge([5, 3, 1], [4, 2], reverse=True)))
print(list(heapq.merge([(1, 'b'), (2, 'a')], [(1, 'a')], key=lambda t: t[0])))
print(list(heapq.merge([9, 1], [8, 2], key=lambda v: -v, reverse=True)))
print(list(heapq.merge()), list(heapq.merge([1])), list(heapq.merge([], [2], key=str)))
m = heapq.merge([1], [2])
print(type(m).__name__, next(m), next(m))
total = 0
for _ in range(100):
    for v in heapq.merge(range(0, 30, 3), range(1, 30, 2)):
        total += v
print(total)
