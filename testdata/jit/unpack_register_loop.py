# Unpacking into register-allocated loop locals: items loaded straight into
# registers, an item of another type (the loop leaves to the interpreter
# after the unpack), wrong lengths (ValueError from compiled code), lists
# and tuples, and a nested unpack whose temporaries are reused.


def norm2(points):
    t = 0.0
    for (x, y, z) in points:
        t += x * x + y * y + z * z
    return t


def pairs(ps):
    acc = 0.0
    for ((x1, y1), (x2, y2)) in ps:
        dx = x1 - x2
        dy = y1 - y2
        acc += dx * dx + dy * dy
    return acc


def counted(rows):
    n = 0
    s = 0
    for (a, b) in rows:
        n += a
        s += b * 2
    return n, s


def catch(points):
    try:
        return norm2(points)
    except ValueError as e:
        return "ValueError: " + str(e)
    except TypeError as e:
        return "TypeError: " + str(e)


pts = [(0.5 * i, 1.0 - i, 0.25) for i in range(300)]
print(norm2(pts))
print(norm2([[0.5 * i, 2.0, -1.0] for i in range(300)]))
# An int item, a bool, a str among floats: the other type leaves the loop.
print(norm2(pts + [(1, 2.0, 3.0), (1.5, True, 2.5)] + pts[:10]))
print(catch(pts + [(1.0, "a", 2.0)]))
# Wrong lengths, as tuples and as lists, after the loop is compiled.
print(catch(pts + [(1.0, 2.0)]))
print(catch(pts + [[1.0, 2.0, 3.0, 4.0]]))
print(catch(pts + [None]))
ps = [((0.1 * i, 0.2 * i), (1.0, -0.5 * i)) for i in range(300)]
print(pairs(ps))
print(pairs(ps + [((1, 2), (3.5, 4.5)), ([1.0, 2.0], [3.0, 4.0])]))
try:
    pairs(ps + [((1.0, 2.0, 3.0), (1.0, 2.0))])
except ValueError as e:
    print("ValueError:", e)
rows = [(i, i + 1) for i in range(300)]
print(counted(rows))
print(counted(rows + [(2 ** 70, 1), (1.5, 2)]))
print(counted([]))
print(norm2([]))
