import bisect
import heapq

a = [1, 2, 2, 2, 3, 5, 8, 8, 13]
for x in [0, 1, 2, 4, 8, 13, 20]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x),
          bisect.bisect_left(a, x, 2), bisect.bisect_right(a, x, 1, 5), bisect.bisect_left(a, x, hi=3))
words = ["apple", "fig", "banana", "kiwi"]
words.sort(key=len)
print(words, bisect.bisect_left(words, 4, key=len), bisect.bisect_right(words, 4, key=len))
l = []
for v in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(l, v)
print(l)
bisect.insort_left(l, 5)
bisect.insort_right(l, 0, 0, 3)
print(l)
recs = [(1, "a"), (3, "c")]
bisect.insort(recs, (2, "b"), key=lambda r: r[0])
print(recs)
print(bisect.bisect_left("abcde", "c"), bisect.bisect_right((1, 2, 3), 2), bisect.bisect(range(0, 100, 5), 42))
for bad in [lambda: bisect.bisect_left(a, 1, -1), lambda: bisect.bisect(a, "x"), lambda: bisect.insort(5, 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

h = []
for v in [5, 3, 8, 1, 9, 2, 7, 1, 0, 6]:
    heapq.heappush(h, v)
    print(h)
out = []
while h:
    out.append(heapq.heappop(h))
print(out)
data = [9, 4, 7, 1, -2, 6, 5, 3, 8, 0, 2]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -5), heapq.heappushpop(data, 4), data)
print(heapq.heappushpop([], 3))
big = [(i * 7919) % 5003 for i in range(6000)]
heapq.heapify(big)
print(big[:20], sum(big[i] * i for i in range(len(big))) % 1000003)
mid = [(i * 31) % 2003 for i in range(2600)]
heapq.heapify(mid)
print(mid[:15])
print(heapq.nlargest(3, [5, 1, 9, 3, 7, 9]), heapq.nsmallest(3, [5, 1, 9, 3, 7]), heapq.nlargest(0, [1]))
print(heapq.nsmallest(2, ["bb", "a", "ccc", "dd"], key=len), heapq.nlargest(2, ["bb", "a", "ccc", "dd"], key=len))
print(heapq.nlargest(10, range(5)), heapq.nsmallest(1, [3, 1, 2]), heapq.nlargest(2, {3: 1, 8: 2, 1: 0}))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
heapq.heappush(tasks, (1, "coffee"))
print([heapq.heappop(tasks) for _ in range(4)])
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1),
            lambda: heapq.heappush([1, "a"], 2), lambda: heapq.heapify([1, None, 3])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

data = [(i * 13) % 17 for i in range(30)]
print(heapq.nlargest(4, data), heapq.nsmallest(4, data), heapq.nlargest(4, iter(data)), heapq.nsmallest(5, iter(data)))
print(heapq.nlargest(3, iter(["pear", "fig", "banana", "kiwi", "apple"]), key=len), heapq.nsmallest(3, (x * x % 7 for x in range(20)), key=lambda v: -v))
print(heapq.nsmallest(1, []), heapq.nlargest(1, iter([4, 9, 2])), heapq.nsmallest(1, "hello", key=ord), heapq.nlargest(5, iter([])))
for bad in [lambda: heapq.nlargest(2, [1, "a", 3]), lambda: heapq.nsmallest(2, iter([1, "a", 3])), lambda: heapq.heappop(),
            lambda: heapq.heapify((1,)), lambda: heapq.heappushpop((), 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
