import random

for s in [42, 0, 1, 2**40 + 7, -5, 12345678901234567890123, "hello", b"bytes", ""]:
    random.seed(s)
    print(repr(s)[:20], [random.random() for _ in range(3)])
    print(random.randint(1, 100), random.randrange(10), random.randrange(5, 50, 3), random.randrange(100, 0, -7))
    print(random.choice("abcdefg"), random.choice([1, 2, 3]), random.choice(range(1000)))
    print(random.sample(range(100), 5), random.sample("abcdefghij", 3), random.sample(range(10**6), 4))
    l = list(range(10))
    random.shuffle(l)
    print(l)
    print(random.gauss(0, 1), random.gauss(5, 2), random.gauss())
    print(random.uniform(1, 2), random.triangular(0, 10, 3), random.triangular())
    print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(33), random.getrandbits(100))
    print(random.choices("abc", k=5), random.choices(range(5), weights=[1, 2, 3, 4, 5], k=4))
    print(random.choices("xyz", cum_weights=[1, 5, 6], k=3), random.choices([1, 2]))
    print(random.normalvariate(), random.expovariate(2.5), random.lognormvariate(0, 1))
    print(random.paretovariate(3), random.weibullvariate(1, 2))
    print(random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3, 1), random.betavariate(2, 3))
    print(random.randint(-10**30, 10**30), random.randrange(2**70))
    print(random.randbytes(5))

random.seed(7)
big = list(range(50))
random.shuffle(big)
print(big)
print(random.sample(big, 20))
print(random.sample(range(30), 30))
print(sorted(random.sample(range(10**9), 10)))
print([random.randint(0, 1) for _ in range(30)])
random.seed(99)
a = random.random()
random.seed(99)
print(a == random.random())
t = ["a", "b", "c", "d"]
random.shuffle(t)
print(t)

for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0),
            lambda: random.choice([]), lambda: random.sample(range(3), 5), lambda: random.getrandbits(-1),
            lambda: random.sample({1, 2}, 1), lambda: random.choices("ab", [1]),
            lambda: random.choices("ab", 3), lambda: random.choices("ab", [0, 0])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

random.seed(2024)
print(random.sample(["red", "blue"], counts=[4, 2], k=5), random.sample("ab", 3, counts=[2, 2]))
r1 = random.Random(5)
r2 = random.Random("five")
print(r1.random(), r2.random(), r1.randint(1, 6), r2.choice("xyz"), r1.sample(range(20), 3))
r1.seed(5)
print(r1.random(), random.random())
for bad in [lambda: random.sample("ab", 1, counts=[1]), lambda: random.sample("ab", 1, counts=[0, 0]),
            lambda: random.sample("ab", 1, counts=[1.0, 2.0])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
for s in [3.5, -2.25, "héllo wörld", 2**64 - 1]:
    random.seed(s)
    print(random.random(), random.randrange(1000))
random.seed(11)
random.gauss()
st = random.getstate()
print(st[0], len(st[1]), st[1][-1], st[2])
first = [random.random() for _ in range(3)], random.gauss()
random.setstate(st)
print(first == ([random.random() for _ in range(3)], random.gauss()))
r = random.Random(1)
r.setstate(random.getstate())
print(r.random() == random.random())
