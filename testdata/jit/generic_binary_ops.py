# Operators on sites that saw strings, lists, tuples and sets (compiled code
# calls the interpreter's binary_op there): concatenation, repetition, %
# formatting, list +=, set |=, errors caught, and str indexing with negative,
# out-of-range and non-ASCII positions.


def build(words):
    s = ""
    out = []
    for i, w in enumerate(words):
        s += w[0] + w[-1]
        out += [w * (i % 3)]
        s = s[-20:]
    return s, out


def fmt(n):
    parts = []
    for i in range(n):
        parts.append("%s-%03d" % ("x" * (i % 4), i) + str(i % 7))
    return "|".join(parts[-5:])


def mixed(vals):
    errors = 0
    acc = ()
    for v in vals:
        try:
            acc = acc + (v,)
            acc += v
        except TypeError as e:
            errors += 1
            last = str(e)
    return len(acc), errors, last


def chars(s):
    out = []
    for i in range(-len(s) - 2, len(s) + 2):
        try:
            out.append(s[i])
        except IndexError as e:
            out.append(str(e))
    return out


for rep in range(300):
    r1 = build(["alpha", "beta", "gamma", "de", "e"])
    r2 = fmt(12)
    r3 = mixed([(1,), 2, ("a", "b"), "s", [3]])
    r4 = chars("héllo")
    r5 = chars("abc")
print(r1)
print(r2)
print(r3)
print(r4)
print(r5)
s = {1}
for i in range(300):
    s |= {i % 5}
    s -= {7}
print(sorted(s))
b = b""
for i in range(300):
    b += bytes([65 + i % 26])
print(b[-30:], len(b))
