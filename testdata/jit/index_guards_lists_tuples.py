# Inline list/tuple indexing in compiled loops: negative and out-of-range
# indexes (IndexError caught), bools and big ints as indexes, a list resized
# while a loop indexes it by range(len(lst)), one site seeing lists and
# tuples in turn, and a list subclass overriding __getitem__/__setitem__.


def read_all(seq, idxs):
    out = []
    for i in idxs:
        try:
            out.append(seq[i])
        except IndexError as e:
            out.append("IE:" + str(e))
        except TypeError as e:
            out.append("TE:" + str(e))
    return out


def write_all(seq, idxs):
    out = []
    for n, i in enumerate(idxs):
        try:
            seq[i] = n * 10
            out.append(n)
        except IndexError as e:
            out.append("IE:" + str(e))
        except TypeError as e:
            out.append("TE:" + str(e))
    return out, seq


idxs = [0, 1, -1, -5, -6, 4, 5, 100, -100, True, False, 2**63, -(2**63), 2**64, 3.0, None]
for rep in range(3):
    print(read_all([10, 20, 30, 40, 50], idxs))
    print(read_all((10, 20, 30, 40, 50), idxs))
    print(read_all("abcde", idxs[:9]))
    print(write_all([1, 2, 3, 4, 5], idxs))
    print(write_all((1, 2, 3), idxs[:3]))


def sum_at(seq, n):
    t = 0
    for i in range(n):
        t += seq[i % len(seq)] + seq[-1 - (i % len(seq))]
    return t


# One site: lists and tuples alternating, then a dict and a range.
for c in ([1, 2, 3], (4, 5, 6), [7, 8], (9,), {k: k * k for k in range(-50, 50)}, range(5, 10)):
    print(type(c).__name__, sum_at(c, 50))


def shrink_while_indexing(lst):
    out = []
    for i in range(len(lst)):
        try:
            out.append(lst[i])
        except IndexError:
            out.append("gone")
        if i % 3 == 0 and lst:
            lst.pop()
    return out, lst


def grow_while_indexing(lst):
    out = []
    for i in range(len(lst)):
        lst.append(lst[i] * 2)
        lst[i] = -lst[i]
        out.append(lst[-1])
    return out, lst


print(shrink_while_indexing(list(range(12))))
print(grow_while_indexing(list(range(6))))


class Logged(list):
    """A list subclass whose indexing never reaches the list's items."""

    def __getitem__(self, i):
        return ("got", i)

    def __setitem__(self, i, v):
        self.log.append((i, v))


def swap_ends(seq):
    for i in range(len(seq) // 2):
        a = seq[i]
        b = seq[len(seq) - 1 - i]
        seq[i] = b
        seq[len(seq) - 1 - i] = a
    return list(seq)


for rep in range(2):
    print(swap_ends([1, 2, 3, 4, 5, 6]))
    lg = Logged([1, 2, 3, 4])
    lg.log = []
    print(swap_ends(lg), lg.log)


# Nested lists, matrix style, with stores through a row alias.
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0] * p for _ in range(n)]
    for i in range(n):
        ci = c[i]
        ai = a[i]
        for j in range(p):
            s = 0
            for k in range(m):
                s += ai[k] * b[k][j]
            ci[j] = s
    return c


print(matmul([[1, 2], [3, 4], [5, 6]], [[7, 8, 9], [10, 11, 12]]))
print(matmul([[1.5, -2.0]], [[2.0], [0.25]]))


# Unpacking: tuples, lists, wrong lengths, other iterables, self-overlap.
def unpack_all(items):
    out = []
    for it in items:
        try:
            a, b, c = it
            out.append((c, b, a))
        except ValueError as e:
            out.append("VE:" + str(e))
        except TypeError as e:
            out.append("TE:" + str(e))
    return out


print(unpack_all([(1, 2, 3), [4, 5, 6], (1, 2), [1, 2, 3, 4], "xyz", range(3), {7: 0, 8: 0, 9: 0}, 5, iter([1, 2, 3])]))


def rotate(n):
    a, b, c = 1, 2, 3
    for _ in range(n):
        a, b, c = b, c, a
        t = [a, b, c]
        t, b, c = t
    return a, b, c, t


print(rotate(10), rotate(11))
