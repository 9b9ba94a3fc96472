# Subscripts of array.array objects from compiled code (jit/lean.rs,
# builtins/mod_array/fast_access.rs): int indexes read and written without
# stepping the interpreter, for every kind of typecode; negative indexes,
# out of range, values the typecode cannot hold (a float into 'l', 256 into
# 'B', a negative into 'L'), big unsigned items, slices, a subclass with its
# own __getitem__/__setitem__ (Python code), and containers that change type
# mid-loop. Errors must be the interpreter's, with its messages.
import array


def fill_and_sum(code, n, value):
    a = array.array(code, [0] * n)
    for i in range(n):
        a[i] = value
    s = 0
    for i in range(n):
        s += a[i]
    for i in range(1, n + 1):
        s += a[-i]
    return s, a[0], a[n - 1]


for code, value in [("d", 1.5), ("f", 0.25), ("l", -7), ("q", 2**40), ("B", 255),
                    ("b", -128), ("h", 300), ("H", 65535), ("i", -(2**31)),
                    ("I", 2**32 - 1), ("L", 2**63 - 1), ("Q", 12345)]:
    print(code, fill_and_sum(code, 300, value))


def int_into_float_array(n):
    a = array.array("d", [0.0] * n)
    for i in range(n):
        a[i] = i  # an int stored as a float
    return sum(a), type(a[5]).__name__


print("int into d", int_into_float_array(300))


def big_unsigned(n):
    a = array.array("Q", [2**64 - 1] * n)
    t = 0
    for i in range(n):
        t += a[i] % 1000
    return t, a[0]


print("big Q", big_unsigned(300))


def store_errors(code, values):
    a = array.array(code, [0] * 4)
    out = []
    for k in range(300):
        v = values[k % len(values)]
        try:
            a[k % 4] = v
            out.append("ok")
        except (TypeError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return sorted(set(out)), a.tolist()


print(store_errors("l", [1, 2.5, 3]))
print(store_errors("B", [1, 256, -1, 7]))
print(store_errors("L", [5, -5]))
print(store_errors("b", [True, 200, "x"]))
print(store_errors("d", [1.0, "2", None, 3]))


def out_of_range(n):
    a = array.array("l", range(10))
    caught = 0
    total = 0
    for i in range(n):
        j = i % 13 - 1  # -1 .. 11: 10 and 11 are out of range
        try:
            total += a[j]
        except IndexError as e:
            caught += 1
            msg = str(e)
        try:
            a[j] = i
        except IndexError as e:
            caught += 1
            msg2 = str(e)
    return total, caught, msg, msg2, a.tolist()


print("out of range", out_of_range(400))


def index_types(n):
    a = array.array("d", [float(i) for i in range(8)])
    out = 0.0
    for i in range(n):
        if i == n // 2:
            out += a[True]  # a bool index
        out += a[i % 8]
    try:
        a["x"]
    except TypeError as e:
        print("str index:", e)
    try:
        a[1.0] = 2.0
    except TypeError as e:
        print("float index:", e)
    return out, a[1:3].tolist(), a[::-3].tolist()


print("index types", index_types(300))


class Doubling(array.array):
    def __getitem__(self, i):
        if i == 99:
            raise KeyError("no 99 here")
        return 2 * super().__getitem__(i)

    def __setitem__(self, i, v):
        super().__setitem__(i, v + 1)


def subclass(n):
    a = Doubling("l", [1] * 100)
    s = 0
    for i in range(n):
        a[i % 100] = i
        try:
            s += a[i % 100]
        except KeyError as e:
            s -= 1
    return s, a[3], type(a[1:3]).__name__


print("subclass", subclass(300))


def mixed_containers(n):
    containers = [array.array("l", [1, 2, 3]), [4, 5, 6], (7, 8, 9),
                  {0: 10, 1: 11, 2: 12}, array.array("d", [0.5, 1.5, 2.5]), "abc",
                  Doubling("l", [1, 2, 3])]
    s = []
    for i in range(n):
        c = containers[(i // 50) % len(containers)]
        s.append(c[i % 3])
        if not isinstance(c, (tuple, str)):
            c[i % 3] = c[(i + 1) % 3]
    return s[::25], [list(c) if not isinstance(c, dict) else c for c in containers]


print("mixed", mixed_containers(700))


def checksum(n):
    data = array.array("B", [0] * n)
    for i in range(n):
        data[i] = (i * 7) % 256
    c = 0
    for i in range(len(data)):
        c = (c * 31 + data[i]) % 1000000007
    return c


print("checksum", checksum(3000))


def failing_store(n):
    a = array.array("l", [0] * n)
    for i in range(n):
        a[i] = i if i < n - 1 else i / 2  # the last store raises TypeError
    return a


print(sum(failing_store(250)))
