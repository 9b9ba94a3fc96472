# A function compiled while its arguments were floats, then called with
# ints: each float speculation fails in turn (a failed one leaves compiled
# code, so the next sites run in the interpreter and cannot fail), one
# recompile each, more of them than the recompile budget. The last version
# speculates nowhere; results stay exact throughout.


def f(a, b, c, d, e, g, k):
    x1 = a * k
    x2 = b * k
    x3 = c * k
    x4 = d * k
    x5 = e * k
    x6 = g * k
    return (x1, x2, x3, x4, x5, x6)


t = 0.0
for i in range(300):
    t += sum(f(i * 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 2.0))
print(t)
s = 0
for i in range(9000):
    s += sum(f(i, 1, 2, 3, 4, i % 7, 3))
print(s)
print(f(1, 2.5, 3, 4.5, 5, 6.5, 2))
