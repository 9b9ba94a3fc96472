# Float division by zero inside compiled loops: the divisor becomes 0.0,
# -0.0 or the int 0 after the loop is hot (so under --jit=auto the division
# was compiled with the float path inline). ZeroDivisionError must be raised
# with CPython's message, caught inside and outside the loop, and the loop
# must carry on with the right values afterwards. A NaN or infinite divisor
# is not an error.


def ratios(xs, ys):
    out = []
    for x, y in zip(xs, ys):
        try:
            out.append(x / y)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out


def harmonic(n, shift):
    total = 0.0
    for i in range(n):
        total += 1.0 / (i - shift)
    return total


xs = [i * 0.5 + 1.0 for i in range(400)]
ys = [i * 0.25 - 50.0 for i in range(400)]
r = ratios(xs, ys)
print(len(r), r[:3], r[199:202], r[-1])
print(ratios([1.0, -1.0, 0.0, 2.5, 3.0, 1.0, 1.0], [0.0, -0.0, 0.0, 0, 2, float("nan"), float("inf")]))
print(ratios([1, 0, -7, 2 ** 60], [0.0, 0, 0.0, 0]))

# Raised inside a compiled loop, caught outside it: the partial sum is
# lost, the exception is the interpreter's.
for shift in (1000.5, 250.0, 0.0):
    try:
        print("harmonic", harmonic(500, shift))
    except ZeroDivisionError as e:
        print("harmonic", shift, "->", type(e).__name__, e)

# The same in a module-level loop (compiled at its back-edge), with the
# divisor computed by float arithmetic reaching exactly zero.
acc = 0.0
errors = 0
d = 3.0
for i in range(600):
    d = d - 0.0078125
    try:
        acc += 1.0 / d
    except ZeroDivisionError:
        errors += 1
        d = 3.0
print("acc", acc, "errors", errors)

# Division by a known constant zero and by -0.0 in a hot function.
def f(x, z):
    return (x * 2.0) / z


good = 0.0
for i in range(300):
    good += f(i * 0.5, 4.0)
print("good", good)
for z in (0.0, -0.0, 0, False):
    try:
        f(1.5, z)
    except ZeroDivisionError as e:
        print(repr(z), e)
print(f(1.5, -2), f(-0.0, 1.0), f(1e308, 1e-308))
try:
    print(f(1e308, 0.5e-308))
except OverflowError as e:
    print("overflow", e)
