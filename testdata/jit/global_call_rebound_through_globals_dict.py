# A recursive function rebinds its own global name through the globals()
# dict and through the module object while the recursion runs; later calls
# of the name must see the new function (compiled code checks the
# module's globals, whichever way they were written).
import sys

counter = [0]


def other(n):
    return -n


def fib(n):
    counter[0] += 1
    if counter[0] == 40:
        globals()["fib"] = other
    if counter[0] == 400:
        setattr(sys.modules[__name__], "fib", other)
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


original = fib
for _ in range(20):
    counter[0] = 10**9
    original(15)

for round in range(3):
    fib = original
    counter[0] = 0
    print("globals() rebinding:", original(14))
    fib = original
    counter[0] = 300
    print("module setattr rebinding:", original(14))

# Deleted mid-recursion: NameError from the next call of the name.
def gone(n):
    if n == 3:
        del globals()["gone_ref"]
    if n < 2:
        return n
    return gone_ref(n - 1) + gone_ref(n - 2)


for i in range(3):
    gone_ref = gone
    try:
        print(gone(12))
    except NameError as e:
        print("NameError:", e)
