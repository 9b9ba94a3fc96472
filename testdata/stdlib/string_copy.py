import string
import copy
import time

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace))
print(repr(string.printable), len(string.printable))
print(string.capwords("hello   wORLD  foo"))
print(string.capwords("  a-b c-d ", "-"))
print(string.capwords("ünïcode ßtraße"))
print(string.capwords(""))
print("x" in string.ascii_letters, "G" in string.hexdigits)

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
print(b == a, b is a, b[1] is a[1])
c = copy.deepcopy(a)
print(c == a, c is a, c[1] is a[1], c[2] is a[2], c[2]["k"] is a[2]["k"])
c[1].append(99)
print(a, c)

d = {"x": {1, 2}, "y": (1, [2])}
dc = copy.copy(d)
print(dc == d, dc is d, dc["x"] is d["x"])
dd = copy.deepcopy(d)
print(dd == d, dd["x"] is d["x"], dd["y"] is d["y"], dd["y"][1] is d["y"][1])

t = (1, 2, (3, 4))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
s = {1, 2, 3}
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(s) == s)
fs = frozenset([1, 2])
print(copy.copy(fs) is fs, copy.deepcopy(fs) is fs)
print(copy.copy("abc"), copy.deepcopy(3.5), copy.copy(None), copy.deepcopy(len) is len)

shared = [1, 2]
outer = [shared, shared, {"s": shared}]
oc = copy.deepcopy(outer)
print(oc[0] is oc[1], oc[0] is oc[2]["s"], oc[0] is shared)

cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is cyc, cc[0])
cd = {"a": 1}
cd["self"] = cd
cdc = copy.deepcopy(cd)
print(cdc["self"] is cdc, cdc is cd, list(cdc))
lt = [1]
tup = (lt,)
lt.append(tup)
ct = copy.deepcopy(tup)
print(ct[0][1] is ct, ct is tup)

def f():
    return 1

print(copy.copy(f) is f, copy.deepcopy(f) is f)

print(isinstance(time.time(), float), isinstance(time.time_ns(), int))
t0 = time.perf_counter()
time.sleep(0)
time.sleep(0.001)
t1 = time.perf_counter()
print(t1 >= t0, isinstance(time.perf_counter_ns(), int))
m0 = time.monotonic()
print(time.monotonic() >= m0, isinstance(time.process_time(), float))
print(time.time() > 1.6e9)
for bad in [lambda: time.sleep(-1), lambda: time.sleep("x"), lambda: time.time(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
