# Every line's execution count must be the same whichever engine runs it
# (tests/recorder.rs compares the profiles of --jit=off, eager, auto and
# eager without register allocation). Compiled code counts a line when it
# reaches it; these are the places where it hands an instruction to the
# interpreter, which used to count the same line again: bails (int
# overflow, a local changing type), instructions run by the interpreter
# in place, exceptions raised and caught inside compiled loops, yields,
# returns the interpreter runs, and loop back-edges that stop for a
# collection.


def first(x):
    return x


def grow(n):
    x = 3
    for _ in range(n):
        x = x * 7
    return x.bit_length()


def change_type(n):
    total = 0
    i = 0
    while i < n:
        if i == n // 2:
            total = total + 0.5
        total = total + i
        i += 1
    return total


def stepped(n):
    out = []
    for i in range(n):
        s = "%d-%s" % (i, "x" * (i % 3))
        del s
        out.append(i)
    return len(out)


def raising(n):
    caught = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            caught += 10 // (i % 4)
        except ValueError:
            caught += 1
        except ZeroDivisionError:
            caught += 100
    return caught


def gen(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return


def consume(n):
    total = 0
    for v in gen(n):
        total += v
    return total + sum(gen(n)) + len(list(gen(n)))


def allocating(n):
    keep = []
    i = 0
    while i < n:
        keep.append([i, [i]])
        if len(keep) > 100:
            keep = []
        i += 1
    return len(keep)


print(first(1), first("a"))
print(grow(40))
print(change_type(50))
print(stepped(20))
print(raising(30))
print(consume(25))
print(allocating(30000))
for k in range(3):
    print(first(k), grow(k))
