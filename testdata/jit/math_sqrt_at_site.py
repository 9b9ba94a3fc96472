# `math.sqrt(x)`, which compiled code computes at the call site
# (jit/gen_module_calls.rs) for a float or an int that is not negative:
# negative numbers, NaN, infinities, -0.0, bools, big ints, other types,
# `math.sqrt` rebound, another object's `sqrt` and `from math import sqrt`
# must all behave exactly as the real call.
import math
from math import sqrt


def roots(xs):
    out = []
    for x in xs:
        try:
            out.append(math.sqrt(x))
        except ValueError as e:
            out.append("ValueError: " + str(e))
        except TypeError as e:
            out.append("TypeError: " + str(e))
        except OverflowError as e:
            out.append("OverflowError: " + str(e))
    return out


def total(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i) + math.sqrt(i * 0.5)
    return t


print(total(5000))
print(roots([0, 1, 2, 4, 2.25, 1e300, 2 ** 62, 2 ** 53 + 1, 7]))
print(roots([-1, -0.0, 0.0, -1e-300, float("inf"), float("-inf")]))
print(roots([float("nan"), True, False, 10 ** 40, 10 ** 400, "4", None]))
print([str(r) for r in roots([float("nan")] * 3)])


class Odd:
    def __float__(self):
        return 6.25


print(roots([Odd(), Odd()]))


def via_name(n):
    t = 0.0
    for i in range(n):
        t += sqrt(i)
    return t


print(via_name(300))


# Another object with a `sqrt` attribute.
class NotMath:
    @staticmethod
    def sqrt(x):
        return "root of %r" % (x,)


def other_receiver(m, xs):
    return [m.sqrt(x) for x in xs]


print(other_receiver(NotMath, [4, -4]), other_receiver(NotMath(), [2.25]))
print(other_receiver(math, [4, 2.25]))


# Rebinding math.sqrt mid-loop: the new function runs.
def rebinding(n):
    t = 0.0
    real = math.sqrt
    for i in range(n):
        if i == n // 2:
            math.sqrt = lambda x: -1.0
        t += math.sqrt(i)
    math.sqrt = real
    return t


print(rebinding(400), math.sqrt(9))

# Uncaught, for the traceback.
roots([4.0] * 300)
math.sqrt(-2)
