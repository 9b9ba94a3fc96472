import array


def attempt(f):
    try:
        print(repr(f()))
    except (TypeError, ValueError, OverflowError, IndexError) as e:
        print(type(e).__name__, e)


def sieve(n):
    flags = array.array('B', [1]) * (n + 1)
    flags[0] = flags[1] = 0
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = array.array('B', [0]) * len(range(i * i, n + 1, i))
    return [i for i, f in enumerate(flags) if f]


print(sieve(50))
print(repr(array.array), array.typecodes, array.ArrayType is array.array)
for code in 'bBhHiIlLqQfd':
    a = array.array(code, [1, 2, 3])
    print(a, a.typecode, a.itemsize, len(a), sum(a), a.tolist(), a.tobytes()[:4])

# Range checks per typecode.
for code, vals in [('b', [127, 128, -129, 40000]), ('B', [255, 256, -1]),
                   ('h', [-32768, 32768]), ('H', [65535, 65536, -1, 2**31]),
                   ('i', [2**31]), ('I', [2**32 - 1, 2**32, -1, 2**70]),
                   ('l', [2**63]), ('L', [2**64 - 1, -5, 2**64]),
                   ('q', [-2**63 - 1]), ('Q', [2**64 - 1, -1, 2**64])]:
    for v in vals:
        attempt(lambda: array.array(code, [v]))
for bad in [1.5, 'x', None]:
    attempt(lambda: array.array('i', [bad]))
    attempt(lambda: array.array('d', [bad]))
attempt(lambda: array.array('d', [10**400]))
print(array.array('f', [0.1, 2.5, 1e40, -0.0]), array.array('d', [0.1, True, 2**70]))

# Construction from other sources and argument errors.
print(array.array('h', (x * x for x in range(5))), array.array('d', range(3)))
print(array.array('i', b'\x01\x00\x00\x00\xff\xff\xff\xff'), array.array('d', array.array('i', [7])))
for args in [(), ('x',), (1,), ('ab',), ('i', 'abc'), ('i', b'abc'), ('i', 5), ('i', [], 1),
             ('i', array.array('d', [1.5]))]:
    attempt(lambda: array.array(*args))

# Indexing, slicing, assignment.
a = array.array('i', range(10))
print(a[0], a[-1], a[2:5], a[::-3], a[8:2], a[1::4])
for k in [10, -11, 'x', 1.0, 10**30]:
    attempt(lambda: a[k])
a[-1] = 99
a[1:3] = array.array('i', [7, 7, 7])
del a[0]
del a[::4]
print(a, len(a))
a[::2] = array.array('i', [0] * len(a[::2]))
print(a)
for val in [[1], array.array('d', [1.0]), array.array('i', [1])]:
    attempt(lambda: a.__setitem__(slice(0, 6, 2), val))
attempt(lambda: a.__setitem__(20, 1))
attempt(lambda: a.__setitem__(0, 2**40))

# Methods.
b = array.array('d', [3.5, 1.0, 2.0, 1.0])
b.append(4)
b.extend([5, 6])
b.extend(array.array('d', [7.25]))
b.insert(0, -1)
b.insert(100, 8)
print(b, b.pop(), b.pop(0), b.count(1.0), b.index(1.0), b.index(1.0, 2), 2 in b, 9 in b)
b.remove(1.0)
b.reverse()
print(b, b == array.array('d', b.tolist()), b != b[:-1], b < b + b, b[:2] * 2, 3 * b[:1])
b.fromlist([1, 2])
b.frombytes(array.array('d', [9.5]).tobytes())
print(b, list(reversed(b))[:3], sorted(b)[:3], max(b), min(b))
c = b
b += array.array('d', [0.5])
b *= 2
print(c is b, len(c), array.array('i', [1, 2]) == array.array('d', [1.0, 2.0]), b == [1])
for f in [lambda: b.pop(100), lambda: array.array('i').pop(), lambda: b.index(42),
          lambda: b.remove(42), lambda: b + [1], lambda: b + array.array('f'),
          lambda: b.extend(array.array('i')), lambda: b.fromlist((1,)), lambda: b.fromlist([1, 'x']),
          lambda: b.frombytes(b'abc'), lambda: b.frombytes('abc'), lambda: b * 'x',
          lambda: b.append(), lambda: b.reverse(1), lambda: b.insert(1), lambda: hash(b)]:
    attempt(f)
print(len(b), b[-3:])
