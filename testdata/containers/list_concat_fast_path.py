# `list + list` has its own interpreter path (interp/exec.rs, Add): a new
# list, the operands untouched; `+=` still extends in place; subclasses and
# other operand types still go through their special methods and errors.
a = [1, 2]
b = [3]
c = a + b
print(c, a, b, c is a, a + [] == a, (a + []) is a, [] + [])
alias = a
a += b
print(a, alias, a is alias)
a = a + b
print(a, alias, a is alias)


class L(list):
    def __add__(self, other):
        return "L.__add__"

    def __radd__(self, other):
        return "L.__radd__"


print(L([1]) + [2], [2] + L([1]))
for bad in (lambda: [1] + (2,), lambda: [1] + None, lambda: [1] + "x"):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
acc = []
for i in range(5):
    acc = acc + [i] + acc[:1]
print(acc, len(acc))
