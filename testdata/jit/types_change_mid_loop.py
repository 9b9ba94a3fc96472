# A loop variable and a function's arguments change type partway through:
# a JIT specialising on the first types seen must guard and bail correctly.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return Money(self.cents + int(other * 100))

    def __radd__(self, other):
        return self.__add__(other)

    def __repr__(self):
        return "Money(%d)" % self.cents


def add(a, b):
    return a + b


def step(i):
    if i < 300:
        return i
    if i < 600:
        return i / 4
    if i < 900:
        return str(i % 10)
    return Money(i)


# One accumulator whose type changes as the loop goes on.
acc = 0
kinds = []
for i in range(1000):
    x = step(i)
    if i < 900:
        if isinstance(acc, str) or isinstance(x, str):
            acc = str(acc)[-20:] + str(x) if isinstance(x, str) else acc + str(x)
        else:
            acc = acc + x
    else:
        acc = x + acc if isinstance(acc, Money) else Money(0) + x
    name = type(acc).__name__
    if not kinds or kinds[-1][0] != name:
        kinds.append((name, i))
print(kinds)
print(repr(acc))

# The same function, hot with ints, then floats, then strings, lists, tuples.
total = 0
for i in range(2000):
    total = add(total, i)
print("ints", total)
ftotal = 0.0
for i in range(2000):
    ftotal = add(ftotal, i * 0.5)
print("floats", ftotal)
print("mixed", add(1, 2.5), add(2.5, 1), add(True, 2), add(2, True))
s = ""
for i in range(30):
    s = add(s, chr(97 + i % 26))
print("str", s)
lst = []
for i in range(10):
    lst = add(lst, [i])
print("list", lst)
print("tuple", add((1, 2), (3,)))
print("Money", add(Money(5), Money(7)), add(Money(5), 0.25), add(1.5, Money(1)))
print("back to ints", add(10 ** 18, 10 ** 18), add(-3, 3))

# A type error after the loop got hot: caught, then the loop keeps going.
vals = [1, 2, 3, 4.0, "x", 5, None, 6]
total = 0
for v in vals:
    try:
        total = add(total, v)
    except TypeError as e:
        print("TypeError at", repr(v), "-", e)
print("total", repr(total))

# A while loop whose counter becomes a float then a bigint.
n = 1
steps = 0
while n < 10 ** 30:
    if steps == 10:
        n = n * 1.5
    elif steps == 20:
        n = int(n)
    else:
        n = n * 7
    steps += 1
print(steps, repr(n))
