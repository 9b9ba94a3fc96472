# f-strings, format() and str.format() call a class's __format__ (with the
# spec, empty included); a class without one formats as str() for an empty
# spec and raises for another. Regression: __format__ was never called.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        return f"{self.cents / 100:{spec}} dollars"

    def __str__(self):
        return "Money"


class Plain:
    def __str__(self):
        return "plain!"


class Bad:
    def __format__(self, spec):
        return 42


class Sub(Money):
    pass


m = Money(1234)
print(f"{m}", f"{m:>10.1f}", format(m), format(m, "e"), "{} {:.3f}".format(m, m))
print(f"{Sub(5)}", f"{Plain()}", format(Plain()), "{}".format(Plain()))
for thunk in [lambda: f"{Plain():x}", lambda: format(Bad()), lambda: f"{Bad()}"]:
    try:
        print(thunk())
    except TypeError as e:
        print("TypeError", e)
for i in range(3):
    print(f"{i}:{Money(i * 50)}:{[i, (i,)]}")
