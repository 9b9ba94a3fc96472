# `xs.pop(i)` in compiled code with an int index, on lists and on list
# subclasses' instances: the item at i (negative from the end) removed;
# out of range, empty, or an index of another type: the errors CPython
# raises; a subclass's own pop is called.


class Queue(list):
    pass


class Logged(list):
    def pop(self, i=-1):
        print("Logged.pop", i)
        return list.pop(self, i)


def take(xs, i):
    return xs.pop(i)


def fifo(xs):
    out = []
    while xs:
        out.append(xs.pop(0))
    return out


total = 0
for k in range(300):
    q = Queue([1, 2, 3, 4])
    total += take(q, 0) + take(q, -1) + take(q, 1)
    total += take([5, 6, 7], k % 3)
    if q != [2]:
        print("wrong queue", q)
print(total)
print(fifo(Queue("abc")), fifo([3, 2, 1]), fifo([]))

for xs, i in (([], 0), ([1], 1), ([1], -2), (Queue(), 0), (Queue([1, 2]), 5)):
    try:
        take(xs, i)
    except IndexError as e:
        print("IndexError:", e, xs)

for i in (True, False):
    print(take([10, 20, 30], i))
for i in (2 ** 70, -(2 ** 70)):
    try:
        take([1, 2], i)
    except OverflowError as e:
        print("OverflowError:", e)
try:
    take([1, 2], 1.0)
except TypeError as e:
    print("TypeError:", e)

lg = Logged([1, 2, 3])
print(take(lg, 0), lg)
Queue.pop = lambda self, i=-1: "replaced"
print(take(Queue([1]), 0))
del Queue.pop
print(take(Queue([8, 9]), 0))

# Popping while the list is being iterated.
xs = [1, 2, 3, 4, 5, 6]
seen = []
for x in xs:
    seen.append(x)
    if len(xs) > 3:
        take(xs, 0)
print(seen, xs)
