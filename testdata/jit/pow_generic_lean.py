# `a ** b` at sites that saw ints (or ints and floats): the interpreter's
# binary_op through jit/lean.rs's jit_binary_any instead of stepping the
# instruction (chaos's `self.x ** 2` with int and float coordinates). Big
# results, negative exponents, `0 ** -1` (ZeroDivisionError), `**=`,
# three-argument pow, and instances with __pow__/__rpow__ (Python code, stepped).


def mag(points):
    t = 0
    for x, y in points:
        t += x ** 2 + y ** 2
    return t


pts = [(i, i + 1) for i in range(200)] + [(i + 0.5, i) for i in range(100)]
print("mag", mag(pts))


def powers(n):
    out = []
    for i in range(n):
        b = i % 7 - 3
        e = i % 5 - 1
        try:
            out.append(b ** e)
        except ZeroDivisionError as exc:
            out.append(str(exc))
    return out[:12], len(out)


print("powers", powers(300))


def big(n):
    acc = 1
    for i in range(n):
        acc = (acc + 3 ** (i % 90)) % (10 ** 30)
    return acc


print("big", big(300))


def augmented(n):
    x = 1.0001
    k = 2
    for i in range(n):
        x **= 1.0
        k **= 1
        if i == n // 2:
            k = 3
            k **= 40
    return x, k


print("augmented", augmented(300))


class Vec:
    def __init__(self, v):
        self.v = v

    def __pow__(self, e):
        if e == 13:
            raise ValueError("unlucky")
        return Vec(self.v ** e)

    def __rpow__(self, b):
        return b ** self.v


def instances(n):
    t = 0
    caught = 0
    for i in range(n):
        a = Vec(i % 4) if i % 3 else i % 4
        try:
            r = a ** (i % 17)
            t += r.v if isinstance(r, Vec) else r
        except ValueError:
            caught += 1
        t += 2 ** Vec(i % 3)
    return t, caught


print("instances", instances(300))
print("three-arg", sum(pow(i, 3, 7) for i in range(300)))


def uncaught(n):
    for i in range(n):
        z = n - 1 - i
        r = z ** -1


uncaught(300)
