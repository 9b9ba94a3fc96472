# isinstance(x, C) at the call site in compiled code (jit/gen_builtin_calls.rs):
# an instance whose class is exactly C is True without the call; a subclass,
# another type, a tuple of classes, a class as the first argument, a non-class second argument, and an
# isinstance that is no longer the builtin make the call.
import builtins


class Base:
    pass


class Child(Base):
    pass


class Odd:
    pass


def count(xs, cls):
    t = 0
    for x in xs:
        if isinstance(x, cls):
            t += 1
    return t


values = [Base(), Child(), Odd(), 3, "s", None, [Base()], Base]
for _ in range(60):
    r = (count(values, Base), count(values, Child), count(values, Odd),
         count(values, int), count(values, (Child, int)), count(values, object))
print(r)

print(isinstance(Odd(), Odd), isinstance(Base(), Odd))

# The result is a bool, used as one.
def flags(n):
    out = []
    b = Base()
    for i in range(n):
        out.append(isinstance(b, Base))
    return out[-2:], sum(out)


print(flags(300))

# Errors raised by the real call.
for bad in (3, "Base", None):
    try:
        count([Base()], bad)
    except TypeError as e:
        print("TypeError:", e)

# isinstance rebound: as a global, then back to the builtin.
print(count(values, Base))
isinstance = lambda x, c: True
print(count(values, Base))
del isinstance
print(count(values, Base))

# The builtin under another name.
isinst = builtins.isinstance


def other_name(n):
    t = 0
    b = Child()
    for i in range(n):
        t += isinst(b, Child)
    return t


print(other_name(300))
try:
    print(isinstance(Base()))
except TypeError as e:
    print("TypeError:", e)
