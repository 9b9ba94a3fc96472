n = 10
n += 5; print(n)
n -= 20; print(n)
n *= -3; print(n)
n //= 4; print(n)
n %= 5; print(n)
n **= 10; print(n)
n <<= 3; print(n)
n >>= 5; print(n)
n &= 0xFF; print(n)
n |= 0x100; print(n)
n ^= 0x1FF; print(n)
n /= 8; print(repr(n))
f = 1.5
f *= 4; f -= 0.5; f **= 2; f //= 3; f %= 4
print(repr(f))

# += on lists mutates in place (aliases see it); + makes a new list.
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
a += (5, 6)
a += "xy"
print(a)
a *= 2
print(a)

# On tuples and strings, += rebinds.
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
s = "ab"
s += "cd"
s *= 3
print(s)

# Augmented assignment on subscripts evaluates the target once.
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
    counts[word] += 0
print(counts)
grid = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        grid[i][j] += i * 3 + j
        grid[i][j] *= 2
print(grid)
calls = []
def index(i):
    calls.append(i)
    return i
data = [10, 20, 30]
data[index(1)] += 5
data[index(-1)] //= 7
print(data, calls)
try:
    t[0] += 1
except TypeError as e:
    print("TypeError:", e)
