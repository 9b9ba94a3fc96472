# Loops at module level (globals, register temporaries), and generators
# with loops inside and around them.

total = 0
i = 0
while i < 2000:
    total += i * 3 % 7
    i += 1
print("while", total, i)

acc = 0.0
for k in range(1500):
    acc += k * 0.5 - 1.0
    if k == 1000:
        acc = int(acc)
print("for", acc, k)

for a in range(300):
    for b in range(5):
        total ^= a * b
print("nested", total)


def counter(n):
    i = 0
    while i < n:
        yield i * i
        i += 1


def squares_plus(n):
    s = 0
    for v in counter(n):
        s += v + 1
    return s


def gen_float(n):
    x = 0.5
    for _ in range(n):
        x = x * 1.5 - 0.25
        if x > 100.0:
            x = x / 7.0
        yield round(x, 6)


print(squares_plus(10), squares_plus(3000))
print(sum(counter(2500)))
print(list(gen_float(6)), sum(gen_float(2000)))
g = counter(500)
partial = 0
for v in g:
    partial += v
    if v > 10000:
        break
print("partial", partial, next(g))
print([x * 2 for x in range(300) if x % 7 == 0][-3:])
